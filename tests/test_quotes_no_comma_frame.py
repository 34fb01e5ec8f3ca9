"""A frame set between two quotations with no comma after it (issue 16, bbc 13's lift):
'"The allowances are generous," said Mr Ingram "For what we see ..."'. The quotation after
the frame goes on with the same utterance; it was left out, in the lifted copy and in its
source alike, so no whole-utterance key could link them. Our own texts."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _quotes(text: str, parser: bool) -> list[tuple[str, str | None]]:
    return [
        (q.quoted(text, " | "), q.speaker and text[q.speaker[0] : q.speaker[1]])
        for q in extract_quotes(text, parser=parser)
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("frame", "speaker"),
    [("said Mr Ingram", "Mr Ingram"), ("said the harbour master", "the harbour master")],
)
def test_a_quotation_after_a_frame_with_no_comma_goes_on_with_the_utterance(
    parser, frame, speaker
) -> None:
    text = (
        "The port will keep its fees for another year. "
        f'"The fees are extremely low," {frame} "For what the ships get - they are really '
        'not an issue." The port opens a second berth in May.'
    )
    assert _quotes(text, parser) == [
        (
            "The fees are extremely low | For what the ships get - they are really not an issue.",
            speaker,
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A naming verb with its object and quoted words, then a relative clause.
        (
            "Analysts at Capital Economics branded the survey's findings a \"temporary "
            'surprise," which would be reversed over the coming months. "The month by month '
            'figures are volatile," they said.',
            "findings",
        ),
        # A clause after the cue: the quoted words are the clause's, not a second quote.
        (
            "Members of the band, who are known for their loud shows, said they hoped Welch "
            '"finds the happiness he is looking for".',
            "Welch",
        ),
    ],
)
def test_quoted_words_after_a_cue_and_its_object_are_no_frame(text, expected) -> None:
    """Guards (both read so by a first draft of the rule, on BBC texts): no quotation closes
    just before the cue, so no speaker is taken from the words before the second mark."""
    assert all(expected not in (sp or "") for _, sp in _quotes(text, False))
