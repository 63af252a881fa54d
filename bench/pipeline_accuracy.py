"""The whole pipeline on labelled corpora: what would be published, and whether it would be right.

    python bench/pipeline_accuracy.py CORPUS_DIR [CORPUS_DIR…] [--agency NAME]

Each corpus (docs/ + gold/, html/ optional: the layout of tests/fixtures/corpus and ../shared/real-pages) is
ingested in gold order into a fresh SQLite store, exactly as POSTs would be (parse, checks, hold, store), once
as the text in docs/ and, where html/<id>.html(.gz) exists, once more as text/html into another fresh store.
For every document it prints what happened and then, per corpus and mode:

- published: created or updated; right = the stored article has the gold headline, agency, published_at,
  updated_at and body (HTML bodies compared with whitespace collapsed inside a paragraph);
- published-wrong: published with any of those wrong (the bar is 0); a time left out (None where the gold has
  one) is reported apart as missing information, not counted as wrong;
- held: 202, kept for review; refused: 4xx, kept in the quarantine;
- merge errors: a document that became a version or duplicate of another document although its gold says it is
  a new story (and missed merges, the opposite);
- per-field accuracy over all documents (held and refused count as not right);
- for HTML, a reference line: trafilatura's own bare extraction, body exact.

`--agency` is the ingest key's agency (default none: copy that names no agency is refused, not guessed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.articles.models import Article  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database  # noqa: E402
from app.intake.service import Delivery, ingest  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.parsers.sniff import media_type_for  # noqa: E402

KEY_FIELDS = ("headline", "agency", "published_at", "updated_at", "body")
INFO_FIELDS = ("byline", "dateline", "language")
_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class Tally:
    docs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    merge_errors: list[str] = field(default_factory=list)
    missed_merges: list[str] = field(default_factory=list)
    fields: Counter[str] = field(default_factory=Counter)


def html_of(corpus: Path, doc_id: str) -> bytes | None:
    for name in (f"{doc_id}.html.gz", f"{doc_id}.html"):
        path = corpus / "html" / name
        if path.exists():
            data = path.read_bytes()
            return gzip.decompress(data) if name.endswith(".gz") else data
    return None


def as_instant(value: Any) -> datetime | None:
    if value is None:
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def field_right(name: str, gold: dict[str, Any], article: Article, html: bool, key_agency: str | None) -> bool:
    expected = gold.get(name)
    if name == "agency":
        # Copy that credits no agency takes the sending key's (the key speaks for it); else the credit must match.
        wanted = expected if expected is not None else key_agency
        return wanted is not None and article.agency.casefold() == str(wanted).casefold()
    if name in ("published_at", "updated_at"):
        want, got = as_instant(expected), getattr(article, name)
        if want is None or got is None:
            return want == got
        # A printed time has minutes; the copy's markup may add the seconds: the same minute is the same time.
        return abs((want - got).total_seconds()) < 60 and (want.second == 0 or want == got)
    if name == "body":
        if html:
            return [collapse(p) for p in expected or []] == [collapse(p) for p in article.body]
        return list(expected or []) == list(article.body)
    if name == "dateline":
        got = {"place": article.dateline_place, "text": article.dateline_text} if article.dateline_text else None
        return bool(expected == got)
    if name == "byline":
        strip = re.compile(r"^(by|von|par|por)\s+", re.IGNORECASE)
        return (strip.sub("", expected) if expected else None) == (
            strip.sub("", article.byline) if article.byline else None
        )
    got = getattr(article, name)
    return bool(collapse(expected) == collapse(got)) if html and isinstance(expected, str) and got else expected == got


def run(corpus: Path, golds: list[dict[str, Any]], *, html: bool, agency: str | None) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        settings = Settings(database_url=url)
        database = Database(url)
        stored_as: dict[str, str] = {}  # doc id → article id
        try:
            for gold in golds:
                doc_id = gold["id"]
                if html:
                    data = html_of(corpus, doc_id)
                    if data is None:
                        continue
                    content_type = "text/html"
                else:
                    path = corpus / gold["file"]
                    data, content_type = path.read_bytes(), media_type_for(path)
                tally.docs += 1
                result = ingest(
                    database,
                    settings,
                    Delivery(data=data, content_type=content_type, source="bench", default_agency=agency),
                )
                tally.outcomes[result.outcome] += 1
                if result.review is not None:
                    tally.held.append(f"{doc_id}: {'; '.join(result.review.reasons)[:160]}")
                    continue
                if result.article is None:
                    detail = result.error.detail if result.error else result.outcome
                    tally.refused.append(f"{doc_id}: {result.status_code} {detail[:160]}")
                    continue
                article = result.article
                joined = gold.get("version_of") or gold.get("duplicate_of")
                if result.outcome in ("updated", "duplicate", "stale"):
                    if not joined or stored_as.get(joined) != article.id:
                        owner = next((d for d, a in stored_as.items() if a == article.id), "?")
                        tally.merge_errors.append(f"{doc_id}: became a {result.outcome} of {owner}")
                elif joined and joined in stored_as:
                    tally.missed_merges.append(f"{doc_id}: stored new, gold says of {joined}")
                stored_as.setdefault(doc_id, article.id)
                if result.outcome == "duplicate":
                    continue
                misses = [name for name in KEY_FIELDS if not field_right(name, gold, article, html, agency)]
                # A time left out (None) where the gold states one is missing information, not wrong information.
                absent = [n for n in misses if n in ("published_at", "updated_at") and getattr(article, n) is None]
                misses = [n for n in misses if n not in absent]
                if absent:
                    tally.missing.append(f"{doc_id}: {', '.join(absent)} not stated")
                for name in (*KEY_FIELDS, *INFO_FIELDS):
                    tally.fields[name] += field_right(name, gold, article, html, agency)
                if misses:
                    tally.wrong.append(f"{doc_id}: {', '.join(misses)}")
                else:
                    tally.right += 1
        finally:
            database.dispose()
    return tally


def trafilatura_reference(corpus: Path, golds: list[dict[str, Any]]) -> tuple[int, int]:
    """Body exact with trafilatura's bare text output (paragraphs = its lines), as a reference."""
    import trafilatura

    exact = total = 0
    for gold in golds:
        data = html_of(corpus, gold["id"])
        if data is None:
            continue
        total += 1
        text = trafilatura.extract(data.decode("utf-8", "replace"), output_format="txt") or ""
        lines = [collapse(line) for line in text.splitlines() if line.strip()]
        exact += lines == [collapse(p) for p in gold.get("body") or []]
    return exact, total


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def report(name: str, mode: str, tally: Tally) -> None:
    published = tally.outcomes["created"] + tally.outcomes["updated"]
    print(f"\n{name} as {mode}: {tally.docs} documents")
    print(f"  outcomes          {dict(tally.outcomes)}")
    print(f"  published         {published}   right {tally.right}   published-wrong {len(tally.wrong)}")
    print(f"  times left out    {len(tally.missing)} (published without a time the gold states)")
    print(f"  held              {percent(len(tally.held), tally.docs)}")
    print(f"  refused           {percent(len(tally.refused), tally.docs)}")
    print(f"  merge errors      {len(tally.merge_errors)}   missed merges {len(tally.missed_merges)}")
    for name_ in (*KEY_FIELDS, *INFO_FIELDS):
        print(f"  {name_:<16}  {percent(tally.fields[name_], tally.docs)}")
    for label, rows in (
        ("PUBLISHED WRONG", tally.wrong),
        ("time left out", tally.missing),
        ("merge errors", tally.merge_errors),
        ("held", tally.held),
        ("refused", tally.refused),
        ("missed merges", tally.missed_merges),
    ):
        for row in rows:
            print(f"    {label}: {row}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--agency", default=None, help="the ingest key's agency (default: none)")
    args = parser.parse_args(argv[1:])
    for corpus in args.corpora:
        golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold").glob("*.json"))]
        golds = [g for g in golds if "file" in g and (corpus / g["file"]).exists() and "expect" not in g]
        report(str(corpus), "text", run(corpus, golds, html=False, agency=args.agency))
        if any(html_of(corpus, g["id"]) is not None for g in golds):
            report(str(corpus), "html", run(corpus, golds, html=True, agency=args.agency))
            exact, total = trafilatura_reference(corpus, golds)
            print(f"  reference: trafilatura's bare output, body exact {percent(exact, total)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
