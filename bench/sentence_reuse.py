"""Single-sentence reuse at the candidate step: winnowing beside the old 1-in-4 sampling.

Run: ``nice -n 10 .venv/bin/python bench/sentence_reuse.py [--docs 500] [--lifts 50]``

500 synthetic articles (``bench/scale.py``'s generator: Zipf vocabulary of
30,000 made-up words, 150-350 words each; its own injected copies are left
out of the scoring). Then, for each variant, 50 pairs of otherwise unrelated
articles get one run of 15-45 words of the first lifted into the second at a
random word position:

* ``verbatim``: the run as it is;
* ``ocr``: each lifted word has one letter replaced with probability 0.08;
* ``edited``: every seventh lifted word replaced by another word.

Candidate rule, the same for both columns: pairs sharing at least
``min_shared`` fingerprints held by at most ``fp.MAX_DF`` articles (LSH
near-duplicate keys are left out: they do not find sentence-length reuse).

* ``sampled 1/4``: the rule before winnowing (shingle hash 0 mod 4, three shared);
* ``winnowed``: :func:`storytrace.fingerprints.fingerprint` (window 5, two shared).

"found" counts lifted pairs that are candidates; "candidates" is every pair
the rule yields (what alignment then costs); "fp/article" is storage. Then the
verbatim variant is indexed end to end (``corpus.index``, which aligns
candidates and stores edges), and "edges" counts lifted pairs with a stored
reuse edge.

Results (2026-12-01, defaults, 2 cores shared with other jobs, 5 s wall):

    471 articles, 50 lifted pairs per variant
    variant   rule           found  candidates  fp/article
    verbatim  sampled 1/4    46/50          46        61.8
    verbatim  winnowed       50/50          50        82.1
    ocr       sampled 1/4    37/50          37        61.7
    ocr       winnowed       46/50          46        82.0
    edited    sampled 1/4    18/50          18        61.7
    edited    winnowed       32/50          32        82.0
    end to end (winnowed, verbatim): 50/50 lifted pairs have a stored edge (index 1.9 s)

Winnowing keeps every verbatim lift (the guarantee: any shared run of 14
words shares two fingerprints) at 1.33x the fingerprints per article. The
synthetic vocabulary shares almost no 5-gram by chance, so candidates equal
found pairs here; on real news, stock phrases add candidates (bench/scale.py
and bench/corpus_bbc.py report the pairs aligned). Noisy lifts lose the
guarantee (one changed word breaks five shingles): found more often than
before, not always.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_corpus  # noqa: E402

from storytrace import fingerprints as fp  # noqa: E402


def old_sample(text: str) -> set[int]:
    return {h for h in fp.shingles(text) if h % 4 == 0}


def new_sample(text: str) -> set[int]:
    return set(fp.fingerprint(text))


def candidates(fps: dict[str, set[int]], min_shared: int) -> set[tuple[str, str]]:
    post: dict[int, list[str]] = defaultdict(list)
    for i, hs in fps.items():
        for h in hs:
            post[h].append(i)
    counts: Counter = Counter()
    for ids in post.values():
        if 2 <= len(ids) <= fp.MAX_DF:
            ids.sort()
            for x, a in enumerate(ids):
                for b in ids[x + 1 :]:
                    counts[(a, b)] += 1
    return {p for p, c in counts.items() if c >= min_shared}


def noisy(words: list[str], variant: str, rng: random.Random) -> list[str]:
    if variant == "ocr":
        out = []
        for w in words:
            if rng.random() < 0.08 and len(w) > 1:
                k = rng.randrange(len(w))
                w = w[:k] + rng.choice("abcdefghij") + w[k + 1 :]
            out.append(w)
        return out
    if variant == "edited":
        return [("changed" + str(k)) if k % 7 == 6 else w for k, w in enumerate(words)]
    return list(words)


def lift(texts: dict[str, str], n: int, variant: str, seed: int) -> tuple[dict, set]:
    rng = random.Random(seed)
    ids = sorted(texts)
    out = dict(texts)
    pairs: set[tuple[str, str]] = set()
    used: set[str] = set()
    while len(pairs) < n:
        a, b = rng.sample(ids, 2)
        if a in used or b in used:
            continue
        used |= {a, b}
        src = texts[a].split(" ")
        k = rng.randint(15, 45)
        s = rng.randrange(0, len(src) - k)
        dst = out[b].split(" ")
        at = rng.randrange(len(dst) + 1)
        out[b] = " ".join(dst[:at] + noisy(src[s : s + k], variant, rng) + dst[at:])
        pairs.add((min(a, b), max(a, b)))
    return out, pairs


def main() -> None:
    import json

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--lifts", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "c.jsonl"
        truth = make_corpus(args.docs, src)
        base = {}
        for line in src.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            base[rec["id"]] = rec["text"]
        # The generator's own copies are not sentence lifts: leave their articles out.
        for a, b in truth["near"] + truth["excerpt"]:
            base.pop(f"a{a:06d}", None)
            base.pop(f"a{b:06d}", None)
        print(f"{len(base)} articles, {args.lifts} lifted pairs per variant")
        print(f"{'variant':9} {'rule':13} {'found':>6} {'candidates':>11} {'fp/article':>11}")
        verbatim = None
        for v, variant in enumerate(("verbatim", "ocr", "edited")):
            texts, lifted = lift(base, args.lifts, variant, seed=100 + v)
            if variant == "verbatim":
                verbatim = (texts, lifted)
            for name, sample, least in (
                ("sampled 1/4", old_sample, 3),
                ("winnowed", new_sample, 2),
            ):
                fps = {i: sample(t) for i, t in texts.items()}
                cands = candidates(fps, least)
                per = sum(map(len, fps.values())) / len(fps)
                found = len(lifted & cands)
                print(
                    f"{variant:9} {name:13} {found:>3}/{len(lifted):<2} {len(cands):11d} "
                    f"{per:11.1f}"
                )
        from storytrace import corpus

        texts, lifted = verbatim
        t0 = time.perf_counter()
        corpus.index_records(
            ((i, {"text": t}) for i, t in texts.items()), Path(tmp) / "db", quotes=False, workers=2
        )
        edges = {tuple(sorted((e.a, e.b))) for e in corpus.stored_reuse(Path(tmp) / "db")}
        print(
            f"end to end (winnowed, verbatim): {len(lifted & edges)}/{len(lifted)} lifted pairs "
            f"have a stored edge (index {time.perf_counter() - t0:.1f} s)"
        )


if __name__ == "__main__":
    main()
