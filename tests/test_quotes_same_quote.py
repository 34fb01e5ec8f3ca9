"""``match_quotes`` shows two quotes as one only when most of the shorter one, or a run of six
words, is printed alike: half the words paired different statements sharing a stock phrase."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes, match_quotes


def _matches(a: str, b: str) -> list:
    return match_quotes(a, extract_quotes(a, parser=False), b, extract_quotes(b, parser=False))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Three function words in order ("she was ... a") are half of a six-word quote.
        (
            "Police said she was hit by a grey van on Mill Lane on Friday night.",
            '"She was a very caring person," her brother said.',
        ),
        # Two reporters' words for one scene: "the roof was" in both.
        (
            "A neighbour said that within minutes the roof was engulfed.",
            "The chief said that in the next minute or two the entire roof was in flames.",
        ),
        # Opposite claims that share "children ... were hurt at the school" (6 of 9 words).
        (
            "The head teacher said that no children or staff were hurt at the school.",
            "A nurse said that many of the children were hurt at the school.",
        ),
        # A two-word quote is inside many quotes: only the same two words are it.
        (
            "Ms Lane said she heard.",
            "Ms Lane said she heard a group of young men arguing about money before the fight.",
        ),
    ],
)
def test_different_statements_sharing_a_stock_phrase_are_not_one_quote(a: str, b: str) -> None:
    assert extract_quotes(a, parser=False) and extract_quotes(b, parser=False)
    assert _matches(a, b) == []


def test_most_of_the_shorter_quote_or_a_run_of_six_words_is_one_quote() -> None:
    a = 'Mr Cole said: "You have got to sort out your housing before you move in."'
    b = 'Mr Cole said: "Sort your housing."'
    (m,) = _matches(a, b)  # three words, all in the longer quote in order
    assert m.label == "altered"
    # Under 80% of the shorter quote alike, but a run of six words: one sentence of a
    # statement the other outlet quotes with a different second half.
    a = 'The judge said: "The man is petrified and he is an emotional wreck tonight."'
    b = 'The judge said: "The man is petrified and he has told us so, several times, in court."'
    (m,) = _matches(a, b)
    assert m.label == "altered"
    # Two words alike and identical: the same short quote.
    (m,) = _matches('He said: "No comment."', 'Asked again, he said: "No comment."')
    assert m.label == "identical"
