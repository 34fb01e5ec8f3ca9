"""quotes.frames finds its candidate cue words as whole ``\\w+`` runs looked up in a set
(issue 16): the same matches as one regular expression of every cue form."""

import random
import re

import pytest

from storytrace.quotes import frames


def _alternation() -> re.Pattern[str]:
    """The reference: every cue form in one alternation, longest first, whole runs only."""
    words = sorted(frames._cue_words(), key=lambda w: (-len(w), w))
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def _by_set(text: str, u0: int, u1: int) -> list[tuple[int, int]]:
    cues = frames._cue_words()
    return [m.span() for m in frames._WORD.finditer(text, u0, u1) if m.group() in cues]


TEXTS = [
    "",
    "said",
    "Said",
    "saidx",
    "He said.",
    '"We will win," said Ms Patel, who added that the follow-up call was a write-down.',
    "Según dijo, él said: «Ça va». Zoë warned, Ζωή λέει; Иван told_them he told them.",
    "According to police, she said-so and re-said it; they tell, told, telling, tells.",
    "unsaid resaid saidsaid said1 1said said_ _said, 'said' ’said’ (said)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_runs_equal_the_alternation_on_every_window(text):
    rx = _alternation()
    windows = {(0, len(text))} | {
        (a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1) if len(text) < 12
    }
    rng = random.Random(7)
    for _ in range(300 if text else 0):
        a = rng.randrange(len(text) + 1)
        windows.add((a, rng.randrange(a, len(text) + 1)))
    for u0, u1 in windows:
        assert _by_set(text, u0, u1) == [m.span() for m in rx.finditer(text, u0, u1)], (u0, u1)


def test_cue_runs_find_words_not_parts_of_words():
    text = "unsaid said saidx said."
    assert [text[s:e] for s, e in _by_set(text, 0, len(text))] == ["said", "said"]
    # A window that starts inside a word finds nothing there; one that ends inside a word
    # reads the word up to its end, as the alternation with that end did.
    assert _by_set(text, 2, 6) == []
    assert _by_set(text, 12, 16) == [(12, 16)]


def test_quotes_found_through_the_cue_words():
    from storytrace.quotes import extract_quotes

    text = (
        '"We will sort it," Ms Patel said. A follow-up call was planned. '
        '"Soon," said Mr Jones, according to the BBC.'
    )
    got = [(text[q.cue[0] : q.cue[1]], q.speaker_name) for q in extract_quotes(text, parser=False)]
    assert got == [("said", "Ms Patel"), ("said", "Mr Jones")]
