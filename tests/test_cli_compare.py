"""The compare command end to end: output modes, batch mode and bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED_A = str(ROOT / "examples" / "seed_a.txt")
SEED_B = str(ROOT / "examples" / "seed_b.txt")
runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_summary_on_seeds() -> None:
    res = run("compare", SEED_A, SEED_B)
    assert res.exit_code == 0, res.output
    assert "same-story" in res.output
    assert "grossly implausible" in res.output or "United States" in res.output
    assert "Coverage" in res.output


def test_json_output_carries_text_and_spans() -> None:
    res = run("compare", SEED_A, SEED_B, "--json")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    text_b = d["b"]["text"]
    spans = [text_b[p["b"][0] : p["b"][1]] for p in d["passages"]]
    assert any("we will sort your housing" in s for s in spans)


def test_html_report_escapes_article_text(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    evil = "<script>alert(1)</script> The council approved the new budget for the harbour bridge."
    a.write_text(evil)
    b.write_text(evil)
    out = tmp_path / "r.html"
    res = run("compare", str(a), str(b), "--html", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text()
    assert "<script>alert(1)" not in html
    # With the report's own markup removed, the article text reads back escaped.
    plain = re.sub(r"<[^>]+>", "", re.sub(r"<sup>\d+</sup>", "", html))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in plain
    assert 'data-p="1"' in html


def test_stdin_input() -> None:
    res = run("compare", "-", SEED_B, "--json", stdin=Path(SEED_A).read_text())
    assert res.exit_code == 0
    assert json.loads(res.stdout)["a"]["source"] == "<stdin>"


def test_html_input_is_extracted(tmp_path: Path) -> None:
    body = " ".join(
        f"<p>Paragraph {i}: the council approved the budget for the harbour bridge repairs "
        f"after a long debate about local taxes and the cost of energy for families.</p>"
        for i in range(6)
    )
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Budget approved</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Budget approved</h1>{body}</article><footer>Copyright</footer></body></html>"
    )
    res = run("compare", str(page), str(page), "--json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["a"]["format"] == "html"
    assert "harbour bridge" in d["a"]["text"] and "<p>" not in d["a"]["text"]
    assert d["verdict"] == "duplicate"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "bin.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), "binary"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\n "), "empty"),
        (
            lambda d: _write(d / "page.html", b"<html><body><nav>x</nav></body></html>"),
            "no article",
        ),
    ],
)
def test_bad_input_one_line_error(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    res = run("compare", str(path), SEED_A)
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in res.output


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_latin1_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("The fee was £3,000 for the café owner in Zürich.".encode("latin-1"))
    res = run("compare", str(p), str(p), "--json")
    assert res.exit_code == 0
    assert "£3,000" in json.loads(res.stdout)["a"]["text"]


def test_huge_file_is_refused_clearly(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing it
    res = run("compare", str(p), SEED_A)
    assert res.exit_code == 2
    assert "50.0 MiB" in res.stderr and "limit" in res.stderr


def test_pairs_batch_mode(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    (tmp_path / "a.txt").write_text(Path(SEED_A).read_text())
    pairs.write_text(
        "\n".join(
            [
                json.dumps({"id": "seeds", "a": "a.txt", "b": SEED_B}),
                json.dumps({"id": "inline", "a_text": "one two three", "b_text": "four five"}),
                "{not json",
                json.dumps({"id": "missing", "a": "nope.txt", "b": SEED_B}),
            ]
        )
        + "\n"
    )
    res = run("compare", "--pairs", str(pairs), "--workers", "2", "--no-text")
    # Some pairs failed: the rest are compared, the exit status says so.
    assert res.exit_code == 1, res.output
    out = [json.loads(ln) for ln in res.stdout.splitlines()]
    # Results and errors in input order, every one keyed by id.
    assert [o["id"] for o in out] == ["seeds", "inline", None, "missing"]
    assert out[0]["verdict"] == "same-story"
    assert "text" not in out[0]["a"]
    assert out[1]["verdict"] == "unrelated"
    assert f"{pairs}:3: malformed JSON" in out[2]["error"] and "line" not in out[2]
    assert "no such file" in out[3]["error"]
    assert "2 pairs processed, 2 skipped" in res.stderr


def test_pairs_fail_fast_stops_at_first_error(tmp_path: Path) -> None:
    recs = [{"id": f"p{i}", "a_text": "one two three", "b_text": "four five"} for i in range(4)]
    recs.insert(1, {"id": "bad", "a": "nope.txt", "b": "nope.txt"})
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = run("compare", "--pairs", str(pairs), "--workers", "1", "--fail-fast")
    assert res.exit_code == 1
    assert [json.loads(ln)["id"] for ln in res.stdout.splitlines()] == ["p0", "bad"]
    res = run("compare", "--pairs", str(pairs), "--workers", "1")  # --keep-going
    assert res.exit_code == 1 and len(res.stdout.splitlines()) == 5


def test_pairs_from_stdin_and_empty_input() -> None:
    rec = {"id": "s", "a_text": "The bridge closes on Friday.", "b_text": "The bridge closes."}
    res = run("compare", "--pairs", "-", "--workers", "1", stdin=json.dumps(rec) + "\n")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["id"] == "s"
    res = run("compare", "--pairs", "-", stdin="")
    assert res.exit_code == 1 and "no pairs to process" in res.stderr


def test_console_script_runs() -> None:
    # The installed entry point, in a real process: no traceback on a missing file.
    proc = subprocess.run(
        [sys.executable, "-m", "storytrace", "compare", "nope-a.txt", SEED_B],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: nope-a.txt: no such file"


def test_semantic_option_reports_mode() -> None:
    res = run("compare", SEED_A, SEED_B, "--json", "--semantic", "lexical")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["mode"] == "lexical"
    bad = run("compare", SEED_A, SEED_B, "--semantic", "bogus")
    assert bad.exit_code == 2 and "--semantic must be" in bad.stderr
