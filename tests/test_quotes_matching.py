"""``match_quotes``'s prefilter: the pairs it skips unaligned are pairs no alignment matches.

``match_quotes`` skips a pair of quotes whose words, counted with repeats, are too few for
``_align_words`` to accept; these tests hold the bound against the full comparison on random
quotes of a small vocabulary (so they share words often, and repeat them).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from storytrace.quotes.matching import (
    _align_words,
    _least_shared,
    _match_pair,
    _quote_words,
    _shared_bound,
    match_quotes,
)
from storytrace.quotes.model import Quote
from storytrace.text import Doc, doc_of

VOCAB = ["no", "the", "we", "will", "go", "said", "not", "now"]
quote_words = hs.lists(hs.sampled_from(VOCAB), max_size=12)


@settings(max_examples=400, deadline=None)
@given(quote_words, quote_words, hs.sampled_from([0.3, 0.5, 0.8, 1.0]))
def test_the_bound_holds_for_every_pair_the_alignment_matches(
    a: list[str], b: list[str], min_share: float
) -> None:
    found = _align_words(a, b, min_share)
    if found is None:
        return
    counts_a = {w: a.count(w) for w in a}
    counts_b = {w: b.count(w) for w in b}
    common = set(a) & set(b)
    need = _least_shared(min(len(a), len(b)), min_share)
    repeats = min(len(a) - len(counts_a), len(b) - len(counts_b))
    assert found[2] <= _shared_bound(common, counts_a, counts_b) <= len(common) + repeats
    assert _shared_bound(common, counts_a, counts_b) >= need


def _text(quotes: list[list[str]]) -> tuple[str, list[Quote]]:
    """Quotes of the given words, one sentence each, and their Quote records."""
    text, found = "", []
    for words in quotes:
        start = len(text) + 1
        text += '"' + " ".join(words) + '," she said. '
        found.append(Quote("direct", (start, start + len(" ".join(words)))))
    return text, found


@settings(max_examples=150, deadline=None)
@given(hs.lists(quote_words, max_size=5), hs.lists(quote_words, max_size=5))
def test_match_quotes_finds_what_aligning_every_pair_finds(
    words_a: list[list[str]], words_b: list[list[str]]
) -> None:
    text_a, quotes_a = _text(words_a)
    text_b, quotes_b = _text(words_b)
    doc_a, doc_b = doc_of(text_a), doc_of(text_b)
    every = []  # the comparison with no prefilter: every pair aligned
    words_a, words_b = _quote_words(doc_a, quotes_a).quotes, _quote_words(doc_b, quotes_b).quotes
    for qa, (idx_a, seq_a, *_) in zip(quotes_a, words_a, strict=True):
        for qb, (idx_b, seq_b, *_) in zip(quotes_b, words_b, strict=True):
            m = _match_pair(doc_a, doc_b, qa, qb, seq_a, seq_b, idx_a, idx_b, 0.5)
            if m is not None:
                every.append(m.to_dict())
    assert [m.to_dict() for m in match_quotes(text_a, quotes_a, text_b, quotes_b)] == every


def test_a_quote_of_one_word_said_three_times_matches_its_copy() -> None:
    # Three equal words, though only one distinct one: counted with repeats, the pair is
    # aligned (a prefilter on distinct shared words skipped it).
    text_a, quotes_a = _text([["No", "no", "no"], ["we", "will", "go"]])
    text_b, quotes_b = _text([["not", "now"], ["no", "no", "no"]])
    (m,) = match_quotes(text_a, quotes_a, text_b, quotes_b)
    assert (m.label, m.a is quotes_a[0], m.b is quotes_b[1]) == ("identical", True, True)


def test_quote_words_are_kept_per_text_and_by_the_quotes_parts() -> None:
    text, quotes = _text([["we", "will", "go", "now"], ["not", "now"]])
    doc = Doc(text)
    kept = _quote_words(doc, quotes)
    again = [Quote("direct", q.content, speaker_name="Ann") for q in quotes]
    assert _quote_words(doc, again) is kept  # the same parts: the same words
    assert kept.quotes[1][1] == ["not", "now"] and kept.shortest == 2
    assert kept.words == {"we", "will", "go", "now", "not"}
    other = _quote_words(doc, quotes[1:])
    assert other is not kept and [q[1] for q in other.quotes] == [["not", "now"]]
