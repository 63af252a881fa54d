"""Resends are duplicates (200, nothing stored); changed text of a stored story is a new version."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.auth.keys import create_key
from app.db import Database
from tests.corpus import gold, raw


def post(client: TestClient, headers: dict[str, str], data: bytes) -> tuple[int, dict[str, object], str]:
    response = client.post("/v1/articles", content=data, headers=headers)
    return response.status_code, response.json(), response.headers.get("wirefeed-outcome", "")


def count_articles(client: TestClient) -> int:
    return len(client.get("/v1/articles?limit=100").json()["items"])


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b"\n\n  " + b.replace(b"\n\n", b"\n\n\n") + b"\n  \n", id="blank-lines"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="bom"),
        pytest.param(lambda b: b.replace(b". ", b".  "), id="double-spaces"),
    ],
)
def test_a_resend_with_other_whitespace_is_a_duplicate(
    client: TestClient, ingest_headers: dict[str, str], mangle: object
) -> None:
    assert callable(mangle)
    status, first, _ = post(client, ingest_headers, raw("d000"))
    assert status == 201
    status, again, outcome = post(client, ingest_headers, mangle(raw("d000")))
    assert (status, outcome, again["id"]) == (200, "duplicate", first["id"])
    assert count_articles(client) == 1


@pytest.mark.parametrize(("resend", "original"), [("d022", "d021"), ("d048", "d047")])
def test_a_resend_with_other_page_chrome_is_a_duplicate(
    client: TestClient, ingest_headers: dict[str, str], resend: str, original: str
) -> None:
    assert gold(resend)["duplicate_of"] == original
    _, first, _ = post(client, ingest_headers, raw(original))
    status, again, outcome = post(client, ingest_headers, raw(resend))
    assert (status, outcome, again["id"]) == (200, "duplicate", first["id"])
    assert count_articles(client) == 1


@pytest.mark.parametrize(("update", "original"), [("d017", "d016"), ("d038", "d037")])
def test_changed_text_of_a_stored_story_is_a_new_version(
    client: TestClient, ingest_headers: dict[str, str], update: str, original: str
) -> None:
    assert gold(update)["version_of"] == original
    _, first, _ = post(client, ingest_headers, raw(original))
    status, updated, outcome = post(client, ingest_headers, raw(update))
    assert (status, outcome) == (200, "updated")
    assert updated["id"] == first["id"]
    assert (first["version"], updated["version"]) == (1, 2)
    assert updated["body"] == gold(update)["body"]
    assert count_articles(client) == 1
    assert client.get(f"/v1/articles/{first['id']}").json()["body"] == gold(update)["body"]


def test_versions_lists_every_version_with_its_hash(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first, _ = post(client, ingest_headers, raw("d016"))
    _, second, _ = post(client, ingest_headers, raw("d017"))
    items = client.get(f"/v1/articles/{first['id']}/versions").json()["items"]
    assert [(i["version"], i["content_hash"]) for i in items] == [
        (1, first["content_hash"]),
        (2, second["content_hash"]),
    ]
    assert first["content_hash"] != second["content_hash"]


def test_an_earlier_version_is_served_in_full(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first, _ = post(client, ingest_headers, raw("d016"))
    post(client, ingest_headers, raw("d017"))
    old = client.get(f"/v1/articles/{first['id']}/versions/1").json()
    assert old["body"] == gold("d016")["body"]
    assert old["version"] == 1
    assert client.get(f"/v1/articles/{first['id']}/versions/9").status_code == 404


def test_an_older_version_arriving_late_leaves_the_newer_one_served(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    _, newer, _ = post(client, ingest_headers, raw("d017"))
    status, answer, outcome = post(client, ingest_headers, raw("d016"))
    assert (status, outcome) == (200, "stale")
    assert answer["id"] == newer["id"]
    served = client.get(f"/v1/articles/{newer['id']}").json()
    assert served["body"] == gold("d017")["body"]
    assert served["content_hash"] == newer["content_hash"]
    versions = client.get(f"/v1/articles/{newer['id']}/versions").json()["items"]
    assert [(v["version"], v["served"]) for v in versions] == [(1, True), (2, False)]


def test_a_resend_of_an_earlier_version_is_a_duplicate(client: TestClient, ingest_headers: dict[str, str]) -> None:
    post(client, ingest_headers, raw("d016"))
    _, latest, _ = post(client, ingest_headers, raw("d017"))
    status, again, outcome = post(client, ingest_headers, raw("d016"))
    assert (status, outcome, again["version"]) == (200, "duplicate", latest["version"])


def test_an_update_changes_the_etag(client: TestClient, ingest_headers: dict[str, str]) -> None:
    _, first, _ = post(client, ingest_headers, raw("d016"))
    etag = client.get(f"/v1/articles/{first['id']}").headers["etag"]
    post(client, ingest_headers, raw("d017"))
    assert client.get(f"/v1/articles/{first['id']}", headers={"If-None-Match": etag}).status_code == 200


class TestIdempotencyKey:
    def test_a_retry_with_the_same_key_returns_the_first_answer(
        self, client: TestClient, ingest_headers: dict[str, str]
    ) -> None:
        headers = {**ingest_headers, "Idempotency-Key": "delivery-0001"}
        first = client.post("/v1/articles", content=raw("d000"), headers=headers)
        retry = client.post("/v1/articles", content=raw("d000"), headers=headers)
        assert (first.status_code, retry.status_code) == (201, 201)
        assert retry.headers["idempotent-replayed"] == "true"
        assert retry.json()["id"] == first.json()["id"]
        assert count_articles(client) == 1

    def test_the_same_key_with_other_bytes_is_a_422(self, client: TestClient, ingest_headers: dict[str, str]) -> None:
        headers = {**ingest_headers, "Idempotency-Key": "delivery-0002"}
        client.post("/v1/articles", content=raw("d000"), headers=headers)
        response = client.post("/v1/articles", content=raw("d001"), headers=headers)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/idempotency-key-reused")

    def test_a_refusal_is_replayed_too(self, client: TestClient, ingest_headers: dict[str, str]) -> None:
        headers = {**ingest_headers, "Idempotency-Key": "delivery-0003"}
        first = client.post("/v1/articles", content=b"\x00\x01binary", headers=headers)
        retry = client.post("/v1/articles", content=b"\x00\x01binary", headers=headers)
        assert first.status_code == retry.status_code == 422
        assert retry.json()["rejection_id"] == first.json()["rejection_id"]


def test_copy_of_a_withdrawn_story_is_answered_410_and_not_republished(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    _, first, _ = post(client, ingest_headers, raw("d016"))
    client.post(f"/v1/articles/{first['id']}/withdraw", headers=admin_headers)
    for copy in (raw("d016"), raw("d017")):  # a resend, then an update
        response = client.post("/v1/articles", content=copy, headers=ingest_headers)
        assert response.status_code == 410
        assert response.headers["content-type"] == "application/problem+json"
    assert client.get(f"/v1/articles/{first['id']}").status_code == 410


def test_a_keys_agency_is_stored_in_its_canonical_spelling(client: TestClient, database: Database) -> None:
    with database.write_sessions.begin() as session:
        token = create_key(session, agency="ians", scopes=["ingest"]).token
    untagged = raw("d000").replace(b"By IANS", b"By Staff")
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
    article = client.post("/v1/articles", content=untagged, headers=headers).json()
    assert article["agency"] == "IANS"
    assert [i["id"] for i in client.get("/v1/articles?agency=IANS").json()["items"]] == [article["id"]]
