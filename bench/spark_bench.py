"""Benchmark: the Spark pipeline in local mode beside the embedded engine, same corpus, same run.

The synthetic corpus is built from ``../shared/data/bbc`` with a fixed seed: every BBC article,
then derived articles until N: a copy with a few words edited (1 in 3), an excerpt of two
paragraphs set inside another article's paragraphs (1 in 3), or a copy with its paragraphs in
reverse order (1 in 3). (An earlier version mixed paragraphs of six random articles; at 10,000
articles that chained the whole corpus into two stories, so it measured nothing useful.)
Both engines index the corpus and compute all reuse and stories; times are wall-clock.

Run: ``.venv/bin/python bench/spark_bench.py --sizes 2000 10000 [--master 'local[2]']``

Last results (2026-11-23, 2 cores shared with other jobs): 2,000 articles: Spark 47 s, embedded
7 s; 10,000 articles: Spark 150 s, embedded 70 s; same story count in both (see docs/spark.md).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from storytrace import corpus
from storytrace import spark as sp
from storytrace.articles import decode_bytes

ROOT = Path(__file__).resolve().parents[1]


def build(n: int, data: Path, out: Path, seed: int = 11) -> None:
    rng = random.Random(seed)
    base = [decode_bytes(p.read_bytes(), str(p)).strip() for p in sorted(data.glob("*/*.txt"))]
    paras = [[x for x in t.split("\n") if x.strip()] for t in base]
    with out.open("w") as fh:
        for k in range(n):
            if k < len(base):
                text = base[k]
            else:
                src = paras[rng.randrange(len(base))]
                kind = k % 3
                if kind == 0:
                    words = "\n\n".join(src).split(" ")
                    for _ in range(max(1, len(words) // 40)):
                        words[rng.randrange(len(words))] = rng.choice(["new", "local", "major"])
                    text = " ".join(words)
                elif kind == 1:
                    host = paras[rng.randrange(len(base))]
                    s = rng.randrange(max(1, len(src) - 2))
                    text = "\n\n".join(host[:2] + src[s : s + 2] + host[2:])
                else:
                    text = "\n\n".join(reversed(src))
            fh.write(json.dumps({"id": f"d{k}", "text": text}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc" / "bbc")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"BBC data not found at {args.data}")
    print("| articles | engine | index s | reuse + stories s | total s | pairs | stories |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    spark = sp.session(args.master)
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="stbench"))
        src = tmp / "corpus.jsonl"
        build(n, args.data, src)

        t0 = time.perf_counter()
        counts = sp.run(spark, str(src), str(tmp / "out"), ("index",))
        t1 = time.perf_counter()
        counts |= sp.run(spark, str(src), str(tmp / "out"), ("reuse", "stories"))
        t2 = time.perf_counter()
        n_stories = len(sp.read_output(str(tmp / "out"))["stories"])
        print(
            f"| {n} | spark {args.master} | {t1 - t0:.0f} | {t2 - t1:.0f} | {t2 - t0:.0f} | "
            f"{counts['pairs']} | {n_stories} |",
            flush=True,
        )

        t0 = time.perf_counter()
        corpus.index([str(src)], tmp / "db", workers=2)
        t1 = time.perf_counter()
        result = corpus.stories(tmp / "db", workers=2)
        t2 = time.perf_counter()
        n_edges = sum(len(s["edges"]) for s in result["stories"])
        print(
            f"| {n} | embedded (SQLite, 2 workers) | {t1 - t0:.0f} | {t2 - t1:.0f} | "
            f"{t2 - t0:.0f} | {n_edges} edges | {len(result['stories'])} |",
            flush=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)
    spark.stop()


if __name__ == "__main__":
    main()
