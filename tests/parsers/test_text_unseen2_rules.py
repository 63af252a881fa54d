"""Rules added for furniture and agency conventions first met in the second unseen corpus (tests/parsers/unseen2).

Each case is a class of line, written here in words other than the corpus documents' own, with story sentences
that must not trip the rule.
"""

from __future__ import annotations

import pytest

from app.parsers.text import chrome, parse_text
from app.parsers.text.bylines import byline_of
from app.parsers.text.page import PAGE_TAKE_MARKER


@pytest.mark.parametrize(
    ("printed", "headline"),
    [
        ("UPDATE 2-Oil prices climb as supply worries mount", "Oil prices climb as supply worries mount"),
        ("REFILE-Japan's exports rise for third month", "Japan's exports rise for third month"),
        ("CORRECTED-UPDATE 1-Gold steadies near record", "Gold steadies near record"),
    ],
)
def test_reuters_take_marker_left_on_a_page_headline_is_dropped(printed: str, headline: str) -> None:
    assert PAGE_TAKE_MARKER.sub("", printed) == headline


@pytest.mark.parametrize(
    "headline",
    [
        "Update: Schools in the district to stay shut on Monday",
        "UPDATE - Metro services restored after two-hour halt",
        "Focus-group study finds voters undecided",
        "RPT: no, this colon form is a site's own wording",
    ],
)
def test_site_headlines_that_only_look_like_take_markers_are_kept(headline: str) -> None:
    assert PAGE_TAKE_MARKER.sub("", headline) == headline


@pytest.mark.parametrize("line", ["जनसत्ता ऑनलाइन", "Example Times Online", "Daily Bugle Digital"])
def test_a_papers_online_desk_is_a_byline(line: str) -> None:
    assert byline_of(line) == line


@pytest.mark.parametrize("line", ["Online", "Watch the debate online.", "Read the full judgment online here now"])
def test_lines_mentioning_online_are_not_bylines(line: str) -> None:
    assert byline_of(line) is None


@pytest.mark.parametrize("line", ["- 'Not over yet' -", "— Talks stall —", "- Markets rattled -"])
def test_dash_framed_crossheads_are_agency_copy(line: str) -> None:
    assert chrome.is_agency_crosshead(line)


@pytest.mark.parametrize(
    "line",
    [
        "- Advertisement -",
        "— Also Read: Ten things to know —",
        "- Follow us -",
        "- The minister said the plan would go ahead. -",
        "-- The bill now goes to the upper house.",
        "- Trending -",
    ],
)
def test_framed_chrome_and_dash_sentences_are_not_crossheads(line: str) -> None:
    assert not chrome.is_agency_crosshead(line)


def test_a_crosshead_between_paragraphs_is_kept_in_the_body() -> None:
    copy = (
        "Floods-Europe-weather,LEAD\nRivers burst their banks across central Europe\n\n"
        "Vienna (AFP) - Rivers burst their banks across central Europe on Sunday after days of heavy rain.\n\n"
        "- 'Never seen this' -\n\n"
        '"I have never seen the water this high," said a resident of a riverside village.\n\n'
        "bur-ab/cd\n"
    )
    body = parse_text(copy.encode()).body
    assert body[1] == "- 'Never seen this' -" and len(body) == 3


def test_a_framed_ad_slot_between_paragraphs_is_not_kept() -> None:
    copy = (
        "Example Daily\nHome > World\n\nRivers burst their banks across central Europe\n\n"
        "By AFP | Published: 15 Sep 2024 10:00 IST\n\n"
        "Vienna (AFP) - Rivers burst their banks across central Europe on Sunday after days of heavy rain.\n\n"
        "- Advertisement -\n\n"
        '"I have never seen the water this high," said a resident of a riverside village.\n'
    )
    assert parse_text(copy.encode()).body == [
        "Vienna (AFP) - Rivers burst their banks across central Europe on Sunday after days of heavy rain.",
        '"I have never seen the water this high," said a resident of a riverside village.',
    ]


def test_a_writer_printed_above_the_time_below_the_story_is_the_byline() -> None:
    copy = (
        "Example Daily\nHome > Sports\n\nHosts win the opening match of the series in a close finish\n\n"
        "Chennai, Jan 5 (PTI) The hosts won the opening match of the series by two wickets on Sunday evening.\n\n"
        "The second match will be played in Bengaluru on Wednesday.\n\n"
        "PTI AB CD\n\n"
        "Example Sports Desk\nFirst Published Jan 5, 2025, 9:10 PM IST\n"
    )
    copy_parsed = parse_text(copy.encode())
    assert copy_parsed.byline == "Example Sports Desk"
    assert copy_parsed.published_at is not None
