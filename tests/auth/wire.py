"""Invented wire copy and keys for the access-control tests (no real agency text)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from app.auth.keys import create_key
from app.db import Database


def wire_story(agency: str | None, n: int = 1, *, extra: str | None = None) -> bytes:
    """Wire text naming `agency` in its dateline and sign-off (or no agency at all); `extra` adds a paragraph,
    making an updated text of the same story (same headline, same day)."""
    tag = f" ({agency})" if agency else ""
    paragraphs = [
        f"Harbour board in Kochi approves plan {n}",
        f"Kochi, Dec 1{tag} The harbour board on Sunday approved expansion plan number {n}, officials said.",
        f"The plan covers berth {n * 3 + 1} and a new container yard, a senior official told reporters.",
        *([extra] if extra else []),
        f"Work on plan {n} is due to start in March, the board said.",
        f"--{agency}\nab/cd" if agency else "ab/cd",
    ]
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def token_for(
    database: Database, *scopes: str, agencies: Iterable[str] = (), expires_at: datetime | None = None
) -> str:
    with database.write_sessions.begin() as session:
        return create_key(session, scopes=scopes, agencies=agencies, expires_at=expires_at).token


def headers_for(database: Database, *scopes: str, agencies: Iterable[str] = ()) -> dict[str, str]:
    """Bearer headers for a new key (text/plain, ready to POST copy)."""
    token = token_for(database, *scopes, agencies=agencies)
    return {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}


def ninjs_story(
    agency: str | None, version: int = 1, *, uri: str = "urn:newsml:example.invalid:2026:harbour-7"
) -> bytes:
    """A ninjs 2.x document carrying the agency's own story id (`uri`) and version; version 2 adds a paragraph."""
    paragraphs = [
        "Kochi, Dec 1 The harbour board on Sunday approved expansion plan number seven, officials said.",
        *(["The board later added a condition on dredging, a spokesperson said."] if version > 1 else []),
        "Work is due to start in March, the board said.",
    ]
    document: dict[str, str] = {
        "uri": uri,
        "version": str(version),
        "type": "text",
        "headline": "Harbour board in Kochi approves plan seven",
        "body_text": "\n\n".join(paragraphs),
        "firstcreated": "2026-12-01T10:00:00+05:30",
        "language": "en",
    }
    if agency:
        document["copyrightholder"] = agency
    return json.dumps(document).encode("utf-8")
