"""RSS 2.0, RSS 1.0, Atom and WordPress WXR feeds → one ParsedCopy per story entry (feedparser).

    entry       title → headline; content (content:encoded, Atom content) else description/summary, read as
                HTML (text only, active code refused; WordPress shortcodes "[dropcap]…[/dropcap]" are
                markup and dropped); id (Atom entry/id, RSS guid) → agency_ref
    times       published → published_at, updated → updated_at (as written, with their offsets)
    language    the feed's language (else the text's)
    not story   an entry without text (a picture's enclosure, a bare link) is skipped; a feed with no story
                entry at all is refused as "not-a-story: picture" (or "link list")
Bytes only: nothing is fetched (feedparser reads the document it is given).
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.markup import html_fragment, paragraphs_of, refuse_active_markup, verbatim_haystack
from app.parsers.story import StoryParts, finish, refusing_failures
from app.parsers.xmlutil import check_size, decode_source

LABEL = "feed"
_ROOTS = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
_SHORTCODE = re.compile(r"\[/?[a-z][a-z0-9_\-]{0,30}(?:\s[^\[\]]{0,200})?\]")


def can_parse(data: bytes) -> bool:
    return _ROOTS.search(data[:4096]) is not None


@refusing_failures(LABEL)
def parse_feed_items(data: bytes) -> list[ParsedCopy]:
    import feedparser

    check_size(data, LABEL)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        raise ParseError("Not a story: the feed has no entries.", reason="not-a-story: empty feed")
    source = decode_source(data, LABEL)
    language = parsed.feed.get("language") if hasattr(parsed, "feed") else None
    stories = [p for p in (_entry(e, source, language) for e in parsed.entries) if p is not None]
    if not stories:
        pictures = any(_has_image(e) for e in parsed.entries)
        kind = "picture" if pictures else "link list"
        raise ParseError(
            f"Not a story: the feed's entries carry no text ({'pictures' if pictures else 'links only'}); "
            "nothing is published.",
            reason=f"not-a-story: {kind}",
        )
    return [finish(parts) for parts in stories]


@refusing_failures(LABEL)
def parse_feed(data: bytes) -> ParsedCopy:
    return parse_feed_items(data)[0]


def _entry(entry: Any, source: str, language: str | None) -> StoryParts | None:
    html = ""
    contents = entry.get("content") or []
    if contents:
        html = contents[0].get("value") or ""
    if not html.strip():
        html = entry.get("summary") or ""
    html = _SHORTCODE.sub("", html)
    if not html.strip():
        return None
    if not _PARAGRAPH_TAG.search(html) and "\n\n" in html.replace("\r\n", "\n"):
        html = _autop(html)
    fragment = html_fragment(html)
    refuse_active_markup(fragment, LABEL)
    paragraphs = paragraphs_of(fragment)
    if not paragraphs:
        return None
    return StoryParts(
        source_format="feed",
        label=LABEL,
        headline=entry.get("title"),
        paragraphs=paragraphs,
        haystack=verbatim_haystack([html, _SHORTCODE.sub("", source)]),
        # The raw members: feedparser's own lookup maps a missing `updated` to `published` (with a warning).
        published=_time(dict.get(entry, "published")),
        updated=_time(dict.get(entry, "updated") or dict.get(entry, "wenn_nm_updated")),
        language=language,
        agency_ref=entry.get("id") or entry.get("guid"),
        subjects=[t.get("term") for t in entry.get("tags") or [] if t.get("term")][:50],
        markup_checked=True,
    )


_PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)
_BLOCK = "h[1-6]|ul|ol|li|table|blockquote|pre|div|figure|hr"
_BLOCK_TAG = re.compile(rf"(</?(?:{_BLOCK})\b[^<>]*>)", re.IGNORECASE)


def _autop(html: str) -> str:
    """WordPress stores posts as text whose blank lines are paragraph breaks (its wpautop rule); block
    elements stand on their own. Each text block becomes a <p>, so it reads as one paragraph."""
    text = _BLOCK_TAG.sub(lambda m: f"\n\n{m.group(1)}\n\n", html.replace("\r\n", "\n"))
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    return "".join(b if _BLOCK_TAG.fullmatch(b) else f"<p>{b}</p>" for b in blocks)


def _has_image(entry: Any) -> bool:
    links = entry.get("links") or []
    media = entry.get("media_content") or []
    return bool(media) or any(str(link.get("type", "")).startswith("image/") for link in links)


def _time(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom) as ISO 8601, keeping the written offset."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None
