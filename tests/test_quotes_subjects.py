"""Subjects the frame scan reads (issue 15, quotes15d): a phrase set off by commas or
dashes inside the subject ('Several mayors, including Ms Diaz, said ...') before a cue
that a reported clause follows. The rules and the parser path share the frame scan, so
both are tested; guards keep the inverted frame ('..., said Mr Hale') and the content
before a cue."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Several mayors, including Ms Diaz, said the region should refuse to build "
            "another ring road.",
            "the region should refuse to build another ring road",
            "Several mayors",
        ),
        (
            "Farmers — and some of their bankers — say that the drought will cut the "
            "harvest by a third.",
            "the drought will cut the harvest by a third",
            "Farmers",
        ),
        (
            "Sen. Ada Brook, D-Vt., appearing on local radio after the vote, said the "
            "governor failed to explain the cuts.",
            "the governor failed to explain the cuts",
            "Ada Brook",
        ),
        (
            "Trade unions across the county, including the nurses' union, warned that the "
            "wards would close by spring.",
            "the wards would close by spring",
            "Trade unions",
        ),
    ],
)
def test_a_phrase_inside_the_subject_keeps_the_frame(
    text: str, content: str, speaker: str, parser: bool
) -> None:
    quotes = extract_quotes(text, parser=parser)
    assert [q.quoted(text) for q in quotes] == [content]
    assert quotes[0].speaker is not None
    assert speaker in text[slice(*quotes[0].speaker)]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # Guards: an inverted frame names its speaker after the cue; a long quotation
        # before the cue is the content.
        (
            "The bridge will reopen in May, said Tom Hale, the county engineer.",
            "The bridge will reopen in May",
            "Tom Hale",
        ),
        (
            '"We will not close a single ward this winter," said the hospital\'s chief.',
            "We will not close a single ward this winter",
            "the hospital's chief",
        ),
    ],
)
def test_content_before_the_cue_stays(text: str, content: str, speaker: str, parser: bool) -> None:
    quotes = extract_quotes(text, parser=parser)
    assert [q.quoted(text) for q in quotes] == [content]
    assert text[slice(*quotes[0].speaker)] == speaker


@pytest.mark.parametrize("parser", [False, True])
def test_an_object_after_added_is_no_clause(parser: bool) -> None:
    # 'add' takes objects: only a plain link ('added that') shows a clause after it.
    text = (
        "The band, cycling through its usual songs, added two covers including "
        '"Blue Moon" and "Rain."'
    )
    assert extract_quotes(text, parser=parser) == []


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A frame inside a clause that opens the sentence: its content ends at the comma
        # before the main clause (quotes15d).
        (
            "While critics argue that the toll pushes drivers onto the back roads, "
            "the council has kept it for another year.",
            "the toll pushes drivers onto the back roads",
        ),
        (
            "Although the coach says the squad is fit, two players missed training on Monday.",
            "the squad is fit",
        ),
        # Guard: the frame in the main clause, after the opening clause.
        (
            "When the results came in, the mayor said the turnout had been a disgrace.",
            "the turnout had been a disgrace",
        ),
    ],
)
def test_a_frame_in_an_opening_clause_ends_at_its_comma(
    text: str, content: str, parser: bool
) -> None:
    assert [q.quoted(text) for q in extract_quotes(text, parser=parser)] == [content]


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The phrase next to the cue ends an apposition; the name it describes speaks.
        (
            "Maria Okafor, president and chief executive of the Riverside Tenants Union "
            "stated that the rents had doubled.",
            "Maria Okafor",
        ),
        (
            "Daniel Reyes, who farms outside the county seat, Hillsboro, said the river had "
            "never been so low.",
            "Daniel Reyes",
        ),
        (
            "Paul Hendry, a former aide to Governor Jane Whitfield has told reporters that "
            "the budget was never balanced.",
            "Paul Hendry",
        ),
        # Guard: after the subject's own verb, a later subject speaks.
        (
            "Paul Hendry, the party's candidate, issued a statement after Governor Jane "
            "Whitfield said the budget was balanced.",
            "Jane Whitfield",
        ),
    ],
)
def test_an_apposition_gives_the_name_it_describes(text: str, name: str, parser: bool) -> None:
    (q,) = extract_quotes(text, parser=parser)
    assert q.speaker_name == name
    assert q.speaker_type == "person"


@pytest.mark.parametrize("parser", [False, True])
def test_a_comparison_after_reported_content_is_the_narrators(parser: bool) -> None:
    text = (
        "Forty percent of the club's members say they have not renewed their season "
        "tickets, compared with 12 percent last year."
    )
    assert [q.quoted(text) for q in extract_quotes(text, parser=parser)] == [
        "they have not renewed their season tickets"
    ]


@pytest.mark.parametrize("parser", [False, True])
def test_a_demonym_needs_its_place_in_the_article(parser: bool) -> None:
    # 'Vatican' has a demonym's ending but no place of that name in the article: the
    # name of who speaks, not a description of the senator named before.
    text = (
        "Pope Francis will visit Mexico. Senator Bernie Sanders hopes to meet him.\n\n"
        "The Vatican says the pope has no plans to meet with the senator."
    )
    (q,) = extract_quotes(text, parser=parser)
    assert q.speaker_name == "Vatican"
    assert q.speaker_type != "person"
    # Guard: 'the Texan' after 'Texas Sen. Ted Cruz' is him.
    text = 'Texas Sen. Ted Cruz spoke on Friday. "We will win," the Texan said.'
    (q,) = extract_quotes(text, parser=parser)
    assert q.speaker_name == "Ted Cruz"
