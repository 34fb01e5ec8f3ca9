"""The quotes two articles share (``compare``'s "quotes in both"): this rule beside another.

Run: ``nice -n 10 .venv/bin/python bench/quote_matching.py [--data ../shared/data]
[--baseline-src DIR] [--show N]``

Pairs, both from tune parts only:

* ``ecbplus``: 60 pairs (seed 5) of every ECB+ tune topic (``topic % 4 == 1``), articles of
  one topic: the same event or its twin, many outlets, many quotes in common;
* ``polnear``: every pair of PolNeAR train articles of two outlets published the same day.

Each ``src`` (this one, and ``--baseline-src``: a checkout or its ``src``) extracts the
quotes with the rules (``parser=False``) and pairs them with ``match_quotes`` in a child
process of its own. The table counts the matches each rule shows, by label, and those only
one of them shows. There is no gold: whether two quotes are one statement is read, and
``--show N`` prints N matches only one rule shows (both quotes' words), for a reader.

Session 40 (2026-12-03, the lead): ``PYTHONPATH=src .venv/bin/python bench/quote_matching.py
--data ../shared/data --baseline-src <git archive 2c9f2c7> --show 12``, base = main 2c9f2c7
(half the shorter quote's words in order), this = main after 0422f56 (most of the shorter
quote, 80%, or a run of six words printed alike; a quote of one or two words only identical)
and the session's extraction changes (recall15m, speaker15m)::

    set        pairs  base  this  only base  only this  this by label
    ecbplus      660   119    67         52          0  altered 39, identical 19, trimmed 9
    polnear     1126    50     9         41          0  altered 4, identical 1, trimmed 4
    CPU s this: extraction 4.8, matching 0.67; base: extraction 4.7, matching 0.71

Read: every ecbplus match only the base shows (52, at the commit with both columns extracting
alike: the same 52), each a different statement sharing a stock phrase (a crash report and a
relative's tribute both opening "she was ...", two reporters' words for one fire, opposite
counts of the injured) or a reporter's paraphrase of one statement, none one quote printed
twice; of PolNeAR's (train and dev, 46 then), 40 read, and those ``--show`` printed here: the
same kinds (two statements of one speaker opening alike, a phrase of a quote inside a
reporter's sentence). Nothing is shown only by this rule.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from srcpath import src_folder  # noqa: E402

PER_TOPIC = 60


def pairs_and_texts(data: Path) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """``(set, a, b)`` pairs and every text they name."""
    from ecbplus_data import load_ecb

    texts: dict[str, str] = {}
    pairs: list[tuple[str, str, str]] = []
    by_topic: dict[int, list[str]] = defaultdict(list)
    for k, m in load_ecb(data / "ecbplus" / "ECB+", detok=True).items():
        if int(m["topic"]) % 4 == 1:
            by_topic[int(m["topic"])].append(k)
            texts[k] = m["text"]
    rng = random.Random(5)
    for _, ks in sorted(by_topic.items()):
        got = list(itertools.combinations(sorted(ks), 2))
        rng.shuffle(got)
        pairs += [("ecbplus", a, b) for a, b in got[:PER_TOPIC]]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import evidence_bench as eb

    eb.POLNEAR = data / "polnear" / "data"
    docs = eb.load_polnear("train")
    for a, b in itertools.combinations(sorted(docs), 2):
        da, db = docs[a], docs[b]
        if da["publisher"] != db["publisher"] and da["date"] == db["date"]:
            pairs.append(("polnear", a, b))
            texts[a], texts[b] = da["text"], db["text"]
    return pairs, texts


def child(path: str) -> None:
    """Print this ``src``'s matches of every pair as JSON, and the CPU seconds."""
    from storytrace.quotes import extract_quotes, match_quotes

    job = json.loads(Path(path).read_text(encoding="utf-8"))
    texts = job["texts"]
    t0 = time.process_time()
    quotes = {k: extract_quotes(t, parser=False) for k, t in texts.items()}
    t1 = time.process_time()
    out = []
    for kind, a, b in job["pairs"]:
        for m in match_quotes(texts[a], quotes[a], texts[b], quotes[b]):
            out.append([kind, a, b, m.label, list(m.a.content), list(m.b.content)])
    t2 = time.process_time()
    print(json.dumps({"matches": out, "extract_s": t1 - t0, "match_s": t2 - t1}))


def run(src: str | None, job: str) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    got = subprocess.run(
        [sys.executable, __file__, "--child", job], env=env, capture_output=True, text=True
    )
    if got.returncode:
        sys.exit(f"quote_matching: the child for {src or 'this src'} failed:\n{got.stderr}")
    return json.loads(got.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).parents[1] / ".." / "shared" / "data"
    )
    ap.add_argument("--baseline-src", type=src_folder)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    pairs, texts = pairs_and_texts(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        job = os.path.join(tmp, "job.json")
        Path(job).write_text(json.dumps({"pairs": pairs, "texts": texts}), encoding="utf-8")
        this = run(None, job)
        base = run(args.baseline_src, job) if args.baseline_src else None
    n = Counter(kind for kind, _, _ in pairs)
    head = f"{'base':>5} {'this':>5} {'only base':>10} {'only this':>10}"
    print(f"{'set':9} {'pairs':>6} {head}  this by label")
    only: dict[str, list] = {"base": [], "this": []}
    for kind in sorted(n):
        mine = {json.dumps(m) for m in this["matches"] if m[0] == kind}
        theirs = {json.dumps(m) for m in base["matches"] if m[0] == kind} if base else set()
        labels = Counter(json.loads(m)[3] for m in mine)
        if base:
            only["base"] += sorted(theirs - mine)
            only["this"] += sorted(mine - theirs)
        cols = (
            f"{len(theirs):>5} {len(mine):>5} {len(theirs - mine):>10} {len(mine - theirs):>10}"
            if base
            else f"{'-':>5} {len(mine):>5} {'-':>10} {'-':>10}"
        )
        by_label = ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))
        print(f"{kind:9} {n[kind]:>6} {cols}  {by_label}")
    print(f"CPU s this: extraction {this['extract_s']:.1f}, matching {this['match_s']:.2f}")
    if base:
        print(f"CPU s base: extraction {base['extract_s']:.1f}, matching {base['match_s']:.2f}")
    rng = random.Random(1)
    for side, rows in only.items():
        for m in rng.sample(rows, min(args.show, len(rows))):
            kind, a, b, label, sa, sb = json.loads(m)
            print(f"\nonly {side}: {kind} {a} | {b}: {label}")
            print(f"  A: {texts[a][sa[0] : sa[1]][:200]!r}\n  B: {texts[b][sb[0] : sb[1]][:200]!r}")


if __name__ == "__main__":
    main()
