"""Quote errors seen on real articles at stop 46 (session 47, quotes47): a direct quote kept
the comma that closes it before its frame ('"We are confident," he said.'). The texts are our
own; each non-guard case was wrong on main (91d5249) with the rules and the parser."""

from __future__ import annotations

import pytest
from test_quotes46 import PARSERS, _quotes

from storytrace.corpus import quote_rows
from storytrace.quotes import extract_quotes, match_quotes


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        '"We are confident in the plan," Ms Adeyemi said.',
        "“We are confident in the plan,” Ms Adeyemi said.",
        '"We are confident in the plan, " Ms Adeyemi said.',
        "Ms Adeyemi spoke on Monday. 'We are confident in the plan,' she said.",
    ],
)
def test_the_comma_before_the_frame_is_no_part_of_a_direct_quote(text: str, parser: bool) -> None:
    (q,) = [q for q in extract_quotes(text, parser=parser)]
    assert text[q.content[0] : q.content[1]] == "We are confident in the plan"
    assert q.quoted(text) == "We are confident in the plan"


@pytest.mark.parametrize("parser", PARSERS)
def test_an_interrupted_quote_loses_the_comma_of_its_first_part_only(parser: bool) -> None:
    text = '"We are confident in the plan," said Ms Adeyemi, "and we will deliver it, soon."'
    assert _quotes(text, parser) == [
        ("said", "Ms Adeyemi", "We are confident in the plan | and we will deliver it, soon.")
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        'Ms Adeyemi said: "We are confident in the plan."',
        '"We are confident in the plan!" Ms Adeyemi said.',
        '"Are we confident in the plan?" Ms Adeyemi asked.',
    ],
)
def test_a_quote_keeps_its_own_stop(text: str, parser: bool) -> None:
    # Guard: a full stop, an exclamation or a question mark is the speaker's.
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.content[1] - 1] in ".!?"


def test_two_outlets_printing_one_quote_with_and_without_the_frame_comma_store_one_words() -> None:
    a = '"We are confident in the plan," Ms Adeyemi said.'
    b = 'Ms Adeyemi said on Monday: "We are confident in the plan".'
    ((s_a, e_a, *_),) = quote_rows(a)
    ((s_b, e_b, *_),) = quote_rows(b)
    assert a[s_a:e_a] == b[s_b:e_b] == "We are confident in the plan"
    (m,) = match_quotes(a, None, b, None)
    assert m.label == "identical"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "subject",
    [
        "the Scottish National Party and the Tories",
        "the unions and the employers",
        "The unions and the employers",
        "their lawyers and the Green Party",
    ],
)
def test_a_coordinated_subject_opened_by_a_determiner_speaks_whole(
    subject: str, parser: bool
) -> None:
    opener = "But " if subject[0].islower() else ""
    text = (
        "Ministers insist they will keep the final say on the new casinos. "
        f"{opener}{subject} say the issue should be decided in Scotland."
    )
    q = extract_quotes(text, parser=parser)[-1]
    assert q.speaker is not None and text[q.speaker[0] : q.speaker[1]] == subject
    first, second = subject.split(" and ")
    assert q.speaker_name is not None
    assert first.split()[-1] in q.speaker_name and q.speaker_name.endswith(second)
    assert q.quoted(text) == "the issue should be decided in Scotland"


@pytest.mark.parametrize("parser", PARSERS)
def test_a_clause_before_and_is_no_first_conjunct(parser: bool) -> None:
    # Guard: a lower-case word after the determiner's noun may be the clause's verb.
    text = "The mayor quit and the council said the vote would go ahead in May."
    q = extract_quotes(text, parser=parser)[-1]
    assert q.speaker is not None and text[q.speaker[0] : q.speaker[1]] == "the council"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("role", ["president-elect", "governor-elect", "chairman-designate"])
def test_an_office_to_be_held_is_a_role_its_apposition_names(role: str, parser: bool) -> None:
    # After 41_1ecb: 'The president-elect, Barack Obama, broke his silence by saying ...
    # He said ...' gave both quotes to a man named earlier (Mahmoud Abbas): the role went
    # unread, so neither the description nor the pronoun after it reached the name.
    text = (
        "The Palestinian president, Mahmoud Abbas, made a plea to the council. "
        f"The {role}, Daniel Okoro, broke his silence by saying he was deeply concerned. "
        "He said he would have plenty to say about the crisis."
    )
    assert [q[1] for q in _quotes(text, parser)] == ["Daniel Okoro", "Daniel Okoro"]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_titled_surname_going_on_from_the_full_names_quote_is_that_person(parser: bool) -> None:
    # After bbc business/171: '"...," Anais Faraj, an analyst at Nomura told the BBC. "...,"
    # Mr Faraj continued.' A first name the baby-name table reads as a woman's is no proof
    # against the writer's 'Mr' when his quotation goes straight on from hers.
    text = (
        "The exchange raised its dividend on Monday. "
        '"There is a hint of a bribe in there," Andrea Rossi, an analyst at Banca Uno, said. '
        '"Most of the shareholders want the cash in their own hands," Mr Rossi continued. '
        'The exchange is "trying to win them over", he said.'
    )
    assert [q[1] for q in _quotes(text, parser)] == ["Andrea Rossi"] * 3


@pytest.mark.parametrize("parser", PARSERS)
def test_a_titled_surname_after_other_words_is_still_a_relative(parser: bool) -> None:
    # Guard: 'Mr Voss' a sentence after Karen Voss's quote, her husband brought in between.
    text = (
        '"We will not move the meeting," Karen Voss said. Her husband was not consulted. '
        '"Nobody asked me," Mr Voss said.'
    )
    assert [q[1] for q in _quotes(text, parser)] == ["Karen Voss", "Mr Voss"]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "said",
    [
        'Deutsche Boerse is "trying to win them over", he said.',
        "Peter Hill is the wrong man for the job, he said.",
    ],
)
def test_a_name_in_the_content_before_the_frame_is_not_its_pronoun(said: str, parser: bool) -> None:
    # After bbc business/171: 'Deutsche Boerse is "trying to buy them off", he said.'
    # gave the quote to Deutsche Boerse; 'he' is the speaker, who speaks of the name.
    text = f'"The offer is too low," John Rossi, an analyst at Banca Uno, said. {said}'
    assert [q[1] for q in _quotes(text, parser)] == ["John Rossi", "John Rossi"]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_name_in_narration_before_a_quotation_may_still_be_its_pronoun(parser: bool) -> None:
    # Guard (ECB+ 3_4ecb): a sentence of narration, then a quotation and 'he said'.
    text = (
        "The prosecutor Kate Hill spoke first. Josh Moore, one of the defence lawyers, had "
        "reminded the judge that a unanimous verdict was not required. "
        "``The law shows no preference for it,'' he said."
    )
    assert _quotes(text, parser)[-1][1] == "Josh Moore"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        '"There is a hint of a bribe in there," Andrea Rossi, an analyst at Banca Uno told '
        "the BBC.",
        "The offer is too low for most shareholders, Andrea Rossi, Banca Uno's chief analyst "
        "told the BBC.",
    ],
)
def test_a_name_before_a_description_whose_closing_comma_was_lost_speaks(
    text: str, parser: bool
) -> None:
    # After bbc business/171 and politics/350: '"...," Anais Faraj, an analyst at Nomura
    # told the BBC' and '..., Alan Milburn, Labour's election strategist told Radio 4'.
    ((cue, who, content),) = _quotes(text, parser)
    assert (cue, who) == ("told", "Andrea Rossi")
    assert "Andrea" not in content and content.startswith(("There is", "The offer"))


@pytest.mark.parametrize("parser", PARSERS)
def test_a_place_before_a_description_is_still_content(parser: bool) -> None:
    # Guard: the content ends with a place set off by a comma, no person's name.
    text = "Prices rose fastest in the north, in Leeds, the agency's chief economist said."
    assert _quotes(text, parser)[0][1:] == (
        "the agency's chief economist",
        "Prices rose fastest in the north, in Leeds",
    )
