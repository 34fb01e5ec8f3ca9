"""Fault injection against ``storytrace index`` and the read commands, through the CLI.

Run: ``nice -n 10 .venv/bin/python bench/faults.py [--n 2000]``

A synthetic corpus (``bench/scale.py``'s generator, with near-duplicates and
excerpts so that alignment has work) is indexed once cleanly as the
reference. Then each scenario runs real ``python -m storytrace`` processes and
checks, on the store it leaves behind (after resuming where the scenario
interrupts): ``PRAGMA integrity_check`` is ok, every article is stored once
(no loss, no duplicate), nothing is left unaligned, and the stored reuse
edges equal the reference's. Every failing command must print one line on
stderr (no traceback) and exit non-zero.

* ``sigkill``: SIGKILL at three points (while articles are written, just
  after, while pairs are aligned), then the same command again;
* ``sigint``: Ctrl-C (SIGINT to the process group, as a terminal sends it) at
  the same points: exit 130 and one line, then the same command again;
* ``writers``: two ``index`` runs on one store at once;
* ``reads``: ``stories --json`` and ``match`` in a loop while ``index`` writes;
* ``fsize``: ``index`` under ``ulimit -f`` (a full disk): one line, committed
  data intact, then the same command without the limit;
* ``bad store``: ``index``/``stories``/``match``/``export`` on a text file, a
  foreign SQLite database, a truncated store and an empty file named
  ``storytrace.db``: exit 2, one line, the file unchanged.

Results (2026-12-01, ``--n 1500``, 2 cores shared with other jobs, 159 s):

    reference: 1500 articles, 61 edges
    SIGKILL at 500 articles        ok
    SIGKILL at 1500 articles       ok
    SIGKILL at 20 edges            ok
    SIGINT at 500 articles         ok
    SIGINT at 1500 articles        ok
    SIGINT at 20 edges             ok
    two writers at once            ok
    reads while writing (2 reads)  ok
    file size limit (disk full)    ok
    bad store: text file           ok
    bad store: foreign SQLite      ok
    bad store: truncated store     ok
    bad store: empty file          ok
    13/13 scenarios ok in 159 s

A real tmpfs filling up was not tried (mounting needs privileges the test
machine may not give); ``ulimit -f`` makes SQLite's writes fail the same way
(a short write), and ``tests/test_store.py`` also fills a page-capped store.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_corpus  # noqa: E402

PY = [sys.executable, "-m", "storytrace"]


def index_cmd(src: Path, db: Path) -> list[str]:
    return [*PY, "index", str(src), "--db", str(db), "--no-quotes", "--workers", "2"]


def one_line_error(stderr: str) -> bool:
    lines = [x for x in stderr.strip().splitlines() if x.strip()]
    return "Traceback" not in stderr and bool(lines) and len(lines[-1]) > 0


def state(db: Path) -> dict:
    con = sqlite3.connect(db / "storytrace.db")
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone(),
            "pending": con.execute("SELECT count(*) FROM articles WHERE aligned=0").fetchone()[0],
            "edges": sorted(con.execute("SELECT a, b, edge FROM edges")),
        }
    finally:
        con.close()


def stored_count(db: Path, what: str) -> int:
    try:
        con = sqlite3.connect(db / "storytrace.db", timeout=0.1)
        try:
            if what == "articles":
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
            return con.execute("SELECT count(*) FROM edges").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def wait_for(db: Path, what: str, least: int, proc: subprocess.Popen, limit: float = 120) -> bool:
    end = time.time() + limit
    while time.time() < end and proc.poll() is None:
        if (db / "storytrace.db").exists() and stored_count(db, what) >= least:
            return True
        time.sleep(0.02)
    return False


def check(db: Path, ref: dict, n: int) -> list[str]:
    s = state(db)
    problems = []
    if s["integrity"] != "ok":
        problems.append(f"integrity {s['integrity']}")
    if s["articles"] != (n, n):
        problems.append(f"articles {s['articles']}")
    if s["pending"]:
        problems.append(f"{s['pending']} unaligned")
    if s["edges"] != ref["edges"]:
        problems.append(f"edges {len(s['edges'])} vs {len(ref['edges'])}")
    return problems


def interrupt(src: Path, tmp: Path, ref: dict, n: int, sig: int) -> list[tuple[str, list[str]]]:
    out = []
    points = (("articles", n // 3), ("articles", n), ("edges", max(1, len(ref["edges"]) // 3)))
    for k, (what, least) in enumerate(points):
        db = tmp / f"{sig}-{k}"
        proc = subprocess.Popen(
            index_cmd(src, db),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        hit = wait_for(db, what, least, proc)
        name = f"{signal.Signals(sig).name} at {least} {what}"
        if proc.poll() is not None or not hit:
            proc.communicate()
            out.append((name, ["finished before the signal (not counted)"]))
            continue
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
        problems = []
        if sig == signal.SIGINT:
            if proc.returncode != 130:
                problems.append(f"exit {proc.returncode}")
            if not one_line_error(err) or "interrupted" not in err:
                problems.append(f"stderr {err[-300:]!r}")
        res = subprocess.run(index_cmd(src, db), capture_output=True, text=True, timeout=600)
        if res.returncode != 0:
            problems.append(f"resume exit {res.returncode}: {res.stderr[-300:]}")
        out.append((name, problems + check(db, ref, n)))
    return out


def writers(src: Path, tmp: Path, ref: dict, n: int) -> list[tuple[str, list[str]]]:
    db = tmp / "writers"
    procs = [
        subprocess.Popen(index_cmd(src, db), stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    problems = [
        f"exit {p.returncode}: {e[-300:]}" for p, e in zip(procs, errs, strict=True) if p.returncode
    ]
    added = []
    for e in errs:
        line = [x for x in e.splitlines() if " added" in x]
        added.append(int(line[-1].split()[0]) if line else -1)
    if sum(added) != n:
        problems.append(f"added {added} (sum must be {n})")
    return [("two writers at once", problems + check(db, ref, n))]


def reads(src: Path, tmp: Path, ref: dict, n: int, probe: Path) -> list[tuple[str, list[str]]]:
    db = tmp / "reads"
    proc = subprocess.Popen(index_cmd(src, db), stderr=subprocess.DEVNULL)
    wait_for(db, "articles", 1, proc)
    problems, runs = [], 0
    while proc.poll() is None:
        for cmd in (
            [*PY, "stories", "--db", str(db), "--json"],
            [*PY, "match", str(probe), "--db", str(db)],
        ):
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            runs += 1
            if r.returncode not in (0, 1) or "Traceback" in r.stderr:
                problems.append(f"{cmd[3]} exit {r.returncode}: {r.stderr[-200:]}")
    proc.wait()
    return [(f"reads while writing ({runs} reads)", problems + check(db, ref, n))]


def fsize(src: Path, tmp: Path, ref: dict, n: int) -> list[tuple[str, list[str]]]:
    db = tmp / "fsize"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))

    r = subprocess.run(
        index_cmd(src, db), capture_output=True, text=True, preexec_fn=limit, timeout=600
    )
    problems = []
    if r.returncode == 0 or not one_line_error(r.stderr) or "storytrace.db" not in r.stderr:
        problems.append(f"limited run: exit {r.returncode}, {r.stderr[-300:]!r}")
    if state(db)["integrity"] != "ok":
        problems.append("integrity after the failed run")
    res = subprocess.run(index_cmd(src, db), capture_output=True, text=True, timeout=600)
    if res.returncode:
        problems.append(f"resume exit {res.returncode}")
    return [("file size limit (disk full)", problems + check(db, ref, n))]


def bad_stores(tmp: Path, good: Path, probe: Path) -> list[tuple[str, list[str]]]:
    out = []
    data = (good / "storytrace.db").read_bytes()
    foreign = tmp / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE articles (x)")
    con.commit()
    con.close()
    kinds = {
        "text file": b"not a database\n" * 100,
        "foreign SQLite": foreign.read_bytes(),
        "truncated store": data[: len(data) // 3],
        "empty file": b"",
    }
    for kind, content in kinds.items():
        problems = []
        for cmd in ("index", "stories", "match", "export"):
            db = tmp / f"bad-{kind.replace(' ', '-')}-{cmd}"
            db.mkdir()
            (db / "storytrace.db").write_bytes(content)
            args = {
                "index": [str(probe)],
                "stories": [],
                "match": [str(probe)],
                "export": ["--out", str(db / "out")],
            }[cmd]
            r = subprocess.run(
                [*PY, cmd, *args, "--db", str(db)], capture_output=True, text=True, timeout=300
            )
            after = (db / "storytrace.db").read_bytes()
            touched = after != content and not (kind == "empty file" and cmd == "index")
            if r.returncode != 2 and not (kind == "empty file" and cmd == "index"):
                problems.append(f"{cmd}: exit {r.returncode}")
            if not one_line_error(r.stderr) and r.returncode:
                problems.append(f"{cmd}: {r.stderr[-200:]!r}")
            if touched:
                problems.append(f"{cmd}: file changed")
        out.append((f"bad store: {kind}", problems))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        src = tmp / "corpus.jsonl"
        make_corpus(args.n, src)
        probe = tmp / "probe.txt"
        probe.write_text(json.loads(src.read_text().splitlines()[7])["text"], encoding="utf-8")
        ref_db = tmp / "reference"
        r = subprocess.run(index_cmd(src, ref_db), capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        ref = state(ref_db)
        print(f"reference: {args.n} articles, {len(ref['edges'])} edges")
        rows = []
        rows += interrupt(src, tmp, ref, args.n, signal.SIGKILL)
        rows += interrupt(src, tmp, ref, args.n, signal.SIGINT)
        rows += writers(src, tmp, ref, args.n)
        rows += reads(src, tmp, ref, args.n, probe)
        rows += fsize(src, tmp, ref, args.n)
        rows += bad_stores(tmp, ref_db, probe)
        shutil.rmtree(ref_db, ignore_errors=True)
    width = max(len(name) for name, _ in rows)
    failed = 0
    for name, problems in rows:
        ok = not problems or problems == ["finished before the signal (not counted)"]
        failed += not ok
        print(f"{name:{width}}  {'ok' if ok else 'FAIL'}  {'; '.join(problems)}")
    print(f"{len(rows) - failed}/{len(rows)} scenarios ok in {time.perf_counter() - t0:.0f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
