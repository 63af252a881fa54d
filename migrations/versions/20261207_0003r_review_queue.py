"""review queue and merge evidence: held copy, idempotent held answers, headline as a candidate key only

- review_items: copy held for review (raw bytes via raw_copies, the draft as JSON, the named reasons).
- idempotency_records.review_id: a retry of a held post gets the same held answer.
- articles.headline_key: the folded headline + day, now a non-unique key for finding candidate stories;
  a text joins a story only on evidence in its words. Existing text stories keep their story_key, and their
  headline key is that value.

Revision ID: 0003r
Revises: 0002
Create Date: 2026-12-07 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

import app.db
from alembic import op

revision: str = "0003r"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_items",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("raw_copy_pk", sa.Integer(), nullable=False),
        sa.Column("received_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=True),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_at", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("article_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["raw_copy_pk"], ["raw_copies.pk"], name=op.f("fk_review_items_raw_copy_pk_raw_copies")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_review_items")),
        sa.UniqueConstraint("id", name=op.f("uq_review_items_id")),
    )
    op.create_index(op.f("ix_review_items_received_at"), "review_items", ["received_at"])
    op.create_index(op.f("ix_review_items_agency"), "review_items", ["agency"])
    op.create_index(op.f("ix_review_items_fingerprint"), "review_items", ["fingerprint"])
    # Plain ADD/DROP COLUMN (SQLite 3.35+ has both): a batch rebuild of `articles` on SQLite would drop the
    # table under its versions, and the ON DELETE CASCADE would take every stored version with it.
    op.add_column("idempotency_records", sa.Column("review_id", sa.String(length=32), nullable=True))
    op.add_column("articles", sa.Column("headline_key", sa.String(length=80), nullable=True))
    op.create_index(op.f("ix_articles_headline_key"), "articles", ["headline_key"])
    op.execute("UPDATE articles SET headline_key = story_key WHERE story_key LIKE 'hl:%'")


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_headline_key"), table_name="articles")
    op.drop_column("articles", "headline_key")
    op.drop_column("idempotency_records", "review_id")
    op.drop_index(op.f("ix_review_items_fingerprint"), table_name="review_items")
    op.drop_index(op.f("ix_review_items_agency"), table_name="review_items")
    op.drop_index(op.f("ix_review_items_received_at"), table_name="review_items")
    op.drop_table("review_items")
