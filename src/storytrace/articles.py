"""Articles: reading untrusted files into the exact text storytrace analyses.

An :class:`Article` holds the text after any HTML extraction; every offset in
every result refers to ``Article.text``. Reading never guesses silently: a file
that is missing, a directory, binary, empty, too large or HTML without an
article raises :class:`InputError` with a one-line message naming the file.

Example:
    >>> art = article_from_text("Hello world.", source="inline")
    >>> art.text, art.source
    ('Hello world.', 'inline')
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
"""Largest article file read (20 MiB); news articles are a few KB."""


MIN_ARTICLE_WORDS = 10
"""Fewest words HTML extraction must yield to count as an article."""


class InputError(Exception):
    """Bad user input; the message is one line and names the input."""


@dataclass(slots=True)
class Article:
    """One article: its analysed text and whatever metadata came with it."""

    source: str
    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: str = "text"

    @property
    def content_hash(self) -> str:
        """SHA-1 of the analysed text: the identity used for de-duplication."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


def article_from_text(text: str, source: str = "<text>", **meta: str | None) -> Article:
    """Build an article from a string; HTML is detected and extracted."""
    if _looks_like_html(text):
        return _from_html(text, source)
    return Article(source=source, text=_clean_text(text), **meta)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), else Windows-1252/Latin-1.

    Binary data (NUL bytes or many control characters) raises InputError.
    """
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(f"{source}: looks like a binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Legacy news archives are mostly Windows-1252 (a superset of Latin-1
        # for printable characters); fall back to Latin-1 for undefined bytes.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        raise InputError(f"{source}: looks like a binary file, not text or HTML")
    return text


def read_article(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Article:
    """Read an article file (plain text or HTML) or ``-`` for standard input."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(name)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory, expected an article file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: file is {size / 1048576:.1f} MiB, larger than the "
                f"{max_bytes / 1048576:.0f} MiB limit for one article"
            )
        try:
            data = p.read_bytes()
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: input larger than the {max_bytes // 1048576} MiB limit")
    text = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    is_html = name.lower().endswith((".html", ".htm", ".xhtml")) or _looks_like_html(text)
    if is_html:
        return _from_html(text, name)
    return Article(source=name, text=_clean_text(text))


_HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def _from_html(html: str, source: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_recall=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    # Menus and cookie banners survive extraction as a few words; an article
    # has sentences.
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{source}: HTML contains no article text that could be extracted")
    title = getattr(doc, "title", None)
    text = _clean_text(body)
    # The headline is part of what outlets copy and spin, so it leads the text.
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(
        source=source,
        text=text,
        title=title,
        byline=getattr(doc, "author", None),
        date=getattr(doc, "date", None),
        url=getattr(doc, "url", None),
        outlet=getattr(doc, "sitename", None),
        format="html",
    )


def _clean_text(text: str) -> str:
    # Only line endings change: offsets refer to this text, and editors' CRLF
    # versus LF is not a difference anyone cares about.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict | InputError]]:
    """Yield ``(line_number, record)`` per JSONL line; bad lines yield an InputError.

    A malformed line never stops the stream: callers report and skip it.
    """
    name = str(path)
    opener = sys.stdin if name == "-" else None
    try:
        fh = opener or open(name, encoding="utf-8", errors="replace")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, expected a JSONL file") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, InputError(f"{name}:{n}: malformed JSON ({e.msg})")
                continue
            if not isinstance(rec, dict):
                yield n, InputError(f"{name}:{n}: expected a JSON object")
                continue
            yield n, rec
