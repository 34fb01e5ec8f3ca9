"""Fingerprints: find which articles may share text without comparing every pair.

Pure functions over plain data, so the local store and the Spark job
(:mod:`storytrace.spark`, inside ``mapPartitions``) call the same code.

* :func:`fingerprint` hashes every normalised word 5-gram of a text
  (``Doc(text).norms``) with xxhash64 into a signed 64-bit int and keeps a
  winnowed sample (Schleimer, Wilkerson and Aiken 2003): in every window of
  ``WINDOW`` consecutive shingles, the smallest hash. The choice inside a
  window depends on that window's words only, so two texts sharing a run of
  words keep the same fingerprints for every window inside the run.
  **Guarantee**: windows that do not overlap pick different positions, so a
  shared run of ``GUARANTEED_WORDS`` = 14 words (10 shingles, two disjoint
  windows of 5) always shares at least ``MIN_SHARED`` = 2 fingerprints
  (fewer only if the run repeats one of its own 5-grams), and any shared
  run of ``NGRAM + WINDOW - 1`` = 9 words shares at least one. About
  2 / (WINDOW + 1) = 1 in 3 shingles is kept. Hashes are the same in every
  process and on every machine (never Python's ``hash()``).
* Candidate pairs are articles sharing at least ``MIN_SHARED`` fingerprints
  held by at most ``MAX_DF`` articles (more are boilerplate: "said in a
  statement on", agency sign-offs); the store and the Spark job apply that
  rule to these fingerprints (:mod:`storytrace.corpus`, :mod:`storytrace.spark`),
  so any sentence of 14 words or more (15 with room to spare) lifted word
  for word into another article makes the pair a candidate.
* :func:`minhash` and :func:`lsh_keys` give near-duplicate candidates:
  articles whose fingerprint sets have Jaccard similarity above about 0.5
  share at least one band key with high probability.

Example:
    >>> shared = "the plan would cut hospital waiting lists by half before the end of next year"
    >>> fa = fingerprint("The minister said " + shared)
    >>> fb = fingerprint("Critics doubted that " + shared)
    >>> len(set(fa) & set(fb)) >= 1
    True
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import xxhash

from storytrace.text import doc_of

NGRAM = 5
"""Words per shingle."""

WINDOW = 5
"""Shingles per winnowing window: the smallest hash of each window is kept."""

MAX_DF = 50
"""Default: fingerprints in more articles than this are boilerplate and ignored."""

MIN_SHARED = 2
"""Fewest shared fingerprints that make a candidate pair."""

GUARANTEED_WORDS = NGRAM - 1 + MIN_SHARED * WINDOW
"""A shared run of this many words always shares ``MIN_SHARED`` fingerprints (14)."""

NUM_PERM = 64
"""MinHash signature length."""

BANDS = 16
"""LSH bands (of ``NUM_PERM // BANDS`` rows each): Jaccard 0.5 pairs collide with p ~ 0.65,
0.8 pairs with p ~ 1.0."""

PARAMETERS = {
    "hash": "xxh64-words-v1",
    "ngram": NGRAM,
    "sampling": "winnow",
    "window": WINDOW,
    "num_perm": NUM_PERM,
    "bands": BANDS,
    "max_df": MAX_DF,
    "min_shared": MIN_SHARED,
}
"""Everything that decides which fingerprints and candidates an index holds: the
store records it and refuses to mix an index built with other values."""


def _signed(h: int) -> int:
    return h - (1 << 64) if h >= 1 << 63 else h


_WORDS: dict[str, int] = {}


def _word_hash(w: str) -> int:
    # News vocabulary repeats: a dict look-up is cheaper than hashing again.
    h = _WORDS.get(w)
    if h is None:
        if len(_WORDS) > 2_000_000:
            _WORDS.clear()
        h = _WORDS[w] = xxhash.xxh64_intdigest(w.encode())
    return h


def shingles(text: str, n: int = NGRAM) -> list[int]:
    """All word n-gram hashes of ``text`` (signed 64-bit), in text order.

    A text shorter than ``n`` words yields one shingle of all its words, so
    short articles still have an identity. Each word is hashed once (xxhash64)
    and the n-gram hash is an order-sensitive numpy combination of its words'
    hashes, which is several times faster than hashing every n-gram string.
    """
    norms = doc_of(text).norms  # the shared Doc: index and compare tokenise a text once
    if not norms:
        return []
    n = min(n, len(norms))
    h = np.fromiter((_word_hash(w) for w in norms), dtype=np.uint64, count=len(norms))
    m = len(h) - n + 1
    acc = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            acc = (acc ^ h[k : k + m]) * np.uint64(0x9E3779B97F4A7C15)
            acc ^= acc >> np.uint64(29)
    return acc.view(np.int64).tolist()


def fingerprint(text: str, n: int = NGRAM, window: int = WINDOW) -> list[int]:
    """Sorted distinct winnowed shingle hashes of ``text`` (signed 64-bit ints).

    The same passage in two articles keeps the same fingerprints wherever it
    stands (see the module's guarantee). A text of fewer than ``window``
    shingles keeps its smallest one.
    """
    return sample_of(shingles(text, n), window)


def sample_of(all_h: list[int], window: int = WINDOW) -> list[int]:
    """The sorted distinct winnowed sample of shingle hashes ``all_h`` (in text order).

    >>> sample_of([9, 4, 7, 8, 6, 5, 3], window=3)
    [3, 4, 5, 6]
    """
    if not all_h:
        return []
    h = np.asarray(all_h, dtype=np.int64)
    if len(h) <= window:
        return [int(h.min())]
    # The smallest hash of each window (its leftmost position on a tie).
    at = np.lib.stride_tricks.sliding_window_view(h, window).argmin(axis=1)
    at += np.arange(len(at))
    return np.unique(h[at]).tolist()


# MinHash permutations h -> (a*h + b) mod p over 61-bit Mersenne prime, fixed
# seeds so signatures agree across processes and runs.
_PRIME = (1 << 61) - 1
_rng = np.random.Generator(np.random.PCG64(20261123))
_A = _rng.integers(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=NUM_PERM, dtype=np.uint64)


def minhash(hashes: Iterable[int], num_perm: int = NUM_PERM) -> list[int]:
    """MinHash signature (``num_perm`` ints) of a set of shingle hashes.

    Computed on 31-bit folds of the hashes so the affine permutations stay
    inside 64-bit arithmetic.
    """
    # Signed 64-bit ints reinterpreted as unsigned (the same bits).
    arr = np.asarray(list(hashes), dtype=np.int64).view(np.uint64)
    if arr.size == 0:
        return [0] * num_perm
    x = (arr ^ (arr >> np.uint64(31))) & np.uint64((1 << 31) - 1)
    vals = (x[:, None] * _A[None, :num_perm] + _B[None, :num_perm]) % np.uint64(_PRIME)
    return [int(v) for v in vals.min(axis=0)]


def lsh_keys(signature: list[int], bands: int = BANDS) -> list[int]:
    """One signed 64-bit key per band; equal keys mean a near-duplicate candidate."""
    rows = len(signature) // bands
    keys = []
    for b in range(bands):
        band = signature[b * rows : (b + 1) * rows]
        keys.append(_signed(xxhash.xxh64_intdigest((f"{b}:" + ",".join(map(str, band))).encode())))
    return keys
