"""Revision grade: kept shares, trimmed copies, low-kept rewrites, none/light/heavy."""

from pathlib import Path

from storytrace import revision
from storytrace.align import compare
from storytrace.diff import make_passage, merge_ops, opcodes
from storytrace.text import Doc

FIX = Path(__file__).parent / "fixtures" / "verdict"


def _passage(a: str, b: str):
    da, db = Doc(a), Doc(b)
    return da, db, make_passage(da, db, merge_ops(opcodes(da.norms, db.norms)))


def test_a_copy_with_a_clause_left_out_is_trimmed_not_edited() -> None:
    da, db, p = _passage(
        "The council, which met on Monday evening, approved the new budget for schools.",
        "The council approved the new budget for schools.",
    )
    assert p.kind == "edited"
    (q,) = revision.label(da, db, [p])
    assert (q.kind, q.trimmed, q.kept) == ("verbatim", True, 1.0)
    assert p.kind == "edited" and p.kept is None  # the input is left alone
    assert q.to_dict()["trimmed"] is True and q.to_dict()["kept"] == 1.0


def test_one_changed_word_is_an_edit_and_counts_against_kept() -> None:
    da, db, p = _passage(
        "The council approved the new budget for schools on Monday.",
        "The council approved the new budget for schools on Tuesday.",
    )
    (q,) = revision.label(da, db, [p])
    assert (q.kind, q.trimmed) == ("edited", False)
    assert abs(q.kept - 9 / 10) < 1e-9
    # A dropped single word with no punctuation around it is an edit, not trimming.
    da, db, p = _passage(
        "The council quickly approved the new budget for schools.",
        "The council approved the new budget for schools.",
    )
    assert revision.label(da, db, [p])[0].kind == "edited"


def test_an_edited_passage_keeping_few_words_is_reworded() -> None:
    da, db, p = _passage(
        "officials said the rail line would finally open to passengers next spring",
        "officials said the track might eventually welcome travellers some time soon",
    )
    (q,) = revision.label(da, db, [p])
    assert q.kept < revision.REWORDED_KEPT and q.kind == "reworded"


def test_grades_on_the_verdict_fixtures() -> None:
    original = (FIX / "original.txt").read_text(encoding="utf-8")
    grades = {}
    for name in ("light", "heavy", "independent", "unrelated"):
        cmp = compare(original, (FIX / f"{name}.txt").read_text(encoding="utf-8"))
        grades[name] = (cmp.verdict, cmp.revision)
    assert grades["light"] == ("copied", "light")
    assert grades["heavy"] == ("reworded", "heavy")
    assert grades["independent"][1] is None and grades["unrelated"][1] is None
    # Cut and paste: every third sentence dropped, the rest untouched.
    doc = Doc(original)
    kept = [original[s:e] for k, (s, e) in enumerate(doc.sentences) if k % 3 != 1]
    cut = compare(original, "\n\n".join(kept))
    assert cut.verdict in ("copied", "duplicate") and cut.revision == "none"
    d = cut.to_dict()
    assert d["revision"] == "none" and d["revision_features"]["level"] == "none"
    assert "reason" in d["revision_features"]
    assert compare(original, original).revision == "none"


def test_revision_is_null_in_the_json_for_unrelated_text() -> None:
    original = (FIX / "original.txt").read_text(encoding="utf-8")
    d = compare(original, (FIX / "unrelated.txt").read_text(encoding="utf-8")).to_dict()
    assert d["revision"] is None and "revision_features" not in d


def test_the_grade_is_explained_in_findings_and_the_terminal_summary() -> None:
    from rich.console import Console

    from storytrace.report import terminal_summary

    original = (FIX / "original.txt").read_text(encoding="utf-8")
    cmp = compare(original, (FIX / "heavy.txt").read_text(encoding="utf-8"))
    # The grade measures the shared passages only, and says so: the words outside them are
    # neither kept nor revised (two outlets sharing quotes are not one revising the other).
    assert any(
        f.startswith("The shared passages differ heavily: ")
        and " of the words lined up on both sides unchanged (" in f
        and " word edits per 100 passage words (" in f
        for f in cmp.findings
    ), cmp.findings
    console = Console(width=200, record=True)
    console.print(terminal_summary(cmp))
    assert "revision  heavy  The shared passages differ heavily:" in console.export_text()
    light = compare(original, (FIX / "light.txt").read_text(encoding="utf-8"))
    assert light.revision_features.reason.startswith("The shared passages differ lightly: ")
    assert compare(original, original).revision_features.reason.startswith(
        "The shared passages are copies: 100% of the words lined up on both sides unchanged"
    )


def test_a_replacement_crosses_a_sentence_only_at_a_real_sentence_end() -> None:
    # Doc.sentences, not a private regex: "Mr." and "Dance?" inside a title end no sentence.
    doc = Doc("He met Mr. Brown at the film Shall We Dance? at noon. Then they left.\nNext.")
    at = doc.text.index
    assert not revision._junction(doc, (at("met"), at("Brown") + 5))
    assert not revision._junction(doc, (at("We"), at("at noon") + 2))
    assert revision._junction(doc, (at("noon"), at("Then") + 4))
    assert not revision._junction(doc, (at("Then"), at("left") + 4))
    assert revision._junction(doc, (at("left"), at("Next") + 4))


def test_a_second_hand_written_light_revision_is_light_and_not_spun() -> None:
    # light2.txt: a sub-editor's pass written by hand, with some less common words
    # ("breached", "inundated", "sluggish") among insertions, cuts and a moved clause.
    fixtures = Path(__file__).parent / "fixtures" / "verdict"
    a = (fixtures / "original.txt").read_text(encoding="utf-8")
    b = (fixtures / "light2.txt").read_text(encoding="utf-8")
    cmp = compare(a, b)
    assert cmp.verdict == "copied" and cmp.revision == "light"
    assert not any(p.kind == "spun" for p in cmp.passages)


def test_a_list_with_its_places_left_out_is_a_trimmed_copy_not_a_rewrite() -> None:
    # Sentence pairing scores this pair low on word similarity (every street lost its town
    # in brackets), yet every word B kept is A's word unchanged: a copy, not "reworded".
    a = (
        "Streets named for summer repairs\n\nThe council has named the roads it will resurface"
        " before the autumn, after a winter of complaints about potholes.\n\nThe council will"
        " resurface nine streets this summer: Mill Lane (Otley), Church Street (Ilkley),"
        " Bridge Road (Wetherby), Station Road (Selby), Market Place (Tadcaster), Park Avenue"
        " (Pudsey), Queen Street (Morley), Main Street (Garforth), Victoria Road (Batley).\n"
    )
    b = (
        "Roadworks ahead\n\nDrivers face delays.\n\nThe council will resurface nine streets"
        " this summer: Mill Lane, Church Street, Bridge Road, Station Road, Market Place, Park"
        " Avenue, Queen Street, Main Street, Victoria Road.\n\nContractors said the work would"
        " start in June and finish by the end of August.\n"
    )
    cmp = compare(a, b)
    assert cmp.passages and "Mill Lane (Otley)" in a[cmp.passages[0].a[0] : cmp.passages[0].a[1]]
    assert {(p.kind, p.trimmed, p.kept) for p in cmp.passages} == {("verbatim", True, 1.0)}
    assert cmp.verdict == "copied" and cmp.revision == "none"


def test_a_shared_line_up_alone_is_furniture_not_a_copy() -> None:
    # A team sheet is a listing of names (boilerplate.listing_spans): a side's line-up is
    # printed again under the preview and report of every match it plays, so sharing one
    # says nothing of one report taking another's. The passage stays, labelled.
    a = (
        "Leeds name side for the derby\n\nLeeds coach Ann Hale has named her side for Sunday's"
        " derby against York at Elland Road.\n\nLeeds: J Smith (Otley), K Brown (Ilkley),"
        " T Green (Wetherby), G White (Selby), S Black (Tadcaster), D Grey (Pudsey),"
        " R Stone (Morley), P Wood (Garforth), M Hill (Batley).\n"
    )
    b = (
        "Derby preview: Leeds v York\n\nKick-off is at three.\n\nLeeds: J Smith, K Brown,"
        " T Green, G White, S Black, D Grey, R Stone, P Wood, M Hill.\n\nYork have won three"
        " of their last four matches and their coach said the players were ready.\n"
    )
    cmp = compare(a, b)
    (p,) = [p for p in cmp.passages if "J Smith (Otley)" in a[p.a[0] : p.a[1]]]
    assert p.kind == "boilerplate"
    assert cmp.verdict == "unrelated"


def test_an_editors_synonyms_are_edits_not_spin_flags() -> None:
    # Both hand-written light revisions swap a few words for synonyms ("collapses" for
    # "fails", "hits" for "reaches"); their passages are edited, not spun, so neither the
    # flags nor the findings may call any of it spun (they did: "B's headline is spun").
    fixtures = Path(__file__).parent / "fixtures" / "verdict"
    a = (fixtures / "original.txt").read_text(encoding="utf-8")
    for name in ("light.txt", "light2.txt"):
        cmp = compare(a, (fixtures / name).read_text(encoding="utf-8"))
        assert any(e.op == "synonym" for p in cmp.passages for e in p.edits)
        assert not any(p.kind == "spun" for p in cmp.passages)
        assert cmp.spin_flags == [] and not any("spun" in f for f in cmp.findings)


def test_a_replacement_across_a_sentence_end_that_changes_words_is_no_trim() -> None:
    # ECB+ (Lohan rehab, two outlets): the aligner lined up "said she" with a stretch of B
    # that runs over a sentence end. B's stretch does not hold A's words, so A's words were
    # changed, not a sentence dropped: the passage is no verbatim copy.
    a = Doc("Her lawyer Mark Heller said she was ensconced in the bosom of the centre.")
    b = Doc(
        "Her lawyer Mark Heller did in court this morning.\nHe told the judge that LiLo was"
        " ensconced in the bosom of the centre."
    )
    p = revision.label(a, b, [make_passage(a, b, merge_ops(opcodes(a.norms, b.norms)))])[0]
    assert not (p.kind == "verbatim" and p.trimmed)
    assert p.kept < 1.0
    # A dropped sentence bridged by the aligner stays a trim: B's shorter side is in A's.
    a = Doc("Her lawyer Mark Heller said she was well. She slept. Then she was ensconced there.")
    b = Doc("Her lawyer Mark Heller said she was well. Then she was ensconced there.")
    p = revision.label(a, b, [make_passage(a, b, merge_ops(opcodes(a.norms, b.norms)))])[0]
    assert (p.kind, p.trimmed, p.kept) == ("verbatim", True, 1.0)
    # Whole sentences dropped and others added in their place: omissions, not edits.
    a = Doc(
        "The mayor opened the new bridge today. It cost four million. It took a year."
        " Crowds watched it."
    )
    b = Doc("The mayor opened the new bridge today. Rain fell all morning. Crowds watched it.")
    p = revision.label(a, b, [make_passage(a, b, merge_ops(opcodes(a.norms, b.norms)))])[0]
    assert (p.kind, p.trimmed, p.kept) == ("verbatim", True, 1.0)


def test_a_changed_ending_is_an_edit_though_its_words_stand_elsewhere() -> None:
    # ECB+ (Lohan rehab, two outlets): two headlines share "Lindsay Lohan ... checks into",
    # then end differently. B's "rehab facility" stands later in A, but a replacement at a
    # passage's end bridges no omitted stretch: the headline was changed, not trimmed.
    a = Doc(
        "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab\nThe actress moved to"
        " another rehab facility on Thursday, her lawyer said."
    )
    b = Doc("Lawyer: Lindsay Lohan checks into rehab facility")
    assert a.tokens_in((0, a.text.index("\n")))[1] == 9  # the passage is A's first line
    # The word edits as given (Levenshtein may equally keep "Rehab" / "rehab" and add
    # "facility", which opcodes now does for this pair: its alignments are read in an order
    # fixed by the texts): "Malibu Rehab" replaced by "rehab facility" at the end.
    ops = [
        ("insert", 0, 0, 0, 1),
        ("equal", 0, 2, 1, 3),
        ("delete", 2, 5, 3, 3),
        ("equal", 5, 7, 3, 5),
        ("replace", 7, 9, 5, 7),
    ]
    p = revision.label(a, b, [make_passage(a, b, ops)])[0]
    assert p.edits[-1].op == "replace"
    assert not (p.kind == "verbatim" and p.trimmed)
    assert p.kept < 1.0


def test_a_short_brief_sharing_a_few_words_is_neither_copied_nor_reworded() -> None:
    # ECB+: a 13-word brief shares "Maurice Cheeks ... coach" with an article's headline.
    # Three equal words are 30% of it, but no reader would call that a copy or a rewrite.
    a = (
        "Maurice Cheeks is out as Philadelphia 76ers head coach\nThe Philadelphia 76ers fired"
        " coach Maurice Cheeks on Saturday, one day after the team lost again.\nThe team lost"
        " nine of its first fourteen games and the owners met on Friday, officials said."
    )
    b = "PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach."
    assert compare(a, b).verdict not in ("copied", "reworded")


def test_the_reason_says_what_each_figure_measures_and_claims_no_direction() -> None:
    # Only single words added (no replacement): every word on both sides is unchanged, yet
    # there are edits. The line must say the edits are insertions and deletions too and that
    # the kept share leaves them out, or "100% unchanged, 3 edits" reads as a contradiction.
    a = (
        "The harbour board voted on Tuesday to close the old ferry pier for repairs. "
        "Engineers found cracks in two of the concrete pillars last month and said the "
        "work would take most of the summer. Ferries will dock at the north quay until "
        "the pier reopens, the board said in a statement after the meeting."
    )
    b = a.replace("found cracks", "found deep cracks").replace("work would", "work probably would")
    b = b.replace("will dock", "will instead dock")
    cmp = compare(a, b)
    rev = cmp.revision_features
    assert cmp.revision == "light" and rev.kept == 1.0 and rev.edits_per_100 > 1.0
    reason = rev.reason
    edits = "word edits per 100 passage words (words replaced, or a word or two inserted or"
    kept = "100% of the words lined up on both sides unchanged (inserted and deleted words"
    assert edits in reason and kept in reason
    # The edits come first: the kept share then reads as a qualification, not a denial.
    assert reason.index("edits per 100") < reason.index("unchanged")
    # No verdict says which text came first, so the grade is the two texts' difference.
    original = (FIX / "original.txt").read_text(encoding="utf-8")
    heavy = compare(original, (FIX / "heavy.txt").read_text(encoding="utf-8"))
    for r in (reason, heavy.revision_features.reason, compare(a, a).revision_features.reason):
        assert "revision" not in r.lower() and "revises" not in r.lower(), r
    assert reason.startswith("The shared passages differ lightly: ")
    assert heavy.revision_features.reason.startswith("The shared passages differ heavily: ")
