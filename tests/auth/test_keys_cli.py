"""`wirefeed keys`: agencies (one or several), any-agency keys asked for explicitly, expiry, prefix, revoke."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("WIREFEED_DATABASE_URL", database.url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def listed_rows(run: CliRunner) -> list[dict[str, str]]:
    header, *rows = run.invoke(cli, ["keys", "list"]).output.rstrip("\n").splitlines()
    names = header.split("\t")
    return [dict(zip(names, row.split("\t"), strict=True)) for row in rows]


def test_an_aggregator_key_speaks_for_every_agency_given(run: CliRunner) -> None:
    result = run.invoke(cli, ["keys", "create", "--agency", "PTI", "--agency", "ians", "--scope", "ingest"])
    assert result.exit_code == 0, result.output
    assert "agencies=IANS,PTI" in result.output
    assert listed_rows(run)[0]["agencies"] == "IANS,PTI"


def test_the_list_shows_prefix_state_expiry_and_last_use(run: CliRunner) -> None:
    token = run.invoke(cli, ["keys", "create", "--agency", "PTI", "--scope", "ingest", "--expires", "30d"])
    token_text = token.output.strip().splitlines()[-1]
    row = listed_rows(run)[0]
    assert token_text.startswith(row["prefix"])
    assert (row["state"], row["last_used"]) == ("active", "never")
    assert row["expires"] != "never"
    assert token_text.split("_", 2)[2] not in run.invoke(cli, ["keys", "list"]).output


def test_a_revoked_key_is_listed_as_revoked(run: CliRunner) -> None:
    run.invoke(cli, ["keys", "create", "--scope", "read"])
    key_id = listed_rows(run)[0]["id"]
    assert run.invoke(cli, ["keys", "revoke", key_id]).exit_code == 0
    assert listed_rows(run)[0]["state"] == "revoked"


def test_an_ingest_key_for_any_agency_needs_the_flag(run: CliRunner) -> None:
    assert run.invoke(cli, ["keys", "create", "--scope", "ingest"]).exit_code != 0
    assert listed_rows(run) == []
    created = run.invoke(cli, ["keys", "create", "--scope", "ingest", "--any-agency"])
    assert created.exit_code == 0, created.output
    assert listed_rows(run)[0]["agencies"] == "-"


def test_a_missing_agency_fails_with_a_message_not_a_traceback(database: Database) -> None:
    env = {**os.environ, "WIREFEED_DATABASE_URL": database.url}
    result = subprocess.run(
        [sys.executable, "-m", "app", "keys", "create", "--scope", "ingest"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: An ingest key needs the agency")
