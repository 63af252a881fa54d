"""HTTP for related articles: `GET /v1/articles/{id}/related`."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from app.articles.repository import EMBARGOED, LIVE
from app.articles.schemas import RelatedItem, summary_of
from app.db import Database, DatabaseDep
from app.errors import NotFound, Withdrawn
from app.problems import problem_responses
from app.related import repository
from app.related.search import RankingCache, related_articles
from app.web import app_settings, json_response, links_base

router = APIRouter(prefix="/v1/articles", tags=["articles"])


class RelatedList(BaseModel):
    items: list[RelatedItem]


@dataclass
class RelatedState:
    """Per application: its cache of rankings, and the slots that bound how many /related queries run at
    once in this worker — the rest wait on the event loop, costing nothing, so a burst of /related calls
    cannot take every thread and the GIL from the other endpoints."""

    rankings: RankingCache
    slots: asyncio.Semaphore


def related_state(request: Request) -> RelatedState:
    state = request.app.state
    if not hasattr(state, "related"):  # made on the event loop, so never twice
        state.related = RelatedState(RankingCache(), asyncio.Semaphore(app_settings(request).related_concurrency))
    related: RelatedState = state.related
    return related


def _related(db: Database, request: Request, article_id: str, limit: int, rankings: RankingCache) -> Response:
    with db.read_sessions() as session:
        article = repository.article_for_related(session, article_id)
        if article is None or article.status == EMBARGOED:  # an embargoed story answers as an unknown id
            raise NotFound(f"No article with id {article_id!r}.")
        if article.status != LIVE:
            raise Withdrawn(f"Article {article_id!r} was withdrawn.")
        base = links_base(request)
        items = [
            RelatedItem(**summary_of(found.article, base).model_dump(), score=found.score)
            for found in related_articles(session, article, limit, rankings)
        ]
    return json_response(RelatedList(items=items).model_dump_json())


@router.get(
    "/{article_id}/related",
    response_model=RelatedList,
    summary="Articles related to this one, best first",
    description=(
        "First the same story thread (follow-ups, other agencies' takes on the same event), then close topics, "
        "in the article's language. Never the article itself, its versions or its duplicates, nor withdrawn "
        "articles. `score` is relative to the article's match with itself (1.0), lowered for stories far apart "
        "in time."
    ),
    responses=problem_responses(400, 404, 410, 422),
)
async def list_related_articles(
    request: Request,
    db: DatabaseDep,
    article_id: str,
    limit: Annotated[int, Query(ge=1, le=50, description="How many to return (1–50).")] = 5,
) -> Response:
    state = related_state(request)
    async with state.slots:
        return await run_in_threadpool(_related, db, request, article_id, limit, state.rankings)
