"""Agency profiles: canonical names, the tags they print in datelines, their names in bylines, their sign-offs.

Adding an agency is a new `AgencyProfile` in `AGENCIES` (and a test beside it in tests/parsers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

IST = timedelta(hours=5, minutes=30)
KST = timedelta(hours=9)
UTC = timedelta(0)


@dataclass(frozen=True)
class AgencyProfile:
    name: str  # canonical spelling, as the API reports it
    tags: tuple[str, ...]  # as printed in a dateline "(PTI)", "(भाषा)", "(IANSlife)"
    names: tuple[str, ...]  # as printed in a byline or credit line
    # Patterns of a sign-off line; a line matching one closes the story.
    signoffs: tuple[str, ...]
    # Offset of times the agency prints without a zone.
    default_offset: timedelta
    # Offset of times a page carrying the agency's copy prints without a zone, when that is certain: Indian
    # agencies' copy runs on Indian sites (IST), Yonhap's on its own Seoul site (KST). None: the site's own zone,
    # which the page must print.
    page_offset: timedelta | None = None


AGENCIES: tuple[AgencyProfile, ...] = (
    AgencyProfile(
        name="PTI",
        tags=("PTI", "भाषा"),
        names=("PTI", "Press Trust of India", "भाषा", "पीटीआई"),
        signoffs=(r"PTI(?: [A-Z]{1,5}){1,8}", r"भाषा(?: [\u0900-\u0963\u0966-\u097f]+){1,6}"),
        default_offset=IST,
        page_offset=IST,
    ),
    AgencyProfile(
        name="IANS",
        tags=("IANS", "IANSlife", "आईएएनएस"),
        names=("IANS", "Indo-Asian News Service", "आईएएनएस"),
        # "--IANS"; sites that typeset the copy turn the two hyphens into a dash ("—IANS", "– IANS").
        signoffs=(r"(?:--|[—–])\s?(?:IANS|आईएएनएस)(?:\s+[\w\u0900-\u097f]{1,8}(?:/[\w\u0900-\u097f]{1,8}){1,6})?",),
        default_offset=IST,
        page_offset=IST,
    ),
    AgencyProfile(
        name="ANI",
        tags=("ANI", "एएनआई"),
        names=("ANI", "Asian News International", "एएनआई"),
        signoffs=(),
        default_offset=IST,
        page_offset=IST,
    ),
    AgencyProfile(
        name="UNI",
        tags=("UNI", "यूनीवार्ता", "वार्ता"),
        names=("UNI", "United News of India", "यूनीवार्ता"),
        signoffs=(
            r"UNI(?: [A-Z]{1,5}){1,8}(?: \d{3,4})?",
            # Varta may close with the tag alone under the writer's name ("सूरज सिन्हा" / "वार्ता").
            r"(?:यूनीवार्ता|वार्ता)(?: [\u0900-\u0963\u0966-\u097f]+){0,6}",
        ),
        default_offset=IST,
        page_offset=IST,
    ),
    AgencyProfile(
        name="Reuters",
        tags=("Reuters",),
        names=("Reuters", "Thomson Reuters"),
        signoffs=(),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="AFP",
        tags=("AFP",),
        names=("AFP", "Agence France-Presse", "Agence France Presse"),
        signoffs=(r"(?:--|[—–])\s?AFP",),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="AP",
        tags=("AP",),
        names=("AP", "Associated Press", "The Associated Press"),
        signoffs=(),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="dpa",
        # Regional services print their code after a slash: "(dpa/lno)", "(dpa/lby)"; the relay rule keeps them.
        tags=("dpa",),
        names=("dpa", "Deutsche Presse-Agentur", "Deutsche Presse Agentur"),
        # dpa closes an item with its name and the desk's lower-case initials: "dpa xx yy".
        signoffs=(r"dpa(?: [a-z]{1,4}){1,6}",),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="EFE",
        tags=("EFE",),
        names=("EFE", "Agencia EFE"),
        signoffs=(),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="KNA",
        # Copy edited by a client desk carries its initials: "(KNA/iz)".
        tags=("KNA",),
        names=("KNA", "Katholische Nachrichten-Agentur"),
        signoffs=(),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="epd",
        # The Austrian service prints "epdÖ".
        tags=("epd", "epdÖ"),
        names=("epd", "Evangelischer Pressedienst", "epdÖ"),
        signoffs=(),
        default_offset=UTC,
    ),
    AgencyProfile(
        name="Yonhap",
        tags=("Yonhap",),
        names=("Yonhap", "Yonhap News Agency"),
        signoffs=(),
        default_offset=KST,
        page_offset=KST,  # its copy is read on its own Seoul site, in Korean time
    ),
)

_BY_TAG = {tag.casefold(): a for a in AGENCIES for tag in a.tags}
_BY_NAME = {n.casefold(): a for a in AGENCIES for n in a.names}

# Every tag, longest first so "IANSlife" wins over "IANS" in an alternation.
TAG_PATTERN = "|".join(
    re.escape(t) for t in sorted(_BY_TAG and [t for a in AGENCIES for t in a.tags], key=len, reverse=True)
)


def agency_for_tag(tag: str) -> AgencyProfile | None:
    """The agency behind a dateline or sign-off tag; a relay such as 'ANI/Xinhua' belongs to the first agency."""
    return _BY_TAG.get(tag.split("/", 1)[0].strip().casefold())


def agency_for_name(name: str) -> AgencyProfile | None:
    """The agency a byline or credit names exactly (e.g. 'Press Trust of India'), if any."""
    return _BY_NAME.get(name.strip().casefold())


def agency_named_at_end(text: str) -> AgencyProfile | None:
    """The agency whose name ends `text`, e.g. 'Agency News IANS' → IANS."""
    folded = text.strip().casefold()
    for name in sorted(_BY_NAME, key=len, reverse=True):
        if folded.endswith(name) and (len(folded) == len(name) or not folded[-len(name) - 1].isalnum()):
            return _BY_NAME[name]
    return None


def agency_mentioned(text: str) -> AgencyProfile | None:
    """The first agency named as a whole word anywhere in `text` (for disclaimers and 'Source:' credits)."""
    best: tuple[int, AgencyProfile] | None = None
    for name, agency in _BY_NAME.items():
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE if len(name) > 4 else 0)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), agency)
    return best[1] if best else None


def agencies_mentioned(text: str) -> set[str]:
    """Every agency named as a whole word in `text` (a credit naming several agencies credits none of them)."""
    found: set[str] = set()
    for agency in AGENCIES:
        for name in agency.names:
            # Short names only as printed ("AP", "EFE"), so the words "ap" or "efe" inside a sentence never count.
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE if len(name) > 4 else 0):
                found.add(agency.name)
    return found
