"""How does judging inside a corpus react when the lone compares relate more same-event pairs?

Run: ``nice -n 10 .venv/bin/python bench/corroborate_probe.py [--data ../shared/data]
[--draws 50]`` (about 2 minutes CPU: 126 s at load 7-10, most of it the 600 corpus judgements).

**Tune part only** (ECB+ topics 1, 5, 9, ...: ``topic % 4 == 1``); there is no option to read
the measure-only topics. The corpus is every document of the tune topics, grouped into stories
as ``index`` groups them (``bench/evidence_bench.py``'s :func:`story_groups`). Every pair of
one story is compared once (:func:`storytrace.align.compare`, bulk options, rule-based names,
the smaller id first, as :func:`storytrace.corroborate.judge_pairs` caches them). The pairs
judged: **all** same-event pairs of different outlets (``ecbplus`` documents of one event whose
URLs name different hosts) and **all** other-event pairs (an ``ecb`` and an ``ecbplus``
document of one topic), not a sample. Each scenario then judges them with
:func:`storytrace.corroborate.judge_pairs` itself, its lone compares read from the table of
relations the scenario sets (the one implementation of the corpus rule, no re-derivation):

* **as compared**: the lone compares' own relations;
* **k more same-event relations**: ``k`` unrelated pairs of one story and one ``ecbplus`` event
  (what a rule reading dates can add: ECB+'s older ``ecb`` articles print none) made related,
  drawn at random ``--draws`` times; the spread of the change in related pairs;
* **every same-event relation**: every pair of one story and one event related;
* **relations by name rules / by date rules not counted**: corroboration counting only some
  kinds of relation (:data:`KINDS`).

Why: session 36 (ecb12i) brought a rule that relates only same-event pairs in a lone compare
(``names-and-date`` from a day without a year) and, on the measure-only topics in a corpus, 2
more other-event pairs of 400 were judged related; if new same-event relations raised the
corpus's other-event rate, a better lone rule would be punished by the corpus column.

Result (2026-12-03, session 37, ecb12j; main 9287551; ``nice -n 5 .venv/bin/python
bench/corroborate_probe.py --data /work/shared/data``, defaults; 126 s CPU, load 7-10)::

    scenario                                     same event (868)   other event (1704)
    as compared                                               787                   44
    6 more same-event relations, 50 draws               +[-2, 18]      -3..0 (0 in 27)
    12 more same-event relations, 50 draws               +[4, 25]      -3..0 (0 in 26)
    24 more same-event relations, 50 draws              +[10, 42]      -6..0 (0 in 11)
    every same-event relation                                 861                    5
    relations by name rules not counted                       441                    8
    relations by date rules not counted                       670                   55

(113 unrelated same-event ``ecbplus`` pairs within stories could be added.) On the tune topics
no draw of new same-event relations judged one other-event pair more related in the corpus;
more of them take the other-event count down (a story that merged two events separates once
each event's articles relate to each other: the association test, ``contradicted``, has more
to read). Session 36's rule itself (commit 44599cb on main 9287551: 12 new relations among
these stories, all same-event) gave same event 787 -> 787 and other event 44 -> 43. Counting
only reuse and date relations among a side's related articles loses nearly half the same-event
pairs: ECB+'s older ``ecb`` articles print no dates, and their reports relate to each other by
names alone.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evidence_bench  # noqa: E402  (its ECB+ loader and story_groups)

from storytrace import corroborate  # noqa: E402
from storytrace.align import BULK, compare  # noqa: E402

TUNE = 1
"""Tune topics: ``topic % 4 == TUNE`` (as ``bench/evidence_bench.py``)."""
DRAW_SIZES = (6, 12, 24)
"""How many same-event relations each random scenario adds."""
SEED = 37
NAME_RULES = frozenset({"same-focus", "same-lead", "shared-vocabulary"})
"""Rules that read shared names and wording only: no date, no shared text."""
KINDS = {
    "relations by name rules not counted": NAME_RULES,
    "relations by date rules not counted": frozenset({"names-and-date", "same-event"}),
}
"""Scenarios that count only some kinds of relation: the relations these rules make are read
as unrelated everywhere, a judged pair's own included (its own verdict decides only when no
third article of its story is related to either side)."""


def relations(texts: dict[str, str], groups: list[list[str]]) -> dict[tuple[str, str], tuple]:
    """Verdict and evidence rule of every pair of one story (smaller id first)."""
    table = {}
    for g in groups:
        for a, b in combinations(sorted(g), 2):
            c = compare(texts[a], texts[b], BULK)
            table[a, b] = (c.verdict, c.evidence.rule)
    return table


def judged_related(
    texts: dict[str, str],
    pairs: list[tuple[str, str]],
    groups: list[list[str]],
    table: dict[tuple[str, str], tuple],
) -> int:
    """Pairs :func:`corroborate.judge_pairs` judges related, its lone compares read from
    ``table`` (a pair not in it, of two stories, is compared)."""

    def lone(x: str, y: str) -> SimpleNamespace:
        key = (x, y) if x < y else (y, x)
        if key not in table:
            c = compare(texts[key[0]], texts[key[1]], BULK)
            table[key] = (c.verdict, c.evidence.rule)
        verdict, rule = table[key]
        if key not in made:
            made[key] = SimpleNamespace(verdict=verdict, evidence=SimpleNamespace(rule=rule))
        return made[key]

    made: dict[tuple[str, str], SimpleNamespace] = {}

    by_text = {t: d for d, t in texts.items()}
    real = corroborate.compare
    corroborate.compare = lambda x, y, options=None: lone(by_text[x], by_text[y])
    try:
        judged = corroborate.judge_pairs(texts, pairs, groups)
    finally:
        corroborate.compare = real
    return sum(j.verdict != "unrelated" for j in judged)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=evidence_bench.DATA, help="shared data folder")
    ap.add_argument("--draws", type=int, default=50, help="random draws per scenario")
    args = ap.parse_args()
    evidence_bench.ECB = args.data / "ecbplus" / "ECB+"
    if not evidence_bench.ECB.is_dir():
        print(f"data not found under {args.data}", file=sys.stderr)
        return 1
    os.environ["STORYTRACE_ENTITIES"] = "rules"
    t0 = time.process_time()
    ecb = evidence_bench.load_ecb()
    ids = sorted(d for d, m in ecb.items() if m["topic"] % 4 == TUNE)
    texts = {d: ecb[d]["text"] for d in ids}
    if len(set(texts.values())) != len(texts):
        print("two tune documents have the same text", file=sys.stderr)
        return 1
    groups = evidence_bench.story_groups(ecb, ids)
    same, other = [], []
    for a, b in combinations(ids, 2):
        ma, mb = ecb[a], ecb[b]
        if ma["topic"] != mb["topic"]:
            continue
        if ma["event"] == mb["event"]:
            if ma["kind"] == "ecbplus" and ma["host"] and mb["host"] and ma["host"] != mb["host"]:
                same.append((a, b))
        else:
            other.append((a, b) if ma["kind"] == "ecb" else (b, a))
    table = relations(texts, groups)

    def rates(t: dict) -> tuple[int, int]:
        return judged_related(texts, same, groups, dict(t)), judged_related(
            texts, other, groups, dict(t)
        )

    base = rates(table)
    rows = [("as compared", f"{base[0]}", f"{base[1]}")]
    addable = [
        k
        for k, (v, _) in table.items()
        if v == "unrelated"
        and ecb[k[0]]["event"] == ecb[k[1]]["event"]
        and ecb[k[0]]["kind"] == "ecbplus"
    ]
    rng = random.Random(SEED)
    for k in DRAW_SIZES:
        ds, do = [], []
        for _ in range(args.draws):
            t = dict(table)
            for key in rng.sample(addable, min(k, len(addable))):
                t[key] = ("same-story", "names-and-date")
            s, o = rates(t)
            ds.append(s - base[0])
            do.append(o - base[1])
        rows.append(
            (
                f"{k} more same-event relations, {args.draws} draws",
                f"+[{min(ds)}, {max(ds)}]",
                f"{min(do)}..{max(do)} (0 in {do.count(0)})",
            )
        )
    every = {
        k: ("same-story", "names-and-date")
        if v[0] == "unrelated" and ecb[k[0]]["event"] == ecb[k[1]]["event"]
        else v
        for k, v in table.items()
    }
    s, o = rates(every)
    rows.append(("every same-event relation", f"{s}", f"{o}"))
    for name, dropped in KINDS.items():
        kept = {k: ("unrelated", "none") if v[1] in dropped else v for k, v in table.items()}
        s, o = rates(kept)
        rows.append((name, f"{s}", f"{o}"))
    print(f"{'scenario':42} {f'same event ({len(same)})':>18} {f'other event ({len(other)})':>20}")
    for name, a, b in rows:
        print(f"{name:42} {a:>18} {b:>20}")
    print(f"\n{len(addable)} unrelated same-event ecbplus pairs within stories could be added")
    print(f"{time.process_time() - t0:.0f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
