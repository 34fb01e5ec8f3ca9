"""A quotation re-opened on the same line ('"A. "B. "C."'): the way a quote of several
paragraphs reads once its paragraph breaks are gone (BBC News text). Every re-opened
sentence is part of the quote, not only the first (issue 16: lifted sentences of such
quotes were never extracted, so no quote link joined the articles printing them)."""

from __future__ import annotations

from storytrace.quotes import extract_quotes


def _parts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in extract_quotes(text, parser=False)]


def test_reopened_after_a_frame_with_the_quote_before() -> None:
    # bbc sport/400: only "Every pool ..." was kept, "We have not ..." was dropped.
    t = (
        '"England have a fantastic record in Hong Kong, but the World Cup is on a different '
        'level," said coach Mike Friday. "Every pool contains teams who have caused upsets '
        'before and we will work hard. "We have not performed consistently so far."'
    )
    (parts,) = _parts(t)
    assert parts[1:] == [
        "Every pool contains teams who have caused upsets before and we will work hard.",
        "We have not performed consistently so far.",
    ]
    assert "Mike Friday" in (extract_quotes(t, parser=False)[0].speaker_name or "")


def test_reopened_after_a_frame_ending_the_sentence() -> None:
    # bbc politics/095: "He also sends ..." and "The problem ..." were dropped.
    t = (
        'What he wanted was "not much", Mr Baume said. "Government departments get their '
        'money from the Treasury on this basis. "He also sends instructions and messages to '
        'departments about policy. "The problem is that these two do not add up at all." '
        "Number 10 said nothing."
    )
    (parts,) = _parts(t)
    assert parts[-2:] == [
        "He also sends instructions and messages to departments about policy.",
        "The problem is that these two do not add up at all.",
    ]


def test_curly_marks_and_an_unattributed_run() -> None:
    t = (
        "The match ended level.\n\n“I felt we did enough to win the game today. “We dominated "
        "after the break and should have won. “But for the keeper we would have scored five.”"
    )
    (parts,) = _parts(t)
    assert len(parts) == 3 and parts[2] == "But for the keeper we would have scored five."


def test_a_quotation_after_narration_is_not_joined() -> None:
    # Words of the writer between two quotations of one sentence: the second does not
    # start afresh, so it is no quote of its own nor a part of the first.
    t = (
        "The posters went up on Monday.\n\n"
        '"We will win the league this season and the next one," and "we must work hard '
        'every single day" were printed on them.'
    )
    assert all("we must work hard every single day" not in p for p in _parts(t))


def test_reopened_after_a_colon_lead_in_is_two_parts() -> None:
    # bbc sport/244: one content span over both quotations, the stray mark inside it, so
    # the second sentence, printed elsewhere as a quote of its own, linked to nothing.
    t = (
        'He added: "By that time, I will have been here for five years. "Obviously, the issue '
        'is out of my hands but it is a fantastic job for anybody - I just hope it will be me."'
    )
    (parts,) = _parts(t)
    assert parts == [
        "By that time, I will have been here for five years.",
        "Obviously, the issue is out of my hands but it is a fantastic job for anybody - I "
        "just hope it will be me.",
    ]


def test_words_between_quotations_keep_one_part() -> None:
    # Not two quotations side by side: the narrator's words stand between them.
    t = 'Smith said the plan "would never work" and that "nobody had been asked about it".'
    for parts in _parts(t):
        assert len(parts) == 1


def test_a_phrase_after_a_comma_inside_the_quotation_is_no_gloss() -> None:
    # ', the issue is ...' after a capitalised word looked like the writer's appositive
    # on a name and was cut off ('... successor. "Obviously'); inside quotation marks it
    # is the speaker's.
    t = (
        'He added: "By that time, I will have been here for five years. "Obviously, the issue '
        'is out of my hands."'
    )
    (parts,) = _parts(t)
    assert parts[-1] == "Obviously, the issue is out of my hands."
    t = '"I am honoured to be thus distinguished by France, the flag carrier of cinema," he said.'
    (parts,) = _parts(t)
    assert parts[0].endswith("by France, the flag carrier of cinema")
