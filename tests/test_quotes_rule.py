"""Stored quotes follow the extraction that stored them (store.QUOTES_RULE): ``index`` extracts
the quotes of every stored article again when the rule changed, realigns the reuse when their
words changed, and resumes an interrupted pass."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from storytrace import corpus, store
from storytrace.corpus import index_records, quote_rows
from storytrace.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

EXAMPLES = Path(__file__).parent.parent / "examples"

DIGEST = ("16", "7523dc8ac6a5ce09")
""":data:`storytrace.store.QUOTES_RULE` and the digest of :func:`_rows_digest` under it. The
fixtures alone held no text that session 39's three extraction changes touched (their digest
stayed the same); the bundled seed pair, quote-rich, changed under the first of them. Rule 6
(session 40, recall15m: which quotes are found) and rule 7 (session 40, speaker15m: speaker
names on BBC News and PolNeAR) changed neither, nor did rule 8 (session 41, speaker15n:
speaker names and spans on BBC News and PolNeAR) or rule 9 (session 41, precision15n: which
quotes are found and where their content ends). Session 41's re-opened quotation changed the
stored quotes of BBC texts but not of a fixture, so ``fixtures/quotes/shapes.txt`` (session 42)
holds a made-up article of the shapes extraction handles (interrupted and run-on quotations, a
re-opened quotation after a colon, coordinated cues, an apposition, a title named later, an
organisation's statement, a naming frame, beliefs, findings and sport's "added a goal"). Rule
11 (session 44, quotelink44: colon frames in a list item pasted mid-paragraph, and in a unit
whose only attribution is a finding) changed no fixture and no real text. Rule 12 (session
45, lexicon45: offices written as titles are no part of a speaker's name) changed the
fixtures' rows; rule 13 (session 46, quotes46: a newcomer's errors, a gendered title's
surname) did not. Rule 14 (session 47, quotes47) changed them: a direct quote's part no longer
keeps the comma that closes its quotation before the frame. Rule 15 (session 48, qhead48: the
headline is ``articles.headline_span``'s) changed them: the seed pair's long headline in
``seed_b.txt`` holds no quote. Rule 16 (session 48, quotes48: a quotation closing its
paragraph ends there; 'since, he said,') did not."""


def _rows_digest() -> str:
    h = hashlib.sha256()
    for p in sorted([*FIXTURES.rglob("*.txt"), *EXAMPLES.glob("*.txt")]):
        h.update(p.name.encode())
        h.update(repr(quote_rows(p.read_text(encoding="utf-8"))).encode())
    return h.hexdigest()[:16]


def test_a_change_of_the_stored_quotes_raises_the_rule():
    assert (store.QUOTES_RULE, _rows_digest()) == DIGEST, (
        "what the quote extraction stores changed: raise storytrace.store.QUOTES_RULE and "
        f"record the new rule with {_rows_digest()!r} in DIGEST"
    )


A = (
    '"We will sort out the trains by spring," Transport Secretary Ann Blake said on Monday. '
    "Commuters have waited two years for the new timetable. "
    '"Nobody should stand for an hour on a morning train," she added.'
)
B = (
    "Ann Blake promised a new timetable. "
    '"We will sort out the trains by spring," the transport secretary told reporters. '
    "Rail unions were not convinced by the plan."
)
C = "A recipe for plum jam: boil the fruit with sugar and lemon until it sets on a cold plate."
RECS = [("a", {"text": A}), ("b", {"text": B}), ("c", {"text": C})]


def _fresh(tmp_path: Path) -> tuple[dict, list]:
    index_records(RECS, tmp_path / "fresh")
    with Store(tmp_path / "fresh", readonly=True) as s:
        return {d: s.quotes(d) for d in s.ids()}, s.edges()


def _old_rule(db: Path) -> None:
    """Make ``db`` look like a store whose quotes an earlier extraction stored."""
    con = sqlite3.connect(db / "storytrace.db")
    with con:
        con.execute("UPDATE meta SET value='0' WHERE key='quotes_rule'")
    con.close()


def _first_quote_only(text: str) -> list[tuple]:
    """An 'earlier extraction' that found only each article's first quote."""
    return [r for r in quote_rows(text) if r[4] == 0]


def _old_store(db: Path, monkeypatch: pytest.MonkeyPatch, recs: list = RECS) -> Path:
    """``recs`` indexed into ``db`` by an 'earlier extraction' (:func:`_first_quote_only`)
    under an earlier rule."""
    with monkeypatch.context() as m:
        m.setattr(corpus, "quote_rows", _first_quote_only)
        index_records(recs, db)
    _old_rule(db)
    return db


def test_quotes_of_an_earlier_extraction_are_extracted_again_and_reuse_realigned(
    tmp_path, monkeypatch
):
    quotes, edges = _fresh(tmp_path)
    assert any(len(qs) > 1 for qs in quotes.values())
    db = tmp_path / "old"
    with monkeypatch.context() as m:
        m.setattr(corpus, "quote_rows", _first_quote_only)
        index_records(RECS, db)
    with Store(db) as s:
        assert not s.quotes_stale()
        assert {d: s.quotes(d) for d in s.ids()} != quotes
    _old_rule(db)
    with Store(db) as s:
        assert s.quotes_stale()
    report = index_records(RECS, db)  # nothing new: the texts are unchanged
    assert (report.added, report.requoted, report.realigned) == (0, 3, True)
    with Store(db, readonly=True) as s:
        assert not s.quotes_stale()
        assert {d: s.quotes(d) for d in s.ids()} == quotes
        assert s.edges() == edges
    again = index_records(RECS, db)
    assert (again.requoted, again.realigned) == (0, False)


def test_the_same_quotes_under_a_new_rule_keep_the_stored_reuse(tmp_path):
    index_records(RECS, tmp_path)
    _old_rule(tmp_path)
    report = index_records(RECS, tmp_path)
    assert (report.requoted, report.realigned, report.pairs) == (3, False, 0)


def test_an_interrupted_pass_resumes_after_its_last_batch(tmp_path, monkeypatch):
    quotes, _ = _fresh(tmp_path)
    db = _old_store(tmp_path / "old", monkeypatch)
    monkeypatch.setattr(corpus, "BATCH", 1)
    calls = []
    real = Store.replace_quotes

    def stop_after_first(self, rows, upto, changed):
        if calls:
            raise KeyboardInterrupt
        calls.append(upto)
        return real(self, rows, upto, changed)

    with monkeypatch.context() as m:
        m.setattr(Store, "replace_quotes", stop_after_first)
        with pytest.raises(corpus.Interrupted):
            index_records(RECS, db)
    with Store(db, readonly=True) as s:
        assert s.quotes_stale()
        assert s.requote_state() == (calls[0], True)  # the first doc's quotes changed
    report = index_records(RECS, db)
    assert (report.requoted, report.realigned) == (2, True)  # the two docs left
    with Store(db, readonly=True) as s:
        assert {d: s.quotes(d) for d in s.ids()} == quotes


def test_no_quotes_leaves_stored_quotes_as_they_are(tmp_path):
    index_records(RECS, tmp_path)
    _old_rule(tmp_path)
    report = index_records(RECS, tmp_path, quotes=False)
    assert report.requoted == 0
    with Store(tmp_path, readonly=True) as s:
        assert s.quotes_stale()


def test_a_migrated_store_holds_quotes_of_an_earlier_rule(tmp_path):
    index_records(RECS, tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    with con:
        con.execute("DELETE FROM meta WHERE key='quotes_rule'")
    con.close()
    with Store(tmp_path) as s:
        assert s.quotes_stale()


def test_worker_processes_extract_the_same_quotes(tmp_path, monkeypatch):
    quotes, _ = _fresh(tmp_path)
    db = _old_store(tmp_path / "old", monkeypatch)
    monkeypatch.setattr(corpus, "PREPARE_HERE", 1)  # a pool for three articles
    assert index_records(RECS, db, workers=2).requoted == 3
    with Store(db, readonly=True) as s:
        assert {d: s.quotes(d) for d in s.ids()} == quotes


def test_index_says_it_extracted_quotes_again(tmp_path):
    from click.testing import CliRunner

    from storytrace.cli import app

    src = tmp_path / "in"
    src.mkdir()
    for name, rec in RECS:
        (src / f"{name}.txt").write_text(rec["text"], encoding="utf-8")
    db = tmp_path / "db"
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(src), "--db", str(db)]).exit_code == 0
    _old_rule(db)
    res = runner.invoke(app, ["index", str(src), "--db", str(db)])
    assert res.exit_code == 0
    assert "note: quotes extracted again from 3 stored articles" in res.stderr


def test_articles_added_in_the_same_run_are_not_extracted_again(tmp_path, monkeypatch):
    quotes, _ = _fresh(tmp_path)
    db = _old_store(tmp_path / "old", monkeypatch, RECS[:2])
    seen = []
    real = corpus.quote_rows

    def counted(text):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(corpus, "quote_rows", counted)
    report = index_records(RECS, db)  # c is new: its quotes are this version's already
    assert (report.added, report.requoted) == (1, 2)
    assert sorted(seen) == sorted(rec["text"] for _, rec in RECS)  # each text once
    with Store(db, readonly=True) as s:
        assert {s.ids()[d]: s.quotes(d) for d in s.ids()} == {
            i: quotes[d] for d, i in _ids(tmp_path / "fresh").items()
        }


def _ids(db: Path) -> dict[int, str]:
    with Store(db, readonly=True) as s:
        return s.ids()


def test_extracting_quotes_again_is_a_phase_of_its_own_with_a_total(tmp_path):
    index_records(RECS, tmp_path)
    _old_rule(tmp_path)
    calls: list[tuple] = []
    index_records(RECS, tmp_path, progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "quotes"][-1] == ("quotes", 3, 3)
    assert [c[0] for c in calls].index("quotes") > [c[0] for c in calls].index("reading")
