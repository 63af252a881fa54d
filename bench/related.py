"""Related articles at scale: latency of /related over HTTP vs GET /v1/articles/{id}, and quality vs exact TF-IDF.

    .venv/bin/python -m bench.related                                  # 1k, 10k, 100k on SQLite and PostgreSQL
    .venv/bin/python -m bench.related --sizes 1000,10000 --backends sqlite

For each backend and size it builds a throwaway store (a temporary SQLite file, or a uniquely named
PostgreSQL database dropped afterwards), migrated by Alembic, holding:
 * the labelled corpus (tests/related/fixtures/gold: 60 gold records, stored from their gold fields through
   `draft_article` + `store`, so duplicates and versions collapse as in the service), and
 * synthetic articles up to the size, stored through the same `store()` -> `index_article` code path, in
   transactions of 500. The generator composes them from the corpus: story threads of 1-5 articles, each
   thread on one of the corpus topics, a few days apart, somewhere in 2023-2026; paragraphs of words drawn
   from the corpus vocabulary by corpus frequency (Zipf-like) mixed with words typical of the thread's topic,
   plus invented names (people, places, organisations: capitalised syllable words) and rare words of the
   thread, so that, as in a real archive, the vocabulary keeps growing with the store; ~3% are Hindi,
   composed from the Hindi corpus documents the same way. Agencies, categories and datelines are as in the
   corpus.

It then starts a real server process (uvicorn, one worker, `app.main:create_app`) on the store and measures
with an httpx client (keep-alive), after a warm-up: p50/p95 of `GET /v1/articles/{id}/related` (limit 5)
and p50 of `GET /v1/articles/{id}` for random articles. Quality: the corpus measures of tests/related/gold.py
(precision of the top n-1 per cluster, near-miss violations, self/versions/duplicates returned) on the
corpus articles inside the large store, for /related and for the exact reference implemented here: TF-IDF
cosine (scikit-learn, sublinear tf, over headline + standfirst + body of every stored article, same
language, the article itself excluded), with its time per query.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import psycopg
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import select

from app.articles.models import Article
from app.articles.normalise import draft_article
from app.articles.service import store
from app.config import DEFAULT_DISCLAIMER
from app.db import Database
from app.migrate import upgrade
from app.parsers.base import Dateline, ParsedCopy
from app.related.text import ENGLISH_STOPWORDS, HINDI_STOPWORDS, tokens
from tests.related.gold import StoredCorpus, load_gold, measure, store_gold

PG_ADMIN_URL = os.environ.get("WIREFEED_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
BATCH = 20  # articles per transaction: long ones make PostgreSQL walk the hot df rows' version chains
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SYLLABLES = [
    "ka",
    "ra",
    "na",
    "vi",
    "sa",
    "de",
    "lo",
    "mi",
    "ta",
    "ri",
    "an",
    "el",
    "or",
    "us",
    "ba",
    "go",
    "pu",
    "ne",
    "sh",
    "th",
    "ar",
    "in",
    "ma",
    "ko",
    "ve",
    "la",
    "di",
    "zo",
    "pe",
    "ru",
    "ya",
    "ha",
]


# --- the generator -------------------------------------------------------------------------------------


@dataclass
class Vocabulary:
    words: list[str]  # the corpus's common words (in 3+ topics), then invented ones: a long tail
    cumulative: list[float]  # Zipf: the word of rank r is drawn with weight 1/r
    by_topic: dict[str, list[str]]
    places: list[str]
    categories: list[str | None]
    agencies: list[str]


def _invented(rng: random.Random, capital: bool) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize() if capital else word


def _clean(word: str) -> str:
    return word.strip(".,;:'\"()[]‘’“”")


def _vocabulary(records: Sequence[dict[str, Any]], language: str, rng: random.Random) -> Vocabulary:
    mine = [r for r in records if r.get("language", "en") == language]
    in_topics: dict[str, set[str]] = {}
    uses: Counter[str] = Counter()
    by_topic: dict[str, Counter[str]] = {}
    for record in mine:
        topic = record.get("topic") or record["id"]
        words = [w for p in record["body"] for w in map(_clean, p.split()) if w]
        uses.update(words)
        for word in words:
            in_topics.setdefault(word, set()).add(topic)
        by_topic.setdefault(topic, Counter()).update(w for w in words if not w[:1].isupper() and len(w) > 3)
    # Common news words: used across 3+ topics (a word of one story thread is not common, however often
    # the thread repeats it).
    common = [w for w, _ in uses.most_common() if len(in_topics[w]) >= 3]
    tail = sorted({_invented(rng, rng.random() < 0.3) for _ in range(40_000)})
    rng.shuffle(tail)
    words = common + tail
    return Vocabulary(
        words=words,
        cumulative=list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words)))),
        # A topic's own words in lower case: other stories on the topic share its vocabulary, not its names.
        by_topic={t: [w for w, _ in c.most_common(40)] for t, c in by_topic.items()},
        places=sorted({(r.get("dateline") or {}).get("place") or "New Delhi" for r in mine}),
        categories=[r.get("category") for r in mine],
        agencies=sorted({r["agency"] for r in mine if r.get("agency")}),
    )


def _sentence(rng: random.Random, v: Vocabulary, topic: list[str], names: list[str], rare: list[str], n: int) -> str:
    words: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.06:
            words.append(rng.choice(names))
        elif roll < 0.10:
            words.append(rng.choice(rare))
        elif roll < 0.20:
            words.append(rng.choice(topic))
        else:
            words.append(rng.choices(v.words, cum_weights=v.cumulative)[0])
    return " ".join(words) + "."


def synthetic_copies(records: Sequence[dict[str, Any]], count: int, seed: int = 7) -> Iterator[ParsedCopy]:
    rng = random.Random(seed)
    vocab = {lang: _vocabulary(records, lang, rng) for lang in ("en", "hi")}
    start = datetime(2023, 1, 1, tzinfo=UTC)
    made = 0
    while made < count:
        language = "hi" if rng.random() < 0.03 else "en"
        v = vocab[language]
        topic = v.by_topic[rng.choice(sorted(v.by_topic))]
        names = [f"{_invented(rng, True)} {_invented(rng, True)}" for _ in range(rng.randint(2, 4))]
        rare = [_invented(rng, False) for _ in range(rng.randint(3, 6))]
        place = rng.choice(v.places)
        thread_at = start + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        for _ in range(min(rng.randint(1, 5), count - made)):
            at = thread_at + timedelta(minutes=rng.randint(0, 5 * 24 * 60))
            agency = rng.choice(v.agencies)
            dateline = f"{place}, {MONTHS[at.month - 1]} {at.day} ({agency})"
            body = [f"{dateline} {_sentence(rng, v, topic, names, rare, rng.randint(20, 35))}"]
            body.extend(_sentence(rng, v, topic, names, rare, rng.randint(20, 40)) for _ in range(rng.randint(3, 7)))
            headline = _sentence(rng, v, topic, names, rare, rng.randint(6, 10)).rstrip(".")
            yield ParsedCopy(
                source_format="wire-text",
                agency=agency,
                headline=f"{rng.choice(names)} {headline} ({made})",
                dateline=Dateline(place=place, text=dateline),
                published_at=at if rng.random() < 0.7 else None,
                category=rng.choice(v.categories),
                language=language,
                body=body,
            )
            made += 1


# --- stores --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def throwaway_store(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="wirefeed-bench-") as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            upgrade(url)
            yield url
        return
    name = f"wirefeed_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
        upgrade(url)
        yield url
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(url: str, size: int, records: list[dict[str, Any]]) -> tuple[StoredCorpus, float]:
    database = Database(url)
    started = time.perf_counter()
    corpus = store_gold(database, records)
    received = datetime(2026, 11, 28, tzinfo=UTC)
    copies = synthetic_copies(records, max(0, size - len(records)))
    done = False
    while not done:
        with database.write_sessions.begin() as session:
            for _ in range(BATCH):
                parsed = next(copies, None)
                if parsed is None:
                    done = True
                    break
                received += timedelta(seconds=1)
                draft = draft_article(
                    parsed, disclaimer=DEFAULT_DISCLAIMER, now=received, future_tolerance=timedelta(hours=36)
                )
                store(session, draft, received_at=received)
    elapsed = time.perf_counter() - started
    if url.startswith("postgresql"):
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    database.dispose()
    return corpus, elapsed


# --- the server and the timings ------------------------------------------------------------------------


@contextlib.contextmanager
def server(url: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "WIREFEED_DATABASE_URL": url}
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port", str(port)]
    process = subprocess.Popen([*command, "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.floor(q * len(ordered)))] * 1000


def timings(base: str, ids: list[str], rounds: int) -> dict[str, float]:
    rng = random.Random(11)
    related: list[float] = []
    fetch: list[float] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for article_id in rng.sample(ids, min(30, len(ids))):  # warm-up
            client.get(f"/v1/articles/{article_id}/related")
            client.get(f"/v1/articles/{article_id}")
        for article_id in (rng.choice(ids) for _ in range(rounds)):
            t0 = time.perf_counter()
            assert client.get(f"/v1/articles/{article_id}/related").status_code == 200
            t1 = time.perf_counter()
            assert client.get(f"/v1/articles/{article_id}").status_code == 200
            t2 = time.perf_counter()
            related.append(t1 - t0)
            fetch.append(t2 - t1)
    return {"related_p50": _ms(related, 0.5), "related_p95": _ms(related, 0.95), "get_p50": _ms(fetch, 0.5)}


# --- the exact reference -------------------------------------------------------------------------------


def _analyse(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in ENGLISH_STOPWORDS and t not in HINDI_STOPWORDS and len(t) > 1]


def reference_rankings(url: str, corpus: StoredCorpus) -> tuple[dict[str, list[str]], float]:
    """TF-IDF cosine of each corpus article against every stored article of its language; seconds per query."""
    database = Database(url)
    with database.read_sessions() as session:
        rows = session.execute(
            select(Article.id, Article.language, Article.headline, Article.summary, Article.body).where(
                Article.status == "live"
            )
        ).all()
    database.dispose()
    ids = [row[0] for row in rows]
    languages = np.array([row[1] for row in rows])
    texts = ["\n".join([row[2], row[3] or "", *row[4]]) for row in rows]
    matrix = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True).fit_transform(texts)
    position = {article_id: n for n, article_id in enumerate(ids)}
    rankings: dict[str, list[str]] = {}
    spent: list[float] = []
    for article_id in corpus.articles():
        t0 = time.perf_counter()
        n = position[article_id]
        scores = (matrix @ matrix[n].T).toarray().ravel()
        scores[languages != languages[n]] = -1.0
        scores[n] = -1.0
        top = np.argpartition(-scores, 50)[:50]
        top = top[np.argsort(-scores[top])]
        rankings[article_id] = [ids[i] for i in top if scores[i] > 0]
        spent.append(time.perf_counter() - t0)
    return rankings, statistics.median(spent)


# --- the run -------------------------------------------------------------------------------------------


def run(backend: str, size: int, rounds: int, records: list[dict[str, Any]]) -> dict[str, float]:
    with throwaway_store(backend) as url:
        corpus, build_seconds = fill(url, size, records)
        database = Database(url)
        with database.read_sessions() as session:
            ids = list(session.scalars(select(Article.id)))
        database.dispose()
        with server(url) as base:
            figures = timings(base, ids, rounds)
            with httpx.Client(base_url=base, timeout=30) as client:

                def ranked(article_id: str) -> list[str]:
                    items = client.get(f"/v1/articles/{article_id}/related", params={"limit": 50}).json()["items"]
                    return [item["id"] for item in items]

                ours = measure(corpus, ranked)
        reference, reference_seconds = reference_rankings(url, corpus)
        exact = measure(corpus, lambda article_id: reference[article_id])
    figures.update(
        articles=len(ids),
        build_per_second=len(ids) / build_seconds,
        precision=ours.average,
        near_miss=len(ours.near_miss_violations),
        self_returned=len(ours.self_returned),
        ref_precision=exact.average,
        ref_near_miss=len(exact.near_miss_violations),
        ref_ms=reference_seconds * 1000,
    )
    print(
        f"{backend:10} {len(ids):>7} articles  built {figures['build_per_second']:6.0f}/s  "
        f"/related p50 {figures['related_p50']:6.2f} ms  p95 {figures['related_p95']:6.2f} ms  "
        f"GET p50 {figures['get_p50']:5.2f} ms  related/GET {figures['related_p50'] / figures['get_p50']:4.2f}x",
        flush=True,
    )
    print(f"{'':10} ours:      {ours.summary()}", flush=True)
    print(
        f"{'':10} reference: {exact.summary()}; TF-IDF cosine {reference_seconds * 1000:.2f} ms/query "
        f"(in-process, no HTTP)",
        flush=True,
    )
    return figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated store sizes")
    parser.add_argument("--backends", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--rounds", type=int, default=300, help="timed requests per size")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    records = load_gold()
    print(f"corpus: {len(records)} gold records; sizes {sizes}; HTTP: uvicorn process + httpx keep-alive client")
    results: dict[tuple[str, int], dict[str, float]] = {}
    for backend in args.backends.split(","):
        for size in sizes:
            results[backend, size] = run(backend, size, args.rounds, records)
    print("\nratios (p50):")
    for backend in args.backends.split(","):
        small, large = min(sizes), max(sizes)
        first, last = results[backend, small], results[backend, large]
        print(
            f"  {backend:10} /related {large} vs {small}: {last['related_p50'] / first['related_p50']:.2f}x (bar 3x); "
            f"/related vs GET at {large}: {last['related_p50'] / last['get_p50']:.2f}x (bar 5x)"
        )


if __name__ == "__main__":
    main()
