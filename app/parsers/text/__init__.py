"""Agency text copy (wire text and scraped page text) → ParsedCopy. (Placeholder: being written.)"""

from __future__ import annotations

from app.errors import ParseError
from app.parsers.base import ParsedCopy


def parse_text(data: bytes) -> ParsedCopy:
    raise ParseError("text normaliser not written yet")
