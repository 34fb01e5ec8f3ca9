"""The quote record."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

KINDS = ("direct", "indirect", "mixed")
LABELS = ("identical", "trimmed", "altered")


@dataclass(slots=True)
class Quote:
    """One attribution. Spans are ``[start, end)`` offsets into the analysed text.

    ``content`` excludes the quotation marks of a direct quote; ``cue`` and
    ``speaker`` are ``None`` when the text does not write them (a quote
    continuing from an earlier paragraph has its speaker's earlier mention).
    """

    kind: str
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    # A paragraph continuing the previous quote of the same speaker.
    continues: bool = field(default=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "content": list(self.content),
            "cue": list(self.cue) if self.cue else None,
            "speaker": list(self.speaker) if self.speaker else None,
            "speaker_name": self.speaker_name,
        }


def quotes_to_dict(source: str, text: str, quotes: list[Quote]) -> dict:
    """The ``quotes --json`` object for one article."""
    return {"source": source, "text": text, "quotes": [q.to_dict() for q in quotes]}
