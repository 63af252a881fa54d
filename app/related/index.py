"""Keeps the full-text index in step with the articles table, inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.articles.models import Article


def index_article(session: Session, article: Article) -> None:
    """(Re)index `article` after it was inserted or its served text changed. Called before commit."""


def unindex_article(session: Session, article: Article) -> None:
    """Drop `article` from the index (withdrawn). Called before commit."""
