"""The JSON Schemas in ``docs/``, generated from the record classes.

``python -m storytrace.schema`` rewrites ``docs/*.schema.json``; ``--check``
exits 1 when a file is out of date (the test suite runs the same check), so
the documented contract and the code cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.records import json_schema

BASE = "https://storytrace.invalid/schema/"


def _compare() -> dict:
    from storytrace.align import Comparison

    s = json_schema(
        Comparison,
        "storytrace compare result",
        "Output of `storytrace compare --json`, of each line of `compare --pairs` and of "
        "`/api/compare`. Every span is [start, end) in characters of the analysed text of its "
        "side (a.text or b.text), so text[start:end] is the span.",
    )
    # Batch mode may leave the texts out (include_text=False) and adds the pair's id.
    article = s["$defs"]["Article"]
    article["required"] = [k for k in article["required"] if k != "text"]
    article["properties"]["text"]["description"] += " Left out by `compare --pairs --no-text`."
    s["properties"] = {"id": {"description": "Batch mode only: the pair's id."}, **s["properties"]}
    return s


def _quotes() -> dict:
    from storytrace.quotes import QuotesResult

    s = json_schema(
        QuotesResult,
        "storytrace quotes result",
        "One line of `storytrace quotes --json`: one article's quotes, spans into its text.",
    )
    # The command adds the record's id (the path for a file) in front.
    s["properties"] = {
        "id": {"description": "The record's id, or the file's path."},
        **s["properties"],
    }
    return s


def _edge() -> dict:
    from storytrace.stories import Edge

    return json_schema(
        Edge,
        "storytrace reuse edge",
        "Reuse between two stored articles, as `stories --json`, `export` and Spark write it.",
    )


def _story() -> dict:
    from storytrace.stories import Story

    return json_schema(
        Story,
        "storytrace story",
        "One story of `stories --json`: its articles, collapsed near-duplicate nodes and edges.",
    )


SCHEMAS: dict[str, Callable[[], dict]] = {
    "compare": _compare,
    "quotes": _quotes,
    "edge": _edge,
    "story": _story,
}


def generate(name: str) -> dict[str, Any]:
    """The schema ``name`` (a key of :data:`SCHEMAS`), with its ``$id``."""
    body = SCHEMAS[name]()
    return {"$schema": body.pop("$schema"), "$id": f"{BASE}{name}.schema.json", **body}


def render(name: str) -> str:
    return json.dumps(generate(name), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storytrace.schema", description=__doc__)
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="folder to write to")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for name in SCHEMAS:
        path = args.docs / f"{name}.schema.json"
        text = render(name)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(str(path))
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    for p in stale:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
