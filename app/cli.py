"""The `wirefeed` command line: serve, db upgrade, seed, ingest, keys, rejections, review."""

from __future__ import annotations

import collections
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from app.articles.embargoes import release_now
from app.auth import keys as api_keys
from app.config import Settings, get_settings
from app.db import Database, is_sqlite
from app.errors import WirefeedError
from app.intake.service import HELD, REFUSED, Delivery, IngestResult, ingest, replay
from app.migrate import upgrade
from app.parsers.sniff import media_type_for
from app.rejections import repository as rejections_repository
from app.review import repository as review_repository
from app.review import service as review_service

cli = typer.Typer(help="wirefeed: agency wire-feed ingestion service.", no_args_is_help=True, add_completion=False)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
keys_cli = typer.Typer(help="API keys.", no_args_is_help=True)
rejections_cli = typer.Typer(help="Refused copy kept for operators.", no_args_is_help=True)
embargoes_cli = typer.Typer(help="Embargoed stories waiting for their release time.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(keys_cli, name="keys")
cli.add_typer(rejections_cli, name="rejections")
review_cli = typer.Typer(help="Copy held for review: publish as drafted or reject.", no_args_is_help=True)
cli.add_typer(review_cli, name="review")
cli.add_typer(embargoes_cli, name="embargoes")


def _settings() -> Settings:
    return get_settings()


def _migrate_if_wanted(settings: Settings) -> None:
    """Apply migrations where that is safe to do unasked: always on SQLite, elsewhere with auto_migrate."""
    if settings.auto_migrate or is_sqlite(settings.database_url):
        upgrade(settings.database_url)


def _ready_database(settings: Settings) -> Database:
    """Open the store, migrated first where that is safe to do unasked."""
    _migrate_if_wanted(settings)
    return Database(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Run the HTTP service (applies migrations first on SQLite or with WIREFEED_AUTO_MIGRATE).

    Example: wirefeed serve --host 0.0.0.0 --port 8000 --workers 4
    """
    import uvicorn

    _migrate_if_wanted(_settings())
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers, proxy_headers=True)


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply the Alembic migrations to WIREFEED_DATABASE_URL.

    Example: WIREFEED_DATABASE_URL=postgresql+psycopg://wirefeed@db/wirefeed wirefeed db upgrade
    """
    settings = _settings()
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {revision}: {_redacted(settings.database_url)}")


def _redacted(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        creds, _, host = rest.rpartition("@")
        rest = f"{creds.split(':', 1)[0]}:***@{host}" if ":" in creds else rest
    return scheme + sep + rest


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            raise typer.BadParameter(f"{path} is neither a file nor a folder")


def _ingest_files(files: list[Path], source: str, agency: str | None) -> collections.Counter[str]:
    settings = _settings()
    database = _ready_database(settings)
    counts: collections.Counter[str] = collections.Counter()
    refusals: list[tuple[Path, IngestResult]] = []
    try:
        with typer.progressbar(files, label=f"{source}ing", file=None) as bar:
            for path in bar:
                delivery = Delivery(
                    data=path.read_bytes(),
                    content_type=media_type_for(path),
                    source=source,
                    default_agency=agency,
                    headers={"filename": path.name},
                )
                result = ingest(database, settings, delivery)
                counts[result.outcome] += 1
                if result.outcome in (REFUSED, HELD):
                    refusals.append((path, result))
    finally:
        database.dispose()
    for path, result in refusals:
        if result.review is not None:
            reasons = "; ".join(result.review.reasons)
            typer.echo(f"held {path} for review ({result.review.id}): {reasons}", err=True)
            continue
        detail = result.error.detail if result.error else ""
        typer.echo(f"refused {path} ({result.status_code}, {result.rejection_id}): {detail}", err=True)
    labels = ("created", "duplicate", "updated", "stale", HELD, REFUSED)
    typer.echo(" ".join(f"{label}={counts.get(label, 0)}" for label in labels) + f" total={sum(counts.values())}")
    return counts


@cli.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of raw copy.")],
    agency: Annotated[str | None, typer.Option(help="Agency to assume when the copy names none.")] = None,
) -> None:
    """Ingest files or folders of raw copy, printing created/duplicate/updated/stale/refused counts.

    Example: wirefeed ingest drop/ianS-2024-12-01/ story.txt
    """
    _ingest_files(list(_files(paths)), "ingest", agency)


@cli.command()
def seed() -> None:
    """Load the sample copy in seeds/ (WIREFEED_SEEDS_DIR); running it again stores nothing new.

    Example: wirefeed seed
    """
    settings = _settings()
    if not settings.seeds_dir.is_dir():
        raise typer.BadParameter(f"no seeds folder at {settings.seeds_dir.resolve()}")
    _ingest_files(list(_files([settings.seeds_dir])), "seed", None)


@keys_cli.command("create")
def keys_create(
    scope: Annotated[list[str], typer.Option(help="ingest, admin or read; repeat for several.")],
    agency: Annotated[
        list[str] | None,
        typer.Option(help="An agency the key speaks for; repeat for an aggregator feed (--agency PTI --agency IANS)."),
    ] = None,
    any_agency: Annotated[
        bool, typer.Option("--any-agency", help="An ingest key that may send any agency's copy (trusted pipelines).")
    ] = False,
    expires: Annotated[str | None, typer.Option(help="30d, 12h, 2w, or an ISO date (00:00 UTC that day).")] = None,
    label: Annotated[str | None, typer.Option(help="A note for operators.")] = None,
) -> None:
    """Create an API key; the key is printed once, alone on the last line. An admin key with no --agency is a
    global admin; with agencies it sees and acts only on theirs.

    Example: KEY=$(wirefeed keys create --agency IANS --scope ingest --expires 90d | tail -n 1)
    """
    agencies = agency or []
    api_keys.require_binding(scope, agencies, any_agency=any_agency)
    expires_at = api_keys.parse_expiry(expires) if expires else None
    database = _ready_database(_settings())
    try:
        with database.write_sessions.begin() as session:
            minted = api_keys.create_key(session, agencies=agencies, scopes=scope, label=label, expires_at=expires_at)
            row = minted.row
            typer.echo(
                f"created key {row.id} agencies={','.join(row.agencies) or '-'} scopes={','.join(row.scopes)} "
                f"expires={row.expires_at.isoformat() if row.expires_at else 'never'}"
            )
            typer.echo(minted.token)
    finally:
        database.dispose()


@keys_cli.command("list")
def keys_list() -> None:
    """List API keys: id, prefix, agencies, scopes, state, expiry, last use, label (never the secrets).

    Example: wirefeed keys list
    """
    database = _ready_database(_settings())
    try:
        with database.read_sessions() as session:
            typer.echo("id\tprefix\tagencies\tscopes\tstate\texpires\tlast_used\tlabel")
            for row in api_keys.list_keys(session):
                fields = (
                    row.id,
                    row.prefix,
                    ",".join(row.agencies) or "-",
                    ",".join(row.scopes),
                    api_keys.key_state(row),
                    row.expires_at.isoformat() if row.expires_at else "never",
                    row.last_used_at.isoformat(timespec="minutes") if row.last_used_at else "never",
                    row.label or "",
                )
                typer.echo("\t".join(fields))
    finally:
        database.dispose()


@keys_cli.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key id from `keys list`.")]) -> None:
    """Revoke an API key at once.

    Example: wirefeed keys revoke 3f9a1c2b7d4e
    """
    database = _ready_database(_settings())
    try:
        with database.write_sessions.begin() as session:
            api_keys.revoke_key(session, key_id)
        typer.echo(f"revoked {key_id}")
    finally:
        database.dispose()


@rejections_cli.command("list")
def rejections_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    state: Annotated[str | None, typer.Option(help="open or replayed.")] = None,
) -> None:
    """List refused copy, newest first.

    Example: wirefeed rejections list --state open
    """
    database = _ready_database(_settings())
    try:
        with database.read_sessions() as session:
            for r in rejections_repository.list_page(session, limit=limit, before_pk=None, state=state):
                typer.echo(f"{r.id}\t{r.received_at.isoformat()}\t{r.status_code}\t{r.reason}\t{r.state}\t{r.detail}")
    finally:
        database.dispose()


@rejections_cli.command("replay")
def rejections_replay(rejection_ids: Annotated[list[str], typer.Argument(help="Rejection ids.")]) -> None:
    """Replay refused copy through today's pipeline.

    Example: wirefeed rejections replay rj_x1Y2z3 rj_a4B5c6
    """
    settings = _settings()
    database = _ready_database(settings)
    failed = False
    try:
        for rejection_id in rejection_ids:
            result = replay(database, settings, rejection_id)
            if result.review is not None:
                typer.echo(json.dumps({"rejection": rejection_id, "outcome": HELD, "review": result.review.id}))
            elif result.article is not None:
                typer.echo(json.dumps({"rejection": rejection_id, "outcome": result.outcome, "id": result.article.id}))
            else:
                failed = True
                detail = result.error.detail if result.error else ""
                typer.echo(json.dumps({"rejection": rejection_id, "outcome": REFUSED, "detail": detail}))
    finally:
        database.dispose()
    if failed:
        raise typer.Exit(code=1)


@review_cli.command("list")
def review_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    state: Annotated[str | None, typer.Option(help="open, published or rejected.")] = "open",
) -> None:
    """List copy held for review (open by default), newest first: id, received, agency, headline, reasons.

    Example: wirefeed review list --state open
    """
    database = _ready_database(_settings())
    try:
        with database.read_sessions() as session:
            for item in review_repository.list_page(session, limit=limit, before_pk=None, state=state):
                reasons = "; ".join(item.reasons)
                typer.echo(
                    f"{item.id}\t{item.received_at.isoformat()}\t{item.agency or '-'}\t{item.state}\t"
                    f"{item.headline[:80]}\t{reasons}"
                )
    finally:
        database.dispose()


@review_cli.command("publish")
def review_publish(
    review_id: Annotated[str, typer.Argument(help="The id from `review list`.")],
    note: Annotated[str | None, typer.Option(help="Why, for the record.")] = None,
) -> None:
    """Publish held copy as it was drafted (an editor's decision).

    Example: wirefeed review publish rv_x1Y2z3 --note "checked against the agency's site"
    """
    settings = _settings()
    database = _ready_database(settings)
    try:
        done = review_service.publish(database, settings, review_id, "cli", note)
        assert done.stored is not None
        typer.echo(json.dumps({"review": review_id, "outcome": done.stored.outcome.value, "id": done.item.article_id}))
    finally:
        database.dispose()


@review_cli.command("reject")
def review_reject(
    review_id: Annotated[str, typer.Argument(help="The id from `review list`.")],
    note: Annotated[str | None, typer.Option(help="Why, for the record.")] = None,
) -> None:
    """Reject held copy: nothing is published, the copy stays kept with the decision.

    Example: wirefeed review reject rv_x1Y2z3 --note "menu text, not a story"
    """
    database = _ready_database(_settings())
    try:
        review_service.reject(database, review_id, "cli", note)
        typer.echo(json.dumps({"review": review_id, "outcome": "rejected"}))
    finally:
        database.dispose()


@embargoes_cli.command("release")
def embargoes_release() -> None:
    """Publish every embargoed story whose release time has passed, printing each id (for cron; the
    running service does this by itself, and running both at once is safe).

    Example: wirefeed embargoes release
    """
    database = _ready_database(_settings())
    try:
        released = release_now(database)
    finally:
        database.dispose()
    for article_id in released:
        typer.echo(f"released {article_id}")
    typer.echo(f"released={len(released)}")


def main() -> None:
    try:
        cli()
    except WirefeedError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise SystemExit(2) from error
