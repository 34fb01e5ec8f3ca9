"""Quote errors seen at session 48 (quotes48). The texts are our own; each non-guard case
was wrong on main (49cc459) with the rules."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'Her spokesman, Bill Tran, said: "The mayor has faith."\n\nThe mayor spoke on Monday.',
            "The mayor has faith.",
        ),
        (
            'Bill Tran said, "The mayor has faith."\n\nThe mayor spoke on Monday.',
            "The mayor has faith.",
        ),
        (
            "A new bridge for the city\n\nBill Tran said: "
            '"The mayor has faith."\n\nThe mayor spoke on Monday.',
            "The mayor has faith.",
        ),
        (
            "Reid: 'Never underestimate the voters.'\n\nHarry Reid spoke on Monday.",
            "Never underestimate the voters.",
        ),
    ],
)
def test_a_quotation_closing_its_paragraph_ends_there(text: str, said: str, parser: bool) -> None:
    # 'The mayor spoke on Monday.' read as the quotation's bare frame ('"We won." Smith
    # said.') ran the quote on into the next paragraph.
    quotes = extract_quotes(text, parser=parser)
    assert [text[q.content[0] : q.content[1]] for q in quotes] == [said]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_bare_frame_in_the_same_paragraph_still_joins_its_quotation(parser: bool) -> None:
    # Guard: '"We won." Smith said.' on one line, or a sentence a line (ECB+).
    for text in ['"We won the match." Smith said.', '"We won the match."\nSmith said.']:
        (q,) = extract_quotes(text, parser=parser)
        assert q.speaker_name == "Smith"


@pytest.mark.parametrize("parser", PARSERS)
def test_a_frame_breaking_into_a_clause_of_reason_is_its_subjects(parser: bool) -> None:
    # After bbc politics/290: '... which Winston Churchill decided had to go since, he
    # said, the average Bobby ...' gave the quote to the Frederick Forsyth of the sentence
    # before (the name inside the content was passed over since session 47).
    text = (
        '"The offer is too low," John Rossi, an analyst at Banca Uno, said. We must fight '
        "the plan, which Peter Hill opposed since, he said, the average voter could not be "
        "trusted with it."
    )
    names = [q.speaker_name for q in extract_quotes(text, parser=parser)]
    assert names == ["John Rossi", "Peter Hill"]
