"""Held copy as operators and the ingesting agency read it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.review.models import ReviewItem


class HeldOut(BaseModel):
    """The answer to a POST whose copy was held for review (202 Accepted)."""

    status: str = Field(default="held", description="Always 'held': nothing was published.")
    review_id: str = Field(description="The id an editor publishes or rejects it by (`/v1/review/{id}`).")
    reasons: list[str] = Field(description="The named checks the draft failed, e.g. 'headline-chrome: …'.")
    headline: str = Field(description="The headline as drafted (not published).")
    links: dict[str, str]


class ReviewItemOut(BaseModel):
    id: str
    received_at: datetime
    agency: str | None
    headline: str
    reasons: list[str]
    state: str = Field(description="'open', 'published' (article_id says which) or 'rejected'.")
    decided_at: datetime | None
    decided_by: str | None
    note: str | None
    article_id: str | None
    content_type: str | None
    size: int
    sha256: str
    draft: dict[str, Any] = Field(description="The article the pipeline drafted, as it would be published.")
    links: dict[str, str]


class ReviewPage(BaseModel):
    items: list[ReviewItemOut]
    next_cursor: str | None


class DecisionIn(BaseModel):
    note: str | None = Field(default=None, max_length=2000, description="Why, for the record.")


def _links(item: ReviewItem) -> dict[str, str]:
    path = f"/v1/review/{item.id}"
    links = {"self": path, "publish": f"{path}/publish", "reject": f"{path}/reject"}
    if item.article_id:
        links["article"] = f"/v1/articles/{item.article_id}"
    return links


def held_out(item: ReviewItem) -> HeldOut:
    return HeldOut(review_id=item.id, reasons=list(item.reasons), headline=item.headline, links=_links(item))


def review_item_out(item: ReviewItem) -> ReviewItemOut:
    raw = item.raw_copy
    return ReviewItemOut(
        id=item.id,
        received_at=item.received_at,
        agency=item.agency,
        headline=item.headline,
        reasons=list(item.reasons),
        state=item.state,
        decided_at=item.decided_at,
        decided_by=item.decided_by,
        note=item.note,
        article_id=item.article_id,
        content_type=raw.content_type,
        size=raw.size,
        sha256=raw.sha256,
        draft=item.draft,
        links=_links(item),
    )
