"""Kills and withholds: the agency's notice withdraws the story it names by its own id, never by headline.

A notice (G2 `pubStatus` canceled/withheld, NITF `management-status`, ninjs `pubstatus`, ANPA/7901 KILL)
names its story by the agency's own id. The story is found by its identity key — the same key the story
was stored under, a hash of the agency and that id — so only the agency that sent a story can kill it,
and a notice without the agency's id kills nothing (it is refused for an operator instead).

A notice whose story is not stored yet is kept (`PendingKill`), and the story is stored withdrawn when it
comes. Both paths take the same per-story lock (PostgreSQL advisory lock; SQLite serialises writers), so a
kill and its story arriving at the same moment cannot both miss each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.articles import repository
from app.articles.models import Article, PendingKill
from app.articles.normalise import ArticleDraft
from app.intake.models import RawCopy
from app.related.index import unindex_article

KILL_STATUSES = frozenset({"canceled", "withheld"})


@dataclass(frozen=True)
class KillResult:
    """What a kill notice did: withdrew a stored story (`article` set) or waits for it (`article` None)."""

    pubstatus: str
    agency: str
    agency_ref: str
    article: Article | None

    @property
    def applied(self) -> bool:
        return self.article is not None


def is_kill(draft: ArticleDraft) -> bool:
    return draft.copy.pubstatus in KILL_STATUSES


def withdraw_article(session: Session, article: Article, pubstatus: str) -> None:
    """Take a story out of lists, feeds and related for good; its texts stay in the history."""
    article.status = repository.WITHDRAWN
    article.pubstatus = pubstatus
    session.flush()
    unindex_article(session, article)


def apply_kill(session: Session, draft: ArticleDraft, received_at: datetime, raw: RawCopy | None) -> KillResult:
    """Withdraw the story the notice names, or keep the notice until the story comes. Inside the caller's
    transaction; idempotent (a repeated notice finds the story already withdrawn, or the notice kept)."""
    agency_ref = draft.copy.agency_ref
    if agency_ref is None:
        raise ValueError("a kill notice without the agency's id names no story")
    pubstatus = draft.copy.pubstatus
    repository.lock_story_key(session, draft.story_key)
    article = repository.find_story_by_key(session, draft.story_key)
    if article is not None and article.agency != draft.agency:
        article = None  # the key embeds the agency; a mismatch would be a hash collision: kill nothing
    notice = repository.get_kill_notice(session, draft.story_key)
    if notice is None:
        notice = PendingKill(
            story_key=draft.story_key, agency=draft.agency, agency_ref=agency_ref, received_at=received_at, raw_copy=raw
        )
        session.add(notice)
    # A cancel after a withhold is the stronger word; a later withhold never softens a cancel.
    if notice.pubstatus != "canceled":
        notice.pubstatus = pubstatus
    if article is not None:
        if article.status != repository.WITHDRAWN:
            withdraw_article(session, article, notice.pubstatus)
        elif notice.pubstatus == "canceled":
            article.pubstatus = "canceled"
        notice.applied_at = notice.applied_at or received_at
        notice.article_pk = article.pk
    session.flush()
    return KillResult(pubstatus=notice.pubstatus, agency=draft.agency, agency_ref=agency_ref, article=article)


def apply_pending_kill(session: Session, article: Article, received_at: datetime) -> None:
    """A newly stored story whose kill came first is stored withdrawn, never served."""
    notice = repository.get_kill_notice(session, article.story_key)
    if notice is None:
        return
    article.status = repository.WITHDRAWN
    article.pubstatus = notice.pubstatus
    notice.applied_at = notice.applied_at or received_at
    notice.article_pk = article.pk
    session.flush()
