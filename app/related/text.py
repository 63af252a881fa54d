"""Pure text analysis for related articles: tokens, document-frequency keys, weighted terms, named entities.

Tokens are split the way the databases' own tokenizers split them (SQLite FTS5 `unicode61`, PostgreSQL's
default parser): on anything that is not a letter, digit or combining mark, so a word sent back to the
index as a query term or phrase matches what the index holds. Indic vowel signs and viramas are combining
marks, so Hindi words stay whole.

`term_key` is the key of the small document-frequency table (`related_terms`): casefolded, Latin accents
dropped, and for English a light plural fold, so that "floods" and "flood" share one count the way the
indexes' stemmers conflate them. It only has to be close to the index's stems: it chooses query terms, the
index itself does the matching and the scoring.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Letters/digits, plus combining marks (Latin accents and the Indic blocks' vowel signs, viramas, nuktas).
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036F\u0900-\u0DFF\u1CD0-\u1CFF\uA8E0-\uA8FF])+")
_LATIN_MARKS = re.compile(r"[\u0300-\u036F]")
# A capitalised word: an initial capital letter, then letters/digits (e.g. "Pyongyang", "IPL", "G20").
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:['’][A-Za-z]+)?")
_WORD_OR_GAP = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[^A-Za-z0-9\s]+|\s+")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Generic function words (not tuned to any corpus): they carry no story identity, and leaving them out
# keeps the document-frequency table small and its hottest rows out of every write.
ENGLISH_STOPWORDS = _word_set(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours said says
    say told also however would could may might must shall one two three mr ms mrs per cent pc"""
)
HINDI_STOPWORDS = _word_set(
    """का के की को से में ने पर है हैं था थे थी और या भी तो ही कि यह वह इस उस एक लिए तक कहा गया गई
    किया कर करने रहा रहे रही हो होने जो जा ना न अपने साथ बाद द्वारा"""
)
# Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Reserve Bank of India").
_NAME_CONNECTORS = frozenset({"of", "de", "da", "do", "del", "della", "la", "le", "von", "van", "der", "bin", "al"})
# Capitalised words that open sentences or date things rather than name anything.
_NOT_NAME_HEADS = ENGLISH_STOPWORDS | _word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"""
)

HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
LEAD_PARAGRAPHS = 2


def is_english(language: str) -> bool:
    return language.casefold().split("-")[0] == "en"


def tokens(text: str) -> list[str]:
    """Casefolded tokens, split as the full-text indexes split them."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def _fold_plural(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=200_000)
def term_key(token: str, language: str) -> str | None:
    """The document-frequency key of a casefolded token, or None for tokens that say nothing on their own."""
    if is_english(language):
        if token in ENGLISH_STOPWORDS:
            return None
        plain = unicodedata.normalize("NFKC", _LATIN_MARKS.sub("", unicodedata.normalize("NFD", token)))
        if len(plain) < 2:
            return None
        return _fold_plural(plain)[:100]
    if token in HINDI_STOPWORDS or token in ENGLISH_STOPWORDS or len(token) < 2:
        return None
    return token[:100]


@dataclass(frozen=True)
class ArticleText:
    """The parts of an article the index holds, in three weighted fields."""

    headline: str
    lead: str
    rest: str
    language: str

    @classmethod
    def of(cls, headline: str, summary: str | None, body: Sequence[str], language: str) -> ArticleText:
        lead = [summary] if summary else []
        lead.extend(body[:LEAD_PARAGRAPHS])
        return cls(headline, "\n".join(lead), "\n".join(body[LEAD_PARAGRAPHS:]), language)


def term_set(text: ArticleText) -> list[str]:
    """Sorted distinct document-frequency keys of the article (sorted: upserts in one order never deadlock)."""
    keys = {
        key
        for part in (text.headline, text.lead, text.rest)
        for token in tokens(part)
        if (key := term_key(token, text.language)) is not None
    }
    return sorted(keys)


@dataclass
class WeightedTerm:
    """One key's weighted frequency in an article, and the surface word it most often took there."""

    key: str
    weight: float = 0.0
    surfaces: Counter[str] = field(default_factory=Counter)

    @property
    def surface(self) -> str:
        return self.surfaces.most_common(1)[0][0]


def weighted_terms(text: ArticleText) -> dict[str, WeightedTerm]:
    found: dict[str, WeightedTerm] = {}
    for part, weight in ((text.headline, HEADLINE_WEIGHT), (text.lead, LEAD_WEIGHT), (text.rest, BODY_WEIGHT)):
        for token in tokens(part):
            key = term_key(token, text.language)
            if key is None:
                continue
            term = found.setdefault(key, WeightedTerm(key))
            term.weight += weight
            term.surfaces[token] += 1
    return found


@dataclass(frozen=True)
class Entity:
    """A capitalised multi-word name (person, place, organisation) and its weighted mentions."""

    words: tuple[str, ...]  # casefolded tokens, as a phrase query
    weight: float


def _names_in(text: str) -> Iterable[tuple[str, ...]]:
    run: list[str] = []
    pending: list[str] = []  # connectors seen after a capitalised word, kept only if another follows

    def flush() -> Iterable[tuple[str, ...]]:
        while run and run[0].casefold() in _NOT_NAME_HEADS:
            run.pop(0)
        while run and run[-1].casefold() in _NOT_NAME_HEADS:
            run.pop()
        if len(run) >= 2:
            yield tuple(t for word in run[:6] for t in tokens(word))
        run.clear()
        pending.clear()

    for match in _WORD_OR_GAP.finditer(text):
        piece = match.group()
        if piece.isspace():
            if "\n" in piece:
                yield from flush()
            continue
        if _CAPITALISED.fullmatch(piece):
            run.extend(pending)
            pending.clear()
            run.append(piece)
        elif run and piece in _NAME_CONNECTORS:
            pending.append(piece)
        else:
            yield from flush()
    yield from flush()


def entities(text: ArticleText) -> list[Entity]:
    """Multi-word names from the standfirst and body (the lead counts double). The headline is left out:
    headline case capitalises every word, so it would read as one long name."""
    weights: dict[tuple[str, ...], float] = {}
    for part, weight in ((text.lead, LEAD_WEIGHT), (text.rest, BODY_WEIGHT)):
        for words in _names_in(part):
            if len(words) >= 2:
                weights[words] = weights.get(words, 0.0) + weight
    return [Entity(words, weight) for words, weight in weights.items()]


def idf(document_frequency: int, documents: int) -> float:
    """BM25's inverse document frequency (never negative)."""
    return math.log(1.0 + (documents - document_frequency + 0.5) / (document_frequency + 0.5))


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "जनवरी"),
            ("feb", "february", "फरवरी", "फ़रवरी"),
            ("mar", "march", "मार्च"),
            ("apr", "april", "अप्रैल"),
            ("may", "मई"),
            ("jun", "june", "जून"),
            ("jul", "july", "जुलाई"),
            ("aug", "august", "अगस्त"),
            ("sep", "sept", "september", "सितंबर", "सितम्बर"),
            ("oct", "october", "अक्टूबर"),
            ("nov", "november", "नवंबर", "नवम्बर"),
            ("dec", "december", "दिसंबर", "दिसम्बर"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_DAY = re.compile(r"(?P<month>[^\W\d_][\w\u0900-\u097F]*)\.?\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4})\b)?")
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[^\W\d_][\w\u0900-\u097F]*)(?:,?\s+(?P<year>\d{4})\b)?")


@dataclass(frozen=True)
class DatelineDate:
    """The date a dateline prints ("Jeddah, Nov 24 (PTI)"): month and day, and the year where printed."""

    month: int
    day: int
    year: int | None


def dateline_date(dateline: str | None) -> DatelineDate | None:
    if not dateline:
        return None
    text = unicodedata.normalize("NFKC", dateline)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            month = _MONTHS.get(match.group("month").casefold())
            day = int(match.group("day"))
            if month is not None and 1 <= day <= 31:
                year = match.group("year")
                return DatelineDate(month, day, int(year) if year else None)
    return None
