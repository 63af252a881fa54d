"""Shared reading of control-framed wire transmissions (IPTC 7901, ANPA-1312): decoding, framing, paragraphs.

A transmission is `SOH header STX text ETX trailer EOT`. The text's paragraphs start at an indented line
(or after a blank line) and run on over unindented lines; each is cut from the decoded text as one span, so
it is verbatim by construction.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from app.errors import ParseError
from app.parsers.base import SourceFormat
from app.parsers.markup import verbatim_haystack
from app.parsers.story import StoryParts
from app.parsers.text.timestamps import ZONE_OFFSETS
from app.parsers.xmlutil import check_size

SOH, STX, ETX, EOT, SYN = "\x01", "\x02", "\x03", "\x04", "\x16"
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LATIN1_FALLBACK = "wirefeed-latin1-fallback"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


@dataclass(frozen=True)
class Transmission:
    text: str  # the whole message decoded, CRLF as LF
    header: str  # between SOH (after any SYN) and STX
    body: str  # between STX and ETX
    trailer: str  # after ETX, up to EOT
    repairs: list[str]


@dataclass(frozen=True)
class TextLine:
    start: int  # offset of the line's first character in the body
    end: int  # offset just past its last character (before the line feed)
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def indented(self) -> bool:
        return self.raw[:1] in (" ", "\t") and bool(self.text)


def opening(data: bytes) -> bytes:
    """The first bytes of a transmission, past any BOM and blank space: where its control characters stand."""
    return data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")


def read_transmission(data: bytes, label: str, *, latin1: bool, typesetting: bool = False) -> Transmission:
    """Decode and frame `data`; `latin1` says the format's default character set is ISO 8859-1;
    `typesetting` reads ANPA's typesetting control codes in the text as what they stand for."""
    check_size(data, label)
    nul_count = data.count(b"\x00")
    if nul_count:
        raise ParseError(
            f"NUL bytes in input: the {label} message holds {nul_count} NUL byte(s); it is binary or "
            "corrupted in transmission.",
            reason="binary",
        )
    repairs: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE.search(data):
            # UTF-8 text with a few stray one-byte characters (a Latin-1 'ü' pasted in): each stray byte is
            # read as Latin-1, the rest stays UTF-8, so neither turns into mojibake.
            text = data.decode("utf-8", errors=_LATIN1_FALLBACK)
            repairs.append("mixed encoding: UTF-8 with stray iso-8859-1 bytes")
        else:
            text = data.decode("latin-1")
            if not latin1:
                repairs.append("decoded as iso-8859-1")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    start = text.find(STX)
    if start < 0:
        raise ParseError(
            f"Not a {label} message: no STX (start of text) control character, so there is no story text.",
            reason="no-body",
        )
    header = text[:start].lstrip(SYN).lstrip(SOH)
    end = text.find(ETX, start + 1)
    if typesetting:
        stop = end if end >= 0 else len(text)
        decoded = _typesetting_codes(text[start + 1 : stop])
        if decoded != text[start + 1 : stop]:
            text = text[: start + 1] + decoded + text[stop:]
            end = text.find(ETX, start + 1)
            repairs.append("ANPA typesetting codes read (tab-line indicators, space bands, column tabs)")
    body = text[start + 1 : end if end >= 0 else len(text)]
    trailer = text[end + 1 :].split(EOT, 1)[0] if end >= 0 else ""
    return Transmission(text=text, header=header, body=body.lstrip(STX), trailer=trailer, repairs=repairs)


# ANPA-1312 typesetting codes inside the text: BS starts a table line (tab-line indicator), DLE is a space
# band, US a column tab, RS a figure-space filler; other C0 controls carry no text. Tab and line feed stay.
_TYPESETTING = {0x08: "", 0x10: " ", 0x1F: "\t", 0x1E: ""}
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _typesetting_codes(text: str) -> str:
    text = text.replace("\x10 ", " ").translate(_TYPESETTING)
    return _OTHER_CONTROLS.sub("", text)


def lines_of(body: str) -> list[TextLine]:
    lines: list[TextLine] = []
    offset = 0
    for raw in body.split("\n"):
        lines.append(TextLine(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def paragraphs(body: str, lines: list[TextLine]) -> list[str]:
    """Paragraphs of `lines` (spans of `body`): each starts at an indented line or after a blank line."""
    found: list[str] = []
    current: list[TextLine] = []

    def close() -> None:
        if current:
            first, last = current[0], current[-1]
            span = body[first.start : last.end].strip()
            if span:
                found.append(span)
            current.clear()

    previous_blank = True
    for line in lines:
        if not line.text:
            close()
            previous_blank = True
            continue
        if line.indented or previous_blank:
            close()
        current.append(line)
        previous_blank = False
    close()
    return found


def iso_stamp(year: int, month: int, day: int, hour: int, minute: int, zone: str | None) -> str:
    """An ISO 8601 time from a trailer's parts; the offset only when `zone` is one we know (GMT, IST...)."""
    year += 2000 if year < 100 else 0
    stamp = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"
    offset = ZONE_OFFSETS.get((zone or "").upper())
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        stamp += f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return stamp


def story_parts(
    message: Transmission,
    source_format: SourceFormat,
    label: str,
    *,
    headline: str | None,
    story_lines: list[TextLine],
    byline: str | None,
    published: str | None,
    agency_names: list[str],
) -> StoryParts:
    """A transmission's story: paragraphs cut from its text, checked against the whole decoded message."""
    return StoryParts(
        source_format=source_format,
        label=label,
        headline=headline,
        paragraphs=paragraphs(message.body, story_lines),
        haystack=verbatim_haystack([message.text]),
        byline=byline,
        published=published,
        agency_names=agency_names,
        repairs=message.repairs,
    )
