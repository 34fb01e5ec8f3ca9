"""Word alignment on MultiMWA (MTRef: news paraphrases; Wiki), tune and measure parts.

Reads <data>/multimwa (research-use data, read at run time only). Standard scoring: precision
against sure+possible links, recall against sure links, F1. Systems: ``semantic.word_links``
(equal words on an edit-distance alignment, thesaurus synonyms inside replaced stretches,
then reordered equal words and synonyms) beside a difflib baseline (SequenceMatcher matching
blocks on lower-cased tokens). Until session 41 this bench read the dev sets only, so they
are the tune part; the train sets, never read before, are the measure-only part.

    .venv/bin/python bench/multimwa.py [--data ../shared/data]

Session 41 (2026-12-04, the lead; main 69f1b96, Moby and WordNet inside the package;
``PYTHONPATH=src nice -n 5 .venv/bin/python bench/multimwa.py --data /work/shared/data``,
6.7 s wall, load 3-5)::

    | set                         | system     | precision | recall | F1    |
    | MTRef dev, tune (800)       | difflib    | 0.966     | 0.540  | 0.693 |
    | MTRef dev, tune (800)       | word_links | 0.924     | 0.660  | 0.770 |
    | MTRef train, measure (2398) | difflib    | 0.967     | 0.441  | 0.606 |
    | MTRef train, measure (2398) | word_links | 0.924     | 0.543  | 0.684 |
    | Wiki dev, tune (533)        | difflib    | 0.996     | 0.942  | 0.968 |
    | Wiki dev, tune (533)        | word_links | 0.992     | 0.950  | 0.970 |
    | Wiki train, measure (2514)  | difflib    | 0.998     | 0.939  | 0.967 |
    | Wiki train, measure (2514)  | word_links | 0.995     | 0.945  | 0.969 |

On the part never read, word_links keeps its lead over difflib on news paraphrases (F1 +0.078
on MTRef train, +0.077 on dev), though both find fewer sure links there (recall 0.543 vs
0.660): MTRef train's pairs reword more than dev's, for the baseline as much as for us.
Recall on reworded news stays the weak side (about half the sure links).

Earlier (dev only):

Result (2026-11-23, 2-core CPU):

| set | system | precision | recall | F1 | sentence pairs/s |
|---|---|---|---|---|---|
| MTRef dev (800) | difflib | 0.966 | 0.540 | 0.693 | 36506 |
| MTRef dev (800) | storytrace word_links | 0.924 | 0.657 | 0.768 | 793 |
| Wiki dev (533) | difflib | 0.996 | 0.942 | 0.968 | 36250 |
| Wiki dev (533) | storytrace word_links | 0.992 | 0.950 | 0.970 | 4312 |

That is with Moby alone. With WordNet installed too (same day): MTRef word_links
0.924 / 0.660 / F1 0.770 (the first set's speed, 393 pairs/s, includes loading
WordNet); Wiki unchanged.
"""

from __future__ import annotations

import argparse
import difflib
import time
from pathlib import Path

from storytrace.semantic import word_links

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
# Dev was the only part this bench read until session 41 (so it is the tune part); train was
# never read before, so it is the measure-only part.
SETS = {
    "MTRef dev, tune": "MultiMWA-MTRef/mtref-dev.tsv",
    "MTRef train, measure": "MultiMWA-MTRef/mtref-train.tsv",
    "Wiki dev, tune": "MultiMWA-Wiki/wiki-dev.tsv",
    "Wiki train, measure": "MultiMWA-Wiki/wiki-train.tsv",
}


def parse(links: str) -> set[tuple[int, int]]:
    return {tuple(map(int, x.split("-"))) for x in links.split()}  # type: ignore[misc]


def load(path: Path) -> list[tuple[list[str], list[str], set, set]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 8:
            continue
        sure = parse(f[7])
        possible = parse(f[8]) if len(f) > 8 else set()
        out.append((f[1].split(), f[3].split(), sure, possible))
    return out


def difflib_links(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    sm = difflib.SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b], False)
    return [(m.a + k, m.b + k) for m in sm.get_matching_blocks() for k in range(m.size)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    print(
        "| set | system | precision | recall | F1 | sentence pairs/s |\n|---|---|---|---|---|---|"
    )
    for name, rel in SETS.items():
        rows = load(args.data / "multimwa" / rel)
        for sysname, fn in (("difflib", difflib_links), ("storytrace word_links", word_links)):
            t = time.perf_counter()
            tp_p = n_pred = tp_r = n_sure = 0
            for a, b, sure, possible in rows:
                pred = set(fn(a, b))
                n_pred += len(pred)
                tp_p += len(pred & (sure | possible))
                tp_r += len(pred & sure)
                n_sure += len(sure)
            rate = len(rows) / (time.perf_counter() - t)
            p, r = tp_p / max(1, n_pred), tp_r / max(1, n_sure)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(
                f"| {name} ({len(rows)}) | {sysname} | {p:.3f} | {r:.3f} | {f1:.3f} | {rate:.0f} |"
            )


if __name__ == "__main__":
    main()
