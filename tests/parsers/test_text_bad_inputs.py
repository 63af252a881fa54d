"""parse_text on the corpus's bad text inputs: refused with a specific detail, or accepted with repairs."""

from __future__ import annotations

import pytest

from app.errors import ParseError
from app.parsers.text import parse_text
from tests.parsers.corpus import CorpusItem, text_bad_inputs

BAD = text_bad_inputs()
REJECTED = [item for item in BAD if item.gold["expect"] == "reject"]
ACCEPTED = [item for item in BAD if item.gold["expect"] == "accept"]
# The reason each refusal carries, so the service and operators can group them.
EXPECTED_REASON = {
    "db01": "empty",
    "db02": "no-body",
    "db03": "binary",
    "db06": "binary",
    "db07": "too-large",
    "db09": "empty",
}
# The words of the gold `expect_error` phrase a clear detail must contain.
EXPECTED_GIST = {
    "db01": ["empty body"],
    "db02": ["headline without body"],
    "db03": ["binary content, not text"],
    "db06": ["nul bytes in input"],
    "db07": ["document too large"],
    "db09": ["empty body", "whitespace only"],
}


def test_every_text_bad_input_is_covered() -> None:
    assert sorted(i.id for i in BAD) == ["db01", "db02", "db03", "db04", "db05", "db06", "db07", "db09", "db10"]


@pytest.mark.parametrize("item", REJECTED, ids=[i.id for i in REJECTED])
def test_bad_input_is_refused_with_its_reason(item: CorpusItem) -> None:
    with pytest.raises(ParseError) as refused:
        parse_text(item.raw())
    assert refused.value.reason == EXPECTED_REASON[item.id]


@pytest.mark.parametrize("item", REJECTED, ids=[i.id for i in REJECTED])
def test_refusal_detail_says_what_is_wrong(item: CorpusItem) -> None:
    with pytest.raises(ParseError) as refused:
        parse_text(item.raw())
    detail = refused.value.detail.lower()
    for gist in EXPECTED_GIST[item.id]:
        assert gist in detail
    assert detail.endswith(".")


def test_mojibake_is_repaired_and_recorded() -> None:
    item = next(i for i in ACCEPTED if i.id == "db04")
    copy = parse_text(item.raw())
    assert copy.repairs == ["repaired mojibake (UTF-8 read as Windows-1252)"]
    assert copy.headline.startswith("Russia’s defence chief")
    assert "â€" not in "".join(copy.body)
    assert "— his first as minister —" in copy.body[0]
    assert copy.signoff == "--IANS\nksk/svn"


def test_a_script_block_left_by_the_scrape_is_dropped_as_chrome_and_recorded() -> None:
    item = next(i for i in ACCEPTED if i.id == "db05")
    copy = parse_text(item.raw())
    assert copy.repairs == ["dropped page code: a script element on line 7"]
    assert len(copy.body) == 2 and not any("script" in p or "cookie" in p for p in copy.body)
    assert copy.signoff == "--IANS\ntsb/dan"


def test_windows_1252_copy_is_decoded_and_recorded() -> None:
    item = next(i for i in ACCEPTED if i.id == "db10")
    copy = parse_text(item.raw())
    assert copy.repairs == ["decoded as windows-1252"]
    assert copy.headline == "Kolkata heritage walks app launched; covers 40 sites in north Kolkata"
    assert copy.dateline is not None and copy.dateline.text == "Kolkata, Feb 10 (IANS)"
    assert "“heritage walks”" in copy.body[0] and "Kolkata’s" in copy.body[0] and " – " in copy.body[0]
    assert "café" in copy.body[3]
    assert copy.signoff == "--IANS\nsb/rs"
    assert not any("\ufffd" in p or any("\x80" <= c <= "\x9f" for c in p) for p in copy.body)
