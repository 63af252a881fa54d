"""Kills, holds and embargoes are read, never refused: each format's status field becomes `pubstatus`
(canceled / withheld) or `embargoed` (the release instant) on the ParsedCopy, and the intake acts on them
(withdraws the story by its agency id, or holds the text until its release)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from tests.parsers.structured.corpus import variant

VARIANTS = Path(__file__).parent / "variants"


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_nitf_management_status_kill_or_hold_is_the_pubstatus(status: str) -> None:
    data = variant("d010", b'management-status="usable"', f'management-status="{status}"'.encode())
    assert parse_nitf(data).pubstatus == status


def test_nitf_embargoed_copy_carries_its_release_time() -> None:
    data = variant(
        "d010",
        b'<docdata management-status="usable">',
        b'<docdata management-status="embargoed"><date.release norm="20241125T180000+0000"/>',
    )
    copy = parse_nitf(data)
    assert (copy.pubstatus, copy.embargoed) == ("usable", datetime(2024, 11, 25, 18, 0, tzinfo=UTC))


@pytest.mark.parametrize(("qcode", "status"), [("stat:canceled", "canceled"), ("stat:withheld", "withheld")])
def test_newsml_g2_pub_status_kill_or_hold_is_the_pubstatus(qcode: str, status: str) -> None:
    data = variant("d032", b'<pubStatus qcode="stat:usable"/>', f'<pubStatus qcode="{qcode}"/>'.encode())
    assert parse_newsml_g2(data).pubstatus == status


def test_newsml_g2_embargoed_item_carries_its_embargo_time() -> None:
    data = variant(
        "d032",
        b'<pubStatus qcode="stat:usable"/>',
        b'<pubStatus qcode="stat:usable"/><embargoed>2024-09-18T14:00:00Z</embargoed>',
    )
    assert parse_newsml_g2(data).embargoed == datetime(2024, 9, 18, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_ninjs_pubstatus_kill_or_hold_is_the_pubstatus(status: str) -> None:
    data = variant("d028", b'"pubstatus": "usable"', f'"pubstatus": "{status}"'.encode())
    assert parse_ninjs(data).pubstatus == status


def test_ninjs_2x_embargo_is_read() -> None:
    data = variant("d028", b'"pubstatus": "usable",', b'"pubstatus": "usable", "embargoed": "2025-01-10T12:00:00Z",')
    assert parse_ninjs(data).embargoed == datetime(2025, 1, 10, 12, 0, tzinfo=UTC)


def test_ninjs_3x_embargoed_until_is_read() -> None:
    release = b'"pubStatus": "usable", "embargoedUntil": "2025-04-13T08:00:00Z",'
    data = _camel().replace(b'"pubStatus": "usable",', release)
    assert parse_ninjs(data).embargoed == datetime(2025, 4, 13, 8, 0, tzinfo=UTC)


def test_ninjs_3x_camel_case_pub_status_is_read() -> None:
    data = _camel().replace(b'"pubStatus": "usable"', b'"pubStatus": "canceled"')
    assert parse_ninjs(data).pubstatus == "canceled"


def test_a_ninjs_kill_outside_the_schema_is_still_honoured() -> None:
    data = variant("d028", b'"pubstatus": "usable"', b'"pubStatus": "canceled"')
    assert parse_ninjs(data).pubstatus == "canceled"


def _camel() -> bytes:
    return (VARIANTS / "ninjs-3x-camel.json").read_bytes()


def test_iptc7901_kill_notice_on_the_keyword_line_cancels() -> None:
    data = variant("d007", b"India-weather-flood\r\n", b"KILL India-weather-flood\r\n")
    assert parse_iptc7901(data).pubstatus == "canceled"


def test_anpa1312_kill_notice_in_an_eds_note_cancels() -> None:
    data = variant(
        "d020", b"^Eds: UPDATES with summit closing", b"^Eds: KILL: story withdrawn. UPDATES with summit closing"
    )
    assert parse_anpa1312(data).pubstatus == "canceled"


def test_anpa1312_embargo_note_holds_the_copy_with_a_doubt_quoting_the_note() -> None:
    data = variant(
        "d020", b"^Eds: UPDATES with summit closing", b"^Eds: EMBARGOED until 2300 GMT. UPDATES with summit closing"
    )
    doubts = parse_anpa1312(data).doubts
    assert any(d.startswith("embargo-unread") and "EMBARGOED until 2300 GMT" in d for d in doubts)
