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

from app.parsers.base import ParsedCopy, PubStatus
from app.parsers.story import derived_headline, finish, refusing_failures
from app.parsers.text.agencies import agency_for_name
from app.parsers.text.wire import AP_WRITER_TITLE, WIRE_BYLINE
from app.parsers.transmission import (
    SYN,
    TextLine,
    iso_stamp,
    lines_of,
    opening,
    paragraphs,
    read_transmission,
    story_parts,
)

LABEL = "ANPA-1312"
_CONTROLS = re.compile(r"[\x00-\x1f]")
_HEADER = re.compile(
    r"^(?P<priority>[a-z])\s+(?P<category>[a-z])\s+(?P<keyword>\S+)(?:\s+(?P<version>\S+))?"
    r"\s+(?P<date>\d{2}-\d{2})\s+(?P<words>\d{2,5})\b"
)
_TAKE_LINE = re.compile(r"^[A-Z]{1,3}-\S+,.*,\s*\d+$")
_NOTE = re.compile(r"^(?:eds?|editors?|advisory)\s*:", re.IGNORECASE)
_EDITORS_NOTE = re.compile(r"^editor['’]?s['’]?\s+note\b", re.IGNORECASE)
_BULLETIN = re.compile(r"^(?:AP\s?NewsAlert|NewsAlert|URGENT|BULLETIN|FLASH|ALERT|BC-APNewsAlert)$", re.IGNORECASE)
_PHOTO = re.compile(r"^AP (?:Photos?|Video|Graphics?|Audio)\b")
_KILL = re.compile(r"\bkill(?:ed)?\b|\bwithhold\b|\belimination\b", re.IGNORECASE)  # the header's version field
# Capitals in an Eds note that make it a notice ("Eds: KILL BC-..."); "number of people KILLED" is news.
_KILL_NOTE = re.compile(r"\b(?:KILL|WITHHOLD|ELIMINATION|ELIMINATE|WITHDRAWAL)\b")
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
    message = read_transmission(data, LABEL, latin1=True, typesetting=True)
    header_lines = [_CONTROLS.sub(" ", ln).strip() for ln in message.header.split("\n")]
    header = next((m for m in (_HEADER.match(ln) for ln in header_lines) if m), None)
    version = header.group("version") if header else None
    lines = lines_of(message.body)
    caret = [ln for ln in lines if ln.text.startswith("^")]
    # The first "^" line is the keyword (take) line, always; the first plain one after it is the headline
    # (an APNewsAlert bulletin has none). Notes, bylines and credits are the head; the other plain "^"
    # lines are story lines in their place: a digest's items, a table's section heads ("AMERICAN LEAGUE").
    keyword_line = _caret_text(caret[0]) if caret else None
    headline: str | None = None
    byline: str | None = None
    notes: list[str] = []
    body: list[str | TextLine] = []  # plain "^" lines as text, the other lines as they stand
    for line in lines:
        if not line.text.startswith("^"):
            body.append(line)
            continue
        if caret and line is caret[0]:
            continue
        text = _caret_text(line)
        kind = _header_kind(text) if text else "blank"
        if kind == "note":
            notes.append(text)
        elif kind == "byline":
            match = WIRE_BYLINE.match(text)
            byline = byline or (match.group("name") if match else text)
        elif kind in ("credit", "blank"):
            continue
        elif headline is None and byline is None and not _has_text(body):
            headline = text
        else:
            body.append(text)
    pubstatus = _status(version, notes)
    if pubstatus == "usable" and any(_EMBARGO.search(n) for n in notes):
        embargo_note = next(n for n in notes if _EMBARGO.search(n))
    else:
        embargo_note = None
    trailer = _CONTROLS.sub(" ", message.trailer).strip()
    published, trailer_agency = _trailer_time(trailer)
    parts = story_parts(
        message,
        "anpa1312",
        LABEL,
        headline=headline,
        story_lines=[],
        byline=byline,
        published=published,
        agency_names=[n for n in (trailer_agency, "AP" if trailer_agency is None else None) if n],
    )
    parts.paragraphs = _paragraphs(message.body, body)
    parts.slugline = _slug(keyword_line) or (header.group("keyword") if header else None)
    parts.pubstatus = pubstatus
    parts.editorial_notes = notes
    if headline is None and parts.paragraphs:
        # A bulletin (APNewsAlert) has no headline line: AP's practice makes its lede the headline.
        parts.headline = derived_headline(parts.paragraphs[0])
        parts.headline_derived = True
    if embargo_note is not None:
        parts.doubts.append(f"embargo-unread: an editor's note says {embargo_note[:80]!r}; its release is not read")
    return finish(parts)


def _has_text(body: list[str | TextLine]) -> bool:
    return any(isinstance(item, str) or item.text for item in body)


def _paragraphs(text: str, body: list[str | TextLine]) -> list[str]:
    """Runs of ordinary lines made into paragraphs (as IPTC 7901 text is); each plain "^" line its own."""
    found: list[str] = []
    run: list[TextLine] = []
    for item in body:
        if isinstance(item, str):
            found.extend(paragraphs(text, run))
            run = []
            found.append(item)
        else:
            run.append(item)
    found.extend(paragraphs(text, run))
    return found


def _caret_text(line: TextLine) -> str:
    return _CONTROLS.sub(" ", line.text.lstrip("^")).strip().rstrip("<=").strip()


def _header_kind(text: str) -> str | None:
    if _BULLETIN.match(text):
        return "note"  # a bulletin's status line ("URGENT", "APNewsAlert"), never its headline
    if _NOTE.match(text) or text.startswith("(Eds") or _EDITORS_NOTE.match(text) or _PHOTO.match(text):
        return "note"
    if WIRE_BYLINE.match(text):
        return "byline"
    if agency_for_name(text) is not None or AP_WRITER_TITLE.match(text):
        return "credit"
    return None


def _status(version: str | None, notes: list[str]) -> PubStatus:
    """A kill or withhold, from the header's version field or a capitalised word in an editor's note."""
    evidence = [text for text in notes if _KILL_NOTE.search(text)]
    if version and _KILL.search(version):
        evidence.append(version)
    if not evidence:
        return "usable"
    return "withheld" if any(re.search(r"withh", t, re.IGNORECASE) for t in evidence) else "canceled"


def _slug(keyword_line: str | None) -> str | None:
    """'BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140' → 'BC-US--Ethanol-Losing Grassland'."""
    if not keyword_line:
        return None
    text = keyword_line.split("^")[-1].strip()
    text = re.sub(r",\s*\d{2,5}\s*$", "", text)
    return text.split(",", 1)[0].strip() or None


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
