"""Stories shaped for people: titled, summarised, articles labelled and in time order.

The web pages, the API, ``stories --html`` and the terminal listing all show
stories through :func:`shape_stories`, so they agree on titles, labels and counts.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from storytrace.articles import TITLE_CHARS, lead_title
from storytrace.stories import time_order
from storytrace.text import short


def when(published: str | None) -> str:
    """A stored UTC timestamp for display: the date, and the time when it is not midnight.

    >>> when("2024-10-24T14:05:00+00:00"), when("2024-10-24T00:00:00+00:00"), when(None)
    ('2024-10-24 14:05', '2024-10-24', '')
    """
    if not published:
        return ""
    day, _, clock = published.partition("T")
    clock = clock[:5]
    return day if not clock or clock == "00:00" else f"{day} {clock}"


def _order(a: dict) -> tuple:
    return (a.get("published") is None, a.get("published") or "", a["id"])


def shape_stories(
    raw_stories: list[dict],
    meta: dict[str, dict],
    heads: Mapping[str, str] | None = None,
) -> list[dict]:
    """Stories from :func:`storytrace.corpus.stories` shaped for pages, the API and terminal.

    ``meta`` maps article id to ``{"id", "title", "outlet", "published",
    "words", ...}`` (:meth:`storytrace.store.Store.article_meta`); ``heads``
    maps an article without a title to the start of its text
    (:meth:`storytrace.store.Store.heads`), which names it instead. Each story
    gets:

    - ``title``: the earliest article's headline, else the opening of its first line (with
      no article dated, the article the others are joined with most: :func:`_title_article`);
    - ``summary``: one line with outlets (and how many articles have none), time span, copies,
      the source where known and the pairs copied, spun or near-duplicate in an order the
      evidence does not give;
    - ``unordered``: the kinds (``copied``, ``spun``, ``duplicate``) of those pairs, one per
      pair;
    - ``source`` (the label of the article the copies were taken from most directly, else
      None) and ``sources`` (how many articles they were taken from: :func:`_source`);
    - ``articles`` in time order, each with a ``label`` (title, else its text's headline or
      opening line: :func:`storytrace.articles.lead_title`, else its id; with the id after
      it when another article
      of the story has the same label), ``when`` (for display), ``group`` (its
      near-duplicate group), ``member`` (its :class:`storytrace.stories.Member` JSON, or
      None) and ``why`` (the same in words);
    - ``caveat``: when similar wording alone holds it, :data:`WORDING_ONLY` (no article
      dated) or :data:`WORDING_ONLY_DATED`, else None;
    - ``nodes``: near-duplicate groups as one node with a ``count``;
    - ``edges`` ``{"source", "target", "directed", "basis", "kind", ...}`` between
      articles, near-duplicate links included as undirected ``duplicate`` edges;
      ``directed`` only for a copy of known source (:func:`_edge`: an undirected
      ``reworded`` edge with basis ``time`` goes from the article published first).
    """
    heads = heads or {}
    built = []
    for raw in raw_stories:
        arts = sorted((meta[i] for i in raw["articles"] if i in meta), key=_order)
        if not arts:
            continue
        group = {}
        nodes = []
        for node in raw.get("nodes") or [{"id": a["id"], "members": [a["id"]]} for a in arts]:
            members = [m for m in node["members"] if m in meta]
            for m in members:
                group[m] = node["id"]
            nodes.append({"id": node["id"], "count": len(members), "members": members})
        # Label by title, else by the text's own headline: a file's id is its
        # path, which tells a reader nothing about the story.
        arts = [
            a
            | {
                "label": a.get("title") or lead_title(heads.get(a["id"], "")) or a["id"],
                "when": when(a.get("published")),
                "group": group.get(a["id"], a["id"]),
            }
            for a in arts
        ]
        title = short(_title_article(arts, raw.get("members") or [])["label"], TITLE_CHARS)
        arts = _distinct_labels(arts)
        labels = {a["id"]: a["label"] for a in arts}
        why = {m["article"]: m for m in raw.get("members") or []}
        arts = [
            a | {"member": why.get(a["id"]), "why": _why(why.get(a["id"]), labels)} for a in arts
        ]
        edges = [_edge(e, labels) for e in raw["edges"]]
        dated = {a["id"]: a.get("published") for a in arts}
        for node in nodes:
            for member in node["members"][1:]:
                edges.append(
                    {
                        "source": node["id"],
                        "target": member,
                        "directed": False,
                        # The group's first member came out first only when the dates say
                        # so; undated, it is first by id, and naming it the source a guess.
                        "earlier": time_order(dated.get(node["id"]), dated.get(member)) < 0,
                        "basis": "near-duplicate",
                        "basis_note": None,
                        "kind": "duplicate",
                        "passages": None,
                        "shared": None,
                        "source_title": labels.get(node["id"], node["id"]),
                        "target_title": labels.get(member, member),
                    }
                )
        story = {
            "id": str(raw["id"]),
            "title": title,
            "articles": arts,
            # Only named outlets count: articles without one are not "one outlet".
            "outlets": len({a["outlet"] for a in arts if a.get("outlet")}),
            "outlet_names": _outlets(arts),
            # Said beside the outlets: "6 articles from 1 outlet" when 5 have none is false.
            "no_outlet": sum(not a.get("outlet") for a in arts),
            "words": sum(a.get("words") or 0 for a in arts),
            "first_date": arts[0]["when"] or None,
            "last_date": max((a["when"] for a in arts if a["when"]), default="") or None,
            "nodes": nodes,
            "edges": edges,
            # A copy: the target of a directed link, or a member of a near-duplicate group
            # that its dates put after the group's first.
            "copies": len({e["target"] for e in edges if e["directed"] or _dated_duplicate(e)}),
            # Pairs copied, spun or printed alike whose order the evidence does not give:
            # listed beside the copies, so "0 copies" never stands alone above a list of
            # copied pairs, and an undated near-duplicate is not counted as a copy of either.
            "unordered": sorted(
                e["kind"]
                for e in edges
                if not e["directed"] and (e["kind"] in ("copied", "spun") or _undated_duplicate(e))
            ),
            **_source(arts, edges, labels),
        }
        story["summary"] = summary(story)
        story["caveat"] = _caveat(arts)
        built.append(story)
    return built


def _dated_duplicate(edge: dict) -> bool:
    """A near-duplicate group's link to a member its dates put after the first."""
    return edge["basis"] == "near-duplicate" and bool(edge.get("earlier"))


def _undated_duplicate(edge: dict) -> bool:
    """A near-duplicate group's link to a member whose order the dates do not give."""
    return edge["basis"] == "near-duplicate" and not edge.get("earlier")


UNORDERED_WORDS = {"duplicate": "near-duplicate"}
"""How the summary names a kind of pair of unknown order where the kind's own name will not do."""


LABEL_CHARS = 60
"""Where the terminal and the graph cut a label: a repeated label's id must fit inside it."""


def _distinct_labels(arts: list[dict]) -> list[dict]:
    """Articles whose labels repeat within a story get their id after the label.

    Outlets republish under the same headline, and a copy line reading
    "“Bridge shut” <- “Bridge shut”" does not say which article is which; the
    id does. The folder path the story's ids all start with is left out (a
    file's id is its path), and the headline is cut so the id survives
    ``LABEL_CHARS``.

    >>> [a["label"] for a in _distinct_labels([
    ...     {"id": "/data/news/gazette/1.txt", "label": "Bridge shut"},
    ...     {"id": "/data/news/post/7.txt", "label": "Bridge shut"},
    ...     {"id": "/data/news/x.txt", "label": "Ferries run"}])]
    ['Bridge shut (gazette/1.txt)', 'Bridge shut (post/7.txt)', 'Ferries run']
    """
    count = Counter(a["label"] for a in arts)
    if max(count.values(), default=0) < 2:
        return arts
    prefix = os.path.commonprefix([a["id"] for a in arts])
    prefix = prefix[: prefix.rfind("/") + 1]
    out = []
    for a in arts:
        if count[a["label"]] > 1 and a["label"] != a["id"]:
            tail = short(a["id"][len(prefix) :] or a["id"], 30)
            a = a | {"label": f"{short(a['label'], LABEL_CHARS - len(tail) - 3)} ({tail})"}
        out.append(a)
    return out


ORDER_ONLY = frozenset({"time"})
"""Bases that order two articles without saying that either copied."""

COPY_KINDS = frozenset({"duplicate", "copied", "spun"})
"""Verdicts whose order is who copied whom: text printed alike, or alike but for synonyms.
A ``reworded`` pair retells its shared passages in other words, as two outlets retelling one
police release do (ECB+ tune topic 21): ordered by time, it says who published first."""


def _why(member: dict | None, labels: dict[str, str]) -> str | None:
    """Why an article is in its story, in words (:class:`storytrace.stories.Member`).

    >>> _why({"joined_by": "vocabulary", "with": "y", "score": 0.1934, "shared": ["Leeds"]},
    ...      {"y": "Storm hits Leeds"})
    'similar wording to “Storm hits Leeds” (score 0.193; names in both leads: Leeds)'
    >>> _why({"joined_by": "quote", "with": "y", "quote": "we will sort out your housing"},
    ...      {"y": "Storm hits Leeds"})
    'shares a quote with “Storm hits Leeds” (‘we will sort out your housing’)'
    """
    if member is None:
        return None
    other = labels.get(member["with"], member["with"])
    if member["joined_by"] == "reuse":
        return f"shares text with “{other}”"
    if member["joined_by"] == "quote":
        said = member.get("quote")
        # The quote as the link keys it (lower case, no punctuation), cut to a readable length.
        words = (said or "").split()
        shown = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        return f"shares a quote with “{other}”" + (f" (‘{shown}’)" if said else "")
    if member["joined_by"] == "vocabulary":
        return f"similar wording to “{other}” (score {member['score']:.3f}; {lead_names(member)})"
    return "no link to another article found"


WORDING_ONLY = (
    "similar wording only: no shared passage or quote, and no dates to tell one event"
    " from another of its kind"
)
"""What a story held together by vocabulary alone in an undated corpus cannot rule out: on
undated BBC News such groups are often a topic (several England rugby matches), not one
story (bench/story_distractors.py)."""

WORDING_ONLY_DATED = (
    "similar wording only: no shared passage or quote; in one week, articles on one running"
    " topic (a campaign, a season) read alike, so it may hold more than one event"
)
"""The same for a story whose articles are dated: the week window (``dates.STORY_DAYS``)
keeps events of other months apart, not the events of one busy week. Indexed with their
dates, PolNeAR's 924 train and dev articles (2016 US election news from seven outlets) gave
65 stories held by wording alone; read by their headlines, 14 of the first 40 held more
than one event (the Iowa caucus week's polls, debate and campaign plans; a primary's result
beside a candidate's image problem) and 4 more were in doubt."""


def _caveat(arts: list[dict]) -> str | None:
    members = [a["member"] for a in arts if a.get("member")]
    if not members or any(m["joined_by"] != "vocabulary" for m in members):
        return None
    return WORDING_ONLY_DATED if any(a.get("when") for a in arts) else WORDING_ONLY


def _title_article(arts: list[dict], members: list[dict]) -> dict:
    """The article that names a story: the earliest; when none is dated, "earliest" means
    nothing (ids come in file order), so the one the other members are joined with most,
    the story's centre (ties: the first in id order).

    >>> arts = [{"id": "a", "published": None}, {"id": "b", "published": None}]
    >>> _title_article(arts, [{"article": "a", "with": "b"}, {"article": "b", "with": "a"},
    ...                       {"article": "c", "with": "b"}])["id"]
    'b'
    """
    if arts[0].get("published") or not members:
        return arts[0]
    joined = Counter(m["with"] for m in members if m.get("with"))
    return max(arts, key=lambda a: joined[a["id"]])


def lead_names(member: dict) -> str:
    """The names a vocabulary member's lead shares with its partner's, in words: saying when
    there are none, since similar wording alone is the weakest reason to be in a story. The
    names are those :func:`storytrace.names.mentions` finds in the headline and lead (a word
    that only opens a sentence, a headline's title case, a weekday, a month or a clock
    time's "PM EDT" is none: story rule 7).

    The words are shown as the articles write them (:func:`storytrace.stories.as_written`
    fills ``shared`` so): "PSP", "O'Brien".

    >>> lead_names({"shared": ["Leeds", "PSP", "O'Brien"]}), lead_names({"shared": []})
    ("names in both leads: Leeds, PSP, O'Brien", 'no name in both leads')
    """
    names = member.get("shared") or []
    if not names:
        return "no name in both leads"
    return f"names in both leads: {', '.join(names)}"


def _edge(e: dict, labels: dict[str, str]) -> dict:
    """A stored edge as pages show it: ``directed`` only for a copy whose source is known.

    Which one came out first (``time``) is who copied whom only for a copy
    (:data:`COPY_KINDS`). A ``same-story`` pair shares quotes or short
    passages, not prose: its order is shown undirected, with no basis. A
    ``reworded`` pair keeps the order as evidence of who published first
    (``source`` the earlier, basis ``time``) but is undirected: no view draws it
    as a copy or counts it as one. A common source stays, since it says where
    both took the text from.

    >>> e = {"a": "x", "b": "y", "verdict": "same-story",
    ...      "direction": {"from": "x", "to": "y", "basis": "time"}}
    >>> {k: _edge(e, {})[k] for k in ("directed", "basis")}
    {'directed': False, 'basis': None}
    >>> {k: _edge(e | {"verdict": "reworded"}, {})[k] for k in ("source", "directed", "basis")}
    {'source': 'x', 'directed': False, 'basis': 'time'}
    >>> _edge(e | {"verdict": "copied"}, {})["directed"]
    True
    """
    d = e.get("direction") or {}
    cov = e.get("coverage") or {}
    if d.get("from"):
        src, dst = d["from"], d["to"]
    else:
        # No order known: the link ends at the article more of which lies in the shared
        # passages (a teaser wholly inside a longer article shows 100%, not the longer's 25%).
        a_first = (cov.get("a") or 0) <= (cov.get("b") or 0)
        src, dst = (e["a"], e["b"]) if a_first else (e["b"], e["a"])
    basis = d.get("basis")
    if e["verdict"] == "same-story" and basis in ORDER_ONLY:
        basis = None
    directed = bool(d.get("from")) and basis is not None and e["verdict"] in COPY_KINDS
    return {
        "source": src,
        "target": dst,
        "directed": directed,
        "basis": basis,
        "basis_note": _basis_note(d.get("evidence") or {}, labels) if basis else None,
        "kind": e["verdict"],
        "passages": len(e.get("passages") or []),
        # How much of the copy (the target) is text shared with the source; with no copy
        # known, of the article more of which is shared.
        "shared": cov.get("a" if dst == e["a"] else "b"),
        "source_title": labels.get(src, src),
        "target_title": labels.get(dst, dst),
    }


def _basis_note(evidence: dict, labels: dict[str, str]) -> str | None:
    """What a common source is, in a few words: the agencies both credit (with the words
    around each credit, :func:`storytrace.evidence.credit_evidence`) or the earlier article.

    >>> _basis_note({"wire": ["AP"], "credits": {"a": [{"context": "WASHINGTON (AP) —"}],
    ...     "b": [{"context": "he told the AP"}]}}, {})
    'AP credited by both: “WASHINGTON (AP) —”; “he told the AP”'
    >>> _basis_note({"earlier": "x"}, {"x": "Wire copy"})
    'both draw on “Wire copy”'

    Each side's first credit only (an article can name the agency many times), with how many
    more there are: the JSON has them all.
    """
    if evidence.get("wire"):
        credits = evidence.get("credits") or {}
        said = "; ".join(
            f"“{cs[0]['context']}”" + (f" (+{len(cs) - 1} more)" if len(cs) > 1 else "")
            for cs in (credits.get("a") or [], credits.get("b") or [])
            if cs
        )
        return f"{', '.join(evidence['wire'])} credited by both" + (f": {said}" if said else "")
    if evidence.get("earlier"):
        return f"both draw on “{labels.get(evidence['earlier'], evidence['earlier'])}”"
    return None


def _outlets(arts: list[dict]) -> list[str]:
    """Named outlets in order of first appearance."""
    out: list[str] = []
    for a in arts:
        if a.get("outlet") and a["outlet"] not in out:
            out.append(a["outlet"])
    return out


_CLOSENESS = {"duplicate": 3, "copied": 2, "spun": 2}
"""How directly a link's target took its source's text, to pick one source among several."""


def _source(arts: list[dict], edges: list[dict], labels: dict[str, str]) -> dict:
    """``{"source", "sources"}``: how many articles others copied from that copied from
    nobody, and the label of the one the copies took from most directly, if one.

    A copy is the target of a directed link or a later member of a near-duplicate
    group, whose earliest member is its source when the dates show it came out first
    (``earlier``; in an undated group the first member is first by id, not a source).
    Among several such articles the source is the only one with the closest kind of
    link (a near-duplicate over a copy or a spun copy: a near-duplicate of the Mirror's
    piece that also copies a paragraph of the Mail's took it from the Mirror; a rewording
    is no copy at all, :func:`_edge`). When several tie (wire copy
    carried by several outlets, each copied in turn) none is named: which of them the
    story started from is not in the links, and the earliest by date or the first by id
    would be a guess.
    """
    copies = [e for e in edges if e["directed"] or e.get("earlier")]
    targets = {e["target"] for e in copies}
    best: dict[str, int] = {}
    for e in copies:
        if e["source"] not in targets:
            rank = _CLOSENESS.get(e["kind"], 0)
            best[e["source"]] = max(best.get(e["source"], 0), rank)
    high = max(best.values(), default=0)
    top = [i for i, r in best.items() if r == high]
    return {"source": labels[top[0]] if len(top) == 1 else None, "sources": len(best)}


def summary(story: dict) -> str:
    """One line: how many articles and outlets, when, how many copies, the source if known.

    >>> summary({"articles": [1, 2, 3], "outlet_names": ["Mirror", "Mail"], "outlets": 2,
    ...          "first_date": "2024-10-24", "last_date": "2024-10-26", "copies": 2,
    ...          "source": "Labour row"}).split("; ")
    ['3 articles from 2 outlets (Mirror, Mail), 2024-10-24 to 2024-10-26', '2 copies', \
'source: Labour row']
    >>> summary({"articles": [1, 2], "outlet_names": [], "outlets": 0, "first_date": None,
    ...          "last_date": None, "copies": 1})
    '2 articles, outlets not given; 1 copy'
    >>> summary({"articles": [1, 2, 3], "outlet_names": ["Mirror"], "outlets": 1,
    ...          "no_outlet": 2, "first_date": None, "last_date": None, "copies": 1})
    '3 articles: 1 from 1 outlet (Mirror), 2 with no outlet given; 1 copy'
    >>> summary({"articles": [1, 2, 3, 4], "outlet_names": [], "outlets": 0, "first_date": None,
    ...          "last_date": None, "copies": 2, "source": None, "sources": 2})
    '4 articles, outlets not given; 2 copies of 2 articles, no single source'
    >>> summary({"articles": [1, 2, 3], "outlet_names": [], "outlets": 0, "first_date": None,
    ...          "last_date": None, "copies": 0, "unordered": ["copied", "copied", "spun"]})
    '3 articles, outlets not given; 0 copies of known order; 3 pairs copied or spun, order unknown'
    >>> summary({"articles": [1, 2], "outlet_names": [], "outlets": 0, "first_date": None,
    ...          "last_date": None, "copies": 0, "unordered": ["duplicate"]})
    '2 articles, outlets not given; 0 copies of known order; 1 pair near-duplicate, order unknown'
    """
    n = len(story["articles"])
    names = story["outlet_names"]
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    k = story["outlets"]
    unknown = story.get("no_outlet", 0)
    head = f"{n} article{'s' if n != 1 else ''}"
    outlets = f"{k} outlet{'s' if k != 1 else ''} ({shown})"
    if k and unknown:
        head += f": {n - unknown} from {outlets}, {unknown} with no outlet given"
    elif k:
        head += f" from {outlets}"
    else:
        head += ", outlets not given"
    parts = [head]
    first, last = story["first_date"], story["last_date"]
    if first:
        parts[0] += f", {first}" + (f" to {last}" if last and last != first else "")
    copies = story["copies"]
    parts.append(f"{copies} cop{'ies' if copies != 1 else 'y'}")
    if story.get("sources", 0) > 1 and not story.get("source"):
        parts[-1] += f" of {story['sources']} articles, no single source"
    if unordered := story.get("unordered"):
        how = " or ".join(sorted({UNORDERED_WORDS.get(k, k) for k in unordered}))
        n = len(unordered)
        parts[-1] += " of known order"
        parts.append(f"{n} pair{'s' if n != 1 else ''} {how}, order unknown")
    if story.get("source"):
        parts.append(f"source: {short(story['source'], 60)}")
    return "; ".join(parts)


def index_stories(db_dir: str | Path, raw_stories: list[dict]) -> list[dict]:
    """:func:`shape_stories` for the stories of an index, titles read from its articles."""
    from storytrace.store import Store

    with Store(db_dir, readonly=True) as store:
        return shape_stories(raw_stories, store.article_meta(), store.heads())
