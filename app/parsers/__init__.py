"""Parser registry: bytes + declared media type → `ParsedCopy`, or one `ParseError`/`UnsupportedFormat`.

Parsers are pure functions of bytes: no database, no HTTP, no clock beyond what the copy states.
"""

from __future__ import annotations

from app.parsers.base import Dateline, ParsedCopy, SourceFormat
from app.parsers.sniff import detect_format, parse_copy, parse_items

__all__ = ["Dateline", "ParsedCopy", "SourceFormat", "detect_format", "parse_copy", "parse_items"]
