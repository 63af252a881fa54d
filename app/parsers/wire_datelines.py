"""Datelines of structured agency copy in the shapes the agencies print that the text rules do not cover.

    SYDNEY March 22 AAP -          place, date, the agency's name without brackets, a dash (AAP)
    SEOUL, Nov 26 AFP -            the same with a comma (AFP copy on AAP's feed)
    Madrid, 5 oct (EFE).-          the tag after the date, then a full stop and a dash (EFE)
    (ANSA) - ROMA, 1 LUG -         the bracketed tag first, then place and date (ANSA)
    Berlin, 12. März (dpa) -       a German date before the tag (dpa), via the tagged rule's date group

The agency must be one the copy's metadata names or a known wire agency, and the place must look like a
place, so an ordinary sentence opening ("LONDON IS ...") is never a dateline.
"""

from __future__ import annotations

import re

from app.parsers.base import Dateline
from app.parsers.text.datelines import dateline_tagged_by, looks_like_place, normalise_place

_PLACE = r"(?P<place>[^\W\d_][^\W\d_'’.\-]*(?:[ \-'’.][^\W\d_][^\W\d_'’.\-]*){0,4})"
_DATE = r"(?P<date>(?:\d{1,2}\.?\s+[^\W\d_]{3,10}\.?|[^\W\d_]{3,10}\.?\s+\d{1,2})(?:,?\s+\d{4})?)"
_DASH = r"\s*[-–—_]+\s"
_AGENCIES = ("AAP", "AFP", "AP", "dpa", "Reuters", "ANSA", "EFE", "PA", "NTB", "TT", "STT", "ANP", "APA", "Belga")


def _agency_tags(extra: list[str]) -> str:
    names = {n for n in (*_AGENCIES, *extra) if n and re.fullmatch(r"[\w\-]{2,12}", n)}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def wire_dateline(first: str, agencies: list[str]) -> Dateline | None:
    """The dateline opening the first paragraph in one of the shapes above, or None."""
    tags = _agency_tags(agencies)
    plain = re.match(rf"^{_PLACE},?\s+{_DATE}\s+(?P<tag>{tags}){_DASH}(?=\S)", first)
    if plain is None:
        plain = re.match(rf"^\((?P<tag>{tags})\){_DASH}{_PLACE},\s*{_DATE}{_DASH}(?=\S)", first)
    if plain is None:  # EFE and others: "Madrid, 5 oct (EFE).- El Gobierno ..."
        plain = re.match(rf"^{_PLACE},\s*{_DATE}\s*\((?P<tag>{tags})\)\s*\.?\s*[-–—:]+\s*(?=\S)", first)
    if plain is not None and looks_like_place(plain.group("place")):
        return Dateline(place=normalise_place(plain.group("place")), text=plain.group(0).strip())
    for name in agencies:
        found = dateline_tagged_by(first, name)
        if found is not None:
            return Dateline(place=found.place, text=found.text)
    return None
