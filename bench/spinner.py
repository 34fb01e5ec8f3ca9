"""A sense-blind article spinner, like commercial ones: replace a share of the
content words (inflected ones through their base form) with a random thesaurus
synonym (any sense, multi-word entries included), keeping capitalisation. Names
(capitalised words), function words and numbers are left alone.

The thesaurus is Moby, WordNet (``--thesaurus wordnet``: the table shipped in the
package) or the nearest neighbours of a word in WordLlama's static embeddings
(``--thesaurus embed``: a third thesaurus, built here at run time from the
``wordllama`` wheel; it lists related words, not only synonyms: "north" ->
"south"), to measure what a spinner with another thesaurus leaves behind.

    .venv/bin/python bench/spinner.py FILE --rate 0.3 [--seed 1] [--thesaurus wordnet]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from wordfreq import zipf_frequency

from storytrace import synonyms
from storytrace.text import STOPWORDS, Doc


@dataclass
class Swap:
    """One replacement: ``source[a[0]:a[1]]`` became ``spun[b[0]:b[1]]``."""

    a: tuple[int, int]
    b: tuple[int, int]
    old: str
    new: str


_SIMPLE = re.compile(r"^[a-z][a-z \-]*$")


def _wordnet(phrase: str) -> frozenset[str]:
    # The package's table, named explicitly: the recogniser may run with WordNet
    # off ($STORYTRACE_WORDNET=none) to measure a spinner with another thesaurus.
    return synonyms.wordnet_synonyms(phrase, synonyms.package_table())


def _moby(phrase: str) -> frozenset[str]:
    # Read even when the recogniser has Moby off (STORYTRACE_MOBY=none).
    return synonyms.moby_synonyms(phrase, even_if_off=True)


EMBED_NEIGHBOURS = 8
"""The embedding spinner's thesaurus: a word's nearest neighbours by cosine..."""
EMBED_MIN_COSINE = 0.35
"""...at least this close (random word pairs: 99th percentile 0.21)."""


@cache
def word_vectors() -> tuple[dict[str, int], np.ndarray]:
    """Lower-case whole-word vocabulary -> row, and the unit-length vectors.

    WordLlama's 256-dimensional static token embeddings (MIT licence) come inside the
    ``wordllama`` wheel (19 MB; ``pip install 'storytrace[bench]'``): nothing is
    downloaded. Only tokens that are whole lower-case words (8,952) are kept; the rest
    are word pieces. storytrace itself does not read them.
    """
    from safetensors.numpy import load_file

    root = resources.files("wordllama")
    vocab_file = root.joinpath("tokenizers", "l2_supercat_tokenizer_config.json")
    vocab = json.loads(vocab_file.read_text(encoding="utf-8"))["model"]["vocab"]
    rows = {
        tok[1:]: i
        for tok, i in vocab.items()
        if tok.startswith("\u2581")
        and len(tok) > 3
        and tok[1:].isascii()
        and tok[1:].isalpha()
        and tok[1:].islower()
    }
    weights = root.joinpath("weights", "l2_supercat_256.safetensors")
    matrix = load_file(str(weights))["embedding.weight"]
    vecs = matrix[np.fromiter(rows.values(), dtype=np.int64)].astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    return {w: k for k, w in enumerate(rows)}, vecs


@cache
def _embed(phrase: str) -> frozenset[str]:
    # A third thesaurus that neither Moby nor WordNet is: nearest neighbours among
    # the whole words of WordLlama's static embeddings, other inflections of the
    # word and word pieces left out.
    rows, vecs = word_vectors()
    if phrase not in rows:
        return frozenset()
    sims = vecs @ vecs[rows[phrase]]
    words = list(rows)
    out = []
    for k in np.argsort(-sims)[1:60]:
        w = words[int(k)]
        if sims[k] < EMBED_MIN_COSINE or len(out) == EMBED_NEIGHBOURS:
            break
        if synonyms.same_word(w, phrase) or w[:4] == phrase[:4] or zipf_frequency(w, "en") < 3:
            continue  # inflections, and word pieces that are no English word ("academ")
        out.append(w)
    return frozenset(out)


THESAURI = {"moby": _moby, "wordnet": _wordnet, "embed": _embed}


@cache
def _candidates(w: str, thesaurus: str = "moby") -> list[str]:
    lookup = THESAURI[thesaurus]
    for form in synonyms.forms(w):  # inflected words: the base form's entry
        cands = sorted(x for x in lookup(form) if _SIMPLE.match(x) and x != form)
        if cands:
            return cands
    return []


def spin(text: str, rate: float, seed: int = 0, thesaurus: str = "moby") -> tuple[str, list[Swap]]:
    """Spin ``text``: ``rate`` of its content words replaced by thesaurus synonyms.

    The share is of all content words (not of those the thesaurus knows): the
    words to replace are drawn from the ones with an entry, as many as the rate
    asks for (all of them when there are fewer).
    """
    rng = random.Random(seed)
    doc = Doc(text)
    content = []
    eligible = []
    for t, (s, w) in enumerate(zip(doc.starts, doc.norms, strict=True)):
        raw = text[s : doc.ends[t]]
        if w in STOPWORDS or len(w) < 3 or not w.isalpha():
            continue
        content.append(t)
        mid_sentence = s > 0 and text[max(0, s - 2) : s].strip() not in ("", ".", "\n")
        if raw[0].isupper() and mid_sentence:
            continue  # names
        if _candidates(w, thesaurus):
            eligible.append(t)
    chosen = set(rng.sample(eligible, min(len(eligible), round(rate * len(content)))))
    out: list[str] = []
    swaps: list[Swap] = []
    pos = length = 0
    for t in sorted(chosen):
        s, e = doc.starts[t], doc.ends[t]
        raw = text[s:e]
        new = rng.choice(_candidates(doc.norms[t], thesaurus))
        if raw[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(text[pos:s])
        length += s - pos
        swaps.append(Swap((s, e), (length, length + len(new)), raw, new))
        out.append(new)
        length += len(new)
        pos = e
    out.append(text[pos:])
    return "".join(out), swaps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--thesaurus", choices=sorted(THESAURI), default="moby")
    args = ap.parse_args()
    with open(args.file, encoding="utf-8", errors="replace") as f:
        spun, swaps = spin(f.read(), args.rate, args.seed, args.thesaurus)
    print(spun)
    print(f"\n[{len(swaps)} words replaced]")


if __name__ == "__main__":
    main()
