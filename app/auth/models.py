"""ORM tables for API keys: only a hash of the secret is stored; a key speaks for the agencies listed beside it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime


class ApiKeyAgency(Base):
    """One agency a key speaks for. An ingest key with none may send any agency's copy (a trusted pipeline);
    an admin key with none is a global admin, with some an agency admin."""

    __tablename__ = "api_key_agencies"

    api_key_pk: Mapped[int] = mapped_column(ForeignKey("api_keys.pk", ondelete="CASCADE"), primary_key=True)
    agency: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class ApiKey(Base):
    __tablename__ = "api_keys"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    # The first characters of the token (`wf_<id>_` and four of the secret): enough for an operator to tell
    # which key a client holds, never enough to use it.
    prefix: Mapped[str] = mapped_column(String(40))
    secret_hash: Mapped[str] = mapped_column(String(128))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Written at most once a minute per key: cheap, and still tells an operator which keys are dead.
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    agency_rows: Mapped[list[ApiKeyAgency]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", passive_deletes=True, order_by=ApiKeyAgency.agency
    )

    @property
    def agencies(self) -> tuple[str, ...]:
        """The agencies this key speaks for (canonical spelling, sorted); empty means not bound to any."""
        return tuple(row.agency for row in self.agency_rows)

    @property
    def agency(self) -> str | None:
        """The key's agency when it has exactly one (what copy naming no agency is taken to be), else None."""
        return self.agencies[0] if len(self.agencies) == 1 else None
