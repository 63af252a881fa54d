"""ninjs is checked against IPTC's JSON Schema of its declared, else deduced, version, with nothing fetched."""

from __future__ import annotations

import json
import socket
from importlib.resources import files

import pytest
from jsonschema.validators import validator_for

from app.errors import ParseError
from app.parsers.ninjs import parse_ninjs
from app.parsers.ninjs_validation import SCHEMA_VERSIONS, schema_version
from tests.parsers.structured.corpus import raw, variant


def _refusal(data: bytes) -> ParseError:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(data)
    assert refused.value.reason == "invalid-ninjs"
    return refused.value


@pytest.mark.parametrize(("doc_id", "version"), [("d023", "2.1"), ("d028", "2.2"), ("d042", "2.2")])
def test_corpus_ninjs_is_checked_against_the_schema_it_declares(doc_id: str, version: str) -> None:
    assert schema_version(json.loads(raw(doc_id))) == version
    parse_ninjs(raw(doc_id))


def test_a_declared_version_without_a_schema_of_its_own_takes_its_major_versions_latest() -> None:
    # d042 declares 2.0, whose schema IPTC no longer publishes; 2.2 only adds members to it.
    assert json.loads(raw("d042"))["standard"]["version"] == "2.0"
    assert schema_version({"uri": "urn:x", "$standard": {"version": "1.3"}}) == "1.6"


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"uri": "urn:x", "headline": "H", "body_html": "<p>B</p>"}, "1.6"),
        ({"uri": "urn:x", "headlines": [{"value": "H"}]}, "2.2"),
        ({"uri": "urn:x", "firstCreated": "2025-01-01T00:00:00Z"}, "3.1"),
        ({"uri": "urn:x", "bodies": [{"contentType": "text/plain", "value": "B"}]}, "3.1"),
    ],
)
def test_an_undeclared_version_is_deduced_from_the_member_names(document: dict[str, object], version: str) -> None:
    assert schema_version(document) == version


def test_a_member_the_declared_version_does_not_have_is_refused() -> None:
    refused = _refusal(
        variant("d028", b'"profile": "text",', b'"profile": "text", "firstCreated": "2025-01-10T09:02:00Z",')
    )
    assert "at $: Unevaluated properties are not allowed ('firstCreated' was unexpected)" in refused.detail


def test_a_time_without_its_offset_is_not_an_rfc3339_date_time() -> None:
    refused = _refusal(
        variant("d028", b'"firstcreated": "2025-01-10T09:02:00Z"', b'"firstcreated": "2025-01-10T09:02:00"')
    )
    assert "at $.firstcreated: '2025-01-10T09:02:00' is not a 'date-time'" in refused.detail


def test_a_uri_with_spaces_is_not_a_uri() -> None:
    refused = _refusal(variant("d028", b'"http://cv.iptc.org/newscodes/mediatopic/17000000"', b'"not a uri"'))
    assert "at $.subjects[1].uri: 'not a uri' is not a 'uri'" in refused.detail


def test_geojson_places_are_checked_against_the_local_geojson_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the GeoJSON schema must not be fetched")

    monkeypatch.setattr(socket, "create_connection", no_network)
    point = b'{"name": "Switzerland", "geojson": {"type": "Point", "coordinates": [7.4, 46.9]}}'
    assert parse_ninjs(variant("d028", b'{\n      "name": "Switzerland"\n    }', point)).body
    not_a_point = b'{"name": "Switzerland", "geojson": {"type": "Point", "coordinates": "Bern"}}'
    refused = _refusal(variant("d028", b'{\n      "name": "Switzerland"\n    }', not_a_point))
    assert "$.places[0].geojson" in refused.detail


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
def test_each_bundled_schema_is_valid_against_its_metaschema(version: str) -> None:
    schema = json.loads(files("app.parsers").joinpath(f"ninjs_schemas/ninjs-schema_{version}.json").read_text())
    validator_for(schema).check_schema(schema)
