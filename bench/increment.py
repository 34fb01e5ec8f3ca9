"""The increment as a user runs it: ``storytrace index NEW --db DIR`` in a fresh process on
a stored index, beside another checkout's code in the same run.

``bench/scale.py`` times the last 1% inside the process that built the first 99%, so
what a fresh ``index`` process pays once (start-up and imports, the thesauri and word
frequencies of a first alignment, starting worker processes) is not in its figure. Here
each run is a process of its own, ``python -m storytrace index NEW --db COPY [ARGS]``,
on a fresh copy of ``--store`` (``scale.py --keep DIR`` leaves ``DIR/db-first99`` and
``DIR/last.jsonl``), alternating between this checkout's ``src`` and ``--baseline-src``
(e.g. ``git archive main src | tar -x -C /tmp/main``). Each run reports its CPU seconds
(this process, and its worker processes apart), wall seconds and page faults; after the
runs, every table of the last two stores is compared row for row (``tables: same`` when
the two codes wrote the same store). Modules load from ``.pyc`` files as an installed
package has them (a temporary ``PYTHONPYCACHEPREFIX``, one unmeasured run of each code
first): this project's sandbox sets ``PYTHONDONTWRITEBYTECODE``, which would compile every
module of every run again.

Run::

    nice -n 10 .venv/bin/python bench/increment.py --store /tmp/keep/db-first99 \
        --new /tmp/keep/last.jsonl --baseline-src /tmp/main/src --rounds 3 [-- --no-quotes]

Results (2026-12-02, 11:28-11:31 UTC, load 7.5-7.8 from other sessions, so CPU is the column
to read): ``--rounds 3 -- --no-quotes`` (the synthetic corpus has no quotation, as in
scale.py) on the stored 99,000 of ``scale.py --n 100000 --keep`` (``db-first99``, the last
1,000 as ``last.jsonl``), baseline main 009ded3, "now" incr13a. CPU s (this process +
workers), wall s, page faults (this process + workers):

    round  main                           now
    1      7.74 (4.22 + 3.52)  11.8 s     4.89 (3.83 + 1.07)   7.7 s
    2      8.82 (4.40 + 4.43)  13.1 s     5.84 (4.74 + 1.10)   9.3 s
    3      7.20 (3.87 + 3.33)  15.2 s     4.59 (3.52 + 1.07)   8.7 s
    faults 119,000-120,000 + 117,400      120,600-122,100 + 5,700-5,800
    tables: same (19 tables, 20,712,351 rows)

main's workers each imported the engine (storytrace.stories with the compare engine and
wordfreq, about 0.3 CPU s) and, for the 34 pairs of one chunk, loaded the thesauri and word
frequencies (about 0.5 CPU s each), which its parent loaded as well for the other chunk's 13
pairs. docs/store.md has the changes.

Then (12:00 UTC, load 10-12) the loads made cheaper (wordfreq's list read without importing
wordfreq, Moby decoded at once, WordNet's table built of tuples), baseline main 4892c30 (the
above), CPU s: 6.14, 6.32, 6.11 against 5.68, 6.19, 5.36 (this process 4.77-4.99 against
3.96-4.64); tables: same.

Then (14:02-14:17 UTC, load 11.7-16.6, incr13c: the first 2,000 articles of an input prepared
in the indexing process, preparation with fewer Python calls, the thesauri's indexes read back
from the user's cache; the run's ``STORYTRACE_CACHE`` was written by the unmeasured first run,
as the ``.pyc`` files are), baseline main 404cbb9, CPU s: 5.67, 5.98, 5.51 against 4.99, 5.42,
4.61 (no workers: their 1.46-1.68 CPU s now 0.5-1.0 more of this process); tables: same
(19 tables, 32,898,229 rows).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from srcpath import src_folder

ROOT = Path(__file__).resolve().parents[1]

# The child: the CLI as the console script runs it, then its own and its workers' usage
# (pool workers are reaped by the time index returns, so RUSAGE_CHILDREN holds them).
_CHILD = """
import resource, sys, time
t0 = time.perf_counter()
from storytrace.cli import app
try:
    app(sys.argv[1:], prog_name="storytrace")
except SystemExit as e:
    if e.code:
        raise
me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print("USAGE", me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime,
      time.perf_counter() - t0, me.ru_minflt, kids.ru_minflt, file=sys.stderr)
"""


def run_once(src: Path, store: Path, new: Path, work: Path, args: list[str]) -> dict:
    """One ``index`` of ``new`` into a fresh copy of ``store`` by the code in ``src``."""
    db = work / "db"
    shutil.rmtree(db, ignore_errors=True)
    shutil.copytree(store, db)
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONPYCACHEPREFIX": str(work.parent / "pyc")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-c", _CHILD, "index", str(new), "--db", str(db), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    line = [x for x in proc.stderr.splitlines() if x.startswith("USAGE ")]
    if proc.returncode or not line:
        sys.exit(f"index by {src} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    me, kids, wall, faults, kid_faults = map(float, line[-1].split()[1:])
    load = os.getloadavg()[0]
    return {
        "me": me,
        "kids": kids,
        "wall": wall,
        "faults": faults,
        "kid_faults": kid_faults,
        "load": load,
    }


def tables(db: Path) -> dict[str, list[str]]:
    """Every table of the store at ``db``, its rows in a canonical order."""
    con = sqlite3.connect(f"file:{db / 'storytrace.db'}?mode=ro", uri=True)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    out = {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"'))) for n in names}
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="stored index to copy per run")
    ap.add_argument("--new", type=Path, required=True, help="the articles to add (JSONL)")
    ap.add_argument(
        "--baseline-src", type=src_folder, help="another checkout or its src, run alternately"
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("args", nargs="*", help="more index options (after --)")
    a = ap.parse_args()
    codes = {"now": ROOT / "src"}
    if a.baseline_src:
        codes = {"base": a.baseline_src, **codes}
    with tempfile.TemporaryDirectory(prefix="increment-") as tmp:
        work = {name: Path(tmp, name) for name in codes}
        for name, src in codes.items():
            work[name].mkdir()
            run_once(src, a.store, a.new, work[name], a.args)  # writes the .pyc files
        results: dict[str, list[dict]] = {name: [] for name in codes}
        for r in range(a.rounds):
            for name, src in codes.items():
                res = run_once(src, a.store, a.new, work[name], a.args)
                results[name].append(res)
                print(
                    f"round {r + 1} {name:4s} CPU {res['me'] + res['kids']:6.2f} s (this "
                    f"process {res['me']:.2f}, workers {res['kids']:.2f}), wall "
                    f"{res['wall']:6.2f} s, page faults {res['faults']:,.0f} + "
                    f"{res['kid_faults']:,.0f}, load {res['load']:.1f}",
                    flush=True,
                )
        for name, runs in results.items():
            cpu = sorted(x["me"] + x["kids"] for x in runs)
            print(f"{name}: CPU s min {cpu[0]:.2f}, median {cpu[len(cpu) // 2]:.2f}")
        if a.baseline_src:
            t = [tables(work[name] / "db") for name in codes]
            differ = [n for n in t[0] if t[0][n] != t[1].get(n)] + sorted(set(t[1]) - set(t[0]))
            rows = sum(len(v) for v in t[0].values())
            print(
                f"tables: {'same' if not differ else 'DIFFER: ' + ', '.join(differ)} "
                f"({len(t[0])} tables, {rows:,} rows)"
            )


if __name__ == "__main__":
    main()
