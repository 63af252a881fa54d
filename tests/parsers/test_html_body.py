"""The story's paragraphs, exactly as the page prints them; everything else on the page stays out."""

from __future__ import annotations

from tests.parsers.html_pages import FIXTURES, HEADLINE, LEAD, PARAGRAPHS, SECOND, THIRD, page, paragraphs_html, read


def test_full_agency_page_gives_exactly_the_story_and_no_doubt() -> None:
    copy = read((FIXTURES / "agency_page.html").read_bytes())
    assert copy.doubts == []
    assert copy.source_format == "page-html"
    assert copy.headline == "Harbour cranes idle as dock workers strike for a second day"
    assert len(copy.body) == 6
    assert copy.body[3] == "WAITING SHIPS"
    assert all("Cranes stand still" not in p and "Related" not in p and "Also read" not in p for p in copy.body)


def test_whitespace_inside_a_paragraph_is_collapsed_to_single_spaces() -> None:
    spread = LEAD.replace(" river ferry ", "\n   river\tferry  ")
    copy = read(page(body=paragraphs_html(spread, SECOND, THIRD)))
    assert copy.body[0] == LEAD


def test_soft_hyphens_of_the_page_are_kept_although_the_extractor_drops_them() -> None:
    hyphenated = SECOND.replace("operator", "oper\u00adator")
    copy = read(page(body=paragraphs_html(LEAD, hyphenated, THIRD)))
    assert copy.body[1] == hyphenated


def test_inline_markup_inside_a_paragraph_is_read_as_one_paragraph() -> None:
    marked = SECOND.replace("every twenty minutes", "every <b>twenty</b> <a href='/t'>minutes</a>")
    assert read(page(body=paragraphs_html(LEAD, marked, THIRD))).body[1] == SECOND


def test_a_photo_caption_inside_the_story_is_not_body() -> None:
    caption = "<figure><img src='x.jpg'><figcaption>A ferry crosses the river on Monday morning.</figcaption></figure>"
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + caption + paragraphs_html(THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_a_caption_box_named_by_its_class_is_not_body() -> None:
    caption = "<p class='image-caption'>The ferry landing stage after its repairs. Photo: Invented Name</p>"
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + caption + paragraphs_html(THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_an_also_read_line_inside_the_story_is_not_body() -> None:
    also = "<p>Lea también: <a href='/x'>Los puentes de la ciudad cierran por obras</a></p>"
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + also + paragraphs_html(THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_a_related_box_between_paragraphs_is_not_body() -> None:
    related = (
        "<div class='related-articles'><h3>Related</h3><ul><li><a href='/a'>Bridge tolls to rise in spring as "
        "traffic grows</a></li><li><a href='/b'>New timetable for the coastal trains</a></li></ul></div>"
    )
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + related + paragraphs_html(THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_a_share_prompt_and_tags_after_the_story_are_not_body() -> None:
    tail = "<p>Like this story? Share it with a friend!</p><ul class='tags'><li><a href='/t'>Ferries</a></li></ul>"
    assert list(read(page(after_body=tail)).body) == list(PARAGRAPHS)


def test_the_headline_printed_again_above_the_story_is_not_body() -> None:
    copy = read(page(body=f"<h2>{HEADLINE}</h2>" + paragraphs_html(*PARAGRAPHS)))
    assert HEADLINE not in copy.body


def test_a_crosshead_between_paragraphs_is_kept_in_its_place() -> None:
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + "<h2>NEW BOATS</h2>" + paragraphs_html(THIRD)))
    assert list(copy.body) == [LEAD, SECOND, "NEW BOATS", THIRD]


def test_a_paragraph_without_a_closing_full_stop_is_kept() -> None:
    unfinished = THIRD.rstrip(".")
    assert read(page(body=paragraphs_html(LEAD, SECOND, unfinished))).body[-1] == unfinished


def test_an_end_marker_closes_the_story_and_becomes_the_signoff() -> None:
    after = "<p>reporter@example.org</p><p>(END)</p><p>The ferry company also runs a bus to the airport.</p>"
    copy = read(page(after_body=after))
    assert list(copy.body) == list(PARAGRAPHS)
    assert copy.signoff == "reporter@example.org\n(END)"


def test_a_contribution_note_is_the_signoff_not_body() -> None:
    note = "<p>Invented Writer in Lisbon contributed to this report.</p>"
    copy = read(page(after_body=note))
    assert list(copy.body) == list(PARAGRAPHS)
    assert copy.signoff == "Invented Writer in Lisbon contributed to this report."


def test_teasers_of_other_stories_below_the_story_are_not_body() -> None:
    teasers = (
        "<section class='more'><div class='item'><a href='/a'>Bridge tolls to rise in spring as traffic grows</a>"
        "<p>City officials say the money will pay for new lighting and a repaired footpath.</p></div>"
        "<div class='item'><a href='/b'>Rowing club opens its doors to new members</a>"
        "<p>The club hopes to double its numbers before the regatta in June.</p></div></section>"
    )
    assert list(read(page(after_article=teasers)).body) == list(PARAGRAPHS)


def test_script_text_never_reaches_the_body() -> None:
    script = "<script>document.write('The ferry was cancelled for ever, said a statement issued today.');</script>"
    copy = read(page(body=paragraphs_html(LEAD) + script + paragraphs_html(SECOND, THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_a_crosshead_starting_with_by_is_not_taken_for_a_byline() -> None:
    copy = read(page(body=paragraphs_html(LEAD, SECOND) + "<h3>By the numbers</h3>" + paragraphs_html(THIRD)))
    assert list(copy.body) == [LEAD, SECOND, "By the numbers", THIRD]


def test_a_parenthesised_note_inside_the_story_does_not_end_it() -> None:
    copy = read(page(body=paragraphs_html(LEAD, SECOND, "(Story continues below)", THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_an_advertisement_label_inside_the_story_is_not_body() -> None:
    copy = read(page(body=paragraphs_html(LEAD, "Advertisement", SECOND, THIRD)))
    assert list(copy.body) == list(PARAGRAPHS)


def test_a_last_paragraph_mentioning_a_contribution_to_a_report_stays_body() -> None:
    last = "The figures came from an engineer who contributed to the report."
    copy = read(page(body=paragraphs_html(LEAD, SECOND, THIRD, last)))
    assert copy.body[-1] == last
    assert copy.signoff is None


def test_a_short_french_paragraph_starting_with_avec_stays_body() -> None:
    copy = read(page(body=paragraphs_html(LEAD, SECOND, "Avec le soutien de la ville.", THIRD)))
    assert "Avec le soutien de la ville." in copy.body
