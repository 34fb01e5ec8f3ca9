"""How much do the shared passages differ? Passage kept shares and a comparison grade.

Two steps, both called by :func:`storytrace.align.compare`:

- :func:`label` (before coverage and the verdict): every passage gets ``kept``,
  the share of its compared words left unchanged (equal words over equal plus
  replaced ones; inserted and deleted stretches do not count against it). A
  passage whose only differences are omitted or added stretches (at least
  :data:`TRIM_MIN_WORDS` words, or a clause set off by punctuation, or a
  "replacement" spanning a sentence end whose shorter side's words all stand in the
  longer, between two kept stretches: the aligner bridging a dropped sentence) and every
  kept word unchanged is a copy with omissions: kind ``verbatim`` with
  ``trimmed`` set, not ``edited`` (nor ``reworded``, as sentence pairing may call it on
  its word similarity). A chained ``edited`` passage whose kept share
  is below :data:`REWORDED_KEPT` is a rewrite around a few kept phrases:
  kind ``reworded``, as sentence pairs are.
- :func:`grade` (after the verdict): ``none`` | ``light`` | ``heavy`` for a
  derived text (verdict duplicate, spun, copied or reworded), None otherwise,
  from measured features (:class:`Revision`): kept share over all passages,
  share of passage words in reworded passages, edits per 100 passage words and
  passage order. The thresholds were set on the tune part of the graded BBC set
  in ``bench/revision_eval.py`` (figures and the measure-only part there and in
  ``docs/verdict.md``).

Example:
    >>> from storytrace.diff import make_passage, merge_ops, opcodes
    >>> from storytrace.text import Doc
    >>> a = Doc("The council, which met on Monday evening, approved the new budget for schools.")
    >>> b = Doc("The council approved the new budget for schools.")
    >>> p = label(a, b, [make_passage(a, b, merge_ops(opcodes(a.norms, b.norms)))])[0]
    >>> p.kind, p.trimmed, p.kept
    ('verbatim', True, 1.0)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from storytrace.diff import Passage
from storytrace.records import Record, jfield
from storytrace.text import Doc

TRIM_MIN_WORDS = 3
"""Shortest omitted or added stretch that counts as trimming whatever its punctuation;
a shorter one must be a clause (punctuation on one side) or it is an edit."""
REWORDED_KEPT = 0.5
"""An ``edited`` passage keeping less than this share of its words is ``reworded``."""

NONE_KEPT = 0.99
"""Least kept share over all passages for ``none`` (a copy, maybe trimmed)..."""
NONE_EDITS_PER_100 = 1.0
"""...with at most this many word edits (other than trimming) per 100 passage words."""
HEAVY_KEPT = 0.85
"""Below this kept share the revision is ``heavy``..."""
HEAVY_REWORDED = 0.35
"""...and also when this share of the passage words is in reworded passages..."""
HEAVY_EDITS_PER_100 = 9.0
"""...or when there are this many word edits per 100 passage words. On the tune half
of bench/revision_eval.py (10th-90th percentiles): copies keep 100% with 0-0.2 edits
per 100 words, light revisions 96-98% with 3.4-6.5 (the hand-written light fixture:
91%, 7.9), heavy ones 72-81% with 11-15; the thresholds sit in the gaps (the grid
search's best, 8.0 and 0.80, would put the light fixture at the edge)."""

DERIVED = ("duplicate", "spun", "copied", "reworded")
"""Verdicts whose shared passages are graded (no direction: B may revise A, or A B)."""
LEVELS = ("none", "light", "heavy")

_CLAUSE_MARKS = ",;:.!?()[]–—-\"“”'‘’"


@dataclass(slots=True)
class Revision(Record):
    """The measured features behind the revision grade, and the grade."""

    level: str = jfield("none, light or heavy.")
    kept: float = jfield(
        "Share of the passage words lined up on both sides (unchanged or replaced) left "
        "unchanged; inserted and deleted words are not counted.",
        digits=4,
    )
    reworded: float = jfield("Share of passage words inside reworded passages.", digits=4)
    edits_per_100: float = jfield(
        "Word edits per 100 passage words: each replaced stretch, and each inserted or deleted "
        "stretch too short to count as trimming, is one edit.",
        digits=2,
    )
    reordered: float = jfield(
        "Share of passage pairs whose order differs between A and B.", digits=4
    )
    trimmed: int = jfield("Passages that are copies with omissions.")
    reason: str = jfield("The grade in plain language, of the shared passages.")


def _is_clause(doc: Doc, span: tuple[int, int]) -> bool:
    """The stretch is set off by punctuation on at least one side."""
    text = doc.text
    # The nearest non-space character on each side, found without copying the text
    # before or after the span (this runs for every edit of every compare).
    k = span[0]
    while k > 0 and text[k - 1].isspace():
        k -= 1
    before = text[k - 1] if k > 0 else ""
    k = span[1]
    while k < len(text) and text[k].isspace():
        k += 1
    after = text[k] if k < len(text) else ""
    inside = text[span[0] : span[1]].strip()
    return bool(
        (before and before in _CLAUSE_MARKS)
        or (after and after in _CLAUSE_MARKS)
        or (inside and (inside[0] in _CLAUSE_MARKS or inside[-1] in _CLAUSE_MARKS))
    )


def _trim_edit(doc_a: Doc, doc_b: Doc, op: str, a: tuple, b: tuple) -> bool:
    doc, span = (doc_a, a) if op == "delete" else (doc_b, b)
    return doc.count_words(span) >= TRIM_MIN_WORDS or _is_clause(doc, span)


def _junction(doc: Doc, span: tuple[int, int]) -> bool:
    """The span runs from one of ``doc``'s sentences into the next (``Doc.sentences``:
    abbreviations such as "Mr." end none, a line break always ends one)."""
    sents = doc.sentences
    ends = doc.derived(("revision", "sentence_ends"), lambda: [e for _, e in sents])
    k = bisect_right(ends, span[0])  # the first sentence ending after the span starts
    return k + 1 < len(sents) and sents[k][1] < span[1] and sents[k + 1][0] < span[1]


def _found_in(doc: Doc, span: tuple[int, int], other: Doc) -> bool:
    """Two or more words of ``doc`` that occur, in order and together, in ``other``."""
    i, j = doc.tokens_in(span)
    if j - i < 2:
        return False
    # The other text's words joined once per Doc: asked for each replacement, both ways.
    words = other.derived(("revision", "joined"), lambda: f" {' '.join(other.norms)} ")
    return f" {' '.join(doc.norms[i:j])} " in words


def _within(doc_a: Doc, span_a: tuple[int, int], doc_b: Doc, span_b: tuple[int, int]) -> bool:
    """Every word of the shorter side (fewer words) also stands in the longer side."""
    i, j = doc_a.tokens_in(span_a)
    k, m = doc_b.tokens_in(span_b)
    short, long_ = doc_a.norms[i:j], doc_b.norms[k:m]
    if len(short) > len(long_):
        short, long_ = long_, short
    return set(short) <= set(long_)


def _whole(doc: Doc, span: tuple[int, int]) -> bool:
    """The span is whole sentences: it starts where one starts and ends where one ends."""
    sents = doc.sentences
    starts = doc.derived(("revision", "sentence_starts"), lambda: [s for s, _ in sents])
    ends = doc.derived(("revision", "sentence_ends"), lambda: [e for _, e in sents])
    k = bisect_right(starts, span[0]) - 1
    if k < 0 or doc.text[starts[k] : span[0]].strip():
        return False
    m = bisect_left(ends, span[1])
    return m < len(ends) and not doc.text[span[1] : ends[m]].strip(" \n\t.!?\"”’'")


@dataclass(slots=True)
class _Counts:
    equal: int = 0
    replaced: int = 0
    edits: int = 0  # non-equal edits that are not trimming
    trims: int = 0


def _counts(doc_a: Doc, doc_b: Doc, p: Passage) -> _Counts:
    c = _Counts()
    last = len(p.edits) - 1
    for k, e in enumerate(p.edits):
        if e.op == "equal":
            c.equal += doc_a.count_words(e.a)
        elif e.op in ("insert", "delete"):
            if _trim_edit(doc_a, doc_b, e.op, e.a, e.b):
                c.trims += 1
            else:
                c.edits += 1
        elif 0 < k < last and (
            _found_in(doc_b, e.b, doc_a)
            or _found_in(doc_a, e.a, doc_b)
            or (_junction(doc_a, e.a) or _junction(doc_b, e.b))
            and (_within(doc_a, e.a, doc_b, e.b) or (_whole(doc_a, e.a) and _whole(doc_b, e.b)))
        ):
            # A "replacement" whose new words stand word for word elsewhere in A (or its old
            # words elsewhere in B: either way round, so compare(b, a) trims alike), or one
            # across a sentence end whose shorter side's words all stand in the longer side,
            # whose old words stand elsewhere in B (a moved paragraph) or whose two sides
            # are whole sentences (some dropped, others added), is the aligner
            # bridging an omitted stretch: the tail of one clause lined up with the head of
            # the next. Never at a passage's first or last edit: there it bridges
            # nothing ("Checks Into Malibu Rehab" / "checks into rehab facility" is an edit
            # though "rehab facility" stands later in A). A junction alone is not enough:
            # "Heller said she was" against
            # "Heller did in court. He told the judge that LiLo was" changes words, and
            # calling that passage verbatim would be a claim no reader could check.
            c.trims += 1
        else:  # replace, synonym
            c.replaced += max(doc_a.count_words(e.a), doc_b.count_words(e.b))
            c.edits += 1
    return c


def label(doc_a: Doc, doc_b: Doc, passages: list[Passage]) -> list[Passage]:
    """New passages with ``kept`` and ``trimmed`` set, trimmed copies ``verbatim`` and
    low-kept edited passages ``reworded`` (the given passages are left as they are)."""
    out = []
    for p in passages:
        c = _counts(doc_a, doc_b, p)
        kept = c.equal / (c.equal + c.replaced) if c.equal + c.replaced else 0.0
        kind, trimmed = p.kind, False
        if p.kind in ("edited", "reworded") and c.trims and not c.edits:
            # Sentence pairing calls a pair "reworded" on its word similarity; a team list
            # with the clubs left out is low on it, yet every word kept is unchanged.
            kind, trimmed = "verbatim", True
        elif p.kind == "edited" and kept < REWORDED_KEPT:
            kind = "reworded"
        out.append(replace(p, kind=kind, kept=kept, trimmed=trimmed))
    return out


def features(doc_a: Doc, doc_b: Doc, passages: list[Passage]) -> Revision:
    """The revision features of labelled passages, graded with the thresholds above."""
    equal = replaced = edits = words = reworded = trimmed = 0
    for p in passages:
        c = _counts(doc_a, doc_b, p)
        size = max(p.a_tokens[1] - p.a_tokens[0], p.b_tokens[1] - p.b_tokens[0])
        equal += c.equal
        replaced += c.replaced
        edits += c.edits
        words += size
        trimmed += bool(p.trimmed)
        if p.kind == "reworded":
            reworded += size
    kept = equal / (equal + replaced) if equal + replaced else 0.0
    rew = reworded / words if words else 0.0
    density = 100 * edits / words if words else 0.0
    order = sorted(passages, key=lambda p: p.a_tokens[0])
    pairs = inversions = 0
    for i, p in enumerate(order):
        for q in order[i + 1 :]:
            pairs += 1
            inversions += q.b_tokens[0] < p.b_tokens[0]
    reordered = inversions / pairs if pairs else 0.0
    level, reason = _decide(kept, rew, density)
    return Revision(level, kept, rew, density, reordered, trimmed, reason)


def _decide(kept: float, reworded: float, density: float) -> tuple[str, str]:
    # Every feature is measured inside the shared passages, and the reason says so: the words
    # outside them are neither kept nor revised, so "92% kept" is no claim that one whole
    # article revises the other (two outlets sharing quotes and a few phrases). No verdict
    # says which text came first, so the grade is worded as the two texts' difference.
    # The edits come first and each figure says what it counts: "100% unchanged, 3.1 edits"
    # read as a contradiction when the edits were all words added on one side.
    edits = (
        f"{density:.1f} word edits per 100 passage words "
        "(words replaced, or a word or two inserted or deleted)"
    )
    share = (
        f"{kept:.0%} of the words lined up on both sides unchanged "
        "(inserted and deleted words stand on one side only)"
    )
    if kept < HEAVY_KEPT or reworded >= HEAVY_REWORDED or density >= HEAVY_EDITS_PER_100:
        return "heavy", (
            f"The shared passages differ heavily: {edits}; {share}; "
            f"{reworded:.0%} of the passage words in reworded passages"
        )
    if kept >= NONE_KEPT and density <= NONE_EDITS_PER_100:
        return "none", (
            f"The shared passages are copies: {share}; "
            "the differences are omitted or added stretches"
        )
    return "light", f"The shared passages differ lightly: {edits}; {share}"


def grade(doc_a: Doc, doc_b: Doc, passages: list[Passage], verdict: str) -> Revision | None:
    """The revision grade of a derived pair; None when the verdict is not reuse."""
    if verdict not in DERIVED or not passages:
        return None
    return features(doc_a, doc_b, passages)
