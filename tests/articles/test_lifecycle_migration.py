"""Migration 0003w on a store that already holds stories: they stay served, as usable copy with no embargo,
and each keeps the agency version its served text carried."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from app.migrate import alembic_config, upgrade
from tests.conftest import PG_ADMIN_URL, _pg_admin

ARTICLE_TABLES = ("articles", "article_versions")
ARTICLE = (
    "INSERT INTO articles (pk, id, agency, language, source_format, story_key, lead_key, version, received_at, "
    "sort_at, status, agency_ref, headline, body, disclaimer, content_hash, repairs) VALUES (1, 'a1', 'Reuters', "
    "'en', 'ninjs', 'ref:1', 'lead:1', 2, '2026-12-01 10:00:00', '2026-12-01 10:00:00', 'live', 'tag:x', "
    "'A headline', '[\"One paragraph.\"]', 'd', 'sha256:1', '[]')"
)
VERSION = (
    "INSERT INTO article_versions (article_pk, version, fingerprint, received_at, agency_version, served, headline, "
    "body, disclaimer, content_hash, repairs) VALUES (1, {n}, 'fp:{n}', '2026-12-01 10:00:00', {agency_version}, "
    "true, 'A headline', '[\"One paragraph.\"]', 'd', 'sha256:{n}', '[]')"
)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    name = f"wirefeed_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_stories_stored_before_the_migration_stay_served_usable_and_keep_their_agency_version(
    empty_database_url: str,
) -> None:
    upgrade(empty_database_url, "0002")
    engine = create_engine(empty_database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(ARTICLE))
            connection.execute(text(VERSION.format(n=1, agency_version=4)))
            connection.execute(text(VERSION.format(n=2, agency_version=5)))
        upgrade(empty_database_url, "0003w")
        with engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT status, pubstatus, embargoed_until, agency_version, subjects, headline_derived "
                    "FROM articles WHERE pk = 1"
                )
            ).one()
            versions = connection.execute(text("SELECT subjects, headline_derived FROM article_versions")).all()
    finally:
        engine.dispose()
    assert (row.status, row.pubstatus, row.embargoed_until, row.agency_version) == ("live", "usable", None, 5)
    assert row.subjects in ([], "[]")
    assert not row.headline_derived
    assert all(v.subjects in ([], "[]") and not v.headline_derived for v in versions)


def test_the_migration_and_its_downgrade_keep_every_stored_version(empty_database_url: str) -> None:
    upgrade(empty_database_url, "0002")
    engine = create_engine(empty_database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(ARTICLE))
            connection.execute(text(VERSION.format(n=1, agency_version=4)))
        upgrade(empty_database_url, "0003w")
        downgrade(empty_database_url, "0002")
        with engine.connect() as connection:
            counts = [connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ARTICLE_TABLES]
    finally:
        engine.dispose()
    assert counts == [1, 1]
