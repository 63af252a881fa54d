"""Uploads are read as they stream: refused at the limit with nothing more read, oversize copy kept only as a
capped prefix, slow uploads cut off, and the connection closed when an answer leaves an upload unread."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.intake.service import Delivery, ingest
from app.main import create_app
from app.rejections import repository as rejections_repository
from tests.corpus import raw

LIMIT = 10_000
KEEP = 1_000
BIG = b"The agency's copy repeats itself because the feed looped.\n" * 1_000  # 58,000 bytes


@pytest.fixture
def strict_client(settings: Settings, database: Database) -> Iterator[TestClient]:
    strict = settings.model_copy(update={"max_copy_bytes": LIMIT, "quarantine_prefix_bytes": KEEP})
    with TestClient(create_app(strict), raise_server_exceptions=False) as test_client:
        yield test_client


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_copy_declared_over_the_limit_is_413_and_only_its_prefix_is_read_and_kept(
    strict_client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    response = strict_client.post("/v1/articles", content=BIG, headers=ingest_headers)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert "58,000 bytes" in problem["detail"] and "10,000" in problem["detail"]
    kept = strict_client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin_headers).json()
    assert (kept["truncated"], kept["declared_size"], kept["size"]) == (True, len(BIG), KEEP)
    assert kept["sha256"] == sha256(BIG[:KEEP])
    raw_kept = strict_client.get(f"/v1/rejections/{problem['rejection_id']}/raw", headers=admin_headers)
    assert raw_kept.content == BIG[:KEEP]


def test_chunked_copy_is_read_to_one_byte_past_the_limit_and_no_further(
    strict_client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    chunks = iter([BIG[i : i + 4096] for i in range(0, len(BIG), 4096)])
    response = strict_client.post("/v1/articles", content=chunks, headers=ingest_headers)
    assert response.status_code == 413
    assert "more than" in response.json()["detail"]
    kept = strict_client.get(f"/v1/rejections/{response.json()['rejection_id']}", headers=admin_headers).json()
    assert (kept["truncated"], kept["declared_size"], kept["size"]) == (True, None, LIMIT + 1)
    assert kept["sha256"] == sha256(BIG[: LIMIT + 1])
    raw_kept = strict_client.get(f"/v1/rejections/{response.json()['rejection_id']}/raw", headers=admin_headers)
    assert raw_kept.content == BIG[:KEEP]


def test_copy_exactly_at_the_limit_is_read_whole(
    settings: Settings, database: Database, ingest_headers: dict[str, str]
) -> None:
    story = raw("d000")
    exact = settings.model_copy(update={"max_copy_bytes": len(story)})
    with TestClient(create_app(exact)) as exact_client:
        assert exact_client.post("/v1/articles", content=story, headers=ingest_headers).status_code == 201


def test_a_kept_prefix_is_never_replayed_as_if_it_were_the_copy(
    strict_client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    problem = strict_client.post("/v1/articles", content=BIG, headers=ingest_headers).json()
    replayed = strict_client.post(f"/v1/rejections/{problem['rejection_id']}/replay", headers=admin_headers)
    assert replayed.status_code == 413
    assert strict_client.get("/v1/articles").json()["items"] == []


def test_oversize_copy_from_the_command_line_is_kept_as_a_capped_prefix_too(
    settings: Settings, database: Database
) -> None:
    strict = settings.model_copy(update={"max_copy_bytes": LIMIT, "quarantine_prefix_bytes": KEEP})
    result = ingest(database, strict, Delivery(data=BIG, content_type="text/plain", source="cli"))
    assert result.status_code == 413 and result.rejection_id is not None
    with database.read_sessions() as session:
        rejection = rejections_repository.get_by_id(session, result.rejection_id)
        assert rejection is not None
        kept = rejection.raw_copy
        assert (kept.data, kept.size, kept.sha256, kept.truncated) == (BIG[:KEEP], len(BIG), sha256(BIG), True)


def test_a_401_before_the_upload_was_read_closes_the_connection(strict_client: TestClient) -> None:
    unauthorised = strict_client.post("/v1/articles", content=BIG, headers={"Content-Type": "text/plain"})
    assert unauthorised.status_code == 401 and unauthorised.headers["connection"] == "close"


def test_an_answer_after_the_whole_body_was_read_keeps_the_connection(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    response = client.post("/v1/articles", content=raw("d000"), headers=ingest_headers)
    assert response.status_code == 201
    assert "connection" not in response.headers
