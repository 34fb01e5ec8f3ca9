"""Spin without a source: flag phrases that look like article-spinner output.

Two kinds of evidence, each a :class:`Flag` with character offsets into the text:

- ``tortured``: a phrase from a small hand-written list of spinner renderings of
  common news collocations ("get together" used as a noun for *party*,
  "marketing campaign" in a sentence about an election, "worldwide warming").
  Some entries only count in context (a political sentence of a politics story, a noun
  position).
- ``collocation``: a fixed news expression ("prime minister", "press
  conference", "general election", hand-written list below) with one word
  replaced by a thesaurus synonym of it ("prime priest", "press convention").
  Needs the Moby thesaurus (``[spin]`` extra). Reported only when the article
  has at least two different flagged phrases: one such phrase alone, however often
  it recurs, is usually plain English ("business rates"), and so are two that each
  put in an everyday word (:data:`EVERYDAY_ZIPF`: "search facility", "press attention").

- ``rare-synonym``: a plain (lower-case) word that is rare in English (Zipf
  frequency below :data:`RARE_ZIPF` for every inflection, from the
  ``wordfreq`` package) and listed in the thesaurus ("lunette" for
  *barrier*, "twelvemonth" for *year*). Sense-blind spinners pick such words
  because they draw evenly from a thesaurus entry, most of whose words are
  rare. Reported only when the article has at least :data:`RARE_MIN_WORDS`
  different ones and at least :data:`RARE_PER_100` different ones per 100 words: good
  writers use "furore" or "lacklustre" too, but not densely, and repeat the rare word
  that is their topic. Words in a fragment the writer quotes are the speaker's and do
  not count (:func:`_quoted_fragments`).

Measured in bench/spin_eval.py (numbers in its docstring): the tortured and
collocation flags alone hit 0.3% of unspun BBC articles and catch almost no
randomly spun article (a random spin rarely hits a listed collocation); the
rare-synonym flags catch most articles spun at 30% or more. With a source
to compare against, ``storytrace compare`` finds the swaps themselves
(``synonym`` edits).

The per-article ``score`` is flagged phrases per 100 words (0 = nothing flagged).
The ``likelihood`` (0-1) reads the same evidence, counted before the flag
thresholds, with how rare the plain words are (:data:`SIGNALS`), through a
logistic regression calibrated on a tune split of spun and unspun BBC articles;
:data:`SCALE` says in words what its values mean, measured on a separate split.

Example (needs the ``[spin]`` extra):
    >>> r = detect("Labour's defence over meddling in Donald Trump's election bid is grossly "
    ...            "implausible, say Tories - as ex-Cabinet minister admits it was a mistake "
    ...            "for get together to assist Kamala Harris marketing campaign")
    >>> [f.phrase for f in r.flags]
    ['get together', 'marketing campaign']
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.util import find_spec
from itertools import accumulate, compress
from operator import and_, not_
from pathlib import Path

from storytrace import synonyms
from storytrace.diff import Edit, Passage, covered_flags, edits_of, merge_ops, misread, opcodes
from storytrace.text import STOPWORDS, Doc, WordMap, doc_of, other_figures, overlaps

HAS_FREQUENCIES = find_spec("wordfreq") is not None
"""wordfreq (the ``[spin]`` extra) is installed; without it the rare-synonym flags are off.
Looked for, not imported: its import (langcodes, ftfy, its tokeniser's patterns) cost 690
million instructions, about 0.2 CPU s of every process that labels spin, and the English
frequency list is read here (:func:`_frequency_list`)."""

Span = tuple[int, int]

# Words that make a story political (three of them) and a sentence of it (one): a
# "marketing campaign" there is a spun "campaign".
_POLITICS = frozenset(
    """election elections electoral vote voters voting ballot poll polls candidate candidates
    presidential president parliament parliamentary minister ministers mp mps senator senate
    congress labour tory tories conservative conservatives democrat democrats republican
    republicans party parties government opposition referendum campaigners""".split()
)

# (phrase, what it spins, context): context "politics" = only in a political
# sentence of a political story; "noun" = only after a determiner/preposition or
# before a noun-ish word (plain "get together" is ordinary English as a verb).
TORTURED: list[tuple[str, str, str]] = [
    ("get together", "party", "noun"),
    ("get-together", "party", "noun"),
    ("marketing campaign", "campaign", "politics"),
    ("advertising campaign", "campaign", "politics"),
    ("election marketing campaign", "election campaign", ""),
    ("presidential marketing campaign", "presidential campaign", ""),
    ("marketing campaign trail", "campaign trail", ""),
    ("worldwide warming", "global warming", ""),
    ("international warming", "global warming", ""),
    ("local weather change", "climate change", ""),
    ("weather exchange", "climate change", ""),
    ("counterfeit news", "fake news", ""),
    ("human privileges", "human rights", ""),
    ("regulation enforcement", "law enforcement", ""),
    ("police drive", "police force", ""),
    ("top minister", "prime minister", ""),
    ("high minister", "prime minister", ""),
    ("prime priest", "prime minister", ""),
    ("excessive court", "high court", ""),
    ("ultimate court", "supreme court", ""),
    ("perfect court", "supreme court", ""),
    ("white residence", "White House", ""),
    ("white home", "White House", ""),
    ("press convention", "press conference", ""),
    ("information convention", "news conference", ""),
    ("inventory market", "stock market", ""),
    ("stock trade", "stock market", ""),
    ("overseas secretary", "foreign secretary", ""),
    ("house secretary", "home secretary", ""),
    ("chief govt", "chief executive", ""),
    ("leader govt", "chief executive", ""),
    ("synthetic intelligence", "artificial intelligence", ""),
    ("social networking media", "social media", ""),
    ("basic election", "general election", ""),
    ("common election", "general election", ""),
    ("labour get together", "Labour party", ""),
    ("conservative get together", "Conservative party", ""),
    ("get together chief", "party leader", ""),
    ("get together convention", "party conference", ""),
    ("assembly of parliament", "member of parliament", ""),
    ("member of parliament", "", "never"),  # guard: the real phrase
    ("rate of curiosity", "interest rate", ""),
    ("curiosity charges", "interest rates", ""),
    ("curiosity fees", "interest rates", ""),
    ("financial institution of england", "Bank of England", ""),
    ("central financial institution", "central bank", ""),
    ("gross home product", "gross domestic product", ""),
    ("unemployment fee", "unemployment rate", ""),
    ("inflation fee", "inflation rate", ""),
    ("nationwide well being service", "National Health Service", ""),
    ("well being secretary", "health secretary", ""),
    ("psychological well being", "mental health", ""),
    ("local weather disaster", "climate crisis", ""),
    ("fuel costs", "gas prices", "never"),  # ordinary English
]
TORTURED = [t for t in TORTURED if t[2] != "never"]

# Fixed news expressions whose words a spinner replaces one at a time. A word
# of a collocation swapped for a thesaurus synonym of it (and not forming
# another listed collocation) is flagged.
COLLOCATIONS = """prime minister|foreign secretary|home secretary|health secretary|general election
press conference|news conference|campaign trail|white house|supreme court|human rights
climate change|global warming|fake news|law enforcement|interest rates|chief executive
opinion poll|death toll|box office|search engine|mobile phone|high street|armed forces
artificial intelligence|social media|mental health|shadow chancellor|polling station""".replace(
    "\n", "|"
).split("|")

COLLOCATION_MIN_FLAGS = 2
"""Least different flagged phrases in an article (of either kind) before collocation swaps
are reported (a phrase repeated counts once)."""

EVERYDAY_ZIPF = 4.5
"""A collocation swap that puts in a word this common (Zipf 4.5: once per 30,000 words) is
often an ordinary phrase of its own ("search facility", "press attention", "business
rates"), and there are no phrase counts here to tell: such swaps are reported only beside a
flag that puts in a rarer word or a known spinner phrase. Spinners put in everyday words
too ("head executive"), but they leave rarer ones beside them. Set on the tune split of
bench/spin_eval.py (docstring, session 43)."""
RARE_ZIPF = 2.5
"""A word is rare below this Zipf frequency (about once per 3 million words)."""
RARE_MIN_WORDS = 3
"""Least different rare thesaurus words in an article before they are reported (a word and its
inflections count once: "temblor" and "temblors" are one word): a spinner swaps many different
words, while a writer who chose one rare word repeats it. Counted by occurrence, an AP
earthquake report with "temblor" twice and "tarpaulins" once, and a report using "imperiled"
three times, read "likely spun" (ECB+, 2 of its 496 articles)..."""
RARE_PER_100 = 1.0
"""...and their least density per 100 words, each different word counted once (since
session 41: a report on wine growers that names them four times by one rare word was
"likely spun" on BBC News). Set on the BBC corpus (bench/spin_eval.py), counting
occurrences: at 1.0 about 0.45% of unspun articles reached it, at 0.5 about 1.5%."""

_DET = frozenset(
    "a an the for of to his her their its our my your this that whose which by with".split()
)
_NOUNISH_AFTER = frozenset(
    """leader leaders leadership members member conference chairman chair staff activists
    officials official spokesman spokeswoman candidate candidates manifesto policy policies
    headquarters donors funding machine figures chief bosses""".split()
)


@dataclass(slots=True)
class Flag:
    """One suspicious phrase: ``text[span[0]:span[1]]`` is ``phrase``."""

    span: Span
    phrase: str
    kind: str  # "tortured" | "collocation" | "rare-synonym"
    reason: str

    def to_dict(self) -> dict:
        return {
            "span": list(self.span),
            "phrase": self.phrase,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(slots=True)
class SpinReport:
    """Flags for one text, its spin score (flagged phrases per 100 words) and likelihood."""

    flags: list[Flag]
    words: int
    score: float
    thesaurus: bool = field(default=True)
    likelihood: float = 0.0
    """0-1: how likely a spinner wrote the text (:func:`likelihood`)."""
    scale: str = ""
    """The likelihood in words (:data:`SCALE`)."""
    signals: dict[str, float] = field(default_factory=dict)
    """The measured signals behind the likelihood (:data:`SIGNALS`)."""

    def to_dict(self) -> dict:
        return {
            "score": round(self.score, 4),
            "likelihood": round(self.likelihood, 4),
            "scale": self.scale,
            "signals": self.signals,
            "words": self.words,
            "thesaurus": self.thesaurus,
            "flags": [f.to_dict() for f in self.flags],
        }


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted(
        {r"[\s\-]+".join(map(re.escape, re.split(r"[\s\-]+", p))) for p in phrases},
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alts) + r")(?![\w’])", re.IGNORECASE)


_TORTURED_RE = _phrase_re([p for p, _, _ in TORTURED])
_TORTURED_BY_KEY = {synonyms.key(p): (p, orig, ctx) for p, orig, ctx in TORTURED}
_COLLOC = frozenset(COLLOCATIONS)
# Collocations by position: for "prime minister", ("minister", 1) and ("prime", 0).
_COLLOC_BY_WORD: dict[tuple[str, int], list[tuple[str, ...]]] = {}
for _c in _COLLOC:
    _ws = tuple(_c.split())
    for _k, _w in enumerate(_ws):
        _COLLOC_BY_WORD.setdefault((_w, _k), []).append(_ws)
_COLLOC_WORDS = frozenset(w for w, _ in _COLLOC_BY_WORD)


# The words of each listed phrase, lower case, as _TORTURED_RE separates them.
_FOLD_EXTRA = "\u0130\u0131\u017f"
"""Characters ``re.IGNORECASE`` matches with an ASCII letter that do not lower-case to it
(dotted and dotless i, long s); a test checks every code point."""
_TORTURED_WORDS = [
    (ws, sorted(ws, key=len, reverse=True))
    for ws in (tuple(re.split(r"[\s\-]+", p.lower())) for p, _, _ in TORTURED)
]


def _tortured_matches(text: str) -> list[re.Match[str]]:
    """``_TORTURED_RE.finditer(text)``, without trying its 40-odd alternatives at every
    character (330-650 µs a BBC text). Every character the pattern's case folding matches
    with a letter of a phrase lower-cases to that letter, except :data:`_FOLD_EXTRA`; so,
    when lower-casing keeps the length and none of those occurs, a match needs every word
    of its phrase in the lower-cased text and starts where its first word does: only the
    phrases whose words all occur are tried, and only at those places."""
    lower = text.lower()
    if len(lower) != len(text) or any(c in text for c in _FOLD_EXTRA):
        return list(_TORTURED_RE.finditer(text))
    present: dict[str, bool] = {}
    firsts = set()
    for words, longest_first in _TORTURED_WORDS:
        for w in longest_first:  # a long word is seldom in a text: most phrases stop at one
            found = present.get(w)
            if found is None:
                found = present[w] = w in lower
            if not found:
                break
        else:
            firsts.add(words[0])
    if not firsts:
        return []
    starts = set()
    for w in firsts:
        k = lower.find(w)
        while k >= 0:
            starts.add(k)
            k = lower.find(w, k + 1)
    out: list[re.Match[str]] = []
    end = 0
    for k in sorted(starts):  # leftmost first, never overlapping, as finditer
        if k >= end:
            m = _TORTURED_RE.match(text, k)
            if m:
                out.append(m)
                end = m.end()
    return out


def _is_political(norms: list[str]) -> bool:
    return sum(map(_POLITICS.__contains__, norms)) >= 3  # counted in C


def _political_sentence(doc: Doc, start: int) -> bool:
    """The sentence holding ``start`` names something political. A "politics" entry is
    also plain English ("an international marketing campaign" to bring tourists, in a
    story about a parliament's smoking ban): a spun "campaign" is a political one where it
    stands (a party's, a candidate's, an election's), not only somewhere in the story."""
    i, j = _sentence_of(doc)[doc.token_at(start)]
    return any(map(_POLITICS.__contains__, doc.norms[i:j]))


def _noun_use(doc: Doc, start: int, end: int) -> bool:
    """The phrase stands where a noun would: after a determiner or before a noun-ish word."""
    i = doc.token_at(start)
    j = doc.token_at(end - 1) + 1
    before = doc.norms[i - 1] if i > 0 else ""
    after = doc.norms[j] if j < len(doc) else ""
    # Capitalised mid-sentence ("Labour get together") reads as a party name.
    return (
        before in _DET
        or after in _NOUNISH_AFTER
        or (before and doc.text[doc.starts[i - 1]].isupper() and i > 1)
    )


def detect(text: str, use_thesaurus: bool | None = None) -> SpinReport:
    """Flag spinner-style phrases in ``text``.

    ``use_thesaurus=None`` uses the Moby thesaurus when installed; ``True``
    requires it (:class:`storytrace.synonyms.ThesaurusMissing` when absent).
    """
    if use_thesaurus is None:
        use_thesaurus = synonyms.available()
    doc = doc_of(text)
    political = _is_political(doc.norms)
    flags: list[Flag] = []
    for m in _tortured_matches(text):
        phrase, orig, ctx = _TORTURED_BY_KEY[synonyms.key(m.group())]
        if ctx == "politics" and not (political and _political_sentence(doc, m.start())):
            continue
        if ctx == "noun" and not _noun_use(doc, m.start(), m.end()):
            continue
        where = " in a story about politics" if ctx == "politics" else ""
        flags.append(Flag(m.span(), m.group(), "tortured", f"spinner rendering of '{orig}'{where}"))
    words = len(doc)
    swaps: list[Flag] = []
    rare: list[Flag] = []
    tortured = len(flags)
    if use_thesaurus:
        found = _collocation_flags(doc, flags)
        swaps = [f for f, _ in found]
        # One collocation with a synonym in it is often plain English ("business
        # rates"); a spinner leaves several. Report them when corroborated by another
        # phrase: one said twice is the writer's term (a phone sold as a "pocket
        # office", named in the headline and the text), not two swaps. Swaps to everyday
        # words do not vouch for each other: "search facility" and "press attention" are
        # English too, so one flag must be no everyday phrase.
        vouched = bool(flags) or not all(_everyday(w) for _, w in found)
        if (
            vouched
            and len({synonyms.key(f.phrase) for f in swaps + flags}) >= COLLOCATION_MIN_FLAGS
        ):
            flags += swaps
        rare = _rare_synonym_flags(doc, flags)
        n_rare = _distinct(rare)
        if n_rare >= RARE_MIN_WORDS and 100 * n_rare >= RARE_PER_100 * words:
            flags += rare
    flags.sort(key=lambda f: f.span)
    score = 100 * len(flags) / words if words else 0.0
    sig = _signals(doc, tortured, len(swaps), _distinct(rare))
    likely = likelihood(sig, bool(flags))
    return SpinReport(flags, words, score, use_thesaurus, likely, scale_words(likely), sig)


SIGNALS = ("tortured", "collocation", "rare_thesaurus", "rare_any", "uncommon")
"""The article signals behind :func:`likelihood`, each per 100 words: known spinner
phrases, collocations with a synonym in them, rare thesaurus words (the three flag
kinds, counted before their thresholds), plain words rare in English (Zipf below
:data:`RARE_ZIPF`, thesaurus or not) and uncommon ones (Zipf below
:data:`UNCOMMON_ZIPF`): a spinner swaps common words for less common ones. The three
rarity signals count different words (a word's inflections once), outside quoted
fragments (:func:`_quoted_fragments`): a sense-blind spinner scatters many different rare
words, while a writer repeats the rare word that is the story's topic (a report on wine
growers names them four times by one rare word), and a fragment the writer quotes is its
speaker's choice."""
UNCOMMON_ZIPF = 3.5
"""Zipf frequency below which a plain word counts as ``uncommon`` (once per 300,000 words)."""


def _signals(doc: Doc, tortured: int, collocation: int, rare_thesaurus: int) -> dict[str, float]:
    rare_any = uncommon = 0
    if HAS_FREQUENCIES:
        # Per different plain word (its first form in the text), from its two flags.
        plain = list(map(doc.norms.__getitem__, _plain_tokens(doc)))[::-1]
        words = dict(zip(map(_LEMMA.__getitem__, plain), plain, strict=True)).values()
        rare_any = sum(map(_RARE_ANY.__getitem__, words))
        uncommon = sum(map(_UNCOMMON.__getitem__, words))
    per = 100 / len(doc) if len(doc) else 0.0
    counts = (tortured, collocation, rare_thesaurus, rare_any, uncommon)
    return {k: round(v * per, 4) for k, v in zip(SIGNALS, counts, strict=True)}


_RARE_ANY = WordMap(lambda w: _zipf(w) < RARE_ZIPF)
_UNCOMMON = WordMap(lambda w: _zipf(w) < UNCOMMON_ZIPF)
_LEMMA = WordMap(lambda w: min(synonyms.forms(w), key=len))
"""A word's shortest form, as :func:`_distinct` counts it ("temblors" is "temblor")."""


def _collocation_flags(doc: Doc, found: list[Flag]) -> list[tuple[Flag, str]]:
    """A collocation with one word swapped for a thesaurus synonym: each flag with the word
    put in."""
    taken = [f.span for f in found]
    out: list[tuple[Flag, str]] = []
    norms = doc.norms
    for i, n in _anchored_windows(norms):
        window = tuple(norms[i : i + n])
        if " ".join(window) in _COLLOC or not _one_phrase(doc, i, i + n):
            continue
        # Exactly one position differs from a collocation; the other words anchor it.
        for k in range(n):
            anchor = n - 1 if k == 0 else 0
            for colloc in _COLLOC_BY_WORD.get((window[anchor], anchor), ()):
                if len(colloc) != n or any(window[x] != colloc[x] for x in range(n) if x != k):
                    continue
                # Directional: a spinner looks the original word up.
                # "party staff" is news English, not a spun "party conference".
                if k == n - 1 and window[k] in _NOUNISH_AFTER:
                    continue
                if (
                    window[k] in _STOP_SWAP
                    or window[k] not in synonyms.synonyms(colloc[k])
                    or synonyms.same_word(window[k], colloc[k])
                ):
                    continue
                # A capitalised word mid-sentence is part of a name ("Home Office
                # minister"), not a swap.
                t = i + k
                if t > 0 and doc.text[doc.starts[t]].isupper() and not _starts_sentence(doc, t):
                    continue
                span = doc.span(i, i + n)
                if any(overlaps(span, s) for s in taken):
                    continue
                taken.append(span)
                why = f"'{' '.join(colloc)}' with '{colloc[k]}' swapped for a synonym"
                out.append((Flag(span, doc.text[span[0] : span[1]], "collocation", why), window[k]))
    return out


def _everyday(word: str) -> bool:
    """An everyday word (:data:`EVERYDAY_ZIPF`); without wordfreq, none is."""
    return HAS_FREQUENCIES and _zipf(word) >= EVERYDAY_ZIPF


def _anchored_windows(norms: list[str]) -> list[tuple[int, int]]:
    """Start and length of the windows of 2 and 3 words whose first or last word anchors
    some collocation (only those can match one), in text order then length."""
    last = len(norms)
    out = set()
    for t in compress(range(last), map(_COLLOC_WORDS.__contains__, norms)):  # found in C
        w = norms[t]
        if (w, 0) in _COLLOC_BY_WORD:
            out.update((t, n) for n in (2, 3) if t + n <= last)
        if (w, 1) in _COLLOC_BY_WORD and t >= 1:
            out.add((t - 1, 2))
        if (w, 2) in _COLLOC_BY_WORD and t >= 2:
            out.add((t - 2, 3))
    return sorted(out)


def _rare_synonym_flags(doc: Doc, found: list[Flag]) -> list[Flag]:
    """Plain words that are rare in English but listed in the thesaurus."""
    if not HAS_FREQUENCIES:
        return []
    taken = [f.span for f in found]
    out: list[Flag] = []
    norms = doc.norms
    plain = _plain_tokens(doc)
    # Each distinct word looked up once (None: not a rare thesaurus word; 0.0 is rare).
    words = set(map(norms.__getitem__, plain))
    zipf = dict(zip(words, map(_rare_thesaurus_word, words), strict=True))
    rare = {w for w, z in zipf.items() if z is not None}
    for t in [t for t in plain if norms[t] in rare] if rare else ():
        z = zipf[norms[t]]
        span = (doc.starts[t], doc.ends[t])
        if not any(overlaps(span, s) for s in taken):
            reason = f"rare word (Zipf {z:.1f}) from the thesaurus, as a spinner picks them"
            out.append(Flag(span, doc.text[span[0] : span[1]], "rare-synonym", reason))
    return out


def _distinct(flags: list[Flag]) -> int:
    """How many different words the flags hold, a word's inflections counted once (its
    shortest form, :func:`storytrace.synonyms.forms`: "temblors" is "temblor")."""
    return len({_LEMMA[f.phrase.lower()] for f in flags})


def _plain_tokens(doc: Doc) -> list[int]:
    """The tokens of plain words: three letters or more, not a stop word, not capitalised
    (names, and words a sentence starts with: too often proper nouns), and not in a quoted
    fragment (:func:`_quoted_fragments`)."""

    def find() -> list[int]:
        plain = map(_PLAIN.__getitem__, doc.norms)
        lower = map(not_, map(str.isupper, map(doc.text.__getitem__, doc.starts)))
        found = list(compress(range(len(doc)), map(and_, plain, lower)))
        quoted = _quoted_fragments(doc) if found else ()
        return [t for t in found if t not in quoted] if quoted else found

    return doc.derived(("spin", "plain"), find)  # for the rare-word flags and the signals


_PLAIN = WordMap(lambda w: len(w) >= 3 and w not in STOPWORDS and w.isalpha())


def _quoted_fragments(doc: Doc) -> set[int]:
    """The tokens of quotations that open with a lower-case letter: words the writer's own
    sentence quotes from a speaker (he once called them "thieves, thugs and rogues"; a
    critic praised its "luminous debut"), quoted because they are the speaker's striking
    words and no sign of a spinner (and the rest of a quotation after '..., he said,').
    A quotation that opens with a capital, a sentence of its own, stays evidence: a spinner
    rewrites quotations as any other text, and leaving every quotation out lost 0.13-0.15 of
    the spun articles that read "likely spun" on the tune split of bench/spin_eval.py
    ``--scale`` (the fragments alone: 0 on BBC News, 0.025 on PolNeAR)."""
    quoted: set[int] = set()
    for s, e in doc.quotations:
        if not doc.text[s].isupper():
            quoted.update(range(bisect_left(doc.starts, s), bisect_left(doc.starts, e)))
    return quoted


@cache
def _rare_thesaurus_word(word: str) -> float | None:
    """The Zipf frequency of the word's most frequent form ("trialling" counts as
    "trial") when that is below :data:`RARE_ZIPF` and a form is in the thesaurus."""
    forms = synonyms.forms(word)
    z = _zipf(word)  # the same maximum over the same forms, kept per word
    # Moby only: WordNet lists thousands of rare technical lemmas no spinner uses.
    vocab = synonyms.vocabulary()
    return z if z < RARE_ZIPF and any(f in vocab for f in forms) else None


def _starts_sentence(doc: Doc, t: int) -> bool:
    gap = doc.text[doc.ends[t - 1] : doc.starts[t]]
    return "\n" in gap or any(c in gap for c in ".!?:")


def _one_phrase(doc: Doc, i: int, j: int) -> bool:
    """Tokens i..j-1 stand together: only spaces or hyphens between, and not a proper name."""
    text = doc.text
    for t in range(i, j - 1):
        if text[doc.ends[t] : doc.starts[t + 1]].strip(" -"):
            return False
    return not all(text[doc.starts[t]].isupper() for t in range(i, j))


# Swaps that are ordinary variation, not spin ("police officers" -> "police men").
_STOP_SWAP = frozenset(
    """new old big small more most other first deputy former junior senior acting chief
    highest top leading""".split()
)


# --- synonym swaps inside aligned passages (used by storytrace.align) -----------------

SWAP_MAX_WORDS = 12
"""Longest replacement (either side, in words) checked against the thesaurus."""
SEGMENT_MAX_WORDS = 8
"""Longest A side split word by word into thesaurus phrases."""
SPUN_MIN_SWAPS = 2
"""Least synonym swaps in a passage for kind ``spun``..."""
SPUN_SWAP_SHARE = 0.5
"""...and the least share of its replacements that are synonym swaps..."""
SPUN_MIN_DENSITY = 0.12
"""...and the least swaps per content word of the passage. An editor's light revision
(tests/fixtures/verdict/light.txt: 1-3 words per sentence) swaps about 9% of content
words for synonyms; spinners swap more, and at 10% they are indistinguishable."""


def _abbreviation(wa: list[str], wb: list[str]) -> bool:
    """One side is the initials of the other ("United States" / "US"): house style,
    not a thesaurus swap."""
    for short, long in ((wa, wb), (wb, wa)):
        if len(short) == 1 and len(long) > 1:
            initials = "".join(w[0] for w in long)
            if short[0].replace(".", "") == initials:
                return True
    return False


def _is_swap(wa: list[str], wb: list[str], head: str) -> bool:
    """A replacement the thesaurus explains: whole phrases, word by word, or what is
    left after dropping function words and inflected repeats ("the party" / "get
    together"; "Harris's" / "Harris marketing" before "campaign")."""
    if synonyms.are_synonyms(" ".join(wa), " ".join(wb)):
        return True
    if len(wa) == len(wb) and _words_are_swaps(wa, wb):
        return True
    if _segments(tuple(wa), tuple(wb)):
        return True
    ra = [w for w in wa if w not in STOPWORDS and not any(synonyms.same_word(w, v) for v in wb)]
    rb = [w for w in wb if not any(synonyms.same_word(w, v) for v in wa)]
    rb = rb if len(rb) > 1 else [w for w in rb if w not in STOPWORDS]
    if (ra, rb) == (wa, wb) or not rb:
        return False
    if ra:
        return synonyms.are_synonyms(" ".join(ra), " ".join(rb))
    # Only an added modifier is left: a spinner's expansion of the next word.
    return (
        bool(head)
        and head not in STOPWORDS
        and synonyms.are_synonyms(head, " ".join(rb) + " " + head)
    )


def _segments(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """Word by word with phrases: each word of A equal to, or a thesaurus synonym of, one
    to three words of B, in order ("rose to" / "fess point to"), one swap at least."""
    if len(wa) > SEGMENT_MAX_WORDS or len(wb) > 3 * len(wa):
        return False

    if wa == wb:
        return False
    seen: dict[tuple[int, int], bool] = {}  # (a functools.cache per call costs more)

    def ok(i: int, j: int) -> bool:
        if i == len(wa):
            return j == len(wb)
        known = seen.get((i, j))
        if known is not None:
            return known
        found = False
        for n in (1, 2, 3):
            if j + n > len(wb):
                break
            phrase = " ".join(wb[j : j + n])
            if ((n == 1 and wa[i] == phrase) or synonyms.are_synonyms(wa[i], phrase)) and ok(
                i + 1, j + n
            ):
                found = True
                break
        seen[(i, j)] = found
        return found

    return ok(0, 0)


def _words_are_swaps(wa: list[str], wb: list[str]) -> bool:
    """Same-length replacements: every position equal or a thesaurus pair, one swap at least."""
    pairs = list(zip(wa, wb, strict=True))
    return any(x != y for x, y in pairs) and all(
        x == y or synonyms.are_synonyms(x, y) for x, y in pairs
    )


def label(
    doc_a: Doc, doc_b: Doc, passages: list[Passage], context: Sequence[Passage] = ()
) -> list[Passage]:
    """Passages with thesaurus-linked replacements relabelled ``synonym``, and spun ones.

    Returns new passages (the given ones are left as they are): a ``replace``
    edit whose sides the thesaurus links (as whole phrases, or word by word
    when both sides have the same length) becomes ``synonym``; an ``insert``
    of one modifier before an equal word that makes a thesaurus expansion
    ("campaign" -> "marketing campaign") becomes a ``synonym`` edit covering
    the head word. A passage with at least :data:`SPUN_MIN_SWAPS` swaps making
    up at least :data:`SPUN_SWAP_SHARE` of its replacements and
    :data:`SPUN_MIN_DENSITY` of its content words gets kind ``spun``; so does
    one with a spinner's edit pattern (:data:`PATTERN_SWAP_SHARE` and after),
    whose unexplained short replacements become ``synonym`` edits too.
    When the passages of the pair together have a spinner's pattern
    (:func:`article_spinner_like`: many short replacements, few other edits,
    mostly rarer words; no thesaurus needed), every passage with replacements
    and few other edits is ``spun`` and its short replacements are swaps.
    Without a thesaurus the passages come back unchanged. ``context``: passages of the
    same pair labelled before (compare labels the sentences it pairs later, once spin
    is evident, with the first passages as context); they count in the pair's pattern
    and are not returned.

    The decision does not depend on which article is A: the passages are read both
    ways (A to B, and mirrored, B to A) and the reading that finds more spin is kept
    (:func:`_orientation`), so ``compare(a, b)`` and ``compare(b, a)`` agree, and
    Spark, which orders a pair by article id, agrees with the local engine.
    """
    if not synonyms.available():
        return list(passages)
    if all(e.op == "equal" for p in (*passages, *context) for e in p.edits):
        # Word for word throughout: no swap or spinner's pattern to find either way, and
        # both readings give back the passages as they are (copies, as below). Most
        # excerpt, reordered and unrelated pairs: 65-194 µs a pair saved.
        return [replace(p, edits=[Edit(e.op, e.a, e.b) for e in p.edits]) for p in passages]
    forward = _label_oriented(doc_a, doc_b, passages, context)
    backward = _label_oriented(
        doc_b, doc_a, [mirror(p) for p in passages], [mirror(p) for p in context]
    )
    if _orientation(forward, backward, doc_a.text, doc_b.text) == "forward":
        return forward[0]
    return [mirror(p) for p in backward[0]]


def mirror(p: Passage) -> Passage:
    """The passage seen from B: sides swapped, inserts and deletes exchanged."""
    flip = {"insert": "delete", "delete": "insert"}
    # Edits built directly: dataclasses.replace costs ten times as much, per edit.
    edits = [Edit(flip.get(e.op, e.op), e.b, e.a) for e in p.edits]
    return replace(p, a=p.b, b=p.a, a_tokens=p.b_tokens, b_tokens=p.a_tokens, edits=edits)


def _orientation(
    forward: tuple[list[Passage], Pattern],
    backward: tuple[list[Passage], Pattern],
    text_a: str,
    text_b: str,
) -> str:
    """Which reading of a pair to keep: the one with more words in ``spun`` passages,
    then more thesaurus swaps, then more rarer replacements (the spinner's side puts in
    the rarer words); a full tie is broken by the texts themselves, never by their order."""

    def key(found: tuple[list[Passage], Pattern]) -> tuple[int, int, int]:
        passages, pooled = found
        spun = sum(
            p.a_tokens[1] - p.a_tokens[0] + p.b_tokens[1] - p.b_tokens[0]
            for p in passages
            if p.kind == "spun"
        )
        swaps = sum(1 for p in passages for e in p.edits if e.op == "synonym")
        return (spun, swaps, pooled.rarer)

    kf, kb = key(forward), key(backward)
    if kf != kb:
        return "forward" if kf > kb else "backward"
    return "forward" if text_a <= text_b else "backward"


def _label_oriented(
    doc_a: Doc, doc_b: Doc, passages: list[Passage], context: Sequence[Passage] = ()
) -> tuple[list[Passage], Pattern]:
    """:func:`label` read one way, A to B (B the spinner's side), with the pooled pattern."""
    done = [_label_passage(doc_a, doc_b, p) for p in passages]
    pooled = Pattern()
    for p in context:
        t0, t1 = p.a_tokens
        content = _content_words(doc_a, t0, t1)
        pooled.add(pattern(doc_a, doc_b, p.edits, content))
    for _, pat, _ in done:
        if pat is not None:
            pooled.add(pat)
    spinner = article_spinner_like(pooled)
    may_spin = pair_may_be_spun(pooled)
    out = []
    for p, pat, plain in done:
        if not may_spin:
            p = plain
        elif (
            spinner
            and pat is not None
            and pat.swaps
            and pat.other <= ARTICLE_PASSAGE_OTHER_MAX * pat.swaps
        ):
            p = replace(p, kind="spun")
        if p.kind == "spun":  # short replacements of plain words in a spun passage are swaps
            edits = [
                Edit("synonym", e.a, e.b)
                if e.op == "replace" and _loose_single(doc_a, doc_b, e)
                else e
                for e in p.edits
            ]
            k = 0
            while k < len(edits) - 1:
                if edits[k].op == "insert" and edits[k + 1].op == "equal":
                    _expand(doc_a, doc_b, edits, k, loose=True)
                k += 1
            p = replace(p, edits=edits)
        out.append(p)
    if any(p.kind == "spun" for p in out):
        out = _widen(doc_a, doc_b, out, context)
    return out, pooled


def _widen(
    doc_a: Doc, doc_b: Doc, passages: list[Passage], context: Sequence[Passage]
) -> list[Passage]:
    """Spun passages grown over the swaps at their ends.

    A passage starts and ends on equal words, so a swap at either end of it ("Marsh
    executive" -> "Sink executive") lies outside, and a sentence whose tail has no
    shared trigram is cut short. Inside its sentence, the free words before and after a
    spun passage join it when the word diff of that stretch is nothing but equal words
    and swaps (:func:`_loose_single`).
    """
    cov_a, cov_b = covered_flags(doc_a, doc_b, [*passages, *context])
    out = []
    for p in passages:
        if p.kind == "spun":
            p = _grow(doc_a, doc_b, p, cov_a, cov_b)
        out.append(p)
    return out


def _sentence_of(doc: Doc) -> list[tuple[int, int]]:
    """Per token, the token range of its sentence."""

    def build() -> list[tuple[int, int]]:
        out = [(t, t + 1) for t in range(len(doc))]
        for s, e in doc.sentence_tokens:
            for t in range(s, e):
                out[t] = (s, e)
        return out

    return doc.derived(("spin", "sentence_of"), build)


def _grow(doc_a: Doc, doc_b: Doc, p: Passage, cov_a: list[bool], cov_b: list[bool]) -> Passage:
    (a0, a1), (b0, b1) = p.a_tokens, p.b_tokens
    if a1 <= a0 or b1 <= b0:
        return p
    sent_a, sent_b = _sentence_of(doc_a), _sentence_of(doc_b)
    lo_a, lo_b = a0, b0
    while lo_a > sent_a[a0][0] and not cov_a[lo_a - 1]:
        lo_a -= 1
    while lo_b > sent_b[b0][0] and not cov_b[lo_b - 1]:
        lo_b -= 1
    hi_a, hi_b = a1, b1
    while hi_a < sent_a[a1 - 1][1] and not cov_a[hi_a]:
        hi_a += 1
    while hi_b < sent_b[b1 - 1][1] and not cov_b[hi_b]:
        hi_b += 1
    before = _swaps_only(doc_a, doc_b, lo_a, a0, lo_b, b0)
    after = _swaps_only(doc_a, doc_b, a1, hi_a, b1, hi_b)
    if not before and not after:
        return p
    edits = [*(before or []), *p.edits, *(after or [])]
    if before:
        a0, b0 = lo_a, lo_b
    if after:
        a1, b1 = hi_a, hi_b
    for t in range(a0, a1):
        cov_a[t] = True
    for t in range(b0, b1):
        cov_b[t] = True
    matched = p.matched + sum(
        doc_a.tokens_in(e.a)[1] - doc_a.tokens_in(e.a)[0]
        for e in (*(before or []), *(after or []))
        if e.op == "equal"
    )
    return replace(
        p,
        a=(doc_a.starts[a0], doc_a.ends[a1 - 1]),
        b=(doc_b.starts[b0], doc_b.ends[b1 - 1]),
        a_tokens=(a0, a1),
        b_tokens=(b0, b1),
        edits=edits,
        matched=matched,
        score=matched / max(a1 - a0, b1 - b0, 1),
    )


def _swaps_only(doc_a: Doc, doc_b: Doc, a0: int, a1: int, b0: int, b1: int) -> list[Edit] | None:
    """The edits of tokens a0..a1 against b0..b1 when they are equal words and swaps, at
    least one swap (labelled ``synonym``); else None."""
    if a1 <= a0 or b1 <= b0:
        return None
    edits = edits_of(
        doc_a, doc_b, merge_ops(opcodes(doc_a.norms[a0:a1], doc_b.norms[b0:b1], a0, b0))
    )
    if not any(e.op == "replace" for e in edits):
        return None
    if not all(
        e.op == "equal" or (e.op == "replace" and _loose_single(doc_a, doc_b, e)) for e in edits
    ):
        return None
    return [Edit("synonym", e.a, e.b) if e.op == "replace" else e for e in edits]


def _content_words(doc: Doc, t0: int, t1: int) -> int:
    """How many of tokens t0..t1-1 are not stop words (running counts kept on the Doc)."""

    def running() -> list[int]:  # stop words before each token, counted in C
        return [0, *accumulate(map(STOPWORDS.__contains__, doc.norms))]

    stops = doc.derived(("spin", "stop-count"), running)
    return (t1 - t0) - (stops[t1] - stops[t0])


def _label_passage(doc_a: Doc, doc_b: Doc, p: Passage) -> tuple[Passage, Pattern | None, Passage]:
    """The passage with thesaurus swaps labelled and maybe ``spun``, its edit pattern
    (None when it has no replacements), and the passage with the thesaurus swaps only
    (its kind unchanged: what it stays when the pair as a whole is no spinner's)."""
    edits = [Edit(e.op, e.a, e.b) for e in p.edits]
    k = 0
    while k < len(edits):
        e = edits[k]
        if e.op == "replace":
            i0, i1 = doc_a.tokens_in(e.a)
            j0, j1 = doc_b.tokens_in(e.b)
            if max(i1 - i0, j1 - j0) <= SWAP_MAX_WORDS:
                wa, wb = doc_a.norms[i0:i1], doc_b.norms[j0:j1]
                nxt = edits[k + 1] if k + 1 < len(edits) else None
                head = ""
                if nxt is not None and nxt.op == "equal":
                    head = doc_a.norms[doc_a.token_at(nxt.a[0])]
                if not _abbreviation(wa, wb) and _is_swap(wa, wb, head):
                    edits[k] = Edit("synonym", e.a, e.b)
        elif e.op == "insert" and k + 1 < len(edits) and edits[k + 1].op == "equal":
            _expand(doc_a, doc_b, edits, k)
        k += 1
    swaps = sum(1 for e in edits if e.op == "synonym")
    replaced = swaps + sum(1 for e in edits if e.op == "replace")
    plain = replace(p, edits=list(edits))
    if not replaced:  # neither rule below can call a passage without replacements spun
        return plain, None, plain
    t0, t1 = p.a_tokens
    content = _content_words(doc_a, t0, t1)
    spun = (
        swaps >= SPUN_MIN_SWAPS
        and swaps >= SPUN_SWAP_SHARE * replaced
        and swaps >= SPUN_MIN_DENSITY * content
    )
    # The pattern also runs on passages the density rule calls spun: it relabels the
    # swaps our thesaurus does not list.
    pat = pattern(doc_a, doc_b, edits, content)
    if spinner_like(pat):
        spun = True
        for k in pat.singles:
            edits[k] = Edit("synonym", edits[k].a, edits[k].b)
        pat.singles = []
    return replace(p, edits=edits, kind="spun" if spun else p.kind), pat, plain


PATTERN_SWAP_SHARE = 0.35
"""Spin by edit pattern, not density (issue 14). A passage is also ``spun`` when at least
this share of its word-for-word replacements are thesaurus swaps (a spinner whose
thesaurus is not ours still hits ours about half the time)..."""
PATTERN_OTHER_MAX = 0.2
"""...its other edits (insertions, deletions, longer rewrites) are at most this share of
its replacements (an editor also adds, cuts and rewrites)..."""
PATTERN_RARER_SHARE = 0.6
"""...at least this share of the replacements are rarer words than the ones they replace
(wordfreq; a sense-blind spinner draws from a thesaurus entry, mostly rare words; an
editor picks a common one)..."""
PATTERN_MIN_DENSITY = 0.05
"""...and its replacements make up at least this share of its content words. Then its
one-word replacements the thesaurus does not explain become ``synonym`` edits too."""


PATTERN_BARE_OTHER_MAX = 0.1
"""Without thesaurus backing (fewer swaps explained than :data:`PATTERN_SWAP_SHARE`),
a passage is still spun when its other edits are at most this share of its
replacements..."""
PATTERN_BARE_RARER = 0.75
"""...and at least this share of its replacements are rarer than the words they replace."""


@dataclass(slots=True)
class Pattern:
    """The edit pattern of one passage, the features that tell a spinner from an editor."""

    swaps: int = 0
    """Short content replacements: one to three words of A for up to 2n+1 of B."""
    explained: int = 0
    """Replacements the thesaurus explains (``synonym`` edits)."""
    other: int = 0
    """Every other edit: insertions, deletions, longer rewrites."""
    worded: int = 0
    """Replacements of plain words on both sides (the ones rarity is measured on)..."""
    rarer: int = 0
    """...and how many of them put in a rarer word than they take out."""
    content: int = 0
    """Content words of the passage's A side."""
    singles: list[int] = field(default_factory=list)
    """Indexes of the unexplained short replacements among the edits."""

    def add(self, other: Pattern) -> None:
        """Pool another passage's counts into this one (not its edit indexes)."""
        self.swaps += other.swaps
        self.explained += other.explained
        self.other += other.other
        self.worded += other.worded
        self.rarer += other.rarer
        self.content += other.content


def _sentence_start(doc: Doc, t: int) -> bool:
    starts = doc.derived(("spin", "sentence_starts"), lambda: {s for s, _ in doc.sentence_tokens})
    return t in starts


def _single(doc_a: Doc, doc_b: Doc, e: Edit) -> tuple[str, str] | None:
    """A short content replacement, ``(old, new)``, else None: one to three words of A
    (adjacent swaps merge into one replacement) for up to twice as many plus one of B,
    plain words on both sides, capitalised only where a sentence starts."""
    i0, i1 = doc_a.tokens_in(e.a)
    j0, j1 = doc_b.tokens_in(e.b)
    if not 1 <= i1 - i0 <= 3 or not 1 <= j1 - j0 <= 2 * (i1 - i0) + 1:
        return None
    old, new = doc_a.norms[i0:i1], doc_b.norms[j0:j1]
    if not all(w.isalpha() for w in old + new) or other_figures(old, new):
        return None  # "four" -> "five" states another fact: no spinner's swap
    if _misread_one(old, new):
        return None
    if all(w in STOPWORDS for w in old) and any(w in STOPWORDS for w in new):
        return None  # function words for function words: grammar, not a thesaurus
    for doc, t in ((doc_a, i0), (doc_b, j0)):
        if doc.text[doc.starts[t]].isupper() and not _sentence_start(doc, t):
            return None  # names: too often not swaps
    if new[-1] in STOPWORDS or synonyms.same_word(old[-1], new[-1]):
        return None
    return " ".join(old), " ".join(new)


LOOSE_MAX_WORDS = 6
"""Longest run of A words (adjacent swaps merged into one replacement) that counts as
swaps inside a spun passage, when B keeps its punctuation (see :func:`_loose_single`)."""


def _loose_single(doc_a: Doc, doc_b: Doc, e: Edit) -> bool:
    """Inside a pair with a spinner's pattern, a short replacement of plain words is a swap
    even where :func:`_single` is strict: phrases ending in a function word ("combat" ->
    "close with"), a content word for function words ("best" -> "most"), a modifier
    added to an inflected head ("ballots" -> "australian ballot"), adjacent swaps across
    a sentence end, and runs of up to :data:`LOOSE_MAX_WORDS` adjacent swaps ("second
    series, faces competition" -> "janus like pursual, circumference rivalry": the
    spinner keeps every comma). Names stay out."""
    i0, i1 = doc_a.tokens_in(e.a)
    j0, j1 = doc_b.tokens_in(e.b)
    if not 1 <= i1 - i0 <= LOOSE_MAX_WORDS or not 1 <= j1 - j0 <= 2 * (i1 - i0) + 1:
        return False
    old, new = doc_a.norms[i0:i1], doc_b.norms[j0:j1]
    if not all(w.isalpha() for w in old + new) or all(w in STOPWORDS for w in old):
        return False
    if _misread_one(old, new):
        return False
    if i1 - i0 > 3 and _marks(doc_a, i0, i1) != _marks(doc_b, j0, j1):
        return False  # a longer run must keep the source's punctuation, as a spinner does
    for doc, t0, t1 in ((doc_a, i0, i1), (doc_b, j0, j1)):
        for t in range(t0, t1):
            if doc.text[doc.starts[t]].isupper() and not _sentence_start(doc, t):
                return False
    return True


def _misread_one(old: list[str], new: list[str]) -> bool:
    """One word for one, a letter apart (:func:`storytrace.diff.misread`: "tirinf" for
    "tiring", "cohing" for "coming"): OCR noise or a typo, one word printed twice, no
    spinner's swap. Counted as swaps, the misread words of an OCR'd sentence made a
    spinner's pattern (many short replacements, rarer words), and a lifted sentence with
    six of them in 32 words was ``spun``, no reuse (``bench/sentence_reuse.py``)."""
    return len(old) == len(new) == 1 and misread(old[0], new[0])


def _marks(doc: Doc, t0: int, t1: int) -> str:
    """The punctuation between tokens t0..t1-1 (spaces and hyphens dropped)."""
    return "".join(
        c
        for t in range(t0, t1 - 1)
        for c in doc.text[doc.ends[t] : doc.starts[t + 1]]
        if c in ",;:.!?()"
    )


@cache
def _zipf(word: str) -> float:
    return max(map(_zipf_of, synonyms.forms(word)))


def _zipf_of(form: str) -> float:
    """``zipf_frequency(form, "en")``. A word of lower-case ASCII letters is one token to
    wordfreq, so its value is read from wordfreq's table here with wordfreq's own rounding:
    zipf_frequency tokenises every new word first (15 µs, most of the spin detector's time
    on unseen text). tests/test_spin_speed.py checks the two agree on thousands of words."""
    if form.isascii() and form.isalpha() and form.islower():
        freq = _frequencies().get(form)
        if freq is None:
            return 0.0
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
        return round(math.log(freq, 10) + 9, 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(form, "en")


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's ``get_frequency_dict("en", "best")``: each word's share of English text."""
    freqs = {}
    for index, words in enumerate(_frequency_list()):
        freq = 10 ** (-index / 100)  # wordfreq's cB_to_freq(-index)
        for word in words:
            freqs[word] = freq
    return freqs


def _frequency_list() -> list[list[str]]:
    """wordfreq's ``get_frequency_list("en", "best")``, its large English list: the words of
    each centibel of frequency, read from the file wordfreq 3 keeps it in (the "cBpack"
    format of its ``read_cBpack``) without importing wordfreq; through wordfreq when the
    file is not there or not in that format (tests/test_spin_speed.py checks the two)."""
    spec = find_spec("wordfreq")
    where = list(spec.submodule_search_locations or ()) if spec else []
    path = Path(where[0], "data", "large_en.msgpack.gz") if where else None
    if path is not None and path.is_file():
        import gzip

        import msgpack

        with gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
        head = data[0] if data else None
        if isinstance(head, dict) and head.get("format") == "cB" and head.get("version") == 1:
            return data[1:]
    from wordfreq import get_frequency_list

    return get_frequency_list("en", "best")


def _rarer(old: str, new: str) -> bool:
    """The new words are rarer than the old: the rarest content word of each side."""
    if not HAS_FREQUENCIES:
        return False
    z_old = [_zipf(w) for w in old.split() if w not in STOPWORDS]
    z_new = [_zipf(w) for w in new.split() if w not in STOPWORDS]
    return bool(z_old and z_new) and min(z_new) < min(z_old)


def pattern(doc_a: Doc, doc_b: Doc, edits: list[Edit], content: int) -> Pattern:
    """Count the edit pattern of a passage's edits (see :class:`Pattern`)."""
    pat = Pattern(content=content)
    for k, e in enumerate(edits):
        if e.op == "equal":
            continue
        pair = _single(doc_a, doc_b, e) if e.op in ("replace", "synonym") else None
        if e.op == "synonym":
            pat.explained += 1
        elif pair is not None:
            pat.singles.append(k)
        else:
            pat.other += 1
            continue
        pat.swaps += 1
        if pair is not None:
            pat.worded += 1
            pat.rarer += _rarer(*pair)
    return pat


ARTICLE_MIN_SWAPS = 6
"""Spin by the pattern of the whole pair, thesaurus or not (issue 14): the passages of a
comparison together have at least this many short replacements, as many of them plain
words (the ones rarity is measured on)..."""
ARTICLE_OTHER_MAX = 0.35
"""...other edits at most this share of them (an editor also adds, cuts and rewrites:
on MSRP's human paraphrase pairs there are 1 to 7 other edits per replacement)..."""
ARTICLE_RARER_SHARE = 0.55
"""...and at least this share of the plain-word ones put in a rarer word than they take
out (editors pick common words: at most 0.5 on the tune split's light revisions and 0.38
on the hand-written light fixture; spinners 0.56-1.0)..."""
ARTICLE_OTHER_LOOSE = 0.45
"""...or, with at least :data:`ARTICLE_RARER_STRONG` of them rarer, other edits up to this
share (a spinner run over an editor's light revision: 0.13-0.39; synthetic light
revisions that pass the plain rarity test: 0.44 and more)..."""
ARTICLE_RARER_STRONG = 0.65
ARTICLE_MIN_DENSITY = 0.1
"""...and they make up at least this share of the content words (of the passages with
replacements). Set on the tune split (even-numbered BBC articles, even MSRP ids) of
three spinners, each with its thesaurus withheld, against synthetic light revisions:
see bench/spin_eval.py. Raised from 0.04 once the pair is read both ways
(:func:`label`): an editor who swaps words for commoner ones, read backwards, puts in
rarer ones, and on the tune split such revisions swap 2.5-8% of content words (95th
percentile 8.2%, a few up to 12%), a spinner at a rate of 0.15 9-14% (5th percentile
9.1-10.7%). At 0.09, 1-2 of 200 light revisions were still spun; at 0.1, 0-1, and
0.5-5% fewer pairs spun at a rate of 0.15 (swap recall there stays above 0.92)."""
ARTICLE_PASSAGE_OTHER_MAX = 0.5
"""In such a pair, a passage is spun unless its other edits exceed this share of its
replacements (a rewritten paragraph beside spun ones stays what it was)."""


def pair_may_be_spun(pat: Pattern) -> bool:
    """No passage of a pair is ``spun`` unless the pair's pooled pattern has the
    density of :data:`ARTICLE_MIN_DENSITY`, at most :data:`ARTICLE_OTHER_LOOSE` other
    edits per replacement and :data:`ARTICLE_RARER_SHARE` of its plain-word replacements
    rarer: a cluster of an editor's synonyms in one paragraph of a light revision is no
    spinner's work (on the tune split, half of the light revisions judged spun were so by
    one passage's thesaurus swaps alone, some with under half of the words rarer)."""
    return bool(pat.swaps) and (
        pat.swaps >= ARTICLE_MIN_DENSITY * pat.content
        and pat.other <= ARTICLE_OTHER_LOOSE * pat.swaps
        and (not HAS_FREQUENCIES or pat.rarer >= ARTICLE_RARER_SHARE * pat.worded)
    )


def article_spinner_like(pat: Pattern) -> bool:
    """The pooled pattern of a pair's passages is a spinner's (``ARTICLE_*`` above)."""
    n, words = pat.swaps, pat.worded
    if n < ARTICLE_MIN_SWAPS or words < ARTICLE_MIN_SWAPS or n < ARTICLE_MIN_DENSITY * pat.content:
        return False
    return (pat.other <= ARTICLE_OTHER_MAX * n and pat.rarer >= ARTICLE_RARER_SHARE * words) or (
        pat.other <= ARTICLE_OTHER_LOOSE * n and pat.rarer >= ARTICLE_RARER_STRONG * words
    )


def spinner_like(pat: Pattern) -> bool:
    """The edit pattern of a spinner (see :data:`PATTERN_SWAP_SHARE` and the next five)."""
    n = pat.swaps
    # One replaced word is an editor's choice as often as a spinner's: a stock sentence of
    # two poll reports ("for the full sample" / "for the whole sample") is no spin.
    if not (
        n >= SPUN_MIN_SWAPS
        and pat.worded
        and pat.explained
        and n >= PATTERN_MIN_DENSITY * pat.content
    ):
        return False
    thesaurus_backed = (
        pat.explained >= PATTERN_SWAP_SHARE * n
        and pat.other <= PATTERN_OTHER_MAX * n
        and pat.rarer >= PATTERN_RARER_SHARE * pat.worded
    )
    # A spinner whose thesaurus shares little with ours: nearly nothing but rarer words.
    rare_words_only = (
        pat.other <= PATTERN_BARE_OTHER_MAX * n and pat.rarer >= PATTERN_BARE_RARER * pat.worded
    )
    return thesaurus_backed or rare_words_only


def _expand(doc_a: Doc, doc_b: Doc, edits: list[Edit], k: int, loose: bool = False) -> None:
    """Fold "insert modifier, equal head" into one ``synonym`` edit (``edits`` are copies).

    The thesaurus must list the expansion ("campaign" -> "marketing campaign"), unless
    ``loose`` (inside a spun passage): then one or two plain words, not only function
    words, before a content word will do ("year" -> "solar year", "two" -> "set of two").
    """
    ins, eq = edits[k], edits[k + 1]
    j0, j1 = doc_b.tokens_in(ins.b)
    i0, i1 = doc_a.tokens_in(eq.a)
    e0, e1 = doc_b.tokens_in(eq.b)
    if i1 <= i0 or e1 <= e0:
        return
    head = doc_a.norms[i0]
    if head in STOPWORDS or not head.isalpha():
        return
    if loose:
        added = doc_b.norms[j0:j1]
        if not 1 <= len(added) <= 2 or all(w in STOPWORDS for w in added):
            return
        if not all(
            w.isalpha() and doc_b.text[doc_b.starts[t]].islower() for t, w in enumerate(added, j0)
        ):
            return
        if doc_b.text[doc_b.ends[j1 - 1] : doc_b.starts[e0]].strip(" -"):
            return  # punctuation between: not a modifier of the head
    elif j1 - j0 != 1 or not synonyms.are_synonyms(head, doc_b.norms[j0] + " " + head):
        return
    edits[k] = replace(
        ins, op="synonym", a=doc_a.span(i0, i0 + 1), b=(ins.b[0], doc_b.span(e0, e0 + 1)[1])
    )
    if i1 - i0 == 1:
        del edits[k + 1]
    else:
        edits[k + 1] = replace(eq, a=doc_a.span(i0 + 1, i1), b=doc_b.span(e0 + 1, e1))


def spun_share(doc_a: Doc, doc_b: Doc, passages: list[Passage]) -> float:
    """Largest share of one side's words inside ``spun`` passages."""
    best = 0.0
    for doc, side in ((doc_a, "a_tokens"), (doc_b, "b_tokens")):
        if not len(doc):
            continue
        words = sum(getattr(p, side)[1] - getattr(p, side)[0] for p in passages if p.kind == "spun")
        best = max(best, words / len(doc))
    return best


SCALE_WEIGHTS = {
    "tortured": 0.0,
    "collocation": 2.59,
    "rare_thesaurus": 1.85,
    "rare_any": 0.04,
    "uncommon": 0.71,
}
"""Logistic-regression weights of the :data:`SIGNALS` (per 100 words), fitted with even
class weights on the tune split of bench/spin_eval.py ``--scale`` (refitted in session 41,
when the rarity signals began counting different words outside quoted fragments; the fit
gave ``tortured`` 0.07, kept at 0 as below): 300 unspun BBC articles
(even positions) and 300 of PolNeAR train (US political news, seven outlets) against as
many spun by three spinners (Moby, WordNet, embedding neighbours) at rates 0.1-0.45.
Fitted on BBC alone, the scale called 6% of PolNeAR's real articles "likely spun" (the
style of US political writing has more rare words). ``tortured`` gets no weight: the
benchmark's spinners never write those phrases, so nothing calibrates it; its flags still
show and count in :attr:`SpinReport.score`."""
SCALE_BIAS = -2.38
UNFLAGGED_MAX = 0.79
"""The highest likelihood of a text with no flagged phrase, just under "likely spun": the
rates of plain rare words alone are a hint, and a claim that a text was spun must show a
phrase a reader can check (a short UPI brief with five rare names read 0.96 without it)."""


def likelihood(
    signals: dict[str, float],
    flagged: bool = True,
    weights: Mapping[str, float] = SCALE_WEIGHTS,
    bias: float = SCALE_BIAS,
) -> float:
    """0-1: how likely the text came from an article spinner, from its :data:`SIGNALS`,
    for even prior odds (see :data:`SCALE` for what the values mean in practice); at most
    :data:`UNFLAGGED_MAX` when nothing in the text is ``flagged``. ``weights`` and ``bias``
    are :data:`SCALE_WEIGHTS` and :data:`SCALE_BIAS` unless a benchmark weighs another fit.

    >>> likelihood({"rare_any": 4.2, "uncommon": 4.2, "rare_thesaurus": 0.85}, flagged=False)
    0.79
    """
    z = bias + sum(w * signals.get(k, 0.0) for k, w in weights.items())
    p = 1 / (1 + math.exp(-z))
    return p if flagged else min(p, UNFLAGGED_MAX)


SCALE = (
    (0.5, "no clear sign of spinning"),
    (0.8, "some signs of spinning"),
    (0.95, "likely spun"),
    (math.inf, "almost certainly spun"),
)
"""Plain words for :func:`likelihood`, measured on the measure-only split (odd BBC
positions and PolNeAR dev; bench/spin_eval.py ``--scale``, session 41): unspun BBC articles
reach 0.5 3% of the time, 0.8 and 0.95 never (0 of 300); PolNeAR dev 13%, 0% and 0% (84);
articles spun by a Moby or WordNet spinner at a rate of 0.3 reach 0.8 and 0.95 68-100% of
the time (BBC: Moby 1.00, WordNet 0.68); a spinner that picks common words (the embedding
spinner) mostly stays below 0.5 (BBC 8-20%, PolNeAR 0-29% reach it): without the source,
rare words are the evidence."""


def scale_words(p: float) -> str:
    """The plain-language reading of a likelihood (:data:`SCALE`)."""
    return next(words for cut, words in SCALE if p < cut)
