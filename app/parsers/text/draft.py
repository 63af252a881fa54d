"""What the page and wire readers hand back before the final checks turn it into a ParsedCopy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.parsers.text.agencies import AgencyProfile
from app.parsers.text.datelines import FoundDateline


@dataclass
class Draft:
    source_format: str  # "page-text" or "wire-text"
    headline: str | None = None
    byline: str | None = None
    dateline: FoundDateline | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    summary: str | None = None
    category: str | None = None
    body: list[str] = field(default_factory=list)
    signoff: str | None = None
    # Agency evidence, strongest first: dateline tag, sign-off, byline, credits.
    agency_hints: list[AgencyProfile | None] = field(default_factory=list)
    # What the reader is unsure of, by name ("unexplained-removal: ..."); any doubt holds the copy for review.
    doubts: list[str] = field(default_factory=list)
