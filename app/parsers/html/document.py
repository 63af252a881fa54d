"""Bytes of a web page → a bounded, script-free lxml tree, or a ParseError saying why the page cannot be read.

Every bound is checked before the expensive work: the byte size, the encoding, binary junk, then the element
count and nesting depth of the parsed tree. lxml's HTML parser never expands entities declared in a DTD and never
fetches anything, so "billion laughs" and external entities stay inert text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from app.errors import ParseError
from app.parsers.text.decode import BINARY_SIGNATURES

# A news page is 50-500 KB of HTML; the service refuses copy above its own (smaller) limit before parsing.
MAX_HTML_BYTES = 4_000_000
# Real article pages hold 2,000-20,000 elements; far more is a generated or hostile document.
MAX_ELEMENTS = 60_000
# Real pages nest 30-60 deep; libxml2 stops at 256, which already costs recursion elsewhere.
MAX_DEPTH = 200
# libxml2 checks each attribute against the others of its element: thousands on one element cost seconds.
MAX_ATTRIBUTES = 200
# A start tag this long is worth counting its attributes (real tags are under a few hundred characters).
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{1500,}>")
_ATTRIBUTE = re.compile(r"""\s[^\s=<>"'/]+\s*=""")
# Structured data blocks read for dates and headline: a page has a handful, each a few KB.
MAX_JSON_LD_BLOCKS = 10
MAX_JSON_LD_CHARS = 200_000
# Elements whose content is never page text.
NON_TEXT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "option",
    "textarea",
    "button",
    "input",
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Page:
    """The parsed page: its tree with non-text elements removed, and what was done to read it."""

    root: lxml.html.HtmlElement
    repairs: list[str] = field(default_factory=list)
    # The page's JSON-LD blocks (read before scripts are removed), each bounded in size.
    json_ld: list[str] = field(default_factory=list)
    # The decoded HTML, for the extractor.
    html: str = ""


def read_page(data: bytes) -> Page:
    """Decode and parse `data` as HTML within the bounds above, or raise ParseError."""
    if len(data) > MAX_HTML_BYTES:
        raise ParseError(
            f"Page too large: {len(data):,} bytes of HTML, over the {MAX_HTML_BYTES:,}-byte limit for one page.",
            reason="too-large",
        )
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ParseError(
                f"Binary content, not HTML: the copy starts with the signature of {kind}.", reason="binary"
            )
    repairs: list[str] = []
    text = _decode(data, repairs)
    if "\x00" in text:
        raise ParseError("NUL characters in the page: it is binary or corrupted, not HTML.", reason="binary")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 0.01 * len(text):
        raise ParseError(f"Binary content, not HTML: {controls:,} control characters.", reason="binary")
    if not text.strip():
        raise ParseError("Empty page: the copy holds no HTML.", reason="empty")
    for tag in _LONG_TAG.finditer(text):
        if len(_ATTRIBUTE.findall(tag.group(0))) > MAX_ATTRIBUTES:
            raise ParseError(
                f"Page too complex: an element with over {MAX_ATTRIBUTES} attributes (a hostile or generated page).",
                reason="too-complex",
            )
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        default_doctype=False,
        collect_ids=False,
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"The page is not readable HTML ({exc}).", reason="malformed") from exc
    _check_shape(root)
    json_ld = [
        script.text
        for script in root.iter("script")
        if (script.get("type") or "").strip().lower() == "application/ld+json"
        and script.text
        and len(script.text) <= MAX_JSON_LD_CHARS
    ][:MAX_JSON_LD_BLOCKS]
    etree.strip_elements(root, *NON_TEXT_TAGS, with_tail=False)
    return Page(root=root, repairs=repairs, json_ld=json_ld, html=text)


def _decode(data: bytes, repairs: list[str]) -> str:
    """The page's text: a byte-order mark first, then the page's own <meta charset>, then UTF-8, then cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"The page starts with a {encoding} byte-order mark but is not {encoding}.", reason="encoding"
                ) from exc
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec is not None and codec not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                repairs.append(f"declared charset {name} did not decode; read as UTF-8 or windows-1252")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        repairs.append("decoded as windows-1252")
        return data.decode("cp1252", errors="replace")


def _check_shape(root: lxml.html.HtmlElement) -> None:
    """Refuse trees too large or too deep for the extractor to walk in bounded time (iteratively, no recursion)."""
    count = 0
    depth = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            count += 1
            depth += 1
            if count > MAX_ELEMENTS:
                raise ParseError(
                    f"Page too complex: over {MAX_ELEMENTS:,} elements (a news page has a few thousand).",
                    reason="too-complex",
                )
            if depth > MAX_DEPTH:
                raise ParseError(
                    f"Page nested too deep: over {MAX_DEPTH} levels of elements (a news page has under 60).",
                    reason="too-complex",
                )
        else:
            depth -= 1
