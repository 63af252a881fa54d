"""Wire formats as agencies really send them: one behaviour per test, each on an invented fixture in
tests/parsers/wire_fixtures/ that reproduces one real quirk (the real files stay in ../shared/wire-samples)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.errors import ParseError
from app.parsers.sniff import detect_format, parse_copy, parse_items

FIXTURES = Path(__file__).parent / "wire_fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(name: str, content_type: str = "application/octet-stream"):  # type: ignore[no-untyped-def]
    return parse_copy(fixture(name), content_type)


def refusal(name: str, content_type: str = "application/octet-stream") -> ParseError:
    with pytest.raises(ParseError) as refused:
        parse_copy(fixture(name), content_type)
    return refused.value


# ANPA-1312 (AP)


def test_anpa_headline_is_the_second_caret_line_never_the_take_line() -> None:
    assert parse("anpa-story.tst").headline == "Old lighthouse keeper guards a southern cape alone"


def test_anpa_eds_notes_and_photo_lines_are_editorial_notes_not_body() -> None:
    copy = parse("anpa-story.tst")
    assert copy.editorial_notes is not None and "Updates with comment from the navy" in copy.editorial_notes
    assert not any("AP Photo" in p or "Eds:" in p for p in copy.body)


def test_anpa_dateline_with_a_country_and_the_underscore_dash() -> None:
    copy = parse("anpa-story.tst")
    assert copy.dateline is not None and copy.dateline.place.casefold() == "buenos aires"
    assert copy.body[0].startswith("BUENOS AIRES, Argentina (AP) _ A retired sailor")


def test_anpa_byline_and_etx_trailer_time() -> None:
    copy = parse("anpa-story.tst")
    assert copy.byline == "MARTA QUIROGA"
    assert copy.published_at == datetime(2021, 3, 5, 14, 12, tzinfo=UTC)


def test_anpa_slugline_is_the_keyword_without_take_and_word_count() -> None:
    assert parse("anpa-story.tst").slugline == "BC-LT--Argentina-Lighthouse Keeper"


def test_anpa_newsalert_takes_its_lede_as_a_derived_headline() -> None:
    copy = parse("anpa-newsalert.tst")
    assert copy.headline == "City council approves a plan to light every bridge over the river by winter."
    assert copy.headline_derived is True


def test_anpa_headline_digest_is_a_story_of_its_item_lines() -> None:
    copy = parse("anpa-digest.tst")
    assert copy.headline == "AP Top Science News at 4:10 p.m. EDT"
    assert copy.body[0] == "Comet brightens earlier than astronomers expected"
    assert len(copy.body) == 3


def test_anpa_kill_notice_is_a_cancel_with_the_killed_slug() -> None:
    copy = parse("anpa-kill.tst")
    assert copy.pubstatus == "canceled"
    assert copy.slugline == "BC-US--Bridge-Vote"


# IPTC 7901 (dpa)


def test_dpa_status_lines_are_not_the_headline() -> None:
    assert parse("dpa-7901-latin1.txt").headline == "Hamburg harbour opens a new lock for the largest ships"


def test_dpa_two_line_header_headline_loses_its_end_mark() -> None:
    assert parse("dpa-7901-two-line.txt").headline == "Night trains return to the Berlin to Vienna line"


def test_dpa_byline_without_its_end_mark_latin1_decoded() -> None:
    assert parse("dpa-7901-latin1.txt").byline == "Jörg Ostermann, dpa"


def test_dpa_dateline_and_agency_from_the_header() -> None:
    copy = parse("dpa-7901-latin1.txt")
    assert copy.dateline is not None and copy.dateline.place == "Hamburg"
    assert copy.agency == "dpa"


def test_dpa_notes_not_for_publication_never_reach_the_body() -> None:
    copy = parse("dpa-7901-latin1.txt")
    assert copy.body == [
        "Hamburg (dpa) - The port of Hamburg on Monday opened a lock wide enough for\n"
        "the largest container ships, the harbour authority said.",
        "The lock took six years to build and cost more than planned.",
    ]
    assert copy.editorial_notes is not None and "not intended for publication" in copy.editorial_notes
    assert copy.signoff == "dpa jo kw"


def test_dpa_german_month_in_the_trailer_is_read() -> None:
    assert parse("dpa-7901-latin1.txt").published_at == datetime(2021, 10, 12, 15, 30, tzinfo=UTC)


def test_dpa_story_whose_text_is_only_the_contacts_footer_is_refused() -> None:
    assert refusal("dpa-7901-footer-only.txt").reason == "no-body"


def test_dpa_service_message_is_not_a_story() -> None:
    assert refusal("dpa-7901-service.txt").reason == "not-a-story: service message"


# NITF


def test_nitf_declared_latin1_but_written_in_utf8_is_read_as_utf8() -> None:
    copy = parse("nitf-declared-latin1-utf8.xml")
    assert copy.headline == "Décès d'un célèbre pâtissier à Lyon"
    assert any("UTF-8" in r for r in copy.repairs)


def test_nitf_aap_dateline_without_brackets_and_story_date_inside_dateline() -> None:
    copy = parse("nitf-aap-dateline.xml")
    assert copy.dateline is not None and copy.dateline.place.casefold() == "sydney"


def test_nitf_date_issue_with_a_space_before_the_offset_is_read() -> None:
    copy = parse("nitf-aap-dateline.xml")
    assert copy.published_at == datetime(2023, 3, 22, 9, 15, tzinfo=timezone(timedelta(hours=11)))


def test_nitf_urgency_outside_docdata_and_provider_short_name() -> None:
    copy = parse("nitf-aap-dateline.xml")
    assert (copy.urgency, copy.agency) == (3, "AAP")


def test_nitf_afp_copy_on_aap_feed_is_aap_delivery_with_afp_dateline() -> None:
    copy = parse("nitf-afp-on-aap.xml")
    assert copy.agency == "AAP"
    assert copy.dateline is not None and copy.dateline.place.casefold() == "seoul"


def test_nitf_embargo_is_a_field_never_a_refusal() -> None:
    copy = parse("nitf-embargoed.xml")
    assert copy.pubstatus == "usable"
    assert copy.embargoed == datetime(2016, 3, 2, 0, 1, tzinfo=UTC)


def test_nitf_canceled_is_the_pubstatus_with_the_agency_id() -> None:
    copy = parse("nitf-canceled.xml")
    assert (copy.pubstatus, copy.agency_ref) == ("canceled", "EX.KILL.9")


def test_nitf_fact_check_quoting_embed_code_as_text_is_published_as_text() -> None:
    copy = parse("nitf-fact-check-quoting-code.xml")
    assert '<script async src="https://example.com/widgets.js"></script>' in copy.body[0]


# NewsML-G2


def test_g2_html_inside_plain_inline_data_is_paragraphs_not_literal_tags() -> None:
    copy = parse("g2-html-in-plain-inline-data.xml")
    assert copy.body == [
        "(ANSA) - Rome, October 11 - A museum in the capital opened a new wing for ancient mosaics on Monday.",
        "The wing holds forty restored floors.",
    ]


def test_g2_ansa_dateline_with_the_tag_first() -> None:
    copy = parse("g2-html-in-plain-inline-data.xml")
    assert copy.dateline is not None and copy.dateline.place == "Rome"


def test_g2_identity_urgency_slugline_subjects() -> None:
    copy = parse("g2-html-in-plain-inline-data.xml")
    assert (copy.agency_ref, copy.agency_version, copy.urgency) == ("urn:example:ansa:1", 3, 2)
    assert (copy.slugline, copy.subjects) == ("ROME-MUSEUM", ["arts, culture"])


def test_g2_cancel_with_an_empty_body_is_a_kill_notice_for_its_guid() -> None:
    copy = parse("g2-cancel-empty.xml")
    assert (copy.pubstatus, copy.agency_ref, copy.agency_version, copy.body) == (
        "canceled",
        "tag:example.com,2016:newsml_X1",
        7,
        [],
    )


def test_g2_byline_printed_in_a_preformatted_block() -> None:
    copy = parse("g2-pre-byline.xml")
    assert copy.byline == "Ana Ribeiro"
    assert copy.body[0].startswith("CHICAGO, Feb 1 (Reuters) - Grain futures")


def test_g2_message_gives_every_text_item_in_order() -> None:
    items = parse_items(fixture("g2-message-two-texts-and-picture.xml"), "application/xml")
    assert [(c.agency_ref, c.agency_version) for c in items] == [("urn:example:text:1", 1), ("urn:example:text:2", 4)]


def test_g2_package_alone_is_not_a_story() -> None:
    assert refusal("g2-package-only.xml").reason == "not-a-story: package"


# ninjs


def test_superdesk_ninjs_with_a_guid_and_no_uri_is_ninjs() -> None:
    assert detect_format(fixture("ninjs-superdesk.json"), "application/json") == "ninjs"
    copy = parse("ninjs-superdesk.json")
    assert (copy.agency_ref, copy.agency_version, copy.urgency, copy.agency) == (
        "tag:example.com:2023:aaaa-bbbb",
        3,
        2,
        "AAP",
    )


def test_ninjs_embargo_and_located() -> None:
    copy = parse("ninjs-superdesk.json")
    assert copy.embargoed == datetime(2023, 5, 2, 12, 0, tzinfo=UTC)
    assert copy.dateline is not None and copy.dateline.place == "Brisbane"


def test_ninjs_picture_is_not_a_story() -> None:
    assert refusal("ninjs-picture.json").reason == "not-a-story: picture"


# AP Media API JSON


def test_ap_media_text_item_without_its_text_is_refused_naming_its_renditions() -> None:
    refused = refusal("ap-media-text.json", "application/json")
    assert refused.reason == "no-body: text-by-reference"
    assert "nitf" in refused.detail
    assert (refused.extra["agency_ref"], refused.extra["agency_version"]) == ("abc123", 2)


def test_ap_media_text_item_with_its_text_keeps_its_identity() -> None:
    data = fixture("ap-media-text.json").replace(
        b'"provider": "AP",', b'"provider": "AP", "body_html": "<p>Standings after Sunday\'s games follow.</p>",'
    )
    copy = parse_copy(data, "application/json")
    assert (copy.source_format, copy.agency_ref, copy.agency_version, copy.urgency) == ("ap-media-json", "abc123", 2, 4)


def test_ap_media_picture_is_not_a_story() -> None:
    assert refusal("ap-media-picture.json", "application/json").reason == "not-a-story: picture"


# NewsML 1.2


def test_newsml12_afp_item() -> None:
    copy = parse("newsml12-afp.xml")
    assert copy.source_format == "newsml12"
    assert (copy.agency, copy.agency_ref, copy.agency_version, copy.urgency, copy.language) == (
        "AFP",
        "urn:newsml:afp.com:20240102:1.abc:2",
        2,
        4,
        "fr",
    )
    assert copy.headline == "Une éolienne géante installée au large de Brest"
    assert copy.dateline is not None and copy.dateline.place == "Brest"


# RFC 822 e-mail


def test_email_posted_as_text_plain_is_read_as_an_email() -> None:
    copy = parse("email-plain.txt", "text/plain")
    assert copy.source_format == "rfc822"
    assert copy.headline == "Library extends opening hours"
    assert copy.body == [
        "The city library will open until nine on weekdays from next month.",
        "Saturday hours stay the same.",
    ]


def test_email_message_id_and_date() -> None:
    copy = parse("email-plain.txt", "text/plain")
    assert copy.agency_ref == "<CAexample123@mail.example.com>"
    assert copy.published_at == datetime(2020, 3, 4, 5, 0, tzinfo=timezone(timedelta(hours=11)))


# Feeds


def test_rss_feed_gives_one_story_per_entry_with_text() -> None:
    items = parse_items(fixture("rss-two-entries.xml"), "application/xml")
    assert [(c.headline, c.agency_ref) for c in items] == [
        ("Storm closes the coast road", "urn:example:feed:1"),
        ("Ferry service resumes", "urn:example:feed:2"),
    ]


def test_parse_copy_of_a_feed_is_its_first_story() -> None:
    assert parse("rss-two-entries.xml", "application/rss+xml").headline == "Storm closes the coast road"


# More agencies and shapes


def test_ninjs_result_wrapper_of_an_advisory_is_not_a_story() -> None:
    assert refusal("ninjs-wrapper-advisory.json", "application/json").reason == "not-a-story: advisory"


def test_ritzau_flash_without_headline_is_held_with_a_derived_headline() -> None:
    copy = parse("ritzau-flash.xml")
    assert copy.headline == "Et nyt tog mellem Aarhus og Aalborg kører fra i dag hver halve time."
    assert copy.headline_derived is True
    assert any(d.startswith("headline-derived") for d in copy.doubts)


def test_ritzau_identity_byline_and_notes_to_the_editors() -> None:
    copy = parse("ritzau-flash.xml")
    assert (copy.agency, copy.agency_ref, copy.agency_version, copy.byline) == (
        "Ritzau",
        "1b2c3d4e-0000-1111-2222-333344445555",
        2,
        "Sofie Lund",
    )
    assert copy.editorial_notes == "Ring til vagten ved spørgsmål."
    assert copy.language == "da"


def test_g2_item_without_a_headline_is_held_never_refused() -> None:
    copy = parse("g2-no-headline.xml")
    assert copy.headline == "Helsingin raitiovaunut kulkevat taas normaalisti."
    assert copy.doubts


def test_efe_dateline_with_a_full_stop_and_dash_after_the_tag() -> None:
    copy = parse("nitf-efe.xml")
    assert copy.dateline is not None and copy.dateline.text == "Madrid, 5 oct (EFE).-"
    assert (copy.agency, copy.language) == ("EFE", "es")


def test_afp_7901_with_indented_paragraphs_and_no_blank_line_after_the_headline() -> None:
    copy = parse("afp-7901.txt")
    assert copy.headline == "Snow closes mountain passes in the Alps"
    assert copy.body[1] == "Ploughs were expected to reopen the roads by evening."
    assert (copy.agency, copy.signoff) == ("AFP", "bur-abc/def")


def test_dpa_german_head_block_bylines_and_title_are_not_body() -> None:
    copy = parse("dpa-7901-german-two-bylines.txt")
    assert copy.byline == "Von Anna Weber, dpa and Tom Krause, dpa"
    assert copy.body[0].startswith("Berlin (dpa) - Der Tabellenletzte")


def test_dpa_german_not_for_publication_block_goes_to_the_notes() -> None:
    copy = parse("dpa-7901-german-two-bylines.txt")
    assert not any("Veröffentlichung" in p or "Redaktion" in p for p in copy.body)
    assert copy.editorial_notes is not None and "nicht zur Veröffentlichung" in copy.editorial_notes


def test_dpa_german_month_abbreviation_with_umlaut() -> None:
    assert parse("dpa-7901-german-two-bylines.txt").published_at == datetime(2022, 3, 7, 13, 41, tzinfo=UTC)


def test_wordpress_export_paragraphs_are_blank_line_blocks_without_shortcodes() -> None:
    copy = parse("wxr-post.xml")
    assert copy.body == [
        "Dieses Brettspiel dauert einen ganzen Abend.",
        "Ihr spielt zusammen gegen das Spiel und gewinnt nur gemeinsam.",
        "Die Regeln sind in zehn Minuten erklärt.",
    ]
    assert copy.agency_ref == "https://example.com/?p=42"


def test_email_carrying_a_json_form_takes_the_form_fields() -> None:
    copy = parse("email-json-form.txt", "text/plain")
    assert (copy.headline, copy.slugline, copy.urgency) == ("Rowing club wins the river race", "ROWING", 2)
    assert copy.body == ["The rowing club won the annual river race by two lengths on Sunday."]


def test_anpa_bulletin_status_line_is_not_its_headline() -> None:
    copy = parse("anpa-bulletin-urgent.tst")
    assert copy.headline == "Officials open the floodgates of a reservoir dam after days of heavy rain."
    assert copy.headline_derived is True


# Stories that only look like notices or tests are stories


def test_an_anpa_eds_note_mentioning_people_killed_is_not_a_kill() -> None:
    data = fixture("anpa-story.tst").replace(
        b"^Eds: Updates with comment from the navy.", b"^Eds: UPDATES with number of sailors KILLED."
    )
    assert parse_copy(data).pubstatus == "usable"


def test_a_7901_keyword_about_a_kill_is_not_a_kill_notice() -> None:
    data = fixture("dpa-7901-two-line.txt").replace(b"Berlin/rail/", b"Bear/kill/Alaska/")
    assert parse_copy(data).pubstatus == "usable"


def test_a_7901_headline_starting_with_test_is_a_story() -> None:
    data = fixture("dpa-7901-two-line.txt").replace(
        b"Night trains return to the Berlin to Vienna line =", b"Test match abandoned as rain floods the ground ="
    )
    assert parse_copy(data).headline == "Test match abandoned as rain floods the ground"


def test_a_g2_headline_in_capitals_about_a_test_match_is_a_story() -> None:
    data = fixture("g2-html-in-plain-inline-data.xml").replace(
        b"Museum opens a new wing for mosaics", b"TEST MATCH ABANDONED AFTER RAIN"
    )
    assert parse_copy(data).headline == "TEST MATCH ABANDONED AFTER RAIN"


def test_a_g2_test_transmission_is_not_a_story() -> None:
    data = fixture("g2-html-in-plain-inline-data.xml").replace(
        b"Museum opens a new wing for mosaics", b"TEST FROM THE ROME DESK"
    )
    with pytest.raises(ParseError) as refused:
        parse_copy(data)
    assert refused.value.reason == "not-a-story: test transmission"


def test_a_time_without_offset_from_a_known_agency_is_read_in_its_home_zone() -> None:
    copy = parse("ritzau-flash.xml")  # PublishDate 2019-05-01T10:00:00.100, Copenhagen summer time
    assert copy.published_at == datetime(2019, 5, 1, 8, 0, 0, 100000, tzinfo=UTC)
    assert copy.repairs == ["time without offset read in the agency's home zone (Europe/Copenhagen)"]


def test_7901_utf8_text_with_a_stray_latin1_byte_reads_both_right() -> None:
    data = fixture("dpa-7901-two-line.txt").replace(
        b"Tickets go on sale next week.", "Jörg Weiß said tickets go on sale next week, M".encode() + b"\xfcller added."
    )
    copy = parse_copy(data)
    assert copy.body[1] == "Jörg Weiß said tickets go on sale next week, Müller added."


def test_an_embargo_without_a_readable_release_time_holds_the_copy() -> None:
    data = fixture("nitf-embargoed.xml").replace(b'<date.release norm="20160302T000100+0000"/>', b"")
    copy = parse_copy(data)
    assert copy.embargoed is None
    assert any(d.startswith("embargo-unread") for d in copy.doubts)


def test_anpa_table_typesetting_codes_are_read_not_published_as_control_characters() -> None:
    data = fixture("anpa-digest.tst").replace(
        b"^Seed bank adds a thousand varieties of wild beans\r\n",
        b"^Seed bank adds a thousand varieties of wild beans\r\n\x08Kansas\x10 City\x1f\x1e 44\x1e \x1e 79\r\n",
    )
    copy = parse_copy(data)
    assert copy.body[-1] == "Kansas City\t 44  79"
    assert not any(ch in p for p in copy.body for ch in "\x08\x10\x1e\x1f")
