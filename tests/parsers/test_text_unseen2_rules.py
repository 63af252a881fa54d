"""Rules added for furniture and agency conventions first met in the second unseen corpus (tests/parsers/unseen2).

Each case is a class of line, written here in words other than the corpus documents' own, with story sentences
that must not trip the rule.
"""

from __future__ import annotations

import pytest

from app.parsers.text import chrome, parse_text
from app.parsers.text.bylines import byline_of
from app.parsers.text.page import IST, PAGE_TAKE_MARKER
from app.parsers.text.timestamps import is_time_line
from app.parsers.text.wire import wire_header_kind


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


@pytest.mark.parametrize(
    "line",
    [
        "pic.twitter.com/Ab12Cd34Ef",
        "Visuals from the venue this morning pic.twitter.com/Zz99Yy88Xx",
        "— Chief Minister's Office (@CMO_Example) March 3, 2025",
        "— Example Police (@ExamplePolice) 3 March 2025",
        "https://x.com/example/status/1234567890",
    ],
)
def test_embedded_post_links_and_attributions_mark_an_embed(line: str) -> None:
    assert chrome.EMBED_MARKER.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister later posted a video of the visit on X, the platform formerly known as Twitter.",
        "Police shared the photos on their official handle (@ExamplePolice) on Monday, officials said.",
        "- Rs 8 lakh to Rs 12 lakh: 10 per cent",
    ],
)
def test_story_lines_about_posts_are_not_embed_markers(line: str) -> None:
    assert not chrome.EMBED_MARKER.search(line)


def test_an_embedded_post_whose_text_ends_like_a_sentence_is_not_body() -> None:
    copy = (
        "Example Daily\nHome > India\n\nTrains delayed as fog blankets the capital region\n\n"
        "By PTI | Published: 10 Jan 2025 09:10 IST\n\n"
        "New Delhi, Jan 10 (PTI) Dense fog delayed more than 40 trains arriving in the capital on Friday.\n\n"
        "Passengers are advised to check the status of their trains before leaving home.\n"
        "pic.twitter.com/Ab12Cd34Ef\n"
        "— Example Railway (@ExampleRailway) January 10, 2025\n\n"
        "Visibility at the airport dropped to 50 metres in the morning, officials said.\n\n"
        "PTI AB CD\n"
    )
    assert parse_text(copy.encode()).body == [
        "New Delhi, Jan 10 (PTI) Dense fog delayed more than 40 trains arriving in the capital on Friday.",
        "Visibility at the airport dropped to 50 metres in the morning, officials said.",
    ]


def test_list_items_after_a_paragraph_ending_with_a_colon_are_body() -> None:
    copy = (
        "Example Daily\nHome > India\n\nCouncil approves new rates for four services at its meeting\n\n"
        "By PTI | Published: 10 Jan 2025 09:10 IST\n\n"
        "New Delhi, Jan 10 (PTI) The council approved new rates for four services on Friday, officials said.\n\n"
        "The new rates are:\n"
        "- Rail freight: 5 per cent\n"
        "- Air cargo: 12 per cent\n\n"
        "The rates take effect from April 1.\n\n"
        "PTI AB CD\n"
    )
    body = parse_text(copy.encode()).body
    assert body[1:4] == ["The new rates are:", "- Rail freight: 5 per cent", "- Air cargo: 12 per cent"]


def test_bulleted_titles_not_opened_by_a_colon_paragraph_stay_out_of_the_body() -> None:
    copy = (
        "Example Daily\nHome > India\n\nCouncil approves new rates for four services at its meeting\n\n"
        "By PTI | Published: 10 Jan 2025 09:10 IST\n\n"
        "New Delhi, Jan 10 (PTI) The council approved new rates for four services on Friday, officials said.\n\n"
        "The rates take effect from April 1.\n\n"
        "- Rail budget to be tabled next week\n"
        "- Five new trains for the Northeast\n\n"
        "The council will meet again in March.\n"
    )
    body = parse_text(copy.encode()).body
    assert all(not p.startswith("- ") for p in body)


@pytest.mark.parametrize(
    ("name", "following"),
    [
        ("Anita Rao", "Anita Rao is a senior correspondent who covers health and science."),
        ("Karan Mehta", "Karan Mehta has been writing on cricket for a decade."),
    ],
)
def test_an_author_box_below_the_story_is_a_bio(name: str, following: str) -> None:
    assert chrome.is_author_bio(name, following)


@pytest.mark.parametrize(
    ("name", "following"),
    [
        ("Rescue work resumes", "Rescue work resumed on Monday after the rain eased."),
        ("Anita Rao", "Union Minister Anita Rao is expected to visit the site on Tuesday."),
        ("Anita Rao said", "Anita Rao said the report would be tabled soon."),
    ],
)
def test_story_sentences_about_people_are_not_bios(name: str, following: str) -> None:
    assert not chrome.is_author_bio(name, following)


def test_an_ap_rule_between_sections_does_not_end_the_story() -> None:
    copy = (
        "Storm-Pacific\nStorm lashes Pacific islands, cutting power to thousands\n\n"
        "SUVA, Fiji (AP) \u2014 A powerful storm lashed several Pacific islands on Monday, cutting power.\n\n"
        "___\n\n"
        "In Tonga, officials said several roads were closed by fallen trees and flooding.\n\n"
        "___\n\n"
        "Associated Press writer Jane Roe in Wellington, New Zealand, contributed to this report.\n"
    )
    parsed = parse_text(copy.encode())
    assert parsed.body[1] == "In Tonga, officials said several roads were closed by fallen trees and flooding."
    assert parsed.signoff == (
        "___\nAssociated Press writer Jane Roe in Wellington, New Zealand, contributed to this report."
    )


def test_ends_after_a_sign_off_is_not_a_desk_code() -> None:
    copy = (
        "DEL12 NAT-RAIN\nHeavy rain lashes the capital region\n"
        "New Delhi, Jul 3 (PTI) Heavy rain lashed the capital region on Thursday, flooding several underpasses.\n"
        "PTI AB CD\nENDS\n"
    )
    assert parse_text(copy.encode()).signoff == "PTI AB CD"


def test_two_reuters_credit_lines_in_separate_blocks_form_one_sign_off() -> None:
    copy = (
        "Oil prices rise on supply worries\n\n"
        "LONDON, Mar 3 (Reuters) - Oil prices rose on Monday on worries about supply from the Middle East.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n\n"
        "(Additional reporting by Ann Poe in Singapore)\n"
    )
    assert parse_text(copy.encode()).signoff == (
        "(Reporting by Jane Roe; Editing by John Doe)\n(Additional reporting by Ann Poe in Singapore)"
    )


@pytest.mark.parametrize(
    "line", ["Commuters wait at a bus stop in Andheri. Pic/Example Shinde", "Flood waters in the city (Photo/AFP)"]
)
def test_slash_credits_close_a_caption(line: str) -> None:
    assert chrome.is_caption(line)


def test_slash_credit_rule_leaves_story_sentences_alone() -> None:
    assert not chrome.is_caption("The photo/video unit of the police recorded the march, officials said.")


def test_a_date_with_no_space_after_the_comma_is_read() -> None:
    from app.parsers.text.timestamps import find_stamps

    stamps = find_stamps("Updated on: 24 January,2025 01:42 PM IST", IST)
    assert stamps and stamps[0].kind == "updated" and stamps[0].at.hour == 13


@pytest.mark.parametrize(
    "line",
    [
        "View this post on Instagram",
        "A post shared by Example Sports Club (@example.club)",
        "View this reel on Facebook",
    ],
)
def test_instagram_and_facebook_embed_lines_mark_an_embed(line: str) -> None:
    assert chrome.EMBED_MARKER.search(line)


def test_a_story_sentence_about_a_shared_post_is_not_an_embed_marker() -> None:
    line = "A post shared by the actor on Instagram on Sunday drew more than a million likes, his team said."
    assert not chrome.EMBED_MARKER.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "This story has been corrected to show that the vote was on Tuesday, not Monday.",
        "This article was updated to add comments from the ministry.",
        "Editor's note: An earlier version misspelt the minister's name.",
        "We welcome your comments at letters@example.in.",
        "Write to us at feedback@example.com",
    ],
)
def test_correction_notes_and_feedback_prompts_are_skipped(line: str) -> None:
    assert chrome.is_inline_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "The story has been corrected by the channel after the minister objected, officials said.",
        "We welcome the court's decision, the association said in a statement.",
        "Police said the correction in the voter list would be completed by March.",
    ],
)
def test_story_sentences_about_corrections_and_welcomes_stay(line: str) -> None:
    assert not chrome.is_inline_chrome(line)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("लाइव हिन्दुस्तान टीम, नई दिल्ली", "लाइव हिन्दुस्तान टीम"),
        ("Express News Service, Chennai", "Express News Service"),
        ("Press Trust of India, Kolkata", "Press Trust of India"),
        ("एजेंसी", "एजेंसी"),
        ("Agencies", "Agencies"),
    ],
)
def test_desks_with_their_place_and_generic_agency_credits_are_bylines(line: str, byline: str) -> None:
    assert byline_of(line) == byline


@pytest.mark.parametrize(
    "line",
    [
        "Sebi headquarters in Mumbai | Photo Credit: Reuters",
        "Rescue work at the site | Image: PTI",
        "Kolkata, Chennai",
        "The agency",
    ],
)
def test_picture_credits_and_plain_places_are_not_bylines(line: str) -> None:
    assert byline_of(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Updated - January 23, 2025 at 06:12 PM.",
        "Published on: 3 March 2025, 10:05 am IST.",
        "Last updated at 12 Feb 2025 14:20 GMT.",
    ],
)
def test_time_lines_ending_with_a_full_stop_are_time_lines(line: str) -> None:
    assert is_time_line(line, IST)


@pytest.mark.parametrize(
    "line",
    [
        "The meeting ended on January 23, 2025 at 06:12 PM after six hours of talks.",
        "Polling closed on 3 March 2025, 10:05 am, officials said.",
    ],
)
def test_story_sentences_with_a_time_are_not_time_lines(line: str) -> None:
    assert not is_time_line(line, IST)


def test_a_rule_above_the_agency_coverage_footer_is_no_sign_off() -> None:
    copy = (
        "Storm-Pacific\nStorm lashes Pacific islands, cutting power to thousands\n\n"
        "SUVA, Fiji (AP) \u2014 A powerful storm lashed several Pacific islands on Monday, cutting power.\n\n"
        "___\n"
        "Follow AP's coverage of the Pacific at https://apnews.com/hub/pacific\n"
    )
    parsed = parse_text(copy.encode())
    assert parsed.signoff is None and len(parsed.body) == 1


def test_a_wide_gap_trail_above_the_headline_names_the_section() -> None:
    copy = (
        "Example Express\nHome  Business\n\nFactory output rises for the third month running\n\n"
        "PTI\nPublished: 3rd March 2025 09:45 PM\n\n"
        "New Delhi, Mar 3 (PTI) Factory output rose for the third month running in February, data showed on Monday.\n"
    )
    assert parse_text(copy.encode()).category == "Business"


def test_an_embed_inside_copy_without_blank_lines_drops_only_the_post() -> None:
    copy = (
        "Trains delayed as fog blankets the capital region\n"
        "New Delhi, Jan 10 (IANS) Dense fog delayed more than 40 trains arriving in the capital on Friday.\n"
        "Railway officials said the delays were expected to continue through the weekend.\n"
        "Check the status of your train before leaving home.\n"
        "pic.twitter.com/Ab12Cd34Ef\n"
        "— Example Railway (@ExampleRailway) January 10, 2025\n"
        "Visibility at the airport dropped to 50 metres in the morning, officials said.\n"
        "Flights were not affected as pilots were trained to land in low visibility, an official said.\n"
        "--IANS\nab/cd\n"
    )
    body = parse_text(copy.encode()).body
    assert len(body) == 4 and "Check the status of your train before leaving home." not in body


def test_a_24_hour_time_printed_with_pm_keeps_its_hour() -> None:
    from app.parsers.text.timestamps import find_stamps

    stamps = find_stamps("Updated On: 24 Jan 2025 18:32 PM", IST)
    assert stamps and stamps[0].at.hour == 18 and stamps[0].at.minute == 32


def test_an_impossible_am_hour_is_still_refused() -> None:
    from app.parsers.text.timestamps import find_stamps

    assert find_stamps("Updated On: 24 Jan 2025 18:32 AM", IST) == []


@pytest.mark.parametrize(
    ("printed", "place"),
    [("JERUSALEM/CAIRO", "Jerusalem/Cairo"), ("WINSTON-SALEM", "Winston-Salem"), ("NEW DELHI", "New Delhi")],
)
def test_joint_and_hyphenated_upper_case_places_are_named(printed: str, place: str) -> None:
    from app.parsers.text.datelines import normalise_place

    assert normalise_place(printed) == place


def test_a_desk_code_cut_off_after_its_slash_stays_in_the_sign_off() -> None:
    copy = (
        "Example Daily\nHome > Business\n\nMarkets fall for the second day running on selling\n\n"
        "By IANS | Updated: 24 Jan 2025 18:32 IST\n\n"
        "Mumbai, Jan 24 (IANS) Markets fell for the second day running on Friday as foreign investors kept selling.\n\n"
        "--IANS\nabs/\n"
    )
    assert parse_text(copy.encode()).signoff == "--IANS\nabs/"


def test_a_hard_wrapped_line_ending_on_a_quote_runs_on_to_a_lower_case_line() -> None:
    copy = (
        "CAL14 WB-RAIN\nHeavy rain expected in south Bengal districts this weekend\n\n"
        "Kolkata, Jan 24 (UNI) The weather office on Friday forecast heavy rain in\n"
        "the southern districts of West Bengal over the weekend.\n\n"
        '"Fishermen should not venture into the sea till Monday," an official\n'
        "said.\n\n"
        "UNI AD SHR 1712\n"
    )
    body = parse_text(copy.encode()).body
    assert body[1] == '"Fishermen should not venture into the sea till Monday," an official\nsaid.'


def test_single_spaced_paragraphs_starting_in_upper_case_stay_apart() -> None:
    copy = (
        "Example Daily\nHome > India\n\nCouncil approves new rates for four services at its meeting\n\n"
        "By PTI | Published: 10 Jan 2025 09:10 IST\n\n"
        "New Delhi, Jan 10 (PTI) The council approved new rates for four services on Friday, officials said.\n"
        '"The rates will be reviewed every year," the chairman of the council said.\n'
        "The rates take effect from April 1.\n"
        "The council listed three changes:\n"
        "a) lower fees for small firms\n"
        "b) online filing\n"
    )
    body = parse_text(copy.encode()).body
    assert len(body) == 6 and body[3] == "The council listed three changes:"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("EDITOR'S NOTE \u2014 This story is part of a series on water in South Asia.", "note"),
        ("Editor's note: This story contains graphic descriptions.", "note"),
        ("AP Business Writer", "credit"),
        ("Associated Press Medical Writer", "credit"),
    ],
)
def test_ap_notes_and_writer_titles_above_the_story_are_wire_header_lines(line: str, kind: str) -> None:
    assert wire_header_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    ["Editors note the change in venue as talks resume", "AP writers say the bill will pass", "Writers' strike ends"],
)
def test_headlines_that_mention_editors_or_writers_stay_headlines(line: str) -> None:
    assert wire_header_kind(line) is None


def test_reuters_sign_up_plug_does_not_make_wire_copy_a_page() -> None:
    copy = (
        "BRITAIN-ECONOMY/\nUK factory output falls for third month\nBy Jane Roe\n\n"
        "LONDON, Mar 3 (Reuters) - British factory output fell for a third month in February, a survey showed.\n\n"
        "Sign up here.\n\n"
        "The index fell to 46.9 from 47.0, the lowest since October.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n"
    )
    parsed = parse_text(copy.encode())
    assert parsed.source_format == "wire-text" and len(parsed.body) == 2


def test_a_dash_framed_line_in_non_afp_copy_is_not_kept() -> None:
    copy = (
        "Example Daily\nHome > India\n\nRivers swell across the state after days of heavy rain\n\n"
        "By PTI | Published: 15 Sep 2024 10:00 IST\n\n"
        "Patna, Sep 15 (PTI) Rivers swelled across the state on Sunday after days of heavy rain, officials said.\n\n"
        "- Continue Reading -\n\n"
        "The water resources department has put embankments on alert, an official said.\n"
    )
    body = parse_text(copy.encode()).body
    assert "- Continue Reading -" not in body and len(body) == 2


def test_a_pull_quote_repeating_story_words_is_chrome() -> None:
    story = ['"We will rebuild every school before the monsoon," the minister said on Sunday.']
    assert chrome.is_pull_quote("\u201cWe will rebuild every school before the monsoon\u201d", story)


@pytest.mark.parametrize(
    "line",
    [
        "\u201cWe will not give up.\u201d",  # a one-line quote paragraph said only once
        "\u201cThe water came in the night,\u201d said a resident of the village.",
    ],
)
def test_quote_paragraphs_said_once_are_not_pull_quotes(line: str) -> None:
    story = ["Rescue teams reached the village on Monday.", line, "The water receded by evening, officials said."]
    assert not chrome.is_pull_quote(line, story)


def test_an_agency_tag_glued_to_the_full_stop_is_the_sign_off() -> None:
    copy = (
        "Example Daily\nHome > India\n\nRivers swell across the state after days of heavy rain\n\n"
        "By ANI | Published: 15 Sep 2024 10:00 IST\n\n"
        "Patna (Bihar) [India], September 15 (ANI): Rivers swelled across the state on Sunday, officials said.\n\n"
        "Embankments have been put on alert.(ANI)\n"
    )
    parsed = parse_text(copy.encode())
    assert parsed.signoff == "(ANI)" and parsed.body[-1] == "Embankments have been put on alert."


def test_a_tag_inside_a_word_run_is_not_a_glued_sign_off() -> None:
    copy = (
        "Example Daily\nHome > India\n\nRivers swell across the state after days of heavy rain\n\n"
        "By PTI | Published: 15 Sep 2024 10:00 IST\n\n"
        "Patna, Sep 15 (PTI) Rivers swelled across the state on Sunday, officials said.\n\n"
        "The alert was issued by the state disaster authority(ANI)\n"
    )
    assert parse_text(copy.encode()).signoff is None


@pytest.mark.parametrize("line", ["ZCZC", "ZCZC XPA17", "NNNN"])
def test_teleprinter_framing_lines_are_wire_header_lines(line: str) -> None:
    assert wire_header_kind(line) == "slug"


@pytest.mark.parametrize(("line", "byline"), [("वार्ता, लखनऊ", "वार्ता"), ("भाषा", "भाषा")])
def test_an_agency_dateline_tag_printed_as_the_desk_is_the_byline(line: str, byline: str) -> None:
    assert byline_of(line) == byline


def test_a_hindi_headline_ending_in_the_word_for_talks_is_no_byline() -> None:
    assert byline_of("भारत और चीन के बीच वार्ता") is None


@pytest.mark.parametrize(
    "line",
    [
        "A view shows the central bank headquarters in Mumbai, India, April 6, 2023. REUTERS/Jane Roe",
        "Traders work on the floor of the exchange. REUTERS/John Doe/File Photo",
        "Firefighters at the site of a strike on January 28, 2025. (Photo by Jane ROE / AFP)",
        "Protesters march in the capital on Monday. (AP Photo/John Doe)",
        "Rescuers search the rubble. AFP PHOTO / JOHN DOE",
    ],
)
def test_agency_picture_credits_close_a_caption(line: str) -> None:
    assert chrome.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The photo by the AFP photographer was later shared widely, officials said.",
        "Reuters reported the deal earlier, citing sources familiar with the matter.",
        "The AP photo editor said the agency had verified the image.",
    ],
)
def test_story_sentences_about_agency_pictures_are_not_captions(line: str) -> None:
    assert not chrome.is_caption(line)


@pytest.mark.parametrize(
    "line", ["Watch the video below:", "See the visuals here", "Watch video:", "Here is the clip."]
)
def test_pointers_to_videos_and_posts_are_chrome(line: str) -> None:
    assert chrome.is_inline_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Watch the video of the incident, which has gone viral, officials said.",
        "See the pictures from the rally, the party urged its supporters on Sunday.",
    ],
)
def test_story_sentences_about_videos_are_not_pointers(line: str) -> None:
    assert not chrome.is_inline_chrome(line)


def test_a_generic_agency_credit_with_a_place_is_the_byline() -> None:
    assert byline_of("एजेंसी, नई दिल्ली") == "एजेंसी"
    assert byline_of("Agencies, Mumbai") == "Agencies"


@pytest.mark.parametrize(
    "line", ["EMBARGOED TILL 1800 HRS", "EMBARGO: 00:01 GMT THURSDAY", "Embargoed until 10:00 IST on Friday"]
)
def test_embargo_lines_above_the_story_are_notes(line: str) -> None:
    assert wire_header_kind(line) == "note"


@pytest.mark.parametrize(
    "line", ["Embargo on Russian oil tightened as talks stall", "EU weighs embargo on arms exports"]
)
def test_headlines_about_embargoes_stay_headlines(line: str) -> None:
    assert wire_header_kind(line) is None


def test_a_dotted_date_with_a_two_digit_year_is_read() -> None:
    from app.parsers.text.timestamps import find_stamps

    stamps = find_stamps("Published 29.01.25, 06:12 PM", IST)
    assert stamps and (stamps[0].at.year, stamps[0].at.month, stamps[0].at.day, stamps[0].at.hour) == (2025, 1, 29, 18)


@pytest.mark.parametrize("line", ["Version 1.2.10 released at 10:30", "The score was 6.4.3 at 12:40", "At 10.30.45 pm"])
def test_versions_and_clock_times_are_not_short_year_dates(line: str) -> None:
    from app.parsers.text.timestamps import find_stamps

    assert find_stamps(line, IST) == []


def test_anis_hindi_tag_opens_a_dateline_and_signs_off() -> None:
    from app.parsers.text.datelines import tagged_dateline

    found = tagged_dateline("मुंबई [भारत], 29 जनवरी (एएनआई): महाराष्ट्र सरकार ने बुधवार को नई नीति की घोषणा की।")
    assert found is not None and found.agency is not None and found.agency.name == "ANI"


@pytest.mark.parametrize("signoff", ["\u2014IANS", "\u2013 IANS", "\u2014 IANS ab/cd", "\u2014AFP"])
def test_ians_and_afp_sign_offs_typeset_with_a_dash_are_sign_offs(signoff: str) -> None:
    from app.parsers.text.body import match_signoff

    assert match_signoff(signoff) is not None


def test_a_story_line_opening_with_a_dash_and_the_agency_is_not_a_sign_off() -> None:
    from app.parsers.text.body import match_signoff

    assert match_signoff("\u2014 IANS has learnt that the file was cleared on Monday.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Chief Minister at a rally in the city (File)",
        "Students in a classroom. Image for representation only",
        "A farmer in his field. (Representational)",
        "Traffic on a highway. (Image used for representation)",
    ],
)
def test_representation_and_file_captions_are_captions(line: str) -> None:
    assert chrome.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The sample was not representative, the researchers said.",
        "The company said it would file its response on Monday.",
        "He said the panel was for representation of all communities.",
    ],
)
def test_story_sentences_with_file_or_representation_are_not_captions(line: str) -> None:
    assert not chrome.is_caption(line)


def test_a_caption_credited_with_an_agency_in_brackets_mid_story_is_skipped() -> None:
    copy = (
        "Example Times\nHome / Business\n\nExports rise for a third month in a row in February\n\n"
        "Reuters\nPublished on Mar 3, 2025 02:14 PM IST\n\n"
        "NEW DELHI, Mar 3 (Reuters) - India's exports rose for a third month in February, data showed on Monday.\n\n"
        "Containers at a port in Mumbai. (Reuters)\n\n"
        "Imports fell 4% from a year earlier, the trade ministry said in a statement.\n"
    )
    body = parse_text(copy.encode()).body
    assert body == [
        "NEW DELHI, Mar 3 (Reuters) - India's exports rose for a third month in February, data showed on Monday.",
        "Imports fell 4% from a year earlier, the trade ministry said in a statement.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Roe; Editing by John Doe",
        "Reporting by Jane Roe in Mumbai; Additional reporting by Ann Poe; Editing by John Doe.",
    ],
)
def test_reuters_credits_without_brackets_are_sign_offs(line: str) -> None:
    from app.parsers.text.body import match_signoff

    rule = match_signoff(line)
    assert rule is not None and rule.name == "bare-reporting-credit"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the channel suggested the minister had resigned; officials denied it.",
        "Editing by hand was slow, the archivist said.",
    ],
)
def test_story_sentences_about_reporting_are_not_credits(line: str) -> None:
    from app.parsers.text.body import match_signoff

    assert match_signoff(line) is None


@pytest.mark.parametrize("line", ["खबरें और भी हैं...", "Get Current Updates on India News and Business News here."])
def test_site_teasers_and_plugs_end_the_story(line: str) -> None:
    assert chrome.is_page_end(line)


def test_hindi_see_also_links_are_chrome() -> None:
    assert chrome.ALSO_READ.match("यह भी देखें: राज्य में नई नीति लागू")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By PTI Jan 31, 2025 6:02:14 PM IST (Published)", "PTI"),
        ("By Example Herald - January 31, 2025 6:45 PM", "Example Herald"),
        ("Posted On: 31 JAN 2025 5:14PM by Example News", "Example News"),
    ],
)
def test_a_writer_joined_to_the_time_on_one_line_is_the_byline(line: str, byline: str) -> None:
    assert byline_of(line) == byline


@pytest.mark.parametrize(
    "line", ["Updated: Jan 31, 2025 6:02 PM IST", "Published on January 31, 2025 6:45 PM by the state government."]
)
def test_time_lines_without_a_writer_name_no_byline(line: str) -> None:
    assert byline_of(line) is None


def test_an_upper_case_place_above_the_time_is_not_the_byline() -> None:
    copy = (
        "Example Agency\nHOME | NATIONAL | WORLD\n\nCouncil approves new rates for four services at its meeting\n\n"
        "NEW DELHI\nPUBLISHED: 31 Jan 2025 14:20 IST\n\n"
        "New Delhi, Jan 31 (PTI) The council approved new rates for four services on Friday, officials said.\n"
    )
    assert parse_text(copy.encode()).byline is None


def test_ap_coverage_footer_naming_a_region_is_agency_footer() -> None:
    assert chrome.AGENCY_FOOTER.match("Follow AP's Africa coverage at https://apnews.com/hub/africa")
    assert chrome.AGENCY_FOOTER.match("Follow AP's coverage of the elections at https://apnews.com/hub/elections")


def test_an_ap_keyword_slug_with_spaces_above_the_headline_is_not_the_headline() -> None:
    copy = (
        "New Zealand-Election\nNew Zealand votes in a close general election\nBy JANE ROE\nThe Associated Press\n\n"
        "WELLINGTON, New Zealand (AP) \u2014 New Zealanders voted on Saturday in a closely fought general election.\n"
    )
    assert parse_text(copy.encode()).headline == "New Zealand votes in a close general election"


def test_a_title_case_wire_headline_with_a_hyphen_stays_the_headline() -> None:
    copy = (
        "Kim Jong-Un Visits Moscow\n\n"
        "MOSCOW, Sep 12 (Reuters) - North Korean leader Kim Jong Un arrived in Russia on Tuesday for talks.\n"
    )
    assert parse_text(copy.encode()).headline == "Kim Jong-Un Visits Moscow"


@pytest.mark.parametrize(
    "line",
    [
        "Last updated on Feb 3, 2025",
        "नई दिल्ली, 01 फरवरी 2025, (अपडेटेड 01 फरवरी 2025, 2:45 PM IST)",
        "Mumbai | Published: 3 March 2025",
        "Chennai, 3 March 2025 10:05 IST",
    ],
)
def test_date_meta_lines_are_dated_meta(line: str) -> None:
    from app.parsers.text.timestamps import is_dated_meta

    assert is_dated_meta(line, IST)


@pytest.mark.parametrize(
    "line",
    [
        "Budget 2025: No income tax up to Rs 12 lakh under new regime",
        "Markets on Feb 3, 2025",  # a date but no label or time: could be a headline
        "The council will meet on March 3, 2025 to review the rates, officials said.",
    ],
)
def test_headlines_and_sentences_with_dates_are_not_dated_meta(line: str) -> None:
    from app.parsers.text.timestamps import is_dated_meta

    assert not is_dated_meta(line, IST)


@pytest.mark.parametrize(
    "line",
    [
        "(Jane Roe can be contacted at jane.r@example.in)",
        "The writer can be reached at writer@example.com",
    ],
)
def test_writer_contact_notes_are_chrome(line: str) -> None:
    assert chrome.is_inline_chrome(line)


def test_a_story_sentence_about_a_helpline_is_not_a_contact_note() -> None:
    line = "Residents in distress can be reached at relief camps set up in 12 schools, the collector said on Monday."
    assert not chrome.is_inline_chrome(line)


def test_varta_tag_alone_under_the_writers_name_is_the_sign_off() -> None:
    copy = (
        "बिहार में नई सड़क परियोजना को मंजूरी\n\n"
        "पटना, 04 फरवरी (वार्ता) बिहार सरकार ने मंगलवार को राज्य में नई सड़क परियोजना को मंजूरी दी।\n\n"
        "अधिकारियों ने बताया कि परियोजना दो साल में पूरी होगी।\n\n"
        "राकेश कुमार\n\nवार्ता\n"
    )
    parsed = parse_text(copy.encode())
    assert parsed.source_format == "wire-text"
    assert parsed.signoff == "राकेश कुमार\nवार्ता" and len(parsed.body) == 2


def test_a_last_story_line_above_a_bare_tag_is_not_taken_as_a_name() -> None:
    copy = (
        "बिहार में नई सड़क परियोजना को मंजूरी\n\n"
        "पटना, 04 फरवरी (वार्ता) बिहार सरकार ने मंगलवार को राज्य में नई सड़क परियोजना को मंजूरी दी।\n"
        "अधिकारियों ने बताया कि परियोजना दो साल में पूरी होगी।\n"
        "वार्ता\n"
    )
    assert parse_text(copy.encode()).signoff == "वार्ता"


@pytest.mark.parametrize(
    "line",
    [
        "(Also Read: Assembly session begins amid walkout)",
        "[Also Read: How to apply for the scheme]",
        "(READ MORE: Ten things to know about the budget)",
    ],
)
def test_bracketed_link_lines_are_chrome(line: str) -> None:
    assert chrome.is_inline_chrome(line)


def test_a_bracketed_story_aside_is_not_a_link() -> None:
    assert not chrome.is_inline_chrome("(The rates were last revised in 2019, officials said.)")


@pytest.mark.parametrize(
    "line",
    [
        "(This story has been corrected to fix the name of the state in paragraph 1)",
        "This story was first published on Feb. 5, 2025. It was updated on Feb. 6, 2025, to add details.",
        "This story was originally published on Monday.",
    ],
)
def test_publication_and_correction_notes_are_chrome(line: str) -> None:
    assert chrome.is_inline_chrome(line)


def test_a_correction_note_above_a_wire_headline_is_a_note() -> None:
    assert wire_header_kind("(This story has been corrected to fix a typo in paragraph 2)") == "note"


def test_a_story_sentence_about_a_first_publication_is_not_a_note() -> None:
    line = "The novel was first published in 1954 and has never been out of print, the publisher said."
    assert not chrome.is_inline_chrome(line)
