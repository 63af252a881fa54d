"""Per-field accuracy of the HTML reader on any folder with html/ pages beside gold/ labels.

    python bench/html_accuracy.py [CORPUS_DIR ...]     (default ../shared/real-pages)

For each gold/<id>.json with html/<id>.html.gz (or .html): the page is read as text/html through
app.parsers.sniff.parse_copy, and compared with the gold field by field (body paragraphs with whitespace collapsed;
times as instants, to the minute, because gold taken from printed text has no seconds).

held            the copy has a doubt (its own or plausibility_doubts): it would wait for review
refused         the parser answered with a problem (4xx)
published-wrong neither held nor refused, yet body, headline, agency, published_at or updated_at is wrong.
                Times are judged two ways and both are printed:
                  strict   any difference from the gold counts, including a time the page states in its markup
                           where the gold (made from the page's printed text) has none
                  labelled a time counts only where the gold has one; a time stated in markup where the gold has
                           none is reported as "unverified", a missing time as "missing"
reference       trafilatura's own bare output (txt, no post-processing) compared on the body alone
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from app.errors import CopyRefused, ParseError  # noqa: E402
from app.parsers.base import ParsedCopy  # noqa: E402
from app.parsers.plausibility import plausibility_doubts  # noqa: E402
from app.parsers.sniff import parse_copy  # noqa: E402

FIELDS = (
    "headline",
    "agency",
    "byline",
    "dateline",
    "published_at",
    "updated_at",
    "summary",
    "language",
    "body",
    "signoff",
)
PUBLISH_CRITICAL = ("body", "headline", "agency", "published_at", "updated_at")
TIMES = ("published_at", "updated_at")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def pages(corpus: Path) -> list[tuple[dict[str, Any], Path]]:
    found = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for name in (f"{gold_path.stem}.html.gz", f"{gold_path.stem}.html"):
            if (corpus / "html" / name).is_file():
                found.append((gold, corpus / "html" / name))
                break
    return found


def _minute(value: Any) -> datetime | None:
    if value is None:
        return None
    at = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return at.replace(second=0, microsecond=0)


def value_of(copy: ParsedCopy, field: str) -> Any:
    if field == "body":
        return [collapse(p) for p in copy.body]
    if field == "dateline":
        return copy.dateline.text if copy.dateline else None
    if field in TIMES:
        return _minute(getattr(copy, field))
    if field == "language":
        return copy.language.split("-", 1)[0]
    return getattr(copy, field)


def expected(gold: dict[str, Any], field: str) -> Any:
    if field == "body":
        return [collapse(p) for p in gold["body"]]
    if field == "dateline":
        return (gold.get("dateline") or {}).get("text")
    if field in TIMES:
        return _minute(gold.get(field))
    return gold.get(field)


def main(corpora: list[Path]) -> None:
    for corpus in corpora:
        measure(corpus)


def measure(corpus: Path) -> None:
    found = pages(corpus)
    print(f"{corpus}: {len(found)} HTML pages with gold")
    right: Counter[str] = Counter()
    held = refused = wrong_strict = wrong_labelled = reference_exact = 0
    unverified: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    lines: list[str] = []
    for gold, path in found:
        data = read_html(path)
        bare = trafilatura.extract(data, deduplicate=False) or ""
        if [collapse(p) for p in bare.split("\n") if p.strip()] == expected(gold, "body"):
            reference_exact += 1
        try:
            copy = parse_copy(data, "text/html")
        except (ParseError, CopyRefused) as exc:
            refused += 1
            lines.append(f"  {gold['id']} REFUSED {exc}")
            continue
        doubts = plausibility_doubts(copy)
        misses = []
        for field in FIELDS:
            ours, theirs = value_of(copy, field), expected(gold, field)
            if ours == theirs:
                right[field] += 1
            else:
                misses.append(field)
                if field in TIMES and theirs is None:
                    unverified[field] += 1
                if field in TIMES and ours is None:
                    missing[field] += 1
        critical = [f for f in misses if f in PUBLISH_CRITICAL]
        labelled = [
            f for f in critical if f not in TIMES or (expected(gold, f) is not None and value_of(copy, f) is not None)
        ]
        state = "held" if doubts else "published"
        if doubts:
            held += 1
        else:
            wrong_strict += bool(critical)
            wrong_labelled += bool(labelled)
        flag = "WRONG" if state == "published" and labelled else ""
        lines.append(f"  {gold['id']} {state:9} misses={','.join(misses) or '-'} {flag}")
        for doubt in doubts:
            lines.append(f"      doubt: {doubt}")
    total = len(found) or 1
    for line in lines:
        print(line)
    print("  per-field accuracy:")
    for field in FIELDS:
        print(f"    {field:13} {right[field]:3}/{len(found)}  {100 * right[field] / total:5.1f}%")
    print(f"  body exact: {right['body']}/{len(found)} = {100 * right['body'] / total:.1f}%")
    print(f"  held: {held}/{len(found)} = {100 * held / total:.1f}%   refused: {refused}")
    print(f"  published-wrong (labelled times): {wrong_labelled}   (strict: {wrong_strict})")
    print(f"  times unverified (stated in markup, gold has none): {dict(unverified)}   missing: {dict(missing)}")
    print(
        f"  reference, trafilatura bare output, body exact: {reference_exact}/{len(found)} "
        f"= {100 * reference_exact / total:.1f}%"
    )


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [ROOT.parent / "shared" / "real-pages"]
    main(args)
