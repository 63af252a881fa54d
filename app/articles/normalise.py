"""ParsedCopy → ArticleDraft: the checks against the clock, the disclaimer stamp, and the identity keys."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.errors import ParseError
from app.parsers.base import ParsedCopy

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(body: list[str]) -> str:
    """The contract's hash: sha256 of the body paragraphs joined by a blank line."""
    return "sha256:" + sha256_hex("\n\n".join(body))


def fingerprint(body: list[str]) -> str:
    """Whitespace-blind identity of a text: a resend with other spacing or line endings has the same one."""
    words = _WS.sub(" ", unicodedata.normalize("NFKC", " ".join(body))).strip()
    return "fp:" + sha256_hex(words)


def _fold(text: str) -> str:
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def story_key(copy: ParsedCopy, agency: str, fingerprint: str) -> str:
    """The unique identity of a story. The agency's own id where the format has one: the agency says which
    story a text belongs to. Otherwise the story's first text: a later text joins it only on evidence in the
    words (`headline_key`/`lead_key` find candidates, `app.articles.evidence` decides)."""
    if copy.agency_ref:
        return "ref:" + sha256_hex(f"{agency}\x00{copy.agency_ref}")
    return "txt:" + sha256_hex(f"{agency}\x00{fingerprint}")


def headline_key(copy: ParsedCopy, agency: str, received_at: datetime) -> str | None:
    """Where to look for earlier texts of a story without an agency id: the agency, the headline (case,
    punctuation and spacing folded) and the local day the story was first stated. Agencies and the sites that
    republish them keep the headline when they update a story's text, while a generic headline ("Sensex ends
    higher") comes back on other days as new stories. A candidate only, never identity on its own."""
    if copy.agency_ref:
        return None
    first_stated = copy.published_at or copy.updated_at or received_at
    return "hl:" + sha256_hex(f"{agency}\x00{_fold(copy.headline)}\x00{first_stated.date().isoformat()}")


def lead_key(body: list[str], agency: str) -> str:
    """A second identity for text copy: the same agency's same opening paragraph under a re-worded headline.
    (A kill notice may carry no body at all: it is found by the agency's id, never by its lead.)"""
    return "lead:" + sha256_hex(f"{agency}\x00{_fold(body[0]) if body else ''}")


def body_html(body: list[str], disclaimer: str) -> str:
    """Paragraphs as escaped <p> elements, then the disclaimer. Nothing in the copy becomes markup."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    return f'{paragraphs}<p class="wirefeed-disclaimer">{html.escape(disclaimer)}</p>'


KNOWN_AGENCIES = ("IANS", "PTI", "ANI", "UNI", "Reuters", "AFP", "AP")


_CANONICAL = {a.casefold(): a for a in KNOWN_AGENCIES}


def canonical_agency(name: str) -> str:
    """'reuters' → 'Reuters'; unknown names pass through unchanged."""
    return _CANONICAL.get(name.casefold(), name)


def offset_minutes(value: datetime | None) -> int | None:
    if value is None:
        return None
    offset = value.utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


@dataclass(frozen=True)
class ArticleDraft:
    """Everything the store needs about one received text, derived once."""

    copy: ParsedCopy
    agency: str
    disclaimer: str
    content_hash: str
    fingerprint: str
    story_key: str
    headline_key: str | None
    lead_key: str

    @property
    def stated_at(self) -> datetime | None:
        """The latest time the copy itself states: used to order versions of one story."""
        return self.copy.updated_at or self.copy.published_at


def check_dates(copy: ParsedCopy, now: datetime, tolerance: timedelta) -> None:
    # Embargoed copy is often dated at its release time: its dates are judged against that, not today.
    reference = max(now, copy.embargoed) if copy.embargoed is not None else now
    for label, value in (("published", copy.published_at), ("updated", copy.updated_at)):
        if value is not None and value - reference > tolerance:
            raise ParseError(
                f"The copy's {label} date {value.isoformat()} is in the far future (now is "
                f"{now.isoformat(timespec='seconds')}); an agency clock or feed is wrong.",
                reason="future-date",
            )


def check_kill_names_its_story(copy: ParsedCopy) -> None:
    """A kill or withhold notice must name its story by the agency's own id: stories are never killed by
    headline, so a notice without one is refused for an operator (who can withdraw the story by hand)."""
    if copy.pubstatus in ("canceled", "withheld") and not copy.agency_ref:
        raise ParseError(
            f"Kill notice without the agency's story id: the copy's status is '{copy.pubstatus}', but it names "
            "no story by the agency's own id, and stories are never killed by headline. Withdraw the story by "
            "hand (POST /v1/articles/{id}/withdraw) if it is stored.",
            reason="kill-without-id",
        )


def draft_article(
    copy: ParsedCopy,
    *,
    disclaimer: str,
    now: datetime,
    future_tolerance: timedelta,
    default_agency: str | None = None,
) -> ArticleDraft:
    """Check the copy against the clock and derive its hashes and identity keys."""
    check_dates(copy, now, future_tolerance)
    check_kill_names_its_story(copy)
    agency = canonical_agency(copy.agency or default_agency or "")
    if not agency:
        raise ParseError(
            "No agency could be identified in the copy (no agency tag in the dateline, byline or sign-off), "
            "and the API key is not bound to an agency.",
            reason="no-agency",
        )
    text_fingerprint = fingerprint(copy.body)
    return ArticleDraft(
        copy=copy,
        agency=agency,
        disclaimer=disclaimer,
        content_hash=content_hash(copy.body),
        fingerprint=text_fingerprint,
        story_key=story_key(copy, agency, text_fingerprint),
        headline_key=headline_key(copy, agency, now),
        lead_key=lead_key(copy.body, agency),
    )
