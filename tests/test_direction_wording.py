"""Issue 12: a direction is worded only as far as its evidence goes, in every view.

Found on ECB+ tune topic 21 (session 45): two outlets retelling one police release in other
words were printed `copy: ... <- ... (reworded, by time)`, counted as a copy and the earlier
one named the story's source. The dates show who published first, not that either copied.
The two texts below are such a pair, written for this test (kept here, not in
tests/fixtures, whose texts feed the stored-quotes digest of test_quotes_rule).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.align import compare
from storytrace.report.graph import GraphEdge, GraphNode, story_graph, story_graph_svg
from storytrace.report.shape import shape_stories
from storytrace.report.story_pages import render_stories_html
from storytrace.report.terminal import stories_text

FIRST_TEXT = "\n\n".join(
    [
        "Woman killed by hit-and-run driver in Queens",
        (
            "A 62-year-old woman was struck and killed by a driver who fled the scene in Queens "
            "early on Sunday morning, police said."
        ),
        (
            "The woman was crossing Northern Boulevard near 82nd Street at about 5.40am when a "
            "grey sedan hit her and kept going west, according to the police department."
        ),
        (
            "Officers found her lying in the road with severe injuries to her head and body, and "
            "paramedics took her to Elmhurst Hospital, where she was pronounced dead."
        ),
        (
            "Detectives are reviewing footage from cameras along the boulevard and have asked "
            "anyone who saw the crash to call the Crime Stoppers hotline."
        ),
        (
            'Inspector Dana Ruiz said: "Whoever did this left a woman dying in the road, and we '
            'will not stop until we find them."'
        ),
        "Her name was being withheld until her family had been told.",
    ]
)
LATER_TEXT = "\n\n".join(
    [
        "Police hunt driver who fled after fatal Queens crash",
        (
            "Police said a 62-year-old pedestrian died early on Sunday after a motorist ran her "
            "down in Queens and sped away."
        ),
        (
            "She was crossing Northern Boulevard close to 82nd Street shortly before 6am when a "
            "grey car struck her and carried on heading west, police said."
        ),
        (
            "Responding officers discovered her in the street with serious head and body "
            "injuries; an ambulance rushed her to Elmhurst Hospital and she died there."
        ),
        (
            "Investigators are studying video from cameras on the boulevard and want anyone who "
            "witnessed the collision to contact Crime Stoppers."
        ),
        (
            'Inspector Dana Ruiz said: "Whoever did this left a woman dying in the road, and we '
            'will not stop until we find them."'
        ),
        "Police have not released her name because relatives have still to be informed.",
        (
            "The stretch of Northern Boulevard has seen several serious crashes in recent years, "
            "and local residents have long asked the city for safer crossings."
        ),
    ]
)
FIRST_TITLE = "Woman killed by hit-and-run driver in Queens"
LATER_TITLE = "Police hunt driver who fled after fatal Queens crash"


@pytest.fixture(scope="module")
def retold_db(tmp_path_factory) -> Path:
    from storytrace import corpus

    folder = tmp_path_factory.mktemp("retold")
    rows = [
        {
            "id": "first",
            "title": FIRST_TITLE,
            "outlet": "Gazette",
            "published": "2024-10-20T09:00:00Z",
            "text": FIRST_TEXT,
        },
        {
            "id": "later",
            "title": LATER_TITLE,
            "outlet": "Post",
            "published": "2024-10-23T09:00:00Z",
            "text": LATER_TEXT,
        },
    ]
    src = folder / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert corpus.index([str(src)], folder / "db").added == 2
    return folder / "db"


def _stories(db: Path, *args: str) -> str:
    from storytrace.cli import app

    res = CliRunner().invoke(app, ["stories", "--db", str(db), *args])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_the_fixture_pair_is_reworded() -> None:
    cmp = compare(FIRST_TEXT, LATER_TEXT)
    assert cmp.verdict == "reworded"
    assert {p.kind for p in cmp.passages} >= {"reworded"}


def test_a_reworded_pair_ordered_by_its_dates_is_no_copy_in_the_terminal(retold_db) -> None:
    lines = _stories(retold_db).splitlines()
    assert lines[0] == f"story 1: {FIRST_TITLE}"
    # Not counted as a copy, and the earlier article is not the story's source.
    assert lines[1].endswith("; 0 copies") and "source:" not in lines[1]
    assert not any("copy:" in line or "<-" in line for line in lines)
    # What the dates do show: who published first; the later one retells in other words.
    assert (
        f"  reworded, not copied: Gazette 2024-10-20 09:00 “{FIRST_TITLE}” published first;"
        f" Post 2024-10-23 09:00 “{LATER_TITLE}” retells the shared passages in other words"
    ) in lines
    assert not any("order unknown" in line for line in lines)


def test_a_reworded_pair_keeps_its_order_and_basis_in_the_json(retold_db) -> None:
    (story,) = [json.loads(line) for line in _stories(retold_db, "--json").splitlines()]
    (edge,) = story["edges"]
    assert edge["verdict"] == "reworded"
    # The order is evidence: kept, with its basis and the two instants.
    assert edge["direction"] == {
        "from": "first",
        "to": "later",
        "basis": "time",
        "evidence": {
            "from_published": "2024-10-20T09:00:00Z",
            "to_published": "2024-10-23T09:00:00Z",
        },
    }
    assert "0 copies" in story["summary"] and "source:" not in story["summary"]


def test_the_schema_says_what_a_time_order_of_a_reworded_pair_means() -> None:
    schema = json.loads(
        (Path(__file__).parents[1] / "docs" / "edge.schema.json").read_text(encoding="utf-8")
    )
    way = schema["$defs"]["Direction"]["properties"]
    for key in ("from", "to"):
        assert "reworded" in way[key]["description"], key
    assert "reworded" in schema["properties"]["direction"]["description"]


def test_a_reworded_pair_ordered_by_its_dates_is_no_copy_in_the_html(retold_db, tmp_path) -> None:
    out = tmp_path / "stories.html"
    _stories(retold_db, "--html", str(out))
    page = out.read_text()
    link = re.search(r'<path class="edge edge-reworded"[^>]*>', page).group(0)
    # No arrow (source → copy) and no dashes (a copy whose direction is unknown).
    assert "marker-end" not in link and "dasharray" not in link
    row = re.search(
        rf"<td>{FIRST_TITLE}</td><td>(.)</td><td>{LATER_TITLE}</td>\s*<td>([^<]*)</td>"
        r"<td>([^<]*)</td>",
        page,
    )
    assert row.groups() == ("↔", "reworded (not a copy; “from” published first)", "time")
    assert "retold in other words, not a copy" in page  # the legend


def _edge(a: str, b: str, verdict: str, direction: dict | None) -> dict:
    return {
        "a": a,
        "b": b,
        "verdict": verdict,
        "coverage": {"a": 0.4, "b": 0.5},
        "direction": direction,
    }


def _by_time(a: str, b: str) -> dict:
    return {"from": a, "to": b, "basis": "time", "evidence": {}}


def test_copies_by_time_stay_copies_beside_a_reworded_pair() -> None:
    """A copy by time is still a copy, and the story's source is the copied article, not the
    earlier article a third one retells."""
    meta = {
        i: {"id": i, "title": t, "published": d}
        for i, t, d in (
            ("nypd", "Police appeal after crash", "2024-10-18"),
            ("ny1", "Woman killed in Queens", "2024-10-20"),
            ("wsj", "Driver charged", "2024-10-23"),
        )
    }
    raw = {
        "id": 1,
        "articles": sorted(meta),
        "edges": [
            _edge("nypd", "ny1", "reworded", _by_time("nypd", "ny1")),
            _edge("ny1", "wsj", "copied", _by_time("ny1", "wsj")),
        ],
    }
    (story,) = shape_stories([raw], meta)
    by_kind = {e["kind"]: e for e in story["edges"]}
    assert by_kind["copied"]["directed"] is True
    reworded = by_kind["reworded"]
    assert reworded["directed"] is False and reworded["basis"] == "time"
    assert (reworded["source"], reworded["target"]) == ("nypd", "ny1")  # first, then later
    assert story["copies"] == 1 and story["summary"].endswith(
        "; 1 copy; source: Woman killed in Queens"
    )
    text = stories_text([story])
    assert text.count("copy:") == 1 and "“Driver charged” <- " in text


def test_a_reworded_pair_from_one_source_says_what_it_rests_on() -> None:
    """A reworded pair whose shared text both credit to AP is listed with that evidence, not
    counted among the pairs of unknown order; it is no copy of either."""
    meta = {i: {"id": i, "title": f"Quake report {i}"} for i in "ab"}
    wire = {
        "from": None,
        "to": None,
        "basis": "common-source",
        "evidence": {"wire": ["AP"], "credits": {"a": [{"context": "TOKYO (AP) —"}]}},
    }
    raw = {"id": 1, "articles": ["a", "b"], "edges": [_edge("a", "b", "reworded", wire)]}
    (story,) = shape_stories([raw], meta)
    text = stories_text([story])
    assert (
        "  reworded, from one source (AP credited by both: “TOKYO (AP) —”): "
        "“Quake report a” and “Quake report b”" in text
    )
    assert "order unknown" not in text and "copy" not in text.replace("0 copies", "")


def test_the_graph_draws_no_copy_for_a_reworded_pair() -> None:
    """Dashes mean a copy whose direction is unknown and an arrow a copy's direction; a
    reworded pair is neither, whatever its basis."""
    nodes = [GraphNode("a", "First", "x", "2024-10-20"), GraphNode("b", "Later", "y", "2024-10-23")]
    svg = story_graph_svg(nodes, [GraphEdge("a", "b", "reworded", directed=False)])
    link = re.search(r'<path class="edge edge-reworded"[^>]*>', svg).group(0)
    assert "marker-end" not in link and "dasharray" not in link
    arts = [{"id": "a", "label": "First"}, {"id": "b", "label": "Later"}]
    edge = {
        "source": "a",
        "target": "b",
        "kind": "reworded",
        "directed": False,
        "basis": "time",
        "source_title": "First",
        "target_title": "Later",
    }
    svg = story_graph({"articles": arts, "edges": [edge]})
    assert "<title>First ↔ Later: reworded, not a copy (First published first)</title>" in svg


def test_the_story_pages_do_not_call_a_rewording_a_copy() -> None:
    meta = {
        "a": {"id": "a", "title": "First", "published": "2024-10-20"},
        "b": {"id": "b", "title": "Later", "published": "2024-10-23"},
    }
    raw = {
        "id": 1,
        "articles": ["a", "b"],
        "edges": [_edge("a", "b", "reworded", _by_time("a", "b"))],
    }
    (story,) = shape_stories([raw], meta)
    page = render_stories_html([story])
    said = " ".join(page.split())
    assert "plain blue lines join articles that retell shared passages in other words" in said


def test_a_reworded_pair_of_unknown_order_is_no_copy_of_unknown_direction() -> None:
    """'direction unknown' says someone copied; a retelling in other words claims no copying,
    whether nothing orders the pair or both drew on one source."""
    meta = {i: {"id": i, "title": f"Report {i}"} for i in "abc"}
    wire = {"from": None, "to": None, "basis": "common-source", "evidence": {"earlier": "c"}}
    raw = {
        "id": 1,
        "articles": ["a", "b", "c"],
        "edges": [_edge("a", "b", "reworded", None), _edge("a", "c", "reworded", wire)],
    }
    (story,) = shape_stories([raw], meta)
    page = render_stories_html([story])
    cells = re.findall(r"<td>(reworded[^<]*)</td>", page)
    assert cells == ["reworded (not a copy; order unknown)", "reworded (not a copy)"]
    assert "direction unknown" not in page.split('<table class="list story-edges"')[1]
