"""Test fixtures: every database test runs on SQLite and on the real PostgreSQL server.

Each backend gets a database of its own for the session (a unique name, built by the migrations, dropped
at the end); every test starts from empty tables. Without a PostgreSQL server the PostgreSQL half skips
with the reason — except under CI=true, where it fails loudly.
`--backend sqlite` or `--backend postgresql` runs the suite against one backend only.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

with warnings.catch_warnings():
    # Starlette 1.x nudges TestClient users to `httpx2`; the product owner fixed httpx, which still works.
    # Caught here too so that `pytest -W error` (which overrides the ini filter) can import the client.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient
from sqlalchemy import text

import app.models  # noqa: F401  (registers every table on Base.metadata)
from app.auth.keys import create_key
from app.config import Settings
from app.db import Base, Database
from app.main import create_app
from app.migrate import upgrade

PG_ADMIN_URL = os.environ.get("WIREFEED_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"
BACKENDS = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=(*BACKENDS, "all"), default="all", help="database backend(s) to test")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("--backend")
        backends = BACKENDS if chosen == "all" else (chosen,)
        marks = {"postgresql": [pytest.mark.postgres]}
        metafunc.parametrize(
            "backend", [pytest.param(b, marks=marks.get(b, []), id=b) for b in backends], indirect=True, scope="session"
        )


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


def _pg_admin() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: PostgreSQL tests must run)", pytrace=False)
        pytest.skip(message)


@dataclass
class ScratchDatabase:
    backend: str
    url: str


def create_test_database(backend: str, tmp_dir: Path) -> Iterator[ScratchDatabase]:
    """A fresh, migrated database of its own; dropped afterwards."""
    if backend == "sqlite":
        path = tmp_dir / f"wirefeed-{uuid.uuid4().hex[:8]}.db"
        url = f"sqlite:///{path}"
        upgrade(url)
        yield ScratchDatabase(backend, url)
        return
    name = f"wirefeed_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    try:
        upgrade(url)
        yield ScratchDatabase(backend, url)
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def migrated_database(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScratchDatabase]:
    yield from create_test_database(backend, tmp_path_factory.mktemp(backend))


def empty_all_tables(database: Database) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with database.write_sessions.begin() as session:
        if database.dialect == "postgresql":
            session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                session.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def settings(migrated_database: ScratchDatabase, tmp_path: Path) -> Settings:
    return Settings(database_url=migrated_database.url, seeds_dir=Path(__file__).parents[1] / "seeds")


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = Database(settings.database_url)
    empty_all_tables(db)
    yield db
    db.dispose()


@pytest.fixture
def client(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def _token(database: Database, *scopes: str, agency: str | None = None) -> str:
    with database.write_sessions.begin() as session:
        return create_key(session, agency=agency, scopes=scopes).token


@pytest.fixture
def ingest_key(database: Database) -> str:
    return _token(database, "ingest")


@pytest.fixture
def admin_key(database: Database) -> str:
    return _token(database, "admin")


@pytest.fixture
def ingest_headers(ingest_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {ingest_key}", "Content-Type": "text/plain"}


@pytest.fixture
def admin_headers(admin_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {admin_key}"}


FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
