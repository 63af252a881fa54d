"""Timestamp rules: the time formats Indian news sites print, their labels and their offsets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.parsers.text.timestamps import Stamp, find_stamps, label_only, resolve

IST = timedelta(hours=5, minutes=30)

FORMATS = [
    ("By IANS | Updated: December 1, 2024 10:40 IST", "updated", "2024-12-01T10:40:00+05:30"),
    ("4 July, 2024 07:41 pm IST", "unlabelled", "2024-07-04T19:41:00+05:30"),
    ("Agency News IANS| Nov 24, 2024 11:58 PM IST", "unlabelled", "2024-11-24T23:58:00+05:30"),
    ("First Published: 20 Jan 2025, 5:12 PM IST", "published", "2025-01-20T17:12:00+05:30"),
    ("Last Updated : 26 Sep 2024 | 4:05 PM IST", "updated", "2024-09-26T16:05:00+05:30"),
    ("Wednesday March 19, 2025 10:12 PM", "unlabelled", "2025-03-19T22:12:00+05:30"),
    ("Updated - September 18, 2024 09:15 pm IST", "updated", "2024-09-18T21:15:00+05:30"),
    ("Published Date - 18 September 2024, 06:37 PM", "published", "2024-09-18T18:37:00+05:30"),
    ("February 01, 2025 / 12:48 IST", "unlabelled", "2025-02-01T12:48:00+05:30"),
    ("first published: Feb 1, 2025 12:48 pm", "published", "2025-02-01T12:48:00+05:30"),
    ("Updated on: Feb 01, 2025, 03:10 PM IST", "updated", "2025-02-01T15:10:00+05:30"),
    ("2025-09-04 14:32", "unlabelled", "2025-09-04T14:32:00+05:30"),
    ("Published: 1st August 2024 6:12 pm IST", "published", "2024-08-01T18:12:00+05:30"),
    ("London,UPDATED: Jul 14, 2025 00:12 IST", "updated", "2025-07-14T00:12:00+05:30"),
    ("Last Updated: 14 July 2025 at 01:20 IST", "updated", "2025-07-14T01:20:00+05:30"),
    ("Jun 26 2025 4:35PM", "unlabelled", "2025-06-26T16:35:00+05:30"),
    ("Updated: 12-03-2025 21:14 IST", "updated", "2025-03-12T21:14:00+05:30"),
    (
        "Published By : Business Desk | Last Updated: September 01, 2025, 21:42 IST",
        "updated",
        "2025-09-01T21:42:00+05:30",
    ),
    ("Updated: Dec 1, 2024 05:10 GMT", "updated", "2024-12-01T05:10:00+00:00"),
    ("Posted on Dec 1, 2024 10:40 +0900", "published", "2024-12-01T10:40:00+09:00"),
]


@pytest.mark.parametrize(("line", "kind", "instant"), FORMATS)
def test_time_format_is_read_with_label_and_offset(line: str, kind: str, instant: str) -> None:
    (stamp,) = find_stamps(line, IST)
    assert stamp.kind == kind
    assert stamp.at == datetime.fromisoformat(instant)
    assert stamp.at.utcoffset() == datetime.fromisoformat(instant).utcoffset()


def test_two_times_on_one_line_keep_their_own_labels() -> None:
    stamps = find_stamps("Updated: 12-03-2025 21:14 IST | Created: 12-03-2025 20:52 IST", IST)
    assert [s.kind for s in stamps] == ["updated", "published"]


@pytest.mark.parametrize("line", ["IANS  |  2 hours ago", "5 mins ago", "Nov 24, 2024", "Rs 12.75 lakh on 4 July"])
def test_relative_times_and_dates_without_a_clock_time_are_not_stamps(line: str) -> None:
    assert find_stamps(line, IST) == []


def test_a_label_alone_on_its_line_labels_the_next_line() -> None:
    assert label_only("Published On:") == "published"
    assert label_only("First Published:") == "published"
    assert label_only("Last Updated:") == "updated"
    assert label_only("Published By:") is None


def _stamp(kind: str, iso: str) -> Stamp:
    return Stamp(kind, datetime.fromisoformat(iso), 0, 0)  # type: ignore[arg-type]


def test_a_page_printing_only_updated_has_no_published_time() -> None:
    assert resolve([_stamp("updated", "2024-12-01T10:40+05:30")]) == (
        None,
        datetime.fromisoformat("2024-12-01T10:40+05:30"),
    )


def test_an_unlabelled_time_is_the_publication_time() -> None:
    published, updated = resolve([_stamp("unlabelled", "2024-07-04T19:41+05:30")])
    assert published == datetime.fromisoformat("2024-07-04T19:41+05:30") and updated is None


def test_an_unlabelled_time_that_moved_past_a_labelled_publication_is_the_update() -> None:
    stamps = [_stamp("unlabelled", "2025-02-01T14:05+05:30"), _stamp("published", "2025-02-01T12:48+05:30")]
    assert resolve(stamps) == (
        datetime.fromisoformat("2025-02-01T12:48+05:30"),
        datetime.fromisoformat("2025-02-01T14:05+05:30"),
    )


def test_an_unlabelled_time_equal_to_the_publication_is_not_an_update() -> None:
    stamps = [_stamp("unlabelled", "2025-02-01T12:48+05:30"), _stamp("published", "2025-02-01T12:48+05:30")]
    assert resolve(stamps)[1] is None
