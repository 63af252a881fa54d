"""What the page says about itself in markup: title signals, language, description, author, and times with offsets.

Only machine-readable statements are read here (meta tags, JSON-LD, <time datetime>, <html lang>). A time is
taken only when it carries its offset ("Z" or "+01:00"); a placeholder date from before the web is ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

from app.parsers.html.textview import collapse

# JSON-LD types that describe the story itself (not the site, a breadcrumb or a video beside it).
ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "liveblogposting",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "report",
        "socialmediaposting",
    }
)
# Dates before this are placeholders ("0001-01-01T00:00:00Z"), never a story's time.
EARLIEST_YEAR = 1990
_ISO = re.compile(
    r"^\s*(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)\s*"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})\s*$",
    re.IGNORECASE,
)
# RFC 2822 dates ("Wed, 02 Feb 2022 09:12:22 +0100") count only with a numeric offset or GMT/UTC.
_RFC2822_ZONE = re.compile(r"(?:[+-]\d{4}|\bGMT|\bUTC)\s*$")
_JSON_MAX_DEPTH = 12
# JavaScript's Date.toString(), which pages print into datetime attributes: "Wed Nov 20 2019 08:00:58 GMT+0000".
_JS_DATE = re.compile(r"^\s*\w{3} (\w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")


@dataclass
class PageMeta:
    titles: dict[str, str] = field(default_factory=dict)  # signal name → collapsed text
    h1s: list[HtmlElement] = field(default_factory=list)
    language: str | None = None
    descriptions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: list[tuple[str, datetime]] = field(default_factory=list)  # (source, instant)
    modified: list[tuple[str, datetime]] = field(default_factory=list)
    site_name: str | None = None
    section: str | None = None


def parse_time(value: str | None) -> datetime | None:
    """An instant with its offset from ISO 8601 or RFC 2822 text; None without an offset or before EARLIEST_YEAR."""
    if not value:
        return None
    value = value.strip()
    found: datetime | None = None
    match = _ISO.match(value)
    if match is not None:
        offset = match.group("offset").upper()
        offset = "+00:00" if offset == "Z" else offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
        clock = match.group("time").replace(",", ".")
        if "." in clock:
            whole, fraction = clock.split(".", 1)
            clock = f"{whole}.{fraction[:6].ljust(6, '0')}"
        try:
            found = datetime.fromisoformat(f"{match.group('date')}T{clock}{offset}")
        except ValueError:
            return None
    elif (js := _JS_DATE.match(value)) is not None:
        try:
            found = datetime.strptime(f"{js.group(1)} {js.group(2)}", "%b %d %Y %H:%M:%S %z")
        except ValueError:
            return None
    elif _RFC2822_ZONE.search(value):
        try:
            found = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if found is None or found.tzinfo is None or found.year < EARLIEST_YEAR:
        return None
    return found


def read_meta(root: HtmlElement, json_ld: list[str]) -> PageMeta:
    meta = PageMeta()
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = collapse(element.get("content") or "")
        if not key or not content:
            continue
        if key in ("og:title", "twitter:title", "title", "dc.title", "twitter:text:title"):
            meta.titles.setdefault(key, content)
        elif key in ("description", "og:description", "twitter:description"):
            meta.descriptions.append(content)
        elif key in ("author", "article:author", "dc.creator"):
            if not content.startswith(("http://", "https://")):
                meta.authors.append(content)
        elif key == "og:site_name":
            meta.site_name = content
        elif key == "article:section":
            meta.section = meta.section or content
        elif key in ("article:published_time", "datepublished", "og:published_time", "dc.date.issued"):
            _add(meta.published, key, content)
        elif key in ("article:modified_time", "datemodified", "og:updated_time"):
            _add(meta.modified, key, content)
    title = next(root.iter("title"), None)
    if title is not None and collapse(title.text_content()):
        meta.titles.setdefault("title", collapse(title.text_content()))
    meta.h1s = [h for h in root.iter("h1") if collapse(h.text_content())]
    for time in root.iter("time"):
        prop = (time.get("itemprop") or "").lower()
        if prop == "datemodified":
            _add(meta.modified, "time[itemprop=dateModified]", time.get("datetime"))
        elif prop == "datepublished" or time.get("pubdate") is not None:
            _add(meta.published, "time[itemprop=datePublished]", time.get("datetime"))
    first_time = next((t for t in root.iter("time") if t.get("datetime")), None)
    if first_time is not None and not meta.published:
        _add(meta.published, "time", first_time.get("datetime"))
    for block in json_ld:
        for item in _article_objects(block):
            _add(meta.published, "json-ld datePublished", _string(item.get("datePublished")))
            _add(meta.modified, "json-ld dateModified", _string(item.get("dateModified")))
            headline = _string(item.get("headline"))
            if headline:
                meta.titles.setdefault("json-ld headline", collapse(headline))
            meta.authors.extend(_author_names(item.get("author")))
    meta.language = _declared_language(root)
    return meta


def _add(target: list[tuple[str, datetime]], source: str, value: str | None) -> None:
    instant = parse_time(value)
    if instant is not None:
        target.append((source, instant))


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _article_objects(block: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(block)
    except (ValueError, RecursionError):
        return []
    found: list[dict[str, Any]] = []
    pending: list[tuple[Any, int]] = [(data, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > _JSON_MAX_DEPTH:
            continue
        if isinstance(item, list):
            pending.extend((x, depth + 1) for x in item[:50])
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds):
                found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend((x, depth + 1) for x in graph[:50])
    return found


def _author_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:10]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.startswith(("http://", "https://")):
            names.append(collapse(name))
    return names


def _declared_language(root: HtmlElement) -> str | None:
    for value in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")):
        declared = str(value).strip() if value else ""
        if declared and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", declared):
            return declared.replace("_", "-").split("-", 1)[0].lower()
    return None
