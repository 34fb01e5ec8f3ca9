import random

from storytrace.names import lead_name_words, mentions, name_tokens, rarity
from storytrace.text import Doc


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.key) for m in mentions(Doc(text))]


def test_names_are_multi_word_and_not_merely_sentence_initial():
    text = (
        "Engineers closed the bridge. Council leader Maria Okafor said the Bank of England "
        "was not involved. Okafor's office confirmed it."
    )
    got = kinds(text)
    assert ("name", "maria okafor") in got and ("name", "bank of england") in got
    # "Engineers" only opens a sentence; "Okafor's" opens one but is a name elsewhere.
    assert ("name", "engineers") not in got and ("name", "okafor") in got
    assert ("name", "council leader maria okafor") not in got


def test_titles_dropped_and_places_after_a_cue():
    got = kinds("The visit by President Joe Biden to flooded towns near Kentucky ended.")
    assert ("name", "joe biden") in got and ("place", "kentucky") in got


def test_numbers_with_units_and_dates():
    got = kinds(
        "About 40,000 vehicles use it. The quake of magnitude 6.1 struck on 30 May 2019, "
        "a Thursday, costing £3.5bn and three lives."
    )
    assert ("number", "40000") in got and ("number", "6.1") in got
    assert ("date", "may 30") in got and ("date", "2019") in got and ("date", "thursday") in got
    assert ("number", "3.5bn") in got
    # Small counts tell nothing apart, and "May" the verb is not a date.
    assert kinds("He may go. Two people and 3 dogs.") == []


def test_a_figure_carries_only_a_unit_not_a_name_glued_to_its_digits():
    # "76ers" is a team, "3G" a network, "5pmRubio" words run together: no figure, so no
    # shared figure between two articles about the same club's different seasons.
    got = kinds(
        "The Philadelphia 76ers and the 49ers sold 3G phones at 5pmRubio time, "
        "then 24m shares, the 21st deal of the 1980s, 12km away, 3.5bn in all."
    )
    numbers = sorted(key for kind, key in got if kind == "number")
    assert numbers == ["12km", "1980s", "21st", "24m", "3.5bn"]


def test_offsets_point_at_the_text():
    doc = Doc("Rescuers in Aceh found 212 survivors.")
    for m in mentions(doc):
        assert doc.text[m.span[0] : m.span[1]].lower().replace(",", "").startswith(m.key[:3])


def test_rarity_orders_common_news_names_below_rare_ones():
    assert rarity("okafor") > rarity("trump") > rarity("the")
    assert 0.0 <= rarity("president") <= 1.0


def test_rarity_needs_no_wordfreq_package():
    # The weights come from the table shipped in the package: the same with or without the
    # [spin] extra (a Spark worker without it must weigh names as the local engine does).
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['wordfreq'] = None\n"
        "from storytrace.names import rarity\n"
        "print(rarity('okafor'), rarity('trump'), rarity('the'), rarity('police'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    got = [float(x) for x in out.stdout.split()]
    assert got == [rarity("okafor"), rarity("trump"), rarity("the"), rarity("police")]
    assert got[0] == 1.0 and got[2] == 0.0 and 0.2 < got[1] < 0.6


def test_a_weekday_or_dated_month_ends_a_name_and_stays_a_date():
    # A capitalised run reads on into the date after it ("President Obama Tuesday"), and a
    # title-case headline runs through its weekday: the date words were name words before.
    got = kinds("President Obama Tuesday signed it. The Supreme Court March 3 ruling stands.")
    assert ("name", "obama") in got and ("date", "tuesday") in got
    assert ("name", "supreme court") in got and ("date", "march 3") in got
    assert not any(k == "name" and ("tuesday" in v or "march" in v) for k, v in got)
    got = kinds("Quake Hits Indonesia On Tuesday\nA quake hit Indonesia, officials said.")
    assert ("name", "indonesia") in got and ("date", "tuesday") in got
    assert not any(k == "name" and "hits" in v for k, v in got)
    # "May" is a surname as well as a month: without a number it stays in the name.
    assert ("name", "theresa may") in kinds("Officials said Theresa May spoke.")


def test_clock_times_give_no_names_and_no_numbers():
    # ECB+ pages stamped "Updated: May 24, 2005, 3: 23 PM ET" shared "pm", "et" and "23" as
    # evidence with any other page of the outlet.
    got = kinds(
        "Updated: May 24, 2005, 3: 23 PM ET\nAt 7 PM GMT Lohan left the 10:15 a.m. EST hearing"
        " at 14:30. Sources at ET Online said 45 people waited."
    )
    keys = {k for _, k in got}
    assert not keys & {"pm", "et", "pm et", "gmt", "est", "23", "15", "14", "30"}, got
    assert ("name", "lohan") in got and ("place", "et online") in got
    assert ("number", "45") in got


def test_headline_case_and_capitals_are_no_evidence_of_names():
    # Shaped on ECB+ and BBC pages: a headline in title case or capitals capitalises every
    # word, and a dateline stamps "UPDATED", "Posted", "First Published" before its date.
    # Those words were names ("checks", "rehab", "published", "updated" in both leads).
    text = (
        "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons\n"
        "UPDATED 05/03/2013 at 11:00 AM EDT\n"
        "First Published: June 13, 2013 4:59 PM EDT\n"
        "COLTS TOP CHIEFS, REACH PLAYOFFS\n"
        "Actress Tara Reid has entered a rehab clinic in Malibu, her publicist told the "
        "Associated Press, days after the Colts beat the Chiefs to reach the playoffs."
    )
    got = kinds(text)
    words = {w for k, v in got if k in ("name", "place") for w in v.split()}
    assert {"tara", "reid", "colts", "chiefs", "malibu", "associated", "press"} <= words
    assert not words & {"finally", "checks", "rehab", "undisclosed", "reasons", "updated"}
    assert not words & {"first", "published", "top", "reach", "playoffs", "am", "pm", "edt"}
    # The headline's names are still found where the prose capitalises them.
    assert any(m.key == "tara reid" and m.span[0] == 0 for m in mentions(Doc(text)))


def test_a_sentence_case_headline_keeps_its_names():
    # Only a line that capitalises every content word says nothing by its capitals.
    got = kinds("Lindsay Lohan checks into Betty Ford Center\nShe arrived on Friday.")
    assert ("name", "lohan") in got and ("place", "betty ford center") in got


def test_prime_minister_and_mps_are_titles_not_names():
    got = kinds("Hague 'given up' his PM ambition\nMPs said PM Tony Blair and the MEP left.")
    assert ("name", "tony blair") in got
    assert not {v for _, v in got} & {"pm", "mps", "mep", "pm tony blair"}


def test_a_line_of_names_keeps_its_names():
    # A line-up or a list of winners capitalises every word too, but none of its words is
    # one the text writes in lower case: its capitals are names.
    text = (
        "Arsenal beat Chelsea on Sunday.\n"
        "Arsenal: Almunia, Lauren, Toure, Campbell, Cole.\n"
        "Margaret Atwood (Canada) Gunter Grass (Germany)"
    )
    words = {w for k, v in kinds(text) if k in ("name", "place") for w in v.split()}
    assert {"lauren", "toure", "campbell", "cole", "atwood", "grass"} <= words


def _lead_names_of_whole_text(doc: Doc, end: int) -> set[str]:
    # lead_name_words by its definition: the flagged words of mentions' names and places,
    # from the analysis of every capital of the text.
    flags = name_tokens(doc)
    out = set()
    for m in mentions(doc, end=end):
        if m.kind in ("name", "place"):
            t0, t1 = doc.tokens_in(m.span)
            out.update(doc.norms[k] for k in range(t0, t1) if flags[k])
    return out


_WORDS = (
    "Okafor Okafor's okafor Reid Reid’s REID Leeds leeds Rehab rehab rehab's REHAB Checks "
    "checks Into into The the THE of Of de van Bank England Mr President PM pm EDT ET a.m "
    "March march May may Tuesday Thu Jun 13 3:23 2019 1,200 £3.5bn Six six Church Wasilla "
    "Council said Said Police I A Ödön ödön Jo's It's 11:00 AM Updated UPDATED"
).split()
_GAPS = [" "] * 12 + [
    ". ",
    ", ",
    ": ",
    " (",
    ") ",
    ' "',
    '" ',
    " “",
    "” ",
    " ‘",
    "\n",
    ".\n\n",
    " — ",
]


def test_lead_name_words_are_those_of_the_whole_texts_names():
    # lead_name_words asks about the lead's capitals only; what it finds must be what the
    # whole text's analysis finds, on headlines in capitals, possessives, opening marks,
    # clock times and names that only the rest of the text shows to be names.
    rng = random.Random(5)
    texts = [
        "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons\nUPDATED 05/03/2013 at "
        "11:00 AM EDT\nActress Tara Reid has entered a rehab clinic in Malibu.",
        "Engineers closed the bridge. Council leader Maria Okafor said the Bank of England "
        "was not involved. Okafor's office confirmed it.",
        "Storm hits Leeds\nThe storm hit Leeds in March 2019, Jo Bell said: “Bell Lane flooded.”",
        "COLTS TOP CHIEFS, REACH PLAYOFFS\nThe Colts beat the chiefs on Thu Jun 13, 2013.",
    ]
    for _ in range(800):
        words = [rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 60))]
        texts.append("".join(words))
    asked = 0
    for text in texts:
        doc = Doc(text)
        ends = {e for _, e in doc.sentences[:4]} | {rng.randint(0, len(text)), len(text)}
        for end in sorted(ends):
            got = lead_name_words(Doc(text), end)
            assert got == _lead_names_of_whole_text(Doc(text), end), (text, end)
            asked += bool(got)
    assert asked > 1500  # most cases have names to find


def test_lead_name_words_leave_the_rest_of_the_text_unanalysed():
    # The whole text's capitals (kept on the Doc when computed) are not worked out: a lead's
    # names cost the lead's words, not the article's.
    doc = Doc("Police said Maria Okafor spoke in Leeds.\n" + "Later the council met again. " * 200)
    assert lead_name_words(doc, 40) == {"maria", "okafor", "leeds"}
    assert lead_name_words(doc, 40) == _lead_names_of_whole_text(Doc(doc.text), 40)
    assert ("names", "capitals") not in doc._derived
    assert ("names", "name_tokens") not in doc._derived
