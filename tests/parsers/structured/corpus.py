"""The structured-format documents of the corpus copy (tests/fixtures/corpus), the real samples, and variants.

Variants are corpus files with one stated edit (`variant`), so each test names the real file it starts from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.base import ParsedCopy
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from tests.corpus import CORPUS, gold

STRUCTURED_FORMATS = ("nitf", "newsml-g2", "ninjs", "iptc7901", "anpa1312")
FIXTURES = Path(__file__).parent / "fixtures"
PARSERS: dict[str, Callable[[bytes], ParsedCopy]] = {
    "nitf": parse_nitf,
    "newsml-g2": parse_newsml_g2,
    "ninjs": parse_ninjs,
    "iptc7901": parse_iptc7901,
    "anpa1312": parse_anpa1312,
}


def structured_ids() -> list[str]:
    return sorted(p.stem for p in (CORPUS / "gold").glob("d*.json") if gold(p.stem).get("format") in STRUCTURED_FORMATS)


def raw(doc_id: str) -> bytes:
    return (CORPUS / gold(doc_id)["file"]).read_bytes()


def sample(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def variant(doc_id: str, old: bytes, new: bytes) -> bytes:
    """The corpus document with `old` (which must occur once) replaced by `new`."""
    data = raw(doc_id)
    assert data.count(old) == 1, f"{old!r} should occur once in {doc_id}"
    return data.replace(old, new)
