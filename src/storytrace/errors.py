"""The two ways bad input is reported: :class:`InputError` and :class:`InputWarning`.

Their own module, importing nothing, so that the command line can catch them
without loading the readers (``storytrace --help`` starts without
:mod:`storytrace.articles` and what it imports); :mod:`storytrace.articles`
raises them and is where users import them from.
"""

from __future__ import annotations


class InputError(Exception):
    """Bad user input; the message is one line and names the input."""


class InputWarning(UserWarning):
    """Input that was read but repaired or partly ignored; one line naming the input."""
