"""/related costs the same whatever the article's size, and a ranking is computed once per article version and
store generation — without ever serving a withdrawn story or hiding a newer one."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from app.related import search
from app.related.search import TEXT_BUDGET, RankingCache, budgeted_body
from tests.related.test_related_api import copy, store_copy

FLOOD = [
    "New Delhi, Nov 27 (PTI) Heavy rain flooded the low-lying districts of the capital region on Thursday.",
    "Relief teams moved families from the riverbank colonies to schools, officials said.",
]


def follow_up(n: int) -> list[str]:
    """Another story on the same floods (its own opening: the same opening would make it an update)."""
    return [
        f"New Delhi, Nov 28 (PTI) Flood relief camps in the capital region filled up on day {n}, officials said.",
        "Heavy rain kept the riverbank colonies and low-lying districts under water.",
    ]


def test_the_query_reads_at_most_the_text_budget_of_the_body() -> None:
    huge = ["word " * 2_000] * 500  # 5 MB of text
    kept = budgeted_body(huge)
    assert sum(len(p) for p in kept) == TEXT_BUDGET
    assert kept[0] == huge[0]


def test_a_short_body_is_read_whole() -> None:
    assert budgeted_body(FLOOD) == FLOOD


def test_the_ranking_of_a_huge_article_uses_only_its_budget(
    client: TestClient, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    filler = [f"Paragraph {n} repeats the tallies of the flood relief camps in the district." for n in range(20_000)]
    big = store_copy(database, copy("Floods in the capital region", FLOOD + filler)).article
    store_copy(database, copy("Capital region floods: relief camps fill", follow_up(1)))
    seen: list[int] = []
    original = search.ArticleText.of

    def spy(headline: str, summary: str | None, body: list[str], language: str) -> search.ArticleText:
        seen.append(sum(len(p) for p in body))
        return original(headline, summary, body, language)

    monkeypatch.setattr(search.ArticleText, "of", spy)
    response = client.get(f"/v1/articles/{big.id}/related")
    assert response.status_code == 200
    assert seen == [TEXT_BUDGET]


def test_a_ranking_is_computed_once_per_article_version(
    client: TestClient, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store_copy(database, copy("Floods in the capital region", FLOOD)).article
    store_copy(database, copy("Capital region floods: relief camps fill", follow_up(1)))
    calls: list[int] = []
    original = search._rank

    def counting(*args: object, **kwargs: object) -> search.Ranking:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "_rank", counting)
    answers = [client.get(f"/v1/articles/{first.id}/related").json() for _ in range(5)]
    assert len(calls) == 1
    assert all(answer == answers[0] for answer in answers) and len(answers[0]["items"]) == 1


def test_a_story_added_later_joins_the_ranking_at_once(client: TestClient, database: Database) -> None:
    first = store_copy(database, copy("Floods in the capital region", FLOOD)).article
    store_copy(database, copy("Capital region floods: relief camps fill", follow_up(1)))
    assert len(client.get(f"/v1/articles/{first.id}/related").json()["items"]) == 1
    store_copy(database, copy("Flood relief: capital region schools shut", follow_up(2)))
    assert len(client.get(f"/v1/articles/{first.id}/related").json()["items"]) == 2


def test_a_story_withdrawn_after_the_ranking_is_never_served_from_it(
    client: TestClient, database: Database, admin_headers: dict[str, str]
) -> None:
    first = store_copy(database, copy("Floods in the capital region", FLOOD)).article
    other = store_copy(database, copy("Capital region floods: relief camps fill", follow_up(1)))
    assert [i["id"] for i in client.get(f"/v1/articles/{first.id}/related").json()["items"]] == [other.article.id]
    assert client.post(f"/v1/articles/{other.article.id}/withdraw", headers=admin_headers).status_code == 204
    assert client.get(f"/v1/articles/{first.id}/related").json()["items"] == []


def test_concurrent_first_calls_for_one_key_compute_once() -> None:
    cache = RankingCache()
    computed: list[int] = []
    gate = threading.Event()

    def compute() -> search.Ranking:
        gate.wait(1)
        computed.append(1)
        return [(7, 0.5)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(cache.ranking, (1, 1, "sha256:x", 5, 9), compute) for _ in range(8)]
        gate.set()
        results = [f.result() for f in futures]
    assert computed == [1]
    assert results == [[(7, 0.5)]] * 8


def test_a_ranking_expires() -> None:
    cache = RankingCache(seconds=0.0)
    counts: list[int] = []
    cache.ranking((1, 1, "h", 5, 1), lambda: counts.append(1) or [])
    cache.ranking((1, 1, "h", 5, 1), lambda: counts.append(1) or [])
    assert counts == [1, 1]
