"""The corpus pipeline: index, match, stories and export over an embedded store.

>>> import tempfile
>>> db = tempfile.mkdtemp()
>>> r = index_records([("a", {"text": "The council voted to close the old bridge on Friday."})], db)
>>> r.added
1
"""

from __future__ import annotations

import json
import math
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

import xxhash

from storytrace import fingerprints as fp
from storytrace.articles import InputError, iter_articles, read_article, warn
from storytrace.boilerplate import frequent_hashes, spans_from_positions
from storytrace.store import Record, Store, engine
from storytrace.text import Doc, doc_of

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from storytrace import stories as st

BATCH = 200
QUOTE_LINK_WORDS = 6
META = ("title", "url", "outlet", "published", "published_raw")
Progress = Callable[[int], None]


def _words(text: str) -> list[str]:
    return Doc(text).norms


def content_hash(text: str) -> str:
    """Hash of an article's text: the key of incremental, idempotent indexing."""
    return xxhash.xxh3_128_hexdigest(text.encode("utf-8"))


@dataclass(slots=True)
class IndexReport:
    """What one ``index`` run did: articles added/unchanged, records refused, reuse aligned.

    ``realigned`` is True when the stored reuse came from another engine
    version and was recomputed for every article.
    """

    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    pairs: int = 0
    edges: int = 0
    realigned: bool = False


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during ``index``: everything committed is kept and the same command resumes.

    ``report`` holds the counts up to the interruption; ``str()`` is one line to print.
    """

    def __init__(self, report: IndexReport) -> None:
        super().__init__(
            f"{report.added} articles added; everything committed is kept: "
            "run the same command again to resume"
        )
        self.report = report


def prepare(article_id: str, rec: dict, quotes: bool = True, features: bool = True) -> Record:
    """Fingerprints (and quotes, and story features) of one article record: pure, no I/O."""
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{article_id}: no text")
    import numpy as np

    sh = fp.shingles(text)
    sig = fp.minhash(sh)
    qs: list[tuple[int, int, str, str | None]] = []
    if quotes:
        from storytrace.quotes import extract_quotes

        # One row per part of an utterance: the words, never the frame between.
        qs = [
            (s, e, q.kind, q.speaker_name)
            for q in extract_quotes(text, parser=False)
            for s, e in q.parts
        ]
    meta = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in META}
    from storytrace import stories as st

    return Record(
        id=article_id,
        text=text,
        hash=content_hash(text),
        sampled=np.asarray(fp.sample_of(sh), dtype=np.int64),
        lsh_keys=fp.lsh_keys(sig),
        quotes=qs,
        source=rec.get("source"),
        features=_features_json(st.features(text)) if features else None,
        **meta,
    )


def _features_json(f: st.Features) -> str:
    return json.dumps([f.terms, sorted(f.focal), sorted(f.years)], ensure_ascii=False)


def _features_from(value: str) -> st.Features:
    from storytrace import stories as st

    terms, focal, years = json.loads(value)
    return st.Features(terms, frozenset(focal), frozenset(years))


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
    reuse_from: Iterable[dict] | None = None,
) -> IndexReport:
    """Store new or changed records and their reuse; a killed or interrupted run resumes.

    ``reuse_from`` (edges in :meth:`storytrace.stories.Edge.to_dict` form, as a
    Spark run over the same records computed them) is stored instead of
    aligning when the store was empty before; otherwise it is ignored and the
    new articles are aligned as usual (their pairs with the articles already
    stored are not in it).

    Articles are committed every ``BATCH`` (or 5% of a larger index); then every
    article not yet aligned is aligned with its candidates stored before it
    (:func:`align_pending`) and the edges are stored. With ``workers`` > 1,
    fingerprints, quotes and alignments are computed in that many processes
    while this one writes; all writes stay here. ``progress`` is called once
    per record read, then once per pair aligned. Ctrl-C raises
    :class:`Interrupted` after the workers stopped quietly.
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

        pool = _pool(workers)
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
            if store.engine != engine():
                store.reset_reuse()
                report.realigned = True
            if reuse_from is not None and not known:
                report.edges = store.import_edges(reuse_from)
            pairs, edges = align_pending(store, progress=progress, pool=pool)
            report.pairs += pairs
            report.edges += edges
            if store.stored_stories() is None:
                update_stories(store)
        except KeyboardInterrupt:
            raise Interrupted(report) from None
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
#
# Reuse is computed once, by ``index``: every article is aligned with its
# candidates among the articles stored before it (a lower doc number), and the
# edges are stored with the article marked aligned, one transaction per chunk.
# So each candidate pair is aligned exactly once, an interrupted run resumes
# with the articles not yet aligned, and reading stories never aligns.
#
# Candidates are the pairs sharing ``fp.MIN_SHARED`` sampled fingerprints, or
# one LSH band key, counting only keys held by at most ``fp.MAX_DF`` stored
# articles. The count is taken when the later article is aligned: indexing in
# several runs gives the pairs of one run except where a key crosses MAX_DF in
# between (a pair found earlier is then kept).

ALIGN_CHUNK = 500
"""Articles aligned per transaction (and per resumable step)."""

POOL_MIN_PAIRS = 32
"""Fewer pairs than this in a chunk are aligned in this process."""

SCAN_SHARE = 0.05
"""Above this share of the store pending, candidates come from one scan of all postings
instead of look-ups per article."""


def _pairs_from_sorted(
    rows: Iterable[tuple[int, int]], max_df: int, min_shared: int, later: set[int] | None = None
) -> dict[tuple[int, int], int]:
    """Pair counts from ``(key, doc)`` rows sorted by key, streamed group by group.

    With ``later``, only pairs whose larger doc is in it. Memory stays at one
    posting list plus the pairs, not the whole index.
    """
    counts: dict[tuple[int, int], int] = {}
    for _, grp in groupby(rows, key=itemgetter(0)):
        docs = [d for _, d in grp]
        if len(docs) < 2 or len(docs) > max_df:
            continue
        docs.sort()
        for x, b in enumerate(docs):
            if x and (later is None or b in later):
                for a in docs[:x]:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
    return {p: c for p, c in counts.items() if c >= min_shared}


def candidate_pairs(
    store: Store,
    max_df: int = fp.MAX_DF,
    min_shared: int = fp.MIN_SHARED,
    later: set[int] | None = None,
) -> set[tuple[int, int]]:
    """Doc pairs ``(a, b)``, ``a < b``, worth aligning: shared rare n-grams, or LSH near-duplicates.

    With ``later``, only pairs whose ``b`` is in it. Postings are read in key
    order straight from the store's primary-key index, so the cost grows with
    the number of postings (about N), not N squared.
    """
    pairs = set(_pairs_from_sorted(store.sorted_postings(), max_df, min_shared, later))
    # Near-duplicates share a band; bands crowded beyond max_df are boilerplate-only texts.
    pairs |= set(_pairs_from_sorted(store.sorted_lsh(), max_df, 1, later))
    return pairs


def _candidates_before(
    store: Store, doc: int, text: str, counts: dict[int, int] | None = None
) -> set[int]:
    """Docs below ``doc`` that pair with it under :func:`candidate_pairs`' rule (by look-ups).

    ``counts``: the stored document frequency of the text's fingerprints, when already read.
    """
    sh = fp.shingles(text)
    found: set[int] = set()
    for table, keys, least in (
        ("postings", fp.sample_of(sh), fp.MIN_SHARED),
        ("lsh", sorted(set(fp.lsh_keys(fp.minhash(sh)))), 1),
    ):
        held = counts if table == "postings" and counts is not None else None
        held = store.key_counts(table, keys) if held is None else held
        rare = [k for k, n in held.items() if n <= fp.MAX_DF]
        found |= {d for d, n in store.docs_holding(table, rare, doc).items() if n >= least}
    return found


# --- corpus boilerplate -----------------------------------------------------
#
# A passage one outlet prints under many different stories (its footer, its
# standard disclaimer) is furniture whatever its wording, even when no rule of
# :mod:`storytrace.boilerplate` knows it. Its fingerprints have a high document
# frequency, within the outlet or in the whole store; a pair is aligned with
# those passages as furniture spans, so they are labelled ``boilerplate``
# (kept in the stored text and the edge's passages, never counted as reuse).

OUTLET_MIN_DOCS = 5
"""A fingerprint in at least this many articles of one outlet (and :data:`OUTLET_SHARE` of
them) is that outlet's furniture. Five, not fewer: an outlet that updates one story a few
times keeps the reuse between the versions."""
OUTLET_SHARE = 0.01
CORPUS_MIN_DOCS = fp.MAX_DF + 1
"""A fingerprint in at least this many articles of the store (and :data:`CORPUS_SHARE` of
it), whatever their outlets, is furniture. Above :data:`fingerprints.MAX_DF`, the document
frequency past which a fingerprint already proposes no candidate pair: a wire story
carried by dozens of outlets is the reuse users look for, never furniture."""
CORPUS_SHARE = 0.01


def furniture_least(n_docs: int, outlet_docs: int) -> tuple[int, int]:
    """Least document frequency that makes a fingerprint furniture: in a store of ``n_docs``
    articles, and within an outlet of ``outlet_docs`` (the local index and Spark share it)."""
    return (
        max(CORPUS_MIN_DOCS, math.ceil(CORPUS_SHARE * n_docs)),
        max(OUTLET_MIN_DOCS, math.ceil(OUTLET_SHARE * outlet_docs)),
    )


def spans_of_frequent(text: str, frequent: set[int]) -> list[tuple[int, int]]:
    """Spans of ``text`` covered by the shingles whose hashes are in ``frequent``."""
    if not frequent:
        return []
    positions = [i for i, h in enumerate(fp.shingles(text)) if h in frequent]
    return spans_from_positions(doc_of(text), positions, fp.NGRAM)


def furniture_spans(
    store: Store,
    text: str,
    outlet: str | None,
    n_docs: int,
    outlet_docs: int = 0,
    counts: dict[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Spans of ``text`` covered by fingerprints frequent in the store (of ``n_docs``
    articles) or in ``outlet`` (of ``outlet_docs``, :meth:`Store.outlet_sizes`).
    ``counts``: the stored document frequency of the text's fingerprints, when already read."""
    keys = fp.fingerprint(text)
    least_all, least_outlet = furniture_least(n_docs, outlet_docs)
    if counts is None:
        counts = store.key_counts("postings", keys)
    frequent = frequent_hashes(counts, least_all)
    if outlet:
        frequent |= frequent_hashes(store.outlet_key_counts(keys, outlet), least_outlet)
    return spans_of_frequent(text, frequent)


def _quote_keys_of(quotes: Iterable[dict]) -> set[str]:
    keys = {" ".join(_words(q["content"] or "")) for q in quotes}
    return {k for k in keys if len(k.split()) >= 4}


def _align(job: tuple) -> tuple[int, int, dict | None]:
    """``(doc_a, doc_b, meta_a, meta_b, text_a, text_b, shared_quotes, furniture_a,
    furniture_b)`` -> ``(doc_a, doc_b, edge dict or None)``."""
    from storytrace import stories as st
    from storytrace.align import BULK, WorkLimitError, compare

    doc_a, doc_b, meta_a, meta_b, ta, tb, shared_quotes, fa, fb = job
    try:
        cmp = compare(ta, tb, BULK, fa, fb)
    except WorkLimitError as e:  # one over-long article must not stop the whole index
        warn(f"pair {meta_a['id']}, {meta_b['id']} not aligned: {e}")
        return doc_a, doc_b, None
    edge = st.reuse_edge(cmp, meta_a, meta_b, shared_quotes)
    return doc_a, doc_b, edge.to_dict() if edge else None


def _quiet_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent alone stops the run.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(workers: int) -> Pool | None:
    # Imported here, as stories (and the compare engine behind it) are in their
    # users: `storytrace match` starts without them.
    from multiprocessing import get_context

    return get_context("fork").Pool(workers, initializer=_quiet_worker) if workers > 1 else None


def align_pending(
    store: Store, workers: int = 1, progress: Progress | None = None, pool: Pool | None = None
) -> tuple[int, int]:
    """Align every pending article with its candidates stored before it; store the edges.

    Returns ``(pairs aligned, edges stored)``. Commits every
    :data:`ALIGN_CHUNK` articles, so an interruption loses at most one chunk of
    work and the next call resumes. ``pool`` (or ``workers`` > 1) aligns in
    worker processes; with neither, everything runs in this thread.
    """
    pending = store.pending()
    if not pending:
        return 0, 0
    own_pool = pool is None and workers > 1
    if own_pool:
        pool = _pool(workers)
    n_docs, sizes = store.count(), store.outlet_sizes()
    scan = len(pending) > SCAN_SHARE * n_docs
    by_later: dict[int, set[int]] = {}
    if scan:
        for a, b in candidate_pairs(store, later=set(pending)):
            by_later.setdefault(b, set()).add(a)
    arts: dict[int, tuple[dict, str, set[str], list[tuple[int, int]]]] = {}
    # A pending article's fingerprint counts serve its furniture and its candidates.
    counts: dict[int, dict[int, int]] = {}

    def art(d: int) -> tuple[dict, str, set[str], list[tuple[int, int]]]:
        if d not in arts:
            row = store.article(d)
            meta = {"id": row["id"], "published": row["published"]}
            outlet = row["outlet"]
            held = counts[d] = store.key_counts("postings", fp.fingerprint(row["text"]))
            furniture = furniture_spans(
                store, row["text"], outlet, n_docs, sizes.get(outlet, 0), held
            )
            arts[d] = (meta, row["text"], _quote_keys_of(store.quotes(d)), furniture)
        return arts[d]

    n_pairs = n_edges = 0
    try:
        for i in range(0, len(pending), ALIGN_CHUNK):
            chunk = pending[i : i + ALIGN_CHUNK]
            jobs = []
            for b in chunk:
                before = (
                    by_later.pop(b, set())
                    if scan
                    else _candidates_before(store, b, art(b)[1], counts.get(b))
                )
                for a in sorted(before):
                    (ma, ta, qa, fa), (mb, tb, qb, fb) = art(a), art(b)
                    if ma["id"] < mb["id"]:
                        jobs.append((a, b, ma, mb, ta, tb, len(qa & qb), fa, fb))
                    else:  # A is the smaller id, as on Spark: the alignment is not symmetric
                        jobs.append((b, a, mb, ma, tb, ta, len(qa & qb), fb, fa))
            # A few pairs (a small incremental run) align faster here than in
            # workers that would each load the thesaurus first.
            many = pool is not None and len(jobs) >= POOL_MIN_PAIRS
            results = pool.imap(_align, jobs, chunksize=8) if many else map(_align, jobs)
            rows = []
            for a, b, edge in results:
                if progress:
                    progress(1)
                if edge is not None:
                    rows.append((a, b, edge["verdict"], json.dumps(edge, ensure_ascii=False)))
            store.add_edges(rows, chunk)
            n_pairs += len(jobs)
            n_edges += len(rows)
            arts.clear()
            counts.clear()
    finally:
        if own_pool and pool is not None:
            pool.terminate()
    return n_pairs, n_edges


def _check_engine(store: Store) -> None:
    if store.engine != engine():
        raise InputError(
            f"{store.folder}: its stored reuse was computed by storytrace {store.engine or '?'} "
            f"(this is {engine()}); run 'storytrace index' on it again to recompute it"
        )


def _edge(d: dict) -> st.Edge:
    """A stored edge back as :class:`storytrace.stories.Edge`."""
    from storytrace import stories as st

    return st.Edge.from_dict(d)


def stored_reuse(db: str | os.PathLike[str]) -> list[st.Edge]:
    """The reuse edges ``index`` stored (no alignment happens here)."""
    with Store(db, readonly=True) as store:
        _check_engine(store)
        return [_edge(d) for d in store.edges()]


def _same_outlet(a: dict, b: dict) -> bool:
    oa, ob = (a.get("outlet") or "").strip().casefold(), (b.get("outlet") or "").strip().casefold()
    return bool(oa) and oa == ob


# --- stories -----------------------------------------------------------------
#
# Story groups are kept up to date by ``index`` and stored with the store's
# change count; ``stories``, ``export`` and the web app read them. A store whose
# stories are stale (an interrupted ``index``, or a store from before schema 4
# opened read-only) gets them computed on read, from scratch, and not stored.
#
# ``index`` updates them for the new articles only (:func:`update_stories`).
# Three facts make that exact:
#
# * Scores of pairs among stored articles do not change when articles are added,
#   because the term weights are taken from a stored basis (the IDF of the
#   corpus when it was last grouped anew, :class:`storytrace.stories.Basis`):
#   only pairs with a new article are scored, against the stored weights.
# * Average-link never joins groups with no pair scoring at least its threshold
#   between them (:func:`storytrace.stories.parts`), so only the parts a new
#   article joins are grouped again; they are small (10 articles at most on
#   bench/scale.py's 100,000) even where the candidate pairs form one component.
# * :func:`storytrace.stories.attach` decides each small group alone, from its own
#   pairs and the larger groups they reach; only those reaching a changed group
#   decide again.
#
# So the stored groups equal a grouping of everything from scratch with the same
# basis (tests/test_corpus.py). When the store has grown by :data:`REBASE`
# since its basis was taken, or an article was replaced, or the reuse was
# recomputed, everything is grouped anew with a new basis; then the groups are
# those of one run over the same articles.

REBASE = 0.25
"""Growth of the store since its story basis was taken (a share of the basis's articles)
past which ``index`` groups everything anew with a new basis."""


def _fill_features(store: Store, docs: list[int] | None = None) -> dict[int, str]:
    """Story features of articles (of ``docs``, or of all) stored without them (before
    schema 3, or after an engine change), stored when the store is writable; returns
    those not stored."""
    from storytrace import stories as st

    fresh = {
        d: _features_json(st.features(store.article(d)["text"])) for d in store.featureless(docs)
    }
    if fresh and not store.readonly:
        store.add_features(fresh.items())
        return {}
    return fresh


def _story_groups(store: Store, edges: list[st.Edge]) -> list[list[str]]:
    """Story groups (article ids) of everything stored, from scratch:
    :func:`storytrace.stories.cluster`'s, with the stored features streamed into
    :func:`storytrace.stories.scores_of`."""
    from storytrace import stories as st

    ids = store.ids()
    fresh = _fill_features(store)

    def rows() -> Iterator[tuple[str, dict, list, list]]:
        for d, value in chain(store.iter_features(), fresh.items()):
            if d in ids:
                terms, focal, years = json.loads(value)
                yield ids[d], terms, focal, years

    order, scores = st.scores_of(rows())
    return st.cluster_scores(order, scores, _links(store, edges))


def _quote_key(content: str | None) -> str | None:
    k = " ".join(_words(content or ""))
    return k if len(k.split()) >= QUOTE_LINK_WORDS else None


def _quote_links(holders: Iterable[Iterable]) -> list[tuple]:
    """Pairs joining the holders of each quote held by 2 to ``fp.MAX_DF`` articles."""
    links = []
    for ds in holders:
        ds = sorted(set(ds))
        if 1 < len(ds) <= fp.MAX_DF:
            links += [(ds[0], d) for d in ds[1:]]
    return links


def _links(store: Store, edges: list[st.Edge]) -> list[tuple[str, str]]:
    """Pairs that must share a story: reuse, and the same quote of
    :data:`QUOTE_LINK_WORDS` or more words."""
    ids = store.ids()
    holders: dict[str, list[str]] = {}
    for doc, q in store.all_quotes():
        k = _quote_key(q["content"])
        if k:
            holders.setdefault(k, []).append(ids[doc])
    return [(e.a, e.b) for e in edges] + _quote_links(holders.values())


def _blob(values: Iterable[int]) -> bytes:
    import numpy as np

    return np.asarray(list(values), dtype=np.int32).tobytes()


def _ints(blob: bytes) -> list[int]:
    import numpy as np

    return np.frombuffer(blob, dtype=np.int32).tolist()


def _labels(groups: Iterable[Iterable[int]]) -> dict[int, int]:
    """Each doc's group, named by its smallest doc."""
    out = {}
    for g in groups:
        g = list(g)
        label = min(g)
        out.update(dict.fromkeys(g, label))
    return out


def stored_basis(store: Store) -> st.Basis | None:
    """The basis the stored story weights were taken over (None when there is none)."""
    import numpy as np

    from storytrace import stories as st

    n = store.story_basis()
    if n is None:
        return None
    rows = store.story_vocab_rows()
    df = np.zeros(len(rows), dtype=np.int64)
    cut = np.zeros(len(rows), dtype=bool)
    vocab = {}
    for term, k, d, c in sorted(rows, key=itemgetter(1)):
        vocab[term], df[k], cut[k] = k, d, bool(c)
    return st.Basis(n, df, cut, vocab)


def _full_state(store: Store, basis: st.Basis | None = None) -> dict:
    """Everything :meth:`Store.add_stories` keeps, computed from scratch: with a new basis,
    or with ``basis`` (what an update must equal)."""
    import numpy as np

    from storytrace import stories as st

    ids = store.ids()
    _fill_features(store)
    docs: list[int] = []

    def rows() -> Iterator[tuple[str, dict, list, list]]:
        for d, value in store.iter_features():
            if d in ids:
                terms, focal, years = json.loads(value)
                docs.append(d)
                yield ids[d], terms, focal, years

    t = st.score_table(rows(), basis=basis)
    holders: dict[str, set[int]] = {}
    for doc, q in store.all_quotes():
        k = _quote_key(q["content"])
        if k and doc in ids:
            holders.setdefault(k, set()).add(doc)
    links = store.edge_pairs() + _quote_links(holders.values())
    doc_of = dict(zip(t.ids, docs, strict=True))
    id_links = [(ids[a], ids[b]) for a, b in links]
    scores = t.scores()
    al = st.average_link(t.ids, scores, st.AVERAGE_LINK, id_links)
    final = st.attach(al, scores)
    uf = st.UnionFind()
    for a, b in links:
        uf.union(a, b)
    grp = _labels([doc_of[i] for i in g] for g in al)
    part = _labels(
        [doc_of[i] for i in g] for g in st.parts(t.ids, scores, st.AVERAGE_LINK, id_links)
    )
    link = _labels(uf.groups(docs))
    size = {g: 0 for g in grp.values()}
    for g in grp.values():
        size[g] += 1
    story = {}
    for g in final:
        ds = [doc_of[i] for i in g]
        large = [grp[d] for d in ds if size[grp[d]] > st.ATTACH_SIZE]
        story.update(dict.fromkeys(ds, large[0] if large else grp[ds[0]]))
    basis = t.basis
    cols = t.x.tocsc()
    cols.sort_indices()
    doc_arr = np.asarray(docs, dtype=np.int64)
    post = [
        (
            term,
            doc_arr[cols.indices[cols.indptr[term] : cols.indptr[term + 1]]].tobytes(),
            cols.data[cols.indptr[term] : cols.indptr[term + 1]].tobytes(),
        )
        for term in np.flatnonzero(
            (np.diff(cols.indptr) > 0) & ~basis.cut[: cols.shape[1]]
        ).tolist()
    ]
    ends = np.concatenate(([0], np.cumsum(t.lengths)))
    return {
        "n": basis.n,
        "story_vocab": [
            (term, k, int(basis.df[k]), int(basis.cut[k])) for term, k in basis.vocab.items()
        ],
        "story_post": post,
        "story_vec": [
            (
                d,
                t.terms[ends[k] : ends[k + 1]].astype(np.int32).tobytes(),
                _blob(sorted(t.focal[k])),
                _blob(t.years[k]),
            )
            for k, d in enumerate(docs)
        ],
        "story_pair": list(
            zip(doc_arr[t.r].tolist(), doc_arr[t.c].tolist(), t.score.tolist(), strict=True)
        ),
        "story_of": [(d, story[d], grp[d], part[d], link[d], size[grp[d]]) for d in docs],
        "quote_link": [(k, d) for k, ds in holders.items() for d in ds],
    }


def _update_state(store: Store, new: list[int], n0: int) -> dict | None:
    """The rows :meth:`Store.add_stories` adds for the ``new`` docs, scored against the
    stored basis; None when that cannot be exact (a quote crossed ``fp.MAX_DF``
    holders, so links among stored articles went away): then group anew."""
    import numpy as np
    from scipy import sparse

    from storytrace import stories as st

    new_set = set(new)
    feats = {d: json.loads(v) for d, v in store.features_of(new).items()}
    new = [d for d in new if d in feats]
    words = {w for d in new for part in feats[d] for w in part}
    known = store.story_vocab(sorted(words))
    terms_ = st.Terms({w: v[0] for w, v in known.items()}, store.story_vocab_size())
    focal: dict[int, frozenset[int]] = {}
    years: dict[int, frozenset[int]] = {}
    for d in new:
        counts, names, yrs = feats[d]
        terms_.add(str(d), counts)
        focal[d] = frozenset(terms_.id(w) for w in names)
        years[d] = frozenset(terms_.id(y) for y in yrs)
    df = np.zeros(terms_.size, dtype=np.int64)
    cut = np.zeros(terms_.size, dtype=bool)
    for k, v_df, v_cut in known.values():
        df[k], cut[k] = v_df, bool(v_cut)
    x_new = terms_.tfidf(st.TOP_TERMS, (n0, df))
    x_new.sort_indices()
    ends = np.concatenate(([0], np.cumsum(np.asarray(terms_.lengths, dtype=np.int64))))
    held_all = np.asarray(terms_.terms, dtype=np.int64)
    held = {d: held_all[ends[k] : ends[k + 1]] for k, d in enumerate(new)}

    # Cosines of each new article with every stored or new article sharing a kept term,
    # the earlier article's terms added in column order as the full product does.
    cols = np.unique(x_new.indices)
    cols = cols[~cut[cols]]
    post = store.story_postings(cols.tolist())
    old_docs = np.unique(
        np.concatenate([np.frombuffer(p[0], dtype=np.int64) for p in post.values()] or [[]])
    ).astype(np.int64)
    left_docs = np.concatenate((old_docs, np.asarray(new, dtype=np.int64)))
    col_of = np.full(terms_.size, -1, dtype=np.int64)
    col_of[cols] = np.arange(len(cols))
    lr, lc, lv = [], [], []
    for term, (pd, pw) in post.items():
        ds = np.frombuffer(pd, dtype=np.int64)
        lr.append(np.searchsorted(old_docs, ds))
        lc.append(np.full(len(ds), col_of[term]))
        lv.append(np.frombuffer(pw, dtype=np.float64))
    right = x_new[:, cols].tocsr()
    right.sort_indices()
    nr = right.tocoo()
    lr.append(nr.row.astype(np.int64) + len(old_docs))
    lc.append(nr.col.astype(np.int64))
    lv.append(nr.data)
    left = sparse.csr_matrix(
        (np.concatenate(lv), (np.concatenate(lr), np.concatenate(lc))),
        shape=(len(left_docs), len(cols)),
    )
    i, j, cos = st.row_dots(left, right, st.CANDIDATE_LINK)
    a_docs = left_docs[i]
    b_docs = np.asarray(new, dtype=np.int64)[j]
    keep = a_docs < b_docs
    found = list(zip(a_docs[keep].tolist(), b_docs[keep].tolist(), cos[keep].tolist(), strict=True))
    olds = sorted({a for a, _, _ in found if a not in new_set})
    vec = store.story_vectors(olds)

    def feat(d: int) -> st.Features:
        if d in new_set:
            return st.Features(set(held[d].tolist()), focal[d], years[d])  # type: ignore[arg-type]
        h, f, y = vec[d]
        return st.Features(set(_ints(h)), frozenset(_ints(f)), frozenset(_ints(y)))  # type: ignore[arg-type]

    cache: dict[int, st.Features] = {}
    pairs = []
    for a, b, c in found:
        fa = cache.get(a) or cache.setdefault(a, feat(a))
        fb = cache.get(b) or cache.setdefault(b, feat(b))
        pairs.append((a, b, st.pair_score(c, fa, fb)))
    pairs.sort()

    # Links: reuse of a new article, and quotes it shares.
    links = store.edges_of(new)
    mine: dict[str, set[int]] = {}
    for d, content in store.quotes_of(new):
        k = _quote_key(content)
        if k:
            mine.setdefault(k, set()).add(d)
    before = store.quote_holders(sorted(mine))
    for k, ds in mine.items():
        old = set(before.get(k, ()))
        if len(old) <= fp.MAX_DF < len(old | ds):
            return None
    links += _quote_links(set(before.get(k, ())) | ds for k, ds in mine.items())

    # The parts a new article joins, and everything in them.
    bound = st.AVERAGE_LINK * (1 - 1e-9)
    strong = [(a, b) for a, b, s in pairs if s >= bound] + links
    near = sorted({d for p in strong for d in p} - new_set)
    was = store.story_rows_by("part", sorted({r[2] for r in store.story_rows(near).values()}))
    touched = sorted(set(was) | new_set)
    tset = set(touched)
    uf_part, uf_link = st.UnionFind(), st.UnionFind()
    for d, (_, _, p, lk, _) in was.items():
        uf_part.union(d, p)
        uf_link.union(d, lk)
    for a, b in strong:
        uf_part.union(a, b)
    for a, b in links:
        uf_link.union(a, b)
    stored_pairs = store.story_pairs(list(was))
    inside = sorted(
        {(a, b, s) for a, b, s in stored_pairs if a in tset and b in tset}
        | {(a, b, s) for a, b, s in pairs if a in tset and b in tset}
    )
    ids = store.ids_of(touched)
    al = st.average_link(
        [ids[d] for d in touched],
        {(ids[a], ids[b]): s for a, b, s in inside},
        st.AVERAGE_LINK,
        [(ids[lk], ids[d]) for d, (_, _, _, lk, _) in was.items()]
        + [(ids[a], ids[b]) for a, b in links],
    )
    doc_of = {v: k for k, v in ids.items()}
    grp = _labels([doc_of[i] for i in g] for g in al)
    part = _labels(uf_part.groups(touched))
    link = _labels(uf_link.groups(touched))
    info = {}  # group -> (size, smallest id)
    for g in al:
        info[grp[doc_of[g[0]]]] = (len(g), min(g))

    # Small groups decide again where they attach when they are new or changed, or when
    # one of their pairs reaches a larger group that changed (or stopped being larger):
    # one that kept exactly its members offers them what it offered before.
    small = st.ATTACH_SIZE
    size = {d: info[grp[d]][0] for d in touched}
    before: dict[int, set[int]] = {}
    for d, r in was.items():
        before.setdefault(r[1], set()).add(d)
    after: dict[int, set[int]] = {}
    for d in touched:
        after.setdefault(grp[d], set()).add(d)
    large = {
        d
        for d in touched
        if (size[d] > small or (d in was and was[d][4] > small))
        and (d not in was or before[was[d][1]] != after[grp[d]])
    }
    reach = store.story_pairs(sorted(large - new_set))
    reach += [p for p in pairs if p[0] in large or p[1] in large]
    rows_out = store.story_rows(sorted({d for a, b, _ in reach for d in (a, b)} - tset))
    deciding: dict[int, list[int]] = {}
    for d in touched:
        if size[d] <= small:
            deciding.setdefault(grp[d], []).append(d)
    # Of those, only the ones whose choice can change: attached to a changed group, or
    # close enough to a changed larger group to attach to it now (the others keep a
    # choice among unchanged groups that nothing new can beat).
    changed = {was[d][1] for d in large if d in was}
    offer: dict[tuple[int, int], float] = {}
    for a, b, s in reach:
        o, x = (b, a) if b in rows_out else (a, b)
        if o in rows_out and size.get(x, 0) > small:
            offer[(o, grp[x])] = offer.get((o, grp[x]), 0.0) + s
    close = st.ATTACH * (1 - 1e-9)
    again = {o for o, r in rows_out.items() if r[0] != r[1] and r[0] in changed}
    again |= {o for (o, g), total in offer.items() if total / info[g][0] >= close}
    smalls_out = sorted({rows_out[o][1] for o in again if rows_out[o][4] <= small})
    kept = store.story_rows_by("grp", smalls_out)
    for d, r in kept.items():
        deciding.setdefault(r[1], []).append(d)
    group_of = {d: r[1] for d, r in kept.items()} | grp
    mine_pairs = sorted(
        set(store.story_pairs([d for d in group_of if d not in new_set]))
        | {p for p in pairs if p[0] in group_of or p[1] in group_of}
    )
    rows_nb = store.story_rows(
        sorted({d for a, b, _ in mine_pairs for d in (a, b)} - set(group_of))
    )
    size_of = {r[1]: r[4] for r in (*rows_nb.values(), *kept.values())}
    size_of |= {g: n for g, (n, _) in info.items()}
    group_of |= {d: r[1] for d, r in rows_nb.items()}
    first_of = {g: f for g, (_, f) in info.items()}
    first_of |= {
        g: f
        for g, (_, f) in store.group_sizes(
            sorted({g for g, n in size_of.items() if n > small and g not in first_of})
        ).items()
    }
    near_of: dict[int, list[tuple[int, float]]] = {}
    for a, b, s in mine_pairs:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        if ga in deciding:
            near_of.setdefault(ga, []).append((b, s))
        if gb in deciding:
            near_of.setdefault(gb, []).append((a, s))
    story = {d: grp[d] for d in touched}
    for g, ds in deciding.items():
        h = st.attach_choice(near_of.get(g, []), group_of, size_of, first_of)
        story.update(dict.fromkeys(ds, g if h is None else h))

    # Rows to add: the new articles' weights appended to the stored postings.
    add_post = []
    xc = x_new[:, cols].tocsc()
    xc.sort_indices()
    new_arr = np.asarray(new, dtype=np.int64)
    for k, term in enumerate(cols.tolist()):
        lo, hi = xc.indptr[k], xc.indptr[k + 1]
        if hi == lo:
            continue
        pd, pw = post.get(term, (b"", b""))
        add_post.append(
            (term, pd + new_arr[xc.indices[lo:hi]].tobytes(), pw + xc.data[lo:hi].tobytes())
        )
    rows_of = {d: (story[d], grp[d], part[d], link[d], size[d]) for d in touched}
    rows_of |= {d: (story[d], *kept[d][1:]) for d in kept}
    return {
        "n": n0,
        "story_vocab": [(w, k, 0, 0) for w, k in terms_.vocab.items() if w not in known],
        "story_post": add_post,
        "story_vec": [
            (
                d,
                held[d].astype(np.int32).tobytes(),
                _blob(sorted(focal[d])),
                _blob(sorted(years[d])),
            )
            for d in new
        ],
        "story_pair": pairs,
        "story_of": [(d, *r) for d, r in rows_of.items()],
        "quote_link": [(k, d) for k, ds in mine.items() for d in ds],
    }


def update_stories(store: Store) -> bool:
    """Bring the stored story groups up to date (see the notes above): the new articles
    alone against the stored basis, or everything anew. False when another writer
    changed the store meanwhile (the next ``index`` or read recomputes them)."""
    generation = store.generation()
    n0 = store.story_basis()
    state = None
    if n0 is not None:
        # Articles lose their features only with the basis (a replaced article, an
        # engine change), so only the new ones may lack them here.
        new = store.ungrouped()
        _fill_features(store, new)
        if new and store.count_grouped() + len(new) <= n0 * (1 + REBASE):
            state = _update_state(store, new, n0)
    if state is None:
        return store.add_stories(_full_state(store), generation, fresh=True)
    return store.add_stories(state, generation, fresh=False)


def stories(db: str | os.PathLike[str], skip_same_outlet: bool = False) -> dict:
    """Stories with their reuse graphs, from what ``index`` stored.

    ``{"stories": [{"id", "articles", "nodes", "edges"}], "unaligned": n}``:
    ``unaligned`` counts articles an interrupted ``index`` has not aligned yet
    (their reuse is missing until ``index`` runs again). Nothing is aligned and
    no process is started here, so a web request may call it; the story
    groups are the ones ``index`` stored (computed here only when stale).
    ``skip_same_outlet`` leaves out reuse between articles naming the same
    outlet (passim's series fills the outlet when a record has none); the
    groups are then computed without those links.
    """
    from storytrace import stories as st

    with Store(db, readonly=True) as store:
        _check_engine(store)
        edges = [_edge(d) for d in store.edges()]
        unaligned = len(store.pending())
        stored = None if skip_same_outlet else store.stored_stories()
        if skip_same_outlet:
            meta = store.article_meta()
            edges = [e for e in edges if not _same_outlet(meta[e.a], meta[e.b])]
        if stored is not None:
            ids = store.ids()
            groups = sorted(
                (sorted(ids[d] for d in g) for g in stored), key=lambda g: (-len(g), g[0])
            )
        else:
            groups = _story_groups(store, edges)
    return {
        "stories": st.story_graphs(groups, st.common_sources(edges)),
        "unaligned": unaligned,
    }


def match(path: str, db: str | os.PathLike[str], limit: int = 20) -> list[dict]:
    """Stored articles sharing text or quotes with the article at ``path``, ranked."""
    art = read_article(path)
    keys = fp.query(art.text)  # without numpy: one article, and start-up counts here
    with Store(db, readonly=True) as store:
        shared = store.docs_sharing(keys.fingerprints)
        near = store.docs_in_buckets(keys.lsh_keys)
        from storytrace.quotes import extract_quotes

        mine = {
            " ".join(_words(art.text[s:e]))
            for q in extract_quotes(art.text, parser=False)
            for s, e in q.parts
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


TABLES = ("articles", "passages", "edges", "stories", "quotes")
"""The tables ``export`` and the Spark job write (docs/tables.md)."""


def tables(
    articles: Iterable[dict], stories_: list[dict], quotes: Iterable[dict]
) -> dict[str, list[dict]]:
    """The export tables as rows with nested values (lists and records, no JSON strings).

    ``articles``: id, title, url, outlet, published, source, text; ``stories_``:
    as :func:`stories` returns them; ``quotes``: article, start, end, kind,
    speaker_name, content. Edges and passages carry the story they belong to.
    """
    out: dict[str, list[dict]] = {
        "articles": [{k: a.get(k) for k in _ARTICLE_COLUMNS} for a in articles],
        "passages": [],
        "edges": [],
        "stories": [],
        "quotes": list(quotes),
    }
    for s in stories_:
        out["stories"].append({"id": s["id"], "articles": s["articles"], "nodes": s["nodes"]})
        for e in s["edges"]:
            out["edges"].append(
                {"story": s["id"], **{k: v for k, v in e.items() if k != "passages"}}
            )
            for n, p in enumerate(e["passages"]):
                out["passages"].append(
                    {"story": s["id"], "article_a": e["a"], "article_b": e["b"], "n": n, **p}
                )
    return out


_ARTICLE_COLUMNS = ("id", "title", "url", "outlet", "published", "source", "text")


def write_tables(
    data: dict[str, list[dict]], out: str | os.PathLike[str], fmt: str = "jsonl"
) -> list[Path]:
    """Write :func:`tables` as ``NAME.jsonl`` or ``NAME.parquet`` files in the folder ``out``."""
    if fmt not in ("jsonl", "parquet"):
        raise InputError(f"unknown export format {fmt!r} (use jsonl or parquet)")
    outdir = Path(out)
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: exists and is not a folder; give a folder for the tables")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            return _write_parquet(data, outdir)
        written = []
        for name in TABLES:
            p = outdir / f"{name}.jsonl"
            with open(p, "w", encoding="utf-8") as fh:
                for r in data[name]:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            written.append(p)
        return written
    except OSError as e:
        raise InputError(f"{outdir}: cannot write the tables ({e.strerror or e})") from None


def _arrow_types() -> dict[str, dict]:
    import pyarrow as pa

    span = pa.list_(pa.int64())
    text = pa.string()
    return {
        "articles": {k: text for k in _ARTICLE_COLUMNS},
        "passages": {
            "story": pa.int64(),
            "article_a": text,
            "article_b": text,
            "n": pa.int64(),
            "a": span,
            "b": span,
            "kind": text,
            "score": pa.float64(),
            "edits": pa.list_(pa.struct([("op", text), ("a", span), ("b", span)])),
        },
        "edges": {
            "story": pa.int64(),
            "a": text,
            "b": text,
            "verdict": text,
            "coverage": pa.map_(text, pa.float64()),
            "direction": pa.struct(
                [("from", text), ("to", text), ("basis", text), ("evidence", pa.map_(text, text))]
            ),
            "published": pa.struct([("a", text), ("b", text)]),
            "shared_quotes": pa.int64(),
        },
        "stories": {
            "id": pa.int64(),
            "articles": pa.list_(text),
            "nodes": pa.list_(
                pa.struct([("id", text), ("count", pa.int64()), ("members", pa.list_(text))])
            ),
        },
        "quotes": {
            "article": text,
            "start": pa.int64(),
            "end": pa.int64(),
            "kind": text,
            "speaker_name": text,
            "content": text,
        },
    }


def _as_map(d: dict | None, value: Callable[[object], object]) -> list[tuple] | None:
    return None if d is None else [(k, value(v)) for k, v in d.items()]


def _json_text(v: object) -> str:
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _arrow_rows(name: str, rows: list[dict]) -> list[dict]:
    """Variable-keyed records as maps: every run then has the same column types."""
    if name != "edges":
        return rows
    out = []
    for r in rows:
        way = r.get("direction")
        if way is not None:
            way = {**way, "evidence": _as_map(way.get("evidence") or {}, _json_text)}
        out.append({**r, "coverage": _as_map(r.get("coverage"), float), "direction": way})
    return out


def _write_parquet(data: dict[str, list[dict]], outdir: Path) -> list[Path]:
    """Parquet files with fixed column types (docs/tables.md); unknown extra fields inferred."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "parquet export needs pyarrow: pip install 'storytrace[parquet]'"
        ) from None
    written = []
    for name, types in _arrow_types().items():
        rows = _arrow_rows(name, data[name])
        extra = [k for k in dict.fromkeys(k for r in rows for k in r) if k not in types]
        columns = {}
        for k in [*types, *extra]:
            values = [r.get(k) for r in rows]
            try:
                columns[k] = pa.array(values, type=types.get(k))
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                columns[k] = pa.array([None if v is None else _json_text(v) for v in values])
        p = outdir / f"{name}.parquet"
        pq.write_table(pa.table(columns), p)
        written.append(p)
    return written


def export(
    db: str | os.PathLike[str], out: str | os.PathLike[str], fmt: str = "jsonl"
) -> list[Path]:
    """Write the stored articles, passages, edges, stories and quotes as tables in ``out``.

    Reads what ``index`` stored (nothing is aligned here); see docs/tables.md.
    """
    data = stories(db)
    with Store(db, readonly=True) as store:
        ids = store.ids()
        arts = list(store.iter_articles())
        quotes = [{"article": ids[d], **q} for d, q in store.all_quotes()]
    return write_tables(tables(arts, data["stories"], quotes), out, fmt)
