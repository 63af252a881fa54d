"""HTML pages reach the HTML reader by their media type, or by their own opening when posted as plain text."""

from __future__ import annotations

import pytest

from app.parsers.sniff import detect_format, media_type_for
from tests.parsers.html_pages import page, read


@pytest.mark.parametrize("media_type", ["text/html", "text/html; charset=utf-8", "application/xhtml+xml"])
def test_html_media_types_go_to_the_html_reader(media_type: str) -> None:
    assert detect_format(page(), media_type) == "html"


@pytest.mark.parametrize(
    "opening", [b"<!DOCTYPE html>", b"<!doctype HTML>", b"<html lang='en'>", b"\xef\xbb\xbf<html>"]
)
def test_html_posted_as_plain_text_goes_to_the_html_reader(opening: bytes) -> None:
    assert detect_format(opening + b"<body><p>Words.</p></body></html>", "text/plain") == "html"


def test_a_page_posted_as_plain_text_is_read_as_a_page() -> None:
    assert read(page(), "text/plain").source_format == "page-html"


def test_plain_text_that_mentions_html_is_still_text() -> None:
    assert detect_format(b"Hamburg (dpa) - A story about <html> tags in e-mail.", "text/plain") == "text"


@pytest.mark.parametrize("name", ["page.html", "PAGE.HTM"])
def test_html_files_are_declared_as_html(name: str) -> None:
    assert media_type_for(name) == "text/html"


def test_xhtml_with_an_xml_declaration_goes_to_the_html_reader() -> None:
    xhtml = b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>'
    assert detect_format(xhtml, "application/xml") == "html"
