"""Requests no app would send still get a specific 4xx problem, never a 500, on both databases."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from tests.factories import parsed_copy, store_copy


def forged_cursor(*position: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(position)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "url",
    [
        f"/v1/articles?cursor={forged_cursor('2024-01-01T00:00:00', 1)}",
        f"/v1/articles?cursor={forged_cursor('2024-01-01T00:00:00+00:00', 10**23)}",
        f"/v1/articles?cursor={forged_cursor('2024-01-01T00:00:00+00:00', True)}",
        "/v1/articles?cursor=WyIyMDI0LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgSW5maW5pdHld",
        "/v1/articles?since=9999-12-31T23:59:59-14:00",
        "/v1/articles?until=0001-01-01T00:00:00%2B14:00",
        "/v1/articles?agency=a%00b",
        "/v1/articles/a%00b",
    ],
)
def test_tampered_parameters_are_a_400_problem(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_a_version_number_beyond_any_integer_is_a_422_problem(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    response = client.get(f"/v1/articles/{article.id}/versions/9223372036854775808")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("cursor", ["99999999999999999999999", "²", "-1"])
def test_a_forged_rejections_cursor_is_a_400_problem(
    client: TestClient, admin_headers: dict[str, str], cursor: str
) -> None:
    assert client.get(f"/v1/rejections?cursor={cursor}", headers=admin_headers).status_code == 400


def test_a_long_content_type_does_not_lose_the_copy(client: TestClient, ingest_headers: dict[str, str]) -> None:
    headers = {**ingest_headers, "Content-Type": "text/plain; x=" + "a" * 300}
    response = client.post("/v1/articles", content=b"", headers=headers)
    assert response.status_code == 422
    assert response.json()["rejection_id"]


def test_the_link_header_is_not_built_from_the_host_header(client: TestClient, database: Database) -> None:
    store_copy(database, parsed_copy(1))
    store_copy(database, parsed_copy(2))
    response = client.get("/v1/articles?limit=1", headers={"Host": "evil.example"})
    assert response.headers["link"].startswith("</v1/articles?")
    assert "evil.example" not in response.headers["link"]


def test_a_weak_etag_from_a_proxy_still_gives_304(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    etag = client.get(f"/v1/articles/{article.id}").headers["etag"]
    response = client.get(f"/v1/articles/{article.id}", headers={"If-None-Match": f"W/{etag}"})
    assert response.status_code == 304


def test_ninjs_refused_with_q_zero_is_not_sent(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    accept = "application/json, application/ninjs+json;q=0"
    response = client.get(f"/v1/articles/{article.id}", headers={"Accept": accept})
    assert response.headers["content-type"] == "application/json"


def test_openapi_documents_every_422_as_problem_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if "422" in operation["responses"]:
                assert list(operation["responses"]["422"]["content"]) == ["application/problem+json"], (path, method)
    assert "HTTPValidationError" not in spec["components"]["schemas"]
