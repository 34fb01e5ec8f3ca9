"""``speakers._words_before`` (the words before a name that describe it, as index_names
reads them) matches the reversed window and must find exactly what the two forward
searches it replaced found: ``re.search`` of ``([\\w\\-]+)\\.?\\s+$`` and of
``((?:[\\w’'\\-]+\\s+){1,5})$``, tried from every position of the window."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.quotes import extract_quotes
from storytrace.quotes.speakers import _words_before

_WORD = re.compile(r"([\w\-]+)\.?\s+$")
_WORDS = re.compile(r"((?:[\w’'\-]+\s+){1,5})$")


def reference(window: str) -> tuple[str, str]:
    word, words = _WORD.search(window), _WORDS.search(window)
    return (word.group(1) if word else "", words.group(1) if words else "")


WINDOWS = [
    "",
    " ",
    "word",
    "word ",
    " word ",
    "said former chancellor ",
    "a b c d e f ",  # more than five words: the last five
    "one two three four five ",
    "xxabcdef ghi jkl ",  # a window cut inside a word keeps the part
    "Mr. ",
    "the Rt. Hon. ",
    "end.. ",
    "end . ",
    "it’s O'Neill’s deputy ",
    "vice-president ",
    "ex- ",
    "- ",
    "—dash ",
    "Prime Minister, ",  # a comma before the closing space: no word
    "foo, bar ",
    "tabs\tand\nnewlines\r\n",
    "non\u00a0breaking\u2003spaces\u3000",
    "Ελληνικά λόγια ",
    "русские слова. ",
    "naïve café ",
    "e\u0301t\u0301e\u0301 ",  # combining marks are \w
    "日本語 の 言葉 ",
    "under_score 42 3.5 ",
    "(bracketed) ",
    "“quoted” ",
    "trailing",
    "many      spaces      between ",
]


@pytest.mark.parametrize("window", WINDOWS)
def test_equals_the_forward_searches(window: str) -> None:
    assert _words_before(window) == reference(window)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab-’'. ,\t\n\u00a0éΩ_1", max_size=30))
def test_equals_the_forward_searches_on_any_text(window: str) -> None:
    assert _words_before(window) == reference(window)


def test_equals_the_forward_searches_on_every_window_of_a_text() -> None:
    text = (
        "Former shadow chancellor Ed Balls said on Monday that the Rt. Hon. member for "
        "Leeds, Mrs. O’Neill-Smith, was wrong. The vice-president’s deputy, Jo Bell, agreed. "
        "Ελληνικά λόγια και русские слова: naïve café 3.5bn.\n\nNew paragraph\there."
    )
    rng = random.Random(5)
    cuts = [(i, j) for i in range(len(text)) for j in range(i, min(len(text), i + 61))]
    for i, j in rng.sample(cuts, 3000):
        assert _words_before(text[i:j]) == reference(text[i:j]), text[i:j]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Union leader Bob Crow": the words before the name describe him, so the union
        # leader who speaks later is he.
        (
            "Union leader Bob Crow met shadow chancellor Ed Balls on Monday.\n\n"
            '"We will not back this," the union leader said.',
            "Bob Crow",
        ),
        # The word before the name makes Jeremy Paxman an interviewer: "he" is the other.
        (
            "Veteran interviewer Jeremy Paxman asked Ed Balls about it.\n\n"
            '"We will not back this," he said.',
            "Ed Balls",
        ),
    ],
)
def test_the_words_before_a_name_describe_it(text: str, speaker: str) -> None:
    # Each fails with _words_before finding nothing.
    assert [q.speaker_name for q in extract_quotes(text, parser=False)] == [speaker]
