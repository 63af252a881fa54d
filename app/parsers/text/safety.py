"""The markup policy for text copy: markup in the text is text; page code a broken scrape left is chrome.

`body` and `headline` are plain text, published verbatim; every HTML the service renders escapes them
(`app.articles.normalise.body_html`). So copy that quotes markup — a story about a `<script>` tag, an
`<img onerror=…>` in a security report — is published as written, never refused for it, and is inert.

What a broken scrape leaves is different: a whole element of page code standing on lines of its own
(`<script>…</script>`, `<style>…</style>`, an `<iframe …></iframe>`), opening at the start of a line and
closing at the end of one. No agency writes a paragraph like that; it is the page around the story, and the
text parser drops those lines like any other chrome (`active_markup_spans`, `blank_active_markup`). Markup
inside a sentence, or an element that never closes, is not a block on its own lines and stays text.
"""

from __future__ import annotations

import re

# Elements whose content is code or an embedded page, never story text.
ACTIVE_ELEMENTS = ("script", "style", "noscript", "iframe", "object", "embed", "template", "frameset", "applet")
_OPENS = re.compile(r"^\s*<\s*(" + "|".join(ACTIVE_ELEMENTS) + r")\b[^<>]*(/?)>", re.IGNORECASE)
_VOID = frozenset({"embed"})
MAX_BLOCK_LINES = 400  # a block longer than this is not a stray element: leave it to the other rules


def _closes(line: str, tag: str) -> bool:
    return re.search(r"<\s*/\s*" + tag + r"\s*>\s*$", line, re.IGNORECASE) is not None


def active_markup_spans(text: str) -> list[tuple[int, int]]:
    """Line spans `[first, last)` (0-based, lines split at "\\n") of whole active-markup blocks on their own
    lines: a line opening with `<script…>` (or another element above) through the line that ends closing it."""
    lines = text.split("\n")
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        opened = _OPENS.match(lines[index])
        if opened is None:
            index += 1
            continue
        tag = opened.group(1).lower()
        if opened.group(2) or tag in _VOID:
            if lines[index].rstrip().endswith(">") and lines[index].count("<") == 1:
                spans.append((index, index + 1))  # <embed …> or <iframe …/> alone on its line
            index += 1
            continue
        end = next(
            (i for i in range(index, min(len(lines), index + MAX_BLOCK_LINES)) if _closes(lines[i], tag)), None
        )
        if end is None:  # never closed: not a block, it stays text
            index += 1
            continue
        spans.append((index, end + 1))
        index = end + 1
    return spans


def blank_active_markup(text: str) -> tuple[str, list[str]]:
    """`text` with every active-markup block's lines emptied (kept as blank lines, so the paragraphs around
    a block stay apart and every other line keeps its number), and a repair note for each block dropped."""
    spans = active_markup_spans(text)
    if not spans:
        return text, []
    lines = text.split("\n")
    notes = []
    for first, last in spans:
        tag = _OPENS.match(lines[first]).group(1).lower()  # type: ignore[union-attr]  # a span opens with one
        where = f"line {first + 1}" if last - first == 1 else f"lines {first + 1}-{last}"
        article = "an" if tag[0] in "aeiou" else "a"
        notes.append(f"dropped page code: {article} {tag} element on {where}")
        lines[first:last] = [""] * (last - first)
    return "\n".join(lines), notes
