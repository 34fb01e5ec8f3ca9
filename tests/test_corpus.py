import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace import corpus
from storytrace import fingerprints as fp
from storytrace.articles import InputError
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
        # Two days on: dates a day apart order nothing (stories.DATE_SLACK).
        json.dumps({"id": "w3", "text": base + EXTRA, "published": "2024-05-03"}),
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


OTHER_END = (
    "\nThe harbour master said divers would inspect the piers again on Thursday, and a council "
    "spokesman said residents near the bridge would receive letters explaining the diversions "
    "before the weekend."
)


@pytest.mark.parametrize(
    ("first", "second", "basis"),
    [
        ("2024-01-02", "2024-01-04", "time"),  # ISO: an order the records state
        ("02/01/2024", "04/01/2024", None),  # 2 Jan / 4 Jan, or 1 Feb / 1 Apr: no order stated
    ],
)
def test_ambiguous_numeric_dates_give_no_direction(tmp_path, first, second, basis):
    base = (FIX / "wire.txt").read_text()
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": base + EXTRA, "published": first})
        + "\n"
        + json.dumps({"id": "y", "text": base + OTHER_END, "published": second})
        + "\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus.index([str(src)], tmp_path / "db", workers=1)
    said = [str(w.message) for w in caught if "month/day or day/month" in str(w.message)]
    assert len(said) == (2 if basis is None else 0)
    assert all(f"{src}:" in m for m in said)
    (story,) = [s for s in corpus.stories(tmp_path / "db")["stories"] if len(s["articles"]) > 1]
    (edge,) = story["edges"]
    assert (edge["direction"] or {}).get("basis") == basis


def test_match_ranks_sharing_article_first(tmp_path):
    corpus.index(_files(), tmp_path / "db")
    hits = corpus.match(str(FIX / "wire.txt"), tmp_path / "db")
    # The file itself, stored under its path, is named as such and is no copy of itself.
    assert hits[0]["id"] == str(FIX / "wire.txt") and hits[0]["this_article"]
    assert hits[0]["identical"] and not hits[0]["near_duplicate"]
    assert hits[1]["id"] == str(FIX / "local.html") and hits[1]["shared_quotes"] >= 1
    assert not hits[1]["this_article"] and not hits[1]["identical"]
    assert str(FIX / "other.txt") not in {h["id"] for h in hits}


def test_cli_index_stories_export(tmp_path):
    run = CliRunner()
    db = str(tmp_path / "db")
    res = run.invoke(app, ["index", *_files(), "--db", db])
    assert res.exit_code == 0, res.output
    res = run.invoke(app, ["stories", "--db", db, "--json"])
    assert res.exit_code == 0
    assert len([json.loads(x) for x in res.stdout.splitlines()]) == 2  # JSON Lines: one story each
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
    # Every stored article is whole: it has its postings, or (a first build keeps its keys
    # apart until its end) the store marks it as waiting for them.
    no_keys = (
        "SELECT doc FROM articles WHERE doc NOT IN (SELECT doc FROM postings UNION ALL "
        "SELECT doc FROM postings_new)"
    )
    orphans = [d for (d,) in con.execute(no_keys)]
    waiting = con.execute("SELECT value FROM meta WHERE key='keys_from'").fetchone()
    assert orphans == [] or (waiting and min(orphans) >= int(waiting[0]))
    con.close()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert f"{n - stored} added, {stored} unchanged" in res.stderr
    con = sqlite3.connect(dbfile)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The resumed run stored the keys that waited: every article has its postings.
    assert con.execute(no_keys).fetchall() == []
    assert con.execute("SELECT value FROM meta WHERE key='keys_from'").fetchone() is None


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
    passages = pq.read_table(tmp_path / "ex" / "passages.parquet")
    assert passages.num_rows >= 1
    # Nested columns, not JSON strings, with the same types whatever the data.
    assert str(passages.schema.field("a").type) == "list<element: int64>"
    edges = pq.read_table(tmp_path / "ex" / "edges.parquet")
    assert str(edges.schema.field("coverage").type).startswith("map<string, double")
    assert edges.schema.field("direction").type.num_fields == 4
    stories = pq.read_table(tmp_path / "ex" / "stories.parquet").to_pylist()
    assert {len(s["articles"]) for s in stories} == {1, 2}
    # Why each article is in its story, as nested records.
    (pair,) = [s for s in stories if len(s["articles"]) == 2]
    assert [m["article"] for m in pair["members"]] == pair["articles"]
    assert {m["joined_by"] for m in pair["members"]} == {"reuse"}
    with pytest.raises(InputError, match="not a folder"):
        corpus.export(tmp_path / "db", tmp_path / "ex" / "edges.parquet", "parquet")


def test_shared_quote_joins_otherwise_different_articles(tmp_path):
    quote = '"We will rebuild every home that the river took from us this winter," the mayor said.'
    a = "Floods hit the valley towns of Hebden and Todmorden after record rain on Sunday. " + quote
    b = (
        "A charity concert in Leeds raised money for flood relief, with tickets sold out in hours. "
        + quote
    )
    recs = [("a", {"text": a}), ("b", {"text": b})]
    corpus.index_records(recs, tmp_path / "db")
    (story,) = corpus.stories(tmp_path / "db")["stories"]
    assert story["articles"] == ["a", "b"]
    # The story says what joined them: the quoted sentence is also their shared text (a
    # same-story edge), which membership names first; each names the other.
    (edge,) = story["edges"]
    assert edge["verdict"] == "same-story"
    assert [(m["article"], m["joined_by"], m["with"]) for m in story["members"]] == [
        ("a", "reuse", "b"),
        ("b", "reuse", "a"),
    ]
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


VERDICT = Path(__file__).parent / "fixtures" / "verdict"
ROOT = Path(__file__).resolve().parents[1]


def _reuse_records():
    recs = [(n, {"text": (VERDICT / f"{n}.txt").read_text()}) for n in ("original", "light")]
    recs += [(p, {"text": Path(p).read_text()}) for p in _files()]
    recs += [(n, {"text": (VERDICT / f"{n}.txt").read_text()}) for n in ("heavy", "unrelated")]
    recs.append(("original-copy", {"text": (VERDICT / "original.txt").read_text()}))
    for n, day in (("seed_a", "2024-10-23"), ("seed_b", "2024-10-24")):
        text = (ROOT / "examples" / f"{n}.txt").read_text()
        recs.append((n, {"text": text, "published": day}))
    recs.append(("independent", {"text": (VERDICT / "independent.txt").read_text()}))
    return recs


def _stored(db):
    with corpus.Store(db, readonly=True) as s:
        return s.edges(), len(s.pending())


@pytest.mark.parametrize("scan_share", [0.05, 1.0], ids=["scan", "lookups"])
def test_index_in_two_halves_gives_the_edges_and_stories_of_one_run(
    tmp_path, monkeypatch, scan_share
):
    monkeypatch.setattr(corpus, "SCAN_SHARE", scan_share)
    recs = _reuse_records()
    once = corpus.index_records(recs, tmp_path / "once")
    assert once.edges >= 4 and once.pairs >= once.edges
    corpus.index_records(recs[:5], tmp_path / "halves")
    second = corpus.index_records(recs, tmp_path / "halves")
    assert (second.added, second.skipped) == (len(recs) - 5, 5)
    edges, pending = _stored(tmp_path / "halves")
    assert pending == 0 and edges == _stored(tmp_path / "once")[0]
    assert corpus.stories(tmp_path / "halves") == corpus.stories(tmp_path / "once")


def test_few_new_articles_find_their_candidates_through_the_key_filter(tmp_path, monkeypatch):
    from storytrace import store as stm

    recs = _reuse_records()
    changed = ("light", {"text": recs[1][1]["text"] + " A later paragraph was added here."})
    runs = (recs[:6], recs[6:9], [changed], recs[9:12], [recs[1]], recs[12:])
    asked, passed = [], []
    scan, maybe = corpus.SCAN_SHARE, stm.KeyFilter.maybe
    for name in ("common_keys", "light_holders"):
        real = getattr(stm.Store, name)
        monkeypatch.setattr(
            stm.Store, name, lambda s, t, k, m, real=real: asked.extend(k) or real(s, t, k, m)
        )
    monkeypatch.setattr(
        stm.KeyFilter, "maybe", lambda s, k: passed.append(int((~maybe(s, k)).sum())) or maybe(s, k)
    )

    def index_in_runs(db):
        # The first run scans every posting and builds the key filter; the later ones are
        # too small to scan, so their candidates come through the filter and its parts
        # (folded into it after each part here), and a replaced article lowers what it
        # covers.
        for k, part in enumerate(runs):
            monkeypatch.setattr(corpus, "SCAN_SHARE", scan if k == 0 else 10.0)
            corpus.index_records(part, db)

    monkeypatch.setattr(stm, "KEY_PARTS", 1)
    index_in_runs(tmp_path / "db")
    with corpus.Store(tmp_path / "db") as s:
        kf = s.key_filter()
        assert kf is not None and kf.upto == s.last_doc()
    with_filter, asked[:] = len(asked), []
    monkeypatch.setattr(stm.Store, "key_filter", lambda s: None)
    index_in_runs(tmp_path / "ref")
    # Every key the filter let pass is one the store was not asked about.
    assert sum(passed) > len(asked) / 4 and with_filter + sum(passed) == len(asked)
    assert _stored(tmp_path / "db") == _stored(tmp_path / "ref")
    assert corpus.stories(tmp_path / "db") == corpus.stories(tmp_path / "ref")
    once = corpus.index_records(recs, tmp_path / "once")
    by_pair = sorted(_stored(tmp_path / "db")[0], key=lambda e: (e["a"], e["b"]))
    assert by_pair == sorted(_stored(tmp_path / "once")[0], key=lambda e: (e["a"], e["b"]))
    assert once.edges >= 4


def _pairs_from_sorted(rows, max_df, min_shared, later):
    """The candidate rule written out: pair counts from ``(key, doc)`` rows sorted by key."""
    from itertools import groupby
    from operator import itemgetter

    counts = {}
    for _, grp in groupby(rows, key=itemgetter(0)):
        docs = sorted(d for _, d in grp)
        if 2 <= len(docs) <= max_df:
            for x, b in enumerate(docs):
                if x and b in later:
                    for a in docs[:x]:
                        counts[(a, b)] = counts.get((a, b), 0) + 1
    return {p: c for p, c in counts.items() if c >= min_shared}


@pytest.mark.parametrize("first_doc", [0, 2**31 - 15])
def test_pairs_of_rows_counts_as_the_rule_written_out(first_doc):
    # Candidate pairs are counted on arrays, the few-articles path and the scan of the whole
    # index alike: the pairs of the rule written out for any rows, negative keys included,
    # whatever order the rows come in; docs past 2**31 (no longer one int64 a pair) too.
    import random

    import numpy as np

    rng = random.Random(13)
    for _ in range(2000):
        n_docs = rng.randint(1, 30)
        # The store holds a doc once per key (the primary key).
        rows = list(
            {
                (rng.randint(-20, 20), first_doc + rng.randrange(n_docs))
                for _ in range(rng.randint(0, 150))
            }
        )
        later = sorted(first_doc + d for d in range(n_docs) if rng.random() < 0.4)
        max_df, least = rng.randint(2, 8), rng.randint(1, 3)
        want = _pairs_from_sorted(sorted(rows), max_df, least, set(later))
        rng.shuffle(rows)
        a, b = corpus._pairs_of_rows(
            np.array([k for k, _ in rows], dtype=np.int64),
            np.array([d for _, d in rows], dtype=np.int64),
            max_df,
            least,
            np.array(later, dtype=np.int64),
        )
        assert list(zip(a.tolist(), b.tolist(), strict=True)) == sorted(want)


def test_key_filter_never_misses_a_stored_key(tmp_path):
    import numpy as np

    rng = np.random.default_rng(7)
    keys = rng.integers(-(2**63), 2**63 - 1, size=50_000, dtype=np.int64)
    with corpus.Store(tmp_path) as s:
        s.set_key_filter(0, np.unique(keys))
        kf = s.key_filter()
    assert kf.maybe(keys).all()
    others = rng.integers(-(2**63), 2**63 - 1, size=50_000, dtype=np.int64)
    assert kf.maybe(others).mean() < 0.05  # sized for 1.5 times its keys, 8 bits each


def test_reading_stories_and_export_never_aligns(tmp_path, monkeypatch):
    corpus.index_records(_reuse_records(), tmp_path / "db")

    def boom(job):
        raise AssertionError("aligned while reading")

    monkeypatch.setattr(corpus, "_align", boom)
    data = corpus.stories(tmp_path / "db")
    assert data["unaligned"] == 0
    assert any(len(s["edges"]) for s in data["stories"])
    corpus.export(tmp_path / "db", tmp_path / "ex")
    edges = [json.loads(x) for x in (tmp_path / "ex" / "edges.jsonl").read_text().splitlines()]
    passages = (tmp_path / "ex" / "passages.jsonl").read_text().splitlines()
    assert edges and passages and all("story" in e for e in edges)


def test_stories_are_stored_by_index_and_read_without_clustering(tmp_path, monkeypatch):
    from storytrace import stories as st

    recs = _reuse_records()
    corpus.index_records(recs[:6], tmp_path / "db")
    corpus.index_records(recs, tmp_path / "db")
    with corpus.Store(tmp_path / "db", readonly=True) as s:
        stored = s.stored_stories()
        ids = s.ids()
        assert stored is not None and sorted(d for g in stored for d in g) == sorted(ids)
        assert len(s.features()) == len(ids)
    computed = corpus.stories(tmp_path / "db")

    def boom(*a, **k):
        raise AssertionError("clustered while reading")

    for name in ("cluster_features", "score_table", "average_link", "attach"):
        monkeypatch.setattr(st, name, boom)
    data = corpus.stories(tmp_path / "db")
    assert data == computed
    assert sorted(s["articles"] for s in data["stories"]) == sorted(
        sorted(ids[d] for d in g) for g in stored
    )
    corpus.export(tmp_path / "db", tmp_path / "ex")
    # A change makes the stored groups stale: a read then computes them (and cannot store).
    with corpus.Store(tmp_path / "db") as s:
        s.add_many([corpus.prepare("new", {"text": "A storm closed the Tyne Road bridge."})])
        assert s.stored_stories() is None
    monkeypatch.undo()
    assert "new" in {a for s in corpus.stories(tmp_path / "db")["stories"] for a in s["articles"]}


def _interrupt_alignment(monkeypatch):
    """Align two articles a job and stop as Ctrl-C does at the sixth job; returns the real
    aligner, which the test puts back for the resumed run."""
    monkeypatch.setattr(corpus, "ALIGN_CHUNK", 2)
    real, calls = corpus._align, []

    def flaky(job):
        calls.append(job)
        if len(calls) == 6:
            raise KeyboardInterrupt
        return real(job)

    monkeypatch.setattr(corpus, "_align", flaky)
    return real


def test_interrupted_alignment_resumes_without_loss(tmp_path, monkeypatch):
    recs = _reuse_records()
    corpus.index_records(recs, tmp_path / "once")
    real = _interrupt_alignment(monkeypatch)
    with pytest.raises(corpus.Interrupted) as e:
        corpus.index_records(recs, tmp_path / "db")
    assert "run the same command again" in str(e.value) and e.value.report.added == len(recs)
    edges, pending = _stored(tmp_path / "db")
    assert 0 < pending < len(recs)
    data = corpus.stories(tmp_path / "db")
    assert data["unaligned"] == pending
    monkeypatch.setattr(corpus, "_align", real)
    r = corpus.index_records(recs, tmp_path / "db")
    assert (r.added, r.skipped) == (0, len(recs)) and r.pairs > 0
    assert _stored(tmp_path / "db") == _stored(tmp_path / "once")


def test_other_engine_version_is_refused_then_realigned(tmp_path):
    recs = _reuse_records()
    corpus.index_records(recs, tmp_path / "db")
    before = _stored(tmp_path / "db")
    stories = corpus.stories(tmp_path / "db")
    con = sqlite3.connect(tmp_path / "db" / "storytrace.db")
    con.execute("UPDATE meta SET value='0.0.1/reuse-0' WHERE key='engine'")
    # Features the other engine stored are recomputed, never mixed with this one's.
    con.execute(
        "UPDATE features SET value = CASE WHEN doc % 2 THEN '[{\"x\": 3}, [], []]' "
        "ELSE '[{\"y\": 1}, [], []]' END"
    )
    con.commit()
    con.close()
    with pytest.raises(InputError, match="computed by storytrace 0.0.1/reuse-0"):
        corpus.stories(tmp_path / "db")
    r = corpus.index_records(recs, tmp_path / "db")
    assert r.realigned and r.added == 0 and r.edges == len(before[0])
    assert _stored(tmp_path / "db") == before
    assert corpus.stories(tmp_path / "db") == stories


def test_index_says_it_realigned_the_reuse_of_another_engine(tmp_path):
    from click.testing import CliRunner

    from storytrace.cli import app

    src = tmp_path / "in.jsonl"
    lines = (json.dumps({"id": i, **rec}) + "\n" for i, rec in _reuse_records())
    src.write_text("".join(lines), encoding="utf-8")
    args = ["index", str(src), "--db", str(tmp_path / "db"), "--no-quotes"]
    runner = CliRunner()
    assert runner.invoke(app, args).exit_code == 0
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "note:" not in res.stderr
    con = sqlite3.connect(tmp_path / "db" / "storytrace.db")
    con.execute("UPDATE meta SET value='0.0.1/reuse-0' WHERE key='engine'")
    con.commit()
    con.close()
    res = runner.invoke(app, args)
    assert res.exit_code == 0
    assert "note: the stored reuse came from another version of storytrace: realigned" in res.stderr


def test_index_with_no_paths_brings_an_index_of_another_version_up_to_date(tmp_path):
    # The refusal names the command to run; a user whose input files are gone (or
    # elsewhere) runs it on the stored texts alone.
    from click.testing import CliRunner

    from storytrace.cli import app

    recs = _reuse_records()
    corpus.index_records(recs, tmp_path / "db")
    before = _stored(tmp_path / "db")
    con = sqlite3.connect(tmp_path / "db" / "storytrace.db")
    con.execute("UPDATE meta SET value='0.0.1/reuse-0' WHERE key='engine'")
    con.commit()
    con.close()
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--db", str(tmp_path / "db")])
    assert res.exit_code != 0
    assert f"run 'storytrace index --db {tmp_path / 'db'}'" in res.stderr
    res = runner.invoke(app, ["index", "--db", str(tmp_path / "db")])
    assert res.exit_code == 0 and "realigned" in res.stderr
    assert _stored(tmp_path / "db") == before
    assert runner.invoke(app, ["stories", "--db", str(tmp_path / "db")]).exit_code == 0
    res = runner.invoke(app, ["index", "--db", str(tmp_path / "db")])
    assert res.exit_code == 0 and "its reuse, stories and quotes are this version's" in res.stderr
    # No PATHS and no index: a usage error, and nothing is created.
    res = runner.invoke(app, ["index", "--db", str(tmp_path / "none")])
    assert res.exit_code == 2 and "holds no index" in res.stderr
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    ("sig", "group", "idle"),
    [
        # Ctrl-C in a terminal signals the whole process group: parent and workers.
        (signal.SIGINT, True, False),
        # kill (SIGTERM) ended index with no word at all; it now stops as Ctrl-C does.
        (signal.SIGTERM, False, False),
        # Once all the input so far was prepared and stored, both hung for good: the pool's
        # task handler waited inside the read for more, so the workers never got the
        # sentinels that stopping the pool waits for (procpool._Feed).
        (signal.SIGINT, True, True),
        (signal.SIGTERM, False, True),
    ],
    ids=["ctrl-c", "sigterm", "ctrl-c-waiting-for-input", "sigterm-waiting-for-input"],
)
def test_an_interrupted_index_is_one_line_exit_130_and_resumes(tmp_path, sig, group, idle):
    # The first PREPARE_HERE articles are prepared in the parent: interrupted once more are
    # stored, the workers are preparing the rest (or, `idle`, have prepared all the input
    # so far). The records come through a pipe this test keeps open, so the index cannot
    # finish before the signal (read from a file, it once did under load); the resumed run
    # reads the same records from the file.
    import threading

    n = corpus.PREPARE_HERE + 3000
    src = tmp_path / "big.jsonl"
    with open(src, "w") as fh:
        for i in range(n):
            text = f"Report {i} says lot {i} sold for {i * 7} pounds in town {i % 89} on Monday."
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    db = tmp_path / "db"
    cmd = [sys.executable, "-m", "storytrace", "index", str(src), "--db", str(db)]
    errors = tmp_path / "stderr.txt"
    with open(errors, "w") as err:
        proc = subprocess.Popen(
            [*cmd[:4], "-", *cmd[5:], "--workers", "2"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
            # A shell's background job starts with SIGINT ignored and a child inherits
            # that; a terminal's Ctrl-C reaches a program started with the default.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

    def feed() -> None:
        try:
            with open(src, "rb") as fh:
                for line in fh:
                    proc.stdin.write(line)
                proc.stdin.flush()
        except OSError:  # the index stopped reading: interrupted
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    dbfile = db / "storytrace.db"
    deadline = time.time() + 300  # catches a hang only
    stored = 0
    while stored <= corpus.PREPARE_HERE:
        assert time.time() < deadline, f"only {stored} articles stored"
        assert proc.poll() is None, errors.read_text()
        time.sleep(0.05)
        if dbfile.exists():
            try:
                con = sqlite3.connect(dbfile, timeout=0.1)
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                stored = 0
    while idle:  # until the count stands still: the index waits for more input
        time.sleep(1.5)
        con = sqlite3.connect(dbfile, timeout=30)
        before, stored = stored, con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        idle = stored != before
        assert time.time() < deadline, "the index never waited for input"
    assert proc.poll() is None  # its input is still open: it cannot have finished
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)  # the parent alone, as `kill PID` does
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError("the interrupted index did not stop") from None
    stderr = errors.read_text()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("interrupted: ") and "run the same command again" in last
    feeder.join(timeout=60)
    with contextlib.suppress(OSError):  # what the feeder wrote last has nowhere to go
        proc.stdin.close()
    # No worker outlives the parent (they were in its session).
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    con = sqlite3.connect(dbfile)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert con.execute("SELECT count(*) FROM articles WHERE aligned=0").fetchone()[0] == 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_pair_is_aligned_with_the_smaller_id_as_a_whatever_the_indexing_order(tmp_path):
    # The local engine orients a pair as Spark does (A = the smaller id), so the two engines,
    # and two indexing orders, store the edge the same way round. This pair (a moved block)
    # split differently by order before compare was symmetric (tests/test_symmetry.py).
    original = (VERDICT / "original.txt").read_text()
    light2 = (VERDICT / "light2.txt").read_text()
    recs = [("b-original", {"text": original}), ("a-light2", {"text": light2})]
    corpus.index_records(recs, tmp_path / "forward")
    corpus.index_records(recs[::-1], tmp_path / "backward")
    (fwd,), (bwd,) = _stored(tmp_path / "forward")[0], _stored(tmp_path / "backward")[0]
    assert fwd == bwd and fwd["a"] == "a-light2"
    from storytrace.align import BULK, compare

    expected = [p.to_dict() for p in compare(light2, original, BULK).passages]
    assert fwd["passages"] == expected
    mirrored = {(tuple(p.b), tuple(p.a)) for p in compare(original, light2, BULK).passages}
    assert mirrored == {(tuple(p["a"]), tuple(p["b"])) for p in expected}


def test_exported_quotes_carry_the_evidence_of_their_speakers(tmp_path):
    """A stored quote says how its speaker was found, as `quotes --json` does: the speaker as
    written, how it leads to the name, and where the article names them in full."""
    seed = Path(__file__).parent.parent / "examples" / "seed_a.txt"
    corpus.index([str(seed)], tmp_path / "db")
    corpus.export(tmp_path / "db", tmp_path / "ex")
    text = seed.read_text(encoding="utf-8")
    rows = [json.loads(x) for x in (tmp_path / "ex" / "quotes.jsonl").read_text().splitlines()]

    def span(q: dict, name: str) -> str | None:
        return None if q[f"{name}_start"] is None else text[q[f"{name}_start"] : q[f"{name}_end"]]

    found = {(span(q, "speaker"), q["resolved_by"], span(q, "named")) for q in rows}
    assert ("Sir Keir", "part-name", "Keir Starmer") in found
    assert ("The Prime Minister", "description", "Keir Starmer") in found
    balls = [q for q in rows if q["speaker_name"] == "Ed Balls"]
    assert balls and all(q["speaker_type"] == "person" and span(q, "cue") for q in balls)
    # Parts of one utterance share its number; utterances are numbered in text order.
    assert [q["utterance"] for q in rows] == sorted(q["utterance"] for q in rows)


def test_export_keeps_the_date_as_the_input_gave_it(tmp_path):
    text = (FIX / "wire.txt").read_text()
    src = tmp_path / "dated.jsonl"
    recs = [
        {"id": "rfc", "text": text, "published": "Thu, 30 May 2019 07:00:00 -0500"},
        {"id": "odd", "text": text + " More.", "date": "the week after Easter"},
        {"id": "none", "text": "An undated note about something else entirely, at length."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    corpus.index([str(src)], tmp_path / "db")
    corpus.export(tmp_path / "db", tmp_path / "ex")
    rows = {
        r["id"]: r
        for r in map(json.loads, (tmp_path / "ex" / "articles.jsonl").read_text().splitlines())
    }
    assert (rows["rfc"]["published"], rows["rfc"]["published_raw"]) == (
        "2019-05-30T12:00:00Z",
        "Thu, 30 May 2019 07:00:00 -0500",
    )
    assert (rows["odd"]["published"], rows["odd"]["published_raw"]) == (
        None,
        "the week after Easter",
    )
    assert (rows["none"]["published"], rows["none"]["published_raw"]) == (None, None)


@pytest.mark.parametrize("ranges", [1, 4, 16])
def test_the_scan_finds_the_candidates_of_the_rule_in_any_number_of_key_ranges(
    tmp_path, monkeypatch, ranges
):
    """candidate_pairs reads the keys a range at a time (new articles' in the small tables
    too): the pairs of the rule over all stored rows at once, and every distinct key."""
    import sqlite3
    from array import array

    import numpy as np

    from storytrace import store as stm

    monkeypatch.setattr(stm, "KEY_RANGES", ranges)
    monkeypatch.setattr(stm, "DELTA", 0.5)
    recs = _reuse_records()
    corpus.index_records(recs[:-2], tmp_path)
    corpus.index_records(recs, tmp_path)  # the last two wait in postings_new and lsh_new
    con = sqlite3.connect(tmp_path / "storytrace.db")
    rows = {
        t: sorted(con.execute(f"SELECT * FROM {t} UNION ALL SELECT * FROM {t}_new"))  # noqa: S608
        for t in ("postings", "lsh")
    }
    assert con.execute("SELECT count(*) FROM postings_new").fetchone()[0] > 0
    con.close()
    later = set(range(3, len(recs) + 1, 2))
    want = set(_pairs_from_sorted(rows["postings"], fp.MAX_DF, fp.MIN_SHARED, later))
    want |= set(_pairs_from_sorted(rows["lsh"], fp.MAX_DF, 1, later))
    # A key shared by many docs: a lower max_df leaves it out.
    few = set(_pairs_from_sorted(rows["postings"], 2, fp.MIN_SHARED, later))
    few |= set(_pairs_from_sorted(rows["lsh"], 2, 1, later))
    with corpus.Store(tmp_path, readonly=True) as s:
        seen = array("q")
        assert corpus.candidate_pairs(s, later=later, seen=seen) == want and len(want) >= 4
        assert corpus.candidate_pairs(s, max_df=2, later=later) == few != want
    keys = sorted({k for k, _ in rows["postings"]}) + sorted({k for k, _ in rows["lsh"]})
    assert np.frombuffer(seen, dtype=np.int64).tolist() == keys


def _keyed_corpus(n: int) -> list[tuple[str, dict]]:
    """``n`` articles of words drawn from a small vocabulary, every seventh a light edit of
    an earlier one (so some keys are shared and some pairs align)."""
    import random

    rng = random.Random(5)
    vocab = [f"w{k}{'abcdefg'[k % 7]}" for k in range(5000)]
    texts: list[str] = []
    for i in range(n):
        if i % 7 == 6:
            words = texts[rng.randrange(i)].split()
            words[rng.randrange(len(words))] = rng.choice(vocab)
        else:
            words = [rng.choice(vocab) for _ in range(rng.randint(40, 90))]
        texts.append(" ".join(words))
    return [(f"k{i:04d}", {"text": t}) for i, t in enumerate(texts)]


def _stored_keys(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db / "storytrace.db")
    try:
        return {
            t: con.execute(
                f"SELECT * FROM {t} UNION SELECT * FROM {t}_new ORDER BY 1, 2"  # noqa: S608
            ).fetchall()
            for t in ("postings", "lsh")
        } | {"edges": con.execute("SELECT a, b, verdict FROM edges ORDER BY a, b").fetchall()}
    finally:
        con.close()


def test_a_first_build_stores_the_keys_and_reuse_an_incremental_one_does(tmp_path):
    # A first build keeps its keys apart and stores them at its end in key order; a run
    # into a store that holds an article already stores each batch's keys as it goes.
    recs = _keyed_corpus(3 * corpus.BATCH + 40)
    corpus.index_records(recs, tmp_path / "bulk", quotes=False)
    corpus.index_records(recs[:1], tmp_path / "each", quotes=False)
    corpus.index_records(recs[1:], tmp_path / "each", quotes=False)
    bulk, each = _stored_keys(tmp_path / "bulk"), _stored_keys(tmp_path / "each")
    assert len(bulk["postings"]) > 20 * len(recs) and bulk["edges"]
    assert bulk == each
    with corpus.Store(tmp_path / "bulk") as s:
        assert s.keys_from() is None


def test_a_first_build_interrupted_stores_its_waiting_keys_on_the_next_run(tmp_path):
    recs = _keyed_corpus(3 * corpus.BATCH + 40)

    def stopping():
        for k, rec in enumerate(recs):
            if k == 2 * corpus.BATCH + 10:
                raise KeyboardInterrupt
            yield rec

    db = tmp_path / "db"
    with pytest.raises(corpus.Interrupted):
        corpus.index_records(stopping(), db, quotes=False)
    con = sqlite3.connect(db / "storytrace.db")
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    keyed = con.execute("SELECT count(DISTINCT doc) FROM postings").fetchone()[0]
    con.close()
    assert stored == 2 * corpus.BATCH and keyed == 0
    with corpus.Store(db) as s:
        assert s.keys_from() == 1
    r = corpus.index_records(recs, db, quotes=False)
    assert (r.added, r.skipped) == (len(recs) - stored, stored)
    corpus.index_records(recs, tmp_path / "whole", quotes=False)
    assert _stored_keys(db) == _stored_keys(tmp_path / "whole")
    with corpus.Store(db) as s:
        assert s.keys_from() is None


def _story_tables(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db / "storytrace.db")
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()  # noqa: S608
            for t in ("story_of", "story_vocab", "story_vec", "story_pair", "story_post")
        }
    finally:
        con.close()


def _named(recs: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """``recs`` with names and years in their texts: capitalised words (focal names when in
    the lead), a year in every third."""
    out = []
    for k, (i, rec) in enumerate(recs):
        words = rec["text"].split()
        words = [w.capitalize() if (j + k) % 6 == 0 else w for j, w in enumerate(words)]
        year = f" in {1990 + k % 30}." if k % 3 == 0 else "."
        out.append((i, {"text": " ".join(words[:12]) + ".\n" + " ".join(words[12:]) + year}))
    return out


def test_a_first_build_groups_the_features_it_gathered_as_it_would_the_stored_ones(
    tmp_path, monkeypatch
):
    # A first build gathers its articles' story features as it stores them and groups from
    # those: every story table as when grouping from the stored features JSON.
    recs = _named(_keyed_corpus(2 * corpus.BATCH + 30))
    used = []
    of = corpus._Gathered.of

    def spy(self, store):
        used.append(of(self, store))
        return used[-1]

    monkeypatch.setattr(corpus._Gathered, "of", spy)
    corpus.index_records(recs, tmp_path / "gathered", quotes=False)
    assert len(used) == 1 and used[0] is not None
    assert used[0][1] == list(range(1, len(recs) + 1))
    monkeypatch.setattr(corpus._Gathered, "of", lambda self, store: None)
    corpus.index_records(recs, tmp_path / "read", quotes=False)
    gathered, read = _story_tables(tmp_path / "gathered"), _story_tables(tmp_path / "read")
    assert gathered == read
    assert len(read["story_pair"]) > 50 and len({r[1] for r in read["story_of"]}) < len(recs)
    assert any(len(r[2]) for r in read["story_vec"]) and any(len(r[3]) for r in read["story_vec"])


def test_gathered_features_are_left_once_another_writer_changed_the_articles(tmp_path):
    recs = _keyed_corpus(30)
    batch = [corpus.prepare(i, r, quotes=False) for i, r in recs]
    with corpus.Store(tmp_path / "db") as s:
        g = corpus._Gathered()
        s.add_many(batch[:-1])
        assert g.add(batch[:-1])
        got = g.of(s)
        assert got is not None and got[1] == list(range(1, len(recs)))
        assert got[0].terms.ids == [i for i, _ in recs[:-1]]
        s.add_many(batch[-1:])  # one more article: not gathered
        assert g.of(s) is None
        assert g.add(batch[-1:]) and g.of(s) is not None
        # The last article replaced (its number given again) with another text.
        s.add_many([corpus.prepare(recs[-1][0], {"text": "another text of words"}, quotes=False)])
        assert s.ids()[len(recs)] == recs[-1][0]
        assert g.of(s) is None
    assert not corpus._Gathered().add([corpus.prepare("x", {"text": "a b c"}, features=False)])


@pytest.mark.parametrize(
    "terms",
    [
        {"storm": 2, "leeds": 4, "2019": 1, "élan": 3, "tara": 12},
        {"50%": 1, "storm": 2},  # a format character: json's encoder instead
        {'say"s': 1, "back\\slash": 2, "tab\there": 3, "bell\x07": 1, "storm": 1},
        {"storm": 1},
        {},
    ],
)
def test_features_json_from_the_joined_terms_is_json_dumps(terms):
    from storytrace import stories as st

    words = list(terms)
    f = st.Features(terms, frozenset(words[:2]), frozenset(w for w in words if w.isdigit()))
    want = json.dumps([f.terms, sorted(f.focal), sorted(f.years)], ensure_ascii=False)
    packed = st.packed(f)
    assert corpus._features_json(f, packed and packed[0]) == want
    assert corpus._features_json(f) == want


def test_prepared_features_are_their_json(tmp_path):
    from storytrace import stories as st

    text = (FIX / "wire.txt").read_text(encoding="utf-8") + ' He said "50% of it" in 2019.'
    r = corpus.prepare("a", {"text": text})
    f = st.features(text)
    assert r.features == json.dumps([f.terms, sorted(f.focal), sorted(f.years)], ensure_ascii=False)
    assert json.loads(r.features)[0] == f.terms and r.terms == st.packed(f)


def _phases(calls: list[tuple]) -> list[str]:
    return list(dict.fromkeys(c[0] for c in calls))


def test_index_progress_says_its_phase_and_how_far_it_is(tmp_path):
    # Three records read, then three new articles aligned (two share text): one bar
    # counting both ("6/?" for 3 articles) said neither what nor how far.
    texts = [(FIX / n).read_text(encoding="utf-8") for n in ("wire.txt", "other.txt")]
    recs = [("w", {"text": texts[0]}), ("w2", {"text": texts[0] + EXTRA})]
    recs.append(("o", {"text": texts[1]}))
    calls: list[tuple] = []
    corpus.index_records(recs, tmp_path / "db", progress=lambda *a: calls.append(a))
    assert _phases(calls) == ["reading", "aligning", "stories"]
    reading = [c[1:] for c in calls if c[0] == "reading"]
    assert reading == [(1, 3), (2, 3), (3, 3)]  # a list has a length: the total is known
    aligning = [c[1:] for c in calls if c[0] == "aligning"]
    assert aligning[0] == (0, 3) and aligning[-1] == (3, 3)
    assert [d for d, _ in aligning] == sorted(d for d, _ in aligning)
    # Records from a stream: how many is unknown until the end.
    calls.clear()
    more = iter([("x", {"text": texts[1] + EXTRA})])
    corpus.index_records(more, tmp_path / "db", progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "reading"] == [("reading", 1, None)]
    assert [c for c in calls if c[0] == "aligning"][-1] == ("aligning", 1, 1)


def test_a_resumed_index_says_it_aligned_what_an_earlier_run_left(tmp_path, monkeypatch):
    """ "0 added, N unchanged, 0 skipped" read as if the resumed run did nothing, though it
    aligned every article the interrupted one left."""
    src = tmp_path / "in.jsonl"
    lines = (json.dumps({"id": i, **rec}) + "\n" for i, rec in _reuse_records())
    src.write_text("".join(lines), encoding="utf-8")
    args = ["index", str(src), "--db", str(tmp_path / "db"), "--no-quotes"]
    real = _interrupt_alignment(monkeypatch)
    runner = CliRunner()
    assert runner.invoke(app, args).exit_code == 130
    _, pending = _stored(tmp_path / "db")
    assert pending > 0
    monkeypatch.setattr(corpus, "_align", real)
    res = runner.invoke(app, args)
    n = len(_reuse_records())
    assert res.exit_code == 0, res.stderr
    assert res.stderr.splitlines()[-1] == (
        f"0 added, {n} unchanged, 0 skipped; aligned {pending} articles an earlier run left"
        " unaligned"
    )
    assert _stored(tmp_path / "db")[1] == 0
    # Nothing left: the line as before.
    res = runner.invoke(app, args)
    assert res.stderr.splitlines()[-1] == f"0 added, {n} unchanged, 0 skipped"


def test_hits_with_evidence_come_before_hits_sharing_only_short_phrases():
    """A hit sharing only stock phrases can outscore one sharing a quote or a passage (three
    short phrases hold more fingerprints than one 8-word run): listed, it comes after them,
    each part in rank order, and says why it is weak."""
    from storytrace.lookup import by_evidence

    def hit(name, score, longest, quotes=0, shared=None):
        return {
            "id": name,
            "score": score,
            "shared_words": shared or longest,
            "longest_shared_words": longest,
            "shared_quotes": quotes,
            "this_article": False,
            "identical": False,
            "near_duplicate": False,
        }

    hits = [hit("a", 9, 5, shared=15), hit("b", 7, 9), hit("c", 6, 4), hit("d", 2, 4, quotes=1)]
    ranked = by_evidence(hits)
    assert [h["id"] for h in ranked] == ["b", "d", "a", "c"]
    assert [h["weak"] for h in ranked] == [None, None, "only short phrases", "only the phrase"]


LIMIT_PROBE = (
    "The harbour board met on Tuesday to discuss the new ferry timetable for the summer. "
    "“We will not back down,” the mayor said after the vote. "
    "Tickets will go on sale at the end of the month, and fares rise in the spring as usual."
)
"""An article sharing one short quote with ``quote`` (a low score: five words), one 8-word
passage with ``passage``, and only short phrases, more fingerprints of them, with each
``weak*`` (:data:`LIMIT_ROWS`)."""

LIMIT_ROWS = [
    (
        "weak1",
        "A different story entirely: the board met on Tuesday to discuss plans. Seats will go "
        "on sale soon, at the end of the season.",
    ),
    (
        "weak2",
        "Elsewhere, councillors met on Tuesday to discuss the budget. Fares rise in the spring "
        "as usual, officials said of buses.",
    ),
    (
        "weak3",
        "Tickets will go on sale at noon. The new ferry timetable for the region is out; fares "
        "rise in the spring for many.",
    ),
    (
        "passage",
        "Residents will discuss the new ferry timetable for the summer with us, said a shop.",
    ),
    (
        "quote",
        "Protesters gathered outside the hall. “We will not back down,” their leader told "
        "reporters on Monday.",
    ),
]


def test_the_limit_never_cuts_a_hit_with_evidence_to_show_a_weak_one(tmp_path):
    """The hits sharing a passage and a quote score below the weak ones (short phrases, more
    fingerprints): a limit keeps them before any weak hit that outscores them, in the API, in
    ``match --json`` and in ``match``'s text, whose closing line counts the weak one shown
    with --phrases; a limit above the evidence hits fills up with weak ones by score."""
    from storytrace.lookup import match_text

    db = tmp_path / "db"
    corpus.index_records([(i, {"text": t}) for i, t in LIMIT_ROWS], db, workers=1)
    full = match_text(LIMIT_PROBE, db, 20)
    # The case: by score the two hits with evidence come last, below three weak ones.
    by_score = sorted(full, key=lambda h: -h["score"])
    assert [h["id"] for h in by_score] == ["weak3", "weak2", "weak1", "passage", "quote"]
    assert [h["weak"] is None for h in by_score] == [False, False, False, True, True]
    assert by_score[3]["longest_shared_words"] == 8 and by_score[4]["shared_quotes"] == 1
    assert [h["id"] for h in match_text(LIMIT_PROBE, db, 1)] == ["passage"]
    assert [h["id"] for h in match_text(LIMIT_PROBE, db, 2)] == ["passage", "quote"]
    assert [h["id"] for h in match_text(LIMIT_PROBE, db, 4)] == [
        "passage",
        "quote",
        "weak3",
        "weak2",
    ]
    (tmp_path / "probe.txt").write_text(LIMIT_PROBE)
    args = ["match", str(tmp_path / "probe.txt"), "--db", str(db), "--limit", "3"]
    res = CliRunner().invoke(app, [*args, "--json"])
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == [
        "passage",
        "quote",
        "weak3",
    ]
    lines = CliRunner().invoke(app, args).stdout.splitlines()
    assert [line.split()[4] for line in lines[1:3]] == ["passage", "quote"]
    assert len(lines) == 5 and lines[3].startswith("1 more hit shares only a short phrase, ")
    assert lines[4].startswith("2 more candidates not shown, each sharing only short phrases")


def test_a_cut_list_counts_the_candidates_it_left_out(tmp_path):
    """A limit shows the best hits; each hit says how many stored articles with a score it
    left out (the article itself aside), and the text's last line says so, that they all
    share only short phrases when a weak hit is shown (the limit keeps every hit with
    evidence before a weak one), and nothing of the kind when a hit with evidence is among
    them (at --limit 1 the quote hit is left out) or when nothing is left out."""
    from storytrace.lookup import match_text

    db = tmp_path / "db"
    rows = [(i, {"text": t}) for i, t in [*LIMIT_ROWS, ("probe", LIMIT_PROBE)]]
    corpus.index_records(rows, db, workers=1)
    everyone = match_text(LIMIT_PROBE, db, 100, "probe")
    weak = {h["id"] for h in everyone if h["weak"]}
    assert len(everyone) == 6 and everyone[0]["this_article"] and len(weak) == 3
    for limit in range(1, 8):
        hits = match_text(LIMIT_PROBE, db, limit, "probe")
        left = [h["id"] for h in everyone if h["id"] not in {x["id"] for x in hits}]
        assert {h["candidates_not_shown"] for h in hits} == {len(left)} == {max(5 - limit, 0)}
        if any(h["weak"] for h in hits):
            assert set(left) <= weak
    # The probe as its record: the article itself, first, beside the limit's hits.
    (tmp_path / "probe.json").write_text(json.dumps({"id": "probe", "text": LIMIT_PROBE}))
    args = ["match", str(tmp_path / "probe.json"), "--db", str(db)]

    def last(*extra):
        return CliRunner().invoke(app, [*args, *extra]).stdout.splitlines()[-1]

    assert last("--limit", "1") == "4 more candidates not shown (--limit 1; raise it to see them)"
    assert last("--limit", "3", "--phrases") == (
        "2 more candidates not shown, each sharing only short phrases (--limit 3; raise it to"
        " see them)"
    )
    assert last("--limit", "4") == (
        "1 more candidate not shown, sharing only short phrases (--limit 4; raise it to see it)"
    )
    assert "not shown" not in last("--limit", "5")
    lines = CliRunner().invoke(app, [*args, "--limit", "2", "--json"]).stdout.splitlines()
    assert [json.loads(line)["candidates_not_shown"] for line in lines] == [3, 3, 3]
