"""Dateline rules: every agency's dateline shape is recognised, with place and printed text."""

from __future__ import annotations

import pytest

from app.parsers.text.datelines import dateline_tagged_by, normalise_place, tagged_dateline, untagged_dateline

AGENCY_DATELINES = [
    # (paragraph start, place, dateline text, agency)
    ("Seoul, Dec 1 (IANS) Russia's Defence Minister", "Seoul", "Seoul, Dec 1 (IANS)", "IANS"),
    ("New Delhi, Nov 22 (IANSlife): Over 60 weavers", "New Delhi", "New Delhi, Nov 22 (IANSlife):", "IANS"),
    ("गुवाहाटी, 4 जुलाई (आईएएनएस)। असम में बाढ़", "गुवाहाटी", "गुवाहाटी, 4 जुलाई (आईएएनएस)।", "IANS"),
    ("Jeddah, Nov 24 (PTI) Rishabh Pant became", "Jeddah", "Jeddah, Nov 24 (PTI)", "PTI"),
    ("नयी दिल्ली, एक फरवरी (भाषा) वित्त मंत्री", "नयी दिल्ली", "नयी दिल्ली, एक फरवरी (भाषा)", "PTI"),
    ("Dhubri (Assam) [India], July 5 (ANI): Assam Chief", "Dhubri", "Dhubri (Assam) [India], July 5 (ANI):", "ANI"),
    (
        "Kathmandu [Nepal], January 1 (ANI/Xinhua): Nepal",
        "Kathmandu",
        "Kathmandu [Nepal], January 1 (ANI/Xinhua):",
        "ANI",
    ),
    ("Chennai, Feb 18 (UNI) The Madras High Court", "Chennai", "Chennai, Feb 18 (UNI)", "UNI"),
    ("SEOUL, Nov 30 (Reuters) - North Korean leader", "Seoul", "SEOUL, Nov 30 (Reuters) -", "Reuters"),
    ("NEW DELHI, Feb 1 (Reuters) - India on Saturday", "New Delhi", "NEW DELHI, Feb 1 (Reuters) -", "Reuters"),
    ("Rio de Janeiro (AFP) - Leaders of the world's", "Rio de Janeiro", "Rio de Janeiro (AFP) -", "AFP"),
    ("Wimbledon (United Kingdom) (AFP) - Jannik", "Wimbledon", "Wimbledon (United Kingdom) (AFP) -", "AFP"),
    ("REYKJAVIK, Iceland (AP) — A volcano in", "Reykjavik", "REYKJAVIK, Iceland (AP) —", "AP"),
    ("TOKYO (AP) — Japan's weather agency", "Tokyo", "TOKYO (AP) —", "AP"),
    ("ATLANTA (AP) _ A man accused of", "Atlanta", "ATLANTA (AP) _", "AP"),  # ANPA's 7-bit dash
    ("RIO DE JANEIRO (AP) -- Leaders of", "Rio de Janeiro", "RIO DE JANEIRO (AP) --", "AP"),
    ("Wayanad (Kerala), Aug 1 (IANS) The Army", "Wayanad", "Wayanad (Kerala), Aug 1 (IANS)", "IANS"),
]


@pytest.mark.parametrize(("paragraph", "place", "text", "agency"), AGENCY_DATELINES)
def test_agency_dateline_is_recognised(paragraph: str, place: str, text: str, agency: str) -> None:
    found = tagged_dateline(paragraph)
    assert found is not None
    assert (found.place, found.text) == (place, text)
    assert found.agency is not None and found.agency.name == agency


def test_dateline_of_an_agency_outside_the_table_is_found_by_its_tag() -> None:
    found = dateline_tagged_by("Rome (ANSA) - Italy's senate voted on Sunday", "ANSA")
    assert found is not None
    assert (found.place, found.text, found.agency) == ("Rome", "Rome (ANSA) -", None)


def test_dateline_of_an_agency_outside_the_table_takes_the_same_separators() -> None:
    found = dateline_tagged_by("OSLO (NTB) _ The government said", "NTB")
    assert found is not None and found.text == "OSLO (NTB) _"


def test_dateline_for_one_tag_ignores_another_agency_tag() -> None:
    assert dateline_tagged_by("Kyiv (AFP) - Ukraine's air force said", "dpa") is None


def test_dateline_for_a_tag_is_matched_literally() -> None:
    assert dateline_tagged_by("Kyiv (d.a) - Ukraine's air force said", "d+a") is None
    assert dateline_tagged_by("Kyiv (d+a) - Ukraine's air force said", "d+a") is not None


def test_an_underscore_joined_to_the_next_word_is_not_a_dateline_dash() -> None:
    found = tagged_dateline("ATLANTA (AP) _snake_case is not a separator")
    assert found is not None and found.text == "ATLANTA (AP)"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The rupee rose 6 paise (PTI) in early trade.",  # the tag is not at the start of a dateline
        "Kim said (AP) nothing.",
        "Seoul, Dec 1 (IANS)",  # a dateline with no story after it
        "He told reporters in New Delhi that the talks went well.",
    ],
)
def test_sentences_are_not_datelines(paragraph: str) -> None:
    assert tagged_dateline(paragraph) is None


def test_dateline_a_site_stripped_of_its_tag_keeps_place_and_date() -> None:
    found = untagged_dateline("Seoul, Dec 1 Russia's Defence Minister Andrei Belousov has left Pyongyang")
    assert found is not None and (found.place, found.text, found.agency) == ("Seoul", "Seoul, Dec 1", None)


def test_dateline_a_site_rewrote_to_a_bare_place() -> None:
    found = untagged_dateline("Rio de Janeiro: Prime Minister Narendra Modi on Monday said")
    assert found is not None and (found.place, found.text) == ("Rio de Janeiro", "Rio de Janeiro:")


def test_a_sentence_with_a_colon_is_not_a_bare_place_dateline() -> None:
    assert untagged_dateline("The minister said: We will act.") is None


@pytest.mark.parametrize(
    ("printed", "place"), [("SEOUL", "Seoul"), ("NEW DELHI", "New Delhi"), ("RIO DE JANEIRO", "Rio de Janeiro")]
)
def test_capitalised_places_are_given_as_names(printed: str, place: str) -> None:
    assert normalise_place(printed) == place
