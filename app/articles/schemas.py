"""The Article JSON that apps read (separate from the ORM rows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.articles.models import Article, ArticleFields, ArticleVersion
from app.articles.normalise import body_html
from app.parsers.base import Dateline, PubStatus, SourceFormat


class Links(BaseModel):
    self: str
    related: str
    versions: str


class ArticleSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"description": "An article as listed: no body."})

    id: str = Field(description="Stable, URL-safe identifier.")
    agency: str = Field(description="Canonical agency name: IANS, PTI, ANI, UNI, Reuters, AFP, AP, …")
    headline: str
    summary: str | None = Field(description="Standfirst as printed.")
    category: str | None
    language: str = Field(description="BCP 47 code, e.g. 'en', 'hi'.")
    published_at: datetime | None = Field(description="As stated by the copy, with its offset (IST = +05:30).")
    updated_at: datetime | None
    received_at: datetime = Field(description="When wirefeed received the served text (UTC).")
    links: Links


class ArticleOut(ArticleSummary):
    byline: str | None = Field(description="As printed, without 'By '.")
    dateline: Dateline | None
    body: list[str] = Field(description="The agency's paragraphs, verbatim; the dateline kept in the first.")
    body_html: str = Field(description="The paragraphs as escaped <p> elements, then the disclaimer.")
    signoff: str | None = Field(description="Agency sign-off and desk codes taken off the end.")
    disclaimer: str
    source_format: SourceFormat
    version: int = Field(description="1 for a new story; raised by each update.")
    content_hash: str = Field(description='"sha256:<hex>" of the body paragraphs joined by "\\n\\n".')
    repairs: list[str] = Field(description="What was done to the bytes to read them (decoding, mojibake repair).")
    agency_ref: str | None = Field(
        description="The agency's own id of the story (G2 guid, NITF doc-id, ninjs uri), where the copy has one."
    )
    agency_version: int | None = Field(description="The agency's own version number of this text, where given.")
    pubstatus: PubStatus = Field(
        description="The agency's publishing status: `usable`; `withheld` or `canceled` once killed (never served)."
    )
    embargoed: datetime | None = Field(
        description="The embargo the agency set, if any. A story is only served once this time has passed."
    )
    urgency: int | None = Field(description="The agency's urgency, 1 (flash) to 9 (lowest), where given.")
    slugline: str | None = Field(description="The agency's slug (keyword line), where given.")
    subjects: list[str] = Field(description="The agency's subject codes or names, as given.")
    headline_derived: bool = Field(
        description="True when the copy printed no headline and `headline` is the bulletin's lede, as the "
        "agency's practice defines it."
    )


class RelatedItem(ArticleSummary):
    score: float


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class VersionOut(BaseModel):
    version: int
    received_at: datetime
    updated_at: datetime | None
    published_at: datetime | None
    content_hash: str
    agency_version: int | None = Field(description="The agency's own version number of this text, where given.")
    served: bool = Field(description="False for an older text that arrived after a newer one.")
    links: dict[str, str]


class VersionList(BaseModel):
    items: list[VersionOut]


class ArticleVersionOut(ArticleOut):
    served: bool


def with_offset(instant: datetime | None, offset_minutes: int | None) -> datetime | None:
    """Give back the instant in the offset the copy printed it with."""
    if instant is None:
        return None
    if offset_minutes is None:
        return instant.astimezone(UTC)
    return instant.astimezone(timezone(timedelta(minutes=offset_minutes)))


def links_for(article_id: str, base: str = "") -> Links:
    path = f"{base}/v1/articles/{article_id}"
    return Links(self=path, related=f"{path}/related", versions=f"{path}/versions")


def summary_of(article: Article, base: str = "") -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        agency=article.agency,
        headline=article.headline,
        summary=article.summary,
        category=article.category,
        language=article.language,
        published_at=with_offset(article.published_at, article.published_offset),
        updated_at=with_offset(article.updated_at, article.updated_offset),
        received_at=article.received_at,
        links=links_for(article.id, base),
    )


def _full_fields(row: ArticleFields) -> dict[str, object]:
    dateline = (
        Dateline(place=row.dateline_place or "", text=row.dateline_text) if row.dateline_text is not None else None
    )
    return {
        "headline": row.headline,
        "byline": row.byline,
        "dateline": dateline,
        "published_at": with_offset(row.published_at, row.published_offset),
        "updated_at": with_offset(row.updated_at, row.updated_offset),
        "summary": row.summary,
        "category": row.category,
        "body": row.body,
        "body_html": body_html(row.body, row.disclaimer),
        "signoff": row.signoff,
        "disclaimer": row.disclaimer,
        "content_hash": row.content_hash,
        "repairs": row.repairs,
        "agency_version": row.agency_version,
        "urgency": row.urgency,
        "slugline": row.slugline,
        "subjects": row.subjects,
        "headline_derived": row.headline_derived,
    }


def _identity(article: Article, received_at: datetime, version: int, base: str) -> dict[str, object]:
    """What an article and each of its versions share: the story's identity, not its text."""
    return {
        "id": article.id,
        "agency": article.agency,
        "language": article.language,
        "source_format": article.source_format,
        "links": links_for(article.id, base),
        "received_at": received_at,
        "version": version,
        "agency_ref": article.agency_ref,
        "pubstatus": article.pubstatus,
        "embargoed": article.embargoed_until,
    }


def article_out(article: Article, base: str = "") -> ArticleOut:
    return ArticleOut(**_identity(article, article.received_at, article.version, base), **_full_fields(article))


def version_out(article: Article, version: ArticleVersion, base: str = "") -> VersionOut:
    return VersionOut(
        version=version.version,
        received_at=version.received_at,
        updated_at=with_offset(version.updated_at, version.updated_offset),
        published_at=with_offset(version.published_at, version.published_offset),
        content_hash=version.content_hash,
        agency_version=version.agency_version,
        served=version.served,
        links={"self": f"{base}/v1/articles/{article.id}/versions/{version.version}"},
    )


def article_version_out(article: Article, version: ArticleVersion, base: str = "") -> ArticleVersionOut:
    identity = _identity(article, version.received_at, version.version, base)
    return ArticleVersionOut(**identity, served=version.served, **_full_fields(version))


class KillAnswer(BaseModel):
    """The answer to a kill or withhold notice: the story it withdrew, or that it waits for the story."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "`outcome` `withdrawn`: the story named by the agency's id is withdrawn (410 from now "
            "on). `kill-pending`: no such story is stored yet; the notice is kept and the story will be stored "
            "withdrawn when it arrives."
        }
    )

    outcome: Literal["withdrawn", "kill-pending"] = Field(description="As the `Wirefeed-Outcome` header.")
    pubstatus: PubStatus | None = Field(description="The notice's status: `canceled` or `withheld`.")
    agency: str | None
    agency_ref: str | None = Field(description="The agency's own id the notice named.")
    id: str | None = Field(description="The withdrawn article's id; null while the kill waits for its story.")
    headline: str | None = Field(description="The withdrawn article's headline.")
    links: Links | None
    detail: str
