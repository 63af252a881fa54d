"""parse_text on every page-text and wire-text document, one test per gold field, over three corpora:

- the team's development corpus (tests/fixtures/corpus, d…);
- two home-made unseen corpora (tests/parsers/unseen, u…; tests/parsers/unseen2, v…) that imitate sites and
  wire variants the development corpus lacks; each batch was labelled by hand and committed before the
  normaliser was first run on it.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from app.parsers.base import ParsedCopy
from app.parsers.text import parse_text
from tests.parsers.corpus import CorpusItem, text_docs

HERE = Path(__file__).resolve().parent
DEV_DOCS = text_docs()
UNSEEN_DOCS = text_docs(HERE / "unseen")
UNSEEN2_DOCS = text_docs(HERE / "unseen2")
DOCS = DEV_DOCS + UNSEEN_DOCS + UNSEEN2_DOCS
IDS = [doc.id for doc in DOCS]
ALL_AGENCIES = {"PTI", "IANS", "ANI", "UNI", "Reuters", "AFP", "AP"}


@cache
def parsed(doc_id: str) -> ParsedCopy:
    doc = next(d for d in DOCS if d.id == doc_id)
    return parse_text(doc.raw())


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def test_corpus_has_the_text_documents() -> None:
    assert len(DEV_DOCS) == 48


@pytest.mark.parametrize(
    ("docs", "pages", "wires"), [(UNSEEN_DOCS, 27, 16), (UNSEEN2_DOCS, 80, 43)], ids=["unseen", "unseen2"]
)
def test_unseen_corpora_have_page_and_wire_documents(docs: list[CorpusItem], pages: int, wires: int) -> None:
    formats = [doc.gold["format"] for doc in docs]
    assert (formats.count("page-text"), formats.count("wire-text")) == (pages, wires)


@pytest.mark.parametrize("docs", [UNSEEN_DOCS, UNSEEN2_DOCS], ids=["unseen", "unseen2"])
def test_unseen_corpora_cover_every_agency(docs: list[CorpusItem]) -> None:
    assert {doc.gold["agency"] for doc in docs} == ALL_AGENCIES


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
