"""The corpus pipeline: index, match, stories and export over an embedded store.

>>> import tempfile
>>> db = tempfile.mkdtemp()
>>> r = index_records([("a", {"text": "The council voted to close the old bridge on Friday."})], db)
>>> r.added
1
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from multiprocessing import get_context
from operator import itemgetter
from pathlib import Path

import numpy as np
import xxhash

from storytrace import fingerprints as fp
from storytrace import stories as st
from storytrace.articles import InputError, iter_articles, read_article
from storytrace.store import Record, Store
from storytrace.text import Doc

BATCH = 200
QUOTE_LINK_WORDS = 6
META = ("title", "url", "outlet", "published")
Progress = Callable[[int], None]


def _words(text: str) -> list[str]:
    return Doc(text).norms


def content_hash(text: str) -> str:
    """Hash of an article's text: the key of incremental, idempotent indexing."""
    return xxhash.xxh3_128_hexdigest(text.encode("utf-8"))


@dataclass(slots=True)
class IndexReport:
    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def prepare(article_id: str, rec: dict, quotes: bool = True) -> Record:
    """Fingerprints (and quotes) of one article record: pure, no I/O."""
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{article_id}: no text")
    sh = fp.shingles(text)
    sig = fp.minhash(sh)
    qs: list[tuple[int, int, str, str | None]] = []
    if quotes:
        from storytrace.quotes import extract_quotes

        qs = [
            (q.content[0], q.content[1], q.kind, q.speaker_name)
            for q in extract_quotes(text, parser=False)
        ]
    meta = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in META}
    return Record(
        id=article_id,
        text=text,
        hash=content_hash(text),
        sampled=np.asarray(fp.sample_of(sh), dtype=np.int64),
        lsh_keys=fp.lsh_keys(sig),
        quotes=qs,
        source=rec.get("source"),
        **meta,
    )


def iter_inputs(paths: Iterable[str]) -> Iterator[tuple[str, dict | InputError]]:
    """``(id, record)`` per article in files, folders and JSONL; bad ones as InputError."""
    for aid, art in iter_articles(paths):
        yield aid, art if isinstance(art, InputError) else art.to_dict()


def _prepare_job(job: tuple[str, dict, bool] | InputError | None) -> Record | InputError | None:
    if job is None or isinstance(job, InputError):
        return job
    try:
        return prepare(*job)
    except InputError as e:
        return e


def index_records(
    records: Iterable[tuple[str, dict | InputError]],
    db: str | os.PathLike[str],
    quotes: bool = True,
    progress: Progress | None = None,
    workers: int = 1,
) -> IndexReport:
    """Store new or changed records; commits every ``BATCH`` (or 5% of a larger index)
    so a killed run resumes.

    With ``workers`` > 1, fingerprints and quotes are computed in that many
    processes while this one writes the previous batch; all writes stay here.
    """
    report = IndexReport()
    with Store(db) as store:
        # Read once: the job stream below runs in the pool's feeder thread, which
        # must not touch the SQLite connection.
        known = store.hashes()
        first_at: dict[str, str] = {}

        def jobs() -> Iterator[tuple[str, dict, bool] | InputError | None]:
            for k, (aid, rec) in enumerate(records, 1):
                if isinstance(rec, InputError):
                    yield rec
                    continue
                where = str(rec.get("source") or f"record {k}")
                if aid in first_at:
                    # One input, one article per id: the first is kept, never overwritten.
                    yield InputError(
                        f"{where}: duplicate id {aid!r} (first at {first_at[aid]}); skipped"
                    )
                    continue
                first_at[aid] = where
                if known.get(aid) == content_hash(rec.get("text") or ""):
                    yield None
                else:
                    yield aid, rec, quotes

        pool = get_context("fork").Pool(workers) if workers > 1 else None
        try:
            results = (
                pool.imap(_prepare_job, jobs(), chunksize=16) if pool else map(_prepare_job, jobs())
            )
            batch: list[Record] = []

            def flush() -> None:
                added = store.add_many(batch)
                # Stored meanwhile by another writer with the same text: unchanged.
                report.added += added
                report.skipped += len(batch) - added
                batch.clear()

            for r in results:
                if progress:
                    progress(1)
                if r is None:
                    report.skipped += 1
                elif isinstance(r, InputError):
                    report.errors.append(str(r))
                else:
                    batch.append(r)
                    # Each commit rewrites every postings page it touched, so a big
                    # index commits every 5% of its size instead of every BATCH.
                    if len(batch) >= max(BATCH, (len(known) + report.added) // 20):
                        flush()
            flush()
        finally:
            if pool:
                pool.terminate()
    return report


def index(
    paths: Iterable[str],
    db: str | os.PathLike[str],
    quotes: bool = True,
    progress: Progress | None = None,
    workers: int = 1,
) -> IndexReport:
    """Index text/HTML files, folders and JSONL dumps into the store in ``db``."""
    return index_records(iter_inputs(paths), db, quotes, progress, workers)


# --- reuse -----------------------------------------------------------------


def _pairs_from_sorted(
    rows: Iterable[tuple[int, int]], max_df: int, min_shared: int
) -> dict[tuple[int, int], int]:
    """Pair counts from ``(key, doc)`` rows sorted by key, streamed group by group.

    Memory stays at one posting list plus the pairs, not the whole index.
    """
    counts: dict[tuple[int, int], int] = {}
    for _, grp in groupby(rows, key=itemgetter(0)):
        docs = [d for _, d in grp]
        if len(docs) < 2 or len(docs) > max_df:
            continue
        docs.sort()
        for x, a in enumerate(docs):
            for b in docs[x + 1 :]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
    return {p: c for p, c in counts.items() if c >= min_shared}


def candidate_pairs(
    store: Store, max_df: int = fp.MAX_DF, min_shared: int = fp.MIN_SHARED
) -> set[tuple[int, int]]:
    """Doc pairs worth aligning: shared rare n-grams, or LSH near-duplicates.

    Postings are read in key order straight from the store's primary-key index,
    so the cost grows with the number of postings (about N), not N squared.
    """
    pairs = set(_pairs_from_sorted(store.sorted_postings(), max_df, min_shared))
    # Near-duplicates share a band; bands crowded beyond max_df are boilerplate-only texts.
    pairs |= set(_pairs_from_sorted(store.sorted_lsh(), max_df, 1))
    return pairs


def _align(job: tuple[dict, dict, str, str]) -> st.Edge | None:
    from storytrace.align import compare

    meta_a, meta_b, ta, tb = job
    return st.reuse_edge(compare(ta, tb), meta_a, meta_b)


def reuse(
    store: Store, workers: int | None = None, progress: Progress | None = None
) -> list[st.Edge]:
    """Align every candidate pair; the reuse edges with a direction where known."""
    pairs = sorted(candidate_pairs(store))
    ids = store.ids()
    cache: dict[int, dict] = {}

    def art(d: int) -> dict:
        if d not in cache:
            cache[d] = store.article(d)
        return cache[d]

    def meta(d: int) -> dict:
        return {"id": ids[d], "published": art(d)["published"]}

    jobs = [(meta(a), meta(b), art(a)["text"], art(b)["text"]) for a, b in pairs]
    workers = workers or min(2, os.cpu_count() or 1)
    results: list = []
    if workers > 1 and len(pairs) > 50:
        with get_context("fork").Pool(workers) as pool:
            for r in pool.imap(_align, jobs, chunksize=16):
                results.append(r)
                if progress:
                    progress(1)
    else:
        for j in jobs:
            results.append(_align(j))
            if progress:
                progress(1)
    by_id = {v: k for k, v in ids.items()}
    quotes = _quote_keys(store)
    edges = [e for e in results if e is not None]
    for e in edges:
        e.quotes = len(quotes.get(by_id[e.a], set()) & quotes.get(by_id[e.b], set()))
    return edges


def _quote_keys(store: Store) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for doc, q in store.all_quotes():
        key = " ".join(_words(q["content"] or ""))
        if len(key.split()) >= 4:
            out.setdefault(doc, set()).add(key)
    return out


def stories(
    db: str | os.PathLike[str], workers: int | None = None, progress: Progress | None = None
) -> dict:
    """Stories with their reuse graphs: ``{"stories": [{"id", "articles", "nodes", "edges"}]}``."""
    with Store(db, readonly=True) as store:
        edges = reuse(store, workers, progress)
        texts = {a["id"]: a["text"] for a in store.iter_articles()}
        ids = store.ids()
        holders: dict[str, list[str]] = {}
        for doc, keys in _quote_keys(store).items():
            for k in keys:
                if len(k.split()) >= QUOTE_LINK_WORDS:
                    holders.setdefault(k, []).append(ids[doc])
    # The same quote of six or more words in two articles puts them in one story.
    quote_links = [
        (ds[0], d) for ds in holders.values() if 1 < len(ds) <= fp.MAX_DF for d in ds[1:]
    ]
    return {"stories": st.group_stories(texts, edges, texts, quote_links)}


def match(path: str, db: str | os.PathLike[str], limit: int = 20) -> list[dict]:
    """Stored articles sharing text or quotes with the article at ``path``, ranked."""
    art = read_article(path)
    sig = fp.minhash(fp.shingles(art.text))
    with Store(db, readonly=True) as store:
        shared = store.docs_sharing(fp.fingerprint(art.text))
        near = store.docs_in_buckets(fp.lsh_keys(sig))
        from storytrace.quotes import extract_quotes

        mine = {
            " ".join(_words(art.text[q.content[0] : q.content[1]]))
            for q in extract_quotes(art.text, parser=False)
        }
        mine = {k for k in mine if len(k.split()) >= 4}
        scored = []
        for doc in set(shared) | near:
            scored.append((shared.get(doc, 0) + (5 if doc in near else 0), doc))
        scored.sort(reverse=True)
        out = []
        for score, doc in scored[:limit]:
            a = store.article(doc)
            qs = {" ".join(_words(q["content"] or "")) for q in store.quotes(doc)}
            out.append(
                {
                    "id": a["id"],
                    "title": a["title"],
                    "shared_fingerprints": shared.get(doc, 0),
                    "near_duplicate": doc in near,
                    "shared_quotes": len(mine & qs),
                    "score": score,
                }
            )
    return out


def export(
    db: str | os.PathLike[str], out: str | os.PathLike[str], fmt: str = "jsonl"
) -> list[Path]:
    """Write articles, quotes and stories (with passages) as JSONL or Parquet files in ``out``."""
    data = stories(db)
    with Store(db, readonly=True) as store:
        ids = store.ids()
        tables = {
            "articles": [{k: v for k, v in a.items() if k != "doc"} for a in store.iter_articles()],
            "quotes": [{"article": ids[d], **q} for d, q in store.all_quotes()],
        }
    tables["stories"] = [{"id": s["id"], "articles": s["articles"]} for s in data["stories"]]
    tables["passages"] = [
        {
            "story": s["id"],
            "a": e["a"],
            "b": e["b"],
            "a_span": p["a"],
            "b_span": p["b"],
            "kind": p["kind"],
            "score": p["score"],
        }
        for s in data["stories"]
        for e in s["edges"]
        for p in e["passages"]
    ]
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError(
                "parquet export needs pyarrow: pip install 'storytrace[parquet]'"
            ) from None
        for name, rows in tables.items():
            p = outdir / f"{name}.parquet"
            pq.write_table(pa.Table.from_pylist(rows), p)
            written.append(p)
    elif fmt == "jsonl":
        for name, rows in tables.items():
            p = outdir / f"{name}.jsonl"
            with open(p, "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            written.append(p)
    else:
        raise InputError(f"unknown export format {fmt!r} (use jsonl or parquet)")
    return written
