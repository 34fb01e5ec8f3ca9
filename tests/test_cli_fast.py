"""The entry point's fast paths print what click would, without importing click.

``storytrace --help`` (any command's), ``--version`` and the plain forms of ``match``
run in :mod:`storytrace.cli` itself (start-up is most of a short call:
bench/cli_startup.py). These tests hold them to click's output on the same input, and
hold that they import neither click nor the other modules they do not need.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storytrace.cli import HELP_WIDTHS, MAX_HELP_WIDTH, _match_args, help_width
from storytrace.cli.commands import app as group
from storytrace.cli.commands import help_pages
from storytrace.cli.helptext import PAGES
from storytrace.corpus import index_records

ROOT = Path(__file__).resolve().parents[1]
SEED_A = ROOT / "examples" / "seed_a.txt"
WIRE = (ROOT / "tests" / "fixtures" / "corpus" / "wire.txt").read_text(encoding="utf-8")
NOT_FOR_HELP = {"click", "typing", "inspect", "rich", "typer", "numpy", "json", "pathlib"}
"""Modules a stored help page must not load (typing and inspect: about 25 ms together)."""


def _env(columns: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    if columns is not None:
        env["COLUMNS"] = columns
    return env


def _run(argv: list[str], columns: str | None = None, stdin: str | None = None):
    """``python -X importtime -m storytrace ARGV`` in a fresh interpreter (stdout a pipe):
    the process and the modules it imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "storytrace", *argv],
        capture_output=True,
        text=True,
        env=_env(columns),
        input=stdin,
    )
    modules = {
        line.split("|")[-1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    }
    proc.stderr = "".join(
        line + "\n" for line in proc.stderr.splitlines() if not line.startswith("import time:")
    )
    return proc, modules


def test_stored_help_pages_are_what_click_prints() -> None:
    # Fails when a command's options or help text change and the pages were not rewritten:
    # run `python -m storytrace.cli.commands` (it rewrites src/storytrace/cli/helptext.py).
    assert help_pages() == PAGES
    paths = {key for key, _ in PAGES}
    assert {"", "match", "compare", "spark", "spark run"} <= paths


@pytest.mark.parametrize("columns", [None, "80", "100", "130", "90", "30", "0", "wide"])
def test_help_width_is_the_one_click_takes(monkeypatch, columns: str | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_width() == click.formatting.HelpFormatter(max_width=MAX_HELP_WIDTH).width


@pytest.mark.parametrize(
    ("argv", "key"),
    [
        (["--help"], ""),
        (["-h"], ""),
        (["match", "--help"], "match"),
        (["spark", "run", "-h"], "spark run"),
    ],
)
@pytest.mark.parametrize(("columns", "width"), [(None, 78), ("80", 78), ("120", 98)])
def test_help_is_the_stored_page_without_click(
    argv: list[str], key: str, columns: str | None, width: int
) -> None:
    proc, modules = _run(argv, columns)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout == PAGES[(key, width)]
    assert "storytrace.cli.helptext" in modules  # the page came from the store
    assert not NOT_FOR_HELP & modules


def test_help_at_another_width_is_clicks() -> None:
    proc, modules = _run(["match", "--help"], "90")
    assert proc.returncode == 0 and "click" in modules
    assert proc.stdout.startswith("Usage: storytrace match [OPTIONS] FILE\n")
    assert proc.stdout not in {PAGES[("match", w)] for w in HELP_WIDTHS}  # wrapped at 88
    assert max(len(line) for line in proc.stdout.splitlines()) <= 88


def test_console_script_form_and_another_program_name() -> None:
    # The console script calls app() with no arguments: click names the program after
    # sys.argv[0]; a page stored for "storytrace" is printed only under that name.
    code = "import sys\nsys.argv[0] = sys.argv.pop(1)\nfrom storytrace.cli import app\napp()"
    for name, fast in (("/usr/local/bin/storytrace", True), ("/opt/st-dev", False)):
        proc = subprocess.run(
            [sys.executable, "-c", code, name, "--help"],
            capture_output=True,
            text=True,
            env=_env("80"),
        )
        assert proc.returncode == 0, proc.stderr
        usage = "Usage: " + Path(name).name + " [OPTIONS] COMMAND [ARGS]...\n"
        assert proc.stdout.startswith(usage)
        assert (proc.stdout == PAGES[("", 78)]) is fast


def test_version_without_click() -> None:
    proc, modules = _run(["--version"])
    clicked = CliRunner().invoke(group, ["--version"])
    assert proc.returncode == clicked.exit_code == 0
    assert proc.stdout == clicked.stdout
    assert "click" not in modules
    # the version is a constant of the package, not read from the installed metadata
    assert "importlib.metadata" not in modules


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fast") / "db"
    seed = SEED_A.read_text(encoding="utf-8")
    other = "Farmers in the valley reported a record apple harvest after a warm and wet spring."
    recs = [("wire", {"text": WIRE, "outlet": "Gazette"}), ("seed", {"text": seed})]
    index_records([*recs, ("other", {"text": other})], folder, workers=1)
    return folder


def _both(argv: list[str], stdin: str | None = None):
    """The fast path in a fresh interpreter beside click's own command on the same argv."""
    proc, modules = _run(argv, stdin=stdin)
    clicked = CliRunner().invoke(group, argv, input=stdin, prog_name="storytrace")
    return proc, modules, clicked


@pytest.mark.parametrize(
    "form",
    [
        ["{wire}", "--db", "{db}"],
        ["--db={db}", "{wire}", "--json"],
        ["{wire}", "--limit", "1", "--db", "{db}"],
        ["{seed}", "--db", "{db}", "--limit=3", "--json"],
        ["{seed}", "--db", "{db}", "--phrases"],
        ["-", "--db", "{db}"],
        ["{chess}", "--db", "{db}"],  # nothing shares text: exit 1 and a message
        ["{missing}", "--db", "{db}"],  # unreadable input: one line, exit 2
    ],
)
def test_match_prints_what_click_prints_without_click(
    db: Path, tmp_path: Path, form: list[str]
) -> None:
    chess = tmp_path / "chess.txt"
    chess.write_text("A completely different text about chess openings and endgame studies.")
    names = {"wire": ROOT / "tests/fixtures/corpus/wire.txt", "seed": SEED_A, "db": db}
    names |= {"chess": chess, "missing": tmp_path / "missing.txt"}
    argv = ["match", *(part.format(**names) for part in form)]
    proc, modules, clicked = _both(argv, stdin=WIRE if "-" in form else None)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        clicked.exit_code,
        clicked.stdout,
        clicked.stderr,
    )
    assert "click" not in modules and "storytrace.cli.commands" not in modules
    assert proc.returncode in (0, 1, 2) and proc.stdout + proc.stderr
    if form[0] == "{wire}":
        assert "wire" in proc.stdout


@pytest.mark.parametrize(
    "form",
    [
        ["{wire}"],  # no --db
        ["{wire}", "--db", "{db}", "--limit", "0"],
        ["{wire}", "--db", "{db}", "--limit", "two"],
        ["{wire}", "--db", "{db}", "--db", "{db}"],
        ["{wire}", "{wire}", "--db", "{db}"],
        ["{wire}", "--db", "{db}", "--html", "x"],
        ["--db", "{db}"],
    ],
)
def test_other_match_forms_go_to_click(db: Path, form: list[str]) -> None:
    names = {"wire": ROOT / "tests/fixtures/corpus/wire.txt", "db": db}
    argv = ["match", *(part.format(**names) for part in form)]
    proc, modules, clicked = _both(argv)
    assert "click" in modules
    assert (proc.returncode, proc.stdout) == (clicked.exit_code, clicked.stdout)
    assert proc.stderr == clicked.stderr


def test_match_arguments() -> None:
    assert _match_args(["match", "a.txt", "--db", "d"]) == ("a.txt", "d", 20, False, False)
    assert _match_args(["match", "--json", "--limit=05", "--db=d", "-"]) == (
        "-",
        "d",
        5,
        True,
        False,
    )
    assert _match_args(["match", "a", "--phrases", "--db", "d"]) == ("a", "d", 20, False, True)
    for refused in (
        ["compare", "a", "--db", "d"],
        ["match", "a", "--db"],
        ["match", "a", "--db", "-x"],
        ["match", "a", "--db="],
        ["match", "a", "--db", "d", "--limit", "+3"],
        ["match", "a", "--db", "d", "--limit", "٣"],  # a digit click's int() accepts: click
        ["match", "a", "--db", "d", "--json", "--json"],
        ["match", "a", "--db", "d", "--phrases", "--phrases"],
        ["match", "a", "--db", "d", "--"],
        ["match", "-a", "--db", "d"],
        ["match", "a", "--db", "d", "-h"],
    ):
        assert _match_args(refused) is None, refused
