"""Refused copy is kept with its reason; operators list, inspect, download and replay it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.auth.keys import create_key
from app.db import Database
from app.errors import ParseError, UnsupportedFormat
from app.parsers import sniff
from app.parsers.base import ParsedCopy
from tests.corpus import bad_ids, gold, media_type, raw


def refuse(client: TestClient, headers: dict[str, str], doc_id: str) -> dict[str, object]:
    response = client.post("/v1/articles", content=raw(doc_id), headers={**headers, "Content-Type": media_type(doc_id)})
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, object] = response.json()
    return problem


@pytest.mark.parametrize("doc_id", bad_ids("reject"))
def test_every_bad_corpus_document_is_refused_and_quarantined_with_its_reason(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str], doc_id: str
) -> None:
    problem = refuse(client, ingest_headers, doc_id)
    assert problem["rejection_id"]
    kept = client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin_headers).json()
    assert kept["detail"] == problem["detail"]
    assert kept["status"] == problem["status"]
    assert kept["reason"]
    assert kept["state"] == "open"
    kept_bytes = client.get(f"/v1/rejections/{problem['rejection_id']}/raw", headers=admin_headers).content
    if problem["status"] == 413:  # oversize copy: only its first bytes are kept
        assert kept["truncated"] and raw(doc_id).startswith(kept_bytes) and len(kept_bytes) < len(raw(doc_id))
    else:
        assert kept_bytes == raw(doc_id)


@pytest.mark.parametrize("doc_id", bad_ids("accept"))
def test_damaged_but_readable_copy_is_accepted_and_the_repair_recorded(
    client: TestClient, ingest_headers: dict[str, str], doc_id: str
) -> None:
    response = client.post("/v1/articles", content=raw(doc_id), headers=ingest_headers)
    assert response.status_code == 201, response.text
    assert response.json()["repairs"]
    assert "â€" not in " ".join(response.json()["body"])


def test_a_3mb_document_is_413_and_kept(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    assert gold("db07")["expect"] == "reject"
    problem = refuse(client, ingest_headers, "db07")
    assert problem["status"] == 413
    assert "too large" in str(problem["detail"])
    assert client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin_headers).status_code == 200


def test_an_unknown_media_type_is_415_and_kept(client: TestClient, ingest_headers: dict[str, str]) -> None:
    headers = {**ingest_headers, "Content-Type": "image/png"}
    response = client.post("/v1/articles", content=b"\x89PNG\r\n\x1a\n", headers=headers)
    assert response.status_code == 415
    assert response.json()["rejection_id"]


def test_rejections_are_listed_newest_first(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    ids = [refuse(client, ingest_headers, d)["rejection_id"] for d in ("db01", "db02", "db03")]
    listed = client.get("/v1/rejections", headers=admin_headers).json()["items"]
    assert [r["id"] for r in listed] == ids[::-1]
    page = client.get("/v1/rejections?limit=2", headers=admin_headers).json()
    rest = client.get(f"/v1/rejections?limit=2&cursor={page['next_cursor']}", headers=admin_headers).json()
    assert [r["id"] for r in page["items"] + rest["items"]] == ids[::-1]


def test_the_quarantine_needs_the_admin_scope(client: TestClient, ingest_headers: dict[str, str]) -> None:
    assert client.get("/v1/rejections").status_code == 401
    assert client.get("/v1/rejections", headers=ingest_headers).status_code == 403


def test_unknown_rejection_is_a_404_problem(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.get("/v1/rejections/rj_nope", headers=admin_headers)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_replay_after_a_parser_fix_stores_the_copy(
    client: TestClient,
    ingest_headers: dict[str, str],
    admin_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def parser_with_a_bug(data: bytes) -> ParsedCopy:
        raise ParseError("simulated parser bug", reason="bug")

    monkeypatch.setitem(sniff.PARSERS, "text", parser_with_a_bug)
    problem = refuse(client, ingest_headers, "d000")
    monkeypatch.undo()  # the fix ships
    replayed = client.post(f"/v1/rejections/{problem['rejection_id']}/replay", headers=admin_headers)
    assert replayed.status_code == 201
    assert replayed.json()["headline"] == gold("d000")["headline"]
    kept = client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin_headers).json()
    assert (kept["state"], kept["replay_article_id"]) == ("replayed", replayed.json()["id"])


def test_replay_of_still_bad_copy_answers_with_the_problem(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    problem = refuse(client, ingest_headers, "db06")
    replayed = client.post(f"/v1/rejections/{problem['rejection_id']}/replay", headers=admin_headers)
    assert replayed.status_code == 422
    assert replayed.json()["rejection_id"] == problem["rejection_id"]
    assert client.get("/v1/articles").json()["items"] == []


def test_replay_sends_the_copy_as_its_agency_bound_key_did(
    client: TestClient, database: Database, admin_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copy that names no agency is the key's agency's: a replay must remember whose key sent it."""
    with database.write_sessions.begin() as session:
        token = create_key(session, agency="IANS", scopes=["ingest"]).token
    story = raw("d000").replace(b"By IANS", b"By Staff")
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}

    def parser_with_a_bug(data: bytes) -> ParsedCopy:
        raise UnsupportedFormat("simulated: not read yet")

    monkeypatch.setitem(sniff.PARSERS, "text", parser_with_a_bug)
    refused = client.post("/v1/articles", content=story, headers=headers).json()
    monkeypatch.undo()
    assert refused["status"] == 415
    replayed = client.post(f"/v1/rejections/{refused['rejection_id']}/replay", headers=admin_headers)
    assert replayed.status_code == 201, replayed.text
    assert replayed.json()["agency"] == "IANS"


def test_a_replay_that_fails_again_records_todays_problem(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def parser_with_a_bug(data: bytes) -> ParsedCopy:
        raise UnsupportedFormat("simulated: not read yet")

    monkeypatch.setitem(sniff.PARSERS, "text", parser_with_a_bug)
    problem = refuse(client, ingest_headers, "db01")
    assert problem["status"] == 415
    monkeypatch.undo()
    client.post(f"/v1/rejections/{problem['rejection_id']}/replay", headers=admin_headers)
    kept = client.get(f"/v1/rejections/{problem['rejection_id']}", headers=admin_headers).json()
    assert (kept["status"], kept["reason"]) == (422, "empty")
