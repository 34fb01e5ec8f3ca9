"""Boilerplate: publisher furniture that is printed under every article, not reused.

A footer ("Thank you for reading... sign up for our newsletter"), an
advertisement marker, sharing links or a picture credit recur across unrelated
articles; counted as shared text they would link every article of an outlet
into one story. Boilerplate is a label, never a deletion: the text stays, and
passages inside it get ``kind: "boilerplate"`` so that verdicts, directions and
story links ignore them.

Two ways to find it:

* **Rules** (:func:`boilerplate_spans`) for a lone comparison: phrases of the
  kinds of furniture every publisher prints (subscription, newsletter,
  sharing, correction notes, advertisement markers, caption and copyright
  credits), written so that they do not depend on one site. A paragraph is
  furniture when at least half of its sentences are (or it is short and one
  is); otherwise only the furniture sentences are. Users add their own
  patterns (``extra``). A line that only lists names (a team sheet, a panel's members,
  :func:`listing_spans`) is furniture too: data an outlet prints again, not reporting.
* **Document frequency** (:func:`frequent_hashes`, :func:`spans_from_positions`)
  in a corpus: a passage whose fingerprints recur in many articles of one
  outlet is that outlet's furniture whatever its wording. The corpus counts
  the fingerprints; these pure functions turn the counts into spans.

Example:
    >>> text = "The mayor resigned on Monday.\\nSign up for our daily newsletter."
    >>> [text[s:e] for s, e in boilerplate_spans(text)]
    ['Sign up for our daily newsletter.']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from storytrace.diff import Passage, TokOp, make_passage
from storytrace.text import Doc, doc_of, lazy_compile, overlaps

Span = tuple[int, int]
BOILERPLATE = "boilerplate"
"""The passage kind of shared furniture."""

_OPENS = r"(?:^\s*|(?<=[.!?:] )|(?<=[.!?][\"”’)] ))"
"""Where a call to the reader opens: a line's or a sentence's first word (an imperative,
"Become a member"). Reporting writes the same words after a subject ("Russia hopes to
finally become a member by early 2006", "the state would not make a contribution", "the
service begins with a free trial on 16 trains": every match of the unanchored rules on BBC
News and PolNeAR train+dev, which took those sentences for furniture)."""

# Each rule names a kind of furniture; the patterns are phrases an article's own
# reporting rarely uses. Case-insensitive.
RULES: dict[str, tuple[str, ...]] = {
    "subscription": (
        r"\bsubscribe (?:now|today|here|to (?:our|the)|for)\b",
        r"\balready a (?:subscriber|member)\b",
        rf"{_OPENS}become a (?:subscriber|member)\b",
        r"\bsubscri(?:ption|bers?) (?:only|offer|required|content)\b",
        r"\b(?:unlimited|digital|full) access\b",
        r"\bthank(?:s| you) for (?:reading|visiting|supporting)\b",
        r"\bsupport (?:our|independent|quality) journalism\b",
        r"\b(?:log|sign) ?in to (?:continue|read|comment)\b",
        r"\byour free trial\b",
        rf"{_OPENS}(?:start|get|claim|try|begin) (?:a |our )?(?:[\w-]+ )?free trial\b",
        r"\bto continue reading\b",
        r"\breaders like you\b",
        rf"{_OPENS}(?:please )?make a (?:contribution|donation)\b",
    ),
    "newsletter": (
        r"\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox|delivered)\b",
        r"\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b",
        r"\bsign up (?:here|now|today|for (?:our|free|the))\b",
        r"\bstraight to your inbox\b",
        r"\bdelivered to your inbox\b",
        r"\breceive (?:this|our) (?:daily|weekly|morning|evening) "
        r"(?:update|newsletter|briefing|email)\b",
    ),
    # An outlet's podcast or broadcast plugged under its articles ("Subscribe here, and listen
    # to the latest episode below"; "X airs on SiriusXM weekdays from 6am"). A programme's
    # air time as news ("The show airs on Tuesday") names no weekday slot.
    "promotion": (
        r"\b(?:latest|new|full) episode\b.{0,40}\b(?:below|here|embedded)\b",
        r"\bairs (?:live )?(?:on|every) .{0,60}\bweek(?:days|nights)\b.{0,20}\b(?:from|at) \d",
    ),
    "sharing": (
        r"\bshare (?:this|on) (?:article|story|page|post|facebook|twitter|x\b|whatsapp)",
        r"\bfollow us on\b",
        r"\b(?:like|find) us on facebook\b",
        r"\bprint this (?:page|article|story)\b",
        r"\bemail this (?:page|article|story)\b",
        r"\bcopy (?:the )?link\b",
        r"^\s*permalink\b",
        r"\bsend us your (?:feedback|news|story|tips?)\b",
        r"\b(?:click|tap) here\b",
        r"\bjoin the (?:conversation|discussion)\b",
        r"\bcomments? (?:are|have been) (?:closed|disabled|moderated)\b",
        r"\b(?:view|read|show) (?:all )?comments\b",
        *(
            rf"^\s*[\"“]?{p}\s*[:\-]?"
            for p in ("read more", "related", "more on this story", "recommended", "see also")
        ),
        r"^\s*most read\b",
    ),
    "correction": (
        *(
            rf"^\s*{p}\s*[:\-]"
            for p in ("correction", "clarification", "editor['’]?s note", "update")
        ),
        r"\ban earlier version of this (?:article|story|report)\b",
        r"\bthis (?:article|story|report) (?:has been|was) (?:updated|amended|corrected)\b",
    ),
    "advertisement": (
        r"^\s*advertisements?\s*$",
        r"\bstory continues (?:below|after)\b",
        r"\barticle continues (?:below|after)\b",
        r"\bcontinue reading (?:the|this|below|after|main)\b",
        r"^\s*sponsored (?:content|post|partner)\b",
        r"^\s*paid (?:content|post|partner)\b",
        r"\b(?:skip|close) ad(?:vertisement)?\b",
    ),
    # An author's bio line closes every piece they write ("Clark Boyd is technology
    # correspondent for The World, ..."): 8 unrelated BBC tech articles share it. Only as a
    # paragraph's first words, so a report about a reporter is left alone; no "producer"
    # ("Guidant is a key producer of equipment"), no "was" (obituaries).
    "bio": (
        r"^\s*(?:[\w'’.-]+ ){1,4}is (?:the |a |an |our )?(?:[\w'’-]+ ){0,3}"
        r"(?:correspondent|editor|reporter|columnist|writer|contributor|presenter)"
        r" (?:for|at|of|with|on)\b",
        r"^\s*(?:[\w'’.-]+ ){1,4}is (?:the |a |an |our )?(?:co-host|host) of\b",
        r"\bboard of contributors\b",
    ),
    "credit": (
        r"^\s*(?:photo|photograph|picture|image|video|credit|graphic)s?\s*(?:credit)?\s*:",
        r"\((?:photo(?:graph)?|image|picture)s?\b[^)]{0,80}\)",
        *(
            rf"\b{p}\b"
            for p in (
                "getty images",
                "ap photo",
                "afp via getty",
                "shutterstock",
                "pa wire",
                "alamy",
            )
        ),
        r"\breuters/",
        r"©",
        r"\(c\) ?\d{4}",
        r"\bcopyright\b.{0,80}\b(?:\d{4}|reserved)\b",
        r"\ball rights reserved\b",
        r"\bmay not be (?:published|reproduced), broadcast, rewritten\b",
    ),
}


# The rules are compiled on first use, not at import: about 300 patterns, 30-50 ms of
# every start-up of a command that never labels furniture (``match``, issue 16).
@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern]]:
    return [
        (kind, re.compile(p, re.IGNORECASE | re.MULTILINE))
        for kind, ps in RULES.items()
        for p in ps
    ]


def _needle(pattern: str) -> str:
    """The longest literal stretch every match of ``pattern`` contains ("" when none is sure)."""
    depth, top, i = 0, [], 0
    while i < len(pattern):  # a group's content is optional or one of several: no literal
        c = pattern[i]
        if c == "\\":
            if depth == 0:
                top.append("\x00" if pattern[i + 1 : i + 2].isalpha() else pattern[i + 1])
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2) + 1
            top.append("\x00")
            continue
        if c == "(":
            depth += 1
            if depth == 1:
                top.append("\x00")
        elif c == ")":
            depth -= 1
        elif depth == 0:
            top.append(c)
        i += 1
    flat = "".join(top)
    if "|" in flat:
        return ""
    flat = re.sub(r"[.^$]", "\x00", flat)
    flat = re.sub(r".(?:[?*+]|\{[^}]*\})", "\x00", flat)  # a repeated or optional character
    parts = [x for x in flat.split("\x00") if x.strip()]
    return max(parts, key=len) if parts else ""


_ALTERNATIVES = lazy_compile(r"\(\?:([a-z |-]+)\)(?![?*+{])")


def _top_level(pattern: str) -> tuple[set[int], bool]:
    """Where ``pattern``'s top-level groups open, and whether it has a ``|`` outside every
    group (escapes and character classes skipped)."""
    depth, at_top, i = 0, set(), 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2) + 1
            continue
        if c == "(":
            if depth == 0:
                at_top.add(i)
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return at_top, True
        i += 1
    return at_top, False


def _choices(pattern: str) -> list[tuple[str, ...]]:
    """Top-level groups of plain words every match takes one of ("(?:article|story)" gives
    ("article", "story"), "(?:co-host|host)" ("co-host", "host")), each word with the
    literal text every match prints right before and after the group (:func:`_beside`):
    "skip ad" and "close ad" of "(?:skip|close) ad", not "skip" and "close", which let the
    rule run on every text that says "close" and "added" (a scan of 40-70 µs a BBC text).
    A group that is optional, nested or holds more than letters, spaces and hyphens is left
    out, and a pattern with a top-level "|" has none.

    >>> _choices(r"\\bsubscribe (?:now|to (?:our|the))\\b (?:a|b)(?:c)? (?:d|e-f)")
    [(' a', ' b'), (' d', ' e-f')]
    >>> _choices(r"\\b(?:skip|close) ad(?:vertisement)?\\b"), _choices(r"\\bposts? (?:a|b)")
    ([('skip ad', 'close ad')], [(' a', ' b')])
    """
    at_top, bar = _top_level(pattern)
    if bar:
        return []
    out = []
    for m in _ALTERNATIVES.finditer(pattern):
        if m.start() in at_top:
            before, after = _beside(pattern, m.start(), m.end())
            out.append(tuple(before + word + after for word in m.group(1).split("|")))
    return out


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-")
"""Pattern characters that match themselves (the rules are written in lower case)."""


def _beside(pattern: str, start: int, end: int) -> tuple[str, str]:
    """The literal characters of ``pattern`` just before ``start`` and just after ``end`` (a
    top-level group's bounds) that every match holds: plain characters (:data:`_LITERAL`),
    up to an escape ("\\b"), a character class, a group or a character a quantifier makes
    optional or repeats ("s?").

    >>> _beside(r"\\bthank(?:s| you) for (?:x)", 7, 17)
    ('thank', ' for ')
    """
    k = start
    while k > 0 and pattern[k - 1] in _LITERAL and (k < 2 or pattern[k - 2] != "\\"):
        k -= 1
    before = pattern[k:start]
    k = end
    while (
        k < len(pattern)
        and pattern[k] in _LITERAL
        and pattern[k + 1 : k + 2] not in ("?", "*", "+", "{")
    ):
        k += 1
    return before, pattern[end:k]


# Rules run on the lower-cased text and only when their literal, and one choice of each group
# of plain alternatives with its literal neighbours (:func:`_choices`), is in it: a str.find
# costs microseconds, a regular expression scan about 0.1 ms per rule per article (common
# literals such as "this " or " ad" let through).
@lru_cache(maxsize=1)
def _gated() -> list[tuple[str, list[tuple[str, ...]], re.Pattern, re.Pattern, bool]]:
    return [
        (_needle(p), _choices(p), re.compile(p, re.MULTILINE), rx, _line_anchored(p))
        for kind, ps in RULES.items()
        for p in ps
        for rx in [re.compile(p, re.IGNORECASE | re.MULTILINE)]
    ]


def _line_anchored(pattern: str) -> bool:
    """Whether every match of ``pattern`` (compiled MULTILINE) starts at a line start: it
    opens with ``^`` and has no ``|`` outside a group.

    >>> _line_anchored(r"^\\s*(?:a|b)"), _line_anchored(r"^a|b"), _line_anchored(r"\\ba")
    (True, False, False)
    """
    return pattern.startswith("^") and not _top_level(pattern)[1]


def _line_matches(rx: re.Pattern, text: str) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for a line-anchored pattern that never matches empty: tried at
    each line start only. A scan tries ``^`` at every character, about 10 ns each, and the
    rules of an author's bio line ran on almost every article (30 µs each)."""
    pos = 0
    while True:
        m = rx.match(text, pos)
        if m is not None:
            yield m
            pos = m.end()
            if text[pos - 1] == "\n":  # the match ended at a line start: try there
                continue
        nl = text.find("\n", pos)
        if nl < 0:
            return
        pos = nl + 1


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    found = ahocorasick.Automaton()
    for w in words:
        found.add_word(w, w)
    found.make_automaton()
    return found


# Every rule's literal found in one pass over the text (Aho-Corasick, overlapping matches
# included): about a third of the cost of one str.find per rule. The longer choices of the
# rules' groups of alternatives too: they are mostly absent, and a str.find for an absent
# one reads the whole text (a short one is mostly present and found at once).
@lru_cache(maxsize=1)
def _needles() -> ahocorasick.Automaton:
    return _automaton({needle for needle, *_ in _gated() if needle} | _long_choices())


@lru_cache(maxsize=1)
def _long_choices() -> frozenset[str]:
    """The choices of five letters or more among the rules' alternatives (:func:`_choices`)."""
    return frozenset(
        c for _, choices, *_ in _gated() for group in choices for c in group if len(c) >= 5
    )


SHORT_PARAGRAPH = 25
"""A paragraph of at most this many words is furniture when one of its sentences is."""
PARAGRAPH_SHARE = 0.5
"""Least share of a paragraph's sentences that mark the whole paragraph as furniture."""
LIST_ITEM_WORDS = 20
"""A one-sentence paragraph of at most this many words after a list label ("Related:") is a
linked headline, so furniture, as is each such paragraph after it."""
LIST_LABEL = lazy_compile(
    r"[\W_]*(?:read more|related(?: stories| articles| coverage| links)?|more on this story"
    r"|recommended|see also|most read|also read)[\W_]*",
    re.IGNORECASE,
)


LISTING_ITEMS = 6
"""Least items (parted by commas or semicolons) of a line that is a listing of names."""
_LISTING_NAME_WORDS = 4
"""Most words of one item of a listing ("G Bulloch", "Mirco Bergamasco", "Chinese Taipei")."""
_LISTING_LABEL = lazy_compile(r"^\W*(?:[A-Z][\w'’ .-]{0,30})?:\s*")
_LISTING_ASIDE = lazy_compile(r"\([^)\n]*\)")
_LISTING_SEPARATOR = lazy_compile(r"[,;]")
# Lower-case words inside names ("R de Marigny", "Van Persie", "Hassan bin Ali").
_NAME_PARTICLES = frozenset("de van von da dal di le la du der den dos del bin al ter mac".split())


def listing_spans(doc: Doc) -> list[Span]:
    """Paragraphs (lines) of ``doc`` that are listings of names: a team sheet, a panel's members.

    A match report ends with both sides' line-ups ("C Paterson; S Danielli, A Craig ...
    G Bulloch (capt) ..."), and the preview and report of every match a side plays print
    nearly the same one; a politics site prints its panel of insiders under every poll of
    them. Shared, such a line says the outlet lists the same people, not that one report
    took the other's reporting: on BBC News, 15 of the 169 copied pairs in its stories
    shared only a team sheet and joined different matches into one story. A line is a
    listing when it holds at least :data:`LISTING_ITEMS` items of at most four words each
    and every item, or all but one in ten, is a name: each word capitalised, a figure or a
    particle ("de"). Asides in brackets ("(capt)", "(Tiago 56)") and a leading label
    ("Scotland:", "Replacements:") are passed over. No sentence of prose is such a line.

    >>> listing_spans(Doc("Scotland beat Italy.\\nC Paterson; S Danielli, A Craig, H Southwell, "
    ...                   "S Lamont; D Parks, C Cusiter (capt)."))
    [(21, 103)]
    >>> listing_spans(Doc("Smith, Jones, Brown, Green, White and Black all scored for Leeds."))
    []
    """
    text = doc.text
    out: list[Span] = []
    for s, e in doc.paragraphs:
        if text.count(",", s, e) + text.count(";", s, e) >= LISTING_ITEMS - 1:
            line = _LISTING_ASIDE.sub("", text[s:e])
            items = _LISTING_SEPARATOR.split(_LISTING_LABEL.sub("", line).strip().rstrip("."))
            if len(items) >= LISTING_ITEMS and _names(items):
                out.append((s, e))
    return out


def _names(items: Sequence[str]) -> bool:
    """Whether all the ``items``, or all but one in ten, are names (:func:`listing_spans`);
    an item that is not may still be no longer than a name and a label ("Barker. Subs Not
    Used: White"): a longer one is prose, which a line of broken copy can run into."""
    allowed = len(items) // 10
    for item in items:
        words = item.split()
        if not 0 < len(words) <= _LISTING_NAME_WORDS or not all(
            w[0].isupper() or w[0].isdigit() or w in _NAME_PARTICLES for w in words
        ):
            allowed -= 1
            if allowed < 0 or len(words) > _LISTING_NAME_WORDS + 2:
                return False
    return True


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern]:
    """User patterns (regular expressions, case-insensitive); a bad one raises ValueError."""
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE | re.MULTILINE))
        except re.error as e:
            raise ValueError(f"boilerplate pattern {p!r}: {e}") from None
    return out


def boilerplate_spans(
    text: str, extra: Iterable[str | re.Pattern] = (), doc: Doc | None = None
) -> list[Span]:
    """Character spans of ``text`` that are publisher furniture, sorted and disjoint:
    what the rules find, and listings of names (:func:`listing_spans`).

    ``extra`` are more patterns (strings or compiled) that mark a sentence the
    same way as the built-in :data:`RULES`.
    """
    extra = tuple(extra)
    if all(isinstance(p, str) for p in extra):
        return list(_spans_cached(text, extra))  # type: ignore[arg-type]
    return _spans(text, extra, doc or doc_of(text))


@lru_cache(maxsize=4096)
def _spans_cached(text: str, extra: tuple[str, ...]) -> tuple[Span, ...]:
    return tuple(_spans(text, extra, doc_of(text)))


def _spans(text: str, extra: Iterable[str | re.Pattern], doc: Doc) -> list[Span]:
    if doc.text is text or doc.text == text:
        found, listings = doc.derived(_BUILT_IN, lambda: _built_in(text, doc))
    else:
        found, listings = _built_in(text, doc)
    # Where the matches start (past leading space), the extra patterns' after the rules'.
    found = found + [
        m.start() + len(m.group()) - len(m.group().lstrip())
        for p in extra
        for m in (p if isinstance(p, re.Pattern) else compile_patterns([p])[0]).finditer(text)
    ]
    listings = list(listings)
    if not found:
        return listings
    sentences, paragraphs = _unwrapped(text, doc.sentences, doc.paragraphs)
    starts = [s for s, _ in sentences]
    hit = [False] * len(sentences)
    for at in found:
        k = bisect_right(starts, at) - 1
        if k >= 0 and at < sentences[k][1]:
            hit[k] = True
    if not any(hit):
        return listings
    out: list[Span] = listings
    k = 0
    in_list = False  # after a paragraph that is only a list label, such as "Related:"
    for ps, pe in paragraphs:
        inside = []
        while k < len(sentences) and sentences[k][0] < pe:
            if sentences[k][0] >= ps:
                inside.append(k)
            k += 1
        flagged = [i for i in inside if hit[i]]
        t0, t1 = doc.tokens_in((ps, pe))
        if in_list and len(inside) == 1 and t1 - t0 <= LIST_ITEM_WORDS:
            out.append((ps, pe))  # a linked headline: the list goes on
            continue
        in_list = bool(flagged) and LIST_LABEL.fullmatch(text, ps, pe) is not None
        if not flagged:
            continue
        if len(flagged) >= PARAGRAPH_SHARE * len(inside) or t1 - t0 <= SHORT_PARAGRAPH:
            out.append((ps, pe))
        else:
            out.extend(sentences[i] for i in flagged)
    return _merge(out, text)


_BUILT_IN = "boilerplate rules"
"""The :meth:`Doc.derived` key of :func:`_built_in`'s result."""


def _built_in(text: str, doc: Doc) -> tuple[list[int], list[Span]]:
    """What of :func:`_spans` the extra patterns do not change: where the built-in rules'
    matches start (past leading space) and the listings of names. Kept per Doc, so that the
    quotes' furniture (the rules and the quotes' own patterns) and the story features (the
    rules alone) of one text run the rules once: twice was about 2% of preparing a BBC
    article with quotes on."""
    lowered = text.lower()
    same_length = len(lowered) == len(text)  # else offsets would shift: search the text itself
    runs: list[tuple[re.Pattern, str, bool]] = []
    present = set(map(itemgetter(1), _needles().iter(lowered)))
    long = _long_choices()
    for needle, choices, low_rx, rx, anchored in _gated():
        if needle and needle not in present:
            continue
        if not all(
            any((c in present) if c in long else (c in lowered) for c in group) for group in choices
        ):
            continue
        runs.append((low_rx, lowered, anchored) if same_length else (rx, text, anchored))
    # Most texts that let a rule through have no match, and need neither paragraphs nor the
    # unwrapped sentences.
    found = [
        m.start() + len(m.group()) - len(m.group().lstrip())
        for rx, where, anchored in runs
        for m in (_line_matches(rx, where) if anchored else rx.finditer(where))
    ]
    return found, _merge(listing_spans(doc), text)


def _unwrapped(
    text: str, sentences: Sequence[Span], paragraphs: Sequence[Span]
) -> tuple[list[Span], list[Span]]:
    """Sentences and paragraphs with hard-wrapped lines joined again.

    A line break ends a sentence and a paragraph in :class:`~storytrace.text.Doc` (news copy
    puts captions and headlines on lines of their own), but a text wrapped at a fixed width
    breaks sentences too, and a rule would then mark only the first line of a furniture
    paragraph ("Editor's note: ... regularly" / "incites political violence ..."). A line
    continues the one before when only one line break parts them, the line before does not
    end a sentence and the line opens in lower case: no sentence of news copy does.
    """
    joined: set[int] = set()  # line starts that continue the line before
    lines: list[Span] = []
    for ps, pe in paragraphs:
        if lines and _continues(text, lines[-1][1], ps):
            joined.add(ps)
            lines[-1] = (lines[-1][0], pe)
        else:
            lines.append((ps, pe))
    if not joined:
        return list(sentences), list(paragraphs)
    units: list[Span] = []
    for ss, se in sentences:
        if units and ss in joined:
            units[-1] = (units[-1][0], se)
        else:
            units.append((ss, se))
    return units, lines


def _continues(text: str, end: int, start: int) -> bool:
    return (
        text.count("\n", end, start) == 1
        and text[start].islower()
        and text[end - 1] not in '.!?…:;"”’)]'
    )


LABEL_SHARE = 0.5
"""Least share of an edit (or of a passage without edits) inside furniture to label it."""
MIN_REAL_WORDS = 8
"""A stretch cut off by furniture with fewer equal words than this is furniture too (the
aligner bridges gaps, so a passage reaching into a footer drags a few words with it)."""


def label(
    doc_a: Doc,
    doc_b: Doc,
    passages: Sequence[Passage],
    extra: Iterable[str | re.Pattern] = (),
    spans_a: Sequence[Span] | None = None,
    spans_b: Sequence[Span] | None = None,
) -> list[Passage]:
    """The passages, with their stretches inside furniture split off as ``boilerplate``.

    A copy of an article that carries the outlet's footer aligns as one passage
    running from the story into the footer; the story part stays a passage of
    its own kind and the footer part becomes a ``boilerplate`` passage. Returns
    new passages (the given ones are not changed). ``spans_a``/``spans_b`` are
    furniture found otherwise (a corpus's frequent passages), used beside the
    rules of :func:`boilerplate_spans`.
    """
    if not passages:  # nothing to label: the furniture need not be found
        return []
    fa = _merge(boilerplate_spans(doc_a.text, extra, doc_a) + list(spans_a or ()))
    fb = _merge(boilerplate_spans(doc_b.text, extra, doc_b) + list(spans_b or ()))
    if not fa and not fb:
        return list(passages)
    out: list[Passage] = []
    masks: list[list[bool]] = []  # per side, tokens inside furniture: made on first need
    for p in passages:
        if not any(overlaps(p.a, f) for f in fa) and not any(overlaps(p.b, f) for f in fb):
            out.append(p)
        elif not p.edits:
            furniture = max(share_inside(p.a, fa), share_inside(p.b, fb)) >= LABEL_SHARE
            out.append(replace(p, kind=BOILERPLATE) if furniture else p)
        else:
            if not masks:
                masks = [doc_a.token_mask(fa), doc_b.token_mask(fb)]
            out.extend(_split(doc_a, doc_b, p, fa, fb, masks))
    return out


def _split(
    doc_a: Doc, doc_b: Doc, p: Passage, fa: list[Span], fb: list[Span], masks: list[list[bool]]
) -> list[Passage]:
    in_a, in_b = masks[0].__getitem__, masks[1].__getitem__
    pieces: list[tuple[bool, TokOp]] = []
    for e in p.edits:
        (i0, i1), (j0, j1) = doc_a.tokens_in(e.a), doc_b.tokens_in(e.b)
        if e.op == "equal" and i1 - i0 == j1 - j0:
            # Equal runs split word by word: a footer often continues a copied story.
            k = i0
            while k < i1:
                flag = in_a(k) or in_b(j0 + k - i0)
                m = k + 1
                while m < i1 and (in_a(m) or in_b(j0 + m - i0)) == flag:
                    m += 1
                pieces.append((flag, ("equal", k, m, j0 + k - i0, j0 + m - i0)))
                k = m
        else:
            shares = [share_inside(e.a, fa), share_inside(e.b, fb)]
            pieces.append((max(shares) >= LABEL_SHARE, (e.op, i0, i1, j0, j1)))
    runs: list[list] = []
    for flag, op in pieces:
        if runs and runs[-1][0] == flag:
            runs[-1][1].append(op)
        else:
            runs.append([flag, [op]])
    for run in runs:
        equal = sum(i1 - i0 for tag, i0, i1, _, _ in run[1] if tag == "equal")
        if not run[0] and equal < MIN_REAL_WORDS:
            run[0] = True
    merged: list[list] = []
    for flag, ops in runs:
        if merged and merged[-1][0] == flag:
            merged[-1][1].extend(ops)
        else:
            merged.append([flag, list(ops)])
    keep = p.kind if p.kind in ("spun", "reworded") else None
    return [
        make_passage(doc_a, doc_b, ops, kind=BOILERPLATE if flag else keep) for flag, ops in merged
    ]


def furniture_kinds(text: str) -> list[str]:
    """The kinds of furniture the built-in rules find in ``text`` (for explanations)."""
    return sorted({kind for kind, rx in _compiled() if rx.search(text)})


def frequent_hashes(df: Mapping[int, int], min_docs: int) -> set[int]:
    """Fingerprints held by at least ``min_docs`` articles: one outlet's recurring furniture.

    ``df`` counts, per fingerprint, the articles (of one outlet, or of the whole
    corpus) holding it. Count per outlet where outlets are known: a wire story
    many outlets carry is reuse, while a passage one outlet prints under many
    different stories is furniture.
    """
    return {h for h, n in df.items() if n >= min_docs}


def spans_from_positions(
    doc: Doc, positions: Sequence[int], ngram: int, max_gap: int = 8
) -> list[Span]:
    """Character spans covered by frequent word n-grams starting at token ``positions``.

    Sampled fingerprints leave gaps of a few words between frequent shingles;
    gaps up to ``max_gap`` words are bridged so one footer gives one span.
    """
    runs: list[list[int]] = []
    for i in sorted(positions):
        end = min(i + ngram, len(doc))
        if runs and i <= runs[-1][1] + max_gap:
            runs[-1][1] = max(runs[-1][1], end)
        elif end > i:
            runs.append([i, end])
    return [doc.span(i, j) for i, j in runs]


def share_inside(span: Span, spans: Sequence[Span]) -> float:
    """Share of the characters of ``span`` that lie inside the disjoint ``spans``."""
    s, e = span
    if e <= s:
        return 0.0
    return sum(max(0, min(e, be) - max(s, bs)) for bs, be in spans) / (e - s)


def _merge(spans: list[Span], text: str = "") -> list[Span]:
    """Sorted disjoint spans; with ``text``, spans apart only by white space join too."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or (text and not text[out[-1][1] : s].strip())):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
