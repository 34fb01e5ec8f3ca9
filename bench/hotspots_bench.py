"""CPU of two hot spots of ``index``, for two code versions in the same run (issue 16).

1. :func:`storytrace.semantic.reworded_passages` on pairs with a ``spun`` passage, where
   ``compare`` pairs the free sentences of both sides: the six BBC pairs an ``index`` of the
   whole BBC folder sends there, and ``--spun`` BBC articles spun by ``bench/spinner.py``
   with ``--tail`` unrelated articles after each side (many free sentences on both sides).
2. :func:`storytrace.evidence.wire_credits` on BBC articles, as ``stories.reuse_edge``
   calls it (twice per edge, with the passage spans).

Each ``--src`` (a ``src`` folder; the first is usually the old code) is timed in its own
process, alternating ``--rounds`` times; the inputs to both functions are built first and the
timed loop calls only them. Prints CPU ms per call and a digest of the outputs, which must
be equal across versions::

    nice -n 10 .venv/bin/python bench/hotspots_bench.py --src /tmp/old/src src

Results (2026-12-01 07:17 UTC, 2 cores shared by 7 agents, load 2-4; old = main at 44bca19,
new = 39c1de8, the same code with this change; each row one command, two processes per
version alternating, CPU ms per call; output digests equal in every row)::

    SRC="--src /tmp/old/src /tmp/new/src"
    nice -n 10 .venv/bin/python bench/hotspots_bench.py $SRC --spun 0
    nice -n 10 .venv/bin/python bench/hotspots_bench.py $SRC --no-index-pairs --tail 1
    nice -n 10 .venv/bin/python bench/hotspots_bench.py $SRC --no-index-pairs --tail 4 --rounds 1

| case | old | new | old / new |
|---|---|---|---|
| reworded_passages, the 6 BBC index pairs | 25.7 / 25.8 | 10.3 / 10.7 | 2.4x |
| reworded_passages, 6 spun pairs, 1 unrelated article a side | 93.8 / 94.9 | 26.1 / 26.0 | 3.6x |
| reworded_passages, 6 spun pairs, 4 unrelated articles a side | 1,326 / 1,429 | 490 / 468 | 2.9x |
| wire_credits, 400 BBC articles + the pairs' sides | 0.55-0.65 | 0.036-0.043 | 15x |

Sentence pairing stays quadratic in the free sentences (every pair's similarity decides the
mutual best matches; the slowest call above, 57 x 440 sentences, takes about 0.9 s new). An
``index`` of the whole BBC folder (quotes off, one worker; new = 690b280, before the last two
semantic steps) took 14.26 / 13.75 CPU s old and 12.30 / 12.12 new, alternating; its 700
stored edges are identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from srcpath import src_folder

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc" / "bbc"
INDEX_PAIRS = [
    ("politics/363.txt", "politics/375.txt"),
    ("entertainment/053.txt", "entertainment/049.txt"),
    ("business/202.txt", "business/251.txt"),
    ("entertainment/182.txt", "entertainment/195.txt"),
    ("politics/252.txt", "politics/218.txt"),
    ("business/065.txt", "business/075.txt"),
]
"""The pairs that reached reworded_passages in an ``index`` of the whole BBC folder."""


def _read(rel: str) -> str:
    return (BBC / rel).read_text(encoding="latin-1")


def _child(spun: int, rounds: int, tail: int, index_pairs: bool) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from spinner import spin

    from storytrace import semantic
    from storytrace.align import BULK, compare
    from storytrace.evidence import wire_credits

    seen: list = []
    orig = semantic.reworded_passages

    def keep(doc_a, doc_b, found, mode=None):  # type: ignore[no-untyped-def]
        seen.append((doc_a, doc_b, found, mode))
        return orig(doc_a, doc_b, found, mode)

    semantic.reworded_passages = keep
    pairs = [(_read(a), _read(b)) for a, b in INDEX_PAIRS] if index_pairs else []
    files = sorted(BBC.glob("*/*.txt"))
    for k in range(spun):
        src = files[(37 * k) % len(files)].read_text(encoding="latin-1")
        other_a = [files[(37 * k + 500 + t) % len(files)] for t in range(tail)]
        other_b = [files[(37 * k + 1000 + t) % len(files)] for t in range(tail)]
        spun_text, _ = spin(src, 0.3, seed=k)
        pairs.append(
            (
                "\n\n".join([src] + [f.read_text(encoding="latin-1") for f in other_a]),
                "\n\n".join([spun_text] + [f.read_text(encoding="latin-1") for f in other_b]),
            )
        )
    cmps = [compare(a, b, BULK) for a, b in pairs]
    semantic.reworded_passages = orig
    calls = list(seen)
    edges = [
        (c.a.text, [p.a for p in c.passages], c.b.text, [p.b for p in c.passages]) for c in cmps
    ]
    texts = [f.read_text(encoding="latin-1") for f in files[:400]]
    wire_jobs = [(t, [(len(t) // 3, len(t) // 2)]) for t in texts] + [
        (t, near) for ta, na, tb, nb in edges for t, near in ((ta, na), (tb, nb))
    ]
    orig(*calls[0])  # warm-up: the thesaurus loads here
    digest = hashlib.sha256()
    t = time.process_time()
    for _ in range(rounds):
        for call in calls:
            out, mode = orig(*call)
    sem_ms = (time.process_time() - t) * 1000 / (rounds * len(calls))
    for call in calls:
        digest.update(repr(orig(*call)).encode())
    t = time.process_time()
    for _ in range(rounds):
        for text, near in wire_jobs:
            wire_credits(text, near)
    wire_ms = (time.process_time() - t) * 1000 / (rounds * len(wire_jobs))
    for text, near in wire_jobs:
        digest.update(repr(wire_credits(text, near)).encode())
    return {
        "semantic_calls": len(calls),
        "semantic_ms": sem_ms,
        "wire_calls": len(wire_jobs),
        "wire_ms": wire_ms,
        "digest": digest.hexdigest()[:16],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--src",
        nargs="+",
        type=src_folder,
        default=[str(ROOT / "src")],
        help="src folders (or checkouts) to time",
    )
    ap.add_argument("--spun", type=int, default=6, help="spun BBC pairs with unrelated tails")
    ap.add_argument("--tail", type=int, default=1, help="unrelated articles after each side")
    ap.add_argument("--no-index-pairs", action="store_true", help="only the spun pairs")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per process")
    ap.add_argument("--alternate", type=int, default=2, help="processes per src, alternating")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.spun, args.rounds, args.tail, not args.no_index_pairs)))
        return
    results: dict[str, list[dict]] = {s: [] for s in args.src}
    for _ in range(args.alternate):
        for src in args.src:
            env = {**os.environ, "PYTHONPATH": src}
            cmd = [sys.executable, __file__, "--child", "--spun", str(args.spun)]
            cmd += ["--rounds", str(args.rounds), "--tail", str(args.tail)]
            cmd += ["--no-index-pairs"] if args.no_index_pairs else []
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            results[src].append(json.loads(out.stdout.strip().splitlines()[-1]))
    for src, runs in results.items():
        r0 = runs[0]
        sem = " / ".join(f"{r['semantic_ms']:.2f}" for r in runs)
        wire = " / ".join(f"{r['wire_ms']:.3f}" for r in runs)
        print(
            f"{src}: reworded_passages {sem} CPU ms per call ({r0['semantic_calls']} calls); "
            f"wire_credits {wire} CPU ms per call ({r0['wire_calls']} calls); "
            f"outputs {sorted({r['digest'] for r in runs})}"
        )


if __name__ == "__main__":
    main()
