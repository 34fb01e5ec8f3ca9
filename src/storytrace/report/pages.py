"""Every HTML page renders from the Jinja templates in ``storytrace/templates``.

The web app and the self-contained files (``compare --html``, ``stories --html``)
share the templates: a page is *standalone* when its CSS and script are inlined
under a strict content security policy instead of linked from ``/static``.
Autoescaping is always on, so article text in a template is escaped; the only
markup passed in as safe is built by :mod:`storytrace.report.html` and
:mod:`storytrace.report.graph`, which escape article text themselves.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from storytrace.report.common import pct, static_text
from storytrace.report.graph import LEGEND
from storytrace.text import short

STYLESHEETS = ("report.css", "app.css")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared template environment (autoescaping on for every template)."""
    env = Environment(loader=PackageLoader("storytrace", "templates"), autoescape=True)
    env.filters["short"] = short
    env.filters["pct"] = pct
    return env


def render(name: str, **context: Any) -> str:
    """Render template ``name``; links are left out unless the context gives them."""
    context.setdefault("standalone", False)
    context.setdefault("article_href", None)
    context.setdefault("compare_href", None)
    context.setdefault("legend", LEGEND)
    return environment().get_template(name).render(**context)


def render_standalone(name: str, scripts: tuple[str, ...] = (), **context: Any) -> str:
    """A self-contained page: CSS and ``scripts`` (bundled asset names) inlined.

    The content security policy allows nothing from the network and only the
    inlined scripts, by hash, so article text can never run as code.
    """
    code = [static_text(s) for s in scripts]
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(js.encode('utf-8')).digest()).decode()}'"
        for js in code
    )
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    if code:
        csp += f"; script-src {hashes}"
    css = "".join(static_text(s) for s in STYLESHEETS)
    # Markup: the policy is ours, and quotes escaped as &#39; would hide it from readers.
    return render(name, standalone=True, csp=Markup(csp), inline_css=css, inline_js=code, **context)
