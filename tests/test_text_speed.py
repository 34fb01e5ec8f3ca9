"""The fast paths of text splitting and boilerplate gating give what the plain rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import boilerplate
from storytrace.text import _add_sentence, _split_sentences

# The sentence-end rule as first written: a lookbehind for the stop, tried at every character.
_LOOKBEHIND = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*")


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


_NEEDLES = sorted({needle for needle, _, _, _ in boilerplate._GATED if needle})


def _found(lowered: str) -> set[str]:
    return {needle for _, needle in boilerplate._NEEDLES.iter(lowered)}


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
