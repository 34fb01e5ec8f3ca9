"""The reuse graph of a story as an SVG drawing (escaped labels, no script).

Readable at 20-30 articles: one row per article (or near-duplicate group), time
running down with the date in a left column; the full label beside each node,
never overlapping another; one lane per outlet only when there are few outlets,
otherwise a single lane with links drawn as arcs on its left. The legend is
HTML next to the drawing (``_story.html``), so the SVG holds only the story.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from storytrace.text import short


@dataclass(slots=True)
class GraphNode:
    """An article (or a group of ``count`` near-duplicates) in a story graph.

    ``date`` is what is shown and sorted (ISO text); ``href`` links the node.
    """

    id: str
    label: str
    outlet: str
    date: str | None = None
    href: str | None = None
    count: int = 1
    note: str = ""


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
EDGE_HELP = {
    "copied": "copied (verbatim or edited text)",
    "spun": "spun (synonyms swapped in)",
    "reworded": "reworded (retold in other words, not a copy)",
    "same-story": "same story, not a copy (quotes, facts)",
}
NOT_COPIES = frozenset({"reworded", "same-story"})
"""Links that claim no copying: drawn plain, never with an arrow or the dashes of a copy whose
direction is unknown (a reworded pair's dates say who published first, not who copied)."""
LEGEND = [(kind, EDGE_COLOURS[kind], help) for kind, help in EDGE_HELP.items()]
"""``(kind, colour, explanation)`` for the legend beside a graph."""
MAX_LANES = 6
"""Outlets get a lane each only up to this many; beyond, lanes are noise."""
_ROW_H, _DATE_W, _LANE_W, _LABEL_CHARS = 44, 118, 38, 70
# Labels keep a white outline so edges passing behind them stay readable.
_HALO = 'paint-order="stroke" stroke="#fff" stroke-width="4" stroke-linejoin="round"'


def _lanes(order: list[GraphNode]) -> list[str]:
    outlets: list[str] = []
    for n in order:
        if n.outlet not in outlets:
            outlets.append(n.outlet)
    # A lane per outlet helps only when several articles share few outlets.
    if 2 <= len(outlets) <= MAX_LANES and len(outlets) < len(order):
        return outlets
    return []


def _graph_counts(nodes: list[GraphNode], drawn: list[GraphEdge]) -> str:
    """'2 articles (near-duplicates drawn as one), 0 links': what the drawing holds, for a
    screen reader; a node of near-duplicates is several articles."""
    articles = sum(n.count for n in nodes)
    grouped = " (near-duplicates drawn as one)" if any(n.count > 1 for n in nodes) else ""
    links = len(drawn)
    return (
        f"{articles} article{'s' if articles != 1 else ''}{grouped},"
        f" {links} link{'s' if links != 1 else ''}"
    )


def story_graph_svg(nodes: list[GraphNode], edges: list[GraphEdge]) -> str:
    """An SVG drawing of a story: time running down, one row per node.

    Nodes are placed in date order (undated ones last), so copies sit below
    their sources; a directed edge has an arrow pointing at the copy, an
    undirected copy (direction unknown, or a common source) is dashed, and a
    reworded or same-story link (no copying claimed) is a plain line. With a
    few outlets each gets a lane (column); links within one lane are arcs.

    Example:
        >>> svg = story_graph_svg([GraphNode("1", "<b>", "x"), GraphNode("2", "y", "z")],
        ...                       [GraphEdge("1", "2", "copied")])
        >>> "<b>" in svg, svg.count("<circle")
        (False, 2)
    """
    order = sorted(nodes, key=lambda n: (n.date is None, n.date or "", n.id))
    row = {n.id: k for k, n in enumerate(order)}
    lanes = _lanes(order)
    top = 74 if lanes else 16
    drawn = [e for e in edges if e.source in row and e.target in row and e.source != e.target]
    same_x = [
        abs(row[e.source] - row[e.target])
        for e in drawn
        if not lanes or _lane(lanes, order[row[e.source]]) == _lane(lanes, order[row[e.target]])
    ]
    arc_w = min(170, 30 + 14 * max(same_x)) if same_x else 16
    # A date column only when some article has a date: a column of "undated" says nothing.
    dated = any(n.date for n in order)
    date_w = _DATE_W if dated else 10
    x0 = date_w + arc_w
    label_x = x0 + _LANE_W * max(0, len(lanes) - 1) + 20
    width = label_x + 7 * _LABEL_CHARS + 20
    height = top + _ROW_H * max(1, len(order))

    def pos(n: GraphNode) -> tuple[int, int]:
        return x0 + _LANE_W * _lane(lanes, n), top + _ROW_H * row[n.id] + _ROW_H // 2

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="story-graph" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'font-family="system-ui,sans-serif" '
        f'aria-label="reuse graph: {_graph_counts(nodes, drawn)}">',
        "<defs>",
    ]
    for kind, colour in EDGE_COLOURS.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    # Alternate row shading ties a date, a node and its label together.
    for k in range(len(order)):
        if k % 2 == 0:
            out.append(
                f'<rect x="0" y="{top + _ROW_H * k}" width="{width}" height="{_ROW_H}" '
                'fill="#f5f6f9"/>'
            )
    for k, outlet in enumerate(lanes):
        x = x0 + _LANE_W * k
        out.append(
            f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{height}" stroke="#d5d8e0" '
            'stroke-dasharray="2 3"/>'
            f'<text class="lane" transform="translate({x + 4},{top - 10}) rotate(-35)" '
            f'font-size="11" font-weight="600">{escape(short(outlet, 16))}</text>'
        )
    by_id = {n.id: n for n in order}
    for e in drawn:
        (x1, y1), (x2, y2) = pos(by_id[e.source]), pos(by_id[e.target])
        kind = e.kind if e.kind in EDGE_COLOURS else "same-story"
        r2 = 12 if by_id[e.target].count > 1 else 9
        if x1 == x2:
            # One lane: an arc on the left, longer links bowing further out.
            bow = min(arc_w - 8, 22 + 14 * abs(row[e.source] - row[e.target]))
            d = f"M{x1 - 9},{y1} C{x1 - bow},{y1} {x2 - bow},{y2} {x2 - r2 - 1},{y2}"
        else:
            dx, dy = x2 - x1, y2 - y1
            length = (dx * dx + dy * dy) ** 0.5
            # Stop at the target circle's edge so the arrow head shows.
            ex, ey = x2 - (r2 + 2) * dx / length, y2 - (r2 + 2) * dy / length
            d = f"M{x1},{y1} L{ex:.1f},{ey:.1f}"
        attrs = f'stroke="{EDGE_COLOURS[kind]}" stroke-width="2" fill="none" opacity="0.85"'
        if e.directed:
            attrs += f' marker-end="url(#arrow-{kind})"'
        elif kind not in NOT_COPIES:  # no copying claimed: no direction missing
            attrs += ' stroke-dasharray="5 4"'
        tip = escape(e.label or e.kind)
        out.append(
            f'<path class="edge edge-{kind}" data-source="{escape(e.source)}" '
            f'data-target="{escape(e.target)}" d="{d}" {attrs}><title>{tip}</title></path>'
        )
    for n in order:
        x, y = pos(n)
        label = escape(short(n.label, _LABEL_CHARS))
        sub = " · ".join(s for s in (n.outlet, n.note) if s)
        tip = escape(" · ".join(s for s in (n.label, n.outlet, n.date, n.note) if s))
        if n.count > 1:
            mark = (
                f'<circle cx="{x}" cy="{y}" r="12" fill="#fff3c4" stroke="#333" stroke-width="2"/>'
                f'<text class="count" x="{x}" y="{y + 4}" font-size="11" font-weight="700" '
                f'text-anchor="middle">×{n.count}</text>'
            )
        else:
            mark = f'<circle cx="{x}" cy="{y}" r="9" fill="#fff" stroke="#333" stroke-width="2"/>'
        node = (
            f'<g class="node" data-id="{escape(n.id)}"><title>{tip}</title>{mark}'
            f'<text class="label" x="{label_x}" y="{y - 2 if sub else y + 5}" font-size="13" '
            f"{_HALO}>{label}</text>"
            + (
                f'<text x="{label_x}" y="{y + 13}" font-size="11" fill="#555" {_HALO}>'
                f"{escape(short(sub, 90))}</text>"
                if sub
                else ""
            )
            + "</g>"
        )
        if n.href:
            node = f'<a href="{escape(n.href)}">{node}</a>'
        if dated:
            node = (
                f'<text class="when" x="{date_w - 10}" y="{y + 4}" font-size="11" fill="#444" '
                f'text-anchor="end">{escape(n.date or "undated")}</text>' + node
            )
        out.append(node)
    out.append("</svg>")
    return "".join(out)


def _lane(lanes: list[str], n: GraphNode) -> int:
    return lanes.index(n.outlet) if lanes else 0


def story_graph(story: dict, link: Callable[[str], str] | None = None) -> str:
    """A shaped story's reuse graph as SVG (near-duplicate groups as one node); ``link``
    makes article URLs."""
    arts = {a["id"]: a for a in story["articles"]}
    groups = story.get("nodes") or [{"id": i, "count": 1, "members": [i]} for i in arts]
    group_of = {m: g["id"] for g in groups for m in g["members"]}
    # "unknown outlet" under every label says nothing when no article names one.
    unnamed = "unknown outlet" if any(a.get("outlet") for a in arts.values()) else ""
    nodes = []
    for g in groups:
        a = arts.get(g["id"])
        if a is None:
            continue
        others = [arts[m]["label"] for m in g["members"][1:] if m in arts]
        nodes.append(
            GraphNode(
                str(a["id"]),
                a.get("label") or a.get("title") or str(a["id"]),
                a.get("outlet") or unnamed,
                a.get("when") or a.get("published"),
                href=link(str(a["id"])) if link else None,
                count=len(g["members"]),
                note=f"{len(others)} near-duplicate{'s' if len(others) != 1 else ''}"
                if others
                else "",
            )
        )
    edges: dict[tuple[str, str], GraphEdge] = {}
    for e in story["edges"]:
        if e.get("basis") == "near-duplicate":
            continue  # drawn as the group's count
        src = group_of.get(e["source"], e["source"])
        dst = group_of.get(e["target"], e["target"])
        if src != dst and (src, dst) not in edges:
            directed = e.get("directed", True)
            # The tooltip's arrow as the table's: no direction claimed the edge has not got.
            arrow = "→" if directed else "↔"
            first = e.get("source_title", e["source"])
            if not directed and e.get("basis") == "time":
                # Ordered by its dates but no copy (a rewording): say only who came out first.
                how = f", not a copy ({first} published first)"
            else:
                how = f" ({e['basis']})" if e.get("basis") else ""
            edges[(src, dst)] = GraphEdge(
                str(src),
                str(dst),
                e["kind"],
                directed,
                f"{first} {arrow} {e.get('target_title', e['target'])}: {e['kind']}{how}",
            )
    return story_graph_svg(nodes, list(edges.values()))
