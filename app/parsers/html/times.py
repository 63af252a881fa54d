"""Published and updated times from the page's machine-readable statements, each with its own offset.

Sources must agree: published times from different sources more than a few minutes apart, or an update before
the publication, make the times unsure (a doubt), never a guess. And the page must print them: a time only the
markup states is not published (None), because a CMS stamps its own clock and zone (a UTC clock labelled with
the local offset, an import time) and nothing a reader sees confirms it. A time the page prints with its zone is
the evidence; the markup's times are kept when they agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.parsers.html.meta import PageMeta

# Sources disagreeing by less than this are the same statement (a CMS stamps seconds apart).
AGREEMENT = timedelta(minutes=2)
# An update stamped this much before the publication contradicts it.
BACKWARDS = AGREEMENT


@dataclass(frozen=True)
class Times:
    published_at: datetime | None
    updated_at: datetime | None
    doubt: str | None


def read_times(meta: PageMeta, printed: list[datetime]) -> Times:
    """`printed`: times the page prints in its text with an explicit zone, used when the markup states none and
    checked against the markup when it does."""
    published = [t for _, t in meta.published]
    modified = [t for _, t in meta.modified]
    doubt = None
    published_at = min(published) if published else None
    if published and max(published) - min(published) > AGREEMENT:
        sources = ", ".join(sorted({s for s, _ in meta.published}))
        doubt = f"times-unsure: the page states different publication times ({sources})"
    updated_at = max(modified) if modified else None
    if published_at is not None and updated_at is not None:
        if updated_at < published_at - BACKWARDS:
            doubt = doubt or "times-unsure: the page's update time is before its publication time"
            updated_at = None
        elif updated_at - published_at <= AGREEMENT:
            updated_at = None  # stamped at publication: no update
    if published_at is None and updated_at is not None:
        updated_at = None  # an update of an unknown publication says nothing reliable
    if not printed:
        return Times(None, None, doubt)  # nothing the page prints confirms the markup's clock and zone
    stated = [t for t in (published_at, updated_at) if t is not None]
    if published_at is None:
        published_at = min(printed)
    elif not any(abs(p - s) <= AGREEMENT for p in printed for s in stated):
        doubt = doubt or "times-unsure: the time printed on the page differs from the time in its markup"
    return Times(published_at, updated_at, doubt)
