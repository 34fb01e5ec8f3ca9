"""storytrace: show how news text travels."""

from storytrace.articles import Article, InputError, article_from_text, read_article
from storytrace.text import Doc

__version__ = "0.1.0"

__all__ = ["Article", "Doc", "InputError", "article_from_text", "read_article", "__version__"]
