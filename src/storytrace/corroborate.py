"""Pairs judged inside a corpus: shared names must be corroborated by the other articles.

A lone :func:`storytrace.align.compare` decides ``same-story`` from the two texts alone. When
two events of one kind share their cast (a coach fired in 2008 and the same coach hired in
2005, one rule and its reversal), the pair's names, figures and wording look alike, and nothing
in the two texts tells them apart: the older articles print no dates. A corpus does: each of the
two articles is related to the other articles of its own event, and the two sets differ.

:func:`judge_pairs` judges pairs of a corpus that way. Textual reuse stands as it is (a coverage
verdict, a shared quote, a shared passage: see ``docs/evidence.md``). Any other ``same-story``
needs both articles in one story of the corpus (:func:`storytrace.stories.cluster`, or the
groups ``index`` stored), and within that story the articles each is related to (by a lone
compare) must largely be the same ones: their Jaccard overlap at least
:data:`CORROBORATION_MIN`, and the articles unrelated to each must not be those related to the
other (:data:`ASSOCIATION_SE`). Where the story holds no third article related to either,
nothing corroborates or contradicts, and the lone compare's verdict stands.

Example:
    >>> texts = {"a": "Quake hits Tromsø", "b": "Tromsø shaken by quake"}
    >>> [j.rule for j in judge_pairs(texts, [("a", "b")], groups=[["a"], ["b"]])]
    ['other-story']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storytrace.align import BULK, Options, compare
from storytrace.records import Record, jfield

CORROBORATION_MIN = 0.3
"""Least Jaccard overlap of the two articles' related articles in their story (each side's
articles related to it by a lone compare, the two articles themselves left out) for a pair
related by names, dates or wording alone to be judged ``same-story`` inside a corpus. Set on
the tune part of ``bench/evidence_bench.py`` (ECB+ topics 1, 5, 9, ...; 40 pairs per event and
per topic): 0.25 to 0.5 trade same-event 0.93 to 0.88 against other-event 0.04 to 0.01; a
second, lower threshold for pairs a lone compare relates (0.15, 0.2) moved nothing useful."""
ASSOCIATION_SE = 1.0
"""A corroborated pair is ``contradicted`` when the association of the two sides' relations
(:func:`association`: phi of related / unrelated to each of the story's other articles) lies
more than this many standard errors below none (``phi * sqrt(n) < -ASSOCIATION_SE``, ``n``
articles compared). The Jaccard overlap counts only the articles related to both; when a lone
compare relates many cross-event pairs of a story that merged two events of one cast, each
side is related to its own event and to part of the other, the overlap passes, and only the
articles each side is *not* related to tell the events apart. One standard error was chosen
on the tune part of ``bench/evidence_bench.py`` (40 pairs per event and topic), also judged
with every topic forced into one story (as if the grouping had merged each topic's two events):
other event 0.027 -> 0.016 and 0.039 -> 0.030 (topics 5, 9 and 25, whose events share their
cast: 0.125 -> 0.092), same event 0.920 -> 0.918 and 0.905 -> 0.905; a veto at phi < 0 took
same event to 0.907 (a phi from one or two differing articles, 18 of 19 related on each
side, is noise)."""
NEIGHBOURS_MAX = 50
"""At most this many other articles of a story (the first by id) are compared with each side:
a pair costs at most twice this many lone compares (each cached for the pairs that follow)."""
REUSE_RULES = frozenset(
    {"duplicate", "spun", "copied", "reworded", "shared-quote", "shared-passage"}
)
"""Evidence rules that are textual reuse: they stand inside a corpus as in a lone compare."""
RULES = {
    "reuse": "shared text (the lone compare's reuse rule, which stands in a corpus)",
    "corroborated": (
        "one story, and the articles related to each largely the same ones "
        f"(overlap at least {CORROBORATION_MIN})"
    ),
    "uncorroborated": (
        "one story, but each side is related to other articles of it "
        f"(overlap below {CORROBORATION_MIN})"
    ),
    "contradicted": (
        "one story, but the articles related to one side are the ones unrelated to the other "
        f"(association more than {ASSOCIATION_SE:g} standard error below none)"
    ),
    "other-story": "no shared text, and the corpus puts the two articles in different stories",
    "pairwise": "one story with no third article related to either: the lone compare decides",
}


@dataclass(slots=True)
class CorpusJudgement(Record):
    """A pair judged inside a corpus, with the evidence for it."""

    a: str = jfield("Article id of A.")
    b: str = jfield("Article id of B.")
    verdict: str = jfield("same-story, a reuse verdict (copied, ...), or unrelated.")
    rule: str = jfield(
        "What decided: reuse, corroborated, uncorroborated, contradicted, other-story or pairwise."
    )
    explanation: str = jfield("The rule in plain language.")
    pairwise_verdict: str = jfield("The lone compare's verdict of the pair.")
    pairwise_rule: str = jfield("The lone compare's evidence rule (docs/evidence.md).")
    story: int | None = jfield(
        "Index of the story (group) holding both articles; None when they are in different ones.",
        default=None,
    )
    overlap: float | None = jfield(
        "Jaccard overlap 0..1 of the articles related to A and those related to B in the story.",
        default=None,
        digits=3,
    )
    association: float | None = jfield(
        "Phi -1..1 of related / unrelated to A against to B over the story's other articles "
        "compared; None when one side is related to all or none of them.",
        default=None,
        digits=3,
    )
    compared: int = jfield("The story's other articles compared with both sides.", default=0)
    shared: list[str] = jfield(
        "Articles of the story related to both A and B (their ids).", default_factory=list
    )
    only_a: list[str] = jfield("Articles of the story related to A only.", default_factory=list)
    only_b: list[str] = jfield("Articles of the story related to B only.", default_factory=list)


def association(related_a: Iterable[bool], related_b: Iterable[bool]) -> float | None:
    """Phi coefficient of two yes/no lists (A related to article k, B related to article k):
    1 when the two sides are related to the same articles and unrelated to the same ones, -1
    when each is related to exactly those the other is not; None when either list is all yes
    or all no (nothing to associate).

    >>> association([1, 1, 0, 0], [1, 1, 0, 0]), round(association([1, 1, 1, 0], [0, 1, 1, 1]), 3)
    (1.0, -0.333)
    """
    table = [[0, 0], [0, 0]]
    for x, y in zip(related_a, related_b, strict=True):
        table[bool(x)][bool(y)] += 1
    (n00, n01), (n10, n11) = table
    rows, cols = (n00 + n01) * (n10 + n11), (n00 + n10) * (n01 + n11)
    if not rows or not cols:
        return None
    return (n11 * n00 - n10 * n01) / math.sqrt(rows * cols)


def judge_pairs(
    texts: Mapping[str, str],
    pairs: Iterable[tuple[str, str]],
    groups: Iterable[Iterable[str]] | None = None,
    options: Options = BULK,
) -> list[CorpusJudgement]:
    """Each of ``pairs`` (article ids of ``texts``) judged inside the corpus ``texts``.

    ``groups`` are the corpus's stories (lists of ids), by default
    :func:`storytrace.stories.cluster` of ``texts``; pass the groups ``index`` stored to judge
    as the stored stories do. ``options`` are the lone compares' (bulk by default, as
    ``index`` aligns). See the module's notes for the rules.
    """
    if groups is None:
        from storytrace.stories import cluster

        groups = cluster(texts)
    members = [sorted(g) for g in groups]
    story_of = {d: k for k, g in enumerate(members) for d in g}
    cache: dict[tuple[str, str], tuple[str, str]] = {}

    def lone(x: str, y: str) -> tuple[str, str]:
        key = (x, y) if x < y else (y, x)
        if key not in cache:
            c = compare(texts[key[0]], texts[key[1]], options)
            cache[key] = (c.verdict, c.evidence.rule)
        return cache[key]

    out = []
    for a, b in pairs:
        verdict, rule = lone(a, b)
        k = story_of.get(a)
        judged = CorpusJudgement(a, b, verdict, "reuse", RULES["reuse"], verdict, rule)
        if rule in REUSE_RULES:
            out.append(judged)
            continue
        if k is None or story_of.get(b) != k:
            judged.verdict, judged.rule = "unrelated", "other-story"
            judged.explanation = RULES["other-story"]
            out.append(judged)
            continue
        judged.story = k
        others = [d for d in members[k] if d not in (a, b)][:NEIGHBOURS_MAX]
        near_a = {d for d in others if lone(a, d)[0] != "unrelated"}
        near_b = {d for d in others if lone(b, d)[0] != "unrelated"}
        either = near_a | near_b
        if not either:
            judged.rule, judged.explanation = "pairwise", RULES["pairwise"]
            out.append(judged)
            continue
        judged.overlap = len(near_a & near_b) / len(either)
        judged.shared = sorted(near_a & near_b)
        judged.only_a, judged.only_b = sorted(near_a - near_b), sorted(near_b - near_a)
        judged.compared = len(others)
        phi = association([d in near_a for d in others], [d in near_b for d in others])
        judged.association = phi
        if judged.overlap < CORROBORATION_MIN:
            judged.rule = "uncorroborated"
            judged.explanation = f"{RULES[judged.rule]}: {judged.overlap:.2f}"
        elif phi is not None and phi * math.sqrt(len(others)) < -ASSOCIATION_SE:
            judged.rule = "contradicted"
            judged.explanation = (
                f"{RULES[judged.rule]}: {phi:.2f} over {len(others)} articles "
                f"(overlap {judged.overlap:.2f})"
            )
        else:
            judged.rule = "corroborated"
            judged.explanation = f"{RULES[judged.rule]}: {judged.overlap:.2f}"
        judged.verdict = "same-story" if judged.rule == "corroborated" else "unrelated"
        out.append(judged)
    return out
