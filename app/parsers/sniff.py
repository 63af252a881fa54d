"""Choose the parser for a piece of copy from its media type and, where that is generic, its bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.etree.ElementTree import ParseError as XMLParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml

from app.errors import ParseError, UnsupportedFormat
from app.parsers.base import ParsedCopy
from app.parsers.text import parse_text

Parser = Callable[[bytes], ParsedCopy]

# Media types that name one format outright.
SPECIFIC_TYPES: dict[str, str] = {
    "application/nitf+xml": "nitf",
    "application/vnd.iptc.g2.newsitem+xml": "newsml-g2",
    "application/ninjs+json": "ninjs",
    "application/vnd.iptc.7901": "iptc7901",
    "application/vnd.anpa.1312": "anpa1312",
}
# Media types that say little; the bytes decide.
GENERIC_TYPES = {"text/plain", "application/octet-stream", "application/xml", "text/xml", "application/json", ""}

# One entry per format we read; structured formats join this table as their parsers land.
PARSERS: dict[str, Parser] = {
    "text": parse_text,
}

_CONTROL_7901 = (b"\x01", b"\x02")  # SOH/STX framing of IPTC 7901 and ANPA-1312
_SYN = b"\x16"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def detect_format(data: bytes, content_type: str | None = None) -> str:
    """Name the format of `data`: a key of SPECIFIC_TYPES' values, or "text"."""
    media = _media_type(content_type)
    if media in SPECIFIC_TYPES:
        return SPECIFIC_TYPES[media]
    if media not in GENERIC_TYPES and not media.startswith("text/"):
        raise UnsupportedFormat(f"Content-Type {media!r} is not a copy format wirefeed reads.")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(_SYN) or b"\x16\x16\x01" in data[:16]:
        return "anpa1312"
    if head.startswith(_CONTROL_7901):
        return "iptc7901"
    if head.startswith(b"<"):
        return _sniff_xml(data)
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def _sniff_xml(data: bytes) -> str:
    head = data[:4096]
    if b"<nitf" in head:
        return "nitf"
    if b"newsItem" in head or b"newsMessage" in head:
        return "newsml-g2"
    # Markup with no wire-standard root: could be an HTML page pasted as text.
    return "xml" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else "text"


def _check_xml(data: bytes, fmt: str) -> None:
    try:
        parse_xml(data)
    except (XMLParseError, DefusedXmlException) as exc:
        detail = f"Malformed XML: the {fmt} document is not well-formed ({exc})."
        raise ParseError(detail, reason="malformed-xml") from exc


def _check_json(data: bytes) -> object:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"Malformed JSON: {exc}.", reason="malformed-json") from exc


def parse_copy(data: bytes, content_type: str | None = None) -> ParsedCopy:
    """Parse one piece of copy. Raises ParseError (422) or UnsupportedFormat (415), nothing else."""
    fmt = detect_format(data, content_type)
    parser = PARSERS.get(fmt)
    if parser is not None:
        return parser(data)
    if fmt in ("nitf", "newsml-g2", "xml"):
        _check_xml(data, fmt if fmt != "xml" else "XML")
    if fmt in ("ninjs", "json"):
        doc = _check_json(data)
        if not (isinstance(doc, dict) and "uri" in doc):
            raise UnsupportedFormat(
                "JSON is not ninjs (unsupported JSON format): a ninjs document is an object with a 'uri'."
            )
    label = {"xml": "XML without a NITF or NewsML-G2 root", "json": "JSON"}.get(fmt, fmt)
    raise UnsupportedFormat(f"{label} copy is recognised but not yet parsed by this service; it was kept for replay.")
