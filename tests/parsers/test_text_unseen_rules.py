"""Rules added for page furniture and agency conventions first met in the unseen corpus (tests/parsers/unseen).

Each case is a class of line, written here in words other than the corpus documents' own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from app.parsers.text import chrome, parse_text
from app.parsers.text.body import extract_body
from app.parsers.text.lines import split_lines
from app.parsers.text.page import IST
from app.parsers.text.timestamps import find_stamps
from app.parsers.text.wire import wire_header_kind


@pytest.mark.parametrize(
    "line",
    [
        "Fishermen return to the harbour on Monday. Credit: Special Arrangement",
        "Rescue teams at the site - फोटो : सोशल मीडिया",
        "Paramilitary troops on patrol (Image: Reuters)",
        "File image of the Secretariat building in Dispur",
        "Representative photo",
        "Commuters at a railway station in Thane. Express file photo",
        "आरबीआई का मुख्यालय। (फाइल फोटो)",
    ],
)
def test_captions_and_credits_are_chrome(line: str) -> None:
    assert chrome.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The file photo was shared by the police on Sunday, officials said.",
        "The minister said the image of the state had improved over the last decade.",
    ],
)
def test_story_sentences_mentioning_photos_are_not_captions(line: str) -> None:
    assert not chrome.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Join the WhatsApp channel of Example Times for the latest news.",
        "Follow Example Daily on Google News for more stories.",
        "Stay connected with us on social media for every update.",
        "Click here to join our Telegram group and never miss a headline.",
    ],
)
def test_site_promotion_sentences_end_the_story(line: str) -> None:
    assert chrome.is_page_end(line)


@pytest.mark.parametrize(
    "line",
    [
        "(यह समाचार एजेंसी फीड से लिया गया है। हमने इसमें कोई संपादन नहीं किया है।)",
        "This report has been taken from a news agency and carried without editing.",
        "The article above comes from a syndicated feed; Example News does not vouch for it.",
        "(This copy is carried as received from the agency wire.)",
    ],
)
def test_disclaimers_in_other_wordings(line: str) -> None:
    assert chrome.is_disclaimer(line)


@pytest.mark.parametrize(
    "line",
    [
        "The report, published by the news agency on Monday, said 40 people had died.",
        "This report was carried by the state news agency KCNA on Saturday.",
    ],
)
def test_story_sentences_about_published_reports_are_not_disclaimers(line: str) -> None:
    assert not chrome.is_disclaimer(line)


@pytest.mark.parametrize(
    ("line", "kind", "iso"),
    [
        ("Published10 Feb 2025, 11:05 AM IST", "published", "2025-02-10T11:05:00+05:30"),
        ("Mar 3, 2025 | Updated 08:40 IST", "updated", "2025-03-03T08:40:00+05:30"),
        ("4 March 2025, Published 18:20 IST", "published", "2025-03-04T18:20:00+05:30"),
        ("Updated At : 07:30 AM Feb 2, 2025 IST", "updated", "2025-02-02T07:30:00+05:30"),
        ("Posted on February 2, 2025 7:30 am", "published", "2025-02-02T07:30:00+05:30"),
        ("02/02/2025 19:30 IST", "unlabelled", "2025-02-02T19:30:00+05:30"),
        ("Updated: Sun, 2 Feb 2025 09:40 PM (IST)", "updated", "2025-02-02T21:40:00+05:30"),
    ],
)
def test_more_page_time_shapes(line: str, kind: str, iso: str) -> None:
    stamps = find_stamps(line, IST)
    assert [(s.kind, s.at) for s in stamps] == [(kind, datetime.fromisoformat(iso))]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("UNI XSP 7 CRICKET-RANJI-KERALA", "slug"),
        ("XBZ 22 BIZ-GOLD-PRICES", "slug"),
        ("TATA MOTORS-SALES/ (UPDATE 2)", "slug"),
        ("Gold prices rise for third day on safe-haven demand", None),
        ("IPL 2025: RCB retain Kohli", None),
    ],
)
def test_wire_slug_variants(line: str, kind: str | None) -> None:
    assert wire_header_kind(line) == kind


def _body(text: str) -> tuple[list[str], str | None]:
    body = extract_body(split_lines(text), 0, IST, text)
    return body.paragraphs, body.signoff


def test_a_repeated_desk_code_line_closes_the_pti_signoff() -> None:
    paragraphs, signoff = _body(
        "Patna, Feb 2 (PTI) The state cabinet approved 25 proposals on Sunday, an official said.\n\nPTI ABC XYZ\nXYZ\n"
    )
    assert paragraphs == ["Patna, Feb 2 (PTI) The state cabinet approved 25 proposals on Sunday, an official said."]
    assert signoff == "PTI ABC XYZ\nXYZ"


def test_an_upper_case_tag_line_after_a_blank_line_is_not_signoff() -> None:
    _, signoff = _body(
        "Patna, Feb 2 (PTI) The state cabinet approved 25 proposals on Sunday, an official said.\n\n"
        "PTI ABC XYZ\n\nBIHAR CABINET\n"
    )
    assert signoff == "PTI ABC XYZ"


PAGE = """Example Herald
{crumbs}
{label}
Farmers' body calls off protest after talks with state government

{standfirst}

{byline}
02/02/2025 19:30 IST

Chandigarh, Feb 2 (PTI) A farmers' body on Sunday ended its protest after talks with the government, leaders said.

The government agreed to most of their demands, including compensation for crop losses, the leaders said.

PTI ABC XYZ
"""


def _page(crumbs: str = "", label: str = "", standfirst: str = "", byline: str = "Example Desk") -> str:
    return PAGE.format(crumbs=crumbs, label=label, standfirst=standfirst, byline=byline)


def test_a_short_piped_trail_opening_with_a_generic_step_is_the_section() -> None:
    copy = parse_text(_page(crumbs="News | Punjab").encode())
    assert copy.category == "Punjab"


def test_a_long_piped_menu_is_not_a_section() -> None:
    copy = parse_text(_page(crumbs="News | Punjab | Haryana | Sports").encode())
    assert copy.category is None


def test_a_short_standfirst_under_the_headline_without_a_full_stop() -> None:
    copy = parse_text(_page(standfirst="Leaders say most of their demands have been met").encode())
    assert copy.headline == "Farmers' body calls off protest after talks with state government"
    assert copy.summary == "Leaders say most of their demands have been met"


def test_a_name_printed_without_by_right_above_the_time_is_the_byline() -> None:
    copy = parse_text(_page(byline="HT News Service").encode())
    assert copy.byline == "HT News Service"
    assert copy.published_at == datetime.fromisoformat("2025-02-02T19:30:00+05:30")


def test_highlight_items_under_the_headline_are_not_headline_or_summary() -> None:
    text = _page(standfirst="Story highlights\nThe protest had gone on for three weeks\nTalks were held in Chandigarh")
    copy = parse_text(text.encode())
    assert copy.headline == "Farmers' body calls off protest after talks with state government"
    assert copy.summary is None


@pytest.mark.parametrize(
    "line",
    [
        "Example Newsdesk is the editorial team of Example Times, publishing news from the region.",
        "The Web Desk is a team of journalists who cover breaking news.",
        "About the Author",
        "Follow AP’s coverage of the election at https://apnews.com/hub/election",
    ],
)
def test_desk_bios_and_agency_coverage_footers_end_the_story(line: str) -> None:
    assert chrome.is_page_end(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Indian team is the favourite to win the series, the coach said.",
        "The Delhi Police team is a part of the investigation, officials said.",
    ],
)
def test_story_sentences_about_teams_do_not_end_the_story(line: str) -> None:
    assert not chrome.is_page_end(line)


def test_a_middle_dot_between_date_and_time() -> None:
    (stamp,) = find_stamps("Feb 3, 2025 · 06:10 pm", IST)
    assert stamp.at == datetime.fromisoformat("2025-02-03T18:10:00+05:30")


def test_a_reuters_credit_wrapped_over_two_lines_is_one_signoff() -> None:
    paragraphs, signoff = _body(
        "MUMBAI, Feb 3 (Reuters) - Indian shares fell on Monday as foreign investors kept selling.\n\n"
        "(Reporting by A Writer; Additional reporting by B Writer;\nEditing by C Editor)\n"
    )
    assert paragraphs == ["MUMBAI, Feb 3 (Reuters) - Indian shares fell on Monday as foreign investors kept selling."]
    assert signoff == "(Reporting by A Writer; Additional reporting by B Writer;\nEditing by C Editor)"


def test_a_hard_wrapped_paragraph_may_close_on_a_two_word_line() -> None:
    text = (
        "Chennai, Feb 3 (IANS) The state government began handing out relief kits to families\n"
        "in flood-hit villages on Monday, officials said.\n\n"
        "Each kit contains rice, lentils, cooking oil, blankets and a tarpaulin sheet and a\n"
        "torch light.\n"
    )
    paragraphs, _ = _body(text)
    assert (
        paragraphs[-1]
        == "Each kit contains rice, lentils, cooking oil, blankets and a tarpaulin sheet and a\ntorch light."
    )


def test_ap_copy_with_a_coverage_footer_stays_wire_text() -> None:
    text = (
        "Storm knocks out power to thousands in Texas\n\nBy JANE DOE\nAssociated Press\n\n"
        "HOUSTON (AP) — A storm knocked out power to more than 200,000 homes in Texas on Monday, officials said.\n\n"
        "Crews were working to restore service by Tuesday night, the utility company said.\n\n"
        "___\nFollow AP’s coverage of the weather at https://apnews.com/hub/weather\n"
    )
    copy = parse_text(text.encode())
    assert copy.source_format == "wire-text"
    assert copy.byline == "JANE DOE"
    assert len(copy.body) == 2


def test_a_desk_acronym_beside_the_time_is_the_byline_not_the_place() -> None:
    copy = parse_text(_page(byline="ENS | Chandigarh | February 2, 2025 7:30 pm").encode())
    assert copy.byline == "ENS"


@pytest.mark.parametrize(
    "line",
    [
        "READ: Will the monsoon arrive early this year?",
        "Related News | Gold hits a record high!",
        "Also Check: Is your PAN linked to Aadhaar?",
        "Click here for more news from the North East.",
        "Get the latest news on WhatsApp.",
    ],
)
def test_link_labels_and_short_plugs_between_paragraphs_are_skipped(line: str) -> None:
    assert chrome.is_inline_chrome(line)


@pytest.mark.parametrize(
    "line", ["(With inputs from agencies)", "(With inputs from PTI)", "— With inputs from IANS", "(With agency inputs)"]
)
def test_with_inputs_notes_end_the_story(line: str) -> None:
    assert chrome.is_page_end(line)


@pytest.mark.parametrize(
    "line",
    [
        "Residents were asked to stay updated on weather alerts issued by the IMD.",
        "Officials said people could get the latest news on road closures from the district website.",
        "The bench said it would hear the matter with inputs from the state government.",
        "Read the full statement here.",
    ],
)
def test_story_sentences_with_plug_words_stay_story(line: str) -> None:
    assert not chrome.is_inline_chrome(line)
    assert not chrome.is_page_end(line)


def test_a_watch_headline_is_still_a_headline() -> None:
    text = _page().replace(
        "Farmers' body calls off protest after talks with state government",
        "WATCH: Farmers' body calls off protest after talks with state government",
    )
    assert (
        parse_text(text.encode()).headline == "WATCH: Farmers' body calls off protest after talks with state government"
    )


def test_a_place_line_above_the_time_is_not_a_byline() -> None:
    text = _page(byline="Chandigarh")
    assert parse_text(text.encode()).byline is None


def test_a_tagline_in_the_site_name_block_is_not_taken_for_the_headline() -> None:
    text = _page().replace("Example Herald\n", "Example Herald\nThe voice of the region since 1950\n\n", 1)
    text = text.replace("\nFarmers' body calls off", "\n\nFarmers' body calls off", 1)
    copy = parse_text(text.encode())
    assert copy.headline == "Farmers' body calls off protest after talks with state government"
