"""GET /v1/articles/{id}/related and the `q` filter, over HTTP, on both backends.

The quality tests store the labelled corpus (tests/related/fixtures/gold, or WIREFEED_RELATED_GOLD) from its
gold fields through the service's own store(), so duplicates and versions collapse as they do in production.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.normalise import draft_article
from app.articles.service import StoreResult, store
from app.config import DEFAULT_DISCLAIMER
from app.db import Database
from app.parsers.base import Dateline, ParsedCopy
from tests.related.gold import StoredCorpus, load_gold, measure, store_gold

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def corpus(backend: str, database: Database) -> StoredCorpus:
    return store_gold(database, load_gold())


def related_ids(client: TestClient, limit: int = 50) -> Callable[[str], Sequence[str]]:
    def ranked(article_id: str) -> list[str]:
        response = client.get(f"/v1/articles/{article_id}/related", params={"limit": limit})
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    return ranked


def copy(headline: str, body: list[str], **fields: Any) -> ParsedCopy:
    values: dict[str, Any] = {
        "source_format": "wire-text",
        "agency": "PTI",
        "headline": headline,
        "dateline": Dateline(place="New Delhi", text="New Delhi, Nov 27 (PTI)"),
        "published_at": datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
        "language": "en",
        "body": body,
    }
    values.update(fields)
    return ParsedCopy.model_validate(values)


def store_copy(database: Database, parsed: ParsedCopy, received_at: datetime = NOW) -> StoreResult:
    draft = draft_article(parsed, disclaimer=DEFAULT_DISCLAIMER, now=received_at, future_tolerance=timedelta(hours=36))
    with database.write_sessions.begin() as session:
        return store(session, draft, received_at=received_at)


def search(client: TestClient, q: str) -> set[str]:
    response = client.get("/v1/articles", params={"q": q, "limit": 100})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


# --- quality on the labelled corpus --------------------------------------------------------------------


def test_related_puts_the_story_thread_first(client: TestClient, corpus: StoredCorpus) -> None:
    quality = measure(corpus, related_ids(client))
    assert quality.precision, "the corpus has no clusters to measure"
    assert quality.average >= 0.9, quality.summary()


def test_near_miss_threads_never_outrank_the_thread(client: TestClient, corpus: StoredCorpus) -> None:
    quality = measure(corpus, related_ids(client))
    assert quality.near_miss_violations == [], quality.summary()


def test_related_never_lists_the_article_its_versions_or_duplicates(client: TestClient, corpus: StoredCorpus) -> None:
    for doc_id, record in corpus.records.items():
        original = record.get("duplicate_of") or record.get("version_of")
        if original in corpus.article_of:
            assert corpus.article_of[doc_id] == corpus.article_of[original], f"{doc_id} was stored apart"
    ranked = related_ids(client)
    for article_id in corpus.articles():
        items = ranked(article_id)
        assert article_id not in items
        assert len(items) == len(set(items))


def test_hindi_relates_only_to_hindi(client: TestClient, corpus: StoredCorpus) -> None:
    checked = 0
    for article_id in corpus.articles():
        language = corpus.label(article_id)["language"]
        response = client.get(f"/v1/articles/{article_id}/related", params={"limit": 50})
        languages = {item["language"] for item in response.json()["items"]}
        assert languages <= {language}, (corpus.label(article_id)["id"], languages)
        checked += language == "hi"
    assert checked >= 1


# --- the answer's shape and errors ---------------------------------------------------------------------


def test_related_items_are_summaries_with_scores_best_first(client: TestClient, corpus: StoredCorpus) -> None:
    article_id = corpus.article_of["d044"]
    response = client.get(f"/v1/articles/{article_id}/related")
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 5  # the default limit
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)
    assert set(items[0]) >= {"id", "agency", "headline", "language", "links", "received_at", "score"}
    assert items[0]["links"]["self"] == f"/v1/articles/{items[0]['id']}"


@pytest.mark.parametrize("limit", ["0", "51", "-1", "many"])
def test_related_limit_outside_1_to_50_is_refused(client: TestClient, database: Database, limit: str) -> None:
    article = store_copy(database, copy("Limit check", ["New Delhi, Nov 27 (PTI) Some text here."])).article
    response = client.get(f"/v1/articles/{article.id}/related", params={"limit": limit})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("limit", [1, 50])
def test_related_limit_bounds_are_accepted(client: TestClient, database: Database, limit: int) -> None:
    article = store_copy(database, copy("Limit check", ["New Delhi, Nov 27 (PTI) Some text here."])).article
    assert client.get(f"/v1/articles/{article.id}/related", params={"limit": limit}).status_code == 200


def test_related_of_an_unknown_article_is_404(client: TestClient, database: Database) -> None:
    response = client.get("/v1/articles/no-such-article/related")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_article_with_nothing_in_common_has_no_related(client: TestClient, database: Database) -> None:
    store_copy(database, copy("Quokka census", ["Rottnest quokka numbers rose."], dateline=None))
    lone = store_copy(database, copy("Glacier survey", ["Drang Drung glacier retreat measured."], dateline=None))
    response = client.get(f"/v1/articles/{lone.article.id}/related")
    assert response.json() == {"items": []}


# --- keeping the index in step -------------------------------------------------------------------------

HERON_BODY = [
    "Kochi, Nov 27 (PTI) Birdwatchers counted a record number of grey herons at the Kumarakom sanctuary.",
    "The heron survey at Kumarakom also found painted storks nesting near Vembanad lake.",
]


def test_an_updated_article_is_found_by_its_new_words_not_its_removed_ones(
    client: TestClient, database: Database
) -> None:
    first = store_copy(database, copy("Kumarakom bird count", HERON_BODY))
    assert search(client, "storks") == {first.article.id}
    changed = [HERON_BODY[0], "Cormorants were seen nesting near Vembanad lake this year."]
    second = store_copy(database, copy("Kumarakom bird count", changed), NOW + timedelta(minutes=5))
    assert second.outcome == "updated" and second.article.id == first.article.id
    assert search(client, "cormorants") == {first.article.id}
    assert search(client, "storks") == set()


def test_an_update_is_not_related_to_its_earlier_text(client: TestClient, database: Database) -> None:
    first = store_copy(database, copy("Kumarakom bird count", HERON_BODY))
    updated = [*HERON_BODY, "Forest officials said the count would be repeated in March."]
    store_copy(database, copy("Kumarakom bird count", updated), NOW + timedelta(minutes=5))
    other = store_copy(
        database, copy("Vembanad lake herons", ["Kottayam, Nov 27 (PTI) Grey herons crowd Kumarakom and Vembanad."])
    )
    assert related_ids(client)(first.article.id) == [other.article.id]
    assert related_ids(client)(other.article.id) == [first.article.id]


def test_a_withdrawn_article_is_never_related_or_found_and_its_related_is_410(
    client: TestClient, database: Database, admin_headers: dict[str, str]
) -> None:
    kept = store_copy(database, copy("Kumarakom bird count", HERON_BODY)).article
    doomed = store_copy(
        database, copy("Vembanad lake herons", ["Kottayam, Nov 27 (PTI) Grey herons crowd Kumarakom and Vembanad."])
    ).article
    assert related_ids(client)(kept.id) == [doomed.id]
    response = client.post(f"/v1/articles/{doomed.id}/withdraw", headers=admin_headers)
    assert response.status_code == 204
    assert related_ids(client)(kept.id) == []
    assert doomed.id not in search(client, "herons")
    gone = client.get(f"/v1/articles/{doomed.id}/related")
    assert gone.status_code == 410
    assert gone.headers["content-type"].startswith("application/problem+json")


# --- the q filter --------------------------------------------------------------------------------------


def test_q_finds_articles_by_stemmed_words_in_headline_or_body(client: TestClient, corpus: StoredCorpus) -> None:
    found = search(client, "landslide Wayanad")
    english = {corpus.article_of[d] for d in ("d044", "d045", "d047")}
    assert english <= found
    assert all(corpus.label(a)["cluster"] == "dc10" for a in found)
    assert corpus.article_of["d005"] in search(client, "flooding")  # "floods" / "flood" stem together


def test_q_needs_every_word(client: TestClient, corpus: StoredCorpus) -> None:
    assert search(client, "Wayanad Sensex") == set()


def test_q_finds_hindi_words(client: TestClient, corpus: StoredCorpus) -> None:
    assert search(client, "वायनाड") == {corpus.article_of["d046"]}


def test_q_of_only_punctuation_matches_nothing(client: TestClient, corpus: StoredCorpus) -> None:
    assert search(client, '"*()') == set()
