"""The two speed-ups of issue 16 (perf2) give exactly the old results."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest

from storytrace import evidence, semantic
from storytrace.evidence import WIRES, WireCredit, _required_literal, wire_credits

FRAGMENTS = [
    "(AP)",
    "AP",
    "AP Photo",
    "Associated Press",
    "Reuters",
    "Reuters Photo",
    "Reuters Pictures",
    "AFP",
    "AFP/Getty",
    "Agence France-Presse",
    "Agence France Presse",
    "(PA)",
    "PA Media",
    "PA Wire",
    "Press Association",
    "The Canadian Press",
    "(CP)",
    "(AAP)",
    "dpa",
    "Deutsche Presse-Agentur",
    "United Press International",
    "(UPI)",
    "Bloomberg News",
    "Bloomberg",
    "Xinhua",
    "Kyodo News",
    "(Kyodo)",
    "Press Trust of India",
    "(PTI)",
    "(ANSA)",
    "(EFE)",
    "JAPAN",
    "APRIL",
    "dpatch",
    " - ",
    " — ",
    "said",
    "the",
    "\n",
    ".",
    ",",
    "LONDON",
]


def _ungated(text: str, near: list[tuple[int, int]]) -> list[WireCredit]:
    """wire_credits as it was before the literal pre-check: every regex on every text."""
    out = []
    for agency, pats in WIRES.items():
        for m in re.finditer("|".join(pats), text):
            if evidence.is_credit(text, *m.span(), near):
                out.append(WireCredit(agency, m.span()))
    return sorted(out, key=lambda c: c.span)


def test_required_literals_are_plain_parts_of_each_pattern():
    assert _required_literal(r"\bAgence France[- ]Presse\b") == "Agence France"
    assert _required_literal(r"\(AP\)") == "(AP)"
    assert _required_literal(r"(?<=[—–-] )AP\b(?! Photo)") == "AP"
    with pytest.raises(ValueError):
        _required_literal(r"\bAP\d+")
    with pytest.raises(ValueError):
        _required_literal(r"(AP|CP)")
    for pats in WIRES.values():
        for p in pats:
            assert _required_literal(p) in p.replace("\\(", "(").replace("\\)", ")")


@pytest.mark.parametrize("seed", range(40))
def test_wire_credits_same_as_without_the_pre_check(seed):
    rng = random.Random(seed)
    # Short texts credit everything (head and tail); long ones test the near spans too.
    parts = [rng.choice(FRAGMENTS) + rng.choice(["", " "]) for _ in range(rng.randint(1, 400))]
    text = "".join(parts)
    near = [(rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)) for _ in range(2)]
    near = [(min(s, e), max(s, e)) for s, e in near]
    assert wire_credits(text, near) == _ungated(text, near)
    assert wire_credits(text) == _ungated(text, [])


def _old_cosine(x: Counter[str], y: Counter[str], idf: dict[str, float]) -> float:
    if len(x) > len(y):
        x, y = y, x
    dot = sum(v * y[k] * idf.get(k, 1.0) ** 2 for k, v in x.items() if k in y)
    nx = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in x.items()))
    ny = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in y.items()))
    return dot / (nx * ny) if nx and ny else 0.0


@pytest.mark.parametrize("seed", range(10))
def test_cosines_are_the_same_floats_as_one_by_one(seed):
    rng = random.Random(seed)
    words = "the minister quit resigned on Friday 3.5bn shares fell rose oil a an of".split()

    def sentence() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))

    sa = [sentence() for _ in range(rng.randint(1, 12))] + ["", "x"]
    sb = [sentence() for _ in range(rng.randint(1, 12))] + sa[:2]
    ga = [semantic._char_ngrams(s) for s in sa]
    gb = [semantic._char_ngrams(s) for s in sb]
    df: Counter[str] = Counter()
    for g in ga + gb:
        df.update(g.keys())
    idf = {k: math.log(1 + (len(ga) + len(gb)) / c) for k, c in df.items()}
    for weights in (idf, {}):
        got = semantic._cosines(ga, gb, weights)
        want = [[_old_cosine(x, y, weights) for y in gb] for x in ga]
        assert got == want  # exact: the same additions in the same order


def _old_soft_overlap(wa: list[str], wb: list[str]) -> float:
    """semantic._soft_overlap without the thesaurus, as it was: stem by stem in a loop."""
    if not wa or not wb:
        return 0.0
    free_b = Counter(semantic._stem(w) for w in wb)
    matched = 0.0
    for w in wa:
        s = semantic._stem(w)
        if free_b[s] > 0:
            free_b[s] -= 1
            matched += 1
    return 2 * matched / (len(wa) + len(wb))


@pytest.mark.parametrize("seed", range(20))
def test_soft_overlap_without_thesaurus_same_as_the_loop(seed):
    rng = random.Random(seed)
    words = "minister ministers ministry quit quitting resign resigned oil shares fell".split()
    wa = [rng.choice(words) for _ in range(rng.randint(0, 15))]
    wb = [rng.choice(words) for _ in range(rng.randint(0, 15))]
    got = semantic._soft_overlap_stems(semantic._Words(wa), semantic._Words(wb), False)
    assert got == _old_soft_overlap(wa, wb)
    assert semantic._soft_overlap(wa, wb, False) == got
