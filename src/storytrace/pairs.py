"""Batch comparison: stream pair records through :func:`compare` on all cores.

A pair record is ``{"id", "a", "b"}`` with file paths or ``{"id", "a_text",
"b_text"}`` with the texts. Results come back in input order, one dict per
record; a bad record yields ``{"id", "error"}`` instead of stopping the stream.
Every pair is compared with the same :class:`storytrace.align.Options` as a
single ``compare`` (``--semantic`` included). A text in many pairs is prepared (its
``Doc`` with the analyses kept on it) once per process: the pairs are compared grouped by
text (:func:`plan`) by processes that keep many prepared texts (:data:`BATCH_DOCS`).

Example:
    >>> recs = [{"id": "p1", "a_text": "one two three four", "b_text": "five six"}]
    >>> [r["verdict"] for r in compare_records(recs, workers=1)]
    ['unrelated']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

from storytrace import procpool, synonyms
from storytrace.align import DEFAULT, Options, compare
from storytrace.articles import Article, InputError, article_from_text, read_article
from storytrace.text import set_doc_cache_limits

# Batch workers keep the Docs of many texts (each with its analyses: quotes, spin, stems),
# so a text compared with many others is prepared once per process, not once per pair.
# Measured: a process that compared 700 BBC articles (1.3M characters) one after another
# peaked at 241 MiB keeping 512 of them, 219 MiB keeping 64 (the default); by tracemalloc
# a prepared text takes at most about 80 bytes a character, so the character limit keeps
# the kept texts under about 250 MB whatever their length.
BATCH_DOCS = 512
"""Most prepared texts (:func:`storytrace.text.doc_of`'s Docs) a batch process keeps."""
BATCH_CHARS = 3_000_000
"""Most characters those texts may hold together."""
WINDOW = 2048
"""Pair records planned together (see :func:`plan`). Results leave in input order, so up to
about a window of finished results waits for the slowest part of its window."""
TASK_PAIRS = 16
"""Pairs a worker is handed at a time: small enough to keep both workers busy to the end."""


def record_problem(rec: dict) -> str | None:
    """What makes ``rec`` no pair record (a side missing, a text that is no string), or
    None. The command line names the line of such a record; :func:`compare_record` reports
    it as the record's error."""
    for side in ("a", "b"):
        if f"{side}_text" in rec:
            if not isinstance(rec[f"{side}_text"], str):
                return f"field {side}_text must be a string"
        elif side not in rec:
            return f"record has neither '{side}' nor '{side}_text'"
    return None


def _load_side(rec: dict, side: str, base: Path | None) -> object:
    if f"{side}_text" in rec:
        return article_from_text(rec[f"{side}_text"], source=f"{rec.get('id', '?')}:{side}")
    path = Path(str(rec[side]))
    if base is not None and not path.is_absolute():
        path = base / path
    return _read_kept(path)


def _read_kept(path: Path) -> Article:
    """``read_article(path)``, read once per process while the file stays as it was: a
    batch names the same file in many pairs (reading and decoding a BBC article takes about
    80 µs, extracting an HTML page far more)."""
    try:
        st = os.stat(path)
    except OSError:
        return read_article(path)  # its own one-line error (or standard input for "-")
    return _read_stamped(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=BATCH_DOCS)
def _read_stamped(path: str, mtime_ns: int, size: int) -> Article:
    return read_article(path)


def compare_record(
    rec: dict, base: Path | None = None, include_text: bool = True, options: Options = DEFAULT
) -> dict:
    """Compare one pair record; errors become an ``error`` field, never exceptions."""
    rid = rec.get("id")
    try:
        if problem := record_problem(rec):
            raise InputError(problem)
        a = _load_side(rec, "a", base)
        b = _load_side(rec, "b", base)
        out = compare(a, b, options).to_dict(include_text=include_text)  # type: ignore[arg-type]
    except InputError as e:
        return {"id": rid, "error": str(e)}
    return {"id": rid, **out}


_WARM_A = (
    "Rail fares will rise in May, the transport minister said on Tuesday.\n"
    '"We have no choice," Maria Okafor told reporters in Leeds, where 40,000 commuters '
    "face higher prices."
)
_WARM_B = (
    "Train fares are to go up in May, the transport minister announced on Tuesday.\n"
    '"We have no choice," Ms Okafor said in Leeds, where 40,000 commuters face dearer tickets.'
)


def _side_key(rec: dict, side: str) -> object:
    text = rec.get(f"{side}_text")
    if isinstance(text, str):
        return text
    return ("path", str(rec.get(side)))  # a tuple never equals a text


def plan(records: list[dict], block: int | None = None) -> list[int]:
    """The order to compare ``records`` in so that each text's pairs come together.

    Texts (or paths) are numbered by first appearance; pair ``(i, j)`` goes to the block
    ``(min // block, max // block)``, and within a block the pairs of one text follow each
    other. A block has at most ``2 * block`` texts (``block`` is a quarter of
    :data:`BATCH_DOCS` unless given), so a process that keeps :data:`BATCH_DOCS` Docs
    prepares each text once per block however the input is ordered (all pairs of a corpus,
    or each new article against its candidates).

    >>> recs = [{"a_text": a, "b_text": b} for a, b in ("xy", "zw", "xz", "yw", "xw", "yz")]
    >>> plan(recs, block=2)
    [0, 2, 4, 5, 3, 1]
    """
    block = block or max(1, BATCH_DOCS // 4)
    number: dict[object, int] = {}
    keys = []
    for k, rec in enumerate(records):
        i = number.setdefault(_side_key(rec, "a"), len(number))
        j = number.setdefault(_side_key(rec, "b"), len(number))
        lo, hi = (i, j) if i <= j else (j, i)
        keys.append((lo // block, hi // block, lo, hi, k))
    keys.sort()
    return [key[-1] for key in keys]


def _tasks(jobs: Iterable[tuple[int, dict]]) -> Iterator[list[tuple[int, dict]]]:
    """``(index, record)`` jobs cut into windows, each window's in :func:`plan`'s order, in
    lists of :data:`TASK_PAIRS`."""
    it = iter(jobs)
    while window := list(islice(it, WINDOW)):
        order = plan([rec for _, rec in window])
        for s in range(0, len(order), TASK_PAIRS):
            yield [window[k] for k in order[s : s + TASK_PAIRS]]


def _in_order(done: Iterable[list[tuple[int, dict]]]) -> Iterator[dict]:
    """Results of numbered jobs, yielded in number order as soon as each is there."""
    waiting: dict[int, dict] = {}
    nxt = 0
    for results in done:
        waiting.update(results)
        while nxt in waiting:
            yield waiting.pop(nxt)
            nxt += 1


def _run_task(
    task: list[tuple[int, dict]], base: Path | None, include_text: bool, options: Options
) -> list[tuple[int, dict]]:
    return [(k, compare_record(rec, base, include_text, options)) for k, rec in task]


def _work(job: tuple[list[tuple[int, dict]], Path | None, bool, Options]) -> list:
    return _run_task(*job)


def _init_worker() -> None:
    set_doc_cache_limits(BATCH_DOCS, BATCH_CHARS)


def compare_records(
    records: Iterable[dict],
    workers: int | None = None,
    base: Path | None = None,
    include_text: bool = True,
    options: Options = DEFAULT,
) -> Iterator[dict]:
    """Compare pair records in parallel, yielding results in input order.

    ``options`` are :func:`compare`'s (``--semantic`` and the rest), the same for every pair.
    The pairs are compared in :func:`plan`'s order, a window of :data:`WINDOW` records at a
    time, by processes that keep up to :data:`BATCH_DOCS` prepared texts.
    """
    tasks = _tasks(enumerate(records))
    n = workers or os.cpu_count() or 1
    if n <= 1:
        before = set_doc_cache_limits(BATCH_DOCS, BATCH_CHARS)
        try:
            yield from _in_order(_run_task(t, base, include_text, options) for t in tasks)
        finally:
            set_doc_cache_limits(*before)
        return
    if (options.synonyms or options.spin) and synonyms.available():
        synonyms.load()  # once, before the fork, instead of once per worker
    # One small comparison loads the other lazy tables (word frequencies for evidence
    # and spin, the quote lexicon) before the fork too, so the workers share them.
    compare(_WARM_A, _WARM_B, options)
    # fork shares the imported modules with the workers, so start-up is cheap.
    method = "fork" if hasattr(os, "fork") else None
    jobs = ((t, base, include_text, options) for t in tasks)
    with procpool.pool(n, initializer=_init_worker, method=method) as pool:
        yield from _in_order(pool.imap(_work, jobs))
