"""A server killed with SIGKILL mid-stream loses nothing it acknowledged and leaves nothing half-written."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.articles.models import Article, ArticleVersion
from app.db import Database
from tests.server import running_server, start_server
from tests.stories import Story

pytestmark = pytest.mark.process


POSTERS = 4


def stream_until_dead(base_url: str, key: str, acknowledged: dict[int, str], stop: threading.Event, first: int) -> None:
    """POST new stories one after another; remember each story the server answered 2xx for."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/plain"}
    with httpx.Client(base_url=base_url, timeout=10) as client:
        n = first
        while not stop.is_set():
            try:
                response = client.post("/v1/articles", content=Story(n).wire_text(), headers=headers)
            except httpx.TransportError:
                return  # the server is gone
            if 200 <= response.status_code < 300:
                acknowledged[n] = response.json()["id"]
            n += POSTERS  # each poster its own stories: several requests are in flight at the kill


def test_sigkill_mid_stream_loses_no_acknowledged_story(database: Database, ingest_key: str, tmp_path: Path) -> None:
    server = start_server(database.url, tmp_path / "server.log", workers=2)
    acknowledged: dict[int, str] = {}
    stop = threading.Event()
    posters = [
        threading.Thread(target=stream_until_dead, args=(server.base_url, ingest_key, acknowledged, stop, i))
        for i in range(POSTERS)
    ]
    for poster in posters:
        poster.start()
    while len(acknowledged) < 40:
        threading.Event().wait(0.05)
    server.kill()  # SIGKILL, mid-stream: requests are in flight
    stop.set()
    for poster in posters:
        poster.join(timeout=30)
    assert len(acknowledged) >= 40

    with running_server(database.url, tmp_path / "server-restarted.log") as restarted:
        for n, article_id in acknowledged.items():
            response = httpx.get(f"{restarted.base_url}/v1/articles/{article_id}")
            assert response.status_code == 200, (n, response.text)
            assert response.json()["headline"] == Story(n).headline

    with database.read_sessions() as session:
        headlines = session.scalars(select(Article.headline)).all()
        assert len(headlines) == len(set(headlines)), "a story is stored twice"
        orphans = session.scalar(select(func.count()).select_from(Article).where(~Article.versions.any()))
        assert orphans == 0, "an article without its version was left behind"
        mismatched = session.scalar(
            select(func.count())
            .select_from(Article)
            .where(~Article.versions.any(ArticleVersion.version == Article.version))
        )
        assert mismatched == 0
    assert {Story(n).headline for n in acknowledged} <= set(headlines)
