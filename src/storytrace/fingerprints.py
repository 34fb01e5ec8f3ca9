"""Fingerprints: find which articles may share text without comparing every pair.

Pure functions over plain data, so the local store and the Spark job
(:mod:`storytrace.spark`, inside ``mapPartitions``) call the same code.

* :func:`fingerprint` hashes every normalised word 5-gram of a text
  (``Doc(text).norms``) with xxhash64 into a signed 64-bit int and keeps the
  content-defined sample whose hash is ``0 mod SAMPLE`` (1 in 4). Identical
  passages keep identical samples, so a shared passage of about 40 words
  still shares several fingerprints, while storage drops fourfold. Hashes are
  the same in every process and on every machine (never Python's ``hash()``).
* :func:`candidate_pairs` turns postings (fingerprint -> articles holding it)
  into candidate pairs with their count of shared fingerprints. Fingerprints
  held by more than ``max_df`` articles are boilerplate ("said in a statement
  on", agency sign-offs) and are dropped, which also bounds the work per
  fingerprint: the total cost grows with the number of postings, about N, not
  with N squared.
* :func:`minhash` and :func:`lsh_keys` give near-duplicate candidates:
  articles whose fingerprint sets have Jaccard similarity above about 0.5
  share at least one band key with high probability.

Example:
    >>> shared = "the plan would cut hospital waiting lists by half before the end of next year"
    >>> fa = fingerprint("The minister said " + shared)
    >>> fb = fingerprint("Critics doubted that " + shared)
    >>> pairs = candidate_pairs([(h, "a") for h in fa] + [(h, "b") for h in fb], max_df=10)
    >>> pairs[("a", "b")] >= 1
    True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import numpy as np
import xxhash

from storytrace.text import Doc

NGRAM = 5
"""Words per shingle."""

SAMPLE = 4
"""Keep the shingles whose hash is 0 modulo this (content-defined sampling)."""

MAX_DF = 50
"""Default: fingerprints in more articles than this are boilerplate and ignored."""

MIN_SHARED = 2
"""Default: fewest shared fingerprints that make a candidate pair."""

NUM_PERM = 64
"""MinHash signature length."""

BANDS = 16
"""LSH bands (of ``NUM_PERM // BANDS`` rows each): Jaccard 0.5 pairs collide with p ~ 0.65,
0.8 pairs with p ~ 1.0."""

_MASK64 = (1 << 64) - 1


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
    norms = Doc(text).norms
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


def fingerprint(text: str, n: int = NGRAM, sample: int = SAMPLE) -> list[int]:
    """Sorted distinct sampled shingle hashes of ``text`` (signed 64-bit ints).

    Sampling is by hash value, so the same passage in two articles keeps the
    same fingerprints wherever it stands. A text too short to keep any
    sampled shingle keeps its smallest one.
    """
    all_h = shingles(text, n)
    if not all_h:
        return []
    kept = {x for x in all_h if x % sample == 0}
    if not kept:
        kept = {min(all_h)}
    return sorted(kept)


def candidate_pairs(
    postings: Mapping[int, Iterable[str]] | Iterable[tuple[int, str]],
    max_df: int = MAX_DF,
    min_shared: int = 1,
    new: set[str] | None = None,
) -> Counter[tuple[str, str]]:
    """Count shared fingerprints per pair of articles, ignoring frequent fingerprints.

    ``postings`` maps a fingerprint to the ids holding it, or is an iterable of
    ``(fingerprint, id)`` rows. Pairs are ``(smaller id, larger id)``. With
    ``new``, only pairs touching at least one of those ids are counted (an
    incremental run). Pairs sharing fewer than ``min_shared`` fingerprints are
    dropped.
    """
    if not isinstance(postings, Mapping):
        grouped: dict[int, list[str]] = defaultdict(list)
        for h, i in postings:
            grouped[h].append(i)
        postings = grouped
    counts: Counter[tuple[str, str]] = Counter()
    for ids in postings.values():
        members = sorted(set(ids))
        if len(members) < 2 or len(members) > max_df:
            continue
        for x, a in enumerate(members):
            a_new = new is None or a in new
            for b in members[x + 1 :]:
                if a_new or b in new:  # type: ignore[operator]
                    counts[(a, b)] += 1
    if min_shared > 1:
        counts = Counter({p: c for p, c in counts.items() if c >= min_shared})
    return counts


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
    # Signed 64-bit ints reinterpreted as unsigned: the same bits as ``x & _MASK64``.
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


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    """Jaccard similarity of two fingerprint sets."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def group_by_key(rows: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    """Postings from ``(key, id)`` rows (for LSH band keys or fingerprints)."""
    out: dict[int, list[str]] = defaultdict(list)
    for k, i in rows:
        out[k].append(i)
    return out


def estimated_jaccard(sig_a: Iterable[int], sig_b: Iterable[int]) -> float:
    """Share of equal MinHash positions: an estimate of the shingle-set Jaccard."""
    a, b = list(sig_a), list(sig_b)
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else 0.0


def near_duplicate_pairs(
    signatures: Mapping[str, list[int]], threshold: float = 0.5, bands: int = BANDS
) -> set[tuple[str, str]]:
    """Pairs sharing an LSH band key whose estimated Jaccard is at least ``threshold``."""
    buckets = group_by_key((k, i) for i, sig in signatures.items() for k in lsh_keys(sig, bands))
    out: set[tuple[str, str]] = set()
    for ids in buckets.values():
        members = sorted(set(ids))
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if (a, b) not in out and (
                    estimated_jaccard(signatures[a], signatures[b]) >= threshold
                ):
                    out.add((a, b))
    return out
