"""Text and tokens: the offset-preserving layer every other module builds on.

A :class:`Doc` holds the exact text that was analysed and its word tokens. Each
token keeps its character span in that text next to its normalised form, so any
result computed on normalised tokens maps back to raw characters, in the spirit
of spaCy's ``Doc``/``Span``.

Normalisation removes differences that do not change the words: case, curly
versus straight apostrophes, diacritics ("naïve" = "naive"), dashes and
whitespace (punctuation is not tokenised at all). A change of words, such as
"United States" versus "US", stays a difference.

Example:
    >>> doc = Doc("Labour’s “naïve” decision")
    >>> doc.norms
    ["labour's", 'naive', 'decision']
    >>> doc.span(1, 3)
    (10, 25)
    >>> doc.text[10:25]
    'naïve” decision'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# CJK and other scripts written without spaces are tokenised per character, so
# that non-English text still aligns word by word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’ʼ][^\W{_CJK}]+)*")

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """Fold a raw token to its comparison form (case, apostrophes, diacritics)."""
    w = word.translate(_APOSTROPHES).lower()
    return w if w.isascii() else _strip_marks(w)


@lru_cache(maxsize=200_000)
def _strip_marks(w: str) -> str:
    decomposed = unicodedata.normalize("NFKD", w)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


# Function words carry little evidence of shared content; sentence-level
# similarity and the verdict look at content words only.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mr mrs ms
    mustn't my myself no nor not now of off on once only or other ought our ours ourselves out
    over own said same says say she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to too told under until up very was wasn't we we'd
    we'll we're we've were weren't what what's when when's where where's which while who who's
    whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves""".split()
)


@dataclass(slots=True)
class Doc:
    """Text plus its word tokens, each with character offsets into ``text``.

    ``norms[i]`` is the normalised form of ``text[starts[i]:ends[i]]``.
    """

    text: str
    starts: list[int] = field(init=False)
    ends: list[int] = field(init=False)
    norms: list[str] = field(init=False)

    def __post_init__(self) -> None:
        text = self.text
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        folded = text.translate(_APOSTROPHES).lower()
        if len(folded) != len(text):
            # A few characters lower-case to two ("İ"); fold token by token.
            self.norms = [normalise_word(text[s:e]) for s, e in spans]
            return
        norms = [folded[s:e] for s, e in spans]
        if not folded.isascii():
            norms = [w if w.isascii() else _strip_marks(w) for w in norms]
        self.norms = norms

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span covering tokens ``i`` (inclusive) to ``j`` (exclusive).

        An empty token range maps to an empty span at the position where the
        missing tokens would stand, so insertions still carry an offset.
        """
        if j > i:
            return self.starts[i], self.ends[j - 1]
        if i < len(self.starts):
            pos = self.starts[i]
        elif self.ends:
            pos = self.ends[-1]
        else:
            pos = 0
        return pos, pos

    def token_at(self, char: int) -> int:
        """Index of the first token that ends after character ``char``."""
        return bisect_right(self.ends, char)


_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*")


def overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """True when the half-open spans ``x`` and ``y`` share at least one position."""
    return x[0] < y[1] and y[0] < x[1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence-like character spans (lines split too).

    News copy puts captions, headlines and paragraphs on lines of their own, so
    a line break always ends a sentence.

    >>> sentence_spans("One here. Two there.\\nThree")
    [(0, 9), (10, 20), (21, 26)]
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


_OPEN_DOUBLE = '“"«„'
_CLOSE_DOUBLE = '”"»“'
_OPEN_SINGLE = "‘'"
_CLOSE_SINGLE = "’'"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of text inside quotation marks (the marks excluded).

    Handles curly and straight marks, double and single marks (telling a
    closing single mark from an apostrophe by what follows it) and the news
    convention of a quote running over paragraphs, where each new paragraph
    re-opens the mark and only the last one closes it. An unbalanced mark never
    swallows more than its own paragraph.

    Two straight single marks (``''``, as in some wire copy) count as one
    double mark, and a curly opening mark followed by a stray space still opens.

    >>> t = 'He said: “We will win.” Then ‘it’s over’, she said.'
    >>> [t[s:e] for s, e in quoted_spans(t)]
    ['We will win.', 'it’s over']
    """
    # Same-length stand-in for '' so offsets stay valid: a zero-width space
    # then a double mark.
    work = text.replace("''", _ZWSP + '"') if "''" in text else text
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(work):
        _quoted_in_paragraph(work, p_start, p_end, spans)
    out = []
    for s, e in spans:
        while s < e and (work[s].isspace() or work[s] == _ZWSP):
            s += 1
        while e > s and work[e - 1] == _ZWSP:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


_ZWSP = "\u200b"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _is_opening(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (prev.isspace() or prev in '([{—–-:,;"“‘\u200b'):
        return False
    if not nxt.isspace():
        return True
    # “ naïve and gauche”: a curly opening mark with a stray space after it.
    return text[i] in "“‘«„" and nxt == " " and i + 2 < len(text) and text[i + 2].isalnum()


def _is_closing(text: str, i: int, end: int) -> bool:
    nxt = text[i + 1] if i + 1 < end else " "
    prev = text[i - 1] if i > 0 else " "
    return not prev.isspace() and not nxt.isalnum()


_ANY_OPEN = re.compile(f"[{re.escape(_OPEN_DOUBLE + _OPEN_SINGLE)}]")
_CLOSERS = {
    _CLOSE_DOUBLE: re.compile(f"[{re.escape(_CLOSE_DOUBLE)}]"),
    _CLOSE_SINGLE: re.compile(f"[{re.escape(_CLOSE_SINGLE)}]"),
}


def _quoted_in_paragraph(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    # Jump from mark to mark with compiled searches: most characters are not marks.
    i = start
    while True:
        m = _ANY_OPEN.search(text, i, end)
        if m is None:
            return
        i = m.start()
        if not _is_opening(text, i, start):
            i += 1
            continue
        closers = _CLOSE_DOUBLE if text[i] in _OPEN_DOUBLE else _CLOSE_SINGLE
        finder = _CLOSERS[closers]
        j = i + 1
        while True:
            mc = finder.search(text, j, end)
            if mc is None:
                j = end
                break
            j = mc.start()
            if _is_closing(text, j, end):
                break
            j += 1
        # An unclosed mark runs to the end of its paragraph (the multi-paragraph
        # quote convention); the next paragraph re-opens it if the quote goes on.
        if j > i + 1:
            out.append((i + 1, j))
        i = j + 1
        if i >= end:
            return
