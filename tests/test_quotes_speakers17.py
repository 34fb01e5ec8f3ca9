"""Speakers of the right type, found on real articles (issue 15, session 38, quotes15k): the
faults the lead found on BBC News and the kinds that recurred in a sample of 60 suspicious
speakers over all 2,225 BBC articles (a "he" resolved to a club, a place or a group; a month,
a firm or a city taken for the person before it; an evidence verb with a thing as subject).
The texts are our own; each non-guard case is wrong on main (89d5d80) with the rules or the
parser (the parser already typed 'AC Milan' an organisation; the rules kept the club from
'he')."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _speakers(text: str, parser: bool) -> list[tuple[str | None, str]]:
    return [(q.speaker_name, q.speaker_type) for q in extract_quotes(text, parser=parser)]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Nottingham Forest said it had received an £8m bid for the two players.",
        "AC Milan said it had received an £8m bid for the two players.",
        # A one-word club: the article writes it before a team role.
        "Forest manager Gary Megson was angry on Sunday. Forest said the bid was too low.",
    ],
)
def test_a_club_is_an_organisation(text: str, parser: bool) -> None:
    assert _speakers(text, parser)[-1][1] == "organisation"


@pytest.mark.parametrize("parser", PARSERS)
def test_he_is_never_a_club(parser: bool) -> None:
    # The paragraph names no one (BBC copy sometimes lost the name that opened it): 'he'
    # stays unresolved rather than become the club the parser tagged a person (main,
    # with the parser: 'Nottingham Forest').
    text = (
        "Leeds will be at home to either Derby or Nottingham Forest. The ties will be "
        "played next month.\n\nwas delighted to be drawn at home, although he admitted "
        'there was work to do. "We have got our work cut out," he said.'
    )
    assert [name for name, _ in _speakers(text, parser)] == ["he", "he"]


@pytest.mark.parametrize("parser", PARSERS)
def test_mr_fox_is_a_man_not_fox_news(parser: bool) -> None:
    text = (
        "Under Acpo's proposal, the orders would be used only with the council's agreement. "
        "Mr Fox said the drinks industry was not regulating itself. "
        '"It is making money at the cost of human misery," he said.'
    )
    assert _speakers(text, parser) == [("Mr Fox", "person"), ("Mr Fox", "person")]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_surname_that_is_an_organisation_word(parser: bool) -> None:
    text = (
        "Conservative co-chairman Liam Fox said the poster campaign would go on. "
        '"We will not be silenced," he said.'
    )
    assert _speakers(text, parser) == [("Liam Fox", "person"), ("Liam Fox", "person")]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Band Aid founder Bob Geldof in July said he was sick of hearing guff.", "Bob Geldof"),
        ("But Mr Hirsch from Retail Banking Research said the number at risk was low.", "Hirsch"),
        (
            "The BBC's Sarah Rainsford in Moscow says most Russians believe the firm is doomed.",
            "Sarah Rainsford",
        ),
        (
            "Nigel Marson, head of marketing at Transport for London (TfL), said the posters "
            "were useful.",
            "Nigel Marson",
        ),
        (
            "Laura Brownlees of Save the Children said there were grave concerns.",
            "Laura Brownlees",
        ),
        (
            "Hiding women away is a backward view of Islam, President Musharraf of Pakistan "
            "has said.",
            "Musharraf",
        ),
    ],
)
def test_the_person_before_a_place_or_firm_speaks(text: str, speaker: str, parser: bool) -> None:
    ((name, kind),) = _speakers(text, parser)
    assert speaker in (name or "") and kind == "person"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Three-quarters said Mr Blunkett was right to go to court to see the boy whom he "
        "says he fathered.",
        "Anti-spam firms report that legitimate e-mail has shrunk. Part of the reason, he said, "
        "was a change in the way viruses were written.",
        "But opposition parties said council tax would rise steeply. She said councils would "
        "be able to keep rises down.",
    ],
)
def test_a_group_or_an_amount_is_nobodys_he_or_she(text: str, parser: bool) -> None:
    quotes = extract_quotes(text, parser=parser)
    pronoun = [
        q
        for q in quotes
        if q.speaker and text[q.speaker[0] : q.speaker[1]].lower() in ("he", "she")
    ]
    assert pronoun
    for q in pronoun:
        assert q.speaker_name not in ("Three-quarters", "Anti-spam firms", "But opposition parties")


@pytest.mark.parametrize("parser", PARSERS)
def test_an_organisation_spelt_out_before_its_acronym_still_speaks(parser: bool) -> None:
    # Guard for the acronym rule above: a description, the organisation, its acronym.
    text = (
        "India's biggest oil firm, Oil & Natural Gas Corp (ONGC), says it is in talks to "
        "buy the assets."
    )
    ((name, kind),) = _speakers(text, parser)
    assert "Natural Gas Corp" in (name or "") and kind == "organisation"


@pytest.mark.parametrize("parser", PARSERS)
def test_a_place_that_speaks_is_no_person(parser: bool) -> None:
    text = "But now Europe says the euro has had enough, and Asia must share the burden."
    ((name, kind),) = _speakers(text, parser)
    assert name == "Europe" and kind != "person"


_OFFICE = (
    "Charles Clarke flew to Brussels on Monday. The home secretary said the plan would "
    "work. Home Secretary David Blunkett, who held the post before, was silent."
)


@pytest.mark.parametrize("parser", PARSERS)
def test_an_office_holder_must_speak_where_named_in_a_short_article_too(parser: bool) -> None:
    # The office rule looks for the holder anywhere after the description, but only one
    # who speaks there; in an article under 500 characters this was not checked, so the
    # holder merely mentioned later was taken. A long article gives the same answer.
    long = _OFFICE + "\n\n" + " ".join(["The weather in Brussels was mild all week."] * 12)
    assert len(_OFFICE) < 500 < len(long)
    short_names = [name for name, _ in _speakers(_OFFICE, parser)]
    long_names = [name for name, _ in _speakers(long, parser)]
    assert short_names == long_names == ["Charles Clarke"]


def test_an_office_holder_who_speaks_later_is_still_found() -> None:
    # Guard: the holder written with the office and a verb of saying, pages on.
    text = (
        "The home secretary said the plan would work.\n\n"
        + " ".join(["The weather in Brussels was mild all week."] * 12)
        + "\n\nHome Secretary Charles Clarke told MPs he was confident."
    )
    assert _speakers(text, False)[0] == ("Charles Clarke", "person")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "This will not come as news to Parry, but his quiet determination suggests he is in "
        "no mood to be found wanting.",
        "The latest figures suggest that the housing market is slowing.",
        "Research suggests that about 258 million images are shared every day.",
    ],
)
def test_an_evidence_verb_with_a_thing_as_subject_is_no_speech(text: str, parser: bool) -> None:
    assert extract_quotes(text, parser=parser) == []
    # Reported, if asked for, as a finding.
    assert [q.kind for q in extract_quotes(text, parser=parser, beliefs=True)] == ["belief"]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Mr Smith suggested that the housing market was slowing.",
        "Many commentators suggested that a bidding war could break out.",
        "eBay suggests that shoppers are buying the consoles abroad.",
    ],
)
def test_a_person_or_a_name_that_suggests_still_speaks(text: str, parser: bool) -> None:
    # Guard: a person, a group of people or an organisation suggesting is speech.
    assert [q.kind for q in extract_quotes(text, parser=parser)] == ["indirect"]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_film_that_tells_a_story_says_nothing(parser: bool) -> None:
    text = (
        "Set in her native Dartford, Wasp tells the story of a young mum who leaves her "
        'daughters outside a pub. "I just start with an image," Arnold explains.'
    )
    assert [name for name, _ in _speakers(text, parser)] == ["Arnold"]


@pytest.mark.parametrize("parser", PARSERS)
def test_an_office_named_by_two_nouns_frames_its_clause(parser: bool) -> None:
    text = "Games should carry larger warnings, the trade and industry secretary has said."
    quotes = extract_quotes(text, parser=parser)
    assert [text[q.speaker[0] : q.speaker[1]] for q in quotes if q.speaker] == [
        "the trade and industry secretary"
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "written", "speaker"),
    [
        (
            "Game warnings must be clearer\n\nViolent video games should carry larger "
            "warnings, the trade and industry secretary has said.\n\nPatricia Hewitt is "
            "expected to call for the law to be tightened.",
            "the trade and industry secretary",
            "Patricia Hewitt",
        ),
        (
            "Retirement age could go\n\nThe myth that ageing is a barrier needs to be "
            "exploded, the work and pensions minister has said.\n\nAlan Johnson told a "
            "conference the government was considering it.",
            "the work and pensions minister",
            "Alan Johnson",
        ),
        # Guard: the next paragraph opens with no person's name.
        (
            "Retirement age could go\n\nThe myth that ageing is a barrier needs to be "
            "exploded, the pensions minister has said.\n\nThe Times reported that the "
            "government was considering it.",
            "the pensions minister",
            "the pensions minister",
        ),
    ],
)
def test_a_role_the_lede_leaves_unnamed_is_the_next_paragraphs_person(
    text: str, written: str, speaker: str, parser: bool
) -> None:
    q = extract_quotes(text, parser=parser)[0]
    assert q.speaker and (text[q.speaker[0] : q.speaker[1]], q.speaker_name) == (written, speaker)


@pytest.mark.parametrize("parser", PARSERS)
def test_telling_the_story_before_a_colon_still_reports(parser: bool) -> None:
    # Guard: a colon lead-in ('never tire of telling the story of Copenhagen: In …').
    text = (
        "Mr. Obama never seems to tire of telling the story of Copenhagen: In December 2009 "
        "the two leaders crashed a meeting and extracted an agreement."
    )
    assert [q.speaker_name for q in extract_quotes(text, parser=parser)] == ["Mr. Obama"]
