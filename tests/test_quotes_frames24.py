"""Frames, twenty-fourth pass (issue 15, precision15n): cues that govern no reported
content (the contract: a quotation, a that/whether/if clause or a reported clause). Each
case fails on main 3b47724 in rules mode unless marked a guard. The texts are our own."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


def _contents(text: str, parser: bool) -> list[str]:
    return [" | ".join(text[a:b] for a, b in q.parts) for q in extract_quotes(text, parser=parser)]


@pytest.mark.parametrize("parser", [False, True])
def test_asked_not_to_be_named_is_no_frame_and_keeps_the_real_one(parser: bool) -> None:
    # 'asked not to be named' is a request without a listener (as 'asked to' is); read as
    # a frame it also took the sentence from the 'told' frame after it.
    text = "One trader, who asked not to be named, told the agency the January sales were weak."
    assert _contents(text, parser) == ["the January sales were weak"]


@pytest.mark.parametrize("parser", [False, True])
def test_agreed_not_to_is_an_act(parser: bool) -> None:
    text = "The two unions agreed not to strike before the spring talks."
    assert _contents(text, parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_a_promise_not_to_keeps_its_infinitive(parser: bool) -> None:
    # Guard: a promise reports its infinitive, negated or not.
    text = "The mayor vowed not to raise the parking charges this year."
    assert _contents(text, parser) == ["not to raise the parking charges this year"]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The surgeons wanted to operate at once, but she insisted on waiting until she was"
        " back home in Cork.",
    ],
)
def test_insisting_on_a_gerund_reports_nothing(text: str, parser: bool) -> None:
    assert _contents(text, parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_said_on_a_day_still_reports(parser: bool) -> None:
    # Guard: 'on' before a time is no gerund.
    text = "The council said on Tuesday that the bridge would reopen in May."
    assert _contents(text, parser) == ["the bridge would reopen in May"]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The chairman also denied reports that the coach had been paid £2m to leave.",
        "The club denied media speculation that its stadium would be sold.",
        "She confirmed earlier reports that the plant would close.",
    ],
)
def test_reports_that_are_the_nouns_content(text: str, parser: bool) -> None:
    # The clause says what the reports said; the cue's object is the noun phrase.
    assert _contents(text, parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_a_promise_of_more_things_is_an_object(parser: bool) -> None:
    text = (
        "The DJ promised more such nights in more cities next year, despite the chaos after"
        " the beach party, which ended with fans stranded."
    )
    assert _contents(text, parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_a_promise_with_a_clause_keeps_it(parser: bool) -> None:
    # Guard: the quantity opens a subject whose verb follows.
    text = "The minister promised more nurses would be hired by the spring."
    assert _contents(text, parser) == ["more nurses would be hired by the spring"]
