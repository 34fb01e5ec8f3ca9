"""A colon frame in a list item whose line break was lost, and a unit whose only attribution is
a finding (issue 16, session 44: bbc seed 36's edited lift of '- Blackburn boss Mark Hughes:
"..."' pasted after a sentence, mid-paragraph). The splitter opens no sentence at the item's
dash, so the frame was read from the sentence before it (over ten words: no speaker), and a
finding later in the unit ('Leaked minutes have suggested ...', dropped as no speech) kept the
colon frame from being read at all: the article stored no quote, and ``index`` no link to the
quote's source, which ``compare`` calls ``same-story`` by that quote. Our own texts."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]

SAID = "The new channel will be open to the largest ships by next summer."


def _quotes(text: str, parser: bool, beliefs: bool = False) -> list[tuple]:
    return [
        (q.quoted(text, " | "), q.speaker and text[q.speaker[0] : q.speaker[1]], q.kind)
        for q in extract_quotes(text, parser=parser, beliefs=beliefs)
    ]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_list_item_after_a_full_stop_opens_its_colon_frame(parser) -> None:
    text = (
        "The port will keep its fees for another year, and the ferry timetable stays as it is "
        f'until the new berth opens in May. - Harbour master Jan Olsen: "{SAID}" Shipping '
        "firms have asked for a timetable of the closures."
    )
    assert _quotes(text, parser) == [(SAID, "Harbour master Jan Olsen", "direct")]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_dash_inside_a_sentence_opens_no_frame(parser) -> None:
    """Only a dash after a full stop opens an item: a dash inside the sentence leaves the
    frame as long as it was, over ten words, so no speaker is read from it."""
    text = (
        "The port will keep its fees for another year, and the ferry timetable stays as it is "
        f'until the new berth opens - harbour master Jan Olsen: "{SAID}"'
    )
    assert _quotes(text, parser) == []


FINDING = (
    "- Harbour master Jan Olsen: "
    f'"{SAID} The county said it was not its job to pay for the dredging, the port told '
    "local radio. Leaked minutes have suggested the marine agency called the plan a "
    '"leap in the dark". The work starts in March.'
)


@pytest.mark.parametrize("parser", PARSERS)
def test_a_finding_in_the_unit_leaves_the_colon_frame_read(parser) -> None:
    """The quotation left open runs on to the next one opened mid-sentence, so the unit holds
    the finding too; the finding is no speech, and the colon frame is read as in a unit with
    no attribution."""
    ((quoted, speaker, kind),) = _quotes(FINDING, parser)
    assert quoted.startswith('"' + SAID) and speaker == "Harbour master Jan Olsen"
    assert kind == "mixed"


def test_with_beliefs_the_finding_stays_the_units_attribution() -> None:
    (q,) = extract_quotes(FINDING, parser=False, beliefs=True)
    assert q.kind == "belief" and FINDING[q.cue[0] : q.cue[1]] == "suggested"
