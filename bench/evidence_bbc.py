"""Same event or other event on BBC News: judged-related rates on labelled BBC pairs.

Run: ``nice -n 10 .venv/bin/python bench/evidence_bbc.py [--data ../shared/data]
[--part tune|measure|both] [--baseline-src DIR] [--errors] [--stories]``

A second tune source for issue 12's "other event of the same kind" line beside ECB+
(``bench/evidence_bench.py``): 185 pairs of BBC articles of one category, labelled
``same-event`` / ``other-event`` / ``unsure`` by reading them (``bench/evidence_bbc/``: the
guidelines, how the pairs were drawn, ``labels.jsonl`` with ids and labels only). "Related" is
any verdict but ``unrelated`` from :func:`storytrace.align.compare` with the bulk options, as
``evidence_bench.py`` judges its pairs (:func:`evidence_bench.judge`). Targets as issue 12's:
same event >= 0.90, other event <= 0.10. ``unsure`` pairs count in no rate.

Parts: a hash of the pair's ids (``bench/evidence_bbc/GUIDELINES.md``); ``--errors`` prints
the tune part's wrongly judged pairs only. ``--baseline-src DIR`` runs older code on the same
pairs in the same run (this script again with ``DIR`` first on the path). ``--draw`` prints
the candidate draw again (the code at the time of labelling made it: main 3269363).
``--stories`` asks the labelled pairs of story grouping instead: the share of each kind in
one story when all 2,225 BBC articles are clustered at once, undated, by
:func:`storytrace.stories.cluster` (vocabulary only: no reuse or quote links); ``--errors``
then lists the tune part's same-event pairs apart and other-event pairs in one story.

Session 46 (2026-12-04, stories46): issue 12's ``stories`` joins on weak words, counted on
the tune data and not built. ``--stories`` at main 4ffd16b, tune: same event 27 of 28 in one
story (0.964; apart: sport/351 ~ 401), other event 36 of 71 (0.507), 34 of the 36 joined by
average-link (pair scores 0.09-0.50), 2 by attach. Its measure part was not run (kept blind
for a rule to come). newcomer45's joins (BBC politics 001-030 beside 40 ECB+ tune articles,
undated, a corpus under /tmp), traced: (1) 009 "Campbell: E-mail row 'silly fuss'" into 013 +
022: attach, mean 0.059 >= ``ATTACH`` 0.04 (pairs 0.060, 0.058), the shared lead name
"labour's" (as written its rarity is 0.96; "labour" weighs 0.43); (2) 017 "Tsunami debt deal"
into 005 + 021: attach, mean 0.042 (0.085 with 005, nothing with 021), the shared name "gordon"
only because 005 writes "Gordon Brown's": both name Gordon Brown (0.54 + 0.33), one person in
two news items, and the JSON's ``shared`` under-reports it; (3) 007 "Fox attacks Blair's Tory
'lies'" + 011 "Mrs Howard gets key election role": average-link, pair score 0.147 >=
``AVERAGE_LINK`` 0.10 with no lead name in common (average-link has no name test; attach has).

Keep rule, written 21:17 UTC before any count: merge only if, beside a ``git archive`` of main
in the same run, the BBC tune story errors (``--stories``: same-event apart plus other-event
joined) fall with other-event joined not rising; ECB+ tune is not worse (``bench/ecbplus.py``
tune B3 F1, ``bench/story_distractors.py`` tune B3 F1 and BBC+ECB, ``bench/evidence_bench.py``
tune corpus columns); ``bench/corpus_bbc.py`` not worse; then the measure-only parts once.
Variants (possessives folded: "Labour's" is "Labour"; rarity: ``names.rarity``): W,
average-link and attach need lead names of summed rarity >= ``evidence.NAMES_MIN`` (1.0); W
attach, the same in attach only; C1, attach needs a shared lead name word of rarity >= 0.5
(``evidence.SUBJECT_RARITY``); C3, average-link joins two lone articles only when their leads
share a name. Columns: ECB+ tune B3 F1 (``ecbplus.py``'s tune row); distractors tune B3 F1,
BBC alone / grouped / groups / BBC+ECB; ``--stories`` tune same / other in one story; what
becomes of newcomer45's joins 009, 017, 007+011:

| variant | ECB+ tune | distractors tune | BBC tune | 009 / 017 / 007+011 |
| --- | ---: | --- | --- | --- |
| main 4ffd16b | 0.974 | 0.974, 192 / 207 / 67 / 1 | 27 / 36 | joined, joined, joined |
| W | 0.778 | 0.770, 310 / 90 / 29 / 0 | 25 / 27 | apart, apart, apart |
| W attach | 0.971 | 0.971, 211 / 189 / 67 / 0 | 27 / 36 | apart, apart, joined |
| C1 | 0.974 | 0.974, 204 / 196 / 67 / 0 | 27 / 36 | apart, joined, joined |
| C3 | 0.964 | 0.964, 243 / 155 / 44 / 2 | 27 / 37 | joined, joined, 011 joins 013 |
| C1 + C3 | 0.964 | 0.964, 279 / 120 / 34 / 1 | 27 / 36 | apart, joined, 011 joins 013 |

None held, so nothing is built (``bench/evidence_bench.py`` and ``bench/corpus_bbc.py`` were not
needed; no measure-only part was run). A name test on average-link costs ECB+ recall (B3 R
0.987 -> 0.661 for W): of the ECB+ tune same-event pairs scoring ``AVERAGE_LINK`` or more, 165
of 1,401 share no lead name and 422 more share names summing under 1.0 ("Reid" alone; "Lohan"
0.997), against 26, 68 and 35 of the 129 other-event ones. The attach variants leave the BBC
labelled pairs as they are: drawn as pairs sharing two rare names, they hold no join by a
common name. What C1 does that the rule cannot see: on ``story_distractors.py``'s tune sample
it keeps 12 BBC articles alone that main attaches, and by their headlines all 12 are another
story ("Honda
wins China copyright ruling" into China's tobacco and net-cafe items by "China"; Iran's budget
into the Turkey-Iran mobile deal; award pieces by "awards", "academy"; "Blair returns from peace
mission" into ECB+'s Gaza reports by "east"; rugby by "Scotland", "Six Nations"; "Half-Life 2
sweeps Bafta awards" by "half", "life"); on all 2,225 BBC articles it attaches 98 lone articles
instead of 150. Session 34's reading agrees (``story_distractors.py``: of 21 articles attached
by a shared lead name, 2 were the same story). A rule for C1 needs a BBC story tune set that
holds such joins (attachments drawn on tune data, labelled blind). Commands: ``PYTHONPATH=src
nice -n 10 python bench/evidence_bbc.py --data /work/shared/data --stories --part tune
--baseline-src /tmp/stories46/base --errors``; the variants by scratch scripts over
``stories.cluster_scores`` (W, C1, C3 patched into ``attach`` / ``average_link``), the ECB+
tune rows as ``ecbplus.py`` and ``story_distractors.py`` compute them.

Session 45 (2026-12-04, event45): counted on the tune pairs and not built: the whole body's
event vocabulary as a test on the name rules. Literature clusters ECB+ documents by TF-IDF over
the whole text almost perfectly (our story clustering, ``bench/ecbplus.py``: ARI 0.917), so the
question was whether a low cosine of the two bodies' content words marks the other-event pairs a
name rule (``same-focus``, ``same-lead``, ``shared-vocabulary``) relates, and not the same-event
ones. The pairs: every name-rule relation at main 9c5dc82 (lone compare, bulk options, rules
entities) on the BBC tune half (18 same-event, 19 other-event), the ECB+ tune part at 40 per
event and topic (209 / 20) and every ECB+ tune pair (403 of 868 same-event, 64 of 1,704
other-event); PolNeAR train's same-cast pairs (43 of 156, other events) beside them. Signals,
each a cosine of content-word stems (``evidence._WORD_INFO``: no stop word, no figure) with the
name words of either article and their stems left out, outside furniture: ``whole`` (every word
of the text) or ``body`` (after the headline block and the three-sentence lead,
``evidence._regions``); weighted by rarity once per stem (as ``evidence._vocabulary``), by 1 +
ln n (n mentions) times rarity (tf), or by 1 + ln n times 6.5 minus the Zipf frequency (idf, as
the event vector); ``focal``: the words of the sentences that name a shared name word of rarity
0.5 or more; and, in place of a lone compare's general rarity, tf times a corpus IDF (ECB+ tune
documents; all 2,225 BBC articles), names out. Medians same / other, the chance a same-event
pair scores above an other-event one (AUC), and what a threshold removes: other-event relations
(same-event ones lost; * below 0.05).

| signal | median BBC | median ECB+ all | AUC | < 0.04: BBC, 40, all | < 0.10: the same |
| --- | --- | --- | --- | --- | --- |
| whole, rarity | 0.19/0.15 | 0.22/0.14 | 0.63/0.76 | 1(0) 1(2) 4(4) | 4(3) 5(27) 20(40) |
| whole, tf | 0.25/0.16 | 0.31/0.20 | 0.65/0.75 | 0(0) 1(1) 2(2) | 4(1) 1(14) 8(18) |
| whole, idf | 0.25/0.17 | 0.32/0.20 | 0.61/0.75 | 0(0) 0(1) 1(2) | 3(1) 1(12) 6(16) |
| body, rarity | 0.17/0.12 | 0.15/0.08 | 0.69/0.63 | 4(0) 7(43) 15(95) | 7(3) 10(74) 37(143) |
| body, tf | 0.21/0.13 | 0.19/0.14 | 0.68/0.60 | 3(0) 7(42) 16(94) | 6(2) 8(65) 24(130) |
| body, idf | 0.20/0.15 | 0.19/0.14 | 0.67/0.61 | 2(0) 7(39) 16(89) | 5(3) 7(60) 26(127) |
| focal sentences | 0.22/0.15 | 0.22/0.14 | 0.66/0.75 | 1(0) 1(5) 5(8) | 7(2) 4(24) 21(35) |
| corpus IDF | 0.25/0.16 | 0.23/0.16 | 0.64/0.73 | 0(0) 0(2) 3(4) * | 3(0) 3(17) 16(25) |

PolNeAR's same-cast relations score lowest of all (median 0.08-0.12), but no threshold keeps the
ECB+ same-event relations: every cut of a lone-compare signal that removes an ECB+ other-event
relation loses at least as many same-event ones (1 for 1 at best), and the body cuts that remove
BBC other-event relations alone (below 0.04, 2 to 4 of 19) lose 39 to 43 of ECB+'s 209
same-event ones. What a body cosine cannot see: the lowest same-event pairs are one-line reports
("PHILADELPHIA 76ERS Fired Jim O'Brien, coach", 5_3ecbplus ~ 5_7ecbplus, 0.00, a check-in told
in names alone (1_10ecbplus ~ 1_6ecbplus, 0.004; whole, idf) and ECB+'s two moments of one event
(an arrest or a trial video against the verdict, 33_11 ~ 33_9, 33_5 ~ 33_8; a plea against the
verdict, 45_3 ~ 45_8), while two events of one kind are told in one kind's words (two running
backs put on injured reserve, two fires in Alaska): the two kinds overlap almost wholly (AUC
0.60 to 0.76; 32 of the 209 ECB+ same-event relations at 40 have no body word in common, 31 of
them with a side of under 15 words after its lead). The lowest other-event ones are
13_4ecbplus's (the opinion piece recalling the church fire, related in truth) and sport/019 ~
024 (Chepkemei, 0.07; whole, idf). Figures: both articles giving two or more and sharing none
marks 5 of 19 BBC other-event relations but 3 of 18 same-event, and 1 of 20 ECB+ other against
30 of 209 same (every pair: 11 of 64 against 51 of 403); a figure with a unit or currency on
each side and none shared, 2 BBC other and 1 same, 0 ECB+ other at 40 and 23 same. With a corpus
IDF and the names kept, below 0.15 removes 9 of the 64 ECB+ other-event relations of every pair
for 1 of 403 same-event, none at 40 per topic and none on BBC; 8 of the 9 and the 1 are
13_4ecbplus's (the opinion piece, whose words are its own against the whole corpus). Keep rule
(build only if a threshold removes other-event relations and loses no same-event one on BBC tune
and ECB+ tune 40/40): not met by any signal; nothing built, no measure-only part run. Counted
with scratch scripts over :func:`evidence_bench.judge`'s comparisons of these pairs (2 s CPU for
the signals).

Session 44 (2026-12-04, event44): ``shared-vocabulary`` needs the two leads (the first two
sentences, ``Evidence.lead``) to share at least one word: rare words alike throughout that
neither lead uses are the background two articles share, not the news each leads with. Engine
``reuse-24``. The related other-event pairs of the tune half at main ed9d55d, 26 of 71, read
one by one, by what decided them: ``same-focus`` 11 (7 at focus 0.4 or more, one person,
show or product in two news items: Gerrard's European hopes against his contract, twice;
Doherty's bail and his on-stage fight; the Poppins first night and Julie Andrews' visit; the
PSP in Japan and in the US; Dawson's injury and his contract; Federer's Dubai final and his
earlier round; 4 at 0.35-0.4: the Gazprom-Rosneft merger and India's energy talks, Parry and
Gerrard, two critics' awards for Sideways, two items of Venezuela's land reform);
``shared-vocabulary`` 6 (2 whose leads share no word at all: a Ferrero comeback feature
against a Davis Cup doubles he lost, sport/423 ~ 472, and a column on Federer against
Hewitt's semi-final, sport/473 ~ 486, now ``none``; 4 whose leads share a name: two San Jose
rounds, the Da Vinci film and novel, the SAG awards and Oscars night, the Baftas and the
Oscars); ``same-lead`` 4 (leads alike in the names only: an FA Cup draw and Strachan turning
Portsmouth down, Kilroy-Silk's immigration policy and his seat, Chepkemei's London hopes and
her Edinburgh race, Souness on Owen and Bellamy's fine); ``shared-quote`` 2 (Liam Fox's quote
reprinted; the Kilroy-Silk statements alike in 9 words, 7 of them names; ``same-focus`` holds
for both, so neither verdict moves without it); ``shared-passage`` 3 (session 43's background
reprints). On every ECB+ tune pair (868 same-event, 1,704 other-event) no related pair of
either kind had ``shared-vocabulary`` with leads sharing nothing (the lowest same-event lead
there: 0.02, 5_10ecbplus ~ 5_3ecbplus), and no verdict moved; PolNeAR train (150 same
publisher, 156 same cast) none moved.

Counted on the tune pairs and not built (none separates the kinds): (1) the headline and
lead's content words other than the shared names (weighted by general word frequency) as a
test on the name rules: at a cosine below 0.04, 7 BBC other-event relations fewer but 7 ECB+
same-event ones lost (topic 33's trial video against its verdict, topic 29's game reports
told in other words, 13_14's indictment against the fire) and 5 ECB+ other-event; below
0.02, 2 BBC and 5 ECB+ same-event; (2) the same in the two-sentence lead for
``shared-vocabulary``: three ECB+ same-event pairs share nothing but names there (1_20 ~ 1_8,
5_1 ~ 5_9, 5_3 ~ 5_5); (3) ``same-lead`` with leads alike in more than the names: BBC
business/314 ~ 426 (same event) and 4 ECB+ same-event pairs are alike in names only; (4)
match scores in both leads, none of one printed by the other, as a conflict: 1 BBC
other-event relation (Federer in Dubai) and 1 ECB+ same-event (25_10 ~ 25_14); (5) a shared
quote whose alike words are mostly names (politics/288 ~ 333): ``same-focus`` holds beside it,
so no verdict moves; (6) ``same-focus`` between 0.35 and 0.4 by event similarity: BBC 0.15 to
0.34 against ECB+ same-event 0.13 up.

Keep rule, written 16:24 UTC before any bench run of the change: in one run beside a
``git archive`` of main ed9d55d (/tmp/event44/base), merge only if BBC tune other-event
falls, BBC tune same-event does not fall, ECB+ tune (40 per event and topic) other-event does
not rise and same-event does not fall, lone and in a corpus, PolNeAR train same publisher
<= 0.02; then the measure-only parts once, reported whatever they say. Commands:
``PYTHONPATH=src nice -n 10 python bench/evidence_bbc.py --data /work/shared/data --part
tune|measure --baseline-src /tmp/event44/base`` and ``bench/evidence_bench.py --entities rules
--baseline-src /tmp/event44/base`` with ``--part tune --per-event 40 --per-topic 40`` (224 s
CPU), then once ``--part measure --per-event 12|40 --per-topic 12|40``; measure-only errors not
read. Held: kept.

| pairs | part | n | main | this | corpus main | corpus this |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| BBC same event | tune | 28 | 0.929 | 0.929 | | |
| | measure | 29 | 1.000 | 1.000 | | |
| BBC other event | tune | 71 | 0.366 | **0.338** | | |
| | measure | 42 | 0.476 | 0.476 | | |
| ECB+ same event, other outlet | tune, 40/event | 440 | 0.868 | 0.868 | 0.909 | 0.909 |
| | measure, 12/event | 115 | 0.930 | 0.930 | 0.887 | 0.887 |
| | measure, 40/event | 367 | 0.926 | 0.926 | 0.918 | 0.918 |
| ECB+ other event, same topic | tune, 40/topic | 440 | 0.050 | 0.050 | 0.027 | 0.027 |
| | measure, 12/topic | 120 | 0.167 | 0.167 | 0.108 | 0.108 |
| | measure, 40/topic | 400 | 0.193 | 0.193 | 0.147 | 0.147 |
| PolNeAR same publisher | tune (train) | 150 | 0.007 | 0.007 | 0.000 | 0.000 |
| | measure (dev) | 150 | 0.000 | 0.000 | 0.000 | 0.000 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.295 | 0.295 | 0.141 | 0.141 |

No measure-only rate moved: the rule is narrow, and the hypothesis that BBC tune errors teach
rules for ECB+ measure is not borne out by it. ``bench/ecbplus.py`` with main's tree and with
this one: identical (tune ARI 0.960 / B3 F1 0.974, measure 0.856 / 0.916, all odd topics 0.917
/ 0.948).

Session 43 (2026-12-04, story43): a shared quote needs 5 words printed alike inside quotation
marks on both sides (``evidence.QUOTE_MIN_WORDS``). The related other-event pairs of the tune
half at main 23ff22d, 27 of 71, by what decided them: ``same-focus`` 11, ``shared-vocabulary``
6, ``same-lead`` 4 (one person, show or product in two news items, as session 42 read them; 13
of the 21 carry the same-people caveat, the other 8 are kept off it by a figure both give, a
bare number in 6 ("24", "25", "74", "500"), or by a lead place, one read from "trade in Gazprom
shares"), ``shared-quote`` 3 and ``shared-passage`` 3 (BBC reprinting its own background: the
Balco paragraph, Tarantino's television work, peer-to-peer file-sharing). Of the three shared
quotes one is a quote BBC printed again (Liam Fox's "If you are willing to lie about the
reasons for going to war ...") and two are two statements that merely share words: "Anything
can happen in the next general election" (a strategist) against "I will be standing at the next
general election" (Kilroy-Silk), which the aligner pairs as one reworded sentence, 4 words
alike (politics/267 ~ 293, now ``different-subject``), and Hockney's "Robert Kilroy-Silk can
deliver better ... than the current leadership of the UK Independence Party" against Knapman's
"... the Robert Kilroy-Silk Party than the UK Independence Party ...", 9 words alike
(politics/288 ~ 333; still ``shared-quote``, and ``same-focus`` beside it). The rule counted
the words of a shared passage that overlapped a quotation on each side, whatever they were.
Engine ``reuse-20``. Over every pair of the BBC draw's pool on the tune half (1,769 pairs
sharing two rare lead names, hashed to tune) no verdict or listed quote moved; over every ECB+
tune pair (868 same-event, 1,704 other-event) no verdict moved, and 38 list fewer quotes: a
passage over several quotations listed each quotation of A against each of B (ECB+ 29_1ecbplus
~ 29_9ecbplus, two prints of one report: 130 "shared quotes" for the 10 both print).

Keep rule, written 14:08 UTC before any bench run of the change: on the tune part, other-event
related falls (ECB+ at 40 per topic and BBC, counted together) and rises in neither, same-event
related falls in neither (ECB+ at 40 per event, lone and in a corpus; BBC), PolNeAR same
publisher <= 0.02; then the measure-only parts once, reported whatever they say. Commands:
``PYTHONPATH=src nice -n 10 python bench/evidence_bbc.py --data /work/shared/data --part
tune|measure --baseline-src /tmp/story43/base`` (``git archive`` of main 23ff22d) and
``bench/evidence_bench.py --entities rules --baseline-src /tmp/story43/base`` with ``--part
tune --per-event 40 --per-topic 40``, then once ``--part measure --per-event 12|40 --per-topic
12|40``; measure-only errors not read. Held: kept.

| pairs | part | n | main | this | corpus main | corpus this |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| BBC same event | tune | 28 | 0.929 | 0.929 | | |
| | measure | 29 | 1.000 | 1.000 | | |
| BBC other event | tune | 71 | 0.380 | **0.366** | | |
| | measure | 42 | 0.476 | 0.476 | | |
| ECB+ same event, other outlet | tune, 40/event | 440 | 0.868 | 0.868 | 0.909 | 0.909 |
| | measure, 12/event | 115 | 0.930 | 0.930 | 0.887 | 0.887 |
| | measure, 40/event | 367 | 0.926 | 0.926 | 0.918 | 0.918 |
| ECB+ other event, same topic | tune, 40/topic | 440 | 0.050 | 0.050 | 0.027 | 0.027 |
| | measure, 12/topic | 120 | 0.167 | 0.167 | 0.108 | 0.108 |
| | measure, 40/topic | 400 | 0.193 | 0.193 | 0.147 | 0.147 |
| PolNeAR same publisher | tune (train) | 150 | 0.007 | 0.007 | 0.000 | 0.000 |
| | measure (dev) | 150 | 0.007 | **0.000** | 0.007 | **0.000** |
| PolNeAR other event, same cast | tune (train) | 156 | 0.295 | 0.295 | 0.141 | 0.141 |

The PolNeAR dev pair that moved was not read (measure-only). ``bench/ecbplus.py`` with main's
tree and with this one: identical (tune ARI 0.960 / B3 F1 0.974, measure 0.856 / 0.916, all
odd topics 0.917 / 0.948; ``stories.cluster`` reads no evidence).

Session 42 (2026-12-04, event12o): labelled first (verdicts hidden), split, then the tune
half's errors read. Related other-event pairs on the tune half at main 95fbc8d, 30 of 71, by
rule: ``same-focus`` 12 (8 of them one person or show in two news items: a singer's bail and
his on-stage fight, a player's injury and his contract, a musical's first night and a star's
visit; 4 two rounds of one tournament, two players before one match, two items of one
land reform, two Russian energy deals), ``shared-vocabulary`` 8 (rounds of one tournament,
two awards ceremonies, two Yukos items against Gazprom's tax claim, a Da Vinci film and
novel), ``same-lead`` 4, ``shared-quote`` 3 and
``shared-passage`` 3 (BBC reprints its own background: a Kilroy-Silk quotation, a paragraph on
Balco or on Tarantino's television work). Built: a lead place is an event detail (which keeps
``different-subject`` off and the same-people caveat away) only when both headers or leads
name it and it is at least ``evidence.PLACE_DETAIL_RARITY`` (0.5) rare; "Russia" or a word
one lead reads as a place ("a stake in Yukos") that the other names further down no longer
is. Counted on the tune half and every ECB+ tune pair (868 same, 1,704 other) and not built:
``FOCUS_MIN`` 0.38-0.4 (BBC other 30 -> 28, ECB+ same 757 -> 753); a subject missing one way
vetoing ``same-lead``/``shared-vocabulary`` without a detail (BBC other 30 -> 26 and same 26 ->
25, ECB+ same 757 -> 753, other 68 -> 59); a subject missing one way as a conflict (ECB+ same
-10 of 440). What is left, one person in two news items, carries no detail any rule reads.

Keep rule, written 12:58 UTC before the measure-only runs: BBC tune other-event down and no
BBC tune same-event pair lost; ECB+ tune (40 per event/topic) same event at most 1 pair below
main, lone and in a corpus; then once: BBC measure other-event not above main and same-event
>= 0.90 (or not below main if main is under it); ECB+ measure at 12 and 40, lone and in a
corpus, other event not above main and same event >= 0.90 lone; PolNeAR <= 0.02;
``bench/ecbplus.py`` ARI >= 0.90, B3 F1 >= 0.93; the seeds ``same-story`` by shared quotes.
Command: ``PYTHONPATH=src nice -n 10 python bench/evidence_bbc.py --data /work/shared/data
--part tune|measure --baseline-src /tmp/event12o/base`` (``git archive`` of main 95fbc8d; 2 s
CPU) and ``bench/evidence_bench.py --entities rules --baseline-src /tmp/event12o/base`` with
``--part tune --per-event 40 --per-topic 40``, then once ``--part measure --per-event 12|40
--per-topic 12|40``; measure-only errors not read. Engine ``reuse-18``.

| pairs | part | n | main | this | corpus main | corpus this |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| BBC same event | tune | 28 | 0.929 | 0.929 | | |
| | measure | 29 | 1.000 | 1.000 | | |
| BBC other event | tune | 71 | 0.423 | **0.380** | | |
| | measure | 42 | 0.571 | **0.476** | | |
| ECB+ same event, other outlet | tune, 40/event | 440 | 0.868 | 0.868 | 0.909 | 0.909 |
| | measure, 12/event | 115 | 0.930 | 0.930 | 0.887 | 0.887 |
| | measure, 40/event | 367 | 0.926 | 0.926 | 0.918 | 0.918 |
| ECB+ other event, same topic | tune, 40/topic | 440 | 0.050 | 0.050 | 0.027 | 0.027 |
| | measure, 12/topic | 120 | 0.167 | 0.167 | 0.108 | 0.108 |
| | measure, 40/topic | 400 | 0.193 | 0.193 | 0.147 | 0.147 |
| PolNeAR same publisher | tune (train) | 150 | 0.007 | 0.007 | 0.000 | 0.000 |
| | measure (dev) | 150 | 0.007 | 0.007 | 0.007 | 0.007 |
| PolNeAR other event, same cast | tune (train) | 156 | 0.295 | 0.295 | 0.154 | **0.141** |

Every ECB+ and PolNeAR rate equals main's but PolNeAR train's same-cast pairs in a corpus
(0.154 -> 0.141: two fewer corroborated). ``bench/ecbplus.py``: all odd topics ARI 0.917, B3
F1 0.948 (``stories.cluster`` reads no evidence). Every clause held: kept. Unsure pairs (15)
count nowhere. The BBC rates are far from issue 12's line (other event
<= 0.10): on BBC the cast of a beat (a club, a company, a film's awards season) recurs in
many news items, and what tells them apart is the news itself, not a name, date or place.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_bbc import load_bbc  # noqa: E402
from evidence_bench import judge, show_errors  # noqa: E402
from srcpath import src_folder  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
LABELS = Path(__file__).resolve().parent / "evidence_bbc" / "labels.jsonl"
DRAW_SEED = 42
DRAW_RELATED = 110
DRAW_SHARED = 75
DRAW_RARITY = 0.9
DRAW_NAMES = 2


def part_of(a: str, b: str) -> str:
    """``tune`` or ``measure``: the pair's half, by a hash of its ids (fixed before labelling
    errors were read)."""
    return "tune" if int(hashlib.sha1(f"{a}~{b}".encode()).hexdigest(), 16) % 2 == 0 else "measure"


def load_labels(path: Path = LABELS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def draw(docs: dict[str, dict]) -> list[tuple[str, str]]:
    """The candidate pairs as labelled: same-category pairs (copies folded away) sharing
    :data:`DRAW_NAMES` name words of rarity >= :data:`DRAW_RARITY`; :data:`DRAW_RELATED` judged
    related, then :data:`DRAW_SHARED` of the rest."""
    from storytrace.align import BULK, compare
    from storytrace.evidence import _profile
    from storytrace.names import rarity

    seen: set[str] = set()
    keep = []
    for k in sorted(docs):
        folded = " ".join(re.findall(r"\w+", docs[k]["text"].lower()))
        if folded not in seen:
            seen.add(folded)
            keep.append(k)
    rare = {
        k: {w for w in _profile(docs[k]["text"], (), "rules").first if rarity(w) >= DRAW_RARITY}
        for k in keep
    }
    by_cat: dict[str, list[str]] = defaultdict(list)
    for k in keep:
        by_cat[k.split("/")[0]].append(k)
    pool = [
        (a, b)
        for _, ks in sorted(by_cat.items())
        for a, b in combinations(ks, 2)
        if len(rare[a] & rare[b]) >= DRAW_NAMES
    ]
    os.environ["STORYTRACE_ENTITIES"] = "rules"
    related = [
        p
        for p in pool
        if compare(docs[p[0]]["text"], docs[p[1]]["text"], BULK).verdict != "unrelated"
    ]
    rng = random.Random(DRAW_SEED)
    pick = rng.sample(related, DRAW_RELATED)
    chosen = set(pick)
    return pick + rng.sample([p for p in pool if p not in chosen], DRAW_SHARED)


def run(args: argparse.Namespace) -> list[tuple[str, str, int, float, dict, list]]:
    """Rows: (label, part, n, related rate, rules fired, each pair's comparison)."""
    docs = {k: {"text": text} for k, (_, text) in load_bbc(args.data / "bbc" / "bbc").items()}
    labels = load_labels()
    rows = []
    for label in ("same-event", "other-event"):
        for part in ("tune", "measure"):
            if args.part not in (part, "both"):
                continue
            sel = [
                (r["a"], r["b"])
                for r in labels
                if r["label"] == label and part_of(r["a"], r["b"]) == part
            ]
            rates, _, rules, each = judge(sel, docs, ["rules"])
            rows.append((label, part, len(sel), rates["rules"], rules, each))
    return rows


def run_stories(args: argparse.Namespace) -> list[tuple[str, str, int, float, list]]:
    """Rows: (label, part, n, share of the pairs in one story, the pairs judged wrongly):
    every BBC article clustered at once, undated (:func:`storytrace.stories.cluster`)."""
    from storytrace import stories as st

    docs = {k: text for k, (_, text) in load_bbc(args.data / "bbc" / "bbc").items()}
    story = {d: k for k, g in enumerate(st.cluster(docs)) for d in g}
    labels = load_labels()
    rows = []
    for label in ("same-event", "other-event"):
        for part in ("tune", "measure"):
            if args.part not in (part, "both"):
                continue
            sel = [
                (r["a"], r["b"])
                for r in labels
                if r["label"] == label and part_of(r["a"], r["b"]) == part
            ]
            joined = [story[a] == story[b] for a, b in sel]
            wrong = [p for p, j in zip(sel, joined, strict=True) if j != (label == "same-event")]
            rows.append((label, part, len(sel), sum(joined) / max(len(sel), 1), wrong))
    return rows


def main_stories(args: argparse.Namespace) -> int:
    """``--stories``: the labelled pairs in one story, this code beside ``--baseline-src``."""
    t0 = time.process_time()
    rows = run_stories(args)
    if args.json:
        print(json.dumps([r[3] for r in rows]))
        return 0
    secs = time.process_time() - t0
    base = None
    if args.baseline_src:
        cmd = [sys.executable, __file__, "--json", "--stories", "--part", args.part]
        env = dict(os.environ, PYTHONPATH=args.baseline_src)
        out = subprocess.run(
            [*cmd, "--data", str(args.data)], env=env, capture_output=True, text=True, check=True
        ).stdout
        base = json.loads(out)
    prev_head = f"{'previous':>9}" if base else ""
    print(f"{'pairs in one story':30} {'part':8} {'n':>4} {'this':>7}{prev_head}")
    for k, (label, part, n, rate, _) in enumerate(rows):
        prev = f"{base[k]:9.3f}" if base else ""
        print(f"BBC {label:26} {part:8} {n:4d} {rate:7.3f}{prev}")
    print(f"\n{secs:.0f} s CPU (this code): all BBC articles clustered undated")
    if base:
        print(f"previous: {args.baseline_src}, same pairs, same run")
    if args.errors:
        for label, part, _, _, wrong in rows:
            if part == "tune":
                what = "apart" if label == "same-event" else "in one story"
                for a, b in wrong:
                    print(f"  BBC {label} {what}: {a} ~ {b}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--part", choices=("tune", "measure", "both"), default="both")
    ap.add_argument("--baseline-src", type=src_folder, help="older code beside (a tree or src)")
    ap.add_argument("--errors", action="store_true", help="print the tune part's wrong pairs")
    ap.add_argument("--draw", action="store_true", help="print the labelled draw's pairs again")
    ap.add_argument(
        "--stories", action="store_true", help="the pairs in one story (stories.cluster)"
    )
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not (args.data / "bbc" / "bbc").is_dir():
        print(f"BBC data not found under {args.data}", file=sys.stderr)
        return 1
    if args.draw:
        docs = {k: {"text": t} for k, (_, t) in load_bbc(args.data / "bbc" / "bbc").items()}
        for a, b in draw(docs):
            print(f"{a} {b}")
        return 0
    if args.stories:
        return main_stories(args)
    t0 = time.process_time()
    rows = run(args)
    if args.json:
        print(json.dumps([r[3] for r in rows]))
        return 0
    secs = time.process_time() - t0
    base = None
    if args.baseline_src:
        cmd = [sys.executable, __file__, "--json", "--part", args.part, "--data", str(args.data)]
        env = dict(os.environ, PYTHONPATH=args.baseline_src)
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        base = json.loads(out)
    prev_head = f"{'previous':>9}" if base else ""
    print(f"{'pairs':26} {'part':8} {'n':>4} {'this':>7}{prev_head}  rules fired")
    for k, (label, part, n, rate, rules, _) in enumerate(rows):
        rules.pop("caveat", None)
        fired = ", ".join(f"{r} {v}" for r, v in sorted(rules.items(), key=lambda x: -x[1]))
        prev = f"{base[k]:9.3f}" if base else ""
        target = ">= 0.90" if label == "same-event" else "<= 0.10"
        print(f"BBC {label + ' (' + target + ')':22} {part:8} {n:4d} {rate:7.3f}{prev}  {fired}")
    print(f"\n{secs:.0f} s CPU (this code), rules entities")
    if base:
        print(f"previous: {args.baseline_src}, same pairs, same run")
    if args.errors:
        for label, part, _, _, _, each in rows:
            if part == "tune":
                show_errors(f"BBC {label}", each, label == "same-event")
    return 0


if __name__ == "__main__":
    sys.exit(main())
