"""Read wire text: copy as the agency sends it (slug, headline, byline, dateline, paragraphs, sign-off)."""

from __future__ import annotations

import re

from app.parsers.text import chrome
from app.parsers.text.agencies import UTC, agency_for_name
from app.parsers.text.body import extract_body, removal_doubts
from app.parsers.text.datelines import tagged_dateline
from app.parsers.text.draft import Draft
from app.parsers.text.lines import Line

# Lines above the headline that route the copy, never story text.
SLUG_RULES: dict[str, re.Pattern[str]] = {
    # PTI/UNI desk slug: "DEL23 FGN KOREA-RUSSIA", "SPF23 SPO-CRI-IPL-AUCTION 4THLD PANT".
    "desk-slug": re.compile(r"^[A-Z]{2,4}\d{1,4}\b[A-Z0-9 \-/&.,]*$"),
    # The same with the desk letters spaced from the take number, and an agency prefix:
    # "UNI XSP 12 HOCKEY-HIL-BENGAL", "XSP 12 SPORTS-HOCKEY". Needs a hyphenated keyword after the number.
    "spaced-desk-slug": re.compile(r"^(?:[A-Z]{2,5}\s+){1,3}\d{1,4}\s+[A-Z0-9]+(?:-[A-Z0-9]+)+(?:\s+[A-Z0-9\-/&.]+)*$"),
    # Reuters topic slug: "NORTHKOREA-RUSSIA/ (UPDATE 1)".
    "topic-slug": re.compile(
        r"^[A-Z0-9][A-Z0-9.\-]*(?: [A-Z0-9][A-Z0-9.\-]*){0,3}/(?:[A-Z0-9.\-]+)?(?:\s*\([^)]*\))?$"
    ),
    # AFP keyword slug: "Brazil-G20-summit-diplomacy,LEAD", "Tennis-GBR-Wimbledon-men,LEAD".
    "keyword-slug": re.compile(r"^[\w.]+(?:-[\w.]+)+(?:,[A-Z0-9]+)*$"),
    # Priority words on a line of their own.
    # Teleprinter framing: "ZCZC" opens a transmission (with routing codes after it), "NNNN" closes it.
    "framing": re.compile(r"^(?:ZCZC|NNNN)(?:\s+[A-Z0-9/ ]{1,40})?$"),
    "priority": re.compile(r"^(?:URGENT|FLASH|BULLETIN|ALERT|ADVISORY|BREAKING|RPT|REPEAT|CORRECTION)\b\W*$"),
}
# AP's keyword slug with spaces inside its parts: "South Africa-Land", "New Zealand-Election-Results". Only trusted as
# the first of two headline-like lines (a Title Case headline may look the same).
SPACED_KEYWORD_SLUG = re.compile(r"^[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}(?:-[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}){1,3}$")
# Reuters take markers in front of the headline: "UPDATE 2-", "REFILE-", "CORRECTED-".
TAKE_MARKER = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|REPEAT|RECASTS?|CORRECTION|FOCUS|ADVISORY|BUZZ)(?:\s+\d+)?"
    r"(?:\s*-\s*|\s*:\s*))+",
)
# "By JANE DOE, Associated Press": the agency after the name is a credit, not part of the byline.
BYLINE_AGENCY_SUFFIX = re.compile(r",\s*(?:The\s+)?(?:Associated Press|AP|Reuters|AFP|PTI|IANS|ANI|UNI)\s*$")
WIRE_BYLINE = re.compile(r"^by\s+(?P<name>\S.{0,80})$", re.IGNORECASE)
# An embargo above the story: "EMBARGOED TILL 1800 HRS", "Embargoed until 00:01 GMT Thursday".
EMBARGO_LINE = re.compile(r"^(?:EMBARGO(?:ED)?\b[A-Z0-9 :.,/\-]{0,60}|(?i:embargoed (?:till|until|for))\b.{0,60})$")
# AP's note above the story: "EDITOR'S NOTE — This story is part of ...".
EDITORS_NOTE_LINE = re.compile(r"^editor['’]?s['’]?\s+note\s*(?:[—–:\-]|$)", re.IGNORECASE)
# The writer's title under an AP byline: "AP Business Writer", "Associated Press Medical Writer".
AP_WRITER_TITLE = re.compile(r"^(?:AP|Associated Press)(?: [A-Z][a-z]+){0,3} (?:Writer|Correspondent|Reporter)s?$")
# Reuters' newsletter plug inside its copy: "Sign up here."
AGENCY_PLUG = re.compile(r"^sign up here\.?$", re.IGNORECASE)


def wire_header_kind(text: str) -> str | None:
    """What a line above the story is in wire copy ('slug', 'note', 'byline', 'credit'), or None (headline)."""
    if any(rule.match(text) for rule in SLUG_RULES.values()):
        return "slug"
    if (
        chrome.EDITOR_NOTE.match(text)
        or EDITORS_NOTE_LINE.match(text)
        or EMBARGO_LINE.match(text)
        or chrome.CORRECTION_NOTE.match(text)
    ):
        return "note"
    if WIRE_BYLINE.match(text):
        return "byline"
    if agency_for_name(text) is not None or AP_WRITER_TITLE.match(text):
        return "credit"
    return None


def parse_wire(lines: list[Line], start: int, source: str) -> Draft:
    draft = Draft(source_format="wire-text")
    headlines: list[str] = []
    for line in lines[:start]:
        kind = wire_header_kind(line.text)
        if kind == "byline" and draft.byline is None:
            match = WIRE_BYLINE.match(line.text)
            draft.byline = BYLINE_AGENCY_SUFFIX.sub("", match.group("name")).strip() if match else None
        elif kind is None:
            headlines.append(line.text)
    if len(headlines) >= 2 and SPACED_KEYWORD_SLUG.match(headlines[0]) and len(headlines[0].split()) <= 5:
        headlines = headlines[1:]
    if headlines:
        draft.headline = TAKE_MARKER.sub("", headlines[0]).strip() or headlines[0]
    first = lines[start].text
    draft.dateline = tagged_dateline(first)
    agency = draft.dateline.agency if draft.dateline else None
    body = extract_body(lines, start, agency.default_offset if agency else UTC, source)
    draft.body = body.paragraphs
    draft.signoff = body.signoff
    draft.doubts.extend(removal_doubts(body))
    draft.agency_hints = [agency, body.signoff_agency, agency_for_name(draft.byline or "")]
    return draft


def looks_like_wire(lines: list[Line], start: int) -> bool:
    """Wire copy has only slug, notes, one headline and a byline above the dateline; pages have much more."""
    unknown = [ln for ln in lines[:start] if wire_header_kind(ln.text) is None]
    return 1 <= len(unknown) <= 2 and start <= 8
