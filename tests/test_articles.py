"""Titles made for articles that have none (articles.lead_title)."""

from __future__ import annotations

import pytest

from storytrace.articles import lead_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Opening date lines as ECB+'s scraped pages carry them: a date names no story.
        ("Tuesday, May 24, 2005\nSixers hire Maurice Cheeks\nText.", "Sixers hire Maurice Cheeks"),
        (
            "INDONESIA, July 2, 2013\nUpdated: July 2, 2013 15:01 IST\nQuake hits Aceh",
            "Quake hits Aceh",
        ),
        ("PUBLISHED: 22:07 GMT, 7 July 2012\nKlitschko retains titles", "Klitschko retains titles"),
        ("Article posted on 08. 07. 2012\nKlitschko stops Thompson", "Klitschko stops Thompson"),
        # Weekdays abbreviated (cnn.com in ECB+ was named "updated 8: 41 p. m. EST, Tue ...").
        (
            "updated 8:41 p.m. EST, Tue March 3, 2009\nObama overturns Bush species rule",
            "Obama overturns Bush species rule",
        ),
        ("Last Updated: Fri, 12 Dec 2008 06:00:00 GMT\nBank cuts rates", "Bank cuts rates"),
        # Headlines with numbers, dates or a dateline stay.
        ("Colts beat Chiefs 20-13\nText.", "Colts beat Chiefs 20-13"),
        ("May 2005 was the wettest\nText.", "May 2005 was the wettest"),
        (
            "NEW YORK (AP) - Three people died on May 3\nMore.",
            "NEW YORK (AP) - Three people died on May 3",
        ),
        ("April 27, 2009", "April 27, 2009"),  # nothing else to name it by
    ],
)
def test_lead_title_passes_over_opening_date_lines(text: str, title: str) -> None:
    assert lead_title(text) == title
