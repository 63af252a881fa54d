"""The mismatches schemathesis found, each pinned: 405 names every method, dates are dates, errors documented."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_the_405_on_the_articles_collection_lists_every_allowed_method(client: TestClient) -> None:
    response = client.delete("/v1/articles")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["allow"] == "GET, HEAD, POST"


def test_the_405_on_one_article_lists_its_methods(client: TestClient) -> None:
    assert client.put("/v1/articles/abc").headers["allow"] == "GET, HEAD"


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    response = client.head("/v1/articles")
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) == len(client.get("/v1/articles").content)


@pytest.mark.parametrize("value", ["0.5", "1733011200", "yesterday", "2024-13-01T00:00:00Z"])
def test_a_date_parameter_that_is_not_an_iso_8601_date_is_400(client: TestClient, value: str) -> None:
    response = client.get("/v1/articles", params={"until": value})
    assert response.status_code == 400
    assert "ISO 8601" in response.json()["detail"]


def test_an_iso_8601_date_with_its_offset_is_taken(client: TestClient) -> None:
    assert client.get("/v1/articles", params={"since": "2024-12-01T00:00:00+05:30"}).status_code == 200
    assert client.get("/v1/articles", params={"until": "2024-12-01t00:00:00z"}).status_code == 200


def test_every_operation_documents_its_400_and_429(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "400" in paths["/v1/articles/{article_id}/related"]["get"]["responses"]
    for operations in paths.values():
        for operation in operations.values():
            assert {"400", "429"} <= set(operation["responses"])
            assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_the_date_parameters_are_documented_as_date_times(client: TestClient) -> None:
    parameters = client.get("/openapi.json").json()["paths"]["/v1/articles"]["get"]["parameters"]
    since = next(p for p in parameters if p["name"] == "since")
    schema = since["schema"]
    assert "date-time" in {schema.get("format"), *(option.get("format") for option in schema.get("anyOf", []))}


def test_a_405_on_an_undocumented_page_keeps_its_own_allow(client: TestClient) -> None:
    response = client.post("/docs")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_head_on_one_article_revalidates_like_get(client: TestClient, ingest_headers: dict[str, str]) -> None:
    from tests.corpus import raw

    created = client.post("/v1/articles", content=raw("d000"), headers=ingest_headers)
    head = client.head(created.headers["location"])
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == created.headers["etag"]
