"""The IPTC ninjs renderings of an article: 2.2 (`Accept: application/ninjs+json`, `?format=ninjs`) and 3.1
(`Accept: application/ninjs+json; version=3`, `?format=ninjs3`).

Both are built from one list of (2.x name, 3.x name, value) members, so the two versions always carry the
same facts: 3.x differs in spelling (camelCase, `embargoedUntil`) and in `urgency`, which 3.x bounds to 1–9.
`uri` and `version` name this article (the object the rendering describes); the agency's own id and version
travel in `altids` with the roles below. Editorial notes are never rendered (ninjs `ednote` is read by the
receiving desk, and this service publishes unedited).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from app.articles.schemas import ArticleOut

NINJS_MEDIA_TYPE = "application/ninjs+json"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
NINJS3_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
NinjsVersion = Literal["2", "3"]
ALTID_AGENCY_REF = "agency-ref"
ALTID_AGENCY_VERSION = "agency-version"
ALTID_CONTENT_HASH = "content_hash"
# A subject given as a scheme-qualified code ("medtop:20000763", "subj:04000000") rather than a name.
_QCODE = re.compile(r"^[A-Za-z][\w.-]*:\S+$")
_ABSOLUTE_URI = re.compile(r"^https?://\S+$")


def _subject(value: str) -> dict[str, str]:
    if _ABSOLUTE_URI.match(value):
        return {"uri": value}
    if _QCODE.match(value):
        return {"literal": value}
    return {"name": value}


def _altids(article: ArticleOut) -> list[dict[str, str]]:
    altids = [{"role": ALTID_CONTENT_HASH, "value": article.content_hash}]
    if article.agency_ref:
        altids.append({"role": ALTID_AGENCY_REF, "value": article.agency_ref})
    if article.agency_version is not None:
        altids.append({"role": ALTID_AGENCY_VERSION, "value": str(article.agency_version)})
    return altids


def _members(article: ArticleOut, version: NinjsVersion) -> list[tuple[str, str, Any]]:
    """(2.x name, 3.x name, value) of every member; None values are left out."""
    first = article.published_at or article.updated_at or article.received_at
    latest = article.updated_at or article.published_at or article.received_at
    content = "contenttype" if version == "2" else "contentType"
    subjects = [{"name": article.category, "rel": "category"}] if article.category else []
    subjects += [_subject(s) for s in article.subjects]
    urgency = article.urgency
    if version == "3" and urgency is not None and not 1 <= urgency <= 9:
        urgency = None  # 3.x allows 1–9 only
    return [
        ("uri", "uri", f"urn:wirefeed:article:{article.id}"),
        ("standard", "standard", _standard(version)),
        ("type", "type", "text"),
        ("representationtype", "representationType", "full"),
        ("profile", "profile", NINJS_SCHEMA if version == "2" else NINJS3_SCHEMA),
        ("version", "version", str(article.version)),
        ("firstcreated", "firstCreated", first.isoformat()),
        ("versioncreated", "versionCreated", latest.isoformat()),
        ("embargoed", "embargoedUntil", article.embargoed.isoformat() if article.embargoed else None),
        ("pubstatus", "pubStatus", article.pubstatus),
        ("urgency", "urgency", urgency),
        ("language", "language", article.language),
        ("slugline", "slugline", article.slugline),
        ("headlines", "headlines", [{"role": "main", "value": article.headline}]),
        ("descriptions", "descriptions", [{"role": "summary", "value": article.summary}] if article.summary else None),
        ("bodies", "bodies", [{"role": "main", content: "text/html", "value": article.body_html}]),
        ("by", "by", article.byline),
        ("located", "located", article.dateline.place if article.dateline and article.dateline.place else None),
        ("subjects", "subjects", subjects or None),
        ("infosources", "infoSources", [{"name": article.agency, "role": "source"}]),
        ("altids", "altIds", _altids(article)),
        ("usageterms", "usageTerms", article.disclaimer),
    ]


def _standard(version: NinjsVersion) -> dict[str, str]:
    if version == "2":
        return {"name": "ninjs", "version": "2.2", "schema": NINJS_SCHEMA}
    return {"name": "ninjs", "version": "3.1", "schema": NINJS3_SCHEMA}


def to_ninjs(article: ArticleOut, version: NinjsVersion = "2") -> dict[str, Any]:
    """The article as a ninjs 2.2 (default) or 3.1 object."""
    index = 0 if version == "2" else 1
    return {member[index]: member[2] for member in _members(article, version) if member[2] is not None}


def to_ninjs3(article: ArticleOut) -> dict[str, Any]:
    return to_ninjs(article, "3")
