"""HTTP for the review queue: list held copy, read one, publish it as drafted, or reject it. Needs `admin`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.articles.endpoints import ingest_response
from app.articles.schemas import ArticleOut
from app.auth.dependencies import AdminKeyDep, VisibleAgenciesDep
from app.db import DatabaseDep, ReadSessionDep
from app.intake.service import HELD, IngestResult, stored_answer
from app.problems import problem_responses
from app.review import repository, service
from app.review.models import OPEN, PUBLISHED, REJECTED
from app.review.schemas import DecisionIn, HeldOut, ReviewItemOut, ReviewPage, review_item_out
from app.web import app_settings, json_response, pk_cursor

router = APIRouter(prefix="/v1/review", tags=["operators"])

_STATES = f"^({OPEN}|{PUBLISHED}|{REJECTED})$"


@router.get(
    "",
    response_model=ReviewPage,
    summary="Copy held for review, newest first",
    description="Drafts that failed a plausibility check. Held copy is never listed, fetched or related elsewhere.",
    responses=problem_responses(400, 401, 403),
)
def list_review(
    session: ReadSessionDep,
    visible: VisibleAgenciesDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(description="Opaque, from the previous page.")] = None,
    state: Annotated[str | None, Query(pattern=_STATES, description="open, published or rejected.")] = None,
) -> ReviewPage:
    before = pk_cursor(cursor)
    rows = repository.list_page(session, limit=limit + 1, before_pk=before, state=state, agencies=visible)
    page = rows[:limit]
    return ReviewPage(
        items=[review_item_out(r) for r in page], next_cursor=str(page[-1].pk) if len(rows) > limit else None
    )


@router.get(
    "/{review_id}", response_model=ReviewItemOut, summary="One held copy", responses=problem_responses(401, 403, 404)
)
def get_review_item(session: ReadSessionDep, visible: VisibleAgenciesDep, review_id: str) -> ReviewItemOut:
    return review_item_out(service.visible_item(repository.get_by_id(session, review_id), review_id, visible))


@router.post(
    "/{review_id}/publish",
    summary="Publish held copy as drafted",
    description=(
        "Stores the kept draft as any ingest would: `201` a new story, `200` a duplicate or an update "
        "(`Wirefeed-Outcome`). `409` once a decision was made."
    ),
    status_code=201,
    response_model=ArticleOut,
    responses={
        200: {"description": "A duplicate or an update", "model": ArticleOut},
        **problem_responses(401, 403, 404, 409, 410),
    },
)
async def publish_review_item(
    request: Request,
    db: DatabaseDep,
    key: AdminKeyDep,
    visible: VisibleAgenciesDep,
    review_id: str,
    decision: Annotated[DecisionIn | None, Body()] = None,
) -> Response:
    note = decision.note if decision else None
    settings = app_settings(request)
    done = await run_in_threadpool(service.publish, db, settings, review_id, key.id, note, visible)
    assert done.stored is not None
    return ingest_response(stored_answer(done.stored), request)  # the answer a POST of the copy gets


@router.post(
    "/{review_id}/reject",
    response_model=ReviewItemOut,
    summary="Reject held copy",
    description="Nothing is published; the copy stays kept with the decision. `409` once a decision was made.",
    responses=problem_responses(401, 403, 404, 409),
)
async def reject_review_item(
    db: DatabaseDep,
    key: AdminKeyDep,
    visible: VisibleAgenciesDep,
    review_id: str,
    decision: Annotated[DecisionIn | None, Body()] = None,
) -> Response:
    note = decision.note if decision else None
    done = await run_in_threadpool(service.reject, db, review_id, key.id, note, visible)
    return json_response(review_item_out(done.item).model_dump_json(), 200, {})


@router.post(
    "/{review_id}/replay",
    summary="Run held copy through today's pipeline",
    description=(
        "After a parser fix: `201`/`200` with the article when the copy now passes every check (the item is "
        "marked published), else `202` with today's reasons (still held). `409` once a decision was made."
    ),
    status_code=201,
    response_model=ArticleOut,
    responses={
        200: {"description": "A duplicate or an update", "model": ArticleOut},
        202: {"description": "Still held, with today's reasons", "model": HeldOut},
        **problem_responses(401, 403, 404, 409, 410, 413, 415, 422),
    },
)
async def replay_review_item(
    request: Request, db: DatabaseDep, key: AdminKeyDep, visible: VisibleAgenciesDep, review_id: str
) -> Response:
    done = await run_in_threadpool(service.replay, db, app_settings(request), review_id, key.id, visible)
    if done.stored is None:
        return ingest_response(IngestResult(outcome=HELD, status_code=202, review=done.item), request)
    return ingest_response(stored_answer(done.stored), request)
