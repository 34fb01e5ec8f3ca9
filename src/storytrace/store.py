"""The embedded store: one SQLite file (WAL) in a folder. All of storytrace's SQL lives here.

Each article goes in with its fingerprints and quotes inside one transaction,
so a killed run leaves either the whole article or none of it; re-running skips
articles already stored with the same content hash. Reuse found by ``index``
(one :meth:`storytrace.stories.Edge.to_dict` per aligned pair) is stored beside
the articles, so reading stories never re-aligns.

Every open checks the file before touching it:

* it must be an SQLite file whose ``application_id`` says storytrace, at a
  schema version this code knows (``PRAGMA user_version``); an older layout is
  migrated when opened for writing; anything else (another program's database,
  a damaged or truncated file, not SQLite at all) is a one-line
  :class:`~storytrace.articles.InputError` and the file is left as it was;
* the fingerprint parameters it was built with must equal
  :data:`storytrace.fingerprints.PARAMETERS` (an index of other fingerprints
  would answer silently wrong);
* the engine version that computed its stored reuse is :attr:`Store.engine`;
  :data:`ENGINE` is this code's, and the corpus layer realigns or refuses when
  they differ.

Writers take the write lock (``BEGIN IMMEDIATE``) before checking what is
stored, so two ``index`` runs on one store are serialised; one that waits more
than :data:`BUSY_SECONDS` gets "store busy". SQLite errors (disk full, I/O,
damage, a lock) become one-line errors naming the store; a failed write rolls
back to the last commit.

>>> import tempfile
>>> with Store(tempfile.mkdtemp()) as s:
...     s.schema_version() == SCHEMA_VERSION
True
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from itertools import chain, groupby, islice
from operator import itemgetter

from storytrace import fingerprints as fp
from storytrace.articles import InputError
from storytrace.fingerprints import unique_sorted as unique_sorted  # its users import it here

# Neither pathlib, typing nor dataclasses (:class:`Record` is defined on first use):
# ``storytrace match`` opens a store, and those imports cost it more than its look-up
# (issue 16).
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import numpy as np

SCHEMA_VERSION = 11
"""1: the first, unversioned layout (fingerprint blobs, no stored reuse); 2: stored reuse;
3: each article's story features and the stored story assignment; 4: what an update of the
stories needs (term weights, scored pairs, parts; see :meth:`Store.add_stories`); 5: new
articles' fingerprints and band keys in small tables of their own (see :data:`DELTA`), each
article's date as the input gave it (``published_raw``); 6: a term's story postings in
parts, one per update of the stories (see :data:`_STORY_POST`); 7: a filter of the stored
look-up keys (see :data:`_KEY_FILTER`); 8: the scored pairs of the updates since the stories
were last computed anew in a table of their own (see :data:`_STORY_PAIR_NEW`); 9: an update's
story postings in one row (see :data:`_STORY_POST_NEW`); 10: each quote's evidence
beside its speaker, see :data:`QUOTE_EVIDENCE`); 11: this one (a first build's look-up keys
stored once at its end, :class:`KeyRuns`; ``meta`` marks the articles whose keys wait)."""

STORY_RULE = "12"
"""Version of the rule the stored story tables were computed by (``stories.pair_score`` and
the grouping), kept in ``meta``: stories stored by another rule (a store without the key:
rule 1, before publication times counted) are stale to a read, which computes them anew,
and ``index`` groups everything anew instead of updating them. 2: pairs published more than
``dates.STORY_DAYS`` apart score 0. 3: past that window only a republication
(``stories.links_stories``) joins them, and a shared quote only holders within it. 4: two
variants of one quote join their holders too (``stories.quote_variants``), looked up by the
anchors ``quote_link`` now keeps beside the keys. 5: every pair of quote keys sharing an
anchor is compared (rule 4 could skip one when three or more shared it). 6: a single
article joins its nearest story only when their leads share a name (``stories.attach``).
7: an article's focal names are the names of its headline and lead as
``names.mentions`` finds them (no weekday, month, clock time's "PM EDT", word that only
opens a sentence or headline-case word), see :data:`FEATURES_RULE`. 8: average-link joins
groups at a mean score of 0.10 (``stories.AVERAGE_LINK``, was 0.09). 9: the words of a line
listing names (a team sheet, ``boilerplate.listing_spans``) are furniture, no story terms, see
:data:`FEATURES_RULE`. 10: a quote its frame interrupts ('"A," he said, "B"') links by its
whole utterance's words too (``stories.utterance_keys``), in ``quote_link`` beside its
parts'. 11: a passage opening both quotes links them as variants from
``quotes.matching.LINK_OPENING_WORDS`` shared words (12 elsewhere). 12: a byline's words
(``articles.byline_spans``: "By Jane Smith" above the body) are no focal names and no story
terms, and no sentence of the lead, see :data:`FEATURES_RULE`."""

FEATURES_RULE = "10"
"""The story rule whose article features (``stories.features``) the ``features`` table holds,
kept in ``meta`` (``features_rule``; a store without the key has those of an earlier rule).
Stored features of another rule are as good as none: a read computes them from the texts
(in memory) when it groups the stories, and a writable open deletes them, so that the next
``index`` computes them again from the stored texts before it groups everything anew."""

QUOTES_RULE = "16"
"""Version of the quote extraction whose rows the ``quotes`` table holds
(:func:`storytrace.corpus.quote_rows`), kept in ``meta`` (``quotes_rule``; a store without the
key holds the quotes of an earlier extraction). Raised with every change of what the extractor
stores: ``index`` (quotes on) extracts the quotes of every stored article again when the
store's differs (:func:`storytrace.corpus.requote`), and realigns the stored reuse when any
quote's words changed (a pair's verdict reads the quotes both carry). Before it, a stored
article kept the quotes of the version that first indexed it for as long as its text was
unchanged. 2: speakers and frames of session 39 (quotes15l); 3: an apostrophe for elided
letters ("'bot nets", ``text._ELIDED``) opens no quotation; 4: a plural's possessive ("their
opponents' policies") is no verb; 5: a named group told something ("told Labour members the
Tories offered") is the listener; 6: which quotes are found (session 40, recall15m: a cue
reporting nothing cuts no content, "according to" after an opening phrase, "hint" and
"indicate", a quotation left open before a colon lead-in); 7: speakers (session 40, speaker15m:
a group opening its clause, a passive's agent, organisations' names and descriptions); 8:
speakers (session 41, speaker15n), and the parts of a quotation re-opened after a colon lead-in
(69f1b96, merged under rule 7: '"A. "B."' is two parts, and ', the ...' inside quotation marks
is no gloss to cut); 9: which quotes are found (session 41, precision15n: cues governing no
reported content, "asked not to be named", "insisted on delaying", "denied reports that"; the
writer's gloss closing a content; plural subjects' present verbs), and a statement speaks for
its owner (c69276d, which reached main with this rule: "Mr Crosby's statement said"); 10:
quotation spans (session 43, quotespan43, :func:`storytrace.text.quoted_spans`): a quotation of
several lines in text tokenised one sentence per line (ECB+, marked by backticks) is quoted on
every line, a closing mark set apart by a space closes ('..., " he said'; a single one only in
tokenised text: "'party girl ' reputation"), an unclosed mark ends before a quotation opened
mid-sentence ('a "leap in the dark"'), a stop then a closing mark set apart ends a sentence
("hands. ' PUBLISHED"), and a quotation followed only by the frame's adjuncts is the content
('said "we will act" on Tuesday', ``storytrace.quotes.frames.make_quote``); 11: colon frames
(session 44, quotelink44): a list item's frame opens after its dash when its line break was lost
('problems. - Blackburn boss Mark Hughes: "..."', ``storytrace.quotes.frames.colon_frame``),
and a unit whose only attribution is a finding ('Leaked documents have suggested ...') is read
by the other frames, as a unit with none (no quote of BBC News, PolNeAR train+dev or ECB+'s
tune topics changed); 12: titles (session 45, lexicon45, :mod:`storytrace.titles`): the
offices the name finder or the splitter read as titles and the quote rules did not
("Councillor", "Coach", "Justice", "Commissioner", "Ambassador", "Congressman", "Officer",
"Maj.", "Fr", "Mme") are no part of a speaker's name ('Coach Sean Payton' is "Sean Payton");
13: a newcomer's errors (session 46, quotes46): an -ed cue between a number word and a plural
is an adjective ('Two accused gunmen went on trial'), an opening conjunction is no part of the
speaker ('But opposition parties say'), nor a sentence's full stop of a name ('Mr Okafor. He
said' names "Okafor"), nor a role capitalised before a first name ('Linebacker Mike Peters'); a
listener pronoun is no part of the content ('told me one of my sons was killed'), a 'that'
before an auxiliary is ('say that will not happen'); 'agreed a "corridor"' reports nothing,
nor (with the parser) a relative clause after a comma ('added 101 yards for the Chiefs, who
had 352 yards'); a gendered title decides whom a titled surname names ('Mrs Howard' after
'Michael Howard' is not him, nor is 'she' after her: ``storytrace.quotes.speakers.name_gender``
puts a title written with the name, then a first name, before a title the article gave a part
of the name; newcomer45's branch, rebased); 14: errors seen at stop 46 (session 47, quotes47): a
part ends before the comma that closes a quotation ahead of its frame ('"We are confident," he
said.' quotes "We are confident"), a coordinated subject opened by a determiner speaks whole
('But the Scottish National Party and the Tories say'), an office's holder-to-be is a role
('The president-elect, Barack Obama,'), a titled surname whose quotation goes straight on from
the full name's is that person whatever the first-name table says ('Mr Faraj continued' after
Anais Faraj), 'he' after an unquoted content opening its sentence is nobody that content names
('Deutsche Boerse is "trying ...", he said'), and a name set off before a description whose
closing comma was lost speaks ('Anais Faraj, an analyst at Nomura told the BBC'); 15: the
headline (session 48, qhead48) is :func:`storytrace.articles.headline_span`'s, read for no quote
(a headline below a date or byline line, a long headline), with the quotes' two differences
(:func:`storytrace.quotes.document.headline`: a line closing its sentence inside a quotation
mark is a lede, a title-case line a headline though it closes with a full stop); 16 (session
48, quotes48): a quotation closing its paragraph ends there (no bare frame of the next paragraph
joins it), and 'he' breaking into a clause of reason or time ('which Winston Churchill decided had
to go since, he said, ...') is that clause's subject.
``tests/test_quotes_rule.py`` holds a digest of the rows extracted from the test fixtures and
the bundled seed pair under this rule: a change of them under the same rule fails there."""

DB_FILE = "storytrace.db"
"""The SQLite file a store keeps inside its folder."""

APPLICATION_ID = 0x53545259  # "STRY": marks the file as a storytrace store

BUSY_SECONDS = 60.0
"""How long a writer waits for another one before "store busy"."""

MAX_LIMIT = 1000
"""Largest page of search results."""

DELTA = 0.1
"""New articles' fingerprints and band keys go into the small tables ``postings_new`` and
``lsh_new``, which are merged into ``postings`` and ``lsh`` once they hold more than this
share of the stored articles. Inserting into the large tables touches nearly every page of
them whatever the number of rows, so a commit of a few new articles would rewrite the whole
index; merged every 10% of growth, that cost is paid once per tenth (chosen by judgement:
lower merges more often, higher makes each look-up read a larger second table)."""

MMAP_BYTES = 1 << 31
"""How much of a writable store is read through a memory map (SQLite caps it at 2 GB)."""

FEATURE_ROWS = 4096
"""Articles' story features :meth:`Store.iter_features` reads at a time."""

HOLDER_KEYS = 1024
"""Keys :meth:`Store.light_holders` searches for between two drops of the memory map."""

KEY_RANGES = 16
"""Ranges of the key space a scan of a table of look-up keys reads one at a time
(:meth:`Store.sorted_keys`)."""

_KEYS = {"postings": "h", "lsh": "key"}
"""The tables of look-up keys and their key columns; each has a ``_new`` twin (:data:`DELTA`)."""


@cache
def engine() -> str:
    """Version of what computes the stored reuse (package version and stored-edge format).

    Also readable as the constant ``ENGINE``. A function, because reading the package
    version imports ``importlib.metadata`` (about 17 ms), which ``storytrace match``
    and other readers of a store never need. ``reuse-2``: containment no longer orders
    a pair (:func:`storytrace.stories.direction`); ``reuse-3``: two dates a day apart no
    longer do (:data:`storytrace.stories.DATE_SLACK`); ``reuse-4``: a line listing names (a
    team sheet) is furniture (:func:`storytrace.boilerplate.listing_spans`); ``reuse-5``: a
    call to the reader ("become a member") is furniture only where it opens a line or
    sentence (:data:`storytrace.boilerplate.RULES`); ``reuse-6``: ``compare(a, b)`` is
    ``compare(b, a)`` mirrored (issue 12: seeds, chains, word edits, sentence pairing and
    trimming read both texts alike); ``reuse-7``: a passage's share printed alike is also
    counted by words as printed, a word of several tokens changed being one word changed
    (``evidence._word_share``); ``reuse-8``: Reuters' credit line ("(Reporting by ...; Editing
    by ...)") credits Reuters (:data:`storytrace.evidence.WIRES`), which a stored edge's
    ``common-source`` direction reads; ``reuse-9``: an agency named in the lead or the closing
    lines credits the text only when written as a credit, and never when named as a party to
    the news (:func:`storytrace.evidence.wire_credits`); ``reuse-10``: whole dates written
    year first with dots or spaced separators ("2012.08.08", "2013 - 09 - 28") are dates, a
    shared figure with dates within a week makes ``names-and-date`` from lighter names
    (:data:`storytrace.evidence.DATED_FIGURE_NAMES_MIN`), and so does the same clock time to
    the minute below both headlines (``names-and-time``), which can give a pair sharing
    passages a verdict and so an edge; ``reuse-11``: a source named inside the shared text
    ("he told Reuters") is no credit of it; ``reuse-12``: a credit's context in an edge's
    direction evidence is whole words; ``reuse-13``: a word of a quotation's frame misread by
    one letter is a frame word (``evidence._frame_words``), so a quotation lifted with its
    frame OCR'd is a shared passage, and an elided word ("'bot nets", ``text._ELIDED``) opens
    no quotation; ``reuse-14``: a credit's sentence is split as every other reader splits
    sentences (:func:`storytrace.text.sentence_spans`); ``reuse-15``: two articles sharing
    nothing but names, each about a subject the other's headline and lead never name, are
    ``unrelated`` (``different-subject``), so a pair with short shared passages loses its
    edge, and a quotation left open ends before the colon lead-in of the next
    (:func:`storytrace.text.quoted_spans`), which moves the unquoted words a verdict counts;
    ``reuse-16``: fewer furniture rules fire in reporting ("sign up for the new series", "the
    Reuters/Ipsos poll", a mis-decoded "Ã©"), so such passages count as reuse again;
    ``reuse-17``: the words of boilerplate both texts print count on neither side of the
    coverage (two prints of one article under one footer or team sheet are a duplicate,
    not a copy at the body's share); ``reuse-18``: a lead place is an event detail only when
    both headers or leads name it and it is rare (``evidence.PLACE_DETAIL_RARITY``), so two
    articles whose only other tie is "Russia" or a place one names in passing can be
    ``different-subject``; ``reuse-20``: a shared quote needs 5 words printed alike inside
    quotation marks on both sides (``evidence.QUOTE_MIN_WORDS``), so two statements that end
    alike are none and a passage over several quotations lists only the ones both print;
    ``reuse-22``: compare's spin reports flag a spinner phrase that needs a political story
    ("marketing campaign") only in a political sentence of it, and report collocation swaps
    that put in everyday words only beside a flag that puts in a rarer one or a known spinner
    phrase (:data:`storytrace.spin.EVERYDAY_ZIPF`); verdicts and passages are as before;
    ``reuse-23``: the quotation spans of quotes rule 10
    (:func:`storytrace.text.quoted_spans`: lines of one quotation in text tokenised one
    sentence per line, a closing mark set apart by a space, an unclosed mark ending before a
    quotation opened mid-sentence) move the unquoted words a verdict counts, and a stop then
    a closing mark set apart ends a sentence (:func:`storytrace.text.sentence_spans`);
    ``reuse-24``: ``shared-vocabulary`` needs the two leads to share a word
    (:data:`storytrace.evidence.VOCABULARY_MIN`), so two articles alike only below their leads
    are ``unrelated`` and a pair with short shared passages loses its edge; ``reuse-25``: two
    sentences whose shared content words all name someone or describe their office
    (:func:`storytrace.names.description_tokens`: "Deputy transport secretary Dana Morrow has"
    beside "Dana Morrow, the deputy secretary for transport, dismissed ...") are no reworded
    pair (:func:`storytrace.names.shares_statement`; a copy with its words kept, such as a team
    sheet, still pairs), nor is a stretch stating nothing else in the semantic pairing
    (:func:`storytrace.names.states_something`); ``reuse-26``: a verb that only says who
    spoke (:data:`storytrace.names.ATTRIBUTION_WORDS`: "suggested", "telling") is no shared
    statement and no statement of a stretch, the lexical semantic pairing needs a shared word
    of what the two sentences state (:func:`storytrace.names.shares_statement`), and the
    revision grade's ``reason`` says it measured the shared passages; ``reuse-27``: below
    ``Options.reword_threshold`` a sentence pair of which only one side is its text's headline
    neither stands nor supports another (:func:`storytrace.align.reworded_passages`: a
    headline beside a body sentence of other facts, ECB+ tune topic 21); ``reuse-28``:
    "Messrs." ends no sentence (:func:`storytrace.text.sentence_spans` read the titles table
    only for words of four letters or fewer), which moves the sentences a text with it pairs;
    ``reuse-29``: a text's headline is its first line that does not only date, sign or label
    it (:func:`storytrace.articles.headline_span`: "May 2, 2013, 1:12 PM", "By Jane Smith",
    "BREAKING NEWS" are passed over), which moves the headline the reworded pairing's
    lone-headline rule reads (ECB+ tune, 879 same-topic pairs: 1_2/1_7 same-story -> reworded,
    25_14/25_3 reworded -> same-story, 25_11/25_6 one reworded pair more); ``reuse-30``: a
    byline's names ("By Jane Smith, Associated Press" above the body:
    :func:`storytrace.articles.byline_spans`) are no names, lead words or event terms of the
    evidence rules, nor focal names or terms of the story features, so two articles sharing
    only their reporter's name lose a ``same-story`` verdict (and so an edge), a signed report
    of an event gets the verdict it has unsigned, and stored features change; ``reuse-31``: a
    top line closing its sentence inside a quotation mark ('He said: "We will act."') is a
    lede, not a headline, and one in title case standing as a paragraph of its own is a
    headline though it closes with a full stop ("BOOM: Trump Just Fired ...", as PolNeAR
    prints titles) (:func:`storytrace.articles.headline_span`), which moves the headline the
    reworded pairing's lone-headline rule and the "headline is spun" finding read (PolNeAR:
    384 of 924 texts; no pair of the evidence bench's tune part changes).
    Edges stored before are realigned.
    (``reuse-19`` and ``reuse-21`` named branches that never merged: no release wrote them.)
    """
    from importlib import metadata

    try:
        return f"{metadata.version('storytrace')}/reuse-31"
    except metadata.PackageNotFoundError:  # pragma: no cover - a source checkout
        return "0+unknown/reuse-31"


def __getattr__(name: str) -> object:
    if name == "ENGINE":
        return engine()
    if name == "Record":
        return _record_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# New articles' look-up keys (:data:`DELTA`), created with a new store and by the 4 -> 5
# migration; a store of version 4 opened read-only gets them as empty temporary tables.
_DELTA_TABLES = """CREATE TABLE postings_new (
    h INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (h, doc)
) WITHOUT ROWID;
CREATE TABLE lsh_new (
    key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)
) WITHOUT ROWID;
"""

# Indexes that only speed up what ``index`` reads of a large store (no change of layout: a
# store without them reads the same, slower, and older versions ignore them), created with
# a new store and on every writable open: the articles not aligned yet (a handful among
# many), and the articles per outlet. Without them both were whole-table scans of the
# articles' texts on each ``index`` run.
_LOOKUP_INDEXES = """CREATE INDEX IF NOT EXISTS articles_pending ON articles(doc) WHERE aligned=0;
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
"""

# A term's story postings: its articles and their weights, as two blobs per part. Part 0 is
# written when the stories are computed anew; each update adds a part of its new articles
# only, numbered by the smallest of them (schema 5 rewrote the term's whole row, so an update
# wrote the postings of every term it touched again, a cost growing with the store).
_STORY_POST = """CREATE TABLE story_post (
    term INTEGER NOT NULL, part INTEGER NOT NULL, docs BLOB NOT NULL, weights BLOB NOT NULL,
    PRIMARY KEY (term, part)
);
"""

# Which look-up keys (fingerprints and band keys) stored articles hold, for finding a few new
# articles' candidates: nearly all of a new article's keys are held by no other article,
# and asking the store about each cost two B-tree searches per key (at 100,000 articles,
# about 1 of an increment's 7 CPU s). ``key_bloom`` is a Bloom filter (one 64-bit word per
# key, :data:`KEY_PROBES` bits in it) of the keys of every doc up to ``upto``, built from the
# keys a scan of all postings reads anyway; ``key_part`` holds the exact ``(key, doc)`` rows
# of later docs, one part per ``index`` run covering the docs in ``(lo, upto]``, folded into
# the filter once there are more than :data:`KEY_PARTS`. A key the filter does not hold is
# held by those later docs only, read here instead of searched for. A replaced article
# lowers what the filter covers (:meth:`Store._delete`): a filter only ever holds too much.
_KEY_FILTER = """CREATE TABLE key_bloom (
    id INTEGER PRIMARY KEY CHECK (id = 0), upto INTEGER NOT NULL, n INTEGER NOT NULL,
    capacity INTEGER NOT NULL, words BLOB NOT NULL
);
CREATE TABLE key_part (lo INTEGER PRIMARY KEY, upto INTEGER NOT NULL, rows BLOB NOT NULL);
"""

# The scored pairs the updates of the stories added since they were last computed anew (at
# most ``corpus.REBASE`` of growth): one row per new article ``b``, its pairs with the
# articles before it as two blobs (``a``: int64 docs, ascending; ``score``: float64). An
# update's pairs went into ``story_pair`` one row each, with two B-tree inserts per pair at
# a scattered place (the other end is any stored article): at 100,000 articles 45,915 pairs
# of 1,000 new ones, 0.3 CPU s to insert and 52 MB of pages rewritten, 0.35 s to commit. Here
# they are 1,000 rows appended. An update reads the whole table (:meth:`Store.story_pairs`):
# it holds the pairs of at most a quarter of the store, and none right after a computation
# anew.
_STORY_PAIR_NEW = """CREATE TABLE IF NOT EXISTS story_pair_new (
    b INTEGER PRIMARY KEY, a BLOB NOT NULL, score BLOB NOT NULL
);
"""

# The story postings the updates added since the stories were last computed anew: one row
# per update (its part, numbered by its smallest new doc), all its terms in it: ``terms``
# (int64, ascending), ``ends`` (int64, where each term's entries end) and the entries'
# ``docs`` (int64) and ``weights`` (float64). Schema 8 kept them in ``story_post``, a row per
# term and part beside the term's part 0: the 14,798 rows of 1,000 new articles at 100,000
# landed at places spread over the whole table, 1,250 pages (5 MB) rewritten, 0.09 CPU s to
# insert and 0.12 to commit, for 240 KB of entries.
_STORY_POST_NEW = """CREATE TABLE IF NOT EXISTS story_post_new (
    part INTEGER PRIMARY KEY, terms BLOB NOT NULL, ends BLOB NOT NULL, docs BLOB NOT NULL,
    weights BLOB NOT NULL
);
"""

KEY_BITS = 8
"""Filter bits per key it is sized for; it is sized for 1.5 times the keys it is built with
and retired at twice that (the next scan of all postings builds it again)."""
KEY_PROBES = 4
KEY_PARTS = 4
"""Parts kept beside the filter before they are folded into it: each ``index`` run reads
them all, and a fold rewrites the whole filter."""

# The tables of the stored stories, created with a new store and by the 3 -> 4 migration.
_STORY_TABLES = (
    """CREATE TABLE story_of (
    doc INTEGER PRIMARY KEY, story INTEGER NOT NULL, grp INTEGER NOT NULL,
    part INTEGER NOT NULL, link INTEGER NOT NULL, size INTEGER NOT NULL
);
CREATE INDEX story_of_part ON story_of(part);
CREATE INDEX story_of_grp ON story_of(grp);
CREATE INDEX story_of_link ON story_of(link);
CREATE TABLE story_vocab (
    term TEXT PRIMARY KEY, id INTEGER NOT NULL, df INTEGER NOT NULL, cut INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_vec (
    doc INTEGER PRIMARY KEY, held BLOB NOT NULL, focal BLOB NOT NULL, years BLOB NOT NULL
);
CREATE TABLE story_pair (
    a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX story_pair_b ON story_pair(b);
CREATE TABLE quote_link (key TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))
    WITHOUT ROWID;
"""
    + _STORY_POST
)

QUOTE_EVIDENCE = (
    ("utterance", "INTEGER"),
    ("cue_start", "INTEGER"),
    ("cue_end", "INTEGER"),
    ("speaker_start", "INTEGER"),
    ("speaker_end", "INTEGER"),
    ("speaker_type", "TEXT"),
    ("resolved_by", "TEXT"),
    ("named_start", "INTEGER"),
    ("named_end", "INTEGER"),
)
"""What a stored quote row carries besides its span, kind, speaker and words: the evidence
``compare`` and ``quotes --json`` show for it (:class:`storytrace.quotes.Quote`), spans as
``[start, end)`` in the article's text: which utterance of the article it is a part of (its
number, from 0: an interrupted quote is one row per part), the reporting cue, the speaker as
written, what the speaker is, how the name was resolved (``resolved_by``) and where the
article writes it in full (``named_*``). Null where the extractor found none, and in rows
stored before schema 10."""

QUOTE_KEYS = ("start", "end", "kind", "speaker_name", "content", *(c for c, _ in QUOTE_EVIDENCE))
"""The keys of a stored quote row (:meth:`Store.quotes`, the exported ``quotes`` table)."""

_INSERT_QUOTE = (
    f"INSERT INTO quotes(doc,{','.join(QUOTE_KEYS)}) "  # noqa: S608
    f"VALUES ({','.join('?' * (len(QUOTE_KEYS) + 1))})"
)

_STORY_ROWS = (
    ("story_vocab", 4),
    ("story_post", 4),
    ("story_post_new", 5),
    ("story_vec", 4),
    ("story_pair", 3),
    ("story_of", 6),
    ("quote_link", 2),
)
"""The story tables with their column counts, in the order :meth:`Store.add_stories`
fills them."""

TABLES = (
    """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, published TEXT, source TEXT,
    text TEXT NOT NULL,
    aligned INTEGER NOT NULL DEFAULT 0,
    published_raw TEXT
);
CREATE INDEX articles_hash ON articles(hash);
CREATE TABLE postings (
    h INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (h, doc)
) WITHOUT ROWID;
CREATE TABLE lsh (
    key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)
) WITHOUT ROWID;
"""
    + _DELTA_TABLES
    + """CREATE TABLE quotes (
    doc INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    kind TEXT, speaker_name TEXT, content TEXT, """
    + ", ".join(f"{c} {t}" for c, t in QUOTE_EVIDENCE)
    + """
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE TABLE edges (
    a INTEGER NOT NULL, b INTEGER NOT NULL, verdict TEXT NOT NULL, edge TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX edges_b ON edges(b);
CREATE TABLE features (doc INTEGER PRIMARY KEY, value TEXT NOT NULL);
"""
    + _STORY_TABLES
    + _KEY_FILTER
    + _STORY_PAIR_NEW
    + _STORY_POST_NEW
)

# Version 5 -> 6: story postings in parts (:data:`_STORY_POST`), the stored rows as part 0.
_MIGRATE_5 = (
    "ALTER TABLE story_post RENAME TO story_post_5;\n"
    + _STORY_POST
    + """INSERT INTO story_post SELECT term, 0, docs, weights FROM story_post_5;
DROP TABLE story_post_5;
"""
)

# Version 4 -> 5: new articles' look-up keys apart (:data:`DELTA`), and the publication
# date as the input gave it beside the parsed UTC instant (an unreadable date used to be
# lost at ingest).
_MIGRATE_4 = _DELTA_TABLES + "ALTER TABLE articles ADD COLUMN published_raw TEXT;\n"

# Version 3 -> 4: the story tables an update reads; the stories are recomputed by the next
# ``index`` (a store of version 3 opened read-only is refused: run index once).
_MIGRATE_3 = (
    """
DROP TABLE IF EXISTS story_of;
DELETE FROM meta WHERE key IN ('stories', 'story_basis');
"""
    + _STORY_TABLES
)

# Version 2 -> 3: story features per article (filled for stored articles when stories are
# next computed) and the story assignment ``index`` stores.
_MIGRATE_2 = """
CREATE TABLE features (doc INTEGER PRIMARY KEY, value TEXT NOT NULL);
"""

# Version 1 -> 2: the never-read fingerprint blobs go, reuse gets stored, and the
# postings are rebuilt with winnowed fingerprints (:meth:`Store._migrate_1`).
_MIGRATE_1 = """
ALTER TABLE articles DROP COLUMN minhash;
ALTER TABLE articles DROP COLUMN shingles;
ALTER TABLE articles ADD COLUMN aligned INTEGER NOT NULL DEFAULT 0;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE edges (
    a INTEGER NOT NULL, b INTEGER NOT NULL, verdict TEXT NOT NULL, edge TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX edges_b ON edges(b);
"""
_V1_TABLES = {"articles", "postings", "lsh", "quotes"}


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _record_class() -> type[Record]:
    """:class:`Record`, a dataclass defined on first use (``from storytrace.store import
    Record`` works as usual): reading a store never builds one (see the imports)."""
    global Record
    if "Record" in globals():
        return Record
    from dataclasses import dataclass, field

    @dataclass(slots=True)
    class Record:
        """One article ready to store: text, metadata and its fingerprints."""

        id: str
        text: str
        hash: str
        sampled: np.ndarray
        lsh_keys: list[int]
        title: str | None = None
        url: str | None = None
        outlet: str | None = None
        published: str | None = None
        published_raw: str | None = None
        source: str | None = None
        quotes: list[tuple] = field(default_factory=list)
        """Rows ``(start, end, kind, speaker_name, *evidence)``, the evidence in the order of
        :data:`QUOTE_EVIDENCE` (:func:`storytrace.corpus.quote_rows`)."""
        features: str | None = None
        """Story features (:func:`storytrace.stories.features`) as JSON, or None to compute
        later."""
        terms: tuple | None = None
        """The same features as :func:`storytrace.stories.packed` gives them, or None: what a
        first build gathers for its grouping (not stored)."""

        def __reduce__(self) -> tuple:
            # Pickled by index's workers: the fields in a tuple, the fingerprints as bytes.
            # The dataclass's own state (its fields listed in Python) and an array's pickle
            # cost twice as much: 16 against 8 µs to pickle, the same again to unpickle.
            import numpy as np

            fields = [getattr(self, f) for f in self.__slots__]
            sampled = fields[sampled_at]
            if isinstance(sampled, np.ndarray) and sampled.dtype == np.int64 and sampled.ndim == 1:
                fields[sampled_at] = sampled.tobytes()
            return _record_of, tuple(fields)

    Record.__qualname__ = "Record"  # pickle finds it by name (index workers return them)
    sampled_at = Record.__slots__.index("sampled")  # read by __reduce__
    return Record


def _record_of(*fields: object) -> Record:
    """A :class:`Record` from its pickle (``Record.__reduce__``: int64 fingerprints as bytes)."""
    import numpy as np

    r = _record_class()(*fields)
    if isinstance(r.sampled, bytes):
        r.sampled = np.frombuffer(r.sampled, dtype=np.int64).copy()
    return r


_ARTICLE = ("id", "title", "url", "outlet", "published", "source", "text")


def _check_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be a whole number from 1 to {MAX_LIMIT}, not {limit!r}")
    return limit


def like_pattern(s: str) -> str:
    r"""A LIKE pattern matching ``s`` anywhere, its wildcards taken literally (escape ``\``).

    >>> like_pattern("50%_off")
    '%50\\%\\_off%'
    """
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Store:
    """An article store in ``folder/storytrace.db``.

    A missing store is created, unless ``readonly=True`` (for commands that
    only read): then the file must exist and is never written to.
    """

    def __init__(self, folder: str | os.PathLike[str], readonly: bool = False) -> None:
        folder = _path_text(folder)
        self.folder = folder
        self.path = os.path.join(folder, DB_FILE)
        self.readonly = readonly
        self._raw_dates = True  # False for a schema 4 store read as it is
        self._quote_evidence = True  # False for a store before schema 10 read as it is
        fresh = not os.path.exists(self.path) or os.stat(self.path).st_size == 0
        if fresh and readonly:
            if os.path.exists(self.path):
                raise InputError(f"{self.path}: empty file, not a storytrace store")
            raise InputError(f"{folder}: no index here (run 'storytrace index ... --db {folder}')")
        if not fresh:
            _check_header(self.path)
        try:
            if not readonly:
                os.makedirs(folder, exist_ok=True)
            self.db = _connect(self.path, readonly)
        except sqlite3.Error as e:
            raise InputError(_message(self.path, "opening", e)) from None
        except OSError as e:
            raise InputError(f"{folder}: cannot open the index ({_reason(e)})") from None
        try:
            self._open(fresh)
        except BaseException:
            self.db.close()
            raise

    # --- opening, versions, errors ------------------------------------------------

    def _open(self, fresh: bool) -> None:
        # One read transaction: another process creating the store commits its tables and
        # its header marks together, so this sees both or neither.
        with self._guard("opening"):
            self.db.execute("BEGIN")
            try:
                app = self.db.execute("PRAGMA application_id").fetchone()[0]
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
            finally:
                self.db.execute("COMMIT")
        if fresh and not tables:
            self._write_setup(self._create)
        elif app == APPLICATION_ID and version == SCHEMA_VERSION:
            if not self.readonly:
                self._write_setup(None)
        elif app == APPLICATION_ID and version > SCHEMA_VERSION:
            raise InputError(
                f"{self.path}: made by a newer storytrace (store schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}): upgrade storytrace"
            )
        elif app == APPLICATION_ID and version == 4 and self.readonly:
            # Nothing waits to be merged in a store made before the delta tables, and
            # no article of it has a raw date.
            self._raw_dates = False
            self._quote_evidence = False
            with self._guard("opening"):
                for stmt in _statements(_DELTA_TABLES):
                    self.db.execute(stmt.replace("CREATE TABLE", "CREATE TEMP TABLE"))
        elif app == APPLICATION_ID and version == 10 and self.readonly:
            pass  # the same tables; nothing waits to be keyed (schema 11's ``keys_from``)
        elif app == APPLICATION_ID and version in (5, 6, 7, 8, 9) and self.readonly:
            # Read as it is: only writers read the story postings, the key filter and the
            # scored pairs; its quotes have no evidence (null).
            self._quote_evidence = False
        elif app == APPLICATION_ID and version in (2, 3, 4, 5, 6, 7, 8, 9, 10):
            if self.readonly:
                raise InputError(
                    f"{self.path}: an older store layout (schema {version}); run 'storytrace "
                    f"index --db {os.path.dirname(self.path)}' once to upgrade it"
                )
            migrate = {2: self._migrate_2, 3: self._migrate_3, 4: self._migrate_4}
            migrate |= {5: self._migrate_5, 6: self._migrate_6, 7: self._migrate_7}
            migrate |= {8: self._migrate_8, 9: self._migrate_9, 10: self._stamp}
            self._write_setup(migrate[version])
        elif (app == APPLICATION_ID and version == 1) or (
            app == 0 and version == 0 and tables >= _V1_TABLES and "meta" not in tables
        ):
            if self.readonly:
                raise InputError(
                    f"{self.path}: an older store layout (schema 1); run 'storytrace index --db "
                    f"{os.path.dirname(self.path)}' once to upgrade it"
                )
            self._write_setup(self._migrate_1)
        else:
            raise InputError(
                f"{self.path}: not a storytrace store (an SQLite database of another kind); "
                "left unchanged"
            )
        with self._guard("opening"):
            self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        self._check_parameters()

    def _write_setup(self, change: object) -> None:
        """WAL mode and caches for a writable store, after running ``change`` (if any)."""
        with self._guard("setting up"):
            if change is not None:
                with self.transaction():
                    change()  # type: ignore[operator]
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # Looked for first: a store that has them is opened without taking the write lock.
            names = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
            if {"features", "meta"} <= names and self._features_rule() != FEATURES_RULE:
                with self.transaction():
                    self.db.execute("DELETE FROM features")
                    self.db.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('features_rule', ?)", (FEATURES_RULE,)
                    )
            if "articles" in names and not {"articles_pending", "articles_outlet"} <= names:
                with self.transaction():
                    for stmt in _statements(_LOOKUP_INDEXES):
                        self.db.execute(stmt)
            # A large page cache keeps the postings B-tree in memory during bulk inserts.
            self.db.execute("PRAGMA cache_size=-262144")
            # Reads through a memory map: a look-up in a large store touches a page per key,
            # and each page copied in by a read() call cost more in the kernel than the
            # search itself (at 100,000 articles, 1.2 of an increment's 5.1 CPU s were
            # system time). Writes still go through the WAL file, so a full disk is still
            # an error, not a signal.
            self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")

    def _create(self) -> None:
        if {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}:
            return  # another process created it while this one waited for the lock
        for stmt in _statements(TABLES):
            self.db.execute(stmt)
        self._stamp()
        # Only a new store: a migrated one keeps the quotes it has, of an earlier rule.
        self.db.execute("INSERT INTO meta VALUES ('quotes_rule', ?)", (QUOTES_RULE,))

    def _migrate_1(self) -> None:
        for stmt in _statements(_MIGRATE_1):
            self.db.execute(stmt)
        # Version 1 kept 1-in-4 hash-sampled fingerprints; rebuild the postings
        # from the stored texts with today's (the band keys did not change).
        self.db.execute("DELETE FROM postings")
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT doc, text FROM articles WHERE doc > ? ORDER BY doc LIMIT 1000", (last,)
            ).fetchall()
            if not rows:
                break
            postings = sorted((h, doc) for doc, text in rows for h in fp.fingerprint(text))
            self.db.executemany("INSERT OR IGNORE INTO postings VALUES (?,?)", postings)
            last = rows[-1][0]
        self._migrate_2()

    def _migrate_2(self) -> None:
        for stmt in _statements(_MIGRATE_2):
            self.db.execute(stmt)
        self._migrate_3()

    def _migrate_3(self) -> None:
        for stmt in _statements(_MIGRATE_3):
            self.db.execute(stmt)
        self._migrate_4()

    def _migrate_4(self) -> None:
        for stmt in _statements(_MIGRATE_4):
            self.db.execute(stmt)
        self._migrate_5()

    def _migrate_5(self) -> None:
        # A store migrated from version 3 got today's story tables already.
        if "part" not in {r[1] for r in self.db.execute("PRAGMA table_info(story_post)")}:
            for stmt in _statements(_MIGRATE_5):
                self.db.execute(stmt)
        self._migrate_6()

    def _migrate_6(self) -> None:
        # No filter yet: candidates are searched for key by key until the next scan of all
        # postings (an ``index`` run adding more than ``corpus.SCAN_SHARE`` of the store).
        for stmt in _statements(_KEY_FILTER):
            self.db.execute(stmt.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
        self._migrate_7()

    def _migrate_7(self) -> None:
        # Every stored pair stays in ``story_pair``; the next updates add theirs apart.
        for stmt in _statements(_STORY_PAIR_NEW):
            self.db.execute(stmt)
        self._migrate_8()

    def _migrate_8(self) -> None:
        # The updates' parts of ``story_post`` become one row each (part 0 stays).
        import numpy as np

        for stmt in _statements(_STORY_POST_NEW):
            self.db.execute(stmt)
        q = "SELECT part, term, docs, weights FROM story_post WHERE part != 0 ORDER BY part, term"
        for part, rows in groupby(self.db.execute(q).fetchall(), key=itemgetter(0)):
            rows = list(rows)
            ends = np.cumsum([len(r[2]) // 8 for r in rows], dtype=np.int64)
            self.db.execute(
                "INSERT INTO story_post_new VALUES (?, ?, ?, ?, ?)",
                (
                    part,
                    np.asarray([r[1] for r in rows], dtype=np.int64).tobytes(),
                    ends.tobytes(),
                    b"".join(r[2] for r in rows),
                    b"".join(r[3] for r in rows),
                ),
            )
        self.db.execute("DELETE FROM story_post WHERE part != 0")
        self._migrate_9()

    def _migrate_9(self) -> None:
        # Each quote's evidence (:data:`QUOTE_EVIDENCE`); the quotes stored before have none
        # (null: unknown) until their articles are indexed again.
        have = {r[1] for r in self.db.execute("PRAGMA table_info(quotes)")}
        for c, t in QUOTE_EVIDENCE:
            if c not in have:
                self.db.execute(f"ALTER TABLE quotes ADD COLUMN {c} {t}")
        self._stamp()

    def _stamp(self) -> None:
        rows = [("fingerprints", json.dumps(fp.PARAMETERS, sort_keys=True)), ("engine", engine())]
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)
        self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _check_parameters(self) -> None:
        stored = json.loads(self.meta.get("fingerprints", "{}"))
        if stored != fp.PARAMETERS:
            diff = ", ".join(
                f"{k} {stored.get(k)} here, {v} now"
                for k, v in fp.PARAMETERS.items()
                if stored.get(k) != v
            )
            raise InputError(
                f"{self.folder}: built with other fingerprint parameters ({diff}); "
                "index the articles into a new folder"
            )

    @property
    def engine(self) -> str:
        """The engine version that computed the stored reuse."""
        return self.meta.get("engine", "")

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as e:
            raise InputError(_message(self.path, doing, e)) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction holding the write lock from its start (``BEGIN IMMEDIATE``)."""
        with self._guard("writing"):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()

    def close(self) -> None:
        self.db.close()

    def release_memory(self) -> None:
        """Give back what earlier work left resident, between the stages of a large ``index``:
        SQLite's page cache (filled by the bulk inserts, up to its 256 MB) and the pages of
        the file read through the memory map (the whole postings table after a scan: every
        one counts in the process's resident memory until the map is dropped). Nothing is
        lost: the next read maps the pages it needs again (from the kernel's cache). The
        freed cache goes back to the system only if the C library returns it
        (:func:`_trim_heap`)."""
        with self._guard("reading"):
            self.db.execute("PRAGMA shrink_memory")
            self._unmap()
        _trim_heap()

    def _unmap(self) -> None:
        """Drop the pages read through the memory map from this process's resident memory
        (a writable store's; a read-only one reads without a map)."""
        if not self.readonly:
            # A new map size unmaps the file; setting it back maps it anew, empty.
            self.db.execute("PRAGMA mmap_size=0")
            self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing articles -------------------------------------------------------------

    def add_many(self, records: Iterable[Record], runs: KeyRuns | None = None) -> int:
        """Store records in one transaction; returns how many were written.

        A record whose id is stored with the same content hash is left alone
        (another writer may have stored it meanwhile); one with another hash
        replaces the stored article, its fingerprints, quotes and reuse.
        With ``runs`` (a first build, :class:`KeyRuns`), the records' look-up keys go there
        instead of into the tables, and ``meta`` marks the docs from the first such record
        on as waiting for them (:meth:`add_key_runs` stores them all at once).
        """
        n = 0
        postings: list[tuple[object, int]] = []  # (the record's fingerprints, its doc)
        bands: list[tuple[object, int]] = []
        with self.transaction():
            for r in records:
                old = self.db.execute(
                    "SELECT doc, hash FROM articles WHERE id=?", (r.id,)
                ).fetchone()
                if old and old[1] == r.hash:
                    continue
                if old:
                    self._delete(old[0])
                cur = self.db.execute(
                    "INSERT INTO articles(id,hash,title,url,outlet,published,published_raw,source,"
                    "text) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        r.id,
                        r.hash,
                        r.title,
                        r.url,
                        r.outlet,
                        r.published,
                        r.published_raw,
                        r.source,
                        r.text,
                    ),
                )
                doc = cur.lastrowid
                postings.append((r.sampled, doc))
                bands.append((r.lsh_keys, doc))
                self.db.executemany(_INSERT_QUOTE, _quote_values(doc, r.text, r.quotes))
                if r.features is not None:
                    self.db.execute("INSERT INTO features VALUES (?,?)", (doc, r.features))
                n += 1
            if n:
                self._changed()
            if runs is None:
                self._add_keys({"postings": _key_rows(postings), "lsh": _key_rows(bands)}, n)
            elif n:
                first = min(d for _, d in postings)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('keys_from', ?)", (str(first),))
                runs.add({"postings": postings, "lsh": bands})
        return n

    def keys_from(self) -> int | None:
        """The first doc whose look-up keys wait (a first build interrupted before
        :meth:`add_key_runs`; every doc after it waits too), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key='keys_from'").fetchone()
        return int(row[0]) if row else None

    def add_key_runs(self, runs: KeyRuns) -> None:
        """Store the look-up keys ``runs`` holds, one range of keys at a time in key order
        into the large tables (appended at their end: the store was empty when the run
        began), and clear the mark of :meth:`add_many`. Inserting each batch's keys as it
        came (every key's place anywhere in the B-tree) and merging the small tables into
        the large ones every 10% of growth cost 13.4 CPU s of 20,000 articles' 5.7 million
        rows (all but 0.8 s of storing them); this way about 3."""
        with self.transaction():
            for table in _KEYS:
                for keys, docs in runs.sorted_keys(table):
                    for i in range(0, len(keys), 1 << 18):
                        at = slice(i, i + (1 << 18))
                        _insert_pairs(self.db, table, _interleave(keys[at], docs[at]))
            self.db.execute("DELETE FROM meta WHERE key='keys_from'")

    def _add_keys(self, rows: dict[str, list[int]], added: int) -> None:
        """Store the look-up keys of ``added`` new articles (inside a write transaction): in
        the ``_new`` tables, or, once those would hold more than :data:`DELTA` of the store,
        everything into the large tables (counted in ``meta``, since counting the large
        tables reads them whole). ``rows``: each table's :func:`_key_rows`."""
        row = self.db.execute("SELECT value FROM meta WHERE key='delta_docs'").fetchone()
        waiting = (int(row[0]) if row else 0) + added
        total = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        merge = waiting > DELTA * total
        for table, new in rows.items():
            if merge:
                # Rows come in key order from the small table's primary key.
                self.db.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM {table}_new")  # noqa: S608
                self.db.execute(f"DELETE FROM {table}_new")  # noqa: S608
            _insert_pairs(self.db, table if merge else f"{table}_new", new)
        waiting = 0 if merge else waiting
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('delta_docs', ?)", (str(waiting),))

    def _delete(self, doc: int) -> None:
        # Postings and band keys are found from the stored text's fingerprints:
        # their primary keys start with the fingerprint, so a lookup by doc alone
        # would scan the whole table.
        (text,) = self.db.execute("SELECT text FROM articles WHERE doc=?", (doc,)).fetchone()
        sh = fp.shingles(text)
        for table, keys in (
            ("postings", fp.fingerprint(text, sh)),
            ("lsh", set(fp.lsh_keys(fp.minhash(sh)))),
        ):
            col = _KEYS[table]
            for t in (table, f"{table}_new"):
                self.db.executemany(
                    f"DELETE FROM {t} WHERE {col}=? AND doc=?",  # noqa: S608
                    ((k, doc) for k in keys),
                )
        for stmt in (
            "DELETE FROM quotes WHERE doc=?",
            "DELETE FROM features WHERE doc=?",
            "DELETE FROM story_of WHERE doc=?",
            "DELETE FROM story_vec WHERE doc=?",
            "DELETE FROM story_pair WHERE a=?",
            "DELETE FROM story_pair WHERE b=?",
            "DELETE FROM quote_link WHERE doc=?",
            "DELETE FROM edges WHERE a=?",
            "DELETE FROM edges WHERE b=?",
            "DELETE FROM articles WHERE doc=?",
        ):
            self.db.execute(stmt, (doc,))
        # Its number may be given again (to the next article, when it was the last one):
        # the key filter covers the docs below it only.
        self.db.execute("DELETE FROM key_part WHERE upto >= ?", (doc,))
        self.db.execute("UPDATE key_bloom SET upto = ? WHERE upto >= ?", (doc - 1, doc))
        # Its weights and scored pairs are in other articles' rows too: the next update
        # of the stories starts over (:meth:`story_basis`), and nothing reads the updates'
        # pairs until then.
        self.db.execute("DELETE FROM meta WHERE key='story_basis'")
        self.db.execute("DELETE FROM story_pair_new")

    # --- reading articles -----------------------------------------------------------

    @contextmanager
    def hash_lookup(self) -> Iterator[Callable[[str], str | None]]:
        """A function giving a stored article's content hash by id (None when the id is not
        stored), on a read connection of its own that one other thread may use: ``index``
        checks each article it reads in the thread that feeds its worker processes, which
        must not touch this store's connection. A look-up per article read, where reading
        every stored id and hash first cost a scan of all stored texts per run."""
        db: sqlite3.Connection | None = None

        def lookup(article_id: str) -> str | None:
            nonlocal db
            with self._guard("reading"):
                if db is None:
                    db = _connect(self.path, readonly=True, any_thread=True)
                row = db.execute("SELECT hash FROM articles WHERE id=?", (article_id,)).fetchone()
            return row[0] if row else None

        try:
            yield lookup
        finally:
            if db is not None:
                db.close()

    def named_or_same(self, ids: list[str], text_hash: str) -> dict[int, tuple[str, bool]]:
        """``doc -> (id, same text)`` of the stored articles with one of ``ids`` or with the
        content hash ``text_hash`` (``match`` marks the article it was given)."""
        with self._guard("reading"):
            rows = self.db.execute(
                "SELECT doc, id, hash FROM articles WHERE hash=? "
                "OR id IN (SELECT value FROM json_each(?))",
                (text_hash, json.dumps(ids)),
            ).fetchall()
        return {doc: (aid, h == text_hash) for doc, aid, h in rows}

    def ids(self) -> dict[int, str]:
        with self._guard("reading"):
            return dict(self.db.execute("SELECT doc, id FROM articles"))

    def doc_hashes(self) -> dict[int, str]:
        """Every stored article's content hash by doc (read from the hash index, not the
        articles' rows with their texts)."""
        with self._guard("reading"):
            return dict(self.db.execute("SELECT doc, hash FROM articles INDEXED BY articles_hash"))

    def article(self, doc: int) -> dict:
        with self._guard("reading"):
            row = self.db.execute(
                "SELECT id,title,url,outlet,published,source,text FROM articles WHERE doc=?",
                (doc,),
            ).fetchone()
        return dict(zip(_ARTICLE, row, strict=True))

    def article_by_id(self, article_id: str) -> dict | None:
        """``{"id", "title", "url", "outlet", "published", "source", "text", "published_raw"}``
        or None; ``published_raw`` is the date as the input gave it, kept also when it could
        not be read (``published`` is then None)."""
        with self._guard("reading"):
            row = self.db.execute(
                "SELECT id,title,url,outlet,published,source,text,"
                f"{'published_raw' if self._raw_dates else 'NULL'} FROM articles WHERE id=?",
                (article_id,),
            ).fetchone()
        return dict(zip((*_ARTICLE, "published_raw"), row, strict=True)) if row else None

    def iter_articles(self) -> Iterator[dict]:
        """Every stored article in the order stored: ``doc``, the keys of
        :meth:`article_by_id` and ``published_raw`` (None in a schema 4 store)."""
        keys = ("doc", *_ARTICLE, "published_raw")
        raw = "published_raw" if self._raw_dates else "NULL"
        with self._guard("reading"):
            cur = self.db.execute(
                f"SELECT doc,id,title,url,outlet,published,source,text,{raw} FROM articles "
                "ORDER BY doc"
            )
            for row in cur:
                yield dict(zip(keys, row, strict=True))

    def article_meta(self) -> dict[str, dict]:
        """Per article id: ``{"id", "title", "url", "outlet", "published", "source", "words"}``.

        ``words`` counts space-separated runs, a cheap size in SQL.
        """
        keys = ("id", "title", "url", "outlet", "published", "source", "words")
        with self._guard("reading"):
            rows = self.db.execute(
                "SELECT id, title, url, outlet, published, source, "
                "length(text) - length(replace(text, ' ', '')) + 1 FROM articles ORDER BY doc"
            ).fetchall()
        return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}

    def published_of(self, docs: list[int] | None = None) -> dict[int, str | None]:
        """``doc -> published`` (the stored UTC instant, or None) of ``docs``, or of every
        article: what the story rule on publication times reads (``dates.far_apart``)."""
        with self._guard("reading"):
            if docs is None:
                return dict(self.db.execute("SELECT doc, published FROM articles"))
            return dict(
                self._in_chunks("SELECT doc, published FROM articles WHERE doc IN ({marks})", docs)
            )

    def heads(self, chars: int = 300) -> dict[str, str]:
        """The first ``chars`` characters of every article stored without a title, by id.

        Enough for the first line to name the article in story views
        (``report.shape.lead_title``), without reading whole texts.
        """
        with self._guard("reading"):
            rows = self.db.execute(
                "SELECT id, substr(text, 1, ?) FROM articles WHERE title IS NULL OR title = ''",
                (chars,),
            ).fetchall()
        return dict(rows)

    def openings(self, docs: list[int], chars: int) -> dict[int, str]:
        """``doc -> the first chars characters of its text`` of ``docs``."""
        with self._guard("reading"):
            return dict(
                self._in_chunks(
                    f"SELECT doc, substr(text, 1, {int(chars)}) FROM articles "
                    "WHERE doc IN ({marks})",
                    docs,
                )
            )

    def stats(self) -> dict[str, int]:
        """``{"articles", "outlets", "no_outlet"}``: stored articles, distinct named outlets
        and the articles that name none."""
        with self._guard("reading"):
            n, outlets, none = self.db.execute(
                "SELECT count(*), count(DISTINCT nullif(outlet, '')),"
                " coalesce(sum(coalesce(outlet, '') = ''), 0) FROM articles"
            ).fetchone()
        return {"articles": n, "outlets": outlets, "no_outlet": none}

    def search_text(self, q: str, limit: int = 200) -> list[dict]:
        """Articles whose text contains ``q`` (case-insensitive for ASCII), by date then id.

        Each hit is the article's fields plus ``start``/``end``: the first match's
        character offsets in ``text``; and ``results_not_shown``, the same on every hit: how
        many more articles contain ``q`` than ``limit`` let through.
        """
        limit = _check_limit(limit)
        if not q:
            return []
        # Every article's text is read to find q, so the window counts every match in the
        # same pass, before the limit, holding the short columns only; where q is (instr) is
        # found again for the few shown alone, not for every match.
        with self._guard("searching"):
            rows = self.db.execute(
                "SELECT a.id, a.title, a.url, a.outlet, a.published, a.source, a.text, "
                "instr(lower(a.text), lower(?1)), h.n FROM (SELECT doc, published, id, "
                "count(*) OVER () AS n FROM articles WHERE instr(lower(text), lower(?1)) > 0 "
                "ORDER BY published, id LIMIT ?2) h "
                "JOIN articles a ON a.doc = h.doc ORDER BY h.published, h.id",
                (q, limit),
            ).fetchall()
        return [
            dict(zip(_ARTICLE, r[:7], strict=True))
            | {"start": r[7] - 1, "end": r[7] - 1 + len(q), "results_not_shown": r[8] - len(rows)}
            for r in rows
        ]

    def search_speaker(self, name: str, limit: int = 200) -> list[dict]:
        """Quotes whose speaker name contains ``name`` (``%``, ``_`` taken literally).

        Each hit: the article's ``id``, ``title``, ``url``, ``outlet``,
        ``published``, ``source`` and the quote's ``start``, ``end``, ``content``
        and ``speaker``; and ``results_not_shown``, the same on every hit: 0 when no more
        quotes match than these, else None: more match, uncounted.
        """
        limit = _check_limit(limit)
        if not name:
            return []
        keys = (*_ARTICLE[:6], "start", "end", "content", "speaker")
        # One more row than shown says whether the limit cut; counting what it cut takes a
        # second pass over every quote (a window counting them in this pass holds every
        # match): 1.5 and 3 times the search's time for a name in 11,754 of the BBC corpus's
        # quotes, where the text search's window costs a twentieth.
        with self._guard("searching"):
            rows = self.db.execute(
                "SELECT a.id, a.title, a.url, a.outlet, a.published, a.source, q.start, q.end, "
                "q.content, q.speaker_name FROM quotes q JOIN articles a ON a.doc = q.doc "
                "WHERE q.speaker_name LIKE ? ESCAPE '\\' "
                "ORDER BY a.published, a.id, q.start LIMIT ?",
                (like_pattern(name), limit + 1),
            ).fetchall()
        more = None if len(rows) > limit else 0
        return [dict(zip(keys, r, strict=True)) | {"results_not_shown": more} for r in rows[:limit]]

    # --- fingerprints --------------------------------------------------------------------

    def docs_sharing(self, hashes: list[int]) -> dict[int, int]:
        """Stored docs holding any of the sampled ``hashes``, with the count shared."""
        return self.docs_holding("postings", hashes, 1 << 62)

    def shared_keys(self, hashes: list[int], docs: list[int]) -> dict[int, list[int]]:
        """Which of the sampled ``hashes`` each of ``docs`` holds (docs holding none are left
        out): the evidence behind :meth:`docs_sharing`'s counts for a few hits."""
        where = "AND doc IN (SELECT value FROM json_each(?2))"
        out: dict[int, list[int]] = {}
        with self._guard("reading"):
            q = f"SELECT k, doc FROM {_holding('postings', where)}"  # noqa: S608
            for k, doc in self.db.execute(q, (json.dumps(hashes), json.dumps(docs))):
                out.setdefault(doc, []).append(k)
        return out

    def docs_in_buckets(self, keys: list[int]) -> set[int]:
        if not keys:
            return set()
        with self._guard("reading"):
            q = f"SELECT DISTINCT doc FROM {_holding('lsh', '')}"  # noqa: S608
            return {d for (d,) in self.db.execute(q, (json.dumps(keys),))}

    def sorted_keys(self, table: str) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """The rows of a table of look-up keys (``postings`` or ``lsh``, its ``_new`` twin
        merged) as ``(keys, docs)`` arrays in key order, one of :data:`KEY_RANGES` ranges of
        the key space at a time, all read in one read transaction. After each range the
        memory map is dropped (:meth:`_unmap`): read through it, the whole table stayed
        resident to the end of the scan (560 MB of postings at 100,000 articles)."""
        import numpy as np

        col = _KEYS[table]
        sql = (
            f"SELECT {col}, doc FROM {table} WHERE {col} BETWEEN ?1 AND ?2 UNION ALL "  # noqa: S608
            f"SELECT {col}, doc FROM {table}_new WHERE {col} BETWEEN ?1 AND ?2 ORDER BY 1"
        )
        step = (1 << 64) // KEY_RANGES
        none = np.zeros(0, dtype=np.int64)
        with self._guard("reading"):
            own = not self.db.in_transaction
            if own:
                self.db.execute("BEGIN")
            try:
                for k in range(KEY_RANGES):
                    lo = -(1 << 63) + k * step
                    cur = self.db.execute(sql, (lo, lo + step - 1))
                    parts = []
                    while rows := cur.fetchmany(1 << 16):
                        n = 2 * len(rows)
                        parts.append(np.fromiter(chain.from_iterable(rows), np.int64, count=n))
                    flat = np.concatenate([none, *parts])
                    del parts
                    yield flat[0::2].copy(), flat[1::2].copy()
                    self._unmap()
            finally:
                if own:
                    self.db.execute("COMMIT")

    # --- stored reuse ------------------------------------------------------------------

    def pending(self) -> list[int]:
        """Docs whose reuse with the docs stored before them is not aligned yet, in order."""
        with self._guard("reading"):
            q = "SELECT doc FROM articles WHERE aligned=0 ORDER BY doc"  # the partial index
            return [d for (d,) in self.db.execute(q)]

    def add_edges(self, edges: Iterable[tuple[int, int, str, str]], done: Iterable[int]) -> None:
        """Store ``(doc_a, doc_b, verdict, edge JSON)`` rows and mark ``done`` docs aligned.

        One transaction; an edge whose article was replaced meanwhile is dropped.
        """
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO edges SELECT ?1, ?2, ?3, ?4 "
                "WHERE EXISTS (SELECT 1 FROM articles WHERE doc=?1) "
                "AND EXISTS (SELECT 1 FROM articles WHERE doc=?2)",
                edges,
            )
            self.db.executemany("UPDATE articles SET aligned=1 WHERE doc=?", ((d,) for d in done))
            self._changed()

    def import_edges(self, edges: Iterable[dict]) -> int:
        """Store reuse computed elsewhere (edges by article id) and mark every article aligned.

        For a store holding exactly the articles those edges were computed
        over (a Spark run's import); returns how many edges were stored.
        """
        with self.transaction():
            docs = {i: d for d, i in self.db.execute("SELECT doc, id FROM articles")}
            rows = [
                (docs[e["a"]], docs[e["b"]], e["verdict"], json.dumps(e, ensure_ascii=False))
                for e in edges
                if e["a"] in docs and e["b"] in docs
            ]
            self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?,?,?,?)", rows)
            self.db.execute("UPDATE articles SET aligned=1")
            self._changed()
        return len(rows)

    def edges(self) -> list[dict]:
        """Every stored reuse edge (:meth:`storytrace.stories.Edge.to_dict` form), in doc order."""
        with self._guard("reading"):
            return [
                json.loads(e) for (e,) in self.db.execute("SELECT edge FROM edges ORDER BY a, b")
            ]

    def reset_reuse(self) -> None:
        """Forget stored reuse and story features (another engine computed them): every
        article is aligned again and its features are recomputed from its text."""
        with self.transaction():
            self.db.execute("DELETE FROM edges")
            self.db.execute("DELETE FROM features")
            self.db.execute("DELETE FROM meta WHERE key='story_basis'")
            self.db.execute("UPDATE articles SET aligned=0")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('engine', ?)", (engine(),))
            self._changed()
        self.meta["engine"] = engine()

    # --- stored stories -------------------------------------------------------------------

    def _changed(self) -> None:
        """Count a change of articles or reuse (inside a write transaction): stored stories
        computed before it are stale."""
        n = self.db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'"
        ).rowcount
        if not n:
            self.db.execute("INSERT INTO meta VALUES ('generation', '1')")

    def generation(self) -> int:
        """How many changes of articles or reuse this store has seen (read now, not cached)."""
        with self._guard("reading"):
            row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def _features_rule(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key='features_rule'").fetchone()
        return row[0] if row else None

    def features_stale(self) -> bool:
        """Whether the stored story features are another story rule's (:data:`FEATURES_RULE`):
        then none are read (only a store opened read-only keeps them)."""
        return self.meta.get("features_rule") != FEATURES_RULE

    def features(self) -> dict[int, str]:
        """Stored story features (JSON) per doc; docs stored before schema 3 may lack them."""
        if self.features_stale():
            return {}
        with self._guard("reading"):
            return dict(self.db.execute("SELECT doc, value FROM features"))

    def iter_features(self) -> Iterator[tuple[int, str]]:
        """``(doc, features JSON)`` in doc order, streamed (not all in memory at once): read
        :data:`FEATURE_ROWS` at a time in one read transaction, the memory map dropped after
        each part (read through it, all of them stayed resident while the stories were
        grouped: 290 MB at 100,000 articles). None when they are stale (:meth:`features_stale`)."""
        if self.features_stale():
            return
        with self._guard("reading"):
            own = not self.db.in_transaction
            if own:
                self.db.execute("BEGIN")
            try:
                last = -(1 << 63)
                while rows := self.db.execute(
                    "SELECT doc, value FROM features WHERE doc > ? ORDER BY doc LIMIT ?",
                    (last, FEATURE_ROWS),
                ).fetchall():
                    self._unmap()
                    yield from rows
                    last = rows[-1][0]
            finally:
                if own:
                    self.db.execute("COMMIT")

    def featureless(self, docs: list[int] | None = None) -> list[int]:
        """Docs (of ``docs``, or of all) whose story features are not stored (or stale)."""
        if docs is not None:
            return sorted(set(docs) - set(self.features_of(docs)))
        if self.features_stale():
            return sorted(self.ids())
        with self._guard("reading"):
            return [
                d
                for (d,) in self.db.execute(
                    "SELECT doc FROM articles INDEXED BY articles_hash "
                    "WHERE doc NOT IN (SELECT doc FROM features)"
                )
            ]

    def count(self, after: int | None = None, through: int | None = None) -> int:
        """How many articles are stored (with a doc number above ``after`` and up to
        ``through``, when either is given)."""
        with self._guard("reading"):
            if after is None and through is None:
                # Counted on an index: a range of docs reads the table itself, texts and all.
                return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            last = (1 << 63) - 1 if through is None else through
            q = "SELECT count(*) FROM articles WHERE doc > ? AND doc <= ?"
            return self.db.execute(q, (-1 if after is None else after, last)).fetchone()[0]

    def add_features(self, rows: Iterable[tuple[int, str]]) -> None:
        """Store ``(doc, features JSON)`` rows (for docs indexed before features were kept)."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO features SELECT ?1, ?2 "
                "WHERE EXISTS (SELECT 1 FROM articles WHERE doc=?1)",
                rows,
            )

    def story_basis(self) -> int | None:
        """How many articles the stored story weights were taken over (their IDF), or None
        when there is nothing to update (never computed, or an article was replaced or the
        reuse recomputed since): then the stories are computed anew."""
        with self._guard("reading"):
            meta = dict(
                self.db.execute(
                    "SELECT key, value FROM meta WHERE key IN ('story_basis', 'story_rule')"
                )
            )
        if meta.get("story_rule") != STORY_RULE:
            return None
        return int(meta["story_basis"]) if "story_basis" in meta else None

    def add_stories(self, state: dict, generation: int, fresh: bool) -> bool:
        """Store a story computation made at ``generation``; False, storing nothing, when the
        store changed since. ``fresh``: it replaces everything stored before (a new basis);
        otherwise it adds to it (rows with a stored key replace it). ``state`` holds rows
        for each story table (by its name; any iterable, read once):

        * ``story_vocab``: ``(term, id, df, cut)``, the terms' ids and the basis they were
          weighed by;
        * ``story_post``: ``(term id, 0, docs, weights)``, a term's articles and weights
          (blobs) from a computation anew;
        * ``story_post_new``: ``(part, terms, ends, docs, weights)``, an update's postings
          (:data:`_STORY_POST_NEW`), numbered by its smallest new article;
        * ``story_vec``: ``(doc, held, focal, years)``, an article's term ids (blobs);
        * ``story_pair``: ``(doc a, doc b, score)``, ``a < b``, every scored pair (an
          update's are kept by ``b`` in ``story_pair_new``, :data:`_STORY_PAIR_NEW`);
        * ``story_of``: ``(doc, story, group, part, link, size)``, its story, average-link
          group, part (:func:`storytrace.stories.parts`) and linked component, each named by
          its smallest doc, and its group's size;
        * ``quote_link``: ``(quote key, doc)``;

        and ``n``, the basis's article count. An update may add ``story_of_before``: the
        stored ``story_of`` rows (without the doc) of the docs it rewrites, so that only
        what changed is written.
        """
        with self.transaction():
            now = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
            if (int(now[0]) if now else 0) != generation:
                return False
            indexes: list[str] = []
            if fresh:
                # Every row is written anew: the tables' secondary indexes are built once
                # from the rows (a sort) instead of taking each row at its place, which for
                # story_pair's index on b (rows come in a order) is anywhere in it. Made
                # again by their own statements, so the schema stays as it was.
                names = ",".join("?" * len(_STORY_ROWS))
                for name, sql in self.db.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                    f" AND tbl_name IN ({names})",  # noqa: S608
                    [t for t, _ in _STORY_ROWS],
                ).fetchall():
                    self.db.execute(f'DROP INDEX "{name}"')
                    indexes.append(sql)
                for table, _ in _STORY_ROWS:
                    self.db.execute(f"DELETE FROM {table}")  # noqa: S608
                self.db.execute("DELETE FROM story_pair_new")
            for table, marks in _STORY_ROWS:
                rows = state.get(table, ())
                if table == "story_pair" and not fresh:
                    table, marks, rows = "story_pair_new", 3, _pairs_by_later(rows)
                if table == "story_of" and "story_of_before" in state:
                    rows = self._story_of_changes(rows, state["story_of_before"])
                if table == "story_pair":
                    _insert_pairs_scored(self.db, rows)
                    continue
                self.db.executemany(
                    f"INSERT OR REPLACE INTO {table} VALUES ({','.join('?' * marks)})",  # noqa: S608
                    rows,
                )
            for sql in indexes:
                self.db.execute(sql)
            self.db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [
                    ("stories", str(generation)),
                    ("story_basis", str(state["n"])),
                    ("story_rule", STORY_RULE),
                ],
            )
        return True

    def _story_of_changes(
        self, rows: Iterable[tuple], before: Mapping[int, tuple[int, int, int, int, int]]
    ) -> list[tuple]:
        """The ``story_of`` rows of docs not in ``before`` (their stored rows), to insert; the
        others are written only where they differ from ``before``, column by column here.

        A replaced row is deleted from and inserted into each of the three indexes on
        ``part``, ``grp`` and ``link``, at pages spread over all of them (an update's rows are
        spread over the docs): at 100,000 articles an update's 1,951 rows touched 1,263 pages,
        two thirds of what it wrote. Of its 951 stored rows 314 were unchanged and 605
        changed only the story or the group size, which no index holds."""
        out = []
        changed: dict[tuple[int, ...], list[tuple]] = {}
        for r in rows:
            old = before.get(r[0])
            if old is None:
                out.append(r)
            elif old != r[1:]:
                cols = tuple(k for k in range(5) if old[k] != r[1 + k])
                changed.setdefault(cols, []).append((*(r[1 + k] for k in cols), r[0]))
        names = ("story", "grp", "part", "link", "size")
        for cols, values in changed.items():
            sets = ", ".join(f"{names[k]} = ?" for k in cols)
            self.db.executemany(f"UPDATE story_of SET {sets} WHERE doc = ?", values)  # noqa: S608
        return out

    def stories_fresh(self) -> bool:
        """Whether stories are stored for the store as it is now (``meta`` alone is read)."""
        with self._guard("reading"):
            meta = dict(self.db.execute("SELECT key, value FROM meta"))
        return (
            meta.get("stories") is not None
            and meta["stories"] == meta.get("generation", "0")
            and meta.get("story_rule") == STORY_RULE
        )

    def stored_stories(self) -> list[list[int]] | None:
        """The stored story groups (docs, in doc order; groups in no particular order), or
        None when the store changed after they were computed (or they never were)."""
        if not self.stories_fresh():
            return None
        groups: dict[int, list[int]] = {}
        with self._guard("reading"):
            for doc, story in self.db.execute("SELECT doc, story FROM story_of ORDER BY doc"):
                groups.setdefault(story, []).append(doc)
        return list(groups.values())

    def ungrouped(self) -> list[int]:
        """Docs no stored story holds yet, in doc order."""
        with self._guard("reading"):
            # Stories are stored for every article of one moment (add_stories refuses a
            # computation the store changed under), and new articles get higher doc numbers,
            # so the ungrouped are usually those above the highest grouped: taken when the
            # counts confirm it, at the cost of the new rows instead of every stored doc.
            (top,) = self.db.execute("SELECT coalesce(max(doc), 0) FROM story_of").fetchone()
            above = [
                d for (d,) in self.db.execute("SELECT doc FROM articles WHERE doc > ?", (top,))
            ]
            if self.count_grouped() + len(above) == self.count():
                return above
            # The hash index holds every doc and is far smaller than the articles' rows.
            return sorted(
                d
                for (d,) in self.db.execute(
                    "SELECT doc FROM articles INDEXED BY articles_hash "
                    "WHERE doc NOT IN (SELECT doc FROM story_of)"
                )
            )

    def count_grouped(self) -> int:
        with self._guard("reading"):
            return self.db.execute("SELECT count(*) FROM story_of").fetchone()[0]

    def story_vocab(self, terms: list[str]) -> dict[str, tuple[int, int, int]]:
        """``term -> (id, df, cut)`` for those of ``terms`` in the story vocabulary."""
        # One statement over a JSON list, as in :meth:`story_vectors`: at 100,000 articles the
        # 21,475 words of 1,000 new ones took 0.07-0.09 CPU s against 0.10 in chunks of 500.
        q = (
            "SELECT v.term, v.id, v.df, v.cut FROM json_each(?) j "
            "JOIN story_vocab v ON v.term = j.value"
        )
        with self._guard("reading"):
            return {t: (i, df, cut) for t, i, df, cut in self.db.execute(q, (json.dumps(terms),))}

    def ids_of(self, docs: list[int]) -> dict[int, str]:
        """``doc -> article id`` of ``docs``."""
        with self._guard("reading"):
            return dict(
                self._in_chunks("SELECT doc, id FROM articles WHERE doc IN ({marks})", docs)
            )

    def story_terms(self, term_ids: list[int]) -> dict[int, str]:
        """``id -> term`` of those of ``term_ids`` in the story vocabulary."""
        # One pass over the vocabulary (it has no index on id) probing the wanted set.
        q = "SELECT id, term FROM story_vocab WHERE id IN (SELECT value FROM json_each(?))"
        with self._guard("reading"):
            return dict(self.db.execute(q, (json.dumps(term_ids),)).fetchall())

    def story_vocab_rows(self) -> list[tuple[str, int, int, int]]:
        """Every ``(term, id, df, cut)`` of the story vocabulary."""
        with self._guard("reading"):
            return self.db.execute("SELECT term, id, df, cut FROM story_vocab").fetchall()

    def story_vocab_size(self) -> int:
        with self._guard("reading"):
            return self.db.execute("SELECT count(*) FROM story_vocab").fetchone()[0]

    def story_posting_parts(
        self, term_ids: np.ndarray
    ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The stored story postings of ``term_ids`` (sorted, distinct) as CSR parts
        ``(indptr, docs, weights)``, row ``k`` the entries of ``term_ids[k]``: one part for
        what the stories were computed anew with, one per update since. A doc's entries are
        in one part only, so a product with each part gives each of its cosines whole."""
        import numpy as np

        # One statement over a JSON list; the rows come by term (a term's parts of a store
        # before schema 9 in part order, each row a run of its entries).
        q = (
            "SELECT term, docs, weights FROM story_post "
            "WHERE term IN (SELECT value FROM json_each(?)) ORDER BY term, part"
        )
        with self._guard("reading"):
            rows = self.db.execute(q, (json.dumps(term_ids.tolist()),)).fetchall()
            updates = self.db.execute(
                "SELECT terms, ends, docs, weights FROM story_post_new ORDER BY part"
            ).fetchall()
        n = len(term_ids)

        def part(at: np.ndarray, sizes: np.ndarray, docs: bytes, weights: bytes) -> tuple:
            """A part whose runs of ``sizes`` entries belong to rows ``at`` (ascending)."""
            counts = np.bincount(at, weights=sizes, minlength=n).astype(np.int64)
            indptr = np.concatenate(([0], np.cumsum(counts)))
            return indptr, np.frombuffer(docs, dtype=np.int64), np.frombuffer(weights)

        terms = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        sizes = np.fromiter((len(r[1]) // 8 for r in rows), dtype=np.int64, count=len(rows))
        out = [
            part(
                np.searchsorted(term_ids, terms),
                sizes,
                b"".join(r[1] for r in rows),
                b"".join(r[2] for r in rows),
            )
        ]
        for terms_b, ends_b, docs_b, weights_b in updates:
            held = np.frombuffer(terms_b, dtype=np.int64)
            ends = np.frombuffer(ends_b, dtype=np.int64)
            at = np.searchsorted(held, term_ids)
            hit = at < len(held)
            hit[hit] = held[at[hit]] == term_ids[hit]
            k = at[hit]
            starts = np.where(k > 0, ends[k - 1], 0)
            sizes = ends[k] - starts
            # The hit terms' entries, in term order.
            take = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
            docs = np.frombuffer(docs_b, dtype=np.int64)[take]
            weights = np.frombuffer(weights_b)[take]
            out.append(part(np.flatnonzero(hit), sizes, docs.tobytes(), weights.tobytes()))
        return out

    def story_post_rows(self) -> list[tuple[int, int, bytes, bytes]]:
        """Every stored story posting as ``(term id, part, docs, weights)``, the updates'
        rows cut per term, sorted by term and part (for comparing stores, whatever their
        layout)."""
        import numpy as np

        with self._guard("reading"):
            out = self.db.execute("SELECT term, part, docs, weights FROM story_post").fetchall()
            updates = self.db.execute("SELECT * FROM story_post_new").fetchall()
        for part, terms_b, ends_b, docs_b, weights_b in updates:
            ends = np.frombuffer(ends_b, dtype=np.int64).tolist()
            for k, term in enumerate(np.frombuffer(terms_b, dtype=np.int64).tolist()):
                a, b = (ends[k - 1] if k else 0) * 8, ends[k] * 8
                out.append((term, part, docs_b[a:b], weights_b[a:b]))
        out.sort(key=itemgetter(0, 1))
        return out

    def story_vectors(self, docs: list[int]) -> list[tuple[int, bytes, bytes, bytes]]:
        """``(doc, held, focal, years)`` term-id blobs of those of ``docs`` stored, in doc
        order."""
        # One statement over all docs (an update reads about 36,000 at 100,000 articles). As
        # an IN list SQLite seeks the docs in their order and needs no sort for ORDER BY
        # doc: 0.085 CPU s, against 0.15 for a join on json_each kept in the list's order
        # (a temporary B-tree) and 0.21 in chunks of 500 placeholders made into a dict.
        q = (
            "SELECT doc, held, focal, years FROM story_vec "
            "WHERE doc IN (SELECT value FROM json_each(?)) ORDER BY doc"
        )
        with self._guard("reading"):
            return self.db.execute(q, (json.dumps(docs),)).fetchall()

    def story_pairs(self, docs: list[int] | None = None) -> list[tuple[int, int, float]]:
        """Stored scored pairs ``(a, b, score)`` with either end in ``docs`` (or all), sorted:
        of the computation anew and of the updates since."""
        import numpy as np

        if docs is None:
            with self._guard("reading"):
                out = self.db.execute("SELECT a, b, score FROM story_pair").fetchall()
        else:
            out = self._either_end("SELECT a, b, score FROM story_pair", docs)
        with self._guard("reading"):
            rows = self.db.execute("SELECT b, a, score FROM story_pair_new").fetchall()
        if rows:
            a, b, score = _pair_new_arrays(rows)
            if docs is not None:
                want = np.asarray(docs, dtype=np.int64)
                keep = np.isin(a, want) | np.isin(b, want)
                a, b, score = a[keep], b[keep], score[keep]
            out += zip(a.tolist(), b.tolist(), score.tolist(), strict=True)
            out.sort()
        return out

    def story_pairs_near(
        self, docs: list[int], others: list[int], larger_than: int
    ) -> tuple[list[tuple[int, int, float]], dict[int, tuple[int, int, int, int, int]]]:
        """The stored scored pairs ``(a, b, score)`` with an end in ``docs`` (as
        :meth:`story_pairs` has them, in no order) whose other end is one of ``others`` or in
        a group of more than ``larger_than`` articles; and :meth:`story_rows` of those other
        ends not in ``others``."""
        import numpy as np

        # The other end's row is read with each pair (a search by its doc), so the pairs
        # with the many articles of small groups never leave the store.
        arm = (
            "SELECT p.a, p.b, p.score, s.doc, s.story, s.grp, s.part, s.link, s.size "
            "FROM story_pair p JOIN story_of s ON s.doc = p.{other} "
            "WHERE p.{end} IN (SELECT value FROM json_each(?1)) "
            "AND (s.size > ?3 OR s.doc IN (SELECT value FROM json_each(?2)))"
        )
        q = arm.format(end="a", other="b") + " UNION ALL " + arm.format(end="b", other="a")
        with self._guard("reading"):
            rows = self.db.execute(q, (json.dumps(docs), json.dumps(others), larger_than))
            rows = rows.fetchall()
            updates = self.db.execute("SELECT b, a, score FROM story_pair_new").fetchall()
        # A pair with both ends in ``docs`` comes twice.
        out = list(dict.fromkeys(r[:3] for r in rows))
        ends = {r[3]: r[4:] for r in rows}
        if updates:
            a, b, score = _pair_new_arrays(updates)
            want = np.asarray(docs, dtype=np.int64)
            in_a, in_b = np.isin(a, want), np.isin(b, want)
            keep = in_a | in_b
            a, b, score, in_a = a[keep], b[keep], score[keep], in_a[keep]
            other = np.where(in_a, b, a).tolist()
            ends |= self.story_rows(sorted(set(other) - ends.keys()), larger_than)
            fine = ends.keys() | set(others)
            out += [
                (x, y, v)
                for x, y, v, o in zip(a.tolist(), b.tolist(), score.tolist(), other, strict=True)
                if o in fine
            ]
        mine = set(others)
        return out, {d: r for d, r in ends.items() if d not in mine and r[4] > larger_than}

    def story_pairs_within(self) -> list[tuple[int, int, float]]:
        """Stored scored pairs ``(a, b, score)`` of positive score whose two articles are in
        one stored story (what :func:`storytrace.stories.membership` reads)."""
        # A join on story_of's key: at 100,000 articles 1.7 CPU s for 2.2 million pairs,
        # where story_pairs(docs) over every grouped doc took 11.9 (IN-lists of 500).
        q = (
            "SELECT p.a, p.b, p.score FROM story_pair p JOIN story_of x ON x.doc = p.a "
            "JOIN story_of y ON y.doc = p.b WHERE x.story = y.story AND p.score > 0"
        )
        with self._guard("reading"):
            out = self.db.execute(q).fetchall()
            rows = self.db.execute("SELECT b, a, score FROM story_pair_new").fetchall()
        if rows:
            a, b, score = _pair_new_arrays(rows)
            keep = score > 0
            a, b, score = a[keep].tolist(), b[keep].tolist(), score[keep].tolist()
            story = {d: r[0] for d, r in self.story_rows(sorted(set(a) | set(b))).items()}
            out += [
                (x, y, v)
                for x, y, v in zip(a, b, score, strict=True)
                if x in story and story[x] == story.get(y)
            ]
        return out

    def story_rows(
        self, docs: list[int], larger_than: int = 0
    ) -> dict[int, tuple[int, int, int, int, int]]:
        """``doc -> (story, group, part, link, group size)`` for those of ``docs`` grouped (in
        a group of more than ``larger_than`` articles)."""
        q = (
            "SELECT s.doc, s.story, s.grp, s.part, s.link, s.size FROM json_each(?1) j "
            "JOIN story_of s ON s.doc = j.value WHERE s.size > ?2"
        )
        with self._guard("reading"):
            return {r[0]: r[1:] for r in self.db.execute(q, (json.dumps(docs), larger_than))}

    def story_rows_by(
        self, column: str, values: list[int]
    ) -> dict[int, tuple[int, int, int, int, int]]:
        """:meth:`story_rows` of every doc whose ``column`` (``part``, ``grp`` or ``link``)
        is one of ``values``."""
        col = {"part": "part", "grp": "grp", "link": "link"}[column]
        q = f"SELECT doc, story, grp, part, link, size FROM story_of WHERE {col} IN ({{marks}})"  # noqa: S608
        with self._guard("reading"):
            return {r[0]: r[1:] for r in self._in_chunks(q, values)}

    def group_sizes(self, groups: list[int]) -> dict[int, tuple[int, str]]:
        """``group -> (size, smallest article id)`` of stored average-link groups."""
        q = (
            "SELECT s.grp, count(*), min(a.id) FROM story_of s JOIN articles a ON a.doc = s.doc "
            "WHERE s.grp IN ({marks}) GROUP BY s.grp"
        )
        with self._guard("reading"):
            return {g: (n, i) for g, n, i in self._in_chunks(q, groups)}

    def quote_holders(self, keys: list[str]) -> dict[str, list[int]]:
        """Docs holding each of the quote ``keys`` (as :meth:`add_stories` stored them)."""
        q = "SELECT key, doc FROM quote_link WHERE key IN ({marks})"
        out: dict[str, list[int]] = {}
        with self._guard("reading"):
            for k, d in self._in_chunks(q, keys):
                out.setdefault(k, []).append(d)
        return out

    _EDGE_FACTS = (
        "SELECT a, b, verdict, json_extract(edge, '$.coverage.a'), "
        "json_extract(edge, '$.coverage.b'), json_extract(edge, '$.published.a'), "
        "json_extract(edge, '$.published.b') FROM edges"
    )

    def edge_facts(self, docs: list[int] | None = None) -> list[tuple]:
        """``(a, b, verdict, coverage_a, coverage_b, published_a, published_b)`` of the stored
        reuse pairs, every one or those with either end in ``docs``, sorted: what decides
        whether an edge puts its articles in one story (``stories.links_stories``)."""
        if docs is None:
            with self._guard("reading"):
                return sorted(self.db.execute(self._EDGE_FACTS).fetchall())
        return self._either_end(self._EDGE_FACTS, docs)

    def _either_end(self, select: str, docs: list[int]) -> list[tuple]:
        """Distinct rows of ``select`` (a pair table's ``a, b, ...``) with ``a`` or ``b`` in
        ``docs``, sorted: one indexed look-up per column. Each chunk comes sorted from
        SQLite, so the sort here merges runs (a sort of the rows in hash order cost more
        than reading them)."""
        docs = sorted(docs)
        out: list[tuple] = []
        with self._guard("reading"):
            for col in ("a", "b"):
                q = f"{select} WHERE {col} IN ({{marks}}) ORDER BY a, b"  # noqa: S608
                out.extend(self._in_chunks(q, docs))
        out.sort()
        return list(dict.fromkeys(out))

    def quotes_of(self, docs: list[int]) -> Iterator[tuple[int, int | None, str]]:
        """``(doc, utterance, content)`` of the quote rows of ``docs``, each doc's together
        in the order stored (text order)."""
        n = "utterance" if self._quote_evidence else "NULL"
        q = f"SELECT doc, {n}, content FROM quotes WHERE doc IN ({{marks}}) ORDER BY doc, rowid"  # noqa: S608
        with self._guard("reading"):
            yield from self._in_chunks(q, docs)

    def features_of(self, docs: list[int]) -> dict[int, str]:
        """Stored story features (JSON) of ``docs`` (none when stale)."""
        if self.features_stale():
            return {}
        q = "SELECT doc, value FROM features WHERE doc IN ({marks})"
        with self._guard("reading"):
            return dict(self._in_chunks(q, docs))

    def light_holders(
        self, table: str, keys: list[int], most: int
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """``(key, doc)`` arrays of every holder in ``table`` of those of ``keys`` held by two
        to ``most`` stored docs, and the list of those held by more (their holders unread)."""
        import numpy as np

        col = _KEYS[table]
        # One search per key and table, reading at most ``most + 1`` holders: counting the
        # holders first (:meth:`common_keys`) and reading the few-held keys' rows after
        # searched every key twice (at 100,000 articles 9,000 keys of 500 new articles
        # passed the key filter: 0.15 CPU s, against 0.09 this way).
        arms = ", ".join(
            f"(SELECT group_concat(doc) FROM (SELECT doc FROM {t} "  # noqa: S608
            f"WHERE {col} = j.value LIMIT ?2))"
            for t in (table, f"{table}_new")
        )
        q = f"SELECT j.value, {arms} FROM json_each(?1) j"  # noqa: S608
        rows = []
        with self._guard("reading"):
            for i in range(0, len(keys), HOLDER_KEYS):
                rows += self.db.execute(q, (json.dumps(keys[i : i + HOLDER_KEYS]), most + 1))
                # The pages these searches read stay resident through the memory map until
                # it is dropped: 1,000 new articles' keys at 100,000 held about 450 MB.
                self._unmap()
        held: list[int] = []
        counts: list[int] = []
        lists: list[str] = []
        many: list[int] = []
        for k, old, new in rows:
            docs = old if new is None else new if old is None else f"{old},{new}"
            if docs is None:
                continue
            n = docs.count(",") + 1
            if n > most:
                many.append(k)
            elif n > 1:
                held.append(k)
                counts.append(n)
                lists.append(docs)
        k_arr = np.repeat(np.asarray(held, dtype=np.int64), counts)
        d_arr = np.asarray(",".join(lists).split(",") if lists else [], dtype=np.int64)
        return k_arr, d_arr, many

    def common_keys(self, table: str, keys: list[int], more_than: int) -> dict[int, int]:
        """How many stored docs hold each of ``keys`` in ``table``, for the keys held by more
        than ``more_than`` (the others are left out: one query, no row per rare key)."""
        col = _KEYS[table]
        # A count per key and table (two primary-key range counts): cheaper than grouping
        # the rows of both tables.
        q = (
            f"SELECT value, n FROM (SELECT value, "  # noqa: S608
            f"(SELECT count(*) FROM {table} WHERE {col} = value) "
            f"+ (SELECT count(*) FROM {table}_new WHERE {col} = value) AS n "
            "FROM json_each(?1)) WHERE n > ?2"
        )
        with self._guard("reading"):
            return dict(self.db.execute(q, (json.dumps(keys), more_than)))

    def outlet_key_counts(self, keys: list[int], outlet: str) -> dict[int, int]:
        """How many articles of ``outlet`` hold each fingerprint of ``keys``.

        Outlets match exactly as stored; :mod:`storytrace.corpus` uses the counts to find
        an outlet's recurring furniture.
        """
        q = (
            f"SELECT p.k, count(*) FROM {_holding('postings', '')} p "  # noqa: S608
            "JOIN articles a ON a.doc = p.doc WHERE a.outlet = ?2 GROUP BY p.k"
        )
        with self._guard("reading"):
            return dict(self.db.execute(q, (json.dumps(keys), outlet)))

    def outlet_sizes(self, outlets: list[str]) -> dict[str, int]:
        """Articles per outlet of ``outlets`` (as stored), counted on the outlet index, not
        the whole store; an outlet with no article is left out."""
        q = "SELECT outlet, count(*) FROM articles WHERE outlet IN ({marks}) GROUP BY outlet"
        with self._guard("reading"):
            return dict(self._in_chunks(q, outlets))  # type: ignore[arg-type]

    def docs_holding(self, table: str, keys: list[int], before: int) -> dict[int, int]:
        """Docs numbered below ``before`` holding any of ``keys``, with how many they hold."""
        q = f"SELECT doc, count(*) FROM {_holding(table, 'AND doc < ?2')} GROUP BY doc"  # noqa: S608
        with self._guard("reading"):
            return dict(self.db.execute(q, (json.dumps(keys), before)))

    # --- the key filter (:data:`_KEY_FILTER`) ----------------------------------------------

    def last_doc(self) -> int:
        """The highest doc number stored (0 in an empty store)."""
        with self._guard("reading"):
            return self.db.execute("SELECT coalesce(max(doc), 0) FROM articles").fetchone()[0]

    def stamps(self, docs: list[int]) -> dict[int, tuple[str, str]]:
        """``doc -> (article id, content hash)`` of those of ``docs`` stored."""
        q = "SELECT doc, id, hash FROM articles WHERE doc IN (SELECT value FROM json_each(?))"
        with self._guard("reading"):
            return {d: (i, h) for d, i, h in self.db.execute(q, (json.dumps(docs),))}

    def docs_above(self, doc: int) -> list[tuple[int, str, str]]:
        """``(doc, id, content hash)`` of the docs numbered above ``doc``, in doc order."""
        with self._guard("reading"):
            q = "SELECT doc, id, hash FROM articles WHERE doc > ? ORDER BY doc"
            return self.db.execute(q, (doc,)).fetchall()

    def key_filter(self) -> KeyFilter | None:
        """The stored key filter with its parts, or None when there is none."""
        import numpy as np

        with self._guard("reading"):
            # One read transaction (unless inside a write one): the filter and its parts as
            # one writer left them.
            own = not self.db.in_transaction
            if own:
                self.db.execute("BEGIN")
            try:
                bloom = self.db.execute("SELECT upto FROM key_bloom").fetchone()
                words = b""
                if bloom is not None:
                    # Read into one bytes object: selected as a value, SQLite copies the 25 MB
                    # (at 100,000 articles) into a buffer of its own first, 0.045 CPU s of
                    # fresh pages against 0.019.
                    with self.db.blobopen("key_bloom", "words", 0, readonly=True) as blob:
                        words = blob.read()
                parts = self.db.execute(
                    "SELECT lo, upto, rows FROM key_part ORDER BY lo"
                ).fetchall()
            finally:
                if own:
                    self.db.execute("COMMIT")
        if bloom is None:
            return None
        upto, rows = bloom[0], []
        for lo, hi, blob in parts:
            if lo != upto:  # not contiguous (cannot happen, but then the rest is not covered)
                break
            rows.append(np.frombuffer(blob, dtype=np.int64))
            upto = hi
        return KeyFilter(np.frombuffer(words, dtype=np.uint64), upto, rows)

    def set_key_filter(self, upto: int, keys: np.ndarray) -> None:
        """Store a new key filter of ``keys``, every key of the docs up to ``upto``."""
        import numpy as np

        capacity = max(int(1.5 * len(keys)), 1 << 12)
        words = np.zeros(-(-capacity * KEY_BITS // 64), dtype=np.uint64)
        _bloom_add(words, keys)
        with self.transaction():
            self.db.execute("DELETE FROM key_part")
            self.db.execute(
                "INSERT OR REPLACE INTO key_bloom VALUES (0, ?, ?, ?, ?)",
                (upto, len(keys), capacity, words.tobytes()),
            )

    def add_key_part(self, lo: int, upto: int, rows: np.ndarray) -> None:
        """Store the key rows (:func:`key_rows`) of the docs in ``(lo, upto]`` as a part beside
        the key filter, when the filter covers the docs up to ``lo`` exactly (another writer
        may have moved it meanwhile: then nothing is stored; a later run adds them)."""
        import numpy as np

        with self.transaction():
            # What the filter covers, from the parts' bounds: its words (25 MB at 100,000
            # articles) are read only to fold the parts into it.
            bloom = self.db.execute("SELECT upto FROM key_bloom").fetchone()
            if bloom is None:
                return
            covered, n_parts = bloom[0], 0
            for p_lo, p_upto in self.db.execute("SELECT lo, upto FROM key_part ORDER BY lo"):
                if p_lo != covered:
                    break
                covered, n_parts = p_upto, n_parts + 1
            if covered != lo or upto <= lo:
                return
            self.db.execute("INSERT INTO key_part VALUES (?, ?, ?)", (lo, upto, rows.tobytes()))
            if n_parts < KEY_PARTS:
                return
            kf = self.key_filter()
            if kf is None:  # cannot happen: the filter was read in this transaction
                return
            n, capacity = self.db.execute("SELECT n, capacity FROM key_bloom").fetchone()
            keys = np.concatenate([_part_keys(p) for p in kf.parts])
            self.db.execute("DELETE FROM key_part")
            if n + len(keys) > 2 * capacity:  # too full to filter: built anew by a scan
                self.db.execute("DELETE FROM key_bloom")
                return
            words = kf.words.copy()
            _bloom_add(words, keys)
            self.db.execute(
                "UPDATE key_bloom SET upto = ?, n = ?, words = ?",
                (upto, n + len(keys), words.tobytes()),
            )

    def _in_chunks(self, sql: str, keys: list[int], *params: object) -> Iterator[tuple]:
        """Rows of ``sql`` run over ``keys`` 500 at a time (SQLite's limit on variables).

        ``{marks}`` in ``sql`` becomes the chunk's placeholders; ``params`` follow them.
        Each chunk's rows are separate (a GROUP BY groups within one chunk only).
        """
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(sql.format(marks=marks), [*chunk, *params])

    # --- quotes -----------------------------------------------------------------------------

    def _quote_columns(self) -> str:
        """The quote columns :data:`QUOTE_KEYS` reads (nulls for evidence a store before
        schema 10 does not have)."""
        evidence = (c if self._quote_evidence else f"NULL AS {c}" for c, _ in QUOTE_EVIDENCE)
        return ",".join(("start", "end", "kind", "speaker_name", "content", *evidence))

    def docs_with_quotes(self, docs: list[int]) -> list[int]:
        """Those of ``docs`` with a stored quote, in the order given."""
        q = "SELECT DISTINCT doc FROM quotes WHERE doc IN ({marks})"
        with self._guard("reading"):
            have = {d for (d,) in self._in_chunks(q, docs)}
        return [doc for doc in docs if doc in have]

    def quotes(self, doc: int) -> list[dict]:
        """The quote rows of ``doc`` in text order, as dicts keyed :data:`QUOTE_KEYS`."""
        with self._guard("reading"):
            cur = self.db.execute(
                f"SELECT {self._quote_columns()} FROM quotes WHERE doc=? ORDER BY start",  # noqa: S608
                (doc,),
            )
            return [dict(zip(QUOTE_KEYS, r, strict=True)) for r in cur]

    def all_quotes(self) -> Iterator[tuple[int, dict]]:
        """``(doc, quote row)`` of every stored quote, as :meth:`quotes` gives them."""
        with self._guard("reading"):
            cur = self.db.execute(f"SELECT doc,{self._quote_columns()} FROM quotes")  # noqa: S608
            for r in cur:
                yield r[0], dict(zip(QUOTE_KEYS, r[1:], strict=True))

    def quotes_stale(self) -> bool:
        """Whether the stored quotes are another extraction's (:data:`QUOTES_RULE`)."""
        return self.meta.get("quotes_rule") != QUOTES_RULE

    def requote_state(self) -> tuple[int, bool]:
        """Where extracting the stored articles' quotes again stopped (:data:`QUOTES_RULE`):
        the last doc done (-1: none) and whether any quote's words changed up to it."""
        parts = self.meta.get("requote", "").split()
        if len(parts) == 3 and parts[0] == QUOTES_RULE:
            return int(parts[1]), parts[2] == "1"
        return -1, False

    def texts_after(
        self, doc: int, limit: int, through: int | None = None
    ) -> list[tuple[int, str]]:
        """``(doc, text)`` of up to ``limit`` stored articles after ``doc`` (and up to doc
        ``through``, if given), in doc order."""
        last = (1 << 63) - 1 if through is None else through
        with self._guard("reading"):
            q = "SELECT doc, text FROM articles WHERE doc > ? AND doc <= ? ORDER BY doc LIMIT ?"
            return self.db.execute(q, (doc, last, limit)).fetchall()

    def replace_quotes(
        self, rows: Mapping[int, tuple[str, list[tuple]]], upto: int, changed: bool
    ) -> bool:
        """Store the quote rows of each doc of ``rows`` (``doc -> (its text, quote_rows of the
        text)``, :func:`storytrace.corpus.quote_rows`) in place of its stored ones, and that
        extraction again has got to doc ``upto``, in one transaction. True when some doc's
        quote words (each utterance's parts, in order) are not those stored, or ``changed``
        already was."""
        with self.transaction():
            docs = list(rows)
            old: dict[int, list[tuple]] = {d: [] for d in docs}
            for d, u, c in self.quotes_of(docs):
                old[d].append((u, c))
            held = {
                d
                for (d,) in self._in_chunks("SELECT doc FROM articles WHERE doc IN ({marks})", docs)
            }
            for d, (t, qs) in rows.items():
                if d not in held:
                    continue  # replaced meanwhile: its new version has its own quotes
                changed = changed or old[d] != [(r[4], t[r[0] : r[1]]) for r in qs]
                self.db.execute("DELETE FROM quotes WHERE doc=?", (d,))
                self.db.executemany(_INSERT_QUOTE, _quote_values(d, t, qs))
            state = f"{QUOTES_RULE} {upto} {int(changed)}"
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('requote', ?)", (state,))
        self.meta["requote"] = state
        return changed

    def finish_requote(self) -> None:
        """Mark every stored article's quotes as :data:`QUOTES_RULE`'s."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key='requote'")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('quotes_rule', ?)", (QUOTES_RULE,))
        self.meta.pop("requote", None)
        self.meta["quotes_rule"] = QUOTES_RULE


def _quote_values(doc: int, text: str, rows: Iterable[tuple]) -> Iterator[tuple]:
    """:data:`_INSERT_QUOTE`'s values for ``doc``'s quote rows (``quote_rows`` of ``text``):
    each row with its words cut from the text."""
    return ((doc, s, e, k, sp, text[s:e], *ev) for s, e, k, sp, *ev in rows)


def _pairs_by_later(pairs: Iterable[tuple[int, int, float]]) -> list[tuple[int, bytes, bytes]]:
    """Scored pairs ``(a, b, score)`` as ``story_pair_new`` rows: ``(b, a blob, score blob)``
    per ``b``, its ``a`` ascending."""
    import numpy as np

    rows = list(pairs)
    if not rows:
        return []
    a, b, score = (np.asarray(c) for c in zip(*rows, strict=True))
    order = np.lexsort((a, b))
    a, b, score = a[order].astype(np.int64), b[order], score[order].astype(np.float64)
    starts = np.flatnonzero(np.r_[True, b[1:] != b[:-1]])
    ends = np.r_[starts[1:], len(b)]
    return [
        (int(b[i]), a[i:j].tobytes(), score[i:j].tobytes())
        for i, j in zip(starts.tolist(), ends.tolist(), strict=True)
    ]


def _pair_new_arrays(rows: list[tuple]) -> tuple:
    """``story_pair_new`` rows ``(b, a blob, score blob)`` as three arrays ``a, b, score``:
    one pair per earlier partner ``a`` of each new article ``b``."""
    import numpy as np

    a = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.int64)
    score = np.frombuffer(b"".join(r[2] for r in rows))
    b = np.repeat([r[0] for r in rows], [len(r[1]) // 8 for r in rows])
    return a, b, score


def key_order(keys: np.ndarray, then: np.ndarray | None = None) -> np.ndarray:
    """``np.lexsort((then, keys))`` (``np.argsort(keys, kind="stable")`` without ``then``):
    the indices that sort ``keys`` (int64), equal keys by ``then``, then by index.

    numpy's stable sorts of 64-bit integers are merge sorts; its default sort (a vectorised
    quicksort on this machine's AVX-512) is four to five times as fast (280,000 look-up
    keys: 0.034 against 0.0075 CPU s) but leaves equal keys in any order. So the keys are
    sorted that way and only the runs of equal keys, few among hashes, sorted again stably.

    >>> import numpy as np
    >>> key_order(np.array([5, 2, 5, 2, 9]), np.array([1, 3, 0, 3, 0])).tolist()
    [1, 3, 2, 0, 4]
    """
    import numpy as np

    order = np.argsort(keys)
    ks = keys[order]
    tie = np.flatnonzero(ks[1:] == ks[:-1])
    if len(tie):
        # The places of every run of equal keys, in order: each run's places get its own
        # members, sorted as the stable sort would have them.
        at = unique_sorted(np.concatenate((tie, tie + 1)))
        sub = np.sort(order[at])
        order[at] = sub[np.lexsort((keys[sub],) if then is None else (then[sub], keys[sub]))]
    return order


def pairs_fit(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether every number of ``a`` and ``b`` (docs, rows) lies in ``[0, 2**31)``: a pair
    is then one int64, ``a << 32 | b``, ordered as ``(a, b)``."""
    return not len(a) or (min(a.min(), b.min()) >= 0 and max(a.max(), b.max()) < 1 << 31)


def pair_order(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Indices that sort the pairs ``(a[i], b[i])`` by ``a`` then ``b``, equal pairs in
    any order: the sort of one int64 per pair (numpy's vectorised sort) where they fit
    (:func:`pairs_fit`), about ten times as fast as ``np.lexsort((b, a))`` (1.8 million pairs:
    0.016 against 0.17 CPU s), which orders them so otherwise."""
    import numpy as np

    return np.argsort((a << 32) | b) if pairs_fit(a, b) else np.lexsort((b, a))


def _key_rows(keys: list[tuple[object, int]]) -> list[int]:
    """``(key, doc)`` rows of each doc's keys, in key order (then doc order), flat: ``[key,
    doc, key, doc, ...]`` (what :func:`_insert_pairs` binds). Key order turns random B-tree
    inserts into mostly sequential ones. Sorted as arrays, since sorting the rows as tuples
    cost five times as much."""
    import numpy as np

    if not keys:
        return []
    h = np.concatenate([np.asarray(k, dtype=np.int64) for k, _ in keys])
    d = np.repeat(np.asarray([d for _, d in keys], dtype=np.int64), [len(k) for k, _ in keys])
    order = key_order(h, d)
    flat = np.empty(2 * len(h), dtype=np.int64)
    flat[0::2], flat[1::2] = h[order], d[order]
    return flat.tolist()


def _interleave(keys: np.ndarray, docs: np.ndarray) -> list[int]:
    import numpy as np

    flat = np.empty(2 * len(keys), dtype=np.int64)
    flat[0::2], flat[1::2] = keys, docs
    return flat.tolist()


class KeyRuns:
    """The look-up keys of a first build's batches, kept in a temporary file until
    :meth:`Store.add_key_runs` stores them all in key order: each batch's ``(key, doc)``
    rows grouped by range of keys (:data:`RUN_RANGES` ranges), with where each range starts
    among them, so that a range is read back from every batch without the rest (memory
    holds one range's rows, about 1/:data:`RUN_RANGES` of all). The ranges' bounds are the
    first batch's key quantiles (winnowed shape keys are minima: keys are not spread
    evenly)."""

    RUN_RANGES = 32

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.bounds: dict[str, np.ndarray] = {}
        # Per table, per batch: the file offset of its keys, its row count, where each
        # range starts among its rows.
        self.runs: dict[str, list[tuple[int, int, np.ndarray]]] = {t: [] for t in _KEYS}
        self.docs: set[int] = set()
        # Per table, once sorted_keys has read it all: each range's offset and row count.
        self.sorted: dict[str, list[tuple[int, int]]] = {}

    def add(self, rows: dict[str, list[tuple[object, int]]]) -> None:
        """Keep each table's rows ``(keys, doc)`` (as :meth:`Store.add_many` gathers them)."""
        import numpy as np

        for table, pairs in rows.items():
            if not pairs:
                continue
            self.docs.update(d for _, d in pairs)
            keys = np.concatenate([np.asarray(k, dtype=np.int64) for k, _ in pairs])
            docs = np.repeat(
                np.asarray([d for _, d in pairs], dtype=np.int64), [len(k) for k, _ in pairs]
            )
            if table not in self.bounds:
                at = np.linspace(0, len(keys), self.RUN_RANGES + 1)[1:-1].astype(np.int64)
                self.bounds[table] = np.sort(keys)[np.minimum(at, len(keys) - 1)]
            # The rows grouped by range, not sorted by key: every range is sorted whole once
            # (sorted_keys), so sorting each batch's keys first (a merge sort of all 5.7
            # million rows at 20,000 articles, 0.8 CPU s) only ordered what is sorted again.
            # A row's range is the number of bounds at or below its key; numpy's stable sort
            # of those small numbers is a radix sort.
            at = np.searchsorted(self.bounds[table], keys, side="right").astype(np.uint8)
            order = np.argsort(at, kind="stable")
            keys, docs = keys[order], docs[order]
            starts = np.cumsum(np.bincount(at, minlength=self.RUN_RANGES))[:-1]
            self.file.seek(0, 2)
            self.runs[table].append((self.file.tell(), len(keys), starts))
            self.file.write(keys.tobytes())
            self.file.write(docs.tobytes())

    def sorted_keys(self, table: str) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """What :meth:`Store.sorted_keys` reads of a store holding these rows alone, in
        other ranges: ``(keys, docs)`` in key order (then doc order), a range at a time.
        The first complete pass sorts each range and keeps it sorted at the file's end, so
        the next (a first build stores the rows, then its scan reads them) only reads."""
        if table in self.sorted:
            for offset, n in self.sorted[table]:
                yield self._read(offset, n), self._read(offset + 8 * n, n)
            return
        done = []
        for keys, docs in self.ranges(table):
            order = key_order(keys, docs)
            keys, docs = keys[order], docs[order]
            self.file.seek(0, 2)
            done.append((self.file.tell(), len(keys)))
            self.file.write(keys.tobytes())
            self.file.write(docs.tobytes())
            yield keys, docs
        self.sorted[table] = done

    def ranges(self, table: str) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """``(keys, docs)`` of each range of keys in turn, from every batch (unsorted)."""
        import numpy as np

        none = np.zeros(0, dtype=np.int64)
        for r in range(self.RUN_RANGES):
            keys, docs = [none], [none]
            for offset, n, starts in self.runs[table]:
                lo = 0 if r == 0 else int(starts[r - 1])
                hi = n if r == len(starts) else int(starts[r])
                if hi > lo:
                    keys.append(self._read(offset + 8 * lo, hi - lo))
                    docs.append(self._read(offset + 8 * (n + lo), hi - lo))
            yield np.concatenate(keys), np.concatenate(docs)

    def _read(self, offset: int, count: int) -> np.ndarray:
        import numpy as np

        self.file.seek(offset)
        return np.frombuffer(self.file.read(8 * count), dtype=np.int64)

    def close(self) -> None:
        self.file.close()


PAIRS_PER_INSERT = 64
"""Rows per ``INSERT`` statement of :func:`_insert_pairs`."""


def _insert_pairs(db: sqlite3.Connection, table: str, flat: list[int]) -> None:
    """``INSERT OR IGNORE`` the two-column rows ``flat`` holds (``[a, b, a, b, ...]``) into
    ``table``, :data:`PAIRS_PER_INSERT` rows a statement: at 100,000 articles, storing 1,000
    new ones (178,000 look-up key rows) cost 0.32-0.40 CPU s with a tuple and a statement
    step per row, 0.20-0.21 this way."""
    per = 2 * PAIRS_PER_INSERT
    whole = len(flat) - len(flat) % per
    values = ",".join(["(?,?)"] * PAIRS_PER_INSERT)
    db.executemany(
        f"INSERT OR IGNORE INTO {table} VALUES {values}",  # noqa: S608
        (flat[i : i + per] for i in range(0, whole, per)),
    )
    if whole < len(flat):
        values = ",".join(["(?,?)"] * ((len(flat) - whole) // 2))
        db.execute(f"INSERT OR IGNORE INTO {table} VALUES {values}", flat[whole:])  # noqa: S608


def _insert_pairs_scored(db: sqlite3.Connection, rows: Iterable[tuple[int, int, float]]) -> None:
    """``INSERT OR REPLACE`` the ``story_pair`` rows ``(a, b, score)``, in order,
    :data:`PAIRS_PER_INSERT` rows a statement (as :func:`_insert_pairs`): a statement step
    per row was a third of storing 2 million pairs."""
    per = PAIRS_PER_INSERT
    values = ",".join(["(?,?,?)"] * per)
    rest: list = []

    def full() -> Iterator[list]:
        it = iter(rows)
        while True:
            chunk = list(chain.from_iterable(islice(it, per)))
            if len(chunk) < 3 * per:
                rest.extend(chunk)
                return
            yield chunk

    db.executemany(f"INSERT OR REPLACE INTO story_pair VALUES {values}", full())  # noqa: S608
    if rest:
        values = ",".join(["(?,?,?)"] * (len(rest) // 3))
        db.execute(f"INSERT OR REPLACE INTO story_pair VALUES {values}", rest)  # noqa: S608


_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F)
"""Odd 64-bit multipliers that spread keys over the filter's words and bits (fingerprints
are winnowed minima, so their own bits are not uniform)."""


def _bloom_slots(keys: np.ndarray, n_words: int) -> tuple[np.ndarray, np.ndarray]:
    """Each key's word in a filter of ``n_words`` words and its mask of :data:`KEY_PROBES`
    bits."""
    import numpy as np

    k = np.asarray(keys, dtype=np.int64).view(np.uint64)
    # In place into two scratch arrays: a new array per step (22 of them, 16 MB each for
    # a filter's 2 million keys at a time) cost a third of the time.
    with np.errstate(over="ignore"):
        word = k * np.uint64(_MIX[0])
        g = k * np.uint64(_MIX[1])
    word >>= np.uint64(32)
    word *= np.uint64(n_words)
    word >>= np.uint64(32)
    mask = np.zeros(len(k), dtype=np.uint64)
    bit = np.empty_like(mask)
    for i in range(KEY_PROBES):
        np.right_shift(g, np.uint64(58 - 6 * i), out=bit)
        bit &= np.uint64(63)
        np.left_shift(np.uint64(1), bit, out=bit)
        mask |= bit
    return word.view(np.int64), mask


def _bloom_add(words: np.ndarray, keys: np.ndarray) -> None:
    """Set the bits of ``keys`` in ``words`` (in place)."""
    import numpy as np

    for i in range(0, len(keys), 1 << 21):
        # Unbuffered: keys sharing a word all set their bits (an assignment keeps one).
        np.bitwise_or.at(words, *_bloom_slots(keys[i : i + (1 << 21)], len(words)))


def key_rows(keys: dict[str, np.ndarray], docs: dict[str, np.ndarray]) -> np.ndarray:
    """A key part's rows: for ``postings`` then ``lsh``, its rows' count, then their keys and
    docs sorted by key (int64)."""
    import numpy as np

    out = []
    for table in _KEYS:
        order = key_order(keys[table])
        out += [np.asarray([len(order)]), keys[table][order], docs[table][order]]
    return np.concatenate(out).astype(np.int64)


def _part_keys(rows: np.ndarray) -> np.ndarray:
    import numpy as np

    n = int(rows[0])
    m = int(rows[1 + 2 * n])
    return np.concatenate((rows[1 : 1 + n], rows[2 + 2 * n : 2 + 2 * n + m]))


class KeyFilter:
    """A stored key filter and its parts (:data:`_KEY_FILTER`): which keys of ``postings``
    and ``lsh`` the docs up to :attr:`upto` may hold, and which docs hold them."""

    def __init__(self, words: np.ndarray, upto: int, parts: list[np.ndarray]) -> None:
        self.words = words
        self.upto = upto
        self.parts = parts
        self._held: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def maybe(self, keys: np.ndarray) -> np.ndarray:
        """Whether each of ``keys`` may be held by a doc the filter was built or folded with
        (False: by none of them)."""
        at, mask = _bloom_slots(keys, len(self.words))
        return (self.words[at] & mask) == mask

    def add(self, rows: np.ndarray) -> None:
        """Count the docs of ``rows`` (:func:`key_rows`), numbered above :attr:`upto`, too."""
        self.parts = [*self.parts, rows]
        self._held.clear()

    def holders(self, table: str, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(key, doc)`` arrays: every doc of the parts holding one of ``keys`` in ``table``,
        by key then doc."""
        import numpy as np

        if table not in self._held:
            ks, ds = [], []
            for rows in self.parts:
                n = int(rows[0])
                if table == "lsh":
                    rows = rows[1 + 2 * n :]
                    n = int(rows[0])
                ks.append(rows[1 : 1 + n])
                ds.append(rows[1 + n : 1 + 2 * n])
            k = np.concatenate([np.zeros(0, dtype=np.int64), *ks])
            d = np.concatenate([np.zeros(0, dtype=np.int64), *ds])
            order = key_order(k, d)
            self._held[table] = (k[order], d[order])
        k, d = self._held[table]
        lo = np.searchsorted(k, keys, side="left")
        hi = np.searchsorted(k, keys, side="right")
        take = np.repeat(lo, hi - lo) + (
            np.arange(int((hi - lo).sum())) - np.repeat(np.cumsum(hi - lo) - (hi - lo), hi - lo)
        )
        return k[take], d[take]


def _holding(table: str, where: str) -> str:
    """A subquery of ``(k, doc)`` rows of ``table`` (``postings`` or ``lsh``) and its ``_new``
    twin whose key is in the JSON list bound to ``?1`` (and that meet ``where``): each table
    searched by its primary key (SQLite does not push the list into a union view)."""
    col = _KEYS[table]
    arms = (
        f"SELECT {col} AS k, doc FROM {t} WHERE {col} IN (SELECT value FROM json_each(?1)) {where}"
        for t in (table, f"{table}_new")
    )
    return "(" + " UNION ALL ".join(arms) + ")"


def _path_text(folder: str | os.PathLike[str]) -> str:
    """``str(pathlib.Path(folder))``, as messages name the store, without importing pathlib
    for the usual folder name: ``os.path.normpath`` writes a path the same way unless it
    holds a ".." component, which it would resolve and pathlib keeps."""
    text = os.fspath(folder)
    if ".." in text.replace("\\", "/").split("/"):
        from pathlib import Path

        return str(Path(text))
    return os.path.normpath(text)


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def _file_uri(path: str) -> str:
    """``pathlib.Path(path).resolve().as_uri()`` on POSIX (every byte but letters, digits
    and ``_.-~/`` percent-encoded), without pathlib and urllib.parse."""
    if os.name != "posix":
        from pathlib import Path

        return Path(path).resolve().as_uri()
    raw = os.fsencode(os.path.realpath(path))
    return "file://" + "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in raw)


def _check_header(path: str) -> None:
    """Refuse a file that is not SQLite before SQLite (or WAL mode) touches it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as e:
        raise InputError(f"{path}: cannot read the store ({_reason(e)})") from None
    if not head.startswith(b"SQLite format 3\x00"):
        raise InputError(f"{path}: not a storytrace store (not an SQLite file); left unchanged")
    if len(head) < 100:
        raise InputError(f"{path}: damaged store (truncated to {len(head)} bytes)")


def _connect(path: str, readonly: bool, any_thread: bool = False) -> sqlite3.Connection:
    # Autocommit mode: every write transaction is an explicit BEGIN IMMEDIATE.
    if not readonly:
        return sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    uri = _file_uri(path)

    def connect(mode: str) -> sqlite3.Connection:
        return sqlite3.connect(
            f"{uri}?{mode}",
            uri=True,
            timeout=BUSY_SECONDS,
            isolation_level=None,
            check_same_thread=not any_thread,
        )

    db = connect("mode=ro")
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL store in a folder this user cannot write (no -shm file to create):
        # nobody can be writing to it, so read it as an immutable file.
        db.close()
        db = connect("mode=ro&immutable=1")
    return db


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    # Not glibc: nothing to call (macOS has no malloc_trim; Windows' CDLL takes no None).
    except (AttributeError, OSError, TypeError):
        return None


def _trim_heap() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere
    nothing). SQLite allocates its page cache a page at a time from that heap: after
    ``PRAGMA shrink_memory`` freed 190 MB of it (20,000 articles), glibc kept all of it
    resident, since its free pages lie below memory still in use; trimmed, 385 -> 143 MB."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _reason(e: BaseException) -> str:
    return getattr(e, "strerror", None) or str(e) or type(e).__name__


def _message(path: str, doing: str, e: sqlite3.Error) -> str:
    name = getattr(e, "sqlite_errorname", "") or ""
    text = str(e)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return f"{path}: disk full while {doing}; everything committed before is kept"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return (
            f"{path}: store busy (another storytrace process is writing it); "
            "try again when it has finished"
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return f"{path}: damaged store ({text}); re-index into a new folder"
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return f"{path}: the store is read-only ({text})"
    if name.startswith("SQLITE_IOERR") or "I/O" in text:
        return f"{path}: I/O error while {doing} ({text}); everything committed before is kept"
    return f"{path}: store error while {doing} ({text})"
