"""Spin without a source: flagged phrases, offsets, scores and the CLI."""

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.cli import app
from storytrace.spin import detect
from storytrace.text import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "spin"


def test_seed_b_headline_flags_the_spun_words() -> None:
    text = (ROOT / "examples" / "seed_b.txt").read_text(encoding="utf-8")
    headline = sentence_spans(text)[0]
    report = detect(text)
    in_headline = [f for f in report.flags if headline[0] <= f.span[0] < headline[1]]
    phrases = [text[s:e] for s, e in (f.span for f in in_headline)]
    assert phrases == ["get together", "marketing campaign"]
    assert all(f.kind == "tortured" for f in in_headline)
    assert report.score > 0


def test_seed_a_opening_sentence_flags_nothing() -> None:
    text = (ROOT / "examples" / "seed_a.txt").read_text(encoding="utf-8")
    s, e = sentence_spans(text)[0]
    assert "party staff to campaign" in text[s:e]
    assert detect(text[s:e]).flags == []
    assert not [f for f in detect(text).flags if f.span[0] < e]


def test_unspun_fixture_is_clean_and_spun_one_is_not() -> None:
    clean = detect((FIX / "unspun.txt").read_text(encoding="utf-8"))
    assert clean.flags == [] and clean.score == 0
    text = (FIX / "spun.txt").read_text(encoding="utf-8")
    spun = detect(text)
    found = {text[s:e].lower() for s, e in (f.span for f in spun.flags)}
    assert {"top minister", "press convention", "basic election", "worldwide warming"} <= found
    assert {"local weather change", "human privileges", "get together staff"} & found
    assert "labour get together" in found
    assert spun.score > 5


def test_verb_get_together_and_marketing_outside_politics_are_fine() -> None:
    assert detect("We should get together for lunch next week.").flags == []
    assert detect("The brand's new marketing campaign lifted sales of trainers.").flags == []


def test_thesaurus_collocation_swap() -> None:
    # Two swaps corroborate each other; one alone is not reported.
    two = "He called a press colloquium on the campaign path to answer critics."
    found = [(f.kind, two[f.span[0] : f.span[1]]) for f in detect(two).flags]
    assert found == [("collocation", "press colloquium"), ("collocation", "campaign path")]
    assert detect("He called a press colloquium to answer critics.").flags == []
    assert detect(two, use_thesaurus=False).flags == []


def test_rare_thesaurus_words_flag_a_random_spin_but_not_its_source() -> None:
    spun = (FIX / "original_spun50.txt").read_text(encoding="utf-8")
    report = detect(spun)
    rare = [f for f in report.flags if f.kind == "rare-synonym"]
    assert {"lunette", "twelvemonth", "preapprehend"} <= {f.phrase for f in rare}
    assert all(spun[f.span[0] : f.span[1]] == f.phrase for f in rare)
    # Capitalised words are left alone: "Flood" starts the headline, names stay names.
    assert all(f.phrase.islower() for f in rare)
    original = (ROOT / "tests" / "fixtures" / "verdict" / "original.txt").read_text("utf-8")
    assert detect(original).flags == []


def test_a_few_rare_words_in_long_plain_prose_are_not_spin() -> None:
    plain = (FIX / "unspun.txt").read_text(encoding="utf-8")
    # Two rare but real words a good writer might use: under the corroboration bar.
    text = plain.replace(" said", " said, amid the furore,", 1) + " A lacklustre result."
    assert [f for f in detect(text).flags if f.kind == "rare-synonym"] == []
    dense = text + " The lunette and the twelvemonth preapprehend a rhapsodist."
    assert len([f for f in detect(dense).flags if f.kind == "rare-synonym"]) >= 3


def test_cli_json_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["spin", "--json", str(ROOT / "examples" / "seed_b.txt")])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout.splitlines()[0])
    spans = [tuple(f["span"]) for f in d["flags"]]
    assert [d["text"][s:e] for s, e in spans][:2] == ["get together", "marketing campaign"]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = runner.invoke(app, ["spin", str(empty)])
    assert res.exit_code == 1  # an input that failed, not a usage error
    assert "empty.txt" in res.stderr


def test_compare_marks_synonym_swaps_and_spun_verdict() -> None:
    from storytrace.align import compare

    original = (ROOT / "tests" / "fixtures" / "verdict" / "original.txt").read_text("utf-8")
    # An early bench/spinner.py at a 40% rate (seed 3): sense-blind thesaurus swaps.
    spun = (FIX / "original_spun40.txt").read_text(encoding="utf-8")
    cmp = compare(original, spun)
    assert cmp.verdict == "spun"
    assert any(p.kind == "spun" for p in cmp.passages)
    swaps = {
        (cmp.a.text[e.a[0] : e.a[1]], cmp.b.text[e.b[0] : e.b[1]])
        for p in cmp.passages
        for e in p.edits
        if e.op == "synonym"
    }
    assert ("reaches", "hits") not in swaps  # that is the editor's light revision
    assert len(swaps) >= 15
    assert ("protecting", "protecting") not in swaps
    # The editor's light revision swaps ~9% of content words: still a copy, not spin.
    light = (ROOT / "tests" / "fixtures" / "verdict" / "light.txt").read_text("utf-8")
    assert compare(original, light).verdict == "copied"


def test_half_spun_sentences_without_shared_trigrams_are_still_paired() -> None:
    from storytrace.align import compare

    original = (ROOT / "tests" / "fixtures" / "verdict" / "original.txt").read_text("utf-8")
    # bench/spinner.py at a 50% rate (seed 3): 60 swaps, some sentences keep no trigram.
    spun = (FIX / "original_spun50.txt").read_text(encoding="utf-8")
    cmp = compare(original, spun)
    assert cmp.mode == "lexical"
    swaps = [e for p in cmp.passages for e in p.edits if e.op == "synonym"]
    # Trigram chains and the content-word pairing alone find 35; the synonym-aware
    # pairing that spinning switches on finds the rest of the spun sentences.
    assert len(swaps) >= 42
    clause = "not with it speech situation of the prison ward chore"
    start = spun.index(clause)
    holder = [p for p in cmp.passages if p.b[0] <= start < p.b[1]]
    assert holder and holder[0].kind == "spun"
    # Its sentence joins the spun passage before it (the swaps at a passage's end are
    # taken in), and the source sentence is on the A side of that passage.
    assert "slow response of the emergency services" in original[holder[0].a[0] : holder[0].a[1]]


def test_seed_headline_swaps_are_synonym_edits() -> None:
    from storytrace.align import compare

    a = "It was a mistake for the party to help Kamala Harris's campaign, he said."
    b = "It was a mistake for get together to assist Kamala Harris marketing campaign, he said."
    cmp = compare(a, b)
    ops = [
        (e.op, cmp.a.text[e.a[0] : e.a[1]], cmp.b.text[e.b[0] : e.b[1]])
        for p in cmp.passages
        for e in p.edits
    ]
    assert ("synonym", "help", "assist") in ops
    assert ("synonym", "the party", "get together") in ops
    # "Harris's campaign" -> "Harris marketing campaign": the added modifier is the swap.
    assert ("synonym", "Harris's", "Harris marketing") in ops
    assert ("equal", "campaign", "campaign") in ops or any(
        op == "equal" and x.startswith("campaign") for op, x, _ in ops
    )


def test_cli_says_what_is_missing_without_the_thesaurus(monkeypatch) -> None:
    from storytrace import synonyms

    monkeypatch.setattr(synonyms, "available", lambda: False)
    res = CliRunner().invoke(app, ["spin", str(ROOT / "examples" / "seed_b.txt")])
    assert res.exit_code == 2
    assert "pip install 'storytrace[spin]'" in res.stderr
    assert "Traceback" not in res.output


def test_label_returns_new_passages_and_leaves_its_input_alone() -> None:
    import copy

    from storytrace import spin
    from storytrace.align import Options, compare
    from storytrace.text import Doc

    a = "It was a mistake for the party to help Kamala Harris's campaign, he said."
    b = "It was a mistake for get together to assist Kamala Harris marketing campaign, he said."
    plain = compare(a, b, Options(synonyms=False)).passages
    before = copy.deepcopy(plain)
    labelled = spin.label(Doc(a), Doc(b), plain)
    assert plain == before  # nothing edited in place
    assert all(e.op != "synonym" for p in plain for e in p.edits)
    assert [p.kind for p in labelled] == ["spun"]
    ops = [e.op for e in labelled[0].edits]
    assert ops.count("synonym") == 3 and labelled[0].edits is not plain[0].edits


def test_spin_by_edit_pattern_finds_swaps_no_thesaurus_lists() -> None:
    """One swap the thesaurus explains, the rest rare words it does not know, nothing
    else changed: the spinner's pattern, so the passage is spun and every swap found."""
    from storytrace import synonyms
    from storytrace.align import Options, compare

    a = (
        "The council said it would help families with the cost of school meals and "
        "promised to review the budget for libraries across the city next year, it said."
    )
    b = (
        "The council said it would assist families with the outlay of school meals and "
        "promised to preapprehend the budget for lunettes across the city next "
        "twelvemonth, it said."
    )
    cmp = compare(a, b, Options(quotes=False, spin=False))
    (p,) = cmp.passages
    swaps = {(a[e.a[0] : e.a[1]], b[e.b[0] : e.b[1]]) for e in p.edits if e.op == "synonym"}
    assert p.kind == "spun"
    assert {("review", "preapprehend"), ("libraries", "lunettes"), ("help", "assist")} <= swaps
    # Those two are the pattern's: no thesaurus links them.
    assert not synonyms.are_synonyms("review", "preapprehend")
    assert not synonyms.are_synonyms("libraries", "lunettes")


def test_the_pattern_needs_rarer_words_an_editors_common_choice_is_not_spin() -> None:
    from storytrace.align import Options, compare

    a = (
        "The council said it would help families with the cost of school meals and "
        "promised to review the budget for libraries across the city next year, it said."
    )

    def kind(new_word: str) -> str:
        b = a.replace("help", "assist").replace("libraries", new_word)
        (p,) = compare(a, b, Options(quotes=False, spin=False)).passages
        return p.kind

    # Same edits, one thesaurus swap and one unknown word: only its rarity differs.
    assert kind("roads") == "edited"
    assert kind("lunettes") == "spun"


_PAIR_A = (
    "The council said it would help families with the cost of school meals and promised "
    "to review the budget for libraries across the city next year, it said. Officials "
    "warned that the plan would need more money from the government before the summer "
    "holidays began in the region, and the mayor agreed."
)
_RARE = {
    "help": "succour",
    "cost": "outlay",
    "review": "preapprehend",
    "libraries": "lunettes",
    "city": "burgh",
    "year": "twelvemonth",
    "warned": "forewarned",
    "money": "lucre",
    "region": "demesne",
}


def _no_thesaurus(monkeypatch) -> None:
    """No thesaurus explains any replacement: only the edit pattern is left."""
    from storytrace import synonyms

    monkeypatch.setattr(synonyms, "are_synonyms", lambda a, b: False)


def _swap(text: str, table: dict[str, str]) -> str:
    import re

    return re.sub(r"\b(" + "|".join(table) + r")\b", lambda m: table[m.group()], text)


def test_a_pair_with_a_spinners_pattern_is_spun_without_any_thesaurus(monkeypatch) -> None:
    from storytrace.align import Options, compare

    _no_thesaurus(monkeypatch)
    # One phrase ending in a function word: not counted in the pattern, but a swap once
    # the pair is spun.
    table = {**_RARE, "promised": "gave word of"}
    b = _swap(_PAIR_A, table)
    cmp = compare(_PAIR_A, b, Options(quotes=False, spin=False))
    assert cmp.verdict == "spun"
    swaps = {
        (_PAIR_A[e.a[0] : e.a[1]], b[e.b[0] : e.b[1]])
        for p in cmp.passages
        for e in p.edits
        if e.op == "synonym"
    }
    assert swaps == set(table.items())


def test_an_editors_common_words_or_rewrites_are_not_a_spinners_pattern(monkeypatch) -> None:
    from storytrace.align import Options, compare

    _no_thesaurus(monkeypatch)
    opts = Options(quotes=False, spin=False)
    # The same places, but more common words than the ones they replace.
    common = dict(zip(_RARE, "aid price see books town time said cash area".split(), strict=True))
    b = _swap(_PAIR_A, common)
    assert compare(_PAIR_A, b, opts).verdict != "spun"
    # The rare words again, among an editor's insertions and cuts.
    edited = _PAIR_A
    for old, new in (
        ("it would", "it would now"),
        ("school meals", "free school meals"),
        (" next", " over the next"),
        ("Officials", "Senior officials"),
        (" from the government", ""),
        (", and the mayor agreed", ""),
        ("holidays began", "holidays"),
    ):
        edited = edited.replace(old, new)
    assert compare(_PAIR_A, _swap(edited, _RARE), opts).verdict != "spun"


def test_the_likelihood_scale_reads_rare_swaps_and_says_what_it_means() -> None:
    from storytrace import spin

    plain = detect(_PAIR_A)
    spun = detect(_swap(_PAIR_A, _RARE))
    assert plain.likelihood < 0.5 and plain.scale == "no clear sign of spinning"
    assert spun.signals["rare_any"] > plain.signals["rare_any"]
    assert spun.likelihood >= 0.95 and spun.scale == "almost certainly spun"
    assert [spin.scale_words(p) for p in (0.0, 0.5, 0.8, 0.95, 1.0)] == [
        "no clear sign of spinning",
        "some signs of spinning",
        "likely spun",
        "almost certainly spun",
        "almost certainly spun",
    ]
    d = spun.to_dict()
    assert d["likelihood"] == round(spun.likelihood, 4) and set(d["signals"]) == set(spin.SIGNALS)


def test_likely_spun_needs_a_flagged_phrase() -> None:
    """Rates of rare words alone once read "almost certainly spun" (0.96) for a real UPI brief
    on PolNeAR with nothing flagged: no phrase a reader could check. Unflagged text stays
    below "likely spun" however rare its words."""
    from storytrace import spin

    text = (
        "Skywriters over Pasadena spelled out anybodybuttrump above the parade. "
        "Onlookers squinted at the contrails as the floats trundled past the grandstands. "
        "A spokeswoman for the foundation said the aerobatic display was paid for by donors."
    )
    report = detect(text)
    assert report.flags == [] and report.signals["rare_any"] > 5
    assert spin.likelihood(report.signals) > 0.95  # what the signals alone would claim
    assert report.likelihood == spin.UNFLAGGED_MAX and report.scale == "some signs of spinning"


def test_human_light_revision_is_not_spun_in_either_order() -> None:
    # A spread-of-swaps rule once called this pair spun with light.txt as A only, so the
    # verdict depended on argument order (and Spark and the local engine disagreed).
    from pathlib import Path

    from storytrace import align

    fix = Path(__file__).parent / "fixtures" / "verdict"
    light, original = (fix / "light.txt").read_text(), (fix / "original.txt").read_text()
    for a, b in ((light, original), (original, light)):
        assert align.compare(a, b, align.BULK).verdict != "spun"


def _relation(cmp) -> tuple[str, list]:
    """The verdict and the spun passages' spans with A and B in sorted order, so the two
    argument orders of one pair can be compared (as tests/test_spark.py does). Only the
    spun ones: the rest of the comparison's symmetry is tests/test_symmetry.py's."""
    flip = cmp.a.text > cmp.b.text
    spans = sorted((p.b, p.a) if flip else (p.a, p.b) for p in cmp.passages if p.kind == "spun")
    return cmp.verdict, spans


def test_the_verdict_and_spun_passages_do_not_depend_on_argument_order() -> None:
    # The spin rules read a pair one way (B's replacements rarer than A's words); before
    # the pair was read both ways, a spun article given as A was judged copied.
    from storytrace import align

    verdict = ROOT / "tests" / "fixtures" / "verdict"
    original = (verdict / "original.txt").read_text("utf-8")
    pairs = [(original, (FIX / f"original_spun{r}.txt").read_text("utf-8")) for r in (40, 50)]
    pairs += [
        (original, (verdict / f"{n}.txt").read_text("utf-8"))
        for n in ("light", "light2", "heavy", "independent", "unrelated")
    ]
    pairs.append(tuple((ROOT / "examples" / f"seed_{s}.txt").read_text("utf-8") for s in "ab"))
    pairs.append((_PAIR_A, _swap(_PAIR_A, _RARE)))
    seen = set()
    for a, b in pairs:
        ab, ba = align.compare(a, b, align.BULK), align.compare(b, a, align.BULK)
        assert _relation(ab) == _relation(ba)
        seen.add(ab.verdict)
    assert {"spun", "copied"} <= seen  # both sides of the rule are exercised


_COMMON = dict(zip(_RARE, "aid price see books town time said cash area".split(), strict=True))


@settings(max_examples=40, deadline=None)
@given(
    picks=st.lists(st.sampled_from(sorted(_RARE)), unique=True, min_size=1),
    common=st.sets(st.sampled_from(sorted(_RARE))),
    cuts=st.sets(st.sampled_from([" next year", " from the government", ", and the mayor agreed"])),
    added=st.sets(
        st.sampled_from([("it would", "it would now"), ("Officials", "Senior officials")])
    ),
)
def test_spin_verdict_is_symmetric_for_any_mix_of_swaps_and_edits(
    picks: list[str], common: set[str], cuts: set[str], added: set[tuple[str, str]]
) -> None:
    """A spinner's rare words, an editor's common ones, cuts and insertions in any mix:
    compare(a, b) and compare(b, a) give the same verdict and the same spun passages."""
    from storytrace import align

    b = _PAIR_A
    for cut in cuts:
        b = b.replace(cut, "")
    for old, new in added:
        b = b.replace(old, new)
    b = _swap(b, {w: (_COMMON[w] if w in common else _RARE[w]) for w in picks})
    assert _relation(align.compare(_PAIR_A, b, align.BULK)) == _relation(
        align.compare(b, _PAIR_A, align.BULK)
    )


def test_swaps_at_the_ends_of_a_spun_passage_and_added_modifiers_are_found() -> None:
    """A passage starts and ends on equal words, so the swaps at its two ends used to lie
    outside it ("Councillors" -> "Burghers", "agreed" -> "concurred"); a spun passage
    now grows over them. One plain word added before a content word ("plan" -> "master
    plan") is a swap inside a spun passage even when no thesaurus lists the compound."""
    from storytrace.align import BULK, compare

    a = "Councillors said it would help families. " + _PAIR_A.split(". ", 1)[1]
    table = {**_RARE, "Councillors": "Burghers", "agreed": "concurred"}
    b = _swap(a, table).replace("the plan", "the master plan")
    cmp = compare(a, b, BULK)
    assert cmp.verdict == "spun"
    found = {
        (a[e.a[0] : e.a[1]], b[e.b[0] : e.b[1]])
        for p in cmp.passages
        for e in p.edits
        if e.op == "synonym"
    }
    assert {("Councillors", "Burghers"), ("agreed", "concurred"), ("plan", "master plan")} <= found


def test_one_rare_word_repeated_is_a_writers_choice_not_spinning() -> None:
    # Found on ECB+: an AP earthquake report ("temblor" twice, "tarpaulins") and a report
    # using "imperiled" three times read "likely spun". A spinner swaps many different words;
    # a writer repeats the one rare word they chose. Inflections count once.
    from storytrace import spin

    base = (
        "The council met on Tuesday to discuss the new budget for the coming year. Members "
        "said the plan would help local schools and roads. "
    )
    repeated = (
        base + "The plan imperiled the library, critics said. They said the cuts imperiled "
        "jobs. The mayor said nothing imperiled the schools. " + base
    )
    report = spin.detect(repeated, use_thesaurus=True)
    assert not [f for f in report.flags if f.kind == "rare-synonym"]
    assert report.likelihood <= spin.UNFLAGGED_MAX
    inflected = repeated.replace("the cuts imperiled", "the cuts imperil")
    assert not spin.detect(inflected, use_thesaurus=True).flags
    # Three different rare thesaurus words are still reported.
    distinct = (
        base + "The plan imperiled the library, critics said. A temblor shook the hall. "
        "Workers put tarpaulins on the roof. " + base
    )
    flagged = [f.phrase for f in spin.detect(distinct, use_thesaurus=True).flags]
    assert flagged == ["imperiled", "temblor", "tarpaulins"]


_COUNCIL = (
    "Councillors voted on Tuesday to close the old market hall for repairs after engineers "
    "found damp in the walls and cracks in the roof.\n"
    "The leader of the opposition group said the people who run the council were "
    '"ruffians, hoodlums and swindlers" who had acted "cavalierly" by not asking a single '
    "trader first.\n"
    "The council said the repairs would take about six months and cost nearly two million "
    "pounds. Traders will move to a car park next to the station while the work is done, "
    "and the council will cover the cost of their new stalls.\n"
    "A spokeswoman said the hall would reopen before Christmas if the weather was kind."
)


def test_rare_words_a_writer_quotes_from_a_speaker_are_not_spinning() -> None:
    # Found on BBC News: a politician's "brigands, muggers, bribers and gangsters" and a
    # magazine's "revelatory debut" read "likely spun". Words the writer's sentence quotes
    # are the speaker's choice; the same words in the writer's own voice still count.
    from storytrace import spin

    quoted = spin.detect(_COUNCIL, use_thesaurus=True)
    assert quoted.flags == [] and quoted.signals["rare_thesaurus"] == 0
    assert quoted.likelihood < 0.5
    own = spin.detect(_COUNCIL.replace('"', ""), use_thesaurus=True)
    assert [f.phrase for f in own.flags] == ["ruffians", "hoodlums", "swindlers", "cavalierly"]
    assert own.likelihood >= 0.8
    # A quotation that opens a sentence of its own is rewritten by a spinner like any other
    # text, so its rare words still count.
    whole = _COUNCIL.replace(
        '"ruffians, hoodlums and swindlers" who had acted "cavalierly" by not asking',
        'behaving badly. "They are ruffians, hoodlums and swindlers. They acted cavalierly," '
        "he said, not asking",
    )
    assert [f.phrase for f in spin.detect(whole, use_thesaurus=True).flags] == [
        "ruffians",
        "hoodlums",
        "swindlers",
        "cavalierly",
    ]


_FARRIERS = (
    "Horse owners in the county say they are struggling to find farriers, as older workers "
    "retire and too few young people take up the trade.\n"
    "The county's agricultural society said on Monday that the number of registered farriers "
    "had fallen by a quarter in ten years, while the number of horses kept for riding had "
    "grown. Owners told the society they now wait up to six weeks for an appointment, and "
    "some said they had driven more than fifty miles for new shoes for a horse.\n"
    "The society wants the government to pay for more apprenticeships. A course lasts four "
    "years and most of the training happens in a forge, where an apprentice works beside a "
    "qualified craftsman. Colleges say they could take twice as many students if employers "
    "were paid to take them on.\n"
    "Older trades have gone the same way. A century ago most villages had drovers, who moved "
    "cattle to market on foot, and wheelwrights, who built and mended the wheels of carts. "
    "Both have all but disappeared, and the society fears the same could happen to farriers "
    "within a generation unless something changes soon.\n"
    "The government said it was looking at the report and would set out its plans for rural "
    "skills later this year. A spokesman said ministers valued the work of farriers and "
    "understood the concerns of horse owners in the county and beyond.\n"
    "The society will hold a meeting next month for people who want to learn more about the "
    "trade, with talks from working craftsmen and a demonstration in the college forge. It "
    "said places were limited and asked anyone interested to book early by telephone or "
    "through its website, where details of grants for students can also be found. Last "
    "year more than two hundred people came to a similar evening, and the society said a "
    "dozen of them later applied for a place on a course."
)


def test_a_rare_word_that_is_the_topic_counts_once() -> None:
    # Found on BBC News: a report on French wine growers naming them "vintners" four times,
    # with two other rare words, read "likely spun": each use counted as a spinner's swap.
    from storytrace import spin

    report = spin.detect(_FARRIERS, use_thesaurus=True)
    # Three different rare words (farriers, drovers, wheelwrights) in 316: under one per 100.
    assert report.words == 316 and report.flags == []
    assert report.signals["rare_thesaurus"] == round(3 * 100 / 316, 4)
    assert report.likelihood <= spin.UNFLAGGED_MAX
    # Six different ones at the same places are a spinner's scatter, and are flagged.
    scattered = _FARRIERS.replace("registered farriers", "registered saddlers")
    scattered = scattered.replace("happen to farriers", "happen to glaziers")
    scattered = scattered.replace("work of farriers", "work of hoodlums")
    flagged = spin.detect(scattered, use_thesaurus=True)
    assert {f.phrase for f in flagged.flags} == {
        "farriers",
        "saddlers",
        "drovers",
        "wheelwrights",
        "glaziers",
        "hoodlums",
    }
    assert flagged.likelihood >= 0.8


def test_one_collocation_swap_repeated_does_not_corroborate_itself() -> None:
    # Found on BBC tech 041 (and its duplicate 376): a phone sold as a "pocket office",
    # named in the headline and again in the text, was flagged twice as a spun "box
    # office". A collocation swap is reported only when another flag corroborates it; the
    # same phrase said twice is one writer's term, not two swaps.
    text = (
        "T-Mobile bets on 'pocket office'\n\n"
        'T-Mobile has launched its latest "pocket office" device, which also has wi-fi.'
    )
    assert detect(text, use_thesaurus=True).flags == []
    # Two different swaps still corroborate each other, however often each appears.
    two = "He called a press colloquium on the campaign path. The press colloquium ran late."
    assert [f.phrase for f in detect(two, use_thesaurus=True).flags] == [
        "press colloquium",
        "campaign path",
        "press colloquium",
    ]


def test_cli_header_is_one_line_at_a_normal_terminal_width(tmp_path: Path) -> None:
    # A new user's report: the header was a centred table title, so it began with a space
    # and wrapped the likelihood's words ("(no clear sign of \n spinning)") at 80 columns.
    text = "The council said the new bus lane would open in March after a short delay.\n"
    res = CliRunner().invoke(app, ["spin", "-"], input=text, env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert re.fullmatch(r"<stdin>: spin likelihood 0\.\d\d \(no clear sign of spinning\)", lines[0])
    assert max(map(len, lines)) <= 80
    # The score is still printed, on a line of its own.
    assert any(line.strip() == "0.00 flagged phrases per 100 words" for line in lines)
    # A long path makes the header longer than the terminal: it stays one line (the
    # terminal folds it), never broken inside the likelihood's words.
    long = tmp_path / ("a_long_folder_name_of_news_articles" * 2) / "bus_lane.txt"
    long.parent.mkdir()
    long.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["spin", str(long)], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.output
    head = res.stdout.splitlines()[0]
    assert head.startswith(f"{long}: spin likelihood ")
    assert head.endswith("(no clear sign of spinning)")


def test_marketing_campaign_counts_only_where_its_sentence_is_political() -> None:
    # Found on a BBC politics story: a minister's plan for "an international marketing
    # campaign" to bring tourists was read as a spun "campaign" because the story as a
    # whole is political. The phrase is also plain English; its own sentence must be
    # about politics for it to stand for a spun "campaign".
    story = (
        "The Scottish parliament voted to ban smoking in pubs, and the minister told MPs the "
        "government would not delay the vote. The tourist board will run an international "
        "marketing campaign to show visitors the smoke-free bars."
    )
    assert detect(story).flags == []
    spun = story + " The Tory marketing campaign was launched in Kent."
    flags = detect(spun).flags
    assert [(f.phrase, f.kind) for f in flags] == [("marketing campaign", "tortured")]
    assert flags[0].span[0] > len(story)


def test_collocation_swaps_to_everyday_words_do_not_corroborate_each_other() -> None:
    # Found on BBC tech 337: "search facility" and "press attention", both plain English,
    # backed each other up as two swaps of "search engine" and "press conference". A
    # collocation with one word changed to an everyday word (Zipf at least
    # EVERYDAY_ZIPF) is often an ordinary phrase, so such swaps need a flag that is no
    # everyday phrase beside them.
    plain = "The chief secretary to the Treasury said business rates would rise in April."
    assert detect(plain, use_thesaurus=True).flags == []
    # A swap to an uncommon word ("colloquium") still vouches for them.
    spun = plain + " He called a press colloquium to answer critics."
    assert [f.phrase for f in detect(spun, use_thesaurus=True).flags] == [
        "chief secretary",
        "business rates",
        "press colloquium",
    ]
