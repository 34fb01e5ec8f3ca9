"""The corpus pipeline: index, match (:mod:`storytrace.lookup`), stories and export over an
embedded store.

>>> import tempfile
>>> db = tempfile.mkdtemp()
>>> r = index_records([("a", {"text": "The council voted to close the old bridge on Friday."})], db)
>>> r.added
1
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import signal
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from storytrace import fingerprints as fp
from storytrace.articles import InputError, iter_articles, warn
from storytrace.fingerprints import content_hash as content_hash  # its home: match uses it
from storytrace.lookup import match as match  # the look-up has a module of its own
from storytrace.store import (
    QUOTE_EVIDENCE,
    KeyFilter,
    KeyRuns,
    Record,
    Store,
    engine,
    key_order,
    key_rows,
    pair_order,
    pairs_fit,
    unique_sorted,
)
from storytrace.text import Doc, doc_of

if TYPE_CHECKING:
    import numpy as np

    from storytrace import stories as st
    from storytrace.procpool import Pool

BATCH = 200
META = ("title", "url", "outlet", "published", "published_raw")
Phase = Literal["reading", "quotes", "aligning", "stories"]
"""What ``index`` is doing: reading and storing the records; extracting the stored articles'
quotes again (:func:`requote`); aligning the new articles with their candidates
(:func:`align_pending`); grouping stories (:func:`update_stories`)."""

Progress = Callable[[Phase, int, "int | None"], None]
"""``progress(phase, done, total)``: ``done`` of ``total`` items of ``phase`` so far (records
read, articles whose quotes were extracted again, new articles aligned with all their
candidates). ``total`` is None when unknown: records from an iterator without a length, and the
story update, which is reported once, as it starts. Phases come in the order of
:data:`Phase`; a run skips those it has nothing to do in."""


def _words(text: str) -> list[str]:
    return Doc(text).norms


@dataclass(slots=True)
class IndexReport:
    """What one ``index`` run did: articles added/unchanged, records refused, reuse aligned.

    ``realigned`` is True when the stored reuse came from another engine
    version, or read quotes that changed, and was recomputed for every article;
    ``requoted`` counts the stored articles whose quotes were extracted again
    (another extraction stored them, :data:`storytrace.store.QUOTES_RULE`);
    ``resumed`` counts the articles an earlier, interrupted run stored but left unaligned
    that this run aligned (not the articles of a realignment).
    """

    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    pairs: int = 0
    edges: int = 0
    realigned: bool = False
    requoted: int = 0
    resumed: int = 0


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
    sh = fp._shingles(text)  # an array: minhash and fingerprint take it as it is
    sig = fp.minhash(sh)
    qs = quote_rows(text) if quotes else []
    meta = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in META}
    from storytrace import stories as st

    f = st.features(text) if features else None
    terms = None if f is None else st.packed(f)
    return Record(
        id=article_id,
        text=text,
        hash=content_hash(text),
        sampled=fp._fingerprint(text, sh),
        lsh_keys=fp.lsh_keys(sig),
        quotes=qs,
        source=rec.get("source"),
        features=None if f is None else _features_json(f, terms and terms[0]),
        terms=terms,
        **meta,
    )


def quote_rows(text: str) -> list[tuple]:
    """The quote rows of ``text`` as the store and the Spark job keep them: one row per part
    of an utterance (the words, never the frame between), ``(start, end, kind, speaker_name,
    *evidence)`` with the evidence of :data:`storytrace.store.QUOTE_EVIDENCE`.

    >>> t = '"We will sort it," Ms Patel said. "Soon."'
    >>> for s, e, kind, name, n, c0, c1, s0, s1, typ, how, n0, n1 in quote_rows(t):
    ...     print(repr(t[s:e]), kind, name, n, repr(t[c0:c1]), repr(t[s0:s1]), typ, how)
    'We will sort it' direct Ms Patel 0 'said' 'Ms Patel' person as-written
    'Soon.' direct Ms Patel 0 'said' 'Ms Patel' person as-written
    """
    from storytrace.quotes import extract_quotes

    rows = []
    for n, q in enumerate(extract_quotes(text, parser=False)):
        spans = (q.cue, q.speaker, q.named_at)
        cue, speaker, named = ((None, None) if sp is None else tuple(sp) for sp in spans)
        for s, e in q.parts:
            rows.append(
                (s, e, q.kind, q.speaker_name, n, *cue, *speaker, q.speaker_type, q.resolved_by)
                + named
            )
    return rows


def _features_json(f: st.Features, joined: str | None = None) -> str:
    """``json.dumps([f.terms, sorted(f.focal), sorted(f.years)], ensure_ascii=False)``.

    ``joined``, the terms joined by NUL (:func:`storytrace.stories.packed`'s), lets it be
    made by one ``%`` format of the counts (ints) when no term holds a character JSON
    escapes (``"``, ``\\``, a control character) or ``%`` (the focal names and years are
    terms too): 13 against 27 µs an article of bench/scale.py's, where json's encoder
    makes a string per term.

    >>> from storytrace.stories import Features
    >>> f = Features({"storm": 2, "2019": 1}, frozenset(), frozenset({"2019"}))
    >>> _features_json(f, "storm\\x002019")
    '[{"storm": 2, "2019": 1}, [], ["2019"]]'
    """
    focal, years = sorted(f.focal), sorted(f.years)
    if not joined or _NOT_PLAIN.search(joined):
        return json.dumps([f.terms, focal, years], ensure_ascii=False)
    counts = ('{"' + joined.replace("\x00", '": %d, "') + '": %d}') % tuple(f.terms.values())
    return f"[{counts}, {_words_json(focal)}, {_words_json(years)}]"


_NOT_PLAIN = re.compile(r'[\x01-\x1f"\\%]')
"""A character JSON escapes or ``%`` formats (NUL, packed's separator, is in no term)."""


def _words_json(words: list[str]) -> str:
    return '["' + '", "'.join(words) + '"]' if words else "[]"


def _features_from(value: str) -> st.Features:
    from storytrace import stories as st

    terms, focal, years = json.loads(value)
    return st.Features(terms, frozenset(focal), frozenset(years))


class _Gathered:
    """What a first build gathers of the records it stores for its grouping, in the order
    it stores them: their story features' rows (:class:`storytrace.stories.TermRows`, from
    :attr:`Record.terms`) and content hashes. Reading every article's features JSON back from
    the store and parsing it cost about 0.1 ms an article (:func:`update_stories` uses these
    only where they are exactly every stored article's)."""

    def __init__(self) -> None:
        from storytrace import stories as st

        self.rows = st.TermRows()
        self.hashes: list[str] = []

    def add(self, batch: list[Record]) -> bool:
        """Gather a batch the store took whole; False if a record lacks packed features."""
        if any(r.terms is None or r.features is None for r in batch):
            return False
        for r in batch:
            self.rows.add_packed(r.id, r.terms)
            self.hashes.append(r.hash)
        return True

    def of(self, store: Store) -> tuple[st.TermRows, list[int]] | None:
        """The rows and their docs, when the store holds exactly these articles (ids and
        content hashes, in doc order); else None (another writer changed it meanwhile)."""
        ids, hashes = store.ids(), store.doc_hashes()
        docs = sorted(ids)
        if [ids[d] for d in docs] != self.rows.terms.ids:
            return None
        if [hashes.get(d) for d in docs] != self.hashes:
            return None
        return self.rows, docs


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


PREPARE_HERE = 2000
"""The first articles of an input (up to this many) are prepared in this process; only the
rest of a longer input goes to worker processes. Workers forked from a process that has
already built an index cost it more CPU than they save: on 1,000 new articles after a build
of 10,000 in the same process, 4.1-5.0 CPU s with two workers against 3.0-4.2 prepared here
(the workers 1.6-1.9 CPU s for what takes 1.0-1.3 here, and this process's page faults
82,000-94,000 against 26,000-42,000: every page it writes after a fork faults once), while a
fresh ``storytrace index`` process costs the same either way. Two workers would save at most
about 1.3 s of wall time on 2,000 articles; on a long input, they do the rest."""

PREPARE_AHEAD = 4096
"""Most articles the preparing workers run ahead of this process's storing (about 8 KB each
prepared: 32 MB). Without a bound the records they returned waited here until stored: when
this process stores slower than the workers prepare (on 2 cores, the three share them), the
wait grows with the input (``procpool.Pool.imap_ahead``)."""

_END = object()


def _prepared(
    jobs: Iterator[tuple[str, dict, bool] | InputError | None], workers: int, pools: list[Pool]
) -> Iterator[Record | InputError | None]:
    """:func:`_prepare_job` of each job, in order: the first :data:`PREPARE_HERE` here, the
    rest (if any) in ``workers`` processes started after them (appended to ``pools``). The
    workers inherit the modules and tables the preparation here loaded (the story features'
    imports, the furniture rules) instead of each loading its own: 0.3-0.5 CPU s a worker."""
    yield from map(_prepare_job, islice(jobs, PREPARE_HERE))
    if workers <= 1:
        yield from map(_prepare_job, jobs)
        return
    after = next(jobs, _END)
    if after is _END:
        return
    pools.append(_pool(workers))
    yield from pools[-1].imap_ahead(_prepare_job, chain([after], jobs), 16, PREPARE_AHEAD)


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
    per record read, per batch of stored articles whose quotes are extracted again
    (:func:`requote`), per new article aligned with its candidates, and once as the
    stories are updated (:data:`Progress`). Ctrl-C raises
    :class:`Interrupted` after the workers stopped quietly.
    """
    report = IndexReport()
    with Store(db) as store, store.hash_lookup() as stored_hash:
        # Past PREPARE_HERE, the job stream below runs in a thread of its own (procpool's
        # feed), which must not touch the store's connection: it looks ids up on its own.
        _add_waiting_keys(store)
        n_known = store.count()
        last_known = store.last_doc()  # articles added below get this version's quotes
        # A first build keeps its articles' look-up keys apart and stores them once at the
        # end, in key order (Store.add_key_runs); an interrupted one is finished above.
        runs = KeyRuns() if not n_known else None
        gathered = _Gathered() if runs is not None else None
        first_at: dict[str, str] = {}
        n_records = len(records) if isinstance(records, Sized) else None

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
                # Nothing to look up in a store that was empty (an id read twice is caught above).
                if n_known and stored_hash(aid) == content_hash(rec.get("text") or ""):
                    yield None
                else:
                    yield aid, rec, quotes

        pools: list[Pool] = []  # the workers that prepare, once started
        try:
            results = _prepared(jobs(), workers, pools)
            batch: list[Record] = []
            # The new articles' look-up keys, kept for aligning them below while they are
            # few enough to be looked up one by one (then nothing is computed twice).
            keys: dict[str, tuple[str, fp.Query]] | None = {}

            def flush() -> None:
                nonlocal gathered
                added = store.add_many(batch, runs)
                if gathered is not None and not (added == len(batch) and gathered.add(batch)):
                    gathered = None
                # Stored meanwhile by another writer with the same text: unchanged.
                report.added += added
                report.skipped += len(batch) - added
                batch.clear()

            for n_read, r in enumerate(results, 1):
                if progress:
                    progress("reading", n_read, n_records)
                if r is None:
                    report.skipped += 1
                elif isinstance(r, InputError):
                    report.errors.append(str(r))
                else:
                    batch.append(r)
                    if keys is not None:
                        keys[r.id] = (r.hash, fp.Query(r.sampled.tolist(), sorted(set(r.lsh_keys))))
                        if len(keys) > SCAN_SHARE * (n_known + report.added + len(batch)):
                            keys = None
                    # Each commit rewrites every postings page it touched, so a big
                    # index commits every 5% of its size instead of every BATCH.
                    if len(batch) >= max(BATCH, (n_known + report.added) // 20):
                        flush()
            flush()
            if runs is not None:
                store.add_key_runs(runs)
            if quotes and store.quotes_stale():
                report.requoted, changed = requote(store, workers, progress, last_known)
                if changed:
                    store.reset_reuse()  # a pair's verdict reads the quotes both carry
                    report.realigned = True
            if store.engine != engine():
                store.reset_reuse()
                report.realigned = True
            if reuse_from is not None and not n_known:
                report.edges = store.import_edges(reuse_from)
            if pools:
                # The workers that prepared are stopped: align_pending starts its own once
                # this process has loaded what aligning needs (the thesauri), and the story
                # update runs here alone. While forked workers live, each page they share with
                # this process is copied on its first write here: after a full build in the
                # same process (880 MB resident), an increment's page faults here were
                # 117,000-123,000 with the pool alive, 110,000-111,000 without.
                pools.pop().terminate()
            if not report.realigned:
                # Every article stored by this run waits to be aligned; any other was left so.
                report.resumed = max(0, len(store.pending()) - report.added)
            pairs, edges = align_pending(store, workers, progress=progress, known=keys, runs=runs)
            report.pairs += pairs
            report.edges += edges
            if not store.stories_fresh():
                if progress:
                    progress("stories", 0, None)
                update_stories(store, gathered)
        except KeyboardInterrupt:
            raise Interrupted(report) from None
        finally:
            for pool in pools:
                pool.terminate()
            if runs is not None:
                runs.close()
    return report


def requote(
    store: Store,
    workers: int = 1,
    progress: Progress | None = None,
    through: int | None = None,
) -> tuple[int, bool]:
    """Extract the quotes of every stored article again (they are another extraction's,
    :meth:`Store.quotes_stale`) and store them in place of the old, :data:`BATCH` articles a
    worker a transaction: an interrupted run resumes after the last batch stored. ``through``:
    the last doc to do (the articles after it were stored by this version). Returns how many
    articles were done in this call and whether any quote's words changed (then the stored
    reuse, which reads them, is stale). ``progress``: phase ``"quotes"``, once per batch."""
    upto, changed = store.requote_state()
    done = 0
    total = store.count(after=upto, through=through)
    pool = _pool(workers) if workers > 1 and store.count() > PREPARE_HERE else None
    try:
        while texts := store.texts_after(upto, BATCH * max(1, workers), through):
            words = [t for _, t in texts]
            found = map(quote_rows, words) if pool is None else pool.imap(quote_rows, words, 16)
            rows = {d: (t, qs) for (d, t), qs in zip(texts, found, strict=True)}
            upto = texts[-1][0]
            changed = store.replace_quotes(rows, upto, changed)
            done += len(rows)
            if progress:
                progress("quotes", done, total)
    finally:
        if pool is not None:
            pool.terminate()
    store.finish_requote()
    return done, changed


def _add_waiting_keys(store: Store) -> None:
    """Store the look-up keys of the articles an interrupted first build stored without
    them (:meth:`Store.keys_from`), from their stored texts."""
    first = store.keys_from()
    if first is None:
        return
    runs = KeyRuns()
    rows = store.docs_above(first - 1)
    for i in range(0, len(rows), BATCH):
        queries = [(d, _query_of(store.article(d)["text"])) for d, _, _ in rows[i : i + BATCH]]
        runs.add(
            {t: [(q[side], d) for d, q in queries] for side, t in enumerate(("postings", "lsh"))}
        )
    store.add_key_runs(runs)
    runs.close()


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
# Candidates are the pairs sharing ``fp.MIN_SHARED`` fingerprints, or
# one LSH band key, counting only keys held by at most ``fp.MAX_DF`` stored
# articles. The count is taken when the later article is aligned: indexing in
# several runs gives the pairs of one run except where a key crosses MAX_DF in
# between (a pair found earlier is then kept).

ALIGN_CHUNK = 500
"""Articles aligned per transaction (and per resumable step)."""

POOL_MIN_PAIRS = 64
"""Fewer pairs than this in a chunk are aligned in this process. Starting and stopping the
workers costs about 0.1 CPU s in a process holding a 100,000-article store (forking its
memory map, then copy-on-write faults while they live), 10-20 alignments of news-length
articles; below 64 pairs they would save under 0.3 s of waiting."""

SCAN_SHARE = 0.05
"""Above this share of the store pending, candidates come from one scan of all postings
instead of look-ups per article."""


def candidate_pairs(
    store: Store,
    max_df: int = fp.MAX_DF,
    min_shared: int = fp.MIN_SHARED,
    later: set[int] | None = None,
    seen: array | None = None,
    runs: KeyRuns | None = None,
    common: dict[int, int] | None = None,
    held: CommonHeld | None = None,
) -> set[tuple[int, int]]:
    """Doc pairs ``(a, b)``, ``a < b``, worth aligning: shared rare n-grams, or LSH near-duplicates.

    With ``later``, only pairs whose ``b`` is in it; ``seen`` gets every distinct key read.
    Keys are read in key order straight from the store's primary-key indexes, a range of
    keys at a time (:meth:`Store.sorted_keys`), each range's pairs counted on arrays
    (:func:`_pair_counts`): the cost grows with the number of postings (about N), not N
    squared, and memory holds one range's rows and the pairs' counts. ``runs``: every row
    the store holds, as a first build kept them (:class:`KeyRuns`), read from there instead.
    ``common`` gets the fingerprints held by more than ``max_df`` docs, with their counts
    (what :meth:`Store.common_keys` answers), and ``held`` (with ``common``) which docs hold
    them.
    """
    import numpy as np

    want = None if later is None else np.fromiter(sorted(later), dtype=np.int64, count=len(later))
    pairs: set[tuple[int, int]] = set()
    # Near-duplicates share a band; bands crowded beyond max_df are boilerplate-only texts.
    for table, least in (("postings", min_shared), ("lsh", 1)):
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for keys, docs in (store if runs is None else runs).sorted_keys(table):
            if seen is not None:
                seen.frombytes(unique_sorted(keys).tobytes())
            if common is not None and table == "postings" and len(keys):
                start = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
                size = np.diff(np.r_[start, len(keys)])
                top = size > max_df
                common.update(zip(keys[start[top]].tolist(), size[top].tolist(), strict=True))
                if held is not None:
                    rows = np.repeat(top, size)
                    held.add(keys[rows], docs[rows])
            found.append(_pair_counts(keys, docs, max_df, want))
        none = np.zeros(0, dtype=np.int64)
        a, b, times = (np.concatenate([none, *col]) for col in zip(*found, strict=True))
        del found
        # A pair's keys may lie in several ranges: its counts are summed.
        order = pair_order(a, b)
        a, b, times = a[order], b[order], times[order]
        new = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]) if len(a) else none
        keep = new[np.add.reduceat(times, new) >= least] if len(new) else none
        pairs.update(zip(a[keep].tolist(), b[keep].tolist(), strict=True))
    return pairs


class CommonHeld:
    """Which docs hold the fingerprints a scan found held by more than ``fp.MAX_DF`` docs
    (:func:`candidate_pairs`' ``common``): what an aligned article's furniture counts, where
    computing each aligned article's fingerprints again from its text cost about 0.3 ms an
    article (a fifth of the articles of bench/scale.py's corpus are aligned). Few rows: 10,448
    of 5.7 million postings at 20,000 articles."""

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, np.ndarray]] = []
        self.keys: np.ndarray | None = None
        self.docs: np.ndarray | None = None

    def add(self, keys: np.ndarray, docs: np.ndarray) -> None:
        self.parts.append((keys, docs))

    def of(self, doc: int) -> list[int]:
        """The common fingerprints ``doc`` holds, sorted (as :func:`fp.fingerprint` lists them)."""
        import numpy as np

        if self.keys is None or self.docs is None:
            none = np.zeros(0, dtype=np.int64)
            keys = np.concatenate([none, *(k for k, _ in self.parts)])
            docs = np.concatenate([none, *(d for _, d in self.parts)])
            order = np.lexsort((keys, docs))
            self.keys, self.docs = keys[order], docs[order]
            self.parts.clear()
        lo, hi = np.searchsorted(self.docs, [doc, doc + 1]).tolist()
        return self.keys[lo:hi].tolist()


def _chunk_candidates(
    store: Store, queries: Mapping[int, fp.Query], kf: KeyFilter | None = None
) -> tuple[dict[int, set[int]], dict[int, int], set[int]]:
    """The docs below each of a few docs (``queries``: their look-up keys) that pair with
    it under :func:`candidate_pairs`' rule, from the stored holders of their keys; and their
    fingerprints held by more than ``fp.MAX_DF`` stored docs: those held by the docs above
    the filter alone, with their counts, and the others (not counted here). ``kf``: the key
    filter, its parts holding every doc above what it covers (see :func:`align_pending`)."""
    import numpy as np

    later = np.fromiter(sorted(queries), dtype=np.int64, count=len(queries))
    found: dict[int, set[int]] = {}
    counted: dict[int, int] = {}
    many: set[int] = set()
    for table, least in (("postings", fp.MIN_SHARED), ("lsh", 1)):
        side = 0 if table == "postings" else 1
        keys = np.concatenate([np.zeros(0, dtype=np.int64)] + [q[side] for q in queries.values()])
        keys = unique_sorted(keys)
        k_parts, d_parts = [], []
        if kf is not None:
            # A key no doc the filter covers holds is held by the docs above it alone,
            # whose rows are at hand: counted and read here, not searched for.
            maybe = kf.maybe(keys)
            k_rows, d_rows = kf.holders(table, keys[~maybe])
            keys = keys[maybe]
            held, n = np.unique(k_rows, return_counts=True)
            if side == 0:
                top = n > fp.MAX_DF
                counted = dict(zip(held[top].tolist(), n[top].tolist(), strict=True))
            rare = np.isin(k_rows, held[(n > 1) & (n <= fp.MAX_DF)])
            k_parts.append(k_rows[rare])
            d_parts.append(d_rows[rare])
        # Most keys are held by their new doc alone (the filter leaves those of the docs it
        # covers out): of the others only the holders of those few enough docs hold.
        k_rows, d_rows, heavy = store.light_holders(table, keys.tolist(), fp.MAX_DF)
        k_parts.append(k_rows)
        d_parts.append(d_rows)
        if side == 0:
            many = set(heavy)
        a, b = _pairs_of_rows(
            np.concatenate([np.zeros(0, dtype=np.int64), *k_parts]),
            np.concatenate([np.zeros(0, dtype=np.int64), *d_parts]),
            fp.MAX_DF,
            least,
            later,
        )
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            found.setdefault(y, set()).add(x)
    return found, counted, many


def _pairs_of_rows(
    keys: np.ndarray, docs: np.ndarray, max_df: int, min_shared: int, later: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs :func:`candidate_pairs` finds in the rows ``(keys[i], docs[i])`` (any
    order) with ``later`` (an int64 array), as arrays ``(a, b)`` sorted: on arrays, since the
    rows of one update are all at hand (counting them pair by pair in a dict cost 0.5 CPU s
    of 1,000 new articles' candidates at 100,000)."""
    a, b, times = _pair_counts(keys, docs, max_df, later)
    keep = times >= min_shared
    return a[keep], b[keep]


def _pair_counts(
    keys: np.ndarray, docs: np.ndarray, max_df: int, later: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(a, b, times)``, sorted by ``a`` then ``b``: each pair of docs ``a < b`` holding a
    common key held by 2 to ``max_df`` docs of the rows ``(keys[i], docs[i])`` (any order,
    a doc once per key), with ``b`` in ``later`` (all docs when None), and how many such
    keys they share."""
    import numpy as np

    order = key_order(keys, docs)
    keys, docs = keys[order], docs[order]
    n = len(keys)
    start = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if n else order[:0]
    size = np.diff(np.r_[start, n])
    first = np.repeat(start, size)  # each row's key group: where it starts, whether it pairs
    pairs = np.repeat((size >= 2) & (size <= max_df), size)
    at = np.arange(n) - first  # each row's place in its group: it pairs with those before
    sel = pairs & (at > 0)
    if later is not None:
        sel &= np.isin(docs, later)
    sel = np.flatnonzero(sel)
    many = at[sel]
    b = np.repeat(docs[sel], many)
    # Each selected row's ``many`` partners: the rows from its group's start on.
    a = docs[np.repeat(first[sel] - (np.cumsum(many) - many), many) + np.arange(len(b))]
    if pairs_fit(a, b):  # sorted as one key each, in place: see store.pair_order
        joined = (a << 32) | b
        joined.sort()
        a, b = joined >> 32, joined & ((1 << 32) - 1)
    else:
        order = np.lexsort((b, a))
        a, b = a[order], b[order]
    new = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]) if len(a) else sel[:0]
    return a[new], b[new], np.diff(np.r_[new, len(a)])


def _query_of(text: str) -> fp.Query:
    """A stored text's fingerprints and distinct band keys (what :func:`prepare` stored)."""
    sh = fp._shingles(text)
    return fp.Query(fp.fingerprint(text, sh), sorted(set(fp.lsh_keys(fp.minhash(sh)))))


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
    from storytrace.boilerplate import spans_from_positions  # not for match: start-up

    positions = [i for i, h in enumerate(fp.shingles(text)) if h in frequent]
    return spans_from_positions(doc_of(text), positions, fp.NGRAM)


def furniture_spans(
    store: Store,
    text: str,
    outlet: str | None,
    n_docs: int,
    outlet_docs: int = 0,
    counts: dict[int, int] | None = None,
    keys: list[int] | None = None,
) -> list[tuple[int, int]]:
    """Spans of ``text`` covered by fingerprints frequent in the store (of ``n_docs``
    articles) or in ``outlet`` (of ``outlet_docs``, :meth:`Store.outlet_sizes`).
    ``counts``: the stored document frequency of the text's fingerprints held by more than
    ``fp.MAX_DF`` articles (no fewer can be furniture), and ``keys``: its fingerprints,
    when already known (not needed with ``counts`` and no ``outlet``)."""
    from storytrace.boilerplate import frequent_hashes  # not for match: start-up

    if keys is None and (counts is None or outlet):
        keys = fp.fingerprint(text)
    least_all, least_outlet = furniture_least(n_docs, outlet_docs)
    if counts is None:
        counts = store.common_keys("postings", keys, fp.MAX_DF)
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


def _pool(workers: int) -> Pool:
    # Imported here, as stories (and the compare engine behind it) are in their
    # users: `storytrace match` starts without them.
    from storytrace.procpool import pool

    return pool(workers, initializer=_quiet_worker)


def align_pending(
    store: Store,
    workers: int = 1,
    progress: Progress | None = None,
    known: Mapping[str, tuple[str, fp.Query]] | None = None,
    runs: KeyRuns | None = None,
) -> tuple[int, int]:
    """Align every pending article with its candidates stored before it; store the edges.

    Returns ``(pairs aligned, edges stored)``. Commits every
    :data:`ALIGN_CHUNK` articles, so an interruption loses at most one chunk of
    work and the next call resumes. With ``workers`` > 1, a chunk of
    :data:`POOL_MIN_PAIRS` pairs or more is aligned in that many worker processes,
    started at the first such chunk; everything else runs in this thread. ``known``:
    ``(content hash, look-up keys)`` by article id, as :func:`prepare` computed them in
    this run (keys of other texts are computed again from the stored text); ``runs``: its
    look-up keys, when this run was a first build (:meth:`Store.add_key_runs`).
    ``progress``: phase ``"aligning"``, once per pending article aligned with all its
    candidates.
    """
    pending = store.pending()
    if not pending:
        return 0, 0
    if progress:
        progress("aligning", 0, len(pending))
    n_done = 0  # pending articles aligned with all their candidates
    pool: Pool | None = None
    n_docs = store.count()
    sizes: dict[str | None, int] = {None: 0}  # of the outlets met, counted when first met

    def outlet_size(outlet: str | None) -> int:
        if outlet not in sizes:
            sizes[outlet] = store.outlet_sizes([outlet]).get(outlet, 0)  # type: ignore[list-item]
        return sizes[outlet]

    scan = len(pending) > SCAN_SHARE * n_docs
    by_later: dict[int, set[int]] = {}
    # The scan counts every fingerprint's holders: those held by more than fp.MAX_DF docs
    # (no fewer can be furniture) are kept for the furniture of every article aligned,
    # where asking the store for each article's cost 2.2 CPU s at 20,000 articles.
    common: dict[int, int] | None = {} if scan else None
    common_held = CommonHeld() if scan else None
    kf = above = None
    if scan:
        # Bulk work: what storing the articles left resident is given back first.
        store.release_memory()
        # The scan reads every stored key: enough to build the key filter for later runs.
        upto = store.last_doc()
        seen = array("q")
        # A first build's rows are at hand, as it stored them (nobody else wrote meanwhile):
        # read back from the store they cost 5 of the scan's 7 CPU s at 20,000 articles.
        mine = runs is not None and len(runs.docs) == n_docs
        for a, b in candidate_pairs(
            store,
            later=set(pending),
            seen=seen,
            runs=runs if mine else None,
            common=common,
            held=common_held,
        ):
            by_later.setdefault(b, set()).add(a)
        import numpy as np

        store.set_key_filter(upto, np.frombuffer(seen, dtype=np.int64))
        del seen
        store.release_memory()  # the postings read through the memory map
    else:
        kf = store.key_filter()
    arts: dict[int, tuple[dict, str, set[str], list[tuple[int, int]]]] = {}
    rows_of: dict[int, dict] = {}
    # What finding the chunk's candidates told of their fingerprints held by more than
    # fp.MAX_DF docs (see _chunk_candidates): the furniture of the docs of the chunk counts
    # only those, not every fingerprint.
    looked_up: Mapping[int, fp.Query] = {}
    counted: dict[int, int] = {}
    heavy: set[int] = set()

    def row_of(d: int) -> dict:
        if d not in rows_of:
            rows_of[d] = store.article(d)
        return rows_of[d]

    def known_query(article_id: str, text_hash: str) -> fp.Query | None:
        hq = (known or {}).get(article_id)
        return hq[1] if hq and hq[0] == text_hash else None

    def query(d: int) -> fp.Query | None:
        row = row_of(d)
        return known_query(row["id"], content_hash(row["text"]))

    def art(d: int) -> tuple[dict, str, set[str], list[tuple[int, int]]]:
        if d not in arts:
            row = row_of(d)
            meta = {"id": row["id"], "published": row["published"]}
            outlet = row["outlet"]
            q = query(d)
            held = q.fingerprints if q else None
            if common is not None and common_held is not None and not outlet:
                # Without an outlet (whose counts look up every fingerprint), the scan's
                # rows say which common fingerprints the article holds: its text is not
                # fingerprinted again.
                many = {k: common[k] for k in common_held.of(d)}
            else:
                held = fp.fingerprint(row["text"]) if held is None else held
                if common is not None:
                    many = {k: common[k] for k in held if k in common}
                elif d in looked_up:
                    many = {k: counted[k] for k in held if k in counted}
                    ask = [k for k in held if k in heavy]
                    if ask:
                        many |= store.common_keys("postings", ask, fp.MAX_DF)
                else:
                    many = store.common_keys("postings", held, fp.MAX_DF)
            furniture = furniture_spans(
                store, row["text"], outlet, n_docs, outlet_size(outlet), many, held
            )
            arts[d] = (meta, row["text"], _quote_keys_of(store.quotes(d)), furniture)
        return arts[d]

    if kf is not None:
        above = _docs_above(store, kf.upto, known)
        if above is None:
            kf = None
        else:
            kf.add(above[2])
    n_pairs = n_edges = 0
    try:
        for i in range(0, len(pending), ALIGN_CHUNK):
            chunk = pending[i : i + ALIGN_CHUNK]
            jobs = []
            if not scan:
                # Whether this run computed a pending article's keys, told by its stored
                # hash: reading and hashing each text again cost 0.09 CPU s per 1,000.
                stamps = store.stamps(chunk)
                looked_up = {
                    b: known_query(*stamps[b]) or _query_of(row_of(b)["text"]) for b in chunk
                }
                by_later, counted, heavy = _chunk_candidates(store, looked_up, kf)
            # How many of the chunk's articles are done once each job is: an article is,
            # with the last of its pairs (results come in job order); those before the
            # first job (no candidates) at once.
            finishes: list[int] = []
            free = 0
            for b in chunk:
                before = by_later.pop(b, set())
                finishes.extend([0] * len(before))
                if finishes:
                    finishes[-1] += 1
                else:
                    free += 1
                for a in sorted(before):
                    (ma, ta, qa, fa), (mb, tb, qb, fb) = art(a), art(b)
                    if ma["id"] < mb["id"]:
                        jobs.append((a, b, ma, mb, ta, tb, len(qa & qb), fa, fb))
                    else:  # A is the smaller id, as on Spark: the edge is stored that way round
                        jobs.append((b, a, mb, ma, tb, ta, len(qa & qb), fb, fa))
            # A few pairs (a small incremental run) align faster here than in workers.
            many = workers > 1 and len(jobs) >= POOL_MIN_PAIRS
            if many and pool is None:
                from storytrace.align import preload

                # Loaded here first, the thesauri and the rest of a first alignment's
                # tables are shared by the workers forked after: each loading its own cost
                # 0.4-0.7 CPU s a worker.
                preload()
                pool = _pool(workers)
            results = pool.imap(_align, jobs, chunksize=8) if many else map(_align, jobs)
            rows = []
            n_done += free
            if progress and free:
                progress("aligning", n_done, len(pending))
            for job, (a, b, edge) in enumerate(results):
                if finishes[job]:
                    n_done += finishes[job]
                    if progress:
                        progress("aligning", n_done, len(pending))
                if edge is not None:
                    rows.append((a, b, edge["verdict"], json.dumps(edge, ensure_ascii=False)))
            store.add_edges(rows, chunk)
            n_pairs += len(jobs)
            n_edges += len(rows)
            arts.clear()
            rows_of.clear()
            # The texts and postings this chunk read stay resident through the memory map
            # otherwise: by the end of a full build, most of the store (840 MB at 100,000).
            # An increment's look-ups too: adding 1,000 articles to 99,000 in the process
            # that built them, it grew from 578 to 1,092 MB while finding their candidates,
            # and still held that while their stories were updated (the run's peak).
            store.release_memory()
        if above is not None:
            store.add_key_part(above[0], above[1], above[2])
    finally:
        if pool is not None:
            pool.terminate()
    return n_pairs, n_edges


def _docs_above(
    store: Store, upto: int, known: Mapping[str, tuple[str, fp.Query]] | None
) -> tuple[int, int, np.ndarray] | None:
    """``(upto, last doc, key rows)`` of the docs above ``upto`` (what the key filter does not
    cover): their keys as this run computed them, else from their stored texts; None when
    more of them would be computed than a run's share of a scan (:data:`SCAN_SHARE`)."""
    import numpy as np

    rows = store.docs_above(upto)
    known = known or {}
    unknown = [d for d, aid, h in rows if known.get(aid, ("",))[0] != h]
    if len(unknown) > max(ALIGN_CHUNK, SCAN_SHARE * store.count()):
        return None
    queries = {
        d: known[aid][1] if aid in known and known[aid][0] == h else None for d, aid, h in rows
    }
    for d in unknown:
        queries[d] = _query_of(store.article(d)["text"])
    keys, docs = {}, {}
    for side, table in enumerate(("postings", "lsh")):
        ks = [np.asarray(q[side], dtype=np.int64) for q in queries.values()]
        keys[table] = np.concatenate([np.zeros(0, dtype=np.int64), *ks])
        docs[table] = np.repeat(np.fromiter(queries, dtype=np.int64), [len(k) for k in ks])
    return upto, rows[-1][0] if rows else upto, key_rows(keys, docs)


def _check_engine(store: Store) -> None:
    if store.engine != engine():
        raise InputError(
            f"{store.folder}: its stored reuse was computed by storytrace {store.engine or '?'} "
            f"(this is {engine()}); run 'storytrace index --db {store.folder}' to recompute it"
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


def _story_groups(
    store: Store, edges: list[st.Edge]
) -> tuple[list[list[str]], dict[str, st.Member]]:
    """Story groups (article ids) of everything stored, from scratch:
    :func:`storytrace.stories.cluster`'s, with the stored features streamed into
    :func:`storytrace.stories.scores_of`; and why each article is in its story."""
    from storytrace import stories as st

    ids = store.ids()
    fresh = _fill_features(store)
    focal: dict[str, list[str]] = {}

    def rows() -> Iterator[tuple[str, dict, list, list]]:
        for d, value in chain(store.iter_features(), fresh.items()):
            if d in ids:
                terms, names, years = json.loads(value)
                focal[ids[d]] = names
                yield ids[d], terms, names, years

    published = {ids[d]: p for d, p in store.published_of().items()}
    order, scores = st.scores_of(rows(), published=published)
    reuse, quotes = _links(store, edges, published)
    groups = st.cluster_scores(order, scores, reuse + quotes, focal=focal)
    return groups, _as_written(store, ids, st.membership(groups, scores, reuse, quotes, focal))


def _stored_members(
    store: Store, groups: list[list[str]], edges: list[st.Edge]
) -> dict[str, st.Member]:
    """Why each article is in its stored story: :func:`storytrace.stories.membership` over
    the scores, lead names and links the grouping used (read from the store)."""
    from storytrace import stories as st

    ids = store.ids()
    doc_of = {i: d for d, i in ids.items()}
    docs = [doc_of[i] for g in groups if len(g) > 1 for i in g]
    scores = {(ids[a], ids[b]): v for a, b, v in store.story_pairs_within()}
    focal = {ids[d]: names for d, names in st.stored_focal(store, docs).items()}
    published = {ids[d]: p for d, p in store.published_of().items()}
    reuse, quotes = _links(store, edges, published)
    return _as_written(store, ids, st.membership(groups, scores, reuse, quotes, focal))


def _as_written(
    store: Store, ids: Mapping[int, str], members: dict[str, st.Member]
) -> dict[str, st.Member]:
    """``members`` with their shared lead names as the articles write them
    (:func:`storytrace.stories.as_written`), from the openings of the articles it reads,
    and with the quote behind each quote join (:func:`storytrace.stories.quoted`), from
    the stored quotes of those members and their partners."""
    from storytrace import stories as st

    by_quote = st.quote_joined(members)
    if by_quote:
        docs = [d for d, i in ids.items() if i in by_quote]
        keys = st.stored_quote_keys(store.quotes_of(docs))
        members = st.quoted(members, {ids[d]: ks for d, ks in keys.items()})
    need = st.reads_openings(members)
    if not need:
        return members
    openings = store.openings([d for d, i in ids.items() if i in need], st.OPENING_CHARS)
    return st.as_written(members, {ids[d]: t for d, t in openings.items()})


def _links(
    store: Store, edges: list[st.Edge], published: Mapping[str, str | None]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Pairs that must share a story: reuse, and the same quote of
    :data:`QUOTE_LINK_WORDS` or more words (``published``: each article's instant, by id)."""
    from storytrace import stories as st

    ids = store.ids()
    holders = st.quote_holders(store, ids)
    return [(e.a, e.b) for e in edges if st.edge_links_story(e)], st.quote_links(
        ([ids[d] for d in ds] for ds in st.quote_groups(holders)), published
    )


def update_stories(store: Store, gathered: _Gathered | None = None) -> bool:
    """Bring the stored story groups up to date (see the notes above): the new articles
    alone against the stored basis (:func:`storytrace.stories.update_state`), or everything
    anew (:func:`storytrace.stories.full_state`). False when another writer changed the
    store meanwhile (the next ``index`` or read recomputes them). ``gathered``: what a first
    build gathered of the articles it stored, used when they are all the store holds."""
    from storytrace import stories as st

    generation = store.generation()
    n0 = store.story_basis()
    if n0 is not None:
        # Articles lose their features only with the basis (a replaced article, an
        # engine change), so only the new ones may lack them here.
        new = store.ungrouped()
        _fill_features(store, new)
        if new and store.count_grouped() + len(new) <= n0 * (1 + REBASE):
            # An update builds lists of pairs (a tuple each) that all live until they are
            # stored, and no reference cycles: the collector's passes over them find nothing
            # to free (at 100,000, a full pass while 1,000 new articles' pairs were held
            # cost 0.08-0.13 CPU s).
            enabled = gc.isenabled()
            gc.disable()
            try:
                state = st.update_state(store, new, n0)
                if state is not None:
                    return store.add_stories(state, generation, fresh=False)
            finally:
                if enabled:
                    gc.enable()
    rows = gathered.of(store) if gathered is not None and n0 is None else None
    if rows is None:
        _fill_features(store)  # (gathered rows are of articles stored with their features)
    # Grouping everything reads every article's features: what aligning left resident (the
    # texts read through the memory map, SQLite's cache) is given back first.
    store.release_memory()
    return store.add_stories(st.full_state(store, gathered=rows), generation, fresh=True)


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
            members = _stored_members(store, groups, edges)
        else:
            groups, members = _story_groups(store, edges)
    return {
        "stories": st.story_graphs(groups, st.common_sources(edges), members=members),
        "unaligned": unaligned,
    }


TABLES = ("articles", "passages", "edges", "stories", "quotes")
"""The tables ``export`` and the Spark job write (docs/tables.md)."""


def tables(
    articles: Iterable[dict], stories_: list[dict], quotes: Iterable[dict]
) -> dict[str, list[dict]]:
    """The export tables as rows with nested values (lists and records, no JSON strings).

    ``articles``: id, title, url, outlet, published, published_raw, source, text; ``stories_``:
    as :func:`stories` returns them; ``quotes``: article and the keys of
    :data:`storytrace.store.QUOTE_KEYS` (span, kind, speaker, words and their evidence).
    Edges and passages carry the story they belong to.
    """
    out: dict[str, list[dict]] = {
        "articles": [{k: a.get(k) for k in _ARTICLE_COLUMNS} for a in articles],
        "passages": [],
        "edges": [],
        "stories": [],
        "quotes": list(quotes),
    }
    for s in stories_:
        out["stories"].append(
            {
                "id": s["id"],
                "articles": s["articles"],
                "nodes": s["nodes"],
                "members": s.get("members", []),
            }
        )
        for e in s["edges"]:
            out["edges"].append(
                {"story": s["id"], **{k: v for k, v in e.items() if k != "passages"}}
            )
            for n, p in enumerate(e["passages"]):
                out["passages"].append(
                    {"story": s["id"], "article_a": e["a"], "article_b": e["b"], "n": n, **p}
                )
    return out


_ARTICLE_COLUMNS = ("id", "title", "url", "outlet", "published", "published_raw", "source", "text")


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
            "members": pa.list_(
                pa.struct(
                    [
                        ("article", text),
                        ("joined_by", text),
                        ("with", text),
                        ("score", pa.float64()),
                        ("shared", pa.list_(text)),
                        ("quote", text),
                    ]
                )
            ),
        },
        "quotes": {
            "article": text,
            "start": pa.int64(),
            "end": pa.int64(),
            "kind": text,
            "speaker_name": text,
            "content": text,
            **{c: pa.int64() if t == "INTEGER" else text for c, t in QUOTE_EVIDENCE},
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
