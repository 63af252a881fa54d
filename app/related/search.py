"""Full-text search over live articles (the `q` filter), on the database's own index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.articles.models import Article


def matching_article_pks(session: Session, query: str, limit: int = 1000) -> Sequence[int]:
    """Placeholder until the full-text index lands: a plain substring match on headline and summary."""
    like = f"%{query}%"
    stmt = select(Article.pk).where(or_(Article.headline.ilike(like), Article.summary.ilike(like))).limit(limit)
    return session.scalars(stmt).all()
