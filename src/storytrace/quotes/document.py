"""Quotation segments and sentence-like units of one text, and the per-text
context the extraction stages share."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from storytrace.quotes.lexicon import (
    CLOSE_MARKS,
    OPEN_MARKS,
)
from storytrace.quotes.model import Span
from storytrace.text import quoted_spans, sentence_spans


def quote_segments(text: str) -> list[Span]:
    """Spans inside quotation marks, a quote running over paragraphs joined into one.

    News style re-opens the mark on each new paragraph of a long quote and
    closes it only on the last; the joined span covers the re-opening marks.

    >>> t = '“First part.\\n“Second part.” Then ‘done’.'
    >>> [t[s:e] for s, e in quote_segments(t)]
    ['First part.\\n“Second part.', 'done']
    """
    out: list[Span] = []
    n = len(text)
    for s, e in quoted_spans(text):
        while s < e and text[s].isspace():
            s += 1
        if e <= s:
            continue
        if out:
            ps, pe = out[-1]
            closed = pe < n and text[pe] in CLOSE_MARKS
            gap = text[pe:s]
            if not closed and "\n" in gap and gap[:-1].strip() == "" and gap[-1] in OPEN_MARKS:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


@dataclass(slots=True)
class Context:
    text: str
    segs: list[Span]
    seg_starts: list[int]
    names: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    descriptors: list[tuple[int, frozenset[str], str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    units: list[Span] = field(default_factory=list)

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.seg_starts, pos) - 1
        return k >= 0 and self.segs[k][0] <= pos < self.segs[k][1]


def sentence_units(text: str, segs: list[Span]) -> list[Span]:
    """Sentences, never split inside a quote; a bare trailing frame joins its quote."""
    units: list[Span] = []
    k = 0
    for s, e in _sentences(text):
        # The splitter leaves a closing mark after the full stop outside.
        while e < len(text) and text[e] in CLOSE_MARKS + ")]":
            e += 1
        while k < len(segs) and segs[k][1] <= s:
            k += 1
        if units and (
            (k < len(segs) and segs[k][0] < s < segs[k][1])
            or (
                k > 0
                and segs[k - 1][0] < s <= segs[k - 1][1] + 1
                and units[-1][1] >= segs[k - 1][0]
                and "\n" not in text[segs[k - 1][1] : s]
            )
        ):
            units[-1] = (units[-1][0], e)
            continue
        # '"We won." Smith said.' splits after the quote; the frame belongs to it.
        if units and _is_bare_frame(text[s:e]) and text[units[-1][1] - 1] in CLOSE_MARKS:
            units[-1] = (units[-1][0], e)
            continue
        units.append((s, e))
    return units


_DOUBLE_APOS_START = re.compile(r"(?<=[.!?])\s+(?=''[A-Z])")


def _sentences(text: str) -> list[Span]:
    """``sentence_spans``, also split before a sentence opening with ``''``."""
    out: list[Span] = []
    for s, e in sentence_spans(text):
        # "Mr." and "J." are not sentence ends.
        if out and _ABBREV.search(text, out[-1][0], out[-1][1]):
            s = out.pop()[0]
        if "''" in text[s:e]:
            for m in _DOUBLE_APOS_START.finditer(text, s, e):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, e))
    return out


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Mt|No|Vol|Inc|Corp"
    r"|Co|Ltd|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?<![\w.])[A-Z])\.$"
)
_BARE_FRAME = re.compile(
    r"^[^“”\"‘’]{0,60}\b(?:said|says|added|told|asked|replied|wrote)\b"
    r"(?:\s+(?!that\b)[^\s“”\"‘’]+){0,4}[.!?]?$"
)


def _is_bare_frame(unit_text: str) -> bool:
    return len(unit_text.split()) <= 8 and bool(_BARE_FRAME.match(unit_text))
