"""Pairs judged inside a corpus (storytrace.corroborate): real lone compares, small texts.

Two events of one kind share their cast: a club fires its coach (p1..p5) and another club
hires a coach who once worked under him (q1..q3). The texts are written so that a lone compare
relates one cross-event pair by names and wording (p1 ~ q2) and misses one same-event pair
(p1 ~ p5); the assertions on those lone verdicts guard the premise.
"""

from storytrace.align import BULK, compare
from storytrace.corroborate import CORROBORATION_MIN, association, judge_pairs

TEXTS = {
    "p1": "Velkarn fire coach Dario Brunhalt\nThe Velkarn Otters fired coach Dario Brunhalt on "
    "Monday after a losing season, owner Ilse Quorvath said. Brunhalt met Tomas Grell of the "
    "Zendrik Hawks on Sunday, Grell said.",
    "p2": "Otters dismiss Brunhalt\nThe Velkarn Otters dismissed head coach Dario Brunhalt on "
    "Monday, a day after their ninth defeat, owner Ilse Quorvath told reporters.",
    "p3": "Brunhalt out at Velkarn\nOwner Ilse Quorvath said on Monday that the Velkarn Otters "
    "had let coach Dario Brunhalt go after three seasons.",
    "p4": "Otters owner thanks fans\nIlse Quorvath thanked supporters of the Velkarn Otters and "
    "promised a search for a successor within weeks, her spokesman Emil Tarrow said.",
    "p5": "Search begins at Velkarn\nThe club began looking for a successor on Monday. Quorvath "
    "and Tarrow will lead the search, a spokesman for the Otters said.",
    "q1": "Zendrik Hawks hire Tomas Grell\nThe Zendrik Hawks named Tomas Grell their new coach "
    "on Friday, general manager Pia Ostrevan said. Grell once worked under Dario Brunhalt at "
    "Velkarn, Brunhalt said.",
    "q2": "Hawks pick Grell as coach\nGeneral manager Pia Ostrevan said the Zendrik Hawks had "
    "hired Tomas Grell as head coach on Friday.",
    "q3": "Grell to coach Zendrik\nTomas Grell will coach the Zendrik Hawks, general manager Pia "
    "Ostrevan announced on Friday.",
}
ONE_STORY = [sorted(TEXTS)]  # a grouping that merged the two events, as ECB+ topic 25's did


def lone(a: str, b: str) -> str:
    return compare(TEXTS[a], TEXTS[b], BULK).verdict


def test_lone_compares_relate_the_cross_pair_and_miss_a_same_event_pair():
    assert lone("p1", "q2") == "same-story"
    assert lone("p1", "p5") == "unrelated"


def test_a_cross_event_pair_is_uncorroborated_inside_the_corpus():
    (j,) = judge_pairs(TEXTS, [("p1", "q2")], ONE_STORY)
    assert (j.verdict, j.rule, j.pairwise_verdict) == ("unrelated", "uncorroborated", "same-story")
    assert j.overlap is not None and j.overlap < CORROBORATION_MIN
    # The evidence names the articles on each side: p1's event against q2's.
    assert j.shared == ["q1"] and {"p2", "p3", "p4"} <= set(j.only_a) and "q3" in j.only_b
    d = j.to_dict()
    assert d["rule"] == "uncorroborated" and d["overlap"] == round(j.overlap, 3)


def test_a_same_event_pair_missed_alone_is_corroborated_by_the_corpus():
    (j,) = judge_pairs(TEXTS, [("p1", "p5")], ONE_STORY)
    assert (j.verdict, j.rule, j.pairwise_verdict) == ("same-story", "corroborated", "unrelated")
    assert j.overlap >= CORROBORATION_MIN and {"p2", "p3", "p4"} <= set(j.shared)
    assert "q1" in j.only_a and j.story == 0


def test_different_stories_and_reuse():
    groups = [["p1", "p2", "p3", "p4", "p5"], ["q1", "q2", "q3"]]
    far, copied = judge_pairs(TEXTS, [("p1", "q2"), ("p1", "p2")], groups)
    assert (far.verdict, far.rule, far.story) == ("unrelated", "other-story", None)
    # Shared text stands whatever the grouping: the lone compare's reuse verdict is kept.
    # (An edited lead sentence of 9 equal words: reworded, since copied needs 15 equal words.)
    assert lone("p1", "p2") == copied.verdict == "reworded" and copied.rule == "reuse"
    (across,) = judge_pairs(TEXTS, [("p1", "p2")], [["p1"], ["p2"]])
    assert across.verdict == "reworded" and across.rule == "reuse"


def test_a_story_of_two_leaves_the_lone_verdict():
    (j,) = judge_pairs(TEXTS, [("p1", "q2")], [["p1", "q2"], ["p2"]])
    assert (j.verdict, j.rule, j.overlap) == ("same-story", "pairwise", None)


def test_default_groups_are_the_corpus_stories():
    # Without groups the corpus is clustered (stories.cluster): every pair gets a rule.
    judged = judge_pairs(TEXTS, [("p1", "p5"), ("p2", "q3")])
    assert all(
        j.rule
        in ("corroborated", "uncorroborated", "contradicted", "other-story", "pairwise", "reuse")
        for j in judged
    )
    assert judged[1].verdict == "unrelated"


# The same two events, with a bridge article on each side that names both coaches (b2 and c2),
# grouped into one story. Each side is related to its own event and to the other side's bridge,
# so the related sets of b1 and c3 overlap by a third (Jaccard: {b2, c2} of six articles) and the
# overlap alone corroborates the cross-event pair; the articles each side is NOT related to are
# exactly those the other is related to.
BRIDGED = {
    "b1": "Velkarn fire coach Dario Brunhalt\nThe Velkarn Otters fired coach Dario Brunhalt on "
    "Monday after a losing season, owner Ilse Quorvath said.",
    "b2": "Otters dismiss Brunhalt, eye Grell\nThe Velkarn Otters dismissed coach Dario Brunhalt "
    "on Monday, owner Ilse Quorvath said. Tomas Grell of the Zendrik Hawks was named as a "
    "possible successor.",
    "b3": "Brunhalt out at Velkarn\nOwner Ilse Quorvath said on Monday that the Velkarn Otters "
    "had let coach Dario Brunhalt go after three seasons.",
    "b4": "Quorvath explains Brunhalt decision\nIlse Quorvath said the Velkarn Otters owed Dario "
    "Brunhalt thanks but needed a new coach.",
    "c1": "Zendrik Hawks hire Tomas Grell\nThe Zendrik Hawks named Tomas Grell their new coach "
    "on Friday, general manager Pia Ostrevan said.",
    "c2": "Hawks pick Grell over Brunhalt\nThe Zendrik Hawks hired Tomas Grell as coach on "
    "Friday, Pia Ostrevan said. Dario Brunhalt, fired by the Velkarn Otters, had also applied.",
    "c3": "Grell to coach Zendrik\nTomas Grell will coach the Zendrik Hawks, general manager Pia "
    "Ostrevan announced on Friday.",
    "c4": "Ostrevan on Grell hire\nPia Ostrevan said Tomas Grell was the right coach for the "
    "Zendrik Hawks.",
}


def test_association_of_two_relation_lists():
    assert association([1, 1, 0, 0], [1, 1, 0, 0]) == 1.0
    assert association([1, 0, 1, 0], [0, 1, 0, 1]) == -1.0
    assert association([1, 1, 1], [1, 0, 1]) is None  # one side related to all: no evidence


def test_a_cross_event_pair_whose_sides_are_related_to_opposite_articles_is_contradicted():
    story = [sorted(BRIDGED)]
    near = {
        x: {
            y
            for y in BRIDGED
            if y != x and compare(BRIDGED[x], BRIDGED[y], BULK).verdict != "unrelated"
        }
        for x in ("b1", "c3")
    }
    # The premise: each side reaches the other event only through its bridge.
    assert near["b1"] == {"b2", "b3", "b4", "c2"} and near["c3"] == {"c1", "c2", "c4", "b2"}
    (j,) = judge_pairs(BRIDGED, [("b1", "c3")], story)
    # Jaccard 2/6 passes CORROBORATION_MIN: the code before the association rule said
    # same-story (corroborated) here.
    assert j.overlap is not None and j.overlap >= CORROBORATION_MIN
    assert (j.verdict, j.rule) == ("unrelated", "contradicted")
    # Related to both: b2, c2; to b1 only: b3, b4; to c3 only: c1, c4; phi -0.5 over 6
    # articles, 1.22 standard errors below none.
    assert j.compared == 6 and j.association == -0.5
    d = j.to_dict()
    assert d["association"] == -0.5 and "-0.50 over 6 articles" in d["explanation"]
    # A same-event pair of the same story is related to the same articles: corroborated.
    (k,) = judge_pairs(BRIDGED, [("b1", "b4")], story)
    assert (k.verdict, k.rule, k.association) == ("same-story", "corroborated", 1.0)
