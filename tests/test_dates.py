import datetime as dt

import pytest

from storytrace.dates import (
    ambiguous_day_month,
    calendar_dates,
    day_only,
    iso_utc,
    parse_published,
)

UTC = dt.UTC


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 2822 (RSS pubDate), numeric offset and named North American zone
        ("Thu, 30 May 2019 07:00:00 -0500", at(2019, 5, 30, 12)),
        ("Thu, 30 May 2019 07:00:00 EDT", at(2019, 5, 30, 11)),
        ("Thu, 30 May 2019 07:00:00 GMT", at(2019, 5, 30, 7)),
        # ISO 8601 with offsets, Z, fractions, no zone, date only (passim's `date`)
        ("2019-05-30T07:00:00-05:00", at(2019, 5, 30, 12)),
        ("2019-05-30T10:00:00+00:00", at(2019, 5, 30, 10)),
        ("2019-05-30T07:00:00Z", at(2019, 5, 30, 7)),
        ("2019-05-30T07:00:00.5+05:30", at(2019, 5, 30, 1, 30, 0, 500000)),
        ("2019-05-30 07:00", at(2019, 5, 30, 7)),
        ("2019-05-30", at(2019, 5, 30)),
        # everyday English
        ("May 30, 2019", at(2019, 5, 30)),
        ("30 May 2019", at(2019, 5, 30)),
        ("30 May 2019 10:15 BST", at(2019, 5, 30, 9, 15)),
        ("Thursday, May 30, 2019 7:00 PM", at(2019, 5, 30, 19)),
        ("Published: May 30, 2019 at 7:00 am EDT", at(2019, 5, 30, 11)),
        ("May 2019", at(2019, 5, 1)),
        # a US region's time: the day decides standard or daylight time
        ("Updated 2:15 PM ET, Tue November 10, 2015", at(2015, 11, 10, 19, 15)),
        ("Updated 2:15 PM ET, Fri July 10, 2015", at(2015, 7, 10, 18, 15)),
        ("July 10, 2015 9:00 a.m. PT", at(2015, 7, 10, 16)),
        # a clock time written with a dot (the Guardian's datelines)
        ("Tuesday 10 November 2015 14.03 GMT", at(2015, 11, 10, 14, 3)),
        ("Tue 10 Nov 2015 7.30pm", at(2015, 11, 10, 19, 30)),
        # epoch seconds and milliseconds
        (1559217600, at(2019, 5, 30, 12)),
        ("1559217600", at(2019, 5, 30, 12)),
        ("1559217600000", at(2019, 5, 30, 12)),
        # Python objects; a naive datetime is UTC
        (dt.datetime(2019, 5, 30, 7), at(2019, 5, 30, 7)),
        (dt.date(2019, 5, 30), at(2019, 5, 30)),
    ],
)
def test_formats_become_utc_instants(raw, expected):
    got = parse_published(raw)
    assert got == expected
    assert got.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "  ",
        "hello",
        "May",
        "10:15",
        "2019",
        "0",
        True,
        [2019],
        "30 Foo 2019",
        # a zone no table here knows: read as UTC it would be a wrong instant
        "30 May 2019 10:15 HKT",
    ],
)
def test_unreadable_is_none(raw):
    assert parse_published(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/30/2019", at(2019, 5, 30)),  # only month first is possible
        ("30/05/2019", at(2019, 5, 30)),  # only day first is possible
        ("30.05.2019 10:15", at(2019, 5, 30, 10, 15)),
        ("03/03/2019", at(2019, 3, 3)),  # both readings agree
        ("2019/01/02", at(2019, 1, 2)),  # a year first is year, month, day
    ],
)
def test_numeric_dates_that_read_one_way(raw, expected):
    assert not ambiguous_day_month(raw)
    assert parse_published(raw) == expected


@pytest.mark.parametrize(
    "raw", ["01/02/2019", "1/2/19", "01-02-2019 10:00", "4.5.2019", "Published: 04/05/2019"]
)
def test_numeric_dates_that_read_two_ways_are_refused(raw):
    # 2 January in New York is 1 February in London: a guess could reverse a direction.
    assert ambiguous_day_month(raw)
    assert parse_published(raw) is None and iso_utc(raw) is None


def test_instants_order_where_strings_do_not():
    # Both pairs sort the wrong way as strings.
    assert "May 30, 2019" > "June 1, 2019"
    assert parse_published("May 30, 2019") < parse_published("June 1, 2019")
    early, late = "2019-05-30T10:00:00+00:00", "2019-05-30T07:00:00-05:00"
    assert late < early
    assert parse_published(early) < parse_published(late)
    rfc = "Thu, 30 May 2019 11:00:00 +0000"
    assert parse_published(early) < parse_published(rfc) < parse_published(late)


def test_iso_utc_is_the_stored_form_and_round_trips():
    stored = iso_utc("Thu, 30 May 2019 07:00:00 -0500")
    assert stored == "2019-05-30T12:00:00Z"
    assert parse_published(stored) == at(2019, 5, 30, 12)
    assert iso_utc("not a date") is None


def test_day_only_marks_dates_without_a_time():
    assert day_only(parse_published("May 30, 2019"))
    assert not day_only(parse_published("2019-05-30T07:00:00Z"))


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        ("Posted May 03, 2013 at 8:20", "2013-05-03", "May 03, 2013"),
        ("WEDNESDAY, MARCH 4, 2009, 10:53 AM", "2009-03-04", "MARCH 4, 2009"),
        ("on Dec 23 2012, 6:11p", "2012-12-23", "Dec 23 2012"),
        ("Thu, 10 Nov 2011 02:45 PM", "2011-11-10", "10 Nov 2011"),
        ("Saturday, 28 September 2013", "2013-09-28", "28 September 2013"),
        ("the 1st of June? No: 1st June 2020", "2020-06-01", "1st June 2020"),
        ("2019-05-30T07:00", "2019-05-30", "2019-05-30"),
        ("Released 2013 - 09 - 28 05: 08: 35 GMT", "2013-09-28", "2013 - 09 - 28"),  # detokenised
        ("Published: 2012.08.08 09:01 AM", "2012-08-08", "2012.08.08"),
        ("Published: 2012. 08. 08 09: 01 AM", "2012-08-08", "2012. 08. 08"),
        ("05 / 02 / 2013", "2013-05-02", "05 / 02 / 2013"),  # detokenised: month first
        ("25/12/2019", "2019-12-25", "25/12/2019"),  # month first is impossible: day first
        ("11/10/11 02:39 PM ET", "2011-11-10", "11/10/11"),
        ("İSTANBUL, May 3, 2013", "2013-05-03", "May 3, 2013"),  # "İ".lower() is 2 characters
    ],
)
def test_calendar_dates_in_text(text: str, expected: str, written: str):
    ((day, (s, e)),) = calendar_dates(text)
    assert day.isoformat() == expected and text[s:e] == written


def test_calendar_dates_need_day_month_and_year():
    for text in (
        "May 2013",
        "on May 3",
        "31 February 2019",
        "scores 20 - 13",
        "3/4",
        "Sep 31, 2019",
        "2013-09.28",  # two separators: no date
        "the 2008-09 season",
        "pi is 3.1415.92",
    ):
        assert calendar_dates(text) == [], text
