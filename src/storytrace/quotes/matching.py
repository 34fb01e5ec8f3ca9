"""``match_quotes``: the quotes two articles share and how their wording differs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from storytrace.diff import Edit, TokOp, merge_ops, misread_word, opcodes
from storytrace.quotes.extract import extract_quotes
from storytrace.quotes.lexicon import NOT_NAME, TITLES
from storytrace.quotes.model import Quote, Span
from storytrace.text import Doc, doc_of


@dataclass(slots=True)
class QuoteMatch:
    """The same quote in two articles: ``label`` says how the wording differs."""

    a: Quote
    b: Quote
    label: str
    ops: list[Edit]
    speaker_mismatch: bool
    score: float

    def to_dict(self) -> dict:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "label": self.label,
            "score": round(self.score, 4),
            "speaker_mismatch": self.speaker_mismatch,
            "ops": [o.to_dict() for o in self.ops],
        }


def match_quotes(
    text_a: str,
    quotes_a: list[Quote] | None,
    text_b: str,
    quotes_b: list[Quote] | None,
    *,
    min_share: float = 0.5,
) -> list[QuoteMatch]:
    """Pair the quotes two articles share; ``None`` quotes are extracted here.

    Two quotes match when at least ``min_share`` of the shorter one's words
    (and at least three words, unless it is shorter) appear in order in the
    other, and most of the shorter one or a run of words is printed alike
    (:func:`_one_quote`). One long quote may match several shorter ones (an
    outlet splitting a quote over paragraphs).
    """
    if quotes_a is None:
        quotes_a = extract_quotes(text_a, parser=False)
    if quotes_b is None:
        quotes_b = extract_quotes(text_b, parser=False)
    doc_a, doc_b = doc_of(text_a), doc_of(text_b)
    words_a, words_b = _quote_words(doc_a, quotes_a), _quote_words(doc_b, quotes_b)
    # Each pair is first checked against an upper bound on the words any alignment of the two
    # can hold equal (see _shared_bound), under the least _align_words accepts; per quote of
    # A, the same bound against all of B's quotes at once.
    quotes_b_words = [(qb, *w) for qb, w in zip(quotes_b, words_b.quotes, strict=True) if w[1]]
    out: list[QuoteMatch] = []
    for qa, (idx_a, seq_a, set_a, count_a, rep_a) in zip(quotes_a, words_a.quotes, strict=True):
        in_b = set_a.intersection(words_b.words)
        if len(in_b) + rep_a < _least_shared(min(len(seq_a), words_b.shortest), min_share):
            continue
        for qb, idx_b, seq_b, set_b, count_b, rep_b in quotes_b_words:
            need = _least_shared(min(len(seq_a), len(seq_b)), min_share)
            common = in_b.intersection(set_b)
            # Cheap part of the bound first: the words both hold plus one side's repeats.
            if len(common) < need and (
                len(common) + min(rep_a, rep_b) < need
                or _shared_bound(common, count_a, count_b) < need
            ):
                continue
            m = _match_pair(doc_a, doc_b, qa, qb, seq_a, seq_b, idx_a, idx_b, min_share)
            if m is not None:
                out.append(m)
    return out


def _least_shared(shorter: int, min_share: float) -> float:
    """The equal words ``_align_words`` asks of two quotes, the shorter of ``shorter`` words:
    ``min_share`` of it and three (all of a shorter one); an empty quote matches nothing."""
    if shorter < 3:
        return shorter or 1
    share = min_share * shorter
    return share if share > 3 else 3


_Words = tuple[list[int], list[str], frozenset[str], dict[str, int], int]


@dataclass(slots=True)
class _QuoteWords:
    """One text's quotes as ``match_quotes`` compares them: per quote its token indices,
    normalised words, their set, their counts and how many of them repeat an earlier one;
    every word of them; the fewest words of a quote with any (0: no such quote)."""

    quotes: list[_Words]
    words: frozenset[str]
    shortest: int


def _quote_words(doc: Doc, quotes: list[Quote]) -> _QuoteWords:
    """``quotes``' words, kept on the Doc (in a batch one text's quotes are compared with
    many other texts'), keyed by the quotes' parts, all this depends on.

    The words go to the aligner as strings, not ids numbered per pair: rapidfuzz compares
    a sequence's items by their hash, which a string keeps, as fast as small ints, and a
    pair's numbering cost more than the aligning it served."""

    def prepare() -> _QuoteWords:
        out = []
        for q in quotes:
            idx = _tokens(doc, q)
            words = [doc.norms[i] for i in idx]
            counts = dict(Counter(words))
            out.append((idx, words, frozenset(counts), counts, len(words) - len(counts)))
        shortest = min((len(w[1]) for w in out if w[1]), default=0)
        return _QuoteWords(out, frozenset().union(*(w[2] for w in out)), shortest)

    return doc.derived(("quote words", tuple(tuple(q.parts) for q in quotes)), prepare)


def _shared_bound(
    common: AbstractSet[str], count_a: dict[str, int], count_b: dict[str, int]
) -> int:
    """The words two quotes share counted with repeats (their multiset intersection): at
    least the equal words of any alignment of them.

    Equal opcodes pair words of A with words of B one to one, so a word written ``n`` times
    in A and ``m`` times in B is equal in at most ``min(n, m)`` of them. ``_align_words``
    counts the equal words of its opcodes, on the whole quotes and then on a region of them,
    and rejects a pair under ``min(3, shorter)`` or ``min_share * shorter``: a pair whose
    bound is under either can never match, so ``match_quotes`` skips it unaligned.

    >>> _shared_bound({"no", "way"}, {"no": 3, "way": 1}, {"no": 2, "way": 1, "out": 1})
    3
    """
    return sum(min(count_a[w], count_b[w]) for w in common)


def _tokens(doc: Doc, q: Quote) -> list[int]:
    """Token indices of a quote's words, part after part (the frame left out)."""
    out: list[int] = []
    for part in q.parts:
        out.extend(range(*doc.tokens_in(part)))
    return out


def _span(doc: Doc, idx: list[int], x0: int, x1: int) -> Span:
    """Character span of positions ``x0:x1`` of a quote's token list ``idx``."""
    if x1 > x0:
        return doc.starts[idx[x0]], doc.ends[idx[x1 - 1]]
    t = idx[x0] if x0 < len(idx) else idx[-1] + 1
    return doc.span(t, t)


def _match_pair(
    doc_a: Doc,
    doc_b: Doc,
    qa: Quote,
    qb: Quote,
    seq_a: list[int],
    seq_b: list[int],
    idx_a: list[int],
    idx_b: list[int],
    min_share: float,
) -> QuoteMatch | None:
    found = _align_words(seq_a, seq_b, min_share)
    if found is None or not _one_quote(seq_a, seq_b, *found):
        return None
    label, ops, region_shared = found
    diff = [
        Edit(t, _span(doc_a, idx_a, x0, x1), _span(doc_b, idx_b, y0, y1))
        for t, x0, x1, y0, y1 in ops
    ]
    score = region_shared / max(len(seq_a), len(seq_b))
    return QuoteMatch(qa, qb, label, diff, _speaker_mismatch(qa, qb), score)


SAME_QUOTE_SHARE = 0.8
"""Share of the shorter quote's words two quotes must hold alike, in order, to be shown as one
quote in both articles, unless a run of :data:`SAME_QUOTE_RUN` words is printed alike. Half
the words (``match_quotes``'s ``min_share``) paired different statements that share a stock
phrase: a reporter's account of a crash with a relative's tribute that both open "she was
...", two reporters' words for one fire, opposite counts of the injured. ``bench/
quote_matching.py`` counts them on ECB+ and PolNeAR tune pairs."""

SAME_QUOTE_RUN = 6
"""Words printed alike in a row that make two quotes one though most of the shorter one differs
(an outlet quoting more of the sentence, a reporter's paraphrase around the quoted part)."""


def _one_quote(seq_a: Sequence, seq_b: Sequence, label: str, ops: list[TokOp], shared: int) -> bool:
    """Whether an alignment :func:`_align_words` accepted is one quote printed twice: most of
    the shorter quote alike (:data:`SAME_QUOTE_SHARE`) or a run of :data:`SAME_QUOTE_RUN`
    words; a quote of one or two words only when the other is the same words ("No." is in
    many quotes)."""
    shorter = min(len(seq_a), len(seq_b))
    if shorter < 3:
        return label == "identical"
    return shared >= SAME_QUOTE_SHARE * shorter or any(
        t == "equal" and x1 - x0 >= SAME_QUOTE_RUN for t, x0, x1, _, _ in ops
    )


def _align_words(
    seq_a: Sequence, seq_b: Sequence, min_share: float
) -> tuple[str, list[TokOp], int] | None:
    """``(label, word opcodes, shared words)`` of two quotes' word sequences, or None when
    they share under ``min_share`` of the shorter one's words (or under three)."""
    # Locate the shared region first so a trimmed quote aligns to its place
    # in the longer one, then diff that region word by word.
    blocks = [b for b in opcodes(seq_a, seq_b) if b[0] == "equal"]
    if not blocks:
        return None
    shared = sum(b[2] - b[1] for b in blocks)
    shorter = min(len(seq_a), len(seq_b))
    if shared < min(3, shorter) or shared < min_share * shorter:
        return None
    # A lone shared word far from the rest ("the") is chance, not the quote.
    while len(blocks) > 1 and blocks[0][2] - blocks[0][1] == 1 and _gap(blocks[0], blocks[1]) > 3:
        blocks = blocks[1:]
    while (
        len(blocks) > 1 and blocks[-1][2] - blocks[-1][1] == 1 and _gap(blocks[-2], blocks[-1]) > 3
    ):
        blocks = blocks[:-1]
    i0, i1 = blocks[0][1], blocks[-1][2]
    j0, j1 = blocks[0][3], blocks[-1][4]
    core = opcodes(seq_a[i0:i1], seq_b[j0:j1], i0, j0)
    interior = any(t != "equal" for t, *_ in core)
    region_shared = sum(x1 - x0 for t, x0, x1, _, _ in core if t == "equal")
    if region_shared < min_share * shorter or region_shared < min(3, shorter):
        return None
    lead = [("delete" if i0 else "insert", 0, i0, 0, j0)] if (i0 or j0) else []
    if i0 and j0:
        lead = [("replace", 0, i0, 0, j0)]
    la, lb = len(seq_a), len(seq_b)
    tail = []
    if i1 < la or j1 < lb:
        tag = "replace" if i1 < la and j1 < lb else ("delete" if i1 < la else "insert")
        tail = [(tag, i1, la, j1, lb)]
    ops = merge_ops(lead + core + tail)
    # A word replaced at either end is a change too; only words missing at the
    # ends make a trim.
    if interior or any(t == "replace" for t, *_ in lead + tail):
        label = "altered"
    elif lead or tail:
        label = "trimmed"
    else:
        label = "identical"
    return label, ops, region_shared


def _gap(x: tuple, y: tuple) -> int:
    return max(y[1] - x[2], y[3] - x[4])


def _speaker_mismatch(qa: Quote, qb: Quote) -> bool:
    na, nb = qa.speaker_name, qb.speaker_name
    if not na or not nb:
        return False
    ka, kb = _name_key(na), _name_key(nb)
    return bool(ka and kb) and not (ka & kb)


def _name_key(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w’'\-]+", name)} - NOT_NAME - TITLES


LINK_MIN_WORDS = 8
"""Words two different quotes must share, in order, to be linked across articles as one
quote printed twice (``stories.quote_key`` links identical ones from six words): a variant
is weaker evidence than an identical quote, so it needs a longer shared stretch."""

LINK_MIN_SHARE = 0.8
"""Share of the shorter quote's words the two must share, in order: an edit, a misread
letter or a quote cut short by an outlet leaves most of it, a stock phrase two different
statements happen to share does not. Also the least share of equal words inside a shared
passage (:data:`LINK_PASSAGE_WORDS`)."""

LINK_PASSAGE_WORDS = 12
"""Words two quotes must share inside one passage (equal runs at most :data:`_PASSAGE_GAP`
words apart, :data:`LINK_MIN_SHARE` of it equal) to be linked on it though the rest of them
differs: one sentence of a longer quotation printed again, in an article whose unclosed
mark runs its quote on to the paragraph's end. Words misread by one letter count as shared
(OCR noise in a quoted sentence of 12 words). 11 would also link a quoted sentence of 13
words with two replaced, and, on PolNeAR's train and dev articles, three pairs of different
statements sharing 11 words ("... a private email server during her tenure as secretary
of state"); with 12, no pair of quote keys of PolNeAR's or of all 2,225 BBC articles is
linked that was not before the misread words and lone words (:func:`_passage`) counted."""

LINK_OPENING_WORDS = 11
"""Words two quotes must share inside a passage that opens both (from each quote's first
word), in place of :data:`LINK_PASSAGE_WORDS`: a quoted sentence of 13 words lifted with two
replaced, opening a longer quote in its source ('Cole added: "I've done it before Islam I hope
they didn't blame me Marley anything.', ``bench/sentence_reuse.py``, bbc seed 8), keeps 11.
Different statements sharing 11 words share them after words of their own ("... on a private
email server during her tenure as secretary of state"): over the quote keys of PolNeAR's
train and dev articles and all 2,225 BBC articles, 11 words anywhere would link 5 pairs of
keys that 12 leaves apart, none opening both; 11 at the opening of both links none of them,
10 one (two reports of one statement, "it is/was in talks to buy ... Yukos")."""

_PASSAGE_GAP = 3


def _one_word_from_run(seq_a: Sequence, seq_b: Sequence, i: int, j: int) -> bool:
    """Whether a run of two or more equal words ends two words before ``i``, ``j`` (one word
    replaced by one between) or starts two words after them."""

    def equal(x: int, y: int) -> bool:
        return 0 <= x < len(seq_a) and 0 <= y < len(seq_b) and seq_a[x] == seq_b[y]

    return (equal(i - 2, j - 2) and equal(i - 3, j - 3)) or (
        equal(i + 2, j + 2) and equal(i + 3, j + 3)
    )


@dataclass(slots=True)
class QuoteVariant:
    """Two different quotes' words that are one quote printed twice.

    ``label``: ``altered`` (words changed inside), ``trimmed`` (only words missing at an
    end), ``passage`` (a passage of both, the rest of them different: one sentence of a
    longer quote); ``shared`` the words both hold in order; ``differing`` the words that
    differ, ``(a's words, b's words)`` per change, words missing at an end of a trimmed
    quote and those around a shared passage left out.
    """

    label: str
    shared: int
    differing: list[tuple[str, str]]


def quote_variant(words_a: Sequence[str], words_b: Sequence[str]) -> QuoteVariant | None:
    """Whether two quotes' normalised words are one quote printed twice (see
    :data:`LINK_MIN_WORDS`, :data:`LINK_MIN_SHARE`, :data:`LINK_PASSAGE_WORDS`), with the
    words that differ.

    >>> a = "you have got to sort out your housing before you move in".split()
    >>> quote_variant(a, "you have got to sort your housing before you move in".split())
    QuoteVariant(label='altered', shared=11, differing=[('out', '')])
    >>> quote_variant(a, "i think it is time we sort out your housing for good".split()) is None
    True
    """
    found = _align_words(words_a, words_b, LINK_MIN_SHARE)
    if found is not None and found[2] >= LINK_MIN_WORDS:
        label, ops, shared = found
        last_a, last_b = len(words_a), len(words_b)
        ends = [
            op
            for op in ops
            if op[0] != "replace" and (op[1] == op[3] == 0 or (op[2] == last_a and op[4] == last_b))
        ]
        return QuoteVariant(label, shared, _differing(words_a, words_b, ops, ends))
    region = _passage(words_a, words_b)
    if region is None:
        return None
    i0, i1, j0, j1, shared = region
    ops = opcodes(words_a[i0:i1], words_b[j0:j1], i0, j0)
    return QuoteVariant("passage", shared, _differing(words_a, words_b, ops, []))


def _differing(
    words_a: Sequence[str], words_b: Sequence[str], ops: list[TokOp], skip: list[TokOp]
) -> list[tuple[str, str]]:
    return [
        (" ".join(words_a[x0:x1]), " ".join(words_b[y0:y1]))
        for t, x0, x1, y0, y1 in merge_ops(ops)
        if t != "equal" and (t, x0, x1, y0, y1) not in skip
    ]


def _passage(seq_a: Sequence, seq_b: Sequence) -> tuple[int, int, int, int, int] | None:
    """``(i0, i1, j0, j1, shared)``: the passage of the two word sequences holding the most
    equal words, a chain of runs of two or more equal words at most :data:`_PASSAGE_GAP`
    words apart on each side, when it holds :data:`LINK_PASSAGE_WORDS` or more and
    :data:`LINK_MIN_SHARE` of it on each side. A lone equal word counts as a run when one
    word replaced by one separates it from a run of two or more (:func:`_one_word_from_run`):
    two words misread by OCR leave one between them ("to see the results" as "to gee the
    resulgs"), an edit every seventh word one at a quoted sentence's end. Between two runs,
    words misread by one letter (:func:`storytrace.diff.misread_word`) in a gap of one size
    on both sides count as shared.

    Runs are chained directly rather than read off one alignment of the whole quotes: an
    alignment may pair a stray "the" before the passage and so split it."""
    at: dict[object, list[int]] = defaultdict(list)
    for j, w in enumerate(seq_b):
        at[w].append(j)
    runs = []  # (i0, j0, length): maximal runs of equal words, two or more
    for i, w in enumerate(seq_a):
        for j in at.get(w, ()):
            if i and j and seq_a[i - 1] == seq_b[j - 1]:
                continue  # inside a run that starts earlier
            n = 1
            while i + n < len(seq_a) and j + n < len(seq_b) and seq_a[i + n] == seq_b[j + n]:
                n += 1
            if n >= 2 or _one_word_from_run(seq_a, seq_b, i, j):
                runs.append((i, j, n))
    # Best chain ending at each run (runs in order of i): its words and its first run.
    best: tuple[int, int, int, int, int] | None = None
    chain: list[tuple[int, int]] = []
    for r, (i, j, n) in enumerate(runs):
        words, first = n, r
        for p in range(r):
            pi, pj, pn = runs[p]
            gi, gj = i - (pi + pn), j - (pj + pn)
            if not (0 <= gi <= _PASSAGE_GAP and 0 <= gj <= _PASSAGE_GAP):
                continue
            alike = chain[p][0] + n
            if gi == gj:
                alike += sum(map(misread_word, seq_a[pi + pn : i], seq_b[pj + pn : j]))
            if alike > words:
                words, first = alike, chain[p][1]
        chain.append((words, first))
        i0, j0 = runs[first][0], runs[first][1]
        i1, j1 = i + n, j + n
        if (
            words >= (LINK_OPENING_WORDS if i0 == j0 == 0 else LINK_PASSAGE_WORDS)
            and words >= LINK_MIN_SHARE * max(i1 - i0, j1 - j0)
            and (best is None or words > best[4])
        ):
            best = (i0, i1, j0, j1, words)
    return best
