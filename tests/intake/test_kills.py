"""Kill and withhold notices withdraw the story the same agency stored under the same agency id — never one
found by headline — and a kill that arrives before its story is applied when the story comes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.articles.embargoes import release_due
from app.articles.models import Article, PendingKill
from app.articles.normalise import draft_article
from app.config import DEFAULT_DISCLAIMER, Settings
from app.db import Database
from app.errors import ParseError
from app.intake.models import RawCopy
from app.intake.service import Delivery, ingest, replay
from app.rejections.models import Rejection
from tests.factories import parsed_copy
from tests.intake.ninjs_copy import NINJS, ninjs_kill, ninjs_story


@pytest.fixture
def wire(ingest_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {ingest_key}", "Content-Type": NINJS}


def post(client: TestClient, wire: dict[str, str], data: bytes) -> httpx.Response:
    return client.post("/v1/articles", content=data, headers=wire)


def listed_ids(client: TestClient) -> list[str]:
    return [item["id"] for item in client.get("/v1/articles?limit=100").json()["items"]]


def stored_articles(database: Database) -> list[Article]:
    with database.read_sessions() as session:
        return list(session.scalars(select(Article).order_by(Article.pk)))


def test_a_kill_withdraws_the_story_with_the_same_agency_id(client: TestClient, wire: dict[str, str]) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    answer = post(client, wire, ninjs_kill(1))
    assert answer.status_code == 200
    assert answer.headers["wirefeed-outcome"] == "withdrawn"
    assert answer.json() == {
        "outcome": "withdrawn",
        "pubstatus": "canceled",
        "agency": "Reuters",
        "agency_ref": "tag:reuters.com,2026:newsml_WL0001",
        "id": story["id"],
        "headline": story["headline"],
        "links": story["links"],
        "detail": f"Article {story['id']!r} is withdrawn: it is no longer listed, served or related.",
    }
    assert client.get(f"/v1/articles/{story['id']}").status_code == 410
    assert listed_ids(client) == []


def test_a_withhold_withdraws_the_story_too_and_says_withheld(client: TestClient, wire: dict[str, str]) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    answer = post(client, wire, ninjs_kill(1, pubstatus="withheld"))
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (200, "withdrawn")
    assert answer.json()["pubstatus"] == "withheld"
    assert client.get(f"/v1/articles/{story['id']}").status_code == 410


def test_a_killed_story_leaves_the_related_articles_of_others(client: TestClient, wire: dict[str, str]) -> None:
    first = post(client, wire, ninjs_story(1)).json()
    second = post(client, wire, ninjs_story(2)).json()
    related = client.get(f"/v1/articles/{first['id']}/related").json()["items"]
    assert second["id"] in [item["id"] for item in related]  # related before the kill: the check below means something
    post(client, wire, ninjs_kill(2))
    related = client.get(f"/v1/articles/{first['id']}/related").json()["items"]
    assert second["id"] not in [item["id"] for item in related]
    assert listed_ids(client) == [first["id"]]


def test_a_kill_never_finds_its_story_by_headline(client: TestClient, wire: dict[str, str]) -> None:
    same_headline = ninjs_story(1, uri="tag:reuters.com,2026:newsml_OTHER")
    story = post(client, wire, same_headline).json()
    answer = post(client, wire, ninjs_kill(1))  # names newsml_WL0001, which is not stored
    assert (answer.status_code, answer.headers["wirefeed-outcome"]) == (202, "kill-pending")
    assert client.get(f"/v1/articles/{story['id']}").status_code == 200


def test_only_the_agency_that_sent_a_story_can_kill_it(client: TestClient, wire: dict[str, str]) -> None:
    story = post(client, wire, ninjs_story(1, agency="Reuters")).json()
    answer = post(client, wire, ninjs_kill(1, agency="AP"))  # the same id, sent as AP's
    assert answer.headers["wirefeed-outcome"] == "kill-pending"
    assert client.get(f"/v1/articles/{story['id']}").status_code == 200


def test_a_kill_before_its_story_is_kept_and_the_story_is_stored_withdrawn(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    pending = post(client, wire, ninjs_kill(1))
    assert pending.status_code == 202
    assert pending.json()["outcome"] == "kill-pending"
    assert pending.json()["id"] is None
    late_story = post(client, wire, ninjs_story(1))
    assert late_story.status_code == 410
    assert late_story.headers["content-type"] == "application/problem+json"
    assert listed_ids(client) == []
    [article] = stored_articles(database)
    assert (article.status, article.pubstatus) == ("withdrawn", "canceled")
    assert client.get(f"/v1/articles/{article.id}").status_code == 410
    with database.read_sessions() as session:
        notice = session.scalars(select(PendingKill)).one()
        assert (notice.article_pk, notice.applied_at is not None) == (article.pk, True)


def test_later_versions_of_a_killed_story_are_never_served(client: TestClient, wire: dict[str, str]) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    post(client, wire, ninjs_kill(1))
    assert post(client, wire, ninjs_story(1, version=2)).status_code == 410
    assert client.get(f"/v1/articles/{story['id']}").status_code == 410
    assert listed_ids(client) == []


def test_a_repeated_kill_answers_withdrawn_again(client: TestClient, wire: dict[str, str]) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    post(client, wire, ninjs_kill(1))
    again = post(client, wire, ninjs_kill(1, spelling="3"))  # the same notice in ninjs 3.x
    assert (again.status_code, again.headers["wirefeed-outcome"], again.json()["id"]) == (200, "withdrawn", story["id"])


def test_a_cancel_after_a_withhold_makes_the_story_canceled(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    post(client, wire, ninjs_story(1))
    post(client, wire, ninjs_kill(1, pubstatus="withheld"))
    assert post(client, wire, ninjs_kill(1, pubstatus="canceled")).json()["pubstatus"] == "canceled"
    assert stored_articles(database)[0].pubstatus == "canceled"


def test_a_kill_retried_with_its_idempotency_key_gets_the_first_answer(
    client: TestClient, wire: dict[str, str]
) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    headers = {**wire, "Idempotency-Key": "kill-0001"}
    first = client.post("/v1/articles", content=ninjs_kill(1), headers=headers)
    retry = client.post("/v1/articles", content=ninjs_kill(1), headers=headers)
    assert (first.status_code, retry.status_code) == (200, 200)
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.headers["wirefeed-outcome"] == "withdrawn"
    assert retry.json()["id"] == story["id"]


def test_a_pending_kill_retried_with_its_idempotency_key_is_still_pending(
    client: TestClient, wire: dict[str, str]
) -> None:
    headers = {**wire, "Idempotency-Key": "kill-0002"}
    client.post("/v1/articles", content=ninjs_kill(1), headers=headers)
    retry = client.post("/v1/articles", content=ninjs_kill(1), headers=headers)
    assert (retry.status_code, retry.headers["wirefeed-outcome"]) == (202, "kill-pending")


def test_a_kill_of_an_embargoed_story_means_it_is_never_released(
    client: TestClient, wire: dict[str, str], database: Database
) -> None:
    soon = datetime.now(UTC) + timedelta(hours=2)
    assert post(client, wire, ninjs_story(1, embargoed=soon)).status_code == 202
    assert post(client, wire, ninjs_kill(1)).headers["wirefeed-outcome"] == "withdrawn"
    with database.write_sessions.begin() as session:
        assert release_due(session, soon + timedelta(minutes=1)) == []
    assert stored_articles(database)[0].status == "withdrawn"


def test_a_kill_without_the_agencys_id_is_refused_for_an_operator() -> None:
    copy = parsed_copy(1, pubstatus="canceled", agency_ref=None)
    with pytest.raises(ParseError) as refused:  # the intake keeps refused copy in the quarantine
        draft_article(copy, disclaimer=DEFAULT_DISCLAIMER, now=datetime.now(UTC), future_tolerance=timedelta(hours=36))
    assert refused.value.reason == "kill-without-id"
    assert "never killed by headline" in refused.value.detail


def test_a_replayed_kill_notice_withdraws_its_story_and_is_never_stored_as_one(
    client: TestClient, wire: dict[str, str], settings: Settings, database: Database
) -> None:
    story = post(client, wire, ninjs_story(1)).json()
    now = datetime.now(UTC)
    data = ninjs_kill(1)
    with database.write_sessions.begin() as session:  # a kill refused by an older release of the service
        raw = RawCopy(received_at=now, content_type=NINJS, sha256="sha256:x", size=len(data), data=data, source="http")
        session.add(
            Rejection(
                id="rj_oldkill",
                raw_copy=raw,
                received_at=now,
                status_code=422,
                problem_type="x",
                reason="not-publishable",
                detail="killed",
                state="open",
            )
        )
    result = replay(database, settings, "rj_oldkill")
    assert (result.outcome, result.status_code) == ("withdrawn", 200)
    assert [a.id for a in stored_articles(database)] == [story["id"]]
    assert client.get(f"/v1/articles/{story['id']}").status_code == 410


def test_the_openapi_documents_kill_and_embargo_answers(client: TestClient) -> None:
    post_op = client.get("/openapi.json").json()["paths"]["/v1/articles"]["post"]
    assert {"200", "202"} <= set(post_op["responses"])
    assert "KillAnswer" in str(post_op["responses"]["200"])
    assert "kill-pending" in post_op["responses"]["202"]["description"]
    assert "Wirefeed-Outcome: withdrawn" in post_op["description"]


def test_a_kill_and_its_story_arriving_at_the_same_moment_never_leave_the_story_live(
    settings: Settings, database: Database
) -> None:
    """Each pair races a kill against its story from two threads; whichever commits first, the story ends
    withdrawn (the kill either finds the story or is found by it)."""
    pairs = 12

    def deliver(data: bytes, start: threading.Barrier) -> None:
        start.wait()
        ingest(database, settings, Delivery(data=data, content_type=NINJS, source="http"))

    for n in range(pairs):
        start = threading.Barrier(2)
        threads = [threading.Thread(target=deliver, args=(d, start)) for d in (ninjs_kill(n), ninjs_story(n))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    articles = stored_articles(database)
    assert len(articles) == pairs
    assert {a.status for a in articles} == {"withdrawn"}
