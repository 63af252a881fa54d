"""The reference story (IANS via Lokmat Times) goes in as raw copy and comes out as the gold article."""

from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import DEFAULT_DISCLAIMER, Settings
from app.db import Database
from app.intake.models import RawCopy
from app.main import create_app
from tests.corpus import gold, raw

GOLD = gold("d000")
SAME_FIELDS = ("headline", "agency", "byline", "dateline", "summary", "category", "language", "body", "signoff")


@pytest.fixture
def posted(client: TestClient, ingest_headers: dict[str, str]) -> dict[str, object]:
    response = client.post("/v1/articles", content=raw("d000"), headers=ingest_headers)
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/v1/articles/{response.json()['id']}"
    assert response.headers["wirefeed-outcome"] == "created"
    body: dict[str, object] = response.json()
    return body


@pytest.mark.parametrize("field", SAME_FIELDS)
def test_reference_story_field_equals_gold(posted: dict[str, object], field: str) -> None:
    assert posted[field] == GOLD[field]


@pytest.mark.parametrize("field", ["published_at", "updated_at"])
def test_reference_story_timestamps_equal_gold_as_instants(posted: dict[str, object], field: str) -> None:
    expected = GOLD[field]
    got = posted[field]
    if expected is None:
        assert got is None
    else:
        assert isinstance(got, str)
        assert datetime.fromisoformat(got) == datetime.fromisoformat(expected)


def test_reference_story_keeps_the_ist_offset(posted: dict[str, object]) -> None:
    assert posted["updated_at"] == "2024-12-01T10:40:00+05:30"


def test_no_page_chrome_in_any_body_paragraph(posted: dict[str, object]) -> None:
    body = posted["body"]
    assert isinstance(body, list)
    for chrome in GOLD["chrome"]:
        assert all(chrome != paragraph and (len(chrome) < 12 or chrome not in paragraph) for paragraph in body)


def test_our_disclaimer_replaces_the_sites_and_is_never_doubled(posted: dict[str, object]) -> None:
    assert posted["disclaimer"] == DEFAULT_DISCLAIMER
    html = posted["body_html"]
    assert isinstance(html, str)
    assert html.count("auto-published") == 1
    assert html.endswith(f'<p class="wirefeed-disclaimer">{DEFAULT_DISCLAIMER}</p>')


def test_reference_story_is_fetched_as_posted(client: TestClient, posted: dict[str, object]) -> None:
    assert client.get(f"/v1/articles/{posted['id']}").json() == posted


def test_posting_the_reference_story_again_stores_nothing_new(
    client: TestClient, ingest_headers: dict[str, str], posted: dict[str, object]
) -> None:
    again = client.post("/v1/articles", content=raw("d000"), headers=ingest_headers)
    assert again.status_code == 200
    assert again.headers["wirefeed-outcome"] == "duplicate"
    assert again.json()["id"] == posted["id"]
    assert len(client.get("/v1/articles").json()["items"]) == 1


def test_the_raw_bytes_are_kept(posted: dict[str, object], database: Database) -> None:
    with database.read_sessions() as session:
        kept = session.scalars(select(RawCopy.data)).all()
    assert kept == [raw("d000")]


def test_a_configured_disclaimer_is_stamped_instead(
    settings: Settings, database: Database, ingest_headers: dict[str, str]
) -> None:
    custom = settings.model_copy(update={"disclaimer": "Published from the IANS feed unedited."})
    with TestClient(create_app(custom)) as custom_client:
        body = custom_client.post("/v1/articles", content=raw("d000"), headers=ingest_headers).json()
    assert body["disclaimer"] == "Published from the IANS feed unedited."
    assert "auto-published" not in body["body_html"]
