"""All SQL for articles, their versions, kill notices and embargo releases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select, update
from sqlalchemy.orm import Session

from app.articles.models import Article, ArticleVersion, PendingKill
from app.articles.normalise import canonical_agency

LIVE = "live"
WITHDRAWN = "withdrawn"
EMBARGOED = "embargoed"
# Advisory-lock namespace (first key of PostgreSQL's two-key form) for one story's identity.
_STORY_LOCK_SPACE = 7226058


@dataclass(frozen=True)
class ListFilters:
    agency: str | None = None
    category: str | None = None
    language: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    article_pks: Select[tuple[int]] | None = None  # a full-text match, as a subquery


def get_by_id(session: Session, article_id: str) -> Article | None:
    return session.scalars(select(Article).where(Article.id == article_id)).one_or_none()


def get_version(session: Session, article_pk: int, version: int) -> ArticleVersion | None:
    stmt = select(ArticleVersion).where(ArticleVersion.article_pk == article_pk, ArticleVersion.version == version)
    return session.scalars(stmt).one_or_none()


def list_versions(session: Session, article_pk: int) -> Sequence[ArticleVersion]:
    stmt = select(ArticleVersion).where(ArticleVersion.article_pk == article_pk).order_by(ArticleVersion.version)
    return session.scalars(stmt).all()


def find_version_by_fingerprint(session: Session, fingerprint: str) -> ArticleVersion | None:
    return session.scalars(select(ArticleVersion).where(ArticleVersion.fingerprint == fingerprint)).one_or_none()


def find_story_by_key(session: Session, story_key: str) -> Article | None:
    """The story with this identity (the agency's own id), locked for the update."""
    return session.scalars(select(Article).where(Article.story_key == story_key).with_for_update()).one_or_none()


def find_candidate_stories(
    session: Session, headline_key: str | None, lead_key: str, near: datetime, window: timedelta
) -> Sequence[Article]:
    """Stored stories a new text may belong to (same folded headline and day, or same opening paragraph
    nearby), oldest first and locked. The caller decides on evidence in the text.

    On PostgreSQL, writers looking for the same headline or lead are serialised by transaction-scoped advisory
    locks (taken in a fixed order, so two writers never wait on each other crosswise): there is no unique
    constraint for a race to trip on. SQLite serialises every writer already (BEGIN IMMEDIATE)."""
    keys = sorted(k for k in (headline_key, lead_key) if k)
    if session.get_bind().dialect.name == "postgresql":
        for key in keys:
            session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))
    match = Article.lead_key == lead_key
    by_lead = and_(match, Article.sort_at.between(near - window, near + window))
    where = or_(Article.headline_key == headline_key, by_lead) if headline_key else by_lead
    stmt = select(Article).where(where).order_by(Article.pk).limit(20).with_for_update()
    return session.scalars(stmt).all()


def list_page(
    session: Session, filters: ListFilters, limit: int, after: tuple[datetime, int] | None
) -> Sequence[Article]:
    """Newest first by (sort_at, pk); keyset pagination after the given position (no OFFSET)."""
    stmt: Select[Article] = select(Article).where(Article.status == LIVE)
    if filters.agency:
        stmt = stmt.where(Article.agency == canonical_agency(filters.agency))
    if filters.category:
        stmt = stmt.where(Article.category == filters.category)
    if filters.language:
        stmt = stmt.where(Article.language == filters.language)
    if filters.since:
        stmt = stmt.where(Article.sort_at >= filters.since)
    if filters.until:
        stmt = stmt.where(Article.sort_at < filters.until)
    if filters.article_pks is not None:
        stmt = stmt.where(Article.pk.in_(filters.article_pks))
    if after is not None:
        sort_at, pk = after
        stmt = stmt.where(or_(Article.sort_at < sort_at, and_(Article.sort_at == sort_at, Article.pk < pk)))
    stmt = stmt.order_by(Article.sort_at.desc(), Article.pk.desc()).limit(limit)
    return session.scalars(stmt).all()


def next_version_number(session: Session, article_pk: int) -> int:
    current = session.scalar(select(func.max(ArticleVersion.version)).where(ArticleVersion.article_pk == article_pk))
    return (current or 0) + 1


def lock_story_key(session: Session, story_key: str) -> None:
    """Serialise, until commit, every writer of one story identity (a kill and its story arriving together).
    SQLite writers are already serialised by BEGIN IMMEDIATE."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_STORY_LOCK_SPACE, func.hashtext(story_key))))


def get_kill_notice(session: Session, story_key: str) -> PendingKill | None:
    return session.scalars(select(PendingKill).where(PendingKill.story_key == story_key)).one_or_none()


def release_embargoes(session: Session, now: datetime) -> Sequence[int]:
    """Publish every story whose embargo has passed; the pks released. One UPDATE with its own WHERE, so
    several releasers (workers, hosts, cron) can run it at once: a row is released by exactly one of them."""
    stmt = (
        update(Article)
        .where(Article.status == EMBARGOED, Article.embargoed_until <= now)
        .values(status=LIVE)
        .returning(Article.pk)
        .execution_options(synchronize_session=False)
    )
    return session.scalars(stmt).all()


def next_release_at(session: Session) -> datetime | None:
    """When the next embargoed story is due, or None when nothing waits."""
    return session.scalar(select(func.min(Article.embargoed_until)).where(Article.status == EMBARGOED))


def count_embargoed(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Article).where(Article.status == EMBARGOED)) or 0
