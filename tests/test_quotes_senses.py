"""Cue words in senses that report no speech (issue 15, quotes15c): a plural noun before
an auxiliary ('answers have been edited'), a reply that is an act ('responded by easing
sanctions'), 'tell' with no listener ('time will tell if'). The rules and the parser path
share the check, so both are tested; guards keep the speech senses."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Questions and answers have been edited for length and clarity.",
        "The government responded enthusiastically by easing sanctions and providing "
        "nearly $500 million in aid.",
        "Only time will tell if the new stadium will pay for itself.",
        # Guards (main already right): a noun after 'the', an act without an adverb,
        # 'tell' after 'to'.
        "The reports were wrong about the size of the crowd at the rally.",
        "The city responded by closing the bridge and opening two shelters.",
        "It is too early to tell whether the merger will save money.",
    ],
)
def test_a_cue_word_in_another_sense_is_no_quote(text: str, parser: bool) -> None:
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The verb after a subject keeps its sense before an auxiliary.
        (
            "He wants to end an economy that he says is rigged against workers.",
            "is rigged against workers",
        ),
        ("The mayor responded that the bridge would reopen on Monday.", "the bridge would"),
    ],
)
def test_the_speech_senses_stay(text: str, content: str, parser: bool) -> None:
    quotes = extract_quotes(text, parser=parser)
    assert any(content in q.quoted(text) for q in quotes), [q.quoted(text) for q in quotes]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # 'state' after a determiner, number or ordinal is the noun (quotes15d).
        "Turnout fell sharply in the 35 states that held primaries before March.",
        "Arizona will be the fifth state that the lawyers are suing over voting rules.",
        # 'maintain' with an object is keeping something, not asserting it.
        "Clinton maintains a wide lead over Sanders among older voters in the state.",
        "The mayor still maintains an easy lead in local endorsements, reflecting her record.",
    ],
)
def test_state_and_maintain_in_other_senses_are_no_quote(text: str, parser: bool) -> None:
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Guards: the verbs after their subjects.
        ("The report states that the council broke the rules.", "the council broke the rules"),
        (
            "The campaign has long maintained that the emails were not marked classified.",
            "the emails were not marked classified",
        ),
    ],
)
def test_state_and_maintain_as_speech_stay(text: str, content: str, parser: bool) -> None:
    assert [q.quoted(text) for q in extract_quotes(text, parser=parser)] == [content]
