"""GET /v1/articles/{id}: the Article object, ETag/304, 404 and 410 as problem+json."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from app.config import DEFAULT_DISCLAIMER
from app.db import Database
from tests.factories import parsed_copy, store_copy

ARTICLE_FIELDS = {
    "id", "agency", "headline", "byline", "dateline", "published_at", "updated_at", "received_at", "summary",
    "category", "language", "body", "body_html", "signoff", "disclaimer", "source_format", "version",
    "content_hash", "links",
}  # fmt: skip


def test_an_article_has_every_field_of_the_contract(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    body = client.get(f"/v1/articles/{article.id}").json()
    assert set(body) >= ARTICLE_FIELDS
    assert body["links"] == {
        "self": f"/v1/articles/{article.id}",
        "related": f"/v1/articles/{article.id}/related",
        "versions": f"/v1/articles/{article.id}/versions",
    }


def test_the_disclaimer_is_stamped_last_in_body_html(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    body = client.get(f"/v1/articles/{article.id}").json()
    assert body["disclaimer"] == DEFAULT_DISCLAIMER
    assert body["body_html"].endswith(f'<p class="wirefeed-disclaimer">{DEFAULT_DISCLAIMER}</p>')
    assert body["body_html"].count(DEFAULT_DISCLAIMER) == 1


def test_markup_in_the_copy_is_escaped_in_body_html_and_literal_in_body(client: TestClient, database: Database) -> None:
    sentence = 'The minister said <b>"never"</b> & left.'
    article = store_copy(database, parsed_copy(1, body=[sentence])).article
    body = client.get(f"/v1/articles/{article.id}").json()
    assert body["body"] == [sentence]
    assert "<b>" not in body["body_html"]
    assert "&lt;b&gt;&quot;never&quot;&lt;/b&gt; &amp; left." in body["body_html"]


def test_fetch_sends_an_etag_and_if_none_match_gives_304(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    first = client.get(f"/v1/articles/{article.id}")
    etag = first.headers["etag"]
    again = client.get(f"/v1/articles/{article.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag
    assert again.content == b""


def test_a_stale_etag_gets_the_full_article(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    response = client.get(f"/v1/articles/{article.id}", headers={"If-None-Match": '"0000-v1"'})
    assert response.status_code == 200


def test_unknown_id_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/articles/does-not-exist")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert problem["type"].endswith("/not-found")
    assert "does-not-exist" in problem["detail"]


def test_unknown_route_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    response = client.delete("/v1/articles")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


def test_a_withdrawn_article_is_410_and_no_longer_listed(
    client: TestClient, database: Database, admin_headers: dict[str, str]
) -> None:
    article = store_copy(database, parsed_copy(1)).article
    assert client.post(f"/v1/articles/{article.id}/withdraw", headers=admin_headers).status_code == 204
    assert client.get(f"/v1/articles/{article.id}").status_code == 410
    assert client.get("/v1/articles").json()["items"] == []


def test_withdrawing_needs_the_admin_scope(
    client: TestClient, database: Database, ingest_headers: dict[str, str]
) -> None:
    article = store_copy(database, parsed_copy(1)).article
    assert client.post(f"/v1/articles/{article.id}/withdraw", headers=ingest_headers).status_code == 403


def _ninjs_validator() -> Draft202012Validator:
    schema = json.loads((Path(__file__).parents[1] / "fixtures/ninjs/ninjs-schema_2.2.json").read_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_ninjs_rendering_validates_against_the_ninjs_2_2_schema(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1, summary="A standfirst ...", category="National")).article
    response = client.get(f"/v1/articles/{article.id}?format=ninjs")
    assert response.headers["content-type"] == "application/ninjs+json"
    item = response.json()
    assert not list(_ninjs_validator().iter_errors(item))
    assert item["headlines"][0]["value"] == article.headline
    assert item["bodies"][0]["value"].endswith(f"{DEFAULT_DISCLAIMER}</p>")
    assert item["infosources"] == [{"name": "PTI", "role": "source"}]


def test_ninjs_is_chosen_by_the_accept_header_with_its_own_etag(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    plain = client.get(f"/v1/articles/{article.id}")
    ninjs = client.get(f"/v1/articles/{article.id}", headers={"Accept": "application/ninjs+json"})
    assert ninjs.headers["content-type"] == "application/ninjs+json"
    assert ninjs.headers["etag"] != plain.headers["etag"]
    assert ninjs.headers["vary"] == "Accept"


def test_head_gives_the_etag_without_a_body(client: TestClient, database: Database) -> None:
    article = store_copy(database, parsed_copy(1)).article
    head = client.head(f"/v1/articles/{article.id}")
    assert head.status_code == 200
    assert head.headers["etag"] == client.get(f"/v1/articles/{article.id}").headers["etag"]
    assert head.content == b""
