"""The JSON Schemas in docs/ are generated from the records and match real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storytrace import schema
from storytrace.align import compare
from storytrace.corpus import index_records, stories
from storytrace.quotes import QuotesResult, extract_quotes

ROOT = Path(__file__).resolve().parents[1]
SEED_A = (ROOT / "examples" / "seed_a.txt").read_text(encoding="utf-8")
SEED_B = (ROOT / "examples" / "seed_b.txt").read_text(encoding="utf-8")


def _validator(name: str) -> jsonschema.Draft202012Validator:
    doc = json.loads((ROOT / "docs" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(doc)
    return jsonschema.Draft202012Validator(doc)


@pytest.mark.parametrize("name", sorted(schema.SCHEMAS))
def test_docs_schema_is_generated_from_the_records(name: str) -> None:
    # Regenerate with: python -m storytrace.schema
    path = ROOT / "docs" / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema.render(name)


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    assert schema.main(["--docs", str(tmp_path)]) == 0
    assert schema.main(["--docs", str(tmp_path), "--check"]) == 0
    (tmp_path / "edge.schema.json").write_text("{}\n", encoding="utf-8")
    assert schema.main(["--docs", str(tmp_path), "--check"]) == 1


def test_compare_output_matches_its_schema() -> None:
    out = json.loads(json.dumps(compare(SEED_A, SEED_B).to_dict()))
    _validator("compare").validate(out)
    # The schema is strict: an undocumented key is an error.
    out["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _validator("compare").validate(out)


def test_quotes_output_matches_its_schema() -> None:
    result = QuotesResult("seed_b.txt", SEED_B, extract_quotes(SEED_B))
    out = json.loads(json.dumps(result.to_dict()))
    assert out["quotes"]
    _validator("quotes").validate(out)


def test_stories_output_matches_edge_and_story_schemas(tmp_path: Path) -> None:
    copy = SEED_A.replace("Labour", "The Labour Party", 1)
    records = [
        ("a", {"text": SEED_A, "published": "2024-05-30T09:00:00Z"}),
        ("b", {"text": SEED_B, "published": "2024-05-30T12:00:00Z"}),
        ("c", {"text": copy, "published": "2024-05-31T08:00:00Z"}),
    ]
    index_records(records, tmp_path)
    result = stories(tmp_path)["stories"]
    assert result
    edges = [e for s in result for e in s["edges"]]
    assert edges
    for e in edges:
        _validator("edge").validate(json.loads(json.dumps(e)))
    for s in result:
        _validator("story").validate(json.loads(json.dumps(s)))


def test_stories_command_json_carries_the_title_and_summary_the_terminal_shows(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from storytrace.cli import app

    copy = SEED_A.replace("Labour", "The Labour Party", 1)
    records = [
        ("a", {"text": SEED_A, "title": "Labour housing pledge", "published": "2024-05-30"}),
        ("c", {"text": copy, "title": "Housing pledge copied", "published": "2024-05-31"}),
    ]
    index_records(records, tmp_path)
    runner = CliRunner()
    lines = runner.invoke(app, ["stories", "--db", str(tmp_path), "--json"]).output
    told = [json.loads(line) for line in lines.splitlines()]
    text = runner.invoke(app, ["stories", "--db", str(tmp_path)]).output
    story = next(s for s in told if len(s["articles"]) == 2)
    _validator("story").validate(story)
    # The earliest article's headline, and the line the terminal prints under it.
    assert story["title"] == "Labour housing pledge"
    assert f"story {story['id']}: Labour housing pledge" in text
    assert f"  {story['summary']}" in text
    # Dates a day apart do not order two articles (time zones), so neither is a copy of
    # known order.
    assert story["summary"].endswith(
        "0 copies of known order; 1 pair near-duplicate, order unknown"
    )


def test_quotes_command_output_matches_its_schema(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "storytrace",
            "quotes",
            str(ROOT / "examples" / "seed_b.txt"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in out.splitlines():
        _validator("quotes").validate(json.loads(line))
