from hashlib import blake2b

from storytrace import fingerprints as fp
from storytrace.text import doc_of

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


def test_fingerprints_are_every_word_4gram_and_the_winnowed_shape_keys():
    sh = fp.shingles(BASE)
    assert fp.WINDOW == 1
    assert fp.fingerprint(BASE) == sorted(set(sh) | set(fp.sample_of(fp.shapes(BASE), 8)))
    kept = fp.sample_of(sh, 2)  # winnowing, as the shape keys are sampled
    assert set(kept) <= set(sh)
    for k in range(len(sh) - 1):
        assert min(sh[k : k + 2]) in kept
    # A text too short for a whole window keeps its smallest shingle.
    assert fp.sample_of([5, 7], 2) == [5]
    assert fp.sample_of([]) == []


def _words(rng, n):
    vocab = [f"w{i}" for i in range(5000)]
    return [rng.choice(vocab) for _ in range(n)]


def test_any_shared_run_of_7_words_shares_min_shared_fingerprints():
    """The documented guarantee, on 300 random placements."""
    import random

    rng = random.Random(7)
    assert fp.GUARANTEED_WORDS == 7
    for _ in range(300):
        run = _words(rng, fp.GUARANTEED_WORDS)
        a = _words(rng, rng.randrange(0, 200))
        b = _words(rng, rng.randrange(0, 200))
        cut_a, cut_b = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        ta = " ".join(a[:cut_a] + run + a[cut_a:])
        tb = " ".join(b[:cut_b] + run + b[cut_b:])
        shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
        assert len(shared) >= fp.MIN_SHARED, (cut_a, cut_b)


# Our own text: a lifted passage of 45 words, and two articles to put it in.
LIFT = (
    "Engineers from the county council spent three days inside the flooded tunnel before "
    "they agreed that the pumps installed in 1987 could no longer keep pace with the river, "
    "and the contract for new ones was signed on Tuesday with a firm from Gateshead that "
    "builds them."
).split()
HOST_A = (
    "Residents of the valley have complained for years about the smell. The new mayor, who "
    "took office in May, promised a review. Shops on the high street closed early."
).split()
HOST_B = (
    "A spokeswoman for the water company said it welcomed the decision. Anglers reported "
    "fewer fish this season. The ferry timetable changes next month."
).split()


def _placed(run: list[str], host: list[str], at: int) -> str:
    return " ".join(host[:at] + run + host[at:])


def _exact_4grams(text: str) -> list[int]:
    norms = doc_of(text).norms
    return [
        int.from_bytes(blake2b(" ".join(norms[i : i + 4]).encode(), digest_size=8).digest())
        - (1 << 63)
        for i in range(len(norms) - 3)
    ]


def _main_rule(ta: str, tb: str) -> bool:
    """The rule before session 33: exact word 4-grams winnowed in windows of 2, shape keys
    in windows of 3, three shared."""
    keys = [
        set(fp.sample_of(_exact_4grams(t), 2)) | set(fp.sample_of(fp.shapes(t), 3))
        for t in (ta, tb)
    ]
    return len(keys[0] & keys[1]) >= 3


def _inside(w: str) -> str:
    """``w`` misread inside (its middle letters replaced): a word of 6 letters or more keeps
    its outline."""
    return w[0] + "x" * (len(w) - 2) + w[-1] if len(w) >= fp.OUTLINE_LETTERS else w


def test_a_run_of_15_words_with_any_two_words_changed_is_a_candidate():
    """The noisy-run guarantee, at every placement of the two changes in a 15-word run and
    every kind of change (a first or last letter misread, so shapes may break too; a word
    replaced), with every other word misread inside, the run put at several places of two
    different articles. The previous rule missed some of these placements."""
    n = fp.NOISY_RUN_WORDS
    assert (n, fp.NOISY_RUN_CHANGES) == (15, 2)
    run = LIFT[:n]
    missed_before = 0
    changes = (lambda w: "q" + w[1:], lambda w: w[:-1] + "q", lambda w: "zebra")
    for i in range(n):
        for j in range(i + 1, n):
            for change in changes:
                seen = [change(w) if k in (i, j) else w for k, w in enumerate(run)]
                seen = [w if k in (i, j) or k % 2 else _inside(w) for k, w in enumerate(seen)]
                for at_a, at_b in ((0, len(HOST_B)), (12, 5), (len(HOST_A), 0)):
                    ta, tb = _placed(run, HOST_A, at_a), _placed(seen, HOST_B, at_b)
                    shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
                    assert len(shared) >= fp.MIN_SHARED, (i, j, at_a, at_b)
                    missed_before += not _main_rule(ta, tb)
    assert missed_before > 0


def test_outlines_keep_a_word_misread_inside_and_numbers_whole():
    assert fp.shingles("the minister of health") == fp.shingles("the minlster of heaith")
    assert fp.shingles("the minister of health") != fp.shingles("the ministen of health")
    assert fp.shingles("sold for 120 pounds") != fp.shingles("sold for 150 pounds")
    assert fp.shingles("the cat sat down") != fp.shingles("the cut sat down")  # short words


def test_a_run_edited_every_seventh_word_is_a_candidate():
    """Every run of 15 to 45 words with one word in every seven replaced, at each of the
    seven offsets: a shared candidate (the bench's 'edited' lifts). The previous rule missed
    some."""
    missed_before = 0
    for n in range(15, len(LIFT) + 1):
        for offset in range(7):
            run = LIFT[:n]
            seen = ["zebra" if k % 7 == offset else w for k, w in enumerate(run)]
            ta, tb = _placed(run, HOST_A, 12), _placed(seen, HOST_B, 5)
            shared = set(fp.fingerprint(ta)) & set(fp.fingerprint(tb))
            assert len(shared) >= fp.MIN_SHARED, (n, offset)
            missed_before += not _main_rule(ta, tb)
    assert missed_before > 0


def _misread(rng, w):
    """``w`` with its last letter misread (OCR noise that keeps its shape, not its outline)."""
    return w[:-1] + rng.choice("abcdefghij".replace(w[-1], ""))


def test_a_run_of_38_misread_words_shares_min_shared_shape_keys():
    """The shape keys' guarantee: 38 shared words with their last letter misread in every
    one of them (so no outline 4-gram is shared) still share MIN_SHARED fingerprints, on 300
    placements.
    The words' shapes vary (26 first letters, lengths 3 to 10), as in text: a run that
    repeats one of its own shape 7-grams shares fewer."""
    import random

    rng = random.Random(5)
    assert fp.SHAPE_GUARANTEED_WORDS == 38
    vocab = [chr(97 + i % 26) + "o" * (i // 26 % 8) + f"{i:03d}"[-2:] for i in range(5000)]
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


def test_winnowing_is_each_windows_minimum_for_every_window_and_length():
    # _winnowed takes the minima of windows of 2, 4, 8... and joins two overlapping ones for
    # other widths: it must equal the plain minimum of every window (ties and short texts too).
    import numpy as np

    rng = np.random.default_rng(5)
    for length in range(1, 40):
        for window in range(1, 18):
            for h in (
                rng.integers(-(1 << 63), (1 << 63) - 1, length, dtype=np.int64),
                rng.integers(0, 4, length).astype(np.int64),  # many equal values
            ):
                got = fp._winnowed(h, window).tolist()
                assert got == fp._plain_sample(h.tolist(), window), (length, window)
    assert fp._winnowed(np.zeros(0, dtype=np.int64), 8).tolist() == []


def test_word_hash_rows_survive_growth_a_restart_and_threads(monkeypatch):
    # The array path reads each word's two hashes from rows of a growing map; whatever the
    # map's state (grown past its first arrays, started again at its limit, filled by several
    # threads at once), the shingles and shapes equal the plain path's (query's WordMaps).
    import threading

    monkeypatch.setattr(fp, "_words", [None, None])
    monkeypatch.setattr(fp, "_WORD_LIMIT", 7000)
    texts = [  # 1,200 new words each
        " ".join(f"w{k}x{i}" + "abcdefg"[: i % 8] for i in range(k * 900, k * 900 + 1200))
        for k in range(8)
    ]

    def plain(text: str) -> tuple[list[int], list[int]]:
        norms = doc_of(text).norms
        words = fp._plain_grams([fp._OUTLINES[w] for w in norms], fp.NGRAM)
        shapes = fp._plain_grams([fp._SHAPES[w] for w in norms], fp.SHAPE_NGRAM)
        return [fp._signed(a) for a in words], [fp._signed(a) for a in shapes]

    want = {t: plain(t) for t in texts}
    sizes = []
    for t in texts:
        assert (fp.shingles(t), fp.shapes(t)) == want[t]
        sizes.append((len(fp._words[0]), len(fp._words[0].outline)))
    # Grown past its first 4,096 rows at the fourth text; started again at the seventh.
    assert sizes[3] == (4800, 8192) and sizes[6] == (1200, 4096) and sizes[7][0] == 2400

    monkeypatch.setattr(fp, "_words", [None, None])
    monkeypatch.setattr(fp, "_WORD_LIMIT", 1 << 20)
    got: dict[str, tuple[list[int], list[int]]] = {}
    start = threading.Barrier(4)

    def run(part: list[str]) -> None:
        start.wait()
        for t in part:
            got[t] = (fp.shingles(t), fp.shapes(t))

    threads = [threading.Thread(target=run, args=(texts[k::4],)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert got == want
    words = fp._words[0]
    assert len(words) == 9600 and words.n >= 9600
    rows = list(words.values())
    assert words.outline[rows].tolist() == [fp._outline_hash(w) for w in words]
    assert words.shape[rows].tolist() == [fp._shape_hash(w) for w in words]
