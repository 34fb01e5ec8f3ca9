"""The HTML report without a browser: escaping, structure, offline, marks."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storytrace.align import compare
from storytrace.articles import read_article
from storytrace.report import headline_span, render_fragment, render_html
from storytrace.report.html import _Mark, _render_marked

ROOT = Path(__file__).resolve().parents[1]
EVIL = (
    '<script>window.pwned=1</script><img src=x onerror="alert(1)"> The council approved '
    "the new budget for the harbour bridge repairs after a long debate about local taxes."
)


@pytest.fixture(scope="module")
def seed_cmp():
    return compare(
        read_article(ROOT / "examples/seed_a.txt"), read_article(ROOT / "examples/seed_b.txt")
    )


class Pane(HTMLParser):
    """Collects each pane's text and the passage spans inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.side: str | None = None
        self.depth = 0
        self.text = {"a": [], "b": []}
        self.open: list[tuple[str, int | None]] = []  # (tag, passage number or None)
        self.passages: dict[tuple[str, int], list[int]] = {}
        self.tags: list[tuple[str, dict]] = []
        self._pending = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "div" and "body" in (a.get("class") or "").split() and self.side is None:
            self.side = self._pending
            self.depth = 0
            return
        if tag == "section" and (a.get("id") or "").startswith("pane-"):
            self._pending = a["id"][-1]
        if self.side is not None:
            self.depth += 1
            n = int(a["data-p"]) if "data-p" in a else None
            self.open.append((tag, n))
            if n is not None:
                self.passages.setdefault((self.side, n), []).append(
                    len("".join(self.text[self.side]))
                )

    def handle_endtag(self, tag: str) -> None:
        if self.side is None:
            return
        if self.depth == 0:
            self.side = None
            return
        self.depth -= 1
        _, n = self.open.pop()
        if n is not None:
            self.passages[(self.side, n)].append(len("".join(self.text[self.side])))

    def handle_data(self, data: str) -> None:
        if self.side is not None:
            self.text[self.side].append(data)


def parse(html: str) -> Pane:
    p = Pane()
    p.feed(html)
    return p


def test_panes_read_back_exactly_as_the_articles(seed_cmp) -> None:
    p = parse(render_html(seed_cmp))
    # Badges and carets are CSS-generated: each pane reads back as its article, exactly.
    assert "".join(p.text["a"]) == seed_cmp.a.text
    assert "".join(p.text["b"]) == seed_cmp.b.text


def test_every_passage_is_marked_at_its_offsets_on_both_sides(seed_cmp) -> None:
    p = parse(render_fragment(seed_cmp))
    assert len(seed_cmp.passages) >= 5
    for n, passage in enumerate(seed_cmp.passages, 1):
        for side, span in (("a", passage.a), ("b", passage.b)):
            bounds = p.passages[(side, n)]
            # A passage may be split where it crosses another mark; its pieces
            # start at its start and end at its end.
            assert bounds[0] == span[0] and bounds[-1] == span[1], (n, side)
    ids = [a.get("id") for _, a in p.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate element ids"
    for n, passage in enumerate(seed_cmp.passages, 1):
        assert f'id="a{n}"' in render_fragment(seed_cmp)
        assert passage.kind in ("verbatim", "edited", "spun", "reworded")


def test_script_in_article_renders_as_text(tmp_path: Path) -> None:
    cmp = compare(EVIL, EVIL)
    html = render_html(cmp)
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    plain = re.sub(r"<[^>]+>", "", html.split("<body>")[1])
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x" in plain
    text = "".join(parse(html).text["a"])
    assert text == cmp.a.text and text.startswith("<script>window.pwned=1</script>")
    # Exactly one script element: the report's own.
    assert len(re.findall(r"<script\b", html)) == 1


def test_source_names_and_tooltips_are_escaped() -> None:
    a = read_article_like('"><script>alert(2)</script>.txt', EVIL)
    b = read_article_like("b.txt", EVIL.replace("council", '"><b onmouseover=x>council'))
    html = render_html(compare(a, b))
    assert "<script>alert(2)" not in html
    assert "<b onmouseover" not in html
    assert '"><b' not in html


def read_article_like(source: str, text: str):
    from storytrace.articles import Article

    return Article(source=source, text=text)


def test_report_is_self_contained_and_locked_down(seed_cmp) -> None:
    html = render_html(seed_cmp)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1]
    assert "@media print" in html


def test_summary_header_legend_and_minimap(seed_cmp) -> None:
    html = render_fragment(seed_cmp)
    assert f'id="verdict">{seed_cmp.verdict}<' in html
    for kind in ("verbatim", "edited", "spun", "reworded"):
        assert f'class="sw k-{kind}"' in html
    for op in ("replace", "synonym", "insert", "delete"):
        assert f"op-{op}" in html
    cov = seed_cmp.coverage
    assert f"{100 * cov['a']:.0f}%" in html and f"{100 * cov['b_outside_quotes']:.0f}%" in html
    for side in ("a", "b"):
        minimap = re.search(rf'<div class="minimap" id="mm-{side}".*?</div>', html).group(0)
        assert minimap.count('class="mm k-') == len(seed_cmp.passages)
    # Minimap blocks sit where the passages are.
    first = seed_cmp.passages[0]
    left = 100 * first.b[0] / len(seed_cmp.b.text)
    assert f'href="#b1" data-p="1" style="left:{left:.2f}%' in html


def test_changed_words_are_marked_with_their_counterpart(seed_cmp) -> None:
    html = render_fragment(seed_cmp)
    # "United States" in A became "US" in B inside the Philp quote.
    assert re.search(
        r'<span class="e op-replace" title="replaced: B has “US”">United States</span>', html
    )
    assert re.search(
        r'<span class="e op-replace" title="replaced: A has “United States”">US</span>', html
    )
    # "we will sort out your housing": B dropped "out", shown as a caret in B.
    assert '<span class="gap op-delete" title="A has “out” here"></span>' in html


def test_html_shows_exactly_the_comparisons_facts(seed_cmp) -> None:
    """Findings, quotes, spin flags and scores come from the Comparison, as in its JSON."""
    html = render_fragment(seed_cmp)
    d = seed_cmp.to_dict()
    items = re.findall(r"<li>(.*?)</li>", html.split('id="findings">')[1].split("</ul>")[0])
    plain = [unescape(re.sub(r"<[^>]+>", "", i)) for i in items]
    assert plain == d["findings"] and len(plain) >= 3
    assert len(re.findall(r'<tr class="q-(\w+)">', html)) == len(d["quotes"]) >= 4
    assert html.count('class="spin-flag"') == len(d["spin_flags"]) >= 2
    for side in ("a", "b"):
        row = re.search(rf'<tr class="side-row-{side}">(.*?)</tr>', html).group(1)
        assert f'<td class="num">{d["spin"][side]["score"]:.2f}</td>' in row


def test_headline_span() -> None:
    from storytrace.articles import Article

    assert headline_span(Article("x", "Big news today\n\nBody text follows here.")) == (0, 14)
    assert headline_span(Article("x", "One paragraph only.")) is None
    assert headline_span(Article("x", "A lede sentence.\nAnother sentence.")) is None
    assert headline_span(Article("x", "Title\nBody", title="Title")) == (0, 5)


def test_crossing_marks_stay_well_formed() -> None:
    text = "abcdefghij"
    marks = [
        _Mark(1, 6, 1, '<span class="x" id="x">', '<span class="x">'),
        _Mark(4, 9, 0, '<span class="y" id="y">', '<span class="y">'),
        _Mark(5, 5, 3, '<span class="gap">', '<span class="gap">'),
    ]
    html = _render_marked(text, marks)
    # x closes inside y, so y is closed with it and reopened without its id.
    assert html == (
        'a<span class="x" id="x">bcd<span class="y" id="y">e<span class="gap"></span>f'
        '</span></span><span class="y">ghi</span>j'
    )
    assert re.sub(r"<[^>]+>", "", html) == text
    assert html.count("<span") == html.count("</span>")
    assert html.count('id="y"') == 1


def test_story_graph_groups_by_outlet_orders_by_date_and_escapes() -> None:
    from storytrace.report import GraphEdge, GraphNode, story_graph_svg

    nodes = [
        GraphNode("late", "Update", "Mail", "2024-10-26", href="/articles/late"),
        GraphNode("wire", "Wire copy", "PA", "2024-10-24"),
        GraphNode("mail", "<script>alert(1)</script>", "Mail", "2024-10-25"),
    ]
    edges = [
        GraphEdge("wire", "mail", "copied"),
        GraphEdge("mail", "late", "spun"),
        GraphEdge("wire", "late", "same-story", directed=False),
        GraphEdge("mail", "wire", "copied", directed=False),  # a copy, direction unknown
        GraphEdge("wire", "missing", "copied"),  # unknown node: not drawn
    ]
    svg = story_graph_svg(nodes, edges)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    centres = dict(
        re.findall(r'data-id="(\w+)"><title>[^<]*</title><circle cx="\d+" cy="(\d+)"', svg)
    )
    assert int(centres["wire"]) < int(centres["mail"]) < int(centres["late"])
    xs = dict(re.findall(r'data-id="(\w+)"><title>[^<]*</title><circle cx="(\d+)"', svg))
    assert xs["mail"] == xs["late"] != xs["wire"]  # one column per outlet
    assert svg.count('class="edge') == 4
    assert svg.count("marker-end=") == 2
    # Dashed means "a copy, direction unknown"; a same-story link claims no copying at all.
    dashed = re.findall(r'class="edge edge-(\S+)"[^>]*stroke-dasharray', svg)
    assert dashed == ["copied"]
    assert '<a href="/articles/late">' in svg


def test_story_graph_stays_readable_at_thirty_articles() -> None:
    from storytrace.report import GraphEdge, GraphNode, story_graph_svg

    nodes = [
        GraphNode(
            f"n{i}",
            f"Headline number {i} about the harbour bridge closing",
            f"Outlet {i}",
            f"2024-10-{1 + i:02d}",
            count=3 if i == 5 else 1,
        )
        for i in range(30)
    ]
    edges = [GraphEdge("n0", f"n{i}", "copied") for i in range(1, 30, 3)]
    svg = story_graph_svg(nodes, edges)
    # Thirty outlets: no lanes, one column of nodes; each label on its own row, in full.
    xs = set(re.findall(r'<circle cx="(\d+)"', svg))
    assert len(xs) == 1
    ys = [int(y) for y in re.findall(r'<text class="label" x="\d+" y="(\d+)"', svg)]
    assert len(ys) == 30 and min(b - a for a, b in zip(ys, ys[1:], strict=False)) >= 40
    assert svg.count("Headline number 29 about the harbour bridge closing") == 2  # label + tip
    assert ">×3</text>" in svg
    dates = re.findall(r'<text class="when"[^>]*>([^<]*)<', svg)
    assert dates == sorted(dates) and len(dates) == 30
    assert svg.count('class="edge') == 10


def test_report_with_quotes_and_spin_switched_off() -> None:
    from storytrace.align import Options

    a, b = read_article(ROOT / "examples/seed_a.txt"), read_article(ROOT / "examples/seed_b.txt")
    cmp = compare(a, b, Options(quotes=False, spin=False, synonyms=False))
    assert cmp.quotes is None
    html = render_html(cmp)
    assert 'id="quotes"' not in html and "spin score" not in html
    assert "".join(parse(html).text["b"]) == cmp.b.text


def test_quotes_table_on_the_seeds(seed_cmp) -> None:
    html = render_fragment(seed_cmp)
    rows = re.findall(r'<tr class="q-(\w+)">(.*?)</tr>', html)
    assert len(rows) >= 4
    patel = next(body for label, body in rows if "Sofia Patel" in body)
    # A's "we will sort out your housing" lost "out" in B: marked on A's side, caret in B.
    assert 'side-a">' in patel and '<span class="e op-delete">out</span> your housing' in patel
    assert '<span class="gap op-delete" title="A has more words here"></span>your housing' in patel
    n = re.search(r'data-jump="qa(\d+)"', patel).group(1)
    # The jump target exists in the pane and covers the quote's words.
    start = html.index(f'id="qa{n}"')
    assert "we will sort" in re.sub(r"<[^>]+>", "", html[start : start + 400])
    assert re.search(r'<a href="#quotes">\d+ quotes in both</a>', html)
    assert all(label in ("identical", "trimmed", "altered") for label, _ in rows)


def test_seed_b_headline_is_flagged_as_spun(seed_cmp) -> None:
    html = render_fragment(seed_cmp)
    assert "B’s headline is spun</span>: “get together”" in html
    b = seed_cmp.b.text
    head_end = b.index("\n")
    flagged = re.findall(r'<span class="spin-flag" title="spun: [^"]*">([^<]*)</span>', html)
    assert "get together" in flagged and "marketing campaign" in flagged
    assert b.index("get together") < head_end and b.index("marketing campaign") < head_end
    assert html.count('class="mm spin-tick"') >= 2  # and on B's minimap
    assert re.search(r'<th title="spun phrases per 100 words">spin score</th>', html)


def test_stories_html_report(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from storytrace import corpus
    from storytrace.cli import app

    a = (ROOT / "examples/seed_a.txt").read_text()
    rows = [
        {
            "id": "a",
            "title": "Seed <i>A</i>",
            "outlet": "Mirror",
            "published": "2024-10-24",
            "text": a,
        },
        {
            "id": "b",
            "title": "Seed B",
            "outlet": "Mail",
            "published": "2024-10-25",
            "text": (ROOT / "examples/seed_b.txt").read_text(),
        },
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows))
    assert corpus.index([str(src)], tmp_path / "db").added == 2
    out = tmp_path / "stories.html"
    res = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "db"), "--html", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text()
    assert "<svg" in html and html.count('class="node"') == 2
    # The seeds share quotes and wire phrases, not prose: a link, but no copy and no arrow.
    # (Their order unknown, the link ends at the article more of which is shared.)
    link = re.search(r'data-source="[ab]" data-target="[ab]"[^>]*>', html).group(0)
    assert "marker-end" not in link and "dasharray" not in link
    assert "Seed &lt;i&gt;A&lt;/i&gt;" in html and "<i>A</i>" not in html
    assert "<script" not in html and "default-src 'none'" in html
    # The terminal listing: title, summary with outlets, dates and copies, then the copies.
    res = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "db")])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "story 1: Seed <i>A</i>"
    assert lines[1].startswith(
        "  2 articles from 2 outlets (Mirror, Mail), 2024-10-24 to 2024-10-25"
    )
    assert lines[1].endswith("; 0 copies") and "source:" not in lines[1]
    assert lines[2] == "  same story, not copied: 1 pair sharing quotes or short passages"


def test_an_interrupted_quote_marks_its_words_not_the_frame() -> None:
    quote = '"We will build the homes this country needs," she said. "And we will start now."'
    a = "The housing minister spoke in Leeds on Monday. " + quote
    b = "In Leeds on Monday the minister set out the plan. " + quote
    cmp = compare(a, b)
    assert cmp.quotes and len(cmp.quotes[0].a.parts) == 2
    html = render_html(cmp)
    pane_a = html[html.index('id="qa1"') - 200 :]
    marked = re.findall(r'<span class="q"[^>]*>([^<]*)', pane_a)
    assert any("build the homes" in m for m in marked)
    assert not any("she said" in m for m in marked)


def test_a_trimmed_copy_says_so_in_the_terminal_and_the_report(seed_cmp) -> None:
    from rich.console import Console

    from storytrace.report.terminal import terminal_summary

    first = seed_cmp.passages[0]
    assert first.kind == "verbatim" and first.trimmed  # B adds "with former chancellor ..."
    console = Console(record=True, width=100)
    console.print(terminal_summary(seed_cmp))
    assert "#1 verbatim (trimmed)" in console.export_text()
    assert "#1 verbatim, trimmed" in render_html(seed_cmp)


def test_terminal_shows_the_evidence_and_the_findings_of_the_json(seed_cmp) -> None:
    from rich.console import Console

    from storytrace.report.terminal import terminal_summary

    console = Console(record=True, width=200)
    console.print(terminal_summary(seed_cmp))
    out = console.export_text()
    d = seed_cmp.to_dict()
    assert f"why      {d['evidence']['rule']}: {d['evidence']['explanation']}" in out
    assert d["findings"]
    for finding in d["findings"]:
        assert finding in out


def test_untitled_articles_are_named_by_their_own_first_line_then_their_id() -> None:
    from storytrace.report.shape import shape_stories

    meta = {
        "dir/1.txt": {"id": "dir/1.txt", "title": None, "published": "2024-01-02"},
        "dir/2.txt": {"id": "dir/2.txt", "title": None, "published": "2024-01-03"},
        "x": {"id": "x", "title": "Bridge shut", "published": "2024-01-04"},
    }
    heads = {"dir/1.txt": "Bridge to close\n\nThe council said so.", "dir/2.txt": ""}
    raw = [{"id": 1, "articles": sorted(meta), "edges": []}]
    (story,) = shape_stories(raw, meta, heads)
    labels = [a["label"] for a in story["articles"]]
    # A file's id is its path; its headline tells a reader which story it is.
    assert labels == ["Bridge to close", "dir/2.txt", "Bridge shut"]
    assert story["title"] == "Bridge to close"


def test_articles_with_the_same_headline_are_told_apart_by_their_ids() -> None:
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {
        "/news/politics/111.txt": {"id": "/news/politics/111.txt", "title": "Party launched"},
        "/news/politics/293.txt": {"id": "/news/politics/293.txt", "title": "Party launched"},
    }
    edge = {
        "a": "/news/politics/111.txt",
        "b": "/news/politics/293.txt",
        "verdict": "copied",
        "direction": {
            "from": "/news/politics/111.txt",
            "to": "/news/politics/293.txt",
            "basis": "time",
        },
    }
    raw = [{"id": 1, "articles": sorted(meta), "edges": [edge]}]
    (story,) = shape_stories(raw, meta)
    # The story keeps its headline; the copy line says which article is which.
    assert story["title"] == "Party launched"
    text = stories_text([story])
    assert "“Party launched (293.txt)” <- “Party launched (111.txt)”" in text


def test_graph_leaves_out_date_and_outlet_columns_nobody_has() -> None:
    from storytrace.report.graph import story_graph

    def story(**extra: str) -> dict:
        arts = [{"id": "a", "label": "Bridge to close"}, {"id": "b", "label": "Bridge shut"}]
        arts[0] |= extra
        edge = {"source": "a", "target": "b", "kind": "copied", "directed": False}
        return {"articles": arts, "edges": [edge]}

    bare = story_graph(story())
    assert "undated" not in bare and "unknown outlet" not in bare
    # Once one article has a date or an outlet, the others say they have none.
    some = story_graph(story(when="2024-10-20", outlet="Gazette"))
    assert "undated" in some and "unknown outlet" in some and "2024-10-20" in some


def test_a_same_story_link_is_not_called_a_copy() -> None:
    """Found on PolNeAR: two outlets quoting one tweet, or two HuffPost pieces ending on one
    podcast promo, were `copy:` lines "by time" and made the earlier article the story's
    source. Publication order is not who copied whom; only a reuse verdict is a copy."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {
        "wire": {"id": "wire", "title": "Truck attack kills 80", "published": "2016-07-15"},
        "post": {"id": "post", "title": "Hollande on Trump", "published": "2016-08-03"},
        "blog": {"id": "blog", "title": "Attack aftermath", "published": "2016-08-04"},
    }

    def edge(a: str, b: str, verdict: str) -> dict:
        return {
            "a": a,
            "b": b,
            "verdict": verdict,
            "coverage": {"a": 0.1, "b": 0.2},
            "direction": {"from": a, "to": b, "basis": "time"},
        }

    raw = [
        {
            "id": 1,
            "articles": sorted(meta),
            "edges": [edge("wire", "post", "same-story"), edge("post", "blog", "copied")],
        }
    ]
    (story,) = shape_stories(raw, meta)
    by_kind = {e["kind"]: e for e in story["edges"]}
    assert by_kind["same-story"]["directed"] is False and by_kind["same-story"]["basis"] is None
    assert by_kind["copied"]["directed"] is True and by_kind["copied"]["basis"] == "time"
    assert story["copies"] == 1 and "1 copy" in story["summary"]
    # The source is the copied article's origin, not the earliest article of the story.
    assert "source: Hollande on Trump" in story["summary"]
    text = stories_text([story])
    assert text.count("copy:") == 1 and "“Attack aftermath” <- " in text
    assert "same story, not copied: 1 pair" in text


def test_copies_of_several_articles_name_no_single_source() -> None:
    """Found on ECB+: eleven outlets carry one AP fight report; a rule since dropped
    (containment) made three of them copies of four others, and the story's summary named as
    its source whichever of the four sorted first by id. Several roots name none."""
    from storytrace.report.shape import shape_stories

    meta = {i: {"id": i, "title": f"Report {i}"} for i in ("ap", "desi", "cbc", "espn")}

    def copied(a: str, b: str) -> dict:
        direction = {"from": a, "to": b, "basis": "time"}
        return {"a": a, "b": b, "verdict": "copied", "direction": direction}

    raw = {
        "id": 1,
        "articles": sorted(meta),
        "edges": [copied("desi", "cbc"), copied("ap", "espn")],
    }
    (story,) = shape_stories([raw], meta)
    assert story["source"] is None and story["sources"] == 2
    assert story["summary"].endswith("; 2 copies of 2 articles, no single source")
    raw["edges"] = [copied("desi", "cbc"), copied("desi", "espn"), copied("ap", "desi")]
    (story,) = shape_stories([raw], meta)
    assert story["sources"] == 1 and story["summary"].endswith("; 3 copies; source: Report ap")


def test_stories_say_what_holds_them_and_their_weakest_join() -> None:
    """The terminal names how each story's members are joined, and the vocabulary join with
    the lowest score, as the story pages' 'why in this story' column does (from `members`)."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {
        i: {"id": i, "title": t, "outlet": o, "published": "2016-03-1" + i[-1]}
        for i, t, o in (
            ("k5", "Kasich wins Ohio", "Breitbart"),
            ("s5", "Sanders declares revolution", "Breitbart"),
            ("f0", "Missouri Senate passes bill", "Wash Post"),
        )
    }
    members = [
        {
            "article": "f0",
            "joined_by": "vocabulary",
            "with": "s5",
            "score": 0.068,
            "shared": ["Missouri"],
        },
        {"article": "k5", "joined_by": "reuse", "with": "s5", "score": None, "shared": []},
        {"article": "s5", "joined_by": "reuse", "with": "k5", "score": None, "shared": []},
    ]
    raw = [{"id": 4, "articles": sorted(meta), "edges": [], "members": members}]
    (story,) = shape_stories(raw, meta)
    why = {a["id"]: a["why"] for a in story["articles"]}
    assert why["f0"] == (
        "similar wording to “Sanders declares revolution”"
        " (score 0.068; names in both leads: Missouri)"
    )
    assert why["k5"] == "shares text with “Sanders declares revolution”"
    text = stories_text([story])
    assert (
        "  in the story: 2 by reuse, 1 by vocabulary; weakest: Wash Post 2016-03-10 "
        "“Missouri Senate passes bill” with Breitbart 2016-03-15 “Sanders declares revolution” "
        "at score 0.068 (names in both leads: Missouri)\n"
    ) in text
    # Dated and partly joined by reuse: no "similar wording only" warning.
    assert "similar wording only" not in text


def test_undated_vocabulary_only_story_says_so() -> None:
    """A story held together by similar wording alone, in a corpus without dates, says that
    nothing tells one event from another of its kind (on undated BBC News such groups are
    often a topic), and its weakest join says when the leads share no name."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {
        "191": {"id": "191", "title": "Short attacks US over tsunami aid"},
        "093": {"id": "093", "title": "Kennedy calls for Iraq exit plans"},
        "189": {"id": "189", "title": "Blair congratulates Bush on win"},
    }
    members = [
        {"article": "191", "joined_by": "vocabulary", "with": "189", "score": 0.049, "shared": []},
        {
            "article": "093",
            "joined_by": "vocabulary",
            "with": "189",
            "score": 0.075,
            "shared": ["Blair"],
        },
        {
            "article": "189",
            "joined_by": "vocabulary",
            "with": "093",
            "score": 0.075,
            "shared": ["Blair"],
        },
    ]
    raw = [{"id": 9, "articles": sorted(meta), "edges": [], "members": members}]
    (story,) = shape_stories(raw, meta)
    why = {a["id"]: a["why"] for a in story["articles"]}
    assert why["191"].endswith("(score 0.049; no name in both leads)")
    text = stories_text([story])
    assert (
        "weakest: “Short attacks US over tsunami aid” with “Blair congratulates Bush on win” "
        "at score 0.049 (no name in both leads)" in text
    )
    assert "  similar wording only: no shared passage or quote, and no dates" in text
    assert story["caveat"].startswith("similar wording only")
    # Undated, "earliest" means nothing: the story is named by the article the others
    # are joined with (it was the first id, "Kennedy calls for Iraq exit plans").
    assert story["title"] == "Blair congratulates Bush on win"
    from storytrace.report.story_pages import render_stories_html

    page = render_stories_html([story])
    assert '<p class="story-caveat">Similar wording only: no shared passage or quote' in page
    # The same story with dates: the week window keeps other months' events out, not the
    # events of one busy week, so it still says what wording alone cannot rule out.
    dated = {k: v | {"published": "2005-01-0" + k[-1]} for k, v in meta.items()}
    (story,) = shape_stories(raw, dated)
    assert story["caveat"] == (
        "similar wording only: no shared passage or quote; in one week, articles on one "
        "running topic (a campaign, a season) read alike, so it may hold more than one event"
    )
    assert "  similar wording only: no shared passage or quote; in one week" in stories_text(
        [story]
    )
    assert story["title"] == "Short attacks US over tsunami aid"  # the earliest
    assert '<p class="story-caveat">Similar wording only: no shared passage or quote; in' in (
        render_stories_html([story])
    )


def test_an_undated_near_duplicate_group_names_no_source() -> None:
    """Found on BBC sport: two near-identical match reports, undated, were summed up as
    '1 copy; source: Italy 17-28 Ireland': the group's first member by id, named as the
    original. Only dates order a near-duplicate group."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    def story(published: dict[str, str | None]) -> dict:
        meta = {
            i: {"id": i, "title": t, "published": published[i]}
            for i, t in (("302", "Italy 17-28 Ireland"), ("314", "O'Driscoll saves blushes"))
        }
        raw = {
            "id": 1,
            "articles": ["302", "314"],
            "nodes": [{"id": "302", "members": ["302", "314"]}],
            "edges": [],
        }
        (shaped,) = shape_stories([raw], meta)
        return shaped

    undated = story({"302": None, "314": None})
    # Which of the two is the copy is unknown: no copy of known order, one pair listed
    # beside it, as copied pairs of unknown order are.
    assert undated["copies"] == 0 and undated["source"] is None
    assert undated["unordered"] == ["duplicate"]
    assert undated["summary"].endswith(
        "; 0 copies of known order; 1 pair near-duplicate, order unknown"
    )
    text = stories_text([undated])
    assert "near-duplicates, which came first unknown: “Italy 17-28 Ireland”, “O'Dr" in text
    assert "near-duplicates of" not in text
    # The same day as a bare date and a time on it: still unknown.
    assert story({"302": "2005-02-12", "314": "2005-02-12T18:00:00Z"})["source"] is None
    dated = story({"302": "2005-02-12T15:00:00Z", "314": "2005-02-12T18:00:00Z"})
    assert dated["summary"].endswith("; 1 copy; source: Italy 17-28 Ireland")
    assert "near-duplicates of 2005-02-12 15:00 “Italy 17-28 Ireland”: 2005-02-12 18:00 “O'Dr" in (
        stories_text([dated])
    )


def test_copies_of_unknown_order_are_listed_not_counted() -> None:
    """Found on ECB+ topic 21: an aggregator's headline and first sentence lie inside the
    article they were cut from. Undated, nothing orders the two, so the terminal lists the
    pair as copied with its order unknown and counts no copy; a retelling in other words
    (reworded) is not listed."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {
        "ny1": {"id": "ny1", "title": "Woman killed in hit-and-run", "outlet": "ny1.com"},
        "agg": {"id": "agg", "title": "Woman killed (teaser)", "outlet": "onenewspage.com"},
        "wsj": {"id": "wsj", "title": "Driver charged", "outlet": "wsj.com"},
    }
    edges = [
        {"a": "agg", "b": "ny1", "verdict": "copied", "direction": None},
        {"a": "ny1", "b": "wsj", "verdict": "reworded", "direction": None},
    ]
    (story,) = shape_stories([{"id": 1, "articles": sorted(meta), "edges": edges}], meta)
    assert story["copies"] == 0
    text = stories_text([story])
    assert (
        "copied, order unknown: onenewspage.com “Woman killed (teaser)” and "
        "ny1.com “Woman killed in hit-and-run”" in text
    )
    assert "<-" not in text and "Driver charged" not in text


def test_reworded_pairs_of_unknown_order_are_counted() -> None:
    """Found on ECB+ topic 21 (undated): a story of five articles and six links printed one
    copied pair and "3 pairs sharing quotes or short passages", and nothing of the two pairs
    judged reworded (74% and 49% of an article retold). They are not copies of known order,
    nor listed as copies, but a reader is told they are there."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {i: {"id": i, "title": f"Driver charged ({i})"} for i in "abcd"}
    edges = [
        {"a": "a", "b": "b", "verdict": "reworded", "direction": None},
        {"a": "b", "b": "c", "verdict": "reworded", "direction": None},
        {"a": "c", "b": "d", "verdict": "same-story", "direction": None},
    ]
    (story,) = shape_stories([{"id": 1, "articles": sorted(meta), "edges": edges}], meta)
    lines = stories_text([story]).splitlines()
    assert "  reworded, order unknown: 2 pairs sharing passages in other words" in lines
    assert "  same story, not copied: 1 pair sharing quotes or short passages" in lines
    assert story["copies"] == 0 and not any("<-" in line for line in lines)


def test_a_common_source_says_what_it_rests_on_in_every_view() -> None:
    """A wire common source names the agency and the words around each side's credit (the
    article's own words: escaped in HTML); an earlier third article is named by its title."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.story_pages import render_stories_html
    from storytrace.report.terminal import stories_text

    meta = {i: {"id": i, "title": f"Report {i}"} for i in ("a", "b", "c")}
    credits = {
        "a": [{"agency": "AP", "start": 11, "end": 15, "context": "WASHINGTON (AP) — <b>Vote</b>"}],
        "b": [
            {"agency": "AP", "start": 40, "end": 56, "context": "he told the Associated Press"},
            {"agency": "AP", "start": 90, "end": 106, "context": "she told the Associated Press"},
        ],
    }
    wire = {"from": None, "to": None, "basis": "common-source"}
    raw = {
        "id": 1,
        "articles": sorted(meta),
        "edges": [
            {"a": "a", "b": "b", "verdict": "copied"}
            | {"direction": wire | {"evidence": {"wire": ["AP"], "credits": credits}}},
            {"a": "b", "b": "c", "verdict": "copied"}
            | {"direction": wire | {"evidence": {"earlier": "a"}}},
        ],
    }
    (story,) = shape_stories([raw], meta)
    notes = [e["basis_note"] for e in story["edges"]]
    assert notes == [
        "AP credited by both: “WASHINGTON (AP) — <b>Vote</b>”; “he told the Associated Press” "
        "(+1 more)",
        "both draw on “Report a”",
    ]
    text = stories_text([story])
    assert "from one source (AP credited by both: “WASHINGTON (AP)" in text
    assert "from one source (both draw on “Report a”)" in text
    page = render_stories_html([story])
    assert "&lt;b&gt;Vote&lt;/b&gt;" in page and "<b>Vote</b>" not in page
    assert "both draw on “Report a”" in page


def test_copies_of_unknown_order_are_counted_beside_the_copies() -> None:
    """Found on ECB+ (undated articles): a story's summary said "0 copies" above six
    "copied, order unknown" lines. The summary now says how many pairs were copied or spun
    in an order the evidence does not give, the same line in every view."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {i: {"id": i, "title": f"Patch released ({i})"} for i in "abc"}
    raw = [
        {
            "id": 1,
            "articles": ["a", "b", "c"],
            "edges": [
                {"a": "a", "b": "b", "verdict": "copied", "direction": None},
                {"a": "a", "b": "c", "verdict": "same-story", "direction": None},
            ],
        }
    ]
    (story,) = shape_stories(raw, meta)
    assert story["unordered"] == ["copied"]
    assert story["summary"].endswith("; 0 copies of known order; 1 pair copied, order unknown")
    assert stories_text([story]).splitlines()[1] == f"  {story['summary']}"


def test_shared_share_of_a_pair_of_unknown_order_is_the_article_inside_the_other() -> None:
    """Found on ECB+ topic 21 (undated): an aggregator's 25-word teaser, wholly inside a
    94-word article, was linked "copied (direction unknown)" with "shared 25%", the longer
    article's share, under a header that promised the copy's. With no copy known, the
    link ends at the article more of which lies in the shared passages, and the header
    says what the figure is."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.story_pages import render_stories_html

    meta = {
        "teaser": {"id": "teaser", "title": "Woman killed (teaser)", "words": 25},
        "full": {"id": "full", "title": "Woman killed in hit-and-run", "words": 94},
    }
    cov = {"a": 1.0, "b": 0.255}
    edges = [{"a": "teaser", "b": "full", "verdict": "copied", "direction": None, "coverage": cov}]
    (story,) = shape_stories([{"id": 1, "articles": sorted(meta), "edges": edges}], meta)
    (edge,) = story["edges"]
    assert (edge["source"], edge["target"], edge["shared"]) == ("full", "teaser", 1.0)
    # A copy of known order keeps its direction and the copy's share.
    dated = edges[0] | {"direction": {"from": "teaser", "to": "full", "basis": "time"}}
    (story,) = shape_stories([{"id": 1, "articles": sorted(meta), "edges": [dated]}], meta)
    (edge,) = story["edges"]
    assert (edge["source"], edge["target"], edge["shared"]) == ("teaser", "full", 0.255)
    page = render_stories_html([story])
    assert "share of the words of the article in “to”" in page


def test_graph_label_counts_the_articles_of_near_duplicate_nodes() -> None:
    """Found indexing two near-duplicate articles: the graph's label for screen readers
    read "reuse graph: 1 articles, 0 links" for a story of two articles drawn as one node."""
    from storytrace.report.graph import GraphEdge, GraphNode, story_graph_svg

    svg = story_graph_svg([GraphNode("a", "Crash", "x", count=2)], [])
    assert 'aria-label="reuse graph: 2 articles (near-duplicates drawn as one), 0 links"' in svg
    nodes = [GraphNode("a", "Crash", "x"), GraphNode("b", "Crash", "y")]
    svg = story_graph_svg(nodes, [GraphEdge("a", "b", "copied")])
    assert 'aria-label="reuse graph: 2 articles, 1 link"' in svg


def test_graph_tooltip_claims_no_direction_an_edge_has_not_got() -> None:
    """Found in the web app on ECB+: every link's tooltip read "A → B: same-story", an arrow
    for pairs whose order nobody knows, while the table beside it printed ↔."""
    from storytrace.report.graph import story_graph

    arts = [{"id": "a", "label": "Bridge to close"}, {"id": "b", "label": "Bridge shut"}]
    for directed, arrow in ((False, "↔"), (True, "→")):
        edge = {
            "source": "a",
            "target": "b",
            "kind": "copied",
            "directed": directed,
            "source_title": "Bridge to close",
            "target_title": "Bridge shut",
        }
        svg = story_graph({"articles": arts, "edges": [edge]})
        assert f"<title>Bridge to close {arrow} Bridge shut: copied</title>" in svg


def test_story_summary_counts_the_articles_without_an_outlet() -> None:
    """ "6 articles from 1 outlet" when 5 of them have none (ECB+ topic 9) is false: the
    summary says how many are from the outlets named and how many have none, in every view
    (terminal and HTML both print the shaped summary)."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.story_pages import render_stories_html
    from storytrace.report.terminal import stories_text

    meta = {f"a{i}": {"id": f"a{i}", "title": f"Quake report {i}"} for i in range(6)}
    meta["a0"]["outlet"] = "articles.washingtonpost.com"
    raw = {"id": 1, "articles": sorted(meta), "edges": []}
    (story,) = shape_stories([raw], meta)
    head = story["summary"].split("; ")[0]
    assert head == (
        "6 articles: 1 from 1 outlet (articles.washingtonpost.com), 5 with no outlet given"
    )
    assert f"  {head}" in stories_text([story])
    assert head in render_stories_html([story])
    # All named, or none: as before.
    for m in meta.values():
        m["outlet"] = "Gazette"
    (story,) = shape_stories([raw], meta)
    assert story["summary"].startswith("6 articles from 1 outlet (Gazette)")
    for m in meta.values():
        m["outlet"] = None
    (story,) = shape_stories([raw], meta)
    assert story["summary"].startswith("6 articles, outlets not given")


def test_stories_text_counts_the_articles_in_no_story() -> None:
    """The stories listed are not the whole index: a closing line counts the articles that
    share a story with no other, which are not listed."""
    from storytrace.report.shape import shape_stories
    from storytrace.report.terminal import stories_text

    meta = {i: {"id": i, "title": f"Bridge report {i}"} for i in "abcde"}
    raws = [
        {"id": 1, "articles": ["a", "b"], "edges": []},
        {"id": 2, "articles": ["c"], "edges": []},
        {"id": 3, "articles": ["d"], "edges": []},
        {"id": 4, "articles": ["e"], "edges": []},
    ]
    lines = stories_text(shape_stories(raws, meta)).splitlines()
    assert lines[0].startswith("story 1: ")
    assert lines[-1] == (
        "1 story of two articles or more; 3 articles in none (not listed; --json lists every story)"
    )
    # Every article in a story: no closing count; none in one: the one line as before.
    assert "in none" not in stories_text(shape_stories(raws[:1], meta))
    assert stories_text(shape_stories(raws[1:], meta)) == (
        "no story: none of the 3 indexed articles shares a story with another\n"
    )
