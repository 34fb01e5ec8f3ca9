import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from storytrace import corpus
from storytrace import fingerprints as fp
from storytrace import store as st
from storytrace.articles import InputError, InputWarning, record_to_article
from storytrace.corpus import content_hash, index_records, prepare
from storytrace.corpus import stories as corpus_stories
from storytrace.store import Store

TEXT = 'The mayor said on Monday that "the new tram line will open in May next year" as planned.'


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_add_is_atomic_and_replaces_changed_article(tmp_path):
    with Store(tmp_path) as s:
        assert s.add_many([prepare("a", {"text": TEXT})]) == 1
        with s.hash_lookup() as stored_hash:
            assert stored_hash("a") == content_hash(TEXT) and s.count() == 1
        assert len(s.quotes(1)) == 1
        # The same text again is left alone.
        assert s.add_many([prepare("a", {"text": TEXT})]) == 0
        changed = TEXT.replace("May", "June")
        assert s.add_many([prepare("a", {"text": changed})]) == 1
        (doc,) = s.ids()
        assert s.article(doc)["text"] == changed
        # Old postings and quotes went with the old version.
        assert s.db.execute("SELECT count(DISTINCT doc) FROM postings").fetchone()[0] == 1
        assert s.db.execute("SELECT count(DISTINCT doc) FROM lsh").fetchone()[0] == 1
        assert s.db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
        (new,) = s.ids()
        assert s.db.execute("SELECT count(*) FROM postings WHERE doc=?", (new,)).fetchone()[0] == (
            len(fp.fingerprint(changed))
        )


def test_fingerprints_round_trip(tmp_path):
    rec = prepare("a", {"text": TEXT, "published": "2024-01-02"})
    with Store(tmp_path) as s:
        s.add_many([rec])
        assert rec.sampled.tolist() == fp.fingerprint(TEXT)
        assert s.article(1)["published"] == "2024-01-02"
        assert s.docs_sharing(rec.sampled.tolist()) == {1: len(rec.sampled)}
        assert s.docs_in_buckets(rec.lsh_keys) == {1}
        assert s.docs_in_buckets([]) == set()


def test_query_methods_for_pages(tmp_path):
    recs = [
        ("a", {"text": TEXT, "title": "Trams", "outlet": "Post", "published": "2024-01-02"}),
        ("b", {"text": "Rain 50% likely_today, forecasters said.", "outlet": "Echo"}),
    ]
    index_records(recs, tmp_path)
    with Store(tmp_path, readonly=True) as s:
        assert s.article_by_id("a")["title"] == "Trams"
        assert s.article_by_id("nope") is None
        meta = s.article_meta()
        assert set(meta) == {"a", "b"} and meta["a"]["published"] == "2024-01-02"
        assert meta["b"]["words"] == 5
        assert s.stats() == {"articles": 2, "outlets": 2, "no_outlet": 0}
        (hit,) = s.search_text("TRAM LINE")
        assert hit["id"] == "a" and hit["text"][hit["start"] : hit["end"]] == "tram line"
        assert [h["id"] for h in s.search_text("50%")] == ["b"]
        assert s.search_text("") == []
        # Every hit counts the matches the limit left out.
        assert [h["results_not_shown"] for h in s.search_text(" ", limit=1)] == [1]
        assert [h["results_not_shown"] for h in s.search_text(" ")] == [0, 0]
        for bad in (0, -1, 10**6, True, "5"):
            with pytest.raises(InputError, match="limit"):
                s.search_text("tram", limit=bad)
        # Speaker search takes LIKE wildcards literally.
        assert [h["speaker"] for h in s.search_speaker("mayor")] == ["The mayor"]
        assert s.search_speaker("%") == [] and s.search_speaker("_") == []
        with pytest.raises(InputError, match="limit"):
            s.search_speaker("mayor", limit=-5)


def test_new_store_is_stamped_with_version_and_parameters(tmp_path):
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.db.execute("PRAGMA application_id").fetchone()[0] == st.APPLICATION_ID
        assert json.loads(s.meta["fingerprints"]) == fp.PARAMETERS
        assert s.engine == st.ENGINE


def test_other_fingerprint_parameters_are_refused(tmp_path):
    Store(tmp_path).close()
    con = sqlite3.connect(tmp_path / "storytrace.db")
    other = dict(fp.PARAMETERS, ngram=7)
    con.execute("UPDATE meta SET value=? WHERE key='fingerprints'", (json.dumps(other),))
    con.commit()
    con.close()
    with pytest.raises(InputError, match=f"ngram 7 here, {fp.NGRAM} now"):
        Store(tmp_path)


def test_a_store_of_the_winnowed_word_keys_is_refused_read_and_write(tmp_path):
    """A store indexed before every outline 4-gram was kept (session 33: exact words winnowed
    in windows of 2, three shared, shape keys in windows of 3) holds other postings and band
    keys: opening it, to read or to add, names the parameters and says to index into a new
    folder; the file is left as it was."""
    Store(tmp_path).close()
    con = sqlite3.connect(tmp_path / "storytrace.db")
    before = dict(fp.PARAMETERS, hash="xxh64-words-v1", window=2, min_shared=3, shape_window=3)
    con.execute("UPDATE meta SET value=? WHERE key='fingerprints'", (json.dumps(before),))
    con.commit()
    con.close()
    saved = (tmp_path / "storytrace.db").read_bytes()
    for readonly in (True, False):
        with pytest.raises(InputError) as err:
            Store(tmp_path, readonly=readonly)
        msg = str(err.value)
        assert "window 2 here, 1 now" in msg and "min_shared 3 here, 4 now" in msg
        assert "hash xxh64-words-v1 here, xxh64-outlines-v1 now" in msg
        assert "shape_window 3 here, 8 now" in msg and "index the articles into a new folder" in msg
    assert (tmp_path / "storytrace.db").read_bytes() == saved


@pytest.mark.parametrize(
    "content",
    [b"hello, not a database at all\n" * 10, b"\x00\xff" * 3000, b"SQLite format 3\x00abc"],
    ids=["text", "binary", "truncated-header"],
)
def test_non_sqlite_file_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "storytrace.db"
    path.write_bytes(content)
    for kw in ({}, {"readonly": True}):
        with pytest.raises(InputError) as e:
            Store(tmp_path, **kw)
        assert "\n" not in str(e.value) and str(path) in str(e.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["storytrace.db"]


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "storytrace.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (x INTEGER)")
    con.execute("INSERT INTO articles VALUES (1)")
    con.commit()
    con.close()
    before = _digest(path)
    for kw in ({}, {"readonly": True}):
        with pytest.raises(InputError, match="not a storytrace store"):
            Store(tmp_path, **kw)
    assert _digest(path) == before
    # Neither WAL mode nor a journal was started on it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["storytrace.db"]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_newer_schema_is_refused(tmp_path):
    Store(tmp_path).close()
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.execute(f"PRAGMA user_version={st.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="newer storytrace"):
        Store(tmp_path)


def test_truncated_store_is_a_one_line_error(tmp_path):
    index_records(
        [(f"a{i}", {"text": f"{TEXT} Number {i} of many."}) for i in range(300)], tmp_path
    )
    path = tmp_path / "storytrace.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError) as e, Store(tmp_path, readonly=True) as s:
        list(s.iter_articles())
        _postings(s)
    assert "\n" not in str(e.value) and str(path) in str(e.value)


def test_version_1_store_is_migrated(tmp_path):
    path = tmp_path / "storytrace.db"
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE articles (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT, published TEXT,
            source TEXT, text TEXT NOT NULL, minhash BLOB NOT NULL, shingles BLOB NOT NULL);
        CREATE TABLE postings (h INTEGER NOT NULL, doc INTEGER NOT NULL,
            PRIMARY KEY (h, doc)) WITHOUT ROWID;
        CREATE TABLE lsh (key INTEGER NOT NULL, doc INTEGER NOT NULL,
            PRIMARY KEY (key, doc)) WITHOUT ROWID;
        CREATE TABLE quotes (doc INTEGER NOT NULL, start INTEGER NOT NULL,
            end INTEGER NOT NULL, kind TEXT, speaker_name TEXT, content TEXT);
        INSERT INTO articles VALUES
            (1, 'a', 'h', 'T', NULL, NULL, NULL, NULL, 'TEXT', x'00', x'00');
        INSERT INTO postings VALUES (4, 1);
        """
    )
    con.execute("UPDATE articles SET text=?", (TEXT,))
    con.commit()
    con.close()
    with pytest.raises(InputError, match="older store layout"):
        Store(tmp_path, readonly=True)
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.article_by_id("a")["title"] == "T"
        cols = {r[1] for r in s.db.execute("PRAGMA table_info(articles)")}
        assert "minhash" not in cols and "aligned" in cols
        # The old sampled postings were replaced by today's fingerprints of the text.
        assert s.docs_sharing([4]) == {}
        assert s.docs_sharing(fp.fingerprint(TEXT)) == {1: len(fp.fingerprint(TEXT))}
        assert s.pending() == [1]


def test_index_with_no_paths_upgrades_an_older_layout(tmp_path):
    from click.testing import CliRunner

    from storytrace.cli import app

    index_records([("a", {"text": TEXT}), ("b", {"text": TEXT + " Again."})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    drop = ["ALTER TABLE articles DROP COLUMN published_raw;"]
    drop += [f"DROP TABLE {t};" for t in ("postings_new", "lsh_new")]
    con.executescript(" ".join(drop) + " PRAGMA user_version=4;")
    con.close()
    res = CliRunner().invoke(app, ["index", "--db", str(tmp_path)])
    assert res.exit_code == 0, res.stderr
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.article_by_id("b") is not None


_STORY_TABLES = (
    "story_of",
    "story_vocab",
    "story_post",
    "story_vec",
    "story_pair",
    "quote_link",
    "story_pair_new",
    "story_post_new",
)
_DELTA_TABLES = ("postings_new", "lsh_new")


@pytest.mark.parametrize("version", [2, 3])
def test_older_store_is_migrated_and_gets_its_stories(tmp_path, version):
    index_records([("a", {"text": TEXT}), ("b", {"text": TEXT + " Again."})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    # Schema 5 added the delta tables and published_raw.
    drop = ["ALTER TABLE articles DROP COLUMN published_raw;"]
    drop += [f"DROP TABLE {t};" for t in _DELTA_TABLES]
    drop += [f"DROP TABLE {t};" for t in _STORY_TABLES]
    if version == 2:
        drop.append("DROP TABLE features;")
    elif version == 3:  # schema 3's assignment table
        drop.append("CREATE TABLE story_of (doc INTEGER PRIMARY KEY, story INTEGER NOT NULL);")
    con.executescript(" ".join(drop) + f" PRAGMA user_version={version};")
    con.close()
    with pytest.raises(InputError, match=f"older store layout \\(schema {version}\\)") as e:
        Store(tmp_path, readonly=True)
    # The command it names runs without the input files (which may be gone).
    assert f"run 'storytrace index --db {tmp_path}' once" in str(e.value)
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.article_by_id("a")["published_raw"] is None
        assert (s.features() == {}) == (version == 2) and s.stored_stories() is None
        assert s.story_basis() is None
    index_records([("c", {"text": "An unrelated note about gardening and roses."})], tmp_path)
    with Store(tmp_path, readonly=True) as s:
        assert sorted(s.features()) == [1, 2, 3]
        assert sorted(sorted(g) for g in s.stored_stories()) == [[1, 2], [3]]
        assert s.story_basis() == 3


def test_version_4_store_is_read_as_it_is_and_migrated_on_write(tmp_path):
    index_records([("a", {"text": TEXT}), ("b", {"text": TEXT + " Again."})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.executescript(
        "DROP TABLE postings_new; DROP TABLE lsh_new; "
        "ALTER TABLE articles DROP COLUMN published_raw; PRAGMA user_version=4;"
    )
    con.close()
    keys = fp.fingerprint(TEXT)
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == 4  # not written to
        assert s.docs_sharing(keys) == {1: len(keys), 2: len(keys)}
        assert len(s.stored_stories()) == 1
        assert s.article_by_id("a")["published_raw"] is None  # no such column yet
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.docs_sharing(keys) == {1: len(keys), 2: len(keys)}
        assert s.article_by_id("a")["published_raw"] is None


def test_version_5_store_is_read_as_it_is_and_its_story_postings_become_part_0(tmp_path):
    recs = [(f"a{k}", {"text": f"{TEXT} Report {k} of the district."}) for k in range(9)]
    index_records(recs[:8], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    before = con.execute("SELECT term, docs, weights FROM story_post ORDER BY term").fetchall()
    con.executescript(  # schema 5's one row per term
        "ALTER TABLE story_post RENAME TO p6; CREATE TABLE story_post (term INTEGER PRIMARY "
        "KEY, docs BLOB NOT NULL, weights BLOB NOT NULL); INSERT INTO story_post SELECT term, "
        "docs, weights FROM p6; DROP TABLE p6; PRAGMA user_version=5;"
    )
    con.close()
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == 5 and len(s.stored_stories()) == 1
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        rows = s.db.execute("SELECT term, part, docs, weights FROM story_post ORDER BY term")
        assert [(t, d, w) for t, p, d, w in rows if p == 0] == before
    index_records(recs, tmp_path)  # an update (1 of 9 new) adds a part, numbered by doc 9 (one row)
    with Store(tmp_path, readonly=True) as s:
        assert s.story_basis() == 8
        assert s.db.execute("SELECT part FROM story_post_new").fetchall() == [(9,)]
    # The same two runs on a store never of version 5 give the same stories.
    index_records(recs[:8], tmp_path / "six")
    index_records(recs, tmp_path / "six")
    assert corpus_stories(tmp_path) == corpus_stories(tmp_path / "six")


def test_version_6_store_is_read_as_it_is_and_gets_its_key_filter_from_a_scan(tmp_path):
    recs = [(f"a{k}", {"text": f"{TEXT} Report {k} of the district."}) for k in range(40)]
    index_records(recs[:30], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.executescript("DROP TABLE key_bloom; DROP TABLE key_part; PRAGMA user_version=6;")
    con.close()
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == 6 and len(s.stored_stories()) >= 1
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION and s.key_filter() is None
    index_records(recs[:31], tmp_path)  # too few to scan: searched key by key, no filter
    with Store(tmp_path, readonly=True) as s:
        assert s.key_filter() is None
    index_records(recs, tmp_path)  # 9 of 40 new: a scan, which builds the filter
    with Store(tmp_path, readonly=True) as s:
        assert s.key_filter().upto == s.count() == 40
    index_records(recs, tmp_path / "seven")
    assert corpus_stories(tmp_path) == corpus_stories(tmp_path / "seven")


def test_version_7_store_is_read_as_it_is_and_updates_keep_their_pairs_apart(tmp_path):
    from test_story_update import _corpus

    recs = _corpus(3, 12)
    index_records(recs[:10], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.executescript("DROP TABLE story_pair_new; PRAGMA user_version=7;")
    con.close()
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == 7 and len(s.stored_stories()) >= 1
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        scored = s.db.execute("SELECT count(*) FROM story_pair").fetchone()[0]
        assert scored > 0 and s.story_pairs(list(range(1, 11)))
    index_records(recs, tmp_path)  # an update: 2 of 12 new
    with Store(tmp_path, readonly=True) as s:
        assert s.story_basis() == 10
        # The update's pairs are kept by their new article, the stored ones left as they were.
        assert s.db.execute("SELECT count(*) FROM story_pair").fetchone()[0] == scored
        assert [b for (b,) in s.db.execute("SELECT b FROM story_pair_new")] == [11, 12]
        added = [p for p in s.story_pairs() if p[1] > 10]
        assert added and s.story_pairs([11, 12]) == added
        assert len(s.story_pairs()) == scored + len(added)
        # The pairs inside one stored story, stored and added ones alike, by one join.
        story = {d: r[0] for d, r in s.story_rows(list(range(1, 13))).items()}
        within = [p for p in s.story_pairs() if p[2] > 0 and story[p[0]] == story[p[1]]]
        assert any(p[1] > 10 for p in within)
        assert sorted(s.story_pairs_within()) == within
    index_records(recs, tmp_path / "eight")
    updated, once = corpus_stories(tmp_path), corpus_stories(tmp_path / "eight")
    # The same groups and edges. Not the same member scores: the update scored its two
    # articles against the stored basis (10 articles' statistics), one run against 12.
    for out in (updated, once):
        for story in out["stories"]:
            assert [m["article"] for m in story.pop("members")] == (
                story["articles"] if len(story["articles"]) > 1 else []
            )
    assert updated == once


def _by_term(parts, term_ids):
    """Story posting parts (``Store.story_posting_parts``) as each term's entries, part by
    part: ``{term: [(doc, weight), ...]}``."""
    out = {t: [] for t in term_ids}
    for indptr, docs, weights in parts:
        for k, t in enumerate(term_ids):
            a, b = indptr[k], indptr[k + 1]
            out[t] += zip(docs[a:b].tolist(), weights[a:b].tolist(), strict=True)
    return out


def test_version_8_store_is_read_as_it_is_and_its_updates_postings_become_one_row_each(tmp_path):
    from test_story_update import _corpus

    recs = _corpus(5, 12)  # 10, then 11 and 12 in two updates (within corpus.REBASE)
    for db in (tmp_path / "eight", tmp_path / "nine"):
        index_records(recs[:10], db)
        index_records(recs[:11], db)  # an update: its postings are one row, part 11
    con = sqlite3.connect(tmp_path / "eight" / "storytrace.db")
    ((part, terms, ends, docs, weights),) = con.execute("SELECT * FROM story_post_new")
    assert part == 11
    # Schema 8 kept them as a row per term and part beside part 0.
    terms_, ends_ = np.frombuffer(terms, dtype=np.int64), np.frombuffer(ends, dtype=np.int64)
    starts = np.concatenate(([0], ends_[:-1])) * 8
    con.executemany(
        "INSERT INTO story_post VALUES (?, ?, ?, ?)",
        [
            (t, part, docs[a:b], weights[a:b])
            for t, a, b in zip(terms_.tolist(), starts.tolist(), (ends_ * 8).tolist(), strict=True)
        ],
    )
    con.executescript("DROP TABLE story_post_new; PRAGMA user_version=8;")
    con.close()
    with Store(tmp_path / "nine", readonly=True) as s:
        rows = s.story_post_rows()
        term_ids = sorted({r[0] for r in rows})
        postings = _by_term(s.story_posting_parts(np.asarray(term_ids)), term_ids)
    assert any(p == 11 for _, p, _, _ in rows) and len(term_ids) > 1
    with Store(tmp_path / "eight", readonly=True) as s:
        assert s.schema_version() == 8 and len(s.stored_stories()) >= 1
    with Store(tmp_path / "eight") as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.story_post_rows() == rows
        assert _by_term(s.story_posting_parts(np.asarray(term_ids)), term_ids) == postings
        assert s.db.execute("SELECT count(*) FROM story_post WHERE part != 0").fetchone() == (0,)
    for db in (tmp_path / "eight", tmp_path / "nine"):
        index_records(recs, db)  # another update, reading both parts
    with Store(tmp_path / "eight", readonly=True) as a, Store(tmp_path / "nine") as b:
        assert a.story_post_rows() == b.story_post_rows()
        assert [p for (p,) in b.db.execute("SELECT part FROM story_post_new")] == [11, 12]
    assert corpus_stories(tmp_path / "eight") == corpus_stories(tmp_path / "nine")


def test_new_keys_wait_in_small_tables_until_merged(tmp_path, monkeypatch):
    def rows(s):
        return {t: s.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _DELTA_TABLES}

    texts = [f"{TEXT} Report number {k} from the {k}th district of the city." for k in range(30)]
    with Store(tmp_path) as s:
        s.add_many([prepare(f"a{k}", {"text": t}) for k, t in enumerate(texts[:20])])
        assert rows(s) == {"postings_new": 0, "lsh_new": 0}  # all new: merged at once
        before = _postings(s)
        s.add_many([prepare("a20", {"text": texts[20]})])  # 1 of 21: waits
        assert rows(s)["postings_new"] == len(fp.fingerprint(texts[20]))
        assert rows(s)["lsh_new"] == len(set(fp.lsh_keys(fp.minhash(fp.shingles(texts[20])))))
        # Read from both tables, in key order, as if there were one.
        merged = _postings(s)
        assert merged == sorted(before + [(h, 21) for h in fp.fingerprint(texts[20])])
        assert s.docs_sharing(fp.fingerprint(texts[20]))[21] == len(fp.fingerprint(texts[20]))
        assert s.docs_in_buckets(prepare("x", {"text": texts[20]}).lsh_keys) >= {21}
        s.add_many([prepare("a21", {"text": texts[21]})])  # 2 of 22: still waits
        assert rows(s)["postings_new"] > 0
        s.add_many([prepare("a22", {"text": texts[22]})])  # 3 of 23 > 10%: merged
        assert rows(s) == {"postings_new": 0, "lsh_new": 0}
        assert _postings(s) == sorted(
            before + [(h, 21 + k) for k in range(3) for h in fp.fingerprint(texts[20 + k])]
        )


def test_look_up_indexes_are_added_to_a_store_without_them(tmp_path):
    index_records([("a", {"text": TEXT}), ("b", {"text": TEXT + " Again."})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.executescript("DROP INDEX articles_pending; DROP INDEX articles_outlet;")
    con.close()
    with Store(tmp_path, readonly=True) as s:  # read as it is, by scans
        assert s.pending() == [] and s.outlet_sizes(["Gazette"]) == {}
    with Store(tmp_path) as s:
        names = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master")}
        assert {"articles_pending", "articles_outlet"} <= names
        plan = " ".join(
            r[3]
            for r in s.db.execute("EXPLAIN QUERY PLAN SELECT doc FROM articles WHERE aligned=0")
        )
        assert "articles_pending" in plan
        s.add_many([prepare("c", {"text": "An unrelated note about roses.", "outlet": "Gazette"})])
        assert s.pending() == [3] and s.outlet_sizes(["Gazette", "Herald"]) == {"Gazette": 1}


def test_ungrouped_articles_are_found_also_below_the_highest_grouped(tmp_path):
    recs = [(f"a{k}", {"text": f"{TEXT} Report {k} of the district."}) for k in range(6)]
    index_records(recs[:4], tmp_path)
    index_records(recs, tmp_path)
    with Store(tmp_path) as s:
        assert s.ungrouped() == []
        s.db.execute("DELETE FROM story_of WHERE doc >= 5")  # as if never grouped
        assert s.ungrouped() == [5, 6]
        s.db.execute("DELETE FROM story_of WHERE doc=2")
        assert s.ungrouped() == [2, 5, 6]  # not only those above the highest grouped (4)


def test_unchanged_articles_are_skipped_by_a_look_up_per_id(tmp_path, monkeypatch):
    recs = [(f"a{k}", {"text": f"{TEXT} Report {k}."}) for k in range(4)]
    index_records(recs[:3], tmp_path)
    # Two unchanged, one changed, one new; all but the first read by the pool's feeder thread
    # (workers=2, and only one job prepared in this process).
    monkeypatch.setattr(corpus, "PREPARE_HERE", 1)
    again = [recs[0], recs[1], ("a2", {"text": TEXT + " Changed."}), recs[3]]
    report = index_records(again, tmp_path, workers=2)
    assert (report.added, report.skipped) == (2, 2)
    with Store(tmp_path, readonly=True) as s, s.hash_lookup() as stored_hash:
        assert stored_hash("a2") == content_hash(TEXT + " Changed.")
        assert stored_hash("nope") is None


def test_readonly_open_never_writes(tmp_path):
    index_records([("a", {"text": TEXT})], tmp_path)
    path = tmp_path / "storytrace.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _digest(path)
    with Store(tmp_path, readonly=True) as s:
        assert s.article_by_id("a")["text"] == TEXT
        with pytest.raises(InputError, match="read-only"):
            s.add_many([prepare("b", {"text": TEXT + " More."})])
    assert _digest(path) == before


def test_write_error_rolls_back_to_last_commit(tmp_path):
    with Store(tmp_path) as s:
        s.add_many([prepare("a", {"text": TEXT})])
        # A tiny page cap stands in for a full disk: the next big write fails.
        s.db.execute(f"PRAGMA max_page_count={s.db.execute('PRAGMA page_count').fetchone()[0]}")
        big = [prepare(f"b{i}", {"text": f"{TEXT} {i} " * 200}) for i in range(20)]
        with pytest.raises(InputError) as e:
            s.add_many(big)
        assert "disk full" in str(e.value) and "\n" not in str(e.value)
    with Store(tmp_path, readonly=True) as s:
        assert list(s.ids().values()) == ["a"]
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_busy_store_is_a_clear_error(tmp_path, monkeypatch):
    Store(tmp_path).close()
    holder = sqlite3.connect(tmp_path / "storytrace.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(st, "BUSY_SECONDS", 0.2)
    try:
        with Store(tmp_path) as s, pytest.raises(InputError, match="store busy"):
            s.add_many([prepare("a", {"text": TEXT})])
    finally:
        holder.rollback()
        holder.close()


def test_concurrent_writers_store_each_article_once(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w") as fh:
        for i in range(400):
            fh.write(json.dumps({"id": f"a{i}", "text": f"{TEXT} Item {i} is here."}) + "\n")
    code = textwrap.dedent(
        f"""
        from storytrace import corpus
        r = corpus.index([{str(src)!r}], {str(tmp_path / "db")!r}, quotes=False)
        print(r.added, r.skipped, len(r.errors))
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    added = [int(o[0]) for o in outs]
    assert sum(added) == 400 and all(int(o[0]) + int(o[1]) == 400 for o in outs)
    with Store(tmp_path / "db", readonly=True) as s:
        assert s.count() == 400


def test_file_size_limit_is_one_line_and_committed_data_survives(tmp_path):
    import resource

    src = tmp_path / "in.jsonl"
    with open(src, "w") as fh:
        for i in range(2000):
            text = f"Report {i} says lot {i} sold for {i * 7} pounds in town {i % 89} on Monday."
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    db = tmp_path / "db"
    cmd = [sys.executable, "-m", "storytrace", "index", str(src), "--db", str(db), "--no-quotes"]

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (250_000, 250_000))

    res = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=limit, timeout=120)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    (line,) = [x for x in res.stderr.splitlines() if x.strip()]
    assert str(db / "storytrace.db") in line and "committed before is kept" in line
    con = sqlite3.connect(db / "storytrace.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < kept < 2000
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    with Store(db, readonly=True) as s:
        assert s.count() == 2000 and not s.pending()


def test_the_date_as_given_is_stored_even_when_it_cannot_be_read(tmp_path):
    with pytest.warns(InputWarning, match="sometime soon"):
        unread = record_to_article({"id": "a", "text": TEXT, "published": "sometime soon"}, "x:1")
    read = record_to_article({"id": "b", "text": TEXT + " Again.", "date": "May 30, 2019"}, "x:2")
    index_records([("a", unread.to_dict()), ("b", read.to_dict())], tmp_path)
    with Store(tmp_path, readonly=True) as s:
        a, b = s.article_by_id("a"), s.article_by_id("b")
    assert (a["published"], a["published_raw"]) == (None, "sometime soon")
    assert (b["published"], b["published_raw"]) == ("2019-05-30T00:00:00Z", "May 30, 2019")


def test_version_9_store_keeps_its_quotes_and_new_ones_carry_their_evidence(tmp_path):
    said = '"We will rebuild the bridge by June," the mayor, Jane Hill, said on Monday.'
    index_records([("a", {"text": said})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.executescript(  # schema 9's quote rows: no evidence columns
        "CREATE TABLE q9 AS SELECT doc, start, end, kind, speaker_name, content FROM quotes; "
        "DROP TABLE quotes; ALTER TABLE q9 RENAME TO quotes; PRAGMA user_version=9;"
    )
    con.close()
    with Store(tmp_path, readonly=True) as s:  # read as it is: the evidence is unknown
        (old,) = s.quotes(1)
        assert old["speaker_name"] == "Jane Hill" and old["resolved_by"] is None
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION
        assert s.quotes(1) == [old]  # kept, not made up
    index_records([("b", {"text": said + " More later."})], tmp_path)
    with Store(tmp_path, readonly=True) as s:
        (new,) = s.quotes(2)
    assert new["speaker_name"] == "Jane Hill" and new["speaker_type"] == "person"
    assert new["resolved_by"] and new["utterance"] == 0
    text = said + " More later."
    assert text[new["named_start"] : new["named_end"]] == "Jane Hill"
    assert text[new["cue_start"] : new["cue_end"]] == "said"


@pytest.mark.parametrize(
    "n", [0, 1, st.PAIRS_PER_INSERT, st.PAIRS_PER_INSERT + 1, 3 * st.PAIRS_PER_INSERT - 5]
)
def test_insert_pairs_stores_every_row_once(n):
    # Key rows are bound many to a statement: whole statements and the rest must together
    # store each row once, rows already there (or repeated) ignored as a row at a time would.
    rng = np.random.default_rng(n)
    keys = rng.integers(-(2**62), 2**62, size=n).tolist()
    rows = [(k, int(d)) for k, d in zip(keys, rng.integers(1, 5, size=n).tolist(), strict=True)]
    rows += rows[: n // 3]  # repeated within the input
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (h INTEGER, doc INTEGER, PRIMARY KEY (h, doc)) WITHOUT ROWID")
    con.execute("INSERT INTO t VALUES (?, ?)", rows[0] if rows else (7, 7))  # already stored
    st._insert_pairs(con, "t", [x for r in sorted(rows) for x in r])
    got = con.execute("SELECT h, doc FROM t ORDER BY h, doc").fetchall()
    assert got == sorted(set(rows) | ({rows[0]} if rows else {(7, 7)}))


def test_key_rows_are_flat_and_in_key_order():
    rows = st._key_rows([([5, -3, 9], 2), ([9, 1], 1)])
    assert rows == [-3, 2, 1, 1, 5, 2, 9, 1, 9, 2]


@pytest.mark.parametrize("pieces", [st.HOLDER_KEYS, 5, 1])
@pytest.mark.parametrize("table", ["postings", "lsh"])
def test_light_holders_reads_the_holders_of_keys_few_docs_hold(
    tmp_path, monkeypatch, table, pieces
):
    # Each key is searched once per table, reading at most most + 1 holders: the keys held
    # by two to ``most`` docs (counted over the table and its _new twin) come with all their
    # holders, those held by more without them, and keys held by one doc or none are left
    # out, as counting every key's holders first would tell.
    rng = np.random.default_rng(5)
    most = 4
    rows = {table: set(), f"{table}_new": set()}
    for key in range(-12, 30):
        n_old, n_new = rng.integers(0, most + 3, size=2).tolist()
        docs = rng.choice(60, size=n_old + n_new, replace=False).tolist()
        rows[table] |= {(key, d) for d in docs[:n_old]}
        rows[f"{table}_new"] |= {(key, d) for d in docs[n_old:]}
    with Store(tmp_path) as s:
        with s.transaction():
            for t, rs in rows.items():
                s.db.executemany(f"INSERT INTO {t} VALUES (?, ?)", sorted(rs))  # noqa: S608
        asked = [*range(-14, 32), 7]  # absent keys too, and one asked twice
        # Searched ``pieces`` keys at a time, the memory map dropped after each piece (the
        # pages read stay resident while mapped: about 450 MB for an increment at 100,000).
        monkeypatch.setattr(st, "HOLDER_KEYS", pieces)
        drops = [0]
        unmap = s._unmap

        def counted() -> None:
            drops[0] += 1
            unmap()

        monkeypatch.setattr(s, "_unmap", counted)
        k, d, heavy = s.light_holders(table, asked, most)
        assert drops[0] == -(-len(asked) // pieces)
    holders = {}
    for key, doc in rows[table] | rows[f"{table}_new"]:
        holders.setdefault(key, set()).add(doc)
    n = {key: len(ds) for key, ds in holders.items()}
    assert sorted(heavy) == sorted(key for key in asked if n.get(key, 0) > most)
    want = sorted((key, doc) for key in asked if 2 <= n.get(key, 0) <= most for doc in holders[key])
    assert sorted(zip(k.tolist(), d.tolist(), strict=True)) == want
    assert k.dtype == d.dtype == np.int64 and len(heavy) > 2 and len(set(want)) > 20


def test_key_order_is_the_stable_lexsort():
    # The look-up rows are sorted by an unstable sort with the runs of equal keys sorted
    # again: the same permutation as numpy's stable sorts, ties and repeated rows included.
    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 7, 50, 3000):
        for spread in (2, 40, 2**62):
            keys = rng.integers(-spread, spread, size=n, dtype=np.int64)
            then = rng.integers(0, 4, size=n, dtype=np.int64)
            assert st.key_order(keys, then).tolist() == np.lexsort((then, keys)).tolist()
            assert st.key_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()


def test_key_runs_give_every_row_once_in_key_then_doc_order_and_keep_them_sorted():
    # A first build's batches, each grouped by range of keys (not sorted): each range is
    # sorted whole when read, kept sorted, and read back as it was on the next pass. Keys
    # repeat within and across batches (few distinct values), and one batch is empty.
    rng = np.random.default_rng(5)
    runs = st.KeyRuns()
    rows: dict[str, list[tuple[int, int]]] = {"postings": [], "lsh": []}
    doc = 0
    for size in (300, 0, 40, 1, 700):
        batch: dict[str, list] = {"postings": [], "lsh": []}
        for _ in range(size):
            doc += 1
            for table, spread in (("postings", 2**62), ("lsh", 50)):
                keys = rng.integers(-spread, spread, size=int(rng.integers(0, 9)), dtype=np.int64)
                batch[table].append((keys if table == "postings" else keys.tolist(), doc))
                rows[table] += [(int(k), doc) for k in keys]
        runs.add(batch)
    try:
        for table in ("postings", "lsh"):
            first = [(k.copy(), d.copy()) for k, d in runs.sorted_keys(table)]
            assert table in runs.sorted and len(first) == runs.RUN_RANGES
            flat = [
                (k, d)
                for keys, docs in first
                for k, d in zip(keys.tolist(), docs.tolist(), strict=True)
            ]
            assert flat == sorted(rows[table])
            bounds = runs.bounds[table].tolist()
            for r, (keys, _) in enumerate(first):  # each range holds its own keys only
                assert all(r == sum(b <= k for b in bounds) for k in keys.tolist())
            again = list(runs.sorted_keys(table))
            assert len(again) == len(first)
            for (k0, d0), (k1, d1) in zip(first, again, strict=True):
                assert k0.tolist() == k1.tolist() and d0.tolist() == d1.tolist()
        # A pass left unfinished keeps nothing: the next one sorts again.
        other = st.KeyRuns()
        other.add({"postings": [(np.array([3, 1, 2]), 1)], "lsh": []})
        next(other.sorted_keys("postings"))
        assert "postings" not in other.sorted
        assert [k for keys, _ in other.sorted_keys("postings") for k in keys.tolist()] == [1, 2, 3]
        assert "postings" in other.sorted
        other.close()
    finally:
        runs.close()


def _postings(s: Store) -> list[tuple[int, int]]:
    """The stored ``(fingerprint, doc)`` rows in key order, as the scan reads them."""
    return [
        (k, d)
        for keys, docs in s.sorted_keys("postings")
        for k, d in zip(keys.tolist(), docs.tolist(), strict=True)
    ]


@pytest.mark.parametrize("error", [AttributeError, OSError, TypeError])
def test_memory_is_given_back_where_the_c_library_has_no_malloc_trim(
    tmp_path, monkeypatch, error
) -> None:
    """macOS has no malloc_trim (AttributeError) and Windows' ctypes.CDLL takes no None
    (TypeError): releasing memory between stages must still work there."""
    import ctypes

    from storytrace import store as store_module

    def cdll(name):  # type: ignore[no-untyped-def]
        raise error("no C library here")

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    store_module._malloc_trim.cache_clear()  # looked up once per process
    try:
        assert store_module._malloc_trim() is None
        with Store(tmp_path / "db") as s:
            s.release_memory()
    finally:
        store_module._malloc_trim.cache_clear()


def test_version_10_store_is_read_as_it_is_and_stamped_11_when_written(tmp_path):
    index_records([("a", {"text": TEXT})], tmp_path)
    con = sqlite3.connect(tmp_path / "storytrace.db")
    con.execute("PRAGMA user_version=10")
    con.close()
    with Store(tmp_path, readonly=True) as s:
        assert s.schema_version() == 10 and s.count() == 1
    with Store(tmp_path) as s:
        assert s.schema_version() == st.SCHEMA_VERSION == 11 and s.keys_from() is None
        assert s.docs_sharing(fp.fingerprint(TEXT)) == {1: len(set(fp.fingerprint(TEXT)))}


def test_a_record_pickles_to_an_equal_record_with_writable_fingerprints():
    # index's workers send prepared records back pickled (Record.__reduce__: the fields in a
    # tuple, the fingerprints as bytes); what arrives equals what was sent.
    import pickle

    r = prepare("a1", {"text": TEXT, "title": "T", "published": "2024-05-01"})
    got = pickle.loads(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(got) is type(r)
    for name in r.__slots__:
        want, have = getattr(r, name), getattr(got, name)
        if name == "sampled":
            assert have.dtype == np.int64 and have.tolist() == want.tolist() and len(want) > 10
            assert have.flags.writeable
        else:
            assert have == want, name
    assert got.features is not None and got.terms is not None and got.title == "T"


def test_story_features_of_an_earlier_story_rule_are_recomputed_from_the_texts(tmp_path):
    # Before story rule 7 a lead's weekday was a focal name: a store indexed then holds such
    # features, and grouping anew from them would keep the old rule's names.
    texts = {
        "a": "Floods hit Leeds as River Aire bursts banks\nThe River Aire burst its banks in "
        "Leeds on Monday, flooding homes in Kirkstall. Council crews handed out sandbags and "
        "residents were moved to a school hall.",
        "b": "Leeds residents moved as Aire floods Kirkstall\nResidents of Kirkstall in Leeds "
        "were moved to a school hall on Monday after the River Aire flooded their homes. "
        "Council crews handed out sandbags.",
    }
    index_records(list((i, {"text": t}) for i, t in texts.items()), tmp_path)
    db = tmp_path / "storytrace.db"
    with Store(tmp_path, readonly=True) as s:
        assert not s.features_stale()
        now = {d: json.loads(v) for d, v in s.features().items()}
    assert all("monday" not in focal for _, focal, _ in now.values())
    con = sqlite3.connect(db)
    for d, (terms, focal, years) in now.items():
        old = json.dumps([terms, sorted([*focal, "monday"]), years])
        con.execute("UPDATE features SET value = ? WHERE doc = ?", (old, d))
    con.execute("DELETE FROM meta WHERE key = 'features_rule'")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'story_rule'")
    con.commit()
    con.close()
    # A read ignores them: the stories are grouped from features computed from the texts.
    with Store(tmp_path, readonly=True) as s:
        assert s.features_stale() and s.features() == {} and s.featureless() == [1, 2]
        assert list(s.iter_features()) == [] and s.features_of([1, 2]) == {}
    (story,) = corpus_stories(tmp_path)["stories"]
    assert sorted(story["articles"]) == ["a", "b"]
    assert all("Monday" not in m["shared"] for m in story["members"])
    # A writable open drops them; the next index computes them again and groups anew.
    with Store(tmp_path) as s:
        assert not s.features_stale() and s.featureless() == [1, 2]
    index_records([], tmp_path)
    with Store(tmp_path, readonly=True) as s:
        assert {d: json.loads(v) for d, v in s.features().items()} == now
        assert s.stories_fresh()


def test_key_filter_bits_are_each_keys_probes_set_one_by_one():
    """Many keys share a word of a small filter: every key's KEY_PROBES bits are set, as a
    loop over the keys one at a time sets them, and only those."""
    import numpy as np

    from storytrace import store as stm

    rng = np.random.default_rng(7)
    keys = rng.integers(-(2**63), 2**63 - 1, 5000)
    keys[::3] = keys[1::3][: len(keys[::3])]  # repeated keys too
    words = np.zeros(40, dtype=np.uint64)
    stm._bloom_add(words, keys)
    want = [0] * len(words)
    for k in keys.tolist():
        h = (k * stm._MIX[0]) % 2**64
        g = (k * stm._MIX[1]) % 2**64
        at = ((h >> 32) * len(words)) >> 32
        for i in range(stm.KEY_PROBES):
            want[at] |= 1 << ((g >> (58 - 6 * i)) & 63)
    assert words.tolist() == want
    at, mask = stm._bloom_slots(keys[:50], len(words))
    assert at.dtype == np.int64 and ((words[at] & mask) == mask).all()


def test_pair_order_sorts_pairs_by_a_then_b_for_any_docs():
    import numpy as np

    from storytrace import store as stm

    rng = np.random.default_rng(4)
    for top in (5, 2**31 - 1, 2**31 + 5, 2**40):
        a = rng.integers(0, top, 5000)
        b = rng.integers(0, top, 5000)
        got = stm.pair_order(a, b)
        want = np.lexsort((b, a))
        assert np.array_equal(a[got], a[want]) and np.array_equal(b[got], b[want])
        assert sorted(got.tolist()) == list(range(5000))
