"""Fingerprints: find which articles may share text without comparing every pair.

Pure functions over plain data, so the local store and the Spark job
(:mod:`storytrace.spark`, inside ``mapPartitions``) call the same code.

* :func:`fingerprint` keeps every word 4-gram of a text (``doc_of(text).norms``),
  hashed with xxhash64 into a signed 64-bit int (``WINDOW`` = 1: no winnowing),
  each word of ``OUTLINE_LETTERS`` = 6 letters or more by its **outline**: its
  length, first and last letter. Its middle letters are left out, as OCR
  misreads them: "minister" and "minlster" are one outline, so a long word
  misread inside counts as unchanged. Shorter words, and words holding a digit,
  are kept whole: outlines of short words join too many words (on
  ``bench/scale.py``'s made-up words of 2-5 letters, all ending in "o", outlines
  of every word multiplied the pairs the candidate step counts by 8), and the
  outline of "120" is that of "150". On BBC text outlines cost little
  precision: outlining every word gave 1% more candidate pairs than exact word
  4-grams on 500 articles (``bench/sentence_reuse.py``, session 33). Hashes
  are the same in every process and on every machine (never Python's ``hash()``).
* Candidate pairs are articles sharing at least ``MIN_SHARED`` = 4
  fingerprints held by at most ``MAX_DF`` articles (more are boilerplate:
  "said in a statement on", agency sign-offs); the store and the Spark job
  apply that rule to these fingerprints (:mod:`storytrace.corpus`,
  :mod:`storytrace.spark`). **Guarantees** (``tests/test_fingerprints.py``;
  a word is *changed* when it is replaced, or misread in its first or last
  letter or its length, or anywhere in a word of under 6 letters or holding a
  digit; a longer word misread inside is not):

  - a shared run of ``GUARANTEED_WORDS`` = 7 words (4 shingles) makes a
    candidate pair: any sentence of 7 words or more lifted into another
    article, whatever letters inside its words of 6 letters or more are misread;
  - so does a shared run of ``NOISY_RUN_WORDS`` = **15 words with any**
    ``NOISY_RUN_CHANGES`` = **2 of them changed**: each changed word breaks at
    most 4 shingles, 12 - 2 x 4 = 4 stay whole;
  - and a run of 15 words or more with **one word in every seven changed**
    (between two changes, 6 unchanged words hold 3 shingles).

  (Fewer shared only if the run repeats one of its own shingles.) Winnowing the
  exact word 4-grams in windows of 2, three shared (until session 33),
  guaranteed one sample per clean run of 6 words: a 15-word sentence edited
  every seventh word, or misread in three words, was found or missed by the
  luck of its hashes (``bench/sentence_reuse.py``).
* Very noisy OCR (first or last letters misread in three or more words of a
  short sentence) can leave fewer whole shingles, so :func:`fingerprint` also
  keeps **shape keys**: a word's shape is its length and first letter, and the
  shape ``SHAPE_NGRAM`` = 7-grams are winnowed (Schleimer, Wilkerson and Aiken
  2003: in every window of ``SHAPE_WINDOW`` = 8 consecutive shingles, the
  smallest hash; windows that do not overlap pick different positions), a
  sparse sample (2 in 9) that adds 5% to the postings. A misread letter keeps a
  word's shape unless it is the first, so a shared run of
  ``SHAPE_GUARANTEED_WORDS`` = 38 words whose words keep their length and first
  letter (last letters misread in any number of them) shares ``MIN_SHARED``
  shape keys; a shorter one counts the shape keys it keeps beside its
  shingles. Shape keys place no words in :func:`query`'s ``at`` (equal shapes
  are not equal words).
* :func:`minhash` and :func:`lsh_keys` give near-duplicate candidates:
  articles whose shingle sets have Jaccard similarity above about 0.5
  share at least one band key with high probability.
* :func:`shingles`, :func:`sample_of` and :func:`minhash` compute on numpy
  arrays, for indexing many texts; :func:`query` gives one text's fingerprints
  and band keys (the same values, tested) in plain Python, so ``storytrace
  match`` does not pay numpy's import (about 45 ms) to look up one article.

Example:
    >>> shared = "the plan would cut hospital waiting lists by half before the end of next year"
    >>> fa = fingerprint("The minister said " + shared)
    >>> fb = fingerprint("Critics doubted that " + shared)
    >>> len(set(fa) & set(fb)) >= 1
    True
"""

from __future__ import annotations

import _thread
import sys
from array import array
from collections import namedtuple
from collections.abc import Iterable
from functools import lru_cache

import xxhash

from storytrace.text import WordMap, doc_of

NGRAM = 4
"""Words per shingle."""

WINDOW = 1
"""Word shingles per winnowing window: 1, every word 4-gram is kept (see the guarantees)."""

MAX_DF = 50
"""Default: fingerprints in more articles than this are boilerplate and ignored."""

MIN_SHARED = 4
"""Fewest shared fingerprints that make a candidate pair."""

GUARANTEED_WORDS = NGRAM - 1 + MIN_SHARED * WINDOW
"""A shared run of this many words always shares ``MIN_SHARED`` fingerprints (7)."""

NOISY_RUN_CHANGES = 2
"""Changed words (replaced or misread) a run of ``NOISY_RUN_WORDS`` may hold."""

NOISY_RUN_WORDS = NGRAM - 1 + MIN_SHARED + NGRAM * NOISY_RUN_CHANGES
"""A shared run of this many words with ``NOISY_RUN_CHANGES`` of them changed, anywhere,
still shares ``MIN_SHARED`` shingles (15): each changed word breaks at most ``NGRAM``."""

OUTLINE_LETTERS = 6
"""Words of fewer letters, and words holding a digit, are their own outline."""

SHAPE_NGRAM = 7
"""Word shapes (length and first letter) per shape shingle."""

SHAPE_WINDOW = 8
"""Shape shingles per winnowing window."""

SHAPE_GUARANTEED_WORDS = SHAPE_NGRAM - 1 + MIN_SHARED * SHAPE_WINDOW
"""A shared run of this many word shapes always shares ``MIN_SHARED`` shape keys (38): a
passage of 38 words with letters misread, though not a word's first."""

NUM_PERM = 64
"""MinHash signature length."""

BANDS = 16
"""LSH bands (of ``NUM_PERM // BANDS`` rows each): Jaccard 0.5 pairs collide with p ~ 0.65,
0.8 pairs with p ~ 1.0."""

PARAMETERS = {
    "hash": "xxh64-outlines-v1",
    "ngram": NGRAM,
    "sampling": "winnow",
    "window": WINDOW,
    "shape_ngram": SHAPE_NGRAM,
    "shape_window": SHAPE_WINDOW,
    "num_perm": NUM_PERM,
    "bands": BANDS,
    "max_df": MAX_DF,
    "min_shared": MIN_SHARED,
}
"""Everything that decides which fingerprints and candidates an index holds: the
store records it and refuses to mix an index built with other values."""

_M64 = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15


def content_hash(text: str) -> str:
    """Hash of an article's text: the key of incremental, idempotent indexing, and how
    ``match`` knows its article is already stored."""
    return xxhash.xxh3_128_hexdigest(text.encode("utf-8"))


def _signed(h: int) -> int:
    return h - (1 << 64) if h >= 1 << 63 else h


def _outline_hash(w: str) -> int:
    if len(w) < OUTLINE_LETTERS or any(c.isdigit() for c in w):
        return xxhash.xxh64_intdigest(f"#{w}".encode())
    return xxhash.xxh64_intdigest(f"{len(w)}:{w[:1]}{w[-1:]}".encode())


# Each word's hash, kept: news vocabulary repeats, and a look-up is cheaper than hashing again.
# These serve the plain-Python query (no numpy); the array path keeps :class:`_WordHashes`.
_OUTLINES = WordMap(_outline_hash, limit=2_000_000)


def shingles(text: str, n: int = NGRAM) -> list[int]:
    """The hashes of every ``n`` consecutive word outlines of ``text`` (signed 64-bit), in
    text order: a word's outline is its length, first and last letter (its middle letters,
    which OCR misreads, are left out); a word of under ``OUTLINE_LETTERS`` letters or
    holding a digit is its own outline.

    A text shorter than ``n`` words yields one shingle of all its words, so
    short articles still have an identity. Each word is hashed once (xxhash64)
    and the n-gram hash is an order-sensitive numpy combination of its words'
    hashes, which is several times faster than hashing every n-gram string.

    >>> shingles("the minister of health") == shingles("the minlster of heaith")
    True
    """
    return _shingles(text, n).tolist()


def _shingles(text: str, n: int = NGRAM):  # numpy arrays, unannotated: see _grams
    import numpy as np

    norms = doc_of(text).norms  # the shared Doc: index and compare tokenise a text once
    if not norms:
        return np.zeros(0, dtype=np.int64)
    words, rows = _word_rows(norms)
    return _grams(words.outline[rows], min(n, len(norms)))


class _WordHashes(dict):
    """Word -> its row in ``outline`` and ``shape`` (uint64 arrays of the word's
    :func:`_outline_hash` and :func:`_shape_hash`), a row added on a word's first look-up:
    one look-up per word serves both hashes, and a small row number reaches numpy faster
    than a 64-bit hash (an article's two hash arrays: 43 against 90-105 µs on
    bench/scale.py's articles). Rows are written before their word is entered, under a
    lock, and the arrays are read after the rows are found (growing copies them), so a
    thread reading while another adds words finds every row it was given."""

    __slots__ = ("lock", "n", "outline", "shape")

    def __init__(self) -> None:
        import threading

        import numpy as np

        super().__init__()
        self.lock = threading.Lock()
        self.n = 0
        self.outline = np.zeros(1 << 12, dtype=np.uint64)
        self.shape = np.zeros(1 << 12, dtype=np.uint64)

    def __missing__(self, word: str) -> int:
        import numpy as np

        hashes = _outline_hash(word), _shape_hash(word)
        with self.lock:
            row = self.n
            if row == len(self.outline):
                more = np.zeros(row, dtype=np.uint64)
                self.outline = np.concatenate((self.outline, more))
                self.shape = np.concatenate((self.shape, more))
            self.outline[row], self.shape[row] = hashes
            self.n = row + 1
            self[word] = row
        return row


_WORD_LIMIT = 2_000_000
"""Words :class:`_WordHashes` keeps before it starts again empty (news vocabulary repeats)."""

_NEW_MAP = _thread.allocate_lock()
"""Held while a new :class:`_WordHashes` replaces the current one (``_thread``: no import cost)."""
_words: list = [None, None]
"""The current word map (made on first use: this module is imported without numpy), and
the last ``(norms, map, rows)`` looked up (a prepared article's shingles and shapes read
the same words)."""


def _word_rows(norms: list[str]):  # numpy arrays, unannotated: see _grams
    """``(map, rows)``: the :class:`_WordHashes` holding ``norms`` and their rows in it."""
    import numpy as np

    last = _words[1]
    if last is not None and last[0] is norms:
        return last[1], last[2]
    words = _words[0]
    if words is None or len(words) >= _WORD_LIMIT:
        # Under a lock: threads starting together each made a map of their own, and the
        # words of all but the last one made were lost to later look-ups.
        with _NEW_MAP:
            words = _words[0]
            if words is None or len(words) >= _WORD_LIMIT:
                words = _words[0] = _WordHashes()
    rows = np.fromiter(map(words.__getitem__, norms), dtype=np.intp, count=len(norms))
    _words[1] = (norms, words, rows)
    return words, rows


def _shape_hash(w: str) -> int:
    # A shape never equals a word's norm (no norm holds a control character).
    return xxhash.xxh64_intdigest(f"\x00{len(w)}:{w[0]}".encode())


_SHAPES = WordMap(_shape_hash, limit=2_000_000)


def shapes(text: str) -> list[int]:
    """All word-shape ``SHAPE_NGRAM``-gram hashes of ``text`` (signed 64-bit), in text
    order: each word's shape is its length and first letter. None for a text of fewer
    than ``SHAPE_NGRAM`` words (so few shapes would match unrelated short texts).

    >>> shapes("Victory for the Azzurri in Rome last year") == shapes(
    ...     "Victory for the Azzurhi in Rome last yeaf")
    True
    """
    return _shapes(text).tolist()


def _shapes(text: str):  # numpy arrays, unannotated: see _grams
    import numpy as np

    norms = doc_of(text).norms
    if len(norms) < SHAPE_NGRAM:
        return np.zeros(0, dtype=np.int64)
    words, rows = _word_rows(norms)
    return _grams(words.shape[rows], SHAPE_NGRAM)


def _grams(h, n: int):  # numpy arrays, unannotated: typing costs ``storytrace match`` start-up
    """The hashes (an int64 array) of every ``n`` consecutive word hashes of ``h`` (uint64)."""
    import numpy as np

    m = len(h) - n + 1
    mix, shift = np.uint64(_MIX), np.uint64(29)
    # In place after the first word (whose xor with the zero start is itself): half the
    # arrays made. Array arithmetic wraps round without a warning, so no np.errstate.
    acc = h[:m] * mix
    acc ^= acc >> shift
    for k in range(1, n):
        acc ^= h[k : k + m]
        acc *= mix
        acc ^= acc >> shift
    return acc.view(np.int64)


def fingerprint(text: str, sh: list[int] | None = None) -> list[int]:
    """Sorted distinct fingerprints of ``text`` (signed 64-bit ints): its word 4-gram
    hashes (``sh``, its :func:`shingles`, when already computed; all of them, as
    ``WINDOW`` is 1) and its winnowed shape keys (:func:`shapes`).

    The same passage in two articles keeps the same fingerprints wherever it
    stands (see the module's guarantees).
    """
    return _fingerprint(text, sh).tolist()


def _fingerprint(text: str, sh=None):  # numpy arrays, unannotated: see _grams
    """:func:`fingerprint` as an int64 array (what the store keeps)."""
    import numpy as np

    exact = _shingles(text) if sh is None else np.asarray(sh, dtype=np.int64)
    words = exact if WINDOW == 1 else _winnowed(exact, WINDOW)
    both = (words, _winnowed(_shapes(text), SHAPE_WINDOW))
    return unique_sorted(np.concatenate(both))


def sample_of(all_h: list[int], window: int = WINDOW) -> list[int]:
    """The sorted distinct winnowed sample of shingle hashes ``all_h`` (in text order).

    >>> sample_of([9, 4, 7, 8, 6, 5, 3], window=3)
    [3, 4, 5, 6]
    """
    import numpy as np

    return _winnowed(np.asarray(all_h, dtype=np.int64), window).tolist()


def _winnowed(h, window: int):  # numpy arrays, unannotated: see _grams
    """The distinct minima of every ``window`` consecutive hashes of ``h`` (int64), sorted;
    the smallest of them all when ``h`` holds no whole window."""
    import numpy as np

    if len(h) <= window:
        return h.min(keepdims=True) if len(h) else h
    m = len(h) - window + 1
    # The minima of windows of 2, 4, ... p hashes (p the largest power of two up to
    # ``window``), then of two such windows overlapping to cover ``window``: 3 passes where
    # one per hash of the window (7 for SHAPE_WINDOW) cost 18 against 12 µs an article.
    low, p = h, 1
    while 2 * p <= window:
        low = np.minimum(low[:-p], low[p:])
        p *= 2
    if p < window:
        low = np.minimum(low[:m], low[window - p : window - p + m])
    return unique_sorted(low[:m])


def unique_sorted(values):  # numpy arrays, unannotated: see _grams
    """``np.unique(values)`` of a 1-d array, by a sort. numpy 2.3 and later find the distinct
    values of a plain ``np.unique`` (and ``np.setdiff1d``, ``np.union1d``) through a hash
    table, which on the 75,000 keys of an update's candidate look-ups took 20 to 40 times as
    long as a sort (numpy 2.4.6: 0.24 CPU s per 180,000 64-bit keys against 0.005), and on an
    article's 250 fingerprints 40 microseconds against 10."""
    import numpy as np

    s = np.sort(values)
    if not len(s):
        return s
    # Not ``np.r_[True, ...]``: its index parsing in Python cost more than the rest here.
    first = np.empty(len(s), dtype=bool)
    first[0] = True
    np.not_equal(s[1:], s[:-1], out=first[1:])
    return s[first]


# MinHash permutations h -> (a*h + b) mod p over the 61-bit Mersenne prime, fixed so
# signatures agree across processes and runs: the first draws of
# numpy.random.Generator(PCG64(20261123)).integers(1 or 0, p, 64), written out so that
# computing a signature does not need numpy.random (a test checks they still match).
_PRIME = (1 << 61) - 1
_A = (
    101690158212987335,
    545864682270934528,
    151957828900821897,
    998214123763203628,
    1687178077023335630,
    1190222459628784194,
    1227706946562484085,
    180389773221024927,
    1950817033824372814,
    28675017055132742,
    2205029917049976950,
    1185798967019515845,
    1470916166158914115,
    2153665686986352094,
    1827495194989027409,
    1083095350577802396,
    2269457345846635396,
    176988414144296527,
    2120275478485778331,
    309110877787749375,
    197023447883062331,
    925701782751024588,
    1541011823478106214,
    2243576333900858040,
    2116323315440502582,
    242881681164148459,
    2289990236763698237,
    946676965361269527,
    606125790536934155,
    464054984594516330,
    1255875969845279582,
    204066919486777508,
    20163986538757785,
    2229498133893076587,
    1721059135380688718,
    1877327245196390098,
    133794365434776474,
    519414843441336209,
    1993837076283865660,
    2255676742993815810,
    2064845896033595811,
    1255297876976726868,
    1699063194870524412,
    1250045868478070426,
    2228009230394625184,
    377127724749126788,
    920999079036463810,
    292819636583503543,
    1596737326160450462,
    625302915451820938,
    602333546858698990,
    738695263485833501,
    72227945861112059,
    480363392454966701,
    785734723203587175,
    391978995450189048,
    1962566582226493363,
    1900423263374506917,
    148475159068404561,
    268112993061883505,
    608474992106725658,
    1213865990854215227,
    966099527600858724,
    1300819595881815703,
)
_B = (
    1835117381281835797,
    1359238125528377361,
    793844305887010457,
    1727758529932535605,
    464511152784454005,
    2296876401590936667,
    576688372021918793,
    489484208094074591,
    2069092432962826752,
    2276352355580403205,
    2095240881880938680,
    894507876005047496,
    1768495840263286793,
    1825987268312814094,
    1896835397862806605,
    1659985848675241883,
    304990218026094946,
    215456798170241402,
    2046481793398991933,
    1175812254596874882,
    234469215035068272,
    1402179303364673813,
    995476375908326240,
    1246613280258906831,
    1262779215402013865,
    1577747991336095834,
    1940174330452033420,
    1753262325966184994,
    389133783001102729,
    1864207037615816251,
    381193792497850667,
    725744093591834106,
    587581932435201261,
    1529659359912876364,
    1446901112539238442,
    1549126039940509588,
    548266218243453406,
    2226663934596082545,
    2216277927874495629,
    1168769434980258545,
    279738181810292052,
    1514413659886640644,
    251046635694077703,
    1380739913603133382,
    2273870597979142171,
    250856141990813051,
    2029053598072556474,
    1639956262797922258,
    226490889235418528,
    1822211173163809243,
    374535175180289175,
    1528151720402478892,
    121276438379596295,
    942658447387036304,
    1429479692856331971,
    2139228367630037170,
    600374739292313018,
    543324107377252622,
    689065489627742310,
    1638698093138824823,
    1257641731131409158,
    1151454520940394427,
    774699674165566508,
    910731462144648716,
)


def minhash(hashes: Iterable[int], num_perm: int = NUM_PERM) -> list[int]:
    """MinHash signature (``num_perm`` ints) of a set of shingle hashes (a list, or an int64
    array as :func:`_shingles` gives).

    Computed on 31-bit folds of the hashes so the affine permutations stay
    inside 64-bit arithmetic.
    """
    import numpy as np

    # Signed 64-bit ints reinterpreted as unsigned (the same bits).
    if not isinstance(hashes, np.ndarray):
        hashes = hashes if isinstance(hashes, list) else list(hashes)
    arr = np.asarray(hashes, dtype=np.int64).view(np.uint64)
    if arr.size == 0:
        return [0] * num_perm
    a, b = _permutations(num_perm)
    x = (arr ^ (arr >> np.uint64(31))) & np.uint64((1 << 31) - 1)
    # In place: the (permutations x shingles) products are the signature's cost.
    vals = a * x
    vals += b
    return _mod_prime_min(vals).tolist()


@lru_cache(maxsize=4)
def _permutations(num_perm: int):  # numpy arrays, unannotated: see _grams
    """MinHash's multipliers and offsets (``_A``, ``_B``) as uint64 columns."""
    import numpy as np

    a = np.asarray(_A[:num_perm], dtype=np.uint64)[:, None]
    b = np.asarray(_B[:num_perm], dtype=np.uint64)[:, None]
    a.flags.writeable = b.flags.writeable = False  # shared by every call
    return a, b


def _mod_prime_min(v):  # numpy arrays, unannotated: see _grams
    """The least of each row of ``v % _PRIME`` (a 2-d uint64 array, which it overwrites).

    By the Mersenne prime's rule (2**61 leaves 1: a value's low 61 bits plus its high
    bits, below ``_PRIME + 8``): bit operations, where a division per value was half of
    :func:`minhash`'s cost. Where that is still ``_PRIME`` or more (a value's low 61 bits
    all set, or nearly: about one in 2**58), ``_PRIME`` is taken off (``r - _PRIME`` wraps
    round above ``r`` where it is not); those two passes run only when the largest is.

    >>> import numpy as np
    >>> rows = [[0, _PRIME - 1, 2**64 - 1], [_PRIME, 9, 2**61 + 3], [_PRIME + 7, 2**62, 8]]
    >>> v = np.array(rows, dtype=np.uint64)
    >>> _mod_prime_min(v.copy()).tolist() == [min(x % _PRIME for x in r) for r in rows]
    True
    >>> _mod_prime_min(np.array([[5, 2**62], [2**61 + 3, 9]], dtype=np.uint64)).tolist()
    [2, 4]
    """
    import numpy as np

    r = v & np.uint64(_PRIME)
    v >>= np.uint64(61)
    r += v
    if r.max() < _PRIME:
        return r.min(axis=1)
    np.subtract(r, np.uint64(_PRIME), out=v)
    return np.minimum(r, v, out=r).min(axis=1)


def lsh_keys(signature: list[int], bands: int = BANDS) -> list[int]:
    """One signed 64-bit key per band; equal keys mean a near-duplicate candidate."""
    rows = len(signature) // bands
    s = list(map(str, signature))
    return [
        _signed(xxhash.xxh64_intdigest(f"{b}:{','.join(s[b * rows : (b + 1) * rows])}".encode()))
        for b in range(bands)
    ]


class Query(namedtuple("Query", ("fingerprints", "lsh_keys", "at"), defaults=(None,))):  # noqa: PYI024
    """One text's look-up keys: ``fingerprints`` (its :func:`fingerprint`) and ``lsh_keys``
    (its LSH band keys), lists of ints; ``at`` (from :func:`query`, else None) maps each
    word 4-gram fingerprint to the word indexes where its ``NGRAM`` words start in the text,
    so a look-up can show which words of the text a hit shares (shape keys are not in it:
    equal shapes are not equal words).

    collections' namedtuple, which typing.NamedTuple makes too: ``storytrace match``
    imports this module and needs typing for nothing else (issue 16).
    """

    __slots__ = ()


def query(text: str) -> Query:
    """``fingerprint(text)`` and ``lsh_keys(minhash(shingles(text)))``, in plain Python.

    The same values as the numpy functions (a test compares them on random
    texts), at a few milliseconds for one article, without importing numpy:
    what ``storytrace match`` needs to look one article up.

    >>> text = "The council voted on Friday to close the old bridge for repairs."
    >>> q = query(text)
    >>> q.fingerprints == fingerprint(text)
    True
    >>> sorted(i for k in q.fingerprints for i in q.at.get(k, ()))  # where 4-grams start
    [0, 1, 2, 3, 4, 5, 6, 7, 8]
    """
    norms = doc_of(text).norms  # the Doc extract_quotes reads next
    if not norms:
        return Query([], lsh_keys([0] * NUM_PERM), {})
    acc = _plain_grams([_OUTLINES[w] for w in norms], min(NGRAM, len(norms)))
    sh = [_signed(a) for a in acc]
    kept = _plain_sample(sh, WINDOW)
    at: dict[int, list[int]] = {k: [] for k in kept}
    for i, v in enumerate(sh):
        if v in at:
            at[v].append(i)
    if len(norms) >= SHAPE_NGRAM:
        shaped = _plain_grams([_SHAPES[w] for w in norms], SHAPE_NGRAM)
        kept = sorted(set(kept).union(_plain_sample([_signed(a) for a in shaped], SHAPE_WINDOW)))
    folded = {(a ^ (a >> 31)) & ((1 << 31) - 1) for a in acc}
    return Query(kept, lsh_keys(_signature(sorted(folded))), at)


def word_grams(text: str) -> set[int]:
    """The word 4-gram fingerprints of ``text`` (:func:`query`'s without the shape keys), in
    plain Python: an article holding a phrase holds every one of them.

    >>> text = "the council voted on Friday"
    >>> word_grams(text) == set(query(text).at)
    True
    """
    norms = doc_of(text).norms
    grams = _plain_grams([_OUTLINES[w] for w in norms], min(NGRAM, len(norms)))
    return {_signed(a) for a in grams}


def _plain_grams(h: list[int], n: int) -> list[int]:
    """:func:`_grams` in plain Python, unsigned."""
    m = len(h) - n + 1
    acc = [0] * m
    for k in range(n):
        acc = [((a ^ x) * _MIX) & _M64 for a, x in zip(acc, h[k : k + m], strict=True)]
        acc = [a ^ (a >> 29) for a in acc]
    return acc


def _plain_sample(sh: list[int], window: int) -> list[int]:
    """:func:`sample_of` in plain Python."""
    if len(sh) <= window:
        return [min(sh)]
    return sorted({min(sh[i : i + window]) for i in range(len(sh) - window + 1)})


_LANE_ONE = (1).to_bytes(16, "little")
"""One 128-bit lane holding 1: :func:`_signature` packs values 128 bits apart."""


def _signature(folded: list[int]) -> list[int]:
    """The MinHash signature of :func:`minhash` over 31-bit folds ``folded`` (not empty):
    per permutation, ``min((x * a + b) % 2**64 % _PRIME for x in folded)``.

    At about half the cost of that loop in Python (which was most of ``storytrace
    match``'s own work): the values are packed into one integer, 128 bits apart, so one
    permutation is a few operations on that integer, which CPython runs in C; ``x * a +
    b`` is below 2**93 and never carries into the next lane. The remainder modulo the
    Mersenne prime 2**61 - 1 is the sum of a value's low 61 bits and its high bits (as
    2**61 leaves 1), and the minimum is taken over the lanes' 64-bit words.

    >>> xs = [5, 2**31 - 1, 0]
    >>> _signature(xs)[:2] == [min((x * a + b) % 2**64 % _PRIME for x in xs)
    ...                        for a, b in zip(_A[:2], _B[:2])]
    True
    """
    n = len(folded)
    packed = int.from_bytes(b"".join(x.to_bytes(16, "little") for x in folded), "little")
    ones = int.from_bytes(_LANE_ONE * n, "little")
    low64, low61, bits61to63 = _M64 * ones, _PRIME * ones, 7 * ones
    sig = []
    for a, b in zip(_A, _B, strict=True):
        v = (packed * a + b * ones) & low64
        r = (v & low61) + ((v >> 61) & bits61to63)  # below _PRIME + 8, equal to v modulo it
        if ((r + ones) >> 61) & ones:  # a lane of _PRIME or more: rare, computed value by value
            sig.append(min(((x * a + b) & _M64) % _PRIME for x in folded))
            continue
        words = array("Q", r.to_bytes(16 * n, "little"))  # each lane: its low word, then 0
        if sys.byteorder == "big":
            words.byteswap()
        sig.append(min(words[::2]))
    return sig
