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
:data:`CORROBORATION_MIN`. Where the story holds no third article related to either, nothing
corroborates or contradicts, and the lone compare's verdict stands.

Example:
    >>> texts = {"a": "Quake hits Tromsø", "b": "Tromsø shaken by quake"}
    >>> [j.rule for j in judge_pairs(texts, [("a", "b")], groups=[["a"], ["b"]])]
    ['other-story']
"""

from __future__ import annotations

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
        "What decided: reuse, corroborated, uncorroborated, other-story or pairwise."
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
    shared: list[str] = jfield(
        "Articles of the story related to both A and B (their ids).", default_factory=list
    )
    only_a: list[str] = jfield("Articles of the story related to A only.", default_factory=list)
    only_b: list[str] = jfield("Articles of the story related to B only.", default_factory=list)


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
        held = judged.overlap >= CORROBORATION_MIN
        judged.rule = "corroborated" if held else "uncorroborated"
        judged.verdict = "same-story" if held else "unrelated"
        judged.explanation = f"{RULES[judged.rule]}: {judged.overlap:.2f}"
        out.append(judged)
    return out
