"""Holding copy for review, and an editor's decision on it: publish the kept draft as it is, or reject it.

A draft is held when the pipeline's named plausibility checks fail (`app.parsers.plausibility`): the service
publishes unedited, so when the copy does not let it be sure it keeps the copy and the draft and asks a person.
Held copy is never listed, fetched or related. Publishing stores the kept draft through the same store as any
ingest (duplicate, update and merge-evidence rules included), in one transaction with the decision.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.articles.normalise import ArticleDraft, draft_article
from app.articles.service import StoreResult, store
from app.auth.agencies import may_act_on
from app.config import Settings
from app.db import Database, utcnow
from app.errors import Conflict, NotFound
from app.intake.models import RawCopy
from app.parsers.base import ParsedCopy
from app.review import repository
from app.review.models import OPEN, PUBLISHED, REJECTED, ReviewItem


def new_review_id() -> str:
    return "rv_" + secrets.token_urlsafe(9)


def hold(session: Session, draft: ArticleDraft, reasons: list[str], raw: RawCopy, received_at: datetime) -> ReviewItem:
    """Keep held copy inside the caller's transaction; the same text held twice gives the one open item."""
    earlier = repository.find_open_by_fingerprint(session, draft.fingerprint)
    if earlier is not None:
        return earlier
    item = ReviewItem(
        id=new_review_id(),
        raw_copy=raw,
        received_at=received_at,
        agency=draft.agency,
        headline=draft.copy.headline,
        reasons=reasons,
        draft=draft.copy.model_dump(mode="json"),
        fingerprint=draft.fingerprint,
        state=OPEN,
    )
    session.add(item)
    session.flush()
    return item


@dataclass(frozen=True)
class Decision:
    item: ReviewItem
    stored: StoreResult | None = None


def visible_item(item: ReviewItem | None, review_id: str, visible: Collection[str] | None) -> ReviewItem:
    """The item, or 404 when it does not exist or is of an agency the caller does not see (an agency admin sees
    its own agencies' items only; `visible` None sees everything)."""
    if item is None or not may_act_on(visible, item.agency):
        raise NotFound(f"No held copy with id {review_id!r}.")
    return item


def _open_item(session: Session, review_id: str, visible: Collection[str] | None) -> ReviewItem:
    item = visible_item(repository.get_by_id(session, review_id, for_update=True), review_id, visible)
    if item.state != OPEN:
        raise Conflict(f"Held copy {review_id!r} was already {item.state}; a decision is made once.")
    return item


def _kept_draft(item: ReviewItem, settings: Settings, now: datetime) -> ArticleDraft:
    copy = ParsedCopy.model_validate(item.draft)
    return draft_article(
        copy,
        disclaimer=settings.disclaimer,
        now=now,
        future_tolerance=timedelta(hours=settings.future_tolerance_hours),
        default_agency=item.agency,
    )


def _decide(
    session: Session, item: ReviewItem, state: str, decided_by: str, note: str | None, stored: StoreResult | None
) -> Decision:
    """Record the decision on the item (once: the caller holds it FOR UPDATE and found it open)."""
    item.state = state
    item.decided_at = utcnow()
    item.decided_by = decided_by
    item.note = note
    item.article_id = stored.article.id if stored is not None else None
    session.flush()
    return Decision(item=item, stored=stored)


def publish(
    db: Database,
    settings: Settings,
    review_id: str,
    decided_by: str,
    note: str | None = None,
    visible: Collection[str] | None = None,
) -> Decision:
    """An editor approves the kept draft: it is stored as it was drafted (no check is re-run)."""
    now = utcnow()
    with db.write_sessions.begin() as session:
        item = _open_item(session, review_id, visible)
        stored = store(session, _kept_draft(item, settings, now), received_at=now, raw=item.raw_copy)
        return _decide(session, item, PUBLISHED, decided_by, note, stored)


def reject(
    db: Database, review_id: str, decided_by: str, note: str | None = None, visible: Collection[str] | None = None
) -> Decision:
    """An editor refuses the held copy: nothing is published; the copy stays kept with the decision."""
    with db.write_sessions.begin() as session:
        return _decide(session, _open_item(session, review_id, visible), REJECTED, decided_by, note, None)


def replay(
    db: Database, settings: Settings, review_id: str, decided_by: str, visible: Collection[str] | None = None
) -> Decision:
    """Run held copy through today's pipeline (after a parser fix, say): published when it now passes every
    check, else kept open with today's draft and reasons. Refused copy (today's parser refuses it) stays held."""
    from app.intake.service import replay_draft  # the intake's own parse and checks, without a new raw copy

    now = utcnow()
    with db.read_sessions() as session:
        found = visible_item(repository.get_by_id(session, review_id), review_id, visible)
        raw = found.raw_copy
        draft, reasons = replay_draft(raw.data, raw.content_type, found.agency, settings, now)
    with db.write_sessions.begin() as session:
        item = _open_item(session, review_id, visible)
        if reasons:
            item.reasons = reasons
            item.draft = draft.copy.model_dump(mode="json")
            item.headline = draft.copy.headline
            session.flush()
            return Decision(item=item)
        stored = store(session, draft, received_at=now, raw=item.raw_copy)
        note = "published by replay: today's pipeline found nothing against it"
        return _decide(session, item, PUBLISHED, decided_by, note, stored)
