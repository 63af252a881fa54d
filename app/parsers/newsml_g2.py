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
status     pubStatus stat:canceled / stat:withheld refused as not publishable; itemMeta/embargoed as embargoed
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers import nitf
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, as_version, finish, refuse_unpublishable, refusing_failures
from app.parsers.xmlutil import XmlDocument, attr, child, children, descendants, local, read_xml, text_of

LABEL = "NewsML-G2"
_SUMMARY_ROLES = (None, "drol:summary", "summary")


def can_parse(data: bytes) -> bool:
    head = data[:4096]
    return b"newsItem" in head or b"newsMessage" in head


@refusing_failures(LABEL)
def parse_newsml_g2(data: bytes) -> ParsedCopy:
    """Read one NewsML-G2 document. Raises ParseError (and nothing else) for copy it cannot publish."""
    document = read_xml(data, LABEL)
    root_name = local(document.root.tag)
    if root_name not in ("newsItem", "newsMessage"):
        raise ParseError(
            f"Not NewsML-G2: the document's root element is <{root_name}>, not <newsItem> or <newsMessage>.",
            reason="wrong-format",
        )
    item = _text_item(document.root)
    if item is None:
        raise ParseError(
            "No text item: the NewsML-G2 document carries no newsItem with story text (pictures or packages only).",
            reason="no-body",
        )
    return finish(_read_item(item, document))


def _text_item(root: Element) -> Element | None:
    items = [root] if local(root.tag) == "newsItem" else list(descendants(root, "newsItem"))
    for item in items:
        item_class = attr(child(item, "itemMeta", "itemClass"), "qcode") or ""
        if item_class.endswith(":text") or _inline_content(item) is not None:
            return item
    return None


def _inline_content(item: Element) -> Element | None:
    content_set = child(item, "contentSet")
    if content_set is None:
        return None
    return next((c for c in content_set if local(c.tag) in ("inlineXML", "inlineData")), None)


def _read_item(item: Element, document: XmlDocument) -> StoryParts:
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    refuse_unpublishable(
        LABEL,
        attr(child(item_meta, "pubStatus"), "qcode"),
        text_of(child(item_meta, "embargoed")),
        "pubStatus",
    )
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
        )
    headline = _headline(content_meta)
    parts.headline = headline or parts.headline
    parts.byline = text_of(child(content_meta, "by")) or parts.byline
    parts.dateline_text = text_of(child(content_meta, "dateline")) or parts.dateline_text
    parts.dateline_place = text_of(child(content_meta, "located", "name")) or parts.dateline_place
    first = text_of(child(item_meta, "firstCreated"))
    created = text_of(child(content_meta, "contentCreated"))
    version_created = text_of(child(item_meta, "versionCreated"))
    parts.published = first or created or version_created or parts.published
    parts.updated = version_created
    parts.summary = _summary(content_meta) or parts.summary
    parts.language = attr(child(content_meta, "language"), "tag") or attr(item, "lang") or parts.language
    provider = child(item_meta, "provider")
    rights = child(item, "rightsInfo", "copyrightHolder")
    names = [
        attr(provider, "literal"),
        attr(provider, "qcode"),
        text_of(child(provider, "name")),
        *(attr(e, "literal") for e in children(content_meta, "infoSource")),
        *(attr(e, "literal") or text_of(child(e, "name")) for e in children(content_meta, "creator")),
        attr(rights, "literal"),
        text_of(child(rights, "name")),
    ]
    parts.agency_names = [n for n in names if n] + parts.agency_names
    parts.agency_ref = attr(item, "guid")
    parts.agency_version = as_version(attr(item, "version"))
    return parts


def _paragraphs(inline: Element | None) -> list[str]:
    if inline is None:
        return []
    if local(inline.tag) == "inlineData":
        text = inline.text or ""
        kind = (attr(inline, "contenttype") or "text/plain").lower()
        body = html_fragment(text) if "html" in kind else _plain(text)
    else:
        html = next((c for c in inline if local(c.tag) == "html"), None)
        found = child(html, "body")
        body = found if found is not None else inline
    refuse_active_markup(body, LABEL)
    return paragraphs_of(body)


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
