"""Does ``same-story`` rest on evidence? Judged-related rates on ECB+ and PolNeAR pairs.

Run: ``nice -n 10 .venv/bin/python bench/evidence_bench.py [--data ../shared/data]``
(about 90 s CPU on 2 cores; twice that with ``--baseline-src``).

Pairs (research data under ``../shared/data``, read at run time, never copied):

* **same event, different outlets** (ECB+, odd topics in the shared copy): two
  ``ecbplus`` documents of one event whose URLs name different hosts;
* **other event, same topic** (ECB+): an ``ecb`` and an ``ecbplus`` document of
  one topic (each topic holds two events of the same kind: two earthquakes, two
  rehab check-ins);
* **same publisher, different stories** (PolNeAR): two articles of one publisher
  published at least three days apart whose titles share no content word.

"Related" means any verdict but ``unrelated`` from :func:`storytrace.align.compare`
(bulk options: no quote or spin analysis, as ``index`` runs it). Pairs are
sampled with a fixed seed (at most ``PER_EVENT`` per event, ``PER_TOPIC`` per
topic). ECB+ topics are split: topics 1, 5, 9, ... (``topic % 4 == 1``) are the
**tune** part the evidence constants were set on; topics 3, 7, 11, ... are
**measure-only**. PolNeAR: train was used for tuning, dev is measure-only.

Baselines in the same run: the rule before evidence ("old rule": any shared
passage, or at least three shared capitalised words/numbers making 20% of the
smaller side's), and with ``--baseline-src DIR`` ("previous") the evidence
rules of an older checkout (``git worktree add /tmp/old <commit>``) on the same
pairs, with rule-based entities (this script run again with ``DIR/src`` first
on the path). Entities: ``--entities rules|spacy|both`` runs the evidence rules
with the rule-based names, spaCy's entities (``STORYTRACE_ENTITIES``), or both
side by side. ``--part tune`` while developing, with ``--errors`` to print the
tune part's wrongly judged pairs and ``--per-event/--per-topic`` for a larger
tune sample; the measure-only part once, at the end.

Targets (issue 12): same event >= 90% related, other event <= 10%, same
publisher <= 2%.

A second tune source, BBC News pairs labelled same event / other event by reading them,
is ``bench/evidence_bbc.py`` (it judges its pairs with :func:`judge`; session 42 and on,
its table is there).

Session 47 (2026-12-05, dates47): ``compare`` reads the publication dates its inputs carry
(JSONL ``published``/``date``, HTML date metadata) and, when they lie more than
``dates.STORY_DAYS`` apart, names and words alone make no ``same-story`` (rule
``published-apart``; ``stories`` keeps such a pair apart by the same ``dates.far_apart``). The
pairs of this bench are plain texts: ECB+ has no publication dates at all (neither ``ecb`` nor
``ecbplus`` documents), so every ECB+ row is unchanged, and so is every PolNeAR row judged as
texts. Two tune rows are new: the PolNeAR train pairs compared as dated records (``  same,
dated records``, ``  same cast, dated records``). Keep rule, written before measuring: every
existing row equal to main's, lone and in a corpus; the dated rows not above main's (held).
``PYTHONPATH=src nice -n 10 python bench/evidence_bench.py --data /work/shared/data --part
tune --entities rules --baseline-src /tmp/dates47/base`` (``git archive`` of main 91d5249;
147 s CPU, load 6-7)::

    pairs                          part            n    rules previous  corpus prev corpus
    ECB+ same event, other outlet  tune          132    0.886    0.886   0.917       0.917
    ECB+ other event, same topic   tune          132    0.045    0.045   0.023       0.023
    PolNeAR same publisher         tune (train)  150    0.000    0.000   0.000       0.000
      same, dated records          tune (train)  150    0.000    0.000   0.000       0.000
    PolNeAR other event, same cast tune (train)  156    0.295    0.295   0.141       0.141
      same, corpus with dates      tune (train)  156    0.295    0.295   0.019       0.019
      same cast, dated records     tune (train)  156    0.058    0.295   0.019       0.019

On the dated same-cast pairs (other events of one cast, more than 14 days apart)
``published-apart`` decides 123 of 156; the 9 still related share a quote (3) or a detail
beside their names (same-focus 3, same-lead 3). A lone ``compare`` of dated records now comes
near ``stories`` on them (0.058 against 0.019 in the dated corpus; main 0.295). Same publisher,
dated: published-apart 105, none 40, different-place 3, different-subject 2 (main decided the
same pairs by different-subject 92, none 46, ...; 0.000 either way). No measure-only part was
run: the change touches no undated pair, and the dated rows are tune-only.

Session 45 (2026-12-04, event45): the cosine of the two bodies' content words other than names
(general rarity, or a corpus IDF) as a test on the name rules, counted on the tune pairs (BBC,
ECB+ at 40 per event and topic and every pair) and not built: no threshold removes an ECB+
other-event relation without losing at least as many same-event ones (a corpus IDF with the
names kept removes only relations of 13_4ecbplus, the opinion piece related in truth); the
table is in ``bench/evidence_bbc.py``.

Session 44 (2026-12-04, event44): ``shared-vocabulary`` needs the two leads to share a word
(engine reuse-24); its same-run table, ECB+ and PolNeAR rows included, is in
``bench/evidence_bbc.py`` (BBC tune other event 0.366 -> 0.338; every ECB+ and PolNeAR rate,
tune and measure-only, lone and in a corpus, as main's).

Session 43 (2026-12-04, story43): a shared quote needs 5 words printed alike inside quotation
marks on both sides (engine reuse-20); its same-run table, ECB+ and PolNeAR rows included, is
in ``bench/evidence_bbc.py`` (every ECB+ rate as main's; PolNeAR dev same publisher 0.007 ->
0.000). What the related other-event tune pairs rest on, every tune pair, lone, main 23ff22d
(68 of 1,704): topic 9, 27 (the rule and its reversal: 3 ``shared-passage`` on a background
sentence, 24 name rules); topic 25, 20 (name rules, 1 ``same-event``; 3 kept off the caveat by
a bare count, "14" or "16"); topic 13, 11 (all with 13_4ecbplus, the opinion piece recalling
the church fire; in 9 the lead place "Alaska" is a detail); topic 5, 10 (name rules; 2 with
bare figures, "14", "139"). Counted on the tune pairs and not built (none separates the two
kinds of pair): (1) headlines sharing no word but names (non-name content words, stemmed) as a
sign of two events: none of the 27 related BBC other-event pairs shares one, but neither do 18
of the 26 related BBC same-event pairs, nor 104 of 685 related ECB+ same-event pairs with two
headlines; (2) an article with a whole date in its header against an undated one whose every
year lies 2 or more years earlier, vetoing a name rule: 22 other-event name-rule relations, and
19 same-event ones (topic 29's background "2008" in a 2012 report, topic 41's "1983, 2005");
(3) a bare number (no unit, currency or decimal; or one under 100) no event detail, so that
``different-subject`` may fire: ECB+ same event 757 -> 755, other event 68 -> 68, BBC other 27
-> 26; (4) the subject test read in the headline and first lead sentence, not three: on caveat
relations 19 same-event and 2 other-event ECB+ pairs flip (two sentences: 2 and 2); (5) place
words misread from a noun's modifier ("trade in Gazprom shares", "at Cruz's rally") keep the
detail flag on, but with them gone no subject conflict fires on any related other-event pair,
so no verdict would move.

Session 40 (2026-12-03, ecb12n): name rarity from the corpus, counted on the tune part and
not built (no measure-only run). Inside a corpus (the "corpus" column,
``corroborate.judge_pairs``) a name word could weigh less the more articles of the corpus carry
it. Counted on every ECB+ tune pair in the tune corpus (271 articles, the stories ``index``
makes of them unchanged), the lone compares inside ``judge_pairs`` weighing each name word (in
every use of ``names.rarity`` in ``evidence``) by its corpus document frequency ``df`` (``n``
articles) beside its rarity; "alone" is that compare without corroboration (a scratch script
replacing ``evidence.rarity``; main 9c32835 is the first row):

| name weight | same, all pairs | other, all pairs | same, 40 | other, 40 | alone 40, same / other |
| --- | ---: | ---: | ---: | ---: | ---: |
| rarity (main) | 784 of 868 | 36 of 1,704 | 0.909 | 0.027 | 0.868 / 0.050 |
| min(rarity, 1 - ln df / ln n) | 742 | 5 | 0.873 | 0.005 | 0.807 / 0.023 |
| rarity x (1 - ln df / ln n) | 718 | 5 | 0.839 | 0.005 | 0.761 / 0.014 |
| rarity x max(0, 1 - df / (0.1 n)) | 700 | 5 | 0.820 | 0.005 | 0.739 / 0.011 |
| the same, 0.2 n | 734 | 5 | 0.852 | 0.005 | 0.795 / 0.018 |
| the same, 0.4 n | 766 | 9 | 0.886 | 0.011 | 0.832 / 0.032 |
| min(rarity, 1 - ln sdf / ln s), sdf of the 23 stories | 779 | 38 | 0.907 | 0.027 | 0.848 / 0.048 |

All 36 other-event pairs related in the corpus are topic 9's (the rule of December 2008 and
its reversal, a follow-up, read as such since session 37), and every variant that removes them
does so by weakening the whole topic: their shared names are the same-event pairs' names
("Bush" in 46 articles, "Endangered" and "Species" in 21; median document frequency of the
shared names of rarity >= 0.5: 21 for the other-event pairs, 11 for the same-event ones, but
the largest, in its median pair, is 46 for both in topic 9). The first variant loses 53
same-event pairs (topic 1, 33: the rehab check-ins, "Lohan" in 23 articles; topic 9, 19; topic
21, 1) and gains 11. A
name's document frequency in a corpus grows with how much its story is reported, so it weakens
the biggest stories rather than the cast two events share; counted in stories rather than
articles it moves nothing useful (5 same-event pairs fewer, 2 other-event more, topic 25).
Outside topic 9 no tune other-event pair is related in the corpus, so the tune part gives
nothing else for a corpus weight to remove. On PolNeAR train's same-cast pairs (other
events, in its 840 articles) the first variant relates 21 of 156 in the corpus (24 with
rarity) and 32 alone (46). The keep rule (tune other down and same not down by
more than 0.005) fails for every variant; nothing was built and the measure-only part was not
run. Lines unchanged (main 9c32835).

Session 40 (2026-12-03, ecb12m): ``different-subject``. Names alone, about different
subjects, are two events: when two articles share rare names (1.0) and nothing else (no quote,
figure, calendar date or clock time, lead place or counting passage), and the name each is most
about (highest salience among name words of rarity 0.5 or more, ``evidence.SUBJECT_RARITY``) is
missing from the other's headline and lead, the pair is ``unrelated`` ("Reggie Bush" against
"Pierre Thomas", each put on injured reserve, each article naming the other player further
down). It sits with the conflicts and outweighs the strong ``same-focus`` too; not
``same-event`` or a rule with an event detail. Engine ``reuse-15``.

What decided the related tune pairs (every ECB+ tune pair, lone, main 2c9f2c7: 758 of 868
same-event, 81 of 1,704 other-event), and whether an event detail (quote, figure, date, clock
time, lead place, counting passage) is shared, as same with / same without / other with /
other without: ``same-focus`` 335 / 46 / 18 / 30; ``same-lead`` 7 / 5 / 5 / 17;
``shared-vocabulary`` 6 / 4 / 0 / 7; ``same-event`` 3 / 2 / 0 / 1; ``names-and-date`` 160 / 0 /
0 / 0; ``names-and-time`` 6 / 0 / 0 / 0; ``shared-quote`` 56 / 0 / 0 / 0; ``shared-passage`` 2 / 0
/ 3 / 0; coverage verdicts 122 / 4 / 0 / 0. Requiring a detail of the names-only relations
(the issue's "rare shared names plus matching event details"), every tune pair: for all three
name rules, same 758 -> 703 and other 81 -> 27; for ``same-lead`` and ``shared-vocabulary``
only, 749 and 57; below ``FOCUS_STRONG``, 739 and 39 (40 per event/topic: same 0.870 -> 0.795,
0.857, 0.848; other 0.061 -> 0.018, 0.050, 0.034). Not built: each costs about as many
same-event points as it gains other-event ones. 15 of the 19 same-event pairs lost below
``FOCUS_STRONG`` are two dated moments ECB+ files under one event (the memorandum of 4 March and
the repeal of 28 April; a check-in and a move to another clinic; an arrest and a verdict; a
plea and a conviction), which share people and no detail by nature; 4 are a one-line report
("Fired Jim O'Brien, coach") against reports writing "was fired", "canned", "relieved of his
duties". Matching details more loosely recovers little: a small number with its noun ("two
counts") is shared by 3 same-event and 0 other-event names-only pairs, the same weekday in
both leads by 3 and 6 (topic 25's two players were both put on injured reserve on a
Wednesday), a state shared beside different towns ("Rancho Mirage, Calif." / "Malibu, Calif.")
joins two clinics. Corpus document frequency of names was not tried. Of the other-event
relations, topic 9's (the rule of December 2008 against its reversal of March-April 2009, e.g.
9_9ecb ~ 9_8ecbplus, 9_10ecb ~ 9_10ecbplus) are a follow-up of one running story and topic
13's with 13_4ecbplus (an opinion piece recounting the 2008 church fire) truly related; gold
unchanged.

The subject test, counted on those relations before it was built: of the 55 same-event and
54 other-event names-only ones, 1 and 13 have subjects each missing from the other's lead; of
the relations with a detail, 52 same-event and 1 other-event (so it is not applied there).
SUBJECT_RARITY 0.3 to 0.5 judge alike; from 0.55, 8 same-event pairs are lost. Every tune pair
after the change: same 758 -> 757 (9_6ecbplus ~ 9_9ecbplus: "Bush" against "Endangered"),
other 81 -> 68 (topic 9, 6; topic 25, 6; topic 37, 1: "Manokwari" against "Aceh", two
earthquakes). Keep rule, written 22:21 UTC before the measure-only run: at 12 and 40 per
event/topic, lone, other event not above main and same event at most 1 pair below it and at
least 0.90; in a corpus, other not above main and same at most 2 pairs below; PolNeAR at most
0.02; ``bench/ecbplus.py`` ARI >= 0.90, B3 F1 >= 0.93; the seeds ``same-story`` by a shared
quote. Command: ``PYTHONPATH=src nice -n 5 python bench/evidence_bench.py --data
/work/shared/data --entities rules --baseline-src /tmp/ecb12m/base`` (a ``git archive`` of main
2c9f2c7) with ``--part tune --per-event 40 --per-topic 40`` (49 s CPU), then once ``--part
measure --per-event 12|40 --per-topic 12|40`` (8-9 s CPU each); measure-only errors not read.
All held: kept.

| pairs | part | n | main | this | corpus main | corpus this |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| ECB+ same event, other outlet | tune, 40/event | 440 | 0.870 | 0.868 | 0.918 | 0.909 |
| | measure, 12/event | 115 | 0.930 | 0.930 | 0.887 | 0.887 |
| | measure, 40/event | 367 | 0.926 | 0.926 | 0.918 | 0.918 |
| ECB+ other event, same topic | tune, 40/topic | 440 | 0.061 | **0.050** | 0.030 | 0.027 |
| | measure, 12/topic | 120 | 0.175 | **0.167** | 0.125 | **0.108** |
| | measure, 40/topic | 400 | 0.198 | **0.193** | 0.155 | **0.147** |
| PolNeAR same publisher | tune (train) | 150 | 0.007 | 0.007 | 0.000 | 0.000 |
| | measure (dev) | 150 | 0.007 | 0.007 | 0.007 | 0.007 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.308 | 0.295 | 0.160 | 0.154 |

The tune corpus column loses 4 same-event pairs, all with 5_9ecbplus, which ECB+ files under
the firing of 2005 but is about a player's new contract ("Sixers to sign Dalembert"): its
relation to 5_2ecbplus (same host, so in no drawn pair) became ``different-subject``
("Dalembert" against "Mo Cheeks"), and its overlap with the story fell below 0.3.
``bench/ecbplus.py``: identical to main (all odd topics ARI 0.917, B3 F1 0.948). Lines after
session 40: other event at most 0.10 nowhere (lone 0.167 / 0.193, corpus 0.108 / 0.147); same
event 0.930 / 0.926 lone, 0.887 / 0.918 in a corpus.

Session 39 (2026-12-03, ecb12l): event details matched across formats. (1) Whole dates
written year first with dots or spaced separators ("2012. 08. 08", "Released 2013 - 09 - 28"
as a tokenised page prints them) are dates (``dates.calendar_dates``). (2) A figure both
articles give (the victim's age, the street: "59", "117th") with dates within a week makes
``names-and-date`` from names of 0.5 (``evidence.DATED_FIGURE_NAMES_MIN``; "Queens" 0.65).
(3) ``names-and-time``: shared rare names (0.9) and the same clock time to the minute below
both headlines ("the fire was reported at 3: 33 a. m." / "at 3:33 a.m."), after the conflicts.
Every ECB+ tune pair (868 same-event, 1,704 other-event), PolNeAR train 150 + 156, compared one
by one against main 1620eb9: same event 750 -> 754 (1, 2) -> 758 (3), nothing else moved;
1,500 BBC same-category pairs: no verdict moved. Keep rule, written 19:56 UTC before the
measure-only runs: at 12 and 40 per event/topic, lone and in a corpus, same event not lower
than main's, other event at most main's plus one pair, PolNeAR at most 0.02,
``bench/ecbplus.py`` all odd topics ARI >= 0.90 and B3 F1 >= 0.93 (it gives main's figures:
0.917 / 0.948; ``stories.cluster`` reads no evidence). Command: ``PYTHONPATH=src nice -n 5
python bench/evidence_bench.py --data /work/shared/data --entities rules --baseline-src
<git archive of main 1620eb9>`` with ``--part tune --per-event 40 --per-topic 40`` (57 s CPU,
load 7-9), then once ``--part measure --per-event 12|40 --per-topic 12|40`` (9 s CPU each);
measure-only errors not read. Kept:

| pairs | part | n | main | this | corpus main | corpus this |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| ECB+ same event, other outlet | tune, 40/event | 440 | 0.859 | 0.870 | 0.914 | 0.918 |
| | measure, 12/event | 115 | 0.896 | **0.930** | 0.887 | 0.887 |
| | measure, 40/event | 367 | 0.913 | **0.926** | 0.916 | 0.918 |
| ECB+ other event, same topic | tune, 40/topic | 440 | 0.061 | 0.061 | 0.030 | 0.030 |
| | measure, 12/topic | 120 | 0.175 | 0.175 | 0.133 | **0.125** |
| | measure, 40/topic | 400 | 0.198 | 0.198 | 0.165 | **0.155** |
| PolNeAR same publisher | tune (train) | 150 | 0.007 | 0.007 | 0.000 | 0.000 |
| | measure (dev) | 150 | 0.007 | 0.007 | 0.007 | 0.007 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.308 | 0.308 | 0.160 | 0.160 |

Lines after session 39: same event at least 0.90 lone at 12 and 40 per event (0.930 / 0.926),
in a corpus at 40 (0.918), not at 12 (0.887: 11 pairs in other stories); other event at most
0.10 nowhere (lone 0.175 / 0.198, corpus 0.125 / 0.155); PolNeAR 0.007.

What the tune errors are (every tune pair, after the change). Same event judged unrelated,
110 of 868: 58 whose own header dates lie more than a week apart (topic 1, 33: the check-in
of 2 May and the move to another clinic of 13 June; topic 13, 12: the fire of August 2012
against an opinion piece of November 2012 and an indictment of August 2013; topic 9, 7: the
memorandum of 4 March against the rule's repeal of 28 April; topic 5, 5; topic 33, 1): ECB+
files two dated events under one, and no rule should join them; 27 with shared names of 1.0
or more and no shared detail (topic 41, 5: a day written without its year, "Thursday,
November 10th", against "11 November 2011", session 36's rule, not brought back; topic 5, 8;
topics 9, 21, 13, 29, 45, 1: 14); 20 with names under 1.0
(topic 21, 12: a one-sentence report naming only "Queens"; topic 5, 7: "O'Brien" alone); 5 by
``different-place`` (topic 1, 4, the two clinics of the two dates). Other event judged related,
81 of 1,704, all but 4 by the name rules (3 ``shared-passage``, 1 ``same-event``): topic 9, 33
(the rule of December 2008 and its reversal in March-April 2009: a follow-up of one running
story, which ``same-story`` covers on purpose, e.g. 9_9ecb ~ 9_8ecbplus, 9_10ecb ~
9_10ecbplus); topic 13, 11, every one with 13_4ecbplus, an opinion piece that recounts the
2008 church fire of the other event ("It was probably chance when the Wasilla Bible Church
was burned"): related, truly; topic 25, 26 (two Saints running backs put on injured reserve,
2008 and 2011: the same team and coach), topic 5, 10 (the coach fired in 2008 and hired in
2005), topic 37, 1: the same people, another event. The undated side of every one of those 81
is ECB+'s older ``ecb`` article, so no date conflict can fire. Counted and not built: a lead
year on one side against the other's body years 2+ years away vetoing a name rule (31 of the
81 other-event relations, but 19 of the same-event ones: background years, "the first time
since 2008"); figures as a join without dates (names of 1.0 and a shared figure: 10 same-event
and 174 other-event unrelated pairs would join, the sports topics' statistics; a figure in both
leads: 3 and 15).

Session 38 (2026-12-03, the lead, final main f5fc2d8, quiet machine): ``--part measure
--per-event 12|40 --per-topic 12|40 --baseline-src <89d5d80>/src``: ECB+ same event 0.896 at 12
(89d5d80 0.887; spaCy entities 0.904) and 0.913 at 40 (0.910); in corpus 0.887 (0.887) and
0.916 (0.910); other event 0.175 (0.175) and 0.198 (0.195); in corpus 0.133 (0.133) and 0.165
(0.170); PolNeAR same publisher 0.007 (0.007). Targets: same event >= 0.90 met at 40, not at 12
(103 of 115: one pair short); other event <= 0.10 not met. ``--baseline-src`` now takes a tree
or its ``src`` and stops on a path holding neither: given ``<tree>/src`` it had read
``<tree>/src/src``, found nothing and measured the installed code as "previous" without a word
(so a "previous" column run that way, as in session 37's final note, showed this code twice).

Session 38 (2026-12-03, sym12k): ``compare(a, b)`` is ``compare(b, a)`` mirrored (issue 12,
``docs/verdict.md`` "Argument order"; ``bench/symmetry.py``: over every ECB+ tune pair 289 of
3,411 pairs told another story by order at main 89d5d80, 30 of them another verdict; now 0).
The ``ecb`` document first, as this bench orders a pair, no longer matters. Keep rule, written
before the measure-only runs: keep if, at 12 and at 40 per event/topic, lone and in corpus,
same event is at least main's minus one pair and other event and same publisher at most
main's plus one pair. Tune (``--part tune --entities rules --baseline-src <main 89d5d80>``,
same pairs, same run; load 11-16 on 2 cores):

| pairs | part | n | now | main | corpus now | corpus main |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| ECB+ same event, other outlet | tune | 132 | 0.886 | 0.886 | 0.924 | 0.924 |
| | tune, 40 per event | 440 | 0.859 | 0.859 | 0.914 | 0.914 |
| ECB+ other event, same topic | tune | 132 | 0.053 | 0.053 | 0.023 | 0.023 |
| | tune, 40 per topic | 440 | 0.061 | 0.064 | 0.030 | 0.030 |
| PolNeAR same publisher | tune (train) | 150 | 0.000 | 0.000 | 0.000 | 0.000 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.308 | 0.308 | 0.160 | 0.160 |
| ECB+ same event, other outlet | measure-only | 115 | 0.896 | 0.887 | 0.887 | 0.887 |
| | measure-only, 40 per event | 367 | 0.913 | 0.910 | 0.916 | 0.910 |
| ECB+ other event, same topic | measure-only | 120 | 0.175 | 0.175 | 0.133 | 0.133 |
| | measure-only, 40 per topic | 400 | 0.198 | 0.195 | 0.165 | 0.170 |
| PolNeAR same publisher | measure-only (dev) | 150 | 0.007 | 0.007 | 0.007 | 0.007 |

The PolNeAR same-publisher tune row at 40 (another draw: one random generator) is 0.007
both. The measure-only rows are against main 5535474 (``--baseline-src``; its evidence
is 89d5d80's); at 40 other event is one pair more lone (79 against 78 of 400) and two fewer in
corpus, same event one and two pairs more: within the rule, kept.
The pairs that moved on the measure part were not read. A first ``--per-event 40`` measure run
was started by mistake from /work/main (main's code against main): it tells nothing of this
change and was not read for choosing.

Session 37 (2026-12-03, caveat12k): ``evidence.caveat``, "same people only: ...", on a
``same-story`` verdict a name rule (``same-focus``, ``same-lead``, ``shared-vocabulary``) decided
with no shared quote, figure, calendar date, lead place or counting passage. No verdict or rule
moved: every row equals main's (7bba419, ``--baseline-src``, same pairs, same run), and so does
every tune pair's verdict and rule (12 per event/topic and every tune pair, compared one by one).
"with caveat" (printed after the rules fired) counts the related pairs that carry it. Command:
``nice -n 5 .venv/bin/python bench/evidence_bench.py --part tune --entities rules --no-corpus
--baseline-src /tmp/base`` (6 s CPU; ``--per-event 40 --per-topic 40``, 7 s; every tune pair,
``--per-event 1000 --per-topic 1000``, 8 s; ``--part measure``, 4 s, run once, after the tune
checks; the PolNeAR rows are the default draw's):

| pairs | part | n | related (= main) | with caveat |
| --- | --- | --- | --- | --- |
| ECB+ same event, other outlet | tune | 132 | 0.886 (117) | 10 |
| | tune, 40 per event | 440 | 0.859 (378) | 34 |
| | tune, every pair | 868 | 0.864 (750) | 56 |
| | measure-only | 115 | 0.887 (102) | 2 |
| ECB+ other event, same topic | tune | 132 | 0.053 (7) | 4 |
| | tune, 40 per topic | 440 | 0.064 (28) | 16 |
| | tune, every pair | 1,704 | 0.048 (82) | 48 |
| | measure-only | 120 | 0.175 (21) | 9 |
| PolNeAR same publisher | tune (train) / measure (dev) | 150 / 150 | 0.000 / 0.007 | 0 / 0 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.308 (48) | 34 |

On every ECB+ tune pair the name rules relate 410 same-event and 76 other-event pairs; a shared
lead place alone keeps the caveat off 37 and 11 of them, shared figures alone off 16 other-event
ones (in 6 the one figure is "76ers", a team's name read as a figure: topic 5's coach fired in
2008 and hired in 2005, which get no caveat). Of the 48 other-event pairs with it, 24 are topic
9's reversal of a rule (a follow-up, as the caveat says) and 20 topic 25's two running backs.

Session 37, the lead: a figure carries only a unit glued to its digits (``names._UNITS``;
"76ers", "3G" are no figures). Keep rule written first (no measure rate worse than main
fe937b8, lone or in a corpus, at 12 and 40). ``--part tune --per-event 40 --per-topic 40
--baseline-src <fe937b8>`` (93 s CPU): every rate equal (0.859 / 0.064 / 0.007 / 0.308; corpus
0.914 / 0.030 / 0.000 / 0.160), the caveat on 36 same-event and 19 other-event related pairs
(34 and 16 at fe937b8). Then once ``--part measure --per-event 12|40 --per-topic 12|40
--baseline-src <fe937b8>``: every rate equal to fe937b8's (same event 0.887 / 0.910, other
event 0.175 / 0.195, corpus 0.887 / 0.133 and 0.910 / 0.170, PolNeAR 0.007): kept.

Session 37 (2026-12-03, ecb12j): no rule changed, so no measure-only run. Two questions asked
on the tune topics only. First, why session 36's day rule moved the corpus column: over every
tune pair (868 same-event of different outlets, 1,704 other-event, not a sample) and every pair
of one story, the rule (44599cb on main 9287551) made 12 new lone relations, all same-event,
and no other; in a corpus same event stayed 787 and other event went 44 -> 43.
``bench/corroborate_probe.py`` adds random same-event relations to the stories: in no draw (6,
12 or 24 new relations, 50 draws each) did an other-event pair become related; every same-event
relation takes the other-event count to 5. So on the tune topics new same-event relations do
not corroborate cross-event pairs. The measure-only rise (68 -> 70 of 400) was not traced: it
needs a story shape the tune topics lack, or a new cross-event relation outside the 400 drawn
pairs (an undated ``ecb`` article's day without a year within 2 days of a whole date of the
other event, in another year). The second cannot be ruled out by a principled guard: in every
tune gain the side giving the day without a year names no year in its header or lead, so
reading that day in its own article's year would keep none of them. Counting only some kinds of
relation in the overlap was counted through ``judge_pairs`` and not built: only reuse and date
relations, same event 787 -> 441 and other event 44 -> 8 (ECB+'s older articles print no dates
and relate to each other by names alone); without the date rules, 670 and 55. The day rule
stays out.

Second, what the related other-event pairs rest on (lone, 40 per topic: 28 of 440, read one by
one with ``--errors``): topic 5 (the 76ers' coach fired in 2008, hired in 2005): 5 pairs by
``same-focus`` / ``same-lead`` on "sixers", "cheeks", with no date, quote or passage (the one
shared "figure" is "76ers"); topic 25 (Reggie Bush, then Pierre Thomas, put on injured reserve,
2008 and 2011): 6 pairs, names "payton", "reggie", "saints" only; topic 13 (an opinion piece of
2012 on fires near Palin recalling the 2008 church fire): 1 pair by ``same-lead``. None is one
story to a journalist: the same people, no event detail in common. Topic 9 (the endangered
species rule of December 2008 and its reversal in March and April 2009): 16 pairs, 3 of them by
``shared-passage`` (the reversal reports reuse a background sentence on what the rule required:
real shared text) and 13 by the name rules; a reversal is a follow-up of one running story,
which the product calls ``same-story`` on purpose (``evidence.FOCUS_STRONG``), while ECB+ files
it as another event. Over every tune pair the three name rules (``same-focus``, ``same-lead``,
``shared-vocabulary``) relate 410 same-event pairs, 98 of them with no shared figure, date or
quote, and 76 other-event pairs, 60 of them so. Withholding ``same-story`` from such "names
only" pairs would take the tune part's lone same event 750 -> 652 of 868 (0.864 -> 0.751) for
other event 82 -> 22 of 1,704 (0.048 -> 0.013); session 8's ``cast-only`` was that trade,
measured and not kept. The bench counts any verdict but ``unrelated`` as related, so a
lower-claim verdict for them ("the same people, no event detail in common") would move no
figure here: it is a question of what ``compare`` tells a user, left to the lead. Also seen:
``compare(a, b)`` and ``compare(b, a)`` disagree on 2 of the 3,411 pairs within tune topics,
both cross-event, both ``shared-passage`` one way only (a stock sentence, "A man has been
charged in a (fatal) hit and run ... that killed a"; a background sentence on the rule);
``judge_pairs`` compares the smaller id first, this bench the ``ecb`` document first, so each
is related in one column and not in the other (the alignment's asymmetry, ``docs/verdict.md``).

Session 36 (2026-12-03, ecb12i): a day written without a year, tried and not kept. Two
reports of one event often date it differently: the page's whole date ("11 November 2011")
against a day the report writes without its year ("On Thursday, November 10th, the Yida
refugee camp was bombed"). ``names-and-date`` read only whole dates, so such pairs (tune:
topic 41's bombing, topic 9's reversal, topic 29's game) fell to the name rules and missed.
Built (commit 44599cb, reverted by bd13fed; tests on our own text failing on main): a month and
day without a year in one header or lead (``dates.month_days``) at most 2 days (``DAY_DAYS``)
from a day of the other's header or lead, read in whichever year brings them closest, with
shared rare names of 0.9, is ``names-and-date`` too, tried after the place and year conflicts
(weaker than two whole dates); the evidence lists ``2011-11-11 ~ --11-10``. The window is 2
days, not 7, because a year-less day matches that day of every year: on the tune topics every
same-event gain was 0-1 day apart, and on a larger draw (100 per topic) one other-event pair,
topic 9's rule of 11 December against its reversal naming 16 December (no year on either
side), was 5 days apart. ``bench/evidence_loto.py`` (tune, 100 per event and topic, the rule
re-derived): in-sample same 0.880 -> 0.887 (667 -> 672 of 758), other 0.055 -> 0.055 (58 of
1,048); held out 0.880 / 0.058 -> 0.888 / 0.058; windows of 1 to 7 days judge that draw alike.
Also counted on the tune pool and not built: shared figures as evidence for a join (names of
0.5 and two shared figures: 8 same-event and 48 other-event pairs now judged unrelated, of 758
/ 1,048: sports statistics), and a full person name in each lead that the other text never
names as a conflict (on the 40-per-topic pairs decided by the name rules: 37 of 281
same-event, 1 of 25 other-event).

The keep rule, written before the one measure-only run (12:26 UTC): other event at most one
more pair related than main at each sample size, lone and in a corpus; same event not lower;
PolNeAR at most 0.02; ``bench/ecbplus.py`` all odd topics ARI >= 0.90 and B3 F1 >= 0.93;
seeds same-story; reject if the other-event or PolNeAR clause fails. ``nice -n 5
.venv/bin/python bench/evidence_bench.py --data /work/shared/data --entities rules
--baseline-src <main 70dca75>`` with ``--part tune --per-event 40 --per-topic 40`` (59 s CPU,
load 6-10), then once ``--part measure --per-event 12|40 --per-topic 12|40`` (10 s CPU each,
load 10-12); measure-only errors not read::

    pairs                          part              n   main   this  corpus main   this
    ECB+ same event, other outlet  tune, 40/event  440  0.859  0.870        0.914  0.914
    ECB+ same event, other outlet  measure         115  0.887  0.930        0.887  0.887
    ECB+ same event, other outlet  measure, 40/ev  367  0.910  0.926        0.910  0.918
    ECB+ other event, same topic   tune, 40/topic  440  0.064  0.064        0.030  0.030
    ECB+ other event, same topic   measure         120  0.175  0.175        0.133  0.142
    ECB+ other event, same topic   measure, 40/tp  400  0.195  0.195        0.170  0.175
    PolNeAR same publisher         tune (train)    150  0.007  0.007        0.000  0.000
    PolNeAR same publisher         measure (dev)   150  0.007  0.007        0.007  0.007
    PolNeAR same publisher         dev, 40 draw    150  0.007  0.013        0.007  0.007
    PolNeAR other event, same cast tune (train)    156  0.308  0.308        0.160  0.160
      same, corpus with dates      tune (train)    156                      0.019  0.019

Not kept: in a corpus at 40 per topic 2 more other-event pairs were related (68 -> 70 of 400;
at 12, 16 -> 17 of 120), where the rule allowed one. Lone, the rule judged no more
other-event pair related at either size and met the same-event line at both (5 of 115 and 6
of 367 more pairs); in a corpus a lone compare's new relations change the overlaps that
``corroborate.judge_pairs`` reads, which is how a rule that adds only same-event relations
can corroborate cross-event pairs. PolNeAR dev's draw at 40 had one pair more judged related
(0.013, within 0.02). ``bench/ecbplus.py`` and ``bench/story_distractors.py`` do not read
``evidence.gather``; both gave main's figures with and without the rule (all odd topics ARI
0.917, B3 F1 0.948; distractors measure B3 F1 0.916). The lines stand as after session 35
(main 70dca75): same event at least 0.90 at 40 per event (lone and in a corpus 0.910), not at
12 (0.887); other event at most 0.10 nowhere (lone 0.175 / 0.195, in a corpus 0.133 / 0.170);
PolNeAR 0.007.

Session 35 (2026-12-03, ecb12h): names a journalist can defend (story rule 7). A line set in
title case or capitals (a headline "Tara Reid Finally Checks Into Rehab", a dateline "UPDATED
05/03/2013 at 11:00 AM EDT", "Posted on Thu Jun 13, 2013") capitalises nothing: its words are
names only where the prose capitalises them; a sentence's first word the text also writes in
lower case is none ("Six factories" beside "Precious Six Garments"); "PM", "MP(s)", "MEP(s)"
are titles; spaCy's entities keep only the same capitals; ``stories.features``' focal names
(the story score's focal penalty, ``attach``'s lead-name test, the members' "names in both
leads") are the lead's names as ``names.mentions`` finds them, no longer every capitalised
lead word (weekdays, months, "Published", "Updated", "Shares", "Former", "EDT"). Tune part
first (``--part tune --per-event 40 --per-topic 40 --baseline-src <main e4c5061>``, 107 s CPU,
load 3-9), then once the measure-only part (``--part measure --per-event 12|40 --per-topic
12|40 --baseline-src <main e32a951>``, main having moved; 16 s and 19 s CPU, load 6-9),
measure-only errors not read::

    pairs                          part              n   main   this  corpus main   this
    ECB+ same event, other outlet  tune, 40/event  440  0.866  0.859        0.918  0.914
    ECB+ same event, other outlet  measure         115  0.887  0.887        0.878  0.887
    ECB+ same event, other outlet  measure, 40/ev  367  0.905  0.910        0.888  0.910
    ECB+ other event, same topic   tune, 40/topic  440  0.055  0.064        0.014  0.030
    ECB+ other event, same topic   measure         120  0.175  0.175        0.150  0.133
    ECB+ other event, same topic   measure, 40/tp  400  0.190  0.195        0.152  0.168
    PolNeAR same publisher         tune (train)    150  0.007  0.007        0.000  0.000
    PolNeAR same publisher         measure (dev)   150  0.007  0.007        0.007  0.007
    PolNeAR other event, same cast tune (train)    156  0.267  0.308        0.149  0.167
      same, corpus with dates      tune (train)    156                      0.019  0.019

What the tune part lost came from page artefacts, read on the tune pairs that changed: ECB+'s
``ecbplus`` pages (one event of each topic) carry web datelines and title-case headlines that
its older ``ecb`` pages (the other event) do not, so "may", "updated", "posted", "checks" and
"rehab" among an article's names told the two events apart (topic 5: 6 of its 9 ``ecbplus``
documents had "may", "updated" or "posted" among their focal names, none of its 13 ``ecb``
ones; ``bench/ecbplus.py`` tune B3 F1 0.964 -> 0.952, topic 5's two events now one story,
topic 13's split mended). Of
the 440 + 440 tune pairs (lone), 6 same-event pairs are no longer related and 3 are (a name
only in a title-case headline is lost: "Lindsay Lohan Checks Out Of Rehab" when the prose says
"Lindsay"; "Hit", "Run" of "Queens Hit & Run" are no names), and 4 more other-event pairs are
related, all in topic 9 (the Bush rule and its reversal: their shared cast is now their whole
focus). The criterion, written before the measure-only run, kept the
change whatever the ECB+ rates did if PolNeAR same publisher stayed at most 0.02 and the seeds
same-story (both hold). The lines after session 35: same event at least 0.90 at 40 per event
(lone and in a corpus 0.910), not at 12 (0.887, 0.887); other event at most 0.10 nowhere
(lone 0.175 / 0.195, in a corpus 0.133 / 0.168); PolNeAR 0.007.

Session 34, the lead's run after every merge (main 1f974f1: clock times are no longer
names or numbers, ``names._clock_word``; a lifted sentence's misread words count on the
shared-passage path, lift16g), once per sample size, quiet machine, errors not read:
``.venv/bin/python bench/evidence_bench.py --data /work/shared/data --part measure
--per-event 12|40 --per-topic 12|40`` (39 s CPU each). Beside ecb12g's figures for main
cd270f5 below (same pairs)::

    pairs                          part          n   cd270f5  1f974f1  corpus cd270f5  1f974f1
    ECB+ same event, other outlet  measure      115   0.870    0.887          0.870    0.878
    ECB+ same event, other outlet  measure, 40  367   0.896    0.905          0.880    0.888
    ECB+ other event, same topic   measure      120   0.167    0.175          0.133    0.150
    ECB+ other event, same topic   measure, 40  400   0.185    0.190          0.155    0.152
    PolNeAR same publisher         measure (dev) 150  0.007    0.007          0.007    0.007

The tune part beside main (``--part tune --baseline-src``, the clock-time change alone): same
event 0.864 -> 0.871, other event 0.045 -> 0.053 (25_2ecb / 25_13ecbplus: its focus rose from
0.23 to 0.27 once "PM EDT" no longer diluted it). Targets (0.90 / 0.10) not met.

Session 34 (2026-12-03, ecb12g): no change to the evidence rules; the story rule's
attachment (``stories.attach``: a single article joins its nearest story only when their
leads share a name; story rule 6) is in the stories ``index`` makes, which the corpus column
judges in. The name rules' thresholds were cross-validated leaving one tune topic out
(``bench/evidence_loto.py``): chosen without a topic whose two events share their cast, they
judge it worse than in-sample (topic 25: 21 of 100 other-event pairs related against 14), and
no threshold setting or "detail" condition (a shared date, or a rare name outside the leading
ones) trades better than the rules as they are, so none was measured. ``nice -n 5
.venv/bin/python bench/evidence_bench.py --data /work/shared/data --entities rules`` with
``--part tune --per-event 40 --per-topic 40 --baseline-src <main f64e19a>`` (94 s CPU, load
9-15), then once ``--part measure --per-event 12|40 --per-topic 12|40 --baseline-src <main
cd270f5>`` (15 s and 13 s CPU; main moved during the session, so the measure baseline is main
with my branch merged minus my change); measure-only errors not read:

    pairs                          part              n   main   this  corpus main   this
    ECB+ same event, other outlet  tune, 40/event  440  0.859  0.859        0.918  0.918
    ECB+ same event, other outlet  measure         115  0.870  0.870        0.870  0.870
    ECB+ same event, other outlet  measure, 40/ev  367  0.896  0.896        0.880  0.880
    ECB+ other event, same topic   tune, 40/topic  440  0.055  0.055        0.014  0.014
    ECB+ other event, same topic   measure         120  0.167  0.167        0.133  0.133
    ECB+ other event, same topic   measure, 40/tp  400  0.185  0.185        0.155  0.155
    PolNeAR same publisher         tune (train)    150  0.007  0.007        0.000  0.000
    PolNeAR same publisher         measure (dev)   150  0.007  0.007        0.007  0.007
    PolNeAR other event, same cast tune (train)    161  0.267  0.267        0.149  0.149
      same, corpus with dates      tune (train)    161                      0.019  0.019

The attachment rule moved no pair of this bench. Main's own in-corpus figures on the
measure-only part are not session 10's (same event 0.913 / 0.913, other event 0.150 / 0.177,
main 2c83cf9): 15 of 115 and 44 of 367 same-event pairs are now judged unrelated in a corpus
(11 and 21 of them because the two articles lie in different stories of the indexed
measure-only documents, ``other-story``), so the same-event line is missed in a corpus too,
and fewer other-event pairs are corroborated. The tune part barely moved (same event 0.918,
other event 0.016 -> 0.014), and ``bench/ecbplus.py``'s ``stories.cluster`` figures are as in
its docstring, so some change since 2c83cf9 to what ``index`` stores or to
``corroborate.judge_pairs`` moved them; which one was not looked for (it would mean reading
the measure-only part's groupings).

Session 10 (2026-12-02, morning): conflicting lead event facts, ``different-figure`` (both
leads give a magnitude or a sum of one currency that the other article never gives) and
``different-year`` (lead sentences dating the events 2+ years apart, years the other never
names), tried before the name rules; commits be0572f and 6f33da0, reverted by 35361de. The
criterion (other event lower in a corpus at both sizes, same event >= 0.90 and at most a point
lower) was written before the one measure-only run and is not met. Same command, main 2c83cf9
as baseline; full table and the tune counts in ``docs/evidence.md``:

    pairs                          part              n   main  facts  corpus main  facts
    ECB+ same event, other outlet  tune, 40/event  440  0.861  0.859        0.918  0.909
    ECB+ same event, other outlet  measure         115  0.870  0.870        0.913  0.913
    ECB+ same event, other outlet  measure, 40/ev  367  0.896  0.896        0.913  0.913
    ECB+ other event, same topic   tune, 40/topic  440  0.057  0.057        0.016  0.016
    ECB+ other event, same topic   measure         120  0.167  0.158        0.150  0.150
    ECB+ other event, same topic   measure, 40/tp  400  0.185  0.185        0.177  0.177
    PolNeAR same publisher         tune (train)    150  0.007  0.007        0.000  0.000
    PolNeAR same publisher         measure (dev)   150  0.007  0.007        0.007  0.007

Session 9 (2026-12-02, early morning): weekdays and dated months end a name in
``names.mentions`` (kept: no rate moved); a ``split`` rule in ``corroborate`` (a story's
lone-relation graph cut in two below a normalised cut of 0.5; commit 9aad58a, reverted) took tune
other event in a corpus 0.016 -> 0.007 and never fired on the measure-only part (0.150 / 0.177 as
main), so it was not kept. Same command as below, main ae61615 as baseline; full table in
``docs/evidence.md``:

    pairs                          part              n   main  names  corpus main  names  +split
    ECB+ same event, other outlet  tune, 40/event  440  0.861  0.861        0.918  0.918   0.918
    ECB+ same event, other outlet  measure         115  0.870  0.870        0.913  0.913   0.913
    ECB+ same event, other outlet  measure, 40/ev  367  0.896  0.896        0.913  0.913   0.913
    ECB+ other event, same topic   tune, 40/topic  440  0.057  0.057        0.016  0.016   0.007
    ECB+ other event, same topic   measure         120  0.167  0.167        0.150  0.150   0.150
    ECB+ other event, same topic   measure, 40/tp  400  0.185  0.185        0.177  0.177   0.177
    PolNeAR same publisher         tune (train)    150  0.007  0.007        0.000  0.000   0.000
    PolNeAR same publisher         measure (dev)   150  0.007  0.007        0.007  0.007   0.007

Session 8 (2026-12-02, night): a second tune set, "PolNeAR other event, same cast"
(:func:`cast_pairs`, PolNeAR train only: different outlets, more than 14 days apart, the same
rare name in both headlines or leads; judged lone, in the undated corpus and in the corpus with
its publication dates, where the stories' week window applies). A rule chosen on it and the ECB+
tune topics, ``cast-only`` (shared rare names and nothing else), was measured once per sample
size on the measure-only part and not kept (commit 70af0ba, reverted after it): it met the
other-event target in a corpus and broke the same-event one. ``nice -n 10 .venv/bin/python
bench/evidence_bench.py --data /work/shared/data --entities rules --baseline-src
/tmp/old-evid12`` with ``--part tune --per-event 40 --per-topic 40`` (187 s CPU, load 7-9) and
``--part measure`` at 12 and 40 per event (34 s, 36 s); main = ce012f8 (kept), cast =
70af0ba (``cast-only``), same pairs, same run; measure-only errors not read:

    pairs                          part              n   main   cast  corpus main   cast  target
    ECB+ same event, other outlet  tune, 40/event  440  0.861  0.852       0.918  0.916  >= 0.90
    ECB+ same event, other outlet  measure         115  0.870  0.843       0.913  0.887  >= 0.90
    ECB+ same event, other outlet  measure, 40/ev  367  0.896  0.861       0.913  0.872  >= 0.90
    ECB+ other event, same topic   tune, 40/topic  440  0.057  0.048       0.016  0.009  <= 0.10
    ECB+ other event, same topic   measure         120  0.167  0.117       0.150  0.100  <= 0.10
    ECB+ other event, same topic   measure, 40/tp  400  0.185  0.130       0.177  0.098  <= 0.10
    PolNeAR same publisher         tune (train)    150  0.007  0.000       0.000  0.000  <= 0.02
    PolNeAR same publisher         measure (dev)   150  0.007  0.007       0.007  0.007  <= 0.02
    PolNeAR other event, same cast tune (train)    161  0.267  0.193       0.143  0.112
      same, corpus with dates      tune (train)    161                      0.019  0.019

Details, the grid the rule was chosen from and the criterion set before the measure run:
``docs/evidence.md``.

Session 7 (2026-12-02, night): inside a corpus a pair that passes the overlap is ``contradicted``
(unrelated) when its two sides' relations to the story's other articles are anti-associated
(phi more than one standard error below 0; :data:`storytrace.corroborate.ASSOCIATION_SE`, chosen
on the tune part). ``--baseline-src`` now also gives the baseline's in-corpus column ("prev
corpus"). ``nice -n 10 .venv/bin/python bench/evidence_bench.py --data /work/shared/data
--part both|measure --entities rules [--per-event 40 --per-topic 40] --baseline-src
/tmp/old-evid12`` (previous = main 71259fb, this code 5ca3df4; 141 s CPU for this code, both
parts at 12, 39 s for measure at 40, load 15-18; the tune 40 row from ``--part tune``, 118 s;
measure-only run once per sample size, errors not read):

    pairs                          part              n   rules  corpus  prev corpus  target
    ECB+ same event, other outlet  tune            132   0.864   0.924        0.939  >= 0.90
    ECB+ same event, other outlet  tune, 40/event  440   0.861   0.918        0.920  >= 0.90
    ECB+ same event, other outlet  measure         115   0.870   0.913        0.913  >= 0.90
    ECB+ same event, other outlet  measure, 40/ev  367   0.896   0.913        0.913  >= 0.90
    ECB+ other event, same topic   tune            132   0.045   0.008        0.038  <= 0.10
    ECB+ other event, same topic   tune, 40/topic  440   0.057   0.016        0.027  <= 0.10
    ECB+ other event, same topic   measure         120   0.167   0.150        0.175  <= 0.10
    ECB+ other event, same topic   measure, 40/tp  400   0.185   0.177        0.177  <= 0.10
    PolNeAR same publisher         tune (train)    150   0.000   0.000        0.000  <= 0.02
    PolNeAR same publisher         measure (dev)   150   0.007   0.007        0.007  <= 0.02

The other-event target is still not met on the measure-only part. Why tune over-estimates (the
per-topic rates: eight of the eleven tune topics have no related other-event pair) and what was
tried and not kept: ``docs/evidence.md``.

Session 6 (2026-12-01, night): the "corpus" column judges each pair inside a corpus
(:func:`storytrace.corroborate.judge_pairs`: shared text stands; any other same-story needs
both articles in one story of the corpus, as ``index`` stores it, and the articles related to
each largely the same, Jaccard >= 0.3, set on the tune part). Corpus: the part's documents
(ECB+: every document of the part's topics; PolNeAR: the split), indexed into a temporary
store. The lone-compare columns are the issue's definition, unchanged. ``nice -n 10
.venv/bin/python bench/evidence_bench.py --data /work/shared/data --part tune|measure
--entities rules [--per-event 40 --per-topic 40] --baseline-src /tmp/old-evid12``
(previous = main a36c9b7; measure-only run twice, after the threshold was fixed, errors not
read; 34 s CPU for this code at 12 per event):

    pairs                          part              n   rules previous  corpus  target
    ECB+ same event, other outlet  tune            132   0.864            0.939  >= 0.90
    ECB+ same event, other outlet  tune, 40/event  440   0.861            0.920  >= 0.90
    ECB+ same event, other outlet  measure         115   0.870    0.870   0.913  >= 0.90
    ECB+ same event, other outlet  measure, 40/ev  367   0.896    0.896   0.913  >= 0.90
    ECB+ other event, same topic   tune            132   0.045            0.038  <= 0.10
    ECB+ other event, same topic   tune, 40/topic  440   0.057            0.027  <= 0.10
    ECB+ other event, same topic   measure         120   0.167    0.167   0.175  <= 0.10
    ECB+ other event, same topic   measure, 40/tp  400   0.185    0.185   0.177  <= 0.10
    PolNeAR same publisher         tune (train)    150   0.000            0.000  <= 0.02
    PolNeAR same publisher         train, 40 draw  150   0.007            0.000  <= 0.02
    PolNeAR same publisher         measure (dev)   150   0.007    0.007   0.007  <= 0.02

In a corpus the same-event target is met on the measure-only part and the other-event one is
not: 19 of 120 and 68 of 400 other-event pairs there were corroborated (tune: 5 of 132, 9 of
440). Details in ``docs/evidence.md``.

Session 5 (2026-12-01, evening): no change to the rules. A logistic score over focus, the
texts' cosine and a shared date, fitted on the tune pairs, was measured in their place and not
kept (``bench/evidence_fit.py``): on this bench's pairs, measure-only same event 0.870 -> 0.930
but other event 0.167 -> 0.208 (rules beside it in the same run, main 94a6ada; tune 0.864 ->
0.909 and 0.045 -> 0.106; PolNeAR train 0.000 -> 0.007, dev 0.000 both), the same trade-off
as the rules.

Results (2026-12-01 session 4, shared copy, 2 cores, load 10-20). Measure-only was run once,
at the end, after ``shared-passage`` became 15 reused words (all the words of a passage at
least 80% equal, else its equal words) and moved before the place and year conflicts (issue
16's product decision; chosen without ECB+ figures, checked on the tune part only):
``nice -n 10 .venv/bin/python bench/evidence_bench.py --data /work/shared/data
--baseline-src /tmp/old-evid12`` (136 s CPU for this code, rules and spaCy) and the same with
``--part tune --per-event 40 --per-topic 40`` (93 s). "previous" = main at the start of the
session (04bb2e8), same pairs, same run:

    pairs                          part              n   rules   spacy previous  old rule  target
    ECB+ same event, other outlet  tune            132   0.864   0.879    0.864     0.985  >= 0.90
    ECB+ same event, other outlet  tune, 40/event  440   0.861   0.866    0.861     0.970  >= 0.90
    ECB+ same event, other outlet  measure         115   0.870   0.870    0.878     0.991  >= 0.90
    ECB+ other event, same topic   tune            132   0.045   0.038    0.045     0.402  <= 0.10
    ECB+ other event, same topic   tune, 40/topic  440   0.055   0.052    0.061     0.357  <= 0.10
    ECB+ other event, same topic   measure         120   0.167   0.183    0.167     0.508  <= 0.10
    PolNeAR same publisher         tune (train)    150   0.000   0.000    0.007     0.287  <= 0.02
    PolNeAR same publisher         measure (dev)   150   0.000   0.000    0.000     0.300  <= 0.02

Counted by passage length alone, 15 words judged 5 more of the 440 other-event tune pairs
related (0.061 -> 0.073; 132 pairs: 0.045 -> 0.053), all loose alignments of stock sentences
about other people; counted as reused words, none. Contradiction evidence tried on the tune
part this session and not kept (figures of one kind, name swaps inside shared passages, years
in the body, dates 30 days apart, a corroborating detail as a veto or as a second focus
threshold): counts in ``docs/evidence.md``; none trades same-event pairs for other-event pairs
better than the present thresholds.

Session 3 (same day; "previous" there = 0293407). Measure-only was run
once, at the end, after the two changes below had been chosen on the tune part:
``nice -n 10 .venv/bin/python bench/evidence_bench.py --data /work/shared/data
--baseline-src /tmp/old-evid12`` (131 s CPU for this code, rules and spaCy) and
the same with ``--part tune --per-event 40 --per-topic 40`` (110 s).
"previous" = main at the start of the session (0293407), same pairs, same run:

    pairs                          part              n   rules   spacy previous  old rule  target
    ECB+ same event, other outlet  tune            132   0.864   0.879    0.848     0.985  >= 0.90
    ECB+ same event, other outlet  tune, 40/event  440   0.861   0.866    0.843     0.970  >= 0.90
    ECB+ same event, other outlet  measure         115   0.878   0.878    0.878     0.991  >= 0.90
    ECB+ other event, same topic   tune            132   0.045   0.038    0.045     0.402  <= 0.10
    ECB+ other event, same topic   tune, 40/topic  440   0.061   0.057    0.061     0.357  <= 0.10
    ECB+ other event, same topic   measure         120   0.167   0.183    0.167     0.508  <= 0.10
    PolNeAR same publisher         tune (train)    150   0.007   0.007    0.007     0.287  <= 0.02
    PolNeAR same publisher         measure (dev)   150   0.000   0.000    0.000     0.300  <= 0.02

Kept: ``same-event`` (shared rare names and event similarity >= 0.4, before
the place and year conflicts) and ``names-and-date`` from 0.9 of shared rarity
(one rare name such as "Lohan", 0.997, beside dates within a week): +2 / +8
same-event tune pairs, no other-event or PolNeAR tune pair changed, no
measure-only rate changed. Event similarity below 0.4, as a rule, a veto or in
place of the whole-text cosine, moved other-event pairs as fast as same-event
ones or faster (figures in ``docs/evidence.md``, with the remaining tune
errors: 61 same-event pairs, 30 of them with an article ECB+ files under the
event whose headline is about something else; 27 other-event pairs, 25 of them
events that share their people).

Session 2 (same day; "previous" there = 0279fe9). Measure-only was run
once, at the end, after every change below had been chosen on the tune part:
``nice -n 10 .venv/bin/python bench/evidence_bench.py --data /work/shared/data
--baseline-src /tmp/old-evid12`` (88 s CPU for this code) and, for the larger
tune sample, the same with ``--part tune --per-event 40 --per-topic 40``
(64 s). "previous" = main at the start of the session (0279fe9), same pairs,
same run:

    pairs                          part              n   rules   spacy previous  old rule  target
    ECB+ same event, other outlet  tune            132   0.848   0.864    0.841     0.985  >= 0.90
    ECB+ same event, other outlet  tune, 40/event  440   0.843   0.850    0.834     0.970  >= 0.90
    ECB+ same event, other outlet  measure         115   0.878   0.878    0.878     0.991  >= 0.90
    ECB+ other event, same topic   tune            132   0.045   0.038    0.045     0.402  <= 0.10
    ECB+ other event, same topic   tune, 40/topic  440   0.061   0.057    0.061     0.357  <= 0.10
    ECB+ other event, same topic   measure         120   0.167   0.183    0.167     0.508  <= 0.10
    PolNeAR same publisher         tune (train)    150   0.007   0.007    0.007     0.287  <= 0.02
    PolNeAR same publisher         measure (dev)   150   0.000   0.000    0.000     0.300  <= 0.02

(The PolNeAR train pairs of the 40-per-event run are another draw of the
seeded sampler: 0.007 there too, old rule 0.313.) Kept this session: names and
dates within a week come before the place and year conflicts (+0.007 / +0.009
same event on tune, nothing else changed; no measure-only pair changed), and
name rarity from a table shipped in the package (same figures with or without
``wordfreq``; with ``wordfreq`` missing the old code weighed every name 0.5 and
the tune part went to other event 0.083 / 0.086 and PolNeAR 0.013).

Tried on the tune part and not kept (figures: 132 / 440 tune pairs; each
either cost same-event pairs or saved none):

* a headline set in title case or capitals proves no name (its words need a
  capital elsewhere): same event 0.841 -> 0.826 / 0.834 -> 0.830, other event
  0.045 -> 0.053 / 0.061 -> 0.061;
* moderate focus (below 0.45) needs a second kind of evidence (texts' cosine
  >= 0.25 or two shared names of rarity >= 0.9): same event 0.848 -> 0.811 /
  0.843 -> 0.814 for other event 0.045 -> 0.038 / 0.061 -> 0.052; with a
  lead figure found in the other article as a third kind, 0.818 / 0.823 for
  0.038 / 0.057;
* same-story from two of {leads' cosine >= 0.3, texts' cosine >= 0.3, two
  names of rarity >= 0.9} at focus >= 0.2: same event +0.007 / +0.009, other
  event +0.008 / 0;
* conflicts counted on the 440 + 440 + 150 tune pairs before building them:
  the focal name of each side absent from the other (top one, both ways:
  fires on 9 related same-event pairs and 2 related other-event pairs; one way:
  71 and 6), ages in the leads (5 same-event, 1 other-event), death tolls in
  the leads (30 same-event, 0 other-event: tolls change), weekdays in the leads
  (25 same-event, 4 other-event), figures in the leads (126 same-event).

Same publisher: met on both parts. Other event: met on the tune part; on the
measure-only topics 17-18% of other-event pairs are still judged related, so
that target is not met. Same event: 0.88 on the measure-only part (target
0.90, not met). What is left on the tune topics is events that share their
people (a coach fired and the same coach hired years before, one rule and its
reversal, two players of one team on injured reserve), told apart only by
dates that the older ECB articles do not print. spaCy costs about 17x the CPU
of a compare (51.5 against 3.0 ms per pair of first-seen texts), so rules are
the default.

Earlier session (same bench, 12 per event): the measure-only part was run
twice (``evidence.LEAD_MIN`` 0.3, then 0.4 chosen on tune pairs): same event
0.887 / 0.904 (rules / spaCy) then 0.878 / 0.878, other event 0.183 / 0.192
then 0.167 / 0.183.

Session 46 (2026-12-04, quotes46; engine reuse-28 (main took reuse-27 first): "Messrs." ends no
sentence). Tune part only, beside main: ``nice -n 10 python bench/evidence_bench.py --data
../shared/data --part tune --per-event 40 --per-topic 40 --baseline-src <git archive of main
4ffd16b>`` (281 s CPU, load 7-9). Every rate equal, this code / previous: same event 0.868 / 0.868
(corpus 0.909 / 0.909), other event 0.050 / 0.050 (0.027 / 0.027), same publisher 0.007 / 0.007,
other event with the same cast 0.295 / 0.295: no text of these corpora (nor of BBC News) writes
"Messrs".

Session 47 (2026-12-05, byline47; engine reuse-30, story rule 12: a byline's names, "By Jane
Smith, Associated Press" above the body, are no names, focal names, vocabulary or event terms,
``articles.byline_spans``). No text of these corpora has a byline: 0 of 271 ECB+ tune and 225
measure documents, 0 of 840 PolNeAR train, 0 of 2,225 BBC News, none of the seeds; the change
is measured by ``tests/test_byline.py`` (11 of its 13 tests fail on main). Keep rule, written
before measuring: every tune rate of this bench and ``bench/evidence_bbc.py`` equal to main's,
``bench/compare_check.py`` differing only where a byline is found. Beside main 855d7de (``git
archive``) in the same run: ``nice -n 10 python bench/evidence_bench.py --data ../shared/data
--part tune --baseline-src <base>/src`` (231 s CPU), then once ``--part measure --entities
rules`` (27 s CPU). Every rate equal, this code / previous: tune same event 0.886 / 0.886
(corpus 0.917 / 0.917), other event 0.045 / 0.045 (0.023 / 0.023), PolNeAR same publisher
0.000 / 0.000, same cast 0.295 / 0.295 (dated rows equal too); measure same event 0.930 / 0.930
(0.887 / 0.887), other event 0.167 / 0.167 (0.108 / 0.108), PolNeAR dev 0.000 / 0.000.
``bench/evidence_bbc.py`` tune 0.929 / 0.929 and 0.338 / 0.338, measure 1.000 / 1.000 and
0.476 / 0.476; ``bench/compare_check.py``: 1,704 comparisons byte-identical.

Session 48 (2026-12-05, headspan48; engine reuse-31: ``articles.headline_span`` takes a line
closing its sentence inside a quotation mark for a lede, and a title-case line closing with a
full stop, a paragraph of its own, for a headline, as the quote extractor did). Beside main
877a16e (``git archive``) in the same session: ``nice -n 5 python bench/evidence_bench.py --data
../shared/data --part tune --entities rules --baseline-src <base>/src`` (97 s CPU), then once
``--part measure`` (14 s CPU). Every rate equal, this code / previous: tune same event 0.886 /
0.886 (corpus 0.917 / 0.917), other event 0.045 / 0.045 (0.023 / 0.023), PolNeAR same publisher
0.000 / 0.000 (dated 0.000 / 0.000), same cast 0.295 / 0.295 (dated 0.058 / 0.058); measure same
event 0.930 / 0.930 (0.887 / 0.887), other event 0.167 / 0.167 (0.108 / 0.108), PolNeAR dev
0.000 / 0.000. The headline moved in 345 of 840 PolNeAR train texts (332 title-case titles with
their full stop now headlines; 13 closing "... 'so much.'" no longer) and in 2 BBC texts; no ECB+
text's (a first try without the paragraph condition took 3 ECB+ ledes for headlines, among them
5_1ecb "Maurice Cheeks is out as Philadelphia 76ers head coach.", which lost its reworded pair
with 5_11ecb). Per pair (a scratch script, bulk and default options, rules entities): of the
tune part's 264 ECB+ and 306 PolNeAR pairs and the 22 ECB+ topic-5 pairs with 5_1ecb, none
changes; ``bench/compare_check.py``: 1,704 comparisons identical.

Session 47 (2026-12-05, headline47; engine reuse-29: a headline is the first line that does not
only date, sign or label the article, ``articles.headline_span``). Beside main 91d5249 (``git
archive``) in the same run: ``nice -n 10 python bench/evidence_bench.py --data ../shared/data
--part tune --baseline-src <base>/src`` (221 s CPU, load 5-9), then once ``--part measure``
(65 s CPU). Every rate equal, this code / previous: tune same event 0.886 / 0.886 (corpus 0.917 /
0.917), other event 0.045 / 0.045 (0.023 / 0.023), PolNeAR same publisher 0.000 / 0.000, same
cast 0.295 / 0.295; measure same event 0.930 / 0.930 (0.887 / 0.887), other event 0.167 / 0.167
(0.108 / 0.108), PolNeAR dev 0.000 / 0.000. The headline moved in 17 ECB+ tune pages (in 13_14
and 5_5 to none: the line after the date closes with a full stop); of the 879 same-topic
``ecbplus`` tune pairs (bulk options) 3
change, each read, none to or from ``unrelated``: 1_2/1_7 same-story -> reworded (1_2's real
headline now pairs with 1_7's and supports the two ledes' pair), 25_14/25_3 reworded -> same-story
(25_3's headline beside 25_14's body sentence no longer supports a weak pair), 25_11/25_6 one
reworded lede pair more. Measure-only topics, counted and not read: 555 pairs, 3 change
(copied twice, same-story -> reworded once).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_data  # noqa: E402  (the ECB+ loader shared with bench/ecbplus.py)
from ecbplus_data import EcbDoc  # noqa: E402
from srcpath import src_folder  # noqa: E402

from storytrace.align import BULK, compare  # noqa: E402
from storytrace.text import STOPWORDS, Doc  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ECB = DATA / "ecbplus" / "ECB+"
POLNEAR = DATA / "polnear" / "data"
PER_EVENT = 12
PER_TOPIC = 12
POLNEAR_PAIRS = 150
SEED = 12


def load_ecb() -> dict[str, EcbDoc]:
    return ecbplus_data.load_ecb(ECB)


def ecb_pairs(
    docs: dict[str, dict], rng: random.Random, per_event: int, per_topic: int
) -> dict[str, list[tuple[str, str]]]:
    by_event: dict[str, list[str]] = defaultdict(list)
    by_topic: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for d, m in docs.items():
        by_event[m["event"]].append(d)
        by_topic[m["topic"]][m["kind"]].append(d)
    same, other = [], []
    for ev, ds in sorted(by_event.items()):
        if not ev.endswith("ecbplus"):
            continue
        cands = [
            (a, b)
            for a, b in combinations(sorted(ds), 2)
            if docs[a]["host"] and docs[b]["host"] and docs[a]["host"] != docs[b]["host"]
        ]
        same += rng.sample(cands, min(per_event, len(cands)))
    for _, kinds in sorted(by_topic.items()):
        cands = [(a, b) for a in sorted(kinds["ecb"]) for b in sorted(kinds["ecbplus"])]
        other += rng.sample(cands, min(per_topic, len(cands)))
    return {"same": same, "other": other}


def load_polnear(split: str) -> dict[str, dict]:
    meta = {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] == split:
                meta[row["filename"]] = row
    docs = {}
    for f in sorted((POLNEAR / split / "text").glob("*.txt")):
        row = meta.get(f.stem) or meta.get(f.name)
        if row is None:
            continue
        docs[f.stem] = {
            "text": f.read_text(encoding="utf-8", errors="replace"),
            "publisher": row["publisher"],
            "date": row["publication_date"],
            "title": row["title"],
        }
    return docs


def polnear_pairs(docs: dict[str, dict], rng: random.Random) -> list[tuple[str, str]]:
    from datetime import date

    def words(t: str) -> set[str]:
        return {w for w in Doc(t).norms if w not in STOPWORDS and len(w) > 2}

    cands = []
    for a, b in combinations(sorted(docs), 2):
        da, db = docs[a], docs[b]
        if da["publisher"] != db["publisher"]:
            continue
        apart = abs((date.fromisoformat(da["date"]) - date.fromisoformat(db["date"])).days)
        if apart >= 3 and not words(da["title"]) & words(db["title"]):
            cands.append((a, b))
    return rng.sample(cands, min(POLNEAR_PAIRS, len(cands)))


CAST_DAYS = 14
"""Same-cast pairs: published more than this many days apart (two news weeks past
:data:`storytrace.dates.STORY_DAYS`), so they are reports of different events."""
CAST_RARITY = 0.9
"""Same-cast pairs: a name word at least this rare (:func:`storytrace.names.rarity`) in the
headline or lead of both articles: "Kasich", "Abedin", "Manafort", not "Trump" or "Clinton"."""
CAST_PER_NAME = 12
"""Same-cast pairs: at most this many per shared name (the first in alphabetical order), so
that one much-covered candidate (Kasich: 49 of the 204 candidates) does not make the set."""
OUTLET_WORDS = frozenset({"politico", "breitbart", "huffpost", "huffington", "usa", "nyt"})
"""Outlets' own names in their headlines ("Politico Playbook"), and two title-case headline
words, are not a cast."""
HEADLINE_WORDS = frozenset({"endorses", "presumptive"})


def cast_pairs(docs: dict[str, dict], rng: random.Random) -> list[tuple[str, str]]:
    """Other events with the same people (a tune set: PolNeAR train only).

    Two articles of different outlets, published more than :data:`CAST_DAYS` days apart,
    whose headlines or leads both name the same rare person or organisation: Fiorina
    endorsing Cruz in March and Fiorina on Clinton's acceptance speech in July, the DNC's
    apology to Sanders in July and its chair dismissing his accusations in April. ECB+'s
    tune topics hold three topics like this (a coach fired and hired, a rule and its
    reversal, two running backs of one team), too few to set a rule for them; this set
    holds 161 such pairs over 50 names. Read on a sample of 25 (titles and dates): all but
    the two pairs on Scalia's seat (three weeks apart; they share a quotation) report
    different events.
    """
    from datetime import date

    from storytrace.evidence import _profile, _regions, doc_of
    from storytrace.names import rarity

    lead = {}
    for k, d in docs.items():
        prof = _profile(d["text"], (), "rules")
        _, lead_end = _regions(doc_of(d["text"]))
        lead[k] = {
            w
            for w, span in prof.first.items()
            if span[0] < lead_end
            and rarity(w) >= CAST_RARITY
            and w not in OUTLET_WORDS | HEADLINE_WORDS
        }
    cands = []
    for a, b in combinations(sorted(docs), 2):
        da, db = docs[a], docs[b]
        apart = abs((date.fromisoformat(da["date"]) - date.fromisoformat(db["date"])).days)
        shared = sorted(lead[a] & lead[b])
        if da["publisher"] != db["publisher"] and apart > CAST_DAYS and shared:
            cands.append((a, b, shared[0]))
    rng.shuffle(cands)
    per_name: dict[str, int] = defaultdict(int)
    out = []
    for a, b, name in cands:
        if per_name[name] < CAST_PER_NAME:
            per_name[name] += 1
            out.append((a, b))
    return out


def old_rule(cmp) -> bool:
    """The rule before evidence: any passage, or >= 3 shared capitalised words (20%)."""

    def names(text: str) -> set[str]:
        doc = Doc(text)
        return {
            w
            for s, w in zip(doc.starts, doc.norms, strict=True)
            if (text[s].isupper() or text[s].isdigit()) and w not in STOPWORDS
        }

    na, nb = names(cmp.a.text), names(cmp.b.text)
    shared = len(na & nb)
    return bool(cmp.passages) or (shared >= 3 and shared / max(1, min(len(na), len(nb))) >= 0.2)


CAVEAT = "caveat"
"""The key in :func:`judge`'s rules that counts the related pairs whose evidence carries a
caveat (the same people alone: ``evidence.SAME_PEOPLE_ONLY``)."""


def judge(
    pairs: list[tuple[str, str]], docs: dict[str, dict], sources: list[str], dated: bool = False
) -> tuple[dict[str, float], float, dict, list[tuple[str, str, Any]]]:
    """Related rates per entity source, the old rule's rate, the rules fired and each pair's
    comparison (first source). ``dated``: each side is a record carrying its ``date`` as
    ``published`` (PolNeAR), as ``compare`` reads a dated JSONL record."""
    from storytrace.articles import record_to_article

    def side(d: str) -> object:
        if not dated:
            return docs[d]["text"]
        return record_to_article(
            {"id": d, "text": docs[d]["text"], "published": docs[d]["date"]}, d
        )

    new = dict.fromkeys(sources, 0)
    old = 0
    rules: dict[str, int] = defaultdict(int)
    each = []
    for a, b in pairs:
        for k, source in enumerate(sources):
            os.environ["STORYTRACE_ENTITIES"] = source
            cmp = compare(side(a), side(b), BULK)
            new[source] += cmp.verdict != "unrelated"
            if k == 0:
                old += old_rule(cmp)
                rules[cmp.evidence.rule] += 1
                # getattr: --baseline-src may predate the caveat (session 37)
                rules[CAVEAT] += bool(getattr(cmp.evidence, "caveat", None))
                each.append((a, b, cmp))
    n = max(1, len(pairs))
    return {s: v / n for s, v in new.items()}, old / n, dict(rules), each


_GROUPS: dict[tuple[str, ...], list[list[str]]] = {}


def story_groups(docs: dict[str, dict], ids: list[str], dated: bool = False) -> list[list[str]]:
    """The stories ``index`` then ``stories`` make of ``ids`` (a temporary store, once per
    corpus): the groups a pair is judged in by :func:`storytrace.corroborate.judge_pairs`.
    ``dated``: each record carries its ``date`` as ``published``, so the stories' week
    window applies (ECB+ has no dates; the PolNeAR rows are judged both ways)."""
    import tempfile

    from storytrace import corpus

    key = (*ids, "dated") if dated else tuple(ids)
    if key not in _GROUPS:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "store"
            recs = (
                (d, {"text": docs[d]["text"], **({"published": docs[d]["date"]} if dated else {})})
                for d in ids
            )
            corpus.index_records(recs, db)
            _GROUPS[key] = [s["articles"] for s in corpus.stories(db)["stories"]]
    return _GROUPS[key]


def judge_in_corpus(
    pairs: list[tuple[str, str]], docs: dict[str, dict], ids: list[str], dated: bool = False
) -> tuple[float, dict[str, int]]:
    """Related rate of ``pairs`` judged inside the corpus ``ids`` (rules entities), and the
    rules that decided."""
    from storytrace.corroborate import judge_pairs

    os.environ["STORYTRACE_ENTITIES"] = "rules"
    texts = {d: docs[d]["text"] for d in ids}
    judged = judge_pairs(texts, pairs, story_groups(docs, ids, dated))
    rules: dict[str, int] = defaultdict(int)
    for j in judged:
        rules[j.rule] += 1
    return sum(j.verdict != "unrelated" for j in judged) / max(1, len(judged)), dict(rules)


def show_errors(name: str, each: list[tuple[str, str, Any]], want_related: bool) -> None:
    """The pairs judged wrongly (tune part only: the measure-only errors stay unread)."""
    for a, b, cmp in each:
        if (cmp.verdict != "unrelated") == want_related:
            continue
        ev = cmp.evidence
        names = ", ".join(f"{n.key} {n.weight:.2f}" for n in ev.names[:8])
        print(
            f"\n## {name}: {a} ~ {b}: {cmp.verdict} by {ev.rule} (focus {ev.focus:.2f}, "
            f"lead {ev.lead:.2f}, words {ev.vocabulary:.2f}, names {ev.name_weight:.2f}, "
            f"event {ev.event:.2f})"
        )
        print(f"   {ev.explanation}")
        print(f"   names: {names}")
        print(f"   numbers: {', '.join(n.key for n in ev.numbers[:8])}")
        for side in (cmp.a.text, cmp.b.text):
            print("   | " + side[:400].replace("\n", " / "))


def run(args: argparse.Namespace, sources: list[str]) -> list[tuple]:
    """The table's rows: (pairs, part, n, rates per source, old rule, target, rules fired,
    in-corpus rate or None, in-corpus rules)."""
    parts = [("tune", 1, "train"), ("measure", 3, "dev")]
    parts = [p for p in parts if args.part in (p[0], "both")]
    rng = random.Random(SEED)
    ecb = load_ecb()
    pairs = ecb_pairs(ecb, rng, args.per_event, args.per_topic)
    rows = []
    for name, key, target in (
        ("same event, other outlet", "same", ">= 0.90"),
        ("other event, same topic", "other", "<= 0.10"),
    ):
        for part, keep, _ in parts:
            sel = [p for p in pairs[key] if ecb[p[0]]["topic"] % 4 == keep]
            new, old, rules, each = judge(sel, ecb, sources)
            within: tuple[float | None, dict] = (None, {})
            if args.corpus:
                # The corpus: every document of the part's topics, as one index would hold.
                ids = sorted(d for d, m in ecb.items() if m["topic"] % 4 == keep)
                within = judge_in_corpus(sel, ecb, ids)
            rows.append((f"ECB+ {name}", part, len(sel), new, old, target, rules, *within))
            if args.errors and part == "tune":
                show_errors(f"ECB+ {name}", each, key == "same")
    for split, part in (("train", "tune"), ("dev", "measure")):
        pn = load_polnear(split)
        sel = polnear_pairs(pn, rng)  # drawn for both parts: the same pairs either way
        if args.part not in (part, "both"):
            continue
        new, old, rules, each = judge(sel, pn, sources)
        within = judge_in_corpus(sel, pn, sorted(pn)) if args.corpus else (None, {})
        rows.append(
            (
                "PolNeAR same publisher",
                f"{part} ({split})",
                len(sel),
                new,
                old,
                "<= 0.02",
                rules,
                *within,
            )
        )
        if args.errors and part == "tune":
            show_errors("PolNeAR same publisher", each, False)
        if part == "tune":
            # The same pairs compared as dated records (session 47: compare reads the dates,
            # published-apart), judged in the dated corpus: tune only.
            new, old, rules, each = judge(sel, pn, sources, dated=True)
            within = judge_in_corpus(sel, pn, sorted(pn), dated=True) if args.corpus else (None, {})
            row = ("  same, dated records", "tune (train)", len(sel), new, old)
            rows.append((*row, "<= 0.02", rules, *within))
            # Other events with the same people: tune only (no dev counterpart is built, so
            # the measure-only part stays as it was). Judged in the undated corpus, as ECB+
            # is, and in the corpus with its publication dates.
            cast = cast_pairs(pn, random.Random(SEED))
            new, old, rules, each = judge(cast, pn, sources)
            within = judge_in_corpus(cast, pn, sorted(pn)) if args.corpus else (None, {})
            row = ("PolNeAR other event, same cast", "tune (train)", len(cast), new, old)
            rows.append((*row, "<= 0.10", rules, *within))
            if args.corpus:
                dated = judge_in_corpus(cast, pn, sorted(pn), dated=True)
                rows.append(
                    (
                        "  same, corpus with dates",
                        "tune (train)",
                        len(cast),
                        new,
                        old,
                        "<= 0.10",
                        rules,
                        *dated,
                    )
                )
            if args.errors:
                show_errors("PolNeAR other event, same cast", each, False)
            new, old, rules, each = judge(cast, pn, sources, dated=True)
            within = (
                judge_in_corpus(cast, pn, sorted(pn), dated=True) if args.corpus else (None, {})
            )
            row = ("  same cast, dated records", "tune (train)", len(cast), new, old)
            rows.append((*row, "<= 0.10", rules, *within))
            if args.errors:
                show_errors("PolNeAR other event, same cast, dated", each, False)
    return rows


def baseline_rates(args: argparse.Namespace) -> tuple[list[float], list[float] | None]:
    """The rules entities' lone-compare rates and the in-corpus rates (None with
    ``--no-corpus``) from the code under ``--baseline-src``, on the same pairs: this script
    run again with that tree's ``src`` first on the path."""
    cmd = [sys.executable, __file__, "--json", "--entities", "rules", "--part", args.part]
    cmd += ["--data", str(args.data), "--per-event", str(args.per_event)]
    cmd += ["--per-topic", str(args.per_topic)] + ([] if args.corpus else ["--no-corpus"])
    env = dict(os.environ, PYTHONPATH=args.baseline_src)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    return got["rules"], got.get("corpus")


def main() -> int:
    global ECB, POLNEAR
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument(
        "--part",
        choices=("tune", "measure", "both"),
        default="both",
        help="tune while developing; measure-only once, at the end",
    )
    ap.add_argument(
        "--entities",
        choices=("rules", "spacy", "both"),
        default="both",
        help="what finds focal names and places (spacy needs the [nlp] extra)",
    )
    ap.add_argument("--per-event", type=int, default=PER_EVENT, help="same-event pairs per event")
    ap.add_argument("--per-topic", type=int, default=PER_TOPIC, help="other-event pairs per topic")
    ap.add_argument(
        "--baseline-src",
        type=src_folder,
        help="older code (a checkout, git worktree add /tmp/old <commit>, or its src): its "
        "rule beside",
    )
    ap.add_argument(
        "--errors", action="store_true", help="print the tune part's wrongly judged pairs"
    )
    ap.add_argument(
        "--no-corpus",
        dest="corpus",
        action="store_false",
        help="skip the in-corpus column (storytrace.corroborate, after index and stories)",
    )
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    ECB, POLNEAR = args.data / "ecbplus" / "ECB+", args.data / "polnear" / "data"
    if not ECB.is_dir() or not POLNEAR.is_dir():
        print(f"data not found under {args.data}", file=sys.stderr)
        return 1
    sources = ["rules", "spacy"] if args.entities == "both" else [args.entities]
    t0 = time.process_time()
    rows = run(args, sources)
    if args.json:
        got: dict[str, list] = {s: [r[3][s] for r in rows] for s in sources}
        if args.corpus:
            got["corpus"] = [r[7] for r in rows]
        print(json.dumps(got))
        return 0
    secs = time.process_time() - t0
    base, base_corpus = baseline_rates(args) if args.baseline_src else (None, None)
    cols = "".join(f"{s:>8}" for s in sources)
    cols += f"{'previous':>9}" if base else ""
    cols += f"{'corpus':>8}" if args.corpus else ""
    cols += f"{'prev corpus':>12}" if base_corpus else ""
    print(f"{'pairs':30} {'part':15} {'n':>4} {cols} {'old rule':>9} {'target':>8}  rules fired")
    for k, (name, part, n, new, old, target, rules, within, in_rules) in enumerate(rows):
        caveats = rules.pop(CAVEAT, 0)
        fired = ", ".join(f"{r} {v}" for r, v in sorted(rules.items(), key=lambda x: -x[1]))
        fired += f"; with caveat {caveats}" if caveats else ""
        vals = "".join(f"{new[s]:8.3f}" for s in sources)
        vals += f"{base[k]:9.3f}" if base else ""
        vals += f"{within:8.3f}" if args.corpus else ""
        vals += f"{base_corpus[k]:12.3f}" if base_corpus else ""
        print(f"{name:30} {part:15} {n:4d} {vals} {old:9.3f} {target:>8}  {fired}")
        if args.corpus:
            decided = ", ".join(
                f"{r} {v}" for r, v in sorted(in_rules.items(), key=lambda x: -x[1])
            )
            print(f"{'':52}in corpus: {decided}")
    print(f"\n{secs:.0f} s CPU (this code); rules fired: with {sources[0]} entities")
    if base:
        print(f"previous: rules entities, from {args.baseline_src}, same pairs, same run")
        if base_corpus:
            print("prev corpus: the same code's in-corpus judgement, same corpora and pairs")
    if args.corpus:
        print(
            "corpus: judged inside the part's documents (storytrace.corroborate.judge_pairs, "
            "stories from index), rules entities"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
