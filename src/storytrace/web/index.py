"""Routes that browse a served index: stories, articles, stored comparisons, search."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from storytrace.articles import Article, InputError
from storytrace.lookup import (
    MATCH_LIMIT,
    folded,
    match_text,
    more_not_shown,
    not_shown,
    phrase_note,
)
from storytrace.report.graph import story_graph
from storytrace.web import jobs
from storytrace.web.compare import (
    article_from_upload,
    form_article,
    pasted,
    read_form,
    status_of,
)
from storytrace.web.context import AppContext, Ctx, article_url, found, log
from storytrace.web.data import SEARCH_LIMIT, StoreIndex
from storytrace.web.security import mib
from storytrace.web.workers import JobFailed

router = APIRouter()
MAX_PAGE = 1000
"""Most stories one page or API call lists."""

Offset = Query(0, ge=0, description="Stories to skip.")
Limit = Query(100, ge=1, le=MAX_PAGE, description="Stories to list (1 to 1000).")
SearchLimit = Query(SEARCH_LIMIT, ge=1, le=SEARCH_LIMIT, description="Most hits (1 to 200).")


async def all_stories(ctx: AppContext) -> list[dict]:
    async def compute(db_dir: str) -> list[dict]:
        # Not cancelled with one request: the result serves every later one.
        try:
            return await ctx.pool.run(jobs.shaped_stories, db_dir)
        except JobFailed as e:
            log.error("building the stories failed: %s", e)
            raise HTTPException(500, "internal error: the stories could not be built") from None

    return await ctx.need_index().all_stories(compute)


def story_rows(stories: list[dict]) -> list[dict]:
    """Stories for a list: without edges, with article and link counts."""
    return [
        {k: v for k, v in s.items() if k != "edges"}
        | {"articles": len(s["articles"]), "links": len(s["edges"])}
        for s in stories
    ]


def find_story(stories: list[dict], story_id: str) -> dict:
    return found(next((s for s in stories if s["id"] == story_id), None), f"story {story_id}")


def run_search(
    index: StoreIndex, q: str, speaker: str, limit: int = SEARCH_LIMIT
) -> tuple[list[dict], int | None]:
    """Text search, or speaker search when ``speaker`` is given: the hits, and how many
    more matched than ``limit`` let through (None for a speaker search it cut: uncounted)."""
    q, speaker = q.strip(), speaker.strip()
    if speaker:
        return index.search_speaker(speaker, limit=limit)
    if len(q) < 2:
        raise InputError("search needs at least two characters")
    return index.search(q, limit=limit)


def as_article(d: dict) -> Article:
    """A stored article (:meth:`storytrace.store.Store.article_by_id`) as an :class:`Article`."""
    return Article(
        source=d.get("source") or str(d["id"]),
        text=d["text"],
        title=d.get("title"),
        published=d.get("published"),
        url=d.get("url"),
        outlet=d.get("outlet"),
    )


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
async def stories_page(
    ctx: Ctx,
    offset: int = Offset,
    limit: int = Limit,
) -> HTMLResponse:
    stories = await all_stories(ctx)
    return ctx.page(
        "stories.html",
        stories=story_rows(stories[offset : offset + limit]),
        more=len(stories) > offset + limit,
        offset=offset,
        limit=limit,
        stats=ctx.need_index().stats(stories),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
async def story_page(story_id: str, ctx: Ctx) -> HTMLResponse:
    story = find_story(await all_stories(ctx), story_id)
    return ctx.page("story.html", story=story, graph=story_graph(story, article_url))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
async def article_page(article_id: str, ctx: Ctx) -> HTMLResponse:
    index = ctx.need_index()
    article = found(index.article(article_id), f"article {article_id}")
    await all_stories(ctx)
    return ctx.page("article.html", article=article, story_id=index.story_of(article_id))


@router.get("/compare-stored", response_class=HTMLResponse, include_in_schema=False)
async def compare_stored(
    ctx: Ctx,
    request: Request,
    a_id: str = Query(alias="a"),
    b_id: str = Query(alias="b"),
) -> HTMLResponse:
    index = ctx.need_index()
    a = found(index.article(a_id), f"article {a_id}")
    b = found(index.article(b_id), f"article {b_id}")
    fragment, title = await ctx.run(request, jobs.compare_page, as_article(a), as_article(b))
    return ctx.page("compare.html", report=fragment, title=title)


class MatchPayload(BaseModel):
    """One article (plain text or HTML) to look up in the served index."""

    text: str = Field(description="The article: plain text or HTML.")
    limit: int = Field(MATCH_LIMIT, ge=1, le=SEARCH_LIMIT, description="Most hits (1 to 200).")


async def find_hits(ctx: AppContext, article: Article, limit: int) -> list[dict]:
    """``storytrace match`` on an uploaded or pasted article: the same hits and evidence,
    their spans in ``article.text`` (for HTML, the extracted text); an uploaded or pasted
    record's id says which stored article is this one."""
    # A few index reads (milliseconds), off the event loop all the same.
    db = ctx.need_index().db_dir
    return await run_in_threadpool(match_text, article.text, db, limit, article.id)


def find_page(ctx: AppContext, error: str = "", status: int = 200, **shown: object) -> HTMLResponse:
    values = {
        "text": "",
        "hits": None,
        "most": MATCH_LIMIT,
        "phrases": False,
        "max_most": SEARCH_LIMIT,
        "phrase_note": phrase_note,
        "folded": folded,
        "not_shown": not_shown,
    } | shown
    limit = mib(ctx.max_article_bytes)
    return ctx.page("find.html", status, error=error, limit=limit, **values)


def form_most(form: FormData) -> int:
    """The "most hits" a posted /find form asks for (:data:`MATCH_LIMIT` when none): a
    whole number from 1 to :data:`SEARCH_LIMIT`, else an :class:`InputError`."""
    value = pasted(form, "limit").strip() or str(MATCH_LIMIT)
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= SEARCH_LIMIT):
        raise InputError(f"most hits: a whole number from 1 to {SEARCH_LIMIT}, not {value!r}")
    return int(value)


@router.get("/find", response_class=HTMLResponse, include_in_schema=False)
def find_form(
    ctx: Ctx,
    limit: int = SearchLimit,
    phrases: bool = Query(False, description="List the hits sharing only short phrases."),
) -> HTMLResponse:
    """The form; ``?limit=N&phrases=1`` sets its "most hits" and "list the hits sharing
    only short phrases" (as ``match --limit N --phrases``), for a bookmark or a link."""
    ctx.need_index()
    return find_page(ctx, most=limit, phrases=phrases)


@router.post("/find", response_class=HTMLResponse, include_in_schema=False)
async def find_post(request: Request, ctx: Ctx) -> HTMLResponse:
    ctx.need_index()
    limit = ctx.max_article_bytes
    try:
        form = await read_form(request, limit)
    except InputError as e:
        return find_page(ctx, str(e), status_of(e))
    text = pasted(form, "text")
    phrases = bool(pasted(form, "phrases"))
    most = pasted(form, "limit")
    try:
        most = form_most(form)
        article = await form_article(form, "", "pasted article", "", limit)
        hits = await find_hits(ctx, article, most)
    except InputError as e:
        return find_page(ctx, str(e), status_of(e), text=text, most=most, phrases=phrases)
    return find_page(ctx, text=text, hits=hits, most=most, phrases=phrases)


@router.post("/api/match", tags=["index"])
async def api_match(payload: MatchPayload, ctx: Ctx) -> dict:
    """Indexed articles sharing text or quotes with an article, ranked (``storytrace match
    --json``'s objects), ``text``, the analysed text their ``shared_spans`` index into
    (for HTML, the extracted article), and ``candidates_not_shown``, the indexed articles
    with a score that ``limit`` left out (each hit carries it too, as in ``match --json``)."""
    ctx.need_index()
    try:
        article = article_from_upload(payload.text, "article", ctx.max_article_bytes)
        hits = await find_hits(ctx, article, payload.limit)
        left_out = hits[0]["candidates_not_shown"] if hits else 0
        return {"text": article.text, "hits": hits, "candidates_not_shown": left_out}
    except InputError as e:
        raise HTTPException(status_of(e), str(e)) from None


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    ctx: Ctx,
    q: str = "",
    speaker: str = "",
    limit: int = SearchLimit,
) -> HTMLResponse:
    """The form and, when asked, the hits; a closing line counts those ``limit`` left out."""
    index = ctx.need_index()
    hits, left_out = None, 0
    error = ""
    if q.strip() or speaker.strip():
        try:
            hits, left_out = run_search(index, q, speaker, limit)
        except InputError as e:
            error = str(e)
    return ctx.page(
        "search.html",
        q=q,
        speaker=speaker,
        hits=hits,
        error=error,
        limit=limit,
        max_most=SEARCH_LIMIT,
        left_out=left_out,
        not_shown=more_not_shown(left_out, "result") if left_out != 0 else None,
    )


@router.get("/api/stories", tags=["index"])
async def api_stories(
    ctx: Ctx,
    offset: int = Offset,
    limit: int = Limit,
) -> dict:
    """Stories in the index, largest first, with sizes and dates."""
    stories = await all_stories(ctx)
    return {
        "stats": ctx.need_index().stats(stories),
        "stories": story_rows(stories[offset : offset + limit]),
    }


@router.get("/api/stories/{story_id}", tags=["index"])
async def api_story(story_id: str, ctx: Ctx) -> dict:
    """One story: its articles and reuse edges (source -> copy when directed)."""
    return find_story(await all_stories(ctx), story_id)


@router.get("/api/articles/{article_id:path}", tags=["index"])
async def api_article(article_id: str, ctx: Ctx) -> dict:
    """One stored article with its text and the story it belongs to."""
    index = ctx.need_index()
    article = found(index.article(article_id), f"article {article_id}")
    await all_stories(ctx)
    return article | {"story_id": index.story_of(article_id)}


@router.get("/api/search", tags=["index"])
def api_search(
    ctx: Ctx,
    q: str = "",
    speaker: str = "",
    limit: int = SearchLimit,
) -> dict:
    """Articles containing the text ``q``, or quotes by ``speaker`` (by date, then article
    id); ``more_results``, whether more matched than ``limit`` let through, and
    ``results_not_shown``, how many: counted for a text search, null for a speaker search
    that left some out (counting them would read every quote a second time)."""
    try:
        hits, left_out = run_search(ctx.need_index(), q, speaker, limit)
        more = left_out != 0
        return {"hits": hits, "results_not_shown": left_out, "more_results": more}
    except InputError as e:
        raise HTTPException(400, str(e)) from None
