"""Agency text copy (wire text and scraped page text) → ParsedCopy, the agency's words verbatim and nothing else.

decode.py     bytes → text: size limit, binary refusal, encodings, mojibake repair
safety.py     the markup policy: page code left on lines of its own is chrome
lines.py      stripped lines with their blank-line blocks
agencies.py   agency profiles: canonical names, dateline tags, byline names, sign-offs, time zones
datelines.py  dateline patterns
timestamps.py page time formats and labels (published / updated / unlabelled)
bylines.py    byline lines
chrome.py     site chrome rules (menus, prompts, captions, Also Read, ads, disclaimers, lists)
body.py       story paragraphs and sign-off
wire.py       wire-text header (slug, notes, headline, byline)
page.py       page-text header (headline, standfirst, byline, category, times)
"""

from __future__ import annotations

from pydantic import ValidationError

from app.errors import ParseError
from app.parsers.base import Dateline, ParsedCopy
from app.parsers.language import detect_language
from app.parsers.plausibility import plausibility_doubts
from app.parsers.text import chrome
from app.parsers.text.body import match_signoff
from app.parsers.text.datelines import tagged_dateline
from app.parsers.text.decode import MAX_COPY_BYTES, decode_copy
from app.parsers.text.draft import Draft
from app.parsers.text.lines import Line, split_lines
from app.parsers.text.page import is_meta, parse_page, reread_page
from app.parsers.text.safety import blank_active_markup
from app.parsers.text.wire import AGENCY_PLUG, looks_like_wire, parse_wire, wire_header_kind

__all__ = ["MAX_COPY_BYTES", "detect_language", "parse_text"]


def parse_text(data: bytes) -> ParsedCopy:
    """Read one piece of agency text copy. Raises ParseError (and nothing else) for copy it cannot publish."""
    try:
        return _parse(data)
    except ParseError:
        raise
    except Exception as exc:  # a bug here must still reach the caller as a refusal, never a 500
        raise ParseError(
            f"The text normaliser failed on this copy ({type(exc).__name__}: {exc}); it was kept for replay.",
            reason="normaliser-failure",
        ) from exc


def _parse(data: bytes) -> ParsedCopy:
    decoded = decode_copy(data)
    text, dropped = blank_active_markup(decoded.text)  # page code a scrape left on its own lines is chrome
    lines = split_lines(text)
    draft = _read(lines, text)
    repairs = [*decoded.repairs, *dropped]
    try:
        first = _finish(draft, text, repairs)
    except ParseError:
        if draft.source_format != "page-text":
            raise
        second = reread_page(lines, text)
        if second is None:
            raise
        return _finish(second, text, repairs)
    if draft.source_format == "page-text" and plausibility_doubts(first):
        # The page read by its header fails a check: read it from its main text, and keep the reading with fewer
        # doubts (it is published only if it has none).
        second = reread_page(lines, text)
        if second is not None:
            try:
                other = _finish(second, text, repairs)
            except ParseError:
                return first
            # Both held: the reviewer gets the reading with fewer doubts.
            if len(plausibility_doubts(other)) < len(plausibility_doubts(first)):
                return other
    return first


def _finish(draft: Draft, text: str, repairs: list[str]) -> ParsedCopy:
    """The ParsedCopy of a draft, or ParseError for a draft that cannot make a story."""
    if not draft.body:
        if draft.headline:
            raise ParseError(
                f"Headline without body text: the copy has a headline ({draft.headline[:80]!r}) but no story "
                "paragraph follows it.",
                reason="no-body",
            )
        raise ParseError("No story text found: the copy has no headline and no story paragraph.", reason="no-body")
    if not draft.headline:
        raise ParseError("No headline: story paragraphs were found but no headline above them.", reason="no-headline")
    for paragraph in draft.body:
        # The promise: every paragraph is the agency's text exactly as decoded, never rewritten.
        if paragraph not in text:
            raise ParseError(
                f"Body paragraph is not verbatim copy text ({paragraph[:60]!r}); refusing to publish altered text.",
                reason="not-verbatim",
            )
    agency = next((hint for hint in draft.agency_hints if hint is not None), None)
    try:
        return ParsedCopy(
            source_format="wire-text" if draft.source_format == "wire-text" else "page-text",
            agency=agency.name if agency else None,
            headline=draft.headline,
            byline=draft.byline,
            dateline=Dateline(place=draft.dateline.place, text=draft.dateline.text) if draft.dateline else None,
            published_at=draft.published_at,
            updated_at=draft.updated_at,
            summary=draft.summary,
            category=draft.category,
            language=detect_language(draft.body),
            body=draft.body,
            signoff=draft.signoff,
            repairs=list(repairs),
            doubts=draft.doubts,
        )
    except ValidationError as exc:
        raise ParseError(f"The copy did not make a valid story: {exc.errors()[0]['msg']}.", reason="invalid") from exc


def _read(lines: list[Line], source: str) -> Draft:
    start = next((ln.index for ln in lines if tagged_dateline(ln.text)), None)
    if start is None:
        # Wire copy whose dateline lost its tag: the story starts at its first sentence.
        start = next((ln.index for ln in lines if chrome.is_prose(ln.text) and len(ln.text.split()) >= 8), None)
    if start is not None and looks_like_wire(lines, start) and not _has_page_signals(lines):
        return parse_wire(lines, start, source)
    return parse_page(lines, source)


def _has_page_signals(lines: list[Line]) -> bool:
    """Chrome only a web page has: menus, breadcrumbs, time lines, prompts, disclaimers, promotion."""
    return any(
        wire_header_kind(ln.text) is None
        and match_signoff(ln.text) is None
        and not AGENCY_PLUG.match(ln.text)
        and not chrome.AGENCY_FOOTER.match(ln.text)
        and (
            chrome.is_menu(ln.text)
            or chrome.is_disclaimer(ln.text)
            or chrome.is_prompt(ln.text)
            or bool(chrome.PROMOTION.search(ln.text))
            or is_meta(ln.text)
        )
        for ln in lines
    )
