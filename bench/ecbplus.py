"""Story clustering on ECB+: event-level ARI and BCubed F1 beside a TF-IDF baseline.

Run: ``.venv/bin/python bench/ecbplus.py``

Reads ``../shared/data/ecbplus/ECB+`` (research use only; the shared copy holds
the odd-numbered topics). Each document's text is rebuilt from its tokens
(joined with spaces, one line per sentence; the URL line that opens ``ecbplus``
documents is dropped). Gold stories are events: the topic folder plus the
``ecb``/``ecbplus`` suffix, two events of the same kind per topic, so topic-level
grouping is easy and event-level is not.

All documents are clustered at once (not topic by topic) with
:func:`storytrace.stories.cluster` at its default threshold, and with the
baseline in the same run: scikit-learn TF-IDF (English stop words, sublinear
tf) and average-link agglomerative clustering on cosine distance. The baseline
is shown at a fixed distance threshold of 0.8 and, as an upper bound, at the
threshold that scores best against gold (an oracle, marked as such); our method
gets the same oracle sweep over its link threshold. Scores: adjusted Rand index
(ARI), BCubed precision/recall/F1 and pairwise F1 (the measure of the published
reference, about 0.94 on Miranda et al. 2018's multilingual stream data, a
different corpus).

Results (2026-12-01, shared copy: 496 documents, 42 events, 21 topics; 2 cores;
``nice -n 10 .venv/bin/python bench/ecbplus.py --data /work/shared/data``, 74 s):

    method                                          clusters   ARI  B3 P  B3 R  B3 F1  pair F1
    storytrace stories.cluster (default)                  79 0.781 0.827 0.847  0.837    0.786
    storytrace average-link (default 0.15)                49 0.845 0.855 0.941  0.896    0.849
    TF-IDF + agglomerative (avg, cos dist 0.8)            61 0.807 0.844 0.895  0.869    0.812
    storytrace link 0.25 [oracle]                         57 0.790 0.795 0.912  0.850    0.795
    storytrace average-link 0.200 top 400 [oracle]        59 0.861 0.904 0.906  0.905    0.865
    TF-IDF + agglomerative dist 0.85 [oracle]             40 0.814 0.802 0.966  0.876    0.819

The default clustering (single-link components of TF-IDF links, what the Spark
job computes too) is below the average-link baseline at event level. Sparse
average-link over the same TF-IDF links (``stories.cluster(linkage="average")``,
its 0.15 default set on this same data) is ahead of the baseline at its
default and at its oracle threshold (ARI 0.845 vs 0.807, B3 F1 0.896 vs
0.869), but below the issue-13 target (ARI 0.90, B3 F1 0.93). Weighting the
lead's terms up did not help here (lead x2: B3 F1 0.897 vs 0.905 with all
terms, dense prototype).
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
if "--data" in sys.argv:  # e.g. from a git worktree: --data /work/shared/data
    DATA = Path(sys.argv[sys.argv.index("--data") + 1])
ECB = DATA / "ecbplus" / "ECB+"


def load() -> tuple[dict[str, str], dict[str, str]]:
    texts, gold = {}, {}
    for f in sorted(ECB.glob("*/*.xml")):
        m = re.fullmatch(r"(\d+)_(\d+)(ecb|ecbplus)\.xml", f.name)
        if not m:
            continue
        sents: dict[int, list[str]] = defaultdict(list)
        for tok in ET.parse(f).getroot().iter("token"):
            sents[int(tok.get("sentence", 0))].append(tok.text or "")
        lines = [" ".join(sents[k]) for k in sorted(sents)]
        if m.group(3) == "ecbplus" and lines and re.match(r"\s*(https?|www)", lines[0]):
            lines = lines[1:]
        texts[f.stem] = "\n".join(lines)
        gold[f.stem] = f"{m.group(1)}{m.group(3)}"
    return texts, gold


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


def ours(
    texts: dict[str, str], threshold: float | None = None, linkage: str = "single", top: int = 40
) -> dict[str, int]:
    from storytrace import stories as st

    groups = st.cluster(texts, threshold=threshold, linkage=linkage, top=top)
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
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def main() -> None:
    if not ECB.is_dir():
        sys.exit(f"{ECB}: ECB+ data not found")
    texts, gold = load()
    print(
        f"ECB+ (shared copy): {len(texts)} documents, {len(set(gold.values()))} gold events, "
        f"{len({g.rstrip('plus').rstrip('ecb') for g in gold.values()})} topics"
    )
    rows = []
    pred, s = timed(ours, texts)
    rows.append(score("storytrace stories.cluster (default)", pred, s, gold))
    pred, s = timed(ours, texts, None, "average")
    rows.append(score("storytrace average-link (default 0.15)", pred, s, gold))
    pred, s = timed(baseline, texts, 0.8)
    rows.append(score("TF-IDF + agglomerative (avg, cos dist 0.8)", pred, s, gold))
    best_ours = max(
        (
            score(f"storytrace link {t:.2f} [oracle]", *timed(ours, texts, t), gold)
            for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
        ),
        key=lambda r: r["B3 F1"],
    )
    best_base = max(
        (
            score(f"TF-IDF + agglomerative dist {t:.2f} [oracle]", *timed(baseline, texts, t), gold)
            for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
        ),
        key=lambda r: r["B3 F1"],
    )
    best_avg = max(
        (
            score(
                f"storytrace average-link {t:.3f} top {k} [oracle]",
                *timed(ours, texts, t, "average", k),
                gold,
            )
            for t in (0.1, 0.125, 0.15, 0.175, 0.2, 0.225)
            for k in (40, 400)
        ),
        key=lambda r: r["B3 F1"],
    )
    rows += [best_ours, best_avg, best_base]
    cols = ["clusters", "ARI", "B3 P", "B3 R", "B3 F1", "pair F1", "s"]
    print(f"{'method':48} " + " ".join(f"{c:>8}" for c in cols))
    for r in rows:
        vals = " ".join(f"{r[c]:8d}" if isinstance(r[c], int) else f"{r[c]:8.3f}" for c in cols)
        print(f"{r['method']:48} {vals}")


if __name__ == "__main__":
    main()
