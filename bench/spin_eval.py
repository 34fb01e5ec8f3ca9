"""Spun text against its source, on BBC articles spun by bench/spinner.py.

For each rate (share of content words the spinner tries to replace), N BBC
articles (sampled with a fixed seed across the five categories) are spun and
compared with their source:

- pairing recall: compare's verdict says the two are related by reuse
  (duplicate, spun, copied or reworded);
- spun verdict: share of pairs with verdict ``spun``;
- synonym swaps: a replaced word counts as found when a ``synonym`` edit covers
  it in the spun text; precision is the share of ``synonym`` edits that cover a
  replaced word;
- spin flags (no source): share of the spun articles on which ``storytrace
  spin`` (which sees the spun text alone) flags something.

Then unrelated pairs (two different articles of the same BBC category) must
never get ``spun``, and ``storytrace spin`` runs on every unspun BBC article to
measure its false-positive rate (articles with at least one flag).

    .venv/bin/python bench/spin_eval.py [--per-rate 100] [--unrelated 500]
        [--rates 0.1,0.2,0.3,0.4,0.5] [--spinner-thesaurus moby|wordnet|embed]
        [--split tune|measure|both] [--light N] [--human N] [--both-orders]
        [--dump FILE] [--prev] [--semantic lexical|embedding] [--data ../shared/data]
        [--scale | --flags]

Samples are drawn per split and purpose (``sampler``), so a one-split run draws the same
articles as a two-split run (before 2026-12-01 09:00 they did not, which is how a
``--split measure`` check once found other figures than the standard run). Each row
prints its n, a 95% Wilson interval for the ``spun`` share, a 95% bootstrap interval
(resampling articles) for swap recall, the CPU seconds, and with ``--both-orders`` how
many pairs get another verdict as ``compare(B, A)``. ``--dump`` writes the tune split's
errors only (missed swaps, spun negatives): errors are read there, never on measure.

Third pass of issue 14 (2026-12-01 09:00-09:45 UTC). 200 spun articles per rate and split,
250 unrelated same-category pairs, 80 MSRP pseudo-articles and 200 synthetic light
revisions per split; WordNet from the table inside the package (no Debian files on this
machine: what ``pip install storytrace[spin]`` gives). Commands (CPU 28-65 s each,
5-8 min of wall time at load 15-25):

    STORYTRACE_MOBY=none nice -n 10 .venv/bin/python bench/spin_eval.py --per-rate 200 \
        --unrelated 500 --human 80 --light 200 --rates 0.15,0.3,0.45 \
        --spinner-thesaurus moby --split tune --no-detect --both-orders
    STORYTRACE_WORDNET=none ... --spinner-thesaurus wordnet ...
    ... --spinner-thesaurus embed ...            (detector: Moby + WordNet)
    and the same with --split measure; baseline: the same script with
    PYTHONPATH=<checkout of 0279fe9>/src (main at the start of the pass), same samples.

What changed (spin.py): the pair is read both ways and the reading with more spin is kept
(``compare(spun, source)`` used to be ``copied``: the orders disagreed on 29-200 of 200
pairs per row below); a spun passage grows over the swaps at its two ends (a passage
starts and ends on equal words: swap recall at 0.45, Moby -> WordNet only, tune, 0.866 ->
0.976 with the other changes); runs of up to six swaps and one or two plain words added
before a content word count as swaps in a spun passage; sentences paired later are
labelled with the first passages as context; no passage is spun unless the pair's
pooled replacements reach 10% of its content words (was 4%) with the article rule's
shares of other edits and rarer words. The error reading behind the last one (tune only):
of 1,113 tune light revisions, 10 (Moby only) and 5 (WordNet only) were spun; most by the
backward reading (an editor who swaps words for the commonest synonym, read backwards,
puts in rarer words) or by one passage's thesaurus swaps alone; editors swap 2.5-8% of
content words (95th percentile), a spinner at 0.15 9-14%. After: 7 and 5 of 1,113.

Rates 0.15 / 0.30 / 0.45, n = 200 each; swap precision 1.000 in every row (the spinner
changes nothing else); pairing recall 1.000:

| spinner->detector | split | spun verdict | swap recall [95% CI] | orders differ |
|---|---|---|---|---|
| Moby->WN | tune | .920 1.00 1.00 | .942 [.912,.967] .985 [.981,.988] .976 [.971,.981] | 1 0 0 |
| Moby->WN | meas. | .885 .995 1.00 | .902 [.853,.940] .985 [.976,.990] .973 [.966,.979] | 0 0 0 |
| baseline | meas. | .985 .995 1.00 | .942 .923 .860 | 197 199 200 |
| WN->Moby | tune | .895 .995 1.00 | .928 [.906,.947] .965 [.955,.971] .965 [.961,.968] | 0 0 0 |
| WN->Moby | meas. | .845 1.00 .995 | .908 [.880,.931] .968 [.964,.972] .958 [.952,.963] | 0 0 0 |
| baseline | meas. | .970 1.00 1.00 | .898 .910 .890 | 193 79 29 |
| embed->all | tune | .920 .975 .990 | .961 [.941,.978] .988 [.978,.997] .996 [.992,.999] | 0 0 0 |
| embed->all | meas. | .970 .980 .995 | .985 [.972,.995] .989 [.977,.997] .994 [.987,.998] | 1 0 0 |
| baseline | meas. | .965 .980 .995 | .949 .950 .926 | 195 172 171 |

95% Wilson intervals of the spun share at n = 200: about +-0.04 at 0.9, [0.98, 1.00] at
1.00. The ``spun`` verdict at 0.15 fell (0.97-0.99 -> 0.85-0.97 on measure): the 10%
density floor sits at a 0.15 spinner's lower edge; swap recall there stayed at or above
0.90. Of the remaining order differences (2 of 3,600 spun pairs, 1 of 1,200 light
revisions), the tune one comes from the alignment, which splits the pair differently in the
two orders (one more replacement in one of them); the measure ones were not read.

Negatives, spun verdicts (both orders agree on every one unless said):

| negatives | n per split | tune (3 runs) | measure (3 runs) | measure, baseline |
|---|---|---|---|---|
| unrelated same-category | 250 | 0 0 0 | 0 0 0 | 0 0 0 |
| MSRP human paraphrases | 80 | 0 0 0 | 0 0 0 | 0 0 0 |
| hand-written light fixtures | 2 | - | 0 0 0 | 0 0 0 |
| synthetic light revisions | 200 | 1 0 0 | 1 3 3 (1 differs) | 5 7 7 (14-17 differ) |

(Runs in the order Moby -> WordNet, WordNet -> Moby, embed -> both; WN = WordNet only,
Moby = Moby only.) The measure split
was run twice: first with the density floor alone (light revisions 1 / 6 / 5, all else
as above), then once more after the rarity condition was added to the pair gate from
the tune sweep of 1,113 light revisions; both are reported. The synthetic light
revisions are not clean: 0.5-1.5% are still spun. Their "editor" is a program that
swaps a word for its most frequent thesaurus synonym, sense-blind ("digital chart" ->
"even way"); read backwards that is a spinner drawing rarer words from the thesaurus,
and density, other edits and rarity overlap there with a real spinner at 0.15.

The recogniser uses every thesaurus present (``synonyms.sources()``, printed on
the first line); ``STORYTRACE_WORDNET=none`` hides WordNet from it (WordNet ships in
the package since issue 14) and ``STORYTRACE_MOBY=none`` hides Moby. The spinner
reads its thesaurus either way.

Both thesauri, Moby spinner, after spin-by-edit-pattern (2026-12-01 04:20 UTC, 100
per rate, 500 unrelated pairs; ``--per-rate 100 --unrelated 500 --rates 0.1,0.3,0.5``):
rate 0.1 spun verdict 0.000 -> 0.970, swap recall 0.969 -> 0.975; 0.3: 1.000, 0.967;
0.5: 1.000, 0.917 -> 0.934; precision 1.000; 0 spun of 500 unrelated pairs; the
hand-written light revision (tests/fixtures/verdict/light.txt) stays ``copied``.
WordNet now ships in the package, so these are also the figures of a plain
``pip install storytrace[spin]`` with no Debian WordNet (the package table and
Debian's files give identical synonym sets for all 109,974 lemmas).

Cross-thesaurus protocol (issue 14): spin with one thesaurus, detect with it
withheld; a third spinner thesaurus is the nearest neighbours of a word in
WordLlama's static embeddings (bench/spinner.py ``--thesaurus embed``, the
``[bench]`` extra; storytrace never reads it). Source articles are split: even
positions in the sorted BBC list tune (the spin.ARTICLE_* thresholds were
grid-searched there), odd ones only measure; the human negatives likewise (MSRP
train pairs by the parity of their first id; the hand-written light fixture is
measured only). In the second pass (the tables below, earlier samples) each spun pair was
compared twice in the same process: ``now`` and ``prev`` (in the 06:25 table: the
pair-level pattern, spin.ARTICLE_*, turned off; since the spread rule, ``prev`` turned off
only that rule: see the 07:00 table); ``--prev`` does that now (the pattern off).
2026-12-01 05:35 UTC, about 1-4 min per run on the shared 2-core machine:

    STORYTRACE_MOBY=none nice -n 10 .venv/bin/python bench/spin_eval.py --per-rate 50 \
        --unrelated 500 --human 40 --rates 0.15,0.3,0.45 --spinner-thesaurus moby
    STORYTRACE_WORDNET=none ... --spinner-thesaurus wordnet
    nice -n 10 .venv/bin/python bench/spin_eval.py ... --spinner-thesaurus embed

Rates 0.15 / 0.30 / 0.45, now (prev); 2026-12-01 06:25 UTC:

| spinner / recogniser | split | spun verdict | swap recall |
|---|---|---|---|
| Moby / WordNet | tune | 1.00 1.00 1.00 (0.24 0.34 0.40) | .953 .920 .857 (.295 .334 .282) |
| Moby / WordNet | measure | 1.00 1.00 1.00 (0.30 0.34 0.24) | .950 .935 .868 (.389 .348 .233) |
| WordNet / Moby | tune | 0.98 1.00 1.00 (0.80 0.90 1.00) | .901 .913 .902 (.841 .864 .860) |
| WordNet / Moby | measure | 0.98 1.00 1.00 (0.76 0.82 0.94) | .910 .901 .890 (.844 .840 .843) |
| embed / both | tune | 0.96 0.96 1.00 (0.80 0.86 0.90) | .949 .937 .936 (.870 .858 .826) |
| embed / both | measure | 0.90 1.00 1.00 (0.64 0.88 0.86) | .912 .950 .931 (.732 .853 .786) |

Swap precision 1.000 in every row (the spinner changes nothing else, so this does not
measure precision on real edits); pairing recall 1.000. Spun verdicts on negatives, in
each of the three runs: 0 of 500 unrelated same-category pairs, 0 of 80 MSRP
pseudo-articles (8 human paraphrase pairs each), 0 of 80 synthetic light revisions, 0 on
the two hand-written light fixtures. With Moby + WordNet and the Moby spinner (rates
0.1/0.3/0.5) nothing changed: spun 0.98/1.00/1.00, swap recall 0.97/0.98/0.96, and 1 of
40 synthetic light revisions of the measure split is ``spun`` (now and prev alike: the
density rule). All with the WordNet table inside the package (no Debian WordNet).

``--edited``: the spinner runs over an editor's light revision (revision_eval's
``edits`` variant), so B holds an editor's edits beside the swaps and precision meets
real edits (an editor's own thesaurus synonym counts against it here).

Spread through the text (issue 14; 2026-12-01 07:00 UTC; REMOVED at 07:45: it made the
hand-written light revision tests/fixtures/verdict/light.txt, compared against
original.txt in that order, ``spun``; the figures below are what it measured while it
existed). spin.ARTICLE_SPREAD_* called a
pair spun with more other edits (up to 0.65 of its short replacements) and fewer rarer
words (half) when its short replacements touch at least 70% of the sentences of its
passages (spin.spread; a spinner 0.7-0.9, synthetic light revisions 0.3-0.6, MSRP
paraphrases about 0.3 on the tune split). The table: ``now`` beside ``prev`` (the same
run with the spread rule out of reach: the detector of 06:25 above), same pairs:

    STORYTRACE_MOBY=none nice -n 10 .venv/bin/python bench/spin_eval.py --edited \
        --per-rate 50 --unrelated 0 --human 0 --rates 0.15,0.3 --spinner-thesaurus moby \
        --no-detect     (and likewise for wordnet / embed / Moby with both thesauri)

| spinner / recogniser | split | spun verdict 0.15 0.30 | swap recall | swap precision |
|---|---|---|---|---|
| Moby / WordNet | tune | 0.86 0.98 (0.72 0.94) | .668 .799 (.598 .788) | .731 .902 (.712 .901) |
| Moby / WordNet | measure | 0.86 0.94 (0.72 0.92) | .699 .766 (.642 .759) | .745 .898 (.735 .896) |
| WordNet / Moby | tune | 0.72 0.98 (0.58 0.90) | .739 .832 (.687 .819) | .735 .875 (.727 .874) |
| WordNet / Moby | measure | 0.76 0.96 (0.60 0.96) | .751 .819 (.681 .817) | .734 .878 (.720 .878) |
| embed / both | tune | 0.74 0.98 (0.56 0.92) | .741 .854 (.628 .816) | .760 .893 (.737 .891) |
| embed / both | measure | 0.82 0.96 (0.76 0.94) | .776 .856 (.734 .846) | .744 .886 (.737 .885) |
| Moby / both | tune | 0.98 1.00 (0.96 1.00) | .905 .918 (.901 .918) | .767 .887 (.768 .887) |
| Moby / both | measure | 0.94 1.00 (0.92 1.00) | .898 .899 (.894 .899) | .757 .890 (.757 .890) |

It helps on both splits and changes nothing on the negatives: in the plain runs
(``--per-rate 50 --unrelated 500 --human 40 --rates 0.15,0.3,0.45 --no-detect``, each
spinner; Moby with both thesauri at 0.1/0.3/0.5) 0 ``spun`` of 500 unrelated pairs, 80 MSRP
pseudo-articles, 80 synthetic light revisions and the two hand-written light fixtures,
now and prev alike; on spun articles without an editor it changes little (spun verdict
0.90 -> 0.94 at 0.15 in the embed / measure row, 0.96 -> 0.98 at 0.15 and 0.30 embed /
tune, 0.98 -> 1.00 WordNet / measure at 0.15, the rest equal; swap recall equal or up
to +0.03). The targets are still not met on this
hard case: ``spun`` 0.72-0.86 at 0.15 with a thesaurus withheld, swap recall 0.67-0.86
at precision 0.73-0.90. The hand-written light revision touches 9 of its 10 sentences
(spread 0.9): only its rarity share (5 of 13 replacements rarer) keeps it ``copied``.

Replacement similarity in static embeddings, tried and not kept (same runs, 06:56 UTC):
an unexplained short replacement counted as ``close`` when the cosine of its two sides'
mean WordLlama token vectors (read from the wheel's files) reached 0.4, and a spread pair
with a rarity share up to 0.15 short of 0.5 was spun when 40% of its unexplained
replacements were close. It added 0.02 to the WordNet / Moby ``--edited`` spun verdict on
tune (0.72 -> 0.74), 0.04-0.08 to the embed spinner's (circular: that spinner draws from
the same embeddings), nothing to Moby / WordNet; and it turned the hand-written light
revision (measure only) ``spun`` in every run: an editor's replacements are synonyms too
and close in embedding space ("said"/"stated" 0.55), while a sense-blind spinner's rare
words split into word pieces and score about 0 ("year"/"twelvemonth"). Rarity separates
them; closeness does not. So storytrace reads no embeddings.

``--scale`` calibrates and measures the likelihood of ``storytrace spin`` (no source) on
BBC News and PolNeAR (train tunes, dev only measures), with the previous BBC-only scale
beside the shipped one in the same run (``BBC_ONLY_SCALE``); figures of the run of
2026-12-01 20:45 UTC (``.venv/bin/python bench/spin_eval.py --scale``, 2 min 50 s) in
docs/verdict.md and spin.SCALE. ``--split tune`` or ``measure`` runs one split (each split
draws from a generator of its own since session 41; before, one generator ran through
both, so those figures came from other samples); a measure-only run has no refit.

Session 41 (2026-12-04, trust41): the rarity signals and the rare-word gate count
different words (a word's inflections once) and leave out quoted fragments (quotations
opening with a lower-case letter), then the weights were refitted on tune. Found by
``storytrace spin`` over all 2,225 BBC texts: 4 read "likely spun" (a wine report naming
growers "vintners" four times; a politician's quoted "brigands, muggers"; a magazine's
quoted "revelatory debut", "unforced"; a TV report with two rare words of its own and two in
quoted sentences). Leaving out every quotation was tried on tune and not kept: the spinners
rewrite quotations as any other text, and "likely spun" fell 0.675 -> 0.545 (BBC) and 0.715
-> 0.57 (PolNeAR) of the Moby and WordNet spinners' articles; the fragments alone cost 0 and
0.025. Keep rule, written before the measure-only run (03:57 UTC): per corpus,
spun articles (Moby and WordNet, all rates pooled) reaching 0.8 and 0.5 fall by at most 2
articles, and unspun ones reaching 0.8 and 0.95 do not rise. Commands, base = main 3b47724
(``git archive`` of its src), same script and samples, one run each::

    PYTHONPATH=<base>/src .venv/bin/python bench/spin_eval.py --scale --split measure \
        --data ../shared/data
    PYTHONPATH=src .venv/bin/python bench/spin_eval.py --scale --split measure --data ../shared/data
    (and --split tune, which gave the refit: collocation 2.59, rare_thesaurus 1.85,
    rare_any 0.04, uncommon 0.71, bias -2.38; tortured 0.07 kept at 0)

Measure-only split, shipped weights of each, share reaching the likelihood (n: BBC 300
unspun, 25 per spinner and rate; PolNeAR dev 84 unspun, 7 per cell):

| corpus | at least | version | unspun | Moby .1-.45 | WordNet .1-.45 | embed .1-.45 | Moby+WN |
|---|---|---|---|---|---|---|---|
| BBC | 0.5 | base | .06 | .80 1 1 1 | .56 .96 .96 1 | .08 .12 .16 .16 | 182/200 |
| BBC | 0.5 | now | .03 | .84 1 1 1 | .56 .88 .96 1 | .08 .16 .16 .20 | 181/200 |
| BBC | 0.8 | base | 0 | .32 .88 1 1 | .16 .48 .68 .92 | 0 0 0 0 | 136/200 |
| BBC | 0.8 | now | 0 | .28 .88 1 1 | .16 .48 .68 .92 | 0 0 0 0 | 135/200 |
| BBC | 0.95 | base | 0 | .12 .76 1 1 | .04 .32 .64 .92 | 0 0 0 0 | .60 |
| BBC | 0.95 | now | 0 | .08 .76 1 1 | .04 .24 .68 .92 | 0 0 0 0 | .59 |
| PolNeAR | 0.5 | base | .11 | 1 1 1 1 | 1 1 1 1 | 0 .29 .29 .29 | 56/56 |
| PolNeAR | 0.5 | now | .13 | 1 1 1 1 | .86 1 1 1 | 0 .29 .29 .29 | 55/56 |
| PolNeAR | 0.8 | base | 0 | .29 1 1 1 | .14 .86 1 1 | 0 0 0 0 | 44/56 |
| PolNeAR | 0.8 | now | 0 | .29 1 1 1 | 0 .71 1 1 | 0 0 0 0 | 42/56 |
| PolNeAR | 0.95 | base | 0 | .29 1 1 1 | 0 .43 1 1 | 0 0 0 0 | .71 |
| PolNeAR | 0.95 | now | 0 | .29 1 1 1 | 0 .57 1 1 | 0 0 0 0 | .73 |

The rule held (PolNeAR at 0.8 at its limit: 2 of 56 lost, both WordNet-spun). Tune split,
same commands: at 0.8 BBC 137 -> 135 of 200, PolNeAR 144 -> 137 of 200; unspun 0.8 BBC
2 -> 0 of 300, PolNeAR 2 -> 0. All 2,225 BBC texts (both splits, the four above included,
so not a measure): "likely spun" 4 -> 1, flagged 10 -> 7, at least 0.5 139 -> 124. The one
left is the TV report (0.80): "bemoan" and "bespectacled" are the writer's, "vegetating" and
"fractious" sit in quotations of a sentence each, which still count. Two of the four (the
wine and magazine reports) are at odd positions, in the measure split's pool: the rules were
written after reading them, so their BBC measure sample is not clean of them if drawn.

Session 42 (2026-12-04 13:20 UTC, trust42): a collocation swap is corroborated only by
another phrase, not by itself said twice (BBC tech 041 and its duplicate 376, a phone sold
as a "pocket office" in the headline and the text, read as two spun "box office"s).
``spin.detect`` alone (no compare) on this script's samples (BBC by position, Moby spinner,
``sampler(split, "rate R")``, 200 per rate), base = main at 40db5ae in the same run; articles
with any flag:

| split | unspun BBC | spun 0.15 | spun 0.30 | spun 0.45 |
|---|---|---|---|---|
| tune, base / now | 3 / 2 of 1113 | 143 / 143 | 190 / 190 | 199 / 199 |
| measure, base / now | 4 / 1 of 1112 | 134 / 134 | 193 / 193 | 198 / 198 |

Session 43 (2026-12-04 14:40 UTC, spin43): two more unspun BBC articles flagged, each by a
phrase that is also plain English. Politics 050: "an international marketing campaign" for
tourists in a story about a smoking ban, a spun "campaign" because the story is political;
now the phrase's own sentence must name something political (``spin._political_sentence``).
Tech 337: "search facility" and "press attention" vouched for each other as two collocation
swaps; there are no phrase counts here to check a phrase against unspun English, and a swap
to an everyday word (Zipf >= ``spin.EVERYDAY_ZIPF`` 4.5) often makes an ordinary phrase, so
such swaps need a flag beside them that is no such swap. On tune, EVERYDAY_ZIPF 5.0 left
tech 337 flagged, 4.0 and 4.5 gave the table's figures, 3.5 lost one spun article each of
Moby 0.15 and WordNet 0.45. Keep rule, written first: on tune, unspun articles with any
flag do not rise and spun ones flagged fall by at most 1 point at any rate, for either
spinner. ``spin.detect`` alone on this script's samples (as in session 42, plus the WordNet
spinner), base = ``git archive`` of main at bb8a329 in the same run; articles with any flag.
The figures came from a scratch script with this script's samples; ``--flags``, added after,
gives the same tune figures (checked: both spinners)::

    PYTHONPATH=<base or worktree>/src nice -n 10 .venv/bin/python bench/spin_eval.py --flags \
        --split tune --per-rate 200 --rates 0.15,0.3,0.45 --spinner-thesaurus moby
    (and --spinner-thesaurus wordnet; --split measure once, at the end)

| split | unspun BBC | Moby .15 .30 .45 | WordNet .15 .30 .45 |
|---|---|---|---|
| tune, base | 2 of 1113 | 143 190 199 | 48 140 174 |
| tune, now | 1 of 1113 | 143 190 199 | 48 140 174 |
| measure, base | 1 of 1112 | 134 193 198 | 49 135 181 |
| measure, now | 0 of 1112 | 134 193 198 | 48 134 181 |

The rule held. The one tune article left is entertainment 311 (rare words, above). Politics
050 sits at an odd position: the measure split's unspun figure is not clean of it. The
likelihood is unchanged (its signals count every collocation swap, reported or not).

Before the pair-level pattern (2026-12-01 04:00 UTC, previous session): Moby / WordNet
only spun 0.24 / 0.20 / 0.26, swap recall 0.26 / 0.21 / 0.18; WordNet / Moby only spun
0.72 / 0.98 / 0.94, swap recall 0.77 / 0.83 / 0.75 (no split then).

Results (2026-11-23, rerun at 05:05 UTC: 100 spun articles per rate, 500
unrelated pairs, about 11 s per run; default compare, which pairs the free
sentences synonym-aware once a passage is spun). The second command of each
pair hides WordNet (Debian's wordnet-base) from the recogniser.

Moby spinner:

    .venv/bin/python bench/spin_eval.py --per-rate 100 --unrelated 500
    STORYTRACE_WORDNET=/nonexistent .venv/bin/python bench/spin_eval.py --per-rate 100 \
        --unrelated 500

| rate | words replaced | pairing R | spun verdict | swap R | swap P | spin flags, no source |
|---|---|---|---|---|---|---|
| 0.1 | 21/article | 1.000 | 0.000 | 0.969 | 1.000 | 0.42 |
| 0.2 | 42/article | 1.000 | 1.000 | 0.966 | 1.000 | 0.86 |
| 0.3 | 60/article | 1.000 | 1.000 | 0.961 | 1.000 | 0.93 |
| 0.4 | 73/article | 1.000 | 1.000 | 0.945 | 1.000 | 1.00 |
| 0.5 | 100/article | 1.000 | 1.000 | 0.917 | 1.000 | 1.00 |

That is the recogniser with Moby + WordNet; with WordNet hidden (Moby alone) the
only change is swap recall 0.916 at 0.5. Before compare paired free sentences
on evidence of spin, swap recall at 0.5 was 0.760: half the words swapped
leaves many sentences with no word trigram in common with their source.

WordNet spinner, the honest case of a spinner whose thesaurus is not (only) the
recogniser's:

    .venv/bin/python bench/spin_eval.py --per-rate 100 --unrelated 500 --spinner-thesaurus wordnet
    STORYTRACE_WORDNET=/nonexistent .venv/bin/python bench/spin_eval.py --per-rate 100 \
        --unrelated 500 --spinner-thesaurus wordnet

| rate | recogniser | spun verdict | swap recall | swap precision | spin flags (no source) |
|---|---|---|---|---|---|
| 0.1 | Moby only | 0.000 | 0.576 | 1.000 | 0.11 |
| 0.2 | Moby only | 0.050 | 0.537 | 1.000 | 0.41 |
| 0.3 | Moby only | 0.760 | 0.531 | 1.000 | 0.74 |
| 0.4 | Moby only | 0.870 | 0.495 | 1.000 | 0.84 |
| 0.5 | Moby only | 0.930 | 0.465 | 1.000 | 0.94 |
| 0.1 | Moby + WordNet | 0.000 | 0.914 | 1.000 | 0.11 |
| 0.2 | Moby + WordNet | 0.970 | 0.921 | 1.000 | 0.41 |
| 0.3 | Moby + WordNet | 1.000 | 0.908 | 1.000 | 0.74 |
| 0.4 | Moby + WordNet | 1.000 | 0.897 | 1.000 | 0.84 |
| 0.5 | Moby + WordNet | 1.000 | 0.886 | 1.000 | 0.94 |

Pairing recall is 1.000 in every row; the pairs not ``spun`` are ``copied``.
Moby alone finds only about half of WordNet's swaps, which is why WordNet is
read when installed. Swap precision stays 1.0 even with different thesauri:
the spinner changes nothing else, so every ``synonym`` edit lies on a swap; on
real edits an editor's own synonym choice ("said" for "stated") is a
``synonym`` edit too, by design. The spin-flag column is the same with WordNet
loaded or hidden.

Unrelated same-category pairs: 500, spun verdicts 0 in all four runs (468
unrelated, 32 same-story). ``storytrace spin`` on the 2,225 unspun BBC
articles flags 16 (0.7% of articles), the same 16 articles with the same flags
with WordNet loaded or hidden: 10 by clusters of rare thesaurus words
("restate", "truants", "vintners", "metatarsal" in sports injury stories), 5
by collocations with a synonym ("cut rates", "pocket office"), 1 by a known
spinner phrase. Without the rare-word flags it was 6 (0.3%) but caught only
2 of 100 articles spun at 0.3; with them it catches 93 of 100 (Moby spinner)
or 74 (WordNet spinner). At 0.1 the verdict used to be ``copied`` (that density of
swaps looks like an editor's light revision); the edit pattern now tells them apart.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from storytrace import spin as spin_mod
from storytrace import synonyms
from storytrace.align import Options, compare
from storytrace.spin import detect

sys.path.insert(0, str(Path(__file__).parent))
from revision_eval import make  # noqa: E402
from spinner import spin  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
BBC = DATA / "bbc" / "bbc"
MSRP = DATA / "msrp" / "msr_paraphrase_train.txt"
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "verdict"
REUSE = {"duplicate", "spun", "copied", "reworded"}
SPLITS = {"tune": 0, "measure": 1}
"""Source articles by position in the sorted BBC list (and MSRP pairs by their first
id): even ones tune the rules, odd ones only measure them."""
DETECTORS = ("now", "previous")


def load() -> list[tuple[str, str]]:
    out = []
    for path in sorted(BBC.glob("*/*.txt")):
        out.append((path.parent.name, path.read_text(encoding="utf-8", errors="replace")))
    return out


def msrp_articles(split: str, size: int = 8) -> list[tuple[str, str]]:
    """Human rewrites: MSRP's paraphrase pairs (train file only), ``size`` sentence pairs
    to a pseudo-article, first sentences as A and second as B."""
    if not MSRP.is_file():
        return []
    with open(MSRP, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    pos = [r for r in rows if r[0] == "1" and int(r[1]) % 2 == SPLITS[split]]
    return [
        ("\n\n".join(r[3] for r in pos[k : k + size]), "\n\n".join(r[4] for r in pos[k : k + size]))
        for k in range(0, len(pos) - size + 1, size)
    ]


@contextlib.contextmanager
def detector(which: str) -> Iterator[None]:
    """``previous``: the rules before the pair-level pattern (spin.ARTICLE_*), in the same
    process, so both detectors see the same pairs."""
    keep = spin_mod.ARTICLE_MIN_SWAPS
    if which == "previous":
        spin_mod.ARTICLE_MIN_SWAPS = 10**9
    try:
        yield
    finally:
        spin_mod.ARTICLE_MIN_SWAPS = keep


def overlaps(x: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < x[1] and x[0] < e for s, e in spans)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a share k/n."""
    if not n:
        return (0.0, 1.0)
    p = k / n
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, mid - half), min(1.0, mid + half))


def ratio_ci(pairs: list[tuple[int, int]], rounds: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of sum(hits)/sum(totals), resampling articles (the swaps of
    one article are not independent draws)."""
    if not pairs:
        return (0.0, 1.0)
    rng = np.random.default_rng(11)
    arr = np.array(pairs, dtype=float)
    idx = rng.integers(0, len(arr), size=(rounds, len(arr)))
    hits, tot = arr[idx, 0].sum(axis=1), arr[idx, 1].sum(axis=1)
    vals = np.sort(hits / np.maximum(tot, 1))
    return (float(vals[int(0.025 * rounds)]), float(vals[int(0.975 * rounds) - 1]))


def sampler(split: str, what: str) -> random.Random:
    """A generator seeded by split and purpose only, so ``--split measure`` alone draws
    the same articles as ``--split both`` (before 2026-12-01 09:00 one generator ran
    through both splits, and a one-split run drew another sample)."""
    return random.Random(f"spin_eval/{split}/{what}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-rate", type=int, default=100, help="spun articles per rate and split")
    ap.add_argument("--rates", default="0.1,0.2,0.3,0.4,0.5")
    ap.add_argument("--unrelated", type=int, default=500, help="unrelated pairs (half per split)")
    ap.add_argument("--human", type=int, default=40, help="MSRP pseudo-articles per split")
    ap.add_argument("--light", type=int, default=None, help="synthetic light revisions per split")
    ap.add_argument("--spinner-thesaurus", choices=["moby", "wordnet", "embed"], default="moby")
    ap.add_argument("--split", choices=["tune", "measure", "both"], default="both")
    ap.add_argument("--no-detect", action="store_true", help="skip storytrace spin on all articles")
    ap.add_argument(
        "--prev",
        action="store_true",
        help="also run each pair with the pair-level pattern (spin.ARTICLE_*) off",
    )
    ap.add_argument(
        "--both-orders",
        action="store_true",
        help="also compare each pair as (B, A) and count verdicts that differ from (A, B)",
    )
    ap.add_argument(
        "--dump",
        default=None,
        help="write the tune split's errors (missed swaps, spun negatives) to this JSONL file",
    )
    ap.add_argument("--data", default=None, help="the shared data folder (default ../shared/data)")
    ap.add_argument(
        "--edited",
        action="store_true",
        help="spin an editor's light revision of each article (compared with the original)",
    )
    ap.add_argument(
        "--scale",
        action="store_true",
        help="only calibrate and measure the likelihood scale of storytrace spin (no source)",
    )
    ap.add_argument(
        "--flags",
        action="store_true",
        help="only count articles with any storytrace spin flag (no source): the split's "
        "unspun BBC articles and the spun ones of each rate",
    )
    ap.add_argument(
        "--semantic",
        default=None,
        help="compare's Options.semantic (lexical|embedding): also pair sentences left free",
    )
    args = ap.parse_args()
    if args.data:
        global DATA, BBC, MSRP
        DATA = Path(args.data)
        BBC = DATA / "bbc" / "bbc"
        MSRP = DATA / "msrp" / "msr_paraphrase_train.txt"
    arts = load()
    if not arts:
        sys.exit(f"no BBC articles under {BBC}")
    if args.scale:
        scale_eval(arts, list(SPLITS) if args.split == "both" else [args.split])
        return
    if args.flags:
        flags_eval(arts, args)
        return
    opts = Options(semantic=args.semantic, quotes=False, spin=False)
    detectors = DETECTORS if args.prev else DETECTORS[:1]
    splits = list(SPLITS) if args.split == "both" else [args.split]
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    cpu0 = time.process_time()
    print(
        f"BBC: {len(arts)} articles; {args.per_rate} spun per rate and split with "
        f"{args.spinner_thesaurus}; semantic={args.semantic}; thesauri {synonyms.sources()}; "
        f"edited first: {args.edited}; detectors {detectors}; both orders {args.both_orders}"
    )
    print(
        "| split | rate | pairs | words replaced | pairing recall | spun verdict [95% CI] "
        "| swap recall [95% CI] | swap precision | orders differ | spin flags (no source) "
        "| CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    by_cat: dict[tuple[str, str], list[int]] = {}
    for i, (cat, _) in enumerate(arts):
        by_cat.setdefault((cat, "tune" if i % 2 == 0 else "measure"), []).append(i)
    for split in splits:
        pool = [i for i in range(len(arts)) if i % 2 == SPLITS[split]]
        for rate in (float(r) for r in args.rates.split(",")):
            c0 = time.process_time()
            sample = sampler(split, f"rate {rate:.2f}").sample(pool, args.per_rate)
            verdicts = {d: Counter() for d in detectors}
            per_art: dict[str, list[tuple[int, int]]] = {d: [] for d in detectors}
            syn = dict.fromkeys(detectors, 0)
            syn_ok = dict.fromkeys(detectors, 0)
            n_true = n_flagged = differ = 0
            for k in sample:
                src = arts[k][1]
                # --edited: an editor's light revision first, then the spinner; the
                # editor's edits are not swaps, so precision measures something.
                base = make("light", src, src, random.Random(k), "edits") if args.edited else src
                spun, swaps = spin(base, rate, seed=k, thesaurus=args.spinner_thesaurus)
                if not args.no_detect:
                    n_flagged += bool(detect(spun).flags)
                truth = [s.b for s in swaps]
                n_true += len(truth)
                for d in detectors:
                    with detector(d):
                        cmp = compare(src, spun, opts)
                        if args.both_orders and d == "now":
                            differ += compare(spun, src, opts).verdict != cmp.verdict
                    verdicts[d][cmp.verdict] += 1
                    got = [e.b for p in cmp.passages for e in p.edits if e.op == "synonym"]
                    hit = [t for t in truth if overlaps(t, got)]
                    per_art[d].append((len(hit), len(truth)))
                    syn[d] += len(got)
                    syn_ok[d] += sum(1 for x in got if overlaps(x, truth))
                    if dump and split == "tune" and d == "now":
                        missed = [s for s in swaps if not overlaps(s.b, got)]
                        dump.write(
                            json.dumps(
                                {
                                    "kind": "spun",
                                    "rate": rate,
                                    "article": k,
                                    "verdict": cmp.verdict,
                                    "missed": [[s.old, s.new, s.b] for s in missed],
                                    "found": len(hit),
                                    "swaps": len(truth),
                                }
                            )
                            + "\n"
                        )
            n = len(sample)
            cells = []
            for d in detectors:
                reuse = sum(v for key, v in verdicts[d].items() if key in REUSE)
                n_spun = verdicts[d]["spun"]
                lo, hi = wilson(n_spun, n)
                found = sum(h for h, _ in per_art[d])
                rlo, rhi = ratio_ci(per_art[d])
                cells.append(
                    (
                        f"{reuse / n:.3f}",
                        f"{n_spun / n:.3f} [{lo:.2f}, {hi:.2f}]",
                        f"{found / max(1, n_true):.3f} [{rlo:.3f}, {rhi:.3f}]",
                        f"{syn_ok[d] / max(1, syn[d]):.3f}",
                    )
                )
            shown = " | ".join(" / ".join(c[x] for c in cells) for x in range(4))
            diff = f"{differ}/{n}" if args.both_orders else "-"
            flag = "-" if args.no_detect else f"{n_flagged / n:.2f}"
            print(
                f"| {split} | {rate:.2f} | {n} | {n_true / n:.0f}/article | {shown} | {diff} "
                f"| {flag} | {time.process_time() - c0:.0f} |",
                flush=True,
            )
    cats = sorted({c for c, _ in by_cat})
    print(
        "\n| split | negatives | pairs | spun verdicts | 95% upper bound "
        "| orders differ | verdicts | CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    n_light = args.human if args.light is None else args.light
    for split in splits:
        negatives: dict[str, list[tuple[str, str, object]]] = {"unrelated same-category": []}
        rng = sampler(split, "unrelated")
        for _ in range(args.unrelated // len(SPLITS)):
            i, j = rng.sample(by_cat[(rng.choice(cats), split)], 2)
            negatives["unrelated same-category"].append((arts[i][1], arts[j][1], [i, j]))
        negatives["MSRP human paraphrases"] = [
            (a, b, m) for m, (a, b) in enumerate(msrp_articles(split)[: args.human])
        ]
        pool = [i for i in range(len(arts)) if i % 2 == SPLITS[split]]
        negatives["synthetic light revision"] = [
            (arts[k][1], make("light", arts[k][1], arts[k][1], random.Random(k), "edits"), k)
            for k in sampler(split, "light").sample(pool, n_light)
        ]
        if split == "measure":  # written by hand, never tuned on
            negatives["hand-written light fixtures"] = [
                ((FIXTURES / "original.txt").read_text(), (FIXTURES / name).read_text(), name)
                for name in ("light.txt", "light2.txt")
            ]
        for name, pairs in negatives.items():
            c0 = time.process_time()
            got = {d: Counter() for d in detectors}
            differ = 0
            for a, b, ident in pairs:
                for d in detectors:
                    with detector(d):
                        v = compare(a, b, opts).verdict
                        if args.both_orders and d == "now":
                            differ += compare(b, a, opts).verdict != v
                    got[d][v] += 1
                    if dump and split == "tune" and d == "now" and v == "spun":
                        dump.write(json.dumps({"kind": name, "id": ident}) + "\n")
            spun_n = " / ".join(str(got[d]["spun"]) for d in detectors)
            hi = wilson(got["now"]["spun"], len(pairs))[1]
            diff = f"{differ}/{len(pairs)}" if args.both_orders else "-"
            print(
                f"| {split} | {name} | {len(pairs)} | {spun_n} | {hi:.3f} | {diff} "
                f"| {dict(got['now'].most_common())} | {time.process_time() - c0:.0f} |",
                flush=True,
            )
    if dump:
        dump.close()
    if args.no_detect:
        print(f"CPU time: {time.process_time() - cpu0:.0f}s")
        return
    t1 = time.perf_counter()
    flagged: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    for _, text in arts:
        r = detect(text)
        flagged.update({f.kind for f in r.flags} | ({"any"} if r.flags else set()))
        flags.update(f.phrase.lower() for f in r.flags)
    det_time = time.perf_counter() - t1
    print(
        f"\nstorytrace spin on {len(arts)} unspun BBC articles: {flagged['any']} flagged "
        f"({flagged['any'] / len(arts):.1%} false-positive rate by article); by kind "
        f"{dict((k, v) for k, v in flagged.items() if k != 'any')}; "
        f"most frequent: {flags.most_common(8)}"
    )
    print(
        f"CPU time: {time.process_time() - cpu0:.0f}s, detector {len(arts) / det_time:.0f} "
        "articles/s"
    )


def flags_eval(arts: list[tuple[str, str]], args: argparse.Namespace) -> None:
    """``--flags``: articles on which ``spin.detect`` (no source) flags anything, among the
    split's unspun BBC articles and ``--per-rate`` spun by ``--spinner-thesaurus`` at each
    rate (the same samples as the spun rows of the main table)."""
    rates = [float(r) for r in args.rates.split(",")]
    print(f"articles with any spin flag; spinner {args.spinner_thesaurus}; {synonyms.sources()}")
    print("| split | unspun BBC | " + " | ".join(f"spun {r:.2f}" for r in rates) + " | CPU s |")
    print("|---" * (3 + len(rates)) + "|")
    for split in list(SPLITS) if args.split == "both" else [args.split]:
        c0 = time.process_time()
        pool = [i for i in range(len(arts)) if i % 2 == SPLITS[split]]
        cells = [f"{sum(bool(detect(arts[i][1]).flags) for i in pool)} of {len(pool)}"]
        for rate in rates:
            sample = sampler(split, f"rate {rate:.2f}").sample(pool, args.per_rate)
            spun = (
                spin(arts[k][1], rate, seed=k, thesaurus=args.spinner_thesaurus)[0] for k in sample
            )
            cells.append(f"{sum(bool(detect(t).flags) for t in spun)} of {len(sample)}")
        print(f"| {split} | " + " | ".join(cells) + f" | {time.process_time() - c0:.0f} |")


BBC_ONLY_SCALE = (
    {
        "tortured": 0.0,
        "collocation": 1.64,
        "rare_thesaurus": 2.05,
        "rare_any": 0.28,
        "uncommon": 0.55,
    },
    -2.09,
)
"""The scale shipped until 2026-12-01 20:45 UTC (fitted on BBC News alone, a likelihood
without any flagged phrase not capped): the baseline beside the shipped one."""


def polnear_texts(split: str) -> list[str]:
    """PolNeAR's US political news (7 outlets, 2015-16), a second source of unspun articles
    for the likelihood scale: its train split tunes, its dev split only measures."""
    folder = DATA / "polnear" / "data" / ("train" if split == "tune" else "dev") / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def scale_eval(
    arts: list[tuple[str, str]],
    splits: list[str] = list(SPLITS),  # noqa: B006 (read only)
    unspun: int = 300,
    spun_each: int = 25,
) -> None:
    """Refit the likelihood's logistic regression on the tune split and measure it beside the
    shipped weights on ``splits`` (``--split``), per corpus (BBC News; PolNeAR when present).

    Tune: even BBC positions and PolNeAR train; measure: odd BBC positions and PolNeAR dev
    (all 84 articles unspun, and as many spun). Each corpus gives unspun articles and the
    same articles spun by three spinners at four rates. Each split draws its samples from a
    generator of its own (``sampler``), so a one-split run sees what a two-split run sees;
    without the tune split there is no refit (``--split measure``: the shipped weights and
    the BBC-only baseline only)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rates = (0.1, 0.2, 0.3, 0.45)
    spinners = ("moby", "wordnet", "embed")
    rows: list[dict] = []

    def add(corpus: str, split: str, texts: list[str], n_unspun: int, n_each: int) -> None:
        rng = sampler(split, f"scale {corpus}")
        for k in rng.sample(range(len(texts)), min(n_unspun, len(texts))):
            rows.append({"corpus": corpus, "split": split, "spinner": "", "r": detect(texts[k])})
        for th in spinners:
            for rate in rates:
                for k in rng.sample(range(len(texts)), n_each):
                    text, _ = spin(texts[k], rate, seed=k, thesaurus=th)
                    rows.append(
                        {
                            "corpus": corpus,
                            "split": split,
                            "spinner": th,
                            "rate": rate,
                            "r": detect(text),
                        }
                    )

    for split in splits:
        par = SPLITS[split]
        add("bbc", split, [t for i, (_, t) in enumerate(arts) if i % 2 == par], unspun, spun_each)
        pol = polnear_texts(split)
        if pol:
            n_each = spun_each if split == "tune" else max(1, len(pol) // 12)
            add("polnear", split, pol, unspun, n_each)
    tune = [r for r in rows if r["split"] == "tune"]
    scales = [
        ("BBC-only, no cap", *BBC_ONLY_SCALE, False),
        ("shipped", spin_mod.SCALE_WEIGHTS, spin_mod.SCALE_BIAS, True),
    ]
    if tune:
        x = np.array([[r["r"].signals[k] for k in spin_mod.SIGNALS] for r in tune])
        y = np.array([bool(r["spinner"]) for r in tune])
        fit = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(x, y)
        refit = dict(zip(spin_mod.SIGNALS, fit.coef_[0].round(2).tolist(), strict=True))
        bias = round(float(fit.intercept_[0]), 2)
        print(
            f"refit on tune ({', '.join(sorted({r['corpus'] for r in tune}))}): weights "
            f"{refit}, bias {bias}"
        )
        scales.append(("refit", refit, bias, True))
    print(f"shipped: weights {spin_mod.SCALE_WEIGHTS}, bias {spin_mod.SCALE_BIAS}")

    def p(r: dict, weights: dict[str, float], b: float, cap: bool) -> float:
        flagged = bool(r["r"].flags) or not cap  # the BBC-only baseline had no cap
        return spin_mod.likelihood(r["r"].signals, flagged, weights, b)

    head = " | ".join(f"{th} {rate}" for th in spinners for rate in rates)
    print(
        f"\n| weights | split | corpus | likelihood at least | unspun (n) | {head} "
        "| Moby and WordNet spinners, all rates (n) |"
    )
    print("|---" * (6 + len(spinners) * len(rates)) + "|")
    for name, weights, b, cap in scales:
        for split in splits:
            for corpus in sorted({r["corpus"] for r in rows}):
                part = [r for r in rows if r["split"] == split and r["corpus"] == corpus]
                for cut in (0.5, 0.8, 0.95):

                    def share(
                        sel: list[dict],
                        cut: float = cut,
                        w: dict = weights,
                        b: float = b,
                        cap: bool = cap,
                    ) -> str:
                        hit = sum(p(r, w, b, cap) >= cut for r in sel)
                        return f"{hit / max(1, len(sel)):.2f}"

                    plain = [r for r in part if not r["spinner"]]
                    cells = [f"{share(plain)} ({len(plain)})"]
                    for th in spinners:
                        for rate in rates:
                            cells.append(
                                share([r for r in part if r["spinner"] == th and r["rate"] == rate])
                            )
                    thesaurus = [r for r in part if r["spinner"] in ("moby", "wordnet")]
                    cells.append(f"{share(thesaurus)} ({len(thesaurus)})")
                    print(f"| {name} | {split} | {corpus} | {cut} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
