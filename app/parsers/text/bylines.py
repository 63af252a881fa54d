"""Read a byline out of a page's meta line ("By IANS | Updated: ...", "Written By :  ANI", "NewsDrum Desk")."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from app.parsers.text.agencies import AgencyProfile, agency_for_name, agency_for_tag, agency_named_at_end
from app.parsers.text.timestamps import RELATIVE_TIME, find_stamps, label_only

# Labels printed before the writer's name; "Published By" names a desk, not a time.
BYLINE_LABEL = re.compile(
    r"^(?:by|written\s+by|reported\s+by|published\s+by|posted\s+by|story\s+by|edited\s+by|compiled\s+by|"
    r"curated\s+by|authored\s+by|द्वारा|लेखक|von\b|por\b|par\b)\s*:?\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
# A writer named after the time: "... 5:14PM by DD News".
TRAILING_BY = re.compile(r"^\s*(?:\(\w+\)\s*)?by\s+(?P<name>[A-Z][\w.&'’\- ]{1,60}?)\s*$")
# "Source: PTI": names the agency, not the writer.
SOURCE_LABEL = re.compile(r"^(?:source|agency|courtesy|via)\s*:\s*(?P<name>\S.*)$", re.IGNORECASE)
DESK = re.compile(r"\b(?:desk|bureau|staff|team|correspondent|news service|डेस्क|ब्यूरो)$|(?<=\s)टीम$", re.IGNORECASE)
# Wire material credited to no agency in particular: "Agencies", "एजेंसी".
GENERIC_AGENCY = re.compile(r"^(?:agency|agencies|एजेंसी|एजेंसियां|एजेंसियों)$", re.IGNORECASE)
# "Express News Service, Chennai": a desk, then the place it files from.
_DESK_AND_PLACE = re.compile(r"^(?P<desk>[^,]{2,60}),\s+(?P<place>[^\W\d_][^,]{0,30})$")
# A site's online desk named after the paper: "Jansatta Online", "जनसत्ता ऑनलाइन", "Example Times Digital".
_NAME_WORD = r"(?:[^\W\d_][\w.'’&\-]*|[\u0900-\u097f]+)"
ONLINE_DESK = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s+(?:online|digital|ऑनलाइन|डिजिटल)$", re.IGNORECASE)
# Two to four capitalised words: a writer's name printed without "By".
PERSON = re.compile(r"^[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]*){1,3}$")
# A site desk printed as an acronym beside the time: "SNS", "TNN", "ENS".
DESK_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# A picture credit segment: "Photo Credit: PTI", "Image: Reuters", "Pic/AFP".
CAPTION_CREDIT_PART = re.compile(
    r"^(?:photo|image|picture|pic|file\s+photo)s?(?:\s*(?:credit|courtesy|source))?\s*[:/]", re.IGNORECASE
)
_SEGMENTS = re.compile(r"\s*\|\s*|\s+[/•·]\s+")
_WIDE_GAP = re.compile(r"\s{2,}")
_ZERO = timedelta(0)  # offsets do not matter when only asking whether a time is there


def segments(line: str) -> list[str]:
    parts = [p.strip() for p in _SEGMENTS.split(line.strip().strip("|")) if p.strip()]
    if len(parts) == 1:
        # "Press Trust of India  Kolkata": a wide gap separates name and place.
        parts = [p for p in _WIDE_GAP.split(parts[0]) if p] if not BYLINE_LABEL.match(parts[0]) else parts
    return parts


@lru_cache(maxsize=4096)
def byline_of(line: str) -> str | None:
    """The writer or desk a meta line credits, as printed without 'By', or None if it is no byline line."""
    if len(line.split()) > 25 or line.endswith((".", "?", "!")):
        return None
    labelled: str | None = None
    agency: str | None = None
    desk: str | None = None
    name: str | None = None
    parts = segments(line)
    timed = any(find_stamps(p, _ZERO) or RELATIVE_TIME.search(p) for p in parts)
    for part in parts:
        if CAPTION_CREDIT_PART.search(part):
            continue  # "Photo Credit: Reuters" credits a picture, not the story
        place_split = _DESK_AND_PLACE.match(part)
        if place_split is not None and len(place_split.group("place").split()) <= 3:
            head = place_split.group("desk").strip()
            if DESK.search(head) or ONLINE_DESK.match(head) or GENERIC_AGENCY.match(head) or _names_agency(head):
                part = head
        stamps = find_stamps(part, _ZERO)
        if stamps:
            # "By PTI Jan 31, 2025 6:02 PM", "By Desk - January 31, 2025 6:45 PM": the writer before the time;
            # "Posted On: 31 JAN 2025 5:14PM by DD News": the writer after it.
            before = BYLINE_LABEL.match(part[: stamps[0].start].strip(" -–—|,"))
            after = TRAILING_BY.search(part[stamps[-1].end :])
            found = before or after
            if found is not None and 1 <= len(found.group("name").split()) <= 6:
                labelled = labelled or found.group("name").strip()
            elif _names_agency(part[: stamps[0].start].strip(" -–—|,")):
                # "Associated Press November 19, 2019, 9:02 AM": the agency's credit, then the time.
                agency = agency or part[: stamps[0].start].strip(" -–—|,")
            continue
        if RELATIVE_TIME.search(part) or label_only(part) or SOURCE_LABEL.match(part):
            continue
        match = BYLINE_LABEL.match(part)
        if match is not None:
            name = match.group("name").strip()
            if name and len(name.split()) <= 8 and not find_stamps(name, _ZERO):
                labelled = labelled or name
            continue
        if not part[:1].isalpha():
            continue  # "--IANS" is a sign-off, not a byline
        if _names_agency(part):
            agency = agency or part
        elif (tail := agency_named_at_end(part)) is not None and len(part.split()) <= 4:
            agency = agency or _printed_tail(part, tail)
        elif (DESK.search(part) or ONLINE_DESK.match(part) or GENERIC_AGENCY.match(part)) and len(part.split()) <= 5:
            desk = desk or part
        elif timed and (PERSON.match(part) or DESK_ACRONYM.match(part)):
            name = (
                name or part
            )  # "Rahul Sharma | Updated: ...", "SNS | New Delhi | ...": the first name beside the time
    return labelled or agency or desk or name


def _names_agency(part: str) -> bool:
    """The part is an agency's name, or the one-word tag it prints in datelines ('वार्ता', UNI's Hindi service)."""
    return agency_for_name(part) is not None or (len(part.split()) == 1 and agency_for_tag(part) is not None)


# Any short label, a colon, then the credit: "Periodista Digital: EFE", "Quelle: dpa".
_LABELLED_CREDIT = re.compile(r"^[^\W\d_][\w .'’\-]{0,30}:\s*(?P<name>\S.{0,40})$")


def source_agency(line: str) -> AgencyProfile | None:
    """An agency credited by a 'Source: PTI' segment, or by any short label whose value is exactly an agency's name
    ('Periodista Digital: EFE')."""
    for part in segments(line):
        match = SOURCE_LABEL.match(part)
        if match is not None:
            found = agency_for_name(match.group("name")) or agency_named_at_end(match.group("name"))
            if found is not None:
                return found
        labelled = _LABELLED_CREDIT.match(part)
        if labelled is not None and (found := agency_for_name(labelled.group("name"))) is not None:
            return found
    return None


def _printed_tail(part: str, agency: AgencyProfile) -> str:
    folded = part.casefold()
    for name in sorted(agency.names, key=len, reverse=True):
        if folded.endswith(name.casefold()):
            return part[len(part) - len(name) :]
    return agency.name
