"""The table of titles and role words, and what its readers do with it."""

from __future__ import annotations

import pytest

from storytrace import titles
from storytrace.names import mentions
from storytrace.quotes import extract_quotes
from storytrace.text import Doc, sentence_spans


def test_each_word_is_one_row_and_every_property_is_documented() -> None:
    rows = [ln.split() for ln in titles.TABLE.splitlines() if ln and not ln.startswith("#")]
    words = [row[0] for row in rows]
    assert len(words) == len(set(words)) == len(titles.WORDS)
    assert all(w == w.lower() for w in words)
    used = {p for row in rows for p in row[1:]}
    # Every row has a property, and every property is both used and given its reason.
    assert all(len(row) > 1 for row in rows)
    assert used == set(titles.PROPERTIES)


@pytest.mark.parametrize("title", ["Gen", "Maj", "Supt", "Cmdr", "Insp", "Hon", "Fr", "Mme"])
def test_no_sentence_ends_at_an_abbreviated_title(title: str) -> None:
    assert title in titles.ABBREVIATED_TITLES
    text = f"The award went to {title}. Okafor on Monday. It rained."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        f"The award went to {title}. Okafor on Monday.",
        "It rained.",
    ]


def test_a_title_before_a_name_is_no_name_word() -> None:
    for word in sorted(titles.NAME_TITLES):
        doc = Doc(f"Police said {word.capitalize()} Maria Okafor spoke in Leeds.")
        assert [m.key for m in mentions(doc) if m.kind == "name"] == ["maria okafor"], word


def test_a_speaker_title_is_not_the_speakers_name() -> None:
    for word in sorted(titles.SPEAKER_TITLES):
        title = word.capitalize()
        (quote,) = extract_quotes(f"“We won the vote today,” said {title} Okafor.")
        assert quote.speaker_name in ("Okafor", f"{title} Okafor"), word


def test_a_gendered_title_takes_its_pronoun() -> None:
    # The other person is of the other sex and mentioned last: only the title's gender
    # makes "he" or "she" the first one.
    for word in sorted(titles.MALE_TITLES | titles.FEMALE_TITLES):
        pronoun, other = ("he", "Mrs") if word in titles.MALE_TITLES else ("she", "Mr")
        text = f"{word.capitalize()} Okafor met {other} Adeyemi. “We won the vote,” {pronoun} said."
        (quote,) = extract_quotes(text)
        assert quote.speaker_name == "Okafor", word


@pytest.mark.parametrize(
    ("frame", "name"),
    [
        ("said Councillor Brian Parbutt", "Brian Parbutt"),
        ("said Coach Sean Payton", "Sean Payton"),
        ("said Congressman Chris Collins", "Chris Collins"),
        ("said Ambassador John Tefft", "John Tefft"),
        ("said Police Commissioner Richard Ross", "Richard Ross"),
        ("said Justice Frank Nervo", "Frank Nervo"),
        ("said Officer Joseph Beinlich", "Joseph Beinlich"),
        ("said Fr Frank Pavone", "Frank Pavone"),
        ("said Maj. Tom Lee", "Tom Lee"),
    ],
)
def test_an_office_written_as_a_title_is_not_the_speakers_name(frame: str, name: str) -> None:
    # Words the name finder or the splitter already read as titles or roles, which the
    # quote rules kept in the speaker's name until session 45.
    (quote,) = extract_quotes(f"“We won the vote today,” {frame}.")
    assert quote.speaker_name == name
