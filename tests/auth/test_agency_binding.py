"""A key speaks only for its agencies: forged copy and rewrites of another agency's stories are refused
(403 agency-mismatch), kept in the quarantine, and nothing is published or changed."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.auth.agencies import AMBIGUOUS, bind_copy_to_key, ensure_story_agency
from app.config import Settings
from app.db import Database
from app.errors import AgencyMismatch
from app.intake.service import Delivery, ingest
from app.parsers.base import ParsedCopy
from tests.auth.wire import headers_for, ninjs_story, wire_story

UPDATE = "The board later added a condition on dredging, a spokesperson said on Sunday evening."


@pytest.fixture
def pti(database: Database) -> dict[str, str]:
    return headers_for(database, "ingest", agencies=["PTI"])


@pytest.fixture
def ians(database: Database) -> dict[str, str]:
    return headers_for(database, "ingest", agencies=["IANS"])


@pytest.fixture
def admin(database: Database) -> dict[str, str]:
    return headers_for(database, "admin")


def listed(client: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get("/v1/articles?limit=100").json()["items"]
    return items


def assert_agency_mismatch(response: Any) -> dict[str, Any]:
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["type"].endswith("/agency-mismatch")
    assert problem["title"] == "Agency mismatch"
    assert problem["rejection_id"]
    return problem


def test_clean_copy_of_another_agency_is_refused_kept_and_nothing_published(
    client: TestClient, pti: dict[str, str], admin: dict[str, str]
) -> None:
    forged = wire_story("IANS")
    problem = assert_agency_mismatch(client.post("/v1/articles", content=forged, headers=pti))
    assert "IANS" in problem["detail"] and "PTI" in problem["detail"]
    kept = client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin).json()
    assert (kept["status"], kept["reason"], kept["state"], kept["agency"]) == (403, "agency-mismatch", "open", "IANS")
    assert client.get(f"/v1/rejections/{problem['rejection_id']}/raw", headers=admin).content == forged
    assert listed(client) == []


def test_a_live_story_cannot_be_rewritten_from_another_agencys_key(
    client: TestClient, pti: dict[str, str], ians: dict[str, str]
) -> None:
    original = client.post("/v1/articles", content=wire_story("IANS"), headers=ians)
    assert original.status_code == 201
    before = client.get(f"/v1/articles/{original.json()['id']}").json()
    assert_agency_mismatch(client.post("/v1/articles", content=wire_story("IANS", extra=UPDATE), headers=pti))
    after = client.get(f"/v1/articles/{before['id']}").json()
    assert after == before
    assert len(client.get(f"/v1/articles/{before['id']}/versions").json()["items"]) == 1


def test_the_same_update_from_the_storys_own_agency_is_accepted(client: TestClient, ians: dict[str, str]) -> None:
    first = client.post("/v1/articles", content=wire_story("IANS"), headers=ians).json()
    updated = client.post("/v1/articles", content=wire_story("IANS", extra=UPDATE), headers=ians)
    assert (updated.status_code, updated.headers["wirefeed-outcome"]) == (200, "updated")
    assert (updated.json()["id"], updated.json()["version"]) == (first["id"], 2)


def test_a_rewrite_with_the_agency_stripped_becomes_the_senders_own_story_never_a_version(
    client: TestClient, pti: dict[str, str], ians: dict[str, str]
) -> None:
    original = client.post("/v1/articles", content=wire_story("IANS"), headers=ians).json()
    stripped = client.post("/v1/articles", content=wire_story(None, extra=UPDATE), headers=pti)
    assert stripped.status_code == 201
    assert (stripped.json()["agency"], stripped.json()["version"]) == ("PTI", 1)
    assert stripped.json()["id"] != original["id"]
    assert client.get(f"/v1/articles/{original['id']}").json()["version"] == 1


def test_another_agencys_exact_text_is_refused_not_answered_as_its_duplicate(
    client: TestClient, pti: dict[str, str], ians: dict[str, str], admin: dict[str, str]
) -> None:
    """Same words as a stored IANS story, sent by PTI's key: not a 'duplicate' of IANS's article."""
    original = client.post("/v1/articles", content=wire_story(None), headers=ians).json()
    assert original["agency"] == "IANS"
    problem = assert_agency_mismatch(client.post("/v1/articles", content=wire_story(None), headers=pti))
    assert original["id"] in problem["detail"]
    kept = client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin).json()
    assert kept["reason"] == "agency-mismatch"
    assert [a["id"] for a in listed(client)] == [original["id"]]


def test_structured_copy_cannot_update_another_agencys_story_by_its_id(
    client: TestClient, pti: dict[str, str], ians: dict[str, str]
) -> None:
    ninjs = {"Content-Type": "application/ninjs+json"}
    original = client.post("/v1/articles", content=ninjs_story("IANS"), headers={**ians, **ninjs}).json()
    assert original["agency"] == "IANS"
    assert_agency_mismatch(client.post("/v1/articles", content=ninjs_story("IANS", 2), headers={**pti, **ninjs}))
    unnamed = client.post("/v1/articles", content=ninjs_story(None, 2), headers={**pti, **ninjs})
    assert (unnamed.status_code, unnamed.json()["agency"]) == (201, "PTI")
    after = client.get(f"/v1/articles/{original['id']}").json()
    assert (after["version"], after["body"]) == (1, original["body"])


def test_copy_naming_no_agency_takes_the_keys_agency(client: TestClient, pti: dict[str, str]) -> None:
    response = client.post("/v1/articles", content=wire_story(None), headers=pti)
    assert (response.status_code, response.json()["agency"]) == (201, "PTI")


def test_an_aggregator_key_sends_for_each_of_its_agencies_and_no_other(client: TestClient, database: Database) -> None:
    aggregator = headers_for(database, "ingest", agencies=["PTI", "IANS"])
    assert client.post("/v1/articles", content=wire_story("PTI", 1), headers=aggregator).json()["agency"] == "PTI"
    assert client.post("/v1/articles", content=wire_story("IANS", 2), headers=aggregator).json()["agency"] == "IANS"
    assert_agency_mismatch(client.post("/v1/articles", content=wire_story("ANI", 3), headers=aggregator))
    assert sorted(a["agency"] for a in listed(client)) == ["IANS", "PTI"]


def test_a_key_bound_to_no_agency_sends_any_agencys_copy(client: TestClient, database: Database) -> None:
    trusted = headers_for(database, "ingest")
    assert client.post("/v1/articles", content=wire_story("ANI"), headers=trusted).json()["agency"] == "ANI"


def test_a_replay_is_bound_to_the_sending_keys_agencies(
    client: TestClient, pti: dict[str, str], admin: dict[str, str]
) -> None:
    problem = assert_agency_mismatch(client.post("/v1/articles", content=wire_story("IANS"), headers=pti))
    replayed = client.post(f"/v1/rejections/{problem['rejection_id']}/replay", headers=admin)
    assert_agency_mismatch(replayed)
    assert client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin).json()["state"] == "open"
    assert listed(client) == []


def test_an_idempotent_retry_of_forged_copy_gets_the_same_refusal(client: TestClient, pti: dict[str, str]) -> None:
    headers = {**pti, "Idempotency-Key": "forge-1"}
    first = assert_agency_mismatch(client.post("/v1/articles", content=wire_story("IANS"), headers=headers))
    again = client.post("/v1/articles", content=wire_story("IANS"), headers=headers)
    assert (again.status_code, again.json()["rejection_id"]) == (403, first["rejection_id"])


def parsed(agency: str | None) -> ParsedCopy:
    return ParsedCopy(source_format="wire-text", agency=agency, headline="A headline", body=["A paragraph."])


def test_the_agency_named_is_compared_in_its_canonical_spelling() -> None:
    copy, agency = bind_copy_to_key(parsed("reuters"), ("Reuters",), "k1")
    assert (copy.doubts, agency) == ([], "Reuters")


def test_an_agency_outside_the_known_list_is_matched_case_blind_in_the_keys_spelling() -> None:
    copy, agency = bind_copy_to_key(parsed("XINHUA"), ("Xinhua",), "k1")
    assert (copy.agency, agency) == ("Xinhua", "Xinhua")
    with pytest.raises(AgencyMismatch):
        bind_copy_to_key(parsed("Xinhua News"), ("Xinhua",), "k1")


def test_copy_naming_no_agency_from_a_key_of_several_is_held_with_a_doubt() -> None:
    copy, agency = bind_copy_to_key(parsed(None), ("IANS", "PTI"), "k1")
    assert agency == "IANS"
    assert len(copy.doubts) == 1 and copy.doubts[0].startswith(f"{AMBIGUOUS}: ")
    assert "IANS, PTI" in copy.doubts[0]


def test_without_a_key_binding_the_copy_passes_unchanged() -> None:
    copy = parsed("ANI")
    assert bind_copy_to_key(copy, None, None) == (copy, None)


def test_a_key_id_that_no_longer_exists_speaks_for_no_agency() -> None:
    with pytest.raises(AgencyMismatch):
        bind_copy_to_key(parsed(None), (), "gone")


def test_a_story_of_another_agency_is_not_the_keys_to_change() -> None:
    ensure_story_agency("PTI", ("PTI",), "a1", "k1")
    ensure_story_agency("PTI", None, "a1", None)
    with pytest.raises(AgencyMismatch) as refused:
        ensure_story_agency("IANS", ("PTI",), "a1", "k1")
    assert refused.value.agency == "IANS"


def test_copy_naming_no_agency_from_an_aggregator_key_is_held_for_review(
    client: TestClient, database: Database, admin: dict[str, str]
) -> None:
    aggregator = headers_for(database, "ingest", agencies=["PTI", "IANS"])
    response = client.post("/v1/articles", content=wire_story(None), headers=aggregator)
    assert (response.status_code, response.headers["wirefeed-outcome"]) == (202, "held")
    assert any(reason.startswith(f"{AMBIGUOUS}: ") for reason in response.json()["reasons"])
    assert listed(client) == []
    assert client.get(response.json()["links"]["self"], headers=admin).json()["state"] == "open"


def test_an_ambiguous_agency_is_held_whatever_the_review_threshold(settings: Settings, database: Database) -> None:
    lenient = settings.model_copy(update={"review_threshold": 9})
    delivery = Delivery(data=wire_story(None), content_type="text/plain", source="cli", agencies=("IANS", "PTI"))
    assert ingest(database, lenient, delivery).outcome == "held"
