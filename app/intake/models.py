"""ORM tables for what arrived: the raw bytes of every stored or refused copy, and idempotency records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime


class RawCopy(Base):
    """The exact bytes received, with the headers that matter for replaying them."""

    __tablename__ = "raw_copies"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    content_type: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(80), index=True)
    size: Mapped[int] = mapped_column(Integer)  # bytes read (of oversize copy: read up to the limit)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    # Oversize copy is kept only as its first bytes: `data` is a prefix, `sha256` covers all that was read.
    truncated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    declared_size: Mapped[int | None] = mapped_column(BigInteger)  # the Content-Length the sender declared
    headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(String(40))  # http, cli, seed, replay
    api_key_id: Mapped[str | None] = mapped_column(String(32))


class IdempotencyRecord(Base):
    """The first answer to a POST carrying an Idempotency-Key, replayed for retries with the same key."""

    __tablename__ = "idempotency_records"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    api_key_id: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_code: Mapped[int] = mapped_column(Integer)
    article_pk: Mapped[int | None] = mapped_column(ForeignKey("articles.pk", ondelete="SET NULL"))
    rejection_id: Mapped[str | None] = mapped_column(String(32))
    review_id: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    request_sha256: Mapped[str] = mapped_column(String(80))

    __table_args__ = (UniqueConstraint("api_key_id", "key"),)
