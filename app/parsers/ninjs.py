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
    identity   guid (Superdesk) else uri → agency_ref; version → agency_version
    status     pubstatus canceled / withheld → pubstatus; embargoed / embargoedUntil → embargoed; urgency,
               slugline, subject[s]; type picture/video/audio/graphic/composite is not a story (ParseError)
    valid      a document with a uri is checked against IPTC's JSON Schema of the declared (else deduced)
               version (ninjs_validation); the first error is a ParseError "invalid-ninjs". Superdesk's
               guid-only ninjs is outside the schema (no uri) and is read member by member

A killed, withheld or embargoed document is refused as such before the schema check: reading the status
case-blind, whatever else is wrong with the document, keeps the refusal that matters most to the desk.
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element

from app.errors import ParseError, UnsupportedFormat
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.ninjs_validation import validate_ninjs
from app.parsers.story import StoryParts, as_version, finish, read_pubstatus, read_urgency, refusing_failures
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


_CONTENT_MEMBERS = frozenset(
    {"headline", "headlines", "body_html", "body_text", "body_xhtml", "bodies", "versioncreated", "type"}
)


def is_ninjs(document: object) -> bool:
    """A ninjs object: a string `uri` (IPTC's one required member), or the `guid` newsroom systems such as
    Superdesk write instead, beside ninjs content members (headline, body_html, versioncreated, type)."""
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("uri"), str):
        return True
    return isinstance(document.get("guid"), str) and any(k.lower() in _CONTENT_MEMBERS for k in document)


def can_parse(data: bytes) -> bool:
    try:
        return is_ninjs(load_json(data))
    except ParseError:
        return False


def wrapped_items(document: object) -> list[dict[str, Any]] | None:
    """The ninjs objects of a result wrapper ({"total": 1, "item": [ninjs, ...]}, as BBC's API answers), or
    None when `document` is no such wrapper."""
    if not isinstance(document, dict):
        return None
    for key in ("item", "items"):
        items = document.get(key)
        if isinstance(items, list) and items and all(is_ninjs(i) for i in items):
            return [i for i in items if isinstance(i, dict)]
    return None


@refusing_failures(LABEL)
def parse_ninjs(data: bytes) -> ParsedCopy:
    """Read one ninjs document (the first story of a wrapper). Raises ParseError or UnsupportedFormat."""
    return parse_ninjs_items(data)[0]


@refusing_failures(LABEL)
def parse_ninjs_items(data: bytes) -> list[ParsedCopy]:
    """Every story of a ninjs document or of a wrapper of ninjs items; the first refusal when none is one."""
    document = load_json(data)
    documents = [document] if is_ninjs(document) else wrapped_items(document)
    if not documents:
        raise UnsupportedFormat(
            "JSON is not ninjs (unsupported JSON format): a ninjs document is an object with a string 'uri' "
            "(or a newsroom system's 'guid'); no mapping is guessed for other JSON shapes."
        )
    stories: list[ParsedCopy] = []
    refusals: list[ParseError] = []
    for item in documents:
        try:
            stories.append(_parse_document(item))
        except ParseError as refusal:
            refusals.append(refusal)
    if not stories:
        raise refusals[0]
    return stories


def _parse_document(document: object) -> ParsedCopy:
    assert isinstance(document, dict)  # narrowed by is_ninjs
    doc = _folded(document)
    kind = (_str(doc, "type") or "text").lower()
    if kind in _NOT_STORY_TYPES:
        raise ParseError(
            f"Not a story: the ninjs item is of type '{kind}' ({_NOT_STORY_TYPES[kind]}), not text; it is not "
            "published.",
            reason=f"not-a-story: {kind}",
        )
    pubstatus = read_pubstatus(_str(doc, "pubstatus"))
    if isinstance(document.get("uri"), str):  # IPTC's schema requires uri: guid-only (Superdesk) ninjs is read as is
        try:
            validate_ninjs(document, LABEL)
        except ParseError:
            if pubstatus == "usable":
                raise
            # A kill or hold is honoured even when the notice is otherwise outside the schema.
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
        agency_names=[n for n in (_str(doc, "copyrightholder"), _provider(doc)) if n],
        provider=_provider(doc) or _str(doc, "copyrightholder"),
        agency_ref=_identifier(document),
        agency_version=as_version(doc.get("version")),
        pubstatus=pubstatus,
        embargoed=(_str(doc, "embargoeduntil") or _str(doc, "embargoed")) if pubstatus == "usable" else None,
        urgency=read_urgency(doc.get("urgency")),
        slugline=_str(doc, "slugline"),
        subjects=_subjects(doc),
        dateline_text=_located(doc),
        editorial_notes=[n for n in (_text(doc.get("ednote")),) if n],
        markup_checked=_body_is_html(doc),
    )
    return finish(parts)


_NOT_STORY_TYPES = {
    "advisory": "an editorial advisory to the desks",
    "picture": "a picture",
    "graphic": "a graphic",
    "video": "a video",
    "audio": "audio",
    "composite": "a package",
    "package": "a package",
    "event": "a planning event",
    "planning": "a planning item",
}


def _identifier(document: dict[str, Any]) -> str | None:
    """The agency's id as written: `guid` where the producer writes one (Superdesk), else `uri`."""
    for key in ("guid", "uri"):
        value = document.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _provider(doc: dict[str, Any]) -> str | None:
    provider = doc.get("provider")
    if isinstance(provider, dict):
        return _text(provider.get("name"))
    return _text(provider)


def _located(doc: dict[str, Any]) -> str | None:
    located = doc.get("located")
    if isinstance(located, dict):
        return _text(located.get("name")) or _text(located.get("city"))
    return _text(located)


def _subjects(doc: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in ("subject", "subjects"):
        items = doc.get(key)
        for item in items if isinstance(items, list) else []:
            label = (
                _text(item.get("name")) or _text(item.get("code")) or _text(item.get("uri"))
                if isinstance(item, dict)
                else None
            )
            if label and label not in found:
                found.append(label)
    return found[:50]


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


def _body_is_html(doc: dict[str, Any]) -> bool:
    item = _pick(doc, "bodies", "main")
    if item is not None:
        return bool(_HTML_TYPES.search(_str(item, "contenttype") or ""))
    return bool(_str(doc, "body_html") or _str(doc, "body_xhtml"))


def _body(doc: dict[str, Any]) -> list[str]:
    item = _pick(doc, "bodies", "main")
    if item is not None:
        text, kind = _value(item) or "", _str(item, "contenttype") or "text/plain"
    elif _str(doc, "body_html"):
        text, kind = _str(doc, "body_html") or "", "text/html"
    elif _str(doc, "body_xhtml"):
        text, kind = _str(doc, "body_xhtml") or "", "text/html"
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
