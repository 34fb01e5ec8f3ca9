"""Stories shaped for pages and the API: articles in date order, sizes, dates, labelled edges."""

from __future__ import annotations

from pathlib import Path


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
        # Label by title, else id: never by the file the article came from.
        arts = [a | {"label": a["title"] or a["id"]} for a in arts]
        titles = {a["id"]: a["label"] for a in arts}
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
