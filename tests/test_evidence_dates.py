"""compare reads the articles' publication dates as stories does: a pair published more than
dates.STORY_DAYS apart is not called the same story on names alone (rule published-apart),
and the evidence carries both dates, raw and as instants, or says they are unknown."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console
from test_evidence_caveat import CLAIM, FIRED, WITH_DETAIL
from test_stories import BRIDGE, BRIDGE2, TOUR, TOUR2

from storytrace import dates, evidence
from storytrace import stories as st
from storytrace.align import BULK, compare
from storytrace.articles import read_article, record_to_article
from storytrace.cli import app
from storytrace.report import render_fragment
from storytrace.report.terminal import terminal_summary


def _dated(text: str, published: str | None, rid: str, field: str = "published") -> object:
    rec = {"id": rid, "text": text, **({field: published} if published is not None else {})}
    return record_to_article(rec, f"test.jsonl:{rid}")


def _terminal(cmp) -> str:
    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(terminal_summary(cmp))
    return out.getvalue()


def test_stories_and_compare_read_one_rule() -> None:
    # One window, defined once: stories' rule is the dates module's.
    assert st.far_apart is dates.far_apart
    assert dates.STORY_DAYS == 7
    src = Path(dates.__file__).parent
    defined = [
        p.name
        for p in sorted(src.rglob("*.py"))
        if re.search(r"^STORY_DAYS\s*=", p.read_text(), re.M)
    ]
    assert defined == ["dates.py"]


def test_names_alone_far_apart_are_not_the_same_story() -> None:
    cmp = compare(
        _dated(FIRED, "November 22, 2008", "fired"),
        _dated(CLAIM, "2010-03-02T09:30:00-05:00", "claim", field="date"),
    )
    assert cmp.verdict == "unrelated"
    ev = cmp.evidence
    assert ev.rule == "published-apart" and ev.rule in evidence.CONTRADICTION_RULES
    # The names rule it outweighed is still listed, and named in the explanation.
    assert ev.held[:2] == ["published-apart", "same-focus"]
    assert ev.caveat is None
    pub = cmp.to_dict()["evidence"]["published"]
    assert pub["a"] == "2008-11-22T00:00:00Z" and pub["a_raw"] == "November 22, 2008"
    assert pub["b"] == "2010-03-02T14:30:00Z" and pub["b_raw"] == "2010-03-02T09:30:00-05:00"
    assert pub["far_apart"] is True and pub["days_apart"] == pytest.approx(464.6, abs=0.01)
    assert pub["reading"].startswith("464.6 days apart: more than the 7 days")
    said = ev.explanation
    assert said.startswith("published more than 7 days apart")
    assert "2008-11-22T00:00:00Z ('November 22, 2008')" in said
    assert "2010-03-02T14:30:00Z ('2010-03-02T09:30:00-05:00')" in said
    assert "464.6 days apart" in said and said.endswith(
        "(outweighs same-focus, same-lead, shared-vocabulary)"
    )


def test_names_alone_within_the_week_stand_with_their_caveat() -> None:
    cmp = compare(_dated(FIRED, "2008-11-22", "f"), _dated(CLAIM, "2008-11-29T23:00:00Z", "c"))
    ev = cmp.evidence
    assert cmp.verdict == "same-story" and ev.rule == "same-focus"
    assert ev.caveat == evidence.SAME_PEOPLE_ONLY
    assert ev.published.far_apart is False and ev.published.days_apart == pytest.approx(6.958, 1e-3)
    assert ev.published.reading.startswith("7.0 days apart: within the 7 days")


@pytest.mark.parametrize(
    ("a", "b", "reading"),
    [
        (None, None, "unknown: neither article gives a publication date"),
        ("2008-11-22", None, "unknown: B gives no publication date"),
        (
            "sometime in 2008",
            "2010-03-02",
            "unknown: A's date 'sometime in 2008' could not be read",
        ),
    ],
)
def test_unknown_dates_change_nothing_and_say_so(a, b, reading) -> None:
    cmp = compare(_dated(FIRED, a, "f"), _dated(CLAIM, b, "c"))
    assert cmp.verdict == "same-story" and cmp.evidence.rule == "same-focus"
    assert cmp.evidence.caveat == evidence.SAME_PEOPLE_ONLY
    pub = cmp.to_dict()["evidence"]["published"]
    assert pub["far_apart"] is None and pub["days_apart"] is None
    assert pub["reading"] == reading
    assert pub["a_raw"] == a and pub["b_raw"] == b
    # Plain strings carry no date at all: the evidence is what it was, with dates unknown.
    plain = compare(FIRED, CLAIM).evidence
    assert plain.published == evidence.PublicationDates()
    assert plain.rule == "same-focus" and plain.held == cmp.evidence.held


@pytest.mark.parametrize("detail", sorted(WITH_DETAIL))
def test_a_shared_detail_still_makes_one_story_far_apart(detail: str) -> None:
    a, b = WITH_DETAIL[detail]
    cmp = compare(_dated(a, "2008-11-22", "f"), _dated(b, "2010-03-02", "c"))
    assert cmp.verdict == "same-story" and cmp.evidence.published.far_apart is True
    assert "published-apart" not in cmp.evidence.held


def test_the_lazy_evidence_of_an_unrelated_pair_carries_the_dates() -> None:
    a = _dated("Rain is due on Monday, forecasters said.", "2019-05-30", "r")
    b = _dated("Shares fell as the yen rose.", "Thu, 30 May 2019 07:00:00 -0500", "s")
    cmp = compare(a, b, BULK)
    assert cmp._evidence_args is not None  # decided from the cheap facts
    assert cmp.verdict == "unrelated" and cmp.evidence.rule == "none"
    assert cmp.evidence.published.b == "2019-05-30T12:00:00Z"
    assert cmp.evidence.published.far_apart is False


def test_text_json_and_html_name_the_rule_and_both_dates(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.json"
    a.write_text(json.dumps({"id": "fired", "text": FIRED, "published": "November 22, 2008"}))
    b.write_text(json.dumps({"id": "claim", "text": CLAIM, "date": "2010-03-02"}))
    runner = CliRunner()
    res = runner.invoke(app, ["compare", str(a), str(b), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert got["verdict"] == "unrelated" and got["evidence"]["rule"] == "published-apart"
    assert got["evidence"]["published"]["b_raw"] == "2010-03-02"
    res = runner.invoke(app, ["compare", str(a), str(b)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "why published-apart: published more than 7 days apart" in said
    assert "A 2008-11-22T00:00:00Z ('November 22, 2008'); B 2010-03-02T00:00:00Z" in said
    # The terminal's row of dates.
    assert "published A 2008-11-22T00:00:00Z ('November 22, 2008'); B 2010-03-02" in said
    assert "464.0 days apart: more than the 7 days of one story" in said
    html = render_fragment(compare(read_article(a), read_article(b)))
    assert "Not the same story: published 464.0 days apart" in html
    assert "2008-11-22T00:00:00Z ('November 22, 2008')" in html


def test_undated_text_output_has_no_dates_row() -> None:
    assert "published" not in _terminal(compare(FIRED, CLAIM))
    assert "published" in _terminal(compare(_dated(FIRED, "2008-11-22", "f"), CLAIM))


def test_html_date_metadata_is_read_as_index_reads_it(tmp_path: Path) -> None:
    def page(title: str, body: str, when: str) -> str:
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n")[1:])
        return (
            f'<html><head><title>{title}</title><meta property="article:published_time" '
            f'content="{when}"></head><body><article><h1>{title}</h1>{paras}'
            + "<p>The club said it would make no further comment on the matter this week.</p>"
            + "</article></body></html>"
        )

    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(page("Pelicans dismiss coach Rasmus Tveit", FIRED, "2008-11-22T18:00:00+00:00"))
    b.write_text(page("Tveit takes Pelicans to court", CLAIM, "2010-03-02T10:00:00+00:00"))
    art_a, art_b = read_article(a), read_article(b)
    assert art_a.published == "2008-11-22T18:00:00Z"
    cmp = compare(art_a, art_b)
    assert cmp.evidence.published.a == art_a.published
    assert cmp.evidence.published.b == art_b.published == "2010-03-02T10:00:00Z"
    assert cmp.evidence.published.far_apart is True
    assert cmp.verdict == "unrelated" and cmp.evidence.rule == "published-apart"


@pytest.mark.parametrize(
    ("published", "together"),
    [
        (None, True),
        ({"f": "2008-11-22", "c": "2008-11-24"}, True),
        ({"f": "November 22, 2008", "c": "2010-03-02"}, False),
    ],
)
def test_compare_and_stories_agree_on_the_pair(published, together) -> None:
    # stories' clustering, among other stories that give the vocabulary its weights.
    texts = {"f": FIRED, "c": CLAIM, "t1": TOUR, "t2": TOUR2, "b1": BRIDGE, "b2": BRIDGE2}
    groups = st.cluster(texts, published=published)
    assert (["c", "f"] in groups) == together
    when = published or {}
    arts = [_dated(texts[k], when.get(k), k) for k in "fc"]
    assert (compare(*arts).verdict == "same-story") == together


def test_dates_only_part_names_alone_in_the_dated_fixture_set() -> None:
    """bench/dated_compare.py's pairs: with their dates, a verdict changes only from
    same-story to unrelated by published-apart; the pairs the dates must not touch keep their
    verdict."""
    fixture = Path(__file__).parent / "fixtures" / "dated" / "pairs.jsonl"
    turned = []
    for line in fixture.read_text().splitlines():
        p = json.loads(line)
        arts = [
            record_to_article(
                {"id": s, "text": p[s]["text"], "published": p[s]["published"]}, f"{p['id']}:{s}"
            )
            for s in "ab"
        ]
        dated, plain = compare(*arts), compare(p["a"]["text"], p["b"]["text"])
        if dated.verdict != plain.verdict:
            assert p["expect"] == "apart", p["id"]
            assert (plain.verdict, dated.verdict) == ("same-story", "unrelated")
            assert dated.evidence.rule == "published-apart" and dated.evidence.published.far_apart
            turned.append(p["id"])
    assert len(turned) >= 2, turned
