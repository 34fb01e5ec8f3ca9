"""Article texts for the self-annotated quote evaluation (``bench/quote_eval.py``).

The texts are research data in ``../shared/data`` and are never copied into the repository:
the annotations (``bench/quote_eval/annotations.jsonl``) hold only article ids, character
offsets, speaker strings and a short hash of each text, and this module rebuilds the exact
text the offsets index into, at run time.

- ``bbc:<category>/<NNN>.txt``: the BBC News file as it is (UTF-8, Latin-1 for the one
  file that is not), line endings normalised to ``\\n``.
- ``ecbplus:<topic>/<name>.xml``: an ECB+ document rebuilt from its tokens. The URL line that
  opens ``ecbplus`` documents is dropped (it gives the outlet); the first sentence (the
  headline) is its own paragraph, and the other sentences are joined with single spaces
  into one paragraph (ECB+ keeps no paragraph breaks). Tokens are joined with the usual
  English spacing rules: no space before closing punctuation and clitics ("SeaMicro ’ s"
  becomes "SeaMicro’s"), and straight double quotation marks alternate between opening
  and closing (space before an opening mark, none after it).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "...", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "``", "#"}
_CLITICS = {"s", "t", "re", "ll", "ve", "d", "m", "S", "T"}


def text_hash(text: str) -> str:
    """The first 12 hex digits of the text's SHA-256: detects a changed copy."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def detokenise(sentences: list[list[str]]) -> str:
    """Join ECB+ tokens into running text (see the module docstring)."""
    out: list[str] = []
    open_dq = False
    for si, toks in enumerate(sentences):
        parts: list[str] = []
        no_space = True
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok in ("’", "'") and i + 1 < len(toks) and toks[i + 1] in _CLITICS and parts:
                # "SeaMicro ’ s" -> "SeaMicro’s"
                parts.append(tok + toks[i + 1])
                no_space = False
                i += 2
                continue
            space = not no_space
            if tok == '"':
                if open_dq:
                    space = False
                    no_space = False
                else:
                    no_space = True
                open_dq = not open_dq
            else:
                if tok.startswith('"') and tok.count('"') == 1:
                    open_dq = True
                elif tok.endswith('"') and tok.count('"') == 1:
                    open_dq = False
                if tok in _NO_SPACE_BEFORE or tok in ("’",) or re.fullmatch(r"n't|'[a-z]+", tok):
                    space = False
                no_space = tok in _NO_SPACE_AFTER
            if space and parts:
                parts.append(" ")
            parts.append(tok)
            i += 1
        out.append("".join(parts))
        if si == 0:
            out.append("\n\n")
        elif si + 1 < len(sentences):
            out.append(" ")
    return "".join(out).strip() + "\n"


def load_text(article: str, data: Path = DATA) -> str:
    """The text an annotation's offsets index into. ``article`` is ``bbc:...`` or
    ``ecbplus:...`` (see the module docstring)."""
    corpus, _, rel = article.partition(":")
    if corpus == "bbc":
        raw = (data / "bbc" / "bbc" / rel).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if corpus == "ecbplus":
        path = data / "ecbplus" / "ECB+" / rel
        sents: dict[int, list[str]] = defaultdict(list)
        for tok in ET.parse(path).getroot().iter("token"):
            sents[int(tok.get("sentence", 0))].append(tok.text or "")
        lines = [sents[k] for k in sorted(sents)]
        if lines and re.match(r"\s*(?:https?|www)", "".join(lines[0])):
            lines = lines[1:]
        return detokenise(lines)
    raise ValueError(f"unknown corpus in {article!r}")
