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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storytrace.boilerplate import boilerplate_spans
from storytrace.diff import Passage
from storytrace.names import CONNECTORS, mentions, rarity
from storytrace.records import jfield, to_json
from storytrace.text import STOPWORDS, Doc, doc_of, overlaps

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


# --- why two articles are (or are not) the same story -------------------------------------

QUOTE_MIN_WORDS = 5
"""Least words inside quotation marks, on both sides, for a shared passage to be a shared quote."""
PASSAGE_MIN_WORDS = 12
"""Least unquoted words in one verbatim or edited passage for shared text to count on its own
(below it, outlets share stock phrases: "said in a statement on Monday")."""
NAMES_MIN = 1.0
"""Least summed rarity of the name words both articles use (:func:`storytrace.names.rarity`)."""
DETAILS_MIN = 1
"""Least matching event details (figures, calendar dates) beside the shared names."""
RULES = {
    "duplicate": "both sides almost wholly in identical passages",
    "spun": "a large share of one side in synonym-swapped passages",
    "copied": "a large share of one side, or one long run, in verbatim or edited passages",
    "reworded": "a large share of one side in reworded passages",
    "shared-quote": "a quotation both articles carry",
    "shared-passage": f"a shared passage of at least {PASSAGE_MIN_WORDS} words outside quotes",
    "names-and-details": "rare names both use, and matching figures or dates",
    "none": "no shared quote, passage, or rare names with matching details",
}


@dataclass(slots=True)
class SharedFact:
    """A name, figure, date or quote both articles give, with where each gives it."""

    key: str = jfield("The normalised name, figure or date; for a quote, its text in A.")
    a: Span = jfield("Character span [start, end) in A.")
    b: Span = jfield("Character span [start, end) in B.")
    weight: float | None = jfield(
        "Names only: rarity 0..1 (a name in every article weighs 0).",
        default=None,
        omit_none=True,
        digits=3,
    )

    def to_dict(self) -> dict:
        return to_json(self)


@dataclass(slots=True)
class Evidence:
    """Why a comparison got its verdict: the rule that fired and the shared facts behind it."""

    verdict: str = jfield(internal=True)
    rule: str = jfield(
        "The rule that fired: duplicate, spun, copied, reworded (coverage rules), "
        "shared-quote, shared-passage, names-and-details, or none (unrelated)."
    )
    explanation: str = jfield("The rule in plain language.")
    quotes: list[SharedFact] = jfield("Shared passages inside quotation marks on both sides.")
    names: list[SharedFact] = jfield("Name words both articles use, rarest first.")
    numbers: list[SharedFact] = jfield("Figures both articles give.")
    dates: list[SharedFact] = jfield("Calendar dates (month and day) both articles give.")
    passages: int = jfield("Shared passages that are not boilerplate.")
    longest_passage_words: int = jfield("Most unquoted words in one verbatim/edited passage.")
    name_weight: float = jfield("Summed rarity of the shared name words.", digits=3)

    def to_dict(self) -> dict:
        return to_json(self)


def gather(
    doc_a: Doc,
    doc_b: Doc,
    passages: Sequence[Passage],
    coverage: Mapping[str, float],
    verdict: str,
) -> Evidence:
    """The evidence for a comparison; decides between ``same-story`` and ``unrelated``.

    ``passages`` are the shared passages that are not boilerplate and
    ``verdict`` the verdict from coverage (see ``docs/verdict.md``). The
    coverage verdicts (duplicate, spun, copied, reworded) stand; otherwise the
    pair is ``same-story`` only with a shared quote, a shared passage of
    :data:`PASSAGE_MIN_WORDS` unquoted words, or rare shared names
    (:data:`NAMES_MIN`) plus :data:`DETAILS_MIN` matching figures or dates.
    """
    quotes = _shared_quotes(doc_a, doc_b, passages)
    facts_a, facts_b = _facts(doc_a.text), _facts(doc_b.text)
    names, weight = _shared_names(facts_a, facts_b)
    numbers = _shared(facts_a, facts_b, "number")
    dates = [d for d in _shared(facts_a, facts_b, "date") if " " in d.key]  # month and day
    longest = int(coverage.get("longest_copied_words", 0))
    if verdict not in ("same-story", "unrelated"):
        rule = verdict
    elif quotes:
        rule = "shared-quote"
    elif longest >= PASSAGE_MIN_WORDS:
        rule = "shared-passage"
    elif weight >= NAMES_MIN and len(numbers) + len(dates) >= DETAILS_MIN:
        rule = "names-and-details"
    else:
        rule = "none"
    if rule in ("shared-quote", "shared-passage", "names-and-details"):
        verdict = "same-story"
    elif rule == "none":
        verdict = "unrelated"
    return Evidence(
        verdict, rule, RULES[rule], quotes, names, numbers, dates, len(passages), longest, weight
    )


def _shared_quotes(doc_a: Doc, doc_b: Doc, passages: Sequence[Passage]) -> list[SharedFact]:
    out: list[SharedFact] = []
    seen: set[tuple[Span, Span]] = set()
    qa, qb = doc_a.quotations, doc_b.quotations
    for p in passages:
        for sa in qa:
            if not overlaps(p.a, sa):
                continue
            for sb in qb:
                if not overlaps(p.b, sb):
                    continue
                a = (max(p.a[0], sa[0]), min(p.a[1], sa[1]))
                b = (max(p.b[0], sb[0]), min(p.b[1], sb[1]))
                t0, t1 = doc_a.tokens_in(a)
                u0, u1 = doc_b.tokens_in(b)
                if min(t1 - t0, u1 - u0) >= QUOTE_MIN_WORDS and (a, b) not in seen:
                    seen.add((a, b))
                    out.append(SharedFact(doc_a.text[a[0] : a[1]], a, b))
    return out


@lru_cache(maxsize=4096)
def _facts(text: str) -> dict[str, dict[str, Span]]:
    """Per kind, normalised key -> first span, outside publisher furniture."""
    doc = doc_of(text)
    out: dict[str, dict[str, Span]] = {"name": {}, "number": {}, "date": {}}
    for m in mentions(doc, boilerplate_spans(text, doc=doc)):
        kind = "name" if m.kind == "place" else m.kind
        out[kind].setdefault(m.key, m.span)
    return out


def _shared_names(fa: dict, fb: dict) -> tuple[list[SharedFact], float]:
    """Shared names (by any word of them) and the summed rarity of the shared words."""

    def words(names: dict[str, Span]) -> dict[str, tuple[str, Span]]:
        out: dict[str, tuple[str, Span]] = {}
        for key, span in names.items():
            for w in key.split():
                if len(w) >= 2 and w not in STOPWORDS and w not in CONNECTORS:
                    out.setdefault(w, (key, span))
        return out

    wa, wb = words(fa["name"]), words(fb["name"])
    shared = sorted(set(wa) & set(wb), key=lambda w: (-rarity(w), w))
    weight = sum(rarity(w) for w in shared)
    listed = [SharedFact(w, wa[w][1], wb[w][1], rarity(w)) for w in shared]
    return listed, weight


def _shared(fa: dict, fb: dict, kind: str) -> list[SharedFact]:
    keys = sorted(set(fa[kind]) & set(fb[kind]))
    return [SharedFact(k, fa[kind][k], fb[kind][k]) for k in keys]
