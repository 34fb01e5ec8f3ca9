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

import math
import re
import sys
import unicodedata
from _thread import allocate_lock
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from storytrace.titles import ABBREVIATED_TITLES

# Neither typing, dataclasses nor threading at run time: ``storytrace match`` imports this
# module and little else, and those with what they import (inspect, ast, dis, tokenize)
# cost it more than the look-up itself (issue 16, bench/cli_startup.py).
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")

_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` and compiles it when first used.

    Python compiles a module-level ``re.compile`` again in every new process (a ``.pyc``
    file keeps the pattern's text, not its compiled form). The quote and furniture rules
    hold a few hundred patterns that a text without quotation marks or reporting verbs
    never uses, and ``storytrace match`` spent more time compiling them than matching
    (issue 16). The first use puts the compiled pattern's methods on this object, so a
    later ``PATTERN.search(...)`` is one attribute look-up, as on an ``re.Pattern``.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # reached for what is not on the object yet
        if name.startswith("__"):  # copy and pickle look for dunders: not a use
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(*self._source)
            for method in _PATTERN_METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on the first use of the result.

    >>> WORD = lazy_compile(r"\\w+")
    >>> WORD.findall("two words"), WORD.pattern
    (['two', 'words'], '\\\\w+')
    """
    return LazyPattern(pattern, flags)  # type: ignore[return-value]


# CJK and other scripts written without spaces are tokenised per character, so
# that non-English text still aligns word by word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A word continues over an apostrophe ("it’s") and, between digits, over a separator
# or decimal point, so "20,442.75" and "3.5bn" are one token and a passage never ends
# inside a number. One alternative for words keeps the scan fast. One group around the
# whole token, so split keeps the tokens; search and finditer match the same.
# Compiled on first use: its three CJK classes cost about 10 ms to compile, most of what
# `storytrace match` compiled, and a text with no character from U+3000 up is split
# by _NO_CJK_SPLIT, the same pattern without them ([^\W{CJK}] is \w there).
TOKEN_RE = lazy_compile(rf"([^\W{_CJK}]+(?:(?:['’ʼ]|(?<=\d)[.,](?=\d))[^\W{_CJK}]+)*|[{_CJK}])")
_NO_CJK_SPLIT = re.compile(r"(\w+(?:(?:['’ʼ]|(?<=\d)[.,](?=\d))\w+)*)")
# The high bytes of UTF-16 code units from U+3000 to U+D7FF and from U+F900 to U+FAFF,
# the blocks of the CJK ranges (a surrogate's high byte, D8-DF, is not among them).
_CJK_HIGH_BYTES = bytes(range(0x30, 0xD8)) + b"\xf9\xfa"


def _token_split(text: str) -> re.Pattern[str]:
    """TOKEN_RE, or the pattern that splits ``text`` the same way when ``text`` holds no
    character of TOKEN_RE's CJK ranges. The check costs about 1.5% of tokenising a news
    article that is not pure ASCII (all in C), the compile it saves about 10 ms a process."""
    if not text.isascii():
        high = text.encode("utf-16-le", "surrogatepass")[1::2]
        if len(high.translate(None, _CJK_HIGH_BYTES)) < len(high):
            return TOKEN_RE
    return _NO_CJK_SPLIT


# Applied after lower-casing. Greek final sigma folds to sigma: ``lower()`` picks
# the final form from context, which differs between a word alone and in a text.
_FOLD_PAIRS = (("’", "'"), ("ʼ", "'"), ("‘", "'"), ("`", "'"), ("ς", "σ"))


def _fold(lowered: str) -> str:
    # str.replace per character present: str.translate with a dict is 10x slower on
    # text that is not pure ASCII (curly quotes are in most news copy).
    for raw, folded in _FOLD_PAIRS:
        if raw in lowered:
            lowered = lowered.replace(raw, folded)
    return lowered


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """Fold a raw token to its comparison form (case, apostrophes, diacritics)."""
    w = _fold(word.lower())
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

_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen""".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
FIGURE_WORDS: dict[str, float] = {
    **{w: float(i) for i, w in enumerate(_UNITS)},
    **{w: float(20 + 10 * i) for i, w in enumerate(_TENS)},
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
"""Number words a figure can be written in ("plus or minus six percentage points"), with
their values."""
_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def figure_value(norm: str) -> float | None:
    """The value of a figure token (digits first, or a number word), else None.

    >>> [figure_value(w) for w in ("4.57", "six", "1,200", "1990s", "sixth", "4")]
    [4.57, 6.0, 1200.0, 1990.0, None, 4.0]
    """
    if norm[:1].isdigit():
        return float(_LEADING_NUMBER.match(norm).group().replace(",", ""))
    return FIGURE_WORDS.get(norm)


def other_figures(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """Whether each word list gives a figure the other does not: "six" against "4.57",
    "four" against "five", "1 percent" against "four percent" (not "four" against "4", nor
    "million" against "thousand thousand", the same product; nor "10 dead, 20 hurt" against
    "20 hurt", where one side only says less). Two texts stating other numbers state other
    facts: such a replacement is no synonym swap, such sentences no rewording of one another.

    >>> other_figures(["plus", "six"], ["4.57"]), other_figures(["six"], ["6", "points"])
    (True, False)
    >>> other_figures(["10", "dead", "20", "hurt"], ["20", "hurt"])
    False
    """
    fa = [v for v in map(figure_value, words_a) if v is not None]
    fb = [v for v in map(figure_value, words_b) if v is not None]
    if not fa or not fb:
        return False
    sa, sb = set(fa), set(fb)
    return bool(sa - sb) and bool(sb - sa) and math.prod(fa) != math.prod(fb)


def other_figures_at(doc_a: Doc, doc_b: Doc, ta: tuple[int, int], tb: tuple[int, int]) -> bool:
    """:func:`other_figures` of token ranges ``ta`` of ``doc_a`` and ``tb`` of ``doc_b``."""
    return other_figures(doc_a.norms[ta[0] : ta[1]], doc_b.norms[tb[0] : tb[1]])


Span = tuple[int, int]


class Doc:
    """Text plus its word tokens, each with character offsets into ``text``.

    ``norms[i]`` is the normalised form of ``text[starts[i]:ends[i]]``. A number
    written with separators or decimals ("20,442.75", "0.4", "3.5bn") is one
    token. Sentences, paragraphs and quotations are computed on first use and
    cached on the Doc; use :func:`doc_of` to share one Doc per text.

    >>> doc = Doc("Mr. Smith paid £3.5bn, up 0.4%.\\nIt was “a record”.")
    >>> doc.norms
    ['mr', 'smith', 'paid', '3.5bn', 'up', '0.4', 'it', 'was', 'a', 'record']
    >>> [doc.text[s:e] for s, e in doc.sentences]
    ['Mr. Smith paid £3.5bn, up 0.4%.', 'It was “a record”.']
    >>> [doc.text[s:e] for s, e in doc.quotations], doc.sentence_tokens
    (['a record'], [(0, 6), (6, 10)])
    """

    # A plain slotted class rather than a dataclass (compared by identity, as it was with
    # eq=False): see TYPE_CHECKING above.
    __slots__ = (
        "text",
        "starts",
        "ends",
        "norms",
        "_sentences",
        "_paragraphs",
        "_quotations",
        "_sentence_tokens",
        "_derived",
    )
    __match_args__ = ("text",)
    text: str
    starts: list[int]
    ends: list[int]
    norms: list[str]
    _sentences: list[Span] | None
    _paragraphs: list[Span] | None
    _quotations: list[Span] | None
    _sentence_tokens: list[tuple[int, int]] | None
    _derived: dict

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences = self._paragraphs = self._quotations = self._sentence_tokens = None
        self._derived = {}
        found = None
        if "numpy" in sys.modules:  # see _array_tokens: every comparison loads numpy
            found = _array_tokens(text)
        self.starts, self.ends, self.norms = found or _regex_tokens(text)

    def __repr__(self) -> str:
        return (
            f"Doc(text={self.text!r}, starts={self.starts!r}, ends={self.ends!r}, "
            f"norms={self.norms!r})"
        )

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, i: int, j: int) -> Span:
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

    def tokens_in(self, span: Span, mode: str = "inside") -> tuple[int, int]:
        """Token range ``(i, j)`` of a character span: the one char-to-token rule.

        ``"inside"``: the tokens that start in ``[start, end)`` (a span cut on
        token boundaries gets exactly its tokens; a quotation gets the words
        within its marks). ``"overlap"``: every token sharing a character with
        the span, and for an empty span inside a token, that token. An empty
        result is an empty range at the position where tokens would stand.

        >>> doc = Doc("one two three")
        >>> doc.tokens_in((4, 9)), doc.tokens_in((5, 7)), doc.tokens_in((5, 7), "overlap")
        ((1, 3), (2, 2), (1, 2))
        """
        s, e = span
        if mode == "inside":
            i = bisect_left(self.starts, s)
        elif mode == "overlap":
            i = bisect_right(self.ends, s)
        else:
            raise ValueError(f"unknown mode {mode!r}: use 'inside' or 'overlap'")
        return i, max(i, bisect_left(self.starts, e))

    def count_words(self, span: Span) -> int:
        """How many tokens start inside the character span (:meth:`tokens_in`)."""
        i, j = self.tokens_in(span)
        return j - i

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A per-text analysis, computed once per Doc: ``compute()`` the first time
        ``key`` is asked for, the kept value after that. With :func:`doc_of` a batch that
        compares one article with many analyses it once. Treat the value as read-only.

        >>> doc = Doc("one two")
        >>> doc.derived("words", lambda: len(doc)), doc.derived("words", lambda: 0)
        (2, 2)
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def token_mask(self, spans: Iterable[Span]) -> list[bool]:
        """Per token, whether :meth:`tokens_in` puts it inside one of ``spans``.

        >>> Doc("one two three four").token_mask([(4, 8), (14, 18)])
        [False, True, False, True]
        """
        mask = [False] * len(self.norms)
        for span in spans:
            i, j = self.tokens_in(span)
            mask[i:j] = [True] * (j - i)
        return mask

    @property
    def sentences(self) -> list[Span]:
        """Sentence spans (see :func:`sentence_spans`), computed once."""
        if self._sentences is None:
            self._sentences = _split_sentences(self.text)
        return self._sentences

    @property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines, trimmed: news copy puts each paragraph on a line of its own."""
        if self._paragraphs is None:
            out: list[Span] = []
            for s, e in _paragraphs(self.text):
                _add_trimmed(self.text, s, e, out)
            self._paragraphs = out
        return self._paragraphs

    @property
    def quotations(self) -> list[Span]:
        """Spans inside quotation marks (see :func:`quoted_spans`), computed once."""
        if self._quotations is None:
            self._quotations = _quotations(self.text)
        return self._quotations

    @property
    def sentence_tokens(self) -> list[tuple[int, int]]:
        """Token ranges of the sentences that hold at least one word."""
        if self._sentence_tokens is None:
            # tokens_in(span) of each sentence, the empty ones left out.
            starts = self.starts
            firsts = [bisect_left(starts, s) for s, _ in self.sentences]
            lasts = [bisect_left(starts, e) for _, e in self.sentences]
            self._sentence_tokens = [(i, j) for i, j in zip(firsts, lasts, strict=True) if j > i]
        return self._sentence_tokens


def _regex_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """``(starts, ends, norms)`` of the tokens of ``text``: TOKEN_RE's matches."""
    # Split (in C) into gaps and tokens alternately; running lengths are the offsets.
    parts = _token_split(text).split(text)
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    # The tokens joined by a character no token holds, folded in one go and split
    # again (all in C). Lower-casing a token alone differs from lower-casing it in
    # context only for Greek final sigma, which _fold makes plain sigma anyway.
    joined = "\n".join(parts[1::2])
    folded = _fold(joined.lower())
    if len(folded) != len(joined):
        # A few characters lower-case to two ("İ"); fold token by token.
        return starts, ends, [normalise_word(text[s:e]) for s, e in zip(starts, ends, strict=True)]
    norms = folded.split("\n") if starts else []
    if not folded.isascii():
        norms = [w if w.isascii() else _strip_marks(w) for w in norms]
    return starts, ends, norms


# The same tokens from character classes in numpy arrays, at a third of the regular
# expression's cost. Each character of the text gets its class from a table made with
# TOKEN_RE's own character sets, so the two tokenisers cannot disagree on a character.
_WORD, _DIGIT, _APOSTROPHE, _SEPARATOR = 1, 2, 4, 8
# A joiner's class shifted right by two is what both its neighbours must be: an apostrophe
# (4) needs word characters (1), a separator (8) digits (2).
_TABLE_SIZE = 0x3000
"""Code points classified by the table: Latin, Greek, Cyrillic and the punctuation of news
copy. A text with a character at or above it (CJK, emoji) takes the regular expression."""
_classes = None
_ascii_classes = b""  # the table's first 128 entries, for bytes.translate
_ascii_kept = b""  # bytes.translate table: token characters lower-cased, the rest a space


def _class_table():  # -> numpy uint8 array; built on first use (about 3 ms)
    global _classes, _ascii_classes, _ascii_kept
    if _classes is None:
        import numpy as np

        word = re.compile(rf"[^\W{_CJK}]")
        table = np.zeros(_TABLE_SIZE, dtype=np.uint8)
        for code in range(_TABLE_SIZE):
            c = chr(code)
            table[code] = (
                (_WORD if word.match(c) else 0)
                | (_DIGIT if c.isdecimal() else 0)  # the \d of TOKEN_RE's (?<=\d)[.,](?=\d)
                | (_APOSTROPHE if c in "'’ʼ" else 0)
                | (_SEPARATOR if c in ".," else 0)
            )
        _classes = table
        _ascii_classes = table[:128].tobytes() + bytes(128)
        token_chars = _WORD | _APOSTROPHE | _SEPARATOR
        _ascii_kept = bytes(
            c if table[c] & token_chars else 32 for c in bytes(range(128)).lower()
        ) + bytes(b" " * 128)
    return _classes


def _array_tokens(text: str) -> tuple[list[int], list[int], list[str]] | None:
    """``(starts, ends, norms)`` of ``text`` as :class:`Doc` makes them with TOKEN_RE, or
    None when this path does not apply (a character at or above ``_TABLE_SIZE``, or one
    whose lower case is longer); ``tests/test_text.py`` checks both agree.

    A token is a maximal run of word characters and joiners, a joiner being an apostrophe
    between two word characters or a "." or "," between two digits: TOKEN_RE's greedy
    match. Its normal form is cut from the text lower-cased and folded as a whole, which
    equals folding token by token when no character changes length in lower case (Greek
    final sigma, the one context-dependent lower case, folds to plain sigma either way).
    Used only when numpy is already loaded, so that ``match`` and other one-text paths do
    not pay numpy's import.
    """
    import numpy as np

    # One array element per character (str offsets are code points).
    table = _class_table()
    if text.isascii():
        return _ascii_tokens(text, np)
    dtype, codec = np.uint32, "utf-32-le"
    codes = np.frombuffer(text.encode(codec, "surrogatepass"), dtype=dtype)
    if codes.size and int(codes.max()) >= _TABLE_SIZE:
        return None
    cls = table[codes]
    folded = _fold(text.lower())
    if len(folded) != len(text):
        return None
    inside, _ = _inside_tokens(cls, np)
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    # Tokens never touch (a run is maximal) and hold no whitespace: blank out the rest of
    # the folded text and split on whitespace, in C.
    kept = np.frombuffer(folded.encode(codec, "surrogatepass"), dtype=dtype)
    blanked = np.where(inside[1:-1], kept, 32).astype(dtype, copy=False)
    joined = blanked.tobytes().decode(codec, "surrogatepass")
    norms = joined.split()
    if not joined.isascii():
        norms = [w if w.isascii() else _strip_marks(w) for w in norms]
    return edges[0::2].tolist(), edges[1::2].tolist(), norms


def _inside_tokens(cls: Any, np: Any) -> tuple[Any, Any]:
    """From the character classes ``cls`` of a text: whether each character is inside a
    token, padded with False at both ends (word characters, and joiners between two
    characters they join), and the positions of the joiners that join nothing."""
    inside = np.zeros(len(cls) + 2, dtype=bool)
    np.not_equal(cls & _WORD, 0, out=inside[1:-1])
    k = np.flatnonzero(cls[1:-1] & (_APOSTROPHE | _SEPARATOR)) + 1
    joins = cls[k - 1] & cls[k + 1] & (cls[k] >> 2)
    inside[k[joins != 0] + 1] = True
    return inside, k[joins == 0]


def _ascii_tokens(text: str, np: Any) -> tuple[list[int], list[int], list[str]]:
    """:func:`_array_tokens` of an ASCII text. Its norms come from one ``bytes.translate``
    (token characters lower-cased, the rest spaces: lower case and fold are the same thing
    in ASCII) with the joiners that join nothing blanked, instead of a choice between the
    folded text and a space per character: 94 -> 61 µs a BBC text."""
    raw = text.encode("ascii")
    cls = np.frombuffer(raw.translate(_ascii_classes), dtype=np.uint8)
    inside, loose = _inside_tokens(cls, np)
    kept = bytearray(raw.translate(_ascii_kept))
    if loose.size:
        np.frombuffer(kept, dtype=np.uint8)[loose] = 32
    for end in (0, -1):  # a joiner at either end of the text joins nothing either
        if kept and cls[end] & (_APOSTROPHE | _SEPARATOR):
            kept[end] = 32
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    return edges[0::2].tolist(), edges[1::2].tolist(), kept.decode("ascii").split()


DOC_CACHE_DOCS = 64
"""Most Docs :func:`doc_of` keeps (a comparison needs two, its analyses share them)."""
DOC_CACHE_CHARS = 20_000_000
"""Most characters of text the kept Docs may hold together: a Doc's token lists take
about 20 bytes per character, so the cache stays under about 400 MB whatever the input."""

_docs: OrderedDict[str, Doc] = OrderedDict()
_docs_chars = 0
_docs_lock = allocate_lock()  # threading.Lock, without importing threading


def doc_of(text: str) -> Doc:
    """The shared :class:`Doc` of ``text``: a text is tokenised once per process.

    The most recently used Docs are kept (see :data:`DOC_CACHE_DOCS` and
    :data:`DOC_CACHE_CHARS`). The Doc is shared, so treat it as read-only.

    >>> doc_of("same text") is doc_of("same text")
    True
    """
    global _docs_chars
    with _docs_lock:
        doc = _docs.get(text)
        if doc is not None:
            _docs.move_to_end(text)
            return doc
    doc = Doc(text)
    with _docs_lock:
        if text not in _docs and len(text) <= DOC_CACHE_CHARS:
            _docs[text] = doc
            _docs_chars += len(text)
            _trim_docs()
    return doc


def _trim_docs() -> None:  # under _docs_lock: evict the least recently used over the limits
    global _docs_chars
    while len(_docs) > DOC_CACHE_DOCS or _docs_chars > DOC_CACHE_CHARS:
        old, _ = _docs.popitem(last=False)
        _docs_chars -= len(old)


def set_doc_cache_limits(docs: int, chars: int) -> tuple[int, int]:
    """Let :func:`doc_of` keep up to ``docs`` Docs holding ``chars`` characters together;
    returns the limits before. A batch that compares each text with many others
    (:mod:`storytrace.pairs`) keeps more of them than one comparison needs.

    >>> before = set_doc_cache_limits(2, 1_000)
    >>> docs = [doc_of(t) for t in ("one", "two", "three")]
    >>> doc_of("one") is docs[0], doc_of("three") is docs[2]
    (False, True)
    >>> set_doc_cache_limits(*before)
    (2, 1000)
    """
    global DOC_CACHE_DOCS, DOC_CACHE_CHARS
    before = DOC_CACHE_DOCS, DOC_CACHE_CHARS
    DOC_CACHE_DOCS, DOC_CACHE_CHARS = docs, chars
    with _docs_lock:
        _trim_docs()
    return before


def clear_doc_cache() -> None:
    """Forget every shared Doc (benchmarks time tokenising this way)."""
    global _docs_chars
    with _docs_lock:
        _docs.clear()
        _docs_chars = 0


# One character class first, so the scan jumps from stop to stop in C (an opening
# lookbehind, group or alternation is tried at every character, three times slower).
# The match starts at the stop (the sentence ends after it) or at the line break.
_SENT_END = lazy_compile(
    r"[.!?…\n](?:(?<=[.!?…])[\"'”’)\]]*(?: [\"'”’](?=\s))?\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\s*)"
)
"""A sentence ends at a stop and any closing marks, or a closing mark set apart by a space as
text tokenised word by word prints it ("in his hands. ' PUBLISHED", ECB+), then space and
what opens a sentence; and at a line break."""


def overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """True when the half-open spans ``x`` and ``y`` share at least one position."""
    return x[0] < y[1] and y[0] < x[1]


class WordMap(dict):
    """A word -> value map that computes a value on its first look-up, for per-word facts
    (stems, rarities) mapped over a text's tokens in C: ``list(map(m.__getitem__, norms))``
    costs a third of calling an ``lru_cache``-wrapped function per token. Words recur across
    the articles of a batch; past ``limit`` words the map starts again empty.

    >>> lengths = WordMap(len)
    >>> list(map(lengths.__getitem__, ["one", "three", "one"])), len(lengths)
    ([3, 5, 3], 2)
    """

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[Any], Any], limit: int = 200_000) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, word: Any) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value


def sentence_spans(text: str) -> list[Span]:
    """Split ``text`` into sentence-like character spans (lines split too).

    News copy puts captions, headlines and paragraphs on lines of their own, so
    a line break always ends a sentence. A full stop after a title ("Mr.", "Dr.")
    does not, nor one after an initial, initialism or abbreviation ("J.", "J.M.",
    "U.S.", "No.", "Jan.") unless a function word, a sentence adverb or a quotation
    mark follows ("in the U.S. The next day"). A sentence opening with two
    straight single marks (``''``, wire copy's double mark) starts a new one.

    >>> sentence_spans("One here. Two there.\\nThree")
    [(0, 9), (10, 20), (21, 26)]
    >>> t = "Dr. Rhodes met J.M. Smith of the U.S. Army. He left the U.S. The end."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Dr. Rhodes met J.M. Smith of the U.S. Army.', 'He left the U.S.', 'The end.']
    """
    return list(doc_of(text).sentences)


def _split_sentences(text: str) -> list[Span]:
    # Pieces between sentence ends, trimmed and joined in one loop: a function call per
    # sentence and a search for '' in each cost a third of the split. tests/test_text_speed.py
    # holds this loop to the rule as first written.
    pieces: list[Span] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        at = m.start()
        pieces.append((pos, at if text[at] == "\n" else at + 1))
        pos = m.end()
    pieces.append((pos, len(text)))
    doubled = "''" in text
    out: list[Span] = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if out:
            ps, pe = out[-1]
            if (
                text[pe - 1] == "."
                # (the first test of _continues_after_abbreviation, without the call)
                and not (
                    pe - 6 >= ps
                    and text[pe - 6 : pe - 1].isalnum()
                    and not text.endswith(_LONG_TITLES, ps, pe - 1)
                )
                and _continues_after_abbreviation(text, ps, pe, s, e)
                and text.find("\n", pe, s) < 0
            ):
                s = out.pop()[0]
        if doubled and text.find("''", s, e) >= 0:
            for m in _DOUBLE_APOS_START.finditer(text, s, e):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, e))
    return out


# An abbreviated title never ends a sentence ("Mr. Smith", "Dr. Who": the titles table's
# "abbr" words); an initial, an initialism or another abbreviation does when what follows
# opens a sentence: a function word or a sentence adverb ("on X. It was", "Apple Inc. The
# firm", "in the U.S. However, ..."), or a quotation that is no nickname ("in the U.S.
# “We won,” he said"). So "J.M. Berger",
# "U.S. Senate", "No. 10", "St. Louis", "Jan. 5" and "John F. Kennedy" stay in one
# sentence, "in the U.S. The next day" splits, and "in the U.S. Officials said" does not
# (no word list tells a name from a sentence's first word there; an initialism before a
# capitalised name is the commoner case in news copy: "U.S. President", "U.N. Security
# Council").
_ABBREVIATIONS = frozenset(
    """St Jr Sr Mt Ft No Nos Vol Inc Corp Co Ltd vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
    Nov Dec""".split()
)
# The abbreviated titles of five letters or more ("Messrs."), which the splitter's first,
# cheap test (five letters before the stop: no initial or title) would otherwise pass over.
_LONG_TITLES = tuple(sorted(t for t in ABBREVIATED_TITLES if len(t) >= 5))
# Sentence adverbs that open a sentence and are no function words (STOPWORDS).
_OPENERS = frozenset(
    """however meanwhile yet still instead earlier later also since finally separately
    elsewhere according""".split()
)
# After "a.m." and "p.m." a weekday or a time zone continues the sentence ("7 p.m. Friday",
# "11 a.m. ET"); any other capitalised word opens the next one ("at 5 p.m. Officials said").
_AFTER_CLOCK = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday ET EST EDT CT CST CDT MT MST
    MDT PT PST PDT GMT BST UTC CET CEST""".split()
)
_DOUBLE_APOS_START = lazy_compile(r"(?<=[.!?])\s+(?=''[A-Z])")


def _continues_after_abbreviation(text: str, s: int, e: int, s2: int, e2: int) -> bool:
    """Whether the sentence ``text[s:e]`` ends with a title, initial, initialism or
    abbreviation that the next sentence ``text[s2:e2]`` continues ("J. Rhodes", "J.M.
    Berger", "U.S. Senate"); see the rule above."""
    if e - 6 >= s and text[e - 6 : e - 1].isalnum() and not text.endswith(_LONG_TITLES, s, e - 1):
        # The word before the stop has five letters or more: no initial, and no title
        # but the long ones (read below as every title is: "xMessrs." is none).
        return False
    k = e - 1
    while k > s and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    word = text[k : e - 1]
    before = text[k - 1] if k > s else " "
    if before.isalnum() or before == "_":
        return False
    if word in ABBREVIATED_TITLES:
        return True
    if before == ".":
        # The last letter of a dotted initialism ("U.S.", "J.M.", "p.m."): walk back over
        # its single letters, each followed by a stop.
        letters = word
        q = k
        while (
            len(word) == 1
            and word.isalpha()
            and q - 2 >= s
            and text[q - 1] == "."
            and text[q - 2].isalpha()
            and (q - 3 < s or not (text[q - 3].isalnum() or text[q - 3] == "_"))
        ):
            q -= 2
            letters = text[q] + letters
        if len(letters) < 2 or (q > s and text[q - 1] == "."):
            return False
        nxt = TOKEN_RE.search(text, s2, e2)
        if letters.islower():  # "a.m.", "p.m.", "e.g.": only a clock time before a day or zone
            return letters in ("am", "pm") and nxt is not None and nxt.group() in _AFTER_CLOCK
        return letters.isupper() and _continues_into(text, s2, nxt)
    # "J." is an initial ("Plan b." is not: lower case).
    if not ((len(word) == 1 and word.isupper() and word.isalpha()) or word in _ABBREVIATIONS):
        return False
    return _continues_into(text, s2, TOKEN_RE.search(text, s2, e2))


def _continues_into(text: str, s2: int, nxt: re.Match[str] | None) -> bool:
    """Whether the text after an initial or abbreviation, whose first word is ``nxt``,
    goes on with the same sentence: no opening bracket, no quotation but a nickname
    ('Rep. Robert C. "Bobby" Scott', not 'Mr P. "Never known such a fuss'), no function
    word and no sentence adverb first."""
    if text[s2] in "([":
        return False
    if text[s2] in "\"'“‘" and not _NICKNAME.match(text, s2):
        return False
    if nxt is None:
        return True
    first = normalise_word(nxt.group())
    return first not in STOPWORDS and first not in _OPENERS


# A short quoted name (letters and spaces, no punctuation) then a capitalised word: a
# nickname inside a name.
_NICKNAME = lazy_compile(
    r"""(?:"[\w'’ -]{1,30}"|“[\w'’ -]{1,30}”|‘[\w -]{1,30}’|'[\w -]{1,30}') [A-Z]"""
)


def _add_trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


OPEN_MARKS = "“‘\"'«„"
"""Opening quotation marks, double and single (the quote extractor's)."""
CLOSE_MARKS = "”’\"'»“"
"""Closing quotation marks, double and single (“ closes a quotation opened by „): the quote
extractor's and the headline rule's (:func:`storytrace.articles.stop_inside_mark`)."""

_OPEN_DOUBLE = '“"«„'
_CLOSE_DOUBLE = '”"»“'
_OPEN_SINGLE = "‘'"
_CLOSE_SINGLE = "’'"


def quoted_spans(text: str) -> list[Span]:
    """Character spans of text inside quotation marks (the marks excluded).

    Handles curly and straight marks, double and single marks (telling a
    closing single mark from an apostrophe by what follows it) and the news
    convention of a quote running over paragraphs, where each new paragraph
    re-opens the mark and only the last one closes it. An unbalanced mark never
    swallows more than its own paragraph, nor past a mark of its kind that opens
    a sentence (a paragraph break the text lost: 'one. "Two').

    A closing mark set apart by a space closes ('..., " he said'; a single mark only in
    text tokenised word by word, marked by backticks, where a quotation of several lines
    also runs over lines that re-open no mark). A mark opening a quotation mid-sentence
    ends a quotation left open before it, with the sentence before the new mark's.

    Two straight single marks (``''``, as in some wire copy) count as one
    double mark, and so do two backticks (````` `` `````, the opening mark of text tokenised
    the Penn Treebank way); a curly opening mark followed by a stray space still opens.

    >>> t = 'He said: “We will win.” Then ‘it’s over’, she said.'
    >>> [t[s:e] for s, e in quoted_spans(t)]
    ['We will win.', 'it’s over']
    """
    return list(doc_of(text).quotations)


def _quotations(text: str) -> list[Span]:
    # Same-length stand-ins for '' and `` (the closing and opening marks of text
    # tokenised the Penn Treebank way, as ECB+ and other research corpora give it) so
    # offsets stay valid: a zero-width space then a double mark; `` opens like a curly
    # mark, whose stray space after it ("`` We will") such text always has.
    work = text.replace("''", _ZWSP + '"') if "''" in text else text
    work = work.replace("``", _ZWSP + "“") if "``" in work else work
    # Backticks are a tokeniser's mark: text given one sentence per line, where a
    # quotation of several sentences runs over lines with no mark on the lines between
    # (ECB+: "`` No.\nI've done it.\n...\nI don't need to do anything anymore. ''").
    tokenised = "``" in text
    lines = _paragraphs(work)
    spans: list[tuple[int, int]] = []
    k, at = 0, 0  # the line, and where in it the quotations left to find start
    while k < len(lines):
        p_start, p_end = lines[k]
        n = len(spans)
        _quoted_in_paragraph(work, max(at, p_start), p_end, spans, tokenised)
        k += 1
        last = spans[-1] if len(spans) > n else None
        if last is None or last[1] != p_end:
            continue
        opener = work[last[0] - 1]
        if opener in _OPEN_DOUBLE:
            closers = _CLOSE_DOUBLE
        elif tokenised and opener in _OPEN_SINGLE:
            closers = _CLOSE_SINGLE
        else:
            continue
        # The quotation was left open at the end of its line: the lines after it go on
        # with it when a closing mark comes before any opening mark (on the next line
        # only, and only a Penn Treebank closing mark, unless the text is tokenised).
        run: list[tuple[int, int]] = []
        for start, end in lines[k:]:
            if work[p_end:start].count("\n") != 1:
                break  # a blank line: a paragraph break the quotation does not cross
            j = _run_on(work, start, end, closers, tokenised)
            if j is None and tokenised:
                run.append((start, end))
                p_end = end
                continue
            if j is not None and j >= 0:
                spans.extend(run)
                spans.append((start, j))
                k += len(run)
                at = j + 1  # the rest of the closing line may hold quotations of its own
            break
    out = []
    for s, e in spans:
        while s < e and (work[s].isspace() or work[s] == _ZWSP):
            s += 1
        while e > s and (work[e - 1] == _ZWSP or work[e - 1].isspace()):
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
    if _DECADE.match(text, i) or _ELIDED.match(text, i):
        # "the '80s", "the ‘90s": an apostrophe for the century's digits, no mark; nor
        # for a word's lost letters ("'bot nets", "rock 'n' roll", "let 'em").
        return False
    if not nxt.isspace():
        return True
    if text[i] == '"' and text.startswith(" '", i + 1) and _is_opening(text, i + 2, start):
        # '" \'Well done,\' he told me"': a quotation opening on a nested one, the space
        # typeset between the two marks.
        return True
    # “ naïve and gauche”: a curly opening mark with a stray space after it.
    return text[i] in "“‘«„" and nxt == " " and i + 2 < len(text) and text[i + 2].isalnum()


_DECADE = lazy_compile(r"['‘’]\d0s\b")
_ELIDED = lazy_compile(r"['‘’](?:bots?|em)\b|['‘’]n['’]", re.IGNORECASE)
"""Words printed with their first letters elided, as BBC News and PolNeAR text prints them:
read as an opening mark, "the different 'bot nets" quoted the rest of a paragraph (BBC tech
text; ``bench/sentence_reuse.py``'s edited lift of it was then a shared quote)."""


def _is_closing(text: str, i: int, end: int, tokenised: bool = False) -> bool:
    nxt = text[i + 1] if i + 1 < end else " "
    prev = text[i - 1] if i > 0 else " "
    if prev == " " and i >= 3 and text[i - 2] in "'’" and not text[i - 3].isspace():
        # "It was 'Well done,' " Smith said: a quotation closing on a nested one, the
        # space typeset between the two marks; read as an opening mark it paired with
        # the next quotation's closing mark and swallowed the frame between them.
        return not nxt.isalnum()
    if (
        prev == " "
        and i >= 2
        and not text[i - 2].isspace()
        and (text[i] in '"”»' or (tokenised and text[i] in "'’"))
    ):
        # '..., " he said', and "her 'party girl ' reputation" in text tokenised word by
        # word (ECB+): a closing mark set apart from the word it closes. (A single mark
        # set apart elsewhere may be a stray apostrophe.)
        return nxt.isspace() or nxt in ".,;:!?)" or i + 1 >= end
    return not prev.isspace() and not nxt.isalnum()


_ANY_OPEN = lazy_compile(f"[{re.escape(_OPEN_DOUBLE + _OPEN_SINGLE)}]")
_CLOSERS = {
    _CLOSE_DOUBLE: lazy_compile(f"[{re.escape(_CLOSE_DOUBLE)}]"),
    _CLOSE_SINGLE: lazy_compile(f"[{re.escape(_CLOSE_SINGLE)}]"),
}


def _reopens(text: str, j: int, closers: str) -> bool:
    # A mark that opens a new sentence while a quote of its kind is open: a paragraph
    # break the text lost ('... top priority. "I feel that ...'), as in a third of BBC
    # News articles, whose quote then runs on. Ending the quote there keeps each piece
    # to its own paragraph, as an unclosed mark never runs past its paragraph.
    return (
        text[j] in closers
        and text[j] in _OPEN_DOUBLE + _OPEN_SINGLE
        and j >= 2
        and text[j - 1] == " "
        # ('... I was a Muslim. He added: "The authorities ...': a colon lead-in opens
        # the next quotation as a sentence would.)
        and text[j - 2] in ".?!:"
        and j + 1 < len(text)
        and text[j + 1].isupper()
    )


def _run_on(text: str, start: int, end: int, closers: str, tokenised: bool) -> int | None:
    """Where a quotation left open on the line before closes in the line ``[start, end)``:
    the closing mark's offset, -1 when an opening mark comes first (or the closing mark
    does not count), None when the line has neither.

    Text given one sentence per line (ECB+ and other research corpora) breaks a quotation
    of several sentences without re-opening it ("`` Tara Reid has checked in.\nWe
    appreciate your respect, '' the rep said"). In other text only a Penn Treebank closing
    mark ('') counts: a credit line inside the closing mark of a quote box ('"We need a
    stimulus.\nDean Baker, CEPR."', HuffPost in PolNeAR) looks the same with other marks,
    and it is the speaker, not the quotation.
    """
    finder = _ANY_DOUBLE if closers == _CLOSE_DOUBLE else _ANY_SINGLE
    for m in finder.finditer(text, start, end):
        j = m.start()
        if _is_opening(text, j, start):
            return -1
        if text[j] in closers and _is_closing(text, j, end, tokenised):
            return j if tokenised or (j > start and text[j - 1] == _ZWSP) else -1
    return None


_ANY_DOUBLE = lazy_compile(f"[{re.escape(''.join(sorted(set(_OPEN_DOUBLE + _CLOSE_DOUBLE))))}]")
_ANY_SINGLE = lazy_compile(f"[{re.escape(''.join(sorted(set(_OPEN_SINGLE + _CLOSE_SINGLE))))}]")


def _quoted_in_paragraph(
    text: str, start: int, end: int, out: list[tuple[int, int]], tokenised: bool = False
) -> None:
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
        reopen = midway = False
        while True:
            mc = finder.search(text, j, end)
            if mc is None:
                j = end
                break
            j = mc.start()
            if _is_closing(text, j, end, tokenised):
                break
            if _reopens(text, j, closers):
                reopen = True
                break
            if closers == _CLOSE_DOUBLE and text[j] in _OPEN_DOUBLE and _is_opening(text, j, start):
                # 'Hughes: "Burnley are resolute. ... branded it a "leap in the dark".':
                # a mark opening a quotation mid-sentence, the earlier one never closed.
                # Read up to this closing mark, the run-on took the narrative between
                # and lost the real quotation.
                reopen = midway = True
                break
            j += 1
        # An unclosed mark runs to the end of its paragraph (the multi-paragraph
        # quote convention); the next paragraph re-opens it if the quote goes on.
        # (The space before a re-opening mark is trimmed with the others by _quotations.)
        j_end = j
        if midway:
            # The sentence the new mark opens in is the narrator's: the unclosed
            # quotation ends with the sentence before it; at the mark when the mark opens
            # a sentence ('... a fax. \'\'It is', "... silly.' \"But") or there is none.
            before = text[i + 1 : j].rstrip(" " + _ZWSP + _CLOSE_DOUBLE + _CLOSE_SINGLE)
            sentences = _split_sentences(text[i + 1 : j])
            if before[-1:] not in ".?!…" and len(sentences) > 1:
                j_end = i + 1 + sentences[-2][1]
        elif reopen and text[j - 2] == ":":
            # The lead-in before the colon ('He added:') is the narrator's: the open
            # quotation ends with the sentence before it, split as every sentence is
            # ('... my life. Mr. Ode added:' ends at 'life.', not at 'Mr.'); where the
            # splitter finds one sentence, at its last full stop ('a great year. " Hayes
            # said:', a stray mark the splitter does not split at).
            sentences = _split_sentences(text[i + 1 : j - 1])
            if len(sentences) > 1:
                j_end = i + 1 + sentences[-2][1]
            else:
                cut = max(text.rfind(c, i + 1, j - 2) for c in ".?!")
                j_end = cut + 1 if cut > i else j
        if j_end > i + 1:
            out.append((i + 1, j_end))
        i = j if reopen else j + 1
        if i >= end:
            return


def short(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis.

    >>> short("a  long\\nheadline here", 10)
    'a long he…'
    >>> short("a long headline", 8)  # no space left before the ellipsis
    'a long…'
    """
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
