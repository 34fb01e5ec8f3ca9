"""WordNet as a second thesaurus: the data-file parser, and how it joins Moby."""

import gc
from pathlib import Path

import pytest

from storytrace import synonyms
from storytrace.articles import InputError

FIX = Path(__file__).parent / "fixtures" / "wordnet"


@pytest.fixture
def wordnet_at(monkeypatch):
    """Point storytrace at a WordNet directory, with the look-up caches cleared."""

    def use(directory: Path) -> None:
        monkeypatch.setenv("STORYTRACE_WORDNET", str(directory))
        _clear_caches()

    yield use
    _clear_caches()


def _clear_caches() -> None:
    for cached in (synonyms.wordnet_source, synonyms.synonyms, synonyms.are_synonyms):
        cached.cache_clear()


def test_parser_reads_lemmas_multiword_and_adjective_markers(wordnet_at) -> None:
    wordnet_at(FIX)
    assert synonyms.wordnet_source() == FIX
    assert "wordnet" in synonyms.sources()
    assert synonyms.wordnet_synonyms("flat") == {"apartment", "dwelling unit"}
    assert synonyms.wordnet_synonyms("Get-together") == {"gathering"}
    assert synonyms.wordnet_synonyms("plentiful") == {"galore"}  # "(ip)" stripped
    assert synonyms.wordnet_synonyms("recently") == {"lately"}  # data.adv
    assert synonyms.wordnet_synonyms("lonely") == frozenset()
    assert synonyms.wordnet_synonyms("licence") == frozenset()  # header lines are not data


def test_a_pair_only_wordnet_links_is_a_synonym(wordnet_at, tmp_path) -> None:
    # Moby (installed in CI) does not list "dwelling unit" under "flat"; WordNet does.
    assert "dwelling unit" not in synonyms.moby_synonyms("flat")
    wordnet_at(tmp_path)  # a directory without WordNet's files: WordNet off
    assert synonyms.wordnet_source() is None
    assert not synonyms.are_synonyms("flat", "dwelling unit")
    wordnet_at(FIX)
    assert synonyms.are_synonyms("flat", "dwelling unit")
    assert synonyms.are_synonyms("quit", "step down")
    assert not synonyms.are_synonyms("flat", "gathering")


def test_moby_behaviour_is_unchanged_without_wordnet(wordnet_at, tmp_path) -> None:
    wordnet_at(tmp_path)
    assert synonyms.sources() == ["moby"]
    assert synonyms.are_synonyms("party", "get together")
    assert not synonyms.are_synonyms("party", "tree")


def test_a_malformed_data_file_is_a_one_line_error(wordnet_at, tmp_path) -> None:
    (tmp_path / "data.noun").write_text("  1 header\n00000100 14 n\n", encoding="utf-8")
    wordnet_at(tmp_path)
    with pytest.raises(InputError, match=r"data\.noun:2: not a WordNet data line"):
        synonyms.wordnet_synonyms("flat")


def test_the_package_table_serves_wordnet_without_debian(wordnet_at, monkeypatch) -> None:
    wordnet_at(FIX)  # clears the caches; the default source is what is tested
    monkeypatch.delenv("STORYTRACE_WORDNET")
    monkeypatch.setattr(synonyms, "WORDNET_DIRS", ("/nonexistent",))  # no Debian files
    source = synonyms.wordnet_source()
    assert source == synonyms.package_table() and source.name == "wordnet-synsets.txt.xz"
    assert (source.parent / "WORDNET-LICENSE.txt").read_text().count("Princeton") >= 3
    assert "wordnet" in synonyms.sources()
    assert "automobile" in synonyms.wordnet_synonyms("car")
    assert "get together" in synonyms.wordnet_synonyms("meeting")
    assert synonyms.are_synonyms("cars", "automobiles")
    # A pair only WordNet links, found with nothing but the package installed.
    assert "leave office" not in synonyms.moby_synonyms("resign")
    assert synonyms.are_synonyms("resign", "leave office")


def test_the_loaded_table_is_not_walked_by_the_garbage_collector() -> None:
    """A full collection walks every tracked object; the table's 110,000 lemma lists made
    each one of a comparing process cost ~12x more (18.6 vs 1.6 ms)."""
    table = synonyms._wordnet(synonyms.package_table())
    gc.collect()  # tuples of strings are untracked at their first collection
    assert len(table) > 100_000
    tracked = sum(gc.is_tracked(v) for v in table.values())
    assert tracked < len(table) // 100


def test_wordnet_can_be_turned_off(wordnet_at, monkeypatch) -> None:
    wordnet_at(FIX)
    monkeypatch.setenv("STORYTRACE_WORDNET", "none")
    _clear_caches()
    assert synonyms.wordnet_source() is None
    assert synonyms.wordnet_synonyms("car") == frozenset()


def test_build_script_table_equals_the_database_files(tmp_path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_wordnet.py"
    spec = importlib.util.spec_from_file_location("build_wordnet", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    table = mod.build(FIX, tmp_path)
    assert (tmp_path / "WORDNET-LICENSE.txt").is_file()
    from_files = synonyms.read_wordnet(FIX)
    assert synonyms.read_wordnet_table(table) == list(dict.fromkeys(from_files))
    assert ("flat", "apartment", "dwelling unit") in from_files
    assert mod.build(FIX, tmp_path).read_bytes() == table.read_bytes()  # deterministic


def test_a_corrupt_table_is_a_one_line_error(tmp_path) -> None:
    bad = tmp_path / "wordnet-synsets.txt.xz"
    bad.write_bytes(b"not xz")
    with pytest.raises(InputError, match="not a WordNet synonym table"):
        synonyms.read_wordnet_table(bad)
