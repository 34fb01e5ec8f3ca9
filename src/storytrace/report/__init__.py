"""Reports: the terminal summary, the HTML report of a comparison and story pages.

- :mod:`~storytrace.report.terminal`: rich renderables for the terminal;
- :mod:`~storytrace.report.html`: the side-by-side comparison report;
- :mod:`~storytrace.report.graph`: a story's reuse graph as SVG;
- :mod:`~storytrace.report.shape`: stories shaped for pages and the API;
- :mod:`~storytrace.report.story_pages`: the self-contained stories report;
- :mod:`~storytrace.report.pages`: the Jinja templates every HTML page renders from,
  shared by the web app and the self-contained files.

Article text is untrusted: every HTML output escapes every character of it and
loads nothing from the network.

Example:
    >>> from storytrace.align import compare
    >>> html = render_html(compare("<script>x</script> one two", "one two"))
    >>> "<script>x" in html
    False
"""

from __future__ import annotations

from storytrace.report.common import KIND_HELP, KINDS, VERDICT_HELP, static_text
from storytrace.report.graph import EDGE_COLOURS, GraphEdge, GraphNode, story_graph, story_graph_svg
from storytrace.report.html import headline_span, render_fragment, render_html
from storytrace.report.shape import index_stories, shape_stories
from storytrace.report.story_pages import render_stories_html
from storytrace.report.terminal import KIND_STYLE, terminal_summary

__all__ = [
    "EDGE_COLOURS",
    "KINDS",
    "KIND_HELP",
    "KIND_STYLE",
    "VERDICT_HELP",
    "GraphEdge",
    "GraphNode",
    "headline_span",
    "index_stories",
    "render_fragment",
    "render_html",
    "render_stories_html",
    "shape_stories",
    "static_text",
    "story_graph",
    "story_graph_svg",
    "terminal_summary",
]
