"""Safe XML reading for the structured parsers: defusedxml only, namespace-blind lookups, the decoded source.

Every XML wire format here is read through `read_xml`, which refuses oversized, malformed and hostile
(entity-declaring) documents with a `ParseError`, and hands back the root element together with the
document decoded in its declared encoding, which is what the verbatim guard searches.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from app.errors import ParseError
from app.parsers.text.decode import MAX_COPY_BYTES

_DECLARED_ENCODING = re.compile(rb"^<\?xml[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._\-]{1,40})[\"']")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class XmlDocument:
    root: Element
    # The document as text: declared encoding, BOM dropped, CRLF turned into LF.
    source: str
    repairs: list[str] = field(default_factory=list)


def check_size(data: bytes, label: str) -> None:
    if len(data) > MAX_COPY_BYTES:
        raise ParseError(
            f"Document too large: the {label} copy is {len(data):,} bytes, over the {MAX_COPY_BYTES:,}-byte limit.",
            reason="too-large",
        )


def read_xml(data: bytes, label: str) -> XmlDocument:
    """Parse `data` with defusedxml; `label` names the format in error details ("NITF", "NewsML-G2")."""
    check_size(data, label)
    if not data.strip():
        raise ParseError(f"Empty body: the {label} copy holds no text at all.", reason="empty")
    repairs: list[str] = []
    if _utf8_declared_single_byte(data):
        # Declared as a one-byte charset but written in UTF-8 (valid multi-byte sequences throughout): read as
        # what it is, or every accented letter becomes two ('DÃ©cÃ¨s').
        declared = _DECLARED_ENCODING.match(data)
        assert declared is not None
        name = declared.group(1).decode("ascii")
        data = data[: declared.start(1)] + b"utf-8" + data[declared.end(1) :]
        repairs.append(f"read as UTF-8 (declared {name}, but the bytes are UTF-8)")
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ParseError(
            f"Unsafe XML: the {label} document declares entities or external references ({exc}); refused unread.",
            reason="unsafe-xml",
        ) from exc
    except (XMLParseError, ValueError, LookupError, UnicodeError) as exc:
        raise ParseError(
            f"Copy is malformed XML (not well-formed {label}): {exc}.",
            reason="malformed-xml",
        ) from exc
    return XmlDocument(root=root, source=decode_source(data, label), repairs=repairs)


_SINGLE_BYTE = re.compile(r"^(?:iso-?8859-\d+|latin-?1|l1|windows-125\d|cp125\d|us-ascii|ascii)$", re.IGNORECASE)
_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _utf8_declared_single_byte(data: bytes) -> bool:
    """True when the XML declaration names a one-byte charset but the bytes are valid UTF-8 with non-ASCII
    letters: such a file cannot be meant as Latin-1 (Latin-1 text is almost never also valid UTF-8)."""
    declared = _DECLARED_ENCODING.match(data)
    if declared is None or not _SINGLE_BYTE.match(declared.group(1).decode("ascii")):
        return False
    if _MULTIBYTE.search(data) is None:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_source(data: bytes, label: str) -> str:
    """The document's characters as declared (BOM, else the XML declaration, else UTF-8), CRLF as LF."""
    encoding = "utf-8"
    body = data
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, body = name, data[len(bom) :]
            break
    else:
        declared = _DECLARED_ENCODING.match(data)
        if declared is not None:
            encoding = declared.group(1).decode("ascii")
    try:
        text = body.decode(encoding)
    except (LookupError, UnicodeError) as exc:
        raise ParseError(
            f"Copy is malformed XML (not well-formed {label}): its bytes are not {encoding} as declared ({exc}).",
            reason="malformed-xml",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def local(tag: object) -> str:
    """An element's name without its namespace; comments and processing instructions have none."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element | None, name: str) -> list[Element]:
    return [c for c in element if local(c.tag) == name] if element is not None else []


def child(element: Element | None, *path: str) -> Element | None:
    """The first element down `path` of local names, or None."""
    current = element
    for name in path:
        if current is None:
            return None
        current = next((c for c in current if local(c.tag) == name), None)
    return current


def descendants(element: Element, name: str) -> Iterator[Element]:
    return (e for e in element.iter() if local(e.tag) == name)


def attr(element: Element | None, name: str) -> str | None:
    """An attribute by local name (so `xml:lang` is "lang"), stripped; None when absent or blank."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local(key) == name:
            return value.strip() or None
    return None


def text_of(element: Element | None) -> str | None:
    """All text inside `element`, stripped; None when there is none."""
    if element is None:
        return None
    return "".join(element.itertext()).strip() or None
