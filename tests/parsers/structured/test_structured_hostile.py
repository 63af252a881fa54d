"""Markup is read as text, never trusted: active code refuses the copy; paragraphs stay verbatim source text."""

from __future__ import annotations

import json

import pytest

from app.errors import ParseError
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from app.parsers.story import StoryParts, finish
from tests.parsers.structured.corpus import raw, variant

D042_FIRST = b"<p>New Delhi (AFP) - India will cut taxes"


def _ninjs_with_body(markup: str) -> bytes:
    doc = json.loads(raw("d042"))
    doc["bodies"][0]["value"] = markup + doc["bodies"][0]["value"]
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("markup", "what"),
    [
        ("<script>alert(1)</script>", "script element"),
        ('<iframe src="https://evil.example/"></iframe>', "iframe element"),
        ('<object data="x.swf"></object>', "object element"),
        ('<embed src="x.swf">', "embed element"),
        ("<style>p{display:none}</style>", "style element"),
        ('<p><a href="javascript:steal()">Read more</a></p>', "javascript: URL"),
        ('<p onclick="steal()">Read more</p>', "'onclick' event handler"),
    ],
)
def test_ninjs_html_body_with_active_code_is_refused(markup: str, what: str) -> None:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(_ninjs_with_body(markup))
    assert refused.value.reason == "active-content"
    assert what in refused.value.detail


def test_nitf_body_with_an_iframe_is_refused() -> None:
    data = variant("d014", b"<body.content>", b'<body.content><iframe src="https://evil.example/"/>')
    with pytest.raises(ParseError) as refused:
        parse_nitf(data)
    assert refused.value.reason == "active-content"


def test_newsml_xhtml_body_with_a_script_is_refused() -> None:
    data = variant("d032", b"<body>", b"<body><script>alert(1)</script>")
    with pytest.raises(ParseError) as refused:
        parse_newsml_g2(data)
    assert refused.value.reason == "active-content"


def test_escaped_script_markup_is_quoted_text_and_published_as_written() -> None:
    """Markup the agency escaped is text (the markup policy, app.parsers.text.safety): verbatim in `body`,
    escaped wherever it is rendered as HTML."""
    data = variant("d014", b"<body.content>", b"<body.content><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert parse_nitf(data).body[0] == "<script>alert(1)</script>"


def test_inline_tags_are_dropped_and_entities_unescaped() -> None:
    copy = parse_ninjs(
        _ninjs_with_body('<p>Markets <b>rose</b> &amp; bonds <a href="https://x.example/">fell</a>.</p>')
    )
    assert copy.body[0] == "Markets rose & bonds fell."


def test_double_escaped_html_in_json_is_unescaped_to_its_characters() -> None:
    copy = parse_ninjs(raw("d042"))
    assert '"Every item used by the common man has seen a reduction," she said.' in copy.body
    assert any("consumers’ pockets" in p for p in copy.body)


def test_nitf_media_caption_between_paragraphs_is_not_body() -> None:
    copy = parse_nitf(raw("d050"))
    assert not any("AP Photo" in p for p in copy.body)


def test_a_paragraph_not_found_in_the_source_is_refused_as_not_verbatim() -> None:
    parts = StoryParts(
        source_format="nitf",
        label="NITF",
        headline="Headline",
        paragraphs=["A rewritten paragraph the source never held."],
        haystack="<p>The paragraph as the agency wrote it.</p>",
    )
    with pytest.raises(ParseError) as refused:
        finish(parts)
    assert refused.value.reason == "not-verbatim"


def test_ninjs_plain_text_body_splits_at_blank_lines() -> None:
    copy = parse_ninjs(raw("d028"))
    assert len(copy.body) == 5 and copy.signoff == "nl/rjm/phz"


def test_html_paragraph_split_by_line_breaks_keeps_them() -> None:
    copy = parse_ninjs(_ninjs_with_body("<p>First line<br>second line</p>"))
    assert copy.body[0] == "First line\nsecond line"


def test_nitf_abstract_with_a_script_is_refused_like_the_body() -> None:
    data = variant("d010", b"<abstract>", b"<abstract><script>alert(1)</script>")
    with pytest.raises(ParseError) as refused:
        parse_nitf(data)
    assert refused.value.reason == "active-content"


def test_ninjs_html_summary_with_active_code_is_refused() -> None:
    doc = json.loads(raw("d023"))
    doc["descriptions"][0].update(contenttype="text/html", value='<p onmouseover="x()">Summary</p>')
    with pytest.raises(ParseError) as refused:
        parse_ninjs(json.dumps(doc).encode())
    assert refused.value.reason == "active-content"


def test_markup_nested_thousands_deep_is_refused_not_crashed_on() -> None:
    with pytest.raises(ParseError) as refused:
        parse_ninjs(_ninjs_with_body("<div>" * 5000))
    assert refused.value.reason == "unparseable"
