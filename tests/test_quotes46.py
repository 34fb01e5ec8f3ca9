"""Quote errors a newcomer saw on real articles (session 46, quotes46; found in session 45 on
ECB+ and BBC News): an -ed cue between a number word and a plural noun is an adjective ("Two
accused gangbangers went on trial"), a sentence's opening conjunction is no part of the
speaker ("But opposition parties say"), and a sentence's full stop is no part of a speaker's
name ("Mr Okafor. He said"). The texts are our own; each non-guard case was wrong on main
(4ffd16b) with the rules and the parser."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _quotes(text: str, parser: bool) -> list[tuple[str, str | None, str]]:
    """(cue, speaker_name, content) of each quote."""
    return [
        (text[q.cue[0] : q.cue[1]] if q.cue else "", q.speaker_name, q.quoted(text, " | "))
        for q in extract_quotes(text, parser=parser)
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "Two accused gunmen went on trial on Wednesday for the shooting of a shopkeeper.",
        "Three alleged smugglers appeared in court in Dover on Monday.",
        "Several promised changes never came into force last year.",
    ],
)
def test_participle_after_a_number_word_before_a_plural_is_an_adjective(
    text: str, parser: bool
) -> None:
    assert _quotes(text, parser) == []


@pytest.mark.parametrize("parser", PARSERS)
def test_a_number_word_may_still_be_a_subject(parser: bool) -> None:
    # Guard: the cue's object is no bare plural noun.
    text = "Two accused the council of hiding the report, the court heard."
    assert [q for q in _quotes(text, parser) if q[0] == "accused"] == []
    assert _quotes("Two said they would appeal against the ruling.", parser) == [
        ("said", "Two", "they would appeal against the ruling")
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("opener", ["But", "And", "Yet"])
def test_an_opening_conjunction_is_no_part_of_the_speaker(opener: str, parser: bool) -> None:
    text = (
        "Ministers insist they will keep the final say on the new casinos. "
        f"{opener} opposition parties say the promise will not hold in practice."
    )
    assert _quotes(text, parser)[-1] == (
        "say",
        "opposition parties",
        "the promise will not hold in practice",
    )


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks were led by Mr Okafor. He said the plan would work.", "Okafor"),
        ("Shares rose at Okafor Holdings. The firm said profits would rise.", "Okafor Holdings"),
    ],
)
def test_a_sentence_stop_is_no_part_of_the_name(text: str, name: str, parser: bool) -> None:
    assert _quotes(text, parser)[-1][1] == name
