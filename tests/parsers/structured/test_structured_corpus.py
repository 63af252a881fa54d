"""The structured parsers on every NITF, NewsML-G2, ninjs, IPTC 7901 and ANPA-1312 document of the corpus,
one test per gold field, read through `parse_copy` with the generic media type a sender would declare."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from functools import cache

import pytest

from app.parsers.base import ParsedCopy
from app.parsers.sniff import detect_format, parse_copy
from tests.corpus import gold, media_type
from tests.parsers.structured.corpus import PARSERS, raw, structured_ids

IDS = structured_ids()
EXPECTED_IDS = ["d002", "d007", "d010", "d014", "d018", "d020", "d023", "d028", "d032", "d042", "d045", "d050"]


@cache
def parsed(doc_id: str) -> ParsedCopy:
    return parse_copy(raw(doc_id), media_type(doc_id))


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def test_corpus_has_the_structured_documents() -> None:
    assert IDS == EXPECTED_IDS


@pytest.mark.parametrize("doc_id", IDS)
def test_format_is_detected_from_the_bytes(doc_id: str) -> None:
    assert detect_format(raw(doc_id), media_type(doc_id)) == gold(doc_id)["format"]


@pytest.mark.parametrize("doc_id", IDS)
def test_format_parser_called_directly_gives_the_same_copy(doc_id: str) -> None:
    assert PARSERS[gold(doc_id)["format"]](raw(doc_id)) == parsed(doc_id)


@pytest.mark.parametrize("doc_id", IDS)
def test_source_format_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).source_format == gold(doc_id)["format"]


@pytest.mark.parametrize("doc_id", IDS)
def test_agency_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).agency == gold(doc_id)["agency"]


@pytest.mark.parametrize("doc_id", IDS)
def test_headline_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).headline == gold(doc_id)["headline"]


@pytest.mark.parametrize("doc_id", IDS)
def test_byline_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).byline == gold(doc_id)["byline"]


@pytest.mark.parametrize("doc_id", IDS)
def test_dateline_matches_gold(doc_id: str) -> None:
    dateline = parsed(doc_id).dateline
    assert (dateline.model_dump() if dateline else None) == gold(doc_id)["dateline"]


@pytest.mark.parametrize("doc_id", IDS)
def test_published_at_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).published_at == _instant(gold(doc_id)["published_at"])


@pytest.mark.parametrize("doc_id", IDS)
def test_updated_at_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).updated_at == _instant(gold(doc_id)["updated_at"])


@pytest.mark.parametrize("doc_id", IDS)
def test_times_keep_the_offset_the_copy_states(doc_id: str) -> None:
    copy = parsed(doc_id)
    stated = ((copy.published_at, gold(doc_id)["published_at"]), (copy.updated_at, gold(doc_id)["updated_at"]))
    for value, expected in stated:
        if expected:
            assert value is not None and value.utcoffset() == datetime.fromisoformat(expected).utcoffset()


@pytest.mark.parametrize("doc_id", IDS)
def test_summary_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).summary == gold(doc_id)["summary"]


@pytest.mark.parametrize("doc_id", IDS)
def test_category_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).category == gold(doc_id)["category"]


@pytest.mark.parametrize("doc_id", IDS)
def test_language_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).language == gold(doc_id)["language"]


@pytest.mark.parametrize("doc_id", IDS)
def test_body_paragraphs_match_gold(doc_id: str) -> None:
    assert parsed(doc_id).body == gold(doc_id)["body"]


@pytest.mark.parametrize("doc_id", IDS)
def test_signoff_matches_gold(doc_id: str) -> None:
    assert parsed(doc_id).signoff == gold(doc_id)["signoff"]


@pytest.mark.parametrize("doc_id", IDS)
def test_no_chrome_string_inside_a_body_paragraph(doc_id: str) -> None:
    for paragraph in parsed(doc_id).body:
        for chrome in gold(doc_id)["chrome"]:
            assert chrome not in paragraph


def _readme_source(doc_id: str) -> str:
    """The corpus README's rule, applied independently of the parsers: decode as declared (BOM dropped),
    CRLF as LF; for XML unescape entities; for JSON undo the string escapes, then the HTML's own entities."""
    data = raw(doc_id)
    declared = re.match(rb'<\?xml[^>]*encoding="([^"]+)"', data)
    text = data.decode(declared.group(1).decode() if declared else "utf-8").removeprefix("\ufeff")
    text = text.replace("\r\n", "\n")
    if gold(doc_id)["file"].endswith(".json"):
        strings: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                strings.append(html.unescape(value))
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(text))
        return "\n".join(strings)
    return html.unescape(text) if gold(doc_id)["file"].endswith(".xml") else text


@pytest.mark.parametrize("doc_id", IDS)
def test_body_paragraphs_are_verbatim_in_the_decoded_unescaped_source(doc_id: str) -> None:
    source = _readme_source(doc_id)
    for paragraph in parsed(doc_id).body:
        assert paragraph in source


@pytest.mark.parametrize("doc_id", IDS)
def test_well_formed_copy_needs_no_repair(doc_id: str) -> None:
    assert parsed(doc_id).repairs == []


AGENCY_IDENTITY = {
    "d002": ("urn:newsml:afp.com:20241202:36NX4KP", 1),
    "d010": ("L4N3MV0XY", 2),
    "d014": ("UNI-SPO-20250120-1745-0213", None),
    "d018": ("tag:reuters.com,2024:newsml_L4N3LD0AB", 1874120573),
    "d023": ("urn:newsml:aninews.in:20241119:2411192340-0158", 1),
    "d028": ("urn:newsml:afp.com:20250110:37AB2XY", 1),
    "d032": ("tag:reuters.com,2024:newsml_L4N3KT0QX", 3),
    "d042": ("urn:newsml:afp.com:20250903:48KD2QF", 2),
    "d050": ("6f2c1e0b9a4d4c7e8b1f2a3d4e5f6a7b", None),
}


@pytest.mark.parametrize("doc_id", sorted(AGENCY_IDENTITY))
def test_agency_story_id_and_version_come_from_the_format(doc_id: str) -> None:
    copy = parsed(doc_id)
    assert (copy.agency_ref, copy.agency_version) == AGENCY_IDENTITY[doc_id]


@pytest.mark.parametrize("doc_id", ["d007", "d020", "d045"])
def test_transmission_formats_carry_no_story_id(doc_id: str) -> None:
    assert parsed(doc_id).agency_ref is None
