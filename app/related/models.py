"""Tables behind related articles that both databases share, and the names of the dialect-specific ones.

`related_documents` remembers which document-frequency keys each indexed article counted (so an update or
a withdrawal takes back exactly what it added); `related_terms` holds the document frequency of each key per
language (the row with the empty key counts the language's documents). Both are ordinary tables, modelled
here so that `alembic check` and the test fixtures see them.

The full-text indexes themselves are created by raw SQL in migration 0002 and have no model: on SQLite the
FTS5 virtual tables `related_fts_english` / `related_fts_simple` (and FTS5's shadow tables
`related_fts_*_data`, `_idx`, `_content`, `_docsize`, `_config`), on PostgreSQL the table `related_fts`
(a weighted `tsvector` with a GIN index). `include_object` below tells Alembic's autogenerate to leave
them alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base

UNMODELLED_PREFIX = "related_fts"
DOCUMENT_COUNT_KEY = ""  # the related_terms row that counts a language's indexed documents


class RelatedDocument(Base):
    """One indexed (live) article and the document-frequency keys it counted."""

    __tablename__ = "related_documents"

    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16))
    terms: Mapped[list[str]] = mapped_column(JSON)


class RelatedTerm(Base):
    """How many indexed articles of a language contain a key (document frequency)."""

    __tablename__ = "related_terms"

    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    df: Mapped[int] = mapped_column(Integer)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic autogenerate hook: skip the full-text tables (and their indexes) that migration 0002 builds by
    raw SQL — FTS5 virtual tables and their shadow tables on SQLite, a tsvector table on PostgreSQL."""
    unmodelled = reflected and compare_to is None and (name or "").startswith(UNMODELLED_PREFIX)
    return not (type_ in ("table", "index") and unmodelled)
