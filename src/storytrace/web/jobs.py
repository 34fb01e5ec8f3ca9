"""The CPU-bound work the web app hands to its worker processes.

Module-level functions of plain arguments, so a spawned worker can import and
run them; each returns something small to send back (a dict or HTML).
"""

from __future__ import annotations

from storytrace.align import compare
from storytrace.articles import Article
from storytrace.report.html import render_fragment
from storytrace.text import short


def compare_dict(a: Article, b: Article) -> dict:
    """The JSON form of ``compare(a, b)`` (``docs/compare.schema.json``)."""
    return compare(a, b).to_dict()


def compare_page(a: Article, b: Article) -> tuple[str, str]:
    """The report fragment of ``compare(a, b)`` and a page title."""
    result = compare(a, b)
    title = f"{short(result.a.source, 40)} vs {short(result.b.source, 40)}"
    return render_fragment(result), title


def shaped_stories(db_dir: str) -> list[dict]:
    """Every story of an index, shaped for the pages (from the stored reuse edges)."""
    from storytrace import corpus
    from storytrace.report.shape import index_stories

    return index_stories(db_dir, corpus.stories(db_dir)["stories"])
