"""The index is kept in step with the articles in the same transaction: counts, updates, withdrawals, schema."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from app.articles.normalise import draft_article
from app.articles.service import StoreResult, store, withdraw
from app.config import DEFAULT_DISCLAIMER
from app.db import Base, Database
from app.parsers.base import ParsedCopy
from app.related.models import DOCUMENT_COUNT_KEY, RelatedDocument, RelatedTerm, include_object
from app.related.search import matching_article_pks

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def store_text(database: Database, headline: str, body: list[str], minutes: int = 0) -> StoreResult:
    parsed = ParsedCopy(
        source_format="wire-text",
        agency="PTI",
        headline=headline,
        published_at=datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
        body=body,
    )
    received = NOW + timedelta(minutes=minutes)
    draft = draft_article(parsed, disclaimer=DEFAULT_DISCLAIMER, now=received, future_tolerance=timedelta(hours=36))
    with database.write_sessions.begin() as session:
        return store(session, draft, received_at=received)


def frequencies(database: Database) -> dict[str, int]:
    with database.read_sessions() as session:
        rows = session.execute(select(RelatedTerm.term, RelatedTerm.df).where(RelatedTerm.language == "en"))
        return {term: df for term, df in rows if df}


def test_document_frequencies_count_each_live_article_once(backend: str, database: Database) -> None:
    store_text(database, "Heron count", ["Herons and storks counted at Kumarakom."])
    store_text(database, "Stork count", ["Storks counted again, storks everywhere."])
    counts = frequencies(database)
    assert counts[DOCUMENT_COUNT_KEY] == 2
    assert counts["stork"] == 2
    assert counts["heron"] == 1


def test_an_update_moves_the_counts_from_removed_words_to_new_ones(backend: str, database: Database) -> None:
    lead = "The annual bird census at the Kumarakom sanctuary ended on Sunday, wardens said."
    store_text(database, "Heron count", [lead, "Herons and storks counted at Kumarakom."])
    result = store_text(database, "Heron count", [lead, "Herons and cormorants counted at Kumarakom."], minutes=5)
    assert result.outcome == "updated"
    counts = frequencies(database)
    assert counts[DOCUMENT_COUNT_KEY] == 1
    assert "stork" not in counts
    assert counts["cormorant"] == 1


def test_a_withdrawal_takes_back_the_counts_and_the_index_entry(backend: str, database: Database) -> None:
    kept = store_text(database, "Heron count", ["Herons counted at Kumarakom."]).article
    gone = store_text(database, "Stork count", ["Storks counted at Kumarakom."]).article
    with database.write_sessions.begin() as session:
        withdraw(session, gone.id)
    counts = frequencies(database)
    assert counts[DOCUMENT_COUNT_KEY] == 1
    assert "stork" not in counts
    with database.read_sessions() as session:
        assert list(session.scalars(matching_article_pks(session, "Kumarakom"))) == [kept.pk]
        assert session.get(RelatedDocument, gone.pk) is None


def test_a_failed_store_leaves_no_index_entry(backend: str, database: Database) -> None:
    parsed = ParsedCopy(source_format="wire-text", agency="PTI", headline="Rolled back", body=["Pelicans nest."])
    draft = draft_article(parsed, disclaimer=DEFAULT_DISCLAIMER, now=NOW, future_tolerance=timedelta(hours=36))
    with database.write_sessions() as session:
        store(session, draft, received_at=NOW)
        session.rollback()
    with database.read_sessions() as session:
        assert list(session.scalars(matching_article_pks(session, "pelicans"))) == []
    assert frequencies(database) == {}


def test_models_and_migrations_agree_when_autogenerate_skips_the_raw_fts_tables(
    backend: str, database: Database
) -> None:
    """What migrations/env.py needs: `include_object=app.related.models.include_object` (see the report)."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True, "target_metadata": Base.metadata}
        )
        assert compare_metadata(context, Base.metadata) == []
