"""No secret in any log line or error body: not the API key, not its hash, not a statement's parameters."""

from __future__ import annotations

import hashlib
import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.auth import dependencies
from app.config import Settings
from app.db import Database
from app.main import create_app

SECRET_LOOKING = "wf_" + "s3cr3t" * 6


def test_no_key_appears_in_any_answer_or_log_line(
    client: TestClient, ingest_key: str, admin_key: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sent = [
        client.post("/v1/articles", content=b"x", headers={"Authorization": f"Bearer {SECRET_LOOKING}"}),
        client.post("/v1/articles", content=b"", headers={"Authorization": f"Bearer {ingest_key}"}),
        client.get("/v1/rejections", headers={"Authorization": f"Bearer {ingest_key}"}),
        client.get("/v1/articles?limit=0", headers={"Authorization": f"Bearer {admin_key}"}),
        client.get("/v1/articles/nope", headers={"Authorization": f"Bearer {admin_key}"}),
        client.delete("/v1/articles", headers={"Authorization": f"Bearer {admin_key}"}),
    ]
    assert [r.status_code for r in sent] == [401, 422, 403, 422, 404, 405]
    for token in (SECRET_LOOKING, ingest_key, admin_key):
        digest = hashlib.sha256(token.encode()).hexdigest()
        for response in sent:
            assert token not in response.text and digest not in response.text
        assert token not in caplog.text and digest not in caplog.text


def test_a_429_names_no_key(settings: Settings, database: Database, ingest_key: str) -> None:
    tight = settings.model_copy(update={"rate_per_key": 1, "rate_per_key_burst": 1})
    with TestClient(create_app(tight)) as tight_client:
        headers = {"Authorization": f"Bearer {ingest_key}"}
        tight_client.get("/v1/articles", headers=headers)
        refused = tight_client.get("/v1/articles", headers=headers)
    assert refused.status_code == 429
    assert ingest_key not in refused.text and ingest_key[:12] not in refused.text


def test_a_database_error_is_logged_without_the_statement_or_its_parameters(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def database_down(session: object, token: str) -> None:
        raise OperationalError("SELECT * FROM api_keys WHERE hash = ?", {"hash": "deadbeef" * 8}, Exception("gone"))

    monkeypatch.setattr(dependencies, "verify_token", database_down)
    response = client.post("/v1/articles", content=b"x", headers={"Authorization": f"Bearer {SECRET_LOOKING}"})
    assert response.status_code == 503
    assert "deadbeef" not in caplog.text and "api_keys" not in caplog.text
    assert "OperationalError: gone" in caplog.text
    assert "deadbeef" not in response.text and SECRET_LOOKING not in response.text
