"""Access to the labelled corpus copied into tests/fixtures/corpus (docs/, gold/, bad/)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from app.parsers.sniff import media_type_for

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TEXT_FORMATS = ("page-text", "wire-text")


@cache
def gold(doc_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
    return data


def raw(doc_id: str) -> bytes:
    return (CORPUS / gold(doc_id)["file"]).read_bytes()


def all_ids(prefix: str) -> list[str]:
    return sorted(p.stem for p in (CORPUS / "gold").glob(f"{prefix}*.json"))


def text_doc_ids() -> list[str]:
    return [d for d in all_ids("d0") if gold(d)["format"] in TEXT_FORMATS]


def bad_ids(expect: str) -> list[str]:
    return [d for d in all_ids("db") if gold(d)["expect"] == expect]


def media_type(doc_id: str) -> str:
    return media_type_for(gold(doc_id)["file"])
