"""What every parser returns: `ParsedCopy`, a validated, storage-free picture of one story."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SourceFormat = Literal[
    "page-text",
    "page-html",
    "wire-text",
    "nitf",
    "newsml-g2",
    "newsml12",
    "ninjs",
    "iptc7901",
    "anpa1312",
    "ap-media-json",
    "rfc822",
    "feed",
    "ritzau",
]
PubStatus = Literal["usable", "withheld", "canceled"]


class Dateline(BaseModel):
    model_config = ConfigDict(frozen=True)

    place: str = Field(description="The place named by the dateline, e.g. 'Seoul'.")
    text: str = Field(
        description="The dateline exactly as printed, e.g. 'Seoul, Dec 1' or 'SEOUL, Nov 30 (Reuters) -'."
    )


class ParsedCopy(BaseModel):
    """One story as a parser read it. Body paragraphs are verbatim spans of the decoded copy."""

    model_config = ConfigDict(frozen=True)

    source_format: SourceFormat
    agency: str | None = Field(default=None, min_length=1, max_length=40)
    headline: str
    byline: str | None = None
    dateline: Dateline | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    summary: str | None = None
    category: str | None = None
    # BCP 47 (e.g. "en", "hi", "en-IN"); bounded so a hostile feed cannot smuggle text through it.
    language: str = Field(default="en", pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,1}$")
    body: list[str]
    signoff: str | None = None
    # What was done to the bytes to read them, e.g. "decoded as windows-1252", "repaired mojibake".
    repairs: list[str] = Field(default_factory=list)
    # The agency's own story identity and version, where the format carries one (NITF du-key, G2 guid).
    agency_ref: str | None = None
    agency_version: int | None = None
    # What the agency says about publishing it: "canceled" (kill) and "withheld" withdraw the story found by
    # agency_ref; an embargo holds the text until that instant.
    pubstatus: PubStatus = "usable"
    embargoed: datetime | None = None
    urgency: int | None = Field(default=None, ge=0, le=9)
    slugline: str | None = None
    subjects: list[str] = Field(default_factory=list)
    # True when the headline was derived (a bulletin's lede) rather than printed as a headline.
    headline_derived: bool = False
    # Notes to editors that must never be published ("not for publication" blocks, desk messages).
    editorial_notes: str | None = None
    # Named doubts the parser has about its own reading (e.g. "headline-unsure", "unexplained-removal: …").
    # Any doubt holds the copy for review instead of publishing it.
    doubts: list[str] = Field(default_factory=list)

    @field_validator("published_at", "updated_at", "embargoed")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("timestamps must carry their offset")
        return value

    @field_validator("body")
    @classmethod
    def _no_blank_paragraph(cls, value: list[str]) -> list[str]:
        if any(not p.strip() for p in value):
            raise ValueError("body paragraphs must not be blank")
        return value

    @model_validator(mode="after")
    def _body_unless_notice(self) -> ParsedCopy:
        """A story has text. Only a kill or hold notice (pubstatus canceled/withheld) may carry none: it names
        its story by agency_ref."""
        if not self.body and self.pubstatus == "usable":
            raise ValueError("body must have at least one non-blank paragraph")
        return self
