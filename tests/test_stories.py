import itertools
import json
from pathlib import Path

import pytest

from storytrace.align import compare
from storytrace.stories import (
    Edge,
    cluster,
    collapse,
    common_sources,
    direction,
    group_stories,
    reuse_edge,
    time_order,
)

FIX = Path(__file__).parent / "fixtures" / "direction"

BRIDGE = (
    "Engineers closed the Tyne Road bridge in Newcastle after cracks were "
    "found in its steel supports, council leader Maria Okafor said."
)
BRIDGE2 = (
    "Newcastle's Tyne Road bridge stays shut: Maria Okafor says steel "
    "supports cracked and engineers need weeks for repairs."
)
TOUR = (
    "The national orchestra will tour Japan and South Korea next spring "
    "with Elgar and Britten, its director announced."
)
TOUR2 = (
    "Elgar and Britten head the programme as the national orchestra tours "
    "Japan and South Korea in spring."
)


def test_cluster_groups_same_event_apart_from_others():
    groups = cluster({"b1": BRIDGE, "b2": BRIDGE2, "t1": TOUR, "t2": TOUR2})
    assert sorted(groups) == [["b1", "b2"], ["t1", "t2"]]


def test_shared_text_links_force_one_story():
    groups = cluster({"b1": BRIDGE, "t1": TOUR}, linked=[("b1", "t1")])
    assert groups == [["b1", "t1"]]


def test_direction_rules():
    # Instants, not strings: both of these sort the other way as text.
    assert direction("a", "b", "June 1, 2019", "May 30, 2019")[:3] == ("b", "a", "time")
    late, early = "2019-05-30T07:00:00-05:00", "2019-05-30T10:00:00+00:00"
    src, dst, basis, facts = direction("a", "b", late, early)
    assert (src, dst, basis) == ("b", "a", "time")
    assert facts == {
        "from_published": "2019-05-30T10:00:00Z",
        "to_published": "2019-05-30T12:00:00Z",
    }
    # Nothing but the text: no claim at all, whatever lies inside what.
    assert direction("a", "b") == (None, None, None, {})
    assert direction("a", "b", "2019-05-30", "2019-05-30T15:00:00Z") == (None, None, None, {})
    # The same wire credit on both sides beats the clock.
    got = direction("a", "b", "2019-05-30", "2019-06-02", wires=["AP"])
    assert got == (None, None, "common-source", {"wire": ["AP"]})


def test_time_order_treats_a_bare_date_as_its_day_in_any_time_zone():
    assert time_order("May 30, 2019", "2019-05-30T15:00:00Z") == 0
    # 30 May ends at 12:00 UTC on 31 May west of the date line; 31 May or a print edition
    # dated the day after the web say nothing of which came out first.
    assert time_order("May 30, 2019", "2019-05-31T00:00:01Z") == 0
    assert time_order("May 30, 2019", "2019-05-31T12:00:00Z") == -1
    assert time_order("2019-05-29T11:59:00Z", "May 30, 2019") == -1
    assert time_order("2019-05-29T12:00:00Z", "May 30, 2019") == 0
    assert time_order("30 May 2019", "May 31, 2019") == 0
    assert time_order("30 May 2019", "June 1, 2019") == -1
    assert time_order("2019-05-30T15:00:00Z", "2019-05-30T15:00:00+00:00") == 0
    assert time_order("not a date", "2019-05-30") == 0
    assert time_order(None, "2019-05-30") == 0


def test_collapse_near_duplicates():
    groups = collapse(["a", "b", "c", "d"], [("b", "a"), ("c", "b")])
    assert groups == {"a": ["a", "b", "c"], "d": ["d"]}


def test_near_duplicate_group_is_led_by_its_earliest_member():
    when = {"a": "June 3, 2019", "b": "Thu, 30 May 2019 07:00:00 -0500", "c": None}
    groups = collapse(["a", "b", "c"], [("b", "a"), ("c", "b")], when)
    assert groups == {"b": ["b", "a", "c"]}


# Articles of tests/fixtures/direction: originals, later copies and two wire stories, with
# dates in RFC 2822, ISO 8601 with offsets, everyday English, day-first and epoch seconds.
DATES = {
    "s1_orig": "Thu, 30 May 2019 07:00:00 -0500",
    "s1_copy": "2019-05-30T09:30:00-05:00",
    "s1_copy2": "1 June 2019",
    "s2_orig": "May 30, 2019",
    "s2_copy": "June 1, 2019",
    "s3_orig": "2019-05-31T10:00:00+00:00",
    "s3_copy": "2019-05-31T07:00:00-05:00",
    "s5_ap1": 1559383200,
    "s5_ap2": "Sat, 01 Jun 2019 15:00:00 GMT",
    "unrelated": "2019-06-02",
}
# What happened: (from, to, basis) per reuse pair; (None, None, None) = nothing is known.
TRUTH = {
    ("s1_copy", "s1_orig"): ("s1_orig", "s1_copy", "time"),
    ("s1_copy2", "s1_orig"): ("s1_orig", "s1_copy2", "time"),
    ("s1_copy", "s1_copy2"): (None, None, "common-source"),  # both took from s1_orig
    ("s2_copy", "s2_orig"): ("s2_orig", "s2_copy", "time"),
    ("s3_copy", "s3_orig"): ("s3_orig", "s3_copy", "time"),
    # Undated, s4_orig lies wholly inside s4_ext: an extension of it, or an excerpt of it
    # (as aggregators print), the text alone cannot say.
    ("s4_ext", "s4_orig"): (None, None, None),
    ("s4_ext", "s4_other"): (None, None, None),
    ("s4_orig", "s4_other"): (None, None, None),
    ("s5_ap1", "s5_ap2"): (None, None, "common-source"),  # both carry AP copy
}


def _edges(dates: dict) -> list[Edge]:
    texts = {p.stem: p.read_text() for p in sorted(FIX.glob("*.txt"))}
    out = []
    for a, b in itertools.combinations(sorted(texts), 2):
        edge = reuse_edge(
            compare(texts[a], texts[b]),
            {"id": a, "published": dates.get(a)},
            {"id": b, "published": dates.get(b)},
        )
        if edge is not None:
            out.append(edge)
    return out


@pytest.fixture(scope="module")
def dated_edges() -> list[Edge]:
    return _edges(DATES)


def test_corpus_gets_every_direction_right(dated_edges):
    # Sorting the raw strings would get some of these wrong: the test must not pass by luck.
    assert DATES["s2_copy"] < DATES["s2_orig"] and DATES["s3_copy"] < DATES["s3_orig"]
    got = {
        tuple(sorted((e.a, e.b))): (e.source, e.target, e.basis)
        for e in common_sources(dated_edges)
    }
    assert got == TRUTH
    wire = next(e for e in dated_edges if e.a == "s5_ap1")
    assert wire.evidence["wire"] == ["AP"]
    # Each side's credit, where a reader can check it.
    texts = {p.stem: p.read_text() for p in FIX.glob("*.txt")}
    for side, doc in (("a", wire.a), ("b", wire.b)):
        (c,) = wire.evidence["credits"][side]
        assert c["agency"] == "AP" and texts[doc][c["start"] : c["end"]] in c["context"]
        assert texts[doc][c["start"] : c["end"]] in ("(AP)", "Associated Press")


def test_common_source_names_the_earlier_article(dated_edges):
    (edge,) = [e for e in common_sources(dated_edges) if (e.a, e.b) == ("s1_copy", "s1_copy2")]
    assert edge.evidence == {"earlier": "s1_orig", "earlier_published": "2019-05-30T12:00:00Z"}
    d = edge.to_dict()["direction"]
    assert (d["from"], d["to"], d["basis"]) == (None, None, "common-source")
    assert Edge.from_dict(edge.to_dict()).to_dict() == edge.to_dict()


def test_without_dates_only_a_wire_credit_gives_a_direction():
    got = {tuple(sorted((e.a, e.b))): e.basis for e in common_sources(_edges({}))}
    assert got.pop(("s5_ap1", "s5_ap2")) == "common-source"  # the wire credit needs no date
    # s3_orig and s4_orig lie wholly inside s3_copy and s4_ext: still no order.
    assert {("s3_copy", "s3_orig"), ("s4_ext", "s4_orig")} <= set(got)
    assert set(got.values()) == {None}


# Found on ECB+ topic 13 (a two-sentence brief on a church fire and a longer report, no word
# run in common): both outlets retold one wire report, so neither took the other's text.
_BRIEF = (
    "An overnight fire Friday at Brackwell Mayor Joan Reyes's home library caused an estimated "
    "$2 million in damage, and investigators say it could be the work of an arsonist.\n"
    "Firefighters were called to Harbour Street Library in Brackwell, Devon, about 10:15 p.m. "
    "Friday and found flames and smoke coming out windows at the back of the four-storey "
    "structure, said Karen Holt, chief of the Brackwell Fire Service."
)
_REPORT = (
    "The library Brackwell Mayor Joan Reyes uses was badly damaged by fire Friday night, and "
    "investigators suspect arson.\n"
    "Reyes, who was also the party's candidate for the county council, apologised if the fire "
    "was in any way connected to the attention the library received during the campaign.\n"
    "The fire caused more than $2 million in damages, the Brackwell Gazette reported.\n"
    "Firefighters were called to the blaze at around 10:15 p.m.\nFriday night.\n"
    "They arrived to find smoke and flames coming out of the windows at the back of the "
    "four-storey building.\n"
    "Five adult women and possibly two children were inside the library, but escaped "
    "unharmed, Brackwell Fire Service Chief Karen Holt told reporters.\n"
    "It took about 40 volunteer firefighters to knock down the blaze, Holt said."
)


def test_a_brief_retold_in_a_longer_report_has_no_direction():
    cmp = compare(_BRIEF, _REPORT)
    # The brief lies inside the report, in reworded passages only: all of it but its closing
    # attribution ("said Karen Holt, chief of the Brackwell Fire Service"), which the report
    # gives to another statement of hers, no rewording of this one (names.shares_statement).
    assert cmp.verdict == "reworded"
    assert cmp.coverage["a"] >= 0.6 and cmp.coverage["a_copied"] == 0.0
    edge = reuse_edge(cmp, {"id": "brief"}, {"id": "report"})
    assert edge is not None and edge.direction is None
    # The same brief carried word for word into the report is contained in it, which
    # still orders nothing: the report may extend the brief, or the brief cut the report.
    cmp = compare(_BRIEF, _BRIEF + "\n" + _REPORT)
    assert cmp.verdict == "copied" and cmp.coverage["a"] >= 0.9
    edge = reuse_edge(cmp, {"id": "brief"}, {"id": "report"})
    assert edge is not None and edge.direction is None


# Found on ECB+ topic 21: an aggregator printed a local news site's headline and first
# sentence, and containment named the aggregator as the source of the article it cut.
_ARTICLE = (
    "Cyclist Killed In Harbour Road Crash, Driver Arrested\n"
    "A cyclist has died after being struck by a van that did not stop on Harbour Road in "
    "Brackwell, and the driver has now been arrested on suspicion of causing death by "
    "dangerous driving.\n"
    "Witnesses said the 47-year-old man was riding home from work on Thursday evening when "
    "the van clipped his rear wheel and threw him across the pavement.\n"
    "He died in hospital later that night.\n"
    "Officers traced the van to an address two miles away on Friday morning, and a "
    "31-year-old man remains in custody, Devon Police said."
)
_TEASER = "\n".join(_ARTICLE.split("\n")[:2])


def test_an_aggregators_excerpt_is_not_the_source_of_what_it_cut():
    cmp = compare(_TEASER, _ARTICLE)
    assert cmp.coverage["a"] >= 0.9 and cmp.coverage["a_copied"] >= 0.9
    edge = reuse_edge(cmp, {"id": "aggregator"}, {"id": "local"})
    assert edge is not None and edge.direction is None
    # Dates still order the pair, and only dates.
    edge = reuse_edge(
        cmp,
        {"id": "aggregator", "published": "2019-05-31T09:00:00Z"},
        {"id": "local", "published": "2019-05-30T21:00:00+01:00"},
    )
    assert (edge.source, edge.target, edge.basis) == ("local", "aggregator", "time")


def test_stories_of_the_corpus(dated_edges):
    texts = {p.stem: p.read_text() for p in sorted(FIX.glob("*.txt"))}
    stories = group_stories(texts, dated_edges, texts)
    by_first = {s["articles"][0]: s for s in stories}
    assert by_first["s2_copy"]["nodes"] == [
        {"id": "s2_orig", "count": 2, "members": ["s2_orig", "s2_copy"]}
    ]
    s1 = by_first["s1_copy"]
    assert [n["id"] for n in s1["nodes"]] == ["s1_orig", "s1_copy", "s1_copy2"]  # time order
    assert by_first["unrelated"]["articles"] == ["unrelated"]


def test_reuse_edge_and_group_stories_from_comparisons():
    from storytrace.align import compare
    from storytrace.stories import group_stories, reuse_edge

    extra = " Buses will be diverted through the city centre for at least six weeks."
    e1 = reuse_edge(compare(BRIDGE, BRIDGE), {"id": "a"}, {"id": "b"})
    e2 = reuse_edge(
        compare(BRIDGE, BRIDGE + extra),
        {"id": "a", "published": "2024-01-01"},
        {"id": "c", "published": "2024-01-03"},
    )
    assert reuse_edge(compare(BRIDGE, TOUR), {"id": "a"}, {"id": "t"}) is None
    assert e1.verdict == "duplicate"
    assert (e2.source, e2.target, e2.basis) == ("a", "c", "time")
    (story, lone) = group_stories(["a", "b", "c", "t"], [e1, e2])
    assert story["articles"] == ["a", "b", "c"] and lone["articles"] == ["t"]
    assert {"id": "a", "count": 2, "members": ["a", "b"]} in story["nodes"]
    assert [(e["a"], e["b"]) for e in story["edges"]] == [("a", "c")]


def test_stock_phrase_pairs_are_not_reuse_but_real_same_story_sharing_is():
    from types import SimpleNamespace

    def cmp(longest, cov_a, cov_b):
        cov = {"a": cov_a, "b": cov_b, "longest_copied_words": longest}
        cov |= {"a_copied": cov_a, "b_copied": cov_b}  # one verbatim passage
        side = SimpleNamespace(text="word " * 100)
        passage = SimpleNamespace(
            a=(0, 40), b=(0, 40), kind="verbatim", to_dict=lambda: {"kind": "verbatim"}
        )
        evidence = SimpleNamespace(held=["same-focus"])  # no shared-passage: its own test
        return SimpleNamespace(
            passages=[passage],
            coverage=cov,
            verdict="same-story",
            a=side,
            b=side,
            evidence=evidence,
        )

    assert reuse_edge(cmp(8, 0.02, 0.03), {"id": "a"}, {"id": "b"}) is None
    edge = reuse_edge(cmp(27, 0.45, 0.2), {"id": "a"}, {"id": "b"})
    # Shared text, but nothing says who took it or from where: no direction, no basis.
    assert edge is not None and edge.basis is None and edge.to_dict()["direction"] is None


def test_average_link_needs_cohesion_where_single_link_chains():
    from storytrace.stories import average_link

    # b is close to a and to c, but a and c, d are not close: one chain, two groups.
    scores = {("a", "b"): 0.8, ("b", "c"): 0.5, ("c", "d"): 0.9, ("b", "d"): 0.1}
    assert average_link("abcde", scores, 0.4) == [["a", "b"], ["c", "d"], ["e"]]
    assert average_link("abcde", scores, 0.05) == [["a", "b", "c", "d"], ["e"]]
    # Linked pairs start together whatever their scores.
    assert sorted(average_link("abcde", scores, 0.4, linked=[("a", "e")])) == [
        ["a", "b", "e"],
        ["c", "d"],
    ]


QUAKE_A = (
    "A magnitude 6.1 earthquake struck the Vrbanja valley on Monday, collapsing the old bridge "
    "and cutting power to the town of Kotor Varos, where rescuers searched the rubble."
)
QUAKE_A2 = (
    "Rescuers in Kotor Varos searched rubble after Monday's Vrbanja valley earthquake brought "
    "down the old bridge; power is still cut across the valley."
)
QUAKE_B = (
    "An earthquake of magnitude 5.4 shook the port of Marlowe Bay on Friday, cracking the "
    "harbour wall and flooding the fish market, the coastguard said."
)
QUAKE_B2 = (
    "The coastguard said the Marlowe Bay harbour wall cracked and the fish market flooded after "
    "Friday's magnitude 5.4 earthquake shook the port."
)
DIGEST = (
    "Earthquake round-up: the Vrbanja valley quake and the Marlowe Bay quake, with rescuers, "
    "the coastguard, the harbour wall and the old bridge all in the news this week."
)


def test_average_link_keeps_two_events_of_one_kind_apart():
    texts = {"a1": QUAKE_A, "a2": QUAKE_A2, "b1": QUAKE_B, "b2": QUAKE_B2, "d": DIGEST}
    single = cluster(texts, linkage="single", threshold=0.1)
    average = cluster(texts, threshold=0.1)
    assert single == [["a1", "a2", "b1", "b2", "d"]]  # the digest chains both events
    # Average-link: the digest joins the event it is closest to, the events stay apart.
    assert average == [["b1", "b2", "d"], ["a1", "a2"]]


def test_edges_and_stories_match_their_json_schemas(dated_edges):
    import json

    import jsonschema

    docs = Path(__file__).parent.parent / "docs"
    edge_schema = json.loads((docs / "edge.schema.json").read_text())
    story_schema = json.loads((docs / "story.schema.json").read_text())
    for e in common_sources(dated_edges):
        jsonschema.validate(e.to_dict(), edge_schema)
    texts = {p.stem: p.read_text() for p in sorted(FIX.glob("*.txt"))}
    for story in group_stories(texts, dated_edges, texts):
        jsonschema.validate(story, story_schema)


def test_indexed_corpus_gets_the_same_directions(tmp_path):
    import json

    from storytrace import corpus

    lines = []
    for p in sorted(FIX.glob("*.txt")):
        rec = {"id": p.stem, "text": p.read_text()}
        if p.stem in DATES:
            rec["published"] = DATES[p.stem]
        lines.append(json.dumps(rec))
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    corpus.index([str(tmp_path / "c.jsonl")], tmp_path / "db")
    got = {}
    for story in corpus.stories(tmp_path / "db")["stories"]:
        for e in story["edges"]:
            d = e["direction"] or {}
            got[tuple(sorted((e["a"], e["b"])))] = (d.get("from"), d.get("to"), d.get("basis"))
    # The near-duplicate pair is collapsed into one node, led by the earlier article.
    truth = {k: v for k, v in TRUTH.items() if k != ("s2_copy", "s2_orig")}
    assert got == truth


def _reference_vectors(counts: dict, top: int) -> dict:
    """The TF-IDF rule written out per article, as the array code must compute it."""
    import math
    from collections import Counter

    df = Counter(t for c in counts.values() for t in c)
    n = len(counts)
    out = {}
    for i, c in counts.items():
        w = {t: (1 + math.log(k)) * math.log((n + 1) / (df[t] + 1)) for t, k in c.items()}
        best = sorted(w.items(), key=lambda x: -x[1])[:top]  # stable: first occurrence on ties
        norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
        out[i] = {t: v / norm for t, v in best}
    return out


def test_tfidf_arrays_equal_the_written_out_rule_ties_included():
    import random

    from storytrace.stories import similar_pairs, vectors

    rng = random.Random(5)
    words = [f"w{k}" for k in range(60)]
    counts = {
        f"d{i:02d}": {w: rng.choice([1, 1, 2, 3]) for w in rng.sample(words, rng.randint(0, 25))}
        for i in range(40)
    }
    for top in (3, 10, 40):
        got, want = vectors(counts, top), _reference_vectors(counts, top)
        assert got.keys() == want.keys()
        for i in want:
            assert set(got[i]) == set(want[i]), (i, top)  # the same top terms, ties included
            assert all(abs(got[i][t] - want[i][t]) < 1e-12 for t in want[i])
    # The sparse product finds exactly the pairs a double loop finds.
    vecs = _reference_vectors(counts, 10)
    brute = {}
    ids = sorted(vecs)
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            s = sum(v * vecs[b].get(t, 0.0) for t, v in vecs[a].items())
            if s >= 0.2:
                brute[(a, b)] = s
    got = similar_pairs(vecs, 0.2, max_df=10**6)
    assert got.keys() == brute.keys() and all(abs(got[k] - brute[k]) < 1e-12 for k in brute)


def test_years_are_the_four_digit_words_from_1950_to_2049():
    from storytrace.stories import features

    text = (
        "In 1949 and 1950, then 2049, 2050, 19999, 195\u0663, \uff11\uff19\uff19\uff19, "
        "1987a, and 2001, the count of 1066 went on."
    )
    # The fullwidth year reads as 1999; a year may end in any decimal digit (Arabic-Indic
    # three here), as the rule's \d matches it.
    assert features(text).years == {"1950", "195\u0663", "1999", "2001", "2049"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("2019", {"2019"}),
        ("Storm", set()),
        # Superscript digits fold to plain ones: the words 1987 and 2019 again.
        (
            "In 2019 and 1999, \u00b9\u2079\u2078\u2077 and \u00b2\u2070\u00b9\u2079, 1987.",
            {"2019", "1999", "1987"},
        ),
        # Digits to isdigit that _YEAR's ASCII prefixes refuse; Cyrillic words.
        (
            "Kiev 2014, \u041a\u0438\u0435\u0432 2015, \u0661\u0669\u0669\u0669 and "
            "20\u0661\u0669; 2050 1949 0001",
            {"2014", "2015"},
        ),
    ],
)
def test_years_equal_the_rule_written_per_word(text, expected):
    """features' years (the words filter(str.isdigit) lets through, then length and _YEAR)
    equal the rule written out per counted word."""
    from storytrace.stories import _YEAR, features, terms

    rule = {w for w in terms(text) if len(w) == 4 and w.isdigit() and _YEAR.fullmatch(w)}
    assert features(text).years == rule == expected


def test_focal_names_and_years_lower_a_pair_of_two_events_of_one_kind():
    from storytrace.stories import features, pair_score

    jackson = features(
        "Chargers receiver Vincent Jackson arrested on suspicion of drink-driving\n"
        "San Diego Chargers wide receiver Vincent Jackson was arrested on suspicion of drunk "
        "driving on Tuesday, police said in 2008."
    )
    jackson2 = features(
        "Police in San Diego arrested Chargers receiver Vincent Jackson early on Tuesday on "
        "suspicion of drunk driving; he was released on bail in 2008."
    )
    williams = features(
        "Chargers lineman Jamal Williams faces drink-driving charges\n"
        "San Diego Chargers defensive tackle Jamal Williams was arrested on suspicion of drunk "
        "driving, police said on February 2, 2009."
    )
    assert {"jackson", "vincent", "chargers"} <= jackson.focal and "2008" in jackson.years
    assert pair_score(0.5, jackson, jackson2) == 0.5  # same event: every focal name is there
    # Another player (half the focal names missing) and another year: 0.5 * 0.75 * 0.5.
    assert pair_score(0.5, jackson, williams) == 0.1875


def test_array_scores_follow_the_pair_score_rule():
    import random

    from storytrace.stories import Features, pair_score, scores_of, similar_pairs, vectors

    rng = random.Random(8)
    words = [f"w{k}" for k in range(40)]
    feats = {}
    for i in range(60):
        terms = {w: rng.choice([1, 2]) for w in rng.sample(words, rng.randint(1, 15))}
        focal = frozenset(rng.sample(sorted(terms), rng.randint(0, min(4, len(terms)))))
        years = frozenset(rng.sample(["2008", "2009", "2013"], rng.randint(0, 2)))
        feats[f"d{i:02d}"] = Features(terms, focal, years)
    cos = similar_pairs(vectors({i: f.terms for i, f in feats.items()}), 0.05)
    want = {(a, b): pair_score(s, feats[a], feats[b]) for (a, b), s in cos.items()}
    ids, got = scores_of((i, f.terms, f.focal, f.years) for i, f in feats.items())
    assert ids == list(feats) and got.keys() == want.keys()
    assert all(abs(got[k] - want[k]) < 1e-12 for k in want)
    # Every kind of case occurs: no focal names, some missing, different years.
    assert len({round(got[k] / cos[k], 6) for k in want}) > 3


def test_every_member_says_what_put_it_in_its_story():
    """membership: a reuse edge or a shared quote first, else the member scoring highest,
    with the score and the lead names both share; a story of one has no members."""
    from storytrace.stories import features, membership, story_scores

    texts = {"b1": BRIDGE, "b2": BRIDGE2, "t1": TOUR, "t2": TOUR2, "x": QUAKE_A}
    feats = {i: features(t) for i, t in texts.items()}
    scores = story_scores(feats)
    groups = cluster(texts)
    focal = {i: f.focal for i, f in feats.items()}
    why = membership(groups, scores, reuse=[("t1", "t2")], focal=focal)
    assert sorted(why) == ["b1", "b2", "t1", "t2"]  # "x" is a story of one
    b1 = why["b1"]
    assert (b1.joined_by, b1.with_) == ("vocabulary", "b2")
    assert b1.score == scores[("b1", "b2")] > 0
    # Both leads name the bridge and the council leader.
    assert {"tyne", "okafor"} <= set(b1.shared)
    assert (why["t2"].joined_by, why["t2"].with_, why["t2"].score) == ("reuse", "t1", None)
    stories = group_stories(texts, [], texts)
    by_size = {len(s["articles"]): s for s in stories}
    assert [m["article"] for m in by_size[2]["members"]] == by_size[2]["articles"]
    assert by_size[1]["members"] == []


def test_a_member_attached_by_a_shared_name_shows_the_member_it_shares_it_with():
    """Found on ECB+ topic 5: an article attached to a story because its lead named the
    team, as one member's did, was shown beside another member it scored higher with and
    shared no name with (``shared: []``), so its evidence did not say why it was there."""
    from storytrace.stories import membership

    groups = [["hire", "fired", "signing"]]
    scores = {("hire", "fired"): 0.4, ("signing", "fired"): 0.08, ("signing", "hire"): 0.05}
    focal = {
        "hire": ["sixers", "cheeks", "may"],
        "fired": ["philly", "may"],
        "signing": ["sixers", "dalembert", "july"],
    }
    why = membership(groups, scores, focal=focal)
    got = why["signing"]
    assert (got.joined_by, got.with_, got.score, got.shared) == (
        "vocabulary",
        "hire",
        0.05,
        ["sixers"],
    )
    # Without a shared name anywhere, the member it scores highest with, as before.
    why = membership(groups, scores, focal={**focal, "signing": ["dalembert"]})
    assert (why["signing"].with_, why["signing"].shared) == ("fired", [])
    # Calendar words are no shared name ("may" is kept: a surname).
    assert why["fired"].shared == ["may"] and why["fired"].with_ == "hire"


def test_pair_products_in_tiles_and_weights_in_blocks_give_the_same_bits(monkeypatch):
    """_pair_arrays multiplies in tiles and _top_weights ranks a block of rows at a time to
    bound their memory: any tile or block size gives the bits of one product over
    everything, and the pairs a double loop finds."""
    import random

    import numpy as np

    from storytrace import stories as st

    rng = random.Random(12)
    words = [f"w{k}" for k in range(50)]
    counts = {
        f"d{i:02d}": {w: rng.choice([1, 2, 3]) for w in rng.sample(words, rng.randint(0, 14))}
        for i in range(70)
    }

    def run(block: int, entries: int) -> tuple:
        monkeypatch.setattr(st, "_PAIR_BLOCK", block)
        monkeypatch.setattr(st, "_WEIGHT_ENTRIES", entries)
        ids, _, x = st.tfidf_matrix(counts, 6)
        return (x.indptr, x.indices, x.data, *st._pair_arrays(x, 0.1, max_df=30)), ids, x

    whole, ids, x = run(10**6, 10**9)
    for block, entries in ((1, 1), (7, 13), (16, 40)):
        got = run(block, entries)[0]
        assert all(np.array_equal(a, b) for a, b in zip(got, whole, strict=True))
        assert all(a.dtype == b.dtype for a, b in zip(got, whole, strict=True))
    r, c, dots = whole[3:]
    dense = x.toarray()
    df = (dense > 0).sum(axis=0)
    dense[:, (df < 2) | (df > 30)] = 0
    want = {(a, b) for a in range(len(ids)) for b in range(a + 1, len(ids))}
    want = {(a, b) for a, b in want if dense[a] @ dense[b] >= 0.1}
    assert set(zip(r.tolist(), c.tolist(), strict=True)) == want and len(want) > 20
    assert np.allclose(dots, (dense[r] * dense[c]).sum(axis=1))


def test_tfidf_matrix_is_made_as_csr_with_the_arrays_of_a_conversion_from_coo():
    """Terms.tfidf builds its CSR matrix directly, indices sorted: the same arrays (and
    dtypes) as scipy's conversion of the (row, term, weight) triples, on rows whose top
    terms come in no column order, empty rows, and weights of 0 (a term every article holds)
    kept as stored entries, with its own IDF and with a basis's (``n``: the articles with terms)."""
    import numpy as np
    from scipy import sparse

    from storytrace import stories as st

    rng = np.random.default_rng(5)
    terms_ = st.Terms()
    for i in range(60):
        words = ["every"] + [f"w{k}" for k in rng.permutation(90)[: rng.integers(0, 30)]]
        terms_.add(f"d{i}", {w: int(rng.integers(1, 4)) for w in words} if i % 9 else {})
    n_every = sum(1 for k in terms_.lengths if k)
    for basis in (None, (n_every, np.bincount(np.asarray(terms_.terms), minlength=5))):
        x = terms_.tfidf(7, basis)
        t = np.asarray(terms_.terms, dtype=np.int64)
        idf_n = len(terms_.ids) if basis is None else basis[0]
        df = np.bincount(t, minlength=terms_.size) if basis is None else None
        if basis is not None:
            df = np.zeros(terms_.size, dtype=np.int64)
            df[: len(basis[1])] = basis[1][: terms_.size]
        row, col, val = st._top_weights(t, terms_.ks, terms_.lengths, df, idf_n, 7)
        want = sparse.csr_matrix((val, (row, col)), shape=x.shape)
        assert x.has_canonical_format and x.shape == want.shape
        for a, b in ((x.indptr, want.indptr), (x.indices, want.indices), (x.data, want.data)):
            assert a.dtype == b.dtype and np.array_equal(a, b)
        assert (np.diff(x.indptr) == 0).any()
        # With the basis every article holds "every": its weight is 0, kept in short rows.
        assert (x.data == 0).any() == (basis is not None)
        unsorted = [
            r for r in range(len(row)) if r and row[r] == row[r - 1] and col[r] < col[r - 1]
        ]
        assert unsorted  # the triples were not already in column order


def test_group_numbers_give_each_row_its_groups_index():
    from storytrace import stories as st

    row_of = {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}
    got = st._group_numbers([["c", "a"], ["e"], ["d", "b"]], row_of)
    assert got.tolist() == [0, 2, 0, 2, 1]


def test_top_weights_keep_each_rows_largest_ties_to_the_earlier_term(monkeypatch):
    """Each row keeps its ``top`` largest weights, a tie going to the earlier term, in any
    block size: the rule written out as a sort of each row, on rows of many equal weights
    (few counts and document frequencies), rows no longer than ``top`` and empty rows."""
    import numpy as np

    from storytrace import stories as st

    rng = np.random.default_rng(16)
    lengths = rng.integers(0, 120, 300)
    lengths[::17] = 0
    lengths[5] = 1000  # a length class of its own
    size, n = 2000, 400
    terms_ = np.concatenate([rng.permutation(size)[:k] for k in lengths]).astype(np.int64)
    ks = rng.integers(1, 4, len(terms_))
    df = rng.integers(0, 6, size) * 20
    w = (1 + np.log(ks.astype(np.float64))) * np.log((n + 1) / (df[terms_] + 1))
    for top in (1, 7, 40, 500):
        want_rows, want_terms = [], []
        for r, (e0, k) in enumerate(zip(np.cumsum(lengths) - lengths, lengths, strict=True)):
            best = sorted(range(e0, e0 + k), key=lambda e: (-w[e], e))[:top]
            want_rows += [r] * len(best)
            want_terms += [int(terms_[e]) for e in sorted(best)]
        for entries in (1 << 20, 500, 1):
            monkeypatch.setattr(st, "_WEIGHT_ENTRIES", entries)
            row, term, weight = st._top_weights(terms_, ks, lengths, df, n, top)
            assert row.tolist() == want_rows and term.tolist() == want_terms
            norms = np.sqrt(np.bincount(row, weights=weight * weight))
            assert np.allclose(norms[np.bincount(row) > 0], 1.0)


def test_calendar_words_are_not_names_a_member_shares():
    """A weekday or month both leads carry is no reason to be in one story; "May" may be
    a surname and stays."""
    from storytrace.stories import membership

    focal = {
        "a": {"saturday", "march", "dec", "may", "leeds"},
        "b": {"saturday", "march", "dec", "may", "leeds"},
    }
    why = membership([["a", "b"]], {("a", "b"): 0.2}, focal=focal)
    assert why["a"].shared == ["leeds", "may"]


NAMES_A = (
    "SONY CUTS PSP PRICE\nSony’s PSP falls to $129 as O'Brien says DVDs and UMD films sell well "
    "in Tokyo.\nThe handheld console will cost less from Friday, Sony said, and O'Brien expects "
    "stronger sales of the PSP in Europe."
)
NAMES_B = (
    "Sony lowers PSP price in Tokyo\nSony cut the price of the PSP handheld on Friday, and "
    "O'Brien said DVDs still sold.\nAnalysts said the PSP price cut would help Sony against "
    "Nintendo, and O'Brien agreed."
)
NAMES_C = (
    "Floods close roads in Cumbria\nHeavy rain closed roads across Cumbria on Monday as rivers "
    "rose.\nPolice told drivers to stay at home while the Environment Agency issued warnings."
)


def test_shared_lead_names_are_shown_as_the_articles_write_them(tmp_path):
    """Real stories output showed "Psp", "O'brien" and "Dvds": the lower-case comparison
    form capitalised. Both engines' members, the JSON, the terminal and the HTML give the
    names as written (the most common capitalised form in the two openings)."""
    import html as html_mod

    from click.testing import CliRunner

    from storytrace import corpus
    from storytrace.cli import app

    want = ["DVDs", "O'Brien", "PSP", "Sony", "Tokyo"]
    texts = {"a": NAMES_A, "b": NAMES_B, "c": NAMES_C}
    (pair,) = [s for s in group_stories(texts, [], texts) if len(s["articles"]) == 2]
    assert [m["shared"] for m in pair["members"]] == [want, want]
    assert all(m["joined_by"] == "vocabulary" for m in pair["members"])

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items()))
    db = str(tmp_path / "db")
    run = CliRunner()
    assert run.invoke(app, ["index", str(src), "--db", db]).exit_code == 0
    stored = [s for s in corpus.stories(db)["stories"] if len(s["articles"]) == 2]
    assert [m["shared"] for s in stored for m in s["members"]] == [want, want]
    res = run.invoke(app, ["stories", "--db", db, "--json"])
    (story,) = [s for s in map(json.loads, res.stdout.splitlines()) if len(s["articles"]) == 2]
    assert [m["shared"] for m in story["members"]] == [want, want]
    res = run.invoke(app, ["stories", "--db", db])
    assert "names in both leads: DVDs, O'Brien, PSP, Sony, Tokyo" in res.stdout
    assert "Psp" not in res.stdout and "O'brien" not in res.stdout
    page = run.invoke(app, ["stories", "--db", db, "--html", "-"]).stdout
    assert "names in both leads: DVDs, O'Brien, PSP, Sony, Tokyo" in html_mod.unescape(page)


def test_written_names_prefer_the_commonest_form_and_keep_marks():
    """The commonest capitalised form wins (capitals lose a tie); a line all in capitals (a
    headline) counts only for a word found nowhere else; a name with marks is found through
    its folded form, and a word never capitalised stays as given."""
    from storytrace.stories import written_names

    texts = [
        "ZOË BELL WINS WITH PSP\nZoë Bell won in Leeds.",
        "Bell’s rival, Zoë, lost; BELL was ahead. NHS, Nhs and NHS said so.",
    ]
    got = written_names(["zoe", "bell", "leeds", "rival", "nhs", "psp", "wins"], texts)
    assert got == ["Zoë", "Bell", "Leeds", "rival", "NHS", "PSP", "WINS"]
    assert written_names(["mcdonald's"], ["Food at McDonald's"]) == ["McDonald's"]


FLOOD = {
    "s1": "Floods hit Leeds as River Aire bursts banks\nThe River Aire burst its banks in Leeds "
    "on Monday, flooding homes in Kirkstall. Council crews handed out sandbags and residents "
    "were moved to a school hall. The Environment Agency said water levels would stay high.",
    "s2": "Leeds residents moved as Aire floods Kirkstall\nResidents of Kirkstall in Leeds were "
    "moved to a school hall on Monday after the River Aire flooded their homes. Council crews "
    "handed out sandbags. The Environment Agency warned levels would stay high.",
    # Another flood: close in words, but its lead names only York and the Ouse.
    "york": "York braces for more rain\nThe Ouse burst its banks in York on Monday, flooding "
    "cellars near the water. Council crews handed out sandbags and some families were moved "
    "to a school hall for the night.",
    "storm": "Town counts cost of storm damage\nShops in the market square counted the cost on "
    "Monday after a storm brought down roofs and trees. Council crews cleared roads and the "
    "agency said more rain would come. Insurers sent assessors to homes and businesses.",
    # A follow-up of the Leeds flood: its lead names Kirkstall and the Aire.
    "later": "Aire flood clean-up begins in Kirkstall\nThe clean-up began in Kirkstall after the "
    "Aire flood. Volunteers cleared mud from homes and a school hall took in families whose "
    "carpets were ruined.",
}


def test_a_single_article_joins_a_story_only_when_their_leads_share_a_name():
    from storytrace import stories as st

    feats = {i: st.features(t) for i, t in FLOOD.items()}
    scores = st.story_scores(feats)
    groups = st.average_link(feats, scores, st.AVERAGE_LINK)
    assert sorted(groups) == [["later"], ["s1", "s2"], ["storm"], ["york"]]
    # The nearest story is close enough for both flood singles ...
    near = [["later", "s1", "s2", "york"], ["storm"]]
    assert sorted(map(sorted, st.attach(groups, scores))) == near
    focal = {i: f.focal for i, f in feats.items()}
    # ... but York's lead shares no name with the Leeds story's leads ("Monday" is none).
    assert not focal["york"] & (focal["s1"] | focal["s2"]) and "monday" not in focal["s1"]
    named = st.attach(groups, scores, focal=focal)
    assert sorted(map(sorted, named)) == [["later", "s1", "s2"], ["storm"], ["york"]]
    # A weekday among the lead names (before story rule 7) is left out of the test.
    monday = {i: f | {"monday"} for i, f in focal.items()}
    assert sorted(map(sorted, st.attach(groups, scores, focal=monday))) == near
    kept = st.attach(groups, scores, focal=monday, calendar=st.CALENDAR)
    assert sorted(map(sorted, kept)) == [["later", "s1", "s2"], ["storm"], ["york"]]
    # The public grouping applies the rule.
    assert cluster(FLOOD) == [["later", "s1", "s2"], ["storm"], ["york"]]
    stories = group_stories(FLOOD, [], FLOOD)
    assert sorted(s["articles"] for s in stories) == [["later", "s1", "s2"], ["storm"], ["york"]]
