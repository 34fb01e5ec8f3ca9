"""Issue 12: a same-story verdict that rests on the same people alone says so (evidence.caveat)
in the JSON, the terminal's summary, the HTML report and the web page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from rich.console import Console

from storytrace.align import compare
from storytrace.cli import app
from storytrace.evidence import NAME_RULES, SAME_PEOPLE_ONLY
from storytrace.report import render_fragment
from storytrace.report.terminal import terminal_summary
from storytrace.web import create_app

ROOT = Path(__file__).resolve().parents[1]

# One coach's dismissal, and his claim against the club two years later: the same people lead
# both, and they share no date, lead place, figure, quote or passage.
FIRED = (
    "Pelicans dismiss coach Rasmus Tveit\n"
    "The Bergen Pelicans fired head coach Rasmus Tveit on Saturday after a 9-14 start to the "
    "2008 season, and named assistant Ole Brekke interim coach.\n"
    "General manager Kari Lunde said the decision had not been easy."
)
CLAIM = (
    "Tveit takes Pelicans to court\n"
    "March 2, 2010\n"
    "A lawyer for Rasmus Tveit filed an unfair-dismissal claim against the Bergen Pelicans "
    "on Tuesday. Tveit says Kari Lunde had promised him another year in charge."
)
QUOTE = ' "I gave this club everything I had for three years," Tveit said.'
PASSAGE = (
    " The club has not won a league title since the new stadium on the harbour front opened "
    "its gates to the public."
)
WITH_DETAIL = {
    "figure": (FIRED, CLAIM + " He was dismissed after a 9-14 start."),
    "date": (
        FIRED.replace("on Saturday", "on Saturday, November 22"),
        CLAIM + " He was dismissed on November 22.",
    ),
    "lead place": (
        FIRED,
        CLAIM.replace("against the Bergen Pelicans", "in Bergen against the Pelicans"),
    ),
    "quote": (FIRED + QUOTE, CLAIM + QUOTE),
    "passage": (
        FIRED
        + PASSAGE
        + " Brekke, a former defender, has coached the reserve side for four seasons and "
        "will lead training from Monday. Supporters had called for a change after a run of "
        "home defeats that left the side near the bottom of the table.",
        CLAIM
        + PASSAGE
        + " The claim asks for a year's wages and damages for the way the dismissal was "
        "announced. A hearing before an employment tribunal is expected in the autumn, and "
        "the club's lawyers said they would contest every point of it.",
    ),
}


def test_the_same_people_alone_carry_the_caveat_in_the_json() -> None:
    cmp = compare(FIRED, CLAIM)
    assert cmp.verdict == "same-story", "the verdict stands"
    ev = cmp.to_dict()["evidence"]
    assert ev["rule"] == "same-focus" and ev["rule"] in NAME_RULES
    assert not (ev["quotes"] or ev["numbers"] or ev["dates"])
    assert ev["caveat"] == SAME_PEOPLE_ONLY
    assert ev["caveat"].startswith("same people only: no date, figure or quote in common, and")


@pytest.mark.parametrize("detail", sorted(WITH_DETAIL))
def test_a_shared_detail_removes_the_caveat(detail: str) -> None:
    a, b = WITH_DETAIL[detail]
    cmp = compare(a, b)
    assert cmp.verdict == "same-story"
    ev = cmp.evidence
    assert ev.caveat is None
    assert "caveat" not in cmp.to_dict()["evidence"]
    if detail == "quote":
        assert ev.rule == "shared-quote"
    else:  # still decided by the focal names: the detail alone lifts the caveat
        assert ev.rule == "same-focus"
    if detail == "passage":
        assert "shared-passage" in ev.held


def test_the_seeds_share_quotes_and_carry_no_caveat() -> None:
    cmp = compare(
        (ROOT / "examples/seed_a.txt").read_text(), (ROOT / "examples/seed_b.txt").read_text()
    )
    assert cmp.evidence.rule == "shared-quote" and cmp.evidence.caveat is None


def _terminal(cmp) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(terminal_summary(cmp))
    return out.getvalue()


def test_the_terminal_and_the_html_report_show_the_caveat() -> None:
    cmp = compare(FIRED, CLAIM)
    said = _terminal(cmp)
    assert "caveat" in said and "same people only" in said
    html = render_fragment(cmp)
    assert 'id="caveat"' in html and "same people only" in html
    plain = compare(*WITH_DETAIL["lead place"])
    assert "same people only" not in _terminal(plain)
    assert 'id="caveat"' not in render_fragment(plain)


def test_the_compare_command_shows_the_caveat(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(FIRED)
    b.write_text(CLAIM)
    runner = CliRunner()
    res = runner.invoke(app, ["compare", str(a), str(b), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["evidence"]["caveat"] == SAME_PEOPLE_ONLY
    res = runner.invoke(app, ["compare", str(a), str(b)])
    assert res.exit_code == 0, res.output
    assert "same people only" in " ".join(res.output.split())
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["compare", str(a), str(b), "--html", str(out)])
    assert res.exit_code == 0, res.output
    assert 'id="caveat"' in out.read_text()


def test_the_web_page_shows_the_caveat() -> None:
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    r = client.post("/compare", data={"a_text": FIRED, "b_text": CLAIM})
    assert r.status_code == 200 and 'id="caveat"' in r.text and "same people only" in r.text
    r = client.post("/api/compare", json={"a": FIRED, "b": CLAIM})
    assert r.json()["evidence"]["caveat"] == SAME_PEOPLE_ONLY
