"""HTTP for the quarantine: list, inspect, download the raw bytes, replay. Needs the `admin` scope; an agency
admin key sees only copy its agencies' keys sent or that named its agencies (others are 404 to it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from app.articles.endpoints import ingest_response
from app.articles.schemas import ArticleOut
from app.auth.dependencies import VisibleAgenciesDep
from app.config import Settings
from app.db import Database, DatabaseDep, ReadSessionDep
from app.errors import NotFound
from app.intake.service import IngestResult, replay
from app.problems import problem_responses
from app.rejections import repository
from app.rejections.models import Rejection
from app.rejections.schemas import RejectionOut, RejectionPage, rejection_out
from app.web import pk_cursor

router = APIRouter(prefix="/v1/rejections", tags=["operators"])


def _get(session: Session, rejection_id: str, visible: frozenset[str] | None) -> Rejection:
    rejection = repository.get_by_id(session, rejection_id)
    if rejection is None or not repository.is_of_agencies(session, rejection, visible):
        raise NotFound(f"No rejection with id {rejection_id!r}.")
    return rejection


@router.get(
    "", response_model=RejectionPage, summary="Refused copy, newest first", responses=problem_responses(400, 401, 403)
)
def list_rejections(
    session: ReadSessionDep,
    visible: VisibleAgenciesDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(description="Opaque, from the previous page.")] = None,
    state: Annotated[str | None, Query(pattern="^(open|replayed)$")] = None,
) -> RejectionPage:
    before = pk_cursor(cursor)
    rows = repository.list_page(session, limit=limit + 1, before_pk=before, state=state, agencies=visible)
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
def get_rejection(session: ReadSessionDep, visible: VisibleAgenciesDep, rejection_id: str) -> RejectionOut:
    return rejection_out(_get(session, rejection_id, visible))


@router.get(
    "/{rejection_id}/raw",
    summary="The refused copy's exact bytes",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}, **problem_responses(401, 403, 404)},
)
def get_rejection_raw(session: ReadSessionDep, visible: VisibleAgenciesDep, rejection_id: str) -> Response:
    raw = _get(session, rejection_id, visible).raw_copy
    return Response(
        content=raw.data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{rejection_id}.bin"',
            "X-Original-Content-Type": raw.content_type or "",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _replay_if_visible(
    db: Database, settings: Settings, rejection_id: str, visible: frozenset[str] | None
) -> IngestResult:
    with db.read_sessions() as session:
        _get(session, rejection_id, visible)  # 404 unless this admin may see it
    return replay(db, settings, rejection_id)


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
async def replay_rejection(
    request: Request, db: DatabaseDep, visible: VisibleAgenciesDep, rejection_id: str
) -> Response:
    result = await run_in_threadpool(_replay_if_visible, db, request.app.state.settings, rejection_id, visible)
    return ingest_response(result, request)
