"""The second quote tune set (``bench/quote_eval/tune2``, issue 15, session 35) is internally
consistent: the record format, ordered and non-overlapping spans, one text hash per article,
no article shared with the first or the fresh set, and the counts its guidelines state. The
offsets are checked against the rebuilt texts by ``bench/quote_eval.py --set tune2 --check``
(which needs the data)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "bench" / "quote_eval"
TUNE2 = HERE / "tune2" / "annotations.jsonl"
OTHERS = [HERE / "annotations.jsonl", HERE / "fresh" / "annotations.jsonl"]
GUIDELINES = HERE / "tune2" / "GUIDELINES.md"
FIELDS = {
    "article",
    "outlet",
    "topic",
    "text_sha256_12",
    "parts",
    "speaker",
    "speaker_type",
    "mention",
}
ARTICLE_ID = re.compile(r"bbc:(?:business|sport|entertainment|tech)/\d{3}\.txt")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _load(TUNE2)


def test_records_have_the_format(records):
    for i, r in enumerate(records):
        assert set(r) == FIELDS, i
        assert ARTICLE_ID.fullmatch(r["article"]), r["article"]
        assert re.fullmatch(r"[0-9a-f]{12}", r["text_sha256_12"]), i
        assert r["speaker"].strip() and r["topic"].strip(), i
        assert r["outlet"] == "bbc.co.uk", i
        assert r["speaker_type"] in ("person", "organisation", "unknown"), i
        parts = r["parts"]
        assert parts and all(0 <= s < e for s, e in parts), i
        assert all(a[1] <= b[0] for a, b in pairwise(parts)), i
        m = r["mention"]
        if m is not None:
            assert 0 <= m[0] < m[1], i
            assert not any(m[0] < e and s < m[1] for s, e in parts), i


def test_one_text_per_article_and_no_shared_content(records):
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_article[r["article"]].append(r)
    for article, recs in by_article.items():
        assert len({r["text_sha256_12"] for r in recs}) == 1, article
        spans = sorted(tuple(p) for r in recs for p in r["parts"])
        for a, b in pairwise(spans):
            assert a[1] <= b[0], f"{article}: two attributions share text {a} {b}"


def test_no_article_of_the_other_sets(records):
    others = {r["article"] for path in OTHERS for r in _load(path)}
    assert not {r["article"] for r in records} & others


def test_counts_the_guidelines_state(records):
    text = GUIDELINES.read_text(encoding="utf-8")
    groups = Counter(r["article"].split(":")[1].split("/")[0] for r in records)
    types = Counter(r["speaker_type"] for r in records)
    assert f"**{len(records)} attributions in {len({r['article'] for r in records})} BBC" in text
    for group, n in groups.items():
        assert f"{group} ({n} attributions)" in text or f"{group} ({n})" in text, group
    assert f"{types['person']}\nperson" in text or f"{types['person']} person" in text, types
    assert f"{types['organisation']} organisation, {types['unknown']} unknown" in text
