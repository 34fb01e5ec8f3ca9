from storytrace import fingerprints as fp

BASE = (
    "The council voted on Friday to close the old Tyne bridge after engineers found deep cracks "
    "in two of its main supports, and buses will be diverted through the city centre for weeks."
)


def test_shared_passage_shares_fingerprints_and_unrelated_does_not():
    copy = "Breaking news. " + BASE + " Traders fear a quiet summer."
    other = "The orchestra will tour twelve cities in Japan next spring with a programme of Elgar."
    a, b, c = (set(fp.fingerprint(t)) for t in (BASE, copy, other))
    assert len(a & b) >= 3
    assert not a & c


def test_near_duplicates_collide_in_lsh():
    edited = BASE.replace("Friday", "Thursday")
    ka = set(fp.lsh_keys(fp.minhash(fp.shingles(BASE))))
    kb = set(fp.lsh_keys(fp.minhash(fp.shingles(edited))))
    kc = set(
        fp.lsh_keys(fp.minhash(fp.shingles("A different text about the weather in Leeds today.")))
    )
    assert ka & kb
    assert not ka & kc


def test_sample_is_content_defined_and_never_empty():
    sh = fp.shingles(BASE)
    kept = fp.sample_of(sh)
    assert kept == fp.fingerprint(BASE)
    assert all(h % fp.SAMPLE == 0 for h in kept) and set(kept) <= set(sh)
    # A text too short to keep a sampled shingle keeps its smallest one.
    assert fp.sample_of([5, 7]) == [5]
    assert fp.sample_of([]) == []
