"""Validate a ninjs document against IPTC's own JSON Schema for its version, offline.

The schemas in `ninjs_schemas/` are unchanged copies of IPTC's (see the README there). The version is the
one the document declares (`standard` in 2.x/3.x, `$standard` in 1.x: its schema URI, else its version),
else the one its member names show: camelCase (`firstCreated`, `pubStatus`) is 3.x, arrays of objects
(`headlines`, `bodies`) are 2.x, flat members (`headline`, `body_html`) are 1.x. A declared version we hold
no schema for (2.0, 1.3) is checked against the latest schema of its major version, which only adds members.

`places[].geoJSON` in 2.x/3.x refers to the GeoJSON schema by its web address; it is registered locally, so
nothing is ever fetched.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jsonschema import FormatChecker  # type: ignore[import-untyped]
from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from referencing import Registry, Resource

from app.errors import ParseError

_SCHEMAS = files("app.parsers").joinpath("ninjs_schemas")
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
# The schema versions held, and the latest of each major version.
SCHEMA_VERSIONS = ("1.5", "1.6", "2.1", "2.2", "3.0", "3.1")
_LATEST = {"1": "1.6", "2": "2.2", "3": "3.1"}
_SCHEMA_FILE = re.compile(r"ninjs-schema_(?P<version>\d+\.\d+)\.json")
_DECLARED_VERSION = re.compile(r"^\s*(?P<major>\d+)(?:\.(?P<minor>\d+))?")
# A member name only 3.x spells this way: "firstCreated", "contentType".
_CAMEL_CASE = re.compile(r"[a-z][A-Z]")
# Members that are arrays of objects from 2.x on, and the flat 1.x members they replaced.
_ARRAY_MEMBERS = frozenset({"headlines", "bodies", "descriptions", "subjects", "places", "genres", "by"})
_FLAT_MEMBER = re.compile(r"^(?:headline|byline|body_\w+|description_\w+|headline_\w+)$")
# RFC 3339 date-time, the schemas' `format: date-time`: a date, "T", a time and an offset.
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$", re.ASCII)
# RFC 3986 absolute URI, the schemas' `format: uri`: a scheme, ":", and no spaces or control characters.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]*$")
_MESSAGE_CHARS = 200


def validate_ninjs(document: dict[str, Any], label: str) -> None:
    """Raise ParseError(reason="invalid-ninjs") naming the first schema error's path and message."""
    version = schema_version(document)
    errors = list(_validator(version).iter_errors(document))
    if not errors:
        return
    first = min(errors, key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])
    message = str(first.message)
    if len(message) > _MESSAGE_CHARS:
        message = message[: _MESSAGE_CHARS - 1] + "…"
    raise ParseError(
        f"Not valid {label} {version} (IPTC's JSON Schema): at {first.json_path}: {message}.",
        reason="invalid-ninjs",
    )


def schema_version(document: dict[str, Any]) -> str:
    """The schema version to check `document` against: declared, else deduced from its member names."""
    standard = document.get("standard", document.get("$standard"))
    if isinstance(standard, dict):
        schema = standard.get("schema")
        named = _SCHEMA_FILE.search(schema) if isinstance(schema, str) else None
        if named is not None and named.group("version") in SCHEMA_VERSIONS:
            return named.group("version")
        declared = standard.get("version")
        match = _DECLARED_VERSION.match(declared) if isinstance(declared, str) else None
        if match is not None:
            exact = f"{match.group('major')}.{match.group('minor')}"
            if exact in SCHEMA_VERSIONS:
                return exact
            if match.group("major") in _LATEST:
                return _LATEST[match.group("major")]
    return _deduced_version(document)


def _deduced_version(document: dict[str, Any]) -> str:
    if any(_CAMEL_CASE.search(key) for key in _keys(document)):
        return _LATEST["3"]  # 2.x and 1.x spell every member in lower case
    if not _ARRAY_MEMBERS.intersection(document) and any(_FLAT_MEMBER.match(key) for key in document):
        return _LATEST["1"]
    return _LATEST["2"]


def _keys(value: object) -> list[str]:
    """Every member name in the JSON value, nested ones too."""
    if isinstance(value, dict):
        return [k for key, v in value.items() for k in (str(key), *_keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


@lru_cache(maxsize=len(SCHEMA_VERSIONS))
def _validator(version: str) -> Any:
    schema = _load(f"ninjs-schema_{version}.json")
    validator_class = validator_for(schema)  # schemas are IPTC's, checked against their metaschemas by a test
    return validator_class(schema, registry=_registry(), format_checker=_format_checker())


@lru_cache(maxsize=1)
def _registry() -> Registry[Any]:
    geojson: Resource[Any] = Resource.from_contents(_load("GeoJSON-schema.json"))
    registry: Registry[Any] = Registry().with_resource(GEOJSON_URI, geojson)
    return registry


def _format_checker() -> Any:
    """jsonschema's own checks, plus date-time and uri, which it only checks with optional packages installed."""
    checker = FormatChecker()
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(_is_uri)
    return checker


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # `format` applies to strings only; `type` speaks for the rest
    if _RFC3339.match(value) is None:
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False  # a month 13 or a 25th hour
    return True


def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or _URI.match(value) is not None


def _load(name: str) -> Any:
    return json.loads(_SCHEMAS.joinpath(name).read_text(encoding="utf-8"))
