"""Reports: the terminal summary and the self-contained HTML report of a comparison.

Article text is untrusted: the HTML report escapes every character of it and
loads nothing from the network.

Example:
    >>> from storytrace.align import compare
    >>> html = render_html(compare("<script>x</script> one two", "one two"))
    >>> "<script>x" in html
    False
"""

from __future__ import annotations

import base64
import hashlib
import importlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storytrace.align import Comparison, Passage
from storytrace.text import overlaps

Span = tuple[int, int]

KIND_STYLE = {
    "verbatim": "bold green",
    "edited": "bold yellow",
    "spun": "bold magenta",
    "reworded": "bold cyan",
}
VERDICT_HELP = {
    "duplicate": "near-identical articles",
    "copied": "substantial verbatim or edited text shared outside quotes",
    "spun": "shared text disguised by synonym swaps",
    "reworded": "substantial shared content in rewritten form",
    "same-story": "shares quotes, names or facts but little text beyond quotes",
    "unrelated": "no meaningful overlap",
}
_ELLIPSIS_WORDS = 8


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _side_text(text: str, p: Passage, side: str) -> Text:
    """One side of a passage with differing words marked and long equal runs elided."""
    out = Text()
    prev = None
    for e in p.edits:
        s, t = e.a if side == "a" else e.b
        if prev is not None and s > prev:
            out.append(text[prev:s])  # the punctuation and spacing between edits
        prev = t
        chunk = text[s:t]
        if e.op == "equal":
            words = chunk.split()
            if len(words) > 2 * _ELLIPSIS_WORDS + 1:
                chunk = (
                    " ".join(words[:_ELLIPSIS_WORDS]) + " … " + " ".join(words[-_ELLIPSIS_WORDS:])
                )
            out.append(chunk)
        elif chunk:
            style = "red strike" if side == "a" else "green underline"
            if e.op == "synonym":
                style = "magenta underline"
            out.append(chunk, style=style)
    return out


def terminal_summary(cmp: Comparison, max_passages: int = 30) -> Group:
    """A rich renderable: verdict, coverage and the shared passages in both versions."""
    cov = cmp.coverage
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row(
        "verdict",
        Text.assemble((cmp.verdict, "bold reverse"), f"  {VERDICT_HELP.get(cmp.verdict, '')}"),
    )
    head.add_row("A", cmp.a.source)
    head.add_row("B", cmp.b.source)
    cov_table = Table(title="Coverage (share of each article's words in shared passages)")
    cov_table.add_column("")
    cov_table.add_column("all words", justify="right")
    cov_table.add_column("outside quotes", justify="right")
    cov_table.add_row("A", _pct(cov["a"]), _pct(cov["a_outside_quotes"]))
    cov_table.add_row("B", _pct(cov["b"]), _pct(cov["b_outside_quotes"]))
    parts: list = [head, cov_table]
    kinds: dict[str, int] = {}
    for p in cmp.passages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "none"
    parts.append(Text(f"Shared passages: {summary} (mode: {cmp.mode})", style="bold"))
    for n, p in enumerate(cmp.passages[:max_passages], 1):
        body = Table.grid(padding=(0, 1))
        body.add_column(style="dim", no_wrap=True)
        body.add_column()
        body.add_row(f"A {p.a[0]}-{p.a[1]}", _side_text(cmp.a.text, p, "a"))
        body.add_row(f"B {p.b[0]}-{p.b[1]}", _side_text(cmp.b.text, p, "b"))
        title = Text.assemble(f"#{n} ", (p.kind, KIND_STYLE.get(p.kind, "bold")), f" {p.score:.2f}")
        parts.append(Panel(body, title=title, title_align="left", expand=True))
    if len(cmp.passages) > max_passages:
        parts.append(Text(f"… {len(cmp.passages) - max_passages} more passages (see --json)"))
    if cmp.passages:
        parts.append(
            Text("red strike: words only in A   green underline: words only in B", style="dim")
        )
    return Group(*parts)


# --- HTML -----------------------------------------------------------------------------

KINDS = ("verbatim", "edited", "spun", "reworded")
KIND_HELP = {
    "verbatim": "same words",
    "edited": "a few words changed",
    "spun": "synonyms swapped in",
    "reworded": "same sentence, other words",
}
OP_HELP = {"replace": "replaced", "synonym": "synonym", "insert": "inserted", "delete": "deleted"}
_TITLE_CHARS = 160


@dataclass(slots=True)
class QuoteRow:
    """One row of the quotes table: a quote both articles carry.

    ``label`` is ``identical``, ``trimmed`` or ``altered``; ``a``/``b`` are the
    character spans of the quote's words and ``ops`` the word-level diff
    ``(op, a_span, b_span)`` between them.
    """

    label: str
    speaker: str | None
    a: Span
    b: Span
    ops: list[tuple[str, Span, Span]] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class SpinFlag:
    """A phrase flagged as spun on one side, with a short explanation."""

    side: str
    span: Span
    note: str


@dataclass(slots=True)
class Extras:
    """What the report shows beyond the alignment: quotes and spin."""

    quotes: list[QuoteRow] = field(default_factory=list)
    quote_counts: dict[str, int] = field(default_factory=dict)
    spin_flags: list[SpinFlag] = field(default_factory=list)
    spin_scores: dict[str, float] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def gather_extras(cmp: Comparison) -> Extras:
    """Quotes and spin for the report, from the modules that provide them.

    Synonym edits found by the aligner are always flagged as spin; the quotes
    table and spin scores need :mod:`storytrace.quotes` and
    :mod:`storytrace.spin` and are left out (and listed in ``missing``)
    without them.
    """
    extras = Extras()
    quotes_mod = _optional_module("quotes")
    if quotes_mod is None:
        extras.missing.append("quotes")
    else:
        _quote_rows(quotes_mod, cmp, extras)
    spin_mod = _optional_module("spin")
    if spin_mod is None:
        extras.missing.append("spin")
    else:
        extras.spin_flags, extras.spin_scores = _spin(spin_mod, cmp)
    for n, p in enumerate(cmp.passages, 1):
        for e in p.edits:
            if e.op != "synonym":
                continue
            note = f"“{cmp.b.text[e.b[0] : e.b[1]]}” for “{cmp.a.text[e.a[0] : e.a[1]]}” (#{n})"
            if not any(f.side == "b" and overlaps(f.span, e.b) for f in extras.spin_flags):
                extras.spin_flags.append(SpinFlag("b", e.b, note))
    return extras


def _optional_module(name: str) -> Any | None:
    # Quotes and spin are separate modules that may be absent in a trimmed install.
    try:
        return importlib.import_module(f"storytrace.{name}")
    except ImportError:
        return None


def _quote_rows(mod: Any, cmp: Comparison, extras: Extras) -> None:
    quotes_a = mod.extract_quotes(cmp.a.text, parser=False)
    quotes_b = mod.extract_quotes(cmp.b.text, parser=False)
    extras.quote_counts = {"a": len(quotes_a), "b": len(quotes_b)}
    for m in mod.match_quotes(cmp.a.text, quotes_a, cmp.b.text, quotes_b):
        name_a, name_b = m.a.speaker_name, m.b.speaker_name
        note = ""
        if m.speaker_mismatch:
            note = f"attributed to {name_a or 'nobody'} in A, {name_b or 'nobody'} in B"
        extras.quotes.append(
            QuoteRow(
                m.label,
                name_a or name_b,
                m.a.content,
                m.b.content,
                [(op.op, op.a, op.b) for op in m.ops],
                note,
            )
        )


def _spin(mod: Any, cmp: Comparison) -> tuple[list[SpinFlag], dict[str, float]]:
    flags: list[SpinFlag] = []
    scores: dict[str, float] = {}
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        found = mod.detect(art.text)
        scores[side] = found.score
        flags += [SpinFlag(side, f.span, f"“{f.phrase}”: {f.reason}") for f in found.flags]
    return flags, scores


def _attr(text: str) -> str:
    """Article text for an HTML attribute: shortened, one line, escaped."""
    text = " ".join(text.split())
    if len(text) > _TITLE_CHARS:
        text = text[: _TITLE_CHARS - 1] + "…"
    return escape(text, quote=True)


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    rank: int  # when marks start together, lower ranks open first (outside)
    open: str
    reopen: str


def _render_marked(text: str, marks: list[_Mark]) -> str:
    """Escape ``text`` and wrap each mark's span in its tag.

    Marks may cross (a quote half inside a passage, a passage repeated on one
    side), so they cannot always nest: a closing mark closes every span opened
    after it and reopens the others with their ``reopen`` tag (no id, no
    badge), which keeps the markup valid and the text unchanged.
    """
    opens: dict[int, list[tuple[int, _Mark]]] = defaultdict(list)
    closes: dict[int, list[int]] = defaultdict(list)
    points = {0, len(text)}
    for k, m in enumerate(marks):
        s, e = max(0, min(m.start, len(text))), max(0, min(m.end, len(text)))
        opens[s].append((k, m))
        if e > s:
            closes[e].append(k)
        points.update((s, e))
    out: list[str] = []
    stack: list[tuple[int, _Mark]] = []
    pos = 0
    for at in sorted(points):
        out.append(escape(text[pos:at], quote=False))
        pos = at
        ending = set(closes.get(at, ()))
        if ending:
            first = min(i for i, (k, _) in enumerate(stack) if k in ending)
            above = stack[first:]
            del stack[first:]
            out.append("</span>" * len(above))
            for k, m in above:
                if k not in ending:
                    out.append(m.reopen)
                    stack.append((k, m))
        for k, m in sorted(opens.get(at, ()), key=lambda km: (km[1].rank, -km[1].end)):
            out.append(m.open)
            if m.end > m.start:
                stack.append((k, m))
            else:
                out.append("</span>")
    out.append(escape(text[pos:], quote=False))
    out.append("</span>" * len(stack))
    return "".join(out)


def _pane_marks(cmp: Comparison, extras: Extras, side: str) -> list[_Mark]:
    other_text = cmp.b.text if side == "a" else cmp.a.text
    other = "B" if side == "a" else "A"
    marks: list[_Mark] = []
    for n, p in enumerate(cmp.passages, 1):
        s, e = p.a if side == "a" else p.b
        attrs = f'class="p k-{p.kind}" data-p="{n}" data-side="{side}"'
        tip = f'title="#{n} {p.kind}: click to see it in {other}"'
        marks.append(
            _Mark(
                s,
                e,
                1,
                f'<span {attrs} data-n="{n}" id="{side}{n}" tabindex="0" role="button" {tip}>',
                f"<span {attrs}>",
            )
        )
        # A reworded sentence differs almost everywhere; marking every word is noise.
        for ed in [] if p.kind == "reworded" else p.edits:
            if ed.op == "equal":
                continue
            mine, theirs = (ed.a, ed.b) if side == "a" else (ed.b, ed.a)
            their_words = other_text[theirs[0] : theirs[1]]
            if mine[1] > mine[0]:
                if theirs[1] > theirs[0]:
                    tip = f"{OP_HELP[ed.op]}: {other} has “{_attr(their_words)}”"
                else:
                    tip = f"only in {side.upper()} ({OP_HELP[ed.op]})"
                tag = f'<span class="e op-{ed.op}" title="{tip}">'
                marks.append(_Mark(mine[0], mine[1], 2, tag, tag))
            elif theirs[1] > theirs[0]:
                # Words only the other side has: a caret where they would go.
                tag = (
                    f'<span class="gap op-{ed.op}" title="{other} has “{_attr(their_words)}” here">'
                )
                marks.append(_Mark(mine[0], mine[0], 3, tag, tag))
    for i, q in enumerate(extras.quotes, 1):
        s, e = q.a if side == "a" else q.b
        tip = f'title="quote {i}: {q.label}"'
        marks.append(
            _Mark(s, e, 0, f'<span class="q" id="q{side}{i}" {tip}>', f'<span class="q" {tip}>')
        )
    for f in extras.spin_flags:
        if f.side == side:
            tag = f'<span class="spin-flag" title="spun: {_attr(f.note)}">'
            marks.append(_Mark(f.span[0], f.span[1], 4, tag, tag))
    head = headline_span(cmp.a if side == "a" else cmp.b)
    if head is not None:
        marks.append(
            _Mark(head[0], head[1], -1, '<span class="headline">', '<span class="headline">')
        )
    return marks


def headline_span(article: Any) -> Span | None:
    """The headline of an article: its title, or a short first line."""
    text = article.text
    title = getattr(article, "title", None)
    if title and text.startswith(title):
        return (0, len(title))
    first = text.split("\n", 1)[0]
    # Headlines are short lines without a closing full stop; a lede has one.
    if (
        0 < len(first.strip()) <= 300
        and len(first) < len(text)
        and not first.rstrip().endswith(".")
    ):
        return (0, len(first))
    return None


def _minimap(cmp: Comparison, extras: Extras, side: str) -> str:
    text = cmp.a.text if side == "a" else cmp.b.text
    size = max(1, len(text))
    out = []

    def block(s: int, e: int) -> str:
        return f"left:{100 * s / size:.2f}%;width:{100 * (e - s) / size:.2f}%"

    for n, p in enumerate(cmp.passages, 1):
        s, e = p.a if side == "a" else p.b
        out.append(
            f'<a class="mm k-{p.kind}" href="#{side}{n}" data-p="{n}" style="{block(s, e)}" '
            f'title="#{n} {p.kind}"></a>'
        )
    for f in extras.spin_flags:
        if f.side == side:
            out.append(f'<span class="mm spin-tick" style="{block(*f.span)}"></span>')
    label = f"where the shared text sits in {side.upper()}"
    return f'<div class="minimap" id="mm-{side}" aria-label="{label}">{"".join(out)}</div>'


def _findings(cmp: Comparison, extras: Extras) -> list[str]:
    """Plain-language bullet points (HTML) a newcomer can read in seconds."""
    cov = cmp.coverage
    counts = Counter(p.kind for p in cmp.passages)
    out = []
    if cmp.passages:
        kinds = ", ".join(f'{counts[k]} <span class="sw k-{k}">{k}</span>' for k in counts)
        out.append(
            f"<b>{_pct(cov['a'])}</b> of A and <b>{_pct(cov['b'])}</b> of B is shared text "
            f"in {len(cmp.passages)} passage{'s' if len(cmp.passages) != 1 else ''}: {kinds}. "
            f"Outside quotation marks: A {_pct(cov['a_outside_quotes'])}, "
            f"B {_pct(cov['b_outside_quotes'])}."
        )
    else:
        out.append("The two articles share no passage.")
    both = extras.quotes
    if both:
        labels = Counter(q.label for q in both)
        parts = ", ".join(
            f'{labels[k]} <span class="lab lab-{k}">{k}</span>'
            for k in ("identical", "trimmed", "altered")
            if labels[k]
        )
        changed = [q for q in both if q.label == "altered"]
        who = sorted({q.speaker for q in changed if q.speaker})
        by = f" (altered: {escape(', '.join(who))})" if who else ""
        out.append(f'<a href="#quotes">{len(both)} quotes in both</a>: {parts}{by}.')
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        flags = [f for f in extras.spin_flags if f.side == side]
        head = headline_span(art)
        in_head = [f for f in flags if head and overlaps(f.span, head)]
        if in_head:
            what = "; ".join(escape(f.note) for f in in_head)
            out.append(f'<span class="alert">{side.upper()}’s headline is spun</span>: {what}.')
        elif flags:
            out.append(
                f'<span class="alert">{side.upper()} has {len(flags)} spun '
                f"phrase{'s' if len(flags) != 1 else ''}</span>."
            )
    return out


def _side_rows(cmp: Comparison, extras: Extras) -> str:
    cov = cmp.coverage
    spin = bool(extras.spin_scores)
    rows = [
        "<tr><th></th><th>article</th><th>words shared</th><th>outside quotes</th>"
        + ('<th title="spun phrases per 100 words">spin score</th>' if spin else "")
        + "<th>where (minimap)</th></tr>"
    ]
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        name = art.title or art.source
        cells = [
            f"<th>{side.upper()}</th>",
            f'<td title="{escape(art.source)}">{escape(_short(name, 70))}</td>',
            f'<td class="num">{_bar(cov[side])}{_pct(cov[side])}</td>',
            f'<td class="num">{_bar(cov[side + "_outside_quotes"])}'
            f"{_pct(cov[side + '_outside_quotes'])}</td>",
        ]
        if spin:
            score = extras.spin_scores.get(side)
            cells.append(f'<td class="num">{"" if score is None else f"{score:.2f}"}</td>')
        cells.append(f"<td>{_minimap(cmp, extras, side)}</td>")
        rows.append(f'<tr class="side-row-{side}">{"".join(cells)}</tr>')
    return f'<table class="sides">{"".join(rows)}</table>'


def _bar(x: float) -> str:
    return f'<span class="bar"><i style="width:{100 * min(max(x, 0.0), 1.0):.1f}%"></i></span>'


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_QUOTE_RUN_WORDS = 12


def _quote_text(text: str, q: QuoteRow, side: str) -> str:
    """One version of a quote with the words that differ from the other marked.

    A long run of words only this side has (the rest of a quote the other
    outlet trimmed) is folded to its word count, so the change stays visible.
    """
    s0, s1 = q.a if side == "a" else q.b
    other = "B" if side == "a" else "A"
    out = []
    pos = s0
    for op, a, b in sorted(q.ops, key=lambda o: o[1] if side == "a" else o[2]):
        mine, theirs = (a, b) if side == "a" else (b, a)
        if op == "equal" or not (s0 <= mine[0] and mine[1] <= s1 and mine[0] >= pos):
            continue
        out.append(escape(text[pos : mine[0]], quote=False))
        words = text[mine[0] : mine[1]]
        if mine[1] > mine[0]:
            n = len(words.split())
            if theirs[1] == theirs[0] and n > _QUOTE_RUN_WORDS:
                shown = f"[… {n} words not in {other} …]"
                out.append(f'<span class="e fold op-{op}" title="{_attr(words)}">{shown}</span>')
            else:
                out.append(f'<span class="e op-{op}">{escape(words, quote=False)}</span>')
        elif theirs[1] > theirs[0]:
            out.append(f'<span class="gap op-{op}" title="{other} has more words here"></span>')
        pos = mine[1]
    out.append(escape(text[pos:s1], quote=False))
    return f'<div class="qtext side-{side}">{"".join(out)}</div>'


def _quotes_table(cmp: Comparison, extras: Extras) -> str:
    if "quotes" in extras.missing:
        return ""
    counts = extras.quote_counts
    head = (
        f'<section class="st-quotes" id="quotes"><h2>Quotes</h2><p class="hint">'
        f"A has {counts.get('a', 0)} quotes, B {counts.get('b', 0)}; {len(extras.quotes)} "
        f"pairs are the same quote. Changed words are marked as in the articles.</p>"
    )
    if not extras.quotes:
        return head + "</section>"
    rows = ["<tr><th>#</th><th>speaker</th><th>in A</th><th>in B</th><th>match</th></tr>"]
    for i, q in enumerate(extras.quotes, 1):
        note = f'<div class="warn">{escape(q.note)}</div>' if q.note else ""
        cells = [f"<td>{i}</td>", f"<td>{escape(q.speaker or '—')}{note}</td>"]
        for side, art in (("a", cmp.a), ("b", cmp.b)):
            cells.append(
                f"<td>{_quote_text(art.text, q, side)}"
                f'<a href="#q{side}{i}" data-jump="q{side}{i}">jump to {side.upper()}</a></td>'
            )
        cells.append(f'<td><span class="lab lab-{q.label}">{q.label}</span></td>')
        rows.append(f'<tr class="q-{q.label}">{"".join(cells)}</tr>')
    return head + f'<table class="qt">{"".join(rows)}</table></section>'


def render_fragment(cmp: Comparison, extras: Extras | None = None) -> str:
    """The report's markup without page chrome (the web app embeds it).

    Every character of article text is escaped; the markup needs
    ``static/report.css`` and, for linking passages, ``static/report.js``.
    """
    extras = gather_extras(cmp) if extras is None else extras
    counts = Counter(p.kind for p in cmp.passages)
    legend = "".join(
        f'<span><span class="sw k-{k}">{k}</span> {counts.get(k, 0)} · {KIND_HELP[k]}</span>'
        for k in KINDS
    )
    ops = (
        '<span>changed words: <span class="side-a"><span class="e op-replace">replaced'
        '</span></span> → <span class="side-b"><span class="e op-replace">replacement</span>'
        '</span>, <span class="e op-synonym">synonym</span>, <span class="side-b">'
        '<span class="e op-insert">inserted</span></span>, <span class="side-a">'
        '<span class="e op-delete">deleted</span></span>, <span class="gap"></span> words '
        "only the other side has</span>"
    )
    verdict = escape(cmp.verdict)
    findings = "".join(f"<li>{f}</li>" for f in _findings(cmp, extras))
    panes = []
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        body = _render_marked(art.text, _pane_marks(cmp, extras, side))
        panes.append(
            f'<section class="pane side-{side}" id="pane-{side}"><h2><span class="side">'
            f"{side.upper()}</span>{escape(art.source)}</h2>"
            f'<div class="body" lang="">{body}</div></section>'
        )
    return f"""<div class="st" id="report">
<header class="st-head"><h1>How these two articles relate</h1>
<div class="st-verdict">Verdict: <span class="verdict v-{verdict}" id="verdict">{verdict}</span>
<span>{escape(VERDICT_HELP.get(cmp.verdict, ""))}</span></div>
<ul class="findings" id="findings">{findings}</ul>
{_side_rows(cmp, extras)}
<div class="legend" id="legend">{legend}</div>
<div class="legend">{ops}</div>
<p class="hint">Hover a numbered passage to see both copies, click it to scroll the other
article to its twin; click the minimap to jump.</p></header>
<div class="st-cols">{"".join(panes)}</div>
{_quotes_table(cmp, extras)}
</div>"""


def static_text(name: str) -> str:
    """A bundled static asset (``report.css``, ``report.js``, ...)."""
    return resources.files("storytrace").joinpath("static", name).read_text(encoding="utf-8")


def render_html(cmp: Comparison, extras: Extras | None = None) -> str:
    """A self-contained HTML page: both articles side by side, passages linked.

    Nothing is loaded from the network; a content security policy allows only
    the report's own script, so article text can never run as code.
    """
    js = static_text("report.js")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode()
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'"
    )
    title = f"storytrace: {_short(cmp.a.source, 60)} vs {_short(cmp.b.source, 60)}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>body{{margin:0;background:#f6f6f8}}{static_text("report.css")}</style></head><body>
{render_fragment(cmp, extras)}
<script>{js}</script></body></html>
"""


# --- story graph ---------------------------------------------------------------------------


@dataclass(slots=True)
class GraphNode:
    """An article in a story graph; ``href`` links the node when given."""

    id: str
    label: str
    outlet: str
    date: str | None = None
    href: str | None = None


@dataclass(slots=True)
class GraphEdge:
    """Reuse between two articles: ``source`` -> ``target`` when ``directed``."""

    source: str
    target: str
    kind: str
    directed: bool = True
    label: str = ""


EDGE_COLOURS = {
    "duplicate": "#b3261e",
    "copied": "#b3261e",
    "verbatim": "#b3261e",
    "edited": "#e65100",
    "spun": "#8e24aa",
    "reworded": "#1565c0",
    "same-story": "#2e7d32",
}
_COL_W, _ROW_H, _TOP = 230, 46, 54
# Labels keep a white outline so edges passing behind them stay readable.
_HALO = 'paint-order="stroke" stroke="#fff" stroke-width="4" stroke-linejoin="round"'


def story_graph_svg(nodes: list[GraphNode], edges: list[GraphEdge]) -> str:
    """An SVG drawing of a story: one column per outlet, time running down.

    Articles are placed in date order (undated ones last), so copies sit
    below their sources; a directed edge has an arrow pointing at the copy, an
    undirected one (direction unknown, or a common source) is dashed.

    Example:
        >>> svg = story_graph_svg([GraphNode("1", "<b>", "x"), GraphNode("2", "y", "z")],
        ...                       [GraphEdge("1", "2", "copied")])
        >>> "<b>" in svg, svg.count("<circle")
        (False, 2)
    """
    order = sorted(nodes, key=lambda n: (n.date is None, n.date or "", n.id))
    outlets: list[str] = []
    for n in order:
        if n.outlet not in outlets:
            outlets.append(n.outlet)
    pos = {
        n.id: (_COL_W * outlets.index(n.outlet) + 24, _TOP + _ROW_H * row)
        for row, n in enumerate(order)
    }
    width = max(1, len(outlets)) * _COL_W
    height = _TOP + _ROW_H * max(1, len(order))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="story-graph" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'font-family="system-ui,sans-serif" '
        f'aria-label="reuse graph: {len(nodes)} articles, {len(edges)} links">',
        "<defs>",
    ]
    for kind, colour in EDGE_COLOURS.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    for k, outlet in enumerate(outlets):
        out.append(
            f'<rect x="{k * _COL_W + 4}" y="4" width="{_COL_W - 8}" height="{height - 8}" '
            f'rx="8" fill="{"#f3f4f7" if k % 2 == 0 else "#eceef2"}"/>'
            f'<text x="{k * _COL_W + 16}" y="28" font-weight="700" font-size="13">'
            f"{escape(_short(outlet, 28))}</text>"
        )
    for e in edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        kind = e.kind if e.kind in EDGE_COLOURS else "same-story"
        if x1 == x2:
            # Same outlet: bow out to the right, from circle edge to circle edge.
            bow = 30 + abs(y2 - y1) // 4
            d = f"M{x1 + 9},{y1} C{x1 + bow},{y1} {x2 + bow},{y2} {x2 + 10},{y2}"
        else:
            dx, dy = x2 - x1, y2 - y1
            length = (dx * dx + dy * dy) ** 0.5
            # Stop at the target circle's edge so the arrow head shows.
            ex, ey = x2 - 11 * dx / length, y2 - 11 * dy / length
            d = f"M{x1},{y1} L{ex:.1f},{ey:.1f}"
        attrs = f'stroke="{EDGE_COLOURS[kind]}" stroke-width="2" fill="none"'
        if e.directed:
            attrs += f' marker-end="url(#arrow-{kind})"'
        else:
            attrs += ' stroke-dasharray="5 4"'
        tip = escape(e.label or e.kind)
        out.append(
            f'<path class="edge edge-{kind}" data-source="{escape(e.source)}" '
            f'data-target="{escape(e.target)}" d="{d}" {attrs}><title>{tip}</title></path>'
        )
    for n in order:
        x, y = pos[n.id]
        label = escape(_short(n.label, 27))
        tip = escape(" · ".join(x for x in (n.label, n.outlet, n.date) if x))
        node = (
            f'<g class="node" data-id="{escape(n.id)}"><title>{tip}</title>'
            f'<circle cx="{x}" cy="{y}" r="9" fill="#fff" stroke="#333" stroke-width="2"/>'
            f'<text x="{x + 16}" y="{y - 2}" font-size="12" {_HALO}>{label}</text>'
            f'<text x="{x + 16}" y="{y + 12}" font-size="10" fill="#666" {_HALO}>'
            f"{escape(n.date or '')}</text></g>"
        )
        if n.href:
            node = f'<a href="{escape(n.href)}">{node}</a>'
        out.append(node)
    out.append("</svg>")
    return "".join(out)


def shape_stories(raw_stories: list[dict], meta: dict[str, dict]) -> list[dict]:
    """Stories from :func:`storytrace.corpus.stories` shaped for pages and the API.

    ``meta`` maps article id to ``{"id", "title", "outlet", "date", "source",
    "words"}``. Each story gets its articles in date order, sizes, dates and
    edges ``{"source", "target", "directed", "basis", "kind", ...}``; links
    between near-duplicates (collapsed by the corpus) become undirected
    ``duplicate`` edges.
    """
    built = []
    for raw in raw_stories:
        arts = sorted(
            (meta[i] for i in raw["articles"] if i in meta),
            key=lambda a: (a["date"] is None, a["date"] or "", a["id"]),
        )
        if not arts:
            continue
        titles = {a["id"]: a["title"] or a["id"] for a in arts}
        edges = []
        for e in raw["edges"]:
            d = e.get("direction") or {}
            src, dst = (d["from"], d["to"]) if d.get("from") else (e["a"], e["b"])
            edges.append(
                {
                    "source": src,
                    "target": dst,
                    "directed": bool(d.get("from")),
                    "basis": d.get("basis"),
                    "kind": e["verdict"],
                    "passages": len(e["passages"]),
                    "source_title": titles.get(src, src),
                    "target_title": titles.get(dst, dst),
                }
            )
        # Near-duplicates arrive collapsed into one node; draw their link too.
        for node in raw.get("nodes", []):
            for member in node.get("members", [])[1:]:
                edges.append(
                    {
                        "source": node["id"],
                        "target": member,
                        "directed": False,
                        "basis": "near-duplicate",
                        "kind": "duplicate",
                        "passages": None,
                        "source_title": titles.get(node["id"], node["id"]),
                        "target_title": titles.get(member, member),
                    }
                )
        dates = [a["date"] for a in arts if a["date"]]
        built.append(
            {
                "id": str(raw["id"]),
                "title": arts[0]["title"] or arts[0]["id"],
                "articles": arts,
                "outlets": len({a["outlet"] for a in arts}),
                "words": sum(a["words"] for a in arts),
                "first_date": min(dates) if dates else None,
                "last_date": max(dates) if dates else None,
                "edges": edges,
            }
        )
    return built


def story_graph(story: dict, link: Callable[[str], str] | None = None) -> str:
    """A shaped story's reuse graph as SVG; ``link`` makes article URLs."""
    nodes = [
        GraphNode(
            str(a["id"]),
            a.get("title") or a.get("source") or str(a["id"]),
            a.get("outlet") or "unknown outlet",
            a.get("date"),
            href=link(str(a["id"])) if link else None,
        )
        for a in story["articles"]
    ]
    edges = [
        GraphEdge(
            str(e["source"]),
            str(e["target"]),
            e["kind"],
            e.get("directed", True),
            f"{e.get('source_title', e['source'])} → {e.get('target_title', e['target'])}: "
            f"{e['kind']}",
        )
        for e in story["edges"]
    ]
    return story_graph_svg(nodes, edges)


def article_meta(db_dir: str | Path) -> dict[str, dict]:
    """Id, title, outlet, date, source and word count of every article in an index."""
    from storytrace.store import Store

    with Store(db_dir, create=False) as store:
        rows = store.db.execute(
            "SELECT id, title, outlet, published, source, length(text) - "
            "length(replace(text, ' ', '')) + 1 FROM articles"
        ).fetchall()
    keys = ("id", "title", "outlet", "date", "source", "words")
    return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}


def render_stories_html(stories: list[dict], title: str = "storytrace stories") -> str:
    """A self-contained page of shaped stories (:func:`shape_stories`), largest first.

    Each story with reuse shows its graph, its articles and its links; single
    articles are listed at the end.
    """
    parts = []
    singles = []
    for s in stories:
        if len(s["articles"]) < 2:
            singles.extend(s["articles"])
            continue
        rows = "".join(
            f"<tr><td>{escape(a['title'] or a['id'])}</td><td>{escape(a['outlet'] or '')}</td>"
            f'<td>{escape(a["date"] or "")}</td><td class="num">{a["words"]}</td></tr>'
            for a in s["articles"]
        )
        links = "".join(
            f"<tr><td>{escape(e['source_title'])}</td><td>{'→' if e['directed'] else '↔'}</td>"
            f"<td>{escape(e['target_title'])}</td><td>{escape(e['kind'])}</td>"
            f"<td>{escape(e['basis'] or '')}</td></tr>"
            for e in s["edges"]
        )
        dates = (
            f" · {escape(s['first_date'])} to {escape(s['last_date'])}" if s["first_date"] else ""
        )
        parts.append(
            f'<section class="story" id="story-{escape(s["id"])}"><h2>{escape(s["title"])}</h2>'
            f'<p class="hint">{len(s["articles"])} articles from {s["outlets"]} outlets{dates}</p>'
            f'<div class="graph">{story_graph(s)}</div>'
            f'<table class="qt"><tr><th>article</th><th>outlet</th><th>date</th><th>words</th></tr>'
            f"{rows}</table>"
            + (
                f'<table class="qt"><tr><th>from</th><th></th><th>to</th><th>relation</th>'
                f"<th>basis</th></tr>{links}</table>"
                if links
                else ""
            )
            + "</section>"
        )
    if singles:
        items = "".join(f"<li>{escape(a['title'] or a['id'])}</li>" for a in singles)
        parts.append(
            f'<section class="story"><h2>Articles without reuse</h2><ul>{items}</ul></section>'
        )
    css = (
        static_text("report.css")
        + ".story{background:#fff;border:1px solid #d9d9de;border-radius:8px;margin:14px 20px;"
        "padding:4px 16px 14px}.graph{overflow:auto;margin:8px 0}.story .qt{margin:8px 0}"
        "@media print{.story{break-inside:avoid-page}}"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>body{{margin:0;background:#f6f6f8}}{css}</style></head>
<body><div class="st"><header class="st-head"><h1>{escape(title)}</h1>
<p class="hint">Arrows point from the source to the copy (by publication time or containment);
dashed lines join articles whose direction is unknown or near-duplicates.</p></header>
{"".join(parts)}</div></body></html>
"""
