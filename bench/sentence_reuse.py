"""Short and edited reuse at the candidate step: the fingerprint rule beside the previous one.

Run: ``nice -n 10 .venv/bin/python bench/sentence_reuse.py [--corpus synthetic|bbc]
[--docs 500] [--lifts 50] [--baseline-src DIR] [--data ../shared/data/bbc/bbc] [--found]
[--variants verbatim,ocr,...] [--old-edits]``

Articles: ``synthetic`` (default) is ``bench/scale.py``'s generator (Zipf
vocabulary of 30,000 made-up words, 150-350 words each; its own injected copies
are left out); ``bbc`` is ``--docs`` BBC News articles drawn at random from
``../shared/data/bbc`` (research use, read at run time, never copied). For each
variant, ``--lifts`` pairs of otherwise unrelated articles (a, b) are made:

* sentence lifts, one sentence of 15-45 words of a put into b (synthetic: a run
  of 15-45 words at a random word position; bbc: a real sentence of that length
  at a sentence boundary):
  ``verbatim`` as it is; ``ocr`` each word gets one letter replaced with
  probability 0.08; ``edited`` every seventh word replaced by another word (a whitespace
  token of the corpus, printed in the replaced word's marks, :func:`edit`; with
  ``--old-edits`` as drawn, marks and all, the generator until session 37: same draws);
* ``excerpt``: 40-90 consecutive words of a (bbc: 2-4 whole sentences) put into b;
* ``edited copy``: b becomes a with 10% of its words replaced and 5% deleted;
* ``reordered``: b becomes a with its sentences shuffled.

The store's candidate rule (pairs sharing at least ``min_shared`` fingerprints
held by at most ``fp.MAX_DF`` articles; LSH near-duplicate keys are left out,
they do not find sentence-length reuse) over three fingerprint schemes:

* ``before``: word 5-grams, winnowing window 5, two shared (guarantee: a shared
  run of 14 words), the parameters until this bench's commit;
* ``words``: word 4-grams, window 2, three shared (a shared run of 9 words, or
  three of 5 words), the fingerprints until the shape keys (2026-12-02);
* ``shapes``: ``words`` and the shape keys (word length and first letter,
  7-grams, window 3; a run of 15 words keeping their shapes), three shared: the
  fingerprints until session 33 (2026-12-03);
* ``now``: :mod:`storytrace.fingerprints` as it is (every word 4-gram, shape
  keys in windows of 4, four shared: a run of 7 words, a run of 15 words with
  any two changed, one word in every seven changed, 22 words keeping their
  shapes).

"found" counts lifted pairs that are candidates; "cand/art" is every pair the
rule yields per article (what alignment then costs; real reuse between BBC
articles is part of it); "fp/art" is the postings per article; "fp ms" the CPU
time to fingerprint the whole corpus. With ``--baseline-src`` (another
checkout's ``src``, e.g. ``git archive <commit> src | tar -x -C /tmp/old``) the
whole of every variant is also indexed end to end (``corpus.index_records``,
one process each, no quotes, one worker) with each ``src``: the pairs it aligned
per article, its CPU seconds, and how many lifted pairs got a stored reuse edge.

Results (2026-12-01, 2 cores shared with six other agents; "before" is commit
d9f26fe; the parameters were chosen on BBC seed 1 and synthetic seed 11 in a
scratch script comparing 4-grams and 3-grams, windows 2-3, content-word-only
shingles and anchor pairs, then these runs were made with other seeds):

``--seed 5 --baseline-src`` (synthetic) and ``--corpus bbc --seed 3 --baseline-src``:

    synthetic seed 5: 472 articles, 50 pairs per variant
    variant      rule     found  cand/art  fp/art  fp ms
    verbatim     before   50/50      0.21    83.2    221
    verbatim     now      50/50      0.21   168.2    150
    ocr          before   47/50      0.20    83.2    138
    ocr          now      49/50      0.21   168.4    140
    edited       before   29/50      0.12    83.2    136
    edited       now      50/50      0.21   168.3    139
    excerpt      before   50/50      0.21    84.5    146
    excerpt      now      50/50      0.21   170.9    150
    edited copy  before   50/50      0.21    82.2    141
    edited copy  now      50/50      0.21   166.3    143
    reordered    before   50/50      0.21    81.8    141
    reordered    now      50/50      0.21   165.5    146

    end to end (corpus.index_records, 1 worker, no quotes)
    variant      src      edges  aligned/art  CPU s
    verbatim     before   43/50         0.21    1.2
    verbatim     now      43/50         0.21    1.2
    ocr          before   42/50         0.20    1.6
    ocr          now      44/50         0.21    1.7
    edited       before   29/50         0.12    1.5
    edited       now      41/50         0.21    1.8
    excerpt      before   50/50         0.21    1.3
    excerpt      now      50/50         0.21    1.3
    edited copy  before   50/50         0.21    1.7
    edited copy  now      50/50         0.21    1.7
    reordered    before   50/50         0.21    1.6
    reordered    now      50/50         0.21    1.6

    bbc seed 3: 500 articles, 50 pairs per variant
    variant      rule     found  cand/art  fp/art  fp ms
    verbatim     before   50/50      0.39   132.7    301
    verbatim     now      50/50      0.64   265.6    238
    ocr          before   46/50      0.38   132.7    228
    ocr          now      49/50      0.63   265.5    231
    edited       before   22/50      0.27   132.7    248
    edited       now      50/50      0.62   265.5    242
    excerpt      before   50/50      0.38   134.3    243
    excerpt      now      50/50      0.62   268.7    248
    edited copy  before   50/50      0.34   133.1    242
    edited copy  now      50/50      0.54   266.4    242
    reordered    before   50/50      0.38   131.0    238
    reordered    now      50/50      0.63   262.2    235

    end to end (corpus.index_records, 1 worker, no quotes)
    variant      src      edges  aligned/art  CPU s
    verbatim     before   32/50         0.39    2.2
    verbatim     now      32/50         0.64    2.7
    ocr          before   25/50         0.38    2.1
    ocr          now      25/50         0.63    2.7
    edited       before   17/50         0.27    2.1
    edited       now      30/50         0.62    2.7
    excerpt      before   50/50         0.38    2.4
    excerpt      now      50/50         0.62    2.8
    edited copy  before   50/50         0.34    2.8
    edited copy  now      50/50         0.54    3.3
    reordered    before   50/50         0.38    2.3
    reordered    now      50/50         0.63    2.8

Every lifted, excerpted, edited or reordered pair is now a candidate except one OCR lift
in each corpus (letter noise spread over a short sentence can leave fewer than three
clean runs of five words), where the previous rule missed 21 of 50 edited lifts on
synthetic text and 28 of 50 on BBC text. The price: twice the postings, 1.6x the
candidate pairs on BBC text (0.64 against 0.39 per article; pairs of articles on the
same story sharing names and stock phrases; the ratio grows with the corpus, see below)
and 1.0-1.3x the CPU of an index without quotes ("fp ms" of the first row includes
warming up). Alignment then decides: short lifts of one sentence into an unrelated
article often get no stored reuse edge with either rule (the verdict of ``compare``
calls a single shared sentence in an otherwise unrelated article ``unrelated`` or
``same-story``): that is the alignment's threshold, not the candidate step's.
``bench/corpus_bbc.py --sources 300`` in the same session: recall 0.9989 with both
rules; spurious pairs 0 before, 2 now (two same-story articles about the same doping
case whose edited copy ``compare`` labels ``reworded``: pairs the old rule never
proposed), 96 s CPU against 78 s.

Over all 2,225 BBC articles (``--corpus bbc --docs 2225 --seed 3``, candidates only)
every pair of every variant is a candidate now, where the previous rule found 41 of 50
OCR lifts and 27 of 50 edited ones; candidates per article 1.97 against 0.88 (2.2x:
more 4-grams are shared by a few articles in a larger corpus, so the ratio grows with
it; at 500 articles it is 1.6x).

Issue 16's line ("every pair found" for 15-45-word lifts, OCR noise, heavy edits,
excerpts, edited and reordered copies, 50 each in 500 documents), checked at
2026-12-01 12:10 UTC on seeds not used before (``--corpus bbc --seed 7 --data
/work/shared/data/bbc/bbc --baseline-src`` main 0293407, and ``--seed 13`` synthetic;
the fingerprint rule is the same in both sources, so before = now end to end). Three
levels, because they differ:

| lifted pairs found (of 50)          | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-------------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| candidates, bbc 7                   |       50 |  49 |     50 |      50 |       50 |        50 |
| candidates, synthetic 13            |       50 |  48 |     50 |      50 |       50 |        50 |
| compare: passage on the lift, bbc 7 |       50 |  50 |     50 |      50 |       50 |        50 |
| compare: passage, synthetic 13      |       50 |  49 |     50 |      50 |       50 |        50 |
| stored reuse edge, bbc 7            |       28 |  22 |     24 |      49 |       50 |        50 |
| stored reuse edge, synthetic 13     |       44 |  37 |     41 |      50 |       50 |        50 |

The candidate misses are OCR lifts whose noise leaves fewer shared samples than the rule
needs, outside the documented guarantee (a clean shared run of 9 words, or three of 5):
bbc 7 "Victory for the Azzurhi in Rome last fear saw Scotland enc their campaign without
a victory." (16 words, 3 letters wrong, longest clean run 5 words: 2 shared 4-grams in
all, 1 sample); bbc 3 a 25-word sentence with 7 wrong words (5 shared 4-grams, 1
sample); synthetic 5 two samples. Alignment (the ``compare`` row: every lifted pair
compared directly, candidate or not) finds the lifted passage in all but one. What
``index`` then stores is the verdict's decision, not the candidate step's: of bbc 7's
22 verbatim lifts with no edge, 16 are judged ``unrelated`` on evidence
(``evidence.gather``: a shared sentence, no shared names or facts) and 6 ``same-story``
with under ``stories.STOCK_WORDS`` unquoted copied words, both of which
``stories.reuse_edge`` keeps out of the store (and so out of stories and ``export``),
though their passages of 15-29 words are found.

Stored edges after ``evidence.PASSAGE_MIN_WORDS`` went from 20 passage words to 15 reused
words (2026-12-01 afternoon, issue 16's product decision: a verbatim or lightly edited passage
of 15 unquoted words is reuse, and ``shared-passage`` now comes before the place and year
conflicts). ``--corpus bbc --seed 7 --data /work/shared/data/bbc/bbc --baseline-src
/tmp/old-evid12/src`` and ``--seed 13 --baseline-src /tmp/old-evid12/src`` (before = main
04bb2e8, same lifts, same run; load 10-20 on 2 cores):

| stored reuse edge (of 50)   | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-----------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 7, before (20 words)    |       28 |  22 |     24 |      49 |       50 |        50 |
| bbc 7, now (15 words)       |       44 |  35 |     41 |      49 |       50 |        50 |
| synthetic 13, before        |       44 |  37 |     41 |      50 |       50 |        50 |
| synthetic 13, now           |       50 |  45 |     49 |      50 |       50 |        50 |

Aligned pairs per article and CPU seconds are unchanged (the candidates are the same). What
``index`` still leaves out on bbc 7 (``compare`` of each lifted pair): lifted sentences that
are mostly a quotation (6 verbatim, 8 OCR, 7 edited lifts: ``shared-quote``, with under
``stories.STOCK_WORDS`` unquoted words: two outlets quoting one statement is not evidence of
reuse, so ``stories.reuse_edge`` keeps them out), and lifts whose noise leaves fewer than 15
reused words (6 OCR, 2 edited: a 15-17-word sentence with three or more words changed).

Issue 16, session 5 (cmp16): each lifted pair of bbc seed 7 without a stored edge was read and
traced (candidate, passage on the lift, verdict and rule, edge). Every one was a candidate with
a passage on the lift; all were lost at the verdict or at ``stories.reuse_edge``:

* OCR noise in a lift's last or first words ("faces up to four yearc ig prison" stopped at
  "four": 14 words, under ``evidence.PASSAGE_MIN_WORDS``): chains now extend over words misread
  by one letter (``diff.misread``) up to an exact match beyond them;
* a word replaced near a lift's end ("... came to power At 1997."): an edge window now keeps an
  equal run that ends (or starts) a sentence in both texts, though it is one word;
* a sentence quoting someone, lifted with its frame ("...," he told BBC Radio 4's The World at
  One): ``shared-quote``, and no edge, since its unquoted words were under
  ``stories.STOCK_WORDS``. A quotation's words now count towards ``shared-passage`` when the
  passage holds ``evidence.FRAME_MIN_WORDS`` (6) words outside quotes on both sides, printed
  alike, and ``reuse_edge`` keeps a pair whose evidence holds ``shared-passage``. Two outlets
  quoting one statement stay no reuse: on PolNeAR (cross-publisher candidate pairs) no edge
  was added (train 55 -> 55 of 1,644 pairs, dev 1 -> 1 of 20).

Still not stored, by design: lifts whose sentence is all quotation, or a quotation with a frame
of 2-4 words ("he added", "said the lock forward"), which two outlets print alike when they
quote one statement independently.

``--corpus bbc --seed 7|31 --data /work/shared/data/bbc/bbc --baseline-src`` main 94a6ada and
``--seed 13 --baseline-src`` main 94a6ada (same lifts, same run, load 15-19); seed 31 was
not looked at before this run (measure-only); stored reuse edges of 50:

| stored reuse edge (of 50)     | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 7, before (94a6ada)       |       44 |  35 |     41 |      49 |       50 |        50 |
| bbc 7, now                    |       46 |  44 |     43 |      50 |       50 |        50 |
| bbc 31, before (measure-only) |       44 |  44 |     44 |      50 |       50 |        50 |
| bbc 31, now (measure-only)    |       45 |  45 |     47 |      50 |       50 |        50 |
| synthetic 13, before          |       50 |  45 |     49 |      50 |       50 |        50 |
| synthetic 13, now             |       50 |  45 |     49 |      50 |       50 |        50 |

Synthetic 13 does not move: its lifts are word runs put anywhere, without quotations or
sentence ends, and its lost OCR and edited lifts (counted by step: 4 and 1, 12-14 reused words,
one OCR lift no candidate) have their noise at the lift's edge, where no exact match lies
beyond a misread word.

Candidates: every lift is a candidate except one OCR lift of bbc 7 and one edited lift of bbc
31 (49/50 each, the same with both sources). Other rules for them (``--corpus bbc --seed 7|31 --data
/work/shared/data/bbc/bbc --alternatives``, 22:50 UTC, a scratch copy of this script with
the same rules; candidates per article against "now"'s 0.50-0.68): two shared samples
(``w2 m2``, 1.4-1.9 per article) or three shared of every 4-gram (``all m3``, 1.2-1.6, 1.5x
the postings) still miss the bbc 7 OCR lift; four of every 4-gram (``all m4``, 0.7-0.8)
finds the bbc 31 edited lift and misses the same OCR lift; 3-grams (``3g m3``) find both at
4.8-5.6 candidates per article, 8-10x today's alignment work. That OCR lift ("Victory for the
Azzurhi in Rome last fear saw Scotland enc their campaign without a victory.") shares two
4-grams in all, so no 4-gram rule finds it; it would take an OCR-tolerant word key. No
parameter was changed. Aligned pairs per article are unchanged. Where
bbc 31's remaining lifts are lost (counted by the step, texts not read): verbatim 5, OCR 5,
edited 2 by ``compare`` (``index`` stores one edited lift fewer), every one ``same-story`` by
``shared-quote`` with under ``stories.STOCK_WORDS`` unquoted copied words: a quotation both
carry.

What "found" means for a user (issue 16, session of 2026-12-02, fast16). A candidate pair,
or a passage ``compare`` computes while ``index`` runs and then drops, shows a user nothing:
``index`` keeps a pair only as a stored reuse edge (``stored_reuse``, ``stories``' graphs,
``export``) or through the quotes it stores (a quote of six words or more held by both joins
them in one story, and ``match`` counts it under ``shared_quotes``). So a lifted pair is
found when the index reports it with the lifted text: a stored reuse edge with a passage on
the lift, or a stored quote of both articles with one link key (``stories.quote_key``) on the
lift. Story membership alone is not enough (TF-IDF joins same-topic articles without any
lift). ``--found`` indexes every variant with quotes (this ``src``, 1 worker) and counts that
level, then names each lifted pair not found: a candidate or not, and ``compare``'s verdict
and rule on it. ``--corpus bbc --seed 43|59 --data /work/shared/data/bbc/bbc --found``
(main ce012f8 + this bench; seeds 43 and 59 measure-only, never looked at before; seed 7,
looked at by earlier sessions, gives 46/44/43 of 50 found for the three sentence lifts):

| found (of 50)          | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 43: compare        |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 43: edge on lift   |       42 |  42 |     44 |      50 |       50 |        50 |
| bbc 43: shared quote   |       11 |   3 |      0 |      24 |       13 |        38 |
| bbc 43: found          |       45 |  42 |     44 |      50 |       50 |        50 |
| bbc 59: compare        |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 59: edge on lift   |       47 |  41 |     43 |      50 |       50 |        50 |
| bbc 59: shared quote   |       18 |   4 |      0 |      18 |       18 |        43 |
| bbc 59: found          |       48 |  42 |     43 |      50 |       50 |        50 |

Of the 36 lost pairs (19 on bbc 43, 17 on bbc 59), 33 are ``same-story`` on ``shared-quote``
(all but one candidates; the lifted sentence is
a quotation, or a quotation with a frame of two or three words such as "he said", and
``stories.reuse_edge`` keeps no edge for a quotation both carry, by design: two outlets
quoting one statement is not reuse), and no stored quote links them because the two quotes
differ as extracted (seen on bbc 7: the lift is one sentence of a longer quotation in its
source, and its opening mark has no closing one in the new article, so no quote is extracted
there), or the OCR noise or edits changed its words. Two OCR lifts ("Symbian phones droduced
by ...", "Veteran comedian and broadcaster Cyrih Fletcher hds died ...") are
``shared-passage``, which would be stored, but are no candidates; one short OCR lift is
``unrelated``. So the index misses these lifts at two places: the candidate step (2 and 1 OCR
lifts of 50) and the quote link (2-7 lifts of 50 per sentence variant: a quotation
printed by both is reported only when both extract it with the same words). ``compare`` on
the pair finds the passage in every case (the "compare" row). Not changed here: making
``index`` report such a pair needs a quote link that matches a quoted passage rather than a
whole quote (``stories.quote_key``, stored quotes: owned by
``stories``/``quotes``), or a stored non-reuse link for ``shared-quote`` pairs (a store
change).

Candidate rules tried for the OCR misses (a scratch copy of this script with ALTERNATIVES
replaced; tune seeds bbc 7 and 31, then the same rules on measure-only seeds 43 and 59;
candidates per article, found of 50 OCR lifts):

| rule                                      | bbc 7     | bbc 31    | bbc 43    | bbc 59    |
|-------------------------------------------|-----------|-----------|-----------|-----------|
| now: 4-grams, window 2, 3 shared          | 0.52, 49  | 0.68, 50  | 0.56, 48  | 0.67, 49  |
| 4-grams and 5-word skip-grams (words      | 0.73, 50  | 0.89, 50  | 0.72, 49  | 0.89, 49  |
| 0,1,3,4) interleaved, window 3, 3 shared  |           |           |           |           |
| now plus skip-grams in window 2, 3 shared | 1.11, 50  | 1.44, 50  | 1.14, 50  | 1.54, 49  |

(bbc 31's edited lift missed by "now" is found by both skip-gram rules.) The skip-grams
tolerate one wrong word in the middle of five; the interleaved rule would guarantee a clean
run of 8 words (9 now) at 1.3x the candidates and 1.5x the postings, and still misses one
OCR lift on each measure-only seed; the union at 2.1x the candidates and 2x the postings
misses one on seed 59. None reaches every lift on the seeds not tuned on, so no fingerprint
parameter changed (stored indexes stay valid).

Quote variants (issue 16, session of 2026-12-02 04:00, fast16): the lifts lost at the quote
link are now linked as one quote printed twice (``stories.quote_variants``, deciding by
``quotes.matching.quote_variant``: 8+ shared words and 0.8 of the shorter quote, ``altered``
or ``trimmed``; or a passage of 12+ words, 0.8 of it equal, ``passage``: one sentence of a
longer quote whose unclosed mark runs on to its paragraph's end), compared only where two
quote keys share a 5-word anchor held by 2 to ``fp.MAX_DF`` articles. Tuned on bbc 7 and 31
(the passage rule and the run chaining came from reading bbc 7's lost lifts); then measured
once with ``--corpus bbc --seed 67 --data /work/shared/data/bbc/bbc --found --baseline-src``
(a detached worktree of main ca641d2; seed 67 never used before; load 7-10, CPU s per index):

| found (of 50)              | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|----------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 7 (tune), now          |       50 |  49 |     49 |      50 |       50 |        50 |
| bbc 67, before (main)      |       43 |  46 |     46 |      49 |       50 |        50 |
| bbc 67, now (measure-only) |       49 |  50 |     49 |      50 |       50 |        50 |
| bbc 67 index CPU s, before |     13.8 | 12.8|   13.5 |    12.6 |     13.3 |      12.8 |
| bbc 67 index CPU s, now    |     14.9 | 13.8|   15.8 |    14.2 |     16.2 |      14.1 |

(bbc 31, tune, before the last change to the passage rule: 50/50 verbatim and OCR.) Index
CPU with quotes rises by up to 1.2x on these runs (load 7-10 on 2 cores; the variant pass
itself is 0.7 CPU s on PolNeAR's 11,640 quote keys, ``bench/quote_links.py``). On PolNeAR
train+dev (``bench/quote_links.py /tmp/integ24/polnear.jsonl``: 924 articles, 7 outlets)
cross-outlet article pairs joined by a quote went from 10 (identical quotes) to 30; all 20
new pairs were read: 19 are the same statement (Obama on Clinton's qualifications, Trump's
"Second Amendment people", Rubio's "dispel with this fiction", Sanders's "vast majority of
my voters/supporters", ...), one is not (two poll questions "they would be satisfied with
both candidates / with Clinton as the nominee", 8 shared words). ``compare`` of
``examples/seed_a.txt`` and ``seed_b.txt`` gives the same 8 quote matches, the housing line
``altered``. Still lost on bbc 7: the OCR lift that is no candidate ("Victory for the
Azzurhi ...") and an edited lift whose inserted words hold full stops, so no quotation is
extracted from it. Lost on bbc 67 (not read further): a verbatim lift ("If we could have
that on our laptops, we could be walking through the plant ...", same-story by shared-quote,
a candidate) and an edited one, both quotations still unlinked.

Re-opened quotations (issue 16, session of 2026-12-02 06:30, fast16). Reading the lost lifts
of seeds 67 and 7 (both now tune seeds): four were sentences of a quote written as BBC text
writes one whose paragraph breaks are gone, '... said Mr Baume. "Government ... "He also
sends ... "The problem ..."': ``quotes.frames.orphan_quotes`` took only the first re-opened
sentence of a unit and dropped the rest, so the lifted sentence was no quote in its source
and no key or variant linked the pair. A quotation re-opened right after the one before it
in the unit now starts afresh (``tests/test_quotes_reopened.py``). On all 2,225 BBC articles
that adds 702 quote parts in 368 articles (none removed; a sample of 12 read: all the
quoted speaker's words) and one cross-article quote link (sport/318-322, the same statement);
on PolNeAR train+dev (``bench/quote_links.py``) 3 parts in 3 of 924 articles, all quoted
words, and cross-outlet pairs joined by a quote stay 10 identical / 30 with variants.
Three more lost lifts were placed by this bench on a headline's line ('Elton plays Paris
charity concert "If we could ...') or inside another quotation, before its closing mark:
:func:`place` now puts a lift after the closing marks and at the start of the next
paragraph when the sentence ends its line (same draws, same lifts). Tune seeds,
``--corpus bbc --found`` (found of 50, verbatim/ocr/edited):

| tune seed                                 | verbatim | ocr | edited |
|-------------------------------------------|---------:|----:|-------:|
| 67, main, old placement                   |       47 |  50 |     48 |
| 67, re-opened quotes, old placement       |       49 |  50 |     49 |
| 67, re-opened quotes, new placement       |       50 |  50 |     50 |
| 7, main, old placement                    |       50 |  47 |     49 |
| 7, re-opened quotes, old placement        |       50 |  49 |     49 |
| 7, re-opened quotes, new placement        |       50 |  49 |     50 |

(Last session's 49/50/49 on seed 67 was not reproduced by main at 76de5a8 either: 47 verbatim.)
Measured once on seeds 97 and 131, never used before, ``--corpus bbc --seed 97|131 --data
/work/shared/data/bbc/bbc --found --baseline-src`` (a detached worktree of main 2c83cf9,
same lifts, same run; load 10-25 on 2 cores):

| found (of 50)        | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|----------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 97, before       |       49 |  47 |     50 |      50 |       50 |        50 |
| bbc 97, now          |   **50** |  47 |     50 |      50 |       50 |        50 |
| bbc 131, before      |       49 |  50 |     49 |      50 |       50 |        50 |
| bbc 131, now         |   **50** |  50 |     49 |      50 |       50 |        50 |

Index CPU s with quotes, before/now, 9.8-12.8 and 10.3-12.7 (no change beyond noise).
Still lost: seed 97's three OCR lifts are no candidates ("More money is go be given to
councils io develop ...", "It also won acting awerds ...", "Tha quirky disco-rock band biat
Tje Red Hot ...": letter noise in every few words leaves under three shared samples; the
candidate step, not attempted this session: it needs a letter-tolerant key measured at 100k);
seed 131's edited lift ('"We never said, ... " said John Franklin, chief of "every
operations department.', a candidate, ``same-story`` by ``shared-quote``: the edit put a
quotation mark into the frame; not read further, a measure seed).

Shape keys and the edited frame (issue 16, session 29, 2026-12-02, fast16). For the OCR lifts
that are no candidates, OCR-tolerant keys were compared in a scratch script (this bench's lifts,
``--corpus bbc``, tune seeds 211, 223, 307, 401, 409, 419 and 421, none used before; candidates
only, OCR variant): word-length n-grams (8-12 words) find every lift at +0-17% candidates on BBC
but 56 candidates per article on 18,000 synthetic articles (made-up words of 2-5 letters carry
about 2 bits of length each); character 16-grams 10x the candidates; (length, first letter)
and (length, last letter) 5-grams 3x. One family, each word's length and first letter in
7-grams winnowed in windows of 3 (``fp.SHAPE_NGRAM``, ``fp.SHAPE_WINDOW``), found every OCR
lift of the seven seeds (294/300 with word 4-grams alone) at +0-5% candidates on BBC (+5% on
all 2,225 articles: 2.08 against 1.98 per article) and none on synthetic text (0.01 per article
at 28,000), with +72% postings. It guarantees a shared run of 15 words whose words keep their
length and first letter, whatever else OCR misreads (``tests/test_fingerprints.py``). On tune
seed 421 (``--found``, main beside it) OCR lifts found went 48 -> 49 of 50 (the one left is a
candidate ``compare`` judges ``unrelated``: four misread words in 16).

The edited lift of seed 131 (read in the previous session's log line above, not again):
replacement words are drawn from the articles' whitespace tokens, marks and all, and one put an
opening quotation mark into the frame of a lifted quotation ('chief of "every operations
department.'), so the frame's last words were quoted in one article only, the frame outside
quotes on both sides fell to 5 words (under ``evidence.FRAME_MIN_WORDS``) and the pair stayed
``shared-quote``. ``evidence._frame_words`` now keeps as frame the words after a mark one side
opens inside a word it changed where the other side quotes nothing there; two outlets quoting
one statement to different extents (the mark between words both print) are not affected. On
PolNeAR (cross-outlet candidate pairs, main's ``src`` and this one compared on the same pairs,
scratch script): train 56 -> 56 reuse edges (the same pairs) of 1,644 word-rule candidates (the
shape keys add 72 candidates, none an edge), dev 1 -> 1 of 20 (+1). ``compare`` of
``examples/seed_a.txt`` and ``seed_b.txt``: the same verdict and rules.

Measured once on seeds 97 and 131, ``--corpus bbc --seed 97|131 --data
/work/shared/data/bbc/bbc --found --baseline-src`` main a5577b9 (``git archive``), same lifts,
same run, load 8-12 on 2 cores:

| found (of 50)        | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|----------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 97, candidates, words |  50 |  47 |     50 |      50 |       50 |        50 |
| bbc 97, candidates, now   |  50 |  49 |     50 |      50 |       50 |        50 |
| bbc 97, before (main)|       50 |  47 |     50 |      50 |       50 |        50 |
| bbc 97, now          |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 131, candidates, words | 50 |  50 |     50 |      50 |       50 |        50 |
| bbc 131, candidates, now   | 50 |  50 |     50 |      50 |       50 |        50 |
| bbc 131, before (main)|      50 |  50 |     49 |      50 |       50 |        50 |
| bbc 131, now         |       50 |  50 |     50 |      50 |       50 |        50 |

599 of 600 lifted pairs found (596 before). Not found: seed 97's OCR lift "More money is go be
given to councils io develop official caravan parksi said heusing minister Yvette Cooper."
(two first letters misread, "to" as "go" and "io", so no 15-word run keeps its shapes: no
candidate, and ``compare`` judges the pair ``unrelated`` anyway). Candidates per article
0.55-0.74 now against 0.53-0.70 (words), postings 440-450 against 252-258 per article. Index
CPU s with quotes per variant, before/now: 8.6-10.8 / 9.3-11.6 (all six variants: 58.6 / 63.5 on
seed 97, 58.7 / 62.9 on seed 131, +7-8%).
At scale (``make_corpus`` of ``bench/scale.py``, 20,000 synthetic articles, ``corpus.index``
without quotes, 1 worker, main's ``src`` and this one alternately, scratch script): postings
157.0 -> 273.1 per article (+74%; at 100,000 about 15.7M -> 27.3M rows), store 170 -> 216 MB,
candidate pairs 817 -> 819, index CPU 66.9 / 64.9 s (main) against 86.4 / 80.6 s (+24-33%,
under load 8-12): the stages that grow with the postings (their inserts, sorting them into
pairs) and fingerprinting. That is the price of the OCR guarantee on a corpus without quotes
(with quotes, on BBC, +7-8%); issue 16's 100k line against datasketch pays it.

Every word 4-gram, word outlines, four shared (issue 16, session 33, 2026-12-03, reuse16f).
Where the lifts the candidate step still missed were lost (``shapes``, main 6c29c9c, scratch
scans of this bench's lifts, tune seeds bbc 1-4, 9, 11, 12, 14-18 and synthetic 1-6, 11): 13
of 1,900 OCR and edited lifts, 12 of them edited. A 15-20-word lift with every seventh word
replaced keeps two clean runs of six words, three 4-grams each, and winnowing in windows of 2
guarantees one sample per run, so three shared came down to the hashes' luck (shape keys do not
help: a replaced word changes its shape); the OCR miss was a 17-word sentence with three words
misread, one in its first letter. Rules compared on the tune seeds: every exact word 4-gram with
four shared found all edited lifts and missed 5 of 600 OCR lifts; with shape keys in windows of
4 it found all, at +20% postings, and ``bench/scale.py`` at 20,000 went +11-14% in index CPU
beside main (two runs), so it was not kept; outlines of every word (length, first and last
letter) found all but one of 1,900, and multiplied by 8 the pairs the candidate step counts on
``scale.py``'s made-up words (all 2-5 letters ending in "o": +8.6% index CPU, candidate stage
4x, peak memory +25%), so only words of 6 letters or more are outlined. ``now``
(:mod:`storytrace.fingerprints`: every 4-gram of words, outlined from 6 letters, shape keys
in windows of 8, four shared; guarantees in its docstring, each tested in
``tests/test_fingerprints.py``) on the tune seeds: 1,899 of 1,900 (``shapes``: 1,887); the one
left is an OCR lift with five words changed in 17, four in their first letter. Candidates per
article 0.82 against 0.70 on BBC (+16%), 0.21 on synthetic text; postings +5%.

Measured once, never looked at before with this rule (``--corpus bbc --seed 7|8 --data
/work/shared/data/bbc/bbc --found --baseline-src`` and ``--seed 21|22|23 --found
--baseline-src``, base = main 27fdcae by ``git archive``, this ``src`` = 27fdcae + these
commits, same lifts, same run; bbc 7 was a tune seed of earlier sessions, not of this one):

| of 50                          | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|--------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 7 candidates, shapes       |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 7 candidates, now          |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 7 found, before            |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 7 found, now               |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 8 candidates, shapes       |       50 |  50 |     48 |      50 |       50 |        50 |
| bbc 8 candidates, now          |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 8 found, before            |       50 |  49 |     47 |      50 |       50 |        50 |
| bbc 8 found, now               |       50 |  49 |     48 |      50 |       50 |        50 |
| synthetic 21/22/23 candidates, shapes and now | 50 | 50 | 50 | 50 |      50 |        50 |
| synthetic 21/22/23 found, before and now      | 50 | 50 | 50/48/49 | 50 | 50 |       50 |

Every lifted pair of every variant is a candidate on the five measure seeds (1,500 of 1,500;
``shapes`` 1,497). Candidates per article on BBC: 0.66-0.74 (bbc 7) and 0.74-0.85 (bbc 8)
against 0.54-0.60 and 0.65-0.72 (+14-28% by variant); on synthetic text 0.21-0.22 both; postings
460-485 against 439-462 per BBC article, 291-310 against 277-296 per synthetic one (+5%).
Index CPU with quotes, all six variants: bbc 7 48.3 s before, 48.9 now; bbc 8 32.4 and 32.9;
synthetic equal within 0.3 s. The five pairs not found are candidates that the verdict does
not store (``compare`` run on each pair): bbc 8's OCR lift "Singapore's economy jrew by 8.1%
in 2004a ..." (``unrelated``: different places), its edited lift '"I am also looking forward
to owners." out for ...' (``same-story``, ``shared-quote``), and three edited synthetic lifts of
15-16 words with two replaced (``unrelated``, no rule held): the alignment's and the verdict's
thresholds (not read further), not the candidate step.

``bench/scale.py --n 20000``, this ``src`` and main 27fdcae's run at the same time (same load;
both before scale16f's fingerprint speed-ups of ab71054, merged after),
index CPU s (first 99% + last 1%): 43.4 now, 42.7 main (+1.6%); candidates 1.21 against 0.99,
store the articles 5.29 / 5.33, align 6.30 / 6.03; pairs 806 both, recall 1.000 both; peak
memory 417 against 407 MB. (The scale corpus has no digits: the digit rule changes nothing
there.)

Every lifted pair a candidate, and then stored (issue 16, session 34, 2026-12-03, lift16g).
Where the candidates were lost (a scratch script indexing the three sentence variants of the
tune seeds bbc 1-4, 9, 11, 12, 14-18 and synthetic 1-6, 11 with quotes, as ``--found`` does;
main f64e19a): 34 of 2,850 lifts, read one by one. Most were lost at the passage's edges,
before the verdict's 15 words (``evidence.PASSAGE_MIN_WORDS``): a 15-word synthetic run with
its 7th and 14th words replaced kept one equal word after the last change, and the passage
stopped at 13 words (12 lifts); OCR noise in a lifted sentence's first or last word with no
exact match beyond it ("fhe governbent has ...", "... in the near fueure.", 5); a word replaced
by two, or by one, before the sentence's last word ("under Vincent laws", "pre-installed
ones", 2). Others at the verdict: four or five words in 17 misread by a letter left 72-78% of
the passage equal, under ``PASSAGE_MIN_SHARE`` (4), and a sentence lifted into another
speaker's run-on quotation with a one- or two-word quotation of its own ('hailed his
chancellor's "brilliant" performance'; 2). Now (:func:`storytrace.align._extend`,
``evidence._misread_words``, ``evidence._quoted_mask``): a passage of ``min_words`` equal words
runs over misread words to where the sentence breaks in both texts, and once past one word
replaced by one or two to the same content word in the same sentence; a replaced word
misread by one letter (3+ letters, no digit) counts as printed alike; a quotation under 5
words counts as the sentence's words. Lost on the tune seeds after that: a BBC byline that is
furniture, a lift pasted into a paragraph the furniture rules take ("... begins with a free
trial ..."), a 14-token lift whose full stop OCR turned into a letter, two lifts with a
quotation pasted inside another speaker's run-on quotation (no frame outside quotes on both
sides), three quotations lifted with frames of 2-3 words (no reuse by design; the quote link
does not join them), the one OCR lift that is no candidate, one with a misread figure ("June
2a04"), and two synthetic OCR lifts with noise in their last word mid-sentence (12 in all).

| tune seeds, found (sentence lifts) | verbatim | ocr     | edited  |
|------------------------------------|---------:|--------:|--------:|
| bbc (12 seeds), main f64e19a       | 599/600  | 586/600 | 595/600 |
| bbc (12 seeds), now                | 600/600  | 593/600 | 597/600 |
| synthetic (7 seeds), main          | 350/350  | 348/350 | 338/350 |
| synthetic (7 seeds), now           | 350/350  | 348/350 | 350/350 |

No claim on weaker evidence, beside main in the same runs: ``bench/evidence_bench.py --part
tune --entities rules --baseline-src`` (default sample, and ``--per-event 40 --per-topic 40``)
gives the same rates as main on every row (ECB+ other event 0.045 and 0.055, PolNeAR same
publisher 0.000 and 0.007, same event 0.864 and 0.859); ``bench/compare_check.py`` against main:
8 of 1,704 comparisons differ (4 pairs, bulk and full), no verdict or rule held changed (two
reused passages a few words longer, two spun pairs' passage boundaries moved; the
``shared-passage`` explanation now says misread words are not counted as changed);
``bench/spin_eval.py --per-rate 40
--unrelated 100 --human 20 --light 40 --rates 0.15,0.3,0.45 --split tune --no-detect``: the
same table. The step past a replaced word is only taken by a chain already of ``min_words``
equal words: taken by any chain it made chance passages ("It was a massive night" against "It
was a really great night", found by compare_check).

Measured once, ``--corpus bbc --seed 7|8 --data /work/shared/data/bbc/bbc --found
--baseline-src`` and ``--seed 21|22|23 --found --baseline-src``, base = main f64e19a (``git
archive``), this ``src`` = 00810d8 (these commits and main merged), same lifts, same run, load
12-14 on 2 cores:

| found, of 50            | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 7, before           |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 7, now              |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 8, before           |       50 |  49 |     48 |      50 |       50 |        50 |
| bbc 8, now              |       50 |  50 |     48 |      50 |       50 |        50 |
| synthetic 21, before/now|       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 22, before    |       50 |  50 |     48 |      50 |       50 |        50 |
| synthetic 22, now       |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 23, before    |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 23, now       |       50 |  50 |     50 |      50 |       50 |        50 |

1,496 of 1,500 found (1,494 before); candidates 1,500 of 1,500 with both. Index CPU with
quotes, six variants summed: bbc 7 49.7 s before, 46.9 now; bbc 8 49.1 and 48.0 (load noise;
no change measured). Not found: bbc 8's two edited quotations with frames of 2-5 words ('"I am
also looking forward to owners." out for ...', 'Cole added: "I've done it ...'), lost before
too (``shared-quote``: no reuse by design, and the edits break the quote link); synthetic 22's
edited run 'gio tmdo co ... iabo ffio yupo' (``unrelated``; not read further); and bbc 7's OCR
lift "... the tirinf third seed showed incredible reserves ... cohing within two points of
defaat.", found before: the passage now ran on over its last misread word, the sixth of 32,
and ``spin.label`` took the six misread words for a spinner's short swaps into rarer words:
``spun``, no shared passage. A word misread by one letter is no spinner's swap now
(``spin._misread_one``, commit 9d6d729, made after reading that measure-only pair, so the
figure that follows is not measure-only): with it bbc 7's OCR lifts are 50 of 50 (the
sentence-variant scratch index), tune OCR lifts unchanged on bbc 1-4 and 9, compare_check
and the spin_eval row above unchanged.

Quote variants and lone edge words (issue 16, session 36, 2026-12-03, lift16i). Tune seeds
only (bbc 1-6, 9-12; synthetic 11-17; the three sentence variants indexed with quotes as
``--found`` does, scratch script, main 70dca75): 6 of 1,500 BBC lifts and 9 of 1,050
synthetic ones not found, read one by one. Two were quoted sentences with OCR noise and a
frame of 2-3 words ('Mr Opik said: "Hunting with dogs and flushing arh not defined in the
Hunting Act.', 'Beckham admitted: "It's disappointing and frustrating to gee the resulgs,
...'): ``shared-quote``, no reuse edge by design, and the quote link broke because
``quotes.matching._passage`` counted 11 and 10 shared words where it needs 12
(``LINK_PASSAGE_WORDS``). It now counts words misread by one letter between two runs and a
lone equal word one replaced word from a run: 12 and 13. The same rule with 11 words would
also link bbc 8's 13-word edited quotation ('Cole added: "I've done it before Islam. I hope
they didn't blame me Marley, anything.'), but, on PolNeAR train+dev, three pairs of quote keys
of different statements sharing 11 words ("... a private email server during her tenure as
secretary of state"; none joined, all more than 7 days apart), so it stays 12: then no pair
of quote keys of PolNeAR or of all 2,225 BBC articles is linked that main did not link
(``bench/quote_links.py``: 11 identical / 29 with variants cross-outlet pairs, as main).
Synthetic 22's edited lift ('gio tmdo co ... iabo ffio yupo', 13 of 15 words kept, read in
the brief) was ``unrelated`` because ``align._extend`` stepped back past "meco ro" / "go" to a
chance "go" three words before it, and the passage's share fell to 14 of 19, under
``evidence.PASSAGE_MIN_SHARE``: ``evidence._shared_words`` now also judges a passage without
such a lone edge word (parted by a change of another length on each side, not at a
sentence's edge in both texts; a 1-for-1 change beside a sentence's first word is the
sentence's own edit, and ``tests/test_evidence.py``'s loose template stays loose). Left
(read, not changed): bbc 3 an edited quotation split by "he said" into parts of 8 and 7 words
(each too short to link); bbc 6 a 17-word lift whose replacement words ("'hears",
"thrill-a-minute") made 3 tokens of 2, 14 of 18 equal; bbc 3 a BBC byline (furniture); bbc 9
"June 2a04" (a figure misread: no misread word by design); synthetic OCR lifts with two
misread words of 2-4 letters at a mid-sentence end (no exact match beyond) and an edited lift
across a sentence end. Tune seeds, found of the sentence lifts: BBC OCR 496 -> 498 of 500
(verbatim 500, edited 498 unchanged); synthetic unchanged (no quotes; the seed 22 pattern did
not occur on 11-17). ``bench/compare_check.py`` against main: 0 of 1,704 comparisons differ;
``bench/evidence_bench.py --part tune --entities rules --baseline-src``: every rate equal to
main's, in-corpus column too.

Keep rule, written before the measure runs: keep if no lift found by main is lost on the new
seeds and the tune-side checks above show no new link. Measured once on seeds never used
(bbc 13 and 19, synthetic 24 and 25; bbc 14, suggested, was a session 34 tune seed), and on
the old measure seeds (already read): ``--corpus bbc --seed 13|19|7|8 --data
/work/shared/data/bbc/bbc --found --baseline-src`` and ``--seed 24|25|21|22|23 --found
--baseline-src``, base = main 70dca75 (``git archive``), this ``src`` = fc1d193, same lifts, same
run, load 10-15 on 2 cores:

| found, of 50                 | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 13, before and now       |       50 |  49 |     48 |      50 |       50 |        50 |
| bbc 19, before and now       |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 24, before and now |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 25, before and now |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 7 (read), before and now |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 8 (read), before and now |       50 |  50 |     48 |      50 |       50 |        50 |
| synthetic 21, 23 (read)      |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 22 (read), before  |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 22 (read), now     |       50 |  50 |     50 |      50 |       50 |        50 |

No effect on the new seeds (1,196 of 1,200 with both); 1,498 of 1,500 on the old ones (1,497
before). Index CPU with quotes, six variants summed, before / now: bbc 13 35.8 / 34.8, bbc 19
35.3 / 35.2, bbc 7 34.2 / 34.6, bbc 8 29.4 / 28.5 s, synthetic 9.5-11.4 both (no change
measured). Not found on the new seeds: bbc 13's OCR quotation '"The allowances are extremeby
generous," said Mr Ingram "For what we are seeiig ...' (``shared-quote``: a quote of two parts,
each under the variant rule's words), its edited lift 'Russia has been waiting for a Zheng to
join the WTO and hopes upholds finally become a member by early doctors' (``unrelated``: three
of 19 words replaced, one at each end) and 'Standard Chartered sees "the opportunity to
deficits value ... effects," banking products".' (a replacement word brought quotation
marks); synthetic 25 an OCR lift of 15 words ending mid-sentence in misread words. Still lost
on bbc 8: the two edited quotations named above ('"I am also looking forward to owners." out
for ...': a replacement word brought the closing mark, so the quote in b is 7 words).

Whole utterances as quote keys, furniture as a call to the reader, edits in the sentence's
marks (issue 16, session 37, 2026-12-03, lift16j). Three causes read in session 36's misses:

* A quotation its frame interrupts ('"A," he said, "B"'; bbc 3's edited lift '"I thought
  everyone would treat Populous Redwood weird," he said, "but it became Want huge
  international success.'): quote keys were per part, each too short for a variant. Now
  ``stories.utterance_keys`` keys each part and the whole utterance's words
  (``quote_link``, story rule 10, so stored stories are computed anew), and a variant of the
  whole links it (13 of 15 words here).
* bbc 13's edited lift 'Russia has been waiting for a Zheng to join the WTO and hopes upholds
  finally become a member by early doctors.' was read as "three of 19 words replaced": it was
  furniture. ``boilerplate.RULES``' "become a member" took the source sentence ("... hopes to
  finally become a member by early 2006") for a subscription line, so the pair had no passage.
  Every match of "become a member", "free trial" and "make a contribution/donation" on BBC News
  and PolNeAR train+dev (5) was such a reported sentence; they are now furniture only as a call
  to the reader (a line's or sentence's first words, "your free trial"). ``compare_check``
  against main: 4 of 1,704 comparisons differ, 2 pairs in bulk and full whose "begins with a
  free trial" sentence is no longer boilerplate, so their passages join; no verdict or rule
  changed.
* The ``edited`` variant drew replacement tokens with their marks ('owners."', "'hears"),
  putting quotation marks inside a sentence. :func:`edit` now prints the drawn word in the
  replaced word's marks (same draws, same lifts); ``--old-edits`` keeps the old generator.

Tune seeds (bbc 1-6, 9-12; synthetic 11-17; the three sentence variants with quotes, new
generator, scratch scan like ``--found``): BBC 1,496 -> 1,497 of 1,500 found (bbc 3's split
quotation); synthetic 1,041 of 1,050 both. Left as read: bbc 3 an OCR'd BBC byline
(furniture), bbc 6 'Agassi was often bamboozled by the hears drop shots in San Jose, losing
thrill-a-minute 6-1.' (two words replaced in 15, "Austrian's" and "6-3" being two tokens
each: 14 of 18 tokens equal, under ``evidence.PASSAGE_MIN_SHARE``), bbc 9 "June 2a04" (a
misread figure, by design), and on synthetic text 8 OCR lifts of 15 words ending
mid-sentence with misread 2-3-letter made-up words (13-14 words counted, under
``evidence.PASSAGE_MIN_WORDS``; a one-letter change in a 2-letter word is another word as
often as a misreading) and one edited lift whose replaced word follows a sentence end. Side
checks, main beside: ``bench/quote_links.py`` on PolNeAR train+dev 29 cross-outlet pairs
joined by a quote with both (identical 11 -> 12: one pair now joined by the same whole
utterance rather than a variant); counting every pair, one new: Paul Ryan's "I'm just not
ready to do that at this point, I'm not there right now" in two Politico articles (the same
statement); all 2,225 BBC articles: 308 pairs both; ``bench/evidence_bench.py --part tune
--entities rules --baseline-src``: every rate equal to main's, in-corpus too (ECB+ same event
0.886 / 0.924, other event 0.053 / 0.023; PolNeAR same publisher 0.000 / 0.000, other event
0.308 / 0.160).

Measured once (keep rule written before: no pair main finds lost, side checks above
clean, index CPU not over +3%), seeds never used: ``--corpus bbc --seed 20|21 --data
/work/shared/data/bbc/bbc --found --baseline-src`` and ``--seed 26|27 --found
--baseline-src``, base = main 9287551 (``git archive``), this ``src`` = a944f08, same lifts,
same run, load 5-10 on 2 cores; the old generator with ``--old-edits --variants edited``:

| found, of 50                        | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-------------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 20, before and now              |       49 |  48 |     50 |      50 |       50 |        50 |
| bbc 21, before and now              |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 26, 27, before and now    |       50 |  50 |     50 |      50 |       50 |        50 |
| old generator: bbc 20, before/now   |          |     |     50 |         |          |           |
| old generator: bbc 21, before/now   |          |     |     49 |         |          |           |
| old generator: syn 26, 27           |          |     |     50 |         |          |           |
| bbc 7 (read), before and now        |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 8 (read), before and now        |       50 |  50 |     49 |      50 |       50 |        50 |
| bbc 13 (read), before               |       50 |  49 |     48 |      50 |       50 |        50 |
| bbc 13 (read), now                  |       50 |  49 |     49 |      50 |       50 |        50 |
| bbc 19 (read), before and now       |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 21-24 (read), both        |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 25 (read), both           |       50 |  49 |     50 |      50 |       50 |        50 |

No change on the measure seeds: 1,197 of 1,200 with both (the old generator: 199 of 200 edited
lifts with both). Not found there (before too): bbc 20's verbatim quotation ': "The final tune
of his final album was Redemption Song - ...' and OCR quotation 'Davenport paid tribute to
Williams, sayinj: "She's had a tough couple of years ...' (``shared-quote``, no quote link
joins them), an OCR'd team sheet ('Balshaw, Cohen, Cueto, ...', ``unrelated``; main's
``boilerplate.listing_spans`` now makes such a line furniture), and with the old generator
bbc 21's 'It is yet another area that "other the move to a digital lifestyle ..." he bottle'.
The read seeds, new generator: 2,695 of 2,700 (2,694 before). bbc 8's edited 'owners."'
lift (the old generator's mark) is found with both; its 'Cole added: "I've done it before
Islam ..."' is not (13 words, 2 replaced, inside a longer quote in its source: 11 shared
words where a passage needs 12). bbc 19 loses, with both, an edited quotation found with
the old generator ('"No disrespect to the other artists Conleth a case can be made for
interests ... and adopting most influential artist in popular music."', not read further).
bbc 13's edited "become a member" lift is found now; its OCR quotation
'"The allowances are extremeby generous," said Mr Ingram "For what we are seeiig ...' is not:
the extractor gives the lift's first part to another speaker and keeps the second out of
the utterance (no comma after "Ingram"), in its source too, so no whole utterance links it.
Index CPU with quotes, six variants summed (the indexing subprocess), before / now: bbc 20
37.3 / 38.5 s, bbc 21 35.9 / 37.3, synthetic 26 12.3 / 11.7, 27 11.0 / 11.0 (+2.1% over the
four; on BBC +3-4%: with this ``src`` the bench read every utterance's keys back a second
time, since only for utterances of several parts). Alternately, main and this ``src``, bbc
tune seed 1's three sentence variants, four runs each: the subprocess 15.93 / 15.85 s and
``corpus.index_records`` alone (the new "index s" column) 13.32 / 13.26 s on average; the
quote keys, variants and ``quote_link`` rows of a 500-article index take 0.16-0.18 s on main,
0.20-0.22 s now (best of seven). The read seeds' subprocess CPU, before / now: bbc 7 32.7 /
32.9, bbc 8 32.8 / 33.5, bbc 13 32.5 / 34.0, bbc 19 33.1 / 32.8 s; synthetic within 0.6 s.

A frame with no comma before a quotation, and a passage's share by words (issue 16, session
38, 2026-12-03, lift16k). Two causes read by sessions 36 and 37:

* bbc 13's OCR lift '"The allowances are extremeby generous," said Mr Ingram "For what we are
  seeiig ...' (its source prints it so too): with no comma after the frame, ``np_forward``
  read no speaker after "said", the first quotation went to another frame and the second was
  left out of every quote, in both articles, so no whole-utterance key could link them. An
  inverted frame set between two quotations now reads its speaker up to the second
  quotation's opening mark (``quotes.frames._speaker_before_quote``) when the first quotation
  closes just before the cue and the second closes the sentence; the two are one utterance.
  On all 3,645 BBC, PolNeAR train+dev and ECB+ texts (rules, scratch dump of every quote,
  main beside) only that article's quotes change. A first draft without the two conditions
  also read 'branded Halifax's findings a "temporary surprise," which ...' and 'said they
  hoped Welch "finds ..."' as frames (9 texts): they are the tests' guards.
* bbc 6's edited lift 'Agassi was often bamboozled by the hears drop shots in San Jose, losing
  thrill-a-minute 6-1.': two of 15 words replaced, but "Austrian's"/"6-3" against
  "hears"/"thrill-a-minute" made 14 equal tokens of 18, under ``evidence.PASSAGE_MIN_SHARE``,
  so only the 14 equal words counted (under 15). The share is now also counted by words as
  printed (``evidence._word_share``: runs between spaces, a word alike when all its tokens
  are), 13 of 15 here; engine ``reuse-7`` (sym12k took 6), stored edges are realigned.

Not changed: bbc 8's 'Cole added: "I've done it before ..."' (a 13-word quotation with two
words replaced inside a longer quotation: 11 shared words where the quote link's passage
needs 12, ``quotes.matching.LINK_PASSAGE_WORDS``, whose docstring says why 11 links different
PolNeAR statements; a principled rule needs the sentence bounds or the speakers inside
``quote_variant``, not tried). Tune side, main 89d5d80 beside: tune seed bbc 6 edited 49 ->
50 (verbatim, OCR 50 both); new tune seeds (this session, ``--found --variants
verbatim,ocr,edited``, this ``src`` only) bbc 24 150/150, bbc 25 149/150 (a "Clark Boyd is
technology correspondent for The World ..." tagline, no passage: ``compare`` finds none),
synthetic 18 and 19 150/150. ``bench/compare_check.py`` against main: 1 of 1,704 comparisons
differs, in its quote count only (the no-comma frame's article); ``bench/evidence_bench.py
--part tune --entities rules --baseline-src``: every rate equal to main's, in-corpus too (ECB+
same event 0.886 / 0.924, other event 0.053 / 0.023; PolNeAR same publisher 0.000 / 0.000,
other event 0.308 / 0.160); ``bench/quote_eval.py --no-parser --set first|tune2|tune3`` and
``bench/quotes_polnear.py --no-parser --part tune --split dev|train``: every figure equal.

Measured once (keep rule written before: no pair main finds lost, the side checks above
clean, index CPU not over +3%), seeds never used: ``--corpus bbc --seed 22|23 --data
/work/shared/data/bbc/bbc --found --baseline-src`` and ``--seed 28|29 --found
--baseline-src``, base = main 89d5d80 (``git archive``), this ``src`` = 9087132, same lifts,
same run, load 5-16 on 2 cores; read seeds (used by earlier sessions, their misses read) the
same way:

| found, of 50                        | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|-------------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 22, before and now              |       49 |  49 |     50 |      50 |       50 |        50 |
| bbc 23, before and now              |       48 |  50 |     47 |      50 |       50 |        50 |
| synthetic 28, before and now        |       50 |  50 |     50 |      50 |       50 |        50 |
| synthetic 29, before and now        |       50 |  49 |     50 |      50 |       50 |        50 |
| bbc 13 (read), before               |       50 |  49 |     49 |      50 |       50 |        50 |
| bbc 13 (read), now                  |       50 |  50 |     49 |      50 |       50 |        50 |
| bbc 8 (read), before and now        |       50 |  50 |     49 |      50 |       50 |        50 |
| bbc 20 (read), before and now       |       49 |  48 |     50 |      50 |       50 |        50 |
| bbc 21 (read), before and now       |       49 |  49 |     50 |      50 |       50 |        50 |
| bbc 7 (read), before and now        |       48 |  50 |     49 |      50 |       50 |        50 |
| synthetic 21, 22 (read), both       |       50 |  50 |     50 |      50 |       50 |        50 |

No change on the measure seeds: 1,192 of 1,200 with both. Not found there, not read further
than the bench's lines: four team sheets or name lists ('De Marigny; Mi Bergamasco, ...',
'Viljoen; Lakomskis, ...', 'Bevan, Oyedele, ...', 'G Intoppa (Calvisano), ...'), a quotation
whose OCR noise leaves it no candidate (bbc 22, 'February jas another aood month ...'), two
edited lifts (bbc 23, a quotation, ``shared-quote``, and '- Compelling "failing and rogue
states" ...', ``unrelated``) and a synthetic OCR run of 2-4-letter words. Index CPU with
quotes (``corpus.index_records`` alone, six variants summed), before / now: bbc 22 32.3 /
32.3 s, bbc 23 32.3 / 33.1, synthetic 28 8.8 / 8.4, 29 9.4 / 8.7 (82.8 / 82.5 over the four).
The read seeds: bbc 13's OCR quotation of Mr Ingram is found now (by its whole utterance);
its edited 'Standard Chartered sees "..."' is not ("sees" is no cue verb), nor bbc 8's 'Cole
added' lift (above), bbc 20's two quotations (``shared-quote``, no quote link) and OCR'd team
sheet, or bbc 21's verbatim and OCR name lists ('Dimitri Yachvili (Biarritz), ...', 'G Murphy;
G Dempsey, ...'; found in session 37 at main 9287551, lost with main 89d5d80 as well; not read,
presumably the lines of names ``boilerplate.listing_spans`` makes furniture), nor bbc 7's three
team sheets (two verbatim, one edited; 50 / 50 / 50 in session 37, lost with main 89d5d80
too). bbc 19 and synthetic 23-27 were not run again (time). Index CPU, before / now: bbc 13
30.7 / 31.5, bbc 8 30.4 / 28.8, bbc 20 27.6 / 25.8, bbc 21 30.3 / 28.0, bbc 7 29.2 / 26.8 s,
synthetic 21 9.6 / 9.1, 22 9.7 / 8.8.


Frames misread, quotes opening alike, elided words (issue 16, session 39, 2026-12-03,
lift16l). Read seeds (bbc 7, 8, 13, 20-23; synthetic 28, 29; ``--found --variants
verbatim,ocr,edited``, main 1620eb9 beside), three causes changed:

* bbc 20's OCR lift 'Davenport paid tribute to Williams, sayinj: "She's had a tough couple of
  years ..."': the frame's cue misread, so its six frame words counted five
  (``evidence.FRAME_MIN_WORDS``) and the pair stayed ``shared-quote``. A frame word misread
  by one letter now counts as printed alike (``evidence._frame_words``), as it does in the
  passage's share; engine ``reuse-13``.
* bbc 8's edited 'Cole added: "I've done it before Islam I hope they didn't blame me Marley
  anything.': 11 shared words where a quote passage needs 12. A passage opening both quotes
  now links from 11 (``quotes.matching.LINK_OPENING_WORDS``): over the quote keys of PolNeAR
  train+dev and all BBC articles (scratch, both rules) 11 words anywhere would link 5 more
  pairs of keys, none opening both; at the opening of both, none (10: one, the same
  statement); story rule 11.
* bbc 23's edited lift of "Using a 'bot net of machines ...": "'bot" opened a quotation that
  ran over its paragraph in the source, so the lift was a shared quote. An apostrophe for
  elided letters ("'bot", "'em", "rock 'n' roll", ``text._ELIDED``) opens none now: 12 BBC
  texts lose a false quotation (read: every change right), PolNeAR and ECB+ hold none.

The found table now prints "other" (stored reuse edges on pairs not lifted: any edge a rule
adds on unrelated pairs shows there) and "qvar" (quote-variant key pairs). Read seeds, found
of the 150 sentence lifts, before / now: bbc 7 147/147, bbc 8 149/150, bbc 13 149/149, bbc 20
147/148, bbc 21 148/148, bbc 22 148/148, bbc 23 145/146 (1,033 -> 1,036 of 1,050); synthetic
28, 29 150 and 149 both; "other" equal on every row. The 14 left: 10 team sheets and name
lists (``boilerplate.listing_spans`` furniture by design: two reports of one match print the
club's line-up, a fact list, not a text reused), 'Standard Chartered sees "..."' ("sees" is no
cue verb: of the 10 'see/sees/saw "..."' in BBC and PolNeAR text, 3 quote the subject, the
rest a title or a phrase: 'to see "proper health checks"', 'people saw "Dirty ...'), ':
"The final tune ..."' (a source paragraph opening with a colon, no frame in either
article), bbc 22's OCR "February jas another aood month ..." (no candidate) and bbc 23's
'- Compelling "failing and rogue states", ...' (14 words, 12 equal, under
``evidence.PASSAGE_MIN_WORDS``; the bench counts "-" as a word). ``bench/evidence_bench.py
--part tune --entities rules --baseline-src``: every rate equal to main's (ECB+ same event
0.886 / 0.924, other event 0.053 / 0.023; PolNeAR same publisher 0.000 / 0.000, other event
0.308 / 0.160); ``bench/compare_check.py`` against main: 2 of 1,702 comparisons differ (one
reordered pair, bulk and full, "b_outside_quotes" 0.6929 -> 0.6911; verdict and rule equal).

Measured once (keep rule written before: no pair main finds lost, "other" not above main's,
the side checks above, "index s" within +3%), seeds never used: ``--corpus bbc --seed 26|27
--data /work/shared/data/bbc/bbc --found --baseline-src`` and ``--seed 30|31 --found
--baseline-src``, base = main 1620eb9 (``git archive``), this ``src`` = ea5c5c8, same lifts,
same run, load 6-9 on 2 cores (bbc 24 and 25 were session 38's tune seeds):

| found, of 50                   | verbatim | ocr | edited | excerpt | ed. copy | reordered |
|--------------------------------|---------:|----:|-------:|--------:|---------:|----------:|
| bbc 26, before and now         |       50 |  50 |     50 |      50 |       50 |        50 |
| bbc 27, before and now         |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 30, before and now   |       50 |  50 |     49 |      50 |       50 |        50 |
| synthetic 31, before and now   |       50 |  50 |     50 |      50 |       50 |        50 |

1,198 of 1,200 with both: no pair lost or gained, "other" edges equal on every row (bbc 26
21-29, bbc 27 25-31 per variant; synthetic 0). Not found: bbc 27's edited quotation '"No
disrespect to the other artists understated a case can be made for Johnson's as ... most
influential artist in popular music."' (``shared-quote``, the lift bbc 19 lost in session 37),
and synthetic 30's edited run of 2-4-letter words 'Co klbo dleo do co mo ...' (``unrelated``).
Edges on a lift already found by its quote: bbc 27 OCR 48 -> 49. Quote-variant pairs rise on
edited and reordered copies (bbc 26 edited copy 325 -> 337, scratch read of the 12: all
between a lifted pair, tech/325's real quotes back after "'em-ups"). Index CPU
(``corpus.index_records``, six variants summed), before / now: bbc 26 27.1 / 26.3 s, bbc 27
27.2 / 26.4, synthetic 30 8.1 / 7.9, 31 8.3 / 8.0 (70.7 / 68.6, -3%: noise, the rules add no
work to speak of). Kept.

Session 40, 2026-12-04 (the lead, final main 04f703d; base = 2c9f2c7, the session's start),
seeds never used before: ``--corpus bbc --seed 32 --data ../shared/data/bbc/bbc --found
--baseline-src <base>`` and ``--seed 34 --found --baseline-src <base>``: found 299 of 300 (bbc
32) and 300 of 300 (synthetic 34) with both, 599 of 600. The miss: a verbatim lift of a
quotation with its frame (politics/079 into sport/244), judged ``same-story`` by its shared
quote, the kind bbc 27's miss was. "other" equal on every row; "qvar" excerpt 49 -> 48, edited
copy 326 -> 327, reordered 221 -> 229.

Session 41, 2026-12-04 (the lead, final main e3f6356; base = 3b47724, the session's start).
Session 40's one miss (bbc 32, politics/079 into sport/244) is found now: sport/244 prints
'He added: "A. "B."' with the closing mark lost, and its quote was one span cut at
'"Obviously' (quotes: a re-opened quotation is two parts; ``--seed 32 --variants verbatim``:
50/50). Seeds never used before: ``--corpus bbc --seed 36 --data ../shared/data/bbc/bbc
--found --baseline-src <base>`` and ``--seed 38 --found --baseline-src <base>``: found 298 of
300 (bbc 36) and 300 of 300 (synthetic 38) with both, 598 of 600. The misses: a verbatim lift
that is a team sheet ("Howard, Phil Neville, Gary Neville, O'Shea, ..."; politics/251 into
sport/240), furniture by design (``boilerplate.listing_spans``: a line-up two reports share is
the match's), so ``unrelated``; and an edited lift of a framed quotation (politics/165 into
sport/179), ``same-story`` by its shared quote in ``compare``, whose edited words keep the two
stored quotes from linking as variants. "qvar" rises on every bbc row (edited copy 240 -> 281,
reordered 390 -> 530: the quotation parts), "other" equal.

Session 44, 2026-12-04 (quotelink44; base = main ed9d55d by ``git archive``, this ``src`` =
f0debb7, rebased onto main to merge). Session 41's edited miss (bbc 36, sport/179's '-
Blackburn boss Mark Hughes: "Burnley are resolute ..."' pasted after a sentence in
politics/165's paragraph, two words replaced, its quotation left open) was no matter of the
variant rule: politics/165 stored no quote on it at all, so nothing could link. The splitter
opens no sentence at the item's dash, so ``quotes.frames.colon_frame`` read the frame from the
sentence before (over ten words: no speaker), and the open quotation ran on to the next one
opened mid-sentence, taking into the unit a finding ("Leaked documents have suggested ...")
that ``attribute_unit`` returned and the extractor then dropped, so the colon frame was never
tried. Both fixed (QUOTES_RULE 11; no quote of BBC News, PolNeAR train+dev or ECB+'s tune
topics changed); the stored quote runs on over the paragraph as an unclosed mark does, and
``quote_variant``'s passage rule links it. ``compare``'s own "quotes in both"
(``match_quotes``, half of the shorter whole quote) still lists no match for the pair: its
``shared-quote`` verdict comes from the quotation marks' spans (``evidence._shared_quotes``),
not from either quote matcher. ``--corpus bbc --seed 36|44 --data /work/shared/data/bbc/bbc
--found --baseline-src`` and ``--seed 46 --found --baseline-src`` (44 and 46 never used
before), each beside main in one run, same lifts, load 7-12:

| found, of 50 (before / now) | verbatim | ocr   | edited    | excerpt | ed. copy | reordered |
|-----------------------------|---------:|------:|----------:|--------:|---------:|----------:|
| bbc 36 (tune)               |    49/49 | 50/50 | 49/**50** |   50/50 |    50/50 |     50/50 |
| bbc 44 (measure)            |    50/50 | 50/50 |     50/50 |   50/50 |    50/50 |     50/50 |
| synthetic 46 (measure)      |    50/50 | 50/50 |     50/50 |   50/50 |    50/50 |     50/50 |

"other" equal on every row of the three seeds (synthetic: 0 and 0); "qvar" equal except bbc
36 edited 47 -> 49: the two new links (read) are politics/165's lifted quotation with
sport/179's quote, by its first part and by its whole utterance: one statement printed with
two words replaced. bbc 36's one miss is the team sheet (furniture by design).
``bench/quote_links.py`` (PolNeAR train+dev) 12 identical / 29 with variants, and
``bench/quote_matching.py --baseline-src``, ecbplus 88 / polnear 9 matches, nothing only one
side shows: both equal to main's; ``bench/quote_eval.py --set tune4|tune3|tune2|first
--no-parser`` and ``bench/quotes_polnear.py --split train|dev --part tune --no-parser``: every
P/R/F1 and speaker figure equal to main's; extraction CPU (rules, every third BBC article,
``process_time``, main and this alternately, three pairs) 8.23 / 7.92 s on average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import xxhash  # noqa: E402
from scale import make_corpus  # noqa: E402
from srcpath import src_folder  # noqa: E402

from storytrace import fingerprints as fp  # noqa: E402
from storytrace.text import WordMap, doc_of, sentence_spans  # noqa: E402

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc" / "bbc"
VARIANTS = ("verbatim", "ocr", "edited", "excerpt", "edited copy", "reordered")


_EXACT = WordMap(lambda w: xxhash.xxh64_intdigest(w.encode()), limit=2_000_000)


def exact(text: str, n: int = 4) -> list[int]:
    """Exact word n-gram hashes, as :func:`storytrace.fingerprints.shingles` computed them
    until session 33 (now it hashes word outlines): what the earlier rules sampled."""
    norms = doc_of(text).norms
    if not norms:
        return []
    hashes = np.fromiter(map(_EXACT.__getitem__, norms), dtype=np.uint64, count=len(norms))
    return fp._grams(hashes, min(n, len(norms))).tolist()


def before(text: str) -> set[int]:
    return set(fp.sample_of(exact(text, 5), 5))


def words(text: str) -> set[int]:
    return set(fp.sample_of(exact(text), 2))


def shapes(text: str) -> set[int]:
    return words(text) | set(fp.sample_of(fp.shapes(text), 3))


def now(text: str) -> set[int]:
    return set(fp.fingerprint(text))


def every_4gram(text: str) -> set[int]:
    return set(exact(text, 4))


def winnowed_3grams(text: str) -> set[int]:
    return set(fp.sample_of(exact(text, 3), 2))


RULES: dict[str, tuple[Callable[[str], set[int]], int]] = {
    "before": (before, 2),
    "words": (words, 3),
    "shapes": (shapes, 3),
    "now": (now, fp.MIN_SHARED),
}
ALTERNATIVES: dict[str, tuple[Callable[[str], set[int]], int]] = {
    "w2 m2": (shapes, 2),  # the samples of "shapes", two shared
    "all m3": (every_4gram, 3),  # every 4-gram, three shared
    "all m4": (every_4gram, 4),
    "3g m3": (winnowed_3grams, 3),  # 3-grams, window 2, three shared
}
"""Other candidate rules, measured with ``--alternatives`` (candidates only)."""


def candidates(fps: dict[str, set[int]], min_shared: int) -> set[tuple[str, str]]:
    post: dict[int, list[str]] = defaultdict(list)
    for i, hs in fps.items():
        for h in hs:
            post[h].append(i)
    counts: Counter = Counter()
    for ids in post.values():
        if 2 <= len(ids) <= fp.MAX_DF:
            ids.sort()
            for x, a in enumerate(ids):
                for b in ids[x + 1 :]:
                    counts[(a, b)] += 1
    return {p for p, c in counts.items() if c >= min_shared}


def ocr(words: list[str], rng: random.Random) -> list[str]:
    out = []
    for w in words:
        if rng.random() < 0.08 and len(w) > 1:
            k = rng.randrange(len(w))
            w = w[:k] + rng.choice("abcdefghij") + w[k + 1 :]
        out.append(w)
    return out


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


_EDGE_MARKS = re.compile(r"^\W*|\W*$")


def edit(word: str, drawn: str, clean: bool = True) -> str:
    """The word an ``edited`` lift prints for ``word``: ``drawn`` (a whitespace token of the
    corpus) as it is (``clean`` False: the generator until session 37), or its word in
    ``word``'s own marks, as a journalist's edit keeps the sentence's punctuation (a drawn
    'owners."' put a closing quotation mark inside a quoted sentence); a drawn token of
    marks only leaves ``word`` as it was.

    >>> edit('"Hunting', 'owners."'), edit('say,"', "'hears"), edit("the", '"2004')
    ('"owners', 'hears,"', '2004')
    """
    if not clean:
        return drawn
    core = _EDGE_MARKS.sub("", drawn)
    if not core:
        return word
    lead, trail = _EDGE_MARKS.findall(word)[:2]
    return lead + core + trail


def derive(
    texts: dict[str, str],
    a: str,
    b: str,
    variant: str,
    rng: random.Random,
    vocab: list,
    real: bool,
    clean: bool = True,
) -> str | None:
    """The new text of ``b`` for ``variant``, or None when ``a`` has no fitting passage.

    ``real``: whole sentences placed at sentence boundaries (BBC), else word runs anywhere;
    ``clean``: an edited lift's replacement words in the replaced words' marks (:func:`edit`).
    """
    src, dst = texts[a], texts[b]
    if variant in ("edited copy", "reordered"):
        if variant == "reordered":
            sents = sentences(src)
            rng.shuffle(sents)
            return " ".join(sents)
        out = []
        for w in src.split(" "):
            r = rng.random()
            if r < 0.05:
                continue
            out.append(rng.choice(vocab) if r < 0.15 else w)
        return " ".join(out)
    if real:
        sents = sentences(src)
        if variant == "excerpt":
            k = rng.randint(2, 4)
            runs = [
                " ".join(sents[i : i + k])
                for i in range(len(sents) - k + 1)
                if len(" ".join(sents[i : i + k]).split()) >= 40
            ]
        else:
            runs = [s for s in sents if 15 <= len(s.split()) <= 45]
        if not runs:
            return None
        words = rng.choice(runs).split()
    else:
        toks = src.split(" ")
        k = rng.randint(40, 90) if variant == "excerpt" else rng.randint(15, 45)
        s = rng.randrange(0, max(1, len(toks) - k))
        words = toks[s : s + k]
    if variant == "ocr":
        words = ocr(words, rng)
    elif variant == "edited":
        words = [
            edit(w, rng.choice(vocab), clean) if k % 7 == 6 else w for k, w in enumerate(words)
        ]
    if real:
        bounds = [e for _, e in sentence_spans(dst)] or [0]
        return place(dst, rng.choice(bounds), " ".join(words))
    toks = dst.split(" ")
    at = rng.randrange(len(toks) + 1)
    return " ".join(toks[:at] + words + toks[at:])


CLOSERS = "\"'”’)]"


def place(dst: str, at: int, lift: str) -> str:
    """``dst`` with ``lift`` put at the sentence end ``at``: after the sentence's closing
    marks (``sentence_spans`` leaves them outside its span, and a lift put before them
    would sit inside the quotation), and at the start of the next paragraph when the
    sentence ends its line (a headline, a paragraph), not on that line."""
    while at < len(dst) and dst[at] in CLOSERS:
        at += 1
    rest = len(dst) - len(dst[at:].lstrip(" \t"))
    if rest < len(dst) and dst[rest] == "\n":
        at = len(dst) - len(dst[rest:].lstrip())
        return dst[:at] + lift + " " + dst[at:]
    return dst[:at] + " " + lift + " " + dst[at:]


def make(
    texts: dict[str, str],
    n: int,
    variant: str,
    seed: int,
    vocab: list,
    real: bool,
    clean: bool = True,
) -> tuple[dict[str, str], set[tuple[str, str]]]:
    rng = random.Random(seed)
    ids = sorted(texts)
    out = dict(texts)
    pairs: set[tuple[str, str]] = set()
    used: set[str] = set()
    while len(pairs) < n:
        a, b = rng.sample(ids, 2)
        if a in used or b in used:
            continue
        new = derive(texts, a, b, variant, rng, vocab, real, clean)
        if new is None:
            continue
        used |= {a, b}
        out[b] = new
        pairs.add((min(a, b), max(a, b)))
    return out, pairs


def load(corpus: str, docs: int, seed: int, tmp: str, bbc: Path = BBC) -> dict[str, str]:
    if corpus == "bbc":
        files = random.Random(seed).sample(sorted(bbc.glob("*/*.txt")), docs)
        return {
            f"{f.parent.name}/{f.stem}": f.read_bytes().decode("utf-8", "replace") for f in files
        }
    src = Path(tmp) / "c.jsonl"
    truth = make_corpus(docs, src, seed=seed)
    base = {}
    for line in src.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        base[rec["id"]] = rec["text"]
    # The generator's own copies are not the reuse measured here: leave their articles out.
    for a, b in truth["near"] + truth["excerpt"]:
        base.pop(f"a{a:06d}", None)
        base.pop(f"a{b:06d}", None)
    return base


def changed_span(
    base: dict[str, str], texts: dict[str, str], a: str, b: str
) -> tuple[str, int, int]:
    """``(article, start, end)``: which article of the lifted pair ``make`` changed and the
    stretch of its new text that differs from its original (the lift, the edit)."""
    side = b if texts[b] != base[b] else a
    old, new = base[side], texts[side]
    i = len(os.path.commonprefix([old, new]))
    j = len(os.path.commonprefix([old[i:][::-1], new[i:][::-1]]))
    return side, i, max(i, len(new) - j)


def passages_found(
    base: dict[str, str], texts: dict[str, str], lifted: set[tuple[str, str]]
) -> int:
    """Lifted pairs whose ``compare`` (this ``src``, as ``index`` aligns them) holds a
    passage, not furniture, overlapping the changed stretch of the changed article,
    whatever the verdict: what alignment finds, before ``index`` decides whether the
    pair is stored as reuse (it keeps no edge for ``unrelated``, nor for a ``same-story``
    pair sharing only stock phrases, ``stories.reuse_edge``)."""
    from storytrace.align import BULK, compare

    n = 0
    for a, b in sorted(lifted):
        cmp = compare(texts[a], texts[b], BULK)
        art, s, e = changed_span(base, texts, a, b)
        side = "a" if art == a else "b"
        n += any(
            p.kind != "boilerplate" and getattr(p, side)[0] < e and s < getattr(p, side)[1]
            for p in cmp.passages
        )
    return n


def index_child(jsonl: str, db: str, quotes: str) -> None:
    """Run in a subprocess with the ``src`` under test: index, then print what it stored:
    each reuse edge with its passages' spans, and (with quotes) each stored quote with a
    link key, and the stored story groups."""
    from storytrace import corpus
    from storytrace.store import Store

    recs = [json.loads(line) for line in Path(jsonl).read_text(encoding="utf-8").splitlines()]
    with_quotes = quotes == "quotes"
    t0 = time.process_time()
    rep = corpus.index_records(
        ((r["id"], {"text": r["text"]}) for r in recs), db, quotes=with_quotes
    )
    index_cpu = time.process_time() - t0
    edges = [
        [e.a, e.b, [[p["a"], p["b"]] for p in e.passages if p["kind"] != "boilerplate"]]
        for e in corpus.stored_reuse(db)
    ]
    held, groups, variants = [], [], []
    if with_quotes:
        from storytrace import stories as st

        with Store(db, readonly=True) as store:
            ids = store.ids()
            held = held_keys(store, ids)
            # A src with variant links (``stories.quote_variants``) joins these pairs of keys.
            if hasattr(st, "quote_variants"):
                holders = st.quote_holders(store, ids)
                variants = [[a, b] for a, b, _ in st.quote_variants(holders, holders)]
        groups = [s["articles"] for s in corpus.stories(db)["stories"]]
    out = {"pairs": rep.pairs, "edges": edges, "quotes": held, "stories": groups}
    out["index_cpu"] = index_cpu
    print(json.dumps(out | {"variants": variants}))


def held_keys(store, ids: dict[int, str]) -> list[list]:
    """``[article, start, end, link key]`` of each stored quote's link keys: a part's
    (``stories.quote_key``) and, with a ``src`` that keys whole utterances
    (``stories.utterance_keys``, session 37), an interrupted quote's whole words over the
    span of its parts."""
    from storytrace import stories as st

    utterances: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for n, (d, q) in enumerate(store.all_quotes()):
        utterances[(d, -1 - n if q["utterance"] is None else q["utterance"])].append(q)
    held = []
    for (d, _), qs in utterances.items():
        parts = {k for q in qs if (k := st.quote_key(q["content"]))}
        held += [[ids[d], q["start"], q["end"], st.quote_key(q["content"])] for q in qs]
        if len(qs) > 1 and hasattr(st, "utterance_keys"):
            whole = set(st.utterance_keys([q["content"] for q in qs])) - parts
            held += [[ids[d], qs[0]["start"], qs[-1]["end"], k] for k in whole]
    return [h for h in held if h[3]]


def index_with(
    src: str, texts: dict[str, str], tmp: str, tag: str, quotes: bool = False
) -> tuple[dict, float]:
    jsonl = Path(tmp) / f"{tag}.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for i, t in texts.items():
            fh.write(json.dumps({"id": i, "text": t}) + "\n")
    env = {**os.environ, "PYTHONPATH": src}
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    db = str(Path(tmp) / f"{tag}{'-q' if quotes else ''}.db")
    out = subprocess.run(
        [sys.executable, __file__, "--index-child", str(jsonl), db, "quotes" if quotes else "-"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
    return json.loads(out.splitlines()[-1]), cpu


def reported(
    base: dict[str, str], texts: dict[str, str], lifted: set[tuple[str, str]], res: dict
) -> dict[str, set[tuple[str, str]]]:
    """The lifted pairs the index reports to a user, by how (see FOUND)."""
    on_edge: dict[tuple[str, str], list] = {(a, b): ps for a, b, ps in res["edges"]}
    keys: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for art, s, e, k in res["quotes"]:
        keys[art].append((s, e, k))
    story = {a: n for n, g in enumerate(res["stories"]) for a in g}
    variant = {tuple(v) for v in res.get("variants", [])}
    variant |= {(b, a) for a, b in variant}
    out: dict[str, set[tuple[str, str]]] = {"edge": set(), "quote": set(), "story": set()}
    edges = {tuple(sorted(pair)) for pair in on_edge}
    out["other edges"] = edges - lifted
    for a, b in lifted:
        art, s, e = changed_span(base, texts, a, b)
        other = b if art == a else a
        if (a, b) in on_edge or (b, a) in on_edge:
            out["any edge"] = out.get("any edge", set()) | {(a, b)}
        ps = on_edge.get((a, b)) or []
        col = 0 if art == a else 1
        if any(p[col][0] < e and s < p[col][1] for p in ps):
            out["edge"].add((a, b))
        mine = {k for qs, qe, k in keys[art] if qs < e and s < qe}
        theirs = {k for _, _, k in keys[other]}
        if mine & theirs or any((x, y) in variant for x in mine for y in theirs):
            out["quote"].add((a, b))
        if art in story and story[art] == story.get(other):
            out["story"].add((a, b))
    return out


FOUND = """\
found: the index reports the pair with the lifted text: a stored reuse edge with a passage
on the lift ("edge"), or, where the lift is a quotation both articles carry, a stored quote
of both with one link key on the lift, or two linked as variants of one quote
(``stories.quote_variants``) ("quote"; ``stories`` then joins the pair); "story": both in
one stored story. "other": stored reuse edges on pairs of articles not lifted (BBC articles'
own reuse between them, and any edge a rule adds on unrelated pairs; session 39); "qvar":
pairs of quote keys linked as variants. "CPU s": the indexing subprocess (index, stories,
what this bench reads back); "index s": ``corpus.index_records`` alone."""


def found_table(
    base: dict[str, str],
    made: dict[str, tuple[dict[str, str], set]],
    cands: dict[str, set[tuple[str, str]]],
    srcs: dict[str, str],
    tmp: str,
) -> None:
    """``srcs``: name -> ``src`` folder, each indexing every variant (the last one's lost
    pairs are listed)."""
    print("\n" + FOUND)
    print("index with quotes, 1 worker")
    cols = ("any edge", "edge", "quote", "found", "story")
    print(
        f"{'variant':12} {'src':7} {'compare':>9} "
        + " ".join(f"{c:>9}" for c in cols)
        + f" {'other':>5} {'qvar':>4} {'CPU s':>6} {'index s':>7}"
    )
    lost = []
    for variant, (texts, lifted) in made.items():
        compared = passages_found(base, texts, lifted)
        for name, src in srcs.items():
            tag = f"found-{name}-{variant}".replace(" ", "_")
            res, cpu = index_with(src, texts, tmp, tag, quotes=True)
            got = reported(base, texts, lifted, res)
            got["found"] = got["edge"] | got["quote"]
            print(
                f"{variant:12} {name:7} {compared:>6}/{len(lifted):<2} "
                + " ".join(f"{len(got.get(c, ())):>6}/{len(lifted):<2}" for c in cols)
                + f" {len(got['other edges']):5} {len(res.get('variants', ())):4}"
                + f" {cpu:6.1f} {res.get('index_cpu', 0):7.1f}",
                flush=True,
            )
        lost += [(variant, a, b) for a, b in sorted(lifted - got["found"])]
    from storytrace.align import BULK, compare

    for variant, a, b in lost:
        texts = made[variant][0]
        art, s, e = changed_span(base, texts, a, b)
        cand = (a, b) in cands[variant]
        cmp = compare(texts[a], texts[b], BULK)
        print(
            f"  not found: {variant}: {a} {b}: candidate {cand}, {cmp.verdict} "
            f"{','.join(cmp.evidence.held)}: {texts[art][s:e].strip()!r}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("synthetic", "bbc"), default="synthetic")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--lifts", type=int, default=50)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--data", type=Path, default=BBC, help="the BBC folder (bbc/bbc)")
    ap.add_argument(
        "--baseline-src",
        type=src_folder,
        help="also index end to end with this code (a checkout or its src) and ours",
    )
    ap.add_argument(
        "--alternatives", action="store_true", help="also count the rules of ALTERNATIVES"
    )
    ap.add_argument(
        "--found",
        action="store_true",
        help="index each variant with quotes (this src, and --baseline-src's when given) and "
        "count what it reports (FOUND)",
    )
    ap.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help="comma-separated variants to make (default all: " + ",".join(VARIANTS) + ")",
    )
    ap.add_argument(
        "--old-edits",
        action="store_true",
        help="edited lifts take replacement tokens with their marks (the generator until "
        "session 37; same draws)",
    )
    ap.add_argument("--index-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.index_child:
        index_child(*args.index_child)
        return
    here = str(Path(__file__).resolve().parents[1] / "src")
    with tempfile.TemporaryDirectory() as tmp:
        base = load(args.corpus, args.docs, args.seed, tmp, args.data)
        vocab = sorted({w for t in base.values() for w in t.split()})
        print(
            f"{args.corpus} seed {args.seed}: {len(base)} articles, {args.lifts} pairs per variant"
        )
        print(f"{'variant':12} {'rule':7} {'found':>6} {'cand/art':>9} {'fp/art':>7} {'fp ms':>6}")
        made, now_cands = {}, {}
        for v, variant in enumerate(VARIANTS):
            if variant not in args.variants.split(","):
                continue  # each variant's lifts are drawn by its own seed: the rest unchanged
            texts, lifted = make(
                base,
                args.lifts,
                variant,
                args.seed * 100 + v,
                vocab,
                args.corpus == "bbc",
                not args.old_edits,
            )
            made[variant] = (texts, lifted)
            rules = {**RULES, **(ALTERNATIVES if args.alternatives else {})}
            for name, (sample, least) in rules.items():
                t0 = time.process_time()
                fps = {i: sample(t) for i, t in texts.items()}
                ms = (time.process_time() - t0) * 1000
                cands = candidates(fps, least)
                if name == "now":
                    now_cands[variant] = cands
                per = sum(map(len, fps.values())) / len(fps)
                print(
                    f"{variant:12} {name:7} {len(lifted & cands):>3}/{len(lifted):<2} "
                    f"{2 * len(cands) / len(texts):9.2f} {per:7.1f} {ms:6.0f}",
                    flush=True,
                )
        if args.found:
            srcs = {"before": args.baseline_src} if args.baseline_src else {}
            found_table(base, made, now_cands, srcs | {"now": here}, tmp)
            return
        if not args.baseline_src:
            return
        print("\nend to end (corpus.index_records, 1 worker, no quotes)")
        print(f"{'variant':12} {'src':7} {'edges':>6} {'aligned/art':>12} {'CPU s':>6}")
        for variant, (texts, lifted) in made.items():
            found = passages_found(base, texts, lifted)
            print(f"{variant:12} {'compare':7} {found:>3}/{len(lifted):<2}")
            for name, src in (("before", args.baseline_src), ("now", here)):
                res, cpu = index_with(src, texts, tmp, f"{name}-{variant}".replace(" ", "_"))
                edges = {tuple(sorted(e[:2])) for e in res["edges"]}
                print(
                    f"{variant:12} {name:7} {len(lifted & edges):>3}/{len(lifted):<2} "
                    f"{2 * res['pairs'] / len(texts):12.2f} {cpu:6.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
