"""Kills, holds and embargoes are not published: each format's status field refuses the copy, saying why.

For now a kill is a refusal with reason "not-publishable" (a later issue turns kills into withdrawals of
the stored article); embargoed copy is refused with reason "embargoed" and the embargo time in the detail.
"""

from __future__ import annotations

import pytest

from app.errors import ParseError
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from tests.parsers.structured.corpus import variant


def _refusal(parse: object, data: bytes) -> ParseError:
    with pytest.raises(ParseError) as refused:
        parse(data)  # type: ignore[operator]
    return refused.value


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_nitf_management_status_kill_or_hold_is_not_publishable(status: str) -> None:
    data = variant("d010", b'management-status="usable"', f'management-status="{status}"'.encode())
    refused = _refusal(parse_nitf, data)
    assert refused.reason == "not-publishable"
    assert f"management-status is '{status}'" in refused.detail


def test_nitf_embargoed_copy_states_its_release_time() -> None:
    data = variant(
        "d010",
        b'<docdata management-status="usable">',
        b'<docdata management-status="embargoed"><date.release norm="20241125T180000+0000"/>',
    )
    refused = _refusal(parse_nitf, data)
    assert refused.reason == "embargoed"
    assert "embargoed until 20241125T180000+0000" in refused.detail


@pytest.mark.parametrize("status", ["stat:canceled", "stat:withheld"])
def test_newsml_g2_pub_status_kill_or_hold_is_not_publishable(status: str) -> None:
    data = variant("d032", b'<pubStatus qcode="stat:usable"/>', f'<pubStatus qcode="{status}"/>'.encode())
    refused = _refusal(parse_newsml_g2, data)
    assert refused.reason == "not-publishable"
    assert f"pubStatus is '{status}'" in refused.detail


def test_newsml_g2_embargoed_item_states_its_embargo_time() -> None:
    data = variant(
        "d032",
        b'<pubStatus qcode="stat:usable"/>',
        b'<pubStatus qcode="stat:usable"/><embargoed>2024-09-18T14:00:00Z</embargoed>',
    )
    refused = _refusal(parse_newsml_g2, data)
    assert refused.reason == "embargoed"
    assert "embargoed until 2024-09-18T14:00:00Z" in refused.detail


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_ninjs_pubstatus_kill_or_hold_is_not_publishable(status: str) -> None:
    data = variant("d028", b'"pubstatus": "usable"', f'"pubstatus": "{status}"'.encode())
    refused = _refusal(parse_ninjs, data)
    assert refused.reason == "not-publishable"
    assert f"pubstatus is '{status}'" in refused.detail


@pytest.mark.parametrize("member", [b'"embargoed"', b'"embargoedUntil"'])
def test_ninjs_embargo_in_2x_or_3x_spelling_states_its_time(member: bytes) -> None:
    data = variant(
        "d028", b'"pubstatus": "usable",', b'"pubstatus": "usable", ' + member + b': "2025-01-10T12:00:00Z",'
    )
    refused = _refusal(parse_ninjs, data)
    assert refused.reason == "embargoed"
    assert "embargoed until 2025-01-10T12:00:00Z" in refused.detail


def test_ninjs_3x_camel_case_pub_status_is_read() -> None:
    data = variant("d028", b'"pubstatus": "usable"', b'"pubStatus": "canceled"')
    assert _refusal(parse_ninjs, data).reason == "not-publishable"


def test_iptc7901_kill_notice_on_the_keyword_line_is_not_publishable() -> None:
    data = variant("d007", b"India-weather-flood\r\n", b"KILL India-weather-flood\r\n")
    refused = _refusal(parse_iptc7901, data)
    assert refused.reason == "not-publishable"
    assert "KILL India-weather-flood" in refused.detail


def test_anpa1312_kill_notice_in_an_eds_note_is_not_publishable() -> None:
    data = variant(
        "d020", b"^Eds: UPDATES with summit closing", b"^Eds: KILL: story withdrawn. UPDATES with summit closing"
    )
    assert _refusal(parse_anpa1312, data).reason == "not-publishable"


def test_anpa1312_embargo_note_is_refused_as_embargoed_quoting_the_note() -> None:
    data = variant(
        "d020", b"^Eds: UPDATES with summit closing", b"^Eds: EMBARGOED until 2300 GMT. UPDATES with summit closing"
    )
    refused = _refusal(parse_anpa1312, data)
    assert refused.reason == "embargoed"
    assert "EMBARGOED until 2300 GMT" in refused.detail
