"""Per-field accuracy of the text normaliser on a labelled corpus, the misses, bad-input outcomes and speed.

    python bench/corpus_accuracy.py [CORPUS_DIR]     (default tests/fixtures/corpus)

CORPUS_DIR has docs/ and gold/ (bad/ optional), laid out as tests/fixtures/corpus/README.md describes.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import ParseError  # noqa: E402
from app.parsers.text import parse_text  # noqa: E402

TEXT_FORMATS = ("page-text", "wire-text")
FIELDS = (
    "source_format",
    "agency",
    "headline",
    "byline",
    "dateline",
    "published_at",
    "updated_at",
    "summary",
    "category",
    "language",
    "body",
    "signoff",
)
SPEED_ROUNDS = 20


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold").glob("*.json"))]


def expected(gold: dict[str, Any], field: str) -> Any:
    value = gold["format"] if field == "source_format" else gold.get(field)
    if field in ("published_at", "updated_at") and value:
        return datetime.fromisoformat(value)  # compared as instants
    return value


def got(copy: dict[str, Any], field: str) -> Any:
    return copy.get(field)


def short(value: Any, width: int = 110) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "fixtures" / "corpus"
    golds = load_gold(corpus)
    docs = [g for g in golds if g.get("format") in TEXT_FORMATS]
    if not docs:
        print(f"No page-text or wire-text documents under {corpus}/gold.")
        return 1
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    chrome_leaks: list[str] = []
    refused: list[str] = []
    raws: list[bytes] = []
    first_pass = 0.0
    for gold in docs:
        raw = (corpus / gold["file"]).read_bytes()
        raws.append(raw)
        started = time.perf_counter()
        try:
            copy = parse_text(raw).model_dump()
        except ParseError as exc:
            first_pass += time.perf_counter() - started
            refused.append(f"  {gold['id']}: refused ({exc.reason}): {exc.detail}")
            continue
        first_pass += time.perf_counter() - started
        for field in FIELDS:
            if expected(gold, field) == got(copy, field):
                right[field] += 1
            elif field == "body":
                misses.append(f"  {gold['id']} body: {_body_diff(gold['body'], copy['body'])}")
            else:
                misses.append(
                    f"  {gold['id']} {field}: expected {short(expected(gold, field))}, got {short(got(copy, field))}"
                )
        for chrome in gold.get("chrome", []):
            if any(chrome in paragraph for paragraph in copy["body"]):
                chrome_leaks.append(f"  {gold['id']}: {short(chrome)}")

    print(f"Text normaliser accuracy on {corpus} ({len(docs)} page-text/wire-text documents)\n")
    for field in FIELDS:
        print(f"  {field:<14} {right[field]:>3}/{len(docs)}  {100 * right[field] / len(docs):6.1f}%")
    all_right = sum(1 for _ in docs) - len({m.split()[0] for m in misses}) - len(refused)
    print(f"\n  documents with every field right: {all_right}/{len(docs)}")
    print(f"  documents with chrome inside a body paragraph: {len({c.split(':')[0] for c in chrome_leaks})}")
    print("\nMisses (document, field, expected vs got):")
    print("\n".join(misses + refused) if misses or refused else "  none")
    if chrome_leaks:
        print("\nChrome strings found inside body paragraphs:")
        print("\n".join(chrome_leaks))

    bad = [g for g in golds if "expect" in g and str(g.get("file", "")).endswith(".txt")]
    if bad:
        print("\nBad inputs (text):")
        for gold in bad:
            raw = (corpus / gold["file"]).read_bytes()
            try:
                copy = parse_text(raw)
                outcome = f"accepted, repairs={copy.repairs}"
                ok = gold["expect"] == "accept"
            except ParseError as exc:
                outcome = f"refused ({exc.reason}): {exc.detail}"
                ok = gold["expect"] == "reject"
            print(f"  {gold['id']} expect {gold['expect']:<6} {'OK  ' if ok else 'MISS'} {short(outcome, 160)}")

    # The first pass above ran in a fresh process, before the per-line rule caches had seen any line.
    cold = len(raws) / first_pass
    started = time.perf_counter()
    for _ in range(SPEED_ROUNDS):
        for raw in raws:
            with contextlib.suppress(ParseError):
                parse_text(raw)
    warm = SPEED_ROUNDS * len(raws) / (time.perf_counter() - started)
    print(f"\nSpeed through parse_text alone: {cold:,.0f} documents/second on a first pass over {len(raws)} documents")
    print(f"  ({warm:,.0f} documents/second re-parsing them {SPEED_ROUNDS} times, with per-line rule caches warm)")
    return 0


def _body_diff(expected_body: list[str], got_body: list[str]) -> str:
    for index, (want, have) in enumerate(zip(expected_body, got_body, strict=False)):
        if want != have:
            return f"paragraph {index + 1}: expected {short(want, 80)}, got {short(have, 80)}"
    if len(expected_body) != len(got_body):
        extra = got_body[len(expected_body) :] or expected_body[len(got_body) :]
        return f"{len(expected_body)} paragraphs expected, got {len(got_body)} (first difference {short(extra[0], 80)})"
    return "differs"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
