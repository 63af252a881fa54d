"""NewsML-G2 newsItem (alone or in a newsMessage itemSet, with or without the nar namespace) → ParsedCopy.

item       the first text newsItem (itemClass ninat:text / icls:text, or one carrying inline text);
           packages and picture items beside it are not the story
headline   contentMeta/headline; byline contentMeta/by (else a "By ..." first paragraph)
dateline   the first paragraph's own, else contentMeta/dateline (located/name as the place)
times      firstCreated (else contentCreated, else versionCreated) → published_at;
           a later versionCreated → updated_at
summary    description role drol:summary (or without a role); language contentMeta/language@tag
body       contentSet/inlineXML (XHTML, or NITF inside) or inlineData (text or HTML)
identity   newsItem@guid and @version
status     pubStatus stat:canceled / stat:withheld → pubstatus (a kill may carry no text); itemMeta/embargoed
           → embargoed (the intake holds the copy until then); urgency, slugline, subjects; edNote → notes
items      every text newsItem of a newsMessage (parse_newsml_g2_items); packages, pictures, video and test
           transmissions alone are refused as "not-a-story: <what it is>"
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers import nitf
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import (
    StoryParts,
    agency_named,
    as_version,
    finish,
    read_pubstatus,
    read_urgency,
    refusing_failures,
)
from app.parsers.wire_agencies import is_agency_name, short_agency_name
from app.parsers.xmlutil import XmlDocument, attr, child, children, descendants, local, read_xml, text_of

LABEL = "NewsML-G2"
_SUMMARY_ROLES = (None, "drol:summary", "summary")


def can_parse(data: bytes) -> bool:
    head = data[:4096]
    return b"newsItem" in head or b"newsMessage" in head


@refusing_failures(LABEL)
def parse_newsml_g2(data: bytes) -> ParsedCopy:
    """Read the first story item of a NewsML-G2 document. Raises ParseError (and nothing else) otherwise."""
    return parse_newsml_g2_items(data)[0]


@refusing_failures(LABEL)
def parse_newsml_g2_items(data: bytes) -> list[ParsedCopy]:
    """Every story item of a NewsML-G2 document, in document order; ParseError naming what the document is
    when it has none (a package, a picture, a video, a test transmission)."""
    document = read_xml(data, LABEL)
    root_name = local(document.root.tag)
    if root_name not in ("newsItem", "newsMessage", "packageItem", "conceptItem", "planningItem", "knowledgeItem"):
        raise ParseError(
            f"Not NewsML-G2: the document's root element is <{root_name}>, not <newsItem> or <newsMessage>.",
            reason="wrong-format",
        )
    items = [document.root] if root_name == "newsItem" else list(descendants(document.root, "newsItem"))
    stories = [item for item in items if _is_text(item)]
    if not stories:
        raise ParseError(
            f"Not a story: the NewsML-G2 document carries {_what_it_carries(document.root, items)}, no text item; "
            "it is not published.",
            reason=f"not-a-story: {_kind(document.root, items)}",
        )
    copies: list[ParsedCopy] = []
    for item in stories:
        _refuse_test_transmission(item)
        copies.append(finish(_read_item(item, document)))
    return copies


def _item_class(item: Element) -> str:
    return (attr(child(item, "itemMeta", "itemClass"), "qcode") or "").lower()


def _is_text(item: Element) -> bool:
    item_class = _item_class(item)
    if item_class:
        return item_class.rsplit(":", 1)[-1] == "text"
    return _inline_content(item) is not None


def _kind(root: Element, items: list[Element]) -> str:
    classes = [_item_class(i).rsplit(":", 1)[-1] for i in items if _item_class(i)]
    if classes:
        return classes[0]
    if local(root.tag) == "packageItem" or any(True for _ in descendants(root, "packageItem")):
        return "package"
    return local(root.tag)


def _what_it_carries(root: Element, items: list[Element]) -> str:
    kinds = [_item_class(i).rsplit(":", 1)[-1] or "untyped" for i in items]
    packages = sum(1 for _ in descendants(root, "packageItem")) + (local(root.tag) == "packageItem")
    parts = [f"{n} {k} item(s)" for k, n in sorted({k: kinds.count(k) for k in kinds}.items())]
    if packages:
        parts.append(f"{packages} package(s)")
    return ", ".join(parts) or f"a <{local(root.tag)}>"


_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|pre)\b[^<>]*>", re.IGNORECASE)
_TEST_WORD = re.compile(r"(?<![\w-])TEST(?![\w-])")
# A headline announcing a test ("TEST", "TEST FROM XAWES", "TEST - PLEASE IGNORE"); "TEST MATCH ABANDONED" is news.
_TEST_HEADLINE = re.compile(
    r"^TEST(?:ING)?(?:\s*$|\s*[-:,]|\s+(?:FROM|MESSAGE|TRANSMISSION|ONLY|PLEASE|IGNORE|STORY|ITEM)\b)"
)


def _refuse_test_transmission(item: Element) -> None:
    """A transmission the provider marks as a test (its service or headline says TEST) is not a story."""
    item_meta = child(item, "itemMeta")
    service = child(item_meta, "service")
    marks = [text_of(child(service, "name")) or "", attr(service, "qcode") or ""]
    marks += [attr(s, "qcode") or "" for s in children(item_meta, "signal")]
    headline = _headline(child(item, "contentMeta")) or ""
    if any(_TEST_WORD.search(m.upper()) for m in marks if m) or _TEST_HEADLINE.match(headline):
        raise ParseError(
            "Not a story: the NewsML-G2 item is a test transmission (its service, signal or headline says TEST); "
            "it is not published.",
            reason="not-a-story: test transmission",
        )


def _inline_content(item: Element) -> Element | None:
    content_set = child(item, "contentSet")
    if content_set is None:
        return None
    return next((c for c in content_set if local(c.tag) in ("inlineXML", "inlineData")), None)


def _read_item(item: Element, document: XmlDocument) -> StoryParts:
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    pubstatus = read_pubstatus(attr(child(item_meta, "pubStatus"), "qcode"))
    inline = _inline_content(item)
    carried_nitf = next((c for c in inline if local(c.tag) == "nitf"), None) if inline is not None else None
    if carried_nitf is not None:
        parts = nitf.read_parts(carried_nitf, document, LABEL)
        parts.source_format = "newsml-g2"
    else:
        parts = StoryParts(
            source_format="newsml-g2",
            label=LABEL,
            headline=None,
            paragraphs=_paragraphs(inline),
            haystack=verbatim_haystack([document.source]),
            repairs=list(document.repairs),
            markup_checked=_is_markup(inline),
        )
    headline = _headline(content_meta)
    parts.headline = headline or parts.headline
    by = text_of(child(content_meta, "by"))
    parts.byline = (by if by and not _is_credit(by) else None) or parts.byline
    parts.dateline_text = text_of(child(content_meta, "dateline")) or parts.dateline_text
    first = text_of(child(item_meta, "firstCreated"))
    created = text_of(child(content_meta, "contentCreated"))
    version_created = text_of(child(item_meta, "versionCreated"))
    parts.published = first or created or version_created or parts.published
    parts.updated = version_created
    parts.summary = _summary(content_meta) or parts.summary
    parts.language = attr(child(content_meta, "language"), "tag") or attr(item, "lang") or parts.language
    provider = child(item_meta, "provider")
    rights = child(item, "rightsInfo", "copyrightHolder")
    # Creators and sources are often people (the writer): they count only when they name an agency.
    credited = [
        attr(e, "literal") or text_of(child(e, "name"))
        for e in (*children(content_meta, "infoSource"), *children(content_meta, "creator"))
    ]
    names = [
        attr(provider, "literal"),
        attr(provider, "qcode"),
        text_of(child(provider, "name")),
        *(n for n in credited if is_agency_name(short_agency_name(n)) or agency_named(n) is not None),
        attr(rights, "literal"),
        text_of(child(rights, "name")),
    ]
    parts.agency_names = [n for n in names if n] + parts.agency_names
    parts.provider = _provider(provider, document.root)
    parts.agency_ref = attr(item, "guid")
    parts.agency_version = as_version(attr(item, "version"))
    parts.pubstatus = pubstatus
    embargo = text_of(child(item_meta, "embargoed"))
    parts.embargoed = embargo if pubstatus == "usable" else None
    parts.urgency = read_urgency(text_of(child(content_meta, "urgency")))
    parts.slugline = text_of(child(content_meta, "slugline")) or parts.slugline
    parts.subjects = _subjects(content_meta) or parts.subjects
    parts.editorial_notes = [t for t in (text_of(e) for e in children(item_meta, "edNote")) if t]
    return parts


def _provider(provider: Element | None, root: Element) -> str | None:
    """The delivering agency: the item's provider where it names an agency we know; else the newsMessage
    header's origin or sender (a bare provider code such as 'CL' names a feed account, not the agency)."""
    named = [text_of(child(provider, "name")), attr(provider, "literal"), attr(provider, "qcode")]
    named = [n for n in named if n]
    known = next((n for n in named if is_agency_name(short_agency_name(n))), None)
    if known is not None:
        return known
    header = (
        next((c for c in root if local(c.tag).lower() == "header"), None) if local(root.tag) == "newsMessage" else None
    )
    envelope = text_of(child(header, "origin")) or text_of(child(header, "sender"))
    return text_of(child(provider, "name")) or envelope or (named[0] if named else None)


def _is_credit(by: str) -> bool:
    """'Reuters, MAR 04': the agency's credit with a date, not a writer's byline."""
    return is_agency_name(by.split(",", 1)[0])


def _subjects(content_meta: Element | None) -> list[str]:
    found: list[str] = []
    for subject in children(content_meta, "subject"):
        label = text_of(child(subject, "name")) or attr(subject, "qcode") or attr(subject, "literal")
        if label and label not in found:
            found.append(label)
    return found[:50]


def _paragraphs(inline: Element | None) -> list[str]:
    if inline is None:
        return []
    if local(inline.tag) == "inlineData":
        text = inline.text or ""
        kind = (attr(inline, "contenttype") or "text/plain").lower()
        # Producers put HTML paragraphs inside inlineData declared text/plain: markup is read as markup, never
        # published as literal "<p>".
        body = html_fragment(text) if "html" in kind or _HTML_BLOCK.search(text) else _plain(text)
    else:
        html = next((c for c in inline if local(c.tag) == "html"), None)
        found = child(html, "body")
        body = found if found is not None else inline
    refuse_active_markup(body, LABEL)
    return paragraphs_of(body)


def _is_markup(inline: Element | None) -> bool:
    """Inline XML, or inline data read as HTML: its elements were checked for active code."""
    if inline is None or local(inline.tag) == "inlineXML":
        return True
    kind = (attr(inline, "contenttype") or "").lower()
    return "html" in kind or _HTML_BLOCK.search(inline.text or "") is not None


def _plain(text: str) -> Element:
    body = Element("body")
    body.text = text
    return body


def _headline(content_meta: Element | None) -> str | None:
    if content_meta is None:
        return None
    headlines = children(content_meta, "headline")
    main = next((h for h in headlines if (attr(h, "role") or "").endswith("main")), None)
    if main is None and headlines:
        main = headlines[0]
    return text_of(main)


def _summary(content_meta: Element | None) -> str | None:
    if content_meta is None:
        return None
    for description in children(content_meta, "description"):
        if attr(description, "role") in _SUMMARY_ROLES:
            return text_of(description)
    return None
