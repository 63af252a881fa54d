"""A news page's HTML → ParsedCopy (source_format "page-html"): the story's paragraphs as the page prints them.

document.py   bytes → bounded, script-free lxml tree (size, encoding, binary junk, element count, depth)
textview.py   the page's text runs; proof that a paragraph is page text
extract.py    trafilatura's main-content candidates (its fallbacks only when it finds nothing)
meta.py       title signals, language, description, authors, times with offsets (meta, JSON-LD, <time>)
headline.py   the <h1> confirmed by og:title / twitter:title / <title>
chrome.py     story or chrome: element boxes and text shapes; credits that close a story
story.py      prove, place and account for each candidate; crossheads; unexplained removals
credits.py    agency, dateline and byline from the copy's own credit
times.py      published / updated from the page's machine-readable times
page.py       the pipeline: all of the above → ParsedCopy, with every doubt named

Doubts hold the copy for review: the page is published only when every check passed.
"""

from __future__ import annotations

from app.parsers.html.page import parse_html

__all__ = ["parse_html"]
