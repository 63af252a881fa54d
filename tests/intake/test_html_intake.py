"""A news page's HTML posted as text/html becomes an article over HTTP; a hostile page is a clear 4xx."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "html" / "agency_page.html").read_bytes()


def _headers(ingest_headers: dict[str, str], content_type: str) -> dict[str, str]:
    return {**ingest_headers, "Content-Type": content_type}


@pytest.fixture
def created(client: TestClient, ingest_headers: dict[str, str]) -> dict[str, object]:
    response = client.post("/v1/articles", content=PAGE, headers=_headers(ingest_headers, "text/html; charset=utf-8"))
    assert response.status_code == 201, response.text
    assert response.headers["wirefeed-outcome"] == "created"
    body: dict[str, object] = response.json()
    return body


def test_a_posted_page_becomes_the_story_it_prints(created: dict[str, object]) -> None:
    assert created["headline"] == "Harbour cranes idle as dock workers strike for a second day"
    assert created["agency"] == "AP"
    assert created["published_at"] == "2026-03-10T14:05:00Z"
    body = created["body"]
    assert isinstance(body, list)
    assert body[0].startswith("LISBON, Portugal (AP) — Dock workers")
    assert len(body) == 6


def test_the_stored_article_is_served_as_posted(client: TestClient, created: dict[str, object]) -> None:
    fetched = client.get(f"/v1/articles/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json()["body"] == created["body"]


def test_the_same_page_posted_again_is_a_duplicate(
    client: TestClient, ingest_headers: dict[str, str], created: dict[str, object]
) -> None:
    again = client.post("/v1/articles", content=PAGE, headers=_headers(ingest_headers, "text/html"))
    assert again.status_code == 200
    assert again.headers["wirefeed-outcome"] == "duplicate"


def test_a_page_posted_as_plain_text_is_read_as_html(client: TestClient, ingest_headers: dict[str, str]) -> None:
    response = client.post("/v1/articles", content=PAGE, headers=_headers(ingest_headers, "text/plain"))
    assert response.status_code == 201, response.text
    assert response.json()["headline"] == "Harbour cranes idle as dock workers strike for a second day"


def test_a_deeply_nested_page_is_refused_with_a_problem_and_kept(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    hostile = b"<html><body>" + b"<div>" * 20_000 + b"x" + b"</div>" * 20_000 + b"</body></html>"
    response = client.post("/v1/articles", content=hostile, headers=_headers(ingest_headers, "text/html"))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["rejection_id"]


def test_the_openapi_request_body_documents_html(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/v1/articles"]["post"]["requestBody"]["content"]
    assert {"text/html", "application/xhtml+xml"} <= set(content)
