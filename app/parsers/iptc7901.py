"""IPTC 7901 (the text-transmission standard AFP and dpa send) → ParsedCopy.

    SOH header   "afp0347 4 i 196 AFP": source and sequence, priority, category, word count, agency;
                 then the keyword (slug) line
    STX text     headline line (dpa-style " =" end mark dropped), an optional "by ..." line, notes,
                 then indented paragraphs, desk initials as the sign-off
    ETX trailer  the date-time group "DDHHMM GMT Mon YY" → published_at (no year printed: no time)
    HOLD / KILL  notices (on the keyword or headline line) are refused as not publishable

The characters are UTF-8, else ISO 8859-1. Numeric category codes are not mapped to a category.
"""

from __future__ import annotations

import re

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.story import finish, refusing_failures
from app.parsers.text.timestamps import MONTHS
from app.parsers.text.wire import WIRE_BYLINE
from app.parsers.transmission import SOH, STX, iso_stamp, lines_of, opening, read_transmission, story_parts

LABEL = "IPTC 7901"
_HEADER = re.compile(
    r"^(?P<source>[A-Za-z]{2,8})(?P<sequence>\d{1,6})\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})"
    r"(?:\s+(?P<words>\d{1,5}))?(?:\s+(?P<agency>\S.*?))?\s*$"
)
_HEADLINE_END = re.compile(r"\s*=\s*$")
_DATE_TIME_GROUP = re.compile(
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})\s*(?P<zone>[A-Z]{1,4})?\s+(?P<month>[A-Za-z]{3,9})\.?"
    r"(?:\s+(?P<year>\d{4}|\d{2}))?\b"
)
# A notice that the story is held back or withdrawn, not a story to publish.
_NOTICE = re.compile(r"\b(?:KILL|KILLED|HOLD|WITHHOLD|WITHDRAWN|WITHDRAWAL|ELIMINATE)\b")


def can_parse(data: bytes) -> bool:
    return opening(data).startswith((SOH.encode(), STX.encode()))


@refusing_failures(LABEL)
def parse_iptc7901(data: bytes) -> ParsedCopy:
    """Read one IPTC 7901 message. Raises ParseError (and nothing else) for copy it cannot publish."""
    message = read_transmission(data, LABEL, latin1=True)
    header_lines = [ln.strip() for ln in message.header.split("\n") if ln.strip()]
    header = _HEADER.match(header_lines[0]) if header_lines else None
    keyword = header_lines[1] if len(header_lines) > 1 else None
    lines = lines_of(message.body)
    content = [ln for ln in lines if ln.text]
    headline = _HEADLINE_END.sub("", content[0].text) if content else None
    for notice_line in (keyword, headline):
        if notice_line and _NOTICE.search(notice_line):
            raise ParseError(
                f"Not publishable: the {LABEL} message is a notice ({notice_line!r}), not a story to publish.",
                reason="not-publishable",
            )
    byline: str | None = None
    story_lines = lines[lines.index(content[0]) + 1 :] if content else []
    first_indented = next((i for i, ln in enumerate(story_lines) if ln.indented), None)
    if first_indented is not None:
        above, rest = story_lines[:first_indented], story_lines[first_indented:]
    else:
        lead = next((i for i, ln in enumerate(story_lines) if ln.text), None)
        above = story_lines[: lead + 1] if lead is not None and WIRE_BYLINE.match(story_lines[lead].text) else []
        rest = story_lines[len(above) :]
    for line in above:  # a byline and notes above the story, never story text
        match = WIRE_BYLINE.match(line.text)
        if match is not None and byline is None:
            byline = match.group("name")
    agency_names = []
    if header is not None:
        agency_names = [n for n in (header.group("agency"), header.group("source")) if n]
    return finish(
        story_parts(
            message,
            "iptc7901",
            LABEL,
            headline=headline,
            story_lines=rest,
            byline=byline,
            published=_date_time_group(message.trailer),
            agency_names=agency_names,
        )
    )


def _date_time_group(trailer: str) -> str | None:
    """'051214 GMT Jul 24' → '2024-07-05T12:14:00+00:00' (no offset when no known zone is printed)."""
    match = _DATE_TIME_GROUP.search(trailer.replace(STX, " "))
    if match is None or match.group("year") is None:
        return None
    month = MONTHS.get(match.group("month").lower())
    if month is None:
        return None
    return iso_stamp(
        int(match.group("year")),
        month,
        int(match.group("day")),
        int(match.group("hour")),
        int(match.group("minute")),
        match.group("zone"),
    )
