from pathlib import Path

from storytrace.align import compare
from storytrace.evidence import wire_credits

ROOT = Path(__file__).parent.parent


def test_seed_pair_is_same_story_with_quotes_and_names():
    cmp = compare(
        (ROOT / "examples/seed_a.txt").read_text(), (ROOT / "examples/seed_b.txt").read_text()
    )
    assert cmp.verdict == "same-story"
    ev = cmp.to_dict()["evidence"]
    assert ev["rule"] == "shared-quote" and ev["explanation"]
    assert ev["quotes"], "the shared quotes are listed"
    for q in ev["quotes"]:
        assert cmp.a.text[q["a"][0] : q["a"][1]] == q["key"]
    keys = {n["key"] for n in ev["names"]}
    assert {"starmer", "philp"} <= keys
    for n in ev["names"]:
        assert n["key"] in cmp.a.text[n["a"][0] : n["a"][1]].lower()
        assert n["key"] in cmp.b.text[n["b"][0] : n["b"][1]].lower()


A = (
    "Rescue teams in the mountain town of Vrbanja pulled 14 survivors from a collapsed "
    "hotel on Saturday after an earthquake of magnitude 6.4 struck the region, officials said."
)
B = (
    "A magnitude 6.4 earthquake shook Vrbanja early on Saturday. Firefighters searched the ruins "
    "of a hotel for hours, and local police chief Ivo Brnjak told reporters the town had no power."
)
C = (
    "An earthquake of magnitude 5.1 struck near the coastal city of Marlow on Tuesday, damaging "
    "roofs and cutting power to thousands of homes, the national seismology service said."
)


def test_same_event_by_rare_names_and_details_without_shared_text():
    cmp = compare(A, B)
    assert cmp.verdict == "same-story"
    ev = cmp.evidence
    assert ev.rule == "same-lead" and ev.lead >= 0.45
    assert [n.key for n in ev.names] == ["vrbanja"]
    assert [d.key for d in ev.numbers] == ["6.4"]


def test_same_kind_of_event_elsewhere_is_unrelated():
    cmp = compare(A, C)
    assert cmp.verdict == "unrelated" and cmp.evidence.rule == "none"


def test_common_names_alone_are_not_evidence():
    a = "President Trump spoke in Washington on Monday about the economy and new tariffs."
    b = "President Trump met farmers in Washington to discuss a plan for rural broadband."
    cmp = compare(a, b)
    assert cmp.verdict == "unrelated"
    assert cmp.evidence.name_weight < 1.0 and cmp.evidence.rule == "none"


def test_rare_names_and_a_matching_figure_are_listed():
    a = (
        "The hearing of Adaeze Obiora-Lund was adjourned after 45 minutes. Her lawyer said the "
        "court in Tromsø would sit again next week to hear the remaining witnesses.\n"
        "Prosecutors have asked for translated bank statements, invoices and shipping "
        "manifests from three harbours, which the defence says it has never seen."
    )
    b = (
        "Judges heard from four witnesses before lunch on a wet and windy morning.\n"
        "Several protesters gathered outside the building carrying banners and flags.\n"
        "Obiora-Lund, whose case has drawn protests, left Tromsø court after 45 minutes "
        "without speaking to journalists.\n"
        "A spokesman for the ministry declined to comment on the diplomatic row, saying "
        "consular staff had visited the embassy twice during the summer."
    )
    ev = compare(a, b).evidence
    assert ev.verdict == "same-story" and ev.rule in ("shared-vocabulary", "names-and-details")
    assert [n.key for n in ev.names] == ["tromsø", "lund"]
    assert [n.key for n in ev.numbers] == ["45"]


def test_every_verdict_carries_evidence():
    cmp = compare(A, A)
    assert cmp.verdict == "duplicate" and cmp.to_dict()["evidence"]["rule"] == "duplicate"


def test_wire_credits_only_where_they_credit_the_text():
    dateline = "WASHINGTON (AP) — The Senate approved the bill. " + "Filler text here. " * 40
    assert [c.agency for c in wire_credits(dateline)] == ["AP"]
    middle = "Filler text here. " * 20 + "Reuters reported the deal last week. " + "More. " * 80
    assert wire_credits(middle) == []
    assert [c.agency for c in wire_credits(middle, near=[(360, 380)])] == ["Reuters"]
    assert wire_credits("Pictured: the scene (AP Photo/Jane Doe). " + "Words. " * 80) == []
