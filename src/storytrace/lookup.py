"""Look one article up in an index: :func:`match`, ranked stored articles sharing its text.

A module of its own (``storytrace.corpus.match`` is the same function), because
``storytrace match`` is the command line's most frequent short call and most of such a
call is start-up (issue 16, ``bench/cli_startup.py``): this module imports the reader, the
fingerprints and the store, and none of what indexing needs (numpy, multiprocessing,
dataclasses); a plain-text article with no quoted hit loads neither the quote extractor
nor the record machinery. ``tests/test_startup.py`` holds that.

>>> import tempfile
>>> from storytrace.corpus import index_records
>>> db = tempfile.mkdtemp()
>>> text = "The council voted on Friday to close the old bridge for urgent repairs to its deck."
>>> _ = index_records([("a", {"text": text})], db, workers=1)
>>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
...     _ = fh.write("Officials said: " + text)
>>> [(h["id"], h["near_duplicate"]) for h in match(fh.name, db)]
[('a', True)]
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable

from storytrace import fingerprints as fp
from storytrace.articles import lead_title, read_text_id
from storytrace.store import Store
from storytrace.text import Doc, doc_of, short

MATCH_LIMIT = 20
"""Most hits :func:`match` gives unless told (the web app's too; the CLI keeps its own copy,
``cli.MATCH_LIMIT``, so that ``--help`` does not import this module)."""

PASSAGE_WORDS = 8
"""A hit whose longest shared run of words is shorter than this shares a phrase, not a
passage (``compare`` finds passages from about eight words): the terminal and the web app's
/find page say so (:func:`phrase_note`)."""


def phrase_note(hit: dict) -> str | None:
    """How a hit that shares only short phrases and no quote is introduced before the longest
    phrase it shares, else None: a stock phrase is all some hits share, and saying which keeps
    anyone from reading it as reuse; when it is one of several, it is the longest, not all.

    >>> phrase_note({"shared_quotes": 0, "longest_shared_words": 5, "shared_words": 5})
    'only the phrase'
    >>> phrase_note({"shared_quotes": 0, "longest_shared_words": 5, "shared_words": 13})
    'only short phrases, the longest'
    >>> phrase_note({"shared_quotes": 1, "longest_shared_words": 5, "shared_words": 5})
    """
    if hit["shared_quotes"] or hit["longest_shared_words"] >= PASSAGE_WORDS:
        return None
    if hit["shared_words"] > hit["longest_shared_words"]:
        return "only short phrases, the longest"
    return "only the phrase"


def weak(hit: dict) -> str | None:
    """Why a hit is weak evidence, else None: "only the phrase" or "only short phrases" when
    it shares no quote and no run of :data:`PASSAGE_WORDS` words (:func:`phrase_note`), and
    is neither the article given, its identical text nor a near-duplicate of it.

    >>> weak({"this_article": False, "identical": False, "near_duplicate": False,
    ...       "shared_quotes": 0, "longest_shared_words": 4, "shared_words": 9})
    'only short phrases'
    """
    if hit["this_article"] or hit["identical"] or hit["near_duplicate"]:
        return None
    note = phrase_note(hit)
    return note.partition(",")[0] if note else None


def by_evidence(hits: list[dict]) -> list[dict]:
    """``hits`` with ``weak`` (:func:`weak`) set, those with evidence first, then the weak,
    each part in the order given: someone looking for where an article came from reads the
    passages and quotes it shares before the stock phrases ("the end of the") that fill
    a large index's list. The scores stay as they are."""
    for h in hits:
        h["weak"] = weak(h)
    return [h for h in hits if not h["weak"]] + [h for h in hits if h["weak"]]


def folded(weak: list[dict], more: bool) -> tuple[str, str]:
    """The line that stands for the weak hits (:func:`weak`) in ``match``'s text and on the web
    app's /find page: what they are, counted (``more``: after the hits listed), and their
    three commonest phrases, so that a reader sees they are stock phrases ("the end of the")
    without reading them one by one.

    >>> folded([{"longest_shared": "the end of the"}] * 2 + [{"longest_shared": "at the"}], True)
    ('3 more hits share only short phrases', '“the end of the” (2), “at the”')
    """
    from collections import Counter

    n = len(weak)
    counts = Counter(short(h["longest_shared"], 60) for h in weak)
    named = [f"“{p}”" + (f" ({k})" if k > 1 else "") for p, k in counts.most_common(3)]
    if len(counts) > 3:
        named.append("…")
    what = "hit shares only a short phrase" if n == 1 else "hits share only short phrases"
    return f"{n}{' more' if more else ''} {what}", ", ".join(named)


def more_not_shown(n: int | None, what: str) -> str:
    """How a cut list says that ``n`` more of ``what`` (a noun) were left out, or some
    uncounted ones when ``n`` is None: match's and /find's closing line (:func:`not_shown`),
    /search's too.

    >>> more_not_shown(1, "result"), more_not_shown(12, "result")
    ('1 more result not shown', '12 more results not shown')
    >>> more_not_shown(None, "result")
    'more results not shown'
    """
    if n is None:
        return f"more {what}s not shown"
    return f"{n} more {what}{'' if n == 1 else 's'} not shown"


def not_shown(hits: list[dict]) -> str | None:
    """What a list of hits (:func:`match_text`'s) says of the candidates its limit left out,
    else None: how many (``candidates_not_shown``), and, when a weak hit (:func:`weak`) is
    among the hits, that each of them shares only short phrases too, as the limit never
    leaves out a hit with evidence while it gives a weak one. The CLI and the /find page
    add how to raise the limit.

    >>> hit = {"candidates_not_shown": 3, "weak": None}
    >>> not_shown([hit, hit | {"weak": "only the phrase"}])
    '3 more candidates not shown, each sharing only short phrases'
    >>> not_shown([hit | {"candidates_not_shown": 1}])
    '1 more candidate not shown'
    >>> not_shown([hit | {"candidates_not_shown": 0}])
    """
    n = hits[0]["candidates_not_shown"] if hits else 0
    if not n:
        return None
    line = more_not_shown(n, "candidate")
    if any(h["weak"] for h in hits):
        line += ", sharing only short phrases" if n == 1 else ", each sharing only short phrases"
    return line


def _words(text: str) -> list[str]:
    return Doc(text).norms


def _runs(at: dict[int, list[int]], keys: list[int], n: int) -> list[tuple[int, int]]:
    """Word runs ``[i, j)`` of the text covered by the ``n``-word shingles of ``keys``,
    overlapping shingles joined: the words a hit shares (a run may join pieces that sit
    apart in the hit, so its length is an upper bound on one shared passage)."""
    runs: list[list[int]] = []
    for i in sorted({i for k in keys for i in at.get(k, ())}):
        if runs and i < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], i + n)
        else:
            runs.append([i, i + n])
    return [(i, j) for i, j in runs]


def match(path: str, db: str | os.PathLike[str], limit: int = MATCH_LIMIT) -> list[dict]:
    """Stored articles sharing text or quotes with the article at ``path``, ranked:
    :func:`match_text` of its text (for HTML, the text trafilatura extracts), knowing the
    id ``index`` would store it under (a record's id, else the path)."""
    text, article_id = read_text_id(path)
    return match_text(text, db, limit, article_id, None if path == "-" else path)


def match_text(
    text: str,
    db: str | os.PathLike[str],
    limit: int = MATCH_LIMIT,
    article_id: str | None = None,
    path: str | None = None,
) -> list[dict]:
    """Stored articles sharing text or quotes with ``text``, ranked: the ``limit`` best
    scored, except that a hit with evidence is never left out while a weak one is given
    (one short quote shared scores low, below articles sharing several stock phrases).

    Each hit: ``{"id", "title", "label", "outlet", "published", "shared_fingerprints",
    "shared_words", "longest_shared_words", "longest_shared", "shared_spans",
    "near_duplicate", "identical", "this_article", "shared_quotes", "score", "weak",
    "candidates_not_shown"}``; ``label`` is the title, else the text's first line;
    ``score`` is the shared fingerprints plus 5 for a near-duplicate; ``weak`` says why a
    hit sharing no quote and no passage is weak evidence (:func:`weak`), else None, and such
    hits come after the others (:func:`by_evidence`). ``candidates_not_shown``, the same on
    every hit of one look-up, counts the stored articles with a score (sharing a fingerprint
    or a near-duplicate's bucket; the article given aside) that the limit left out, weak or
    not: when a weak hit is given, each of them is weak too (:func:`not_shown`). The
    evidence of the shared fingerprints: ``shared_spans``, the ``[start, end)`` character
    spans of ``text`` made of word 4-grams the hit holds too;
    ``shared_words`` the words inside them; ``longest_shared_words`` and
    ``longest_shared`` the longest span's words and text (cut to 200 characters).

    ``identical``: the stored text is ``text`` exactly. ``this_article``: the stored
    article is the one given, already indexed: stored under ``article_id`` (or under
    ``path``, spelt as given or naming the same file when the text is identical). It comes
    first, beside the ``limit`` others, and is not a near-duplicate of itself (its text
    may differ: the file changed since it was indexed).
    """
    keys = fp.query(text)  # without numpy: one article, and start-up counts here
    words = doc_of(text)  # the Doc fp.query tokenised: its offsets place the shared 4-grams
    with Store(db, readonly=True) as store:
        shared = store.docs_sharing(keys.fingerprints)
        near = store.docs_in_buckets(keys.lsh_keys)
        names = [x for x in (article_id, path, path and os.path.normpath(path)) if x]
        known = store.named_or_same(names, fp.content_hash(text))
        this = {doc for doc, (aid, same) in known.items() if _is_given(aid, same, names, path)}
        scores = dict(shared)
        for doc in near:
            scores[doc] = scores.get(doc, 0) + 5
        # The first `limit` of all (score, doc) sorted high to low, without sorting the
        # thousands of articles that share one 4-gram (a 100k index: 4,439, 3 ms).
        top = heapq.nlargest(limit, ((n, doc) for doc, n in scores.items() if doc not in this))
        ranked = [doc for _, doc in top]
        docs = sorted(this) + ranked
        held = store.shared_keys(keys.fingerprints, [doc for doc in docs if doc in shared])
        ngram = min(fp.NGRAM, len(words))
        quoted = _Quoted(text)

        def strong(doc: int, keys_held: list[int]) -> bool:
            """Whether ``doc``'s hit would not be :func:`weak` (the given article aside)."""
            if doc in near or known.get(doc, ("", False))[1]:
                return True
            return _longest(keys.at, keys_held, ngram) >= PASSAGE_WORDS

        evident = {doc for doc in ranked if strong(doc, held.get(doc, []))}
        evident |= {doc for doc in ranked if doc not in evident and quoted.shared(store, doc)}
        if len(evident) < len(ranked) < sum(doc not in this for doc in scores):
            # A weak hit is shown: hits with evidence ranked below the limit come before it
            # (in a large index thousands of articles share some stock phrase with this one).
            listed = set(ranked)
            rest = sorted(((n, d) for d, n in scores.items() if d not in this), reverse=True)
            below = [doc for _, doc in rest if doc not in listed]
            extra = _evidence_below(store, below, shared, keys, strong, quoted)
            extra = extra[: len(ranked) - len(evident)]
            held |= store.shared_keys(keys.fingerprints, [doc for doc in extra if doc in shared])
            weak_ranked = [doc for doc in ranked if doc not in evident]
            ranked = [doc for doc in ranked if doc in evident] + extra
            ranked += weak_ranked[: limit - len(ranked)]
            docs = sorted(this) + ranked
        left_out = sum(doc not in this for doc in scores) - len(ranked)
        out = []
        for doc in docs:
            runs = _runs(keys.at, held.get(doc, []), ngram)
            spans = [[words.starts[i], words.ends[j - 1]] for i, j in runs]
            i, j = max(runs, key=lambda r: r[1] - r[0], default=(0, 0))
            a = store.article(doc)
            near_duplicate = doc in near and doc not in this
            out.append(
                {
                    "id": a["id"],
                    "title": a["title"],
                    "label": a["title"] or lead_title(a["text"]) or a["id"],
                    "outlet": a["outlet"],
                    "published": a["published"],
                    "shared_fingerprints": shared.get(doc, 0),
                    "shared_words": sum(j - i for i, j in runs),
                    "longest_shared_words": j - i,
                    "longest_shared": short(text[words.starts[i] : words.ends[j - 1]], 200)
                    if j > i
                    else "",
                    "shared_spans": spans,
                    "near_duplicate": near_duplicate,
                    "identical": known.get(doc, ("", False))[1],
                    "this_article": doc in this,
                    "shared_quotes": quoted.shared(store, doc),
                    "score": shared.get(doc, 0) + 5 * near_duplicate,
                }
            )
    hits = by_evidence(out)
    for h in hits:
        h["candidates_not_shown"] = left_out
    return hits


class _Quoted:
    """The quotes of the article looked up, extracted once and only when a stored article
    holding quotes is compared with them (most hits of a plain look-up hold none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._keys: set[str] | None = None
        self._grams: list[set[int]] | None = None
        self._shared: dict[int, int] = {}

    def keys(self) -> set[str]:
        if self._keys is None:
            self._keys = _quote_keys(self.text)
        return self._keys

    def grams(self) -> list[set[int]]:
        """Each quote's word 4-gram fingerprints: an article sharing the quote holds them
        all (the quote's words are in both texts)."""
        if self._grams is None:
            self._grams = [g for g in map(fp.word_grams, self.keys()) if g]
        return self._grams

    def shared(self, store: Store, doc: int) -> int:
        """How many of the quotes the stored article ``doc`` holds."""
        if doc not in self._shared:
            qs = {" ".join(_words(q["content"] or "")) for q in store.quotes(doc)}
            mine = self.keys() if qs else set()
            self._shared[doc] = len(mine & qs)
        return self._shared[doc]


def _longest(at: dict[int, list[int]], keys_held: list[int], ngram: int) -> int:
    """The longest run of words :func:`_runs` finds."""
    return max((j - i for i, j in _runs(at, keys_held, ngram)), default=0)


def _fewest_keys(at: dict[int, list[int]]) -> int:
    """Fewest distinct fingerprints a stored article holds when it shares a run of
    :data:`PASSAGE_WORDS` words with the text whose 4-grams start at ``at``'s positions: 3,
    as :func:`_runs` joins a 4-gram starting at most 3 words after the one before, so a run
    of 8 words joins three or more, the first three starting within 6 words; they are
    distinct unless a 4-gram repeats within 6 words of itself ("ha ha ha ha ha ha"), and
    then 1.

    >>> _fewest_keys(fp.query("The council voted on Friday to close the old bridge").at)
    3
    >>> _fewest_keys(fp.query("The crowd sang la la la la la la la on Friday").at)
    1
    """
    key_at = {i: k for k, where in at.items() for i in where}
    near_repeat = any(key_at.get(i + d) == k for i, k in key_at.items() for d in range(1, 7))
    return 1 if near_repeat else 3


def _evidence_below(
    store: Store,
    docs: list[int],
    shared: dict[int, int],
    keys: fp.Query,
    strong: Callable[[int, list[int]], bool],
    quoted: _Quoted,
) -> list[int]:
    """Those of ``docs`` (ranked below the limit, in rank order) whose hit would not be
    :func:`weak`, found without reading every article that shares a 4-gram: a passage needs
    a few shared fingerprints (:func:`_fewest_keys`), and a shared quote needs every 4-gram
    of one of the quotes of the article looked up, and a stored quote."""
    need = _fewest_keys(keys.at)
    held = store.shared_keys(keys.fingerprints, [d for d in docs if shared.get(d, 0) >= need])
    out = {doc for doc in docs if strong(doc, held.get(doc, []))}
    with_quotes = set(store.docs_with_quotes([d for d in docs if d not in out and d in shared]))
    grams = quoted.grams() if with_quotes else []  # the quote extractor: only when needed
    if grams:
        union = sorted(set().union(*grams))
        holding = [d for d in store.docs_sharing(union) if d in with_quotes]
        parts = store.shared_keys(union, holding)
        whole = [d for d in holding if any(g <= set(parts.get(d, ())) for g in grams)]
        out |= {doc for doc in whole if quoted.shared(store, doc)}
    return [doc for doc in docs if doc in out]


def _is_given(stored_id: str, same_text: bool, names: list[str], path: str | None) -> bool:
    """Whether the stored article ``stored_id`` is the article given: its id is one of
    ``names`` (the given id, the path as given), or, with the same text, it is a path
    naming the same file as ``path`` (indexed from another folder or spelt otherwise)."""
    if stored_id in names:
        return True
    if not (same_text and path):
        return False
    try:
        return os.path.samefile(stored_id, path)
    except (OSError, ValueError):  # not a path here, or not a file any longer
        return False


def _quote_keys(text: str) -> set[str]:
    """The normalised words of each quotation part of ``text`` of four words or more, as
    :func:`match` compares them with stored quotes."""
    from storytrace.quotes import extract_quotes  # with its rules: only when a hit has quotes

    keys = {
        " ".join(_words(text[s:e])) for q in extract_quotes(text, parser=False) for s, e in q.parts
    }
    return {k for k in keys if len(k.split()) >= 4}
