"""Invented layouts the corpus lacks, one file each under variants/: what each structured parser does with them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.parsers.base import ParsedCopy
from app.parsers.sniff import detect_format, parse_copy

VARIANTS = Path(__file__).parent / "variants"


def parse(name: str) -> ParsedCopy:
    return parse_copy((VARIANTS / name).read_bytes())


def test_nitf_time_without_offset_takes_the_agency_zone() -> None:
    copy = parse("pti-nitf-no-offset.xml")
    assert copy.published_at == datetime.fromisoformat("2025-05-20T14:30:00+05:30")
    assert copy.repairs == []


def test_nitf_crossheads_and_subheadlines_are_not_paragraphs() -> None:
    copy = parse("pti-nitf-no-offset.xml")
    assert copy.headline == "Monsoon to hit Kerala by June 1, says IMD"
    assert "Normal rainfall" not in copy.body and len(copy.body) == 2


def test_nitf_hard_wrapped_paragraph_is_kept_as_one_verbatim_span() -> None:
    assert parse("pti-nitf-no-offset.xml").body[0].endswith("Meteorological\nDepartment said on Tuesday.")


def test_nitf_agency_signoff_closing_the_paragraphs_is_the_signoff() -> None:
    copy = parse("pti-nitf-no-offset.xml")
    assert (copy.signoff, copy.agency_ref, copy.agency_version) == ("PTI ABC DEF", "PTI-DEL-20250520-0230", 3)


def test_newsml_carrying_nitf_is_newsml_read_through_its_nitf_body() -> None:
    data = (VARIANTS / "g2-carrying-nitf.xml").read_bytes()
    assert detect_format(data, "application/xml") == "newsml-g2"
    copy = parse("g2-carrying-nitf.xml")
    assert copy.source_format == "newsml-g2" and copy.agency == "Reuters"
    assert copy.body[0].startswith("LONDON, Feb 10 (Reuters) - Gold prices")
    assert copy.signoff == "(Reporting by Ann Lee; Editing by Tom Hogue)"


def test_newsml_inline_plain_text_splits_at_blank_lines_with_ians_signoff() -> None:
    copy = parse("g2-inline-data-plain.xml")
    assert len(copy.body) == 2 and copy.signoff == "--IANS\nab/cd"
    assert copy.updated_at == datetime.fromisoformat("2025-01-05T16:40:00+05:30")


def test_ninjs_1x_flat_members_are_read() -> None:
    copy = parse("ninjs-1x-flat.json")
    assert copy.headline == "Rupee rises 12 paise against US dollar"
    assert (copy.byline, copy.summary, copy.signoff) == (
        "Press Trust of India",
        "Rupee gains in early trade",
        "PTI SP MR",
    )
    assert copy.agency == "PTI" and copy.agency_version == 4


def test_ninjs_3x_camel_case_members_are_read() -> None:
    copy = parse("ninjs-3x-camel.json")
    assert copy.published_at == datetime.fromisoformat("2025-04-12T06:00:00+00:00")
    assert copy.updated_at == datetime.fromisoformat("2025-04-12T07:30:00+00:00")
    assert copy.signoff == "bur-ol/phz" and copy.agency == "AFP"


def test_iptc7901_paragraphs_separated_by_blank_lines() -> None:
    copy = parse("dpa-7901-blank-lines.txt")
    assert copy.headline == "Talks to resume next week, minister says"
    assert len(copy.body) == 2 and copy.body[0].endswith("said on\nMonday.")


def test_iptc7901_agency_outside_the_table_keeps_its_own_name_tag_and_signoff() -> None:
    copy = parse("dpa-7901-blank-lines.txt")
    assert copy.agency == "dpa" and copy.signoff == "dpa xx yy"
    assert copy.dateline is not None and copy.dateline.text == "Kyiv (dpa) -"


def test_anpa_double_hyphen_dateline_and_byline_agency_credit() -> None:
    copy = parse("ap-anpa-double-hyphen.txt")
    assert copy.dateline is not None and copy.dateline.text == "HOUSTON (AP) --"
    assert copy.byline == "JANE DOE"
    assert copy.published_at == datetime.fromisoformat("2025-06-03T14:02:00+00:00")


def test_anpa_paragraph_running_onto_an_unindented_line_is_one_paragraph() -> None:
    copy = parse("ap-anpa-double-hyphen.txt")
    assert len(copy.body) == 2 and copy.body[0].endswith("Texas\non Tuesday, utility officials said.")
