"""The Spark pipeline in local mode gives the local engine's passages and stories."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storytrace import corpus
from storytrace import spark as sp

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "verdict"


def _corpus(path: Path) -> Path:
    recs = [
        {"id": n, "text": (FIX / f"{n}.txt").read_text()}
        for n in ("original", "light", "heavy", "independent", "unrelated")
    ]
    recs.append({"id": "original-copy", "text": (FIX / "original.txt").read_text()})
    # Indexed after "original" but the smaller id: both engines store the edge with the
    # smaller id as A (the pair split differently by order before compare was symmetric).
    recs.append({"id": "a-light2", "text": (FIX / "light2.txt").read_text()})
    for n, day in (("seed_a", "2024-10-23"), ("seed_b", "2024-10-24")):
        recs.append(
            {"id": n, "text": (ROOT / "examples" / f"{n}.txt").read_text(), "published": day}
        )
    recs.append({"id": "blank", "text": "   "})
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


@pytest.fixture(scope="module")
def spark():
    # A tiny corpus: few shuffle partitions keep local mode quick.
    os.environ.setdefault("STORYTRACE_SPARK_PARTITIONS", "2")
    s = sp.session("local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def runs(spark, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("spark")
    src = _corpus(tmp / "corpus.jsonl")
    counts = sp.run(spark, str(src), str(tmp / "out"))
    corpus.index([str(src)], tmp / "db")
    return counts, sp.read_output(str(tmp / "out")), corpus.stories(tmp / "db"), tmp


def _edges(data: dict) -> dict:
    """Edges keyed by article pair, passages oriented by article id (order-free)."""
    out = {}
    for story in data["stories"]:
        for e in story["edges"]:
            flip = e["a"] > e["b"]
            key = (e["b"], e["a"]) if flip else (e["a"], e["b"])
            spans = sorted(
                (tuple(p["b"]), tuple(p["a"]), p["kind"])
                if flip
                else (tuple(p["a"]), tuple(p["b"]), p["kind"])
                for p in e["passages"]
            )
            out[key] = (e["verdict"], spans)
    return out


def test_same_stories_as_local_engine(runs) -> None:
    counts, spark_out, local_out, _ = runs
    assert counts["articles"] == 9  # the blank record is skipped, as the local index skips it
    groups = sorted(sorted(s["articles"]) for s in spark_out["stories"])
    assert groups == sorted(sorted(s["articles"]) for s in local_out["stories"])
    assert any({"original", "original-copy", "light", "heavy"} <= set(g) for g in groups)

    # Why each article is in its story: the same link, partner, score and lead names.
    def why(out: dict) -> list[tuple]:
        return sorted(
            (m["article"], m["joined_by"], m["with"], m["score"], tuple(m["shared"]))
            for s in out["stories"]
            for m in s["members"]
        )

    assert why(spark_out) == why(local_out)
    assert {m[1] for m in why(local_out)} == {"reuse"}  # vocabulary: the test below


def test_same_passages_as_local_engine(runs) -> None:
    _, spark_out, local_out, _ = runs
    spark_edges, local_edges = _edges(spark_out), _edges(local_out)
    assert spark_edges == local_edges
    assert spark_edges[("light", "original")][0] == "copied"
    # Near-duplicates collapse into one node with a count, in both engines.
    node = [n for s in spark_out["stories"] for n in s["nodes"] if n["id"] == "original"][0]
    assert node["count"] == 2 and node["members"] == ["original", "original-copy"]


def test_tiny_input_gives_results(spark, tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Only one article, with a few words."}) + "\n")
    counts = sp.run(spark, str(src), str(tmp_path / "out"))
    assert counts == {
        "articles": 1,
        "rejected": 0,
        "keys": counts["keys"],
        "quotes": 0,
        "pairs": 0,
        "stories": 1,
    }
    out = sp.read_output(str(tmp_path / "out"))
    assert out["stories"][0]["articles"] == ["1"]  # ids are strings, whatever the input type


def test_parquet_input_and_missing_fields(spark, tmp_path: Path) -> None:
    df = spark.createDataFrame(
        [("x", (FIX / "original.txt").read_text()), ("y", (FIX / "light.txt").read_text())],
        "id string, text string",
    )
    df.write.parquet(str(tmp_path / "in.parquet"))
    counts = sp.run(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out"))
    assert counts["pairs"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"name": "no id or text"}) + "\n")
    with pytest.raises(sp.InputError, match="no record with an id and text"):
        sp.read_articles(spark, str(bad))
    (tmp_path / "empty").mkdir()
    with pytest.raises(sp.InputError, match="empty folder"):
        sp.run(spark, str(tmp_path / "empty"), str(tmp_path / "out2"))


def test_nothing_fetched_at_run_time(spark) -> None:
    conf = dict(spark.sparkContext.getConf().getAll())
    assert not conf.get("spark.jars.packages")
    assert conf.get("spark.ui.enabled") == "false"
    # Local mode: the unauthenticated driver listens on loopback only.
    assert conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert conf.get("spark.driver.host") == "127.0.0.1"


def test_spark_module_does_not_import_the_cli() -> None:
    import ast

    tree = ast.parse(Path(sp.__file__).read_text())
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not {m for m in names if m.split(".")[-1] in ("cli", "report", "web")}


def test_same_record_rule_as_local_index(spark, tmp_path: Path) -> None:
    text = (FIX / "original.txt").read_text()
    recs = [
        {"id": "ok", "text": text, "published": "2024-05-01T10:00:00+02:00"},
        {"id": "num", "text": 42},
        {"id": "obj", "text": {"a": "b"}},
        {"id": ["x"], "text": text},
        {"id": True, "text": text},
        {"id": "blank", "text": "  "},
        {"id": "ok", "text": "A later record with a used id."},
        {"id": 5, "text": "Numbers are ids as their decimal string."},
    ]
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs) + "{broken\n")
    counts = sp.run(spark, str(src), str(tmp_path / "out"), ("index",))
    local = corpus.index([str(src)], tmp_path / "db")
    assert counts["articles"] == local.added == 2
    assert counts["rejected"] == len(local.errors) == 7
    rows = sp._read_parquet(tmp_path / "out" / "articles")
    with corpus.Store(tmp_path / "db", readonly=True) as store:
        for r in rows:
            stored = store.article_by_id(r["id"])
            assert (r["text"], r["published"]) == (stored["text"], stored["published"])
    assert {r["id"] for r in rows} == {"ok", "5"}
    assert next(r for r in rows if r["id"] == "ok")["published"] == "2024-05-01T08:00:00Z"
    rejected = sp._read_parquet(tmp_path / "out" / "rejected")
    assert [r["source"] for r in rejected] == [f"{src}:{n}" for n in (2, 3, 4, 5, 6, 7, 9)]


def test_raw_dates_are_kept_by_both_engines_and_the_import(spark, tmp_path: Path) -> None:
    text = (FIX / "original.txt").read_text()
    recs = [
        {"id": "rfc", "text": text, "published": "Thu, 30 May 2019 07:00:00 -0500"},
        {"id": "odd", "text": "A brief about another thing.", "date": "the week after Easter"},
    ]
    src = tmp_path / "dated.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    sp.run(spark, str(src), str(tmp_path / "out"))
    corpus.index([str(src)], tmp_path / "db")
    sp.import_output(str(tmp_path / "out"), str(tmp_path / "imported"))
    rows = {r["id"]: r for r in sp._read_parquet(tmp_path / "out" / "articles")}
    assert rows["rfc"]["published"] == "2019-05-30T12:00:00Z"
    assert rows["odd"]["published"] is None
    for db in ("db", "imported"):
        with corpus.Store(tmp_path / db, readonly=True) as store:
            for aid, r in rows.items():
                stored = store.article_by_id(aid)
                assert (stored["published"], stored["published_raw"]) == (
                    r["published"],
                    r["published_raw"],
                ), (db, aid)
    assert rows["odd"]["published_raw"] == "the week after Easter"


def test_export_tables_are_the_same_for_both_engines(runs) -> None:
    import pyarrow.parquet as pq

    _, _, _, tmp = runs
    corpus.export(tmp / "db", tmp / "export", "parquet")
    for name in corpus.TABLES:
        ours = pq.read_table(tmp / "export" / f"{name}.parquet")
        theirs = pq.read_table(tmp / "out" / "tables" / f"{name}.parquet")
        assert ours.schema.equals(theirs.schema), name
        assert ours.num_rows == theirs.num_rows, name
    # The quotes row for row, with the evidence of each speaker.
    rows = [
        sorted(pq.read_table(path).to_pylist(), key=lambda q: (q["article"], q["start"]))
        for path in (tmp / "export" / "quotes.parquet", tmp / "out" / "tables" / "quotes.parquet")
    ]
    assert rows[0] == rows[1] and any(q["resolved_by"] for q in rows[0])


def test_import_into_store_for_serve(runs, monkeypatch) -> None:
    _, spark_out, _, tmp = runs

    def boom(job):
        raise AssertionError("imported reuse must not be aligned again")

    monkeypatch.setattr(corpus, "_align", boom)
    report = sp.import_output(str(tmp / "out"), str(tmp / "imported"))
    assert report.added == 9 and report.pairs == 0 and report.edges > 0
    imported = corpus.stories(tmp / "imported")
    assert imported["unaligned"] == 0
    assert _edges(imported) == _edges(spark_out)


def test_outlet_footer_is_boilerplate_in_both_engines(spark, tmp_path: Path) -> None:
    from test_corpus_boilerplate import _records

    src = tmp_path / "footer.jsonl"
    src.write_text("".join(json.dumps({"id": i, **r}) + "\n" for i, r in _records()))
    sp.run(spark, str(src), str(tmp_path / "out"))
    corpus.index([str(src)], tmp_path / "db", quotes=False)
    spark_edges = _edges(sp.read_output(str(tmp_path / "out")))
    assert list(spark_edges) == [("courier", "hg0")]
    assert spark_edges == _edges(corpus.stories(tmp_path / "db"))
    assert "boilerplate" in {kind for _, _, kind in spark_edges[("courier", "hg0")][1]}


def test_vocabulary_stories_are_the_local_engine_s(spark) -> None:
    """Two events of one kind, a digest naming both, a short brief and an unrelated pair:
    grouped by the vocabulary alone (no reuse), the same in both engines."""
    from test_stories import BRIDGE, BRIDGE2, DIGEST, QUAKE_A, QUAKE_A2, QUAKE_B, QUAKE_B2, TOUR

    from storytrace import stories as st

    texts = {
        "a1": QUAKE_A,
        "a2": QUAKE_A2,
        "a3": "Kotor Varos: power still cut after the Vrbanja quake.",
        "b1": QUAKE_B,
        "b2": QUAKE_B2,
        "d": DIGEST,
        "r1": BRIDGE,
        "r2": BRIDGE2,
        "t": TOUR,
    }
    arts = spark.createDataFrame(sorted(texts.items()), "id string, text string")
    none = spark.createDataFrame([], "a string, b string, verdict string, edge string")
    rows = sp.story_groups(spark, arts, none).collect()
    got = {(r.story, r.id) for r in rows}
    want = {(n, i) for n, g in enumerate(st.cluster(texts), 1) for i in g}
    assert got == want
    # Why each article is in its story: the partner it scores highest with, the score and
    # the lead names both share, as the local engine's membership gives them.
    feats = {i: st.features(t) for i, t in texts.items()}
    mine = st.membership(
        st.cluster(texts), st.story_scores(feats), focal={i: f.focal for i, f in feats.items()}
    )
    mine = st.as_written(mine, texts)  # the names as the articles write them, as locally
    theirs = {r.id: (r.joined_by, r["with"], r.score, list(r.shared)) for r in rows if r.joined_by}
    assert theirs.keys() == mine.keys() and "t" not in theirs  # a story of one has none
    for i, m in mine.items():
        assert theirs[i][:2] == (m.joined_by, m.with_) and theirs[i][3] == m.shared
        assert abs(theirs[i][2] - m.score) < 1e-9
    assert {m.joined_by for m in mine.values()} == {"vocabulary"}
    local = {
        (a, b): s
        for (a, b), s in st.story_scores({i: st.features(t) for i, t in texts.items()}).items()
    }
    distributed = {(r.a, r.b): r.score for r in sp.story_scores(spark, arts).collect()}
    assert distributed.keys() == local.keys()
    assert all(abs(distributed[k] - local[k]) < 1e-9 for k in local)
    # The brief joins its event, the digest one of the two, and the two quakes stay apart.
    assert sorted(st.cluster(texts)) == [["a1", "a2", "a3"], ["b1", "b2", "d"], ["r1", "r2"], ["t"]]
    # Publication times (stories.far_apart): the bridge articles a year apart, the rest
    # within days or undated; the same scores and groups in both engines.
    when = {
        "a1": "2014-08-12",
        "a2": "2014-08-13T09:30:00Z",
        "b1": "2014-08-20",
        "r2": "1426000000",
    }
    when["r1"] = "2014-03-01"
    rows = [(i, t, when.get(i)) for i, t in sorted(texts.items())]
    dated = spark.createDataFrame(rows, "id string, text string, published string")
    got = {(r.story, r.id) for r in sp.story_groups(spark, dated, none).collect()}
    want = {(n, i) for n, g in enumerate(st.cluster(texts, published=when), 1) for i in g}
    assert got == want
    assert ["r1"] in st.cluster(texts, published=when)
    local = st.story_scores({i: st.features(t) for i, t in texts.items()}, published=when)
    distributed = {(r.a, r.b): r.score for r in sp.story_scores(spark, dated).collect()}
    assert distributed.keys() == local.keys() and distributed[("r1", "r2")] == 0.0
    assert all(abs(distributed[k] - local[k]) < 1e-9 for k in local)


def test_quote_variants_join_stories_in_both_engines(spark, tmp_path: Path) -> None:
    """Two articles printing one quote, one word misread in one: joined by the quote in
    both engines (the variants are paired by the same function, on the driver)."""
    from test_quote_variants import SHORT, _article

    texts = {
        "a": _article(0, SHORT),
        "b": _article(1, SHORT.replace("largest", "largesl")),
        "c": _article(2, "We have never seen water this high in the town"),
    }
    arts = spark.createDataFrame(sorted(texts.items()), "id string, text string")
    none = spark.createDataFrame([], "a string, b string, verdict string, edge string")
    got = {r.id: (r.joined_by, r["with"]) for r in sp.story_groups(spark, arts, none).collect()}
    corpus.index_records(((i, {"text": t}) for i, t in texts.items()), tmp_path / "db")
    local = {
        m["article"]: (m["joined_by"], m["with"])
        for s in corpus.stories(tmp_path / "db")["stories"]
        for m in s["members"]
    }
    assert got == {"a": ("quote", "b"), "b": ("quote", "a"), "c": (None, None)}
    assert local == {i: w for i, w in got.items() if w[0]}
    # The quote behind each join, the same in both engines.
    said = {r.id: r.quote for r in sp.story_groups(spark, arts, none).collect()}
    mine = {
        m["article"]: m["quote"]
        for s in corpus.stories(tmp_path / "db")["stories"]
        for m in s["members"]
    }
    assert said["a"] == mine["a"] == " ".join(SHORT.lower().split())
    assert said["b"] == mine["b"] and "largesl" in said["b"] and said["c"] is None
