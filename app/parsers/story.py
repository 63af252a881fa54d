"""What the structured parsers share once a format's fields are found: turning them into a checked ParsedCopy.

Each format module (nitf, newsml_g2, ninjs, iptc7901, anpa1312) fills a `StoryParts` with what the format
says where it says it; `finish` then applies the corpus rules the text normaliser applies too, reusing its
tables: editor's notes and byline lines out of the body, the agency sign-off split off the end, the dateline
read from the first paragraph, the agency canonicalised, times given their offset, active code refused,
and every paragraph checked to be verbatim source text.

Kills, holds and embargoes are fields (pubstatus, embargoed), never refusals: the intake withdraws or
holds. A missing headline is derived from the lede and held with a doubt; a story is never lost for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from functools import wraps
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from app.errors import ParseError, UnsupportedFormat
from app.parsers.base import Dateline, ParsedCopy, PubStatus, SourceFormat
from app.parsers.language import detect_language as detect_text_language
from app.parsers.text.agencies import UTC, AgencyProfile, agency_for_name, agency_for_tag
from app.parsers.text.body import GLUED_TAG, SignoffRule, match_signoff
from app.parsers.text.chrome import EDITOR_NOTE
from app.parsers.text.datelines import (
    FoundDateline,
    dateline_tagged_by,
    looks_like_place,
    normalise_place,
    tagged_dateline,
)
from app.parsers.text.timestamps import MONTHS
from app.parsers.text.wire import BYLINE_AGENCY_SUFFIX, WIRE_BYLINE
from app.parsers.wire_agencies import short_agency_name
from app.parsers.wire_datelines import wire_dateline

_BASIC_ISO = re.compile(
    r"^(?P<date>\d{8})T(?P<h>\d{2})(?P<m>\d{2})(?P<s>\d{2})?(?:[.,]\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)
# How many trailing paragraphs may hold the sign-off.
_SIGNOFF_WINDOW = 4


@dataclass
class StoryParts:
    """A story's fields as one format carries them, before the shared rules."""

    source_format: SourceFormat
    label: str  # the format's name in error details, e.g. "NITF"
    headline: str | None
    paragraphs: list[str]
    haystack: str  # the decoded, unescaped source every paragraph must be found in
    byline: str | None = None
    dateline_text: str | None = None  # a dateline the format carries outside the body
    dateline_place: str | None = None
    published: str | None = None  # ISO 8601, basic or extended, with or without its offset
    updated: str | None = None
    summary: str | None = None
    category: str | None = None
    language: str | None = None
    signoff: str | None = None  # a sign-off the format carries outside the body (NITF tagline)
    # Agency names the metadata gives (provider, source, copyright holder), strongest first.
    agency_names: list[str] = field(default_factory=list)
    agency_ref: str | None = None
    agency_version: int | None = None
    repairs: list[str] = field(default_factory=list)
    # The agency that delivered the copy, as the format's metadata names it (G2 provider, NITF distributor):
    # for structured copy it outranks the dateline tag (AFP copy on AAP's feed is AAP's delivery).
    provider: str | None = None
    pubstatus: PubStatus = "usable"
    embargoed: str | None = None  # ISO 8601, as the format gives it
    urgency: int | None = None
    slugline: str | None = None
    subjects: list[str] = field(default_factory=list)
    headline_derived: bool = False
    editorial_notes: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    # True when the paragraphs come from parsed markup whose elements were checked for active code
    # (refuse_active_markup): code quoted there is escaped text (a fact-check quoting an embed), not code.
    markup_checked: bool = False


F = TypeVar("F", bound=Callable[[bytes], Any])


def refusing_failures(label: str) -> Callable[[F], F]:
    """Let only ParseError and UnsupportedFormat out of a parser: a bug is a refusal, never a 500."""

    def decorate(parse: F) -> F:
        @wraps(parse)
        def guarded(data: bytes) -> Any:
            try:
                return parse(data)
            except (ParseError, UnsupportedFormat):
                raise
            except Exception as exc:
                raise ParseError(
                    f"The {label} parser failed on this copy ({type(exc).__name__}: {exc}); it was kept for replay.",
                    reason="parser-failure",
                ) from exc

        return guarded  # type: ignore[return-value]

    return decorate


_CANCELED = frozenset({"canceled", "cancelled", "kill", "killed", "elimination", "withdrawn", "deleted"})
_WITHHELD = frozenset({"withheld", "hold", "held"})


def read_pubstatus(status: str | None) -> PubStatus:
    """The agency's publishing status from a G2 qcode ('stat:canceled'), NITF management-status or ninjs
    pubstatus: a kill is "canceled", a hold "withheld"; usable, embargoed (a time, kept apart) and anything
    unknown are "usable"."""
    value = (status or "").strip().lower().rsplit(":", 1)[-1]
    if value in _CANCELED:
        return "canceled"
    if value in _WITHHELD:
        return "withheld"
    return "usable"


def read_urgency(value: object) -> int | None:
    """An explicit urgency (1 most urgent … 9 least); blank, out of range or unreadable is none."""
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() and len(text) == 1 and 1 <= int(text) <= 9 else None


def agency_named(name: str | None) -> AgencyProfile | None:
    """The agency behind a metadata name: 'nprov:AFP', 'reuters.com', 'Thomson Reuters', 'AP'."""
    cleaned = clean_agency_name(name)
    if cleaned is None:
        return None
    return agency_for_name(cleaned) or agency_for_tag(cleaned)


def clean_agency_name(name: str | None) -> str | None:
    if not name:
        return None
    cleaned = name.strip().rsplit(":", 1)[-1].strip()
    cleaned = re.sub(r"^(?:https?://)?(?:www\.)?", "", cleaned)
    cleaned = re.sub(r"\.(?:com|in|org|net|co\.uk|fr|de|se|no)(?:/.*)?$", "", cleaned, flags=re.IGNORECASE)
    return cleaned or None


def clean_byline(byline: str | None) -> str | None:
    """A byline as printed, without a leading 'By ' or a trailing ', Associated Press' credit."""
    if not byline:
        return None
    text = " ".join(byline.split())
    text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    text = BYLINE_AGENCY_SUFFIX.sub("", text).strip(" ,")
    return text or None


def parse_instant(value: str | None, default_offset: timedelta | tzinfo) -> tuple[datetime | None, bool]:
    """(time, offset_assumed) from an ISO 8601 value ('2016-01-12 12:35:40' too); a bare date or an
    unreadable value is no time. A time without an offset is read in `default_offset` (a fixed offset or
    the agency's home zone, daylight saving included)."""
    if not value:
        return None, False
    text = _SPACED_ISO.sub(r"\1T\2", value.strip())
    if "T" not in text.upper():
        return None, False
    basic = _BASIC_ISO.match(text)
    if basic is not None:
        zone = basic.group("zone") or ""
        date = basic.group("date")
        text = f"{date[:4]}-{date[4:6]}-{date[6:]}T{basic.group('h')}:{basic.group('m')}:{basic.group('s') or '00'}"
        text += zone if zone in ("", "Z") or ":" in zone else f"{zone[:3]}:{zone[3:]}"
    try:
        at = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None, False
    if at.tzinfo is None:
        zone = timezone(default_offset) if isinstance(default_offset, timedelta) else default_offset
        return at.replace(tzinfo=zone), True
    return at, False


_SPACED_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2}) +(\d{2}:\d{2})")
# Where agencies that write times without an offset are: their copy states local time (dpa Berlin, STT
# Helsinki, NTB Oslo, Ritzau Copenhagen...), as the agencies' feeds and their customers' ingest read it.
_HOME_ZONES = {
    "dpa": "Europe/Berlin",
    "STT": "Europe/Helsinki",
    "NTB": "Europe/Oslo",
    "Ritzau": "Europe/Copenhagen",
    "TT": "Europe/Stockholm",
    "ANSA": "Europe/Rome",
    "EFE": "Europe/Madrid",
    "APA": "Europe/Vienna",
    "Belga": "Europe/Brussels",
    "ANP": "Europe/Amsterdam",
    "ANA": "Europe/Athens",
    "ANA-MPA": "Europe/Athens",
    "PA": "Europe/London",
    "AAP": "Australia/Sydney",
    "BusinessDesk": "Pacific/Auckland",
    "Kyodo": "Asia/Tokyo",
    "Yonhap": "Asia/Seoul",
    "Canadian Press": "America/Toronto",
}


def home_zone(agency: str | None) -> tzinfo | None:
    """The agency's home time zone, or None when unknown (or the zone database is missing)."""
    name = _HOME_ZONES.get(agency or "")
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def finish(parts: StoryParts) -> ParsedCopy:
    """Apply the shared rules to `parts` and build the ParsedCopy, or raise ParseError saying why not."""
    label = parts.label
    headline = " ".join((parts.headline or "").split())
    # Agencies the metadata names that our agency table does not know (dpa, NTB, TT): their own tag and sign-off.
    other_agencies = [
        name for name in (clean_agency_name(n) for n in parts.agency_names) if name and agency_named(name) is None
    ]
    paragraphs, byline, signoff, signoff_agency = _split_story(parts.paragraphs, parts.byline, other_agencies)
    notice = parts.pubstatus != "usable"  # a kill or hold names its story and need not carry text
    if not paragraphs and not notice:
        if headline:
            raise ParseError(
                f"Headline without body text: the {label} copy has a headline ({headline[:80]!r}) but no story "
                "paragraph.",
                reason="no-body",
            )
        raise ParseError(
            f"No story text found: the {label} copy has no headline and no story paragraph.", reason="no-body"
        )
    derived = parts.headline_derived
    doubts = list(parts.doubts)
    if not headline and paragraphs and parts.pubstatus == "usable":
        # Never lose a story for want of a headline: its lede's first sentence stands for one, marked as
        # derived, and the doubt holds the copy for an editor.
        headline = derived_headline(paragraphs[0])
        derived = True
        doubts.append(f"headline-derived: the {label} copy has no headline; its lede's first sentence stands for it")
    if not headline and not notice:
        raise ParseError(
            f"No headline: the {label} copy has no headline and no lede to take one from.", reason="no-headline"
        )
    texts = [headline, *paragraphs, parts.summary or "", parts.byline or "", parts.signoff or ""]
    if any("\x00" in text for text in texts):
        raise ParseError(
            f"NUL characters in the {label} copy's text: it is binary or corrupted, not agency text.", reason="binary"
        )
    for paragraph in paragraphs:  # markup quoted in the text is text (app.parsers.text.safety)
        if paragraph not in parts.haystack:
            raise ParseError(
                f"Body paragraph is not verbatim copy text ({paragraph[:60]!r}): it cannot be found in the "
                f"decoded {label} source; refusing to publish altered text.",
                reason="not-verbatim",
            )
    if parts.signoff:
        signoff = "\n".join(s for s in (signoff, parts.signoff) if s)
    found = _dateline(paragraphs[0], other_agencies) if paragraphs else None
    dateline = Dateline(place=found.place, text=found.text) if found else None
    if dateline is None and paragraphs:
        dateline = wire_dateline(paragraphs[0], other_agencies)
    if dateline is None:
        dateline = _structured_dateline(parts)
    byline = clean_byline(byline)
    agency = _agency(found, parts, signoff_agency, byline)
    known = agency_named(agency)
    home = home_zone(agency)
    offset: timedelta | tzinfo = known.default_offset if known else home or UTC
    published, assumed_published = parse_instant(parts.published, offset)
    updated, assumed_updated = parse_instant(parts.updated, offset)
    if published is not None and updated is not None and updated <= published:
        updated = None  # the first version: nothing was updated yet
    embargoed, _ = parse_instant(parts.embargoed, offset)
    if parts.embargoed and embargoed is None and parts.pubstatus == "usable":
        # An embargo we cannot read is never taken as no embargo: the copy is held for an editor.
        doubts.append(f"embargo-unread: the {label} copy is embargoed until {parts.embargoed[:60]!r}, unreadable")
    repairs = list(parts.repairs)
    if known is None and ((assumed_published and published) or (assumed_updated and updated)):
        # A known agency's zone is implied by the copy (as for text); an unknown one's is a guess, so say so.
        if home is not None:
            repairs.append(f"time without offset read in the agency's home zone ({home})")
        else:
            repairs.append("time without offset read as UTC (the agency and its time zone are unknown)")
    try:
        return ParsedCopy(
            source_format=parts.source_format,
            agency=agency,
            headline=headline,
            byline=byline,
            dateline=dateline,
            published_at=published,
            updated_at=updated,
            summary=" ".join(parts.summary.split()) if parts.summary else None,
            category=parts.category.strip() if parts.category and parts.category.strip() else None,
            language=_language(parts.language, [headline, *paragraphs]),
            body=paragraphs,
            signoff=signoff,
            repairs=repairs,
            agency_ref=parts.agency_ref,
            agency_version=parts.agency_version,
            pubstatus=parts.pubstatus,
            embargoed=embargoed,
            urgency=parts.urgency,
            slugline=" ".join(parts.slugline.split())[:200] if parts.slugline and parts.slugline.strip() else None,
            subjects=[" ".join(s.split()) for s in parts.subjects if s and s.strip()],
            headline_derived=derived,
            editorial_notes="\n\n".join(n.strip() for n in parts.editorial_notes if n.strip()) or None,
            doubts=doubts,
        )
    except ValidationError as exc:
        raise ParseError(
            f"The {label} copy did not make a valid story: {exc.errors()[0]['msg']}.", reason="invalid"
        ) from exc


_LEDE_DATELINE = re.compile(r"^.{1,80}?\((?:[A-Za-z][\w\-]{1,12})\)\s*(?:_|--|—|–|-|:|\.-)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")


def derived_headline(lede: str) -> str:
    """A headline from a lede: its first sentence, without the dateline ('CHICAGO (AP) _ ...')."""
    match = _LEDE_DATELINE.match(lede)
    text = lede[match.end() :] if match else lede
    first = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0].strip()
    if not any(c.isalnum() for c in first):
        first = " ".join(lede.split())  # no sentence after the dateline: the lede as printed
    return first[:300].strip()


def as_version(value: object) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _split_story(
    paragraphs: list[str], byline: str | None, other_agencies: list[str]
) -> tuple[list[str], str | None, str | None, AgencyProfile | None]:
    """(body, byline, sign-off, agency the sign-off names): notes and byline lines out, sign-off off the end."""
    body: list[str] = []
    for paragraph in paragraphs:
        if EDITOR_NOTE.match(paragraph):
            continue
        if not body and _is_byline_line(paragraph):
            byline = paragraph  # the byline as printed over the one the metadata gives (a desk's "Staff")
            continue
        first_line, _, after = paragraph.partition("\n")
        if not body and after.strip() and _is_byline_line(first_line.strip()):
            # Preformatted copy prints the byline as the first line of its first block.
            byline, paragraph = first_line.strip(), after.strip()
        body.append(paragraph)
    signoff: str | None = None
    agency: AgencyProfile | None = None
    for index in range(max(1, len(body) - _SIGNOFF_WINDOW), len(body)):
        rule = _signoff_rule(body[index], other_agencies)
        if rule is None:
            continue
        rest = body[index + 1 :]
        if all(rule.continuation is not None and rule.continuation.match(p) for p in rest):
            signoff = "\n".join(body[index:])
            if rule.agency is not None:
                agency = agency_for_name(rule.agency)
            elif rule.name == "bracketed-tag":
                agency = agency_for_tag(body[index].strip("()"))
            body = body[:index]
            break
    if signoff is None and body:
        glued = GLUED_TAG.search(body[-1])
        if glued is not None and glued.start() > 0:
            body = [*body[:-1], body[-1][: glued.start()].rstrip()]
            signoff = f"({glued.group('tag')})"
            agency = agency_for_tag(glued.group("tag"))
    return body, byline, signoff, agency


def _signoff_rule(paragraph: str, other_agencies: list[str]) -> SignoffRule | None:
    rule = match_signoff(paragraph)
    for name in other_agencies if rule is None else ():
        # "dpa xx yy": the agency's name and its desk initials.
        own = re.compile(rf"^{re.escape(name)}(?:\s+[a-z]{{1,4}}){{1,6}}$", re.IGNORECASE)
        if own.match(paragraph):
            return SignoffRule(f"{name}-desk-codes", own, None, None)
    return rule


def _is_byline_line(paragraph: str) -> bool:
    match = WIRE_BYLINE.match(paragraph)
    return match is not None and len(paragraph.split()) <= 8 and not paragraph.rstrip().endswith((".", "?", "!"))


def _dateline(first: str, other_agencies: list[str]) -> FoundDateline | None:
    """The first paragraph's dateline, with a tag from the agency table or of an agency the metadata names."""
    found = tagged_dateline(first)
    for name in other_agencies if found is None else ():
        found = dateline_tagged_by(first, name)
        if found is not None:
            break
    return found


def _structured_dateline(parts: StoryParts) -> Dateline | None:
    text = " ".join(parts.dateline_text.split()) if parts.dateline_text else None
    if not text:
        return None
    place = parts.dateline_place or re.split(r"[,(\[]", text, maxsplit=1)[0]
    place = normalise_place(place)
    if not place or not looks_like_place(place) or place.casefold().rstrip(".") in MONTHS:
        return None  # 'MARCH 04, 2013', '2018-01-03 20:13:08 GMT': a date where the place should be
    return Dateline(place=place, text=text)


def _agency(
    found: FoundDateline | None, parts: StoryParts, signoff_agency: AgencyProfile | None, byline: str | None
) -> str | None:
    """The provider the format names; else, strongest evidence first: the dateline tag, the metadata, the
    sign-off, the byline; else the first name the metadata gives."""
    provider_known = agency_named(parts.provider)
    if provider_known is not None:
        return provider_known.name
    provider = short_agency_name(parts.provider)
    if provider:
        return provider
    candidates: list[AgencyProfile | None] = [found.agency if found else None]
    candidates += [agency_named(name) for name in parts.agency_names]
    candidates += [signoff_agency, agency_named(byline)]
    known = next((c for c in candidates if c is not None), None)
    if known is not None:
        return known.name
    return next((c for c in (short_agency_name(n) for n in parts.agency_names) if c), None)


# Languages agencies write in that the text model may name against a wrong declaration; an exotic vote
# ('bcl', 'an') on a results table is the model's noise, not the copy's language.
_AGENCY_LANGUAGES = frozenset(
    [
        "en",
        "fr",
        "de",
        "es",
        "it",
        "pt",
        "nl",
        "da",
        "sv",
        "no",
        "nb",
        "nn",
        "fi",
        "is",
        "pl",
        "cs",
        "sk",
        "hu",
        "ro",
        "bg",
        "el",
        "tr",
        "ru",
        "uk",
        "sr",
        "hr",
        "sl",
        "et",
        "lv",
        "lt",
        "ar",
        "he",
        "fa",
        "hi",
        "ur",
        "bn",
        "ta",
        "te",
        "mr",
        "zh",
        "ja",
        "ko",
        "id",
        "ms",
        "vi",
        "th",
        "ca",
        "eu",
        "gl",
    ]
)


def _overrides_declaration(found: str, paragraphs: list[str]) -> bool:
    """The text outvotes the declared language only as prose (tables of names and figures mislead the
    model) and only for a language agencies write in."""
    text = "".join(paragraphs)
    visible = [c for c in text if not c.isspace()]
    letters = sum(1 for c in visible if c.isalpha())
    return found.split("-", 1)[0] in _AGENCY_LANGUAGES and len(visible) > 0 and letters / len(visible) >= 0.85


def _language(declared: str | None, paragraphs: list[str]) -> str:
    """The text's language; the declared one where the text agrees (a declaration can be wrong: an English
    story declared Italian is English)."""
    primary = None
    if declared:
        primary = declared.strip().split("-", 1)[0].split("_", 1)[0].lower()
        if not re.fullmatch(r"[a-z]{2,3}", primary):
            primary = None
    found = detect_text_language(paragraphs, primary, default=primary or "en")
    if primary and found.split("-", 1)[0] != primary and not _overrides_declaration(found, paragraphs):
        found = primary
    elif not primary and not _overrides_declaration(found, paragraphs):
        found = "en"  # no declaration, and the model's vote on tables of names and figures is noise
    # Norwegian named without its written standard ("no", the model's name too) is Bokmål in agency copy.
    return "nb" if found == "no" else found
