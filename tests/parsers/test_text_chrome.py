"""Chrome rules: menus, prompts, captions, Also Read lines, ads, lists and disclaimers are told from story text."""

from __future__ import annotations

import pytest

from app.parsers.text import chrome


@pytest.mark.parametrize(
    "line",
    [
        "Disclaimer: This post has been auto-published from an agency feed without any modifications to the text",
        "(This story has not been edited by THE WEEK and is auto-generated from PTI)",
        "This story has been published from a wire agency feed without modifications to the text.",
        "(Only the headline of this report may have been reworked by the staff; the rest is auto-generated.)",
        "(यह खबर एजेंसी फीड से ऑटो-पब्लिश की गई है। नवभारत टाइम्स ने इसमें कोई बदलाव नहीं किया है।)",
        "This is an unedited, auto-published story from the IANS feed.",
        "(Except for the headline, this story has not been edited by Example staff and is from a syndicated feed.)",
    ],
)
def test_feed_disclaimers_are_recognised_by_their_wording(line: str) -> None:
    assert chrome.is_disclaimer(line)


@pytest.mark.parametrize(
    "line",
    [
        "The agency said the wire was not edited.",
        "The news agency reported that the feed had been restored.",
        "Officials said the report would be published next week.",
    ],
)
def test_story_sentences_about_agencies_are_not_disclaimers(line: str) -> None:
    assert not chrome.is_disclaimer(line)


@pytest.mark.parametrize(
    "line",
    [
        "Also Read: Monsoon covers entire country six days ahead of schedule, says IMD",
        "Also Read | IPL 2025 Mega Auction Live Updates",
        "ALSO READ: IPL 2025: Shreyas Iyer named Punjab Kings captain",
        "READ MORE: Wimbledon 2025 Final Preview",
        "ये भी पढ़ें: केरल में भारी बारिश का अलर्ट",
        "Advertisement",
        "Advertisment",
        "(Updates to close)",
        "(Eds: Updates with details of mission, outlay)",
        "Jannik Sinner of Italy celebrates with the trophy | Image: AP",
        "Neeraj Chopra in action. (File photo)",
    ],
)
def test_inline_chrome_between_paragraphs_is_skipped(line: str) -> None:
    assert chrome.is_inline_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "($1 = 86.5950 Indian rupees)",
        "The bank said the photo was fake.",
        "Read the full statement, he said.",
    ],
)
def test_story_lines_are_not_inline_chrome(line: str) -> None:
    assert not chrome.is_inline_chrome(line)


@pytest.mark.parametrize("line", ["Home | News | Business | Technology", "Subscribe | Sign In", "LIVE TV | Watchlist"])
def test_menus_are_short_items_joined_by_pipes(line: str) -> None:
    assert chrome.is_menu(line)


def test_a_headline_with_a_section_prefix_is_not_a_menu() -> None:
    assert not chrome.is_menu("Sports News | IPL 2025 Auction: Rishabh Pant, Shreyas Iyer Headline Record-breaking Day")


@pytest.mark.parametrize(
    ("line", "crumbs"),
    [
        ("Home / News / Sports", ["Home", "News", "Sports"]),
        ("Home » Business » Economy", ["Home", "Business", "Economy"]),
        ("हिंदी न्यूज़ › देश", ["हिंदी न्यूज़", "देश"]),
        ("Sci-Tech / Science", ["Sci-Tech", "Science"]),
    ],
)
def test_breadcrumbs_are_split_into_steps(line: str, crumbs: list[str]) -> None:
    assert chrome.breadcrumb(line) == crumbs


@pytest.mark.parametrize(
    "line",
    [
        "--- Ends ---",
        "Tags: #Budget 2025 #Income Tax",
        "Topics : #IPL #Cricket",
        "Copyright© 2024, THG PUBLISHING PVT LTD. or its affiliated companies. All rights reserved.",
        "Discover the latest Business News, Sensex, and Nifty updates. Download the Moneycontrol App to stay updated!",
        "Get the news updates on WhatsApp & Telegram by subscribing to our channels.",
        "Share this:",
        "Leave a Reply",
    ],
)
def test_end_of_article_chrome_closes_the_story(line: str) -> None:
    assert chrome.is_page_end(line)


@pytest.mark.parametrize("line", ["Trending Photos", "Related Stories", "Also Read", "Trending Now", "Must Watch"])
def test_list_headings_open_a_list_of_other_stories(line: str) -> None:
    assert chrome.LIST_HEADING.match(line)


@pytest.mark.parametrize(
    "line", ["Share Now", "Follow Siasat on Google News", "Listen to This Article", "Read Time: 3 mins"]
)
def test_prompts_are_recognised(line: str) -> None:
    assert chrome.is_prompt(line)


def test_story_paragraphs_end_like_sentences_and_titles_do_not() -> None:
    assert chrome.is_prose("The matter will be heard next on August 19.")
    assert chrome.is_prose("सेना ने पुल बनाया।")
    assert not chrome.is_prose("Top 10 Hill Stations To Visit In September")
