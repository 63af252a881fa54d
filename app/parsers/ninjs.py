"""IPTC ninjs 1.x, 2.x and 3.x (News in JSON) → ParsedCopy.

Member names are read case-blind, so 3.x camelCase (`versionCreated`, `pubStatus`, `embargoedUntil`) and
1.x/2.x lowercase are one lookup.

    is ninjs   a JSON object with a string `uri` (the one member every version requires); other JSON
               (e.g. a WordPress post) is refused as UnsupportedFormat "JSON is not ninjs"
    headline   headlines[] (role main, else the first) / 1.x headline
    body       bodies[] (role main, else the first) by contenttype: text/html parsed as HTML (text only,
               active code refused), text/plain split at blank lines / 1.x body_html, else body_text
    byline     by / 1.x byline; summary descriptions[] role summary / 1.x description_text
    times      firstcreated → published_at, a later versioncreated → updated_at
    identity   uri and version
    status     pubstatus (canceled / withheld: a kill notice for the story `uri` names) and embargoed /
               embargoedUntil (the embargo instant; one that cannot be read is refused as "embargoed")
    valid      checked against IPTC's JSON Schema of the declared (else deduced) version (ninjs_validation);
               the first error, its path and message, is a ParseError "invalid-ninjs"

The status is read case-blind before the schema check; the intake acts on it (a kill withdraws the story,
an embargo holds it until its time).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any
from xml.etree.ElementTree import Element

from app.errors import ParseError, UnsupportedFormat
from app.parsers.base import ParsedCopy, PubStatus
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.ninjs_validation import validate_ninjs
from app.parsers.story import StoryParts, as_version, finish, parse_instant, refusing_failures
from app.parsers.xmlutil import check_size

LABEL = "ninjs"
_UTF8_BOM = b"\xef\xbb\xbf"
_HTML_TYPES = re.compile(r"html", re.IGNORECASE)


def load_json(data: bytes) -> object:
    """The JSON value of `data` (BOM dropped), or ParseError 'Malformed JSON'."""
    check_size(data, "JSON")
    try:
        return json.loads(data.removeprefix(_UTF8_BOM))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ParseError(f"Malformed JSON: {exc}.", reason="malformed-json") from exc


def is_ninjs(document: object) -> bool:
    return isinstance(document, dict) and isinstance(document.get("uri"), str)


def can_parse(data: bytes) -> bool:
    try:
        return is_ninjs(load_json(data))
    except ParseError:
        return False


@refusing_failures(LABEL)
def parse_ninjs(data: bytes) -> ParsedCopy:
    """Read one ninjs document. Raises ParseError or UnsupportedFormat (and nothing else)."""
    document = load_json(data)
    if not is_ninjs(document):
        raise UnsupportedFormat(
            "JSON is not ninjs (unsupported JSON format): a ninjs document is an object with a string 'uri'; "
            "no mapping is guessed for other JSON shapes."
        )
    assert isinstance(document, dict)  # narrowed by is_ninjs
    doc = _folded(document)
    pubstatus, embargoed = _publishing_status(doc)
    validate_ninjs(document, LABEL)
    headline = _value(_pick(doc, "headlines", "main")) or _str(doc, "headline")
    paragraphs = _body(doc)
    summary_item = _pick(doc, "descriptions", "summary")
    summary = _value(summary_item) or _str(doc, "description_text")
    summary_is_html = summary_item is not None and bool(_HTML_TYPES.search(_str(summary_item, "contenttype") or ""))
    if summary is None and _str(doc, "description_html"):
        summary, summary_is_html = _str(doc, "description_html"), True
    if summary_is_html:
        fragment = html_fragment(summary or "")
        refuse_active_markup(fragment, LABEL)
        summary = " ".join(paragraphs_of(fragment)) or None
    by = doc.get("by")
    byline = by if isinstance(by, str) else _str(doc, "byline")
    parts = StoryParts(
        source_format="ninjs",
        label=LABEL,
        headline=headline,
        paragraphs=paragraphs,
        haystack=verbatim_haystack(list(_strings(document))),
        byline=byline,
        published=_str(doc, "firstcreated"),
        updated=_str(doc, "versioncreated"),
        summary=summary,
        language=_str(doc, "language"),
        agency_names=[n for n in (_str(doc, "copyrightholder"), _str(doc, "provider")) if n],
        agency_ref=document["uri"],
        agency_version=as_version(doc.get("version")),
    )
    return finish(parts).model_copy(update={"pubstatus": pubstatus, "embargoed": embargoed})


def _publishing_status(doc: dict[str, Any]) -> tuple[PubStatus, datetime | None]:
    """The document's pubstatus and embargo instant. An embargo whose time cannot be read is refused:
    publishing it could break the embargo."""
    status = (_str(doc, "pubstatus") or "usable").lower()
    pubstatus: PubStatus = "canceled" if status in ("canceled", "cancelled") else "usable"
    if status == "withheld":
        pubstatus = "withheld"
    embargo = _str(doc, "embargoeduntil") or _str(doc, "embargoed")
    if embargo is None:
        return pubstatus, None
    at, _assumed_utc = parse_instant(embargo, timedelta(0))
    if at is None:
        raise ParseError(
            f"Embargoed: the ninjs copy is embargoed until {embargo!r}, a time that cannot be read; it is not "
            "published.",
            reason="embargoed",
        )
    return pubstatus, at


def _folded(obj: dict[str, Any]) -> dict[str, Any]:
    """Member names lower-cased (3.x camelCase and 2.x lowercase alike), recursively."""
    folded: dict[str, Any] = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            value = _folded(value)
        elif isinstance(value, list):
            value = [_folded(v) if isinstance(v, dict) else v for v in value]
        folded.setdefault(key.lower(), value)
    return folded


def _str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError(
            f"Not valid ninjs: '{key}' must be a string, not {type(value).__name__}.", reason="invalid-ninjs"
        )
    return value.strip() or None


def _pick(doc: dict[str, Any], key: str, role: str) -> dict[str, Any] | None:
    """From an array of {role, value} objects, the one with `role`, else the first."""
    items = doc.get(key)
    if items is None:
        return None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ParseError(f"Not valid ninjs: '{key}' must be an array of objects.", reason="invalid-ninjs")
    return next((i for i in items if i.get("role") == role), items[0] if items else None)


def _value(item: dict[str, Any] | None) -> str | None:
    return _str(item, "value") if item is not None else None


def _body(doc: dict[str, Any]) -> list[str]:
    item = _pick(doc, "bodies", "main")
    if item is not None:
        text, kind = _value(item) or "", _str(item, "contenttype") or "text/plain"
    elif _str(doc, "body_html"):
        text, kind = _str(doc, "body_html") or "", "text/html"
    else:
        text, kind = _str(doc, "body_text") or "", "text/plain"
    if _HTML_TYPES.search(kind):
        body = html_fragment(text)
        refuse_active_markup(body, LABEL)
    else:
        body = Element("body")
        body.text = text
    return paragraphs_of(body)


def _strings(value: object) -> list[str]:
    """Every string in the JSON value, JSON escapes already undone: what body text must be found in."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
