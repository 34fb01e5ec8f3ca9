"""The web app: compare two articles in the browser and browse an index.

``create_app(db_dir)`` builds a FastAPI app. Pages are Jinja2 templates with
autoescaping; the comparison report is :func:`storytrace.report.render_fragment`,
which escapes article text itself. Static assets are bundled (no CDN) and a
content security policy allows scripts from the app only, so text pasted into
the app can never run as code. The JSON API lives under ``/api`` with its
OpenAPI spec at ``/api/openapi.json``.

Needs the ``web`` extra: ``pip install 'storytrace[web]'``.

Example:
    >>> from fastapi.testclient import TestClient
    >>> client = TestClient(create_app())
    >>> r = client.post("/api/compare", json={"a": "one two three four", "b": "five six"})
    >>> r.json()["verdict"]
    'unrelated'
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storytrace.align import compare as align_compare
from storytrace.articles import Article, InputError, article_from_text, decode_bytes
from storytrace.report import _short, article_meta, render_fragment, shape_stories, story_graph

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Largest article accepted by the app (2 MiB); news articles are a few KB."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _mib(n: int) -> str:
    if n < 1048576:
        return f"{n / 1024:.0f} KiB"
    return f"{n / 1048576:.1f} MiB" if n % 1048576 else f"{n // 1048576} MiB"


class ComparePayload(BaseModel):
    """Two articles as text (plain text or HTML) with optional names."""

    a: str = Field(description="First article: plain text or HTML.")
    b: str = Field(description="Second article: plain text or HTML.")
    a_source: str = Field("a", description="A name for the first article.")
    b_source: str = Field("b", description="A name for the second article.")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes before anything parses them.

    The declared Content-Length is checked first; a body sent without one is
    counted as it arrives.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send, int(declared))
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No declared length (chunked): buffer up to the limit, then replay.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(scope, send, size)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, size: int) -> None:
        message = (
            f"upload too large: {_mib(size)} is over the {_mib(self.limit)} limit for one request"
        )
        if scope["path"].startswith("/api"):
            response: Response = JSONResponse({"detail": message}, status_code=413)
        else:
            response = HTMLResponse(
                _templates()
                .get_template("error.html")
                .render(title="Upload too large", message=message, has_index=False),
                status_code=413,
            )

        async def no_body() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storytrace", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    )
    env.filters["article_url"] = article_url
    env.globals["compare_url"] = lambda a, b: "/compare-stored?" + urlencode({"a": a, "b": b})
    return env


def article_from_upload(data: bytes | str, source: str, limit: int) -> Article:
    """An article from uploaded bytes or pasted text, with one-line errors naming it."""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limit:
        raise TooLarge(f"{source}: larger than the {_mib(limit)} limit for one article")
    text = data if isinstance(data, str) else decode_bytes(data, source)
    if not text.strip():
        raise InputError(f"{source}: no text given")
    return article_from_text(text, source=source)


class TooLarge(InputError):
    """An input over the size limit (HTTP 413)."""


def _status(e: InputError) -> int:
    return 413 if isinstance(e, TooLarge) else 400


def create_app(db_dir: str | Path | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES):
    """The storytrace web app; with ``db_dir``, also the pages of that index.

    ``db_dir`` is a folder made by ``storytrace index PATH --db DIR``.
    """
    templates = _templates()
    index = _open_index(db_dir) if db_dir is not None else None
    app = FastAPI(
        title="storytrace",
        summary="Show how news text travels: shared passages, spin, quotes, who copied whom.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the app stays offline
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=2 * max_article_bytes + 64 * 1024)
    static = resources.files("storytrace").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("has_index", index is not None)
        context.setdefault("index_name", Path(db_dir).name if db_dir else "")
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status)

    def form_page(error: str = "", status: int = 200, values: dict | None = None) -> HTMLResponse:
        return page(
            "index.html",
            status,
            error=error,
            values=values or {"a": "", "b": ""},
            limit=_mib(max_article_bytes),
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        return form_page()

    @app.post("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_form(request: Request) -> HTMLResponse:
        try:
            form = await request.form(max_part_size=max_article_bytes + 1024)
        except StarletteHTTPException as e:  # the form parser refused a part
            too_big = "maximum size" in str(e.detail)
            message = (
                f"pasted text is over the {_mib(max_article_bytes)} limit for one article"
                if too_big
                else f"could not read the form ({e.detail})"
            )
            return form_page(message, 413 if too_big else 400)
        values = {"a": "", "b": ""}
        arts: list[Article] = []
        try:
            for side in ("a", "b"):
                upload = form.get(f"{side}_file")
                pasted = form.get(f"{side}_text")
                pasted = pasted if isinstance(pasted, str) else ""
                values[side] = pasted
                if isinstance(upload, StarletteUpload) and upload.filename:
                    data = await upload.read(max_article_bytes + 1)
                    arts.append(article_from_upload(data, upload.filename, max_article_bytes))
                elif pasted.strip():
                    arts.append(
                        article_from_upload(pasted, f"pasted {side.upper()}", max_article_bytes)
                    )
                else:
                    raise InputError(f"article {side.upper()}: paste some text or choose a file")
        except InputError as e:
            return form_page(str(e), _status(e), values)
        result = await run_in_threadpool(align_compare, arts[0], arts[1])
        fragment = await run_in_threadpool(render_fragment, result)
        title = f"{_short(result.a.source, 40)} vs {_short(result.b.source, 40)}"
        return page("compare.html", report=fragment, title=title)

    @app.post("/api/compare", tags=["compare"])
    def api_compare(payload: ComparePayload) -> dict:
        """Align two articles given as text; the result follows docs/compare.schema.json."""
        try:
            a = article_from_upload(payload.a, payload.a_source, max_article_bytes)
            b = article_from_upload(payload.b, payload.b_source, max_article_bytes)
        except InputError as e:
            raise HTTPException(_status(e), str(e)) from None
        return align_compare(a, b).to_dict()

    @app.post("/api/compare/files", tags=["compare"])
    async def api_compare_files(
        a: UploadFile = File(description="First article file (text or HTML)."),  # noqa: B008
        b: UploadFile = File(description="Second article file (text or HTML)."),  # noqa: B008
    ) -> dict:
        """Align two uploaded article files; the result follows docs/compare.schema.json."""
        try:
            arts = [
                article_from_upload(
                    await f.read(max_article_bytes + 1), f.filename or side, max_article_bytes
                )
                for side, f in (("a", a), ("b", b))
            ]
        except InputError as e:
            raise HTTPException(_status(e), str(e)) from None
        result = await run_in_threadpool(align_compare, arts[0], arts[1])
        return result.to_dict()

    def need_index() -> Any:
        if index is None:
            raise HTTPException(
                404, "no index is being served: start the app with storytrace serve --db DIR"
            )
        return index

    def found(item: Any, what: str) -> Any:
        if item is None:
            raise HTTPException(404, f"no {what} in this index")
        return item

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(offset: int = 0, limit: int = 100) -> HTMLResponse:
        ix = need_index()
        rows = ix.stories(limit=limit + 1, offset=max(0, offset))
        return page(
            "stories.html",
            stories=rows[:limit],
            more=len(rows) > limit,
            offset=offset,
            limit=limit,
            stats=ix.stats(),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        story = found(need_index().story(story_id), f"story {story_id}")
        return page("story.html", story=story, graph=story_graph(story, article_url))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        article = found(need_index().article(article_id), f"article {article_id}")
        return page("article.html", article=article)

    @app.get("/compare-stored", response_class=HTMLResponse, include_in_schema=False)
    def compare_stored(a_id: str = Query(alias="a"), b_id: str = Query(alias="b")) -> HTMLResponse:
        ix = need_index()
        a = found(ix.article(a_id), f"article {a_id}")
        b = found(ix.article(b_id), f"article {b_id}")
        result = align_compare(_as_article(a), _as_article(b))
        title = f"{_short(result.a.source, 40)} vs {_short(result.b.source, 40)}"
        return page("compare.html", report=render_fragment(result), title=title)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "", speaker: str = "") -> HTMLResponse:
        ix = need_index()
        hits = None
        error = ""
        if q.strip() or speaker.strip():
            try:
                hits = run_search(ix, q, speaker)
            except InputError as e:
                error = str(e)
        return page("search.html", q=q, speaker=speaker, hits=hits, error=error)

    @app.get("/api/stories", tags=["index"])
    def api_stories(offset: int = 0, limit: int = 100) -> dict:
        """Stories in the index, largest first, with sizes and dates."""
        ix = need_index()
        return {"stats": ix.stats(), "stories": ix.stories(limit=limit, offset=max(0, offset))}

    @app.get("/api/stories/{story_id}", tags=["index"])
    def api_story(story_id: str) -> dict:
        """One story: its articles and reuse edges (source -> copy when directed)."""
        return found(need_index().story(story_id), f"story {story_id}")

    @app.get("/api/articles/{article_id:path}", tags=["index"])
    def api_article(article_id: str) -> dict:
        """One stored article with its text."""
        return found(need_index().article(article_id), f"article {article_id}")

    @app.get("/api/search", tags=["index"])
    def api_search(q: str = "", speaker: str = "") -> dict:
        """Articles containing the text ``q``, or quotes by ``speaker``."""
        try:
            return {"hits": run_search(need_index(), q, speaker)}
        except InputError as e:
            raise HTTPException(400, str(e)) from None

    @app.get("/api/health", tags=["meta"])
    def health() -> dict:
        """Liveness, version and whether an index is being served."""
        return {"status": "ok", "version": _version(), "index": index is not None}

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", None) or "not found"
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": detail}, status_code=404)
        return page("error.html", 404, title="Not found", message=detail)

    return app


SEARCH_LIMIT = 200


def run_search(index: Any, q: str, speaker: str) -> list[dict]:
    """Text search, or speaker search when ``speaker`` is given."""
    q, speaker = q.strip(), speaker.strip()
    if speaker:
        return index.search_speaker(speaker, limit=SEARCH_LIMIT)
    if len(q) < 2:
        raise InputError("search needs at least two characters")
    return index.search(q, limit=SEARCH_LIMIT)


def article_url(article_id: str) -> str:
    """The page of a stored article (ids may be file paths)."""
    return "/articles/" + quote(str(article_id), safe="/")


def _as_article(d: dict) -> Article:
    return Article(
        source=d.get("source") or str(d["id"]),
        text=d["text"],
        title=d.get("title"),
        published=d.get("published") or d.get("date"),
        url=d.get("url"),
        outlet=d.get("outlet"),
    )


def _open_index(db_dir: str | Path) -> StoreIndex:
    return StoreIndex(db_dir)


class StoreIndex:
    """The read side of an index folder, shaped for the pages and the API.

    Stories (alignment of every candidate pair) are computed on first use and
    kept; each call opens its own SQLite connection, as requests run on
    different threads.
    """

    def __init__(self, db_dir: str | Path) -> None:
        from storytrace.store import Store

        self.db_dir = Path(db_dir)
        Store(self.db_dir, create=False).close()  # a clear error now if there is no index
        self._stories: list[dict] | None = None
        self._story_of: dict[str, int] = {}
        self._lock = threading.Lock()

    def _store(self) -> Any:
        from storytrace.store import Store

        return Store(self.db_dir, create=False)

    def _all_stories(self) -> list[dict]:
        with self._lock:
            if self._stories is None:
                from storytrace import corpus

                built = shape_stories(
                    corpus.stories(self.db_dir)["stories"], article_meta(self.db_dir)
                )
                self._story_of = {a["id"]: s["id"] for s in built for a in s["articles"]}
                self._stories = built
            return self._stories

    def stats(self) -> dict:
        stories = self._all_stories()
        with self._store() as s:
            articles, outlets = s.db.execute(
                "SELECT count(*), count(DISTINCT outlet) FROM articles"
            ).fetchone()
        return {"articles": articles, "outlets": outlets, "stories": len(stories)}

    def stories(self, limit: int = 100, offset: int = 0) -> list[dict]:
        rows = self._all_stories()[offset : offset + limit]
        return [
            {k: v for k, v in s.items() if k != "edges"}
            | {"articles": len(s["articles"]), "links": len(s["edges"])}
            for s in rows
        ]

    def story(self, story_id: str) -> dict | None:
        return next((s for s in self._all_stories() if s["id"] == story_id), None)

    def article(self, article_id: str) -> dict | None:
        with self._store() as s:
            row = s.db.execute(
                "SELECT id, title, url, outlet, published, source, text FROM articles WHERE id=?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "url", "outlet", "date", "source", "text")
        out = dict(zip(keys, row, strict=True))
        self._all_stories()
        out["story_id"] = self._story_of.get(article_id)
        return out

    def search(self, q: str, limit: int = 200) -> list[dict]:
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

    def search_speaker(self, name: str, limit: int = 200) -> list[dict]:
        with self._store() as s:
            rows = s.db.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.source, q.content, "
                "q.speaker_name FROM quotes q JOIN articles a ON a.doc = q.doc "
                "WHERE lower(q.speaker_name) LIKE ? ORDER BY a.published, a.id, q.start LIMIT ?",
                (f"%{name.lower()}%", limit),
            ).fetchall()
        return [
            _hit(aid, title, outlet, date, source, content or "", 0, len(content or ""), speaker)
            for aid, title, outlet, date, source, content, speaker in rows
        ]


_CONTEXT = 90


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
) -> dict:
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


def _version() -> str:
    from storytrace import __version__

    return __version__
