"""More-like-this on the database's own full-text index: related articles, and the `q` filter of the listing.

Query construction. The article's words are weighted by where they stand (headline 3, standfirst and first
two paragraphs 2, the rest 1) and scored `(1 + ln weighted_tf) * idf`, with idf from the document-frequency
table kept by `app.related.index` (BM25's idf). Multi-word capitalised names from the standfirst and body
(people, places, organisations) become phrase parts, scored by the idf of their rarest word, x1.5. Parts
found in no other article (df < 2) or in most of them are dropped; the best parts are taken, at most
`MAX_TERMS` words and `MAX_NAMES` names, none reading more than `PART_BUDGET` postings (common words at the
ends of a name are trimmed off), while the sum of their document frequencies stays within
`POSTING_BUDGET`: that sum bounds the postings the index reads, so the cost of a query stops growing with
the size of the store (a large store simply leaves out the commoner words).

Ranking. The index returns its best `CANDIDATES` matches by its own score (SQLite FTS5 bm25 with field
weights 3/2/1; PostgreSQL: sum of part weight x ts_rank with field weights A/B/C). Each score is divided
by the article's own score against the same query (a perfect match = 1), then multiplied by
 * recency: `0.2 + 0.8 * exp(-days_apart / 10)`, days apart from the times the stories state, or from the
   month and day their datelines print (no year: taken the nearer way round); 0.6 when either has neither
   (a time of arrival is not the story's time, and is left out);
 * 1.03 for the same agency (an agency's own follow-ups), 1.03 for the same category.
Cost. The query has a fixed budget whatever the article's size: it is built from the headline, the
standfirst and the body's first `TEXT_BUDGET` characters (a story's identity is in its opening; a 1 MB
article would otherwise cost a second of tokenising and a document-frequency lookup of every word it has),
and a ranking is kept per article version and store generation (the newest article's pk: a story added
anywhere renews every ranking) in a `RankingCache`, one per application in each worker process, for at most
`CACHE_SECONDS`; concurrent first calls for one article compute it once. The cache holds pks and scores:
the articles are loaded live each time, so a withdrawn one is never served.

Never returned: the article itself (its versions and duplicates are stored as the same article), another
article of the same agency with the same opening paragraph (a version the store kept apart), withdrawn
articles (they are removed from the index), and articles in another language.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.articles.models import Article
from app.articles.schemas import with_offset
from app.related import repository
from app.related.repository import QueryPart
from app.related.text import (
    ArticleText,
    WeightedTerm,
    dateline_date,
    entities,
    idf,
    term_key,
    tokens,
    weighted_terms,
)

TEXT_BUDGET = 20_000  # characters of the body read to build the query
CACHE_SECONDS = 120.0
CACHE_ENTRIES = 4096
SPARE = 5  # ranked beyond the limit, so a withdrawal since the ranking still leaves `limit` to serve
MAX_TERMS = 24
MAX_NAMES = 6
NAME_BOOST = 1.5
POSTING_BUDGET = 1200
PART_BUDGET = POSTING_BUDGET // 8  # no one word or name may crowd out the rest
COMMON_SHARE = 0.3  # a word in more than this share of a language's articles says nothing about a story
CANDIDATES = 30  # at least; twice the limit when that is more
RECENCY_FLOOR = 0.2
RECENCY_DAYS = 10.0
RECENCY_UNKNOWN = 0.6
SAME_AGENCY = 1.03
SAME_CATEGORY = 1.03


@dataclass(frozen=True)
class Related:
    article: Article
    score: float


@dataclass(frozen=True)
class _Candidate:
    words: tuple[str, ...] | WeightedTerm  # a term's surface word is only worked out if it is chosen
    score: float
    df: int  # postings the index reads for it

    @property
    def is_name(self) -> bool:
        return isinstance(self.words, tuple)

    def part(self) -> QueryPart:
        words = self.words if isinstance(self.words, tuple) else (self.words.surface,)
        return QueryPart(words, self.score)


def _query_parts(session: Session, text: ArticleText) -> list[QueryPart]:
    language = text.language
    terms = weighted_terms(text)
    names = [
        (name, [key for word in name.words if (key := term_key(word, language)) is not None]) for name in entities(text)
    ]
    names = [(name, keys) for name, keys in names if keys]
    documents, dfs = repository.document_frequencies(
        session, language, set(terms) | {key for _, keys in names for key in keys}
    )
    documents = max(documents, 1)
    too_common = COMMON_SHARE * documents if documents >= 10 else float(documents)

    candidates: list[_Candidate] = []
    for key, term in terms.items():
        df = dfs.get(key, 0)
        if 2 <= df <= too_common:
            score = (1.0 + math.log(term.weight)) * idf(df, documents)
            candidates.append(_Candidate(term, score, df))
    for name, keys in names:
        if len(keys) < len(name.words):  # a function word inside: its posting list is most of the index
            continue
        words, counts = list(name.words), [dfs.get(key, 0) for key in keys]
        # The index reads every word's postings to match a phrase: that is the phrase's cost. Common words
        # at either end ("Indian" in "Indian Premier League") are trimmed while that leaves two words.
        while len(words) > 2 and sum(counts) > PART_BUDGET:
            drop = 0 if counts[0] >= counts[-1] else -1
            words.pop(drop)
            counts.pop(drop)
        rarest = min(counts)
        if rarest >= 2:
            score = (1.0 + math.log(name.weight)) * idf(rarest, documents) * NAME_BOOST
            candidates.append(_Candidate(tuple(words), score, sum(counts)))

    chosen: list[QueryPart] = []
    terms_taken = names_taken = postings = 0
    for candidate in sorted(candidates, key=lambda c: (-c.score, not c.is_name, c.df)):
        is_name = candidate.is_name
        if (names_taken if is_name else terms_taken) >= (MAX_NAMES if is_name else MAX_TERMS):
            continue
        if candidate.df > PART_BUDGET or postings + candidate.df > POSTING_BUDGET:
            continue
        chosen.append(candidate.part())
        postings += candidate.df
        if is_name:
            names_taken += 1
        else:
            terms_taken += 1
    return chosen


@dataclass(frozen=True)
class _StoryDate:
    instant: datetime | None  # the time the copy states, if any
    month_day: tuple[int, int] | None  # local month and day: from that time, else from the dateline


def _story_date(article: Article) -> _StoryDate:
    stated = with_offset(article.published_at, article.published_offset) or with_offset(
        article.updated_at, article.updated_offset
    )
    if stated is not None:
        return _StoryDate(stated, (stated.month, stated.day))
    printed = dateline_date(article.dateline_text)
    if printed is None:
        return _StoryDate(None, None)
    if printed.year is not None:
        with contextlib.suppress(ValueError):
            return _StoryDate(datetime(printed.year, printed.month, printed.day, 12, tzinfo=UTC), None)
    return _StoryDate(None, (printed.month, printed.day))


def _day_of_year(month_day: tuple[int, int]) -> int:
    try:
        return date(2024, *month_day).timetuple().tm_yday  # a leap year: every month and day exists
    except ValueError:
        return 0


def _days_apart(first: _StoryDate, second: _StoryDate) -> float | None:
    """Days between two stories; from month and day alone (a dateline prints no year) the nearer way round."""
    if first.instant is not None and second.instant is not None:
        return abs((first.instant - second.instant).total_seconds()) / 86_400
    one = first.month_day or (first.instant.month, first.instant.day) if first.instant else first.month_day
    two = second.month_day or (second.instant.month, second.instant.day) if second.instant else second.month_day
    if one is None or two is None:
        return None
    gap = abs(_day_of_year(one) - _day_of_year(two))
    return float(min(gap, 366 - gap))


def _recency(source: _StoryDate, other: _StoryDate) -> float:
    days = _days_apart(source, other)
    if days is None:
        return RECENCY_UNKNOWN
    return RECENCY_FLOOR + (1.0 - RECENCY_FLOOR) * math.exp(-days / RECENCY_DAYS)


def _same(first: str | None, second: str | None) -> bool:
    return first is not None and second is not None and first.casefold() == second.casefold()


def budgeted_body(body: Sequence[str], budget: int = TEXT_BUDGET) -> list[str]:
    """The body's opening paragraphs, up to `budget` characters (the last one cut at the budget)."""
    taken: list[str] = []
    used = 0
    for paragraph in body:
        if used >= budget:
            break
        taken.append(paragraph[: budget - used])
        used += len(taken[-1])
    return taken


Ranking = list[tuple[int, float]]
CacheKey = tuple[int, int, str, int, int]  # article pk, version, content hash, limit, newest article pk


class RankingCache:
    """Rankings per (article, version, limit), for `CACHE_SECONDS`; one computation per key at a time."""

    def __init__(self, seconds: float = CACHE_SECONDS, entries: int = CACHE_ENTRIES) -> None:
        self.seconds = seconds
        self.entries = entries
        self._rankings: OrderedDict[CacheKey, tuple[float, Ranking]] = OrderedDict()
        self._guard = threading.Lock()
        self._computing: dict[CacheKey, threading.Lock] = {}

    def _get(self, key: CacheKey) -> Ranking | None:
        with self._guard:
            found = self._rankings.get(key)
            if found is None or time.monotonic() - found[0] > self.seconds:
                return None
            self._rankings.move_to_end(key)
            return found[1]

    def ranking(self, key: CacheKey, compute: Callable[[], Ranking]) -> Ranking:
        cached = self._get(key)
        if cached is not None:
            return cached
        with self._guard:
            lock = self._computing.setdefault(key, threading.Lock())
        with lock:
            cached = self._get(key)  # another caller may have computed it while this one waited
            if cached is not None:
                return cached
            ranking = compute()
            with self._guard:
                self._rankings[key] = (time.monotonic(), ranking)
                while len(self._rankings) > self.entries:
                    self._rankings.popitem(last=False)
                self._computing.pop(key, None)
            return ranking

    def clear(self) -> None:
        with self._guard:
            self._rankings.clear()


def _rank(session: Session, article: Article, wanted: int) -> Ranking:
    text = ArticleText.of(article.headline, article.summary, budgeted_body(article.body), article.language)
    parts = _query_parts(session, text)
    hits = repository.more_like_this(session, article.language, parts, max(CANDIDATES, 2 * wanted) + 1)
    if not hits:
        return []
    own = dict(hits).get(article.pk) or max(score for _, score in hits)
    found = repository.live_articles(session, [pk for pk, _ in hits if pk != article.pk])
    source_date = _story_date(article)
    ranked: list[Related] = []
    for pk, text_score in hits:
        other = found.get(pk)
        if other is None or other.language != article.language or other.lead_key == article.lead_key:
            continue
        score = (text_score / own if own > 0 else 0.0) * _recency(source_date, _story_date(other))
        if _same(article.agency, other.agency):
            score *= SAME_AGENCY
        if _same(article.category, other.category):
            score *= SAME_CATEGORY
        ranked.append(Related(other, round(score, 6)))
    ranked.sort(key=lambda r: (-r.score, r.article.pk))
    return [(r.article.pk, r.score) for r in ranked[:wanted]]


def related_articles(
    session: Session, article: Article, limit: int, cache: RankingCache | None = None
) -> list[Related]:
    """The live articles most related to `article`, best first (at most `limit`). `cache` is the app's own
    (one per application, so two stores never share rankings); without one the ranking is computed."""
    key = (article.pk, article.version, article.content_hash, limit, repository.newest_article_pk(session))

    def compute() -> Ranking:
        return _rank(session, article, limit + SPARE)

    ranking = cache.ranking(key, compute) if cache is not None else compute()
    live = repository.live_articles(session, [pk for pk, _ in ranking])
    return [Related(live[pk], score) for pk, score in ranking if pk in live][:limit]


def matching_article_pks(session: Session, query: str) -> Select[tuple[int]] | None:
    """The pks of live articles containing every word of `query` (English words stemmed), as a subquery on the
    full-text index for `GET /v1/articles?q=`; None when the query has no searchable word (nothing matches)."""
    words = tokens(query)[:32]
    return repository.matching_pks_query(session, words) if words else None
