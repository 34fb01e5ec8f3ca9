"""Every kind of bad input in docs/bad-input.md, through the command line.

Each case builds its input, runs one command and checks the exit status and the
one-line messages on stderr (never a traceback). The table in docs/bad-input.md
and the cases here must name the same ids: a test checks that.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "seed_a.txt")
BODY = (
    "The council voted on Friday to close the old harbour bridge for repairs, and the mayor "
    "said the work would take at least six months to finish."
)
FRENCH = "Le café était fermé à Zürich, où les élèves attendaient le maire de la ville."
RUSSIAN = "Мэр города заявил, что новый мост откроется в следующем месяце после ремонта."


@dataclass
class Case:
    args: list[str]
    status: int
    stderr: list[str] = field(default_factory=list)  # substrings, each on its own line
    stdin: str | bytes | None = None
    stdout: list[str] = field(default_factory=list)
    check: Callable[[Path], None] | None = None


def jsonl(*recs: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def folder_with_readme(d: Path) -> Case:
    write(d / "a.txt", Path(SEED).read_bytes())
    readme = write(d / "README.TXT", "This folder holds one article.")
    said = f"warning: {readme}: looks like the folder's readme or licence, not an article; skipped"
    return Case(["index", str(d), "--db", str(d.parent / "db")], 0, [said, "1 added"])


def folder_with_json(d: Path) -> Case:
    """A folder reads what its files read one by one: a .json record (in a subfolder), a
    one-record .ndjson file, and a .json file that holds no article, which is one line."""
    arts = d / "arts"
    (arts / "sub").mkdir(parents=True)
    write(arts / "a.txt", BODY)
    write(arts / "sub" / "b.json", json.dumps({"id": "b", "text": FRENCH}, indent=2))
    write(arts / "c.ndjson", jsonl({"id": "c", "text": RUSSIAN}))
    meta = write(arts / "meta.json", json.dumps({"name": "crawl", "version": 3}))
    said = f"skipped: {meta}: not an article record (no 'id' and no 'text')"
    return Case(
        ["index", str(arts), "--db", str(d / "db"), "--workers", "1"],
        1,
        [said, "3 added, 0 unchanged, 1 skipped"],
        check=lambda _: stored_is(d / "db", sorted([str(arts / "a.txt"), "b", "c"])),
    )


def write(p: Path, data: str | bytes) -> str:
    if isinstance(data, str):
        data = data.encode()
    p.write_bytes(data)
    return str(p)


def stored(db: Path) -> list[str]:
    from storytrace.store import Store

    with Store(db) as s:
        return sorted(a["id"] for a in s.iter_articles())


def stored_is(db: Path, ids: list[str]) -> None:
    assert stored(db) == ids


def index(d: Path, data: str | bytes, name: str = "d.jsonl", status: int = 1, **kw) -> Case:
    p = write(d / name, data)
    args = ["index", p, "--db", str(d / "db"), "--workers", "1", "--no-quotes"]
    return Case(args, status, **kw)


def quotes_text(d: Path, data: bytes, contains: str, **kw) -> Case:
    p = write(d / "a.txt", data)
    return Case(
        ["quotes", p, "--json", "--no-parser"],
        0,
        stdout=[json.dumps(contains, ensure_ascii=False)[1:-1]],
        **kw,
    )


def huge(d: Path) -> Case:
    p = d / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MiB without writing it
    return Case(["compare", str(p), SEED], 2, [f"error: {p}: file is 50.0 MiB, larger than"])


def markup_path(d: Path) -> Case:
    (d / "a[").mkdir()
    p = write(d / "a[" / "b].txt", Path(SEED).read_text())
    return Case(["compare", p, SEED], 0, stdout=["a[/b].txt"])


def duplicate(d: Path) -> Case:
    p = d / "d.jsonl"
    case = index(d, jsonl({"id": "x", "text": BODY}, {"id": "x", "text": FRENCH}))
    case.status, case.stderr = 1, [f"skipped: {p}:2: duplicate id 'x' (first at {p}:1); skipped"]
    case.check = lambda d: None if stored(d / "db") == ["x"] else pytest.fail("duplicate stored")
    return case


def truncated_gz(d: Path) -> Case:
    data = gzip.compress(jsonl(*({"id": i, "text": BODY * 40} for i in range(60))).encode())
    return index(d, data[: len(data) // 2], "d.jsonl.gz", status=1, stderr=["truncated gzip data"])


def pairs(d: Path, lines: str, status: int, errors: list[str]) -> Case:
    p = write(d / "pairs.jsonl", lines)
    return Case(["compare", "--pairs", p, "--workers", "1", "--no-text"], status, stdout=errors)


COOKIE_WALL = (
    "<html><head><title>Before you continue</title></head><body><div class='consent'>"
    "<h2>We value your privacy</h2><p>We and our partners use cookies to store and access "
    "information on your device, and process personal data such as unique identifiers for "
    "personalised ads and content.</p><button>Accept all</button><button>Reject all</button>"
    "<button>Manage options</button></div></body></html>"
)


CASES: dict[str, Callable[[Path], Case]] = {
    # single articles (compare, quotes, match read one file)
    "missing-file": lambda d: Case(
        ["compare", str(d / "nope.txt"), SEED], 2, [f"error: {d / 'nope.txt'}: no such file"]
    ),
    "directory": lambda d: Case(["compare", str(d), SEED], 2, ["is a directory"]),
    "empty-file": lambda d: Case(["compare", write(d / "e.txt", b""), SEED], 2, ["file is empty"]),
    "blank-file": lambda d: Case(
        ["compare", write(d / "e.txt", b" \n\t\n"), SEED], 2, ["file is empty"]
    ),
    "binary-file": lambda d: Case(
        ["compare", write(d / "x.png", b"\x89PNG\r\n\x1a\n\x00\x00\rIHDR" * 64), SEED],
        2,
        ["looks like a binary file"],
    ),
    "binary-after-text": lambda d: Case(
        ["compare", write(d / "x.txt", BODY.encode() * 100 + b"\x00\x01\x02" * 99), SEED],
        2,
        ["looks like a binary file"],
    ),
    "huge-file": huge,
    "html-without-article": lambda d: Case(
        ["compare", write(d / "p.html", "<html><body><nav>Home | News</nav></body></html>"), SEED],
        2,
        ["HTML contains no article text"],
    ),
    "latin1-file": lambda d: quotes_text(d, FRENCH.encode("latin-1"), FRENCH),
    "cp1251-file": lambda d: quotes_text(d, RUSSIAN.encode("cp1251"), RUSSIAN),
    "utf16-file-with-bom": lambda d: quotes_text(d, FRENCH.encode("utf-16"), FRENCH),
    "utf16-file-without-bom": lambda d: quotes_text(d, FRENCH.encode("utf-16-le"), FRENCH),
    "utf8-bom-file": lambda d: Case(
        ["quotes", write(d / "a.txt", codecs.BOM_UTF8 + FRENCH.encode()), "--json"],
        0,
        stdout=['"text": "' + FRENCH[:10]],  # no U+FEFF before the first letter
    ),
    "utf8-one-bad-byte": lambda d: quotes_text(
        d,
        FRENCH.encode() + b" \x92 " + FRENCH.encode(),
        f"{FRENCH} \ufffd {FRENCH}",
        stderr=["1 byte(s) invalid in UTF-8 replaced with U+FFFD"],
    ),
    "markup-in-path": markup_path,
    "markup-in-missing-path": lambda d: Case(
        ["compare", str(d / "x[/red]y.txt"), SEED], 2, [f"error: {d / 'x[/red]y.txt'}: no such"]
    ),
    "two-stdin-articles": lambda d: Case(
        ["compare", "-", "-"], 2, ["only one of the two articles can be -"]
    ),
    "unknown-option": lambda d: Case(["compare", SEED, SEED, "--bogus"], 2, ["No such option"]),
    "bad-option-value": lambda d: Case(
        ["match", SEED, "--db", str(d), "--limit", "0"], 2, ["Invalid value for '--limit'"]
    ),
    "jsonl-as-one-article": lambda d: Case(
        [
            "compare",
            write(d / "two.jsonl", jsonl({"id": 1, "text": BODY}, {"id": 2, "text": BODY})),
            SEED,
        ],
        2,
        ["two.jsonl: holds more than one record; give one article per file"],
    ),
    "jsonl-as-one-article-match": lambda d: Case(
        [
            "match",
            write(d / "two.jsonl", jsonl({"id": 1, "text": BODY}, {"id": 2, "text": BODY})),
            "--db",
            str(d),
        ],
        2,
        # match, not compare, was given it: the message names no other command's rule.
        ["two.jsonl: holds more than one record; give one article per file"],
    ),
    "html-cookie-wall": lambda d: Case(
        ["compare", write(d / "wall.html", COOKIE_WALL), SEED],
        2,
        [f"error: {d / 'wall.html'}: HTML holds a cookie or consent notice, no article text"],
    ),
    "missing-index": lambda d: Case(
        ["match", SEED, "--db", str(d / "nope")], 2, [f"error: {d / 'nope'}: no index here"]
    ),
    # JSON Lines (index; quotes and spin read them the same way)
    "jsonl-malformed-line": lambda d: index(
        d,
        jsonl({"id": "a", "text": BODY}) + "{oops\n" + jsonl({"id": "b", "text": BODY}),
        status=1,
        stderr=[f"skipped: {d / 'd.jsonl'}:2: malformed JSON", "2 added, 0 unchanged, 1 skipped"],
    ),
    "jsonl-control-character": lambda d: index(
        d,
        jsonl({"id": "a", "text": BODY}) + '{"id": "b", "text": "cut off\tin the mid\n',
        status=1,
        # Python's message ends "...character at" and wants its column: not "(... at)".
        stderr=[
            f"skipped: {d / 'd.jsonl'}:2: malformed JSON (Invalid control character at: column 29)"
        ],
    ),
    "jsonl-not-an-object": lambda d: index(
        d, "[1, 2]\n", status=1, stderr=["expected a JSON object"]
    ),
    "jsonl-missing-id": lambda d: index(
        d, jsonl({"text": BODY}), status=1, stderr=["needs an 'id' (string or integer)"]
    ),
    "jsonl-list-id": lambda d: index(
        d, jsonl({"id": ["a"], "text": BODY}), status=1, stderr=["needs an 'id'"]
    ),
    "jsonl-text-not-a-string": lambda d: index(
        d, jsonl({"id": "a", "text": {"body": BODY}}), status=1, stderr=["needs a string 'text'"]
    ),
    "jsonl-empty-text": lambda d: index(
        d, jsonl({"id": "a", "text": "  "}), status=1, stderr=["record a: 'text' is empty"]
    ),
    "jsonl-metadata-not-a-string": lambda d: index(
        d,
        jsonl({"id": "a", "text": BODY, "title": ["x"]}),
        status=1,
        stderr=["'title' must be a string"],
    ),
    "jsonl-duplicate-id": duplicate,
    "jsonl-utf8-bom": lambda d: index(
        d, codecs.BOM_UTF8 + jsonl({"id": "a", "text": BODY}).encode(), status=0
    ),
    "jsonl-latin1": lambda d: index(
        d, jsonl({"id": "a", "text": FRENCH}).encode("latin-1"), status=0
    ),
    "jsonl-gzip-truncated": truncated_gz,
    "jsonl-deep-nesting": lambda d: index(
        d, "[" * 100_000 + "]" * 100_000 + "\n", status=1, stderr=["JSON nested too deeply"]
    ),
    "jsonl-unreadable-date": lambda d: index(
        d,
        jsonl({"id": "a", "text": BODY, "published": "sometime soon"}),
        status=0,
        stderr=[f"warning: {d / 'd.jsonl'}:1: record a: cannot read the date 'sometime soon'"],
    ),
    "json-array-file": lambda d: index(
        d,
        json.dumps([{"id": "a", "text": BODY}]),
        "d.json",
        stderr=[f"{d / 'd.json'}: holds a JSON array; give one article per .json file"],
    ),
    "json-array-compare": lambda d: Case(
        ["compare", write(d / "d.json", json.dumps([{"id": "a", "text": BODY}])), SEED],
        2,
        [f"error: {d / 'd.json'}: holds a JSON array; give one article per .json file"],
    ),
    "json-malformed": lambda d: Case(
        ["compare", write(d / "d.json", '{"id": "a", "text": '), SEED],
        2,
        [f"error: {d / 'd.json'}: malformed JSON ("],
    ),
    "json-one-record-index": lambda d: index(
        d,
        json.dumps({"id": "a", "text": BODY}, indent=2),
        "a.json",
        status=0,
        stderr=["1 added"],
        check=lambda d: stored_is(d / "db", ["a"]),
    ),
    "json-one-record": lambda d: Case(
        [
            "compare",
            write(d / "a.json", json.dumps({"id": "a", "text": BODY, "title": "T"}, indent=2)),
            write(d / "b.txt", BODY),
            "--json",
        ],
        0,
        stdout=['"verdict": "duplicate"'],
    ),
    "json-record-stdin": lambda d: Case(
        ["compare", "-", write(d / "b.txt", BODY), "--json"],
        0,
        stdin=json.dumps({"id": "a", "text": BODY, "title": "T"}, indent=2),
        stdout=['"verdict": "duplicate"'],
    ),
    "text-opening-with-brace": lambda d: Case(
        ["compare", "-", SEED],
        2,
        ["error: <stdin>: malformed JSON ("],
        stdin="{Update: corrected} " + BODY,
    ),
    "jsonl-records-stdin": lambda d: Case(
        ["compare", "-", SEED],
        2,
        ["error: <stdin>: holds more than one record; give one article per file"],
        stdin=jsonl({"id": "a", "text": BODY}, {"id": "b", "text": BODY}),
    ),
    "jsonl-empty-file": lambda d: index(
        d,
        b"",
        status=1,
        stderr=[f"skipped: {d / 'd.jsonl'}: file is empty", "no article was indexed"],
    ),
    "stdin-text-for-index": lambda d: Case(
        ["index", "-", "--db", str(d / "db")], 1, ["<stdin>: expected JSON Lines"], stdin=BODY
    ),
    # batches
    "quotes-empty-folder": lambda d: Case(
        ["quotes", str(d)], 1, [f"skipped: {d}: folder holds no .txt", "0 articles processed"]
    ),
    "index-empty-folder": lambda d: Case(
        ["index", str(d), "--db", str(d.parent / "db")],
        1,
        [f"skipped: {d}: folder holds no .txt", "no article was indexed"],
    ),
    "index-folder-readme": lambda d: folder_with_readme(d),
    "index-folder-json": lambda d: folder_with_json(d),
    "quotes-bad-file-among-good": lambda d: Case(
        ["quotes", SEED, write(d / "e.txt", b""), SEED, "--json", "--no-parser"],
        1,
        [f"skipped: {d / 'e.txt'}: file is empty", "2 articles processed, 1 skipped"],
    ),
    "pairs-missing-file": lambda d: pairs(
        d,
        jsonl({"id": "p", "a": "nope.txt", "b": SEED}),
        1,
        ['{"id": "p", "error": "', 'nope.txt: no such file"}'],
    ),
    "pairs-malformed-line": lambda d: pairs(
        d, "{oops\n", 1, ['{"id": null, "error": "', ":1: malformed JSON"]
    ),
    "pairs-record-without-side": lambda d: Case(
        [
            "compare",
            "--pairs",
            write(d / "pairs.jsonl", jsonl({"id": "p", "a_text": BODY}, {"a_text": BODY})),
            "--workers",
            "1",
        ],
        1,
        # The line is named, as a malformed one is; a record with no id is no "pair None".
        [f"skipped: pair p: {d / 'pairs.jsonl'}:1: record has neither 'b' nor 'b_text'"]
        + [f"skipped: {d / 'pairs.jsonl'}:2: record has neither 'b' nor 'b_text'"],
        stdout=[f'{{"id": "p", "error": "{d / "pairs.jsonl"}:1: record has neither'],
    ),
    "pairs-line-cut-short": lambda d: pairs(
        d,
        '{"id": "p", "a": "x.txt", "b"\n',
        1,
        # Where the line ends, not "column 1" of the line after it, as Python counts.
        ['"error": "', "pairs.jsonl:1: malformed JSON (Expecting ':' delimiter: column 30)"],
    ),
    "pairs-empty": lambda d: Case(
        ["compare", "--pairs", write(d / "p.jsonl", "")], 1, ["no pairs to process"]
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    case = CASES[name](tmp_path)
    res = CliRunner().invoke(app, case.args, input=case.stdin, env={"COLUMNS": "400"})
    assert res.exit_code == case.status, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    lines = res.stderr.splitlines()
    for want in case.stderr:
        assert any(want in ln for ln in lines), (want, res.stderr)
    for want in case.stdout:
        assert want in res.stdout, (want, res.stdout[:500])
    if case.check:
        case.check(tmp_path)


def test_huge_jsonl_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # docs/bad-input.md "jsonl-huge-line": the 20 MiB limit, lowered here to keep it fast.
    import storytrace.articles as arts

    monkeypatch.setattr(arts, "MAX_BYTES", 2000)
    case = index(tmp_path, jsonl({"id": "big", "text": "word " * 2000}, {"id": "ok", "text": BODY}))
    res = CliRunner().invoke(app, case.args)
    assert res.exit_code == 1
    assert f"skipped: {tmp_path / 'd.jsonl'}:1: line longer than the" in res.stderr
    assert stored(tmp_path / "db") == ["ok"]


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    # docs/bad-input.md "broken-pipe": the reader goes away (| head -1).
    many = [SEED] * 40
    proc = subprocess.Popen(
        [sys.executable, "-m", "storytrace", "quotes", *many, "--json", "--no-parser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout and proc.stderr
    assert json.loads(proc.stdout.readline())["id"] == SEED
    proc.stdout.close()
    proc.wait(timeout=60)
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr.read().decode()


def test_doc_table_lists_every_case() -> None:
    doc = (ROOT / "docs" / "bad-input.md").read_text()
    named = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.M))
    tested = {*CASES, "jsonl-huge-line", "broken-pipe", "ctrl-c"}
    assert named == tested
