"""``extract_quotes``: the stages run over one text."""

from __future__ import annotations

from storytrace.quotes.document import Context, quote_segments, sentence_units
from storytrace.quotes.frames import attribute_unit, colon_frame, orphan_quotes
from storytrace.quotes.model import Quote
from storytrace.quotes.parser import load_spacy, parse_speaker, parse_unit
from storytrace.quotes.speakers import index_names, resolve_speaker


def extract_quotes(text: str, *, parser: bool | None = None) -> list[Quote]:
    """Find every quotation in ``text``: direct, indirect and mixed, with speakers.

    ``parser``: ``True`` uses spaCy (the ``[nlp]`` extra; raises ImportError
    without it), ``False`` the rules only, ``None`` spaCy when installed.
    Never fails on unbalanced marks: an unclosed mark runs to the end of its
    paragraph.
    """
    nlp = load_spacy(required=parser is True) if parser is not False else None
    segs = quote_segments(text)
    ctx = Context(text, segs, [s for s, _ in segs])
    ctx.units = sentence_units(text, segs)
    sdoc = nlp(text) if nlp is not None else None
    index_names(ctx, sdoc)
    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_unit_end = -1
    for u0, u1 in ctx.units:
        found = attribute_unit(ctx, u0, u1) or colon_frame(ctx, u0, u1)
        if sdoc is not None:
            for q in found:
                parse_speaker(ctx, sdoc, q)
        if not found and sdoc is not None:
            found = parse_unit(ctx, sdoc, u0, u1)
        if not found:
            found = orphan_quotes(ctx, u0, u1, prev, prev_unit_end)
        for i, q in enumerate(found):
            resolve_speaker(ctx, q, quotes + found[:i] if i else quotes)
        if found:
            prev, prev_unit_end = found[-1], u1
        elif ctx.text[u0:u1].rstrip().endswith(":"):
            # 'He told the crowd:' with the quote in the next paragraph.
            dangling = colon_frame(ctx, u0, u1, dangling=True)
            if dangling:
                prev, prev_unit_end = dangling[0], u1
                resolve_speaker(ctx, prev, quotes)
        quotes.extend(found)
    return quotes
