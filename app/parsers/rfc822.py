"""RFC 822 / RFC 5322 e-mail (copy mailed to the desk) → ParsedCopy, read with the standard library's `email`.

sniffed     headers at the top (Received:, X-Received:, From:, Message-ID:, Date:, MIME-Version:…), so an
            e-mail posted as text/plain is read as an e-mail and its SMTP headers never become a story
headline    Subject (decoded from RFC 2047); identity Message-ID (angle brackets kept) → agency_ref
time        Date → published_at
body        the text/plain part (else the text/html part read as HTML), decoded from its transfer
            encoding and charset; paragraphs at blank lines
forms       a plain-text body that is a JSON form ({"Headline": [...], "Body": [...], ...}, as web forms
            mail it) gives its Headline, Body, Slugline, Abstract and "News Value" (urgency)
not story   an e-mail with no text part (only attachments) is "not-a-story: attachment only"
"""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import Element

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, finish, read_urgency, refusing_failures
from app.parsers.xmlutil import check_size

LABEL = "e-mail"
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9\-]{1,60}):[ \t]?\S?")
_MAIL_HEADERS = frozenset(
    {
        b"received",
        b"x-received",
        b"from",
        b"to",
        b"message-id",
        b"date",
        b"subject",
        b"mime-version",
        b"return-path",
        b"delivered-to",
        b"content-type",
        b"dkim-signature",
        b"arc-seal",
        b"authentication-results",
        b"received-spf",
    }
)


def can_parse(data: bytes) -> bool:
    """Header lines at the top, with at least three header names that only mail uses together."""
    lines = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 60)[:60]
    if not lines or _HEADER_LINE.match(lines[0]) is None:
        return False
    names: set[bytes] = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded header's continuation
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group(1).lower())
    mail = names & _MAIL_HEADERS
    return len(mail) >= 3 and bool(mail & {b"received", b"x-received", b"message-id", b"from", b"mime-version"})


@refusing_failures(LABEL)
def parse_rfc822(data: bytes) -> ParsedCopy:
    check_size(data, LABEL)
    message = message_from_bytes(data.lstrip(b"\xef\xbb\xbf \t\r\n"), policy=policy.default)
    text, is_html = _text_part(message)
    if text is None:
        raise ParseError(
            "Not a story: the e-mail has no text part (only attachments); it is not published.",
            reason="not-a-story: attachment only",
        )
    subject = str(message.get("Subject") or "").strip() or None
    form = _form(text) if not is_html else None
    if form is not None:
        body_text = _first(form, "Body") or ""
        paragraphs = _plain_paragraphs(body_text)
        headline = _first(form, "Headline") or subject
        haystack = verbatim_haystack([body_text, text])
    elif is_html:
        fragment = html_fragment(text)
        refuse_active_markup(fragment, LABEL)
        paragraphs, headline, haystack = paragraphs_of(fragment), subject, verbatim_haystack([text])
    else:
        paragraphs, headline, haystack = _plain_paragraphs(text), subject, verbatim_haystack([text])
    return finish(
        StoryParts(
            source_format="rfc822",
            label=LABEL,
            headline=headline,
            paragraphs=paragraphs,
            haystack=haystack,
            published=_date(message),
            agency_ref=str(message.get("Message-ID") or "").strip() or None,
            slugline=_first(form, "Slugline") if form else None,
            summary=_first(form, "Abstract") if form else None,
            urgency=read_urgency(_first(form, "News Value")) if form else None,
        )
    )


def _text_part(message: Message) -> tuple[str | None, bool]:
    if not isinstance(message, EmailMessage):
        return None, False
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return None, False
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("latin-1") if isinstance(payload, bytes) else None
    if not isinstance(content, str) or not content.strip():
        return None, False
    return content.replace("\r\n", "\n"), part.get_content_subtype() == "html"


def _plain_paragraphs(text: str) -> list[str]:
    element = Element("body")
    element.text = text
    return paragraphs_of(element)


def _form(text: str) -> dict[str, Any] | None:
    stripped = text.strip()
    if not stripped.startswith("{"):
        return None
    try:
        value = json.loads(stripped.replace("\n", " "))
    except ValueError:
        return None
    return value if isinstance(value, dict) and ("Headline" in value or "Body" in value) else None


def _first(form: dict[str, Any] | None, key: str) -> str | None:
    value = (form or {}).get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int)), None)
    return str(value).strip() or None if isinstance(value, str | int) else None


def _date(message: Message) -> str | None:
    raw = message.get("Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(str(raw)).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
