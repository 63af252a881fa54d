"""Split decoded copy into stripped, non-empty lines that remember which blank-line-separated block they sit in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    index: int  # position among the non-empty lines
    block: int  # lines with the same block number have no blank line between them
    text: str  # stripped of surrounding whitespace; always a span of the decoded copy
    start: int = 0  # offsets of `text` in the decoded copy
    end: int = 0


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    block = 0
    previous_blank = True
    offset = 0
    for raw in text.split("\n"):
        line_start = offset
        offset += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        start = line_start + (len(raw) - len(raw.lstrip()))
        lines.append(Line(index=len(lines), block=block, text=stripped, start=start, end=start + len(stripped)))
    return lines


def word_count(text: str) -> int:
    return len(text.split())
