"""All SQL for held copy."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.review.models import OPEN, ReviewItem


def get_by_id(session: Session, review_id: str, *, for_update: bool = False) -> ReviewItem | None:
    stmt = select(ReviewItem).where(ReviewItem.id == review_id)
    # FOR UPDATE locks the item alone (an outer join to its raw copy cannot be locked on PostgreSQL).
    stmt = stmt.with_for_update() if for_update else stmt.options(joinedload(ReviewItem.raw_copy))
    item = session.scalars(stmt).one_or_none()
    if item is not None and for_update:
        _ = item.raw_copy  # loaded now, so the item renders after its session has closed
    return item


def find_open_by_fingerprint(session: Session, fingerprint: str) -> ReviewItem | None:
    stmt = select(ReviewItem).where(ReviewItem.fingerprint == fingerprint, ReviewItem.state == OPEN)
    stmt = stmt.order_by(ReviewItem.pk)
    return session.scalars(stmt.limit(1)).one_or_none()


def list_page(
    session: Session,
    *,
    limit: int,
    before_pk: int | None,
    state: str | None,
    agencies: Collection[str] | None = None,
) -> Sequence[ReviewItem]:
    """Newest first; `agencies` narrows to those agencies' copy (an agency admin's view)."""
    stmt = select(ReviewItem).options(joinedload(ReviewItem.raw_copy))
    if state:
        stmt = stmt.where(ReviewItem.state == state)
    if agencies is not None:
        stmt = stmt.where(ReviewItem.agency.in_(list(agencies)))
    if before_pk is not None:
        stmt = stmt.where(ReviewItem.pk < before_pk)
    return session.scalars(stmt.order_by(ReviewItem.pk.desc()).limit(limit)).all()
