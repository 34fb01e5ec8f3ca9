import numpy as np

from storytrace.corpus import content_hash, prepare
from storytrace.fingerprints import fingerprint
from storytrace.store import Store

TEXT = 'The mayor said on Monday that "the new tram line will open in May next year" as planned.'


def test_add_is_atomic_and_replaces_changed_article(tmp_path):
    with Store(tmp_path) as s:
        s.add_many([prepare("a", {"text": TEXT})])
        assert s.known("a") == content_hash(TEXT)
        assert len(s.quotes(1)) == 1
        changed = TEXT.replace("May", "June")
        s.add_many([prepare("a", {"text": changed})])
        assert s.count() == 1
        (doc,) = s.ids()
        assert s.article(doc)["text"] == changed
        # Old postings and quotes went with the old version.
        assert s.db.execute("SELECT count(DISTINCT doc) FROM postings").fetchone()[0] == 1
        assert s.db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1


def test_fingerprints_round_trip(tmp_path):
    rec = prepare("a", {"text": TEXT, "published": "2024-01-02"})
    with Store(tmp_path) as s:
        s.add_many([rec])
        ((_, sh, mh),) = list(s.iter_fingerprints())
        assert np.array_equal(sh, rec.shingles)
        assert rec.sampled.tolist() == fingerprint(TEXT)
        assert np.array_equal(mh, rec.minhash)
        assert s.article(1)["published"] == "2024-01-02"
        assert s.docs_sharing(rec.sampled.tolist()) == {1: len(rec.sampled)}
        assert s.docs_in_buckets(rec.lsh_keys) == {1}
