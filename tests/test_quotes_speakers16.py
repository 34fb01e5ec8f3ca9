"""Speakers, seventeenth pass (issue 15, quotes15g), from the description speakers on
PolNeAR train: a definite description of one person by an office or a role of political
and business copy ('the former secretary of state', 'the presumptive Republican
presidential nominee', 'the retired neurosurgeon', 'the billionaire developer', 'the
former CEO of Acme') stands for the person the text was just about, as 'the Scot' did;
not for a group, nor for a person the article writes with another party; with nobody
to stand for, the description is reported as written and typed a person. Each case was
wrong on main before this pass unless marked a guard. The texts are our own; the rules
and the parser give the same answer."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _last_speaker(text: str, parser: bool) -> tuple[str | None, str]:
    q = extract_quotes(text, parser=parser)[-1]
    return q.speaker_name, q.speaker_type


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Jane Holt spoke in Leeds on Monday. The former secretary of state said the deal "
            "was dead.",
            "Jane Holt",
        ),
        (
            "Ben Carter said on Monday that he would stay in the race. The retired "
            "neurosurgeon told reporters the plan was sound.",
            "Ben Carter",
        ),
        (
            "Republican presidential hopeful Dana Voss toured the plant on Friday. The "
            "presumptive Republican presidential nominee said the jobs would stay.",
            "Dana Voss",
        ),
        (
            "Carla Fenn visited the plant on Friday. The former CEO of Acme said sales were "
            "strong.",
            "Carla Fenn",
        ),
    ],
)
def test_role_description_names_the_person(text: str, name: str, parser: bool) -> None:
    assert _last_speaker(text, parser) == (name, "person")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        # Nobody named: the description as written, a person.
        "The billionaire developer said the tower would rise by 2030.",
        # A group is nobody's description.
        "City officials said the meeting was set for May. The billionaire developer said he "
        "would attend.",
        # The article writes the person before with the other party.
        "Republican front-runner Dan Kemp spoke first. The Democratic presidential nominee "
        "said the plan was unfair.",
    ],
)
def test_description_as_written(text: str, parser: bool) -> None:
    q = extract_quotes(text, parser=parser)[-1]
    assert q.speaker is not None
    assert (q.speaker_name, q.speaker_type) == (text[q.speaker[0] : q.speaker[1]], "person")


@pytest.mark.parametrize("parser", PARSERS)
def test_office_held_by_another_stays(parser: bool) -> None:
    # Guard: a person the article gives another office does not hold this one.
    text = "Mayor Tom Reed opened the fair. The former CEO of Acme said sales were strong."
    assert _last_speaker(text, parser) == ("The former CEO of Acme", "person")


@pytest.mark.parametrize("parser", PARSERS)
def test_company_the_headline_names(parser: bool) -> None:
    # 'the company' with no organisation in the sentences before: the one the headline
    # names and the text names most.
    text = (
        "Zentrix takes bigger steps against fraud.\n\nZentrix closed 125,000 accounts last "
        "year, up from 40,000. Investors cheered the news on Friday. Analysts at two banks "
        "raised their forecasts.\n\nThe company said its checks had already cut losses."
    )
    assert _last_speaker(text, parser) == ("Zentrix", "organisation")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        # Guard: named once only, in the headline.
        "Zentrix takes bigger steps against fraud.\n\nAnalysts at two banks raised their "
        "forecasts on Friday. Investors cheered.\n\nThe company said its checks had already "
        "cut losses.",
        # Guard: a place is no company.
        "Rain hits crops in Iowa.\n\nFarmers in Iowa lost a third of the harvest. Prices "
        "rose in Iowa and in Ohio.\n\nThe company said its stores would stay open.",
    ],
)
def test_company_as_written(text: str, parser: bool) -> None:
    assert _last_speaker(text, parser) == ("The company", "organisation")
