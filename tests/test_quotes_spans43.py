"""Quotation spans as a reader draws them (session 43): a mixed quote's content stops at
its closing mark when only the frame's adjuncts follow; a quotation of several lines in
text given one sentence per line with Penn Treebank marks (ECB+) is quoted on every line;
an unclosed mark does not run on into a later quotation opened mid-sentence."""

from __future__ import annotations

from storytrace.quotes import extract_quotes
from storytrace.text import quoted_spans, sentence_spans


def _spans(t: str) -> list[str]:
    return [t[s:e] for s, e in quoted_spans(t)]


def _quotes(t: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind, t[q.content[0] : q.content[1]], q.speaker_name)
        for q in extract_quotes(t, parser=False)
    ]


# --- 1. a mixed quote's content ends at its closing mark ----------------------------------


def test_mixed_content_stops_at_the_closing_mark_before_a_time_and_place() -> None:
    # As 'The minister said "we will act".' reads: the day and the place are the frame's.
    t = 'The minister said "we will act" on Tuesday in London.'
    assert _quotes(t) == [("direct", "we will act", "The minister")]
    t = 'The minister said "we will act" to reporters.'
    assert _quotes(t) == [("direct", "we will act", "The minister")]


def test_mixed_content_goes_on_when_the_clause_goes_on() -> None:
    # The quoted words are the clause's subject: what follows is still what was said.
    t = 'The mayor said "the new rules" were unfair to small shops.'
    ((kind, content, _),) = _quotes(t)
    assert content == '"the new rules" were unfair to small shops'


# --- 2. one sentence per line, Penn Treebank marks ----------------------------------------

_PTB = (
    "The singer Ann Cole has cancelled her tour, her agent said on Monday.\n"
    "`` Ann is tired and needs a rest, '' the agent told reporters.\n"
    "Cole spoke to a radio station in May about the tour:\n"
    "`` No.\n"
    "I've sung every night.\n"
    "Believe me.\n"
    "I need a long break now. ''\n"
    "The tour was to start in June.\n"
)


def test_a_quotation_of_several_lines_is_quoted_on_every_line() -> None:
    assert _spans(_PTB) == [
        "Ann is tired and needs a rest,",
        "No.",
        "I've sung every night.",
        "Believe me.",
        "I need a long break now.",
    ]
    last = extract_quotes(_PTB, parser=False)[-1]
    assert _PTB[last.content[0] : last.content[1]].endswith("I need a long break now.")


def test_a_closing_mark_typed_as_an_opening_one_ends_the_lines() -> None:
    t = (
        "`` It was hard, '' she said of the tour.\n"
        "`` I did not know it would hurt my voice.\n"
        "People forget I sing every night.\n"
        "I am not a machine. ``\n"
        "She has since rested.\n"
    )
    quoted = "".join(_spans(t))
    assert "People forget I sing every night." in quoted
    assert "I am not a machine." in quoted
    assert "She has since rested" not in quoted


def test_single_marks_of_tokenised_text_close_with_a_space_before_them() -> None:
    t = (
        "`` We thank you, '' her agent said.\n"
        "Her 'party singer ' image had hidden her talent, and set the bar for stars like "
        "Mary Blake and Jane Post.\n"
        "In a May interview, Cole said she was a 'quiet drinker ' and that her past was "
        "behind her.\n"
        "'I've sung it all.\n"
        "Trust me.\n"
        "I don't need to do anything else, ' she told the station.\n"
        "The tour was to start in June.\n"
    )
    spans = _spans(t)
    assert "party singer" in spans
    assert "quiet drinker" in spans
    quoted = " ".join(spans)
    assert "Trust me." in quoted and "I don't need to do anything else," in quoted
    assert "set the bar" not in quoted and "The tour" not in quoted
    found = {content: (kind, who) for kind, content, who in _quotes(t)}
    # 'she told the station' is Cole's, not the last woman named (Jane Post).
    last = next(c for c in found if c.endswith("I don't need to do anything else"))
    assert found[last] == ("direct", "Cole")
    mixed = next(c for c in found if "quiet drinker" in c)
    assert "\n" not in mixed


def test_a_double_mark_set_apart_closes_in_any_text() -> None:
    t = '"The plan is bad for savers, " said Carl Baez, who runs a savers\' group. Few agree.'
    assert _spans(t) == ["The plan is bad for savers,"]
    # A single mark set apart outside tokenised text may be a stray apostrophe.
    t = "She called it 'a poor plan for the Jones ' savings and left."
    assert _spans(t) == ["a poor plan for the Jones ' savings and left."]


def test_plain_text_keeps_an_unclosed_line_to_itself() -> None:
    # No Penn Treebank marks: a quote box's credit line inside the closing mark is the
    # speaker, and an unclosed mark never runs into lines without marks.
    t = 'Economists agree.\n"We need a stimulus now.\nDean Baker, CEPR."\nThe bill passed.'
    assert _spans(t) == ["We need a stimulus now."]
    t = '"We will win.\nThe match starts at noon.\nFans said it was "a big day".'
    assert _spans(t) == ["We will win.", "a big day"]


# --- 3. an unclosed mark and a later quotation opened mid-sentence ------------------------


def test_an_unclosed_mark_does_not_swallow_a_later_quotation() -> None:
    t = (
        'The club is confident. - United boss Tom Green: "Our players are strong and we '
        "expect to win the tie.  The mayor on Friday said it was not his job to judge. "
        'Critics branded the plan as a "shot in the dark". But the mayor insisted it would '
        "work."
    )
    spans = _spans(t)
    assert "shot in the dark" in spans
    assert spans[0].startswith("Our players are strong")
    assert "Critics branded" not in spans[0]


def test_an_unclosed_mark_in_one_sentence_ends_at_the_next_opening_mark() -> None:
    t = 'He called the deal "a good start and the "best we could get" for now.'
    assert "best we could get" in _spans(t)


def test_an_unclosed_mark_keeps_its_last_sentence_before_a_mark_opening_the_next() -> None:
    # A mark opening a sentence, with no space before it or after a nested closing mark:
    # the sentence before it is the unclosed quotation's last, not the narrator's.
    t = (
        'The chairman said: "We want an explanation. There is no point sending us a fax. '
        "''It is a sad case,\" he said."
    )
    spans = _spans(t)
    assert spans[0] == "We want an explanation. There is no point sending us a fax."
    assert spans[1] == "It is a sad case,"
    t = (
        "\"You think: 'This is not my day. The way I play is silly.' \"But then you fight "
        'back," he said.'
    )
    assert "The way I play is silly." in _spans(t)[0]


def test_a_closing_mark_set_apart_after_a_stop_ends_the_sentence() -> None:
    t = "She says he 'had nothing in his hands. ' PUBLISHED: MAY 3. A woman saw it."
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "She says he 'had nothing in his hands.",
        "PUBLISHED: MAY 3.",
        "A woman saw it.",
    ]
    # Tokenised text (its backticks say so), where that mark closes the quotation.
    t = "`` Yes, '' she said.\n" + t
    assert [c for _, c, _ in _quotes(t)][1] == "he 'had nothing in his hands"
