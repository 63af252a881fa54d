"""Request rates per client address and per API key, and failed authentication counted more strictly.

Each limit is a GCRA (generic cell rate algorithm, the token bucket as one timestamp per client): a rate a
minute and a burst. In-process by default (one table per worker process); with `WIREFEED_REDIS_URL` set
the timestamps live in Redis and one Lua script checks and updates each atomically, so every worker and
host shares the limit. If Redis stops answering the limits are not applied (logged once a minute): an
outage of the limiter must not become an outage of the service.

Three limits, checked before the request reaches the application:
  address        every request, keyed by the client address
  key            requests carrying a bearer token, keyed by the token's hash (before it is looked up)
  auth-failures  requests that carried a token and were answered 401, per address; once spent, every
                 request that carries a token from that address is answered 429 without being looked up
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from dataclasses import dataclass
from typing import Any, Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.errors import RateLimited
from app.problems import PROBLEM_MEDIA_TYPE

log = logging.getLogger("wirefeed.limits")


@dataclass(frozen=True)
class Rate:
    per_minute: int
    burst: int

    @property
    def interval_ms(self) -> float:
        return 60_000 / self.per_minute

    @property
    def tolerance_ms(self) -> float:
        return self.interval_ms * self.burst


class Limiter(Protocol):
    async def take(self, key: str, rate: Rate) -> float:
        """Spend one request from `key`'s allowance: 0 if allowed, else the seconds until one is free."""
        ...

    async def exhausted(self, key: str, rate: Rate) -> float:
        """Without spending: 0 if `key` could spend one now, else the seconds until it can."""
        ...


def _gcra(tat: float | None, now: float, rate: Rate) -> tuple[float, float]:
    """(new theoretical arrival time, wait in ms): the request is allowed when the wait is 0."""
    start = max(tat if tat is not None else now, now)
    new_tat = start + rate.interval_ms
    wait = new_tat - rate.tolerance_ms - now
    return new_tat, max(wait, 0.0)


class LocalLimiter:
    """One worker's own table of theoretical arrival times; stale entries are swept as it grows."""

    SWEEP_AT = 50_000

    def __init__(self) -> None:
        self._tats: dict[str, float] = {}

    @staticmethod
    def _now() -> float:
        return time.monotonic() * 1000

    async def take(self, key: str, rate: Rate) -> float:
        now = self._now()
        new_tat, wait = _gcra(self._tats.get(key), now, rate)
        if wait > 0:
            return wait / 1000
        self._tats[key] = new_tat
        if len(self._tats) > self.SWEEP_AT:
            self._tats = {k: t for k, t in self._tats.items() if t > now}
        return 0.0

    async def exhausted(self, key: str, rate: Rate) -> float:
        _, wait = _gcra(self._tats.get(key), self._now(), rate)
        return wait / 1000


# KEYS[1] the client's key; ARGV: interval ms, tolerance ms, spend (1) or only look (0). Redis's own clock,
# so every host agrees. Returns the wait in ms (0 = allowed).
_GCRA_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + interval
local wait = new_tat - tolerance - now
if wait > 0 then return math.ceil(wait) end
if ARGV[3] == '1' then
  redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil(new_tat - now) + 1000)
end
return 0
"""


class RedisLimiter:
    """The same algorithm in Redis: one atomic script per check, shared by every worker and host."""

    def __init__(self, url: str, prefix: str) -> None:
        self._redis: Any = aioredis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._script: Any = self._redis.register_script(_GCRA_LUA)
        self._prefix = prefix
        self._warned_at = -math.inf

    async def _run(self, key: str, rate: Rate, spend: bool) -> float:
        try:
            wait_ms = await self._script(
                keys=[self._prefix + key], args=[rate.interval_ms, rate.tolerance_ms, "1" if spend else "0"]
            )
        except (RedisError, OSError) as exc:
            if time.monotonic() - self._warned_at > 60:
                self._warned_at = time.monotonic()
                log.warning("rate limits not applied: Redis is not answering (%s)", type(exc).__name__)
            return 0.0
        return int(wait_ms) / 1000

    async def take(self, key: str, rate: Rate) -> float:
        return await self._run(key, rate, spend=True)

    async def exhausted(self, key: str, rate: Rate) -> float:
        return await self._run(key, rate, spend=False)

    async def close(self) -> None:
        await self._redis.aclose()


def limiter_for(settings: Settings) -> Limiter:
    return RedisLimiter(settings.redis_url, settings.redis_prefix) if settings.redis_url else LocalLimiter()


def _bearer(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


def _too_many(wait: float, detail: str, path: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The 429 problem+json, built here: the request never reaches the application's handlers."""
    retry_after = max(1, math.ceil(wait))
    error = RateLimited(f"{detail} Retry after {retry_after} s.")
    problem = {"type": error.type_uri, "title": error.title, "status": error.status, "detail": error.detail}
    body = json.dumps({**problem, "instance": path}).encode()
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
    ]
    return error.status, headers, body


class RateLimits:
    """ASGI middleware: 429 problem+json with Retry-After when a client is over one of its limits."""

    def __init__(self, app: ASGIApp, settings: Settings, limiter: Limiter | None = None) -> None:
        self.app = app
        self.limiter = limiter or limiter_for(settings)
        self.address = Rate(settings.rate_per_address, settings.rate_per_address_burst)
        self.key = Rate(settings.rate_per_key, settings.rate_per_key_burst)
        self.failures = Rate(settings.rate_auth_failures, settings.rate_auth_failures_burst)

    async def _refusal(self, address: str, token: str | None) -> tuple[float, str] | None:
        if token is not None and self.failures.per_minute:
            wait = await self.limiter.exhausted("fail:" + address, self.failures)
            if wait:
                return wait, "Too many failed API keys from this address."
        if self.address.per_minute:
            wait = await self.limiter.take("addr:" + address, self.address)
            if wait:
                return wait, "Too many requests from this address."
        if token is not None and self.key.per_minute:
            # The whole token, hashed apart from the stored key hashes: a guessed secret with a real key's id
            # has a bucket of its own, so it cannot spend that key's allowance.
            digest = hashlib.sha256(b"wirefeed-rate-limit\x00" + token.encode()).hexdigest()[:32]
            wait = await self.limiter.take("key:" + digest, self.key)
            if wait:
                return wait, "Too many requests with this API key."
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client[0] if client else "unknown"
        token = _bearer(scope)
        refusal = await self._refusal(address, token)
        if refusal is not None:
            status, headers, body = _too_many(*refusal, scope.get("path", ""))
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        if token is None or not self.failures.per_minute:
            await self.app(scope, receive, send)
            return

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401:
                await self.limiter.take("fail:" + address, self.failures)
            await send(message)

        await self.app(scope, receive, counting_send)
