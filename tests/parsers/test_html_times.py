"""Times come from the page's machine-readable statements, only with their offset, must agree, and must be
confirmed by a time the page prints with its zone: a time only the markup states is not published."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from tests.parsers.html_pages import page, read


def _meta(prop: str, value: str) -> str:
    return f'<meta property="{prop}" content="{value}">'


def _json_ld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )


PRINTED = "<div class='dateline-time'>3 Feb 2026 14:15 GMT</div>"  # the same instant as 09:15 EST


def test_a_time_only_the_markup_states_is_not_published() -> None:
    copy = read(page(head=_meta("article:published_time", "2026-02-03T09:15:00-05:00")))
    assert copy.published_at is None


def test_published_time_with_its_offset_is_kept_with_that_offset() -> None:
    copy = read(page(head=_meta("article:published_time", "2026-02-03T09:15:00-05:00"), before_body=PRINTED))
    assert copy.published_at == datetime(2026, 2, 3, 9, 15, tzinfo=timezone(timedelta(hours=-5)))
    assert copy.published_at.utcoffset() == timedelta(hours=-5)


def test_a_time_without_an_offset_is_not_read() -> None:
    assert read(page(head=_meta("article:published_time", "2026-02-03T09:15:00"))).published_at is None


def test_a_placeholder_date_from_before_the_web_is_not_read() -> None:
    assert read(page(head=_json_ld("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"))).published_at is None


def test_json_ld_gives_published_and_updated() -> None:
    copy = read(page(head=_json_ld("2026-02-03T14:15:00Z", "2026-02-03T16:00:00Z"), before_body=PRINTED))
    assert copy.published_at == datetime(2026, 2, 3, 14, 15, tzinfo=UTC)
    assert copy.updated_at == datetime(2026, 2, 3, 16, 0, tzinfo=UTC)


def test_an_update_stamped_at_publication_is_no_update() -> None:
    copy = read(page(head=_json_ld("2026-02-03T09:15:00Z", "2026-02-03T09:15:01Z")))
    assert copy.updated_at is None


def test_time_element_with_offset_is_the_published_time() -> None:
    copy = read(page(before_body='<time datetime="2026-02-03T15:15:00+01:00">3 Feb 2026 14:15 GMT</time>'))
    assert copy.published_at == datetime(2026, 2, 3, 14, 15, tzinfo=UTC)


def test_rfc_2822_date_with_numeric_offset_is_read() -> None:
    stamp = "Tue, 03 Feb 2026 15:15:00 +0100"
    copy = read(page(head=_json_ld(stamp, stamp), before_body=PRINTED))
    assert copy.published_at == datetime(2026, 2, 3, 14, 15, tzinfo=UTC)


def test_publication_times_that_disagree_hold_the_copy() -> None:
    head = _meta("article:published_time", "2026-02-03T09:15:00Z") + _json_ld(
        "2026-02-03T13:40:00Z", "2026-02-03T13:40:00Z"
    )
    assert any(d.startswith("times-unsure") for d in read(page(head=head)).doubts)


def test_an_update_before_the_publication_holds_the_copy() -> None:
    copy = read(page(head=_json_ld("2026-02-03T09:15:00Z", "2026-02-03T08:00:00Z")))
    assert any(d.startswith("times-unsure") for d in copy.doubts)
    assert copy.updated_at is None


def test_a_printed_time_with_its_zone_is_used_when_the_markup_has_none() -> None:
    copy = read(page(before_body="<div class='dateline-time'>20 Nov 2026 08:00 GMT</div>"))
    assert copy.published_at == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
