"""The quote records: one attribution, and one article's quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storytrace.records import Record, jfield

Span = tuple[int, int]

KINDS = ("direct", "indirect", "mixed", "belief")
LABELS = ("identical", "trimmed", "altered")
SPEAKER_TYPES = ("person", "organisation", "unknown")


@dataclass(slots=True)
class Quote(Record):
    """One attribution: a whole utterance. Spans are ``[start, end)`` offsets into
    the analysed text.

    ``parts`` are the content spans in order: one, or several when the frame
    interrupts the quote ('"A," she said. "B."') or the quote runs on into the
    next sentence. ``content`` runs from the first part's start to the last
    part's end (so it may hold the frame between parts). Direct content excludes
    the quotation marks; ``cue`` and ``speaker`` are ``None`` when the text does
    not write them (a quote continuing from an earlier sentence carries its
    speaker's earlier mention).
    """

    kind: Literal["direct", "indirect", "mixed", "belief"] = jfield(
        "direct: inside quotation marks; indirect: reported speech; mixed: reported speech "
        "with quoted words; belief: a reported belief or finding ('officials believe that', "
        "'the study found that'), only when asked for."
    )
    content: Span = jfield("The utterance: first part's start to last part's end.")
    cue: Span | None = jfield(
        "The reporting verb or phrase ('said', 'according to').", default=None
    )
    speaker: Span | None = jfield("The speaker as written here ('he', 'Mr Balls').", default=None)
    speaker_name: str | None = jfield(
        "The speaker resolved within the article ('Ed Balls').", default=None
    )
    speaker_type: Literal["person", "organisation", "unknown"] = jfield(
        "What the speaker is.", default="unknown"
    )
    parts: list[Span] = jfield("The content spans, frame excluded.", default_factory=list)
    resolved_by: (
        Literal["as-written", "part-name", "pronoun", "description", "earlier-quote"] | None
    ) = jfield(
        "How the speaker as written leads to speaker_name: as-written (the name is in the "
        "frame), part-name ('Mr Balls', 'Sir Keir'), pronoun ('he', 'who'), description "
        "('the former shadow chancellor'), earlier-quote (the frame writes no speaker; the "
        "utterance goes on from an earlier one); null when no name was resolved.",
        default=None,
    )
    named_at: Span | None = jfield(
        "Where the article writes speaker_name in full: the mention in the frame, else the "
        "nearest before the quote, else the first after it; null when the text never writes "
        "it (a name made from a description, such as 'Unilever spokesman').",
        default=None,
    )

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [self.content]

    def quoted(self, text: str, sep: str = " … ") -> str:
        """The words of the utterance, parts joined by ``sep``.

        >>> t = '"A," she said. "B."'
        >>> Quote("direct", (1, 17), parts=[(1, 3), (16, 18)]).quoted(t)
        'A, … B.'
        """
        return sep.join(text[s:e] for s, e in self.parts)


@dataclass(slots=True)
class QuotesResult(Record):
    """The quotes of one article: the ``quotes --json`` object."""

    source: str = jfield("Where the text came from (file name or record id).")
    text: str = jfield("The analysed text: every span indexes into it.")
    quotes: list[Quote] = jfield("The attributions, in text order.")
