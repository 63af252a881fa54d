"""Read page text: copy scraped from a site that auto-publishes agency feeds, with the site's chrome around it."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from functools import lru_cache

from app.parsers.text import chrome
from app.parsers.text.agencies import IST, AgencyProfile, agency_for_name, agency_mentioned, agency_named_at_end
from app.parsers.text.body import extract_body, removal_doubts
from app.parsers.text.bylines import byline_of, source_agency
from app.parsers.text.datelines import normalise_place, placeless_tag, tagged_dateline, untagged_dateline
from app.parsers.text.draft import Draft
from app.parsers.text.lines import Line
from app.parsers.text.similarity import WORD, content_stems
from app.parsers.text.timestamps import (
    RELATIVE_TIME,
    Stamp,
    find_stamps,
    is_dated_meta,
    is_time_line,
    label_only,
    resolve,
)

# The offset used only to recognise time lines (which lines are meta); never to read a story's time.
PAGE_DEFAULT_OFFSET = IST
# Breadcrumb steps that say nothing about the story's section.
GENERIC_CRUMBS = {"home", "news", "latest", "latest news", "होम", "हिंदी न्यूज़", "हिंदी समाचार", "समाचार", "न्यूज़"}
# A Reuters take marker a site left glued to the front of the headline: "UPDATE 1-", "REFILE-", "CORRECTED-".
# Upper case and glued to a hyphen, as Reuters prints it; "Update: ..." in a site's own headline is kept.
PAGE_TAKE_MARKER = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|REPEAT|RECASTS?|FOCUS|ANALYSIS|BUZZ|EXCLUSIVE)(?: \d{1,2})?-)+(?=\S)"
)
# "Sports News | <headline>": a section label the site puts in front of the agency headline.
SECTION_PREFIX = re.compile(r"^(?P<section>[^|]{2,40}?)\s*\|\s+(?P<rest>.+)$")
_ELLIPSIS = ("...", "…")
# A headline shares at least this many content words with the first paragraphs of its story.
LEAD_PARAGRAPHS = 3
MIN_SHARED_WITH_LEAD = 2


@lru_cache(maxsize=4096)
def is_meta(text: str) -> bool:
    """A line that carries the byline or the times rather than story or chrome."""
    return bool(
        byline_of(text)
        or (find_stamps(text, PAGE_DEFAULT_OFFSET) and not chrome.is_prose(text))
        or is_time_line(text, PAGE_DEFAULT_OFFSET)
        or (RELATIVE_TIME.search(text) and len(text.split()) <= 8)
        or label_only(text)
    )


def _is_header_chrome(text: str, headline: str | None = None) -> bool:
    return (
        chrome.is_menu(text)
        or chrome.breadcrumb(text, headline) is not None
        or chrome.is_prompt(text)
        or chrome.is_caption(text)
        or bool(chrome.CAPTION_AGENCY_PAREN.search(text))
        or bool(chrome.BULLET.match(text))
        or chrome.is_disclaimer(text)
        or bool(chrome.LIST_HEADING.match(text))
        or bool(chrome.PROMOTION.search(text))
        or bool(chrome.ALSO_READ.match(text))
        or bool(chrome.ADVERTISEMENT.match(text))
        or chrome.is_interface(text)
    )


def parse_page(lines: list[Line], source: str) -> Draft:
    """Read the page by its header (headline above a byline/time block, then the story); when that reading gives a
    headline that is not about the story, read it again from its main text (see `_read_by_main_text`)."""
    draft = _read_by_header(lines, source)
    if _headline_fits(draft):
        return draft
    second = _read_by_main_text(lines, source)
    if second is not None and _headline_fits(second):
        return second
    return draft


def reread_page(lines: list[Line], source: str) -> Draft | None:
    """The second reading of a page, from its main text (None when the page has no main text with a headline)."""
    return _read_by_main_text(lines, source)


def _headline_fits(draft: Draft) -> bool:
    """The headline is no interface or chrome line and shares at least two content words with the lead."""
    if not draft.headline or not draft.body:
        return False
    if _is_header_chrome(draft.headline) or is_meta(draft.headline):
        return False
    heads = content_stems(draft.headline)
    shared = heads & content_stems(" ".join(draft.body[:LEAD_PARAGRAPHS]))
    return bool(heads) and len(shared) >= min(MIN_SHARED_WITH_LEAD, len(heads))


def _read_by_header(lines: list[Line], source: str) -> Draft:
    draft = Draft(source_format="page-text")
    first_dateline = next((ln.index for ln in lines if tagged_dateline(ln.text)), None)
    first_sentence = next((ln.index for ln in lines if _is_sentence(ln.text)), len(lines))
    story = first_dateline if first_dateline is not None else first_sentence
    # The byline/time block under the headline: the first meta line with a headline-like line above it
    # (a site-wide date bar above the menus is not it).
    first_meta = next(
        (ln.index for ln in lines[:story] if is_meta(ln.text) and any(_is_title(x.text) for x in lines[: ln.index])),
        None,
    )
    limit = next((i for i in (first_meta, first_dateline) if i is not None), first_sentence)
    headline_index, summary_index = _find_headline(lines, limit)
    if headline_index is None:
        # No headline: still read the story, so the refusal can say what is missing.
        if story < len(lines):
            draft.body = extract_body(lines, story, PAGE_DEFAULT_OFFSET, source).paragraphs
        return draft
    start = _body_start(lines, headline_index, summary_index)
    return _assemble(lines, source, draft, headline_index, summary_index, start)


def _assemble(
    lines: list[Line],
    source: str,
    draft: Draft,
    headline_index: int,
    summary_index: int | None,
    start: int | None,
    stop: int | None = None,
) -> Draft:
    """The draft from the headline's line, the standfirst's (if any) and the story's first line."""
    draft.headline, prefix_section = _strip_section_prefix(lines[headline_index].text)
    draft.headline = PAGE_TAKE_MARKER.sub("", draft.headline) or draft.headline
    if summary_index is None and start is not None:
        summary_index = _summary_after_meta(lines, headline_index, start)
    if summary_index is not None:
        draft.summary = lines[summary_index].text
    draft.category = _category(lines, headline_index, draft.headline) or prefix_section
    header = lines[headline_index + 1 : start if start is not None else len(lines)]
    draft.byline = next((b for ln in header if (b := byline_of(ln.text))), None) or _name_above_time(header)
    if start is None:
        return draft
    first = lines[start].text
    draft.dateline = tagged_dateline(first) or untagged_dateline(first)
    if (
        draft.byline is not None
        and draft.dateline is not None
        and normalise_place(draft.byline).casefold() == draft.dateline.place.casefold()
    ):
        draft.byline = None  # the place printed above the time is not a writer
    body = extract_body(lines, start, PAGE_DEFAULT_OFFSET, source, stop=stop)
    draft.body = body.paragraphs
    draft.signoff = body.signoff
    draft.doubts.extend(removal_doubts(body))
    draft.doubts.extend(
        f"lead-unsure: a paragraph-long line above the story was left out: {ln.text[:80]!r}"
        for ln in lines[headline_index + 1 : start]
        if ln.index != summary_index
        and _words(ln.text) >= MIN_SKIPPED_PARAGRAPH_WORDS
        and not chrome.has_picture_credit(ln.text)
        and not chrome.is_caption(ln.text)
        and not _is_header_chrome(ln.text)
        and not chrome.is_inline_chrome(ln.text)
        and not is_meta(ln.text)
        and not chrome.is_tag_list(ln.text)
        and not any(_fold(p).startswith(_fold(ln.text).rstrip(".… ")) for p in draft.body)
    )
    if body.signoff is None:  # after the agency's sign-off the story is over, by the agency's own practice
        draft.doubts.extend(_story_may_continue(lines, body.end, draft.body))
    footer_end = next(
        (ln.index for ln in lines[body.end :] if chrome.LIST_HEADING.match(ln.text) and not chrome.is_prose(ln.text)),
        len(lines),
    )
    # Related and trending lists below the story carry other stories' times; never read those.
    outside = [ln for ln in lines if ln.index < start or body.end <= ln.index < footer_end]
    if draft.byline is None:
        # Some sites print the writer or desk, with the times, only below the story.
        draft.byline = _byline_below_story(lines[body.end : footer_end])
    # Times above the headline are the site's date bar, not the story's.
    timed = [ln for ln in outside if ln.index > headline_index]
    draft.agency_hints = [
        draft.dateline.agency if draft.dateline else placeless_tag(draft.body[0] if draft.body else first),
        body.signoff_agency,
        _agency_of_byline(draft.byline),
        *(source_agency(ln.text) for ln in header),
        *(agency_mentioned(ln.text) for ln in outside if chrome.is_disclaimer(ln.text)),
    ]
    draft.published_at, draft.updated_at = resolve(_stamps(timed, _page_offset(draft, lines), lines))
    return draft


# The main text: a run of sentence paragraphs of at least this many words, with at most MAX_RUN_GAP other lines
# (captions, ads, link lines) between two of them.
MAIN_TEXT_MIN_WORDS = 12
MAX_RUN_GAP = 4
# How far above the main text its headline may sit (lines): a byline, times, a picture and its caption, shares.
HEADLINE_REACH = 40
MAX_HEADLINE_WORDS = 30
# A line of this many words between the headline and the story's first paragraph may be a lost lead.
MIN_SKIPPED_PARAGRAPH_WORDS = 20
# A line of this many words found again at the start of a later paragraph is a repeat, not a coincidence.
MIN_REPEAT_WORDS = 8


def _read_by_main_text(lines: list[Line], source: str) -> Draft | None:
    """The second reading: the story is the longest run of sentence paragraphs on the page (its main text), and the
    headline the line above it that shares most content words with its lead."""
    span = _main_text_span(lines)
    if span is None:
        return None
    start, end = span
    standfirst = None
    opening = _fold(lines[start].text)
    if _words(opening) >= MIN_REPEAT_WORDS and any(_fold(ln.text).startswith(opening) for ln in lines[start + 1 : end]):
        standfirst, start = start, start + 1  # a standfirst printed again as (the start of) a paragraph of the story
    elif (after := _after_picture_block(lines, start, end)) is not None:
        standfirst, start = start, after  # the standfirst above the story's picture, the lead below it
    lead_stems = content_stems(" ".join(ln.text for ln in lines[start : start + 6] if _is_sentence(ln.text)))
    listed = chrome.listed_lines([ln.text for ln in lines])
    # The story's sentences: a line whose words run on inside one of them is a standfirst or teaser repeating it (a
    # headline printed again below the story, as a title of its own, is no such repeat).
    story = [_fold(ln.text) for ln in lines[start:] if chrome.is_prose(ln.text)]
    # The best candidate: not an item of a link list (unless every candidate is), the largest share of its words in
    # the lead, then the most shared words, then the nearest.
    best: tuple[bool, float, int, int] | None = None
    for line in lines[max(0, start - HEADLINE_REACH) : start]:
        text = line.text
        if not 3 <= _words(text) <= MAX_HEADLINE_WORDS or text.endswith((".", ",", ";", ":")):
            continue
        if _is_header_chrome(text) or is_meta(text) or is_dated_meta(text, PAGE_DEFAULT_OFFSET):
            continue
        if chrome.has_picture_credit(text):
            continue  # a caption
        folded = _fold(text)
        if any(folded in paragraph and folded != paragraph for paragraph in story):
            continue  # a standfirst or teaser that repeats a paragraph of the story
        heads = content_stems(text)
        shared = len(heads & lead_stems)
        if shared < MIN_SHARED_WITH_LEAD or shared * 4 < len(heads):
            continue
        score = (line.index not in listed, round(shared / len(heads), 1), shared, line.index)
        if best is None or score > best:
            best = score
    if best is None:
        return None
    headline_index = best[3]
    summary_index = standfirst
    summary_index = (
        summary_index
        if summary_index is not None
        else next(
            (
                ln.index
                for ln in lines[headline_index + 1 : start]
                if _words(ln.text) >= STANDFIRST_BELOW_META_MIN_WORDS
                and chrome.is_prose(ln.text)
                and not _is_header_chrome(ln.text)
                and not is_meta(ln.text)
                and not is_dated_meta(ln.text, PAGE_DEFAULT_OFFSET)
            ),
            None,
        )
    )
    return _assemble(lines, source, Draft(source_format="page-text"), headline_index, summary_index, start, end)


# A picture block between a standfirst and the lead: a caption, a credit, a label ("IMAGEN DE REFERENCIA").
MAX_PICTURE_BLOCK_LINES = 3


def _after_picture_block(lines: list[Line], start: int, end: int) -> int | None:
    """The line after a picture block (credit or caption lines, nothing else) right under the run's first line,
    when a sentence follows it; None when the first line runs straight on into the story."""
    index = start + 1
    credited = False
    while index < min(end, start + 1 + MAX_PICTURE_BLOCK_LINES) and not chrome.is_prose(lines[index].text):
        text = lines[index].text
        if not (
            chrome.has_picture_credit(text)
            or chrome.is_caption(text)
            or _is_credit_line(text)
            or is_meta(text)
            or is_dated_meta(text, PAGE_DEFAULT_OFFSET)
        ):
            return None
        credited = True
        index += 1
    if credited and index < end and _is_sentence(lines[index].text):
        return index
    return None


def _is_credit_line(text: str) -> bool:
    """A picture's credit or label on its own line: an agency's name, or a short all-capitals label."""
    return agency_for_name(text) is not None or (text.isupper() and _words(text) <= 4)


# Lines looked at after the story's end for a paragraph that may still be the story's.
CONTINUATION_REACH = 3


def _story_may_continue(lines: list[Line], end: int, body: list[str]) -> list[str]:
    """A doubt when a paragraph-long sentence right after the story's end is neither chrome nor a repeat of the
    story: the story may have been cut short (a rule ended it early)."""
    folded = [_fold(p) for p in body]
    for line in lines[end : end + CONTINUATION_REACH]:
        text = line.text
        if chrome.is_page_end(text) or chrome.LIST_HEADING.match(text):
            return []
        if (
            _is_sentence(text)
            and _words(text) >= MIN_SKIPPED_PARAGRAPH_WORDS
            and not chrome.is_inline_chrome(text)
            and not chrome.has_picture_credit(text)
            and not chrome.is_disclaimer(text)
            and not any(_fold(text) in p or p in _fold(text) for p in folded)
        ):
            return [f"story-may-continue: a paragraph-long sentence follows the story's end: {text[:80]!r}"]
    return []


def _fold(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _main_text_span(lines: list[Line]) -> tuple[int, int] | None:
    """(first line, line after the last sentence) of the run of sentence paragraphs with the most words.

    A run starts with a long sentence; shorter sentences carry it on; more than MAX_RUN_GAP other lines, or the page's
    end, end it."""
    best: tuple[int, int, int] | None = None  # (words, first line, end)
    run_start: int | None = None
    run_words = 0
    gap = 0
    after_footer = False  # the run's last gap holds a footer-shaped line
    for line in lines:
        text = line.text
        if chrome.is_page_end(text) and not _is_sentence(text):
            # A footer-shaped line ends the run unless the run picks up again right below it ("Also on example.com
            # <title>" between paragraphs); it then counts as one of the gap lines.
            if run_start is not None:
                gap += 1
                after_footer = True
                if gap > MAX_RUN_GAP:
                    run_start, gap, after_footer = None, 0, False
            continue
        if chrome.is_page_end(text):
            run_start, gap, after_footer = None, 0, False
            continue
        captioned = chrome.has_picture_credit(text) or bool(chrome.COOKIE_NOTICE.search(text))
        long_sentence = _is_sentence(text) and _words(text) >= MAIN_TEXT_MIN_WORDS and not captioned
        carries_on = (
            run_start is not None and not after_footer and chrome.is_prose(text) and not _is_header_chrome(text)
        )
        if run_start is not None and after_footer and not long_sentence and chrome.is_prose(text):
            run_start, gap, after_footer = None, 0, False  # below a footer only a paragraph-long sentence goes on
        if long_sentence or carries_on:
            after_footer = False
            if run_start is None:
                run_start, run_words = line.index, 0
            run_words += _words(text)
            gap = 0
            if best is None or run_words > best[0]:
                best = (run_words, run_start, line.index + 1)
            elif best[1] == run_start:
                best = (best[0], run_start, line.index + 1)
            continue
        if run_start is not None:
            gap += 1
            if gap > MAX_RUN_GAP:
                run_start, gap, after_footer = None, 0, False
    return (best[1], best[2]) if best else None


# Evidence that the site is Indian and prints Indian time: IST printed somewhere (its clock, another time line),
# an Indian address (".in"), an Indic script, or a site name (the page's first line) that names India.
INDIAN_SITE_EVIDENCE: dict[str, re.Pattern[str]] = {
    "ist-printed": re.compile(r"\d\s*(?:[ap]\.?\s?m\.?)?\s*IST\b", re.IGNORECASE),
    "indian-address": re.compile(r"(?:@|//|www\.)[\w.\-]+\.(?:co\.)?in\b(?!\.?\w)", re.IGNORECASE),
    "indic-script": re.compile(r"[\u0900-\u0dff]"),
}
SITE_NAMES_INDIA = re.compile(r"\b(?:india|indian|bharat)\b", re.IGNORECASE)


def _page_offset(draft: Draft, lines: list[Line]) -> timedelta | None:
    """The offset of times the page prints without a zone, only where it is certain: the copy's agency runs on
    sites of one zone (Indian agencies: IST; Yonhap: KST), or the page prints IST elsewhere. Otherwise None, and a
    time without a zone is left unread rather than guessed."""
    agency = next((hint for hint in draft.agency_hints if hint is not None), None)
    if agency is not None and agency.page_offset is not None:
        return agency.page_offset
    if any(rule.search(ln.text) for rule in INDIAN_SITE_EVIDENCE.values() for ln in lines):
        return IST
    if lines and SITE_NAMES_INDIA.search(lines[0].text) and len(lines[0].text.split()) <= 6:
        return IST
    return None


def _words(text: str) -> int:
    return len(text.split())


def _is_title(text: str) -> bool:
    return _words(text) >= 4 and not _is_header_chrome(text) and not is_meta(text)


def _is_sentence(text: str) -> bool:
    return chrome.is_prose(text) and _words(text) >= 8 and not _is_header_chrome(text)


def _listed(lines: list[Line]) -> set[int]:
    """Lines under a list heading in the same block ("Story highlights" and its items), never a headline."""
    listed: set[int] = set()
    heading_block: int | None = None
    for line in lines:
        if heading_block is not None and line.block == heading_block:
            listed.add(line.index)
            continue
        heading_block = None
        if chrome.LIST_HEADING.match(line.text) and not chrome.is_prose(line.text):
            heading_block = line.block
    return listed


def _find_headline(lines: list[Line], limit: int) -> tuple[int | None, int | None]:
    """The headline (and the standfirst under it) among the lines above the first byline or time line."""
    listed = _listed(lines[:limit])
    for min_words in (4, 2, 1):
        candidates = [
            ln.index
            for ln in lines[:limit]
            if _words(ln.text) >= min_words
            and ln.index not in listed
            and not _is_header_chrome(ln.text)
            and not is_meta(ln.text)
            and not is_dated_meta(ln.text, PAGE_DEFAULT_OFFSET)
        ]
        if candidates:
            break
    else:
        return None, None
    later = [i for i in candidates if lines[i].block != 0]
    if later and len(later) < len(candidates):
        candidates = later  # the site-name block (name, tagline, date bar) above the headline holds no headline
    if len(candidates) >= 2:
        title, last = lines[candidates[-2]].text, lines[candidates[-1]].text
        if (
            _words(last) > _words(title)
            or last.endswith(chrome.SENTENCE_END)
            or _is_standfirst_of(lines[candidates[-2]], lines[candidates[-1]])
        ):
            return candidates[-2], candidates[-1]
    return candidates[-1], None


def _is_standfirst_of(title: Line, last: Line) -> bool:
    """A standfirst shorter than the headline and without a full stop: the line right under the headline, when the
    headline line is not a breadcrumb ending with it."""
    return (
        last.index == title.index + 1
        and last.block != title.block
        and not title.text.endswith(last.text)
        and _words(last.text) >= 5
    )


def _strip_section_prefix(headline: str) -> tuple[str, str | None]:
    match = SECTION_PREFIX.match(headline)
    if match and _words(match.group("section")) <= 3 and _words(match.group("rest")) >= 3:
        section = match.group("section").strip()
        # "Sports News" names the section "Sports".
        section = re.sub(r"\s+News$", "", section, flags=re.IGNORECASE) or section
        return match.group("rest").strip(), section
    return headline, None


def _category(lines: list[Line], headline_index: int, headline: str) -> str | None:
    """The section: last meaningful breadcrumb step above the headline, else a lone label right above it."""
    for line in reversed(lines[:headline_index]):
        if chrome.is_menu(line.text):
            trail = _menu_trail(line.text)
            if trail:
                return trail[-1]
            continue
        crumbs = chrome.breadcrumb(line.text, headline)
        if crumbs is not None:
            meaningful = [c for c in crumbs if c.casefold() not in GENERIC_CRUMBS and c != headline]
            if meaningful:
                return meaningful[-1]
    if headline_index > 1:  # the first line of a page is the site's name, never a section
        above = lines[headline_index - 1]
        headline_block = lines[headline_index].block
        alone = [ln for ln in lines if ln.block == above.block]
        # The label may share the first block with the site's name only ("FPJ" / "Mumbai News").
        if alone and alone[0].index == 0 and len(alone) == 2:
            alone = alone[1:]
        if (
            above.block != headline_block
            and len(alone) == 1
            and 1 <= _words(above.text) <= 4
            and not _is_header_chrome(above.text)
            and not chrome.is_prose(above.text)
            and not is_meta(above.text)
        ):
            steps = [s for s in re.split(r"\s{2,}", above.text) if s.strip()]
            if len(steps) >= 2 and steps[0].casefold() in GENERIC_CRUMBS:
                # "Home  World": a trail whose steps are set apart by wide gaps only.
                meaningful = [s for s in steps if s.casefold() not in GENERIC_CRUMBS]
                return meaningful[-1] if meaningful else None
            return above.text
    return None


# A piped trail is a breadcrumb, not a menu, when it is short and opens with a generic step ("News | Kerala").
MAX_PIPED_TRAIL = 3


# A writer or desk printed without "By" on the line right above the time line: "NE Now News", "Rahul Sharma".
NAME_LINE = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){1,3}$")


def _name_above_time(header: list[Line]) -> str | None:
    for above, below in itertools.pairwise(header):
        if (
            below.index == above.index + 1
            and below.block == above.block
            and find_stamps(below.text, PAGE_DEFAULT_OFFSET)
            and not byline_of(below.text)
            and NAME_LINE.match(above.text)
            and not _is_header_chrome(above.text)
            and not is_meta(above.text)
        ):
            return above.text
    return None


def _byline_below_story(footer: list[Line]) -> str | None:
    """The writer or desk line right above a time line under the story ("Example Desk" / "First Published ...")."""
    for above, below in itertools.pairwise(footer):
        adjacent = below.index == above.index + 1 and below.block == above.block
        if adjacent and find_stamps(below.text, PAGE_DEFAULT_OFFSET) and (found := byline_of(above.text)) is not None:
            return found
    return _name_above_time(footer)


def _menu_trail(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", text) if p.strip()]
    if len(parts) > MAX_PIPED_TRAIL or parts[0].casefold() not in GENERIC_CRUMBS:
        return []
    return [p for p in parts if p.casefold() not in GENERIC_CRUMBS]


def _is_truncated_repeat(lines: list[Line], index: int) -> bool:
    """A standfirst that repeats the first paragraph, whole or cut off with '...'."""
    text = lines[index].text
    following = lines[index + 1 : index + 8]
    if any(ln.text == text for ln in following):
        return True  # the standfirst is paragraph 1 printed twice
    if not text.endswith(_ELLIPSIS):
        return False
    stem = text.rstrip(".… ").rstrip()
    return len(stem) > 20 and any(ln.text.startswith(stem) and ln.text != text for ln in lines[index + 1 :])


def _body_start(lines: list[Line], headline_index: int, summary_index: int | None) -> int | None:
    for line in lines[headline_index + 1 :]:
        if line.index == summary_index:
            continue
        if tagged_dateline(line.text) and not _is_truncated_repeat(lines, line.index):
            return line.index
    # No agency dateline: the first sentence-like line after the byline/time block.
    after = headline_index + 1
    meta = next((ln.index for ln in lines[after:] if is_meta(ln.text)), None)
    if meta is not None:
        after = meta + 1
    for line in lines[after:]:
        text = line.text
        if line.index == summary_index or is_meta(text) or _is_header_chrome(text) or not chrome.is_prose(text):
            continue
        if chrome.is_page_end(text) or _is_truncated_repeat(lines, line.index):
            continue
        if _words(text) < 8:
            continue
        return line.index
    return None


# A standfirst printed below the byline/time block reads like a sentence; shorter lines there are desk credits
# ("Daijiworld Media Network - Mangaluru") or captions.
STANDFIRST_BELOW_META_MIN_WORDS = 8


def _summary_after_meta(lines: list[Line], headline_index: int, start: int) -> int | None:
    listed = _listed(lines[:start])
    for line in lines[headline_index + 1 : start]:
        text = line.text
        if line.index in listed or is_meta(text) or _is_header_chrome(text) or chrome.is_page_end(text):
            continue
        if is_dated_meta(text, PAGE_DEFAULT_OFFSET):
            continue  # a date line ("Last updated on Feb 3, 2025"), with or without a place and a time
        if sum(1 for w in text.split() if any(c.isalnum() for c in w)) >= STANDFIRST_BELOW_META_MIN_WORDS:
            return line.index
    return None


def _stamps(outside: list[Line], default_offset: timedelta | None, lines: list[Line]) -> list[Stamp]:
    stamps: list[Stamp] = []
    for line in outside:
        if chrome.is_prose(line.text) and _words(line.text) > 15:
            continue  # a sentence that mentions a date is not the page's time line
        label = None
        if line.index > 0:
            label = label_only(lines[line.index - 1].text)
        stamps.extend(find_stamps(line.text, default_offset, label))
    return stamps


def _agency_of_byline(byline: str | None) -> AgencyProfile | None:
    if byline is None:
        return None
    return agency_for_name(byline) or agency_named_at_end(byline)
