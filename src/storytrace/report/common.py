"""Small pieces every report format shares: verdict help, passage kinds, number and text formats."""

from __future__ import annotations

from importlib import resources

Span = tuple[int, int]

VERDICT_HELP = {
    "duplicate": "near-identical articles",
    "copied": "substantial verbatim or edited text shared outside quotes",
    "spun": "shared text disguised by synonym swaps",
    "reworded": "substantial shared content in rewritten form",
    "same-story": "shares quotes, names or facts but little text beyond quotes",
    "unrelated": "no meaningful overlap",
}
KINDS = ("verbatim", "edited", "spun", "reworded")
KIND_HELP = {
    "verbatim": "same words",
    "edited": "a few words changed",
    "spun": "synonyms swapped in",
    "reworded": "same sentence, other words",
}


def pct(x: float) -> str:
    """A share as a whole percentage: ``pct(0.456) == "46%"``."""
    return f"{100 * x:.0f}%"


def static_text(name: str) -> str:
    """A bundled static asset (``report.css``, ``report.js``, ...)."""
    return resources.files("storytrace").joinpath("static", name).read_text(encoding="utf-8")
