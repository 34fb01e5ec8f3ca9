"""A headline paired with a sentence of the other article's body is no rewording on its own.

Found on ECB+ tune topic 21 (session 45): a law firm's post on a Queens hit-and-run and a
news report of the same NYPD release were `reworded` from two weak sentence pairs (0.37 each)
that vouched for each other: the report's headline "Driver Charged In Fatal Queens Hit & Run"
beside the post's "a woman was killed by a hit-and-run driver in Queens", which states other
facts (killed, not charged), and one sentence of the release's facts. A headline names the
event in its key words, which any report of the event repeats in its body; below
``Options.reword_threshold`` such a pair neither stands nor supports another. Headlines
still pair with each other. The texts below are written for this test, in the same shape.
"""

from __future__ import annotations

from pathlib import Path

from storytrace.align import compare

POST = "\n".join(
    [
        "When a road death leads to a claim for damages",
        "Posted in Road Safety on Thursday, March 6, 2025.",
        (
            "According to the police, a cyclist was killed by a lorry driver in Harrow on the "
            "evening of March 4."
        ),
        "At about 6 p.m. the cyclist was riding near the junction of Station Road and Kenton Lane.",
        (
            "He was riding between some parked vans when he was hit by a white tipper lorry that "
            "had been turning left into Station Road."
        ),
        "The driver stopped at the scene and was arrested by officers.",
        "A crash of this kind may be an example of careless driving on the part of a lorry driver.",
        "A solicitor might review such a case and advise the family on a claim for damages.",
        (
            "In some cases the family can recover funeral costs and lost earnings as well as "
            "compensation."
        ),
        "If the driver is convicted in a criminal court, it may help the family's civil claim.",
    ]
)
REPORT = "\n".join(
    [
        "Lorry Driver Arrested In Fatal Harrow Cyclist Crash",
        (
            "A lorry driver has been arrested on suspicion of causing death by careless driving "
            "after a cyclist died in north-west London on Tuesday."
        ),
        (
            "According to a Metropolitan Police statement, Daniel Okafor, 41, was riding past "
            "parked vans on Station Road near Kenton Lane at around 6 p.m. when a white tipper "
            "lorry turning left hit him."
        ),
        "Mr Okafor died at the scene.",
        "The driver, a 52-year-old man from Watford, was released on bail.",
        '"The traffic here is terrible," a neighbour told the BBC.',
    ]
)


def test_a_headline_beside_a_body_sentence_of_other_facts_makes_no_rewording() -> None:
    head = REPORT.index("\n")
    for cmp, side in ((compare(POST, REPORT), "b"), (compare(REPORT, POST), "a")):
        assert cmp.verdict == "same-story", cmp.verdict
        assert not any(p.kind == "reworded" for p in cmp.passages)
        # The report's headline lies in no passage.
        assert all(getattr(p, side)[0] >= head for p in cmp.passages)


def test_headlines_still_pair_with_each_other() -> None:
    fixtures = Path(__file__).parent / "fixtures" / "verdict"
    a = (fixtures / "original.txt").read_text()
    b = (fixtures / "heavy.txt").read_text()
    cmp = compare(a, b)
    assert cmp.verdict == "reworded"
    first = cmp.passages[0]
    assert first.kind == "reworded" and first.a[0] == 0 and first.b[0] == 0
    assert first.a[1] <= a.index("\n") and first.b[1] <= b.index("\n")
