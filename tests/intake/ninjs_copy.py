"""Invented ninjs copy for lifecycle tests: a story, its later versions, kill notices and embargoed copy.

ninjs is the one wire format whose parser reads `pubstatus` and the embargo today, so the HTTP tests of
kills and embargoes speak it. Every sentence here is made up; the shapes follow IPTC's ninjs 2.2 and 3.1.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

NINJS = "application/ninjs+json"
FIRST_FILED = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def ninjs_story(
    n: int = 1,
    *,
    version: int = 1,
    uri: str | None = None,
    pubstatus: str | None = None,
    embargoed: datetime | None = None,
    filed: datetime | None = None,
    spelling: str = "2",
    headline: str | None = None,
    urgency: int | None = None,
    slugline: str | None = None,
    subjects: list[str] | None = None,
    agency: str = "Reuters",
) -> bytes:
    """`agency`'s story `n` in ninjs 2.x (or 3.x with spelling="3"); a higher `version` adds a paragraph."""
    first = filed or FIRST_FILED + timedelta(minutes=n)
    paragraphs = [
        f"LONDON, Dec 7 ({agency}) - The harbour board of the invented town number {n} voted on Monday to "
        f"rebuild its northern pier, board members said.",
        f"The vote on pier plan {n} followed a year of surveys, a spokesperson for the board told reporters.",
    ]
    paragraphs += [f"Revision {v} of story {n}: the board added a condition on funding." for v in range(2, version + 1)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    camel = spelling == "3"
    doc: dict[str, object] = {
        "uri": uri or f"tag:reuters.com,2026:newsml_WL{n:04d}",
        "type": "text",
        "version": str(version),
        ("firstCreated" if camel else "firstcreated"): _iso(first),
        ("versionCreated" if camel else "versioncreated"): _iso(first + timedelta(minutes=10 * (version - 1))),
        "language": "en",
        "headlines": [{"role": "main", "value": headline or f"Harbour board {n} votes to rebuild its pier"}],
        "bodies": [{"role": "main", ("contentType" if camel else "contenttype"): "text/html", "value": body}],
        ("copyrightHolder" if camel else "copyrightholder"): agency,
    }
    if pubstatus is not None:
        doc["pubStatus" if camel else "pubstatus"] = pubstatus
    if embargoed is not None:
        doc["embargoedUntil" if camel else "embargoed"] = _iso(embargoed)
    if urgency is not None:
        doc["urgency"] = urgency
    if slugline is not None:
        doc["slugline"] = slugline
    if subjects:
        doc["subjects"] = [{"name": s} for s in subjects]
    return json.dumps(doc).encode("utf-8")


def ninjs_kill(
    n: int = 1, *, pubstatus: str = "canceled", uri: str | None = None, spelling: str = "2", agency: str = "Reuters"
) -> bytes:
    """The agency's kill (or withhold) notice for story `n`: same uri, a notice instead of the story text."""
    camel = spelling == "3"
    doc: dict[str, object] = {
        "uri": uri or f"tag:reuters.com,2026:newsml_WL{n:04d}",
        "type": "text",
        "version": "9",
        ("firstCreated" if camel else "firstcreated"): _iso(FIRST_FILED + timedelta(minutes=n)),
        ("pubStatus" if camel else "pubstatus"): pubstatus,
        "language": "en",
        "headlines": [{"role": "main", "value": f"KILL - Harbour board {n} story withdrawn"}],
        "bodies": [
            {
                "role": "main",
                ("contentType" if camel else "contenttype"): "text/plain",
                "value": f"LONDON, Dec 7 ({agency}) - The story on harbour board {n} is withdrawn. "
                "Editors should not use it.",
            }
        ],
        ("copyrightHolder" if camel else "copyrightholder"): agency,
    }
    return json.dumps(doc).encode("utf-8")
