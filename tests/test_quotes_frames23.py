"""Frames, twenty-third pass (issue 15, recall15m): what counts as a quote when the rules
found less than the parser. Each case fails on main 2c9f2c7 in rules mode unless marked a
guard. The texts are our own."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The club may add to its coaching staff or change some roles, she said.",
            "The club may add to its coaching staff or change some roles",
            "she",
        ),
        (
            "Sales rose 4% in March, with the online arm adding 300 jobs during the month,"
            " Ms Patel said.",
            "Sales rose 4% in March, with the online arm adding 300 jobs during the month",
            "Ms Patel",
        ),
        (
            "The factory cut its output after the flood, with its rivals adding shifts to"
            " cover the orders, the Courier reported.",
            "The factory cut its output after the flood, with its rivals adding shifts to"
            " cover the orders",
            "the Courier",
        ),
    ],
)
def test_a_cue_reporting_nothing_leaves_the_closing_frame_its_content(
    text: str, content: str, speaker: str, parser: bool
) -> None:
    # 'add to its staff' and 'adding 300 jobs' report nothing, so they are no frames
    # and do not cut what the frame closing the sentence reports.
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == content
    assert text[q.speaker[0] : q.speaker[1]] == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_a_closing_frame_after_a_quotation_keeps_its_quote(parser: bool) -> None:
    # Guard: with quotation marks in the sentence the frames are left as they were.
    text = 'The chairman added a warning: "Costs will rise," he said.'
    quotes = extract_quotes(text, parser=parser)
    assert [text[q.content[0] : q.content[1]] for q in quotes] == ["Costs will rise"]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Other growers said they, too, have had no rain since early May.",
            "they, too, have had no rain since early May",
        ),
        (
            "The two managers said they, however, would not resign.",
            "they, however, would not resign",
        ),
    ],
)
def test_a_pronoun_subject_with_an_aside_opens_reported_content(
    text: str, content: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == content


@pytest.mark.parametrize("parser", [False, True])
def test_a_relative_clause_in_the_subject_leaves_the_colon_frame_its_quotation(
    parser: bool,
) -> None:
    text = 'Ms Osei, who says she holds no grudge, said: "I lost two seasons of my career."'
    quotes = extract_quotes(text, parser=parser)
    said = [q for q in quotes if q.kind == "direct"]
    assert [text[q.content[0] : q.content[1]] for q in said] == ["I lost two seasons of my career."]
    assert said[0].speaker_name == "Ms Osei"


@pytest.mark.parametrize("parser", [False, True])
def test_an_unclosed_quotation_ends_before_the_next_colon_lead_in(parser: bool) -> None:
    # The first quotation lacks its closing mark (a lost paragraph break); the lead-in
    # 'She added:' is the narrator's, not part of either quotation.
    text = (
        'The coach said: "We lost our shape in the second half. She added: "The players'
        ' know it and they will put it right." The club was fined.'
    )
    quotes = extract_quotes(text, parser=parser)
    assert [text[q.content[0] : q.content[1]] for q in quotes] == [
        "We lost our shape in the second half",
        "The players know it and they will put it right.",
    ]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The singer also lamented a year in which the band has lost two drummers.",
        "The minister announced a new fund for firms which hire young workers.",
        "She recalled the storm which flooded the town two winters ago.",
    ],
)
def test_a_noun_phrase_object_and_its_relative_clause_is_no_content(
    text: str, parser: bool
) -> None:
    # The contract: a cue with a noun-phrase object reports nothing, also when the
    # object's relative clause holds a verb.
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
def test_a_reported_clause_whose_subject_has_a_relative_clause_stays(parser: bool) -> None:
    # Guard: after 'said' the relative clause belongs to the reported clause's subject.
    text = "The officer said the man who stole the van had fled to Leeds."
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == "the man who stole the van had fled to Leeds"


@pytest.mark.parametrize("parser", [False, True])
def test_a_subject_with_a_phrase_set_off_then_a_past_verb_is_a_reported_clause(
    parser: bool,
) -> None:
    text = "Ms Adeyemi said the driver, and a second man, tried to leave the scene on foot."
    (q,) = extract_quotes(text, parser=parser)
    assert (
        text[q.content[0] : q.content[1]]
        == "the driver, and a second man, tried to leave the scene on foot"
    )


@pytest.mark.parametrize("parser", [False, True])
def test_an_object_set_off_by_commas_before_a_participle_is_no_clause(parser: bool) -> None:
    # Guard: 'backed by' is a participle, not the verb of a reported clause.
    text = "The group announced the deal, worth $5m, backed by two local banks."
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "In addition, according to the council, nine more schools will close next year.",
            "nine more schools will close next year",
            "the council",
        ),
        (
            "Last season, according to the club, 40,000 fans bought season tickets.",
            "40,000 fans bought season tickets",
            "the club",
        ),
        (
            "An average of 60 percent of members approve of the deal, according to the union.",
            "An average of 60 percent of members approve of the deal",
            "the union",
        ),
    ],
)
def test_according_to_after_an_opening_phrase_or_closing_the_sentence(
    text: str, content: str, source: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == content
    assert text[q.speaker[0] : q.speaker[1]] == source


@pytest.mark.parametrize("parser", [False, True])
def test_according_to_a_source_with_its_own_relative_clause_keeps_the_content(
    parser: bool,
) -> None:
    # Guard: after content, the source's relative clause is still no content.
    text = "Sales fell 4%, according to the trade body, which tracks 300 shops."
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == "Sales fell 4%"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The manager hinted that the striker could return next month.",
            "the striker could return next month",
        ),
        (
            "Ms Novak indicated she might stand again at the next election.",
            "she might stand again at the next election",
        ),
    ],
)
def test_hint_and_indicate_after_a_person_report_speech(
    text: str, content: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[0] : q.content[1]] == content


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Recent surveys have indicated that shoppers are spending less on clothes.",
        "The latest figures hinted that growth was slowing.",
    ],
)
def test_hint_and_indicate_after_a_thing_are_findings(text: str, parser: bool) -> None:
    # Guard: like 'the figures suggest', a finding (kind 'belief', off by default).
    assert extract_quotes(text, parser=parser) == []
    assert [q.kind for q in extract_quotes(text, parser=parser, beliefs=True)] == ["belief"]


@pytest.mark.parametrize("parser", [False, True])
def test_a_described_subject_with_a_relative_clause_keeps_its_colon_frame(
    parser: bool,
) -> None:
    # The relative clause holds a frame of its own ('who says he is fit again').
    text = 'The veteran striker, who says he is fit again, said: "I am not ready to stop."'
    quotes = extract_quotes(text, parser=parser)
    said = [q for q in quotes if q.kind == "direct"]
    assert [text[q.content[0] : q.content[1]] for q in said] == ["I am not ready to stop."]
    assert text[said[0].speaker[0] : said[0].speaker[1]] == "The veteran striker"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The chancellor hinted at a giveaway in the spring budget.",
        "Since taking office, the government has indicated its intention of raising fuel"
        " prices by cutting subsidies.",
    ],
)
def test_hint_at_and_indicate_an_intention_report_nothing(text: str, parser: bool) -> None:
    # Guard: a prepositional object and an intention's noun phrase are no content.
    assert extract_quotes(text, parser=parser) == []
