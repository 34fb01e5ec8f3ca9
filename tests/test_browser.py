"""The real pages in headless Chromium (Debian ``chromium``), driven by Playwright.

The app runs under uvicorn on 127.0.0.1 in a thread; the browser talks to
nothing else. ``STORYTRACE_SCREENSHOTS=docs/img pytest tests/test_browser.py``
refreshes the screenshot in the docs.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from storytrace.align import compare
from storytrace.articles import read_article
from storytrace.report import render_html
from storytrace.web import create_app

ROOT = Path(__file__).resolve().parents[1]
SEED_A = ROOT / "examples/seed_a.txt"
SEED_B = ROOT / "examples/seed_b.txt"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EVIL = (
    '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> The council '
    "approved the new budget for the harbour bridge repairs after a long debate about taxes."
)


HL = re.compile(r"(^|\s)hl(\s|$)")
HOVER = re.compile(r"(^|\s)hover(\s|$)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    url, server, thread = start_server(create_app())
    yield url
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # A page may be a 4xx on purpose (a form error); its assets must all load.
    pg.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.request.resource_type != "document"
            and errors.append(f"{r.status} {r.url}")
        ),
    )
    pg.on("requestfailed", lambda r: errors.append(f"failed {r.url}"))
    # Only the local server and file:// pages: anything else is a bug.
    requested: list[str] = []
    pg.on("request", lambda r: requested.append(r.url))
    yield pg
    context.close()
    assert not errors, errors
    outside = [u for u in requested if not u.startswith(("http://127.0.0.1:", "file://", "data:"))]
    assert not outside, outside


def upload_seeds(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.set_input_files("#a_file", str(SEED_A))
    page.set_input_files("#b_file", str(SEED_B))
    page.click("#compare-btn")
    expect(page.locator("#verdict")).to_be_visible()


def in_pane_view(page: Page, selector: str) -> bool:
    """Whether the element is scrolled into the visible part of its pane."""
    return page.eval_on_selector(
        selector,
        """el => { const box = el.closest('.body').getBoundingClientRect();
                   const r = el.getBoundingClientRect();
                   return r.top >= box.top - 1 && r.top < box.bottom; }""",
    )


def check_twin_linking(page: Page) -> None:
    # The last passage of A sits far down its pane; its twin in B too.
    n = page.locator("#pane-a .p[data-n]").count()
    assert n >= 5
    last = f"#a{n}"
    page.locator(last).scroll_into_view_if_needed()
    assert not in_pane_view(page, f"#b{n}")
    page.click(last)
    expect(page.locator(f"#b{n}")).to_have_class(HL)
    page.wait_for_timeout(400)  # smooth scrolling
    assert in_pane_view(page, f"#b{n}")
    # Only that passage is selected, on both sides.
    assert page.locator(".p.hl[id]").evaluate_all("els => els.map(e => e.id).sort()") == [
        f"a{n}",
        f"b{n}",
    ]
    # Hover shows both copies of another passage.
    page.hover("#b1")
    expect(page.locator("#a1")).to_have_class(HOVER)


def test_upload_seeds_and_click_a_passage_highlights_its_twin(page: Page, base_url: str) -> None:
    upload_seeds(page, base_url)
    expect(page.locator("#verdict")).to_have_text("same-story")
    assert "seed_b.txt" in page.inner_text("#pane-b h2")
    # The panes show the articles' text as text.
    assert "grossly implausible" in page.inner_text("#pane-b .body")
    check_twin_linking(page)


def test_quote_table_jumps_to_the_quote(page: Page, base_url: str) -> None:
    upload_seeds(page, base_url)
    link = page.locator('#quotes a[data-jump^="qb"]').last
    target = link.get_attribute("data-jump")
    assert not in_pane_view(page, f"#{target}")
    link.click()
    expect(page.locator(f"#{target}")).to_have_class(re.compile(r"\bflash\b"))
    page.wait_for_timeout(300)
    assert in_pane_view(page, f"#{target}")


@pytest.fixture(scope="module")
def index_url(tmp_path_factory) -> Iterator[str]:
    from test_web import make_index

    url, server, thread = start_server(create_app(make_index(tmp_path_factory.mktemp("ix"))))
    yield url
    server.should_exit = True
    thread.join(timeout=5)


def test_story_page_of_a_small_index(page: Page, index_url: str) -> None:
    page.goto(index_url + "/stories")
    page.click("#stories a >> nth=0")
    graph = page.locator(".story .graph svg")
    expect(graph).to_be_visible()
    assert page.locator(".story .graph .node").count() == 2  # the near-duplicates are one node
    expect(page.locator(".graph-legend")).to_contain_text("source → copy")
    # The seeds' link is drawn at a visible length, with no arrow: the same story, not a copy.
    edge = page.locator('.story .graph .edge[data-source="mirror/a"][data-target="mail/b"]')
    box = edge.bounding_box()
    assert box and max(box["width"], box["height"]) > 40
    assert not edge.get_attribute("marker-end")
    # Nodes link to article pages, whose untrusted text stays text.
    page.click('.story .graph .node[data-id="mirror/a"]')
    expect(page.locator("h1")).to_have_text("Labour staff row")
    page.goto(index_url + "/articles/copycat/c")
    expect(page.locator("h1")).to_have_text("Labour row <b>copy</b>")
    page.goto(index_url + "/articles/local/d")
    assert "<script>window.pwned=1</script>" in page.inner_text("#article-text")
    assert page.evaluate("window.pwned") is None
    page.fill("nav input[name=q]", "grossly implausible")
    page.press("nav input[name=q]", "Enter")
    expect(page.locator("#hit-count")).to_have_text("3 results")


OUTLETS = ["Mirror", "Daily Mail", "Guardian", "Express", "Sun", "Metro", "Independent", "Times"]
HEADLINES = [
    "Labour faces fury over staff campaigning for Harris",
    "Starmer warned US trips could damage national interests",
    "Trump campaign files complaint against Labour",
    "Ed Balls: Labour decision 'naive and gauche'",
    "Labour volunteers in America spark row",
]


def twenty_articles() -> list[dict]:
    """Twenty takes on seed A and seed B from eight outlets over a day: copies, cuts, rewrites."""
    a = SEED_A.read_text(encoding="utf-8").splitlines()
    b = SEED_B.read_text(encoding="utf-8")
    rows = []
    for k in range(20):
        kind = k % 4
        if kind == 0:  # near-duplicates of the original
            text = "\n".join(a).replace("fresh fury", f"fresh fury ({k})")
        elif kind == 1:  # a cut
            text = "\n".join(a[: 8 + k % 7])
        elif kind == 2:  # the other version
            text = b.replace("party", "party" if k % 3 else "get-together")
        else:  # the second half with a new paragraph
            text = "\n".join(a[5:]) + f"\nA spokesman declined to comment on report {k}."
        rows.append(
            {
                "id": f"feed/{k:02d}.json",
                "title": None if k == 7 else f"{HEADLINES[k % 5]} ({OUTLETS[k % 8]} {k})",
                "outlet": OUTLETS[k % 8],
                "published": f"2024-10-24T{6 + k // 2:02d}:{(k % 2) * 30:02d}:00Z",
                "text": text,
            }
        )
    return rows


def test_twenty_article_story_page_is_readable(page: Page, tmp_path: Path) -> None:
    import json

    from storytrace import corpus

    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in twenty_articles()) + "\n")
    assert corpus.index([str(src)], tmp_path / "db").added == 20
    url, server, thread = start_server(create_app(tmp_path / "db"))
    try:
        page.set_viewport_size({"width": 1400, "height": 1300})
        page.goto(url + "/stories")
        first = page.locator("#stories a").first
        assert int(page.locator("#stories td.num").first.inner_text()) >= 15
        first.click()
        expect(page.locator(".story-title")).to_have_text(re.compile(r"^Labour faces fury"))
        expect(page.locator(".story-summary")).to_contain_text("outlets (Mirror, Daily Mail")
        expect(page.locator(".graph-legend")).to_contain_text("spun (synonyms swapped in)")
        labels = page.locator(".story .graph text.label")
        n = labels.count()
        assert 5 <= n <= 20
        # Labels are readable: at least 12 px tall on screen and no two overlap.
        boxes = [labels.nth(i).bounding_box() for i in range(n)]
        assert all(bx and bx["height"] >= 12 for bx in boxes)
        boxes.sort(key=lambda bx: bx["y"])
        assert all(p["y"] + p["height"] <= q["y"] for p, q in zip(boxes, boxes[1:], strict=False))
        # The copies' links have arrow heads (source -> copy) drawn at a visible length.
        arrows = page.locator(".story .graph .edge[marker-end]")
        assert arrows.count() >= 1
        box = arrows.first.bounding_box()
        assert box and max(box["width"], box["height"]) > 20
        # Never a file name: every label is a headline or an article id.
        texts = labels.evaluate_all("els => els.map(e => e.textContent)")
        assert not any(t.endswith(".jsonl") for t in texts)
        # The one article without a title (feed/07.json) is named by its first line.
        untitled = page.get_by_role("link", name=re.compile(r"^Former shadow chancellor Ed Balls"))
        expect(untitled).to_have_count(1)
        expect(page.get_by_text("feed/07.json")).to_have_count(0)
        # Every article says what put it in the story (the story's members in the JSON).
        why = page.locator(".story-articles td.why").all_inner_texts()
        assert len(why) >= 15
        assert all(
            w.startswith(("shares text with “", "shares a quote with “", "similar wording to “"))
            for w in why
        )
        out = Path(os.environ.get("STORYTRACE_SCREENSHOTS", tmp_path)) / "story-graph.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def test_seed_report_screenshot(page: Page, base_url: str, tmp_path: Path) -> None:
    upload_seeds(page, base_url)
    # A passage near the top of B, so B's spun headline stays in view and A scrolls to the twin.
    page.click("#b3")
    page.wait_for_timeout(400)
    page.evaluate("window.scrollTo(0, 0)")
    out = Path(os.environ.get("STORYTRACE_SCREENSHOTS", tmp_path)) / "seed-report.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


def test_pasted_script_is_shown_not_run(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#a_text", EVIL)
    page.fill("#b_text", EVIL)
    page.click("#compare-btn")
    expect(page.locator("#verdict")).to_have_text("duplicate")
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#pane-a img, #pane-a script").count() == 0
    assert page.inner_text("#pane-a .body").startswith("<script>window.pwned=1</script><img")


def test_form_error_is_shown(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#a_text", "<b>only one article</b>")
    page.click("#compare-btn")
    expect(page.locator("#error")).to_have_text("article B: paste some text or choose a file")
    expect(page.locator("#a_text")).to_have_value("<b>only one article</b>")


def test_standalone_report_file_links_passages(page: Page, tmp_path: Path) -> None:
    # compare --html output: its own script must run under its content security policy.
    cmp = compare(read_article(SEED_A), read_article(SEED_B))
    report = tmp_path / "seed.html"
    report.write_text(render_html(cmp), encoding="utf-8")
    page.goto(report.as_uri())
    check_twin_linking(page)
    evil = tmp_path / "evil.html"
    evil.write_text(render_html(compare(EVIL, EVIL)), encoding="utf-8")
    page.goto(evil.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    assert page.inner_text("#pane-b .body").startswith("<script>")


def test_keyboard_and_print_layout(page: Page, tmp_path: Path) -> None:
    report = tmp_path / "seed.html"
    report.write_text(render_html(compare(read_article(SEED_A), read_article(SEED_B))))
    page.goto(report.as_uri())
    page.focus("#b3")
    page.keyboard.press("Enter")
    expect(page.locator("#a3")).to_have_class(HL)
    # Printed, the panes show their whole text: no scroll box cuts an article off.
    page.emulate_media(media="print")
    for side in ("a", "b"):
        clipped = page.eval_on_selector(
            f"#pane-{side} .body", "el => el.scrollHeight - el.clientHeight"
        )
        assert clipped <= 1
    pdf = page.pdf(format="A4")
    assert pdf[:5] == b"%PDF-" and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 3
