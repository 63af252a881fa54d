"""Kills, holds and embargoes are not published: each format's status field refuses the copy, saying why.

For now a kill is a refusal with reason "not-publishable" (a later issue turns kills into withdrawals of
the stored article); embargoed copy is refused with reason "embargoed" and the embargo time in the detail.
ninjs already reads both into the copy (`pubstatus`, `embargoed`) for the intake to act on.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.errors import ParseError
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from tests.intake.ninjs_copy import ninjs_kill, ninjs_story
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


# ninjs: the status is read into the copy (the intake withdraws the story it names, or holds it until its embargo).
@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_ninjs_pubstatus_kill_or_hold_is_read_as_the_copys_pubstatus(status: str) -> None:
    data = variant("d028", b'"pubstatus": "usable"', f'"pubstatus": "{status}"'.encode())
    copy = parse_ninjs(data)
    assert copy.pubstatus == status
    assert copy.agency_ref


def test_ninjs_embargo_is_read_as_the_embargo_instant() -> None:
    data = variant("d028", b'"pubstatus": "usable",', b'"pubstatus": "usable", "embargoed": "2025-01-10T12:00:00Z",')
    assert parse_ninjs(data).embargoed == datetime(2025, 1, 10, 12, 0, tzinfo=UTC)


def test_ninjs_3x_embargoed_until_is_read_as_the_embargo_instant() -> None:
    until = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)
    assert parse_ninjs(ninjs_story(spelling="3", embargoed=until)).embargoed == until


def test_ninjs_embargo_that_cannot_be_read_is_refused_as_embargoed() -> None:
    data = variant("d028", b'"pubstatus": "usable",', b'"pubstatus": "usable", "embargoed": "next Tuesday",')
    assert _refusal(parse_ninjs, data).reason == "embargoed"


def test_ninjs_3x_camel_case_pub_status_is_read() -> None:
    assert parse_ninjs(ninjs_kill(spelling="3")).pubstatus == "canceled"


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
