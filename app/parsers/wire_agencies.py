"""Agencies as structured formats name them in their metadata, reduced to the short name the desk uses.

Providers write their names many ways ('Australian Associated Press', 'AAP', 'nprov:AAP', 'dpa 0045',
'THE CANADIAN PRESS', 'PA Sport', 'reuters.com'); the article names the agency one way. Names outside this
table are kept as the metadata gives them (cleaned of scheme prefixes and web domains).
"""

from __future__ import annotations

import re

# Full or variant name (case-folded) → the agency's short name.
_SHORT_NAMES: dict[str, str] = {
    "associated press": "AP",
    "the associated press": "AP",
    "ap": "AP",
    "australian associated press": "AAP",
    "aap": "AAP",
    "press association": "PA",
    "pa": "PA",
    "pa media": "PA",
    "pa sport": "PA",
    "pa news": "PA",
    "the canadian press": "Canadian Press",
    "canadian press": "Canadian Press",
    "cp": "Canadian Press",
    "deutsche presse-agentur": "dpa",
    "dpa": "dpa",
    "dpa-afx": "dpa-AFX",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "reuters news": "Reuters",
    "agenzia nazionale stampa associata": "ANSA",
    "ansa": "ANSA",
    "stt": "STT",
    "stt-info": "STT",
    "suomen tietotoimisto": "STT",
    "ntb": "NTB",
    "norsk telegrambyrå": "NTB",
    "tt": "TT",
    "tt nyhetsbyrån": "TT",
    "ritzau": "Ritzau",
    "ritzaus bureau": "Ritzau",
    "efe": "EFE",
    "agencia efe": "EFE",
    "ana": "ANA",
    "ana-mpa": "ANA-MPA",
    "athens news agency": "ANA",
    "apa": "APA",
    "austria presse agentur": "APA",
    "belga": "Belga",
    "anp": "ANP",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "xinhua": "Xinhua",
    "businessdesk": "BusinessDesk",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "uni": "UNI",
}
_SCHEME = re.compile(r"^[\w.\-]{1,20}:(?!//)")
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?([\w\-]+)\.(?:com|org|net|it|fi|no|se|dk|de|fr|es|gr|co\.uk|com\.au)\b.*$"
)
# A desk or sequence number after the name: "dpa 0045", "ccccb   dpa 099" (7901 headers).
_TRAILING_NUMBER = re.compile(r"\s+\d{1,6}$")
_CORPORATE = re.compile(
    r"[\s,]+(?:GmbH|AG|Ltd\.?|Limited|Pty(?: Ltd\.?| Limited)?|Inc\.?|S\.p\.A\.?|Oy|A/?S|AB|SA|S\.A\.)$"
)


def short_agency_name(name: str | None) -> str | None:
    """'Australian Associated Press' → 'AAP', 'nprov:AFP' → 'AFP'; an unknown name cleaned; None for blank."""
    if not name or not name.strip():
        return None
    cleaned = " ".join(name.split())
    cleaned = _SCHEME.sub("", cleaned).strip()
    domain = _DOMAIN.match(cleaned)
    if domain is not None:
        cleaned = domain.group(1)
    cleaned = _TRAILING_NUMBER.sub("", cleaned).strip()
    cleaned = _CORPORATE.sub("", cleaned).strip()
    known = _SHORT_NAMES.get(cleaned.casefold())
    if known is not None:
        return known
    for word in reversed(cleaned.split()):  # "ccccb dpa": the agency's own name among desk codes
        if word.casefold() in _SHORT_NAMES and len(word) > 1:
            return _SHORT_NAMES[word.casefold()]
    return cleaned[:40] or None


def is_agency_name(name: str | None) -> bool:
    """True for a name of a wire agency ('Reuters', 'The Associated Press'): a credit, not a writer."""
    return bool(name) and " ".join((name or "").split()).casefold() in _SHORT_NAMES
