"""Concurrent POSTs across 4 uvicorn worker processes: the database, not a lock in one process, keeps
each story stored exactly once."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.articles.models import Article, ArticleVersion
from app.db import Database
from tests.server import running_server
from tests.stories import Story

pytestmark = pytest.mark.process
CONCURRENCY = 50


def post_all(base_url: str, key: str, bodies: list[bytes]) -> list[httpx.Response]:
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/plain"}
    limits = httpx.Limits(max_connections=CONCURRENCY)
    with (
        httpx.Client(base_url=base_url, timeout=60, limits=limits) as client,
        ThreadPoolExecutor(max_workers=CONCURRENCY) as pool,
    ):
        return list(pool.map(lambda body: client.post("/v1/articles", content=body, headers=headers), bodies))


def counts(database: Database) -> tuple[int, int]:
    with database.read_sessions() as session:
        articles = session.scalar(select(func.count()).select_from(Article)) or 0
        versions = session.scalar(select(func.count()).select_from(ArticleVersion)) or 0
    return articles, versions


def test_50_concurrent_posts_of_the_same_story_store_exactly_one(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    with running_server(database.url, tmp_path / "server.log", workers=4) as server:
        responses = post_all(server.base_url, ingest_key, [Story(1).wire_text()] * CONCURRENCY)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * (CONCURRENCY - 1) + [201], [r.text for r in responses if r.status_code >= 300][:3]
    assert len({r.json()["id"] for r in responses}) == 1
    assert counts(database) == (1, 1)


def test_50_concurrent_posts_of_different_stories_store_50(database: Database, ingest_key: str, tmp_path: Path) -> None:
    with running_server(database.url, tmp_path / "server.log", workers=4) as server:
        responses = post_all(server.base_url, ingest_key, [Story(n).wire_text() for n in range(CONCURRENCY)])
    assert [r.status_code for r in responses] == [201] * CONCURRENCY, [
        r.text for r in responses if r.status_code != 201
    ][:3]
    assert counts(database) == (CONCURRENCY, CONCURRENCY)


def test_concurrent_updates_of_one_story_each_become_a_version(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    with running_server(database.url, tmp_path / "server.log", workers=4) as server:
        responses = post_all(server.base_url, ingest_key, [Story(7, version=v).wire_text() for v in range(1, 11)])
    assert all(r.status_code in (200, 201) for r in responses), [r.text for r in responses][:3]
    assert len({r.json()["id"] for r in responses}) == 1
    assert counts(database) == (1, 10)


def test_concurrent_texts_with_one_opening_paragraph_become_one_story(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    """The lead rule (same agency, same first paragraph, other headline) has no unique constraint to lean on."""
    original = Story(3).wire_text()
    texts = [
        original.replace(
            Story(3).headline.encode(), f"{Story(3).headline} as officials speak, take {take}".encode()
        ).replace(b"a senior official told reporters", f"official number {take} told reporters".encode())
        for take in range(10)
    ]
    assert len(set(texts)) == 10
    with running_server(database.url, tmp_path / "server.log", workers=4) as server:
        responses = post_all(server.base_url, ingest_key, texts)
    assert all(r.status_code in (200, 201) for r in responses), [r.text for r in responses][:3]
    assert len({r.json()["id"] for r in responses}) == 1
    assert counts(database) == (1, 10)


WORDS = [
    "river",
    "council",
    "harbour",
    "tariff",
    "monsoon",
    "vaccine",
    "cricket",
    "budget",
    "railway",
    "orchard",
    "senate",
    "glacier",
    "festival",
    "copper",
    "lawsuit",
    "airport",
    "election",
    "drought",
    "museum",
    "satellite",
    "textile",
    "bridge",
    "pension",
    "harvest",
]


def unrelated_story(headline: str, n: int) -> bytes:
    """Wire text under the given headline whose words share no run of five with any other n's."""
    rng = random.Random(n)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + f" case {n}." for _ in range(3)]
    lead = f"Mumbai, Dec 1 (IANS) {headline} as {sentences[0]}"
    return ("\n\n".join([headline, lead, *sentences[1:], "--IANS\nab/cd"]) + "\n").encode()


def test_20_concurrent_unrelated_stories_under_one_headline_are_never_merged(
    database: Database, ingest_key: str, tmp_path: Path
) -> None:
    """An equal headline is no evidence: each text stays its own story, whatever order the writers commit in."""
    texts = [unrelated_story("Markets close higher on Monday", n) for n in range(20)]
    with running_server(database.url, tmp_path / "server.log", workers=4) as server:
        responses = post_all(server.base_url, ingest_key, texts)
    assert [r.status_code for r in responses] == [201] * 20, [r.text for r in responses if r.status_code != 201][:3]
    assert len({r.json()["id"] for r in responses}) == 20
    assert counts(database) == (20, 20)
