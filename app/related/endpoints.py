"""HTTP for related articles: `GET /v1/articles/{id}/related`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from app.articles.schemas import RelatedItem, summary_of
from app.articles.service import get_live_article
from app.db import ReadSessionDep
from app.problems import problem_responses
from app.related.search import related_articles
from app.web import json_response, links_base

router = APIRouter(prefix="/v1/articles", tags=["articles"])


class RelatedList(BaseModel):
    items: list[RelatedItem]


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
    article = get_live_article(session, article_id)
    base = links_base(request)
    items = [
        RelatedItem(**summary_of(found.article, base).model_dump(), score=found.score)
        for found in related_articles(session, article, limit)
    ]
    return json_response(RelatedList(items=items).model_dump_json())
