"""Releasing embargoed stories at their time, with no request needed, safely from many processes at once.

The state is in the database (status "embargoed" and `embargoed_until`), so a restart loses nothing: the
next releaser to look finds every story whose time has passed. Each app process runs `run_releaser` in its
lifespan; it sleeps until the next release is due (at most `RELEASE_POLL_CAP` seconds, so stories stored
by other processes are seen soon) and then runs `release_due`. `wirefeed embargoes release` runs the same
function once, for cron. The release is one conditional UPDATE, so two releasers never both publish (or
index) one story.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from sqlalchemy.orm import Session

from app.articles import repository
from app.articles.models import Article
from app.db import Database, utcnow
from app.related.index import index_article

RELEASE_POLL_CAP = 5.0  # seconds: the longest a process sleeps before looking again
_MIN_SLEEP = 0.05
log = logging.getLogger("wirefeed.embargoes")


def release_due(session: Session, now: datetime) -> list[Article]:
    """Publish, in the caller's transaction, every story whose embargo has passed; the articles released."""
    released: list[Article] = []
    for pk in repository.release_embargoes(session, now):
        article = session.get(Article, pk, populate_existing=True)
        if article is not None:
            index_article(session, article)  # now live: listed and related
            released.append(article)
    return released


def release_now(db: Database) -> list[str]:
    """Release what is due now, in a transaction of its own; the ids released. A read first, so that an
    idle process does not take SQLite's write lock every few seconds."""
    now = utcnow()
    with db.read_sessions() as session:
        due = repository.next_release_at(session)
    if due is None or due > now:
        return []
    with db.write_sessions.begin() as session:
        ids = [article.id for article in release_due(session, now)]
    if ids:
        log.info("released %d embargoed article(s): %s", len(ids), ", ".join(ids))
    return ids


def seconds_until_next(db: Database, cap: float = RELEASE_POLL_CAP) -> float:
    """How long to sleep: until the next embargo is due, never longer than `cap`."""
    with db.read_sessions() as session:
        due = repository.next_release_at(session)
    if due is None:
        return cap
    return min(cap, max(_MIN_SLEEP, (due - utcnow()).total_seconds()))


def _release_cycle(db: Database, cap: float) -> float:
    release_now(db)
    return seconds_until_next(db, cap)


async def run_releaser(db: Database, stop: asyncio.Event, cap: float = RELEASE_POLL_CAP) -> None:
    """Release embargoed stories as they fall due until `stop` is set. The database work runs in a thread
    (it blocks); a failure (database restarting) is logged and retried after `cap` seconds."""
    while not stop.is_set():
        try:
            wait = await asyncio.to_thread(_release_cycle, db, cap)
        except Exception:  # keep releasing after a transient failure; never take the app down
            log.exception("embargo release failed; retrying in %.1f s", cap)
            wait = cap
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
