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
    assert set(kept) <= set(sh)
    # The fingerprints are these samples and the winnowed shape keys, nothing else.
    assert fp.fingerprint(BASE) == sorted(set(kept) | set(fp.sample_of(fp.shapes(BASE), 3)))
    for k in range(len(sh) - fp.WINDOW + 1):
        assert min(sh[k : k + fp.WINDOW]) in kept
    # A text too short for a whole window keeps its smallest shingle.
    assert fp.sample_of([5, 7]) == [5]
    assert fp.sample_of([]) == []


def _words(rng, n):
    vocab = [f"w{i}" for i in range(5000)]
    return [rng.choice(vocab) for _ in range(n)]


def test_any_shared_run_of_9_words_shares_min_shared_fingerprints():
    """The documented guarantee, on 300 random placements (1-in-4 hash sampling with three
    shared, the rule before winnowing, missed 142 of 300 such 15-word runs)."""
    import random

    rng = random.Random(7)
    assert fp.GUARANTEED_WORDS == 9
    for _ in range(300):
        run = _words(rng, fp.GUARANTEED_WORDS)
        a = _words(rng, rng.randrange(0, 200))
        b = _words(rng, rng.randrange(0, 200))
        cut_a, cut_b = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        ta = " ".join(a[:cut_a] + run + a[cut_a:])
        tb = " ".join(b[:cut_b] + run + b[cut_b:])
        shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
        assert len(shared) >= fp.MIN_SHARED, (cut_a, cut_b)


def test_three_shared_runs_of_five_words_make_a_candidate():
    """Edited reuse: each shared run of NGRAM + WINDOW - 1 = 5 words holds one whole window,
    so three such runs (in any order, between edits) share MIN_SHARED fingerprints. The
    previous rule (5-grams, window 5, two shared) found 20 of these 200 pairs."""
    import random

    rng = random.Random(11)
    run = fp.NGRAM + fp.WINDOW - 1
    assert run == 5 and fp.MIN_SHARED == 3
    old_found = 0
    for _ in range(200):
        runs = [_words(rng, run) for _ in range(fp.MIN_SHARED)]
        a, b = _words(rng, 60), _words(rng, 60)
        order = rng.sample(range(len(runs)), len(runs))
        # Different words between and around the runs in each text (edits, other context).
        ta = " ".join(w for k in range(len(runs)) for w in runs[k] + a[k * 20 : k * 20 + 3])
        tb = " ".join(w for k in order for w in b[k * 20 : k * 20 + 2] + runs[k])
        shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
        assert len(shared) >= fp.MIN_SHARED
        old = [set(fp.sample_of(fp.shingles(t, 5), 5)) for t in (ta, tb)]
        old_found += len(old[0] & old[1]) >= 2
    assert old_found < 100


def _misread(rng, w):
    """``w`` with one letter other than its first replaced (OCR noise that keeps its shape)."""
    k = rng.randrange(1, len(w))
    return w[:k] + rng.choice("abcdefghij".replace(w[k], "")) + w[k + 1 :]


def test_a_run_of_15_misread_words_shares_min_shared_shape_keys():
    """The shape keys' guarantee: 15 shared words with a letter misread in every one of them
    (so no word 4-gram is shared) still share MIN_SHARED fingerprints, on 300 placements."""
    import random

    rng = random.Random(5)
    assert fp.SHAPE_GUARANTEED_WORDS == 15
    vocab = [f"w{i}x{i * 7 % 13}" for i in range(5000)]
    for _ in range(300):
        run = [rng.choice(vocab) for _ in range(fp.SHAPE_GUARANTEED_WORDS)]
        seen = [_misread(rng, w) for w in run]
        a = [rng.choice(vocab) for _ in range(rng.randrange(0, 200))]
        b = [rng.choice(vocab) for _ in range(rng.randrange(0, 200))]
        cut_a, cut_b = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        ta = " ".join(a[:cut_a] + run + a[cut_a:])
        tb = " ".join(b[:cut_b] + seen + b[cut_b:])
        assert not set(fp.shingles(ta)) & set(fp.shingles(tb))
        shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
        assert len(shared) >= fp.MIN_SHARED, (cut_a, cut_b)


def test_shapes_need_the_first_letter_and_a_whole_shingle():
    text = "the plan would cut hospital waiting lists by half before the end of next year"
    # A first letter changed in every seventh word breaks every shape 7-gram.
    words = text.split()
    broken = " ".join("q" + w[1:] if k % 7 == 3 else w for k, w in enumerate(words))
    assert not set(fp.shapes(text)) & set(fp.shapes(broken))
    assert fp.shapes("one two three four five six") == []  # under SHAPE_NGRAM words
    assert len(fp.shapes(text)) == len(words) - fp.SHAPE_NGRAM + 1


def test_minhash_constants_are_the_seeded_draws():
    import numpy as np

    rng = np.random.Generator(np.random.PCG64(20261123))
    prime = (1 << 61) - 1
    assert list(fp._A) == rng.integers(1, prime, size=fp.NUM_PERM, dtype=np.uint64).tolist()
    assert list(fp._B) == rng.integers(0, prime, size=fp.NUM_PERM, dtype=np.uint64).tolist()


def test_query_equals_the_numpy_functions():
    import random

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(40)] + ["the", "Council's", "£3.5bn", "20,442.75", "é"]
    texts = ["", "   ", "one", "two words", "just four words here", "a b c d e"]
    texts += [" ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 400))) for _ in range(60)]
    for t in texts:
        q = fp.query(t)
        assert q.fingerprints == fp.fingerprint(t), t
        assert q.lsh_keys == fp.lsh_keys(fp.minhash(fp.shingles(t))), t


def test_packed_signature_reduces_every_remainder(monkeypatch):
    # Lanes whose value modulo 2**64 is _PRIME itself, or sits in the top eight below 2**64,
    # take the exact path; the others the packed one. Both give the plain formula's minimum.
    xs = [0, 5, 9, 2**31 - 1]
    perms = [(1, 2**64 - 1 - 5), (1, fp._PRIME - 9), (1, 3), (2**61 - 2, 2**61 - 3)]
    monkeypatch.setattr(fp, "_A", tuple(a for a, _ in perms))
    monkeypatch.setattr(fp, "_B", tuple(b for _, b in perms))
    expected = [min((x * a + b) % 2**64 % fp._PRIME for x in xs) for a, b in perms]
    assert fp._signature(xs) == expected

    def folded_sum(v: int) -> int:  # the packed path's remainder, before the exact one
        return (v & fp._PRIME) + (v >> 61)

    for a, b in perms[:2]:  # x = 5 gives 2**64 - 1, x = 9 gives _PRIME: both need it
        assert max(folded_sum((x * a + b) % 2**64) for x in xs) >= fp._PRIME


def test_query_does_not_import_numpy():
    import subprocess
    import sys

    code = (
        "import sys; from storytrace import fingerprints as fp; "
        "fp.query('The council voted on Friday to close the old bridge.'); "
        "print('numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_minhash_is_the_affine_permutations_minimum_for_lists_and_arrays():
    import random

    import numpy as np

    rng = random.Random(7)
    mask = (1 << 31) - 1
    for n in (1, 3, 250):
        hashes = [rng.randrange(-(1 << 63), 1 << 63) for _ in range(n)]
        folded = [((h % (1 << 64)) ^ ((h % (1 << 64)) >> 31)) & mask for h in hashes]
        want = [
            min(((x * a + b) % (1 << 64)) % fp._PRIME for x in folded)
            for a, b in zip(fp._A, fp._B, strict=True)
        ]
        assert fp.minhash(hashes) == want
        assert fp.minhash(np.asarray(hashes, dtype=np.int64)) == want
        assert fp.minhash(iter(hashes)) == want
    assert fp.minhash([]) == fp.minhash(np.zeros(0, dtype=np.int64)) == [0] * fp.NUM_PERM
