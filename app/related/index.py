"""Keeps the full-text index and the document frequencies in step with the articles, in the caller's transaction.

`index_article` runs after an article is inserted or its served text changes; `unindex_article` after it is
withdrawn. Both only flush; the caller's transaction commits or rolls back the article and its index together.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.articles.models import Article
from app.related import repository
from app.related.models import DOCUMENT_COUNT_KEY
from app.related.text import ArticleText, term_set

_REINDEX_BATCH = 500


def _text_of(article: Article) -> ArticleText:
    return ArticleText.of(article.headline, article.summary, article.body, article.language)


def index_article(session: Session, article: Article) -> None:
    """(Re)index `article` after it was inserted or its served text changed. Called before commit."""
    if article.status != repository.LIVE:
        unindex_article(session, article)
        return
    text = _text_of(article)
    terms = term_set(text)
    previous = repository.get_document(session, article.pk)
    if previous is None:
        repository.adjust_document_frequencies(session, article.language, [*terms, DOCUMENT_COUNT_KEY], +1)
        repository.add_document(session, article.pk, article.language, terms)
    elif previous.language != article.language:
        repository.adjust_document_frequencies(session, previous.language, [*previous.terms, DOCUMENT_COUNT_KEY], -1)
        repository.adjust_document_frequencies(session, article.language, [*terms, DOCUMENT_COUNT_KEY], +1)
        previous.language, previous.terms = article.language, terms
    else:
        old, new = set(previous.terms), set(terms)
        repository.adjust_document_frequencies(session, article.language, sorted(old - new), -1)
        repository.adjust_document_frequencies(session, article.language, sorted(new - old), +1)
        previous.terms = terms
    repository.write_fts(session, article.pk, text)
    session.flush()


def unindex_article(session: Session, article: Article) -> None:
    """Drop `article` from the index (withdrawn). Called before commit."""
    previous = repository.get_document(session, article.pk)
    if previous is not None:
        repository.adjust_document_frequencies(session, previous.language, [*previous.terms, DOCUMENT_COUNT_KEY], -1)
        repository.delete_document(session, previous)
    repository.delete_fts(session, article.pk)
    session.flush()


def reindex_all(session: Session) -> int:
    """Index every live article (used when the index is first built); returns how many were indexed."""
    done, after = 0, 0
    while pks := repository.live_article_pks(session, after, _REINDEX_BATCH):
        for pk in pks:
            article = repository.get_article(session, pk)
            if article is not None:
                index_article(session, article)
                done += 1
        after = pks[-1]
        session.expunge_all()
    return done
