"""The spin detector's fast paths give what its plain per-character and per-token loops give.

The references below are the loops as first written (``spin.py`` before the speed work):
the tortured-phrase pattern tried at every character, and one pass over every token for
collocation windows, rare thesaurus words and the signals.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import spin, synonyms
from storytrace.spin import (
    _COLLOC,
    _COLLOC_BY_WORD,
    _FOLD_EXTRA,
    _NOUNISH_AFTER,
    _STOP_SWAP,
    _TORTURED_RE,
    RARE_ZIPF,
    UNCOMMON_ZIPF,
    Flag,
    _one_phrase,
    _rare_thesaurus_word,
    _starts_sentence,
    _tortured_matches,
    _zipf,
)
from storytrace.text import STOPWORDS, Doc, overlaps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _collocation_windows_ref(doc: Doc) -> list[tuple[int, int]]:
    # Every window of 2 and 3 words, kept when its first or last word anchors a collocation.
    norms = doc.norms
    out = []
    for i in range(len(norms)):
        for n in (2, 3):
            if i + n > len(norms):
                break
            window = tuple(norms[i : i + n])
            if (window[0], 0) in _COLLOC_BY_WORD or (window[n - 1], n - 1) in _COLLOC_BY_WORD:
                out.append((i, n))
    return out


def _collocation_flags_ref(doc: Doc) -> list[tuple[tuple[int, int], str]]:
    taken: list[tuple[int, int]] = []
    out = []
    for i, n in _collocation_windows_ref(doc):
        window = tuple(doc.norms[i : i + n])
        if " ".join(window) in _COLLOC or not _one_phrase(doc, i, i + n):
            continue
        for k in range(n):
            anchor = n - 1 if k == 0 else 0
            for colloc in _COLLOC_BY_WORD.get((window[anchor], anchor), ()):
                if len(colloc) != n or any(window[x] != colloc[x] for x in range(n) if x != k):
                    continue
                if k == n - 1 and window[k] in _NOUNISH_AFTER:
                    continue
                if (
                    window[k] in _STOP_SWAP
                    or window[k] not in synonyms.synonyms(colloc[k])
                    or synonyms.same_word(window[k], colloc[k])
                ):
                    continue
                t = i + k
                if t > 0 and doc.text[doc.starts[t]].isupper() and not _starts_sentence(doc, t):
                    continue
                span = doc.span(i, i + n)
                if any(overlaps(span, s) for s in taken):
                    continue
                taken.append(span)
                out.append((span, " ".join(colloc)))
    return out


def _plain_ref(doc: Doc) -> list[int]:
    return [
        t
        for t, w in enumerate(doc.norms)
        if len(w) >= 3
        and w not in STOPWORDS
        and w.isalpha()
        and not doc.text[doc.starts[t]].isupper()
        and not any(s <= doc.starts[t] < e and not doc.text[s].isupper() for s, e in doc.quotations)
    ]


def _rare_ref(doc: Doc) -> list[tuple[tuple[int, int], float]]:
    out = []
    for t in _plain_ref(doc):
        z = _rare_thesaurus_word(doc.norms[t])
        if z is not None:
            out.append(((doc.starts[t], doc.ends[t]), z))
    return out


def _signals_ref(doc: Doc) -> tuple[int, int]:
    rare_any = uncommon = 0
    seen = set()
    for t in _plain_ref(doc):
        lemma = min(synonyms.forms(doc.norms[t]), key=len)
        if lemma in seen:
            continue  # a word and its inflections count once, as their first form
        seen.add(lemma)
        z = _zipf(doc.norms[t])
        rare_any += z < RARE_ZIPF
        uncommon += z < UNCOMMON_ZIPF
    return rare_any, uncommon


def test_fold_extra_lists_every_character_case_folding_matches_with_another_letter() -> None:
    # _tortured_matches may search the lower-cased text only when every character that
    # IGNORECASE matches with an ASCII letter lower-cases to that letter, or is listed.
    letters = {c: re.compile(c, re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"}
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = set()
    for code in range(0x80, 0x20000):  # no case mappings above
        ch = chr(code)
        if any_letter.fullmatch(ch):
            matched = [c for c, p in letters.items() if p.fullmatch(ch)]
            if ch.lower() not in matched:
                odd.add(ch)
    assert odd == set(_FOLD_EXTRA)


_PIECES = [w for words, _ in spin._TORTURED_WORDS for w in words] + [
    "Get",
    "TOGETHER",
    "x",
    "news",
    "ſ",
    "ı",
    "İ",
    "\u212a",  # Kelvin sign: lower-cases to k
    "é",
    "'",
    "’",
    "£3",
]
_SEPS = [" ", "  ", "-", " - ", "\n", ", ", "'", "’", "", "_", "‘"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=14))
def test_tortured_matches_equal_the_pattern_tried_everywhere(parts) -> None:
    text = "".join(w + s for w, s in parts)
    assert [m.span() for m in _tortured_matches(text)] == [
        m.span() for m in _TORTURED_RE.finditer(text)
    ]


def test_tortured_matches_on_mixed_case_and_unicode_text() -> None:
    for text in (
        "The Get Together and the GET-together, a get\n-together; x'get together.",
        "Worldwide  warming, worldwide warmings, prime priest and top minister.",
        "£5 for the get together with the ſtock trade and the İnventory market.",
        "Nationwide well being service staff met the well being secretary.",
    ):
        assert [m.span() for m in _tortured_matches(text)] == [
            m.span() for m in _TORTURED_RE.finditer(text)
        ]


def _spun_texts() -> list[str]:
    import spinner  # bench/spinner.py: Moby synonyms, as a sense-blind spinner

    base = [
        (ROOT / "examples" / name).read_text(encoding="utf-8")
        for name in ("seed_a.txt", "seed_b.txt")
    ]
    fixtures = sorted((ROOT / "tests" / "fixtures" / "spin").glob("*.txt"))
    base += [f.read_text(encoding="utf-8") for f in fixtures]
    spun = [spinner.spin(t, rate, seed=k)[0] for k, t in enumerate(base) for rate in (0.2, 0.45)]
    return base + spun + ["He called a press colloquium on the campaign path to answer critics."]


def test_token_passes_equal_the_per_token_loops() -> None:
    texts = _spun_texts()
    flagged = rare = 0
    for text in texts:
        doc = Doc(text)
        assert spin._anchored_windows(doc.norms) == _collocation_windows_ref(doc)
        got = [f for f, _ in spin._collocation_flags(doc, [])]
        assert [(f.span, f.reason.split("'")[1]) for f in got] == _collocation_flags_ref(doc)
        flagged += len(got)
        assert spin._plain_tokens(doc) == _plain_ref(doc)
        got_rare = spin._rare_synonym_flags(doc, [])
        assert [f.span for f in got_rare] == [s for s, _ in _rare_ref(doc)]
        rare += len(got_rare)
        sig = spin._signals(doc, 0, 0, 0)
        per = 100 / len(doc)
        ref_any, ref_uncommon = _signals_ref(doc)
        assert (sig["rare_any"], sig["uncommon"]) == (
            round(ref_any * per, 4),
            round(ref_uncommon * per, 4),
        )
    # The texts exercise what is compared: collocation swaps, rare thesaurus words and
    # quotations.
    assert flagged >= 2 and rare >= 20
    fragments = [t for t in texts if any(not t[s].isupper() for s, _ in Doc(t).quotations)]
    assert len(fragments) >= 2


def test_rare_flags_skip_spans_already_taken() -> None:
    text = "The twelvemonth lunette was erected across the street."
    doc = Doc(text)
    every = spin._rare_synonym_flags(doc, [])
    assert every, "fixture words should be rare thesaurus words"
    taken = [Flag(every[0].span, "x", "tortured", "")]
    assert [f.span for f in spin._rare_synonym_flags(doc, taken)] == [f.span for f in every[1:]]


def test_frequencies_read_without_wordfreq_equal_wordfreqs() -> None:
    # spin reads wordfreq's English list from its file, without importing wordfreq.
    import wordfreq

    got = spin._frequencies.__wrapped__()
    want = wordfreq.get_frequency_dict("en", "best")
    assert len(got) > 300_000
    assert got == want and list(got) == list(want)


def test_spin_labels_without_importing_wordfreq() -> None:
    # Importing wordfreq (langcodes, ftfy, its tokeniser's patterns) is left to the words
    # its table path cannot read; a comparison of two news texts needs none of them.
    import subprocess

    code = (
        "import sys\n"
        "from storytrace import align, spin\n"
        "assert spin._zipf('party') > 4 and spin._zipf('lunette') < 3\n"
        "a = open(sys.argv[1], encoding='utf-8').read()\n"
        "b = open(sys.argv[2], encoding='utf-8').read()\n"
        "align.compare(a, b, align.BULK)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('wordfreq', 'langcodes')))"
    )
    seeds = [str(ROOT / "examples" / f"seed_{s}.txt") for s in "ab"]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code, *seeds], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


def test_zipf_read_from_the_table_equals_wordfreq() -> None:
    from wordfreq import zipf_frequency

    # Thesaurus words (every 20th: common, rare and absent from wordfreq) and their forms,
    # the fixtures' words, and words the table path must leave to wordfreq.
    vocab = sorted(synonyms.vocabulary())[::20]
    words = {f for w in vocab for f in synonyms.forms(w)}
    for text in _spun_texts():
        words.update(Doc(text).norms)
    words.update(["can't", "o'neill", "café", "x2", "1990s", "qqqzzzx", "a", "the", "Word"])
    fast = [w for w in words if w.isascii() and w.isalpha() and w.islower()]
    assert len(fast) > 4000
    for w in sorted(words):
        # repr: -0.0 and 0.0 would print differently in a flag's reason.
        assert repr(spin._zipf_of(w)) == repr(zipf_frequency(w, "en")), w
