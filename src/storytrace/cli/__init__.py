"""The ``storytrace`` command line: a thin shell over the public Python API.

Conventions shared by every command:

- ``-`` is standard input wherever a file is read (``compare - B``,
  ``compare --pairs -``, ``index -``, ``quotes -``); results go to standard
  output, messages to standard error, each message one line.
- Every multi-record output is JSON Lines: one object per pair, article,
  match or story. Errors of a batch come in input order, keyed by ``id``,
  as ``{"id": ..., "error": "..."}`` lines among the results.
- Exit status: 0 when everything was processed; 1 when some records failed
  (the rest are still processed with the default ``--keep-going``;
  ``--fail-fast`` stops at the first) or when there was nothing to process;
  2 for usage errors and unreadable single inputs; 130 on Ctrl-C (and SIGTERM during
  ``index``).
- Text from articles and paths is printed literally, never as Rich markup.

The commands are defined with click in :mod:`storytrace.cli.commands`. This module is
the entry point (the console script's ``storytrace.cli:app`` and ``python -m
storytrace``) and imports nothing heavy, because most of a short call is start-up
(``bench/cli_startup.py``; ``import click`` alone cost more than ``match``'s work):

- ``--help`` of any command prints the page click renders from those definitions,
  stored in :mod:`storytrace.cli.helptext` for the two text widths click picks
  for a pipe or an 80-column terminal (78) and for 100 columns or more (98);
  ``tests/test_cli_help.py`` fails when a stored page differs from click's;
- ``--version`` and the plain forms of ``match`` (``FILE --db DIR [--limit N]
  [--json]``) run here, through the same functions as their click commands.

Anything else, including every usage error, goes to click.
"""

from __future__ import annotations

import os
import sys
import warnings

from storytrace.errors import InputError, InputWarning

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~10 ms)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any

    import click

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
MAX_HELP_WIDTH = 100
"""click's ``max_content_width`` for every command: help text is at most 98 wide."""
MATCH_LIMIT = 20
"""``match``'s default ``--limit``."""
HELP_WIDTHS = (78, 98)
"""The text widths whose help pages are stored (:mod:`storytrace.cli.helptext`)."""


def say(prefix: str, message: str) -> None:
    """One line on stderr, printed literally: article text and paths are never markup."""
    sys.stderr.write(f"{prefix} {message}\n" if prefix else f"{message}\n")
    sys.stderr.flush()


def emit(record: dict) -> None:
    """One JSON Lines record on stdout."""
    import json  # imported with the engine by every command that emits

    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _show_warning(message: Any, category: type, *args: Any, **kwargs: Any) -> None:
    if issubclass(category, InputWarning):
        say("warning:", str(message))
    else:
        _default_showwarning(message, category, *args, **kwargs)


_default_showwarning = warnings.showwarning


def user_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """One line instead of a traceback: InputError (exit 2), Ctrl-C (exit 130), broken
    pipes (exit 0); input warnings are printed as they happen.

    Exits by SystemExit, which click passes through unchanged, so the click commands and
    the fast paths share this wrapper.
    """
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", InputWarning)
                warnings.showwarning = _show_warning
                return fn(*args, **kwargs)
        except InputError as e:
            say("error:", str(e))
            raise SystemExit(EXIT_USAGE) from None
        except KeyboardInterrupt as e:
            # corpus.Interrupted says what was kept (its workers stopped quietly).
            say("interrupted:", str(e) or "stopped by Ctrl-C; what was already written is kept")
            raise SystemExit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): not an error of ours.
            sys.stderr.close()
            raise SystemExit(0) from None

    return wrapper


def print_version() -> None:
    from storytrace import __version__

    sys.stdout.write(f"storytrace {__version__}\n")


def match(file: str, db: str | Path, limit: int, json_out: bool, phrases: bool = False) -> None:
    """``storytrace match``: the ranked hits, one line each (or JSON Lines); exit 1 when
    nothing but ``file`` itself (already indexed) shares text with it. Hits sharing only
    short phrases (``weak``) are counted on one closing line unless ``phrases``; JSON Lines
    hold every hit. The candidates ``limit`` left out are counted on the last line (each
    JSON object carries their count)."""
    from storytrace import lookup
    from storytrace.text import short  # loaded by the match itself: no start-up cost

    hits = lookup.match(file, db, limit)
    listed = hits if json_out or phrases else [h for h in hits if not h["weak"]]
    if listed and not json_out:
        sys.stdout.write("score  shared  longest  quotes  article\n")
    for h in listed:
        if json_out:
            emit(h)
            continue
        label = short(h["label"], 70)  # an ellipsis: a cut title is not the whole title
        sys.stdout.write(
            f"{h['score']:>5} {h['shared_words']:>7} {h['longest_shared_words']:>8}"
            f" {h['shared_quotes']:>7}  {h['id']}{_where(h)}  “{label}”{_hit_note(h)}\n"
        )
    if len(listed) < len(hits):
        weak = [h for h in hits if h["weak"]]
        what, phrases = lookup.folded(weak, more=bool(listed))
        it = "it" if len(weak) == 1 else "them"
        sys.stdout.write(f"{what}, not listed (--phrases lists {it}): {phrases}\n")
    if not json_out and (cut := lookup.not_shown(hits)):
        it = "it" if hits[0]["candidates_not_shown"] == 1 else "them"
        sys.stdout.write(f"{cut} (--limit {limit}; raise it to see {it})\n")
    if all(h["this_article"] for h in hits):
        mine = " (it is indexed itself)" if hits else ""
        say("", f"no other indexed article shares text with this one{mine}")
        raise SystemExit(EXIT_FAILED)


def _where(hit: dict) -> str:
    where = " ".join(x for x in (hit["outlet"], (hit["published"] or "")[:10]) if x)
    return "  " + where if where else ""


def _hit_note(hit: dict) -> str:
    """What a ``match`` hit is, after its title."""
    from storytrace.lookup import phrase_note
    from storytrace.text import short

    if hit["this_article"]:
        changed = "" if hit["identical"] else ", with other text than now"
        return f"  this article (already indexed{changed})"
    if hit["identical"]:
        return "  identical text"
    if hit["near_duplicate"]:
        return "  near-duplicate"
    if note := phrase_note(hit):
        return f"  {note} “{short(hit['longest_shared'], 60)}”"
    return ""


def help_width() -> int:
    """The text width click's help formatter takes: the terminal's columns as
    ``shutil.get_terminal_size`` finds them ($COLUMNS, else the terminal on stdout, else
    80), at most ``MAX_HELP_WIDTH``, less 2, at least 50; without importing shutil, which
    imports the bz2 and lzma modules."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):  # not a terminal, closed or None
            columns = 80
    return max(min(columns, MAX_HELP_WIDTH) - 2, 50)


def _help_page(argv: list[str]) -> str | None:
    """The stored ``--help`` page for ``argv`` (``[*command, "--help"]``), if there is one
    for this width."""
    if not argv or argv[-1] not in ("--help", "-h"):
        return None
    width = help_width()
    if width not in HELP_WIDTHS:
        return None
    from storytrace.cli.helptext import PAGES

    return PAGES.get((" ".join(argv[:-1]), width))


def _match_args(argv: list[str]) -> tuple[str, str, int, bool, bool] | None:
    """``(file, db, limit, json, phrases)`` of ``match FILE --db DIR [--limit N] [--json]
    [--phrases]``, options
    in any order, ``--opt=value`` or ``--opt value``; None for any other form (a repeated
    or unknown option, a value that starts with "-", a limit that is not a whole number of
    at least 1, a missing FILE or --db), which click then parses and reports."""
    if not argv or argv[0] != "match":
        return None
    file = db = limit = None
    json_out = phrases = False
    rest = argv[1:]
    while rest:
        token = rest.pop(0)
        if token == "--json" and not json_out:
            json_out = True
            continue
        if token == "--phrases" and not phrases:
            phrases = True
            continue
        name, eq, value = token.partition("=")
        if name in ("--db", "--limit"):
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            if not value or value.startswith("-"):
                return None
            if name == "--db" and db is None:
                db = value
            elif name == "--limit" and limit is None and value.isascii() and value.isdigit():
                limit = int(value)
            else:
                return None
        elif file is None and (token == "-" or not token.startswith("-")):
            file = token
        else:
            return None
    if file is None or db is None or limit == 0:
        return None
    return file, db, MATCH_LIMIT if limit is None else limit, json_out, phrases


def _program_name(prog_name: str | None) -> str | None:
    """The name click would print in usage lines, when it can be known without click."""
    if prog_name is not None:
        return prog_name
    main = sys.modules.get("__main__")
    if getattr(main, "__package__", None) not in (None, ""):  # python -m: click says so
        return None
    return os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else None


def _fast(argv: list[str], prog_name: str | None) -> bool:
    """Run ``argv`` without click when it is one of the forms this module serves."""
    if "_STORYTRACE_COMPLETE" in os.environ:  # click's shell completion
        return False
    if argv == ["--version"]:
        print_version()
        return True
    if _program_name(prog_name) == "storytrace" and (page := _help_page(argv)) is not None:
        sys.stdout.write(page)
        sys.stdout.flush()
        return True
    if (parsed := _match_args(argv)) is not None:
        user_errors(match)(*parsed)
        return True
    return False


def _group() -> click.Group:
    from storytrace.cli.commands import app as group

    return group


class _Entry:
    """``storytrace.cli.app``: called as the program (the console script, ``python -m
    storytrace``), it serves the fast forms itself and hands the rest to click; for
    anything else (click's test runner calls ``app.main``) it is the click group."""

    def __call__(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        if not extra and _fast(argv, prog_name):
            raise SystemExit(0)  # as click's standalone mode ends
        return _group()(args, prog_name=prog_name, **extra)

    def __getattr__(self, name: str) -> Any:
        return getattr(_group(), name)


app = _Entry()
