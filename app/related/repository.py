"""All SQL for related articles and full-text search, per database dialect.

SQLite: FTS5 tables `related_fts_english` (porter stemming) and `related_fts_simple`, rowid = articles.pk,
columns headline / lead (standfirst and first paragraphs) / body (the rest); scored by FTS5's `bm25`.
PostgreSQL: `related_fts(article_pk, language, document tsvector)` with the fields as weights A / B / C,
GIN-indexed; scored by a sum over the query's parts of `ts_rank` times the part's weight (PostgreSQL's
ranking has no inverse document frequency of its own, so the caller passes one per part).

SQL text is assembled only from this module's constants (table names, the regconfig literal, weights and
placeholders); every value from an article or a request is a bound parameter. Hence the `noqa: S608`s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Integer, Select, any_, bindparam, func, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, defer, load_only

from app.articles.models import Article
from app.related.models import DOCUMENT_COUNT_KEY, RelatedDocument, RelatedTerm
from app.related.text import ArticleText, is_english

LIVE = "live"
_SQLITE_TABLES = ("related_fts_english", "related_fts_simple")
# bm25 column weights and ts_rank weights (D, C, B, A): headline 3, lead 2, body 1.
_BM25_WEIGHTS = "3.0, 2.0, 1.0"
_TS_RANK_WEIGHTS = "'{0.1, 0.333, 0.667, 1.0}'"
_PG_GROUPS = 4


@dataclass(frozen=True)
class QueryPart:
    """One term (a single token) or one name (a phrase of tokens) of a more-like-this query."""

    words: tuple[str, ...]
    weight: float


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _sqlite_table(language: str) -> str:
    return _SQLITE_TABLES[0] if is_english(language) else _SQLITE_TABLES[1]


def _pg_config(language: str) -> str:
    # A literal from this fixed pair (never user input), so PostgreSQL folds the tsquery at plan time.
    return "'english'::regconfig" if is_english(language) else "'simple'::regconfig"


# --- the indexed documents and their document frequencies ---------------------------------------------


def get_document(session: Session, article_pk: int) -> RelatedDocument | None:
    return session.get(RelatedDocument, article_pk)


def add_document(session: Session, article_pk: int, language: str, terms: list[str]) -> None:
    session.add(RelatedDocument(article_pk=article_pk, language=language, terms=terms))


def delete_document(session: Session, document: RelatedDocument) -> None:
    session.delete(document)


def adjust_document_frequencies(session: Session, language: str, terms: Sequence[str], delta: int) -> None:
    """Add `delta` (+1 or -1) to the document frequency of each key, in sorted order (no deadlocks)."""
    if not terms:
        return
    ordered = sorted(terms)
    if delta < 0:
        stmt = (
            update(RelatedTerm)
            .where(RelatedTerm.language == language, RelatedTerm.term.in_(bindparam("terms", expanding=True)))
            .values(df=RelatedTerm.df + delta)
        )
        session.execute(stmt, {"terms": ordered})
        return
    if _dialect(session) == "postgresql":
        session.execute(
            text(
                "INSERT INTO related_terms (language, term, df) "
                "SELECT :language, t, :delta FROM unnest(CAST(:terms AS text[])) AS t "
                "ON CONFLICT (language, term) DO UPDATE SET df = related_terms.df + EXCLUDED.df"
            ),
            {"language": language, "terms": ordered, "delta": delta},
        )
    else:
        session.execute(
            text(
                "INSERT INTO related_terms (language, term, df) "
                "SELECT :language, value, :delta FROM json_each(:terms) WHERE true "
                "ON CONFLICT (language, term) DO UPDATE SET df = df + excluded.df"
            ),
            {"language": language, "terms": json.dumps(ordered), "delta": delta},
        )


def document_frequencies(session: Session, language: str, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
    """(number of indexed documents in the language, {key: document frequency}) for the given keys."""
    keys = [*terms, DOCUMENT_COUNT_KEY]
    # One array (or JSON) parameter rather than hundreds of IN-list placeholders.
    if _dialect(session) == "postgresql":
        stmt = text("SELECT term, df FROM related_terms WHERE language = :language AND term = ANY(:keys)")
        params: dict[str, object] = {"language": language, "keys": keys}
    else:
        stmt = text(
            "SELECT term, df FROM related_terms WHERE language = :language "
            "AND term IN (SELECT value FROM json_each(:keys))"
        )
        params = {"language": language, "keys": json.dumps(keys)}
    found = {str(term): int(df) for term, df in session.execute(stmt, params)}
    return found.pop(DOCUMENT_COUNT_KEY, 0), found


# --- the full-text index -------------------------------------------------------------------------------


def write_fts(session: Session, article_pk: int, article: ArticleText) -> None:
    """Insert or replace the article's full-text entry."""
    values = {"pk": article_pk, "headline": article.headline, "lead": article.lead, "body": article.rest}
    if _dialect(session) == "postgresql":
        config = _pg_config(article.language)
        session.execute(
            text(
                "INSERT INTO related_fts (article_pk, language, document) VALUES (:pk, :language, "  # noqa: S608
                f"setweight(to_tsvector({config}, :headline), 'A') || "
                f"setweight(to_tsvector({config}, :lead), 'B') || "
                f"setweight(to_tsvector({config}, :body), 'C')) "
                "ON CONFLICT (article_pk) DO UPDATE SET language = EXCLUDED.language, document = EXCLUDED.document"
            ),
            {**values, "language": article.language},
        )
        return
    delete_fts(session, article_pk)
    table = _sqlite_table(article.language)
    session.execute(
        text(f"INSERT INTO {table} (rowid, headline, lead, body) VALUES (:pk, :headline, :lead, :body)"),  # noqa: S608
        values,
    )


def delete_fts(session: Session, article_pk: int) -> None:
    if _dialect(session) == "postgresql":
        session.execute(text("DELETE FROM related_fts WHERE article_pk = :pk"), {"pk": article_pk})
        return
    for table in _SQLITE_TABLES:
        session.execute(text(f"DELETE FROM {table} WHERE rowid = :pk"), {"pk": article_pk})  # noqa: S608


def _fts5_string(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def more_like_this(session: Session, language: str, parts: Sequence[QueryPart], limit: int) -> list[tuple[int, float]]:
    """Live articles of `language` matching any part, best first: [(article pk, text score)]."""
    if not parts:
        return []
    if _dialect(session) == "postgresql":
        return _more_like_this_postgresql(session, language, parts, limit)
    table = _sqlite_table(language)
    query = " OR ".join(_fts5_string(part.words) for part in parts)
    params: dict[str, object] = {"query": query, "limit": limit}
    if table == _SQLITE_TABLES[0]:
        # English copy has a table of its own: no join needed (the caller checks the exact language).
        stmt = text(
            f"SELECT rowid, -bm25({table}, {_BM25_WEIGHTS}) AS score FROM {table} "  # noqa: S608
            f"WHERE {table} MATCH :query ORDER BY score DESC LIMIT :limit"
        )
    else:
        stmt = text(
            f"SELECT {table}.rowid, -bm25({table}, {_BM25_WEIGHTS}) AS score FROM {table} "  # noqa: S608
            f"JOIN articles AS a ON a.pk = {table}.rowid "
            f"WHERE {table} MATCH :query AND a.language = :language "
            "ORDER BY score DESC LIMIT :limit"
        )
        params["language"] = language
    return [(int(pk), float(score)) for pk, score in session.execute(stmt, params)]


def _weight_groups(parts: Sequence[QueryPart]) -> list[list[QueryPart]]:
    """The parts in `_PG_GROUPS` runs of like weight: one ts_rank per run instead of one per part."""
    ordered = sorted(parts, key=lambda part: -part.weight)
    size = -(-len(ordered) // _PG_GROUPS)
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


def _more_like_this_postgresql(
    session: Session, language: str, parts: Sequence[QueryPart], limit: int
) -> list[tuple[int, float]]:
    config = _pg_config(language)
    params: dict[str, object] = {"language": language, "limit": limit}
    groups: list[str] = []
    ranks: list[str] = []
    number = 0
    for group_number, group in enumerate(_weight_groups(parts)):
        queries = []
        for part in group:
            params[f"t{number}"] = " ".join(part.words)
            function = "phraseto_tsquery" if len(part.words) > 1 else "plainto_tsquery"
            queries.append(f"{function}({config}, :t{number})")
            number += 1
        groups.append(f"{' || '.join(queries)} AS g{group_number}")
        weight = sum(part.weight for part in group) / len(group)
        ranks.append(f"ts_rank({_TS_RANK_WEIGHTS}, f.document, q.g{group_number}) * {weight:.6f}")
    matches = " || ".join(f"q.g{n}" for n in range(len(groups)))
    # The planner prices a GIN scan of many OR-ed words above a scan of the whole table; it is not.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    # Each group's tsquery is built once (in q), not once per use.
    stmt = text(
        f"WITH q AS MATERIALIZED (SELECT {', '.join(groups)}) "  # noqa: S608
        f"SELECT f.article_pk, {' + '.join(ranks)} AS score FROM q, related_fts AS f "
        f"WHERE f.document @@ ({matches}) AND f.language = :language "
        "ORDER BY score DESC LIMIT :limit"
    )
    return [(int(pk), float(value)) for pk, value in session.execute(stmt, params)]


def matching_pks_query(session: Session, words: Sequence[str]) -> Select[tuple[int]]:
    """A subquery of the live articles containing every word (stemmed as their language is), any language.
    It has no limit of its own: the caller's keyset pagination bounds what is read."""
    if _dialect(session) == "postgresql":
        stmt = text(
            "SELECT f.article_pk AS pk FROM related_fts AS f "
            "WHERE f.document @@ plainto_tsquery('english'::regconfig, :q) "
            "OR f.document @@ plainto_tsquery('simple'::regconfig, :q)"
        ).bindparams(q=" ".join(words))
    else:
        union = " UNION ALL ".join(
            f"SELECT rowid AS pk FROM {table} WHERE {table} MATCH :query"  # noqa: S608
            for table in _SQLITE_TABLES
        )
        stmt = text(union).bindparams(query=" ".join(_fts5_string([word]) for word in words))
    matches = stmt.columns(pk=Integer).subquery("fts_matches")
    return select(matches.c.pk)


# --- articles as candidates ----------------------------------------------------------------------------

_CANDIDATE_COLUMNS = (
    Article.pk,
    Article.id,
    Article.agency,
    Article.headline,
    Article.summary,
    Article.category,
    Article.language,
    Article.published_at,
    Article.published_offset,
    Article.updated_at,
    Article.updated_offset,
    Article.received_at,
    Article.lead_key,
    Article.status,
    Article.dateline_text,
)


def live_articles(session: Session, pks: Sequence[int]) -> dict[int, Article]:
    """The live articles among `pks`, with only the columns a listing and the ranking need."""
    if not pks:
        return {}
    wanted = (
        Article.pk == any_(bindparam("pks", type_=ARRAY(Integer)))
        if _dialect(session) == "postgresql"
        else Article.pk.in_(bindparam("pks", expanding=True))
    )
    stmt = select(Article).options(load_only(*_CANDIDATE_COLUMNS)).where(wanted, Article.status == LIVE)
    return {article.pk: article for article in session.scalars(stmt, {"pks": list(pks)})}


def live_article_pks(session: Session, after_pk: int, batch: int) -> list[int]:
    stmt = select(Article.pk).where(Article.pk > after_pk, Article.status == LIVE).order_by(Article.pk).limit(batch)
    return list(session.scalars(stmt))


def get_article(session: Session, article_pk: int) -> Article | None:
    return session.get(Article, article_pk)


def newest_article_pk(session: Session) -> int:
    """The highest article pk: it moves whenever a story is added, so rankings cached under it renew then."""
    return session.scalar(select(func.max(Article.pk))) or 0


def article_for_related(session: Session, article_id: str) -> Article | None:
    """The article by its public id, its body left unread until a ranking needs it (a cached ranking does
    not): the body of the largest copy is a megabyte of JSON to decode on every call otherwise."""
    return session.scalars(select(Article).options(defer(Article.body)).where(Article.id == article_id)).one_or_none()
