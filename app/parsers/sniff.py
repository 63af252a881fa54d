"""Choose the parser for a piece of copy from its media type and, where that is generic, its bytes.

detect_format   media type, else the bytes → "text", "html", "nitf", "newsml-g2", "ninjs", "iptc7901",
                "anpa1312", "newsml12", "ap-media-json", "rfc822" (even under text/plain), "feed",
                or "xml" / "json" for markup and JSON of no format we read
parse_items     every story item of a multi-item document (G2 newsMessage, feeds), in order
PARSERS         format name → parser (one module per format, each a pure function of bytes)
parse_copy      the two together; raises ParseError (422) or UnsupportedFormat (415), nothing else
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from app.errors import ParseError, UnsupportedFormat
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.ap_media import is_ap_media, parse_ap_media, parse_ap_media_items
from app.parsers.base import ParsedCopy
from app.parsers.feed import parse_feed, parse_feed_items
from app.parsers.html import parse_html
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml12 import parse_newsml12, parse_newsml12_items
from app.parsers.newsml_g2 import parse_newsml_g2, parse_newsml_g2_items
from app.parsers.ninjs import is_ninjs, load_json, parse_ninjs, parse_ninjs_items, wrapped_items
from app.parsers.nitf import parse_nitf
from app.parsers.rfc822 import can_parse as is_email
from app.parsers.rfc822 import parse_rfc822
from app.parsers.ritzau import parse_ritzau, parse_ritzau_items
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
    # --- wire formats (wire-parsers) ---
    "message/rfc822": "rfc822",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/vnd.iptc.newsml+xml": "newsml12",
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
    # --- wire formats (wire-parsers) ---
    "newsml12": parse_newsml12,
    "ap-media-json": parse_ap_media,
    "rfc822": parse_rfc822,
    "feed": parse_feed,
    "ritzau": parse_ritzau,
}
# Formats whose one document may carry several stories: every story item, in document order.
ITEM_PARSERS: dict[str, Callable[[bytes], list[ParsedCopy]]] = {
    "newsml-g2": parse_newsml_g2_items,
    "newsml12": parse_newsml12_items,
    "ap-media-json": parse_ap_media_items,
    "feed": parse_feed_items,
    "ritzau": parse_ritzau_items,
    "ninjs": parse_ninjs_items,
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
    if is_email(data):
        return "rfc822"  # an e-mail posted as text/plain: its SMTP headers are never a story
    return "text"


# An HTML document's own opening, after an optional BOM, whitespace and comments.
_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_ROOT_TAG = re.compile(rb"<(?![?!/])(?:[\w.\-]+:)?([\w.\-]+)")
_XML_FORMATS = {
    b"nitf": "nitf",
    b"newsItem": "newsml-g2",
    b"newsMessage": "newsml-g2",
    # --- wire formats (wire-parsers) ---
    b"packageItem": "newsml-g2",
    b"NewsML": "newsml12",
    b"rss": "feed",
    b"feed": "feed",
    b"RDF": "feed",
    b"RBNews": "ritzau",
    b"ArrayOfRBNews": "ritzau",
}


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
    """ninjs (an object with a string 'uri' or a newsroom system's 'guid', or a wrapper of such items), AP Media
    API JSON; anything else (or JSON that does not parse) is "json"."""
    try:
        document = load_json(data)
    except ParseError:
        return "json"
    if is_ninjs(document) or wrapped_items(document) is not None:
        return "ninjs"
    return "ap-media-json" if is_ap_media(document) else "json"


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
    label = {"xml": "XML of no wire format wirefeed reads (NITF, NewsML-G2, NewsML 1.2, RSS/Atom, Ritzau)"}.get(
        fmt, fmt
    )
    raise UnsupportedFormat(f"{label} copy is recognised but not yet parsed by this service; it was kept for replay.")


def parse_items(data: bytes, content_type: str | None = None) -> list[ParsedCopy]:
    """Every story item of a piece of copy (a G2 newsMessage, a NewsML 1.2 document, an AP Media feed page,
    an RSS/Atom feed may carry several), in document order; one-story formats give a list of one.
    Raises ParseError (422) or UnsupportedFormat (415), nothing else, as parse_copy does."""
    fmt = detect_format(data, content_type)
    items = ITEM_PARSERS.get(fmt)
    if items is not None:
        return items(data)
    return [parse_copy(data, content_type)]
