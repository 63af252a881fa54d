"""One ingest, end to end: size → parse → check → store in one transaction, or quarantine with the reason.

Every outcome is recorded: a stored text keeps its raw bytes beside its version; refused copy goes to
the quarantine (raw bytes, headers, reason) for an operator to inspect and replay.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.articles.kills import KillResult, apply_kill, is_kill
from app.articles.models import Article
from app.articles.normalise import ArticleDraft, draft_article
from app.articles.repository import EMBARGOED, WITHDRAWN
from app.articles.service import Outcome, StoreResult, store
from app.auth.keys import agency_of_key
from app.config import Settings
from app.db import Database, utcnow
from app.errors import (
    CopyRefused,
    CopyTooLarge,
    DatabaseBusy,
    IdempotencyKeyReused,
    NotFound,
    ParseError,
    WirefeedError,
    Withdrawn,
)
from app.intake.models import IdempotencyRecord, RawCopy
from app.parsers import parse_copy
from app.rejections import repository as rejections_repository
from app.rejections.models import Rejection

REFUSED = "refused"


@dataclass(frozen=True)
class Delivery:
    """One piece of copy as it arrived."""

    data: bytes
    content_type: str | None
    source: str  # http, cli, seed, replay
    api_key_id: str | None = None
    default_agency: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    idempotency_key: str | None = None

    @cached_property  # up to 1 MB, needed by the raw copy and the idempotency record: hash it once
    def sha256(self) -> str:
        return "sha256:" + hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class IngestResult:
    outcome: str  # an Outcome value, or "refused"
    status_code: int
    article: Article | None = None
    error: WirefeedError | None = None
    rejection_id: str | None = None
    replayed: bool = False  # the answer came from an earlier request with the same Idempotency-Key
    kill: KillResult | None = None  # set for a kill or withhold notice (outcome withdrawn / kill-pending)


def _raw_copy(delivery: Delivery, received_at: datetime) -> RawCopy:
    return RawCopy(
        received_at=received_at,
        content_type=delivery.content_type,
        sha256=delivery.sha256,
        size=len(delivery.data),
        data=delivery.data,
        headers=delivery.headers,
        source=delivery.source,
        api_key_id=delivery.api_key_id,
    )


def new_rejection_id() -> str:
    return "rj_" + secrets.token_urlsafe(9)


_STATUS = {Outcome.CREATED: 201, Outcome.DUPLICATE: 200, Outcome.UPDATED: 200, Outcome.STALE: 200}


def _record_idempotency(session: Session, delivery: Delivery, result: IngestResult, now: datetime) -> None:
    if delivery.idempotency_key is None or delivery.api_key_id is None:
        return
    session.add(
        IdempotencyRecord(
            api_key_id=delivery.api_key_id,
            key=delivery.idempotency_key,
            created_at=now,
            status_code=result.status_code,
            article_pk=result.article.pk if result.article is not None else None,
            rejection_id=result.rejection_id,
            outcome=result.outcome,
            request_sha256=delivery.sha256,
        )
    )
    session.flush()


def _earlier_answer(session: Session, delivery: Delivery) -> IngestResult | None:
    if delivery.idempotency_key is None or delivery.api_key_id is None:
        return None
    stmt = select(IdempotencyRecord).where(
        IdempotencyRecord.api_key_id == delivery.api_key_id, IdempotencyRecord.key == delivery.idempotency_key
    )
    record = session.scalars(stmt).one_or_none()
    if record is None:
        return None
    if record.request_sha256 != delivery.sha256:
        raise IdempotencyKeyReused(
            f"Idempotency-Key {delivery.idempotency_key!r} was already used with a different body; "
            "use a new key for new copy."
        )
    article = session.get(Article, record.article_pk) if record.article_pk is not None else None
    if record.outcome in KILL_OUTCOMES and record.status_code != Withdrawn.status:
        return replayed_kill_answer(article)
    if record.outcome == "withdrawn":
        return _answer_withdrawn(None, replayed=True)
    return IngestResult(
        outcome=record.outcome,
        status_code=record.status_code,
        article=article,
        rejection_id=record.rejection_id,
        replayed=True,
    )


def quarantine(db: Database, delivery: Delivery, error: WirefeedError, received_at: datetime) -> IngestResult:
    """Keep refused copy, with why, in its own transaction (nothing of the story was written)."""
    reason = error.reason if isinstance(error, ParseError) else error.type_slug
    with db.write_sessions.begin() as session:
        rejection = Rejection(
            id=new_rejection_id(),
            raw_copy=_raw_copy(delivery, received_at),
            received_at=received_at,
            status_code=error.status,
            problem_type=error.type_uri,
            reason=reason,
            detail=error.detail,
            state="open",
        )
        session.add(rejection)
        session.flush()
        result = IngestResult(outcome=REFUSED, status_code=error.status, error=error, rejection_id=rejection.id)
        try:
            with session.begin_nested():
                _record_idempotency(session, delivery, result, received_at)
        except IntegrityError:
            pass  # a concurrent retry with the same key recorded its answer first; both refused the same bytes
    return result


def _prepare(delivery: Delivery, settings: Settings, now: datetime) -> ArticleDraft:
    if len(delivery.data) > settings.max_copy_bytes:
        raise CopyTooLarge(
            f"The copy is {len(delivery.data):,} bytes; the limit is {settings.max_copy_bytes:,} bytes "
            "(document too large — a looping or concatenated feed?).",
        )
    copy = parse_copy(delivery.data, delivery.content_type)
    return draft_article(
        copy,
        disclaimer=settings.disclaimer,
        now=now,
        future_tolerance=timedelta(hours=settings.future_tolerance_hours),
        default_agency=delivery.default_agency,
    )


def ingest(db: Database, settings: Settings, delivery: Delivery) -> IngestResult:
    """Ingest one piece of copy. Refusals are returned (with their rejection id), not raised."""
    now = utcnow()
    if delivery.idempotency_key is not None:
        with db.read_sessions() as session:
            earlier = _earlier_answer(session, delivery)
        if earlier is not None:
            return earlier
    try:
        draft = _prepare(delivery, settings, now)
    except (CopyRefused, CopyTooLarge) as error:
        return quarantine(db, delivery, error, now)

    for _attempt in range(3):
        try:
            with db.write_sessions.begin() as session:
                raw = _raw_copy(delivery, now)
                if is_kill(draft):
                    result = settle_kill(session, draft, raw, now)
                else:
                    result = _answer(store(session, draft, received_at=now, raw=raw))
                _record_idempotency(session, delivery, result, now)
            return result
        except IntegrityError:
            # Only the idempotency record can conflict here: a concurrent retry with the same key won.
            with db.read_sessions() as session:
                earlier = _earlier_answer(session, delivery)
            if earlier is not None:
                return earlier
    raise DatabaseBusy("The copy kept conflicting with concurrent writes; nothing was stored. Retry shortly.")


def _answer_withdrawn(article_id: str | None, *, replayed: bool = False) -> IngestResult:
    which = f"article {article_id!r}" if article_id else "an article"
    error = Withdrawn(f"This copy belongs to {which}, which was withdrawn; it is kept but not published.")
    return IngestResult(outcome="withdrawn", status_code=error.status, error=error, replayed=replayed)


def _answer(stored: StoreResult) -> IngestResult:
    if stored.article.status == WITHDRAWN:
        # The text is kept (as a version or a known duplicate) but a killed story is never handed out again.
        return _answer_withdrawn(stored.article.id)
    if stored.article.status == EMBARGOED:
        # Stored, and published by the releaser at its time: accepted, not yet public.
        return IngestResult(outcome=EMBARGOED, status_code=202, article=stored.article)
    return IngestResult(outcome=stored.outcome.value, status_code=_STATUS[stored.outcome], article=stored.article)


def replay(db: Database, settings: Settings, rejection_id: str) -> IngestResult:
    """Run quarantined copy through today's pipeline — as if its sender posted it again now, with the
    sending key's agency — and on success mark the rejection replayed."""
    with db.read_sessions() as session:
        rejection = rejections_repository.get_by_id(session, rejection_id)
        if rejection is None:
            raise NotFound(f"No rejection with id {rejection_id!r}.")
        raw = rejection.raw_copy
        delivery = Delivery(
            data=raw.data,
            content_type=raw.content_type,
            source="replay",
            api_key_id=raw.api_key_id,
            default_agency=agency_of_key(session, raw.api_key_id),
            headers=raw.headers,
        )
    now = utcnow()
    try:
        draft = _prepare(delivery, settings, now)
    except (CopyRefused, CopyTooLarge) as error:
        with db.write_sessions.begin() as session:
            still = rejections_repository.get_by_id(session, rejection_id)
            assert still is not None
            still.detail = error.detail
            still.reason = error.reason if isinstance(error, ParseError) else error.type_slug
            still.status_code = error.status
            still.problem_type = error.type_uri
        return IngestResult(outcome=REFUSED, status_code=error.status, error=error, rejection_id=rejection_id)
    with db.write_sessions.begin() as session:
        rejection = rejections_repository.get_by_id(session, rejection_id)
        assert rejection is not None
        if is_kill(draft):  # a kill notice refused by an older release: it withdraws its story, never becomes one
            result = settle_kill(session, draft, rejection.raw_copy, now)
            article_id = result.article.id if result.article is not None else None
        else:
            stored = store(session, draft, received_at=now, raw=rejection.raw_copy)
            result, article_id = _answer(stored), stored.article.id
        rejection.state = "replayed"
        rejection.replayed_at = now
        rejection.replay_article_id = article_id
    return result


# --- Kill and withhold notices: they withdraw a story (or wait for it); they are never stored as one. ---

KILL_PENDING = "kill-pending"
KILL_OUTCOMES = frozenset({"withdrawn", KILL_PENDING})


def _kill_answer(kill: KillResult, *, replayed: bool = False) -> IngestResult:
    if kill.applied:
        return IngestResult("withdrawn", 200, article=kill.article, kill=kill, replayed=replayed)
    return IngestResult(KILL_PENDING, 202, kill=kill, replayed=replayed)


def settle_kill(session: Session, draft: ArticleDraft, raw: RawCopy | None, now: datetime) -> IngestResult:
    """Apply a kill or withhold notice inside the caller's transaction: `withdrawn` (200) naming the story it
    withdrew, or `kill-pending` (202) when the story is not stored yet. Comes before any hold for review:
    withdrawing is never the wrong direction. (draft_article already refused a notice without the agency's id.)"""
    return _kill_answer(apply_kill(session, draft, now, raw))


def replayed_kill_answer(article: Article | None) -> IngestResult:
    """The first answer to a kill notice, for a retry with the same Idempotency-Key."""
    if article is None:
        return IngestResult(KILL_PENDING, 202, replayed=True)
    kill = KillResult(article.pubstatus, article.agency, article.agency_ref or "", article)
    return _kill_answer(kill, replayed=True)
