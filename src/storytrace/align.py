"""Alignment: find the passages two articles share and the word edits inside them.

The engine works on word tokens from :class:`storytrace.text.Doc` and reports
every result as character spans into the analysed texts.

1. **Seeds.** Every word trigram of A that also occurs in B is a seed hit
   ``(i, j)``. Trigrams survive light editing (a change every few words) yet
   rarely occur by chance.
2. **Chains.** Hits are grouped along diagonals into runs, and runs are
   chained when they advance in both texts with gaps of at most ``max_gap``
   words: that absorbs replaced, inserted and deleted words while letting text
   move anywhere (reordered paragraphs, interleaved captions).
3. **Edits.** Inside each chain a word-level Levenshtein alignment (rapidfuzz,
   compiled) yields ``equal``/``replace``/``insert``/``delete`` operations.
4. **Reworded sentences.** Sentences left uncovered are paired by content-word
   similarity, catching rewrites that share few exact trigrams.
5. **Verdict.** Coverage of each side, inside and outside quotation marks,
   decides the relation (see ``docs/verdict.md``).

Example:
    >>> a = "The minister said the new rail line would open in May after years of delay."
    >>> b = "Officials said the new rail line would open in June after years of delay."
    >>> cmp = compare(a, b)
    >>> p = cmp.passages[0]
    >>> p.kind, cmp.a.text[p.a[0]:p.a[1]]
    ('edited', 'said the new rail line would open in May after years of delay')
    >>> [(e.op, cmp.a.text[e.a[0]:e.a[1]], cmp.b.text[e.b[0]:e.b[1]]) for e in p.edits][1]
    ('replace', 'May', 'June')
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import mul

import numpy as np

from storytrace import articles, boilerplate, evidence, names, revision, spin, synonyms
from storytrace.articles import Article, InputError, article_from_text
from storytrace.dates import STORY_DAYS
from storytrace.diff import (
    MIN_UNIT_WORDS,
    Edit,
    Passage,
    TokOp,
    _levenshtein,
    covered_flags,
    free_stretches,
    glued,
    make_passage,
    merge_ops,
    misread,
    opcodes,
)
from storytrace.evidence import Evidence
from storytrace.names import content_stem as _content_stem
from storytrace.quotes import QuoteMatch, extract_quotes, match_quotes
from storytrace.records import Record, jfield, json_fields, to_json
from storytrace.revision import Revision
from storytrace.spin import SpinReport
from storytrace.text import STOPWORDS, TOKEN_RE, Doc, doc_of, other_figures_at, overlaps

Span = tuple[int, int]

__all__ = [
    "MAX_WORDS",
    "Comparison",
    "Edit",
    "Options",
    "Passage",
    "WorkLimitError",
    "compare",
    "make_passage",
    "merge_ops",
]

VERDICTS = ("duplicate", "spun", "copied", "reworded", "same-story", "unrelated")
KINDS = ("verbatim", "edited", "reworded", "spun", "boilerplate")


@dataclass(slots=True)
class SpinFlag(Record):
    """A phrase flagged as spun on one side, with a short plain-language note.

    Flags come from :func:`storytrace.spin.detect` on each article and from
    the aligner's ``synonym`` edits (the side of a swap that put in the rarer words,
    unless a detector flag already covers it).
    """

    side: str = jfield("a or b.")
    span: Span = jfield("Character span [start, end) of the phrase in that article.")
    note: str = jfield("Why it is flagged, e.g. “get together”: spinner rendering of 'party'.")


@dataclass(slots=True)
class Comparison(Record):
    """The result of :func:`compare`: everything a user sees about two articles.

    ``passages``, ``coverage`` and ``verdict`` come from the alignment;
    ``quotes`` (with ``quote_counts``), ``spin`` and ``spin_flags`` from the
    quote and spin analyses; ``findings`` sums it all up in plain language (when first
    read: bulk alignment does not read them).
    An analysis switched off in :class:`Options` is ``None`` (left out of the
    JSON) and named in ``skipped``. ``evidence`` of a coverage verdict (duplicate,
    spun, copied, reworded, which the evidence never changes) is gathered when first
    read, so bulk alignment that reads only passages and verdict does not pay for it.
    """

    a: Article = jfield("Article A; every A span indexes a.text.")
    b: Article = jfield("Article B; every B span indexes b.text.")
    verdict: str = jfield("duplicate, spun, copied, reworded, same-story or unrelated.")
    mode: str = jfield("How free sentences were paired: lexical or embedding.")
    coverage: dict[str, float] = jfield(
        "Share of each side's words in passages (see align.measure_coverage).", digits=4
    )
    passages: list[Passage] = jfield("Shared passages, in A's order.")
    evidence: Evidence | None = jfield(
        "Why the verdict: the rule that fired and the shared quotes, names, figures and "
        "dates behind it, with their spans.",
        default=None,
        omit_none=True,
    )
    quotes: list[QuoteMatch] | None = jfield(
        "Quotes both articles carry, matched and labelled identical/trimmed/altered.",
        default=None,
        omit_none=True,
    )
    quote_counts: dict[str, int] | None = jfield(
        "Quotes found in each article: {a, b}.", default=None, omit_none=True
    )
    spin: dict[str, SpinReport] | None = jfield(
        "Spin detector report per side {a, b}: flags and score (flagged phrases per 100 "
        "words); thesaurus says whether a thesaurus was installed.",
        default=None,
        omit_none=True,
    )
    spin_flags: list[SpinFlag] = jfield(
        "Every phrase flagged as spun, both sides (detector flags and the synonym swaps of "
        "passages judged spun).",
        default_factory=list,
    )
    findings: list[str] = jfield(
        "Plain-language summary, one sentence per point.", default_factory=list
    )
    skipped: list[str] = jfield(
        "Analyses left out (quotes, spin): switched off in Options.", default_factory=list
    )
    revision: str | None = jfield(
        "How much the two texts' shared passages differ (no direction is claimed): none, "
        "light or heavy; null when the verdict is same-story or unrelated (docs/verdict.md).",
        default=None,
    )
    revision_features: Revision | None = jfield(
        "The measured features behind revision, and the reason.", default=None, omit_none=True
    )
    _evidence_args: tuple | None = field(
        default=None, repr=False, compare=False, metadata={"internal": True}
    )
    """What :func:`storytrace.evidence.gather` needs while ``evidence`` is still to compute
    (the texts, not their Docs: a kept Comparison must not keep two Docs alive)."""

    def __getattr__(self, name: str) -> object:
        # Only reached for an unset slot. ``evidence`` is left unset when the coverage rules
        # already decided the verdict (gather keeps those verdicts): bulk alignment (index,
        # Spark) never reads it, so it is gathered on first use, e.g. by to_dict(). So are
        # ``findings``, which compare leaves to the first read (22-34 µs a pair of bulk
        # alignment's 2,000-3,000).
        if name == "findings":
            try:
                said = findings(self)
            except AttributeError as e:  # else it would read as "no attribute 'findings'"
                raise RuntimeError(f"summing up the findings failed: {e!r}") from e
            self.findings = said
            return said
        if name == "evidence" and self._evidence_args is not None:
            text_a, text_b, *rest = self._evidence_args
            try:
                found = evidence.gather(doc_of(text_a), doc_of(text_b), *rest)
            except AttributeError as e:  # else it would read as "no attribute 'evidence'"
                raise RuntimeError(f"gathering the evidence failed: {e!r}") from e
            self.evidence = found
            self._evidence_args = None
            return found
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_dict(self, include_text: bool = True) -> dict:
        """The JSON form: the fields above (``include_text=False`` drops the texts)."""
        out: dict = {}
        for f in json_fields(Comparison):
            v = getattr(self, f.name)
            if v is None and f.metadata.get("omit_none"):
                continue
            out[f.name] = _json(v, f.metadata.get("digits"))
        if not include_text:
            out["a"].pop("text", None)
            out["b"].pop("text", None)
        return out


def _json(v: object, digits: int | None = None) -> object:
    # Nested records render through their own to_dict (quotes and spin keep theirs).
    if hasattr(v, "to_dict"):
        return v.to_dict()  # type: ignore[attr-defined]
    if isinstance(v, list):
        return [_json(x) for x in v]
    if isinstance(v, dict):
        return {k: _json(x, digits) for k, x in v.items()}
    if digits is not None and isinstance(v, float):
        return round(v, digits)
    return to_json(v)


MAX_WORDS = 100_000
"""The default per-comparison work limit in words per article, about 600 KB of English
prose: news articles run to a few thousand words. Time grows with the words of the two
articles (the word-level edit alignment inside one long edited passage faster than
linearly), so an input without the limit, such as a 5 MB single line, could run for
minutes; with it the comparison stops after counting at most this many words. Near the
limit (90,000 words of BBC text against a reordered copy, or a 540 KB single line against
itself) a comparison took 1.4 s aligning only and 8 s in full on the shared development
machine. Raise it with ``Options(max_words=...)``."""


@dataclass(frozen=True, slots=True)
class Options:
    """Tuning knobs of the aligner; the defaults are calibrated in ``bench/``."""

    seed_n: int = 3
    """Words per seed n-gram."""
    max_gap: int = 12
    """Largest run of unmatched words (either side) bridged inside one passage."""
    min_words: int = 8
    """Smallest passage, in matched words, when it is not a whole sentence."""
    max_seed_positions: int = 20
    """A trigram repeated more often than this in both texts (boilerplate) seeds nothing."""
    reword_threshold: float = 0.5
    """Content-word similarity at which two sentences count as reworded on their own."""
    reword_supported: float = 0.35
    """Lower similarity accepted when a neighbouring sentence pair is reworded too:
    rewriters keep the order of the story, chance matches do not line up."""
    synonyms: bool = True
    """Label thesaurus-linked replacements ``synonym`` and spun passages (issue 3; needs
    the [spin] extra, otherwise a no-op)."""
    quotes: bool = True
    """Extract and match the quotes of both articles (off for bulk alignment: about two
    thirds of a pair's time)."""
    spin: bool = True
    """Run the spin detector on both articles (flags and scores)."""
    semantic: str | None = None
    """Also pair sentences left free with :mod:`storytrace.semantic`: ``"embedding"``
    (the [semantic] extra), ``"lexical"``, or ``"auto"`` (embedding when installed).
    None: the content-word pairing above, plus the lexical mode when a passage is
    ``spun`` (mode ``"lexical"`` either way)."""
    boilerplate: tuple[str, ...] = ()
    """Extra publisher-furniture patterns (regular expressions) beside the built-in rules
    of :mod:`storytrace.boilerplate`; passages inside furniture are ``boilerplate``."""
    max_words: int = MAX_WORDS
    """The work limit: most words (tokens) of either article in one comparison. A longer
    article raises :class:`WorkLimitError` before any analysis (see :data:`MAX_WORDS`)."""


class WorkLimitError(InputError):
    """An article is longer than the comparison's work limit (:attr:`Options.max_words`);
    the message is one line naming the article and the limit."""


DEFAULT = Options()
BULK = Options(quotes=False, spin=False)
"""Options for bulk alignment (index, Spark): passages, coverage and verdict only."""


def compare(
    a: Article | str,
    b: Article | str,
    options: Options = DEFAULT,
    furniture_a: Sequence[tuple[int, int]] = (),
    furniture_b: Sequence[tuple[int, int]] = (),
) -> Comparison:
    """Align two articles and decide how they relate.

    ``a`` and ``b`` are :class:`Article` objects or plain strings (HTML is
    extracted). All spans in the result index ``result.a.text`` /
    ``result.b.text``. ``furniture_a``/``furniture_b`` are boilerplate spans
    found otherwise (a corpus's frequent passages, :mod:`storytrace.corpus`),
    labelled ``boilerplate`` beside the built-in rules.
    """
    art_a = a if isinstance(a, Article) else article_from_text(a, source="a")
    art_b = b if isinstance(b, Article) else article_from_text(b, source="b")
    for art in (art_a, art_b):
        check_work_limit(art, options.max_words)
    doc_a, doc_b = doc_of(art_a.text), doc_of(art_b.text)
    passages = align_docs(doc_a, doc_b, options)
    passages += reworded_passages(doc_a, doc_b, passages, options)
    mode, semantic_mode = "lexical", options.semantic
    if options.synonyms:
        passages = spin.label(doc_a, doc_b, passages)
        if semantic_mode is None and any(p.kind == "spun" for p in passages):
            # A spinner that swapped half the words leaves sentences with no shared
            # trigram; once spinning is evident, pair the rest synonym-aware too.
            semantic_mode = "lexical"
    if semantic_mode:
        from storytrace import semantic  # loads a model only when asked to

        wanted = None if semantic_mode == "auto" else semantic_mode
        extra, mode = semantic.reworded_passages(doc_a, doc_b, passages, wanted)
        if options.synonyms:
            extra = spin.label(doc_a, doc_b, extra, context=passages)
        passages += extra
    passages.sort(key=lambda p: (p.a_tokens[0], p.b_tokens[0]))
    passages = revision.label(doc_a, doc_b, passages)  # kept shares, trimmed copies
    # Shared publisher furniture is labelled, kept, and left out of coverage and verdict.
    passages = boilerplate.label(
        doc_a, doc_b, passages, options.boilerplate, furniture_a, furniture_b
    )
    real = [p for p in passages if p.kind != boilerplate.BOILERPLATE]
    shared_furniture = [p for p in passages if p.kind == boilerplate.BOILERPLATE]
    coverage = measure_coverage(doc_a, doc_b, real, shared_furniture)
    verdict = decide_verdict(doc_a, doc_b, real, coverage)
    # Same story or unrelated is decided on evidence: shared quotes, names, details. The
    # coverage verdicts stand whatever the evidence, so theirs is gathered when first read,
    # and so is the evidence of a pair that no same-story rule can call one story (most
    # unrelated pairs: the rest of the evidence is four fifths of their time).
    dated = evidence.publication_dates(
        art_a.published, art_a.published_raw, art_b.published, art_b.published_raw
    )
    final = verdict
    if verdict in ("same-story", "unrelated"):
        final = "unrelated"
        if not evidence.unrelated_for_certain(doc_a, doc_b, real, coverage, options.boilerplate):
            final = None
    if final is None:
        found = evidence.gather(doc_a, doc_b, real, coverage, verdict, options.boilerplate, dated)
        cmp = Comparison(art_a, art_b, found.verdict, mode, coverage, passages, found)
    else:
        cmp = Comparison(art_a, art_b, final, mode, coverage, passages)
        cmp._evidence_args = (
            art_a.text,
            art_b.text,
            real,
            coverage,
            verdict,
            options.boilerplate,
            dated,
        )
        del cmp.evidence  # an unset slot: Comparison.__getattr__ gathers it on first read
    cmp.revision_features = revision.grade(doc_a, doc_b, real, cmp.verdict)
    cmp.revision = cmp.revision_features.level if cmp.revision_features else None
    # Per-text analyses are kept on the shared Doc: one article against many pays once.
    if options.quotes:
        quotes_a = doc_a.derived("quotes", lambda: extract_quotes(art_a.text, parser=False))
        quotes_b = doc_b.derived("quotes", lambda: extract_quotes(art_b.text, parser=False))
        cmp.quote_counts = {"a": len(quotes_a), "b": len(quotes_b)}
        cmp.quotes = match_quotes(art_a.text, quotes_a, art_b.text, quotes_b)
    else:
        cmp.skipped.append("quotes")
    if options.spin:
        key = ("spin", synonyms.available())  # the thesaurus can be switched off
        cmp.spin = {
            "a": doc_a.derived(key, lambda: spin.detect(art_a.text)),
            "b": doc_b.derived(key, lambda: spin.detect(art_b.text)),
        }
    else:
        cmp.skipped.append("spin")
    cmp.spin_flags = spin_flags(cmp)
    del cmp.findings  # an unset slot: Comparison.__getattr__ sums them up on first read
    return cmp


def preload() -> None:
    """Load now the tables a process's first comparison loads on first use: the thesauri and
    word frequencies of the spin labeller, the furniture rules, the edit-distance module.

    ``index`` calls it before it forks the processes that align, which then share this
    copy instead of each loading its own (0.4-0.7 CPU s a process).
    """
    if synonyms.available():
        synonyms.load()
    if spin.HAS_FREQUENCIES:
        spin._frequencies()
    names.zipf_frequency("")  # the table of the evidence's name weights
    boilerplate._needles()  # with the rules it gates (boilerplate._gated)
    _levenshtein()


def check_work_limit(article: Article, max_words: int = MAX_WORDS) -> None:
    """Raise :class:`WorkLimitError` when ``article`` has more than ``max_words`` words.

    Counting stops at ``max_words + 1`` tokens, so the check's work is bounded by the
    limit, not by the input; a text of at most ``max_words`` characters is not scanned.

    >>> try:
    ...     check_work_limit(article_from_text("one two three", source="x.txt"), 2)
    ... except WorkLimitError as e:
    ...     print(e)
    x.txt: more than 2 words, the limit for one comparison (align.Options.max_words)
    """
    text = article.text
    if len(text) <= max_words:  # a word takes at least one character
        return
    if sum(1 for _ in islice(TOKEN_RE.finditer(text), max_words + 1)) > max_words:
        raise WorkLimitError(
            f"{article.source}: more than {max_words:,} words, the limit for one comparison "
            "(align.Options.max_words)"
        )


# --- what a reader sees first ------------------------------------------------------------


def spin_flags(cmp: Comparison) -> list[SpinFlag]:
    """Spun phrases of both sides: the detector's flags, then each synonym swap (numbered by
    passage) in a passage judged ``spun`` that no detector flag covers, on the spinner's side
    (:func:`spinner_side`).

    A swap in an ``edited`` passage stays an edit of that passage: an editor writes
    "thrashed" for "beat" too, and one swap is no evidence of a spinner
    (:data:`storytrace.spin.SPUN_MIN_SWAPS` and the rules beside it decide ``spun``).
    """
    flags: list[SpinFlag] = []
    for side, report in (cmp.spin or {}).items():
        flags += [SpinFlag(side, f.span, f"“{f.phrase}”: {f.reason}") for f in report.flags]
    swaps = [(n, e) for n, p in enumerate(cmp.passages, 1) if p.kind == "spun" for e in p.edits]
    swaps = [(n, e) for n, e in swaps if e.op == "synonym"]
    if not swaps:
        return flags
    side = spinner_side(cmp, [e for _, e in swaps])
    texts = {"a": cmp.a.text, "b": cmp.b.text}
    other = "a" if side == "b" else "b"
    for n, e in swaps:
        new, old = (e.b, e.a) if side == "b" else (e.a, e.b)
        note = f"“{texts[side][new[0] : new[1]]}” for “{texts[other][old[0] : old[1]]}” (#{n})"
        if not any(f.side == side and overlaps(f.span, new) for f in flags):
            flags.append(SpinFlag(side, new, note))
    return flags


def spinner_side(cmp: Comparison, swaps: Sequence[Edit]) -> str:
    """The side (``a`` or ``b``) that put in the rarer words of more of the ``swaps`` (a
    spinner draws them from a thesaurus entry); on a tie the text that sorts last, so that
    ``compare(b, a)`` flags the same text (issue 12)."""
    a_text, b_text = cmp.a.text, cmp.b.text
    doc_a, doc_b = doc_of(a_text), doc_of(b_text)

    def words(doc: Doc, span: Span) -> str:
        i, j = doc.tokens_in(span)
        return " ".join(doc.norms[i:j])

    rarer: Counter[str] = Counter()
    for e in swaps:
        old, new = words(doc_a, e.a), words(doc_b, e.b)
        rarer["b"] += spin._rarer(old, new)
        rarer["a"] += spin._rarer(new, old)
    if rarer["a"] != rarer["b"]:
        return "a" if rarer["a"] > rarer["b"] else "b"
    return "b" if b_text >= a_text else "a"


def headline_span(article: Article) -> Span | None:
    """The headline of an article: its title, or a short line after any lines that only
    date, sign or label it (:func:`storytrace.articles.headline_span`).

    >>> headline_span(article_from_text("Rail line delayed again\\nThe line will open in May."))
    (0, 23)
    """
    return articles.headline_span(article.text, article.title)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def findings(cmp: Comparison) -> list[str]:
    """Plain-language points a newcomer can read in seconds: shared text, shared
    quotes, spin (from the fields already on ``cmp``)."""
    cov = cmp.coverage
    counts = Counter(p.kind for p in cmp.passages)
    out = []
    if cmp.passages:
        kinds = ", ".join(f"{counts[k]} {k}" for k in counts)
        n = len(cmp.passages)
        out.append(
            f"{_pct(cov['a'])} of A and {_pct(cov['b'])} of B is shared text "
            f"in {n} passage{'s' if n != 1 else ''}: {kinds}. "
            f"Outside quotation marks: A {_pct(cov['a_outside_quotes'])}, "
            f"B {_pct(cov['b_outside_quotes'])}."
        )
    else:
        out.append("The two articles share no passage.")
    if cmp.revision_features:  # storytrace.revision: how much the shared passages differ
        out.append(cmp.revision_features.reason + ".")
    # Evidence left to gather (bulk alignment) is never published-apart: it needs shared names.
    if cmp._evidence_args is None and cmp.evidence and cmp.evidence.rule == "published-apart":
        dated = cmp.evidence.published
        out.append(
            f"Not the same story: published {dated.days_apart:.1f} days apart "
            f"({dated.said()}), more than the {STORY_DAYS} days of one story, with nothing in "
            "common but names and words."
        )
    if cmp.quotes:
        labels = Counter(m.label for m in cmp.quotes)
        parts = ", ".join(
            f"{labels[k]} {k}" for k in ("identical", "trimmed", "altered") if labels[k]
        )
        who = sorted(
            {
                m.a.speaker_name or m.b.speaker_name
                for m in cmp.quotes
                if m.label == "altered" and (m.a.speaker_name or m.b.speaker_name)
            }
        )
        by = f" (altered: {', '.join(who)})" if who else ""
        n = len(cmp.quotes)
        out.append(f"{n} quote{'s' if n != 1 else ''} in both: {parts}{by}.")
    for side, art in (("a", cmp.a), ("b", cmp.b)):
        flags = [f for f in cmp.spin_flags if f.side == side]
        head = headline_span(art)
        in_head = [f for f in flags if head and overlaps(f.span, head)]
        if in_head:
            what = "; ".join(f.note for f in in_head)
            out.append(f"{side.upper()}’s headline is spun: {what}.")
        elif flags:
            out.append(
                f"{side.upper()} has {len(flags)} spun phrase{'s' if len(flags) != 1 else ''}."
            )
    return out


# --- seeds and chains -----------------------------------------------------------


class _WordIds(dict):
    """Word -> id for the whole process, numbered in order of first sight, so a text's ids
    (and its seed n-grams) are computed once and kept on its Doc, whatever it is compared
    with. Past :data:`WORD_IDS_LIMIT` words the map starts again empty under a new
    generation, which the kept values are keyed by. ``stems[i]`` is the content stem of the
    word numbered ``i`` (:func:`_doc_stems`)."""

    __slots__ = ("generation", "stems")

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.stems: list[str | None] = []

    def __missing__(self, word: str) -> int:
        if len(self) >= WORD_IDS_LIMIT:
            self.clear()
            self.stems.clear()
            self.generation += 1
        value = self[word] = len(self)
        self.stems.append(_content_stem(word))
        return value


ID_BITS = 21
"""Bits of a word id in a seed key: three ids side by side make one int64."""
WORD_IDS_LIMIT = 500_000
"""Most words numbered at once (about 60 MB with their stems); below ``2 ** ID_BITS``."""
_WORD_IDS = _WordIds()


def _doc_ids(doc: Doc, generation: int) -> list[int]:
    def number() -> list[int]:
        return list(map(_WORD_IDS.__getitem__, doc.norms))

    return doc.derived(("word-ids", generation), number)


def _doc_stems(doc: Doc) -> list[str | None]:
    """The content stem (or None) of each token of ``doc``, read by its word id: a list index
    per token instead of a second look-up keyed by the word (compare_bench's alignment-only
    rounds: 90 -> 38 µs a pair)."""
    words = _WORD_IDS
    generation = words.generation
    ids = _doc_ids(doc, generation)
    if words.generation != generation:  # this text's new words filled the map
        return list(map(_content_stem, doc.norms))
    return list(map(words.stems.__getitem__, ids))


def _ids(doc_a: Doc, doc_b: Doc) -> tuple[list[int], list[int], int | None]:
    """Both texts' word ids and the generation of :data:`_WORD_IDS` they belong to (None:
    numbered for this pair alone, when the two texts' new words overflow the map)."""
    for _ in range(2):  # new words that fill the map start a generation: number both again
        generation = _WORD_IDS.generation
        ids_a, ids_b = _doc_ids(doc_a, generation), _doc_ids(doc_b, generation)
        if _WORD_IDS.generation == generation:
            return ids_a, ids_b, generation
    words = set(doc_a.norms).union(doc_b.norms)
    vocab = dict(zip(words, range(len(words)), strict=True))  # numbered in set order, in C
    return [vocab[w] for w in doc_a.norms], [vocab[w] for w in doc_b.norms], None


def seed_hits(ids_a: list[int], ids_b: list[int], n: int, max_pos: int) -> list[tuple[int, int]]:
    """All ``(i, j)`` where the n-gram at ``i`` in A equals the one at ``j`` in B.

    An n-gram found more than ``max_pos`` times in both texts seeds nothing (in one text
    only, it seeds: the hits of ``seed_hits(b, a)`` are those of ``seed_hits(a, b)``
    mirrored). Hits come in B's order, then A's.

    >>> seed_hits([1, 2, 3, 4, 1, 2, 3], [9, 1, 2, 3], 3, 20)
    [(0, 1), (4, 1)]
    """
    i_s, j_s = _seed_arrays(ids_a, ids_b, n, max_pos)
    order = np.lexsort((i_s, j_s))
    return list(zip(i_s[order].tolist(), j_s[order].tolist(), strict=True))


_NONE = np.zeros(0, dtype=np.int64)


def _seed_arrays(
    ids_a: list[int], ids_b: list[int], n: int, max_pos: int
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`seed_hits` as two arrays (positions in A, positions in B), in no set order
    (:func:`_runs` sorts them)."""
    bits = max(max(ids_a, default=0), max(ids_b, default=0)).bit_length() or 1
    if len(ids_a) < n or len(ids_b) < n:
        return _NONE, _NONE
    if n * bits > 63:  # a vocabulary too large for one int64 key per n-gram
        hits = _seed_hits_py(ids_a, ids_b, n, max_pos, bits)
        if not hits:
            return _NONE, _NONE
        i_s, j_s = np.array(hits, dtype=np.int64).T
        return i_s, j_s
    return _match_grams(_grams(ids_a, n, bits), _grams(ids_b, n, bits), max_pos)


def _doc_seeds(
    doc_a: Doc, doc_b: Doc, n: int, max_pos: int
) -> tuple[list[int], list[int], np.ndarray, np.ndarray]:
    """Both texts' word ids and :func:`_seed_arrays` of them, from n-gram keys kept on each
    Doc (a text in many comparisons sorts its n-grams once)."""
    ids_a, ids_b, generation = _ids(doc_a, doc_b)
    if len(ids_a) < n or len(ids_b) < n:
        return ids_a, ids_b, _NONE, _NONE
    if generation is None or n * ID_BITS > 63:
        return ids_a, ids_b, *_seed_arrays(ids_a, ids_b, n, max_pos)

    def grams(doc: Doc, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        return doc.derived(("seed-grams", n, generation), lambda: _grams(ids, n, ID_BITS))

    return ids_a, ids_b, *_match_grams(grams(doc_a, ids_a), grams(doc_b, ids_b), max_pos)


def _grams(ids: list[int], n: int, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """A text's n-gram keys sorted, and their positions in that order (a repeated n-gram's
    positions in no set order: :func:`_match_grams`' hits are sorted later, and numpy's
    default sort takes half the time of a stable one, 26 against 51 µs a BBC text)."""
    keys = _gram_array(ids, n, bits)
    order = np.argsort(keys)
    return order, keys[order]


def _match_grams(
    grams_a: tuple[np.ndarray, np.ndarray], grams_b: tuple[np.ndarray, np.ndarray], max_pos: int
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_seed_arrays` from both texts' sorted n-gram keys (:func:`_grams`)."""
    order, sorted_a = grams_a
    # For each n-gram of B, the range of equal keys in A; B's keys searched in sorted order:
    # numpy's binary search then starts from the previous key's place (a fifth less time
    # than in B's order).
    order_b, sorted_b = grams_b
    lo = np.searchsorted(sorted_a, sorted_b, "left")
    count = np.searchsorted(sorted_a, sorted_b, "right") - lo
    keep = (count > 0) & (count <= max_pos)
    if (count > max_pos).any():  # repeated in A: it seeds if B has it at most max_pos times
        in_b = np.searchsorted(sorted_b, sorted_b, "right")
        in_b -= np.searchsorted(sorted_b, sorted_b, "left")
        keep |= (count > max_pos) & (in_b <= max_pos)
    if not keep.any():  # unrelated texts share no n-gram
        return _NONE, _NONE
    js = order_b[keep]
    lo, count = lo[keep], count[keep]
    total = int(count.sum())
    # Positions lo .. lo+count-1 of each kept B n-gram, flattened.
    within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
    return order[np.repeat(lo, count) + within], np.repeat(js, count)


def _gram_array(ids: list[int], n: int, bits: int) -> np.ndarray:
    """One int64 per n-gram: the ids side by side in ``bits``-bit fields (exact)."""
    arr = np.array(ids, dtype=np.int64)
    m = len(ids) - n + 1
    keys = arr[:m].copy()
    for k in range(1, n):
        keys = (keys << bits) | arr[k : k + m]
    return keys


def _seed_hits_py(
    ids_a: list[int], ids_b: list[int], n: int, max_pos: int, bits: int
) -> list[tuple[int, int]]:
    # Same as seed_hits with Python ints as keys (any vocabulary size).
    def keys(ids: list[int]) -> list[int]:
        out = ids[: len(ids) - n + 1]
        for k in range(1, n):
            out = [(h << bits) | x for h, x in zip(out, ids[k:], strict=False)]
        return out

    index: dict[int, list[int]] = defaultdict(list)
    for i, gram in enumerate(keys(ids_a)):
        index[gram].append(i)
    grams_b = keys(ids_b)
    in_b = Counter(grams_b)
    hits: list[tuple[int, int]] = []
    for j, gram in enumerate(grams_b):
        positions = index.get(gram, ())
        if positions and min(len(positions), in_b[gram]) <= max_pos:
            hits.extend((i, j) for i in positions)
    return hits


@dataclass(slots=True)
class _Chain:
    a0: int
    a1: int
    b0: int
    b1: int
    matched: int


def chain_hits(hits: list[tuple[int, int]], n: int, max_gap: int) -> list[_Chain]:
    """Group seed hits into chains that advance in both texts with small gaps."""
    if not hits:
        return []
    i_s, j_s = np.array(hits, dtype=np.int64).T
    return _chain_runs(_runs(i_s, j_s, n), n, max_gap)


def _runs(
    i_s: np.ndarray, j_s: np.ndarray, n: int, words: Sequence[str] | None = None
) -> list[_Chain]:
    """Runs of hits: consecutive hits (at most ``n`` apart) on one diagonal, in the order
    :func:`_chain_runs` links them: by ``a0 + b0``, then by distance from the main diagonal,
    then by the run's words (``words``: A's words), then by ``a0``.

    That order does not depend on which text is A, so ``compare(b, a)`` chains the runs of
    ``compare(a, b)`` (issue 12): in A's order, runs that cross (a moved block, a list in
    another order) were linked one way and in B's order another. A run can follow only runs
    that start before it in both texts, so they are all linked before it, as in A's order.
    Only two runs at mirrored places (``a0, b0`` and ``b0, a0``) of the same words fall
    back on A's order.

    Sorted by diagonal then position in arrays; a run breaks where the diagonal
    changes or the next hit is more than ``n`` words on.
    """
    diag = j_s - i_s
    order = np.lexsort((i_s, diag))
    i_s, diag = i_s[order], diag[order]
    brk = np.flatnonzero((np.diff(diag) != 0) | (np.diff(i_s) > n)) + 1
    first = np.concatenate(([0], brk))
    last = np.concatenate((brk - 1, [len(i_s) - 1]))
    s, e, d = i_s[first], i_s[last] + n, diag[first]
    total, off = s + s + d, np.abs(d)
    # Runs start at distinct (a0, b0), so with a0 last this is a total order.
    by_start = np.lexsort((s, off, total))
    runs = [
        _Chain(a0, a1, a0 + dd, a1 + dd, a1 - a0)
        for a0, a1, dd in zip(
            s[by_start].tolist(), e[by_start].tolist(), d[by_start].tolist(), strict=True
        )
    ]
    if words is not None and len(runs) > 1:
        total, off = total[by_start], off[by_start]
        if ((np.diff(total) == 0) & (np.diff(off) == 0)).any():  # mirrored places: rare
            runs.sort(key=lambda r: (r.a0 + r.b0, abs(r.b0 - r.a0), words[r.a0 : r.a1], r.a0))
    return runs


def _chain_runs(runs: list[_Chain], n: int, max_gap: int) -> list[_Chain]:
    # Chains: link each run to the open chain that ends just before it in both
    # texts; the nearest one wins so parallel copies of a passage stay apart.
    chains: list[_Chain] = []
    for r in runs:
        best: _Chain | None = None
        best_cost = float("inf")
        for c in reversed(chains[-64:]):
            gap_a, gap_b = r.a0 - c.a1, r.b0 - c.b1
            if -n < gap_a <= max_gap and -n < gap_b <= max_gap and r.a1 > c.a1 and r.b1 > c.b1:
                cost = max(gap_a, gap_b, 0) + abs(gap_a - gap_b)
                if cost < best_cost:
                    best, best_cost = c, cost
        if best is None:
            chains.append(_Chain(r.a0, r.a1, r.b0, r.b1, r.matched))
        else:
            best.matched += min(r.a1 - max(r.a0, best.a1), r.b1 - max(r.b0, best.b1))
            best.a1, best.b1 = r.a1, r.b1
    return chains


def align_docs(doc_a: Doc, doc_b: Doc, options: Options = DEFAULT) -> list[Passage]:
    """Verbatim and edited passages shared by two documents."""
    n = options.seed_n
    ids_a, ids_b, i_s, j_s = _doc_seeds(doc_a, doc_b, n, options.max_seed_positions)
    chains = _chain_runs(_runs(i_s, j_s, n, doc_a.norms), n, options.max_gap) if len(i_s) else []
    if not chains:  # unrelated texts: nothing to extend
        return []
    candidates: list[tuple[int, Passage]] = []
    chain_of: dict[int, _Chain] = {}
    for c in chains:
        found = _chain_passage(ids_a, ids_b, doc_a, doc_b, c, options)
        if found:
            candidates.append(found)
            chain_of[id(found[1])] = c
    # A passage that overlaps a stronger one on both sides may reach it only by the step past
    # a replaced word (_extend; two chains of a spun text a few words apart, each stepping
    # into the other): it is then tried as it ends without the step.

    def unstepped(p: Passage) -> tuple[int, Passage] | None:
        c = chain_of[id(p)]
        ends = [(c.a0, c.b0, -1), (c.a1, c.b1, 1)]
        if c.matched < options.min_words or all(
            _extend(ids_a, ids_b, doc_a, doc_b, i, j, step)
            == _extend(ids_a, ids_b, doc_a, doc_b, i, j, step, False)
            for i, j, step in ends
        ):
            return None  # the same passage: no step was taken
        return _chain_passage(ids_a, ids_b, doc_a, doc_b, c, options, False)

    return _select(candidates, unstepped)


def _chain_passage(
    ids_a: list[int],
    ids_b: list[int],
    doc_a: Doc,
    doc_b: Doc,
    c: _Chain,
    options: Options,
    reach: bool = True,
) -> tuple[int, Passage] | None:
    """The passage of chain ``c`` with its equal words, or None when it is too short.
    ``reach``: a chain of ``options.min_words`` equal words or more is extended by the steps
    of :func:`_extend` that only complete a passage, never make one."""
    reach = reach and c.matched >= options.min_words
    tok_ops = _region_ops(ids_a, ids_b, doc_a, doc_b, c, options.seed_n * 2, reach)
    if not tok_ops:
        return None
    # The passage's words and spans first: most short chains are dropped, so
    # their passage (edits with character spans) is never built.
    matched = sum(i1 - i0 for tag, i0, i1, _, _ in tok_ops if tag == "equal")
    if matched >= options.min_words or (
        matched >= MIN_UNIT_WORDS
        and (
            _is_whole_unit(doc_a, doc_a.span(tok_ops[0][1], tok_ops[-1][2]))
            or _is_whole_unit(doc_b, doc_b.span(tok_ops[0][3], tok_ops[-1][4]))
        )
    ):
        return matched, make_passage(doc_a, doc_b, tok_ops)
    return None


def _region_ops(
    ids_a: list[int],
    ids_b: list[int],
    doc_a: Doc,
    doc_b: Doc,
    c: _Chain,
    window: int,
    reach: bool = True,
) -> list[TokOp]:
    """Word opcodes of a chain, extended over small edits at both ends.

    Seeds stop short of a changed word ("Sir Keir insisted" vs "Sir Keir has
    insisted"). The chain is first extended over the words both print alike
    (:func:`_extend`: exact matches, words misread by one letter, with ``reach`` to a
    sentence's edge and one content word past a replaced word), then up to ``window``
    more words each way are aligned on their own (so they cannot disturb the chain's
    alignment) and kept only up to an anchored
    run of equal words: two or more, at least one of them a content word, or any
    run that ends a sentence on both sides (after the chain) or starts one on both
    sides (before it).

    A lifted sentence with a word changed near its end ("... came to power At 1997.")
    ended the passage at the change: the one equal word after it is no anchored run,
    though it closes the sentence in both texts.
    """
    a0, b0 = _extend(ids_a, ids_b, doc_a, doc_b, c.a0, c.b0, -1, reach)
    a1, b1 = _extend(ids_a, ids_b, doc_a, doc_b, c.a1, c.b1, 1, reach)
    norms_a, norms_b = doc_a.norms, doc_b.norms

    def ops(i0: int, i1: int, j0: int, j1: int) -> list[TokOp]:
        # Oriented by the words, not their ids: ids are numbered in the order a process
        # first sees the words, so compare(b, a) in a new process numbers them otherwise.
        order = (norms_a[i0:i1], norms_b[j0:j1])
        return opcodes(ids_a[i0:i1], ids_b[j0:j1], i0, j0, order)

    def anchored(op: TokOp) -> bool:  # (A's content words looked up only here)
        return (
            op[0] == "equal"
            and op[2] - op[1] >= 2
            and any(w not in STOPWORDS for w in norms_a[op[1] : op[2]])
        )

    def window_ops(i0: int, i1: int, j0: int, j1: int) -> list[TokOp]:
        # Windows without a word in common (seven in ten) have no equal run to keep.
        return [] if set(ids_a[i0:i1]).isdisjoint(ids_b[j0:j1]) else ops(i0, i1, j0, j1)

    # Sentence bounds looked up only for equal runs in a window (most chains have none).
    def opens(op: TokOp) -> bool:
        return (
            op[0] == "equal"
            and op[1] in _sentence_bounds(doc_a)[0]
            and op[3] in _sentence_bounds(doc_b)[0]
        )

    def closes(op: TokOp) -> bool:
        return (
            op[0] == "equal"
            and op[2] in _sentence_bounds(doc_a)[1]
            and op[4] in _sentence_bounds(doc_b)[1]
        )

    left = window_ops(max(0, a0 - window), a0, max(0, b0 - window), b0)
    first = next((k for k, op in enumerate(left) if anchored(op) or opens(op)), len(left))
    right = window_ops(a1, min(len(ids_a), a1 + window), b1, min(len(ids_b), b1 + window))
    last = next(
        (k for k in range(len(right) - 1, -1, -1) if anchored(right[k]) or closes(right[k])), -1
    )
    # A chain without edits (most copied text) needs no edit alignment.
    core = ops(a0, a1, b0, b1) if ids_a[a0:a1] != ids_b[b0:b1] else [("equal", a0, a1, b0, b1)]
    return merge_ops(left[first:] + core + right[: last + 1])


RESYNC = ((1, 1), (2, 1), (1, 2))
"""Words skipped in A and in B, tried in this order, to find the same content word again
past a passage's edge (:func:`_extend`): one word replaced by one, or by two ("Vincent laws"
for "anti-terror laws")."""


def _extend(
    ids_a: list[int],
    ids_b: list[int],
    doc_a: Doc,
    doc_b: Doc,
    i: int,
    j: int,
    step: int,
    reach: bool = True,
) -> tuple[int, int]:
    """A chain's end (``step`` 1: ``i``, ``j`` one past its last words) or start (``step``
    -1: ``i``, ``j`` its first words), moved over the words both texts print alike past it:

    1. exact matches, and words misread by one letter (:func:`storytrace.diff.misread`) as
       far as an exact match lies beyond them, or (with ``reach``) as far as the sentence
       ends (starts) in both texts: OCR noise in the last or first words of a lifted
       sentence ("... in the near fueure." for "... in the near future.", "fhe governbent
       has ..." for "The government has ...");
    2. then (with ``reach``) once, past one word replaced by one or two (:data:`RESYNC`),
       the same content word in both texts inside the same sentence, and step 1 again: a
       lifted 15-word sentence with every seventh word replaced keeps one equal word after
       its last change, and its passage held 13 of its words.

    ``reach`` is for chains long enough to be passages on their own (:func:`_chain_passage`):
    a short chain stepping to one more word made passages of chance ("It was a massive
    night" against "It was a really great night").
    """
    norms_a, norms_b = doc_a.norms, doc_b.norms
    off = 0 if step > 0 else -1  # the pair of words past the edge (x, y): (x + off, y + off)

    def past(x: int, y: int) -> tuple[int, int] | None:
        pa, pb = x + off, y + off
        return (pa, pb) if 0 <= pa < len(ids_a) and 0 <= pb < len(ids_b) else None

    for stepped in (False, True)[: 1 + reach]:
        x, y = i, j
        if stepped:
            hits = []
            for k, m in RESYNC:
                if hits and k + m > hits[0][0]:
                    break  # one word for one found: the longer skips are not tried
                q = past(i + step * k, j + step * m)
                if (
                    q
                    and ids_a[q[0]] == ids_b[q[1]]
                    and norms_a[q[0]] not in STOPWORDS
                    and _whole_word(doc_a, q[0])
                    and _whole_word(doc_b, q[1])
                    and not _leaves_sentence(doc_a, doc_b, i, j, k, m, step)
                ):
                    hits.append((k + m, norms_a[q[0]], k, m))
            if not hits:
                break
            # One word for one first; of two words for one and one for two, the smaller
            # word found again, not the side: compare(b, a) takes the same step (issue 12).
            _, _, k, m = min(hits)
            x, y = i + step * k, j + step * m
        while (q := past(x, y)) is not None:
            if ids_a[q[0]] == ids_b[q[1]]:
                i, j = x + step, y + step
            elif not misread(norms_a[q[0]], norms_b[q[1]]):
                break
            x, y = x + step, y + step
        if reach and (x, y) != (i, j) and _at_sentence_edge(doc_a, doc_b, x, y):
            i, j = x, y
    return i, j


def _whole_word(doc: Doc, t: int) -> bool:
    """Whether token ``t`` is a written word on its own, not part of one ("rally" of
    "rally-point": :func:`storytrace.diff.glued`)."""
    return not glued(doc, t) and not glued(doc, t + 1)


def _at_sentence_edge(doc_a: Doc, doc_b: Doc, x: int, y: int) -> bool:
    """Whether a sentence breaks before token ``x`` of A and before token ``y`` of B
    (:func:`_break_before`): by the marks, not :attr:`Doc.sentence_tokens`, since a misread
    letter can take the capital from a sentence's start ("fhe governbent has ...")."""
    return _break_before(doc_a, x) and _break_before(doc_b, y)


def _break_before(doc: Doc, t: int) -> bool:
    """Whether a sentence break lies between tokens ``t - 1`` and ``t`` of ``doc``: a full
    stop, question or exclamation mark or a line break between them (the text's ends count
    as breaks)."""
    if t <= 0 or t >= len(doc.norms):
        return True
    gap = doc.text[doc.ends[t - 1] : doc.starts[t]]
    return any(c in _BREAKS for c in gap)


_BREAKS = frozenset(".!?\n")


def _leaves_sentence(doc_a: Doc, doc_b: Doc, i: int, j: int, k: int, m: int, step: int) -> bool:
    """Whether skipping ``k`` words of A and ``m`` of B past the passage edge ``i``, ``j``
    (:func:`_extend`) leaves the sentence: the passage ends (starts) a sentence in either
    text, or both texts break the sentence among the skipped words. A break in one text only
    came with the replaced word ("... bo wavbo. twdco" for "... bo mgko twdco")."""
    if _break_before(doc_a, i) or _break_before(doc_b, j):
        return True

    def breaks(doc: Doc, edge: int, n: int) -> bool:
        first = edge + 1 if step > 0 else edge - n
        return any(_break_before(doc, t) for t in range(first, first + n))

    return breaks(doc_a, i, k) and breaks(doc_b, j, m)


def _sentence_bounds(doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
    """The token positions where the text's sentences start, and where they end (one past
    their last word), kept on the Doc."""

    def bounds() -> tuple[frozenset[int], frozenset[int]]:
        spans = doc.sentence_tokens
        return frozenset(t0 for t0, _ in spans), frozenset(t1 for _, t1 in spans)

    return doc.derived("sentence-bounds", bounds)


def _is_whole_unit(doc: Doc, span: Span) -> bool:
    """Whether ``span`` covers most of one sentence or one quotation."""
    s, e = span
    # The quotations are found on first need: only short chains ask.
    for qs, qe in doc.quotations:
        if qs <= s + 2 and e - 2 <= qe and (e - s) >= 0.8 * (qe - qs):
            return True
    text = doc.text
    # The characters either side past spaces and quote marks (no copy of the whole text).
    k = s
    while k > 0 and text[k - 1] in " \"'“‘":
        k -= 1
    m = e
    while m < len(text) and text[m] in " \"'”’":
        m += 1
    return (k == 0 or text[k - 1] in ".!?:\n") and (m == len(text) or text[m] in ".!?\n")


def _select(
    candidates: list[tuple[int, Passage]],
    fallback: Callable[[Passage], tuple[int, Passage] | None] | None = None,
) -> list[Passage]:
    """Keep the strongest passages; a weaker one may reuse text on one side only.

    Reuse on one side lets a passage repeated twice in B align both times to
    its single source in A; overlap on both sides would be the same link twice.
    A passage that would be dropped is replaced by ``fallback(passage)``'s, if any,
    when that one does not overlap on both sides.
    """
    chosen: list[Passage] = []

    def clashes(p: Passage) -> bool:
        hit_a = any(overlaps(p.a_tokens, q.a_tokens) for q in chosen)
        return hit_a and any(overlaps(p.b_tokens, q.b_tokens) for q in chosen)

    for _, p in sorted(candidates, key=lambda c: -c[0]):
        if clashes(p):
            other = fallback(p) if fallback else None
            if other is None or clashes(other[1]):
                continue
            p = other[1]
        chosen.append(p)
    return chosen


# --- reworded sentences ----------------------------------------------------------


def _bags(doc: Doc, stretches: list[tuple[int, int]]) -> list[dict[str, int]]:
    """Content-word stems of each token stretch with their counts, in first-seen order. A
    whole sentence's bag is kept on the Doc (read-only): a text's sentences are bagged in
    every comparison it takes part in."""
    kept, whole = doc.derived("sentence-bags", lambda: ({}, frozenset(doc.sentence_tokens)))
    stems = None
    out = []
    for t in stretches:
        bag = kept.get(t)
        if bag is None:
            # Stems, crude but language-agnostic: inflections of one word share a 6-letter
            # prefix. One stem (or None) per token, kept on the Doc.
            if stems is None:
                stems = doc.derived("content-stems", lambda: _doc_stems(doc))
            words = list(filter(None, stems[t[0] : t[1]]))
            # Most sentences repeat no stem: dict.fromkeys (in C) then gives Counter's dict.
            bag = dict.fromkeys(words, 1)
            if len(bag) != len(words):
                bag = Counter(words)
            if t in whole:
                kept[t] = bag
        out.append(bag)
    return out


def _all_free(doc: Doc) -> tuple[list[tuple[int, int]], list[dict[str, int]], set[str]]:
    """The free stretches of a text no passage covers (its sentences of
    :data:`MIN_UNIT_WORDS` words or more), their bags and all their stems, kept on the Doc."""

    def find() -> tuple[list[tuple[int, int]], list[dict[str, int]], set[str]]:
        sents = free_stretches(doc.sentence_tokens, [False] * len(doc))
        bags = _bags(doc, sents)
        return sents, bags, set().union(*bags)

    return doc.derived("all-free", find)


def _headline_tokens(doc: Doc) -> tuple[int, int]:
    """The token range of the text's headline (:func:`storytrace.articles.headline_span`),
    else an empty range."""

    def find() -> tuple[int, int]:
        span = articles.headline_span(doc.text)
        return doc.tokens_in(span) if span else (0, 0)

    return doc.derived("headline-tokens", find)


def reworded_passages(
    doc_a: Doc, doc_b: Doc, found: list[Passage], options: Options = DEFAULT
) -> list[Passage]:
    """Pair sentences not already covered that say the same in other words.

    Similarity is the IDF-weighted Dice overlap of content-word stems; a pair
    needs at least three shared content words and mutual best match.

    Below ``options.reword_threshold`` a pair stands only beside another in order
    (``supported``), and never when just one of its sentences is its text's headline: a
    headline names the event in the key words any report of it repeats in its body
    ("Driver Charged In Fatal Queens Hit & Run" beside "a woman was killed by a
    hit-and-run driver in Queens", ECB+ tune topic 21), so such a pair neither stands
    nor supports another. Two headlines still pair.
    """
    if found:
        cov_a, cov_b = covered_flags(doc_a, doc_b, found)
        sents_a = free_stretches(doc_a.sentence_tokens, cov_a)
        sents_b = free_stretches(doc_b.sentence_tokens, cov_b)
        if not sents_a or not sents_b:
            return []
        bags_a, bags_b = _bags(doc_a, sents_a), _bags(doc_b, sents_b)
        vocab_a, vocab_b = set().union(*bags_a), set().union(*bags_b)
    else:  # nothing covered (most pairs of a batch): every sentence is free, as kept per text
        sents_a, bags_a, vocab_a = _all_free(doc_a)
        sents_b, bags_b, vocab_b = _all_free(doc_b)
    shared_vocab = vocab_a & vocab_b
    if len(shared_vocab) < 3:
        return []  # no sentence pair can share three content words (none when no sentence)
    # Postings of B's words that A also has, with their counts: (sentence, count).
    postings: dict[str, list[tuple[int, int]]] = {w: [] for w in shared_vocab}
    for j, bag in enumerate(bags_b):
        for w, c in bag.items():
            if w in shared_vocab:
                postings[w].append((j, c))
    # A pair needs three shared stems: the sentences of A without such a pair add nothing
    # below, so only the others are scored (most unrelated and excerpt pairs have none,
    # and skip the weights altogether).
    live = []
    for i, bag in enumerate(bags_a):
        if len(shared_vocab.intersection(bag)) < 3:
            continue  # a sentence of B shares at most these stems with it
        hits = Counter(j for w in bag if w in shared_vocab for j, _ in postings[w])
        if hits and max(hits.values()) >= 3:
            live.append(i)
    if not live:
        return []
    df = Counter(chain.from_iterable(bags_a + bags_b))  # sentences holding each stem
    n_sent = len(bags_a) + len(bags_b)
    # One log per distinct document frequency, not per word.
    logs = [0.0] + [math.log(1 + n_sent / c) for c in range(1, max(df.values()) + 1)]
    idf = dict(zip(df.keys(), map(logs.__getitem__, df.values()), strict=True))
    get_idf = idf.__getitem__

    def weight(bag: dict[str, int]) -> float:  # in C: the sum of idf x count, in bag order
        return sum(map(mul, map(get_idf, bag), bag.values()))

    wb: dict[int, float] = {}  # B's weights, each computed when first needed
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i in live:  # in A's order, as when every sentence was scored
        bag = bags_a[i]
        wa = weight(bag)
        shared: dict[int, float] = {}
        count: dict[int, int] = {}
        for w, c in bag.items():
            if w not in shared_vocab:
                continue
            weight_w = idf[w]
            for j, cb in postings[w]:
                shared[j] = shared.get(j, 0.0) + weight_w * (c if c < cb else cb)
                count[j] = count.get(j, 0) + 1
        for j, s in shared.items():
            if count[j] < 3:
                continue
            wbj = wb.get(j)
            if wbj is None:
                wbj = wb[j] = weight(bags_b[j])
            # Rounded: the sums add the words in A's order, and compare(b, a) must find
            # the same best matches, ties to the earlier sentence on either side.
            sim = round(2 * s / (wa + wbj), 12)
            held = best_a.get(i, (0.0, -1))
            if sim > held[0] or (sim == held[0] and j < held[1]):
                best_a[i] = (sim, j)
            if sim > best_b.get(j, (0.0, -1))[0]:
                best_b[j] = (sim, i)
    built: dict[int, Passage] = {}

    def passage(i: int, j: int, sim: float) -> Passage:  # built once, when first asked for
        p = built.get(i)
        if p is None:
            (a0, a1), (b0, b1) = sents_a[i], sents_b[j]
            tok_ops = merge_ops(opcodes(doc_a.norms[a0:a1], doc_b.norms[b0:b1], a0, b0))
            p = built[i] = make_passage(doc_a, doc_b, tok_ops, score=sim)
            # A rewrite that kept most words is an edit, not a rewording.
            p.kind = "edited" if p.matched >= 0.7 * max(a1 - a0, b1 - b0) else "reworded"
        return p

    head_a, head_b = _headline_tokens(doc_a), _headline_tokens(doc_b)

    def lone_headline(i: int, j: int) -> bool:  # one side's headline, the other's body
        (a0, a1), (b0, b1) = sents_a[i], sents_b[j]
        return (head_a[0] <= a0 and a1 <= head_a[1]) != (head_b[0] <= b0 and b1 <= head_b[1])

    pairs = {
        i: (sim, j)
        for i, (sim, j) in best_a.items()
        if sim >= options.reword_supported
        and best_b[j][1] == i
        # Each giving a figure the other lacks ("Less than 1 percent chose O'Malley" / "only
        # four percent would vote for O'Malley"): two polls, not one sentence reworded.
        and not other_figures_at(doc_a, doc_b, sents_a[i], sents_b[j])
        # Sharing only who someone is (name, office), two sentences state different things:
        # no rewording. A line printed again with its words kept (a team sheet with the
        # clubs left out, revision's trimmed copy) is a copy all the same.
        and (
            names.shares_statement(doc_a, doc_b, sents_a[i], sents_b[j])
            or revision.label(doc_a, doc_b, [passage(i, j, sim)])[0].kind != "reworded"
        )
    }

    def supported(i: int, j: int) -> bool:
        # Within two sentences on one side and three on the other, either way round, so
        # that compare(b, a) supports the same pairs.
        return any(
            (j2 - j) * (i2 - i) > 0
            and min(abs(i2 - i), abs(j2 - j)) <= 2
            and max(abs(i2 - i), abs(j2 - j)) <= 3
            for i2, (_, j2) in pairs.items()
            if not lone_headline(i2, j2)
        )

    out: list[Passage] = []
    for i, (sim, j) in sorted(pairs.items()):
        if sim < options.reword_threshold and (lone_headline(i, j) or not supported(i, j)):
            continue
        out.append(passage(i, j, sim))
    return out


# --- coverage and verdict ------------------------------------------------------------


def measure_coverage(
    doc_a: Doc, doc_b: Doc, passages: list[Passage], set_aside: Sequence[Passage] = ()
) -> dict[str, float]:
    """Share of each side's words inside passages, overall and outside quotes.

    Keys: ``a``, ``b``, ``a_outside_quotes``, ``b_outside_quotes`` (all
    passages), and ``a_copied``/``b_copied`` and ``a_reworded``/``b_reworded``
    (outside quotes, by passage kind), and ``longest_copied_words``: the most
    unquoted words of either side inside one verbatim or edited passage. The words of
    ``set_aside`` (the boilerplate both print) count on neither side of a share: a
    shared footer or team sheet is no part of what was copied or of what was not, so
    two texts alike but for it are as alike as their other words.
    """
    out: dict[str, float] = {"longest_copied_words": 0}
    if not passages:  # all nought, without finding the quotations
        for name in ("a", "b"):
            out.update(dict.fromkeys(_SHARES[name], 0.0))
        return out
    for name, doc in (("a", doc_a), ("b", doc_b)):
        # Token sets as bit masks: bit t set = token t in the set.
        aside = _mask([p.a_tokens if name == "a" else p.b_tokens for p in set_aside])
        every_token = ((1 << len(doc)) - 1) & ~aside
        n = every_token.bit_count()
        quoted = _mask([doc.tokens_in(q) for q in doc.quotations])
        outside = every_token & ~quoted
        n_out = outside.bit_count()
        ranges = {"copied": [], "reworded": []}
        for p in passages:
            group = "reworded" if p.kind == "reworded" else "copied"
            ranges[group].append(p.a_tokens if name == "a" else p.b_tokens)
        copied = _mask(ranges["copied"]) & every_token
        reworded = _mask(ranges["reworded"]) & every_token
        for r in ranges["copied"]:
            words = (_mask([r]) & outside).bit_count()
            out["longest_copied_words"] = max(out["longest_copied_words"], words)
        every = copied | reworded
        out[name] = every.bit_count() / n if n else 0.0
        out[f"{name}_outside_quotes"] = (every & outside).bit_count() / n_out if n_out else 0.0
        out[f"{name}_copied"] = (copied & outside).bit_count() / n_out if n_out else 0.0
        out[f"{name}_reworded"] = (reworded & outside).bit_count() / n_out if n_out else 0.0
    return out


_SHARES = {
    name: (name, f"{name}_outside_quotes", f"{name}_copied", f"{name}_reworded")
    for name in ("a", "b")
}
"""measure_coverage's shares of each side, in the order its JSON gives them."""


def _mask(ranges: list[tuple[int, int]]) -> int:
    m = 0
    for t0, t1 in ranges:
        if t1 > t0:
            m |= ((1 << (t1 - t0)) - 1) << t0
    return m


def decide_verdict(doc_a: Doc, doc_b: Doc, passages: list[Passage], cov: dict[str, float]) -> str:
    """The relation of two articles; the rules are documented in docs/verdict.md."""
    if not passages and (not len(doc_a) or not len(doc_b)):
        return "unrelated"
    equal_share = _equal_share(passages)
    if min(cov["a"], cov["b"]) >= 0.9 and equal_share >= DUPLICATE_EQUAL_MIN:
        return "duplicate"
    if any(p.kind == "spun" for p in passages) and (
        spin.spun_share(doc_a, doc_b, passages) >= SPUN_MIN
    ):
        return "spun"
    copied = max(cov["a_copied"], cov["b_copied"])
    reworded = max(cov["a_copied"] + cov["a_reworded"], cov["b_copied"] + cov["b_reworded"])
    if (copied >= COPIED_MIN and _copied_words(passages) >= COPIED_WORDS_MIN) or cov[
        "longest_copied_words"
    ] >= COPIED_RUN_MIN:
        return "copied"
    if reworded >= REWORDED_MIN and _passage_words(passages) >= COPIED_WORDS_MIN:
        return "reworded"
    # Below the coverage rules, evidence.gather decides same-story or unrelated.
    return "same-story" if passages else "unrelated"


DUPLICATE_EQUAL_MIN = 0.97
"""Least share of equal words in the passages of a ``duplicate`` (both sides >= 90% covered)."""
COPIED_MIN = 0.3
"""Least share of one side's unquoted words in verbatim/edited passages for ``copied``."""
COPIED_WORDS_MIN = evidence.PASSAGE_MIN_WORDS
"""Least equal words in verbatim and edited passages for ``copied`` by share: 30% of a
10-word brief ("Named Maurice Cheeks coach") is three words, and a headline of five common
words plus a dateline is 30% of a 75-word item; neither is a copy a reader could check.
The words ``shared-passage`` needs for shared text to count on its own."""
COPIED_RUN_MIN = 40
"""Least unquoted words in one verbatim/edited passage for ``copied`` whatever the share:
two paragraphs lifted into a long article are a copy."""
REWORDED_MIN = 0.3
"""Least share of one side's unquoted words in any passage for ``reworded``."""
SPUN_MIN = 0.3
"""Least share of one side's words in ``spun`` passages for ``spun`` (issue 3)."""


def _copied_words(passages: list[Passage]) -> int:
    """Equal words in the verbatim and edited passages (``copied``'s kinds)."""
    return sum(p.matched for p in passages if p.kind in ("verbatim", "edited"))


def _passage_words(passages: list[Passage]) -> int:
    """Words of all passages, each counted on its shorter side (``reworded``'s minimum: a
    sentence pair whose shorter side is a four-word brief is no rewrite of anything)."""
    return sum(min(p.a_tokens[1] - p.a_tokens[0], p.b_tokens[1] - p.b_tokens[0]) for p in passages)


def _equal_share(passages: list[Passage]) -> float:
    total = equal = 0
    for p in passages:
        total += max(p.a_tokens[1] - p.a_tokens[0], p.b_tokens[1] - p.b_tokens[0])
        equal += p.matched
    return equal / total if total else 0.0
