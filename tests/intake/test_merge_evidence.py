"""A text becomes a version of a stored story only on evidence in its words, never on an equal headline alone."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.articles.evidence import containment, shares_text

HEADLINE = "Markets close higher on Monday"


def text(headline: str, *paragraphs: str) -> bytes:
    return ("\n\n".join([headline, *paragraphs, "--IANS\nab/cd"]) + "\n").encode()


MARKETS = (
    "MUMBAI, Dec 7 (IANS) Indian shares closed higher on Monday as banking stocks gained after a steady "
    "quarter of lending growth, traders said.",
    "The benchmark index rose 1.2 per cent, with metal and energy shares also higher in late trade.",
    "Foreign investors bought shares worth a large sum, provisional exchange data showed.",
)
FARM = (
    "PUNE, Dec 7 (IANS) Onion farmers in the district protested outside the market yard on Monday over falling "
    "wholesale prices, officials said.",
    "The farmers demanded a minimum price and faster payments from traders at the yard.",
    "Police said the protest ended peacefully by the evening.",
)


def post(client: TestClient, headers: dict[str, str], data: bytes) -> tuple[int, dict[str, object]]:
    response = client.post("/v1/articles", content=data, headers={**headers, "Content-Type": "text/plain"})
    return response.status_code, response.json()


def test_two_unrelated_stories_with_one_headline_stay_two_stories(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    first_status, first = post(client, ingest_headers, text(HEADLINE, *MARKETS))
    second_status, second = post(client, ingest_headers, text(HEADLINE, *FARM))
    assert (first_status, second_status) == (201, 201)
    assert first["id"] != second["id"]
    assert (first["version"], second["version"]) == (1, 1)


def test_a_changed_text_sharing_most_words_under_the_headline_is_a_version(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    _, first = post(client, ingest_headers, text(HEADLINE, *MARKETS))
    corrected = (MARKETS[0], MARKETS[1].replace("1.2", "1.4"), MARKETS[2], "Analysts expect gains to continue.")
    status, updated = post(client, ingest_headers, text(HEADLINE, *corrected))
    assert (status, updated["id"], updated["version"]) == (200, first["id"], 2)


def test_a_rewritten_lead_with_the_rest_kept_is_a_version(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first = post(client, ingest_headers, text(HEADLINE, *MARKETS))
    new_lead = "MUMBAI, Dec 7 (IANS) Shares ended the day up as lenders rallied, dealers said on Monday evening."
    status, updated = post(client, ingest_headers, text(HEADLINE, new_lead, MARKETS[1], MARKETS[2], FARM[2]))
    assert (status, updated["id"]) == (200, first["id"])


def test_the_same_lead_under_another_headline_is_a_version(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first = post(client, ingest_headers, text(HEADLINE, *MARKETS))
    status, updated = post(
        client, ingest_headers, text("Banks lift Indian shares", MARKETS[0], FARM[1].replace("farmers", "lenders"))
    )
    assert (status, updated["id"]) == (200, first["id"])


def test_a_short_shared_opening_line_is_not_evidence() -> None:
    assert not shares_text(["Photo: file picture.", *FARM], ["Photo: file picture.", *MARKETS])


def test_containment_is_measured_on_the_shorter_text() -> None:
    assert containment(list(MARKETS[:1]), list(MARKETS)) == 1.0
    assert containment(list(MARKETS), list(FARM)) == 0.0


def test_copy_of_another_agency_never_joins_a_story(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first = post(client, ingest_headers, text(HEADLINE, *MARKETS))
    pti = text(HEADLINE, *(p.replace("(IANS)", "(PTI)") for p in MARKETS)).replace(b"--IANS", b"--PTI")
    status, other = post(client, ingest_headers, pti)
    assert status in (201, 403)  # a new PTI story, or refused when the key may not speak for PTI
    if status == 201:
        assert other["id"] != first["id"]
