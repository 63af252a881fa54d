"""Who filed the story, read from the copy's own credit: a dateline tag, a byline, a credit or sign-off line.

The agency table of app/parsers/text/agencies.py is used first; agencies it does not list yet (world agencies
whose copy appears on European and American sites) are listed here by their documented names and dateline tags.
A credit naming several agencies ("with information from AFP, EFE and Reuters") names no single agency; two
positions naming different agencies make the agency unsure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.parsers.text.agencies import agency_for_name, agency_for_tag
from app.parsers.text.datelines import looks_like_place, normalise_place


@dataclass(frozen=True)
class WorldAgency:
    name: str  # canonical spelling, as the agency writes itself
    tags: tuple[str, ...]  # printed in a dateline "(dpa)"
    names: tuple[str, ...]  # printed in a byline or credit


WORLD_AGENCIES: tuple[WorldAgency, ...] = (
    WorldAgency("dpa", ("dpa",), ("dpa", "Deutsche Presse-Agentur")),
    WorldAgency("EFE", ("EFE",), ("EFE", "Agencia EFE")),
    WorldAgency("KNA", ("KNA",), ("KNA", "Katholische Nachrichten-Agentur")),
    WorldAgency("epd", ("epd", "epdÖ"), ("epd", "Evangelischer Pressedienst")),
    WorldAgency("Yonhap", ("Yonhap",), ("Yonhap", "Yonhap News Agency")),
    WorldAgency("ANSA", ("ANSA",), ("ANSA",)),
    WorldAgency("Kyodo", ("Kyodo",), ("Kyodo", "Kyodo News")),
    WorldAgency("Xinhua", ("Xinhua",), ("Xinhua", "Xinhua News Agency")),
    WorldAgency("AAP", ("AAP",), ("AAP", "Australian Associated Press")),
    WorldAgency("CP", ("CP",), ("The Canadian Press", "Canadian Press")),
    WorldAgency("PA", ("PA",), ("PA Media", "Press Association")),
    WorldAgency("APA", ("APA",), ("APA", "Austria Presse Agentur")),
    WorldAgency("TASS", ("TASS",), ("TASS",)),
    WorldAgency("Anadolu", ("AA",), ("Anadolu Agency", "Anadolu Ajansı")),
    WorldAgency("Europa Press", (), ("Europa Press",)),
    WorldAgency("Bernama", ("Bernama",), ("Bernama",)),
    WorldAgency("Antara", ("Antara",), ("Antara",)),
)
_WORLD_BY_NAME = {n.casefold(): a.name for a in WORLD_AGENCIES for n in a.names}
_WORLD_BY_TAG = {t.casefold(): a.name for a in WORLD_AGENCIES for t in a.tags}
# Known tags of both tables, longest first, for the dateline pattern.
_TAGS = sorted(
    {t for a in WORLD_AGENCIES for t in a.tags} | {"PTI", "IANS", "ANI", "UNI", "Reuters", "AFP", "AP"},
    key=len,
    reverse=True,
)


def agency_of_tag(tag: str) -> str | None:
    """The agency behind a dateline tag; a regional desk or partner after '/' or ',' belongs to the first."""
    first = re.split(r"[/,]", tag, maxsplit=1)[0].strip()
    found = agency_for_tag(first)
    return found.name if found is not None else _WORLD_BY_TAG.get(first.casefold())


def agency_of_name(name: str) -> str | None:
    """The agency a credit names exactly ('Associated Press', 'EFE'), if any."""
    name = name.strip().strip(".").strip()
    found = agency_for_name(name)
    return found.name if found is not None else _WORLD_BY_NAME.get(name.casefold())


# "SEOUL, Aug. 20 (Yonhap) --", "Hamburg (dpa/lno) –", "Wiesbaden (KNA/iz).", "(EFE).-"
_TAG_ALT = "|".join(re.escape(t) for t in _TAGS)
TAGGED_DATELINE = re.compile(
    r"^(?:(?P<place>[^\W\d_][^,()\[\]:\n]{0,50}?)(?:\s*,\s*(?P<date>[^()\[\]\n]{1,30}?))?\s*)?"
    rf"\((?P<tag>(?:{_TAG_ALT})(?:\s*[/,]\s*[^\s()]{{1,20}})?)\)"
    r"(?P<punct>\s*[.:]?\s*[-—–]+|\.|:|\s(?=[A-Z«\"“„]))"
)
# AP and Reuters datelines a site printed without the tag: "MADRID —", "MONTGOMERY, Ala. --", "BERLIN (AP) —".
CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)(?:,\s+(?P<region>[A-Z][\w.]{1,14}\.?))?\s+(?:--|—|–)\s"
)
# "Indianapolis –": a place in title case then a dash, before a capitalised sentence.
TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-zäöüéèáíóú'’\-]+(?:\s+[A-Z][a-zäöüéèáíóú'’\-]+){0,2})\s+(?:--|—|–)\s+(?=[A-Z])"
)


@dataclass(frozen=True)
class DatelineRead:
    place: str | None
    text: str
    agency: str | None


def read_dateline(lead: str) -> DatelineRead | None:
    match = TAGGED_DATELINE.match(lead)
    if match is not None and len(lead) > len(match.group(0)) + 10:
        place = match.group("place")
        agency = agency_of_tag(match.group("tag"))
        if place is not None and looks_like_place(place):
            return DatelineRead(normalise_place(place), match.group(0).strip(), agency)
        if place is None:
            return DatelineRead(None, match.group(0).strip(), agency)
    for pattern in (CAPS_DATELINE, TITLE_DATELINE):
        match = pattern.match(lead)
        if match is not None and looks_like_place(match.group("place")):
            return DatelineRead(normalise_place(match.group("place").strip()), match.group(0).strip(), None)
    return None


# "By Jane Doe", "Von: det/dpa", "Por EFE", "Par AFP", "Periodista Digital: EFE"
_BY = re.compile(r"^(?:by|von|por|par|de|di|door|av|af)\s*:?\s+", re.IGNORECASE)
_LABEL = re.compile(r"^[^:]{1,40}:\s+")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|\bund\b|\by\b|\bet\b|\be\b|&)\s*", re.IGNORECASE)


def strip_by(text: str) -> str:
    return _BY.sub("", text, count=1).strip()


# A picture's credit names the photo agency, never the story's: "(AP Photo/…)", "Foto: dpa", "© Reuters".
PICTURE_WORDS = re.compile(
    r"\b(?:photo|foto|image|imagen|bild|picture|pic|photograph|getty|shutterstock|archivbild|archive)s?\b|©",
    re.IGNORECASE,
)


def agencies_in_credit(text: str) -> list[str]:
    """The agencies a short credit line names: 'EFE', 'Tom Davies Associated Press', 'det/dpa', '(KNA, DR)',
    'Periodista Digital: EFE', '(Con información de AFP, EFE y Reuters)'. Empty when it is no agency credit,
    or a picture's credit."""
    if PICTURE_WORDS.search(text):
        return []
    body = text.strip().strip("()[]").strip()
    body = strip_by(body)
    body = _LABEL.sub("", body, count=1) if ":" in body else body
    found: list[str] = []
    whole = agency_of_name(body)
    if whole is not None:
        return [whole]
    for part in _LIST_SPLIT.split(body):
        part = part.strip().strip(".")
        if not part:
            continue
        named = agency_of_name(part) or _ends_with_agency(part)
        if named is not None and named not in found:
            found.append(named)
    return found


def _ends_with_agency(part: str) -> str | None:
    """'Tom Davies Associated Press', 'Con información de AFP': an agency name closing a short part."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) > size:
            named = agency_of_name(" ".join(words[-size:]))
            if named is not None:
                return named
    return None


# "Associated Press writers … contributed to this report.", "The Associated Press contributed to this report."
CONTRIBUTED = re.compile(r"\bcontributed\b.{0,40}\b(?:report|story|reporting)\b", re.IGNORECASE)


def agency_of_contribution(text: str) -> list[str]:
    """Agencies named in a 'contributed to this report' note."""
    if CONTRIBUTED.search(text) is None:
        return []
    found: list[str] = []
    for size in (3, 2, 1):
        words = re.findall(r"[\w.’'-]+", text)
        for i in range(len(words) - size + 1):
            named = agency_of_name(" ".join(words[i : i + size]))
            if named is not None and named not in found:
                found.append(named)
    return found
