"""Publication times in story clustering: similar articles published far apart are two
stories unless a republication joins them; a shared quote or lesser reuse joins them only
within the window (dates.STORY_DAYS, stories.links_stories)."""

import random
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from test_stories import BRIDGE, BRIDGE2, TOUR, TOUR2
from test_story_update import _corpus, _from_scratch_with_stored_basis, _tables, _tmp

from storytrace import corpus, dates
from storytrace import stories as st
from storytrace.store import STORY_RULE

QUOTE = '"We will rebuild every home that the river took from us this winter," the mayor said.'


def test_far_apart_counts_a_bare_date_as_its_whole_day():
    assert dates.STORY_DAYS == 7
    # Dates 7 days apart: the gap from the end of the first day is 6 days.
    assert not st.far_apart("2016-02-24", "2016-03-02")
    assert st.far_apart("2016-02-24", "2016-03-03")
    assert not st.far_apart("2016-02-24", "2016-03-02T23:59:59Z")
    assert st.far_apart("2016-02-24", "2016-03-03T00:00:00Z")
    # Instants: exactly seven days is not more than seven days.
    assert not st.far_apart("2016-02-24T10:00:00Z", "2016-03-02T10:00:00Z")
    assert st.far_apart("2016-03-02T10:00:01Z", "2016-02-24T10:00:00Z")
    # Unknown or unreadable instants are far from nothing.
    assert not st.far_apart(None, "2016-03-02")
    assert not st.far_apart("2015-01-01", "sometime")


def test_similar_articles_a_year_apart_are_two_stories():
    texts = {"b1": BRIDGE, "b2": BRIDGE2, "t": TOUR}
    apart = {"b1": "2015-03-01", "b2": "2016-03-01T09:00:00Z"}
    assert st.cluster(texts, published=apart) == [["b1"], ["b2"], ["t"]]
    # Days apart, one of them undated, or no dates at all: one story, as before.
    for published in ({"b1": "2016-02-26", "b2": "2016-03-01T09:00:00Z"}, {"b2": "2016"}, None):
        assert st.cluster(texts, published=published) == [["b1", "b2"], ["t"]]


def test_reuse_or_a_shared_quote_still_joins_them():
    texts = {"b1": BRIDGE, "b2": BRIDGE2}
    apart = {"b1": "2015-03-01", "b2": "2016-03-01"}
    assert st.cluster(texts, linked=[("b1", "b2")], published=apart) == [["b1", "b2"]]


def test_stored_scores_and_stories_keep_far_pairs_apart(tmp_path, monkeypatch):
    def recs(b1, b2, quote=""):
        return [
            ("b1", {"text": BRIDGE + quote, "published": b1}),
            ("t1", {"text": TOUR, "published": "2016-01-05"}),
            ("t2", {"text": TOUR2, "published": "2016-01-06"}),
            ("b2", {"text": BRIDGE2 + quote, "published": b2}),
        ]

    def groups(db):
        return sorted(s["articles"] for s in corpus.stories(db)["stories"])

    def bridge_score(db):
        # Every scored pair, of the computation anew and of the updates since.
        with corpus.Store(db, readonly=True) as s:
            ids = s.ids()
            return [(v,) for a, b, v in s.story_pairs() if {ids[a], ids[b]} == {"b1", "b2"}]

    corpus.index_records(recs("2015-03-01", "2016-03-01"), tmp_path / "apart")
    assert groups(tmp_path / "apart") == [["b1"], ["b2"], ["t1", "t2"]]
    assert bridge_score(tmp_path / "apart") == [(0.0,)]  # scored, and zeroed
    corpus.index_records(recs("2016-02-27", "2016-03-01"), tmp_path / "near")
    assert groups(tmp_path / "near") == [["b1", "b2"], ["t1", "t2"]]
    assert bridge_score(tmp_path / "near")[0][0] > st.AVERAGE_LINK
    # With the quote the two short texts align as a rewording of each other (coverage 1.0):
    # a republication, which joins them whatever the gap.
    corpus.index_records(recs("2015-03-01", "2016-03-01", " " + QUOTE), tmp_path / "quote")
    assert groups(tmp_path / "quote") == [["b1", "b2"], ["t1", "t2"]]
    # Added a year later to a stored one: the update applies the same rule.
    monkeypatch.setattr(corpus, "REBASE", 1e9)
    corpus.index_records(recs("2015-03-01", "2016-03-01")[:3], tmp_path / "later")
    corpus.index_records(recs("2015-03-01", "2016-03-01"), tmp_path / "later")
    assert groups(tmp_path / "later") == [["b1"], ["b2"], ["t1", "t2"]]
    assert bridge_score(tmp_path / "later") == [(0.0,)]


# A poll's methodology paragraph, as an outlet prints it under each of its polls.
METHOD = (
    " The poll was conducted by telephone on landlines and cellphones with 1,008 adults "
    "nationwide, including 848 registered voters. The margin of sampling error is plus or "
    "minus four percentage points for all adults and for registered voters."
)


POLL1 = (
    "Senator Ruth Alvarez leads the Republican field in Iowa with 31 percent, ahead of "
    "Governor Tom Becker on 22 percent, a new Monmouth poll finds. Alvarez gained eight "
    "points since December, helped by evangelical voters and strong support in rural "
    "counties. Becker has spent heavily on television advertising in Des Moines and Cedar "
    "Rapids but his numbers have barely moved. Among Democrats, turnout enthusiasm is lower "
    "than four years ago, with fewer than half of likely caucus-goers saying they are "
    "certain to attend."
)
POLL2 = (
    "Voters in California are split over the proposed high-speed rail bond, with 46 percent "
    "in favour and 44 percent against, a Monmouth survey released on Thursday shows. "
    "Support is strongest in Los Angeles and the Bay Area and weakest in the Central Valley, "
    "where the line would run through farmland. Opponents cite the rising cost estimates, "
    "now above one hundred billion dollars, while supporters point to jobs and cleaner air. "
    "The measure goes before voters in November alongside a water bond."
)


CINEMA = (
    "The city's oldest cinema will reopen in the autumn after a two-year restoration of its "
    "art deco auditorium and original organ, paid for by a lottery grant and local donors."
)


def test_reuse_far_apart_joins_stories_only_when_it_is_a_republication(tmp_path, monkeypatch):
    copy = BRIDGE.replace("Tuesday", "Wednesday") + " The council will meet again in May."
    recs = [
        ("poll1", {"text": POLL1 + METHOD, "published": "2016-01-04"}),
        ("poll2", {"text": POLL2 + METHOD, "published": "2016-05-26T14:00:00Z"}),
        ("orig", {"text": BRIDGE2, "published": "2015-02-01"}),
        ("repub", {"text": BRIDGE2 + " (First published in February.)", "published": "2015-06-01"}),
        ("q1", {"text": TOUR2 + " " + QUOTE, "published": "2016-01-06"}),
        ("q2", {"text": copy + " " + QUOTE, "published": "2016-01-09"}),
        ("q3", {"text": CINEMA + " " + QUOTE, "published": "2016-09-01"}),
    ]
    db = tmp_path / "db"
    corpus.index_records(recs, db)
    with corpus.Store(db, readonly=True) as s:
        ids = s.ids()
        facts = {(ids[a], ids[b]): (v, ca, cb) for a, b, v, ca, cb, _, _ in s.edge_facts()}
    # The template is reuse, stored as an edge, but over four months it makes no story ...
    (poll,) = [f for k, f in facts.items() if set(k) == {"poll1", "poll2"}]
    assert max(poll[1], poll[2]) < st.STORY_LINK_SHARE
    # ... while a republication four months later, and a quote shared three days apart, do.
    assert any(set(k) == {"orig", "repub"} for k in facts)
    groups = sorted(sorted(s["articles"]) for s in corpus.stories(db)["stories"])
    assert ["orig", "repub"] in groups and ["poll1"] in groups and ["poll2"] in groups
    # A story lists only the edges between its own articles: the poll template's edge joins
    # two stories, so neither story page shows it as a link "between these articles".
    for story in corpus.stories(db)["stories"]:
        members = set(story["articles"])
        assert all({e["a"], e["b"]} <= members for e in story["edges"]), story
    assert any({"q1", "q2"} <= set(g) for g in groups)
    # The quote again eight months later: a statement quoted again, not that story.
    assert ["q3"] in groups
    # The update applies the same rule as a grouping from scratch.
    monkeypatch.setattr(corpus, "REBASE", 1e9)
    corpus.index_records(recs[:3], tmp_path / "later")
    corpus.index_records(recs, tmp_path / "later")
    later = sorted(sorted(s["articles"]) for s in corpus.stories(tmp_path / "later")["stories"])
    assert later == groups


def test_stories_stored_by_the_rule_before_are_recomputed(tmp_path, monkeypatch):
    recs = [
        ("b1", {"text": BRIDGE, "published": "2015-03-01"}),
        ("b2", {"text": BRIDGE2, "published": "2016-03-01"}),
        ("t1", {"text": TOUR, "published": "2016-01-05"}),
    ]
    db = tmp_path / "db"
    corpus.index_records(recs, db)
    # A store grouped by the code before the rule: same tables, no rule in meta, and the
    # far pair in one story.
    con = sqlite3.connect(db / "storytrace.db")
    with con:
        con.execute("DELETE FROM meta WHERE key='story_rule'")
        con.execute("UPDATE story_of SET story = (SELECT min(doc) FROM story_of)")
    con.close()
    with corpus.Store(db, readonly=True) as s:
        assert s.stored_stories() is None and s.story_basis() is None
    assert sorted(s["articles"] for s in corpus.stories(db)["stories"]) == [["b1"], ["b2"], ["t1"]]
    full = []
    real = st.full_state
    monkeypatch.setattr(st, "full_state", lambda *a, **k: full.append(1) or real(*a, **k))
    corpus.index_records(recs + [("t2", {"text": TOUR2, "published": "2016-01-06"})], db)
    assert full == [1]  # grouped anew, not updated onto the old rows
    with corpus.Store(db, readonly=True) as s:
        assert len(s.stored_stories()) == 3
        assert s.db.execute("SELECT value FROM meta WHERE key='story_rule'").fetchone() == (
            STORY_RULE,
        )


def _dated(recs, seed):
    """The records with publication instants over about two months: undated, bare dates
    and times, so that pairs fall on both sides of the window and on its edge."""
    rng = random.Random(seed)
    out = []
    for i, r in recs:
        day = rng.choice([0, 1, 6, 7, 8, 9, 30, 60])
        kind = rng.random()
        if kind < 0.2:
            published = None
        elif kind < 0.6:
            published = f"2016-03-{1 + day % 30:02d}" if day < 30 else f"2016-0{3 + day // 30}-01"
        else:
            published = 1456790400 + day * 86400 + rng.choice([0, 1, 3600, 86399])
        out.append((i, {**r, "published": published}))
    return out


@settings(max_examples=10, deadline=None)
@given(
    seed=hs.integers(0, 10_000),
    n=hs.integers(8, 24),
    cuts=hs.lists(hs.floats(0.1, 0.9), min_size=1, max_size=3),
)
def test_updates_with_dates_equal_a_grouping_of_everything(seed, n, cuts):
    recs = _dated(_corpus(seed, n), seed)
    ends = sorted({max(1, int(c * n)) for c in cuts}) + [n]
    with pytest.MonkeyPatch.context() as mp, _tmp() as tmp:
        mp.setattr(corpus, "REBASE", 1e9)  # every later run updates
        for end in ends:
            corpus.index_records(recs[:end], tmp)
        updated = _tables(tmp)
        scratch = _from_scratch_with_stored_basis(tmp)
    assert updated == scratch


def test_index_in_two_halves_with_dates_gives_the_stories_of_one_run(tmp_path):
    recs = _dated(_corpus(7, 24), 7)
    corpus.index_records(recs, tmp_path / "once")
    corpus.index_records(recs[:12], tmp_path / "halves")
    corpus.index_records(recs, tmp_path / "halves")
    assert corpus.stories(tmp_path / "halves") == corpus.stories(tmp_path / "once")
    con = sqlite3.connect(tmp_path / "once" / "storytrace.db")
    zeroed = con.execute("SELECT count(*) FROM story_pair WHERE score = 0").fetchone()[0]
    con.close()
    assert zeroed > 0  # the corpus does put similar pairs outside the window
