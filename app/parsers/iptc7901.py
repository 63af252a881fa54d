"""IPTC 7901 (the text-transmission standard dpa, AFP and others send) → ParsedCopy.

    SOH header   "eca0003 3 i 380  dpa 0045": source and sequence, priority, category, word count, then the
                 agency and its story number (desk codes may stand before it: "ccccb   dpa 099")
                 then the keyword (slug) line(s): "Switzerland/migration/UN/"
    STX text     the head block, up to its first blank line:
                   status lines   "REFILE", "1ST LEAD", "EXTRA", "CORRECTION", "URGENT", German "EILT",
                                  "1. Zusammenfassung", "(Achtung)": take keys, never the headline
                   headline       the first other line; dpa ends it with " =" when nothing follows
                   byline         "By ..." (dpa ends it with " =")
                 then the paragraphs (blank-line separated, or starting at an indent)
    notes        dpa's "# Notebook" / "# Notizblock" section, a "* * * *" rule and "The following information
                 is not intended for publication" (German "nicht zur Veröffentlichung bestimmt") start the notes
                 to editors: everything from there goes to editorial_notes, never the body; the closing desk
                 codes ("dpa al rmo") are the sign-off. Copy whose text is only such notes is refused.
    ETX trailer  the date-time group "DDHHMM GMT Mon YY" (English or German month) → published_at
    notices      KILL / ELIMINATION / WITHDRAWAL status lines → pubstatus canceled; HOLD → withheld
    not stories  service messages (dpa's "rs" editorial-service category, an "Impressum", filler or test
                 message) are refused as "not-a-story: service message"

The characters are UTF-8, else ISO 8859-1.
"""

from __future__ import annotations

import re

from app.errors import ParseError
from app.parsers.base import ParsedCopy, PubStatus
from app.parsers.story import finish, refusing_failures
from app.parsers.text.timestamps import MONTHS
from app.parsers.transmission import SOH, STX, TextLine, iso_stamp, lines_of, opening, read_transmission, story_parts
from app.parsers.wire_agencies import short_agency_name

LABEL = "IPTC 7901"
_HEADER = re.compile(
    r"^(?P<source>[A-Za-z]{2,8})(?P<sequence>\d{1,6})\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})"
    r"(?:\s+(?P<words>\d{1,5}))?(?:\s+(?P<agency>\S.*?))?\s*$"
)
_END_MARK = re.compile(r"\s*=\s*$")
_DATE_TIME_GROUP = re.compile(
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})\s*(?P<zone>[A-Z]{1,4})?\s+(?P<month>[^\W\d_]{3,9})\.?"
    r"(?:\s+(?P<year>\d{4}|\d{2}))?\b"
)
_GERMAN_MONTHS = {
    "jan": 1, "januar": 1, "feb": 2, "februar": 2, "mär": 3, "mrz": 3, "märz": 3, "maerz": 3, "apr": 4,
    "april": 4, "mai": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11, "dez": 12, "dezember": 12,
}  # fmt: skip
# A take key or status line above the headline (dpa English and German services, AFP, generic 7901).
_STATUS = re.compile(
    r"^\(?(?:(?:\d+(?:ST|ND|RD|TH)|NEW|FIRST|SECOND|THIRD)\s+)?(?:LEAD|REFILE|EXTRA|CORRECTION|CORRECTED|CORRECTS|"
    r"URGENT|FLASH|BULLETIN|ALERT|ADVISORY|UPDATE|SUMMARY|ROUNDUP|REPEAT|FIX|WRAP|INSERT|ADD|SUB|KILL|"
    r"ELIMINATION|WITHDRAWAL|WITHDRAWN|HOLD|EMBARGO(?:ED)?|EILT|EILMELDUNG|BERICHTIGUNG|KORREKTUR|WIEDERHOLUNG|"
    r"ACHTUNG|VORAB|\d+\.\s*ZUSAMMENFASSUNG|ZUSAMMENFASSUNG|NEUFASSUNG|ERGÄNZUNG)"
    r"(?:\s+(?:\d+(?:ST|ND|RD|TH)\s+)?(?:LEAD|REFILE|EXTRA|CORRECTION|ADD|UPDATE|\d+))*\)?\s*=?$",
    re.IGNORECASE,
)
_KILL = re.compile(r"\b(?:KILL|KILLED|ELIMINATION|WITHDRAWAL|WITHDRAWN|ANNULLIERUNG|ANNULLIERT)\b", re.IGNORECASE)
# A keyword or first line that is a notice, in capitals as agencies write them ("KILL India-weather-flood");
# "Bear/kill/Alaska" or "Kill switch urged" are stories.
_NOTICE_LINE = re.compile(r"^(?:KILL|KILLED|ELIMINATION|WITHDRAWAL|WITHDRAWN|ANNULLIERUNG|HOLD|WITHHOLD|SPERRE)\b")
_HOLD = re.compile(r"\b(?:HOLD|WITHHOLD|SPERRE)\b", re.IGNORECASE)
_EMBARGO = re.compile(r"\b(?:EMBARGO(?:ED)?|SPERRFRIST)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von)\s+\S", re.IGNORECASE)
_BYLINE_WORD = re.compile(r"^(?:by|von)\s+", re.IGNORECASE)
# Where the notes to editors start: everything from here on is not for publication.
_NOTES_START = re.compile(
    r"^(?:#+\s*(?:Notebook|Notizblock|Note to editors|Hinweis)\b|\*\s*\*\s*\*"
    r"|.{0,40}\bnot (?:intended )?for publication\b|.{0,40}\bnicht zur Ver(?:ö|oe)ffentlichung\b)",
    re.IGNORECASE,
)
# A keyword or headline that names a service message: the whole line is the word ("Impressum", "Filler"),
# or it announces a test ("Test message", "Testmeldung", "TEST - please ignore"). "Test match abandoned" or
# "Service resumes" are stories.
_SERVICE_WORDS = re.compile(
    r"^(?:(?:Impressum|Filler|Füller|Service|Servicemeldung|Dienstmeldung|Test|Testing|Testmeldung)\W*$"
    r"|Test(?:ing)?\s+(?:message|transmission|item|story|only|please)\b|Testmeldung|TEST\s*[-:,])",
    re.IGNORECASE,
)
# dpa's editorial-service category (messages to the desks, not stories).
_SERVICE_CATEGORIES = frozenset({"rs"})


def can_parse(data: bytes) -> bool:
    return opening(data).startswith((SOH.encode(), STX.encode()))


@refusing_failures(LABEL)
def parse_iptc7901(data: bytes) -> ParsedCopy:
    """Read one IPTC 7901 message. Raises ParseError (and nothing else) for copy it cannot publish."""
    message = read_transmission(data, LABEL, latin1=True)
    header_lines = [ln.strip() for ln in message.header.split("\n") if ln.strip()]
    header = _HEADER.match(header_lines[0]) if header_lines else None
    keywords = [ln.strip().strip("/").strip() for ln in header_lines[1:]]
    slugline = " ".join(k for k in keywords if k) or None
    lines = lines_of(message.body)
    index = 0
    statuses: list[str] = []
    while index < len(lines) and (not lines[index].text or _STATUS.match(lines[index].text)):
        if lines[index].text:
            statuses.append(lines[index].text)
        index += 1
    headline: str | None = None
    byline: str | None = None
    if index < len(lines):
        headline = _END_MARK.sub("", lines[index].text)
        index += 1
    # The rest of the head block: bylines and the writer's title, which dpa marks with " =" too.
    while (
        index < len(lines)
        and lines[index].text
        and (_BYLINE.match(lines[index].text) or _END_MARK.search(lines[index].text))
    ):
        head_line = _END_MARK.sub("", lines[index].text)
        if _BYLINE.match(head_line):
            byline = head_line if byline is None else f"{byline} and {_BYLINE_WORD.sub('', head_line)}"
        index += 1
    story_lines, notes, signoff = _cut_notes(lines[index:], header.group("agency") if header else None)
    _refuse_service_message(header.group("category") if header else None, slugline, headline)
    status_text = " ".join([*statuses, *(k for k in keywords if _NOTICE_LINE.match(k))])
    pubstatus: PubStatus = (
        "canceled" if _KILL.search(status_text) else "withheld" if _HOLD.search(status_text) else "usable"
    )
    if pubstatus == "usable" and headline and _NOTICE_LINE.match(headline) and _KILL.match(headline):
        pubstatus = "canceled"  # a kill notice whose first line says so, in capitals
    provider = short_agency_name(header.group("agency")) if header and header.group("agency") else None
    parts = story_parts(
        message,
        "iptc7901",
        LABEL,
        headline=headline,
        story_lines=story_lines,
        byline=byline,
        published=_date_time_group(message.trailer),
        agency_names=[n for n in (provider, header.group("source") if header else None) if n],
    )
    parts.provider = provider
    parts.slugline = slugline
    parts.pubstatus = pubstatus
    parts.editorial_notes = [n for n in (status_text and f"Status: {status_text}", notes) if n]
    parts.signoff = signoff
    if _EMBARGO.search(status_text) and pubstatus == "usable":
        parts.doubts.append(f"embargo-unread: the message is marked {status_text!r}; its release time is not read")
    if not parts.paragraphs and notes and pubstatus == "usable":
        raise ParseError(
            f"No story text: the {LABEL} message holds only notes to editors (not for publication); it is not "
            "published.",
            reason="no-body",
        )
    return finish(parts)


def _cut_notes(lines: list[TextLine], agency: str | None) -> tuple[list[TextLine], str, str | None]:
    """(story lines, notes to editors, desk-code sign-off): the notes run from their first marker to the end."""
    name = short_agency_name(agency) or "dpa"
    desk_codes = re.compile(rf"^{re.escape(name)}(?:\s+[a-z0-9]{{1,6}}){{1,10}}$", re.IGNORECASE)
    signoff: str | None = None
    content = [i for i, ln in enumerate(lines) if ln.text]
    if content and desk_codes.match(lines[content[-1]].text):
        signoff = lines[content[-1]].text
        lines = lines[: content[-1]]
    start = next((i for i, ln in enumerate(lines) if _NOTES_START.match(ln.text)), None)
    if start is None:
        return lines, "", signoff
    notes = "\n".join(ln.raw.rstrip() for ln in lines[start:]).strip()
    return lines[:start], notes, signoff


def _refuse_service_message(category: str | None, slugline: str | None, headline: str | None) -> None:
    what = None
    if category and category.lower() in _SERVICE_CATEGORIES:
        what = f"the editorial-service category {category!r}"
    for label, value in (("keyword", slugline), ("headline", headline)):
        if what is None and value and _SERVICE_WORDS.match(value.strip()):
            what = f"its {label} {value.strip()[:60]!r}"
    if what is not None:
        raise ParseError(
            f"Not a story: the {LABEL} message is a service message ({what}), not copy for publication.",
            reason="not-a-story: service message",
        )


def _date_time_group(trailer: str) -> str | None:
    """'051214 GMT Jul 24' / '071341 GMT Okt 15' → ISO time (no offset when no known zone is printed)."""
    match = _DATE_TIME_GROUP.search(trailer.replace(STX, " "))
    if match is None or match.group("year") is None:
        return None
    word = match.group("month").lower()
    month = MONTHS.get(word) or _GERMAN_MONTHS.get(word)
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
