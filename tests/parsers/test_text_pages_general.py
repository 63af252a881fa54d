"""Page text from sites of any country (issue 9): each test reproduces one general shape of real pages or agency
practice on a small page invented for it (no text from real pages)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.parsers.base import ParsedCopy
from app.parsers.plausibility import plausibility_doubts
from app.parsers.text import parse_text

LEAD = (
    "The city council on Tuesday approved a plan to plant ten thousand trees along the river before the summer "
    "heat arrives, officials said."
)
SECOND = "The plan will cost about two million and will be paid for from the parks budget, the council said."
THIRD = "Residents have asked for more shade along the riverside paths since last year's record heat."


def page(*blocks: str) -> ParsedCopy:
    return parse_text("\n\n".join(blocks).encode())


def story_page(header: list[str], lead: str = LEAD, after: list[str] | None = None) -> ParsedCopy:
    return page(
        "Example Daily",
        "Home | World | Sport",
        "City council approves plan to plant ten thousand trees along river",
        *header,
        lead,
        SECOND,
        THIRD,
        *(after or ["Terms of Service"]),
    )


def test_utf16_with_a_byte_order_mark_is_decoded_not_refused() -> None:
    text = "\n\n".join(["Example Daily", "City council approves plan to plant ten thousand trees", LEAD, SECOND])
    copy = parse_text(b"\xff\xfe" + text.encode("utf-16-le"))
    assert copy.body == [LEAD, SECOND] and copy.repairs == ["decoded as UTF-16-LE (byte-order mark)"]


def test_language_comes_from_the_words_not_the_script() -> None:
    lead = "Der Stadtrat hat am Dienstag beschlossen, entlang des Flusses zehntausend Bäume zu pflanzen, sagte er."
    second = "Die Bäume sollen vor dem Sommer gepflanzt werden und werden aus dem Parkbudget bezahlt."
    copy = page("Beispiel Zeitung", "Stadtrat beschließt zehntausend neue Bäume am Fluss", lead, second)
    assert copy.language == "de"


def test_a_dpa_dateline_with_a_regional_service_gives_the_agency() -> None:
    copy = story_page(["12.03.2021"], lead="Frankfurt/Main (dpa/lhe) - " + LEAD)
    assert copy.agency == "dpa" and copy.dateline is not None and copy.dateline.place == "Frankfurt/Main"


def test_a_kna_dateline_closed_by_a_full_stop_gives_the_agency() -> None:
    copy = story_page([], lead="Mainz (KNA/ab). " + LEAD)
    assert copy.agency == "KNA" and copy.dateline is not None and copy.dateline.text == "Mainz (KNA/ab)."


def test_a_yonhap_page_time_without_a_zone_is_korean_time() -> None:
    copy = story_page(["Politics 09:31 March 3, 2021"], lead="SEOUL, March 3 (Yonhap) -- " + LEAD)
    assert copy.published_at == datetime(2021, 3, 3, 9, 31, tzinfo=timezone(timedelta(hours=9)))


def test_a_time_without_a_zone_on_a_page_of_a_foreign_agency_is_not_read() -> None:
    copy = story_page(["March 3, 2021 9:31 AM"], lead="MADRID, March 3 (AP) — " + LEAD)
    assert copy.published_at is None


def test_a_time_without_a_zone_on_a_page_of_an_indian_agency_is_indian_time() -> None:
    copy = story_page(["March 3, 2021 9:31 AM"], lead="Pune, Mar 3 (PTI) " + LEAD)
    assert copy.published_at == datetime(2021, 3, 3, 9, 31, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def test_a_us_time_before_its_date_with_a_zone_is_read() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"])
    assert copy.published_at == datetime(2021, 3, 3, 23, 34, tzinfo=timezone(timedelta(hours=-5)))


def test_an_updated_time_with_zone_and_weekday_before_the_date_is_read() -> None:
    copy = story_page(["Updated 5:27 am CST, Wednesday, March 3, 2021"])
    assert copy.updated_at == datetime(2021, 3, 3, 5, 27, tzinfo=timezone(timedelta(hours=-6)))


def test_a_us_numeric_date_with_eastern_time_takes_summer_time() -> None:
    copy = story_page(["By JANE ROE 10/ 5/11 09:19 PM ET"])
    assert copy.published_at == datetime(2011, 10, 5, 21, 19, tzinfo=timezone(timedelta(hours=-4)))


def test_a_last_paragraph_with_a_glued_agency_signoff_is_kept() -> None:
    copy = page(
        "Example Daily",
        "Home | India | World",
        "City council approves plan to plant ten thousand trees along river",
        "Published: Mar 3, 2021, 10:12 PM",
        "Pune, Mar 3 (PTI) " + LEAD,
        SECOND + " PTI",
    )
    assert copy.body[-1] == SECOND and copy.signoff == "PTI"


def test_a_lead_line_no_rule_explains_leaving_out_is_a_doubt() -> None:
    copy = story_page(["Published: Mar 3, 2021, 10:12 PM"], lead="Pune, Mar 3 (PTI) " + LEAD + "\nSet-Cookie: a=b")
    assert any(d.startswith("unexplained-removal") for d in copy.doubts)


def test_a_picture_credit_line_takes_the_caption_above_it_out() -> None:
    caption = "Volunteers plant saplings along the river on Tuesday, March 2, 2021, in the old town."
    copy = page(
        "Example Daily",
        "City council approves plan to plant ten thousand trees along river",
        "Published 11:34 PM EST Mar 3, 2021",
        LEAD,
        caption,
        "Jane Roe, AP",
        SECOND,
        THIRD,
    )
    assert copy.body == [LEAD, SECOND, THIRD]


def test_titles_listed_under_a_related_heading_are_accounted_for() -> None:
    copy = story_page(
        ["Published 11:34 PM EST Mar 3, 2021"],
        lead=LEAD + "\n\nRelated\n\nRiver cleanup volunteers return for spring\n\nParks budget rises for new year",
    )
    assert copy.body == [LEAD, SECOND, THIRD] and copy.doubts == []


def test_a_skip_link_is_never_the_headline() -> None:
    copy = page(
        "Skip to main content",
        "City council approves plan to plant ten thousand trees along river",
        "Published 11:34 PM EST Mar 3, 2021",
        LEAD,
        SECOND,
    )
    assert copy.headline == "City council approves plan to plant ten thousand trees along river"


def test_when_the_header_headline_is_not_about_the_story_the_line_above_the_main_text_is_taken() -> None:
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "By Jane Roe",
        "March 3, 2021",
        "More On:",
        "Weekend markets",
        "City council approves plan to plant ten thousand trees along river",
        LEAD,
        SECOND,
        THIRD,
    )
    assert copy.headline == "City council approves plan to plant ten thousand trees along river"


def test_a_crosshead_in_copy_of_an_agency_that_uses_none_is_the_sites_heading() -> None:
    copy = story_page(["Published: Mar 3, 2021, 10:12 PM"], lead="Pune, Mar 3 (PTI) " + LEAD + "\n\nShade for walkers")
    assert "Shade for walkers" not in copy.body and copy.doubts == []


def test_a_crosshead_in_other_copy_is_kept_and_holds_the_story() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], lead=LEAD + "\n\nShade for walkers")
    assert "Shade for walkers" in copy.body
    assert any(d.startswith("crosshead-unsure") for d in plausibility_doubts(copy))


def test_a_paragraph_without_a_full_stop_is_kept_and_holds_the_story() -> None:
    unfinished = "The council also set aside money for watering the young trees through their first two summers"
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], lead=LEAD + "\n\n" + unfinished)
    assert unfinished in copy.body
    assert any(d.startswith("paragraph-without-full-stop") for d in plausibility_doubts(copy))


def test_a_standfirst_repeated_at_the_start_of_a_paragraph_is_not_the_lead() -> None:
    standfirst = "The plan will cost about two million and will be paid for from the parks budget."
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        standfirst,
        "(EFE).- " + LEAD,
        SECOND,
        THIRD,
    )
    assert copy.body == ["(EFE).- " + LEAD, SECOND, THIRD] and copy.agency == "EFE"


def test_an_agency_credit_printed_with_the_time_gives_the_agency() -> None:
    copy = story_page(["Associated Press March 3, 2021, 9:02 AM"], lead="MADRID — " + LEAD)
    assert copy.agency == "AP"


def test_a_labelled_credit_naming_an_agency_gives_the_agency() -> None:
    copy = story_page(["| Redacción Digital: EFE", "Published 11:34 PM EST Mar 3, 2021"])
    assert copy.agency == "EFE"


def test_a_german_byline_with_an_agency_code_gives_the_agency() -> None:
    copy = story_page(["Von: ab/dpa", "Published 11:34 PM EST Mar 3, 2021"])
    assert copy.agency == "dpa"


def test_a_bare_agency_name_after_the_last_paragraph_is_the_signoff() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], after=["AFP", "Terms of Service"])
    assert (copy.signoff, copy.agency) == ("AFP", "AFP")


def test_a_contributor_credit_naming_one_agency_credits_it() -> None:
    credit = "The Associated Press contributed to this report."
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], after=[credit, "Terms of Service"])
    assert (copy.signoff, copy.agency) == (credit, "AP")


def test_a_credit_naming_several_agencies_credits_none() -> None:
    credit = "(Con información de AFP, EFE y Reuters)"
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], after=[credit, "Terms of Service"])
    assert (copy.signoff, copy.agency) == (credit, None)


def test_an_agency_tag_with_the_editors_initials_is_the_signoff() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], after=["(KNA, ab)", "Terms of Service"])
    assert (copy.signoff, copy.agency) == ("(KNA, ab)", "KNA")


def test_spanish_and_french_read_more_lines_are_chrome() -> None:
    copy = story_page(
        ["Published 11:34 PM EST Mar 3, 2021"],
        lead=LEAD + "\n\nLea también: Parks budget rises for new year\n\nA lire aussi : Les arbres de la ville",
    )
    assert copy.body == [LEAD, SECOND, THIRD] and copy.doubts == []


def test_a_captioned_line_above_the_story_is_not_its_lead() -> None:
    caption = "Volunteers plant saplings along the river in the old town on Tuesday afternoon. (Jane Roe/AP)"
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        caption,
        "Associated Press March 3, 2021, 9:02 AM",
        LEAD,
        SECOND,
        THIRD,
    )
    assert copy.body == [LEAD, SECOND, THIRD]


def test_a_captions_above_pointer_is_not_a_dateline() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], lead="Above: " + LEAD)
    assert copy.dateline is None


def test_a_cookie_notice_is_never_the_main_text() -> None:
    notice = (
        "We use cookies on our website to give you the most relevant experience by remembering your preferences "
        "and repeat visits, and by clicking accept you consent to the use of all the cookies."
    )
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        LEAD,
        SECOND,
        THIRD,
        notice,
        notice,
        notice,
    )
    assert copy.body == [LEAD, SECOND, THIRD]


def test_a_long_line_left_out_between_headline_and_story_is_a_doubt() -> None:
    lost = (
        "Officials said the trees would be chosen from native species that need little water and can survive "
        "the hot dry months without help"
    )
    copy = page(
        "Example Daily",
        "City council approves plan to plant ten thousand trees along river",
        "Published 11:34 PM EST Mar 3, 2021",
        "A greener riverside is planned for the city this summer.",
        lost,
        "Pune, Mar 3 (PTI) " + LEAD,
        SECOND,
        THIRD,
    )
    assert any(d.startswith("lead-unsure") for d in copy.doubts)


def test_a_tag_strip_above_the_story_is_no_lost_lead() -> None:
    tags = "Parks , Trees , City Council , Environment , Summer Heat , Riverside , Budget , Local News , Weather"
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021", tags])
    assert copy.doubts == []


def test_a_sentence_after_a_time_line_below_the_story_is_never_silently_lost() -> None:
    later = (
        "Work on the first stretch of the riverside will begin in April and should be finished before the "
        "school holidays, the parks department said."
    )
    copy = page(
        "Example Daily",
        "City council approves plan to plant ten thousand trees along river",
        "Published 11:34 PM EST Mar 3, 2021",
        LEAD,
        SECOND,
        "Published 11:34 PM EST Mar 3, 2021",
        later,
    )
    assert later in copy.body or any(d.startswith("story-may-continue") for d in copy.doubts)


def test_nothing_after_the_agencys_signoff_is_story() -> None:
    later = "Catch up with every story from the city and the region in our daily newsletter sent each morning."
    copy = story_page(
        ["Published: Mar 3, 2021, 10:12 PM"], lead="Pune, Mar 3 (PTI) " + LEAD, after=["PTI AB CD", later]
    )
    assert copy.signoff == "PTI AB CD" and copy.doubts == []


def test_a_standfirst_above_the_storys_picture_is_not_the_lead() -> None:
    standfirst = "The plan will be paid for from the parks budget and should be finished before the summer."
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        standfirst,
        "EFE",
        "IMAGEN DE REFERENCIA",
        LEAD,
        SECOND,
        THIRD,
    )
    assert copy.body == [LEAD, SECOND, THIRD] and copy.summary == standfirst


def test_a_source_credit_under_the_story_ends_it() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], after=["SOURCE: News agencies", "Have your say today."])
    assert copy.body == [LEAD, SECOND, THIRD]


def test_a_caption_credited_in_square_brackets_is_no_lead() -> None:
    caption = "Saplings wait to be planted along the river in the old town this week [File: Reuters]"
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        "The city will plant ten thousand trees along the river before summer.",
        "3 Mar 2021 08:00 GMT",
        caption,
        LEAD,
        SECOND,
        THIRD,
    )
    assert copy.body == [LEAD, SECOND, THIRD]


def test_a_line_without_letters_between_paragraphs_is_accounted_for() -> None:
    copy = story_page(["Published 11:34 PM EST Mar 3, 2021"], lead=LEAD + "\n\n191119052250266")
    assert copy.body == [LEAD, SECOND, THIRD] and copy.doubts == []


def test_a_footer_shaped_link_between_paragraphs_keeps_the_story_and_holds_it() -> None:
    copy = page(
        "Example Daily",
        "Our favourite recipes of the week",
        "City council approves plan to plant ten thousand trees along river",
        LEAD,
        SECOND,
        "Also on example.com Parks budget rises for the new year",
        THIRD + " More shade is what they want, residents said, and the council agreed with them today.",
    )
    assert len(copy.body) == 3 and any(d.startswith("footer-inside-story") for d in copy.doubts)
