"""HTTP for articles: ingest, list, fetch, versions, withdraw. Thin: validate, call one service, render."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.articles import repository
from app.articles.ninjs import NINJS_MEDIA_TYPE, to_ninjs
from app.articles.repository import ListFilters
from app.articles.schemas import (
    ArticleOut,
    ArticlePage,
    ArticleVersionOut,
    VersionList,
    article_out,
    article_version_out,
    summary_of,
    version_out,
)
from app.articles.service import get_live_article, withdraw
from app.auth.agencies import may_act_on
from app.auth.dependencies import IngestKeyDep, VisibleAgenciesDep
from app.auth.keys import sending_agencies
from app.db import DatabaseDep, ReadSessionDep
from app.errors import PROBLEM_BASE, Forbidden, InvalidRequest, NotFound
from app.intake.schemas import BatchOut, ItemOutcome
from app.intake.service import Delivery, IngestResult, ingest
from app.limits.body import read_copy
from app.problems import problem_response, problem_responses, render_error
from app.related.search import matching_article_pks
from app.review.schemas import HeldOut, held_out
from app.web import app_settings, json_response, links_base

router = APIRouter(prefix="/v1/articles", tags=["articles"])

REFERENCE_STORY = files("app.articles").joinpath("reference_story.txt").read_text(encoding="utf-8")
# Headers worth keeping with raw copy: they matter when an operator replays it.
KEPT_HEADERS = ("content-type", "content-length", "user-agent", "idempotency-key", "x-request-id", "x-agency-ref")


def held_response(result: IngestResult) -> Response:
    """202 Accepted: the copy and its draft are kept for an editor; nothing was published."""
    assert result.review is not None
    out = held_out(result.review)
    headers = {"Wirefeed-Outcome": "held", "Location": out.links["self"]}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    return json_response(out.model_dump_json(), 202, headers)


def _item_outcome(result: IngestResult, request: Request) -> ItemOutcome:
    if result.review is not None:
        out = held_out(result.review)
        return ItemOutcome(
            outcome=result.outcome,
            status=202,
            headline=out.headline,
            review_id=out.review_id,
            detail="; ".join(out.reasons),
            links={"review": out.links["self"]},
        )
    if result.article is not None:
        links = links_base(request)
        article = article_out(result.article, links)
        return ItemOutcome(
            outcome=result.outcome,
            status=result.status_code,
            id=article.id,
            headline=article.headline,
            links={"self": article.links.self},
        )
    return ItemOutcome(
        outcome=result.outcome,
        status=result.status_code,
        rejection_id=result.rejection_id,
        detail=result.error.detail if result.error else None,
        links={"rejection": f"/v1/rejections/{result.rejection_id}"} if result.rejection_id else {},
    )


def batch_response(result: IngestResult, request: Request) -> Response:
    """200 with every story item's outcome (a file of several stories)."""
    out = BatchOut(items=[_item_outcome(item, request) for item in result.items])
    return json_response(out.model_dump_json(), 200, {"Wirefeed-Outcome": "multiple"})


def ingest_response(result: IngestResult, request: Request) -> Response:
    if result.items:
        return batch_response(result, request)
    if result.review is not None:
        return held_response(result)
    if result.article is None:
        if result.error is not None:
            return render_error(result.error, request, rejection_id=result.rejection_id)
        return problem_response(
            result.status_code,
            PROBLEM_BASE + "refused-earlier",
            "Copy refused",
            "This Idempotency-Key was first answered with a refusal; the copy is in the quarantine.",
            request,
            rejection_id=result.rejection_id,
        )
    out = article_out(result.article, links_base(request))
    headers = {"Wirefeed-Outcome": result.outcome, "ETag": etag_of(out)}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    if result.status_code == 201:
        headers["Location"] = out.links.self
    return json_response(out.model_dump_json(), result.status_code, headers)


@router.post(
    "",
    status_code=201,
    response_model=ArticleOut,
    summary="Ingest one piece of raw agency copy",
    description=(
        "The body is the copy's bytes exactly as the agency sent them. `201` for a new story, `200` for a "
        "duplicate (nothing stored) or an update (`version` raised); the `Wirefeed-Outcome` header says "
        "which (`created`, `duplicate`, `updated`, `stale`). Copy the service cannot be sure of (a draft that "
        "fails a named plausibility check) is **held for review**: `202 Accepted` with the reasons and a "
        "`review_id`, nothing published until an editor decides (`/v1/review`). Refused copy answers with "
        "problem+json and is kept for operators (`rejection_id`). An `Idempotency-Key` header makes a retry "
        "return the first answer."
    ),
    responses={
        200: {
            "description": (
                "Duplicate or update of a stored story (`Wirefeed-Outcome: duplicate`/`updated`/`stale`); or, for "
                "a file of several stories (a G2 newsMessage, a feed), each item's outcome (`multiple`)."
            ),
            "model": ArticleOut | BatchOut,
        },
        202: {"description": "Held for review: kept, not published", "model": HeldOut},
        **problem_responses(401, 403, 408, 410, 413, 415, 422),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": (
                "Raw copy. text/plain for agency or page text; text/html (or application/xhtml+xml) for a news "
                "page's HTML, whose main story is extracted; wire standards by their media types."
            ),
            "content": {
                "text/plain": {
                    "schema": {"type": "string"},
                    "examples": {
                        "reference-story": {
                            "summary": "IANS story scraped from Lokmat Times (the reference story)",
                            "value": REFERENCE_STORY,
                        }
                    },
                },
                "text/html": {"schema": {"type": "string"}},
                "application/xhtml+xml": {"schema": {"type": "string"}},
                "application/nitf+xml": {"schema": {"type": "string"}},
                "application/vnd.iptc.g2.newsitem+xml": {"schema": {"type": "string"}},
                "application/ninjs+json": {"schema": {"type": "string"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def create_article(
    request: Request,
    db: DatabaseDep,
    key: IngestKeyDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    settings = app_settings(request)
    upload = await read_copy(
        request,
        limit=settings.max_copy_bytes,
        keep=settings.quarantine_prefix_bytes,
        deadline=settings.upload_deadline_seconds,
    )
    delivery = Delivery(
        data=upload.data,
        content_type=request.headers.get("content-type"),
        source="http",
        api_key_id=key.id,
        agencies=sending_agencies(key),
        headers={h: v for h in KEPT_HEADERS if (v := request.headers.get(h)) is not None},
        idempotency_key=idempotency_key,
        truncated=upload.truncated,
        read_size=upload.size,
        read_sha256=upload.sha256,
        declared_size=upload.declared_size,
    )
    result = await run_in_threadpool(ingest, db, settings, delivery)
    return ingest_response(result, request)


def encode_cursor(sort_at: datetime, pk: int) -> str:
    raw = json.dumps([sort_at.isoformat(), pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


MAX_PK = 2**31 - 1


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The position a cursor names; anything this service did not issue is a 400, never a 500."""
    forged = InvalidRequest(f"The cursor {cursor!r} is not one this service issued.")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_at, pk = json.loads(raw)
        position = datetime.fromisoformat(sort_at)
    except (ValueError, TypeError, binascii.Error, OverflowError) as exc:
        raise forged from exc
    if position.tzinfo is None or type(pk) is not int or not 0 < pk <= MAX_PK:
        raise forged
    return position, pk


def _instant_param(name: str, text: str | None) -> datetime | None:
    """An ISO 8601 instant with its offset. Parsed here, not by pydantic, which would take `0.5` for a Unix time."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip().upper())
    except ValueError as exc:
        raise InvalidRequest(f"`{name}` is not an ISO 8601 date and time (e.g. 2024-12-01T00:00:00+05:30).") from exc
    if value.tzinfo is None:
        raise InvalidRequest(f"`{name}` needs an offset or Z (e.g. 2024-12-01T00:00:00+05:30).")
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise InvalidRequest(f"`{name}` is out of the range of dates this service stores.") from exc


INSTANT = {"max_length": 64, "json_schema_extra": {"format": "date-time"}}


@router.get(
    "",
    response_model=ArticlePage,
    summary="List articles, newest first",
    description="Keyset pagination: pass `next_cursor` back as `cursor`. The `Link` header carries the next page.",
    responses=problem_responses(400, 422),
)
def list_articles(
    request: Request,
    session: ReadSessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="Opaque, from the previous page.")] = None,
    agency: Annotated[str | None, Query(max_length=40)] = None,
    category: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    since: Annotated[str | None, Query(description="ISO 8601; stories first stated at or after.", **INSTANT)] = None,
    until: Annotated[str | None, Query(description="ISO 8601; stories first stated before.", **INSTANT)] = None,
    q: Annotated[str | None, Query(max_length=400, description="Full-text search.")] = None,
) -> Response:
    since_at, until_at = _instant_param("since", since), _instant_param("until", until)
    pks = matching_article_pks(session, q) if q else None
    if q and pks is None:  # nothing searchable in q: nothing matches
        return json_response(ArticlePage(items=[], next_cursor=None).model_dump_json())
    filters = ListFilters(agency, category, language, since_at, until_at, pks)
    after = decode_cursor(cursor) if cursor else None
    rows = repository.list_page(session, filters, limit + 1, after)
    base = links_base(request)
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1].sort_at, page[-1].pk) if len(rows) > limit else None
    out = ArticlePage(items=[summary_of(a, base) for a in page], next_cursor=next_cursor)
    headers = {}
    if next_cursor is not None:
        # Relative (or under WIREFEED_PUBLIC_BASE_URL): never built from the request's Host header.
        next_url = request.url.include_query_params(cursor=next_cursor)
        headers["Link"] = f'<{base}{next_url.path}?{next_url.query}>; rel="next"'
    return json_response(out.model_dump_json(), headers=headers)


def etag_matches(if_none_match: str, tag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match requires: W/"x" matches "x" (proxies weaken ETags)."""
    candidates = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in candidates or tag in candidates


def prefers_ninjs(accept: str) -> bool:
    """True when the Accept header ranks ninjs above plain JSON (q-values honoured; q=0 means never)."""

    def quality(media: str) -> float:
        best = 0.0
        for part in accept.split(","):
            name, *params = (p.strip() for p in part.split(";"))
            if name.lower() != media:
                continue
            q = next((p[2:] for p in params if p.lower().startswith("q=")), "1")
            try:
                best = max(best, float(q))
            except ValueError:
                continue
        return best

    ninjs = quality(NINJS_MEDIA_TYPE)
    return ninjs > 0 and ninjs >= quality("application/json")


def etag_of(article: ArticleOut, variant: str = "") -> str:
    """Strong validator of one representation: the served text's hash, its version, and the rendering."""
    suffix = f"-{variant}" if variant else ""
    return f'"{article.content_hash[7:39]}-v{article.version}{suffix}"'


@router.get(
    "/{article_id}",
    response_model=ArticleOut,
    summary="Fetch one article",
    description=(
        "Sends an `ETag`; `If-None-Match` with it answers `304 Not Modified`. "
        "`Accept: application/ninjs+json` or `?format=ninjs` gives the IPTC ninjs 2.2 rendering."
    ),
    responses={
        200: {"content": {NINJS_MEDIA_TYPE: {"schema": {"type": "object"}}}},
        304: {"description": "Not modified"},
        **problem_responses(404, 410),
    },
)
def get_article(
    request: Request,
    session: ReadSessionDep,
    article_id: str,
    if_none_match: Annotated[str | None, Header()] = None,
    format: Annotated[str | None, Query(pattern="^(json|ninjs)$", description="`ninjs` for IPTC ninjs 2.2.")] = None,
) -> Response:
    out = article_out(get_live_article(session, article_id), links_base(request))
    as_ninjs = format == "ninjs" or (format is None and prefers_ninjs(request.headers.get("accept", "")))
    tag = etag_of(out, "ninjs" if as_ninjs else "")
    headers = {"ETag": tag, "Cache-Control": "no-cache", "Vary": "Accept"}
    if if_none_match and etag_matches(if_none_match, tag):
        return Response(status_code=304, headers=headers)
    if as_ninjs:
        return Response(json.dumps(to_ninjs(out), ensure_ascii=False), media_type=NINJS_MEDIA_TYPE, headers=headers)
    return json_response(out.model_dump_json(), headers=headers)


@router.get(
    "/{article_id}/versions",
    response_model=VersionList,
    summary="Every received version of an article",
    responses=problem_responses(404, 410),
)
def list_article_versions(request: Request, session: ReadSessionDep, article_id: str) -> Response:
    article = get_live_article(session, article_id)
    base = links_base(request)
    out = VersionList(items=[version_out(article, v, base) for v in repository.list_versions(session, article.pk)])
    return json_response(out.model_dump_json())


@router.get(
    "/{article_id}/versions/{version}",
    response_model=ArticleVersionOut,
    summary="One earlier (or the current) version of an article, in full",
    responses=problem_responses(404, 410),
)
def get_article_version(
    request: Request, session: ReadSessionDep, article_id: str, version: Annotated[int, Path(ge=1, le=MAX_PK)]
) -> Response:
    article = get_live_article(session, article_id)
    row = repository.get_version(session, article.pk, version)
    if row is None:
        raise NotFound(f"Article {article_id!r} has no version {version}.")
    return json_response(article_version_out(article, row, links_base(request)).model_dump_json())


@router.post(
    "/{article_id}/withdraw",
    status_code=204,
    summary="Withdraw an article (kill): it is no longer listed, served or related",
    description="Needs `admin`; an agency admin key withdraws only its agencies' articles.",
    responses=problem_responses(401, 403, 404),
)
def withdraw_article(db: DatabaseDep, visible: VisibleAgenciesDep, article_id: str) -> Response:
    with db.write_sessions.begin() as session:
        article = repository.get_by_id(session, article_id)
        if article is not None and not may_act_on(visible, article.agency):
            raise Forbidden(
                f"Article {article_id!r} is {article.agency}'s; this admin key acts only for "
                f"{', '.join(sorted(visible or ()))}."
            )
        withdraw(session, article_id)
    return Response(status_code=204)
