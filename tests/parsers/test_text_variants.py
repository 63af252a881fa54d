"""parse_text on invented copy in layouts the corpus lacks: the rules must hold beyond the labelled documents."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.text import parse_text

VARIANTS = Path(__file__).parent / "variants"


def parse(name: str) -> ParsedCopy:
    return parse_text((VARIANTS / name).read_bytes())


def test_byline_slash_time_line_and_story_continues_below_ad() -> None:
    copy = parse("toi-style-pti-page.txt")
    assert copy.byline == "PTI"
    assert copy.updated_at == datetime.fromisoformat("2024-11-29T18:42:00+05:30")
    assert copy.published_at is None  # the trending list's time belongs to another story
    assert len(copy.body) == 3 and copy.signoff == "PTI ABC XYZ"
    assert copy.category == "India News"


def test_a_short_follow_prompt_between_paragraphs_does_not_end_the_story() -> None:
    copy = parse("prompt-mid-story-page.txt")
    assert copy.body[-1].startswith("The India Meteorological Department")
    assert copy.signoff == "PTI SKS RBT"
    assert copy.updated_at == datetime.fromisoformat("2025-07-12T14:32:00+05:30")


def test_copy_without_a_headline_is_refused_saying_so() -> None:
    with pytest.raises(ParseError) as refused:
        parse("wire-without-headline.txt")
    assert refused.value.reason == "no-headline"
    assert "no headline" in refused.value.detail.lower()


def test_an_also_read_heading_takes_its_linked_title_with_it() -> None:
    copy = parse("also-read-heading-page.txt")
    assert not any("flood toll rises to 58" in p for p in copy.body)
    assert copy.signoff == "(ANI)" and copy.byline == "Rahul Bora"
    assert copy.published_at == datetime.fromisoformat("2024-07-06T11:20:00+05:30")


def test_hindi_page_with_hindi_time_words() -> None:
    copy = parse("hindi-bhasha-page.txt")
    assert (copy.language, copy.agency, copy.signoff) == ("hi", "PTI", "भाषा सुरेश नमिता")
    assert copy.updated_at == datetime.fromisoformat("2024-12-14T21:15:00+05:30")
    assert copy.category == "क्रिकेट"
    assert len(copy.body) == 2


def test_reuters_take_marker_and_editor_note_inside_the_story() -> None:
    copy = parse("reuters-update-take.txt")
    assert copy.headline == "Oil prices rise as Middle East tensions flare"
    assert "(Updates prices)" not in copy.body
    assert copy.signoff is not None and copy.signoff.startswith("(Reporting by Jane Doe")


def test_an_iframe_left_on_its_own_line_is_dropped_as_chrome() -> None:
    copy = parse("afp-with-iframe.txt")
    assert not any("iframe" in p for p in copy.body)
    assert copy.repairs == ["dropped page code: an iframe element on line 8"]


def test_markup_mentioned_inside_a_sentence_stays_literal() -> None:
    copy = parse("markup-mentioned-in-text.txt")
    assert '"<script>" tags' in copy.body[0]
    assert "<b>bold</b>" in copy.body[1]


def test_time_printed_before_its_date() -> None:
    copy = parse("time-before-date-page.txt")
    assert copy.updated_at == datetime.fromisoformat("2025-01-20T19:15:00+05:30")
    assert copy.byline == "Press Trust of India" and copy.category == "Nation"


def test_hard_wrapped_wire_paragraph_is_one_verbatim_paragraph() -> None:
    raw = (
        b"Fed holds rates steady\n\n"
        b"WASHINGTON, Dec 1 (Reuters) - The U.S. Federal Reserve on Wednesday\n"
        b"left interest rates unchanged, as officials weighed signs that inflation\n"
        b"was cooling against a labour market that remained strong.\n\n"
        b"The decision was unanimous, the central bank said in a statement.\n"
    )
    copy = parse_text(raw)
    assert len(copy.body) == 2
    assert copy.body[0].endswith("remained strong.") and copy.body[0] in raw.decode()


def test_ians_desk_codes_on_the_signoff_line() -> None:
    raw = b"Missile launch reported\n\nSeoul, Dec 2 (IANS) North Korea fired a missile on Monday.\n\n--IANS ksk/svn\n"
    copy = parse_text(raw)
    assert copy.signoff == "--IANS ksk/svn"


def test_a_site_date_bar_above_the_menus_is_not_the_story_time() -> None:
    copy = parse("date-bar-above-menus-page.txt")
    assert copy.headline == "Russia's defence chief leaves North Korea after talks with Kim"
    assert copy.published_at is None
    assert copy.updated_at == datetime.fromisoformat("2024-12-01T10:40:00+05:30")


def test_agency_credit_after_a_wire_byline_is_not_part_of_it() -> None:
    raw = "Quake hits Japan\n\nBy MARI YAMAGUCHI, Associated Press\n\nTOKYO (AP) — A strong quake struck on Monday.\n"
    assert parse_text(raw.encode()).byline == "MARI YAMAGUCHI"


def test_afp_desk_codes_with_bureau_hyphens_are_the_signoff() -> None:
    copy = parse("afp-hyphenated-desk-codes.txt")
    assert copy.signoff == "bur-gkg/sbk"
    assert copy.body[-1].startswith("Rescue teams evacuated")
    assert copy.agency == "AFP"
