"""storytrace: show how news text travels.

The public API, importable from the package (each name is loaded on first
use, so ``import storytrace`` stays cheap):

- articles: :func:`read_article`, :func:`article_from_text`, :func:`iter_articles`,
  :class:`Article`, :class:`InputError`, :class:`InputWarning`;
- one pair: :func:`compare` (-> ``Comparison``), :class:`Options`;
  many pairs: :func:`compare_records`;
- quotes: :func:`extract_quotes`, :func:`match_quotes`; spin: :func:`detect_spin`;
- a corpus: :func:`index`, :func:`match`, :func:`export` (and
  ``storytrace.corpus.stories``: the name ``stories`` is the module of story
  grouping);
- text: :class:`Doc`.

Example:
    >>> import storytrace
    >>> storytrace.compare("The bridge will close on Friday for repairs to the deck.",
    ...                    "The bridge will close on Friday for repairs to the deck.").verdict
    'duplicate'
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~10 ms of start-up)
if TYPE_CHECKING:
    from typing import Any

    from storytrace.align import Comparison, Options, compare
    from storytrace.articles import (
        Article,
        InputError,
        InputWarning,
        article_from_text,
        iter_articles,
        read_article,
    )
    from storytrace.corpus import export, index
    from storytrace.lookup import match
    from storytrace.pairs import compare_records
    from storytrace.quotes import extract_quotes, match_quotes
    from storytrace.spin import detect as detect_spin
    from storytrace.text import Doc

_API = {
    "Article": ("storytrace.articles", "Article"),
    "InputError": ("storytrace.articles", "InputError"),
    "InputWarning": ("storytrace.articles", "InputWarning"),
    "article_from_text": ("storytrace.articles", "article_from_text"),
    "iter_articles": ("storytrace.articles", "iter_articles"),
    "read_article": ("storytrace.articles", "read_article"),
    "compare": ("storytrace.align", "compare"),
    "Comparison": ("storytrace.align", "Comparison"),
    "Options": ("storytrace.align", "Options"),
    "compare_records": ("storytrace.pairs", "compare_records"),
    "extract_quotes": ("storytrace.quotes", "extract_quotes"),
    "match_quotes": ("storytrace.quotes", "match_quotes"),
    "detect_spin": ("storytrace.spin", "detect"),
    "index": ("storytrace.corpus", "index"),
    "match": ("storytrace.lookup", "match"),
    "export": ("storytrace.corpus", "export"),
    "Doc": ("storytrace.text", "Doc"),
}

__all__ = [
    "Article",
    "Comparison",
    "Doc",
    "InputError",
    "InputWarning",
    "Options",
    "__version__",
    "article_from_text",
    "compare",
    "compare_records",
    "detect_spin",
    "export",
    "extract_quotes",
    "index",
    "iter_articles",
    "match",
    "match_quotes",
    "read_article",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from storytrace._version import __version__ as value
    elif name in _API:
        from importlib import import_module  # here: the console script starts without it

        module, attr = _API[name]
        value = getattr(import_module(module), attr)
    else:
        raise AttributeError(f"module 'storytrace' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API, "__version__"])
