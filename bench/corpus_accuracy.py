"""Per-field accuracy of every parser on a labelled corpus, the misses, bad-input outcomes and speed.

    python bench/corpus_accuracy.py [CORPUS_DIR]     (default tests/fixtures/corpus)

The text normaliser is measured on page-text and wire-text documents, with two verdicts per corpus: `held` (the
copy has doubts, from app.parsers.plausibility.plausibility_doubts, and would wait for review) and `published-wrong`
(no doubt, yet the body, headline, agency, published_at or updated_at differs from the gold label), each listed with
its reasons. Then each structured format
(NITF, NewsML-G2, ninjs, IPTC 7901, ANPA-1312) on its own documents, read through its own parser.

CORPUS_DIR has docs/ and gold/ (bad/ optional), laid out as tests/fixtures/corpus/README.md describes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from collections.abc import Callable  # noqa: E402
from datetime import UTC, timedelta  # noqa: E402

from app.articles.normalise import draft_article  # noqa: E402
from app.errors import ParseError, UnsupportedFormat  # noqa: E402
from app.parsers.base import ParsedCopy  # noqa: E402
from app.parsers.plausibility import plausibility_doubts  # noqa: E402
from app.parsers.sniff import PARSERS, media_type_for, parse_copy  # noqa: E402
from app.parsers.text import parse_text  # noqa: E402

TEXT_FORMATS = ("page-text", "wire-text")
STRUCTURED_FORMATS = ("nitf", "newsml-g2", "ninjs", "iptc7901", "anpa1312")
# The clock the far-future check of structured bad inputs runs against (as in the tests).
BENCH_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
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
# The fields a published article must have right: anything else wrong with no doubt raised is "published wrong".
PUBLISH_FIELDS = ("agency", "headline", "published_at", "updated_at", "body")


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
    text = measure(corpus, docs, parse_text)
    report(f"Text normaliser accuracy on {corpus} ({len(docs)} page-text/wire-text documents)", text)
    text_bad_inputs(corpus, golds)

    # The first pass above ran in a fresh process, before the per-line rule caches had seen any line.
    raws = text.raws
    cold = len(raws) / text.first_pass
    warm = rounds_per_second(raws, parse_text)
    print(f"\nSpeed through parse_text alone: {cold:,.0f} documents/second on a first pass over {len(raws)} documents")
    print(f"  ({warm:,.0f} documents/second re-parsing them {SPEED_ROUNDS} times, with per-line rule caches warm)")

    structured(corpus, golds)
    return 0


@dataclass
class Measurement:
    """What one parser got right and wrong on its documents."""

    docs: int
    right: dict[str, int]
    misses: list[str]
    refused: list[str]
    chrome_leaks: list[str]
    raws: list[bytes]
    first_pass: float  # seconds spent in the parser on the first pass
    # Documents held for review (plausibility_doubts non-empty), with the doubts.
    held: list[str] = dataclasses.field(default_factory=list)
    # Documents that would be published (no doubts) with a wrong body, headline, agency or time, with what is wrong.
    published_wrong: list[str] = dataclasses.field(default_factory=list)

    @property
    def all_right(self) -> int:
        return self.docs - len({m.split()[0] for m in self.misses}) - len(self.refused)


def measure(corpus: Path, docs: list[dict[str, Any]], parse: Callable[[bytes], ParsedCopy]) -> Measurement:
    """Run `parse` once over `docs`, comparing every field with the gold label."""
    result = Measurement(len(docs), dict.fromkeys(FIELDS, 0), [], [], [], [], 0.0)
    for gold in docs:
        raw = (corpus / gold["file"]).read_bytes()
        result.raws.append(raw)
        started = time.perf_counter()
        try:
            copy = parse(raw).model_dump()
        except (ParseError, UnsupportedFormat) as exc:
            result.first_pass += time.perf_counter() - started
            result.refused.append(f"  {gold['id']}: refused ({getattr(exc, 'reason', 'unsupported')}): {exc.detail}")
            continue
        result.first_pass += time.perf_counter() - started
        wrong: list[str] = []
        for name in FIELDS:
            if expected(gold, name) == got(copy, name):
                result.right[name] += 1
                continue
            if name in PUBLISH_FIELDS:
                wrong.append(name)
            if name == "body":
                result.misses.append(f"  {gold['id']} body: {_body_diff(gold['body'], copy['body'])}")
            else:
                result.misses.append(
                    f"  {gold['id']} {name}: expected {short(expected(gold, name))}, got {short(got(copy, name))}"
                )
        doubts = plausibility_doubts(ParsedCopy.model_validate(copy))
        if doubts:
            result.held.append(f"  {gold['id']}: {short('; '.join(doubts), 200)}")
        elif wrong:
            result.published_wrong.append(f"  {gold['id']}: wrong {', '.join(wrong)}")
        for chrome in gold.get("chrome", []):
            if any(chrome in paragraph for paragraph in copy["body"]):
                result.chrome_leaks.append(f"  {gold['id']}: {short(chrome)}")
    return result


def report(title: str, result: Measurement) -> None:
    print(f"\n{title}\n")
    for field in FIELDS:
        right = result.right[field]
        print(f"  {field:<14} {right:>3}/{result.docs}  {100 * right / result.docs:6.1f}%")
    print(f"\n  documents with every field right: {result.all_right}/{result.docs}")
    print(f"  documents with chrome inside a body paragraph: {len({c.split(':')[0] for c in result.chrome_leaks})}")
    print(f"  refused: {len(result.refused)}/{result.docs}")
    print(f"  held for review: {len(result.held)}/{result.docs}  {100 * len(result.held) / result.docs:.1f}%")
    print(f"  published-wrong: {len(result.published_wrong)}/{result.docs}")
    print("\nHeld (document: doubts):")
    print("\n".join(result.held) if result.held else "  none")
    print("\nPublished wrong (no doubt, yet body/headline/agency/published_at/updated_at wrong):")
    print("\n".join(result.published_wrong) if result.published_wrong else "  none")
    print("\nMisses (document, field, expected vs got):")
    print("\n".join(result.misses + result.refused) if result.misses or result.refused else "  none")
    if result.chrome_leaks:
        print("\nChrome strings found inside body paragraphs:")
        print("\n".join(result.chrome_leaks))


def rounds_per_second(raws: list[bytes], parse: Callable[[bytes], ParsedCopy]) -> float:
    started = time.perf_counter()
    for _ in range(SPEED_ROUNDS):
        for raw in raws:
            with contextlib.suppress(ParseError, UnsupportedFormat):
                parse(raw)
    return SPEED_ROUNDS * len(raws) / (time.perf_counter() - started)


def text_bad_inputs(corpus: Path, golds: list[dict[str, Any]]) -> None:
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


def structured(corpus: Path, golds: list[dict[str, Any]]) -> None:
    """Each structured format through its own parser: per-field table, misses, bad inputs, speed."""
    present = [f for f in STRUCTURED_FORMATS if any(g.get("format") == f for g in golds)]
    if not present:
        print(f"\nNo structured-format documents under {corpus}/gold.")
        return
    results = {fmt: measure(corpus, [g for g in golds if g.get("format") == fmt], PARSERS[fmt]) for fmt in present}
    count = sum(r.docs for r in results.values())
    print(f"\nStructured parsers' accuracy on {corpus} ({count} documents, each through its format's parser)\n")
    print(f"  {'field':<14}" + "".join(f"{fmt:>11}" for fmt in present) + f"{'all':>14}")
    for field in FIELDS:
        right = sum(r.right[field] for r in results.values())
        row = "".join(f"{f'{r.right[field]}/{r.docs}':>11}" for r in results.values())
        print(f"  {field:<14}{row}{f'{right}/{count} {100 * right / count:5.1f}%':>14}")
    every = "".join(f"{f'{r.all_right}/{r.docs}':>11}" for r in results.values())
    print(f"  {'every field':<14}{every}{f'{sum(r.all_right for r in results.values())}/{count}':>14}")
    misses = [m for r in results.values() for m in r.misses + r.refused]
    leaks = [c for r in results.values() for c in r.chrome_leaks]
    print(f"\n  documents with chrome inside a body paragraph: {len({c.split(':')[0] for c in leaks})}")
    print("\nMisses (document, field, expected vs got):")
    print("\n".join(misses) if misses else "  none")
    if leaks:
        print("\nChrome strings found inside body paragraphs:")
        print("\n".join(leaks))

    bad = [g for g in golds if "expect" in g and not str(g.get("file", "")).endswith(".txt")]
    if bad:
        print("\nBad inputs (structured, through parse_copy; dates checked by draft_article as the service does):")
        for gold in bad:
            raw = (corpus / gold["file"]).read_bytes()
            media = media_type_for(gold["file"])
            try:
                copy = parse_copy(raw, media)
                draft_article(copy, disclaimer="x", now=BENCH_NOW, future_tolerance=timedelta(hours=36))
                outcome, ok = f"accepted ({copy.source_format})", gold["expect"] == "accept"
            except UnsupportedFormat as exc:
                outcome, ok = f"unsupported (415): {exc.detail}", gold["expect"] == "reject"
            except ParseError as exc:
                outcome, ok = f"refused ({exc.reason}): {exc.detail}", gold["expect"] == "reject"
            print(f"  {gold['id']} expect {gold['expect']:<6} {'OK  ' if ok else 'MISS'} {short(outcome, 160)}")

    print(f"\nSpeed per structured parser (documents/second; first pass, then re-parsing {SPEED_ROUNDS} times):")
    for fmt, result in results.items():
        cold = result.docs / result.first_pass
        warm = rounds_per_second(result.raws, PARSERS[fmt])
        print(f"  {fmt:<10} {cold:>8,.0f} on a first pass over {result.docs} document(s), {warm:>8,.0f} re-parsing")
    every_raw = [raw for r in results.values() for raw in r.raws]
    print(f"  {'all':<10} {rounds_per_second(every_raw, parse_copy):>8,.0f} re-parsing all through parse_copy")


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
