"""The answer to a POST of a file with several story items (a G2 newsMessage, a feed): one outcome each."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ItemOutcome(BaseModel):
    outcome: str = Field(description="created, duplicate, updated, stale, held, withdrawn or refused.")
    status: int = Field(description="The status a POST of this item alone would have had.")
    id: str | None = Field(default=None, description="The article's id, when stored.")
    headline: str | None = None
    review_id: str | None = Field(default=None, description="When held for review.")
    rejection_id: str | None = Field(default=None, description="When refused (kept in the quarantine).")
    detail: str | None = Field(default=None, description="Why it was refused or held.")
    links: dict[str, str] = Field(default_factory=dict)


class BatchOut(BaseModel):
    """`Wirefeed-Outcome: multiple`: the file carried several stories; each was settled on its own."""

    items: list[ItemOutcome]
