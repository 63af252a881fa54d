"""Ritzau (Danish news agency) RBNews XML → ParsedCopy.

identity   NewsID → agency_ref; version → agency_version
headline   headline; a flash has none (`i:nil`): its lede is the headline, marked derived
body       content: HTML written as escaped text inside the element, read as HTML (text only,
           active code refused)
byline     byLine (the writer as printed; origin '/ritzau/' is the service, not a writer)
time       PublishDate → published_at (Ritzau writes it without an offset)
status     Annuleret true → canceled; TilRedaktionen (to the editors) → editorial_notes, never the body
other      strapline → slugline; section → category; town is the desk's, not a printed dateline
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, readable, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, as_version, finish, refusing_failures
from app.parsers.xmlutil import XmlDocument, child, descendants, local, read_xml, text_of

LABEL = "Ritzau XML"


def can_parse(data: bytes) -> bool:
    return b"<RBNews" in data[:4096]


@refusing_failures(LABEL)
def parse_ritzau(data: bytes) -> ParsedCopy:
    return parse_ritzau_items(data)[0]


@refusing_failures(LABEL)
def parse_ritzau_items(data: bytes) -> list[ParsedCopy]:
    """One RBNews document, or every RBNews of a feed (ArrayOfRBNews), in order."""
    document = read_xml(data, LABEL)
    root = document.root
    news = [root] if local(root.tag) == "RBNews" else list(descendants(root, "RBNews"))
    if not news:
        raise ParseError(f"Not Ritzau XML: no RBNews under <{local(root.tag)}>.", reason="wrong-format")
    return [_read(item, document) for item in news]


def _read(root: Element, document: XmlDocument) -> ParsedCopy:
    content = text_of(child(root, "content")) or ""
    fragment = html_fragment(content)
    refuse_active_markup(fragment, LABEL)
    paragraphs = paragraphs_of(fragment)
    headline = text_of(child(root, "headline"))  # a flash has none: finish derives it and holds the copy
    notes = text_of(child(root, "TilRedaktionen"))
    canceled = (text_of(child(root, "Annuleret")) or "").strip().lower() == "true"
    return finish(
        StoryParts(
            source_format="ritzau",
            label=LABEL,
            headline=headline,
            paragraphs=paragraphs,
            haystack=verbatim_haystack([document.source, content]),
            byline=text_of(child(root, "byLine")),
            published=text_of(child(root, "PublishDate")),
            category=text_of(child(root, "section")),
            agency_names=["Ritzau"],
            provider="Ritzau",
            agency_ref=text_of(child(root, "NewsID")),
            agency_version=as_version(text_of(child(root, "version"))),
            pubstatus="canceled" if canceled else "usable",
            slugline=text_of(child(root, "strapline")),
            editorial_notes=[readable(notes)] if notes else [],
            markup_checked=True,
        )
    )
