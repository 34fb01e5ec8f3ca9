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
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from storytrace.boilerplate import boilerplate_spans
from storytrace.diff import Passage
from storytrace.names import CONNECTORS, mentions, rarity
from storytrace.records import Record, jfield
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
PASSAGE_MIN_WORDS = 20
"""Least unquoted words in one verbatim or edited passage for shared text to count on its own
(below it, outlets share stock phrases: "said in a statement on Monday")."""
LEAD_SENTENCES = 2
"""Sentences (of 30 characters or more) that make an article's lead."""
LEAD_MIN = 0.45
"""Least rarity-weighted cosine of the two leads for ``same-lead``."""
VOCABULARY_MIN = 0.3
"""Least rarity-weighted cosine of the whole texts for ``shared-vocabulary`` ..."""
VOCABULARY_WITH_LEAD = (0.2, 0.3)
"""... or this whole-text cosine together with this lead cosine."""
NAMES_MIN = 1.0
"""Least summed rarity of the name words both articles use (:func:`storytrace.names.rarity`),
needed by every rule below the shared passages: similar wording alone is not one event."""
NAMES_SHARE_MIN = 0.5
"""Least share of the smaller article's name rarity that the shared names make up, for
``names-and-details``."""
DETAILS_MIN = 1
"""Least matching event details (figures, calendar dates) beside the shared names."""
# Set on the tune part of bench/evidence_bench.py (ECB+ topics 1, 5, 9, ...; PolNeAR train).
RULES = {
    "duplicate": "both sides almost wholly in identical passages",
    "spun": "a large share of one side in synonym-swapped passages",
    "copied": "a large share of one side, or one long run, in verbatim or edited passages",
    "reworded": "a large share of one side in reworded passages",
    "shared-quote": "a quotation both articles carry",
    "shared-passage": f"a shared passage of at least {PASSAGE_MIN_WORDS} words outside quotes",
    "same-lead": "the two leads tell the same thing in the same rare words",
    "shared-vocabulary": "the same rare words and names throughout",
    "names-and-details": "most rare names of one are in the other, and figures or dates match",
    "none": "no shared quote or passage, and too few rare words, names and details in common",
}
SAME_STORY_RULES = (
    "shared-quote",
    "shared-passage",
    "same-lead",
    "shared-vocabulary",
    "names-and-details",
)


@dataclass(slots=True)
class SharedFact(Record):
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


@dataclass(slots=True)
class Evidence(Record):
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
    vocabulary: float = jfield(
        "Cosine of the two texts' content words weighted by rarity (0..1).", digits=3
    )
    lead: float = jfield("The same for the two leads (first two sentences).", digits=3)


def gather(
    doc_a: Doc,
    doc_b: Doc,
    passages: Sequence[Passage],
    coverage: Mapping[str, float],
    verdict: str,
    furniture: tuple[str, ...] = (),
) -> Evidence:
    """The evidence for a comparison; decides between ``same-story`` and ``unrelated``.

    ``passages`` are the shared passages that are not boilerplate and
    ``verdict`` the verdict from coverage (see ``docs/verdict.md``). The
    coverage verdicts (duplicate, spun, copied, reworded) stand; otherwise the
    pair is ``same-story`` only when one of these holds, tried in order: a
    shared quote; a shared passage of :data:`PASSAGE_MIN_WORDS` unquoted words;
    or, with shared rare names (:data:`NAMES_MIN`), leads alike in rare words
    (:data:`LEAD_MIN`), texts alike in rare words (:data:`VOCABULARY_MIN` or
    :data:`VOCABULARY_WITH_LEAD`), or most of one side's rare names shared
    (:data:`NAMES_SHARE_MIN`) plus :data:`DETAILS_MIN` matching figures or
    dates. ``furniture`` are the user's extra boilerplate patterns: names and
    words inside publisher furniture are not evidence. Rarity is general-English word frequency
    (:func:`storytrace.names.rarity`), so "Trump" or "police" weigh little.
    """
    quotes = _shared_quotes(doc_a, doc_b, passages)
    facts_a, facts_b = _facts(doc_a.text, furniture), _facts(doc_b.text, furniture)
    names, weight = _shared_names(facts_a, facts_b)
    numbers = _shared(facts_a, facts_b, "number")
    dates = [d for d in _shared(facts_a, facts_b, "date") if " " in d.key]  # month and day
    longest = int(coverage.get("longest_copied_words", 0))
    lead = vocabulary_similarity(doc_a.text, doc_b.text, furniture, lead=True)
    whole = vocabulary_similarity(doc_a.text, doc_b.text, furniture)
    share = weight / max(1e-9, min(_name_mass(facts_a), _name_mass(facts_b)))
    if verdict not in ("same-story", "unrelated"):
        rule = verdict
    elif quotes:
        rule = "shared-quote"
    elif longest >= PASSAGE_MIN_WORDS:
        rule = "shared-passage"
    elif weight >= NAMES_MIN and lead >= LEAD_MIN:
        rule = "same-lead"
    elif weight >= NAMES_MIN and (
        whole >= VOCABULARY_MIN
        or (whole >= VOCABULARY_WITH_LEAD[0] and lead >= VOCABULARY_WITH_LEAD[1])
    ):
        rule = "shared-vocabulary"
    elif (
        weight >= NAMES_MIN
        and share >= NAMES_SHARE_MIN
        and len(numbers) + len(dates) >= DETAILS_MIN
    ):
        rule = "names-and-details"
    else:
        rule = "none"
    if rule in SAME_STORY_RULES:
        verdict = "same-story"
    elif rule == "none":
        verdict = "unrelated"
    return Evidence(
        verdict,
        rule,
        RULES[rule],
        quotes,
        names,
        numbers,
        dates,
        len(passages),
        longest,
        weight,
        whole,
        lead,
    )


@lru_cache(maxsize=4096)
def _vocabulary(
    text: str, extra: tuple[str, ...] = ()
) -> tuple[dict[str, float], dict[str, float]]:
    """Content-word stems weighted by rarity (names count double), outside furniture: for the
    whole text and for its lead (the first :data:`LEAD_SENTENCES` sentences of 30+ characters)."""
    doc = doc_of(text)
    furniture = boilerplate_spans(text, extra, doc=doc)
    names = {w for key in _facts(text, extra)["name"] for w in key.split()}
    long = [e for s, e in doc.sentences if e - s >= 30][:LEAD_SENTENCES]
    lead_end = long[-1] if long else 300
    norms = doc.norms
    # (stem, weight) or None per token, by C-level maps; names and furniture fixed after.
    infos = list(map(_word_info, norms))
    for i in compress(range(len(norms)), map(names.__contains__, norms)):
        if infos[i] is not None:
            infos[i] = (infos[i][0], infos[i][1] * 2.0)
    if furniture:
        inside = doc.token_mask(furniture)
        infos = [None if k else x for x, k in zip(infos, inside, strict=True)]
    # dict() of pairs keeps each stem's first place and its last weight. The lead is a
    # prefix of the tokens.
    n_lead = bisect_left(doc.starts, lead_end)
    return dict(filter(None, infos)), dict(filter(None, infos[:n_lead]))


@lru_cache(maxsize=200_000)
def _word_info(w: str) -> tuple[str, float] | None:
    # Stem and rarity once per word (None: not a content word): words recur across the
    # articles of a batch or corpus, and rarity costs a log per call.
    if w in STOPWORDS or len(w) < 3 or w[0].isdigit():
        return None
    return _stem(w), rarity(w)


def _stem(w: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def vocabulary_similarity(
    text_a: str, text_b: str, furniture: tuple[str, ...] = (), lead: bool = False
) -> float:
    """Cosine of the rarity-weighted content-word stems of two texts (or their leads), 0..1."""
    va = _vocabulary(text_a, furniture)[1 if lead else 0]
    vb = _vocabulary(text_b, furniture)[1 if lead else 0]
    dot = sum(v * vb[w] for w, v in va.items() if w in vb)
    na = sum(v * v for v in va.values()) ** 0.5
    nb = sum(v * v for v in vb.values()) ** 0.5
    return dot / (na * nb) if na and nb else 0.0


def _name_mass(facts: dict) -> float:
    words = {w for key in facts["name"] for w in key.split()}
    return sum(rarity(w) for w in words if len(w) >= 2 and w not in STOPWORDS)


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
def _facts(text: str, furniture: tuple[str, ...] = ()) -> dict[str, dict[str, Span]]:
    """Per kind, normalised key -> first span, outside publisher furniture."""
    doc = doc_of(text)
    out: dict[str, dict[str, Span]] = {"name": {}, "number": {}, "date": {}}
    for m in mentions(doc, boilerplate_spans(text, furniture, doc=doc)):
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
