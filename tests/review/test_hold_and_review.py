"""Copy the service cannot be sure of is held for review (202), never published, and an editor decides."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.intake.service import Delivery, ingest
from app.review import service as review_service
from tests.auth.wire import headers_for

HEADLINE = "Council approves new water plan for northern districts"
LEAD = (
    "NEW DELHI, Dec 7 (IANS) The city council approved a new water plan on Monday after months of debate, "
    "officials said on Monday evening."
)
SECOND = "The plan will add three reservoirs and repair old pipes across the northern districts, the council said."


def page(headline: str) -> bytes:
    return f"{headline}\n\n{LEAD}\n\n{SECOND}\n\n--IANS\nab/cd\n".encode()


SKIP_LINK_PAGE = page("Skip to main content")


def post(client: TestClient, headers: dict[str, str], data: bytes) -> tuple[int, dict[str, object], str]:
    response = client.post("/v1/articles", content=data, headers={**headers, "Content-Type": "text/plain"})
    return response.status_code, response.json(), response.headers.get("wirefeed-outcome", "")


def hold_one(client: TestClient, headers: dict[str, str]) -> dict[str, object]:
    status, body, outcome = post(client, headers, SKIP_LINK_PAGE)
    assert (status, outcome) == (202, "held")
    return body


def test_a_menu_item_as_headline_is_held_with_202_and_the_reason(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    headers = {**ingest_headers, "Content-Type": "text/plain"}
    response = client.post("/v1/articles", content=SKIP_LINK_PAGE, headers=headers)
    assert response.status_code == 202
    held = response.json()
    assert held["status"] == "held"
    assert held["review_id"].startswith("rv_")
    assert any(reason.startswith("headline-chrome") for reason in held["reasons"])
    assert response.headers["location"] == f"/v1/review/{held['review_id']}"


def test_held_copy_is_never_listed(client: TestClient, ingest_headers: dict[str, str]) -> None:
    hold_one(client, ingest_headers)
    assert client.get("/v1/articles").json()["items"] == []
    assert client.get("/v1/articles", params={"q": "reservoirs"}).json()["items"] == []


def test_the_same_held_copy_posted_twice_is_one_review_item(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    first = hold_one(client, ingest_headers)
    second = hold_one(client, ingest_headers)
    assert first["review_id"] == second["review_id"]
    assert len(client.get("/v1/review", headers=admin_headers).json()["items"]) == 1


def test_the_review_queue_needs_an_admin_key(client: TestClient, ingest_headers: dict[str, str]) -> None:
    assert client.get("/v1/review").status_code == 401
    assert client.get("/v1/review", headers=ingest_headers).status_code == 403


def test_the_review_queue_shows_the_draft_and_the_reasons(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)
    item = client.get(f"/v1/review/{held['review_id']}", headers=admin_headers).json()
    assert item["state"] == "open"
    assert item["agency"] == "IANS"
    assert item["draft"]["body"][0] == LEAD
    assert item["reasons"] == held["reasons"]
    assert item["sha256"].startswith("sha256:")


def test_publishing_held_copy_stores_the_draft_as_an_article(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)
    response = client.post(f"/v1/review/{held['review_id']}/publish", headers=admin_headers, json={"note": "checked"})
    assert response.status_code == 201
    article = response.json()
    assert article["body"] == [LEAD, SECOND]
    assert client.get(f"/v1/articles/{article['id']}").status_code == 200
    item = client.get(f"/v1/review/{held['review_id']}", headers=admin_headers).json()
    assert (item["state"], item["article_id"], item["note"]) == ("published", article["id"], "checked")


def test_a_decision_is_made_once(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)
    assert client.post(f"/v1/review/{held['review_id']}/reject", headers=admin_headers).status_code == 200
    again = client.post(f"/v1/review/{held['review_id']}/publish", headers=admin_headers)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_rejecting_held_copy_publishes_nothing_and_keeps_the_copy(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)
    rejected = client.post(
        f"/v1/review/{held['review_id']}/reject", headers=admin_headers, json={"note": "menu text"}
    ).json()
    assert (rejected["state"], rejected["note"], rejected["article_id"]) == ("rejected", "menu text", None)
    assert client.get("/v1/articles").json()["items"] == []
    assert client.get("/v1/review", headers=admin_headers, params={"state": "rejected"}).json()["items"][0]["size"] > 0


def test_an_unknown_review_id_is_a_404_problem(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.post("/v1/review/rv_nope/publish", headers=admin_headers)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_held_copy_whose_text_is_already_published_is_a_duplicate(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    status, article, _ = post(client, ingest_headers, page(HEADLINE))
    assert status == 201
    status, again, outcome = post(client, ingest_headers, SKIP_LINK_PAGE)  # same paragraphs, menu as headline
    assert (status, outcome, again["id"]) == (200, "duplicate", article["id"])


def test_a_retry_with_the_same_idempotency_key_gets_the_same_held_answer(
    client: TestClient, ingest_headers: dict[str, str]
) -> None:
    headers = {**ingest_headers, "Idempotency-Key": "held-1"}
    first = hold_one(client, headers)
    response = client.post("/v1/articles", content=SKIP_LINK_PAGE, headers={**headers, "Content-Type": "text/plain"})
    assert response.status_code == 202
    assert response.headers["idempotent-replayed"] == "true"
    assert response.json()["review_id"] == first["review_id"]


def delivery(data: bytes) -> Delivery:
    return Delivery(data=data, content_type="text/plain", source="cli", default_agency="IANS")


def test_a_threshold_above_the_failed_checks_publishes(settings: Settings, database: Database) -> None:
    lenient = settings.model_copy(update={"review_threshold": 5})
    assert ingest(database, lenient, delivery(SKIP_LINK_PAGE)).outcome == "created"


def test_the_default_threshold_holds_on_one_failed_check(settings: Settings, database: Database) -> None:
    assert settings.review_threshold == 1
    assert ingest(database, settings, delivery(SKIP_LINK_PAGE)).outcome == "held"


def test_replaying_held_copy_that_still_fails_keeps_it_held_with_todays_reasons(
    client: TestClient, ingest_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)
    response = client.post(f"/v1/review/{held['review_id']}/replay", headers=admin_headers)
    assert (response.status_code, response.headers["wirefeed-outcome"]) == (202, "held")
    assert response.json()["review_id"] == held["review_id"]


def test_replaying_held_copy_that_now_passes_publishes_it(settings: Settings, database: Database) -> None:
    held = ingest(database, settings, delivery(SKIP_LINK_PAGE))
    assert held.review is not None
    lenient = settings.model_copy(update={"review_threshold": 5})
    done = review_service.replay(database, lenient, held.review.id, "test")
    assert done.stored is not None and done.stored.outcome == "created"
    assert (done.item.state, done.item.article_id) == ("published", done.stored.article.id)


def test_an_agency_admin_neither_sees_nor_decides_another_agencys_held_copy(
    client: TestClient, database: Database, ingest_headers: dict[str, str]
) -> None:
    held = hold_one(client, ingest_headers)  # IANS copy
    pti_admin = headers_for(database, "admin", agencies=["PTI"])
    assert client.get("/v1/review", headers=pti_admin).json()["items"] == []
    for method, path in (("get", ""), ("post", "/publish"), ("post", "/reject"), ("post", "/replay")):
        response = client.request(method, f"/v1/review/{held['review_id']}{path}", headers=pti_admin)
        assert response.status_code == 404, (path, response.text)
    ians_admin = headers_for(database, "admin", agencies=["IANS"])
    assert client.post(f"/v1/review/{held['review_id']}/reject", headers=ians_admin).status_code == 200
