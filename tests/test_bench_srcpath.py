"""The benches that run older code beside this one take ``--baseline-src`` as a checkout or its
``src`` and stop with a usage error on a folder holding neither (bench/srcpath.py): given a
wrong path, the child process imported the installed code instead and the "baseline" column
measured this code without a word."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
from srcpath import src_folder  # noqa: E402


def _tree(tmp_path: Path) -> Path:
    pkg = tmp_path / "tree" / "src" / "storytrace"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    return tmp_path / "tree"


def test_a_checkout_or_its_src_gives_the_src(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    src = str((tree / "src").resolve())
    assert src_folder(tree) == src
    assert src_folder(str(tree / "src")) == src
    assert src_folder(tree / "src" / ".." / "src") == src


@pytest.mark.parametrize("where", ["missing", "empty", "src/src", "package without init"])
def test_a_folder_holding_neither_is_refused(tmp_path: Path, where: str) -> None:
    tree = _tree(tmp_path)
    given = {
        "missing": tmp_path / "nowhere",
        "empty": tmp_path / "empty",
        # session 38's slip: <tree>/src given to a bench that appended src itself
        "src/src": tree / "src" / "src",
        "package without init": tmp_path / "bare",
    }[where]
    if where == "empty":
        given.mkdir()
    if where == "package without init":
        (given / "storytrace").mkdir(parents=True)
    with pytest.raises(argparse.ArgumentTypeError, match="no storytrace package"):
        src_folder(given)


def _benches_with_baseline() -> list[Path]:
    return sorted(p for p in BENCH.glob("*.py") if '"--baseline-src"' in p.read_text())


def test_every_bench_with_a_baseline_is_covered() -> None:
    names = {p.name for p in _benches_with_baseline()}
    assert {"cli_startup.py", "increment.py", "sentence_reuse.py", "evidence_bench.py"} <= names


# Each bench's other required options, so that only --baseline-src can stop it.
_REQUIRED = {"increment.py": ["--store", "{tmp}", "--new", "{tmp}/new.jsonl"]}


# Every bench with --baseline-src, and those whose --src names the code to time.
_CASES = [(p.name, "--baseline-src") for p in _benches_with_baseline()]
_CASES += [("cli_startup.py", "--src"), ("hotspots_bench.py", "--src")]


@pytest.mark.parametrize(("bench", "option"), _CASES, ids=[f"{b} {o}" for b, o in _CASES])
def test_a_bench_stops_on_a_wrong_src_before_any_work(
    bench: str, option: str, tmp_path: Path
) -> None:
    wrong = tmp_path / "tree" / "src" / "src"
    extra = [a.format(tmp=tmp_path) for a in _REQUIRED.get(bench, [])]
    proc = subprocess.run(
        [sys.executable, str(BENCH / bench), *extra, option, str(wrong)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr[-500:]
    assert proc.stdout == ""
    last = proc.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        rf".*error: argument {option}: {re.escape(str(wrong))}: no storytrace package "
        r"in it or in its src/",
        last,
    ), last
