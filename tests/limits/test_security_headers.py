"""Every answer says: no MIME sniffing, no referrer, load nothing; /docs may load its own assets and nothing
else; cross-origin reads only for the configured origins."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app

STRICT = "default-src 'none'; frame-ancestors 'none'"


def assert_hardened(response: httpx.Response) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["content-security-policy"].startswith(STRICT)


def test_json_answers_carry_the_security_headers(client: TestClient) -> None:
    assert_hardened(client.get("/v1/articles"))
    assert_hardened(client.get("/healthz"))


def test_problem_answers_carry_them_too(client: TestClient, ingest_headers: dict[str, str]) -> None:
    assert_hardened(client.get("/v1/articles/nope"))
    assert_hardened(client.post("/v1/articles", content=b"", headers={"Content-Type": "text/plain"}))
    assert_hardened(client.delete("/v1/articles"))


def test_a_429_from_the_rate_limiter_carries_them(settings: Settings, database: Database) -> None:
    tight = settings.model_copy(update={"rate_per_address": 1, "rate_per_address_burst": 1})
    with TestClient(create_app(tight)) as tight_client:
        tight_client.get("/healthz")
        refused = tight_client.get("/healthz")
    assert refused.status_code == 429
    assert_hardened(refused)


def test_the_docs_page_may_run_its_own_scripts_and_nothing_else(client: TestClient) -> None:
    page = client.get("/docs")
    policy = dict(part.strip().split(" ", 1) for part in page.headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in inline}
    assert inline and set(policy["script-src"].split()) == {"'self'", *hashes}
    assert "unsafe-eval" not in page.headers["content-security-policy"]
    for asset in re.findall(r'(?:src|href)="(/[^"]+)"', page.text):  # every asset same-origin and served
        assert client.get(asset).status_code == 200, asset
    assert policy["connect-src"] == "'self'"  # the spec and "Try it out" go to this service only


def test_cross_origin_reads_are_off_by_default(client: TestClient) -> None:
    response = client.get("/v1/articles", headers={"Origin": "https://app.example"})
    assert "access-control-allow-origin" not in response.headers


@pytest.fixture
def cors_client(settings: Settings, database: Database) -> Iterator[TestClient]:
    allowing = settings.model_copy(update={"cors_origins": ["https://app.example"]})
    with TestClient(create_app(allowing)) as test_client:
        yield test_client


def test_an_allowed_origin_may_read(cors_client: TestClient) -> None:
    response = cors_client.get("/v1/articles", headers={"Origin": "https://app.example"})
    assert response.headers["access-control-allow-origin"] == "https://app.example"
    preflight = cors_client.options(
        "/v1/articles", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 200
    assert set(preflight.headers["access-control-allow-methods"].replace(" ", "").split(",")) == {"GET", "HEAD"}


def test_an_allowed_origin_may_not_write(cors_client: TestClient) -> None:
    preflight = cors_client.options(
        "/v1/articles", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 400
    assert "POST" not in preflight.headers.get("access-control-allow-methods", "")


def test_an_origin_not_listed_may_not_read(cors_client: TestClient) -> None:
    response = cors_client.get("/v1/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_the_allowlist_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREFEED_CORS_ORIGINS", '["https://app.example", "https://m.app.example"]')
    assert Settings().cors_origins == ["https://app.example", "https://m.app.example"]


def test_a_500_carries_them_too(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.articles import endpoints

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(endpoints.repository, "list_page", broken)
    response = client.get("/v1/articles")
    assert response.status_code == 500
    assert_hardened(response)
