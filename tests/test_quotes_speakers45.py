"""A titled surname is the person the title fits (session 45, newcomer45). Found on BBC
News politics: "Mrs Howard has also appeared ... she said she often criticised her
husband" gave Michael Howard, the husband, as the speaker: "Howard" was completed to the
full name the article gave, whatever the title said. The texts are our own; each non-guard
case is wrong on main (9c5dc82) with the rules and the parser. Merged in session 46
(quotes46), rebased onto the titles table, with the guard of tests/test_quotes46.py (a
short first name is no title)."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _named(text: str, parser: bool) -> list[tuple[str, str | None]]:
    """(speaker as written, speaker_name) of each quote."""
    return [
        (text[q.speaker[0] : q.speaker[1]] if q.speaker else "", q.speaker_name)
        for q in extract_quotes(text, parser=parser)
    ]


_COUPLE = (
    "Peter Haddon's wife, Sandra, is to play a leading role in the campaign.\n\n"
    "Mr Haddon said the party would hold a news conference every morning. "
    "Mrs Haddon said she often criticised her husband for his stiff manner."
)


@pytest.mark.parametrize("parser", PARSERS)
def test_mrs_and_a_surname_is_not_the_man_named_in_full(parser: bool) -> None:
    named = _named(_COUPLE, parser)
    assert ("Mr Haddon", "Peter Haddon") in named  # guard: the title fits
    assert ("Mrs Haddon", "Mrs Haddon") in named


_WIFE_FIRST = (
    "Peter Haddon's wife, Sandra, is to play a leading role in the campaign.\n\n"
    "Mrs Haddon will make solo visits to target seats. Mr Haddon will host a news conference "
    "every morning, party chairman Liam Fox said. Mrs Haddon has also appeared beside her "
    "husband on chat shows. In an interview on breakfast television she said she often "
    "scolded her husband for hiding his warmer side."
)


@pytest.mark.parametrize("parser", PARSERS)
def test_she_after_mrs_and_a_surname_is_not_the_man_named_in_full(parser: bool) -> None:
    # main: 'Peter Haddon' ('Mrs Haddon', named first, made 'Haddon' a woman's name).
    speaker, name = _named(_WIFE_FIRST, parser)[-1]
    assert speaker == "she" and name in ("Mrs Haddon", "she")


@pytest.mark.parametrize("parser", PARSERS)
def test_mr_and_a_surname_is_not_the_woman_named_in_full(parser: bool) -> None:
    text = (
        "Karen Voss chairs the committee.\n\n"
        "Her husband was not consulted. Mr Voss said the decision was made without him."
    )
    assert _named(text, parser)[-1] == ("Mr Voss", "Mr Voss")
