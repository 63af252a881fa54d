"""The page's own text as a reader sees it: runs of text between block boundaries, and proof that a paragraph is one.

A run is the text between two block boundaries (a block element starting or ending, or a <br>), whitespace
collapsed as a browser collapses it. A paragraph is proven page text when it equals a run or the joined runs of one
block element, compared with whitespace collapsed and invisible characters (soft hyphen, zero-width space)
ignored; the page's own characters are what is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

# Elements that start a new line of text in a browser; everything else (a, span, em, b…) continues the line.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
        "head",
        "legend",
        "menu",
        "center",
    ]
)
_SPACE = re.compile(r"\s+")
# Characters that print nothing: an extractor may drop them, the page's own copy keeps them.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed: how a browser shows the text."""
    return _SPACE.sub(" ", text).strip()


def match_key(text: str) -> str:
    """What two renderings of the same page text share: collapsed, invisible characters removed."""
    return collapse(_INVISIBLE.sub("", text))


@dataclass(frozen=True)
class Run:
    text: str  # collapsed, as printed
    element: HtmlElement  # the nearest block element holding it
    order: int  # position in document order


@dataclass
class PageText:
    """Every run of the page, and lookups from a paragraph's match key to where the page prints it."""

    runs: list[Run]
    by_key: dict[str, list[Run]] = field(default_factory=dict)
    block_text: dict[str, list[HtmlElement]] = field(default_factory=dict)
    order_of: dict[HtmlElement, int] = field(default_factory=dict)

    def locate(self, paragraph: str, after: int = -1) -> tuple[str, HtmlElement, int] | None:
        """The page's own text for `paragraph`, the element printing it and its position; None if not page text.

        Text printed more than once (a standfirst repeating the lead) is taken at its first place after `after`."""
        key = match_key(paragraph)
        if not key:
            return None
        runs = self.by_key.get(key)
        if runs:
            run = next((r for r in runs if r.order > after), runs[0])
            return run.text, run.element, run.order
        blocks = self.block_text.get(key)
        if blocks:
            element = next((b for b in blocks if self.order_of.get(b, 0) > after), blocks[0])
            text = " ".join(r.text for r in self.runs_in(element))
            return text, element, self.order_of.get(element, 0)
        return None

    def runs_in(self, element: HtmlElement) -> list[Run]:
        return [r for r in self.runs if r.element is element or _is_inside(r.element, element)]


def _is_inside(node: HtmlElement, ancestor: HtmlElement) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def read_text(root: HtmlElement) -> PageText:
    """Walk the tree once (iteratively: depth is bounded but recursion is not needed) and collect its runs."""
    runs: list[Run] = []
    order_of: dict[HtmlElement, int] = {}
    buffer: list[str] = []
    stack: list[HtmlElement] = []
    position = 0

    def flush() -> None:
        text = collapse("".join(buffer))
        buffer.clear()
        if text and stack:
            runs.append(Run(text=text, element=stack[-1], order=position))

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            position += 1
            order_of[element] = position
            if tag in BLOCK_TAGS or tag == "br":
                flush()
            if tag in BLOCK_TAGS:
                stack.append(element)
            if element.text and tag:
                buffer.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
                stack.pop()
            if element.tail:
                buffer.append(element.tail)
    flush()
    page = PageText(runs=runs, order_of=order_of)
    for run in runs:
        page.by_key.setdefault(match_key(run.text), []).append(run)
    # Each block's whole text: its runs and those of the blocks inside it, joined by single spaces.
    joined: dict[HtmlElement, list[str]] = {}
    for run in runs:
        node: HtmlElement | None = run.element
        while node is not None:
            joined.setdefault(node, []).append(run.text)
            node = node.getparent()
    for element, parts in joined.items():
        if 1 < len(parts) <= 200:
            page.block_text.setdefault(match_key(" ".join(parts)), []).append(element)
    return page
