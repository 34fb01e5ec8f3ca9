"""The HTML report of a comparison: both articles side by side, passages linked.

Article text is untrusted: every character of it is escaped here (the marked panes)
or by Jinja's autoescaping (the page around them), and nothing loads from the network.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape

from storytrace.align import Comparison, headline_span
from storytrace.quotes import Quote, QuoteMatch
from storytrace.report.common import (
    KIND_HELP,
    KINDS,
    VERDICT_HELP,
    pct,
)
from storytrace.report.pages import render_standalone
from storytrace.text import short

OP_HELP = {"replace": "replaced", "synonym": "synonym", "insert": "inserted", "delete": "deleted"}
_TITLE_CHARS = 160


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


def _pane_marks(cmp: Comparison, side: str) -> list[_Mark]:
    other_text = cmp.b.text if side == "a" else cmp.a.text
    other = "B" if side == "a" else "A"
    marks: list[_Mark] = []
    for n, p in enumerate(cmp.passages, 1):
        s, e = p.a if side == "a" else p.b
        attrs = f'class="p k-{p.kind}" data-p="{n}" data-side="{side}"'
        label = f"{p.kind}, trimmed" if p.trimmed else p.kind
        tip = f'title="#{n} {label}: click to see it in {other}"'
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
    for i, q in enumerate(cmp.quotes or [], 1):
        tip = f'title="quote {i}: {q.label}"'
        # Only the quoted words are marked, not a frame ("she said") between parts.
        for k, (s, e) in enumerate((q.a if side == "a" else q.b).parts):
            anchor = f'id="q{side}{i}" ' if k == 0 else ""
            marks.append(
                _Mark(s, e, 0, f'<span class="q" {anchor}{tip}>', f'<span class="q" {tip}>')
            )
    for f in cmp.spin_flags:
        if f.side == side:
            tag = f'<span class="spin-flag" title="spun: {_attr(f.note)}">'
            marks.append(_Mark(f.span[0], f.span[1], 4, tag, tag))
    head = headline_span(cmp.a if side == "a" else cmp.b)
    if head is not None:
        marks.append(
            _Mark(head[0], head[1], -1, '<span class="headline">', '<span class="headline">')
        )
    return marks


def _minimap(cmp: Comparison, side: str) -> str:
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
    for f in cmp.spin_flags:
        if f.side == side:
            out.append(f'<span class="mm spin-tick" style="{block(*f.span)}"></span>')
    label = f"where the shared text sits in {side.upper()}"
    return f'<div class="minimap" id="mm-{side}" aria-label="{label}">{"".join(out)}</div>'


def _finding_html(text: str) -> str:
    """One of ``cmp.findings`` as escaped HTML, with a jump to the quotes table and a spin alert."""
    html = escape(text, quote=False)
    html = re.sub(r"^(\d+ quotes? in both)", r'<a href="#quotes">\1</a>', html)
    return re.sub(
        r"^([AB]’s headline is spun|[AB] has \d+ spun phrases?)",
        r'<span class="alert">\1</span>',
        html,
    )


def _caveat(cmp: Comparison) -> str:
    """The evidence's caveat (a same-story verdict on the same people alone) as a line under
    the verdict, or nothing."""
    said = cmp.evidence.caveat if cmp.evidence is not None else None
    if not said:
        return ""
    return f'<p class="caveat" id="caveat">Caveat: {escape(said)}.</p>\n'


def _side_rows(cmp: Comparison) -> str:
    cov = cmp.coverage
    spin = bool(cmp.spin)
    rows = [
        "<tr><th></th><th>article</th><th>words shared</th><th>outside quotes</th>"
        + ('<th title="spun phrases per 100 words">spin score</th>' if spin else "")
        + "<th>where (minimap)</th></tr>"
    ]
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        name = art.title or art.source
        cells = [
            f"<th>{side.upper()}</th>",
            f'<td title="{escape(art.source)}">{escape(short(name, 70))}</td>',
            f'<td class="num">{_bar(cov[side])}{pct(cov[side])}</td>',
            f'<td class="num">{_bar(cov[side + "_outside_quotes"])}'
            f"{pct(cov[side + '_outside_quotes'])}</td>",
        ]
        if spin:
            report = (cmp.spin or {}).get(side)
            score = "" if report is None else f"{report.score:.2f}"
            cells.append(f'<td class="num">{score}</td>')
        cells.append(f"<td>{_minimap(cmp, side)}</td>")
        rows.append(f'<tr class="side-row-{side}">{"".join(cells)}</tr>')
    return f'<table class="sides">{"".join(rows)}</table>'


def _bar(x: float) -> str:
    return f'<span class="bar"><i style="width:{100 * min(max(x, 0.0), 1.0):.1f}%"></i></span>'


_QUOTE_RUN_WORDS = 12


def _quote_text(text: str, q: QuoteMatch, side: str) -> str:
    """One version of a quote with the words that differ from the other marked.

    A long run of words only this side has (the rest of a quote the other
    outlet trimmed) is folded to its word count, so the change stays visible.
    """
    s0, s1 = q.a.content if side == "a" else q.b.content
    other = "B" if side == "a" else "A"
    out = []
    pos = s0
    for edit in sorted(q.ops, key=lambda o: o.a if side == "a" else o.b):
        op = edit.op
        mine, theirs = (edit.a, edit.b) if side == "a" else (edit.b, edit.a)
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


def _quotes_table(cmp: Comparison) -> str:
    if cmp.quotes is None:  # quote matching was switched off
        return ""
    counts = cmp.quote_counts or {}
    head = (
        f'<section class="st-quotes" id="quotes"><h2>Quotes</h2><p class="hint">'
        f"A has {counts.get('a', 0)} quotes, B {counts.get('b', 0)}; {len(cmp.quotes)} "
        f"pairs are the same quote. Changed words are marked as in the articles.</p>"
    )
    if not cmp.quotes:
        return head + "</section>"
    rows = ["<tr><th>#</th><th>speaker</th><th>in A</th><th>in B</th><th>match</th></tr>"]
    for i, q in enumerate(cmp.quotes, 1):
        name_a, name_b = q.a.speaker_name, q.b.speaker_name
        note = ""
        if q.speaker_mismatch:
            who = f"attributed to {name_a or 'nobody'} in A, {name_b or 'nobody'} in B"
            note = f'<div class="warn">{escape(who)}</div>'
        how = "; ".join(
            h
            for side, art, one in (("A", cmp.a, q.a), ("B", cmp.b, q.b))
            if (h := _how(side, art.text, one))
        )
        how = f'<div class="hint">{escape(how)}</div>' if how else ""
        cells = [f"<td>{i}</td>", f"<td>{escape(name_a or name_b or '—')}{note}{how}</td>"]
        for side, art in (("a", cmp.a), ("b", cmp.b)):
            cells.append(
                f"<td>{_quote_text(art.text, q, side)}"
                f'<a href="#q{side}{i}" data-jump="q{side}{i}">jump to {side.upper()}</a></td>'
            )
        cells.append(f'<td><span class="lab lab-{q.label}">{q.label}</span></td>')
        rows.append(f'<tr class="q-{q.label}">{"".join(cells)}</tr>')
    return head + f'<table class="qt">{"".join(rows)}</table></section>'


def _how(side: str, text: str, q: Quote) -> str:
    """How a side's speaker was found ('A: “he”, pronoun'): what the JSON's resolved_by says."""
    if q.speaker_name is None or q.resolved_by is None:
        return ""
    if q.speaker is None:
        return f"{side}: from the quote before"
    written = text[q.speaker[0] : q.speaker[1]]
    return f"{side}: “{written}”" + ("" if q.resolved_by == "as-written" else f", {q.resolved_by}")


def render_fragment(cmp: Comparison) -> str:
    """The report's markup without page chrome (the web app embeds it).

    Every character of article text is escaped; the markup needs
    ``static/report.css`` and, for linking passages, ``static/report.js``.
    """
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
    findings = "".join(f"<li>{_finding_html(f)}</li>" for f in cmp.findings)
    panes = []
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        body = _render_marked(art.text, _pane_marks(cmp, side))
        panes.append(
            f'<section class="pane side-{side}" id="pane-{side}"><h2><span class="side">'
            f"{side.upper()}</span>{escape(art.source)}</h2>"
            f'<div class="body" lang="">{body}</div></section>'
        )
    return f"""<div class="st" id="report">
<header class="st-head"><h1>How these two articles relate</h1>
<div class="st-verdict">Verdict: <span class="verdict v-{verdict}" id="verdict">{verdict}</span>
<span>{escape(VERDICT_HELP.get(cmp.verdict, ""))}</span></div>
{_caveat(cmp)}<ul class="findings" id="findings">{findings}</ul>
{_side_rows(cmp)}
<div class="legend" id="legend">{legend}</div>
<div class="legend">{ops}</div>
<p class="hint">Hover a numbered passage to see both copies, click it to scroll the other
article to its twin; click the minimap to jump.</p></header>
<div class="st-cols">{"".join(panes)}</div>
{_quotes_table(cmp)}
</div>"""


def render_html(cmp: Comparison) -> str:
    """A self-contained HTML page: both articles side by side, passages linked.

    Nothing is loaded from the network; a content security policy allows only
    the report's own script, so article text can never run as code.
    """
    title = f"{short(cmp.a.source, 60)} vs {short(cmp.b.source, 60)}"
    return render_standalone(
        "compare.html", scripts=("report.js",), report=render_fragment(cmp), title=title
    )
