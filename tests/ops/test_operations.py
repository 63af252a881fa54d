"""Operations endpoints: health, readiness, and API docs served by the service itself."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_healthz_says_ok(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reaches_the_database(client: TestClient, backend: str) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": backend}


def test_docs_and_everything_they_load_come_from_the_service(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "SwaggerUIBundle" in html
    assert not re.findall(r"https?://", html), "the docs page must not load from an external host"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for asset in assets:
        assert asset.startswith("/")
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").status_code == 200


def test_openapi_carries_the_reference_story_as_the_post_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    example = spec["paths"]["/v1/articles"]["post"]["requestBody"]["content"]["text/plain"]["examples"]
    assert "Russia's defence chief departs North Korea" in example["reference-story"]["value"]


def test_openapi_documents_problem_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/v1/articles"]["post"]["responses"]
    assert {"401", "403", "413", "415", "422"} <= set(post)
    assert "application/problem+json" in post["422"]["content"]
    assert "Problem" in spec["components"]["schemas"]
