"""The web app: compare two articles in the browser and browse an index.

``create_app(db_dir)`` builds a FastAPI app from two routers
(:mod:`~storytrace.web.compare`: the form and ``/api/compare``;
:mod:`~storytrace.web.index`: stories, articles, search). Pages render from the
same Jinja templates as the self-contained reports (:mod:`storytrace.report.pages`),
with autoescaping; the comparison report escapes article text itself. Static
assets are bundled (no CDN) and a content security policy allows scripts from
the app only, so text pasted into the app can never run as code. The JSON API
lives under ``/api`` with its OpenAPI spec at ``/api/openapi.json``.

Compare and stories run in worker processes started with the app
(:mod:`~storytrace.web.workers`): never in the server's threads, cancelled when
the client disconnects, stopped with the server. Only requests naming this
server in their Host header are answered (:mod:`~storytrace.web.security`).

Needs the ``web`` extra: ``pip install 'storytrace[web]'``.

Example:
    >>> from fastapi.testclient import TestClient
    >>> client = TestClient(create_app(workers=0), base_url="http://127.0.0.1")
    >>> r = client.post("/api/compare", json={"a": "one two three four", "b": "five six"})
    >>> r.json()["verdict"]
    'unrelated'
"""

from __future__ import annotations

from storytrace.web.app import MAX_ARTICLE_BYTES, create_app, serve
from storytrace.web.compare import article_from_upload
from storytrace.web.context import article_url

__all__ = ["MAX_ARTICLE_BYTES", "article_from_upload", "article_url", "create_app", "serve"]
