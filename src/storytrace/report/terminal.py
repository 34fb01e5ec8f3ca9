"""The terminal view: a comparison's verdict, coverage and passages as rich renderables.

Article text and file names are printed as :class:`rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storytrace.align import Comparison, Passage
from storytrace.report.common import VERDICT_HELP, pct
from storytrace.report.shape import LABEL_CHARS, lead_names
from storytrace.text import short

KIND_STYLE = {
    "verbatim": "bold green",
    "edited": "bold yellow",
    "spun": "bold magenta",
    "reworded": "bold cyan",
}
_ELLIPSIS_WORDS = 8


def _side_text(text: str, p: Passage, side: str) -> Text:
    """One side of a passage with differing words marked and long equal runs elided."""
    out = Text()
    prev = None
    for e in p.edits:
        s, t = e.a if side == "a" else e.b
        if prev is not None and s > prev:
            out.append(text[prev:s])  # the punctuation and spacing between edits
        prev = t
        chunk = text[s:t]
        if e.op == "equal":
            words = chunk.split()
            if len(words) > 2 * _ELLIPSIS_WORDS + 1:
                chunk = (
                    " ".join(words[:_ELLIPSIS_WORDS]) + " … " + " ".join(words[-_ELLIPSIS_WORDS:])
                )
            out.append(chunk)
        elif chunk:
            style = "red strike" if side == "a" else "green underline"
            if e.op == "synonym":
                style = "magenta underline"
            out.append(chunk, style=style)
    return out


def terminal_summary(cmp: Comparison, max_passages: int = 30) -> Group:
    """A rich renderable: verdict, coverage and the shared passages in both versions."""
    cov = cmp.coverage
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row(
        "verdict",
        Text.assemble((cmp.verdict, "bold reverse"), f"  {VERDICT_HELP.get(cmp.verdict, '')}"),
    )
    if cmp.evidence is not None:  # the rule behind the verdict, as --json gives it
        head.add_row("why", Text(f"{cmp.evidence.rule}: {cmp.evidence.explanation}"))
        if cmp.evidence.caveat:  # the verdict stands on the same people alone
            head.add_row("caveat", Text(cmp.evidence.caveat, style="yellow"))
        dated = cmp.evidence.published
        if dated.a_raw or dated.b_raw:  # undated inputs: no row, as before dates were read
            head.add_row("published", Text(f"{dated.said()}: {dated.reading}"))
    if cmp.revision_features:  # issue 14: how much the shared passages differ, and why
        head.add_row("revision", Text(f"{cmp.revision}  {cmp.revision_features.reason}"))
    cov_table = Table(title="Coverage (share of each article's words in shared passages)")
    cov_table.add_column("")
    cov_table.add_column("all words", justify="right")
    cov_table.add_column("outside quotes", justify="right")
    cov_table.add_row("A", pct(cov["a"]), pct(cov["a_outside_quotes"]))
    cov_table.add_row("B", pct(cov["b"]), pct(cov["b_outside_quotes"]))
    # Paths stay whole on one line (copyable, greppable) and are never read as markup.
    names = [
        Text.assemble((f"{side}        ", "bold"), src, no_wrap=True, overflow="ignore")
        for side, src in (("A", cmp.a.source), ("B", cmp.b.source))
    ]
    parts: list = [head, *names, cov_table]
    # The same plain-language findings as the HTML report and the JSON.
    parts += [Text(f"• {f}") for f in cmp.findings]
    kinds: dict[str, int] = {}
    for p in cmp.passages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "none"
    parts.append(Text(f"Shared passages: {summary} (mode: {cmp.mode})", style="bold"))
    for n, p in enumerate(cmp.passages[:max_passages], 1):
        body = Table.grid(padding=(0, 1))
        body.add_column(style="dim", no_wrap=True)
        body.add_column()
        body.add_row(f"A {p.a[0]}-{p.a[1]}", _side_text(cmp.a.text, p, "a"))
        body.add_row(f"B {p.b[0]}-{p.b[1]}", _side_text(cmp.b.text, p, "b"))
        title = Text.assemble(
            f"#{n} ",
            (p.kind, KIND_STYLE.get(p.kind, "bold")),
            # A trimmed copy: every shared word unchanged, one side leaves stretches out.
            " (trimmed)" if p.trimmed else "",
            f" {p.score:.2f}",
        )
        parts.append(Panel(body, title=title, title_align="left", expand=True))
    if len(cmp.passages) > max_passages:
        parts.append(Text(f"… {len(cmp.passages) - max_passages} more passages (see --json)"))
    if cmp.passages:
        parts.append(
            Text("red strike: words only in A   green underline: words only in B", style="dim")
        )
    return Group(*parts)


def stories_text(stories: list[dict], max_copies: int = 12) -> str:
    """Shaped stories (:func:`storytrace.report.shape.shape_stories`) as plain text lines.

    Each story with more than one article: its title, its one-line summary,
    then its copies (who took from whom, when, how), the pairs that retell each other in
    other words (who published first, never as a copy; how many in an order nobody knows),
    how many are linked as the same story without
    copying, near-duplicate groups, and what joins its members (``members``:
    how many by reuse, quote or vocabulary, and the lowest-scoring vocabulary join).
    Plain text, so titles and ids are printed as they are, never as markup. With no story
    of two articles or more, one line says so and how many articles were looked at; else a
    closing line counts the stories listed and the articles in none of them.

    >>> story = {"id": "1", "title": "Bridge to close", "summary": "2 articles", "articles": [
    ...     {"id": "a", "label": "Bridge to close", "outlet": "Gazette", "when": "2024-10-20"},
    ...     {"id": "b", "label": "Bridge shut", "outlet": "Post", "when": "2024-10-21"}],
    ...     "nodes": [], "edges": [{"source": "a", "target": "b", "directed": True,
    ...     "kind": "copied", "basis": "time", "source_title": "Bridge to close",
    ...     "target_title": "Bridge shut"}]}
    >>> print(stories_text([story]), end="")
    story 1: Bridge to close
      2 articles
      copy: Post 2024-10-21 “Bridge shut” <- Gazette 2024-10-20 “Bridge to close” (copied, by time)
    """
    lines: list[str] = []
    for s in stories:
        if len(s["articles"]) < 2:
            continue
        arts = {a["id"]: a for a in s["articles"]}

        def who(article_id: str, arts: dict = arts) -> str:
            a = arts.get(article_id, {})
            where = " ".join(x for x in (a.get("outlet"), a.get("when")) if x)
            label = short(a.get("label") or article_id, LABEL_CHARS)
            return f"{where} “{label}”" if where else f"“{label}”"

        lines += [f"story {s['id']}: {s['title']}", f"  {s['summary']}"]
        copies = [e for e in s["edges"] if e["directed"]]
        for e in copies[:max_copies]:
            basis = f", by {e['basis']}" if e.get("basis") else ""
            lines.append(f"  copy: {who(e['target'])} <- {who(e['source'])} ({e['kind']}{basis})")
        if len(copies) > max_copies:
            lines.append(f"  … {len(copies) - max_copies} more copies (see --json or --html)")
        # Prose printed alike whose order the evidence does not give (one article inside
        # another may be an excerpt or an extension): listed, never counted as a copy. A
        # retelling both took from one source is listed with what that rests on.
        unordered = [
            e
            for e in s["edges"]
            if not e["directed"]
            and (
                e["kind"] in ("copied", "spun")
                or (e["kind"] == "reworded" and e.get("basis") == "common-source")
            )
        ]
        for e in unordered[:max_copies]:
            how = "from one source" if e.get("basis") == "common-source" else "order unknown"
            if e.get("basis_note"):
                how += f" ({e['basis_note']})"
            lines.append(f"  {e['kind']}, {how}: {who(e['source'])} and {who(e['target'])}")
        if len(unordered) > max_copies:
            more = len(unordered) - max_copies
            lines.append(f"  … {more} more pairs of unknown order (see --json or --html)")
        # A retelling in other words is no copy, whatever its dates: they say who published
        # first (two outlets retelling one police release), not that the later one copied.
        retold_after = [
            e for e in s["edges"] if e["kind"] == "reworded" and e.get("basis") == "time"
        ]
        for e in retold_after[:max_copies]:
            lines.append(
                f"  reworded, not copied: {who(e['source'])} published first;"
                f" {who(e['target'])} retells the shared passages in other words"
            )
        if len(retold_after) > max_copies:
            more = len(retold_after) - max_copies
            lines.append(f"  … {more} more reworded pairs (see --json or --html)")
        # One whose order is unknown is no pair to list, but a story that printed nothing of
        # it would read as holding fewer links than it has.
        retold = sum(e["kind"] == "reworded" and not e.get("basis") for e in s["edges"])
        if retold:
            pairs = f"{retold} pair{'s' if retold != 1 else ''}"
            lines.append(f"  reworded, order unknown: {pairs} sharing passages in other words")
        related = sum(e["kind"] == "same-story" for e in s["edges"])
        if related:
            pairs = f"{related} pair{'s' if related != 1 else ''}"
            lines.append(f"  same story, not copied: {pairs} sharing quotes or short passages")
        earlier = {
            (e["source"], e["target"])
            for e in s["edges"]
            if e["basis"] == "near-duplicate" and e.get("earlier")
        }
        for n in s.get("nodes", []):
            if n["count"] > 1:
                more = f" and {n['count'] - 4} more" if n["count"] > 4 else ""
                if all((n["id"], m) in earlier for m in n["members"][1:]):
                    others = ", ".join(who(m) for m in n["members"][1:4])
                    lines.append(f"  near-duplicates of {who(n['id'])}: {others}{more}")
                else:  # undated: no member is known to be the first
                    group = ", ".join(who(m) for m in n["members"][:4])
                    lines.append(f"  near-duplicates, which came first unknown: {group}{more}")
        members = [a["member"] for a in s["articles"] if a.get("member")]
        if members:
            # What holds the story together, and its weakest vocabulary join: a reader sees
            # at once whether it rests on shared text or on similar wording alone.
            kinds = Counter(m["joined_by"] for m in members)
            held = ", ".join(
                f"{kinds[k]} by {k}"
                for k in ("reuse", "quote", "vocabulary", "unknown")
                if kinds[k]
            )
            vocab = [m for m in members if m["joined_by"] == "vocabulary"]
            if vocab:
                low = min(vocab, key=lambda m: (m["score"], m["article"]))
                held += (
                    # Both ends of the join: in a two-article story the weakest member
                    # alone is often the article the story is titled by.
                    f"; weakest: {who(low['article'])} with {who(low['with'])}"
                    f" at score {low['score']:.3f}"
                    f" ({lead_names(low)})"
                )
            lines.append(f"  in the story: {held}")
        if s.get("caveat"):
            lines.append(f"  {s['caveat']}")
    alone = sum(len(s["articles"]) for s in stories if len(s["articles"]) < 2)
    if not lines:
        # An empty answer reads as a failure: say what was looked at and found.
        lines.append(f"no story: none of the {alone} indexed articles shares a story with another")
    elif alone:
        # The articles left out are not listed, and without a count the stories above read
        # as the whole index.
        shown = sum(len(s["articles"]) >= 2 for s in stories)
        lines.append(
            f"{shown} stor{'ies' if shown != 1 else 'y'} of two articles or more; "
            f"{alone} article{'s' if alone != 1 else ''} in none (not listed; --json lists every"
            " story)"
        )
    return "".join(line + "\n" for line in lines)
