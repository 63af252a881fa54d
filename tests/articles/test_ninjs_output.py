"""ninjs renderings: 2.2 (`?format=ninjs`) and 3.1 (`?format=ninjs3`, `Accept: application/ninjs+json;
version=3`), each valid against IPTC's schema for every kind of stored article — including the killed and
embargoed ones, which are never served but must still render validly (operators' tools, later feeds)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.embargoes import release_due
from app.articles.kills import withdraw_article
from app.articles.models import Article
from app.articles.ninjs import to_ninjs
from app.articles.schemas import article_out
from app.articles.service import withdraw
from app.db import Database
from app.parsers.base import Dateline
from app.parsers.ninjs_validation import schema_version, validate_ninjs
from tests.factories import parsed_copy, store_copy

NOW = datetime.now(UTC)


def _plain(db: Database) -> Article:
    return store_copy(db, parsed_copy(1)).article


def _full_metadata(db: Database) -> Article:
    copy = parsed_copy(
        2,
        summary="A standfirst of the invented story.",
        category="National",
        byline="A. Reporter",
        agency_ref="urn:newsml:pti.example:20261207:story-2",
        agency_version=3,
        urgency=1,
        slugline="IND-PORT",
        subjects=["medtop:20000348", "http://cv.iptc.org/newscodes/mediatopic/20000349", "Ports"],
        updated_at=datetime(2024, 12, 1, 12, 0, tzinfo=UTC),
    )
    return store_copy(db, copy).article


def _urgency_zero(db: Database) -> Article:
    return store_copy(db, parsed_copy(3, urgency=0)).article


def _derived_headline_no_dateline(db: Database) -> Article:
    copy = parsed_copy(4, headline_derived=True, dateline=None, language="hi", published_at=None)
    return store_copy(db, copy).article


def _updated(db: Database) -> Article:
    store_copy(db, parsed_copy(5, agency_ref="ref-5", agency_version=1))
    copy = parsed_copy(5, agency_ref="ref-5", agency_version=2, body=["New Delhi, Dec 1 (PTI) The second text."])
    return store_copy(db, copy).article


def _embargoed(db: Database) -> Article:
    return store_copy(db, parsed_copy(6, embargoed=NOW + timedelta(hours=3)), received_at=NOW).article


def _released(db: Database) -> Article:
    article = _embargoed(db)
    with db.write_sessions.begin() as session:
        [released] = release_due(session, NOW + timedelta(hours=4))
    assert released.id == article.id
    return released


def _killed(pubstatus: str) -> Callable[[Database], Article]:
    def build(db: Database) -> Article:
        article = store_copy(db, parsed_copy(7, agency_ref="ref-7")).article
        with db.write_sessions.begin() as session:
            row = session.get(Article, article.pk)
            assert row is not None
            withdraw_article(session, row, pubstatus)
        return row

    return build


def _withdrawn_by_an_operator(db: Database) -> Article:
    article = store_copy(db, parsed_copy(8)).article
    with db.write_sessions.begin() as session:
        return withdraw(session, article.id)


KINDS: dict[str, Callable[[Database], Article]] = {
    "plain": _plain,
    "full-metadata": _full_metadata,
    "urgency-zero": _urgency_zero,
    "derived-headline-no-dateline": _derived_headline_no_dateline,
    "updated": _updated,
    "embargoed": _embargoed,
    "released": _released,
    "canceled": _killed("canceled"),
    "withheld": _killed("withheld"),
    "withdrawn-by-operator": _withdrawn_by_an_operator,
}


def _assert_valid(item: dict[str, Any], expected_schema: str) -> None:
    assert schema_version(item) == expected_schema
    validate_ninjs(item, "wirefeed ninjs output")  # IPTC's schema, shipped in the package; raises on any error


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("version", "schema"), [("2", "2.2"), ("3", "3.1")])
def test_every_kind_of_article_renders_as_valid_ninjs(database: Database, kind: str, version: str, schema: str) -> None:
    article = KINDS[kind](database)
    _assert_valid(to_ninjs(article_out(article), version), schema)  # type: ignore[arg-type]


def test_ninjs_2_carries_the_agencys_identity_and_metadata(client: TestClient, database: Database) -> None:
    article = _full_metadata(database)
    item = client.get(f"/v1/articles/{article.id}?format=ninjs").json()
    _assert_valid(item, "2.2")
    assert item["uri"] == f"urn:wirefeed:article:{article.id}"
    assert item["version"] == "1"
    assert {"role": "agency-ref", "value": "urn:newsml:pti.example:20261207:story-2"} in item["altids"]
    assert {"role": "agency-version", "value": "3"} in item["altids"]
    assert (item["urgency"], item["pubstatus"], item["slugline"], item["located"]) == (
        1,
        "usable",
        "IND-PORT",
        "New Delhi",
    )
    assert item["subjects"] == [
        {"name": "National", "rel": "category"},
        {"literal": "medtop:20000348"},
        {"uri": "http://cv.iptc.org/newscodes/mediatopic/20000349"},
        {"name": "Ports"},
    ]


def test_ninjs_3_spells_the_same_facts_in_camel_case(client: TestClient, database: Database) -> None:
    article = _full_metadata(database)
    two = client.get(f"/v1/articles/{article.id}?format=ninjs").json()
    three = client.get(f"/v1/articles/{article.id}?format=ninjs3").json()
    _assert_valid(three, "3.1")
    assert (three["pubStatus"], three["altIds"], three["usageTerms"]) == (
        two["pubstatus"],
        two["altids"],
        two["usageterms"],
    )
    assert (three["firstCreated"], three["versionCreated"]) == (two["firstcreated"], two["versioncreated"])
    assert three["bodies"] == [{"role": "main", "contentType": "text/html", "value": two["bodies"][0]["value"]}]
    assert three["infoSources"] == two["infosources"]
    assert not {"pubstatus", "altids", "firstcreated", "infosources"} & set(three)


def test_an_embargo_is_rendered_as_embargoed_in_2_and_embargoed_until_in_3(database: Database) -> None:
    out = article_out(_embargoed(database))
    assert out.embargoed is not None
    assert to_ninjs(out, "2")["embargoed"] == out.embargoed.isoformat()
    assert to_ninjs(out, "3")["embargoedUntil"] == out.embargoed.isoformat()


def test_a_kill_is_rendered_as_its_pubstatus(database: Database) -> None:
    out = article_out(_killed("withheld")(database))
    assert (to_ninjs(out, "2")["pubstatus"], to_ninjs(out, "3")["pubStatus"]) == ("withheld", "withheld")


def test_ninjs_3_leaves_out_an_urgency_outside_1_to_9(database: Database) -> None:
    out = article_out(_urgency_zero(database))
    assert to_ninjs(out, "2")["urgency"] == 0
    assert "urgency" not in to_ninjs(out, "3")


def test_editorial_notes_never_reach_ninjs(client: TestClient, database: Database) -> None:
    copy = parsed_copy(9, editorial_notes="Not for publication: call the desk on 000.")
    article = store_copy(database, copy).article
    for fmt in ("ninjs", "ninjs3"):
        text = client.get(f"/v1/articles/{article.id}?format={fmt}").text
        assert "Not for publication" not in text
        assert "ednote" not in text.lower()


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/ninjs+json; version=3", "application/ninjs+json; version=3"),
        ('application/ninjs+json;version="3.1"', "application/ninjs+json; version=3"),
        ("application/ninjs+json", "application/ninjs+json"),
        ("application/ninjs+json; version=2", "application/ninjs+json"),
        ("application/json, application/ninjs+json; version=3; q=0.5", "application/json"),
        ("application/ninjs+json; version=9", "application/json"),
        ("application/ninjs+json; version=3; q=0", "application/json"),
    ],
)
def test_the_accept_header_chooses_the_rendering(
    client: TestClient, database: Database, accept: str, content_type: str
) -> None:
    article = _plain(database)
    response = client.get(f"/v1/articles/{article.id}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


def test_each_rendering_has_its_own_etag(client: TestClient, database: Database) -> None:
    article = _plain(database)
    tags = {client.get(f"/v1/articles/{article.id}?format={f}").headers["etag"] for f in ("json", "ninjs", "ninjs3")}
    assert len(tags) == 3
    three = client.get(f"/v1/articles/{article.id}", headers={"Accept": "application/ninjs+json; version=3"})
    again = client.get(
        f"/v1/articles/{article.id}",
        headers={"Accept": "application/ninjs+json; version=3", "If-None-Match": three.headers["etag"]},
    )
    assert again.status_code == 304


def test_an_unknown_format_is_a_422_problem(client: TestClient, database: Database) -> None:
    response = client.get(f"/v1/articles/{_plain(database).id}?format=ninjs4")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_a_dateline_without_a_place_renders_no_located(database: Database) -> None:
    copy = parsed_copy(10, dateline=Dateline(place="", text="Dec 1 (PTI)"))
    assert "located" not in to_ninjs(article_out(store_copy(database, copy).article))
