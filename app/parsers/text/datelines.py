"""Recognise the dateline that opens an agency story ("Seoul, Dec 1 (IANS)", "SEOUL, Nov 30 (Reuters) -")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.parsers.text.agencies import TAG_PATTERN, AgencyProfile, agency_for_tag
from app.parsers.text.timestamps import MONTHS


@lru_cache(maxsize=64)
def dateline_pattern(tag_pattern: str) -> re.Pattern[str]:
    """The dateline shape with the agency tag `tag_pattern` (a regex alternation of tags).

    Place, then any "(State)" / "[Country]" qualifiers, then ", date" or ", Country", then the agency tag in
    brackets (a relay "/Xinhua" allowed) and the punctuation the agency puts after it: PTI/UNI nothing,
    ANI ":", Reuters/AFP/dpa "-", AP "—" (or "_" and "--" in 7-bit ANPA copy), IANS Hindi "।".
    """
    return re.compile(
        r"^(?P<place>[^\W\d_][^,()\[\]:\n]{0,50}?)"
        r"(?P<qualifiers>(?:\s*[(\[][^()\[\]\n]{1,40}[)\]])*)"
        r"(?:\s*,\s*(?P<date>[^()\[\]\n]{1,30}?))?"
        rf"\s*\((?P<tag>(?:{tag_pattern})(?:/[^\s()]{{1,20}})?)\)"
        r"(?P<punct>\s*(?:[:\-—–।]+|\.-?(?=\s)|_(?=\s)|(?=\s)))"
    )


# Every agency in the table.
TAGGED = dateline_pattern(TAG_PATTERN)

_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_PLACE_WORD = r"(?:[A-Z][\w'’.\-]*|de|da|do|del|di|of|al|el|la|le|von|van|upon|on)"
_PLACE = rf"[A-Z][\w'’.\-]*(?:\s+{_PLACE_WORD}){{0,4}}"
# A dateline a site stripped of its agency tag: "Seoul, Dec 1 Russia's ..." (IANS page copy).
UNTAGGED_DATED = re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>(?:{_MONTH_WORD})\.?\s+\d{{1,2}})(?=\s+\S)", re.I)
# A dateline a site rewrote to a bare place: "Rio de Janeiro: Prime Minister ..." (NDTV page copy).
PLACE_COLON = re.compile(rf"^(?P<place>{_PLACE}):(?=\s+[A-Z\"“‘'])")


@dataclass(frozen=True)
class FoundDateline:
    place: str
    text: str  # as printed, tag and punctuation included
    agency: AgencyProfile | None


@lru_cache(maxsize=4096)
def tagged_dateline(paragraph: str) -> FoundDateline | None:
    """The agency-tagged dateline opening `paragraph`, if it has one."""
    return _found(TAGGED.match(paragraph), paragraph)


def dateline_tagged_by(paragraph: str, tag: str) -> FoundDateline | None:
    """The dateline opening `paragraph` with the tag `tag`, for agencies outside the table too: "Kyiv (dpa) -"."""
    return _found(dateline_pattern(re.escape(tag)).match(paragraph), paragraph)


def _found(match: re.Match[str] | None, paragraph: str) -> FoundDateline | None:
    if match is None or len(match.group(0)) > 140:
        return None
    text = match.group(0).strip()
    if not looks_like_place(match.group("place")):
        return None
    if len(paragraph) <= len(match.group(0)) + 1:
        return None  # a dateline with no story after it is not a story paragraph
    place = normalise_place(match.group("place"))
    return FoundDateline(place=place, text=text, agency=agency_for_tag(match.group("tag")))


# Words that show "Word:" opening a paragraph is no place: verbs and articles, and a caption's pointers ("Above:",
# "Pictured:", "File:").
_NOT_PLACE_WORDS = frozenset(
    {
        "said",
        "says",
        "the",
        "a",
        "an",
        "above",
        "below",
        "left",
        "right",
        "top",
        "bottom",
        "pictured",
        "photo",
        "file",
        "video",
        "watch",
        "update",
        "updates",
        "note",
        "inset",
        "main",
        "clockwise",
        "background",
        "foreground",
    }
)


def untagged_dateline(paragraph: str) -> FoundDateline | None:
    """A dateline a site rewrote without the agency tag; only trusted at the start of a page's story."""
    for pattern in (UNTAGGED_DATED, PLACE_COLON):
        match = pattern.match(paragraph)
        if match is not None:
            place = match.group("place")
            if any(word.lower() in _NOT_PLACE_WORDS for word in place.split()):
                return None
            return FoundDateline(place=normalise_place(place), text=match.group(0).strip(), agency=None)
    return None


_SMALL = {"de", "da", "do", "del", "di", "of", "al", "el", "la", "le", "von", "van", "upon", "on", "and"}


def looks_like_place(place: str) -> bool:
    """A place name: every Latin word capitalised (bar 'de', 'of'...), no digits. 'Kim said' is not one."""
    for word in place.split():
        if any(c.isdigit() for c in word):
            return False
        if word[:1].isascii() and word[:1].isalpha() and not word[:1].isupper() and word.lower() not in _SMALL:
            return False
    return True


def normalise_place(place: str) -> str:
    """The place as a name: 'SEOUL' → 'Seoul', 'NEW DELHI' → 'New Delhi'; mixed case is kept as printed."""
    place = place.strip().rstrip(",")
    letters = [c for c in place if c.isalpha()]
    if letters and all(c.isupper() for c in letters if c.isascii()) and any(c.isascii() for c in letters):
        words = place.lower().split(" ")
        named = " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))
        # Each place of a joint dateline and each part of a hyphenated name: "JERUSALEM/CAIRO", "WINSTON-SALEM".
        return re.sub(r"(?<=[/\-])([a-z])", lambda m: m.group(1).upper(), named)
    return place


# A lead opening with the agency's tag and no place: "(EFE).- The government said ..." (the site printed the place
# elsewhere). It names the agency but is no dateline.
PLACELESS_TAG = re.compile(rf"^\((?P<tag>(?:{TAG_PATTERN})(?:/[^\s()]{{1,20}})?)\)\s*\.?\s*[-–—]+\s+\S")


def placeless_tag(paragraph: str) -> AgencyProfile | None:
    match = PLACELESS_TAG.match(paragraph)
    return agency_for_tag(match.group("tag")) if match else None
