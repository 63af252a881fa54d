"""Invented wire copy and keys for the access-control tests (no real agency text)."""

from __future__ import annotations

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
