"""Split decoded copy into stripped, non-empty lines that remember which blank-line-separated block they sit in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    index: int  # position among the non-empty lines
    block: int  # lines with the same block number have no blank line between them
    text: str  # stripped of surrounding whitespace; always a span of the decoded copy


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    block = 0
    previous_blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        lines.append(Line(index=len(lines), block=block, text=stripped))
    return lines


def word_count(text: str) -> int:
    return len(text.split())
