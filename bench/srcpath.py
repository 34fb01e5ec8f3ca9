"""The ``--baseline-src`` every bench that runs older code beside this one takes.

A bench puts the given folder first on the child's ``PYTHONPATH``. A folder that holds no
``storytrace`` package there is no error to Python: the child imports the installed (editable)
code instead, so the "baseline" column silently measures this code (session 38: evidence_bench
given ``<tree>/src`` read ``<tree>/src/src``). :func:`src_folder` is the argparse type that
accepts a tree or its ``src`` and stops the run, before any work, on anything else::

    >>> import argparse, tempfile
    >>> try:
    ...     src_folder(tempfile.mkdtemp())
    ... except argparse.ArgumentTypeError as e:
    ...     print(str(e).split(": ", 1)[1])
    no storytrace package in it or in its src/
"""

from __future__ import annotations

import argparse
from pathlib import Path


def src_folder(given: str | Path) -> str:
    """The folder holding the ``storytrace`` package: ``given`` itself (a ``src``) or its
    ``src`` (a checkout or ``git archive`` tree), resolved; anything else raises
    ``argparse.ArgumentTypeError`` (as an argparse ``type=``: a one-line usage error)."""
    root = Path(given).resolve()
    for src in (root, root / "src"):
        if (src / "storytrace" / "__init__.py").is_file():
            return str(src)
    raise argparse.ArgumentTypeError(f"{given}: no storytrace package in it or in its src/")
