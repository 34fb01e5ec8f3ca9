"""Benchmark: align 1,000 BBC article pairs beside difflib.SequenceMatcher.

Pairs are built from ``../shared/data/bbc`` with a fixed seed:

* ``edited``   : B = A with one or two words replaced in most sentences and one paragraph dropped;
* ``excerpt``  : B = another article with two consecutive paragraphs of A inserted;
* ``reordered``: B = A's paragraphs shuffled, with paragraphs of another article interleaved;
* ``unrelated``: B = another article of the same category.

Ground truth is the list of A paragraphs injected into B with their B spans. A paragraph is
recalled when one reported passage covers at least half of its words and overlaps its copy in
B. The baseline runs ``difflib.SequenceMatcher`` (default settings) on the same normalised word
lists, each matching block of at least 3 words taken as a passage.

The 2-worker column is batch mode as ``compare --pairs`` runs it (``pairs.compare_records``):
the full JSON per pair. Its wall rate depends on what else the machine runs, so the line under
the table also gives the batch's CPU time per pair (workers and the parent feeding them) and
the rate two free cores would reach. These pairs hardly repeat a text (733 distinct texts in
their 800 places), unlike a user's batch, so a second batch line compares all pairs of a small
corpus (``--corpus-texts``, default 100: the A and B texts of the first 50 pairs, each text in
99 pairs, in nested-loop order; ``corpus_records``).

Timing: 20 pairs of warm-up first, then the engines interleaved in rounds of 100 pairs; the
rate is CPU time of this process (``time.process_time``; the machine is shared), wall time beside
it. Every per-text result is forgotten before each engine's round (the shared Docs and what
is kept on them, and the per-text caches of boilerplate and evidence: ``clear_text_caches``),
so every engine tokenises and analyses every text itself. "alignment only" is
``compare(a, b, align.BULK)`` (what ``index`` and Spark run; they never read the evidence of
a copied pair, so ``compare`` gathers it only when read); "full" is
``compare(a, b).to_dict()``: the JSON with quote matching, spin detection, evidence and
findings.

Run: ``.venv/bin/python bench/compare_bench.py [--pairs 1000] [--char-pairs 1000]
[--corpus-texts 100] [--data ../shared/data/bbc/bbc]``. ``bench/compare_check.py`` checks that
two code versions give the same JSON on these pairs and the seeds; ``bench/compare_versions.py``
times the alignment-only rows of two code versions in one process (with ``--difflib``, the
word-level difflib row too, each with its version's Doc), which a loaded machine disturbs far
less than runs one after the other.

Session 40, 2026-12-03 (fast16m, issue 16: is compiled code, numba as an optional extra, the
way to 3x?). Base: main 2c9f2c7 (``git archive``). Load 4-8 on the 2 shared cores throughout.

Where a BULK pair's time goes (each stage timed by a wrapper, exclusive, CPU µs a pair; the
400 pairs as this bench runs them, warm-up first, caches cleared every 100 pairs; edited /
excerpt / reordered / unrelated / all; 1,580 a pair in all with the wrappers)::

    furniture rules (boilerplate._spans)   164 / 287 / 221 /  92 / 191
    spin.label                             611 /  27 /  50 /  21 / 177
    tokenising (Doc)                       136 / 194 / 158 / 146 / 158
    evidence.unrelated_for_certain           - /   - /   - / 540 / 135
    _region_ops (rapidfuzz opcodes)        150 /  72 / 165 /  14 / 100
    seeding (n-gram keys, matching)         93 / 114 / 100 /  84 /  98
    evidence.gather                          - /   - /   - / 373 /  93
    word ids                                59 / 107 /  72 /  95 /  83
    runs and chains                         82 /  57 / 112 /  18 /  67
    sentence pairing (+ bags 56, stems 19)  33 / 117 /  40 /  69 /  65
    sentence split 63, quotations and paragraphs 60, align_docs' own 48, _extend 34,
    coverage and verdict 22, revision 27, the rest of compare 64

In the full compare (10,647 a pair): quote extraction 4,942, ``evidence.gather`` 2,283,
``spin.detect`` 844, ``to_dict`` 384, furniture 382, then the rows above. Python's cyclic
garbage collector takes about 130 µs of a BULK pair (56 young, 5 middle and 1 full
collection over the 400 pairs; ``gc.callbacks``), charged by a profiler to whatever allocates.

**numba (not wired).** Two kernels, ``@njit(cache=True)``, in a venv of their own (numba
0.68.1, numpy 2.4.6), output-identical to the pure path: (1) seeds to chains in one pass
(``_match_grams`` as a merge of the two texts' sorted n-gram keys, ``_runs``' two sorts on
packed int64 keys, ``_chain_runs``' linking), falling back to Python where ``_runs`` breaks a
tie by the words (mirrored runs) or on a vocabulary overflow; (2) the tokeniser's token edges
and loose joiners in one pass over the character classes (``_inside_tokens`` and the edge
search). Identical chains on the 400 pairs both ways and 3,000 random texts (466 fell back);
identical tokens on the 800 texts, 16 edge cases and 20,000 random strings of joiners, digits,
Greek, combining marks, "ß" and "İ". Side by side in one process, every text prepared: seeds
to chains 79 -> 21 µs a pair, tokenising 51.5 -> 40.2 µs a text. The whole BULK compare, pure
and numba alternating in one process (6 rounds, caches cleared before each, identical
results): tune pairs (seed 7) numba / pure 0.833, 1.038, 1.029, 0.823, 0.935, 0.986 (median
0.96; 0.92-0.96 over each pure-first/numba-first pair of rounds); measure-only pairs (seed 23,
run once) 0.812, 0.961, 0.856, 0.984, 0.873, 0.976 (median 0.917; 0.88-0.93 over each pair of
rounds); the full compare (tune pairs, 4 rounds) 1.033, 1.006, 0.978, 1.004. The rule written
first (1.5x or more on the measure-only pairs) is not met, so ``storytrace[fast]`` is not
added. The first call in a fresh cache compiles for
2.9 CPU s (5.8 wall); a later process pays 0.34 CPU s to import numba and 0.25 to load the
cache. A ceiling: if tokenising, seeding, runs and chains cost nothing at all, a BULK pair
is 1.26x faster (0.30x -> 0.38x difflib). The rest of the pair is string and dict work
(furniture rules, thesaurus look-ups, sentence splitting, names for the evidence) that numba
does not compile, so 3x difflib would need that work in another compiled form, not a JIT.

**Kept (exact):** the furniture rules' gate (``boilerplate._choices``): a group of plain
alternatives gates its rule with the literal text around it ("skip ad" or "close ad", not
"skip" or "close"), so a BBC text is scanned by 0.82 rules instead of 1.21, and the rules'
pass takes 65 instead of 86 µs a text (tune); on the measure-only pairs' 800 texts (seed 23),
main / this alternating in one process: 91.2 / 69.4, 91.5 / 68.7, 90.5 / 69.3, 92.0 / 68.1,
93.9 / 69.0, 91.0 / 69.3. The same spans on all 2,225 BBC and 924 PolNeAR texts,
``compare_check.py`` 0 of 1,704 comparisons differ, an index of 2,000 BBC articles (quotes on,
99% then 1%) gives the same 19 tables. ``corpus.prepare`` with quotes off (the index's
workers) does not measurably move: on two sets of 400 BBC articles, six rounds each
alternating in one process, main 1,157 and 1,139 against 1,152 and 1,122 µs an article.

``nice -n 5 .venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs 20
--corpus-texts 100``, each ``src`` on ``PYTHONPATH``, four runs alternating 22:31-22:35 UTC,
load 4.7-8.3, CPU µs a pair::

    run  version   BULK   difflib words  BULK/difflib   full    batch 400   batch 4,950
    1    2c9f2c7   1,873       544          0.29x      12,365    13,561        687
    2    this      1,758       536          0.30x      11,915    13,496        680
    3    this      1,753       527          0.30x      11,780    13,289        669
    4    2c9f2c7   1,875       547          0.29x      12,455    13,659        659

Recall 0.990 (difflib 0.751), the verdicts and the 3 passages on unrelated pairs the same in
every run. The 3x target stays about 10x away.

Session 45, 2026-12-04 (the lead, main 9c5dc82, before any merge of the session; no speed
work this session), 18:33-18:37 UTC at load 1.3, the same command. **This host is slower than
stop 41's**: word-level difflib takes 1,759 CPU µs a pair (474 at stop 41) and a plain Python
loop of 10,000,000 additions 1.8 CPU s (a 2.0 GHz AMD EPYC), so read the ratios, not the rates.
Alignment only 5,503 CPU µs a pair against difflib's 1,759: **0.32x** (stop 41: 0.31x; target
3x: not met); full 36,640; recall 0.990 (difflib 0.751); the verdicts of the unrelated and
reordered pairs as stop 41's. Batch, the 400 pairs: 62 pairs/s on 2 free cores (59 wall); batch,
all 4,950 pairs of 100 texts: 892 pairs/s on 2 free cores, **867 wall**: the 2,000 pairs/s line,
met on stop 41's host (3,356), does not hold on this one (the same code: 2,243 CPU µs a pair
against about 570 there: 3.9x, near the 3.7x of the two hosts' difflib rows).

Session 41, 2026-12-04 (the lead, final main e3f6356; no alignment speed work this session;
engine reuse-17: shared boilerplate counts on neither side of the coverage), on a quiet machine
(load under 1.5, 05:24 UTC), the same command: alignment only 1,546 CPU µs a pair against
word-level difflib's 474: **0.31x** (target 3x: not met); full 10,533; recall 0.990 (difflib
0.751); batch, the 400 pairs, 181 pairs/s on 2 free cores (172 wall); batch, all 4,950 pairs
of 100 texts, 3,510 pairs/s on 2 free cores, **3,356 pairs/s wall** (met). Verdicts of the 100
unrelated pairs: unrelated 98, copied 1, same-story 1; 3 passages on them; reordered pairs:
duplicate 40 (39 before reuse-17: a shared boilerplate passage no longer counts against it).

Session 40, 2026-12-04 (the lead, final main 04f703d; one exact cut, fast16m's furniture gate),
on a quiet machine (load under 1.5, 23:51 UTC), the same command: alignment only 1,537 CPU µs a
pair against word-level difflib's 480: **0.31x** (target 3x: not met); full 10,369; recall
0.990 (difflib 0.751); batch, the 400 pairs, 184 pairs/s on 2 free cores (178 wall); batch, all
4,950 pairs of 100 texts, 3,535 pairs/s on 2 free cores, **3,371 pairs/s wall** (met).
Verdicts of the 100 unrelated pairs: unrelated 98, copied 1, same-story 1; 3 passages on them.

Session 39, 2026-12-03 (the lead, final main 04323e1; no engine speed work this session), on a
quiet machine (load under 1.5, 21:27 UTC), the same command: alignment only 1,659 CPU µs a pair
against word-level difflib's 498: **0.30x** (target 3x: not met); full 11,007; recall 0.990
(difflib 0.751); batch, the 400 pairs, 185 pairs/s on 2 free cores (176 wall); batch, all 4,950
pairs of 100 texts, 3,427 pairs/s on 2 free cores, **3,204 pairs/s wall** (target 2,000 on 2
workers: met on a batch whose texts recur). Verdicts of the 100 unrelated pairs: unrelated 98,
copied 1, same-story 1; 3 passages on them.

Session 38, 2026-12-03 (the lead, final main f5fc2d8; this session made the alignment symmetric:
sym12k), on a quiet machine (load under 1.5, 18:40 UTC), the same command: alignment only 2,189
CPU µs a pair against word-level difflib's 572: **0.26x** (target 3x: not met); full 12,106;
recall 0.990 (difflib 0.751); batch, the 400 pairs, 156 pairs/s on 2 free cores (150 wall);
batch, all 4,950 pairs of 100 texts, 2,892 pairs/s on 2 free cores, **2,744 pairs/s wall**
(target 2,000 on 2 workers: met on a batch whose texts recur).

Session 37, 2026-12-03 (the lead, final main 02a0533, no engine speed work this session; the
furniture now also labels listings of names), on a quiet machine (load under 1, 16:06 UTC), the
same command: alignment only 2,080 CPU µs a pair against word-level difflib's 558: **0.27x**
(target 3x: not met); full 12,385; recall 0.990 (difflib 0.751); batch, the 400 pairs, 160
pairs/s on 2 free cores (155 wall); batch, all 4,950 pairs of 100 texts, 3,111 pairs/s on 2
free cores, **2,954 pairs/s wall** (target 2,000 on 2 workers: met on a batch whose texts recur).

Session 36, 2026-12-03 (the lead, final main 717dcd4, no engine speed work this session), on a
quiet machine (load under 1), ``.venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs
20 --corpus-texts 100``: alignment only 2,048 CPU µs a pair against word-level difflib's 566:
0.28x (target 3x); full 12,392; recall 0.988 (difflib 0.751); batch, the 400 pairs, 148 pairs/s
on 2 free cores (140 wall); batch, all 4,950 pairs of 100 texts, 3,003 pairs/s on 2 free cores,
**2,822 pairs/s wall** (target 2,000 on 2 workers: met on a batch whose texts recur, not on one of
mostly distinct texts). Both versions in one process (``compare_versions.py <70dca75>/src src
--rounds 5 --pairs 200 --difflib``): B/A median 1.020 (0.929-1.070), alignment / difflib 0.347x
-> 0.346x: this session's changes left the row where it was.

Results of 2026-12-03, session 35 (align16h, issue 16: the alignment-only row), load 7-12 on
the 2 shared cores. Baseline: main at e4c5061 (``git archive e4c5061 src``). Five changes,
each with the same output (``compare_check.py``: 0 of 1,704 comparisons differ after each
step), measured one by one in the same process (microbenchmarks: the least of 7 passes over
the 800 texts of these 400 pairs, or the stage timed inside the bench's rounds, alternating
versions):

- ``text._ascii_tokens``: an ASCII text's norms from one ``bytes.translate`` (token characters
  lower-cased, the rest spaces, joiners that join nothing blanked) instead of numpy's choice
  per character, offsets from two half-array ``tolist``: 94-102 -> 61-72 µs a text (556 of
  the 800 texts are ASCII; the difflib row builds the same Doc and gains the same);
- ``boilerplate._spans``: the rules' matches found before the paragraphs and unwrapped
  sentences (most texts a rule runs on have no match), hyphenated alternatives gate their
  rule (the bio rule "... is the (co-)host of" ran on 773 of the 800 texts for its literal
  "is "; rules run a text 2.11 -> 1.21): 151-161 -> 123-139 µs a text;
- ``align._grams``: numpy's default sort of a text's trigram keys, not a stable one (a
  repeated trigram's positions need no order: ``_runs`` sorts the hits): 51 -> 26 µs a text;
- content stems read by word id (``_WordIds.stems``) instead of a second map keyed by the
  word: 145, 91, 90 -> 52, 37, 39 µs a pair in three alternating runs of the bench's rounds;
- ``Comparison.findings`` summed up on first read (index and Spark never read them):
  22-34 µs a pair.

Both versions in one process (``nice -n 5 .venv/bin/python bench/compare_versions.py
BASE/src NEW/src --rounds 5 --pairs 200 --difflib``), twice: B/A by round 0.984, 0.891,
1.015, 0.924, 0.963 (median 0.963; alignment 3,164 -> 3,005 CPU µs a pair at load 12) and,
before the last change, 0.954, 1.041, 0.999, 0.964, 0.945 (median 0.964); at the end with
``--rounds 5 --pairs 400``: 0.859, 1.077, 0.917, 0.978, 0.870 (median 0.917; 3,550 -> 3,221
µs at load 11), and ``--full --rounds 3 --pairs 200``: 1.015, 0.916, 0.987. So the row is
about 4-8% cheaper, not much more than the ±5-8% the load moves a round by; alignment /
difflib 0.366x -> 0.354x in the first run's chunks, 0.339x -> 0.360x in the 400-pair run's
(difflib with each version's Doc: 1,144 -> 1,068 and 1,184 -> 1,117 µs: the tokeniser's
gain is in both rows). ``nice -n 5 .venv/bin/python bench/compare_bench.py
--pairs 400 --char-pairs 20 --corpus-texts 100``, each ``src`` on ``PYTHONPATH``, four runs
alternating 10:15-10:21 UTC (load 8-12), CPU µs a pair::

    run  version   BULK   difflib words  BULK/difflib   full    batch 400   batch 4,950
    1    e4c5061   3,457     1,112          0.32x      23,577    24,538      1,453
    2    this      3,624     1,224          0.34x      25,365    25,960      1,451
    3    e4c5061   3,502     1,217          0.35x      23,820    26,881      1,665
    4    this      3,829     1,319          0.34x      26,505    23,277      1,561

Recall 0.988 (difflib 0.751), the verdicts and the 3 passages on unrelated pairs the same in
every run. Between runs the load moved every row by more than the change (difflib's own row
1,112-1,319); read within each run the ratio is 0.32-0.35x for both versions. The 3x
target stays about 9x away.

Where a BULK pair's time goes now (each stage timed by a wrapper, exclusive, CPU, 400 pairs
as this bench runs them, load 7-8, µs a pair; edited / excerpt / reordered / unrelated /
all; 2,803 a pair in all): ``spin.label`` 1,149 / 53 / 113 / 38 / 338; tokenising 283 / 378
/ 323 / 304 / 322; furniture rules 241 / 422 / 315 / 105 / 271; ``_region_ops`` 203; the
evidence of unrelated pairs (``gather`` 787 and ``unrelated_for_certain`` 496 a pair of
that kind); word ids 193; bags with their stems 134; sentence pairing 132; sentence
splitting 126; trigram keys 92, their matching 81, runs 74; quotations 90; the rest under 40
each. Per-text work (the Doc and what is kept on it) and the thesaurus's first look-ups are
about two thirds of a pair: a second and a third pass over the same 400 pairs without
clearing anything cost 1,017 and 965 µs a pair against 2,878 for the first. Python's cyclic
garbage collector takes 103 + 22 µs a pair (47 young and 4 middle collections over the 400
pairs, about 0.9 ms each, on young generations of 700-5,700 objects, most of them tuples; a
tracked list such as a Doc's token lists is walked item by item, which would explain the
cost), so fewer tracked objects per Doc would show there too.

Measured and not kept: (1) numbering a text's distinct words first (``dict.fromkeys``, then
the process-wide map once per distinct word) instead of one look-up per token: word ids
180, 230, 284 -> 304, 398, 426 µs a pair (alternating runs); (2) ``_match_grams`` with a
shortcut for trigrams found once and ``_runs`` sorting one combined int64 key instead of
``lexsort``: 88, 81 -> 76, 86 µs a pair (no gain beyond the noise); (3) the sentence
splitter's two loops as one: 36.0, 38.6 -> 35.3, 36.9 µs a text; (4) a search for any
quotation mark before the paragraphs: 9 of the 800 texts have none (apostrophes count),
30.7 -> 32.1 µs a text; (5) a text whose only characters past ASCII are ones no token holds
("£", curly double quotes, dashes) and the apostrophes "’" "ʼ" tokenised as the ASCII text
with those made spaces and "'" (the same tokens and norms): 151-156 -> 158-168 µs a BBC text
with "£" (the extra array steps cost what the ASCII path saves); (6) deciding more unrelated
pairs from one text's name words against the other's capitalised words before finding the
other's names: 4 of the 26 pairs the capitalised-word bound leaves. Leads not taken:
``gather`` could decide the verdict of an undecided unrelated pair rule by rule (its
profiles, event vectors and vocabulary similarities computed only as far as the first rule
that holds) and leave the rest to the first read, as ``compare`` does for coverage verdicts:
at most the 139-197 µs a pair ``gather`` takes in BULK; and ``spin.label`` reads every
passage both ways, 1,149 µs a pair on the edited pairs (in a profile of those pairs 40% of
it in ``are_synonyms``, mostly first look-ups of the inserted words).

Results of 2026-12-03, session 32 (align16e, issue 16: the alignment-only row), load 6-9 on
the 2 shared cores. Baseline: main at 34d4069 (``git archive 34d4069 src``). Two stages do less
work with the same output (``compare_check.py``: 0 of 1,704 comparisons differ after each
step), and the row itself did not measurably move at this load:

- ``synonyms.are_synonyms`` looks a form up in a word's Moby line searched as one string
  (``_moby_line``: its pieces in key form between commas) instead of splitting the line,
  up to thousands of words, into a frozenset; ``_expanded`` likewise; one cache entry
  serves both orders of a pair (the relation is symmetric, and ``spin.label`` reads every
  pair both ways). The 2,897 calls of these 400 pairs (1,175 distinct ordered, 685
  unordered) from cold caches: 85 / 69 -> 38 / 32 ms. ``spin.label`` alone on the 400
  pairs' passages in a fresh process (cold thesaurus caches), alternating: 733 / 774 ->
  588 / 578 µs a pair; warm, about 100 in both.
- ``boilerplate``: rules anchored at a line start are tried at line starts only
  (``_line_matches``; the two bio-line rules ran on almost every article, scanning every
  character), and the rules' longer alternative words are found in the Aho-Corasick pass
  instead of one ``str.find`` each: furniture spans of these 800 texts 149 / 180 -> 118 /
  126 µs a text (the same spans).

``nice -n 5 .venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs 20
--corpus-texts 100``, each ``src`` on ``PYTHONPATH``, six runs alternating 01:36-01:45 UTC
(other sessions' tests and benches running), CPU µs a pair::

    run  version   BULK   difflib words  BULK/difflib   full    batch 400   batch 4,950
    1    34d4069   3,309     1,230          0.37x      21,120    18,290        966
    2    this      2,423       905          0.37x      18,425    21,975      1,051
    3    this      2,388       872          0.36x      15,983    21,253      1,175
    4    34d4069   3,127     1,130          0.36x      21,022    24,173      1,166
    5    this      3,283     1,231          0.37x      22,598    23,972      1,318
    6    34d4069   2,626       858          0.33x      18,383    19,750      1,013

Recall 0.988 (difflib 0.751), verdicts and the 3 passages on unrelated pairs the same in
every run. The load moved every row by up to 40% between runs; the ratio to difflib, read in
each run, is 0.33-0.37x for both versions. Both versions in one process, alternating chunks
(``compare_versions.py BASE/src NEW/src --rounds 5 --pairs 200 --difflib``): B/A 1.010,
1.031, 0.959, 1.038, 0.918 (median 1.010), alignment / difflib 0.367x -> 0.366x (medians);
``--rounds 5 --pairs 400``: median 0.983 (0.859-0.992); ``--full --rounds 3 --pairs 200``:
1.007, 0.992, 0.963. (That script warms on 20 pairs and repeats its pairs every round, so
the thesaurus caches are warm after round 0.) The 3x target stays about 9x away.

Where a BULK pair's time goes, by pair kind (each stage timed by a wrapper, exclusive, 400
pairs as this bench runs them, load 2-4, µs a pair; edited / excerpt / reordered /
unrelated / all): boilerplate labels 271 / 487 / 361 / 9 / 282; ``spin.label`` 968 / 43 /
80 / 29 / 280 (thesaurus look-ups of words the process has not seen, both readings of each
edited passage); tokenising 216 / 301 / 254 / 237 / 252 (shared with the difflib row);
evidence on unrelated pairs (``unrelated_for_certain`` 478-610 and, for 21 of 100,
``gather`` 2.6-3.3 ms); sentence bags for sentence pairing 4 / 260-370 / 8 / 234-300; word
ids 115-190; ``_region_ops`` 110-270; sentence splitting 96-170; seed keys and matching
about 180; quotations 25-110; the rest under 70 each. No stage is a fifth of the pair, and
most are Python work per token or per sentence of each fresh text.

Measured and not kept: (1) an early exit from sentence pairing when no two sentences share
three content stems among their free tokens (exact: a product of sentence x stem incidence
matrices). It skips the bagging on 88% of excerpt and 75% of unrelated pairs, but through
BLAS the small products cost more CPU than the bags (OpenBLAS threads; ``process_time``
counts them), and without it (packed bits, or a join on stems with ``np.unique``) the bound
cost 175 µs a pair, plus 88 for each pair's texts' arrays, against 258 for bagging both
texts, so sentence pairing was no faster
(``compare_versions`` B/A 1.06-1.23 with BLAS). (2) Numbering a text's new words together
(``dict.fromkeys`` of the misses, then one ``update``) instead of ``__missing__`` per word:
the same ids, 62 -> 85 µs a text (the extra passes cost more than the calls saved). (3) A
tighter bound for ``unrelated_for_certain`` (name words are capitalised words away from a
sentence start, or sentence-initial ones found capitalised elsewhere): it decides 4 more
of the 400 pairs than the capitalised-word bound.

Same-run figure, 2026-12-02 session 31 (integrator, after fast16d and qmatch16 merged): main
abf0a2f against the session's start 362896b (``git archive 362896b src``), one run each, one
after the other, 17:38-17:41 on a quiet machine (load under 1.5); ``.venv/bin/python
bench/compare_bench.py --pairs 400 --char-pairs 20 --corpus-texts 100``, the older code by
``PYTHONPATH=<its src>``. CPU µs a pair::

    row                                          362896b       abf0a2f
    alignment only, one core                       2,579         2,754   (difflib words 913 / 918)
      throughput against difflib words             0.35x         0.33x   (target 3x)
    full compare, one core                        17,164        19,105
    batch, the bench's 400 pairs (2 workers)      20,824        16,420
      pairs/s on 2 free cores (wall)              96 (94)      122 (115)
    batch, all 4,950 pairs of 100 texts              3,497           978
      pairs/s on 2 free cores (wall)             572 (552)  2,044 (1,861)   (target 2,000)
    passage recall 0.988 (difflib 0.751) and the verdicts the same in both

``bench/compare_versions.py <362896b>/src <abf0a2f>/src --rounds 3 --pairs 200 --full`` (both in
one process, right after): B/A 1.063, 1.125, 0.935 (median 1.063): a full compare of two texts
seen once is unchanged or up to ~6% slower (texts' work kept for later pairs that never come).
The batch target is met by CPU on a batch whose texts recur (all pairs of a corpus), not in wall
time and not on a batch of mostly distinct texts (122 pairs/s).

Results of 2026-12-02, session 31 (fast16d, issue 16), load 4-10 on the 2 shared cores.
Baseline: main at 362896b, a copy of its ``src`` beside this pass's. ``nice -n 5
.venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs 20 --corpus-texts 100``, once
with each ``src`` on ``PYTHONPATH``, one after the other; CPU µs a pair:

| row | 362896b | this pass |
| --- | --- | --- |
| batch, all 4,950 pairs of 100 texts (2 workers) | 4,474 (workers 4,105) | 2,063 (workers 1,788) |
| the same, pairs/s on 2 free cores (wall at this load) | 447 (76) | 969 (178) |
| batch, the 400 pairs above (2 workers) | 25,075 (80 pairs/s) | 25,372 (79 pairs/s) |
| full compare, one core | 23,614 | 22,282 |
| alignment only (BULK), one core | 3,666 | 4,075 |
| word-level difflib, one core (the load moved it) | 1,412 | 1,249 |

Recall 0.988 (difflib 0.751), verdicts and the 3 passages on unrelated pairs the same in both.
The single-pair rows from separate runs say little at this load; both versions in one process
(``compare_versions.py BASE/src NEW/src``): alignment only ``--rounds 9 --pairs 400
--difflib`` B/A median 1.047 (0.960-1.126; alignment / difflib 0.357x -> 0.342x), the same
code on both sides (``--rounds 5 --pairs 200``) 0.954 (0.943-1.092), so alignment only is
unchanged or up to 5% slower (likely: look-ups in the process-wide word-id map, 30,000+
words, instead of a pair's own few hundred); ``--full --rounds 3 --pairs 200`` 1.003
(0.952-1.010). Once every text of a batch is prepared (a throw-away script: all 780 pairs of
40 texts, ``compare_record`` in one process, both versions side by side, 5 rounds) a pair
costs 1,559 -> 813 CPU µs (B/A 0.478-0.634, median 0.575). ``compare_check.py`` (which now
also runs batch mode on all pairs of 40 texts) left 0 of 1,704 comparisons differing after
every step. What changed:

- ``pairs.compare_records`` fed its workers the input in order (``imap``, chunks of 8), and
  each kept the 64 Docs ``doc_of`` keeps, so in nested-loop order a text's Doc and the
  analyses kept on it (quotes, spin, stems) were mostly gone before its next pair. Now each
  window of 2,048 records is planned (``pairs.plan``: texts numbered by first appearance,
  pairs grouped in blocks of 128 texts, a text's pairs together), workers get 16 pairs at a
  time, keep 512 Docs / 3M characters (``text.set_doc_cache_limits``; a process that
  compared 700 BBC articles peaked at 241 MiB keeping 512, 219 keeping 64), and results
  leave in input order. Files named in many pairs are read once while unchanged.
- Per text instead of per pair: word ids from one process-wide map and the sorted trigram
  keys (``align._doc_seeds``: a pair searches one text's sorted keys in the other's), whole
  sentences' stem bags and, for a pair with no passage, the free sentences and their stems
  (``align._all_free``); the evidence's name words, vocabulary norms and quoted-token mask.
  An A sentence sharing under three stems with all of B is skipped before its hits are
  counted.

Where a prepared pair's time goes now (stage timing, all 1,770 pairs of 60 texts, each
prepared, wall at load 4-6, 1,780 µs a pair): quote matching (``quotes.match_quotes``) 39%,
the evidence (``evidence.gather``) 15%, the JSON 10%, sentence pairing 11%, ``align_docs``
11%. ``match_quotes`` ran ``_match_pair`` (rapidfuzz opcodes) 17 times a pair, mostly on
quotes sharing three common words; a multiset-overlap bound before the opcodes and each
quote's token list kept per text would cut most of it (``quotes/`` is another pass's).
In the all-pairs batch each worker still prepares most texts (about 12 ms each, half of it
quote extraction), 2 x 100 preparations over 4,950 pairs, about a quarter of the workers' CPU.
The targets stay far: 969 against 2,000 pairs/s on 2 workers; alignment only 0.34x against
3x difflib.

Results of 2026-12-02, session 31 (qmatch16, issue 16: quote matching), load 5-8 on the 2
shared cores. Baseline: main at e8ab4d0, a copy of its ``src``. ``match_quotes`` now aligns a
pair of quotes only when the words they share, counted with repeats (a bound on any
alignment's equal words), reach what ``_align_words`` asks, and keeps each text's quote words
on its Doc. ``nice -n 5 .venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs 20
--corpus-texts 100``, once with each ``src``, one after the other; CPU µs a pair:

| row | e8ab4d0 | this pass |
| --- | --- | --- |
| batch, all 4,950 pairs of 100 texts (2 workers) | 1,652 (workers 1,430) | 1,570 (workers 1,322) |
| the same, pairs/s on 2 free cores (wall at this load) | 1,211 (373) | 1,274 (375) |
| full compare, one core (separate runs: the load moved it) | 23,177 | 20,217 |

That batch line alone, three times each, alternating (under the test suite's load): workers
1,548 / 1,368 / 1,713 against 1,342 / 1,432 / 1,261 µs a pair. A prepared pair (all 780
pairs of 40 texts, ``pairs.compare_record`` in one process, both versions side by side, 5
rounds, the same JSON): 1,156 -> 802 CPU µs (B/A 0.648-0.802, median 0.692); there quote
matching alone (all 1,770 pairs of 60 texts) went 374 -> 86 µs, 17 -> 0.4 quote pairs aligned
a pair. One compare from fresh texts gains nothing (its quotes are prepared for one pair):
``compare_versions.py --full --rounds 3 --pairs 200`` B/A 1.072, 1.069, 1.031 at load 7
under the suite, within the 0.943-1.092 the same code on both sides gave before.
``compare_check.py``: 0 of 1,704 comparisons differ. The targets stay far: 1,274 against
2,000 pairs/s on 2 workers.

Results of 2026-12-02, session 30 (fast16c, issue 16), load 3-10 on the 2 shared cores.
Baseline: main at 76c6ce0, a copy of its ``src`` beside this pass's. Both versions in one
process, alternating (``nice -n 10 .venv/bin/python bench/compare_versions.py BASE/src
NEW/src --rounds 5 --pairs 400 --difflib``; ``--full --rounds 3``), CPU µs a pair, medians:

| row | 76c6ce0 | this pass | B/A by round |
| --- | --- | --- | --- |
| alignment only (BULK) | 3,704 | 3,118 | 0.908, 0.837, 0.875, 0.844, 0.874 |
| word-level difflib (each version's Doc) | 1,169 | 1,176 | - |
| alignment / difflib throughput | 0.314x | 0.365x | 0.305-0.340x vs 0.333-0.403x |
| full compare and its JSON | 23,720 | 22,715 | 0.967, 0.958, 0.907 |

``compare_bench.py --pairs 400 --char-pairs 20`` on each, one after the other (load 8-10;
difflib's own row moved 1,145 -> 981 between the runs, so the ratio read off separate runs
says little): BULK 3,807 -> 3,505, full 22,905 -> 21,630, batch 27,541 -> 25,118 CPU µs a
pair (73 -> 80 pairs/s on 2 free cores); recall 0.988 (difflib 0.751), verdicts and the 3
passages on unrelated pairs the same in both. Every step below left ``compare_check.py`` at
0 of 924 differing (run against 76c6ce0's output).

- ``evidence._event_vector`` (the event terms of a text, read by every full JSON): terms
  mapped per word in C instead of tested token by token, the body's capped counts from a
  Counter, first spans kept for the top terms only: 2,277 -> 1,544 µs a pair in the batch's
  stage timing (separate runs at load 3; the same vectors on all 2,254 BBC, seed, example
  and fixture texts).
- ``text.WordMap``: one per-word map (a dict that computes a value on first look-up, mapped
  over the tokens in C; a third of an ``lru_cache`` hit) for content stems, event terms and
  IDFs, vocabulary weights and the spin detector's plain-word, rare and uncommon flags.
- ``evidence.unrelated_for_certain`` first bounds the shared names' weight by the rarity of
  the capitalised words both texts use (every name word is one): 74 of the 78 pairs it
  decides among these 400 are decided without finding names or furniture; and
  ``boilerplate.label`` skips the furniture rules when there is no passage. BULK stage
  timing: names 213 -> 59, furniture 493 -> 349 µs a pair.
- Quotations are found only where a passage needs them (coverage of a pair without
  passages, ``_shared_quotes``, short chains in ``align_docs``).
- ``records.to_json``: lists and tuples before the record tests (``is_dataclass`` ran on
  every span): ``Comparison.to_dict`` 377 -> 281 µs a pair.

Where a full pair's time goes now (each stage timed by a wrapper, exclusive, 300 pairs of
``compare_record`` at load 3, 22,572 µs a pair): quote extraction 51% (of which about 5
regular expressions compiled per pair, 1,173 µs, 5.5% of the pair: patterns built per name in
``quotes/speakers.py``, which overflow ``re``'s cache), the spin detector 8%, the event
vectors 7%, ``align_docs`` 5%, the JSON 5%, names 4%, the rest under 3% each. So the batch
target (2,000 pairs/s on 2 workers, 1,000 µs a pair) needs quote extraction cut by an order
of magnitude first; and the 3x-difflib target (about 330 µs a BULK pair) is ten times the
current cost, which no stage alone holds (seeds, chains and edits 26%, sentence pairing with
splitting 15%, spin labelling 14%, tokenising 12%, furniture 11%).

Results of 2026-12-01, session 5 (cmp16, issue 16), load 15-19 on the 2 shared cores (wall
about 7x CPU). ``nice -n 10 .venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs
20``: alignment only 5,238 CPU µs a pair, difflib (words) 1,670, ratio 0.32x; full 28,316;
recall 0.988 (difflib 0.751); batch 31,494 CPU µs a pair (64 pairs/s on 2 free cores).
``compare_versions.py`` main 94a6ada against this session's code (``--rounds 3 --pairs 400
--difflib``): BULK medians 5,146 -> 5,109 µs (B/A by round 1.077, 0.977, 1.056: within the
load's noise), alignment / difflib 0.312x -> 0.323x. Speed changes, each with
``compare_check.py`` 0 of 924 differing: ``spin.label`` gives back pairs whose passages are
word for word throughout without reading them both ways (65-194 µs a pair on most excerpt,
reordered and unrelated pairs, 69 µs averaged over the 400); the sentence-reuse changes cost
about 11 µs a pair (one-letter-misread checks at chain ends, 15 a pair at 0.7 µs) plus sentence
bounds read only where an edge window needs them. Measured and not kept: a per-text cache of
name words for the evidence shortcut and ``gather`` (the closing note's "``_shared_names`` ~400
µs" is the names' extraction, ``names.mentions`` per text, which ``gather`` already reads from
``_facts``' cache; ``_shared_names`` itself is 20-50 µs): ``compare_versions.py`` B/A 0.987,
1.014, 1.073. The 3x target needs about 500 µs a pair, 10x less than now.

Results of 2026-12-01, fifth pass (cmp16, issue 16). Load average 9-17 on the 2 shared
cores throughout (wall time about 10x CPU time). Baseline: 04bb2e8 (main at the start of the pass)
in a second worktree. ``compare_bench.py`` on each, one after the other (``nice -n 10
.venv/bin/python bench/compare_bench.py --pairs 400 --char-pairs 20``), CPU µs per pair:

| version | BULK | full | difflib | BULK / difflib | batch (pairs/s, 2 cores) |
| --- | --- | --- | --- | --- | --- |
| 04bb2e8 | 5,950 | 23,990 | 1,442 | 0.24x | 25,780 (78) |
| this pass | 4,847 | 24,257 | 1,583 | 0.33x | 25,960 (77) |

Both versions in one process (``compare_versions.py /tmp/old/src src --rounds 3 --pairs 400
--difflib``): BULK 5,822 -> 4,536 CPU µs a pair (medians; B/A 0.808, 0.797, 0.701 by round),
alignment / difflib throughput 0.261x -> 0.300x (medians; difflib 1,419 and 1,410 µs). Recall
0.988 (difflib 0.751) in every run. The full compare and the batch (full JSON) are unchanged:
the full JSON reads the evidence that alignment now leaves unread. ``index`` of the 510 BBC
business articles (``--no-quotes --workers 1``, each version twice, alternating) took 6.9 and
7.0 CPU s before and 6.8 and 7.6 after: no difference beyond the noise, as its candidate
pairs are few and mostly related, and fingerprints and the store take most of its time.

What changed (outputs identical: ``compare_check.py`` 0 of 924 comparisons differ after each
step):

- A pair that no same-story rule can join gets ``unrelated`` from the cheap facts, its other
  evidence (leads, profiles, event similarity) gathered on first read:
  ``evidence.unrelated_for_certain`` (every rule of ``SAME_STORY_RULES`` needs a shared
  quote, a shared passage of 20 unquoted words or shared name words of rarity 0.9 or more).
  78 of the 99 same-story/unrelated pairs of these 400 qualify; on the unrelated pairs BULK
  went 11,360 -> 5,901 µs (stage timing, one run before the change at load 7, one after at
  load 18). ``index`` and Spark read only the verdict
  of such a pair.
- A word's first thesaurus look-up (what ``spin.label`` pays on words the process has not
  seen: 5.9 ms of an edited pair's first labelling, 0.5 ms warm): Moby lines split into a set
  in one pass (87 -> 67 µs a line, the same sets for all 30,178 headwords), ``key()`` of
  looked-up phrases cached, ``_segments`` memoised without a ``functools.cache`` per call.
- Content stems from a process-wide word -> stem map (a text's tokens map in C), and spin's
  content-word counts from stop words counted in C.

Where a BULK pair's time goes now (stage timing, 400 pairs, load 13): seeds, chains and edits
(``align_docs``) 21%, tokenising 17%, sentence pairing with sentence splitting 16%, spin
labelling 14% (first look-ups of thesaurus entries), boilerplate 8%, evidence 14% (its
shortcut 7%: the names of both texts; full gathering for the 21 pairs it cannot decide 7%),
coverage, revision and verdict 4%.

Tried and not kept: a numba kernel for seeds, runs and chains (one compiled function from the
two id arrays to the chains, identical chains on all 400 pairs). It cut that stage from 651 to
275 µs a pair (125 of them the kernel, 75 turning the id lists into arrays; wall time at load
10), about 7% of BULK, but ``import numba`` costs 0.53-0.71 s of CPU (numpy 0.16 s), loading
the cached kernel 0.63 s more, and its first compilation 10.3 s of CPU (31 s wall): a one-off
``compare`` (about 3 s of CPU here) would be 40% slower, and a batch would need 3,000-4,000
pairs to earn the import back. The 3x target stays far: at this load it is about 500 µs a
BULK pair (1,500 / 3), which is less than tokenising (986 µs for the two texts, a cost
difflib's row shares) plus ``align_docs`` alone; batch mode is 77 pairs/s against 2,000.

Results of 2026-12-01, fourth pass (cmp16, issue 16). The machine ran at load average 12-18
on its 2 cores for the whole pass (other sessions' tests and benches), so absolute CPU times
are 1.5-2x those of a quiet machine; ratios within one run hold. Baseline: 0293407 (main at
the start of the pass) in a second worktree. ``compare_bench.py`` run on this pass, then on
the baseline, one after the other (``nice -n 10 .venv/bin/python bench/compare_bench.py
--pairs 400 --char-pairs 20``, each with its own difflib row), CPU µs per pair:

| version | BULK | full | difflib | BULK / difflib | full / difflib | batch (pairs/s, 2 cores) |
| --- | --- | --- | --- | --- | --- | --- |
| 0293407, 1st pair of runs (load 13-18) | 5,834 | 28,536 | 2,041 | 0.35x | 0.07x | 27,133 (74) |
| this pass, no Zipf change, 1st pair | 5,300 | 24,910 | 2,061 | 0.39x | 0.08x | 25,354 (79) |
| this pass, 2nd pair (load 13-15) | 5,456 | 19,681 | 1,686 | 0.31x | 0.09x | 24,392 (82) |
| 0293407, 2nd pair (load 15-21) | 4,982 | 24,246 | 1,751 | 0.35x | 0.07x | 24,110 (83) |

Recall 0.988 (difflib 0.751) in every run. The full compare is 13-19% cheaper; BULK and
its ratio to difflib moved within this load's noise (0.35x -> 0.39x in one pair of runs,
0.35x -> 0.31x in the other), and so did the batch (-7%, +1%): its workers fork from the
bench's process after it has compared the same 400 pairs, so they start with every word's
thesaurus and frequency look-ups cached, which hides the Zipf change, the largest gain on
unseen text. The compare engine's stages, old and new in one
process (both packages imported side by side as in ``compare_versions.py``, five alternating
rounds over 200 pairs with every per-text analysis already done once, medians; a throw-away
script):

| stage | 0293407 | this pass | new / old |
| --- | --- | --- | --- |
| ``spin.detect`` of both texts (with their Doc) | 5,226 | 2,678 | 0.51 |
| ``spin.label`` | 463 | 297 | 0.64 |
| ``match_quotes`` | 1,586 | 1,418 | 0.89 |
| ``Comparison.to_dict`` (evidence gathered) | 1,432 | 614 | 0.43 |

Those rows were measured before the last change (Zipf frequencies from wordfreq's table),
which matters on text the process has not seen: in the bench's stage timing (every stage
timed by a wrapper, 200 pairs, load 16) ``spin.detect`` went 3,595 -> 2,077 µs a pair with
it. ``compare_versions.py`` (BULK with ``--difflib``, and ``--full``; three rounds of 200
pairs each, before the Zipf change) gave B/A 0.92-1.17 (median 0.97) for BULK and
0.91-1.03 (median 0.97; an earlier run 0.79-0.91, median 0.87) for full: at this load the
rounds scatter by ±15%, more than the gain on BULK.

What changed (outputs identical: ``compare_check.py`` 0 of 924 comparisons differ after each
step; it now also compares 60 BBC articles with copies spun by ``bench/spinner.py``, which
exercise the spin detector's flags and the synonym swaps):

- ``spin.detect``: the tortured-phrase pattern (40-odd alternatives tried at every
  character, 330-650 µs a text) runs only at the places where the first word of a phrase
  whose words all occur in the lower-cased text starts (the characters ``re.IGNORECASE``
  matches with a letter without lower-casing to it, İ ı ſ, send a text to the pattern
  itself; a test checks every code point); collocation windows only at anchor words; the
  plain words found once per Doc and looked up once per distinct word; Zipf frequencies of
  lower-case ASCII words read from wordfreq's table with its rounding (``zipf_frequency``
  tokenises each new word first: 15 µs). ``tests/test_spin_speed.py`` holds each to the
  loop it replaced.
- ``spin.label``: edits built directly instead of ``dataclasses.replace``; a passage's
  content words from running counts on the Doc; ``synonyms.forms`` cached per phrase.
- ``records.to_json``: each record class's JSON fields read once, plain values returned at
  once (the JSON of a full comparison: 1,432 -> 614 µs).
- ``quotes.match_quotes``: word ids for the quoted words only, each quote's list built once.

Where a pair's time goes now (stage timing, 200 pairs full at load 16, 400 BULK):

| stage | full, µs a pair (share) | BULK, µs a pair (share) |
| --- | --- | --- |
| quote extraction (``extract_quotes``, both texts) | 7,798 (44%) | - |
| evidence (``evidence.gather``) | 2,792 (16%) | 653 (16%; same-story, unrelated) |
| spin detector (``spin.detect``, both texts) | 1,922 (11%) | - |
| seeds, chains and edits (``align_docs``) | 884 (5%) | 777 (19%) |
| the JSON (``to_dict``, evidence apart) | 691 (4%) | - |
| synonym swaps and spun passages (``spin.label``) | 630 (4%) | 631 (16%) |
| quote matching | 562 (3%) | - |
| tokenising (``Doc``) | 557 (3%) | 486 (12%) |
| sentence pairing (``reworded_passages``), splitting | 568 (3%) | 573 (14%) |
| boilerplate labels | 362 (2%) | 339 (8%) |
| the rest (quotations, revision, coverage, verdict, findings) | 624 (4%) | 510 (13%) |
| total | 17,598 | 4,029 |

Tried and not kept: seeds from a Python dict of trigram tuples instead of numpy (321 against
188-208 µs a pair); a prefilter of the quote cue scan that skips units without a cue word
(2,939 of 5,371 units have none, but the scan got only 10% cheaper: 1-2% of extraction);
a higher garbage-collector threshold (the collector takes 576 µs of a 22,000 µs full pair,
2.6%; a threshold of 20,000 halves that). The targets are not met and not near: 3x word-level
difflib is about 560 µs a BULK pair at this load (1,686 / 3) against 5,456, and 2,000 pairs/s
on 2 workers is 1,000 µs of CPU a full pair against 24,392. No single stage is more than a
fifth of BULK or half of full, so no one change closes a 10x gap; each stage is already
numpy, C-level maps or cached per word and per text, and what is left is Python work per
token (quotes' phrase tokens and name index, the evidence's name mentions, spin's per-word
look-ups) whose floor in this design is several hundred µs a text. Reaching the targets takes
the compiled pipeline issue 16 describes (tokens, seeds, chains and sentence pairing on
arrays in one extension; quote cues and names by automaton), not more of these passes.

Results of 2026-12-01, third pass (speed11; issue 11's "same or better" line and issue 16).
Baseline: 565dc6d, the last commit before the redesign (stop 9). Its ``compare`` has no
``BULK``; its default ran what ``BULK`` runs now except boilerplate labelling, revision
labelling and grading, and the evidence of same-story and unrelated verdicts (it decided those
on shared names alone, ``_names``); it ran ``quoted_spans`` twice per side and tokenised with
``str.translate``. Versions side by side in one process, 400 pairs, CPU µs per pair, load
average 4-23 on the 2 shared cores (``nice -n 10 .venv/bin/python bench/compare_versions.py
OLD/src NEW/src --rounds 7 --difflib``, OLD and NEW ``git worktree`` checkouts):

| A (baseline) | B | A median | B median | B/A, median of rounds (range) |
| --- | --- | --- | --- | --- |
| 565dc6d, before the redesign | this pass | 2,833 | 2,829 | 1.056 (0.94-1.14) |
| 565dc6d | this pass (a second run, 9 rounds) | 3,257 | 3,643 | 1.121 (1.00-1.22) |
| 565dc6d | this pass, the added stages stubbed | 2,999 | 2,288 | 0.677 (0.66-0.76) |
| 0279fe9, main before this pass | this pass | 3,128 | 2,720 | 0.895 (0.78-0.93) |

Alignment only is 10% cheaper than before this pass and does the work it shares with the old
code in two thirds of the time (``--like-for-like``), but with boilerplate, revision and
evidence it still takes 2-12% more CPU than before the redesign (medians of five runs during
the pass: 1.02-1.12), so issue 11's "same or better" does not hold for this row yet. The
throughput ratio to word-level difflib, from the same chunks: 565dc6d 0.455-0.525x (median
0.497; 0.465 in the second run), 0279fe9 0.326-0.379x (0.339), this pass 0.280-0.337x (0.328;
0.322). The ratio cannot show this pass's gain: difflib's rows tokenise with the version's own
``Doc``, which this pass made twice as fast, so difflib itself got 35% faster (1,407 -> 915 µs
a pair against 565dc6d's Doc). Full run of this bench on this pass (load 10-15): alignment only
3,077 µs, full 15,995 µs, difflib 943 µs, ratio 0.31x, recall 0.988 (difflib 0.751); batch
17,970 CPU µs a pair (workers 16,864, parent 1,107: 111 pairs/s on 2 free cores).

What changed (outputs identical: ``compare_check.py`` 0 of 804 comparisons differ after each
step, the seed compare JSON byte-identical):

- ``Doc`` tokens from character classes in numpy arrays (``text._array_tokens``): 221 -> 120
  µs a BBC text, then 94 -> 83 for ASCII text with ``bytes.translate``. The class table is
  built with ``TOKEN_RE``'s own character sets; tests compare the two tokenisers on every
  character below U+3000 in five contexts and on Hypothesis texts. Used when numpy is
  already loaded (every comparison), so ``match`` still does not import it.
- Free sentences of A with no sentence of B sharing three stems are not scored (81 of 100
  excerpt pairs and 73 of 100 unrelated pairs have none and skip the weights): sentence
  pairing 175-184 -> 137 µs a pair.
- The sentence splitter's per-sentence call written out (47-49 -> 41 µs a text); B's trigram
  keys searched in sorted order (92 -> 73 µs for that step); edge windows without a shared
  word not aligned (9.4 -> 8.4 µs a chain).

Where a BULK pair's time went after the tokeniser change (stage timers, 400 pairs): seeding,
chains and edits 24%, sentence pairing 20% (its sentence splitting 7%), evidence 15%
(same-story and unrelated pairs), tokenising 13%, spin labelling 12% (mostly first look-ups of
thesaurus entries: the edited pairs put in random words), boilerplate 8%; Python's cyclic
garbage collector about 8% of the whole. The collector is a lead for the gap to the old code:
timed by gc.callbacks over 400 pairs, it took 314 µs a pair here against 90 in 565dc6d (young
collections 3x as costly, for reasons not found; a full collection walks 148,000 tracked
objects against 22,000, 110,000 of them WordNet's per-lemma lists in synonyms._wordnet, which
tuples would leave untracked). Tried and dropped (no gain beyond noise): a process-wide word-id
table instead of numbering each pair's vocabulary, a process-wide content-stem cache, and a
quotation-mark search with a lookbehind.

Results of 2026-12-01, second perf pass (issues 11 and 16): 400 pairs, ``nice -n 10 ...
--pairs 400 --char-pairs 20``, CPU µs per pair, load average 2-10. Main before the pass
(690b280) and with it ran alternating, five runs each, difflib in every run:

| version | BULK median (range) | full JSON | batch (2 workers) | difflib words | BULK / difflib |
| --- | --- | --- | --- | --- | --- |
| 690b280 | 2,429 (2,347-2,570) | 10,026-10,697 | 11,494-12,648 | 732-757 | 0.29-0.32x |
| this pass | 2,249 (2,147-2,327) | 9,787-10,585 | 10,389-12,327 | 736-787 | 0.33-0.34x |

Alignment only is about 7% faster (median 2,429 -> 2,249 µs); the full compare is unchanged
within the noise. Recall 0.988 (difflib 0.751) in every run; the JSON of the 804 comparisons
of ``compare_check.py`` and the seed compare JSON are byte-identical. What changed: the
boilerplate rules' literals are found in one Aho-Corasick pass (pyahocorasick; 80 -> 30 µs
per text); the sentence splitter's regular expression opens with a character class, so the
scan jumps from stop to stop (40 -> 15 µs per text); sentence pairing bags a sentence with
``dict.fromkeys`` when no stem repeats and counts document frequencies in one ``Counter``;
content stems are computed once per distinct word; the vocabulary is numbered by
``dict(zip(...))``; a chain's passage is built only when it is kept. Where a BULK pair's time
goes now (each stage timed by a wrapper, 400 pairs, 2,201 µs a pair): chains and edits
(``align_docs``, seeding included) 22%, sentence pairing 16% (its sentence splitting 4%),
tokenising 16%, spin labelling 11%, boilerplate 8%, the rest evidence, coverage and
verdict. Left: ``re.split`` is 96 of the Doc's 147 µs per text, seeding's argsort and
searchsorted about 55 of its 106 µs per pair.

Results of 2026-12-01 (perf, issues 11 and 16), 400 pairs, ``nice -n 10 ... --pairs 400
--char-pairs 20``, CPU µs per pair, load average 8-11 on the 2 shared cores. The versions ran
alternating (main without the perf changes, main with them, the session's start d9f26fe,
again without, again with), each with difflib in the same run:

| version | BULK | full JSON | batch (2 workers) | difflib words | BULK / difflib |
| --- | --- | --- | --- | --- | --- |
| main without perf | 4,662; 5,409 | 12,476; 13,436 | 14,846; 14,876 | 821; 911 | 0.18x; 0.17x |
| main with perf | 2,650; 2,937 | 12,377; 13,229 | 14,340; 14,706 | 778; 833 | 0.29x; 0.28x |
| d9f26fe, session start | 3,965 | 10,437 | 11,214 | 856 | 0.22x |

The batch column is the batch's CPU per pair: 134-139 pairs/s on 2 free cores with or without
perf (178 at d9f26fe); its wall rate on the loaded machine was 23-30 pairs/s.

Recall 0.988 (difflib 0.751) in every run; the JSON of 804 comparisons (BULK and full, 400
pairs under two seeds and the seeds) is identical with and without the perf changes.
Alignment only is 1.8x faster: the evidence of a coverage verdict is gathered on first read
(the largest part), boilerplate rules wait for one word of each group of alternatives, Doc
norms are folded in one string, content stems are kept per Doc, sentence pairing takes one
log per document frequency, chains without edits skip the edit alignment. Where a BULK
pair's time goes now (stage timing without a profiler, 400 pairs twice): seeding, chaining and
edits 24%, sentence pairing with sentence splitting 21%, tokenising 16%, boilerplate 13%,
evidence (same-story and unrelated pairs only) 12%, spin labelling 7%. ``index`` of all 2,225
BBC articles on 1 worker (a throw-away script timing ``corpus.index``, alternating): 11.4,
12.0 -> 10.5, 11.0 CPU s, its 566 stored edges identical; fingerprints now read the shared Doc.
A full compare is unchanged: it is quote extraction (29%), the spin detector (29%) and the
evidence (16%), the alignment stages about 12% (stage timing of 300 pairs). Between d9f26fe and
main the evidence and spin detector grew (full 10,437 -> about 12,500-13,400 µs). The targets
of issue 16 are not met: 3x difflib's throughput would be about 270 µs a pair, and 2,000
pairs/s on 2 workers about 1,000 µs of CPU per full pair.

Before 2026-12-01 the bench cleared only the Doc cache between rounds, so the full compare
reused the evidence the alignment round had gathered; the rows below were measured that way
(code versions one after the other, difflib in each run):

| version | alignment only (BULK) | full compare | difflib words | recall |
| --- | --- | --- | --- | --- |
| aace856, before the issue 16 work | 11,328 µs/pair | 16,527 µs/pair | 1,082 µs/pair | 0.988 |
| 645b7eb, after it | 10,476 µs/pair | 14,043 µs/pair | 895 µs/pair | 0.988 |
| 6d8d7be, plus faster boilerplate rules | 5,062 µs/pair | 10,976 µs/pair | 818 µs/pair | 0.988 |
| e7725cd (main, evidence sped up) | 4,584 µs/pair | 11,358 µs/pair | 844 µs/pair | 0.988 |
| 35427f0, perf work (below) | 4,343 µs/pair | 10,132 µs/pair | 934 µs/pair | 0.988 |
| 34e085e, before perf2 (2 runs) | 3,420; 3,631 µs | 8,062; 8,127 µs | 772; 783 µs | 0.988 |
| perf2 (below; 2 runs) | 3,680; 3,805 µs | 8,104; 8,137 µs | 776; 790 µs | 0.988 |

Rows e7725cd and 35427f0 ran one after the other in one command while the machine was heavily
loaded (load average about 10 on 2 cores; wall time 3-5x CPU time), so CPU figures carry
some noise: alignment only 0.18x -> 0.22x difflib's throughput, full compare 0.07x -> 0.09x,
batch of full compares on 2 workers 22 -> 25 pairs/s wall. What changed (all outputs of the
400 pairs, BULK and full, and the seed JSON byte-identical): sentence-initial and furniture
tokens found by bisection instead of per-token scans (names, evidence); stem and rarity once
per word; the spin detector's collocation scan tests the anchor words before the phrase
checks; Moby's presence checked once per process; seeds kept as numpy arrays and runs found
with lexsort/diff; ``_is_whole_unit`` no longer copies the text before each span; quote
extraction and spin detection kept on the shared Doc (``Doc.derived``), so a batch comparing
one article with many analyses it once (this bench clears the Doc cache per engine round,
so it does not show that); batch workers fork after one warm-up comparison. One BBC article
compared (full) with 100 others, CPU time, the same two versions one after the other:
10,404 -> 6,009 µs/pair (a throw-away script: ``compare(one, t)`` for 100 texts ``t`` after a
warm-up of 10 pairs).

At 6d8d7be alignment only is 0.16x word-level difflib's throughput at 0.988 vs 0.751 recall
(full compare 0.07x; a batch of full compares on 2 workers 51 pairs/s wall). Where a BULK
pair's time goes (cProfile, 200 pairs): ``evidence.gather`` 55%, seeding, chaining and edits
13%, spin labelling 9%, sentence pairing 8%, tokenising 8%. The core stages measured one by
one on the same 400 pairs, aace856 -> 645b7eb: Doc for both texts 596 -> 482 µs, seeds
318 -> 238 µs, align_docs 541 -> 489 µs, sentence pairing 297 -> 266 µs. The outputs of all
400 pairs are identical except one: "v2.0" is now one token (coverage of B 0.1081 -> 0.1082).

perf2 rows: the two versions alternating (before, perf2, before, perf2) on a quiet machine
(load average about 1). The gain is smaller than this bench's run-to-run noise (about 10%:
an earlier pair of runs under load gave 4,015 -> 3,773 µs/pair, these give the opposite).
Measured instead with a throw-away script (the bench's 400 pairs after 20 of warm-up, each
``compare(a, b, BULK)`` after ``clear_doc_cache()``, CPU time), five runs of each version
alternating: before 3,333 (least) / 3,508 (median) µs/pair, perf2 3,146 / 3,367: about 5%.
All 600 BULK and full outputs of a 300-pair identity check byte-identical. What changed:
tokens split by ``re.split`` with offsets from running lengths; name finding visits only
capitalised or numeric tokens (flags by C-level maps), no regex for possessives, one set per
name-edge test, rarity cached per word; the rarity-weighted vocabulary built by ``dict()``
over per-token pairs; Moby synonym keys without a regex per entry; ``spin.label`` skips the
spun rules when a passage has no swap; ``align_docs`` returns early without seed chains;
``free_stretches`` skips wholly covered sentences.

Earlier (2026-11-23, before quotes/spin/evidence were part of compare, wall time): storytrace
608 pairs/s on one core, recall 0.985; difflib on words 1,420 pairs/s, recall 0.719.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from storytrace import boilerplate, evidence
from storytrace.align import BULK, compare
from storytrace.articles import decode_bytes
from storytrace.pairs import compare_records
from storytrace.text import Doc, clear_doc_cache

ROOT = Path(__file__).resolve().parents[1]


def load_bbc(data: Path) -> dict[str, list[str]]:
    by_cat: dict[str, list[str]] = {}
    for path in sorted(data.glob("*/*.txt")):
        text = decode_bytes(path.read_bytes(), str(path))
        by_cat.setdefault(path.parent.name, []).append(text.strip())
    return by_cat


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def edit_words(par: str, rng: random.Random, vocab: list[str]) -> str:
    words = par.split(" ")
    for _ in range(rng.choice([1, 1, 2])):
        if len(words) > 6:
            k = rng.randrange(len(words))
            words[k] = rng.choice(vocab)
    return " ".join(words)


def build_pairs(by_cat: dict[str, list[str]], n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    cats = sorted(by_cat)
    vocab = [w for w in " ".join(by_cat[cats[0]][:50]).split() if w.isalpha() and len(w) > 3]
    out = []
    kinds = ["edited", "excerpt", "reordered", "unrelated"]
    for k in range(n):
        kind = kinds[k % 4]
        while True:
            cat = rng.choice(cats)
            a_text, other = rng.sample(by_cat[cat], 2)
            pa, po = paragraphs(a_text), paragraphs(other)
            if len(pa) >= 4 and len(po) >= 3 and a_text != other:
                break
        injected: list[int] = []  # indexes into pa copied into B
        b_parts: list[tuple[str, int | None]] = []
        if kind == "edited":
            drop = rng.randrange(1, len(pa))
            for i, p in enumerate(pa):
                if i != drop:
                    b_parts.append((edit_words(p, rng, vocab) if i else p, i))
        elif kind == "excerpt":
            s = rng.randrange(1, max(2, len(pa) - 2))
            chosen = list(range(s, min(s + 2, len(pa))))
            cut = rng.randrange(1, len(po))
            b_parts = [(p, None) for p in po[:cut]]
            b_parts += [(pa[i], i) for i in chosen]
            b_parts += [(p, None) for p in po[cut:]]
        elif kind == "reordered":
            order = list(range(len(pa)))
            rng.shuffle(order)
            filler = iter(po)
            for i in order:
                b_parts.append((pa[i], i))
                if rng.random() < 0.5:
                    nxt = next(filler, None)
                    if nxt:
                        b_parts.append((nxt, None))
        else:
            b_parts = [(p, None) for p in po]
        a_full = "\n\n".join(pa)
        a_spans, pos = [], 0
        for p in pa:
            a_spans.append((pos, pos + len(p)))
            pos += len(p) + 2
        b_full, truth, pos = [], [], 0
        for p, src in b_parts:
            b_full.append(p)
            if src is not None:
                injected.append(src)
                truth.append((a_spans[src], (pos, pos + len(p))))
            pos += len(p) + 2
        out.append(
            {
                "id": f"{kind}-{k}",
                "kind": kind,
                "a_text": a_full,
                "b_text": "\n\n".join(b_full),
                "truth": truth,
            }
        )
    return out


def corpus_records(pairs: list[dict], n_texts: int) -> list[dict]:
    """Every pair of a small corpus, as a user's batch repeats texts: the A and B texts of the
    first ``n_texts / 2`` pairs (so related pairs are among them), each text in ``n_texts - 1``
    pairs, in the order a nested loop writes them."""
    texts = [t for p in pairs[: n_texts // 2] for t in (p["a_text"], p["b_text"])]
    return [
        {"id": f"{i}-{j}", "a_text": texts[i], "b_text": texts[j]}
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
    ]


def timed_batch(recs: list[dict], workers: int = 2) -> tuple[float, float, float]:
    """Wall seconds, the workers' CPU seconds and the parent's of ``compare_records`` (full
    JSON without the texts) on ``recs``."""
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    c_parent = time.process_time()
    list(compare_records(recs, workers=workers, include_text=False))
    wall = time.perf_counter() - t0
    c_parent = time.process_time() - c_parent
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, reaped when the pool ends
    c_workers = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, c_workers, c_parent


def batch_line(label: str, n: int, wall: float, c_workers: float, c_parent: float) -> str:
    # On a shared machine the wall rate says little; CPU time per pair of the whole batch
    # (workers and the parent that feeds them) gives what two free cores would reach.
    cpu = (c_workers + c_parent) / n
    return (
        f"{label}: {n / wall:.0f} pairs/s wall; {1e6 * cpu:.0f} CPU µs/pair (workers "
        f"{1e6 * c_workers / n:.0f}, parent {1e6 * c_parent / n:.0f}), so {2 / cpu:.0f} "
        "pairs/s on 2 free cores"
    )


def _words_in(doc: Doc, span: tuple[int, int]) -> list[int]:
    return [i for i, s in enumerate(doc.starts) if span[0] <= s < span[1]]


def recall(pair: dict, found: list[tuple[tuple[int, int], tuple[int, int]]]) -> tuple[int, int]:
    doc_a = Doc(pair["a_text"])
    hit = 0
    for a_span, b_span in pair["truth"]:
        words = _words_in(doc_a, a_span)
        ok = False
        for fa, fb in found:
            if fb[0] < b_span[1] and b_span[0] < fb[1]:
                inside = sum(1 for i in words if fa[0] <= doc_a.starts[i] < fa[1])
                if words and inside >= 0.5 * len(words):
                    ok = True
                    break
        hit += ok
    return hit, len(pair["truth"])


def difflib_passages(a: str, b: str, min_words: int = 3, doc_type: type = Doc):
    """Word-level difflib baseline; ``doc_type`` lets compare_versions.py use a version's Doc."""
    da, db = doc_type(a), doc_type(b)
    sm = difflib.SequenceMatcher(None, da.norms, db.norms)
    return [
        (da.span(m.a, m.a + m.size), db.span(m.b, m.b + m.size))
        for m in sm.get_matching_blocks()
        if m.size >= min_words
    ]


def difflib_char_passages(a: str, b: str, min_chars: int = 20):
    # autojunk off: with it on, common letters and spaces are junked and prose
    # barely matches; this is the setting that actually finds passages in text.
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        ((m.a, m.a + m.size), (m.b, m.b + m.size))
        for m in sm.get_matching_blocks()
        if m.size >= min_chars
    ]


def clear_text_caches() -> None:
    """Forget every per-text result: the shared Docs (with what is kept on them) and the
    per-text caches of boilerplate and evidence, so that an engine's round pays for all the
    analyses of its texts (without this the full compare reused the evidence the alignment
    round before it had gathered)."""
    clear_doc_cache()
    for module in (boilerplate, evidence):
        for f in vars(module).values():
            wrapped = getattr(f, "__wrapped__", None)
            if hasattr(f, "cache_clear") and wrapped and _first_parameter(wrapped) == "text":
                f.cache_clear()


def _first_parameter(f: object) -> str | None:
    params = list(inspect.signature(f).parameters)  # type: ignore[arg-type]
    return params[0] if params else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument(
        "--char-pairs", type=int, default=1000, help="pairs for the slow character-level difflib"
    )
    ap.add_argument(
        "--corpus-texts", type=int, default=100, help="texts of the all-pairs batch line"
    )
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc" / "bbc")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"BBC data not found at {args.data}")
    pairs = build_pairs(load_bbc(args.data), args.pairs)
    print(f"{len(pairs)} pairs, {sum(len(p['truth']) for p in pairs)} injected paragraphs")

    # Warm up both engines (thesaurus, regexes, caches of word forms) before timing.
    for p in pairs[:20]:
        compare(p["a_text"], p["b_text"])
        difflib_passages(p["a_text"], p["b_text"])

    # Interleave the engines in rounds so machine noise hits all alike. CPU time is
    # what the process itself used (the machine is shared); wall time beside it.
    engines = {
        "align": lambda p: compare(p["a_text"], p["b_text"], BULK),
        # The JSON, as the CLI and batch mode give it: everything computed, evidence included.
        "full": lambda p: compare(p["a_text"], p["b_text"]).to_dict(include_text=False),
        "difflib": lambda p: difflib_passages(p["a_text"], p["b_text"]),
    }
    cpu = dict.fromkeys(engines, 0.0)
    wall = dict.fromkeys(engines, 0.0)
    results: dict[str, list] = {k: [] for k in engines}
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        for name, run in engines.items():
            clear_text_caches()  # each engine tokenises and analyses every text itself
            c0, w0 = time.process_time(), time.perf_counter()
            results[name] += [run(p) for p in chunk]
            cpu[name] += time.process_time() - c0
            wall[name] += time.perf_counter() - w0
    ours_res, diff_res = results["align"], results["difflib"]
    t_ours, t_diff = cpu["align"], cpu["difflib"]

    t0 = time.perf_counter()
    char_res = [difflib_char_passages(p["a_text"], p["b_text"]) for p in pairs[: args.char_pairs]]
    t_char = time.perf_counter() - t0

    recs = [{"id": p["id"], "a_text": p["a_text"], "b_text": p["b_text"]} for p in pairs]
    t_batch, c_workers, c_parent = timed_batch(recs)
    corpus = corpus_records(pairs, args.corpus_texts)
    corpus_times = timed_batch(corpus)

    tracemalloc.start()
    for p in pairs[:200]:
        clear_doc_cache()
        compare(p["a_text"], p["b_text"], BULK)
    peak_ours = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    for p in pairs[:200]:
        difflib_passages(p["a_text"], p["b_text"])
    peak_diff = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    rec_ours: Counter[str] = Counter()
    rec_diff: Counter[str] = Counter()
    rec_char = sum(recall(p, c)[0] for p, c in zip(pairs, char_res, strict=False))
    tot_char = sum(len(p["truth"]) for p in pairs[: len(char_res)])
    tot: Counter[str] = Counter()
    verdicts: Counter[tuple[str, str]] = Counter()
    for p, cmp, dl in zip(pairs, ours_res, diff_res, strict=True):
        h, n = recall(p, [(q.a, q.b) for q in cmp.passages])
        rec_ours[p["kind"]] += h
        tot[p["kind"]] += n
        rec_diff[p["kind"]] += recall(p, dl)[0]
        verdicts[(p["kind"], cmp.verdict)] += 1
    spurious = sum(
        len(c.passages) for p, c in zip(pairs, ours_res, strict=True) if p["kind"] == "unrelated"
    )

    n = len(pairs)
    print(
        "\n| engine | pairs/s (1 core, CPU) | pairs/s (1 core, wall) | CPU µs/pair "
        "| pairs/s (2 workers, full JSON incl. quotes, wall) | peak MiB (200 pairs) "
        "| passage recall |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    all_ours = sum(rec_ours.values()) / sum(tot.values())
    all_diff = sum(rec_diff.values()) / sum(tot.values())
    print(
        f"| storytrace compare, alignment only (align.BULK) | {n / cpu['align']:.0f} | "
        f"{n / wall['align']:.0f} | {1e6 * cpu['align'] / n:.0f} | - | "
        f"{peak_ours / 2**20:.1f} | {all_ours:.3f} |"
    )
    print(
        f"| storytrace compare, full (quotes, spin, findings) | {n / cpu['full']:.0f} | "
        f"{n / wall['full']:.0f} | {1e6 * cpu['full'] / n:.0f} | {n / t_batch:.0f} | - | "
        f"{all_ours:.3f} |"
    )
    print(
        f"| difflib.SequenceMatcher (words) | {n / cpu['difflib']:.0f} | "
        f"{n / wall['difflib']:.0f} | {1e6 * cpu['difflib'] / n:.0f} | - | "
        f"{peak_diff / 2**20:.1f} | {all_diff:.3f} |"
    )
    nc = len(char_res)
    print(
        f"| difflib.SequenceMatcher (chars, autojunk off; {nc} pairs) | {nc / t_char:.1f} | - | "
        f"- | {rec_char / tot_char:.3f} |"
    )
    print(
        f"\nthroughput ratio storytrace alignment / difflib words (CPU, 1 core each): "
        f"{t_diff / t_ours:.2f}x; full compare / difflib words: {t_diff / cpu['full']:.2f}x"
    )
    print(
        f"throughput ratio storytrace / difflib chars (1 core each): "
        f"{(nc / t_char and (n / t_ours) / (nc / t_char)):.1f}x"
    )
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    label = "batch mode (compare_records, 2 workers, full JSON), the pairs above"
    print(batch_line(label, n, t_batch, c_workers, c_parent))
    label = f"batch mode, all {len(corpus)} pairs of {args.corpus_texts} texts"
    print(batch_line(label, len(corpus), *corpus_times))
    print("\n| pair kind | injected paragraphs | storytrace recall | difflib recall |")
    print("| --- | --- | --- | --- |")
    for kind in ("edited", "excerpt", "reordered"):
        print(
            f"| {kind} | {tot[kind]} | {rec_ours[kind] / tot[kind]:.3f} | "
            f"{rec_diff[kind] / tot[kind]:.3f} |"
        )
    print(f"\npassages reported on {n // 4} unrelated pairs: {spurious}")
    print("\n| pair kind | verdicts |")
    print("| --- | --- |")
    for kind in ("edited", "excerpt", "reordered", "unrelated"):
        vs = ", ".join(f"{v}: {c}" for (k, v), c in sorted(verdicts.items()) if k == kind)
        print(f"| {kind} | {vs} |")


if __name__ == "__main__":
    main()
