"""Speech frames: reporting verbs with their speaker and content, colon lead-ins,
frames after a quote, and quoted text without a frame."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from storytrace.quotes.document import Context, phrase_tokens
from storytrace.quotes.lexicon import (
    AUX_ADV,
    BARE_SPEAKERS,
    BELIEF_FORMS,
    COMMISSIVES,
    CUE_FORMS,
    CUE_FORMS_BEFORE_THAT,
    DETERMINERS,
    ED_ADJECTIVES,
    IRREGULAR_PAST,
    LEAD_CONJ,
    NAMING,
    NEEDS_CHECK,
    NOT_BEFORE,
    NOT_NAME,
    NOUN_PAST,
    NP_STOP,
    PARTICIPLES,
    PHRASAL,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    QUOTE_ONLY,
    REQUESTS,
    STATEMENT_NOUNS,
    SUBJECT_PRONOUNS,
    TEMPORAL,
    TEMPORAL_LEAD,
    TITLES,
    TRANSITIVE,
)
from storytrace.quotes.model import Quote, Span
from storytrace.quotes.speakers import (
    DATELINE,
    appositive_start,
    clause_subject,
    first_names,
    long_subject,
    np_backward,
    np_forward,
)
from storytrace.text import CLOSE_MARKS, OPEN_MARKS, lazy_compile

_TURN = lazy_compile(
    r"[ \t]*[“\"]?((?:[A-Z][A-Z’'.\-]+[ \t]){0,2}[A-Z][A-Z’'.\-]*[A-Z]):[ \t]+(?=\S)"
)


def transcript_turns(ctx: Context, u0: int, u1: int) -> tuple[list[Quote], int]:
    """Speakers' turns in an interview transcript: paragraphs opening with the
    speaker's name in capitals and a colon ('PENCE: Well, look, ...'). A turn runs
    to the end of its paragraph; a following paragraph without a name continues
    it. Returns the turns found from the paragraph at ``u0`` through the unit, and
    where they end (``u0`` when there are none)."""
    text = ctx.text
    if u0 > 0 and text[u0 - 1] != "\n":
        return [], u0
    turns: list[Quote] = []
    pos = u0
    end = u1
    while pos < end:
        par_end = text.find("\n", pos)
        par_end = len(text) if par_end < 0 else par_end
        m = _TURN.match(text, pos, par_end)
        if m is not None and m.group(1).lower().strip(".") in _NOT_SPEAKER_LABELS:
            break
        if m is not None:
            piece = trim_span(text, m.end(), par_end)
            if piece is not None:
                turns.append(make_quote(ctx, piece, (m.end(1), m.end(1) + 1), m.span(1)))
        elif _STAGE.match(text, pos, par_end):
            pass  # '(CROSSTALK.)': a stage direction, nobody's words.
        elif not turns:
            return [], u0
        else:
            piece = trim_span(text, pos, par_end)
            while piece is not None and text[piece[0]] in OPEN_MARKS:
                piece = trim_span(text, piece[0] + 1, piece[1])
            if piece is not None:
                last = turns[-1]
                last.parts.append(piece)
                last.content = (last.content[0], piece[1])
        end = max(end, par_end)
        pos = par_end
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return turns, (end if turns else u0)


_STAGE = lazy_compile(r"[ \t]*[“\"]?\([A-Z][A-Z .,']*\)\.?[”\"]?[ \t]*$", re.M)
# Capitalised labels that open a line without naming a speaker.
_NOT_SPEAKER_LABELS = {"update", "note", "editor's note", "correction", "q", "a", "ps", "pps"}


def colon_frame(ctx: Context, u0: int, u1: int, dangling: bool = False) -> list[Quote]:
    """'Kasich: ‘We are going all the way’', 'Here’s Clinton in 1992: “...”'.

    With ``dangling``, a unit ending in a colon ('He told the crowd:') yields an
    empty quote carrying the frame for the quote in the next paragraph.
    """
    text = ctx.text
    if dangling:
        colon = text.rindex(":", u0, u1)
        cues = _cue_matches(ctx, u0, colon)
        if cues:
            cue = cues[-1]
            sp = np_backward(ctx.doc, u0, cue.start)
            if sp is not None or _passive_before(text, u0, cue.start) is not None:
                return [Quote("direct", (u1, u1), cue.span, sp)]
        else:
            # A verb off the list: 'President Clinton released the following statement:'.
            frame = _unlisted_colon_frame(ctx, u0, colon)
            if frame is not None:
                return [Quote("direct", (u1, u1), frame[1], frame[0])]
    else:
        k = bisect_left(ctx.seg_starts, u0)
        if k >= len(ctx.segs) or ctx.segs[k][0] >= u1:
            return []
        colon = text.rfind(":", u0, ctx.segs[k][0])
        # The opening mark may be two characters (the '' of some wire copy).
        if colon < 0 or text[colon + 1 : ctx.segs[k][0]].strip().strip("“\"‘'"):
            return []
        # 'problems. - Blackburn boss Mark Hughes: "..."': a list item whose line break
        # was lost opens its frame after the dash; the splitter, which opens a sentence
        # only at a capital or a mark, kept it in the sentence before.
        u0 = max((m.end() for m in _ITEM_AFTER_STOP.finditer(text, u0, colon)), default=u0)
    cue: Span = (colon, colon + 1)
    sp = np_backward(ctx.doc, u0, colon) if ctx.count_words(u0, colon) <= 10 else None
    if sp is not None and (last := _LAST_WORD.search(text, sp[0], sp[1])) is not None:
        verb = last.group(1)
        if _past_form(verb):
            # 'Mr. Christie gloated: “...”': the phrase ends in the subject's verb.
            sp = None
    if sp is None or not any(c.isupper() for c in text[sp[0] : sp[1]]):
        if dangling:
            return []
        # 'Mr Jones had a simple message for voters: "Go home."': the sentence's
        # subject and verb lead in to the quotation.
        frame = _unlisted_colon_frame(ctx, u0, colon)
        if frame is None:
            return []
        sp, cue = frame
    if dangling:
        return [Quote("direct", (u1, u1), cue, sp)]
    piece = trim_span(text, colon + 1, u1)
    if piece is None:
        return []
    if cue[1] - cue[0] > 1 and _quoted_share(ctx, *piece) < 0.8:
        # A lead-in verb off the cue list frames only a quotation.
        return []
    return [make_quote(ctx, piece, cue, sp)]


_COLON_VERB = lazy_compile(
    r"\s+(?:(?:then|also|later)\s+)?([a-z]+ed|[a-z]+s|wrote|gave|put|made|took|had|went)\b"
)
_LAST_WORD = lazy_compile(r"\s([a-z]+)$")
_ITEM_AFTER_STOP = lazy_compile(r"(?<=[.!?])[\"'”’)]*\s+[-–—•]\s+(?=[\"“‘(]?[A-Z0-9])")


def _unlisted_colon_frame(ctx: Context, u0: int, colon: int) -> tuple[Span, Span] | None:
    """Speaker and verb of a short paragraph ending in a colon whose verb is off the
    cue list ('Cruz called them on it:'): a named or pronoun subject opening the
    sentence, then a past-tense or present verb."""
    text = ctx.text
    if ctx.count_words(u0, colon) > 12:
        return None
    sp = clause_subject(ctx, u0, colon)
    if sp is None:
        return None
    words = text[sp[0] : sp[1]].split()
    if not words or len(words) > 5:
        return None
    head = words[-1].lower().strip("’'s.")
    if words[-1].lower() not in ("he", "she", "they") and (
        not words[-1][:1].isupper() or head in NOT_NAME or head in TITLES
    ):
        return None
    m = _COLON_VERB.match(text, sp[1], colon)
    if m is None:
        return None
    return sp, m.span(1)


@dataclass(slots=True, frozen=True)
class _Cue:
    start: int
    end: int
    lemma: str
    participle: bool

    @property
    def span(self) -> Span:
        return self.start, self.end


_WORD = lazy_compile(r"(?<!\w)\w+")
_OUT = lazy_compile(r"\s+out\b")
_TO = lazy_compile(r"\s+to\b")
_THAT = lazy_compile(r"\s+that\b")
_AT = lazy_compile(r"\s+at\b")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The words _cue_matches looks at, as whole ``\\w+`` runs (:data:`_WORD`'s matches).
    A set look-up per run costs a quarter of one regular expression of all 347 cue forms
    (whose alternation is tried at every word): on 500 BBC texts, 95-100 against 390-397
    µs a whole text, the same matches (issue 16)."""
    words = set(CUE_FORMS) | set(CUE_FORMS_BEFORE_THAT) | {"according", "According"}
    words |= {"shot", "fired", "put"}
    return frozenset(words)


def _past_form(w: str) -> bool:
    """Whether lower-case ``w`` reads as a verb's past form: irregular ('hid', 'came') or in
    -ed, not one of the adjectives in -ed ('concerned')."""
    return w in IRREGULAR_PAST or (w.endswith("ed") and w not in ED_ADJECTIVES)


def _verb_like(w: str) -> bool:
    """Whether lower-case ``w`` reads as a verb: a common verb form, or a past form."""
    return w in _VERBISH or _past_form(w)


def _short_subject_then_verb(ctx: Context, c1: int, u1: int) -> bool:
    """Whether the words after ``c1`` are a clause's short subject (two to four words,
    no preposition or relative word) and then its verb: 'the foundation hid ...', not
    'the many countries where ...' nor 'his role as ...'."""
    low = [w.lower() for w in ctx.words(c1, u1)[:5]]
    for k, w in enumerate(low):
        if _verb_like(w):
            return k >= 2
        if w in PREPOSITIONS or w in _CLAUSE_OPENERS or w in NP_STOP:
            return False
    return False


def _cue_matches(ctx: Context, u0: int, u1: int) -> list[_Cue]:
    """Reporting verbs in ``text[u0:u1]`` outside quotation marks: a dictionary
    look-up per word, then the checks of verbs with other senses."""
    text = ctx.text
    out = []
    cues = _cue_words()
    for w in [w for w in _WORD.finditer(text, u0, u1) if w.group() in cues]:
        word = w.group()
        c0, c1 = w.span()
        if text[c1 : c1 + 1] in _HYPHENS or text[max(0, c0 - 1) : c0] in _HYPHENS:
            # 'a write-down', 'a follow-up call', 'a much-announced plan': part of a
            # compound word, not a verb.
            continue
        lemma = CUE_FORMS.get(word)
        if lemma is None:
            if word in ("according", "According"):
                to = _TO.match(text, c1, u1)
                if to is None:
                    continue
                lemma, c1 = "according", to.end()
            elif word in CUE_FORMS_BEFORE_THAT and (
                _THAT.match(text, c1, u1)
                # 'Labor leaders point out that ...'
                or (
                    (particle := _OUT.match(text, c1, u1)) is not None
                    and _THAT.match(text, particle.end(), u1) is not None
                )
                # 'Schweizer notes the foundation hid four donations': a name (not
                # 'the Trump claims') or a pronoun, the verb, then a clause's subject.
                or (
                    (name := _NAME_OR_PRONOUN_BEFORE.search(text, max(u0, c0 - 40), c0)) is not None
                    and not _DETERMINER_BEFORE.search(
                        text, max(u0, name.start() - 12), name.start()
                    )
                    and _DETERMINER_NEXT.match(text, c1, u1) is not None
                    and _short_subject_then_verb(ctx, c1, u1)
                )
                # 'many Democratic lawmakers claim it will result in job losses': a
                # plural of speakers before the verb, a clause after it.
                or (
                    _BARE_SPEAKER_BEFORE.search(text, max(u0, c0 - 30), c0) is not None
                    and (
                        _PRONOUN_NEXT.match(text, c1, u1) is not None
                        or (
                            _DETERMINER_NEXT.match(text, c1, u1) is not None
                            and _short_subject_then_verb(ctx, c1, u1)
                        )
                    )
                )
                # 'He jokes, “It’s a never ending line!”'
                or (_QUOTE_NEXT.match(text, c1, u1) and _SUBJECT_BEFORE.search(text, u0, c0))
                # 'though Lynch notes they were appointed before': a name, the verb and a
                # pronoun subject.
                or (
                    (
                        _NAME_OR_PRONOUN_BEFORE.search(text, max(u0, c0 - 40), c0)
                        # 'Corbett claims he and Barker differ ...': a name opening the
                        # sentence, not a determiner ('The claims he made').
                        or (
                            (first := _FIRST_WORD.fullmatch(text, u0, c0)) is not None
                            and first.group(1).lower() not in _NOT_FIRST_NAMES
                        )
                    )
                    and _PRONOUN_NEXT.match(text, c1, u1)
                )
                # '..., The Wall Street Journal reports.': closing the sentence after
                # its content.
                or (
                    _COMMA_NAME_BEFORE.search(text, max(u0, c0 - 60), c0)
                    and _UNIT_END.match(text, c1, u1)
                )
            ):
                # 'The Tax Foundation estimates that': a noun-like form is a verb here.
                lemma = CUE_FORMS_BEFORE_THAT[word]
            elif word in ("shot", "fired") and _BACK.match(text, c1, u1):
                # 'Hillary shot back, “I suppose ...”'
                lemma, c1 = "retort", _BACK.match(text, c1, u1).end()
            elif word == "put" and _IT.match(text, c1, u1) and _AS_BEFORE.search(text, u0, c0):
                # 'As Vulture put it, “Hello, it’s the Biebs.”'
                lemma, c1 = "put", _IT.match(text, c1, u1).end()
            else:
                continue
        if ctx.in_quote(c0):
            continue
        if (
            _IDIOM_BEFORE.search(text, max(u0, c0 - 20), c0)
            or _SAID_AND_DONE.match(text, c1, u1)
            or _SIGNIFIES.match(text, c1 + 1, u1)
        ):
            # 'It goes without saying that ...', 'who said and did the same things':
            # no one's words.
            continue
        if not _frames_speech(ctx, lemma, word, c0, c1, u0, u1):
            continue
        out_m = _OUT.match(text, c1, u1) if lemma != "according" else None
        if out_m is not None:
            c1 = out_m.end()
        if lemma in PHRASAL and out_m is None and not text.startswith(PHRASAL[lemma], c1):
            continue
        # 'vowed to bring back jobs': a promise reports its infinitive.
        if (
            lemma in NEEDS_CHECK
            and NOT_BEFORE.match(text, c1)
            and not (lemma in COMMISSIVES and _TO.match(text, c1, u1))
            # 'agrees with Viguerie that Cruz is ...'
            and not _WITH_THAT.match(text, c1, u1)
        ):
            continue
        if lemma == "hint" and _AT.match(text, c1, u1):
            # 'hinted at a Budget giveaway': a prepositional object, no reported content.
            continue
        if lemma == "answer" and _ANSWERED_WHAT.match(text, c1, u1):
            # 'answered questions posed via the party's website': what was answered, a
            # noun phrase ('posed' is no reported clause's verb).
            continue
        if lemma == "accuse" and _ACCUSED_OF.match(text, c1, u1):
            # 'Unions accused Wal-Mart of paying staff less', 'accused the striker of
            # "cheating"': a charge with a noun-phrase or gerund object, no utterance
            # (issue 15's contract; all our annotation guidelines leave it out).
            continue
        if (
            word in ("call", "calls", "press", "presses")
            and (prev := _PREV_WORD.search(text, max(u0, c0 - 30), c0)) is not None
            and prev.group(1).islower()
            and prev.group(1) not in _BEFORE_VERB
        ):
            # 'a fundraising call', 'an incendiary press conference': nouns.
            continue
        if (
            lemma == "press"
            and not _PRESS_REQUEST.match(text, c1, u1)
            and not _has_quote(ctx, c1, min(u1, c1 + 60))
        ):
            # 'to adopt the recommendations and press them on EU governments': pushing
            # something on someone; a request needs its infinitive ('pressed him to
            # resign'), 'for' or a clause.
            continue
        if lemma == "call" and (on_to := _ON_TO.match(text, c1, u1)) is not None:
            # 'Palmieri called on Trump to stop attacking Machado': a request.
            c1 = on_to.end(1)
        elif lemma == "call" and (for_m := _FOR_NEXT.match(text, c1, u1)) is not None:
            # 'Obama called for reducing the corporate tax rate', 'called for female
            # contestants to wear ...': a request, whose content is what it asks for.
            if word in ("call", "calls") and _PREV_WORD.search(text, max(u0, c0 - 30), c0) is None:
                continue
            c1 = for_m.end(1)
        # "Trump called Clinton 'crooked'": naming counts with quoted words, or
        # with a predicative noun phrase ('calling Trump a fascist').
        elif (
            lemma in NAMING
            and not _has_quote(ctx, c1, min(u1, c1 + 60))
            and not (lemma == "call" and _NAMED_AS.match(text, c1, u1))
        ):
            continue
        out.append(_Cue(c0, c1, lemma, word in PARTICIPLES))
    return out


_HYPHENS = {"-", "\u2010", "\u2011"}
_ANSWERED_WHAT = lazy_compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|these|those|some|several|many|\d+)\s+)?"
    r"(?:[\w\-]+\s+)?(?:questions?|queries|critics|criticism|calls|charges|letters?)\b"
)
# 'accused Wal-Mart of paying', 'accusing him of', 'was accused of': the charge.
_ACCUSED_OF = lazy_compile(r"(?:\s+[^\s.;:!?“”\"]+){0,6}?\s+of\b")
_IDIOM_BEFORE = lazy_compile(r"\bgoes\s+without\s+$")
_SAID_AND_DONE = lazy_compile(r"\s+and\s+(?:did|done|does|do)\b")
_SIGNIFIES = lazy_compile(
    r"\s*(?:(?:something|nothing|a\s+lot|much|little|more|everything|anything|volumes)\s+about\b"
    # 'Wasp tells the story of a young mum': a film's plot, no one's words ('telling the
    # story of Copenhagen: In December …' is a colon lead-in, and reports).
    r"|(?:the|a|an|its|his|her|their)\s+(?:[\w\-]+\s+)?(?:story|tale)\s+of\b(?![^.;:!?]*:))"
)
_GERUND = lazy_compile(r"(?:[a-z]+ly\s+)?[a-z]{3,}ing\b(?!\s+(?:of|for|in|at)\b)")
_FOR_NEXT = lazy_compile(r"(\s+for)\s+(?=[“\"‘]?[\w$])")
_PREV_WORD = lazy_compile(r"([\w’']+)\s+$")
# Words after which 'call'/'calls' is a verb: a subject pronoun, an auxiliary or an
# adverb of the verb ('he calls for', 'will call for', 'also calls for', 'to call for').
_BEFORE_VERB = (
    AUX_ADV
    | SUBJECT_PRONOUNS
    | {
        "to",
        "who",
        "which",
        "that",
        "can",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "they",
        "and",
        "i",
    }
)
_ON_TO = lazy_compile(r"(\s+on)\s+(?:[\w’'.\-]+\s+){1,6}?to\s+[a-z]")
# A request's listener, then its infinitive: 'urged his supporters to visit ...'.
_LISTENER_TO = lazy_compile(
    r"(?!(?:that|if|whether|he|she|they|it|we|I)\b)(?:[\w’'.\-]+\s+){1,4}?"
    # 'called on British firms not to simply “cut and run”': a negated infinitive.
    r"(?=(?:not\s+|never\s+)?to\s+[“\"‘]?[a-z])"
)
# 'called him a political opportunist', 'calling Christmas a sham': an object (a
# pronoun, a name, 'the' and a noun), then 'a'/'an' and the characterisation.
_NAMED_AS = lazy_compile(
    r"\s+(?:(?:him|her|them|it|this|that|(?:[A-Z][\w’'.\-]*\s+){0,2}[A-Z][\w’'.\-]*"
    r"|the\s+\w+)\s+"
    # 'has called climate change a hoax': a bare noun or compound, no particle or adverb.
    r"|(?:(?!(?:for|on|off|up|out|back|in|at|to|into|upon|over|again|once|twice|about)\b)"
    r"[a-z]+(?<!ly)\s+){1,2})"
    r"(?:a|an)\s+[a-z]"
)
_QUOTE_NEXT = lazy_compile(r"\s*(?::|,)?\s*[“\"‘]")
_NAME_OR_PRONOUN_BEFORE = lazy_compile(
    r"(?:(?<![.!?]\s)\b[A-Z][a-z][\w’'\-]*|\b(?:he|she|they|He|She|They))\s+$"
)
_NOT_FIRST_NAMES = (
    DETERMINERS
    | QUANTIFIERS
    | NP_STOP
    | NOT_NAME
    | {"such", "other", "similar", "false", "recent", "earlier", "previous", "new", "old"}
)
_PRESS_REQUEST = lazy_compile(
    r"\s+(?:for\b|(?:[\w’'.\-]+\s+){0,4}?that\b|(?:[\w’'.\-]+\s+){1,5}?(?:not\s+)?to\s+[a-z]"
    r"|(?:[\w’'.\-]+\s+){1,3}?"
    r"(?:on|about)\s+(?:whether|why|how|what)\b)"
)
_LEAD_ADVERBS = {
    "also",
    "however",
    "meanwhile",
    "separately",
    "still",
    "now",
    "instead",
    "moreover",
    "furthermore",
    "indeed",
    "but",
    "and",
}
_FIRST_WORD = lazy_compile(r"[\s“\"‘]*([A-Z][a-z][\w’'\-]*)\s+")
_DETERMINER_BEFORE = lazy_compile(
    r"\b(?:the|a|an|his|her|their|its|our|of|in|on|for|by|to|with)\s+$", re.I
)
_BARE_SPEAKER_BEFORE = lazy_compile(
    r"(?<![’'])\b(?:"
    + "|".join(sorted(BARE_SPEAKERS - {"reports", "documents", "records"}))
    + r")\s+$"
)
_DETERMINER_NEXT = lazy_compile(r"\s+(?:the|a|an|his|her|their|its|this|these|those)\s")
_PRONOUN_NEXT = lazy_compile(r"\s+(?:he|she|they|it|we|I|there)\b")
_COMMA_NAME_BEFORE = lazy_compile(
    r",[”’\"]?\s+(?:the\s+|The\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,5}\s+$"
)
_UNIT_END = lazy_compile(r"\s*[.!?]?[”’\"]?\s*$")
_SUBJECT_BEFORE = lazy_compile(r"(?:\b(?:he|she|they|I|we)|\b[A-Z][\w’'.\-]+)\s+$")
_BACK = lazy_compile(r"\s+back\b")
_IT = lazy_compile(r"\s+it\b")
_AS_BEFORE = lazy_compile(r"\b[Aa]s\s+(?:[\w’'.\-]+\s+){1,6}$")
_PASSIVE_AUX = lazy_compile(r"\b(?:was|were|been|being|is|are|be)(?:\s+\w+ly)?\s+$", re.I)
_ADJECTIVAL = lazy_compile(r"(?:\b(?:the|a|an|his|her|their|its|of|by)|\d)\s+$", re.I)
_NOUN_NEXT = lazy_compile(
    r"\s+(?!(?:that|to|in|on|by|it|he|she|they|we|i|you|his|her|their)\b)[a-z]+\b"
    r"(?!\s+(?:that|to)\b)"
)
_TIME_CLAUSE = lazy_compile(
    r"\s*(?:as|while|when|whenever|after|before|because|since|until|once)\s+"
    r"(?:he|she|they|it|we|I|you)\b"
)
# 'Chelsea still pressed and Duff had a chance', 'The minister insisted and the bill
# passed': a clause with a subject of its own coordinated with the frame is the narrator's
# next statement, not what was said (a reported clause never opens with the conjunction).
# A second verb ('derided and insulted "the left"') shares the frame's subject.
_AND_NEXT = lazy_compile(
    r"\s*(?:and|but|or|yet)\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|this|these|those|he|she|"
    r"they|it|we|there)\s)"
)
_LOWER_BEFORE = lazy_compile(r"\b[a-z]+\s+$")
# A number word before an -ed cue, any case ('Two accused gunmen went on trial'): with a
# plural noun after the cue it counts things, as '271 pledged delegates' does.
_NUMBER_BEFORE = lazy_compile(
    r"(?<![\w’'])(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+$",
    re.I,
)
_PEOPLE_NEXT = lazy_compile(r"\s+[a-z]*(?:men|women|people|children)\b")
_PLURAL_NEXT = lazy_compile(
    r"\s+(?!(?:his|its|this|was|is|has|us|as)\b)[a-z]+s\b(?!\s+(?:that|to)\b)"
)
_WITH_THAT = lazy_compile(r"\s+with\s+[^,.;:!?“”\"‘’]{1,40}?\s+that\s")
_PROGRESSIVE = lazy_compile(
    r"\b(?:is|are|was|were|am|be|been|being)(?:n['’]t)?(?:\s+(?:not|also|still|now))?\s+$",
    re.I,
)
# What follows a cue that reports content: 'that', 'if', 'whether', a colon or a quotation,
# after at most a short listener ('is warning voters that').
_LINKS_CONTENT = lazy_compile(
    # 'Trump isn’t saying what other techniques he would support': a question word.
    r"\s*(?:(?:[\w’'\-]+\s+){0,3}?(?:that|if|whether)\b|(?:what|how|why|where|when|who)\s"
    r"|:|(?:[\w’'\-]+\s+){0,3}?,?\s*[“\"‘])"
)
_QUOTE_AFTER = lazy_compile(r"[^“\"‘.!?;]{0,40}?[“\"‘]")


def other_sense(text: str, word: str, lemma: str, c0: int, c1: int, u0: int, u1: int) -> bool:
    """Whether the cue word ``text[c0:c1]`` is used in a sense that reports no speech,
    read from the words around it; shared by the rules and the parser path (one
    contract)."""
    if (
        word.endswith("s")
        and _AUX_NEXT.match(text, c1, u1)
        and (c0 <= u0 or _NOUN_BEFORE.search(text, max(u0, c0 - 20), c0))
    ):
        # 'Questions and answers have been edited', 'The reports were wrong': a plural
        # noun after 'and' or a determiner, the subject of the auxiliary after it
        # ('the economy that he says is rigged' keeps its verb).
        return True
    if lemma == "state" and (prev := _PREV_WORD.search(text, max(u0, c0 - 30), c0)) is not None:
        before = prev.group(1).lower()
        if (
            before in DETERMINERS | QUANTIFIERS | _COUNT_WORDS
            or before[:1].isdigit()
            or _ORDINAL.fullmatch(before)
        ):
            # 'the 35 states that would vote', 'the fifth state that Elias is suing':
            # after a determiner, number or ordinal, the noun, not the verb.
            return True
    if lemma == "maintain" and _OBJECT_NEXT.match(text, c1, u1):
        # 'Clinton maintains a wide lead', 'maintained his silence': keeping something,
        # not asserting it ('maintained that ...', 'maintained they were not marked').
        return True
    if lemma == "agree" and _INDEFINITE_NEXT.match(text, c1, u1):
        # 'Israel agreed a "humanitarian corridor"', 'agreed a deal': the thing agreed,
        # no reported clause ('agreed the plan was sound' keeps its clause).
        return True
    if word == "states" and _STATES_NOUN.match(text, c1, u1):
        # 'Rust Belt states that have suffered ...', 'swing states like Ohio': the
        # plural noun before its relative clause or examples ('the report states that
        # the plan ...' keeps its subject after 'that').
        return True
    if word.lower() == "press" and _PRESS_NOUN.match(text, c1, u1):
        # 'White House press secretary Josh Earnest said', 'at a press conference': the
        # noun in a compound, not the verb ('press him to', 'press for').
        return True
    if lemma in _REPLIES and _BY_ACTION.match(text, c1, u1):
        # 'The United States responded enthusiastically by easing sanctions': an act.
        return True
    if lemma in NEEDS_CHECK and lemma not in COMMISSIVES and _NOT_TO.match(text, c1, u1):
        # 'one dealer, who asked not to be named, told Reuters', 'agreed not to run': an
        # act or a request without a listener, as 'asked to' and 'agreed to' are
        # ('vowed not to raise taxes' is a promise and keeps its infinitive).
        return True
    if _ON_GERUND.match(text, c1, u1) and not _ON_TO.match(text, c1, u1):
        # 'he insisted on delaying any surgery': what somebody demanded or did, a gerund
        # after 'on', no reported clause ('called on clothing firms not to ...' asks).
        return True
    if lemma in _OBJECT_REPORTS and _REPORT_NOUN_THAT.match(text, c1, u1):
        # 'denied reports that Santini had been given a £3m pay-off': the clause is the
        # reports' content; the cue's object is the noun (issue 15's contract).
        return True
    # 'Only time will tell if ...', 'too early to tell whether ...': telling with no
    # listener is finding out, not speech.
    return word in ("tell", "tells") and _WH_NEXT.match(text, c1, u1) is not None


def _frames_speech(ctx: Context, lemma: str, word: str, c0: int, c1: int, u0: int, u1: int) -> bool:
    """Whether a cue word frames speech here: not a progressive of another sense
    ('he was not speaking only about Trump', 'talks are continuing'); 'speak' and
    'continue' only next to a quotation ('“...,” he continued.', 'continued: “...”')."""
    text = ctx.text
    if word == "told" and _ALL_TOLD.search(text, max(u0, c0 - 4), c1 + 1):
        # 'All told, super PACs spent ...': in all, nobody told anything.
        return False
    if other_sense(text, word, lemma, c0, c1, u0, u1):
        return False
    if (
        word.endswith("ing")
        and _PROGRESSIVE.search(text, max(u0, c0 - 30), c0)
        and not _LINKS_CONTENT.match(text, c1, u1)
        # 'Clinton is promising to help mining communities'
        and not (lemma in COMMISSIVES and _TO.match(text, c1, u1))
        # 'is calling for an inquiry'
        and not (lemma == "call" and _FOR_NEXT.match(text, c1, u1))
        # 'is telling supporters after his victory in the primary that ...'
        and not (lemma in TRANSITIVE and _told_then_that(ctx, c1, u1) is not None)
    ):
        return False
    if (
        word.endswith(("ed", "en")) or word in ("told", "said", "written", "spoken", "sung")
    ) and word not in ("told", "asked"):
        before = text[max(u0, c0 - 25) : c0]
        if _PASSIVE_AUX.search(before) and not _LINKS_CONTENT.match(text, c1, u1):
            # 'as she was announced the winner': a passive, nobody's speech here.
            return False
        if (
            (_ADJECTIVAL.search(before) and _NOUN_NEXT.match(text, c1, u1))
            or (
                word.endswith("ed")
                and (low_before := _LOWER_BEFORE.search(before))
                # 'though she noted clients are ...': after a subject pronoun, a verb;
                # 'have predicted rates will drop': after a perfect's auxiliary too.
                and low_before.group(0).split()[0]
                not in SUBJECT_PRONOUNS | {"who", "which", "have", "has", "had"}
                and _PLURAL_NEXT.match(text, c1, u1)
            )
            or (
                word.endswith("ed")
                and _NUMBER_BEFORE.search(before)
                and (_PLURAL_NEXT.match(text, c1, u1) or _PEOPLE_NEXT.match(text, c1, u1))
            )
        ):
            # '271 pledged delegates', 'the announced plan', 'Two accused gunmen' (a
            # capital opening the sentence): an adjective.
            return False
    if lemma in QUOTE_ONLY or lemma == "continue":
        after = _QUOTE_AFTER.match(text, c1, u1) is not None or text.startswith(":", c1)
        before = any(ch in '”’"' for ch in text[max(u0, c0 - 40) : c0])
        return (
            after
            or (before and lemma != "speak" and word != "continuing")
            or (lemma == "continue" and _THAT.match(text, c1, u1) is not None)
        )
    return True


_COUNT_WORDS = {"dozen", "dozens", "other", "remaining", "few"}
_ORDINAL = lazy_compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|last|next")
_INDEFINITE_NEXT = lazy_compile(r"\s+(?:a|an)\s")
_OBJECT_NEXT = lazy_compile(r"\s+(?:a|an|the|his|her|their|its|our|my|your)\s")
_ALL_TOLD = lazy_compile(r"\b[Aa]ll\s+told\b(?=\s*,)")
_AUX_NEXT = lazy_compile(
    r"\s+(?:have|has|had|are|were|is|was|will|would|can|could|may|might|must|should)\b"
)
_NOUN_BEFORE = lazy_compile(
    r"\b(?:and|or|the|these|those|such|their|his|her|its|our|many|some|new|recent)\s+$", re.I
)
_REPLIES = {"respond", "reply", "react", "answer", "retort"}
_STATES_NOUN = lazy_compile(
    r"\s+(?:(?:that|which|who)\s+(?:(?:" + "|".join(sorted(AUX_ADV)) + r")\s+)*"
    r"(?:have|has|had|are|were|is|was|will|would|can|could|may|might|[a-z]+ed)\b"
    r"|like\s|such\s+as\s|where\s|in\s+which\s)"
)
_PRESS_NOUN = lazy_compile(
    r"\s+(?:secretar(?:y|ies)|conferences?|releases?|office|officers?|aides?|briefings?|calls?"
    r"|corps|coverage|reports?|statements?|gallery|pool|freedom|teams?|staff|box|room"
    r"|availabilit(?:y|ies)|association|club|baron|barons|deputy|spokes(?:man|woman|person))\b"
)
_BY_ACTION = lazy_compile(r"(?:\s+[a-z]+ly)?\s+by\s+[a-z]{3,}ing\b")
_WH_NEXT = lazy_compile(r"\s+(?:if|whether|how|what|which|when|where|who)\b")
_NOT_TO = lazy_compile(r"\s+(?:not|never)\s+to\b")
_ON_GERUND = lazy_compile(r"\s+on\s+[a-z]{2,}ing\b")
# Nouns whose 'that' clause is their own content: 'denied reports that Santini had been
# paid off' reports what the reports said, with the cue's noun phrase as its object.
_REPORT_NOUN_THAT = lazy_compile(
    r"\s+(?:(?:the|these|those|recent|earlier|media|press|newspaper)\s+)*"
    r"(?:reports?|claims?|suggestions?|rumou?rs?|allegations?|speculation|accusations?)"
    r"\s+that\b"
)
_OBJECT_REPORTS = {"deny", "dismiss", "confirm", "acknowledge"}


def attribute_unit(ctx: Context, u0: int, u1: int) -> list[Quote]:
    """Attributions of one sentence-like unit, one per cue with a speaker.

    A unit may hold several ("..., say Tories - as a minister admits ..."):
    each cue's content runs to the frame of the next.
    """
    text = ctx.text
    frames: list[tuple[Span, Span | None, int, int]] = []
    agents: dict[Span, Span] = {}
    unnamed: set[Span] = set()
    for cue in _cue_matches(ctx, u0, u1):
        c0, c1 = cue.span
        if frames and c0 < frames[-1][3]:
            continue
        lo = frames[-1][3] if frames else u0
        speaker: Span | None = None
        f0, f1 = c0, c1
        if cue.lemma == "according":
            speaker = according_source(text, c1, u1)
            if speaker is None and not text[u0:c0].strip(" \t\n“‘\"'"):
                # 'According to early results of exit polls conducted for the AP and
                # television networks, nearly half ...': opening the sentence, the
                # source runs to the comma however long it is.
                speaker = _opening_source(text, c1, u1)
            if speaker is None:
                continue
            f1 = speaker[1]
        else:
            passive = _passive_before(text, lo, c0)
            if passive is not None:
                f0 = passive
                agent = _BY_AGENT.match(text, c1, u1) if cue.lemma in ("ask", "tell") else None
                if agent is None:
                    if cue.lemma == "tell":
                        unnamed.add((c0, c1))
                else:
                    # 'Rubio was asked by moderator Gerard Baker whether ...', 'was told
                    # by aides that ...': the agent puts the question or tells; named
                    # once the content is read, as the frame's own words.
                    agents[(c0, c1)] = agent.span(1)
                    f1 = agent.end(1)
            else:
                participle = cue.participle and (
                    _COMMA_ADVERB.search(text, lo, c0) is not None
                    # 'appeared at a hearing for saying that ...'
                    or _PREP_BEFORE.search(text, lo, c0) is not None
                    # 'Unilever said it was optimistic about its products saying
                    # that ...': a participle right after an earlier frame's content.
                    or (bool(frames) and _LOWER_BEFORE.search(text, lo, c0) is not None)
                )
                speaker = (
                    None
                    if participle
                    # (Not inside an earlier frame's content: 'said that residents
                    # who were voting complained'.)
                    else (None if frames else _relative_head(ctx, lo, c0))
                    or np_backward(ctx.doc, lo, c0)
                )
                dash = _DASH_END.search(text, lo, c0) if frames and speaker is None else None
                if dash is not None and not participle:
                    # 'Donald Trump - who previously said X - said at a rally that Y':
                    # the subject stands before the dashed clause whose own frame
                    # came first; that frame's content ends at the closing dash.
                    outer = np_backward(ctx.doc, u0, c0)
                    if outer is not None and outer[1] <= frames[-1][2]:
                        frames.append(((c0, c1), outer, dash.start(), c1))
                        continue
                if (
                    speaker is not None
                    and cue.participle
                    and _object_not_speaker(text, speaker)
                    and (subject := clause_subject(ctx, u0, c0)) is not None
                    and subject[1] <= speaker[0]
                ):
                    # 'The town released a statement Wednesday saying ...', 'sent a
                    # memo to the Post in April explaining ...': the participle is the
                    # subject's, not the document's or the date's.
                    speaker = None
                    participle = True
                elif (
                    speaker is not None
                    and cue.participle
                    # 'issued its third profits warning in nine months': a noun.
                    and not _PREP_NEXT.match(text, c1, u1)
                    and _governed(text, lo, speaker)
                    # (From the unit's start: the governing verb may be an earlier
                    # frame's cue, 'wrote a letter to X asking ...'.)
                    and (subject := _governing_subject(ctx, u0, speaker)) is not None
                ):
                    # 'TCI and Atticus have opposed the bid for some time saying ...',
                    # 'Cruz is making a pitch to New York voters saying ...': the noun
                    # phrase before the participle is the object of a verb or of 'to',
                    # not who speaks; the subject of that verb is.
                    speaker = subject
                    f0 = min(f0, subject[0])
                if (
                    speaker is not None
                    and (first_conj := _first_conjunct(ctx, lo, speaker)) is not None
                ):
                    # 'Sanders and his supporters say ...', 'Current and former
                    # officials said': the coordinated subject speaks, from its first
                    # conjunct at the start of the clause.
                    speaker = (first_conj, speaker[1])
                    f0 = min(first_conj, c0)
                elif (
                    speaker is not None
                    and (named := _name_before_description(ctx, lo, speaker, c0)) is not None
                ):
                    # '"...," Anais Faraj, an analyst at Nomura told the BBC': the comma
                    # closing the description was lost; the name before it speaks.
                    speaker, f0 = named, named[0]
                elif speaker is not None:
                    # '"...," the mayor, Jane Hill, said': the role is the frame's.
                    f0 = min(appositive_start(ctx.doc, lo, speaker, c0), c0)
                elif participle:
                    # "Mr. Trump echoed Mr. Putin, saying ...": the clause's subject.
                    # 'took the last step Wednesday of announcing ...': with no comma
                    # before the participle, the subject's clause runs up to it.
                    speaker = (
                        frames[-1][1]
                        if frames
                        else clause_subject(
                            ctx, u0, c0, whole=_COMMA_ADVERB.search(text, lo, c0) is None
                        )
                    )
                    if speaker is None:
                        continue
                elif (
                    (aside := _ASIDE_ADVERB.search(text, lo, c0)) is not None
                    and (subject := np_backward(ctx.doc, lo, aside.start(1))) is not None
                    and _CLAUSE_LINK.match(text, cue.end, u1) is not None
                ):
                    # 'He did, however, admit that …', 'Ms Hale, too, said that …': an
                    # adverb set off by commas between the subject (and its auxiliary)
                    # and the cue; no inverted frame, no content before the comma.
                    speaker = subject
                elif (
                    after_content(text, lo, c0)
                    and text[c0 - 1 : c0 + 1] != ","
                    and _appositive_closed(ctx, cue, u0, c0, u1)
                ):
                    # 'Laurence Meyer, a former Fed governor who argued with ..., said
                    # in an interview that ...': the comma closes the subject's
                    # description, and a clause follows the cue; no inverted frame.
                    described = _DESCRIPTION_WHO.match(text, u0, c0)
                    speaker = (
                        described.span(1)
                        if described is not None
                        else clause_subject(ctx, u0, c0, whole=True)
                    )
                elif (
                    not frames
                    and text[c0 - 1 : c0 + 1] != ","
                    and (subject := _interrupted_subject(ctx, cue, u0, c0, u1)) is not None
                ):
                    # 'Several candidates, including Trump, said the United States should
                    # ...': the commas or dashes set off a phrase inside the subject, and
                    # a clause follows the cue; no inverted frame, no content before it.
                    speaker, f0 = subject
                elif (
                    cue.lemma in TRANSITIVE
                    and text[lo:c0].rstrip()[-1:] in "”’\"'"
                    and (inverted := _inverted_speaker(text, c1, u1)) is not None
                ):
                    # '“Is it over?” asked Sen. Barbara Mikulski of Maryland, who ...':
                    # after a quotation, the name that follows 'asked' and ends the
                    # clause is the speaker, not a listener.
                    speaker, f1 = inverted, inverted[1]
                elif after_content(text, lo, c0) and cue.lemma not in TRANSITIVE:
                    speaker = np_forward(text, c1, u1) or _speaker_before_quote(ctx, lo, c0, c1, u1)
                    if speaker is None:
                        continue
                    f1 = speaker[1]
                elif frames and _COORDINATED.search(text, lo, c0):
                    # 'Smith said the plan was dead and added that ...': a second
                    # attribution with the same speaker.
                    speaker = frames[-1][1]
                elif frames and (rel := _RELATIVE_FRAME.fullmatch(text, lo, c0)) is not None:
                    # '..., said Mr. Kamin, who emphasized that ...': the relative
                    # pronoun stands for the previous frame's speaker.
                    speaker, f0 = rel.span(1), rel.start(1)
                elif (
                    cue.lemma == "say"
                    and not after_content(text, lo, c0)
                    and (long := long_subject(ctx, lo, c0)) is not None
                ):
                    # 'Those close to him say that ...'
                    speaker, f0 = long, long[0]
                elif not frames and _COORDINATED.search(text, lo, c0):
                    # 'Cruz exhorted Republicans to vote and said he was ...': the
                    # subject of the coordinated verbs, after any opening phrase.
                    speaker = clause_subject(ctx, u0, c0, whole=True)
                    if speaker is None:
                        continue
                elif _subject_unread(ctx, cue, lo, c0, u1):
                    # 'Laurence Meyer, a former Fed governor who argued with ..., said
                    # in an interview that ...', 'He went out of his way to say that
                    # ...': a subject the noun-phrase scan cannot read, before a
                    # reporting verb that plainly introduces a clause.
                    speaker = clause_subject(ctx, u0, c0, whole=True)
                else:
                    continue
        frames.append(((c0, c1), speaker, f0, f1))
    closing = [
        k
        for k, (_, sp, f0, _) in enumerate(frames)
        if sp is not None and k and frames[0][0] in unnamed and after_content(text, u0, f0)
    ]
    if closing:
        # 'Some have been told to revamp their websites, said Mr Flynn', 'He was told
        # to leave, police said': a passive frame with no agent inside the content of
        # a frame set after it is part of what that speaker said.
        frames = [f for k, f in enumerate(frames) if not (k < closing[-1] and f[0] in unnamed)]
    elif frames and frames[0][1] is not None:
        # 'He said he was told he would be freed', 'told the paper his worst moment was
        # when he was told …': a passive 'told' with no agent after a frame with a
        # speaker is inside that content; the outer speaker said it all.
        frames = [f for k, f in enumerate(frames) if not (k and f[0] in unnamed)]
    if not frames:
        frames = _unknown_verb_frame(ctx, u0, u1)
    quotes, found, inner = _attributions(ctx, u0, u1, frames)
    dead = {
        k
        for k in range(len(frames) - 1)
        if not found[k]
        and k not in inner
        and not _has_quote(ctx, u0, u1)
        and k + 2 == len(frames)
        and after_content(text, frames[k][3], frames[k + 1][2])
        and CUE_FORMS.get(text[slice(*frames[k + 1][0])].split()[0].lower()) in _CLOSING
        and (speaker := frames[k + 1][1]) is not None
        and (
            _NAMED.match(text, speaker[0], speaker[1]) is not None
            or text[speaker[0] : speaker[1]] in SUBJECT_PRONOUNS
        )
        and ctx.count_words(frames[k + 1][3], u1) <= 6
    }
    if dead:
        # 'He may add to his team or change roles, he said', 'Unemployment dipped,
        # with the economy adding 151,000 jobs, Obama said': a cue that reports
        # nothing is no frame (the contract), so it cuts no content of the frame
        # closing the sentence. (With quotation marks about, a frame that reports
        # nothing may have handed its quotation to the next one.)
        quotes, _, _ = _attributions(
            ctx, u0, u1, [f for k, f in enumerate(frames) if k not in dead]
        )
    for q in quotes:
        if q.speaker is None and q.cue in agents:
            q.speaker = agents[q.cue]
    return quotes


def _attributions(
    ctx: Context, u0: int, u1: int, frames: list[tuple[Span, Span | None, int, int]]
) -> tuple[list[Quote], list[list[Quote]], set[int]]:
    """The quotes of a unit's frames (cue, speaker, frame start, frame end), each
    frame's own pieces, and the frames nested in an earlier one's content."""
    text = ctx.text
    # 'Trump asserted that X: "Y," he claimed.': a quote just before a later
    # frame belongs to that frame.
    bounds = [frames[k - 1][3] if k else u0 for k in range(len(frames))]
    firsts = [k == 0 for k in range(len(frames))]
    for k in range(1, len(frames)):
        f0 = frames[k][2]
        semi = text.rfind(";", bounds[k], f0)
        if (
            semi >= 0
            and not ctx.in_quote(semi)
            and text.count("(", bounds[k], semi) <= text.count(")", bounds[k], semi)
            and after_content(text, semi + 1, f0)
        ):
            # '... said his identification had expired; he spent a day in custody,
            # he said.': the clause after the semicolon is the later frame's content.
            bounds[k], firsts[k] = semi + 1, True
            continue
        if after_content(text, bounds[k], f0) and not (
            # 'Peabody said: "...," adding that ...': a participle reports what follows.
            text[frames[k][0][0] : frames[k][0][1]].split()[0] in PARTICIPLES
            and frames[k][1] == frames[k - 1][1]
        ):
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
    his = []
    for k in range(len(frames)):
        hi = frames[k + 1][2] if k + 1 < len(frames) else u1
        if k + 1 < len(frames) and firsts[k + 1]:
            hi = bounds[k + 1]
        his.append(hi)
    inner: set[int] = set()
    for k in range(len(frames) - 2, -1, -1):
        if _nested(ctx, frames[k], frames[k + 1]):
            his[k] = his[k + 1]
            inner.add(k + 1)
    found: list[list[Quote]] = [[] for _ in frames]
    for k in range(len(frames) - 1, -1, -1):
        if (
            k + 1 < len(frames)
            and not found[k + 1]
            and not firsts[k + 1]
            # Only a cue inside this content's clause ('said Trump has not replied
            # to'): not a second frame after a break ('..., and a third said the same').
            and not _CLAUSE_END.search(text, frames[k][3], frames[k + 1][2])
            and not _AND_BUT.search(text, frames[k][3], frames[k + 1][2])
        ):
            # 'Ramos said Trump has not replied to his requests': a later cue that
            # reports nothing ('replied to' a noun phrase) is part of this content.
            his[k] = max(his[k], his[k + 1])
        cue, speaker, f0, f1 = frames[k]
        found[k] = _pieces(ctx, bounds[k], his[k], cue, speaker, f0, f1, first=firsts[k])
    for k, pieces in enumerate(found):
        if k in inner and pieces and quotes and quotes[-1].content[1] >= pieces[0].content[1]:
            # 'He notes that the Commission announced that ...': an attribution
            # inside another's content is part of that utterance, not one of its own
            # (PolNeAR and our own annotation guidelines both annotate the outer one).
            continue
        quotes += pieces
    return quotes, found, inner


_AND_OR_BEFORE = lazy_compile(r"\s(?:and|or|but)\s+$")
_WHO_CLAUSE = lazy_compile(r"\s+who\s+[^,;:“”\"‘’()—–]{2,80}?\s+$")


def _relative_head(ctx: Context, lo: int, c0: int) -> Span | None:
    """The subject of a cue written after a relative clause that ends just before it
    ('Fans who watched the game said ...': the fans, not the game), or None."""
    text = ctx.text
    k = text.rfind(" who ", lo, c0)
    if (
        k < 0
        or _WHO_CLAUSE.fullmatch(text, k, c0) is None
        # 'a supporter who has accused ...', '... who cooperated with him and called
        # him ...': the cue is the relative clause's own verb.
        or _TRAILING_AUX.search(text, k, c0) is not None
        or _AND_OR_BEFORE.search(text, k, c0) is not None
    ):
        return None
    head = np_backward(ctx.doc, lo, k)
    if head is None or text[head[1] : k].strip():
        return None
    return head


# What plainly opens reported content after a cue: 'that', a question word, a subject
# pronoun and its verb, or a quotation.
_PLAIN_LINK = lazy_compile(
    r"\s+(?:(?:that|whether|if)\s|(?:he|she|they|we|I|there)\s+[a-z’']|(?:he|she|they|we|I)[’']"
    r"(?:d|s|re|ll|ve|m)\s)|\s*[:,]?\s*[“\"‘]"
)
_TO_BEFORE = lazy_compile(r"\bto\s+$")


def _subject_unread(ctx: Context, cue: _Cue, lo: int, c0: int, u1: int) -> bool:
    """Whether a cue with no subject found just before it still frames speech: a verb
    of saying proper (not a noun-like form such as 'a note that', nor an infinitive
    such as 'safe to say'), not after its content nor a participle, followed by
    'that', a pronoun subject and its verb, or a quotation."""
    text = ctx.text
    word = text[c0 : cue.end].split()[0]
    if CUE_FORMS.get(word.lower()) not in _SAYING or after_content(text, lo, c0):
        return False
    if cue.participle and not _PROGRESSIVE.search(text, max(lo, c0 - 30), c0):
        return False
    if _TO_BEFORE.search(text, max(lo, c0 - 4), c0) or _PASSIVE_AUX.search(
        text, max(lo, c0 - 25), c0
    ):
        return False
    return _PLAIN_LINK.match(text, cue.end, u1) is not None


_CLAUSE_LINK = lazy_compile(
    r"(?:\s+(?:in|at|on|during)\s[^“”\"‘’.!?;:,]{0,80}?)?\s+(?:that|whether|if)\s"
    r"|\s+(?:he|she|they|we|I)\s+[a-z’']{3,}"
)
# A subject, an auxiliary, then an adverb set off by commas just before the cue.
_ASIDE_ADVERB = lazy_compile(
    r"(?:\b(?:he|she|they|we|I)|[A-Z][\w’'.\-]*)((?:\s+(?:did|does|do|has|have|had|would|will))?"
    r"\s*,\s*(?:however|though|also|too|indeed|nonetheless|nevertheless|in\s+fact|in\s+turn"
    r"|for\s+(?:his|her|its|their)\s+part)\s*,\s*)$"
)
_DESCRIPTION_WHO = lazy_compile(
    r"\s*(?:(?:But|And)\s+)?((?:The|A|An|His|Her|Their|Its|This)\s+[^,;:“”\"]{1,60}),"
    r"\s+(?:who|whose)\s"
)
_NAME_OPENS = lazy_compile(r"\s*(?:(?:But|And|Yet|Still|So)\s+)?[A-Z][\w’'.\-]*\s+[A-Z][\w’'.\-]*,")


def _appositive_closed(ctx: Context, cue: _Cue, u0: int, c0: int, u1: int) -> bool:
    """Whether a comma before a cue closes a description of the sentence's subject
    rather than reported content: the sentence opens with a name and a comma ('Paul
    Porter, a truck driver from Ava, Mo., who is a member of ..., said'), the cue is a
    verb of saying, and 'that' or a pronoun subject and its verb follows it."""
    text = ctx.text
    lemma = CUE_FORMS.get(text[c0 : cue.end].split()[0].lower())
    if cue.participle or lemma not in _SAYING:
        return False
    if ctx.in_quote(u0):
        return False
    if not _NAME_OPENS.match(text, u0, c0):
        # 'The Tory leader, who argues he is ensuring honesty, said: "We do not ..."': a
        # description and its relative clause, then a colon or a quotation.
        return (
            _DESCRIPTION_WHO.match(text, u0, c0) is not None
            and _QUOTE_NEXT.match(text, cue.end, u1) is not None
        )
    # 'Mr Hain, Leader of the Commons, told BBC Radio Four's Today programme that …':
    # a verb of telling puts its listener before the 'that'.
    return (
        _CLAUSE_LINK.match(text, cue.end, u1) is not None
        # 'Mr Mubanga, who insists he does not feel bitter, said: "I've lost ..."'
        or _QUOTE_NEXT.match(text, cue.end, u1) is not None
        or (lemma in _TELLING and _LONG_LISTENER.match(text, cue.end, u1) is not None)
    )


_SUBJECT_BREAK = lazy_compile(r",|\s[—–-]+\s|[—–]")


def _interrupted_subject(
    ctx: Context, cue: _Cue, u0: int, c0: int, u1: int
) -> tuple[Span, int] | None:
    """The subject of a cue written after a comma or dash that closes a phrase set
    inside the subject ('His critics, many of them Catholics, argue that ...',
    'Democrats — and some Republicans — say ...'), or None. The sentence opens with a
    noun phrase of at most eight words and no verb, the comma or dash right after it;
    no quotation of more than four words stands before the cue (that would be the
    content of an inverted frame); no name follows the cue ('..., said Mr Hale'); and
    what follows the cue is a reported clause. Also where the frame starts: the
    subject's phrase, after any dateline or leading conjunction."""
    text = ctx.text
    lemma = CUE_FORMS.get(text[c0 : cue.end].split()[0].lower())
    if cue.participle or lemma not in _SAYING or ctx.in_quote(u0):
        return None
    aux = _TRAILING_AUX.search(text, u0, c0)
    # ('Mrs. Clinton herself, as well as her campaign, has always maintained that':
    # the auxiliaries after the closing comma belong to the cue.)
    closing = text[u0 : aux.start() if aux else c0].rstrip()
    if closing.rstrip("”’\"'")[-1:] == "," and closing[-1:] in "”’\"'":
        # 'Mr. Manafort, citing "the unique magic of Trump," said': the phrase set off
        # ends in a quotation, its comma inside the marks.
        closing = closing.rstrip("”’\"'")
    if closing[-1:] not in (",", "—", "–", "-"):
        return None
    dateline = DATELINE.match(text, u0, c0)
    brk = _SUBJECT_BREAK.search(text, dateline.end() if dateline is not None else u0, c0)
    if brk is None:
        return None
    k = bisect_left(ctx.seg_starts, u0)
    # (A quotation inside the phrase set off is the phrase's: 'Mr. Manafort, citing
    # "the unique magic of Trump," said ...'.)
    while k < len(ctx.segs) and ctx.segs[k][0] < brk.start():
        if ctx.count_words(*ctx.segs[k]) > 4:
            return None
        k += 1
    doc = ctx.doc
    i, j = doc.tokens_in((dateline.end() if dateline is not None else u0, brk.start()))
    while i < j and doc.norms[i] in LEAD_CONJ:
        i += 1
    low = doc.norms[i:j]
    if not 1 <= len(low) <= 8 or low[0] in _SUBORDINATORS | PREPOSITIONS | _CLAUSE_OPENERS:
        return None
    if any(_verb_like(w) or w.endswith(_VERB_CONTRACTIONS) or w in SUBJECT_PRONOUNS for w in low):
        return None
    after = trim_span(text, cue.end, u1)
    inverted = np_forward(text, cue.end, u1)
    if inverted is not None and not _reports_content(ctx, cue.span, inverted):
        # '..., said the county engineer': a speaker after the cue, not a clause
        # ('..., said the governor failed to explain the cuts').
        return None
    if after is None or not (
        _PLAIN_LINK.match(text, cue.end, u1)
        # 'The sound system ... added Latin hits including "La Gozadera"': 'add' takes
        # objects, so only a plain link shows its clause.
        or (lemma != "add" and _reports_content(ctx, cue.span, after))
    ):
        return None
    # The subject is the phrase's head: up to a preposition ('Trade unions across the
    # county'); a name keeps the scan's reading, which drops titles ('Sen. Ada Brook').
    head = next((k for k, w in enumerate(low) if w in PREPOSITIONS), len(low))
    if head == 0:
        return None
    if all(text[doc.starts[k]].isupper() for k in range(i, i + head)):
        subject = clause_subject(ctx, u0, c0, whole=True)
        return None if subject is None else (subject, doc.starts[i])
    return (doc.starts[i], doc.ends[i + head - 1]), doc.starts[i]


# The verbs of saying proper, for ``_subject_unread``.
_SAYING = set(
    """say tell write add insist argue explain warn acknowledge admit confirm declare contend
    assert predict allege concede complain testify deny""".split()
)
# The frames that may close a sentence whose earlier cue reported nothing, and their
# speakers: a name ('Obama', 'the Sun-Times') or a pronoun.
_CLOSING = _SAYING | {"note", "report", "observe", "stress", "recall"}
_NAMED = lazy_compile(r"(?:[Tt]he\s+)?[A-Z]")


_AND_BUT = lazy_compile(r"\b(?:and|but|or|while|whereas)\b")
_NESTED = lazy_compile(r"\s+that\s+([^,;:!?“”\"‘’]{0,60})")
# An inner frame opened by a relative or subordinating word inside the outer content:
# 'through what she calls a “war of words”', 'was “absolutely right” when he said',
# 'pilloried for acknowledging that', 'because it would encourage investors to'.
_SUBORDINATE = lazy_compile(r"\b(?:what|which|when|because|since)\s+$")
_WHOM = lazy_compile(r"(?:\w+\s+of\s+)?whom\b")
_WHO_BEFORE = lazy_compile(r"(?<![,\s])\s+who\s+(?:(?:" + "|".join(sorted(AUX_ADV)) + r")\s+)*$")
_PREP_PARTICIPLE = lazy_compile(r"\b(?:for|in|from|by)\s+$")
_TRAILING_AUX = lazy_compile(r"(?:\s+(?:" + "|".join(sorted(AUX_ADV)) + r"))+\s*$")


def _nested(ctx: Context, outer: tuple, inner: tuple) -> bool:
    """Whether the frame ``inner`` sits inside the content of the frame ``outer``
    before it, so that the outer content runs on over it (the inner attribution is
    also its own quote): 'He notes that the Commission announced that ...', 'The
    Times wrote that Trump had claimed ...', 'said she appreciated his courage
    through what she calls a “war of words”'."""
    text = ctx.text
    f1, i0, c0 = outer[3], inner[2], inner[0][0]
    if (
        inner[1] is not None
        and inner[1][0] == i0
        and text[f1:i0].strip() in ("", "that")
        and CUE_FORMS.get(text[outer[0][0] : outer[0][1]].split()[0].lower()) not in TRANSITIVE
        and text[c0 : inner[0][1]].split()[0] not in PARTICIPLES
    ):
        # 'It also said the Indian government had told it to pay a tax': the inner
        # frame's subject opens the outer content; the whole clause is what was said.
        return True
    between = _NESTED.fullmatch(text, f1, c0)
    if between and _COORDINATED.search(text, max(f1, c0 - 30), c0):
        # 'The WTO said that many countries support the change and stressed that
        # ...': a second verb of the same subject, coordinated; its own attribution.
        return False
    if between:
        # 'that Trump had claimed': the inner subject, perhaps with its auxiliaries.
        s, e = between.span(1)
        aux = _TRAILING_AUX.search(text, s, e)
        return _links(ctx, s, aux.start() if aux else e)
    if (
        text[c0 : inner[0][1]].split()[0] not in PARTICIPLES
        # 'told reporters Trump claimed': the listener comes first.
        and CUE_FORMS.get(text[outer[0][0] : outer[0][1]].split()[0].lower()) not in TRANSITIVE
        and not _CLAUSE_END.search(text, f1, c0)
        and 0 < len(subject := [w.lower() for w in ctx.words(f1, c0)]) <= 10
        and not any(
            _verb_like(w)
            or w in _CLAUSE_OPENERS
            or w in SUBJECT_PRONOUNS
            # 'promised to continue supporting Clinton and said': coordinated verbs.
            or w in ("and", "but", "or", "to", "not")
            or w.endswith("ing")
            for w in subject
        )
    ):
        # 'Hutson said aid workers inside the camp said at least one bomb landed':
        # the outer cue's object is the inner frame's subject, not content of its own.
        return True
    gap = text[f1:i0]
    if not gap.strip() or any(ch in gap for ch in ";:!?\n"):
        return False
    if _WHO_BEFORE.search(text, max(f1, c0 - 30), c0) and not _CLAUSE_END.search(text, f1, c0):
        # 'saying anybody who complains about a microphone “is not having a good
        # night”': a relative clause inside the outer content.
        return True
    if not _reports_content(ctx, outer[0], (f1, i0)):
        return False
    if _WHOM.match(text, i0):
        # 'said he talked to five aid workers, all of whom said that ...': a relative
        # clause inside the outer content.
        return True
    if _SUBORDINATE.search(text, max(f1, i0 - 12), i0):
        return True
    # 'for acknowledging that ...': a participle as the object of a preposition.
    return (
        i0 == c0
        and text[c0 : inner[0][1]].endswith("ing")
        and _PREP_PARTICIPLE.search(text, max(f1, c0 - 8), c0) is not None
    )


_AFTER_QUOTE_FRAME = lazy_compile(
    r"[,?!—–-][”’\"']\s+((?:he|she|they|it|I|we|(?:the|an?)\s+[a-z][\w\-]*(?:\s+[A-Z]?[\w\-]+)?"
    r"|[A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+){0,3}))\s+([a-z]+(?:ed|s)|went on|shot back|cut in"
    # '“…,” the editorial read.': a document's words.
    r"|read)\b(?=[^“”\"‘’]{0,40}(?:[.,;]|$))"
)
# '“…,” read the statement, which …', '“…,” reads a Wednesday editorial in The Des
# Moines Register.': a document's words, the verb before its subject.
_READ_INVERTED = lazy_compile(
    r"[,?!—–-][”’\"']\s+(reads?)\s+((?:the|an?|his|her|its|their)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:statement|editorial|letter|message|memo|email|e-mail|post|tweet|note|ad|headline|"
    r"sign|caption|banner|text|release|report|transcript|order|ruling|complaint|filing)s?"
    r"(?:\s+(?:in|of|from|by|on)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})?)"
    r"(?=\s*(?:[.,;]|$))"
)


_DASH_END = lazy_compile(r"\s[—–-]\s*$|[—–]\s*$")
_RELATIVE_FRAME = lazy_compile(r"\s*,\s*(who)\s+(?:(?:" + "|".join(sorted(AUX_ADV)) + r")\s+)*")
_PAREN_PREP = lazy_compile(r",\s*(?:despite|after|before|while|without|when|by)\s+$")
_PREP_BEFORE = lazy_compile(
    r"\b(?:for|by|from|in|after|before|while|without|when|despite|upon"
    # 'the last step of announcing', not 'instead of denying' or 'because of'.
    r"|(?<!instead\s)(?<!because\s)(?<!out\s)(?<!ahead\s)(?<!regardless\s)of)\s*$"
)
_COORDINATED = lazy_compile(
    r"(?:,?\s+(?:and|but)(?:\s+(?:then|later|also|has|have|had|would|will|still))*"
    # 'Kasich offered the man a job, then says he’ll welcome advice'.
    r"|,\s+then(?:\s+(?:later|also))?)\s*$"
)
# A participle after a comma, perhaps with an adverb: ', saying', ', even suggesting'.
_COMMA_ADVERB = lazy_compile(r",[”’\"]?\s*(?:(?:even|also|later|again|then|only|\w+ly)\s+)?$")


def _unknown_verb_frame(ctx: Context, u0: int, u1: int) -> list[tuple[Span, Span | None, int, int]]:
    """'"Quiet," he demanded.': a frame right after a quote, with a verb not on the list."""
    m = _AFTER_QUOTE_FRAME.search(ctx.text, u0, u1)
    if m is None or ctx.in_quote(m.start(1)):
        r = _READ_INVERTED.search(ctx.text, u0, u1)
        if r is None or ctx.in_quote(r.start(1)):
            return []
        end = r.end(2) - len(r.group(2)) + len(r.group(2).rstrip("."))
        return [(r.span(1), (r.start(2), end), r.start(1), end)]
    verb = m.group(2)
    if verb in NP_STOP or verb in DETERMINERS:
        return []
    return [(m.span(2), m.span(1), m.start(1), m.end(2))]


# The agent of a passive 'asked'/'told': a short noun phrase after 'by', up to a comma
# or what opens the question or the clause.
_BY_AGENT = lazy_compile(
    r"\s+by\s+((?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]*\w)"
    r"(?=\s*,|\s+(?:whether|if|about|to|what|how|why|when|where|who|that)\b)"
)
_PASSIVE = lazy_compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")


def _passive_before(text: str, u0: int, c0: int) -> int | None:
    m = _PASSIVE.search(text, max(u0, c0 - 30), c0)
    if m is None or text[c0 : c0 + 4] not in ("told", "aske"):
        return None
    return m.start()


def _speaker_before_quote(ctx: Context, lo: int, c0: int, c1: int, u1: int) -> Span | None:
    """The speaker of an inverted frame set between two quotations with no comma
    after it ('"A," said Mr Ingram "For what we are seeing ..."'): the noun phrase up
    to the second quotation's opening mark, so that the quotation goes on with the
    same utterance. None unless a quotation closes just before the cue and the one
    after the frame closes the sentence ('branded the findings a "temporary
    surprise," which ...' and 'said they hoped Welch "finds ..."' are no frames)."""
    text = ctx.text
    k = bisect_right(ctx.seg_starts, c1)
    if k == 0 or k >= len(ctx.segs):
        return None
    s, e = ctx.segs[k]
    mark = s - 1
    if (
        e > u1
        or mark <= c1
        or text[mark] not in OPEN_MARKS
        or not text[mark - 1].isspace()
        # The first quotation ends at the frame ('"A," said'), and the second ends
        # its sentence ('... an issue."').
        or text[ctx.segs[k - 1][1] : c0].strip(" ,”’\"'") != ""
        or ctx.segs[k - 1][1] < lo
        or text[e:u1].strip(" ”’\"'") != ""
        or text[:e].rstrip()[-1:] not in ".!?"
    ):
        return None
    return np_forward(text, c1, mark)


def _inverted_speaker(text: str, c1: int, u1: int) -> Span | None:
    """The name after an inverted transitive cue ('asked Smith.', 'warned Sen. Jones of
    Ohio, who ...'): a capitalised noun phrase closing the clause, so that 'asked
    Smith to leave' and 'asked reporters' are not read as speakers."""
    sp = np_forward(text, c1, u1)
    if sp is None or not text[sp[0]].isupper() or text[sp[0] : sp[1]].lower() in SUBJECT_PRONOUNS:
        return None
    return sp if _CLAUSE_CLOSE.match(text, sp[1], u1) else None


_CLAUSE_CLOSE = lazy_compile(r"\.?\s*(?:[.,;!?]|$)")


def after_content(text: str, u0: int, c0: int) -> bool:
    """Whether the cue follows its content: '..., said X', '“...” said X' or
    '... wrong — according to X'."""
    before = text[u0:c0].rstrip()
    return bool(before) and before[-1] in ",”’\"'“»—–" and len(before) > 1


_NOT_SOURCES = {"plan", "schedule", "script", "tradition", "custom", "form"}
_SOURCE_END = lazy_compile(
    r"\s*(?:[,;:!?()“”\"—–]|\s-\s|$)|\s+(?:that|who|which|when|while|because|and\s+(?:the|a|an)"
    r"\s+\w+\s+(?:is|are|was|were|has|have|had|will)\b)"
)


def according_source(text: str, c1: int, u1: int) -> Span | None:
    """The source after 'according to': a name ('according to Mr Hensel') or any
    short noun phrase up to the next punctuation ('according to exit polls',
    'according to conservative talk radio host Rush Limbaugh'); not 'according to
    plan'."""
    named = np_forward(text, c1, u1)
    end_of_unit = len(text[:u1].rstrip(" \t\n”’\"'.!?"))
    e = None
    for m in _SOURCE_WORD.finditer(text, c1, u1):
        if m.start() - c1 > 200:
            return named
        e = min(m.end(), end_of_unit)
        if e >= end_of_unit or _SOURCE_END.match(text, m.end(), u1):
            break
    if e is None:
        return named
    s = c1 + len(text[c1:e]) - len(text[c1:e].lstrip())
    words = text[s:e].split()
    if named is not None and named[1] >= e:
        return named
    # A source that closes the sentence may be long ('according to early results of
    # the exit poll conducted by Edison Research for the AP and the networks'); one
    # that stops mid-sentence is short, or it is not the source.
    long_ok = e >= end_of_unit
    if (
        not words
        or len(words) > (25 if long_ok else 12)
        or (not long_ok and e - c1 > 100)
        or words[-1].lower() in _NOT_SOURCES
        # 'ranks countries according to the steps they are taking': in accordance
        # with, not a source.
        or next((w.lower() for w in words if w.lower() not in DETERMINERS), "") in _MEASURES
    ):
        return named
    return s, e


_MEASURES = _NOT_SOURCES | set(
    """steps rules rule needs need size age income incomes performance criteria ability merit
    law laws guidelines instructions preference preferences taste tastes type types severity
    weight height importance""".split()
)


_NOT_PREDICATE = lazy_compile(
    r"\s*(?:and|but|or|so|yet|while|compared|up|down|including|excluding)\b", re.IGNORECASE
)


def _relative_clause_end(ctx: Context, cue: Span, piece: Span) -> Span:
    """``piece`` up to the comma that closes a relative clause's content: the first
    one after a clause with its verb and before the main clause's verb ('…, who said he
    would debate, criticized Clinton', not '…, who said the two men, and Mr. Cruz in
    particular, must do more')."""
    text = ctx.text
    k = piece[0] - 1
    while (k := text.find(",", k + 1, piece[1])) >= 0:
        if ctx.in_quote(k):
            continue
        rest = trim_span(text, k + 1, piece[1])
        if (
            rest is not None
            and text[rest[0]].islower()
            and _predicate_opens(ctx, rest)
            and _reports_content(ctx, cue, (piece[0], k))
        ):
            return piece[0], k
    return piece


# The comma closing an 'according to' source, past a relative clause describing it.
_GLOSS_COMMA = lazy_compile(r"(?:\s+(?:who|which|that)\s[^,;:()“”\"]{1,120})?\s*,")
_SOURCE_WORD = lazy_compile(r"[^\s,;:!?()“”\"—–]+")
_TO_COMMA = lazy_compile(r"\s*([^,;:!?“”\"]{3,250}?),\s")


def _opening_source(text: str, c1: int, u1: int) -> Span | None:
    """The source of a sentence-opening 'According to ..., <content>': up to the
    first comma, at most 30 words."""
    m = _TO_COMMA.match(text, c1, u1)
    words = m.group(1).split() if m is not None else []
    if not words or len(words) > 30 or words[-1].lower() in _NOT_SOURCES:
        return None
    return m.span(1)


def _has_quote(ctx: Context, u0: int, u1: int) -> bool:
    k = bisect_left(ctx.seg_starts, u0)
    return k < len(ctx.segs) and ctx.segs[k][0] < u1


_MID_FRAME = lazy_compile(r"\s+[^\s,.;:!?“”\"‘’][^,.;:!?“”\"‘’]{0,40},")
_CONTENT_LINK = lazy_compile(r"\b(?:that|whether|if)\b")
# Before an auxiliary 'that' is a clause's subject, no link ('say that will not happen').
_NOT_AUX_NEXT = r"(?!(?:will|would|is|was|has|had|could|can|should|might|may|must|does|did)\b(?!-))"
# 'that' after a preposition is a determiner ('for people in that spot'), no clause.
_THAT_FRAME = lazy_compile(
    # 'said in an interview with The Associated Press last week that': a linking
    # phrase (no verb or pronoun: ``_links``) of up to 100 characters, up to the
    # first 'that' only.
    r"\s*(?:(?:(?!\bthat\b)[^“”\"‘’.!?;:,]){0,100}?\s)?"
    + "".join(rf"(?<!\b{p}\s)" for p in ("in", "at", "on", "of", "for", "with", "by", "to", "from"))
    + r"that(?:,\s*|\s+)"
    + _NOT_AUX_NEXT
)
_PHRASE_THAT = lazy_compile(
    # 'said Thursday during a taping ... in Buffalo, New York, that': a day or time
    # may come before the phrase.
    r"\s+(?:(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:[A-Z][a-z]+day|yesterday|today"
    r"|tonight|week|month|year|night|morning|afternoon|evening)\s+)?"
    r"(?:at|in|on|during|to|before|after|from|with|outside|inside)\s"
    r"[^“”\"‘’!?;:]{0,80}?,\s+that(?:,\s*|\s+)"
)
# 'said, twice, that ...', 'argued - rebuking him eight times by name - that ...': an
# aside set off by commas or dashes between the cue and its 'that'.
_ASIDE_THAT = lazy_compile(
    r"(?:\s+[a-z]+ly)?\s*(?:,|\s[—–-]+\s|[—–])\s*[^“”\"‘’.!?;:,—–]{1,80}?\s*(?:,|\s[—–-]+\s|[—–])\s*"
    r"that(?:,\s*|\s+)"
)
# 'said, however, that ...', 'says, though, the plan ...': a sentence adverb set off by
# commas between the cue and its content.
_ADVERB_LINK = lazy_compile(
    r"(?:\s+(?:on|last|this|late|early|earlier|later)\s+(?:[A-Z][a-z]+day|week|month|year))?"
    r",\s*(?:however|though|moreover|meanwhile|too|also|again|nonetheless|nevertheless"
    r"|in turn|in fact|for example|for instance|for (?:his|her|its|their) part|[a-z]+ly),"
    r"\s*(?:that(?:,\s*|\s+))?(?=[\w“\"‘])"
)
_COLON_FRAME = lazy_compile(r"\s*[^“”\"‘’.!?;]{0,150}?(?::\s*|,\s*(?=[“\"‘']))(?=\S)")


_OBJECT_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my"}
# Cues whose object may come between them and 'that': 'told the paper that', 'warned
# voters that', 'reminded his staff that'.
_LISTENER_CUES = TRANSITIVE | REQUESTS | {"remind", "inform", "assure", "promise", "convince"}


_LONG_LISTENER = lazy_compile(r"\s+[^“”\"‘.!?;:]{1,120}?\s(?:that|how|whether)\s+")
_LISTENER_PRONOUN = lazy_compile(
    r"\s+(?!(?:he|she|they|it|we|I|there|that)\b)[^“”\"‘.!?;:,]{1,50}?\s"
    r"(?=(?:he|she|they|it|we|I|there)\s+[a-z’'])"
)


_LISTENER_NOUN = lazy_compile(
    r"\s+(?:the\s+[\w’'\-]+|(?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*"
    # 'told Labour members the Tories offered ...': a named group's plural.
    r"(?:\s+(?:members|supporters|voters|activists|officials|delegates|MPs|leaders|staff))?"
    # 'told me one of my sons was killed', 'told us the school had been hit': an object
    # pronoun ('her' may open the clause's subject: 'told her son was ...').
    r"|me|us|him|them)\s"
    r"(?=(?:his|her|their|its|our|my|the|one\s+of)\s)"
)


def _told_then_that(
    ctx: Context, c1: int, u1: int, lemma: str | None = None
) -> re.Match[str] | None:
    """A listener, perhaps long and with a place or time, between 'told' (or 'warned',
    'assured') and its clause: 'telling customers at a popular Manchester, New
    Hampshire, breakfast spot that ...'. None when those words hold a verb."""
    m = _LONG_LISTENER.match(ctx.text, c1, u1)
    if m is not None and _links(ctx, c1, m.end()):
        return m
    # 'told reporters he had quit', 'told the jury she was afraid': no 'that', the
    # clause opening with its subject pronoun right after a short listener.
    if lemma not in _TELLING:
        # 'asked him why he ...', 'accused X of ... as it ...': the question word or
        # the charge belongs to the content.
        return None
    m = _LISTENER_PRONOUN.match(ctx.text, c1, u1)
    if m is None and (m := _LISTENER_NOUN.match(ctx.text, c1, u1)) is not None:
        # 'told BBC Sport the team had played well', 'told the Observer his worst moment
        # came …': a name or 'the' and a noun, then a clause whose subject opens with a
        # determiner and whose verb follows within a few words.
        low = [w.lower() for w in ctx.words(m.end(), u1)[:6]]
        if not any(map(_verb_like, low[1:])):
            m = None
    if (
        m is None
        or not _links(ctx, c1, m.end())
        or any(w.lower() in _NOT_LISTENER for w in ctx.words(c1, m.end()))
    ):
        return None
    return m


_TELLING = {"tell", "assure", "warn", "remind", "inform"}
# Words no short listener holds: a question word, a relative or a preposition starts
# a clause or a phrase of its own ('told him a story about what he ...').
_NOT_LISTENER = set(
    """that whether if how why what when where who whom which because although though while
    as since once until unless before after of for about with by from to at in on""".split()
)


_MONTHS = set(
    "january february march april may june july august september october november december".split()
)
_DOCUMENTS = STATEMENT_NOUNS | {"report", "paper", "memo", "document", "study", "ad", "op-ed"}


def _object_not_speaker(text: str, speaker: Span) -> bool:
    """Whether the noun phrase just before a participle is its verb's object or a time
    rather than who speaks: a document ('a statement', 'a report this month') or a
    date word ('April')."""
    words = text[speaker[0] : speaker[1]].lower().split()
    return bool(set(words) & _DOCUMENTS or (len(words) == 1 and words[0] in _MONTHS | TEMPORAL))


# Verbs whose object may well be who speaks next: 'heard voters saying', 'quoted an
# aide saying', 'a video showed protesters chanting'.
_PERCEIVED = set(
    """heard hear hears saw see sees seen watched watch quoted quote quotes cited cite cites
    showed shows shown featured features found finds included includes overheard
    interviewed surveyed polled asked left""".split()
)
_BE = {"is", "are", "was", "were", "be", "been", "am"}
_PREP_NEXT = lazy_compile(r"\s+(?:in|on|at|for|of|from|with|by|over|during|since)\b")


def _governing_subject(ctx: Context, lo: int, obj: Span) -> Span | None:
    """The subject of the verb that governs ``obj``: the nearest past tense (or a
    progressive after 'be') before it within its clause, then the noun phrase before
    that verb ('his campaign sent out a text message to supporters saying' gives 'his
    campaign'); a coordinated subject whole ('TCI and Atticus'). None when no verb
    comes first, or a comma or clause word does."""
    toks = phrase_tokens(ctx.doc, lo, obj[0])
    for k in range(len(toks) - 1, max(-1, len(toks) - 13), -1):
        w = toks[k].group(0)
        if w in ("’", "'"):
            # 'to Vargas’ question': a possessive, not a break.
            continue
        if not w[0].isalnum() or w.lower() in RELATIVES_WORDS:
            return None
        if not w.islower():
            continue
        if (
            _past_form(w)
            or (w in CUE_FORMS and not w.endswith("ing"))
            or (w.endswith("ing") and k > 0 and toks[k - 1].group(0).lower() in _BE)
        ):
            subject = np_backward(ctx.doc, lo, toks[k].start())
            if subject is None or ctx.text[subject[0] : subject[1]].lower() in RELATIVES_WORDS:
                return None
            first = _first_conjunct(ctx, lo, subject)
            return (first if first is not None else subject[0]), subject[1]
    return None


RELATIVES_WORDS = {"that", "which", "who", "whom"}
_GOVERNED_BY = lazy_compile(r"(?<![\w’'])([a-z]+)\s+$")


def _governed(text: str, lo: int, speaker: Span) -> bool:
    """Whether the noun phrase just before a participle (no comma between) is the object
    of a past-tense verb or of 'to'/'on'/'at' ('released a new radio ad calling ...',
    'wrote a letter to the attorney general asking ...'), not the participle's subject."""
    m = _GOVERNED_BY.search(text, max(lo, speaker[0] - 25), speaker[0])
    if m is None:
        return False
    word = m.group(1)
    if word in ("to", "on", "at", "toward", "towards"):
        return True
    return word not in _PERCEIVED and _past_form(word)


def _calls_for(text: str, cue: Span) -> bool:
    words = text[cue[0] : cue[1]].lower().split()
    return len(words) == 2 and words[1] == "for" and CUE_FORMS.get(words[0]) == "call"


def _first_clause(ctx: Context, piece: Span) -> Span:
    """``piece`` up to its first clause break outside quotation marks."""
    for m in _CLAUSE_END.finditer(ctx.text, piece[0], piece[1]):
        if not ctx.in_quote(m.start()) and ctx.count_words(piece[0], m.start()) >= 2:
            return piece[0], m.start()
    return piece


def _object_then_that(ctx: Context, cue: Span, s: int, e: int) -> bool:
    """Whether the words between a cue and 'that' are its noun-phrase object, so that
    'that' opens a relative clause ('stressed her support of the raid that killed ...'),
    not the reported clause; a listener before 'that' is not ('told the paper that')."""
    words = ctx.words(s, e)
    lemma = CUE_FORMS.get(ctx.text[cue[0] : cue[1]].split()[0].lower())
    if not words or lemma in _LISTENER_CUES:
        return False
    first = words[0].lower()
    return first in _OBJECT_OPENERS or (
        # 'have predicted consolidation in a market that they call fragmented': a bare
        # noun object and its prepositional phrase, then a relative clause; not a time,
        # place or manner phrase ('said Tuesday in a statement that', 'said soon after
        # that', 'said following a vote that').
        words[0].isalpha()
        and words[0].islower()
        and len(words) >= 3
        and words[1].lower() in ("in", "of", "for", "on", "at", "among", "across")
        and first not in PREPOSITIONS | TEMPORAL | TEMPORAL_LEAD | AUX_ADV | _NOT_OBJECTS
        and not first.endswith(("ly", "ing", "ed"))
    )


_NOT_OBJECTS = set(
    """again once twice too also even still then there here so soon long just right both
    what who how why when where all many most some""".split()
)


def _pieces(
    ctx: Context, lo: int, hi: int, cue: Span, speaker: Span | None, f0: int, f1: int, first: bool
) -> list[Quote]:
    text = ctx.text
    if (
        speaker is not None
        and f0 <= speaker[0] < speaker[1] <= cue[0]
        and (m := _free_relative(text, speaker))
        # 'what analysts said was a sign of ...', 'what researchers say they need':
        # the relative stands inside the reported clause, which follows the cue.
        and (m.group(1) or not _CLAUSE_NEXT.match(text, cue[1]))
        and CUE_FORMS.get(text[cue[0] : cue[1]].split()[0].lower()) not in NAMING | {"describe"}
    ):
        # 'What Mr. Obama said in Springfield was ...', 'about double what Bradley said
        # she anticipated': a free relative names what was said; it reports nothing.
        # ('what aide Kevin Phillips called “the beginning …”' still names.)
        return []
    mid = False
    relative = speaker is not None and text[speaker[0] : speaker[1]].lower() in _RELATIVES
    # ('groups like ISIS, which claimed responsibility for the attacks, are …': a
    # relative clause, not a frame inside the clause.)
    if first and not relative and after_content(text, lo, f0):
        # 'The difference now, he told me on Friday, is that ...': the frame and its
        # listener sit in the middle of the reported clause.
        m = _MID_FRAME.match(text, f1, hi)
        if (
            m
            and not _has_quote(ctx, f1, m.end())
            and _links(ctx, f1, m.end() - 1)
            # 'In an opinion piece, Sanders wrote that voters, alienated by ..., are':
            # a 'that' after the cue opens the content; the comma before the frame
            # closed an introductory phrase, not a first half of the clause.
            and not _CONTENT_LINK.search(text, f1, m.end())
        ):
            f1, mid = m.end() - 1, True
    # Extend the frame over the words linking cue and content: "told the
    # podcast:", "said in a statement that".
    linked = False
    m = _COLON_FRAME.match(text, f1, hi)
    if m and not _has_quote(ctx, f1, m.end() - 1) and _links(ctx, f1, m.end()):
        f1, linked = m.end(), True
    else:
        # 'says at a campaign stop in Toledo, Ohio, that it means ...': a place or
        # time phrase, commas and all, between the cue and its 'that'.
        m = (
            _THAT_FRAME.match(text, f1, hi)
            or _PHRASE_THAT.match(text, f1, hi)
            or _ASIDE_THAT.match(text, f1, hi)
            # Not after a participle: 'Perhaps most telling, though, were ...'.
            or (
                _ADVERB_LINK.match(text, f1, hi)
                if not text[cue[0] : cue[1]].endswith("ing")
                else None
            )
            or (
                _told_then_that(ctx, f1, hi, lemma)
                if (lemma := CUE_FORMS.get(text[cue[0] : cue[1]].split()[0].lower())) in TRANSITIVE
                else None
            )
        )
        if (
            m
            and not _has_quote(ctx, f1, m.end())
            and _links(ctx, f1, m.end())
            and not _object_then_that(ctx, cue, f1, m.end())
            # 'called for dresses that showed more': what is asked for is the object.
            and not _calls_for(text, cue)
        ):
            # Only a 'that' links for sure: 'said, however, the crowd ...' still has
            # to show a clause.
            f1, linked = m.end(), m.re.pattern != _ADVERB_LINK.pattern or "that" in m.group(0)
    quotes: list[Quote] = []
    semi = text.rfind(";", lo, f0)
    if (
        semi >= 0
        and not ctx.in_quote(semi)
        # '(£398m; $768m)': a semicolon inside brackets divides no clauses.
        and text.count("(", lo, semi) <= text.count(")", lo, semi)
        and after_content(text, lo, f0)
    ):
        # 'The family is arranging the service; a date had yet to be set, he said.':
        # the content before a frame is the clause after the semicolon.
        lo = semi + 1
    before = trim_span(text, lo, f0) if first else None
    if (
        before is not None
        # (With no speaker found yet, the parser may name one: the same contract.)
        and (speaker is None or speaker[1] <= cue[0])
        and (
            # 'Sanders lost Ohio to Hillary Clinton, who added to her delegate lead':
            # a relative clause's frame reports nothing of the clause it hangs on.
            relative
            # 'his emotions had begun to overtake him by the time he said that.': with
            # no comma or mark between them, the words before a frame are the
            # narrator's clause, not what was said ('…, teachers and union officials
            # told POLITICO.': a coordinated subject read only in part does end one).
            or (
                not after_content(text, lo, f0)
                and _quoted_share(ctx, *before) < 0.8
                and not _AND_OR_END.search(text, lo, f0)
            )
        )
    ):
        before = None
    if (
        before is not None
        and text[cue[0] : cue[1]].split()[0] in PARTICIPLES
        and _quoted_share(ctx, *before) < 0.8
    ):
        # 'Clinton had mocked the complaint, saying ...': the clause a participle
        # hangs on is the narrator's, not what was said.
        before = None
    after = trim_span(text, f1, hi)
    if after is not None and relative and text[max(0, f0 - 3) : f0].rstrip().endswith(","):
        # 'groups like ISIS, which claimed responsibility for the attacks, are
        # slipping …': a relative clause set off by commas ends at its comma; the
        # main clause's verb after it is the narrator's.
        after = _relative_clause_end(ctx, cue, after)
    according_paren = False
    if (
        first
        and not linked
        and before is not None
        and after is not None
        and text[cue[0] : cue[1]].lower().startswith("according")
        and ctx.count_words(*before) >= 2
        and text[lo:f0].rstrip().endswith(",")
        and (gloss := _GLOSS_COMMA.match(text, f1, hi)) is not None
        # Not a coordinated clause ('…, and has a lead in Ohio') or the narrator's
        # comparison ('…, compared with …').
        and not _NOT_PREDICATE.match(text, gloss.end(), hi)
        and (rest := trim_span(text, gloss.end(), hi)) is not None
        and _quoted_share(ctx, *before) < 0.8
        and _predicate_opens(ctx, rest)
    ):
        # 'Other major cleavages, according to the poll, include ideology', 'Notably
        # absent, according to members who spoke with reporters, was any mention of
        # ...': the source set off by commas inside one reported clause.
        according_paren, after = True, rest
    if (
        not according_paren
        and before is not None
        and after is not None
        and text[cue[0] : cue[1]].lower().startswith("according")
        and after_content(text, lo, f0)
        # Not after an opening phrase alone ('In addition, according to the department,
        # nearly nine million more workers will be protected'): the clause follows.
        and not (
            _opening_phrase(ctx, before)
            and text[f1:hi].lstrip().startswith(",")
            and _reports_content(ctx, cue, after, whole=True)
        )
    ):
        # '..., according to the SITE Intelligence Group, which tracks ...': the
        # source's own relative clause is not content.
        after = None
    elif (
        after is not None
        and not according_paren
        and text[cue[0] : cue[1]].lower().startswith("according")
        # Not 'According to the mayor, the plan that ...': the source ends the
        # sentence's content, after words of its own.
        and text[lo:f0].strip(" \t\n“‘\"'")
        and not _has_quote(ctx, *after)
        and _source_gloss(ctx, after)
    ):
        # '..., according to CrowdTangle, a social analytics tool that monitors social
        # media', '... according to sources who have seen it': what the source is.
        after = None
    # 'The plan, officials say, would cost billions': a frame set off by commas inside
    # one reported clause; the clause's subject before it, its verb after it.
    paren = (
        according_paren
        or (
            first
            and not linked
            and not mid
            and before is not None
            and after is not None
            # The frame's own subject before its verb ('officials say'), not a
            # participle's ('The deal, announced Friday, would last ...').
            and speaker is not None
            and speaker[1] <= cue[0]
            and ctx.count_words(*before) >= 2
            and text[lo:f0].rstrip().endswith(",")
            and text[f1:hi].lstrip().startswith(",")
            and _quoted_share(ctx, *before) < 0.8
            and not _has_quote(ctx, *after)
            and _predicate_opens(ctx, after)
        )
    )
    if (
        before is not None
        and after is not None
        and not linked
        and not paren
        and after_content(text, lo, f0)
        and not _has_quote(ctx, *after)
        and not _reports_content(ctx, cue, after)
    ):
        # '..., Mr. Obama said in his interview.': the words after the frame only
        # say where it was said; the content is before it.
        after = None
    # (A source after 'according to' is no inverted speaker: 'In addition, according to
    # the department, nine million more workers will be protected' reports the clause
    # after it.)
    inverted = (
        speaker is not None
        and speaker[0] >= cue[1]
        and not (
            text.startswith("ccording", cue[0] + 1)
            and before is not None
            and _opening_phrase(ctx, before)
        )
    )
    if (
        before is not None
        and after is not None
        and inverted
        and text[before[0] : before[1]].strip(" ,").lower() in _LEAD_ADVERBS
    ):
        # 'Also, said Mr Flynn, Vodafone has cut off ten sellers': an adverb opens the
        # sentence, the frame follows it; the content comes after the frame.
        before = None
    after_words = ctx.count_words(*after) if after is not None else 0
    # '"...," said Tom Hale, a councillor.': content before the frame, and
    # after it only a further quote. 'In Scranton, Biden said X': content after.
    if (
        not paren
        and before is not None
        and (
            (after is None and after_content(text, lo, f0))
            or (
                after is not None
                and (
                    inverted
                    or after_words <= 2
                    or (after_content(text, lo, f0) and _quoted_share(ctx, *before) >= 0.8)
                )
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
    elif (
        before is not None
        and _quoted_share(ctx, *before) < 0.8
        and not (
            # 'The weapons it has, he added, are like bombs': a frame set in the
            # middle of one reported clause.
            after_content(text, lo, f0) and text[f1:hi].lstrip().startswith(",")
        )
    ):
        before = None
    if (
        after is not None
        and not linked
        and not paren
        and (
            _TIME_CLAUSE.match(text, f1, hi)
            or _AND_NEXT.match(text, f1, hi)
            or not _reports_content(ctx, cue, after)
        )
    ):
        # 'said as he launched the process': a time clause, not what was said.
        after = None
    if (mid or paren) and before is not None and after is not None:
        # Both sides of a frame set inside one clause are its content.
        pass
    elif (
        before is not None
        and not (
            # 'An average of 81 percent of Democrats approve of Obama, according to
            # HuffPost Pollster.': a source closing the sentence reports the words
            # before it, whose present verb in the plural ('approve') the rules cannot
            # tell from a noun.
            text.startswith("ccording", cue[0] + 1)
            and _UNIT_END.match(text, f1, hi) is not None
            and after_content(text, lo, f0)
            and ctx.count_words(*before) >= 4
        )
        and not _reports_content(ctx, cue, before, whole=True)
    ):
        # 'The mayor, Anna Berg, spoke on Monday.': a subject, not content.
        before = None
    elif (
        before is not None
        and not after_content(text, lo, f0)
        and text[before[0] : before[1]].split()[-1].lower() in _SUBORDINATORS
    ):
        # 'Shares fell after the group warned on profits': the frame is the subject
        # and verb of a subordinate clause; what comes before is the narrator's.
        before = None
    if (
        after is not None
        and text[cue[0] : cue[1]].split()[0] in PARTICIPLES
        and _PAREN_PREP.search(text, max(lo, cue[0] - 20), cue[0])
    ):
        # 'Ryan, despite admitting that he had concerns, backed the bill': the
        # participle's clause is set off by commas; the sentence goes on without it.
        after = _first_clause(ctx, after)
    if after is not None and first and _FRONTED.match(text, lo, f0):
        # 'While critics argue that trading prisoners encourages others, President Obama
        # has ...': the frame sits in a clause that opens the sentence; the main clause
        # after its comma is the narrator's.
        after = _first_clause(ctx, after)
    if after is not None and _calls_for(text, cue):
        # What is called for ends with its clause ('called for compensation to be
        # “clawed back”, Clinton restricted ...').
        after = _first_clause(ctx, after)
    elif after is not None and not linked and (listener := _listener(ctx, cue, after)):
        # 'warned state officials to boost their security': the request is the
        # infinitive; the listener is part of the frame.
        after = (listener, after[1])
    if after is not None:
        after = _drop_narration(ctx, _drop_appositive(ctx, after))
    if after is not None and ctx.count_words(*after) == 1 and not _has_quote(ctx, *after):
        # 'maintained above-average costs for raising that money': one word left
        # after the frame is no reported clause.
        after = None
    for piece in (before, after):
        if piece is not None:
            quotes.append(make_quote(ctx, piece, cue, speaker))
    return quotes


def _opening_phrase(ctx: Context, piece: Span) -> bool:
    """Whether ``piece`` is only a phrase opening its sentence: at most five words led by
    a preposition, a sentence adverb or a time word ('In addition', 'Over the long
    term', 'Last year'), no verb."""
    words = [w.lower() for w in ctx.words(*piece)]
    return (
        1 <= len(words) <= 5
        and (words[0] in PREPOSITIONS or words[0] in _LEAD_ADVERBS or words[0] in _TIME_LEAD)
        and not any(_verb_like(w) for w in words)
    )


def _source_gloss(ctx: Context, piece: Span) -> bool:
    """Whether ``piece`` only describes the source named before it: a relative clause
    ('who have seen the messages', 'which tracks ...') or a noun phrase and its relative
    clause ('a social analytics tool that monitors ...'), no verb before the relative."""
    words = [w.lower() for w in ctx.words(*piece)[:10]]
    if not words:
        return False
    if words[0] in ("who", "which", "whose"):
        return True
    if words[0] not in ("a", "an", "the"):
        return False
    for w in words[1:]:
        if w in ("that", "which", "who", "whose"):
            return True
        if w in _VERBISH or w in IRREGULAR_PAST or w in SUBJECT_PRONOUNS:
            return False
    return False


_FIRST_CONJUNCT = lazy_compile(
    r"\s*(?:(?:But|And|Yet|So|Still)\s+)?((?:[\w’'.\-]+\s+){1,5}?)(?:and|&)\s+(?:even\s+)?$"
)


def _name_before_description(ctx: Context, lo: int, speaker: Span, c0: int) -> Span | None:
    """The person's name set off by commas between a content and the description that
    is the speaker phrase, when the comma closing that description was lost ('…,"
    Anais Faraj, an analyst at Nomura told', '…, Alan Milburn, Labour's election
    strategist told'): two or three capitalised words opening with a first name, after
    the content's comma or closing mark; the description opens with a determiner or
    an owner's name and holds no comma."""
    text = ctx.text
    s = speaker[0]
    first = text[s:c0].split()[:1]
    if not first or "," in text[s:c0]:
        return None
    if first[0].lower() not in ("a", "an", "the") and not _OWNER.match(text, s, c0):
        return None
    m = _NAME_THEN_COMMA.search(text, lo, s)
    if m is None or first_names().get(m.group(1).split()[0].lower()) is None:
        return None
    return m.span(1)


# A name set off by commas (or opening after a closing mark) right before ``s``.
_NAME_THEN_COMMA = lazy_compile(
    r"(?:[,”\"’']|'')\s+((?:[A-Z][\w’'\-]+\s+){1,2}[A-Z][\w’'\-]+),\s+$"
)
# An owner's name opening a description: "Labour's", "Banca Uno's".
_OWNER = lazy_compile(r"(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*[’']s\s")


def _first_conjunct(ctx: Context, lo: int, speaker: Span) -> int | None:
    """Where a coordinated subject starts when the speaker phrase is its last conjunct
    and the clause opens with the first ('Politicians and even some technologists
    say'): at most four capitalised words, no verb, no pronoun; else None."""
    text = ctx.text
    if text[speaker[0] : speaker[1]].lower() in PRONOUNS:
        return None
    m = _FIRST_CONJUNCT.fullmatch(text, lo, speaker[0])
    if m is None or (lo > 0 and not _CONJUNCT_LEAD.search(text, max(0, lo - 3), lo)):
        return None
    words = m.group(1).split()
    low = [w.lower().strip(",") for w in words]
    if any(
        _verb_like(w)
        or w in PRONOUNS
        or w in PREPOSITIONS - {"of"}
        or not w.isalpha()
        and "." not in w
        for w in low
    ):
        return None
    # Names and capitalised words only ('Sanders', 'White House', 'Current'): a
    # lower-case word may be a verb the lists miss ('The mayor met Jones and ...'). After
    # a determiner ('But the Scottish National Party and the Tories say'), one noun
    # written in lower case ('the unions and the employers') can be nothing else.
    if low[0] in _CONJUNCT_DETERMINERS:
        words = words[1:]
        if len(words) == 1:
            return m.start(1)
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None
    return m.start(1)


_CONJUNCT_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our"}


# What stands before a clause the first conjunct may open: the start of a sentence or
# paragraph, or a closing quotation mark and a space.
_CONJUNCT_LEAD = lazy_compile(r"(?:[.!?\n]|[.!?,]?[”\"’])\s*$|^\s*$")


def _predicate_opens(ctx: Context, piece: Span) -> bool:
    """Whether ``piece`` opens with a finite verb or an infinitive, after any adverb
    ('would cost billions', 'limited the recovery', 'is manifold', 'to take cues'):
    the rest of a clause whose subject stands before a parenthetical frame."""
    words = [w.lower() for w in ctx.words(*piece)[:4]]
    while words and (words[0] in _VERB_ADVERBS or (words[0].endswith("ly") and len(words) > 1)):
        words = words[1:]
    if len(words) < 2 or not words[0].isalpha():
        return False
    w = words[0]
    return (
        _verb_like(w)
        or w == "to"
        or (w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_VERB_S)
    )


# A subordinate clause opening the sentence, up to the cue with no clause break before it.
_FRONTED = lazy_compile(
    r"[\s“‘\"]*(?:While|When|Whenever|Although|Though|Even\s+though|Even\s+if|After|Before"
    r"|Since|Because|If|Once|Unless|Whereas)\s[^,;:()—–“”\"]*$"
)


# ', the existing military alliance that includes ...' after a name closing the content.
_TAIL_APPOSITIVE = lazy_compile(r",\s+(?:a|an|the)\s+[a-z]")
# The name the appositive describes: a capitalised word or a closing parenthesis.
_NAME_BEFORE = lazy_compile(r"(?:\b[A-Z][\w’'.\-]*|\))$")


def _drop_appositive(ctx: Context, piece: Span) -> Span:
    """Reported content less a trailing appositive that describes the name ending
    the clause ('... in partnership with NATO, the existing military alliance that
    includes the United States'): the writer's gloss, not what was said."""
    text = ctx.text
    for m in _TAIL_APPOSITIVE.finditer(text, piece[0], piece[1]):
        tail = text[m.start() : piece[1]]
        if (
            _NAME_BEFORE.search(text, max(piece[0], m.start() - 40), m.start())
            and ctx.count_words(m.start(), piece[1]) >= 4
            and not _has_quote(ctx, m.start(), piece[1])
            # Inside quotation marks the phrase is the speaker's own ('"Obviously, the
            # issue is out of my hands ..."' after an unclosed quotation), no gloss.
            and not ctx.in_quote(m.start())
            and not re.search(r",\s+(?:and|but|or|while|which|who)\s|[;:]", tail[1:])
            and ctx.count_words(piece[0], m.start()) >= 3
            # 'the plant near Dover, the largest in the county, will close': the
            # phrase is set inside the clause's subject, its verb still to come.
            and _SET_OFF.match(text, m.start() + 1, piece[1]) is None
        ):
            return piece[0], m.start()
    return piece


# Where the narrator takes over from a reported clause: a semicolon, or a contrast whose
# subject is a pronoun ('..., although he again refused to pledge ...', '..., but he
# refuses to discuss ...', '..., when there are radio clips of her supporting it').
_NARRATION = lazy_compile(
    r";\s|,\s+(?:although|though|but|while|whereas|even\s+as)\s+(?:he|she|they|it)\b"
    r"|,\s+when\s+there\s"
    # '..., although others feel the Bank may still ...': another source's view.
    r"|,\s+(?:although|though|but)\s+(?:others|some|many|critics|analysts|economists|experts"
    r"|observers|opponents)\s"
    # 'pledging to make America great again, while taking slams at ...', '..., while
    # about 4 in 10 want one with experience': a contrast the narrator adds.
    r"|,\s+(?:while|whereas)\s"
    # '..., as have her Democratic rivals': the narrator's comparison.
    r"|,\s+as\s+(?:has|have|had|did|does|do|is|are|was|were)\s"
    # 'promising lower taxes and “jobs, jobs, jobs,” but he has also ...': the comma
    # sits inside the quotation; the narrator resumes after its closing mark.
    r"|(?<=,)[”’\"]\s+(?:although|though|but|while|whereas)\s+(?:he|she|they|it)\b"
    # The writer's gloss on the words just reported: '..., referring to the party’s
    # convention', '“anchor (not) baby” — a play on words with ...'.
    r"|(?:,|(?<=,)[”’\"])\s+(?:referring|citing|referencing|alluding|apparently\s+referring)\s"
    r"|(?<=[”’\"])\s*(?:—|–|\s-)\s*(?:a|an)\s"
    # '..., compared with 11 percent of Republicans', '..., up from 90 last year': the
    # narrator's comparison.
    r"|,\s+(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s"
    # '... will never sell him amid reports Chelsea will bid again': the news around it.
    r"|,?\s+amid\s+(?:reports|claims|speculation|rumours|rumors|suggestions|fears|concerns)\b"
    # '... calls to committee members - there are two from each district', '... seek
    # reelection - though it is unclear whether ...': the narrator's aside after a dash.
    r"|\s[—–-]\s+(?:though|although|but|there\s+(?:are|is|were|was))\s(?![^“”\"]*[“\"])"
)
# A relative clause set off by a comma that closes the content: '... over fears of the
# Zika virus, which is spread primarily by mosquitoes', '... exchanges between Carter and
# Eric Fanning, who was his chief of staff at the time', '... before April 26, when
# voters in Pennsylvania head to the polls': the writer's gloss on the last noun.
_CLOSING_RELATIVE = lazy_compile(r",\s+(which|who|where|when)\s+(?!(?:said|says|added)\b)")
_WORD_BEFORE = lazy_compile(r"([\w’'.\-]+)$")


def _drop_narration(ctx: Context, piece: Span) -> Span:
    """Reported content that stops where the narrator's next clause starts,
    outside quotation marks, after at least three words of content."""
    text = ctx.text
    for m in _NARRATION.finditer(text, piece[0], piece[1]):
        if (
            not ctx.in_quote(m.start())
            and ctx.count_words(piece[0], m.start()) >= 3
            # '($1bn; £550m)': a semicolon in brackets ends nothing.
            and text.count("(", piece[0], m.start()) <= text.count(")", piece[0], m.start())
        ):
            # The closing mark, when the cut follows a quotation, stays with it.
            return piece[0], m.start() + (text[m.start()] in '”’"')
    for m in _CLOSING_RELATIVE.finditer(text, piece[0], piece[1]):
        if (
            not ctx.in_quote(m.start())
            and ctx.count_words(piece[0], m.start()) >= 4
            # '..., which costs £2m, will fail': a relative inside the clause, its verb
            # still to come.
            and not any(ch in ',;:“”"' for ch in text[m.end() : piece[1]])
            and text[m.start() - 1] not in '”’"'
            # After a name ('the Zika virus, which', 'Eric Fanning, who') or a date
            # ('April 26, when'); after a common noun the clause is as often the
            # speaker's reasoning ('... hold assets longer, which would defer their taxes').
            and (prev := _WORD_BEFORE.search(text, max(piece[0], m.start() - 30), m.start()))
            and (
                prev.group(1)[:1].isupper()
                or (prev.group(1).isdigit() and m.group(1) in ("when", "where"))
            )
        ):
            return piece[0], m.start()
    return piece


def _listener(ctx: Context, cue: Span, piece: Span) -> int | None:
    """Where a request's infinitive starts after its listener ('urged his
    supporters | to visit ...'), or None: not a request, or not one short noun
    phrase before 'to'."""
    text = ctx.text
    if CUE_FORMS.get(text[cue[0] : cue[1]].split()[0].lower()) not in REQUESTS:
        return None
    m = _LISTENER_TO.match(text, piece[0], piece[1])
    if m is None or not _links(ctx, piece[0], m.end()):
        return None
    words = [w.lower() for w in ctx.words(piece[0], m.end())]
    if any(w in DETERMINERS for w in words[1:]) or any(w in NP_STOP - {"of", "for"} for w in words):
        return None
    return m.end()


# A comma inside a number ('1,300 emails') ends no clause.
# A comma ends a clause, unless it is inside a number: '15,000', and '15, 000' as
# tokenised copy writes it.
_CLAUSE_END = lazy_compile(r"(?<!\d),|,(?!\d| \d{3}\b)|[;:()—–]|\s-\s")
_VERBISH = set(
    """is are was were be been being am has have had will would can could should may might
    must did does do shall won't can't don't doesn't didn't isn't wasn't aren't weren't""".split()
)


def _links(ctx: Context, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` only links a cue to its content ('told the podcast:',
    'said in a statement that'), holding no clause of its own ('said officials
    are in possession of video that ...': the content starts at 'officials')."""
    return not any(
        w in _VERBISH or w in SUBJECT_PRONOUNS for w in (x.lower() for x in ctx.words(s, e))
    )


_ROUGHLY = {"about", "around", "over", "nearly", "almost", "roughly", "some", "approximately"}
# 'said about half of the adjustment reflected ...': a number in words.
_NUMBER_WORDS = set(
    """half third quarter two three four five six seven eight nine ten dozen dozens hundreds
    thousands millions""".split()
)
_PARENTHETICAL = lazy_compile(
    r"\s*(?:while|although|though|when|if|as|despite|who|which)\b[^,;:.!?]{1,100},"
)
_SET_OFF = lazy_compile(
    r"\s*([^,;:.!?“”\"]{2,50}),\s+(?:[a-z]+ly\s+)?(?:is|are|was|were|will|would|could|can"
    r"|may|might|should|must|has|have|had|does|did)\s"
)
_SET_OFF_PAST = lazy_compile(r"\s*([^,;:.!?“”\"]{2,50}),\s+([a-z]+)\s(?!by\b)")
_TIME_LEAD = {"late", "early", "last", "this", "next", "earlier", "later", "overnight"}
_RELATIVES = {"who", "which", "that"}
_AND_OR_END = lazy_compile(r"\s(?:and|or|&)\s+$")
# 'what X said', and 'everything X says' ('not everything Trump says is true').
_FREE_RELATIVE = lazy_compile(r"\b(?:[Ww]hat|([Ee]very|[Aa]ny|[Nn]o|[Ss]ome)thing)\s+")


def _free_relative(text: str, speaker: Span) -> re.Match[str] | None:
    """'what' or 'everything' opening the speaker's noun phrase or just before it."""
    m = _FREE_RELATIVE.match(text, speaker[0], speaker[1])
    if m is None:
        m = next(
            (
                m
                for m in _FREE_RELATIVE.finditer(text, max(0, speaker[0] - 12), speaker[0])
                if m.end() == speaker[0]
            ),
            None,
        )
    return m


_CLAUSE_NEXT = lazy_compile(
    r"\s+(?:is|was|are|were|will|would|could|can|may|might|should|must|has|have|had"
    r"|he|she|they|we|I|it|you)\b"
)
_ROUGHLY_2 = {("at", "least"), ("more", "than"), ("less", "than"), ("fewer", "than"), ("up", "to")}
_S_IS = set("it he she that there what who here where how everyone everybody nobody".split())
_CLAUSE_OPENERS = set("that whether if how why what when where who which".split())
_NOT_VERB_S = set(
    """is has was as this its his us days weeks months years hours minutes decades times""".split()
)
_PRONOUN_ASIDE = lazy_compile(
    r",\s*(?:too|also|however|though|in\s+turn|in\s+fact|of\s+course|for\s+(?:example|instance)"
    r"|for\s+(?:his|her|their|its)\s+part)\s*,\s+[a-z]"
)
_PRONOUN_CONTRACTION = lazy_compile(r"(?:he|she|they|i|we|you|it)[’'](?:d|s|re|ll|ve|m)")
_VERB_CONTRACTIONS = tuple(f"{a}{b}" for a in ("'", "’") for b in ("re", "ll", "ve", "d", "m")) + (
    "n't",
    "n’t",
)
_VERB_ADVERBS = {"never", "always", "already", "allegedly", "reportedly", "repeatedly"}
_SUBORDINATORS = set(
    "when whenever if after before because although though while as since once until unless".split()
)


# Cues that take a noun phrase as readily as a clause ('stressed his commitment', 'said
# his commitment … was firm' is a clause).
_STRESSING = {
    "stress", "reiterate", "emphasise", "emphasize", "underline", "repeat", "restate",
    "reaffirm", "express", "confirm", "signal", "outline", "voice", "highlight", "indicate",
}  # fmt: skip
# A possessive noun phrase headed by an intention, then its infinitive.
_INTENT_NOUN = lazy_compile(
    r"(?:his|her|their|its|our|my|[A-Z][\w’'\-]*[’']s)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:commitment|desire|determination|intention|willingness|wish|ambition|readiness"
    r"|eagerness|resolve)\s+(?:to|of)\s"
)


_PLURAL_POSSESSIVE = lazy_compile(r"(\w+s)['’](?=\s)")


def _plural_possessives(text: str, piece: Span) -> set[str]:
    """The plurals written with a possessive apostrophe in ``text[piece]`` (lower case):
    "their opponents' policies" gives ``{"opponents"}`` (the words :func:`_reports_content`
    reads have lost the apostrophe)."""
    return {m.group(1).lower() for m in _PLURAL_POSSESSIVE.finditer(text, *piece)}


def _reports_content(ctx: Context, cue: Span, piece: Span, whole: bool = False) -> bool:
    """Whether the words after a cue are reported content: a quotation or a clause
    ('said the plan costs £2m'), not a noun phrase or a prepositional phrase
    ('spoke for five minutes', 'added a goal', 'reported by the Post')."""
    text = ctx.text
    if _has_quote(ctx, piece[0], piece[1]) or text[piece[0]] in OPEN_MARKS:
        return True
    lemma = CUE_FORMS.get(text[cue[0] : cue[1]].split()[0].lower())
    if not whole and lemma in _STRESSING and _INTENT_NOUN.match(text, piece[0], piece[1]):
        # 'stressed his party's commitment to cut taxes', 'reiterated his desire to win
        # trophies': a noun phrase whose head is an intention, not a clause.
        return False
    if lemma in QUOTE_ONLY or _SIGNIFIES.match(text, piece[0], piece[1]):
        # 'says something about the media': what a thing shows, not what anyone said.
        return False
    if lemma in COMMISSIVES and text.startswith("to ", piece[0]):
        return True
    if not whole and _calls_for(text, cue):
        # A request reports the act it asks for: a gerund ('called for reducing the
        # tax rate') or a subject and an infinitive ('called for contestants to wear
        # ...'); a bare noun phrase ('called for a change at half-time') is no clause.
        return bool(_GERUND.match(text, piece[0], piece[1])) or bool(
            _LISTENER_TO.match(text, piece[0], piece[1])
            and _links(ctx, piece[0], _LISTENER_TO.match(text, piece[0], piece[1]).end())
        )
    if not whole and _listener(ctx, cue, piece) is not None:
        return True
    if lemma == "call" and _NAMED_AS.match(text, piece[0] - 1, piece[1]):
        return True
    # Content after a cue shows its verb in the first clause; content before one
    # ('The tab for the trip, was paid by ..., according to') anywhere.
    stop = None if whole else _CLAUSE_END.search(text, piece[0], piece[1])
    words = ctx.words(piece[0], stop.start() if stop else piece[1])[: 40 if whole else 15]
    if not words:
        return False
    low = [w.lower() for w in words]
    # A subject alone before a comma: a name or a determiner first, no verb.
    subject = (
        stop is not None
        and text[stop.start()] == ","
        and len(words) <= 8
        and (words[0][:1].isupper() or low[0] in DETERMINERS)
        and not any(w in _VERBISH or w in IRREGULAR_PAST or w.endswith("ed") for w in low)
    )
    if (
        subject
        and len(words) <= 4
        and (sub := _PARENTHETICAL.match(text, stop.end(), piece[1])) is not None
    ):
        # 'said Mr. Gray, while armed, did not point the gun': the subject, a
        # clause set off by commas, then the verb ('said the decision, which struck
        # down ..., illustrates the importance of ...': its -s or past form).
        verb = ctx.words(sub.end(), piece[1])[:1]
        if verb and verb[0].islower() and (verb[0].endswith("s") or _past_form(verb[0])):
            return True
        return _reports_content(ctx, cue, (sub.end(), piece[1]))
    if (
        subject
        and (aside := _SET_OFF.match(text, stop.end(), piece[1])) is not None
        and not any(w.lower() in _VERBISH for w in ctx.words(*aside.span(1)))
    ):
        # 'said the regime in Khartoum, Sudan's capital, is attempting to ...', 'said
        # the upside of using him, particularly in the election, would outweigh ...':
        # the subject, a phrase set off by commas, then an auxiliary.
        return True
    if (
        subject
        and not whole
        and (aside := _SET_OFF_PAST.match(text, stop.end(), piece[1])) is not None
        and not any(
            _verb_like(w.lower()) or w.lower().endswith("ing") for w in ctx.words(*aside.span(1))
        )
        and _past_form(aside.group(2))
    ):
        # 'said the man, and an American official, tried to recruit him': the subject,
        # a phrase set off by commas, then its verb in the past ('worth $5m, backed by
        # ...' is a participle).
        return True
    lead = 1 if low[0] in ("but", "and", "so") and len(low) > 1 else 0
    if whole and low[lead] in _SUBORDINATORS and "," not in text[piece[0] : piece[1]]:
        # 'But when Congress cut funding two years later, Mexico said enough': a
        # subordinate clause alone, the narrator's scene-setting.
        return False
    if (
        whole
        and low[0] in PREPOSITIONS
        # 'About 270 people have been resettled, officials said': a number, no phrase.
        and not (low[0] in _ROUGHLY and len(low) > 1 and low[1][:1].isdigit())
    ):
        # 'After some challenges, the work has met standards, an official said':
        # the clause follows its introductory phrase.
        comma = text.find(",", piece[0], piece[1])
        if comma < 0:
            # 'At risk in the long run is nothing less than the society Europe has
            # built, it said': the phrase fronted, then the verb and its subject.
            k = next((i for i, w in enumerate(low) if w in _VERBISH), None)
            return (
                k is not None
                and k >= 2
                and not any(w in _RELATIVES or w in _SUBORDINATORS for w in low[:k])
                and len(low) - k >= 3
            )
        return _reports_content(ctx, cue, (comma + 1, piece[1]), whole=True)
    if not whole and ctx.count_words(*piece) == 1:
        # 'by the time he said that.', 'maintained above-average costs for raising
        # that money': one word after the frame is no clause.
        return False
    if low[0] in _CLAUSE_OPENERS or low[0] in _VERBISH:
        # 'said that, if elected, ...'; 'Climate change, he says, is ...'.
        return True
    if whole and len(low) < 3:
        # 'Last month, 26 percent said the same': too short for a clause.
        return False
    if low[0] in _ROUGHLY and len(low) > 2 and (low[1][:1].isdigit() or low[1] in _NUMBER_WORDS):
        # 'has said about 20 people have indicated an interest': a number, then the clause.
        words, low = words[1:], low[1:]
    elif (
        tuple(low[:2]) in _ROUGHLY_2
        and len(low) > 3
        and (low[2][:1].isdigit() or low[2] in _NUMBER_WORDS)
    ):
        # 'said at least 15,000 refugees are living in the camp'.
        words, low = words[2:], low[2:]
    if low[0] in PREPOSITIONS:
        if len(low) > 1 and low[1] in SUBJECT_PRONOUNS | {"him", "her", "them", "us", "me"}:
            # 'said as he launched the process', 'was asked about it during the
            # debate': a pronoun after a preposition is its object or a time clause.
            return False
        # 'said after the convention he would': a short phrase, then the clause.
        # ('has said for weeks he's the only candidate': a contracted pronoun too.)
        k = next(
            (
                i
                for i, w in enumerate(low[:7])
                if w in SUBJECT_PRONOUNS or _PRONOUN_CONTRACTION.fullmatch(w)
            ),
            None,
        )
        if k is None:
            return False
        words, low = words[k:], low[k:]
    if low[0] in SUBJECT_PRONOUNS and len(low) > 1:
        return True
    if (
        not whole
        and lemma not in _OBJECT_CUES
        # 'warn people earlier about ...': after these the plural is the listener.
        and lemma not in _LISTENER_CUES
        and len(low) > 2
        and (low[0] in BARE_SPEAKERS or low[0] in _PLURAL_PEOPLE)
        # 'predicted some time in the second half': a determiner, not a group.
        and low[0] not in DETERMINERS | QUANTIFIERS
        and words[1][:1].islower()
        and _bare_verb(low[1])
    ):
        # 'said people misunderstand Trump', 'say voters want change': a plural subject
        # and its verb in the present, which has no ending to read.
        return True
    if (
        low == [low[0]]
        and low[0] in SUBJECT_PRONOUNS
        and stop is not None
        and _PRONOUN_ASIDE.match(text, stop.start(), piece[1]) is not None
    ):
        # 'said they, too, have had no dealings with him': the subject pronoun, an
        # adverb set off by commas, then its verb.
        return True
    if _PRONOUN_CONTRACTION.fullmatch(low[0]):
        # "said he'd build a wall", "says they're staying": a subject and its verb.
        return True
    if (
        len(words) > 1
        and words[0][0].isupper()
        and low[0] not in DETERMINERS
        and words[1][0].islower()
        and low[1] not in DETERMINERS | PREPOSITIONS | NP_STOP
        # 'told AFP late Tuesday': a listener and a time, no verb.
        and low[1] not in _TIME_LEAD
    ):
        # 'Christians make up less than half': a named subject and its verb.
        return True
    for i in range(1, len(low)):
        w = low[i]
        if (
            not whole
            and w in _RELATIVE_OPENERS
            and lemma in _OBJECT_CUES
            and low[0] not in _CLAUSE_OPENERS
        ):
            # 'recalls the car accident which occurred ...', 'lamented two years in
            # which ...': a noun phrase and its relative clause before any verb of a
            # clause of its own: an object, not reported content.
            return False
        if (
            not whole
            and low[i - 1] in ("and", "or", "but")
            and (w in _VERBISH or w in IRREGULAR_PAST or w.endswith("ed"))
            # 'said the heat and unsettled weather could last': an adjective in -ed
            # opening the subject's second noun, its verb after it.
            and not (
                w.endswith("ed")
                and w not in IRREGULAR_PAST
                and i + 2 < len(low)
                and low[i + 1] not in DETERMINERS | PREPOSITIONS | _OBJECT_PRONOUNS
                and low[i + 2] in _VERBISH
            )
        ):
            # 'claimed self-defense and was acquitted': the subject's next verbs, not
            # a clause of the content.
            break
        if w in _VERBISH or w.endswith(_VERB_CONTRACTIONS):
            return True
        if w in _VERB_ADVERBS and i + 1 < len(low) and low[i + 1] not in DETERMINERS:
            # 'said the polling location never shut its doors': an adverb that only
            # stands before a verb.
            return True
        if w.endswith(("’s", "'s")) and w[:-2] in _S_IS:
            # "it's", "there's": a verb; "Department's": a possessive.
            return True
        prev = low[i - 1]
        if _past_form(w):
            return True
        if (
            w in NOUN_PAST
            and prev not in DETERMINERS | PREPOSITIONS | _OBJECT_ADJECTIVES
            and i + 1 < len(low)
            and (low[i + 1] in DETERMINERS | _OBJECT_PRONOUNS or low[i + 1][:1].isdigit())
        ):
            # 'said the driver hit a cyclist', 'said the firm cut 300 jobs' (not 'a
            # cut in rates', 'a new bid worth £1bn').
            return True
        if (
            w.endswith("s")
            and w not in _NOT_VERB_S
            and not w.endswith("ss")
            and prev not in DETERMINERS
            and prev not in PREPOSITIONS
            # "lies about their opponents' policies": a plural's possessive, then its noun.
            and prev not in _plural_possessives(text, piece)
            and words[i][0].islower()
            # 'promised more such parties in more locations': after an object cue, a
            # plural opened by a quantity is the object's noun.
            and not (not whole and lemma in _OBJECT_CUES and low[0] in _MORE)
            # 'reported strong sales', 'reported higher profits on Tuesday': a plural
            # after adjectives, ending the phrase, is the object's noun. A verb in -s
            # after a bare subject goes on ('said inflation remains high') or has a
            # determiner before it ('said the plan works').
            and not (
                not whole
                and i == 1
                and (
                    (
                        low[0] in _OBJECT_ADJECTIVES
                        and (i + 1 == len(low) or low[i + 1] in PREPOSITIONS)
                    )
                    # 'announced job cuts.': two words closing the sentence.
                    or (i + 1 == len(low) and stop is None and low[0] not in DETERMINERS)
                )
            )
            # 'recalled 2,000 cars', 'reported 40 deaths': a plural after a number is
            # the object's noun, no verb.
            # ("the 9/11 families" is no amount: a date reads as two numbers).
            and not (
                (_AMOUNT.fullmatch(prev) and not (i > 1 and low[i - 2][:1].isdigit()))
                or prev in _NUMBER_WORDS
            )
        ):
            return True
    return False


_AMOUNT = lazy_compile(r"[$£€]?\d[\d,.]*[%m]?")
_RELATIVE_OPENERS = {"which", "who", "whom", "whose"}
# Cues that often take a noun-phrase object ('recalled the accident', 'announced finds').
_OBJECT_CUES = set(
    """recall lament promise pledge vow announce stress emphasise emphasize describe mention
    cite highlight recount""".split()
)
_MORE = {"more", "further", "fresh", "new", "additional", "extra", "fewer", "less"}
_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "it", "himself", "herself", "themselves"}
# Adjectives of results and figures in business copy ('reported strong sales').
_OBJECT_ADJECTIVES = set(
    """strong weak record solid poor flat mixed healthy robust modest sharp big huge heavy
    annual quarterly net pre-tax full-year half-year first-half underlying rising falling
    disappointing higher lower stronger weaker better worse bigger smaller larger greater
    faster slower""".split()
)


_PLURAL_PEOPLE = {"people", "americans", "britons", "voters", "fans", "players", "women", "men"}
_NOT_BARE_VERB = DETERMINERS | PREPOSITIONS | NP_STOP | _VERBISH | _OBJECT_ADJECTIVES | {
    "who", "which", "whose", "themselves", "alike", "too", "all", "both", "each", "only",
    "like", "such", "than", "across", "nationwide", "here", "there", "abroad", "overseas",
    "earlier", "sooner", "again", "together", "instead", "first",
} | AUX_ADV | TEMPORAL  # fmt: skip


def _bare_verb(w: str) -> bool:
    """Whether ``w``, after a plural subject, reads as its verb in the present: a plain
    lower-case word, not a noun of a compound ('voters' rolls'), an adverb, a participle
    or a number."""
    return (
        w.isalpha()
        and w not in _NOT_BARE_VERB
        and not w.endswith(("ly", "ing", "s", "ed"))
        and len(w) > 2
    )


_LEAD_TRIM = " \t\n\xa0,:;–—-"
_TAIL_TRIM = " \t\n\xa0,:;.–—-"
# 'to spend more but has | said ...': the conjunction and auxiliaries of the next
# coordinated frame end no content.
_EDGE_WORDS = lazy_compile(
    r"^(?:and|but|as|with|while|so|then)\b|\b(?:and|but|as|with|while|so|then)"
    r"(?:\s+(?:then|later|also|has|have|had|would|will|still))*$"
)


def trim_span(text: str, s: int, e: int) -> Span | None:
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


def _quoted_share(ctx: Context, s: int, e: int) -> float:
    doc = ctx.doc
    i, j = doc.tokens_in((s, e))
    if j == i:
        return 0.0
    return sum(ctx.in_quote(doc.starts[k]) for k in range(i, j)) / (j - i)


def make_quote(ctx: Context, piece: Span, cue: Span | None, speaker: Span | None) -> Quote:
    piece = _quotation_then_adjuncts(ctx, piece)
    share = _quoted_share(ctx, *piece)
    if share >= 0.999:
        inside = ctx.segments_in(*piece)
        content = (max(inside[0][0], piece[0]), min(inside[-1][1], piece[1]))
        return Quote("direct", content, cue, speaker)
    if cue is not None and piece[0] > cue[1]:
        lead = _TIME_BEFORE_CONTENT.match(ctx.text, piece[0], piece[1])
        if lead is not None and lead.end() < piece[1]:
            # 'said Wednesday it is buying SeaMicro', 'said last week the plan ...': the
            # time belongs to the frame, not to what was said.
            piece = (lead.end(), piece[1])
    return Quote("mixed" if share > 0 else "indirect", piece, cue, speaker)


_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
"""The weekdays as a regular-expression alternation, for the frames' time words."""

# What the frame adds after a quotation it reports: when, where, to whom ('said "we will
# act" on Tuesday in London', 'said "we will act" to reporters').
_FRAME_ADJUNCT = lazy_compile(
    r"\s*(?:on|in|at|to|during|after|before|since|amid|following|last|this|"
    rf"yesterday|today|tonight|earlier|later|{_WEEKDAYS})\b"
)
# A verb after the quotation makes it the clause's subject ('said "the new rules" in
# Britain were unfair'): the clause goes on.
_FINITE = lazy_compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|does|"
    r"did|do)\b|n't\b"
)


def _quotation_then_adjuncts(ctx: Context, piece: Span) -> Span:
    """``piece`` cut at the closing mark of the quotation it opens with, when only the
    frame's adjuncts follow it: 'The minister said "we will act" on Tuesday in London.'
    reports "we will act", not the day and the place."""
    text = ctx.text
    if text[piece[0]] not in OPEN_MARKS or not ctx.in_quote(piece[0] + 1):
        return piece
    inside = ctx.segments_in(piece[0] + 1, piece[1])
    close = inside[0][1]
    if close >= piece[1] or text[close] not in CLOSE_MARKS or len(inside) > 1:
        return piece
    rest = text[close + 1 : piece[1]]
    if _FRAME_ADJUNCT.match(rest) is None or _FINITE.search(rest) is not None:
        return piece
    return (piece[0], close + 1)


_TIME_BEFORE_CONTENT = lazy_compile(
    r"(?:(?:on|last|this|early|late|earlier|later)\s+)?"
    rf"(?:{_WEEKDAYS}|week|month|year|night|"
    r"today|yesterday|tonight)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:that\s+)?"
    r"(?=(?:he|she|it|they|we|I|the|a|an|his|her|its|their|there|this|these|those)\b|"
    r"[A-Z][a-z]+\b)"
)


# 'Reid has gone after Trump as a “human leech”', 'a Times article hailed Trump as “The
# Comeback Kid”': a verb, its object, then 'as' and a quotation that characterises it.
_AS_HEAD = lazy_compile(
    r"\b([a-z]+(?:\s+(?:after|on|out|off|down|up))?)\s+"
    r"(him|her|them"
    r"|(?:(?:the|his|her|their|its)\s+)?(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*"
    r"(?:\s+[a-z][\w\-]*)?"
    r"|(?:the|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,2}[\w’'\-]+)\s+$"
)
_AS_TAIL = lazy_compile(r"\bas\s+(?:(?:a|an|the|being)\s+)?[“\"‘]$")
_FOR_TAIL = lazy_compile(r"\b(for)\s+(?:[^\s“”\"‘’.,;:!?]+\s+){0,8}?[“\"‘]$")
# Verbs of praise and blame, which report an utterance with 'X for ... “…”' (not 'accused
# X of “cheating”': a charge, as without the quotation marks).
_PRAISE_BLAME = set(
    """blast blasted blasting blasts slam slammed slamming slams criticize criticized criticizing
    criticizes criticise criticised criticising criticises attack attacked attacking attacks
    laud lauded lauding lauds praise praised praising praises hail hailed hailing hails fault
    faulted faulting faults mock mocked mocking mocks ridicule ridiculed ridiculing ridicules
    condemn condemned condemning condemns credit credited crediting credits thank thanked
    thanking thanks chide chided chiding chides scold scolded
    scolding scolds rebuke rebuked rebuking rebukes lambaste lambasted lambasting lambastes
    denounce denounced denouncing denounces commend commended commending commends applaud
    applauded applauding applauds berate berated berating berates""".split()
)
# Verbs whose 'X as "Y"' is no one's utterance: the copula, perception and belief
# ('see him as', a belief), and roles ('served as', 'hired him as').
_NOT_AS_VERBS = set(
    """is are was were be been being am known seen regarded viewed considered see sees saw
    treat treats treated treating serve serves served hired named appointed elected cast
    casts portrayed played plays such""".split()
)


def as_frame(ctx: Context, u0: int, u1: int) -> list[Quote]:
    """A characterisation with quoted words and a verb off the cue list: the object
    and its quoted description are the content, the sentence's subject speaks."""
    text = ctx.text
    out: list[Quote] = []
    # Only the words just before each opening mark can frame it: a short window
    # per quotation, not a scan of the whole sentence.
    for s, _ in ctx.segments_in(u0, u1):
        if s <= u0:
            continue
        tail = _AS_TAIL.search(text, max(u0, s - 20), s) or _FOR_TAIL.search(
            text, max(u0, s - 90), s
        )
        if tail is None:
            continue
        m = _AS_HEAD.search(text, max(u0, tail.start() - 90), tail.start())
        if m is None:
            continue
        praise = tail.lastindex is not None  # _FOR_TAIL has a group, _AS_TAIL none
        c0, c1 = m.span(1)
        verb = m.group(1).split()[0]
        if ctx.in_quote(c0) or verb in _NOT_AS_VERBS or verb in NP_STOP or verb in DETERMINERS:
            continue
        if praise and verb not in _PRAISE_BLAME:
            continue
        obj = m.group(2).split()
        if not praise and obj[0] in DETERMINERS and obj[1][:1].islower():
            # 'as' after a common noun object is too often a role ('hired the man as').
            continue
        speaker = np_backward(ctx.doc, u0, c0)
        if speaker is None or _passive_before(text, u0, c0) is not None:
            continue
        k = bisect_left(ctx.seg_starts, s)
        end = ctx.segs[k][1]
        # '... as a “human leech” and a “spoiled brat.”': a coordinated second one.
        more = _AND_QUOTE.match(text, end + 1, u1)
        if more is not None and k + 1 < len(ctx.segs) and ctx.segs[k + 1][0] <= more.end() + 1:
            end = ctx.segs[k + 1][1]
        end = min(u1, end + 1 if text[end : end + 1] in '”"’' else end)
        out.append(make_quote(ctx, (m.start(2), end), (c0, c1), speaker))
    return out


_AND_QUOTE = lazy_compile(r"[\s\xa0]*(?:and|or)\s+(?:(?:a|an|the)\s+)?[“\"‘]")


def _title_case(s: str) -> bool:
    words = [w for w in s.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) == len(words)


def orphan_quotes(
    ctx: Context, u0: int, u1: int, prev: Quote | None, prev_end: int
) -> list[tuple[Quote, bool]]:
    """Quoted text in a unit without a cue: a continuation of ``prev`` (flagged
    ``True``), or a quote on its own."""
    text = ctx.text
    out: list[tuple[Quote, bool]] = []
    k = max(0, bisect_right(ctx.seg_starts, u0) - 1)
    for s, e in ctx.segs[k:]:
        if s >= u1:
            break
        if e <= u0:
            continue
        s, e = max(s, u0), min(e, u1)
        n = ctx.count_words(s, e)
        if _title_case(text[s:e]):
            # '"Coal Isn't the Villain."': a title or headline, not somebody's words.
            continue
        # '"A. "B."': a quotation re-opened right after the one before it in this unit
        # starts afresh (flattened paragraphs of one quote), as the unit's first does.
        # ('`` No.': the backticks of Penn Treebank text open it as a mark would.)
        lead = text[out[-1][0].content[1] if out else u0 : s].strip(" \t\n“‘\"'«„”’`")
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
            q, continues = Quote("direct", (s, e), cue, prev.speaker, prev.speaker_name), True
        elif n >= 5 and starts_unit:
            q, continues = Quote("direct", (s, e)), False
        else:
            continue
        out.append((q, continues))
        prev = q
    return out


def belief_unit(ctx: Context, u0: int, u1: int, taken: list[Span]) -> list[Quote]:
    """Beliefs and findings in one unit: a cognition or evidence verb outside
    quotation marks and outside ``taken`` (speech already found), with a subject
    and a clause ('Officials believe the leak came from inside', 'the study found
    that ...'). Each is a quote of kind ``belief``."""
    text = ctx.text
    out: list[Quote] = []
    for w in _WORD.finditer(text, u0, u1):
        if w.group().lower() not in BELIEF_FORMS:
            continue
        c0, c1 = w.span()
        if ctx.in_quote(c0) or any(s <= c0 < e for s, e in taken):
            continue
        lo = out[-1].content[1] if out else u0
        speaker = np_backward(ctx.doc, lo, c0)
        if speaker is None:
            continue
        m = _THAT_FRAME.match(text, c1, u1)
        linked = m is not None and _links(ctx, c1, m.end())
        piece = trim_span(text, m.end() if linked else c1, u1)
        if piece is None or not (linked or _reports_content(ctx, (c0, c1), piece)):
            continue
        q = make_quote(ctx, piece, (c0, c1), speaker)
        q.kind = "belief"
        out.append(q)
    return out


# 'Asked if he would run, Smith said ...', '... when asked whether ...', 'Asked by
# reporters about the plan, ...': a question put to the speaker. Its content is the
# question; its speaker is whoever asked, when the text names them ('by X').
_QUESTION = lazy_compile(
    r"\b(?P<cue>[Aa]sked(?:\s+by\s+(?P<by>[^,;:.!?“”\"]{2,60}?))?"
    r"(?:\s+(?:again|repeatedly|later|specifically|directly|twice|several\s+times|(?:on\s+)?"
    rf"(?:{_WEEKDAYS}|yesterday|today)))?"
    r"(?:\s+about)?)\s+(?=[\w“\"‘])"
)
_QUESTION_OPENERS = {"if", "whether", "what", "how", "why", "who", "which", "where", "when", "to"}


def question_frames(ctx: Context, u0: int, u1: int) -> list[Quote]:
    """Questions put to a speaker, opening the sentence or after 'when' or a comma:
    'Asked if the plan would pass, Smith said ...'. The content runs from the question
    to its comma (or the end of the unit); a question needs 'about' or a question word
    or an infinitive after 'asked' ('Asked about the deal', 'asked whether', 'asked
    to describe'), so 'asked the court' is none."""
    text = ctx.text
    out: list[Quote] = []
    lead = u0 + len(text[u0:u1]) - len(text[u0:u1].lstrip(' \t\n“"‘'))
    for m in _QUESTION.finditer(text, lead, u1):
        c0 = m.start()
        if ctx.in_quote(c0) or (c0 != lead and not re.search(r"(?:when|,)\s$", text[u0:c0])):
            continue
        about = m.group("cue").endswith("about")
        first = _WORD.match(text, m.end(), u1)
        if first is None or not (about or first.group().lower() in _QUESTION_OPENERS):
            continue
        end = u1
        for comma in re.finditer(r",", text[m.end() : u1]):
            pos = m.end() + comma.start()
            if not ctx.in_quote(pos):
                end = pos
                break
            # '“realistic enough to serve,” 72 percent said': the quotation closes the
            # question.
            close = pos + 1
            if text[close : close + 1] in '”’"' and not ctx.in_quote(close):
                end = close + 1
                break
        piece = trim_span(text, m.end(), end)
        if piece is None or ctx.count_words(*piece) < 2:
            continue
        by = m.span("by") if m.group("by") else None
        out.append(make_quote(ctx, piece, m.span("cue"), by))
    return out
