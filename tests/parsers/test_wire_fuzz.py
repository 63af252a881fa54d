"""Hypothesis fuzzes every wire parser: arbitrary bytes, and the invented fixtures of every format with bytes
spliced in, cut short or cut out. A parser answers with a valid ParsedCopy (or a list of them), or raises
ParseError / UnsupportedFormat: never any other exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ParseError, UnsupportedFormat
from app.parsers.base import ParsedCopy
from app.parsers.sniff import ITEM_PARSERS, PARSERS, parse_copy, parse_items

FIXTURES = sorted((Path(__file__).parent / "wire_fixtures").iterdir())
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WIRE = {name: parse for name, parse in PARSERS.items() if name != "text"}
CONTENT_TYPES = st.sampled_from(
    ["", "text/plain", "application/xml", "application/json", "application/octet-stream", "message/rfc822"]
)


def _check(call: Callable[[], object]) -> None:
    try:
        result = call()
    except (ParseError, UnsupportedFormat) as exc:
        assert exc.detail
        return
    copies = result if isinstance(result, list) else [result]
    for copy in copies:
        assert isinstance(copy, ParsedCopy)
        assert all(p.strip() for p in copy.body)
        assert copy.body or copy.pubstatus != "usable"


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(FIXTURES)).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["splice", "cut", "truncate"]))
        if action == "splice":
            data = data[:at] + draw(st.binary(max_size=12)) + data[at:]
        elif action == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        else:
            data = data[:at]
    return data


@pytest.mark.parametrize("name", sorted(WIRE))
@SETTINGS
@given(data=st.binary(max_size=600))
def test_every_wire_parser_on_arbitrary_bytes(name: str, data: bytes) -> None:
    _check(lambda: WIRE[name](data))


@pytest.mark.parametrize("name", sorted(WIRE))
@SETTINGS
@given(data=mutated())
def test_every_wire_parser_on_mutated_documents(name: str, data: bytes) -> None:
    _check(lambda: WIRE[name](data))


@pytest.mark.parametrize("name", sorted(ITEM_PARSERS))
@SETTINGS
@given(data=mutated())
def test_every_multi_item_parser_on_mutated_documents(name: str, data: bytes) -> None:
    _check(lambda: ITEM_PARSERS[name](data))


@SETTINGS
@given(data=mutated(), content_type=CONTENT_TYPES)
def test_the_registry_on_mutated_documents_under_any_media_type(data: bytes, content_type: str) -> None:
    _check(lambda: parse_copy(data, content_type))
    _check(lambda: parse_items(data, content_type))
