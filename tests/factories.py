"""Build stored articles directly from ParsedCopy, for tests that are not about parsing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.articles.models import Article
from app.articles.normalise import draft_article
from app.articles.service import StoreResult, store
from app.config import DEFAULT_DISCLAIMER
from app.db import Database
from app.parsers.base import Dateline, ParsedCopy

IST = timedelta(hours=5, minutes=30)


def parsed_copy(n: int, **overrides: object) -> ParsedCopy:
    fields: dict[str, object] = {
        "source_format": "wire-text",
        "agency": "PTI",
        "headline": f"Story number {n} about topic {n % 7}",
        "dateline": Dateline(place="New Delhi", text="New Delhi, Dec 1 (PTI)"),
        "published_at": datetime(2024, 12, 1, 10, 0, tzinfo=UTC) + timedelta(minutes=n),
        "language": "en",
        "body": [f"New Delhi, Dec 1 (PTI) Paragraph one of story {n}.", f"Paragraph two of story {n}."],
        "signoff": "PTI AB CD",
    }
    fields.update(overrides)
    return ParsedCopy.model_validate(fields)


def store_copy(database: Database, copy: ParsedCopy, received_at: datetime | None = None) -> StoreResult:
    now = received_at or datetime.now(UTC)
    draft = draft_article(copy, disclaimer=DEFAULT_DISCLAIMER, now=now, future_tolerance=timedelta(hours=36))
    with database.write_sessions.begin() as session:
        return store(session, draft, received_at=now)


def store_many(database: Database, count: int) -> list[Article]:
    return [store_copy(database, parsed_copy(n)).article for n in range(count)]
