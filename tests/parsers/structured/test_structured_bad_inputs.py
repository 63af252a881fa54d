"""The corpus's bad structured inputs (db08, db11, db12) and other copy the structured parsers must refuse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.articles.normalise import draft_article
from app.errors import ParseError, UnsupportedFormat
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from app.parsers.sniff import parse_copy
from tests.corpus import CORPUS
from tests.parsers.structured.corpus import PARSERS, raw, sample, variant

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _bad(name: str) -> bytes:
    return (CORPUS / "bad" / name).read_bytes()


def test_db08_malformed_xml_claiming_to_be_nitf_is_refused_as_malformed() -> None:
    with pytest.raises(ParseError) as refused:
        parse_copy(_bad("db08.xml"), "application/xml")
    assert refused.value.reason == "malformed-xml"
    assert "malformed XML (not well-formed NITF)" in refused.value.detail


def test_db08_is_refused_the_same_when_declared_as_nitf() -> None:
    with pytest.raises(ParseError, match="malformed XML"):
        parse_copy(_bad("db08.xml"), "application/nitf+xml")


def test_db11_wordpress_json_is_unsupported_not_guessed() -> None:
    with pytest.raises(UnsupportedFormat) as refused:
        parse_copy(_bad("db11.json"), "application/json")
    assert "JSON is not ninjs" in refused.value.detail


def test_db11_declared_as_ninjs_is_still_not_ninjs() -> None:
    with pytest.raises(UnsupportedFormat, match="JSON is not ninjs"):
        parse_copy(_bad("db11.json"), "application/ninjs+json")


def test_db12_far_future_nitf_parses_with_its_stated_2099_date() -> None:
    copy = parse_copy(_bad("db12.xml"), "application/xml")
    assert copy.published_at == datetime.fromisoformat("2099-03-04T15:45:00+05:30")


def test_db12_is_refused_by_the_date_check_as_far_future() -> None:
    copy = parse_copy(_bad("db12.xml"), "application/xml")
    with pytest.raises(ParseError) as refused:
        draft_article(copy, disclaimer="x", now=NOW, future_tolerance=timedelta(hours=36))
    assert "far future" in refused.value.detail


def test_malformed_json_is_refused_as_malformed() -> None:
    with pytest.raises(ParseError) as refused:
        parse_copy(raw("d028")[:-40], "application/json")
    assert refused.value.reason == "malformed-json"


def test_xml_with_no_wire_root_stays_unsupported() -> None:
    with pytest.raises(UnsupportedFormat):
        parse_copy(b'<?xml version="1.0"?><catalog><title>x</title></catalog>', "application/xml")


def test_a_feed_without_entries_is_refused_as_not_a_story() -> None:
    with pytest.raises(ParseError) as refused:
        parse_copy(b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "application/xml")
    assert refused.value.reason.startswith("not-a-story")


def test_entity_declarations_are_refused_unread() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b"<nitf><body><body.content><p>&b;</p></body.content></body></nitf>"
    )
    with pytest.raises(ParseError) as refused:
        parse_nitf(bomb)
    assert refused.value.reason == "unsafe-xml"


def test_newsml_message_with_only_a_picture_item_is_not_a_story() -> None:
    tt = sample("TT_newsmlg2_sample.xml")
    start, end = tt.index(b"<packageItem"), tt.index(b'<newsItem guid="http://tt.se/media/image')
    with pytest.raises(ParseError) as refused:
        parse_newsml_g2(tt[:start] + tt[end:])
    assert refused.value.reason == "not-a-story: picture"


def test_nitf_parser_refuses_a_newsml_document() -> None:
    with pytest.raises(ParseError) as refused:
        parse_nitf(raw("d032"))
    assert refused.value.reason == "wrong-format"


def test_ninjs_member_of_the_wrong_type_is_invalid_ninjs() -> None:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(b'{"uri": "urn:x", "headlines": "not an array"}')
    assert refused.value.reason == "invalid-ninjs"


def test_ninjs_member_of_the_wrong_type_is_named_with_the_schema_message() -> None:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(variant("d028", b'"urgency": 4', b'"urgency": "high"'))
    assert refused.value.reason == "invalid-ninjs"
    assert "at $.urgency: 'high' is not of type 'number'" in refused.value.detail
    assert "ninjs 2.2" in refused.value.detail  # the version d028 declares


def test_ninjs_without_body_text_is_refused_as_headline_without_body() -> None:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(b'{"uri": "urn:x", "headline": "Something happened"}')
    assert refused.value.reason == "no-body"


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_empty_input_is_refused_by_every_parser(fmt: str) -> None:
    with pytest.raises((ParseError, UnsupportedFormat)):
        PARSERS[fmt](b"")


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_oversized_input_is_refused_before_reading(fmt: str) -> None:
    with pytest.raises(ParseError) as refused:
        PARSERS[fmt](b" " * 1_000_001)
    assert refused.value.reason == "too-large"


def test_nul_characters_escaped_into_ninjs_text_are_refused() -> None:
    data = variant("d028", b"The UN weather agency", b"The UN\\u0000 weather agency")
    with pytest.raises(ParseError) as refused:
        parse_ninjs(data)
    assert refused.value.reason == "binary"


def test_a_version_in_other_digits_is_no_version() -> None:
    copy = parse_ninjs(variant("d028", b'"version": "1"', '"version": "²"'.encode()))
    assert copy.agency_version is None
