"""Storing a drafted article: new story, duplicate, update or late older version — one transaction each.

The database enforces identity (unique fingerprint per text, unique story key, unique version number per
story), so the rules hold across worker processes and hosts. A writer that loses a race gets an
IntegrityError inside its SAVEPOINT, rolls that back and looks again: it then sees the winner's row.

Copy under an embargo that has not passed is stored with status "embargoed" (never listed, fetched or
related) until `app.articles.embargoes` releases it; a story whose kill notice arrived first is stored
withdrawn (`app.articles.kills`).
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.articles import kills, repository
from app.articles.evidence import shares_text
from app.articles.models import Article, ArticleFields, ArticleVersion
from app.articles.normalise import ArticleDraft, offset_minutes
from app.errors import DatabaseBusy, NotFound, Withdrawn
from app.intake.models import RawCopy
from app.related.index import index_article

LEAD_MATCH_WINDOW = timedelta(days=3)
_RACE_RETRIES = 5


class Outcome(enum.StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    # An older text of a stored story arrived after a newer one: kept in history, the newer stays served.
    STALE = "stale"


@dataclass(frozen=True)
class StoreResult:
    outcome: Outcome
    article: Article


def new_article_id() -> str:
    # 12 random bytes, URL-safe base64: 16 characters, no padding.
    return secrets.token_urlsafe(12)


def _fill(row: ArticleFields, draft: ArticleDraft) -> None:
    copy = draft.copy
    row.headline = copy.headline
    row.byline = copy.byline
    row.dateline_place = copy.dateline.place if copy.dateline else None
    row.dateline_text = copy.dateline.text if copy.dateline else None
    row.published_at = copy.published_at
    row.published_offset = offset_minutes(copy.published_at)
    row.updated_at = copy.updated_at
    row.updated_offset = offset_minutes(copy.updated_at)
    row.summary = copy.summary
    row.category = copy.category
    row.body = list(copy.body)
    row.signoff = copy.signoff
    row.disclaimer = draft.disclaimer
    row.content_hash = draft.content_hash
    row.repairs = list(copy.repairs)
    row.agency_version = copy.agency_version
    row.urgency = copy.urgency
    row.slugline = copy.slugline
    row.subjects = list(copy.subjects)
    row.headline_derived = copy.headline_derived


def _new_version(draft: ArticleDraft, number: int, received_at: datetime, raw: RawCopy | None) -> ArticleVersion:
    version = ArticleVersion(
        version=number,
        fingerprint=draft.fingerprint,
        received_at=received_at,
        raw_copy=raw,
        served=True,
    )
    _fill(version, draft)
    return version


def _is_older(draft: ArticleDraft, article: Article, served: ArticleVersion | None) -> bool:
    """True when the incoming text is an earlier state of the story than the one served."""
    if draft.copy.agency_version is not None and served is not None and served.agency_version is not None:
        return draft.copy.agency_version < served.agency_version
    incoming = draft.stated_at
    current = article.updated_at or article.published_at
    return incoming is not None and current is not None and incoming < current


def _under_embargo(draft: ArticleDraft, received_at: datetime) -> bool:
    return draft.copy.embargoed is not None and draft.copy.embargoed > received_at


def _create(session: Session, draft: ArticleDraft, received_at: datetime, raw: RawCopy | None) -> Article:
    copy = draft.copy
    embargoed = _under_embargo(draft, received_at)
    # Without a stated time, an embargoed story is first public at its release: list it from then.
    release = copy.embargoed if embargoed else None
    article = Article(
        id=new_article_id(),
        agency=draft.agency,
        language=copy.language,
        source_format=copy.source_format,
        story_key=draft.story_key,
        headline_key=draft.headline_key,
        lead_key=draft.lead_key,
        version=1,
        received_at=received_at,
        sort_at=copy.published_at or copy.updated_at or release or received_at,
        status=repository.EMBARGOED if embargoed else repository.LIVE,
        agency_ref=copy.agency_ref,
        pubstatus="usable",
        embargoed_until=copy.embargoed,
    )
    _fill(article, draft)
    article.versions.append(_new_version(draft, 1, received_at, raw))
    session.add(article)
    session.flush()
    kills.apply_pending_kill(session, article, received_at)
    index_article(session, article)  # only a live story is indexed
    return article


def _follow_embargo(article: Article, draft: ArticleDraft, received_at: datetime) -> None:
    """A new text of a story still under embargo carries the agency's current embargo (moved, or lifted
    by a time already passed). A text without one keeps the embargo: an embargo is never broken by omission,
    and a story already public is never taken back by a late embargo."""
    if article.status != repository.EMBARGOED or draft.copy.embargoed is None:
        return
    article.embargoed_until = draft.copy.embargoed
    if draft.copy.embargoed <= received_at:
        article.status = repository.LIVE


def _add_version(
    session: Session, article: Article, draft: ArticleDraft, received_at: datetime, raw: RawCopy | None
) -> StoreResult:
    number = repository.next_version_number(session, article.pk)
    served = repository.get_version(session, article.pk, article.version)
    version = _new_version(draft, number, received_at, raw)
    version.article_pk = article.pk
    if _is_older(draft, article, served):
        version.served = False
        session.add(version)
        session.flush()
        return StoreResult(Outcome.STALE, article)
    session.add(version)
    _fill(article, draft)
    article.version = number
    article.received_at = received_at
    article.lead_key = draft.lead_key
    _follow_embargo(article, draft, received_at)
    session.flush()
    index_article(session, article)
    return StoreResult(Outcome.UPDATED, article)


def _store_once(session: Session, draft: ArticleDraft, received_at: datetime, raw: RawCopy | None) -> StoreResult:
    seen = repository.find_version_by_fingerprint(session, draft.fingerprint)
    if seen is not None:
        return StoreResult(Outcome.DUPLICATE, seen.article)
    existing = _story_of(session, draft, draft.stated_at or received_at)
    if existing is not None:
        return _add_version(session, existing, draft, received_at, raw)
    return StoreResult(Outcome.CREATED, _create(session, draft, received_at, raw))


def _story_of(session: Session, draft: ArticleDraft, near: datetime) -> Article | None:
    """The stored story this text is a version of: by the agency's own id, or else a candidate (same headline
    and day, or same lead nearby) that shares real text with it. Never by headline alone."""
    if draft.copy.agency_ref:
        # A kill notice for this story may be arriving at the same moment: one of the two goes first.
        repository.lock_story_key(session, draft.story_key)
        return repository.find_story_by_key(session, draft.story_key)
    candidates = repository.find_candidate_stories(session, draft.headline_key, draft.lead_key, near, LEAD_MATCH_WINDOW)
    return next(
        (c for c in candidates if c.agency == draft.agency and shares_text(c.body, list(draft.copy.body))), None
    )


def store(session: Session, draft: ArticleDraft, *, received_at: datetime, raw: RawCopy | None = None) -> StoreResult:
    """Store one drafted text inside the caller's transaction (which the caller commits)."""
    for _attempt in range(_RACE_RETRIES):
        savepoint = session.begin_nested()
        try:
            result = _store_once(session, draft, received_at, raw)
        except IntegrityError:
            # Another writer stored the same text or story first; look again and see theirs.
            savepoint.rollback()
            continue
        savepoint.commit()
        return result
    raise DatabaseBusy("The story kept conflicting with concurrent writes; nothing was stored. Retry shortly.")


def get_live_article(session: Session, article_id: str) -> Article:
    """The article to serve, or NotFound (404) / Withdrawn (410).

    A story under embargo answers exactly like an unknown id: before its release the public must not
    learn that it exists (its headline or even its id could break the embargo)."""
    article = repository.get_by_id(session, article_id)
    if article is None or article.status == repository.EMBARGOED:
        raise NotFound(f"No article with id {article_id!r}.")
    if article.status != repository.LIVE:
        raise Withdrawn(f"Article {article_id!r} was withdrawn.")
    return article


def withdraw(session: Session, article_id: str) -> Article:
    """An operator's kill (admin): the article is withdrawn whatever its state, embargoed ones included."""
    article = repository.get_by_id(session, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id!r}.")
    kills.withdraw_article(session, article, "canceled")
    return article
