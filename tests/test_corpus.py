import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from storytrace import corpus
from storytrace.cli import app

FIX = Path(__file__).parent / "fixtures" / "corpus"


EXTRA = (
    "\nTraders on the quayside said they feared a quiet summer, and one cafe owner said takings "
    "had already fallen by a third since the first reports of damage emerged last month. The "
    "ferry operator said it would add two extra crossings every hour during the closure."
)


def _files():
    return [str(FIX / n) for n in ("wire.txt", "local.html", "other.txt")]


def test_index_is_incremental_and_stories_find_reuse(tmp_path):
    db = tmp_path / "db"
    r = corpus.index(_files(), db)
    assert (r.added, r.skipped, r.errors) == (3, 0, [])
    r = corpus.index(_files(), db)
    assert (r.added, r.skipped) == (0, 3)
    data = corpus.stories(db)
    multi = [s for s in data["stories"] if len(s["articles"]) > 1]
    assert len(multi) == 1
    wire, local = str(FIX / "wire.txt"), str(FIX / "local.html")
    assert sorted(multi[0]["articles"]) == sorted([wire, local])
    (edge,) = multi[0]["edges"]
    assert edge["shared_quotes"] >= 1
    # Each holds a shared opening plus its own ending, with no dates and no wire credit:
    # nothing says who took from whom, so no direction and no common-source claim (issue 12).
    assert edge["direction"] is None
    text = {a["id"]: a["text"] for a in corpus.Store(db).iter_articles()}
    p = edge["passages"][0]
    side = {edge["a"]: p["a"], edge["b"]: p["b"]}
    assert "Tyne Road bridge" in text[wire][side[wire][0] : side[wire][1]]


def test_jsonl_bad_record_is_skipped_and_duplicates_collapse(tmp_path):
    base = (FIX / "wire.txt").read_text()
    lines = [
        json.dumps({"id": "w1", "text": base, "published": "2024-05-01"}),
        "{broken",
        json.dumps({"id": "w2", "text": base}),
        json.dumps({"id": "w3", "text": base + EXTRA, "published": "2024-05-02"}),
        json.dumps({"id": "nope"}),
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n")
    r = corpus.index([str(src)], tmp_path / "db")
    assert r.added == 3 and len(r.errors) == 2
    (story,) = [s for s in corpus.stories(tmp_path / "db")["stories"] if len(s["articles"]) > 1]
    assert {"id": "w1", "count": 2, "members": ["w1", "w2"]} in story["nodes"]
    dirs = {(e["direction"] or {}).get("basis") for e in story["edges"]}
    assert "time" in dirs


def test_match_ranks_sharing_article_first(tmp_path):
    corpus.index(_files(), tmp_path / "db")
    hits = corpus.match(str(FIX / "wire.txt"), tmp_path / "db")
    assert hits[0]["id"] == str(FIX / "wire.txt") and hits[0]["near_duplicate"]
    assert hits[1]["id"] == str(FIX / "local.html") and hits[1]["shared_quotes"] >= 1
    assert str(FIX / "other.txt") not in {h["id"] for h in hits}


def test_cli_index_stories_export(tmp_path):
    run = CliRunner()
    db = str(tmp_path / "db")
    res = run.invoke(app, ["index", *_files(), "--db", db])
    assert res.exit_code == 0, res.output
    res = run.invoke(app, ["stories", "--db", db, "--json"])
    assert res.exit_code == 0
    assert len(json.loads(res.stdout)["stories"]) == 2
    res = run.invoke(app, ["export", "--db", db, "--out", str(tmp_path / "ex")])
    assert res.exit_code == 0
    rows = (tmp_path / "ex" / "articles.jsonl").read_text().splitlines()
    assert len(rows) == 3
    assert (tmp_path / "ex" / "passages.jsonl").read_text().strip()
    res = run.invoke(app, ["stories", "--db", str(tmp_path / "missing")])
    assert res.exit_code == 2 and "no index here" in res.output


def test_sigkill_mid_index_then_resume(tmp_path):
    n = 3000
    src = tmp_path / "big.jsonl"
    with open(src, "w") as fh:
        for i in range(n):
            text = (
                f"Article {i} reports that item {i} sold for {i * 7} pounds in town {i % 97} today."
            )
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    db = tmp_path / "db"
    cmd = [sys.executable, "-m", "storytrace", "index", str(src), "--db", str(db), "--no-quotes"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dbfile = db / "storytrace.db"
    deadline = time.time() + 30
    killed_at = 0
    while time.time() < deadline:
        if dbfile.exists():
            try:
                con = sqlite3.connect(dbfile, timeout=0.1)
                killed_at = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                killed_at = 0
            if killed_at > 0:
                break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < killed_at < n, "the run must be killed part-way"
    con = sqlite3.connect(dbfile)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored < n
    # Every stored article is whole: it has its postings.
    orphans = con.execute(
        "SELECT count(*) FROM articles WHERE doc NOT IN (SELECT doc FROM postings)"
    ).fetchone()[0]
    assert orphans == 0
    con.close()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert f"{n - stored} added, {stored} unchanged" in res.stderr
    con = sqlite3.connect(dbfile)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_parquet_export_or_clear_message(tmp_path):
    import importlib.util

    from storytrace.articles import InputError

    corpus.index(_files(), tmp_path / "db")
    if importlib.util.find_spec("pyarrow") is None:
        try:
            corpus.export(tmp_path / "db", tmp_path / "ex", "parquet")
        except InputError as e:
            assert "storytrace[parquet]" in str(e)
        else:
            raise AssertionError("parquet export without pyarrow must raise InputError")
        return
    import pyarrow.parquet as pq

    corpus.export(tmp_path / "db", tmp_path / "ex", "parquet")
    assert pq.read_table(tmp_path / "ex" / "articles.parquet").num_rows == 3
    assert pq.read_table(tmp_path / "ex" / "passages.parquet").num_rows >= 1


def test_shared_quote_joins_otherwise_different_articles(tmp_path):
    quote = '"We will rebuild every home that the river took from us this winter," the mayor said.'
    a = "Floods hit the valley towns of Hebden and Todmorden after record rain on Sunday. " + quote
    b = (
        "A charity concert in Leeds raised money for flood relief, with tickets sold out in hours. "
        + quote
    )
    recs = [("a", {"text": a}), ("b", {"text": b})]
    corpus.index_records(recs, tmp_path / "db")
    groups = [s["articles"] for s in corpus.stories(tmp_path / "db")["stories"]]
    assert groups == [["a", "b"]]
    corpus.index_records(
        [("b", {"text": b.replace(quote, "Organisers thanked the bands.")})], tmp_path / "db"
    )
    groups = [s["articles"] for s in corpus.stories(tmp_path / "db")["stories"]]
    assert sorted(groups) == [["a"], ["b"]]


def test_duplicate_ids_in_one_input_keep_the_first_and_counts_match(tmp_path):
    lines = [
        {"id": "x", "text": "First version of the story about the bridge."},
        {"id": "y", "text": "Another story about the harbour."},
        {"id": "x", "text": "Second version that must not overwrite the first."},
        {"id": 7, "text": "A numeric id is its decimal string."},
        {"id": [1], "text": "A list is no id."},
        {"id": True, "text": "Nor is a boolean."},
        {"id": "z", "text": 42},
    ]
    src = tmp_path / "dup.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in lines))
    r = corpus.index([str(src)], tmp_path / "db", quotes=False)
    assert r.added == 3
    assert f"{src}:3: duplicate id 'x' (first at {src}:1); skipped" in r.errors
    assert any(e.startswith(f"{src}:5: needs an 'id'") for e in r.errors)
    assert any(e.startswith(f"{src}:6: needs an 'id'") for e in r.errors)
    assert any(e.startswith(f"{src}:7: record z: needs a string 'text'") for e in r.errors)
    assert len(r.errors) == 4
    with corpus.Store(tmp_path / "db", readonly=True) as s:
        stored = s.article_meta()
        assert sorted(stored) == ["7", "x", "y"]
        assert s.article_by_id("x")["text"].startswith("First version")
