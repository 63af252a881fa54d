"""Whether two texts are texts of one story: evidence in the words, never the headline alone.

Two unrelated stories can share a headline ("Skip to main content" from a scraper, "Sensex ends higher" on
another day), so a text becomes a version of a stored story only when it shares real text with it:
- the same opening paragraph (case, punctuation and spacing folded), long enough to be a story's own; or
- a high overlap of word shingles: the share of the shorter text's 5-word shingles found in the other.
An update that adds paragraphs, corrects a figure or re-orders a few sentences keeps most shingles; an
unrelated story under the same headline keeps almost none.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 5
# The share of the shorter text's shingles that must occur in the other text.
MIN_CONTAINMENT = 0.5
# An opening paragraph shorter than this ("Photo: AP", "Advertisement") is not evidence of one story.
MIN_LEAD_WORDS = 8

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(paragraphs: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of hashed `size`-word shingles of the text (the whole text when shorter than one shingle)."""
    tokens = words(" ".join(paragraphs))
    if len(tokens) < size:
        return {hashlib.blake2b(" ".join(tokens).encode(), digest_size=8).digest()} if tokens else set()
    return {
        hashlib.blake2b(" ".join(tokens[i : i + size]).encode(), digest_size=8).digest()
        for i in range(len(tokens) - size + 1)
    }


def containment(a: list[str], b: list[str]) -> float:
    """|A ∩ B| / min(|A|, |B|) over the two texts' shingles; 0.0 when either is empty."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def same_lead(a: list[str], b: list[str]) -> bool:
    lead = words(a[0]) if a else []
    return len(lead) >= MIN_LEAD_WORDS and bool(b) and lead == words(b[0])


def shares_text(stored: list[str], incoming: list[str]) -> bool:
    """True when the incoming text has real text in common with the stored one (see the module docstring)."""
    return same_lead(stored, incoming) or containment(stored, incoming) >= MIN_CONTAINMENT
