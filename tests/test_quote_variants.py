"""Two articles printing one quote with small differences are linked as one quote in the index.

Issue 16's sentence-reuse line: a sentence of a quotation lifted into another article with OCR
noise or edits, or one sentence of a longer quotation whose opening mark has no closing one
in its new article, was joined to its source by no stored link (the quote link key was the
whole quote's words, exactly).
"""

from __future__ import annotations

import random
import sqlite3

import pytest
import test_story_update as twu
from hypothesis import given, settings
from hypothesis import strategies as hs

from storytrace import corpus
from storytrace import stories as st
from storytrace.quotes.matching import quote_variant
from storytrace.text import Doc

QUOTE = (
    "There shall be many new challenges and opportunities ahead and I look forward to "
    "embracing them with great anticipation"
)


def words(text: str) -> list[str]:
    return Doc(text).norms


def test_a_misread_letter_is_an_altered_variant_with_the_word_as_evidence() -> None:
    v = quote_variant(words(QUOTE), words(QUOTE.replace("shall", "shhll")))
    assert v is not None and v.label == "altered"
    assert v.differing == [("shall", "shhll")] and v.shared == 18


def test_every_seventh_word_replaced_still_links() -> None:
    w = words(QUOTE)
    edited = [x if k % 7 != 6 else "zebra" for k, x in enumerate(w)]
    v = quote_variant(w, edited)
    assert v is not None and v.label == "altered" and len(v.differing) == 2


def test_one_sentence_of_a_longer_quote_links_on_the_shared_passage() -> None:
    """The lifted sentence's unclosed mark runs its quote on into the article's own words;
    the source holds it inside a longer quotation: neither is most of the other."""
    source = "I am honoured to be asked to take on this role at such a time. " + QUOTE
    lifted = QUOTE + ". The level of contributions paid by employers has increased gradually"
    v = quote_variant(words(source), words(lifted))
    assert v is not None and v.label == "passage" and v.shared == 19 and v.differing == []
    trimmed = quote_variant(words(source), words(QUOTE))
    assert trimmed is not None and trimmed.label == "trimmed"


SENTENCE = "Dredging in the channel and in the basin is not covered by the licence"


def test_a_quoted_sentence_with_a_misread_word_links_as_a_passage() -> None:
    """A quoted sentence of 14 words, one misread, inside two different longer quotes: 13
    equal words in two runs, the misread word between them counted as shared."""
    source = "We asked the agency twice. " + SENTENCE + " and never has been"
    lifted = SENTENCE.replace("covered", "coverad") + " Fishermen say the silt moved"
    v = quote_variant(words(source), words(lifted))
    assert v is not None and v.label == "passage" and v.shared == 14
    assert v.differing == [("covered", "coverad")]


def test_two_misread_words_around_a_lone_equal_word_link() -> None:
    """OCR noise in two words with one word between them ("gee the resulgs"): the lone
    equal word and the misread ones make the passage whole, 12 words."""
    sentence = "It is frustrating to see the results considering the team we have"
    noisy = sentence.replace("see", "gee").replace("results", "resulgs")
    source = sentence + " and I would really like to win the league this year"
    lifted = noisy + " The proposed overhaul due on Thursday could mean more"
    v = quote_variant(words(source), words(lifted))
    assert v is not None and v.label == "passage" and v.shared == 12
    assert v.differing == [("see", "gee"), ("results", "resulgs")]


OPENING = "We did it before and I hope they never blame me for anything"
EDITED = OPENING.replace(" and ", " Islam ").replace(" for ", " Marley ")
RUN_ON = ". Jason Gardener says being made an MBE underlines the relay squad's work"


def test_a_sentence_opening_both_quotes_links_with_two_words_replaced() -> None:
    """Issue 16 (bench/sentence_reuse.py, bbc seed 8): a quoted sentence of 13 words lifted
    with two replaced, opening a longer quote in its source and, its mark unclosed, running
    on into its new article's words: 11 shared words in 13 (a passage elsewhere in the
    quotes needs 12, ``LINK_PASSAGE_WORDS``; one opening both, 11)."""
    source = OPENING + ". Of course he will learn and it is just one of those things"
    v = quote_variant(words(source), words(EDITED + RUN_ON))
    assert v is not None and v.label == "passage" and v.shared == 11
    assert v.differing == [("and", "islam"), ("for", "marley")]
    # Three replaced: 10 words shared.
    worse = EDITED.replace("hope", "wish")
    assert quote_variant(words(source), words(worse + RUN_ON)) is None


def test_eleven_words_opening_one_quote_only_are_no_variant() -> None:
    """The same 11 shared words where the source quote opens with words of its own: two
    statements sharing a phrase mid-quote, as PolNeAR's different statements do."""
    source = "Everyone at the club knows " + OPENING + ". Of course he will learn"
    assert quote_variant(words(source), words(EDITED + RUN_ON)) is None


@pytest.mark.parametrize(
    "a, b",
    [
        # Eleven words of a stock phrase inside two different statements: a passage needs 12.
        (
            "her judgment is in question because of her handling of classified material on a "
            "private email server during her tenure as secretary of state",
            "she violated agency rules by using a private email server during her tenure as "
            "secretary of state",
        ),
        # A figure changed is no misread word: 11 equal words and "2005" for "2004".
        (
            "in march the mill was sold in june 2004 for far less than the rival bids from abroad",
            "we were told the mill was sold in june 2005 for far less than the offers",
        ),
        # Stock words shared by two different statements.
        (
            "I think it is important that we look at the whole picture before we decide",
            "I think it is important that we give the players a rest this weekend",
        ),
        # A long quote and a short one sharing a phrase: under the share of the shorter.
        (
            "We will work with whoever wins that election and we will do it in good faith",
            "Whoever wins that election will face a hard winter of strikes and rising prices",
        ),
        # Seven shared words: a variant needs eight.
        ("we will sort out your housing for you", "we will sort out your housing for them"),
    ],
)
def test_quotes_sharing_stock_words_are_no_variants(a: str, b: str) -> None:
    assert quote_variant(words(a), words(b)) is None


def test_variants_are_compared_only_through_a_rare_anchor(monkeypatch) -> None:
    a, b = " ".join(words(QUOTE)), " ".join(words(QUOTE.replace("great", "greet")))
    held = {a: {1}, b: {2}}
    assert [(x, y) for x, y, _ in st.quote_variants(held, held)] == [(a, b)]
    # Every anchor held by more articles than fp.MAX_DF: nothing is compared.
    monkeypatch.setattr(st.fp, "MAX_DF", 1)
    assert st.quote_variants(held, held) == []


def test_every_pair_of_keys_sharing_an_anchor_is_compared() -> None:
    # Three variants of one quote, listed out of order: the pair loop once reused its outer
    # key for the smaller of a pair, so with b before a the pair (b, c) was never compared.
    a, b, c = (f"{x} we will sort out your housing first and then your jobs" for x in "abc")
    held = {b: {1}, a: {2}, c: {3}}
    pairs = [(x[0], y[0]) for x, y, _ in st.quote_variants([b, a, c], held)]
    assert pairs == [("a", "b"), ("a", "c"), ("b", "c")]


ARTICLES = (
    "Harbour dredging plans for the eastern docks\n\nDredgers will start work in the eastern "
    "docks next spring, the port authority announced on Tuesday. The channel has silted up "
    "since the storms of 2019, and the largest container ships now wait for high tide before "
    "they can berth. Fishermen say the silt has moved their moorings twice in a "
    "decade, and the lifeboat crew has trained at low water since the autumn. Engineers "
    "surveyed the seabed with sonar in March and found a bar of sand across the mouth of the "
    "inner basin. Dredged mud was tested for metals from the old shipyards before the plan "
    "was approved by the marine agency. Two hundred thousand tonnes of mud will be taken "
    "out to sea by barge. "
    "The work is expected to cost eleven million pounds, shared by the port and the county. "
    "Its chairman, Alan Pike, said at the harbour office: "
    '"{q}." Shipping firms have asked for a timetable of the closures.',
    "Orchestra names its new conductor\n\nThe city orchestra has chosen a Finnish conductor "
    "for its next three seasons, after a search that lasted almost two years. She has led "
    "ensembles in Helsinki and Gothenburg and recorded the symphonies of Sibelius twice. "
    "Players voted for her after three "
    "rehearsals in the spring, and the board met in June to confirm the choice. Her "
    "predecessor retires to teach at the conservatoire, where he studied as a boy. A youth "
    "programme will send musicians into primary schools across the county from January, "
    "paid for by a charitable trust. The hall itself closes for a month in August so that "
    "its seats and stage lights can be replaced, and the summer festival moves to the park "
    "bandstand for its four open-air evenings. The "
    "first concert under her baton is a programme of Nielsen and Grieg in September. Ticket "
    'sales for the autumn have already passed last year\'s. "{q}," Maria Lund told reporters '
    "at the concert hall. Subscriptions open in March.",
    "Cricket pavilion repaired after the flood\n\nVolunteers rebuilt the village cricket "
    "pavilion in six weeks after the river burst its banks in January. The scorebox, the "
    "tea room and most of the club's old photographs were lost to the water. The outfield "
    "was under a metre of brown water for four days, and the groundsman reseeded it twice. "
    "Insurance covered only the building, not the mowers or the covers. Neighbouring clubs "
    "lent their grounds for junior training while the square dried out, and a former county "
    "bowler coached the under-thirteens in a school hall. A brewery "
    "paid for new timber, and a joiner from the next village gave his weekends. Members "
    'held a quiz night to pay for the roof. "{q}," the club captain said. Matches resume '
    "in May.",
)


def _article(n: int, quote: str) -> str:
    return ARTICLES[n].format(q=quote)


def _joined(db) -> dict[str, tuple[str, str | None]]:
    return {
        m["article"]: (m["joined_by"], m["with"])
        for s in corpus.stories(db)["stories"]
        for m in s["members"]
    }


SHORT = "The new channel will be open to the largest ships by next summer"


def test_index_joins_two_articles_printing_one_quote_differently(tmp_path) -> None:
    """An altered variant: one word misread. The quote is too small a share of either
    article for a reuse edge (two outlets quoting one statement is no reuse)."""
    recs = [
        ("a", {"text": _article(0, SHORT)}),
        ("b", {"text": _article(1, SHORT.replace("largest", "largesl"))}),
        ("c", {"text": _article(2, "We have never seen water this high in the town")}),
    ]
    corpus.index_records(recs, tmp_path / "db")
    assert _joined(tmp_path / "db") == {"a": ("quote", "b"), "b": ("quote", "a")}


def test_a_quote_join_names_its_quote(tmp_path) -> None:
    """Every story link comes with its evidence (session 38): a member joined by a quote says
    which quote (the words as the link keys them), each side its own version of a variant;
    the terminal and HTML 'why' show it. On main a quote join had no evidence at all."""
    from storytrace.report.shape import shape_stories

    recs = [
        ("a", {"text": _article(0, SHORT)}),
        ("b", {"text": _article(1, SHORT.replace("largest", "largesl"))}),
        ("c", {"text": _article(2, "We have never seen water this high in the town")}),
    ]
    corpus.index_records(recs, tmp_path / "db")
    (story,) = [s for s in corpus.stories(tmp_path / "db")["stories"] if s["members"]]
    said = {m["article"]: m["quote"] for m in story["members"]}
    assert said == {
        "a": "the new channel will be open to the largest ships by next summer",
        "b": "the new channel will be open to the largesl ships by next summer",
    }
    meta = {i: {"id": i, "title": f"Article {i}"} for i in "ab"}
    (shaped,) = shape_stories([story], meta)
    why = {a["id"]: a["why"] for a in shaped["articles"]}
    assert why["a"] == (
        "shares a quote with “Article b” (‘the new channel will be open to the largest ships "
        "by next …’)"
    )


def test_an_exact_quote_join_names_the_longest_quote_both_carry() -> None:
    m = {
        "a": st.Member("a", "quote", "b", None, []),
        "b": st.Member("b", "quote", "a", None, []),
        "c": st.Member("c", "reuse", "a", None, []),
    }
    whole = "the dredging will start in the spring and the channel will be much deeper"
    keys = {
        "a": {FIRST.lower(), whole, "we have never seen water this high"},
        "b": {FIRST.lower(), whole},
        "c": {whole},
    }
    got = st.quoted(m, keys)
    assert got["a"].quote == got["b"].quote == whole
    assert got["c"].quote is None  # a reuse join names no quote
    # Keys not read (a store without quotes): no quote, never a guess.
    assert st.quoted(m, {})["a"].quote is None


def test_an_update_links_a_new_variant_as_a_grouping_of_everything_would(tmp_path) -> None:
    """One sentence of a longer quote, misread, its opening mark unclosed: the second run
    looks the stored quote up by the anchors the store keeps, links on the shared passage,
    and the stored tables equal a computation anew."""
    first = [
        ("a", {"text": _article(0, "We talked to the shipping firms for months. " + SHORT)}),
        ("c", {"text": _article(2, "We have never seen water this high in the town")}),
    ]
    lifted = SHORT.replace("ships", "shibs") + ". Several firms had asked for it since 2019"
    # The closing mark left out: the quote runs on to the paragraph's end.
    second = [("b", {"text": _article(1, lifted).replace('," Maria', ". Maria")})]
    db = tmp_path / "db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus, "REBASE", 1e9)  # the second run updates the stored stories
        full_calls: list[int] = []
        real = st.full_state
        mp.setattr(st, "full_state", lambda *a, **k: full_calls.append(1) or real(*a, **k))
        corpus.index_records(first, db)
        corpus.index_records(first + second, db)
    assert full_calls == [1]
    assert _joined(db) == {"a": ("quote", "b"), "b": ("quote", "a")}
    updated = _story_of(db)
    with corpus.Store(db) as s:
        assert s.add_stories(st.full_state(s, st.stored_basis(s)), s.generation(), fresh=True)
    assert _story_of(db) == updated


FIRST, SECOND = (
    "The dredging will start in the spring",
    "and the channel will be much deeper",
)


def _split_by_frame(first: str, second: str) -> str:
    """Article 1 with Maria Lund's quote interrupted by its frame: '"first," Maria Lund told
    reporters at the concert hall, "second."', and a last paragraph of its own (the passage
    over the quote and its long frame stays under a tenth of the article: no reuse edge)."""
    said = " Maria Lund told reporters at the concert hall"
    text = _article(1, "{q}").replace(f'"{{q}},"{said}.', f'"{first},"{said}, "{second}."')
    return text + (
        "\n\nThe orchestra was founded by railway workers in 1921 and gave its first "
        "concerts in a goods shed. It toured Norway and Denmark in the fifties, made its "
        "first recording in 1963 and has commissioned eleven new works since the hall "
        "opened, the latest a cello concerto that its principal cellist will play in May."
    )


def test_utterance_keys_are_the_parts_and_the_whole_utterance() -> None:
    assert st.utterance_keys([FIRST + ",", SECOND + "."]) == [
        "the dredging will start in the spring",
        "and the channel will be much deeper",
        "the dredging will start in the spring and the channel will be much deeper",
    ]
    # Parts under six words link only as the whole; one part is no whole of its own.
    assert st.utterance_keys(["Not yet,", "and not soon."]) == []
    assert st.utterance_keys(["We will not sort it out", "tonight"]) == [
        "we will not sort it out",
        "we will not sort it out tonight",
    ]
    assert st.utterance_keys([FIRST]) == ["the dredging will start in the spring"]


@pytest.mark.parametrize("runs", [1, 2])
def test_a_quote_split_by_its_frame_links_by_its_whole_words(tmp_path, runs) -> None:
    """One statement printed twice with a word changed in each part, both split by a frame
    ('"A," he said, "B."'): each part shares 6 of its 7 words with the other's, too few to be
    a variant (``quotes.matching.LINK_MIN_WORDS``); the whole utterances share 12 of 14. In
    two runs, the update looks the stored utterance up as a grouping of everything would."""
    a = _article(0, f'{FIRST}," he said, "{SECOND}')
    b = _split_by_frame(FIRST.replace("spring", "summer"), SECOND.replace("deeper", "wider"))
    recs = [("a", {"text": a}), ("b", {"text": b})]
    recs.append(("c", {"text": _article(2, "We have never seen water this high in the town")}))
    db = tmp_path / "db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus, "REBASE", 1e9)  # a second run updates the stored stories
        if runs == 2:
            corpus.index_records(recs[:1] + recs[2:], db)
        corpus.index_records(recs, db)
    assert _joined(db) == {"a": ("quote", "b"), "b": ("quote", "a")}
    updated = _story_of(db)
    with corpus.Store(db) as s:
        assert s.add_stories(st.full_state(s, st.stored_basis(s)), s.generation(), fresh=True)
    assert _story_of(db) == updated


def test_a_quote_printed_whole_links_to_the_same_split_by_a_frame(tmp_path) -> None:
    """Each part is 7 words, under the 8 a variant of the whole quote the other article
    prints needs: only the whole utterance's key is the other's."""
    recs = [
        ("a", {"text": _article(0, f"{FIRST} {SECOND}")}),
        ("b", {"text": _split_by_frame(FIRST, SECOND)}),
        ("c", {"text": _article(2, "We have never seen water this high in the town")}),
    ]
    corpus.index_records(recs, tmp_path / "db")
    assert _joined(tmp_path / "db") == {"a": ("quote", "b"), "b": ("quote", "a")}


def _story_of(db) -> tuple[list, list]:
    con = sqlite3.connect(f"file:{db}/storytrace.db?mode=ro", uri=True)
    try:
        return (
            con.execute("SELECT * FROM story_of ORDER BY doc").fetchall(),
            con.execute("SELECT * FROM quote_link ORDER BY key, doc").fetchall(),
        )
    finally:
        con.close()


BASE_QUOTES = (
    "We will keep the bridge open to buses and bicycles while the new deck is laid",
    "Nobody on this council has ever been asked to vote on a budget this difficult",
    "The river rose faster than any of our models said it could on Sunday night",
)


def _printed(rng: random.Random, quote: str) -> str:
    """``quote`` as one outlet prints it: exactly, a letter misread, a word left out, a
    word changed, or one part of it run on into other words (an unclosed mark)."""
    w = quote.split()
    k = rng.randrange(len(w))
    how = rng.choice(("exact", "misread", "drop", "change", "part"))
    if how == "misread":
        w[k] = w[k][:-1] + "x"
    elif how == "drop":
        del w[k]
    elif how == "change":
        w[k] = rng.choice(twu.WORDS)
    elif how == "part":
        w = w[: rng.randint(10, len(w))] + rng.choices(twu.WORDS, k=4)
    return " ".join(w)


def _quoting_corpus(seed: int, n: int) -> list[tuple[str, dict]]:
    """test_story_update's corpus, with one in three articles quoting a statement as
    printed by its outlet (so that variants of one quote join stories)."""
    rng = random.Random(seed)
    recs = twu._corpus(seed, n)
    for i, (name, rec) in enumerate(recs):
        if rng.random() < 0.35:
            q = _printed(rng, rng.choice(BASE_QUOTES))
            recs[i] = (name, {"text": rec["text"] + f' A spokesman said: "{q}."'})
    return recs


@settings(max_examples=8, deadline=None)
@given(seed=hs.integers(0, 10_000), n=hs.integers(8, 24), cut=hs.floats(0.2, 0.8))
def test_updates_with_quote_variants_equal_a_grouping_of_everything(seed, n, cut):
    recs = _quoting_corpus(seed, n)
    with pytest.MonkeyPatch.context() as mp, twu._tmp() as tmp:
        mp.setattr(corpus, "REBASE", 1e9)  # the second run updates the stored stories
        corpus.index_records(recs[: max(1, int(cut * n))], tmp)
        corpus.index_records(recs, tmp)
        updated = twu._tables(tmp)
        scratch = twu._from_scratch_with_stored_basis(tmp)
    assert updated == scratch


HALL, PLAYERS = (
    "The hall will stay open all winter",
    "For what the players ask it is not a problem",
)


def _no_comma_frame(n: int, frame: str, first: str, second: str) -> str:
    """Article ``n`` with its quote in a frame set between two quotations with no comma
    after it: '"first," said Maria Lund "Second."' (a typo news copy prints)."""
    said = {1: " Maria Lund told reporters at the concert hall.", 2: " the club captain said."}[n]
    text = _article(n, "{q}").replace(f'"{{q}},"{said}', f'"{first}," {frame} "{second}."')
    # A last paragraph of its own: the quote stays under a tenth of the article, no reuse.
    return text + (
        "\n\nThe orchestra was founded by railway workers in 1921 and gave its first "
        "concerts in a goods shed. It toured Norway and Denmark in the fifties, made its "
        "first recording in 1963 and has commissioned eleven new works since the hall opened."
        if n == 1
        else "\n\nThe club was formed by miners in 1887 and played on a farmer's meadow "
        "until the war. Its first team won the county league four times in the sixties, and "
        "two of its bowlers went on to play for the county before the pit closed in 1985. "
        "A new scoreboard, paid for by a raffle, goes up before the first match of the season, "
        "and the bar will open on Sunday afternoons for the first time since the flood."
    )


def test_a_quote_after_a_frame_with_no_comma_links_by_the_whole_utterance(tmp_path) -> None:
    """Issue 16 (bbc 13's lift '"The allowances are extremely generous," said Mr Ingram "For
    what we are seeing ..."'): the quotation after the frame goes on with the utterance, in
    both articles, so the whole utterance (a letter misread in each part) is one quote; the
    first part alone is under a variant's 8 words, and the second was left out before."""
    recs = [
        ("a", {"text": _no_comma_frame(1, "said Maria Lund", HALL, PLAYERS)}),
        (
            "b",
            {
                "text": _no_comma_frame(
                    2,
                    "said the new conductor",
                    HALL.replace("winter", "wintcr"),
                    PLAYERS.replace("problem", "problen"),
                )
            },
        ),
        ("c", {"text": _article(0, "We have never seen water this high in the town")}),
    ]
    corpus.index_records(recs, tmp_path / "db")
    assert _joined(tmp_path / "db") == {"a": ("quote", "b"), "b": ("quote", "a")}


ITEM = (
    '- Harbour master Jan Olsen: "The visitors are resolute and have real talent at the oars '
    "but I fully expect us to win."
)


def test_a_lifted_list_item_quote_links_though_its_frame_was_pasted_mid_paragraph(
    tmp_path,
) -> None:
    """Issue 16, bbc seed 36 (session 44): a list item quoting someone after a colon,
    lifted with two words replaced and pasted after a sentence in another article's
    paragraph, its quotation left open and running on to the next one opened mid-sentence.
    ``compare`` calls the pair ``same-story`` by the shared quote; ``index`` stored no quote
    in the new article (its frame read from the sentence before, and a finding in the unit
    kept the frame from being read), so no variant could link the two."""
    source = _article(1, "We have rehearsed the Nielsen all summer") + (
        "\n" + ITEM + ' "We rowed well in the first race and never felt under pressure."'
        "\n- Tickets for the harbour cup are sold at the chandlery on the quay, and the "
        "lifeboat crew will run a tea stall beside the slipway for the whole afternoon."
    )
    lifted = ITEM.replace("real", "many").replace("I fully", "they fully")
    pasted = _article(0, "The channel will be deep enough for any ship").replace(
        "out to sea by barge. ",
        f"out to sea by barge. {lifted}  The county said it was not its job to pay for the "
        "berth, the port told local radio. Leaked minutes have suggested the marine agency "
        'called the plan a "leap in the dark". ',
    )
    recs = [
        ("a", {"text": source}),
        ("b", {"text": pasted}),
        ("c", {"text": _article(2, "We have never seen water this high in the town")}),
    ]
    corpus.index_records(recs, tmp_path / "db")
    assert _joined(tmp_path / "db") == {"a": ("quote", "b"), "b": ("quote", "a")}
