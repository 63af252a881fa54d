"""The language of a text, from its words: py3langid's offline model (shipped in the package, no network).

Script alone cannot tell Marathi from Hindi or Tamil from English transliteration; a character n-gram model can.
A short or mixed text gives a weak vote, so a declared language (a format's `xml:lang`, ninjs `language`) wins
when it is a language the model also finds plausible for the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Below this many letters the model's vote is no better than the declared language or the default.
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid

    return py3langid


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def detect_language(paragraphs: list[str], declared: str | None = None, default: str = "en") -> str:
    """ISO 639-1 code of the paragraphs' language; `declared` (e.g. "en-GB") is kept when the text agrees or
    is too short to say."""
    text = "\n".join(paragraphs)[:20_000]
    declared_base = declared.split("-", 1)[0].casefold() if declared else None
    if _letters(text) < MIN_LETTERS:
        return declared or default
    best, _score = _identifier().classify(text)
    if declared_base is not None and declared and best == declared_base:
        return declared
    return str(best)
