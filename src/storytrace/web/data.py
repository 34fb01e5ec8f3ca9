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

    Stories need every candidate pair aligned: they are computed once, in the
    worker pool (never in the server process), and kept. Concurrent requests
    wait for the same computation without holding a thread or a lock.
    """

    def __init__(self, db_dir: str | Path) -> None:
        self.db_dir = Path(db_dir)
        Store(self.db_dir, create=False).close()  # a clear error now if there is no index
        self._stories: list[dict] | None = None
        self._story_of: dict[str, str] = {}
        self._building: asyncio.Task | None = None

    def _store(self) -> Store:
        return Store(self.db_dir, create=False)

    async def all_stories(self, compute: Callable[[str], Awaitable[list[dict]]]) -> list[dict]:
        """Every shaped story; ``compute(db_dir)`` builds them the first time."""
        if self._stories is None:
            if self._building is None or self._building.done():
                self._building = asyncio.ensure_future(compute(str(self.db_dir)))
            # shield: one impatient client must not cancel the others' computation.
            built = await asyncio.shield(self._building)
            if self._stories is None:
                self._story_of = {a["id"]: s["id"] for s in built for a in s["articles"]}
                self._stories = built
        return self._stories

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def stats(self, stories: list[dict]) -> dict:
        with self._store() as s:
            articles, outlets = s.db.execute(
                "SELECT count(*), count(DISTINCT outlet) FROM articles"
            ).fetchone()
        return {"articles": articles, "outlets": outlets, "stories": len(stories)}

    def article(self, article_id: str) -> dict | None:
        with self._store() as s:
            row = s.db.execute(
                "SELECT id, title, url, outlet, published, source, text FROM articles WHERE id=?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "url", "outlet", "date", "source", "text")
        return dict(zip(keys, row, strict=True))

    def search(self, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
        with self._store() as s:
            rows = s.db.execute(
                "SELECT id, title, outlet, published, source, text, instr(lower(text), lower(?)) "
                "FROM articles WHERE instr(lower(text), lower(?)) > 0 ORDER BY published, id "
                "LIMIT ?",
                (q, q, limit),
            ).fetchall()
        hits = []
        for aid, title, outlet, date, source, text, at in rows:
            start = at - 1
            hits.append(_hit(aid, title, outlet, date, source, text, start, start + len(q), None))
        return hits

    def search_speaker(self, name: str, limit: int = SEARCH_LIMIT) -> list[dict]:
        # LIKE wildcards in the name are literal characters: "%" must not match everyone.
        pattern = "%" + like_escape(name.lower()) + "%"
        with self._store() as s:
            rows = s.db.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.source, q.content, "
                "q.speaker_name FROM quotes q JOIN articles a ON a.doc = q.doc "
                "WHERE lower(q.speaker_name) LIKE ? ESCAPE '\\' "
                "ORDER BY a.published, a.id, q.start LIMIT ?",
                (pattern, limit),
            ).fetchall()
        return [
            _hit(aid, title, outlet, date, source, content or "", 0, len(content or ""), speaker)
            for aid, title, outlet, date, source, content, speaker in rows
        ]


def like_escape(text: str) -> str:
    r"""``text`` for a LIKE pattern with ``ESCAPE '\'``: ``%``, ``_`` and ``\`` literal.

    >>> like_escape("50%_off\\")
    '50\\%\\_off\\\\'
    """
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _hit(
    aid: str,
    title: str | None,
    outlet: str | None,
    date: str | None,
    source: str | None,
    text: str,
    start: int,
    end: int,
    speaker: str | None,
) -> dict[str, Any]:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return {
        "id": aid,
        "title": title,
        "outlet": outlet,
        "date": date,
        "source": source,
        "speaker": speaker,
        "span": [start, end],
        "before": ("…" if start > _CONTEXT else "") + before,
        "match": text[start:end],
        "after": after + ("…" if end + _CONTEXT < len(text) else ""),
    }
