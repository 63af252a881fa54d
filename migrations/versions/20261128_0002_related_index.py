"""related index: document frequencies, indexed-article terms, and the database's own full-text index

SQLite: FTS5 virtual tables (porter stemming for English, plain unicode61 for other languages), keyed by
rowid = articles.pk; a trigger drops an article's FTS rows whenever its related_documents row goes (article
deleted, or tables emptied). PostgreSQL: related_fts with a weighted tsvector ('english' config for English,
'simple' otherwise) and a GIN index, cascading from articles. Existing live articles are indexed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS = {
    "related_fts_english": "porter unicode61 remove_diacritics 2",
    "related_fts_simple": "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
}


def upgrade() -> None:
    op.create_table(
        "related_documents",
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], name=op.f("fk_related_documents_article_pk_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_pk", name=op.f("pk_related_documents")),
    )
    op.create_table(
        "related_terms",
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("language", "term", name=op.f("pk_related_terms")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for table, tokenizer in SQLITE_FTS.items():
            op.execute(f'CREATE VIRTUAL TABLE {table} USING fts5(headline, lead, body, tokenize = "{tokenizer}")')
        op.execute(
            "CREATE TRIGGER related_fts_unindex AFTER DELETE ON related_documents BEGIN "
            + " ".join(f"DELETE FROM {table} WHERE rowid = old.article_pk;" for table in SQLITE_FTS)
            + " END"
        )
    else:
        op.execute(
            "CREATE TABLE related_fts ("
            " article_pk integer PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,"
            " language varchar(16) NOT NULL,"
            " document tsvector NOT NULL)"
            # Kept inline and uncompressed up to a full page: ranking reads each matched document
            # several times, and decompressing it each time cost more than the scan.
            " WITH (toast_tuple_target = 8160)"
        )
        op.execute("CREATE INDEX related_fts_document ON related_fts USING gin (document)")
    _index_existing_articles()


def _index_existing_articles() -> None:
    from sqlalchemy.orm import Session

    from app.related.index import reindex_all

    with Session(bind=op.get_bind()) as session:
        reindex_all(session)
        session.commit()  # joined to the migration's transaction: this only flushes into it


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS related_fts_unindex")
        for table in SQLITE_FTS:
            op.execute(f"DROP TABLE IF EXISTS {table}")
    else:
        op.execute("DROP TABLE IF EXISTS related_fts")
    op.drop_table("related_terms")
    op.drop_table("related_documents")
