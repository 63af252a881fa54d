"""The registry: each structured format is detected from its bytes or media type and has its parser."""

from __future__ import annotations

import pytest

from app.parsers import anpa1312, iptc7901, newsml_g2, ninjs, nitf
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from app.parsers.sniff import PARSERS, SPECIFIC_TYPES, detect_format
from tests.corpus import CORPUS, gold, raw, text_doc_ids
from tests.parsers.structured.corpus import raw as structured_raw
from tests.parsers.structured.corpus import structured_ids


def test_every_structured_format_has_its_parser_registered() -> None:
    assert PARSERS["nitf"] is parse_nitf
    assert PARSERS["newsml-g2"] is parse_newsml_g2
    assert PARSERS["ninjs"] is parse_ninjs
    assert PARSERS["iptc7901"] is parse_iptc7901
    assert PARSERS["anpa1312"] is parse_anpa1312


@pytest.mark.parametrize("fmt", sorted(set(SPECIFIC_TYPES.values())))
def test_every_specific_media_type_names_a_registered_parser(fmt: str) -> None:
    assert fmt in PARSERS


@pytest.mark.parametrize("doc_id", text_doc_ids())
def test_text_copy_is_still_detected_as_text(doc_id: str) -> None:
    assert detect_format(raw(doc_id), "text/plain") == "text"


def test_json_without_a_string_uri_is_plain_json_not_ninjs() -> None:
    assert detect_format((CORPUS / "bad" / "db11.json").read_bytes(), "application/json") == "json"
    assert detect_format(b'{"uri": 5}', "application/json") == "json"


def test_ninjs_is_detected_from_generic_json() -> None:
    assert detect_format(structured_raw("d023"), "application/json") == "ninjs"


CAN_PARSE = {
    "nitf": nitf.can_parse,
    "newsml-g2": newsml_g2.can_parse,
    "ninjs": ninjs.can_parse,
    "iptc7901": iptc7901.can_parse,
    "anpa1312": anpa1312.can_parse,
}


@pytest.mark.parametrize("doc_id", structured_ids())
def test_only_the_documents_own_format_says_it_can_parse_it(doc_id: str) -> None:
    claims = {fmt for fmt, can_parse in CAN_PARSE.items() if can_parse(structured_raw(doc_id))}
    assert claims == {gold(doc_id)["format"]}
