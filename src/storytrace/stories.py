"""Stories: group articles about the same event, and the reuse graph inside each.

Pure functions over plain data (ids, texts, pair lists) so the Spark job can
reuse them. Each article gets event features (:func:`features`): TF-IDF terms
over content words with names and numbers weighted up, the focal names of its
headline and lead, and the years it mentions. Candidate pairs come from an
inverted term index as a sparse matrix product (:func:`similar_pairs`); a
pair's score is its cosine lowered when one side's focal names are missing
from the other or their years differ (:func:`pair_score`), which tells two
events of one kind apart (two earthquakes in one region, two arrests of
players of one team). Groups are an average-link agglomeration of those
scores (:func:`average_link`), which checks a group's cohesion before joining
it instead of chaining like single-link components.

The last section computes the story tables a store keeps (:func:`full_state`,
:func:`update_state`): those read the store they are given.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

    from storytrace.store import Store

from storytrace import fingerprints as fp
from storytrace.align import Comparison
from storytrace.articles import byline_spans
from storytrace.boilerplate import BOILERPLATE, boilerplate_spans
from storytrace.dates import STORY_US, day_span, far_apart, iso_utc, parse_published, span_us
from storytrace.evidence import credit_evidence, wire_credits
from storytrace.names import MONTHS, WEEKDAYS, lead_name_words
from storytrace.quotes.matching import QuoteVariant, quote_variant
from storytrace.records import Record, jfield
from storytrace.store import pair_order, unique_sorted
from storytrace.text import STOPWORDS, Doc, _fold, doc_of, overlaps

Span = tuple[int, int]

TOP_TERMS = 40
# Below both, a same-story pair shares only stock phrases ("to a new record low
# against the euro"): on BBC these were half of all otherwise-aligned pairs.
STOCK_WORDS = 12
STOCK_COVERAGE = 0.1
LINK = 0.28
"""Cosine for a single-link story link (``linkage="single"``; ECB+: ARI 0.781, B3 F1 0.837)."""
AVERAGE_LINK = 0.10
"""Least average pair score (:func:`pair_score`) between two groups for average-link to join
them. Set on the ECB+ tune topics (topic % 4 == 1); see bench/ecbplus.py. Set anew (0.09 ->
0.10) when the lead names became the names :mod:`storytrace.names` finds (story rule 7): tune
B3 F1 by threshold 0.085 0.927, 0.09 0.952, 0.095-0.10 0.974, 0.105-0.12 0.967, 0.125 0.950."""
CANDIDATE_LINK = 0.05
"""Pairs below this cosine count as 0 in the averages (keeps the candidate list sparse)."""
LEAD_SENTENCES = 2
"""Sentences of headline and lead whose names are an article's focal names."""
FOCAL_PENALTY = 0.5
"""A pair's score is multiplied by ``1 - FOCAL_PENALTY * m``, ``m`` the larger share of one
side's focal names the other never mentions (ECB+ tune topics)."""
YEAR_PENALTY = 0.5
"""Score factor lost when both articles mention years and share none (ECB+ tune topics)."""
ATTACH = 0.04
"""Least mean pair score between a small group and a story for the group to join that story
(the nearest one): short briefs and off-angle follow-ups fall under :data:`AVERAGE_LINK`.
Set on the ECB+ tune topics (0.02 to 0.04 score alike; the highest is kept)."""
ATTACH_SIZE = 1
"""Groups of at most this many articles are attached to a larger story when close enough.
One: two articles close to each other are a story of their own (on the ECB+ tune topics
two would score a little higher, B3 F1 0.972 against 0.966, but a two-article story
then joins a larger one of the same kind)."""
MAX_DF = 200
"""Terms held by more articles than this are left out of the similarity products."""
_YEAR = re.compile(r"(?:19[5-9]|20[0-4])\d")


class UnionFind:
    """Disjoint sets over hashable items."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x: object) -> object:
        p = self.parent.setdefault(x, x)
        while p != x:
            self.parent[x] = self.parent.setdefault(p, p)
            x, p = p, self.parent[p]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var]

    def groups(self, items: Iterable) -> list[list]:
        out: dict = defaultdict(list)
        for i in items:
            out[self.find(i)].append(i)
        return list(out.values())


@dataclass(frozen=True, slots=True)
class Features:
    """What :func:`cluster` knows of one article (pure data, so Spark can ship it).

    ``terms``: content-word counts (:func:`terms`); ``focal``: names in the
    headline and lead (:data:`LEAD_SENTENCES`); ``years``: four-digit years
    the text mentions.
    """

    terms: dict[str, int]
    focal: frozenset[str]
    years: frozenset[str]


def features(text: str) -> Features:
    """Event features of one article: see :class:`Features`.

    >>> f = features("Storm hits Leeds\\nThe storm hit Leeds in March 2019, Jo Bell said.")
    >>> sorted(f.focal), sorted(f.years), f.terms["leeds"]
    (['bell', 'leeds'], ['2019'], 4)
    """
    doc = doc_of(text)
    counts = terms(text)
    bylines = byline_spans(text)
    lead = doc.sentences[:LEAD_SENTENCES]
    if bylines:
        # A byline is no sentence of the lead, and its names are the writer's, not the
        # story's (as in compare: storytrace.evidence._bylines).
        lead = [x for x in doc.sentences if not any(overlaps(x, b) for b in bylines)]
        lead = lead[:LEAD_SENTENCES]
    # The lead's names as names.mentions finds them (no month, weekday, clock word, sentence
    # opener or headline-case word), among the counted words (not furniture).
    names = lead_name_words(doc, lead[-1][1]) if lead else set()
    if bylines and names:
        inside = doc.token_mask(bylines)
        last = bisect_left(doc.starts, lead[-1][1])
        names = {w for w, k in zip(doc.norms[:last], inside, strict=False) if not k and w in names}
    focal = frozenset(w for w in names if w in counts and not w.isdigit())
    # isdigit first (true of every word _YEAR matches: its \d are decimal digits), by
    # filter's C loop: most words are not numbers, and a test per word in Python cost about
    # twice as much (4.8 against 2.6 µs an article of bench/scale.py's); a regex call per
    # word, twice that again.
    years = frozenset(w for w in filter(str.isdigit, counts) if len(w) == 4 and _YEAR.fullmatch(w))
    return Features(dict(counts), focal, years)


def terms(text: str) -> Counter:
    """Content-word counts; capitalised words (names, places) and numbers count double.

    Words in publisher furniture (:func:`storytrace.boilerplate.boilerplate_spans`)
    and bylines (:func:`storytrace.articles.byline_spans`) are left out: a footer every
    article carries says nothing about its story, nor does the name of who wrote it.
    """
    doc = doc_of(text)
    norms, starts = doc.norms, doc.starts
    spans = boilerplate_spans(text, doc=doc) + byline_spans(text)
    # The kept words' indexes, then the words: a tuple of word and start per kept token
    # cost 70% more (71 against 41 µs on bench/scale.py's articles of 150-350 words).
    if spans:
        mask = doc.token_mask(spans)
        kept = [
            i
            for i, (w, f) in enumerate(zip(norms, mask, strict=True))
            if not f and len(w) > 2 and w not in STOPWORDS
        ]
    else:
        kept = [i for i, w in enumerate(norms) if len(w) > 2 and w not in STOPWORDS]
    # Counted by Counter's C loop, then once more for each name-like word (a capital past
    # the text's first token: names and places; a sentence's first word counts too, as it
    # did with the capitalised-word regex) and each number.
    c = Counter([norms[i] for i in kept])
    first = starts[0] if starts else 0
    c.update(
        [
            norms[i]
            for i in kept
            if norms[i].isdigit() or (starts[i] > first and text[starts[i]].isupper())
        ]
    )
    return c


def tfidf_vectors(texts: Mapping[str, str], top: int = TOP_TERMS) -> dict[str, dict[str, float]]:
    """L2-normalised TF-IDF vectors keeping each article's ``top`` terms."""
    return vectors({i: terms(t) for i, t in texts.items()}, top)


def vectors(
    counts: Mapping[str, Mapping[str, int]], top: int = TOP_TERMS
) -> dict[str, dict[str, float]]:
    """:func:`tfidf_matrix` as one ``{term: weight}`` dict per article id."""
    ids, vocab, x = tfidf_matrix(counts, top)
    return {
        i: dict(
            zip(
                [vocab[t] for t in x.indices[x.indptr[k] : x.indptr[k + 1]].tolist()],
                x.data[x.indptr[k] : x.indptr[k + 1]].tolist(),
                strict=True,
            )
        )
        for k, i in enumerate(ids)
    }


def tfidf_matrix(
    counts: Mapping[str, Mapping[str, int]], top: int = TOP_TERMS
) -> tuple[list[str], list[str], sparse.csr_matrix]:
    """``(ids, vocabulary, X)``: each article's L2-normalised TF-IDF row over its ``top`` terms.

    A term's weight is ``(1 + ln k) * ln((n + 1) / (df + 1))`` for ``k``
    occurrences in the article and ``df`` articles of the ``n`` holding it.
    Ties keep the terms' first-occurrence order (the order of ``counts``).
    Computed on arrays, so a 100,000-article regrouping costs seconds.

    >>> ids, vocab, x = tfidf_matrix({"a": {"storm": 2, "leeds": 1}, "b": {"storm": 1}, "c": {}})
    >>> [vocab[t] for t in x[0].indices], x[0].data.round(3).tolist()
    (['storm', 'leeds'], [0.575, 0.818])
    """
    terms_ = Terms()
    for i, c in counts.items():
        terms_.add(i, c)
    return terms_.ids, list(terms_.vocab), terms_.tfidf(top)


class Terms:
    """Many articles' term counts as flat arrays (ids, not strings, per occurrence): what
    :func:`tfidf_matrix` and :func:`scores_of` read, without a dict per article; the store's
    story update (:mod:`storytrace.corpus`) starts one from the stored vocabulary."""

    def __init__(self, vocab: Mapping[str, int] | None = None, size: int | None = None) -> None:
        """Start from ``vocab`` (term -> id) if given; new terms get ids from ``size`` (or
        the vocabulary's length) on, so a part of a larger vocabulary may be passed."""
        self.ids: list[str] = []
        self.vocab: dict[str, int] = dict(vocab or {})
        self.size = len(self.vocab) if size is None else size
        # 32-bit entries: ids count distinct terms, and no count reaches 2**31 in a text
        # under the input limit (articles.MAX_BYTES); a first build holds them all along.
        self.terms = array("i")
        self.ks = array("i")
        self.lengths = array("q")

    def add(self, i: str, counts: Mapping[str, int]) -> None:
        self._add_terms(i, counts)
        self.ks.extend(counts.values())

    def add_packed(self, i: str, keys: list[str], ks: bytes) -> None:
        """:meth:`add` of counts given as their terms and their counts' bytes (``ks``, an
        ``array("i")``'s), as :func:`packed` sends them."""
        self._add_terms(i, keys)
        self.ks.frombytes(ks)

    def _add_terms(self, i: str, keys: Collection[str]) -> None:
        """Row ``i``'s id, length and term ids, in the order of ``keys``."""
        self.ids.append(i)
        self.lengths.append(len(keys))
        got = list(map(self.vocab.get, keys))  # C-level look-ups; new terms are few
        if None in got:
            listed = list(keys)
            for k in [k for k, v in enumerate(got) if v is None]:
                got[k] = self.id(listed[k])
        self.terms.extend(got)

    def id(self, term: str) -> int:
        """The term's id, a new one (the next free) for a term not seen yet."""
        got = self.vocab.get(term)
        if got is None:
            got = self.vocab[term] = self.size
            self.size += 1
        return got

    def tfidf(self, top: int, basis: tuple[int, np.ndarray] | None = None) -> sparse.csr_matrix:
        """The rows' top-``top`` TF-IDF matrix; ``basis`` ``(n, df)`` takes the IDF from
        another corpus (``df`` per vocabulary id; ids past its end count 0 articles)."""
        from scipy import sparse

        n, size = len(self.ids), self.size
        terms_ = np.asarray(self.terms, dtype=np.int64)
        if basis is None:
            df = np.bincount(terms_, minlength=size)
        else:
            n, df = basis[0], np.zeros(size, dtype=np.int64)
            df[: len(basis[1])] = basis[1][:size]
        row, col, val = _top_weights(terms_, self.ks, self.lengths, df, n, top)
        # Made as CSR from the start (``row`` is in row order, no term twice in a row) with
        # its indices sorted, the arrays a conversion from COO gives (at 100,000 articles
        # the conversion cost 0.4 CPU s).
        indptr = np.zeros(len(self.ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=len(self.ids)), out=indptr[1:])
        index = np.int32 if max(size, len(col)) < 2**31 else np.int64
        x = sparse.csr_matrix(
            (val, col.astype(index), indptr.astype(index)), shape=(len(self.ids), size)
        )
        x.sort_indices()
        return x


_WEIGHT_ENTRIES = 1 << 20
"""Term entries (of whole rows) :func:`_top_weights` ranks at a time."""


def _top_weights(
    terms_: np.ndarray, ks: Iterable[int], lengths: Iterable[int], df: np.ndarray, n: int, top: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(row, term, weight)`` of each row's ``top`` terms by :func:`tfidf_matrix`'s weight,
    L2-normalised, in row order then first-occurrence order (rows are consecutive runs of
    ``lengths`` entries of ``terms_``/``ks``). Ranked a block of rows at a time: the
    arrays of a sort over every entry at once (eight of them, 14 million entries at
    100,000 articles) were the largest memory of a grouping."""
    lengths = np.asarray(lengths, dtype=np.int64)
    ks = np.asarray(ks, dtype=np.int64)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    rows, terms, weights = [], [], []
    lo = 0
    while lo < len(lengths):
        hi = max(lo + 1, int(np.searchsorted(ends, starts[lo] + _WEIGHT_ENTRIES, side="right")))
        e0, e1 = int(starts[lo]), int(ends[hi - 1])
        t = terms_[e0:e1]
        row = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths[lo:hi])
        w = (1 + np.log(ks[e0:e1].astype(np.float64))) * np.log((n + 1) / (df[t] + 1))
        keep = np.flatnonzero(_top_entries(w, lengths[lo:hi], starts[lo:hi] - e0, top))
        rows.append(row[keep])
        terms.append(t[keep])
        weights.append(w[keep])
        lo = hi
    none = [np.zeros(0, dtype=np.int64)]
    row, term = np.concatenate(none + rows), np.concatenate(none + terms)
    kw = np.concatenate([np.zeros(0), *weights])
    norms = np.sqrt(np.bincount(row, weights=kw * kw, minlength=len(lengths)))
    norms[norms == 0] = 1.0
    return row, term, kw / norms[row]


def _top_entries(w: np.ndarray, lengths: np.ndarray, starts: np.ndarray, top: int) -> np.ndarray:
    """Whether each entry of ``w`` is among its row's ``top`` largest, ties going to the
    earlier entry (rows: consecutive runs of ``lengths`` entries from ``starts``): what
    ranking each row by weight then position keeps. A row of more than ``top`` entries is
    cut at its ``top``-th largest weight, found by ``np.partition`` over the rows of one
    length class at a time (padded to a power of two, at most twice their entries): a
    sort of every entry (``np.lexsort``) took three times as long."""
    keep = np.full(len(w), top > 0)
    long = np.flatnonzero(lengths > top)
    if top <= 0 or not len(long):
        return keep
    cut = np.full(len(lengths), -np.inf)
    width = 1 << np.ceil(np.log2(lengths[long])).astype(np.int64)
    for size in np.unique(width).tolist():
        rows = long[width == size]
        lens = lengths[rows]
        at = np.repeat(starts[rows], lens) + (
            np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        )
        padded = np.full((len(rows), size), -np.inf)
        padded[np.arange(size) < lens[:, None]] = w[at]
        cut[rows] = np.partition(padded, size - top, axis=1)[:, size - top]
    row = np.repeat(np.arange(len(lengths)), lengths)
    in_long = np.repeat(lengths > top, lengths)
    over = w > cut[row]
    tied = in_long & (w == cut[row])
    # Of the entries at the cut, the first ones by position fill the row up to ``top``.
    room = top - np.bincount(row[in_long & over], minlength=len(lengths))
    seen = np.cumsum(tied)
    before = np.concatenate(([0], seen))[starts]  # tied entries of the rows before
    keep[in_long] = (over | (tied & (seen - before[row] <= room[row])))[in_long]
    return keep


def similar_pairs(
    vecs: Mapping[str, dict[str, float]], threshold: float = LINK, max_df: int = MAX_DF
) -> dict[tuple[str, str], float]:
    """Pairs with cosine at least ``threshold`` (see :func:`matrix_pairs`)."""
    ids, x = term_matrix(vecs)
    return matrix_pairs(ids, x, threshold, max_df)


def term_matrix(vecs: Mapping[str, dict[str, float]]) -> tuple[list[str], sparse.csr_matrix]:
    """The ids of ``vecs`` and their term weights as a sparse CSR matrix, one row per id."""
    from scipy import sparse

    ids = list(vecs)
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for k, i in enumerate(ids):
        for t, w in vecs[i].items():
            rows.append(k)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(w)
    return ids, sparse.csr_matrix((vals, (rows, cols)), shape=(len(ids), len(vocab)))


def matrix_pairs(
    ids: list[str], x: sparse.csr_matrix, threshold: float, max_df: int = MAX_DF
) -> dict[tuple[str, str], float]:
    """Row pairs of ``x`` whose dot product is at least ``threshold`` (:func:`_pair_arrays`)."""
    rows, cols, vals = _pair_arrays(x, threshold, max_df)
    out: dict[tuple[str, str], float] = {}
    for r, c, s in zip(rows.tolist(), cols.tolist(), vals.tolist(), strict=True):
        i, j = ids[r], ids[c]
        out[(i, j) if i < j else (j, i)] = s
    return out


_PAIR_BLOCK = 4096
"""Rows (and columns) of one tile of :func:`_pair_arrays`' product."""


def _pair_arrays(
    x: sparse.csr_matrix, threshold: float, max_df: int = MAX_DF, cut: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, cols, dots)``, row < col, of the row pairs whose dot product is at least
    ``threshold``, as one sparse product, sorted by row then column.

    Terms (columns) held by more than ``max_df`` articles (or by one) are left
    out of the dot products: they link too much to mean a shared story.
    ``cut`` (a boolean per column) names the left-out columns instead of
    ``max_df`` (the terms an earlier corpus held too often, for an update that
    must score as that corpus did). ``X @ X.T`` runs in square tiles of
    :data:`_PAIR_BLOCK` rows by as many columns, on and above the diagonal only (the
    upper triangle), so memory stays at one tile's products: a block of rows against
    all the rows after it held 200 MB of products at 20,000 synthetic articles, each
    row sharing a kept term with a sixth of the others. Only pairs sharing a kept term
    are ever computed. Each dot product adds the earlier row's terms in column order
    (sorted indices), so the same two rows give the same bits in any other product
    that does so (:func:`update_state`'s), whatever the tiling.
    """

    none = np.zeros(0, dtype=np.int64)
    if not x.nnz:
        return none, none, np.zeros(0)
    df = np.bincount(x.indices, minlength=x.shape[1])
    keep = (df >= 2) & ((df <= max_df) if cut is None else ~cut[: x.shape[1]])
    x = x[:, np.flatnonzero(keep)].tocsr()
    x.sort_indices()
    starts = range(0, x.shape[0], _PAIR_BLOCK)
    # Each block of rows transposed once, the right-hand side of the tiles in its columns.
    right = [x[lo : lo + _PAIR_BLOCK].T.tocsr() for lo in starts]
    parts = []
    for i, lo in enumerate(starts):
        left = x[lo : lo + _PAIR_BLOCK]
        for j in range(i, len(right)):
            prod = left @ right[j]
            at = np.flatnonzero(prod.data >= threshold)
            r = np.searchsorted(prod.indptr, at, side="right") - 1
            c = prod.indices[at].astype(np.int64)
            if i == j:  # row lo + a against row lo + b: the pair when b > a
                # (picked among the entries kept: sparse.triu of the whole tile, through
                # COO and back, cost 0.3 CPU s at 100,000 articles)
                upper = c > r
                at, r, c = at[upper], r[upper], c[upper]
            parts.append((r + lo, c + j * _PAIR_BLOCK, prod.data[at]))
    r, c, v = (np.concatenate(p) for p in zip(*parts, strict=True))
    order = pair_order(r, c)  # no pair twice: the order of np.lexsort((c, r))
    return r[order], c[order], v[order]


def pair_score(
    cos: float, a: Features, b: Features, published_a: object = None, published_b: object = None
) -> float:
    """A candidate pair's story score: its cosine, lowered for signs of two different events.

    Multiplied by ``1 - FOCAL_PENALTY * m``, ``m`` the larger share of either
    side's focal names the other article never mentions, and by
    ``1 - YEAR_PENALTY`` when both mention years and none is shared; 0 when the
    two publication instants are :func:`far_apart`.

    >>> a = Features({"klitschko": 2, "rahman": 2}, frozenset({"klitschko", "rahman"}), frozenset())
    >>> b = Features({"klitschko": 2, "thompson": 2}, frozenset({"thompson"}), frozenset({"2012"}))
    >>> pair_score(0.4, a, b), pair_score(0.4, a, b, "2016-02-24", "2016-03-02T23:59:59Z")
    (0.2, 0.2)
    >>> pair_score(0.4, a, b, "2016-02-24", "2016-03-03T00:00:00Z")
    0.0
    """
    if far_apart(published_a, published_b):
        return 0.0
    m = max(_missing(a.focal, b.terms), _missing(b.focal, a.terms))
    score = cos * (1 - FOCAL_PENALTY * m)
    if a.years and b.years and not a.years & b.years:
        score *= 1 - YEAR_PENALTY
    return score


STORY_LINK_SHARE = 0.5
"""Reuse between articles more than :data:`storytrace.dates.STORY_DAYS` apart puts them in
one story only when it is a duplicate or covers at least this share of one of them (a
republication). A poll's
methodology paragraph or a background passage an outlet reuses weeks later is reuse (an edge,
shown by ``compare`` and in the edges table), not the same story: on PolNeAR, 42 of the 75 reuse
edges join articles more than a week apart, and none covers more than 0.42 of either side."""


def links_stories(
    verdict: str, cov_a: float, cov_b: float, published_a: object, published_b: object
) -> bool:
    """Whether a reuse edge puts its two articles in one story (:data:`STORY_LINK_SHARE`).

    >>> links_stories("copied", 0.1, 0.05, "2016-01-04", "2016-05-26")
    False
    >>> links_stories("copied", 0.9, 0.8, "2016-01-04", "2016-05-26")
    True
    """
    if verdict == "duplicate" or max(cov_a, cov_b) >= STORY_LINK_SHARE:
        return True
    return not far_apart(published_a, published_b)


def edge_links_story(e: Edge) -> bool:
    """:func:`links_stories` for an :class:`Edge`."""
    pub = e.published
    return links_stories(
        e.verdict,
        e.coverage.get("a", 0.0),
        e.coverage.get("b", 0.0),
        pub.a if pub else None,
        pub.b if pub else None,
    )


def story_links(rows: Iterable[tuple]) -> list[tuple]:
    """The ``(a, b)`` of stored edges that put their articles in one story: ``rows`` are
    :meth:`Store.edge_facts` ``(a, b, verdict, cov_a, cov_b, published_a, published_b)``."""
    return [
        (a, b) for a, b, v, ca, cb, pa, pb in rows if links_stories(v, ca or 0.0, cb or 0.0, pa, pb)
    ]


def _far_pairs(r: np.ndarray, c: np.ndarray, published: Iterable[object]) -> np.ndarray:
    """Which pairs of rows ``(r[k], c[k])`` are :func:`far_apart`, ``published`` giving
    each row's instant (rows without one are far from nothing)."""
    spans = [span_us(p) for p in published]
    dated = np.asarray([s is not None for s in spans] or [False])
    start = np.asarray([s[0] if s else 0 for s in spans] or [0], dtype=np.int64)
    end = np.asarray([s[1] if s else 0 for s in spans] or [0], dtype=np.int64)
    gap = np.maximum(start[c] - end[r], start[r] - end[c])
    return dated[r] & dated[c] & (gap > STORY_US)


def _missing(names: frozenset[str], other: Mapping[str, int]) -> float:
    return sum(1 for w in names if w not in other) / len(names) if names else 0.0


def story_scores(
    feats: Mapping[str, Features],
    top: int = TOP_TERMS,
    floor: float = CANDIDATE_LINK,
    published: Mapping[str, object] | None = None,
) -> dict[tuple[str, str], float]:
    """:func:`pair_score` of every pair whose TF-IDF cosine is at least ``floor``
    (``published``: id -> publication instant, where known)."""
    rows = ((i, f.terms, f.focal, f.years) for i, f in feats.items())
    return scores_of(rows, top, floor, published)[1]


def scores_of(
    rows: Iterable[tuple[str, Mapping[str, int], Iterable[str], Iterable[str]]],
    top: int = TOP_TERMS,
    floor: float = CANDIDATE_LINK,
    published: Mapping[str, object] | None = None,
) -> tuple[list[str], dict[tuple[str, str], float]]:
    """``(ids, scores)``: :func:`story_scores` of ``(id, terms, focal, years)`` rows, read
    once as a stream (a store's features need not all be in memory as dicts). The
    scores are in row order of their pairs (earlier row, then later row)."""
    t = score_table(rows, top, floor, published=published)
    return t.ids, t.scores()


@dataclass(frozen=True, slots=True)
class Basis:
    """The corpus statistics a :class:`ScoreTable` weighed its terms by: ``n`` articles,
    ``df`` (articles holding each vocabulary id), ``cut`` (a boolean per id: terms in more
    than :data:`MAX_DF` articles' top terms, left out of the products) and ``vocab`` (term
    -> id, ids in order of first occurrence)."""

    n: int
    df: np.ndarray
    cut: np.ndarray
    vocab: dict[str, int]


@dataclass(slots=True)
class ScoreTable:
    """What :func:`score_table` computed: the pair scores and what an update needs to score
    new articles exactly as a new computation over everything with the same
    :class:`Basis` would (see :func:`score_table`)."""

    ids: list[str]
    basis: Basis
    x: sparse.csr_matrix
    """Each row's top terms (columns are vocabulary ids), L2-normalised."""
    terms: np.ndarray
    """Every row's term ids, row after row (``lengths`` each)."""
    lengths: np.ndarray
    focal: list[list[int]]
    years: list[list[int]]
    r: np.ndarray
    c: np.ndarray
    score: np.ndarray
    """Pairs ``(r[k], c[k])`` (row numbers, ``r < c``) with their :func:`pair_score`, in
    row order."""

    def scores(self, which: np.ndarray | None = None) -> dict[tuple[str, str], float]:
        """The pair scores by id pair (smaller id first), in row order; of the pairs
        ``which`` (a boolean per pair) marks, or of all."""
        ids = self.ids
        r, c, score = (
            (self.r, self.c, self.score)
            if which is None
            else (self.r[which], self.c[which], self.score[which])
        )
        out: dict[tuple[str, str], float] = {}
        for x, y, v in zip(r.tolist(), c.tolist(), score.tolist(), strict=True):
            i, j = ids[x], ids[y]
            out[(i, j) if i < j else (j, i)] = v
        return out


def score_table(
    rows: Iterable[tuple[str, Mapping[str, int], Iterable[str], Iterable[str]]],
    top: int = TOP_TERMS,
    floor: float = CANDIDATE_LINK,
    basis: Basis | None = None,
    published: Mapping[str, object] | None = None,
) -> ScoreTable:
    """:func:`pair_score` of every pair of ``(id, terms, focal, years)`` rows whose TF-IDF
    cosine is at least ``floor``, with what was computed on the way. ``published`` maps
    ids to publication instants (ids it lacks have none): pairs :func:`far_apart` score 0.

    The IDF, the terms left out as too common, and the vocabulary order come
    from the rows themselves, or from ``basis`` (an earlier table's
    :attr:`ScoreTable.basis`; terms it never saw count 0 articles): then old
    rows keep their weights bit for bit when rows are added, which is what lets
    the store score only new articles (:mod:`storytrace.corpus`). :func:`pair_score`'s
    rule runs on arrays: the focal names each side lacks are looked up among the
    other side's terms by sorted ``row * V + term`` keys.
    """
    gathered = TermRows(basis.vocab if basis else None)
    for i, counts, names, yrs in rows:
        gathered.add(i, counts, names, yrs)
    return score_rows(gathered, top, floor, basis, published)


def score_rows(
    gathered: TermRows,
    top: int = TOP_TERMS,
    floor: float = CANDIDATE_LINK,
    basis: Basis | None = None,
    published: Mapping[str, object] | None = None,
) -> ScoreTable:
    """:func:`score_table` of rows already gathered (``basis``: the one they were gathered
    with, its vocabulary included)."""
    terms_, focal, years = gathered.terms, gathered.focal, gathered.years
    ids = terms_.ids
    size = terms_.size
    x = terms_.tfidf(top, (basis.n, basis.df) if basis else None)
    if basis is None:
        df = np.bincount(np.asarray(terms_.terms, dtype=np.int64), minlength=size)
        cut = np.bincount(x.indices, minlength=size) > MAX_DF
        new_basis = Basis(len(ids), df, cut, terms_.vocab)
    else:
        df, cut = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=bool)
        df[: len(basis.df)], cut[: len(basis.cut)] = basis.df, basis.cut
        new_basis = Basis(basis.n, df, cut, terms_.vocab)
    r, c, cos = _pair_arrays(x, floor, cut=cut)
    terms_a = np.asarray(terms_.terms, dtype=np.int64)
    focal_a = np.asarray([t for f in focal for t in f], dtype=np.int64)
    # Of all rows' terms only focal names are ever looked up: the others are left out of
    # the sorted keys (an array of every entry, and two more to make it, at 100,000 articles
    # 14 million entries each).
    wanted = np.zeros(size, dtype=bool)
    wanted[focal_a] = True
    at = np.flatnonzero(wanted[terms_a])
    ends = np.cumsum(np.asarray(terms_.lengths, dtype=np.int64))
    held = np.sort(np.searchsorted(ends, at, side="right") * size + terms_a[at])
    lens = np.asarray([len(f) for f in focal], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lens)))[:-1]
    m = np.maximum(
        _missing_share(r, c, focal_a, lens, starts, held, size),
        _missing_share(c, r, focal_a, lens, starts, held, size),
    )
    score = cos * (1 - FOCAL_PENALTY * m)
    dated = np.asarray([bool(y) for y in years] or [False])
    for k in np.flatnonzero(dated[r] & dated[c]).tolist():
        if not set(years[r[k]]) & set(years[c[k]]):
            score[k] *= 1 - YEAR_PENALTY
    if published:
        score[_far_pairs(r, c, map(published.get, ids))] = 0.0
    return ScoreTable(
        ids,
        new_basis,
        x,
        terms_a,
        np.asarray(terms_.lengths, dtype=np.int64),
        focal,
        years,
        r,
        c,
        score,
    )


class TermRows:
    """The ``(id, terms, focal, years)`` rows :func:`score_table` reads, gathered: the term
    counts in a :class:`Terms`, the focal names and years as its term ids. A first build
    gathers them as it stores its articles (:mod:`storytrace.corpus`), from
    :func:`packed` features, instead of reading every article's features JSON back."""

    def __init__(self, vocab: Mapping[str, int] | None = None) -> None:
        self.terms = Terms(vocab)
        self.focal: list[list[int]] = []
        self.years: list[list[int]] = []

    def add(
        self, i: str, counts: Mapping[str, int], names: Iterable[str], yrs: Iterable[str]
    ) -> None:
        self.terms.add(i, counts)
        self._more(names, yrs)

    def add_packed(self, i: str, packed_: tuple[str, bytes, list[str], list[str]]) -> None:
        """:meth:`add` of :func:`packed` features (what a row of the stored JSON gives)."""
        joined, ks, names, yrs = packed_
        self.terms.add_packed(i, joined.split("\x00") if joined else [], ks)
        self._more(names, yrs)

    def _more(self, names: Iterable[str], yrs: Iterable[str]) -> None:
        id_ = self.terms.id
        self.focal.append([id_(t) for t in names])
        self.years.append(sorted(id_(y) for y in yrs))


def packed(f: Features) -> tuple[str, bytes, list[str], list[str]] | None:
    """``f`` as a row of its stored JSON reads (terms in order, focal names and years
    sorted), cheaper to send between processes and to read than JSON: the terms joined by
    NUL, their counts as an ``array("i")``'s bytes. None if a term holds a NUL (no word
    does: then the JSON is read).

    >>> j, ks, names, yrs = packed(features("Storm hits Leeds\\nThe storm hit Leeds, Jo Bell"))
    >>> j.split("\\x00"), list(array("i", ks)), names, yrs
    (['storm', 'hits', 'leeds', 'hit', 'bell'], [2, 1, 4, 1, 2], ['bell', 'leeds'], [])
    """
    joined = "\x00".join(f.terms)
    if f.terms and joined.count("\x00") != len(f.terms) - 1:
        return None
    return joined, array("i", f.terms.values()).tobytes(), sorted(f.focal), sorted(f.years)


def _missing_share(
    side: np.ndarray,
    other: np.ndarray,
    focal: np.ndarray,
    lens: np.ndarray,
    starts: np.ndarray,
    held: np.ndarray,
    size: int,
) -> np.ndarray:
    """Per pair, the share of ``side``'s focal names that ``other`` never mentions (0 when
    ``side`` has none); ``held`` are the sorted ``row * size + term`` keys of all terms."""
    n = lens[side]
    total = int(n.sum())
    pair = np.repeat(np.arange(len(side)), n)
    within = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
    names = focal[np.repeat(starts[side], n) + within]
    keys = other[pair] * size + names
    at = np.minimum(np.searchsorted(held, keys), max(len(held) - 1, 0))
    absent = held[at] != keys if len(held) else np.ones(total, dtype=bool)
    missing = np.bincount(pair, weights=absent, minlength=len(side))
    return np.divide(missing, n, out=np.zeros(len(side)), where=n > 0)


def cluster(
    texts: Mapping[str, str],
    linked: Iterable[tuple[str, str]] = (),
    threshold: float | None = None,
    linkage: str = "average",
    top: int = TOP_TERMS,
    published: Mapping[str, object] | None = None,
) -> list[list[str]]:
    """Story groups of similar-event and shared-text links.

    ``linkage="average"`` (the default, what the Spark job computes too):
    average-link agglomeration (:func:`average_link`) of :func:`story_scores`
    at ``threshold`` (default :data:`AVERAGE_LINK`), whose pairs published
    :func:`far_apart` (``published``: id -> instant) score 0. ``"single"``: connected
    components of plain TF-IDF cosine links of at least ``threshold``
    (default :data:`LINK`), which chain two events of one kind together.
    ``linked`` pairs (shared text, a shared quote) are always in one group.
    """
    if linkage == "average":
        feats = {i: features(t) for i, t in texts.items()}
        return cluster_features(feats, linked, threshold, top, published)
    if linkage != "single":
        raise ValueError(f"unknown linkage {linkage!r}: use 'average' or 'single'")
    uf = UnionFind()
    for a, b in similar_pairs(tfidf_vectors(texts, top), LINK if threshold is None else threshold):
        uf.union(a, b)
    for a, b in linked:
        uf.union(a, b)
    return _ordered(uf.groups(sorted(texts)))


def cluster_features(
    feats: Mapping[str, Features],
    linked: Iterable[tuple[str, str]] = (),
    threshold: float | None = None,
    top: int = TOP_TERMS,
    published: Mapping[str, object] | None = None,
) -> list[list[str]]:
    """:func:`cluster`'s average-link groups from precomputed :func:`features`."""
    scores = story_scores(feats, top, published=published)
    return cluster_scores(feats, scores, linked, threshold, {i: f.focal for i, f in feats.items()})


def cluster_scores(
    ids: Iterable[str],
    scores: Mapping[tuple[str, str], float],
    linked: Iterable[tuple[str, str]] = (),
    threshold: float | None = None,
    focal: Mapping[str, Iterable[str]] | None = None,
) -> list[list[str]]:
    """Story groups from pair scores (:func:`story_scores`, or Spark's, computed by the same
    :func:`pair_score`): :func:`average_link` at ``threshold`` (default
    :data:`AVERAGE_LINK`), then :func:`attach` (with ``focal``, each article's lead names,
    only where the leads share a name); larger groups first."""
    cut = AVERAGE_LINK if threshold is None else threshold
    groups = average_link(ids, scores, cut, linked)
    return _ordered(attach(groups, scores, focal=focal, calendar=CALENDAR))


def lead_names(names: Iterable[Any], calendar: Collection[Any] = ()) -> set[Any]:
    """The lead names :func:`attach` compares: an article's focal names
    (:attr:`Features.focal`, or their term ids) without ``calendar`` (:data:`CALENDAR`, or
    its words' ids): "both leads name Saturday" says nothing."""
    return set(names).difference(calendar)


def attach(
    groups: list[list[str]],
    scores: Mapping[tuple[str, str], float],
    least: float = ATTACH,
    size: int = ATTACH_SIZE,
    focal: Mapping[str, Iterable[Any]] | None = None,
    calendar: Collection[Any] = (),
) -> list[list[str]]:
    """Groups of at most ``size`` articles joined to the nearest larger group.

    Nearest: the highest mean pair score (missing pairs score 0) over the
    larger group's members, ties to the group with the smallest first id; it
    must be at least ``least`` (:func:`attach_choice`). Larger groups never
    move, so nothing chains. With ``focal`` (each article's lead names), the
    small group joins its nearest group only when one of its members' lead names
    (:func:`lead_names`, ``calendar`` words left out) is a lead name of one of that
    group's members; otherwise it stays alone. Two articles alike in vocabulary with no
    name in common are a topic, not a story: of the 58 single BBC News articles attached to
    stories among ECB+ events (``bench/story_distractors.py``, tune part), the 37 whose leads
    shared no name with their story were all another story when read.

    >>> attach([["a", "b", "c"], ["d"], ["e"]], {("a", "d"): 0.3, ("c", "e"): 0.06})
    [['a', 'b', 'c', 'd'], ['e']]
    >>> attach([["a", "b"], ["d"]], {("a", "d"): 0.3}, focal={"a": ["leeds"], "d": ["york"]})
    [['a', 'b'], ['d']]
    """
    of = {d: k for k, g in enumerate(groups) for d in g}
    sizes = [len(g) for g in groups]
    firsts = [min(g) for g in groups]
    near: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), s in scores.items():
        ka, kb = of[a], of[b]
        if ka != kb:
            if sizes[ka] <= size:
                near[ka].append((b, s))
            if sizes[kb] <= size:
                near[kb].append((a, s))
    out = [list(g) for g in groups]
    names: dict[int, set] = {}

    def named(k: int) -> set:
        if k not in names:
            names[k] = set().union(*(lead_names(focal.get(d, ()), calendar) for d in groups[k]))
        return names[k]

    for k, pairs in near.items():
        h = attach_choice(pairs, of, sizes, firsts, least, size)
        if h is not None and (focal is None or not named(k).isdisjoint(named(h))):
            out[h] += out[k]
            out[k] = []
    return [g for g in out if g]


def attach_choice(
    pairs: Iterable[tuple[str, float]],
    group_of: Mapping[str, object],
    size_of: Mapping,
    first_of: Mapping,
    least: float = ATTACH,
    size: int = ATTACH_SIZE,
) -> object | None:
    """The group a small group joins under :func:`attach`, or None.

    ``pairs`` are its members' ``(other article, score)`` pairs with articles
    of other groups, in the order their scores were computed (the sums add in
    that order); ``group_of`` names each article's group, ``size_of`` and
    ``first_of`` give a group's size and smallest id (looked up only for groups
    tied on the highest mean, so a store's update reads few).
    """
    sums: dict = {}
    for other, s in pairs:
        h = group_of[other]
        sums[h] = sums.get(h, 0.0) + s
    best, tied = 0.0, []
    for h, total in sums.items():
        if size_of[h] > size:
            mean = total / size_of[h]
            if not tied or mean > best:
                best, tied = mean, [h]
            elif mean == best:
                tied.append(h)
    if not tied or best < least:
        return None
    return tied[0] if len(tied) == 1 else min(tied, key=lambda h: (first_of[h], h))


def attach_choices(
    a: np.ndarray,
    b: np.ndarray,
    score: np.ndarray,
    group_of: Mapping[int, int],
    size_of: Mapping[int, int],
    deciding: Iterable[int],
    first_of: Mapping[int, str],
    least: float = ATTACH,
    size: int = ATTACH_SIZE,
) -> dict[int, int]:
    """``group -> the group it joins`` of the ``deciding`` groups that join one: what
    :func:`attach_choice` gives each from the pairs ``(a[k], b[k], score[k])`` (integer
    docs, in the order the sums add) whose ends are in two groups of ``group_of`` (pairs
    with an end outside it count for no group), on arrays.

    The store's update decides for about 1,700 groups over 76,000 pairs at 100,000
    articles, where a loop building each group's list cost more than the choice. Each
    group's sum adds its pairs in pair order (``np.bincount`` adds in its input's order),
    so the means are the same bits as :func:`attach_choice`'s; a tie on the highest mean
    is decided as there.
    """
    if not len(a) or not group_of:
        return {}
    docs = np.fromiter(group_of, dtype=np.int64, count=len(group_of))
    order = np.argsort(docs, kind="stable")
    docs = docs[order]
    grp = np.fromiter(group_of.values(), dtype=np.int64, count=len(group_of))[order]
    gsize = np.fromiter((size_of.get(g, 0) for g in grp.tolist()), dtype=np.int64, count=len(grp))
    dec = np.isin(grp, np.fromiter(deciding, dtype=np.int64))

    def at(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        k = np.minimum(np.searchsorted(docs, x), len(docs) - 1)
        return k, docs[k] == x

    ka, fa = at(a)
    kb, fb = at(b)
    ga, gb = grp[ka], grp[kb]
    both = fa & fb & (ga != gb)
    one = both & dec[ka] & (gsize[kb] > size)  # a's group decides, b's is larger
    two = both & dec[kb] & (gsize[ka] > size)
    pair = np.concatenate((np.flatnonzero(one), np.flatnonzero(two)))
    if not len(pair):
        return {}
    g = np.concatenate((ga[one], gb[two]))
    h = np.concatenate((gb[one], ga[two]))
    # By deciding group, then the group offered, then pair order: the order each sum adds in.
    order = np.lexsort((pair, h, g))
    g, h = g[order], h[order]
    n_h = np.concatenate((gsize[kb][one], gsize[ka][two]))[order]
    s = np.concatenate((score[one], score[two]))[order]
    start = np.r_[True, (g[1:] != g[:-1]) | (h[1:] != h[:-1])]
    mean = np.bincount(np.cumsum(start) - 1, weights=s) / n_h[start]
    sg, sh = g[start], h[start]
    first = np.flatnonzero(np.r_[True, sg[1:] != sg[:-1]])
    best = np.maximum.reduceat(mean, first)
    per = np.diff(np.r_[first, len(sg)])
    top = np.flatnonzero(mean == np.repeat(best, per))
    owner = np.repeat(np.arange(len(first)), per)[top]
    # Each deciding group's tied groups, a slice of ``top`` (in order, as ``owner`` is): a
    # test of all of ``owner`` per group cost 1.2 CPU s for the 57,669 groups of a grouping
    # anew at 100,000 articles.
    ends = np.searchsorted(owner, np.arange(len(first) + 1))
    out: dict[int, int] = {}
    for k in np.flatnonzero(best >= least).tolist():
        tied = sh[top[ends[k] : ends[k + 1]]].tolist() if per[k] > 1 else [int(sh[first[k]])]
        out[int(sg[first[k]])] = (
            tied[0] if len(tied) == 1 else min(tied, key=lambda x: (first_of[x], x))
        )
    return out


def _columns(rows: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(a, b, score)`` as three arrays."""
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    a, b, s = zip(*rows, strict=True)
    return (
        np.asarray(a, dtype=np.int64),
        np.asarray(b, dtype=np.int64),
        np.asarray(s, dtype=np.float64),
    )


PART_MARGIN = 1e-9
"""Relative margin below the threshold of :func:`parts`' links (rounding in a mean)."""


def parts(
    ids: Iterable[str],
    scores: Mapping[tuple[str, str], float],
    threshold: float,
    linked: Iterable[tuple[str, str]] = (),
) -> list[list[str]]:
    """Connected components of the pairs scoring at least ``threshold`` and the ``linked``
    pairs: :func:`average_link` at ``threshold`` never joins two of them.

    A merge needs a mean pair score of at least ``threshold`` between two groups, so
    at least one pair that high; each story before :func:`attach` therefore lies in one
    part, and grouping each part on its own gives the groups of the whole. (The bound is
    lowered by a relative 1e-9 so that rounding in a mean can never cross it.)
    """
    uf = UnionFind()
    bound = threshold * (1 - PART_MARGIN)
    for (a, b), s in scores.items():
        if s >= bound:
            uf.union(a, b)
    for a, b in linked:
        uf.union(a, b)
    return uf.groups(ids)


def _ordered(groups: Iterable[list[str]]) -> list[list[str]]:
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))


def average_link(
    ids: Iterable[str],
    scores: Mapping[tuple[str, str], float],
    threshold: float,
    linked: Iterable[tuple[str, str]] = (),
) -> list[list[str]]:
    """Average-link (UPGMA) agglomeration over sparse pair ``scores``.

    Groups start as the connected components of ``linked``; the two groups
    with the highest mean pair score (missing pairs score 0) merge while that
    mean is at least ``threshold``. Costs about ``E log E`` for ``E`` scored
    pairs, so candidate pairs from an inverted index keep it near-linear.

    >>> average_link("abcd", {("a", "b"): 0.9, ("b", "c"): 0.5, ("c", "d"): 0.9}, 0.4)
    [['a', 'b'], ['c', 'd']]
    """
    uf = UnionFind()
    ids = sorted(set(ids))
    for a, b in linked:
        uf.union(a, b)
    members: dict[object, list[str]] = defaultdict(list)
    for i in ids:
        members[uf.find(i)].append(i)
    sums: dict[object, dict[object, float]] = defaultdict(lambda: defaultdict(float))
    for (a, b), s in scores.items():
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb and ra in members and rb in members:
            sums[ra][rb] += s
            sums[rb][ra] += s
    version: dict[object, int] = dict.fromkeys(members, 0)
    heap: list[tuple[float, str, str, object, object, int, int]] = []

    def push(x: object, y: object) -> None:
        mean = sums[x][y] / (len(members[x]) * len(members[y]))
        if mean >= threshold:
            heapq.heappush(
                heap, (-mean, min(members[x]), min(members[y]), x, y, version[x], version[y])
            )

    for x in list(sums):
        for y in sums[x]:
            if str(x) < str(y):
                push(x, y)
    while heap:
        _, _, _, x, y, vx, vy = heapq.heappop(heap)
        if version.get(x) != vx or version.get(y) != vy:
            continue  # one side has merged since
        members[x] += members.pop(y)
        version.pop(y)
        version[x] += 1
        for z, s in sums.pop(y).items():
            if z == x:
                continue
            sums[x][z] += s
            sums[z][x] += s
            sums[z].pop(y, None)
        sums[x].pop(y, None)
        for z in sums[x]:
            push(x, z)
    return [sorted(g) for g in members.values()]


@dataclass(slots=True)
class Direction(Record):
    """The order of an edge's two articles, or their common source, and the evidence for it.

    The order is who took from whom only for a copy (verdict ``duplicate``, ``copied`` or
    ``spun``): a ``reworded`` or ``same-story`` pair ordered by time keeps the order as the
    evidence it is, who published first, and claims no copying (docs/evidence.md).
    """

    source: str | None = jfield(
        "The article published first (basis time): for a copy (verdict duplicate, copied or "
        "spun) the article whose text was taken; for reworded and same-story only the earlier, "
        "not a source. Null when both drew on a common source.",
        key="from",
    )
    target: str | None = jfield(
        "The article published later: for a copy, the one that took the text; for reworded "
        "and same-story only the later, not a copy. Null for a common source.",
        key="to",
    )
    basis: str = jfield(
        "time (publication instants differ) or common-source (the same wire credit, or an "
        "earlier third article holding the shared text). One article lying inside the other "
        "orders nothing: an excerpt and an extension look the same."
    )
    evidence: dict = jfield(
        "The facts behind the basis: from_published/to_published (time); for common-source, "
        "wire (the agencies both credit) with credits ({a, b}: where each article credits "
        "them, {agency, start, end, context}), or earlier/earlier_published."
    )


@dataclass(slots=True)
class Published(Record):
    """The publication instants of an edge's two articles (ISO 8601 UTC), when known."""

    a: str | None = jfield("Article a's publication instant, or null.")
    b: str | None = jfield("Article b's publication instant, or null.")


@dataclass(slots=True)
class Edge(Record):
    """Reuse between two articles, and what is known about who took from whom.

    ``direction`` is set only when evidence orders the pair or shows a common
    source (see :class:`Direction`; an order is who copied whom only for a copy);
    otherwise it is None ("not known").
    """

    a: str = jfield("One article's id.")
    b: str = jfield("The other article's id.")
    verdict: str = jfield("The compare verdict of the pair (never unrelated).")
    coverage: dict[str, float] = jfield("Compare's coverage figures.", digits=4)
    direction: Direction | None = jfield(
        "Who took from whom for a copy; for a reworded or same-story pair only which was "
        "published first (see Direction). Null when nothing is known."
    )
    published: Published = jfield("The two publication instants.")
    shared_quotes: int = jfield("Quotes of four or more words both articles carry.")
    passages: list[dict] = jfield("Compare's passages (spans into a's and b's texts).")

    @property
    def source(self) -> str | None:
        return self.direction.source if self.direction else None

    @property
    def target(self) -> str | None:
        return self.direction.target if self.direction else None

    @property
    def basis(self) -> str | None:
        return self.direction.basis if self.direction else None

    @property
    def evidence(self) -> dict:
        return self.direction.evidence if self.direction else {}

    @classmethod
    def from_dict(cls, d: Mapping) -> Edge:
        """The edge back from its :meth:`to_dict` form (as the store and Spark keep it)."""
        way = d.get("direction")
        when = d.get("published") or {}
        return cls(
            d["a"],
            d["b"],
            d["verdict"],
            dict(d.get("coverage", {})),
            Direction(way.get("from"), way.get("to"), way["basis"], dict(way.get("evidence") or {}))
            if way
            else None,
            Published(when.get("a"), when.get("b")),
            int(d.get("shared_quotes", 0)),
            list(d.get("passages", [])),
        )


DATE_SLACK = dt.timedelta(hours=12)
"""How far a date without a time may stand from its UTC day when ordering: a newsroom between
UTC-12 and UTC+12 dates an article by its own day, and a print edition by the day after the
web. On PolNeAR, whose dates are days, the New York Times' poll story dated 15 July 2016 was
named a copy of Western Journalism's article of 14 July, which quoted the poll's figures from
it: a day apart, neither date says which came out first. So a date alone orders only against
a date two days away or a time at least 12 hours outside its day."""


def time_order(published_a: object, published_b: object) -> int:
    """-1 when A was certainly published first, 1 when B was, 0 when unknown or too close.

    Values are anything :func:`storytrace.dates.parse_published` reads; they are
    compared as instants, never as strings. A date without a time is its day in
    any time zone from UTC-12 to UTC+12 (:data:`DATE_SLACK`), so two dates a day
    apart are not ordered.

    >>> time_order("14 July 2016", "2016-07-15"), time_order("14 July 2016", "2016-07-16")
    (0, -1)
    """
    a, b = day_span(published_a, DATE_SLACK), day_span(published_b, DATE_SLACK)
    if a is None or b is None:
        return 0
    if a[1] < b[0]:
        return -1
    if b[1] < a[0]:
        return 1
    return 0


def direction(
    a: str,
    b: str,
    published_a: object = None,
    published_b: object = None,
    wires: Iterable[str] = (),
) -> tuple[str | None, str | None, str | None, dict]:
    """``(from, to, basis, evidence)`` for a reuse pair; ``basis`` None when nothing is known.

    The same wire credit on both sides (``wires``) makes a common source; else
    differing publication instants give the order; otherwise there is no direction.

    One article lying inside the other orders nothing. On the ECB+ tune topics
    (271 undated articles) the containment rule this replaced named seven sources,
    and at most one was defensible: an aggregator's headline and first sentence, or
    an RSS feed's excerpt cut mid-sentence, came out as the source of the article it
    was cut from; a brief as the source of the wire report it condensed; one outlet's
    shorter cut of an AP report as the source of another's longer cut. An excerpt,
    an extension and two cuts of one wire report look the same from the text alone.

    >>> direction("a", "b", "June 1, 2019", "May 30, 2019")[:3]
    ('b', 'a', 'time')
    >>> direction("a", "b")
    (None, None, None, {})
    """
    wires = sorted(set(wires))
    if wires:
        return None, None, "common-source", {"wire": wires}
    order = time_order(published_a, published_b)
    if order:
        src, dst = (a, b) if order < 0 else (b, a)
        stamps = {a: iso_utc(published_a), b: iso_utc(published_b)}
        return src, dst, "time", {"from_published": stamps[src], "to_published": stamps[dst]}
    return None, None, None, {}


def collapse(
    ids: Iterable[str],
    duplicates: Iterable[tuple[str, str]],
    published: Mapping[str, object] | None = None,
) -> dict[str, list[str]]:
    """Near-duplicate groups: representative id -> member ids in time order.

    The representative is the earliest member (``published`` maps id to a date
    :func:`storytrace.dates.parse_published` reads); undated members come after
    dated ones, and ties and undated members go by id.
    """
    uf = UnionFind()
    for a, b in duplicates:
        uf.union(a, b)
    key = _time_key(published or {})
    out = {}
    for g in uf.groups(sorted(set(ids))):
        members = sorted(g, key=key)
        out[members[0]] = members
    return out


def _time_key(published: Mapping[str, object]) -> Callable[[str], tuple]:
    def key(i: str) -> tuple:
        when = parse_published(published.get(i))
        return (when is None, when or _EPOCH, i)

    return key


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _stock_phrases_only(cmp: Comparison) -> bool:
    # A quotation lifted with its sentence is reuse though its unquoted words are few:
    # evidence.gather's shared-passage rule counts them (a same-story pair's evidence is
    # gathered already).
    cov = cmp.coverage
    return (
        cmp.verdict == "same-story"
        and cov.get("longest_copied_words", 0) < STOCK_WORDS
        and max(cov["a"], cov["b"]) < STOCK_COVERAGE
        and "shared-passage" not in cmp.evidence.held
    )


def reuse_edge(
    cmp: Comparison, meta_a: Mapping, meta_b: Mapping, shared_quotes: int = 0
) -> Edge | None:
    """The reuse edge for a comparison, or None when it shows no reuse.

    ``meta_a``/``meta_b`` carry each article's ``id`` and optional ``published``
    (any form :func:`storytrace.dates.parse_published` reads).
    """
    passages, cov, verdict = cmp.passages, cmp.coverage, cmp.verdict
    real = [p for p in passages if p.kind != BOILERPLATE]
    if not real or verdict == "unrelated" or _stock_phrases_only(cmp):
        return None
    a, b = meta_a["id"], meta_b["id"]
    pa, pb = meta_a.get("published"), meta_b.get("published")
    credits_a = wire_credits(cmp.a.text, [p.a for p in real], [p.a for p in passages])
    credits_b = wire_credits(cmp.b.text, [p.b for p in real], [p.b for p in passages])
    both = {c.agency for c in credits_a} & {c.agency for c in credits_b}
    src, dst, basis, facts = direction(a, b, pa, pb, both)
    if "wire" in facts:
        # Where each side credits the agency, so a reader can tell a dateline from "he told
        # Reuters" next to the shared text.
        facts["credits"] = {
            side: [credit_evidence(t, c) for c in cs if c.agency in both]
            for side, t, cs in (("a", cmp.a.text, credits_a), ("b", cmp.b.text, credits_b))
        }
    return Edge(
        a,
        b,
        verdict,
        cov,
        Direction(src, dst, basis, facts) if basis else None,
        Published(iso_utc(pa), iso_utc(pb)),
        shared_quotes,
        [p.to_dict() for p in passages],
    )


COMMON_SOURCE_INSIDE = 0.8
"""Least share of a pair's shared text (on each side) that must also be shared with the
earlier third article for the pair to count as drawing on that article."""


def common_sources(edges: Iterable[Edge]) -> list[Edge]:
    """Edges with ``common-source`` set where a third, earlier article explains the sharing.

    For a pair A-B, an article C published before both (instants from the
    edges' ``published``) that shares text with each of them, where what A and
    B share lies (at least :data:`COMMON_SOURCE_INSIDE` of it, on each side)
    inside what each shares with C, is a common source: A and B drew on C, not
    on each other. The edge keeps its passages; its direction becomes none and
    ``evidence`` names C. Other edges are returned unchanged.
    """
    edges = list(edges)
    when: dict[str, str] = {}
    spans: dict[tuple[str, str], list[Span]] = {}
    nbrs: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        for i, p in ((e.a, e.published.a), (e.b, e.published.b)):
            if p:
                when[i] = p
        if e.verdict == "duplicate":
            continue
        nbrs[e.a].add(e.b)
        nbrs[e.b].add(e.a)
        real = [p for p in e.passages if p["kind"] != BOILERPLATE]
        spans[(e.a, e.b)] = [tuple(p["a"]) for p in real]
        spans[(e.b, e.a)] = [tuple(p["b"]) for p in real]
    out = []
    for e in edges:
        found = None
        if e.verdict != "duplicate" and e.basis != "common-source":
            for c in sorted(nbrs[e.a] & nbrs[e.b]):
                if (
                    time_order(when.get(c), when.get(e.a)) < 0
                    and time_order(when.get(c), when.get(e.b)) < 0
                    and _inside(spans[(e.a, e.b)], spans[(e.a, c)]) >= COMMON_SOURCE_INSIDE
                    and _inside(spans[(e.b, e.a)], spans[(e.b, c)]) >= COMMON_SOURCE_INSIDE
                ):
                    found = c
                    break
        if found is None:
            out.append(e)
            continue
        facts = {"earlier": found, "earlier_published": iso_utc(when[found])}
        out.append(replace(e, direction=Direction(None, None, "common-source", facts)))
    return out


def _inside(part: list[Span], whole: list[Span]) -> float:
    """Share of the characters of ``part`` that lie inside ``whole`` (spans may overlap)."""
    total = sum(e - s for s, e in part)
    if not total:
        return 0.0
    merged: list[list[int]] = []
    for s, e in sorted(whole):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    hit = sum(max(0, min(e, me) - max(s, ms)) for s, e in part for ms, me in merged)
    return hit / total


@dataclass(slots=True)
class Member(Record):
    """Why one article is in its story: the link that ties it to another member.

    A reuse edge or a shared quote between the two (the links that always put two
    articles in one story) comes first; else the member it scores highest with
    (:func:`pair_score`: the vocabulary of the two texts, lowered for lead names or
    years one side lacks) among those whose leads share a name with it, else among
    all: what average-link grouping (:func:`average_link`) or attachment to the
    nearest story (:func:`attach`, which needs such a shared name) acted on.
    """

    article: str = jfield("The article's id.")
    joined_by: str = jfield(
        "reuse (a reuse edge with `with`), quote (a quote of six or more words both carry), "
        "vocabulary (their story score: similar words, the same lead names and years), or "
        "unknown (none of these links it to another member)."
    )
    with_: str | None = jfield(
        "The member it is linked to, or null when unknown. vocabulary: the member it scores "
        "highest with among those whose leads share a name with it (`shared`), else among all.",
        key="with",
    )
    score: float | None = jfield(
        "vocabulary: the pair's story score (stories.pair_score; average-link joins groups "
        "whose mean score is at least stories.AVERAGE_LINK), with the corpus statistics the "
        "grouping used (an index update scores new articles with the stored ones until the "
        "basis is renewed: docs/store.md); null otherwise.",
        digits=3,
    )
    shared: list[str] = jfield(
        "vocabulary: the names (names.mentions: no word that only opens a sentence, no "
        "headline-case word, weekday, month or clock time's PM EDT) in the headline and lead "
        "of both articles, as the two articles write them (the most common capitalised form "
        "in their openings: stories.written_names), sorted by their lower-case form."
    )
    quote: str | None = jfield(
        "quote: the words of the quote the two carry, as quote links key them (lower case, "
        "no punctuation; a quote interrupted by its frame is keyed whole and by part): the "
        "longest both hold, else this article's version of a quote the other gives with "
        "words changed (stories.quote_variant); null for other joins and where the quotes "
        "were not read.",
        default=None,
        omit_none=True,
    )


def membership(
    groups: Iterable[list[str]],
    scores: Mapping[tuple[str, str], float],
    reuse: Iterable[tuple[str, str]] = (),
    quotes: Iterable[tuple[str, str]] = (),
    focal: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, Member]:
    """:class:`Member` evidence of every article in a group of two or more.

    ``scores`` are pair scores keyed ``(a, b)`` (either order); ``reuse`` and
    ``quotes`` the pairs :func:`story_links` and :func:`quote_links` give;
    ``focal`` each article's lead names (:class:`Features`). The partner is the
    smallest id among equals, so both engines name the same one.

    >>> m = membership([["a", "b", "c"]], {("a", "b"): 0.3, ("b", "c"): 0.1}, quotes=[("c", "a")],
    ...                focal={"a": ["leeds", "storm", "monday"], "b": ["storm", "monday"]})
    >>> for x in m.values():
    ...     print(x.article, x.joined_by, x.with_, x.score, x.shared)
    a quote c None []
    b vocabulary a 0.3 ['storm']
    c quote a None []
    """
    of = {i: k for k, g in enumerate(groups) if len(g) > 1 for i in g}
    linked: dict[str, dict[str, set[str]]] = {"reuse": defaultdict(set), "quote": defaultdict(set)}
    for kind, pairs in (("reuse", reuse), ("quote", quotes)):
        for a, b in pairs:
            if a in of and of.get(b) == of[a] and a != b:
                linked[kind][a].add(b)
                linked[kind][b].add(a)
    lead = {i: lead_names(names, CALENDAR) for i, names in (focal or {}).items()}
    # Per article, the best partner overall ([0]) and among those sharing a lead name ([1]):
    # the name is what let a lone article attach, so the evidence shows that pair.
    best: dict[str, list[tuple[float, str] | None]] = defaultdict(lambda: [None, None])
    for (a, b), v in scores.items():
        if v > 0 and a in of and of.get(b) == of[a]:
            named = not lead.get(a, set()).isdisjoint(lead.get(b, ()))
            for x, y in ((a, b), (b, a)):
                for k in (0, 1) if named else (0,):
                    was = best[x][k]
                    if was is None or (-v, y) < (-was[0], was[1]):
                        best[x][k] = (v, y)
    out = {}
    for i in sorted(of):
        kind = next((k for k in ("reuse", "quote") if linked[k][i]), None)
        if kind:
            out[i] = Member(i, kind, min(linked[kind][i]), None, [])
        elif i in best:
            v, y = best[i][1] or best[i][0]
            shared = sorted(lead.get(i, set()) & lead.get(y, set()))
            out[i] = Member(i, "vocabulary", y, v, shared)
        else:
            out[i] = Member(i, "unknown", None, None, [])
    return out


def quoted(
    members: Mapping[str, Member], keys_of: Mapping[str, Collection[str]]
) -> dict[str, Member]:
    """``members`` with the quote behind each ``quote`` join (:attr:`Member.quote`), from
    ``keys_of``: each member's quote keys (:func:`utterance_keys`), of those joined by a
    quote at least. The longest key both hold (ties: the first in sort order), else this
    article's key of a pair that are :func:`quote_variant` of one quote.

    >>> m = {"a": Member("a", "quote", "b", None, []), "b": Member("b", "quote", "a", None, [])}
    >>> keys = {"a": {"we will sort out your housing before the winter comes"},
    ...         "b": {"we will sort your housing before the winter comes"}}
    >>> for x in quoted(m, keys).values():
    ...     print(x.quote)
    we will sort out your housing before the winter comes
    we will sort your housing before the winter comes
    """
    out = dict(members)
    for i, m in members.items():
        if m.joined_by != "quote" or m.with_ is None:
            continue
        mine, theirs = keys_of.get(i, ()), keys_of.get(m.with_, ())
        both = [k for k in mine if k in theirs]
        if both:
            out[i] = replace(m, quote=min(both, key=lambda k: (-len(k), k)))
            continue
        variants = sorted(
            a for a in mine if any(quote_variant(a.split(), b.split()) is not None for b in theirs)
        )
        if variants:
            out[i] = replace(m, quote=max(variants, key=len))
    return out


def quote_joined(members: Mapping[str, Member]) -> set[str]:
    """The articles :func:`quoted` needs the quote keys of: each member joined by a quote and
    the member it is joined to."""
    return {i for m in members.values() if m.joined_by == "quote" for i in (m.article, m.with_)}


def stored_quote_keys(rows: Iterable[tuple[int, int | None, str | None]]) -> dict[int, set[str]]:
    """Each doc's quote keys (:func:`utterance_keys`) from stored quote rows ``(doc,
    utterance number, content)`` in the store's order (:func:`stored_utterances`)."""
    keys: dict[int, set[str]] = defaultdict(set)
    for doc, parts in stored_utterances(rows):
        keys[doc].update(utterance_keys(parts))
    return dict(keys)


CALENDAR = frozenset(WEEKDAYS | (MONTHS.keys() - {"may", "jan", "mar"}))
"""Capitalised lead words that are not names: weekdays, month names and their abbreviations
("Dec"; "May", "Jan" and "Mar" excepted: a surname, a first name, Mar-a-Lago). Left out of a
member's ``shared`` names, which tell a reader why two articles are in one story ("both leads
name Saturday" says nothing); the score's focal penalty still sees them."""


OPENING_CHARS = 1_500
"""Characters of an article's opening that :func:`written_names` reads: the headline and
lead (:data:`LEAD_SENTENCES`) where the focal names were found, and some text after them."""


def written_names(words: Iterable[str], texts: Iterable[str]) -> list[str]:
    """Each lower-case lead name in ``words`` as the articles write it: its most common
    capitalised form in the openings (:data:`OPENING_CHARS`) of ``texts``, a form not all in
    capitals first among equals. Forms in a line written all in capitals (a headline's
    typography: "SONY CUTS PSP PRICE") count only when the word occurs nowhere else; a word
    found nowhere capitalised stays as given. A reader is shown "PSP" and "O'Brien", not
    "Psp" and "O'brien".

    >>> texts = ["SONY CUTS PSP PRICE\\nSony sold DVDs, O’Brien said.", "Sony's PSP and dvds"]
    >>> written_names(["dvds", "o'brien", "psp", "sony"], texts)
    ['DVDs', 'O’Brien', 'PSP', 'Sony']
    """
    words = list(words)
    seen: dict[str, Counter] = {w: Counter() for w in words}
    typeset: dict[str, Counter] = {w: Counter() for w in words}
    for text in texts:
        _capitalised_forms(text[:OPENING_CHARS], seen, typeset)
    out = []
    for w in words:
        forms = seen[w] or typeset[w]
        out.append(max(forms, key=lambda f: (forms[f], not f.isupper())) if forms else w)
    return out


def _capitalised_forms(head: str, seen: dict[str, Counter], typeset: dict[str, Counter]) -> None:
    """Count in ``seen`` (``typeset`` for a line all in capitals) the capitalised forms of
    each word's tokens in ``head`` (the words are normalised tokens): found with ``str.find``
    in the folded text (a match is a token when no token continues across it), else by
    tokenising ``head``."""
    found: list[tuple[str, int, int]] = []
    low = _fold(head.lower())
    missed = len(low) != len(head)
    if not missed:
        n = len(low)
        for w in seen:
            i = low.find(w) if w else -1
            hit = False
            while i >= 0:
                j = i + len(w)
                if not _joins(low, i - 1, i - 2) and not _joins(low, j, j + 1):
                    hit = True
                    found.append((w, i, j))
                i = low.find(w, i + 1) if j < n else -1
            missed = missed or not hit
    if missed and not head.isascii():  # a word written with marks ("Zoë"): tokenise
        doc = Doc(head)
        found = [
            (norm, s, e)
            for norm, s, e in zip(doc.norms, doc.starts, doc.ends, strict=True)
            if norm in seen
        ]
    for w, i, j in found:
        if head[i].isupper():
            end = head.find("\n", j)
            line = head[head.rfind("\n", 0, i) + 1 : end if end >= 0 else len(head)]
            (typeset if line.isupper() else seen)[w][head[i:j]] += 1


def _joins(low: str, k: int, beyond: int) -> bool:
    """Whether ``low[k]`` (next to a match) continues the token: a word character, or an
    apostrophe with a word character at ``beyond``, past it."""
    if not 0 <= k < len(low):
        return False
    c = low[k]
    if c.isalnum() or c == "_":
        return True
    return c == "'" and 0 <= beyond < len(low) and (low[beyond].isalnum() or low[beyond] == "_")


def reads_openings(members: Mapping[str, Member]) -> set[str]:
    """The articles whose openings :func:`as_written` reads for ``members``: each member with
    shared lead names, and its partner."""
    return {x for i, m in members.items() if m.shared for x in (i, m.with_) if x is not None}


def as_written(members: Mapping[str, Member], openings: Mapping[str, str]) -> dict[str, Member]:
    """``members`` with their ``shared`` lead names as written (:func:`written_names`) in
    the member's and its partner's text (``openings``: article id to its text, or to its
    first :data:`OPENING_CHARS` characters at least). Every engine shows them so."""
    out = {}
    for i, m in members.items():
        if m.shared:
            texts = [openings[x] for x in (i, m.with_) if x in openings]
            m = replace(m, shared=written_names(m.shared, texts))
        out[i] = m
    return out


@dataclass(slots=True)
class Story(Record):
    """One story: its articles, the reuse graph between them and its near-duplicate groups.

    ``nodes`` are near-duplicate groups ``{"id", "count", "members"}``, each
    represented by its earliest member with the members in time order;
    ``edges`` are :meth:`Edge.to_dict` forms between nodes (edges inside a
    group are left out).
    """

    id: int = jfield("Story number, from 1: larger stories first.")
    articles: list[str] = jfield("Article ids, sorted.")
    nodes: list[dict] = jfield(
        "Near-duplicate groups {id, count, members}: id is the earliest member, members are in "
        "time order (undated last), in time order of their representatives."
    )
    edges: list[dict] = jfield("Reuse edges between nodes (edge.schema.json).")
    members: list[Member] = jfield(
        "Why each article is in the story, in the order of `articles` (a story of two or "
        "more; empty for one article).",
        default_factory=list,
    )
    # Grouping needs no titles; readers with the articles' metadata (the
    # `stories --json` command) fill these as the terminal and HTML show them.
    title: str | None = jfield(
        "The earliest article's headline, else the opening of its first line (with no "
        "article dated, the article the others are joined with most).",
        default=None,
        omit_none=True,
    )
    summary: str | None = jfield(
        "One line: articles, outlets, time span, copies and the source where known.",
        default=None,
        omit_none=True,
    )
    caveat: str | None = jfield(
        "What the evidence cannot rule out, when similar wording alone holds the story: that "
        "it is a topic rather than one event (no article dated), or more than one event of "
        "one running topic in a week (dated).",
        default=None,
        omit_none=True,
    )


def group_stories(
    ids: Iterable[str],
    edges: Iterable[Edge],
    texts: Mapping[str, str] | None = None,
    links: Iterable[tuple[str, str]] = (),
    published: Mapping[str, object] | None = None,
) -> list[dict]:
    """Stories as ``{"id", "articles", "nodes", "edges"}`` dicts (see :class:`Story`).

    Groups are vocabulary clusters of ``texts`` (when given; ``published``
    instants keep articles :func:`far_apart` out of one cluster) joined by the reuse
    ``edges`` and any other ``links`` (shared quotes: :func:`quote_links`). Edges whose
    shared text an earlier third article also holds become ``common-source``
    (:func:`common_sources`).
    """
    ids = sorted(set(ids))
    edges = common_sources(edges)
    reuse = [(e.a, e.b) for e in edges if edge_links_story(e)]
    links = list(links)
    scores: dict[tuple[str, str], float] = {}
    focal: dict[str, frozenset[str]] = {}
    if texts is not None:
        feats = {i: features(texts[i]) for i in ids}
        scores = story_scores(feats, published=published)
        focal = {i: f.focal for i, f in feats.items()}
        groups = cluster_scores(ids, scores, reuse + links, focal=focal)
    else:
        uf = UnionFind()
        for a, b in reuse + links:
            uf.union(a, b)
        groups = sorted((sorted(g) for g in uf.groups(ids)), key=lambda g: (-len(g), g[0]))
    members = membership(groups, scores, reuse, links, focal)
    if texts is not None:
        members = as_written(members, texts)
    return story_graphs(groups, edges, published, members)


def story_graphs(
    groups: Iterable[list[str]],
    edges: Iterable[Edge | dict],
    published: Mapping[str, object] | None = None,
    members: Mapping[str, Member] | None = None,
) -> list[dict]:
    """Stories as ``{"id", "articles", "nodes", "edges", "members"}`` dicts for given article
    groups (``members``: :func:`membership`'s evidence, by article id).

    ``edges`` are :class:`Edge` objects or their :meth:`Edge.to_dict` form (as a
    Spark run stores them). Near-duplicates (verdict ``duplicate``) collapse into
    one node, represented by the earliest member (``published``, else the
    publication times the edges carry); edges inside a collapsed node are left
    out. Stories are numbered from 1 in the order of ``groups``.
    """
    groups = [sorted(g) for g in groups]
    dicts = [e.to_dict() if isinstance(e, Edge) else e for e in edges]
    when: dict[str, object] = {}
    for e in dicts:
        stamps = e.get("published") or {}
        for side in ("a", "b"):
            if stamps.get(side):
                when[e[side]] = stamps[side]
    when.update({k: v for k, v in (published or {}).items() if v})
    ids = [i for g in groups for i in g]
    reps = collapse(ids, [(e["a"], e["b"]) for e in dicts if e["verdict"] == "duplicate"], when)
    rep_of = {m: r for r, ms in reps.items() for m in ms}
    edge_of: dict[str, list[dict]] = defaultdict(list)
    for e in dicts:
        if e["verdict"] != "duplicate" and e["a"] in rep_of:
            edge_of[rep_of[e["a"]]].append(e)
    key = _time_key(when)
    out = []
    for n, g in enumerate(groups, 1):
        heads = sorted((r for r in g if r in reps), key=key)
        nodes = [{"id": r, "count": len(reps[r]), "members": reps[r]} for r in heads]
        # Only edges inside the story: reuse that links no stories (far apart in time and
        # no republication, links_stories) joins an article of another story.
        inside = set(g)
        es = [e for r in heads for e in edge_of[r] if e["b"] in inside]
        why = [members[i] for i in g if i in members] if members and len(g) > 1 else []
        out.append(Story(n, g, nodes, es, why).to_dict())
    return out


# --- stored stories ----------------------------------------------------------------------
#
# The story tables a store keeps (:meth:`storytrace.store.Store.add_stories`): computed from
# scratch (:func:`full_state`), or for new articles only against the stored basis
# (:func:`update_state`); :func:`storytrace.corpus.update_stories` decides which. Unlike the
# rest of this module these read a store, passed in; why the update equals a computation
# from scratch with the same basis is told in :mod:`storytrace.corpus`'s notes on stories.


QUOTE_LINK_WORDS = 6
"""Quotes of at least this many words shared by two articles put them in one story."""


def quote_key(content: str | None) -> str | None:
    """A quote's link key (its normalised words), or None when it is too short to link."""
    return _norms_key(Doc(content or "").norms)


def _norms_key(norms: list[str]) -> str | None:
    k = " ".join(norms)
    return k if len(k.split()) >= QUOTE_LINK_WORDS else None


def utterance_keys(parts: Sequence[str | None]) -> list[str]:
    """The link keys of one utterance whose parts' words are ``parts``, in text order: each
    part's :func:`quote_key` and, for a quote its frame interrupts ('"A," said Mr Ingram,
    "B"'), the whole utterance's words without the frame. Keyed by part only, a statement
    printed by two articles in parts shorter than a variant needs
    (``quotes.matching.LINK_PASSAGE_WORDS``) linked neither as one quote nor as variants
    once a word of it was changed or misread; one article printing it whole and another
    split by a frame now share the whole's key.

    >>> utterance_keys(["The allowances are extremely generous,", "For what we are seeing."])
    ['the allowances are extremely generous for what we are seeing']
    >>> utterance_keys(["We will sort out the housing first."])
    ['we will sort out the housing first']
    """
    words = [Doc(p or "").norms for p in parts]
    keys = [k for w in words if (k := _norms_key(w))]
    if len(words) > 1 and (k := _norms_key([w for ws in words for w in ws])):
        keys.append(k)
    return list(dict.fromkeys(keys))


def stored_utterances(
    rows: Iterable[tuple[int, int | None, str | None]],
) -> Iterator[tuple[int, list[str | None]]]:
    """``(doc, its parts' words)`` of each utterance of stored quote rows ``(doc, utterance
    number, content)`` read in the store's order: an article's rows are stored together, in
    text order (one insert per article), so an utterance is complete when its article's rows
    end. A row without an utterance number (stored before schema 10) is an utterance of its
    own.

    >>> list(stored_utterances([(1, 0, "A,"), (1, 0, "B."), (1, None, "C"), (2, 0, "D")]))
    [(1, ['A,', 'B.']), (1, ['C']), (2, ['D'])]
    """
    held: dict[tuple[int, object], list[str | None]] = {}
    for d, n, content in rows:
        if held and next(iter(held))[0] != d:
            yield from ((doc, parts) for (doc, _), parts in held.items())
            held = {}
        held.setdefault((d, object() if n is None else n), []).append(content)
    yield from ((doc, parts) for (doc, _), parts in held.items())


QUOTE_ANCHOR_WORDS = 5
"""Words in a quote's anchors (:func:`quote_anchors`): two quotes sharing a run this long are
compared as possible variants of one quote; an edit every sixth word leaves one."""


def quote_anchors(key: str) -> list[str]:
    """The anchors of a quote's :func:`quote_key`: every run of :data:`QUOTE_ANCHOR_WORDS`
    of its words, marked by a leading ``~`` (never a word's first character), so a store
    keeps them beside the keys.

    >>> quote_anchors("we will sort out the housing")
    ['~we will sort out the', '~will sort out the housing']
    """
    w = key.split()
    n = QUOTE_ANCHOR_WORDS
    return [("~" + " ".join(w[i : i + n])) for i in range(len(w) - n + 1)]


def quote_variants(
    keys: Iterable[str],
    holders: Mapping[str, Collection],
    focus: Container[str] | None = None,
    anchors: Container[str] | None = None,
) -> list[tuple[str, str, QuoteVariant]]:
    """``(key a, key b, variant)``, ``a < b``: pairs of different quote keys (of ``keys``)
    that are one quote printed twice (:func:`storytrace.quotes.matching.quote_variant`: an
    OCR slip, an edit, one outlet quoting part of it), each held by an article the other is
    not. Only keys sharing an anchor held by 2 to ``fp.MAX_DF`` articles are compared, the
    articles counted over ``holders`` (key -> its articles, for every key of ``keys``);
    with ``focus``, only pairs with a key of it; with ``anchors``, only through these (an
    update: those few enough articles hold in the whole store, which ``holders`` does not
    hold).

    >>> held = {"you have got to sort out your housing first": {1},
    ...         "you have got to sort your housing first": {2}}
    >>> [(v.label, v.differing) for _, _, v in quote_variants(held, held)]
    [('altered', [('out', '')])]
    """
    by_anchor: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for a in dict.fromkeys(quote_anchors(k)):
            if anchors is None or a in anchors:
                by_anchor[a].append(k)
    seen: set[tuple[str, str]] = set()
    out = []
    for ks in by_anchor.values():
        if len(ks) < 2:
            continue
        docs = set().union(*(holders[k] for k in ks))
        if not 1 < len(docs) <= fp.MAX_DF:
            continue
        for x, first in enumerate(ks):
            for second in ks[x + 1 :]:
                a, b = min(first, second), max(first, second)
                if (a, b) in seen or (focus is not None and a not in focus and b not in focus):
                    continue
                seen.add((a, b))
                if set(holders[a]) == set(holders[b]):
                    continue  # the same articles: a link between them adds nothing
                v = quote_variant(a.split(), b.split())
                if v is not None:
                    out.append((a, b, v))
    return sorted(out, key=lambda t: (t[0], t[1]))


def quote_groups(holders: Mapping[str, Collection]) -> list[set]:
    """The holder groups :func:`quote_links` joins: each quote key's articles, and the
    articles of each pair of keys that are :func:`quote_variants` of one quote."""
    groups = [set(ds) for ds in holders.values()]
    return groups + [
        set(holders[a]) | set(holders[b]) for a, b, _ in quote_variants(holders, holders)
    ]


def quote_link_rows(holders: Mapping[str, Iterable[int]]) -> list[tuple[str, int]]:
    """``(key, doc)`` rows of the store's ``quote_link`` table: each key's holders and
    each of its anchors' (what an update looks variants up by)."""
    rows: dict[tuple[str, int], None] = {}
    for k, ds in holders.items():
        for key in (k, *quote_anchors(k)):
            rows.update(dict.fromkeys((key, d) for d in ds))
    return list(rows)


def quote_links(
    holders: Iterable[Iterable], published: Mapping[object, object] | None = None
) -> list[tuple]:
    """Pairs joining the holders of each quote held by 2 to ``fp.MAX_DF`` articles.

    With ``published`` (holder -> instant), holders join only when they are not
    :func:`far_apart`, directly or through holders in between: a statement quoted again
    months later is not that story (HuffPost's note on Trump's pledge ran under PolNeAR
    articles for seven months). An undated holder is near every other, as in
    :func:`far_apart`, so it joins them all.

    >>> quote_links([[3, 1, 2]], {1: "2016-01-04", 2: "2016-01-06", 3: "2016-05-26"})
    [(1, 2)]
    """
    links = []
    for ds in holders:
        ds = sorted(set(ds))
        if not 1 < len(ds) <= fp.MAX_DF:
            continue
        spans = [span_us(published.get(d)) for d in ds] if published else []
        if not spans or None in spans:
            links += [(ds[0], d) for d in ds[1:]]
            continue
        # Sweep in time order, each holder joining the one reaching latest so far when
        # within the window: exactly the groups of pairwise "not far apart", linearly.
        last_end, last = None, 0
        for k in sorted(range(len(ds)), key=lambda k: (spans[k][0], ds[k])):
            start, end = spans[k]
            if last_end is not None and start - last_end <= STORY_US:
                links.append((min(ds[last], ds[k]), max(ds[last], ds[k])))
            if last_end is None or end > last_end:
                last_end, last = end, k
    return links


def quote_holders(store: Store, docs: Container[int]) -> dict[str, set[int]]:
    """The docs (of ``docs``) holding each stored quote's :func:`utterance_keys`, by key in
    order of first appearance: what the story links of quotes are made from."""
    holders: dict[str, set[int]] = {}
    rows = ((d, q["utterance"], q["content"]) for d, q in store.all_quotes())
    for doc, parts in stored_utterances(rows):
        if doc in docs:
            for k in utterance_keys(parts):
                holders.setdefault(k, set()).add(doc)
    return holders


def _blob(values: Iterable[int]) -> bytes:
    return np.asarray(list(values), dtype=np.int32).tobytes()


def _ints(blob: bytes) -> list[int]:
    return np.frombuffer(blob, dtype=np.int32).tolist()


def stored_focal(store: Store, docs: list[int]) -> dict[int, list[str]]:
    """``doc -> focal names`` (:attr:`Features.focal`) as the store's story tables keep them."""
    held = {d: _ints(f) for d, _, f, _ in store.story_vectors(docs)}
    term = store.story_terms(sorted({t for ts in held.values() for t in ts}))
    return {d: [term[t] for t in ts if t in term] for d, ts in held.items()}


def labels(groups: Iterable[Iterable[int]]) -> dict[int, int]:
    """Each doc's group, named by its smallest doc."""
    out = {}
    for g in groups:
        g = list(g)
        label = min(g)
        out.update(dict.fromkeys(g, label))
    return out


def stored_basis(store: Store) -> Basis | None:
    """The basis the stored story weights were taken over (None when there is none)."""
    n = store.story_basis()
    if n is None:
        return None
    rows = store.story_vocab_rows()
    df = np.zeros(len(rows), dtype=np.int64)
    cut = np.zeros(len(rows), dtype=bool)
    vocab = {}
    for term, k, d, c in sorted(rows, key=itemgetter(1)):
        vocab[term], df[k], cut[k] = k, d, bool(c)
    return Basis(n, df, cut, vocab)


def full_state(
    store: Store, basis: Basis | None = None, gathered: tuple[TermRows, list[int]] | None = None
) -> dict:
    """Everything :meth:`Store.add_stories` keeps, computed from scratch: with a new basis,
    or with ``basis`` (what an update must equal). ``gathered``: the rows of the stored
    features (with no basis) and their docs, in doc order, as the caller gathered them
    (:func:`storytrace.corpus.update_stories` checks they are every stored article's)."""
    ids = store.ids()
    docs: list[int] = [] if gathered is None else gathered[1]

    def rows() -> Iterator[tuple[str, dict, list, list]]:
        for d, value in store.iter_features():
            if d in ids:
                terms, focal, years = json.loads(value)
                docs.append(d)
                yield ids[d], terms, focal, years

    when = store.published_of()
    # Read with the texts beside them (one row each): the articles' pages mapped in for it
    # are given back before the features are read.
    store.release_memory()
    published = {ids[d]: p for d, p in when.items()}
    if gathered is None:
        t = score_table(rows(), basis=basis, published=published)
    else:
        t = score_rows(gathered[0], basis=basis, published=published)
    store.release_memory()  # every article's features, read through the memory map
    holders = quote_holders(store, ids)
    links = story_links(store.edge_facts()) + quote_links(quote_groups(holders), when)
    doc_of = dict(zip(t.ids, docs, strict=True))
    id_links = [(ids[a], ids[b]) for a, b in links]
    # Each step gets only the pairs that can change its result, not a dict of every pair
    # (2.2 million at 100,000 synthetic articles, with average-link's and attach's own
    # structures over all of them: the largest memory of ``index``). The parts: the pairs
    # scoring at least their bound. Average-link: the pairs inside a part, since it never
    # joins two parts (:func:`parts`) and a mean across two stays below its threshold.
    # Attach: the pairs between a small group and a larger one, the only ones it counts.
    # Each dict keeps the pairs in row order, so every sum adds in the same order.
    pt = parts(t.ids, t.scores(t.score >= AVERAGE_LINK * (1 - PART_MARGIN)), AVERAGE_LINK, id_links)
    row_of = {i: k for k, i in enumerate(t.ids)}
    in_part = _group_numbers(pt, row_of)
    al = average_link(t.ids, t.scores(in_part[t.r] == in_part[t.c]), AVERAGE_LINK, id_links)
    # Attach: :func:`attach`'s choices, made on the arrays of the pairs between a small group
    # and a larger one (:func:`attach_choices`, the update's), then its lead-name check: at
    # 100,000 a dict of those pairs and a list per small group cost 1.3 CPU s.
    in_group = _group_numbers(al, row_of)
    sizes = [len(g) for g in al]
    large = np.asarray(sizes, dtype=np.int64)[in_group] > ATTACH_SIZE
    between = large[t.r] != large[t.c]
    chosen = attach_choices(
        t.r[between],
        t.c[between],
        t.score[between],
        dict(enumerate(in_group.tolist())),
        dict(enumerate(sizes)),
        [k for k, n in enumerate(sizes) if n <= ATTACH_SIZE],
        dict(enumerate(min(g) for g in al)),
    )
    calendar = [t.basis.vocab[w] for w in sorted(CALENDAR) if w in t.basis.vocab]

    def named(k: int) -> set:
        return set().union(*(lead_names(t.focal[row_of[i]], calendar) for i in al[k]))

    chosen = {k: h for k, h in chosen.items() if not named(k).isdisjoint(named(h))}
    uf = UnionFind()
    for a, b in links:
        uf.union(a, b)
    grp = labels([doc_of[i] for i in g] for g in al)
    part = labels([doc_of[i] for i in g] for g in pt)
    link = labels(uf.groups(docs))
    size = {g: 0 for g in grp.values()}
    for g in grp.values():
        size[g] += 1
    story = {}
    for k, g in enumerate(al):
        story.update(dict.fromkeys((doc_of[i] for i in g), grp[doc_of[al[chosen.get(k, k)][0]]]))
    basis = t.basis
    cols = t.x.tocsc()
    cols.sort_indices()
    doc_arr = np.asarray(docs, dtype=np.int64)
    post = [
        (
            term,
            0,
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
        "story_pair": _pair_rows(doc_arr[t.r], doc_arr[t.c], t.score),
        "story_of": [(d, story[d], grp[d], part[d], link[d], size[grp[d]]) for d in docs],
        "quote_link": quote_link_rows(holders),
    }


def _group_numbers(groups: list[list[str]], row_of: Mapping[str, int]) -> np.ndarray:
    """Each row's group (its index in ``groups``, which hold every row once), assigned in one
    step: an assignment per group cost about 0.15 CPU s at 100,000 articles."""
    out = np.zeros(len(row_of), dtype=np.int64)
    sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
    rows = [row_of[i] for g in groups for i in g]
    out[np.asarray(rows, dtype=np.int64)] = np.repeat(np.arange(len(groups)), sizes)
    return out


def _pair_rows(a: np.ndarray, b: np.ndarray, score: np.ndarray) -> Iterator[tuple]:
    """The rows ``(a, b, score)`` of three arrays, made a part at a time as they are read: a
    list of all of them (2.2 million pairs at 100,000 articles, with their Python numbers)
    held 300 MB until stored."""
    for lo in range(0, len(a), 1 << 16):
        part = slice(lo, lo + (1 << 16))
        yield from zip(a[part].tolist(), b[part].tolist(), score[part].tolist(), strict=True)


_HELD_PART = 4096
"""Stored docs whose term ids :func:`_update_scores` takes at a time."""

_PRODUCT_ROWS = 128
"""New articles whose cosines :func:`update_state` computes at a time."""


def _update_scores(
    a: np.ndarray,
    b: np.ndarray,
    cos: np.ndarray,
    new: np.ndarray,
    held_new: np.ndarray,
    terms_: Terms,
    focal: Mapping[int, frozenset[int]],
    years: Mapping[int, frozenset[int]],
    store: Store,
) -> np.ndarray:
    """:func:`pair_score` of each pair ``(a[k], b[k])`` (``b`` new) with cosine ``cos[k]``,
    on arrays as :func:`score_table` computes them: the stored docs' term ids come
    from their stored vectors, the ``new`` docs' from ``held_new`` (``terms_``' rows), the
    publication instants from the articles (read only when a new doc has one: a pair
    without one is never :func:`far_apart`)."""
    olds = np.setdiff1d(unique_sorted(a), new, assume_unique=True)  # new: distinct docs
    vs = [v[1:] for v in store.story_vectors(olds.tolist())]
    docs = np.concatenate((olds, new))
    order = np.argsort(docs, kind="stable")
    ra, rb = (order[np.searchsorted(docs[order], x)] for x in (a, b))
    size, n_old = terms_.size, len(olds)

    def blobs(k: int) -> tuple[np.ndarray, np.ndarray]:
        """The old rows' ``k``-th vector blobs, joined (int32), and each one's length."""
        col = [v[k] for v in vs]
        flat = np.frombuffer(b"".join(col), dtype=np.int32)
        return flat, np.fromiter(map(len, col), dtype=np.int64, count=n_old) // 4

    names_new = [np.asarray(sorted(focal[d]), dtype=np.int64) for d in new.tolist()]
    names_old, lens_old = blobs(1)
    flat = np.concatenate((names_old.astype(np.int64), *names_new))
    lens = np.concatenate((lens_old, [len(f) for f in names_new])).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lens)))[:-1]
    # A stored doc pairs only with new ones here, so of its terms only the new docs' focal
    # names are ever looked up: the others are left out of the sorted keys. The stored
    # terms are taken a few thousand docs at a time, each part's keys sorted on their own
    # (its rows lie above the part before), so that no array of all their 5 million terms
    # is made (at 100,000, a tenth of the update's CPU went to the kernel's fresh pages).
    wanted = np.zeros(size, dtype=bool)
    wanted[np.concatenate((np.zeros(0, dtype=np.int64), *names_new))] = True
    keys = []
    for lo in range(0, n_old, _HELD_PART):
        col = [v[0] for v in vs[lo : lo + _HELD_PART]]
        held_old = np.frombuffer(b"".join(col), dtype=np.int32)
        at = np.flatnonzero(wanted[held_old])
        ends = np.cumsum(np.fromiter(map(len, col), dtype=np.int64, count=len(col)) // 4)
        keys.append(np.sort((lo + np.searchsorted(ends, at, side="right")) * size + held_old[at]))
    rows_new = np.repeat(np.arange(n_old, len(docs), dtype=np.int64), terms_.lengths)
    # Of a new doc's terms, likewise, only the focal names of a doc it may pair with.
    asked = np.zeros(size, dtype=bool)
    asked[flat] = True
    mine = asked[held_new]
    keys.append(np.sort(rows_new[mine] * size + held_new[mine]))
    held = np.concatenate((np.zeros(0, dtype=np.int64), *keys))
    m = np.maximum(
        _missing_share(ra, rb, flat, lens, starts, held, size),
        _missing_share(rb, ra, flat, lens, starts, held, size),
    )
    score = cos * (1 - FOCAL_PENALTY * m)

    def yrs(r: int) -> frozenset[int]:
        return frozenset(_ints(vs[r][2])) if r < n_old else years[int(new[r - n_old])]

    dated = np.concatenate(
        (
            np.fromiter(map(len, [v[2] for v in vs]), dtype=np.int64, count=n_old) > 0,
            np.asarray([bool(years[d]) for d in new.tolist()], dtype=bool),
        )
    )
    for k in np.flatnonzero(dated[ra] & dated[rb]).tolist():
        if not yrs(ra[k]) & yrs(rb[k]):
            score[k] *= 1 - YEAR_PENALTY
    published = store.published_of(new.tolist())
    if any(published.values()):
        published |= store.published_of(olds.tolist())
        score[_far_pairs(ra, rb, map(published.get, docs.tolist()))] = 0.0
    return score


def _sorted_runs(*runs: list[tuple]) -> list[tuple]:
    """The distinct rows of a few sorted lists, sorted (what ``sorted(set(...))`` gives): a
    sort of the joined runs only merges them, where rows in a set's hash order cost a full
    sort (at 100,000, more than reading them from the store)."""
    out = list(chain.from_iterable(runs))
    out.sort()
    return list(dict.fromkeys(out))


def _named_choices(
    store: Store,
    chosen: dict[int, int],
    deciding: Mapping[int, list[int]],
    regrouped: Mapping[int, set[int]],
    focal: Mapping[int, frozenset[int]],
    terms_: Terms,
) -> dict[int, int]:
    """Of ``chosen`` (small group -> nearest larger group), the choices :func:`attach` keeps:
    where a member of the small group and a member of the larger one share a lead name
    (:func:`lead_names`). ``regrouped``: the members of the groups this update made;
    ``focal``: the new articles' focal term ids (the others' are read from the store)."""
    if not chosen:
        return chosen
    targets = sorted(set(chosen.values()))
    members = {h: set(regrouped[h]) for h in targets if h in regrouped}
    for d, r in store.story_rows_by("grp", [h for h in targets if h not in members]).items():
        members.setdefault(r[1], set()).add(d)
    docs = {d for g in chosen for d in deciding[g]} | set().union(*members.values())
    ids = {d: frozenset(_ints(f)) for d, _, f, _ in store.story_vectors(sorted(docs - set(focal)))}
    ids |= {d: focal[d] for d in docs if d in focal}
    calendar = {v[0] for v in store.story_vocab(sorted(CALENDAR)).values()}
    calendar |= {terms_.vocab[w] for w in CALENDAR if w in terms_.vocab}

    def names(ds: Iterable[int]) -> set[int]:
        return set().union(*(lead_names(ids.get(d, ()), calendar) for d in ds))

    return {g: h for g, h in chosen.items() if not names(deciding[g]).isdisjoint(names(members[h]))}


class _Firsts(dict):
    """Stored groups' smallest article ids, read from the store when first asked for:
    :func:`attach_choice` asks only on a tie."""

    def __init__(self, store: Store, known: Mapping[int, str]) -> None:
        super().__init__(known)
        self.store = store

    def __missing__(self, group: int) -> str:
        first = self[group] = self.store.group_sizes([group])[group][1]
        return first


def update_state(store: Store, new: list[int], n0: int) -> dict | None:
    """The rows :meth:`Store.add_stories` adds for the ``new`` docs, scored against the
    stored basis; None when that cannot be exact (a quote crossed ``fp.MAX_DF``
    holders, so links among stored articles went away): then group anew."""
    from scipy import sparse

    new_set = set(new)
    feats = {d: json.loads(v) for d, v in store.features_of(new).items()}
    new = [d for d in new if d in feats]
    words: set[str] = set()
    for d in new:
        for part in feats[d]:
            words.update(part)  # at C speed: 0.013 CPU s, a comprehension 0.02
    known = store.story_vocab(sorted(words))
    terms_ = Terms({w: v[0] for w, v in known.items()}, store.story_vocab_size())
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
    x_new = terms_.tfidf(TOP_TERMS, (n0, df))
    x_new.sort_indices()
    ends = np.concatenate(([0], np.cumsum(np.asarray(terms_.lengths, dtype=np.int64))))
    held_all = np.asarray(terms_.terms, dtype=np.int64)
    held = {d: held_all[ends[k] : ends[k + 1]] for k, d in enumerate(new)}

    # Cosines of each new article with every stored or new article sharing a kept term: the
    # new rows times the kept terms' postings (a row per term: its stored articles and the
    # new ones). Each sum adds the terms in column order, as the full product adds the
    # earlier article's (the two factors of each term commute), so the scores are the same
    # bits. An article's entries lie in one part of the postings (the stored ones of the
    # last computation anew, of each update since, the new articles'), so the product is
    # taken with each part apart, and no part is merged into another term by term: at
    # 100,000, joining the 14,798 terms' stored and new entries cost about 0.05 CPU s.
    cols = unique_sorted(x_new.indices)
    cols = cols[~cut[cols]]
    new_arr = np.asarray(new, dtype=np.int64)
    right = x_new[:, cols].tocsr()
    right.sort_indices()
    by_term = right.T.tocsr()  # the new articles' entries, a row per term
    parts_t = [
        *store.story_posting_parts(cols),
        (by_term.indptr, new_arr[by_term.indices], by_term.data.astype(np.float64)),
    ]
    width = int(max((d.max(initial=0) for _, d, _ in parts_t), default=0)) + 1
    lefts = [
        sparse.csr_matrix((w, d, indptr), shape=(len(cols), width)) for indptr, d, w in parts_t
    ]
    # A few new rows at a time: each row's cosines are its own sums, and at 100,000 the
    # whole product held 3.2 million entries (about 100 MB of arrays made and dropped, most
    # under the threshold), where the rows at a time reuse a few MB.
    found = []
    for lo in range(0, right.shape[0], _PRODUCT_ROWS):
        for left_t in lefts:
            prod = (right[lo : lo + _PRODUCT_ROWS] @ left_t).tocoo()
            close = prod.data >= CANDIDATE_LINK
            found.append((prod.row[close] + lo, prod.col[close].astype(np.int64), prod.data[close]))
    j, a_docs, cos = (
        np.concatenate([np.zeros(0, dtype=t), *(f[k] for f in found)])
        for k, t in enumerate((np.int64, np.int64, np.float64))
    )
    b_docs = new_arr[j]
    # In pair order (the rows come by new article): the pairs' sort below is then a merge.
    order = np.lexsort((b_docs, a_docs))
    a_docs, b_docs, cos = a_docs[order], b_docs[order], cos[order]
    keep = a_docs < b_docs
    sa, sb = a_docs[keep], b_docs[keep]
    ss = _update_scores(sa, sb, cos[keep], new_arr, held_all, terms_, focal, years, store)
    pairs = list(zip(sa.tolist(), sb.tolist(), ss.tolist(), strict=True))  # sorted

    def pairs_at(docs: Collection[int], both: bool = False) -> list[tuple[int, int, float]]:
        """The new pairs with an end (``both``: both ends) in ``docs``, sorted: picked on
        the arrays (four passes over the 46,000 tuples at 100,000 cost about 0.04 CPU s)."""
        at = np.fromiter(docs, dtype=np.int64, count=len(docs))
        in_a, in_b = np.isin(sa, at), np.isin(sb, at)
        m = in_a & in_b if both else in_a | in_b
        return list(zip(sa[m].tolist(), sb[m].tolist(), ss[m].tolist(), strict=True))

    # Links: reuse of a new article, and quotes it shares.
    links = story_links(store.edge_facts(new))
    mine: dict[str, set[int]] = {}
    for d, parts in stored_utterances(store.quotes_of(new)):
        for k in utterance_keys(parts):
            mine.setdefault(k, set()).add(d)
    anchors: dict[str, set[int]] = {}
    for k, ds in mine.items():
        for a in quote_anchors(k):
            anchors.setdefault(a, set()).update(ds)
    before = store.quote_holders(sorted(mine) + sorted(anchors))
    for k, ds in chain(mine.items(), anchors.items()):
        old = set(before.get(k, ()))
        if len(old) <= fp.MAX_DF < len(old | ds):
            return None
    holders = {k: set(before.get(k, ())) | ds for k, ds in mine.items()}
    # Stored keys that may be variants of a new article's: those sharing an anchor few
    # enough articles hold (as in a computation anew), with all their holders.
    rare = {a for a, ds in anchors.items() if len(set(before.get(a, ())) | ds) <= fp.MAX_DF}
    near = sorted({d for a in rare for d in before.get(a, ())})
    others = {
        k
        for _, parts in stored_utterances(store.quotes_of(near))
        for k in utterance_keys(parts)
        if k not in holders and rare.intersection(quote_anchors(k))
    }
    holders |= {k: set(ds) for k, ds in store.quote_holders(sorted(others)).items()}
    holding = list(holders[k] for k in mine) + [
        holders[a] | holders[b] for a, b, _ in quote_variants(holders, holders, mine, rare)
    ]
    when = store.published_of(sorted(set().union(*holding))) if holding else {}
    links += quote_links(holding, when)

    # The parts a new article joins, and everything in them.
    bound = AVERAGE_LINK * (1 - PART_MARGIN)
    high = ss >= bound
    strong = list(zip(sa[high].tolist(), sb[high].tolist(), strict=True)) + links
    near = sorted({d for p in strong for d in p} - new_set)
    was = store.story_rows_by("part", sorted({r[2] for r in store.story_rows(near).values()}))
    touched = sorted(set(was) | new_set)
    tset = set(touched)
    uf_part, uf_link = UnionFind(), UnionFind()
    for d, (_, _, p, lk, _) in was.items():
        uf_part.union(d, p)
        uf_link.union(d, lk)
    for a, b in strong:
        uf_part.union(a, b)
    for a, b in links:
        uf_link.union(a, b)
    stored_pairs = store.story_pairs(list(was))
    inside = _sorted_runs(
        [(a, b, s) for a, b, s in stored_pairs if a in tset and b in tset],
        pairs_at(tset, both=True),
    )
    ids = store.ids_of(touched)
    al = average_link(
        [ids[d] for d in touched],
        {(ids[a], ids[b]): s for a, b, s in inside},
        AVERAGE_LINK,
        [(ids[lk], ids[d]) for d, (_, _, _, lk, _) in was.items()]
        + [(ids[a], ids[b]) for a, b in links],
    )
    doc_of = {v: k for k, v in ids.items()}
    grp = labels([doc_of[i] for i in g] for g in al)
    part = labels(uf_part.groups(touched))
    link = labels(uf_link.groups(touched))
    info = {}  # group -> (size, smallest id)
    for g in al:
        info[grp[doc_of[g[0]]]] = (len(g), min(g))

    # Small groups decide again where they attach when they are new or changed, or when
    # one of their pairs reaches a larger group that changed (or stopped being larger):
    # one that kept exactly its members offers them what it offered before.
    small = ATTACH_SIZE
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
    # The stored pairs of the changed larger groups' stored members: among those of the
    # parts, as such a member was in a part a new article joins.
    reach = [p for p in stored_pairs if p[0] in large or p[1] in large]
    reach += pairs_at(large)
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
    close = ATTACH * (1 - 1e-9)
    again = {o for o, r in rows_out.items() if r[0] != r[1] and r[0] in changed}
    again |= {o for (o, g), total in offer.items() if total / info[g][0] >= close}
    smalls_out = sorted({rows_out[o][1] for o in again if rows_out[o][4] <= small})
    kept = store.story_rows_by("grp", smalls_out)
    for d, r in kept.items():
        deciding.setdefault(r[1], []).append(d)
    group_of = {d: r[1] for d, r in kept.items()} | grp
    # Only the deciding groups' pairs are counted below, so only their members' are read
    # (not every touched article's: at 100,000, 76,059 pairs instead of 90,600 for 1,000 new).
    # A kept group that attached nowhere may have found its nearest group too far or without
    # a lead name in common (:func:`attach`): an unchanged nearest group still beats a changed
    # one that comes closer now, so all its pairs are read.
    members = {d for ds in deciding.values() for d in ds}
    # Of the other articles, only those in larger groups can be attached to: the pairs with
    # the rest count for no group (a sum per group, so the others' are unchanged), and the
    # store leaves them out (at 100,000, 5,464 of 21,659 stored pairs read, the others'
    # group sizes with them).
    mine_stored, rows_nb = store.story_pairs_near(
        sorted(members - new_set), sorted(group_of), small
    )
    mine_pairs = _sorted_runs(mine_stored, pairs_at(members))
    pa, pb, ps = _columns(mine_pairs)
    known_docs = [*group_of, *rows_nb]
    rows_nb |= store.story_rows(
        np.setdiff1d(
            unique_sorted(np.concatenate((pa, pb))),
            np.fromiter(known_docs, dtype=np.int64, count=len(known_docs)),
            assume_unique=True,
        ).tolist(),
        larger_than=small,
    )
    size_of = {r[1]: r[4] for r in (*rows_nb.values(), *kept.values())}
    size_of |= {g: n for g, (n, _) in info.items()}
    group_of |= {d: r[1] for d, r in rows_nb.items()}
    first_of = _Firsts(store, {g: f for g, (_, f) in info.items()})
    chosen = attach_choices(pa, pb, ps, group_of, size_of, deciding, first_of)
    chosen = _named_choices(store, chosen, deciding, after, focal, terms_)
    story = {d: grp[d] for d in touched}
    for g, ds in deciding.items():
        story.update(dict.fromkeys(ds, chosen.get(g, g)))

    # Rows to add: the new articles' weights, as a part of the postings of their own, one row
    # for all their terms (the stored parts are left as they are).
    xc = x_new[:, cols].tocsc()
    xc.sort_indices()
    new_arr = np.asarray(new, dtype=np.int64)
    held_cols = np.diff(xc.indptr) > 0
    add_post = (
        [
            (
                int(new_arr.min()),
                cols[held_cols].astype(np.int64).tobytes(),
                xc.indptr[1:][held_cols].astype(np.int64).tobytes(),
                new_arr[xc.indices].tobytes(),
                xc.data.tobytes(),
            )
        ]
        if xc.nnz
        else []
    )
    rows_of = {d: (story[d], grp[d], part[d], link[d], size[d]) for d in touched}
    rows_of |= {d: (story[d], *kept[d][1:]) for d in kept}
    return {
        "n": n0,
        "story_vocab": [(w, k, 0, 0) for w, k in terms_.vocab.items() if w not in known],
        "story_post_new": add_post,
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
        "story_of_before": was | kept,
        "quote_link": quote_link_rows(mine),
    }
