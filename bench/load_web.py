"""Load on the web app: concurrent clients on /api/compare and story pages, on loopback.

Run: ``nice -n 10 .venv/bin/python bench/load_web.py [--articles 2000] [--clients 20]
[--seconds 15] [--db DIR]``

What it does, all on 127.0.0.1 and bounded in time:

1. Builds a store of ``--articles`` synthetic articles (``bench/scale.py``'s
   generator, seed 11, with outlets, dates and titles added; quotes off) unless
   ``--db`` names one already built by an earlier run (it is then reused).
2. Starts the app twice, one after the other, as a separate process each:
   ``workers=2`` (the default: compare and stories in worker processes started with
   the server) and, as the baseline beside it, ``workers=0`` (jobs in the server's
   thread pool, as before the worker pool existed).
3. Against each: the first ``/api/stories`` (stories grouped from the stored
   reuse), two seconds of warm-up compares (not measured), then ``--clients``
   concurrent keep-alive clients for ``--seconds`` each on ``POST /api/compare``
   (the bundled seed pair) and on story and article pages (``/stories/{id}``,
   ``/articles/{id}``), the latter while ``storytrace index`` writes ``--write``
   new articles into the same store.
4. Sends SIGTERM while ``--clients`` compares are in flight and times the exit.

It prints one row per endpoint and mode: requests, throughput, p50/p95/max
latency and errors (any status other than 200, or a failed connection), then
the ratio of the worker-pool run to the thread-pool baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from scale import make_corpus  # noqa: E402

SEED_A = (ROOT / "examples/seed_a.txt").read_text(encoding="utf-8")
SEED_B = (ROOT / "examples/seed_b.txt").read_text(encoding="utf-8")
OUTLETS = [f"Outlet {i}" for i in range(40)]


def dress(src: Path, dst: Path, start: int = 0) -> int:
    """Copy a JSONL corpus adding outlet, publication time and a title to each record."""
    n = 0
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for line in fin:
            rec = json.loads(line)
            k = start + n
            rec["id"] = f"w{k:06d}"
            rec["outlet"] = OUTLETS[k % len(OUTLETS)]
            rec["published"] = f"2024-10-{1 + k % 28:02d}T{k % 24:02d}:{k % 60:02d}:00Z"
            rec["title"] = " ".join(rec["text"].split()[:8]).capitalize()
            fout.write(json.dumps(rec) + "\n")
            n += 1
    return n


def build_store(db: Path, n: int, work: Path) -> float:
    raw = work / "raw.jsonl"
    make_corpus(n, raw)
    dressed = work / "articles.jsonl"
    dress(raw, dressed)
    started = time.monotonic()
    run_cli("index", str(dressed), "--db", str(db), "--no-quotes", "--workers", "2")
    return time.monotonic() - started


def run_cli(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "storytrace", *args], capture_output=True, text=True, env=env()
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"storytrace {' '.join(args)} failed: {proc.stderr.strip()}")


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    code = (
        "from storytrace.web import serve; "
        f"serve({str(db)!r}, host='127.0.0.1', port={port}, workers={workers})"
    )
    # The server's log goes to a file: an unread pipe would fill and block it.
    log = open(Path(tempfile.gettempdir()) / f"load_web_server_{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-c", code], env=env(), stderr=log, stdout=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, body = request(port, "GET", "/api/health")
            if status == 200 and json.loads(body)["workers"] >= workers:
                return proc, port
        except OSError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body, {"content-type": "application/json"} if body else {})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def hammer(port: int, clients: int, seconds: float, pick) -> dict:
    """``clients`` threads with keep-alive connections sending ``pick(rng)`` requests."""
    stop = time.monotonic() + seconds
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(k: int) -> None:
        nonlocal errors
        rng = random.Random(k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            method, path, body = pick(rng)
            t = time.monotonic()
            try:
                headers = {"content-type": "application/json"} if body else {}
                conn.request(method, path, body, headers)
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                lat.append(time.monotonic() - t)
                errors += not ok
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - began
    lat.sort()
    return {
        "requests": len(lat),
        "rps": len(lat) / took,
        "p50": 1000 * statistics.median(lat) if lat else 0.0,
        "p95": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else 0.0,
        "max": 1000 * lat[-1] if lat else 0.0,
        "errors": errors,
    }


def run_mode(db: Path, workers: int, args: argparse.Namespace, extra: Path) -> dict:
    proc, port = start_server(db, workers)
    out: dict = {}
    try:
        t = time.monotonic()
        status, body = request(port, "GET", "/api/stories?limit=1000")
        out["first stories"] = time.monotonic() - t
        stories = [s["id"] for s in json.loads(body)["stories"] if s["articles"] > 1]
        ids = [
            a["id"]
            for sid in stories[:50]
            for a in json.loads(request(port, "GET", f"/api/stories/{sid}")[1])["articles"]
        ]
        pair = json.dumps({"a": SEED_A, "b": SEED_B}).encode()
        # Warm up (thesaurus and models load once per process), not measured.
        hammer(port, max(2, workers), 2.0, lambda rng: ("POST", "/api/compare", pair))
        out["POST /api/compare"] = hammer(
            port, args.clients, args.seconds, lambda rng: ("POST", "/api/compare", pair)
        )

        def page(rng: random.Random) -> tuple[str, str, None]:
            if rng.random() < 0.5:
                return "GET", f"/stories/{rng.choice(stories)}", None
            return "GET", f"/articles/{rng.choice(ids)}", None

        writer = subprocess.Popen(
            [sys.executable, "-m", "storytrace", "index", str(extra), "--db", str(db)],
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        out["GET story/article pages"] = hammer(port, args.clients, args.seconds, page)
        out["writer finished during load"] = writer.poll() is not None
        writer.wait(timeout=300)
        # SIGTERM with compares in flight.
        busy = [
            threading.Thread(
                target=lambda: _quiet(request, port, "POST", "/api/compare", pair), daemon=True
            )
            for _ in range(args.clients)
        ]
        for b in busy:
            b.start()
        time.sleep(0.5)
        t = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        out["SIGTERM to exit"] = time.monotonic() - t
    finally:
        if proc.poll() is None:
            proc.kill()
    return out


def _quiet(fn, *args) -> None:
    with contextlib.suppress(OSError, http.client.HTTPException):
        fn(*args)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--write", type=int, default=200, help="articles indexed during the load")
    ap.add_argument("--db", type=Path, help="reuse (or build here) the store")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="load_web_"))
    db = args.db or work / "db"
    if not (db / "storytrace.db").exists():
        took = build_store(db, args.articles, work)
        print(f"built a {args.articles}-article store in {took:.1f} s: {db}")
    else:
        print(f"reusing the store {db}")
    rows = []
    for label, workers in (("worker pool (2)", 2), ("thread pool (baseline)", 0)):
        raw = work / f"extra-{workers}.jsonl"
        make_corpus(args.write, raw, seed=100 + workers)
        extra = work / f"extra-{workers}-dressed.jsonl"
        dress(raw, extra, start=10_000_000 + 100_000 * workers)
        rows.append((label, run_mode(db, workers, args, extra)))
    print(
        f"\n{args.clients} clients, {args.seconds:.0f} s per endpoint, loopback; "
        f"pages measured while `storytrace index` adds {args.write} articles\n"
    )
    head = f"{'mode':24} {'endpoint':24} {'reqs':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
    print(head + f"{'max ms':>7} {'errors':>6}")
    for label, out in rows:
        for name in ("POST /api/compare", "GET story/article pages"):
            r = out[name]
            print(
                f"{label:24} {name:24} {r['requests']:6d} {r['rps']:7.1f} {r['p50']:7.0f} "
                f"{r['p95']:7.0f} {r['max']:7.0f} {r['errors']:6d}"
            )
        print(
            f"{label:24} first /api/stories {out['first stories']:.2f} s; SIGTERM with "
            f"{args.clients} compares running -> exit in {out['SIGTERM to exit']:.2f} s; "
            f"writer done during load: {out['writer finished during load']}"
        )
    (_, ours), (_, base) = rows
    for name in ("POST /api/compare", "GET story/article pages"):
        print(
            f"ratio pool/threads {name}: req/s x{ours[name]['rps'] / base[name]['rps']:.2f}, "
            f"p95 x{ours[name]['p95'] / max(base[name]['p95'], 1e-9):.2f}"
        )


if __name__ == "__main__":
    main()
