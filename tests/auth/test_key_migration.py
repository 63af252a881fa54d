"""Migration 0003a keeps what existing keys could do: each key's one agency moves into its agency list, and
it gets a prefix; downgrading gives the agency back."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from app.migrate import alembic_config
from tests.conftest import create_test_database

LEGACY_KEY = (
    "INSERT INTO api_keys (id, secret_hash, agency, scopes, label, created_at) "
    "VALUES ('abc123abc123', 'sha256:00', 'IANS', '[\"ingest\"]', NULL, '2026-11-30 10:00:00')"
)


def test_an_existing_keys_agency_survives_the_migration_both_ways(backend: str, tmp_path: Path) -> None:
    databases = create_test_database(backend, tmp_path)
    scratch = next(databases)
    config = alembic_config(scratch.url)
    engine = create_engine(scratch.url)
    try:
        command.downgrade(config, "0002")
        with engine.begin() as connection:
            connection.execute(text(LEGACY_KEY))
        command.upgrade(config, "head")
        with engine.connect() as connection:
            agencies = connection.execute(text("SELECT agency FROM api_key_agencies")).scalars().all()
            prefix = connection.execute(text("SELECT prefix FROM api_keys")).scalar_one()
        assert (agencies, prefix) == (["IANS"], "wf_abc123abc123_")
        command.downgrade(config, "0002")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT agency FROM api_keys")).scalar_one() == "IANS"
    finally:
        engine.dispose()
        databases.close()
