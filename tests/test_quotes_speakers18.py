"""Right speakers and fewer false quotes (issue 15, session 39, quotes15l): the faults the
lead found on BBC News after session 38 ("The prime minister ratcheted up … He insisted"
gave Dr Fox; "the country suggested it would withdraw" was taken for a finding; "the
Gartner report … in Europe suggests" spoke as "Europe"; "For BT Retail, she said"; "the
midfielder" after a one-word name; "50 Cent" as "Cent"). The texts are our own; each
non-guard case is wrong on main (1620eb9) with the rules or the parser."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes
from storytrace.quotes.speakers import RUN_OPENERS

PARSERS = [False, True]


def _speakers(text: str, parser: bool) -> list[tuple[str | None, str]]:
    return [(q.speaker_name, q.speaker_type) for q in extract_quotes(text, parser=parser)]


def _spoken(text: str, parser: bool, beliefs: bool = False) -> list[tuple[str, str, str]]:
    """(kind, speaker as written, content) of each quote."""
    return [
        (q.kind, text[q.speaker[0] : q.speaker[1]] if q.speaker else "", text[slice(*q.content)])
        for q in extract_quotes(text, parser=parser, beliefs=beliefs)
    ]


# Filler between a name and a description of it, longer than the reach of a descriptor
# that is not an office's (about 1,200 characters).
_FILLER = (
    "The forum heard speeches on schools, hospitals and the economy through the afternoon. "
    "Delegates queued for coffee in the hall while stalls sold books and badges outside. "
) * 8


@pytest.mark.parametrize("parser", PARSERS)
def test_an_unnamed_office_is_not_the_person_who_spoke_before(parser: bool) -> None:
    # 'He' is the prime minister the sentence before is about, whom the article never
    # names; not Dr Lane, whom it makes co-chairman (main: 'Dr Lane' / 'Peter Lane').
    text = (
        "Opposition co-chairman Peter Lane spoke after Mr Grant told party members the rivals "
        'had no plan. Dr Lane told BBC Radio: "They will say anything at all." He would not '
        "discuss reports about a loan to Lord Ashworth.\n\nThe prime minister stepped up the "
        "campaign at the weekend with a tour of the country. He insisted he did not know "
        "the date of the vote."
    )
    assert _speakers(text, parser)[-1] == ("The prime minister", "person")


@pytest.mark.parametrize("parser", PARSERS)
def test_an_office_the_person_before_holds(parser: bool) -> None:
    # The person the text was about fits the office: 'He' is Tony Blair (main: Gordon
    # Brown, named in the sentence about the prime minister).
    text = (
        "Tony Blair says his party will fight for every seat.\n\nThe prime minister is "
        "trying to end talk of a rift with Gordon Brown with a speech in Kent. He is saying "
        "that the economy is strong."
    )
    assert _speakers(text, parser)[-1] == ("Tony Blair", "person")


@pytest.mark.parametrize("parser", PARSERS)
def test_the_minister_is_the_secretary_of_state(parser: bool) -> None:
    text = (
        "Teachers could get more powers, Education Secretary Ruth Kelly has suggested. "
        "Ms Kelly told the BBC progress had been made. The minister also confirmed she "
        "had met head teachers."
    )
    assert [name for name, _ in _speakers(text, parser)] == ["Ruth Kelly"] * 3


@pytest.mark.parametrize("parser", PARSERS)
def test_a_co_chairman_pages_later(parser: bool) -> None:
    # 'Dr Lane' and 'The Opposition co-chairman' are the co-chairman named at the top
    # (main, rules: 'Dr Fox'-like surnames stayed as written and the description,
    # 1,200 characters on, linked to nobody).
    text = (
        "Tory co-chairman Liam Fox opened the party's spring forum on Friday. "
        + _FILLER
        + "The Tory co-chairman said the government was worried about the vote. "
        '"We will win," he said.'
    )
    assert [name for name, _ in _speakers(text, parser)] == ["Liam Fox", "Liam Fox"]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_titled_surname_that_is_an_organisation_word(parser: bool) -> None:
    # main, rules: 'Dr Fox' (the index of names dropped 'Liam Fox' for its 'Fox').
    text = (
        "Tory co-chairman Liam Fox was speaking in Brighton. Dr Fox told the conference "
        "the party would cut taxes."
    )
    assert _speakers(text, parser) == [("Liam Fox", "person")]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Iran was under pressure at the talks. The country suggested it would leave the "
        "treaty if sanctions were imposed.",
        "The state suggested that it would appeal against the ruling.",
    ],
)
def test_a_country_that_suggests_speaks(text: str, parser: bool) -> None:
    # main: kind 'belief' (a thing's finding), so no quote by default.
    assert [kind for kind, _, _ in _spoken(text, parser)] == ["indirect"]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "But, the Gartner report on mobile TV broadcasting in Europe suggests direct "
        "broadcasting will have to wait.",
        "A study by researchers at Oxford suggests coffee is good for the heart.",
        "A survey for the charity suggests most older voters always vote.",
    ],
)
def test_a_finding_after_a_place_is_no_speech(text: str, parser: bool) -> None:
    # main: 'Europe', 'Oxford' spoke; 'A survey for the charity' was read as 'the charity'.
    assert _spoken(text, parser) == []
    (kind, speaker, _), *_ = _spoken(text, parser, beliefs=True)
    assert kind == "belief" and speaker.split()[1] in ("Gartner", "study", "survey")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Analysts in London said the shares were cheap.", "Analysts"),
        ("Authorities in Philadelphia said they found no evidence.", "Authorities"),
        ("Shocked health officials in Powys said patients would wait longer.", "officials"),
        ("Some web users in Canada said they could still browse the site.", "users"),
        # Guards (right on main): a firm or a paper after 'at'/'in the' speaks.
        ("Economists at PricewaterhouseCoopers warned prices could fall.", "Pricewaterhouse"),
        ("A report in the Economic Observer said the banks had dropped the plan.", "Observer"),
        ("Bob Geldof in July said the concert was over.", "Geldof"),
    ],
)
def test_a_group_before_a_place_speaks(text: str, speaker: str, parser: bool) -> None:
    # main: 'London', 'Philadelphia', 'Powys', 'Canada'.
    ((_, written, _),) = _spoken(text, parser)
    assert speaker in written


@pytest.mark.parametrize("parser", PARSERS)
def test_a_name_opening_the_pronouns_sentence_is_not_its_antecedent(parser: bool) -> None:
    text = (
        "BT Retail has announced that it will trial the faster service. "
        '"If the bandwidth is there then people will buy it," said Jill Finger, a research '
        "director at analyst firm IDC. For BT Retail, she said, the service could set it "
        "apart from other players."
    )
    # main: 'she' was BT Retail, a person.
    assert _speakers(text, parser) == [
        ("BT Retail", "organisation"),
        ("Jill Finger", "person"),
        ("Jill Finger", "person"),
    ]


@pytest.mark.parametrize("parser", PARSERS)
def test_the_midfielder_after_a_one_word_name(parser: bool) -> None:
    text = (
        "Arsenal's Brazilian midfielder Edu has criticised the club over his contract.\n\n"
        "Wenger has made no offer yet. The midfielder said he had been flattered by the "
        "interest from Spain."
    )
    # main: 'The midfielder', left as written.
    assert _speakers(text, parser) == [("Edu", "person")]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_stage_name_opening_with_a_number(parser: bool) -> None:
    text = (
        "US rap star 50 Cent has said he threw the newcomer out of his gang. "
        "Cent said the newcomer had been disloyal."
    )
    # main: 'Cent'.
    assert [name for name, _ in _speakers(text, parser)] == ["50 Cent", "50 Cent"]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("opener", ["Nevertheless", "Moreover", "Nonetheless", "Furthermore"])
def test_a_sentence_adverb_opens_no_name(opener: str, parser: bool) -> None:
    # One list of sentence adverbs serves subjects and runs of capitals (main: the run
    # 'Nevertheless Peter Lane' was the name).
    text = f"{opener} Peter Lane said the plan would work."
    assert _speakers(text, parser) == [("Peter Lane", "person")]
    assert _spoken(text, parser)[0][1] == "Peter Lane"
    assert opener.lower() in RUN_OPENERS


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Unions have accused the retailer of paying staff less than its rivals do.",
        'The minister accused the opposition leader of behaving like an "attack dog".',
        'The chairman accused the striker of "cheating" the club.',
    ],
)
def test_an_accusation_is_no_utterance(text: str, parser: bool) -> None:
    # Issue 15's contract and every annotation guideline of ours: 'accused X of …' (a
    # charge with a noun-phrase or gerund object) reports no words (main: a quote).
    assert _spoken(text, parser) == []


@pytest.mark.parametrize("parser", PARSERS)
def test_an_accusation_with_a_quotation_after_it(parser: bool) -> None:
    # Guard: the quotation the accuser goes on to say is still theirs.
    text = 'She accused the government of lying, saying: "They knew all along."'
    assert [(kind, who) for kind, who, _ in _spoken(text, parser)] == [("direct", "She")]


@pytest.mark.parametrize("parser", PARSERS)
def test_the_paper_after_an_accusing_daily(parser: bool) -> None:
    # 'daily' is the paper, not an adverb that ends the subject (main: 'the paper' was
    # ABC only through the accusation, read as a quote).
    text = (
        "And Spanish daily ABC accuses English reporters of launching a witch-hunt. "
        '"Perhaps it was because their team played so poorly," the paper says.'
    )
    assert _speakers(text, parser) == [("ABC", "organisation")]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_short_aside_between_dashes_after_a_name(parser: bool) -> None:
    # main: 'A day earlier' spoke.
    text = (
        "A day earlier, Mr Yushchenko - keen to reassure potential investors - had said "
        "only 30 to 40 top firms would be targeted."
    )
    assert _spoken(text, parser)[0][1] == "Mr Yushchenko"


@pytest.mark.parametrize("parser", PARSERS)
def test_the_company_after_a_one_word_name_that_opens_a_brand(parser: bool) -> None:
    # 'Next' opens 'Next Directory', nobody's name: the company that spoke (main, rules:
    # 'the company' and 'The High Street retailer' stayed as written).
    text = (
        "Next has said its annual profit will be lower than expected.\n\n"
        '"Clearance rates have been below our expectations," the company said. The High '
        "Street retailer said it now expected lower profits. Sales at the Next Directory "
        "catalogue rose."
    )
    assert [name for name, _ in _speakers(text, parser)] == ["Next"] * 3


@pytest.mark.parametrize("parser", PARSERS)
def test_a_name_before_a_full_stop_and_a_title(parser: bool) -> None:
    # 'Wim Kok. Mr Kok was …': the full stop ends the first name's run, so 'Mr Kok' is
    # Wim Kok; 'the Kok report' speaks for him (main: 'Mr Kok', 'the Kok report').
    text = (
        "Lisbon targets missed\n\n"
        "The report was written by the former Dutch prime minister Wim Kok. Mr Kok was "
        "asked to review the plan in March.\n\n"
        '"Lisbon is about everything and thus about nothing," the Kok report said. '
        '"Delivery matters," Mr Kok said.'
    )
    assert [name for name, _ in _speakers(text, parser)] == ["Wim Kok", "Wim Kok"]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_shadow_office_is_not_the_office(parser: bool) -> None:
    text = (
        "Home Secretary Charles Clarke said deportations would help. But the Liberal "
        "Democrat's shadow home secretary, Mark Oaten, criticised Mr Clarke. "
        '"The critical issue is the detainees," he said. Later the shadow home secretary '
        "said the plan would fail."
    )
    # main: Charles Clarke twice (the description matched 'Home Secretary').
    assert [name for name, _ in _speakers(text, parser)] == [
        "Charles Clarke",
        "Mark Oaten",
        "Mark Oaten",
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A hyphenated title is no part of the name (main: 'Vice-President Dick Cheney').
        ('Vice-President Dick Cheney said the budget was "tight".', "Dick Cheney"),
        # main: 'DJ Mike Read'.
        ('Radio DJ Mike Read wrote the song. "It is a good song," Read said.', "Mike Read"),
    ],
)
def test_a_title_before_the_name_is_not_the_name(text: str, speaker: str, parser: bool) -> None:
    assert _speakers(text, parser)[-1] == (speaker, "person")


@pytest.mark.parametrize("parser", PARSERS)
def test_answered_questions_is_no_utterance(parser: bool) -> None:
    # main: 'questions posed via the party's website' was reported content.
    text = "Mr Blair answered questions posed via the party's website."
    assert _spoken(text, parser) == []


@pytest.mark.parametrize("parser", PARSERS)
def test_the_dj_is_the_person_named_with_the_role(parser: bool) -> None:
    # main: 'DJ Norman Cook' as the name, and 'The DJ' read as an acronym (an organisation).
    text = (
        "Music stars\n\nDJ Norman Cook says dance music is not dead. "
        + _FILLER
        + "The DJ said his success had a downside."
    )
    assert _speakers(text, parser) == [("Norman Cook", "person"), ("Norman Cook", "person")]
