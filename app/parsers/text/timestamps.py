"""Find the publication and update times a page prints: Indian, US and European forms, with their zones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal

TimeKind = Literal["published", "updated", "unlabelled"]

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# Hindi pages print Hindi month names ("1 दिसंबर 2024").
MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                ("जनवरी",),
                ("फरवरी", "फ़रवरी"),
                ("मार्च",),
                ("अप्रैल",),
                ("मई",),
                ("जून",),
                ("जुलाई",),
                ("अगस्त",),
                ("सितंबर", "सितम्बर"),
                ("अक्टूबर", "अक्तूबर"),
                ("नवंबर", "नवम्बर"),
                ("दिसंबर", "दिसम्बर"),
            ),
            start=1,
        )
        for name in names
    }
)
# European pages print their own month names ("19. Oktober 2019", "26 de abril de 2022", "27 octobre 2012").
MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                ("januar", "jänner", "enero", "janvier", "janv"),
                ("februar", "febrero", "février", "fevrier", "févr"),
                ("märz", "maerz", "marzo", "mars"),
                ("abril", "avril"),
                ("mai", "mayo"),
                ("juni", "junio", "juin"),
                ("juli", "julio", "juillet", "juil"),
                ("agosto", "août", "aout"),
                ("septiembre", "setiembre", "septembre"),
                ("oktober", "octubre", "octobre"),
                ("noviembre", "novembre"),
                ("dezember", "diciembre", "décembre", "decembre", "déc"),
            ),
            start=1,
        )
        for name in names
    }
)
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Date shapes, each a named rule; add a site's odd shape here with a test in tests/parsers/test_timestamps.py.
DATE_RULES: dict[str, re.Pattern[str]] = {
    # "December 1, 2024", "Wednesday March 19, 2025", "Jun 26 2025", "Feb 01, 2025,"
    "month-day-year": re.compile(
        rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
    ),
    # "1 Dec 2024", "4 July, 2024", "1st August 2024", "18 September 2024,", "24 January,2025"
    "day-month-year": re.compile(
        rf"(?:\b|(?<=[^\W\d_])){_WEEKDAY}(?P<day>\d{{1,2}}){_ORDINAL}\s+{_MONTH}(?:,\s*|\s+)(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # European forms: "19. Oktober 2019", "26 de abril de 2022", "26, Abril, 2022", "4 de Mayo de 2022".
    "european-day-month-year": re.compile(
        rf"(?<![\w.]){_WEEKDAY}(?P<day>\d{{1,2}})(?:\.|,)?\s+(?:de\s+)?{_MONTH},?\s+(?:del?\s+)?(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # US numeric dates, only beside a US zone: "10/ 5/11 09:19 PM ET" (month first, two-digit year).
    "us-numeric": re.compile(
        r"(?<![\d/])(?P<month_num>\d{1,2})/\s?(?P<day>\d{1,2})/(?P<year_short>\d{2})(?![\d/])"
        r"(?=\s+\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s+(?:ET|CT|MT|PT|E[SD]T|C[SD]T|M[SD]T|P[SD]T)\b)"
    ),
    # "2025-09-04"
    "iso": re.compile(r"\b(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})"),
    # "12-03-2025": Indian sites write the day first.
    "numeric-day-first": re.compile(r"\b(?P<day>\d{1,2})[-/.](?P<month_num>\d{1,2})[-/.](?P<year>\d{4})\b"),
    # "29.01.25", "29/01/25": the same with a two-digit year (this century); never a time ("06.12") or a version.
    "numeric-day-first-short-year": re.compile(
        r"(?<![\d./:])(?P<day>\d{1,2})(?P<sep>[./])(?P<month_num>\d{1,2})(?P=sep)(?P<year_short>\d{2})(?![\d./:])"
    ),
}

# Zone abbreviations a page prints after a time. "ET", "CT", "MT", "PT" are US zones whose offset follows the date.
_ZONES = "IST|GMT|UTC|BST|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|KST|HKT|SGT|PKT|NPT|AEST|AEDT|GST|ET|CT|MT|PT"
# A time printed before its date: "10:40 AM IST, 01 Dec 2024".
_TIME_BEFORE = re.compile(
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    rf"(?:\s*(?P<zone>{_ZONES})\b)?(?P<offset>)\s*[,|\-]?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
# Between date and time: "2024 10:40", "2024, 5:12", "2024 | 4:05", "2025 / 12:48", "2025 at 01:20", "2025 · 4:40".
_TIME = re.compile(
    r"\s*(?:[,|/\-·•]|at|T)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    rf"(?:\s*(?P<zone>(?:{_ZONES}|Z)\b)?"
    r"\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)

# A date, then a label and the time it labels: "Jan 12, 2025 | Updated 21:15 IST" (the date is the update's).
_LABELLED_TIME_AFTER = re.compile(
    r"\s*[|,\-–]\s*(?P<label>(?:last\s+)?(?:updated|modified|published|posted)(?:\s+(?:on|at))?)\s*:?\s*(?=\d)",
    re.IGNORECASE,
)

_ANY_TIME = re.compile(r"\d[:.]\d\d")

ZONE_OFFSETS: dict[str, timedelta] = {
    "IST": timedelta(hours=5, minutes=30),
    "GMT": timedelta(0),
    "UTC": timedelta(0),
    "Z": timedelta(0),
    "BST": timedelta(hours=1),
    "CET": timedelta(hours=1),
    "CEST": timedelta(hours=2),
    "EST": timedelta(hours=-5),
    "EDT": timedelta(hours=-4),
    "CST": timedelta(hours=-6),
    "CDT": timedelta(hours=-5),
    "PST": timedelta(hours=-8),
    "PDT": timedelta(hours=-7),
    "JST": timedelta(hours=9),
    "KST": timedelta(hours=9),
    "HKT": timedelta(hours=8),
    "SGT": timedelta(hours=8),
    "PKT": timedelta(hours=5),
    "NPT": timedelta(hours=5, minutes=45),
    "AEST": timedelta(hours=10),
    "AEDT": timedelta(hours=11),
    "GST": timedelta(hours=4),  # Gulf Standard Time, the one Indian sites print
    "MST": timedelta(hours=-7),
    "MDT": timedelta(hours=-6),
}
# US zones printed without saying standard or daylight time: standard offset, one hour more in US summer time.
US_GENERIC_ZONES: dict[str, timedelta] = {
    "ET": timedelta(hours=-5),
    "CT": timedelta(hours=-6),
    "MT": timedelta(hours=-7),
    "PT": timedelta(hours=-8),
}


def _us_summer_time(day: datetime) -> bool:
    """US daylight saving time (since 2007): from the second Sunday in March to the first Sunday in November."""
    march = datetime(day.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    november = datetime(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    naive = day.replace(tzinfo=None)
    return start.replace(hour=2) <= naive < end.replace(hour=2)


# Labels, nearest one before a time wins. "Published By" names a person, not a time.
_UPDATED_LABEL = re.compile(
    r"(?:last\s+)?(?:updated|modified|edited)(?:\s+(?:on|at))?|अपडेटेड|अपडेट|संशोधित|mis à jour|actualizado|"
    r"aktualisiert",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:first\s+)?(?:publish(?:ed)?|posted|created|released|filed)\b(?!\s*by\b)(?:\s+(?:on|at|date|time))?|प्रकाशित|"
    r"पब्लिश्ड|publié|publicado|veröffentlicht",
    re.IGNORECASE,
)
# A label standing alone on its line, with the time on the next line ("Published On:" / "Jul 13, 2025 23:58 IST").
LABEL_ONLY = re.compile(
    r"^(?:(?P<updated>(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?)|"
    r"(?P<published>(?:first\s+)?(?:published|posted|created)(?:\s+(?:on|at|date))?))\s*[:\-]?$",
    re.IGNORECASE,
)
RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month)s?\s+ago\b|\bjust now\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Stamp:
    kind: TimeKind
    at: datetime
    start: int
    end: int


def find_stamps(line: str, default_offset: timedelta | None, label: TimeKind | None = None) -> list[Stamp]:
    """Every date-with-time in `line`, with the label printed before it. A date without a time is not a stamp."""
    if not _ANY_TIME.search(line):
        return []  # most lines carry no clock time at all; skip the date rules
    found: list[Stamp] = []
    for rule in DATE_RULES.values():
        for date in rule.finditer(line):
            time = _TIME.match(line, date.end())
            start, end = date.start(), date.end()
            kind: TimeKind = "unlabelled"
            if time is not None and time.group("hour") is not None:
                end = time.end()
            elif (after := _LABELLED_TIME_AFTER.match(line, date.end())) is not None and (
                (labelled := _TIME.match(line, after.end())) is not None and labelled.group("hour") is not None
            ):
                time, end = labelled, labelled.end()
                kind = _label_of(after.group("label"))
            else:
                time = _TIME_BEFORE.search(line, 0, date.start())
                if time is None:
                    continue
                start = time.start()
            at = _build(date, time, default_offset)
            if at is None:
                continue
            found.append(Stamp(kind, at, start, end))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    stamps: list[Stamp] = []
    for stamp in found:
        if stamps and stamp.start < stamps[-1].end:
            continue  # the same text read by a second rule
        before = line[stamps[-1].end if stamps else 0 : stamp.start]
        kind = stamp.kind
        if kind == "unlabelled":
            kind = label if label is not None and not stamps else _label_of(before)
        stamps.append(Stamp(kind, stamp.at, stamp.start, stamp.end))
    return stamps


_LABEL_WORDS = re.compile(
    rf"{_UPDATED_LABEL.pattern}|{_PUBLISHED_LABEL.pattern}|\b(?:on|at|date|time|{_ZONES.lower()})\b|"
    r"[^\w\s\u0900-\u097f]",
    re.IGNORECASE,
)


def is_time_line(line: str, default_offset: timedelta) -> bool:
    """A line that is only labels and times ("Updated - January 23, 2025 at 06:12 PM."), full stop or not."""
    stamps = find_stamps(line, default_offset)
    if not stamps:
        return False
    rest = "".join(
        line[a:b] for a, b in zip([0, *(s.end for s in stamps)], [*(s.start for s in stamps), len(line)], strict=True)
    )
    return len(_LABEL_WORDS.sub(" ", rest).split()) == 0


# Words a dateline-like meta line may carry besides labels, dates and times: a place ("New Delhi, 01 Feb 2025, ...").
MAX_PLACE_WORDS = 3


def is_dated_meta(line: str, default_offset: timedelta) -> bool:
    """A line of labels, dates (with or without a time) and at most a short place name: never a standfirst.
    "Last updated on Feb 3, 2025", "नई दिल्ली, 01 फरवरी 2025, (अपडेटेड 01 फरवरी 2025, 2:45 PM IST)"."""
    stamps = find_stamps(line, default_offset)
    rest = line
    for stamp in reversed(stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    dated = False
    for rule in DATE_RULES.values():
        rest, count = rule.subn(" ", rest)
        dated = dated or count > 0
    # A time, or a label, shows it is the page's meta line and not a headline that happens to hold a date.
    labelled = bool(_UPDATED_LABEL.search(line) or _PUBLISHED_LABEL.search(line))
    return (bool(stamps) or (dated and labelled)) and len(_LABEL_WORDS.sub(" ", rest).split()) <= MAX_PLACE_WORDS


def label_only(line: str) -> TimeKind | None:
    match = LABEL_ONLY.match(line.strip())
    if match is None:
        return None
    return "updated" if match.group("updated") else "published"


def _label_of(before: str) -> TimeKind:
    best: tuple[int, TimeKind] | None = None
    for kind, pattern in (("updated", _UPDATED_LABEL), ("published", _PUBLISHED_LABEL)):
        for match in pattern.finditer(before):
            if best is None or match.end() > best[0]:
                best = (match.end(), kind)  # type: ignore[assignment]
    return best[1] if best else "unlabelled"


def _build(date: re.Match[str], time: re.Match[str], default_offset: timedelta | None) -> datetime | None:
    groups = date.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["month_num"])
    hour = int(time.group("hour"))
    minute = int(time.group("minute"))
    second = int(time.group("second") or 0)
    ampm = (time.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm and 13 <= hour <= 23 and ampm == "pm":
        ampm = ""  # "18:32 PM": a 24-hour time with a needless PM; the hour already says it
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    offset = default_offset
    zone = (time.group("zone") or "").upper()
    if zone in ZONE_OFFSETS:
        offset = ZONE_OFFSETS[zone]
    if time.group("offset"):
        parsed = _parse_offset(time.group("offset"))
        if parsed is None:
            return None
        offset = (offset or timedelta(0)) + parsed if zone in ("GMT", "UTC") else parsed
    try:
        year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["year_short"])
        local = datetime(year, month, int(groups["day"]), hour, minute, second)
    except ValueError:
        return None
    if zone in US_GENERIC_ZONES and not time.group("offset"):
        offset = US_GENERIC_ZONES[zone] + (timedelta(hours=1) if _us_summer_time(local) else timedelta(0))
    # No zone printed and none known for the page: the time is read, but as a local time of unknown offset
    # (naive), which `resolve` turns into None rather than guess.
    return local if offset is None else local.replace(tzinfo=timezone(offset))


def _parse_offset(text: str) -> timedelta | None:
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if match is None:
        return None
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return sign * timedelta(hours=hours, minutes=minutes)


def resolve(stamps: list[Stamp]) -> tuple[datetime | None, datetime | None]:
    """(published_at, updated_at) from the stamps a page prints.

    A labelled time wins. An unlabelled time is the publication time, unless the page also labels a
    publication time, in which case a different unlabelled time is the update (a top time that moved).
    """
    published = next((s.at for s in stamps if s.kind == "published"), None)
    updated = next((s.at for s in stamps if s.kind == "updated"), None)
    unlabelled = [s.at for s in stamps if s.kind == "unlabelled"]
    if unlabelled:
        if published is None:
            published = unlabelled[0]
        elif updated is None:
            later = [at for at in unlabelled if at != published]
            if later:
                updated = later[0]
    # A time read without a zone (naive) is no instant: None, never a guessed offset.
    return _aware(published), _aware(updated)


def _aware(value: datetime | None) -> datetime | None:
    return value if value is not None and value.tzinfo is not None else None
