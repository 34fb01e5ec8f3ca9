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


@pytest.mark.parametrize("parser", [False, True])
def test_an_adjective_after_and_opens_the_subjects_second_noun(parser: bool) -> None:
    # 'and unsettled' is no second verb of the speaker ('claimed self-defense and was
    # acquitted'): the clause's verb comes after the noun.
    text = (
        "Jane Okafor, the city's emergency director, said the heat and unsettled weather"
        " could last all week."
    )
    assert _contents(text, parser) == ["the heat and unsettled weather could last all week"]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The paper said the messages were exchanges between the minister and Alan Birch,"
            " who was his chief of staff at the time.",
            "the messages were exchanges between the minister and Alan Birch",
        ),
        (
            "Party officials said they could change their minds before April 26, when voters in"
            " three more states go to the polls.",
            "they could change their minds before April 26",
        ),
        (
            "Clark said Brooks had begun calling committee members - there are two from each"
            " district.",
            "Brooks had begun calling committee members",
        ),
    ],
)
def test_the_writers_gloss_closing_the_content_is_left_out(
    text: str, content: str, parser: bool
) -> None:
    assert _contents(text, parser) == [content]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A relative inside the clause, its verb still to come.
        (
            "She said the plan, which costs £2m, will fail.",
            "the plan, which costs £2m, will fail",
        ),
        # After a common noun the clause is as often the speaker's reasoning.
        (
            "He said the rule would push investors to hold shares longer, which would delay"
            " their taxes.",
            "the rule would push investors to hold shares longer, which would delay their taxes",
        ),
    ],
)
def test_a_relative_clause_the_speaker_may_own_is_kept(
    text: str, content: str, parser: bool
) -> None:
    # Guards.
    assert _contents(text, parser) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The former coach said people misunderstand the new owner.",
            "people misunderstand the new owner",
        ),
        ("Polls say voters want a change in the council.", "voters want a change in the council"),
        (
            "Residents said the ruling, which struck down the limits on new flats that two other"
            " towns had copied, shows why the vote matters.",
            "the ruling, which struck down the limits on new flats that two other towns had"
            " copied, shows why the vote matters",
        ),
    ],
)
def test_a_clause_whose_verb_has_no_ending_to_read(text: str, content: str) -> None:
    # Rules mode: a plural subject's verb in the present ('people misunderstand'), and a
    # verb after a long relative clause set off by commas.
    assert _contents(text, False) == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Part of the problem, say experts like Ann Weir, a geologist, is the ground itself.",
        "He recalled fans chanting his name at the old ground.",
    ],
)
def test_a_plural_then_a_preposition_or_participle_is_no_clause(text: str) -> None:
    # Guards: 'experts like ...', 'fans chanting' hold no verb of a clause.
    assert not any(c.startswith(("like", "chanting")) for c in _contents(text, False))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Guards: a dash inside the content, and a quotation after the dash, stay in it.
        (
            "He argued that suspects should be held in prison - not at home - while they await"
            " trial.",
            "suspects should be held in prison - not at home - while they await trial",
        ),
        (
            'The singer said he was "astounded" he had never won - but "they never give it to'
            ' the British".',
            'he was "astounded" he had never won - but "they never give it to the British"',
        ),
    ],
)
def test_a_dash_the_speaker_goes_on_after_is_kept(text: str, content: str) -> None:
    assert _contents(text, False) == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Rates are expected to rise, with an increase of a quarter point predicted some time"
        " in the second half of the year.",
        "Banks refuse to pay. They must warn people earlier about possible fraud.",
    ],
)
def test_a_determiner_or_a_listener_is_no_plural_subject(text: str) -> None:
    # Guards: 'predicted some time ...' and 'warn people earlier ...' hold no clause.
    assert not any(c.startswith(("some time", "people earlier")) for c in _contents(text, False))


def test_called_on_a_group_ending_in_ing_still_asks() -> None:
    # Guard: 'on clothing firms ... to' is a request's listener, not a gerund.
    text = "The charity has called on clothing firms not to abandon their workers."
    assert _contents(text, False) == ["not to abandon their workers"]
