"""Speakers and cues, fifteenth pass (issue 15, quotes15e): the name a sentence opens with
speaks through a longer apposition (a relative clause or a second description after the
phrase next to the cue), a full name described by a role speaks even when the article
knows nothing else of it, 'Vice President' is a title, and 'press' before 'secretary',
'conference' or 'release' is a noun, not a cue. Each case was wrong on main before this
pass unless marked a guard. The texts are our own."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


def _speaker_of(text: str, words: str, parser: bool = False) -> str | None:
    found = [q.speaker_name for q in extract_quotes(text, parser=parser) if words in q.quoted(text)]
    assert found, f"no quote holding {words!r}"
    return found[0]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A relative clause, then a description of the organisation inside it.
        (
            "Nadia Ferris, who helped found Greenway, a cycling charity based in Leeds, "
            "said the new lanes were unsafe.",
            "lanes were unsafe",
            "Nadia Ferris",
        ),
        # The organisation's own relative clause after the role's.
        (
            "Senator Paul Hendry, the Ohio Democrat who chairs the Budget Committee, which "
            "sets spending limits, said the cuts would stand.",
            "cuts would stand",
            "Paul Hendry",
        ),
        # A full name nobody else in the text confirms, described as a person by its role.
        (
            "But Okonkwo Adeyemi, acting political director of Fair Votes Now, which "
            "organised the letter, said the response was weak.",
            "response was weak",
            "Okonkwo Adeyemi",
        ),
        # Guard: the apposition closed and the subject's own verb followed; the name
        # before the later cue speaks.
        (
            "Lena Marsh, the mayor, issued a statement after Tom Reyes, a council member, "
            "said the vote was rigged.",
            "vote was rigged",
            "Tom Reyes",
        ),
    ],
)
def test_the_opening_name_speaks_through_a_long_apposition(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    assert _speaker_of(text, words, parser) == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_vice_president_and_a_suffix_stay_with_the_name(parser: bool) -> None:
    text = (
        "Vice President Martin L. Crane Jr., who was to fly to Austin, Texas, on Friday "
        "to sign the deal, said the talks had ended."
    )
    name = _speaker_of(text, "talks had ended", parser)
    assert name is not None and "Crane" in name and "Jr" in name
    assert "Texas" not in name and "Vice" not in name


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "White House press secretary Dana Whitlock said the talks would go on.",
            "talks would go on",
            "Dana Whitlock",
        ),
        (
            "Campaign press secretary Ivo Brandt said the emails were released in full.",
            "emails were released",
            "Ivo Brandt",
        ),
    ],
)
def test_press_before_secretary_is_a_noun(
    text: str, words: str, speaker: str, parser: bool
) -> None:
    quotes = extract_quotes(text, parser=parser)
    assert [text[q.cue[0] : q.cue[1]] for q in quotes if q.cue] == ["said"]
    assert _speaker_of(text, words, parser) == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_no_quote_from_a_press_release_or_conference(parser: bool) -> None:
    text = (
        "In a November press release issued by his firm, the figures were corrected. "
        "At a press conference on Monday the roads reopened."
    )
    assert extract_quotes(text, parser=parser) == []


def test_press_as_a_verb_still_frames_a_request() -> None:
    # Guard: 'press him to' is a request whose content follows.
    text = "Ms Vale will press him to say whether the deal is off."
    quotes = extract_quotes(text)
    assert [text[q.cue[0] : q.cue[1]] for q in quotes] == ["press"]
    assert "whether the deal is off" in quotes[0].quoted(text)


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # A verb off the cue list before a colon, the quotation in two-apostrophe marks.
        ("Mr. Dorsey gloated: ''I told you he would not be ready.''", "gloated", "Mr. Dorsey"),
        ("Ms. Perrin went on: “We cannot wait another year for this.”", "went", "Ms. Perrin"),
    ],
)
def test_a_colon_lead_in_keeps_its_verb_out_of_the_speaker(
    text: str, cue: str, speaker: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert q.kind == "direct"
    assert text[q.cue[0] : q.cue[1]] == cue
    assert text[q.speaker[0] : q.speaker[1]] == speaker
    assert q.quoted(text).strip("'“”").startswith(("I told", "We cannot"))


@pytest.mark.parametrize("parser", [False, True])
def test_a_quotation_runs_on_from_the_speaker_not_from_the_question(parser: bool) -> None:
    text = (
        "“Nobody gets it right the first time,” Ms. Ostrova said when asked about the "
        "new exams, which the board wrote last year. “The job is to keep improving them.”"
    )
    quotes = extract_quotes(text, parser=parser)
    joined = [q for q in quotes if "Nobody gets it right" in q.quoted(text)]
    assert len(joined) == 1
    assert "The job is to keep improving them." in joined[0].quoted(text)
    assert joined[0].speaker_name == "Ms. Ostrova"


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            '"Why should we be surprised?" Mr. Hale asked during the meeting with the '
            "council on Tuesday.",
            "asked",
            "Mr. Hale",
        ),
        (
            '"The crew is the best!!!" Moreau wrote in a March 3, 2014 email to the '
            'station staff. "Thanks for the great work."',
            "wrote",
            "Moreau",
        ),
    ],
)
def test_a_frame_after_a_question_or_exclamation_keeps_its_quote(
    text: str, cue: str, speaker: str, parser: bool
) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.cue[0] : q.cue[1]] == cue
    assert text[q.speaker[0] : q.speaker[1]] == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_a_sentence_with_its_own_clause_after_an_exclamation_stays_apart(parser: bool) -> None:
    # Guard: the named subject's verb reports a clause of its own.
    text = (
        '"Her plan is dead - resign!" the senator wrote. Ms. Grey said in an interview '
        "last week that she would not step down."
    )
    quotes = extract_quotes(text, parser=parser)
    grey = [q for q in quotes if "would not step down" in q.quoted(text)]
    assert len(grey) == 1 and grey[0].speaker_name == "Ms. Grey"
    assert "resign" not in grey[0].quoted(text)


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Okafor and his supporters say the count was rigged.", "Okafor and his supporters"),
        (
            "The polls closed. Teachers and even some parents say the test is unfair.",
            "Teachers and even some parents",
        ),
        (
            "The polls closed. Current and former officials said the deal was close.",
            "Current and former officials",
        ),
    ],
)
def test_a_coordinated_subject_speaks_whole(text: str, speaker: str, parser: bool) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.speaker[0] : q.speaker[1]] == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_an_object_before_and_is_no_conjunct(parser: bool) -> None:
    # Guard: 'Jones' is the object of 'met', not part of the subject of 'said'.
    text = "The mayor met Jones and officials said the deal was close."
    (q,) = extract_quotes(text, parser=parser)
    assert text[q.speaker[0] : q.speaker[1]] == "officials"
