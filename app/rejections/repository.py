"""All SQL for quarantined (refused) copy."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, joinedload

from app.auth.models import ApiKey, ApiKeyAgency
from app.intake.models import RawCopy
from app.rejections.models import Rejection


def get_by_id(session: Session, rejection_id: str) -> Rejection | None:
    stmt = select(Rejection).options(joinedload(Rejection.raw_copy)).where(Rejection.id == rejection_id)
    return session.scalars(stmt).one_or_none()


def _of_agencies(agencies: Collection[str]) -> ColumnElement[bool]:
    """Refused copy that named one of these agencies, or was sent by a key bound to one of them."""
    senders = (
        select(ApiKey.id)
        .join(ApiKeyAgency, ApiKeyAgency.api_key_pk == ApiKey.pk)
        .where(ApiKeyAgency.agency.in_(agencies))
    )
    sent = select(RawCopy.pk).where(RawCopy.api_key_id.in_(senders))
    return or_(Rejection.agency.in_(agencies), Rejection.raw_copy_pk.in_(sent))


def is_of_agencies(session: Session, rejection: Rejection, agencies: Collection[str] | None) -> bool:
    """True when an admin who sees `agencies` (None: everything) may see this rejection."""
    if agencies is None:
        return True
    stmt = select(Rejection.pk).where(Rejection.pk == rejection.pk, _of_agencies(agencies))
    return session.scalar(stmt) is not None


def list_page(
    session: Session,
    *,
    limit: int,
    before_pk: int | None,
    state: str | None,
    agencies: Collection[str] | None = None,
) -> Sequence[Rejection]:
    stmt = select(Rejection)
    if state:
        stmt = stmt.where(Rejection.state == state)
    if agencies is not None:
        stmt = stmt.where(_of_agencies(agencies))
    if before_pk is not None:
        stmt = stmt.where(Rejection.pk < before_pk)
    return session.scalars(stmt.order_by(Rejection.pk.desc()).limit(limit)).all()
