"""Evaluation: quote extraction on PolNeAR (political news attribution relations).

Gold: ``../shared/data/polnear/data/<split>/attributions/*.ann`` (BRAT standoff). Each ``E``
line ties a Content span (possibly discontinuous) to its Source and Cue. Articles annotated
by several people use one annotator consistently: the first ``.ann`` file in name order.

Gold kind comes from the marks: a content whose words all lie inside quotation marks is
``direct``, one with some quoted words ``mixed``, one with none ``indirect``. PolNeAR also
annotates non-speech attributions (beliefs, intentions, poll findings); those count as
``indirect`` gold, so indirect recall is also shown for gold whose cue is a speech verb.

PolNeAR ties a quote interrupted by its frame ('"A," he said, "B."') or running on into
the next sentence or paragraph into one attribution; so does storytrace (one quote whose
``parts`` are the content spans); a prediction's words are those of its parts.

Matching is on word tokens (``storytrace.text.Doc``), one to one, greedily by overlap:

* ``50%``: shared words >= half of the longer of prediction and gold (quotation marks and
  punctuation do not count);
* ``exact``: the same words;
* ``exact-t`` (column ``F1@ex-t``, added by quotes15d beside the unchanged ``exact``): the
  same words once a leading complementiser "that" is dropped from both sides. PolNeAR's
  content starts with it ("said that the plan ..."); the issue's contract and both of our
  own annotation guidelines keep it in the frame, so under ``exact`` a span that differs
  by that one word scores nothing (on the first 300 train articles, 409 of the 924 pairs
  matched at 50% but not exactly differ only so).

Precision of a kind counts that kind's predictions matched to any gold; recall of a kind
counts that kind's gold matched by any prediction. Speaker accuracy: matched pairs whose
gold has a Source, where the predicted speaker span shares a word with it (``spk span``),
or else the resolved ``speaker_name`` shares a name with the gold Source text, as "Ted
Cruz" and "Mr. Cruz" (``spk name``: the same person, written elsewhere in the article).

Published anchors (different data or splits; shown for scale, not as a like-for-like race):
GenderGapTracker's rule system reports F1 about 0.84 for quotes on its own news data;
CofeNet (BERT) reports exact-match F1 about 0.83 for sources and 0.73 for content on
PolNeAR *test*. The test split is not used here.

Run: ``.venv/bin/python bench/quotes_polnear.py [--split dev] [--no-parser] [--limit N]``
(``--data DIR``: PolNeAR's ``data/`` folder when the repo is not beside ``shared``).

Rows: ``speech`` is the headline figure for issue 15: recall over gold whose cue is a
speech verb (a fixed list, below) or whose content is quoted; precision over all
predictions, a prediction being right when it matches any gold attribution. ``clause``
(shown when spaCy is installed) is the same gold less what the speech-frame contract of
issue 15 excludes on purpose: it keeps gold whose content is quoted or holds a verb or
auxiliary (spaCy's tags, read in context) and does not start on the title line, so noun-
phrase contents ("called for a ban", "promised a veto") and headlines drop out; precision
is again over all predictions. ``--part`` splits dev into stratified halves (alternate
articles of each outlet): rules were tuned by reading errors on ``tune`` (and on the
train split) only; ``measure`` was only ever measured, once per change set.

Results, 2026-12-01, F1 at 50% (P / R) and speaker accuracy (name); before = commit
2777d52 (start of this pass), after = this version, both run with this bench in the same
session. Run: ``nice -n 10 .venv/bin/python bench/quotes_polnear.py --part tune`` (and
``measure``).

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.783 (0.895 / 0.696) | 0.810 (0.892 / 0.741) | 0.814 / 0.842 | 0.935 / 0.942 |
| tune    | parser | 0.800 (0.893 / 0.725) | 0.818 (0.890 / 0.757) | 0.831 / 0.850 | 0.937 / 0.943 |
| measure | rules  | 0.746 (0.862 / 0.657) | 0.750 (0.859 / 0.665) | 0.788 / 0.793 | 0.890 / 0.903 |
| measure | parser | 0.752 (0.852 / 0.673) | 0.755 (0.851 / 0.679) | 0.794 / 0.799 | 0.895 / 0.905 |

The issue's targets (F1 0.90, speaker accuracy 0.95) are not met in either row. Gains
on ``tune`` carried over to ``measure`` only a little. The remaining misses on ``tune``
are mostly noun-phrase contents (outside the contract), reported-clause boundaries that
differ from the annotation, and frames with long subjects. Extraction cost, rules only,
CPU time, best of 5 over the 84 dev texts, old and new code alternately (three sessions,
two pairs each, shared machine): 3,448-3,777 us per article before, 3,754-4,029 after;
paired ratios 1.02x to 1.14x.

Third pass (2026-12-01, speakers and request/naming frames), before = commit 0279fe9, after
= this version, the same bench in one session (``nice -n 10``, both halves, both modes):

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.810 (0.892 / 0.741) | 0.813 (0.882 / 0.755) | 0.842 / 0.845 | 0.942 / 0.945 |
| tune    | parser | 0.818 (0.890 / 0.757) | 0.819 (0.879 / 0.767) | 0.850 / 0.851 | 0.943 / 0.946 |
| measure | rules  | 0.750 (0.859 / 0.665) | 0.755 (0.853 / 0.678) | 0.793 / 0.799 | 0.903 / 0.900 |
| measure | parser | 0.755 (0.851 / 0.679) | 0.760 (0.845 / 0.690) | 0.799 / 0.803 | 0.905 / 0.902 |

Targets still not met. This bench's speaker score is lenient by design (a predicted span
that overlaps the gold Source, usually "he", counts whoever it is resolved to), so it barely
moves with pronoun resolution; ``bench/quote_eval.py`` scores the resolved name. Extraction
CPU, rules only, best of 5 over the 84 dev texts, old/new alternately, two pairs in one
session: 5,942 -> 6,376 and 5,913 -> 6,745 us per article (1.07x, 1.14x).

Fourth pass (2026-12-01, quotes15), before = main 0293407, after = 4f8a4e1, the same bench
in one run (``nice -n 10``, shared machine at load 12-18). Errors were read on ``tune``
and on the train split only; ``measure`` was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.813 (0.882 / 0.755) | 0.836 (0.903 / 0.779) | 0.845 / 0.868 | 0.945 / 0.950 |
| tune    | parser | 0.819 (0.879 / 0.767) | 0.840 (0.900 / 0.787) | 0.851 / 0.871 | 0.946 / 0.949 |
| measure | rules  | 0.755 (0.853 / 0.678) | 0.758 (0.855 / 0.681) | 0.799 / 0.802 | 0.900 / 0.899 |
| measure | parser | 0.760 (0.845 / 0.690) | 0.762 (0.847 / 0.693) | 0.803 / 0.806 | 0.902 / 0.900 |

Targets still not met; the tune gains carried over to ``measure`` only a little again.
Tune misses (rules) by category, before -> after: outside the contract (noun-phrase
contents, headline) 55 -> 53; no overlapping prediction (cue missed) 84 -> 71; content
boundary under 50% 39 -> 36; other 6 -> 6. False positives: boundary 50 -> 40, nested
inner quotes overlapping a matched gold 12 -> 9, no gold at all 15 -> 15 (mostly real
attributions the annotators left out). Extraction CPU, rules only, best of 5 over the 84
dev texts, old/new alternately, three pairs: 6,618 -> 6,611, 6,094 -> 6,500, 6,232 ->
6,418 us per article (1.00x, 1.07x, 1.03x).

Fifth pass (2026-12-01, quotes15), before = main 04bb2e8 (this session's start), after =
9ba1dec, the same bench in one run (``nice -n 10``). Errors were read on ``tune``, on the
train split, on the own set's tune half and on 50 BBC articles outside the own set;
``measure`` was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.836 (0.903 / 0.779) | 0.843 (0.908 / 0.787) | 0.868 / 0.875 | 0.950 / 0.949 |
| tune    | parser | 0.840 (0.900 / 0.787) | 0.846 (0.907 / 0.793) | 0.871 / 0.878 | 0.949 / 0.949 |
| measure | rules  | 0.758 (0.855 / 0.681) | 0.761 (0.857 / 0.684) | 0.802 / 0.804 | 0.899 / 0.899 |
| measure | parser | 0.762 (0.847 / 0.693) | 0.766 (0.850 / 0.696) | 0.806 / 0.809 | 0.900 / 0.901 |

Targets (F1 0.90, speaker 0.95) still not met; the measure half again gains less than tune
(+0.003/+0.004 F1 against +0.007/+0.006). The speaker column here is the lenient span score
and did not move; the pass's speaker work shows in ``bench/quote_eval.py``'s strict score.
Whole-run CPU (both modes, spaCy included): tune 35.1 s before, 31.5 s after; measure 26.4 s
both.

Sixth pass (2026-12-01, quotes15), before = main 94a6ada, after = a50ec62, the same bench in one
run from two worktrees (``nice -n 10``). Errors were read on ``tune`` and on the first 400 train
articles only; ``measure`` was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.843 (0.908 / 0.787) | 0.859 (0.919 / 0.807) | 0.875 / 0.892 | 0.949 / 0.950 |
| tune    | parser | 0.846 (0.907 / 0.793) | 0.862 (0.919 / 0.812) | 0.878 / 0.895 | 0.949 / 0.950 |
| measure | rules  | 0.761 (0.857 / 0.684) | 0.770 (0.861 / 0.696) | 0.804 / 0.814 | 0.899 / 0.901 |
| measure | parser | 0.766 (0.850 / 0.696) | 0.774 (0.855 / 0.707) | 0.809 / 0.818 | 0.901 / 0.902 |

Targets (F1 0.90, speaker 0.95) not met. The 145 tune misses (rules), each read: 43 noun-phrase
contents and 10 title lines (outside the speech-frame contract), 21 quoted words with a non-
speech cue (16 annotation convention, 5 characterising verbs off the list), 39 with no
prediction (28 convention or outside the contract: acts such as "agreed to", noun-phrase
objects, nominal cues; 11 real), 30 boundaries (16 real, 14 PolNeAR spans over several
sentences or past the clause), 2 predictions matched elsewhere. About 34 real errors: fixing
all would give tune recall 0.85 and F1 about 0.88; with every real false positive gone too,
about 0.91. docs/quotes.md has the table. Whole-run CPU (both modes, spaCy included): tune 38.9
s before, 39.9 s after; measure 30.9 s before, 29.4 s after (load 10-14).

Seventh pass (2026-12-01, quotes15), before = main a36c9b7, after = 5c92582, the same bench in one
run from two worktrees (``nice -n 10``). Errors were read on the train split only; ``measure``
was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.859 (0.919 / 0.807) | 0.863 (0.921 / 0.812) | 0.892 / 0.896 | 0.950 / 0.949 |
| tune    | parser | 0.862 (0.919 / 0.812) | 0.866 (0.921 / 0.817) | 0.895 / 0.898 | 0.950 / 0.949 |
| measure | rules  | 0.770 (0.861 / 0.696) | 0.770 (0.861 / 0.696) | 0.814 / 0.814 | 0.901 / 0.901 |
| measure | parser | 0.774 (0.855 / 0.707) | 0.774 (0.855 / 0.707) | 0.818 / 0.818 | 0.902 / 0.902 |

Targets not met; the tune gains (dashed subjects, listeners, liken/hail/deride, the '80s mark)
did not move ``measure`` at 50% (exact F1 0.515 -> 0.517 rules, 0.517 -> 0.519 parser).
Whole-run CPU (both modes, spaCy included): tune 46.9 s before, 45.3 s after; measure 36.2 s
before, 35.9 s after.

Eighth pass (2026-12-02, quotes15), before = main 9846075, after = 2d9fd9f (with main merged),
the same bench in one run from two worktrees (``nice -n 10``). Errors were read on PolNeAR train
articles 0-420 only; train 420-840 was only counted; ``measure`` was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.863 (0.921 / 0.812) | 0.864 (0.922 / 0.812) | 0.896 / 0.896 | 0.949 / 0.949 |
| tune    | parser | 0.866 (0.921 / 0.817) | 0.867 (0.922 / 0.817) | 0.898 / 0.899 | 0.949 / 0.949 |
| measure | rules  | 0.770 (0.861 / 0.696) | 0.771 (0.861 / 0.698) | 0.814 / 0.815 | 0.901 / 0.901 |
| measure | parser | 0.774 (0.855 / 0.707) | 0.775 (0.856 / 0.709) | 0.818 / 0.819 | 0.902 / 0.902 |

Exact F1 fell a little (measure 0.517 -> 0.511 rules, 0.519 -> 0.513 parser). Train, rules
(the scratch error-mix script, same matching): 0-420 (read) 0.773 -> 0.777, 420-840 (counted
only) 0.798 -> 0.800. Targets not met. Why tune and measure differ: all 840 train articles
score 0.785 (P 0.870 / R 0.716) at main 9846075, 0.75-0.80 in every outlet, like ``measure``;
``tune`` (0.863) is the outlier because its errors were read one by one in passes 2-6. The
halves' gold is alike (direct / mixed / indirect 0.29 / 0.24 / 0.47 tune, 0.32 / 0.22 / 0.47
measure, 0.32 / 0.23 / 0.45 train; content over several sentences 0.20 / 0.22 / 0.22). Train's
3,354 misses (of 11,794 ``speech`` gold): 854 outside the contract (noun phrases, title line),
555 quoted words whose cue is no reporting verb of the extractor's ("endorsed", "praised"),
1,067 with a cue on the extractor's list and no prediction (many noun-phrase objects that
the verb tagger lets through; the real ones include long linking phrases, subjects with
relative clauses and questions inside content: the fixes above), 28 with other speech cues,
697 boundaries (428 predictions running on past the content), 153 predictions matched to
another gold. The first two alone cap recall under the
speech-frame contract at about 0.88, so F1 0.90 needs precision above 0.92 as well.
Whole-run CPU (both modes, spaCy included; load 15): tune 47.2 s before, 46.7 s after; measure
38.7 s before, 37.3 s after.

Ninth pass (2026-12-02, quotes15, speakers), before = main ce012f8, after = 957b6e2, the same bench
in one run from two worktrees (``nice -n 10``, load 6-22). Errors were read on the train split
only; ``measure`` was run once, at the end. Every figure is unchanged to three decimals:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.864 (0.922 / 0.812) | 0.864 (0.922 / 0.812) | 0.896 / 0.896 | 0.949 / 0.949 |
| tune    | parser | 0.867 (0.922 / 0.817) | 0.867 (0.922 / 0.817) | 0.899 / 0.899 | 0.949 / 0.949 |
| measure | rules  | 0.771 (0.861 / 0.698) | 0.771 (0.861 / 0.698) | 0.815 / 0.815 | 0.901 / 0.901 |
| measure | parser | 0.775 (0.856 / 0.709) | 0.775 (0.856 / 0.709) | 0.819 / 0.819 | 0.902 / 0.902 |

Train (all 840 articles, rules, read): speaker errors 418 -> 391 (0.950 -> 0.953). Targets not
met. Whole-run CPU: tune 44.4 s before, 46.8 s after; measure 37.3 s both.

Twelfth pass (2026-12-02, quotes15, speakers), before = main 009ded3, after = 0f7b43d, the same
bench in one run from two worktrees (``nice -n 10``). Errors were read on the train split and
``tune`` only; ``measure`` was run once, at the end:

| part    | mode   | speech before         | speech after          | clause b / a  | spk b / a     |
|---------|--------|-----------------------|-----------------------|---------------|---------------|
| tune    | rules  | 0.864 (0.922 / 0.813) | 0.864 (0.921 / 0.813) | 0.897 / 0.896 | 0.950 / 0.949 |
| tune    | parser | 0.867 (0.922 / 0.819) | 0.867 (0.921 / 0.819) | 0.900 / 0.899 | 0.951 / 0.949 |
| measure | rules  | 0.771 (0.861 / 0.698) | 0.771 (0.861 / 0.698) | 0.815 / 0.815 | 0.901 / 0.901 |
| measure | parser | 0.775 (0.856 / 0.709) | 0.775 (0.856 / 0.709) | 0.819 / 0.819 | 0.902 / 0.902 |

Targets not met. The pass changed which name a description resolves to, which this bench's
span-or-name speaker score cannot see (a span overlapping the gold mention counts whatever it
resolves to); docs/quotes.md has the changes as read on train.

Thirteenth pass (2026-12-02, quotes15c, speakers), before = main 76c6ce0, after = fe38d62, the
same bench in one run (``nice -n 10``, load about 10). New column ``strict (n named)``: over
matched pairs whose gold Source names the speaker (its head word, before any apposition or
preposition, is a capitalised name word), the resolved ``speaker_name`` must be that person or
organisation (``strict_name``: the head word among its words, one name's words holding the
other's); a pronoun or description Source is left out (n shown), since PolNeAR has no
coreference. The old columns are unchanged. Errors were read on the train split only (strict
failures and every changed name, main against the branch); dev was run once, at the end:

| part    | mode   | speech (F1, both)     | spk name b / a | strict b / a  | n named |
|---------|--------|-----------------------|----------------|---------------|---------|
| tune    | rules  | 0.864 (0.921 / 0.813) | 0.949 / 0.949  | 0.950 / 0.958 | 359     |
| tune    | parser | 0.867 (0.921 / 0.819) | 0.949 / 0.949  | 0.950 / 0.958 | 361     |
| measure | rules  | 0.771 (0.861 / 0.698) | 0.901 / 0.903  | 0.858 / 0.866 | 254     |
| measure | parser | 0.775 (0.856 / 0.709) | 0.902 / 0.905  | 0.856 / 0.864 | 257     |

Train (840 articles, rules, strict over 4,969 named sources): 0.934 at main, 0.940 after (30
right more, none lost). Targets (F1 0.90, speaker 0.95) not met; the strict score shows the
lenient one overstated measure-half speakers by about 0.04. Whole-run CPU (both modes, spaCy
included): tune 26.2 s before, 25.1 s after; measure 20.8 s both.

Fourteenth pass (2026-12-02, quotes15d), before = main 2041513, after = the branch at its merge,
the same bench in one run (``nice -n 10``, load 5-9). Errors were read on the train split and
on dev ``tune``. Dev ``measure`` and the fresh set were run three times: after the first run one
change read on dev ``tune`` was made; the second showed the cross-paragraph join of frameless
quotations (both of our guidelines join them) costing measure direct recall 0.901 -> 0.822; it
was then reverted, for the founding example (it turned "8 quotes in both" into 7) and the
issue's text (join across paragraphs only when a mark is left open), but not blind to that run.
Speech rows; F1@ex, the new exact-t column and strict speaker in thousandths, before/after:

| part    | mode   | F1@50 (P / R) before  | F1@50 (P / R) after   | ex b/a  | ex-t b/a| strict  |
|---------|--------|-----------------------|-----------------------|---------|---------|---------|
| tune    | rules  | 0.864 (0.921 / 0.813) | 0.865 (0.923 / 0.815) | 585/586 | 712/714 | 958/956 |
| tune    | parser | 0.867 (0.921 / 0.819) | 0.867 (0.922 / 0.819) | 585/586 | 713/714 | 958/956 |
| measure | rules  | 0.771 (0.861 / 0.698) | 0.775 (0.865 / 0.703) | 511/516 | 607/610 | 866/867 |
| measure | parser | 0.775 (0.856 / 0.709) | 0.779 (0.861 / 0.712) | 513/517 | 611/614 | 864/864 |

Strict n named, before / after: tune 359 / 360 (rules), 361 / 361 (parser); measure 254 / 255,
257 / 258. Train, all 840 articles, rules, the same matching (a scratch table): F1@50 0.790
(0.873 / 0.721) -> 0.793 (0.875 / 0.725), exact 0.545 -> 0.548, strict speaker 0.9404 (4,969)
-> 0.9418 (4,982). Targets (F1 0.90, speaker 0.95) not met. The exact-t column (a leading "that"
dropped on both sides) lifts every exact F1 by 0.10-0.13: PolNeAR's convention, not our spans.

Fifteenth pass (2026-12-03, session 32, quotes15e), before = main 34d4069, after = 31b2e66, the
same bench in one session (``nice -n 5``, baseline from ``git archive main src``; run: ``python
bench/quotes_polnear.py --part tune`` and ``--part measure`` with ``PYTHONPATH`` set to each
``src``). Errors were read on the PolNeAR train split only (840 articles, rules); dev ``tune``
and ``measure`` were each run once, at the end. Speech rows, F1@50 (P / R), exact-t F1 and
strict speaker (n named):

| part    | mode   | F1@50 before          | F1@50 after           | ex-t b/a | strict b/a  | n   |
|---------|--------|-----------------------|-----------------------|----------|-------------|-----|
| tune    | rules  | 0.865 (0.923 / 0.815) | 0.865 (0.922 / 0.815) | 714/717  | 0.956/0.958 | 360 |
| tune    | parser | 0.867 (0.922 / 0.819) | 0.867 (0.922 / 0.819) | 714/717  | 0.956/0.958 | 361 |
| measure | rules  | 0.775 (0.865 / 0.703) | 0.777 (0.867 / 0.704) | 610/614  | 0.867/0.875 | 255 |
| measure | parser | 0.779 (0.861 / 0.712) | 0.781 (0.863 / 0.714) | 614/617  | 0.864/0.876 | 258 |

Train (840 articles, rules, a scratch table with this bench's matching and strict score):
F1@50 0.7930 (0.8755 / 0.7247) -> 0.7948 (0.8781 / 0.7259), strict speaker 0.9418 (4,982) ->
0.9486 (4,985). Targets (F1 0.90, speaker 0.95) not met. Extraction CPU (process_time, rules,
first 400 train articles, old/new alternately, two pairs, load from other helpers): 11,165 ->
11,084 and 12,589 -> 12,102 us per article, no measurable change.

Sixteenth pass (2026-12-03, session 33, quotes15f, speakers), one run (``/tmp/q15f/fin/run.sh``:
each part, then each tree in turn, ``nice -n 5``, load 10-15 from other helpers; ``python
bench/quotes_polnear.py --data .../polnear/data --part tune`` and ``--part measure`` with
``PYTHONPATH`` set to each ``src``). Trees: base = main 6c29c9c (session start, ``git archive
main src``), main = 27fdcae (main when the run began: trust12f's sentence split at initials,
which this branch merged), after = quotes15f 04a0fec. Errors were read on the train split only
(strict speaker errors and every speaker name the pass changed there); dev ``tune`` and
``measure`` were each run once, at the end. Speech rows; F1@50 is the same at base and main
to three decimals:

| part    | mode   | F1@50 (P / R) base    | F1@50 after           | span b/m/a  | strict b/m/a, n |
|---------|--------|-----------------------|-----------------------|-------------|-----------------|
| tune    | rules  | 0.865 (0.922 / 0.815) | 0.866 (0.923 / 0.816) | 945/945/947 | 958/958/961 361 |
| tune    | parser | 0.867 (0.922 / 0.819) | 0.868 (0.922 / 0.820) | 946/946/947 | 958/958/961 362 |
| measure | rules  | 0.777 (0.867 / 0.704) | 0.777 (0.867 / 0.704) | 897/897/900 | 875/878/878 255 |
| measure | parser | 0.781 (0.863 / 0.714) | 0.781 (0.863 / 0.714) | 899/899/901 | 876/880/880 258 |

Speaker scores in thousandths (``spk span`` and strict; base / main / after); strict n on
tune is 360 / 361 at base and main. Train (840 articles, rules, a scratch table with this
bench's matching and strict score): strict speaker 0.9486 (4,985 named Sources) at base,
0.9491 (4,988) at main, 0.9548 (4,995) after (this pass alone, before main's merge: 0.9486 ->
0.9541: 27 wrong speakers right now, none right before lost); F1@50 0.7948 -> 0.7958.
The measure half's strict score moved only with main's change (0.875 -> 0.878); this pass's
rules reached its lenient span score (0.897 -> 0.900) but no named Source there. Targets (F1
0.90, speaker 0.95) not met. Whole-run CPU (both modes, spaCy included, /usr/bin/time): tune
25.8 s base, 27.5 s after; measure 22.3 s base, 22.1 s main, 21.4 s after.

Seventeenth pass (2026-12-03, session 34, quotes15g: false quotes the contract rules out,
description speakers), one run (``/tmp/q15g/fin/run.sh``: each part, base then after, then
the fresh set, ``nice -n 5``, load 10-12 from other helpers; ``python bench/quotes_polnear.py
--data .../polnear/data --part tune`` and ``--part measure`` with ``PYTHONPATH`` set to each
``src``). Base = main f64e19a (session start, ``git archive main src``; main's quote code did
not change during the pass), after = quotes15g 3a4e920. Errors were read on the train split
only (false positives and misses by cue and frame shape, and every prediction and speaker
name the pass changed there); dev ``tune`` and ``measure`` were each run once, at the end,
under a keep rule fixed before the run (neither ``measure`` F1@50 and strict speaker nor the
fresh set's P, R and strict speaker may go down, per mode). Speech rows (ex-t and strict
in thousandths):

| part    | mode   | F1@50 (P / R) base    | F1@50 (P / R) after   | ex-t b/a | strict b/a (n b/a) |
|---------|--------|-----------------------|-----------------------|----------|--------------------|
| tune    | rules  | 0.866 (0.923 / 0.816) | 0.869 (0.927 / 0.819) | 717/719  | 961/959 (361/363)  |
| tune    | parser | 0.868 (0.922 / 0.820) | 0.871 (0.926 / 0.823) | 717/719  | 961/959 (362/364)  |
| measure | rules  | 0.777 (0.867 / 0.704) | 0.779 (0.872 / 0.704) | 614/617  | 878/878 (255)      |
| measure | parser | 0.781 (0.863 / 0.714) | 0.783 (0.868 / 0.714) | 617/620  | 880/880 (258)      |

Train (840 articles, a scratch table with this bench's matching and strict score): rules
F1@50 0.7958 (0.8790 / 0.7271) -> 0.7973 (0.8821 / 0.7274), strict speaker 0.9548 (4,995) ->
0.9555 (4,988); parser 0.8023 (0.8760 / 0.7400) -> 0.8041 (0.8803 / 0.7401), strict 0.9534
(5,066) -> 0.9541 (5,058). Precision rose on every split, recall barely moved; the targets (F1
0.90, speaker 0.95) are not met. Whole-run CPU (both modes, spaCy included, /usr/bin/time):
tune 24.8 s base, 22.3 s after; measure 20.3 s base, 21.2 s after.

Eighteenth pass (2026-12-03, session 35, quotes15h: tuned on a new BBC sport/business tune set,
``bench/quote_eval.py --set tune2``, and checked against train), one run
(``/tmp/q15h/fin/run.sh``: tune2, the first set, each part here, the fresh set, then
``--split train``, base then after, ``nice -n 5``, load about 10). Base = main e4c5061, after =
quotes15h 55d7a3d. Every change was checked against train (each changed prediction listed
against the base) and, once, against dev ``tune`` (which showed a naming-frame cut losing five
matches; it was dropped and the run restarted before ``measure``); ``measure`` was run once,
under the keep rule of the last pass (it held in both modes). Speech rows (ex-t, spk span and
strict in thousandths):

| part    | mode   | F1@50 (P / R) base    | F1@50 (P / R) after   | ex-t    | span    | strict  |
|---------|--------|-----------------------|-----------------------|---------|---------|---------|
| tune    | rules  | 0.869 (0.927 / 0.819) | 0.872 (0.930 / 0.821) | 719/725 | 947/954 | 959/959 |
| tune    | parser | 0.871 (0.926 / 0.823) | 0.874 (0.929 / 0.825) | 719/725 | 948/954 | 959/959 |
| measure | rules  | 0.779 (0.872 / 0.704) | 0.779 (0.872 / 0.704) | 617/624 | 902/911 | 878/882 |
| measure | parser | 0.783 (0.868 / 0.714) | 0.783 (0.868 / 0.714) | 620/627 | 903/912 | 880/884 |
| train   | rules  | 0.797 (0.882 / 0.727) | 0.798 (0.882 / 0.728) | 665/667 | 957/959 | 959/959 |
| train   | parser | 0.804 (0.880 / 0.740) | 0.805 (0.881 / 0.741) | 669/671 | 958/960 | 958/958 |

Strict n (named Sources scored), base / after: tune 363/364 and 364/365, measure 255 and 258,
train 4,931/4,934 and 4,993/4,996.

Targets (F1 0.90, speaker 0.95) not met. Whole-run CPU (both modes, spaCy included,
/usr/bin/time): tune 26.8 s base, 24.9 s after; measure 20.9 s base, 22.7 s after; train
351 s base, 344 s after.

Nineteenth pass (2026-12-03, session 36, quotes15i: the parser's clause frames ported to the
rules, frameless quotations split at narration, a few speaker rules), one run
(``/tmp/q15i/final.sh``, ``nice -n 5``; ``python bench/quotes_polnear.py --data
.../polnear/data --part tune`` and ``--part measure`` with ``PYTHONPATH`` set to each ``src``).
Base = main 70dca75 (session start), main = 54528eb (equal to base in every figure), after =
quotes15i 8bf470c. Errors were read on the train split (the gold the parser matched and the rules
did not, articles 0-400, and every prediction the pass changed on all 840) and dev ``tune`` was
checked; ``measure`` was run once, under the keep rule of the last passes (it held in both modes).
Speech rows (ex-t, span and strict in thousandths):

| part    | mode   | F1@50 (P / R) base    | F1@50 (P / R) after   | ex-t    | span    | strict  |
|---------|--------|-----------------------|-----------------------|---------|---------|---------|
| tune    | rules  | 0.872 (0.930 / 0.821) | 0.872 (0.930 / 0.821) | 725/725 | 954/956 | 959/962 |
| tune    | parser | 0.874 (0.929 / 0.825) | 0.874 (0.929 / 0.825) | 725/725 | 954/956 | 959/962 |
| measure | rules  | 0.779 (0.872 / 0.704) | 0.782 (0.871 / 0.709) | 624/626 | 911/911 | 882/883 |
| measure | parser | 0.783 (0.868 / 0.714) | 0.784 (0.868 / 0.715) | 627/628 | 912/912 | 884/884 |

Strict n (named Sources scored), base / after: tune 364 and 365 (both trees), measure 255/256
(rules) and 258 (parser).

Train (840 articles, rules, this bench at an intermediate commit of the pass, before the speaker
commits): F1@50 0.798 (0.882 / 0.728) -> 0.798 (0.882 / 0.729), strict 0.959 -> 0.960. Targets
(F1 0.90, speaker 0.95) not met. Whole-run CPU (both modes, spaCy included, /usr/bin/time user):
tune 16.3 s base, 16.4 s main, 15.8 s after; measure 12.8 s, 13.2 s, 12.6 s.

Twenty-first pass (2026-12-03, session 38, quotes15k: speaker types and resolution from BBC
News faults, and "suggest" after a thing made a finding), one run (``/tmp/q15k/final.sh``,
``nice -n 5``, load 10-15; each tree's ``--part tune`` then, after the tune sets, ``--part
measure`` once). Trees: base = main 89d5d80, noev = the branch without the evidence-verb change,
after = quotes15k 7aed582. The keep rule (written first) was judged on noev against base and held;
the evidence change was decided beforehand by the issue's text and kept. Speech rows (ex-t and
strict in thousandths), F1@50 (P / R), base / noev / after:

| part    | mode   | base                  | noev                  | after                 |
|---------|--------|-----------------------|-----------------------|-----------------------|
| tune    | rules  | 0.872 (0.930 / 0.821) | 0.871 (0.930 / 0.820) | 0.871 (0.930 / 0.819) |
| tune    | parser | 0.874 (0.929 / 0.825) | 0.873 (0.929 / 0.824) | 0.873 (0.929 / 0.823) |
| measure | rules  | 0.782 (0.873 / 0.709) | 0.782 (0.873 / 0.709) | 0.781 (0.873 / 0.707) |
| measure | parser | 0.785 (0.869 / 0.715) | 0.785 (0.869 / 0.715) | 0.784 (0.869 / 0.714) |

ex-t, base / noev / after: tune 725 / 724 / 723 (both modes); measure 627 / 627 / 626 (rules),
629 / 629 / 628 (parser). Strict speaker: tune 962 / 961 / 961 (rules, n 364 / 363 / 363), 962
(parser, all three); measure 883 (rules, n 256) and 884 (parser, n 258) in all three trees.

The evidence change costs one gold match per mode on each half (PolNeAR's speech gold counts
every "suggest"; "the truck story suggests" is one). noev's tune loss was "telling the story of
Copenhagen: In December …" (a colon lead-in taken for a plot by the new "tells the story of"
rule); the merged code (d7b7198, after this run) keeps a colon lead-in, and its rules output on
all 84 dev texts differs from base only by two "suggest" frames and one name ("British Prime
Minister Theresa May" -> "Theresa May"). Targets (F1 0.90, speaker 0.95) not met.

Twenty-second pass (2026-12-03, session 39, quotes15l: offices and names read on BBC News and
the own tune sets; "accused X of …" is no frame, as issue 15's contract and our guidelines
say), one run (``/tmp/q15l/final.sh``, ``nice -n 5``; ``--part tune`` with the tune sets, then
``--part measure`` once): base = main 1620eb9, after = quotes15l 4bfe4b0. Speech rows, F1@50 (P
/ R), strict speaker (n named):

| part    | mode   | base                               | after                              |
|---------|--------|------------------------------------|------------------------------------|
| tune    | rules  | 0.871 (0.930 / 0.820), 0.962 (364) | 0.869 (0.931 / 0.815), 0.961 (360) |
| tune    | parser | 0.873 (0.929 / 0.824), 0.962 (365) | 0.871 (0.930 / 0.819), 0.961 (361) |
| measure | rules  | 0.781 (0.873 / 0.707), 0.883 (256) | 0.784 (0.878 / 0.709), 0.883 (257) |
| measure | parser | 0.784 (0.869 / 0.714), 0.884 (258) | 0.787 (0.874 / 0.715), 0.884 (259) |

On tune the branch makes five fewer predictions, four fewer of them matched: the frames it no
longer reports are, as far as the change set goes, the accusations PolNeAR annotates ("accused
Clinton of …"; not checked one by one). Targets (F1 0.90, speaker 0.95) not met.

Twenty-third pass (2026-12-03, session 40, recall15m: which quotes are found), one run
(``/tmp/recall15m/final.sh``, ``nice -n 5``; ``--part tune`` with the tune sets, then
``measure.sh``: ``--part measure`` once): base = main 2c9f2c7, after = recall15m 7b97741. Speech
rows, F1@50 (P / R), strict speaker (n named):

| part    | mode   | base                               | after                              |
|---------|--------|------------------------------------|------------------------------------|
| tune    | rules  | 0.869 (0.931 / 0.815), 0.961 (360) | 0.869 (0.931 / 0.815), 0.961 (360) |
| tune    | parser | 0.871 (0.930 / 0.819), 0.961 (361) | 0.871 (0.930 / 0.819), 0.961 (361) |
| measure | rules  | 0.784 (0.878 / 0.709), 0.883 (257) | 0.785 (0.880 / 0.709), 0.883 (257) |
| measure | parser | 0.787 (0.874 / 0.715), 0.884 (259) | 0.788 (0.876 / 0.715), 0.884 (259) |

PolNeAR train (840 articles, rules, the first time a pass counted its errors there by kind;
``speech`` gold 11,794): matched gold 8,543 -> 8,558, predictions 9,807 -> 9,845, F1@50 0.7960
-> 0.7966; unmatched speech gold by kind, base -> after: headlines 185 -> 184 (PolNeAR annotates
"Trump: Cruz has …" titles; our guidelines exclude headlines), "accused X of" 79 (a charge, not
speech, by the contract), noun-phrase objects of "describe", "call for", "mention", "point to",
"cite" 151 (the contract), questions after "ask" 114, "according to" 83 -> 74, "say" 466 -> 464,
colon lead-ins in the body 45, other cues 2,128 -> 2,125 (a long tail: "called" 49, "reported"
32, "announced" 33, mostly noun-phrase objects). Spurious predictions (no gold word) 231 -> 232.
Targets (F1 0.90, speaker 0.95) not met.

Twenty-third pass (2026-12-03, session 40, speaker15m: who said it). The 217 strict speaker
errors of the rules on train (840 articles, 4,964 named Sources, main 2c9f2c7) were read and
counted by kind (approximate, one reader): the frame's subject is another noun phrase or cut
(a group's last prepositional phrase, "Gov." ending a name, a relative clause with commas) about
55; another named person of the sentence or a nested report (often the prediction matched the
outer or inner attribution of a pair) about 35; PolNeAR's convention that the outlet reporting
a statement is its Source ("…, according to The New York Times", "CNN reported") about 30; no
speaker on the matched quote (a colon lead-in whose quotation is the next paragraph, a block
quotation, "remembered X", garbled names) 30; scorer artefacts about 12 (a Source headed by a
number or part, "One of his advisers, Tad Devine,", which no prediction could match; a place
after "in"); organisation names cut or typed a person about 10; a pronoun to the wrong person
(gender or a subordinate clause) about 8; a group tied to a name resolved to the name
("Attorneys for Clinton") 7; a description not linked to the name set beside it about 7.
The pass fixed the group, relative-clause and organisation-name kinds and the BBC faults (see
docs/quotes.md), and this bench's strict score now reads a Source opening with a number or a
part by the names in its apposition (``_PART_HEAD``; train at main 0.9563 of 4,964 -> 0.9569 of
4,970 under it; the figures below use it for both trees). Train, rules, strict: main 0.9569
(4,756 of 4,970), after 0.9594 (4,769 of 4,971): 13 right more, none lost (every changed train
speaker name listed against main and read). One run each part (``/tmp/speaker15m/tune.sh``, then
``/tmp/speaker15m/measure.sh`` once, ``nice -n 5``; ``python bench/quotes_polnear.py --data
.../polnear/data --part tune`` and ``--part measure`` with ``PYTHONPATH`` set to each ``src``):
base = main 2c9f2c7 (``git archive``), after = speaker15m 78db044; keep rule written first (per
mode, no tune or measure figure lower by more than 0.005): held. Speech rows, F1@50 (P / R),
strict speaker (n named):

| part    | mode   | base                               | after                              |
|---------|--------|------------------------------------|------------------------------------|
| tune    | rules  | 0.869 (0.931 / 0.815), 0.961 (361) | 0.869 (0.931 / 0.815), 0.967 (361) |
| tune    | parser | 0.871 (0.930 / 0.819), 0.961 (362) | 0.871 (0.930 / 0.819), 0.967 (362) |
| measure | rules  | 0.784 (0.878 / 0.709), 0.883 (257) | 0.784 (0.878 / 0.709), 0.883 (257) |
| measure | parser | 0.787 (0.874 / 0.715), 0.884 (259) | 0.787 (0.874 / 0.715), 0.884 (259) |

The measure half's figures are the same in both trees: no named Source there changed, so the gap
between tune (0.967) and measure (0.883) is not among the kinds this pass fixed; its errors stay
unread. Targets (F1 0.90, speaker 0.95) not met.

Twenty-fourth pass (2026-12-04, session 41, speaker15n: who said it; docs/quotes.md, Speakers,
"Twenty-fourth pass"). The strict speaker errors of the rules on train at main 3b47724 (202 of
4,987 named Sources) were listed again and read; the principled kinds fixed in both modes (a
noun cue read as a verb, a floated "both"/"all", two roles before one name, an adverb before an
opening participle, the object of a restrictive "who" clause, an organisation set in a place, an
owner's surname as a pronoun's antecedent, plural heads read as verbs; see the docs). Left: the
outlet-as-Source convention, nested reports, colon lead-ins with no speaker (frame code). Train,
strict: rules 0.9595 (4,785 of 4,987) -> 0.9615 (4,795), 10 right more, none lost; parser 0.9582
(4,839 of 5,050) -> 0.9604 (4,850), 11 right more, none lost (every changed train speaker listed
against main and read). One run each part (``/tmp/speaker15n/tune.sh base after``, then
``/tmp/speaker15n/measure.sh`` once, ``nice -n 5``, load 6-8 from other helpers; ``python
bench/quotes_polnear.py --data .../polnear/data --part tune`` and ``--part measure`` with
``PYTHONPATH`` set to each ``src``): base = main 3b47724 (session start, ``git archive``), after
= speaker15n 23d918a (main b32553c merged in); keep rule written first (per mode, no tune or
measure figure lower by more than 0.005, the tune strict sum not lower): held. Speech rows,
F1@50 (P / R), strict speaker (n named):

| part    | mode   | base                               | after                              |
|---------|--------|------------------------------------|------------------------------------|
| tune    | rules  | 0.869 (0.931 / 0.815), 0.967 (361) | 0.869 (0.931 / 0.815), 0.970 (361) |
| tune    | parser | 0.871 (0.930 / 0.819), 0.967 (362) | 0.871 (0.930 / 0.819), 0.970 (362) |
| measure | rules  | 0.785 (0.880 / 0.709), 0.883 (257) | 0.785 (0.880 / 0.709), 0.883 (257) |
| measure | parser | 0.788 (0.876 / 0.715), 0.884 (259) | 0.788 (0.876 / 0.715), 0.884 (259) |

As in the twenty-third pass, no named Source in the measure half changed: the gap between tune
(0.970) and measure (0.883) lies outside the kinds read on train; its errors stay unread.
Targets (F1 0.90, speaker 0.95) not met.

Twenty-fourth pass (2026-12-04, session 41, precision15n: which quotes are found, and the
contract's ceiling). One run (``/tmp/precision15n/final.sh``, ``nice -n 5``; ``--part tune``
with the tune sets, then ``measure.sh``: ``--part measure`` once): base = main 3b47724, after =
precision15n be4a78d (main 69f1b96 merged in). Keep rule (written first): per mode, no tune or
measure figure lower by more than 0.005; held. Speech rows, F1@50 (P / R), strict speaker (n):

| part    | mode   | base                               | after                              |
|---------|--------|------------------------------------|------------------------------------|
| tune    | rules  | 0.869 (0.931 / 0.815), 0.967 (361) | 0.869 (0.931 / 0.815), 0.967 (361) |
| tune    | parser | 0.871 (0.930 / 0.819), 0.967 (362) | 0.871 (0.930 / 0.819), 0.967 (362) |
| measure | rules  | 0.785 (0.880 / 0.709), 0.883 (257) | 0.785 (0.880 / 0.709), 0.883 (257) |
| measure | parser | 0.788 (0.876 / 0.715), 0.884 (259) | 0.788 (0.876 / 0.715), 0.884 (259) |

Tune makes one prediction fewer in each mode ("will insist on being Donald Trump" had lent its
sentence to a matched gold); ex-t measure 0.628 -> 0.626 (rules), 0.630 -> 0.628 (parser).
Train (rules, 840 articles): matched speech gold 8,562 -> 8,573, F1@50 0.797 -> 0.798. The
"say" misses on train (rules), counted by kind at base -> after (481 -> 470): boundary under
50% 247 -> 238 (mostly a prediction running on past the content: a relative clause, "and he
...", an appositive; the relative after a name or date and the dash aside are now cut), no
prediction 117 -> 114 (about a third of 60 read are subjects the rules cannot read: "forecasters
say" after an opening clause, "Mr. Xi and other leaders have said", "Military veterans
interviewed at ..., including Mr. Jebens, said": speakers.py's noun-phrase reader; others a
plural present verb, "said people misunderstand", now read), outside the contract 79 (noun
phrases 56: "said the same of", "said no to", "says racist things"; headlines 20; quoted noun
phrases 3), "more likely to say" and other infinitives 16, a frame inside a relative clause
("moves that he said improved ...") 13, idioms 9 -> 10 ("That said", "hard to say", "declined to
say").

**The contract's ceiling** (``--ceiling``; train and dev ``--part tune`` only, the measure half
unread). Every missed ``speech`` gold is classed from spaCy's parse of the whole article: a
content on the title line is ``headline``; a cue "accuse" ``accusation``; a direct quotation
``quotation``; a cognition cue with no speech verb ``belief``; "found", "showed", "suggests",
"indicated" ``evidence``; a content whose roots (its words whose head lies outside it) hold a
verb or auxiliary ``clause`` ("agreed to" / "refused to" + infinitive: ``act``), else ``np``
(``np-quoted`` with quoted words, ``naming-quoted`` under a naming cue). Outside the contract:
headline, accusation, belief, evidence, act, np, np-quoted. Missed gold, rules / parser, at
``after`` (``python bench/quotes_polnear.py --data .../polnear/data --split train --ceiling``,
and ``--part tune --ceiling``):

| data / mode     | miss  | head | acc | bel | ev | act | np  | np-q | quot | clause | nam-q | oth |
|-----------------|-------|------|-----|-----|----|-----|-----|------|------|--------|-------|-----|
| train rules     | 3,221 | 184  | 79  | 58  | 38 | 18  | 907 | 244  | 283  | 1,321  | 77    | 12  |
| train parser    | 3,097 | 181  | 79  | 58  | 34 | 18  | 903 | 243  | 279  | 1,213  | 77    | 12  |
| dev tune rules  | 139   | 10   | 4   | 2   | 1  | 5   | 53  | 12   | 6    | 44     | 2     | 0   |
| dev tune parser | 136   | 10   | 4   | 2   | 1  | 5   | 53  | 12   | 6    | 41     | 2     | 0   |

So 1,528 of train's 3,221 rules misses (0.474) and 87 of dev tune's 139 (0.626) are outside the
contract by this classifier. Hand check: 100 misses drawn at random from train and dev tune
(rules, base; seed 41), each read: the classifier's in/out verdict agreed on 88. Of the 12
disagreements, 11 were put inside but are outside (a blog sub-headline in the body, "confirmed
that observation", "has not yet responded to Calderon's remarks", "called for the impeachment of
... following news that ...", a song title after "was written", "was embittered at having been
misled", "is now assured of winning", "data that suggest ...", "said little about how", "has
consistently pushed his promise of ...", "repeated mispronunciations of 'Hamas'") and 1 put
outside is inside ("blasted Trump as a 'bully and demagogue'", a characterising frame with quoted
words). By hand 61 of the 100 are outside (classifier: 51), so the classifier undercounts the
exclusions by about a sixth; scaled by 61/51 about 0.57 of all misses are outside it.

Ceilings, F1@50 on ``speech`` gold (precision over all predictions, as the speech row): **A** a
system that finds every gold inside the contract, none outside it and nothing else; **B**
today's predictions plus every missed gold inside the contract; **C** B without today's false
predictions. Classifier as is, then with the hand check's correction (outside misses x 61/51):

| data / mode     | now   | A     | B (P / R)             | C     | A corr. | B corr. | C corr. |
|---------------|-------|-------|-----------------------|-------|---------|---------|---------|
| train rules     | 0.798 | 0.912 | 0.885 (0.901 / 0.870) | 0.931 | 0.897   | 0.871   | 0.916   |
| train parser    | 0.803 | 0.912 | 0.885 (0.898 / 0.871) | 0.931 | 0.897   | 0.870   | 0.917   |
| dev tune rules  | 0.869 | 0.909 | 0.909 (0.936 / 0.884) | 0.938 | 0.895   | 0.896   | 0.925   |
| dev tune parser | 0.871 | 0.909 | 0.909 (0.935 / 0.884) | 0.938 | 0.895   | 0.896   | 0.925   |

(The corrected columns were computed at base, which differs from ``after`` by 11 train matches.)
What this tells the owner: under the contract, recall on PolNeAR's ``speech`` gold cannot pass
about 0.81-0.84, because PolNeAR annotates noun-phrase objects ("called for a ban", "promised a
veto"), headlines, accusations and beliefs that the contract leaves out on purpose. Even a
system perfect on everything else (A) reaches F1 0.91 by the classifier and about 0.90 after
the hand check's correction: the 0.90 line sits at the contract's ceiling, with no room for any
other error. Keeping today's false predictions (B), it is out of reach (0.87-0.90). The 0.90
line and the contract can both hold only if the line is read on the ``clause`` row (gold the
contract admits) or the ``speech`` gold is filtered the same way. A fix made after this run
('called on clothing firms not to ...' is a request, not "on" + gerund; a suite test caught it)
changes one train prediction (matched 8,573 -> 8,574) and no output on the tune sets, dev tune
or BBC.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# One core: spaCy's linear algebra would otherwise use both.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from storytrace.quotes import extract_quotes, parser_available, quote_segments  # noqa: E402
from storytrace.quotes.lexicon import (  # noqa: E402
    BELIEF_FORMS,
    NOT_NAME,
    ORG_WORDS,
    TITLES,
    inflect,
)
from storytrace.quotes.parser import load_spacy  # noqa: E402
from storytrace.text import Doc  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear" / "data"
KINDS = ("direct", "mixed", "indirect")


@dataclass
class Gold:
    kind: str
    content: set[int]
    source: set[int]
    speech: bool
    source_text: str = ""
    clause: bool = True


def load(
    data: Path, split: str, limit: int | None, part: str = "all"
) -> list[tuple[str, str, list[tuple]]]:
    base = data / split
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, ann)
    out = []
    items = sorted(chosen.items())
    if part != "all":
        # Stratified halves: within each outlet (the name's prefix), alternate articles.
        rank: Counter[str] = Counter()
        keep = []
        for stem, ann in items:
            outlet = stem.split("_", 1)[0]
            if (rank[outlet] % 2 == 0) == (part == "tune"):
                keep.append((stem, ann))
            rank[outlet] += 1
        items = keep
    for stem, ann in items[:limit]:
        text = (base / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        rels = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                label, _, offs = parts[1].partition(" ")
                pieces = [tuple(map(int, p.split())) for p in offs.split(";")]
                spans[parts[0]] = (label, pieces)
            elif line.startswith("E") and len(parts) >= 2:
                rels.append(dict(a.split(":", 1) for a in parts[1].split()))
        attrs = []
        for rel in rels:
            content = spans.get(rel.get("Content", ""), (None, []))[1]
            if not content:
                continue
            source = spans.get(rel.get("Source", ""), (None, []))[1]
            cue = spans.get(rel.get("Cue", ""), (None, []))[1]
            attrs.append((content, source, cue))
        out.append((stem, text, attrs))
    return out


def token_set(doc: Doc, pieces: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in pieces:
        out.update(range(bisect_left(doc.ends, s + 1), bisect_left(doc.starts, e)))
    return out


def without_that(doc: Doc, toks: set[int]) -> set[int]:
    """``toks`` less a leading complementiser 'that': PolNeAR's content starts with it
    ('said that the plan ...'), the issue's contract and both of our own annotation
    guidelines keep it in the frame. Dropped from both sides alike for ``exact-t``."""
    if toks and doc.norms[min(toks)] == "that" and len(toks) > 1:
        return toks - {min(toks)}
    return toks


def matches(preds: list[set[int]], golds: list[set[int]], mode: str) -> list[tuple[int, int]]:
    """One-to-one (prediction, gold) index pairs, best token overlap (Jaccard) first: equal
    token sets when ``mode`` is ``"exact"``, else a shared half of the larger set."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            shared = len(p & g)
            if shared and (p == g if mode == "exact" else shared >= 0.5 * max(len(p), len(g))):
                pairs.append((shared / len(p | g), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def gold_kind(doc: Doc, toks: set[int], segs: list[tuple[int, int]]) -> str:
    starts = [s for s, _ in segs]
    inside = 0
    for t in toks:
        k = bisect_left(starts, doc.starts[t] + 1) - 1
        inside += k >= 0 and segs[k][0] <= doc.starts[t] < segs[k][1]
    if inside == len(toks):
        return "direct"
    return "mixed" if inside else "indirect"


# Which gold cues are speech: a fixed list (storytrace's cue list of 2026-11-23), so that
# changing the extractor's lexicon does not move the goalposts.
_SPEECH_LEMMAS = """say tell write speak call add insist claim argue explain state tweet post
    note warn reply respond announce admit acknowledge confirm deny declare suggest recall remark
    observe assert contend maintain urge ask complain concede conclude counter joke quip boast vow
    pledge promise reveal stress emphasise emphasize press predict allege agree caution testify
    report describe accuse charge continue estimate lament mention point answer shout exclaim
    retort scoff recount assure""".split()
_SPEECH = {f for lemma in _SPEECH_LEMMAS for f in inflect(lemma)} | {"according", ":", "―"}


def verb_positions(articles: list) -> dict[str, list[int]] | None:
    """Start offsets of the verbs and auxiliaries spaCy tags in each article (in
    context), for the ``clause`` rows; None without spaCy."""
    if not parser_available():
        return None
    nlp = load_spacy(required=True)
    return {
        stem: [t.idx for t in nlp(text) if t.pos_ in ("VERB", "AUX")] for stem, text, _ in articles
    }


def evaluate(articles: list, parser: bool, verbs: dict | None = None) -> tuple[dict, float]:
    counts: Counter[str] = Counter()
    t_extract = 0.0
    for stem, text, attrs in articles:
        doc = Doc(text)
        segs = quote_segments(text)
        title_end = text.find("\n")
        golds = []
        for content, source, cue in attrs:
            toks = token_set(doc, content)
            if not toks:
                continue
            cue_text = " ".join(text[s:e] for s, e in cue).lower().split()
            speech = any(w.strip(".,:") in _SPEECH for w in cue_text) or cue_text[:1] == [":"]
            src_text = " ".join(text[s:e] for s, e in source)
            kind = gold_kind(doc, toks, segs)
            clause = verbs is not None and content[0][0] > title_end
            if clause and kind == "indirect":
                vs = verbs[stem]
                clause = any(
                    bisect_left(vs, s) < len(vs) and vs[bisect_left(vs, s)] < e for s, e in content
                )
            golds.append(Gold(kind, toks, token_set(doc, source), speech, src_text, clause))
        t0 = time.perf_counter()
        preds = extract_quotes(text, parser=parser)
        t_extract += time.perf_counter() - t0
        ptoks = [token_set(doc, q.parts) for q in preds]
        pspk = [token_set(doc, [q.speaker]) if q.speaker else set() for q in preds]
        for g in golds:
            counts[f"gold {g.kind}"] += 1
            counts["gold all"] += 1
            if g.kind == "indirect" and g.speech:
                counts["gold indirect-speech"] += 1
            if g.speech or g.kind != "indirect":
                counts["gold speech"] += 1
                counts["gold clause"] += g.clause
        for q in preds:
            counts[f"pred {q.kind}"] += 1
            counts["pred all"] += 1
        for mode in ("50", "exact", "exact-t"):
            if mode == "exact-t":
                pairs = matches(
                    [without_that(doc, p) for p in ptoks],
                    [without_that(doc, g.content) for g in golds],
                    "exact",
                )
            else:
                pairs = matches(ptoks, [g.content for g in golds], mode)
            for i, j in pairs:
                g = golds[j]
                kp = preds[i].kind
                counts[f"{mode} tp-pred {kp}"] += 1
                counts[f"{mode} tp-pred all"] += 1
                counts[f"{mode} tp-gold {g.kind}"] += 1
                counts[f"{mode} tp-gold all"] += 1
                if g.kind == "indirect" and g.speech:
                    counts[f"{mode} tp-gold indirect-speech"] += 1
                if g.speech or g.kind != "indirect":
                    counts[f"{mode} tp-gold speech"] += 1
                    counts[f"{mode} tp-gold clause"] += g.clause
                    if g.clause and g.source and mode == "50":
                        counts["spk n clause"] += 1
                        counts["spk ok clause"] += bool(pspk[i] & g.source)
                        counts["spk name clause"] += bool(pspk[i] & g.source) or same_name(
                            preds[i].speaker_name, g.source_text
                        )
                    if g.source and mode == "50":
                        counts["spk n speech"] += 1
                        counts["spk ok speech"] += bool(pspk[i] & g.source)
                        counts["spk name speech"] += bool(pspk[i] & g.source) or same_name(
                            preds[i].speaker_name, g.source_text
                        )
                if g.source and mode == "50":
                    strict = strict_name(preds[i].speaker_name, g.source_text)
                    if strict is not None:
                        for k in {g.kind, "all"} | (
                            {"speech"} if g.speech or g.kind != "indirect" else set()
                        ):
                            counts[f"spk strict n {k}"] += 1
                            counts[f"spk strict ok {k}"] += strict
                    counts[f"spk n {g.kind}"] += 1
                    counts["spk n all"] += 1
                    same_span = bool(pspk[i] & g.source)
                    if same_span:
                        counts[f"spk ok {g.kind}"] += 1
                        counts["spk ok all"] += 1
                    if same_span or same_name(preds[i].speaker_name, g.source_text):
                        counts[f"spk name {g.kind}"] += 1
                        counts["spk name all"] += 1
    return counts, t_extract


# The speech-frame contract's exclusions (issue 15, Build), for ``--ceiling``: a content
# that is a noun phrase (with or without quoted words), the title line, "accused X of",
# cognition and evidence verbs, and acts ("agreed to", "refused to").
OUTSIDE = ("headline", "accusation", "belief", "evidence", "act", "np", "np-quoted")
INSIDE = ("quotation", "clause", "naming-quoted", "other")
_BELIEF_CUES = (
    set(BELIEF_FORMS)
    | {f for lemma in ("want", "consider", "regard", "view", "see") for f in inflect(lemma)}
    | {"seen", "saw"}
)
_EVIDENCE_CUES = {"found", "finds", "find", "showed", "shows", "show", "shown", "suggests"}
_EVIDENCE_CUES |= {"suggested", "indicates", "indicated"}
_ACT_CUES = {f for lemma in ("agree", "refuse", "decline") for f in inflect(lemma)}
_NAMING_CUES = {
    f
    for lemma in ("call", "dub", "label", "brand", "refer", "dismiss", "liken", "hail", "deride")
    + ("describe", "term", "characterize", "characterise")
    for f in inflect(lemma)
}
_MARKS = set("\"“”'‘’")


def contract_class(text: str, sdoc: object, content: list, cue: list, kind: str) -> str:
    """What a gold content is under issue 15's speech-frame contract, read from spaCy's
    parse of the whole article: one of OUTSIDE (excluded on purpose) or INSIDE. A
    content is a clause when a word of it whose head lies outside it (a root of the
    span) is a verb or auxiliary ('said the plan costs £2m', 'urged voters to stay');
    otherwise it is a noun phrase ('called for a ban', 'praised X as "a leader"')."""
    cue_words = re.findall(r"[a-z]+", " ".join(text[s:e] for s, e in cue).lower())
    if content[0][0] < text.find("\n"):
        return "headline"
    if any(w.startswith("accus") for w in cue_words):
        return "accusation"
    if kind == "direct":
        return "quotation"
    words = set(cue_words)
    if words & _BELIEF_CUES and not words & _SPEECH:
        return "belief"
    if words & _EVIDENCE_CUES:
        return "evidence"
    toks = [t for t in sdoc if any(s <= t.idx < e for s, e in content)]  # type: ignore[attr-defined]
    inside = {t.i for t in toks}
    roots = [
        t
        for t in toks
        if (t.head.i not in inside or t.head.i == t.i)
        and t.pos_ not in ("PUNCT", "SCONJ", "CCONJ", "SPACE")
        and t.text not in _MARKS
    ]
    if not roots:
        return "other"
    if any(t.pos_ in ("VERB", "AUX") for t in roots):
        first = next(t for t in toks if t.pos_ not in ("PUNCT", "SCONJ", "CCONJ", "SPACE"))
        return "act" if words & _ACT_CUES and first.lower_ == "to" else "clause"
    if kind == "mixed":
        return "naming-quoted" if words & _NAMING_CUES else "np-quoted"
    return "np"


def ceiling(articles: list, modes: list[bool]) -> None:
    """``--ceiling``: every ``speech`` gold the extractor misses (50%), by what it is under
    the contract, and the best F1 a system perfect on everything else could reach."""
    nlp = load_spacy(required=True)
    rows: dict[bool, Counter[str]] = {m: Counter() for m in modes}
    for _stem, text, attrs in articles:
        doc = Doc(text)
        segs = quote_segments(text)
        sdoc = nlp(text)
        golds = []
        for content, _source, cue in attrs:
            toks = token_set(doc, content)
            if not toks:
                continue
            kind = gold_kind(doc, toks, segs)
            cue_text = " ".join(text[s:e] for s, e in cue).lower().split()
            speech = any(w.strip(".,:") in _SPEECH for w in cue_text) or cue_text[:1] == [":"]
            golds.append((toks, speech or kind != "indirect", content, cue, kind))
        for parser in modes:
            c = rows[parser]
            preds = [token_set(doc, q.parts) for q in extract_quotes(text, parser=parser)]
            pairs = matches(preds, [g[0] for g in golds], "50")
            hit = {j for _, j in pairs}
            c["pred"] += len(preds)
            c["tp-pred"] += len(pairs)
            for j, (_toks, speech, content, cue, kind) in enumerate(golds):
                if not speech:
                    continue
                cls = contract_class(text, sdoc, content, cue, kind)
                c["gold"] += 1
                c[f"gold {cls}"] += 1
                if j in hit:
                    c["hit"] += 1
                else:
                    c[f"miss {cls}"] += 1
    print("\nSpeech gold missed at 50%, by what the contract makes of it (issue 15, Build):")
    print(f"{'mode':<8}" + "".join(f"{k:>14}" for k in OUTSIDE + INSIDE))
    for parser, c in rows.items():
        cells = "".join(f"{c[f'miss {k}']:>14}" for k in OUTSIDE + INSIDE)
        print(f"{'parser' if parser else 'rules':<8}{cells}")
    print("\nCeilings (F1@50 on speech gold): A = every gold inside the contract and nothing")
    print("else; B = today's predictions plus every missed gold inside it; C = B without false")
    print("predictions.")
    for parser, c in rows.items():
        g, h = c["gold"], c["hit"]
        out_all = sum(c[f"gold {k}"] for k in OUTSIDE)
        out_miss = sum(c[f"miss {k}"] for k in OUTSIDE)
        in_miss = g - h - out_miss
        now = prf(c["tp-pred"], c["pred"], h, g)
        a = prf(1, 1, g - out_all, g)
        b = prf(c["tp-pred"] + in_miss, c["pred"] + in_miss, h + in_miss, g)
        cc = prf(1, 1, h + in_miss, g)
        print(
            f"  {'parser' if parser else 'rules':<7} gold {g}, missed {g - h} ({out_miss} outside)"
            f"  now {now[2]:.3f} (R {now[1]:.3f})  A {a[2]:.3f} (R {a[1]:.3f})"
            f"  B {b[2]:.3f} ({b[0]:.3f} / {b[1]:.3f})  C {cc[2]:.3f}"
        )


def same_name(predicted: str | None, gold_source: str) -> bool:
    """Whether the resolved speaker and the gold source share a name word
    ("Ted Cruz" and "Mr. Cruz"); pronouns and descriptors never match this way."""
    if not predicted:
        return False
    words = {w.lower().strip(".,’'s") for w in re.findall(r"[A-Z][\w’'.\-]+", gold_source)}
    mine = {w.lower().strip(".,’'s") for w in re.findall(r"[A-Z][\w’'.\-]+", predicted)}
    return bool((words & mine) - NOT_NAME - TITLES)


_HEAD_END = re.compile(r",|\(|\s(?:of|for|at|from|to|with|who)\s")
# A gold Source opening with a number or a part ('One of his advisers, Tad Devine,', 'Two
# objectors, Lawrence Joyce and William Graham,'): the names in its apposition are the
# speaker's (session 40: before, no prediction could match such a Source).
_PART_HEAD = re.compile(
    r"(?:One|Two|Three|Four|Another|Both|Some)\b[^,]*,\s+((?:[A-Z][\w’'.\-]*\s*)+(?:and\s+"
    r"(?:[A-Z][\w’'.\-]*\s*)+)?),?"
)


def _name_key(word: str) -> str:
    """A name word lower-cased, without full stops or a possessive ending."""
    return re.sub(r"[’'](?:s)?$", "", word.strip(".,")).lower()


# Capitalised words that name nobody ('Officials', 'Some', 'Sen.'); an organisation's
# words ('Post', 'Police', 'Senate') do.
_NO_NAME = (NOT_NAME - ORG_WORDS) | TITLES | {""}


def _name_set(s: str) -> set[str]:
    return {_name_key(w) for w in re.findall(r"[A-Z][\w’'.\-]+", s)} - _NO_NAME


def strict_name(predicted: str | None, gold_source: str) -> bool | None:
    """The stricter speaker score (issue 15, quotes15c); a gold 'A and B' (two
    speakers) is matched by either: see ``_strict_one``."""
    part = _PART_HEAD.match(gold_source.strip())
    if part is not None:
        gold_source = part.group(1).strip()
    verdicts = [_strict_one(predicted, alt) for alt in re.split(r"\s+and\s+", gold_source)]
    if all(v is None for v in verdicts):
        return None
    return any(verdicts)


def _strict_one(predicted: str | None, gold_source: str) -> bool | None:
    """None when the gold Source does
    not name the speaker (a pronoun or a description: PolNeAR has no coreference, so its
    entity is unknown); else whether the resolved name is that person or organisation:
    the gold head name (the last name word before any apposition, 'of', 'for' ...; 'Cruz'
    in 'Texas Sen. Ted Cruz, who ...'; an owner before it dropped) is one of the resolved
    name's words, and one name's words hold the other's ('Heidi Cruz' is not 'Ted Cruz').
    No credit for a span that merely overlaps the gold mention."""
    head_part = _HEAD_END.split(gold_source, maxsplit=1)[0].split()
    owner = [k for k, w in enumerate(head_part[:-1]) if re.search(r"[’']s?$", w)]
    if owner:
        # "Media Research Center's Bozell": the owner is not part of the name.
        head_part = head_part[owner[-1] + 1 :]
    if not head_part:
        return None
    head = _name_key(head_part[-1])
    if not head_part[-1][:1].isupper() or head in _NO_NAME:
        return None
    gold = _name_set(" ".join(head_part))
    mine = _name_set(predicted or "")
    return head in mine and (mine <= gold or gold <= mine)


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(counts: Counter[str], label: str) -> None:
    print(f"\n{label}")
    print(
        f"{'kind':<17}{'gold':>6}{'pred':>6}   {'P@50':>6}{'R@50':>6}{'F1@50':>7}"
        f"   {'P@ex':>6}{'R@ex':>6}{'F1@ex':>7}{'F1@ex-t':>8}   {'spk span':>9}{'spk name':>9}"
        f"   {'strict (n named)':>17}"
    )
    for kind in ("direct", "mixed", "indirect", "indirect-speech", "all", "speech", "clause"):
        n_g = counts[f"gold {kind}"]
        if not n_g:
            continue
        everything = counts["pred all"]
        n_p = {"indirect-speech": counts["pred indirect"], "speech": everything}.get(
            kind, everything if kind == "clause" else counts[f"pred {kind}"]
        )
        row = f"{kind:<17}{n_g:>6}{n_p:>6}"
        for mode in ("50", "exact", "exact-t"):
            all_tp = counts[f"{mode} tp-pred all"]
            tp_p = {"indirect-speech": 0, "speech": all_tp, "clause": all_tp}.get(
                kind, counts[f"{mode} tp-pred {kind}"]
            )
            p, r, f = prf(tp_p, n_p, counts[f"{mode} tp-gold {kind}"], n_g)
            if mode == "exact-t":
                row += f"{'':>8}" if kind == "indirect-speech" else f"{f:>8.3f}"
            elif kind == "indirect-speech":
                row += f"   {'':>6}{r:>6.3f}{'':>7}"
            else:
                row += f"   {p:>6.3f}{r:>6.3f}{f:>7.3f}"
        n_s = counts[f"spk n {kind}"]
        if n_s:
            row += (
                f"   {counts[f'spk ok {kind}'] / n_s:>9.3f}{counts[f'spk name {kind}'] / n_s:>9.3f}"
            )
        n_st = counts[f"spk strict n {kind}"]
        if n_st:
            strict = f"{counts[f'spk strict ok {kind}'] / n_st:.3f} ({n_st})"
            row += f"   {strict:>17}"
        print(row)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--no-parser", action="store_true", help="skip the spaCy run")
    ap.add_argument("--data", type=Path, default=DATA, help="PolNeAR's data/ folder")
    ap.add_argument(
        "--part",
        default="all",
        choices=["all", "tune", "measure"],
        help="half of the split: rules are tuned on 'tune', 'measure' is only measured",
    )
    ap.add_argument(
        "--ceiling",
        action="store_true",
        help="the misses by what issue 15's contract makes of them, and the F1 ceilings"
        " (train, or dev --part tune only: the measure half stays unread)",
    )
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"PolNeAR not found at {args.data}")
    if args.ceiling and not (args.split == "train" or args.part == "tune"):
        sys.exit("--ceiling reads errors: use --split train or --part tune")
    articles = load(args.data, args.split, args.limit, args.part)
    if args.ceiling:
        if not parser_available():
            sys.exit("--ceiling needs spaCy (the [nlp] extra)")
        ceiling(articles, [False] + ([] if args.no_parser else [True]))
        return
    n_chars = sum(len(t) for _, t, _ in articles)
    print(
        f"PolNeAR {args.split} ({args.part}): {len(articles)} articles, "
        f"{sum(len(a) for *_, a in articles)} attributions, {n_chars / 1e6:.2f} M chars"
    )
    verbs = verb_positions(articles)
    modes = [False] + ([True] if parser_available() and not args.no_parser else [])
    speeds = []
    for parser in modes:
        if parser:
            extract_quotes("Warm-up: he said the model loads once.", parser=True)
        counts, secs = evaluate(articles, parser, verbs)
        name = "rules + spaCy parser" if parser else "rules only"
        report(counts, f"storytrace quotes, {name}")
        speeds.append((name, len(articles) / secs, secs))
    print("\nPublished anchors (other data or splits, for scale):")
    print("  GenderGapTracker rules, own news data:   quote F1 ~0.84")
    print("  CofeNet (BERT), PolNeAR test, exact:     source F1 ~0.83, content F1 ~0.73")
    print("\nSpeed (one core, extraction only):")
    for name, rate, secs in speeds:
        print(f"  {name:<22} {rate:8.1f} articles/s  ({secs:.2f} s)")
    if len(speeds) == 2:
        print(f"  rules are {speeds[0][1] / speeds[1][1]:.1f}x faster than with the parser")


if __name__ == "__main__":
    main()
