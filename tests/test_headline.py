"""One headline rule: lines that only stamp the article are passed over.

Scraped pages often open with a line that dates, signs or labels the article before its
headline (ECB+ 1_2ecbplus opens "May 2, 2013, 1: 12 PM", then "Lawyer: Lindsay Lohan checks
into rehab facility"). Such a line is no headline: the next short line is. Every reader of the
headline reads :func:`storytrace.articles.headline_span`: the reworded pairing's lone-headline
rule, compare's "headline is spun" finding, the HTML report's headline mark and the titles of
untitled articles. The texts below are written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_reworded_headline import POST, REPORT

from storytrace.align import compare
from storytrace.articles import Article, headline_span, lead_title
from storytrace.report import render_html

HEADLINE = "Council votes to close the old river bridge"
BODY = (
    "The town council voted on Monday to close the old river bridge to cars.\n"
    "Engineers found cracks in two of its piers last month."
)


@pytest.mark.parametrize(
    "stamps",
    [
        ["Tue Jun 3, 2008 6:28pm EDT"],
        ["2019-05-30"],
        ["Updated: May 30, 2019 07:00"],
        ["By Jane Smith"],
        ["BY JANE SMITH and JOHN O'NEILL, Staff Writers"],
        ["By Jane Smith", "May 30, 2019 | 7:00 AM"],
        ["WASHINGTON, DC, April 28, 2009"],
        ["INDONESIA, July 2, 2013", "Updated: July 2, 2013 15:01 IST"],
        ["Posted 3 hours ago"],
        ["Released 2013-09-28 05:08:35 GMT"],
        ["Tue Jul 02 2013, 14:58 hrs"],
        ["Story Created: Aug 7, 2012 at 9:56 AM AKDT"],
        ["BREAKING NEWS"],
        ["Exclusive:"],
        ["", "May 30, 2019", ""],  # blank lines around the stamp
    ],
)
def test_a_stamp_before_the_headline_is_no_headline(stamps: list[str]) -> None:
    text = "\n".join([*stamps, HEADLINE, BODY])
    start = text.index(HEADLINE)
    assert headline_span(text) == (start, start + len(HEADLINE))
    assert lead_title(text) == HEADLINE


@pytest.mark.parametrize(
    "first",
    [
        HEADLINE,
        "Colts beat Chiefs 20-13",
        "May 2005 was the wettest on record",
        "By the numbers: what the bridge costs",  # "By" and words in lower case: no byline
        "COLTS TOP CHIEFS, 20-13, REACH PLAYOFFS",  # capitals and a comma: no dateline
        "FIRED IN PHILLY!!",
        "Lawyer: Lindsay Lohan checks into rehab facility",
    ],
)
def test_a_headline_that_looks_dated_or_signed_stays_the_headline(first: str) -> None:
    assert headline_span(f"{first}\n{BODY}") == (0, len(first))


def test_no_headline_after_the_stamps_means_none() -> None:
    # A stamp, then the lede: the stamp is still no headline.
    assert headline_span(f"Tue Jun 3, 2008 6:28pm EDT\n{BODY}") is None
    assert headline_span(f"By Jane Smith\n{BODY}") is None
    assert headline_span("May 30, 2019") is None
    # A title given with the article is its headline where the text prints it.
    text = f"May 30, 2019\n{HEADLINE}\n{BODY}"
    start = text.index(HEADLINE)
    assert headline_span(text, HEADLINE) == (start, start + len(HEADLINE))
    assert headline_span(f"{HEADLINE}\n{BODY}", HEADLINE) == (0, len(HEADLINE))


def test_the_lone_headline_rule_reads_the_headline_after_a_date_line() -> None:
    # A report and a law firm's post on one crash (tests/test_reworded_headline.py): the
    # report's headline beside the post's body sentence of other facts makes no rewording.
    # (A date line in the week of the crash: one years away would part the two events.)
    dated = "Wed Mar 5, 2025 9:15am GMT\n" + REPORT
    head = dated.index("\n", dated.index("\n") + 1)
    for cmp, side in ((compare(POST, dated), "b"), (compare(dated, POST), "a")):
        assert cmp.verdict == "same-story", cmp.verdict
        assert not any(p.kind == "reworded" for p in cmp.passages)
        assert all(getattr(p, side)[0] >= head for p in cmp.passages)


def test_headlines_after_stamps_still_pair_with_each_other() -> None:
    fixtures = Path(__file__).parent / "fixtures" / "verdict"
    a = "By Jane Smith\nUpdated: May 30, 2019 07:00\n" + (fixtures / "original.txt").read_text()
    b = (fixtures / "heavy.txt").read_text()
    cmp = compare(a, b)
    assert cmp.verdict == "reworded"
    first = cmp.passages[0]
    head_a = headline_span(a)
    assert head_a and first.kind == "reworded" and first.b[0] == 0
    assert head_a[0] <= first.a[0] and first.a[1] <= head_a[1]


def test_the_spun_headline_after_a_date_line_is_found_and_marked() -> None:
    stamp = "Tue Jun 3, 2008 6:28pm EDT\n"
    a = "Party leaders launch their campaign in Leeds\n" + BODY
    b = stamp + "Get together leaders launch their campaign in Leeds\n" + BODY
    cmp = compare(a, b)
    assert any(f.startswith("B’s headline is spun") for f in cmp.findings), cmp.findings
    html = render_html(cmp)
    marked = html.split('<span class="headline">')
    assert len(marked) == 3  # one headline on each side
    assert re.sub(r"<[^>]+>", "", marked[2]).startswith("Get together leaders"), marked[2][:200]


def test_an_untitled_articles_headline_in_a_comparison() -> None:
    from storytrace.align import headline_span as of_article

    text = f"By Jane Smith\n{HEADLINE}\n{BODY}"
    start = text.index(HEADLINE)
    assert of_article(Article("x", text)) == (start, start + len(HEADLINE))
    assert of_article(Article("x", text, title="Bridge to close")) == (
        start,
        start + len(HEADLINE),
    )


# A lede carrying a quotation closes its sentence inside the closing mark; reading only the
# line's last character took it for a headline (session 48, headspan48).
@pytest.mark.parametrize(
    "lede",
    [
        'The mayor spoke on Monday. He said: "We will act."',
        "Her spokesman, Bill Tran, said, `` The mayor has faith. ''",  # Penn Treebank's marks
        '"Are they reading chain emails?"',
        "Mr Tran said the mayor 'will not resign!'",
    ],
)
def test_a_line_closing_its_sentence_inside_a_quotation_mark_is_no_headline(lede: str) -> None:
    text = f"{lede}\n{BODY}"
    assert headline_span(text) is None
    html = render_html(compare(text, f"{HEADLINE}\n{BODY}"))
    assert html.count('<span class="headline">') == 1  # B's headline only


def test_a_headline_quoting_words_without_a_stop_stays_the_headline() -> None:
    for first in ("Bank 'will cut rates'", 'Mayor: "We will act"', "Bridge to close, says 'Tran'"):
        assert headline_span(f"{first}\n{BODY}") == (0, len(first))


# PolNeAR prints every title with a closing full stop, a paragraph of its own; in title case
# the line is a headline all the same (no lede is written in title case).
@pytest.mark.parametrize(
    "title",
    [
        "BOOM: Trump Just Fired the Man Who Ran His Campaign.",
        "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.",
    ],
)
def test_a_title_case_line_closing_with_a_full_stop_is_the_headline(title: str) -> None:
    text = f"May 30, 2019\n{title}\n\n{BODY}"
    start = text.index(title)
    assert headline_span(text) == (start, start + len(title))
    assert lead_title(text) == title
    html = render_html(compare(text, f"{HEADLINE}\n{BODY}"))
    assert html.count('<span class="headline">') == 2


def test_a_sentence_closing_with_a_full_stop_is_still_no_headline() -> None:
    # Names in it, but most of its words in lower case: a lede.
    lede = "Donald Trump fired the chairman of his election campaign on Friday morning."
    assert headline_span(f"{lede}\n{BODY}") is None
    # A title-case line alone, nothing below, is no headline.
    assert headline_span("Poll: Wealthy Voters Abandon Republican Party.\n\n") is None
    # Nor is one in text printed a sentence a line (ECB+'s 5_1ecb opens so): a lede naming a
    # few people reads as title case.
    lede = "Maurice Cheeks is out as Philadelphia 76ers head coach."
    assert headline_span(f"{lede}\nGeneral manager Ed Stefanski named his successor.") is None
    assert headline_span(f"{lede}\n\nGeneral manager Ed Stefanski named his successor.")
