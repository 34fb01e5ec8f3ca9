"""Speakers: noun phrases around a cue, the names an article uses, and the
resolution of pronouns, surnames and descriptors to a full name."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from storytrace.names import zipf_frequency
from storytrace.quotes.document import Context, phrase_tokens
from storytrace.quotes.lexicon import (
    AUX_ADV,
    BARE_SPEAKERS,
    CLUB_ENDS,
    CLUB_OPENERS,
    CLUB_ROLES,
    CUE_FORMS,
    DETERMINERS,
    ED_ADJECTIVES,
    INITIALS,
    INTERVIEWERS,
    INTRO,
    IRREGULAR_PAST,
    LEAD_CONJ,
    NAME_PARTICLES,
    NAME_RUN,
    NOT_NAME,
    NOUNLIKE,
    NP_STOP,
    ORG_DESCRIPTORS,
    ORG_WORDS,
    PERSON_HEADS,
    PERSON_ROLES,
    PLACE_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    RELATIVES,
    SPOKES,
    STATEMENT_NOUNS,
    SUBJECT_PRONOUNS,
    TEMPORAL,
    TEMPORAL_LEAD,
    TITLES,
)
from storytrace.quotes.model import Quote, Span
from storytrace.text import Doc, lazy_compile
from storytrace.titles import (
    APPOSITION_WORDS,
    FEMALE_TITLES,
    MALE_TITLES,
    PERSONAL_TITLES,
    PLAIN_TITLES,
    ROLE_QUALIFIERS,
)

# Patterns built per name or head word. re's own cache holds 512 patterns for the whole
# process, and a batch of comparisons overflows it (other modules' patterns are pushed out
# too), so each was compiled again for every pair: ~1.2 ms of a batch pair's 25
# (bench/compare_bench.py). A cache of this module's own keeps them.
_pattern = lru_cache(maxsize=8192)(re.compile)


# Pieces of writing that claim or allege ('a journal article that claimed …', 'a study
# that says …'), beside the statement nouns.
_WRITTEN_SOURCES = {"article", "study", "paper", "lawsuit", "suit", "editorial", "column"}


def np_backward(doc: Doc, u0: int, c0: int) -> Span | None:
    """The noun phrase written just before a cue, skipping auxiliaries and adverbs.

    Handles appositives ("John Lamont, the shadow Scottish secretary, said")
    and relative pronouns ("a post by Sofia Patel, which said").
    """
    toks = phrase_tokens(doc, u0, c0)
    i = len(toks) - 1
    while i >= 0:
        lw = toks[i].group(0).lower()
        # "Ms. Sherry smiled and said": skip the first verb.
        if (
            lw == "and"
            and i > 0
            and toks[i - 1].group(0).islower()
            and (toks[i - 1].group(0).endswith("ed") or toks[i - 1].group(0) in IRREGULAR_PAST)
        ):
            i -= 2
        elif (
            lw in AUX_ADV
            or lw in TEMPORAL
            or (
                lw in TEMPORAL_LEAD
                and i + 1 < len(toks)
                and toks[i + 1].group(0).lower() in TEMPORAL
            )
            # 'Eric Schneiderman isn't saying if ...': a negated auxiliary.
            or (lw.endswith(("n't", "n’t")) and lw[:-3] in _NEGATED_AUX)
            # 'Trump openly admires', 'has been steadily pounding': an adverb.
            or (toks[i].group(0)[0].islower() and _adverb(lw) and i + 1 == len(toks))
        ):
            i -= 1
        elif (k := _time_adverbial_start(toks, i)) is not None:
            # 'Beck, who has in the past described ...', 'Ryan, who just a week ago
            # surprised Trump by declaring ...': a time phrase, not the subject.
            i = k - 1
        elif lw == "since" and i > 0 and toks[i - 1].group(0).lower() in ("has", "have", "had"):
            # 'She has since said that ...': an adverb of time, not a conjunction.
            i -= 1
        elif lw == "to" and i > 0 and toks[i - 1].group(0).lower() in _CATENATIVES:
            # 'he appeared to suggest that ...'.
            i -= 2
        elif (
            lw == "to"
            and i > 1
            and toks[i - 1].group(0).lower() == "on"
            and toks[i - 2].group(0).lower() in _GO
        ):
            # 'Trump went on to say ...', 'Ham went on to explain how ...'.
            i -= 3
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
    if lw in PRONOUNS or lw in _INDEFINITES:
        return toks[i].span()
    if lw[-2:] in ("’s", "'s") and lw[:-2] in SUBJECT_PRONOUNS:
        # "He’s claiming that ...": the pronoun without its auxiliary.
        return toks[i].start(), toks[i].end() - 2
    if (
        lw == "whom"
        and i > 1
        and toks[i - 1].group(0) == "of"
        and toks[i - 2].group(0).lower() in QUANTIFIERS | _PART_WORDS
    ):
        # '..., many of whom say the claims are unfounded': part of the group named
        # before.
        return toks[i - 2].start(), toks[i].end()
    if lw in RELATIVES:
        # The pronoun is the speaker as written; resolve_speaker names its antecedent.
        if i > 0 and toks[i - 1].group(0) == ",":
            return toks[i].span() if _closed_np(toks, i - 1, relative=True) else None
        if lw == "that":
            # 'a letter from his doctor Friday afternoon that says ...': a document
            # written just before speaks; any other 'that' opens a clause.
            for k in range(i - 1, max(-1, i - 9), -1):
                w_k = toks[k].group(0).lower()
                if not toks[k].group(0)[0].isalnum() or w_k in NP_STOP - {"from", "by", "of"}:
                    return None
                if w_k in STATEMENT_NOUNS | _WRITTEN_SOURCES:
                    start = k
                    # 'a British Medical Journal article': its publisher's name too.
                    while start > 0 and k - start < 4 and toks[start - 1].group(0)[:1].isupper():
                        start -= 1
                    if start > 0 and toks[start - 1].group(0).lower() in DETERMINERS:
                        start -= 1
                    return toks[start].start(), toks[i - 1].end()
                if k == i - 1 and w_k in PERSON_HEADS | ORG_DESCRIPTORS | ORG_WORDS | BARE_SPEAKERS:
                    # 'a committee that said ...': the relative pronoun, whose
                    # antecedent resolve_speaker names.
                    return toks[i].span()
            return None
        return toks[i].span()
    if w == "," and i > 1 and toks[i - 1].group(0) == ")":
        # 'Gov. John Kasich (R-OH), said': the party label, then the comma.
        j = i - 1
        while j > 0 and toks[j].group(0) != "(" and i - j < 9:
            j -= 1
        np = _scan_np(toks, j - 1) if toks[j].group(0) == "(" else None
        label = "".join(t.group(0) for t in toks[j + 1 : i - 1])
        if np is not None and (_PARTY_LABEL.fullmatch(label) or "-" in label):
            return toks[np[0]].start(), toks[np[1]].end()
        closed = _closed_np(toks, i, relative=False)
        if closed is not None and _person_name(phrase_tokens(doc, closed[0], closed[1])):
            # 'Nigel Marson, head of marketing at Transport for London (TfL), said': an
            # acronym closes the apposition; the name before it speaks.
            return closed
        if np is not None:
            # "India's biggest oil firm, Oil & Natural Gas Corp (ONGC), says": the
            # organisation the acronym spells out.
            return toks[np[0]].start(), toks[np[1]].end()
    if w == ",":
        opening = _relative_after_opening_name(toks, i)
        if opening is not None:
            # 'Marco Rubio, whose hometown, Miami, is projected …, argues', 'Beck, who
            # supported Sen. Ted Cruz, R-Texas, and …, said': the name the sentence opens
            # with, past the commas inside its relative clause.
            return opening
        return _closed_np(toks, i, relative=False)
    if w in ("—", "–", "-") and i > 2:
        # 'Jason Sims — a teacher from Mount Pleasant — says': the name before a
        # description set off by dashes (a spaced hyphen stands for one: 'Deborah
        # Reynolds - Santilli's girlfriend - told'), or a relative clause ('Donald
        # Trump - who previously said ... - said').
        j = next((k for k in range(i - 1, max(0, i - 40), -1) if toks[k].group(0) == w), None)
        if j is not None and j + 1 < i and _dash_opener(toks[j + 1].group(0)):
            np = _scan_np(toks, j - 1)
            if np is not None and _is_nameish(toks[np[0] : np[1] + 1]):
                return toks[np[0]].start(), toks[np[1]].end()
        if j is not None and j + 1 < i and i - j <= 12 and toks[j + 1].group(0).islower():
            # 'Mr Yushchenko - keen to reassure potential investors - had said': any
            # short aside after a person's name (a title and a surname, or a first
            # name and a surname).
            np = _scan_np(toks, j - 1)
            if np is not None and _person_name(toks[np[0] : np[1] + 1]):
                return toks[np[0]].start(), toks[np[1]].end()
        return None
    np = _scan_np(toks, i)
    if np is None:
        return None
    while (
        np[0] >= 2
        and toks[np[0] - 1].group(0) == "-"
        and toks[np[0] - 2].group(0)[:1].isupper()
        and toks[np[0] - 2].end()
        < toks[np[0] - 1].start()
        < toks[np[0] - 1].end()
        < toks[np[0]].start()
        and (before := _scan_np(toks, np[0] - 2)) is not None
    ):
        # 'Mid - South Canterbury Area Commander Dave Gaskin said': a hyphenated name
        # word that tokenised text (ECB+) spaces out, not a dash.
        np = (before[0], np[1])
    group = _group_chain(toks, np)
    if group is not None:
        # 'People with direct knowledge of Gates' work said', 'several GOP leaders on
        # the ground told', 'Aides to Clinton say': a group opening the clause speaks,
        # not the last noun phrase of its description.
        return group
    if (
        np[0] >= 4
        and toks[np[0]].group(0) == "the"
        and toks[np[0] - 1].group(0).istitle()
        and toks[np[0] - 2].group(0) in ("of", "at", "from")
        and (outer := _scan_np(toks, np[0] - 3)) is not None
        and _person_name(toks[outer[0] : outer[1] + 1])
    ):
        # 'Laura Brownlees of Save the Children said': the person, not 'the Children'.
        return toks[outer[0]].start(), toks[outer[1]].end()
    if np[0] >= 2 and toks[np[0] - 1].group(0) in ("in", "at", "from", "to", "on", "with"):
        # 'a spokeswoman for the St David's Centre in Cardiff said': the place ends
        # the description; 'an activist who spoke to aid workers at the camp
        # later said': the relative clause ends the subject.
        outer = _scan_np(toks, np[0] - 2)
        if outer is not None:
            words = {t.group(0).lower() for t in toks[outer[0] : outer[1] + 1]}
            if toks[outer[0]].group(0).lower() in DETERMINERS and (
                SPOKES.search(" ".join(words)) or words & (PERSON_ROLES | _EXPERTS)
            ):
                return toks[outer[0]].start(), toks[outer[1]].end()
            if toks[np[0] - 1].group(0) != "to" and _person_name(toks[outer[0] : outer[1] + 1]):
                # 'Bob Geldof in July said', 'Mr Hirsch from Retail Banking Research
                # said', 'the BBC's Sarah Rainsford in Moscow says': the person speaks,
                # not the month, the firm or the place.
                return toks[outer[0]].start(), toks[outer[1]].end()
        chained = _chain_subject(toks, np)
        if chained is not None:
            return chained
        rel = next(
            (
                k
                for k in range(np[0] - 2, max(-1, np[0] - 14), -1)
                if toks[k].group(0).lower() in ("who", "that") or not toks[k].group(0)[0].isalnum()
            ),
            None,
        )
        if rel is not None and toks[rel].group(0).lower() in ("who", "that") and rel > 0:
            subj = _scan_np(toks, rel - 1)
            if subj is not None:
                return toks[subj[0]].start(), toks[subj[1]].end()
    first = np[0]
    while first < np[1] and (
        _DATELINE_WORD.fullmatch(toks[first].group(0))
        # 'Feb 29', not 'May Smith'.
        or (_MONTH.fullmatch(toks[first].group(0)) and toks[first + 1].group(0)[0].isdigit())
    ):
        # 'Feb 29, 2012 2: 31 PM Advanced Micro Devices announced': a dateline's time
        # is no part of the name ('PM' would even read as a prime minister's title).
        first += 1
    if not toks[first].group(0)[0].isupper():
        # '26 percent said': the number is the subject's own.
        first = np[0]
    return toks[first].start(), toks[np[1]].end()


# Prepositions that tie a subject's noun phrases together ('the Gartner report on mobile
# TV broadcasting in Europe'), and those that set a place or a name after it.
_CHAIN_PREPOSITIONS = {"of", "on", "for", "by", "about", "in", "at", "from", "with", "into"}
_PLACE_PREPOSITIONS = {"in", "at", "across", "throughout"}


def _chain_subject(toks: list[re.Match[str]], np: tuple[int, int]) -> Span | None:
    """'Analysts in London said', 'the Gartner report on mobile TV broadcasting in
    Europe suggests', 'The head of the union in Scotland said': a common noun phrase
    opening the clause, then prepositional phrases ending in a place or a name. The
    subject is the phrase the chain opens with, not the place; its span ends before
    the place."""
    words = [t.group(0) for t in toks[np[0] : np[1] + 1]]
    if toks[np[0] - 1].group(0) not in _PLACE_PREPOSITIONS or not (
        all(w[:1].isupper() for w in words)
        or (words[0] == "the" and len(words) > 1 and all(w[:1].isupper() for w in words[1:]))
    ):
        return None
    first = None
    k = np[0] - 1
    while k >= 1 and toks[k].group(0) in _CHAIN_PREPOSITIONS:
        # The phrase before the preposition: words back to the next preposition or
        # the clause's start ('mobile TV broadcasting', 'broadband', 'the union').
        j = k - 1
        while (
            j >= 0
            and toks[j].group(0)[0].isalnum()
            and toks[j].group(0) not in _CHAIN_PREPOSITIONS
            and toks[j].group(0).lower() not in NP_STOP | PRONOUNS.keys()
            and not (toks[j].group(0).islower() and toks[j].group(0) in CUE_FORMS)
        ):
            if toks[j].group(0).lower() in DETERMINERS:
                j -= 1
                break
            j -= 1
        if j == k - 1:
            return None
        first = (j + 1, k - 1)
        k = j
    if first is None or (k >= 0 and toks[k].group(0)[0].isalnum()):
        # Not the clause's first phrase ('who spoke to aid workers at the camp').
        return None
    head = [t.group(0) for t in toks[first[0] : first[1] + 1]]
    low = head[-1].lower()
    document = low in _DOCUMENT_HEADS | {"review", "research"}
    if (document and words[0] == "the") or (toks[np[0] - 1].group(0) == "at" and not document):
        # 'a report in the Economic Observer said', 'economists at PricewaterhouseCoopers
        # warned': the paper, the firm speaks; 'A study by researchers at Oxford
        # suggests': the study.
        return None
    if low in _TIME_NOUNS or low in TEMPORAL or low in ("day", "week", "month", "year"):
        # 'a few hot days in the magnificent stadium in Athens reminded us': no speaker.
        return None
    if (
        not (
            head[0].lower() in DETERMINERS | QUANTIFIERS
            or low in BARE_SPEAKERS
            or (
                len(head) == 1
                and head[0][:1].isupper()
                and low.endswith("s")
                and low[:-1] in _EXPERTS
            )
        )
        or not head[-1].islower()
        and low not in BARE_SPEAKERS
    ):
        return None
    return toks[first[0]].start(), toks[np[0] - 2].end()


# Plural heads of a group of people that a prepositional description may follow
# ('Attorneys for Clinton', 'Staff for the House Select Committee on Benghazi').
GROUP_HEADS = BARE_SPEAKERS | {"staff", "majorities", "attorneys", "lawyers", "leaders"}
_GROUP_PREPOSITIONS = _CHAIN_PREPOSITIONS | {"to"}


def _group_chain(toks: list[re.Match[str]], np: tuple[int, int]) -> Span | None:
    """The subject 'GROUP (PREPOSITION NOUN-PHRASE)+' when it opens its clause and the
    group's head is a plural of people ('People with direct knowledge of Gates' work',
    'Aides to Clinton'): the whole phrase, not its last noun phrase."""
    k = np[0] - 1
    first = None
    while k >= 1 and toks[k].group(0) in _GROUP_PREPOSITIONS:
        before = _scan_np(toks, k - 1)
        if before is None:
            return None
        first = before
        k = before[0] - 1
    if first is None:
        return None
    # Only a conjunction opening the sentence may come before ('But several GOP leaders
    # on the ground told').
    if (
        k >= 0
        and toks[k].group(0)[0].isalnum()
        and (
            toks[k].group(0).lower() not in LEAD_CONJ
            or (k > 0 and toks[k - 1].group(0)[0].isalnum())
        )
    ):
        return None
    head = next(
        (j for j in range(first[0], first[1]) if toks[j + 1].group(0) in ("of", "for")),
        first[1],
    )
    if toks[head].group(0).lower() not in GROUP_HEADS:
        return None
    return toks[first[0]].start(), toks[np[1]].end()


def _group_head(phrase: str) -> bool:
    """'Attorneys for Clinton', 'Friends of Mr. Clinton's', 'one of the former
    prosecutors for David Petraeus': a group of people described by a tie to a name,
    who are not that name."""
    parts = re.split(r"\s(?:of|for|to|with|on|in|at|from|about)\s", phrase, maxsplit=1)
    if len(parts) < 2:
        return False
    words = parts[0].lower().split()
    if words in (["one"], ["some"], ["many"], ["most"], ["several"], ["two"], ["three"]):
        # 'one of the former prosecutors for X': the group the part is taken from.
        rest = re.split(r"\s(?:of|for|to|with|on|in|at|from|about)\s", parts[1], maxsplit=1)
        if len(rest) < 2:
            return False
        words = rest[0].lower().split()
    return bool(words) and words[-1] in GROUP_HEADS


def _person_name(toks: list[re.Match[str]]) -> bool:
    """Whether a noun phrase ends with a person's name: a title and a surname ('Mr
    Hirsch') or a known first name and a surname ('Bob Geldof')."""
    words = [t.group(0) for t in toks[-2:]]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    first = words[0].lower().strip(".")
    return first in PERSONAL_TITLES or (
        first in first_names() and words[-1].lower() not in NOT_NAME | PLACE_WORDS | ORG_WORDS
    )


# Heads of a description by expertise: 'A leading expert on the Cuban economy says'
# is the expert's, not the economy's.
_EXPERTS = {"expert", "experts", "specialist", "specialists", "researcher", "scholar", "academic"}

_DATELINE_WORD = lazy_compile(r"\d[\d:.,]*|[AaPp]\.?[Mm]\.?|GMT|UTC|EST|EDT|ET|BST|\|")
_MONTH = lazy_compile(
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


def _time_adverbial_start(toks: list[re.Match[str]], i: int) -> int | None:
    """Where a time phrase ending at token ``i`` starts: 'in the past', 'at the time',
    'in recent weeks', 'over the past year', 'a week ago', 'two years ago'; None if
    the words there are no such phrase."""
    words = [t.group(0).lower() for t in toks[max(0, i - 3) : i + 1]]
    if not words:
        return None
    last = words[-1]
    if last == "ago" and len(words) >= 3 and words[-2].rstrip("s") in _TIME_UNITS:
        k = i - 2
        if k > 0 and toks[k - 1].group(0).lower() == "just":
            k -= 1
        return k
    if last == "past" and words[-3:-1] in (["in", "the"], ["over", "the"], ["for", "the"]):
        return i - 2
    if re.fullmatch(r"(?:19|20)\d\d", last) and len(words) >= 2:
        # 'Here’s Clinton in December 1992:', 'Obama in 2008 said'.
        if words[-2] == "in":
            return i - 1
        if len(words) >= 3 and words[-3] == "in" and _MONTH.fullmatch(toks[i - 1].group(0)):
            return i - 2
    if last == "time" and words[-3:-1] == ["at", "the"]:
        return i - 2
    if last.rstrip("s") in _TIME_UNITS and len(words) >= 3:
        if words[-3:-1] in (["in", "recent"], ["over", "the"], ["in", "the"]):
            return i - 2
        if len(words) == 4 and words[0] in ("over", "in") and words[1:3] == ["the", "past"]:
            return i - 3
    return None


_TIME_UNITS = {"day", "week", "month", "year", "decade"}


def _dash_opener(word: str) -> bool:
    """Whether a word can open a description or relative clause set off by dashes
    after a name: a determiner, 'who'/'whose', or an owner ('Santilli's')."""
    low = word.lower()
    return (
        low in DETERMINERS
        or low in ("who", "whose", "including")
        or (low.endswith(("'s", "’s")) and word[:1].isupper())
    )


# "isn't saying if ..." reports a position; "wouldn't say when ..." a refusal, not
# content, so modal and past negations stay out.
_NEGATED_AUX = set("is was are were has have had".split())
_CATENATIVES = set("appeared appears seemed seems continued continues tried".split())
_GO = {"went", "goes", "go", "going", "gone"}
# Indefinite pronouns that can speak: 'Then someone asked how ...'.
_INDEFINITES = {"someone", "somebody", "everyone", "everybody", "nobody", "anyone"}
_PART_WORDS = {"some", "one", "none", "each", "few", "half", "majority", "dozens", "hundreds"}


def _relative_after_opening_name(toks: list[re.Match[str]], comma: int) -> Span | None:
    """The name opening the sentence when a relative clause (', who', ', whose') set
    after it runs, over commas of its own, to the ``comma`` before the cue."""
    j = 0
    while j < comma and toks[j].group(0).lower() in LEAD_CONJ:
        j += 1
    np_end = j
    while np_end + 1 < comma and toks[np_end + 1].group(0)[:1].isupper():
        np_end += 1
    if (
        np_end + 2 >= comma
        or toks[np_end + 1].group(0) != ","
        or toks[np_end + 2].group(0).lower() not in ("who", "whose")
        or not _person_name(toks[j : np_end + 1])
        and not (np_end == j and toks[j].group(0)[:1].isupper())
    ):
        return None
    inner = toks[np_end + 3 : comma]
    if not any(t.group(0) == "," for t in inner) or any(
        t.group(0) in (".", ";", ":") for t in inner
    ):
        # One comma only: the apposition rules below read it.
        return None
    return toks[j].start(), toks[np_end].end()


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
        and (
            comma - c2 == 2
            # 'of Flint, Mich., said': a state abbreviated with a full stop.
            or (
                comma - c2 == 3
                and toks[comma - 1].group(0) == "."
                # Not a party label: 'Mitch McConnell, R-Ky., said'.
                and toks[c2 + 1].group(0).isalpha()
            )
        )
        and toks[c2 - 1].group(0)[0].isupper()
        and toks[c2 + 1].group(0)[0].isupper()
    ):
        c2 = _prev_comma(toks, c2)
    if c2 is not None and c2 + 1 < comma:
        inner = toks[c2 + 1 : comma]
        before = c2 - 1
        # 'Rep. Gregory W. Meeks (D-N.Y.), chairman of ..., said': skip the party.
        if before > 0 and toks[before].group(0) == ")":
            j = before
            while j > 0 and toks[j].group(0) != "(" and before - j < 8:
                j -= 1
            if toks[j].group(0) == "(":
                before = j - 1
        outer = _scan_np(toks, before)
        if inner[0].group(0).lower() in ("who", "which", "whose"):
            if outer and all(t.group(0).isdigit() for t in toks[outer[0] : outer[1] + 1]):
                # 'Woodrow Benford, 58, who lives outside Minneapolis, says': the age.
                outer = _scan_np(toks, outer[0] - 2) if toks[outer[0] - 1].group(0) == "," else None
            return (toks[outer[0]].start(), toks[outer[1]].end()) if outer else None
        if (
            inner[0].group(0).lower() in PREPOSITIONS
            and outer
            and outer[0] >= 2
            and all(t.group(0).isdigit() for t in toks[outer[0] : outer[1] + 1])
            and toks[outer[0] - 1].group(0) == ","
        ):
            # 'Mark Hughes, 41, of Wrexham, Wales, said': the name before the age
            # and the home town.
            outer = _scan_np(toks, outer[0] - 2)
        if inner[0].group(0).lower() in PREPOSITIONS and outer:
            # 'The White House, in a statement, called': a phrase set off by commas.
            return toks[outer[0]].start(), toks[outer[1]].end()
        if outer and _PARTY_LABEL.fullmatch("".join(t.group(0) for t in inner)):
            # 'Mitch McConnell, R-Ky., said': a party label set off by commas.
            return toks[outer[0]].start(), toks[outer[1]].end()
        # 'Chi Onwurah, the Labour MP for Newcastle Central, said': an article opens
        # a description, however capitalised its words.
        if (
            outer
            and outer[0] >= 2
            and all(t.group(0).isdigit() for t in toks[outer[0] : outer[1] + 1])
            and toks[outer[0] - 1].group(0) == ","
        ):
            # 'Marley Anderson, 21, a junior from Las Vegas, said': the name before
            # the age.
            named = _scan_np(toks, outer[0] - 2)
            if named and _is_nameish(toks[named[0] : named[1] + 1]):
                return toks[named[0]].start(), toks[named[1]].end()
        described = inner[0].group(0).lower() in ("the", "a", "an") or any(
            t.group(0)[0].islower() and t.group(0) not in NAME_PARTICLES for t in inner
        )
        if described and outer and _is_nameish(toks[outer[0] : outer[1] + 1]):
            return toks[outer[0]].start(), toks[outer[1]].end()
        if not described and len(inner) <= 5 and _is_nameish(inner):
            return inner[0].start(), inner[-1].end()
        if (
            described
            and (outer is None or not _is_nameish(toks[outer[0] : outer[1] + 1]))
            and inner[-1].group(0)[:1].isupper()
            # Not 'including Patriot' or 'who ...': a description opens with a
            # determiner or a capital.
            and (inner[0].group(0)[:1].isupper() or inner[0].group(0).lower() in DETERMINERS)
        ):
            # 'One of the jilted bidders, Netherlands-based group LNM, said': the
            # description before is no name, the appositive ends with one.
            return inner[0].start(), inner[-1].end()
        # "Ramos, 58, told reporters": an age.
        if all(t.group(0).isdigit() for t in inner) and outer:
            return toks[outer[0]].start(), toks[outer[1]].end()
    np = _scan_np(toks, comma - 1)
    if relative and np is not None:
        return toks[np[0]].start(), toks[np[1]].end()
    return None


_PARTY_LABEL = lazy_compile(r"[RDI]-[A-Z][A-Za-z.]*")
# What may stand before a description that opens a frame: the end of the content
# (a comma, a closing mark) or the start of the unit.
_CONTENT_END = lazy_compile(r"(?:^|[,;:—–]|[”’\"'])\s*$")


def appositive_start(doc: Doc, lo: int, speaker: Span, c0: int) -> int:
    """Where the frame starts when the speaker is the name inside an appositive.

    In '"...," the mayor, Jane Hill, said' the speaker is Jane Hill and the role
    before her is part of the frame, not of the content: the description's start,
    when it follows the end of the content; else the speaker's own start.
    """
    text = doc.text
    s = speaker[0]
    if not text[speaker[1] : c0].lstrip().startswith(",") or not text[lo:s].rstrip().endswith(","):
        return s
    toks = phrase_tokens(doc, lo, s)
    np = _scan_np(toks, len(toks) - 2)
    if np is None or np[1] - np[0] > 7:
        return s
    first = toks[np[0]].group(0)
    if not (first.lower() in DETERMINERS or first[:1].isupper()):
        return s
    start = toks[np[0]].start()
    return start if _CONTENT_END.search(text, lo, start) else s


def _prev_comma(toks: list[re.Match[str]], comma: int) -> int | None:
    for j in range(comma - 1, max(-1, comma - 30), -1):
        w = toks[j].group(0)
        if w == ",":
            return j
        if not w[0].isalnum() and w not in "-–—()&'’" and not w.endswith("."):
            return None
        if w == "." and j > 0 and toks[j - 1].group(0).islower() and len(toks[j - 1].group(0)) > 3:
            # '... considered obviously illegal. Podesta, who said': a sentence ended
            # here ('Flint, Mich., said' keeps its abbreviation's full stop).
            return None
    return None


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
        if w in ("’", "'") and i > 0 and toks[i - 1].group(0).endswith("s") and i < end:
            # "Bernie Sanders’ campaign": a plural possessive.
            i -= 1
            continue
        if not w[0].isalnum():
            break
        if (
            lw == "and"
            and start is not None
            and i >= 2
            and toks[i - 1].group(0).isalpha()
            and toks[i - 1].group(0).islower()
            and toks[i - 2].group(0).lower() in ("the", "a", "an")
            and toks[end].group(0).lower() in PERSON_ROLES | TITLES
        ):
            # 'the trade and industry secretary', 'the work and pensions minister': an
            # office named by two nouns.
            i -= 1
            continue
        if (
            lw in NP_STOP
            or (w[0].islower() and (lw in CUE_FORMS or lw in PRONOUNS))
            or lw.endswith(("n't", "n’t"))
        ):
            break
        # "Swanson praised evangelist Franklin Graham": a past-tense verb ends the phrase.
        if (
            w[0].islower()
            and lw.endswith("ed")
            and lw not in ED_ADJECTIVES
            # 'the self-described democratic socialist', 'a well-connected aide'
            and "-" not in lw
            and i < end
            # 'one unaligned strategist', 'the injured driver': after a determiner
            # an -ed word is an adjective.
            and not (i > 0 and toks[i - 1].group(0).lower() in ("a", "an", "the", "one"))
        ):
            break
        start = i
        words += 1
        if lw in DETERMINERS:
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
    if words_np[-1].lower() in DETERMINERS and words_np != ["Some"]:
        # 'Some said ...; others said ...': 'Some' alone is a group of speakers.
        return None
    valid = (
        any(
            any(c.isupper() for c in w) or w[0].isdigit() or w.lower() in DETERMINERS
            for w in words_np
        )
        or words_np[-1].lower() in BARE_SPEAKERS
    )
    return (start, end) if valid else None


def _is_nameish(toks: list[re.Match[str]]) -> bool:
    if toks and toks[0].group(0).lower() in DETERMINERS | QUANTIFIERS:
        # 'One of the losing bidders': capitalised as the sentence's first word.
        toks = toks[1:]
    return any(
        t.group(0)[0].isupper() and t.group(0).lower().strip(".") not in NOT_NAME for t in toks
    )


_FORWARD_NP = lazy_compile(
    r"\s+((?:the|a|an|his|her|their|its|one|another|several|some|many|most|both|other|two|three"
    r"|four|five|(?:(?!(?:in|on|at|to|that|with|by|for|from"
    # 'said 9/11 widow Terry Strada': a number may open the description.
    r"|of|during|after|before|when|while|as)\b)[a-z0-9][\w’'/\-]*\s+){0,3}[A-Z][\w’'.\-]*)"
    # A verb ends no noun phrase: '— said Ali’s death is painful' is a clause.
    r"(?:\s+(?!(?:that|who|which|and|in|on|at|during|as|when|after|before|because"
    # 'said Castaignede ahead of the 12 March tie', 'said Smith yesterday': a time or
    # circumstance after the name.
    r"|ahead|following|amid|despite|against|since|until|yesterday|today|tonight"
    r"|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b)"
    r"[\w’'.\-]+){0,6}?)(?=\s*(?:[,.;:!?()—–]|$)|\s(?:that|who|which|and|in|on|at|during|as|when"
    r"|after|before|because|ahead|following|amid|despite|against|since|until|yesterday|today"
    r"|tonight)\b)"
)


def np_forward(text: str, c1: int, u1: int) -> Span | None:
    """The noun phrase after an inverted cue: 'said Mr Smith', 'according to the report'."""
    m = _FORWARD_NP.match(text, c1, u1)
    if m is None:
        return None
    s, e = m.span(1)
    if text[s:e].lower() in TITLES and text[e : e + 1] == ".":
        # 'said Rep. Beto O'Rourke (D-Tex.)': the title's full stop ends nothing.
        rest = _FORWARD_NP.match(text, e + 1, u1)
        if rest is not None and rest.start(1) == e + 2:
            e = rest.end(1)
    while e > s and text[e - 1] == ".":
        e -= 1
    return (s, e) if e > s else None


# Adverbs that open a sentence before its subject ('However, he held his fire'); they
# open runs of capitals too (RUN_OPENERS).
_SENTENCE_ADVERBS = frozenset(
    """however meanwhile instead still yet also now then indeed moreover furthermore
    nonetheless nevertheless later thus""".split()
)


def long_subject(ctx: Context, lo: int, c0: int) -> Span | None:
    """A subject the noun-phrase scan cannot read, written just before a bare cue:
    'Those close to him say', 'multiple sources privy to negotiations say'. The
    words since the clause began (at most eight, no verb among them, opening with a
    determiner, quantifier, capital or plural noun)."""
    text = ctx.text
    start = lo
    for m in _CLAUSE_START.finditer(text, lo, c0):
        start = m.end()
    toks = phrase_tokens(ctx.doc, start, c0)
    opened = len(toks) > 2 and toks[0].group(0) in _OPENING_CONJ
    if opened:
        # 'But opposition parties say': the conjunction opening the sentence (the
        # clause-start pattern reads it in lower case only) is no part of the subject.
        toks = toks[1:]
    words = [t.group(0) for t in toks]
    if not 2 <= len(words) <= 8 or not all(w[0].isalnum() for w in words):
        return None
    low = [w.lower() for w in words]
    for w in low[1:]:
        if w in NP_STOP - PREPOSITIONS - {"it", "and"} or w in AUX_ADV or w in IRREGULAR_PAST:
            return None
        if w.endswith("ed") and w not in ED_ADJECTIVES or w.endswith(("n't", "n’t")):
            return None
    head = low[0]
    if (
        not (
            head in DETERMINERS
            or head in QUANTIFIERS
            or head in ("those", "these", "multiple", "other", "some")
            # '..., but majorities in all five say', '..., and nearly three in five
            # said': a plural noun or an approximate number opens the subject.
            or (head in _APPROXIMATELY and (low[1][:1].isdigit() or low[1] in QUANTIFIERS))
            or head in ("majority", "majorities", "minority")
            or words[0][0].isupper()
            or head in BARE_SPEAKERS
            or head in ED_ADJECTIVES
            # 'But opposition parties say': after the conjunction, a plural noun ends it.
            or (opened and low[-1].endswith("s") and not low[-1].endswith("ss"))
        )
        or head in SUBJECT_PRONOUNS
    ):
        return None
    return toks[0].start(), toks[-1].end()


_OPENING_CONJ = {w.capitalize() for w in LEAD_CONJ}
_CLAUSE_START = lazy_compile(r"[,;:—–]\s*|\b(?:and|but|that|while|as|because)\s+")
_APPROXIMATELY = {"nearly", "almost", "about", "around", "roughly", "over", "some", "only"}


def clause_subject(ctx: Context, u0: int, c0: int, whole: bool = False) -> Span | None:
    """The subject of a participle cue: the first noun phrase of the sentence after
    any introductory phrase ("On Sunday, Mr. Trump echoed ..., saying"); with
    ``whole``, of the sentence ``text[u0:c0]`` (no participle closing it)."""
    text = ctx.text
    dateline = DATELINE.match(text, u0, c0)
    if dateline is not None:
        # 'WASHINGTON — Sen. Sanders defended ..., saying', 'PARIS, Aug 31 (Reuters) -
        # ...': the dateline is no subject.
        u0 = dateline.end()
    starts = [u0] + [m.end() for m in re.finditer(r",\s*|\s[—–―-]+\s*", text[u0:c0])]
    weak: Span | None = None
    strong: Span | None = None
    lower_subject: Span | None = None
    opened = False
    segments = starts[:-1] if len(starts) > 1 and not whole else starts
    last = len(segments) - 1
    subordinate_last = last > 0 and _subordinate_subject(
        phrase_tokens(ctx.doc, u0 + segments[last], c0)
    )
    for k, start in enumerate(segments):
        toks = phrase_tokens(ctx.doc, u0 + start if k else u0, c0)
        if opened and lower_subject is None and toks:
            # The clause after an opening phrase: its subject may be written in lower
            # case ('Outside the arena, about 200 protesters congregated ...').
            lower_subject = _lower_subject(toks)
        # 'And then Trump went on the attack, saying': conjunctions are not the subject.
        while len(toks) > 1 and toks[0].group(0).lower() in LEAD_CONJ:
            toks.pop(0)
        while len(toks) > 1 and toks[0].group(0).lower() in _SENTENCE_ADVERBS:
            # 'However, he held his fire, calling him ...'
            toks.pop(0)
            if toks and toks[0].group(0) == ",":
                toks.pop(0)
        toks = _after_time_phrase(toks)
        if (
            len(toks) >= 2
            and toks[0].group(0).lower() == "even"
            and toks[1].group(0).lower() in ("so", "then", "now")
            and (len(toks) == 2 or toks[2].group(0) == ",")
        ):
            # 'Even so, many backers privately say ...': a sentence adverb.
            continue
        if k and k == last and _subordinate_subject(toks):
            # 'It was a potent punch, as Mrs. Clinton echoed the criticism, saying ...':
            # the clause just before the participle has its own subject.
            toks = toks[1:]
        head = toks[0].group(0) if toks else ""
        if head.lower() in SUBJECT_PRONOUNS:
            # 'Speaking in his real voice, he proceeded to ..., saying:'
            if k == last or not subordinate_last:
                return toks[0].span()
            strong = toks[0].span()
            continue
        if not head or (
            # 'Shortly after collecting the trophy, Federer ...': an adverb opens it.
            (head.lower() in INTRO or head[0].islower() or _opening_adverb(head.lower()))
            and head.lower() not in DETERMINERS
            and head.lower() not in QUANTIFIERS
        ):
            continue
        if _opening_phrase(toks):
            # 'Walking to the next address, Ebeling reminisced ... and said', 'Outside
            # the arena, about 200 protesters ... chanting': a prepositional or
            # participial phrase opens the sentence; the subject comes after its comma.
            opened = k == 0
            continue
        end = None
        at_verb = False
        for i, t in enumerate(toks):
            w = t.group(0)
            lw = w.lower()
            if lw in TEMPORAL or lw in _TIME_NOUNS:
                # 'But a few days later, Trump reversed himself': a time phrase.
                end = None
                break
            if (
                w == "."
                and 0 < i < len(toks) - 1
                and _ABBREVIATION.fullmatch(toks[i - 1].group(0))
                and toks[i + 1].group(0)[:1].isupper()
            ):
                # 'Adm. Harry B. Harris Jr., who ...': the stop of an abbreviated
                # title, inside the name.
                continue
            if (
                not w[0].isalnum()
                or (w[0].islower() and (lw in NP_STOP or lw in AUX_ADV))
                or lw.endswith(("n't", "n’t"))
                # 'Mr. Schultz generally supported ...': an adverb before the verb.
                or (i > 0 and w[0].islower() and _adverb(lw))
            ):
                # "Feldman wouldn't say when ... but said": the subject ends at its verb.
                end = i
                at_verb = w[0].isalnum()
                break
            if (
                i > 1
                and w[0].islower()
                and lw not in PREPOSITIONS
                and toks[i - 1].group(0).lower()[:-1] in _PLURAL_STEMS
                and toks[i - 1].group(0).lower().endswith("s")
            ):
                # 'All of the GOP candidates oppose ...': the word after a plural head
                # is its verb, whatever its form.
                end = i
                at_verb = True
                break
            if (
                w[0].islower()
                and (lw.endswith(("ed", "s")) or lw in IRREGULAR_PAST or lw in _SUBJECT_VERBS)
                and lw not in DETERMINERS
                and i > 0
                # 'the organisers reversed': a plural noun after its determiner.
                and not (
                    lw.endswith("s") and toks[i - 1].group(0).lower() in DETERMINERS | QUANTIFIERS
                )
                # 'Other Republican candidates', 'Consulting firms': a plural of a word
                # for people or a firm, not a verb.
                and not (lw.endswith("s") and lw[:-1] in _PLURAL_STEMS)
            ):
                end = i
                at_verb = True
                break
        if (
            end
            and weak is not None
            and k > 0
            and text[weak[1] : u0 + start].strip() == ","
            # The name itself: two capitalised words at least ('There, the chairman
            # declined ...' opens with an adverb).
            and len(weak_words := text[weak[0] : weak[1]].split()) >= 2
            and all(w[:1].isupper() or w[:1].isdigit() for w in weak_words)
            and (
                toks[0].group(0) in ("a", "an", "the")
                or toks[end].group(0).lower() in PREPOSITIONS | {"who", "which", "whose"}
            )
        ):
            # 'Ms. Brainard, a Fed governor since 2014, has emerged ..., pressing',
            # 'Morton Blackwell, founder of ..., YAF member in the 1960s ...,
            # endorsed Cruz, saying': a description set off by commas after the name
            # is its apposition, not the subject.
            continue
        if end:
            span = toks[0].start(), toks[end - 1].end()
            if at_verb:
                # The subject nearest the participle: 'Speaking in Salem, New Hampshire,
                # Trump went after Bush, calling him ...' is Trump's, not the place's.
                strong = span
                if whole:
                    return span
            elif weak is None:
                # A noun phrase closed by punctuation ('Khan, who is Muslim, also
                # decried ...'): the subject only if no clause below names another.
                weak = span
    found = strong or weak or lower_subject
    if found is not None and not whole:
        agent = _passive_agent(ctx, found, c0)
        if agent is not None:
            return agent
    return found


# 'The decision was welcomed by Jane Smith, who …, saying': a passive with its agent.
_PASSIVE_BY = lazy_compile(
    r"\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+by\s+"
)
_AGENT = lazy_compile(
    r"((?:(?:the|a|an|some|many|several|local|[A-Z][\w’'.\-]*|[a-z\-]+(?=\s+[a-z\-]*\s*[A-Z]))\s+){0,5}"
    r"[A-Z][\w’'\-]+|(?:the|some|many|several)\s+(?:[a-z\-]+\s+){0,2}[a-z\-]+s)(?=\s*(?:,|\swho\s|\swhich\s))"
)


def _passive_agent(ctx: Context, subject: Span, c0: int) -> Span | None:
    """The agent of a passive clause whose subject is a thing ('The decision was
    welcomed by Jane Smith, who runs …, saying'; 'The bill was backed by some hi-tech
    firms, saying'): the participle is the agent's, not the decision's."""
    text = ctx.text
    words = text[subject[0] : subject[1]].split()
    if (
        len(words) < 2
        or words[0].lower() not in ("the", "this", "that", "a", "an")
        or any(w[:1].isupper() for w in words[1:])
        or words[-1].lower() in PERSON_HEADS | PERSON_ROLES | GROUP_HEADS
    ):
        return None
    by = _PASSIVE_BY.match(text, subject[1], c0)
    if by is None:
        return None
    agent = _AGENT.match(text, by.end(), c0)
    if agent is None:
        return None
    return agent.start(1), agent.end(1)


def _subordinate_subject(toks: list[re.Match[str]]) -> bool:
    """Whether a clause opens with a subordinator and its subject ('as Mrs. Clinton
    echoed', 'while he spoke')."""
    return (
        len(toks) > 2
        and toks[0].group(0).lower() in _SUBORDINATORS
        and (toks[1].group(0)[0].isupper() or toks[1].group(0).lower() in SUBJECT_PRONOUNS)
    )


_SUBORDINATORS = {"as", "while", "when", "because", "since", "although", "though", "after"}
# A capitalised abbreviation that a full stop may follow inside a name ('Adm', 'Gen').
_ABBREVIATION = lazy_compile(r"[A-Z][a-z]{1,3}")


def _lower_subject(toks: list[re.Match[str]]) -> Span | None:
    """A lower-case subject ('about 200 protesters', 'average voters'): up to six
    words before the first verb, auxiliary or punctuation, ending in a plural noun."""
    end = 0
    for t in toks[:7]:
        w = t.group(0)
        lw = w.lower()
        if (
            not w[0].isalnum()
            or lw in AUX_ADV
            or lw in ("may", "might", "can", "should", "must", "shall")
            or lw in NP_STOP - PREPOSITIONS
            or lw in IRREGULAR_PAST
            or (lw.endswith("ed") and lw not in ED_ADJECTIVES)
        ):
            break
        end += 1
    if not 1 < end < 7 or not toks[end - 1].group(0).endswith("s"):
        return None
    return toks[0].start(), toks[end - 1].end()


def _opening_phrase(toks: list[re.Match[str]]) -> bool:
    """Whether the clause opens with a preposition ('Outside the arena', 'Absent a
    defense') or a participle followed by its complement ('Walking to', 'Pressed on'),
    not with a noun phrase. 'About' is left out: 'About two-thirds of voters' is a
    subject."""
    head = toks[0].group(0)
    low = head.lower()
    if low in _OPENING_PREPOSITIONS:
        return True
    if len(toks) < 2 or len(head) < 5 or not head[0].isupper():
        return False
    nxt = toks[1].group(0)
    if (
        _adverb(low)
        and low not in ("early", "only")
        and len(toks) > 2
        and nxt.islower()
        and nxt.endswith("ing")
    ):
        # 'Hastily politicizing the tragedy in Nice, Trump cast the blame ...': an
        # adverb before the participle.
        return True
    return (
        low.endswith(("ing", "ed"))
        and nxt[0].islower()
        and (nxt in PREPOSITIONS or nxt in DETERMINERS or nxt in ("his", "her", "their"))
    )


_OPENING_PREPOSITIONS = (PREPOSITIONS - {"about", "up", "out", "off", "as"}) | set(
    """outside inside absent amid amidst beyond throughout ahead near behind beside besides
    following given""".split()
)


def _after_time_phrase(toks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The tokens after an opening time phrase ('A few minutes later they ...', 'a few
    days later, Trump ...'); all of them when the clause opens otherwise."""
    times = [k for k, t in enumerate(toks[:6]) if t.group(0).lower() in TEMPORAL | _TIME_NOUNS]
    if not times:
        return toks
    for t in toks[: times[0]]:
        lw = t.group(0).lower()
        if not (
            lw in PREPOSITIONS or lw in DETERMINERS or lw in QUANTIFIERS or lw[0].isdigit()
        ) and not (t.group(0)[0].islower() and t.group(0).isalpha()):
            return toks
    j = times[0] + 1
    while j < len(toks) and toks[j].group(0).lower() in ("later", "ago", "earlier", ","):
        j += 1
    return toks[j:] if j < len(toks) else toks


_TIME_NOUNS = {"days", "weeks", "months", "years", "hours", "minutes", "ago", "decades"}
# A dateline opening the text: 'WASHINGTON — ', 'New York (AFP) – ', 'PARIS, Aug 31
# (Reuters) - '.
DATELINE = lazy_compile(
    r"[ \t]*(?:[A-Z]{2,}[A-Z.]*(?:[ ,]+[A-Z]{2,}[A-Z.]*)*|[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,2}"
    r"(?=[ ,]+(?:[A-Z][a-z]{2}\.?\s+\d|\()))"
    r"(?:,?\s+[A-Z][a-z]{2}\.?\s+\d{1,2})?(?:\s*\((?:AFP|Reuters|AP|CNN|UPI|dpa)\))?\s*[—–-]+\s+"
)


# Past tenses that end a sentence's subject ('Roger Federer beat Andy Roddick'), beyond
# IRREGULAR_PAST, which the content rules share.
# Nouns whose plural ends a subject's words as a verb's '-s' would ('candidates').
_PLURAL_STEMS = (PERSON_HEADS | ORG_DESCRIPTORS) - {"host", "anchor", "judge", "author", "chief"}
_SUBJECT_VERBS = {"beat", "sold", "bought", "fought", "caught", "built", "spent", "cast", "put"}

# Nouns ending in -ly, which _adverb must not take for adverbs.
_LY_NOUNS = set(
    """family ally rally assembly supply anomaly monopoly reply belly bully jelly lily holly
    italy july emily kelly sally molly polly daily weekly""".split()
)


def _opening_adverb(word: str) -> bool:
    """'Shortly', 'Separately', 'Reportedly': an adverb opening a sentence. A closed
    list and suffixes no surname has ('Reilly', 'Connolly' and 'Kelly' are names)."""
    return word in _OPENING_ADVERBS or (
        len(word) > 6 and word.endswith(("ally", "ously", "ately", "edly", "ently", "antly"))
    )


_OPENING_ADVERBS = set(
    """shortly recently earlier later separately similarly previously finally initially
    originally eventually subsequently currently ultimately notably meanwhile soon
    privately publicly personally frankly clearly apparently""".split()
)


def _adverb(word: str) -> bool:
    """'generally', 'only': an adverb between a subject and its verb."""
    return word == "only" or (word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS)


# Words capitalised only because they open a sentence, never a name's first word: a run of
# capitals they open ('Then Brafman exposed', 'Despite Santilli's insistence', 'Even Lindsey
# Graham, who has endorsed Cruz') names the person after them. On PolNeAR's 924 train and
# dev articles 'Then Brafman', 'Despite Santilli', 'Although Weiner', 'Yet Clinton' and nine
# more such runs were given as speakers (44 quotes).
RUN_OPENERS = _SENTENCE_ADVERBS | frozenset(
    """although though despite even neither either both nor with without unlike once if
    because since while when after before during but and or""".split()
)


# Where a sentence or a line opens: its start, or a full stop, colon or line break.
_SENTENCE_OPENS = lazy_compile(r"(?:^|[.!?:\n])[\s“\"‘']*$")
_SPAN_OPENER = lazy_compile(r"([A-Za-z]+)[ \t]+(?=\S)")


def drop_openers(words: list[str]) -> list[str]:
    """``words`` without the sentence-opening function words before a name.

    >>> drop_openers(["Then", "Brafman"]), drop_openers(["Even", "Lindsey", "Graham"])
    (['Brafman'], ['Lindsey', 'Graham'])
    >>> drop_openers(["Neither"])
    ['Neither']
    """
    k = 0
    while k < len(words) - 1 and words[k].lower() in RUN_OPENERS:
        k += 1
    return words[k:]


def index_names(ctx: Context, sdoc: Any) -> None:
    """Full names and their descriptors, for resolving later mentions."""
    text = ctx.text
    titled: set[str] = set()
    for m in _CLUB_ROLE.finditer(text):
        # 'Forest manager Gary Megson', 'Former Arsenal striker Ian Wright': the name
        # before a team role is the team's.
        words = m.group(1).split()
        while words and words[0].lower().strip(".") in _BEFORE_CLUB:
            words.pop(0)
        if words and not all(w.lower() in NOT_NAME for w in words):
            ctx.organisations.add(" ".join(words))
    if sdoc is not None:
        head = ctx.head
        for ent in sdoc.ents:
            if ent.label_ == "ORG":
                ctx.organisations.add(re.sub(r"^[Tt]he\s+", "", ent.text.strip()))
            if ent.label_ == "PERSON" and (
                _club(ent.text.strip()) or ent.text.strip() in ctx.organisations
            ):
                # 'Nottingham Forest', tagged a person: a club is no one's 'he'.
                ctx.organisations.add(ent.text.strip())
                continue
            if ent.label_ == "PERSON" and " " in ent.text.strip():
                if head and ent.start_char < head[1] and not _named_below(text, ent.text, head[1]):
                    # In a headline (in title case most of all) every word looks like a
                    # name to the parser ("Pulls Gun On And Handcuffs Guards"): a person
                    # named there counts only when the article names them again.
                    continue
                words = drop_openers(ent.text.split())
                own = _owner_end(words)
                if own >= 0 and len(words) - own > 2:
                    # "Plaid Cymru's Elfyn Llwyd": the person after the owner.
                    words = words[own + 1 :]
                elif own >= 0:
                    # "Wales' Maniffesto", "Trump's campaign": no person's name.
                    continue
                name = _strip_titles(re.sub(r"[’'‘]s\b.*$", "", " ".join(words), flags=re.S))
                if name and " " in name and not _place_around(text, ent.start_char, ent.end_char):
                    ctx.names.append((ent.start_char, name))
                    ctx.persons.add(name)
    title_end = text.find("\n")
    lone: set[str] = set()
    for m in _name_runs(text):
        words = m.group(0).split()
        title = None
        own = _owner_end(words)
        if own >= 0:
            # "Germany's Tommy Haas", "Plaid Cymru's Elfyn Llwyd": the name follows
            # its owner.
            words = words[own + 1 :]
        # 'South Sudan President Salva Kiir', 'White House Press Secretary Josh
        # Earnest': the name follows the last title or role word of the run.
        cut = max(
            (
                k
                for k, w in enumerate(words[:-1])
                # 'Vice-President Dick Cheney': a hyphenated title.
                if w.lower().strip(".") in _NOT_IN_NAME
                or w.lower().rsplit("-", 1)[-1] in TITLES | {"president", "minister"}
            ),
            default=-1,
        )
        if cut >= 0 and _COMPASS.fullmatch(words[cut]):
            # 'New York Times', 'South Korean-born Monte Haines': a compass word or
            # 'New' opens a place's name of two words, not a title; cut there it left
            # 'York Times', no one's name.
            words = words[cut + 2 :]
            cut = -1
        if cut >= 0:
            if words[cut].lower().strip(".") in TITLES:
                title = words[cut].lower().strip(".")
            words = words[cut + 1 :]
        if (
            len(words) >= 3
            and words[0].lower() not in first_names()
            and words[1].lower() in first_names()
            and (
                _DEMONYM.fullmatch(words[0])
                or words[0].lower() in PERSON_ROLES
                # 'Defiant Matt Williams says …', 'First Mark Cueto was judged …': an
                # English word opening the sentence, capitalised as its first.
                or (
                    own < 0
                    and cut < 0
                    and _SENTENCE_OPENS.search(text, max(0, m.start() - 4), m.start()) is not None
                    and zipf_frequency(words[0].lower()) >= 2.5
                )
            )
        ):
            # 'Argentine David Nalbandian', 'Keeper Tony Bullock': a word before a
            # first name describes the person.
            words = words[1:]
        # After the cuts above ('Twitter. Although Weiner': the sentence's first word).
        words = drop_openers(words)
        if len(words) == 1:
            lone.add(re.sub(r"[’']s$", "", words[0].rstrip(".")))
        if (
            len(words) == 2
            and m.start() < title_end
            and cut < 0
            and own < 0
            and words[0].lower() not in first_names()
        ):
            # A headline's 'Off-colour Gardener', 'Faultless Federer': the first word
            # is capitalised as the headline's, and describes the person named below.
            continue
        if len(words) < 2 or len(words) > 4:
            if title and len(words) == 1:
                titled.add(words[0])
                g = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else ""
                if g:
                    ctx.genders.setdefault(words[0], g)
            continue
        if any(w.lower().strip(".’'s") in NOT_NAME for w in words) and not (
            # 'Liam Fox', 'Emily Post': a first name, then a surname that is also an
            # organisation's word (not 'Fox News', 'Washington Post').
            len(words) == 2
            and words[0].lower() in first_names()
            and words[0].lower() not in NOT_NAME
            and words[1].lower() in _SURNAME_ORG_WORDS
        ):
            continue
        name = " ".join(
            # Initials written together keep their last full stop: "T.J. DiLeo".
            w
            if len(w) <= 2 or (w[-1] == "." and INITIALS.fullmatch(w, 0, len(w) - 1))
            else w.rstrip(".")
            for w in words
        )
        name = re.sub(r"[’']s$", "", name)
        start = m.start() + m.group(0).index(words[0])
        ctx.names.append((start, name))
        if title:
            ctx.persons.add(name)
            g = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else ""
            if g:
                ctx.genders.setdefault(name, g)
        # "Former shadow chancellor Ed Balls": the words before the name describe him
        # ("Prime Minister Keir Starmer": title words included).
        window = text[max(0, start - 60) : start]
        word, words_before = _words_before(window)
        if word:
            word = word.lower()
            if word in INTERVIEWERS:
                ctx.interviewers.add(name)
            elif _ROLE_FORMS.get(word, word) in _HELD:
                ctx.offices.setdefault(name, set()).add(_ROLE_FORMS.get(word, word))
        # "Former shadow chancellor Ed Balls", "The shadow Scottish secretary, John Lamont".
        appositive = (
            None if words_before else _PRE_APPOSITIVE.search(text, max(0, start - 90), start)
        )
        pre = words_before or (appositive.group(1) if appositive else "")
        if words_before:
            # 'adverts in newspapers like the Wall Street Journal': words before a
            # preposition describe something else ('the adverts' are not the paper).
            pre = _AFTER_OWNER.sub("", _AFTER_PREPOSITION.sub("", pre))
        if pre:
            desc = _desc_words(pre) - NP_STOP
            if desc:
                ctx.descriptors.append((m.start(), frozenset(desc), name))
        post = re.match(
            r",\s+((?:the|a|an)\s+)?([^,.;:“”\"]{3,80})[,.]", text[m.end() : m.end() + 90]
        )
        if post:
            desc = _desc_words(post.group(2)) - NP_STOP
            if desc:
                ctx.descriptors.append((m.start(), frozenset(desc), name))
            if desc & INTERVIEWERS:
                ctx.interviewers.add(name)
        age = _AGE_AFTER.match(text, m.end())
        if age:
            # 'Mary Jones, 40, of Dover': later 'the 40-year-old' is her.
            ctx.descriptors.append((m.start(), frozenset({f"{age.group(1)}-year-old"}), name))
    # Documents, found from the words (a scan of the text for any of their nouns took
    # 0.18 CPU s on 742 BBC texts, a tenth of the extraction).
    doc = ctx.doc
    for norm, start in zip(doc.norms, doc.starts, strict=True):
        if norm in _DOCUMENT_NOUNS:
            m = _DOCUMENT_BY.match(text, start)
            if m is not None:
                # 'by report' marks the author (no description's words hold a space);
                # 'An Open Letter from chief executive Sidney Taurel' is his letter.
                ctx.descriptors.append(
                    (
                        m.start(),
                        frozenset({norm, f"by {norm}"}),
                        _strip_titles(m.group(3) or m.group(2)),
                    )
                )
        if norm in _ISSUED_DOCUMENTS and not ctx.in_quote(start):
            m = _ORGANISATION_BEFORE.search(text, max(0, start - 120), start)
            if m is not None and is_organisation(ctx, m.group(1)):
                # 'The WEF report concludes ... according to the report': the
                # organisation's.
                ctx.descriptors.append((m.start(1), frozenset({norm, f"by {norm}"}), m.group(1)))
    for m in _NUMBER_NAME.finditer(text):
        # 'US rap star 50 Cent': a stage name opening with a number; 'Cent' is his.
        ctx.names.append((m.start(1), m.group(1)))
        ctx.persons.add(m.group(1))
    surnames = {n.split()[-1] for _, n in ctx.names}
    for m in _ROLE_MONONYM.finditer(text):
        # "Arsenal's Brazilian midfielder Edu": one name after a player's or artist's
        # role is a person's (later "the midfielder"), unless a full name ends in it.
        word = m.group(2)
        if (
            word in surnames
            or word.lower() in NOT_NAME | TITLES
            or is_organisation(ctx, word)
            or ctx.in_quote(m.start(2))
        ):
            continue
        ctx.names.append((m.start(2), word))
        ctx.persons.add(word)
        pre = re.search(r"((?:[\w’'\-]+\s+){0,4})$", text[max(0, m.start(2) - 60) : m.start(2)])
        desc = _desc_words(pre.group(1) if pre else m.group(1)) - NP_STOP
        ctx.descriptors.append((m.start(2), frozenset(desc), word))
    ctx.names_indexed()
    for _, name in ctx.names:
        parts = name.split()
        if parts[0] in titled or parts[-1] in titled:
            ctx.persons.add(name)
        elif (
            parts[-1] in lone
            and parts[0] not in lone
            and parts[-1].lower() not in PLACE_WORDS
            and not is_organisation(ctx, name)
        ):
            # 'Lleyton Hewitt ... Hewitt, at times, showed': news repeats a person's
            # surname alone (an organisation's first word: 'Yukos Oil ... Yukos').
            ctx.persons.add(name)


class _Run:
    """A piece of a run of capitalised words, with the match methods index_names uses."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text[start:end], start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text


def _name_runs(text: str) -> Iterator[_Run]:
    """The runs of capitalised words, split where a full stop after a word that is no
    initial, title or abbreviation ends a sentence: 'Wim Kok. Mr Kok was' gives 'Wim
    Kok.' and 'Mr Kok' ('Benjamin Netanyahu. Adelson said'; 'World War II. Last week':
    a numeral ends the sentence too)."""
    for m in NAME_RUN.finditer(text):
        start = m.start()
        if "." not in m.group(0)[:-1]:
            yield _Run(text, start, _run_end(text, start, m.end()))
            continue
        for w in _WORD.finditer(text, m.start(), m.end()):
            if w.end() < m.end() and _sentence_stop(w.group(0)):
                yield _Run(text, start, w.end() - 1)
                nxt = _WORD.search(text, w.end(), m.end())
                start = nxt.start()
                if nxt.group(0) in _INVERTED_CUES and nxt.end() < m.end():
                    # '… Nick Walshe. Said Williams: "…"': the cue, not a first name.
                    start = _WORD.search(text, nxt.end(), m.end()).start()
        yield _Run(text, start, _run_end(text, start, m.end()))


def _sentence_stop(word: str) -> bool:
    """Whether the full stop closing ``word`` (a word of a name run) ends a sentence:
    after no initial, title or abbreviation ('Kok.', 'UK.'; not 'J.', 'Mr.', 'Jr.')."""
    core = word[:-1]
    return (
        word.endswith(".")
        and (len(core) > 2 or (len(core) == 2 and core.isupper()))
        and core.isalpha()
        and core.lower() not in TITLES | _ABBREVS
    )


def _run_end(text: str, start: int, end: int) -> int:
    """The end of the name run ``text[start:end]`` less a sentence's full stop: 'Mr
    Okafor. He said' names 'Okafor', not 'Okafor.'."""
    if text[end - 1] != ".":
        return end
    last = text.rfind(" ", start, end) + 1 or start
    return end - 1 if _sentence_stop(text[last:end]) else end


_WORD = lazy_compile(r"\S+")
_INVERTED_CUES = {"Said", "Says", "Added", "Adds"}


# Roles news writes before a one-word name ('midfielder Edu', 'rapper Eminem').
_ROLE_MONONYM = lazy_compile(
    r"\b(midfielder|striker|defender|winger|goalkeeper|keeper|playmaker|skipper|rapper"
    r"|singer)\s+([A-Z][a-z][\w\-]*)(?![\w’'\-]|\s+[A-Z]|\s+(?:de|van|von|da|dos)\s)"
)


# An artist's stage name opening with a number, after the role: 'rap star 50 Cent'.
_NUMBER_NAME = lazy_compile(
    r"\b(?:star|rapper|singer|[Tt]opper|artist|musician|protege)\s+(\d{1,3}\s+[A-Z][a-z]+)"
    r"(?![\w’'\-]|\s+[A-Z])"
)


# A capitalised name, then a team role and the player's or official's name.
_CLUB_ROLE = lazy_compile(
    r"\b((?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w\-]*)\s+(?:"
    + "|".join(sorted(CLUB_ROLES))
    + r")\s+(?:[A-Z][a-z]*\.?\s+)*[A-Z][\w’'\-]+"
)
# Words that open such a run without being the team's name.
_BEFORE_CLUB = DETERMINERS | TITLES | PERSON_ROLES | {"former", "ex", "new", "caretaker", "but"}
_AGE_AFTER = lazy_compile(r",\s+(\d{1,3}),")
_NOT_IN_NAME = TITLES | NOT_NAME | PERSON_ROLES | {"sens", "reps", "govs"}
_ABBREVS = {
    "jr",
    "sr",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "sens",
    "reps",
}
# Everything up to the last preposition of the words before a name (not 'of' or 'for',
# which make a role: 'secretary of state', 'minister for Europe'; nor 'by', which makes
# an author: 'a report by the Fraser of Allander Institute').
_AFTER_PREPOSITION = lazy_compile(
    r"^.*\b(?:in|at|on|with|like|from|to|into|against|including|than|as|after|before)\s+"
)
# Everything up to an owner's possessive: "Judge Sullivan’s ruling granting Judicial
# Watch’s request" describes the judge, not Judicial Watch; "Mr Brown's adviser Ed
# Balls" keeps 'adviser'.
_AFTER_OWNER = lazy_compile(r"^.*[’']s?\s+")
_WORD_BEFORE = lazy_compile(r"\s+\.?([\w\-]+)")
_WORDS_BEFORE = lazy_compile(r"(?:\s+[\w’'\-]+){1,5}")


def _words_before(window: str) -> tuple[str, str]:
    r"""What ``re.search`` of ``([\w\-]+)\.?\s+$`` (its group) and of
    ``(?:[\w’'\-]+\s+){1,5}$`` find at the end of ``window`` ('' for no match): the last
    word before the closing spaces and the last one to five words with their spaces.

    Matched on the window reversed, so anchored at its end: searched forward, each pattern
    was tried from every position of the window, 17 and 5 µs a name in BBC text (0.5 and
    0.4 reversed).

    >>> _words_before("said former chancellor ")
    ('chancellor', 'said former chancellor ')
    """
    backwards = window[::-1]
    word, words = _WORD_BEFORE.match(backwards), _WORDS_BEFORE.match(backwards)
    return (word.group(1)[::-1] if word else "", words.group(0)[::-1] if words else "")


_PRE_APPOSITIVE = lazy_compile(
    r"(?:^|[.,;:]\s+|\n)(?:(?:But|And|Yet|So)\s+)?"
    r"((?:[Tt]he|[Aa]n?)\s+(?:[\w’'\-]+\s+){0,5}[\w’'\-]+),\s+$"
)


_PLACE_BEFORE = lazy_compile(r"\b(?:[Ii]n|at|near|from|to)\s+$")
_PLACE_AFTER = lazy_compile(
    r"\s+(?:village|town|city|district|province|county|area|region|valley)\b"
)


def _place_around(text: str, s: int, e: int) -> bool:
    """Whether a parser PERSON entity is a place: 'In Suka Makmur village a landslide
    ...', 'MP for Merionnydd Nant Conwy'."""
    return bool(
        _PLACE_BEFORE.search(text, max(0, s - 6), s) and _PLACE_AFTER.match(text, e, e + 12)
    ) or bool(_SEAT_BEFORE.search(text, max(0, s - 20), s))


_SEAT_BEFORE = lazy_compile(r"\b(?:MP|MSP|MEP|AM|TD|member|candidate)\s+for\s+$")


def _owner_end(words: list[str]) -> int:
    """The index of the last possessive word before a person's name in a run of
    capitalised words ("Germany's Tommy Haas"), else -1; a place or organisation
    stays whole ("St David's Shopping Centre", "McDonald's Corp")."""
    own = max(
        (k for k, w in enumerate(words[:-1]) if w.endswith(("’s", "'s", "s’", "s'"))), default=-1
    )
    if own < 0:
        return -1
    rest = {w.lower().strip(".,") for w in words[own + 1 :]}
    if rest & (ORG_WORDS | PLACE_WORDS) or len(rest) > 3:
        return -1
    return own


def _named_below(text: str, name: str, start: int) -> bool:
    """Whether the last word of ``name`` occurs as a word in ``text`` from ``start``."""
    last = name.split()[-1]
    return _pattern(rf"(?<!\w){re.escape(last)}(?!\w)").search(text[start:]) is not None


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and (
        words[0].lower().strip(".") in TITLES
        # 'Vice President Joseph R. Biden', 'Deputy Secretary ...'.
        or (
            words[0].lower() in ("vice", "deputy") and len(words) > 1 and words[1].lower() in TITLES
        )
    ):
        words = words[1:]
    return re.sub(r"[’']s$", "", " ".join(words))


_NOT_SPEAKERS = RELATIVES | {"", "whom", "whose", "what", "there"}

# A name opening its sentence, a comma after it ('But Tom Fitton, ...').
_NAME_THEN_COMMA = lazy_compile(
    r"[\s“‘\"]*(?:(?:But|And|Yet|So|Still|Meanwhile)\s+)?"
    # 'Vice President Joseph R. Biden Jr., who ...': a suffix after the name.
    r"((?:[A-Z][\w’'\-]*\.?\s+){0,5}[A-Z][\w’'\-]+(?:,?\s+(?:Jr|Sr)\.?)?),\s+"
)
# An apposition that describes a person: a relative 'who', or a role within its first
# words ('acting political director of ...', 'a former aide to ...').
_PERSON_APPOSITION = lazy_compile(
    r"(?:who\s|(?:[a-z\-]+\s+){0,3}(?:" + "|".join(sorted(PERSON_ROLES)) + r")\b)"
)
# What opens an apposition: a determiner or a lower-case word ('a pollster', 'executive
# director of', 'who lives in'), or an age ('30, of Raleigh').
_APPOSITION_OPENS = lazy_compile(r"(?:[a-z]|\d{1,3},)")
# A comma, then a verb: the end of an apposition and the start of the predicate.
_PREDICATE_AFTER_COMMA = lazy_compile(
    r",\s+(?:[a-z]+ly\s+)?(?:is|was|are|were|has|had|have|will|would|[a-z]+ed)\b"
)
# Between the speaker phrase and the cue: a name the phrase's role is held under ('a
# former aide | to Governor Jane Whitfield'), its closing comma, or an auxiliary.
_PHRASE_TO_CUE = lazy_compile(
    r"(?:\s+(?:to|for|of|at|with)\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*\s*){1,5})?"
    r"\s*,?\s*(?:(?:has|have|had|also|later|then)\s+)*"
)
# Or the rest of a longer apposition after the phrase, set off by commas and opening in
# lower case: 'Ms. Arnold, who helped found EDGE|, an environmental justice group based
# in Philadelphia, said'; 'Richard Shelby, the Alabama Republican who heads the Senate
# Banking Committee|, which oversees the Fed, said'.
_APPOSITION_TAIL = lazy_compile(
    r",\s+(?=[a-z])[^;:“”\"‘’\n]{1,160}?,\s*(?:(?:has|have|had|also|later|then)\s+)*"
)


def _subject_before_apposition(ctx: Context, q: Quote) -> Span | None:
    """The name a sentence opens with when the speaker phrase the frame found lies in the
    apposition describing it ('Murshed Zaheed, acting political director of CREDO
    Action, said'; 'Michael Seaman, who lives outside the state capital, Sacramento,
    said'), or None. The name is a person's the article knows (a first name, a title,
    a name written elsewhere), the apposition opens in lower case or with an age, holds
    no quotation, colon or semicolon, and runs to the cue; the content follows the cue."""
    if q.speaker is None or q.cue is None or q.content[0] < q.cue[1]:
        return None
    s, e = q.speaker
    c0 = q.cue[0]
    text = ctx.text
    if e > c0 or (
        _PHRASE_TO_CUE.fullmatch(text, e, c0) is None
        and _APPOSITION_TAIL.fullmatch(text, e, c0) is None
    ):
        return None
    if text[s:e].lower() in PRONOUNS or text[s:e].lower() in RELATIVES:
        # A pronoun resolves on its own ('Gary Byrne, ..., wrote a book in which he says').
        return None
    starts = ctx.unit_starts
    k = bisect_right(starts, s) - 1
    if k < 0:
        return None
    m = _NAME_THEN_COMMA.match(text, starts[k], s)
    if m is None or m.end() > s or not _APPOSITION_OPENS.match(text, m.end()):
        return None
    if any(ch in text[m.end() : c0] for ch in ';:“”"\n'):
        return None
    if _PREDICATE_AFTER_COMMA.search(text, m.end(), c0):
        # The apposition closed and the subject's own verb followed: the phrase is in
        # its predicate ('McCain, the nominee, issued a statement after Donald Trump
        # told ...').
        return None
    name = _strip_titles(m.group(1))
    words = name.split()
    if not words or any(w.lower().strip(".") in NOT_NAME | PREPOSITIONS | TEMPORAL for w in words):
        return None
    # 'Murshed Zaheed, acting political director of ...': a full name, no organisation's
    # word in it, that the apposition describes as a person (whatever an entity tagger
    # made of an unfamiliar name).
    described = (
        len(words) >= 2
        and not {w.lower() for w in words} & ORG_WORDS
        and _PERSON_APPOSITION.match(text, m.end()) is not None
    )
    if not described and (
        is_organisation(ctx, name)
        or not (
            name in ctx.persons
            or name_gender(ctx, m.group(1))
            or (len(words) == 1 and words[0] in ctx.by_part)
        )
    ):
        return None
    return m.span(1)


# How the adjective before a noun cue ends ('a snappy retort', 'a signed tweet').
_ADJECTIVE_ENDS = ("ed", "y", "al", "ful", "ous", "ive", "ic", "ish", "less", "ble")
_PLAIN_ADJECTIVES = {"false", "terse", "brief", "short", "curt", "sharp", "blunt", "fresh"}


def _subject_of_noun_cue(ctx: Context, q: Quote, earlier: list[Quote]) -> Span | None:
    """The subject of the sentence when the speaker phrase the frame found is an
    indefinite article and modifiers right before a cue in its base form: the cue is
    a noun ('Sanders delivered a snappy retort:', 'repeating a false claim that ...'),
    for a singular subject takes 'retorts' or 'retorted'; its owner is whoever the
    sentence is about."""
    if q.speaker is None or q.cue is None:
        return None
    s, e = q.speaker
    text = ctx.text
    words = text[s:e].split()
    cue = text[q.cue[0] : q.cue[1]].lower()
    if (
        len(words) < 2
        or words[0].lower() not in ("a", "an")
        or text[e : q.cue[0]].strip()
        or cue not in NOUNLIKE | {"retort", "answer", "comment"}
        # Modifiers, not a noun: 'a US government report', 'a 2002 report', 'an issue out
        # of Donald Trump’s claim' name whose the noun is.
        or not all(w.isalpha() and w.islower() for w in words[1:])
        or not (words[-1].endswith(_ADJECTIVE_ENDS) or words[-1] in _PLAIN_ADJECTIVES)
    ):
        return None
    k = bisect_right(ctx.unit_starts, s) - 1
    if k < 0:
        return None
    u0 = ctx.units[k][0]
    for p in reversed(earlier):
        if p.cue is not None and p.speaker is not None and u0 <= p.cue[0] < s:
            # '"…," Trump said, repeating a false claim that ...': the speaker of the
            # sentence's cue before it.
            return p.speaker
        if p.cue is None or p.cue[0] < u0:
            break
    sp = clause_subject(ctx, u0, s, whole=True)
    if sp is None or sp[1] > s or ctx.in_quote(sp[0]) or not text[sp[0] : sp[0] + 1].isupper():
        return None
    return sp


# 'have both argued', 'were all saying': a quantifier floated off the subject.
_FLOATED = lazy_compile(r"(?:both|all|each)")
_AUXILIARY_BEFORE = lazy_compile(
    r"(?:,\s*)?\s+(?:have|has|had|are|were|will|would|did|do|also|,)?\s*$"
)


# The rest of a subject of names, each perhaps with its party label: ' (D-Ore.), Sherrod
# Brown (D-Ohio) and Robert Menendez (D-N.J.)'.
_MORE_NAMES = lazy_compile(
    r"(?:\s*\([^()\n]{1,12}\))?"
    r"(?:,?\s+(?:and\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*(?:\s*\([^()\n]{1,12}\))?)+"
)


def _floated_subject(ctx: Context, q: Quote) -> Span | None:
    """'Donald J. Trump and Senator Bernie Sanders have both argued that ...': the
    subject a floated 'both', 'all' or 'each' belongs to, not the quantifier."""
    if q.speaker is None:
        return None
    s, e = q.speaker
    text = ctx.text
    if not _FLOATED.fullmatch(text, s, e):
        return None
    k = bisect_right(ctx.unit_starts, s) - 1
    if k < 0:
        return None
    u0 = ctx.units[k][0]
    aux = _AUXILIARY_BEFORE.search(text, u0, s)
    end = aux.start() if aux else s
    sp = clause_subject(ctx, u0, end, whole=True)
    if sp is None or sp[1] > end or ctx.in_quote(sp[0]):
        return None
    if _MORE_NAMES.fullmatch(text, sp[1], end):
        # The subject's other conjuncts: 'Trump and Senator Bernie Sanders'.
        return sp[0], end
    return None if text[sp[1] : end].strip(" ,") else sp


# ' and New York City Mayor Rudy Giuliani': the second of two roles, then the name.
_AND_ROLE_NAME = lazy_compile(
    r"\.?\s+and\s+((?:[\w\-]+\.?\s+){0,6}?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)"
    r"(?=\s*[,.;:(]|\s+[a-z]|$)"
)


def _name_after_coordinated_role(ctx: Context, q: Quote) -> Span | None:
    """'Former prosecutor and New York City Mayor Rudy Giuliani, who ..., trashed Comey
    ..., calling': the speaker phrase is the first of two roles coordinated before one
    name; that name speaks."""
    if q.speaker is None:
        return None
    s, e = q.speaker
    text = ctx.text
    words = text[s:e].split()
    if not words:
        return None
    last = words[-1].lower().strip(".")
    if not (
        _ROLE_FORMS.get(last, last) in PERSON_HEADS | TITLES
        # 'prosecutor', 'strategist': an agent noun in lower case.
        or (words[-1].islower() and last.endswith(("or", "er", "ist", "ian")))
    ):
        return None
    m = _AND_ROLE_NAME.match(text, e)
    if m is None or (q.cue is not None and m.start(1) < q.cue[0] < m.end(1)):
        return None
    return s, m.end(1)


# 'who watched ' before a noun phrase: the object of a restrictive relative clause.
_RELATIVE_VERB = lazy_compile(r"\swho\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)?\s+$")


def _head_of_relative(ctx: Context, q: Quote) -> Span | None:
    """'Democrats in Iowa who watched the Saturday debate said they were unfazed': the
    speaker phrase is the object of a restrictive relative clause ('who watched'); the
    noun phrase the clause restricts speaks."""
    if q.speaker is None or q.cue is None or q.speaker[1] > q.cue[0]:
        return None
    s, e = q.speaker
    text = ctx.text
    if text[e : q.cue[0]].strip() or text[s:e].split()[0].lower() not in DETERMINERS:
        # A thing written with a determiner ('the Saturday debate'), not a name.
        return None
    k = bisect_right(ctx.unit_starts, s) - 1
    if k < 0:
        return None
    lo = ctx.units[k][0]
    rel = _RELATIVE_VERB.search(text, max(lo, s - 40), s)
    if rel is None:
        return None
    verb = rel.group(0).split()[-1].lower()
    if verb in NP_STOP or verb in AUX_ADV or verb in DETERMINERS:
        return None
    dash = max(text.rfind(" - ", lo, rel.start()), text.rfind(" — ", lo, rel.start()))
    head = np_backward(ctx.doc, dash + 3 if dash >= 0 else lo, rel.start() + 1)
    if head is None or head[1] != rel.start() or ctx.in_quote(head[0]):
        return None
    return head[0], head[1]


def resolve_speaker(ctx: Context, q: Quote, earlier: list[Quote]) -> None:
    """Fill ``speaker_name`` and ``speaker_type``."""
    owner = (
        _subject_of_noun_cue(ctx, q, earlier)
        or _floated_subject(ctx, q)
        or _name_after_coordinated_role(ctx, q)
        or _head_of_relative(ctx, q)
    )
    if owner is not None:
        q.speaker = owner
    subject = _subject_before_apposition(ctx, q)
    if subject is not None:
        # 'Alixandria Lapp, executive director of the House Majority PAC, said': the
        # phrase next to the cue ends the apposition; the name it describes speaks.
        q.speaker = subject
    if q.speaker is not None:
        # 'Even Lindsey Graham, who has endorsed Cruz, said': the name after the opener.
        s, e = q.speaker
        opener = _SPAN_OPENER.match(ctx.text, s, e)
        while opener is not None and opener.group(1).lower() in RUN_OPENERS:
            s = opener.end()
            opener = _SPAN_OPENER.match(ctx.text, s, e)
        words = ctx.text[s:e].split()
        if (
            len(words) >= 3
            and all(w[:1].isupper() for w in words)
            and words[0].lower() not in first_names()
            and words[0].lower().strip(".") not in TITLES | DETERMINERS | PERSON_HEADS
            and words[1].lower().strip(".") not in TITLES
            and _owner_end(words) < 0
            and words[1].lower() in first_names()
            and _SENTENCE_OPENS.search(ctx.text, max(0, s - 4), s) is not None
            and zipf_frequency(words[0].lower()) >= 2.5
        ):
            # 'Defiant Matt Williams says …': the sentence's first word describes him.
            s = ctx.text.index(words[1], s)
        if s > q.speaker[0] and ctx.text[s : s + 1].isupper():
            q.speaker = (s, e)
    named = _name_in_apposition(ctx, q)
    if named is not None:
        q.speaker = named
    author, owner = _report_author(ctx, q, earlier)
    if author is not None:
        q.speaker_name = author
    _resolve_name(ctx, q, earlier)
    if q.speaker_name is not None:
        q.speaker_name = _company_name(ctx, _spelled_out(ctx, q.speaker_name))
    if q.speaker_name is not None and q.speaker_name.strip().lower() in _NOT_SPEAKERS:
        # 'that', 'which', 'who' as written name nobody: unknown, never the word.
        q.speaker_name = None
    if q.speaker is not None:
        # A statement's speaker is typed by its owner ('Mr Crosby'), not as a document.
        s, e = owner or q.speaker
        q.speaker_type = speaker_type(ctx, ctx.text[s:e], q.speaker_name)


# 'Manufacturers' organisation, the EEF, said': a description, then the name set off
# by commas; 'said EEF chief economist, Steve Radley.': a role, then the name.
_APPOSED_NAME = lazy_compile(
    r",\s+(?:the\s+)?((?:[A-Z][\w’'&\-]*\.?\s+){0,3}[A-Z][\w’'&\-]*),\s*(?:has\s+|had\s+|also\s+)*$"
)
_CLOSING_NAME = lazy_compile(r",\s+((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]*)\s*(?:[.,;]|$)")
_REFLEXIVE = lazy_compile(r"\s+(?:itself|himself|herself|themselves)$")


def _name_in_apposition(ctx: Context, q: Quote) -> Span | None:
    """The name of a speaker written as a description and its apposition: the name
    after a description set off by commas before the cue ("Manufacturers'
    organisation, the EEF, said"), or after a role that follows the cue ("said EEF
    chief economist, Steve Radley."); a reflexive after a name is dropped ("The WTO
    itself has warned"). Only when the phrase as written holds no name of its own
    beyond a first capital or an acronym modifying its role."""
    if q.speaker is None or q.cue is None:
        return None
    text = ctx.text
    s, e = q.speaker
    phrase = text[s:e]
    refl = _REFLEXIVE.search(phrase)
    if refl is not None and phrase[: refl.start()].strip():
        return s, s + refl.start()
    words = phrase.split()
    if not words or words[-1][:1].isupper():
        return None
    if e <= q.cue[0]:
        if any(w[:1].isupper() for w in words[1:]) or words[-1].lower() in PERSON_HEADS:
            return None
        m = _APPOSED_NAME.match(text, e, q.cue[0])
        if m is None or not is_organisation(ctx, m.group(1)):
            return None
        return m.span(1)
    if words[-1].lower() not in PERSON_ROLES:
        return None
    m = _CLOSING_NAME.match(text, e)
    if m is None or "\n" in m.group(0):
        return None
    return m.span(1)


_REPORT_HEADS = {"report", "study", "book", "paper", "review", "memo", "letter", "analysis"}
_AUTHOR_REPORT = lazy_compile(
    r"(?:(?:the|The)\s+)?((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]*?)(?:[’']s)?\s+(\w+)"
)


def _report_author(ctx: Context, q: Quote, earlier: list[Quote]) -> tuple[str | None, Span | None]:
    """The author a report speaks for: "his report said" is the person "he" would be,
    "Mr Kok's report noted" and "the Kok report said" are Mr Kok's; "Mr Crosby's
    statement said" is Mr Crosby's and "Unilever's statement said" Unilever's (a statement
    speaks for whoever issued it, a report for its author). Also, for a statement, the
    span of its owner as written, possessive left out ("Mr Crosby"), which types the
    speaker. ``(None, None)`` when the phrase is no such report or statement, or a report's
    author is not a person the article names."""
    none = None, None
    if q.speaker is None:
        return none
    text = ctx.text
    s, e = q.speaker
    words = text[s:e].split()
    heads = _REPORT_HEADS | {"statement"}
    if len(words) != 2 and not (2 <= len(words) <= 5 and words[-1].lower() in heads):
        return none
    head = words[-1].lower()
    if head not in heads:
        return none
    if words[0].lower() in ("his", "her") and len(words) == 2:
        name = _antecedent(ctx, s, "m" if words[0].lower() == "his" else "f", earlier)
        owner = (s, s + len(words[0])) if name is not None and head == "statement" else None
        return name, owner
    m = _AUTHOR_REPORT.fullmatch(text, s, e)
    if m is None or m.group(2).lower() not in heads:
        return none
    author = Quote(q.kind, q.content, q.cue, m.span(1))
    _resolve_name(ctx, author, earlier)
    name = author.speaker_name
    if m.group(2).lower() == "statement":
        # 'Mr Crosby's statement said' is Mr Crosby's, 'Unilever's statement said'
        # Unilever's: a statement speaks for whoever issued it (bench/quote_eval's
        # GUIDELINES.md says so of an organisation's; a person's is read alike); only an
        # owner's possessive says who ('the Kok statement' does not).
        if text[m.end(1) : m.end(1) + 1] not in "’'":
            return none
        return name or text[m.start(1) : m.end(1)], (s, m.end(1))
    if name is None or is_organisation(ctx, name) or " " not in name:
        return none
    return name, None


_ACRONYM_OF = lazy_compile(
    r"(?<![\w’'])([A-Z][\w’'\-]*(?:\s+(?:of|for|and|&|on|the)?\s*[A-Z][\w’'\-]*){1,6})"
)


def _spelled_out(ctx: Context, name: str) -> str:
    """An acronym with the name the article spells it out as: "BRC" after "the
    British Retail Consortium" is "British Retail Consortium (BRC)", so the speaker is
    named as fully as the article names it and still by the acronym it uses. The
    text's runs of capitalised words are read once, on the first acronym."""
    acronym = name[4:] if name.startswith(("The ", "the ")) else name
    if not _ACRONYM.fullmatch(acronym) or len(acronym) < 3:
        return name
    if "" not in ctx.acronyms:
        ctx.acronyms[""] = None
        for m in _ACRONYM_OF.finditer(ctx.text):
            run = m.group(1).split()
            if run[0] in ("The", "A"):
                run = run[1:]
            initials = "".join(w[0] for w in run if w[:1].isupper())
            if 3 <= len(initials) <= 5:
                ctx.acronyms.setdefault(initials, " ".join(run))
    full = ctx.acronyms.get(acronym)
    return f"{full} ({acronym})" if full else name


_COMPANY_SUFFIXES = """Energy Group Holdings Plc PLC Corp Corporation Inc Ltd Airlines Airways
    Motors Motor Bank Oil Petroleum Telecom Pharmaceuticals Resources Mining Capital Partners
    Entertainment Media Foods Industries Technologies Systems Communications Networks
    Insurance Electric Steel Chemicals Brands Stores Gas Power Software Music Records
    Investments Securities Financial Semiconductor""".split()
_COMPANY = lazy_compile(
    r"(?<![\w’'\-])([A-Z][\w’'&\-]+)\s+(?:" + "|".join(_COMPANY_SUFFIXES) + r")(?![\w’'\-])"
)


def _company_name(ctx: Context, name: str) -> str:
    """A company's one-word name as the article writes it in full: "Cairn said" after
    "Shares in Cairn Energy" is Cairn Energy (a first word followed by a company
    suffix such as Energy, Group or Airlines; never a person's name). The text is read
    once, on the first one-word speaker."""
    if " " in name or not name[:1].isupper() or name in ctx.persons:
        return name
    if "" not in ctx.companies:
        ctx.companies[""] = ""
        for m in _COMPANY.finditer(ctx.text):
            ctx.companies.setdefault(m.group(1), m.group(0))
    full = ctx.companies.get(name)
    if not full or first_names().get(name.lower()) is not None:
        return name
    ctx.organisations.add(full)
    return full


# First words that make a capitalised phrase a description, not a name.
_NOT_PROPER_OPENERS = DETERMINERS | QUANTIFIERS | {"one", "every", "each", "no", "any"}


def speaker_type(ctx: Context, phrase: str, name: str | None) -> str:
    """``person``, ``organisation`` or ``unknown`` for a speaker as written and as
    resolved: pronouns, organisation words ("Committee", "Times", "Inc."), the
    parser's entity types, titles, first names and person roles ("the senator")."""
    low = phrase.lower()
    if not low.strip():
        return "unknown"
    if low in ("he", "she", "i"):
        return "person"
    if low == "it":
        # 'Mr Crosby's statement said ... It added': the statement, so its owner's type.
        person = name is not None and name in ctx.persons and not is_organisation(ctx, name)
        return "person" if person else "organisation"
    head = _head(phrase)
    if _is_document(phrase) and (name is None or name == phrase):
        # 'the survey', 'a New York Times/CBS News poll': a document, neither.
        return "unknown"
    if head in ORG_WORDS | ORG_DESCRIPTORS and _pattern(
        r"[’']s?\s+(?:[\w\-]+\s+)?" + re.escape(head) + r"$"
    ).search(low):
        # "Mrs. Clinton's campaign", 'the company's board': what somebody owns is
        # no person, whatever title opens the phrase.
        return "organisation"
    # 'A spokesman for the council': the head of the phrase decides.
    head = re.split(r"\s(?:for|of|at|from|with)\s", _expand_role(phrase).lower(), maxsplit=1)[0]
    if (
        SPOKES.search(head)
        or set(head.split()) & PERSON_ROLES
        # 'one former campaign staffer': a person, whatever organisation word is in it.
        or (name is None or name == phrase)
        and _head(phrase) in PERSON_HEADS | _PERSON_NOUNS
    ):
        return "person"
    if _person_description(ctx, phrase) and not is_organisation(ctx, phrase):
        # 'the Frenchman', 'the 27-year-old' are somebody, whoever they resolve to.
        return "person"
    if phrase.split()[0].lower().strip(".") in PERSONAL_TITLES or (
        # 'Ioannidis' after 'Kenteris' lawyer Gregory Ioannidis', whatever the parser
        # makes of the surname alone.
        name
        and " " in name
        and (name in ctx.persons or name_gender(ctx, name))
        and not is_organisation(ctx, name)
    ):
        # 'Mr Llwyd', even when the parser tags his name an organisation's.
        return "person"
    for cand in (name, phrase):
        if not cand or cand.lower() in PRONOUNS or cand.lower() in RELATIVES:
            continue
        if is_organisation(ctx, cand):
            return "organisation"
        if cand in ctx.persons or name_gender(ctx, cand) or SPOKES.search(cand.lower()):
            return "person"
        words = {w.lower().strip(".") for w in cand.split()}
        if words & (TITLES | PERSON_ROLES):
            return "person"
    return "unknown"


# Heads of descriptions of one person, beyond roles: 'a friend', 'one staffer'.
_PERSON_NOUNS = set(
    """friend staffer supporter neighbour neighbor colleague witness voter insider activist
    lawmaker legislator prosecutor investigator detective officer resident source teacher
    student doctor nurse relative cousin uncle aunt boy girl owner worker employee surrogate
    commentator critic expert""".split()
)


# A spokesman's phrase: 'a spokesman', 'a company spokeswoman', 'the firm's spokesman'.
_SPOKES_HEAD = lazy_compile(
    r"(?:an?|the|one|its|their)\s+(?:(?:"
    + "|".join(sorted(ORG_DESCRIPTORS))
    + r")(?:[’']s)?\s+)?(spokes(?:man|woman|person)|representative)\b"
)
_SPOKES_FOR = lazy_compile(
    r"(?:an?|the|one|another)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+\S"
)
_PEERAGE = lazy_compile(r"\b(?:Lord|Lady|Baroness|Baron)\s+[A-Z][\w’'\-]+\s+of\s+[A-Z][\w’'\-]+")


def is_organisation(ctx: Context, name: str) -> bool:
    """Whether a name or phrase names an organisation, not a person: one the
    parser tagged, one with an organisation word ("Committee", "Inc."), or an
    acronym ("AMD", "BCC")."""
    if name in ctx.organisations:
        return True
    parts = name.split()
    if parts and parts[0].lower().strip(".") in PLAIN_TITLES:
        # 'Mr Fox' is a man, whatever organisation word ('Fox' News) his name holds.
        return False
    if _club(name):
        return True
    if (
        2 <= len(parts) <= 3
        and parts[-1].lower() in _SURNAME_ORG_WORDS
        and (parts[0].lower() in first_names() or name_gender(ctx, name))
    ):
        # 'Chris Fox', 'Charlotte Church': a surname, not Fox News or a church.
        return False
    # Only a possessive ending goes: stripping every final 's' read 'Press' as 'pre'
    # and 'Times' as 'time', so no newspaper was an organisation.
    words = {re.sub(r"[’']s?$", "", w.lower().strip(".,")) for w in name.split()}
    # 'the groups', 'three television networks': plurals of organisation words.
    words |= {w[:-1] for w in words if w.endswith("s")}
    return (
        bool(words & ORG_WORDS)
        or bool(_ACRONYM.fullmatch(name))
        # 'British Retail Consortium (BRC)': a name spelt out with its acronym.
        or bool(_SPELLED_ACRONYM.search(name))
        # 'Retailer Next', 'Chipmaker AMD': a business's kind written before its name.
        or (
            len(parts) >= 2
            and parts[0].lower() in _COMMERCIAL
            and all(p[:1].isupper() for p in parts[1:])
        )
        # 'BHP Billiton', 'HSBC Holdings', 'UBS Warburg': an acronym opening a short
        # name that is nobody's (not 'US President ...': two letters).
        or (
            2 <= len(parts) <= 3
            and bool(_LONG_ACRONYM.fullmatch(parts[0]))
            and all(p[:1].isupper() for p in parts)
            and not name_gender(ctx, name)
            and not {p.lower() for p in parts} & (TITLES | PERSON_ROLES)
        )
        # 'UK Coal', 'US Airways', 'UK Athletics': a country's code and one name word.
        or (
            len(parts) == 2
            and bool(_COUNTRY_CODE.fullmatch(parts[0]))
            and parts[1][:1].isupper()
            and parts[1].lower() not in TITLES | PERSON_ROLES
            and parts[1].lower() not in first_names()
        )
    )


def _club(name: str) -> bool:
    """'Nottingham Forest', 'AC Milan', 'Australian Open': a club's or a competition's
    name."""
    parts = name.split()
    return len(parts) >= 2 and (
        re.sub(r"[’']s$", "", parts[-1]).lower() in CLUB_ENDS or parts[0].lower() in CLUB_OPENERS
    )


# Organisation words that are also surnames.
_SURNAME_ORG_WORDS = {"fox", "post", "church", "house", "press", "banks", "trust"}
_LONG_ACRONYM = lazy_compile(r"[A-Z]{3,5}")
_SPELLED_ACRONYM = lazy_compile(r"\s\([A-Z]{3,5}\)$")


_ACRONYM = lazy_compile(r"[A-Z]{2,5}")


def name_gender(ctx: Context, name: str) -> str:
    """'m', 'f' or '': from a title written with the name ("Mrs Clinton") or that the
    article gives the person, else from the first name ("Hillary"), else from a title the
    article gives a part of the name.

    A surname is a family's: after "Mrs Howard", "Michael Howard" is still a man.
    """
    title = _title_gender(name)
    if title:
        return title
    g = ctx.genders.get(name)
    if g:
        return g
    words = _strip_titles(name).split()
    first = first_names().get(words[0].lower(), "") if len(words) >= 2 else ""
    return first or next((ctx.genders[w] for w in name.split() if w in ctx.genders), "")


def _title_gender(name: str) -> str:
    """'m' or 'f' for a name opening with a gendered title ('Mrs Howard'), else ''."""
    title = name.split()[0].lower().strip(".") if name.strip() else ""
    return "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else ""


def _titled_full_name(ctx: Context, titled: str, pos: int) -> str:
    """A titled name ('Mrs Howard') in full as the article writes it, unless the title
    does not fit the full name's first name ('Michael Howard', her husband): then as
    written."""
    full = _full_name(ctx, _strip_titles(titled), pos)
    first = first_names().get(full.split()[0].lower(), "") if " " in full else ""
    title = _title_gender(titled)
    return titled if title and first and first != title else full


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> 'm'/'f' (US Social Security baby names, public domain; see
    scripts/build_first_names.py)."""
    from importlib.resources import files  # imported here: 10-20 ms a text without names skips

    data = files("storytrace").joinpath("data", "first_names.tsv").read_text(encoding="utf-8")
    out = {}
    for line in data.splitlines():
        if line and not line.startswith("#"):
            name, _, sex = line.partition("\t")
            out[name] = sex
    return out


def _resolve_name(ctx: Context, q: Quote, earlier: list[Quote]) -> None:
    """Fill ``speaker_name``: the full name behind a pronoun, surname or descriptor."""
    if q.speaker is None or q.speaker_name is not None:
        return
    text = ctx.text
    s, e = q.speaker
    phrase = text[s:e]
    low = phrase.lower()
    if low in RELATIVES:
        toks = phrase_tokens(ctx.doc, max(0, s - 300), s)
        ante = None
        if len(toks) > 1 and toks[-1].group(0) == ",":
            ante = _closed_np(toks, len(toks) - 1, relative=True)
        elif len(toks) > 1 and toks[-1].group(0) in ("—", "–", "-"):
            # 'Donald Trump - who previously said ...': the name before the dash.
            np = _scan_np(toks, len(toks) - 2)
            if np is not None and _is_nameish(toks[np[0] : np[1] + 1]):
                ante = toks[np[0]].start(), toks[np[1]].end()
        if ante is None:
            # 'said Bob Mulholland, a superdelegate and Clinton supporter who has
            # accused ...': the speaker of the quote just before, in the same sentence.
            near = [
                p
                for p in _recent(earlier, s - 400)
                if p.speaker is not None
                and p.speaker_name
                and p.speaker_name.lower() not in RELATIVES
                and 0 <= s - p.speaker[1] <= 200
                # Only through the previous speaker's apposition, not past their
                # content ('Almost half said ..., compared with four in 10 who said').
                and text[p.speaker[1] : s].lstrip().startswith((",", "("))
                and "\n" not in text[p.speaker[1] : s]
                and not re.search(r"[.!?][”\"’']?\s", text[p.speaker[1] : s])
            ]
            if near:
                q.speaker_name = near[-1].speaker_name
                return
            np = _scan_np(toks, len(toks) - 1) if toks else None
            if np is None or toks[np[1]].group(0).lower() in PRONOUNS.keys() | DETERMINERS:
                # A relative pronoun names nobody: unknown rather than 'who'.
                return
            # 'It was the minister who said ...', 'a committee that said ...': a
            # restrictive clause; its antecedent is the noun phrase just before.
            ante = toks[np[0]].start(), toks[np[1]].end()
        s, e = ante
        # 'said one Republican involved in the planning, who spoke ...': the antecedent
        # runs on from the previous quote's speaker with no new name between.
        for p in reversed(earlier):
            if (
                p.speaker is not None
                and p.speaker_name
                and p.speaker_name.lower() not in RELATIVES
                and p.speaker[1] <= s
                and p.speaker[1] > e - 60
                and text[p.speaker[1] : e].lstrip().startswith((",", "("))
                and not re.search(r"[A-Z\n.!?]", text[p.speaker[1] : e])
            ):
                q.speaker_name = p.speaker_name
                return
            break
        phrase = text[s:e]
        low = phrase.lower()
    if low in PRONOUNS:
        name = None
        if low in ("he", "she"):
            name = _continued(ctx, q, earlier, PRONOUNS[low]) or _antecedent(
                ctx, _before_own_content(ctx, q, s), PRONOUNS[low], earlier
            )
            if name:
                ctx.persons.add(name)
        elif low in ("it", "they"):
            # 'The Tax Policy Center said ... It added': the organisation that spoke
            # last; 'Officials said ... They added': the group.
            # Only the speaker just before counts: another between breaks the chain.
            last = next(
                (
                    p
                    for p in reversed(earlier)
                    if p.speaker_name
                    and p.speaker_name.lower() not in PRONOUNS
                    and p.speaker is not None
                ),
                None,
            )
            if (
                last is not None
                and last.speaker is not None
                and s - last.speaker[1] < 600
                and (
                    last.speaker_type == "organisation"
                    or (low == "they" and _is_group(last.speaker_name or ""))
                    # '"…," his report said. … it said': the document that spoke last,
                    # for whoever it was resolved to.
                    or (low == "it" and _is_document(text[last.speaker[0] : last.speaker[1]]))
                    # 'Oxfam has called on ... It added', 'Christian Aid ... It added':
                    # a name not known as a person's (no title, no 'he' or 'she'; a
                    # first name alone is no proof) is the organisation 'it' stands for.
                    or (
                        low == "it"
                        and last.speaker_type in ("unknown", "person")
                        and last.speaker_name is not None
                        # A proper name, every word capitalised ('One attendee', 'The
                        # deal' and 'F.A.A. records' are descriptions).
                        and all(w[:1].isupper() for w in last.speaker_name.split())
                        and last.speaker_name.split()[0].lower() not in _NOT_PROPER_OPENERS
                        and not ctx.genders.get(last.speaker_name)
                        and not {w.lower().strip(".") for w in last.speaker_name.split()} & TITLES
                        and last.speaker_name not in ctx.persons
                    )
                )
            ):
                name = last.speaker_name
            elif low == "it" or low == "they":
                # 'Tesco reported a rise in profits. It said ...': the organisation
                # the sentence before is about.
                name = _subject_organisation(ctx, s, plural=low == "they", any_named=False)
        q.speaker_name = name or phrase
        if name and low == "it":
            q.speaker_type = "organisation"
        return
    words_low = low.split()
    if not words_low:
        # A speaker span of no words (a parsed subject clipped to the unit): nobody.
        return
    if _group_head(phrase):
        # 'Attorneys for Clinton said': the group, as written; not Clinton.
        q.speaker_name = phrase
        return
    beside = _name_before_role(ctx, phrase, s, e)
    if beside is not None:
        # 'Tom Fitton, the president of Judicial Watch, a conservative group, said':
        # the role describes the name before its comma; Judicial Watch is not him.
        q.speaker_name = beside
        ctx.persons.add(beside)
        return
    issuer = _issuer(ctx, phrase, s)
    if issuer is not None:
        # 'Mitch McConnell (R-Ky.) issued a statement saying that ...': the statement
        # speaks for whoever issued it.
        q.speaker_name = issuer
        return
    subject = _subject_past_place(ctx, phrase, s)
    if subject is not None:
        # 'Rachel Berg, a philanthropist from Monsey, New York, said': the place ends
        # the apposition; the person the sentence opens with speaks.
        q.speaker_name = subject
        ctx.persons.add(subject)
        return
    author = _AUTHORED.fullmatch(phrase)
    if author is not None:
        full = _full_name(ctx, author.group(1), s)
        if " " in full and (full in ctx.persons or name_gender(ctx, full)):
            # '"…," the Kok report said' after 'former Dutch prime minister Wim Kok': a
            # document named after its author speaks for them.
            q.speaker_name = full
            return
    located = _LOCATED.fullmatch(phrase)
    if located and is_organisation(ctx, located.group(1)):
        # 'the Pew Research Center in Washington', 'the Roper Center ... at Cornell
        # University in New York': the organisation, not the place it is in.
        q.speaker_name = located.group(1)
        ctx.organisations.add(q.speaker_name)
        return
    proper = _proper_name_phrase(
        ctx,
        phrase,
        titled=phrase.startswith("The ") and _MID_SENTENCE.search(text, 0, s) is not None,
    )
    if proper is not None:
        # 'the Daily Caller', 'the University of Michigan', 'The Vatican': a name
        # written whole, not a description of whoever the article named before
        # ('the Journal' is the 'Wall Street Journal' the article named).
        q.speaker_name = _full_name(ctx, proper, s)
        return
    surname = _SURNAME_OF.match(phrase)
    if surname and _surname(ctx, surname.group(1), s):
        # 'Butterfield of North Carolina', 'Heiserman of the CORE Teachers': the
        # person, in full when the article wrote it so, not the state or the union.
        q.speaker_name = _full_name(ctx, surname.group(1), s)
        ctx.persons.add(q.speaker_name)
        return
    named = _NAME_AFTER.match(text, e) if words_low[0] in DETERMINERS else None
    if named and (_person_description(ctx, phrase) or _ORGANISATION_ROLE.fullmatch(low)):
        # '..., said the company's chief executive, John J. Ferriola.': the name set
        # after the description, closing the clause.
        q.speaker_name = _full_name(ctx, named.group(1), s)
        ctx.persons.add(q.speaker_name)
        return
    apposed = _organisation_apposed(ctx, phrase, s)
    if apposed is not None:
        # 'JP Morgan, the US investment bank have said': the name the description is
        # set beside, not the organisation that spoke last.
        q.speaker_name = apposed
        ctx.organisations.add(apposed)
        return
    if (
        words_low[0] in ("the", "this", "that")
        and words_low[-1] in ORG_DESCRIPTORS
        and len(words_low) >= 3
        and phrase.split()[-2].islower()
        # People ('supporters', 'farmers', 'residents'), not a trade ('the telecoms
        # giant', 'the global sports giant').
        and (words_low[-2] in GROUP_HEADS or words_low[-2].endswith(("ers", "ents", "ists")))
    ):
        # 'the Man Utd supporters club', 'the farmers union': an association of those
        # people, not the organisation that spoke last (the club they support).
        q.speaker_name = phrase
        return
    if words_low[0] in ("the", "this", "that") and words_low[-1] in ORG_DESCRIPTORS:
        # 'Unilever said ... The company said': the organisation that spoke last,
        # else the one the sentences before are about.
        org = _organisation_before(ctx, s, earlier) or _subject_organisation(
            ctx, s, plural=False, any_named=True
        )
        if org is None or not _fits(ctx, phrase, org):
            # 'Twitter takes bigger steps …  The company said': the organisation the
            # article is about, when nothing nearer names one.
            org = None if re.search(r"\s[A-Z]", phrase) else _main_organisation(ctx, s)
        if org is not None and _fits(ctx, phrase, org):
            q.speaker_name = org
            ctx.organisations.add(org)
            return
    spokes = _SPOKES_HEAD.match(low)
    if spokes and (
        not re.search(r"\b(?:for|of|at|from|with)\b", low[spokes.end() :])
        or re.search(r"\b(?:the|this|that)\s+(?:\w+\s+)?(\w+)$", low)
        and low.split()[-1] in ORG_DESCRIPTORS
    ):
        # 'a spokesman', 'a company spokeswoman', 'the firm's spokesman', 'a
        # spokesman for the company': the voice of the organisation the article is
        # about (a name in the phrase, 'a Tesco spokesman', is kept as written).
        org = (
            None
            if re.search(r"\b[A-Z]", phrase[1:])
            # Not the organisation that spoke last, pages back: a spokesman speaks
            # for the one the text is about where the spokesman is cited.
            else _named_subject(ctx, s)
            or _subject_organisation(ctx, s, plural=False, any_named=True)
        )
        if (
            org is not None
            and org.lower().split()[-1] in ORG_DESCRIPTORS
            and not any(w[:1].isupper() for w in org.split()[1:])
        ):
            # 'The company said … A spokesman for the firm said': the organisation that
            # description was resolved to, not the description.
            org = next(
                (
                    p.speaker_name
                    for p in reversed(earlier)
                    if p.speaker is not None
                    and p.speaker_name
                    and text[p.speaker[0] : p.speaker[1]].lower().removeprefix("the ")
                    == org.lower().removeprefix("the ")
                    and p.speaker_name[:1].isupper()
                    and p.speaker_name.lower() != org.lower()
                ),
                org,
            )
        if org is not None and not (
            org in ctx.persons
            or name_gender(ctx, org)
            or (" " in org and not is_organisation(ctx, org))
        ):
            # Not a person's ('Abdoulaye Barry was hurt. ..., the spokeswoman
            # said'): a name of several words, none an organisation's, is taken for one.
            q.speaker_name = f"{org} {spokes.group(1)}"
            return
    if _SPOKES_FOR.match(low):
        # 'A spokeswoman for YouTube', 'a spokesman for Mayor Frank Jackson': an unnamed
        # voice, kept as written; not YouTube, nor the mayor.
        q.speaker_name = phrase
        return
    peer = _PEERAGE.search(phrase)
    if peer:
        # 'Lord Roberts of Conwy': the title is the name; Conwy is a place.
        q.speaker_name = peer.group(0)
        ctx.persons.add(q.speaker_name)
        return
    by = re.search(r"\bby\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)", phrase)
    run = _strip_titles(by.group(1)) if by else _trailing_name(phrase)
    related = False
    if run and not by:
        kept = _across_preposition(phrase, run)
        related, run = kept is None, kept
    last = re.sub(r"[’']s$", "", phrase.split()[-1])
    if related:
        # Somebody described by a tie to a name: nobody the article names.
        q.speaker_name = phrase
        return
    if run is None and last[:1].isupper() and _full_name(ctx, last, s) != last:
        # 'King said', 'Prince said': a title word that is the surname of a person
        # the article named in full ('Billy King').
        run = last
    if (
        run
        and (" " not in run or _COMPASS.fullmatch(run.split()[0]) and len(run.split()) == 2)
        and low.split()[0] == "the"
        and _is_demonym(ctx, phrase.split()[-1])
        and _full_name(ctx, run, s) == run
    ):
        # 'the Argentine', 'the Scot', 'the ex-Wallaby', 'the Northern Irishman', 'the
        # South African': a description, not a name.
        run = None
    if run == phrase.split()[-1] and _expand_role(phrase) != phrase:
        # 'the DA': a role, not a name (nor an organisation's acronym).
        run = None
    if run:
        q.speaker_name = _full_name(ctx, run, s)
        # Searched for a surname alone: each name searched compiles a pattern (_pattern).
        titled_as = " " not in run and _pattern(
            r"\b([A-Z][a-z]{1,4}\.?)\s+" + re.escape(run) + r"$"
        ).search(phrase)
        if (
            titled_as
            # A gendered title, not any short word before the surname: 'Paul King' is
            # written in full ('King' is a title too, but no man's name opens with it).
            and _title_gender(titled_as.group(0))
            and _titled_full_name(ctx, titled_as.group(0), s) == titled_as.group(0)
        ):
            if _goes_on_from(ctx, q, earlier, q.speaker_name):
                # '"A," Anais Faraj said. "B," Mr Faraj continued.': the quotation goes
                # straight on from the full name's; the first-name table is statistics,
                # the writer's title says who this is.
                ctx.genders[q.speaker_name] = _title_gender(titled_as.group(0))
            else:
                # 'Mrs Howard' after 'Michael Howard': his wife, not him.
                q.speaker_name = run
        if (
            phrase.split()[0].lower().strip(".") in PERSONAL_TITLES
            and q.speaker_name != run
            and is_organisation(ctx, q.speaker_name)
        ):
            # 'Mr. Clinton' is not the 'Clinton Foundation'.
            q.speaker_name = run
        titled_first = _pattern(r"\b([A-Z][a-z]{1,7}\.?)\s+" + re.escape(run) + r"$").search(phrase)
        if (
            " " not in run
            and titled_first
            and titled_first.group(1).lower() in ("prince", "princess", "king", "queen")
            and q.speaker_name.split()[0] == run
        ):
            # 'Prince Charles' is not 'Charles Kennedy': a royal's name is no first name
            # to be completed ('Sir Paul' is Paul McCartney; 'Mr Kim' Kim Yungmin).
            q.speaker_name = run
        if q.speaker_name == run and " " not in run:
            # "Mr Smith" with no full name in the article stays "Mr Smith".
            titled = _TITLE_WORD.search(phrase) and _pattern(
                r"(\b[A-Z][a-z]{1,4}\.?)\s+" + re.escape(run) + r"\b"
            ).search(phrase)
            if titled and titled.group(1).lower().strip(".") in TITLES:
                q.speaker_name = f"{titled.group(1)} {run}"
        if _TEAM.fullmatch(phrase):
            # 'The Chargers said', 'The Gunners said': a team, as 'the team said' after it.
            ctx.organisations.add(q.speaker_name)
        elif " " in q.speaker_name or _marks_person(phrase, run):
            ctx.persons.add(q.speaker_name)
        return
    if _unnamed(phrase):
        # 'a friend', 'one man', 'some families', 'media trackers': somebody the
        # article brings in without a name, not whoever it named before; only the
        # name the description is set beside ('Paul Porter, a truck driver') is theirs.
        beside = (
            _described(ctx, phrase, s, reach=_BESIDE)
            if text[max(0, s - 3) : s].rstrip().endswith(",")
            else None
        )
        q.speaker_name = beside if beside and _fits(ctx, phrase, beside) else phrase
        return
    if _introduced(text, phrase, s):
        # 'One man in Manchester interrupted ... "…," the man shouted': the
        # unnamed person the text brought in, not the candidate named before.
        q.speaker_name = phrase
        return
    # "the former shadow chancellor", "the post": a descriptor seen with a name.
    found = (
        # A name written with the description pages back is a weak sign ('The
        # actress said' after a paragraph on another actress; 'her friend' three
        # thousand characters after 'his friend X'): the near descriptor first.
        lambda: _described(ctx, phrase, s, reach=_DESCRIBED_REACH),
        # A document is cited across the article ('a report published by the World
        # Economic Forum' ... 'according to the report' pages on).
        lambda: _is_document(phrase) and _described(ctx, phrase, s),
        lambda: _organisation_role(ctx, phrase, s, earlier),
        lambda: (
            _person_description(ctx, phrase)
            and _continued(ctx, q, earlier, _role_gender(phrase) or _content_gender(ctx, q))
        ),
        # An office is held by one person across the article ('South Sudan's
        # president' pages after 'President Salva Kiir'); a friend or a man is not.
        lambda: (
            _head(phrase) in _OFFICES
            and phrase.split()[0].lower() not in _POSSESSIVES
            and _described(ctx, phrase, s, same_rank=True)
        ),
        # 'The home secretary said …' pages before 'Home Secretary Charles Clarke told
        # …': the office's holder, named later, not the person who spoke last.
        lambda: (
            _head(phrase) in _OFFICES
            and phrase.split()[0].lower() not in _POSSESSIVES
            and _described_after(ctx, phrase, s, reach=len(text), same_rank=True, office=True)
        ),
        lambda: _last_person(ctx, phrase, s, earlier, _content_gender(ctx, q)),
        lambda: _described_after(ctx, phrase, s),
    )
    q.speaker_name = next(
        (name for find in found if (name := find()) and _fits(ctx, phrase, name)), phrase
    )


def _before_own_content(ctx: Context, q: Quote, pos: int) -> int:
    """Where to look back from for the person a pronoun speaker at ``pos`` stands for:
    before the quote's own content when it opens the sentence unquoted ('Peter Hill is
    the wrong man, he said': 'he' speaks of Peter Hill, so is somebody else; a name
    inside quotation marks is no candidate anyway)."""
    c0 = q.content[0]
    if q.kind == "direct" or c0 >= pos or _SENTENCE_END.search(ctx.text, c0, pos):
        # (A content running over a sentence of narration, 'Josh Moore had reminded the
        # judge ... "…," he said.', is cut badly; its first name may be the speaker.)
        return pos
    if _CLAUSE_OPENER_BEFORE.search(ctx.text, c0, pos):
        # '... which Winston Churchill decided had to go since, he said, the average
        # Bobby ...' (bbc politics/290): the frame breaks into a clause of reason or time
        # of the content's own subject, who is the one that said it.
        return pos
    k = bisect_right(ctx.unit_starts, pos) - 1
    return c0 if k >= 0 and ctx.units[k][0] <= c0 else pos


_SENTENCE_END = lazy_compile(r"[.!?][”\"’'`]*\s")
# A subordinator and its comma just before the pronoun frame ('since, he said,').
_CLAUSE_OPENER_BEFORE = lazy_compile(
    r"\b(?:since|because|as|although|though|when|while|until|unless|if)\s*,\s*\Z"
)


def _goes_on_from(ctx: Context, q: Quote, earlier: list[Quote], name: str) -> bool:
    """Whether ``q`` is a quotation going straight on from one ``name`` said: the quote
    just before is theirs, in the same paragraph, with no sentence between (a relative
    of the same name is brought in by one: 'Her husband was not consulted.')."""
    prev = earlier[-1] if earlier else None
    if q.kind != "direct" or prev is None or prev.speaker_name != name or prev.cue is None:
        return False
    if "\n" in ctx.text[prev.content[1] : q.content[0]]:
        return False
    said = bisect_right(ctx.unit_starts, max(prev.cue[0], prev.content[0])) - 1
    return bisect_right(ctx.unit_starts, q.content[0]) - 1 - said <= 1


# An organisation's name, then where it is: 'the Pew Research Center in Washington'.
_CAPS = r"[A-Z][\w’'.&\-]*(?:\s+(?:of|for|and|on|&)?\s*[A-Z][\w’'.&\-]*)*"
_LOCATED = lazy_compile(
    r"(?:[Tt]he\s+)?(" + _CAPS + r")(?:,?\s+(?:in|at)\s+(?:the\s+)?" + _CAPS + r")+"
)
# 'the Kok report', "Mr Kok's report": a document and the surname of its author.
_AUTHORED = lazy_compile(
    r"(?:[Tt]he\s+|(?:Mr|Mrs|Ms|Dr|Lord|Sir)\.?\s+)?([A-Z][a-z][\w\-]*)(?:[’']s)?\s+"
    r"(?:report|review|study|letter|memo|book|paper|plan|proposals?)"
)


def _marks_person(phrase: str, run: str) -> bool:
    """Whether the words of a speaker phrase around a one-word name show a person
    ('Mr Smith', 'striker Rooney', "Arsenal's Edu"), unlike 'now Europe', "China's"
    or 'Transport for London', whose name is a place's."""
    rest = phrase.replace(run, " ", 1).split()
    return any(
        w.lower().strip(".,’'") in TITLES | PERSON_ROLES | PERSON_HEADS
        or (re.search(r"\w[’']s$", w) is not None and w[:1].isupper())
        for w in rest
    )


# What opens a description of somebody the article does not name.
_UNNAMED_OPENERS = {"a", "an", "another", "one", "some", "several", "many", "those", "these"}
# Words a description's head may be that make it a document ('the report said').
_DOCUMENT_HEADS = STATEMENT_NOUNS | {
    "paper", "document", "study", "survey", "poll", "lawsuit", "suit", "book", "movie", "film",
    "ranking", "biography", "analysis", "indictment", "ad", "op-ed", "editorial", "article",
    "summary", "affidavit", "excerpt", "transcript",
}  # fmt: skip
# A document and its author: 'a report by Tom Reed', 'An Open Letter from chief executive
# Sidney Taurel'.
_DOCUMENT_BY = lazy_compile(
    r"\b((?i:"
    + "|".join(sorted(STATEMENT_NOUNS | _DOCUMENT_HEADS))
    + r"))\s+(?:(?:\w+\s+){0,3}?by\s+(?:the\s+)?|from\s+(?:[a-z][\w\-]*\s+){0,3})"
    r"([A-Z][\w’'\-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'\-]+)+)"
    # 'The book by Sunday Telegraph journalist Robert Peston': the person after the role.
    r"(?:\s+(?:[a-z]+\s+){0,2}(?:"
    + "|".join(sorted(PERSON_ROLES))
    + r")\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+))?"
)
_DOCUMENT_NOUNS = frozenset(STATEMENT_NOUNS | _DOCUMENT_HEADS)
# An organisation's name before a document it issued: 'The WEF report', 'an IMF study'.
_ISSUED_DOCUMENTS = frozenset({"report", "study", "survey", "poll", "review", "analysis"})
_ORGANISATION_BEFORE = lazy_compile(
    r"(?<![\w’'.&\-])(?:(?:The|A|An)\s+)?([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})\s+$"
)
# Places a name for a person is never: 'Atlantic City', 'the South China Sea', 'Latin America'.
_PLACE_ENDS = PLACE_WORDS | {"america", "state", "states", "africa", "asia", "europe"}


# Who a role apposition may describe: a person's role or a party member's label
# ('Representative Steve Cohen, Democrat of Tennessee,').
_APPOSITION_ROLES = PERSON_ROLES | TITLES | APPOSITION_WORDS
# A name run closing just before the comma that opens an apposition.
_NAME_BEFORE_COMMA = lazy_compile(r"((?:[A-Z][\w’'\-]*\.?\s+){0,4}[A-Z][\w’'\-]+),\s+$")


def _name_before_role(ctx: Context, phrase: str, pos: int, end: int) -> str | None:
    """The name a role apposition describes: 'Mark Holden, chairman of the board of
    Freedom Partners, ...', 'Senator Lindsey Graham, Republican of South Carolina,
    ...': the phrase is a role (a determiner and lower-case words allowed before it),
    with a name run right before its comma. None when the phrase is no role or no
    person's name precedes it (a place, an organisation, a lone word the article
    names nobody by), or no comma closes it ('Instead, the businessman has said' is
    the subject after an adverb)."""
    if not ctx.text.startswith(",", end):
        return None
    role_part = re.split(r"\s(?:of|for|at|with)\s", phrase, maxsplit=1)[0].split()
    if not role_part or role_part[-1].lower() not in _APPOSITION_ROLES:
        return None
    if any(w[:1].isupper() for w in role_part[1:-1]) or (
        len(role_part) > 1
        and role_part[0][:1].isupper()
        and role_part[0].lower() not in DETERMINERS
    ):
        # 'Clinton press secretary Brian Fallon': a name inside the role is the
        # person's own, or an owner's; not an apposition.
        return None
    m = _NAME_BEFORE_COMMA.search(ctx.text, max(0, pos - 80), pos)
    if m is None or "\n" in m.group(0) or re.search(r"\w\w\.\s", m.group(1)):
        # Not across a line or a sentence's full stop ('Israel. Instead,').
        return None
    parts = _strip_titles(re.sub(r"[’']s$", "", m.group(1))).split()
    while parts and parts[0].lower().strip(".") in _APPOSITION_ROLES:
        # 'Representative Steve Cohen': the role is no part of the name.
        parts = parts[1:]
    name = " ".join(parts)
    if (
        not parts
        or any(w.lower().strip(".") in NOT_NAME for w in parts)
        or is_organisation(ctx, name)
        or _place_around(ctx.text, m.start(1), m.end(1))
    ):
        return None
    if len(parts) == 1:
        full = _full_name(ctx, name, pos)
        return full if full != name else None
    return name


def _organisation_apposed(ctx: Context, phrase: str, pos: int) -> str | None:
    """The name before the comma of an organisation's description in apposition ('JP
    Morgan, the US investment bank', 'Interbrew, the Leuven-based brewery'): a
    description of three words or more (a bare 'the company said' after a clause is the
    narrator's frame), a name that is no person's, place's or nationality's."""
    words = phrase.split()
    if (
        len(words) < 3
        or words[0].lower() not in ("the", "a", "an")
        or words[-1].lower() not in ORG_DESCRIPTORS
        or not words[-1].islower()
    ):
        return None
    m = _NAME_BEFORE_COMMA.search(ctx.text, max(0, pos - 80), pos)
    if m is None or "\n" in m.group(0) or re.search(r"\w\w\.\s", m.group(1)):
        return None
    before = ctx.text[max(0, m.start(1) - 12) : m.start(1)].rstrip()
    k = bisect_right(ctx.unit_starts, m.start(1)) - 1
    if not (
        (k >= 0 and not ctx.text[ctx.units[k][0] : m.start(1)].strip(" “\"‘'"))
        or before.endswith((",", "including", "—", "–", " -", "("))
    ):
        # The name must open its noun phrase: 'residents of flood-ravaged Louisiana, a
        # Baton Rouge newspaper called on …' is no apposition to Louisiana.
        return None
    name = re.sub(r"[’']s$", "", m.group(1))
    parts = name.split()
    if (
        parts[0].lower() in NOT_NAME - ORG_WORDS
        or name in ctx.persons
        or name_gender(ctx, name)
        or parts[-1].lower() in PLACE_WORDS
        or _place_around(ctx.text, m.start(1), m.end(1))
        or _is_demonym(ctx, parts[-1])
    ):
        return None
    return name


# Lower-case words inside an organisation's name ('the Bureau of Labor Statistics').
_CONNECTORS = {"of", "for", "and", "on", "de", "the", "&"}


# Before a place or an organisation inside an apposition: 'in Dallas', 'from Monsey,
# New York', 'of Columbia, South Carolina', 'working with Priorities USA'.
_PLACE_LEAD = lazy_compile(
    r"\b(?:in|at|near|from|to|of|outside|with|for)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s+){0,3}?"
    r"(?:[A-Z][\w.’'\-]*,\s+)?$"
)
# A person's name opening a sentence, before an apposition or 'of'/'from' a place.
_OPENING_NAME = lazy_compile(
    r"((?:[A-Z][\w’'\-]*\.?\s+){1,4}[A-Z][\w’'\-]+)(?=,\s|\s+(?:of|from)\s)"
)


# A document as the object of publishing, and the name that published it just before.
_ISSUED_DOC = lazy_compile(
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+)?(?:statement|letter|email|memo|"
    r"note|report|release|tweet|post|video|message)"
)
_ISSUER = lazy_compile(
    r"((?:[A-Z][\w’'\-]*\.?\s+){0,5}[A-Z][\w’'\-]+)(?:\s*\([^()\n]{1,20}\))?\s+"
    r"(?:issued|released|put\s+out|posted|sent|sent\s+out|published|tweeted|wrote)\s+$"
)


def _issuer(ctx: Context, phrase: str, pos: int) -> str | None:
    """The name that issued the document a speaker phrase is: 'Secretary Martin Andanar
    released a statement saying ...' gives Martin Andanar. None unless the phrase is a
    document and a name (titles and roles dropped) is the subject of the publishing
    verb right before it."""
    if not _ISSUED_DOC.fullmatch(phrase):
        return None
    m = _ISSUER.search(ctx.text, max(0, pos - 120), pos)
    if m is None or "\n" in m.group(1):
        return None
    parts = _strip_titles(m.group(1)).split()
    while parts and parts[0].lower().strip(".") in _APPOSITION_ROLES | NOT_NAME | ROLE_QUALIFIERS:
        parts = parts[1:]
    if not parts or any(w.lower().strip(".") in _APPOSITION_ROLES for w in parts):
        return None
    return _full_name(ctx, " ".join(parts), pos)


def _subject_past_place(ctx: Context, phrase: str, pos: int) -> str | None:
    """The person a sentence opens with, when the speaker phrase is a place or an
    organisation ending an apposition after them ('Dean Johnson, a salesman from
    Sumter, South Carolina, said'; 'Stacy Baker of Columbia, South Carolina says';
    'Geoff Garin, a pollster who is working with Priorities USA, said'). None unless
    the phrase is a capitalised name written after 'in', 'from', 'with' ... (and a
    town), and the sentence opens with a name of two words or more that is no
    organisation's."""
    words = phrase.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    text = ctx.text
    if not _PLACE_LEAD.search(text, max(0, pos - 60), pos):
        return None
    sents = ctx.doc.sentences
    k = bisect_right([a for a, _ in sents], pos) - 1
    if k < 0 or pos - sents[k][0] > 300:
        return None
    m = _OPENING_NAME.match(text, sents[k][0], pos)
    if m is None or "\n" in m.group(1):
        return None
    name = _strip_titles(m.group(1))
    if (
        len(name.split()) < 2
        or any(w.lower().strip(".") in NOT_NAME for w in name.split())
        or is_organisation(ctx, name)
    ):
        return None
    return name


_SURNAME_OF = lazy_compile(r"([A-Z][\w’'\-]+)\s+of\s+(?:the\s+)?[A-Z]")


def _surname(ctx: Context, word: str, pos: int) -> bool:
    """Whether a capitalised word before 'of' is a person's surname: the article wrote
    it in a full name, or it is a word English hardly uses otherwise ('Larkfield',
    not 'Most', 'Friends' or 'Leaders', capitalised only as a sentence's first)."""
    if _full_name(ctx, word, pos) != word:
        return True
    low = word.lower()
    return (
        word.isalpha()
        and low not in ORG_WORDS | NOT_NAME | TITLES | PERSON_HEADS
        and zipf_frequency(low) < _RARE_WORD
    )


# Below this Zipf frequency (per billion words, log10) a capitalised word is a name.
_RARE_WORD = 3.0


def _nationality(ctx: Context, word: str) -> bool:
    """'Iranian', 'Chinese', 'Spanish': a demonym of a country's shape, which names no
    organisation ('Bombardier' has a demonym's shape too)."""
    return word.endswith(("an", "ese", "ish")) and _is_demonym(ctx, word)


def _is_demonym(ctx: Context, word: str) -> bool:
    """Whether a capitalised word names somebody by where they are from ('the Texan',
    'the Scot', 'the Australian'): the demonym's shape, and, for an ending in '-an'
    (not '-ian', '-man'), which other names share ('Vatican'), a place the
    article writes with the same first four letters ('Texas', 'Kenya') or the word
    before a person's name ('Kenyan Eliud Kipchoge')."""
    if not _DEMONYM.fullmatch(word):
        return False
    bare = word.removeprefix("ex-").removeprefix("Ex-")
    if not bare.endswith("an") or bare.endswith(("man", "ian")) or len(bare) < 5:
        return True
    forms = {bare, bare + "s", bare + "'s", bare + "’s"}
    place = _pattern(r"\b" + re.escape(bare[:4]) + r"[\w’']*")
    if any(m.group(0) not in forms for m in place.finditer(ctx.text)):
        return True
    before_name = _pattern(rf"\b{re.escape(bare)}\s+[A-Z][a-z]+\s+[A-Z]")
    return before_name.search(ctx.text) is not None


def _proper_name_phrase(ctx: Context, phrase: str, titled: bool = False) -> str | None:
    """'the Daily Caller' -> 'Daily Caller', 'The Vatican', 'the University of
    Michigan', 'The Committee for a Responsible Federal Budget': 'the' and a capitalised
    name (connectors inside) name an organisation or a place as written. None for a
    title or role ('the Prime Minister', 'the DA'), a nationality ('the Scot', 'the
    Texan') or a team's plural (left to the team rule). ``titled``: the phrase opens with
    a capital 'The' inside a sentence ('as The New Yorker put it'), a title's."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() != "the" or _expand_role(phrase) != phrase:
        return None
    rest = words[1:]
    if (
        not all(
            w[:1].isupper()
            or w in _NAME_CONNECTORS
            # 'for the 6th Circuit'; not 'the 55-year-old Frenchman'.
            or (w[:1].isdigit() and k > 0 and rest[k - 1] in _NAME_CONNECTORS)
            for k, w in enumerate(rest)
        )
        or not rest[-1][:1].isupper()
        or rest[0] in _NAME_CONNECTORS
    ):
        return None
    if any(re.search(r"[’']s?$", w) for w in rest[:-1]):
        # 'The Post's Chris Cillizza': an owner and a name, for the name rule.
        return None
    head_run = rest[: next((k for k, w in enumerate(rest) if w in _CONNECTORS), len(rest))]
    if any(w.lower().strip(".,’'") in _APPOSITION_ROLES | PERSON_HEADS for w in rest) and not (
        # 'the Republican Party of Wyoming': an organisation's name whose head is no
        # role ('the Prime Minister of Britain' still is one).
        len(head_run) >= 2
        and head_run[-1].lower() in ORG_WORDS
        and not any(w.lower().strip(".,’'") in PERSON_HEADS | TITLES for w in head_run)
    ):
        return None
    if (
        not titled and _is_demonym(ctx, rest[-1]) and all(_COMPASS.fullmatch(w) for w in rest[:-1])
    ) or (len(rest) == 1 and _TEAM.fullmatch(phrase)):
        # 'the Scot', 'the Northern Irishman', 'The Chargers'.
        return None
    return re.sub(r"[’']s$", "", " ".join(rest))


# Lower-case words inside an organisation's name ('the Committee for a Responsible
# Federal Budget', 'the U.S. Court of Appeals for the 6th Circuit').
_NAME_CONNECTORS = _CONNECTORS | {"a", "an", "to"}
# Text before a word inside a sentence (no sentence end, line break or opening quote).
_MID_SENTENCE = lazy_compile(r"[\w,;’'”\)]\s+$")


def _unnamed(phrase: str) -> bool:
    """'a friend', 'another supporter', 'some families', 'media trackers': an
    indefinite description or a group, which stands for nobody named before."""
    words = phrase.lower().split()
    return bool(words) and (
        words[0] in _UNNAMED_OPENERS or words[-1] in BARE_SPEAKERS | {"crowd", "audience"}
    )


def _head(phrase: str) -> str:
    """A description's head noun: 'spokesman' in 'a spokesman for the council'."""
    words = re.split(r"\s(?:for|of|at|from|with|in)\s", phrase.lower(), maxsplit=1)[0].split()
    # 'the Tory co-chairman' holds the office of chairman.
    return re.sub(r"^co-|[’']s$", "", words[-1]) if words else ""


def _introduced(text: str, phrase: str, pos: int) -> bool:
    """Whether a definite description ('the man') takes up an indefinite one written
    just before with the same head ('One man in Manchester', 'a young woman'), so
    stands for somebody the article does not name."""
    words = phrase.lower().split()
    if len(words) < 2 or words[0] != "the":
        return False
    head = _head(phrase)
    if head in PERSON_ROLES - {"man", "woman"}:
        # 'A new campaign manager could ...': a role may be hypothetical; its
        # holder is named elsewhere.
        return False
    lo = max(0, pos - _INTRODUCED_REACH)
    for m in _pattern(
        r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){0,2}" + re.escape(head) + r"\b"
    ).finditer(text[lo:pos]):
        s, e = lo + m.start(), lo + m.end()
        if not (
            # 'Ema Suryani, a doctor', 'a doctor, Ema Suryani', 'an affidavit written
            # by Marc Bujnowski': a name written beside the introduction is theirs.
            _NAME_COMMA_BEFORE.search(text, max(0, s - 60), s) or _NAME_AFTER_INTRO.match(text, e)
        ):
            return True
    return False


_NAME_COMMA_BEFORE = lazy_compile(r"[A-Z][\w’'\-]+,\s*$")
_NAME_AFTER_INTRO = lazy_compile(r"(?:,\s*|\s+(?:\w+\s+)?by\s+|\s+)[A-Z][\w’'\-]+")


# How far back an indefinite description may introduce a definite one: two sentences.
_INTRODUCED_REACH = 400


def _is_document(phrase: str) -> bool:
    """'the report', 'a New York Times/CBS News poll': a document, named by a
    lower-case head ('The Washington Post' is a newspaper's name)."""
    head = _head(phrase)
    return head in _DOCUMENT_HEADS and _pattern(r"\b" + re.escape(head)).search(phrase) is not None


def _fits(ctx: Context, phrase: str, name: str) -> bool:
    """Whether a name found for a description can be what it describes: a person's
    role ('the governor') is no organisation's or place's name, an organisation ('the
    company') no person's, a document ('the report') for an organisation or its author;
    and no name opens with a conjunction ('Yet Bloomberg', 'Then Brafman', 'Both')."""
    words = name.split()
    if not words or words[0].lower() in LEAD_CONJ | {"both", "however"}:
        return False
    head = _head(phrase)
    if _is_document(phrase):
        # 'A report by Tom Reed ... the report said': an author the article gives.
        return is_organisation(ctx, name) or any(
            n == name and f"by {head}" in desc for _, desc, n in ctx.descriptors
        )
    if head in _ONE_PERSON or SPOKES.search(head) or _person_description(ctx, phrase):
        if (name in ctx.interviewers) != (head in INTERVIEWERS):
            # 'Interviewer Mark Lane asked the senator ... The senator said': not him;
            # 'the moderator' is nobody the article did not call one.
            return False
        if head in _OFFICES:
            shadow = "shadow" in phrase.lower().split()
            if shadow != any(n == name and "shadow" in desc for _, desc, n in ctx.descriptors):
                # 'the shadow home secretary' is nobody the article writes only as
                # 'Home Secretary Charles Clarke', and 'the chancellor' not 'shadow
                # chancellor Oliver Letwin'.
                return False
            held = ctx.offices.get(name)
            if (
                held
                and head not in held
                and not (
                    # 'Education Secretary Ruth Kelly … The minister': a secretary of state
                    # and a chancellor are ministers ('the prime minister' is not one).
                    phrase.lower().split() == ["the", "minister"]
                    and held & {"secretary", "chancellor"}
                )
            ):
                # 'Representative Michele Bachmann ... The president told her': a
                # person the article gives another office does not hold this one.
                return False
        return not (
            is_organisation(ctx, name)
            or words[-1].lower() in _PLACE_ENDS
            or (len(words) > 2 and name.isupper())
        )
    if head in ORG_DESCRIPTORS or head in ORG_WORDS:
        if head in _COMMERCIAL and words[-1].lower() in _PUBLIC_BODIES | _PUBLICATIONS:
            # 'Verizon ... the Labor Department said ... The company had argued': a
            # department, an agency or a court is no company; nor is the paper that
            # carried a company's adverts or reported on it ('the Wall Street Journal').
            return False
        return is_organisation(ctx, name) or name not in ctx.persons
    return True


# Offices a person is written with, abbreviations spelt out, for telling 'the
# president' from a representative the article named.
_ROLE_FORMS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
    "co-chairman": "chairman", "co-chairwoman": "chairwoman",
}  # fmt: skip
# 'Tory co-chairman Liam Fox' holds no other office: 'the prime minister' is not him.
_HELD = {
    "president", "governor", "mayor", "senator", "chancellor", "minister", "secretary",
    "representative", "congressman", "congresswoman", "ambassador", "sheriff", "ceo",
    "chairman", "chairwoman",
}  # fmt: skip
# Descriptions only a business fits, and the last words of public bodies' names.
_COMMERCIAL = {
    "company", "firm", "retailer", "chain", "carrier", "airline", "maker", "manufacturer",
    "startup", "insurer", "giant", "lender", "brewer", "supermarket", "grocer", "carmaker",
    "automaker", "chipmaker", "drugmaker", "publisher", "broadcaster", "conglomerate",
}  # fmt: skip
_PUBLIC_BODIES = {
    "department", "ministry", "agency", "bureau", "office", "commission", "committee",
    "senate", "house", "congress", "court", "police", "council", "government",
    "administration", "board", "authority", "service", "parliament", "army", "navy",
}  # fmt: skip
# The last words of newspapers' and journals' names.
_PUBLICATIONS = {
    "journal", "times", "post", "herald", "gazette", "telegraph", "tribune", "mail",
    "magazine", "newspaper", "examiner", "chronicle", "observer", "independent", "guardian",
}  # fmt: skip
# Heads of a description of one person ('the admiral', 'the host', 'her friend').
_ONE_PERSON = PERSON_HEADS | _PERSON_NOUNS | TITLES | {"admiral", "host", "woman", "man"}
# Offices one person holds across an article (not 'candidate', 'official', 'friend').
_OFFICES = set(
    """president governor mayor senator chancellor minister secretary king queen prince
    princess pope ceo chairman chairwoman coach manager commissioner sheriff ambassador
    superintendent""".split()
)
_POSSESSIVES = {"its", "his", "her", "their", "our", "my"}
# Offices whose holders are ministers ('Education Secretary Ruth Kelly ... The minister').
_MINISTERS = {"secretary", "chancellor"}
# Words that make a different office of the same role: 'vice president', 'former mayor'.
_RANKS = {
    "former", "ex", "vice", "deputy", "acting", "assistant", "interim", "lieutenant", "shadow",
}  # fmt: skip
# How far before an indefinite description the name it is set beside may start.
_BESIDE = 80
# How far before a definite description a name written with it is near (a few sentences).
_DESCRIBED_REACH = 1200


# 'the company's chief executive', 'the club's chairman', 'its finance director': a role
# held in an organisation the article names.
_ORGANISATION_ROLE = lazy_compile(
    r"(?:(?:the|this|that)\s+(?:"
    + "|".join(sorted(ORG_DESCRIPTORS))
    + r")[’']s|its|their)\s+((?:[a-z\-]+\s+){0,2}[a-z\-]+)"
)


def _organisation_role(ctx: Context, phrase: str, pos: int, earlier: list[Quote]) -> str | None:
    """'the company's chief executive' with no name written with that role: the role
    of the organisation the text is about ("Rexam chief executive"), as a spokesman's
    is, else the phrase as written; never the person the text was just about (an
    analyst quoted before)."""
    m = _ORGANISATION_ROLE.fullmatch(phrase.lower())
    if m is None or m.group(1).split()[-1] not in PERSON_ROLES:
        return None
    org = _organisation_before(ctx, pos, earlier) or _subject_organisation(
        ctx, pos, plural=False, any_named=True
    )
    # 'The company said ...' before names no organisation: the role stays as written,
    # tied to its organisation, not the person the text was just about.
    if org is None or not org[:1].isupper() or org in ctx.persons or name_gender(ctx, org):
        return phrase
    return f"{org} {m.group(1)}"


# Cues that carry an utterance on: 'he added', 'the former Scotland international added'.
_CONTINUING = {"added", "adds", "add", "continued", "continues"}


def _continued(ctx: Context, q: Quote, earlier: list[Quote], gender: str) -> str | None:
    """The person who spoke last, when ``q``'s cue carries their words on ('Strachan
    told the BBC. Club director Terry Brady held talks with him. The former Scotland
    international added ...'): the nearest attribution before it, at most two
    sentences back, whose speaker is a named person of a compatible gender."""
    if q.cue is None or ctx.text[q.cue[0] : q.cue[1]].lower() not in _CONTINUING:
        return None
    k = bisect_right(ctx.unit_starts, q.speaker[0] if q.speaker else q.content[0]) - 1
    lo = ctx.units[max(0, k - 2)][0] if k >= 0 else 0
    for p in reversed(earlier):
        if p.speaker is None or p.speaker[0] < lo:
            return None
        name = p.speaker_name
        if not name or name.lower() in PRONOUNS or name.lower() in RELATIVES:
            continue
        if (
            p.speaker_type == "person"
            and " " in name
            # 'says the DJ. … he added': a description left unresolved names nobody.
            and name.split()[0].lower() not in DETERMINERS
            and _gender_ok(ctx, name, gender)
        ):
            return name
        return None
    return None


def _content_gender(ctx: Context, q: Quote) -> str:
    """'m'/'f' when the reported clause opens with 'he' or 'she' ('The heavy metal star
    said he could have …'): mostly the speaker speaking of themself, so a description
    resolved to the person just spoken of should fit it; else ''."""
    if not q.parts or q.kind == "direct":
        return ""
    first = ctx.text[q.parts[0][0] : q.parts[0][0] + 4].split()[:1]
    return {"he": "m", "she": "f"}.get(first[0].lower(), "") if first else ""


def _last_person(
    ctx: Context, phrase: str, pos: int, earlier: list[Quote], gender: str = ""
) -> str | None:
    """'Ferguson believes ... The United boss said', 'But the Scot admitted': a
    definite description of a person (a role, a nationality, an age) that the
    article never wrote beside a name stands for the person the text was just
    about, found as for 'he'/'she' (gender from '-man'/'-woman')."""
    if not _person_description(ctx, phrase):
        return None
    name = _antecedent(ctx, pos, _role_gender(phrase) or gender, earlier)
    if (
        name is None
        or is_organisation(ctx, name)
        or " " not in name
        # 'Israeli officials': a group, nobody's description; 'the prime minister':
        # another description, unnamed.
        or _is_group(name)
        or name.split()[0].lower() in DETERMINERS
    ):
        return None
    head = _head(phrase)
    if head in _OFFICES and phrase.lower().split()[-1] == head:
        roles = {w for _, desc, n in ctx.descriptors if n == name for w in desc} & (
            PERSON_ROLES | _OFFICES
        )
        if roles and head not in roles and not (head == "minister" and roles & _MINISTERS):
            # 'Holyrood leader Nicola Sturgeon wrote to Mr McConnell ... the first
            # minister said': an office is not held by the person just spoken of when
            # the article gives her another role and never this one.
            return None
    side = _PARTY_SIDE.get(next((w for w in phrase.lower().split() if w in _PARTY_SIDE), ""))
    if side and any(
        n == name and any(_PARTY_SIDE.get(w, side) != side for w in desc)
        for _, desc, n in ctx.descriptors
    ):
        # 'the Democratic front-runner' is not a person the article writes with
        # another party ('Republican front-runner Donald J. Trump').
        return None
    return name


def _person_description(ctx: Context, phrase: str) -> bool:
    """'The former Scotland international', 'the Scot', 'the 23-year-old': a definite
    description of one person by role, nationality or age (not a spokesman's)."""
    words = phrase.split()
    if not words or words[0].lower() != "the" or SPOKES.search(phrase.lower()):
        return False
    if _ROLE_DESCRIPTION.fullmatch(phrase) and _role_head(phrase) in _ROLE_HEADS:
        # 'the former secretary of state', 'the presumptive Republican presidential
        # nominee', 'the retired neurosurgeon': an office or a role, written in lower
        # case, of somebody in the news.
        return True
    if not 2 <= len(words) <= 4:
        return False
    head = words[-1]
    low = head.lower()
    if low in ORG_DESCRIPTORS or low in BARE_SPEAKERS:
        return False
    return (
        low in PERSON_HEADS
        or low.endswith("-old")
        or _is_demonym(ctx, head)
        # 'the world number one'
        or (words[-2].lower() == "number" and low in ("one", "two", "three"))
    )


_PARTY_SIDE = {
    "democratic": "d", "democrat": "d", "republican": "r", "gop": "r",
    "labour": "l", "conservative": "c", "tory": "c",
}  # fmt: skip


def _role_head(phrase: str) -> str:
    """The head of a role description: the last word before any 'of'."""
    return phrase.split(" of ", 1)[0].split()[-1].lower()


# 'the former secretary of state', 'the former CEO of Hewlett-Packard', 'the
# presumptive Republican presidential nominee': 'the', up to five words ending in a
# lower-case head or a role's acronym ('CEO'; capitalised words only before it), then
# at most an 'of' and a name or 'state'; no possessive ('the secretary of state's
# website').
_ROLE_DESCRIPTION = lazy_compile(
    r"[Tt]he(?:\s+[\w\-]+){0,4}\s+(?:[a-z][a-z\-]+|[A-Z]{2,4})"
    r"(?:\s+of\s+(?:state|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
)
# Heads of descriptions political and business copy gives one person ('the
# billionaire developer', 'the retired neurosurgeon'). Not 'front-runner': read on
# PolNeAR train, 'the GOP front-runner' was as often a rival named nearby as the
# front-runner himself.
_CAMPAIGN_HEADS = set(
    """neurosurgeon surgeon developer magnate mogul billionaire
    hopeful contender challenger incumbent lawmaker legislator politician pollster
    businessman businesswoman investor financier heiress comedian""".split()
)
# Relations and kin ('the mother of one of the victims') name nobody by themselves.
_ROLE_HEADS = (PERSON_ROLES | _CAMPAIGN_HEADS) - set(
    "widow mother father son daughter wife husband man woman".split()
)
# ', John J. Ferriola.' after a speaker's description: the name, to the clause's end.
_NAME_AFTER = lazy_compile(
    r",\s+((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+)(?=\s*(?:[.;!?]|,\s|$))"
)
_COMPASS = lazy_compile(r"Northern|Southern|Eastern|Western|North|South|East|West|New")
# 'The Chargers', 'the Gunners': a plural name after 'the' is a team's or a group's.
_TEAM = lazy_compile(r"[Tt]he\s+(?:[A-Z][\w’'\-]+\s+)?[A-Z][\w’'\-]*[a-rt-z]s")


# 'the Scot', 'the Argentine', 'the Frenchman', 'the ex-Wallaby': nationalities.
_DEMONYM = lazy_compile(
    r"(?:[Ee]x-)?(?:[A-Z][a-z]+(?:an|ian|ese|ish|man|ine|ch|ss|ot|i|er|y)"
    r"|Spaniard|Dane|Swede|Pole|Serb|Croat|Finn|Turk|Greek|Basque|Brit|Aussie)"
)


def _described(
    ctx: Context, phrase: str, pos: int, reach: int | None = None, same_rank: bool = False
) -> str | None:
    """The name a description stands for: the one the article wrote with the most
    of its words ("the former shadow chancellor" after "Former shadow chancellor Ed
    Balls"). Not a spokesman's or a group's ("the police", "officials"). With
    ``reach``, only a name written at most that many characters before ``pos``; with
    ``same_rank``, only one whose descriptor has the same rank words ('the former
    president' is not 'Vice President Joe Biden')."""
    phrase = _expand_role(phrase)
    low = phrase.lower()
    head = low.split()
    if (
        not head
        # A district attorney or attorney general holds an office, and speaks for it.
        or SPOKES.search(_ATTORNEY_OFFICE.sub("", low))
        or head[-1] in BARE_SPEAKERS
        # 'The US said', 'the Financial Times reported': a country's or an
        # organisation's name, not a description of the person named 'US President X'.
        or (len(head[-1]) > 1 and phrase.split()[-1].isupper())
        or head[-1] in ORG_WORDS
        or not (
            phrase[:1].islower()
            or head[0] in DETERMINERS
            # "South Sudan's president": a description whose head is a role, in
            # lower case ('King' alone is a name: Billy King).
            or (head[-1] in PERSON_ROLES | TITLES and phrase.split()[-1].islower())
        )
    ):
        return None
    words = _desc_words(phrase)
    # "South Sudan's president" is somebody described as a president, not any name
    # written near "South Sudan".
    role = next(
        (w for w in reversed(low.partition(" of ")[0].split()) if w in PERSON_ROLES | TITLES), None
    )
    best = None
    hi = bisect_right(ctx.desc_starts, pos)
    # The nearest 200 descriptors before the mention: a bound on the work per quote.
    for off, desc, name in ctx.descriptors[max(0, hi - 200) : hi]:
        if (
            (reach is not None and pos - off > reach)
            or (same_rank and words & _RANKS != desc & _RANKS)
            # 'the shadow home secretary' is not 'Home Secretary Charles Clarke'.
            or ("shadow" in words and "shadow" not in desc)
        ):
            continue
        shared = len(words & desc)
        if (
            shared
            # "South Sudan's president" after "President Salva Kiir": the role
            # alone is enough when the description names one.
            and (shared >= min(2, len(words)) or role is not None)
            and (role is None or role in desc)
            and (best is None or shared >= best[0])
        ):
            best = (shared, name)
    return best[1] if best else None


# Roles written as capitals: read as acronyms, "the DA" was an organisation and linked to
# nobody, though the article had named "District Attorney Richard Brown".
_ROLE_ABBREVIATIONS = {
    "DA": "district attorney",
    "PM": "prime minister",
    "AG": "attorney general",
    "CEO": "ceo",
    "MP": "mp",
    "DJ": "dj",
}


_ATTORNEY_OFFICE = lazy_compile(r"\bdistrict attorney\b|\battorney general\b")


def _expand_role(phrase: str) -> str:
    """'the DA' as 'the district attorney': a role abbreviation spelt out, so that it
    matches the words the article wrote with the name."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return phrase
    full = _ROLE_ABBREVIATIONS.get(re.sub(r"[’']s$", "", words[-1]))
    return " ".join(words[:-1] + [full]) if full else phrase


# How far after a description its name may first be written: the next two or three
# sentences.
_CATAPHORA_REACH = 500


# A verb of saying right after a name (its frame).
_SPEAKS_NEXT = lazy_compile(
    r"(?:,[^,.;:!?]{1,80},)?\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|insisted|argued"
    r"|warned|stated|explained|wrote)\b"
)


def _described_after(
    ctx: Context,
    phrase: str,
    pos: int,
    reach: int = _CATAPHORA_REACH,
    same_rank: bool = False,
    office: bool = False,
) -> str | None:
    """The name a role description introduces before the article writes it ('The
    president of South Sudan ... said he fears ... "…," President Salva Kiir said'):
    the first name written with that role in the next few sentences. Only for a
    definite description whose head is a role, when nothing before resolved it.
    With ``office`` (an office held by one person, looked for anywhere after), only a
    holder who speaks where the article names them."""
    low = re.sub(r"[’']s\b", "", phrase.lower())
    words = low.split()
    if not 1 < len(words) <= 8 or SPOKES.search(low) or words[0] in ("a", "an", "one", "another"):
        return None
    role = next(
        (w for w in reversed(low.partition(" of ")[0].split()) if w in PERSON_ROLES | TITLES), None
    )
    if role is None or words[-1] in BARE_SPEAKERS:
        return None
    rest = _desc_words(phrase) - {role}
    lo = bisect_right(ctx.desc_starts, pos)
    for off, desc, name in ctx.descriptors[lo : lo + 20]:
        if off - pos > reach:
            break
        if same_rank and (desc & _RANKS) != (set(words) & _RANKS):
            # 'The Prime Minister' is not 'the former prime minister Liz Truss'.
            continue
        at = ctx.text.find(name, off) if office else -1
        if office and (at < 0 or not _SPEAKS_NEXT.match(ctx.text, at + len(name))):
            # Pages on, only a holder who speaks there ('Home Secretary Charles Clarke
            # told …'), not one merely mentioned ('President Vladimir Putin was silent').
            continue
        if role in desc and (not rest or rest & desc or len(desc) == 1):
            return name
    return None


def _desc_words(phrase: str) -> set[str]:
    """The words of a description that can match a name's descriptor."""
    words = re.findall(r"[\w\-]+", re.sub(r"[’']s\b", "", phrase))
    return {w.lower() for w in words} - DETERMINERS - {"of", "for"}


def _organisation_before(ctx: Context, pos: int, earlier: list[Quote]) -> str | None:
    """The named organisation (or speaker that is not a person) of the nearest
    earlier attribution, within a few paragraphs."""
    lone = None
    for p in reversed(earlier):
        if p.speaker is None or not p.speaker_name or pos - p.speaker[1] > 3000:
            if p.speaker is not None and pos - p.speaker[1] > 3000:
                break
            continue
        name = p.speaker_name
        first = name.split()[0]
        if p.speaker_type == "person" or name.lower() in PRONOUNS:
            continue
        if first[:1].isupper() and first.lower() not in DETERMINERS:
            if is_organisation(ctx, name):
                return name
            if lone is None and _lone_name(ctx, name):
                lone = name
    # A name known to be an organisation's ('AMD') before a one-word name that
    # spoke more recently ('SeaMicro said ... the company said'), as before.
    return lone


# Companies named like their products, which NOT_NAME keeps from being names.
_MEDIA_COMPANIES = {"twitter", "facebook", "linkedin", "instagram", "bbc", "cnn", "reuters"}


def _main_organisation(ctx: Context, pos: int) -> str | None:
    """The organisation the headline names and the text before ``pos`` names most, at
    least twice and more often than any other: a name recognisably an organisation's,
    or a one-word name that is nobody's in the article ('Twitter', 'Verizon'); a place
    ('in Iowa') is no organisation's name. (Read on PolNeAR train: an organisation
    that only spoke, 'Forbes says …', was as often not 'the company' of a later
    sentence.)"""
    text = ctx.text
    # The headline, else the first sentence, which names the story's subject as one does.
    headline_end = ctx.head[1] if ctx.head else ctx.units[0][1] if ctx.units else 0
    counts: dict[str, int] = {}
    heads: set[str] = set()
    for m in NAME_RUN.finditer(text, 0, pos):
        if ctx.in_quote(m.start()):
            continue
        name = re.sub(r"^[Tt]he\s+", "", m.group(0)).rstrip(".")
        counts[name] = counts.get(name, 0) + 1
        if m.start() < headline_end:
            heads.add(name)
    ranked = sorted(
        (
            (n, name)
            for name, n in counts.items()
            if name in heads
            and name.lower().replace(".", "") not in NOT_NAME - _MEDIA_COMPANIES
            and not _nationality(ctx, name)
            and (
                is_organisation(ctx, name)
                or name.lower() in _MEDIA_COMPANIES
                or (
                    _lone_name(ctx, name)
                    # 'in Iowa', 'from Chicago': a place's name.
                    and not _pattern(
                        r"\b(?:in|at|from|to|across|near|outside)\s+" + re.escape(name) + r"\b"
                    ).search(text, 0, pos)
                )
            )
        ),
        reverse=True,
    )
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


_BULLET = lazy_compile(r"[\-–—•*]\s+")


def _subject_organisation(ctx: Context, pos: int, plural: bool, any_named: bool) -> str | None:
    """The organisation (or, ``plural``, the group) one of the two sentences before
    ``pos`` is about: its subject when that is an organisation's name ('Tesco
    reported ...', 'The Federal Reserve raised ...'); with ``any_named``, any name
    there that is recognisably an organisation's. A subject that is a person is
    passed over; one that is a thing ('The report was ...') ends the search."""
    text = ctx.text
    k = bisect_right(ctx.unit_starts, pos) - 1
    if k >= 0 and not plural:
        # 'Shares in Cairn Energy rose after the UK firm announced ...': the same
        # sentence, before the mention.
        u0 = ctx.units[k][0]
        # '- Shares in Phytopharm closed down ... after it said': a list item's dash
        # opens the sentence; the subject follows it.
        bullet = _BULLET.match(text, u0, pos)
        sp = clause_subject(ctx, bullet.end() if bullet else u0, pos, whole=True)
        owned = _SHARES_IN.match(text, sp[0], pos) if sp and sp[0] < pos else None
        if owned:
            return owned.group(1).rstrip()
    for unit in range(k - 1, max(-1, k - 3), -1):
        u0, u1 = ctx.units[unit]
        sp = clause_subject(ctx, u0, u1, whole=True)
        if sp is not None and not ctx.in_quote(sp[0]):
            phrase = text[sp[0] : sp[1]]
            name = re.sub(r"^[Tt]he\s+", "", phrase)
            words = name.split()
            if plural and (_is_group(phrase) or is_organisation(ctx, name)):
                return phrase
            described = _DESCRIBED_ORGANISATION.match(phrase)
            if not plural and described:
                # 'Telecoms regulator Ofcom has set out ...', 'Mining group Xstrata
                # raised ...': the name after an organisation's description.
                return phrase[described.end() :]
            if not plural and words and _organisation_name(ctx, name, sp[0]):
                return name
            owned = _SHARES_IN.match(text, sp[0], u1)
            if not plural and owned:
                # 'Shares in Cairn Energy rose ... The firm said': the company traded.
                return owned.group(1).rstrip()
        if any_named:
            for m in NAME_RUN.finditer(text, u0, u1):
                run = text[m.start() : _run_end(text, m.start(), m.end())]
                if (
                    not ctx.in_quote(m.start())
                    # 'in response to a British Medical Journal article': a paper
                    # named in passing is not the company the text is about.
                    and run.split()[-1].lower() not in _PUBLICATIONS
                    and is_organisation(ctx, run)
                    # 'the UK firm': a country is not the firm, nor 'the German
                    # club' a nationality ('Iranian striker Vahid Hashemian').
                    and run.lower() not in NOT_NAME
                    and not _nationality(ctx, run)
                ):
                    return re.sub(r"^[Tt]he\s+", "", run)
        if sp is not None and text[sp[0] : sp[1]].split()[-1][:1].islower():
            return None
    return None


# 'Telecoms regulator ', 'US carmaker ', 'The mining group ' before a name.
_DESCRIBED_ORGANISATION = lazy_compile(
    r"(?:[Tt]he\s+)?(?:[\w\-]+\s+){0,2}?(?:"
    + "|".join(sorted(ORG_DESCRIPTORS - {"statement"}))
    + r")\s+(?=[A-Z][\w&’'.\-]*(?:\s+[A-Z][\w&’'.\-]*)*$)"
)


# A lower-case word after a sentence's first capitalised words: its verb, perhaps.
_VERB_NEXT = lazy_compile(r"\s+(?!(?:the|a|an|of|and|to|in|on|for)\b)[a-z]+\b")


def _named_subject(ctx: Context, pos: int) -> str | None:
    """The name that is the subject of the sentence before ``pos`` ('Globex cut 200
    jobs. A spokeswoman said ...'): a spokesman speaks for it."""
    k = bisect_right(ctx.unit_starts, pos) - 1
    if k < 1:
        return None
    u0, u1 = ctx.units[k - 1]
    sp = clause_subject(ctx, u0, u1, whole=True)
    if sp is None or not ctx.text[sp[0] : sp[1]].istitle():
        # 'Globex cut 200 jobs': a verb the subject finder cannot tell from a noun.
        run = NAME_RUN.match(ctx.text, u0, u1)
        sp = (
            run.span()
            if run
            and not run.group(0).endswith(("ing", "ly"))
            and _VERB_NEXT.match(ctx.text, run.end(), u1)
            else None
        )
    if sp is None or ctx.in_quote(sp[0]):
        return None
    shares = _SHARES_IN.match(ctx.text, sp[0], u1)
    if shares:
        # 'Shares in Vodafone fell 3%. A spokesman said': Vodafone's, not "Shares".
        sp = shares.span(1)
    name = re.sub(r"^[Tt]he\s+", "", ctx.text[sp[0] : sp[1]].strip())
    owned = re.split(r"[’']s\s+", name)[-1]
    if owned != name and owned.lower() not in ORG_WORDS:
        # "Time Warner's AOL unit cut 700 jobs": the owned unit is the subject
        # ("McDonald's Corp" stays whole).
        name = owned
    words = name.split()
    if (
        not words
        or not all(w[:1].isupper() for w in words)
        or name.lower() in PRONOUNS
        or words[0].lower() in NOT_NAME
    ):
        return None
    return _full_name(ctx, re.sub(r"[’']s$", "", name), sp[0])


_SHARES_IN = lazy_compile(
    r"(?:[Ss]hares|[Ss]tock|[Pp]rofits?|[Ss]ales|[Ee]arnings|[Rr]evenues?)\s+(?:in|of|at)\s+"
    # 'Shares in UK pharmaceutical firm Phytopharm': the name after its description,
    # not the country code that opens it.
    r"(?:(?:[A-Z]{2,3}\s+)?(?:[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(sorted(ORG_DESCRIPTORS - {"statement"}))
    + r")\s+(?=[A-Z]))?"
    r"((?:[A-Z][\w&’'.\-]*[ \t]*)+)"
)


def _organisation_name(ctx: Context, name: str, pos: int) -> bool:
    """Whether a sentence subject names an organisation: a recognised one, a
    one-word name that is nobody's in the article, or a capitalised name whose
    first word is no first name ('Federal Reserve', not 'John Lewis')."""
    words = name.split()
    if len(words) == 1 and _nationality(ctx, name):
        # 'Iranian misses Israel match': a nationality names no organisation.
        return False
    if is_organisation(ctx, name):
        return True
    if len(words) == 1:
        # A sentence's first word is capitalised whatever it is ('Shares in X
        # fell'): a one-word name must also be written capitalised mid-sentence.
        return _lone_name(ctx, name) and _capitalised_inside(ctx.text, pos, name)
    return (
        len(words) >= 2
        and all(w[:1].isupper() for w in words)
        and name not in ctx.persons
        and not name_gender(ctx, name)
        and not first_names().get(words[0].lower())
        and words[0].lower().strip(".") not in TITLES
        # 'Analyst Jane Smith said': a role before a first name, a person (whose
        # name, "Jane Smith", leaves the role out: _trailing_name).
        and not (words[0].lower() in PERSON_HEADS and words[1].lower() in first_names())
    )


def _capitalised_inside(text: str, pos: int, word: str) -> bool:
    """Whether ``word`` is written after a lower-case word or a comma within a few
    thousand characters of ``pos`` (so it is capitalised as a name, not as a
    sentence's first word)."""
    lo = max(0, pos - 3000)
    return (
        # Spaces, not a line break: a headline's last word is no mid-sentence word.
        _pattern(r"(?:[a-z],?|,)[ \t]+" + re.escape(word) + r"\b").search(text[lo : pos + 3000])
        is not None
    )


def _lone_name(ctx: Context, name: str) -> bool:
    """Whether a one-word name that spoke ('Unilever said', 'Newcastle said') is
    nobody's name in this article: no person's first or last name, no title before
    it, not a common first name. News names a person in full before using a
    surname alone, so such a name is an organisation's or a place's; only "the
    company/club said" after it is read that way."""
    if " " in name or not name[:1].isupper() or name.lower() in NOT_NAME | TITLES:
        return False
    if name in ctx.genders or name in ctx.persons or first_names().get(name.lower()):
        return False
    # 'Next … the Next Directory': a longer name it opens that is nobody's is the
    # organisation's own (a brand, a division); a surname ends a person's.
    return all(
        full == name
        or (full.split()[0] == name and full not in ctx.persons and not name_gender(ctx, full))
        for _, full in ctx.by_part.get(name, ())
    )


def _trailing_name(phrase: str) -> str | None:
    """The name at the end of a speaker phrase, without titles and roles;
    'Jason Gilbert of Cheyenne' and 'Stephen Vladeck of the University of Texas'
    give the name before 'of'."""
    head, of, _ = phrase.partition(" of ")
    if of and head.strip():
        name = _trailing_name(head)
        hw = head.split()
        if name and (
            len(name.split()) >= 2
            # 'Mr. Morgan of the Sierra Club': a titled surname.
            or (len(hw) >= 2 and hw[-2].lower().strip(".") in PERSONAL_TITLES | TITLES)
        ):
            # ('President Musharraf of Pakistan': a titled surname, not Pakistan.)
            return name
        if hw[-1].lower() in PERSON_ROLES | TITLES:
            # 'The president of South Sudan': the place is not the person.
            return None
        if (
            hw[0].lower() in DETERMINERS | _UNNAMED_OPENERS
            and hw[-1].lower() in _MEMBER_HEADS
            and hw[-1][:1].islower()
        ):
            # 'Another current member of the Cabinet': a description of somebody in the
            # organisation, not the organisation.
            return None
    words = phrase.split()
    run: list[str] = []
    # 'Acpo president Chris Fox': a surname that is also a word kept out of names
    # ('Fox' News, 'Post', 'Mail') after a first name.
    surname_ok = len(words) >= 2 and (
        words[-2].lower() in first_names()
        or (
            len(words) >= 3
            and words[-2][:1].isupper()
            and words[-2].lower() not in NOT_NAME | TITLES
            and words[-3].lower() in PERSON_ROLES
        )
    )
    for w in reversed(words):
        core = w.strip(",.;:")
        if core and w.rstrip(",;:").endswith(".") and _INITIALS.fullmatch(core) and run:
            # 'J.K. Rowling', 'John F. Kennedy': an initial keeps its stop.
            core += "."
        if not core or not core[0].isupper():
            break
        if run and core.lower().rsplit("-", 1)[-1] in TITLES | {"president", "minister", "dj"}:
            # 'Vice-President Dick Cheney': a hyphenated title; 'DJ Norman Cook'.
            break
        if (core.lower().strip(".") in TITLES or core.lower().strip(".") in NOT_NAME) and not (
            _COMPASS.fullmatch(core)
            and run
            and "-" not in run[0]
            or (surname_ok and not run and core.lower() not in TITLES)
            # 'UK Coal', 'US Airways': a country's code opens an organisation's name.
            or (
                _COUNTRY_CODE.fullmatch(core)
                and len(run) == 1
                and run[0].lower() not in TITLES | NOT_NAME
                and run[0].lower() not in first_names()
                and len(words) == 2
            )
        ):
            # ('New' opens 'New York Times', 'North' 'North Carolina': 'York Times' and
            # 'Carolina' were no names.)
            break
        if run and _owner_end([core] + run) == 0:
            # "Plaid Cymru's Elfyn Llwyd": the owner is not part of the name.
            break
        if len(run) >= 2 and core.lower() in PERSON_HEADS and run[0].lower() in first_names():
            # 'Linebacker Mike Peters', 'Keeper Tony Bullock': a role capitalised as the
            # sentence's first word, before a first name.
            break
        run.insert(0, core)
    if not run:
        return None
    name = re.sub(r"[’']s$", "", " ".join(run))
    return name


# A member of a body: 'Another current member of the Cabinet' is not the Cabinet.
_MEMBER_HEADS = {"member", "members", "official", "officials", "staffer", "employee"}
_COUNTRY_CODE = lazy_compile(r"UK|US|EU")
_INITIALS = lazy_compile(r"(?:[A-Z]\.)*[A-Z]")
# What a pattern built per name needs first (where no text has it, no name's pattern is
# compiled): a preposition before the name (_across_preposition), a title-like word.
_PREPOSITION = lazy_compile(r"\b(?:to|for|from|with|at|about)\s")
_TITLE_WORD = lazy_compile(r"\b[A-Z][a-z]{1,4}\.?\s")


def _across_preposition(phrase: str, run: str) -> str | None:
    """The name a speaker phrase ends with, read across a preposition before it: 'the
    Center for Responsive Politics' is one name; 'one longtime adviser to Bill Clinton'
    and 'a person close to the Clintons' are not Bill Clinton or the Clintons (None)."""
    if _PREPOSITION.search(phrase) is None:
        # No match without one, and most phrases have none: the pattern of a name not
        # met before was compiled for nothing (0.1 ms; most speakers are such names).
        return run
    m = _pattern(
        r"\b(to|for|from|with|at|about)\s+(?:the\s+|both\s+)?" + re.escape(run) + r"(?:[’']s)?\W*$"
    ).search(phrase)
    if m is None:
        return run
    before = phrase[: m.start()].split()
    caps = []
    for w in reversed(before):
        if not w[:1].isupper() or w.lower() in DETERMINERS or w.lower() in TEMPORAL:
            break
        caps.insert(0, w)
    if len(caps) == len(before) == 1:
        # 'Attorneys for Clinton', 'Asked about Trump': capitalised as the first word.
        caps = []
    if caps:
        return " ".join([*caps, m.group(1), run])
    # 'a spokesman for X', 'a report from X', 'an analyst at X': X speaks, or stands
    # for who does; 'an adviser to X', 'a person close to X' or 'friends with X' do not.
    return None if m.group(1) in ("to", "with") else run


def _full_name(ctx: Context, name: str, pos: int) -> str:
    """Expand a surname or first name to the full name the article uses."""
    if " " in name:
        return name
    best = None
    best_pos = -1
    seen: dict[str, int] = {}
    for npos, full in ctx.by_part.get(name, ()):
        if full == name or (
            # 'Newcastle said' is not 'Newcastle Evening Chronicle': a first word
            # stands for a full name only when it is a person's first name.
            full.split()[0] == name
            and full not in ctx.persons
            and first_names().get(name.lower()) is None
        ):
            continue
        if npos > pos and full.split()[0] == name and _royal_before(ctx.text, name, pos):
            # 'Prince Charles … Charles said' pages before 'Liberal Democrat leader
            # Charles Kennedy': the prince, named before, not the leader named after.
            continue
        seen[full] = seen.get(full, 0) + 1
        if npos <= pos or best is None:
            best, best_pos = full, npos
    if len(seen) > 1 and not 0 <= pos - best_pos <= _NEAR:
        # Two people share the name ('Greg McDermott', the coach, and 'Doug
        # McDermott', the player) and neither was just named in full: the one the
        # article names in full most often (the first named, on a tie).
        best = max(seen, key=lambda f: seen[f])
    return best or name


def _royal_before(text: str, name: str, pos: int) -> bool:
    """Whether ``name`` was written with a royal or noble title before ``pos``."""
    if name not in text[:pos]:
        return False
    titled = _pattern(
        r"\b(?:Prince|Princess|King|Queen|Lord|Lady|Sir|Dame)\s+" + re.escape(name) + r"\b"
    )
    return titled.search(text, 0, pos) is not None


# A full name this close before a surname is the one the surname repeats.
_NEAR = 300


def _antecedent(
    ctx: Context, pos: int, gender: str, earlier: list[Quote], depth: int = 0
) -> str | None:
    """The person 'he'/'she' refers to: in the nearest earlier sentence that names
    one, the speaker of an attribution, else the sentence's subject, else the first
    person named in full (news puts the subject first)."""
    if depth == 0:
        trigger = _after_subordinator(ctx.text, pos)
        if trigger is not None and not ctx.in_quote(trigger.start(1)):
            # '… had repaid £500,000 to Lord Ashcroft after he said the party could not
            # win': the clause tells what the person just named did, not the subject.
            full = _full_name(ctx, trigger.group(1), trigger.start(1))
            title = ctx.text[max(0, trigger.start(1) - 12) : trigger.start(1)].split()[-1:]
            if " " not in full and title and title[0].lower().strip(".") in TITLES:
                # 'Lord Ashcroft', 'Mr Jones': a titled surname the article never
                # completes.
                full = f"{title[0]} {full}"
            if (
                " " in full
                and (full in ctx.persons or name_gender(ctx, full))
                and _gender_ok(ctx, full, gender)
            ):
                return full
    k = bisect_right(ctx.unit_starts, pos) - 1
    for unit in range(k, max(-1, k - 5), -1):
        u0, u1 = ctx.units[unit]
        hi = min(u1, pos)
        cands: list[tuple[int, str]] = []
        a, b = bisect_left(ctx.name_starts, u0), bisect_left(ctx.name_starts, hi)
        for npos, name in ctx.names[a:b]:
            # '"... (Jon Dahl) Tomasson," he said': a name inside the quotation is
            # somebody the speaker talks about, not the speaker.
            if (
                (name in ctx.persons or name_gender(ctx, name))
                and name.split()[-1].lower() not in _EVENT_ENDS
                and not ctx.in_quote(npos)
                and not (unit == k and _OPENING_PP.fullmatch(ctx.text, u0, npos))
            ):
                cands.append((npos, name))
        for m in NAME_RUN.finditer(ctx.text, u0, hi):
            run = ctx.text[m.start() : _run_end(ctx.text, m.start(), m.end())]
            words = run.split()
            if ctx.in_quote(m.start()):
                continue
            if len(words) >= 2 and words[0].lower().strip(".") in TITLES:
                cands.append((m.start(), _titled_full_name(ctx, run, m.start())))
            elif len(words) == 1 and _POSSESSIVE_S.search(words[0]):
                # "at the heart of Sanders's critique ... that he said": an owner's
                # surname the article writes in full elsewhere ('Bernie Sanders').
                word = _POSSESSIVE_S.sub("", words[0])
                full = _full_name(ctx, word, m.start())
                if full != word and full in ctx.persons and not is_organisation(ctx, full):
                    cands.append((m.start(), full))
        # The speaker of an attribution in that sentence is its subject.
        spoke = [
            (q.speaker[0], q.speaker_name)
            for q in _recent(earlier, u0)
            if q.speaker
            and u0 <= q.speaker[0] < hi
            and q.speaker_name
            # '… Lord Ashcroft after he said …': a subordinate clause's speaker is not
            # the sentence's subject.
            and _after_subordinator(ctx.text, q.speaker[0]) is None
        ]
        # 'But before Newcastle said ..., Bellamy insisted ...': a person who spoke
        # before an organisation or a name of unknown kind.
        spoke.sort(key=lambda c: (c[1] not in ctx.persons and not name_gender(ctx, c[1]), c[0]))
        subject = _subject_person(ctx, u0, hi, gender, earlier, depth)
        others = ([(u0, subject)] if subject else []) + sorted(cands)
        # 'CNN host Jake Tapper pressed Mr. Cruz ... "…," he said': whoever puts the
        # questions is the answer's speaker last among the people the sentence only
        # names (stable: the order stays otherwise); a speaker still comes first.
        others.sort(key=lambda c: c[1] in ctx.interviewers)
        for _, name in spoke + others:
            if name.split()[:1] and name.split()[0].lower() in DETERMINERS:
                # 'The Trafford Centre spokeswoman said ... she added': a description
                # whose head gives the same gender; 'The prime minister ratcheted up …
                # He insisted': the office the sentence is about, unnamed.
                if (gender and _role_gender(name) == gender) or (
                    name == subject and _office(name) and _role_gender(name) in ("", gender)
                ):
                    return name
                continue
            if _gender_ok(ctx, name, gender) and name.lower() not in PRONOUNS and name.split():
                # 'The Republican nominee said ... He added': a description the
                # article never tied to a name is no antecedent; look further back.
                return name
    # No known person nearby: the nearest earlier full name of a person (of the
    # last 200 names: a bound on the work per pronoun).
    hi = bisect_left(ctx.name_starts, pos)
    for _, name in reversed(ctx.names[max(0, hi - 200) : hi]):
        if _gender_ok(ctx, name, gender) and (name in ctx.persons or name_gender(ctx, name)):
            return name
    return None


# A person's name (its last word) right before a subordinate clause opening with the
# pronoun: 'to Lord Ashcroft after he said', 'Mr Jones because she'.
_NAME_THEN_SUBORDINATOR = lazy_compile(
    r"\b(?<![’'])([A-Z][a-z][\w’'\-]*)\s+(?:after|before|when|because|since|until|once)\s+"
)


_POSSESSIVE_S = lazy_compile(r"[’'](?:s)?$")


def _after_subordinator(text: str, pos: int) -> re.Match[str] | None:
    """The name and subordinator written just before ``pos`` ('Lord Ashcroft after ')."""
    m = _NAME_THEN_SUBORDINATOR.search(text, max(0, pos - 60), pos)
    while m is not None and m.end() != pos:
        m = _NAME_THEN_SUBORDINATOR.search(text, m.end(), pos)
    return m


def _office(phrase: str) -> bool:
    """'The prime minister', 'the chancellor': a definite description of an office one
    person holds (not 'a minister', 'his secretary', 'the former mayor')."""
    words = phrase.lower().split()
    return (
        len(words) >= 2
        and words[0] == "the"
        and _head(phrase) in _OFFICES
        and len(words) <= 4
        and not set(words) & _RANKS
    )


# 'For BT Retail, she said': a phrase opening the pronoun's own sentence names somebody
# else (the pronoun would be 'herself').
_OPENING_PP = lazy_compile(r"\s*(?:For|To|Unlike|Like|As\s+for|Against|With)\s+")


def _role_gender(phrase: str) -> str:
    """'m'/'f' from a gendered head noun ('spokeswoman', 'the chairman of X'), else ''."""
    words = re.split(r"\s(?:for|of|at|from|with)\s", phrase.lower(), maxsplit=1)[0].split()
    head = words[-1] if words else ""
    if head.endswith("woman") or head in _FEMALE_NOUNS:
        return "f"
    if head.endswith("man") or head in _MALE_NOUNS:
        return "m"
    return ""


_FEMALE_NOUNS = {"mother", "wife", "daughter", "sister", "actress", "widow", "girl", "lady"}
_MALE_NOUNS = {"father", "husband", "son", "brother", "actor", "widower", "boy"}


def _subject_person(
    ctx: Context, u0: int, hi: int, gender: str, earlier: list[Quote], depth: int
) -> str | None:
    """The person a sentence is about, from its subject: a surname alone
    ('Ferguson, though, is confident ...') named in full elsewhere, a description
    tied to a name ('The Florida senator sought ...'), or a pronoun of the same
    gender ('She appeared to imply ...'), resolved in turn (at most three deep)."""
    sp = clause_subject(ctx, u0, hi, whole=True)
    if sp is None or ctx.in_quote(sp[0]):
        return None
    phrase = ctx.text[sp[0] : sp[1]]
    low = phrase.lower()
    if low in ("he", "she"):
        if PRONOUNS[low] != gender or depth >= 2:
            return None
        return _antecedent(ctx, sp[0], gender, earlier, depth + 1)
    words = phrase.split()
    while len(words) > 1 and words[-1].islower() and words[0].lower() not in DETERMINERS:
        # 'Sanders instead delivered ...': an adverb after the name.
        words.pop()
    if len(words) == 1 and words[0][:1].isupper():
        # A surname as the subject of a verb is a person's, unless the article
        # named an organisation so ('Unilever', 'Newcastle').
        word = re.sub(r"[’']s$", "", words[0])
        full = _full_name(ctx, word, sp[0])
        return full if full != word and not is_organisation(ctx, full) else None
    apposed = _APPOSED_AFTER.match(ctx.text, sp[1])
    apposed_name = apposed.group(1) if apposed else ""
    if apposed_name and name_gender(ctx, apposed_name) and not is_organisation(ctx, apposed_name):
        # "the Liberal Democrat's shadow home secretary, Mark Oaten, accused …": the
        # name set after the description.
        return apposed_name
    if low.split()[0] in DETERMINERS:
        found = _described(ctx, phrase, sp[0])
        if found is None and _office(phrase):
            # 'The prime minister ratcheted up … He insisted': the office's holder, named
            # later where they speak, or the person the text was about before when the
            # office fits them ('Tony Blair says … The prime minister is trying …'),
            # else the description itself: never a person the article gives another
            # office (Dr Fox, whom it makes co-chairman).
            found = _described_after(
                ctx, phrase, sp[0], reach=len(ctx.text), same_rank=True, office=True
            )
            if found is None and depth < 2:
                before = _antecedent(ctx, sp[0], _role_gender(phrase) or gender, earlier, depth + 1)
                if before is not None and " " in before and _fits(ctx, phrase, before):
                    found = before
        return found or (phrase if _office(phrase) else None)
    # 'Tennis great Billie Jean King remembered ...': a full name ending the subject.
    run = _trailing_name(" ".join(words))
    if run and " " in run and any(f == run for _, f in ctx.by_part.get(run.split()[-1], ())):
        return None if is_organisation(ctx, run) else run
    return None


_APPOSED_AFTER = lazy_compile(r",\s+((?:[A-Z][\w’'\-]*\s+){1,3}[A-Z][\w’'\-]+),\s")


def _is_group(phrase: str) -> bool:
    """'Police officials', 'critics', 'Several experts': a plural group of people; also
    a definite plural description ('the tobacco companies', 'the car makers')."""
    words = phrase.lower().split()
    return bool(words) and (
        words[-1] in BARE_SPEAKERS
        or (
            len(words) > 1
            and words[0] == "the"
            and phrase.split()[-1].islower()
            and words[-1].endswith("s")
            and not words[-1].endswith(("ss", "us", "is", "news"))
        )
    )


def _recent(earlier: list[Quote], start: int) -> list[Quote]:
    """The quotes of ``earlier`` (in text order) from the sentence starting at
    ``start`` on: earlier sentences' quotes end before it."""
    k = len(earlier)
    while k > 0 and earlier[k - 1].content[1] >= start:
        k -= 1
    return earlier[k:]


# Last words of a sporting or prize event's name ('the Jose M Cagigal Memorial meeting').
_EVENT_ENDS = set(
    """memorial trophy cup classic marathon prix invitational tournament championship
    championships series stakes award awards prize""".split()
)
_AMOUNT = lazy_compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|half|most|many|some|all|both"
    r"|several|few)(?:-(?:quarters?|thirds?|fifths?|tenths?))?"
)


def _gender_ok(ctx: Context, name: str, gender: str) -> bool:
    """Whether 'he'/'she' (``gender`` 'm'/'f') can refer to ``name``: a person
    of that gender or of unknown gender, never an organisation."""
    if not gender:
        return True
    if not any(w[:1].isupper() for w in name.split()) or is_organisation(ctx, name):
        # 'many of whom', 'officials': a group, nobody's 'he' or 'she'.
        return False
    words = name.split()
    if (
        (words[-1][:1].islower() and words[-1].endswith("s") and not words[-1].endswith("ss"))
        or words[0].lower() in LEAD_CONJ | GROUP_HEADS
        or _AMOUNT.fullmatch(words[0].lower())
    ):
        # 'Anti-spam firms', 'But opposition parties', 'Three-quarters' (of those
        # polled): a group or a fragment, nobody's 'he' or 'she'.
        return False
    if name.split()[-1].lower() in PLACE_WORDS | _EVENT_ENDS:
        # 'the Marshall Islands', 'the Jose M Cagigal Memorial': a first name does not
        # make a place or an event a man.
        return False
    g = name_gender(ctx, name)
    return not g or g == gender
