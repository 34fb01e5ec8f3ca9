"""Batch comparison: stream pair records through :func:`compare` on all cores.

A pair record is ``{"id", "a", "b"}`` with file paths or ``{"id", "a_text",
"b_text"}`` with the texts. Results come back in input order, one dict per
record; a bad record yields ``{"id", "error"}`` instead of stopping the stream.
Every pair is compared with the same :class:`storytrace.align.Options` as a
single ``compare`` (``--semantic`` included).

Example:
    >>> recs = [{"id": "p1", "a_text": "one two three four", "b_text": "five six"}]
    >>> [r["verdict"] for r in compare_records(recs, workers=1)]
    ['unrelated']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from multiprocessing import get_context
from pathlib import Path

from storytrace import synonyms
from storytrace.align import DEFAULT, Options, compare
from storytrace.articles import InputError, article_from_text, read_article


def _load_side(rec: dict, side: str, base: Path | None) -> object:
    if f"{side}_text" in rec:
        text = rec[f"{side}_text"]
        if not isinstance(text, str):
            raise InputError(f"field {side}_text must be a string")
        return article_from_text(text, source=f"{rec.get('id', '?')}:{side}")
    if side in rec:
        path = Path(str(rec[side]))
        if base is not None and not path.is_absolute():
            path = base / path
        return read_article(path)
    raise InputError(f"record has neither '{side}' nor '{side}_text'")


def compare_record(
    rec: dict, base: Path | None = None, include_text: bool = True, options: Options = DEFAULT
) -> dict:
    """Compare one pair record; errors become an ``error`` field, never exceptions."""
    rid = rec.get("id")
    try:
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


def _work(job: tuple[dict, Path | None, bool, Options]) -> dict:
    return compare_record(*job)


def compare_records(
    records: Iterable[dict],
    workers: int | None = None,
    base: Path | None = None,
    include_text: bool = True,
    options: Options = DEFAULT,
) -> Iterator[dict]:
    """Compare pair records in parallel, yielding results in input order.

    ``options`` are :func:`compare`'s (``--semantic`` and the rest), the same for every pair.
    """
    jobs = ((rec, base, include_text, options) for rec in records)
    n = workers or os.cpu_count() or 1
    if n <= 1:
        yield from map(_work, jobs)
        return
    if (options.synonyms or options.spin) and synonyms.available():
        synonyms.load()  # once, before the fork, instead of once per worker
    # One small comparison loads the other lazy tables (word frequencies for evidence
    # and spin, the quote lexicon) before the fork too, so the workers share them.
    compare(_WARM_A, _WARM_B, options)
    # fork shares the imported modules with the workers, so start-up is cheap.
    ctx = get_context("fork") if hasattr(os, "fork") else get_context()
    with ctx.Pool(n) as pool:
        yield from pool.imap(_work, jobs, chunksize=8)
