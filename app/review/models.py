"""ORM table for held copy: the raw bytes, the draft the pipeline made of them, and why it was held."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime
from app.intake.models import RawCopy

OPEN = "open"
PUBLISHED = "published"
REJECTED = "rejected"


class ReviewItem(Base):
    """One held piece of copy. `draft` is the ParsedCopy (JSON) an editor approves or rejects as it is."""

    __tablename__ = "review_items"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    raw_copy_pk: Mapped[int] = mapped_column(ForeignKey("raw_copies.pk"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    agency: Mapped[str | None] = mapped_column(String(40), index=True)
    headline: Mapped[str] = mapped_column(Text)
    reasons: Mapped[list[str]] = mapped_column(JSON)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The draft's text fingerprint: the same text held again (a resend, a retry) finds its open item.
    fingerprint: Mapped[str] = mapped_column(String(80), index=True)
    state: Mapped[str] = mapped_column(String(16), default=OPEN)  # open | published | rejected
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(32))  # the API key id, or "cli"
    note: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[str | None] = mapped_column(String(32))

    raw_copy: Mapped[RawCopy] = relationship()
