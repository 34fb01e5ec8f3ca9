"""What every route needs: the served index, the worker pool, limits, and page rendering."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from storytrace.articles import InputError
from storytrace.report.pages import render
from storytrace.web.data import StoreIndex
from storytrace.web.workers import JobCancelled, JobFailed, WorkerPool

log = logging.getLogger("storytrace.web")


def article_url(article_id: str) -> str:
    """The page of a stored article (ids may be file paths)."""
    return "/articles/" + quote(str(article_id), safe="/")


def compare_url(a: str, b: str) -> str:
    """The side-by-side page of two stored articles."""
    return "/compare-stored?" + urlencode({"a": a, "b": b})


@dataclass
class AppContext:
    """The state one app instance shares between its routes."""

    db_dir: Path | None
    index: StoreIndex | None
    max_article_bytes: int
    pool: WorkerPool

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page of the app, with its navigation and links to stored articles."""
        context.setdefault("has_index", self.index is not None)
        context.setdefault("index_name", self.db_dir.name if self.db_dir else "")
        context.setdefault("article_href", article_url)
        context.setdefault("compare_href", compare_url)
        return HTMLResponse(render(name, **context), status_code=status)

    def need_index(self) -> StoreIndex:
        if self.index is None:
            raise HTTPException(
                404, "no index is being served: start the app with storytrace serve --db DIR"
            )
        return self.index

    async def run(self, request: Request, fn: Any, *args: Any) -> Any:
        """``fn(*args)`` in the worker pool, cancelled if the client disconnects."""
        try:
            return await self.pool.run(fn, *args, gone=request.is_disconnected)
        except JobCancelled:
            if self.pool.closed:
                raise HTTPException(503, "the server is stopping") from None
            # Nobody reads this answer; 499 is what proxies log for it.
            raise HTTPException(499, "client closed the request") from None
        except JobFailed as e:
            log.error("job %s failed: %s", getattr(fn, "__name__", fn), e)
            raise HTTPException(500, "internal error: the analysis failed") from None
        except InputError as e:  # found by the analysis, e.g. compare's work limit in words
            raise HTTPException(400, str(e)) from None


def context(request: Request) -> AppContext:
    """The app's :class:`AppContext` (a FastAPI dependency)."""
    return request.app.state.ctx


def found(item: Any, what: str) -> Any:
    """``item``, or a 404 naming what is missing."""
    if item is None:
        raise HTTPException(404, f"no {what} in this index")
    return item


Ctx = Annotated[AppContext, Depends(context)]
"""A route parameter that receives the app's :class:`AppContext`."""
