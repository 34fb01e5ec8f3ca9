"""Do the name rules' thresholds carry to ECB+ topics they were not set on? Leave one topic out.

Run: ``nice -n 10 .venv/bin/python bench/evidence_loto.py [--data ../shared/data]
[--per-event 100 --per-topic 100] [--cap 0.05]`` (about 5 s CPU at 100 per event and topic).

**Tune part only** (ECB+ topics 1, 5, 9, ...: ``topic % 4 == 1``); there is no option to read
the measure-only topics. Pairs are drawn as in ``bench/evidence_bench.py`` (its
:func:`ecb_pairs`, same seed), larger by default: same event from different outlets, and an
``ecb`` against an ``ecbplus`` document of one topic (the other event). Each pair is compared
once (:func:`storytrace.align.compare`, bulk options, rule-based names); the verdict is then
re-derived from its evidence for each setting of the name rules' five thresholds
(:data:`~storytrace.evidence.FOCUS_STRONG`, ``FOCUS_MIN``, ``FOCUS_WITH_WORDS``, ``LEAD_MIN``,
``VOCABULARY_MIN``) and a ``detail`` switch (``same-focus`` below ``FOCUS_STRONG``,
``same-lead`` and ``shared-vocabulary`` also need an event detail both articles give: a
calendar date, or a shared name word of rarity 0.8 or more outside the three most salient
name words of either side). The re-derivation is checked against ``evidence.gather``: at the
package's constants it must give every pair's verdict.

For each tune topic, the setting that judges the most same-event pairs of the *other* topics
related while judging at most ``--cap`` of their other-event pairs related is chosen, and the
left-out topic is judged by it: the summed held-out rates estimate what tuning does on topics
it never saw. Beside them, the package's constants (set on all tune topics: in-sample).

Result (2026-12-03, session 34, ecb12g; main f64e19a; ``--data /work/shared/data``, defaults,
about 5 s CPU; 758 same-event and 1,048 other-event tune pairs, drawn over the tune topics
only, so not the pairs of ``evidence_bench.py``'s 40-per-event rows)::

    package constants, in-sample         same 0.876 (664/758)  other 0.046 (48/1048)
    chosen without the topic, held out   same 0.873 (662/758)  other 0.054 (57/1048)
    detail switch, package thresholds    same 0.821 (622/758)  other 0.034 (36/1048)

Per held-out topic the other-event pairs judged related are 9, 21, 5 and 21 of 100 in topics
5, 9, 13 and 25 (package constants: 9, 19, 5, 14) and 0-1 in the other seven: the topics whose
two events share their cast (one coach fired and hired; a rule and its reversal; one church,
two fires; two running backs of one team). The grid never chose the detail switch; it costs
42 same-event pairs for 12 other-event ones. Without ``same-lead``: same 655, other 41; without
``shared-vocabulary``: 643 and 45; without both: 631 and 35, each on the rules' own curve (about
a same-event pair lost per other-event pair saved). Thresholds chosen without a cast-sharing
topic judge it worse (topic 25: 21 against 14), so the tune part's other-event rate is an
in-sample figure; ``evidence_bench.py``'s measure-only topics (0.167-0.185 lone) hold more such
topics than eleven tune topics can show.

Session 35 (2026-12-03, ecb12h; story rule 7: headline-case and dateline words, sentence
openers also written in lower case and "PM"/"MPs" no longer names; ``--data
/work/shared/data``, defaults), beside main e4c5061 in the same session::

                                         main e4c5061           this
    package constants, in-sample         same 0.880 other 0.051  same 0.880 other 0.055
    chosen without the topic, held out   same 0.880 other 0.071  same 0.880 other 0.058
    detail switch, package thresholds    same 0.825 other 0.040  same 0.835 other 0.038

A figure-or-date ``detail`` (the weak name rules also need a shared figure with its unit or a
shared calendar date), tried on a copy of this script: in-sample 642/758 same and 31/1048
other at the package thresholds; left out one topic at a time it is chosen only under a 3%
cap (held out 0.846 / 0.034), on the thresholds' own curve; not built.

Session 36 (ecb12i, main 70dca75, defaults): ``names-and-date`` for a day written without a
year within 2 days of the other's (commit 44599cb, tried and reverted; this script re-derived
it there as a rule after the conflicts): in-sample same 0.880 -> 0.887 (667 -> 672 of 758),
other 0.055 -> 0.055 (58 of 1,048); held out 0.880 / 0.058 -> 0.888 / 0.058. Not kept on the
measure-only part (``bench/evidence_bench.py``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evidence_bench as eb  # noqa: E402

from storytrace import evidence as ev  # noqa: E402
from storytrace.align import BULK, compare  # noqa: E402
from storytrace.evidence import _profile  # noqa: E402

REUSE = {"duplicate", "spun", "copied", "reworded", "shared-quote"}
BEFORE_CONFLICTS = {"names-and-date", "same-event", "shared-passage"}
CONFLICTS = {"different-place", "different-time"}
DETAIL_RARITY = 0.8
LEADING = 3


def tune_rows(data: Path, per_event: int, per_topic: int) -> list[dict]:
    """One row per tune pair: kind, topic, verdict and the evidence the name rules read."""
    os.environ["STORYTRACE_ENTITIES"] = "rules"
    ecb = eb.ecbplus_data.load_ecb(data / "ecbplus" / "ECB+")
    ecb = {d: m for d, m in ecb.items() if m["topic"] % 4 == 1}  # the tune topics, nothing else
    drawn = eb.ecb_pairs(ecb, random.Random(eb.SEED), per_event, per_topic)
    rows = []
    for kind in ("same", "other"):
        for a, b in drawn[kind]:
            cmp = compare(ecb[a]["text"], ecb[b]["text"], BULK)
            e = cmp.evidence
            sal = [_profile(ecb[d]["text"], (), "rules").salience for d in (a, b)]
            top = set().union(*(sorted(s, key=lambda w: -s[w])[:LEADING] for s in sal))
            detail = bool(e.dates) or any(
                n.weight >= DETAIL_RARITY and n.key not in top for n in e.names
            )
            rows.append(
                {
                    "kind": kind,
                    "topic": ecb[a]["topic"],
                    "related": cmp.verdict != "unrelated",
                    "rule": e.rule,
                    "held": set(e.held),
                    "focus": e.focus,
                    "lead": e.lead,
                    "vocabulary": e.vocabulary,
                    "named": e.name_weight >= ev.NAMES_MIN,
                    "detail": detail,
                }
            )
    return rows


def decide(r: dict, p: tuple) -> bool:
    """``evidence.gather``'s order of rules, with thresholds ``p`` (and the detail switch)."""
    strong, least, with_words, lead, vocabulary, detail = p
    if r["rule"] in REUSE:
        return True
    if r["named"] and r["focus"] >= strong:
        return True
    if r["held"] & BEFORE_CONFLICTS:
        return True
    if r["held"] & CONFLICTS or not r["named"]:
        return False
    weak = r["focus"] >= least or (
        r["focus"] >= with_words and (r["lead"] >= lead or r["vocabulary"] >= vocabulary)
    )
    return weak and (not detail or r["detail"])


PACKAGE = (ev.FOCUS_STRONG, ev.FOCUS_MIN, ev.FOCUS_WITH_WORDS, ev.LEAD_MIN, ev.VOCABULARY_MIN, 0)
GRID = list(
    itertools.product(
        (0.35, 0.4, 0.45, 0.5, 0.6),
        (0.3, 0.35, 0.4, 0.45),
        (0.2, 0.26, 0.3, 0.35, 9.0),  # 9: same-lead and shared-vocabulary off
        (0.3, 0.4, 0.5),
        (0.25, 0.3, 0.35),
        (0, 1),
    )
)


def counts(rows: list[dict], p: tuple) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        out[r["kind"]][0] += decide(r, p)
        out[r["kind"]][1] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=eb.DATA)
    ap.add_argument("--per-event", type=int, default=100)
    ap.add_argument("--per-topic", type=int, default=100)
    ap.add_argument("--cap", type=float, default=0.05, help="other-event rate allowed in tuning")
    args = ap.parse_args()
    rows = tune_rows(args.data, args.per_event, args.per_topic)
    wrong = sum(decide(r, PACKAGE) != r["related"] for r in rows)
    if wrong:
        print(f"re-derived verdicts differ from evidence.gather on {wrong} pairs", file=sys.stderr)
        return 1

    def rate(c: dict, k: str) -> float:
        return c[k][0] / max(1, c[k][1])

    def best(train: list[dict]) -> tuple:
        scored = [(counts(train, p), p) for p in GRID]
        ok = [s for s in scored if rate(s[0], "other") <= args.cap] or scored
        return max(ok, key=lambda s: (rate(s[0], "same"), -rate(s[0], "other")))[1]

    held: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'topic':>5}  chosen (strong, min, with words, lead, vocabulary, detail)  held out")
    for t in sorted({r["topic"] for r in rows}):
        p = best([r for r in rows if r["topic"] != t])
        c = counts([r for r in rows if r["topic"] == t], p)
        m = counts([r for r in rows if r["topic"] == t], PACKAGE)
        for k in ("same", "other"):
            held[k][0] += c[k][0]
            held[k][1] += c[k][1]
        print(
            f"{t:5d}  {p!s:58}  same {c['same'][0]}/{c['same'][1]} other "
            f"{c['other'][0]}/{c['other'][1]} (package: {m['same'][0]}, {m['other'][0]})"
        )
    pk = counts(rows, PACKAGE)
    det = counts(rows, PACKAGE[:5] + (1,))
    for name, c in (
        ("package constants, in-sample", pk),
        ("chosen without the topic, held out", held),
        ("detail switch, package thresholds", det),
    ):
        print(
            f"{name:36} same {rate(c, 'same'):.3f} ({c['same'][0]}/{c['same'][1]})  "
            f"other {rate(c, 'other'):.3f} ({c['other'][0]}/{c['other'][1]})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
