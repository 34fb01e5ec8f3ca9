"""Articles: reading untrusted files into the exact text storytrace analyses.

An :class:`Article` holds the text after any HTML extraction; every offset in
every result refers to ``Article.text``. Reading never guesses silently: a file
that is missing, a directory, binary, empty, too large or HTML without an
article raises :class:`InputError` with a one-line message naming the file;
anything read but repaired (bytes that were not valid in the detected
encoding, a date that could not be read) is an :class:`InputWarning`.

Inputs (:func:`iter_articles`): text and HTML files, folders of them, JSON
Lines dumps (``.jsonl``, ``.jsonl.gz``), a ``.json`` file holding one record,
and ``-`` for standard input. A JSONL record needs ``id`` and ``text``; it may
carry ``title``, ``byline``, ``url``, ``outlet``, ``series`` and ``published``.
passim's field names are accepted: ``series`` also fills ``outlet`` when that is
missing, and ``date`` is read when ``published`` is missing. Without either,
the ``url``'s host is the outlet (:func:`outlet_of_url`).

Example:
    >>> art = article_from_text("Hello world.", source="inline")
    >>> art.text, art.source
    ('Hello world.', 'inline')
    >>> rec = {"id": 7, "text": "Hello.", "series": "Gazette", "date": "May 30, 2019"}
    >>> art = record_to_article(rec, "dump.jsonl:1")
    >>> art.id, art.outlet, art.published, art.published_raw
    ('7', 'Gazette', '2019-05-30T00:00:00Z', 'May 30, 2019')
    >>> record_to_article({"id": 8, "text": "Hi.", "url": "https://www.example.com/a"}, "-").outlet
    'example.com'
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
import warnings
import zlib
from collections.abc import Iterable, Iterator

from storytrace.errors import InputError, InputWarning
from storytrace.text import CLOSE_MARKS, lazy_compile, short

# Imported where used: json (JSON Lines), pathlib (folders), typing, and the record
# machinery (:class:`Article`, defined on first use). ``storytrace match`` reads one text
# file through :func:`read_text_id` and pays for none of them (issue 16).
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import BinaryIO, Literal

MAX_BYTES = 20 * 1024 * 1024
"""Largest article read (20 MiB, a file or one JSONL line); news articles are a few KB."""

MIN_ARTICLE_WORDS = 10
"""Fewest words HTML extraction must yield to count as an article."""

TITLE_CHARS = 120
"""Longest title made from an article's headline or first line (:func:`lead_title`)."""


HEADLINE_CHARS = 300
"""Longest line read as a headline (:func:`headline_span`)."""

STAMP_LINES = 3
"""Most lines passed over before a headline (:func:`is_stamp_line`)."""

_DATE_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june "
    "july august september october november december monday tuesday wednesday thursday "
    "friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "posted published updated last article on at am pm a m p et est "
    "edt ct cst cdt pt pst pdt gmt bst utc cet cest ist aest aedt jst sgt hkt msk "
    # Ordinal endings, which the letter runs split from their digits ("September 18th").
    "st nd rd th "
    # Page stamps: "First Posted: ...", "Story Created: ...", "Released ...", "Posted 3 hours
    # ago", "Tue Jul 02 2013, 14:58 hrs".
    "first originally released created modified edited story ago hour hours hr hrs minute "
    "minutes min mins".split()
)
_LETTERS = lazy_compile(r"[^\W\d_]+")
_ZONE = lazy_compile(r"[A-Z]{1,4}T")
"""A time zone's abbreviation ("AKDT", "NZST"): letters in capitals ending in T."""
_PLACE = lazy_compile(
    r"\s*(?:[A-Z][A-Z.'’]*\s*){1,3}(?:,\s*[A-Z][A-Z.]*\s*)?(?:\([^()\n]{1,30}\)\s*)?[,:–—-]"
)
"""A dateline's place in capitals before a comma, colon or dash ("INDONESIA,", "WASHINGTON,
DC,", "WASHINGTON (Reuters) -"): at most three words and a state or country."""
_BYLINE = lazy_compile(r"\s*(?:by|BY|By)\s+(?=[A-Z])(.*)")
_BYLINE_WORDS = frozenset(
    "and of the for in at de van von der den da di du la le del bin al el staff writer writers "
    "reporter reporters correspondent correspondents editor editors contributor special "
    "senior chief political news service wire with".split()
)
"""Words in lower case that a byline holds besides names ("By Jane Smith and John Doe,
Staff Writers", "by Ana de la Cruz")."""
_LABELS = frozenset(
    "breaking|breaking news|exclusive|update|live|watch|video|analysis|opinion|comment|"
    "editorial|developing|developing story|just in|news|photos".split("|")
)
"""Kickers that label a page rather than tell its story ("BREAKING NEWS", "Exclusive:")."""


def _dates_only(line: str) -> bool:
    words = _LETTERS.findall(line)
    return (
        any(c.isdigit() for c in line)
        and len(words) <= 12
        and all(w.lower() in _DATE_WORDS or _ZONE.fullmatch(w) for w in words)
    )


def is_stamp_line(line: str) -> bool:
    """A line that only dates, signs or labels an article, which is no headline: a date or
    time ('Tue Jun 3, 2008 6:28pm EDT', '2019-05-30', 'Updated: May 30, 2019 07:00'), a
    dateline ('INDONESIA, July 2, 2013'), a byline ('By Jane Smith') or a kicker
    ('BREAKING NEWS'). A headline with a date or a name in it is none of these.

    >>> [is_stamp_line(x) for x in ("Posted 3 hours ago", "By Reuters", "EXCLUSIVE:")]
    [True, True, True]
    >>> [is_stamp_line(x) for x in ("May 2005 was the wettest", "By the numbers", "Reuters")]
    [False, False, False]
    """
    if len(line) > HEADLINE_CHARS // 2:  # a stamp is short
        return False
    if _dates_only(line):
        return True
    place = _PLACE.match(line)
    if place and _dates_only(line[place.end() :]):
        return True
    if _BYLINE.match(line):
        return is_byline(line)
    return " ".join(_LETTERS.findall(line)).lower() in _LABELS and not any(
        c.isdigit() for c in line
    )


def is_byline(line: str) -> bool:
    """A line that only signs an article: "By" and its authors' names, perhaps with their
    desk or agency ('By Jane Smith', 'By Jane Smith, Associated Press', 'by Ana de la Cruz').

    >>> [is_byline(x) for x in ("By Jane Smith, Staff Writer", "By the numbers", "Jane Smith")]
    [True, False, False]
    """
    byline = _BYLINE.match(line) if len(line) <= HEADLINE_CHARS // 2 else None
    if not byline:
        return False
    words = _LETTERS.findall(byline.group(1))
    return (
        len(words) <= 12
        and words[0][0].isupper()
        and all(w[0].isupper() or w in _BYLINE_WORDS or w.lower() in _DATE_WORDS for w in words)
    )


BYLINE_LINES = STAMP_LINES + 2
"""Lines at the top read for a byline: the stamps before a headline, the headline, and one
line after it."""


def byline_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s bylines stand (:func:`is_byline`) among its first
    :data:`BYLINE_LINES` lines that are not blank, above the first line of the body (one
    closing with a full stop, or longer than a headline): before or after the headline. A byline
    names who wrote the article, not who the story is about, so the evidence rules and the
    story features read no names there (the text stays in the article and its passages).

    >>> text = "Rail line delayed\\nBy Jane Smith, Associated Press\\nThe line opens in May."
    >>> [text[s:e] for s, e in byline_spans(text)]
    ['By Jane Smith, Associated Press']
    >>> byline_spans("Rail line delayed\\nThe line opens in May.\\nBy Jane Smith")
    []
    """
    out = []
    pos = seen = 0
    n = len(text)
    while pos < n and seen < BYLINE_LINES:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        line = text[pos:end]
        if line.strip():
            seen += 1
            if is_byline(line):
                out.append((pos, end))
            elif len(line) > HEADLINE_CHARS or line.rstrip().endswith("."):
                break  # the body has begun: a name below it is the story's
        pos = end + 1
    return out


def headline_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """Where the headline of ``text`` stands: the given ``title`` where the text opens with it,
    else the first line that stamps nothing (:func:`is_stamp_line`; at most
    :data:`STAMP_LINES` are passed over, and blank lines), when more text follows and it is
    short and closes its sentence neither with a full stop nor inside a quotation mark
    (:func:`stop_inside_mark`: 'He said: "We will act."' is a lede), or is in title case and a
    paragraph of its own (:func:`title_case`: "BOOM: Trump Just Fired ...", closing with a
    full stop as PolNeAR prints every title; no lede is written so). Every reader of a headline
    (compare's reworded pairing and spin findings, the HTML report, the titles of untitled
    articles, the quote extractor) finds it here.

    >>> headline_span("Rail line delayed again\\nThe line will open in May.")
    (0, 23)
    >>> text = "Tue Jun 3, 2008 6:28pm EDT\\nBy Jane Smith\\nRail line delayed\\nIt opens in May."
    >>> start, end = headline_span(text)
    >>> text[start:end]
    'Rail line delayed'
    >>> headline_span("May 30, 2019\\nThe line will open in May.") is None
    True
    >>> headline_span('He said: "We will act."\\nThe council met.') is None
    True
    >>> headline_span("Poll: Wealthy Voters Abandon Party.\\n\\nThe poll shows it.")
    (0, 35)
    """
    if title and text.startswith(title):
        return (0, len(title))
    top = top_line(text)
    if top is None:
        return None
    pos, end = top
    if title and text.startswith(title, pos):
        return (pos, pos + len(title))
    # Headlines are short lines without a closing full stop; a lede has one, and a lede
    # carrying a quotation closes its sentence inside the closing mark ('... has faith."',
    # Penn Treebank's "faith. ''"), which reading the last character alone took for a
    # headline.
    line = text[pos:end]
    if (
        len(line.strip()) <= HEADLINE_CHARS
        and end < len(text)
        and not line.rstrip().endswith(".")
        and not stop_inside_mark(line)
    ):
        return (pos, end)
    # A line in title case is a headline though it closes with a full stop (PolNeAR prints
    # its titles so: "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.").
    # Read as a sentence, its colon or verb would frame a quote ('FIX IS IN: ...', 'BYLINE:
    # Amber Phillips.'), and no lede is written in title case.
    # Only where it stands as a paragraph of its own: in text printed a sentence a line (ECB,
    # Penn Treebank), a lede naming a few people ("Maurice Cheeks is out as Philadelphia 76ers
    # head coach.") reads as title case too.
    rest = text[end + 1 :]
    if title_case(line) and rest.strip() and not rest.split("\n", 1)[0].strip():
        return (pos, end)
    return None


def stop_inside_mark(line: str) -> bool:
    """Whether ``line`` closes a sentence inside closing quotation marks (a lede carrying a
    quotation, not a headline: :func:`headline_span`).

    >>> stop_inside_mark('Her spokesman said, "The mayor has faith."')
    True
    >>> stop_inside_mark("The mayor has faith. ''"), stop_inside_mark('"Are they reading emails?"')
    (True, True)
    >>> stop_inside_mark("Bank 'will cut rates'")
    False
    """
    line = line.rstrip()
    bare = line.rstrip(CLOSE_MARKS).rstrip()
    return bare != line and bare.endswith((".", "?", "!"))


def title_case(line: str) -> bool:
    """Whether ``line`` is written in title case: of its words of four letters or more, at
    most fifteen, three in five or more are capitalised (:func:`headline_span`).

    >>> title_case("BOOM: Trump Just Fired the Man Who Ran His Campaign.")
    True
    >>> title_case("The line will open in May.")
    False
    """
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return 0 < len(words) <= 15 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def top_line(text: str) -> tuple[int, int] | None:
    """Where the first line of ``text`` that stamps nothing stands (:func:`is_stamp_line`; at
    most :data:`STAMP_LINES` are passed over, and blank lines): the line
    :func:`headline_span` reads, whether a headline or not.

    >>> text = "May 30, 2019\\nThe line will open in May.\\nMore."
    >>> start, end = top_line(text)
    >>> text[start:end]
    'The line will open in May.'
    """
    pos = stamps = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        line = text[pos:end]
        if line.strip():
            if stamps == STAMP_LINES or not is_stamp_line(line):
                return (pos, end)
            stamps += 1
        pos = end + 1
    return None


def lead_title(text: str) -> str:
    """A title for an article without one: its headline (:func:`headline_span`), else its
    first line that stamps nothing (:func:`is_stamp_line`), cut to ``TITLE_CHARS``.

    A text without a headline is named by its opening words. (Not its first sentence:
    splitting sentences for every untitled article was most of the time of ``stories`` on
    30,000 of them.) Up to three opening lines that only date, sign or label the article are
    passed over: they name no story.

    >>> lead_title("Bridge to close\\n\\nThe council said so. More text.")
    'Bridge to close'
    >>> lead_title("The council said the bridge will close. Ferries will run.")
    'The council said the bridge will close. Ferries will run.'
    >>> lead_title("Tuesday, May 24, 2005\\nSixers hire Maurice Cheeks\\nText.")
    'Sixers hire Maurice Cheeks'
    >>> lead_title("September 18th, 2013, 05: 31 GMT\\nMicrosoft patches IE\\nText.")
    'Microsoft patches IE'
    >>> len(lead_title("word " * 100)) <= TITLE_CHARS
    True
    """
    head = headline_span(text)
    if head:
        return short(text[head[0] : head[1]], TITLE_CHARS)
    lines = [x for x in text.strip().split("\n", 4)[:4] if x.strip()]
    first = next((x for x in lines if not is_stamp_line(x)), lines[0] if lines else "")
    return short(first, TITLE_CHARS)


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".json", *JSONL_SUFFIXES)
"""File names a folder is searched for: every kind a file named alone is read as (a folder
reads what its files read one by one)."""

META_FIELDS = ("title", "byline", "url", "outlet", "series")
"""Optional string fields of a JSONL record (besides ``published``/``date``)."""


def warn(message: str) -> None:
    """Report an :class:`InputWarning` (the CLI prints it as one line on stderr)."""
    warnings.warn(InputWarning(message), stacklevel=2)


def _article_class() -> type[Article]:
    """:class:`Article`, defined on first use (then a module attribute like any class).

    A record is a dataclass (:mod:`storytrace.records`), and importing dataclasses, with
    the inspect, ast, dis and tokenize modules it imports, cost ``storytrace match`` more
    than its look-up: ``match`` reads its one article with :func:`read_text_id` and never
    builds one (issue 16). ``from storytrace.articles import Article`` works as usual.
    """
    # Module globals: the class, and Literal, which get_type_hints (the JSON Schemas of
    # storytrace.schema) looks up in this module to resolve the field types.
    global Article, Literal
    if "Article" in globals():
        return Article
    from dataclasses import dataclass
    from typing import Literal

    from storytrace.records import Record, jfield

    @dataclass(slots=True)
    class Article(Record):
        """One article: its analysed text and whatever metadata came with it."""

        source: str = jfield(
            "Path as given, <stdin>, the JSONL file and line, or the pair id and side."
        )
        text: str = jfield(
            "The exact analysed text (after HTML extraction); offsets index into it."
        )
        id: str | None = jfield(
            "The record's id (JSONL), or the path for a file.", default=None, omit_none=True
        )
        title: str | None = jfield(default=None, omit_none=True)
        byline: str | None = jfield(default=None, omit_none=True)
        published: str | None = jfield(
            "Publication instant in UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ); None when unknown "
            "or unreadable.",
            default=None,
            omit_none=True,
        )
        published_raw: str | None = jfield(
            "The publication date exactly as given.", default=None, omit_none=True
        )
        url: str | None = jfield(default=None, omit_none=True)
        outlet: str | None = jfield(
            "Publisher (passim's series fills it when missing, else the url's host).",
            default=None,
            omit_none=True,
        )
        series: str | None = jfield("passim's series, as given.", default=None, omit_none=True)
        format: Literal["text", "html", "jsonl"] = jfield(
            "Where the text came from.", default="text"
        )

    Article.__qualname__ = "Article"  # pickle finds it by name (worker processes)
    return Article


def __getattr__(name: str) -> object:
    if name == "Article":
        return _article_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def article_from_text(text: str, source: str = "<text>", **meta: str | None) -> Article:
    """Build an article from a string; HTML is detected and extracted."""
    if _looks_like_html(text):
        return _from_html(text, source)
    return _article_class()(source=source, text=_clean_text(text), **meta)


# --- decoding ----------------------------------------------------------------

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BAD_BYTE = lazy_compile("[\udc80-\udcff]")
# How much worse (charset-normalizer's "mess") Windows-1252 may read than the
# best candidate and still win: for short Western text the detector's first
# pick is often a Central European or Mac code page that turns é into ť.
_CP1252_SLACK = 0.1
_MIN_EVIDENCE = 8
_SNIFF_BYTES = 65536
_LEGACY_CODECS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "koi8_r", "koi8_u", "mac_roman",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)  # fmt: skip


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes into text, warning when bytes had to be replaced.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then UTF-8; then, when
    the bytes are mostly valid UTF-8 with a few bad ones, UTF-8 with the bad
    bytes replaced by U+FFFD (an :class:`InputWarning` says how many);
    otherwise the legacy code page charset-normalizer detects, preferring
    Windows-1252 when it reads as well. UTF-16 without a BOM is recognised by
    its zero bytes. Binary data (NUL bytes, many control characters) raises
    :class:`InputError`.

    >>> decode_bytes("café".encode("cp1252"), "x")
    'café'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _check_text(_decode_counting(data[len(bom) :], codec, source), source)
    if b"\x00" in data:  # anywhere: a text head can hide a binary body
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(f"{source}: looks like a binary file, not text or HTML")
        return _check_text(_decode_counting(data, codec, source), source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_non_utf8(data, source)
    return _check_text(text, source)


def _check_text(text: str, source: str) -> str:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        raise InputError(f"{source}: looks like a binary file, not text or HTML")
    return text


def _decode_counting(data: bytes, codec: str, source: str) -> str:
    text = data.decode(codec, errors="replace")
    if "\ufffd" in text:
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        if bad:
            warn(f"{source}: {bad} byte sequence(s) invalid in {codec} replaced with U+FFFD")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the zero bytes sit where mostly-ASCII UTF-16 puts them."""
    head = data[:8192]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) == 0:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _decode_non_utf8(data: bytes, source: str, legacy: dict[str, str] | None = None) -> str:
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_BAD_BYTE.findall(text))
    # Real UTF-8 with a stray byte (a cp1252 apostrophe pasted in, a cut
    # sequence) has valid multi-byte characters beside the bad bytes; a
    # legacy-encoded file has few or none. Decoding the former as cp1252 would
    # garble every accented character of the article.
    if sum(1 for c in text if ord(c) > 0x7F) - bad >= bad:
        warn(f"{source}: {bad} byte(s) invalid in UTF-8 replaced with U+FFFD")
        return _BAD_BYTE.sub("\ufffd", text)
    if legacy is None:
        legacy = {}
    if "codec" not in legacy:
        legacy["codec"] = legacy_codec(data)
    try:
        return data.decode(legacy["codec"])
    except UnicodeDecodeError:
        # Bytes cp1252 leaves undefined: Latin-1 maps every byte.
        return data.decode("latin-1" if legacy["codec"] == "cp1252" else legacy["codec"], "replace")


def legacy_codec(data: bytes) -> str:
    """The code page of non-UTF-8 bytes, as charset-normalizer finds it.

    Only code pages news is written in are candidates (charset-normalizer alone
    offers UTF-16 or Urdu cp1006 for a short Western text), and Windows-1252
    wins when it reads about as well as the best of them: Western news archives
    are mostly Windows-1252, and for short text the detector's first pick is
    often a Central European page that turns é into ť. With fewer than
    ``_MIN_EVIDENCE`` non-ASCII bytes there is nothing to detect from, and
    Windows-1252 is taken.

    >>> legacy_codec("Привет, как дела? Это тест кодировки.".encode("cp1251"))
    'cp1251'
    >>> legacy_codec("Le café était fermé à Zürich.".encode("latin-1"))
    'cp1252'
    >>> legacy_codec("It cost £3m.".encode("cp1252"))
    'cp1252'
    """
    high = len(data) - len(data.translate(None, bytes(range(128))))
    if high < _MIN_EVIDENCE:
        return "cp1252"
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data, cp_isolation=list(_LEGACY_CODECS)).best()
    if best is None:
        return "cp1252"
    try:
        western = mess_ratio(data[:_SNIFF_BYTES].decode("cp1252"))
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined
        return best.encoding
    return "cp1252" if western <= best.chaos + _CP1252_SLACK else best.encoding


# --- single files --------------------------------------------------------------


def read_article(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Article:
    """Read an article file (plain text, HTML, a one-record JSONL file or a ``.json`` file
    holding one record) or ``-`` for standard input."""
    got = _read(path, max_bytes)
    if isinstance(got, tuple):
        name, text = got
        return _article_class()(source=name, text=text)
    return got


def read_text_id(
    path: str | os.PathLike[str], max_bytes: int = MAX_BYTES
) -> tuple[str, str | None]:
    """``(text, id)``: ``read_article(path).text``, the same checks and errors, without
    building an :class:`Article` from a plain-text file (so without the record machinery),
    and the id ``index`` stores that file's article under: a record's own id (JSON Lines or
    ``.json``), else the path as given (None for standard input)."""
    got = _read(path, max_bytes)
    if isinstance(got, tuple):
        return got[1], None if str(path) == "-" else str(path)
    return got.text, got.id or (None if str(path) == "-" else str(path))


def _read(path: str | os.PathLike[str], max_bytes: int) -> tuple[str, str] | Article:
    """``(name, text)`` of plain text, or the :class:`Article` of JSON Lines or HTML."""
    name = str(path)
    if is_jsonl(name):
        return _one_jsonl_article(name)
    if name == "-":
        data = stdin_bytes().read(max_bytes + 1)
        name = "<stdin>"
    else:
        if not os.path.exists(name):
            raise InputError(f"{name}: no such file")
        if os.path.isdir(name):
            raise InputError(f"{name}: is a directory, expected an article file")
        size = os.stat(name).st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: file is {size / 1048576:.1f} MiB, larger than the "
                f"{max_bytes / 1048576:.0f} MiB limit for one article"
            )
        try:
            with open(name, "rb") as fh:
                data = fh.read()
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: input larger than the {max_bytes // 1048576} MiB limit")
    text = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    if name.lower().endswith(".json"):
        return record_text_article(text, name)
    if name == "<stdin>" and (rec := unnamed_record_article(text, name)) is not None:
        return rec
    is_html = name.lower().endswith((".html", ".htm", ".xhtml")) or _looks_like_html(text)
    if is_html:
        return _from_html(text, name)
    return name, _clean_text(text)


def unnamed_record_article(text: str, name: str) -> Article | None:
    """The record a text with no file name to say what it holds (standard input, a paste)
    holds when it opens with ``{``: one JSON object, or one JSON Lines record (jq's output,
    a line of a dump), read as :func:`record_text_article` reads a file's; None for any
    other text. Read as text it would be analysed as its JSON source."""
    if not text.lstrip().startswith("{"):
        return None
    return record_text_article(text, name, unnamed=True)


def record_text_article(text: str, name: str, unnamed: bool = False) -> Article:
    """The one record the text of a ``.json`` file (or of a JSON Lines upload, :func:`is_jsonl`)
    holds, read as a JSONL line would be. Read as plain text it would be compared or stored as
    its JSON source, braces and keys: a silent wrong result. ``unnamed``: the text came
    without a file name (:func:`unnamed_record_article`), so JSON Lines are read too."""
    import json

    if is_jsonl(name):
        return _jsonl_text_article(text, name)
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        if unnamed and e.msg == "Extra data":  # JSON Lines: one record, or an error
            return _jsonl_text_article(text, name)
        raise InputError(
            f"{name}: malformed JSON ({e.msg}: line {e.lineno} column {e.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None
    if isinstance(rec, list):
        raise InputError(
            f"{name}: holds a JSON array; give one article per .json file, or JSON Lines "
            f"for many (.jsonl, one object per line: jq -c '.[]' {name} > {name}l)"
        )
    if not isinstance(rec, dict):
        raise InputError(f'{name}: expected a JSON object ({{"id": ..., "text": ...}})')
    return record_to_article(rec, name)


def _jsonl_text_article(text: str, name: str) -> Article:
    data = io.BufferedReader(io.BytesIO(text.encode("utf-8")))  # peekable, as files are
    return _one_record(_jsonl_records(data, name), name)


def _one_jsonl_article(name: str) -> Article:
    # A JSONL dump read as plain text would be compared as its JSON source,
    # braces and all: a silent wrong result. iter_jsonl reports a missing file.
    return _one_record(iter_jsonl(name), name)


def _one_record(records: Iterable[tuple[int, dict | InputError]], name: str) -> Article:
    """The article of the one record a JSON Lines file or upload holds: one record is one
    article; more belong to `index` or `compare --pairs`."""
    found: Article | None = None
    for n, rec in records:
        if isinstance(rec, InputError):
            raise rec
        if found is not None:
            raise InputError(
                f"{name}: holds more than one record; give one article per file (use "
                "'storytrace index' or 'compare --pairs' for many)"
            )
        found = record_to_article(rec, f"{name}:{n}")
    if found is None:
        raise InputError(f"{name}: file is empty")
    return found


_HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


_CONSENT = re.compile(
    r"\b(cookies?|consent|(accept|reject|allow|refuse) all|manage (options|preferences|"
    r"settings|cookies)|(privacy|cookie) (policy|settings|notice|preferences)|"
    r"your privacy|before you continue|our partners)\b",
    re.I,
)


def _consent_only(body: str) -> bool:
    """Whether the text extracted from a page is a cookie or consent notice: too few words
    left once its lines about cookies, consent and privacy are set aside. (A page asking
    consent before the article is shown extracts as tens of words, more than a menu.)"""
    rest = [ln for ln in body.splitlines() if not _CONSENT.search(ln)]
    return sum(len(ln.split()) for ln in rest) < MIN_ARTICLE_WORDS


def _from_html(html: str, source: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_recall=True,
        date_extraction_params=_date_params(),
    )
    body = getattr(doc, "text", None) if doc is not None else None
    # Menus and cookie banners survive extraction as a few words; an article
    # has sentences.
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{source}: HTML contains no article text that could be extracted")
    if _consent_only(body):
        raise InputError(f"{source}: HTML holds a cookie or consent notice, no article text")
    title = getattr(doc, "title", None)
    text = _clean_text(body)
    # The headline is part of what outlets copy and spin, so it leads the text.
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    raw_date = _whole_date(html, getattr(doc, "date", None))
    return _article_class()(
        source=source,
        text=text,
        title=title,
        byline=getattr(doc, "author", None),
        published=_published(raw_date, source),
        published_raw=raw_date,
        url=getattr(doc, "url", None),
        outlet=getattr(doc, "sitename", None) or outlet_of_url(getattr(doc, "url", None)),
        format="html",
    )


def _date_params() -> dict:
    # htmldate's default output is the day alone; "who came first" needs the
    # time and zone when the page gives them (article:published_time etc.).
    try:
        from trafilatura.settings import set_date_params

        params = set_date_params(True)
    except ImportError:  # an older trafilatura
        params = {"original_date": True, "extensive_search": True}
    return {**params, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _whole_date(html: str, found: str | None) -> str | None:
    """``found`` (htmldate's answer with :func:`_date_params`) unless it may be a year or a
    month read as a day: the first of a month at midnight is kept only when the page's
    markup (or a whole ISO date in its text) gives it too.

    htmldate's search of the page's text ends, when it finds no whole date, in a lone year
    or a copyright year read as 1 January and a month with its year as its first day:
    "his 2013 Toyota Camry" became a publication date, and ``stories`` ordered copies by it.
    """
    if not found or not re.match(r"\d{4}-\d\d-01T00:00:00", found):
        return found
    from htmldate import find_date

    return find_date(html, **{**_date_params(), "extensive_search": False})


def _clean_text(text: str) -> str:
    # Only line endings change: offsets refer to this text, and editors' CRLF
    # versus LF is not a difference anyone cares about.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _published(raw: object, where: str) -> str | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    from storytrace.dates import ambiguous_day_month, iso_utc

    iso = iso_utc(raw)
    if iso is None and ambiguous_day_month(raw):
        warn(
            f"{where}: the date {str(raw)[:80]!r} reads as month/day or day/month; not used"
            " for direction (write it as 2019-02-01); kept as published_raw only"
        )
    elif iso is None:
        warn(f"{where}: cannot read the date {str(raw)[:80]!r}; kept as published_raw only")
    return iso


# --- records -------------------------------------------------------------------


def outlet_of_url(url: str | None) -> str | None:
    """The outlet an article's address names when no outlet is given: its host in lower
    case, without ``www.`` and port; None without a host. Hosts, not registrable domains:
    ``sports.example.com`` and ``example.com`` stay apart (one outlet counted as two weakens
    its furniture count; two blogs on one platform counted as one would merge them).

    >>> outlet_of_url("https://WWW.Example.co.uk:443/news/1"), outlet_of_url("www.bbc.co.uk/x")
    ('example.co.uk', 'bbc.co.uk')
    >>> outlet_of_url("article-17") is None
    True
    """
    if not url:
        return None
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname
    except ValueError:  # an address with a malformed port or brackets names no host
        return None
    if not host or "." not in host:
        return None
    return re.sub(r"^www\d?\.", "", host)


def record_id(rec: dict) -> str | None:
    """The id of a JSONL record as its article takes it (a string or an integer), or None
    when it has none that is valid."""
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int) or rid == "":
        return None
    return str(rid)


def record_to_article(rec: dict, where: str) -> Article:
    """Validate one JSONL record and build its :class:`Article`.

    ``where`` names the record in messages (``file:line``). Needs ``id`` (string
    or integer) and non-empty string ``text``; the metadata fields must be
    strings (numbers are converted) when present. passim's ``series`` also
    fills ``outlet``, else the ``url``'s host does, and ``date`` stands in for ``published``.
    """
    if "id" not in rec and "text" not in rec:  # a folder's stray metadata file, say
        raise InputError(f"{where}: not an article record (no 'id' and no 'text')")
    rid = record_id(rec)
    if rid is None:
        raise InputError(f"{where}: needs an 'id' (string or integer)")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: record {rid}: needs a string 'text'")
    if not text.strip():
        raise InputError(f"{where}: record {rid}: 'text' is empty")
    meta: dict[str, str | None] = {}
    for key in META_FIELDS:
        value = rec.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
            raise InputError(f"{where}: record {rid}: '{key}' must be a string")
        meta[key] = None if value is None else str(value)
    raw = rec.get("published")
    if raw is None:
        raw = rec.get("date")
    return _article_class()(
        id=rid,
        source=where,
        text=_clean_text(text),
        title=meta["title"],
        byline=meta["byline"],
        published=_published(raw, f"{where}: record {rid}"),
        published_raw=None if raw is None else str(raw),
        url=meta["url"],
        outlet=meta["outlet"] or meta["series"] or outlet_of_url(meta["url"]),
        series=meta["series"],
        format="jsonl",
    )


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict | InputError]]:
    """Yield ``(line_number, record)`` per JSONL line; bad lines yield an InputError.

    ``path`` may be ``-`` (standard input) and may be gzip-compressed. A
    malformed line never stops the stream: callers report and skip it. Lines
    are decoded one by one (a BOM is skipped; a line that is not UTF-8 is
    decoded as :func:`decode_bytes` would, with one legacy code page per
    file), so a stray byte spoils one record, not the file.
    """
    name = "<stdin>" if str(path) == "-" else str(path)
    fh, owned = _open_binary(path)
    try:
        yield from _jsonl_records(fh, name)
    finally:
        if owned:
            fh.close()


def _jsonl_records(fh: BinaryIO, name: str) -> Iterator[tuple[int, dict | InputError]]:
    """:func:`iter_jsonl` over an open binary stream named ``name`` in messages."""
    import json

    legacy: dict[str, str] = {}
    for n, raw in _lines(fh, name):
        if isinstance(raw, InputError):
            yield n, raw
            continue
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            line = _decode_non_utf8(raw, f"{name}:{n}", legacy)  # type: ignore[arg-type]
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            # The column, as Python's own message gives it: some of its messages end
            # waiting for one ("Invalid control character at"). Counted in the line: a
            # line cut short is past its last character, not (as Python counts, having
            # skipped the newline) at column 1 of the next.
            col = min(e.pos, len(line.rstrip())) + 1
            yield n, InputError(f"{name}:{n}: malformed JSON ({e.msg}: column {col})")
            continue
        except RecursionError:
            yield n, InputError(f"{name}:{n}: JSON nested too deeply")
            continue
        if not isinstance(rec, dict):
            yield n, InputError(f"{name}:{n}: expected a JSON object")
            continue
        yield n, rec


_STDIN: list = [None, None]  # [sys.stdin.buffer it wraps, peekable reader]


def stdin_bytes() -> io.BufferedReader:
    """Standard input as one peekable binary stream (sniffing must not lose bytes).

    On a file descriptor, a reader of its own rather than ``sys.stdin.buffer``: ``index -``
    reads it in a daemon thread (:class:`storytrace.procpool._Feed`), which an interrupt can
    leave waiting inside a read, holding the reader's lock. Python closes
    ``sys.stdin.buffer`` as it exits, and closing a reader whose lock another thread holds
    is a fatal error ("could not acquire lock for <_io.BufferedReader name='<stdin>'> at
    interpreter shutdown") that replaced the one-line interruption with an abort."""
    raw = sys.stdin.buffer
    if _STDIN[0] is not raw:
        _STDIN[0] = raw
        try:
            fd = raw.fileno()
        except (OSError, ValueError):  # a stream in memory (a test's runner): no descriptor
            _STDIN[1] = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
        else:
            _STDIN[1] = open(fd, "rb", closefd=False)  # noqa: SIM115 - never closed, as stdin
    return _STDIN[1]


def _open_binary(path: str | os.PathLike[str]) -> tuple[BinaryIO, bool]:
    name = str(path)
    if name == "-":
        fh: BinaryIO = stdin_bytes()  # type: ignore[assignment]
        owned = False
    else:
        try:
            fh = open(name, "rb")  # noqa: SIM115 (closed by iter_jsonl)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory, expected a JSONL file") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror})") from None
        owned = True
    if fh.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        import gzip  # for .gz dumps only: not a cost of every start-up

        return gzip.GzipFile(fileobj=fh), owned  # type: ignore[return-value]
    return fh, owned


def _lines(fh: BinaryIO, name: str) -> Iterator[tuple[int, bytes | str | InputError]]:
    """Numbered lines: bytes, or text when a UTF-16/32 BOM fixed the encoding."""
    n = 0
    try:
        head = fh.peek(4)[:4]  # type: ignore[attr-defined]
        for bom, codec in _BOMS:
            if head.startswith(bom):
                if codec == "utf-8":
                    fh.read(len(bom))
                    break
                # "utf-16"/"utf-32" read the BOM themselves and pick the byte order.
                text = io.TextIOWrapper(fh, encoding=codec[:6], errors="replace")
                try:
                    for n, line in enumerate(text, 1):  # noqa: B007 (n reported on error)
                        yield n, line
                finally:
                    text.detach()  # the caller closes fh (never standard input)
                return
        while True:
            line = fh.readline(MAX_BYTES + 1)
            if not line:
                return
            n += 1
            if len(line) > MAX_BYTES:
                while line and not line.endswith(b"\n"):
                    line = fh.readline(MAX_BYTES)
                yield n, InputError(f"{name}:{n}: line longer than the {MAX_BYTES >> 20} MiB limit")
                continue
            yield n, line
    except (OSError, EOFError, zlib.error) as e:
        # gzip.BadGzipFile is an OSError; a cut-off .gz ends with EOFError.
        what = "truncated gzip data" if isinstance(e, EOFError) else (str(e) or type(e).__name__)
        yield n + 1, InputError(f"{name}: cannot read after line {n} ({what})")


# --- many inputs -----------------------------------------------------------------


def is_jsonl(name: str) -> bool:
    """True for a file name storytrace reads as JSON Lines (``.jsonl``, ``.jsonl.gz``,
    ``.ndjson``)."""
    return name.lower().endswith(JSONL_SUFFIXES)


def iter_articles(
    paths: Iterable[str], stdin_article: bool = False, unique_ids: bool = True
) -> Iterator[tuple[str, Article | InputError]]:
    """``(id, article)`` for every article in files, folders, JSONL dumps and ``-``.

    Bad inputs come as ``(key, InputError)`` in input order and never stop the
    stream. A folder is searched recursively for ``ARTICLE_SUFFIXES`` (hidden
    files skipped). ``-`` reads JSON Lines from standard input; with
    ``stdin_article``, standard input that is not JSON Lines is one article
    (id ``-``) instead of an error. An article's id is its record's ``id`` (JSONL,
    or a ``.json`` file holding one), or its path for a file. Ids must be unique in
    one run: a later record with an id already seen is an error and the first one is kept
    (``unique_ids=False`` lets them through, for commands that store nothing).
    """
    seen: dict[str, str] = {}
    for aid, art in _iter_articles(paths, stdin_article):
        if not isinstance(art, InputError) and unique_ids:
            if aid in seen:
                art = InputError(
                    f"{art.source}: duplicate id {aid!r} (first at {seen[aid]}); skipped"
                )
            else:
                seen[aid] = art.source
        yield aid, art


FOLDER_PAPERS = lazy_compile(
    r"(?:readme|licen[cs]e(?:data)?|copying|changelog)(?![a-z])", re.IGNORECASE
)
"""File names a dataset's folder carries beside its articles (BBC News's ``README.TXT``, ECB+'s
``COPYING-CC.TXT``): skipped, with a warning, when a folder is read; read when named."""


def _iter_articles(
    paths: Iterable[str], stdin_article: bool = False
) -> Iterator[tuple[str, Article | InputError]]:
    from pathlib import Path

    for p in paths:
        path = Path(p)
        if p == "-":
            if _stdin_looks_like_html_or_text() and stdin_article:
                try:
                    art = read_article("-")
                except InputError as e:
                    yield "-", e
                    continue
                art.id = "-"
                yield "-", art
            elif _stdin_looks_like_html_or_text():
                yield (
                    "-",
                    InputError(
                        '<stdin>: expected JSON Lines ({"id": ..., "text": ...} per line); '
                        "give a single article as a file"
                    ),
                )
            else:
                yield from _jsonl_articles("-")
        elif path.is_dir():
            files = sorted(
                f
                for f in path.rglob("*")
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and f.name.lower().endswith(ARTICLE_SUFFIXES)
            )
            if not files:  # a mistyped folder must not pass as "nothing to do"
                yield p, InputError(f"{p}: folder holds no {', '.join(ARTICLE_SUFFIXES)} file")
            kept = []
            for f in files:
                if FOLDER_PAPERS.match(f.name):
                    warn(
                        f"{f}: looks like the folder's readme or licence, not an article; "
                        "skipped (name the file itself to read it)"
                    )
                else:
                    kept.append(str(f))
            yield from _iter_articles(kept)
        elif is_jsonl(p):
            yield from _jsonl_articles(p)
        else:
            try:
                art = read_article(p)
            except InputError as e:
                yield p, e
                continue
            if art.format == "jsonl":  # a .json file's record keeps its own id
                yield art.id, art
                continue
            art.id = p
            yield p, art


def _jsonl_articles(p: str) -> Iterator[tuple[str, Article | InputError]]:
    name = "<stdin>" if p == "-" else p
    lines = 0
    try:
        for n, rec in iter_jsonl(p):
            lines += 1
            where = f"{name}:{n}"
            if isinstance(rec, InputError):
                yield where, rec
                continue
            try:
                art = record_to_article(rec, where)
            except InputError as e:
                # Keyed as the article would have been, so a batch's results join back to
                # the dump by its ids; without a valid one, by its place.
                yield record_id(rec) or where, e
                continue
            yield art.id or where, art
    except InputError as e:
        yield p, e
        return
    if not lines and p != "-":
        # As an empty text file or folder is: a dump that failed to download is named, not
        # passed over as nothing to do (empty standard input is nothing to do).
        yield p, InputError(f"{name}: file is empty")


def _stdin_looks_like_html_or_text() -> bool:
    head = stdin_bytes().peek(512)[:512]
    if head[:2] == b"\x1f\x8b":
        return False
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    stripped = head.lstrip()
    return bool(stripped) and not stripped.startswith(b"{")
