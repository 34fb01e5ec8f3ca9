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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

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
SPLIT_NCUT = 0.5
"""A story splits in two when the graph of its lone relations (an edge where a lone compare
relates two of its articles) has a normalised cut (:func:`split_story`) below this: each part's
articles are related to each other far more often than across (for two parts of one size, a
cut of 0.5 is relations across a third as dense as within). Two events of one cast that the
grouping merged fall apart so; a pair across the cut is ``split`` (unrelated). Read off the
tune part of ``bench/evidence_bench.py`` (ECB+ topics 1, 5, 9, ...): the two stories that merge
two events cut at 0.43 and 0.34 (topics 9 and 25), every topic forced into one story at 0.00 to
0.43, the one-event stories at 0.53 or more; 0.45 to 0.7 judge the tune pairs alike."""
SPLIT_MIN = 2
"""Least articles on each side of a split (one article apart is an outlier, not an event)."""
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
    "split": (
        "one story, but its articles fall into two groups each related within far more than "
        f"across (normalised cut below {SPLIT_NCUT}), and the two articles are in different ones"
    ),
    "pairwise": "one story with no third article related to either: the lone compare decides",
}


@dataclass(slots=True)
class CorpusJudgement(Record):
    """A pair judged inside a corpus, with the evidence for it."""

    a: str = jfield("Article id of A.")
    b: str = jfield("Article id of B.")
    verdict: str = jfield("same-story, a reuse verdict (copied, ...), or unrelated.")
    rule: str = jfield(
        "What decided: reuse, corroborated, uncorroborated, contradicted, split, other-story or "
        "pairwise."
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
    cut: float | None = jfield(
        "Normalised cut 0..2 of the story's best split in two by lone relations (split_story); "
        "None when the story was too small or large to split.",
        default=None,
        digits=3,
    )
    side_a: list[str] = jfield(
        "When the story splits (cut below SPLIT_NCUT): the articles of A's part.",
        default_factory=list,
    )
    side_b: list[str] = jfield(
        "When the story splits: the articles of B's part.", default_factory=list
    )


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


def split_story(related: Sequence[Sequence[bool]]) -> tuple[float, list[int]] | None:
    """The best split in two of a story's relation graph (``related[i][j]``: a lone compare
    relates articles i and j): ``(cut, part)``, ``part`` the indices of one side, or None when
    no split leaves :data:`SPLIT_MIN` related articles on each side.

    Spectral bisection: the articles ordered by the Fiedler vector of the normalised Laplacian,
    and of the splits along that order the one with the least normalised cut
    ``cut / vol(A) + cut / vol(B)`` (``cut``: relations across, ``vol``: relations of a side's
    articles). Articles related to none of the others take no side (left out of ``part`` and of
    its complement alike): unrelated to everything, they belong to neither event.

    >>> two = [[i != j and (i < 3) == (j < 3) for j in range(6)] for i in range(6)]
    >>> split_story(two)
    (0.0, [0, 1, 2])
    """
    w = np.asarray(related, dtype=float)
    np.fill_diagonal(w, 0.0)
    live = np.flatnonzero(w.sum(1) > 0)
    if len(live) < 2 * SPLIT_MIN:
        return None
    w = w[np.ix_(live, live)]
    deg = w.sum(1)
    scale = 1.0 / np.sqrt(deg)
    _, vecs = np.linalg.eigh(np.eye(len(w)) - w * np.outer(scale, scale))
    order = np.argsort(vecs[:, 1] * scale, kind="stable")
    best: tuple[float, np.ndarray] | None = None
    total = deg.sum()
    for k in range(SPLIT_MIN, len(order) - SPLIT_MIN + 1):
        side = np.zeros(len(w), dtype=bool)
        side[order[:k]] = True
        vol = deg[side].sum()
        across = w[side][:, ~side].sum()
        cut = across / vol + across / (total - vol)
        if best is None or cut < best[0] - 1e-12:
            best = (float(cut), side)
    if best is None:
        return None
    # The eigenvector's sign is arbitrary: name the side of the first related article.
    side = best[1] if best[1][0] else ~best[1]
    return best[0], [int(i) for i in live[side]]


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

    splits: dict[int, tuple[float, set[str], set[str]] | None] = {}

    def split_of(k: int) -> tuple[float, set[str], set[str]] | None:
        # Every pair of the story is compared (each lone compare cached): at most
        # NEIGHBOURS_MAX articles, larger stories are not split.
        if k not in splits:
            g = members[k]
            found: tuple[float, set[str], set[str]] | None = None
            if len(g) <= NEIGHBOURS_MAX:
                rel = [[x != y and lone(x, y)[0] != "unrelated" for y in g] for x in g]
                best = split_story(rel)
                if best is not None:
                    live = {g[i] for i in range(len(g)) if any(rel[i])}
                    part = {g[i] for i in best[1]}
                    found = (best[0], part, live - part)
            splits[k] = found
        return splits[k]

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
        split = split_of(k)
        if split is not None:
            judged.cut = split[0]
            sides = split[1:]
            in_a = next((p for p in sides if a in p), None)
            in_b = next((p for p in sides if b in p), None)
            if split[0] < SPLIT_NCUT and in_a is not None and in_b is not None and in_a is not in_b:
                judged.side_a, judged.side_b = sorted(in_a), sorted(in_b)
                judged.verdict, judged.rule = "unrelated", "split"
                judged.explanation = (
                    f"{RULES['split']}: cut {split[0]:.2f}, {len(in_a)} articles with A, "
                    f"{len(in_b)} with B"
                )
                out.append(judged)
                continue
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
