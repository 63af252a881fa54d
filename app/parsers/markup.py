"""Story paragraphs out of body markup (NITF body.content, XHTML, ninjs body_html): text only, never code.

Markup is read, not trusted: a body holding active code (script, iframe, object, embed, style, event
handlers, javascript: links) is refused whole with reason "active-content" rather than cleaned.
Paragraphs are the text of p-like elements with inline tags dropped and entities unescaped; captions,
media, headings and tables are not story text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, SubElement

from app.errors import ParseError
from app.parsers.xmlutil import local

# Elements that are code, not copy: their presence anywhere in a body refuses it.
ACTIVE_ELEMENTS = frozenset(
    {
        "script",
        "iframe",
        "object",
        "embed",
        "style",
        "applet",
        "frame",
        "frameset",
        "form",
        "svg",
        "link",
        "meta",
        "base",
        "noscript",
        "template",
    }
)
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "background", "poster", "srcdoc"})
_ACTIVE_URL = re.compile(r"^\s*(?:javascript|vbscript|livescript)\s*:|^\s*data\s*:\s*text/html", re.IGNORECASE)
# Elements whose text is one story paragraph.
PARAGRAPHS = frozenset({"p", "pre", "li", "dd", "blockquote"})
# Elements whose text is never story text: media and captions, headings and crossheads, tables, notes.
NOT_STORY = frozenset(
    {
        "head",
        "title",
        "media",
        "media-caption",
        "media-producer",
        "media-reference",
        "figure",
        "figcaption",
        "img",
        "picture",
        "video",
        "audio",
        "table",
        "caption",
        "hl1",
        "hl2",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "note",
        "ed-msg",
        "nav",
        "aside",
        "footer",
        "header",
        "button",
        "input",
        "select",
        "textarea",
    }
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
)


def refuse_active_markup(root: Element, label: str) -> None:
    """Raise ParseError(reason='active-content') if any element under `root` is or carries active code."""
    for element in root.iter():
        name = local(element.tag).lower()
        what: str | None = None
        if name in ACTIVE_ELEMENTS:
            what = f"{name} element"
        else:
            for key, value in element.attrib.items():
                attribute = local(key).lower()
                if attribute.startswith("on"):
                    what = f"'{attribute}' event handler on a {name} element"
                elif attribute in _URL_ATTRIBUTES and _ACTIVE_URL.match(value):
                    what = f"{value.split(':', 1)[0].strip().lower()}: URL in a {name} element"
                if what:
                    break
        if what is not None:
            raise ParseError(
                f"Active content: {what} in the {label} body; page code is never published as story text, so the "
                "copy was refused rather than cleaned.",
                reason="active-content",
            )


def paragraphs_of(root: Element) -> list[str]:
    """Story paragraphs under `root`, in order; loose text split at blank lines when there are no p elements."""
    found: list[str] = []
    try:
        _collect(root, found)
        loose = "" if found else _inline_text(root)
    except RecursionError as exc:
        raise ParseError(
            "Markup nested too deeply: the body's elements nest deeper than any story's do; refused unread.",
            reason="unparseable",
        ) from exc
    if not found:
        found = [p.strip() for p in _BLANK_LINES.split(loose.replace("\r\n", "\n"))]
    return [p for p in found if p]


def _collect(element: Element, out: list[str]) -> None:
    for item in element:
        name = local(item.tag).lower()
        if not name or name in NOT_STORY:
            continue
        if name == "pre":
            # Preformatted copy (Reuters wire text) keeps its paragraph breaks as blank lines.
            out.extend(p.strip() for p in _BLANK_LINES.split(_inline_text(item).replace("\r\n", "\n")))
        elif name in PARAGRAPHS and not (name in ("blockquote", "li") and _has_paragraph(item)):
            out.append(_inline_text(item).strip())
        else:
            _collect(item, out)


def _has_paragraph(element: Element) -> bool:
    return any(local(e.tag).lower() in PARAGRAPHS for e in element.iter() if e is not element)


def _inline_text(element: Element) -> str:
    parts = [element.text or ""]
    for item in element:
        name = local(item.tag).lower()
        if name == "br":
            parts.append("\n")
        elif name and name not in NOT_STORY:
            parts.append(_inline_text(item))
        parts.append(item.tail or "")
    return "".join(parts)


class _Builder(HTMLParser):
    """An HTML fragment as an ElementTree, forgiving unclosed and stray tags, entities already unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("body")
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and local(self.stack[-1].tag) == "p" and len(self.stack) > 1:
            self.stack.pop()  # <p> closes an open <p>
        element = SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        names = [local(e.tag) for e in self.stack[1:]]
        if tag in names:
            while len(self.stack) > 1:
                if local(self.stack.pop().tag) == tag:
                    break

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def html_fragment(markup: str) -> Element:
    """Parse an HTML string (ninjs body_html, G2 inlineData) into a `body` element."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAK = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[/?!]?[A-Za-z_][^<>]*>")


def readable(source: str) -> str:
    """`source` with markup removed and entities unescaped, once (a line break for each <br>)."""
    text = _COMMENT.sub("", source)
    text = _CDATA.sub("", text)
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text)).replace("\r\n", "\n")


def verbatim_haystack(sources: list[str]) -> str:
    """What every paragraph must be found in: each source as decoded, with markup stripped and entities
    unescaped once and twice (HTML carried inside XML or JSON has entities of its own)."""
    layers: list[str] = []
    for source in sources:
        once = readable(source)
        layers.extend((source.replace("\r\n", "\n"), once, readable(once)))
    return "\x00".join(layers)
