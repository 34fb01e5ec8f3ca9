"""Routes that compare two articles given by the user: the form and the JSON API."""

from __future__ import annotations

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, field_validator
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace.articles import (
    Article,
    InputError,
    article_from_text,
    decode_bytes,
    is_jsonl,
    record_text_article,
    unnamed_record_article,
)
from storytrace.web import jobs
from storytrace.web.context import AppContext, Ctx
from storytrace.web.security import mib

router = APIRouter()


class TooLarge(InputError):
    """An input over the size limit (HTTP 413)."""


def status_of(e: InputError) -> int:
    """413 for an input over a limit, 400 for any other bad input."""
    return 413 if isinstance(e, TooLarge) else 400


def valid_unicode(text: str, what: str) -> str:
    """``text`` if it can be stored and sent back as UTF-8 (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(
            f"{what}: not valid Unicode (a lone surrogate at character {e.start})"
        ) from None
    return text


def article_from_upload(
    data: bytes | str, source: str, limit: int, record_if_json: bool = False
) -> Article:
    """An article from uploaded bytes or pasted text, with one-line errors naming it.

    ``record_if_json``: pasted text has no file name to say what it holds, so text that
    opens with ``{`` is a JSON record, as ``compare -`` reads standard input
    (:func:`~storytrace.articles.unnamed_record_article`)."""
    size = len(valid_unicode(data, source).encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limit:
        raise TooLarge(f"{source}: larger than the {mib(limit)} limit for one article")
    text = data if isinstance(data, str) else decode_bytes(data, source)
    if not text.strip():
        raise InputError(f"{source}: no text given")
    if not isinstance(data, str) and (source.lower().endswith(".json") or is_jsonl(source)):
        return record_text_article(text, source)  # a record file, as the CLI reads it
    if record_if_json and (rec := unnamed_record_article(text, source)) is not None:
        return rec
    return article_from_text(text, source=source)


class ComparePayload(BaseModel):
    """Two articles as text (plain text or HTML) with optional names."""

    a: str = Field(description="First article: plain text or HTML.")
    b: str = Field(description="Second article: plain text or HTML.")
    a_source: str = Field("a", description="A name for the first article.")
    b_source: str = Field("b", description="A name for the second article.")

    @field_validator("a_source", "b_source")
    @classmethod
    def _names_are_unicode(cls, v: str) -> str:
        try:
            return valid_unicode(v, "article name")
        except InputError as e:
            raise ValueError(str(e)) from None


def form_page(
    ctx: AppContext, error: str = "", status: int = 200, values: dict | None = None
) -> HTMLResponse:
    return ctx.page(
        "index.html",
        status,
        error=error,
        values=values or {"a": "", "b": ""},
        limit=mib(ctx.max_article_bytes),
    )


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(ctx: Ctx) -> HTMLResponse:
    return form_page(ctx)


async def read_form(request: Request, limit: int) -> FormData:
    """The posted form of an article page, each part up to ``limit`` bytes of article; a
    part over it is :class:`TooLarge`, a form that cannot be parsed an :class:`InputError`."""
    try:
        return await request.form(max_part_size=limit + 1024)
    except StarletteHTTPException as e:  # the form parser refused a part
        if "maximum size" in str(e.detail):
            raise TooLarge(f"pasted text is over the {mib(limit)} limit for one article") from None
        raise InputError(f"could not read the form ({e.detail})") from None


def pasted(form: FormData, field: str) -> str:
    """The text pasted into ``field`` of a posted form ("" when none)."""
    value = form.get(field)
    return value if isinstance(value, str) else ""


async def form_article(form: FormData, side: str, name: str, what: str, limit: int) -> Article:
    """The article a form posts in ``{side}file`` or ``{side}text``: the uploaded file when
    one is chosen, else the pasted text (named ``name``); neither is an :class:`InputError`
    that starts with ``what``."""
    upload = form.get(f"{side}file")
    if isinstance(upload, StarletteUpload) and upload.filename:
        return article_from_upload(await upload.read(limit + 1), upload.filename, limit)
    text = pasted(form, f"{side}text")
    if text.strip():
        return article_from_upload(text, name, limit, record_if_json=True)
    raise InputError(f"{what}paste some text or choose a file")


@router.post("/compare", response_class=HTMLResponse, include_in_schema=False)
async def compare_form(request: Request, ctx: Ctx) -> HTMLResponse:
    limit = ctx.max_article_bytes
    try:
        form = await read_form(request, limit)
    except InputError as e:
        return form_page(ctx, str(e), status_of(e))
    values = {"a": "", "b": ""}
    arts: list[Article] = []
    try:
        for s in ("a", "b"):
            values[s] = pasted(form, f"{s}_text")
            name, what = f"pasted {s.upper()}", f"article {s.upper()}: "
            arts.append(await form_article(form, f"{s}_", name, what, limit))
    except InputError as e:
        return form_page(ctx, str(e), status_of(e), values)
    fragment, title = await ctx.run(request, jobs.compare_page, arts[0], arts[1])
    return ctx.page("compare.html", report=fragment, title=title)


@router.post("/api/compare", tags=["compare"])
async def api_compare(
    ctx: Ctx,
    payload: ComparePayload,
    request: Request,
) -> dict:
    """Align two articles given as text; the result follows docs/compare.schema.json."""
    try:
        a = article_from_upload(payload.a, payload.a_source, ctx.max_article_bytes)
        b = article_from_upload(payload.b, payload.b_source, ctx.max_article_bytes)
    except InputError as e:
        raise HTTPException(status_of(e), str(e)) from None
    return await ctx.run(request, jobs.compare_dict, a, b)


@router.post("/api/compare/files", tags=["compare"])
async def api_compare_files(
    ctx: Ctx,
    request: Request,
    a: UploadFile = File(  # noqa: B008
        description="First article file (text, HTML, or a .json or JSONL file holding one record)."
    ),
    b: UploadFile = File(description="Second article file, as the first."),  # noqa: B008
) -> dict:
    """Align two uploaded article files; the result follows docs/compare.schema.json."""
    limit = ctx.max_article_bytes
    try:
        arts = [
            article_from_upload(await f.read(limit + 1), f.filename or side, limit)
            for side, f in (("a", a), ("b", b))
        ]
    except InputError as e:
        raise HTTPException(status_of(e), str(e)) from None
    return await ctx.run(request, jobs.compare_dict, arts[0], arts[1])
