"""Evaluation: quote extraction on news quotes annotated for this project (issue 15).

Gold: ``bench/quote_eval/annotations.jsonl``, 314 attributions in 21 articles from 11
outlets (BBC News business and sport; the WSJ, the New York Times, HuffPost, ESPN, the
Guardian, PCWorld, philly.com, the Omaha World-Herald, the Inquirer and ENS from ECB+),
across business, sport, politics, policing, conflict, entertainment, disaster and
environment. The guidelines are ``bench/quote_eval/GUIDELINES.md``; the annotator is an AI
engineer of this project, who annotated before running storytrace on these articles.
The annotations hold offsets, speaker strings and a 12-digit SHA-256 prefix of each text,
never the text: ``bench/quote_texts.py`` rebuilds it from ``../shared/data`` at run time
and a changed copy is refused.

Scoring is that of ``bench/quote_polnear.py``: content as word tokens (``text.Doc``) of
the quote's parts, one-to-one greedy matching; ``50%`` = shared words at least half of
the longer side, ``exact`` = the same words. Precision counts every prediction.

Speaker accuracy is over matched pairs whose gold speaker is known (not ``?``): the
predicted speaker (``speaker_name``, else the speaker as written) is right when its
name words and the gold speaker's are non-empty and one set holds the other ("Mr Wolfson"
and "Simon Wolfson"; "Greg McDermott" is not "Doug McDermott"). Name words are the
lower-cased words less titles, articles and possessive endings; pronouns never match.
``mention`` also counts a predicted speaker span that overlaps the annotated mention.

Baseline, in the same run: every quotation-mark span of three words or more, plus the
rest of each sentence after an unquoted say/said/says/told/added (reported speech); the
speaker is the capitalised words or pronoun next to the nearest such verb in the sentence
(before it, or after it for "said Smith"), else in the sentence before or after.

Run: ``nice -n 10 .venv/bin/python bench/quote_eval.py [--data DIR] [--no-parser]
[--set first|fresh|fresh2|tune2|tune3|tune4] [--check]``. ``--check`` only verifies the annotations'
offsets against the rebuilt texts (whole-word, non-empty spans; the hashes), printing no text.

**The fresh set** (``--set fresh``; ``bench/quote_eval/fresh/``, guidelines beside it): the
issue's second evaluation, built because the first set below has been tuned on. 366
attributions in 31 articles from 15 outlets: 16 BBC News articles (8 business, 8 sport)
outside the first set and outside the 80 BBC articles the fifth pass read, and 15 ECB+
articles from 14 other outlets, from ECB+ topics the first set did not use (boxing, American
football, a dairy-building fire, a hit-and-run, murder trials, a browser security flaw, an
NFL player's arrest). Topic groups: sport 108, business 118, other 140. The articles were
chosen first and listed for the quotes helper to avoid; the annotations were written and
committed (commit d0bd60c) before storytrace's extractor was run on any of them. Scoring and
baseline are the same as for the first set; the fresh run adds precision, recall and speaker
accuracy by topic group, error counts by category (missed, boundary, spurious) and speaker
accuracy by mention kind, and prints counts only, never quote text, so its errors stay
unread. It is a measure-only set: nothing is to be tuned on it.

**The second fresh set** (``--set fresh2``; ``bench/quote_eval/fresh2/``, guidelines beside it),
built in session 44 (fresh44) because the fresh set has been run at the end of many passes: 464
attributions in 46 articles from 20 outlets, 27 BBC News articles (12 business, 15 sport) and 19
ECB+ articles from 19 other outlets (AMD's purchase of SeaMicro, college basketball, NCAA
violations, boxing, American football, a Brooklyn riot after a police shooting, a camp bombed in
South Sudan, endangered-species and other Bush-era rules, a Doctor Who casting, a dairy-building
fire, a browser fix), none in another set, named in the repository or a near copy of one. Topic
groups: sport 138, business 204, other 122. Chosen by quote density and listed before reading;
annotated from the text alone, without running storytrace's extractor on them or reading any
output of it. Same tables as the fresh set (counts only). A measure-only set: nothing is to be
tuned on it.

First run on the fresh set, 2026-12-01 16:35 UTC, storytrace at main 94a6ada (the
annotations committed before it in d0bd60c; nothing in storytrace changed in between), the
baseline in the same run; 13.7 CPU s for the whole command, 0.32 CPU s of extraction with
the rules and 7.66 with the parser:

    system                   pred   P@50  R@50  F1@50     P@ex  R@ex  F1@ex     spk    mention
    baseline                  344   0.663 0.623 0.642   0.366 0.344 0.355   0.447  0.667
    storytrace rules          358   0.874 0.855 0.865   0.768 0.751 0.760   0.875  0.949
    storytrace + parser       373   0.871 0.888 0.880   0.767 0.781 0.774   0.874  0.948

By topic group, P / R / speaker at 50% (gold: sport 108, business 118, other 140):

    system               sport                   business                other
    baseline             0.563 / 0.741 / 0.550   0.816 / 0.712 / 0.357   0.646 / 0.457 / 0.438
    storytrace rules     0.848 / 0.880 / 0.926   0.941 / 0.949 / 0.884   0.835 / 0.757 / 0.821
    storytrace + parser  0.851 / 0.898 / 0.928   0.935 / 0.983 / 0.905   0.830 / 0.800 / 0.795

Errors (counts only): gold missed (no prediction shares a word) rules 22 / parser 11, gold
with a boundary under 50% 31 / 30, spurious predictions (no gold word) 19 / 22, boundary
predictions 26 / 26, wrong speakers 39 of 313 / 41 of 325 matched. Speaker accuracy by
mention kind, rules / parser: pronoun 0.885 (61) / 0.921 (63), name 0.920 (188) / 0.918
(194), description 0.726 (62) / 0.697 (66).

Fourteenth pass (quotes15d, 2026-12-02), main 2041513 against the branch at its merge, one run
(errors never read; run three times, see ``bench/quotes_polnear.py``): rules P / R / F1 0.877 /
0.861 / 0.869 -> 0.882 / 0.861 / 0.871 (exact F1 0.772 -> 0.775), parser 0.872 / 0.891 / 0.881
-> 0.876 / 0.891 / 0.883 (0.784 -> 0.786); speaker 0.889 -> 0.886 (rules), 0.887 -> 0.887
(parser), strict 0.886 -> 0.883, 0.883 -> 0.883; descriptions 0.754 -> 0.738, 0.727 -> 0.712.
Spurious predictions 18 -> 16 (rules), 22 -> 20 (parser).

Fifteenth pass (quotes15e, 2026-12-03, session 32), main 34d4069 against 31b2e66, one run each
from the same session (errors never read, run once): rules P / R / F1 0.882 / 0.861 / 0.871
unchanged (exact F1 0.775 -> 0.777), parser 0.876 / 0.891 / 0.883 unchanged (0.786 -> 0.789);
speaker 0.886 -> 0.889 (rules), 0.887 -> 0.887 (parser), strict 0.883 -> 0.886, 0.883 ->
0.883; names 0.926 -> 0.932 (rules). Spurious predictions 16 / 20, unchanged.

Against the issue's line (P and R at least 0.90, speaker at least 0.92) none of the three
holds on the fresh set, with or without the parser: P 0.874 / 0.871, R 0.855 / 0.888,
speaker 0.875 / 0.874. Business meets P and R; sport is short on precision; the "other"
group (crime, courtroom, fire and security stories, dense in indirect speech) is lowest.

Results. First run, 2026-12-01, storytrace at commit 2777d52 (annotations finished
before this run; nothing in storytrace changed between annotating and this run).
``spk``: resolved speaker names the gold speaker; ``mention``: that, or the speaker span
overlaps the annotated mention (the PolNeAR bench's "spk name" is of this kind):

    system                   pred   P@50  R@50  F1@50     P@ex  R@ex  F1@ex     spk    mention
    baseline                  332   0.690 0.729 0.709   0.416 0.439 0.427   0.465  0.671
    storytrace rules          293   0.918 0.857 0.886   0.819 0.764 0.791   0.757  0.937
    storytrace + parser       304   0.914 0.885 0.900   0.816 0.790 0.803   0.729  0.935

Recall at 50% by topic group (rules / parser): sport 0.848 / 0.869, business 0.861 /
0.889, other 0.860 / 0.897.

After this pass (frame changes made from PolNeAR errors; two speaker changes address
kinds of error first seen in this set's speaker list, see below and docs/quotes.md):

    storytrace rules          300   0.917 0.876 0.896   0.813 0.777 0.795   0.770  0.934
    storytrace + parser       310   0.910 0.898 0.904   0.806 0.796 0.801   0.751  0.932

Targets (P and R 0.90, speaker 0.92): precision is met, recall with the parser is just
short (0.898), and strict speaker accuracy is far below (0.75-0.77).

After the first run the list of speaker mismatches (predicted and gold speaker strings
only) was printed once to check this scorer. It led to one scorer fix (a gold "A and B"
is matched by either, which the first-run table above already uses), and it means the
speaker column is no longer a blind measurement; see docs/quotes.md.

Third pass (2026-12-01): the set is split into two speaker halves by article (alternate
articles in name order within BBC business, BBC sport and ECB+: 11 articles / 171 quotes
``tune``, 10 / 143 ``measure``). Speaker errors were read on ``tune`` only; of ``measure``
only the figures below were read, plus once the by-mention-kind breakdown (which showed
name mentions falling 0.85 -> 0.72 after the first speaker commit and led to the "King
said" fix), so ``measure`` is not blind either. Precision and recall stayed blind (no
own-set extraction error was read; the frame changes came from PolNeAR tune and train).
Two scorer additions: ``unamb`` (a prediction that is part of the gold name but also part
of another gold speaker's, "McDermott" beside Greg and Doug McDermott, is wrong; it changes
only the baseline, 0.465 -> 0.404) and accuracy by how the frame writes the speaker.
Before = commit 0279fe9, after = this version, the same bench in one session:

    system                   pred   P@50  R@50  F1@50     spk   tune spk  measure spk
    rules, before             300   0.917 0.876 0.896   0.770     0.842      0.680
    rules, after              304   0.918 0.889 0.903   0.860     0.987      0.699
    parser, before            310   0.910 0.898 0.904   0.751     0.809      0.677
    parser, after             313   0.911 0.908 0.909   0.849     0.969      0.696

With the parser, precision and recall are both above 0.90; the rules alone miss recall
(0.889). Strict speaker accuracy (0.86 / 0.85) is below the 0.92 target, and the gain is
mostly on the half whose errors were read (0.84 -> 0.99) rather than the other (0.68 ->
0.70): by mention kind on ``measure``, pronouns 0.39 -> 0.43 and names 0.85 -> 0.85.

Fourth pass (2026-12-01): before = main 0293407, after = 4f8a4e1, same run. No own-set
error was read (frames from PolNeAR tune/train; speakers from PolNeAR tune and this set's
tune half, whose two errors are cataphora and were left):

    system                   pred   P@50  R@50  F1@50     spk   tune spk  measure spk
    rules, before             304   0.918 0.889 0.903   0.860     0.987      0.699
    rules, after              306   0.908 0.885 0.897   0.859     0.981      0.705
    parser, before            313   0.911 0.908 0.909   0.849     0.969      0.696
    parser, after             315   0.902 0.904 0.903   0.848     0.962      0.702

The PolNeAR gains did not transfer: precision fell 0.009-0.010 and recall 0.004; rules
recall (0.885) still misses 0.90. Speaker accuracy barely moved (measure-half pronouns
0.43 of 23, unchanged).

Fifth pass (2026-12-01): before = main 04bb2e8, after = 9ba1dec, same run. Speaker errors
were read on 50 BBC sport, business and politics articles outside this set (no gold: the
speakers were judged by reading) and on PolNeAR tune; extraction errors on this set's tune
half (the first time any own-set extraction error was read) and on PolNeAR tune and train.
The measure half's errors stayed unread; P/R by half is new in this pass:

    system             P@50  R@50  spk    tune P / R / spk       measure P / R / spk
    rules, before      0.908 0.885 0.859  0.906 0.906 0.981      0.911 0.860 0.705
    rules, after       0.925 0.904 0.940  0.936 0.942 0.988      0.911 0.860 0.877
    parser, before     0.902 0.904 0.848  0.898 0.930 0.962      0.906 0.874 0.702
    parser, after      0.920 0.920 0.931  0.927 0.959 0.970      0.912 0.874 0.879

Strict speaker accuracy passes 0.92 on the whole set (0.940 rules, 0.931 parser), and the
gain carried to the unread half (0.705 -> 0.877; pronouns there 0.43 -> 0.74 of 23,
descriptions 0.50 -> 0.69 of 16, names 0.84 -> 0.96 of 77). The frame changes did not carry:
measure-half P/R is unchanged (rules 0.911 / 0.860), so whole-set recall reaches 0.90 only
through the tune half.

Thirteenth pass (2026-12-02, quotes15c): a ``strict`` speaker column beside ``spk`` and
``mention`` (``speaker_strict``: the unambiguous score, and the gold speaker's head word, the
last name word before an apposition or preposition, among the prediction's words, so that
'LNM' is not 'LNM spokesman' nor a bare first name 'Simon Wolfson'). Before = main 76c6ce0,
after = fe38d62, one run; no error of either set was read (speaker work from PolNeAR train):

    set    system   P@50  R@50   spk b / a      strict b / a   descriptions b / a
    fresh  rules    0.877 0.861  0.886 / 0.889  0.879 / 0.886  0.738 / 0.754 (61)
    fresh  parser   0.872 0.891  0.883 / 0.887  0.877 / 0.883  0.712 / 0.727 (66)
    first  rules    0.934 0.908  0.947 / 0.951  0.944 / 0.947
    first  parser   0.929 0.920  0.938 / 0.941  0.934 / 0.938

P and R are unchanged on both sets; the fresh set's targets (0.90 / 0.90 / 0.92) are not met.

**The second tune set** (``--set tune2``; ``bench/quote_eval/tune2/``, guidelines beside it),
built in session 35 (quotes15h) because the fresh set is measure-only and the quotes helper
of session 34 found that its weak parts (sport and business copy, description speakers) were
not reached by tuning on PolNeAR's political copy: 177 attributions in 15 BBC News articles
(business 81, sport 53, entertainment 28, tech 15), in neither the first nor the fresh set and
sharing under 20% of their word 5-grams with any article of either (only the fresh set's
article ids were read). Annotated and committed (13a98fd) before storytrace's extractor was
run on them; its errors were then read to tune the eighteenth pass. It prints the fresh set's
tables (by topic group, error counts, speaker by mention kind). A tune set, not a measure.

Eighteenth pass (2026-12-03, session 35, quotes15h), one run (``/tmp/q15h/fin/run.sh``:
tune2, the first set, PolNeAR dev ``tune`` and ``measure``, the fresh set, PolNeAR train,
each base then after, ``nice -n 5``, load about 10 from other helpers). Base = main e4c5061
(session start, ``git archive main src``), after = quotes15h 55d7a3d. The fresh set was run
once, counts only, under a keep rule written before the run (per mode, neither PolNeAR
``measure`` F1@50 and strict speaker nor the fresh set's P, R and strict speaker may go down):
it held in both modes.

    set    system   P@50 b / a     R@50 b / a     spk b / a      strict b / a   descr. b / a (n)
    tune2  rules    0.902 / 0.916  0.831 / 0.864  0.848 / 0.947  0.828 / 0.947  0.545 / 0.829 (35)
    tune2  parser   0.884 / 0.912  0.859 / 0.876  0.853 / 0.967  0.827 / 0.967  0.600 / 0.919 (37)
    first  rules    0.934 / 0.934  0.908 / 0.908  0.944 / 0.944  0.944 / 0.944
    first  parser   0.929 / 0.929  0.920 / 0.920  0.934 / 0.934  0.934 / 0.934
    fresh  rules    0.885 / 0.888  0.861 / 0.863  0.895 / 0.908  0.892 / 0.905  0.738 / 0.770 (61)
    fresh  parser   0.881 / 0.886  0.891 / 0.891  0.893 / 0.905  0.890 / 0.902  0.712 / 0.742 (66)

Fresh set, errors (counts only) base / after: missed 20 / 19 (rules), 10 / 10 (parser);
spurious 15 / 14, 18 / 16; wrong speakers 33 / 29, 35 / 31; by topic group the business
speakers rose 0.920 -> 0.929 (rules) and sport 0.917 -> 0.938. On tune2 the largest gain is
speakers (wrong 22 -> 8 rules, 22 -> 5 parser); missed gold 15 -> 11, 9 -> 9. Targets (P and R
0.90, speaker 0.92 on the fresh set) are not met: P 0.888 / 0.886, R 0.863 / 0.891, speaker
0.908 / 0.905.

**The third tune set** (``--set tune3``; ``bench/quote_eval/tune3/``, guidelines beside it),
built in session 37 (quotes15j) because tuning on the first set, tune2 and PolNeAR no longer
reached the fresh set's predictions: 234 attributions in 23 articles from 7 outlets, 16 BBC News
articles (business 41 attributions, sport 46, politics 73, entertainment 44) and 7 ECB+ articles
from topics (1, 3, 23) and outlets (news.sky.com, telegraph.co.uk, news.msn.co.nz, nypost.com,
cbsnews.com, abcnews.go.com) that none of the three other sets uses; at most 0.4% of any
article's word 5-grams are shared with an article of those sets. Annotated and committed (6125ae5)
before storytrace's extractor was run on them; its errors were then read to tune the twentieth
pass. It prints the fresh set's tables. A tune set, not a measure.

Nineteenth pass (2026-12-03, session 36, quotes15i: the rules made to agree with the parser where
it found reported clauses they missed, read on PolNeAR train, the first set and tune2; frameless
quotations split at narration; a few speaker rules), one run (``/tmp/q15i/final.sh``: for each
tree tune2, the first set, PolNeAR dev ``tune`` and ``measure``, the fresh set; ``nice -n 5``,
other helpers' load beside). Trees: base = main 70dca75 (session start, ``git archive``), main =
54528eb (main when the run began; every figure here equal to base), after = quotes15i 8bf470c
(main merged). The fresh set and PolNeAR ``measure`` were run once, counts only, under a keep rule
written before the run (per mode, neither ``measure`` F1@50 and strict speaker nor the fresh
set's P, R and strict speaker may go down): it held in both modes.

    set    system   P@50 b / a     R@50 b / a     strict b / a   exact F1 b / a
    tune2  rules    0.916 / 0.924  0.864 / 0.887  0.947 / 0.948  0.797 / 0.818
    tune2  parser   0.912 / 0.919  0.876 / 0.898  0.967 / 0.968  0.801 / 0.823
    first  rules    0.934 / 0.935  0.908 / 0.917  0.944 / 0.944  0.824 / 0.833
    first  parser   0.929 / 0.929  0.920 / 0.924  0.934 / 0.934  0.826 / 0.834
    fresh  rules    0.888 / 0.888  0.863 / 0.863  0.905 / 0.908  0.781 / 0.781
    fresh  parser   0.886 / 0.886  0.891 / 0.891  0.902 / 0.902  0.793 / 0.793

Fresh set (counts only): predictions 356 / 368 in both trees, missed gold 19 / 10 unchanged,
wrong speakers 29 -> 28 (rules; business speakers 0.929 -> 0.938, pronouns 0.903 -> 0.919),
31 unchanged (parser); descriptions 0.770 / 0.742 unchanged. None of the frame changes reached
the fresh set's predictions, so the gap the brief names (rules miss 19 gold, the parser 10) is
not the parser's clause frames read on PolNeAR, tune2 and the first set. tune2 sport P / R
0.900 / 0.849 -> 0.925 / 0.925 (frameless quotations split at narration). Targets (P and R 0.90,
speaker 0.92 on the fresh set) are not met: P 0.888 / 0.886, R 0.863 / 0.891, strict speaker
0.908 / 0.902.

Twentieth pass (2026-12-03, session 37, quotes15j: the third tune set built, annotated and
committed (6125ae5) before storytrace ran on it; its errors read, and the rules' misses compared
with the parser's), one run (``/tmp/quotes15j/fin/run.sh``: for each tree the first set, tune2,
tune3, PolNeAR dev ``tune`` and ``measure``, the fresh set; ``nice -n 5``, other helpers' load
beside; 10.0 min wall, 1.7 CPU min). Trees: base = main 9287551 (session start, ``git
archive``), after = quotes15j a3ee457. The fresh set and PolNeAR ``measure`` were run once,
counts only, under a keep rule written before the run (per mode, neither ``measure`` F1@50 and
strict speaker nor the fresh set's P, R and strict speaker may go down; the tune sets may not
fall overall): it held in both modes. tune3 "first run" is base (storytrace as it was when the
annotations were committed).

    set    system   P@50 b / a     R@50 b / a     strict b / a   exact F1 b / a
    tune3  rules    0.846 / 0.873  0.825 / 0.850  0.865 / 0.920  0.732 / 0.758
    tune3  parser   0.851 / 0.876  0.855 / 0.872  0.860 / 0.907  0.751 / 0.771
    tune2  rules    0.924 / 0.924  0.887 / 0.887  0.948 / 0.948  0.818 / 0.818
    tune2  parser   0.919 / 0.919  0.898 / 0.898  0.968 / 0.968  0.823 / 0.823
    first  rules    0.935 / 0.935  0.917 / 0.917  0.944 / 0.944  0.833 / 0.833
    first  parser   0.929 / 0.929  0.924 / 0.924  0.934 / 0.934  0.834 / 0.834
    fresh  rules    0.888 / 0.888  0.863 / 0.863  0.908 / 0.908  0.781 / 0.781
    fresh  parser   0.886 / 0.886  0.891 / 0.891  0.902 / 0.902  0.793 / 0.793

tune3 errors (counts) base / after: missed gold 21 / 18 (rules), 14 / 13 (parser); spurious 15 /
13 in both modes; wrong speakers 26 / 15 (rules), 28 / 18 (parser). PolNeAR dev ``tune`` and
``measure`` are unchanged in every column (measure speech F1 0.782 rules, 0.785 parser; strict
0.883 / 0.884). The fresh set's output is identical in the two trees (every table, counts only):
as in the nineteenth pass, none of the changes read on a tune set reached a fresh prediction or
speaker, so the fresh set's gaps are still not the kinds of error tune3 shows. Targets not met:
fresh P 0.888 / 0.886, R 0.863 / 0.891, strict speaker 0.908 / 0.902.

Twenty-first pass (2026-12-03, session 38, quotes15k: speakers of the right type, from faults the
lead found on BBC News and a sample of 60 suspicious speakers read over all 2,225 BBC articles,
none of them a fresh-set article; an evidence verb with a thing as subject made a finding), one
run (``/tmp/q15k/final.sh``: the first set, tune2, tune3, PolNeAR dev ``tune``, then the fresh
set and PolNeAR ``measure``, each with the three trees in turn; ``nice -n 5``, load 10-15 from
other helpers). Trees: base = main 89d5d80 (session start, ``git archive``); noev = the branch
without the evidence-verb change; after = quotes15k 7aed582. The keep rule, written before the
run, was judged on noev against base (per mode, neither PolNeAR ``measure`` F1@50 and strict
speaker nor the fresh set's P, R and strict speaker may go down; the tune sets may not fall
overall): it held in both modes. The evidence change was decided beforehand by the issue's text
(evidence verbs are no speech cues by default) and kept whatever ``measure`` showed.

    set    system   P@50 base / noev / after  R@50 (all three)  strict (all three)  exact F1 b / a
    tune3  rules    0.873 / 0.873 / 0.877     0.850             0.920               0.758 / 0.759
    tune3  parser   0.876 / 0.876 / 0.879     0.872             0.907               0.771 / 0.773
    tune2  rules    0.924 (all three)         0.887             0.948               0.818
    tune2  parser   0.919 (all three)         0.898             0.968               0.823
    first  rules    0.935 (all three)         0.917             0.944               0.833
    first  parser   0.929 (all three)         0.924             0.934               0.834
    fresh  rules    0.888 (all three)         0.863             0.908               0.781
    fresh  parser   0.886 (all three)         0.891             0.902               0.793

The fresh set's output is identical in the three trees (every table, counts only), and so are
the first set's and tune2's: their speakers hold none of the faults fixed (clubs as "he", a
person's name before "in/at/from X", groups as "he", places typed persons). tune3 loses one
spurious prediction ("suggest" after a thing). Over all 2,225 BBC articles (rules, base / after):
"he"/"she" resolved to a club or competition 6 / 0, to a group, an amount or a fragment 7 / 0, a
speaker that is the month, firm or place after a person's name 15 / 4, a country typed a person
18 / 3; 72 "suggest" frames with a thing as subject and 8 "tells the story of" frames are no
longer speech; 361 speaker names or types changed. Extraction CPU (rules, every third BBC
article, 742 texts, process_time, base and after alternately, two pairs): 3.02 / 2.99 s and
2.88 / 2.97 s. Targets not met: fresh P 0.888 / 0.886, R 0.863 / 0.891, strict speaker 0.908 /
0.902.

Twenty-second pass (2026-12-03, session 39, quotes15l: offices, names split at a full stop,
"accused X of" no frame, subjects before "in <place>"; docs/quotes.md). Errors read on the tune
sets (first, tune2, tune3) and on a diff of all BBC articles' quotes (fresh-set articles left
out); the fresh set and PolNeAR ``measure`` were run once at the end, counts only. One run,
``/tmp/q15l/final.sh`` (``nice -n 5``, shared machine): base = main 1620eb9, after = quotes15l
4bfe4b0, each tree's tune sets, then the measure-only part. The keep rule (written first, 19:49
UTC): per mode, no tune figure (P, R, strict speaker; PolNeAR tune F1 and strict) lower by more
than 0.005 and their sum not lower, and no measure figure lower by more than 0.005; it held in
both modes.

    set    system   P@50 base / after  R@50 base / after  strict base / after  exact F1 b / a
    first  rules    0.935 / 0.941      0.917 / 0.917      0.944 / 0.951        0.833 / 0.835
    first  parser   0.929 / 0.935      0.924 / 0.924      0.934 / 0.934        0.834 / 0.837
    tune2  rules    0.924 / 0.924      0.887 / 0.887      0.948 / 0.961        0.818 / 0.818
    tune2  parser   0.919 / 0.919      0.898 / 0.898      0.968 / 0.968        0.823 / 0.823
    tune3  rules    0.877 / 0.884      0.850 / 0.850      0.920 / 0.920        0.759 / 0.763
    tune3  parser   0.879 / 0.887      0.872 / 0.872      0.907 / 0.907        0.773 / 0.776
    fresh  rules    0.888 / 0.893      0.863 / 0.863      0.911 / 0.915        0.781 / 0.783
    fresh  parser   0.886 / 0.891      0.891 / 0.891      0.905 / 0.908        0.793 / 0.795

Fresh errors (counts only), base / after: spurious 14 / 12 (rules), 16 / 14 (parser); wrong
speakers 27 / 26, 30 / 29; missed gold 19 / 19, 10 / 10. Over all BBC articles less the fresh
set's (rules, base / after): quotes 12,867 / 12,779 (90 gone: about 77 "accused X of …", 7
"suggest" findings after a survey, poll or report, 5 "answered questions …"; 2 new), 191 speaker
names or types changed, among them 65-odd runs "Name Surname. Mr Surname" that lost the full
name. Extraction CPU (rules, every third BBC article, 742 texts, process_time, alternately):
base 2.62 / 2.65 s, after 2.74 / 2.75 s (+4%). Targets not met: fresh P 0.893 / 0.891, R 0.863 /
0.891, strict speaker 0.915 / 0.908.

Twenty-third pass (2026-12-03, session 40, recall15m: which quotes are found; docs/quotes.md).
Read on the quotes the parser found and the rules missed on the tune sets (9: a subject the
rules cannot read 5, a cue inside the subject's relative clause or an earlier cue cutting the
content 2, a participle on a noun 1, a closing frame after a long subject 1), on PolNeAR train
and on the tune sets' misses and spurious quotes; every change checked against all BBC
articles less the fresh set's. One run, ``/tmp/recall15m/final.sh`` then ``measure.sh``
(``nice -n 5``, load 5-6): base = main 2c9f2c7, after = recall15m 7b97741, each tree's tune
sets, then the fresh set once (counts only). The keep rule (written first, 22:22 UTC): per mode,
no tune figure lower by more than 0.005 and their sum not lower, no measure figure lower by
more than 0.005; it held in both modes (fresh P fell 0.0044 / 0.0045, inside the rule).

    set    system   P@50 base / after  R@50 base / after  strict base / after  exact F1 b / a
    first  rules    0.941 / 0.939      0.917 / 0.927      0.951 / 0.955        0.835 / 0.840
    first  parser   0.935 / 0.933      0.924 / 0.936      0.934 / 0.939        0.837 / 0.843
    tune2  rules    0.924 / 0.924      0.887 / 0.887      0.961 / 0.961        0.818 / 0.818
    tune2  parser   0.919 / 0.919      0.898 / 0.898      0.968 / 0.968        0.823 / 0.823
    tune3  rules    0.884 / 0.890      0.850 / 0.868      0.920 / 0.921        0.763 / 0.771
    tune3  parser   0.887 / 0.892      0.872 / 0.885      0.907 / 0.908        0.776 / 0.781
    fresh  rules    0.893 / 0.888      0.863 / 0.869      0.915 / 0.912        0.783 / 0.787
    fresh  parser   0.891 / 0.886      0.891 / 0.893      0.908 / 0.905        0.795 / 0.797

Fresh errors (counts only), base / after: missed gold 19 / 18 (rules), 10 / 10 (parser);
boundary gold 31 / 30, 30 / 29; spurious 12 / 13, 14 / 15; boundary predictions 26 / 27, 26 /
27; wrong speakers 26 / 27, 29 / 30. F1@50 0.878 / 0.878 (rules), 0.891 / 0.890 (parser): on the
fresh set the pass moved recall up and precision down by about as much. a6d36be (after the
run: "hinted at" and "indicated its intention of" report nothing) changes no tune-set output
and, on BBC less the fresh set, removes two false quotes the new "indicate" cue had added.
Over all BBC articles less the fresh set's (rules, base / a6d36be): quotes 12,779 / 12,826, 52
articles changed. Extraction CPU (rules, every third BBC article, 742 texts, process_time,
alternately): base 2.16 / 2.14 s, after 2.17 / 2.15 s. Targets not met: fresh P 0.888 / 0.886,
R 0.869 / 0.893, strict speaker 0.912 / 0.905.

Twenty-third pass (2026-12-03, session 40, speaker15m: who said it; docs/quotes.md, Speakers,
"Twenty-third pass"). Errors read on PolNeAR train (all 217 strict speaker errors of the rules),
PolNeAR dev ``tune``, the tune sets here (first set's tune half, tune2, tune3) and BBC articles
outside the fresh set; the fresh set and PolNeAR ``measure`` were run once at the end, counts
only. Runs: ``/tmp/speaker15m/tune.sh`` then ``/tmp/speaker15m/measure.sh`` (``nice -n 5``,
shared machine; ``python bench/quote_eval.py --data ../shared/data --set first|tune2|tune3``,
then ``--set fresh``, with ``PYTHONPATH`` set to each tree's ``src``): base = main 2c9f2c7
(session start, ``git archive``), after = speaker15m 78db044. The keep rule (written 22:21
UTC, before any measure run): per mode, no tune figure (P, R, strict speaker; PolNeAR tune F1
and strict) lower by more than 0.005 and the sum of the tune strict figures not lower; no
measure figure lower by more than 0.005. It held in both modes.

    set    system   P@50 base / after  R@50 base / after  strict base / after
    first  rules    0.941 / 0.941      0.917 / 0.917      0.951 / 0.955
    first  parser   0.935 / 0.935      0.924 / 0.924      0.934 / 0.938
    tune2  rules    0.924 / 0.924      0.887 / 0.887      0.961 / 0.974
    tune2  parser   0.919 / 0.919      0.898 / 0.898      0.968 / 0.981
    tune3  rules    0.884 / 0.884      0.850 / 0.850      0.920 / 0.925
    tune3  parser   0.887 / 0.887      0.872 / 0.872      0.907 / 0.912
    fresh  rules    0.893 / 0.893      0.863 / 0.863      0.915 / 0.915
    fresh  parser   0.891 / 0.891      0.891 / 0.891      0.908 / 0.908

The fresh set's figures and error counts are the same in both trees (wrong speakers 26 / 26
rules, 29 / 29 parser; speaker by mention, pronoun / name / description 0.919 / 0.963 / 0.770
rules, 0.921 / 0.964 / 0.742 parser): none of this pass's changes reached its speakers. Over all
BBC articles less the fresh set's (rules), 12,779 quotes at base, 12,780 after (one new: a group
subject found, "reports from the country"); in 71 quotes 62 speaker names, 25 speaker spans and 10
types changed, every one read (the "he" after "Lord Ashcroft after", "a charity" as Christian Aid,
"UK Coal", a group opening its clause, an organisation's description in apposition, a
sentence-opening word before a full name); one stays wrong another way: "The German club" (the
headline's "Iranian" before, "Bayern Munich's Champions League" now; Bayern Munich is meant).
Extraction CPU (rules, every third BBC article, 742 texts, process_time, alternately, three pairs):
base 2.01 / 2.02 / 2.01 s, after 2.01 / 2.03 / 2.03 s. Targets not met: fresh P 0.893 / 0.891, R
0.863 / 0.891, strict speaker 0.915 / 0.908 (rules / parser).

Twenty-fourth pass (2026-12-04, session 41, speaker15n: who said it; docs/quotes.md, Speakers,
"Twenty-fourth pass"). Errors read on PolNeAR train (all 202 strict speaker errors of the rules),
PolNeAR dev ``tune``, the tune sets here and BBC articles outside the fresh set, with three
faults the lead saw on BBC copy (business/150 "it" after "Shares in UK pharmaceutical firm
Phytopharm"; business/449 "the adverts" and "the company" given to the Wall Street Journal;
politics/019 "the first minister" given to Nicola Sturgeon). The fresh set and PolNeAR
``measure`` were run once at the end, counts only. Runs: ``/tmp/speaker15n/tune.sh base after``
then ``/tmp/speaker15n/measure.sh`` (``nice -n 5``, load 6-8; ``python bench/quote_eval.py --data
../shared/data --set first|tune2|tune3``, then ``--set fresh``, with ``PYTHONPATH`` set to each
tree's ``src``): base = main 3b47724 (session start, ``git archive``), after = speaker15n
23d918a (main b32553c merged in). The keep rule (written about 03:55 UTC, before any measure
run): per mode, no tune figure (P, R, strict speaker; PolNeAR tune F1 and strict) lower by more
than 0.005 and the sum of the tune strict figures not lower; no measure figure lower by more
than 0.005. It held in both modes.

    set    system   P@50 base / after  R@50 base / after  strict base / after
    first  rules    0.939 / 0.939      0.927 / 0.927      0.959 / 0.959
    first  parser   0.933 / 0.933      0.936 / 0.936      0.942 / 0.949
    tune2  rules    0.924 / 0.924      0.887 / 0.887      0.974 / 0.981
    tune2  parser   0.919 / 0.919      0.898 / 0.898      0.981 / 0.987
    tune3  rules    0.890 / 0.890      0.868 / 0.868      0.926 / 0.936
    tune3  parser   0.892 / 0.892      0.885 / 0.885      0.913 / 0.928
    fresh  rules    0.888 / 0.888      0.869 / 0.869      0.912 / 0.918
    fresh  parser   0.886 / 0.886      0.893 / 0.893      0.905 / 0.911

Fresh set, wrong speakers among matched pairs 27 -> 26 (rules), 30 -> 29 (parser); speaker by
mention, name 0.963 -> 0.969 in both modes, pronoun and description unchanged. Over all BBC
articles less the fresh set's (rules), 12,829 quotes in both trees; in 69 quotes 66 speaker
names, 14 speaker spans and 17 types changed, every one read: most now right or left as
written where they were wrong (the lead's three; "the report" as the World Bank, the National
Audit Office, the World Economic Forum; "the prime minister" no longer Ken Livingstone or John
Prescott; plural heads "Market analysts", "Israeli officials"); three stay wrong another way
("The actor" in entertainment/056, "Brando's assistant", was "Vanity Fair"; "the spokesman" in
politics/145, "BNP spokesman", was the "East Anglian Daily Times spokesman"; "the company" in
business/449, Wal-Mart, was the Wall Street Journal, Eli Lilly is meant). Extraction CPU (rules,
every third BBC article, 742 texts, process_time, alternately, three pairs, main b32553c beside
speaker15n 7524202, whose extraction output is 23d918a's on all 2,225 BBC texts): 2.07 / 2.06 /
2.09 s and 2.08 / 2.06 / 2.09 s (23d918a took 2.30-2.35 s: a scan for document nouns, since
replaced). Targets not met: fresh strict
speaker 0.918 / 0.911 (target 0.92), P 0.888 / 0.886, R 0.869 / 0.893 (target 0.90).

Twenty-fourth pass (2026-12-04, session 41, precision15n: which quotes are found;
docs/quotes.md, Frames, "Twenty-fourth pass"). Read on the tune sets' spurious quotes, on
PolNeAR train's missed "say" quotes (481 at base, counted by kind in
``bench/quotes_polnear.py``), and checked against all BBC articles less the fresh set's (49
changed against main 69f1b96, every diff read). One run, ``/tmp/precision15n/final.sh`` then
``measure.sh`` once (``nice -n 5``; ``python bench/quote_eval.py --data ../shared/data --set
first|tune2|tune3``, then ``--set fresh``, with ``PYTHONPATH`` set to each tree's ``src``): base
= main 3b47724 (session start, ``git archive``), after = precision15n be4a78d (main 69f1b96
merged in). The keep rule (written 04:20 UTC, before any measure run): per mode, no tune or
measure figure (P, R, strict speaker; PolNeAR F1@50 and strict) lower by more than 0.005, and
the sum of the tune sets' P+R not lower. It held in both modes.

    set    system   P@50 base / after  R@50 base / after  strict base / after  exact F1 b / a
    first  rules    0.939 / 0.942      0.927 / 0.930      0.959 / 0.959        0.840 / 0.837
    first  parser   0.933 / 0.937      0.936 / 0.939      0.942 / 0.942        0.843 / 0.839
    tune2  rules    0.924 / 0.940      0.887 / 0.893      0.974 / 0.974        0.818 / 0.835
    tune2  parser   0.919 / 0.936      0.898 / 0.904      0.981 / 0.981        0.823 / 0.839
    tune3  rules    0.890 / 0.890      0.868 / 0.868      0.926 / 0.926        0.771 / 0.775
    tune3  parser   0.892 / 0.892      0.885 / 0.885      0.913 / 0.913        0.781 / 0.785
    fresh  rules    0.888 / 0.891      0.869 / 0.869      0.912 / 0.912        0.787 / 0.788
    fresh  parser   0.886 / 0.889      0.893 / 0.893      0.905 / 0.905        0.797 / 0.798

Fresh errors (counts only), base / after: spurious predictions 13 / 12 (rules), 15 / 14
(parser); missed gold 18 / 18, 10 / 10; boundary gold 30 / 30, 29 / 29; boundary predictions
27 / 27, 27 / 27; wrong speakers 27 / 27, 30 / 30. F1@50 0.878 / 0.880 (rules), 0.890 / 0.891
(parser). The tune sets' spurious quotes fixed: "who asked not to be named" (which also gave
the "told Reuters" frame after it back), "insisted on delaying", "denied reports that",
"promised more such parties"; left: "acknowledged that much change" (no verb: garbled copy),
"explained why" and "has not said if" (PolNeAR annotates both: 14 of 16 "explain why/how" and
"would not say whether" on its tune data), and the noun-phrase objects of cues the rules do not
list. Extraction CPU (rules, every third BBC article, 742 texts, process_time, alternately,
three pairs): base 2.23 / 2.21 / 2.23 s, after 2.26 / 2.22 / 2.30 s (after includes main
69f1b96). Targets not met: fresh P 0.891 / 0.889, R 0.869 / 0.893, strict speaker 0.912 /
0.905 (rules / parser).

**The fourth tune set** (``--set tune4``; ``bench/quote_eval/tune4/``, guidelines beside it),
built in session 42 (recall15o) because the older tune sets, read by many sessions, hold little
of what the fresh set's "other" group (its lowest recall) holds: 222 attributions in 15 articles
from 9 outlets, all in the ``other`` group (BBC politics and tech; ECB+ crime, conflict,
disaster, technology and politics from eight other outlets), annotated
(commit 69c73ed) before storytrace was run on them. It prints the fresh set's tables. A tune
set, not a measure. At main 95fbc8d it scores like the fresh set: rules P / R 0.893 / 0.829,
parser 0.898 / 0.869.

Twenty-fifth pass (2026-12-04, session 42, recall15o; branch ``recall15o-fixes`` at 5fd1864,
**not merged**: its keep rule failed on the fresh set's strict speaker). Errors read on tune4
only (rules and parser), checked on the other tune sets and a diff of all BBC articles less the
fresh set's (70 changed, every diff read). One run, ``/tmp/recall15o/final.sh`` (``python
bench/quote_eval.py --data ../shared/data --set tune4|tune3|tune2|first`` and ``python
bench/quotes_polnear.py --part tune``, ``nice -n 10``, ``PYTHONPATH`` set to each tree's
``src``), then ``/tmp/recall15o/measure.sh`` once (``--set fresh``, counts only, and PolNeAR
``--part measure``): base = main 95fbc8d (``git archive``), after = recall15o-fixes 5fd1864.
The keep rule (written 12:28 UTC, before any run): the tune sets together (pooled) do not fall
in F1@50 in either mode and tune4 rises; the fresh set does not fall in P, R or strict speaker
in either mode. The tune part held (pooled F1@50 over the four sets and PolNeAR tune's speech
attributions 0.889 -> 0.892 rules, 0.896 -> 0.899 parser); the fresh set's strict speaker fell
(0.918 -> 0.912 rules, 0.911 -> 0.906 parser: wrong speakers 26 -> 29 and 29 -> 32 among 13 / 10
more matched pairs), so the fixes were not merged, though fresh recall rose most:

    set       system   P@50 base / after  R@50 base / after  F1@50 base / after  strict b / a
    tune4     rules    0.893 / 0.894      0.829 / 0.869      0.860 / 0.881       0.902 / 0.911
    tune4     parser   0.898 / 0.897      0.869 / 0.905      0.883 / 0.901       0.880 / 0.890
    tune3     rules    0.890 / 0.892      0.868 / 0.880      0.879 / 0.886       0.936 / 0.937
    tune3     parser   0.892 / 0.894      0.885 / 0.897      0.888 / 0.896       0.928 / 0.929
    tune2     rules    0.940 / 0.935      0.893 / 0.893      0.916 / 0.913       0.981 / 0.981
    tune2     parser   0.936 / 0.930      0.904 / 0.904      0.920 / 0.917       0.987 / 0.987
    first     rules    0.942 / 0.942      0.930 / 0.930      0.936 / 0.936       0.959 / 0.959
    first     parser   0.937 / 0.937      0.939 / 0.939      0.938 / 0.938       0.949 / 0.949
    PolNeAR t rules    0.931 / 0.927      0.815 / 0.816      0.869 / 0.868       0.970 / 0.970
    PolNeAR t parser   0.930 / 0.926      0.819 / 0.820      0.871 / 0.870       0.970 / 0.970
    fresh     rules    0.891 / 0.897      0.869 / 0.904      0.880 / 0.901       0.918 / 0.912
    fresh     parser   0.889 / 0.897      0.893 / 0.926      0.891 / 0.911       0.911 / 0.906
    PolNeAR m rules    0.880 / 0.878      0.709 / 0.709      0.785 / 0.784       0.883 / 0.883
    PolNeAR m parser   0.876 / 0.875      0.715 / 0.715      0.788 / 0.787       0.884 / 0.884

(PolNeAR rows: dev ``tune`` and ``measure``, speech attributions.) Fresh, by group, "other" P /
R 0.850 / 0.771 -> 0.871 / 0.864 (rules), 0.848 / 0.800 -> 0.873 / 0.886 (parser); sport and
business unchanged; gold with a boundary under 50% 30 -> 18 (rules), 29 -> 17 (parser); missed
18 -> 17, 10 -> 10; spurious 12 -> 12, 14 -> 14. With the fixes fresh recall passes 0.90 in both
modes; precision (0.897 / 0.897) and strict speaker (0.912 / 0.906) stay under the targets.

Twenty-sixth pass (2026-12-04, session 43, quotespan43: quotation spans a reader would draw,
``text.quoted_spans``; docs/quotes.md). Same run, ``nice -n 10``, ``PYTHONPATH`` set to each
tree's ``src``: ``python bench/quote_eval.py --data ../shared/data --set tune4|tune3|tune2`` and
``python bench/quotes_polnear.py --part tune`` (base = main 23ff22d by ``git archive``; the
quote code of main 9443aae, the branch's final base, is the same), then PolNeAR ``--part
measure`` once. Keep rule (written first): pooled tune F1@50 and strict speaker do not fall in
either mode, PolNeAR tune F1@50 does not fall. Every tune figure is unchanged (the fixes touch
no annotated quotation of the three sets); a variant closing a straight single mark set apart by
a space in any text (not only in tokenised text) gained three tune4 quotes on ECB+ 19_4ecbplus
but lowered strict speaker (one of them given to "Gray", the object of a relative clause before
"says"), so single marks close so only in text with backticks. PolNeAR, speech attributions:

    part      system   P@50 base / after  R@50 base / after  F1@50 base / after  strict b / a
    tune      rules    0.931 / 0.931      0.815 / 0.815      0.869 / 0.869       0.970 / 0.970
    tune      parser   0.930 / 0.930      0.819 / 0.819      0.871 / 0.871       0.970 / 0.970
    measure   rules    0.880 / 0.876      0.709 / 0.707      0.785 / 0.783       0.883 / 0.887
    measure   parser   0.876 / 0.873      0.715 / 0.714      0.788 / 0.785       0.884 / 0.888

Session 45 (2026-12-04, lexicon45: one table of titles, ``storytrace.titles``; quotes rule 12).
First the lists moved into the table unchanged: every derived set equal to its list, and every
stored table of ``index`` (quotes on) over all BBC articles, PolNeAR train+dev and ECB+'s tune
topics, and every quote (full record, both modes) of the first set, tune2, tune3 and tune4,
byte-identical with main 9c5dc82's. Then the quote rules took as titles the offices the name
finder or the splitter already read as titles or roles (councillor, councilor, coach,
congressman, congresswoman, ambassador, commissioner, justice, officer, maj, cmdr, cpl, pvt, fr,
mme). Same run, ``nice -n 10``, ``PYTHONPATH`` set to each tree's ``src``: ``python
bench/quote_eval.py --data ../shared/data --set first|tune2|tune3|tune4`` and ``python
bench/quotes_polnear.py --part tune`` (base = main dfa4a62, the table with the old lists). Keep
rule (written first): no tune figure falls. Every figure of the four sets and of PolNeAR tune is
unchanged in both modes (F1@50 rules / parser: first 0.936 / 0.938, tune2 0.916 / 0.920, tune3
0.879 / 0.888, tune4 0.860 / 0.883; PolNeAR tune speech 0.869 / 0.871): the scorers' name words
drop titles anyway. What changed, read row by row: on the ``index`` corpus above 62 of 30,822
quotes, no content, kind or cue: 60 speaker names, 54 better ("Coach Sean Payton" -> "Sean
Payton", "Justice Scalia" -> "Antonin Scalia", "Nottingham City Councillor Brian Parbutt" ->
"Brian Parbutt"), 4 now written with their article ("Justice Department" -> "the Justice
Department"), 2 wrong before and after; "the justice" a person, no longer unknown; a speaker
span now the whole description ("Papua police chief Maj. Gen. Bagus Ekodanto"). Of the four
sets, one quote changed: a "Justice Department" of tune3 written with its article.

Session 46 (2026-12-04, quotes46: the quote errors a newcomer saw on ECB+ and BBC News in session
45; quotes rule 13). Fixed, each with a failing test of our own text first: "Two accused
gangbangers went on trial" (an -ed cue between a number word and a plural is an adjective), "But
opposition parties say" (the opening conjunction left the speaker), "Okafor." (a sentence's stop
left names read from name runs), "Messrs." ending a sentence (``text``; engine reuse-28), the "Mrs
Howard" branch of session 45 (dd91035) rebased, its match of a title before a surname narrowed to
gendered titles ("Paul King", "Jana Bennett", "Billy King" had lost their first names, read on a
diff of all BBC and ECB+ texts outside the fresh sets and the first set's measure half; with that,
the first set's strict speaker no longer falls), "told me one of my sons was killed" (a listener
pronoun), "say that will not happen" (a 'that' before an auxiliary is the content's subject; it
also ended contents that began at a relative 'that': "Analysts said one factor that might ..."),
"Linebacker Mike Peters" (a role before a first name), "agreed a 'humanitarian corridor'" and, with
the parser, ", who had 352 yards" after "added". Same run, ``nice -n 10``, ``PYTHONPATH`` set to
each tree's ``src``: ``python bench/quote_eval.py --data ../shared/data --set
first|tune2|tune3|tune4`` (``/tmp/quotes46/fin/run.sh``), then ``--set fresh|fresh2`` once
(``measure.sh``, counts only); base = main 4ffd16b (``git archive``), after = quotes46 952bf0d
(6075e4f as merged, the same quote code; a later fix, 1ab406f as merged: "Analyst Jane Smith" is no
organisation, changed no figure of the tune sets in either mode, run again beside main, and no
quote of the texts below; the measure-only sets were not run again). Keep rule (written first): no
figure of the four tune sets falls in either mode. It held: every figure equal but exact F1 on the
first set, 0.840 -> 0.843 (rules) and 0.843 -> 0.846 (parser); strict speaker there 0.959 / 0.949
in both trees. Measure-only: fresh rules equal (P / R / strict 0.891 / 0.869 / 0.918), parser P
0.889 -> 0.891 (spurious 14 -> 13), F1@50 0.891 -> 0.892, R 0.893 and strict 0.911 equal; fresh2
equal in both modes (rules 0.894 / 0.892 / 0.877, parser 0.888 / 0.903 / 0.885). On the 2,634 BBC
and ECB+ texts read (rules, ``/tmp/quotes46/dump.py``), 102 of 14,382 quotes changed, every diff
read: 77 speaker names (52 lose a role or office word, "Chief Executive Martin Sorrell", "Attorney
David Kelley"; 13 a stop, "Straw." is "Jack Straw"; 4 an opening "But"; "Mrs Howard"; "Katherine
Jackson" for a 'she'; two organisations named for "The club" and "The charity"; "Mr Faraj" for
BBC's "Anais Faraj ... Mr Faraj", the first name read as a woman's; ECB+ 41_1ecb's "He", wrong
before and after), 19 contents opening at a demonstrative or relative 'that' where they began after
it, 5 quotes gone ("agreed a deal" three times, "Two accused", and "The government has confirmed
intermediate level waste (ILW) that was to ...", whose content began after the relative 'that').

Session 47 (2026-12-05, quotes47: quote errors left at stop 46; quotes rule 14). Fixed, each with a
failing test of our own text first (``tests/test_quotes47.py``): a direct quote's part kept the
comma closing its quotation before the frame ('"We are confident," he said.'; the scorer reads
words, so no figure moves by it), "But the Scottish National Party and the Tories say" ("the
Tories"), "The president-elect, Barack Obama, ... He said" (Mahmoud Abbas: the role went unread),
"Mr Faraj continued" right after Anais Faraj's quotation ("Mr Faraj": the first-name table read
her as a woman), "Deutsche Boerse is '...', he said" (Deutsche Boerse), and '"…," Anais Faraj, an
analyst at Nomura told the BBC' (the name read as content: the description's closing comma was
lost). Same run, ``nice -n 10``, ``PYTHONPATH`` set to each tree's ``src``: ``python
bench/quote_eval.py --data ../shared/data --set first|tune2|tune3|tune4``
(``/tmp/quotes47/fin/run.sh``), then ``--set fresh|fresh2`` once (``measure.sh``, counts only);
base = main 91d5249 (``git archive``), after = quotes47 71c3cb1. Keep rule (written first): no
figure of the four tune sets falls in either mode. It held: every figure of the four tune sets is
equal in both modes (none of the changes reaches an annotated quote of them). Measure-only: fresh
strict speaker 0.918 -> 0.921 (rules), 0.911 -> 0.914 (parser); pronoun speakers 0.905 -> 0.921,
0.906 -> 0.922; sport speaker 0.928 -> 0.938, 0.929 -> 0.939; wrong speakers 26 -> 25, 29 -> 28;
parser exact F1 0.799 -> 0.802; P, R and F1@50 equal (rules 0.891 / 0.869 / 0.880, parser 0.891 /
0.893 / 0.892). fresh2 equal in every figure (rules P / R / strict 0.894 / 0.892 / 0.877, parser
0.888 / 0.903 / 0.885). On the 2,634 BBC and ECB+ texts outside the fresh sets and the first set's
measure half (rules, ``/tmp/quotes47/dump.py``), 1,882 of 14,377 quotes changed: 1,833 lose only
the frame's comma; the other 49 were read: 26 speaker names by the pronoun rule ("Mr Blair has
failed ..., he claimed" is Michael Howard's, not Tony Blair's; Fraser Kemp, Andrew Marr, Oliver
Letwin, Brad Baehr, Bruce Shaw ...; bbc politics/346's two wrong before and after; one now wrong,
bbc politics/290, whose "he said" sits in a relative clause inside the content and means Winston
Churchill), 5 by coordinated subjects (4 subjects; an "It" no longer given to the Liberal
Democrats), 5 "President-elect" names, "Mr Faraj", and 12 by the lost comma (Michael Lamberty,
Eva Lichtenberg, Peter Dobrow, Eric Abensur, Matt Williams, Alan Milburn and his three later
quotes ...).

Session 48 (2026-12-05, qhead48: one headline rule; quotes rule 15). The extractor's two private
headline tests (a title-case first paragraph, left out of the units; a first paragraph of at most
15 words without closing punctuation, read for no quote) gave way to ``articles.headline_span``
with the two differences the quotes need (``quotes.document.headline``: a line closing its
sentence inside a quotation mark is a lede; a title-case line is a headline though it closes with
a full stop, as PolNeAR prints its titles). A title-case headline stays out of the units, any
other stays in (its names are the lede's antecedents); a unit running on past the headline is cut
at its end; ``_main_organisation`` reads the headline's names, not the first sentence below a
title-case headline. Same run, ``nice -n 5``, ``PYTHONPATH`` set to each tree's ``src``: ``python
bench/quote_eval.py --data /work/shared/data --set first|tune2|tune3|tune4``
(``/tmp/qhead48/bench/run.sh``), then ``--set fresh|fresh2`` once (``measure.sh``, counts only);
base = main 4faa4a6 (``git archive``), after = qhead48 97ecb80 (``git archive``). Keep rule
(written first): no figure
of the four tune sets falls in either mode. It held: every figure of the four tune sets is equal in
both modes (F1@50 rules / parser: first 0.936 / 0.938, tune2 0.916 / 0.920, tune3 0.879 / 0.888,
tune4 0.860 / 0.883). Measure-only: fresh equal in every figure (rules P / R / strict 0.891 / 0.869
/ 0.921, parser 0.891 / 0.893 / 0.914); fresh2 two spurious predictions fewer in both modes, both
in the "other" group (rules 30 -> 28, P 0.894 -> 0.898, F1@50 0.893 -> 0.895; parser 33 -> 31, P
0.888 -> 0.891, F1@50 0.895 -> 0.897), R and speaker figures equal; not read. On BBC News (2,225),
ECB+'s tune topics (271 texts, one sentence a line) and PolNeAR train+dev (924), rules
(``/tmp/qhead48/dump.py``), 10 of 25,597 quotes in 8 texts changed, every one read: 2 better
speakers of bbc politics/302 ("the newspaper" was "Iraq", named in the first sentence below a
title-case headline), 2 better of a PolNeAR text ("From Josh Feldman writing at Mediaite:" was
lost with the headline its quotation ran on from; the quoted paragraphs are now his), and 6 quotes
of PolNeAR headlines closing with "; " no longer read ("Sanders says he's riding momentum; "), by
the rule the extractor has always stated (a headline holds no quote; PolNeAR's gold annotates
them, 4 of the 6 with the right speaker, 2 wrong).

Session 48 (2026-12-05, quotes48: two quote errors; quotes rule 16). Fixed, each with a failing
test of our own text first (``tests/test_quotes48.py``): a quotation closing its paragraph ran on
into the next paragraph's first sentence, read as its bare frame (``said: "The mayor has faith."``
then ``The mayor spoke on Monday.``); a pronoun frame breaking into a clause of reason or time
(``which Winston Churchill decided had to go since, he said, ...``, bbc politics/290) was given,
since rule 14, to a name before the content. Same run, ``nice -n 5``, ``PYTHONPATH`` set to each
tree's ``src``: ``python bench/quote_eval.py --data /work/shared/data --set S --no-parser`` for
first, tune2, tune3, tune4, then fresh and fresh2 once (``/tmp/quotes48/run.sh``); base = main
49cc459 (``git archive``), after = quotes48 (``git archive``). Keep rule (written first): no rules
figure of the four tune sets falls, and of the changed corpus quotes no more worse than better.
It held: the whole output of every set, fresh and fresh2 included, is identical (CPU times aside;
rules F1@50 first 0.936, tune2 0.916, tune3 0.879, tune4 0.860, fresh 0.880, fresh2 0.895). On
BBC News (2,225) and ECB+'s tune topics (271), rules (``/tmp/quotes48/dump.py``), 1 of 14,556
quotes changed, better: bbc politics/290's 'he' of "since, he said," is Winston Churchill again
(Frederick Forsyth on main); the quote's content is still the whole sentence, not what follows
the frame. Info, not in the keep rule: on PolNeAR train+dev ~33 quotes in 18 texts changed, read:
15 texts better (a byline or narration sentence opening the next paragraph, "Eilperin reported
from Washington.", no longer frames the quotation above it, so '"A," he said. "B."' is one quote
of the right speaker), 2 neutral, 1 worse (a quotation paragraph below "Howard continued his
scathing remarks." lost its speaker); ``bench/quotes_polnear.py --part tune --no-parser`` equal
or up in every figure (all exact F1 0.445 -> 0.448).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_texts import DATA, load_text, text_hash  # noqa: E402
from quotes_polnear import matches  # noqa: E402

from storytrace.quotes import extract_quotes, parser_available  # noqa: E402
from storytrace.text import Doc, quoted_spans, sentence_spans  # noqa: E402

ANNOTATIONS = Path(__file__).resolve().parent / "quote_eval" / "annotations.jsonl"
FRESH = Path(__file__).resolve().parent / "quote_eval" / "fresh" / "annotations.jsonl"
FRESH2 = Path(__file__).resolve().parent / "quote_eval" / "fresh2" / "annotations.jsonl"
TUNE2 = Path(__file__).resolve().parent / "quote_eval" / "tune2" / "annotations.jsonl"
TUNE3 = Path(__file__).resolve().parent / "quote_eval" / "tune3" / "annotations.jsonl"
TUNE4 = Path(__file__).resolve().parent / "quote_eval" / "tune4" / "annotations.jsonl"
SETS = {
    "first": ANNOTATIONS,
    "fresh": FRESH,
    "fresh2": FRESH2,
    "tune2": TUNE2,
    "tune3": TUNE3,
    "tune4": TUNE4,
}

Span = tuple[int, int]


@dataclass
class Pred:
    parts: list[Span]
    speaker: Span | None
    speaker_name: str | None


def token_set(doc: Doc, pieces: list[Span]) -> set[int]:
    out: set[int] = set()
    for s, e in pieces:
        out.update(range(bisect_left(doc.ends, s + 1), bisect_left(doc.starts, e)))
    return out


_TITLES = set(
    """mr mrs ms miss dr sir dame lord lady prof professor rev the a an of for
    president senator sen gov governor coach chairman""".split()
)
_PRONOUNS = set("he she they it i we you him her them".split())


def name_words(s: str | None) -> set[str]:
    if not s:
        return set()
    words = {w.lower().removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w’'.]+", s)}
    return {w.strip(".") for w in words} - _TITLES - _PRONOUNS - {""}


def speaker_ok(pred: str | None, gold: str, others: frozenset[str] = frozenset()) -> bool:
    """Whether a predicted speaker names the gold one; a gold "A and B" (two speakers)
    is matched by either. With ``others`` (the article's other gold speakers), a
    prediction that is part of the gold name ("McDermott") must not also be part of
    another speaker's ("Greg McDermott" beside "Doug McDermott"): the unambiguous
    score, added 2026-12-01 (issue 15, third pass) because the plain subset rule
    credits a bare shared surname to whichever of the two people spoke."""
    p = name_words(pred)
    for alt in gold.split(" and "):
        g = name_words(alt)
        if p and g and (p <= g or g <= p):
            return not (p < g and any(p <= name_words(o) for o in others if o != gold))
    return False


_HEAD_END = re.compile(r",|\(|\s(?:of|for|at|from|with|who)\s")


def _head_word(speaker: str) -> str | None:
    """The head of a gold speaker: the last name word before an apposition or a
    preposition ('spokesman' in 'A spokesman for the Trafford Centre', 'Wolfson' in
    'Simon Wolfson')."""
    words = [
        w.strip(".").lower().removesuffix("'s").removesuffix("’s")
        for w in re.findall(r"[\w’'.]+", _HEAD_END.split(speaker, maxsplit=1)[0])
    ]
    words = [w for w in words if w and w not in _TITLES and w not in _PRONOUNS]
    return words[-1] if words else None


def speaker_strict(pred: str | None, gold: str, others: frozenset[str] = frozenset()) -> bool:
    """The stricter score (quotes15c, issue 15): ``speaker_ok`` with ``others``, and the
    gold speaker's head word is one of the prediction's words, so that a part of the
    description is not the speaker ('LNM' for 'LNM spokesman', 'Trafford Centre' for
    'A spokesman for Manchester's Trafford Centre', a bare first name for 'Simon
    Wolfson')."""
    p = name_words(pred)
    for alt in gold.split(" and "):
        head = _head_word(alt)
        g = name_words(alt)
        if head and head in p and (p <= g or g <= p):
            return not (p < g and any(p <= name_words(o) for o in others if o != gold))
    return False


_SAY = re.compile(r"\b(?:say|said|says|told|added)\b")
_SUBJ_BEFORE = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*|\b(?:he|she|they))\s*$")
_SUBJ_AFTER = re.compile(r"\s*((?:[A-Z][\w’'.\-]*\s*){1,4})")


def baseline(text: str) -> list[Pred]:
    """Quoted spans plus the rest of each sentence after a say-verb; the speaker is
    the name or pronoun next to the nearest say-verb."""
    sents = sentence_spans(text)
    quotes = quoted_spans(text)

    def inside(i: int) -> bool:
        return any(s <= i < e for s, e in quotes)

    verbs = [m for m in _SAY.finditer(text) if not inside(m.start())]

    def speaker_near(k: int) -> Span | None:
        for j in (k, k - 1, k + 1):
            if not 0 <= j < len(sents):
                continue
            s0, s1 = sents[j]
            for m in (v for v in verbs if s0 <= v.start() < s1):
                before = _SUBJ_BEFORE.search(text, s0, m.start())
                if before and before.group(1).strip():
                    return before.span(1)
                after = _SUBJ_AFTER.match(text, m.end(), s1)
                if after and after.group(1).strip():
                    return after.start(1), after.start(1) + len(after.group(1).rstrip())
        return None

    def sent_of(i: int) -> int:
        return max(0, bisect_left([s for s, _ in sents], i + 1) - 1)

    out = []
    for s, e in quotes:
        if len(text[s:e].split()) >= 3:
            sp = speaker_near(sent_of(s))
            out.append(Pred([(s, e)], sp, text[sp[0] : sp[1]] if sp else None))
    for m in verbs:
        k = sent_of(m.start())
        s0, s1 = sents[k]
        if any(s0 <= qs < s1 for qs, _ in quotes):
            continue
        rest = re.match(r"\s*(?:that\s+)?", text[m.end() : s1])
        c0 = m.end() + (rest.end() if rest else 0)
        c1 = s1 - 1 if text[s1 - 1 : s1] in ".!?" else s1
        if len(text[c0:c1].split()) >= 3:
            sp = speaker_near(k)
            out.append(Pred([(c0, c1)], sp, text[sp[0] : sp[1]] if sp else None))
    return out


def storytrace(text: str, parser: bool) -> list[Pred]:
    return [
        Pred(
            list(q.parts),
            q.speaker,
            q.speaker_name or (text[slice(*q.speaker)] if q.speaker else None),
        )
        for q in extract_quotes(text, parser=parser)
    ]


def load(data: Path, path: Path = ANNOTATIONS) -> list[tuple[str, str, list[dict]]]:
    by_article: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        by_article.setdefault(rec["article"], []).append(rec)
    out = []
    for article, recs in by_article.items():
        text = load_text(article, data)
        if text_hash(text) != recs[0]["text_sha256_12"]:
            sys.exit(f"{article}: the text differs from the annotated copy (hash mismatch)")
        out.append((article, text, recs))
    return out


def check(articles: list[tuple[str, str, list[dict]]]) -> int:
    """Offsets against the rebuilt texts (the hashes were checked on loading): every span
    inside the text, not empty, not starting or ending inside a word, with content words in
    it. Prints counts and the article and offsets of each problem, never the text, so it can
    be run on the unread set. Returns the number of problems. A mention inside a content span
    is counted apart, not as a problem: the first set keeps a frame set inside the content
    ("Two years before, he said, an officer …") in one span; the fresh set splits it."""
    bad = 0
    spans = 0
    inside = 0
    for article, text, recs in articles:
        for i, r in enumerate(recs):
            pieces = [("part", tuple(p)) for p in r["parts"]]
            if r["mention"]:
                pieces.append(("mention", tuple(r["mention"])))
            for what, (s, e) in pieces:
                spans += 1
                cut = (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                    e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
                )
                if not 0 <= s < e <= len(text) or cut or not re.search(r"\w", text[s:e]):
                    bad += 1
                    print(f"{article} record {i}: {what} [{s}, {e}) is not a whole-word span")
            m = r["mention"]
            inside += bool(m and any(m[0] < pe and ps < m[1] for ps, pe in r["parts"]))
    print(
        f"checked {spans} spans in {len(articles)} articles: {bad} problems"
        f" ({inside} mentions inside a content span)"
    )
    return bad


def group_of(rec: dict) -> str:
    topic = rec["topic"]
    return (
        "sport"
        if topic.startswith("sport")
        else "business"
        if topic.startswith("business")
        else "other"
    )


MENTION_KINDS = ("pronoun", "name", "description", "none")


def mention_kind(text: str, mention: list[int] | None) -> str:
    """How the frame writes the speaker: a pronoun ('he', 'who'), a name (capitalised
    first word: 'Mr Wolfson', 'Unilever'), a description ('the company', 'a
    spokeswoman'), or nothing (a quotation continued without a frame)."""
    if not mention:
        return "none"
    words = text[mention[0] : mention[1]].split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS | {"who", "which", "that"}:
        return "pronoun"
    if words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an", "one", "some"):
        return "name"
    return "description"


def half_of(article: str, articles: list[str]) -> str:
    """``tune`` or ``measure``: the speaker halves, alternate articles (in name order)
    within BBC business, BBC sport and ECB+. Speaker errors are read on ``tune`` only."""
    group = article.rsplit("/", 1)[0] if article.startswith("bbc:") else "ecbplus"
    same = sorted(
        a for a in articles if (a.rsplit("/", 1)[0] if a.startswith("bbc:") else "ecbplus") == group
    )
    return "tune" if same.index(article) % 2 == 0 else "measure"


def evaluate(articles, system, split_of=None) -> tuple[dict[str, Counter], float]:
    """Counts over all articles and over the part each article belongs to: by default the
    first set's speaker halves, else ``split_of(article, recs)`` (the fresh set's topic
    groups)."""
    names = [a for a, *_ in articles]
    if split_of is None:
        split_of = lambda article, recs: half_of(article, names)  # noqa: E731
    out: dict[str, Counter] = defaultdict(Counter)
    secs = 0.0
    for article, text, recs in articles:
        c: Counter[str] = Counter()
        doc = Doc(text)
        t0 = time.process_time()
        preds = system(text)
        secs += time.process_time() - t0
        gold = [token_set(doc, [tuple(p) for p in r["parts"]]) for r in recs]
        others = frozenset(r["speaker"] for r in recs if r["speaker"] != "?")
        ptoks = [token_set(doc, p.parts) for p in preds]
        c["pred"] += len(preds)
        for r in recs:
            c["gold"] += 1
            c[f"gold {group_of(r)}"] += 1
        for mode in ("50", "exact"):
            matched = matches(ptoks, gold, mode)
            for i, j in matched:
                c[f"{mode} tp"] += 1
                r = recs[j]
                c[f"{mode} tp {group_of(r)}"] += 1
                if mode == "50" and r["speaker"] != "?":
                    c["spk n"] += 1
                    ok = speaker_ok(preds[i].speaker_name, r["speaker"])
                    c["spk ok"] += ok
                    c["spk unamb"] += speaker_ok(preds[i].speaker_name, r["speaker"], others)
                    c["spk strict"] += speaker_strict(preds[i].speaker_name, r["speaker"], others)
                    kind = mention_kind(text, r["mention"])
                    c[f"spk n {kind}"] += 1
                    c[f"spk ok {kind}"] += ok
                    sp, m = preds[i].speaker, r["mention"]
                    c["spk mention"] += ok or bool(sp and m and sp[0] < m[1] and m[0] < sp[1])
            c[f"{mode} pred-matched"] += len(matched)
            if mode == "50":
                # error categories, as counts only: a gold with no prediction sharing a
                # word is a miss, one with some sharing but under half a boundary error;
                # likewise a prediction sharing no word with any gold is a spurious quote
                hit_g = {j for _, j in matched}
                hit_p = {i for i, _ in matched}
                for j, g in enumerate(gold):
                    if j not in hit_g:
                        c["fn boundary" if any(g & p for p in ptoks) else "fn missed"] += 1
                for i, p in enumerate(ptoks):
                    if i not in hit_p:
                        c["fp boundary" if any(p & g for g in gold) else "fp no gold"] += 1
        out["all"].update(c)
        out[split_of(article, recs)].update(c)
    return out, secs


def row(name: str, c: Counter) -> str:
    def prf(mode: str) -> tuple[float, float, float]:
        p = c[f"{mode} tp"] / c["pred"] if c["pred"] else 0.0
        r = c[f"{mode} tp"] / c["gold"] if c["gold"] else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    p5, r5, f5 = prf("50")
    pe, re_, fe = prf("exact")
    spk = c["spk ok"] / c["spk n"] if c["spk n"] else 0.0
    men = c["spk mention"] / c["spk n"] if c["spk n"] else 0.0
    strict = c["spk strict"] / c["spk n"] if c["spk n"] else 0.0
    groups = "  ".join(
        f"{g} R {c[f'50 tp {g}'] / c[f'gold {g}']:.3f}"
        for g in ("sport", "business", "other")
        if c[f"gold {g}"]
    )
    return (
        f"{name:<24}{c['pred']:>5}   {p5:.3f} {r5:.3f} {f5:.3f}   {pe:.3f} {re_:.3f} {fe:.3f}"
        f"   {spk:.3f}  {men:.3f}  {strict:.3f}   {groups}"
    )


def systems_to_run(no_parser: bool) -> list:
    systems = [("baseline", baseline), ("storytrace rules", lambda t: storytrace(t, False))]
    if parser_available() and not no_parser:
        extract_quotes("Warm-up: he said the model loads once.", parser=True)
        systems.append(("storytrace + parser", lambda t: storytrace(t, True)))
    return systems


def fresh_report(articles, no_parser: bool) -> None:
    """The fresh set's tables: the first set's headline table, then precision, recall and
    speaker accuracy by topic group, error counts by category and speaker accuracy by how
    the frame writes the speaker. Counts only: no quote text is printed, so the run can be
    read without reading the set's errors."""
    print(
        f"\n{'system':<24}{'pred':>5}   {'P@50  R@50  F1@50':<19}   {'P@ex  R@ex  F1@ex':<19}"
        f"   {'spk':<5}  {'mention'} {'strict'}   recall@50 by topic"
    )
    runs = []
    for name, system in systems_to_run(no_parser):
        counts, secs = evaluate(articles, system, lambda a, recs: group_of(recs[0]))
        print(row(name, counts["all"]) + f"   ({secs:.2f} CPU s)")
        runs.append((name, counts))
    groups = ("sport", "business", "other")
    print("\nby topic group, 50% overlap: P / R / speaker (n gold)")
    print(f"{'system':<24}" + "".join(f"{g:>30}" for g in groups))
    for name, counts in runs:
        line = f"{name:<24}"
        for g in groups:
            c = counts[g]
            p = c["50 tp"] / c["pred"] if c["pred"] else 0.0
            r = c["50 tp"] / c["gold"] if c["gold"] else 0.0
            k = c["spk ok"] / c["spk n"] if c["spk n"] else 0.0
            cell = f"{p:.3f} / {r:.3f} / {k:.3f} ({c['gold']})"
            line += f"{cell:>30}"
        print(line)
    print(
        "\nerrors at 50% overlap: missed gold (no prediction shares a word), boundary gold "
        "(shares words, under half), spurious predictions (share no word with any gold), "
        "boundary predictions; wrong speakers among matched pairs"
    )
    print(f"{'system':<24}{'missed':>8}{'bound.':>8}{'spurious':>10}{'bound.':>8}{'speaker':>9}")
    for name, counts in runs:
        c = counts["all"]
        print(
            f"{name:<24}{c['fn missed']:>8}{c['fn boundary']:>8}{c['fp no gold']:>10}"
            f"{c['fp boundary']:>8}{c['spk n'] - c['spk ok']:>9}"
        )
    print("\nspeaker accuracy (spk) by how the frame writes the speaker (n matched)")
    print(f"{'system':<24}" + "".join(f"{k:>16}" for k in MENTION_KINDS))
    for name, counts in runs:
        c = counts["all"]
        line = f"{name:<24}"
        for k in MENTION_KINDS:
            cell = f"{c[f'spk ok {k}'] / (c[f'spk n {k}'] or 1):.3f} ({c[f'spk n {k}']})"
            line += f"{cell:>16}"
        print(line)
    print(
        f"\ngold: {sum(len(r) for *_, r in articles)} quotes; topic groups: "
        + ", ".join(
            f"{g} {sum(group_of(r) == g for *_, rs in articles for r in rs)}" for g in groups
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--no-parser", action="store_true", help="skip the spaCy run")
    ap.add_argument(
        "--set",
        choices=sorted(SETS),
        default="first",
        help="first: the set tuned on (default); fresh: the unread second evaluation; fresh2: a "
        "second unread evaluation (session 44), annotated without seeing the system's output, "
        "with the fresh set's tables; "
        "tune2: the sport/business tune set of session 35; tune3: the BBC and ECB+ tune set of "
        "session 37; tune4: the crime, law, politics and technology tune set of session 42 (the "
        "three with the fresh set's tables)",
    )
    ap.add_argument(
        "--check", action="store_true", help="only check the annotations' offsets (no text shown)"
    )
    args = ap.parse_args()
    if not (args.data / "bbc").exists() or not (args.data / "ecbplus").exists():
        sys.exit(f"BBC and ECB+ data not found under {args.data}")
    articles = load(args.data, SETS[args.set])
    n = sum(len(r) for *_, r in articles)
    outlets = {r["outlet"] for *_, rs in articles for r in rs}
    print(f"{args.set} set: {n} gold quotes, {len(articles)} articles, {len(outlets)} outlets")
    if args.check:
        sys.exit(1 if check(articles) else 0)
    if args.set in ("fresh", "fresh2", "tune2", "tune3", "tune4"):
        fresh_report(articles, args.no_parser)
        return
    systems = systems_to_run(args.no_parser)
    print(
        f"\n{'system':<24}{'pred':>5}   {'P@50  R@50  F1@50':<19}   {'P@ex  R@ex  F1@ex':<19}"
        f"   {'spk':<5}  {'mention'} {'strict'}   recall@50 by topic"
    )
    halves = []
    for name, system in systems:
        counts, secs = evaluate(articles, system)
        print(row(name, counts["all"]) + f"   ({secs:.2f} CPU s)")
        halves.append((name, counts))
    print("\nprecision and recall at 50% by half (fifth pass: errors read on 'tune' only)")
    print(f"{'system':<24}{'tune P':>8}{'R':>7}{'F1':>7}   {'measure P':>10}{'R':>7}{'F1':>7}")
    for name, counts in halves:
        line = f"{name:<24}"
        for h, w in (("tune", 8), ("measure", 10)):
            c = counts[h]
            p = c["50 tp"] / c["pred"] if c["pred"] else 0.0
            r = c["50 tp"] / c["gold"] if c["gold"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            line += f"{p:>{w}.3f}{r:>7.3f}{f:>7.3f}   "
        print(line.rstrip())
    print(
        "\nspeaker accuracy by half (speaker errors are read on 'tune' only); spk: name "
        "subset rule, unamb: also not part of another speaker's name; strict: unamb and "
        "the gold head word among the predicted name's"
    )
    print(
        f"{'system':<24}{'all spk':>8}{'unamb':>7}   {'tune spk':>9}{'unamb':>7}{'mention':>9}"
        f"{'n':>5}   {'measure spk':>11}{'unamb':>7}{'mention':>9}{'n':>5}   "
        f"{'strict tune':>11}{'measure':>8}"
    )
    for name, counts in halves:
        c = counts["all"]
        n_s = c["spk n"] or 1
        line = f"{name:<24}{c['spk ok'] / n_s:>8.3f}{c['spk unamb'] / n_s:>7.3f}   "
        for h, w in (("tune", 9), ("measure", 11)):
            c = counts[h]
            n_s = c["spk n"] or 1
            line += (
                f"{c['spk ok'] / n_s:>{w}.3f}{c['spk unamb'] / n_s:>7.3f}"
                f"{c['spk mention'] / n_s:>9.3f}{c['spk n']:>5}   "
            )
        line += "".join(
            f"{counts[h]['spk strict'] / (counts[h]['spk n'] or 1):>{w}.3f}"
            for h, w in (("tune", 11), ("measure", 8))
        )
        print(line.rstrip())
    print("\nspeaker accuracy (spk) by how the frame writes the speaker: tune | measure")
    print(f"{'system':<24}" + "".join(f"{k:>18}" for k in MENTION_KINDS))
    for name, counts in halves:
        line = f"{name:<24}"
        for k in MENTION_KINDS:
            cell = " | ".join(
                f"{counts[h][f'spk ok {k}'] / (counts[h][f'spk n {k}'] or 1):.2f}"
                f" {counts[h][f'spk n {k}']:>2}"
                for h in ("tune", "measure")
            )
            line += f"{cell:>18}"
        print(line)
    print(
        f"\ngold: {n} quotes; topic groups: "
        + ", ".join(
            f"{g} {sum(group_of(r) == g for *_, rs in articles for r in rs)}"
            for g in ("sport", "business", "other")
        )
    )


if __name__ == "__main__":
    main()
