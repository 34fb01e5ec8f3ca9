"""The package's version: the one place it is written (pyproject.toml reads it at build
time), so ``storytrace --version`` and the web app need not import ``importlib.metadata``,
which costs more than the rest of ``--version`` together."""

__version__ = "0.1.0"
