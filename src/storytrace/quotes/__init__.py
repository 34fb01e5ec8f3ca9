"""Quotes: who said what, in which words, and how outlets' versions differ.

:func:`extract_quotes` finds every attribution in an article: its content, its
cue ("said", "told", "according to") and its speaker as written, with
character offsets into the text, plus ``speaker_name``, the speaker resolved
within the article ("Mr Balls", "he" and "the former shadow chancellor" become
"Ed Balls"). Kinds:

- ``direct``: the content is inside quotation marks;
- ``indirect``: reported speech without marks ("Sir Keir insisted any members...");
- ``mixed``: reported speech with quoted fragments ("said it was 'a mistake'").

The rules work on the raw text (quote marks, reporting verbs, a small
noun-phrase grammar) and need nothing beyond the default install. With the
``[nlp]`` extra (spaCy), ``parser=True`` adds person entities for speaker
resolution and dependency parses for reporting verbs the rules miss.

:func:`match_quotes` pairs the quotes two articles share, even trimmed or
slightly altered, with a word-level diff and a label (``identical``,
``trimmed``, ``altered``), and flags a quote given to different speakers.

Example:
    >>> text = 'Ed Balls told the podcast: "It was a mistake." Mr Balls added that it was naive.'
    >>> [(q.kind, text[q.content[0]:q.content[1]], q.speaker_name) for q in extract_quotes(text)]
    [('direct', 'It was a mistake.', 'Ed Balls'), ('indirect', 'it was naive', 'Ed Balls')]
    >>> other = 'Mr Balls said: "It was a big mistake."'
    >>> m = match_quotes(text, extract_quotes(text), other, extract_quotes(other))[0]
    >>> m.label, [(op.op, other[op.b[0]:op.b[1]]) for op in m.ops if op.op != "equal"]
    ('altered', [('insert', 'big')])

Modules: ``lexicon`` (cue words and word lists), ``document`` (quotation segments,
sentence units), ``speakers`` (noun phrases, names, coreference), ``frames`` (speech
frames and their content), ``parser`` (optional spaCy), ``extract`` (the stages over one
text), ``matching`` (quotes across articles).
"""

from storytrace.quotes.document import quote_segments
from storytrace.quotes.extract import extract_quotes
from storytrace.quotes.matching import QuoteMatch, match_quotes
from storytrace.quotes.model import KINDS, LABELS, Quote, QuotesResult, Span
from storytrace.quotes.parser import parser_available

__all__ = [
    "KINDS",
    "LABELS",
    "Quote",
    "QuoteMatch",
    "QuotesResult",
    "Span",
    "extract_quotes",
    "match_quotes",
    "parser_available",
    "quote_segments",
]
