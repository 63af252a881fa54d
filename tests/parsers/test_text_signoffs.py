"""Agency profiles and sign-off rules: each agency's sign-off is cut from the body and names the agency."""

from __future__ import annotations

import pytest

from app.parsers.text.agencies import agency_for_name, agency_for_tag
from app.parsers.text.body import GLUED_TAG, match_signoff


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("--IANS", "ians-signoff"),
        ("--आईएएनएस", "ians-signoff"),
        ("PTI AR KHS", "pti-signoff"),
        ("PTI SKV RC RC", "pti-signoff"),
        ("भाषा अजय रमण", "pti-signoff"),
        ("UNI SB RN 1540", "uni-signoff"),
        ("(ANI)", "bracketed-tag"),
        ("(ANI/Xinhua)", "bracketed-tag"),
        ("(Reporting by Min-ji Park; Editing by Tom Hogue)", "reporting-credit"),
        ("(Additional reporting by Meera Iyer in Mumbai; Editing by Martin Hale)", "reporting-credit"),
        ("cm/mel/dw", "desk-initials"),
        ("bur-gkg/sbk", "desk-initials"),
        ("(©NTB)", "copyright-credit"),
        ("(© dpa)", "copyright-credit"),
        ("(c) AFP", "copyright-credit"),
        ("___", "rule-and-credits"),
    ],
)
def test_signoff_line_is_recognised(line: str, rule: str) -> None:
    found = match_signoff(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize(
    "line",
    [
        "($1 = 86.5950 Indian rupees)",
        "PTI said the talks were over.",
        "वार्ता जारी है।",
        "The matter will be heard next on August 19.",
        "© 2024 Bennett, Coleman & Co. Ltd. All rights reserved.",  # a site's footer, not a credit
        "(c) 2025 Times Internet",
    ],
)
def test_story_lines_are_not_signoffs(line: str) -> None:
    assert match_signoff(line) is None


def test_agency_tag_glued_to_the_last_paragraph_is_found() -> None:
    match = GLUED_TAG.search("The IMD has forecast heavy rain over the next two days. (ANI)")
    assert match is not None and match.group("tag") == "ANI"


@pytest.mark.parametrize(
    ("tag", "agency"),
    [
        ("PTI", "PTI"),
        ("भाषा", "PTI"),
        ("IANSlife", "IANS"),
        ("आईएएनएस", "IANS"),
        ("ANI/Xinhua", "ANI"),
        ("Reuters", "Reuters"),
    ],
)
def test_dateline_tags_map_to_canonical_agencies(tag: str, agency: str) -> None:
    found = agency_for_tag(tag)
    assert found is not None and found.name == agency


@pytest.mark.parametrize(
    ("name", "agency"), [("Press Trust of India", "PTI"), ("Associated Press", "AP"), ("IANS", "IANS")]
)
def test_byline_names_map_to_canonical_agencies(name: str, agency: str) -> None:
    found = agency_for_name(name)
    assert found is not None and found.name == agency
