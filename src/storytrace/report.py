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

from html import escape

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storytrace.align import Comparison, Passage

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

_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;background:#222;color:#fff}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px 20px}
.pane{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;
white-space:pre-wrap;overflow-wrap:anywhere}
.pane h2{font-size:14px;margin:0 0 8px;white-space:normal}
.p{border-radius:3px;cursor:pointer}
.p sup{font-size:10px;font-weight:bold;margin-right:2px}
.k-verbatim{background:#c8f0c8}.k-edited{background:#fbe9a6}
.k-spun{background:#f3c6f0}.k-reworded{background:#c6e6f7}
.p.hl{outline:3px solid #e33;}
.op-replace,.op-delete,.op-insert,.op-synonym{text-decoration:underline wavy #c00}
.op-synonym{text-decoration-color:#a0a}
.legend span{padding:1px 6px;margin-right:6px;border-radius:3px}
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}
@media print{.cols{grid-template-columns:1fr 1fr}.p.hl{outline:none}}
"""

_JS = """
document.querySelectorAll('.p').forEach(function(el){
  el.addEventListener('click',function(){
    var id=el.dataset.p, side=el.dataset.side, other=side==='a'?'b':'a';
    document.querySelectorAll('.p.hl').forEach(function(x){x.classList.remove('hl')});
    document.querySelectorAll('.p[data-p="'+id+'"]').forEach(function(x){x.classList.add('hl')});
    var twin=document.querySelector('.p[data-p="'+id+'"][data-side="'+other+'"]');
    if(twin){twin.scrollIntoView({behavior:'smooth',block:'center'});}
  });
});
"""


def _marked_html(text: str, passages: list[Passage], side: str) -> str:
    """Escape ``text`` and wrap each passage (and the edits inside it) in spans."""
    # (position, order, key, opening tag or None for a close)
    events: list[tuple[int, int, str, str | None]] = []
    for n, p in enumerate(passages, 1):
        s, e = p.a if side == "a" else p.b
        tag = (
            f'<span class="p k-{p.kind}" data-p="{n}" data-side="{side}" '
            f'id="{side}{n}" title="#{n} {p.kind}"><sup>{n}</sup>'
        )
        events += [(s, 1, f"p{n}", tag), (e, 0, f"p{n}", None)]
        for k, ed in enumerate(p.edits):
            es, ee = ed.a if side == "a" else ed.b
            if ed.op != "equal" and ee > es:
                key = f"e{n}.{k}"
                events += [(es, 2, key, f'<span class="op-{ed.op}">'), (ee, -1, key, None)]
    events.sort(key=lambda x: (x[0], x[1]))
    # Passages may overlap on one side (a repeated passage), so spans cannot
    # simply nest: at each close, every open span is closed and the others reopened.
    out: list[str] = []
    open_spans: list[tuple[str, str]] = []
    pos = 0
    for at, _, key, tag in events:
        out.append(escape(text[pos:at]))
        pos = at
        if tag is not None:
            out.append(tag)
            open_spans.append((key, tag.split("<sup>")[0]))
        elif any(k == key for k, _ in open_spans):
            out.append("</span>" * len(open_spans))
            open_spans = [(k, t) for k, t in open_spans if k != key]
            out.extend(t for _, t in open_spans)
    out.append(escape(text[pos:]))
    out.append("</span>" * len(open_spans))
    return "".join(out)


def render_html(cmp: Comparison) -> str:
    """A self-contained HTML page: both articles side by side, passages linked."""
    cov = cmp.coverage
    kinds = "".join(
        f'<span class="k-{k}">{k}</span>' for k in ("verbatim", "edited", "spun", "reworded")
    )
    rows = "".join(
        f"<tr><th>{side.upper()}</th><td>{_pct(cov[side])}</td>"
        f"<td>{_pct(cov[side + '_outside_quotes'])}</td></tr>"
        for side in ("a", "b")
    )
    pane_a = _marked_html(cmp.a.text, cmp.passages, "a")
    pane_b = _marked_html(cmp.b.text, cmp.passages, "b")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>storytrace: {escape(cmp.a.source)} vs {escape(cmp.b.source)}</title>
<style>{_CSS}</style></head><body>
<header><h1>storytrace comparison</h1>
<p>Verdict: <span class="verdict" id="verdict">{escape(cmp.verdict)}</span>
{escape(VERDICT_HELP.get(cmp.verdict, ""))} &middot; {len(cmp.passages)} shared passages
&middot; mode: {escape(cmp.mode)}</p>
<table><tr><th></th><th>coverage</th><th>outside quotes</th></tr>{rows}</table>
<p class="legend">{kinds} Click a passage to jump to its twin.</p></header>
<div class="cols">
<div class="pane" id="pane-a"><h2>A: {escape(cmp.a.source)}</h2>{pane_a}</div>
<div class="pane" id="pane-b"><h2>B: {escape(cmp.b.source)}</h2>{pane_b}</div>
</div><script>{_JS}</script></body></html>
"""
