"""The app factory: middleware, routers, error pages and the worker pool's life."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace.web import compare, index
from storytrace.web.context import AppContext
from storytrace.web.data import StoreIndex
from storytrace.web.security import BodyLimit, HostCheck, SecurityHeaders, allowed_hosts
from storytrace.web.workers import WorkerPool

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Largest article accepted by the app (2 MiB); news articles are a few KB."""
_TITLES = {400: "Bad request", 404: "Not found", 413: "Upload too large"}


def default_workers() -> int:
    """Worker processes for compare and stories: one per core, at most two."""
    return max(1, min(2, os.cpu_count() or 1))


def create_app(
    db_dir: str | Path | None = None,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    workers: int | None = None,
    hosts: frozenset[str] | None = None,
) -> FastAPI:
    """The storytrace web app; with ``db_dir``, also the pages of that index.

    ``db_dir`` is a folder made by ``storytrace index PATH --db DIR``.
    ``workers`` processes (default :func:`default_workers`; 0 runs jobs in
    threads) start with the app and stop with it. Only requests whose Host
    header is in ``hosts`` (default: the loopback names) are answered.
    """
    ctx = AppContext(
        db_dir=Path(db_dir) if db_dir is not None else None,
        index=StoreIndex(db_dir) if db_dir is not None else None,
        max_article_bytes=max_article_bytes,
        pool=WorkerPool(default_workers() if workers is None else workers),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ctx.pool.start()
        try:
            yield
        finally:
            ctx.pool.close()

    app = FastAPI(
        title="storytrace",
        summary="Show how news text travels: shared passages, spin, quotes, who copied whom.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the app stays offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    # Added last runs first: the Host check before anything reads the body.
    app.add_middleware(BodyLimit, limit=2 * max_article_bytes + 64 * 1024)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, hosts=allowed_hosts() if hosts is None else hosts)
    static = resources.files("storytrace").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(compare.router)
    app.include_router(index.router)

    @app.get("/api/health", tags=["meta"])
    def health() -> dict:
        """Liveness, version, whether an index is served and how many workers run."""
        return {
            "status": "ok",
            "version": _version(),
            "index": ctx.index is not None,
            "workers": ctx.pool.alive(),
        }

    describe_compare_responses(app)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail) if exc.detail else "error"
        return error_response(request, ctx, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, ctx, 400, validation_message(exc))

    return app


COMPARE_PATHS = ("/api/compare", "/api/compare/files")


def describe_compare_responses(app: FastAPI) -> None:
    """Document the compare endpoints' answer in the OpenAPI spec with the schema generated
    from the ``align.Comparison`` record (:func:`storytrace.records.json_schema`), its nested
    records as ``components/schemas``."""
    from storytrace.align import Comparison
    from storytrace.records import json_schema

    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = plain()
        schema = json_schema(Comparison)
        schema.pop("$schema", None)
        defs = schema.pop("$defs", {})
        # JSON Schema refs point into $defs; in an OpenAPI document they live in components.
        moved = json.loads(
            json.dumps({**defs, "Comparison": schema}).replace(
                '"#/$defs/', '"#/components/schemas/'
            )
        )
        spec.setdefault("components", {}).setdefault("schemas", {}).update(moved)
        for path in COMPARE_PATHS:
            ok = spec["paths"][path]["post"]["responses"]["200"]
            ok["content"]["application/json"]["schema"] = {
                "$ref": "#/components/schemas/Comparison"
            }
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad field, without echoing its value (it may be NaN or binary)."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path")]
        where = ".".join(loc) or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def error_response(request: Request, ctx: AppContext, status: int, detail: str) -> Response:
    """``{"detail": ...}`` under /api, an error page elsewhere."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": detail}, status_code=status)
    title = _TITLES.get(status, "Error")
    return ctx.page("error.html", status, title=title, message=detail)


def _version() -> str:
    from storytrace import __version__

    return __version__


def serve(
    db_dir: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
) -> None:
    """Run the app under uvicorn until SIGINT/SIGTERM, which stop it within about a second.

    Requests still running when the signal arrives get half a second, then are
    cancelled; the worker processes are terminated with the app.
    """
    import uvicorn

    app = create_app(db_dir, workers=workers, hosts=allowed_hosts(host))
    pool: WorkerPool = app.state.ctx.pool

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # Stop the workers first: running jobs end at once with a 503 instead of
            # holding their connections open through uvicorn's graceful wait.
            super().handle_exit(sig, frame)
            pool.stop_soon()

    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=1
    )
    Server(config).run()
