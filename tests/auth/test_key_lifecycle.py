"""Keys expire when told to, record when they were last used (to the minute), show a prefix, and are revoked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from app.auth.keys import create_key, key_state, parse_expiry, require_binding
from app.auth.models import ApiKey
from app.db import Database, utcnow
from app.errors import InvalidRequest
from tests.auth.wire import token_for, wire_story

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def set_column(database: Database, token: str, **values: object) -> None:
    key_id = token.split("_")[1]
    with database.write_sessions.begin() as session:
        session.execute(update(ApiKey).where(ApiKey.id == key_id).values(**values))


def last_used(database: Database, token: str) -> datetime | None:
    with database.read_sessions() as session:
        return session.scalar(select(ApiKey.last_used_at).where(ApiKey.id == token.split("_")[1]))


def post_with(client: TestClient, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
    return client.post("/v1/articles", content=wire_story("PTI"), headers=headers).status_code


def test_an_expired_key_is_401_problem_saying_so(client: TestClient, database: Database) -> None:
    token = token_for(database, "ingest", agencies=["PTI"], expires_at=utcnow() + timedelta(hours=1))
    set_column(database, token, expires_at=utcnow() - timedelta(seconds=1))
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
    response = client.post("/v1/articles", content=wire_story("PTI"), headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert "expired" in response.json()["detail"]
    assert client.get("/v1/articles").json()["items"] == []


def test_a_key_before_its_expiry_works(client: TestClient, database: Database) -> None:
    token = token_for(database, "ingest", agencies=["PTI"], expires_at=utcnow() + timedelta(days=30))
    assert post_with(client, token) == 201


def test_a_use_is_recorded(client: TestClient, database: Database) -> None:
    token = token_for(database, "ingest", agencies=["PTI"])
    assert last_used(database, token) is None
    post_with(client, token)
    recorded = last_used(database, token)
    assert recorded is not None and utcnow() - recorded < timedelta(minutes=1)


def test_a_use_within_a_minute_of_the_last_is_not_written_again(client: TestClient, database: Database) -> None:
    token = token_for(database, "ingest", agencies=["PTI"])
    recent = utcnow() - timedelta(seconds=30)
    set_column(database, token, last_used_at=recent)
    post_with(client, token)
    assert last_used(database, token) == recent


def test_a_use_a_minute_after_the_last_is_written(client: TestClient, database: Database) -> None:
    token = token_for(database, "ingest", agencies=["PTI"])
    old = utcnow() - timedelta(minutes=2)
    set_column(database, token, last_used_at=old)
    post_with(client, token)
    recorded = last_used(database, token)
    assert recorded is not None and recorded > old + timedelta(minutes=1)


def test_the_prefix_is_the_start_of_the_token_and_not_a_key(client: TestClient, database: Database) -> None:
    with database.write_sessions.begin() as session:
        minted = create_key(session, scopes=["ingest"], agencies=["PTI"])
    assert minted.token.startswith(minted.row.prefix)
    assert len(minted.token) - len(minted.row.prefix) >= 39
    assert post_with(client, minted.row.prefix) == 401


def test_a_key_states_whether_it_is_active_revoked_or_expired(database: Database) -> None:
    with database.write_sessions.begin() as session:
        row = create_key(session, scopes=["read"], expires_at=NOW + timedelta(days=1)).row
        assert key_state(row, NOW) == "active"
        assert key_state(row, NOW + timedelta(days=2)) == "expired"
        row.revoked_at = NOW
        assert key_state(row, NOW) == "revoked"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", NOW + timedelta(days=30)),
        ("12h", NOW + timedelta(hours=12)),
        ("2w", NOW + timedelta(weeks=2)),
        ("2027-01-31", datetime(2027, 1, 31, tzinfo=UTC)),
        ("2027-01-31T06:00:00+05:30", datetime(2027, 1, 31, 0, 30, tzinfo=UTC)),
    ],
)
def test_expiry_is_a_span_or_an_iso_date(text: str, expected: datetime) -> None:
    assert parse_expiry(text, NOW) == expected


@pytest.mark.parametrize("text", ["soon", "30", "30y", "2027-13-01", "2027-01-31T06:00:00"])
def test_an_unreadable_expiry_is_a_400(text: str) -> None:
    with pytest.raises(InvalidRequest):
        parse_expiry(text, NOW)


def test_an_expiry_in_the_past_is_refused(database: Database) -> None:
    with database.write_sessions.begin() as session, pytest.raises(InvalidRequest):
        create_key(session, scopes=["read"], expires_at=utcnow() - timedelta(days=1))


def test_an_ingest_key_for_any_agency_must_be_asked_for_explicitly() -> None:
    with pytest.raises(InvalidRequest):
        require_binding(["ingest"], [], any_agency=False)
    with pytest.raises(InvalidRequest):
        require_binding(["ingest"], ["PTI"], any_agency=True)
    require_binding(["ingest"], [], any_agency=True)
    require_binding(["admin"], [], any_agency=False)
