"""``extract_quotes``: the stages run over one text."""

from __future__ import annotations

import re
from bisect import bisect_left

from storytrace.quotes.document import Context
from storytrace.quotes.frames import (
    as_frame,
    attribute_unit,
    belief_unit,
    colon_frame,
    orphan_quotes,
    question_frames,
    transcript_turns,
    trim_span,
)
from storytrace.quotes.lexicon import (
    ANY_CUE,
    BARE_SPEAKERS,
    CUE_FORMS,
    ORG_DESCRIPTORS,
    ORG_WORDS,
    PERSON_HEADS,
    PERSON_ROLES,
    PRONOUNS,
    RELATIVES,
    TITLES,
)
from storytrace.quotes.model import Quote, Span
from storytrace.quotes.parser import load_spacy, parse, parse_speaker, parse_unit
from storytrace.quotes.speakers import first_names, index_names, is_organisation, resolve_speaker
from storytrace.text import CLOSE_MARKS, doc_of, lazy_compile


def extract_quotes(text: str, *, parser: bool | None = None, beliefs: bool = False) -> list[Quote]:
    """Find every quotation in ``text``: direct, indirect and mixed, with speakers.

    ``parser``: ``True`` uses spaCy (the ``[nlp]`` extra; raises ImportError
    without it), ``False`` the rules only, ``None`` spaCy when installed.
    ``beliefs``: also report cognition and evidence verbs with a clause
    ('officials believe that ...', 'the study found that ...') as kind
    ``belief``; they are not speech, so they are off by default.
    Never fails on unbalanced marks: an unclosed mark runs to the end of its
    paragraph.
    """
    nlp = load_spacy(required=parser is True) if parser is not False else None
    doc = doc_of(text)
    if not doc.quotations and ANY_CUE.isdisjoint(doc.norms) and not beliefs:
        # No quotation mark and no reporting verb: nothing to find (most of a corpus
        # of briefs and listings), so neither the names index nor spaCy runs.
        return []
    ctx = Context(doc)
    sdoc = parse(nlp, text) if nlp is not None else None
    index_names(ctx, sdoc)
    quotes: list[Quote] = []
    continuations: set[int] = set()
    prev: Quote | None = None
    prev_unit_end = -1
    turn_end = -1
    head = ctx.head
    for u0, u1 in ctx.units:
        if u0 < turn_end or (head is not None and head[0] <= u0 and u1 <= head[1]):
            continue
        found, end = transcript_turns(ctx, u0, u1)
        turn_end = max(turn_end, end)
        if not found and prev is not None and (credit := _credited(ctx, prev, u0, u1)) is not None:
            # '"I helped write that bill." / - Sanders.': a line of a dash and a name
            # after a quotation paragraph credits it, as fact-checks and quote boxes
            # print them.
            prev.speaker, prev.speaker_name = credit, None
            resolve_speaker(ctx, prev, [q for q in quotes if q is not prev])
            continue
        if not found:
            found = attribute_unit(ctx, u0, u1)
            if not beliefs and all(_evidence(text, q) for q in found):
                # Findings only ('Leaked documents have suggested ...'), dropped below: the
                # unit's other frames are read as in a unit with no attribution.
                found = []
            found = found or colon_frame(ctx, u0, u1) or as_frame(ctx, u0, u1)
        if sdoc is not None:
            for q in found:
                parse_speaker(ctx, sdoc, q)
        if not found and sdoc is not None:
            found = parse_unit(ctx, sdoc, u0, u1)
        if not found:
            orphans = orphan_quotes(ctx, u0, u1, prev, prev_unit_end)
            found = [q for q, _ in orphans]
            continuations.update(id(q) for q, cont in orphans if cont)
        if not found and prev is not None and (block := _block_quote(ctx, prev, u0, u1)):
            found = [block]
            turn_end = max(turn_end, block.content[1])
        asked = question_frames(ctx, u0, u1)
        if asked:
            # 'Asked if he was bullied, the candidate said no': the question is not
            # the answerer's content; it is the asker's.
            found = [
                kept
                for p in found
                if (kept := _before_question(text, p, [q.cue[0] for q in asked if q.cue]))
            ]
            asked = [
                q
                for q in asked
                if not any(
                    p.content[0] < q.content[1] and q.content[0] < p.content[1] for p in found
                )
            ]
            found = sorted(found + asked, key=lambda q: q.content[0])
        found = [q for q in found if not _pronoun_object(text, q)]
        for q in found:
            _quotation_parts(ctx, q)
        for q in found:
            if _evidence(text, q):
                q.kind = "belief"
        if not beliefs:
            found = [q for q in found if q.kind != "belief"]
        if beliefs:
            found = found + belief_unit(ctx, u0, u1, [q.content for q in found])
        for i, q in enumerate(found):
            resolve_speaker(ctx, q, quotes + found[:i] if i else quotes)
        if found:
            # '“A,” Smith said when asked about the plan. “B.”': the quotation runs on
            # from the last quote with a speaker, not from the question put to it.
            prev = next(
                (q for q in reversed(found) if q.speaker is not None or q.cue is None), found[-1]
            )
            prev_unit_end = max(u1, turn_end)
        elif ctx.text[u0:u1].rstrip().endswith(":"):
            # 'He told the crowd:' with the quote in the next paragraph.
            dangling = colon_frame(ctx, u0, u1, dangling=True)
            if dangling:
                prev, prev_unit_end = dangling[0], u1
                resolve_speaker(ctx, prev, quotes)
        quotes.extend(found)
    for q in quotes:
        # 'Unilever said ... The company said': a name later shown to be an
        # organisation's is typed so in its earlier quotes too.
        if q.speaker_name in ctx.organisations and q.speaker_type == "unknown":
            q.speaker_type = "organisation"
    _lede_organisation(ctx, quotes)
    out = _utterances(text, quotes, continuations)
    for q in out:
        _frame_comma(text, q)
    speaker_evidence(text, out)
    return out


_BLANK = " \t\xa0"


def _frame_comma(text: str, q: Quote) -> None:
    """Drop from each part the comma that closes a quotation before its frame: in
    '"We are confident," he said.' the comma stands for the frame, not for the words said
    (the same quote reads "We are confident." after 'He said:'), so the part ends at
    "confident". A stop, question or exclamation mark is the speaker's and stays."""
    parts = []
    for s, e in q.parts:
        end, after = e, e
        while end > s and text[end - 1] in _BLANK:
            end -= 1
        while after < len(text) and text[after] in _BLANK:
            after += 1
        if (
            end > s + 1
            and text[end - 1] == ","
            and after < len(text)
            and text[after] in CLOSE_MARKS
        ):
            e = end - 1
            while e > s and text[e - 1] in _BLANK:
                e -= 1
        parts.append((s, e))
    if parts != q.parts:
        q.parts = parts
        q.content = (q.content[0], parts[-1][1])


# Evidence verbs among the speech cues: 'he suggested that …' reports speech, 'the
# figures suggest that …' a finding; so 'Moffat hinted that …', 'Mr Read had indicated
# that …' and 'surveys have indicated …'.
_EVIDENCE_CUES = {"suggest", "hint", "indicate"}
# Heads of findings, not of speakers ('polls', 'data' are in BARE_SPEAKERS).
_FINDINGS = {
    "polls", "poll", "studies", "study", "data", "surveys", "survey", "reports", "report",
    "documents", "document", "records", "figures", "statistics", "numbers", "results",
    "findings", "research", "evidence", "indicators", "measures", "estimates", "analysis",
}  # fmt: skip
# Things whose names end like an agent's ('-er', '-or'): no speaker.
_THINGS = {
    "paper", "letter", "number", "order", "matter", "power", "border", "chapter", "factor",
    "indicator", "sector", "monitor", "barometer", "register", "computer", "poster", "figure",
}  # fmt: skip
# Pieces of speech: 'a speech suggesting …', 'the statement suggested …' report speech.
_SPEECH_HEADS = {
    "speech", "statement", "letter", "e-mail", "email", "message", "memo", "interview",
    "tweet", "post", "release", "remarks", "comments", "address", "panel",
}  # fmt: skip
# 'the country suggested it would withdraw': a country or a state speaks through its
# government.
_POLITIES = {"country", "nation", "state", "kingdom", "republic", "regime", "city", "province"}
_PREPOSITION = lazy_compile(r"\s(?:of|on|in|at|for|from|by|about|with|into)\s")
_AGENT_ENDS = ("ist", "ian", "ant", "er", "or", "man", "men", "person", "people")


def _evidence(text: str, q: Quote) -> bool:
    """Whether ``q`` is a finding, not speech: an evidence verb ('suggests') whose
    subject is a thing ('his quiet determination suggests he is …', 'research
    suggests', 'the figures suggest'), not a person, a group or an organisation.
    The issue's contract: evidence verbs are not speech cues by default."""
    if q.cue is None or q.speaker is None:
        return False
    if CUE_FORMS.get(text[q.cue[0] : q.cue[1]].lower()) not in _EVIDENCE_CUES:
        return False
    # 'A study by researchers at Oxford': the head is the word before the first
    # preposition.
    words = _PREPOSITION.split(text[q.speaker[0] : q.speaker[1]], maxsplit=1)[0].split()
    if not words:
        return False
    head = re.sub(r"[’']s?$", "", words[-1].strip(",.;:"))
    low = head.lower()
    if low in _FINDINGS and (head[:1].islower() or len(words) == 1):
        # 'the figures', and 'Research suggests' capitalised as the first word.
        return True
    if not head[:1].islower() or not head.islower() or low in PRONOUNS or low in RELATIVES:
        # A name ('Smith suggested', 'eBay'), a pronoun or 'who': somebody.
        return False
    one = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if one in _THINGS:
        return True
    return not (
        one in PERSON_HEADS | BARE_SPEAKERS | ORG_DESCRIPTORS | ORG_WORDS
        or one in _SPEECH_HEADS | _POLITIES
        or low in BARE_SPEAKERS | _SPEECH_HEADS
        or one.endswith(_AGENT_ENDS)
    )


# Words that cannot follow the subject of a reported clause: after "it" they make it the
# cue's object ("He said it again", "She said it to reporters", "said it all").
_OBJECT_AFTER = frozenset(
    """again all too twice once before after in on at to during with for about over
    repeatedly himself herself themselves itself myself best well first""".split()
)
_ADVERBS_ONLY = frozenset("again and too twice once all repeatedly over".split())


def _pronoun_object(text: str, q: Quote) -> bool:
    """An indirect quote whose "content" is the cue's pronoun object and what follows it:
    'He said it again.' ("it again"), 'He said that again and again.' (read as "that" and
    the clause "again and again"). A reported clause has a subject and a verb; these
    words are neither, so nothing was reported (issue 15: a cue counts when it governs
    reported content, not a noun-phrase object)."""
    if q.kind != "indirect" or q.cue is None:
        return False
    words = text[q.content[0] : q.content[1]].lower().rstrip(" .,;:!?").split()
    if not words:
        return False
    if words[0] == "it" and (len(words) == 1 or words[1] in _OBJECT_AFTER):
        return True
    before = text[max(q.cue[1], q.content[0] - 6) : q.content[0]].lower().split()
    return before[-1:] == ["that"] and set(words) <= _ADVERBS_ONLY


# Heads of an unnamed organisation that a news lede names only later: 'an anti-fraud
# agency has said', 'a charity has warned'.
_LEDE_HEADS = ORG_DESCRIPTORS | set(
    """agency consultancy charity watchdog think-tank lobby organisation organization
    association institute federation trust""".split()
)
# 'Anti-fraud consultancy Retail Decisions': an organisation's description before a name.
_ORG_BEFORE = lazy_compile(
    r"(?i:\b(?:"
    + "|".join(sorted(_LEDE_HEADS))
    + r"))\s+(?:[A-Z][\w’'&\-]*\s+){0,3}[A-Z][\w’'&\-]*$"
)
_INDEFINITE = lazy_compile(r"(?:an?|one)\s+(?:[\w\-]+\s+){0,3}?([\w\-]+)")
# 'a leading industry figure', 'a PR expert': a person the lede leaves unnamed; not a
# spokesman or a lawyer, who speak for somebody else.
_LEDE_PERSONS = (PERSON_HEADS | {"figure", "expert", "campaigner", "politician", "insider"}) - {
    "spokesman", "spokeswoman", "spokesperson", "representative", "aide", "lawyer", "attorney",
}  # fmt: skip
# A person's name written in full, a title allowed before it ('Ann Kite', 'Dr Jo Bell').
_FULL_NAME = lazy_compile(
    r"(?:[A-Z][a-z]{1,4}\.?\s+)?[A-Z][\w’'\-]+(?:\s+(?:(?:de|van|von|da|le|la|du|der)\s+)?[A-Z][\w’'\-]+)+"
)


def _lede_organisation(ctx: Context, quotes: list[Quote]) -> None:
    """'New safeguards have led fraudsters to the internet, an anti-fraud agency has
    said. / Anti-fraud consultancy Retail Decisions says …': an organisation left
    unnamed in the article's first sentence is the named organisation quoted next,
    within a few sentences (the news lede names its source later)."""
    text = ctx.text
    k = bisect_left(ctx.unit_starts, ctx.head[1] if ctx.head else 0)
    if k >= len(ctx.units):
        return
    lede = ctx.units[k]
    for i, q in enumerate(quotes):
        if q.content[0] >= lede[1]:
            break
        if q.speaker is None or q.content[0] < lede[0]:
            continue
        phrase = text[q.speaker[0] : q.speaker[1]]
        if q.speaker_name in (None, phrase) and _ROLE_LEDE.fullmatch(phrase):
            _lede_role(ctx, q, lede)
            continue
        m = _INDEFINITE.fullmatch(phrase.lower())
        if m is None or q.speaker_name not in (None, phrase):
            continue
        if m.group(1) in _LEDE_PERSONS:
            _lede_person(ctx, q, quotes[i + 1 :], lede)
            continue
        if m.group(1) not in _LEDE_HEADS:
            continue
        later = next(
            (
                p
                for p in quotes[i + 1 :]
                if p.speaker is not None
                and p.speaker_name
                # An organisation, or a name written with an organisation's description
                # ('Anti-fraud consultancy Retail Decisions').
                and (
                    p.speaker_type == "organisation"
                    or (
                        _ORG_BEFORE.search(text, max(0, p.speaker[0] - 40), p.speaker[1])
                        is not None
                        and not set(text[p.speaker[0] : p.speaker[1]].lower().split())
                        & PERSON_HEADS
                    )
                )
                and p.speaker_name[:1].isupper()
                and p.speaker_name.lower() not in PRONOUNS
                and p.content[0] - q.content[1] < 800
                and text[p.speaker[0] : p.speaker[1]][:1].isupper()
            ),
            None,
        )
        if later is not None:
            q.speaker_name, q.speaker_type = later.speaker_name, "organisation"


# 'the work and pensions minister', 'the courts minister': a role in lower case.
_ROLE_LEDE = lazy_compile(r"[Tt]he\s+(?:[a-z\-]+\s+){0,4}[a-z\-]+")
# A full name opening a paragraph, then its verb: 'Patricia Hewitt is expected to …'.
_NAME_OPENS = lazy_compile(
    r"((?:[A-Z][a-z]{1,4}\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})\s+[a-z]"
)


def _lede_role(ctx: Context, q: Quote, lede: Span) -> None:
    """'Violent video games should carry larger warnings, the trade and industry
    secretary has said. / Patricia Hewitt is expected to …': a role the lede gives
    without a name is held by the person named in full who opens the next paragraph
    (BBC style names the speaker of the lede there)."""
    text = ctx.text
    words = text[q.speaker[0] : q.speaker[1]].lower().split()
    if words[-1] not in PERSON_ROLES | TITLES or words[-1] in ("spokesman", "spokeswoman"):
        return
    paras = ctx.doc.paragraphs
    k = bisect_left([p0 for p0, _ in paras], lede[1])
    if k >= len(paras):
        return
    m = _NAME_OPENS.match(text, paras[k][0], paras[k][1])
    if m is None:
        return
    name = m.group(1).split()
    if name[0].lower().strip(".") in TITLES:
        name = name[1:]
    elif name[0].lower() not in first_names():
        return
    full = " ".join(name)
    if len(name) >= 2 and not is_organisation(ctx, full):
        q.speaker_name, q.speaker_type = full, "person"


def _lede_person(ctx: Context, q: Quote, after: list[Quote], lede: Span) -> None:
    """'The German music business is "in the state of a zombie", a leading industry figure
    has said. / Tim Renner, the head of …, told …': the person a lede leaves unnamed is the
    one the next paragraph opens with, named in full in a speech frame of its own."""
    text = ctx.text
    paras = ctx.doc.paragraphs
    k = bisect_left([p0 for p0, _ in paras], lede[1])
    if k >= len(paras):
        return
    nxt = paras[k]
    first = next((p for p in after if p.speaker is not None), None)
    if (
        first is None
        or first.speaker is None
        or not nxt[0] <= first.speaker[0] < nxt[1]
        or first.speaker_type != "person"
        or not first.speaker_name
        or _FULL_NAME.fullmatch(text[first.speaker[0] : first.speaker[1]]) is None
        or len(first.speaker_name.split()) < 2
        # The name opens the paragraph's first sentence.
        or text[nxt[0] : first.speaker[0]].strip()
    ):
        return
    q.speaker_name, q.speaker_type = first.speaker_name, "person"


def speaker_evidence(text: str, quotes: list[Quote]) -> None:
    """Fill each quote's ``resolved_by`` and ``named_at``: how the speaker as written
    leads to ``speaker_name``, and where the article writes that name, so a reader can
    check the attribution (the resolver has many rules; the link each makes is one of
    these kinds).

    >>> t = 'Ed Balls spoke first. "We lost," he said.'
    >>> q = Quote("direct", (23, 30), (36, 40), (33, 35), "Ed Balls")
    >>> speaker_evidence(t, [q]); (q.resolved_by, q.named_at)
    ('pronoun', (0, 8))
    """
    mentions: dict[str, list[int]] = {}  # each name's starts, found once: linear in the text
    for q in quotes:
        name = q.speaker_name
        if not name:
            continue
        if name not in mentions:
            at, found = text.find(name), []
            while at >= 0:
                found.append(at)
                at = text.find(name, at + 1)
            mentions[name] = found
        starts = mentions[name]
        if q.speaker is None:
            q.resolved_by, where = "earlier-quote", q.content[0]
        else:
            phrase = text[q.speaker[0] : q.speaker[1]]
            where = q.speaker[0]
            named = {w for w in name.split() if w[:1].isupper() and w not in ("The", "A", "An")}
            if name in phrase:
                q.resolved_by, where = "as-written", q.speaker[0] + phrase.index(name) + 1
            elif phrase.lower() in PRONOUNS or phrase.lower() in RELATIVES:
                q.resolved_by = "pronoun"
            elif named & set(phrase.split()):
                q.resolved_by = "part-name"
            else:
                q.resolved_by = "description"
        k = bisect_left(starts, where)
        at = starts[k - 1] if k else (starts[0] if starts else None)
        q.named_at = None if at is None else (at, at + len(name))


# A sentence of narration between two quotations: a capital letter after a full stop
# (the first quotation's own included), not after an abbreviation or an initial ('Mr.
# Gray continued', 'George W. Bush'); '"...right?" Trump went on' is a frame.
_NARRATION = lazy_compile(
    r"(?<![A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<!\bGen)(?<!\bJr)(?<!\bSr)(?<!\bLt)(?<!\bCol)(?<!\bProf)(?<!\bRev)(?<!\bInc)(?<!\bCo)"
    r"\.[”’\"']*\s+[“‘\"']?[A-Z]"
)


def _utterances(text: str, quotes: list[Quote], continuations: set[int]) -> list[Quote]:
    """Join the pieces of one utterance: a quote interrupted by its frame
    ('"A," she said. "B."': the same cue) and a quote continued in the next
    sentence of the paragraph (same speaker, no cue of its own; a quotation does not
    continue reported speech)."""
    out: list[Quote] = []
    for q in quotes:
        last = out[-1] if out else None
        if (
            id(q) in continuations
            and last is not None
            and last.kind == "indirect"
            and len(out) >= 2
            and out[-2].kind != "indirect"
            and out[-2].speaker_name == q.speaker_name
            and "\n" not in text[out[-2].content[1] : q.content[0]]
        ):
            # '“A,” DuVernay said, emphasizing why the past matters. “B.”': the
            # quotation runs on from the direct quote, past the participle's clause.
            first = out[-2]
            first.parts.append(q.content)
            first.content = (first.content[0], q.content[1])
            continue
        if last is not None and (
            (q.cue is not None and q.cue == last.cue)
            or (
                id(q) in continuations
                and q.speaker == last.speaker
                and last.kind != "indirect"
                and "\n" not in text[last.content[1] : q.content[0]]
                # 'He walked again in January. "A." Physio sessions have been vital.
                # "B."': quotations set in narration without any frame are one
                # utterance each, between the narrator's sentences (a quote with a
                # frame runs on past them: '"A," she said. She paused. "B."').
                and not (
                    last.cue is None and _NARRATION.search(text, last.content[1] - 1, q.content[0])
                )
            )
        ):
            last.parts.append(q.content)
            last.content = (last.content[0], q.content[1])
            if last.kind != q.kind:
                last.kind = "mixed"
            continue
        out.append(q)
    return out


# A credit line: a dash, a name of one to four capitalised words (titles included), and
# perhaps a short description after a comma ('-Michelle Marks, Philadelphia.').
_CREDIT = lazy_compile(
    r"[ \t]*[-—–][ \t]*((?:[A-Z][\w’'.\-]*[ \t]+){0,3}[A-Z][\w’'\-]*)\.?"
    r"(?:,[^\n“”\"]{0,80})?[ \t]*$"
)


def _credited(ctx: Context, prev: Quote, u0: int, u1: int) -> Span | None:
    """The name a credit line gives ``prev``: the line is a paragraph of its own right
    after the paragraph that ``prev``, a quotation with no frame of its own, ends (a
    speaker it took over from the paragraph before gives way to the credit)."""
    text = ctx.text
    if prev.cue is not None or prev.kind != "direct":
        return None
    gap = text[prev.content[1] : u0]
    if "\n" not in gap or gap.strip(" \t\n.,!?”’\"'") or (u0 > 0 and text[u0 - 1] != "\n"):
        return None
    end = text.find("\n", u0)
    end = len(text) if end < 0 else end
    m = _CREDIT.match(text, u0, end)
    if m is None or text[u1:end].strip():
        return None
    return m.span(1)


def _quotation_parts(ctx: Context, q: Quote) -> None:
    """Split one content span that runs over several quotations with nothing but marks
    between them into those quotations: 'He added: "A. "B."', a closing mark the
    source forgot, is the two parts of '"A." "B."', each linked to the same words
    elsewhere (a quote key is a part's words)."""
    if len(q.parts) != 1 or q.kind == "indirect":
        return
    c0, c1 = q.content
    segs = ctx.segments_in(c0, c1)
    if len(segs) < 2 or segs[0][0] > c0 or segs[-1][1] < c1:
        return
    text = ctx.text
    gaps = (text[e:s] for (_, e), (s, _) in zip(segs, segs[1:], strict=False))
    if any(g.strip(" \t“”‘’\"'") for g in gaps):
        return
    q.parts = [(max(s, c0), min(e, c1)) for s, e in segs]


def _before_question(text: str, q: Quote, asked: list[int]) -> Quote | None:
    """``q`` less a question put to its speaker inside its content: 'He said he had
    not seen it, and when asked whether ..., he said' keeps 'he had not seen it' (the
    content up to the comma before the question); None when the question comes
    first or nothing of at least two words is left."""
    inside = [a for a in asked if q.content[0] <= a < q.content[1]]
    if not inside:
        return q
    comma = text.rfind(",", q.content[0], inside[0])
    piece = trim_span(text, q.content[0], comma) if comma > q.content[0] else None
    if piece is None or len(text[piece[0] : piece[1]].split()) < 2:
        return None
    q.parts = [(s, min(e, piece[1])) for s, e in q.parts if s < piece[1]]
    q.content = (q.content[0], q.parts[-1][1])
    return q


def _block_quote(ctx: Context, prev: Quote, u0: int, u1: int) -> Quote | None:
    """'Limbaugh added:' closing a paragraph, then a paragraph without quotation marks:
    the speaker's words set as a block. The paragraph after a dangling speech frame
    (a reporting verb and a colon, not 'the following:') is the quote, to its end."""
    text = ctx.text
    if (
        prev.content[0] != prev.content[1]
        or prev.cue is None
        or text[prev.cue[0] : prev.cue[1]].split()[0].lower() not in CUE_FORMS
        or text[prev.content[1] : u0].count("\n") not in (1, 2)
        or text[prev.content[1] : u0].strip()
    ):
        return None
    par_end = text.find("\n", u0)
    par_end = len(text) if par_end < 0 else par_end
    if ctx.segments_in(u0, par_end):
        return None
    piece = trim_span(text, u0, par_end)
    if piece is None or ctx.count_words(*piece) < 4:
        return None
    return Quote("indirect", piece, prev.cue, prev.speaker, prev.speaker_name)
