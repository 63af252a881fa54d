"""Named checks of a parsed story's own plausibility: any failure holds the copy for review.

plausibility_doubts(copy) → the parser's own doubts plus the names of the failed general checks (empty: nothing
against publishing it). Each doubt reads "<check>: <what was seen>", so a reviewer sees why the copy was held.

The checks are general shapes of stories, not of any one site:
- headline-chrome-shape   the headline looks like page chrome (menu, skip link, prompt, caption, time line, counter)
- headline-unrelated      the headline shares fewer than two content words with the lead
- headline-in-body        the headline is printed again as a sentence of the body
- body-short              the body is too short to be a story
- paragraph-chrome        a body paragraph looks like chrome (caption, credit, counter, link line, time line)
- paragraph-repeated      the same paragraph twice in the body
- paragraph-unfinished    a short body paragraph without a sentence end (a crosshead, or a related title)
- dateline-agency         the dateline's agency tag names another agency than the copy's
- signoff-agency          the sign-off names another agency than the copy's
- timestamps-order        the update time is before the publication time
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from app.parsers.base import ParsedCopy
from app.parsers.text import chrome
from app.parsers.text.agencies import agency_for_tag
from app.parsers.text.similarity import WORD, content_stems
from app.parsers.text.timestamps import DATE_RULES, find_stamps, is_dated_meta

# Fewer words than this in the whole body is a teaser, a caption or a fragment, not a story.
MIN_BODY_WORDS = 30
# A headline of fewer words is a label or a section name; more is a paragraph.
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 40
# The lead, for comparing with the headline: the first paragraphs, which a headline sums up.
LEAD_PARAGRAPHS = 3
MIN_SHARED_WITH_LEAD = 2
# A paragraph of this many words printed again as (the start of) another is a repeat, not a coincidence.
MIN_REPEAT_WORDS = 8
# A paragraph without a sentence end up to this many words is a crosshead or a link title.
MAX_UNFINISHED_WORDS = 12
# A date or time line is at most this long ("Updated 5:27 am CST, Wednesday, November 20, 2019 | Example Desk").
MAX_TIME_LINE_WORDS = 16

# Interface words a page prints as links or buttons, in the languages the service sees.
_UI_WORDS = re.compile(
    r"^(?:skip to\b|jump to\b|go to\b|back to\b|menu\b|search\b|home\b|log ?in\b|sign ?(?:in|up)\b|"
    r"subscribe\b|newsletter\b|cookie|privacy\b|terms\b|contact us\b|about us\b|advertise\b|"
    r"what['’]s on\b|watch\b|listen\b|live\b|more\b|view all\b|see all\b|show all\b|load more\b|"
    r"(?:zum|zur) (?:inhalt|hauptinhalt|navigation)\b|ir al contenido\b|aller au contenu\b|"
    r"anmelden\b|suche\b|buscar\b|rechercher\b|s['’]abonner\b|suscr[ií]b)",
    re.IGNORECASE,
)
# A counter a page prints beside a link: "View all (23)", "Slideshow ( 15 images )", "Comments (745)".
COUNTER = re.compile(r"\(\s*\d+(?:[.,]\d+)?\s*(?:[^\W\d_]+\s*)?\)\s*$|^\d+(?:[.,]\d+)*\s*[^\W\d_]{0,12}$")
# A clock time in any of the common forms: "9:10 p.m.", "07:46hrs", "15:07".
CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\b\.?|hrs?\b|uhr\b|h\b)?", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|\bwww\.\S+|\S+@\S+\.\w{2,}")
_ZERO = timedelta(0)  # offsets do not matter when only asking whether a line is a time line


# Copy whose story had to be told apart from what surrounds it: pages, wire text, e-mail. In the structured
# formats (NITF, NewsML, ninjs, IPTC 7901, ANPA…) the agency's own fields say which text is the headline and
# which the body, so their parsers' doubts (format-level, e.g. a derived headline) are what counts.
SCRAPED_FORMATS = frozenset({"page-text", "page-html", "wire-text", "rfc822"})


def plausibility_doubts(copy: ParsedCopy) -> list[str]:
    """The parser's own doubts plus, for scraped copy, the general checks every such draft must pass."""
    doubts = list(copy.doubts)
    if copy.source_format not in SCRAPED_FORMATS:
        return doubts
    for check in CHECKS:
        if check in MARKUP_KNOWS and copy.source_format == "page-html":
            continue  # the page's own markup said it (an <h2> crosshead is a heading, not a stray title)
        found = check(copy)
        if found is not None and found not in doubts:
            doubts.append(found)
    return doubts


def headline_chrome_shape(copy: ParsedCopy) -> str | None:
    headline = copy.headline.strip()
    words = headline.split()
    reason = None
    if len(words) < MIN_HEADLINE_WORDS:
        reason = "too few words"
    elif len(words) > MAX_HEADLINE_WORDS:
        reason = "a paragraph, not a headline"
    elif _UI_WORDS.match(headline) or chrome.is_prompt(headline):
        reason = "an interface link"
    elif chrome.is_menu(headline) or chrome.breadcrumb(headline) is not None:
        reason = "a menu or breadcrumb"
    elif chrome.is_caption(headline) or chrome.has_picture_credit(headline):
        reason = "a caption or picture credit"
    elif COUNTER.search(headline):
        reason = "a counter"
    elif _is_time_line(headline):
        reason = "a date or time line"
    elif chrome.ALSO_READ.match(headline) or chrome.LIST_HEADING.match(headline) or chrome.is_disclaimer(headline):
        reason = "a link heading or disclaimer"
    elif _repeats_words(words):
        reason = "the same word repeated"
    elif _URL.search(headline):
        reason = "an address"
    return f"headline-chrome-shape: {reason}: {headline[:80]!r}" if reason else None


def headline_unrelated(copy: ParsedCopy) -> str | None:
    """A story's headline shares at least two content words with its lead (names, key words); one shared word is
    chance ("Korea" in a list title above a story on Korea)."""
    heads = content_stems(copy.headline)
    if not heads:
        return None  # nothing to compare (a headline of numbers or short words); other checks judge its shape
    shared = heads & content_stems(" ".join(copy.body[:LEAD_PARAGRAPHS]))
    if len(shared) >= min(MIN_SHARED_WITH_LEAD, len(heads)):
        return None
    return f"headline-unrelated: {len(shared)} word(s) of the headline in the lead: {copy.headline[:80]!r}"


def headline_in_body(copy: ParsedCopy) -> str | None:
    head = _fold(copy.headline)
    if len(head.split()) < MIN_HEADLINE_WORDS:
        return None
    for paragraph in copy.body:
        folded = _fold(paragraph)
        if any(_fold(sentence) == head for sentence in _sentences(paragraph)) or folded.startswith(head):
            return f"headline-in-body: the headline is a sentence of the body: {copy.headline[:80]!r}"
    return None


def body_short(copy: ParsedCopy) -> str | None:
    count = sum(len(p.split()) for p in copy.body)
    return f"body-short: {count} words" if count < MIN_BODY_WORDS else None


def paragraph_chrome(copy: ParsedCopy) -> str | None:
    for paragraph in copy.body:
        reason = _chrome_reason(paragraph)
        if reason is not None:
            return f"paragraph-chrome: {reason}: {paragraph[:80]!r}"
    return None


def paragraph_repeated(copy: ParsedCopy) -> str | None:
    """The same paragraph twice: a standfirst or teaser taken in with the story it repeats."""
    folded = [_fold(paragraph) for paragraph in copy.body]
    for index, text in enumerate(folded):
        if len(text.split()) < MIN_REPEAT_WORDS:
            continue
        if any(other.startswith(text) for k, other in enumerate(folded) if k != index):
            return f"paragraph-repeated: {copy.body[index][:80]!r}"
    return None


def paragraph_unfinished(copy: ParsedCopy) -> str | None:
    """A short paragraph with no sentence end: a crosshead of the story or a related title the page put between
    paragraphs. Only list items under a paragraph that opens a list, and AFP's dash-framed crossheads, are known."""
    previous = ""
    for paragraph in copy.body:
        text = paragraph.strip()
        listed = (chrome.LIST_ITEM.match(text) and previous.rstrip().endswith(":")) or (
            chrome.LIST_ITEM.match(text) and chrome.LIST_ITEM.match(previous.strip())
        )
        if (
            not text.endswith(chrome.SENTENCE_END)
            and len(text.split()) <= MAX_UNFINISHED_WORDS
            and not listed
            and not chrome.is_agency_crosshead(text)
        ):
            return f"paragraph-unfinished: {text[:80]!r}"
        previous = text
    return None


def dateline_agency(copy: ParsedCopy) -> str | None:
    if copy.dateline is None:
        return None
    for tag in re.findall(r"\(([^()]{2,20})\)", copy.dateline.text):
        named = agency_for_tag(tag)
        if named is not None and named.name != copy.agency:
            return f"dateline-agency: the dateline names {named.name}, the copy is credited to {copy.agency}"
    return None


def signoff_agency(copy: ParsedCopy) -> str | None:
    if copy.signoff is None:
        return None
    tag = copy.signoff.strip().strip("()—–- ")
    named = agency_for_tag(tag)
    if named is not None and named.name != copy.agency:
        return f"signoff-agency: the sign-off names {named.name}, the copy is credited to {copy.agency}"
    return None


def timestamps_order(copy: ParsedCopy) -> str | None:
    if copy.published_at and copy.updated_at and copy.updated_at < copy.published_at:
        return "timestamps-order: updated before published"
    return None


CHECKS: tuple[Callable[[ParsedCopy], str | None], ...] = (
    headline_chrome_shape,
    headline_unrelated,
    headline_in_body,
    body_short,
    paragraph_chrome,
    paragraph_repeated,
    paragraph_unfinished,
    dateline_agency,
    signoff_agency,
    timestamps_order,
)
# Checks that guess, from the words alone, what a page's HTML states outright: not run on HTML pages. The HTML
# reader takes the headline only from an <h1> that the page's og:title, twitter:title, <title> or JSON-LD
# confirms (else it records its own doubt), and a crosshead is an <h2>/<h3> of the story.
MARKUP_KNOWS: frozenset[Callable[[ParsedCopy], str | None]] = frozenset(
    {paragraph_unfinished, headline_unrelated, headline_chrome_shape}
)


def _chrome_reason(paragraph: str) -> str | None:
    text = paragraph.strip()
    words = text.split()
    if chrome.is_caption(text) or (chrome.has_picture_credit(text) and len(words) <= 60):
        return "a caption or picture credit"
    if COUNTER.search(text) and len(words) <= 12:
        return "a counter"
    if _is_time_line(text):
        return "a date or time line"
    if chrome.is_menu(text) or chrome.is_prompt(text) or (_UI_WORDS.match(text) and len(words) <= 6):
        return "a menu or interface link"
    if chrome.ALSO_READ.match(text) or chrome.is_disclaimer(text) or chrome.is_page_end(text):
        return "a link line, disclaimer or footer"
    if _URL.fullmatch(text):
        return "an address"
    if _repeats_words(words):
        return "the same word repeated"
    return None


def _is_time_line(text: str) -> bool:
    """A line that is mostly a date or a clock time ("martes 26 de abril de 2022 - 9:10 p.m.", "19. Oktober 2019")."""
    if len(text.split()) > MAX_TIME_LINE_WORDS or not any(c.isdigit() for c in text):
        return False  # a time line is short and has digits; skip the date rules for everything else
    if is_dated_meta(text, _ZERO) or (find_stamps(text, _ZERO) and len(text.split()) <= 10):
        return True
    rest = CLOCK.sub(" ", text)
    for rule in DATE_RULES.values():
        rest = rule.sub(" ", rest)
    rest = re.sub(r"\d+", " ", rest)
    letters = [w for w in WORD.findall(rest) if len(w) > 2 and not w.isdigit() and w.casefold() not in _DATE_WORDS]
    changed = rest != text
    return changed and len(letters) <= 1 and bool(re.search(r"\d", text))


_DATE_WORDS = frozenset(
    """
    updated published posted modified mis jour publié actualizado publicado aktualisiert veröffentlicht
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    januar februar märz mai juni juli oktober dezember
    janvier février mars avril juin juillet août septembre octobre novembre décembre
    monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles jueves viernes sábado domingo
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
    """.split()  # noqa: SIM905 (a word list reads best as words)
)


def _repeats_words(words: list[str]) -> bool:
    """The same word three times in a short line ("icon icon icon"): a glued run of interface labels."""
    counts = Counter(w.casefold() for w in words if len(w) > 3)
    return len(words) <= MAX_UNFINISHED_WORDS and any(n >= 3 for n in counts.values())


def _fold(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?।])\s+", paragraph) if s.strip()] + [paragraph]
