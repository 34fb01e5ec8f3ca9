"""Story pages: the self-contained stories report (``stories --html``).

The web app's story page renders the same ``_story.html`` template.
"""

from __future__ import annotations

from storytrace.report.graph import story_graph
from storytrace.report.pages import render_standalone


def render_stories_html(stories: list[dict], title: str = "storytrace stories") -> str:
    """A self-contained page of shaped stories (:func:`~storytrace.report.shape.shape_stories`).

    Each story with reuse shows its title, summary, graph, articles and links;
    single articles are listed at the end. No script, nothing from the network.
    """
    graphs = {s["id"]: story_graph(s) for s in stories if len(s["articles"]) > 1}
    singles = [a for s in stories if len(s["articles"]) < 2 for a in s["articles"]]
    return render_standalone(
        "stories_report.html", title=title, stories=stories, graphs=graphs, singles=singles
    )
