"""NITF 3.x (with or without the 2006-10-18 namespace) → ParsedCopy.

headline   body.head/hedline/hl1, else head/title
byline     body.head/byline: its <person> names, else its text without <byttl>
dateline   the first paragraph's own, else body.head/dateline (<location> as the place)
times      docdata/date.issue@norm (else pubdata@date.publication) → published_at
summary    body.head/abstract; category pubdata@position.section; language nitf@baselang / xml:lang
body       body.content paragraphs (inside <block> too; media and captions are not story text)
sign-off   body.end/tagline, and a sign-off closing the paragraphs
identity   doc-id@id-string (else du-key@key) and du-key@version
status     docdata@management-status canceled / withheld → pubstatus (a kill or hold, never a refusal);
           embargoed (or a date.release after date.issue) → embargoed, the release time: the intake holds it
urgency    urgency@ed-urg anywhere in head (some feeds put it outside docdata); slugline du-key@key
notes      ed-msg → editorial_notes, never the body
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import (
    StoryParts,
    as_version,
    finish,
    parse_instant,
    read_pubstatus,
    read_urgency,
    refusing_failures,
)
from app.parsers.text.agencies import UTC
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
    status = attr(docdata, "management-status")
    pubstatus = read_pubstatus(status)
    issued = _norm(attr(child(docdata, "date.issue"), "norm"))
    release = _norm(attr(child(docdata, "date.release"), "norm"))
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
        published=issued or _norm(attr(pubdata, "date.publication")),
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
        provider=_provider(docdata, body_head, doc_id),
        agency_ref=attr(doc_id, "id-string") or attr(du_key, "key"),
        agency_version=as_version(attr(du_key, "version")),
        pubstatus=pubstatus,
        embargoed=_embargo(status, pubstatus, issued, release),
        urgency=read_urgency(attr(next(descendants(head, "urgency"), None), "ed-urg")) if head is not None else None,
        slugline=attr(du_key, "key") or _meta(head, "anpa-keyword"),
        subjects=_subjects(head),
        editorial_notes=[t for t in (attr(e, "info") or text_of(e) for e in descendants(root, "ed-msg")) if t],
        repairs=list(document.repairs),
        markup_checked=True,
    )


def _norm(value: str | None) -> str | None:
    """A NITF time as ISO 8601: '20141126T152703 +1100' and '2014-11-26 15:27:03' read too; placeholders
    ('YYYYMMDD000000-HHMM') and bare dates are no time."""
    if not value:
        return None
    text = value.strip()
    text = re.sub(r"^(\d{4}-?\d{2}-?\d{2})[ T](\d{2}:?\d{2}(?::?\d{2})?(?:[.,]\d+)?)\s*", r"\1T\2", text)
    text = re.sub(r"^(\d{8})(\d{6})(?=[+-Z]|$)", r"\1T\2", text)  # '20200703165136-0400': no T written
    return text if re.match(r"^\d{4}-?\d{2}-?\d{2}T\d", text) else None


def _embargo(status: str | None, pubstatus: str, issued: str | None, release: str | None) -> str | None:
    """The release time of embargoed copy: management-status 'embargoed', or a date.release later than
    date.issue (NITF's release date is the embargo). A killed or held story has none."""
    if pubstatus != "usable":
        return None
    if (status or "").strip().lower() == "embargoed":
        return release or "embargoed, no release time given"  # unreadable on purpose: held, never published
    if release is None:
        return None
    at_release, _ = parse_instant(release, UTC)
    at_issue, _ = parse_instant(issued, UTC)
    if at_release is not None and at_issue is not None and at_release > at_issue:
        return release
    return None


def _provider(docdata: Element | None, body_head: Element | None, doc_id: Element | None) -> str | None:
    """Who delivered the copy: the rights agent (AAP delivering AFP copy), the distributor, the registering
    source, in that order."""
    rights = child(docdata, "doc.rights")
    for name in (attr(rights, "agent"), attr(rights, "owner"), text_of(child(body_head, "distributor"))):
        if name:
            return name
    return attr(doc_id, "regsrc")


def _meta(head: Element | None, name: str) -> str | None:
    return next((attr(m, "content") for m in children(head, "meta") if attr(m, "name") == name), None)


def _subjects(head: Element | None) -> list[str]:
    if head is None:
        return []
    found: list[str] = []
    for subject in descendants(head, "tobject.subject"):
        name = attr(subject, "tobject.subject.matter") or attr(subject, "tobject.subject.type")
        code = attr(subject, "tobject.subject.refnum")
        label = name or code
        if label and label not in found:
            found.append(label)
    return found


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
    """The place of a dateline without a city element: the location's text, else the dateline's own text
    before any <story.date> ('SYDNEY <story.date>March 22</story.date>'), up to a comma."""
    location = child(dateline, "location")
    if location is not None:
        return (location.text or "").strip(" ,\n\t") or text_of(location)
    if dateline is None:
        return None
    lead = (dateline.text or "").strip()
    if not lead and len(dateline) == 0:
        return None
    place = re.split(r"[,(\[]|\s[-–—]\s", lead or (text_of(dateline) or ""), maxsplit=1)[0].strip()
    return place or None


def _abstract(abstract: Element | None) -> str | None:
    if abstract is None:
        return None
    paragraphs = paragraphs_of(abstract)
    return "\n".join(paragraphs) or None
