"""Build ``src/storytrace/data/word-zipf-en.txt.xz``: English word frequencies for
:func:`storytrace.names.rarity`, so that "same story" weighs names the same way with or
without the ``[spin]`` extra (which brings the 58 MB ``wordfreq`` package).

Source: ``wordfreq`` 3.1 (``get_frequency_dict("en", wordlist="best")``; data under
CC-BY-SA 4.0, see ``src/storytrace/data/WORDFREQ-LICENSE.txt``). Kept: the words whose
Zipf frequency is above 3.0 (rarer words weigh 1 whatever their frequency), as
``<zipf x 100>\\t<words, space-separated>`` lines, most frequent first.

Run: ``python scripts/build_word_zipf.py`` (with ``wordfreq`` installed).
"""

from __future__ import annotations

import lzma
import math
from collections import defaultdict
from pathlib import Path

from wordfreq import get_frequency_dict

OUT = Path(__file__).resolve().parents[1] / "src" / "storytrace" / "data" / "word-zipf-en.txt.xz"
FLOOR = 3.0


def main() -> None:
    groups: dict[int, list[str]] = defaultdict(list)
    for word, freq in get_frequency_dict("en", wordlist="best").items():
        zipf = math.log10(freq) + 9 if freq > 0 else 0.0
        if zipf > FLOOR and word and not any(c.isspace() for c in word):
            groups[round(zipf * 100)].append(word)
    lines = [f"{z}\t{' '.join(sorted(ws))}\n" for z, ws in sorted(groups.items(), reverse=True)]
    OUT.write_bytes(lzma.compress("".join(lines).encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))
    print(f"{sum(map(len, groups.values()))} words -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
