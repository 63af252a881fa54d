"""A 2,000-story mixed stream (new, duplicates, updates, bad) ends with counts that match what was sent,
through HTTP and through the CLI."""

from __future__ import annotations

import collections
import os
import random
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.articles.models import Article, ArticleVersion
from app.db import Database
from app.rejections.models import Rejection
from tests.stories import BAD_COPY, Story

NEW, DUPLICATES, UPDATES, BAD = 1400, 300, 200, 100
EXPECTED = {"created": NEW, "duplicate": DUPLICATES, "updated": UPDATES, "refused": BAD}


def mixed_stream(seed: int = 2024) -> list[bytes]:
    """2,000 pieces of copy; every resend and update comes after the story it repeats."""
    rng = random.Random(seed)
    timed: list[tuple[float, bytes]] = [(n, Story(n).wire_text()) for n in range(NEW)]
    timed += [(n + rng.uniform(0.1, 50), Story(n, version=2).wire_text()) for n in rng.sample(range(NEW), UPDATES)]
    timed += [(n + rng.uniform(0.1, 50), Story(n).resend()) for n in rng.sample(range(NEW), DUPLICATES)]
    timed += [(rng.uniform(0, NEW), BAD_COPY[i % len(BAD_COPY)]) for i in range(BAD)]
    return [copy for _, copy in sorted(timed, key=lambda pair: pair[0])]


def stored_counts(database: Database) -> tuple[int, int, int]:
    with database.read_sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(Article)) or 0,
            session.scalar(select(func.count()).select_from(ArticleVersion)) or 0,
            session.scalar(select(func.count()).select_from(Rejection)) or 0,
        )


def test_a_mixed_stream_over_http_ends_with_exact_counts(
    client: TestClient, database: Database, ingest_headers: dict[str, str]
) -> None:
    outcomes: collections.Counter[str] = collections.Counter()
    for copy in mixed_stream():
        response = client.post("/v1/articles", content=copy, headers=ingest_headers)
        outcomes[response.headers.get("wirefeed-outcome", "refused")] += 1
    print(f"HTTP stream outcomes: {dict(outcomes)}")
    assert dict(outcomes) == EXPECTED
    assert stored_counts(database) == (NEW, NEW + UPDATES, BAD)


def test_a_mixed_stream_through_the_cli_ends_with_exact_counts(database: Database, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    for i, copy in enumerate(mixed_stream()):
        (drop / f"{i:05d}.txt").write_bytes(copy)
    env = {**os.environ, "WIREFEED_DATABASE_URL": database.url}
    run = subprocess.run(
        [sys.executable, "-m", "app", "ingest", "--agency", "IANS", str(drop)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    summary = run.stdout.strip().splitlines()[-1]
    print(f"CLI stream summary: {summary}")
    assert summary == f"created={NEW} duplicate={DUPLICATES} updated={UPDATES} stale=0 held=0 refused={BAD} total=2000"
    assert stored_counts(database) == (NEW, NEW + UPDATES, BAD)
