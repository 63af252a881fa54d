"""Turn raw copy bytes into clean text: refuse binary and oversized input, pick the encoding, repair mojibake."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from app.errors import ParseError

# A wire story is a few KB and a scraped page a few tens of KB; anything past this is a looping feed or a dump.
MAX_COPY_BYTES = 1_000_000

# Signatures of binary files that turn up posted as ".txt" (images, archives, PDFs, office files).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)

_UTF8_BOM = b"\xef\xbb\xbf"
# Byte-order marks of the UTF-16/32 encodings Windows tools save "Unicode text" in; the longer UTF-32 marks first,
# since UTF-32LE's mark begins with UTF-16LE's. Their NUL bytes are the encoding, not binary content.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF and CR: a few are tolerated, many mean the bytes are not text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# Characters that take no space but are not "whitespace" to str.isspace(); invisible copy is empty copy.
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


@dataclass
class DecodedCopy:
    """Text as the normaliser reads it; every body paragraph must be a span of `text`."""

    text: str
    repairs: list[str] = field(default_factory=list)


def decode_copy(data: bytes) -> DecodedCopy:
    """Decode `data` or raise ParseError saying why the bytes are not publishable text."""
    if len(data) > MAX_COPY_BYTES:
        raise ParseError(
            f"Document too large: the copy is {len(data):,} bytes, over the {MAX_COPY_BYTES:,}-byte limit for "
            "agency text (a wire story is a few KB; this looks like a looping feed or a dump).",
            reason="too-large",
        )
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ParseError(
                f"Binary content, not text: the copy starts with the signature of {kind}.",
                reason="binary",
            )
    wide = _decode_wide(data)
    if wide is not None:
        return _clean(wide[0], data, [wide[1]])
    nul_at = data.find(b"\x00")
    if nul_at >= 0:
        nul_count = data.count(b"\x00")
        raise ParseError(
            f"NUL bytes in input: the copy contains {nul_count} NUL byte(s), the first at byte {nul_at}; "
            "it is binary or corrupted in transmission, not agency text.",
            reason="binary",
        )
    repairs: list[str] = []
    body = data
    if body.startswith(_UTF8_BOM):
        body = body[len(_UTF8_BOM) :]
    return _clean(_decode_bytes(body, repairs), data, repairs)


def _decode_wide(data: bytes) -> tuple[str, str] | None:
    """(text, repair note) for copy that opens with a UTF-16/32 byte-order mark; None for any other copy."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), f"decoded as {encoding.upper()} (byte-order mark)"
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"Broken {encoding.upper()} text: the copy opens with that encoding's byte-order mark but byte "
                    f"{exc.start + len(bom)} does not decode.",
                    reason="binary",
                ) from exc
    return None


def _clean(text: str, data: bytes, repairs: list[str]) -> DecodedCopy:
    """Line endings, emptiness, control characters and mojibake, once the bytes are text."""
    # A BOM can also survive inside text that was re-encoded; it is never story text.
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _INVISIBLE.sub("", text):
        raise ParseError(
            f"Empty body: the copy ({len(data)} bytes) holds no text at all" + (" (whitespace only)." if data else "."),
            reason="empty",
        )
    controls = len(_CONTROL.findall(text))
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        raise ParseError(
            f"Binary content, not text: {controls} of {len(text)} characters are control characters.",
            reason="binary",
        )
    repaired = ftfy.fix_encoding(text)
    if repaired != text:
        repairs.append("repaired mojibake (UTF-8 read as Windows-1252)")
        text = repaired
    return DecodedCopy(text=text, repairs=repairs)


def _decode_bytes(body: bytes, repairs: list[str]) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Agency desks on Windows still send cp1252; it is a superset of Latin-1's printable range.
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        repairs.append("decoded as iso-8859-1")
        return body.decode("latin-1")
    repairs.append("decoded as windows-1252")
    return text
