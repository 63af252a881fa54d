"""One markup policy: markup in the text is text, published verbatim and rendered inert; page code a broken
scrape left on lines of its own is chrome."""

from __future__ import annotations

import pytest

from app.articles.normalise import body_html
from app.parsers.text import parse_text
from app.parsers.text.safety import active_markup_spans, blank_active_markup
from tests.xss import owasp_vectors, parse_html, sentence_quoting, story_quoting

VECTORS = owasp_vectors()


def test_every_cheat_sheet_vector_is_test_data() -> None:
    assert len(VECTORS) == 151 + 105 + 70  # vectors, event handlers, spellings of "<"


@pytest.mark.parametrize("vector", VECTORS)
def test_a_quoted_vector_is_published_verbatim_and_rendered_inert(vector: str) -> None:
    copy = parse_text(story_quoting([vector]))
    assert copy.body[1] == sentence_quoting(vector)
    elements, shown = parse_html(body_html(copy.body, "Disclaimer."))
    assert [tag for tag, _ in elements] == ["p", "p", "p"]  # two paragraphs and the disclaimer: nothing else
    assert [attrs for _, attrs in elements][:2] == [[], []]
    assert sentence_quoting(vector) in shown


@pytest.mark.parametrize("vector", VECTORS[:20] + VECTORS[-5:])
def test_a_headline_quoting_markup_is_kept_as_written(vector: str) -> None:
    headline = f"Filters miss {vector} say researchers"
    copy = parse_text(story_quoting(["<b>plain</b>"], headline=headline))
    assert copy.headline == headline


def test_a_script_block_on_its_own_lines_is_page_code_and_dropped() -> None:
    text = "Headline\n\nFirst paragraph.\n<script type='text/javascript'>\n  var x = 1;\n</script>\nSecond.\n"
    assert active_markup_spans(text) == [(3, 6)]
    blanked, notes = blank_active_markup(text)
    assert blanked.split("\n")[3:6] == ["", "", ""]
    assert notes == ["dropped page code: a script element on lines 4-6"]


@pytest.mark.parametrize(
    "line",
    [
        "<style>.ad { display: none }</style>",
        '<iframe src="https://ads.example/frame"></iframe>',
        '<embed src="https://ads.example/player.swf">',
        "<noscript><img src='https://stats.example/pixel.gif'></noscript>",
        '  <SCRIPT src="https://stats.example/counter.js"></SCRIPT>  ',
    ],
)
def test_other_page_code_on_a_line_of_its_own_is_dropped(line: str) -> None:
    assert active_markup_spans(f"Before.\n{line}\nAfter.") == [(1, 2)]


@pytest.mark.parametrize(
    "text",
    [
        'He said the page used "<script>" tags to track readers.',  # inside a sentence
        "<script>\nan opening tag that never closes stays text",  # never closed
        "<b>bold</b> on a line of its own is not page code",  # not an active element
        "<script>alert(1)</script> and the sentence goes on",  # does not end the line
    ],
)
def test_markup_that_is_not_a_whole_block_of_page_code_stays_text(text: str) -> None:
    assert active_markup_spans(text) == []


def test_story_with_page_code_between_paragraphs_keeps_both_paragraphs_apart() -> None:
    story = story_quoting(["<i>x</i>"]).replace(b"\n\nResearchers", b"\n<script>track()</script>\nResearchers")
    copy = parse_text(story)
    assert copy.body[1] == sentence_quoting("<i>x</i>")
    assert not any("track()" in paragraph for paragraph in copy.body)
    assert copy.repairs == ["dropped page code: a script element on line 4"]
