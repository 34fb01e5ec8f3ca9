"""Story clustering on ECB+: event-level ARI and BCubed F1 beside a TF-IDF baseline.

Run: ``nice -n 10 .venv/bin/python bench/ecbplus.py [--data ../shared/data]``

Reads ``../shared/data/ecbplus/ECB+`` (research use only; the shared copy holds
the odd-numbered topics). Each document's text is rebuilt from its tokens
(joined with spaces, one line per sentence; the URL line that opens ``ecbplus``
documents is dropped). Gold stories are events: the topic folder plus the
``ecb``/``ecbplus`` suffix, two events of the same kind per topic, so topic-level
grouping is easy and event-level is not.

All documents are clustered at once (not topic by topic) with
:func:`storytrace.stories.cluster` at its defaults, and with the baseline in
the same run: scikit-learn TF-IDF (English stop words, sublinear tf) and
average-link agglomerative clustering on cosine distance, its distance
threshold swept and chosen on the tune part (and, as an upper bound, on all
documents). Topics are split as in ``bench/evidence_bench.py``: topics 1, 5,
9, ... (``topic % 4 == 1``) are the **tune** part every constant of
:mod:`storytrace.stories` was set on (:data:`~storytrace.stories.AVERAGE_LINK`,
the focal-name and year penalties, :data:`~storytrace.stories.ATTACH`);
topics 3, 7, 11, ... are **measure-only**. Scores: adjusted Rand index (ARI),
BCubed precision/recall/F1 and pairwise F1. ``s`` is CPU seconds; the first
row also pays for tokenising every text (later rows reuse the cached ``Doc``).

Results (2026-12-01, shared copy: 496 documents, 42 events, 21 topics; 2 cores;
``nice -n 10 .venv/bin/python bench/ecbplus.py --data /work/shared/data``, 12 s):

    method                                   part    clusters   ARI  B3 P  B3 R  B3 F1 pair F1
    storytrace stories.cluster (default)     tune          22 0.947 0.951 0.981  0.966   0.950
    storytrace stories.cluster (default)     measure       20 0.867 0.887 0.969  0.926   0.874
    storytrace stories.cluster (default)     all           42 0.915 0.922 0.976  0.948   0.917
    storytrace single-link                   tune          35 0.857 0.887 0.905  0.896   0.864
    storytrace single-link                   measure       44 0.665 0.754 0.779  0.766   0.683
    storytrace single-link                   all           79 0.781 0.827 0.848  0.837   0.786
    average-link, no event features          tune          23 0.877 0.878 0.968  0.921   0.883
    average-link, no event features          measure       26 0.788 0.826 0.908  0.865   0.799
    average-link, no event features          all           49 0.844 0.854 0.941  0.896   0.848
    baseline, dist 0.80 (tuned on tune)      tune          30 0.828 0.848 0.918  0.882   0.837
    baseline, dist 0.80 (tuned on tune)      measure       31 0.765 0.840 0.867  0.853   0.778
    baseline, dist 0.80 (tuned on tune)      all           61 0.807 0.844 0.895  0.869   0.812
    baseline, dist 0.85 (tuned on all)       all           40 0.814 0.802 0.966  0.876   0.819

Session 35 (2026-12-03, ecb12h, story rule 7: an article's focal names are its lead's names
as ``names.mentions`` finds them, no longer every capitalised lead word), beside main e32a951,
same command, one run each, load 6-9 (the measure rows read once, after the change was kept
on ``bench/evidence_bench.py``'s criterion; their groupings not read)::

    method                                   part    clusters   ARI  B3 P  B3 R  B3 F1 pair F1
    main e32a951 stories.cluster (default)   tune          23 0.948 0.954 0.975  0.964   0.951
    main e32a951 stories.cluster (default)   measure       21 0.862 0.887 0.961  0.923   0.869
    main e32a951 stories.cluster (default)   all           44 0.913 0.923 0.969  0.945   0.915
    this stories.cluster (default)           tune          22 0.928 0.924 0.982  0.952   0.932
    this stories.cluster (default)           measure       19 0.827 0.827 0.970  0.893   0.837
    this stories.cluster (default)           all           41 0.887 0.880 0.976  0.926   0.890

The issue-13 target on all odd topics (ARI >= 0.90, B3 F1 >= 0.93) is missed now (0.887 /
0.926). On the tune topics what was lost is an artefact of the data: 6 of topic 5's 9
``ecbplus`` pages print a web dateline ("Posted: May ...", "UPDATED ..."), none of its 13 older
``ecb`` pages does, and "may", "updated", "posted" were focal names that only one event's
articles had; without them the two events (the coach fired, the coach hired) are one story.
Topic 13's split event is mended. The measure-only merges were not read.

On all odd topics the default passes the issue-13 target (ARI 0.915 >= 0.90,
B3 F1 0.948 >= 0.93) and is ahead of the baseline tuned on the same data. On
the measure-only topics it reaches ARI 0.867 / B3 F1 0.926, just under the
target, and ahead of the baseline there (0.765 / 0.853). What made the
difference, each step chosen on the tune topics only (tune / measure B3 F1):
average-link instead of single-link components (0.921 / 0.865), the focal-name
and year penalties of :func:`~storytrace.stories.pair_score` with the link at
0.09 (0.958 / 0.897), and attaching single articles to the nearest story
(0.966 / 0.926). Caveat: the *kinds* of feature (focal names, years) were
chosen after reading merged and split documents of all odd topics, measure
ones included (7, 11, 27, 35); only the constants were selected on the tune
topics alone, so the measure part is not fully blind. One later variant was
tried and not adopted: leaving weekday and month names out of the focal names
scored higher on the tune topics (B3 F1 0.976 at link 0.10) but lower on the
measure ones (0.913); that decision looked at the measure part too.
Remaining merges:
three topics whose two events share most names and differ in a year the older
(``ecb``) documents rarely print (Microsoft's emergency IE patches of 2008 and
2013, the endangered-species rule of Bush's last weeks and Obama's reversal,
two Chargers players arrested for drink-driving weeks apart, whose later
reports name the earlier one), and a few articles left alone.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
if "--data" in sys.argv:  # e.g. from a git worktree: --data /work/shared/data
    DATA = Path(sys.argv[sys.argv.index("--data") + 1])
ECB = DATA / "ecbplus" / "ECB+"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus_data import load_ecb  # noqa: E402  (the loader shared with evidence_bench.py)


def load() -> tuple[dict[str, str], dict[str, str]]:
    docs = load_ecb(ECB, detok=False)
    return {d: m["text"] for d, m in docs.items()}, {d: m["event"] for d, m in docs.items()}


def bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    pc, gc = defaultdict(set), defaultdict(set)
    for d in gold:
        pc[pred[d]].add(d)
        gc[gold[d]].add(d)
    p = r = 0.0
    for d in gold:
        both = len(pc[pred[d]] & gc[gold[d]])
        p += both / len(pc[pred[d]])
        r += both / len(gc[gold[d]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise_f1(pred: dict[str, int], gold: dict[str, str]) -> float:
    def pairs(lab: dict) -> set:
        g = defaultdict(list)
        for d, c in lab.items():
            g[c].append(d)
        return {(a, b) for m in g.values() for i, a in enumerate(m) for b in m[i + 1 :]}

    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    if not tp:
        return 0.0
    prec, rec = tp / len(pp), tp / len(gp)
    return 2 * prec * rec / (prec + rec)


def score(name: str, pred: dict[str, int], secs: float, gold: dict[str, str]) -> dict:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    ari = adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids])
    p, r, f = bcubed(pred, gold)
    return {
        "method": name,
        "clusters": len(set(pred.values())),
        "ARI": ari,
        "B3 P": p,
        "B3 R": r,
        "B3 F1": f,
        "pair F1": pairwise_f1(pred, gold),
        "s": secs,
    }


def ours(texts: dict[str, str], linkage: str = "average") -> dict[str, int]:
    from storytrace import stories as st

    groups = st.cluster(texts, linkage=linkage)
    return {d: n for n, g in enumerate(groups) for d in g}


def plain_average(texts: dict[str, str]) -> dict[str, int]:
    """Ablation: the earlier average-link (plain TF-IDF cosine, 0.15, no event features)."""
    from storytrace import stories as st

    scores = st.similar_pairs(st.tfidf_vectors(texts), st.CANDIDATE_LINK)
    groups = st.average_link(sorted(texts), scores, 0.15)
    return {d: n for n, g in enumerate(groups) for d in g}


def baseline(texts: dict[str, str], threshold: float) -> dict[str, int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(texts)
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [texts[i] for i in ids]
    )
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(x.toarray())
    return dict(zip(ids, (int(v) for v in labels), strict=True))


def timed(fn, *args) -> tuple[dict, float]:
    t0 = time.process_time()
    out = fn(*args)
    return out, time.process_time() - t0


def part_of(doc: str) -> str:
    """tune: topics 1, 5, 9, ... (topic % 4 == 1); measure: 3, 7, 11, ... (as evidence_bench)."""
    return "tune" if int(doc.split("_")[0]) % 4 == 1 else "measure"


def scores_by_part(name: str, pred: dict[str, int], secs: float, gold: dict[str, str]) -> list:
    rows = []
    for part in ("tune", "measure", "all"):
        g = {d: e for d, e in gold.items() if part in ("all", part_of(d))}
        rows.append(score(name, {d: pred[d] for d in g}, secs, g) | {"part": part})
    return rows


def main() -> None:
    if not ECB.is_dir():
        sys.exit(f"{ECB}: ECB+ data not found")
    texts, gold = load()
    print(
        f"ECB+ (shared copy): {len(texts)} documents, {len(set(gold.values()))} gold events, "
        f"{len({g.rstrip('plus').rstrip('ecb') for g in gold.values()})} topics; "
        f"tune {sum(part_of(d) == 'tune' for d in gold)} / "
        f"measure {sum(part_of(d) == 'measure' for d in gold)} documents"
    )
    rows = []
    rows += scores_by_part("storytrace stories.cluster (default)", *timed(ours, texts), gold)
    rows += scores_by_part("storytrace single-link", *timed(ours, texts, "single"), gold)
    rows += scores_by_part("average-link, no event features", *timed(plain_average, texts), gold)
    tune_gold = {d: e for d, e in gold.items() if part_of(d) == "tune"}
    sweep = {t: timed(baseline, texts, t) for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)}
    on_tune = max(sweep, key=lambda t: score("", sweep[t][0], 0, tune_gold)["B3 F1"])
    on_all = max(sweep, key=lambda t: score("", sweep[t][0], 0, gold)["B3 F1"])
    rows += scores_by_part(f"baseline, dist {on_tune:.2f} (tuned on tune)", *sweep[on_tune], gold)
    rows += [
        r
        for r in scores_by_part(f"baseline, dist {on_all:.2f} (tuned on all)", *sweep[on_all], gold)
        if r["part"] == "all"
    ]
    cols = ["clusters", "ARI", "B3 P", "B3 R", "B3 F1", "pair F1", "s"]
    print(f"{'method':46} {'part':8}" + " ".join(f"{c:>8}" for c in cols))
    for r in rows:
        vals = " ".join(f"{r[c]:8d}" if isinstance(r[c], int) else f"{r[c]:8.3f}" for c in cols)
        print(f"{r['method']:46} {r['part']:8}{vals}")


if __name__ == "__main__":
    main()
