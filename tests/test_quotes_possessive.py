"""A plural's possessive ("their opponents' policies") is no verb in -s: the words after a
cue that hold one are a noun phrase unless a verb follows (found on BBC politics/007: "Dr Fox
accused Mr Blair ... of telling lies about their opponents' policies" was an indirect quote)."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
def test_a_noun_phrase_with_a_plural_possessive_is_no_reported_content(parser):
    t = (
        "Dr Fox accused Mr Blair and other Cabinet ministers of telling lies about their "
        "opponents' policies and then attacking the lies."
    )
    assert extract_quotes(t, parser=parser) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He said their opponents' policies were wrong.", "their opponents' policies were wrong"),
        ("He said the workers’ pay rises were late.", "the workers’ pay rises were late"),
    ],
)
@pytest.mark.parametrize("parser", [False, True])
def test_a_clause_whose_subject_holds_one_is_still_content(text, content, parser):
    (q,) = extract_quotes(text, parser=parser)
    assert [text[s:e] for s, e in q.parts] == [content]
