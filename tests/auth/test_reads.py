"""Reads are open by default; WIREFEED_READS_NEED_KEY=true makes every read need a `read` (or `admin`) key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.auth.wire import headers_for, token_for, wire_story

READS = (
    "/v1/articles",
    "/v1/articles/{id}",
    "/v1/articles/{id}/versions",
    "/v1/articles/{id}/versions/1",
    "/v1/articles/{id}/related",
)


@pytest.fixture
def private(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"reads_need_key": True}))) as test_client:
        yield test_client


@pytest.fixture
def article_id(client: TestClient, database: Database) -> str:
    response = client.post(
        "/v1/articles", content=wire_story("PTI"), headers=headers_for(database, "ingest", agencies=["PTI"])
    )
    article_id: str = response.json()["id"]
    return article_id


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("path", READS)
def test_reads_are_open_by_default(client: TestClient, article_id: str, path: str) -> None:
    assert client.get(path.format(id=article_id)).status_code == 200


@pytest.mark.parametrize("path", READS)
def test_a_private_deployment_answers_reads_without_a_key_with_401(
    private: TestClient, article_id: str, path: str
) -> None:
    response = private.get(path.format(id=article_id))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("path", READS)
def test_a_private_deployment_serves_reads_to_a_read_key(
    private: TestClient, database: Database, article_id: str, path: str
) -> None:
    assert private.get(path.format(id=article_id), headers=bearer(token_for(database, "read"))).status_code == 200


def test_a_private_deployment_serves_reads_to_an_admin_key(
    private: TestClient, database: Database, article_id: str
) -> None:
    assert private.get(f"/v1/articles/{article_id}", headers=bearer(token_for(database, "admin"))).status_code == 200


def test_head_is_a_read_too(private: TestClient, database: Database, article_id: str) -> None:
    assert private.head(f"/v1/articles/{article_id}").status_code == 401
    assert private.head(f"/v1/articles/{article_id}", headers=bearer(token_for(database, "read"))).status_code == 200


def test_an_ingest_key_alone_does_not_read_a_private_deployment(private: TestClient, database: Database) -> None:
    response = private.get("/v1/articles", headers=bearer(token_for(database, "ingest", agencies=["PTI"])))
    assert response.status_code == 403
    assert "read" in response.json()["detail"]


@pytest.mark.parametrize("token", ["wf_000000000000_nope", "not-a-key"])
def test_an_unknown_key_does_not_read_a_private_deployment(private: TestClient, token: str) -> None:
    assert private.get("/v1/articles", headers=bearer(token)).status_code == 401


def test_operations_stay_open_in_a_private_deployment(private: TestClient) -> None:
    for path in ("/healthz", "/readyz", "/openapi.json", "/docs"):
        assert private.get(path).status_code == 200, path


def test_writes_in_a_private_deployment_still_need_only_ingest(private: TestClient, database: Database) -> None:
    headers = headers_for(database, "ingest", agencies=["PTI"])
    assert private.post("/v1/articles", content=wire_story("PTI"), headers=headers).status_code == 201


def test_the_spec_says_reads_need_a_key_only_where_they_do(client: TestClient, private: TestClient) -> None:
    open_spec = client.get("/openapi.json").json()["paths"]["/v1/articles"]["get"]
    private_spec = private.get("/openapi.json").json()["paths"]["/v1/articles"]["get"]
    assert "401" not in open_spec["responses"] and "security" not in open_spec
    assert {"401", "403"} <= set(private_spec["responses"]) and private_spec["security"] == [{"HTTPBearer": []}]
