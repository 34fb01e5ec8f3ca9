"""A byline's name is not the story's name (session 47).

A byline ("By Jane Smith", "By Jane Smith, Associated Press") says who wrote an article, not
who or what it is about. The evidence rules read its name as a focal name of the headline
block: two reports of one event, one of them signed, were `unrelated` (the writer's rare name,
weighed as a headline's, halved their focus), and two unrelated articles by one reporter were
`same-story` by her name alone. The story features took it as a focal name as well. The
texts below are written for this test.
"""

from __future__ import annotations

import pytest
from test_reworded_headline import POST, REPORT

from storytrace.align import compare
from storytrace.stories import features

HEAD, _, BODY = REPORT.partition("\n")

SIGNED = {
    "byline first": "By Jane Smith\n" + REPORT,
    "byline after the headline": f"{HEAD}\nBy Jane Smith\n{BODY}",
    "byline with an agency": f"{HEAD}\nBy Jane Smith, Associated Press\n{BODY}",
    "byline after a date line": f"March 5, 2025\nBy Jane Smith and Tom Reed\n{HEAD}\n{BODY}",
}
"""Each signed text; unsigned (:func:`unsigned`) it is the same text without its byline line."""
BYLINE_WORDS = {"jane", "smith", "tom", "reed"}


def unsigned(text: str) -> str:
    return "\n".join(x for x in text.split("\n") if not x.startswith("By "))


FERRY = """Harbour ferry fares to rise in spring
By Marguerite Okonkwo
Fares on the harbour ferry will rise by ten percent from April, the operator said on Monday.
The operator blamed the cost of fuel and repairs to the older boats.
Season tickets will be frozen until the summer, it added.
Commuters said the rise was hard to accept after a winter of cancelled sailings."""
LIBRARY = """School library reopens after flood repairs
By Marguerite Okonkwo
The library at a primary school reopened on Friday, eight months after a burst pipe flooded it.
Volunteers sorted thousands of books that had been dried and cleaned over the winter.
The head teacher thanked parents who raised money for new shelves.
Pupils will be able to borrow books again from next week."""


def test_the_unsigned_pair_is_one_story() -> None:
    # The reference the signed pairs are held to.
    cmp = compare(POST, REPORT)
    assert cmp.verdict == "same-story"
    assert cmp.evidence is not None and cmp.evidence.rule == "shared-vocabulary"


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_a_byline_does_not_change_the_verdict(name: str) -> None:
    signed = SIGNED[name]
    plain = compare(POST, unsigned(signed))
    for cmp in (compare(POST, signed), compare(signed, POST)):
        assert cmp.verdict == plain.verdict, (name, cmp.verdict)
        assert cmp.evidence is not None and plain.evidence is not None
        assert cmp.evidence.rule == plain.evidence.rule
        assert cmp.evidence.focus == pytest.approx(plain.evidence.focus)
        assert not BYLINE_WORDS & {n.key for n in cmp.evidence.names}


def test_two_unrelated_articles_by_one_reporter_share_no_name() -> None:
    for cmp in (compare(FERRY, LIBRARY), compare(LIBRARY, FERRY)):
        assert cmp.verdict == "unrelated", cmp.verdict
        assert cmp.evidence is not None
        assert cmp.evidence.names == []
        assert cmp.evidence.focus == 0.0


def test_a_shared_byline_stays_in_the_text_and_its_passages() -> None:
    # A copy keeps its byline: the passage over it still covers those words.
    cmp = compare(FERRY, FERRY.replace("Monday", "Tuesday"))
    start = FERRY.index("By Marguerite")
    assert any(
        p.a[0] <= start and p.a[1] >= start + len("By Marguerite Okonkwo") for p in cmp.passages
    )


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_story_features_read_no_byline_name(name: str) -> None:
    signed, plain = features(SIGNED[name]), features(unsigned(SIGNED[name]))
    assert signed.focal == plain.focal
    assert not BYLINE_WORDS & set(signed.terms)


def test_story_features_of_one_reporters_articles_share_no_focal_name() -> None:
    assert not features(FERRY).focal & features(LIBRARY).focal
    assert "okonkwo" not in features(FERRY).terms


def test_byline_spans_are_the_top_lines_that_sign() -> None:
    from storytrace.articles import byline_spans, is_byline  # new this session

    text = SIGNED["byline after a date line"]
    assert [text[s:e] for s, e in byline_spans(text)] == ["By Jane Smith and Tom Reed"]
    # Below the body's first line a "By ..." line is the story's own text.
    assert byline_spans(f"{REPORT}\nBy Jane Smith") == []
    assert byline_spans("By Air, Sea and Rail: a week of strikes ends.\nText.") == []
    assert not is_byline("By the numbers: the strike in figures")
    assert is_byline("by Ana de la Cruz, Staff Writer")
