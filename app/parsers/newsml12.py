"""NewsML 1.2 (AFP, ANA and other agencies' envelope format) → ParsedCopy.

NewsML/NewsItem          one or more items (parse_newsml12_items gives every text item)
identity                 Identification/NewsIdentifier/PublicIdentifier → agency_ref; RevisionId → version
status                   NewsManagement/Status@FormalName (Usable, Canceled, Withheld, Embargoed) →
                         pubstatus; StatusWillChange/DateAndTime of an embargoed item → embargoed;
                         Urgency@FormalName → urgency
times                    FirstCreated → published_at; ThisRevisionCreated → updated_at
lines                    NewsLines: HeadLine, ByLine, DateLine, SlugLine
metadata                 AdministrativeMetadata/Provider/Party@FormalName → provider; DescriptiveMetadata
                         Language@FormalName; Location/Property City → the dateline's place;
                         SubjectCode → subjects
body                     the text ContentItem's DataContent (NITF body, XHTML or paragraphs); pictures,
                         video and audio items alone are "not-a-story: picture" (or what they are)
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers import nitf
from app.parsers.base import ParsedCopy, PubStatus
from app.parsers.markup import paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, as_version, finish, read_pubstatus, read_urgency, refusing_failures
from app.parsers.xmlutil import XmlDocument, attr, child, descendants, local, read_xml, text_of

LABEL = "NewsML 1.2"


def can_parse(data: bytes) -> bool:
    return b"<NewsML" in data[:4096]


@refusing_failures(LABEL)
def parse_newsml12(data: bytes) -> ParsedCopy:
    """The first text item of a NewsML 1.2 document."""
    return parse_newsml12_items(data)[0]


@refusing_failures(LABEL)
def parse_newsml12_items(data: bytes) -> list[ParsedCopy]:
    """Every text NewsItem, in document order; ParseError naming what the document carries otherwise."""
    document = read_xml(data, LABEL)
    if local(document.root.tag) not in ("NewsML", "NewsItem"):
        raise ParseError(
            f"Not NewsML 1.2: the root element is <{local(document.root.tag)}>, not <NewsML>.", reason="wrong-format"
        )
    items = [document.root] if local(document.root.tag) == "NewsItem" else list(descendants(document.root, "NewsItem"))
    found: list[ParsedCopy] = []
    kinds: list[str] = []
    for item in items:
        content = _text_content(item)
        status = read_pubstatus(attr(child(item, "NewsManagement", "Status"), "FormalName"))
        if content is None and status == "usable":
            kinds.extend(_media_types(item) or ["item without text"])
            continue
        found.append(finish(_read_item(item, content, status, document)))
    if not found:
        what = ", ".join(sorted(set(kinds))) or "no NewsItem"
        raise ParseError(
            f"Not a story: the NewsML 1.2 document carries {what}, no text; it is not published.",
            reason=f"not-a-story: {(kinds or ['empty'])[0]}",
        )
    return found


def _media_types(item: Element) -> list[str]:
    return [(attr(m, "FormalName") or "").lower() for m in descendants(item, "MediaType") if attr(m, "FormalName")]


def _text_content(item: Element) -> Element | None:
    for content_item in descendants(item, "ContentItem"):
        media = (attr(child(content_item, "MediaType"), "FormalName") or "Text").lower()
        data = child(content_item, "DataContent")
        if media == "text" and data is not None:
            return data
    return None


def _read_item(item: Element, content: Element | None, status: PubStatus, document: XmlDocument) -> StoryParts:
    identifier = child(item, "Identification", "NewsIdentifier")
    management = child(item, "NewsManagement")
    component = child(item, "NewsComponent")
    lines = next(descendants(component, "NewsLines"), None) if component is not None else None
    carried = next((c for c in content if local(c.tag) == "nitf"), None) if content is not None else None
    if carried is not None:
        parts = nitf.read_parts(carried, document, LABEL)
        parts.source_format = "newsml12"
    else:
        body = content
        if content is not None:
            html = next((c for c in content.iter() if local(c.tag) in ("body", "body.content")), None)
            body = html if html is not None else content
            refuse_active_markup(body, LABEL)
        parts = StoryParts(
            source_format="newsml12",
            label=LABEL,
            headline=None,
            paragraphs=paragraphs_of(body) if body is not None else [],
            haystack=verbatim_haystack([document.source]),
            repairs=list(document.repairs),
            markup_checked=True,
        )
    parts.headline = text_of(child(lines, "HeadLine")) or parts.headline
    parts.byline = text_of(child(lines, "ByLine")) or parts.byline
    parts.dateline_text = text_of(child(lines, "DateLine")) or parts.dateline_text
    parts.slugline = text_of(child(lines, "SlugLine")) or text_of(child(item, "Identification", "NameLabel"))
    city = _property(component, "City")
    parts.dateline_place = city or parts.dateline_place
    parts.published = text_of(child(management, "FirstCreated")) or parts.published
    parts.updated = text_of(child(management, "ThisRevisionCreated"))
    parts.language = attr(next(descendants(item, "Language"), None), "FormalName") or parts.language
    party = next(descendants(item, "Party"), None) if component is not None else None
    parts.provider = attr(party, "FormalName") or text_of(child(identifier, "ProviderId"))
    parts.agency_names = [n for n in (parts.provider, text_of(child(identifier, "ProviderId"))) if n]
    parts.agency_ref = text_of(child(identifier, "PublicIdentifier")) or text_of(child(identifier, "NewsItemId"))
    parts.agency_version = as_version(text_of(child(identifier, "RevisionId")))
    parts.pubstatus = status
    formal_status = (attr(child(management, "Status"), "FormalName") or "").lower()
    if formal_status == "embargoed":
        parts.embargoed = text_of(child(management, "StatusWillChange", "DateAndTime"))
        if parts.embargoed is None:
            parts.doubts.append("embargo-unread: the item is Embargoed with no release time")
    parts.urgency = read_urgency(attr(child(management, "Urgency"), "FormalName"))
    parts.subjects = [s for s in (attr(e, "FormalName") for e in descendants(item, "SubjectDetail")) if s][:50] or [
        s for s in (attr(e, "FormalName") for e in descendants(item, "Subject")) if s
    ][:50]
    return parts


def _property(component: Element | None, name: str) -> str | None:
    if component is None:
        return None
    for prop in descendants(component, "Property"):
        if attr(prop, "FormalName") == name and attr(prop, "Value"):
            return attr(prop, "Value")
    return None
