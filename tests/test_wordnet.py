"""WordNet as a second thesaurus: the data-file parser, and how it joins Moby."""

import os
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
    for cached in (synonyms.wordnet_dir, synonyms.synonyms, synonyms.are_synonyms):
        cached.cache_clear()


def test_parser_reads_lemmas_multiword_and_adjective_markers(wordnet_at) -> None:
    wordnet_at(FIX)
    assert synonyms.wordnet_dir() == FIX
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
    wordnet_at(tmp_path)  # an empty directory: no WordNet
    assert synonyms.wordnet_dir() is None
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


@pytest.mark.skipif(
    os.environ.get("STORYTRACE_CI") != "1", reason="Debian's wordnet-base is installed by .ci/run"
)
def test_debian_wordnet_in_ci(wordnet_at, monkeypatch) -> None:
    wordnet_at(FIX)  # clears the caches; the default location is what is tested
    monkeypatch.delenv("STORYTRACE_WORDNET")
    assert synonyms.wordnet_dir() == Path("/usr/share/wordnet")
    assert "automobile" in synonyms.wordnet_synonyms("car")
    assert "get together" in synonyms.wordnet_synonyms("meeting")
    assert synonyms.are_synonyms("cars", "automobiles")
