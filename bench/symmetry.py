"""Does swapping the two texts change the story? ``compare(a, b)`` against ``compare(b, a)``.

Run: ``PYTHONPATH=src .venv/bin/python bench/symmetry.py [--data ../shared/data]``; give
another checkout's ``src`` on ``PYTHONPATH`` to count its asymmetric pairs on the same pairs.

Every pair of each set is compared in both orders and the second result mirrored (A and B
swapped back); a pair is counted when any of these differ: ``verdict``, ``rule`` (the
evidence's), ``passages`` (spans and kinds), ``coverage``, ``revision`` (the grade) and
``revision_features``, ``evidence`` (rules held, caveat, scores, the shared quotes, names,
figures and dates and the conflicts with their spans), ``edge`` (whether a reuse edge is
stored, its direction), and with the full options ``quotes`` and ``spin_flags``. Sets
(research data under ``../shared/data``, read at run time, never copied; tune sets only):

* ``ecb``: every pair of two documents within one ECB+ tune topic (``topic % 4 == 1``, as
  ``bench/evidence_bench.py`` splits them), 3,411 pairs; ``ecblexical`` (not run by default,
  90 s): every fourth of them with ``Options(semantic="lexical")``;
* ``bbc``: ``bench/compare_bench.py``'s 400 pairs (edited copies, excerpts, reordered
  copies, unrelated), bulk and full options;
* ``bbcindex``: given ``--index DB`` (a store of all 2,225 BBC articles, ``storytrace index``),
  every stored edge and every pair of articles within one story;
* ``polnear``: ``bench/evidence_bench.py``'s PolNeAR train pairs (same publisher, other
  stories; other events with the same cast);
* ``lift``: ``bench/sentence_reuse.py``'s lifted pairs of its BBC tune seeds (``--seeds``,
  500 articles, 50 pairs of each of the six variants a seed).

Results (2026-12-03, session 38, sym12k; base = main 89d5d80, this ``src`` = the sym12k
branch; bulk options unless said; CPU 2-11 s a set and version):

| set | pairs | base: asymmetric | verdict | rule | passages | now |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| ECB+ tune topics, every pair | 3,411 | 289 | 30 | 32 | 224 | 0 |
| the same, 1 in 4, ``semantic="lexical"`` | 853 | 113 | 8 | 9 | 63 | 0 |
| BBC compare_bench pairs | 400 | 12 | 0 | 0 | 8 | 0 |
| the same, full options (quotes, spin) | 400 | 16 | 0 | 0 | 8 | 0 |
| BBC index (2,225): edges and pairs within stories | 4,302 | 200 | 5 | 7 | 152 | 0 |
| PolNeAR train pairs | 306 | 1 | 0 | 0 | 1 | 0 |
| lifted pairs, BBC tune seeds 1-6, 9-12 | 3,000 | 379 | 7 | 7 | 139 | 0 |
| fixture texts (tests/, examples/), every pair | 406 | 10 | 0 | 0 | 4 | 0 |

CPU (load 11-16 on 2 cores): alternating processes timing ``compare`` on compare_bench's 400
pairs, base = main 5535474, 4 rounds each, µs a pair: bulk 2,519 / now 2,500, full 11,997 /
12,073; the least of 3-5 repeats a pair (3 rounds): bulk 416 / 422, full 836 / 824.
``bench/compare_bench.py --pairs 400 --char-pairs 20 --corpus-texts 100`` once each in turn:
bulk 2,595 / 2,371, full 14,372 / 12,820, all-pairs batch 810 / 750 CPU µs a pair, but the
load fell between the two runs (bulk wall rate 231 / 415 pairs/s): no change measured.

Base's other differences: ECB+ coverage 205, reuse edge 37, evidence 46, revision grade 26,
revision features 146; BBC full options: quotes 4; BBC index coverage 117, edge 25, evidence
16; lifted pairs coverage 63, evidence 46, revision features 348. Causes, each read on
ECB+ tune pairs and fixed in the alignment (``docs/verdict.md``, "Argument order"): word
edits (Levenshtein's ties read in A's order: 228 -> 79 asymmetric ECB+ pairs once fixed),
sentence pairing (support window 2 sentences in A, 3 in B; best-match ties in A's bag order:
-> 58), trimming (a replacement's words found elsewhere in A counted, in B not: -> 26),
chaining (runs linked in A's order: -> 0); with ``semantic="lexical"``, synonyms matched
greedily in A's order and float sums in A's order (113 -> 2 by the fixes above, -> 0).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from storytrace.align import BULK, DEFAULT, Comparison, Options, compare  # noqa: E402
from storytrace.stories import reuse_edge  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _side(key: str, mirror: bool) -> str:
    """A coverage key of the other side when ``mirror`` (``a_copied`` -> ``b_copied``)."""
    if mirror and key[:1] in ("a", "b") and key[1:2] in ("", "_"):
        return {"a": "b", "b": "a"}[key[0]] + key[1:]
    return key


def story(cmp: Comparison, mirror: bool = False) -> dict:
    """What a reader is told about a pair, A and B swapped back when ``mirror`` (also what
    ``tests/test_symmetry.py`` compares)."""

    def pair(a: object, b: object) -> tuple:
        return (b, a) if mirror else (a, b)

    ev = cmp.evidence

    def facts(xs: list) -> list:
        return sorted(pair(tuple(f.a), tuple(f.b)) for f in xs)

    edge = reuse_edge(cmp, {"id": "x"}, {"id": "y"})
    direction = None
    if edge is not None and edge.direction is not None:
        d = edge.direction
        direction = (d.basis, *pair(d.source, d.target))
    rev = cmp.revision_features
    out = {
        "verdict": cmp.verdict,
        "rule": ev.rule,
        "passages": sorted((*pair(tuple(p.a), tuple(p.b)), p.kind) for p in cmp.passages),
        "coverage": {_side(k, mirror): round(v, 6) for k, v in cmp.coverage.items()},
        "revision": cmp.revision,
        "revision_features": None
        if rev is None
        else [round(x, 6) for x in (rev.kept, rev.reworded, rev.edits_per_100, rev.reordered)],
        "evidence": (
            sorted(ev.held),
            ev.caveat,
            [round(x, 6) for x in (ev.focus, ev.vocabulary, ev.lead, ev.event)],
            [facts(xs) for xs in (ev.quotes, ev.names, ev.numbers, ev.dates)],
            sorted(
                (c.kind, c.rule, *pair((tuple(c.a), c.a_value), (tuple(c.b), c.b_value)))
                for c in ev.conflicts
            ),
        ),
        "edge": (edge is not None and edge.verdict, direction),
    }
    if cmp.quotes is not None:
        out["quotes"] = sorted(
            (*pair(m.a.to_dict()["content"], m.b.to_dict()["content"]), m.label) for m in cmp.quotes
        )
    if cmp.spin is not None:
        flip = {"a": "b", "b": "a"}
        out["spin_flags"] = sorted(
            (flip[f.side] if mirror else f.side, tuple(f.span)) for f in cmp.spin_flags
        )
    return out


def check(name: str, pairs: list, texts: dict, options: Options, show: int) -> None:
    kinds: Counter[str] = Counter()
    bad = []
    t0 = time.process_time()
    for x, y in pairs:
        ab = story(compare(texts[x], texts[y], options))
        ba = story(compare(texts[y], texts[x], options), mirror=True)
        diff = [k for k in ab if ab[k] != ba[k]]
        kinds.update(diff)
        if diff:
            bad.append((x, y, diff, ab["verdict"], ba["verdict"], ab["rule"], ba["rule"]))
    cpu = time.process_time() - t0
    what = " ".join(f"{k}={v}" for k, v in sorted(kinds.items()))
    print(f"{name:34} {len(pairs):6} {len(bad):6}  {what}  ({cpu:.0f} s CPU)", flush=True)
    for b in bad[:show]:
        print("   ", *b)


def ecb_pairs(data: Path) -> tuple[list, dict]:
    import ecbplus_data

    docs = ecbplus_data.load_ecb(data / "ecbplus" / "ECB+")
    by_topic = defaultdict(list)
    for d, m in docs.items():
        by_topic[m["topic"]].append(d)
    pairs = [
        p for t, ds in sorted(by_topic.items()) if t % 4 == 1 for p in combinations(sorted(ds), 2)
    ]
    return pairs, {d: m["text"] for d, m in docs.items()}


def bbc_pairs(data: Path) -> tuple[list, dict]:
    import compare_bench

    texts, pairs = {}, []
    for p in compare_bench.build_pairs(compare_bench.load_bbc(data / "bbc" / "bbc"), 400):
        texts[p["id"] + ":a"], texts[p["id"] + ":b"] = p["a_text"], p["b_text"]
        pairs.append((p["id"] + ":a", p["id"] + ":b"))
    return pairs, texts


def index_pairs(db: Path) -> tuple[list, dict]:
    con = sqlite3.connect(db / "storytrace.db")
    ids = dict(con.execute("SELECT doc, id FROM articles"))
    texts = {ids[d]: t for d, t in con.execute("SELECT doc, text FROM articles")}
    pairs = {tuple(sorted((ids[a], ids[b]))) for a, b in con.execute("SELECT a, b FROM edges")}
    stories = defaultdict(list)
    for d, s in con.execute("SELECT doc, story FROM story_of"):
        stories[s].append(ids[d])
    for ds in stories.values():
        pairs |= set(combinations(sorted(ds), 2))
    return sorted(pairs), texts


def polnear_pairs(data: Path) -> tuple[list, dict]:
    import evidence_bench as eb

    eb.POLNEAR = data / "polnear" / "data"
    docs = eb.load_polnear("train")
    rng = random.Random(eb.SEED)
    pairs = eb.polnear_pairs(docs, rng) + eb.cast_pairs(docs, rng)
    return pairs, {k: d["text"] for k, d in docs.items()}


def lift_pairs(data: Path, seeds: list[int]) -> tuple[list, dict]:
    import sentence_reuse as sr

    pairs, texts = [], {}
    for seed in seeds:
        base = sr.load("bbc", 500, seed, "", data / "bbc" / "bbc")
        vocab = sorted({w for t in base.values() for w in t.split()})
        for v, variant in enumerate(sr.VARIANTS):
            made, lifted = sr.make(base, 50, variant, seed * 100 + v, vocab, True)
            for a, b in sorted(lifted):
                ka, kb = f"{seed}/{variant}/{a}", f"{seed}/{variant}/{b}"
                texts[ka], texts[kb] = made[a], made[b]
                pairs.append((ka, kb))
    return pairs, texts


def fixture_pairs() -> tuple[list, dict]:
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    files = [p for p in files if "wordnet" not in p.parts]
    files += sorted((ROOT / "examples").glob("*.txt"))
    texts = {str(p.relative_to(ROOT)): p.read_text("utf-8") for p in files}
    return list(combinations(sorted(texts), 2)), texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sets", default="ecb,bbc,polnear,lift,fixtures")
    ap.add_argument("--index", type=Path, help="a store of BBC articles: the bbcindex set")
    ap.add_argument("--seeds", default="1,2,3,4,5,6,9,10,11,12", help="sentence_reuse seeds")
    ap.add_argument("--show", type=int, default=0, help="print this many asymmetric pairs")
    args = ap.parse_args()
    import storytrace

    print(f"storytrace from {Path(storytrace.__file__).parent}")
    print(f"{'set':34} {'pairs':>6} {'asym':>6}  differing (pairs)")
    sets = args.sets.split(",")
    if "ecb" in sets:
        check("ECB+ tune topics, every pair", *ecb_pairs(args.data), BULK, args.show)
    if "ecblexical" in sets:  # sentences also paired by semantic.py's lexical similarity
        pairs, texts = ecb_pairs(args.data)
        lexical = Options(quotes=False, spin=False, semantic="lexical")
        check("ECB+ tune, 1 pair in 4, lexical", pairs[::4], texts, lexical, args.show)
    if "bbc" in sets:
        pairs, texts = bbc_pairs(args.data)
        check("BBC compare_bench pairs", pairs, texts, BULK, args.show)
        check("BBC compare_bench pairs, full", pairs, texts, DEFAULT, args.show)
    if args.index:
        check("BBC index edges + story pairs", *index_pairs(args.index), BULK, args.show)
    if "polnear" in sets:
        check("PolNeAR train pairs", *polnear_pairs(args.data), BULK, args.show)
    if "lift" in sets:
        seeds = [int(s) for s in args.seeds.split(",")]
        check("lifted pairs, BBC tune seeds", *lift_pairs(args.data, seeds), BULK, args.show)
    if "fixtures" in sets:
        check("fixture texts, every pair", *fixture_pairs(), BULK, args.show)


if __name__ == "__main__":
    main()
