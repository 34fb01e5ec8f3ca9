"""A sense-blind article spinner, like commercial ones: replace a share of the
content words with a random Moby thesaurus synonym (any sense, multi-word
entries included), keeping capitalisation. Names (capitalised words), function
words and numbers are left alone.

    .venv/bin/python bench/spinner.py FILE --rate 0.3 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass

from storytrace import synonyms
from storytrace.text import STOPWORDS, Doc


@dataclass
class Swap:
    """One replacement: ``source[a[0]:a[1]]`` became ``spun[b[0]:b[1]]``."""

    a: tuple[int, int]
    b: tuple[int, int]
    old: str
    new: str


_SIMPLE = re.compile(r"^[a-z][a-z \-]*$")


def spin(text: str, rate: float, seed: int = 0) -> tuple[str, list[Swap]]:
    """Spin ``text``: about ``rate`` of its content words replaced by thesaurus synonyms."""
    rng = random.Random(seed)
    doc = Doc(text)
    out: list[str] = []
    swaps: list[Swap] = []
    pos = 0
    length = 0
    for s, e, w in zip(doc.starts, doc.ends, doc.norms, strict=True):
        raw = text[s:e]
        if (
            w in STOPWORDS
            or len(w) < 3
            or not w.isalpha()
            or (raw[0].isupper() and s > 0 and text[s - 2 : s].strip() not in ("", ".", "\n"))
            or rng.random() >= rate
        ):
            continue
        cands = sorted(x for x in synonyms.synonyms(w) if _SIMPLE.match(x) and x != w)
        if not cands:
            continue
        new = rng.choice(cands)
        if raw[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(text[pos:s])
        length += len(text[pos:s])
        swaps.append(Swap((s, e), (length, length + len(new)), raw, new))
        out.append(new)
        length += len(new)
        pos = e
    out.append(text[pos:])
    return "".join(out), swaps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with open(args.file, encoding="utf-8", errors="replace") as f:
        spun, swaps = spin(f.read(), args.rate, args.seed)
    print(spun)
    print(f"\n[{len(swaps)} words replaced]")


if __name__ == "__main__":
    main()
