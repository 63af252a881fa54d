"""The `wirefeed` command line: help with examples, keys, seed, ingest, rejections."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import Database
from tests.corpus import raw

ROOT = Path(__file__).resolve().parents[1]


def all_commands() -> list[tuple[str, Any]]:
    """Every leaf command as (name, click-style command); groups expose `.commands`."""
    root: Any = typer.main.get_command(cli)
    found: list[tuple[str, Any]] = []
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=[n for n, _ in all_commands()])
def test_every_command_has_help_with_an_example(name: str, command: Any) -> None:
    assert command.help, f"`wirefeed {name}` has no help"
    assert "Example:" in command.help, f"`wirefeed {name}` help has no example"
    assert "wirefeed " in command.help.split("Example:", 1)[1]


@pytest.fixture
def run(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("WIREFEED_DATABASE_URL", database.url)
    monkeypatch.setenv("WIREFEED_SEEDS_DIR", str(ROOT / "seeds"))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_keys_create_prints_the_key_alone_on_the_last_line(run: CliRunner) -> None:
    result = run.invoke(cli, ["keys", "create", "--agency", "IANS", "--scope", "ingest"])
    assert result.exit_code == 0, result.output
    key = result.output.strip().splitlines()[-1]
    assert key.startswith("wf_") and " " not in key


def test_keys_list_shows_ids_and_never_secrets(run: CliRunner) -> None:
    key = run.invoke(cli, ["keys", "create", "--scope", "admin"]).output.strip().splitlines()[-1]
    listed = run.invoke(cli, ["keys", "list"]).output
    assert key.split("_")[1] in listed
    assert key.split("_", 2)[2] not in listed


def test_keys_revoke_of_an_unknown_id_fails_with_a_message_not_a_traceback(database: Database) -> None:
    env = {**os.environ, "WIREFEED_DATABASE_URL": database.url}
    result = subprocess.run(
        [sys.executable, "-m", "app", "keys", "revoke", "nope"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "error: No API key with id 'nope'."


def test_seed_twice_stores_nothing_the_second_time(run: CliRunner) -> None:
    seeds = len(list((ROOT / "seeds").iterdir()))
    first = run.invoke(cli, ["seed"])
    assert first.exit_code == 0, first.output
    second = run.invoke(cli, ["seed"])
    assert "created=0 " in second.output.splitlines()[-1]
    assert f"total={seeds}" in second.output.splitlines()[-1]


def test_ingest_reports_refusals_and_rejections_can_be_replayed(
    run: CliRunner, tmp_path: Path, database: Database
) -> None:
    (tmp_path / "good.txt").write_bytes(raw("d000"))
    (tmp_path / "bad.txt").write_bytes(b"")
    result = run.invoke(cli, ["ingest", str(tmp_path)])
    assert result.output.strip().splitlines()[-1] == "created=1 duplicate=0 updated=0 stale=0 held=0 refused=1 total=2"
    listed = run.invoke(cli, ["rejections", "list"]).output.strip().splitlines()
    assert len(listed) == 1
    rejection_id = listed[0].split("\t")[0]
    replayed = run.invoke(cli, ["rejections", "replay", rejection_id])
    assert replayed.exit_code == 1  # still empty copy: still refused
    assert '"outcome": "refused"' in replayed.output


def test_python_dash_m_app_is_the_same_cli(database: Database) -> None:
    env = {**os.environ, "WIREFEED_DATABASE_URL": database.url}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--help"], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    for command in ("serve", "db", "seed", "ingest", "keys", "rejections"):
        assert command in result.stdout
