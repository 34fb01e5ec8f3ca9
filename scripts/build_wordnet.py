"""Build the WordNet synonym table shipped in the package from WordNet's database files.

    python scripts/build_wordnet.py [/usr/share/wordnet] [--out src/storytrace/data]

Reads WordNet 3.0's ``data.noun/verb/adj/adv`` (Debian: ``apt-get install
wordnet-base``) with :func:`storytrace.synonyms.read_wordnet` and writes

- ``wordnet-synsets.txt.xz``: every synset of two or more lemmas, one per line,
  lemmas in :func:`storytrace.synonyms.key` form joined by ``|`` (duplicate
  lemma sets written once), xz-compressed;
- ``WORDNET-LICENSE.txt``: WordNet's licence, which asks for the notice to go
  with every copy of the database, modifications included.

Storytrace reads only which lemmas share a synset, so glosses, pointers and
parts of speech are left out. The output is deterministic: rerunning on the
same files gives the same bytes.
"""

from __future__ import annotations

import argparse
import lzma
import time
from pathlib import Path

from storytrace import synonyms

ROOT = Path(__file__).resolve().parents[1]

LICENSE = """\
The synonym table wordnet-synsets.txt.xz is derived from WordNet 3.0
(lemmas grouped by synset; glosses and relations left out), built by
scripts/build_wordnet.py from the database files of Debian's wordnet-base
package.

WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""


def build(directory: Path, out: Path) -> Path:
    """Write the table and the licence for the WordNet files in ``directory``; returns the table."""
    synsets = synonyms.read_wordnet(directory)
    lines = "".join("|".join(s) + "\n" for s in dict.fromkeys(synsets))
    table = out / synonyms.WORDNET_TABLE
    out.mkdir(parents=True, exist_ok=True)
    # preset 9 | extreme: the table is built once and read on every first look-up.
    table.write_bytes(lzma.compress(lines.encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))
    (out / "WORDNET-LICENSE.txt").write_text(LICENSE, encoding="utf-8")
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wordnet", nargs="?", default=synonyms.WORDNET_DIRS[0], type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "storytrace" / "data")
    args = ap.parse_args()
    if not (args.wordnet / "data.noun").is_file():
        raise SystemExit(f"{args.wordnet}: no WordNet data.noun (apt-get install wordnet-base)")
    t0 = time.perf_counter()
    table = build(args.wordnet, args.out)
    n = len(synonyms.read_wordnet_table(table))
    print(
        f"{table}: {n} synsets, {table.stat().st_size / 1024:.0f} KiB "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )


if __name__ == "__main__":
    main()
