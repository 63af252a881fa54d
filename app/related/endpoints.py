"""HTTP for related articles: `GET /v1/articles/{id}/related`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from app.articles.endpoints import _live_article
from app.articles.schemas import RelatedItem, summary_of
from app.config import Settings
from app.db import ReadSessionDep
from app.problems import problem_responses
from app.related.search import related_articles

router = APIRouter(prefix="/v1/articles", tags=["articles"])


class RelatedList(BaseModel):
    items: list[RelatedItem]


def _base(request: Request) -> str:
    settings: Settings = request.app.state.settings
    return settings.public_base_url.rstrip("/")


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
    responses=problem_responses(404, 410, 422),
)
def list_related_articles(
    request: Request,
    session: ReadSessionDep,
    article_id: str,
    limit: Annotated[int, Query(ge=1, le=50, description="How many to return (1–50).")] = 5,
) -> Response:
    article = _live_article(session, article_id)
    base = _base(request)
    items = [
        RelatedItem(**summary_of(found.article, base).model_dump(), score=found.score)
        for found in related_articles(session, article, limit)
    ]
    return Response(content=RelatedList(items=items).model_dump_json(), media_type="application/json")
