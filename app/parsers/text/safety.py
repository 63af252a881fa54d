"""Refuse copy that carries active page code (scripts, frames, embeds) a scraper left in."""

from __future__ import annotations

import re

from app.errors import ParseError

# A line that *is* page code: it opens with an active element or a script URL.
ACTIVE_LINE = re.compile(
    r"^\s*(?:<\s*/?\s*(?P<tag>script|iframe|object|embed|style|applet|frame|frameset|form|svg|link|meta|base)\b"
    r"|(?P<scheme>javascript|vbscript)\s*:|data\s*:\s*text/html)",
    re.IGNORECASE,
)
# Page code inside a line: a whole script element, a framed or embedded source, an inline event handler.
ACTIVE_INLINE = re.compile(
    r"<(?P<tag>script)\b[^>]*>.*?</script\s*>"
    r"|<(?P<frame>iframe|object|embed|frame)\b[^>]*\b(?:src|data)\s*="
    r"|<[a-z][a-z0-9]*\b[^>]*\s(?P<handler>on[a-z]+)\s*=\s*[\"']"
    r"|(?:href|src)\s*=\s*[\"']?\s*(?P<url>javascript):",
    re.IGNORECASE,
)


def refuse_active_content(text: str) -> None:
    """Raise ParseError(reason='active-content') if any line of `text` is or carries active page code."""
    for number, line in enumerate(text.split("\n"), start=1):
        match = ACTIVE_LINE.match(line) or ACTIVE_INLINE.search(line)
        if match is None:
            continue
        groups = match.groupdict()
        what = (
            f"{(groups.get('tag') or groups.get('frame') or '').lower()} tag"
            if groups.get("tag") or groups.get("frame")
            else f"'{groups['handler']}' event handler"
            if groups.get("handler")
            else "javascript: URL"
            if groups.get("scheme") or groups.get("url")
            else "active markup"
        )
        excerpt = line.strip()[:60]
        raise ParseError(
            f"Active content: {what} in copy (line {number}: {excerpt!r}); page code is never published as "
            "story text, so the copy was refused rather than cleaned.",
            reason="active-content",
        )
