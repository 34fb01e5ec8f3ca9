"""The commands of ``storytrace``, defined with click (the conventions they share and
the entry point that calls them: :mod:`storytrace.cli`).

Every import of the engine is inside the command that needs it. Run as a module
(``python -m storytrace.cli.commands``) it rewrites :mod:`storytrace.cli.helptext`,
the ``--help`` pages the entry point prints without importing click.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from storytrace.cli import (
    EXIT_FAILED,
    HELP_WIDTHS,
    MATCH_LIMIT,
    MAX_HELP_WIDTH,
    emit,
    print_version,
    say,
    user_errors,
)
from storytrace.cli import match as run_match
from storytrace.errors import InputError

if TYPE_CHECKING:
    from rich.progress import Progress

    from storytrace import corpus
    from storytrace.articles import Article

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": MAX_HELP_WIDTH}


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        print_version()
        ctx.exit()


class _InOrder(click.Group):
    """Commands listed in the order they are defined (compare first), not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=_InOrder, context_settings=CONTEXT, no_args_is_help=True)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Print the version and exit.",
)
def app() -> None:
    """Show how news text travels: shared passages, spun and reworded text, quotes,
    and who copied whom. Start with: storytrace compare A B"""


def progress_bar() -> Progress:
    """A progress bar on stderr; none at all when stderr is not a terminal.

    Disabled rather than merely hidden there: a running bar has a refresh thread that the
    bar's exit joins under a lock, and ``quotes -`` once hung after Ctrl-C under load
    (test_ctrl_c_is_one_line_and_status_130; not reproduced in six runs since). Without
    the thread there is nothing to wait on."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


PHASE_LABELS: dict[str, str] = {
    "reading": "reading articles",
    "quotes": "extracting quotes again",
    "aligning": "aligning new articles",
    "stories": "grouping stories",
}
"""The bar's label of each phase of ``index`` (:data:`storytrace.corpus.Phase`)."""


def phase_progress(bar: Progress) -> corpus.Progress:
    """``index``'s progress callback: one bar at a time, labelled with its phase and
    counting that phase's items of its total (a new bar for each phase: a count of
    articles read is no part of the count of articles aligned)."""
    shown: list[Any] = []  # the phase and task shown now

    def show(phase: corpus.Phase, done: int, total: int | None) -> None:
        if not shown or shown[0] != phase:
            if shown:
                bar.remove_task(shown[1])
            shown[:] = [phase, bar.add_task(PHASE_LABELS[phase], total=total)]
        bar.update(shown[1], completed=done, total=total)

    return show


def stdout_console() -> Any:
    """Rich console for results: strings are never read as markup (paths and article
    text may contain "[/b]"), and nothing is auto-highlighted."""
    from rich.console import Console

    return Console(markup=False, highlight=False)


class Tally:
    """Counts a batch's outcomes and turns them into the exit status."""

    def __init__(self, fail_fast: bool) -> None:
        self.ok = 0
        self.failed = 0
        self.fail_fast = fail_fast

    def failure(self, message: str) -> bool:
        """Report one failed record; True when the batch should stop."""
        self.failed += 1
        say("skipped:", message)
        return self.fail_fast

    def finish(self, what: str) -> None:
        if self.ok + self.failed == 0:
            say("error:", f"no {what} to process")
            raise SystemExit(EXIT_FAILED)
        noun = what[:-1] if self.ok == 1 and what.endswith("s") else what
        say("", f"{self.ok} {noun} processed, {self.failed} skipped")
        if self.failed:
            raise SystemExit(EXIT_FAILED)


_FAIL_FAST = click.option(
    "--fail-fast/--keep-going",
    default=False,
    help="Stop at the first record that fails, or (default) report it, process the rest "
    "and exit with status 1 at the end.",
)
_PATH = click.Path(path_type=Path)


def _check_semantic(semantic: str | None) -> None:
    if semantic not in (None, "embedding", "lexical", "auto"):
        raise InputError(f"--semantic must be embedding, lexical or auto, not {semantic!r}")


@app.command(context_settings=CONTEXT)
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help="Print the full result as JSON (docs/compare.schema.json).",
)
@click.option(
    "--html",
    type=_PATH,
    metavar="FILE",
    help="Write a self-contained HTML report to this file (- for standard output).",
)
@click.option(
    "--pairs",
    metavar="JSONL",
    help='Batch mode: JSONL (or .jsonl.gz, or - for stdin) of {"id","a","b"} paths '
    'or {"id","a_text","b_text"}; prints one JSON result per line in input order, '
    'a bad pair as {"id","error"}.',
)
@click.option(
    "--workers", type=int, default=0, help="Batch mode: worker processes (default: all cores)."
)
@click.option(
    "--no-text", is_flag=True, help="Batch mode: leave the article texts out of the JSON."
)
@_FAIL_FAST
@click.option(
    "--semantic",
    metavar="MODE",
    help="Also pair reworded sentences by meaning: embedding (the semantic extra), "
    "lexical, or auto (embedding when installed). The output's mode says which ran.",
)
@user_errors
def compare(
    a: str | None,
    b: str | None,
    json_out: bool,
    html: Path | None,
    pairs: str | None,
    workers: int,
    no_text: bool,
    fail_fast: bool,
    semantic: str | None,
) -> None:
    """Align two articles A and B and explain how they relate.

    A and B are text or HTML files, JSONL or .json files holding one record,
    or - (one of them) for standard input (text, HTML or one JSON record).
    Shows the verdict, how much of each article is shared (with and without
    quotes) and every shared passage in both versions with differing words
    marked. Spans are character offsets into the analysed text.

    Publication dates are read as index reads them (a record's "published" or
    "date", an HTML page's date metadata): two articles published more than
    7 days apart that share only names are not the same story (rule
    published-apart, as stories keeps them apart); the JSON's
    evidence.published gives both dates or says they are unknown.
    """
    _check_semantic(semantic)
    if pairs is not None:
        if a or b:
            raise InputError("give either two articles or --pairs, not both")
        _compare_batch(pairs, workers or None, not no_text, fail_fast, semantic)
        return
    if a is None or b is None:
        raise InputError("compare needs two articles (or --pairs FILE); see --help")
    if a == "-" and b == "-":
        raise InputError("only one of the two articles can be - (standard input)")
    from storytrace.align import Options
    from storytrace.align import compare as api_compare
    from storytrace.articles import read_article

    if json_out and _is_stdout(html):
        raise InputError("--json and --html - both write to standard output: choose one")
    result = api_compare(read_article(a), read_article(b), Options(semantic=semantic))
    if html is not None:
        from storytrace.report import render_html

        if write_report(html, render_html(result)):
            return
    if json_out:
        emit(result.to_dict())
        return
    from storytrace.report import terminal_summary

    stdout_console().print(terminal_summary(result), crop=False)  # long paths stay whole


def _compare_batch(
    path: str, workers: int | None, include_text: bool, fail_fast: bool, semantic: str | None
) -> None:
    from storytrace.align import Options
    from storytrace.articles import iter_jsonl
    from storytrace.pairs import compare_records, record_problem

    name = "<stdin>" if path == "-" else path

    def refused(n: int, rec: dict | InputError) -> dict | None:
        # Errors of the line itself name it; a malformed line has no id to give.
        if isinstance(rec, InputError):
            return {"id": None, "error": str(rec)}
        problem = record_problem(rec)
        return None if problem is None else {"id": rec.get("id"), "error": f"{name}:{n}: {problem}"}

    lines = [(refused(n, rec), rec) for n, rec in iter_jsonl(path)]
    records = [rec for bad, rec in lines if bad is None]
    base = Path.cwd() if path == "-" else Path(path).parent
    tally = Tally(fail_fast)
    with progress_bar() as bar:
        task = bar.add_task("comparing pairs", total=len(lines))
        results = compare_records(
            records, workers, base, include_text, options=Options(semantic=semantic)
        )
        try:
            for bad, _ in lines:
                res = bad or next(results)  # errors keep their place among the results
                emit(res)
                bar.advance(task)
                if "error" not in res:
                    tally.ok += 1
                elif tally.failure(
                    res["error"] if res["id"] is None else f"pair {res['id']}: {res['error']}"
                ):
                    break
        finally:
            results.close()  # stops the worker pool when --fail-fast ends early
    tally.finish("pairs")


def _articles(paths: Iterable[str], fail_fast: bool) -> Iterator[tuple[str, Article | InputError]]:
    from storytrace.articles import iter_articles

    for aid, art in iter_articles(paths, stdin_article=True, unique_ids=False):
        yield aid, art
        if fail_fast and isinstance(art, InputError):
            return


@app.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json", "json_out", is_flag=True, help="Print one JSON object per article per line."
)
@click.option(
    "--parser/--no-parser",
    default=None,
    help="Use spaCy (the nlp extra) for speakers and reporting verbs (default: when installed).",
)
@click.option(
    "--beliefs",
    is_flag=True,
    help="Also list beliefs and findings ('officials believe that ...') as kind belief.",
)
@_FAIL_FAST
@user_errors
def quotes(
    paths: tuple[str, ...], json_out: bool, parser: bool | None, beliefs: bool, fail_fast: bool
) -> None:
    """List every quotation: kind (direct, indirect, mixed; belief with --beliefs), speaker, words.

    PATHS: article files (text or HTML, or a .json file holding one record),
    folders, JSONL dumps (.jsonl, .jsonl.gz, .ndjson), or - for stdin (one
    article, or JSON Lines), as index reads them.

    With --json: one object per article, {"id", "source", "text", "quotes"},
    and {"id", "error"} for an input that could not be read, in input order.
    Spans are character offsets into the article's "text". A progress bar runs
    on stderr.
    """
    from storytrace.quotes import QuotesResult, extract_quotes

    tally = Tally(fail_fast)
    console = None if json_out else stdout_console()
    with progress_bar() as bar:
        task = bar.add_task("extracting quotes", total=None)
        for aid, art in _articles(paths, fail_fast):
            bar.advance(task)
            if isinstance(art, InputError):
                if json_out:
                    emit({"id": aid, "error": str(art)})
                if tally.failure(str(art)):
                    break
                continue
            try:
                found = extract_quotes(art.text, parser=parser, beliefs=beliefs)
            except ImportError as e:
                raise InputError(f"--parser needs spaCy and an English model ({e})") from None
            tally.ok += 1
            if json_out:
                emit({"id": aid, **QuotesResult(art.source, art.text, found).to_dict()})
            else:
                console.print(_quotes_table(art, found))
    tally.finish("articles")


def _quotes_table(art: Article, found: list) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(art.source), show_lines=False, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("speaker", ratio=1)
    table.add_column("quote", ratio=3)
    for q in found:
        quote = Text(q.quoted(art.text))
        table.add_row(q.kind, Text(q.speaker_name or "—"), quote)
    if not found:
        table.add_row("—", "—", "no quotes found")
    return table


@app.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json", "json_out", is_flag=True, help="Print one JSON object per article per line."
)
@_FAIL_FAST
@user_errors
def spin(paths: tuple[str, ...], json_out: bool, fail_fast: bool) -> None:
    """Flag phrases that look like article-spinner output, with a spin score per article.

    PATHS: article files (text or HTML, or a .json file holding one record),
    folders, JSONL dumps, or - for stdin.

    Uses the spin extra (Moby, word frequencies) and WordNet, which ships with
    storytrace ($STORYTRACE_WORDNET: another WordNet directory, or none). Spans in --json
    output are character offsets into the article's "text".
    """
    from storytrace import synonyms
    from storytrace.spin import detect

    if not synonyms.available():
        raise InputError(synonyms.MISSING_MESSAGE)
    tally = Tally(fail_fast)
    for aid, art in _articles(paths, fail_fast):
        if isinstance(art, InputError):
            if json_out:
                emit({"id": aid, "error": str(art)})
            if tally.failure(str(art)):
                break
            continue
        report = detect(art.text)
        tally.ok += 1
        if json_out:
            emit({"id": aid, "source": art.source, "text": art.text, **report.to_dict()})
        else:
            _print_spin(art, report)
    tally.finish("articles")


def _print_spin(art: Article, report: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    console = stdout_console()
    # A plain line above the table, not a centred table title: that began with a space and
    # wrapped the likelihood's words at 80 columns. Printed unwrapped: a long path makes it
    # a line the terminal folds, never one broken inside the likelihood's words.
    head = f"{art.source}: spin likelihood {report.likelihood:.2f} ({report.scale})"
    console.print(Text(head), soft_wrap=True)
    table = Table(expand=True)
    table.add_column("offsets", no_wrap=True)
    table.add_column("phrase", ratio=1)
    table.add_column("why", ratio=2)
    for f in report.flags:
        table.add_row(f"{f.span[0]}-{f.span[1]}", Text(f.phrase), Text(f.reason))
    if not report.flags:
        table.add_row("—", "—", "nothing flagged")
    console.print(table)
    console.print(Text(f"{report.score:.2f} flagged phrases per 100 words"))


@app.command(context_settings=CONTEXT)
@click.option(
    "--db", type=_PATH, metavar="DIR", help="Index folder to browse (storytrace index --db)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@user_errors
def serve(db: Path | None, host: str, port: int) -> None:
    """Run the web app: compare pasted or uploaded articles, browse an index, JSON API."""
    try:
        import uvicorn  # noqa: F401 - the server the web extra brings

        from storytrace.web import serve as run_app
    except ImportError as e:
        raise InputError(
            f"serve needs the web extra ({e.name} is missing): pip install 'storytrace[web]'"
        ) from None
    if db is not None and not db.is_dir():
        raise InputError(f"{db}: no such index folder (make one with: storytrace index PATH --db)")
    say("", f"storytrace web app on http://{host}:{port}/ (Ctrl+C to stop)")
    run_app(db, host=host, port=port)


@app.command("index", context_settings=CONTEXT)
@click.argument("paths", nargs=-1)
@click.option(
    "--db", type=_PATH, metavar="DIR", required=True, help="Index folder (SQLite inside)."
)
@click.option(
    "--no-quotes",
    is_flag=True,
    help="Skip quote extraction (quotes stored by an earlier version stay as they are).",
)
@click.option(
    "--workers",
    type=int,
    default=2,
    show_default=True,
    help="Processes for fingerprints and quotes.",
)
@_FAIL_FAST
@user_errors
def index_cmd(
    paths: tuple[str, ...], db: Path, no_quotes: bool, workers: int, fail_fast: bool
) -> None:
    """Add articles to the index in DB: only new or changed ones; bad records are skipped.

    With no PATHS, bring an index made by another version of storytrace up to
    date from the texts it stores: quotes extracted again, reuse realigned.

    PATHS: text/HTML files, .json files holding one record, folders (searched
    for .txt .html .htm .xhtml .json .jsonl .jsonl.gz .ndjson, each read as
    when named alone), JSONL dumps (.jsonl, .jsonl.gz, .ndjson),
    or - for JSONL on stdin.

    JSONL records need "id" (string or integer) and "text"; optional: "title",
    "byline", "url", "outlet", "series" and "published". passim's names work
    too: "series" fills "outlet" when that is missing (else the host of "url"
    does), "date" stands in for "published". Dates are read in ISO 8601 (with or
    without an offset), RFC 2822 and everyday English ("May 30, 2019") and
    stored as UTC; an unreadable date, or a numeric one that reads two ways
    (01/02/2019), is a warning naming the record and gives no direction. Ids
    must be unique: a repeated id is reported and the first record kept. Text
    encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else detected;
    replaced bytes are a warning.

    Exit status: 0 when every record was indexed or unchanged, 1 when some were
    skipped as bad (the rest are indexed unless --fail-fast) or none was given,
    2 for usage errors.
    """
    from storytrace import corpus
    from storytrace.articles import iter_articles
    from storytrace.store import DB_FILE

    if not paths and not (db / DB_FILE).is_file():
        raise click.UsageError(f"no PATHS given, and {db} holds no index to bring up to date")

    def records() -> Iterator[tuple[str, dict | InputError]]:
        for aid, art in iter_articles(paths):
            yield aid, art if isinstance(art, InputError) else art.to_dict()
            if fail_fast and isinstance(art, InputError):
                return

    with progress_bar() as bar, _terminate_as_interrupt():
        report = corpus.index_records(
            records(), db, not no_quotes, phase_progress(bar), max(1, workers)
        )
    for e in report.errors:
        say("skipped:", e)
    if report.requoted:
        say(
            "note:",
            f"quotes extracted again from {report.requoted} stored articles (an earlier "
            "version stored them)" + ("; their reuse realigned" if report.realigned else ""),
        )
    elif report.realigned:
        say("note:", "the stored reuse came from another version of storytrace: realigned")
    # Else a resumed run reads as having done nothing.
    n = report.resumed
    left = f"; aligned {n} article{'s' if n != 1 else ''} an earlier run left unaligned"
    left = left if n else ""
    if not paths:
        # What holds after the run, whatever it had to redo (stories may have been
        # regrouped without a note): not "already up to date".
        if no_quotes:
            say("", f"{db}: its reuse and stories are this version's; quotes left as stored{left}")
        else:
            say("", f"{db}: its reuse, stories and quotes are this version's{left}")
        return
    say("", f"{report.added} added, {report.skipped} unchanged, {len(report.errors)} skipped{left}")
    if report.added + report.skipped == 0:
        say("error:", "no article was indexed")
        raise SystemExit(EXIT_FAILED)
    if report.errors:
        raise SystemExit(EXIT_FAILED)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``) stops ``index`` as Ctrl-C does: one line saying what was kept, exit
    130 (it ended with no word, though nothing was lost either). A worker forked meanwhile
    sets SIGTERM back to its default as it starts (procpool); in the moment before, it
    inherits this handler, which lets it die of the signal all the same."""
    import os
    import signal

    parent = os.getpid()

    def stop(signum: int, frame: object) -> None:
        if os.getpid() != parent:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise KeyboardInterrupt

    try:
        before = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding caller): left as it was
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)


@app.command("match", context_settings=CONTEXT)
@click.argument("file")
@click.option("--db", type=_PATH, metavar="DIR", required=True, help="Index folder.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=MATCH_LIMIT,
    show_default=True,
    help="Most results.",
)
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help='Print one JSON object per match per line: {"id", "title", "label", "outlet", '
    '"published", "shared_fingerprints", "shared_words", "longest_shared_words", '
    '"longest_shared", "shared_spans", "near_duplicate", "identical", "this_article", '
    '"shared_quotes", "score", "weak", "candidates_not_shown"}; shared_spans are [start, '
    "end) in FILE's text; "
    'weak is "only the phrase" or "only short phrases" for a hit sharing no quote and no '
    "run of 8 words, else null; candidates_not_shown, the same on every line, counts the "
    "other indexed articles with a score that --limit left out. Every hit, those with "
    "evidence first.",
)
@click.option(
    "--phrases",
    is_flag=True,
    help="List the hits that share only short phrases too (after the others); without it, "
    "one closing line counts them and names their phrases.",
)
@user_errors
def match_cmd(file: str, db: Path, limit: int, json_out: bool, phrases: bool) -> None:
    """Indexed articles sharing text or quotes with FILE, ranked.

    FILE: an article file (text or HTML, or a JSONL or .json file holding one
    record), or - for stdin (text, HTML or one JSON record).

    Ranked by shared fingerprints (hashed word 4-grams, a word of 6 letters or more
    by its length, first and last letter; and hashed word shapes), plus 5 for a
    near-duplicate.
    "shared" counts FILE's words in runs made of 4-grams the hit holds too (letters
    inside a word may differ), "longest" the longest such run. A hit whose longest
    run is under 8 words and that shares no quote (nor is a near-duplicate) shares
    only short phrases, often stock ones ("the end of the"): such hits come after
    the others, and one closing line counts them and names their phrases (--phrases
    lists them, each marked with the phrase it shares, the longest when it shares
    several). --limit N keeps the N best-scored hits with evidence before any of
    them; a last line counts the candidates it left out (all sharing only short
    phrases when such a hit is shown). A hit is a candidate, not a verdict:
    `storytrace compare` on the two articles shows their passages and verdict.

    When FILE is itself indexed (stored under its record's id or its path), it comes
    first, marked "this article (already indexed)", and is no near-duplicate of
    itself; --limit counts the others. A stored article with FILE's exact text under
    another id is marked "identical text".

    Exit status 1 when nothing in the index but FILE itself shares text with FILE.
    """
    run_match(file, db, limit, json_out, phrases)


@app.command("stories", context_settings=CONTEXT)
@click.option("--db", type=_PATH, metavar="DIR", required=True, help="Index folder.")
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help='Print one JSON object per story per line: {"id", "articles", "nodes", "edges", '
    '"members", "title", "summary", "caveat"} (docs/story.schema.json).',
)
@click.option(
    "--html",
    type=_PATH,
    metavar="FILE",
    help="Also write a self-contained HTML report here (- for standard output).",
)
@click.option(
    "--skip-same-outlet",
    is_flag=True,
    help="Ignore reuse between articles of one outlet (or passim series): an "
    "outlet's own boilerplate and updates are not news travelling.",
)
@user_errors
def stories_cmd(db: Path, json_out: bool, html: Path | None, skip_same_outlet: bool) -> None:
    """Group indexed articles into stories, with the reuse graph inside each."""
    from storytrace import corpus

    data = corpus.stories(db, skip_same_outlet=skip_same_outlet)  # stored reuse: no aligning
    if data["unaligned"]:
        n = data["unaligned"]
        say("warning:", f"{n} articles not aligned yet: run 'storytrace index' again")
    if json_out and _is_stdout(html):
        raise InputError("--json and --html - both write to standard output: choose one")
    from storytrace.report import index_stories

    # Shaped once for whichever views are asked for (an HTML file and the terminal).
    shaped = index_stories(db, data["stories"])
    if html is not None and _write_stories_html(db, shaped, html):
        return
    if json_out:
        # The same title, summary and caveat as the terminal and HTML views.
        told = {s["id"]: s for s in shaped}
        for s in data["stories"]:
            if (t := told.get(str(s["id"]))) is not None:
                s = s | {"title": t["title"], "summary": t["summary"]}
                if t["caveat"]:
                    s["caveat"] = t["caveat"]
            emit(s)
        return
    from storytrace.report.terminal import stories_text

    sys.stdout.write(stories_text(shaped))


def _write_stories_html(db: Path, shaped: list[dict], out: Path) -> bool:
    from storytrace.report import render_stories_html

    page = render_stories_html(shaped, f"Stories in {db}")
    return write_report(out, page)


def _is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def write_report(out: Path, page: str) -> bool:
    """Write an HTML report to ``out`` (``-``: standard output); True when it went to stdout."""
    if _is_stdout(out):
        sys.stdout.write(page)
        return True
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{out}: cannot write report ({e.strerror})") from None
    say("", f"HTML report written to {out}")
    return False


@app.command("export", context_settings=CONTEXT)
@click.option("--db", type=_PATH, metavar="DIR", required=True, help="Index folder.")
@click.option(
    "--out",
    type=_PATH,
    metavar="DIR",
    default=Path("export"),
    show_default=True,
    help="Output folder.",
)
@click.option("--format", "fmt", default="jsonl", show_default=True, help="jsonl or parquet.")
@user_errors
def export_cmd(db: Path, out: Path, fmt: str) -> None:
    """Export articles, passages, quotes and stories as JSONL or Parquet files."""
    from storytrace import corpus

    for p in corpus.export(db, out, fmt):
        say("wrote", str(p))


@app.group("spark", context_settings=CONTEXT, no_args_is_help=True)
def spark_app() -> None:
    """Run the corpus pipeline on Apache Spark (needs the spark extra and Java 17).

    Input: JSONL or Parquet with id and text; output: Parquet tables in a folder.
    """


_MASTER = click.option(
    "--master",
    help="Spark master URL, e.g. local[2] or spark://host:7077 (default: local[*]; "
    "under spark-submit, the submitted master).",
)


def _spark_stage(input_path: str | None, out: Path, master: str | None, stages: tuple) -> None:
    from storytrace import spark as sp

    counts = sp.run(sp.session(master), input_path or "", str(out), stages)
    for name, n in counts.items():
        say("", f"{name}: {n} rows -> {out / name}")


@spark_app.command("run", context_settings=CONTEXT)
@click.argument("input_path")
@click.argument("out", type=_PATH)
@_MASTER
@user_errors
def spark_run(input_path: str, out: Path, master: str | None) -> None:
    """All stages: index, reuse and stories. INPUT_PATH: JSONL file or Parquet
    file/folder; OUT: output folder for the Parquet tables."""
    _spark_stage(input_path, out, master, ("index", "reuse", "stories"))


@spark_app.command("index", context_settings=CONTEXT)
@click.argument("input_path")
@click.argument("out", type=_PATH)
@_MASTER
@user_errors
def spark_index(input_path: str, out: Path, master: str | None) -> None:
    """Read articles and write their fingerprints (articles, keys)."""
    _spark_stage(input_path, out, master, ("index",))


@spark_app.command("reuse", context_settings=CONTEXT)
@click.argument("out", type=_PATH)
@_MASTER
@user_errors
def spark_reuse(out: Path, master: str | None) -> None:
    """Candidate pairs by a distributed join, aligned with the compare engine (pairs)."""
    _spark_stage(None, out, master, ("reuse",))


@spark_app.command("stories", context_settings=CONTEXT)
@click.argument("out", type=_PATH)
@_MASTER
@click.option(
    "--json", "json_out", is_flag=True, help="Print the stories as storytrace stories --json does."
)
@user_errors
def spark_stories(out: Path, master: str | None, json_out: bool) -> None:
    """Group articles into stories (stories table); --json prints them."""
    from storytrace import spark as sp

    if not (out / "stories").exists() or not json_out:
        _spark_stage(None, out, master, ("stories",))
    if json_out:
        for story in sp.read_output(str(out))["stories"]:
            emit(story)


@spark_app.command("import", context_settings=CONTEXT)
@click.argument("out", type=_PATH)
@click.option(
    "--db", type=_PATH, metavar="DIR", required=True, help="Store folder to create or extend."
)
@user_errors
def spark_import(out: Path, db: Path) -> None:
    """Index a Spark run's articles into a local store, to browse with storytrace serve."""
    from storytrace import spark as sp

    report = sp.import_output(str(out), str(db))
    say("", f"imported into {db}: {report}")


def _command_paths(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _command_paths(cmd, (*path, name))
        else:
            yield (*path, name)


def help_pages() -> dict[tuple[str, int], str]:
    """Every command's ``--help`` output, keyed by (command path, text width), for each of
    ``HELP_WIDTHS``: what ``storytrace ... --help`` prints with $COLUMNS at width + 2."""
    import contextlib
    import io
    import os

    pages = {}
    saved = os.environ.get("COLUMNS")
    try:
        for path in _command_paths(app):
            for width in HELP_WIDTHS:
                os.environ["COLUMNS"] = str(width + 2)
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    app.main([*path, "--help"], prog_name="storytrace", standalone_mode=False)
                pages[(" ".join(path), width)] = out.getvalue()
    finally:
        if saved is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved
    return pages


def _literal(text: str) -> str:
    """``text`` as a Python string literal in double quotes where ruff format wants them."""
    literal = repr(text)
    return f'"{literal[1:-1]}"' if literal[0] == "'" and '"' not in text else literal


def write_helptext() -> None:
    """Rewrite :mod:`storytrace.cli.helptext` from :func:`help_pages`."""
    lines = [
        '"""Each command\'s ``--help`` page as click prints it: generated by ``python -m',
        "storytrace.cli.commands`` from the command definitions in :mod:`storytrace.cli.commands`;",
        "tests/test_cli_help.py fails when a page differs from click's output. Do not edit.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "PAGES = {",
    ]
    for key, page in help_pages().items():
        lines.append(f"    ({_literal(key[0])}, {key[1]}): (")
        lines.extend(f"        {_literal(line)}" for line in page.splitlines(keepends=True))
        lines.append("    ),")
    lines.append("}")
    out = Path(__file__).with_name("helptext.py")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_helptext()
