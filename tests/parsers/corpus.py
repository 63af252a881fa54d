"""Load the labelled corpus (docs/, gold/, bad/) for the parser tests and the accuracy bench."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
TEXT_FORMATS = ("page-text", "wire-text")
# The fields a text parser is judged on, in the gold label's order.
TEXT_FIELDS = (
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


@dataclass(frozen=True)
class CorpusItem:
    id: str
    path: Path
    gold: dict[str, Any]

    def raw(self) -> bytes:
        return self.path.read_bytes()


def text_docs(corpus_dir: Path = CORPUS_DIR) -> list[CorpusItem]:
    """Every document labelled page-text or wire-text."""
    items = []
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("format") in TEXT_FORMATS:
            items.append(CorpusItem(gold["id"], corpus_dir / gold["file"], gold))
    return items


def text_bad_inputs(corpus_dir: Path = CORPUS_DIR) -> list[CorpusItem]:
    """Every bad input that would reach the text parser (a .txt file under bad/)."""
    items = []
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "expect" in gold and str(gold.get("file", "")).endswith(".txt"):
            items.append(CorpusItem(gold["id"], corpus_dir / gold["file"], gold))
    return items
