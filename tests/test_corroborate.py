"""Pairs judged inside a corpus (storytrace.corroborate): real lone compares, small texts.

Two events of one kind share their cast: a club fires its coach (p1..p5) and another club
hires a coach who once worked under him (q1..q3). The texts are written so that a lone compare
relates one cross-event pair by names and wording (p1 ~ q2) and misses one same-event pair
(p1 ~ p5); the assertions on those lone verdicts guard the premise.
"""

from storytrace.align import BULK, compare
from storytrace.corroborate import CORROBORATION_MIN, judge_pairs

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
    assert lone("p1", "p2") == copied.verdict == "copied" and copied.rule == "reuse"
    (across,) = judge_pairs(TEXTS, [("p1", "p2")], [["p1"], ["p2"]])
    assert across.verdict == "copied" and across.rule == "reuse"


def test_a_story_of_two_leaves_the_lone_verdict():
    (j,) = judge_pairs(TEXTS, [("p1", "q2")], [["p1", "q2"], ["p2"]])
    assert (j.verdict, j.rule, j.overlap) == ("same-story", "pairwise", None)


def test_default_groups_are_the_corpus_stories():
    # Without groups the corpus is clustered (stories.cluster): every pair gets a rule.
    judged = judge_pairs(TEXTS, [("p1", "p5"), ("p2", "q3")])
    assert all(
        j.rule in ("corroborated", "uncorroborated", "other-story", "pairwise", "reuse")
        for j in judged
    )
    assert judged[1].verdict == "unrelated"
