"""Evidence: the facts behind a claim about two articles.

A claim such as "both used the same wire copy" has to rest on something a
reader can check. This module finds such facts in plain text and returns them
with character offsets.

Wire credits. An article that carries agency copy says so: in its dateline
(``LONDON (Reuters) -``, ``WASHINGTON (AP) —``), in a credit line at its end
(``The Associated Press contributed to this report``, ``© AFP``), or next to
the paragraphs it took. :func:`wire_credits` finds the agencies credited in
those places only: a mention in the middle of the story ("Reuters reported
last week") names a news outlet, not the source of this text.

Example:
    >>> text = "LONDON (Reuters) - Shares fell on Monday as oil rose."
    >>> [(c.agency, text[c.span[0]:c.span[1]]) for c in wire_credits(text)]
    [('Reuters', 'Reuters')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]

# Agency -> the ways an article credits it. Bare initials only where they cannot
# be an ordinary word: in parentheses or as a credit ("AP Photo" credits a picture).
WIRES: dict[str, tuple[str, ...]] = {
    "AP": (r"\(AP\)", r"\bAssociated Press\b(?! Photo)", r"(?<=[—–-] )AP\b(?! Photo)"),
    "Reuters": (r"\bReuters\b(?! Photo| photo| Pictures)",),
    "AFP": (r"\bAFP\b(?! Photo| photo|/Getty)", r"\bAgence France[- ]Presse\b"),
    "PA": (r"\(PA\)", r"\bPA Media\b", r"\bPress Association\b", r"\bPA Wire\b"),
    "Canadian Press": (r"\bThe Canadian Press\b", r"\(CP\)"),
    "AAP": (r"\bAustralian Associated Press\b", r"\(AAP\)"),
    "dpa": (r"\bdpa\b", r"\bDeutsche Presse-Agentur\b"),
    "UPI": (r"\bUnited Press International\b", r"\(UPI\)"),
    "Bloomberg": (r"\bBloomberg News\b",),
    "Xinhua": (r"\bXinhua\b",),
    "Kyodo": (r"\bKyodo News\b", r"\(Kyodo\)"),
    "PTI": (r"\bPress Trust of India\b", r"\(PTI\)"),
    "ANSA": (r"\(ANSA\)",),
    "EFE": (r"\(EFE\)",),
}
_WIRE_RE = [(agency, re.compile("|".join(pats))) for agency, pats in WIRES.items()]
HEAD_CHARS = 250
"""A credit this close to the start is a dateline."""
TAIL_CHARS = 400
"""A credit this close to the end is a credit line."""
NEAR_CHARS = 300
"""A credit this close to a shared passage credits that passage."""


@dataclass(frozen=True, slots=True)
class WireCredit:
    """An agency credited by the text, and where."""

    agency: str
    span: Span


def wire_credits(text: str, near: Iterable[Span] = ()) -> list[WireCredit]:
    """Agencies credited in the dateline, the closing credit line, or next to a ``near`` span."""
    near = list(near)
    out = []
    for agency, rx in _WIRE_RE:
        for m in rx.finditer(text):
            s, e = m.span()
            placed = (
                s < HEAD_CHARS
                or e > len(text) - TAIL_CHARS
                or any(s < ne + NEAR_CHARS and e > ns - NEAR_CHARS for ns, ne in near)
            )
            if placed:
                out.append(WireCredit(agency, (s, e)))
    return sorted(out, key=lambda c: c.span)
