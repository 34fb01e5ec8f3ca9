"""The fast paths of text splitting and boilerplate gating give what the plain rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import boilerplate
from storytrace.text import _DOUBLE_APOS_START, _continues_after_abbreviation, _split_sentences

# The sentence-end rule as first written: a lookbehind for the stop, tried at every character.
_LOOKBEHIND = re.compile(
    r"(?<=[.!?…])[\"'”’)\]]*(?: [\"'”’](?=\s))?\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*"
)


def _add_sentence(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    # text._split_sentences' per-sentence step as first written, one call per sentence.
    # The splitter's match swallows the whitespace between sentences; only the
    # text's own ends may still need trimming.
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return
    if out:
        ps, pe = out[-1]
        if (
            text[pe - 1] == "."
            and _continues_after_abbreviation(text, ps, pe, s, e)
            and text.find("\n", pe, s) < 0
        ):
            s = out.pop()[0]
    if text.find("''", s, e) >= 0:
        for m in _DOUBLE_APOS_START.finditer(text, s, e):
            out.append((s, m.start()))
            s = m.end()
    out.append((s, e))


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _LOOKBEHIND.finditer(text):
        _add_sentence(text, pos, m.start(), out)
        pos = m.end()
    _add_sentence(text, pos, len(text), out)
    return out


TRICKY = [
    "One here. Two there.\nThree",
    "Wait... What? Yes!  'No.' \"Fine.\" (Done.) [End.] 4 left.",
    "He said: “Go.” Then ‘Stop.’ \n\n  Next line…Then. A",
    "Dr. Rhodes met J. Smith. He left.\n.\n. A\n",
    "",
    "\n\n",
    ". A",
    "a.\nB",
]


@given(st.text(alphabet=".!?…\n \"'”’)]“‘([Aa0 xMrJ", max_size=60))
@settings(max_examples=400, deadline=None)
def test_sentence_splitter_matches_lookbehind_rule(text: str) -> None:
    assert _split_sentences(text) == _reference_sentences(text)


def test_sentence_splitter_on_tricky_texts() -> None:
    for text in TRICKY:
        assert _split_sentences(text) == _reference_sentences(text), text


_NEEDLES = sorted(
    {needle for needle, *_ in boilerplate._gated() if needle} | boilerplate._long_choices()
)


def _found(lowered: str) -> set[str]:
    return {needle for _, needle in boilerplate._needles().iter(lowered)}


@given(st.lists(st.sampled_from([*_NEEDLES, " ", "x", "s", "\n", "é"]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_one_pass_finds_every_rule_literal(parts: list[str]) -> None:
    # Literals run into each other and overlap ("comments" holds "comment"), and every
    # one present must be found, as one str.find per literal would.
    lowered = "".join(parts)
    assert _found(lowered) == {n for n in _NEEDLES if n in lowered}


def test_one_pass_on_a_footer() -> None:
    text = "Share this article. Follow us on Facebook. © 2024 All rights reserved."
    lowered = text.lower()
    assert {"share ", "follow us on", " us on facebook", "©", "all rights reserved"} <= _found(
        lowered
    )
    assert _found(lowered) == {n for n in _NEEDLES if n in lowered}
    assert boilerplate.boilerplate_spans(text)  # and the rules behind them still run
