"""The corpus pipeline on Apache Spark, for collections beyond one machine.

The job reuses the local engine's functions: fingerprints come from
:mod:`storytrace.fingerprints`, pairs are aligned by :func:`storytrace.align.compare`
inside ``mapPartitions``, and stories are grouped from the same reuse edges.
Only what is distributed differs: the candidate join and connected components
run as DataFrame operations, with no JVM package fetched at run time (no
GraphFrames; components by iterative min-label propagation).

Stages, each reading and writing Parquet under one output folder:

* ``index``: ``articles`` (id, text, optional metadata) and ``fingerprints``
  (id, hash) from JSONL or Parquet input; only ``id`` and ``text`` are required;
* ``reuse``: candidate pairs sharing at least ``min_shared`` fingerprints whose
  document frequency is at most ``max_df`` (this bounds the skew of frequent
  n-grams: one hash yields at most ``max_df * (max_df - 1) / 2`` pairs), aligned
  into ``pairs`` and ``passages``;
* ``stories``: connected components of the reuse graph into ``stories``.

Example (local mode, two cores)::

    storytrace spark run articles.jsonl out/ --master 'local[2]'
    storytrace spark import out/ --db DIR     # browse with storytrace serve
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storytrace.articles import InputError

DEFAULT_MASTER = "local[*]"


def session(master: str | None = None, app_name: str = "storytrace") -> Any:
    """A SparkSession that needs no network: no UI, no packages, no Maven."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:  # pragma: no cover - exercised by users without the extra
        raise InputError("Spark support needs the extra: pip install 'storytrace[spark]'") from None
    # Workers must run this interpreter, which has storytrace installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("STORYTRACE_SPARK_PARTITIONS", "8"))
        .config("spark.jars.ivy", "/nonexistent")  # never resolve packages at run time
    )
    if master:
        builder = builder.master(master)
    elif not SparkConf().contains("spark.master"):
        # Plain python: no master was submitted, so run locally on every core.
        builder = builder.master(DEFAULT_MASTER)
    effective = master or SparkConf().get("spark.master", DEFAULT_MASTER)
    if effective.startswith("local"):
        # Local mode needs no network: the driver (which runs without
        # authentication) listens on loopback only, never on the machine's interfaces.
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


_RECORD_SCHEMA = (
    "n long, id string, text string, title string, url string, outlet string, "
    "published string, published_raw string, source string, error string"
)
_ARTICLE_COLUMNS = ["id", "text", "title", "url", "outlet", "published", "published_raw", "source"]


def _records_partition(name: str, parquet: bool) -> Any:
    """Rows of :data:`_RECORD_SCHEMA` from ``(record, index)`` pairs.

    Each record goes through :func:`storytrace.articles.record_to_article`, the
    rule the local index applies to every JSONL line, so both engines accept,
    reject and normalise the same records (text cleaned, dates as UTC).
    """

    def parse(rows: Iterator[tuple[Any, int]]) -> Iterator[tuple]:
        from storytrace.articles import InputError, record_to_article

        for raw, n in rows:
            where = f"{name}:{n + 1}"
            try:
                if parquet:
                    rec = raw.asDict(recursive=True)
                else:
                    line = raw.lstrip("\ufeff") if n == 0 else raw
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except ValueError as e:
                        raise InputError(f"{where}: malformed JSON ({e})") from None
                    if not isinstance(rec, dict):
                        raise InputError(f"{where}: expected a JSON object")
                art = record_to_article(rec, where)
            except InputError as e:
                yield (n, None, None, None, None, None, None, None, where, str(e))
                continue
            yield (
                n,
                art.id,
                art.text,
                art.title,
                art.url,
                art.outlet,
                art.published,
                art.published_raw,
                where,
                None,
            )

    return parse


def read_records(spark: Any, path: str) -> tuple[Any, Any]:
    """``(articles, rejected)`` from JSONL (may be gzipped) or Parquet.

    Records are validated one by one with the local index's rule; a later
    record with an id already seen is rejected and the first kept, as the local
    index does. ``rejected`` has ``source`` (file:record number) and ``error``.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    p = str(path)
    where = Path(p)
    is_parquet = p.endswith(".parquet") or (where.is_dir() and any(where.glob("*.parquet")))
    if not where.exists():
        raise InputError(f"{p}: no such file")
    if where.is_dir() and not is_parquet and not any(where.iterdir()):
        raise InputError(f"{p}: empty folder, no articles to read")
    if is_parquet:
        rows = spark.read.parquet(p).rdd.zipWithIndex()
    else:
        rows = spark.sparkContext.textFile(p).zipWithIndex()
    parsed = spark.createDataFrame(
        rows.mapPartitions(_records_partition(p, is_parquet)), _RECORD_SCHEMA
    ).cache()
    first = Window.partitionBy("id").orderBy("n")
    ranked = parsed.where(F.col("error").isNull()).withColumn("k", F.row_number().over(first))
    articles = ranked.where(F.col("k") == 1).select(*_ARTICLE_COLUMNS)
    dups = ranked.where(F.col("k") > 1).select(
        "n",
        "source",
        F.concat(
            F.col("source"), F.lit(": duplicate id '"), F.col("id"), F.lit("'; skipped")
        ).alias("error"),
    )
    rejected = (
        (parsed.where(F.col("error").isNotNull()).select("n", "source", "error").union(dups))
        .orderBy("n")
        .select("source", "error")
    )
    if articles.limit(1).count() == 0:
        problem = rejected.first()
        detail = f" (first problem: {problem.error})" if problem else ""
        raise InputError(f"{p}: no record with an id and text{detail}")
    return articles, rejected


def read_articles(spark: Any, path: str) -> Any:
    """The valid articles of :func:`read_records`."""
    return read_records(spark, path)[0]


def _quotes_partition(rows: Iterator[Any]) -> Iterator[tuple]:
    """Quote rows as the local store keeps them (:func:`storytrace.corpus.quote_rows`)."""
    from storytrace.corpus import quote_rows

    for r in rows:
        for s, e, kind, speaker, *evidence in quote_rows(r.text):
            yield (r.id, s, e, kind, speaker, r.text[s:e], *evidence)


def quotes(spark: Any, articles: Any) -> Any:
    from storytrace.store import QUOTE_EVIDENCE

    types = {"INTEGER": "long", "TEXT": "string"}
    schema = ", ".join(
        [
            "article string, start long, end long, kind string, speaker_name string",
            "content string",
            *(f"{c} {types[t]}" for c, t in QUOTE_EVIDENCE),
        ]
    )
    return spark.createDataFrame(
        articles.select("id", "text").rdd.mapPartitions(_quotes_partition), schema
    )


# --- stage 1: fingerprints -------------------------------------------------------


def _keys_partition(rows: Iterator[Any]) -> Iterator[tuple[str, str, int]]:
    """(id, kind, key) rows: ``p`` sampled n-gram fingerprints, ``l`` MinHash LSH band keys.

    Calls :func:`storytrace.corpus.prepare`, the function the local index runs.
    """
    from storytrace.corpus import prepare

    for r in rows:
        try:
            rec = prepare(r.id, {"text": r.text}, quotes=False, features=False)
        except InputError:
            continue  # an empty text: nothing to fingerprint, the article is kept
        for h in rec.sampled.tolist():
            yield (r.id, "p", int(h))
        for k in rec.lsh_keys:
            yield (r.id, "l", int(k))


def fingerprints(spark: Any, articles: Any) -> Any:
    schema = "id string, kind string, key long"
    return spark.createDataFrame(
        articles.select("id", "text").rdd.mapPartitions(_keys_partition), schema
    )


# --- stage 2: candidates and alignment ------------------------------------------------


def candidates(keys: Any, max_df: int | None = None, min_shared: int | None = None) -> Any:
    """Pairs (a < b) sharing ``min_shared`` fingerprints or one LSH band key.

    The same rule as :func:`storytrace.corpus.candidate_pairs`: a key held by
    more than ``max_df`` articles is boilerplate and yields no pairs, which
    bounds the pairs one key can produce.
    """
    from pyspark.sql import functions as F

    from storytrace import fingerprints as fp

    max_df = max_df or fp.MAX_DF
    min_shared = min_shared or fp.MIN_SHARED
    groups = (
        keys.groupBy("kind", "key")
        .agg(F.array_sort(F.collect_set("id")).alias("ids"))
        .where((F.size("ids") >= 2) & (F.size("ids") <= max_df))
    )
    a = groups.select("kind", "key", "ids", F.posexplode("ids").alias("i", "a"))
    pairs = a.select("kind", "a", F.explode(F.slice("ids", F.col("i") + 2, max_df)).alias("b"))
    counted = pairs.groupBy("kind", "a", "b").count()
    keep = ((F.col("kind") == "p") & (F.col("count") >= min_shared)) | (F.col("kind") == "l")
    return counted.where(keep).select("a", "b").distinct()


def furniture_keys(articles: Any, keys: Any) -> Any:
    """``(id, frequent)``: each article's fingerprints that are corpus furniture.

    The rule of :func:`storytrace.corpus.furniture_spans`: held by
    :func:`storytrace.corpus.furniture_least` articles of the whole input, or of
    the article's outlet.
    """
    from pyspark.sql import functions as F

    from storytrace import corpus

    n = articles.count()
    least_all, _ = corpus.furniture_least(n, 0)
    arts = articles.select("id", "outlet")
    p = keys.where(F.col("kind") == "p").select("id", "key").distinct().join(arts, "id")
    overall = p.groupBy("key").agg(F.count("*").alias("n_all"))
    named = F.col("outlet").isNotNull() & (F.col("outlet") != "")
    by_outlet = p.where(named).groupBy("outlet", "key").agg(F.count("*").alias("n_outlet"))
    sizes = arts.where(named).groupBy("outlet").agg(F.count("*").alias("size"))
    least_outlet = F.greatest(
        F.lit(corpus.OUTLET_MIN_DOCS), F.ceil(F.lit(corpus.OUTLET_SHARE) * F.col("size"))
    )
    frequent = (
        p.join(overall, "key")
        .join(by_outlet, ["outlet", "key"], "left")
        .join(sizes, "outlet", "left")
        .where(
            (F.col("n_all") >= least_all)
            | (F.col("n_outlet").isNotNull() & (F.col("n_outlet") >= least_outlet))
        )
    )
    return frequent.groupBy("id").agg(F.collect_set("key").alias("frequent"))


def _align_partition(rows: Iterator[Any]) -> Iterator[tuple[str, str, str, str]]:
    """Align candidate pairs with :func:`storytrace.align.compare`, as the local engine does."""
    from storytrace import stories as st
    from storytrace.align import BULK, compare
    from storytrace.corpus import spans_of_frequent

    for r in rows:
        fa = spans_of_frequent(r.text_a, set(r.frequent_a or ()))
        fb = spans_of_frequent(r.text_b, set(r.frequent_b or ()))
        edge = st.reuse_edge(
            compare(r.text_a, r.text_b, BULK, fa, fb),
            {"id": r.a, "published": r.published_a},
            {"id": r.b, "published": r.published_b},
        )
        if edge is not None:
            yield (r.a, r.b, edge.verdict, json.dumps(edge.to_dict(), ensure_ascii=False))


def align_pairs(spark: Any, articles: Any, pairs: Any, keys: Any = None) -> Any:
    """Edges of the candidate ``pairs``; with ``keys`` (:func:`fingerprints`), passages
    in corpus furniture (:func:`furniture_keys`) are labelled boilerplate, as ``index`` does."""
    from pyspark.sql import functions as F

    arts = articles.select("id", "text", "published")
    if keys is not None:
        arts = arts.join(furniture_keys(articles, keys), "id", "left")
    else:
        arts = arts.withColumn("frequent", F.lit(None).cast("array<long>"))
    joined = pairs.join(
        arts.select(
            F.col("id").alias("a"),
            F.col("text").alias("text_a"),
            F.col("published").alias("published_a"),
            F.col("frequent").alias("frequent_a"),
        ),
        "a",
    ).join(
        arts.select(
            F.col("id").alias("b"),
            F.col("text").alias("text_b"),
            F.col("published").alias("published_b"),
            F.col("frequent").alias("frequent_b"),
        ),
        "b",
    )
    schema = "a string, b string, verdict string, edge string"
    return spark.createDataFrame(joined.rdd.mapPartitions(_align_partition), schema)


# --- stage 3: stories ----------------------------------------------------------------------


def _features_partition(rows: Iterator[Any]) -> Iterator[tuple]:
    from storytrace.stories import features

    for r in rows:
        f = features(r.text)
        yield (r.id, list(f.terms), list(f.terms.values()), sorted(f.focal), sorted(f.years))


def story_features(spark: Any, articles: Any) -> Any:
    """(id, terms, counts, focal, years): :func:`storytrace.stories.features` per article,
    terms in first-occurrence order."""
    return spark.createDataFrame(
        articles.select("id", "text").rdd.mapPartitions(_features_partition),
        "id string, terms array<string>, counts array<long>, focal array<string>, "
        "years array<string>",
    )


def similar_pairs(spark: Any, feats: Any, threshold: float | None = None) -> Any:
    """(a, b, s): TF-IDF cosine links of :func:`storytrace.stories.similar_pairs`, distributed.

    ``feats`` is :func:`story_features`. Same TF-IDF as
    :func:`storytrace.stories.vectors` (:func:`storytrace.stories.weigh`: top
    terms per article with ties broken by first occurrence, L2 norm) and the
    same inverted-index cosine, whose ``max_df`` bounds the skew. ``threshold``
    defaults to :data:`storytrace.stories.CANDIDATE_LINK`.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from storytrace import stories as st

    threshold = st.CANDIDATE_LINK if threshold is None else threshold
    tf = feats.select("id", F.posexplode(F.arrays_zip("terms", "counts")).alias("pos", "tc"))
    tf = tf.select("id", "pos", F.col("tc.terms").alias("term"), F.col("tc.counts").alias("k"))
    n = feats.count()
    df = tf.groupBy("term").agg(F.count("*").alias("df"))
    w = tf.join(df, "term").withColumn(
        "w", (1 + F.log(F.col("k"))) * F.log(F.lit(n + 1) / (F.col("df") + 1))
    )
    rank = Window.partitionBy("id").orderBy(F.col("w").desc(), F.col("pos").asc())
    top = w.withColumn("r", F.row_number().over(rank)).where(F.col("r") <= st.TOP_TERMS)
    norm = top.groupBy("id").agg(F.sqrt(F.sum(F.col("w") * F.col("w"))).alias("norm"))
    vec = top.join(norm, "id").select(
        "id",
        "term",
        (F.col("w") / F.when(F.col("norm") > 0, F.col("norm")).otherwise(1.0)).alias("v"),
    )
    postings = vec.groupBy("term").agg(F.collect_list(F.struct("id", "v")).alias("ps"))
    postings = postings.where((F.size("ps") >= 2) & (F.size("ps") <= st.MAX_DF))
    x = postings.select("term", F.explode("ps").alias("x"))
    y = postings.select("term", F.explode("ps").alias("y"))
    dots = (
        x.join(y, "term")
        .where(F.col("x.id") < F.col("y.id"))
        .groupBy(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
        .agg(F.sum(F.col("x.v") * F.col("y.v")).alias("s"))
    )
    return dots.where(F.col("s") >= threshold)


def _score_partition(rows: Iterator[Any]) -> Iterator[tuple[str, str, float]]:
    from storytrace.stories import Features, pair_score

    def feat(terms: list, counts: list, focal: list, years: list) -> Features:
        return Features(dict(zip(terms, counts, strict=True)), frozenset(focal), frozenset(years))

    for r in rows:
        fa = feat(r.terms_a, r.counts_a, r.focal_a, r.years_a)
        fb = feat(r.terms_b, r.counts_b, r.focal_b, r.years_b)
        yield (r.a, r.b, pair_score(r.s, fa, fb, r.published_a, r.published_b))


def story_scores(spark: Any, articles: Any, feats: Any = None) -> Any:
    """(a, b, score): :func:`storytrace.stories.story_scores`, with the pair scores computed
    by the same :func:`storytrace.stories.pair_score` in the executors (``feats``: the
    articles' :func:`story_features`, cached by the caller, when already computed)."""
    from pyspark.sql import functions as F

    if feats is None:
        feats = story_features(spark, articles).cache()
    pairs = similar_pairs(spark, feats)
    # Articles without a publication column (a bare id/text frame) are all undated.
    when = F.col("published") if "published" in articles.columns else F.lit(None).cast("string")
    feats = feats.join(articles.select("id", when.alias("published")), "id")
    cols = ("terms", "counts", "focal", "years", "published")

    def side(x: str) -> Any:
        return feats.select(F.col("id").alias(x), *(F.col(c).alias(f"{c}_{x}") for c in cols))

    joined = pairs.join(side("a"), "a").join(side("b"), "b")
    return spark.createDataFrame(
        joined.rdd.mapPartitions(_score_partition), "a string, b string, score double"
    )


def _quote_keys_partition(rows: Iterator[Any]) -> Iterator[tuple[str, str]]:
    from storytrace.quotes import extract_quotes
    from storytrace.stories import utterance_keys

    for r in rows:
        for q in extract_quotes(r.text, parser=False):
            for key in utterance_keys([r.text[s:e] for s, e in q.parts]):
                yield (r.id, key)


def quote_holders(spark: Any, articles: Any) -> Any:
    """(key, ids): the articles holding each quote of
    :data:`storytrace.stories.QUOTE_LINK_WORDS` words or more (the local index's
    ``stories.quote_holders``), every quote: one held by a single article may be a variant
    of another's (``stories.quote_groups``)."""
    from pyspark.sql import functions as F

    keys = spark.createDataFrame(
        articles.select("id", "text").rdd.mapPartitions(_quote_keys_partition),
        "id string, key string",
    )
    return keys.groupBy("key").agg(F.array_sort(F.collect_set("id")).alias("ids"))


def story_groups(spark: Any, articles: Any, edges: Any) -> Any:
    """(story, id, joined_by, with, score, shared, quote): the local engine's story groups
    (:func:`storytrace.stories.cluster`) and why each article is in its story
    (:func:`storytrace.stories.membership`; null columns for a story of one).

    Pair scores, reuse and quote links are computed distributed; the groups
    come from :func:`storytrace.stories.cluster_scores` on the driver, the
    function the local engine runs, over the scored pairs (a few per article,
    not the texts); the shared lead names are read in the openings of the articles
    that share some.
    """
    from pyspark.sql import functions as F

    from storytrace import stories as st

    feats = story_features(spark, articles).cache()
    scores = {(r.a, r.b): r.score for r in story_scores(spark, articles, feats).collect()}
    facts = edges.select(
        "a",
        "b",
        "verdict",
        *(
            F.get_json_object("edge", f"$.{k}").alias(k.replace(".", "_"))
            for k in ("coverage.a", "coverage.b", "published.a", "published.b")
        ),
    )
    reuse = st.story_links(
        (r.a, r.b, r.verdict, float(r.coverage_a or 0), float(r.coverage_b or 0))
        + (r.published_a, r.published_b)
        for r in facts.collect()
    )
    when = (
        {r.id: r.published for r in articles.select("id", "published").collect()}
        if "published" in articles.columns
        else {}
    )
    # The variants of a quote are paired on the driver, by the local engine's function, over
    # the quote keys (a few short strings per article, not the texts).
    held = {r.key: r.ids for r in quote_holders(spark, articles).collect()}
    quoted = st.quote_links(st.quote_groups(held), when)
    ids = [r.id for r in articles.select("id").collect()]
    focal = {r.id: r.focal for r in feats.select("id", "focal").collect()}
    groups = st.cluster_scores(ids, scores, reuse + quoted, focal=focal)
    why = st.membership(groups, scores, reuse, quoted, focal)
    # The shared lead names as written, read in the openings of the members that share some
    # and of their partners (stories.as_written, as the local engine shows them).
    need = st.reads_openings(why)
    if need:
        wanted = spark.createDataFrame([(i,) for i in sorted(need)], "id string")
        opening = F.substring("text", 1, st.OPENING_CHARS).alias("opening")
        heads = articles.join(wanted, "id").select("id", opening).collect()
        why = st.as_written(why, {r.id: r.opening for r in heads})
    # The quote behind each quote join, from the keys already on the driver (stories.quoted).
    by_quote = st.quote_joined(why)
    keys_of: dict[str, set[str]] = {}
    for key, holders in held.items():
        for i in by_quote.intersection(holders):
            keys_of.setdefault(i, set()).add(key)
    why = st.quoted(why, keys_of)
    rows = [
        (n, i, *((m.joined_by, m.with_, m.score, m.shared, m.quote) if m else (None,) * 5))
        for n, g in enumerate(groups, 1)
        for i in g
        for m in (why.get(i),)
    ]
    return spark.createDataFrame(
        rows,
        "story long, id string, joined_by string, with string, score double, "
        "shared array<string>, quote string",
    )


# --- the pipeline -----------------------------------------------------------------------------


def run(
    spark: Any, input_path: str, out: str, stages: tuple[str, ...] = ("index", "reuse", "stories")
) -> dict:
    """Run the given stages, reading and writing Parquet tables under ``out``.

    Tables: ``articles``, ``rejected`` (source, error), ``keys``, ``quotes``,
    ``pairs`` (a, b, verdict, edge JSON as in ``storytrace stories --json``),
    ``stories`` (story, id, joined_by, with, score, shared, quote: :func:`story_groups`), and
    ``tables/`` (the tables ``storytrace export`` writes: :func:`write_tables`). Returns
    row counts.
    """
    base = Path(out)
    counts: dict[str, int] = {}

    def table(name: str) -> Any:
        path = base / name
        if not path.exists():
            raise InputError(f"{path}: missing; run the earlier stage first")
        return spark.read.parquet(str(path))

    def write(df: Any, name: str) -> Any:
        df.write.mode("overwrite").parquet(str(base / name))
        counts[name] = spark.read.parquet(str(base / name)).count()

    if "index" in stages:
        raw, rejected = read_records(spark, input_path)
        write(raw, "articles")
        write(rejected, "rejected")
        write(fingerprints(spark, table("articles")), "keys")
        write(quotes(spark, table("articles")), "quotes")
    if "reuse" in stages:
        keys = table("keys")
        write(align_pairs(spark, table("articles"), candidates(keys), keys), "pairs")
    if "stories" in stages:
        write(story_groups(spark, table("articles"), table("pairs")), "stories")
        table("quotes")
        write_tables(out)
    return counts


def write_tables(out: str) -> list[Path]:
    """The run's results as the tables ``storytrace export`` writes, in ``out/tables``.

    Same files, columns and nested types as ``export --format parquet``
    (:func:`storytrace.corpus.write_tables`); the rows are gathered on the
    driver, so this stage needs the driver to hold the results (not the texts'
    fingerprints or the pairs' alignment, which stay distributed).
    """
    from storytrace import corpus

    base = Path(out)
    data = corpus.tables(
        _read_parquet(base / "articles"),
        read_output(out)["stories"],
        _read_parquet(base / "quotes"),
    )
    return corpus.write_tables(data, base / "tables", "parquet")


def read_output(out: str) -> dict:
    """A Spark run's output as plain data, in the shape of ``storytrace stories --json``.

    Reads the Parquet files with pyarrow when available, else with Spark.
    """
    from storytrace import stories as st

    base = Path(out)
    rows = {name: _read_parquet(base / name) for name in ("pairs", "stories")}
    members: dict[int, list[str]] = {}
    why: dict[str, st.Member] = {}
    for r in rows["stories"]:
        members.setdefault(int(r["story"]), []).append(r["id"])
        if r.get("joined_by"):
            why[r["id"]] = st.Member(
                r["id"],
                r["joined_by"],
                r["with"],
                r["score"],
                list(r["shared"] or []),
                r.get("quote"),
            )
    groups = [members[sid] for sid in sorted(members)]
    edges = [json.loads(r["edge"]) for r in rows["pairs"]]
    return {"stories": st.story_graphs(groups, edges, members=why)}


def _read_parquet(path: Path) -> list[dict]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        spark = session()
        return [r.asDict() for r in spark.read.parquet(str(path)).collect()]
    return pq.read_table(str(path)).to_pylist()


def import_output(out: str, db: str) -> Any:
    """Index a Spark run's articles and reuse into a local store, for ``storytrace serve``.

    Into a new store the run's reuse edges are stored as they are (nothing is
    aligned again); into a store that already holds articles, the new ones
    are aligned with everything stored, as ``storytrace index`` does.
    """
    from storytrace.corpus import index_records

    base = Path(out)
    rows = _read_parquet(base / "articles")
    records = ((r["id"], {k: v for k, v in r.items() if v is not None}) for r in rows)
    edges = [json.loads(r["edge"]) for r in _read_parquet(base / "pairs")]
    return index_records(records, db, reuse_from=edges)


def main(argv: list[str] | None = None) -> int:
    """``spark-submit .../storytrace/spark.py INPUT OUT``: every stage, under the submitted master.

    Kept free of the CLI (this layer may not import it); prints the row counts.
    """
    import argparse

    ap = argparse.ArgumentParser(prog="storytrace.spark", description=main.__doc__)
    ap.add_argument("input", help="JSONL file or Parquet file/folder")
    ap.add_argument("out", help="output folder for the Parquet tables")
    ap.add_argument("--master", help="Spark master URL (default: the submitted one, else local)")
    args = ap.parse_args(argv)
    try:
        counts = run(session(args.master), args.input, args.out)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
