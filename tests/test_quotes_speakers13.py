"""Speaker resolution, thirteenth pass (issue 15, quotes15c): a role apposition names the
person before its comma, not the organisation inside it; 'the' and a capitalised name is
that organisation, not whoever the article named before; a place's name that opens with
'New' or a compass word stays whole ('New York Times', not 'York Times'); a surname before
'of' and a place is the person the article named in full. Each case was wrong on main
before this pass unless marked a guard. The texts are our own."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


def _speaker_of(text: str, words: str, parser: bool = False) -> str | None:
    found = [q.speaker_name for q in extract_quotes(text, parser=parser) if words in q.quoted(text)]
    assert found, f"no quote holding {words!r}"
    return found[0]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Two appositions: the role, then what the organisation is.
        (
            "Tom Fenwick, the president of Harbour Watch, a group that tracks port "
            "pollution, said that the figures were hidden.",
            "figures were hidden",
            "Tom Fenwick",
        ),
        (
            "Mara Quint, chairman of the board of Blue Field Partners, the fund's largest "
            "backer, said the plan would cost more.",
            "plan would cost more",
            "Mara Quint",
        ),
        # A party member's label: the state is not the senator.
        (
            "Senator Ada Polk, Republican of West Virginia, said that the bill was dead.",
            "bill was dead",
            "Ada Polk",
        ),
    ],
)
def test_a_role_apposition_names_the_person_before_its_comma(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    assert _speaker_of(text, words, parser) == speaker


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The person named in the sentence before is not the newspaper.
        (
            "The emails show that Ben Ortiz took directions from aide Lena Marsh. "
            'According to the Daily Courier, "Ortiz also posted her lines."',
            "Ortiz also posted",
            "Daily Courier",
        ),
        # Connectors inside the name: the whole name, not its tail.
        (
            "Hiring slowed in May, the Bureau of Labor Statistics said on Friday.",
            "Hiring slowed in May",
            "Bureau of Labor Statistics",
        ),
        (
            '"We stand by our reporting," The New York Times said.',
            "We stand by our reporting",
            "New York Times",
        ),
        # Guard: a short form of a name the article wrote in full.
        (
            "The Wall Street Journal covered the merger. The Journal reported that the "
            "talks had stalled.",
            "talks had stalled",
            "Wall Street Journal",
        ),
    ],
)
def test_a_capitalised_name_after_the_is_that_name(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    assert _speaker_of(text, words, parser) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Guards: a nationality, a title and an owner before a name keep their rules.
        (
            'Celtic manager Martin Doyle was furious. "We were robbed," said the '
            "Northern Irishman.",
            "We were robbed",
            "Martin Doyle",
        ),
        (
            "Prime Minister Jane Hill spoke on Monday. The Prime Minister said that taxes "
            "would fall.",
            "taxes would fall",
            "Jane Hill",
        ),
        (
            "The Post's Chris Lund said that the race was tightening.",
            "race was tightening",
            "Chris Lund",
        ),
    ],
)
def test_descriptions_and_owned_names_are_not_taken_as_names(
    text: str, words: str, speaker: str
) -> None:
    assert _speaker_of(text, words) == speaker


def test_a_surname_before_of_and_a_place_is_the_person() -> None:
    text = (
        "Caucus chairman G.K. Larkfield met the president on Monday. Larkfield of North "
        "Carolina said the caucus would meet again."
    )
    assert _speaker_of(text, "caucus would meet again") == "G.K. Larkfield"
    # With no full name in the article the state is still not the speaker.
    alone = "Larkfield of North Carolina said the caucus would meet again."
    assert _speaker_of(alone, "caucus would meet again") not in ("Carolina", "North Carolina")


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Dean Lowe, a 55-year-old salesman from Sumter, South Carolina, says Cruz will "
            '"leave here with momentum."',
            "leave here with momentum",
            "Dean Lowe",
        ),
        (
            "Owen Patel of Fairview, Ohio says the plant will reopen in spring.",
            "plant will reopen",
            "Owen Patel",
        ),
        (
            "Willa Moran, an actor in Dallas, who runs a small theatre company, recalled "
            "that the crowds were thin.",
            "crowds were thin",
            "Willa Moran",
        ),
        (
            "Chuck Gresham, facing a spirited challenge in Iowa, a swing state, said he "
            "would welcome the plan.",
            "would welcome the plan",
            "Chuck Gresham",
        ),
    ],
)
def test_a_place_ending_an_apposition_is_not_the_speaker(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    """The place closes the apposition; the person the sentence opens with speaks."""
    assert _speaker_of(text, words, parser) == speaker


def test_a_place_speaker_without_a_person_before_it_stays_as_written() -> None:
    # Guard: no name opens the sentence, so nobody is invented.
    text = "In the town of Dorset, Vermont, officials said the clinic had closed."
    assert _speaker_of(text, "clinic had closed") != "Dorset"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The interviewer is named first, the person answering is the subject.
        (
            "In an interview with host Dan Rourke, the senator, Carl Weiss, defended his "
            'plan. "We will win," he said.',
            "We will win",
            "Carl Weiss",
        ),
        (
            'Radio host Dan Rourke pressed Senator Carl Weiss on the wall. "It will be '
            'built," he said.',
            "It will be built",
            "Carl Weiss",
        ),
        # Guard: a host who is the only person named still speaks for himself.
        (
            'Radio host Dan Rourke opened the show on Monday. "We are live," he said.',
            "We are live",
            "Dan Rourke",
        ),
    ],
)
def test_a_pronoun_answering_an_interviewer_is_the_interviewee(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    assert _speaker_of(text, words, parser) == speaker


@pytest.mark.parametrize(
    ("text", "words", "expected", "not_expected"),
    [
        # An interviewer is not 'the senator'; nobody else is 'the moderator' (a guard:
        # 'moderator' is now a person's role).
        (
            "Interviewer Mark Lane asked the senator about taxes. The senator said they "
            "would fall.",
            "they would fall",
            None,
            "Mark Lane",
        ),
        (
            "Senator Carl Weiss spoke first. The moderator said that time was up.",
            "time was up",
            None,
            "Carl Weiss",
        ),
        # A person the article gives another office does not hold this one (a guard).
        (
            '"You must act," Representative Ann Dale told the president. The president '
            "said that it was not that simple.",
            "not that simple",
            None,
            "Ann Dale",
        ),
        # A department is no company.
        (
            "Verix shares fell. The Labor Department said that the strike had ended. The "
            "company said it would rehire the workers.",
            "rehire the workers",
            None,
            "Labor Department",
        ),
    ],
)
def test_a_description_resolves_only_to_someone_with_that_role(
    text: str, words: str, expected: str | None, not_expected: str
) -> None:
    got = _speaker_of(text, words)
    assert got != not_expected
    if expected is not None:
        assert got == expected


def test_a_compass_word_opening_a_run_leaves_the_person_after_the_place() -> None:
    # 'South Korean-born Monte Haines': Monte Haines is indexed, so 'Haines' is him.
    text = (
        "South Korean-born Monte Haines holds little hope. Adopted in 1981, Haines said "
        "his family assumed he was a citizen."
    )
    assert _speaker_of(text, "his family assumed") == "Monte Haines"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A guard: a title and a parenthesis before the verb.
        (
            "Hours later, Senate Majority Leader Tom Birch (R-Ky.) issued a statement "
            "saying that the vote should wait.",
            "the vote should wait",
            "Tom Birch",
        ),
        (
            "In reply, Communications Secretary Lina Ocampo released a statement saying "
            "that the visit was welcome.",
            "the visit was welcome",
            "Lina Ocampo",
        ),
        (
            "Gail Moreno, a pollster who is working with Forward Action, a super PAC, said "
            "the primaries had hurt the party.",
            "primaries had hurt the party",
            "Gail Moreno",
        ),
    ],
)
def test_a_statement_speaks_for_its_issuer_and_an_organisation_in_an_apposition_does_not_speak(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    assert _speaker_of(text, words, parser) == speaker
