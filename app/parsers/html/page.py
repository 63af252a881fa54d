"""The HTML pipeline: read → extract → prove → place → credit → check, every uncertainty a named doubt."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from lxml.html import HtmlElement
from pydantic import ValidationError

from app.errors import ParseError
from app.parsers.base import Dateline, ParsedCopy
from app.parsers.html import chrome
from app.parsers.html.credits import (
    agencies_in_credit,
    agency_of_contribution,
    agency_of_name,
    read_dateline,
    strip_by,
)
from app.parsers.html.document import read_page
from app.parsers.html.extract import main_content
from app.parsers.html.headline import choose_headline
from app.parsers.html.meta import PageMeta, read_meta
from app.parsers.html.story import Story, assemble, check_standfirst, prove
from app.parsers.html.textview import PageText, collapse, read_text
from app.parsers.html.times import read_times
from app.parsers.language import detect_language
from app.parsers.text.timestamps import find_stamps

# A story shorter than this, on a page with far more prose, was probably cut by the extractor.
MIN_BODY_WORDS = 60
SHORT_BODY_SHARE = 0.25
# Credit lines and bylines are short.
MAX_CREDIT_WORDS = 6
MAX_BYLINE_WORDS = 12
BYLINE_WORDS = frozenset({"byline", "author", "autor", "auteur", "autore"})


def parse_html(data: bytes) -> ParsedCopy:
    """Read one news page's HTML. Raises ParseError (and nothing else) for a page that cannot become a story."""
    try:
        return _parse(data)
    except ParseError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise ParseError(f"The page is too complex to read ({type(exc).__name__}).", reason="too-complex") from exc
    except Exception as exc:  # a bug here must still reach the caller as a refusal, never a 500
        raise ParseError(
            f"The HTML reader failed on this page ({type(exc).__name__}: {exc}); it was kept for replay.",
            reason="normaliser-failure",
        ) from exc


def _parse(data: bytes) -> ParsedCopy:
    page = read_page(data)
    meta = read_meta(page.root, page.json_ld)
    text = read_text(page.root)
    choice = choose_headline(meta)
    doubts: list[str] = []
    if choice.doubt:
        doubts.append(choice.doubt)
    extraction = main_content(page.html)
    if extraction.fell_back:
        doubts.append("extraction-fell-back: trafilatura's own algorithm found no main content")
    headline_element = _headline_element(meta, choice.text)
    items, unproven = prove(extraction.candidates, text)
    doubts.extend(unproven)
    story = assemble(items, text, choice.text, meta.descriptions, headline_element)
    check_standfirst(story, text, headline_element, meta.descriptions)
    doubts.extend(story.doubts)
    if not story.body:
        raise ParseError("No story text found: the page has no main-content paragraph.", reason="no-body")
    if not choice.text:
        raise ParseError("No headline: the page has no <h1>, og:title or <title>.", reason="no-headline")
    short = _short_body(story, text)
    if short:
        doubts.append(short)
    dateline = read_dateline(story.body[0])
    byline = _byline(page.root, text, story, meta, headline_element)
    agency, agency_doubt = _agency(story, dateline.agency if dateline else None, byline, meta, text, headline_element)
    if agency_doubt:
        doubts.append(agency_doubt)
    times = read_times(meta, _printed_times(text, headline_element, story))
    if times.doubt:
        doubts.append(times.doubt)
    try:
        return ParsedCopy(
            source_format="page-html",
            agency=agency,
            headline=choice.text,
            byline=byline,
            dateline=Dateline(place=dateline.place, text=dateline.text) if dateline and dateline.place else None,
            published_at=times.published_at,
            updated_at=times.updated_at,
            summary=story.summary,
            category=meta.section,
            language=detect_language(story.body, declared=meta.language),
            body=story.body,
            signoff="\n".join(story.signoff) or None,
            repairs=page.repairs,
            doubts=list(dict.fromkeys(doubts)),
        )
    except ValidationError as exc:
        raise ParseError(f"The page did not make a valid story: {exc.errors()[0]['msg']}.", reason="invalid") from exc


def _headline_element(meta: PageMeta, headline: str | None) -> HtmlElement | None:
    return next((h for h in meta.h1s if headline and collapse(h.text_content()) == headline), None)


def _short_body(story: Story, text: PageText) -> str | None:
    words = sum(len(p.split()) for p in story.body)
    if words >= MIN_BODY_WORDS:
        return None
    page_prose = sum(len(r.text.split()) for r in text.runs if chrome.is_prose(r.text))
    if words < SHORT_BODY_SHARE * page_prose or words < MIN_BODY_WORDS // 2:
        return f"body-short: {words} words of story on a page with {page_prose} words of prose"
    return None


def _header_runs(
    text: PageText, headline_element: HtmlElement | None, story: Story, max_words: int = MAX_CREDIT_WORDS
) -> list[str]:
    """Short lines printed between the headline and the first body paragraph (credit, byline, time)."""
    if headline_element is None or not story.body:
        return []
    start = text.order_of.get(headline_element, 0)
    first = next((r.order for r in text.runs if r.text == story.body[0] and r.order > start), None)
    if first is None:
        return []
    return [
        r.text
        for r in text.runs
        if start < r.order < first and len(r.text.split()) <= max_words and not chrome.in_picture(r.element)
    ]


# Two offsets no zone is read as: a time that comes out the same under both was printed with its zone.
_PROBE_OFFSETS = (timedelta(hours=3, minutes=17), timedelta(hours=-4, minutes=-41))
MAX_TIME_LINE_WORDS = 16


def _printed_times(text: PageText, headline_element: HtmlElement | None, story: Story) -> list[datetime]:
    """Times printed with an explicit zone in the lines between the headline and the story."""
    found: list[datetime] = []
    for line in _header_runs(text, headline_element, story, MAX_TIME_LINE_WORDS):
        first = find_stamps(line, _PROBE_OFFSETS[0])
        second = find_stamps(line, _PROBE_OFFSETS[1])
        found.extend(a.at for a, b in zip(first, second, strict=False) if a.at == b.at)
    return found


# Where a byline element goes on to print the time: "Associated Press November 19, 2019", "… Published 11:34 PM".
_BYLINE_TAIL = re.compile(
    r"\s+(?:\||•|·|—|–|-\s|published\b|updated\b|posted\b|veröffentlicht\b|publicado\b|publié\b|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s|\d{1,2}[./:]\d|\d{1,2}\s+\w+\s+\d{4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d).*$",
    re.IGNORECASE,
)


_EMAIL_WORD = re.compile(r"\s*\S+@\S+\.\w+")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _clean_byline(text: str) -> str | None:
    """The names a byline prints, without "By", the time after them or an e-mail address; None for a date."""
    name = strip_by(_BYLINE_TAIL.sub("", _EMAIL_WORD.sub("", collapse(text))))
    if not name or not any(ch.isalpha() for ch in name) or _YEAR.search(name) or chrome.DATE_LINE.match(name):
        return None
    if len(name.split()) > MAX_BYLINE_WORDS or name.endswith("."):
        return None
    return name


def _byline(
    root: HtmlElement, text: PageText, story: Story, meta: PageMeta, headline_element: HtmlElement | None
) -> str | None:
    # Only the story's own byline: printed after the headline and before the story ends (not a commenter's name).
    start = text.order_of.get(headline_element, 0) if headline_element is not None else 0
    end = story.body_orders[-1] if story.body_orders else 0
    for element in root.iter():
        if not isinstance(element.tag, str) or not start < text.order_of.get(element, 0) < end:
            continue
        marked = (element.get("rel") or "").lower() == "author" or (element.get("itemprop") or "").lower() == "author"
        if marked or chrome.class_words(element) & BYLINE_WORDS:
            name = _clean_byline(element.text_content())
            if name is not None:
                return name
    for line in [*_header_runs(text, headline_element, story, MAX_BYLINE_WORDS), *story.credits]:
        if chrome.BYLINE_LINE.match(line) and (name := _clean_byline(line)) is not None:
            return name
    site = (meta.site_name or "").casefold()
    return next((a for a in meta.authors if a.casefold() != site), None)


def _agency(
    story: Story,
    dateline_agency: str | None,
    byline: str | None,
    meta: PageMeta,
    text: PageText,
    headline_element: HtmlElement | None,
) -> tuple[str | None, str | None]:
    """The one agency the copy credits, None for staff or multi-agency copy, and a doubt when credits disagree."""
    single: list[tuple[str, str]] = []
    several = False

    def weigh(source: str, found: list[str]) -> None:
        nonlocal several
        if len(found) == 1:
            single.append((source, found[0]))
        elif len(found) > 1:
            several = True

    if dateline_agency:
        single.append(("dateline", dateline_agency))
    if byline:
        weigh("byline", agencies_in_credit(byline) if len(byline.split()) <= MAX_CREDIT_WORDS else [])
    for line in story.credits:
        contributed = agency_of_contribution(line)
        weigh("credit", contributed or (agencies_in_credit(line) if len(line.split()) <= 10 else []))
    for line in _header_runs(text, headline_element, story):
        named = agency_of_name(line)
        if named is not None:
            single.append(("header", named))
    for author in meta.authors:
        named = agency_of_name(author)
        if named is not None:
            single.append(("meta author", named))
    distinct = list(dict.fromkeys(name for _, name in single))
    if len(distinct) == 1:
        return distinct[0], None
    if len(distinct) > 1:
        sources = ", ".join(f"{name} ({source})" for source, name in single)
        return dateline_agency or distinct[0], f"agency-unsure: the page credits different agencies: {sources}"
    if several:
        return None, None  # compiled from several agencies: no single agency's copy
    bare = _bare_picture_credit(text, headline_element, story)
    if bare is not None:
        # A picture box holding nothing but an agency's name above the story: the photo's credit, or the story's
        # credit set where the picture is. The page does not say which.
        return None, f"agency-unsure: only a picture credit names an agency ({bare})"
    return None, None


def _bare_picture_credit(text: PageText, headline_element: HtmlElement | None, story: Story) -> str | None:
    if headline_element is None or not story.body_orders:
        return None
    start, first = text.order_of.get(headline_element, 0), story.body_orders[0]
    for run in text.runs:
        if start < run.order < first and chrome.in_picture(run.element) and (named := agency_of_name(run.text)):
            return named
    return None
