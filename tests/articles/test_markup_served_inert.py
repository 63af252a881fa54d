"""Through the API: copy quoting every OWASP filter-evasion vector is published (never refused for its markup),
each vector literal in `body` and inert in `body_html` and in the ninjs rendering."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from tests.xss import owasp_vectors, parse_html, sentence_quoting, story_quoting

VECTORS = owasp_vectors()


def publish(client: TestClient, copy: bytes, ingest_headers: dict[str, str], admin_headers: dict[str, str]) -> str:
    """Post the copy; where a plausibility check holds it (a vector can look like a caption's credit), an editor
    publishes the kept draft as it is. Never refused for its markup. The article's location."""
    created = client.post("/v1/articles", content=copy, headers=ingest_headers)
    if created.status_code == 202:
        created = client.post(created.json()["links"]["publish"], headers=admin_headers)
    assert created.status_code == 201, created.text
    return created.headers["location"]


def test_copy_quoting_every_vector_is_published_literal_and_served_inert(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    article = client.get(publish(client, story_quoting(VECTORS), ingest_headers, admin_headers)).json()
    assert article["body"][1:] == [sentence_quoting(v) for v in VECTORS]
    elements, shown = parse_html(article["body_html"])
    assert {tag for tag, _ in elements} == {"p"}
    assert all(attrs == [] for _, attrs in elements[:-1])  # only the disclaimer carries a class
    for vector in VECTORS:
        assert f"<p>{html.escape(sentence_quoting(vector))}</p>" in article["body_html"]
        assert sentence_quoting(vector) in shown


def test_the_ninjs_rendering_is_inert_too(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    location = publish(client, story_quoting(VECTORS[:40]), ingest_headers, admin_headers)
    ninjs = client.get(location, params={"format": "ninjs"}).json()
    elements, _ = parse_html(ninjs["bodies"][0]["value"])
    assert {tag for tag, _ in elements} == {"p"}


def test_a_headline_quoting_markup_is_published_as_written(client: TestClient, ingest_headers: dict[str, str]) -> None:
    headline = "Why <img src=x onerror=alert(1)> still slips past web filters"
    copy = story_quoting(["<b>x</b>"], headline=headline)
    created = client.post("/v1/articles", content=copy, headers=ingest_headers)
    assert created.status_code == 201, created.text
    assert created.json()["headline"] == headline


def test_copy_that_quotes_a_script_tag_as_text_is_published(client: TestClient, ingest_headers: dict[str, str]) -> None:
    created = client.post(
        "/v1/articles", content=story_quoting(["<script>alert(document.cookie)</script>"]), headers=ingest_headers
    )
    assert created.status_code == 201, created.text
    assert "<script>alert(document.cookie)</script>" in created.json()["body"][1]
