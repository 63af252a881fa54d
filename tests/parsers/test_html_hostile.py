"""Hostile or broken HTML is refused with a clear problem (or held), quickly, and never crashes the reader."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.errors import ParseError
from app.parsers.html import document, extract
from tests.parsers.html_pages import HEADLINE, page, read

# Each hostile page must be answered within this many seconds on a slow CI machine.
QUICK = 10.0


def _refused(data: bytes, reason: str) -> None:
    started = time.monotonic()
    with pytest.raises(ParseError) as refused:
        read(data)
    assert refused.value.reason == reason
    assert time.monotonic() - started < QUICK


def test_deep_nesting_is_refused_as_too_complex() -> None:
    _refused(b"<html><body>" + b"<div>" * 50_000 + b"text" + b"</div>" * 50_000 + b"</body></html>", "too-complex")


def test_too_many_elements_are_refused_as_too_complex() -> None:
    _refused(b"<html><body>" + b"<i>x</i>" * (document.MAX_ELEMENTS + 10) + b"</body></html>", "too-complex")


def test_an_element_with_thousands_of_attributes_is_refused_before_parsing() -> None:
    attributes = " ".join(f'a{i}="{i}"' for i in range(50_000))
    _refused(f"<html><body><p {attributes}>x</p></body></html>".encode(), "too-complex")


def test_a_page_over_the_size_limit_is_refused() -> None:
    _refused(b"<html><body>" + b"x" * (document.MAX_HTML_BYTES + 1) + b"</body></html>", "too-large")


@pytest.mark.parametrize(
    "junk", [os.urandom(64 * 1024), b"\x89PNG\r\n\x1a\n" + os.urandom(4096), b"<html>\x00\x00</html>"]
)
def test_binary_junk_is_refused(junk: bytes) -> None:
    _refused(junk, "binary")


def test_an_empty_page_is_refused() -> None:
    _refused(b"   ", "empty")


def test_a_page_of_only_scripts_has_no_story() -> None:
    _refused(b"<html><body><script>var story = 'no';</script></body></html>", "no-body")


def test_entity_expansion_bombs_are_not_expanded() -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    data = (
        page()
        .replace(b"<!DOCTYPE html>", f"<!DOCTYPE html [{entities}]>".encode())
        .replace(b"</div></article>", b"<p>&e9;</p></div></article>")
    )
    started = time.monotonic()
    try:
        copy = read(data)
    except ParseError:
        pass
    else:
        assert all("lollol" not in p for p in copy.body)
    assert time.monotonic() - started < QUICK


def test_external_entities_are_never_fetched() -> None:
    data = page().replace(b"<!DOCTYPE html>", b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/hostname">]>')
    data = data.replace(b"</div></article>", b"<p>&x;</p></div></article>")
    secret = Path("/etc/hostname")
    hostname = secret.read_text().strip() if secret.is_file() else "\x00"
    assert all(hostname not in p for p in read(data).body)


def test_a_failure_inside_the_extractor_is_a_refusal_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(html: str, *, fast: bool) -> list[str]:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(extract, "_extract", broken)
    _refused(page(), "normaliser-failure")


def test_a_page_without_any_headline_signal_is_refused() -> None:
    _refused(page(h1=None, title=None), "no-headline")


def test_a_page_in_utf16_with_a_byte_order_mark_is_read() -> None:
    assert read(page().decode("utf-8").encode("utf-16")).headline == HEADLINE


def test_a_page_declaring_a_legacy_charset_is_decoded_with_it() -> None:
    data = page().replace(b'<meta charset="utf-8">', b'<meta charset="windows-1252">')
    data = data.replace(b"river ferry", "river caf\u00e9 ferry".encode("cp1252"))
    assert "café" in read(data).body[0]
