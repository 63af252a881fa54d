"""The labelled corpus as stored articles, and the quality measures for related articles (tests and bench).

Articles are built from the GOLD fields (headline, summary, body, agency, language, category, dates,
dateline, byline, sign-off) through `draft_article` + `store`, so duplicates (`duplicate_of`) and versions
(`version_of`) collapse exactly as in the service. Every gold record is stored, including the NITF,
NewsML-G2, ninjs, IPTC 7901 and ANPA-1312 ones (their parsers do not exist yet; the gold record stands in
for their output). `WIREFEED_RELATED_GOLD` points the measures at another folder of gold JSONs in the same
layout (an unseen corpus).

Measures, per stored article (a duplicate or version is the same article as its original):
* relevant = the other stored articles of its cluster in its language (Hindi relates only to Hindi); an
  article with none is not scored;
* precision@k = share of the first k related that are relevant, k = number relevant (n-1 for a cluster of n);
* a near-miss violation = an article of a near-miss cluster (same topic, other cluster) ranked above some
  relevant article (or above the end of the list when a relevant one is missing from it);
* an exclusion violation = the article itself (hence its versions and duplicates) in its own list.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.articles.normalise import draft_article
from app.articles.service import store
from app.config import DEFAULT_DISCLAIMER
from app.db import Database
from app.parsers.base import Dateline, ParsedCopy

GOLD_DIR = Path(os.environ.get("WIREFEED_RELATED_GOLD", Path(__file__).parent / "fixtures" / "gold"))
TEXT_FORMATS = ("page-text", "wire-text")
RECEIVED_FROM = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def load_gold(gold_dir: Path = GOLD_DIR) -> list[dict[str, Any]]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    return [r for r in records if "body" in r and r.get("body")]


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def parsed_copy(record: dict[str, Any]) -> ParsedCopy:
    dateline = record.get("dateline")
    fmt = record.get("format") or "wire-text"
    return ParsedCopy(
        source_format=fmt,
        agency=record.get("agency"),
        headline=record["headline"],
        byline=record.get("byline"),
        dateline=Dateline(place=dateline.get("place") or "", text=dateline["text"]) if dateline else None,
        published_at=_instant(record.get("published_at")),
        updated_at=_instant(record.get("updated_at")),
        summary=record.get("summary"),
        category=record.get("category"),
        language=record.get("language") or "en",
        body=record["body"],
        signoff=record.get("signoff"),
    )


@dataclass
class StoredCorpus:
    """Which article each gold document became, and the gold labels by article."""

    records: dict[str, dict[str, Any]]
    article_of: dict[str, str]  # gold id -> article id
    canonical: dict[str, str] = field(default_factory=dict)  # article id -> first gold id stored as it

    def articles(self) -> list[str]:
        return list(self.canonical)

    def label(self, article_id: str) -> dict[str, Any]:
        return self.records[self.canonical[article_id]]


def store_gold(
    database: Database, records: Iterable[dict[str, Any]], received_from: datetime = RECEIVED_FROM
) -> StoredCorpus:
    stored = StoredCorpus(records={}, article_of={})
    for number, record in enumerate(records):
        received_at = received_from + timedelta(seconds=number)
        draft = draft_article(
            parsed_copy(record), disclaimer=DEFAULT_DISCLAIMER, now=received_at, future_tolerance=timedelta(hours=36)
        )
        with database.write_sessions.begin() as session:
            article_id = store(session, draft, received_at=received_at).article.id
        stored.records[record["id"]] = record
        stored.article_of[record["id"]] = article_id
        stored.canonical.setdefault(article_id, record["id"])
    return stored


@dataclass
class Quality:
    precision: dict[str, float]  # article id -> precision@k
    by_cluster: dict[str, list[float]]
    near_miss_violations: list[tuple[str, str, str]]  # (article's gold id, near-miss gold id, cluster)
    self_returned: list[str]

    @property
    def average(self) -> float:
        return sum(self.precision.values()) / len(self.precision) if self.precision else 0.0

    def cluster_averages(self) -> dict[str, float]:
        return {c: sum(v) / len(v) for c, v in sorted(self.by_cluster.items())}

    def summary(self) -> str:
        clusters = " ".join(f"{c}={v:.2f}" for c, v in self.cluster_averages().items())
        return (
            f"precision@n-1 avg={self.average:.3f} over {len(self.precision)} articles; "
            f"near-miss violations={len(self.near_miss_violations)}; self/versions/duplicates returned="
            f"{len(self.self_returned)}; per cluster: {clusters}"
        )


def measure(corpus: StoredCorpus, related: Callable[[str], Sequence[str]]) -> Quality:
    """Score a ranking: `related(article_id)` gives the related article ids, best first (as long as it likes)."""
    quality = Quality({}, {}, [], [])
    for article_id in corpus.articles():
        label = corpus.label(article_id)
        cluster = label.get("cluster")
        ranked = list(related(article_id))
        if article_id in ranked:
            quality.self_returned.append(label["id"])
        if not cluster:
            continue
        relevant = {
            other
            for other in corpus.articles()
            if other != article_id
            and corpus.label(other).get("cluster") == cluster
            and corpus.label(other).get("language") == label.get("language")
        }
        if not relevant:
            continue
        top = ranked[: len(relevant)]
        score = len(relevant.intersection(top)) / len(relevant)
        quality.precision[article_id] = score
        quality.by_cluster.setdefault(cluster, []).append(score)
        positions = {other: n for n, other in enumerate(ranked)}
        last_relevant = max(positions.get(other, len(ranked)) for other in relevant)
        for other in corpus.articles():
            other_label = corpus.label(other)
            if (
                other_label.get("topic") == label.get("topic")
                and other_label.get("cluster") not in (None, cluster)
                and positions.get(other, len(ranked) + 1) < last_relevant
            ):
                quality.near_miss_violations.append((label["id"], other_label["id"], cluster))
    return quality
