"""trafilatura works in a fresh install: with lxml 6 it needs lxml_html_clean, which pyproject declares."""

from __future__ import annotations

import importlib

from app.parsers.html.extract import main_content
from tests.parsers.html_pages import PARAGRAPHS, page


def test_lxml_html_clean_is_installed_for_trafilatura() -> None:
    assert importlib.import_module("lxml.html.clean") is not None


def test_trafilatura_finds_the_main_content_without_its_fallbacks() -> None:
    extraction = main_content(page().decode("utf-8"))
    assert extraction.fell_back is False
    assert list(PARAGRAPHS) == [c for c in extraction.candidates if c in PARAGRAPHS]
