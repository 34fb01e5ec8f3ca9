"""Two code versions timed in one process on compare_bench's BBC pairs (alignment or --full).

Timing two versions in separate runs on a shared machine mixes in the load of the moment (on
this 2-core machine shared by several agents, one version's runs differed by 30%). Here both
versions are imported side by side, each source tree copied with its package renamed
(``storytrace`` -> ``st_a``/``st_b``), and timed in alternating chunks of 50 pairs, so load
hits both alike. Each version's per-text caches are cleared before each of its chunks, as in
``compare_bench.py``. A version without ``align.BULK`` (before the redesign, when ``compare``
computed no evidence, boilerplate or revision) runs its default ``compare``.

``--difflib`` also times compare_bench's word-level ``difflib.SequenceMatcher`` baseline with
each version's own ``Doc`` (as compare_bench does), so each version's alignment-only / difflib
throughput ratio comes from the same chunks.

``--full`` times the full compare instead, as the CLI and batch mode run it:
``compare(a, b).to_dict(include_text=False)`` with the default options (quotes, spin
detection, evidence, findings, the JSON).

``--like-for-like`` stubs out, in version B, the stages the redesign added to alignment-only
compare (boilerplate labelling, revision labelling and grading, evidence for same-story and
unrelated verdicts), to compare the work both versions share.

Run: ``nice -n 10 .venv/bin/python bench/compare_versions.py OLD/src NEW/src [--rounds 5]
[--pairs 400] [--difflib] [--full] [--like-for-like] [--data ../shared/data/bbc/bbc]``
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_bench import build_pairs, difflib_passages, load_bbc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def load_version(src: Path, tag: str, workdir: Path) -> ModuleType:
    """Import the ``storytrace`` package of ``src`` as ``tag`` and return its ``align``."""
    dst = workdir / tag
    shutil.copytree(src / "storytrace", dst / tag)
    for f in (dst / tag).rglob("*.py"):
        f.write_text(re.sub(r"\bstorytrace\b", tag, f.read_text(encoding="utf-8")), "utf-8")
    sys.path.insert(0, str(dst))
    return importlib.import_module(f"{tag}.align")


def clear_caches(tag: str) -> None:
    """Forget every per-text result of version ``tag`` (compare_bench.clear_text_caches)."""
    text = sys.modules[f"{tag}.text"]
    if hasattr(text, "clear_doc_cache"):
        text.clear_doc_cache()
    for name in ("boilerplate", "evidence"):
        module = sys.modules.get(f"{tag}.{name}")
        for f in vars(module).values() if module else ():
            wrapped = getattr(f, "__wrapped__", None)
            if hasattr(f, "cache_clear") and wrapped:
                params = list(inspect.signature(wrapped).parameters)
                if params and params[0] == "text":
                    f.cache_clear()


class _Found:  # what compare reads of evidence.gather's result when it is stubbed out
    def __init__(self, verdict: str) -> None:
        self.verdict = verdict


def stub_added_stages(align: ModuleType) -> None:
    align.boilerplate.label = lambda doc_a, doc_b, passages, *a, **k: list(passages)
    align.revision.label = lambda doc_a, doc_b, passages: passages
    align.revision.grade = lambda *a, **k: None
    align.evidence.gather = lambda doc_a, doc_b, real, cov, verdict, extra: _Found(verdict)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src_a", type=Path, help="the src folder of version A (the baseline)")
    ap.add_argument("src_b", type=Path, help="the src folder of version B")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pairs", type=int, default=400)
    ap.add_argument("--difflib", action="store_true")
    ap.add_argument("--like-for-like", action="store_true")
    ap.add_argument("--full", action="store_true", help="time the full compare and its JSON")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc" / "bbc")
    args = ap.parse_args()
    pairs = build_pairs(load_bbc(args.data), args.pairs)
    with tempfile.TemporaryDirectory() as tmp:
        versions = {}
        for tag, src in (("st_a", args.src_a), ("st_b", args.src_b)):
            align = load_version(src.resolve(), tag, Path(tmp))
            options = align.DEFAULT if args.full else getattr(align, "BULK", align.DEFAULT)
            versions[tag] = (align, options)
        if args.like_for_like:
            stub_added_stages(versions["st_b"][0])
        for align, options in versions.values():  # warm-up: thesaurus, regexes, word caches
            for p in pairs[:20]:
                align.compare(p["a_text"], p["b_text"], options)
        per_round: dict[str, list[float]] = {tag: [] for tag in versions}
        diff_round: dict[str, list[float]] = {tag: [] for tag in versions}
        for r in range(args.rounds):
            cpu = dict.fromkeys(versions, 0.0)
            cpu_diff = dict.fromkeys(versions, 0.0)
            for k, start in enumerate(range(0, len(pairs), 50)):
                chunk = pairs[start : start + 50]
                order = list(versions) if (k + r) % 2 == 0 else list(versions)[::-1]
                for tag in order:
                    align, options = versions[tag]
                    clear_caches(tag)
                    c0 = time.process_time()
                    for p in chunk:
                        cmp = align.compare(p["a_text"], p["b_text"], options)
                        if args.full:
                            cmp.to_dict(include_text=False)
                    cpu[tag] += time.process_time() - c0
                    if args.difflib:
                        doc_type = sys.modules[f"{tag}.text"].Doc
                        c0 = time.process_time()
                        for p in chunk:
                            difflib_passages(p["a_text"], p["b_text"], doc_type=doc_type)
                        cpu_diff[tag] += time.process_time() - c0
            for tag in versions:
                per_round[tag].append(1e6 * cpu[tag] / len(pairs))
                diff_round[tag].append(1e6 * cpu_diff[tag] / len(pairs))
            a_us, b_us = per_round["st_a"][-1], per_round["st_b"][-1]
            line = f"round {r}: A {a_us:.0f}, B {b_us:.0f} CPU µs/pair"
            if args.difflib:
                da, db = diff_round["st_a"][-1], diff_round["st_b"][-1]
                line += f"; difflib with A's Doc {da:.0f}, with B's {db:.0f}"
                line += f"; alignment / difflib throughput A {da / a_us:.3f}x, B {db / b_us:.3f}x"
            print(line, flush=True)
    a, b = per_round["st_a"], per_round["st_b"]
    ratios = [y / x for x, y in zip(a, b, strict=True)]
    print(
        f"\nA ({args.src_a}): median {statistics.median(a):.0f} CPU µs/pair; "
        f"B ({args.src_b}{', like for like' if args.like_for_like else ''}): median "
        f"{statistics.median(b):.0f}; B/A per round {', '.join(f'{x:.3f}' for x in ratios)} "
        f"(median {statistics.median(ratios):.3f})"
    )
    if args.difflib:
        for tag, name in (("st_a", "A"), ("st_b", "B")):
            thr = [d / x for d, x in zip(diff_round[tag], per_round[tag], strict=True)]
            print(
                f"{name}: word-level difflib median {statistics.median(diff_round[tag]):.0f} CPU "
                f"µs/pair; alignment / difflib throughput {min(thr):.3f}-{max(thr):.3f}x "
                f"(median {statistics.median(thr):.3f})"
            )


if __name__ == "__main__":
    main()
