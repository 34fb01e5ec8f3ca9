"""Diff primitives: word edits, shared passages and token opcodes (layer 1).

Everything that turns a word-level alignment into character spans lives here,
below the analyses, so that :mod:`storytrace.align`, :mod:`storytrace.quotes`,
:mod:`storytrace.semantic` and :mod:`storytrace.spin` share one implementation
and never import each other for it.

A *token opcode* is ``(op, i0, i1, j0, j1)``: tokens ``i0:i1`` of A and
``j0:j1`` of B, with ``op`` in ``equal``/``replace``/``insert``/``delete``.

Example:
    >>> from storytrace.text import Doc
    >>> a, b = Doc("the new rail line opens in May"), Doc("the new rail line opens in June")
    >>> ops = opcodes(a.norms, b.norms)
    >>> ops
    [('equal', 0, 6, 0, 6), ('replace', 6, 7, 6, 7)]
    >>> p = make_passage(a, b, ops)
    >>> p.kind, p.matched, [(e.op, a.text[slice(*e.a)], b.text[slice(*e.b)]) for e in p.edits][1]
    ('edited', 6, ('replace', 'May', 'June'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from storytrace.records import Record, jfield
from storytrace.text import Doc

Span = tuple[int, int]
TokOp = tuple[str, int, int, int, int]


@dataclass(slots=True)
class Edit(Record):
    """One word-level operation; ``a`` and ``b`` are character spans.

    For ``insert`` the ``a`` span is empty (where the words would go in A);
    for ``delete`` the ``b`` span is empty.
    """

    op: str = jfield(
        "equal, replace, insert or delete; synonym for a replacement the thesaurus links"
    )
    a: Span = jfield("Character span [start, end) in A (empty for an insert).")
    b: Span = jfield("Character span [start, end) in B (empty for a delete).")


@dataclass(slots=True)
class Passage(Record):
    """A stretch of text shared by both articles, with its word edits."""

    a: Span = jfield("Character span [start, end) of the passage in A.")
    b: Span = jfield("Character span [start, end) of the passage in B.")
    kind: str = jfield("verbatim, edited, spun or reworded.")
    score: float = jfield(
        "Share of equal words (verbatim/edited/spun) or sentence similarity (reworded).",
        digits=4,
    )
    edits: list[Edit] = jfield("Word-level edits from A to B, in order.")
    # Token ranges behind the spans and the count of equal words: used for
    # coverage and the verdict, not part of the JSON.
    a_tokens: tuple[int, int] = jfield(internal=True)
    b_tokens: tuple[int, int] = jfield(internal=True)
    matched: int = jfield(internal=True, default=0)
    # Set by storytrace.revision.label (issue 14).
    kept: float | None = jfield(
        "Share of compared words left unchanged: equal / (equal + replaced); omitted or "
        "added stretches do not count.",
        default=None,
        digits=4,
        omit_none=True,
    )
    trimmed: bool | None = jfield(
        "A copy with omissions: only whole stretches left out or added, every kept word "
        "unchanged (kind verbatim).",
        default=None,
        omit_none=True,
    )


def shift(ops: Iterable[Sequence], i0: int, j0: int) -> list[TokOp]:
    """Opcodes of two slices moved to the positions of the slices in the whole texts.

    >>> shift([("equal", 0, 2, 0, 2)], 10, 4)
    [('equal', 10, 12, 4, 6)]
    """
    return [(t, i0 + x0, i0 + x1, j0 + y0, j0 + y1) for t, x0, x1, y0, y1 in ops]


@cache
def _levenshtein() -> ModuleType:
    # Imported on first use: about 15 ms of start-up that readers of a store
    # (``storytrace match``, which imports this module through quotes) never need.
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def misread(x: str, y: str) -> bool:
    """Whether two different words are one letter apart (a letter replaced, added or
    dropped), both of two letters or more: what OCR noise or a typo does to a word
    ("yearc" for "years", "wohld" for "would").

    Letter noise at the end of a lifted sentence left its last words outside the passage
    ("faces up to four yearc ig prison" stopped at "four"): the window alignment keeps
    only an anchored run of two equal words, which noise at the rate of one word in twelve
    often breaks. Passages are extended over such words only up to an exact match beyond
    them, so no passage ends in a changed word.

    >>> misread("yearc", "years"), misread("ig", "in"), misread("a", "i")
    (True, True, False)
    """
    return len(x) >= 2 and len(y) >= 2 and _levenshtein().distance(x, y, score_cutoff=1) <= 1


MISREAD_MIN_LETTERS = 3
"""Least letters of both words :func:`misread_word` counts as one word misread: two-letter
words one letter apart are often two words ("in"/"on", "he"/"me")."""


def misread_word(x: str, y: str) -> bool:
    """Whether two words are one word misread by one letter (:func:`misread`), both of
    :data:`MISREAD_MIN_LETTERS` letters or more and without a digit (a figure changed is
    another figure): what the evidence of a shared passage and the quote links count as the
    same word.

    >>> misread_word("Amirican", "American"), misread_word("in", "on"), misread_word("2a04", "2004")
    (True, False, False)
    """
    return (
        min(len(x), len(y)) >= MISREAD_MIN_LETTERS
        and not any(c.isdecimal() for c in x + y)  # what the regular expression \d matches
        and misread(x, y)
    )


def opcodes(
    seq_a: Sequence,
    seq_b: Sequence,
    i0: int = 0,
    j0: int = 0,
    order: tuple[Sequence, Sequence] | None = None,
) -> list[TokOp]:
    """Word-level Levenshtein opcodes of two token sequences (rapidfuzz, compiled).

    ``seq_a``/``seq_b`` are slices starting at tokens ``i0``/``j0`` of their
    documents; the opcodes come back in document positions.

    The two sequences are aligned in an order fixed by their content (``order``: the
    sequences to compare instead, such as the words behind two slices of word ids), and
    the result mirrored when they were swapped, so ``opcodes(b, a)`` is the mirror of
    ``opcodes(a, b)``. Levenshtein has many alignments of equal cost and picks one by its
    own reading order: "A Schenectady man" against "A man" lost its first "A" in one
    order only, and a passage reached a sentence's start in one order only (issue 12).

    >>> opcodes(["a", "x", "b"], ["a", "b"])
    [('equal', 0, 1, 0, 1), ('delete', 1, 2, 1, 1), ('equal', 2, 3, 1, 2)]
    >>> opcodes(["a", "b"], ["a", "x", "b"])
    [('equal', 0, 1, 0, 1), ('insert', 1, 1, 1, 2), ('equal', 1, 2, 2, 3)]
    """
    key_a, key_b = (seq_a, seq_b) if order is None else order
    if not key_b < key_a:
        return shift(_levenshtein().opcodes(seq_a, seq_b).as_list(), i0, j0)
    return [
        (_MIRRORED.get(tag, tag), x0, x1, y0, y1)
        for tag, y0, y1, x0, x1 in shift(_levenshtein().opcodes(seq_b, seq_a).as_list(), j0, i0)
    ]


_MIRRORED = {"insert": "delete", "delete": "insert"}


def merge_ops(ops: list[TokOp]) -> list[TokOp]:
    """Fuse adjacent non-equal opcodes, so "United States" -> "US" is one replace.

    Empty opcodes are dropped.

    >>> merge_ops([("delete", 0, 1, 0, 0), ("insert", 1, 1, 0, 1), ("equal", 1, 2, 1, 2)])
    [('replace', 0, 1, 0, 1), ('equal', 1, 2, 1, 2)]
    """
    out: list[TokOp] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, i0, _, j0, _ = out[-1]
            _, _, i1, _, j1 = op
            tag = "replace" if i1 > i0 and j1 > j0 else ("delete" if i1 > i0 else "insert")
            out[-1] = (tag, i0, i1, j0, j1)
        else:
            out.append(op)
    return out


def edits_of(doc_a: Doc, doc_b: Doc, tok_ops: Iterable[TokOp]) -> list[Edit]:
    """Token opcodes as :class:`Edit` objects with character spans.

    An empty side sits where the missing words would stand: before the next
    word, or, at the very end of the opcodes, right after the last word, so
    that every edit stays inside its passage's span.
    """
    ops = list(tok_ops)
    if not ops:
        return []
    a_lo, a_hi, b_lo, b_hi = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    return [
        Edit(tag, _span(doc_a, i0, i1, a_lo, a_hi), _span(doc_b, j0, j1, b_lo, b_hi))
        for tag, i0, i1, j0, j1 in ops
    ]


def _span(doc: Doc, i: int, j: int, lo: int, hi: int) -> tuple[int, int]:
    if i == j == hi and hi > lo:
        end = doc.ends[hi - 1]
        return end, end
    return doc.span(i, j)


def make_passage(
    doc_a: Doc,
    doc_b: Doc,
    tok_ops: list[TokOp],
    kind: str | None = None,
    score: float | None = None,
) -> Passage:
    """Build a passage from token-level opcodes, mapping tokens to characters.

    Without ``kind`` it is ``verbatim`` when every opcode is equal, else
    ``edited``; without ``score`` it is the share of equal words. The passage starts
    and ends on whole written words (:func:`word_bounded`).
    """
    tok_ops = word_bounded(doc_a, doc_b, tok_ops)
    a0, a1 = tok_ops[0][1], tok_ops[-1][2]
    b0, b1 = tok_ops[0][3], tok_ops[-1][4]
    equal = sum(i1 - i0 for tag, i0, i1, _, _ in tok_ops if tag == "equal")
    ratio = equal / max(a1 - a0, b1 - b0, 1)
    if kind is None:
        kind = "verbatim" if all(t[0] == "equal" for t in tok_ops) else "edited"
    return Passage(
        a=doc_a.span(a0, a1),
        b=doc_b.span(b0, b1),
        kind=kind,
        score=ratio if score is None else score,
        edits=edits_of(doc_a, doc_b, tok_ops),
        a_tokens=(a0, a1),
        b_tokens=(b0, b1),
        matched=equal,
    )


# What glues two tokens into one written word: hyphens and dashes with no space ("anti-war",
# "1999–2000") and apostrophes the tokeniser does not join on ("Lohan´s", "Lohan`s").
_GLUE = frozenset("-‐‑–'’‘`´ʼ")
_APOSTROPHES = frozenset("'’‘`´ʼ")
# Clitics written apart from their word ("Lohan 's", "do n't", as tokenised corpora write
# them): the token after the apostrophe is part of the word before.
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})


def glued(doc: Doc, t: int) -> bool:
    """Whether tokens ``t - 1`` and ``t`` of ``doc`` are parts of one written word."""
    if not 0 < t < len(doc.norms):
        return False
    gap = doc.text[doc.ends[t - 1] : doc.starts[t]]
    if not gap:
        return False
    if all(c in _GLUE for c in gap):
        return True
    return gap[-1] in _APOSTROPHES and gap[:-1].isspace() and doc.norms[t] in _CLITICS


def word_bounded(doc_a: Doc, doc_b: Doc, tok_ops: list[TokOp]) -> list[TokOp]:
    """``tok_ops`` without the equal words at either end that are only part of a written
    word on one side, so that a passage's span starts and ends on word boundaries of both
    texts: "war protest" is no passage of "the anti-war protest", nor "s lawyer Mark
    Heller" of "Lohan 's lawyer Mark Heller". An end op is never emptied.

    >>> a, b = Doc("an anti-war protest began today"), Doc("a war protest began today")
    >>> word_bounded(a, b, [("equal", 2, 6, 1, 5)])
    [('equal', 3, 6, 2, 5)]
    >>> a = Doc("Lohan 's lawyer Mark Heller said")
    >>> word_bounded(a, Doc("Her 's lawyer Mark Heller said"), [("equal", 1, 6, 1, 6)])
    [('equal', 2, 6, 2, 6)]
    """
    ops = list(tok_ops)
    tag, i0, i1, j0, j1 = ops[0]
    while tag == "equal" and i1 - i0 > 1 and (glued(doc_a, i0) or glued(doc_b, j0)):
        i0, j0 = i0 + 1, j0 + 1
    ops[0] = (tag, i0, i1, j0, j1)
    tag, i0, i1, j0, j1 = ops[-1]
    while tag == "equal" and i1 - i0 > 1 and (glued(doc_a, i1) or glued(doc_b, j1)):
        i1, j1 = i1 - 1, j1 - 1
    ops[-1] = (tag, i0, i1, j0, j1)
    return ops


MIN_UNIT_WORDS = 4
"""Least words of a sentence stretch worth pairing, and least matched words for a
passage shorter than ``Options.min_words`` that is a whole sentence or quotation."""


def covered_flags(doc_a: Doc, doc_b: Doc, passages: list[Passage]) -> tuple[list[bool], list[bool]]:
    """Per token of each side: whether some passage covers it."""
    cov_a = [False] * len(doc_a)
    cov_b = [False] * len(doc_b)
    for p in passages:
        a0, a1 = p.a_tokens
        b0, b1 = p.b_tokens
        cov_a[a0:a1] = [True] * (a1 - a0)
        cov_b[b0:b1] = [True] * (b1 - b0)
    return cov_a, cov_b


def free_stretches(sents: list[tuple[int, int]], covered: list[bool]) -> list[tuple[int, int]]:
    """The longest run of uncovered tokens in each sentence, if it has
    :data:`MIN_UNIT_WORDS` words or more (sentences as ``Doc.sentence_tokens``).

    >>> free_stretches([(0, 6), (6, 8)], [True, False, False, False, False, True, False, False])
    [(1, 5)]
    """
    out = []
    for t0, t1 in sents:
        if t1 - t0 < MIN_UNIT_WORDS:
            continue
        part = covered[t0:t1]
        if True not in part:  # the common case: a sentence no passage touches
            out.append((t0, t1))
            continue
        if False not in part:  # the other common case: wholly covered, nothing free
            continue
        best, start = (0, 0), None
        for t in range(t0, t1 + 1):
            if t < t1 and not covered[t]:
                if start is None:
                    start = t
            elif start is not None:
                if t - start > best[1] - best[0]:
                    best = (start, t)
                start = None
        if best[1] - best[0] >= MIN_UNIT_WORDS:
            out.append(best)
    return out
