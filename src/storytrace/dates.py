"""Publication dates: every accepted form becomes one timezone-aware UTC instant.

Direction by time must compare instants, never strings: ``"May 30, 2019"``
sorts after ``"June 1, 2019"``, and ``2019-05-30T07:00:00-05:00`` (12:00 UTC)
sorts before ``2019-05-30T10:00:00+00:00`` as text. Accepted forms:

* ISO 8601, with or without an offset (passim's ``date`` is ``YYYY-MM-DD``);
* RFC 2822 / RSS (``Thu, 30 May 2019 07:00:00 -0500``);
* everyday English (``May 30, 2019``, ``30 May 2019 10:15 BST``, ``2:15 PM ET``
  with the day's daylight saving, ``14.03 GMT``), read by python-dateutil; a zone
  abbreviation it does not know (``HKT``) is refused, not read as UTC; a numeric
  date one side of the Atlantic reads month first and the other day first
  (``01/02/2019``: 2 January or 1 February) is refused (:func:`ambiguous_day_month`):
  a guessed order would give a direction the record does not support, while
  ``05/30/2019`` and ``30/05/2019`` are read;
* epoch seconds as a number or a string of 9+ digits (13 digits: milliseconds);
* :class:`datetime.datetime` and :class:`datetime.date` objects.

A time with no zone (``2019-05-30 07:00``) is taken as UTC: the record does not
say otherwise, and guessing a local zone would be worse. A date with no time is
midnight UTC (:func:`day_only` tells such values apart). Anything else (no year,
no month, a year outside 1800-2200, an ambiguous numeric date, junk) is
``None``; the caller warns.

Example:
    >>> parse_published("Thu, 30 May 2019 07:00:00 -0500").isoformat()
    '2019-05-30T12:00:00+00:00'
    >>> iso_utc("May 30, 2019")
    '2019-05-30T00:00:00Z'
    >>> parse_published("sometime last week") is None
    True
    >>> parse_published("01/02/2019") is None, iso_utc("30/01/2019")
    (True, '2019-01-30T00:00:00Z')
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import warnings
from functools import lru_cache

from dateutil import parser as du_parser
from dateutil import tz

UTC = dt.UTC

# dateutil leaves unknown abbreviations naive (with a warning); these are the
# zones news feeds print. Abbreviations are ambiguous worldwide (CST is also
# China), so only the North American / UK / central European readings are used.
_ZONES = {
    name: tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "UTC": 0,
        "GMT": 0,
        "Z": 0,
        "BST": 1,
        "IST": 1,
        "CET": 1,
        "CEST": 2,
        "EET": 2,
        "EEST": 3,
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
        "AEST": 10,
        "AEDT": 11,
    }.items()
}
# "2:15 PM ET" names a region whose offset depends on the day (EST or EDT): the zone's rules
# decide (the tzdata package, a dependency, so they are there on every OS).
_REGIONS = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
# "14.03 GMT", "7.30pm": a clock time written with a dot (the Guardian's datelines).
_DOT_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m\b|[A-Z]{2,5}\b))", re.I)
_EPOCH = re.compile(r"\d{9,13}(\.\d+)?")
# Labels feeds put before the date ("Published: ...", "Updated 30 May 2019").
_LABEL = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|updated|last\s+updated|date|on)\s*(?:on)?\s*[:\-]?\s*",
    re.IGNORECASE,
)
_RFC_ZONE = re.compile(r"\s(?:[+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T)\s*$", re.IGNORECASE)
_MIN_YEAR, _MAX_YEAR = 1800, 2200
# Day and month as numbers first, then the year ("01/02/2019", "1.2.19", "01-02-2019 10:00").
_NUMERIC_DMY = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(?:\d{4}|\d{2})(?!\d)")


def parse_published(raw: object) -> dt.datetime | None:
    """The publication instant of ``raw`` as an aware UTC datetime, or None if unreadable."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, dt.datetime):
        return _checked(raw)
    if isinstance(raw, dt.date):
        return _checked(dt.datetime(raw.year, raw.month, raw.day))
    if isinstance(raw, int | float):
        return _from_epoch(float(raw))
    if not isinstance(raw, str):
        return None
    s = raw.strip()
    if not s or len(s) > 100:
        return None
    if _EPOCH.fullmatch(s):
        return _from_epoch(float(s))
    if ambiguous_day_month(s):
        return None
    return _from_iso(s) or _from_rfc2822(s) or _from_words(_LABEL.sub("", s))


def ambiguous_day_month(raw: object) -> bool:
    """True when ``raw`` starts with a numeric date that reads two ways.

    ``01/02/2019`` is 2 January in the United States and 1 February in Britain;
    nothing in the string says which. A day above 12 or the same number twice
    settles it (``05/30/2019``, ``30.05.2019``, ``03/03/2019``), and a year
    first (``2019-01-02``, ``2019/01/02``) is always year, month, day.

    >>> ambiguous_day_month("01/02/2019"), ambiguous_day_month("Published: 4.5.19 10:00")
    (True, True)
    >>> ambiguous_day_month("30/01/2019"), ambiguous_day_month("2019-01-02")
    (False, False)
    """
    if not isinstance(raw, str):
        return False
    m = _NUMERIC_DMY.match(_LABEL.sub("", raw.strip()))
    if m is None:
        return False
    a, b = int(m[1]), int(m[3])
    return 1 <= a <= 12 and 1 <= b <= 12 and a != b


def iso_utc(raw: object) -> str | None:
    """``raw`` as the stored form, ``YYYY-MM-DDTHH:MM:SSZ`` (sorts as it should), or None."""
    when = parse_published(raw)
    return None if when is None else when.strftime("%Y-%m-%dT%H:%M:%SZ")


def day_only(when: dt.datetime) -> bool:
    """True for a value at exactly midnight UTC: most likely a date given without a time."""
    return when.hour == when.minute == when.second == when.microsecond == 0


def _checked(when: dt.datetime) -> dt.datetime | None:
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when if _MIN_YEAR <= when.year <= _MAX_YEAR else None


def _from_epoch(x: float) -> dt.datetime | None:
    if x > 1e11:  # milliseconds, as JavaScript writes them
        x /= 1000
    try:
        return _checked(dt.datetime.fromtimestamp(x, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _from_iso(s: str) -> dt.datetime | None:
    if not s[:4].isdigit():
        return None
    try:
        return _checked(dt.datetime.fromisoformat(s))
    except ValueError:
        return None


def _from_rfc2822(s: str) -> dt.datetime | None:
    if "," not in s and not re.match(r"\d{1,2} [A-Za-z]{3} \d{4} \d", s):
        return None
    try:
        fields = email.utils.parsedate_tz(s)
    except (TypeError, ValueError, IndexError):
        return None
    # No zone, one the email module reads as UTC without knowing it ("BST"), or
    # "7:00 PM": the email reading would be wrong, dateutil's is not.
    if fields is None or not _RFC_ZONE.search(s) or re.search(r"\b[AP]\.?M\b", s, re.I):
        return None
    try:
        return _checked(email.utils.parsedate_to_datetime(s))
    except (TypeError, ValueError, IndexError):
        return None


@lru_cache(maxsize=1)
def _zones() -> dict[str, dt.tzinfo]:
    from zoneinfo import ZoneInfo

    return {**_ZONES, **{k: ZoneInfo(v) for k, v in _REGIONS.items()}}


def _from_words(s: str) -> dt.datetime | None:
    # Two defaults that differ in every field: a field the string does not give
    # comes out different, so "May" alone or "10:15" alone is refused instead
    # of being completed from today's date.
    s = _DOT_TIME.sub(r"\1:\2", s)
    got = []
    for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)):
        try:
            with warnings.catch_warnings(record=True) as said:
                warnings.simplefilter("always")
                got.append(du_parser.parse(s, default=default, tzinfos=_zones()))
        except (ValueError, OverflowError, TypeError):
            return None
        # A zone dateutil does not know ("HKT") would leave the time naive, read as UTC: a
        # wrong instant, where the caller's warning says the date was not read.
        if any(issubclass(w.category, du_parser.UnknownTimezoneWarning) for w in said):
            return None
    first, second = got
    if first.year != second.year or first.month != second.month:
        return None
    if first.day != second.day:  # "May 2019": the first of the month
        first = first.replace(day=1)
    return _checked(first)


# --- the story window: one rule for ``stories`` and ``compare`` ------------------------------

STORY_DAYS = 7
"""Two articles whose publication instants lie more than this many days apart (a date
without a time is its whole day) are not one story by their vocabulary or their names
(:func:`far_apart`): ``stories`` scores such a pair 0, and joins it by a shared quote or by
reuse only for a republication (``stories.links_stories``); ``compare`` does not call it
``same-story`` on shared names alone (``evidence``'s rule ``published-apart``). A hard cut,
not a decay, read off PolNeAR's pair gaps (docs/evidence.md): of its article pairs dated 0 to
2 days apart, 5 to 8 times as many score ``stories.AVERAGE_LINK`` or more as of those 8 to 30
days apart, 3 to 7 days apart twice as many, and from 8 to 30 days the share is level (the
topic, not the event). No dated gold set of events tunes it."""
STORY_US = STORY_DAYS * 86_400_000_000
""":data:`STORY_DAYS` in microseconds, the unit of :func:`span_us`."""
_EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=UTC)


def day_span(
    value: object, slack: dt.timedelta = dt.timedelta(0)
) -> tuple[dt.datetime, dt.datetime] | None:
    """The interval a publication value stands for: a date without a time covers its whole
    UTC day, widened by ``slack`` on each side; None when unreadable."""
    when = parse_published(value)
    if when is None:
        return None
    if day_only(when):
        return when - slack, when + dt.timedelta(days=1) + slack - dt.timedelta(microseconds=1)
    return when, when


def span_us(value: object) -> tuple[int, int] | None:
    """:func:`day_span` in whole microseconds since 1970 (exact integers, so the scalar rule
    and ``stories``' rule on arrays decide alike)."""
    when = day_span(value)
    if when is None:
        return None
    one = dt.timedelta(microseconds=1)
    return (when[0] - _EPOCH_UTC) // one, (when[1] - _EPOCH_UTC) // one


def gap_us(published_a: object, published_b: object) -> int | None:
    """Microseconds between the two publication intervals (0 when they overlap), or None
    when either value is unknown."""
    a, b = span_us(published_a), span_us(published_b)
    if a is None or b is None:
        return None
    return max(b[0] - a[1], a[0] - b[1], 0)


def far_apart(published_a: object, published_b: object) -> bool:
    """Whether two publication instants lie more than :data:`STORY_DAYS` apart.

    Values are anything :func:`parse_published` reads; a date without a time is its whole
    UTC day (the gap is counted from its end), and an unknown instant is never far from
    anything.

    >>> far_apart("2016-02-24", "2016-03-02"), far_apart("2016-02-24", "2016-03-03")
    (False, True)
    >>> far_apart(None, "2016-03-03")
    False
    """
    gap = gap_us(published_a, published_b)
    return gap is not None and gap > STORY_US


# --- calendar dates inside article text (event evidence) -------------------------------------

_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_NO = {
    m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
_FORMS = (
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b"  # May 3, 2013
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+(\d{{4}})\b"  # 3 May 2013
    # 2013-05-03 (also 2013-05-03T10:00) and 2012.08.08, year first: one separator, spaces
    # around it allowed as for slashes ("2013 - 09 - 28", "2012. 08. 08" as a page's header
    # reads once tokenised); a decimal or a score has no third part.
    r"|\b(\d{4})\s*([-.])\s*(\d{2})\s*\8\s*(\d{2})(?!\d)"
    r"|\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\b"  # 05/03/2013, 11/10/11
)
# Searching lower-cased text case-sensitively is about a third faster than IGNORECASE.
_IN_LOWER = re.compile(_FORMS)
_IN_TEXT = re.compile(_FORMS, re.IGNORECASE)


def calendar_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Whole calendar dates (day, month and year) written in ``text``, with their spans.

    Numeric dates read month first unless that is impossible (``25/12/2019``);
    a two-digit year needs slashes (``11/10/11``) and means 20xx.

    >>> [(d.isoformat(), s) for d, s in calendar_dates("Posted May 03, 2013 and 10 Nov 2011")]
    [('2013-05-03', (7, 19)), ('2011-11-10', (24, 35))]
    """
    out = []
    lowered = text.lower()
    # Lower-casing can change the length ("İ"): then search the text itself.
    found = _IN_LOWER.finditer(lowered) if len(lowered) == len(text) else _IN_TEXT.finditer(text)
    for m in found:
        g = m.groups()
        if g[0]:
            y, mo, d = int(g[2]), _MONTH_NO[g[0][:3].lower()], int(g[1])
        elif g[4]:
            y, mo, d = int(g[5]), _MONTH_NO[g[4][:3].lower()], int(g[3])
        elif g[6]:
            y, mo, d = int(g[6]), int(g[8]), int(g[9])
        else:
            mo, d, y = int(g[10]), int(g[11]), int(g[12])
            if y < 100:
                y += 2000
            if mo > 12:
                mo, d = d, mo
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            continue
        try:
            out.append((dt.date(y, mo, d), m.span()))
        except ValueError:
            continue
    return out
