"""What a short CLI call pays for before it works: modules imported, patterns compiled.

Start-up is most of ``storytrace match`` (bench/cli_startup.py measures the time); these
tests hold the behaviour behind the figure, on counts rather than times: looking up an
article whose hits hold no quotes compiles none of the quote or furniture rules and
imports neither the quote extractor, the compare engine nor the package-data reader.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import articles, store
from storytrace.corpus import index_records
from storytrace.text import TOKEN_RE, Doc, _regex_tokens

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
    if name.startswith("storytrace") and isinstance(pattern, str):
        patterns.append(pattern)
    return real(pattern, flags)
patterns = []
re.compile = counting
from storytrace.cli import app
try:
    app(sys.argv[1:], prog_name="storytrace")
except SystemExit:
    pass
seen = {"compiled": by_module, "modules": sorted(sys.modules), "patterns": patterns}
print(json.dumps(seen), file=sys.stderr)
"""


def _match(probe: Path, db: Path) -> tuple[dict[str, int], set[str], str]:
    """``storytrace match`` in a fresh interpreter: re.compile calls by calling module,
    the modules loaded, and what it printed (the patterns compiled: ``_compiled``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "match", str(probe), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
    )
    seen = json.loads(proc.stderr.strip().splitlines()[-1])
    _compiled[:] = seen["patterns"]
    return seen["compiled"], set(seen["modules"]), proc.stdout


_compiled: list[str] = []
"""The patterns the last :func:`_match` compiled from storytrace's modules."""


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
    # Nor the furniture rules (for indexing), nor gzip (for .gz dumps).
    heavy |= {"storytrace.boilerplate", "ahocorasick", "gzip"}
    # Nor the indexing pipeline, the record machinery (dataclasses with inspect and ast),
    # typing or pathlib (with urllib.parse): storytrace.lookup reads a plain-text probe
    # without building an Article.
    heavy |= {"storytrace.corpus", "storytrace.records", "dataclasses", "inspect", "ast"}
    heavy |= {"typing", "pathlib", "urllib.parse"}
    assert not heavy & modules
    # The tokeniser's CJK classes (about 10 ms to compile) only for a text that has CJK.
    assert TOKEN_RE.pattern not in _compiled


def test_match_of_a_quoted_article_compiles_the_quote_rules_it_needs(tmp_path: Path) -> None:
    db = _store(tmp_path)
    compiled, modules, out = _match(ROOT / "examples" / "seed_a.txt", db)
    assert "seed" in out
    quote_rules = sum(n for m, n in compiled.items() if m.startswith("storytrace.quotes"))
    assert quote_rules >= 10  # the rules ran and compiled what they used
    assert TOKEN_RE.pattern not in _compiled  # curly quotes, accents: no CJK
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


# Around each edge of TOKEN_RE's CJK ranges and of the check's blocks, word and non-word
# characters of other scripts, joiners, digits, a lone surrogate (undecodable bytes), emoji.
_EDGES = "\u2fff\u3000\u3001\u303f\u3040\u30ff\u3100\u33ff\u3400\u4dbf\u4dc0"
_EDGES += "\u4e00\u9fff\ua000\uabff\uac00\ud7af\ud7b0\uf8ff\uf900\ufaff\ufb00"
_CHARS = _EDGES + "ab Zé ñ ς σ Σ я ж 0 9 ٣ ' ’ ʼ . , - \n İ ß ﬁ \udc80 😀 「」 ＡＢ"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set(_CHARS))), max_size=40))
def test_tokens_are_token_res_with_or_without_cjk(text: str) -> None:
    # Text with no CJK character is split by a pattern without the CJK classes (compiled
    # at a tenth of the cost); both must give TOKEN_RE's tokens.
    parts = re.compile(TOKEN_RE.pattern).split(text)
    lengths = [len(p) for p in parts]
    offsets = [sum(lengths[: i + 1]) for i in range(len(lengths))]
    assert _regex_tokens(text)[:2] == (offsets[0:-1:2], offsets[1::2])
    assert Doc(text).norms == [Doc(p).norms[0] for p in parts[1::2]]


def test_lazily_defined_records_are_ordinary_classes() -> None:
    # Article and store.Record are defined on first use (match never builds one); once
    # defined they are the module's classes: one class, importable, picklable by name.
    import pickle

    from storytrace.articles import Article
    from storytrace.records import json_schema
    from storytrace.store import Record

    assert articles.Article is Article and store.Record is Record
    seed = ROOT / "examples" / "seed_a.txt"
    art = articles.read_article(seed)
    assert type(art) is Article and articles.read_text_id(seed) == (art.text, str(seed))
    assert pickle.loads(pickle.dumps(art)) == art
    rec = Record("a", "text", "h", None, [1])  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert json_schema(Article)["properties"]["format"]["enum"] == ["text", "html", "jsonl"]


_PATH_CHARS = "ab/._- %?#~é\\"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set(_PATH_CHARS))), min_size=1, max_size=14))
def test_store_names_and_opens_paths_as_pathlib_does(text: str) -> None:
    # The store writes its folder in messages and opens SQLite by URI without pathlib:
    # the same strings as str(Path(...)) and Path(...).resolve().as_uri().
    assert store._path_text(text) == str(Path(text))
    assert store._file_uri(text) == Path(text).resolve().as_uri()


_PRELOAD = """
import inspect, json, sys
from pathlib import Path
from storytrace import align

def loads():
    # Every table loader: a cached function of storytrace's of no argument, or whose cache
    # keeps a few entries (the WordNet of a source).
    out = {}
    for name, mod in list(sys.modules.items()):
        if not name.startswith("storytrace"):
            continue
        for attr, f in vars(mod).items():
            if not hasattr(f, "cache_info"):
                continue
            if not inspect.signature(f).parameters or (f.cache_info().maxsize or 99) <= 4:
                out[f"{name}.{attr}"] = f.cache_info()
    return out

align.preload()
before = loads()
a, b = (Path(sys.argv[1], f"seed_{s}.txt").read_text(encoding="utf-8") for s in "ab")
cmp = align.compare(a, b, align.BULK)
after = loads()
was = lambda k: before.get(k, (0, 0))
print(json.dumps({"new": sorted(k for k, c in after.items() if c.misses > was(k)[1]),
                  "used": sorted(k for k, c in after.items() if c.hits > was(k)[0])}))
"""


def test_preload_leaves_nothing_for_the_first_comparison_to_load() -> None:
    # index forks its aligning workers after align.preload(): a comparison in them (here,
    # the spun founding example in a fresh interpreter) must find every table loaded.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", _PRELOAD, str(ROOT / "examples")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    seen = json.loads(proc.stdout)
    # It consulted the thesauri (and the rest), all loaded before.
    used = {"storytrace.synonyms._read_moby", "storytrace.synonyms._wordnet"}
    assert used <= set(seen["used"]), seen
    assert seen["new"] == []
