from storytrace.stories import cluster, collapse, direction

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
    assert direction("a", "b", 0.5, 0.5, "2024-01-02", "2024-01-01") == ("b", "a", "time")
    assert direction("a", "b", 1.0, 0.6) == ("a", "b", "containment")
    assert direction("a", "b", 0.5, 0.95) == ("b", "a", "containment")
    assert direction("a", "b", 0.4, 0.5) == (None, None, "common-source")
    assert direction("a", "b", 0.97, 0.96) == (None, None, None)


def test_collapse_near_duplicates():
    groups = collapse(["a", "b", "c", "d"], [("b", "a"), ("c", "b")])
    assert groups == {"a": ["a", "b", "c"], "d": ["d"]}


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

    from storytrace.stories import reuse_edge

    def cmp(longest, cov_a, cov_b):
        cov = {"a": cov_a, "b": cov_b, "longest_copied_words": longest}
        return SimpleNamespace(passages=[], coverage=cov, verdict="same-story")

    stock, shared = cmp(8, 0.02, 0.03), cmp(27, 0.45, 0.2)
    stock.passages = shared.passages = [SimpleNamespace(to_dict=lambda: {"kind": "verbatim"})]
    assert reuse_edge(stock, {"id": "a"}, {"id": "b"}) is None
    edge = reuse_edge(shared, {"id": "a"}, {"id": "b"})
    assert edge is not None and edge.basis == "common-source"
