"""Corpus boilerplate: an outlet's own footer, unknown to the rules, links nothing."""

import json

import pytest

from storytrace import corpus
from storytrace.align import compare
from storytrace.store import Store

FOOTER = (
    "The Harbour Gazette is published every weekday by Quay Media Group from its offices "
    "beside the old fish market in Port Ellery. Our reporters cover the harbour towns, the "
    "island ferries and the county council, and the editor answers letters from readers "
    "each Friday morning."
)

BODIES = [
    "Volunteers planted four hundred oak saplings along the northern bank of the river on "
    "Saturday, hoping the trees will slow erosion that has swallowed two footpaths since "
    "the winter floods.",
    "The county orchestra announced a new conductor, a violinist who trained in Vienna and "
    "led chamber ensembles across central Europe before returning to her home region.",
    "Bakers at the Mill Lane shop ran out of sourdough before nine o'clock after a food "
    "writer praised their rye loaf in a national magazine column last week.",
    "A cracked water main flooded three basements on Tanner Street overnight, and engineers "
    "expect repairs to the Victorian pipe to take most of the coming week.",
    "The grammar school chess club won the regional tournament, beating twelve teams with a "
    "squad of players aged between eleven and fifteen years old.",
    "Lifeboat crews rescued two kayakers who drifted beyond the headland in fog, bringing "
    "them ashore cold but unhurt after a search lasting almost an hour.",
    "Allotment holders complained that rabbits had stripped their lettuce beds, and the "
    "parish clerk promised to repair the fencing around the gardens before spring.",
    "The museum reopened its maritime gallery with a restored figurehead from a whaling "
    "ship, carved from elm and repainted by conservators using original pigments.",
    "Traffic wardens issued record numbers of parking fines during the summer carnival as "
    "visitors left cars on verges and pavements near the promenade.",
    "A retired teacher published a history of the town's railway station, drawing on "
    "timetables, staff ledgers and photographs donated by families of former porters.",
    "The swimming pool will close for six weeks while contractors replace corroded roof "
    "beams discovered during a routine inspection of the leisure centre.",
    "Farmers reported an early barley harvest after weeks of dry weather, although yields "
    "were lower than last year because of the cold and wet spring.",
]


def _records() -> list[tuple[str, dict]]:
    recs = [
        (f"hg{i}", {"text": f"{body}\n\n{FOOTER}", "outlet": "Harbour Gazette"})
        for i, body in enumerate(BODIES)
    ]
    # A real copy, by another outlet, of the first story, footer and all.
    copy = f"From our partners at the coast. {BODIES[0]}\n\n{FOOTER}"
    recs.append(("courier", {"text": copy, "outlet": "Coast Courier"}))
    return recs


def test_the_footer_is_unknown_to_the_rules():
    cmp = compare(f"{BODIES[1]}\n\n{FOOTER}", f"{BODIES[2]}\n\n{FOOTER}")
    assert cmp.passages and all(p.kind != "boilerplate" for p in cmp.passages)
    assert cmp.verdict != "unrelated"


def test_outlet_footer_links_nothing_but_a_real_copy_is_found(tmp_path):
    recs = _records()
    corpus.index_records(recs, tmp_path / "db", quotes=False)
    edges = corpus.stored_reuse(tmp_path / "db")
    assert [{e.a, e.b} for e in edges] == [{"hg0", "courier"}]
    (edge,) = edges
    texts = dict(recs)
    side = "a" if edge.a == "hg0" else "b"
    kinds = {p["kind"]: texts["hg0"]["text"][p[side][0] : p[side][1]] for p in edge.passages}
    assert BODIES[0][:60] in kinds["verbatim"] and "Quay Media" not in kinds["verbatim"]
    assert "Quay Media Group" in kinds["boilerplate"]
    data = corpus.stories(tmp_path / "db")
    shared = [s["articles"] for s in data["stories"] if len(s["articles"]) > 1]
    assert shared == [["courier", "hg0"]]
    with Store(tmp_path / "db", readonly=True) as store:
        stored = {a["id"]: a["text"] for a in store.iter_articles()}
    assert stored == {aid: rec["text"] for aid, rec in recs}


def test_an_outlet_known_only_by_its_urls_has_its_footer_found(tmp_path):
    # Many dumps give each article's address and no outlet field.
    lines = []
    for aid, rec in _records():
        host = "www.harbour-gazette.example" if aid != "courier" else "coastcourier.example"
        lines.append(json.dumps({"id": aid, "text": rec["text"], "url": f"https://{host}/{aid}"}))
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.index([str(dump)], tmp_path / "db", quotes=False)
    assert [{e.a, e.b} for e in corpus.stored_reuse(tmp_path / "db")] == [{"hg0", "courier"}]


WIRE = (
    "Rescue teams reached the flooded village of Kirkby Marsh on Tuesday after the river burst "
    "its banks overnight, forcing two hundred residents from their homes and closing the main "
    "road to the coast, the regional fire service said in a statement issued before dawn."
)


def test_a_wire_story_carried_by_many_outlets_stays_reuse(tmp_path) -> None:
    # Twenty-five outlets print the same wire copy under their own intro: the shared text
    # is the reuse a reader looks for, not furniture, even though it is in every article.
    records = [
        (
            f"w{i}",
            {
                "text": f"Outlet {i} news desk, edition {i * 3}. {WIRE}",
                "outlet": f"Outlet {i}",
            },
        )
        for i in range(25)
    ]
    corpus.index_records(records, tmp_path, quotes=False)
    with Store(tmp_path, readonly=True) as store:
        stored = store.edges()
    # Every outlet's copy is linked to another (the candidate step pairs each new article
    # with those stored before it).
    assert len({x for e in stored for x in (e["a"], e["b"])}) == 25
    kinds = {p["kind"] for e in stored for p in e["passages"]}
    assert "boilerplate" not in kinds and kinds <= {"verbatim", "edited"}
    assert len(corpus.stories(tmp_path)["stories"]) == 1


@pytest.mark.parametrize("outlets", [True, False])
def test_furniture_of_the_whole_store_is_the_same_from_a_scan_and_from_look_ups(
    tmp_path, outlets: bool
):
    # A footer in more articles than fp.MAX_DF, each from an outlet of its own (or from
    # none), is furniture of the whole store. A first build finds every candidate in one
    # scan and counts the footer's fingerprints there (without outlets, the scan's rows
    # also tell which articles hold them); a run adding two articles to the stored rest
    # looks them up: the copy's edge must be the same, the footer boilerplate in both.
    from storytrace import fingerprints as fp

    n = fp.MAX_DF + 10
    vocab = [f"{w}{k}" for k in range(60) for w in ("harbor", "mill", "quay", "ferry", "oak")]
    recs = [
        (
            f"p{i:03d}",
            {
                "text": " ".join(vocab[(7 * i + 13 * j) % len(vocab)] for j in range(40))
                + f".\n\n{FOOTER}",
                "outlet": f"Outlet {i}",
            },
        )
        for i in range(n)
    ]
    copy = ("copy", {"text": f"Reprinted. {BODIES[0]}\n\n{FOOTER}", "outlet": "Outlet X"})
    orig = ("orig", {"text": f"{BODIES[0]} {BODIES[3]}\n\n{FOOTER}", "outlet": "Outlet Y"})
    if not outlets:
        for _, rec in [*recs, copy, orig]:
            del rec["outlet"]
    corpus.index_records([*recs, orig, copy], tmp_path / "scan", quotes=False)
    corpus.index_records(recs, tmp_path / "look", quotes=False)
    corpus.index_records([orig, copy], tmp_path / "look", quotes=False)
    found = {}
    for name in ("scan", "look"):
        with Store(tmp_path / name, readonly=True) as store:
            found[name] = [e for e in store.edges() if {e["a"], e["b"]} == {"orig", "copy"}]
    (edge,) = found["scan"]
    assert found["look"] == [edge]
    kinds = {p["kind"] for p in edge["passages"]}
    assert "boilerplate" in kinds and kinds & {"verbatim", "edited"}
