"""The quote extractor's headline is the project's one headline rule
(``articles.headline_span``), with the two differences the quotes need
(``quotes.document.headline``). Session 48 (qhead48)."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes
from storytrace.quotes.document import headline
from storytrace.text import doc_of


def _quotes(t: str) -> list[tuple[str, str | None]]:
    return [(t[slice(*q.content)], q.speaker_name) for q in extract_quotes(t, parser=False)]


@pytest.mark.parametrize(
    "top",
    [
        "May 30, 2019",  # a date
        "By Jane Smith",  # a byline
        "LONDON, May 30, 2019",  # a dateline
        "Tue Jun 3, 2008 6:28pm EDT\nBy Jane Smith",  # both
        "BREAKING NEWS",  # a label
    ],
)
def test_a_headline_below_a_date_or_byline_holds_no_quote(top: str) -> None:
    t = (
        f"{top}\nUnion says strike 'will go ahead'\n\nThe strike begins on Monday, union "
        'leader Ann Cole said. "We have no choice," she added.\n'
    )
    s, e = headline(doc_of(t))
    assert t[s:e] == "Union says strike 'will go ahead'"
    got = _quotes(t)
    assert not [c for c, _ in got if "go ahead" in c]
    assert ("The strike begins on Monday", "Ann Cole") in got
    assert ("We have no choice", "Ann Cole") in got


def test_a_long_headline_holds_no_quote() -> None:
    # The seed pair's headline: long, and without a closing full stop.
    t = (
        "Labour's defence over 'meddling' in the election is 'grossly implausible', say "
        "Tories – as ex-Cabinet minister admits it was a 'mistake' for party to assist campaign\n\n"
        "Labour's effort to defend itself was branded 'grossly implausible' today.\n"
    )
    assert headline(doc_of(t)) == (0, t.index("\n"))
    assert not [c for c, _ in _quotes(t) if t.index(c) < t.index("\n")]


@pytest.mark.parametrize(
    "first",
    [
        'Her spokesman, Bill Tran, said: "The mayor has faith."',
        "Her spokesman, Bill Tran, said: 'The mayor has faith.'",
        "Her spokesman, Bill Tran, said, `` The mayor has faith. ''",
        '"Does the mayor have faith?" asked her spokesman, Bill Tran."',
    ],
)
def test_a_line_closing_its_sentence_inside_a_quotation_mark_is_no_headline(first: str) -> None:
    t = f"{first}\nThe mayor spoke on Monday.\n"
    assert headline(doc_of(t)) is None


def test_a_lede_closing_inside_its_quotation_mark_is_read() -> None:
    t = 'Her spokesman, Bill Tran, said: "The mayor has faith."\n\nThe mayor spoke on Monday.\n'
    # (headline_span alone calls the line a headline: its last character is no full stop.)
    assert [n for c, n in _quotes(t) if "The mayor has faith." in c] == ["Bill Tran"]


@pytest.mark.parametrize(
    "first", ["BYLINE: Amber Phillips.", "BOOM: Trump Just Fired A Missile Directly At Hillary."]
)
def test_a_title_case_line_closing_with_a_full_stop_is_a_headline(first: str) -> None:
    # PolNeAR prints its titles with a full stop; read as a sentence, the colon frames a quote.
    t = f'{first}\n\nThe senator spoke in Ohio. "We will win," Rob Portman said.\n'
    s, e = headline(doc_of(t))
    assert t[s:e] == first
    assert _quotes(t) == [("We will win", "Rob Portman")]


def test_a_quotation_running_past_the_headline_leaves_the_line_below_it_read() -> None:
    # The headline's closing mark, after its '!', reads as no close: the quotation ran on
    # into the next line, which was lost with the headline, and the paragraphs quoted from
    # the writer it names went to nobody.
    t = (
        "Darrell Scott: ‘You Find Me an Aberration Because I’m Black!’\n\n"
        "From Josh Feldman writing at Mediaite:\n\n"
        '"A CNN segment tonight devolved into a shouting match over his supporters.\n\n'
        '"Tara Setmayer ridiculed that assessment.\n\nRead the rest of the story at Mediaite.\n'
    )
    got = _quotes(t)
    assert got
    assert all(name == "Josh Feldman" for _, name in got)
    assert not [c for c, _ in got if "Aberration" in c]
