"""Cross-article quote links on real articles: identical quotes only, and with variants.

Run: ``nice -n 10 .venv/bin/python bench/quote_links.py ARTICLES.jsonl [--sample 40]
[--seed 1]`` (records with ``id``, ``text``, ``outlet``, ``published``; e.g. the PolNeAR
articles of the train and dev splits as one JSONL).

Quotes are extracted and keyed as ``index`` does it with the ``src`` on the path
(``parser=False``; one key per quote part, ``stories.quote_key``, and from session 37 one
for an interrupted quote's whole words too, ``stories.utterance_keys``). Two articles of
different outlets are counted as linked by a quote when ``stories.quote_links`` would join
them on their own (the same publication window):

* ``identical``: both hold a quote with the same key (the rule before variants, the same
  code as main's ``stories.quote_holders`` + ``quote_links``);
* ``variant``: a quote of each is a variant of the other (``stories.quote_variants``: an
  ``altered``, ``trimmed`` or ``passage`` pair of keys), and no identical quote joins them.

The ``--sample`` new pairs are printed with both quotes' words and the words that differ,
for a reader to judge whether they are the same statement. CPU seconds: quote extraction
once, then linking with identical keys and with variants.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

from storytrace import stories as st
from storytrace.quotes import extract_quotes


def keys(parts: list[str]) -> list[str]:
    """An utterance's link keys as the ``src`` on the path makes them: each part's and, from
    session 37 (``stories.utterance_keys``), an interrupted quote's whole words."""
    if hasattr(st, "utterance_keys"):
        return st.utterance_keys(parts)
    return [k for p in parts if (k := st.quote_key(p))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    recs = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines()]
    outlet = {r["id"]: r.get("outlet") for r in recs}
    when = {r["id"]: r.get("published") for r in recs}
    t0 = time.process_time()
    holders: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        for q in extract_quotes(r["text"], parser=False):
            parts = [r["text"][s:e] for s, e in q.parts]
            for k in keys(parts):
                holders[k].add(r["id"])
    t1 = time.process_time()

    def joined(x: str, y: str) -> bool:
        return outlet[x] != outlet[y] and bool(st.quote_links([[x, y]], when))

    same = {
        (x, y)
        for ds in holders.values()
        if 1 < len(ds) <= st.fp.MAX_DF
        for x in ds
        for y in ds
        if x < y and joined(x, y)
    }
    t2 = time.process_time()
    variants = st.quote_variants(holders, holders)
    t3 = time.process_time()
    new: dict[tuple[str, str], list] = defaultdict(list)
    for a, b, v in variants:
        for x in holders[a]:
            for y in holders[b]:
                p = (min(x, y), max(x, y))
                if x != y and p not in same and joined(*p):
                    new[p].append((a, b, v) if x < y else (b, a, v))
    labels: dict[str, int] = defaultdict(int)
    for links in new.values():
        labels[links[0][2].label] += 1
    print(
        f"{args.articles.name}: {len(recs)} articles, {len(holders)} quote keys, "
        f"{len(variants)} variant pairs of keys"
    )
    print(f"{'rule':10} {'cross-outlet pairs':>19} {'CPU s':>6}")
    print(f"{'identical':10} {len(same):>19} {t2 - t1:6.2f}")
    print(f"{'+variants':10} {len(same) + len(new):>19} {t3 - t2 + t2 - t1:6.2f}")
    print(f"extraction CPU s {t1 - t0:.1f}; new pairs by label: {dict(labels)}")
    rng = random.Random(args.seed)
    for p in sorted(rng.sample(sorted(new), min(args.sample, len(new)))):
        a, b, v = new[p][0]
        print(f"\n{p[0]} | {p[1]}: {v.label}, {v.shared} shared, differing {v.differing}")
        print(f"  A: {a}\n  B: {b}")


if __name__ == "__main__":
    main()
