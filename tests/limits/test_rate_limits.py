"""Request rates per client address and per API key, failed keys counted more strictly: 429 problem+json with
Retry-After, in-process and through Redis (shared by every worker)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.server import running_server

REDIS_URL = os.environ.get("WIREFEED_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI", "").lower() == "true"
GENEROUS = {"rate_per_address": 6000, "rate_per_address_burst": 1000, "rate_per_key": 6000, "rate_per_key_burst": 1000}


@pytest.fixture(params=["in-process", "redis"])
def limiter_settings(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Settings]:
    if request.param == "in-process":
        yield settings
        return
    prefix = f"wirefeed-test:{uuid.uuid4().hex[:12]}:"
    yield settings.model_copy(update={"redis_url": redis_available(), "redis_prefix": prefix})
    with redis.Redis.from_url(REDIS_URL) as connection:
        for key in connection.scan_iter(match=prefix + "*"):
            connection.delete(key)


def redis_available() -> str:
    try:
        with redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1) as connection:
            connection.ping()
    except redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REDIS_URL}: {exc} (CI=true: the Redis tests must run)")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {exc}")
    return REDIS_URL


def limited(settings: Settings, **limits: int) -> TestClient:
    return TestClient(create_app(settings.model_copy(update={**GENEROUS, **limits})), raise_server_exceptions=False)


def assert_too_many(response: httpx.Response, why: str) -> None:
    assert response.status_code == 429
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1
    assert why in response.json()["detail"]


def test_the_defaults_do_not_throttle_normal_use() -> None:
    defaults = Settings()
    assert defaults.rate_per_address >= 1000 and defaults.rate_per_address_burst >= 1000
    assert defaults.rate_per_key >= 1000 and defaults.rate_auth_failures >= 10
    assert defaults.redis_url == ""


def test_requests_past_the_address_burst_are_429_with_retry_after(
    limiter_settings: Settings, database: Database
) -> None:
    with limited(limiter_settings, rate_per_address=60, rate_per_address_burst=3) as client:
        answers = [client.get("/healthz") for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert_too_many(answers[3], "from this address")
    assert answers[3].headers["retry-after"] == "1"  # 60 a minute: the next one is free within a second


def test_each_api_key_has_its_own_allowance(
    limiter_settings: Settings, database: Database, ingest_key: str, admin_key: str
) -> None:
    with limited(limiter_settings, rate_per_key=1, rate_per_key_burst=2) as client:
        first = [client.get("/v1/articles", headers={"Authorization": f"Bearer {ingest_key}"}) for _ in range(3)]
        other = client.get("/v1/articles", headers={"Authorization": f"Bearer {admin_key}"})
        anonymous = client.get("/v1/articles")
    assert [a.status_code for a in first[:2]] == [200, 200]
    assert_too_many(first[2], "with this API key")
    assert int(first[2].headers["retry-after"]) > 30  # one a minute
    assert other.status_code == 200 and anonymous.status_code == 200


def test_failed_keys_are_counted_more_strictly_and_then_even_a_good_key_waits(
    limiter_settings: Settings, database: Database, ingest_headers: dict[str, str]
) -> None:
    wrong = {"Authorization": "Bearer wf_guessed_key", "Content-Type": "text/plain"}
    with limited(limiter_settings, rate_auth_failures=1, rate_auth_failures_burst=3) as client:
        guesses = [client.post("/v1/articles", content=b"x", headers=wrong) for _ in range(4)]
        good = client.post("/v1/articles", content=b"x", headers=ingest_headers)
        reads = client.get("/v1/articles")
    assert [g.status_code for g in guesses[:3]] == [401, 401, 401]
    assert_too_many(guesses[3], "failed API keys")
    assert_too_many(good, "failed API keys")
    assert reads.status_code == 200  # reads without a key go on


def test_a_request_without_any_key_is_not_a_failed_key(limiter_settings: Settings, database: Database) -> None:
    with limited(limiter_settings, rate_auth_failures=1, rate_auth_failures_burst=2) as client:
        answers = [client.post("/v1/articles", content=b"x", headers={"Content-Type": "text/plain"}) for _ in range(5)]
    assert {a.status_code for a in answers} == {401}


def test_a_limit_set_to_zero_is_off(limiter_settings: Settings, database: Database) -> None:
    with limited(limiter_settings, rate_per_address=0, rate_per_address_burst=1) as client:
        assert {client.get("/healthz").status_code for _ in range(20)} == {200}


def test_when_redis_stops_answering_requests_are_still_served(settings: Settings, database: Database) -> None:
    unreachable = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    with limited(unreachable, rate_per_address=1, rate_per_address_burst=1) as client:
        assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.process
def test_two_worker_processes_share_one_limit_through_redis(database: Database, tmp_path: Path) -> None:
    prefix = f"wirefeed-test:{uuid.uuid4().hex[:12]}:"
    env = {
        "WIREFEED_REDIS_URL": redis_available(),
        "WIREFEED_REDIS_PREFIX": prefix,
        "WIREFEED_RATE_PER_ADDRESS": "1",
        "WIREFEED_RATE_PER_ADDRESS_BURST": "10",
    }
    with running_server(database.url, tmp_path / "server.log", workers=2, env=env) as server:
        # The readiness probe spent one; a fresh address (uvicorn trusts X-Forwarded-For from 127.0.0.1) has 10.
        def one(_: int) -> int:
            headers = {"X-Forwarded-For": "203.0.113.7", "Connection": "close"}
            return httpx.get(f"{server.base_url}/healthz", headers=headers, timeout=10).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(one, range(40)))
    with redis.Redis.from_url(REDIS_URL) as connection:
        for key in connection.scan_iter(match=prefix + "*"):
            connection.delete(key)
    assert statuses.count(200) == 10
    assert statuses.count(429) == 30
