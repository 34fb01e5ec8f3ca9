"""Frames, fifteenth pass (issue 15, quotes15e): a frame set off by commas inside one
reported clause ('The plan, officials say, would cost billions') gives one quote whose
parts are the clause's subject before the frame and its predicate after it. Each case was
wrong on main before this pass unless marked a guard. The texts are our own."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "parts", "speaker"),
    [
        (
            "The new bridge, officials say, would cost twice the estimate.",
            ["The new bridge", "would cost twice the estimate"],
            "officials",
        ),
        (
            "The vote on the budget, she said, came too late for the schools.",
            ["The vote on the budget", "came too late for the schools"],
            "she",
        ),
        (
            "The allure of a flat tax, Ms. Okafor argued, is largely a mirage.",
            ["The allure of a flat tax", "is largely a mirage"],
            "Ms. Okafor",
        ),
        (
            "The council has no plans, advisers say, to close the library this year.",
            ["The council has no plans", "to close the library this year"],
            "advisers",
        ),
        (
            "The solution, the accountant said, was simple.",
            ["The solution", "was simple"],
            "the accountant",
        ),
    ],
)
def test_a_parenthetical_frame_splits_one_reported_clause(
    text: str, parts: list[str], speaker: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert q.kind == "indirect"
    assert [text[s:e] for s, e in q.parts] == parts
    assert text[q.speaker[0] : q.speaker[1]] == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_a_participle_set_off_by_commas_is_no_frame(parser: bool) -> None:
    # Guard: 'announced Friday' describes the deal; nobody is reported.
    text = "The tentative deal, announced Friday, would last four years."
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_where_it_was_said_stays_out_of_the_content(parser: bool) -> None:
    # Guard: after the frame only a place phrase, no predicate.
    text = "The plan is dead, Mr. Obama said, in his interview."
    (q,) = extract_quotes(text, parser=parser)
    assert [text[s:e] for s, e in q.parts] == ["The plan is dead"]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Voters went to the polls in Iowa and Kansas, farm states that have lost jobs.",
        "Most coastal states that will vote in March have large cities.",
        "Swing states like Ohio and Florida decide most elections.",
    ],
)
def test_states_before_a_relative_clause_is_a_noun(text: str, parser: bool) -> None:
    assert [
        q
        for q in extract_quotes(text, parser=parser)
        if q.cue and "states" in text[q.cue[0] : q.cue[1]]
    ] == []


def test_states_as_a_verb_still_reports() -> None:
    # Guard: 'states that' and a subject is the verb.
    text = "The report states that the plan was never costed."
    (q,) = extract_quotes(text)
    assert q.quoted(text) == "the plan was never costed"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "gloss"),
    [
        # An earlier cue ('posted') in the sentence: the source's description was the
        # only content left on main.
        (
            "Nadia Ferris has posted more than 5,000 times since June, mostly on Twitter, "
            "according to SignalTrack, a social analytics tool that monitors social media.",
            "a social analytics tool",
        ),
        # Guard: the simple case, already right on main.
        (
            "The group has threatened ports in the region, according to the Harbour "
            "Monitor, which follows extremist statements.",
            "which follows",
        ),
    ],
)
def test_what_the_source_is_is_no_content(text: str, gloss: str, parser: bool) -> None:
    assert not [q for q in extract_quotes(text, parser=parser) if gloss in q.quoted(text)]


def test_a_fronted_according_to_keeps_its_content() -> None:
    # Guard: the source opens the sentence; the clause after it is the content.
    text = "According to the mayor, the plan that the council backed was never costed."
    (q,) = extract_quotes(text)
    assert q.quoted(text) == "the plan that the council backed was never costed"


@pytest.mark.parametrize("parser", [False, True])
def test_a_quoted_section_head_is_no_quote(parser: bool) -> None:
    text = (
        "Ms. Brandt ran the plant for ten years.\n\n"
        "'A fight from start to finish.'\n\n"
        'The closure came in May. "We did everything we could," she said.\n'
    )
    quotes = extract_quotes(text, parser=parser)
    assert [q.quoted(text) for q in quotes] == ["We did everything we could"]


@pytest.mark.parametrize("parser", [False, True])
def test_a_quotation_paragraph_in_double_marks_still_counts(parser: bool) -> None:
    # Guard: a paragraph-long quotation in double marks continues its speaker.
    text = (
        '"We did everything we could," Ms. Brandt said.\n\n'
        '"Nobody gave up."\n\n'
        "The plant closed in May.\n"
    )
    quotes = extract_quotes(text, parser=parser)
    assert "Nobody gave up." in " ".join(q.quoted(text) for q in quotes)
