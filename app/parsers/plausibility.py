"""Named checks of a parsed story's own plausibility: any failure holds the copy for review.

plausibility_doubts(copy) → the names of the failed checks (empty: nothing against publishing it).
"""

from __future__ import annotations

import re

from app.parsers.base import ParsedCopy

# Lines that are a page's furniture, never a story's headline: skip links, menus, account and app prompts.
_CHROME_HEADLINE = re.compile(
    r"^(skip (to|navigation)\b.*|(main )?menu|search|home|sign (in|up)|log ?in|subscribe( now)?|advertisement"
    r"|open in app|share( this)?( article| story)?|read more|view all.*|slideshow.*|photos?|video)$",
    re.IGNORECASE,
)


def plausibility_doubts(copy: ParsedCopy) -> list[str]:
    """The parser's own doubts plus the general checks every draft must pass."""
    doubts = list(copy.doubts)
    if _CHROME_HEADLINE.match(copy.headline.strip()):
        doubts.append(f"headline-chrome: {copy.headline.strip()[:80]!r} is page furniture, not a headline")
    return doubts
