"""The embedded store: one SQLite file (WAL) in a folder.

Each article goes in with its fingerprints and quotes inside one transaction,
so a killed run leaves either the whole article or none of it; re-running skips
articles already stored with the same content hash.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from storytrace.articles import InputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, published TEXT, source TEXT,
    text TEXT NOT NULL,
    minhash BLOB NOT NULL,
    shingles BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
CREATE TABLE IF NOT EXISTS postings (
    h INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (h, doc)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh (
    key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
    doc INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    kind TEXT, speaker_name TEXT, content TEXT
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc);
"""


@dataclass(slots=True)
class Record:
    """One article ready to store: text, metadata and its fingerprints."""

    id: str
    text: str
    hash: str
    minhash: np.ndarray
    shingles: np.ndarray
    sampled: np.ndarray
    lsh_keys: list[int]
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None
    quotes: list[tuple[int, int, str, str | None]] = field(default_factory=list)


class Store:
    """An article store in ``folder/storytrace.db``."""

    def __init__(self, folder: str | Path, create: bool = True) -> None:
        folder = Path(folder)
        self.path = folder / "storytrace.db"
        if not create and not self.path.exists():
            raise InputError(f"{folder}: no index here (run 'storytrace index ... --db {folder}')")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
        except (OSError, sqlite3.Error) as e:
            raise InputError(f"{folder}: cannot open the index ({e})") from None
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # A large page cache keeps the postings B-tree in memory during bulk inserts.
        self.db.execute("PRAGMA cache_size=-262144")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self, article_id: str) -> str | None:
        """The stored content hash of ``article_id``, or None."""
        row = self.db.execute("SELECT hash FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def add_many(self, records: Iterable[Record]) -> int:
        """Store records in one transaction (replacing changed ones); returns how many."""
        n = 0
        postings: list[tuple[int, int]] = []
        with self.db:
            for r in records:
                old = self.db.execute("SELECT doc FROM articles WHERE id=?", (r.id,)).fetchone()
                if old:
                    for t in ("postings", "lsh", "quotes"):
                        self.db.execute(f"DELETE FROM {t} WHERE doc=?", old)  # noqa: S608
                    self.db.execute("DELETE FROM articles WHERE doc=?", old)
                cur = self.db.execute(
                    "INSERT INTO articles(id,hash,title,url,outlet,published,source,text,"
                    "minhash,shingles) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        r.id,
                        r.hash,
                        r.title,
                        r.url,
                        r.outlet,
                        r.published,
                        r.source,
                        r.text,
                        r.minhash.astype("<u8").tobytes(),
                        r.shingles.astype("<i8").tobytes(),
                    ),
                )
                doc = cur.lastrowid
                postings.extend((h, doc) for h in r.sampled.tolist())
                self.db.executemany(
                    "INSERT OR IGNORE INTO lsh VALUES (?,?)", ((k, doc) for k in r.lsh_keys)
                )
                self.db.executemany(
                    "INSERT INTO quotes VALUES (?,?,?,?,?,?)",
                    ((doc, s, e, k, sp, r.text[s:e]) for s, e, k, sp in r.quotes),
                )
                n += 1
            # Key order turns random B-tree inserts into mostly sequential ones.
            postings.sort()
            self.db.executemany("INSERT OR IGNORE INTO postings VALUES (?,?)", postings)
        return n

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def ids(self) -> dict[int, str]:
        return dict(self.db.execute("SELECT doc, id FROM articles"))

    def article(self, doc: int) -> dict:
        cur = self.db.execute(
            "SELECT id,title,url,outlet,published,source,text FROM articles WHERE doc=?", (doc,)
        )
        row = cur.fetchone()
        keys = ("id", "title", "url", "outlet", "published", "source", "text")
        return dict(zip(keys, row, strict=True))

    def iter_articles(self) -> Iterator[dict]:
        cur = self.db.execute(
            "SELECT doc,id,title,url,outlet,published,source,text FROM articles ORDER BY doc"
        )
        keys = ("doc", "id", "title", "url", "outlet", "published", "source", "text")
        for row in cur:
            yield dict(zip(keys, row, strict=True))

    def iter_fingerprints(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """``(doc, shingles, minhash)`` for every stored article."""
        for doc, sh, mh in self.db.execute("SELECT doc, shingles, minhash FROM articles"):
            yield doc, np.frombuffer(sh, "<i8"), np.frombuffer(mh, "<u8")

    def docs_sharing(self, hashes: list[int]) -> dict[int, int]:
        """Stored docs holding any of the sampled ``hashes``, with the count shared."""
        out: dict[int, int] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = f"SELECT doc, count(*) FROM postings WHERE h IN ({','.join('?' * len(chunk))}) GROUP BY doc"  # noqa: S608,E501
            for doc, c in self.db.execute(q, chunk):
                out[doc] = out.get(doc, 0) + c
        return out

    def docs_in_buckets(self, keys: list[int]) -> set[int]:
        q = f"SELECT DISTINCT doc FROM lsh WHERE key IN ({','.join('?' * len(keys))})"  # noqa: S608
        return {d for (d,) in self.db.execute(q, keys)}

    def quotes(self, doc: int) -> list[dict]:
        cur = self.db.execute(
            "SELECT start,end,kind,speaker_name,content FROM quotes WHERE doc=? ORDER BY start",
            (doc,),
        )
        keys = ("start", "end", "kind", "speaker_name", "content")
        return [dict(zip(keys, r, strict=True)) for r in cur]

    def all_quotes(self) -> Iterator[tuple[int, dict]]:
        cur = self.db.execute("SELECT doc,start,end,kind,speaker_name,content FROM quotes")
        keys = ("start", "end", "kind", "speaker_name", "content")
        for r in cur:
            yield r[0], dict(zip(keys, r[1:], strict=True))
