"""HTTP for the quarantine: list, inspect, download the raw bytes, replay. Needs the `admin` scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.articles.endpoints import ingest_response
from app.articles.schemas import ArticleOut
from app.auth.dependencies import AdminKeyDep
from app.db import DatabaseDep, ReadSessionDep
from app.errors import InvalidRequest, NotFound
from app.intake.service import replay
from app.problems import problem_responses
from app.rejections import repository
from app.rejections.models import Rejection
from app.rejections.schemas import RejectionOut, RejectionPage, rejection_out

router = APIRouter(prefix="/v1/rejections", tags=["operators"])


def _get(session: ReadSessionDep, rejection_id: str) -> Rejection:
    rejection = repository.get_by_id(session, rejection_id)
    if rejection is None:
        raise NotFound(f"No rejection with id {rejection_id!r}.")
    return rejection


@router.get(
    "", response_model=RejectionPage, summary="Refused copy, newest first", responses=problem_responses(400, 401, 403)
)
def list_rejections(
    session: ReadSessionDep,
    _key: AdminKeyDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(description="Opaque, from the previous page.")] = None,
    state: Annotated[str | None, Query(pattern="^(open|replayed)$")] = None,
) -> RejectionPage:
    if cursor is not None and not (cursor.isascii() and cursor.isdigit() and 0 < int(cursor) <= 2**31 - 1):
        raise InvalidRequest(f"The cursor {cursor!r} is not one this service issued.")
    rows = repository.list_page(session, limit=limit + 1, before_pk=int(cursor) if cursor else None, state=state)
    page = rows[:limit]
    return RejectionPage(
        items=[rejection_out(r) for r in page], next_cursor=str(page[-1].pk) if len(rows) > limit else None
    )


@router.get(
    "/{rejection_id}",
    response_model=RejectionOut,
    summary="One refused copy",
    responses=problem_responses(401, 403, 404),
)
def get_rejection(session: ReadSessionDep, _key: AdminKeyDep, rejection_id: str) -> RejectionOut:
    return rejection_out(_get(session, rejection_id))


@router.get(
    "/{rejection_id}/raw",
    summary="The refused copy's exact bytes",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}, **problem_responses(401, 403, 404)},
)
def get_rejection_raw(session: ReadSessionDep, _key: AdminKeyDep, rejection_id: str) -> Response:
    raw = _get(session, rejection_id).raw_copy
    return Response(
        content=raw.data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{rejection_id}.bin"',
            "X-Original-Content-Type": raw.content_type or "",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.post(
    "/{rejection_id}/replay",
    summary="Replay refused copy through today's pipeline",
    description="201/200 with the article as for `POST /v1/articles`, or the problem the copy still has.",
    responses={
        201: {"description": "Stored as a new story", "model": ArticleOut},
        200: {"description": "A duplicate or an update of a stored story", "model": ArticleOut},
        **problem_responses(401, 403, 404, 410, 413, 415, 422),
    },
)
async def replay_rejection(request: Request, db: DatabaseDep, _key: AdminKeyDep, rejection_id: str) -> Response:
    result = await run_in_threadpool(replay, db, request.app.state.settings, rejection_id)
    return ingest_response(result, request)
