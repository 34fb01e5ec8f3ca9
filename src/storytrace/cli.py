"""The ``storytrace`` command line: a thin shell over the public Python API.

Every command turns :class:`~storytrace.articles.InputError` into a one-line
message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from storytrace.articles import InputError

app = typer.Typer(
    name="storytrace",
    help="Show how news text travels: shared passages, spun and reworded text, quotes, "
    "and who copied whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def user_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Report InputError (and broken pipes) as one line instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            err.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper
