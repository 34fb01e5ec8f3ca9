"""Stored stories are updated for new articles only, and equal a grouping of everything."""

import random
import sqlite3
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from storytrace import corpus
from storytrace import stories as st

WORDS = (
    "council bridge river storm flood police court judge trial museum school teacher "
    "hospital nurse doctor strike union wages factory plant energy price market shares "
    "bank rates housing rent tenants mayor election vote budget tax road rail train "
    "airport flight fire crews wildfire drought farmers harvest festival concert band "
    "stadium match coach striker injury transfer league title season record crowd"
).split()
COMMON = "the a of to in and on for with after before over said was were has had".split()
NAMES = (
    "Leeds Paris Lagos Osaka Quito Maria Lopez Tom Reed Ana Silva Ken Ito Jo Bell "
    "Sam Okafor Lena Berg Omar Haddad"
).split()
YEARS = ["2019", "2020", "2021", "2022", "2023"]
LOOSE = [f"w{k}x" for k in range(600)]


def _sentence(rng: random.Random, names: list[str], year: str, topic: list[str]) -> str:
    words = rng.choices(topic, k=5) + rng.choices(COMMON, k=4) + rng.choices(WORDS, k=2)
    words += [rng.choice(names)] * rng.randint(0, 2)
    if rng.random() < 0.3:
        words.append(year)
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def _corpus(seed: int, n: int) -> list[tuple[str, dict]]:
    """Articles about a few events of a few kinds: shared names, years, topic words, some
    copied sentences (reuse edges) and some shared quotes (quote links)."""
    rng = random.Random(seed)
    events = []
    for _ in range(max(2, n // 4)):
        events.append((rng.sample(NAMES, 3), rng.choice(YEARS), rng.sample(WORDS, 10)))
    quotes = [" ".join(rng.choices(WORDS + COMMON, k=8)) for _ in range(3)]
    texts: list[str] = []
    recs = []
    for i in range(n):
        names, year, topic = rng.choice(events)

        head = f"{rng.choice(names)} {rng.choice(topic)} {rng.choice(topic)} in {rng.choice(names)}"
        body = [_sentence(rng, names, year, topic) for _ in range(rng.randint(2, 5))]
        if texts and rng.random() < 0.2:
            body += texts[rng.randrange(len(texts))].split("\n")[1].split(". ")[:3]
        if rng.random() < 0.25:
            body.append(f'{rng.choice(names)} said: "{rng.choice(quotes)}."')
        texts.append(head + "\n" + " ".join(body))
        recs.append((f"art{i:03d}", {"text": texts[-1]}))
    return recs


def _tables(db) -> dict[str, list]:
    con = sqlite3.connect(f"file:{db}/storytrace.db?mode=ro", uri=True)
    try:
        out = {
            t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()  # noqa: S608
            for t in ("story_of", "story_vec", "story_vocab")
        }
    finally:
        con.close()
    # The pairs and postings of a computation anew and of the updates since, wherever they
    # are kept.
    with corpus.Store(db, readonly=True) as s:
        out["story_pair"] = s.story_pairs()
        out["story_post"] = postings_by_term(s.story_post_rows())
    return out


def postings_by_term(rows: list[tuple]) -> list[tuple[int, list[tuple[int, float]]]]:
    """Each term's stored story postings (``Store.story_post_rows``) as sorted ``(doc,
    weight)`` pairs, whatever parts they are stored in (a computation anew writes one, each
    update adds one)."""
    merged: dict[int, list[tuple[int, float]]] = {}
    for term, _, docs, weights in rows:
        docs_, weights_ = np.frombuffer(docs, dtype=np.int64), np.frombuffer(weights)
        pairs = zip(docs_.tolist(), weights_.tolist(), strict=True)
        merged.setdefault(term, []).extend(pairs)
    return sorted((t, sorted(p)) for t, p in merged.items())


def _from_scratch_with_stored_basis(db) -> dict[str, list]:
    """The story tables as a grouping of everything stored, with the stored basis."""
    with corpus.Store(db) as s:
        state = st.full_state(s, st.stored_basis(s))
        assert s.add_stories(state, s.generation(), fresh=True)
    return _tables(db)


@settings(max_examples=12, deadline=None)
@given(
    seed=hs.integers(0, 10_000),
    n=hs.integers(8, 28),
    cuts=hs.lists(hs.floats(0.1, 0.9), min_size=1, max_size=3),
    max_df=hs.sampled_from([3, st.MAX_DF]),
    at_a_time=hs.sampled_from([(st._PRODUCT_ROWS, st._HELD_PART), (2, 3), (1, 1)]),
)
def test_updates_equal_a_grouping_of_everything_with_the_same_basis(
    seed, n, cuts, max_df, at_a_time
):
    recs = _corpus(seed, n)
    ends = sorted({max(1, int(c * n)) for c in cuts}) + [n]
    with pytest.MonkeyPatch.context() as mp, _tmp() as tmp:
        mp.setattr(st, "MAX_DF", max_df)  # so that some terms are left out as too common
        # The update takes new rows and stored docs a part at a time: parts this small make
        # those loops run many times on these small corpora.
        mp.setattr(st, "_PRODUCT_ROWS", at_a_time[0])
        mp.setattr(st, "_HELD_PART", at_a_time[1])
        mp.setattr(corpus, "REBASE", 1e9)  # never start over: every later run updates
        full_calls = []
        real = st.full_state
        mp.setattr(st, "full_state", lambda *a, **k: full_calls.append(1) or real(*a, **k))
        for end in ends:
            corpus.index_records(recs[:end], tmp)
        assert len(full_calls) == 1  # the first run only
        updated = _tables(tmp)
        scratch = _from_scratch_with_stored_basis(tmp)
    # Same stories, groups, parts, linked components and sizes (each named by its
    # smallest doc), the same scored pairs bit for bit, the same stored weights.
    assert updated == scratch


def test_two_runs_give_the_stories_of_one_run_once_the_basis_is_renewed(tmp_path, monkeypatch):
    recs = _corpus(7, 30)
    corpus.index_records(recs, tmp_path / "once")
    corpus.index_records(recs[:20], tmp_path / "halves")
    corpus.index_records(recs, tmp_path / "halves")  # 50% more than the basis: anew
    assert corpus.stories(tmp_path / "halves") == corpus.stories(tmp_path / "once")
    assert _tables(tmp_path / "halves") == _tables(tmp_path / "once")
    # Under REBASE it is an update, with the first run's basis.
    monkeypatch.setattr(corpus, "REBASE", 1.0)
    corpus.index_records(recs[:20], tmp_path / "update")
    corpus.index_records(recs, tmp_path / "update")
    with corpus.Store(tmp_path / "update", readonly=True) as s:
        assert s.story_basis() == 20
    updated = _tables(tmp_path / "update")
    assert updated == _from_scratch_with_stored_basis(tmp_path / "update")


@pytest.mark.parametrize("seed", range(6))
def test_updates_keep_the_lead_name_test_of_a_grouping_anew(seed, tmp_path, monkeypatch):
    """Single articles kept alone because their nearest story shares no lead name decide
    again, when a story near them changes, among all stories, as a grouping anew does."""
    rng = random.Random(seed)
    recs = _corpus(seed, 24) + [(f"loose{k:02d}", {"text": _loose(rng, k)}) for k in range(24)]
    rng.shuffle(recs)
    monkeypatch.setattr(corpus, "REBASE", 1e9)
    for end in (16, 28, 38, 48):
        corpus.index_records(recs[:end], tmp_path)
    updated = _tables(tmp_path)
    assert updated == _from_scratch_with_stored_basis(tmp_path)
    with corpus.Store(tmp_path, readonly=True) as s:
        ids = s.ids()
    story = {ids[d]: r for d, r, *_ in updated["story_of"]}
    sizes = Counter(story.values())
    loose = [i for i in story if i.startswith("loose")]
    assert any(sizes[story[i]] == 1 for i in loose) and any(sizes[story[i]] > 1 for i in loose)


def test_a_replaced_article_makes_the_next_index_group_anew(tmp_path):
    recs = _corpus(3, 16)
    corpus.index_records(recs, tmp_path)
    changed = [(recs[0][0], {"text": recs[5][1]["text"] + " An added line about rates."})]
    with corpus.Store(tmp_path, readonly=True) as s:
        assert s.story_basis() == 16
    corpus.index_records(changed, tmp_path)
    corpus.index_records(recs[1:] + changed, tmp_path / "once")
    with corpus.Store(tmp_path, readonly=True) as s:
        assert s.story_basis() == 16  # renewed over the 16 stored now
    assert corpus.stories(tmp_path) == corpus.stories(tmp_path / "once")


def test_attach_choice_reads_first_ids_only_to_break_a_tie():
    group_of = {"g1": "G", "g2": "G", "h1": "H", "z1": "Z"}
    size_of = {"G": 2, "H": 2, "Z": 3}
    # G and H both have mean 0.1 (Z 0.2 / 3): H's first id is the smaller.
    pairs = [("g1", 0.1), ("g2", 0.1), ("h1", 0.2), ("z1", 0.2)]
    assert st.attach_choice(pairs, group_of, size_of, {"G": "b", "H": "a"}) == "H"
    # No tie: no first id is looked up (a store's update reads them one by one).
    assert st.attach_choice([("g1", 0.1), ("h1", 0.2)], group_of, size_of, {}) == "H"
    assert st.attach_choice([("g1", 0.05)], group_of, size_of, {}) is None  # 0.025 < ATTACH


@settings(max_examples=200, deadline=None)
@given(
    pairs=hs.lists(
        hs.tuples(hs.integers(0, 9), hs.sampled_from([0.01, 0.03, 0.05, 0.1, 0.3])), max_size=12
    ),
    sizes=hs.lists(hs.integers(1, 4), min_size=10, max_size=10),
    groups=hs.lists(hs.integers(0, 4), min_size=10, max_size=10),
)
def test_attach_choice_is_the_highest_mean_then_the_smallest_first_id(pairs, sizes, groups):
    group_of = dict(enumerate(groups))
    size_of = {g: sizes[g] for g in groups}
    first_of = {g: f"id{(7 * g) % 5}" for g in groups}
    sums: dict[int, float] = {}
    for other, s in pairs:
        sums[group_of[other]] = sums.get(group_of[other], 0.0) + s
    near = sorted((-t / size_of[g], first_of[g], g) for g, t in sums.items() if size_of[g] > 1)
    expected = near[0][2] if near and -near[0][0] >= st.ATTACH else None
    assert st.attach_choice(pairs, group_of, size_of, first_of) == expected


def test_attach_choices_add_each_sum_in_pair_order():
    # 0.1 + 0.2 + 0.3 is 0.6000000000000001 and 0.3 + 0.2 + 0.1 is 0.6: group 1 is closer
    # only when each sum adds in the pairs' order (group 4 would win a tie on its first id).
    group_of = {0: 0, 1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 4}
    size_of = {0: 1, 1: 3, 4: 3}
    scores = [0.1, 0.2, 0.3, 0.3, 0.2, 0.1]
    a, b = np.zeros(6, dtype=np.int64), np.arange(1, 7, dtype=np.int64)
    first_of = {1: "b", 4: "a"}
    near = list(zip(b.tolist(), scores, strict=True))
    assert st.attach_choice(near, group_of, size_of, first_of) == 1
    assert st.attach_choices(a, b, np.asarray(scores), group_of, size_of, [0], first_of) == {0: 1}


@settings(max_examples=300, deadline=None)
@given(
    pairs=hs.lists(
        hs.tuples(
            hs.integers(0, 14), hs.integers(0, 14), hs.sampled_from([0.1, 0.2, 0.3, 0.7, 0.05])
        ),
        max_size=40,
    ),
    groups=hs.lists(hs.integers(0, 6), min_size=12, max_size=12),
    sizes=hs.lists(hs.integers(1, 3), min_size=7, max_size=7),
    deciding=hs.sets(hs.integers(0, 6)),
)
def test_attach_choices_on_arrays_are_attach_choice_per_group(pairs, groups, sizes, deciding):
    # Docs 12-14 are in no group (an end outside the larger groups the update reads); the
    # scores are ones whose sums depend on the order they add in, and ties are common.
    group_of = dict(enumerate(groups))
    size_of = {g: sizes[g] for g in groups}
    first_of = {g: f"id{(5 * g) % 3}" for g in groups}
    near: dict[int, list[tuple[int, float]]] = {}
    for a, b, s in pairs:
        ga, gb = group_of.get(a), group_of.get(b)
        if ga == gb or ga is None or gb is None:
            continue
        if ga in deciding:
            near.setdefault(ga, []).append((b, s))
        if gb in deciding:
            near.setdefault(gb, []).append((a, s))
    expected = {}
    for g in deciding:
        h = st.attach_choice(near.get(g, []), group_of, size_of, first_of)
        if h is not None:
            expected[g] = h
    a, b, s = (np.asarray(c) for c in zip(*pairs, strict=True)) if pairs else ([], [], [])
    got = st.attach_choices(
        np.asarray(a, dtype=np.int64),
        np.asarray(b, dtype=np.int64),
        np.asarray(s, dtype=np.float64),
        group_of,
        size_of,
        deciding,
        first_of,
    )
    assert got == expected


class _tmp:
    """A fresh temporary folder per Hypothesis example (pytest's tmp_path is per test)."""

    def __enter__(self):
        import tempfile

        self._d = tempfile.TemporaryDirectory()
        return self._d.name

    def __exit__(self, *exc):
        self._d.cleanup()


def test_pairs_near_are_the_pairs_that_can_count_for_a_group(tmp_path, monkeypatch):
    # The attachment step reads the deciding articles' stored pairs with their other ends'
    # rows in one statement, leaving out the pairs whose other end is neither one of the
    # given articles nor in a group larger than the bound: the pairs of story_pairs and the
    # rows of story_rows the step used to filter itself, from the computation anew and
    # from the updates since.
    monkeypatch.setattr(corpus, "REBASE", 1e9)
    recs = _corpus(21, 40)
    for end in (16, 28, 40):
        corpus.index_records(recs[:end], tmp_path)
    rng = random.Random(4)
    with corpus.Store(tmp_path, readonly=True) as s:
        docs = sorted(s.ids())
        assert s.db.execute("SELECT count(*) FROM story_pair_new").fetchone()[0] > 0
        seen = 0
        for _ in range(30):
            mine = sorted(rng.sample(docs, rng.randint(1, 12)))
            others = sorted(set(mine) | set(rng.sample(docs, rng.randint(0, 12))))
            bound = rng.choice([0, 1, 2, 3])
            rows = s.story_rows(docs)
            want = [
                p
                for p in s.story_pairs(mine)
                for o in [p[1] if p[0] in mine else p[0]]
                if o in others or rows[o][4] > bound
            ]
            got, ends = s.story_pairs_near(mine, others, bound)
            assert sorted(got) == want and len(set(got)) == len(got)
            far = {p[1] if p[0] in mine else p[0] for p in want} - set(others)
            assert ends == {o: rows[o] for o in far}
            seen += len(want) - len([p for p in want if p[0] in others and p[1] in others])
        assert seen > 20  # pairs with other ends outside the given articles were asked about


def _loose(rng: random.Random, k: int) -> str:
    """An article of loosely shared words; every other one names someone in its lead (not
    as the first word of a sentence, which is no name unless the text names it elsewhere), so
    that some small groups share a lead name with the group nearest them and some do not."""
    text = " ".join(rng.choices(LOOSE, k=30)).capitalize() + "."
    return text + (
        f" Then {rng.choice(NAMES[:4])} {' '.join(rng.choices(LOOSE, k=6))}." if k % 2 else ""
    )


@pytest.mark.parametrize("seed", [3, 17, 41])
def test_grouping_anew_equals_average_link_and_attach_over_every_pair(seed, tmp_path):
    """full_state gives average-link, attach and parts only the pairs that can change their
    result: its stories, groups and parts equal theirs over the dict of every scored pair."""
    rng = random.Random(seed)
    # Besides the events, articles of loosely shared words: pairs scored below the
    # threshold, across parts and between groups of one.
    loose = [(f"loose{k:02d}", {"text": _loose(rng, k)}) for k in range(30)]
    corpus.index_records(_corpus(seed, 30) + loose, tmp_path, quotes=True)
    with corpus.Store(tmp_path) as s:
        state = st.full_state(s)
        ids = s.ids()
        feats = {d: corpus._features_from(v) for d, v in s.features().items()}
        when = s.published_of()
        t = st.score_table(
            ((ids[d], f.terms, f.focal, f.years) for d, f in sorted(feats.items())),
            published={ids[d]: p for d, p in when.items()},
        )
        holders = st.quote_holders(s, ids)
        links = st.story_links(s.edge_facts()) + st.quote_links(st.quote_groups(holders), when)
    scores = t.scores()  # every pair
    id_links = [(ids[a], ids[b]) for a, b in links]
    al = st.average_link(t.ids, scores, st.AVERAGE_LINK, id_links)
    doc = {i: d for d, i in ids.items()}
    grp = st.labels([doc[i] for i in g] for g in al)
    pt = st.parts(t.ids, scores, st.AVERAGE_LINK, id_links)
    part = st.labels([doc[i] for i in g] for g in pt)
    size = {g: list(grp.values()).count(g) for g in grp.values()}
    story = {}
    focal = {ids[d]: f.focal for d, f in feats.items()}
    named = st.attach(al, scores, focal=focal, calendar=st.CALENDAR)
    # The lead-name test kept some small group alone that the nearest story would take.
    assert len(named) > len(st.attach(al, scores))
    for g in named:
        ds = [doc[i] for i in g]
        large = [grp[d] for d in ds if size[grp[d]] > st.ATTACH_SIZE]
        story.update(dict.fromkeys(ds, large[0] if large else grp[ds[0]]))
    got = {d: (s_, g, p) for d, s_, g, p, *_ in state["story_of"]}
    assert got == {d: (story[d], grp[d], part[d]) for d in got}
    # What the steps were spared: pairs across parts, small groups joined to larger ones.
    assert any(part[doc[a]] != part[doc[b]] for a, b in scores)
    assert any(story[d] != grp[d] for d in story) and max(size.values()) > 2


def test_stories_stored_anew_keep_their_indexes_and_every_pair(tmp_path, monkeypatch):
    """Storing the stories anew drops the story tables' indexes and builds them again once
    the rows are in, by their own statements: the schema is as before, the indexes answer,
    and every scored pair is stored (in statements of several rows, the last one shorter)."""
    from storytrace import store as stm

    monkeypatch.setattr(stm, "PAIRS_PER_INSERT", 7)
    db = tmp_path / "db"
    corpus.index_records(_corpus(3, 40), db, quotes=False)
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    with corpus.Store(db) as s:
        before = s.db.execute(schema).fetchall()
        state = st.full_state(s, st.stored_basis(s))
        pairs = sorted(state["story_pair"])
        state["story_pair"] = iter(pairs)
        assert len(pairs) % 7 and len(pairs) > 7
        assert s.add_stories(state, s.generation(), fresh=True)
        assert s.db.execute(schema).fetchall() == before
        assert sorted(s.db.execute("SELECT a, b, score FROM story_pair")) == pairs
        b = pairs[0][1]
        plan = s.db.execute("EXPLAIN QUERY PLAN SELECT a FROM story_pair WHERE b=?", (b,))
        assert "story_pair_b" in " ".join(str(r) for r in plan)
        assert s.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    names = {r[1] for r in before if r[0] == "index"}
    assert {"story_pair_b", "story_of_part", "story_of_grp", "story_of_link"} <= names
