"""parse_text on every document of the second unseen corpus (tests/parsers/unseen2), one test per gold field.

Like tests/parsers/unseen, it imitates sites and wire variants that neither the development corpus nor the first
unseen corpus has; each batch was labelled by hand and committed before the normaliser was first run on it.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from app.parsers.base import ParsedCopy
from app.parsers.text import parse_text
from tests.parsers.corpus import CorpusItem, text_docs

UNSEEN_DIR = Path(__file__).resolve().parent / "unseen2"
DOCS = text_docs(UNSEEN_DIR)
IDS = [doc.id for doc in DOCS]


@cache
def parsed(doc_id: str) -> ParsedCopy:
    doc = next(d for d in DOCS if d.id == doc_id)
    return parse_text(doc.raw())


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def test_unseen_corpus_has_page_and_wire_documents() -> None:
    formats = [doc.gold["format"] for doc in DOCS]
    assert len(DOCS) == 123
    assert formats.count("page-text") == 80 and formats.count("wire-text") == 43


def test_unseen_corpus_covers_every_agency() -> None:
    assert {doc.gold["agency"] for doc in DOCS} == {"PTI", "IANS", "ANI", "UNI", "Reuters", "AFP", "AP"}


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_source_format_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).source_format == doc.gold["format"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_agency_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).agency == doc.gold["agency"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_headline_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).headline == doc.gold["headline"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_byline_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).byline == doc.gold["byline"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_dateline_matches_gold(doc: CorpusItem) -> None:
    dateline = parsed(doc.id).dateline
    assert (dateline.model_dump() if dateline else None) == doc.gold["dateline"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_published_at_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).published_at == _instant(doc.gold["published_at"])


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_updated_at_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).updated_at == _instant(doc.gold["updated_at"])


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_times_keep_the_printed_offset(doc: CorpusItem) -> None:
    copy = parsed(doc.id)
    for value, expected in ((copy.published_at, doc.gold["published_at"]), (copy.updated_at, doc.gold["updated_at"])):
        if expected:
            assert value is not None and value.utcoffset() == datetime.fromisoformat(expected).utcoffset()


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_summary_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).summary == doc.gold["summary"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_category_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).category == doc.gold["category"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_language_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).language == doc.gold["language"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_body_paragraphs_match_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).body == doc.gold["body"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_signoff_matches_gold(doc: CorpusItem) -> None:
    assert parsed(doc.id).signoff == doc.gold["signoff"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_no_chrome_string_inside_a_body_paragraph(doc: CorpusItem) -> None:
    for paragraph in parsed(doc.id).body:
        for chrome in doc.gold["chrome"]:
            assert chrome not in paragraph


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_body_paragraphs_are_verbatim_spans_of_the_decoded_copy(doc: CorpusItem) -> None:
    text = doc.raw().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    for paragraph in parsed(doc.id).body:
        assert paragraph in text


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_clean_utf8_copy_needs_no_repair(doc: CorpusItem) -> None:
    assert parsed(doc.id).repairs == []
