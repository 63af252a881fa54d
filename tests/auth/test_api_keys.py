"""API keys: POST needs a bearer key with the ingest scope; keys are stored hashed; reads are open."""

from __future__ import annotations

import hashlib

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.auth.keys import create_key, revoke_key
from app.auth.models import ApiKey
from app.db import Database

STORY = b"New Delhi, Dec 1 (PTI) A short story.\n"


def test_post_without_a_key_is_401_problem(client: TestClient) -> None:
    response = client.post("/v1/articles", content=STORY, headers={"Content-Type": "text/plain"})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_with_an_unknown_key_is_401(client: TestClient) -> None:
    headers = {"Authorization": "Bearer wf_000000000000_nope", "Content-Type": "text/plain"}
    assert client.post("/v1/articles", content=STORY, headers=headers).status_code == 401


def test_post_with_a_key_lacking_the_ingest_scope_is_403_problem(client: TestClient, admin_key: str) -> None:
    headers = {"Authorization": f"Bearer {admin_key}", "Content-Type": "text/plain"}
    response = client.post("/v1/articles", content=STORY, headers=headers)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "ingest" in response.json()["detail"]


def test_a_revoked_key_is_401(client: TestClient, database: Database) -> None:
    with database.write_sessions.begin() as session:
        minted = create_key(session, agency="PTI", scopes=["ingest"])
    with database.write_sessions.begin() as session:
        revoke_key(session, minted.row.id)
    headers = {"Authorization": f"Bearer {minted.token}", "Content-Type": "text/plain"}
    assert client.post("/v1/articles", content=STORY, headers=headers).status_code == 401


def test_keys_are_stored_hashed_never_in_clear(database: Database) -> None:
    with database.write_sessions.begin() as session:
        minted = create_key(session, agency="IANS", scopes=["ingest"])
    secret = minted.token.removeprefix(f"wf_{minted.row.id}_")
    with database.read_sessions() as session:
        row = session.scalars(select(ApiKey)).one()
        stored = [str(value) for value in session.execute(select(ApiKey.__table__)).one()]
    assert row.secret_hash == "sha256:" + hashlib.sha256(secret.encode()).hexdigest()
    assert not [value for value in stored if secret in value or minted.token in value]


def test_reads_need_no_key(client: TestClient) -> None:
    assert client.get("/v1/articles").status_code == 200
