"""Frames and speakers, twentieth pass (issue 15, quotes15j), from the errors read on the
third tune set (``bench/quote_eval/tune3``: BBC business, sport, politics and entertainment
copy and ECB+ reports from outlets no other set uses). The texts are our own; each case was
wrong on main before this pass; the rules and the parser give the same answer."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes

PARSERS = [False, True]


def _speakers(text: str, parser: bool) -> list[tuple[str, str | None]]:
    return [(q.quoted(text, " | "), q.speaker_name) for q in extract_quotes(text, parser=parser)]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_police_rank_abbreviation_is_a_title(parser: bool) -> None:
    # 'Insp Walsh' is the 'Inspector Tom Walsh' the article named, not a new name.
    text = (
        "Inspector Tom Walsh said the road was closed. Three cars were damaged. "
        "The crash was unusual for the time of year, Insp Walsh said."
    )
    assert _speakers(text, parser) == [
        ("the road was closed", "Tom Walsh"),
        ("The crash was unusual for the time of year", "Tom Walsh"),
    ]
