"""Global admin keys act on everything; an agency admin key sees and acts only on its agencies' stories and
quarantine (other agencies' rejections are 404 to it, their articles 403 to withdraw)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.auth.agencies import agencies_visible_to, may_act_on
from app.auth.keys import create_key
from app.db import Database
from tests.auth.wire import headers_for, wire_story


@pytest.fixture
def pti(database: Database) -> dict[str, str]:
    return headers_for(database, "ingest", agencies=["PTI"])


@pytest.fixture
def ians(database: Database) -> dict[str, str]:
    return headers_for(database, "ingest", agencies=["IANS"])


@pytest.fixture
def pti_admin(database: Database) -> dict[str, str]:
    return headers_for(database, "admin", agencies=["PTI"])


@pytest.fixture
def global_admin(database: Database) -> dict[str, str]:
    return headers_for(database, "admin")


def refused(client: TestClient, headers: dict[str, str], data: bytes) -> str:
    response = client.post("/v1/articles", content=data, headers=headers)
    assert response.status_code >= 400, response.text
    rejection_id: str = response.json()["rejection_id"]
    return rejection_id


def rejection_ids(client: TestClient, headers: dict[str, str]) -> set[str]:
    response = client.get("/v1/rejections?limit=100", headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return {item["id"] for item in items}


def test_an_agency_admin_cannot_withdraw_another_agencys_article(
    client: TestClient, ians: dict[str, str], pti_admin: dict[str, str]
) -> None:
    article = client.post("/v1/articles", content=wire_story("IANS"), headers=ians).json()
    response = client.post(f"/v1/articles/{article['id']}/withdraw", headers=pti_admin)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get(f"/v1/articles/{article['id']}").status_code == 200


def test_an_agency_admin_withdraws_its_own_agencys_article(
    client: TestClient, pti: dict[str, str], pti_admin: dict[str, str]
) -> None:
    article = client.post("/v1/articles", content=wire_story("PTI"), headers=pti).json()
    assert client.post(f"/v1/articles/{article['id']}/withdraw", headers=pti_admin).status_code == 204
    assert client.get(f"/v1/articles/{article['id']}").status_code == 410


def test_a_global_admin_withdraws_any_article(
    client: TestClient, ians: dict[str, str], global_admin: dict[str, str]
) -> None:
    article = client.post("/v1/articles", content=wire_story("IANS"), headers=ians).json()
    assert client.post(f"/v1/articles/{article['id']}/withdraw", headers=global_admin).status_code == 204


def test_an_agency_admin_lists_only_its_agencies_quarantine(
    client: TestClient,
    pti: dict[str, str],
    ians: dict[str, str],
    pti_admin: dict[str, str],
    global_admin: dict[str, str],
) -> None:
    from_pti = refused(client, pti, b"Only a headline\n")
    from_ians = refused(client, ians, b"Only a headline\n")
    assert rejection_ids(client, pti_admin) == {from_pti}
    assert rejection_ids(client, global_admin) == {from_pti, from_ians}


def test_forged_copy_is_in_the_quarantine_of_both_the_sender_and_the_agency_named(
    client: TestClient, database: Database, pti: dict[str, str]
) -> None:
    forged = refused(client, pti, wire_story("IANS"))
    ians_admin = headers_for(database, "admin", agencies=["IANS"])
    ani_admin = headers_for(database, "admin", agencies=["ANI"])
    assert forged in rejection_ids(client, ians_admin)
    assert forged in rejection_ids(client, headers_for(database, "admin", agencies=["PTI"]))
    assert rejection_ids(client, ani_admin) == set()


@pytest.mark.parametrize(("method", "suffix"), [("GET", ""), ("GET", "/raw"), ("POST", "/replay")])
def test_another_agencys_rejection_is_not_found_for_an_agency_admin(
    client: TestClient, ians: dict[str, str], pti_admin: dict[str, str], method: str, suffix: str
) -> None:
    rejection_id = refused(client, ians, b"Only a headline\n")
    response = client.request(method, f"/v1/rejections/{rejection_id}{suffix}", headers=pti_admin)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "suffix"), [("GET", ""), ("GET", "/raw")])
def test_an_agency_admin_inspects_its_own_agencys_rejection(
    client: TestClient, pti: dict[str, str], pti_admin: dict[str, str], method: str, suffix: str
) -> None:
    rejection_id = refused(client, pti, b"Only a headline\n")
    assert client.request(method, f"/v1/rejections/{rejection_id}{suffix}", headers=pti_admin).status_code == 200


def test_an_agency_admin_cannot_manage_keys(client: TestClient, pti_admin: dict[str, str]) -> None:
    assert client.get("/v1/keys", headers=pti_admin).status_code == 403
    body = {"scopes": ["ingest"], "agencies": ["IANS"]}
    assert client.post("/v1/keys", json=body, headers=pti_admin).status_code == 403


def test_what_an_admin_key_sees(database: Database) -> None:
    with database.write_sessions.begin() as session:
        agency_admin = create_key(session, scopes=["admin"], agencies=["pti", "IANS"]).row
        global_admin = create_key(session, scopes=["admin"]).row
        assert agencies_visible_to(agency_admin) == frozenset({"PTI", "IANS"})
        assert agencies_visible_to(global_admin) is None
    assert may_act_on(None, "ANI") and may_act_on({"PTI"}, "PTI")
    assert not may_act_on({"PTI"}, "ANI") and not may_act_on({"PTI"}, None)
