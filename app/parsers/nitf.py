"""NITF 3.x (with or without the 2006-10-18 namespace) → ParsedCopy.

headline   body.head/hedline/hl1, else head/title
byline     body.head/byline: its <person> names, else its text without <byttl>
dateline   the first paragraph's own, else body.head/dateline (<location> as the place)
times      docdata/date.issue@norm (else pubdata@date.publication) → published_at
summary    body.head/abstract; category pubdata@position.section; language nitf@baselang / xml:lang
body       body.content paragraphs (inside <block> too; media and captions are not story text)
sign-off   body.end/tagline, and a sign-off closing the paragraphs
identity   doc-id@id-string (else du-key@key) and du-key@version
status     docdata@management-status canceled / withheld refused as not publishable, embargoed as embargoed
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, as_version, finish, refuse_unpublishable, refusing_failures
from app.parsers.xmlutil import XmlDocument, attr, child, children, descendants, local, read_xml, text_of

LABEL = "NITF"


def can_parse(data: bytes) -> bool:
    """NITF announces itself with its root element near the top."""
    return b"<nitf" in data[:4096]


@refusing_failures(LABEL)
def parse_nitf(data: bytes) -> ParsedCopy:
    """Read one NITF document. Raises ParseError (and nothing else) for copy it cannot publish."""
    document = read_xml(data, LABEL)
    if local(document.root.tag) != "nitf":
        raise ParseError(
            f"Not NITF: the document's root element is <{local(document.root.tag)}>, not <nitf>.",
            reason="wrong-format",
        )
    return finish(read_parts(document.root, document, LABEL))


def read_parts(root: Element, document: XmlDocument, label: str) -> StoryParts:
    """The NITF fields of `root` (also used for NITF carried inside a NewsML-G2 inlineXML)."""
    head = child(root, "head")
    docdata = child(head, "docdata")
    body = child(root, "body")
    body_head = child(body, "body.head")
    content = child(body, "body.content")
    release = attr(child(docdata, "date.release"), "norm")
    refuse_unpublishable(
        label, attr(docdata, "management-status"), release if _embargoed(docdata) else None, "management-status"
    )
    if body is not None:
        refuse_active_markup(body, label)  # the whole body: abstract, byline and tagline are published too
    paragraphs = paragraphs_of(content) if content is not None else []
    dateline = child(body_head, "dateline")
    doc_id = child(docdata, "doc-id")
    du_key = child(docdata, "du-key")
    pubdata = child(head, "pubdata")
    tagline = "\n".join(t for t in (text_of(e) for e in descendants(body, "tagline")) if t) if body is not None else ""
    return StoryParts(
        source_format="nitf",
        label=label,
        headline=text_of(child(body_head, "hedline", "hl1")) or text_of(child(head, "title")),
        paragraphs=paragraphs,
        haystack=verbatim_haystack([document.source]),
        byline=_byline(child(body_head, "byline")),
        dateline_text=_dateline_text(dateline),
        dateline_place=text_of(child(dateline, "location", "city")) or _location_text(dateline),
        published=attr(child(docdata, "date.issue"), "norm") or attr(pubdata, "date.publication"),
        summary=_abstract(child(body_head, "abstract")),
        category=attr(pubdata, "position.section"),
        language=attr(root, "baselang") or attr(root, "lang"),
        signoff=tagline or None,
        agency_names=[
            n
            for n in (
                attr(doc_id, "regsrc"),
                text_of(child(body_head, "distributor")),
                attr(child(docdata, "doc.copyright"), "holder"),
            )
            if n
        ],
        agency_ref=attr(doc_id, "id-string") or attr(du_key, "key"),
        agency_version=as_version(attr(du_key, "version")),
    )


def _embargoed(docdata: Element | None) -> bool:
    return (attr(docdata, "management-status") or "").lower() == "embargoed"


def _byline(byline: Element | None) -> str | None:
    if byline is None:
        return None
    people = [t for t in (text_of(p) for p in children(byline, "person")) if t]
    if people:
        return " and ".join(people)
    parts = [byline.text or ""]
    for item in byline:
        if local(item.tag) != "byttl":
            parts.append("".join(item.itertext()))
        parts.append(item.tail or "")
    return "".join(parts).strip() or None


def _dateline_text(dateline: Element | None) -> str | None:
    return text_of(dateline)


def _location_text(dateline: Element | None) -> str | None:
    location = child(dateline, "location")
    if location is None:
        return None
    return (location.text or "").strip() or text_of(location)


def _abstract(abstract: Element | None) -> str | None:
    if abstract is None:
        return None
    paragraphs = paragraphs_of(abstract)
    return "\n".join(paragraphs) or None
