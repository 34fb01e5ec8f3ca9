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


def test_winnowed_sample_keeps_a_minimum_of_every_window():
    sh = fp.shingles(BASE)
    kept = fp.sample_of(sh)
    assert kept == fp.fingerprint(BASE) and set(kept) <= set(sh)
    for k in range(len(sh) - fp.WINDOW + 1):
        assert min(sh[k : k + fp.WINDOW]) in kept
    # A text too short for a whole window keeps its smallest shingle.
    assert fp.sample_of([5, 7]) == [5]
    assert fp.sample_of([]) == []


def _words(rng, n):
    vocab = [f"w{i}" for i in range(5000)]
    return [rng.choice(vocab) for _ in range(n)]


def test_any_shared_run_of_14_words_shares_min_shared_fingerprints():
    """The documented guarantee, on 300 random placements (1-in-4 hash sampling with three
    shared, the rule before winnowing, missed 142 of 300 such 15-word runs)."""
    import random

    rng = random.Random(7)
    assert fp.GUARANTEED_WORDS == 14
    for _ in range(300):
        run = _words(rng, fp.GUARANTEED_WORDS)
        a = _words(rng, rng.randrange(0, 200))
        b = _words(rng, rng.randrange(0, 200))
        cut_a, cut_b = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        ta = " ".join(a[:cut_a] + run + a[cut_a:])
        tb = " ".join(b[:cut_b] + run + b[cut_b:])
        shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
        assert len(shared) >= fp.MIN_SHARED, (cut_a, cut_b)
