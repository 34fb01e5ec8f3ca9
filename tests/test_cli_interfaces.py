"""Command-line conventions: version, help, stdin, JSON Lines, exit status, literal output,
Ctrl-C, the batch quotes command and the top-level Python API."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED_A = str(ROOT / "examples" / "seed_a.txt")
WIRE = (ROOT / "tests" / "fixtures" / "corpus" / "wire.txt").read_text()
QUOTED = 'Work starts next month. "We will rebuild the bridge by June," the mayor said.'
SAID = "We will rebuild the bridge by June"
runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def jsonl(*recs: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in recs)


def test_version() -> None:
    res = run("--version")
    assert res.exit_code == 0
    assert res.stdout == f"storytrace {version('storytrace')}\n"


@pytest.mark.parametrize("cmd", [[], ["compare"], ["index"], ["quotes"], ["stories"]])
def test_help_shows_no_bool_metavar(cmd: list[str]) -> None:
    res = run(*cmd, "--help")
    assert res.exit_code == 0
    assert "<bool>" not in res.output and "--help" in res.output


def test_usage_error_is_status_2() -> None:
    res = run("compare", SEED_A, SEED_A, "--no-such-option")
    assert res.exit_code == 2
    res = run("compare", "-", "-")
    assert res.exit_code == 2 and "only one of the two articles can be -" in res.stderr


# --- literal output (no Rich markup) -------------------------------------------


def test_markup_in_paths_and_text_is_printed_literally(tmp_path: Path) -> None:
    folder = tmp_path / "a["
    folder.mkdir()
    path = folder / "b].txt"  # the path reads a[/b].txt
    path.write_text("[bold]Loud[/bold] " + QUOTED)
    res = run("quotes", str(path), "--no-parser")
    assert res.exit_code == 0, res.output
    flat = " ".join(res.stdout.split())
    assert str(path) in flat
    assert "We will rebuild the bridge by June" in flat
    # The terminal summary names both paths (wide enough not to shorten them).
    res = runner.invoke(app, ["compare", str(path), SEED_A], env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.output
    assert str(path) in res.stdout
    missing = str(tmp_path / "x[/red]y.txt")
    res = run("compare", missing, SEED_A)
    assert res.stderr == f"error: {missing}: no such file\n"


def test_markup_in_jsonl_errors_is_literal(tmp_path: Path) -> None:
    p = tmp_path / "[red]d.jsonl"
    p.write_text('{"id": "[/b]x"}\n')
    res = run("index", str(p), "--db", str(tmp_path / "db"))
    assert res.exit_code == 1
    assert f"skipped: {p}:1: record [/b]x: needs a string 'text'" in res.stderr


# --- stdin and JSON Lines ----------------------------------------------------------


def test_quotes_reads_one_article_or_jsonl_from_stdin() -> None:
    res = run("quotes", "-", "--json", "--no-parser", stdin=QUOTED)
    assert res.exit_code == 0, res.output
    (d,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert d["id"] == "-" and d["source"] == "<stdin>"
    assert [QUOTED[s:e] for s, e in (q["content"] for q in d["quotes"])] == [SAID]
    dump = jsonl({"id": "j1", "text": QUOTED}, {"id": "j2", "text": "No quotes in this one."})
    res = run("quotes", "-", "--json", "--no-parser", stdin=dump)
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["j1", "j2"]


def test_match_json_lines_and_no_match_status(tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    other = "Farmers in the valley reported a record apple harvest after a warm and wet spring."
    dump.write_text(jsonl({"id": "w1", "text": WIRE}, {"id": "o1", "text": other}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    probe = tmp_path / "probe.txt"
    probe.write_text(WIRE)
    res = run("match", str(probe), "--db", db, "--json")
    assert res.exit_code == 0, res.output
    hits = [json.loads(x) for x in res.stdout.splitlines()]
    assert hits[0]["id"] == "w1" and hits[0]["near_duplicate"] is True
    probe.write_text("A completely different text about chess openings and endgame studies today.")
    res = run("match", str(probe), "--db", db, "--json")
    assert res.exit_code == 1 and res.stdout == ""


def test_stories_skip_same_outlet(tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    tail = "\nLocal traders said the closure would hurt business during the summer season."
    dump.write_text(
        jsonl(
            {"id": "g1", "text": WIRE, "series": "gazette"},
            {"id": "g2", "text": WIRE + tail, "series": "gazette"},
            {"id": "h1", "text": WIRE + tail + " More later.", "outlet": "herald"},
        )
    )
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0

    def edges(*extra: str) -> set[tuple[str, str]]:
        res = run("stories", "--db", db, "--json", *extra)
        assert res.exit_code == 0, res.output
        stories = [json.loads(x) for x in res.stdout.splitlines()]
        return {tuple(sorted((e["a"], e["b"]))) for s in stories for e in s["edges"]}

    assert ("g1", "g2") in edges()
    skipped = edges("--skip-same-outlet")
    assert ("g1", "g2") not in skipped and ("g1", "h1") in skipped


# --- the quotes command over a batch -------------------------------------------------


def test_quotes_batch_folder_jsonl_and_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "1.txt").write_text(QUOTED)
    (folder / "2.txt").write_bytes(b"")  # bad: empty
    (folder / "3.jsonl").write_text(jsonl({"id": "r1", "text": QUOTED}) + "{broken\n")
    res = run("quotes", str(folder), SEED_A, "--json", "--no-parser")
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [
        str(folder / "1.txt"),
        str(folder / "2.txt"),
        "r1",
        f"{folder / '3.jsonl'}:2",
        SEED_A,
    ]
    assert "empty" in out[1]["error"] and "malformed JSON" in out[3]["error"]
    assert len(out[4]["quotes"]) > 5
    assert "3 articles processed, 2 skipped" in res.stderr
    res = run("quotes", str(folder), SEED_A, "--json", "--no-parser", "--fail-fast")
    assert res.exit_code == 1 and len(res.stdout.splitlines()) == 2


def test_quotes_error_of_a_readable_record_keeps_the_records_id(tmp_path: Path) -> None:
    # A record read but refused (no text) is keyed by the id its dump gave, as the articles
    # read are, so results join back to the dump; an unreadable line has only its place.
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "r1", "text": QUOTED}, {"id": "r2"}, {"id": 7, "text": ""}))
    dump.write_text(dump.read_text() + "{broken\n" + jsonl({"title": "no id", "text": QUOTED}))
    res = run("quotes", str(dump), "--json", "--no-parser")
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["r1", "r2", "7", f"{dump}:4", f"{dump}:5"]
    assert [bool(o.get("error")) for o in out] == [False, True, True, True, True]


def test_quotes_nothing_to_process(tmp_path: Path) -> None:
    # Empty JSON Lines on stdin: nothing to do. (An empty folder is an error of its own:
    # it names the folder, since a mistyped path must not pass as "nothing to do".)
    res = run("quotes", "-", stdin="")
    assert res.exit_code == 1 and "no articles to process" in res.stderr
    (tmp_path / "empty").mkdir()
    res = run("quotes", str(tmp_path / "empty"))
    assert res.exit_code == 1 and "folder holds no .txt" in res.stderr


# --- Ctrl-C --------------------------------------------------------------------------


def test_ctrl_c_is_one_line_and_status_130() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "storytrace", "quotes", "-", "--json", "--no-parser"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # A shell's background job starts with SIGINT ignored and a child inherits that;
        # a terminal's Ctrl-C reaches a program started with the default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write(jsonl({"id": "first", "text": QUOTED}).encode())
    proc.stdin.flush()
    # The first result proves the command is running and now waits for more input.
    assert json.loads(proc.stdout.readline())["id"] == "first"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    err = proc.stderr.read().decode()
    proc.stdin.close()
    assert proc.returncode == 130
    assert err.strip().splitlines() == [
        "interrupted: stopped by Ctrl-C; what was already written is kept"
    ]


# --- the Python API -----------------------------------------------------------------


def test_top_level_api() -> None:
    import storytrace

    for name in storytrace.__all__:
        assert getattr(storytrace, name) is not None, name
    from storytrace import compare, extract_quotes, index

    assert compare(QUOTED, QUOTED).verdict == "duplicate"
    assert [QUOTED[q.content[0] : q.content[1]] for q in extract_quotes(QUOTED)] == [SAID]
    assert callable(index)
    assert storytrace.__version__ == version("storytrace")


def test_import_is_lazy() -> None:
    code = (
        "import sys, storytrace; "
        "heavy = [m for m in ('storytrace.align', 'numpy', 'rich', 'storytrace.quotes') "
        "if m in sys.modules]; print(heavy)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "[]", out.stderr


def test_html_report_to_stdout() -> None:
    res = run("compare", SEED_A, SEED_A, "--html", "-")
    assert res.exit_code == 0, res.output
    assert res.stdout.lstrip().lower().startswith("<!doctype html")
    assert "HTML report written" not in res.stderr
    res = run("compare", SEED_A, SEED_A, "--html", "-", "--json")
    assert res.exit_code == 2 and "both write to standard output" in res.stderr


def _modules_after(*argv: str) -> set[str]:
    """Modules loaded by one CLI run, in a fresh interpreter."""
    code = (
        "import sys\n"
        "from storytrace.cli import app\n"
        "try:\n"
        f"    app({list(argv)!r}, prog_name='storytrace')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)\n"
    )
    # Without $COLUMNS: a pipe's help width, whose page is stored (tests/test_cli_fast.py).
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return set(proc.stderr.split())


def test_help_loads_no_engine() -> None:
    # Start-up time is imports (bench/cli_startup.py): --help must not load the engine,
    # rich, numpy or pydantic (typer's option coercion loaded it on every run), nor click
    # (the page is stored: tests/test_cli_fast.py).
    loaded = _modules_after("--help")
    assert "storytrace.cli.helptext" in loaded
    heavy = {"numpy", "rich", "pydantic", "typer", "storytrace.align", "storytrace.quotes"}
    heavy |= {"click", "storytrace.cli.commands"}
    # Nor the corpus layer: the store (sqlite3), fingerprints (xxhash), the tokeniser.
    heavy |= {"storytrace.store", "storytrace.corpus", "storytrace.fingerprints", "sqlite3"}
    heavy |= {"xxhash", "storytrace.text", "rapidfuzz", "importlib.metadata"}
    assert not heavy & loaded


def test_match_loads_no_compare_engine(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert (
        run(
            "index", "-", "--db", str(db), "--workers", "1", stdin=jsonl({"id": "w", "text": WIRE})
        ).exit_code
        == 0
    )
    probe = tmp_path / "p.txt"
    probe.write_text(WIRE)
    loaded = _modules_after("match", str(probe), "--db", str(db))
    assert "storytrace.store" in loaded  # it did run
    # numpy (about 45 ms), importlib.metadata (the engine version, about 17 ms) and
    # rapidfuzz (about 15 ms) are for indexing and aligning: looking one article up needs
    # none of them (fingerprints.query; diff imports rapidfuzz on first use).
    heavy = {"storytrace.align", "storytrace.stories", "multiprocessing.pool", "pydantic"}
    assert not (heavy | {"numpy", "importlib.metadata", "rapidfuzz"}) & loaded


def test_match_lists_hits_under_a_header_with_their_headlines(tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    dump.write_text(
        jsonl({"id": "w1", "text": "Harbour bridge to close\n" + WIRE, "outlet": "Gazette"})
    )
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    probe = tmp_path / "probe.txt"
    probe.write_text(WIRE)
    res = run("match", str(probe), "--db", db)
    assert res.exit_code == 0, res.output
    header, hit = res.stdout.splitlines()[:2]
    assert header.split() == ["score", "shared", "longest", "quotes", "article"]
    # An untitled record is named by its first line, with its outlet: a reader sees which
    # article it is without opening the index.
    assert "w1  Gazette  “Harbour bridge to close”" in hit


STOCK = "Other news: the weather was fine all week, and the markets were calm."
"""A stock phrase the probe adds after the wire text: six words of it are in OTHER."""
OTHER = "Farmers in the valley said the weather was fine all week for an apple harvest."


def _wire_and_other(tmp_path: Path) -> tuple[str, Path, str]:
    """An index of the wire text and an article sharing one stock phrase with the probe,
    and the probe: the wire text with that phrase after it. (db, probe path, probe text)"""
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "w1", "text": WIRE}, {"id": "o1", "text": OTHER}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    probe = tmp_path / "probe.txt"
    text = WIRE + "\n" + STOCK
    probe.write_text(text)
    return db, probe, text


def test_match_shows_the_words_each_hit_shares(tmp_path: Path) -> None:
    # Six shared words: winnowing keeps a 4-gram of every 5-word run that both texts hold.
    db, probe, text = _wire_and_other(tmp_path)
    out = run("match", str(probe), "--db", db, "--json").stdout
    hits = {h["id"]: h for h in map(json.loads, out.splitlines())}
    # The copy: its spans are the probe's words the stored article holds, the whole wire text.
    copy = hits["w1"]
    assert copy["longest_shared_words"] == copy["shared_words"] > 30
    (start, end), *_ = copy["shared_spans"]
    assert " ".join(text[start:end].split()) in " ".join(WIRE.split())
    # The other shares one stock phrase, and says which.
    phrase = hits["o1"]
    assert phrase["longest_shared_words"] < 8 and phrase["longest_shared"] in OTHER
    assert [text[s:e] for s, e in phrase["shared_spans"]] == [phrase["longest_shared"]]
    lines = run("match", str(probe), "--db", db, "--phrases").stdout.splitlines()
    (line,) = [x for x in lines if " o1 " in x]
    assert f"only the phrase “{phrase['longest_shared']}”" in line
    assert not [x for x in lines if " w1 " in x and "only the phrase" in x]


def test_match_folds_hits_sharing_only_a_short_phrase_into_a_closing_count(
    tmp_path: Path,
) -> None:
    """Found on ECB+ (ecb-5_2ecb.html): 10 of 14 hits shared only "the end of the", and a
    reader looking for where the article came from read them before anything else. Such a
    hit is counted on one closing line, its phrase named; --phrases lists it; --json keeps
    every hit and says why one is weak."""
    db, probe, _ = _wire_and_other(tmp_path)
    lines = run("match", str(probe), "--db", db).stdout.splitlines()
    assert [x.split()[4] for x in lines[1:-1]] == ["w1"]
    out = run("match", str(probe), "--db", db, "--json").stdout
    hits = {h["id"]: h for h in map(json.loads, out.splitlines())}
    assert hits["w1"]["weak"] is None and hits["o1"]["weak"] == "only the phrase"
    phrase = hits["o1"]["longest_shared"]
    assert lines[-1] == (
        f"1 more hit shares only a short phrase, not listed (--phrases lists it): “{phrase}”"
    )
    listed = run("match", str(probe), "--db", db, "--phrases").stdout.splitlines()
    assert [x.split()[4] for x in listed[1:]] == ["w1", "o1"]


def test_match_columns_count_words_as_its_json_does(tmp_path: Path) -> None:
    """Found on BBC business: a hit printed "shared 4, longest 5" (and 11 beside 13 on
    ECB+), a longest run longer than all that is shared, because "shared" counted
    fingerprints. Both columns count the probe's words, as shared_words and
    longest_shared_words in --json do."""
    db, probe, _ = _wire_and_other(tmp_path)
    out = run("match", str(probe), "--db", db, "--json").stdout
    hits = {h["id"]: h for h in map(json.loads, out.splitlines())}
    lines = run("match", str(probe), "--db", db, "--phrases").stdout.splitlines()[1:]
    for line in lines:
        score, shared, longest, quotes, hit_id = line.split()[:5]
        hit = hits[hit_id]
        assert (int(shared), int(longest)) == (hit["shared_words"], hit["longest_shared_words"])
        assert int(shared) >= int(longest)
    assert len(lines) == 2 and hits["o1"]["shared_words"] != hits["o1"]["shared_fingerprints"]


def test_a_hit_sharing_several_short_phrases_does_not_say_only_one(tmp_path: Path) -> None:
    """Found on BBC business: "shared 13 ... only the phrase “for the three months to”":
    13 words in several short runs, of which the note named one as all there was."""
    db = str(tmp_path / "db")
    other = (
        "Farmers in the valley said the weather was fine all week for an apple harvest. "
        "The co-operative reported that sales rose sharply in the fourth quarter of the year."
    )
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "o1", "text": other}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    probe = tmp_path / "probe.txt"
    probe.write_text(
        "Other news: the weather was fine all week, and the markets were calm. Retailers "
        "said sales rose sharply in the fourth quarter after a slow autumn."
    )
    (hit,) = map(json.loads, run("match", str(probe), "--db", db, "--json").stdout.splitlines())
    assert hit["shared_words"] > hit["longest_shared_words"] and not hit["shared_quotes"]
    (line,) = run("match", str(probe), "--db", db, "--phrases").stdout.splitlines()[1:]
    assert f"only short phrases, the longest “{hit['longest_shared']}”" in line
    assert "only the phrase" not in line


def test_match_names_the_article_itself_apart_from_its_copies(tmp_path: Path) -> None:
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE)
    copy = WIRE.replace("Tyne Road bridge", "old Tyne Road crossing") + "\nMore to follow."
    (folder / "copy.txt").write_text(copy)
    db = str(tmp_path / "db")
    assert run("index", str(folder), "--db", db, "--workers", "1").exit_code == 0
    mine = str(folder / "wire.txt")

    def hits(probe: str, *extra: str) -> dict[str, dict]:
        res = run("match", probe, "--db", db, "--json", *extra)
        assert res.exit_code == 0, res.output
        return {h["id"]: h for h in map(json.loads, res.stdout.splitlines())}

    # The indexed file asked about: itself first, named so, never its own near-duplicate;
    # the other copy is the near-duplicate.
    got = hits(mine)
    assert list(got) == [mine, str(folder / "copy.txt")]
    assert got[mine]["this_article"] and got[mine]["identical"]
    assert not got[mine]["near_duplicate"]
    assert got[mine]["score"] == got[mine]["shared_fingerprints"]
    other = got[str(folder / "copy.txt")]
    assert other["near_duplicate"] and not other["this_article"] and not other["identical"]
    lines = run("match", mine, "--db", db).stdout.splitlines()
    assert lines[1].endswith("this article (already indexed)") and "near-duplicate" not in lines[1]
    assert lines[2].endswith("near-duplicate")
    # The same file spelt another way (through a link to its folder) is still itself.
    (tmp_path / "link").symlink_to(folder)
    assert hits(str(tmp_path / "link" / "wire.txt"))[mine]["this_article"]
    # --limit counts the others: the article itself does not push a copy out.
    assert list(hits(mine, "--limit", "1")) == [mine, str(folder / "copy.txt")]
    # Another file with the same text is an identical copy, not "this article".
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(WIRE)
    got = hits(str(elsewhere))
    assert got[mine]["identical"] and not got[mine]["this_article"]
    assert "  identical text" in run("match", str(elsewhere), "--db", db).stdout
    # The file changed since it was indexed: still itself, and the line says its text differs.
    (folder / "wire.txt").write_text(WIRE + "\nThe council will meet again on Monday.")
    got = hits(mine)
    assert got[mine]["this_article"] and not got[mine]["identical"]
    lines = run("match", mine, "--db", db).stdout.splitlines()
    assert lines[1].endswith("this article (already indexed, with other text than now)")


def test_match_reads_a_record_on_standard_input_as_that_record(tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "w1", "text": WIRE}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    # jq's output piped in: the record, with its id, not its JSON source.
    res = run("match", "-", "--db", db, "--json", stdin=json.dumps({"id": "w1", "text": WIRE}))
    (hit,) = map(json.loads, res.stdout.splitlines())
    assert hit["this_article"] and hit["identical"]
    res = run("match", "-", "--db", db, "--json", stdin=json.dumps({"id": "x", "text": WIRE}))
    (hit,) = map(json.loads, res.stdout.splitlines())
    assert res.exit_code == 0 and hit["identical"] and not hit["this_article"]


def test_match_of_an_indexed_record_alone_says_nothing_else_shares_its_text(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "w1", "text": WIRE}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    # A .json file holding the record: its id says which stored article it is.
    probe = tmp_path / "w1.json"
    probe.write_text(json.dumps({"id": "w1", "text": WIRE}))
    res = run("match", str(probe), "--db", db)
    assert res.exit_code == 1
    assert res.stdout.splitlines()[1].endswith("this article (already indexed)")
    said = "no other indexed article shares text with this one (it is indexed itself)\n"
    assert res.stderr == said
    res = run("match", str(probe), "--db", db, "--json")
    (hit,) = map(json.loads, res.stdout.splitlines())
    assert res.exit_code == 1 and hit["this_article"] and not hit["near_duplicate"]


def test_match_marks_a_cut_headline_with_an_ellipsis(tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    title = "Harbour bridge to close for six months while engineers replace every cable on it"
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl({"id": "w1", "text": title + "\n" + WIRE}))
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    probe = tmp_path / "probe.txt"
    probe.write_text(WIRE)
    hit = run("match", str(probe), "--db", db).stdout.splitlines()[1]
    label = hit.split("“", 1)[1].split("”", 1)[0]
    # A headline longer than the column is cut at a word's edge or inside one, and says so.
    assert len(label) <= 70 and label.endswith("…") and title.startswith(label[:-1])


def test_no_progress_thread_when_stderr_is_not_a_terminal() -> None:
    import threading

    from storytrace.cli.commands import progress_bar

    before = threading.active_count()
    with progress_bar() as bar:  # pytest captures stderr: not a terminal
        bar.add_task("articles", total=3)
        assert threading.active_count() == before


def test_index_bar_shows_one_phase_at_a_time_with_its_own_count() -> None:
    import io

    from rich.console import Console
    from rich.progress import Progress

    from storytrace.cli.commands import phase_progress

    bar = Progress(console=Console(file=io.StringIO(), force_terminal=True))
    show = phase_progress(bar)
    show("reading", 70, None)
    assert [(t.description, t.completed, t.total) for t in bar.tasks] == [
        ("reading articles", 70, None)
    ]
    show("aligning", 0, 70)
    show("aligning", 12, 70)  # not 82 of 70: the articles read are another phase's count
    assert [(t.description, t.completed, t.total) for t in bar.tasks] == [
        ("aligning new articles", 12, 70)
    ]
    show("stories", 0, None)
    assert [(t.description, t.total) for t in bar.tasks] == [("grouping stories", None)]


def test_stories_with_no_story_says_so(tmp_path: Path) -> None:
    """Two unrelated articles: the text view says none shares a story, not nothing at all
    (an empty answer reads as a failure)."""
    db = str(tmp_path / "db")
    dump = tmp_path / "d.jsonl"
    dump.write_text(
        jsonl(
            {"id": "w", "text": WIRE},
            {"id": "c", "text": "A recipe for plum jam: boil the fruit with sugar and lemon."},
        )
    )
    assert run("index", str(dump), "--db", db, "--workers", "1").exit_code == 0
    res = run("stories", "--db", db)
    assert res.exit_code == 0
    assert res.stdout == "no story: none of the 2 indexed articles shares a story with another\n"
    # --json lists every article's story, one-article stories included.
    stories = [json.loads(x) for x in run("stories", "--db", db, "--json").stdout.splitlines()]
    assert sorted(s["articles"] for s in stories) == [["c"], ["w"]]
