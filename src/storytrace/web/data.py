"""The read side of an index folder, shaped for the pages and the API."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from storytrace.store import Store

SEARCH_LIMIT = 200
"""Most hits one search returns."""
_CONTEXT = 90


class StoreIndex:
    """An index folder served by the app; each call opens its own connection.

    Stories are grouped from the stored reuse in the worker pool (never in the
    server process) and kept until the index changes. Concurrent requests wait
    for the same computation without holding a thread or a lock.
    """

    def __init__(self, db_dir: str | Path) -> None:
        self.db_dir = Path(db_dir)
        Store(self.db_dir, readonly=True).close()  # a clear error now if there is no index
        self._stories: list[dict] | None = None
        self._story_of: dict[str, str] = {}
        self._built_for: tuple[int, int] | None = None
        self._building: asyncio.Future | None = None

    def _store(self) -> Store:
        return Store(self.db_dir, readonly=True)

    def _version(self) -> tuple[int, int]:
        """Changes when ``index`` adds articles or finishes aligning them."""
        with self._store() as s:
            return s.stats()["articles"], len(s.pending())

    async def all_stories(self, compute: Callable[[str], Awaitable[list[dict]]]) -> list[dict]:
        """Every shaped story; ``compute(db_dir)`` builds them when the index changed.

        While new stories are built after an ``index`` run, requests get the
        previous ones instead of waiting.
        """
        version = self._version()
        if self._stories is not None and version == self._built_for:
            return self._stories
        if self._building is None or self._building.done():
            self._building = asyncio.ensure_future(self._build(compute, version))
        if self._stories is not None:
            return self._stories
        # shield: one impatient client must not cancel the others' computation.
        return await asyncio.shield(self._building)

    async def _build(
        self, compute: Callable[[str], Awaitable[list[dict]]], version: tuple[int, int]
    ) -> list[dict]:
        built = await compute(str(self.db_dir))
        self._story_of = {a["id"]: s["id"] for s in built for a in s["articles"]}
        self._stories, self._built_for = built, version
        return built

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def stats(self, stories: list[dict]) -> dict:
        """The store's counts, ``stories`` (each article is in one, alone or not), and as
        ``stories`` prints them: ``shared`` (stories of two articles or more) and ``alone``
        (the articles in none of those)."""
        alone = sum(len(s["articles"]) < 2 for s in stories)
        with self._store() as s:
            counts = s.stats()
        return counts | {"stories": len(stories), "shared": len(stories) - alone, "alone": alone}

    def article(self, article_id: str) -> dict | None:
        with self._store() as s:
            return s.article_by_id(article_id)

    def search(self, q: str, limit: int = SEARCH_LIMIT) -> tuple[list[dict], int | None]:
        """The hits, and how many more articles contain ``q`` than ``limit`` let through."""
        with self._store() as s:
            rows = s.search_text(q, limit=limit)
        hits = [_hit(r, r["text"], r["start"], r["end"], None) for r in rows]
        return hits, _not_shown(rows)

    def search_speaker(self, name: str, limit: int = SEARCH_LIMIT) -> tuple[list[dict], int | None]:
        """The hits, and 0 when no more quotes match, else None (more match, uncounted:
        :meth:`storytrace.store.Store.search_speaker`)."""
        # The store takes LIKE wildcards literally: "%" does not match everyone.
        with self._store() as s:
            rows = s.search_speaker(name, limit=limit)
        hits = [_hit(r, r["content"] or "", 0, len(r["content"] or ""), r["speaker"]) for r in rows]
        return hits, _not_shown(rows)


def _not_shown(rows: list[dict]) -> int | None:
    return rows[0]["results_not_shown"] if rows else 0


def _hit(row: dict, text: str, start: int, end: int, speaker: str | None) -> dict[str, Any]:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return {
        "id": row["id"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": row["published"],
        "source": row["source"],
        "speaker": speaker,
        "span": [start, end],
        "before": ("…" if start > _CONTEXT else "") + before,
        "match": text[start:end],
        "after": after + ("…" if end + _CONTEXT < len(text) else ""),
    }
