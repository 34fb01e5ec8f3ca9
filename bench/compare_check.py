"""Identity check: the JSON of ``compare`` on BBC pairs and the seeds, to diff two code versions.

A speed change must not change results. Run this once with the old code on the path and once
with the new, then diff the two files (``--against`` does it and names the first differences):

    PYTHONPATH=/old/src .venv/bin/python bench/compare_check.py --out /tmp/old.jsonl
    PYTHONPATH=src .venv/bin/python bench/compare_check.py --out /tmp/new.jsonl \\
        --against /tmp/old.jsonl

Each line is one comparison's ``to_dict()``: alignment only (``align.BULK``) and full, for
``--pairs`` pairs of ``bench/compare_bench.py`` under each of two seeds (7, the bench's, and 13),
``--spun`` BBC articles each against a copy spun by ``bench/spinner.py`` (Moby; rates 0.15,
0.3, 0.45 in turn), plus every pair of texts in ``--seeds`` (``../shared/seeds``) and
``examples/``, and batch mode (``pairs.compare_records``, 2 workers, full JSON) on all pairs of
40 BBC texts (``compare_bench.corpus_records``); ``--semantic lexical`` runs all of them with
``Options.semantic`` set (the sentence pairing of ``compare --semantic``, which the default
options reach only in spun pairs). Exit status 1 when ``--against`` finds a
difference. Run both versions with this script (only the package on ``PYTHONPATH`` differs), so
both compare the same pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spinner  # noqa: E402
from compare_bench import build_pairs, corpus_records, load_bbc  # noqa: E402

from storytrace.align import BULK, DEFAULT, compare  # noqa: E402
from storytrace.pairs import compare_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _texts(folder: Path) -> list[tuple[str, str]]:
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=200, help="BBC pairs per seed")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc" / "bbc")
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument(
        "--spun", type=int, default=60, help="BBC articles compared with a spun copy of each"
    )
    ap.add_argument(
        "--semantic",
        choices=("lexical", "embedding"),
        help="run every comparison with Options.semantic set (pairs, seeds and batch)",
    )
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--against", type=Path, help="an earlier --out file to compare with")
    args = ap.parse_args()
    jobs: list[tuple[str, str, str]] = []
    if not args.data.is_dir():
        sys.exit(f"BBC data not found at {args.data} (give --data)")
    by_cat = load_bbc(args.data)
    for seed in (7, 13):
        for p in build_pairs(by_cat, args.pairs, seed=seed):
            jobs.append((f"{seed}:{p['id']}", p["a_text"], p["b_text"]))
    # Spun copies (bench/spinner.py, Moby, three rates): the spin detector's flags and the
    # synonym swaps, which the BBC pairs above hardly exercise.
    for k, p in enumerate(build_pairs(by_cat, args.spun, seed=21)):
        spun, _ = spinner.spin(p["a_text"], (0.15, 0.3, 0.45)[k % 3], seed=k)
        jobs.append((f"spun:{k}", p["a_text"], spun))
    for folder in (args.seeds, ROOT / "examples"):
        texts = _texts(folder)
        for i, (na, ta) in enumerate(texts):
            for nb, tb in texts[i + 1 :]:
                jobs.append((f"{folder.name}:{na}|{nb}", ta, tb))
    sets = (("bulk", BULK), ("full", DEFAULT))
    if args.semantic:
        sets = tuple((name, replace(o, semantic=args.semantic)) for name, o in sets)
    with args.out.open("w", encoding="utf-8") as out:
        for key, a, b in jobs:
            for mode, options in sets:
                d = compare(a, b, options).to_dict(include_text=False)
                out.write(json.dumps({"key": f"{mode}:{key}", **d}, ensure_ascii=False) + "\n")
        # Batch mode on all pairs of 40 texts, as ``compare --pairs`` runs it (its own order
        # of work, its processes' caches); the results must equal the single compares'.
        corpus = corpus_records(build_pairs(by_cat, 20, seed=7), 40)
        for d in compare_records(corpus, workers=2, include_text=False, options=sets[1][1]):
            out.write(json.dumps({"key": f"batch:{d['id']}", **d}, ensure_ascii=False) + "\n")
    print(f"{2 * len(jobs) + len(corpus)} comparisons written to {args.out}")
    if args.against:
        old = args.against.read_text(encoding="utf-8").splitlines()
        new = args.out.read_text(encoding="utf-8").splitlines()
        diff = [(o, n) for o, n in zip(old, new, strict=False) if o != n]
        if len(old) != len(new):
            print(f"line counts differ: {len(old)} vs {len(new)}")
        for o, n in diff[:5]:
            print("old:", o[:400], "\nnew:", n[:400], "\n")
        print(f"{len(diff)} of {len(new)} comparisons differ")
        sys.exit(1 if diff or len(old) != len(new) else 0)


if __name__ == "__main__":
    main()
