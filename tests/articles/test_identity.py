"""The agency's own identity and metadata travel with the article: `agency_ref`, `agency_version`, `urgency`,
`slugline`, `subjects`, `embargoed`, `pubstatus`, `headline_derived`; updates follow the agency's id, and an
older agency version never replaces a newer one, whatever order the texts arrive in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient

from app.db import Database
from tests.factories import parsed_copy, store_copy
from tests.intake.ninjs_copy import FIRST_FILED, NINJS, ninjs_story

REF = "tag:reuters.com,2026:newsml_WL0001"


@pytest.fixture
def wire(ingest_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {ingest_key}", "Content-Type": NINJS}


def post(client: TestClient, wire: dict[str, str], data: bytes) -> httpx.Response:
    return client.post("/v1/articles", content=data, headers=wire)


def test_an_article_carries_the_agencys_id_and_version(client: TestClient, wire: dict[str, str]) -> None:
    created = post(client, wire, ninjs_story(1, version=4)).json()
    served = client.get(f"/v1/articles/{created['id']}").json()
    assert (served["agency_ref"], served["agency_version"]) == (REF, 4)
    assert (served["pubstatus"], served["embargoed"]) == ("usable", None)


def test_an_article_carries_the_agencys_metadata(client: TestClient, database: Database) -> None:
    copy = parsed_copy(
        1,
        agency_ref="urn:pti:2026:story-1",
        agency_version=2,
        urgency=3,
        slugline="IND-PORT-VOTE",
        subjects=["medtop:20000348", "Ports"],
        headline_derived=True,
    )
    article = store_copy(database, copy).article
    served = client.get(f"/v1/articles/{article.id}").json()
    assert {k: served[k] for k in ("agency_ref", "agency_version", "urgency", "slugline", "subjects")} == {
        "agency_ref": "urn:pti:2026:story-1",
        "agency_version": 2,
        "urgency": 3,
        "slugline": "IND-PORT-VOTE",
        "subjects": ["medtop:20000348", "Ports"],
    }
    assert served["headline_derived"] is True


def test_plain_copy_has_no_agency_metadata(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    served = client.get(f"/v1/articles/{article.id}").json()
    assert {
        k: served[k] for k in ("agency_ref", "agency_version", "urgency", "slugline", "embargoed")
    } == dict.fromkeys(("agency_ref", "agency_version", "urgency", "slugline", "embargoed"))
    assert (served["subjects"], served["pubstatus"], served["headline_derived"]) == ([], "usable", False)


def test_a_passed_embargo_stays_on_the_article(client: TestClient, wire: dict[str, str]) -> None:
    lifted = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    created = post(client, wire, ninjs_story(1, embargoed=lifted)).json()
    assert datetime.fromisoformat(client.get(f"/v1/articles/{created['id']}").json()["embargoed"]) == lifted


def test_a_new_text_with_the_same_agency_id_is_an_update_even_under_a_new_headline(
    client: TestClient, wire: dict[str, str]
) -> None:
    first = post(client, wire, ninjs_story(1)).json()
    answer = post(client, wire, ninjs_story(1, version=2, headline="Harbour board approves pier rebuild"))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (200, "updated")
    assert (answer.json()["id"], answer.json()["version"], answer.json()["agency_version"]) == (first["id"], 2, 2)


def test_each_version_keeps_its_own_agency_version(client: TestClient, wire: dict[str, str]) -> None:
    first = post(client, wire, ninjs_story(1, version=1)).json()
    post(client, wire, ninjs_story(1, version=2))
    old = client.get(f"/v1/articles/{first['id']}/versions/1").json()
    new = client.get(f"/v1/articles/{first['id']}/versions/2").json()
    assert (old["agency_version"], new["agency_version"]) == (1, 2)
    assert (old["agency_ref"], new["agency_ref"]) == (REF, REF)


def test_an_older_agency_version_arriving_late_never_replaces_the_newer(
    client: TestClient, wire: dict[str, str]
) -> None:
    newest = post(client, wire, ninjs_story(1, version=3)).json()
    late = post(client, wire, ninjs_story(1, version=2))
    assert (late.status_code, late.headers["wirefeed-outcome"]) == (200, "stale")
    served = client.get(f"/v1/articles/{newest['id']}").json()
    assert (served["agency_version"], served["content_hash"]) == (3, newest["content_hash"])
    versions = client.get(f"/v1/articles/{newest['id']}/versions").json()["items"]
    assert [(v["version"], v["agency_version"], v["served"]) for v in versions] == [(1, 3, True), (2, 2, False)]


def test_versions_delivered_out_of_order_end_with_the_newest_served(client: TestClient, wire: dict[str, str]) -> None:
    outcomes = [post(client, wire, ninjs_story(1, version=v)).headers["wirefeed-outcome"] for v in (1, 4, 2, 3)]
    assert outcomes == ["created", "updated", "stale", "stale"]
    listed = client.get("/v1/articles").json()["items"]
    assert len(listed) == 1
    assert client.get(listed[0]["links"]["self"]).json()["agency_version"] == 4


def test_the_agencys_version_number_outranks_the_times_the_copy_states(
    client: TestClient, wire: dict[str, str]
) -> None:
    """A correction filed as version 2 whose versioncreated is earlier than version 1's (clock skew between
    the agency's desks): the agency's own numbering decides."""
    post(client, wire, ninjs_story(1, version=1, filed=FIRST_FILED + timedelta(hours=1)))
    answer = post(client, wire, ninjs_story(1, version=2, filed=FIRST_FILED))
    assert answer.headers["wirefeed-outcome"] == "updated"
    assert answer.json()["agency_version"] == 2
