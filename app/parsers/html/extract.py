"""The page's main content as trafilatura finds it: candidate paragraphs, in page order, not yet trusted.

trafilatura's own algorithm runs first, without its fallback extractors; only when it finds nothing do the
fallbacks run, and the caller records that as a doubt. Its output is a list of candidates: each one is proven
against the page's own text (textview) and judged as story or chrome (chrome.py) before it can become body.
"""

from __future__ import annotations

from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache

import trafilatura
from trafilatura.settings import use_config

from app.parsers.html.document import MAX_ELEMENTS

# trafilatura prints list items with this prefix; it is not page text.
_ITEM_PREFIX = "- "
# Main content shorter than this is "nothing found" for the purpose of trying the fallbacks.
MIN_MAIN_CHARS = 200


@dataclass(frozen=True)
class Extraction:
    candidates: list[str]
    fell_back: bool


def main_content(html: str) -> Extraction:
    """trafilatura's paragraphs of the main content (comments, tables, images and links left out)."""
    own = _extract(html, fast=True)
    if sum(len(c) for c in own) >= MIN_MAIN_CHARS:
        return Extraction(candidates=own, fell_back=False)
    fallback = _extract(html, fast=False)
    if sum(len(c) for c in fallback) > sum(len(c) for c in own):
        return Extraction(candidates=fallback, fell_back=True)
    return Extraction(candidates=own, fell_back=False)


def _extract(html: str, *, fast: bool) -> list[str]:
    text = trafilatura.extract(
        html,
        fast=fast,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
        config=_config(),
        output_format="txt",
    )
    candidates: list[str] = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if line:
            candidates.append(line)
    return candidates


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    """trafilatura's defaults, with its tree-size bound set to ours (the page was already checked against it)."""
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_ELEMENTS))
    return config


def without_item_prefix(candidate: str) -> str | None:
    """The candidate without trafilatura's list-item prefix, if it has one."""
    return candidate[len(_ITEM_PREFIX) :] if candidate.startswith(_ITEM_PREFIX) else None
