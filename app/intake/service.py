"""One ingest, end to end: size → parse → check → store in one transaction, or quarantine with the reason.

Every outcome is recorded: a stored text keeps its raw bytes beside its version; refused copy goes to
the quarantine (raw bytes, headers, reason) for an operator to inspect and replay.
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.articles.kills import KillResult, apply_kill, is_kill
from app.articles.models import Article
from app.articles.normalise import ArticleDraft, draft_article
from app.articles.repository import EMBARGOED, WITHDRAWN, find_version_by_fingerprint
from app.articles.service import Outcome, StoreResult, store
from app.auth.agencies import bind_copy_to_key, ensure_story_agency
from app.auth.keys import agencies_of_key
from app.config import Settings
from app.db import Database, utcnow
from app.errors import (
    AgencyMismatch,
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
from app.parsers.base import ParsedCopy
from app.parsers.plausibility import plausibility_doubts
from app.parsers.sniff import parse_items
from app.rejections import repository as rejections_repository
from app.rejections.models import Rejection
from app.review import repository as review_repository
from app.review.models import ReviewItem
from app.review.service import hold

REFUSED = "refused"
HELD = "held"
# Doubts no threshold overrides: whose copy it is cannot be a guess.
ALWAYS_HOLD = ("agency-ambiguous",)
MULTIPLE = "multiple"  # a file of several story items: `items` has each one's outcome


@dataclass(frozen=True)
class Delivery:
    """One piece of copy as it arrived."""

    data: bytes
    content_type: str | None
    source: str  # http, cli, seed, replay
    api_key_id: str | None = None
    default_agency: str | None = None
    # The agencies the sending key speaks for (`app.auth.keys.sending_agencies`); None: any agency.
    agencies: tuple[str, ...] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    idempotency_key: str | None = None
    # Oversize copy: `data` is only its first bytes, `read_size`/`read_sha256` describe all that was read.
    truncated: bool = False
    read_size: int | None = None
    read_sha256: str | None = None
    declared_size: int | None = None

    @cached_property  # up to 1 MB, needed by the raw copy and the idempotency record: hash it once
    def sha256(self) -> str:
        return self.read_sha256 or "sha256:" + hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return self.read_size if self.read_size is not None else len(self.data)

    def capped(self, keep: int) -> Delivery:
        """The same delivery with only its first `keep` bytes: what the quarantine holds of oversize copy."""
        if self.truncated:
            return self
        return dataclasses.replace(
            self, data=self.data[:keep], truncated=True, read_size=self.size, read_sha256=self.sha256
        )


@dataclass(frozen=True)
class IngestResult:
    outcome: str  # an Outcome value, or "refused"
    status_code: int
    article: Article | None = None
    error: WirefeedError | None = None
    rejection_id: str | None = None
    review: ReviewItem | None = None  # held for review: the item an editor decides on
    items: list[IngestResult] = field(default_factory=list)  # one per story item of a multi-item file
    replayed: bool = False  # the answer came from an earlier request with the same Idempotency-Key
    kill: KillResult | None = None  # set for a kill or withhold notice (outcome withdrawn / kill-pending)


def _raw_copy(delivery: Delivery, received_at: datetime) -> RawCopy:
    return RawCopy(
        received_at=received_at,
        content_type=delivery.content_type,
        sha256=delivery.sha256,
        size=delivery.size,
        data=delivery.data,
        truncated=delivery.truncated,
        declared_size=delivery.declared_size,
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
            review_id=result.review.id if result.review is not None else None,
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
    if record.outcome in KILL_OUTCOMES and record.status_code != Withdrawn.status:
        return replayed_kill_answer(article)
    if record.outcome == MULTIPLE:
        return None  # settle each item again: duplicates and the same held items, the same answer in effect
    review = review_repository.get_by_id(session, record.review_id) if record.review_id is not None else None
    return IngestResult(
        outcome=record.outcome,
        status_code=record.status_code,
        article=article,
        rejection_id=record.rejection_id,
        review=review,
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
            agency=error.agency if isinstance(error, AgencyMismatch) else None,
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


def _parse(delivery: Delivery, settings: Settings) -> list[ParsedCopy]:
    """Every story item of the copy (one for most formats; several for a G2 newsMessage or a feed)."""
    if delivery.truncated or len(delivery.data) > settings.max_copy_bytes:
        size = delivery.declared_size or delivery.size
        more = "more than " if delivery.truncated and delivery.declared_size is None else ""
        raise CopyTooLarge(
            f"The copy is {more}{size:,} bytes; the limit is {settings.max_copy_bytes:,} bytes "
            "(document too large — a looping or concatenated feed?). Only its first bytes were kept.",
        )
    return parse_items(delivery.data, delivery.content_type)


def _draft(copy: ParsedCopy, delivery: Delivery, settings: Settings, now: datetime) -> ArticleDraft:
    """The draft of one story item, bound to the sending key: AgencyMismatch (a CopyRefused) when the copy names
    an agency the key does not speak for; the key's agency, with a doubt when it has several, when it names none."""
    copy, key_agency = bind_copy_to_key(copy, delivery.agencies, delivery.api_key_id)
    return draft_article(
        copy,
        disclaimer=settings.disclaimer,
        now=now,
        future_tolerance=timedelta(hours=settings.future_tolerance_hours),
        default_agency=key_agency or delivery.default_agency,
    )


def _prepare(delivery: Delivery, settings: Settings, now: datetime) -> ArticleDraft:
    """The draft of single-story copy (replay of refused copy takes its first story item)."""
    return _draft(_parse(delivery, settings)[0], delivery, settings, now)


def ingest(db: Database, settings: Settings, delivery: Delivery) -> IngestResult:
    """Ingest one piece of copy. Refusals are returned (with their rejection id), not raised."""
    now = utcnow()
    if delivery.idempotency_key is not None:
        with db.read_sessions() as session:
            earlier = _earlier_answer(session, delivery)
        if earlier is not None:
            return earlier
    try:
        copies = _parse(delivery, settings)
    except (CopyRefused, CopyTooLarge) as error:
        if isinstance(error, CopyTooLarge):  # kept as a capped prefix, with its size and sha256
            delivery = delivery.capped(settings.quarantine_prefix_bytes)
        return quarantine(db, delivery, error, now)
    if len(copies) > 1:
        return _ingest_items(db, settings, delivery, copies, now)
    try:
        draft = _draft(copies[0], delivery, settings, now)
    except CopyRefused as error:
        return quarantine(db, delivery, error, now)

    reasons = review_reasons(draft, settings)
    for _attempt in range(3):
        try:
            with db.write_sessions.begin() as session:
                result = _settle(session, draft, reasons, _raw_copy(delivery, now), now, delivery)
                _record_idempotency(session, delivery, result, now)
            return result
        except AgencyMismatch as error:
            return quarantine(db, delivery, error, now)
        except IntegrityError:
            # Only the idempotency record can conflict here: a concurrent retry with the same key won.
            with db.read_sessions() as session:
                earlier = _earlier_answer(session, delivery)
            if earlier is not None:
                return earlier
    raise DatabaseBusy("The copy kept conflicting with concurrent writes; nothing was stored. Retry shortly.")


def _ingest_items(
    db: Database, settings: Settings, delivery: Delivery, copies: list[ParsedCopy], now: datetime
) -> IngestResult:
    """A file of several stories: each item settled in its own transaction, every outcome in the answer.

    The raw bytes are kept once and shared by every item stored or held from them. A retry (same
    Idempotency-Key, or the same bytes) settles each item again, which gives duplicates and the same held items.
    """
    single = replace(delivery, idempotency_key=None)
    items: list[IngestResult] = []
    raw_pk: int | None = None
    for copy in copies:
        try:
            draft = _draft(copy, delivery, settings, now)
        except CopyRefused as error:
            items.append(quarantine(db, single, error, now))
            continue
        reasons = review_reasons(draft, settings)
        try:
            with db.write_sessions.begin() as session:
                raw = session.get(RawCopy, raw_pk) if raw_pk is not None else None
                raw = raw or _raw_copy(delivery, now)
                items.append(_settle(session, draft, reasons, raw, now, delivery))
                session.flush()
                raw_pk = raw.pk
        except AgencyMismatch as error:
            items.append(quarantine(db, single, error, now))
    result = IngestResult(outcome=MULTIPLE, status_code=200, items=items)
    if delivery.idempotency_key is not None and delivery.api_key_id is not None:
        try:
            with db.write_sessions.begin() as session:
                _record_idempotency(session, delivery, result, now)
        except IntegrityError:
            pass  # a concurrent retry recorded it first
    return result


def replay_draft(
    data: bytes, content_type: str | None, agency: str | None, settings: Settings, now: datetime
) -> tuple[ArticleDraft, list[str]]:
    """Today's draft of kept copy, bound to the agency it was held under, and the checks it fails (ParseError
    and the like propagate)."""
    agencies = (agency,) if agency else None
    delivery = Delivery(data=data, content_type=content_type, source="replay", default_agency=agency, agencies=agencies)
    draft = _prepare(delivery, settings, now)
    return draft, review_reasons(draft, settings)


def review_reasons(draft: ArticleDraft, settings: Settings) -> list[str]:
    """The named checks the draft fails; as many as the threshold hold it for review (none: publish)."""
    reasons = plausibility_doubts(draft.copy)
    if any(reason.startswith(ALWAYS_HOLD) for reason in reasons):
        return reasons
    return reasons if len(reasons) >= settings.review_threshold else []


def _settle(
    session: Session, draft: ArticleDraft, reasons: list[str], raw: RawCopy, now: datetime, delivery: Delivery
) -> IngestResult:
    """Store the draft, or hold it for review, inside the caller's transaction.

    A text already published is a duplicate even if its draft now fails a check: nothing new is published.
    Whatever story the text lands on must be of an agency the sending key speaks for, else AgencyMismatch
    (the caller rolls back and quarantines): a duplicate of another agency's text, an update of its story.
    A kill or withhold notice is applied before any hold: withdrawing is never the wrong direction.
    """
    if is_kill(draft):
        return settle_kill(session, draft, raw, now)
    if reasons:
        seen = find_version_by_fingerprint(session, draft.fingerprint)
        if seen is not None:
            article = seen.article
            ensure_story_agency(article.agency, delivery.agencies, article.id, delivery.api_key_id)
            return stored_answer(StoreResult(Outcome.DUPLICATE, article))
        item = hold(session, draft, reasons, raw, now)
        return IngestResult(outcome=HELD, status_code=202, review=item)
    stored = store(session, draft, received_at=now, raw=raw)
    ensure_story_agency(stored.article.agency, delivery.agencies, stored.article.id, delivery.api_key_id)
    return stored_answer(stored)


def _answer_withdrawn(article_id: str | None, *, replayed: bool = False) -> IngestResult:
    which = f"article {article_id!r}" if article_id else "an article"
    error = Withdrawn(f"This copy belongs to {which}, which was withdrawn; it is kept but not published.")
    return IngestResult(outcome="withdrawn", status_code=error.status, error=error, replayed=replayed)


def stored_answer(stored: StoreResult) -> IngestResult:
    if stored.article.status == WITHDRAWN:
        # The text is kept (as a version or a known duplicate) but a killed story is never handed out again.
        return _answer_withdrawn(stored.article.id)
    if stored.article.status == EMBARGOED:
        # Stored, and published by the releaser at its time: accepted, not yet public.
        return IngestResult(outcome=EMBARGOED, status_code=202, article=stored.article)
    if stored.article.status == EMBARGOED:
        # Stored, and published by the releaser at its time: accepted, not yet public.
        return IngestResult(outcome=EMBARGOED, status_code=202, article=stored.article)
    return IngestResult(outcome=stored.outcome.value, status_code=_STATUS[stored.outcome], article=stored.article)


def replay(db: Database, settings: Settings, rejection_id: str) -> IngestResult:
    """Run quarantined copy through today's pipeline — as if its sender posted it again now, bound to the
    sending key's agencies — and on success mark the rejection replayed."""
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
            agencies=agencies_of_key(session, raw.api_key_id),
            headers=raw.headers,
            truncated=raw.truncated,
            read_size=raw.size,
            read_sha256=raw.sha256,
            declared_size=raw.declared_size,
        )
    now = utcnow()
    try:
        draft = _prepare(delivery, settings, now)
    except (CopyRefused, CopyTooLarge) as error:
        return _refused_again(db, rejection_id, error)
    reasons = review_reasons(draft, settings)
    try:
        with db.write_sessions.begin() as session:
            rejection = rejections_repository.get_by_id(session, rejection_id)
            assert rejection is not None
            result = _settle(session, draft, reasons, rejection.raw_copy, now, delivery)
            rejection.state = "replayed"
            rejection.replayed_at = now
            rejection.replay_article_id = result.article.id if result.article is not None else None
    except AgencyMismatch as error:
        return _refused_again(db, rejection_id, error)
    return result


def _refused_again(db: Database, rejection_id: str, error: WirefeedError) -> IngestResult:
    """Record today's problem on a rejection whose replay was refused again."""
    with db.write_sessions.begin() as session:
        still = rejections_repository.get_by_id(session, rejection_id)
        assert still is not None
        still.detail = error.detail
        still.reason = error.reason if isinstance(error, ParseError) else error.type_slug
        still.status_code = error.status
        still.problem_type = error.type_uri
        if isinstance(error, AgencyMismatch):
            still.agency = error.agency
    return IngestResult(outcome=REFUSED, status_code=error.status, error=error, rejection_id=rejection_id)


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
