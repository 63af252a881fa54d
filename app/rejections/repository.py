"""All SQL for quarantined (refused) copy."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.rejections.models import Rejection


def get_by_id(session: Session, rejection_id: str) -> Rejection | None:
    stmt = select(Rejection).options(joinedload(Rejection.raw_copy)).where(Rejection.id == rejection_id)
    return session.scalars(stmt).one_or_none()


def list_page(session: Session, *, limit: int, before_pk: int | None, state: str | None) -> Sequence[Rejection]:
    stmt = select(Rejection)
    if state:
        stmt = stmt.where(Rejection.state == state)
    if before_pk is not None:
        stmt = stmt.where(Rejection.pk < before_pk)
    return session.scalars(stmt.order_by(Rejection.pk.desc()).limit(limit)).all()
