"""The IPTC ninjs 2.2 rendering of an article (`Accept: application/ninjs+json` or `?format=ninjs`)."""

from __future__ import annotations

from typing import Any

from app.articles.schemas import ArticleOut

NINJS_MEDIA_TYPE = "application/ninjs+json"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"


def to_ninjs(article: ArticleOut) -> dict[str, Any]:
    first = article.published_at or article.updated_at or article.received_at
    latest = article.updated_at or article.published_at or article.received_at
    item: dict[str, Any] = {
        "uri": f"urn:wirefeed:article:{article.id}",
        "type": "text",
        "representationtype": "full",
        "profile": NINJS_SCHEMA,
        "version": str(article.version),
        "firstcreated": first.isoformat(),
        "versioncreated": latest.isoformat(),
        "pubstatus": "usable",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.headline}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": article.body_html}],
        "infosources": [{"name": article.agency, "role": "source"}],
        "altids": [{"role": "content_hash", "value": article.content_hash}],
        "usageterms": article.disclaimer,
    }
    if article.summary:
        item["descriptions"] = [{"role": "summary", "value": article.summary}]
    if article.byline:
        item["by"] = article.byline
    if article.dateline:
        item["located"] = article.dateline.place
    if article.category:
        item["subjects"] = [{"name": article.category, "rel": "category"}]
    return item
