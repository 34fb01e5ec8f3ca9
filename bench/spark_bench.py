"""Benchmark: the Spark pipeline in local mode beside the embedded engine, same corpus, same run.

Two corpora, both built with a fixed seed:

* ``--corpus synthetic`` (the default): the generator of ``bench/scale.py``: articles of made-up
  words from a Zipf vocabulary, 2% near-duplicates of an earlier article and 2% carrying a
  50-word excerpt of one. Unrelated articles share no passages, so the corpus grows to 100,000
  without chaining, and the injected pairs are ground truth: "recall" is the share of them
  that end in one story.
* ``--corpus bbc``: every article of ``../shared/data/bbc``, then derived articles until N: a
  copy with a few words edited, an excerpt of two paragraphs set inside another article's
  paragraphs, or a copy with its paragraphs reversed (1 in 3 each). With only 2,225 originals,
  each is copied dozens of times at 100k, and excerpts chain unrelated originals into large
  stories: this corpus measures throughput only.

Both engines index the corpus and compute all reuse and stories; times are wall-clock.

Run: ``.venv/bin/python bench/spark_bench.py --sizes 2000 10000 100000 [--corpus bbc]``
(``--master`` sets the Spark master; default ``local[2]``).

Last results (2026-12-01, synthetic corpus, local[2], machine loaded to about 11 on 2 cores):
2,000 articles: Spark 213 s, embedded 11 s; 10,000: 353 s vs 81 s. The same story groups in both
engines ("same groups": yes), recall 1.000 (table in docs/spark.md). Earlier (2026-11-23, quiet
machine, single-link): 2,000: 22 s vs 3 s; 10,000: 43 s vs 13 s; 100,000: 507 s vs 116 s.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_corpus  # noqa: E402

from storytrace import corpus  # noqa: E402
from storytrace import spark as sp  # noqa: E402
from storytrace.articles import decode_bytes  # noqa: E402

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


def pair_recall(truth: list[tuple[str, str]], stories: list[dict]) -> str:
    """Share of the injected pairs whose two articles end in one story."""
    if not truth:
        return "–"
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    hit = sum(1 for a, b in truth if a in story_of and story_of.get(a) == story_of.get(b))
    return f"{hit / len(truth):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--corpus", choices=["synthetic", "bbc"], default="synthetic")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc" / "bbc")
    args = ap.parse_args()
    if args.corpus == "bbc" and not args.data.is_dir():
        sys.exit(f"BBC data not found at {args.data}")
    print(f"corpus: {args.corpus}")
    print(
        "| articles | engine | index s | reuse + stories s | total s | pairs | stories | recall "
        "| same groups |",
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    spark = sp.session(args.master)
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="stbench"))
        src = tmp / "corpus.jsonl"
        truth: list[tuple[str, str]] = []
        if args.corpus == "bbc":
            build(n, args.data, src)
        else:
            injected = make_corpus(n, src)
            truth = [(f"a{j:06d}", f"a{i:06d}") for kind in injected.values() for j, i in kind]

        t0 = time.perf_counter()
        counts = sp.run(spark, str(src), str(tmp / "out"), ("index",))
        t1 = time.perf_counter()
        counts |= sp.run(spark, str(src), str(tmp / "out"), ("reuse", "stories"))
        t2 = time.perf_counter()
        found = sp.read_output(str(tmp / "out"))["stories"]
        spark_groups = {frozenset(s["articles"]) for s in found}
        print(
            f"| {n} | spark {args.master} | {t1 - t0:.0f} | {t2 - t1:.0f} | {t2 - t0:.0f} | "
            f"{counts['pairs']} | {len(found)} | {pair_recall(truth, found)} | |",
            flush=True,
        )

        t0 = time.perf_counter()
        corpus.index([str(src)], tmp / "db", workers=2)
        t1 = time.perf_counter()
        found = corpus.stories(tmp / "db")["stories"]
        t2 = time.perf_counter()
        n_edges = sum(len(s["edges"]) for s in found)
        same = {frozenset(s["articles"]) for s in found} == spark_groups
        print(
            f"| {n} | embedded (SQLite, 2 workers) | {t1 - t0:.0f} | {t2 - t1:.0f} | "
            f"{t2 - t0:.0f} | {n_edges} edges | {len(found)} | {pair_recall(truth, found)} | "
            f"{'yes' if same else 'NO'} |",
            flush=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)
    spark.stop()


if __name__ == "__main__":
    main()
