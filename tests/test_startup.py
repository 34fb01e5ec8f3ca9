"""What a short CLI call pays for before it works: modules imported, patterns compiled.

Start-up is most of ``storytrace match`` (bench/cli_startup.py measures the time); these
tests hold the behaviour behind the figure, on counts rather than times: looking up an
article whose hits hold no quotes compiles none of the quote or furniture rules and
imports neither the quote extractor, the compare engine nor the package-data reader.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from storytrace.corpus import index_records

ROOT = Path(__file__).resolve().parents[1]
PLAIN = (
    "The council approved a budget for road repairs on Tuesday after a long debate. "
    "Work on the northern bypass begins in spring and should finish within two years. "
    "Residents near the bypass can expect delays during the summer."
)
"""No quotation mark, no reporting verb: quote extraction has nothing to look at."""

_RUN = """
import json, re, sys
by_module = {}
real = re.compile
def counting(pattern, flags=0):
    caller = sys._getframe(1)
    if caller.f_code.co_name == "__getattr__":  # text.LazyPattern: its user compiled it
        caller = caller.f_back
    name = caller.f_globals.get("__name__", "?")
    by_module[name] = by_module.get(name, 0) + 1
    return real(pattern, flags)
re.compile = counting
from storytrace.cli import app
try:
    app(sys.argv[1:], prog_name="storytrace")
except SystemExit:
    pass
print(json.dumps({"compiled": by_module, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _match(probe: Path, db: Path) -> tuple[dict[str, int], set[str], str]:
    """``storytrace match`` in a fresh interpreter: re.compile calls by calling module,
    the modules loaded, and what it printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "match", str(probe), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
    )
    seen = json.loads(proc.stderr.strip().splitlines()[-1])
    return seen["compiled"], set(seen["modules"]), proc.stdout


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    seed = (ROOT / "examples" / "seed_a.txt").read_text(encoding="utf-8")
    recs = [("plain", {"text": PLAIN}), ("seed", {"text": seed})]
    index_records(recs, db, workers=1)
    return db


def test_match_without_quotes_compiles_no_rule_and_loads_no_engine(tmp_path: Path) -> None:
    db = _store(tmp_path)
    probe = tmp_path / "probe.txt"
    probe.write_text(PLAIN, encoding="utf-8")
    compiled, modules, out = _match(probe, db)
    assert "plain" in out  # it looked the article up and found its stored copy
    ours = {m: n for m, n in compiled.items() if m.startswith("storytrace")}
    # Compiled on first use (text.lazy_compile) or in a cached getter (boilerplate): the
    # quote rules' ~50 patterns and the furniture rules' ~300 were compiled at import.
    assert not {m for m in ours if m.startswith(("storytrace.quotes", "storytrace.boil"))}
    assert sum(ours.values()) <= 12, ours  # the tokeniser's and the reader's few
    heavy = {"numpy", "rapidfuzz", "spacy", "rich", "importlib.metadata", "multiprocessing"}
    heavy |= {"storytrace.align", "storytrace.stories", "storytrace.spin", "storytrace.evidence"}
    heavy |= {"importlib.resources"}  # the first-name list: only a text with a speaker
    # The probe's quotes are extracted only for a hit with stored quotes to compare them
    # with; "plain" has none.
    heavy |= {"storytrace.quotes", "storytrace.quotes.frames"}
    assert not heavy & modules


def test_match_of_a_quoted_article_compiles_the_quote_rules_it_needs(tmp_path: Path) -> None:
    db = _store(tmp_path)
    compiled, modules, out = _match(ROOT / "examples" / "seed_a.txt", db)
    assert "seed" in out
    quote_rules = sum(n for m, n in compiled.items() if m.startswith("storytrace.quotes"))
    assert quote_rules >= 10  # the rules ran and compiled what they used
    assert "importlib.resources" in modules  # names resolved through the first-name list


def test_help_loads_none_of_the_readers() -> None:
    # `--help` needs click and the command definitions; the article readers (and the gzip,
    # json, urllib and dataclass machinery they import) are for commands that read input.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "--help"], capture_output=True, text=True, env=env
    )
    modules = set(json.loads(proc.stderr.strip().splitlines()[-1])["modules"])
    assert "Usage:" in proc.stdout and "storytrace.cli" in modules
    assert not {"storytrace.articles", "storytrace.records", "gzip"} & modules
