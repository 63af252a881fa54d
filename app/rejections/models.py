"""ORM table for refused copy kept in quarantine for operators to inspect and replay."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime
from app.intake.models import RawCopy


class Rejection(Base):
    __tablename__ = "rejections"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    raw_copy_pk: Mapped[int] = mapped_column(ForeignKey("raw_copies.pk"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    status_code: Mapped[int] = mapped_column(Integer)
    problem_type: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | replayed
    replayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    replay_article_id: Mapped[str | None] = mapped_column(String(32))
    # The agency the copy itself named, when it was read that far (e.g. a forged agency): with the sending
    # key's agencies, what lets an agency admin see this rejection.
    agency: Mapped[str | None] = mapped_column(String(40), index=True)

    raw_copy: Mapped[RawCopy] = relationship()
