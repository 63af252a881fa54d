"""ORM tables for stored articles, every version of their text, and kill notices waiting for their story."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime
from app.intake.models import RawCopy


class ArticleFields:
    """Columns an article and each of its versions both carry (the story as published)."""

    headline: Mapped[str] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    dateline_place: Mapped[str | None] = mapped_column(Text)
    dateline_text: Mapped[str | None] = mapped_column(Text)
    # Instants are stored in UTC; the offset the copy printed is kept beside them (minutes east of UTC).
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_offset: Mapped[int | None] = mapped_column(SmallInteger)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_offset: Mapped[int | None] = mapped_column(SmallInteger)
    summary: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    body: Mapped[list[str]] = mapped_column(JSON)
    signoff: Mapped[str | None] = mapped_column(Text)
    disclaimer: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(80))
    repairs: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The agency's own metadata for this text, where the copy carries it.
    agency_version: Mapped[int | None] = mapped_column(Integer)
    urgency: Mapped[int | None] = mapped_column(SmallInteger)
    slugline: Mapped[str | None] = mapped_column(Text)
    subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    # True when the headline is a bulletin's lede, not a headline the agency printed.
    headline_derived: Mapped[bool] = mapped_column(Boolean, default=False)


class Article(ArticleFields, Base):
    """The current (served) state of one story. `pk` orders it; `id` is its public name."""

    __tablename__ = "articles"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    agency: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(16))
    source_format: Mapped[str] = mapped_column(String(20))
    # Identity of the story: the agency's own id, or its first text (app.articles.normalise.story_key).
    story_key: Mapped[str] = mapped_column(String(80), unique=True)
    # Where later texts without an agency id look for it: agency + folded headline + first-stated day.
    headline_key: Mapped[str | None] = mapped_column(String(80), index=True)
    lead_key: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Newest-first order: the story's first stated time (or arrival), fixed when the story is first stored.
    sort_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # live (served), embargoed (stored, not public until embargoed_until), withdrawn (killed: 410).
    status: Mapped[str] = mapped_column(String(16), default="live")
    agency_ref: Mapped[str | None] = mapped_column(Text)
    # What the agency says about publishing the story: usable, or withheld / canceled once killed.
    pubstatus: Mapped[str] = mapped_column(String(16), default="usable")
    # The embargo the agency set; while status is "embargoed" the story is released at this instant.
    embargoed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", order_by="ArticleVersion.version", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_articles_sort", "sort_at", "pk"),
        Index("ix_articles_agency_sort", "agency", "sort_at", "pk"),
        Index("ix_articles_category_sort", "category", "sort_at", "pk"),
        Index("ix_articles_language_sort", "language", "sort_at", "pk"),
        # The releaser's query: embargoed stories by release time.
        Index("ix_articles_status_embargo", "status", "embargoed_until"),
    )


class ArticleVersion(ArticleFields, Base):
    """One received text of a story. `fingerprint` (whitespace-blind body hash) is unique: a resend is a duplicate."""

    __tablename__ = "article_versions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.pk", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(80), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    raw_copy_pk: Mapped[int | None] = mapped_column(ForeignKey("raw_copies.pk"))
    # False when an older text arrived after a newer one: kept in history, never served.
    served: Mapped[bool] = mapped_column(default=True)

    article: Mapped[Article] = relationship(back_populates="versions")
    raw_copy: Mapped[RawCopy | None] = relationship()

    __table_args__ = (UniqueConstraint("article_pk", "version"),)


class PendingKill(Base):
    """A kill or withhold notice, by the story identity it names (agency + the agency's own id).

    A notice whose story is not stored yet waits here (`applied_at` null); when the story arrives it is
    stored withdrawn and never served. Applied notices stay as the record of who killed what, and when.
    """

    __tablename__ = "pending_kills"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The same key an article of that story gets (`ref:` + hash of agency and agency_ref): one notice per story.
    story_key: Mapped[str] = mapped_column(String(80), unique=True)
    agency: Mapped[str] = mapped_column(String(40))
    agency_ref: Mapped[str] = mapped_column(Text)
    pubstatus: Mapped[str] = mapped_column(String(16))  # canceled or withheld
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    raw_copy_pk: Mapped[int | None] = mapped_column(ForeignKey("raw_copies.pk"))
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    article_pk: Mapped[int | None] = mapped_column(ForeignKey("articles.pk", ondelete="SET NULL"))

    raw_copy: Mapped[RawCopy | None] = relationship()
