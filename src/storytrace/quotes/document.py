"""The document view quote extraction reads: the one :class:`storytrace.text.Doc`
(tokens, sentences, quotations), quotations joined over paragraphs, sentence-like
units that never split a quote, phrase tokens for noun-phrase scanning, and the
per-text state the extraction stages share."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from storytrace.articles import headline_span, title_case
from storytrace.boilerplate import boilerplate_spans
from storytrace.quotes.lexicon import (
    CUE_FORMS,
    INITIALS,
)
from storytrace.quotes.model import Span
from storytrace.text import CLOSE_MARKS, OPEN_MARKS, Doc, doc_of, lazy_compile, overlaps
from storytrace.titles import PHRASE_ABBREVIATIONS


def quote_segments(text: str | Doc) -> list[Span]:
    """Spans inside quotation marks, a quote running over paragraphs joined into one.

    News style re-opens the mark on each new paragraph of a long quote and
    closes it only on the last; the joined span covers the re-opening marks.

    >>> t = '“First part.\\n“Second part.” Then ‘done’.'
    >>> [t[s:e] for s, e in quote_segments(t)]
    ['First part.\\n“Second part.', 'done']
    """
    doc = text if isinstance(text, Doc) else doc_of(text)
    text = doc.text
    out: list[Span] = []
    n = len(text)
    for s, e in doc.quotations:
        while s < e and text[s].isspace():
            s += 1
        if e <= s:
            continue
        if out:
            ps, pe = out[-1]
            closed = pe < n and text[pe] in CLOSE_MARKS
            gap = text[pe:s]
            # The next paragraph re-opens the mark, or (one sentence per line, as ECB+
            # gives it) goes on without one, its closing mark saying so (text._run_on).
            reopened = gap[-1:] in OPEN_MARKS
            if not closed and "\n" in gap and (gap[:-1] if reopened else gap).strip() == "":
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


@dataclass(slots=True)
class Context:
    """One text under extraction: its Doc, its joined quotations and units, and
    the names index the speaker stages fill."""

    doc: Doc
    # The headline (:func:`headline`): no quote is read there, but unless it is in title
    # case it stays among the units, not furniture, because its names are what the lede's
    # 'the firm', 'the prime minister' and 'it' point back to ("Blair defends terror law
    # changes / The prime minister has said ...").
    head: Span | None = None
    segs: list[Span] = field(default_factory=list)
    seg_starts: list[int] = field(default_factory=list)
    units: list[Span] = field(default_factory=list)
    names: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    descriptors: list[tuple[int, frozenset[str], str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    # Sorted positions and look-ups, so that each resolution step is logarithmic
    # or bounded, never a scan of the whole article (issue 16: linear time).
    unit_starts: list[int] = field(default_factory=list)
    name_starts: list[int] = field(default_factory=list)
    desc_starts: list[int] = field(default_factory=list)
    by_part: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # Names the article writes with an interviewer's role just before or in an
    # apposition ('CNN host Jake Tapper', 'Jake Tapper, the host,').
    interviewers: set[str] = field(default_factory=set)
    # Offices the article writes just before each name ('Rep. Michele Bachmann').
    offices: dict[str, set[str]] = field(default_factory=dict)
    # Acronyms and the name the text spells each out as ('BRC': 'British Retail
    # Consortium'), or None: found once per acronym.
    acronyms: dict[str, str | None] = field(default_factory=dict)
    # One-word company names and the full name the text gives them ('Cairn': 'Cairn
    # Energy'), found once per text.
    companies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.segs = quote_segments(self.doc)
        self.seg_starts = [s for s, _ in self.segs]
        text = self.doc.text
        head = self.head = headline(self.doc)
        skip = furniture(self.doc)
        if head is not None and title_case(text[head[0] : head[1]]):
            # In title case every word looks like a name ("Q&A: Malcolm Glazer And Man
            # Utd"), so such a headline is no unit at all: no subject or name of it is
            # what the lede's 'the club' or 'it' points back to.
            skip = sorted([head, *skip])
        self.units = []
        for whole in sentence_units(self.doc, self.segs):
            pieces = [whole]
            if head is not None and whole[0] < head[1] < whole[1]:
                # A unit running on past the headline (a quotation mark read as left
                # open there) splits at its end: the headline is a line of its own.
                after = text[head[1] : whole[1]].lstrip()
                pieces = [(whole[0], head[1])]
                if after:
                    pieces.append((whole[1] - len(after), whole[1]))
            for u in pieces:
                hits = [f for f in skip if overlaps(u, f)]
                if hits:
                    # A unit running into furniture (an unclosed quotation up to a
                    # 'Follow X on Twitter' line) keeps what comes before it.
                    cut = min(f[0] for f in hits)
                    if cut <= u[0] or not text[u[0] : cut].strip():
                        continue
                    u = (u[0], len(text[:cut].rstrip()))
                self.units.append(u)
        self.unit_starts = [u[0] for u in self.units]

    def names_indexed(self) -> None:
        """Sort the names and descriptors found and index names by first and last word."""
        self.names.sort()
        self.descriptors.sort(key=lambda d: d[0])
        self.name_starts = [p for p, _ in self.names]
        self.desc_starts = [p for p, _, _ in self.descriptors]
        for npos, full in self.names:
            parts = full.split()
            for w in {parts[0], parts[-1]}:
                self.by_part.setdefault(w, []).append((npos, full))

    def segments_in(self, s: int, e: int) -> list[Span]:
        """The quotation segments overlapping ``[s, e)``."""
        k = max(0, bisect_right(self.seg_starts, s) - 1)
        out = []
        for seg in self.segs[k:]:
            if seg[0] >= e:
                break
            if seg[1] > s:
                out.append(seg)
        return out

    @property
    def text(self) -> str:
        return self.doc.text

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.seg_starts, pos) - 1
        return k >= 0 and self.segs[k][0] <= pos < self.segs[k][1]

    def count_words(self, s: int, e: int) -> int:
        return self.doc.count_words((s, e))

    def words(self, s: int, e: int) -> list[str]:
        doc = self.doc
        i, j = doc.tokens_in((s, e))
        return [doc.text[doc.starts[k] : doc.ends[k]] for k in range(i, j)]


# Lines that are never anyone's words, beyond the publisher furniture that
# boilerplate finds: link and video teasers, social-media plugs, wire credits.
_NOT_CONTENT = (
    r"^\s*(?:watch|listen|read|more|related|see|video|photos?|gallery)\s*(?:here|more)?\s*[:\-|]",
    r"\bfollow [^.\n]{0,40} on (?:twitter|x|facebook|instagram)\b",
    r"^\s*\((?:reporting|writing|editing|additional reporting) by\b",
)


def furniture(doc: Doc) -> list[Span]:
    """Spans that never hold quotes: publisher furniture (``storytrace.boilerplate``),
    link and video teasers and wire credits. (The headline holds none either, but it stays
    among the units: :attr:`Context.head`.)"""
    out = boilerplate_spans(doc.text, _NOT_CONTENT, doc=doc)
    out += [span for span in doc.paragraphs if _QUOTED_HEAD.fullmatch(doc.text, *span)]
    return sorted(out)


# A paragraph that is only a few words in single quotation marks ('A fight from start to
# finish.'): a section head or a pull-quote printed as one, nobody's new utterance here;
# a quotation continuing a speaker takes double marks ('' in some wire copy).
_QUOTED_HEAD = lazy_compile(
    r"\s*(?:'(?!')|‘)\s*(?:[^\s'‘’“”\"]+(?:'[^\s'‘’“”\"]+)*\s+){0,7}"
    r"[^\s'‘’“”\"]+(?:'[^\s'‘’“”\"]+)*[.!?]?\s*(?:'|’)\s*"
)


def headline(doc: Doc) -> Span | None:
    """The headline (:func:`storytrace.articles.headline_span`, the project's one rule: the
    first line that dates, signs or labels nothing, more text below, short and closing its
    sentence neither with a full stop nor inside a quotation mark, or a title-case paragraph), its
    trailing spaces left out. It is never anyone's words as reported in this article: its
    words, if any, are reported again below.

    >>> t = "May 30, 2019\\nBy Jane Smith\\nBank 'will cut rates'\\nThe bank said it will."
    >>> s, e = headline(doc_of(t))
    >>> t[s:e]
    "Bank 'will cut rates'"
    """
    text = doc.text
    span = headline_span(text)
    if span is None:
        return None
    s, e = span
    return s, len(text[:e].rstrip())


@dataclass(slots=True, frozen=True)
class Tok:
    """A phrase token: a word of the Doc (hyphen and dot compounds joined, a title's
    or an initial's full stop kept: "Mr.", "J.", "U.S.", "Ocasio-Cortez") or one
    punctuation character. Read like a regular-expression match."""

    s: int
    e: int
    text: str

    def group(self, _: int = 0) -> str:
        return self.text

    def span(self) -> Span:
        return self.s, self.e

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


def phrase_tokens(doc: Doc, s: int, e: int) -> list[Tok]:
    """The tokens of ``doc.text[s:e]`` for noun-phrase scanning: Doc words plus the
    punctuation between them (commas, brackets and dashes bound phrases)."""
    text = doc.text
    i, j = doc.tokens_in((s, e))
    out: list[Tok] = []
    pos = s
    k = i
    while k < j:
        _punct(text, pos, doc.starts[k], out)
        t0, t1 = doc.starts[k], doc.ends[k]
        # 'Ocasio-Cortez', 'U.S', "O'Rourke": one token when nothing but a hyphen,
        # dot or apostrophe joins the words.
        while k + 1 < j and doc.starts[k + 1] == t1 + 1 and text[t1] in ".-’'":
            k += 1
            t1 = doc.ends[k]
        if (
            t1 < e
            and text[t1] == "."
            and (text[t0:t1] in PHRASE_ABBREVIATIONS or INITIALS.fullmatch(text, t0, t1))
        ):
            t1 += 1
        out.append(Tok(t0, t1, text[t0:t1]))
        pos = t1
        k += 1
    _punct(text, pos, e, out)
    return out


def _punct(text: str, a: int, b: int, out: list[Tok]) -> None:
    for p in range(a, b):
        c = text[p]
        if not c.isspace():
            out.append(Tok(p, p + 1, c))


def sentence_units(doc: Doc, segs: list[Span]) -> list[Span]:
    """Sentences, never split inside a quote; a bare trailing frame joins its quote."""
    text = doc.text
    units: list[Span] = []
    k = 0
    for s, e in doc.sentences:
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
        # A quotation closing its paragraph ends there: no frame of it opens the next
        # paragraph ('... said: "The mayor has faith."' then 'The mayor spoke on Monday.').
        new_paragraph = bool(units) and _PARAGRAPH_BREAK.search(text, units[-1][1], s) is not None
        # '"We won." Smith said.' splits after the quote; the frame belongs to it.
        if (
            units
            and not new_paragraph
            and _is_bare_frame(text[s:e])
            and text[units[-1][1] - 1] in CLOSE_MARKS
        ):
            units[-1] = (units[-1][0], e)
            continue
        # '"Why should I be surprised?" Mr. Hale asked during the meeting ...': after a
        # question or exclamation the splitter cut, a named subject and its reporting
        # verb open the frame of that quotation, however long the rest.
        if (
            units
            and not new_paragraph
            and _ASKED_QUOTE_END.search(text, max(units[-1][0], units[-1][1] - 4), units[-1][1])
            and (m := _NAMED_FRAME.match(text, s, e)) is not None
            and CUE_FORMS.get(m.group(1)) is not None
            # Only where and when it was said, no clause of its own ('Smith told the
            # Post he has ...', '... said in an interview that ...').
            and not _OWN_CLAUSE.search(text, m.end(1), _frame_clause_end(text, m.end(1), e))
        ):
            units[-1] = (units[-1][0], e)
            continue
        units.append((s, e))
    return units


_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t\xa0]*\n")
_ASKED_QUOTE_END = lazy_compile(r"[?!](?:''|[”’\"])$")
# A named subject (titles and initials included) and a verb, not followed by 'that'.
_NAMED_FRAME = lazy_compile(
    r"(?!(?:He|She|They|It|We|I|You)\b)(?:[A-Z][\w’'.\-]*\s+){1,4}(?:[a-z]+ly\s+)?([a-z]+)\b"
)
_OWN_CLAUSE = lazy_compile(
    r"\b(?:that|he|she|they|we|I|it|there|whether|if|how|what)\b|[“”\"‘:;]|[’']\s|\s[’']"
)
# Where a frame's own clause ends: a subordinate clause of time or manner ('said as he
# launched the process', 'asks as a maintenance guy walks in') or a participle after a
# comma ('asked, repeating a broadside that ...') reports nothing of the quotation's.
_FRAME_CLAUSE_END = lazy_compile(
    r"\s(?:as|when|while|after|before|because|since|until)\s|,\s*[a-z]+ing\b"
)


def _frame_clause_end(text: str, s: int, e: int) -> int:
    m = _FRAME_CLAUSE_END.search(text, s, e)
    return m.start() if m is not None else e


_BARE_FRAME = lazy_compile(r"^[^“”\"‘’]{0,60}\b([a-z]+)\b(?:\s+(?!that\b)[^\s“”\"‘’]+){0,4}[.!?]?$")


_APOSTROPHE = lazy_compile(r"(?<=\w)’(?=\w)")


def _is_bare_frame(unit_text: str) -> bool:
    """'Trump yelled.' after a quotation: a subject and a reporting verb alone."""
    if len(unit_text.split()) > 8:
        return False
    # 'Trump tweeted, quoting Comey’s statement.': an apostrophe is no quotation mark.
    unit_text = _APOSTROPHE.sub("'", unit_text)
    m = _BARE_FRAME.match(unit_text)
    return m is not None and any(
        w in CUE_FORMS for w in re.findall(r"\b[a-z]+\b", unit_text[: m.end(1)])
    )
