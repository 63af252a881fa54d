"""The two real public samples (NTB NITF 3.6, TT NewsML-G2 newsMessage) parse to a sensible article.

No gold is given for them; these tests state what a reader of the files would expect.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache

from app.parsers.base import ParsedCopy
from app.parsers.sniff import detect_format, parse_copy
from tests.parsers.structured.corpus import sample

NTB = "NTB_nitf_sample.xml"
TT = "TT_newsmlg2_sample.xml"


@cache
def parsed(name: str) -> ParsedCopy:
    return parse_copy(sample(name), "application/xml")


def test_samples_are_detected_as_their_formats() -> None:
    assert detect_format(sample(NTB), "application/xml") == "nitf"
    assert detect_format(sample(TT), "application/xml") == "newsml-g2"


def test_ntb_headline_is_hl1() -> None:
    assert parsed(NTB).headline == "Pandemien herjer på den legeløse indiske landsbygda"


def test_ntb_body_starts_with_the_lead_and_ends_before_the_credit() -> None:
    body = parsed(NTB).body
    assert body[0].startswith("Koronapandemien herjer også i landsbyer")
    assert body[-1].startswith("Derfor regner man med") and parsed(NTB).signoff is not None
    assert parsed(NTB).signoff.startswith("(©NTB)")  # type: ignore[union-attr]


def test_ntb_crossheads_and_photo_caption_are_not_paragraphs() -> None:
    body = parsed(NTB).body
    assert "- Det skjulte India" not in body
    assert not any("Foto: Amit Sharma" in p for p in body)
    assert len(body) == 17


def test_ntb_character_references_become_characters() -> None:
    assert parsed(NTB).body[1].startswith("– Det er så mye fattigdom")


def test_ntb_time_without_offset_is_read_in_oslo_time_and_says_so() -> None:
    copy = parsed(NTB)
    assert copy.published_at == datetime(2021, 5, 16, 7, 0, 4, tzinfo=UTC_OFFSET)  # 09:00:04 CEST
    assert copy.repairs == ["time without offset read in the agency's home zone (Europe/Oslo)"]


UTC_OFFSET = timezone(timedelta(0))


def test_ntb_identity_language_and_dateline() -> None:
    copy = parsed(NTB)
    assert (copy.agency, copy.agency_ref, copy.agency_version) == (
        "NTB",
        "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00",
        1,
    )
    assert copy.language == "nb"
    assert copy.dateline is not None and copy.dateline.place == "Unnao"


def test_tt_reads_the_text_item_not_the_package_or_picture() -> None:
    copy = parsed(TT)
    assert copy.headline == 'Jan Guillou skriver på ny "Hamilton"-bok'
    assert copy.agency_ref == "http://tt.se/media/text/210919-janguillou-879f202b"


def test_tt_body_reads_through_inline_links_and_skips_the_figure() -> None:
    body = parsed(TT).body
    assert body[0].endswith("skriver Aftonbladet.")
    assert len(body) == 5
    assert not any("Arkivbild" in p or "Naina Helén Jåma" in p for p in body)


def test_tt_h1_headline_is_not_repeated_in_the_body() -> None:
    assert parsed(TT).headline not in parsed(TT).body


def test_tt_times_keep_their_offset() -> None:
    copy = parsed(TT)
    assert copy.published_at == datetime.fromisoformat("2021-09-19T20:57:43+02:00")
    assert copy.published_at is not None and copy.published_at.utcoffset() == timedelta(hours=2)
    assert copy.updated_at is None


def test_tt_agency_and_language() -> None:
    assert (parsed(TT).agency, parsed(TT).language) == ("TT", "sv")
