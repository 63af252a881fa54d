"""Synthetic agency wire copy for stream and process tests: distinct stories, resends, updates, bad copy."""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = ("Mumbai", "New Delhi", "Kolkata", "Chennai", "Bengaluru", "Hyderabad", "Guwahati", "Lucknow")
SUBJECTS = ("port authority", "state cabinet", "city police", "health department", "power utility", "university")
ACTIONS = ("approved a plan", "announced a review", "opened an inquiry", "released figures", "signed an agreement")


@dataclass(frozen=True)
class Story:
    n: int
    version: int = 1

    @property
    def headline(self) -> str:
        rng = random.Random(self.n)
        return f"{rng.choice(PLACES)} {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} in case {self.n}"

    def wire_text(self) -> bytes:
        """IANS wire text; version 2 adds a paragraph and a later filing time."""
        rng = random.Random(self.n)
        place = rng.choice(PLACES)
        paragraphs = [
            f"{place}, Dec 1 (IANS) The {rng.choice(SUBJECTS)} on Sunday {rng.choice(ACTIONS)} in matter number "
            f"{self.n}, officials said.",
            f"The decision follows weeks of talks over item {self.n * 7 + 3}, a senior official told reporters.",
            f"Officials said the next step for case {self.n} would be announced on Monday.",
        ]
        if self.version > 1:
            paragraphs.insert(
                2, f"Update {self.version}: the committee added a condition to case {self.n} late on Sunday."
            )
        return ("\n\n".join([self.headline, *paragraphs, "--IANS\nab/cd"]) + "\n").encode("utf-8")

    def resend(self) -> bytes:
        """The same text as sent again: other line endings and spacing."""
        return b"\r\n" + self.wire_text().replace(b"\n", b" \r\n").replace(b", ", b",  ")


BAD_COPY = (
    b"",
    b"   \n\t  \n",
    b"Mumbai, Dec 1 (IANS) A story with a NUL \x00 byte in the middle of it.\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"Headline only\n",
)
