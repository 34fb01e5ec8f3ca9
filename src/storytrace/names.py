"""Names, numbers, dates and places in a text: the details that tell one event from another.

"Same story" needs evidence a reader can check: the people, organisations and
places both articles name, and the figures and dates they give. This module
finds them with character offsets, by rules that need no model:

* **names**: runs of capitalised words ("Maria Okafor", "Tyne Road bridge" ->
  "Tyne Road"), with connectors inside ("Bank of England"), titles dropped
  ("Mr", "President", "PM"). A word capitalised only because it opens a sentence,
  or standing in a line set in title case or capitals (a headline "Reid Checks
  Into Rehab", a dateline "UPDATED 05/03/2013 at 11:00 AM EDT"), is not a name
  unless the text also capitalises it in running prose and never writes it in
  lower case; a clock time's "PM EDT"
  is never one (:func:`name_tokens`: the one test, which spaCy's entities pass
  through too);
* **places**: names after "in", "at", "near", "from" and the like;
* **numbers** with the word after them as their unit ("40,000 vehicles",
  "6.1 magnitude"), currency marks kept ("£3.5bn"); years and small counts are
  left out (a year is a date; "two" or "3" tells nothing apart);
* **dates**: month and day ("May 30", "30 May"), years, weekdays.

:func:`rarity` weights a name word by how rare it is in general English (a
frequency table from ``wordfreq`` shipped in the package, so the weights do not
depend on the ``[spin]`` extra or on the articles at hand): "Trump" or
"President" in both articles is weak evidence, "Okafor" strong.

Example:
    >>> from storytrace.text import Doc
    >>> doc = Doc("Police said Maria Okafor was arrested in Leeds on May 30 with £2,500.")
    >>> [(m.kind, m.key) for m in mentions(doc)]
    [('name', 'maria okafor'), ('place', 'leeds'), ('date', 'may 30'), ('number', '2500')]
"""

from __future__ import annotations

import lzma
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import gt, itemgetter, methodcaller, or_

from storytrace.text import STOPWORDS, Doc
from storytrace.titles import NAME_TITLES, ROLE_WORDS

Span = tuple[int, int]

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Lower-case words allowed inside a name ("Bank of England", "Leonardo da Vinci").
CONNECTORS = {"of", "de", "da", "del", "della", "der", "van", "von", "la", "le", "du", "al", "bin"}
PLACE_CUES = {"in", "at", "near", "from", "outside", "across", "into", "to", "toward", "towards"}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CURRENCY = "£$€¥"
# What a figure may carry glued to it: a scale, a unit, an ordinal's or a decade's ending, a
# clock's half of the day. Other letters make a name or a code ("76ers", "49ers", "3G",
# "5ive", "4cast"), or are words run together by lost spacing ("5pmTrump"): no figure.
_UNITS = frozenset(
    """m bn k million billion trillion th st nd rd s 's ’s p pc x am pm km cm mm ft in ins mph
    kg mg ml kw mb gb mbps kbps gbps ghz secs seconds hours""".split()
)


_POSSESSIVE = ("'s", "’s")
_possessive = methodcaller("endswith", _POSSESSIVE)


def bare(w: str) -> str:
    """``w`` without a possessive "'s" (norms have no line breaks, so no regex is needed)."""
    return w[:-2] if w.endswith(_POSSESSIVE) else w


# What a name does not start with (titles, function words, dates) or end with: one set each.
_NOT_FIRST = frozenset(NAME_TITLES | STOPWORDS | CONNECTORS | MONTHS.keys() | WEEKDAYS)
# Words that end a capitalised run: a weekday, or a month with a day or year after it, is a
# date wherever it stands ("Obama Tuesday", "Hits Indonesia On Tuesday", "Court March 3"), and
# read as a name word it made two reports of one weekday share a "name" (rarity 0.35-0.47).
# "May" is also a surname and a verb, so it needs its number (see _date_at) and never ends a run.
_DATE_WORDS = frozenset(WEEKDAYS)
_MONTH_WORDS = frozenset(m for m in MONTHS if m != "may")
_NOT_LAST = frozenset(CONNECTORS | STOPWORDS)
# A clock time's words after its number ("3:23 PM ET", "10 a.m. EST"): a dateline's
# furniture, never a name, and two reports stamped "PM ET" share nothing of their event.
_CLOCK_WORDS = frozenset(
    "am pm et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest".split()
)
TYPESET_WORDS = 2
"""Content words a line needs, all capitalised, to be set in title case or capitals."""
MIN_COUNT = 13
"""Whole numbers below this are too common to tell events apart ("three people", "10 days")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A name, place, number or date in the text: ``kind``, normalised ``key``, char ``span``."""

    kind: str
    key: str
    span: Span


def mentions(doc: Doc, skip: Sequence[Span] = (), end: int | None = None) -> list[Mention]:
    """Names, places, numbers and dates of ``doc`` in text order, outside the ``skip`` spans
    (and starting before character ``end``, when given)."""
    norms = doc.norms
    n = len(doc)
    last = n if end is None else bisect_left(doc.starts, end)
    caps, initial, named, _ = _capitals(doc)
    name_caps = name_tokens(doc)
    # Furniture and lower-case words hold no month, weekday, number or name: visit the rest.
    wanted = map(or_, caps, map(str.isdigit, map(itemgetter(slice(None, 1)), norms)))
    if skip:
        wanted = map(gt, wanted, doc.token_mask(skip))
    todo = list(compress(range(last), wanted))
    out: list[Mention] = []
    after = 0  # the end of the last capitalised run: its words are done
    for i in todo:
        if i < after:
            continue
        w = norms[i]
        if w in MONTHS and caps[i]:
            m = _date_at(doc, i)
            if m:
                out.append(m)
                continue
        if w in WEEKDAYS and caps[i]:
            out.append(Mention("date", w, (doc.starts[i], doc.ends[i])))
            continue
        # \d is a subset of isdigit(): the cheap test first, the regex for digits only.
        if w[:1].isdigit() and _NUMBER.match(w):
            m = _number_at(doc, i)
            if m:
                out.append(m)
            continue
        if name_caps[i]:
            words, j = _run(doc, i, name_caps.__getitem__)
            keep = _name_words(doc, words, initial.__getitem__, named.__contains__)
            if keep:
                s, e = doc.starts[keep[0]], doc.ends[keep[-1]]
                key = " ".join(bare(doc.norms[k]) for k in keep)
                cue = keep[0] > 0 and doc.norms[keep[0] - 1] in PLACE_CUES
                out.append(Mention("place" if cue else "name", key, (s, e)))
            after = j
    return out


def description_tokens(doc: Doc, span: tuple[int, int]) -> list[bool]:
    """Per token of the token range ``span``, whether it names someone or something or
    describes a person's office: a capitalised word (:func:`name_tokens`), a role word
    (:data:`storytrace.titles.ROLE_WORDS`), or a word inside a role's description: up to two
    words between a name or role word and a role word ("Deputy *transport* secretary"), the
    word after a role's "of" or "for" ("secretary for *transport*", "head of *operations*"), a
    possessive before a role word ("the *party's* leader").

    What two sentences share only in these words is a person described alike, not a
    statement (:func:`storytrace.align.reworded_passages`).

    >>> doc = Doc("Deputy transport secretary Dana Morrow said the party's chair of finance quit.")
    >>> [w for w, f in zip(doc.norms, description_tokens(doc, (0, len(doc)))) if not f]
    ['said', 'the', 'of', 'quit']
    """
    t0, t1 = span
    norms, caps, text = doc.norms, name_tokens(doc), doc.text
    role = [bare(w) in ROLE_WORDS for w in norms[t0:t1]]
    flags = [caps[t0 + k] or role[k] for k in range(t1 - t0)]
    # Whether token t0 + k follows the one before it with no punctuation between.
    joined = [k > 0 and not _gap(text, doc, t0 + k) for k in range(t1 - t0)]
    for k in compress(range(t1 - t0), role):
        # Back over one or two plain words to a name or role word ("Deputy transport
        # secretary"), else over a possessive ("the party's leader").
        p = next((p for p in range(k - 1, max(k - 4, -1), -1) if flags[p]), None)
        if p is not None and p < k - 1 and all(joined[p + 1 : k + 1]):
            flags[p + 1 : k] = [True] * (k - p - 1)
        elif k > 0 and joined[k] and _possessive(norms[t0 + k - 1]):
            flags[k - 1] = True
        # The role's object: "secretary for transport", "leader of the House".
        n = k + 1
        if n + 1 < len(flags) and norms[t0 + n] in ("of", "for") and joined[n]:
            n += 2 if norms[t0 + n + 1] == "the" else 1
            if n < len(flags) and joined[n]:
                flags[n] = True
    return flags


ATTRIBUTION_WORDS = frozenset(
    """say says saying tells told telling adds added adding stated stating suggest suggests
    suggested suggesting noted noting writes wrote writing explained explaining remarked
    commented replied replying responded responding spoke speaking""".split()
)
"""Forms of the verbs that say who speaks ("Labour suggested", "telling MPs"; "said" is a
stop word): a stretch stating nothing else says only that someone spoke, and two sentences
sharing one share an act of speaking, not what was said (:func:`shares_statement`)."""


def content_stem(w: str) -> str | None:
    """A word's stem for sentence pairing: its first six letters (inflections of one word
    share them, in any language), None for a stop word or a single character."""
    return w[:6] if len(w) > 1 and w not in STOPWORDS else None


def _stated(doc: Doc, span: tuple[int, int]) -> list[bool]:
    """Per token of ``span``: a content word outside names, role descriptions
    (:func:`description_tokens`) and attribution verbs (:data:`ATTRIBUTION_WORDS`)."""
    words = doc.norms[span[0] : span[1]]
    return [
        not d and content_stem(w) is not None and w not in ATTRIBUTION_WORDS
        for w, d in zip(words, description_tokens(doc, span), strict=True)
    ]


def states_something(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the token range ``span`` has a content word (not a stop word, two letters or
    more) outside names, role descriptions (:func:`description_tokens`) and attribution
    verbs: "Shadow Treasury minister Dana Morrow has" only says who someone is, "Former
    chancellor Dana Morrow told the" that she spoke.

    >>> doc = Doc("Shadow Treasury minister Dana Morrow has")
    >>> states_something(doc, (0, len(doc)))
    False
    >>> doc = Doc("Former chancellor Dana Morrow told the")
    >>> states_something(doc, (0, len(doc)))
    False
    >>> doc = Doc("Shadow Treasury minister Dana Morrow resigned")
    >>> states_something(doc, (0, len(doc)))
    True
    """
    return any(_stated(doc, span))


def shares_statement(doc_a: Doc, doc_b: Doc, ta: tuple[int, int], tb: tuple[int, int]) -> bool:
    """Whether token ranges ``ta`` of ``doc_a`` and ``tb`` of ``doc_b`` share a content word
    (:func:`content_stem`) that one of them uses as part of what it states: outside names,
    role descriptions and attribution verbs (:func:`states_something`).

    "Deputy transport secretary Dana Morrow has" (the rest of its sentence copied elsewhere)
    and "Dana Morrow, the deputy secretary for transport, resigned" share five content words,
    all describing one person; "Her post suggested that Labour could pay" and "Mr Hale
    suggested Labour was damaging" share a speaker's verb and a name: two statements each,
    not one sentence reworded.

    >>> a = Doc("Deputy transport secretary Dana Morrow has")
    >>> b = Doc("Dana Morrow, the deputy secretary for transport, resigned.")
    >>> shares_statement(a, b, (0, len(a)), (0, len(b)))
    False
    >>> a = Doc("Deputy transport secretary Dana Morrow has resigned")
    >>> shares_statement(a, b, (0, len(a)), (0, len(b)))
    True
    >>> a = Doc("Her post suggested that Labour could pay the costs of activists.")
    >>> b = Doc("Mr Hale suggested Labour was damaging the national interest.")
    >>> shares_statement(a, b, (0, len(a)), (0, len(b)))
    False
    """
    stems = []
    for doc, span in ((doc_a, ta), (doc_b, tb)):
        words = doc.norms[span[0] : span[1]]
        every = set(map(content_stem, words))
        stated = {content_stem(w) for w, s in zip(words, _stated(doc, span), strict=True) if s}
        stems.append((every, stated))
    (every_a, stated_a), (every_b, stated_b) = stems
    return bool((every_a & every_b & (stated_a | stated_b)) - {None})


def lead_name_words(doc: Doc, end: int) -> set[str]:
    """The words (token norms) of the names and places that start before character ``end``:
    what :func:`storytrace.stories.features` takes as an article's focal names.

    The same words as the names and places of ``mentions(doc, end=end)`` (their tokens that
    :func:`name_tokens` flags), found by asking about the lead's capitals only
    (:class:`_Asked`) instead of analysing every capital of the text.

    >>> sorted(lead_name_words(Doc("Storm Hits Leeds\\nThe storm hit Leeds on May 3."), 50))
    ['leeds']
    """
    text, starts, norms = doc.text, doc.starts, doc.norms
    last = bisect_left(starts, end)
    asked = _Asked(doc)
    flag = asked.flag
    out: set[str] = set()
    after = 0  # the end of the last capitalised run, as in mentions
    # mentions' loop over the lead's capitals (its digits and lower-case words start no name).
    for i in compress(range(last), map(str.isupper, map(text.__getitem__, starts[:last]))):
        if i < after:
            continue
        w = norms[i]
        if (w in MONTHS and _date_at(doc, i)) or w in WEEKDAYS:
            continue
        if w[:1].isdigit() and _NUMBER.match(w):
            continue
        if flag(i):
            words, after = _run(doc, i, flag)
            keep = _name_words(doc, words, asked.initial, asked.named)
            if keep:
                out.update(norms[k] for k in range(keep[0], keep[-1] + 1) if flag(k))
    return out


class _Asked:
    """What :func:`_capitals` and :func:`name_tokens` say of a token or word, worked out for
    the tokens and words asked about only: a lead's dozen capitals need the text's other
    occurrences of those words (found by ``list.index``, in C), their sentence starts and
    their lines, not an analysis of all its thousands of tokens (about a sixth of preparing
    an article for the index)."""

    __slots__ = ("doc", "_flags", "_lines", "_places", "_possessive")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._flags: dict[int, bool] = {}
        self._lines: dict[int, bool] = {}
        self._places: dict[str, list[int]] = {}
        # A norm holds an apostrophe only where its token does (the joiners '’ʼ; no other
        # character folds or decomposes to one inside a token): without one in the text,
        # there is no possessive to look for.
        self._possessive = any(map(doc.text.__contains__, "'’ʼ"))

    def flag(self, k: int) -> bool:
        """``name_tokens(doc)[k]``."""
        got = self._flags.get(k)
        if got is None:
            got = self._flags[k] = self._flag(k)
        return got

    def _flag(self, k: int) -> bool:
        doc = self.doc
        if not doc.text[doc.starts[k]].isupper():
            return False
        w = doc.norms[k]
        if w in _STAMP_WORDS and _stamp_word(doc.norms, k):
            return False
        return not self._typeset(k) or self.named(bare(w))

    def initial(self, k: int) -> bool:
        """``_capitals(doc)[1][k]``: a sentence's first word, after an opening mark, bracket
        or colon, or in a typeset line."""
        doc = self.doc
        starts, at = doc.starts, doc.starts[k]
        before = starts[k - 1] if k else -1
        sents = doc.sentences  # sorted and apart: the first token of the one that holds it
        s = bisect_right(sents, before, key=itemgetter(0))
        while s < len(sents) and sents[s][0] <= at:
            if sents[s][1] > at:
                return True
            s += 1
        return bool(_OPENERS.search(doc.text, max(before, 0), at)) or self._typeset(k)

    def lower(self, word: str) -> bool:
        """Whether ``word`` is in ``_find_capitals``' set of the words the text writes in
        lower case (a possessive's bare form with them)."""
        doc = self.doc
        text, starts = doc.text, doc.starts
        return any(text[starts[k]].islower() for k in self._where(word))

    def named(self, word: str) -> bool:
        """``word in _capitals(doc)[2]``: capitalised away from a sentence start somewhere,
        never written in lower case."""
        doc = self.doc
        text, starts = doc.text, doc.starts
        return not self.lower(word) and any(
            text[starts[k]].isupper() and not self.initial(k) for k in self._where(word)
        )

    def _where(self, word: str) -> list[int]:
        """The tokens whose norm, or its bare form (:func:`bare`), is ``word``."""
        got = self._places.get(word)
        if got is None:
            norms = self.doc.norms
            got = []
            for form in (word, *(word + p for p in _POSSESSIVE)) if self._possessive else (word,):
                k = -1
                try:
                    while True:
                        k = norms.index(form, k + 1)
                        got.append(k)
                except ValueError:
                    pass
            self._places[word] = got
        return got

    def _typeset(self, k: int) -> bool:
        """Whether token ``k``'s line is one of :func:`_typeset_lines`."""
        doc = self.doc
        text, starts, norms = doc.text, doc.starts, doc.norms
        at = starts[k]
        line = text.rfind("\n", 0, at) + 1
        got = self._lines.get(line)
        if got is None:
            stop = text.find("\n", at)
            t0 = bisect_left(starts, line)
            t1 = bisect_left(starts, len(text) if stop < 0 else stop)
            firsts = starts[t0:t1]
            got = self._lines[line] = (
                not any(  # prose: stops at its first lower-case word
                    map(
                        gt,
                        map(str.islower, map(text.__getitem__, firsts)),
                        map(_NOT_CONTENT.__contains__, norms[t0:t1]),
                    )
                )
                and _typeset_words(
                    norms,
                    [t0 + k for k, at in enumerate(firsts) if text[at].isupper()],
                    self.lower,
                )
            )
        return got


def name_tokens(doc: Doc) -> list[bool]:
    """Per token, whether its capital may mark a name: a capitalised token that is not a
    clock time's "PM" or "EDT", and not in a line set in title case or capitals unless the
    prose capitalises the word too (away from a sentence start and from such lines).

    A headline "Tara Reid Finally Checks Into Rehab" capitalises every word, so its
    capitals say nothing: "Reid" is a name there because the article writes "Reid" in a
    sentence, "Checks" is not. Computed once per Doc; rules and spaCy's entities
    (``evidence``) both keep only these tokens.

    >>> doc = Doc("Tara Reid Checks Into Rehab\\nActress Tara Reid went into rehab at 3 PM EDT.")
    >>> [doc.norms[i] for i, f in enumerate(name_tokens(doc)) if f]
    ['tara', 'reid', 'actress', 'tara', 'reid']
    """
    return doc.derived(("names", "name_tokens"), lambda: _name_tokens(doc))


def _name_tokens(doc: Doc) -> list[bool]:
    caps, _, named, typeset = _capitals(doc)
    flags = list(caps)
    norms = doc.norms
    for s, e in typeset:
        for k in range(s, e):
            if flags[k] and bare(norms[k]) not in named:
                flags[k] = False
    for k in compress(range(len(flags)), map(_STAMP_WORDS.__contains__, norms)):
        if _stamp_word(norms, k):
            flags[k] = False
    return flags


# A dateline's short weekday before its date: "Thu Jun 13, 2013", "Thu, 10 Nov 2011".
_WEEKDAY_SHORT = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
_STAMP_WORDS = _WEEKDAY_SHORT | _CLOCK_WORDS


def _stamp_word(norms: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is a clock time's word ("PM EDT") or a dateline's short weekday
    before its date: capitalised, yet no name."""
    w = norms[k]
    if w in _CLOCK_WORDS and _clock_word(norms, k):
        return True
    after = norms[k + 1] if k + 1 < len(norms) else ""
    return w in _WEEKDAY_SHORT and (after in MONTHS or after.isdigit())


def _capitals(doc: Doc) -> tuple[list[bool], list[bool], set[str], list[tuple[int, int]]]:
    """Per token, capitalised, and (for a name) as good as sentence-initial (a sentence's
    first word, or in a typeset line); the words the prose capitalises elsewhere and never
    writes in lower case; the typeset lines' token ranges (:func:`_typeset_lines`)."""
    return doc.derived(("names", "capitals"), lambda: _find_capitals(doc))


def _find_capitals(doc: Doc) -> tuple[list[bool], list[bool], set[str], list[tuple[int, int]]]:
    text, norms = doc.text, doc.norms
    # Per-token flags by C-level maps: a news text has thousands of tokens.
    firsts = list(map(text.__getitem__, doc.starts))
    caps = list(map(str.isupper, firsts))
    small = list(map(str.islower, firsts))
    lower = set(compress(norms, small))
    lower.update(list(map(bare, filter(_possessive, lower))))  # holds the bare forms too
    initial = _sentence_initial(doc)
    typeset = _typeset_lines(doc, caps, small, lower)
    for s, e in typeset:
        initial[s:e] = [True] * (e - s)
    # A word that is capitalised away from a sentence start is a name wherever it stands,
    # unless the text also writes it in lower case ("Precious Six Garments" does not make
    # "Six factories closed" a name, nor "Wasilla Bible Church" the headline's "Church").
    named = set(compress(norms, map(gt, caps, initial)))
    named.update(list(map(bare, filter(_possessive, named))))
    named -= lower
    return caps, initial, named, typeset


def _typeset_lines(
    doc: Doc, caps: Sequence[bool], small: Sequence[bool], lower: set[str]
) -> list[tuple[int, int]]:
    """Token ranges of the lines set in title case or capitals: their content words (at
    least :data:`TYPESET_WORDS` of two letters or more, not stop words) are all capitalised,
    and one of them is a word the text writes in lower case elsewhere ("Checks Into Rehab"
    beside "went into rehab") or a date or clock time ("First Published: June 13, 2013 4:59
    PM EDT"). A line of names ("Almunia, Lauren, Toure, Campbell") has neither: its
    capitals are names."""
    norms = doc.norms
    # A lower-case content word rules a line out: prose has one in its first few words.
    plain = list(map(gt, small, map(_NOT_CONTENT.__contains__, norms)))
    out = []
    for span in doc.paragraphs:
        t0, t1 = doc.tokens_in(span)
        if not any(plain[t0:t1]) and _typeset_words(
            norms, [k for k in range(t0, t1) if caps[k]], lower.__contains__
        ):
            out.append((t0, t1))
    return out


def _typeset_words(norms: Sequence[str], capitals: list[int], lower: Callable[[str], bool]) -> bool:
    """Whether a line with no lower-case content word and these capitalised tokens is set in
    title case or capitals (:func:`_typeset_lines`); ``lower`` tells the words the text
    writes in lower case."""
    words = [k for k in capitals if len(norms[k]) > 1 and norms[k] not in _NOT_CONTENT]
    return len(words) >= TYPESET_WORDS and any(
        lower(bare(norms[k])) or _dated(norms, k) for k in words
    )


_NOT_CONTENT = STOPWORDS | CONNECTORS


def _run(doc: Doc, i: int, flag: Callable[[int], bool]) -> tuple[list[int], int]:
    """The capitalised run from token ``i`` (``flag``: :func:`name_tokens`), connectors inside
    it, up to a gap (:func:`_gap`) or a date word: its tokens and the token after it."""
    text, norms, n = doc.text, doc.norms, len(doc)
    j = i
    words: list[int] = []
    while j < n and (flag(j) or (norms[j] in CONNECTORS and words and j + 1 < n and flag(j + 1))):
        if words and (_gap(text, doc, j) or _is_date_word(doc, j)):
            break
        words.append(j)
        j += 1
    return words, j


def _name_words(
    doc: Doc, words: list[int], initial: Callable[[int], bool], named: Callable[[str], bool]
) -> list[int]:
    """The tokens of a capitalised run that make a name (titles, stopwords, dates dropped);
    ``initial`` and ``named`` tell :func:`_capitals`' flags and names."""
    norms = doc.norms
    while words and (
        norms[words[0]] in _NOT_FIRST or (initial(words[0]) and not named(bare(norms[words[0]])))
    ):
        words = words[1:]
    while words and norms[words[-1]] in _NOT_LAST:
        words = words[:-1]
    if not words or (len(norms[words[0]]) < 2 and all(len(norms[k]) < 2 for k in words)):
        return []
    return words


def _clock_word(norms: Sequence[str], i: int) -> bool:
    """True when token ``i`` is AM/PM or a time zone after a clock time's number."""
    while i > 0 and norms[i] in _CLOCK_WORDS:
        before = norms[i - 1]
        if before[:1].isdigit() or (before == "m" and i > 1 and norms[i - 2] in ("a", "p")):
            return True
        i -= 1
    return False


def _dated(norms: Sequence[str], k: int) -> bool:
    """True when token ``k`` is a month name next to a number, or a clock time's word."""
    w = norms[k]
    if w in MONTHS:
        return any(0 <= j < len(norms) and norms[j].isdigit() for j in (k - 1, k + 1))
    return w in _CLOCK_WORDS and _clock_word(norms, k)


def _clock_minutes(doc: Doc, i: int) -> bool:
    """True when number token ``i`` is an hour or minutes of a clock time ("3:23")."""
    text, starts, ends = doc.text, doc.starts, doc.ends
    if i > 0 and text[ends[i - 1] : starts[i]].strip() == ":" and doc.norms[i - 1].isdigit():
        return True
    n = len(doc)
    return i + 1 < n and text[ends[i] : starts[i + 1]].strip() == ":" and doc.norms[i + 1].isdigit()


def _is_date_word(doc: Doc, j: int) -> bool:
    """True when token ``j`` is a weekday, or a month name with a number next to it."""
    w = doc.norms[j]
    if w in _DATE_WORDS:
        return True
    return w in _MONTH_WORDS and j + 1 < len(doc) and doc.norms[j + 1][:1].isdigit()


def _gap(text: str, doc: Doc, j: int) -> bool:
    """True when punctuation or a line break separates token ``j`` from the one before."""
    if j == 0:
        return False
    between = text[doc.ends[j - 1] : doc.starts[j]]
    return bool(between.strip(" -'’")) or "\n" in between


def _sentence_initial(doc: Doc) -> list[bool]:
    flags = [False] * len(doc)
    for t0, _ in doc.sentence_tokens:
        flags[t0] = True
    # After an opening quote mark, a bracket or a colon a capital says nothing either.
    for m in _OPENERS.finditer(doc.text):
        k = bisect_left(doc.starts, m.end())
        if k < len(flags):
            flags[k] = True
    return flags


_OPENERS = re.compile(r"[:“\"‘(]")


def _date_at(doc: Doc, i: int) -> Mention | None:
    month = MONTHS[doc.norms[i]]
    if doc.norms[i] == "may" and not (
        (i + 1 < len(doc) and doc.norms[i + 1].isdigit()) or (i > 0 and doc.norms[i - 1].isdigit())
    ):
        return None  # "May" the verb or the name
    for k in (i + 1, i - 1):
        if 0 <= k < len(doc) and doc.norms[k].isdigit() and 1 <= int(doc.norms[k]) <= 31:
            s, e = min(doc.starts[i], doc.starts[k]), max(doc.ends[i], doc.ends[k])
            return Mention("date", f"{_MONTH_NAMES[month]} {int(doc.norms[k])}", (s, e))
    return Mention("date", _MONTH_NAMES[month], (doc.starts[i], doc.ends[i]))


_MONTH_NAMES = {
    i: m
    for m, i in MONTHS.items()
    if len(m) > 3 or m == "may"  # the full name of each month
}


def _number_at(doc: Doc, i: int) -> Mention | None:
    text = doc.text
    raw = text[doc.starts[i] : doc.ends[i]]
    m = _NUMBER.match(raw)
    if not m:
        return None
    digits = m.group().replace(",", "")
    suffix = raw[m.end() :].lower()  # "bn", "m", "%", "km" glued to the number
    if suffix and suffix not in _UNITS and any(c.isalpha() for c in suffix):
        return None
    try:
        value = float(digits)
    except ValueError:
        return None
    before = text[max(0, doc.starts[i] - 1) : doc.starts[i]]
    money = bool(before) and before in _CURRENCY
    if "." not in digits and not suffix and not money:
        if 1900 <= value <= 2100:
            return Mention("date", digits, (doc.starts[i], doc.ends[i]))
        if value < MIN_COUNT or _clock_minutes(doc, i):
            return None
        # "1 and 2" ... a day of the month goes with its month, handled there.
        if (
            i > 0
            and doc.norms[i - 1] in MONTHS
            or (i + 1 < len(doc) and doc.norms[i + 1] in MONTHS)
        ):
            return None
    return Mention("number", digits + suffix, (doc.starts[i], doc.ends[i]))


@lru_cache(maxsize=200_000)  # a dict look-up and a clamp per call; name words recur
def rarity(word: str) -> float:
    """How telling a shared name word is, 0 (in every article) to 1 (rare), from word frequency.

    Zipf frequency 6 or more ("new", "state") weighs 0, 3 or less ("Okafor") weighs 1,
    linearly between. The frequencies are general English (:data:`ZIPF_TABLE`), never the
    articles being compared, so one article's names weigh the same in every comparison.
    """
    return max(0.0, min(1.0, (6.0 - zipf_frequency(word)) / 3.0))


def zipf_frequency(word: str) -> float:
    """``word``'s Zipf frequency in general English (log10 of its uses per billion words),
    0.0 for a word below 3.0 or not in :data:`ZIPF_TABLE`.

    >>> zipf_frequency("the") > 7 > zipf_frequency("earthquake") > 3 > zipf_frequency("okafor")
    True
    """
    return _zipf().get(word, 0.0)


ZIPF_TABLE = "word-zipf-en.txt.xz"
"""English Zipf frequencies above 3.0 (28,917 words, 97 KiB) in ``storytrace/data``: taken from
``wordfreq`` 3.1 by ``scripts/build_word_zipf.py`` (licence: ``data/WORDFREQ-LICENSE.txt``), so
names weigh the same with or without the ``[spin]`` extra that installs ``wordfreq``."""


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    # Read once per process (about 0.05 s): lines of "<zipf x 100>\t<words>".
    raw = resources.files("storytrace").joinpath("data", ZIPF_TABLE).read_bytes()
    out: dict[str, float] = {}
    for line in lzma.decompress(raw).decode("utf-8").splitlines():
        z, words = line.split("\t", 1)
        out.update(dict.fromkeys(words.split(" "), int(z) / 100))
    return out
