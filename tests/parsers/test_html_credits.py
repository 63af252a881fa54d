"""The agency, dateline, byline and language come from the copy's own credit and text."""

from __future__ import annotations

from tests.parsers.html_pages import SECOND, THIRD, page, paragraphs_html, read

STAFF_LEAD = (
    "The river ferry between the two old quarters of the city resumed service on Monday after three months of "
    "repairs to its landing stages."
)


def test_a_dpa_dateline_with_a_regional_desk_names_dpa() -> None:
    lead = "Hamburg (dpa/lno) – Die Fähre über die Elbe fährt seit Montag wieder nach drei Monaten Reparatur."
    copy = read(page(body=paragraphs_html(lead, SECOND, THIRD)))
    assert copy.agency == "dpa"
    assert copy.dateline is not None
    assert (copy.dateline.place, copy.dateline.text) == ("Hamburg", "Hamburg (dpa/lno) –")


def test_a_byline_ending_with_the_agency_name_names_the_agency() -> None:
    copy = read(
        page(
            body=paragraphs_html(STAFF_LEAD, SECOND, THIRD),
            before_body="<div class='byline'>Invented Writer Associated Press</div>",
        )
    )
    assert copy.agency == "AP"
    assert copy.byline == "Invented Writer Associated Press"


def test_a_bare_agency_line_after_the_story_is_its_signoff_and_credit() -> None:
    copy = read(page(body=paragraphs_html(STAFF_LEAD, SECOND, THIRD), after_body="<p>AFP</p>"))
    assert (copy.agency, copy.signoff) == ("AFP", "AFP")


def test_a_parenthesised_credit_names_its_one_agency() -> None:
    copy = read(page(body=paragraphs_html(STAFF_LEAD, SECOND, THIRD), after_body="<p>(KNA, ERT)</p>"))
    assert copy.agency == "KNA"


def test_a_story_compiled_from_several_agencies_has_no_single_agency_and_no_doubt() -> None:
    credit = "<p>(Con información de AFP, EFE y Reuters)</p>"
    copy = read(page(body=paragraphs_html(STAFF_LEAD, SECOND, THIRD), after_body=credit))
    assert copy.agency is None
    assert copy.doubts == []


def test_a_staff_story_without_any_credit_has_no_agency() -> None:
    copy = read(page(body=paragraphs_html(STAFF_LEAD, SECOND, THIRD)))
    assert copy.agency is None
    assert copy.doubts == []


def test_credits_naming_different_agencies_hold_the_copy() -> None:
    lead = "PORTO, Portugal (Reuters) - " + STAFF_LEAD
    copy = read(page(body=paragraphs_html(lead, SECOND, THIRD), after_body="<p>AFP</p>"))
    assert any(d.startswith("agency-unsure") for d in copy.doubts)


def test_a_photo_agency_in_a_caption_is_not_the_storys_agency() -> None:
    caption = "<figure><img src='x.jpg'><figcaption>The ferry on Monday. (AFP)</figcaption></figure>"
    copy = read(page(body=caption + paragraphs_html(STAFF_LEAD, SECOND, THIRD)))
    assert copy.agency is None


def test_an_untagged_capitals_dateline_is_read() -> None:
    lead = "MADRID — " + STAFF_LEAD
    copy = read(page(body=paragraphs_html(lead, SECOND, THIRD)))
    assert copy.dateline is not None
    assert (copy.dateline.place, copy.dateline.text) == ("Madrid", "MADRID —")


def test_the_declared_language_yields_to_the_text_when_they_disagree() -> None:
    spanish = (
        "El transbordador entre los dos barrios antiguos de la ciudad volvió a funcionar el lunes después de tres "
        "meses de reparaciones en sus muelles.",
        "La empresa dijo que los barcos saldrán cada veinte minutos durante el día y cada hora por la noche.",
    )
    assert read(page(body=paragraphs_html(*spanish), lang="en")).language == "es"


def test_the_declared_language_is_kept_as_its_primary_subtag() -> None:
    assert read(page(lang="en-GB")).language == "en"


def test_a_picture_credit_naming_an_agency_is_not_the_storys_agency() -> None:
    credit = "<p>(AP Photo/Invented Photographer)</p>"
    copy = read(page(body=paragraphs_html(STAFF_LEAD, SECOND) + credit + paragraphs_html(THIRD)))
    assert copy.agency is None
    assert list(copy.body) == [STAFF_LEAD, SECOND, THIRD]


def test_a_picture_box_holding_only_an_agency_name_above_the_story_holds_it() -> None:
    picture = "<figure><img src='x.jpg'><figcaption><small>EFE</small></figcaption></figure>"
    copy = read(page(before_body=picture, body=paragraphs_html(STAFF_LEAD, SECOND, THIRD)))
    assert copy.agency is None
    assert any(d.startswith("agency-unsure") for d in copy.doubts)
