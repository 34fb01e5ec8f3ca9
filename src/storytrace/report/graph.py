"""The reuse graph of a story as an SVG drawing (escaped labels, no script)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from storytrace.report.common import short


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
            f"{escape(short(outlet, 28))}</text>"
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
        label = escape(short(n.label, 27))
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
