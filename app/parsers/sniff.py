"""Choose the parser for a piece of copy from its media type and, where that is generic, its bytes.

detect_format   media type, else the bytes → "text", "html", "nitf", "newsml-g2", "ninjs", "iptc7901",
                "anpa1312", or "xml" / "json" for markup and JSON of no format we read
PARSERS         format name → parser (one module per format, each a pure function of bytes)
parse_copy      the two together; raises ParseError (422) or UnsupportedFormat (415), nothing else
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from app.errors import ParseError, UnsupportedFormat
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.base import ParsedCopy
from app.parsers.html import parse_html
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import is_ninjs, load_json, parse_ninjs
from app.parsers.nitf import parse_nitf
from app.parsers.text import parse_text
from app.parsers.xmlutil import read_xml

Parser = Callable[[bytes], ParsedCopy]

# Media types that name one format outright.
SPECIFIC_TYPES: dict[str, str] = {
    "application/nitf+xml": "nitf",
    "application/vnd.iptc.g2.newsitem+xml": "newsml-g2",
    "application/ninjs+json": "ninjs",
    "application/vnd.iptc.7901": "iptc7901",
    "application/vnd.anpa.1312": "anpa1312",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
# What a sender of a file declares: the generic type of its extension, so that the bytes decide the format.
MEDIA_TYPE_BY_SUFFIX = {
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".json": "application/json",
    ".html": "text/html",
    ".htm": "text/html",
}


def media_type_for(path: str | PurePath) -> str:
    """The media type to declare for a file of copy (drop folders, the CLI, corpora)."""
    return MEDIA_TYPE_BY_SUFFIX.get(PurePath(path).suffix.lower(), "application/octet-stream")


# Media types that say little; the bytes decide.
GENERIC_TYPES = {"text/plain", "application/octet-stream", "application/xml", "text/xml", "application/json", ""}

# One entry per format we read.
PARSERS: dict[str, Parser] = {
    "text": parse_text,
    "nitf": parse_nitf,
    "newsml-g2": parse_newsml_g2,
    "ninjs": parse_ninjs,
    "iptc7901": parse_iptc7901,
    "anpa1312": parse_anpa1312,
    "html": parse_html,
}

_COMMENTS = re.compile(rb"<!--.*?-->", re.DOTALL)
_CONTROL_7901 = (b"\x01", b"\x02")  # SOH/STX framing of IPTC 7901 and ANPA-1312
_SYN = b"\x16"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def detect_format(data: bytes, content_type: str | None = None) -> str:
    """Name the format of `data`: a key of PARSERS, or "xml" / "json" for markup or JSON of no format we read."""
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
    if _HTML_START.match(head):
        return "html"  # a page posted as text/plain or octet-stream: <!DOCTYPE html> or <html> opens it
    if head.startswith(b"<"):
        return _sniff_xml(data)
    if head.startswith((b"{", b"[")):
        return _sniff_json(data)
    return "text"


# An HTML document's own opening, after an optional BOM, whitespace and comments.
_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_ROOT_TAG = re.compile(rb"<(?![?!/])(?:[\w.\-]+:)?([\w.\-]+)")
_XML_FORMATS = {b"nitf": "nitf", b"newsItem": "newsml-g2", b"newsMessage": "newsml-g2"}


def _sniff_xml(data: bytes) -> str:
    head = data[:4096]
    # The root element decides (a newsItem may carry NITF inside it); then any wire-standard element near the top.
    root = _ROOT_TAG.search(_COMMENTS.sub(b"", head))
    if root is not None and root.group(1) in _XML_FORMATS:
        return _XML_FORMATS[root.group(1)]
    if root is not None and root.group(1).lower() == b"html":
        return "html"  # XHTML with an XML declaration
    if b"<nitf" in head:
        return "nitf"
    if b"newsItem" in head or b"newsMessage" in head:
        return "newsml-g2"
    # Markup with no wire-standard root: could be an HTML page pasted as text.
    return "xml" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else "text"


def _sniff_json(data: bytes) -> str:
    """ninjs is a JSON object with a string 'uri'; anything else (or JSON that does not parse) is "json"."""
    try:
        return "ninjs" if is_ninjs(load_json(data)) else "json"
    except ParseError:
        return "json"


def parse_copy(data: bytes, content_type: str | None = None) -> ParsedCopy:
    """Parse one piece of copy. Raises ParseError (422) or UnsupportedFormat (415), nothing else."""
    fmt = detect_format(data, content_type)
    parser = PARSERS.get(fmt)
    if parser is not None:
        return parser(data)
    if fmt == "xml":
        read_xml(data, "XML")  # malformed markup is refused as such before it is called unsupported
    if fmt == "json":
        load_json(data)  # malformed JSON is refused as such; well-formed JSON here is not ninjs
        raise UnsupportedFormat(
            "JSON is not ninjs (unsupported JSON format): a ninjs document is an object with a string 'uri'; "
            "no mapping is guessed for other JSON shapes."
        )
    label = {"xml": "XML without a NITF or NewsML-G2 root", "json": "JSON"}.get(fmt, fmt)
    raise UnsupportedFormat(f"{label} copy is recognised but not yet parsed by this service; it was kept for replay.")
