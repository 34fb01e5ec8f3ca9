"""The ``storytrace`` command line: a thin shell over the public Python API.

Every command turns :class:`~storytrace.articles.InputError` into a one-line
message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from storytrace.align import Options
from storytrace.align import compare as api_compare
from storytrace.articles import InputError, InputWarning, iter_jsonl, read_article
from storytrace.pairs import compare_records
from storytrace.report import render_html, terminal_summary

app = typer.Typer(
    name="storytrace",
    help="Show how news text travels: shared passages, spun and reworded text, quotes, "
    "and who copied whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.callback()
def main() -> None:
    """Show how news text travels: shared passages, spun and reworded text, quotes,
    and who copied whom. Start with: storytrace compare A B"""


def _show_warning(message: Any, category: type, *args: Any, **kwargs: Any) -> None:
    if issubclass(category, InputWarning):
        say("warning:", str(message), "yellow")
    else:
        _default_showwarning(message, category, *args, **kwargs)


_default_showwarning = warnings.showwarning


def say(prefix: str, message: str, style: str = "bold red") -> None:
    """One line on stderr: a styled prefix, then ``message`` printed literally (no markup)."""
    line = Text(prefix + " ", style=style)
    line.append(message)
    err.print(line, highlight=False, soft_wrap=True)


def user_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Report InputError (and broken pipes) as one line instead of a traceback;
    print input warnings as one line each."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", InputWarning)
                warnings.showwarning = _show_warning
                return fn(*args, **kwargs)
        except InputError as e:
            say("error:", str(e))
            raise typer.Exit(2) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


@app.command()
@user_errors
def compare(
    a: Annotated[
        str | None, typer.Argument(help="First article: text or HTML file, or - for stdin.")
    ] = None,
    b: Annotated[str | None, typer.Argument(help="Second article: text or HTML file.")] = None,
    json_out: Annotated[
        bool,
        typer.Option("--json", help="Print the full result as JSON (docs/compare.schema.json)."),
    ] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML report to this file.")
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            "--pairs",
            help='Batch mode: JSONL of {"id","a","b"} paths or {"id","a_text","b_text"}; '
            "prints one JSON result per line.",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Batch mode: worker processes (default: all cores).")
    ] = 0,
    no_text: Annotated[
        bool, typer.Option("--no-text", help="Batch mode: leave the article texts out of the JSON.")
    ] = False,
    semantic: Annotated[
        str | None,
        typer.Option(
            "--semantic",
            help="Also pair reworded sentences by meaning: embedding (the semantic extra), "
            "lexical, or auto (embedding when installed). The output's mode says which ran.",
        ),
    ] = None,
) -> None:
    """Align two articles and explain how they relate.

    Shows the verdict, how much of each article is shared (with and without
    quotes) and every shared passage in both versions with differing words
    marked. Spans are character offsets into the analysed text.
    """
    if pairs is not None:
        if a or b:
            raise InputError("give either two articles or --pairs, not both")
        _compare_batch(pairs, workers or None, not no_text)
        return
    if a is None or b is None:
        raise InputError("compare needs two articles (or --pairs FILE); see --help")
    if semantic not in (None, "embedding", "lexical", "auto"):
        raise InputError(f"--semantic must be embedding, lexical or auto, not {semantic!r}")
    result = api_compare(read_article(a), read_article(b), Options(semantic=semantic))
    if html is not None:
        try:
            html.write_text(render_html(result), encoding="utf-8")
        except OSError as e:
            raise InputError(f"{html}: cannot write report ({e.strerror})") from None
    if json_out:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    Console().print(terminal_summary(result))
    if html is not None:
        err.print(f"HTML report written to {html}")


def _compare_batch(path: Path, workers: int | None, include_text: bool) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    lines = list(iter_jsonl(path))
    records: list[dict] = []
    for n, rec in lines:
        if isinstance(rec, InputError):
            err.print(f"[yellow]skipped:[/] {escape(str(rec))}", highlight=False)
            sys.stdout.write(json.dumps({"line": n, "error": str(rec)}) + "\n")
        else:
            records.append(rec)
    failed = 0
    with progress_bar() as bar:
        task = bar.add_task("comparing pairs", total=len(records))
        for res in compare_records(
            records, workers=workers, base=path.parent, include_text=include_text
        ):
            if "error" in res:
                failed += 1
                err.print(f"[yellow]pair {escape(str(res['id']))}:[/] {escape(res['error'])}")
            sys.stdout.write(json.dumps(res, ensure_ascii=False) + "\n")
            bar.advance(task)
    err.print(
        f"{len(records) - failed} pairs compared, {failed + len(lines) - len(records)} skipped"
    )


def progress_bar() -> Progress:
    """A progress bar on stderr (hidden when stderr is not a terminal)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


@app.command()
@user_errors
def serve(
    db: Annotated[
        Path | None, typer.Option("--db", help="Index folder to browse (storytrace index --db).")
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
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
    err.print(f"storytrace web app on http://{host}:{port}/ (Ctrl+C to stop)")
    run_app(db, host=host, port=port)


@app.command()
@user_errors
def quotes(
    files: Annotated[
        list[str], typer.Argument(help="Article files (text or HTML), or - for stdin.")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per article per line.")
    ] = False,
    parser: Annotated[
        bool | None,
        typer.Option(
            "--parser/--no-parser",
            help="Use spaCy (the nlp extra) for speakers and reporting verbs "
            "(default: when installed).",
        ),
    ] = None,
) -> None:
    """List every quotation: kind (direct, indirect, mixed), speaker and words.

    Spans in --json output are character offsets into the article's "text".
    """
    from rich.table import Table

    from storytrace.quotes import extract_quotes, quotes_to_dict

    for path in files:
        art = read_article(path)
        try:
            found = extract_quotes(art.text, parser=parser)
        except ImportError as e:
            raise InputError(f"--parser needs spaCy and an English model ({e})") from None
        if json_out:
            d = quotes_to_dict(art.source, art.text, found)
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            continue
        table = Table(title=escape(art.source), show_lines=False, expand=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("speaker", ratio=1)
        table.add_column("quote", ratio=3)
        for q in found:
            quote = escape(art.text[q.content[0] : q.content[1]])
            table.add_row(q.kind, escape(q.speaker_name or "—"), quote)
        if not found:
            table.add_row("—", "—", "no quotes found")
        Console().print(table)


@app.command()
@user_errors
def spin(
    files: Annotated[
        list[str], typer.Argument(help="Article files (text or HTML), or - for stdin.")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per article per line.")
    ] = False,
) -> None:
    """Flag phrases that look like article-spinner output, with a spin score per article.

    Needs a thesaurus: the spin extra (Moby, word frequencies), and WordNet when
    installed (Debian wordnet-base, or $STORYTRACE_WORDNET). Spans in --json output are
    character offsets into the article's "text".
    """
    from rich.table import Table

    from storytrace import synonyms
    from storytrace.spin import detect

    if not synonyms.available():
        raise InputError(synonyms.MISSING_MESSAGE)
    for path in files:
        art = read_article(path)
        report = detect(art.text)
        if json_out:
            d = {"source": art.source, "text": art.text, **report.to_dict()}
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            continue
        title = f"{escape(art.source)}: spin score {report.score:.2f} per 100 words"
        table = Table(title=title, expand=True)
        table.add_column("offsets", no_wrap=True)
        table.add_column("phrase", ratio=1)
        table.add_column("why", ratio=2)
        for f in report.flags:
            table.add_row(f"{f.span[0]}-{f.span[1]}", escape(f.phrase), escape(f.reason))
        if not report.flags:
            table.add_row("—", "—", "nothing flagged")
        Console().print(table)


@app.command("index")
@user_errors
def index_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text/HTML files, folders (searched for .txt .html .htm .xhtml .jsonl "
            ".jsonl.gz), JSONL dumps (.jsonl, .jsonl.gz), or - for JSONL on stdin."
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="Index folder (SQLite inside).")],
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Skip quote extraction.")] = False,
    workers: Annotated[int, typer.Option(help="Processes for fingerprints and quotes.")] = 2,
) -> None:
    """Add articles to the index in DB: only new or changed ones; bad records are skipped.

    JSONL records need "id" (string or integer) and "text"; optional: "title",
    "byline", "url", "outlet", "series" and "published". passim's names work
    too: "series" fills "outlet" when that is missing, "date" stands in for
    "published". Dates are read in ISO 8601 (with or without an offset), RFC 2822
    and everyday English ("May 30, 2019") and stored as UTC; an unreadable date
    is a warning naming the record. Ids must be unique: a repeated id is
    reported and the first record kept. Text encodings: UTF-8 (with or without
    BOM), UTF-16/32 with a BOM, else detected; replaced bytes are a warning.

    Exit status: 0 when every record was indexed or unchanged, 1 when some were
    skipped as bad (the rest are indexed) or none was given, 2 for usage errors.
    """
    from storytrace import corpus

    with progress_bar() as bar:
        task = bar.add_task("indexing", total=None)
        report = corpus.index(
            paths, db, not no_quotes, lambda n: bar.advance(task, n), max(1, workers)
        )
    for e in report.errors:
        say("skipped:", e, "yellow")
    err.print(
        f"{report.added} added, {report.skipped} unchanged, {len(report.errors)} skipped",
        highlight=False,
    )
    if report.errors or report.added + report.skipped == 0:
        if report.added + report.skipped == 0:
            say("error:", "no article was indexed")
        raise typer.Exit(1)


@app.command("match")
@user_errors
def match_cmd(
    file: Annotated[str, typer.Argument(help="Article file (text or HTML), or - for stdin.")],
    db: Annotated[Path, typer.Option("--db", help="Index folder.")],
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Indexed articles sharing text or quotes with FILE, ranked."""
    from storytrace import corpus

    hits = corpus.match(file, db, limit)
    if json_out:
        sys.stdout.write(json.dumps({"matches": hits}, ensure_ascii=False) + "\n")
        return
    for h in hits:
        near = " near-duplicate" if h["near_duplicate"] else ""
        Console().print(
            f"{h['score']:>5} {escape(h['id'])} fingerprints={h['shared_fingerprints']} "
            f"quotes={h['shared_quotes']}{near}",
            highlight=False,
        )
    if not hits:
        err.print("no indexed article shares text with this one")


@app.command("stories")
@user_errors
def stories_cmd(
    db: Annotated[Path, typer.Option("--db", help="Index folder.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")
    ] = None,
) -> None:
    """Group indexed articles into stories, with the reuse graph inside each."""
    from storytrace import corpus

    with progress_bar() as bar:
        task = bar.add_task("aligning candidates", total=None)
        data = corpus.stories(db, progress=lambda n: bar.advance(task, n))
    if html is not None:
        _write_stories_html(db, data, html)
    if json_out:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    for s in data["stories"]:
        if len(s["articles"]) < 2:
            continue
        Console().print(f"[bold]story {s['id']}[/]: {len(s['articles'])} articles")
        for e in s["edges"]:
            d = e["direction"]
            arrow = (
                f"{d['from']} -> {d['to']} ({d['basis']})"
                if d and d["from"]
                else (f"{e['a']} <-> {e['b']}" + (f" ({d['basis']})" if d else ""))
            )
            Console().print(
                f"  {escape(arrow)}: {e['verdict']}, {len(e['passages'])} passages", highlight=False
            )


def _write_stories_html(db: Path, data: dict, out: Path) -> None:
    from storytrace.report import index_stories, render_stories_html

    page = render_stories_html(index_stories(db, data["stories"]), f"Stories in {db}")
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{out}: cannot write report ({e.strerror})") from None
    err.print(f"HTML report written to {out}")


@app.command("export")
@user_errors
def export_cmd(
    db: Annotated[Path, typer.Option("--db", help="Index folder.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("export"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl or parquet.")] = "jsonl",
) -> None:
    """Export articles, passages, quotes and stories as JSONL or Parquet files."""
    from storytrace import corpus

    for p in corpus.export(db, out, fmt):
        err.print(f"wrote {escape(str(p))}")


spark_app = typer.Typer(
    help="Run the corpus pipeline on Apache Spark (needs the spark extra and Java 17). "
    "Input: JSONL or Parquet with id and text; output: Parquet tables in a folder.",
    no_args_is_help=True,
)
app.add_typer(spark_app, name="spark")

_MASTER = typer.Option(
    "--master",
    help="Spark master URL, e.g. local[2] or spark://host:7077 (default: local[*]; "
    "under spark-submit, the submitted master).",
)


def _spark_stage(input_path: str | None, out: Path, master: str | None, stages: tuple) -> None:
    from storytrace import spark as sp

    counts = sp.run(sp.session(master), input_path or "", str(out), stages)
    for name, n in counts.items():
        err.print(f"{name}: {n} rows -> {out / name}")


@spark_app.command("run")
@user_errors
def spark_run(
    input_path: Annotated[str, typer.Argument(help="JSONL file or Parquet file/folder.")],
    out: Annotated[Path, typer.Argument(help="Output folder for the Parquet tables.")],
    master: Annotated[str | None, _MASTER] = None,
) -> None:
    """All stages: index, reuse and stories."""
    _spark_stage(input_path, out, master, ("index", "reuse", "stories"))


@spark_app.command("index")
@user_errors
def spark_index(
    input_path: Annotated[str, typer.Argument(help="JSONL file or Parquet file/folder.")],
    out: Annotated[Path, typer.Argument(help="Output folder.")],
    master: Annotated[str | None, _MASTER] = None,
) -> None:
    """Read articles and write their fingerprints (articles, keys)."""
    _spark_stage(input_path, out, master, ("index",))


@spark_app.command("reuse")
@user_errors
def spark_reuse(
    out: Annotated[Path, typer.Argument(help="Folder written by spark index.")],
    master: Annotated[str | None, _MASTER] = None,
) -> None:
    """Candidate pairs by a distributed join, aligned with the compare engine (pairs)."""
    _spark_stage(None, out, master, ("reuse",))


@spark_app.command("stories")
@user_errors
def spark_stories(
    out: Annotated[Path, typer.Argument(help="Folder written by spark reuse.")],
    master: Annotated[str | None, _MASTER] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the stories as storytrace stories --json does.")
    ] = False,
) -> None:
    """Group articles into stories (stories table); --json prints them."""
    from storytrace import spark as sp

    if not (out / "stories").exists() or not json_out:
        _spark_stage(None, out, master, ("stories",))
    if json_out:
        sys.stdout.write(json.dumps(sp.read_output(str(out)), ensure_ascii=False) + "\n")


@spark_app.command("import")
@user_errors
def spark_import(
    out: Annotated[Path, typer.Argument(help="Folder written by spark run.")],
    db: Annotated[Path, typer.Option("--db", help="Store folder to create or extend.")],
) -> None:
    """Index a Spark run's articles into a local store, to browse with storytrace serve."""
    from storytrace import spark as sp

    report = sp.import_output(str(out), str(db))
    err.print(f"imported into {db}: {report}")
