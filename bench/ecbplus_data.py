"""ECB+ documents rebuilt from their tokens: the one loader of ``bench/ecbplus.py`` and
``bench/evidence_bench.py``.

Reads ``<data>/ecbplus/ECB+/<topic>/<topic>_<n>ecb[plus].xml`` (research use only; read at
run time, never copied). Each document becomes one line per sentence. ``ecbplus`` documents
open with their URL as a sentence: it is dropped from the text and its host kept, so pairs
from different outlets can be told apart. Gold events are the topic plus the ``ecb`` /
``ecbplus`` suffix: each topic holds two events of the same kind.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import TypedDict


class EcbDoc(TypedDict):
    text: str
    topic: int
    event: str  # "<topic>ecb" or "<topic>ecbplus"
    kind: str  # "ecb" or "ecbplus"
    host: str | None  # the outlet's host, from the URL line of ecbplus documents


def detokenise(tokens: list[str]) -> str:
    """Tokens joined as running text: no space before closing punctuation or clitics."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$£]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text


def load_ecb(root: Path, detok: bool = True) -> dict[str, EcbDoc]:
    """Documents under ``root`` (the ``ECB+`` folder) by file stem.

    ``detok=False`` joins tokens with single spaces, as ``bench/ecbplus.py`` has always read
    them (its published figures were measured on that text).
    """
    join = detokenise if detok else " ".join
    docs: dict[str, EcbDoc] = {}
    for f in sorted(root.glob("*/*.xml")):
        m = re.fullmatch(r"(\d+)_(\d+)(ecb|ecbplus)\.xml", f.name)
        if not m:
            continue
        sents: dict[int, list[str]] = defaultdict(list)
        for tok in ET.parse(f).getroot().iter("token"):
            sents[int(tok.get("sentence", 0))].append(tok.text or "")
        lines = [join(sents[k]) for k in sorted(sents)]
        host = None
        if m.group(3) == "ecbplus" and lines and re.match(r"\s*(https?|www)", lines[0]):
            url = lines.pop(0).replace(" ", "")
            hm = re.search(r"(?:https?:/+)?(?:www\d?\.)?([^/]+)", url)
            host = hm.group(1).lower() if hm else None
        docs[f.stem] = {
            "text": "\n".join(lines),
            "topic": int(m.group(1)),
            "event": f"{m.group(1)}{m.group(3)}",
            "kind": m.group(3),
            "host": host,
        }
    return docs
