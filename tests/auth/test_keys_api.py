"""`/v1/keys`: global admins list, create and revoke keys over HTTP; the token is shown once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from app.auth.models import ApiKey
from app.db import Database, utcnow
from tests.auth.wire import headers_for, token_for, wire_story


@pytest.fixture
def root(database: Database) -> dict[str, str]:
    return {"Authorization": headers_for(database, "admin")["Authorization"]}


def test_a_global_admin_creates_a_key_that_works_at_once(client: TestClient, root: dict[str, str]) -> None:
    created = client.post(
        "/v1/keys", json={"scopes": ["ingest"], "agencies": ["pti"], "label": "pti feed"}, headers=root
    )
    assert created.status_code == 201, created.text
    assert created.headers["cache-control"] == "no-store"
    key = created.json()
    assert (key["agencies"], key["scopes"], key["state"], key["label"]) == (["PTI"], ["ingest"], "active", "pti feed")
    assert key["token"].startswith(key["prefix"])
    headers = {"Authorization": f"Bearer {key['token']}", "Content-Type": "text/plain"}
    assert client.post("/v1/articles", content=wire_story("PTI"), headers=headers).status_code == 201


def test_the_list_shows_prefixes_and_never_a_token(client: TestClient, root: dict[str, str]) -> None:
    token = client.post("/v1/keys", json={"scopes": ["read"]}, headers=root).json()["token"]
    listed = client.get("/v1/keys", headers=root)
    assert listed.status_code == 200
    assert token not in listed.text and token.split("_", 2)[2] not in listed.text
    assert all("token" not in item and item["prefix"].startswith("wf_") for item in listed.json()["items"])


def test_an_ingest_key_with_no_agency_needs_any_agency_said_explicitly(
    client: TestClient, root: dict[str, str]
) -> None:
    refused = client.post("/v1/keys", json={"scopes": ["ingest"]}, headers=root)
    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"
    allowed = client.post("/v1/keys", json={"scopes": ["ingest"], "any_agency": True}, headers=root)
    assert (allowed.status_code, allowed.json()["agencies"]) == (201, [])


def test_an_expiry_is_set_from_a_span(client: TestClient, root: dict[str, str]) -> None:
    key = client.post("/v1/keys", json={"scopes": ["read"], "expires": "30d"}, headers=root).json()
    assert key["expires_at"] is not None


@pytest.mark.parametrize(
    "body",
    [{"scopes": []}, {"scopes": ["root"]}, {"scopes": ["read"], "expires": "later"}, {"scopes": ["read"], "x": 1}],
    ids=["no-scope", "unknown-scope", "bad-expiry", "unknown-field"],
)
def test_a_malformed_key_request_is_a_4xx_problem(client: TestClient, root: dict[str, str], body: object) -> None:
    response = client.post("/v1/keys", json=body, headers=root)
    assert response.status_code in (400, 422)
    assert response.headers["content-type"] == "application/problem+json"


def test_a_revoked_key_stops_working_at_once(client: TestClient, root: dict[str, str]) -> None:
    key = client.post("/v1/keys", json={"scopes": ["ingest"], "agencies": ["PTI"]}, headers=root).json()
    revoked = client.post(f"/v1/keys/{key['id']}/revoke", headers=root)
    assert (revoked.status_code, revoked.json()["state"]) == (200, "revoked")
    headers = {"Authorization": f"Bearer {key['token']}", "Content-Type": "text/plain"}
    assert client.post("/v1/articles", content=wire_story("PTI"), headers=headers).status_code == 401


def test_revoking_an_unknown_key_is_404(client: TestClient, root: dict[str, str]) -> None:
    assert client.post("/v1/keys/000000000000/revoke", headers=root).status_code == 404


@pytest.mark.parametrize("scope", ["ingest", "read"])
def test_keys_without_admin_cannot_manage_keys(client: TestClient, database: Database, scope: str) -> None:
    headers = {"Authorization": headers_for(database, scope, agencies=["PTI"])["Authorization"]}
    assert client.get("/v1/keys", headers=headers).status_code == 403
    assert client.post("/v1/keys", json={"scopes": ["admin"]}, headers=headers).status_code == 403


def test_managing_keys_needs_a_key(client: TestClient) -> None:
    assert client.get("/v1/keys").status_code == 401


def test_an_expired_admin_key_cannot_manage_keys(client: TestClient, database: Database) -> None:
    token = token_for(database, "admin", expires_at=utcnow() + timedelta(hours=1))
    with database.write_sessions.begin() as session:
        session.execute(update(ApiKey).values(expires_at=utcnow() - timedelta(seconds=1)))
    response = client.get("/v1/keys", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
