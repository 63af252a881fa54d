"""The quarantine as operators read it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from app.rejections.models import Rejection


class RejectionOut(BaseModel):
    id: str
    received_at: datetime
    status: int = Field(description="The HTTP status the copy was refused with.")
    type: str = Field(description="The problem type URI.")
    reason: str = Field(description="A short stable code, e.g. 'binary', 'active-content', 'empty'.")
    detail: str
    state: str = Field(description="'open', or 'replayed' once a replay stored it.")
    agency: str | None = Field(description="The agency the copy named, where it was read that far (e.g. forged).")
    replayed_at: datetime | None
    replay_article_id: str | None
    content_type: str | None
    size: int = Field(description="Bytes read; of oversize copy, read up to the limit.")
    sha256: str = Field(description="Of the bytes read.")
    truncated: bool = Field(description="Oversize copy: only its first bytes were kept (`raw` is that prefix).")
    declared_size: int | None = Field(description="The Content-Length the sender declared.")
    source: str
    headers: dict[str, str]
    links: dict[str, str]


class RejectionPage(BaseModel):
    items: list[RejectionOut]
    next_cursor: str | None


def rejection_out(rejection: Rejection) -> RejectionOut:
    raw = rejection.raw_copy
    path = f"/v1/rejections/{rejection.id}"
    return RejectionOut(
        id=rejection.id,
        received_at=rejection.received_at,
        status=rejection.status_code,
        type=rejection.problem_type,
        reason=rejection.reason,
        detail=rejection.detail,
        state=rejection.state,
        agency=rejection.agency,
        replayed_at=rejection.replayed_at,
        replay_article_id=rejection.replay_article_id,
        content_type=raw.content_type,
        size=raw.size,
        sha256=raw.sha256,
        truncated=raw.truncated,
        declared_size=raw.declared_size,
        source=raw.source,
        headers=raw.headers,
        links={"self": path, "raw": f"{path}/raw", "replay": f"{path}/replay"},
    )
