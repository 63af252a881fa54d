"""plausibility_doubts: each named check of a parsed story, on a small invented story that fails only that check."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.parsers.base import Dateline, ParsedCopy
from app.parsers.plausibility import plausibility_doubts

HEADLINE = "Harbour city opens new ferry terminal for island commuters"
BODY = [
    "Harbour city officials on Tuesday opened a new ferry terminal that will serve commuters from the three islands.",
    "The terminal has six berths and a waiting hall for two thousand passengers, the port authority said.",
    "Ferries will run every twenty minutes during the morning and evening peaks, officials said.",
]


def story(**changes: object) -> ParsedCopy:
    fields: dict[str, object] = {"source_format": "page-text", "headline": HEADLINE, "body": BODY, "agency": "PTI"}
    fields.update(changes)
    return ParsedCopy.model_validate(fields)


def names(copy: ParsedCopy) -> list[str]:
    return [doubt.split(":", 1)[0] for doubt in plausibility_doubts(copy)]


def test_a_plain_story_has_no_doubt() -> None:
    assert plausibility_doubts(story()) == []


def test_the_parsers_own_doubts_come_first() -> None:
    assert plausibility_doubts(story(doubts=["unexplained-removal: 'x'"]))[0] == "unexplained-removal: 'x'"


def test_a_skip_link_headline_is_a_chrome_shape() -> None:
    assert "headline-chrome-shape" in names(story(headline="Skip to main content"))


def test_a_timestamp_headline_is_a_chrome_shape() -> None:
    assert "headline-chrome-shape" in names(story(headline="3. März 2021 09:15"))


def test_a_spanish_date_line_headline_is_a_chrome_shape() -> None:
    assert "headline-chrome-shape" in names(story(headline="Puerto Nuevo, Ecuador 12, Marzo, 2021 4:05 p.m."))


def test_a_counter_headline_is_a_chrome_shape() -> None:
    assert "headline-chrome-shape" in names(story(headline="Harbour pictures: Slideshow ( 12 images )"))


def test_a_caption_headline_is_a_chrome_shape() -> None:
    headline = "Harbour city ferry terminal at dawn (REUTERS/Jane Roe)"
    assert "headline-chrome-shape" in names(story(headline=headline))


def test_a_headline_about_something_else_is_unrelated() -> None:
    assert "headline-unrelated" in names(story(headline="Weather tomorrow: sunny spells for the weekend"))


def test_a_headline_sharing_a_single_word_with_the_lead_is_unrelated() -> None:
    assert "headline-unrelated" in names(story(headline="Editorials from the island dailies"))


def test_a_headline_printed_again_as_a_body_sentence_is_doubted() -> None:
    body = [*BODY, HEADLINE + "."]
    assert "headline-in-body" in names(story(body=body))


def test_a_few_words_are_not_a_story() -> None:
    assert "body-short" in names(story(body=["Harbour city opens a new ferry terminal today."]))


def test_a_captioned_paragraph_is_chrome() -> None:
    caption = "Commuters queue at the new terminal in the harbour city (REUTERS/Jane Roe)"
    assert "paragraph-chrome" in names(story(body=[*BODY[:2], caption, BODY[2]]))


def test_a_view_all_counter_paragraph_is_chrome() -> None:
    assert "paragraph-chrome" in names(story(body=[*BODY, "View all (23)"]))


def test_a_time_line_paragraph_is_chrome() -> None:
    assert "paragraph-chrome" in names(story(body=["miércoles 3 de marzo de 2021 - 4:05 p.m.", *BODY]))


def test_a_short_paragraph_without_a_sentence_end_is_unfinished() -> None:
    assert "paragraph-unfinished" in names(story(body=[BODY[0], "Six berths", *BODY[1:]]))


def test_list_items_under_a_paragraph_opening_a_list_are_not_unfinished() -> None:
    body = [*BODY, "The terminal offers:", "- six berths", "- a waiting hall"]
    assert "paragraph-unfinished" not in names(story(body=body))


def test_a_dateline_naming_another_agency_is_doubted() -> None:
    dateline = Dateline(place="Kochi", text="Kochi, Mar 3 (IANS)")
    assert "dateline-agency" in names(story(dateline=dateline))


def test_a_signoff_naming_another_agency_is_doubted() -> None:
    assert "signoff-agency" in names(story(signoff="(ANI)"))


def test_an_update_before_the_publication_is_doubted() -> None:
    published = datetime(2021, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    copy = story(published_at=published, updated_at=published - timedelta(hours=1))
    assert "timestamps-order" in names(copy)


def test_a_paragraph_printed_again_at_the_start_of_another_is_repeated() -> None:
    assert "paragraph-repeated" in names(story(body=[BODY[1].rstrip("."), *BODY]))
