"""Embargoed copy is stored but not public — never listed, fetched, related or counted — until its time, when
the service publishes it by itself; copy whose embargo has passed is published at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from app.articles.embargoes import release_due, release_now, seconds_until_next
from app.articles.models import Article
from app.cli import cli
from app.config import get_settings
from app.db import Database
from tests.factories import parsed_copy, store_copy
from tests.intake.ninjs_copy import NINJS, ninjs_story


@pytest.fixture
def wire(ingest_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {ingest_key}", "Content-Type": NINJS}


def post(client: TestClient, wire: dict[str, str], data: bytes) -> httpx.Response:
    return client.post("/v1/articles", content=data, headers=wire)


def listed_ids(client: TestClient, query: str = "") -> list[str]:
    return [item["id"] for item in client.get(f"/v1/articles?limit=100{query}").json()["items"]]


def in_two_hours() -> datetime:
    return datetime.now(UTC) + timedelta(hours=2)


def test_embargoed_copy_is_accepted_with_202_and_says_embargoed(client: TestClient, wire: dict[str, str]) -> None:
    until = in_two_hours().replace(microsecond=0)
    answer = post(client, wire, ninjs_story(1, embargoed=until))
    assert answer.status_code == 202
    assert answer.headers["wirefeed-outcome"] == "embargoed"
    assert datetime.fromisoformat(answer.json()["embargoed"]) == until
    assert "location" not in answer.headers


def test_embargoed_copy_retried_with_its_idempotency_key_gets_the_first_answer(
    client: TestClient, wire: dict[str, str]
) -> None:
    headers = {**wire, "Idempotency-Key": "embargo-0001"}
    data = ninjs_story(1, embargoed=in_two_hours())
    first = client.post("/v1/articles", content=data, headers=headers)
    retry = client.post("/v1/articles", content=data, headers=headers)
    assert (retry.status_code, retry.headers["wirefeed-outcome"]) == (202, "embargoed")
    assert (retry.headers["idempotent-replayed"], retry.json()["id"]) == ("true", first.json()["id"])


def test_an_embargoed_story_is_fetched_as_if_it_did_not_exist(client: TestClient, wire: dict[str, str]) -> None:
    article_id = post(client, wire, ninjs_story(1, embargoed=in_two_hours())).json()["id"]
    for path in ("", "/versions", "/versions/1", "/related", "?format=ninjs"):
        response = client.get(f"/v1/articles/{article_id}{path}")
        assert response.status_code == 404, path
        assert response.json()["type"].endswith("/not-found")
        assert response.json()["detail"] == f"No article with id {article_id!r}."


def test_an_embargoed_story_is_never_listed_searched_or_counted(client: TestClient, wire: dict[str, str]) -> None:
    public = post(client, wire, ninjs_story(1)).json()
    post(client, wire, ninjs_story(2, embargoed=in_two_hours()))
    assert listed_ids(client) == [public["id"]]
    assert listed_ids(client, "&agency=Reuters") == [public["id"]]
    assert listed_ids(client, "&q=harbour") == [public["id"]]


def test_an_embargoed_story_is_never_related(client: TestClient, wire: dict[str, str]) -> None:
    public = post(client, wire, ninjs_story(1)).json()
    post(client, wire, ninjs_story(2, embargoed=in_two_hours()))
    assert client.get(f"/v1/articles/{public['id']}/related").json()["items"] == []


def test_copy_whose_embargo_has_passed_is_published_at_once(client: TestClient, wire: dict[str, str]) -> None:
    lifted = datetime.now(UTC) - timedelta(minutes=5)
    answer = post(client, wire, ninjs_story(1, embargoed=lifted))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (201, "created")
    assert client.get(f"/v1/articles/{answer.json()['id']}").status_code == 200
    assert listed_ids(client) == [answer.json()["id"]]


def test_at_its_time_an_embargoed_story_is_listed_served_and_related(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    until = in_two_hours()
    public = post(client, wire, ninjs_story(1)).json()
    held = post(client, wire, ninjs_story(2, embargoed=until)).json()
    with database.write_sessions.begin() as session:
        released = release_due(session, until)
    assert [a.id for a in released] == [held["id"]]
    assert client.get(f"/v1/articles/{held['id']}").status_code == 200
    assert set(listed_ids(client)) == {public["id"], held["id"]}
    related = client.get(f"/v1/articles/{public['id']}/related").json()["items"]
    assert [item["id"] for item in related] == [held["id"]]


def test_nothing_is_released_before_its_time(client: TestClient, wire: dict[str, str], database: Database) -> None:
    until = in_two_hours()
    post(client, wire, ninjs_story(1, embargoed=until))
    with database.write_sessions.begin() as session:
        assert release_due(session, until - timedelta(seconds=1)) == []


def test_a_release_happens_once_however_many_releasers_run(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    until = in_two_hours()
    for n in range(6):
        post(client, wire, ninjs_story(n, embargoed=until))
    released: list[str] = []
    start = threading.Barrier(4)

    def releaser() -> None:
        start.wait()
        with database.write_sessions.begin() as session:
            released.extend(a.id for a in release_due(session, until))

    threads = [threading.Thread(target=releaser) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(released) == len(set(released)) == 6
    assert len(listed_ids(client)) == 6


def test_the_service_publishes_at_release_time_with_no_request_needed(client: TestClient, wire: dict[str, str]) -> None:
    until = datetime.now(UTC) + timedelta(seconds=1.5)
    article_id = post(client, wire, ninjs_story(1, embargoed=until)).json()["id"]
    assert client.get(f"/v1/articles/{article_id}").status_code == 404
    deadline = time.monotonic() + 15
    while client.get(f"/v1/articles/{article_id}").status_code != 200:
        assert time.monotonic() < deadline, "the embargoed story was not released in time"
        time.sleep(0.2)
    assert datetime.now(UTC) >= until
    assert listed_ids(client) == [article_id]


def test_the_releaser_sleeps_until_the_next_release_and_no_longer_than_its_cap(database: Database) -> None:
    assert seconds_until_next(database, cap=5.0) == 5.0  # nothing waits
    now = datetime.now(UTC)
    store_copy(database, parsed_copy(1, embargoed=now + timedelta(seconds=20)), received_at=now)
    assert 10.0 < seconds_until_next(database, cap=60.0) <= 20.0  # the next release, not the cap
    assert seconds_until_next(database, cap=5.0) == 5.0  # never longer than the cap
    store_copy(database, parsed_copy(2, embargoed=now + timedelta(hours=1)), received_at=now)
    assert 10.0 < seconds_until_next(database, cap=60.0) <= 20.0  # the earliest of them


def test_a_new_text_that_moves_the_embargo_later_keeps_the_story_held(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    first = in_two_hours()
    article_id = post(client, wire, ninjs_story(1, embargoed=first)).json()["id"]
    later = first + timedelta(hours=1)
    answer = post(client, wire, ninjs_story(1, version=2, embargoed=later))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (202, "embargoed")
    with database.write_sessions.begin() as session:
        assert release_due(session, first + timedelta(minutes=1)) == []
        assert [a.id for a in release_due(session, later)] == [article_id]


def test_a_new_text_whose_embargo_has_passed_publishes_the_story(client: TestClient, wire: dict[str, str]) -> None:
    article_id = post(client, wire, ninjs_story(1, embargoed=in_two_hours())).json()["id"]
    lifted = datetime.now(UTC) - timedelta(minutes=1)
    answer = post(client, wire, ninjs_story(1, version=2, embargoed=lifted))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (200, "updated")
    assert client.get(f"/v1/articles/{article_id}").json()["version"] == 2


def test_a_new_text_without_an_embargo_never_breaks_the_stored_one(client: TestClient, wire: dict[str, str]) -> None:
    article_id = post(client, wire, ninjs_story(1, embargoed=in_two_hours())).json()["id"]
    answer = post(client, wire, ninjs_story(1, version=2))
    assert answer.headers["wirefeed-outcome"] == "embargoed"
    assert client.get(f"/v1/articles/{article_id}").status_code == 404


def test_embargoed_copy_dated_at_its_release_days_ahead_is_not_refused_as_far_future(
    client: TestClient, wire: dict[str, str]
) -> None:
    release = datetime.now(UTC) + timedelta(days=3)
    answer = post(client, wire, ninjs_story(1, embargoed=release, filed=release))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (202, "embargoed")


def test_an_embargoed_story_without_a_stated_time_is_listed_from_its_release(database: Database) -> None:
    now = datetime.now(UTC)
    until = now + timedelta(hours=1)
    copy = parsed_copy(1, published_at=None, embargoed=until)
    article = store_copy(database, copy, received_at=now).article
    assert (article.status, article.sort_at) == ("embargoed", until)


@pytest.fixture
def run(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("WIREFEED_DATABASE_URL", database.url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_the_release_command_publishes_what_is_due_for_cron(run: CliRunner, database: Database) -> None:
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    due = parsed_copy(1, embargoed=an_hour_ago + timedelta(minutes=30))  # due half an hour ago
    waiting = parsed_copy(2, embargoed=datetime.now(UTC) + timedelta(hours=1))
    due_id = store_copy(database, due, received_at=an_hour_ago).article.id
    store_copy(database, waiting, received_at=an_hour_ago)
    result = run.invoke(cli, ["embargoes", "release"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"released {due_id}", "released=1"]
    assert run.invoke(cli, ["embargoes", "release"]).output.splitlines() == ["released=0"]
    with database.read_sessions() as session:
        statuses = {row.id: row.status for row in session.execute(select(Article.id, Article.status))}
    assert sorted(statuses.values()) == ["embargoed", "live"]
    assert statuses[due_id] == "live"


def test_release_now_reads_before_it_writes_and_releases_nothing_early(database: Database) -> None:
    now = datetime.now(UTC)
    store_copy(database, parsed_copy(1, embargoed=now + timedelta(hours=1)), received_at=now)
    assert release_now(database) == []
