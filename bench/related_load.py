"""/related under load on the largest allowed article: does it starve the rest of the service?

    .venv/bin/python -m bench.related_load                        # SQLite and PostgreSQL, 1,000 articles
    .venv/bin/python -m bench.related_load --backends sqlite --seconds 20

Builds a throwaway store (bench.related's generator: the labelled corpus plus synthetic articles), adds one
article whose body is as large as `WIREFEED_MAX_COPY_BYTES` allows (paragraphs from the same generator),
starts a real server process (uvicorn, one worker, rate limits off so the load is not refused), then keeps
30 `/related` calls on that article in flight at all times (30 client threads, a call each as soon as the
last returns) while another client polls `/healthz` every 20 ms. Prints the `/healthz` latency percentiles
with and without the load (the bar: p99 under 100 ms under load) and the `/related` latencies.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import httpx

from app.articles.normalise import draft_article
from app.articles.service import store
from app.config import DEFAULT_DISCLAIMER, Settings
from app.db import Database
from app.parsers.base import ParsedCopy
from bench.related import fill, server, synthetic_copies, throwaway_store
from tests.related.gold import load_gold

CONCURRENT = 30


def largest_article(records: list[dict[str, object]], limit: int) -> ParsedCopy:
    """One story whose paragraphs add up to just under the copy size limit."""
    paragraphs: list[str] = []
    size = 0
    for copy in synthetic_copies(records, 100_000, seed=99):  # type: ignore[arg-type]
        for paragraph in copy.body[1:]:
            if size + len(paragraph.encode()) + 2 > limit - 2_000:
                first = "NEW DELHI, Dec 7 (PTI) The longest story the service accepts opens with this paragraph."
                return ParsedCopy(
                    source_format="wire-text",
                    agency="PTI",
                    headline="The longest story the service will take",
                    language="en",
                    body=[first, *paragraphs],
                )
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
    raise RuntimeError("the generator ran dry")


def store_largest(url: str, copy: ParsedCopy) -> str:
    database = Database(url)
    now = datetime.now(UTC)
    draft = draft_article(copy, disclaimer=DEFAULT_DISCLAIMER, now=now, future_tolerance=timedelta(hours=36))
    with database.write_sessions.begin() as session:
        article_id = store(session, draft, received_at=now).article.id
    database.dispose()
    return article_id


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def poll_health(base: str, seconds: float) -> list[float]:
    latencies: list[float] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            started = time.perf_counter()
            client.get("/healthz").raise_for_status()
            latencies.append(time.perf_counter() - started)
            time.sleep(0.02)
    return latencies


def run(backend: str, size: int, seconds: float, records: list[dict[str, object]]) -> None:
    limit = Settings().max_copy_bytes
    with throwaway_store(backend) as url:
        fill(url, size, records)  # type: ignore[arg-type]
        copy = largest_article(records, limit)
        body_bytes = sum(len(p.encode()) for p in copy.body)
        article_id = store_largest(url, copy)
        with server(url) as base:
            with httpx.Client(base_url=base, timeout=120) as client:  # the first call ranks; later ones reuse it
                started = time.perf_counter()
                client.get(f"/v1/articles/{article_id}/related").raise_for_status()
                first = time.perf_counter() - started
                for _ in range(3):
                    client.get(f"/v1/articles/{article_id}/related").raise_for_status()
            idle = poll_health(base, 3)
            stop = threading.Event()
            related: list[float] = []
            errors: list[str] = []

            def caller() -> None:
                with httpx.Client(base_url=base, timeout=120) as client:
                    while not stop.is_set():
                        started = time.perf_counter()
                        response = client.get(f"/v1/articles/{article_id}/related")
                        if response.status_code != 200:
                            errors.append(str(response.status_code))
                        related.append(time.perf_counter() - started)

            callers = [threading.Thread(target=caller) for _ in range(CONCURRENT)]
            for thread in callers:
                thread.start()
            time.sleep(1)  # all 30 in flight
            loaded = poll_health(base, seconds)
            stop.set()
            for thread in callers:
                thread.join()
    print(
        f"{backend}: {size} articles + one of {body_bytes:,} body bytes ({len(copy.body)} paragraphs)\n"
        f"  /related first call (ranked, not cached): {first * 1000:.1f} ms\n"
        f"  /healthz idle:          p50 {percentile(idle, 0.5):6.1f} ms  p99 {percentile(idle, 0.99):6.1f} ms\n"
        f"  /healthz under load:    p50 {percentile(loaded, 0.5):6.1f} ms  p99 {percentile(loaded, 0.99):6.1f} ms  "
        f"max {max(loaded) * 1000:6.1f} ms  ({len(loaded)} probes; bar: p99 < 100 ms)\n"
        f"  /related x{CONCURRENT} in flight: p50 {percentile(related, 0.5):6.1f} ms  "
        f"p99 {percentile(related, 0.99):6.1f} ms  {len(related) / seconds:6.1f} calls/s  "
        f"mean {statistics.fmean(related) * 1000:.1f} ms; non-200: {len(errors)}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--size", type=int, default=1000, help="articles in the store besides the large one")
    parser.add_argument("--seconds", type=float, default=15.0, help="how long the load runs")
    args = parser.parse_args(argv)
    os.environ["WIREFEED_RATE_PER_ADDRESS"] = "0"  # the load comes from one address: measure, don't refuse
    os.environ["WIREFEED_RATE_PER_KEY"] = "0"
    records = load_gold()
    for backend in args.backends.split(","):
        run(backend, args.size, args.seconds, records)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
