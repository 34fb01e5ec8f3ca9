from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.align import compare
from storytrace.evidence import (
    DATED_NAMES_MIN,
    FOCUS_MIN,
    FOCUS_WITH_WORDS,
    NAMES_MIN,
    RULES,
    SAME_STORY_RULES,
    VOCABULARY_MIN,
    event_similarity,
    wire_credits,
)

ROOT = Path(__file__).parent.parent


def test_seed_pair_is_same_story_with_quotes_and_names():
    cmp = compare(
        (ROOT / "examples/seed_a.txt").read_text(), (ROOT / "examples/seed_b.txt").read_text()
    )
    assert cmp.verdict == "same-story"
    ev = cmp.to_dict()["evidence"]
    assert ev["rule"] == "shared-quote" == ev["held"][0] and ev["explanation"]
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
    assert ev.rule in SAME_STORY_RULES and ev.conflicts == []
    assert [n.key for n in ev.names] == ["vrbanja"]
    assert [d.key for d in ev.numbers] == ["6.4"]


def test_same_kind_of_event_elsewhere_is_unrelated():
    cmp = compare(A, C)
    assert cmp.verdict == "unrelated" and cmp.evidence.rule in ("none", "different-place")


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
    assert ev.verdict == "same-story" and ev.rule in SAME_STORY_RULES
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
    # Next to a shared passage, outside it: a source of the passage's words.
    assert [c.agency for c in wire_credits(middle, near=[(400, 420)])] == ["Reuters"]
    # Inside it, the mention was copied with the rest (a copy of the whole text carries it).
    assert wire_credits(middle, near=[(300, 420)]) == []
    assert wire_credits("Pictured: the scene (AP Photo/Jane Doe). " + "Words. " * 80) == []


def test_reuters_credit_line_credits_reuters():
    """Reuters signs its copy at the end: '(Reporting by ...; Editing by ...)', with no
    '(Reuters)' dateline when an outlet cuts it. On PolNeAR train and dev, 4 of the 10
    articles whose metadata names Reuters as the wire were credited only so (session 38)."""
    text = (
        "The city council approved a resolution on Wednesday. " * 12
        + "One member voted against it.\n\n(Reporting by Dana Bell; Editing by Carl Ortiz.)"
    )
    (c,) = wire_credits(text)
    assert c.agency == "Reuters" and text[c.span[0] : c.span[1]] == "; Editing by"
    # A film's credits in the middle of a review are no credit line.
    review = "Words. " * 80 + "(Written by Ann Lee; Editing by Tom Fry) " + "More. " * 80
    assert wire_credits(review) == []


FILL = "The council met on Tuesday and discussed the budget at length. " * 8


@pytest.mark.parametrize(
    "text",
    [
        # The agency as a party to the news, in the lead (session 39: PolNeAR, BBC News).
        "Clinton won the Missouri primary, the Associated Press declared on Thursday. " + FILL,
        "Trump needs 1,237 delegates, by The Associated Press' count. " + FILL,
        "A Reuters/Ipsos poll put Clinton ahead on Sunday. " + FILL,
        "Weak dollar hits Reuters\nRevenues at media group Reuters slipped 11% in 2004. " + FILL,
        'Shares rose. "It is still looking good," he told Reuters. ' + FILL,
        "Oil exports fell.\nReuters news agency reported that the minister resigned. " + FILL,
        "Riots flared in the south, Agence France Presse (AFP) reported. " + FILL,
        "The Golden Globes are awarded by the Hollywood Foreign Press Association. " + FILL,
        # ... and at the end.
        FILL + "Clinton has 2,383 delegates, based on an Associated Press count.",
    ],
)
def test_an_agency_named_in_the_news_is_no_credit_of_the_text(text):
    assert wire_credits(text) == []


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("By The Associated Press\n" + FILL, "AP"),
        ("MACAU (Reuters) – Top donor Sheldon Adelson spoke. " + FILL, "Reuters"),
        ("NEW YORK, Dec. 11 (UPI) — Young Democrats gathered. " + FILL, "UPI"),
        (FILL + "\n- Reuters.", "Reuters"),
        (FILL + "\nAssociated Press writer Jill Colvin contributed from Albany.", "AP"),
        (FILL + "\nThe Huffington Post has supplemented this Reuters article.", "Reuters"),
        (FILL + "\nCopyright 2016 The Associated Press. All rights reserved.", "AP"),
        (FILL + "\n© AFP", "AFP"),
    ],
)
def test_credit_lines_and_datelines_credit_the_text(text, agency):
    assert [c.agency for c in wire_credits(text)] == [agency]


def test_a_source_of_a_shared_passage_credits_it_but_a_poll_partner_does_not():
    told = FILL + '"We will not cut output," the minister told Reuters on Monday. ' + FILL
    at = told.index("We will")
    assert wire_credits(told) == []
    assert [c.agency for c in wire_credits(told, near=[(at, at + 24)])] == ["Reuters"]
    # Two copies of one article, each "he told Reuters" inside what they share: no credit.
    assert wire_credits(told, near=[(0, len(told))]) == []
    # Printed alike but no shared passage (a phrase the corpus repeats is boilerplate): the
    # same, once the caller says so.
    at = told.index("the minister told")
    assert wire_credits(told, near=[(0, at)], shared=[(0, at), (at, len(told))]) == []
    dateline = "LONDON (Reuters) - Shares fell. " + told
    assert [c.agency for c in wire_credits(dateline, near=[(0, len(dateline))])] == ["Reuters"]
    poll = FILL + "Clinton led by six points in a Reuters/Ipsos poll released on Monday. " + FILL
    at = poll.index("Clinton led")
    assert wire_credits(poll, near=[(at, at + 30)]) == []


def test_a_credit_inside_furniture_both_print_is_no_common_source():
    """reuse_edge reads the boilerplate passages as shared text too (a20941a): a sentence both
    print alike that is furniture, not a shared passage ("according to the Associated Press"),
    was copied with the rest, so its mention next to the real passage credits neither side
    (with only the real passages as shared, both sides credit AP: a common source)."""
    from storytrace.stories import reuse_edge

    story = (
        "The city council voted on Tuesday night to close the old library on Mill Street and "
        "move its books to the school, after a debate that ran for more than three hours and "
        "drew a crowd of parents who said the children would lose their only quiet place to "
        "read after school."
    )
    furniture = (
        "Delegate totals are as of Thursday night, according to the Associated Press, and may "
        "change."
    )
    a = (
        f"Library to close\n{story}\nMayor Dana Holt said the plan would save the town some "
        "eighty thousand pounds a year, money she wants for potholes and for the swimming pool "
        f"roof.\n{furniture}\nMore to follow on the budget next week when the finance "
        "committee meets."
    )
    b = (
        f"Council shuts library\n{story}\nResidents in the Northgate ward are planning a "
        "petition, and a march on the town hall is set for Saturday morning with banners made "
        f"by pupils.\n{furniture}\nThe school board meets in May to discuss opening hours for "
        "the new room."
    )
    spans = [(t.index(furniture), t.index(furniture) + len(furniture)) for t in (a, b)]
    cmp = compare(a, b, furniture_a=spans[:1], furniture_b=spans[1:])
    kinds = [p.kind for p in cmp.passages]
    assert kinds == ["verbatim", "boilerplate"], kinds
    real = cmp.passages[0]
    # Outside the real passage and near it: what would credit the text, were it no furniture.
    assert [c.agency for c in wire_credits(a, near=[real.a])] == ["AP"]
    edge = reuse_edge(cmp, {"id": "a"}, {"id": "b"})
    assert edge is not None and edge.basis is None and "wire" not in edge.evidence


# Two heists of one kind: the same vocabulary, different people and places.
HEIST_A = (
    "Thieves raid Halvorsen jewellers\n"
    "Armed thieves smashed their way into Halvorsen jewellers in Tromsø on Tuesday and escaped "
    "with watches worth £2.5m, police said.\n"
    "Detective Inspector Sigrid Aamodt said the gang used sledgehammers and a stolen van.\n"
    "Police appealed for witnesses and dashcam footage of the getaway van."
)
HEIST_B = (
    "Gang raids Okonkwo jewellery shop\n"
    "Masked robbers with hammers broke into an Okonkwo jewellery shop in Kirkcaldy early on "
    "Friday, taking rings and watches before fleeing in a car.\n"
    "Detective Sergeant Malcolm Dunbar described the raid as brazen and well planned.\n"
    "Officers are asking anyone with doorbell camera recordings to get in touch."
)


def test_another_event_of_the_same_kind_is_told_apart_by_its_places():
    cmp = compare(HEIST_A, HEIST_B)
    ev = cmp.evidence
    assert cmp.verdict == "unrelated" and ev.rule == "different-place"
    (c,) = ev.conflicts
    assert (c.kind, c.a_value, c.b_value) == ("place", "Tromsø", "Kirkcaldy")
    assert cmp.a.text[c.a[0] : c.a[1]] == "Tromsø" and cmp.b.text[c.b[0] : c.b[1]] == "Kirkcaldy"
    assert ev.focus < 0.35, "the focal names differ"
    assert cmp.to_dict()["evidence"]["conflicts"][0]["kind"] == "place"


def test_the_same_event_in_other_words_is_same_story_by_its_focal_names():
    other_words = (
        "Watches worth £2.5m stolen in Tromsø raid\n"
        "A gang armed with sledgehammers robbed Halvorsen jewellers in the centre of Tromsø, "
        "escaping in a van that had been reported stolen.\n"
        "Sigrid Aamodt, who leads the inquiry, asked drivers with dashcams to come forward."
    )
    ev = compare(HEIST_A, other_words).evidence
    assert ev.verdict == "same-story" and ev.rule == "same-focus"
    assert ev.focus >= 0.4 and ev.conflicts == []
    assert {"halvorsen", "aamodt", "tromsø"} <= {n.key for n in ev.names}


COACH_A = (
    "Pelicans dismiss coach Rasmus Tveit\n"
    "The Bergen Pelicans fired head coach Rasmus Tveit on Saturday after a 9-14 start to the "
    "2008 season, and named assistant Ole Brekke interim coach.\n"
    "General manager Kari Lunde said the decision had not been easy."
)
COACH_B = (
    "Pelicans part ways with Jonas Vik\n"
    "May 23, 2005\n"
    "The Bergen Pelicans dismissed head coach Jonas Vik on Monday after a losing 2005 season.\n"
    "Owner Per Hauge said a new coach would be named within weeks."
)
COACH_FOLLOW_UP = (
    "Tveit takes Pelicans to court\n"
    "March 2, 2010\n"
    "A lawyer for Rasmus Tveit filed an unfair-dismissal claim against the Bergen Pelicans "
    "on Tuesday. Tveit says Kari Lunde had promised him another year in charge."
)


def test_the_same_team_years_apart_is_another_event_but_a_follow_up_is_one_story():
    ev = compare(COACH_A, COACH_B).evidence
    assert ev.name_weight >= 1.0, "the team is in both"
    assert ev.verdict == "unrelated" and ev.rule == "different-time"
    c, subject = ev.conflicts  # each is about another coach, and they share only names
    assert (c.kind, c.a_value, c.b_value) == ("time", "2008", "2005")
    assert (subject.kind, subject.a_value, subject.b_value) == (
        "subject",
        "Rasmus Tveit",
        "Jonas Vik",
    )
    assert ev.held == ["different-time", "different-subject"]
    follow = compare(COACH_A, COACH_FOLLOW_UP).evidence
    assert follow.verdict == "same-story" and follow.rule == "same-focus"
    assert follow.focus >= 0.4, "the same coach, team and manager lead both"


def test_shared_rare_names_and_dates_within_a_week_are_one_story():
    a = (
        "Flood closes Vrbanja bridge\n"
        "Published: March 4, 2019\n"
        "The old Vrbanja bridge was closed after the river rose overnight, officials said, and "
        "traffic was sent through the villages to the east of the town."
    )
    b = (
        "Residents count the cost\n"
        "05/03/2019\n"
        "Shopkeepers along the river were clearing mud on Tuesday. The mayor, Ivo Brnjak, said "
        "the Vrbanja crossing would stay shut until engineers had inspected it."
    )
    ev = compare(a, b).evidence
    assert ev.rule != "names-and-date", "March 4 and May 3 are two months apart"
    assert not [d for d in ev.dates if "~" in d.key]
    b2 = b.replace("05/03/2019", "03/05/2019")
    ev = compare(a, b2).evidence
    assert ev.rule == "names-and-date"
    assert [d.key for d in ev.dates] == ["2019-03-04 ~ 2019-03-05"]
    cmp = compare(a, b2)
    d = cmp.evidence.dates[0]
    assert cmp.a.text[d.a[0] : d.a[1]] == "March 4, 2019"
    assert cmp.b.text[d.b[0] : d.b[1]] == "03/05/2019"


CRASH_A = (
    "Woman killed in Queens crash\n"
    "September 14, 2013\n"
    "A 59-year-old woman was struck and killed by a car on 117th Street in Queens on Friday "
    "night, and the driver fled, police said."
)
CRASH_B = (
    "Driver charged after fatal crash\n"
    "Posted 09/20/2013\n"
    "The man who struck a 59-year-old mother on 117th Street and drove off has been charged, "
    "prosecutors in Queens said on Thursday."
)


def test_a_shared_figure_with_dates_within_a_week_needs_lighter_names():
    # "Queens" (rarity 0.65) is too common a name to join two reports with their dates alone;
    # the victim's age and the street both give are details of the one event.
    ev = compare(CRASH_A, CRASH_B).evidence
    assert ev.name_weight < DATED_NAMES_MIN
    assert ev.verdict == "same-story" and ev.rule == "names-and-date"
    assert [n.key for n in ev.numbers] == ["117th", "59"]
    assert [d.key for d in ev.dates] == ["2013-09-14 ~ 2013-09-20"]
    assert "a figure both give" in ev.explanation
    no_figure = CRASH_B.replace("117th Street", "the avenue").replace("59-year-old", "young")
    ev = compare(CRASH_A, no_figure).evidence
    assert ev.numbers == [] and ev.dates and ev.verdict == "unrelated"
    a_month_later = CRASH_B.replace("09/20/2013", "10/20/2013")
    ev = compare(CRASH_A, a_month_later).evidence
    assert ev.numbers and ev.verdict == "unrelated"
    # No name at all: a figure and a week are not enough.
    unnamed = CRASH_B.replace("in Queens", "in the borough")
    assert compare(CRASH_A, unnamed).evidence.verdict == "unrelated"


def test_names_and_date_reads_year_first_dates_with_dots_or_spaced_hyphens():
    # A page's "Released 2013-09-28" once tokenised, and a dotted date: the same day format.
    a = (
        "Jury convicts Skelmorlie man\n"
        "Published 9:46 PM CDT Sep 26, 2013\n"
        "A jury found Arvid Skelmorlie guilty on Thursday of killing his girlfriend, prosecutors "
        "said after the verdict was read."
    )
    for stamp in ("Released 2013 - 09 - 28 05: 08: 35 GMT", "Published: 2013. 09. 27 09: 01 AM"):
        b = (
            "Man found guilty of shooting girlfriend\n"
            f"{stamp}\n"
            "Arvid Skelmorlie, 27, was convicted after the jury deliberated almost seven hours, "
            "and he will be sentenced next month."
        )
        ev = compare(a, b).evidence
        assert "names-and-date" in ev.held, stamp  # same-focus may come first: one name
        (d,) = [d for d in ev.dates if "~" in d.key]
        assert b[d.b[0] : d.b[1]].startswith("2013")


FIRE_A = (
    "Historic Tannery Burns\n"
    "Posted at 9: 12 AM ET, 08 / 07 / 2012\n"
    "Fire destroyed the old Pontardawe tannery before dawn on Tuesday, Glanmor Vaughan of the "
    "Tawe Valley council told Ystrad Radio. The blaze was reported at 3: 33 a. m. and crews "
    "from Clydach, Alltwen and Rhos fought it until noon, Vaughan said."
)
FIRE_B = (
    "Tannery lost to blaze\n"
    "Firefighters could not save the Pontardawe tannery, which Eirlys Prothero's family built "
    "long ago. A passer-by called at 3:33 a.m. after seeing smoke; nobody was hurt, said "
    "Meirion Gethin of the Gwyrosydd fire service, and an inspector will look for the cause."
)


def test_the_same_time_of_day_to_the_minute_below_the_headline_is_an_event_detail():
    ev = compare(FIRE_A, FIRE_B).evidence
    assert ev.verdict == "same-story" and ev.rule == "names-and-time"
    (t,) = [d for d in ev.dates if d.key == "3:33 am"]
    assert FIRE_A[t.a[0] : t.a[1]] == "3: 33 a. m" and FIRE_B[t.b[0] : t.b[1]] == "3:33 a.m"
    assert ev.explanation.endswith(": 3:33 am") and ev.caveat is None
    # A time of day carries no date: lead years far apart outweigh it (it is still listed).
    ev = compare(FIRE_A, FIRE_B.replace("long ago", "in 1935")).evidence
    assert ev.rule == "different-time" and "names-and-time" in ev.held
    # Another minute, or the same minute only in the page's stamp above the prose: no detail.
    ev = compare(FIRE_A, FIRE_B.replace("3:33", "3:45")).evidence
    assert ev.verdict == "unrelated" and "names-and-time" not in ev.held
    stamped = FIRE_B.replace("Tannery lost to blaze\n", "Tannery lost to blaze\nUpdated 9:12 AM\n")
    stamped = stamped.replace("3:33", "3:45")
    ev = compare(FIRE_A.replace("3: 33", "4: 10"), stamped).evidence
    assert not [d for d in ev.dates if d.key == "9:12 am"] and ev.verdict == "unrelated"


def test_names_and_dates_within_a_week_outweigh_a_place_conflict_and_both_are_listed():
    # One event, two details: A names the clinic she skipped, B the one she entered.
    a = (
        "Singer Halvorsen skips rehab\n"
        "May 2, 2013\n"
        "Pop singer Ingrid Halvorsen failed to check in at Newport as her probation required, "
        "prosecutor Ola Dahl told Judge Sunniva Aas."
    )
    b = (
        "Star enters clinic after court drama\n"
        "May 3, 2013\n"
        "The pop star arrived at Morningside late on Thursday with her manager Liv Sandvik, "
        "hours after her lawyer Tor Brekke asked for more time. Ingrid Halvorsen must stay 90 days."
    )
    cmp = compare(a, b)
    ev = cmp.evidence
    assert ev.verdict == "same-story" and ev.rule == "names-and-date"
    assert ev.held[0] == ev.rule and "different-place" in ev.held[1:]
    (c,) = ev.conflicts
    assert (c.kind, c.rule, c.a_value, c.b_value) == (
        "place",
        "different-place",
        "Newport",
        "Morningside",
    )
    assert a[c.a[0] : c.a[1]] == "Newport" and b[c.b[0] : c.b[1]] == "Morningside"
    assert "outweighs different-place: Newport in A, Morningside in B" in ev.explanation
    out = cmp.to_dict()["evidence"]
    assert out["held"] == ev.held and out["conflicts"][0]["rule"] == "different-place"
    # Without the dates the place conflict decides, and the JSON says so.
    ev = compare(a.replace("May 2, 2013\n", ""), b.replace("May 3, 2013\n", "")).evidence
    assert ev.verdict == "unrelated" and ev.rule == "different-place" == ev.held[0]


@pytest.mark.parametrize("source", ["rules", "spacy"])
def test_both_entity_sources_tell_the_events_apart(monkeypatch: pytest.MonkeyPatch, source: str):
    monkeypatch.setenv("STORYTRACE_ENTITIES", source)
    heists = compare(HEIST_A, HEIST_B).evidence
    assert heists.entities == source
    assert heists.rule == "different-place"
    assert heists.explanation.endswith("Tromsø in A, Kirkcaldy in B")
    coaches = compare(COACH_A, COACH_B).evidence
    assert coaches.rule == "different-time" and "2008 in A, 2005 in B" in coaches.explanation
    follow = compare(COACH_A, COACH_FOLLOW_UP).evidence
    assert follow.rule == "same-focus" and follow.entities == source


_WORDS = [
    "May", "3,", "2013", "in", "at", "Leeds", "Tromsø", "Mr.", "Okafor", "\n", "“", "”",
    "05/03/2019", "the", "said", "2008", "Alice", "Smith", "Bank", "of", "England", ".",
    "31/31/2020", "45", "killed", "Nov", "10", "2011",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=50),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=50),
)
def test_every_listed_fact_points_at_its_text(wa: list[str], wb: list[str]):
    a, b = " ".join(wa), " ".join(wb)
    cmp = compare(a, b)
    ev = cmp.evidence
    assert ev.explanation.startswith(RULES[ev.rule])
    assert ev.held[0] == ev.rule and set(ev.held) <= set(RULES)
    assert (ev.verdict == "unrelated") == (ev.rule in ("none", "different-place", "different-time"))
    for n in ev.names:
        assert n.key in a[n.a[0] : n.a[1]].lower() and n.key in b[n.b[0] : n.b[1]].lower()
    for c in ev.conflicts:
        # A place as written (spacing normalised), or a year inside its span.
        assert c.a_value in " ".join(a[c.a[0] : c.a[1]].split())
        assert c.b_value in " ".join(b[c.b[0] : c.b[1]].split())
    for d in ev.dates:
        assert 0 <= d.a[0] < d.a[1] <= len(a) and 0 <= d.b[0] < d.b[1] <= len(b)


SHOOTING = (
    "Mother shielding children killed in Brownsville crossfire\n"
    "October 22, 2011\n"
    "Zarina Holt, a mother of twelve, died on Friday after a stray bullet hit her while she "
    "shielded children outside a Brownsville school. Gang members had opened fire from a rooftop.\n"
    "Police said an 11-year-old boy was also hurt.\n"
    "Neighbours Marisol Echeverria and Tobias Wendtland laid flowers at the gate, and pastor "
    "Ignatius Okonkwo-Baptiste led a vigil at Pitkin Avenue.\n"
    "Councillor Wilhelmina Abernathy-Quaye asked for more patrols."
)
TRIAL = (
    "Brownsville crossfire trial opens\n"
    "April 11, 2013\n"
    "Jurors in the Brownsville crossfire case saw video of the rooftop shooting on Wednesday: "
    "Zarina Holt falling to a stray bullet as she shields children at the school gate.\n"
    "Two members of a local gang are charged with murder.\n"
    "The court expects to sit for at least three weeks.\n"
    "The shots were fired in October 2011, said prosecutor Dagny Solheim-Varga, and defence "
    "lawyer Casimir Vanterpool-Nkemelu called the video unreliable."
)


def test_a_trial_that_tells_the_same_event_outweighs_the_years_between():
    # The leads are dated 2011 and 2013, and other names fill the two bodies (focus under
    # 0.4), but headline and lead tell the same shooting in the same rare words.
    cmp = compare(SHOOTING, TRIAL)
    ev = cmp.evidence
    assert ev.verdict == "same-story" and ev.rule == "same-event"
    assert ev.held[:2] == ["same-event", "different-time"] and ev.focus < 0.4
    assert ev.event >= 0.4
    assert "event similarity 0.4" in ev.explanation and "outweighs different-time" in ev.explanation
    keys = [t.key for t in ev.event_terms]
    assert {"brownsville", "zarina", "crossfire", "holt"} <= set(keys[:6])
    for t in ev.event_terms:
        assert SHOOTING[t.a[0] : t.a[1]].lower().startswith(t.key)
        assert TRIAL[t.b[0] : t.b[1]].lower().startswith(t.key)
    assert sum(t.weight for t in ev.event_terms) == pytest.approx(1.0)
    out = cmp.to_dict()["evidence"]
    assert out["event"] == round(ev.event, 3) and out["event_terms"][0]["key"] == keys[0]
    # Told less alike (no stray bullet in the trial's lead), the years decide as before.
    ev = compare(SHOOTING, TRIAL.replace(" to a stray bullet", "")).evidence
    assert ev.event < 0.4 and ev.rule == "different-time"


def test_event_similarity_is_lowered_for_missing_focal_names_and_other_years():
    m = event_similarity(COACH_A, COACH_B)
    assert m.years_differ, "2008 against 2005"
    assert 0 < m.missing <= 1, "Tveit and Vik lead one side each"
    assert m.score == pytest.approx(m.cosine * (1 - 0.5 * m.missing) * 0.5)
    follow = event_similarity(COACH_A, COACH_FOLLOW_UP)
    assert follow.score > m.score
    same = event_similarity(SHOOTING, SHOOTING)
    assert same.score == pytest.approx(1.0) and same.missing == 0 and not same.years_differ
    assert event_similarity(SHOOTING, "").score == 0.0


def test_one_rare_name_and_dates_within_a_week_are_one_story():
    # "Lohan" weighs 0.997: under the 1.0 the name-only rules need, enough beside the dates.
    a = (
        "Lohan skips court-ordered rehab\n"
        "May 2, 2013\n"
        "The actress Lindsay Lohan failed to check in at a clinic in Newport Beach as her "
        "probation required, her former lawyer told the court."
    )
    b = (
        "Actress enters clinic\n"
        "May 3, 2013\n"
        "Late on Thursday Lohan arrived at the Betty Ford Center in Rancho Mirage, where she "
        "will stay for ninety days, a spokesman confirmed."
    )
    ev = compare(a, b).evidence
    assert 0.9 <= ev.name_weight < 1.0 and [n.key for n in ev.names] == ["lohan"]
    assert ev.verdict == "same-story" and ev.rule == "names-and-date"
    undated = compare(a.replace("May 2, 2013\n", ""), b.replace("May 3, 2013\n", "")).evidence
    assert undated.verdict == "unrelated"


# A 17-word sentence lifted word for word from a story about a heist into an unrelated article
# about another place; and the same sentence as a loose template about other people.
LIFT = "The gang had watched the shop for weeks and knew when the safe was opened each morning."
LIFTED = (
    "Council approves Kirkcaldy harbour plan\n"
    "Councillors in Kirkcaldy approved a plan on Friday to dredge the harbour and build a new "
    "ferry terminal for visitors.\n"
    f"Local traders welcomed the scheme. {LIFT}\n"
    "Work on the terminal is due to begin in the spring and last two years.\n"
    "The harbour board said the dredging would let larger fishing boats land their catch at "
    "any tide, and that the old fish market would become a cafe and a gallery.\n"
    "Objectors had warned about noise and traffic on the shore road during the works."
)
HEIST_WITH_LIFT = HEIST_A.replace("police said.\n", f"police said.\n{LIFT}\n", 1) + (
    "\nThe shop's owner said the family had traded from the same corner for three generations "
    "and would reopen as soon as the glass was replaced.\n"
    "Neighbours described hearing shouting and the sound of breaking glass shortly after the "
    "shop opened, and a delivery driver said he saw two men run to a waiting van."
)


def test_a_lifted_sentence_of_15_words_is_a_shared_passage_before_the_place_conflict():
    from storytrace.stories import reuse_edge

    cmp = compare(HEIST_WITH_LIFT, LIFTED)
    ev = cmp.evidence
    assert 15 <= len(LIFT.split()) < 20
    assert cmp.verdict == "same-story" and ev.rule == "shared-passage"
    assert "different-place" in ev.held, "the place conflict held and was outweighed"
    assert "outweighs different-place" in ev.explanation
    assert reuse_edge(cmp, {"id": "a"}, {"id": "b"}) is not None, "index stores the lift"


def test_a_loose_template_about_other_people_is_no_shared_passage():
    # Aligned as one edited passage of 17 words, of which 13 are printed on both sides.
    template = (
        "The gang had watched the Okonkwo bank for months and knew when the vault was opened "
        "each evening."
    )
    cmp = compare(HEIST_WITH_LIFT, LIFTED.replace(LIFT, template))
    assert cmp.coverage["longest_copied_words"] >= 15
    assert "shared-passage" not in cmp.evidence.held
    assert cmp.verdict == "unrelated"


def test_a_lift_quoted_in_one_article_only_counts_its_unquoted_side():
    quoted = HEIST_WITH_LIFT.replace(LIFT, f'The owner said: "{LIFT}"')
    ev = compare(quoted, LIFTED).evidence
    assert ev.quotes == [] and ev.rule == "shared-passage"
    ev = compare(LIFTED, quoted).evidence
    assert ev.quotes == [] and ev.rule == "shared-passage"


# 15 words, 17 tokens ("walkie-talkies", "night-time"); two words replaced by words of other
# token counts (as bench/sentence_reuse.py's edits did on bbc 6, "Austrian's" and "6-3" by
# "hears" and "thrill-a-minute"): 13 of 15 words printed alike, but 14 of 18 tokens.
HYPHENATED = (
    "The gang had watched the Norwegian's shop in Bergen for weeks, using walkie-talkies at "
    "night-time."
)
RE_HYPHENATED = (
    "The gang had watched the hears shop in Bergen for weeks, using thrill-a-minute at night-time."
)


def test_a_lift_with_two_words_replaced_counts_by_words_not_tokens():
    cmp = compare(HEIST_WITH_LIFT.replace(LIFT, HYPHENATED), LIFTED.replace(LIFT, RE_HYPHENATED))
    (p,) = [p for p in cmp.passages if p.kind == "edited"]
    assert p.matched == 14 and p.b_tokens[1] - p.b_tokens[0] == 18
    assert cmp.evidence.rule == "shared-passage" and cmp.verdict == "same-story"


def test_a_lightly_edited_lift_counts_all_its_words():
    # Three of the 17 words changed: 14 printed word for word, 82% of the passage.
    edited = (
        "The gang had watched the store for weeks and knew when the vault was opened every morning."
    )
    cmp = compare(HEIST_WITH_LIFT, LIFTED.replace(LIFT, edited))
    (p,) = [p for p in cmp.passages if p.kind == "edited"]
    assert sum(e.op == "equal" for e in p.edits) >= 1 and 0.8 <= p.score < 0.9
    assert cmp.evidence.rule == "shared-passage"


# LIFT with a letter misread in four of its 17 words, as bench/sentence_reuse.py's OCR lifts:
# 13 words printed alike, 76% of the passage; and with the same words replaced by other words.
OCR_LIFT = "The gsng had watched the shap for weeks and knew whem the safe was openad each morning."
OTHER_WORDS = (
    "The vicar had watched the lake for weeks and knew where the safe was painted each morning."
)


@pytest.mark.parametrize(("lift", "reuse"), [(OCR_LIFT, True), (OTHER_WORDS, False)])
def test_a_lift_with_misread_words_counts_them_and_is_stored_as_reuse(
    lift: str, reuse: bool
) -> None:
    from storytrace.stories import reuse_edge

    cmp = compare(HEIST_WITH_LIFT, LIFTED.replace(LIFT, lift))
    (p,) = [p for p in cmp.passages if p.kind == "edited"]
    assert cmp.b.text[p.b[0] : p.b[1]] == lift[:-1]
    assert p.matched == 13 and p.score < 0.8
    # A letter misread is the same word printed; another word is a loose template.
    assert (cmp.evidence.rule == "shared-passage") is reuse
    assert cmp.verdict == ("same-story" if reuse else "unrelated")
    edge = reuse_edge(cmp, {"id": "a"}, {"id": "b"})
    assert (edge is not None) is reuse
    if reuse:
        assert [q["b"] for q in edge.passages] == [list(p.b)]


def test_a_lift_with_many_misread_words_is_no_spinning() -> None:
    # Six words of 32 misread by one letter (bench/sentence_reuse.py, bbc OCR lifts): counted
    # as a spinner's short swaps into rarer words, the passage was ``spun``, and no reuse.
    lift = (
        "But the weary home side showed remarkable reserves of courage to hold the line despite "
        "being outpaced for most of the last half and four times falling within two points of "
        "defeat."
    )
    ocr = (
        "But the wearg home side showed remarkable reserves of courage to hold the line despite "
        "being outpaced for mrst of thh last hals and four times fadling within two points of "
        "defcat."
    )
    cmp = compare(HEIST_WITH_LIFT.replace(LIFT, lift), LIFTED.replace(LIFT, ocr))
    (p,) = cmp.passages
    assert p.kind == "edited" and p.score < 0.85
    assert cmp.evidence.rule == "shared-passage" and not cmp.spin_flags


def test_two_letter_words_and_figures_one_letter_apart_are_not_misread_words() -> None:
    from storytrace.evidence import _misread_words
    from storytrace.text import doc_of

    a = "They said the safe had been opened at 0600 on the morning of 2004 by two men."
    b = "They said the safr hd been opened at 0608 in the morning of 2005 by two men."
    (p,) = compare(a, b).passages
    found = _misread_words(doc_of(a), doc_of(b), p)
    assert [(doc_of(a).norms[t], doc_of(b).norms[u]) for t, u in found] == [("safe", "safr")]


# A 15-word sentence with a two-word quotation, printed as narration in one article and inside
# a quotation of the owner's in the other (bench/sentence_reuse.py, bbc seed 14: "... hailed his
# chancellor's "brilliant" performance." lifted into another speaker's run-on quotation).
SCARE = 'The gang had watched the "corner shop" for weeks and knew when the safe opened.'


def test_a_short_quotation_in_a_lift_counts_as_the_sentence_s_words() -> None:
    from storytrace.stories import reuse_edge

    a = HEIST_WITH_LIFT.replace(LIFT, SCARE)
    plain = SCARE.replace('"', "")
    b = LIFTED.replace(
        f"{LIFT}\n", f'The owner said: "We saw nothing odd. {plain} We never thought it."\n'
    )
    cmp = compare(a, b)
    ev = cmp.evidence
    assert len(SCARE.split()) == 15 and ev.quotes == [], "two quoted words are no shared quote"
    assert ev.rule == "shared-passage" and reuse_edge(cmp, {"id": "a"}, {"id": "b"}) is not None


# A quotation with its frame, lifted word for word (bench/sentence_reuse.py, bbc seed 7), and
# the same statement quoted with only "he said": two outlets quoting one statement.
FRAMED = (
    '"Obviously we had some pretty frank discussions about this," he told BBC Radio 4\'s '
    "The World at One."
)
QUOTED = (
    '"Obviously we had some pretty frank discussions about this with the new minister and '
    'his staff," he said.'
)
# Five narrator's words printed alike before a quoted statement, as two outlets quoting the
# FBI director wrote "Clinton and her team were 'extremely careless ...'" (PolNeAR train).
PARTIAL = (
    'The owners and staff were "extremely careful in their handling of very old, highly '
    'valuable watches from the workshop."'
)
MORE_HARBOUR = (
    "\nThe scheme will cost £14m, of which the government will pay half and the council the "
    "rest, with a loan from the harbour trust to cover any overrun on the dredging. Fishermen "
    "said the deeper berths were long overdue, while shopkeepers on the front hoped the "
    "ferry would bring day trippers back to the town through the winter months. A public "
    "meeting on the plans will be held in the town hall next month, and drawings of the new "
    "terminal can be seen in the library until then."
)
MORE_HEIST = (
    "\nThe jewellers reopened on Thursday with boarded windows and a guard at the door, and "
    "the owners thanked customers who had sent cards and flowers after the raid. Insurers "
    "are expected to cover most of the loss, though several pieces made by hand in the "
    "workshop upstairs cannot be replaced, the family said in a statement. Two other shops "
    "in the street have since fitted shutters, and the police have promised more patrols in "
    "the town centre over the coming weeks."
)


@pytest.mark.parametrize(("lift", "reuse"), [(FRAMED, True), (QUOTED, False), (PARTIAL, False)])
def test_a_quotation_lifted_with_its_frame_is_a_shared_passage(lift: str, reuse: bool) -> None:
    from storytrace.stories import STOCK_COVERAGE, reuse_edge

    a = HEIST_WITH_LIFT.replace(LIFT, lift) + MORE_HEIST
    b = LIFTED.replace(LIFT, lift) + MORE_HARBOUR
    cmp = compare(a, b)
    ev = cmp.evidence
    assert len(lift.split()) >= 15 and max(cmp.coverage["a"], cmp.coverage["b"]) < STOCK_COVERAGE
    assert cmp.verdict == "same-story" and ev.rule == "shared-quote" and len(ev.quotes) == 1
    assert ("shared-passage" in ev.held) is reuse
    # index stores reuse only: a quotation both carry is no copy, one lifted with its frame is.
    assert (reuse_edge(cmp, {"id": "a"}, {"id": "b"}) is not None) is reuse


# FRAMED lifted with a word of its frame edited into one carrying an opening quotation mark
# (bench/sentence_reuse.py's edited lifts replace words with words of other articles, marks
# and all): the mark opens a quotation in one article only, and the frame is still the
# narrator's. When both articles quote from a word they print differently around frames of
# their own, it is a quoted statement, and its words are no frame. (Until one swapped word
# stopped making a passage ``spun``, that case passed on the spun label, whatever the frame.)
FRAMED_MARKED = FRAMED.replace("Radio 4's", "\"every 4's")
QUOTED_BOTH = (
    'The owners and staff said they were "extremely careful with very old and highly '
    'valuable watches from the workshop."'
)


def _assert_lift_reuse(lift_a: str, lift_b: str, reuse: bool) -> None:
    """The heist articles with ``lift_a`` / ``lift_b`` lifted in: a shared quote, and a shared
    passage (so a reuse edge) exactly when ``reuse``."""
    from storytrace.stories import reuse_edge

    a = HEIST_WITH_LIFT.replace(LIFT, lift_a) + MORE_HEIST
    b = LIFTED.replace(LIFT, lift_b) + MORE_HARBOUR
    cmp = compare(a, b)
    ev = cmp.evidence
    assert cmp.verdict == "same-story" and ev.rule == "shared-quote"
    assert ("shared-passage" in ev.held) is reuse
    assert (reuse_edge(cmp, {"id": "a"}, {"id": "b"}) is not None) is reuse


@pytest.mark.parametrize(
    ("lift_a", "lift_b", "reuse"),
    [
        (FRAMED, FRAMED_MARKED, True),
        (FRAMED_MARKED, FRAMED, True),
        (
            QUOTED_BOTH,
            QUOTED_BOTH.replace('"extremely careful', '"really careful').replace(
                "The owners and staff said", "Its owner told reporters"
            ),
            False,
        ),
    ],
)
def test_a_quotation_mark_an_edit_brought_leaves_the_frame(
    lift_a: str, lift_b: str, reuse: bool
) -> None:
    _assert_lift_reuse(lift_a, lift_b, reuse)


# A quotation lifted with a frame of six words, its cue misread by OCR in one article
# (bench/sentence_reuse.py, bbc seed 20: 'Davenport paid tribute to Williams, sayinj: "..."'):
# a word misread by one letter is printed alike in the frame as in the passage's share. A
# word misread inside the quotation is no frame word, so five narrator's words stay a quote.
TRIBUTE = "Harris paid tribute to police, saying: "
THANKS = "Harris thanked the police, saying: "
STATEMENT = '"We saw nothing odd at the door and never thought it could happen here."'


@pytest.mark.parametrize(
    ("lift_a", "lift_b", "reuse"),
    [
        (TRIBUTE + STATEMENT, TRIBUTE.replace("saying", "sayinj") + STATEMENT, True),
        (TRIBUTE.replace("saying", "sayinj") + STATEMENT, TRIBUTE + STATEMENT, True),
        (THANKS + STATEMENT, THANKS + STATEMENT.replace("nothing", "nothinq"), False),
    ],
)
def test_a_word_of_the_frame_misread_by_one_letter_is_frame(
    lift_a: str, lift_b: str, reuse: bool
) -> None:
    _assert_lift_reuse(lift_a, lift_b, reuse)


def test_a_place_conflict_names_the_place_as_written() -> None:
    # ECB+ 1_1ecb against 1_10ecbplus named B's place "betty": a word of the place the
    # test compares, not a place a reader knows.
    a = (
        "Star checks into clinic\n\nThe actress checked into a clinic in Malibu on Monday, "
        "weeks after Judge Marsha Revel ordered treatment."
    )
    b = (
        "Star checks into rehab\n\nA pop singer entered rehab at Betty Ford Center on "
        "Thursday. Judge Marsha Revel had set the terms."
    )
    ev = compare(a, b).evidence
    (c,) = ev.conflicts
    assert (c.rule, c.a_value, c.b_value) == ("different-place", "Malibu", "Betty Ford Center")
    assert b[c.b[0] : c.b[1]] == c.b_value
    assert "Malibu in A, Betty Ford Center in B" in ev.explanation


# --- unrelated_for_certain's bound from capitalised words -----------------------------------


def _bound_texts() -> list[str]:
    from storytrace.articles import read_article

    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    texts = [read_article(p).text for p in fixtures]
    texts += [read_article(ROOT / "examples" / f"seed_{s}.txt").text for s in "ab"]
    return texts + [
        # Possessives, connectors inside names, a title, a sentence-initial name, a
        # no-break space and a name inside furniture.
        "O'Neill's lawyer met the Bank of England's governor, Mr Andrew Bailey, in London.\n"
        "Jane\u00a0Hill’s report reached the Department for Work and Pensions on Friday.\n"
        "Follow us on Twitter and Facebook for more from the Leeds Evening Post.",
        "Gwilym Prothero watched crews from Ystradgynlais fight the blaze in Pontardawe.",
    ]


def test_capitalised_words_hold_every_name_word_the_shared_names_count() -> None:
    """The bound of unrelated_for_certain is safe only if every word _shared_names counts
    is among the text's capitalised words; with and without furniture patterns."""
    from storytrace import evidence
    from storytrace.text import doc_of

    checked = 0
    for text in _bound_texts():
        capitalised = evidence._capitalised_words(doc_of(text))
        for furniture in ((), (r"(?i)follow us on",)):
            words = set(evidence._words_of_names(text, furniture))
            assert words <= capitalised, (text[:60], words - capitalised)
            checked += len(words)
    assert checked >= 200  # the fixtures name many people and places


def test_unrelated_pairs_without_rare_capitalised_words_are_decided_before_finding_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storytrace import evidence
    from storytrace.text import doc_of

    def no_names(*args: object) -> None:
        raise AssertionError("names looked up")

    a, b = "Rain is due in Leeds on Monday.", "Shares fell in Tokyo on Monday."
    monkeypatch.setattr(evidence, "_facts", no_names)
    assert evidence.unrelated_for_certain(doc_of(a), doc_of(b), [], {})
    # A rare capitalised word both use sends the pair on to the names, which decide.
    c = "Rain is due in Ystradgynlais on Monday."
    d = "Shares in Ystradgynlais fell on Monday."
    with pytest.raises(AssertionError, match="names looked up"):
        evidence.unrelated_for_certain(doc_of(c), doc_of(d), [], {})
    monkeypatch.undo()
    assert evidence.unrelated_for_certain(doc_of(c), doc_of(d), [], {}) is False


def test_a_shared_team_sheet_is_no_evidence_of_one_match():
    """Two reports of one club's different matches (made-up names), each ending with the
    club's team sheet: the sheet is a shared passage, but neither its names nor its words say
    which match. Found on BBC sport, where match reports of one side were same-story by the
    names and the passage of their team sheets."""
    from storytrace.align import BULK
    from storytrace.evidence import name_lists
    from storytrace.text import Doc

    here = Path(__file__).parent / "fixtures" / "evidence"
    a = (here / "harbridge_castlemere.txt").read_text(encoding="utf-8")
    b = (here / "harbridge_oakhurst.txt").read_text(encoding="utf-8")
    (sheet,) = name_lists(Doc(a))
    assert a[sheet[0] :].startswith("Harbridge: T Okonjo;")
    cmp = compare(a, b, options=BULK)
    assert any("Quillfeather" in a[p.a[0] : p.a[1]] for p in cmp.passages)  # still shown
    # Only the club's name is shared, and each report is about another opponent.
    assert cmp.verdict == "unrelated" and cmp.evidence.held == ["different-subject"]
    assert cmp.evidence.explanation.endswith("Castlemere in A, Oakhurst in B")
    assert "quillfeather" not in {n.key for n in cmp.evidence.names}
    # The same sheet under a report of the same match is still found as one story.
    same = b.replace("Oakhurst 13-19", "Castlemere 10-24").replace(
        "Greyfriars Park", "the Mill Ground"
    )
    assert compare(a, same.replace("Oakhurst", "Castlemere"), options=BULK).verdict != "unrelated"


def test_prose_with_many_commas_is_not_a_list_of_names():
    from storytrace.evidence import name_lists
    from storytrace.text import Doc

    prose = (
        "The council, which met on Monday, approved the budget, the new parking rules, the "
        "library hours, a grant for the museum, and, after a long debate, the bus lanes."
    )
    assert name_lists(Doc(prose)) == []


# Two reports of two different polls print the pollsters' stock sentence, each with its own
# figures: 16 words aligned as one lightly edited passage (14 equal, 88%), which counted as a
# lifted sentence until a changed figure made it a stock sentence (PolNeAR train: two polls a
# day apart were ``same-story`` on "The margin of sampling error is plus or minus six / 4.57
# percentage points").
POLL_A = (
    "Okafor leads in Dunmore poll\n"
    "Councillor Ada Okafor holds a clear lead over two rivals in the race for mayor of Dunmore, "
    "a Riverside College poll released on Monday found.\n"
    "Okafor has the backing of 41 percent of likely voters, ahead of Paul Brenner on 28 percent "
    "and Lisa Tamm on 17 percent.\n"
    "{stock}\n"
    "Okafor's campaign said the result reflected her work on the city's bus network."
)
POLL_B = (
    "Harbour tax splits Kelby voters\n"
    "Voters in the coastal county of Kelby are evenly divided over a proposed tax to rebuild its "
    "harbour wall, according to a survey by the Westgate Institute published on Thursday.\n"
    "Forty-six percent support the levy and 45 percent oppose it, with the rest undecided.\n"
    "{stock}\n"
    "County commissioners will vote on whether to put the tax on the November ballot."
)
STOCK = "The margin of sampling error for the full sample is plus or minus four percentage points."


@pytest.mark.parametrize(
    ("stock_b", "reuse"),
    [
        (STOCK.replace("full", "whole").replace("four", "3.5"), False),  # other figures
        (STOCK.replace("full", "whole").replace("four", "five"), False),  # in words too
        (STOCK.replace("full", "whole"), True),  # the same figure: one sentence reused
    ],
)
def test_a_stock_sentence_with_other_figures_is_no_shared_passage(
    stock_b: str, reuse: bool
) -> None:
    cmp = compare(POLL_A.format(stock=STOCK), POLL_B.format(stock=stock_b))
    assert [p.kind for p in cmp.passages] == ["edited"]
    assert cmp.coverage["longest_copied_words"] >= 15
    assert ("shared-passage" in cmp.evidence.held) is reuse
    assert cmp.verdict == ("same-story" if reuse else "unrelated")
    if not reuse:
        assert "long enough to count" in cmp.evidence.explanation
    # One swapped word ("full" / "whole") is no spinner's pattern, and another figure is no
    # synonym even where the thesaurus lists numbers together ("four" / "five").
    ops = {cmp.b.text[e.b[0] : e.b[1]]: e.op for e in cmp.passages[0].edits if e.op != "equal"}
    assert ops.get("whole") == "synonym"
    assert all(op == "replace" for word, op in ops.items() if word in ("3.5", "five"))


@pytest.mark.parametrize("source", ["rules", "spacy"])
def test_headline_case_and_datelines_are_no_names_in_the_evidence(
    monkeypatch: pytest.MonkeyPatch, source: str
):
    # ECB+ pages set their headlines in title case and stamp a dateline: "Checks", "Rehab",
    # "Clinic" were names both articles share (rarity 0.6-0.8), and the model tags a
    # title-case headline ("Refugee Camp Bombed") as an entity.
    from storytrace import evidence

    monkeypatch.setenv("STORYTRACE_ENTITIES", source)
    a = (
        "Tara Reid Checks Into Rehab Clinic\nUPDATED 05/03/2013 at 11:00 AM EDT\n"
        "Actress Tara Reid has checked into rehab at a clinic in Malibu, her publicist said."
    )
    b = (
        "Lindsay Lohan Checks Into Rehab Clinic\nUPDATED 05/03/2013 at 11:00 AM EDT\n"
        "Actress Lindsay Lohan has checked into rehab at the Betty Ford clinic, her lawyer said."
    )
    ev = compare(a, b).evidence
    assert ev.entities == source
    assert not {n.key for n in ev.names} & {"checks", "rehab", "clinic", "updated", "edt"}
    camp = (
        "Refugee Camp Bombed In South Sudan, Witnesses Say\nThu, 10 Nov 2011 14:45 GMT\n"
        "Warplanes bombed a refugee camp at Yida in South Sudan on Thursday, killing 12 people, "
        "a witness told Reuters. The camp holds refugees from Sudan's Southern Kordofan."
    )
    salience = evidence._profile(camp, (), source).salience
    assert {"yida", "sudan", "reuters", "kordofan"} <= salience.keys()
    assert not salience.keys() & {"refugee", "camp", "bombed", "witnesses", "thu", "gmt"}


# A 15-word lift with its 7th and 14th words replaced, put mid-sentence one word after
# "harbour" in B, where A's source has "harbour" three words before it: alignment steps back
# past "pilots refused" / "yesterday" to that chance "harbour" (bench/sentence_reuse.py,
# synthetic seed 22: "go meco ro gio ..." against "go go gio ...").
HARBOUR_A = (
    "Market traders count the cost\n"
    "Stallholders in the old square said on Monday that takings had fallen by a third since "
    "the council moved the bus stops to the far side of the ring road. One trader who sells "
    "fish beside harbour pilots refused the gang had watched the shop for weeks and knew when "
    "the safe was opened each morning. The council said the stops would return in April, once "
    "the resurfacing of the square is finished and the drains under the north side have been "
    "relaid. A petition signed by four hundred shoppers asked for a free minibus from the "
    "station until then."
)
HARBOUR_B = (
    "Lighthouse keeper retires after forty years\n"
    "Anna Berg climbed the tower for the last time on Sunday, four decades after she first "
    "trimmed its wicks as a girl of nineteen. Volunteers who met her on harbour yesterday the "
    "gang had watched the shop during weeks and knew when the safe got opened, she laughed, and "
    "her grandchildren will keep the lamp room as a museum. The lens, made in Paris in 1871, is "
    "to be cleaned by a specialist firm and lit once a year on the anniversary of the great "
    "storm."
)


def test_a_chance_word_before_an_edited_lift_does_not_loosen_its_passage() -> None:
    """The passage runs from the chance "harbour": 14 equal words of 18, under
    PASSAGE_MIN_SHARE, so only the equal words counted (14, under 15). Without the lone
    word and the change after it, the lift keeps 13 of its 15 words: a shared passage."""
    from storytrace.stories import reuse_edge

    cmp = compare(HARBOUR_A, HARBOUR_B)
    (p,) = [p for p in cmp.passages if p.kind == "edited"]
    assert cmp.a.text[p.a[0] : p.a[1]].startswith("harbour pilots refused the gang")
    assert p.matched == 14
    assert cmp.evidence.rule == "shared-passage" and cmp.verdict == "same-story"
    assert reuse_edge(cmp, {"id": "a"}, {"id": "b"}) is not None


def test_a_lone_edge_word_is_not_dropped_from_a_loose_passage_of_other_words() -> None:
    """Trimming the lone edge word raises a passage's share only where the rest of it is
    printed alike: the same sentence with three more words changed stays loose."""
    other = HARBOUR_B.replace("watched the shop", "robbed the bank").replace("knew", "saw")
    assert compare(HARBOUR_A, other).evidence.rule != "shared-passage"


# Two players of one club put out for the season, years apart: the same club, coach and
# players, and nothing else in common (issue 12: ECB+ topic 25's two running backs).
PLAYER_A = (
    "Harriers put Tobiah Kwarteng on injured list\n"
    "The Wexford Harriers have ruled striker Tobiah Kwarteng out for the rest of the season with "
    "a torn hamstring. Coach Aurelio Binchy said the club would miss his pace badly. Kwarteng "
    "had scored freely all winter before he was hurt in training. Supporters had hoped for a "
    "cup run this spring, and the board is expected to look for cover before the transfer "
    "window shuts. Youngsters from the academy may get their chance. Lindqvist, the "
    "understudy, is expected to start against Drogheda."
)
PLAYER_B = (
    "Harriers lose Lindqvist for the year\n"
    "Osei Lindqvist will not play again this term after an ankle operation, the Harriers "
    "announced. Binchy told local radio that Lindqvist had been unlucky with knocks since "
    "joining. The forward arrived from Malmo and made a quiet start. His wife is expecting "
    "their first child in the autumn, and he plans to spend his recovery at home. Physios "
    "said the joint should heal fully. Wexford lost Kwarteng in much the same way two years "
    "ago, the coach recalled."
)


def test_names_alone_about_different_subjects_are_two_events():
    for a, b, first, second in (
        (PLAYER_A, PLAYER_B, "Tobiah Kwarteng", "Lindqvist"),
        (PLAYER_B, PLAYER_A, "Lindqvist", "Tobiah Kwarteng"),
    ):
        cmp = compare(a, b)
        ev = cmp.evidence
        # Main related them by shared-vocabulary, with the same-people caveat.
        assert ev.verdict == "unrelated" and ev.rule == "different-subject" == ev.held[0]
        assert "shared-vocabulary" in ev.held and ev.caveat is None
        assert not (ev.quotes or ev.numbers or ev.dates)
        [c] = ev.conflicts
        assert (c.kind, c.rule) == ("subject", "different-subject")
        assert (c.a_value, c.b_value) == (first, second)
        assert a[c.a[0] : c.a[1]] == first and b[c.b[0] : c.b[1]] == second
        assert ev.explanation.endswith(f"{first} in A, {second} in B")
        out = cmp.to_dict()["evidence"]
        assert out["rule"] == "different-subject" and out["conflicts"][0]["kind"] == "subject"


def test_different_subjects_do_not_outweigh_an_event_detail_or_a_subject_in_the_lead():
    # A date both give is a detail of the event beside the names: the name rule stands.
    dated = compare(
        PLAYER_A.replace("window shuts.", "window shuts on March 30."),
        PLAYER_B.replace("heal fully.", "heal by March 30."),
    ).evidence
    assert dated.verdict == "same-story" and dated.rule == "shared-vocabulary"
    assert [d.key for d in dated.dates] == ["march 30"] and dated.conflicts == []
    # B's headline names A's subject: the names are no background of B.
    named = compare(
        PLAYER_A, PLAYER_B.replace("Harriers lose Lindqvist", "Kwarteng's stand-in Lindqvist out")
    ).evidence
    assert named.verdict == "same-story" and named.rule == "same-focus"
    assert named.conflicts == [] and named.caveat


def test_a_common_or_background_place_is_no_event_detail_against_different_subjects():
    """Issue 12, BBC tune pairs (bench/evidence_bbc.py): "Russia" in one lead and the other's
    text, or "a stake in Yukos" read as a lead place that the other names only further down,
    kept different subjects from ruling two events apart (Gazprom's tax claim against a
    minister on the Yukos sale). A place is an event detail when both headers or leads name it
    and it is rare (evidence.PLACE_DETAIL_RARITY)."""
    from storytrace.evidence import PLACE_DETAIL_RARITY, _lead_place_detail, _profile
    from storytrace.names import rarity

    assert rarity("england") < PLACE_DETAIL_RARITY <= rarity("kilkenny")
    common = compare(
        PLAYER_A.replace("in training.", "in training in England."),
        PLAYER_B.replace("from Malmo", "from England"),
    ).evidence
    # Main: "England" was a shared lead place, so no conflict and shared-vocabulary stood.
    assert common.verdict == "unrelated" and common.rule == "different-subject"
    assert common.held == ["different-subject", "shared-vocabulary"]

    def detail(a: str, b: str) -> bool:
        return _lead_place_detail(_profile(a, (), "rules"), _profile(b, (), "rules"))

    lead_a = PLAYER_A.replace("in training.", "in training in Kilkenny.")
    body_b = PLAYER_B.replace("two years ago,", "two years ago at Kilkenny,")
    assert not detail(lead_a, body_b), "B names it below its lead only"
    assert detail(lead_a, PLAYER_B.replace("an ankle operation,", "an operation in Kilkenny,"))
    assert detail(PLAYER_B.replace("an ankle operation,", "an operation in Kilkenny,"), lead_a), (
        "either way round"
    )


# Two statements of one councillor, weeks apart, that end alike ("... the next general
# election"): the aligner pairs the two sentences as a reworded passage, whose words inside
# the quotation marks are mostly different words. (BBC News politics/267 against 293: a
# strategist's "Anything can happen in the next general election" read as Kilroy-Silk's "I
# will be standing at the next general election".)
def _council_pair(quote_a: str, quote_b: str) -> tuple[str, str]:
    a = (
        "Marsh warns rivals over Eastport harbour\n\nDelia Marsh, who leads the opposition "
        "group on Eastport council, spoke to harbour traders on Friday about the cost of the "
        f"new sea wall.\n\n{quote_a}\n\nThe council will publish its harbour budget in March, "
        "and officers expect the bill to rise again."
    )
    b = (
        "Marsh confirms she will stand again\n\nDelia Marsh has ended weeks of talk about her "
        "future on Eastport council after a meeting with her party in the town hall.\n\n"
        f"{quote_b}\n\nHer party has held the seat for twelve years and won it by 400 votes "
        "last time."
    )
    return a, b


def test_two_quotations_that_share_a_few_words_are_no_shared_quote() -> None:
    a, b = _council_pair(
        '"Anything can happen in the next general election," she said.',
        '"I will be standing at the next general election," she said.',
    )
    cmp = compare(a, b)
    ev = cmp.evidence
    assert any(p.kind == "reworded" for p in cmp.passages), "the two sentences are aligned"
    assert ev.quotes == [] and "shared-quote" not in ev.held
    # The same statement, one word changed, is still a quotation both carry.
    a, b = _council_pair(
        '"Anything can happen in the next general election," she said.',
        '"Anything could happen in the next general election," she said.',
    )
    ev = compare(a, b).evidence
    assert ev.rule == "shared-quote" and len(ev.quotes) == 1


def test_a_passage_over_two_quotations_lists_each_once() -> None:
    # A paragraph printed by both, holding two quotations: each is a quote both carry, and
    # neither is A's first against B's second.
    para = (
        'The harbour master said: "The wall will not survive another winter like the last '
        'one." The mayor replied that "the council has found the money for the repairs '
        'already," and the work would start in April.'
    )
    a, b = _council_pair(para, para)
    ev = compare(a, b).evidence
    assert [q.key.split()[:2] for q in ev.quotes] == [["The", "wall"], ["the", "council"]]
    assert all(a[slice(*q.a)] == b[slice(*q.b)] for q in ev.quotes)


# A feature on one player and the report of a doubles rubber he lost: one tournament's cast
# and words in the bodies, and not a word in common in the two leads (issue 12: BBC sport/423
# ~ sport/472, a player's form against a Davis Cup doubles; sport/473 ~ sport/486).
FORM_A = (
    "Varga eyes return to his best\n"
    "Former world number one Istvan Varga insists he can recover his old form after a wretched "
    "winter of illness and injury. The former champion has slipped outside the top sixty, but "
    "believes patience will bring results. His coach Benedek Horvath said Varga had trained "
    "hard at home in Szeged all winter. Horvath wants Varga to play more on clay before "
    "Roland Garros. Varga lost early in Rotterdam and Marseille this month. He is expected "
    "to play the doubles in the Halvorsen Cup final in Seville."
)
RUBBER_B = (
    "Twins keep visitors' hopes alive\n"
    "The visitors kept the Halvorsen Cup final alive with a crushing win on Saturday. "
    "Okonkwo and Delacroix thrashed Istvan Varga and Castellanos in straight sets in front of "
    "a partisan crowd in Seville. Victory would have given the hosts the title, but their pair "
    "were outclassed in the doubles. Okonkwo said the crowd in Seville had lifted "
    "them. Delacroix called it the best doubles victory of his career. Ilunga faces "
    "Moreno-Quist in the first of the reverse singles on Sunday."
)


def test_rare_words_alike_below_two_leads_with_no_word_in_common_are_no_event() -> None:
    """``shared-vocabulary`` needs the leads to share a word: alike rare words throughout that
    neither lead uses are the background the two articles share (a tournament's players and
    venue), not the news each leads with."""
    for a, b in ((FORM_A, RUBBER_B), (RUBBER_B, FORM_A)):
        ev = compare(a, b).evidence
        assert ev.lead == 0.0 and ev.vocabulary >= VOCABULARY_MIN
        assert FOCUS_WITH_WORDS <= ev.focus < FOCUS_MIN and ev.name_weight >= NAMES_MIN
        # Main: same-story by shared-vocabulary, with the same-people caveat.
        assert ev.verdict == "unrelated" and ev.rule == "none" and ev.held == ["none"]
        assert ev.caveat is None
    # A word in common in the leads (B's opening sentence names a former champion too) and
    # the rule stands.
    worded = RUBBER_B.replace("a crushing win on", "a crushing win for a former champion on")
    ev = compare(FORM_A, worded).evidence
    assert ev.lead > 0 and ev.verdict == "same-story" and ev.rule == "shared-vocabulary"
