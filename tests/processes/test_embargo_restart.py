"""An embargo release is not lost when the service goes down: the state is in the database, and the next
server to start publishes what fell due while nothing was running — with no request needed."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.articles.models import Article
from app.db import Database
from tests.intake.ninjs_copy import NINJS, ninjs_story
from tests.server import running_server, start_server

pytestmark = pytest.mark.process


def status_of(database: Database, article_id: str) -> str:
    with database.read_sessions() as session:
        return session.scalars(select(Article.status).where(Article.id == article_id)).one()


def test_an_embargo_that_falls_due_while_the_service_is_down_is_released_after_restart(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    headers = {"Authorization": f"Bearer {ingest_key}", "Content-Type": NINJS}
    server = start_server(database.url, tmp_path / "server.log", workers=2)
    try:
        until = datetime.now(UTC) + timedelta(seconds=3)
        answer = httpx.post(f"{server.base_url}/v1/articles", content=ninjs_story(1, embargoed=until), headers=headers)
        assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (202, "embargoed")
        article_id = answer.json()["id"]
        assert httpx.get(f"{server.base_url}/v1/articles/{article_id}").status_code == 404
    finally:
        server.kill()  # SIGKILL: no shutdown work of any kind

    while datetime.now(UTC) < until + timedelta(seconds=1):
        time.sleep(0.2)
    assert status_of(database, article_id) == "embargoed"  # due, and nothing was running to release it

    with running_server(database.url, tmp_path / "server-restarted.log", workers=2) as restarted:
        deadline = time.monotonic() + 20
        while httpx.get(f"{restarted.base_url}/v1/articles/{article_id}").status_code != 200:
            assert time.monotonic() < deadline, "the restarted service did not release the story"
            time.sleep(0.2)
        listed = httpx.get(f"{restarted.base_url}/v1/articles").json()["items"]
        assert [item["id"] for item in listed] == [article_id]
    assert status_of(database, article_id) == "live"


def test_a_running_service_releases_at_the_embargo_time_with_several_workers(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    headers = {"Authorization": f"Bearer {ingest_key}", "Content-Type": NINJS}
    with running_server(database.url, tmp_path / "server.log", workers=2) as server:
        until = datetime.now(UTC) + timedelta(seconds=2)
        posted = [
            httpx.post(f"{server.base_url}/v1/articles", content=ninjs_story(n, embargoed=until), headers=headers)
            for n in range(3)
        ]
        ids = {p.json()["id"] for p in posted}
        deadline = time.monotonic() + 20
        while {i["id"] for i in httpx.get(f"{server.base_url}/v1/articles").json()["items"]} != ids:
            assert time.monotonic() < deadline, "the stories were not released"
            time.sleep(0.2)
        released_at = datetime.now(UTC)
    assert released_at >= until
    # Woken at the release time (the poll cap is 5 s), not minutes later; slack for a loaded test machine.
    assert released_at - until < timedelta(seconds=12)
