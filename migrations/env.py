"""Alembic environment: runs migrations against the URL the caller configured (see app/migrate.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import pool, text

from app.db import make_engine
from app.models import Base
from app.related.models import include_object

config = context.config
target_metadata = Base.metadata

def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        include_object=include_object,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    connectable = make_engine(url) if url.startswith("sqlite") else make_engine(url, poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            # SQLite cannot ALTER most things; batch mode rebuilds tables where needed.
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # Several hosts may start at once: one migrates, the others wait, then find nothing to do.
                connection.execute(text("SELECT pg_advisory_xact_lock(7226057)"))
            context.run_migrations()
    connectable.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
