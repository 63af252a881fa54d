"""Accuracy of the wire parsers on a folder of real agency files with fact labels, per format and per field.

    python bench/wire_accuracy.py [FOLDER]     (default ../shared/wire-samples)

FOLDER holds files/<format>__<name> and gold/<file>.json, laid out as the wire-samples README defines.
Every file with a label is read through `app.parsers.sniff.parse_items` (the bytes decide the format, as
at the intake: the media type is only the generic type of the file's extension), and each labelled fact
is compared the README's way:

    strings            trimmed, whitespace runs collapsed; entities already decoded by the parser
    accepted           is_story true: parsed; is_story false: refused (a non-story parsed is a "LEAK")
    headline           exact; byline without a leading "By " on both sides
    dateline_place     case-insensitive; first_paragraph_startswith against the first body paragraph
    body_contains      each phrase found in the body's paragraphs joined by spaces
    guid / version     agency_ref / agency_version, as strings
    versioncreated     as an instant, against updated_at, else published_at
    pubstatus, urgency, embargoed (instant), language (primary subtag), agency (case-insensitive)

Files whose is_story is left out (unclear cases) count their facts only when they parse. A parse that
comes back with doubts counts as accepted-and-held: it is shown, since held copy is not published.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import ParseError, UnsupportedFormat  # noqa: E402
from app.parsers.base import ParsedCopy  # noqa: E402
from app.parsers.sniff import media_type_for, parse_items  # noqa: E402

FIELDS = (
    "accepted",
    "headline",
    "byline",
    "dateline_place",
    "first_paragraph_startswith",
    "body_contains",
    "versioncreated",
    "agency",
    "guid",
    "version",
    "pubstatus",
    "urgency",
    "embargoed",
    "language",
)
PREFIX_FORMAT = {"newsmlg2": "newsml-g2", "apmedia-json": "ap-media-json", "ritzau-xml": "ritzau"}
NOT_FOR_PUBLICATION = ("not intended for publication", "nicht zur veröffentlichung", "not for publication")


def collapse(text: object) -> str:
    return " ".join(str(text).split())


def without_by(text: str) -> str:
    text = collapse(text)
    return text[3:] if text.lower().startswith("by ") else text


def instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    facts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: int = 0

    def add(self, name: str, ok: bool, weight: int = 1, right: int | None = None) -> None:
        self.facts[name] += weight
        self.right[name] += (weight if ok else 0) if right is None else right


def story_of(copies: list[ParsedCopy]) -> ParsedCopy:
    """The item the labels describe: the first one (parse_items returns story items in document order)."""
    return copies[0]


class Tallies:
    """One file's facts counted in several tallies at once (all files; files that carry their text)."""

    def __init__(self, *tallies: Tally) -> None:
        self.tallies = tallies

    def add(self, name: str, ok: bool, weight: int = 1) -> None:
        for tally in self.tallies:
            tally.add(name, ok, weight)


def compare(gold: dict[str, Any], copy: ParsedCopy, tally: Tally | Tallies, misses: list[str]) -> None:
    name = gold["file"]

    def check(fact: str, ok: bool, want: object, got: object) -> None:
        tally.add(fact, ok)
        if not ok:
            misses.append(f"  {name} {fact}: expected {short(want)}, got {short(got)}")

    body = [collapse(p) for p in copy.body]
    joined = " ".join(body)
    if "headline" in gold:
        check("headline", collapse(gold["headline"]) == collapse(copy.headline), gold["headline"], copy.headline)
    if "byline" in gold:
        got = without_by(copy.byline or "")
        check("byline", without_by(gold["byline"]) == got, gold["byline"], copy.byline)
    if "dateline_place" in gold:
        place = copy.dateline.place if copy.dateline else None
        check(
            "dateline_place",
            collapse(gold["dateline_place"]).casefold() == collapse(place or "").casefold(),
            gold["dateline_place"],
            copy.dateline,
        )
    if "first_paragraph_startswith" in gold:
        first = body[0] if body else ""
        want = collapse(gold["first_paragraph_startswith"])
        check("first_paragraph_startswith", first.startswith(want), want, first[:70])
    for phrase in gold.get("body_contains", []):
        check("body_contains", collapse(phrase) in joined, phrase, "not in body")
    if "versioncreated" in gold:
        ours = copy.updated_at or copy.published_at
        check("versioncreated", instant(gold["versioncreated"]) == ours, gold["versioncreated"], ours)
    if "agency" in gold:
        check("agency", gold["agency"].casefold() == (copy.agency or "").casefold(), gold["agency"], copy.agency)
    if "guid" in gold:
        check("guid", gold["guid"] == copy.agency_ref, gold["guid"], copy.agency_ref)
    if "version" in gold:
        ours_v = None if copy.agency_version is None else str(copy.agency_version)
        check("version", gold["version"] == ours_v, gold["version"], ours_v)
    if "pubstatus" in gold:
        check("pubstatus", gold["pubstatus"] == copy.pubstatus, gold["pubstatus"], copy.pubstatus)
    if "urgency" in gold:
        check("urgency", gold["urgency"] == copy.urgency, gold["urgency"], copy.urgency)
    if "embargoed" in gold:
        check("embargoed", instant(gold["embargoed"]) == copy.embargoed, gold["embargoed"], copy.embargoed)
    if "language" in gold:
        primary = copy.language.split("-", 1)[0].lower()
        check("language", gold["language"] == primary, gold["language"], copy.language)


def short(value: object, width: int = 100) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


@dataclass
class Measurement:
    tallies: dict[str, Tally]
    misses: list[str]
    notes: list[str]
    leaks: list[str]
    # Labelled stories refused because the file carries no text at all, only links to renditions (an AP
    # Media API feed entry): counted as misses above; `with_text` leaves them out.
    by_reference: list[str]
    with_text: dict[str, Tally]

    def rate(self, fact: str, *, with_text_only: bool = False) -> float:
        tallies = (self.with_text if with_text_only else self.tallies).values()
        facts = sum(t.facts[fact] for t in tallies)
        return 1.0 if not facts else sum(t.right[fact] for t in tallies) / facts


def measure(folder: Path) -> Measurement:
    """Parse every labelled file of `folder` and compare it with its label."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))]
    tallies: dict[str, Tally] = defaultdict(Tally)
    with_text: dict[str, Tally] = defaultdict(Tally)
    by_reference: list[str] = []
    misses: list[str] = []
    notes: list[str] = []
    leaks: list[str] = []
    for gold in golds:
        name = gold["file"]
        fmt = gold.get("format") or PREFIX_FORMAT.get(name.split("__", 1)[0], name.split("__", 1)[0])
        tallies[fmt].files += 1
        tally = Tallies(tallies[fmt], with_text[fmt])
        raw = (folder / "files" / name).read_bytes()
        is_story = gold.get("is_story")
        try:
            copies = parse_items(raw, media_type_for(name))
        except (ParseError, UnsupportedFormat) as exc:
            reason = getattr(exc, "reason", "unsupported")
            outcome = f"refused {exc.status} ({reason}): {exc.detail[:140]}"
            if is_story is True and reason.startswith("no-body: text-by-reference"):
                by_reference.append(name)
                tally = Tallies(tallies[fmt])
            if is_story is True:
                tally.add("accepted", False)
                misses.append(f"  {name} accepted: story {outcome}")
                for fact in FIELDS[1:]:
                    count = len(gold.get("body_contains", [])) if fact == "body_contains" else int(fact in gold)
                    if count:
                        tally.add(fact, False, weight=count)
            elif is_story is False:
                tally.add("accepted", True)
                notes.append(f"  {name}: non-story {outcome}")
            else:
                notes.append(f"  {name}: unlabelled is_story, {outcome}")
            continue
        copy = story_of(copies)
        status = f"pubstatus={copy.pubstatus}" + (f" doubts={copy.doubts}" if copy.doubts else "")
        if is_story is False:
            tally.add("accepted", False)
            leaks.append(f"  {name}: a non-story was parsed as a story ({copy.headline[:60]!r}, {status})")
            continue
        if is_story is True:
            tally.add("accepted", True)
        else:
            notes.append(f"  {name}: unlabelled is_story, parsed ({len(copies)} item(s), {status})")
        if copy.doubts or len(copies) > 1:
            notes.append(f"  {name}: {len(copies)} item(s), {status}, headline_derived={copy.headline_derived}")
        for paragraph in copy.body:
            if any(marker in paragraph.casefold() for marker in NOT_FOR_PUBLICATION):
                leaks.append(f"  {name}: 'not for publication' text in the body: {paragraph[:80]!r}")
        compare(gold, copy, tally, misses)
    return Measurement(dict(tallies), misses, notes, leaks, by_reference, dict(with_text))


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "wire-samples"
    if not list((folder / "gold").glob("*.json")):
        print(f"No labels under {folder}/gold.")
        return 1
    result = measure(folder)
    report(folder, result.tallies, result.misses, result.notes, result.leaks)
    if result.by_reference:
        print(f"\nLabelled stories whose file carries no text (refused, naming its renditions): {result.by_reference}")
        print("Without them: " + ", ".join(f"{f} {100 * result.rate(f, with_text_only=True):.1f}%" for f in FIELDS))
    return 0


def report(folder: Path, tallies: dict[str, Tally], misses: list[str], notes: list[str], leaks: list[str]) -> None:
    formats = sorted(tallies)
    print(f"Wire parsers on {folder} ({sum(t.files for t in tallies.values())} labelled files)\n")
    print(f"  {'format':<15}{'files':>6}" + "".join(f"{f[:10]:>11}" for f in ("accepted", "headline", "body")))
    for fmt in formats:
        t = tallies[fmt]
        cells = "".join(f"{f'{t.right[f]}/{t.facts[f]}':>11}" for f in ("accepted", "headline", "body_contains"))
        print(f"  {fmt:<15}{t.files:>6}{cells}")
    print(f"\n  {'field':<28}" + "".join(f"{f[:10]:>12}" for f in formats) + f"{'all':>16}")
    for fact in FIELDS:
        total_facts = sum(t.facts[fact] for t in tallies.values())
        if not total_facts:
            continue
        right = sum(t.right[fact] for t in tallies.values())
        row = "".join(
            f"{(f'{t.right[fact]}/{t.facts[fact]}' if t.facts[fact] else '-'):>12}"
            for t in (tallies[f] for f in formats)
        )
        print(f"  {fact:<28}{row}{f'{right}/{total_facts} {100 * right / total_facts:5.1f}%':>16}")
    print("\nMisses (file, fact: expected vs got):")
    print("\n".join(misses) if misses else "  none")
    print("\nNon-stories published or 'not for publication' text in a body:")
    print("\n".join(leaks) if leaks else "  none")
    print("\nOther outcomes (refusals of non-stories and of unlabelled files, multi-item files, doubts):")
    print("\n".join(notes) if notes else "  none")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
