"""ANPA-1312 (the AP-style newspaper wire transmission) → ParsedCopy.

    SYN SYN SOH   selector and story number ("a0742", then "apw" after US)
    header line   priority, category, format codes, keyword ("BC-G20-Summit"), version ("2ndLd-Writethru"),
                  date and word count
    STX text      "^"-headed lines: the take line (the keyword again), the headline (ends "<"), "^Eds:" notes,
                  the byline and credit (end "="); then tab-indented paragraphs with the "(AP) _" dateline
    ETX trailer   "AP-WF-11-19-24 2214GMT" (MM-DD-YY, GMT) → published_at
    kills         a KILL / WITHHOLD notice (Eds note or version) is refused as not publishable, an
                  EMBARGOED note as embargoed

The characters are UTF-8 when the bytes are valid UTF-8, else ISO 8859-1 (the format's default).
"""

from __future__ import annotations

import re

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.story import finish, refusing_failures
from app.parsers.text.agencies import agency_for_name
from app.parsers.text.wire import WIRE_BYLINE
from app.parsers.transmission import SYN, iso_stamp, lines_of, opening, read_transmission, story_parts

LABEL = "ANPA-1312"
_CONTROLS = re.compile(r"[\x00-\x1f]")
_HEADER = re.compile(
    r"^(?P<priority>[a-z])\s+(?P<category>[a-z])\s+(?P<keyword>\S+)(?:\s+(?P<version>\S+))?"
    r"\s+(?P<date>\d{2}-\d{2})\s+(?P<words>\d{2,5})\b"
)
_TAKE_LINE = re.compile(r"^[A-Z]{1,3}-\S+,.*,\s*\d+$")
_NOTE = re.compile(r"^(?:eds?|editors?|advisory)\s*:", re.IGNORECASE)
_KILL = re.compile(r"\bkill(?:ed)?\b|\bwithhold\b", re.IGNORECASE)  # in the header's version field
_KILL_NOTE = re.compile(r"\b(?:KILL|KILLED|WITHHOLD|WITHDRAWN|ELIMINATION)\b")  # capitals in an Eds note
_EMBARGO = re.compile(r"\bEMBARGO", re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?P<agency>[A-Z]{2,6})-.*?(?P<month>\d{2})-(?P<day>\d{2})-(?P<year>\d{4}|\d{2})\s+(?P<hour>\d{2})(?P<minute>\d{2})"
    r"\s*(?P<zone>[A-Z]{1,4})?"
)


def can_parse(data: bytes) -> bool:
    return opening(data).startswith(SYN.encode()) or b"\x16\x16\x01" in data[:16]


@refusing_failures(LABEL)
def parse_anpa1312(data: bytes) -> ParsedCopy:
    """Read one ANPA-1312 story. Raises ParseError (and nothing else) for copy it cannot publish."""
    message = read_transmission(data, LABEL, latin1=True)
    header_lines = [_CONTROLS.sub(" ", ln).strip() for ln in message.header.split("\n")]
    header = next((m for m in (_HEADER.match(ln) for ln in header_lines) if m), None)
    keyword = header.group("keyword") if header else None
    version = header.group("version") if header else None
    if version and _KILL.search(version):
        raise ParseError(f"Not publishable: the {LABEL} story is a kill ({version!r}).", reason="not-publishable")
    headline: str | None = None
    byline: str | None = None
    credits: list[str] = []
    lines = lines_of(message.body)
    story_lines = []
    for line in lines:
        if not line.text.startswith("^"):
            story_lines.append(line)
            continue
        text = line.text[1:].rstrip("<=").strip()
        if _NOTE.match(text):
            _refuse_notice(text)
        elif (keyword and text.startswith(keyword)) or _TAKE_LINE.match(text):
            continue
        elif (match := WIRE_BYLINE.match(text)) is not None:
            byline = byline or match.group("name")
        elif agency_for_name(text) is not None:
            credits.append(text)
        elif headline is None and text:
            headline = text
    trailer = _CONTROLS.sub(" ", message.trailer).strip()
    published, trailer_agency = _trailer_time(trailer)
    return finish(
        story_parts(
            message,
            "anpa1312",
            LABEL,
            headline=headline,
            story_lines=story_lines,
            byline=byline,
            published=published,
            agency_names=[n for n in (trailer_agency, *credits) if n],
        )
    )


def _refuse_notice(note: str) -> None:
    if _KILL_NOTE.search(note):
        raise ParseError(
            f"Not publishable: the {LABEL} story carries a kill notice ({note!r}).", reason="not-publishable"
        )
    if _EMBARGO.search(note):
        raise ParseError(
            f"Embargoed: the {LABEL} story is embargoed ({note!r}); it must not be published before then.",
            reason="embargoed",
        )


def _trailer_time(trailer: str) -> tuple[str | None, str | None]:
    """'AP-WF-11-19-24 2214GMT' → ('2024-11-19T22:14:00+00:00', 'AP')."""
    match = _TRAILER.search(trailer)
    if match is None:
        return None, None
    stamp = iso_stamp(
        int(match.group("year")),
        int(match.group("month")),
        int(match.group("day")),
        int(match.group("hour")),
        int(match.group("minute")),
        match.group("zone"),
    )
    return stamp, match.group("agency")
