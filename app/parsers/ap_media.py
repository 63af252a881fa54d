"""AP Media API JSON (`/content/{id}` item records and `/content/feed` pages) → ParsedCopy.

shape      {"data": {"item": {...}}} for one item, {"data": {"items": [{"item": {...}}, ...]}} for a feed
           page; an item has `altids.itemid` and `uri`
identity   altids.itemid → agency_ref; version → agency_version
fields     headline (else title), bylines[].by, datelinelocation.city, firstcreated / versioncreated,
           pubstatus, urgency, language, slugline (else headline for AP's slug-style titles), subject[]
body       the item's own text when it carries some (`body_html`, `body_text`); AP delivers a text
           story's words as NITF/ANPA rendition downloads, so an item without them is parsed and held
           with the doubt "text-by-reference" (fetch the rendition), never published empty
not story  type picture, graphic, video, audio, composite → "not-a-story: picture" (etc.)
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, as_version, finish, read_pubstatus, read_urgency, refusing_failures

LABEL = "AP Media API JSON"
_NOT_STORY = ("picture", "graphic", "video", "audio", "composite", "complexdata")


def items_of(document: object) -> list[dict[str, Any]] | None:
    """The item records of an AP Media API answer, or None when `document` is not one."""
    if not isinstance(document, dict):
        return None
    data = document.get("data")
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("item"), dict):
        records = [data["item"]]
    elif isinstance(data.get("items"), list):
        records = [e.get("item") for e in data["items"] if isinstance(e, dict)]
    else:
        return None
    items = [r for r in records if isinstance(r, dict) and isinstance(r.get("altids"), dict)]
    return items if items and len(items) == len(records) else None


def is_ap_media(document: object) -> bool:
    return items_of(document) is not None


@refusing_failures(LABEL)
def parse_ap_media_items(data: bytes) -> list[ParsedCopy]:
    from app.parsers.ninjs import load_json  # one JSON reader for every JSON format

    document = load_json(data)
    items = items_of(document)
    if items is None:
        raise ParseError(
            "Not an AP Media API answer: no data.item or data.items[].item records.", reason="wrong-format"
        )
    stories = [i for i in items if str(i.get("type") or "text").lower() not in _NOT_STORY]
    if not stories:
        kind = str(items[0].get("type") or "item").lower()
        raise ParseError(
            f"Not a story: the AP Media API item is a {kind}, not text; it is not published.",
            reason=f"not-a-story: {kind}",
        )
    return [finish(_read(item)) for item in stories]


@refusing_failures(LABEL)
def parse_ap_media(data: bytes) -> ParsedCopy:
    return parse_ap_media_items(data)[0]


def _s(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _read(item: dict[str, Any]) -> StoryParts:
    altids = item.get("altids") if isinstance(item.get("altids"), dict) else {}
    body_html, body_text = _s(item, "body_html"), _s(item, "body_text")
    if body_html:
        fragment = html_fragment(body_html)
        refuse_active_markup(fragment, LABEL)
        paragraphs = paragraphs_of(fragment)
    elif body_text:
        element = Element("body")
        element.text = body_text
        paragraphs = paragraphs_of(element)
    else:
        paragraphs = []
    bylines = item.get("bylines")
    byline = None
    if isinstance(bylines, list) and bylines and isinstance(bylines[0], dict):
        byline = _s(bylines[0], "by")
    located = item.get("datelinelocation")
    city = _s(located, "city") if isinstance(located, dict) else None
    subjects = [
        s.get("name") for s in item.get("subject", []) if isinstance(s, dict) and isinstance(s.get("name"), str)
    ]
    pubstatus = read_pubstatus(_s(item, "pubstatus"))
    parts = StoryParts(
        source_format="ap-media-json",
        label=LABEL,
        headline=_s(item, "headline") or _s(item, "title"),
        paragraphs=paragraphs,
        haystack=verbatim_haystack([s for s in (body_html, body_text) if s]),
        byline=byline,
        dateline_text=city,
        dateline_place=city,
        published=_s(item, "firstcreated"),
        updated=_s(item, "versioncreated"),
        language=_s(item, "language"),
        agency_names=[n for n in (_s(item, "provider"), "AP") if n],
        provider=_s(item, "provider") or "AP",
        agency_ref=_s(altids, "itemid") if isinstance(altids, dict) else None,
        agency_version=as_version(item.get("version")),
        pubstatus=pubstatus,
        embargoed=_s(item, "embargoed") if pubstatus == "usable" else None,
        urgency=read_urgency(item.get("urgency")),
        slugline=_s(item, "slugline"),
        subjects=[s for s in subjects if s][:50],
        editorial_notes=[n for n in (_s(item, "ednote"),) if n],
    )
    if not paragraphs and pubstatus == "usable":
        renditions = item.get("renditions") if isinstance(item.get("renditions"), dict) else {}
        names = ", ".join(sorted(renditions)) if isinstance(renditions, dict) and renditions else "none listed"
        raise ParseError(
            f"No story text: the {LABEL} item {parts.agency_ref or ''} ({parts.headline or 'no headline'!r}) carries "
            f"its text only as rendition downloads ({names}); post the NITF or ANPA rendition instead.",
            reason="no-body: text-by-reference",
            agency_ref=parts.agency_ref,  # the problem answer names the agency's item, to fetch its text
            agency_version=parts.agency_version,
        )
    return parts
