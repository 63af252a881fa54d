"""Assemble the story from the extractor's candidates: prove each one, place it (header, body, after the story),
and account for every piece of text left out. Anything that cannot be explained becomes a named doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from app.parsers.html import chrome
from app.parsers.html.credits import agencies_in_credit, agency_of_name
from app.parsers.html.extract import without_item_prefix
from app.parsers.html.textview import PageText, match_key

# The story container holds at least this share of the extracted text.
CONTAINER_SHARE = 0.6
# A standfirst or lead reads like a sentence of this many words or more.
PROSE_WORDS = 8
# Summary boxes under the headline, by their class words.
SUMMARY_WORDS = frozenset(
    [
        "summary",
        "excerpt",
        "standfirst",
        "lead",
        "lede",
        "deck",
        "dek",
        "subtitle",
        "subheading",
        "subhead",
        "intro",
        "bajada",
        "chapo",
        "chapeau",
        "sapo",
        "entradilla",
        "abstract",
        "teaser-text",
        "description",
    ]
)


# Elements of the lead picture.
PICTURE_TAGS = frozenset({"img", "picture", "figure", "video", "figcaption"})


@dataclass
class Item:
    text: str  # the page's own text, whitespace collapsed
    element: HtmlElement
    order: int


@dataclass
class Story:
    body: list[str] = field(default_factory=list)
    summary: str | None = None
    credits: list[str] = field(default_factory=list)  # credit lines around the story (agency evidence)
    signoff: list[str] = field(default_factory=list)
    header: list[Item] = field(default_factory=list)  # lines between headline and body
    doubts: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, text)
    container: HtmlElement | None = None
    summary_order: int | None = None
    body_orders: list[int] = field(default_factory=list)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def prove(candidates: list[str], page: PageText) -> tuple[list[Item], list[str]]:
    """The candidates that are page text, as the page prints them, and a doubt for each one that is not."""
    items: list[Item] = []
    doubts: list[str] = []
    seen: set[int] = set()
    last = -1
    for candidate in candidates:
        located = page.locate(candidate, last)
        if located is None and (bare := without_item_prefix(candidate)) is not None:
            located = page.locate(bare, last)
        if located is None:
            doubts.append(f"not-verbatim: extracted text not found as page text ({_short(candidate)!r})")
            continue
        text, element, order = located
        if order in seen and any(i.text == text for i in items):
            continue  # the extractor printed the same element twice
        seen.add(order)
        last = max(last, order)
        items.append(Item(text=text, element=element, order=order))
    return items, doubts


# Generic credits that close a story: "With Post wires", "SOURCE: News agencies", "Agencies".
_GENERIC_WIRES = re.compile(r"\b(?:wires?|agencies|agencias|agences|agenturen)\b", re.IGNORECASE)


def _closes_story(credit: str, text: str) -> bool:
    """An end marker, a contribution note, or a credit naming an agency (or wires in general) ends the story;
    other parenthesised or sourced lines ("(Story continues below)", "Source: Ministry of Health") do not."""
    if credit in ("end-marker", "contributed", "agency-signoff"):
        return True
    return bool(agencies_in_credit(text)) or bool(_GENERIC_WIRES.search(text))


def _container(items: list[Item]) -> HtmlElement | None:
    """The deepest element holding most of the extracted text: the story's box."""
    total = sum(len(i.text) for i in items)
    if not total:
        return None
    weight: dict[HtmlElement, int] = {}
    depth: dict[HtmlElement, int] = {}
    for item in items:
        chain: list[HtmlElement] = []
        node: HtmlElement | None = item.element
        while node is not None:
            chain.append(node)
            node = node.getparent()
        for level, ancestor in enumerate(reversed(chain)):
            weight[ancestor] = weight.get(ancestor, 0) + len(item.text)
            depth[ancestor] = level
    holding = [e for e, w in weight.items() if w >= CONTAINER_SHARE * total]
    return max(holding, key=lambda e: depth[e]) if holding else None


def _inside(element: HtmlElement, container: HtmlElement | None) -> bool:
    node: HtmlElement | None = element
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _is_summary_box(element: HtmlElement, container: HtmlElement | None) -> bool:
    node: HtmlElement | None = element
    for _ in range(4):
        if node is None or node is container:
            break
        if node.tag == "header" or chrome.class_words(node) & SUMMARY_WORDS:
            return True
        node = node.getparent()
    return False


def _near_other_link(element: HtmlElement) -> bool:
    """A teaser: the text shares a small box with a link title to another page."""
    node: HtmlElement | None = element.getparent()
    for _ in range(2):
        if node is None:
            return False
        for link in node.iter("a"):
            if len(link.text_content().split()) >= 3 and not _inside(link, element):
                return True
        node = node.getparent()
    return False


def assemble(
    items: list[Item],
    page: PageText,
    headline: str | None,
    descriptions: list[str],
    headline_element: HtmlElement | None,
) -> Story:
    story = Story()
    headline_key = match_key(headline) if headline else None
    kept = []
    for item in items:
        if headline_key and match_key(item.text) == headline_key:
            story.removed.append(("headline", item.text))
        else:
            kept.append(item)
    container = _container(kept)
    story.container = container
    description_keys = [match_key(d).rstrip(".… ") for d in descriptions]
    body_items: list[Item] = []
    ended = False
    for item in kept:
        text, element = item.text, item.element
        inside = _inside(element, container)
        credit = chrome.credit_shape(text)
        if credit is None and len(text.split()) <= 4 and agency_of_name(text) is not None:
            credit = "agency-signoff"  # a bare "AFP" line closing the story
        if credit is not None:
            story.credits.append(text)
            if body_items:
                story.signoff.append(text)
                ended = ended or _closes_story(credit, text)
            story.removed.append((f"credit:{credit}", text))
            continue
        if ended:
            story.removed.append(("after-signoff", text))
            if inside and chrome.is_prose(text) and not _near_other_link(element):
                story.doubts.append(f"unexplained-removal: prose after the story's sign-off ({_short(text)!r})")
            continue
        box = chrome.chrome_box(element, container)
        shape = chrome.text_chrome(text)
        if shape is not None or (box is not None and not (not body_items and _is_summary_box(element, container))):
            reason = shape or f"chrome {box}"
            if body_items or shape is not None:
                story.removed.append((reason, text))
            else:
                story.header.append(item)
                story.removed.append((reason, text))
            if shape in ("byline",) or (box and "byline" in box) or (box and "author" in box):
                story.credits.append(text)
            continue
        if chrome.is_link_only(text, element):
            story.removed.append(("link", text))
            continue
        if not body_items and chrome.is_time_line(text):
            story.header.append(item)
            story.removed.append(("time-line", text))
            continue
        if not body_items:
            # Header zone: a standfirst, or the lead.
            key = match_key(text).rstrip(".… ")
            summary_like = _is_summary_box(element, container) or any(
                key and (d.startswith(key) or key.startswith(d)) and len(d) > 30 for d in description_keys
            )
            if (
                story.summary is None
                and summary_like
                and len(text.split()) >= 5
                and (not inside or chrome.is_heading(element) or _is_summary_box(element, container))
            ):
                story.summary, story.summary_order = text, item.order
                story.removed.append(("summary", text))
                continue
            if not inside:
                story.header.append(item)
                story.removed.append(("before-story", text))
                if chrome.is_prose(text):
                    story.doubts.append(f"unexplained-removal: prose before the story box ({_short(text)!r})")
                continue
            if chrome.is_heading(element) and len(text.split()) >= PROSE_WORDS and story.summary is None:
                story.summary, story.summary_order = text, item.order
                story.removed.append(("summary", text))
                continue
            if len(text.split()) < 4 and not chrome.is_prose(text):
                story.header.append(item)
                story.removed.append(("header-line", text))
                continue
        elif not inside:
            if _near_other_link(element) or not chrome.is_prose(text):
                story.removed.append(("outside-story", text))
                continue
            story.doubts.append(f"unexplained-removal: prose outside the story box ({_short(text)!r})")
            story.removed.append(("outside-story", text))
            continue
        body_items.append(item)
        story.signoff.clear()  # credits followed by more story were not its sign-off
    # Signoff lines only count at the tail; credits met earlier were removed as chrome.
    body_items = _with_crossheads(body_items, page, container, headline_element)
    story.body = [i.text for i in body_items]
    story.body_orders = [i.order for i in body_items]
    if not story.signoff and body_items:
        _bare_signoff_after(story, page, body_items[-1].order)
    _check_unaccounted(story, body_items, page, container)
    return story


def _bare_signoff_after(story: Story, page: PageText, last: int) -> None:
    """A bare agency name printed right after the last paragraph ("AFP") is the sign-off extractors leave out."""
    following = next((r for r in page.runs if r.order > last), None)
    if (
        following is not None
        and len(following.text.split()) <= 4
        and not chrome.in_picture(following.element)
        and agency_of_name(following.text) is not None
    ):
        story.signoff.append(following.text)
        story.credits.append(following.text)


def _with_crossheads(
    body: list[Item], page: PageText, container: HtmlElement | None, headline_element: HtmlElement | None
) -> list[Item]:
    """Headings of the story box between its first and last paragraph, which extractors often drop."""
    if len(body) < 2 or container is None:
        return body
    first, last = body[0].order, body[-1].order
    have = {match_key(i.text) for i in body}
    extra: list[Item] = []
    for heading in container.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        order = page.order_of.get(heading, 0)
        if heading is headline_element or not first < order < last:
            continue
        located = page.locate(heading.text_content())
        if located is None or match_key(located[0]) in have:
            continue
        text = located[0]
        if chrome.text_chrome(text) or chrome.chrome_box(heading, container) or len(text.split()) > 20:
            continue
        if chrome.is_link_only(text, heading):
            continue
        extra.append(Item(text=text, element=heading, order=order))
    return sorted(body + extra, key=lambda i: i.order)


def _check_unaccounted(story: Story, body: list[Item], page: PageText, container: HtmlElement | None) -> None:
    """Prose printed inside the story box between its first and last paragraph must be body or known chrome."""
    if not body or container is None:
        return
    first, last = body[0].order, body[-1].order
    body_keys = {match_key(t) for t in story.body}
    removed_keys = {match_key(t) for _, t in story.removed}
    for run in page.runs:
        if not first <= run.order <= last or not chrome.is_prose(run.text):
            continue
        key = match_key(run.text)
        if key in body_keys or key in removed_keys or any(key in b for b in body_keys):
            continue
        if not _inside(run.element, container):
            continue
        if chrome.chrome_box(run.element, container) or chrome.text_chrome(run.text) or chrome.credit_shape(run.text):
            continue
        if chrome.is_link_only(run.text, run.element) or _near_other_link(run.element):
            continue
        story.doubts.append(f"unexplained-removal: page prose left out of the body ({_short(run.text)!r})")


def _common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement | None:
    above: set[HtmlElement] = set()
    node: HtmlElement | None = a
    while node is not None:
        above.add(node)
        node = node.getparent()
    node = b
    while node is not None and node not in above:
        node = node.getparent()
    return node


def check_standfirst(
    story: Story, page: PageText, headline_element: HtmlElement | None, descriptions: list[str]
) -> None:
    """Find the standfirst between headline and story, and make sure it is one.

    A standfirst is set between the headline and the lead picture. A boxed paragraph printed below the picture,
    right above the story, may be the story's lead set in a box: it is a summary only when the story repeats it;
    otherwise the copy is held ("summary-or-lead"). Any other sentence printed between
    headline and story that is neither link nor chrome is an unexplained removal.
    """
    if headline_element is None or not story.body_orders:
        return
    start, first = page.order_of.get(headline_element, 0), story.body_orders[0]
    if not start < first:
        return
    description_keys = [match_key(d).rstrip(".… ") for d in descriptions]
    between = [r for r in page.runs if start < r.order < first and not _inside(r.element, headline_element)]
    first_element = next((r.element for r in page.runs if r.order == first), None)
    shared = _common_ancestor(headline_element, first_element) if first_element is not None else None
    body_text = match_key(" ".join(story.body))
    for run in between:
        if len(run.text.split()) < PROSE_WORDS or chrome.is_link_only(run.text, run.element):
            continue
        if chrome.chrome_box(run.element, shared) or chrome.text_chrome(run.text) or chrome.credit_shape(run.text):
            continue
        if chrome.is_time_line(run.text):
            continue
        key = match_key(run.text)
        if story.summary is not None and key == match_key(story.summary):
            order = story.summary_order or run.order
        elif story.summary is None and (
            _is_summary_box(run.element, None)
            or chrome.is_heading(run.element)
            or any(
                d and len(d) > 30 and (d.startswith(key.rstrip(".… ")) or key.startswith(d)) for d in description_keys
            )
        ):
            story.summary, story.summary_order, order = run.text, run.order, run.order
        else:
            if chrome.is_prose(run.text):
                story.doubts.append(
                    f"unexplained-removal: a sentence between headline and story ({_short(run.text)!r})"
                )
            continue
        below_picture = any(
            start < position < order and element.tag in PICTURE_TAGS for element, position in page.order_of.items()
        )
        words = key.split()
        repeated = len(words) >= PROSE_WORDS and " ".join(words[:PROSE_WORDS]).rstrip(".… ") in body_text
        if below_picture and not repeated and not chrome.is_heading(run.element):
            story.doubts.append(
                f"summary-or-lead: a boxed paragraph between the lead picture and the story ({_short(run.text)!r})"
            )
