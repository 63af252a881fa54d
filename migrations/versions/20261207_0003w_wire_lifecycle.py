"""wire lifecycle: the agency's metadata on articles and versions, embargoes, and kills waiting for their story

articles gain pubstatus (usable / withheld / canceled), embargoed_until (with an index on status and it, for
the releaser), agency_version, urgency, slugline, subjects and headline_derived; article_versions gain the same
text metadata (urgency, slugline, subjects, headline_derived). pending_kills keeps kill and withhold notices
by the story they name, so a kill that arrives before its story is applied when the story comes.

Revision ID: 0003w
Revises: 0003l
Create Date: 2026-12-07 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "0003w"
down_revision: str | None = "0003l"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# On SQLite every change here must be a plain ALTER TABLE ADD/DROP COLUMN, never Alembic's batch "move and
# copy": dropping the old `articles` table would cascade (ON DELETE CASCADE, foreign keys on) to every
# article version and related-index row. So server defaults are plain strings (an SQL expression as a default
# makes batch mode rebuild the table), and the downgrade drops columns with ALTER TABLE (SQLite >= 3.35).
TEXT_METADATA = ("urgency", "slugline", "subjects", "headline_derived")


def _text_metadata() -> list[sa.Column]:  # type: ignore[type-arg]
    """Columns both articles and article_versions carry; existing rows get the values of plain copy."""
    return [
        sa.Column("urgency", sa.SmallInteger(), nullable=True),
        sa.Column("slugline", sa.Text(), nullable=True),
        sa.Column("subjects", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("headline_derived", sa.Boolean(), nullable=False, server_default="0"),
    ]


def upgrade() -> None:
    op.add_column("articles", sa.Column("pubstatus", sa.String(length=16), nullable=False, server_default="usable"))
    op.add_column("articles", sa.Column("embargoed_until", app.db.UTCDateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("agency_version", sa.Integer(), nullable=True))
    for column in _text_metadata():
        op.add_column("articles", column)
    for column in _text_metadata():
        op.add_column("article_versions", column)
    op.create_index("ix_articles_status_embargo", "articles", ["status", "embargoed_until"], unique=False)
    # The served version's agency version, for stories stored before the column existed.
    op.execute(
        "UPDATE articles SET agency_version = (SELECT v.agency_version FROM article_versions v "
        "WHERE v.article_pk = articles.pk AND v.version = articles.version)"
    )
    op.create_table(
        "pending_kills",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_key", sa.String(length=80), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("agency_ref", sa.Text(), nullable=False),
        sa.Column("pubstatus", sa.String(length=16), nullable=False),
        sa.Column("received_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("raw_copy_pk", sa.Integer(), nullable=True),
        sa.Column("applied_at", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("article_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], name=op.f("fk_pending_kills_article_pk_articles"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["raw_copy_pk"], ["raw_copies.pk"], name=op.f("fk_pending_kills_raw_copy_pk_raw_copies")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_pending_kills")),
        sa.UniqueConstraint("story_key", name=op.f("uq_pending_kills_story_key")),
    )


def _drop_columns(table: str, names: Sequence[str]) -> None:
    for name in names:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")


def downgrade() -> None:
    op.drop_table("pending_kills")
    op.drop_index("ix_articles_status_embargo", table_name="articles")
    _drop_columns("article_versions", TEXT_METADATA)
    _drop_columns("articles", (*TEXT_METADATA, "agency_version", "embargoed_until", "pubstatus"))
