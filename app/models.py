"""Imports every ORM model so that `Base.metadata` is complete (for Alembic and tooling)."""

from app.articles.models import Article, ArticleVersion
from app.auth.models import ApiKey
from app.db import Base
from app.intake.models import IdempotencyRecord, RawCopy
from app.rejections.models import Rejection
from app.related.models import RelatedDocument, RelatedTerm
from app.review.models import ReviewItem

__all__ = [
    "ApiKey",
    "Article",
    "ArticleVersion",
    "Base",
    "IdempotencyRecord",
    "RawCopy",
    "Rejection",
    "RelatedDocument",
    "RelatedTerm",
    "ReviewItem",
]
