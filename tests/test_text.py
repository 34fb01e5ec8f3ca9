"""The document model: tokens, sentences, paragraphs, quotations and the char->token rule."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import text as text_mod
from storytrace.align import compare
from storytrace.text import (
    TOKEN_RE,
    Doc,
    doc_of,
    normalise_word,
    quoted_spans,
    sentence_spans,
)


def _sents(t: str) -> list[str]:
    return [t[s:e] for s, e in sentence_spans(t)]


# --- bugs of the old splitter and tokeniser (each failed before) ---------------------------


def test_titles_do_not_end_sentences() -> None:
    t = "Mr. Balls met Dr. Rhodes and Prof. Lee. Mrs. Smith was not there."
    assert _sents(t) == ["Mr. Balls met Dr. Rhodes and Prof. Lee.", "Mrs. Smith was not there."]


def test_a_title_of_six_letters_does_not_end_a_sentence() -> None:
    # "Messrs." is in the titles table, but the splitter stopped reading at a word of five
    # letters or more before the stop (session 46).
    t = "The bid was led by Messrs. Okafor and Reid. Both declined to comment."
    assert _sents(t) == ["The bid was led by Messrs. Okafor and Reid.", "Both declined to comment."]


def test_initials_do_not_end_sentences() -> None:
    t = "The report was written according to J. Rhodes. It was published on Monday."
    assert _sents(t) == [
        "The report was written according to J. Rhodes.",
        "It was published on Monday.",
    ]


def test_real_sentence_ends_still_split() -> None:
    # "U.S." ends a sentence before a function word, a line break always ends one even
    # after a title, and a lower-case word is no initial.
    t = "Troops left the U.S. They came home.\nHe thanked Mr.\nSmith said no. Then plan b. Next."
    assert _sents(t) == [
        "Troops left the U.S.",
        "They came home.",
        "He thanked Mr.",
        "Smith said no.",
        "Then plan b.",
        "Next.",
    ]


def test_an_initial_or_abbreviation_before_a_function_word_ends_a_sentence() -> None:
    # "X" the platform, not an initial: "It" opens the next sentence (seed_b.txt).
    t = "He called it a holiday on X. It was his second trip. She works at Apple Inc. The firm"
    assert _sents(t) == [
        "He called it a holiday on X.",
        "It was his second trip.",
        "She works at Apple Inc.",
        "The firm",
    ]
    t = "They met in St. Louis with John F. Kennedy and Dr. Who on Jan. 5. No. 10 said so."
    assert _sents(t) == [
        "They met in St. Louis with John F. Kennedy and Dr. Who on Jan. 5.",
        "No. 10 said so.",
    ]


def test_dotted_initials_and_initialisms_do_not_end_sentences() -> None:
    # Real articles split "J.M. Berger said" into "J.M." and "Berger said ...".
    t = (
        "J.M. Berger said the U.S. Senate and the U.N. Security Council met in Washington. "
        "Sgt. Maj. Tom Jones and Lohan's lawyer J.R. Smith spoke at 7 p.m. Friday. Fine."
    )
    assert _sents(t) == [
        "J.M. Berger said the U.S. Senate and the U.N. Security Council met in Washington.",
        "Sgt. Maj. Tom Jones and Lohan's lawyer J.R. Smith spoke at 7 p.m. Friday.",
        "Fine.",
    ]


def test_initialisms_still_end_sentences_before_an_opening() -> None:
    # A function word, a sentence adverb or an opening quotation mark after an initialism
    # opens the next sentence; after "a.m."/"p.m." any capitalised word but a day or zone.
    t = (
        "He was born in the U.S. The next day he left. They flew to the U.K. However, "
        "it rained. Talks in the E.U. “We won,” he said. It began at 5 p.m. Officials "
        "said so. Ask the U.S. Army."
    )
    assert _sents(t) == [
        "He was born in the U.S.",
        "The next day he left.",
        "They flew to the U.K.",
        "However, it rained.",
        "Talks in the E.U.",
        "“We won,” he said.",
        "It began at 5 p.m.",
        "Officials said so.",
        "Ask the U.S. Army.",
    ]
    # A quotation after an initial opens a sentence unless it is a nickname in a name.
    t = 'Rep. Robert C. "Bobby" Scott spoke. It was Mr P. "Never known such a fuss," he said.'
    assert _sents(t) == [
        'Rep. Robert C. "Bobby" Scott spoke.',
        "It was Mr P.",
        '"Never known such a fuss," he said.',
    ]


def test_double_apostrophe_opens_a_sentence() -> None:
    t = "He stopped. ''We won,'' he said."
    assert _sents(t) == ["He stopped.", "''We won,'' he said."]


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("closed at 20,442.75 points", ["closed", "at", "20,442.75", "points"]),
        ("up 0.4% on 1,000 trades", ["up", "0.4", "on", "1,000", "trades"]),
        ("a £3.5bn deal", ["a", "3.5bn", "deal"]),
        ("in 2020. Then 3, 4 and 5.", ["in", "2020", "then", "3", "4", "and", "5"]),
    ],
)
def test_numbers_are_one_token(raw: str, tokens: list[str]) -> None:
    assert Doc(raw).norms == tokens


def test_passages_do_not_end_inside_numbers() -> None:
    a = "Shares in the mining group rose sharply on Tuesday to close at 20,442.75 last night."
    b = "Shares in the mining group rose sharply on Tuesday to close at 20,442.80 say traders."
    cmp = compare(a, b)
    assert cmp.passages
    for p in cmp.passages:
        for text, (s, e) in ((cmp.a.text, p.a), (cmp.b.text, p.b)):
            assert not re.match(r"[.,]\d", text[e:]), text[s:e]
            assert not re.search(r"\d[.,]$", text[:s]), text[s:e]
        for ed in p.edits:
            for text, (s, e) in ((cmp.a.text, ed.a), (cmp.b.text, ed.b)):
                assert not re.match(r"[.,]?\d", text[e:]) or s == e
    # The old tokeniser matched "20,442" and ended the passage inside the number.
    assert cmp.a.text[slice(*cmp.passages[0].a)].endswith("to close at")


def test_quotations_computed_once_per_side_per_compare(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []
    real = text_mod._quoted_in_paragraph

    def counting(t: str, s: int, e: int, out: list, *rest: bool) -> None:
        calls.append((s, e))
        real(t, s, e, out, *rest)

    monkeypatch.setattr(text_mod, "_quoted_in_paragraph", counting)
    # Texts never seen before in this process, one paragraph each.
    a = "The mayor said “we will build the new bridge by spring” at a meeting on Monday evening."
    b = "The mayor said “we will build the new bridge by spring” at a rally late on Monday night."
    cmp = compare(a + " (test once)", b + " (test once)")
    cmp.to_dict()
    assert len(calls) == 2


# --- Doc API ------------------------------------------------------------------------------


def test_paragraphs_are_trimmed_non_blank_lines() -> None:
    t = "Headline here\n\n  First paragraph.  \nSecond one."
    d = Doc(t)
    assert [t[s:e] for s, e in d.paragraphs] == ["Headline here", "First paragraph.", "Second one."]


def test_quotations_match_quoted_spans_and_are_cached() -> None:
    t = "He said: “We will win.” Then ‘it’s over’, she said."
    d = Doc(t)
    assert d.quotations is d.quotations
    assert [t[s:e] for s, e in d.quotations] == ["We will win.", "it’s over"]
    assert quoted_spans(t) == d.quotations


def test_tokens_in_modes() -> None:
    d = Doc("one two three four")
    assert d.tokens_in((4, 13)) == (1, 3)  # "two three"
    assert d.tokens_in((5, 10)) == (2, 3)  # starts inside "two": only "three" starts inside
    assert d.tokens_in((5, 10), "overlap") == (1, 3)
    assert d.tokens_in((5, 5), "overlap") == (1, 2)  # empty span inside a token
    assert d.tokens_in((7, 8)) == (2, 2)  # the space between: no token, placed before "three"
    assert d.tokens_in((7, 8), "overlap") == (2, 2)
    with pytest.raises(ValueError, match="unknown mode"):
        d.tokens_in((0, 3), "nearest")


def test_sentence_tokens_skip_wordless_sentences() -> None:
    d = Doc("First one here.\n***\nSecond one.")
    assert d.sentence_tokens == [(0, 3), (3, 5)]


def test_doc_of_shares_one_doc_per_text() -> None:
    t = "A text seen twice in one process (doc_of test)."
    assert doc_of(t) is doc_of(t)
    assert doc_of(t).norms == Doc(t).norms


def test_doc_cache_is_bounded_by_count_and_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    text_mod.clear_doc_cache()
    monkeypatch.setattr(text_mod, "DOC_CACHE_DOCS", 3)
    monkeypatch.setattr(text_mod, "DOC_CACHE_CHARS", 100)
    docs = [doc_of(f"text number {k}") for k in range(4)]  # 14 characters each
    assert doc_of("text number 0") is not docs[0]  # the oldest went first
    assert doc_of("text number 3") is docs[3]
    big = "word " * 30  # 150 characters: over the budget, never kept
    assert doc_of(big) is not doc_of(big)
    long_ones = [doc_of(f"{k} " + "x" * 40) for k in range(3)]  # 42 characters each
    assert doc_of("0 " + "x" * 40) is not long_ones[0]  # evicted to stay under 100 characters
    assert doc_of("2 " + "x" * 40) is long_ones[2]
    assert text_mod._docs_chars == sum(len(t) for t in text_mod._docs) <= 100
    text_mod.clear_doc_cache()


# --- offset invariants (property tests) ------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "word", "Word", "Mr.", "Dr.", "J.", "U.S.", "20,442.75", "0.4", "1,000", "£3.5bn", "naïve",
        "İstanbul", "Straße", "ΟΔΟΣ", "東京", "it’s", "don't", "“", "”", "‘", "’", '"', "'", "''",
        ".", ",", "!", "?", "…", "-", "—", "(", ")", " ", " ", "  ", "\n", "\n\n", "\t", "A", "x",
        "3", "2020.",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_doc_offset_invariants(t: str) -> None:
    d = Doc(t)
    n = len(d)
    assert len(d.starts) == len(d.ends) == n
    prev_end = 0
    for i in range(n):
        s, e = d.starts[i], d.ends[i]
        assert prev_end <= s < e <= len(t)
        raw = t[s:e]
        assert TOKEN_RE.fullmatch(raw)
        assert d.norms[i] == normalise_word(raw)
        assert d.tokens_in((s, e)) == (i, i + 1)
        assert d.tokens_in((s, e), "overlap") == (i, i + 1)
        prev_end = e
    for spans in (d.sentences, d.paragraphs, d.quotations):
        prev = 0
        for s, e in spans:
            assert prev <= s < e <= len(t)
            prev = e
    for s, e in d.sentences + d.paragraphs:
        assert not t[s].isspace() and not t[e - 1].isspace()
    # Sentences cover every token, in order, and never cut one.
    covered = [k for t0, t1 in d.sentence_tokens for k in range(t0, t1)]
    assert covered == list(range(n))
    st_ = d.sentence_tokens
    assert all(t1 > t0 for t0, t1 in st_)
    assert all(x[1] == y[0] for x, y in zip(st_, st_[1:], strict=False))
    for s, e in d.sentences:
        i, j = d.tokens_in((s, e))
        assert all(s <= d.starts[k] and d.ends[k] <= e for k in range(i, j))
    # A sentence never spans a line break.
    assert all("\n" not in t[s:e] for s, e in d.sentences)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(0, 100), st.integers(0, 100))
def test_tokens_in_is_consistent(t: str, x: int, y: int) -> None:
    d = Doc(t)
    s, e = sorted((min(x, len(t)), min(y, len(t))))
    i, j = d.tokens_in((s, e))
    assert 0 <= i <= j <= len(d)
    assert all(s <= d.starts[k] < e for k in range(i, j))
    assert i == len(d) or d.starts[i] >= s
    oi, oj = d.tokens_in((s, e), "overlap")
    assert oi <= i and oj >= j
    for k in range(len(d)):
        inside = d.starts[k] < e and d.ends[k] > s or (s == e and d.starts[k] < s < d.ends[k])
        assert (oi <= k < oj) == inside


# --- the array tokeniser equals the regular expression ----------------------------------------

_TRICKY = st.sampled_from(
    [
        "a", "Z", "é", "e\u0301", "İ", "Σ", "ς", "ß", "_", "3", "٣", "²", "Ⅻ", "'", "’", "ʼ", "‘",
        "`", ".", ",", " ", "\n", "\u00a0", "-", "“", "中", "😀", "\ud800", "ﬁ", "Ǆ", "\u2028",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES | _TRICKY, max_size=80).map("".join) | st.text(max_size=80))
def test_array_tokens_equal_the_regex_tokens(t: str) -> None:
    found = text_mod._array_tokens(t)
    # None only where the array path does not apply: a character beyond its table, or one
    # whose lower case is longer.
    if found is None:
        assert max(map(ord, t)) >= text_mod._TABLE_SIZE or len(t.lower()) != len(t)
    else:
        assert found == text_mod._regex_tokens(t)


_ASCII = st.sampled_from(["a", "Z", "_", "3", "'", "`", ".", ",", " ", "\n", "-", '"', "x1"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ASCII, max_size=60).map("".join) | st.text(st.characters(max_codepoint=127)))
def test_ascii_tokens_equal_the_regex_tokens(t: str) -> None:
    # ASCII text takes its own path (one bytes.translate for the norms): joiners at either
    # end of the text, doubled, between letters and digits.
    assert text_mod._array_tokens(t) == text_mod._regex_tokens(t)


def test_array_tokens_classify_every_tabled_character_as_the_regex_does() -> None:
    # Each character alone, between letters, between digits, doubled and before a digit: a
    # word character or digit, a joiner (apostrophe or digit separator) or a gap, as TOKEN_RE
    # decides.
    # Snippets are joined by spaces (no token crosses one), 512 characters per text.
    def snippets(c: str) -> str:
        return f"{c} a{c}b 1{c}2 x{c}{c}y {c}1 {c}.{c},{c}"

    chars = [chr(code) for code in range(text_mod._TABLE_SIZE)]
    longer = [c for c in chars if len(c.lower()) != 1]  # the array path declines these
    assert longer == ["İ"]
    assert text_mod._array_tokens(snippets("İ")) is None
    plain = [c for c in chars if c not in longer]
    for k in range(0, len(plain), 512):
        t = " ".join(map(snippets, plain[k : k + 512]))
        assert text_mod._array_tokens(t) == text_mod._regex_tokens(t), hex(ord(plain[k]))


def test_doc_takes_the_array_path_only_with_numpy_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = text_mod._array_tokens
    monkeypatch.setattr(text_mod, "_array_tokens", lambda t: calls.append(t) or real(t))
    assert Doc("It’s 20,442.75 now").norms == ["it's", "20,442.75", "now"]
    assert calls == ["It’s 20,442.75 now"]  # the test process has numpy loaded
    monkeypatch.delitem(text_mod.sys.modules, "numpy")
    assert Doc("It’s 20,442.75 now").norms == ["it's", "20,442.75", "now"]
    assert len(calls) == 1


def test_decade_apostrophe_opens_no_quotation() -> None:
    # "the '80s" elides the century: read as an opening mark it swallowed the rest of
    # the paragraph as a quotation.
    t = "He grew up in the '80s and loved it. 'It was great,' he said. In the ‘90s, “yes”."
    assert [t[s:e] for s, e in quoted_spans(t)] == ["It was great,", "yes"]


def test_an_elided_word_opens_no_quotation() -> None:
    # BBC tech text writes "'bot nets" (ro-bot): read as an opening mark it quoted the rest
    # of the paragraph, so a sentence of it lifted elsewhere was a shared quote, no reuse.
    t = (
        "Spammers rent out 'bot nets to send junk mail. 'It is a loaded weapon,' said one "
        "researcher. Fans of rock 'n' roll shoot 'em-ups. He said to let 'em 'have it now'."
    )
    assert [t[s:e] for s, e in quoted_spans(t)] == ["It is a loaded weapon,", "have it now"]


def test_quote_reopened_in_a_paragraph_ends_where_the_lost_break_was() -> None:
    # BBC News text (a third of its articles) lost the breaks between the paragraphs of a
    # long quote: each piece re-opens the mark after a sentence end. Read as one mark run
    # to the next closing one, the quote swallowed the narration and the next speaker's
    # quote with it.
    t = (
        'Mido added: "It is not my right. "I feel a new spirit. "So I am used to it. '
        'Meanwhile, spokesman Methat Shalaby welcomed it. "It makes him a bigger star," he said.'
    )
    # The narration after the last piece stays in it: without the break, nothing in the
    # text says where that paragraph ended.
    assert [t[s:e] for s, e in quoted_spans(t)] == [
        "It is not my right.",
        "I feel a new spirit.",
        "So I am used to it. Meanwhile, spokesman Methat Shalaby welcomed it.",
        "It makes him a bigger star,",
    ]
    # Curly marks the same; a mark after a comma or in mid-sentence does not re-open.
    c = "“One thing. “Two things,” she said, “three” and “four.”"
    assert [c[s:e] for s, e in quoted_spans(c)] == ["One thing.", "Two things,", "three", "four."]


def test_an_unclosed_quote_ends_before_a_colon_lead_in() -> None:
    # A mark after 'He added: ' opens a quotation however the one before was left: that one
    # ends with its last sentence, and the lead-in is the narrator's (BBC politics/100).
    t = 'Mr Ode said: "I lost two years of my life. He added: "They wanted to break me." Then.'
    assert [t[s:e] for s, e in quoted_spans(t)] == [
        "I lost two years of my life.",
        "They wanted to break me.",
    ]
    # A title's or an initialism's full stop in the lead-in ends no sentence; a stray mark
    # before the lead-in (no sentence break to the splitter) leaves the last full stop.
    for lead in ("Mr. Ode added", "U.S. officials added", "Ode, 44, added", '" Ode said'):
        t = f'He said: "I lost two years of my life. {lead}: "They wanted to break me." Then.'
        assert [t[s:e] for s, e in quoted_spans(t)] == [
            "I lost two years of my life.",
            "They wanted to break me.",
        ]
