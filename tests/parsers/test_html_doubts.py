"""When the reader is unsure it says so by name: the copy is held for review, never published as a guess."""

from __future__ import annotations

import pytest

from app.parsers.html import extract
from app.parsers.html import page as html_page
from app.parsers.html.extract import Extraction
from tests.parsers.html_pages import LEAD, PARAGRAPHS, SECOND, THIRD, page, paragraphs_html, read

BOXED = (
    "Three boats were brought back into service on Monday after the landing stages on both banks were rebuilt "
    "over the winter."
)
PICTURE = "<figure><img src='x.jpg'><figcaption>The ferry at its landing stage.</figcaption></figure>"


def test_a_clean_page_has_no_doubt() -> None:
    assert read(page()).doubts == []


def test_a_boxed_paragraph_below_the_picture_that_the_story_does_not_repeat_is_held() -> None:
    copy = read(page(before_body=f"{PICTURE}<div class='summary'>{BOXED}</div>"))
    assert any(d.startswith("summary-or-lead") for d in copy.doubts)


def test_a_boxed_paragraph_that_the_story_repeats_is_its_summary() -> None:
    copy = read(page(before_body=f"{PICTURE}<p class='excerpt'>{SECOND}</p>"))
    assert copy.summary == SECOND
    assert copy.doubts == []


def test_a_standfirst_right_under_the_headline_is_the_summary() -> None:
    copy = read(page(before_body=f"<p class='standfirst'>{BOXED}</p>{PICTURE}"))
    assert copy.summary == BOXED
    assert copy.doubts == []
    assert BOXED not in copy.body


def test_a_sentence_between_headline_and_story_that_nothing_explains_is_held() -> None:
    copy = read(page(before_body=f"<p>{BOXED}</p><p>Ferries</p>"))
    assert BOXED not in copy.body
    assert any(d.startswith("unexplained-removal") for d in copy.doubts)


def test_a_story_paragraph_left_out_by_the_extractor_is_an_unexplained_removal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extract, "_extract", lambda html, *, fast: [LEAD, THIRD])
    copy = read(page())
    assert any(d.startswith("unexplained-removal") for d in copy.doubts)


def test_extracted_text_that_is_not_page_text_is_never_published(monkeypatch: pytest.MonkeyPatch) -> None:
    rewritten = SECOND.replace("twenty", "thirty")
    monkeypatch.setattr(extract, "_extract", lambda html, *, fast: [LEAD, rewritten, THIRD])
    copy = read(page())
    assert rewritten not in copy.body
    assert any(d.startswith("not-verbatim") for d in copy.doubts)


def test_a_fallback_extraction_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "_extract", lambda html, *, fast: [] if fast else list(PARAGRAPHS))
    copy = read(page())
    assert list(copy.body) == list(PARAGRAPHS)
    assert any(d.startswith("extraction-fell-back") for d in copy.doubts)


def test_a_story_far_shorter_than_the_pages_prose_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_page, "main_content", lambda html: Extraction(candidates=[THIRD], fell_back=False))
    long_page = page(body=paragraphs_html(*(PARAGRAPHS * 6)))
    assert any(d.startswith(("body-short", "unexplained-removal")) for d in read(long_page).doubts)


def test_story_prose_after_the_sign_off_is_held() -> None:
    copy = read(page(body=paragraphs_html(LEAD, SECOND, "(END)", THIRD)))
    assert list(copy.body) == [LEAD, SECOND]
    assert any(d.startswith("unexplained-removal") for d in copy.doubts)
