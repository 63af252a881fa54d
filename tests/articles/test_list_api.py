"""GET /v1/articles: newest first, keyset pagination, filters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from tests.factories import parsed_copy, store_copy, store_many


def test_pages_through_250_articles_each_exactly_once_newest_first(client: TestClient, database: Database) -> None:
    stored = store_many(database, 250)
    seen: list[str] = []
    times: list[datetime] = []
    url: str | None = "/v1/articles?limit=20"
    pages = 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        assert len(body["items"]) <= 20
        seen += [item["id"] for item in body["items"]]
        times += [datetime.fromisoformat(item["published_at"]) for item in body["items"]]
        pages += 1
        url = f"/v1/articles?limit=20&cursor={body['next_cursor']}" if body["next_cursor"] else None
    assert pages == 13
    assert sorted(seen) == sorted(a.id for a in stored)
    assert len(set(seen)) == 250
    assert times == sorted(times, reverse=True)


def test_next_page_is_announced_in_a_link_header(client: TestClient, database: Database) -> None:
    store_many(database, 3)
    response = client.get("/v1/articles?limit=2")
    cursor = response.json()["next_cursor"]
    assert cursor
    assert response.headers["link"].endswith(f'cursor={cursor}>; rel="next"')


def test_last_page_has_no_cursor_and_no_link(client: TestClient, database: Database) -> None:
    store_many(database, 2)
    response = client.get("/v1/articles?limit=5")
    assert response.json()["next_cursor"] is None
    assert "link" not in response.headers


def test_an_article_stored_between_pages_does_not_shift_the_next_page(client: TestClient, database: Database) -> None:
    store_many(database, 4)
    first = client.get("/v1/articles?limit=2").json()
    store_copy(database, parsed_copy(99, published_at=datetime(2025, 6, 1, tzinfo=UTC)))
    second = client.get(f"/v1/articles?limit=2&cursor={first['next_cursor']}").json()
    first_ids = {i["id"] for i in first["items"]}
    assert not first_ids & {i["id"] for i in second["items"]}
    assert len(second["items"]) == 2


def test_filters_by_agency_case_insensitively(client: TestClient, database: Database) -> None:
    store_copy(database, parsed_copy(1, agency="Reuters"))
    store_copy(database, parsed_copy(2, agency="PTI"))
    items = client.get("/v1/articles?agency=reuters").json()["items"]
    assert [i["agency"] for i in items] == ["Reuters"]


def test_filters_by_language_and_category(client: TestClient, database: Database) -> None:
    store_copy(database, parsed_copy(1, language="hi", category="Business"))
    store_copy(database, parsed_copy(2, language="en", category="Business"))
    store_copy(database, parsed_copy(3, language="en", category="Sports"))
    assert len(client.get("/v1/articles?language=hi").json()["items"]) == 1
    assert len(client.get("/v1/articles?category=Business").json()["items"]) == 2


def test_filters_by_since_and_until(client: TestClient, database: Database) -> None:
    for n, day in ((1, 1), (2, 2), (3, 3)):
        store_copy(database, parsed_copy(n, published_at=datetime(2024, 12, day, 12, tzinfo=UTC)))
    response = client.get("/v1/articles", params={"since": "2024-12-02T00:00:00+00:00", "until": "2024-12-03T00:00Z"})
    assert [i["published_at"][:10] for i in response.json()["items"]] == ["2024-12-02"]


def test_since_without_an_offset_is_a_400_problem(client: TestClient) -> None:
    response = client.get("/v1/articles?since=2024-12-02T00:00:00")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("limit", [0, 101, "ten"])
def test_limit_out_of_range_is_a_422_problem(client: TestClient, limit: object) -> None:
    response = client.get(f"/v1/articles?limit={limit}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "limit" in response.json()["detail"]


def test_a_forged_cursor_is_a_400_problem(client: TestClient) -> None:
    response = client.get("/v1/articles?cursor=not-a-cursor")
    assert response.status_code == 400
    assert response.json()["type"].endswith("/invalid-request")


def test_offsets_printed_by_the_copy_are_kept(client: TestClient, database: Database) -> None:
    published = datetime.fromisoformat("2024-12-01T10:40:00+05:30")
    store_copy(database, parsed_copy(1, published_at=published))
    item = client.get("/v1/articles").json()["items"][0]
    assert item["published_at"] == "2024-12-01T10:40:00+05:30"


def test_articles_stated_at_the_same_moment_are_each_listed_exactly_once(
    client: TestClient, database: Database
) -> None:
    same_moment = datetime(2024, 12, 1, 10, 40, tzinfo=UTC)
    stored = [store_copy(database, parsed_copy(n, published_at=same_moment)).article for n in range(45)]
    seen: list[str] = []
    cursor = ""
    while True:
        body = client.get(f"/v1/articles?limit=7{cursor}").json()
        seen += [item["id"] for item in body["items"]]
        if not body["next_cursor"]:
            break
        cursor = f"&cursor={body['next_cursor']}"
    assert sorted(seen) == sorted(a.id for a in stored)
    assert len(seen) == len(set(seen)) == 45
