"""Take the story paragraphs and the agency sign-off from the lines that follow the story's start."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from app.parsers.text import chrome
from app.parsers.text.agencies import AGENCIES, TAG_PATTERN, AgencyProfile, agencies_mentioned, agency_for_tag
from app.parsers.text.datelines import tagged_dateline
from app.parsers.text.lines import Line
from app.parsers.text.timestamps import find_stamps, is_time_line

# Desk initials joined by slashes, each code possibly hyphenated with its bureau (AFP "bur-gkg/sbk").
_DESK_CODE = r"[\w\u0900-\u097f]{1,8}(?:-[\w\u0900-\u097f]{1,8}){0,3}"
_DESK_CODES = rf"{_DESK_CODE}(?:/{_DESK_CODE}){{1,6}}"
# A copyright holder's name: up to three words, none starting with a digit.
_HOLDER = r"[^\W\d_][\w.&\-]*(?: [^\W\d_][\w.&\-]*){0,2}"


@dataclass(frozen=True)
class SignoffRule:
    """A sign-off: its first line, what may follow it on the next lines, and the agency it names."""

    name: str
    opener: re.Pattern[str]
    continuation: re.Pattern[str] | None
    agency: str | None  # canonical agency the sign-off proves, if any
    same_block_only: bool = True
    # A last line in the same block that may close the sign-off: PTI/UNI repeat a desk code on its own line
    # ("PTI DRR HVA" / "HVA").
    tail: re.Pattern[str] | None = None


# One to three upper-case desk codes alone on a line (Latin or Devanagari).
_DESK_TAIL = re.compile(r"^(?:[A-Z]{2,5}|[\u0900-\u097f]{2,12})(?: (?:[A-Z]{2,5}|[\u0900-\u097f]{2,12})){0,2}$")


def _agency_rules() -> list[SignoffRule]:
    rules = []
    for agency in AGENCIES:
        for pattern in agency.signoffs:
            rules.append(
                SignoffRule(
                    name=f"{agency.name.lower()}-signoff",
                    opener=re.compile(rf"^{pattern}$"),
                    # Desk codes, or codes the feed cut off after a slash ("एबीएस/").
                    continuation=re.compile(rf"^(?:{_DESK_CODES}|{_DESK_CODE}(?:/{_DESK_CODE}){{0,5}}/)$"),
                    agency=agency.name,
                    same_block_only=False,
                    tail=_DESK_TAIL,
                )
            )
    return rules


SIGNOFF_RULES: tuple[SignoffRule, ...] = (
    *_agency_rules(),
    # "(ANI)", "(ANI/Xinhua)" on a line of its own.
    # "(KNA, DR)": the tag and the editor's initials after a comma.
    SignoffRule("bracketed-tag", re.compile(rf"^\((?:{TAG_PATTERN})(?:(?:/|,\s?)[^\s()]{{1,20}})?\)$"), None, None),
    # Reuters credits: "(Reporting by ...; Editing by ...)", "(Additional reporting by ...)".
    SignoffRule(
        "reporting-credit",
        re.compile(
            r"^\((?:additional |further )?(?:reporting|writing|editing|compiled|compiling|research|"
            r"produced|graphics?|translated)\b[^()]*(?:\([^()]*\)[^()]*)*\)?$",
            re.IGNORECASE,
        ),
        re.compile(r"^\((?:additional |further )?(?:reporting|writing|editing|compiled)\b.*\)$", re.IGNORECASE),
        "Reuters",
        same_block_only=False,  # "(Reporting by ...)" and "(Additional reporting by ...)" may sit in two blocks
    ),
    # The same credits with the brackets dropped by a site: "Reporting by ...; Editing by ...". Needs two credits.
    SignoffRule(
        "bare-reporting-credit",
        re.compile(
            r"^(?:additional )?(?:reporting|writing|editing|compiled) by [^()]{2,200}?"
            r"(?:;\s*(?:additional reporting|reporting|writing|editing|compiled|graphics) by [^();]{2,200}){1,4}\.?$",
            re.IGNORECASE,
        ),
        None,
        "Reuters",
    ),
    # AFP and IANS desk initials alone: "cm/mel/dw", AFP's with bureau hyphens "bur-gkg/sbk".
    SignoffRule("desk-initials", re.compile(rf"^{_DESK_CODES}$"), None, None),
    # A copyright credit closing the story: "(©NTB)", "(© dpa)", "(c) AFP". The holder is a name, never a
    # year, so a site's "© 2024 ..." footer stays page chrome.
    SignoffRule(
        "copyright-credit", re.compile(rf"^(?:\(\s*©\s*{_HOLDER}\s*\)|(?:©|\([cC]\))\s*{_HOLDER})$"), None, None
    ),
    # AP: a rule line, then contributor credits in the same block.
    SignoffRule("rule-and-credits", re.compile(r"^_{3,}$"), re.compile(r"^.+$"), None),
    # A credit line closing the story without the rule: "Associated Press writers X and Y contributed to this
    # report.", "The Associated Press contributed to this report.", "With Post wires", "(Con información de AFP, EFE
    # y Reuters)". It credits the one agency it names, if it names only one.
    SignoffRule(
        "contributor-credit",
        re.compile(
            r"^(?:.{0,200}\bcontributed(?: reporting)? to this (?:report|story)\.?|"
            r"\(?(?:with|con|avec|mit) (?:información|informations|material|inputs?|reporting|wires?|[\w.]+ wires)\b"
            r"[^()]{0,80}\)?\.?)$",
            re.IGNORECASE,
        ),
        None,
        None,
    ),
    # The agency's name alone on the line after the last paragraph: "AFP", "dpa", "EFE".
    SignoffRule("bare-tag", re.compile(rf"^(?:{TAG_PATTERN})$"), None, None),
)

# An agency tag glued to the end of the last paragraph: "... defence clause. (ANI)".
GLUED_TAG = re.compile(rf"(?:\s+|(?<=[.!?\"”’]))\((?P<tag>(?:{TAG_PATTERN})(?:/[^\s()]{{1,20}})?)\)$")


@dataclass(frozen=True)
class Body:
    paragraphs: list[str]
    signoff: str | None
    signoff_agency: AgencyProfile | None
    end: int  # index of the first line after the story (and its sign-off)
    # Lines inside the story (above its last paragraph) left out by no named rule: each one is a doubt, since a
    # line the rules cannot explain may be story text (a paragraph without a full stop, a lead's second line).
    unexplained: tuple[str, ...] = ()
    # Doubts about lines kept in the body: a crosshead that may be a related title, a paragraph without a full stop.
    unsure: tuple[str, ...] = ()
    # Lines left out by a named rule, as (rule, line): the accounting of what the body does not hold.
    removed: tuple[tuple[str, str], ...] = ()


def _signoff_alternation(agency: AgencyProfile) -> str:
    """The agency's sign-off as printed at the end of a paragraph: its sign-off patterns, or its bare tag."""
    return "|".join([*agency.signoffs, *(re.escape(tag) for tag in agency.tags)])


# An agency sign-off glued after the last sentence of the story: "... in the city. PTI", "... said. PTI ABC XYZ".
GLUED_SIGNOFF = re.compile(
    r"^(?P<text>.*\S[.!?\"”’])\s+(?P<signoff>" + "|".join(f"(?:{_signoff_alternation(a)})" for a in AGENCIES) + ")$"
)
# A line as long as this after the last paragraph, left out by no rule, may be a last paragraph without a full stop.
MIN_LOST_PARAGRAPH_WORDS = 12
# A heading: words and a little punctuation, nothing of a header, code or address ("Set-Cookie: a=b" is not one).
_HEADING = re.compile(r"[\w\s'’‘\"“”,\-–—!?&.()«»\u0900-\u0dff]+")


def _is_heading(lines: list[Line], i: int) -> bool:
    """A heading the site put between paragraphs: a few words, alone in its block, of heading characters only."""
    line = lines[i]
    alone = (i == 0 or lines[i - 1].block != line.block) and (i + 1 >= len(lines) or lines[i + 1].block != line.block)
    letters = any(c.isalpha() for c in line.text)
    return (
        alone and letters and len(line.text.split()) <= MAX_SITE_HEADING_WORDS and bool(_HEADING.fullmatch(line.text))
    )


# A credit on a line of its own: agency or picture-service names only ("EFE EFE", "AFP"), or a credit label
# ("Cortesía", "Foto: Name", "Photo by Name on Unsplash").
_CREDIT_ONLY = re.compile(
    rf"^(?:(?:{TAG_PATTERN}|Getty Images|EPA|Reuters)\s*){{1,3}}$|"
    r"^(?:cortesía|courtesy|foto|fotos|photo|photos|bild|imagen|crédito|credit)\b\s*:?.{0,60}$|"
    r".{0,80}\b(?:photo|foto) (?:by|von|de|par) .{1,60}$",
    re.IGNORECASE,
)


def _framed_chrome(text: str) -> bool:
    """Chrome set inside dashes or bullets: "- Advertisement -", "• Share this story •"."""
    inner = text.strip(" -–—•·|")
    return (
        inner != text
        and bool(inner)
        and (chrome.is_inline_chrome(inner) or chrome.is_prompt(inner) or chrome.is_interface(inner))
    )


def _credit_shaped(text: str) -> bool:
    return bool(_CREDIT_ONLY.match(text)) or chrome.has_picture_credit(text) or chrome.is_caption(text)


def removal_doubts(body: Body) -> list[str]:
    """One named doubt per line inside the story that no rule explains leaving out."""
    return [*body.unsure, *(f"unexplained-removal: {text[:80]!r}" for text in body.unexplained)]


def match_signoff(line: str) -> SignoffRule | None:
    for rule in SIGNOFF_RULES:
        if rule.opener.match(line):
            return rule
    return None


# A hard-wrapped paragraph: lines at least this long that run on without a sentence end.
WRAP_MIN_CHARS = 40


def wrapped_paragraph_end(lines: list[Line], i: int) -> int | None:
    """Index of the last line of a paragraph hard-wrapped over lines[i:], or None if lines[i] is not one."""
    first = lines[i]
    if len(first.text) < WRAP_MIN_CHARS or len(first.text.split()) < 6:
        return None
    j = i
    while j + 1 < len(lines) and lines[j + 1].block == first.block and len(lines[j].text) >= WRAP_MIN_CHARS:
        j += 1
        following = lines[j].text
        if chrome.is_inline_chrome(following) or chrome.LIST_HEADING.match(following) or tagged_dateline(following):
            return None
        if following.endswith(chrome.SENTENCE_END):  # the closing line may be a word or two ("full sugarcane.")
            return j
    return None


CROSSHEAD_AGENCIES = frozenset({"AFP"})
_WORDS = re.compile(r"[\w\u0900-\u0dff]+")
# Agencies whose copy never carries crossheads: a short heading between their paragraphs is the site's own.
NO_CROSSHEAD_AGENCIES = frozenset({"PTI", "IANS", "ANI", "UNI"})
# A heading is a few words; a longer line without a full stop may be a paragraph that lost it.
MAX_SITE_HEADING_WORDS = 10
# A caption is a sentence or two; a longer paragraph above a picture credit is story text.
MAX_CAPTION_WORDS = 60
# A writer's name alone on a line: one to three words of letters (Latin or Devanagari), no sentence end.
_NAME_ONLY = re.compile(r"^(?:[^\W\d_][\w.'’\-]*|[\u0900-\u097f]+)(?: (?:[^\W\d_][\w.'’\-]*|[\u0900-\u097f]+)){0,2}$")


def _name_above_bare_tag(lines: list[Line], i: int, paragraphs: list[str]) -> str | None:
    """The writer's name printed above a sign-off that is the agency tag alone ("सूरज सिन्हा" / "वार्ता")."""
    if i == 0 or agency_for_tag(lines[i].text) is None:
        return None
    above = lines[i - 1].text
    if paragraphs and above == paragraphs[-1]:
        return None
    if _NAME_ONLY.match(above) and not above.endswith(chrome.SENTENCE_END) and agency_for_tag(above) is None:
        return above
    return None


def _story_goes_on(lines: list[Line], i: int) -> bool:
    """Whether the next line after lines[i] is another story paragraph (prose that is neither chrome nor sign-off)."""
    if i + 1 >= len(lines):
        return False
    following = lines[i + 1].text
    return (
        chrome.is_prose(following)
        and len(following.split()) >= 6
        and match_signoff(following) is None
        and not chrome.is_page_end(following)
        and not chrome.is_inline_chrome(following)
    )


def _hard_wrapped_on(lines: list[Line], i: int) -> int | None:
    """The last line of a hard-wrapped paragraph whose first line happens to end like a sentence ('... Bengal,"')
    but runs on: the next line of the block starts in lower case ('she said.')."""
    j = i
    while (
        j + 1 < len(lines)
        and lines[j + 1].block == lines[i].block
        and len(lines[j].text) >= WRAP_MIN_CHARS
        and (lines[j + 1].text[:1].islower() or not lines[j].text.endswith(chrome.SENTENCE_END))
    ):
        following = lines[j + 1].text
        if (
            chrome.is_inline_chrome(following)
            or tagged_dateline(following)
            or match_signoff(following)
            or chrome.LIST_ITEM.match(following)
        ):
            break
        j += 1
    if j == i or not lines[i + 1].text[:1].islower() or not lines[j].text.endswith(chrome.SENTENCE_END):
        return None
    return j


def extract_body(
    lines: list[Line], start: int, default_offset: timedelta, source: str = "", stop: int | None = None
) -> Body:
    """Story paragraphs from lines[start:]; `source` is the decoded copy that hard-wrapped paragraphs are cut from.
    With `stop` (the end of the page's main text), the story ends there: only a sign-off may follow."""
    paragraphs: list[str] = []
    skip_block: int | None = None
    embeds = _embedded_posts(lines, start)
    story_texts = [ln.text for ln in lines[start:]]
    opening = tagged_dateline(lines[start].text) if start < len(lines) else None
    # Dash-framed crossheads are AFP's convention; in other copy such a line is the site's.
    crossheads = opening is not None and opening.agency is not None and opening.agency.name in CROSSHEAD_AGENCIES
    no_crossheads = opening is not None and opening.agency is not None and opening.agency.name in NO_CROSSHEAD_AGENCIES
    in_list = False  # the last paragraph opened a list ("... are:") or was an item of one
    removed: list[tuple[int, str, str]] = []  # (line index, rule, line) of every line left out
    listed = {start + k for k in chrome.listed_lines([ln.text for ln in lines[start:]])}
    kept_through = start - 1  # the last line that went into a paragraph

    unsure: list[str] = []  # doubts about lines kept

    def account(body: Body) -> Body:
        # Inside the story, and the line right after its last paragraph when it is as long as a paragraph (a last
        # paragraph that lost its full stop).
        inside = [
            (index, name, text)
            for index, name, text in removed
            if index < kept_through or (index == kept_through + 1 and len(text.split()) >= MIN_LOST_PARAGRAPH_WORDS)
        ]
        return replace(
            body,
            unsure=tuple(unsure),
            unexplained=tuple(text for _, name, text in inside if name == "unexplained"),
            removed=tuple((name, text) for _, name, text in inside),
        )

    i = start
    while i < len(lines):
        line = lines[i]
        text = line.text
        if skip_block is not None and line.block == skip_block:
            removed.append((i, "list", text))
            i += 1
            continue
        skip_block = None
        if line.index in embeds:
            removed.append((i, "embedded-post", text))
            i += 1
            continue  # a social post the site embedded between paragraphs
        rule = match_signoff(text) if paragraphs else None
        if rule is not None and rule.name == "bare-tag" and _story_goes_on(lines, i):
            rule = None  # an agency's name between paragraphs credits a picture; the story goes on
        if stop is not None and i >= stop and rule is None:
            break  # past the main text, and no sign-off
        if rule is not None and rule.name == "rule-and-credits" and _section_rule(lines, i):
            removed.append((i, "section-rule", text))
            i += 1
            continue  # AP's rule between two sections of the story
        if rule is not None and rule.name == "rule-and-credits" and not _credit_follows(lines, i):
            break  # a rule above the agency's coverage footer (or nothing): the story ended, no sign-off
        if rule is not None:
            body = _with_signoff(lines, i, rule, paragraphs)
            lead = _name_above_bare_tag(lines, i, paragraphs)
            if lead is not None and body.signoff is not None:
                body = Body(body.paragraphs, f"{lead}\n{body.signoff}", body.signoff_agency, body.end)
            return account(body)
        if (
            chrome.PICTURE_CREDIT_LINE.match(text)
            and paragraphs
            and kept_through == i - 1
            and len(paragraphs[-1].split()) <= MAX_CAPTION_WORDS
            and _story_goes_on(lines, i)
        ):
            # "Name, AP" under a paragraph: a picture credit, and the paragraph above it is the picture's caption.
            removed.append((i - 1, "caption", paragraphs.pop()))
            removed.append((i, "picture-credit", text))
            i += 1
            continue
        if i + 1 < len(lines) and chrome.is_author_bio(text, lines[i + 1].text):
            break  # the writer's box below the story
        if (
            in_list
            and chrome.LIST_ITEM.match(text)
            and len(text.split()) <= 40
            and not chrome.is_inline_chrome(text)
            and not chrome.is_prompt(text)
        ):
            paragraphs.append(text)  # an item of a list in the agency's copy, sentence end or not
            kept_through = i
            i += 1
            continue
        in_list = False
        if chrome.is_prompt(text) and not chrome.is_prose(text):
            removed.append((i, "prompt", text))
            i += 1
            continue
        if chrome.is_page_end(text):
            if stop is not None and i < stop and not chrome.is_disclaimer(text):
                # Inside the page's main text: the story goes on below it; left out, and the story held to decide.
                removed.append((i, "footer-inside-story", text))
                unsure.append(f"footer-inside-story: {text[:80]!r}")
                i += 1
                continue
            break
        if find_stamps(text, default_offset) and (not chrome.is_prose(text) or is_time_line(text, default_offset)):
            if stop is not None and i < stop:
                removed.append((i, "time-line", text))
                i += 1
                continue  # a credit-and-time line inside the page's main text (printed above or between paragraphs)
            break  # the page's own time line below the story
        if chrome.LIST_HEADING.match(text) and not chrome.is_prose(text):
            removed.append((i, "list-heading", text))
            skip_block = line.block
            i += 1
            continue
        if chrome.ALSO_READ.match(text) and len(_WORDS.findall(text)) <= 3 and i + 1 < len(lines):
            step = 2 if not chrome.is_prose(lines[i + 1].text) or len(lines[i + 1].text.split()) <= 25 else 1
            removed.extend((i + k, "also-read", lines[i + k].text) for k in range(step))
            i += step
            continue  # an "Also Read" heading and the one title it links
        if chrome.is_inline_chrome(text) or chrome.is_prompt(text):
            removed.append((i, "inline-chrome", text))
            i += 1
            continue
        if (
            paragraphs
            and crossheads
            and chrome.is_agency_crosshead(text)
            and i + 1 < len(lines)
            and chrome.is_prose(lines[i + 1].text)
        ):
            paragraphs.append(text)  # the agency's own crosshead; the story goes on under it
            kept_through = i
            i += 1
            continue
        glued = GLUED_SIGNOFF.match(text) if paragraphs and not chrome.is_prose(text) else None
        if glued is not None:
            # "... in the city. PTI": the agency's sign-off glued to its last paragraph; the story ends here.
            paragraphs.append(glued.group("text"))
            kept_through = i
            signoff = glued.group("signoff")
            removed.append((i, "glued-signoff", signoff))
            agency = next((a for a in AGENCIES if re.fullmatch(_signoff_alternation(a), signoff)), None)
            return account(Body(paragraphs, signoff, agency, i + 1))
        if not chrome.is_prose(text):
            last = wrapped_paragraph_end(lines, i) if source else None
            if last is not None:
                paragraphs.append(source[line.start : lines[last].end])
                kept_through = last
                i = last + 1
                continue
            site_heading = no_crossheads and _is_heading(lines, i)
            between = i not in listed and kept_through == i - 1 and _story_goes_on(lines, i)
            if (
                between
                and not site_heading
                and _is_heading(lines, i)
                and not _credit_shaped(text)
                and not _framed_chrome(text)
            ):
                # A crosshead of the story, or the site's related title: kept, and the story held to decide.
                paragraphs.append(text)
                kept_through = i
                unsure.append(f"crosshead-unsure: {text[:80]!r}")
                i += 1
                continue
            if between and len(text.split()) >= MIN_LOST_PARAGRAPH_WORDS and not _credit_shaped(text):
                # A paragraph that lost its full stop, or a caption without a credit: kept, and held to decide.
                paragraphs.append(text)
                kept_through = i
                unsure.append(f"paragraph-without-full-stop: {text[:80]!r}")
                i += 1
                continue
            if not any(c.isalpha() for c in text):
                name = "no-letters"  # an id, a counter or a rule: no words, so no story text
            elif _credit_shaped(text):
                name = "picture-credit"
            elif _framed_chrome(text):
                name = "inline-chrome"
            else:
                name = "list" if i in listed else "site-heading" if site_heading else "unexplained"
            removed.append((i, name, text))
            i += 1
            continue
        last = _hard_wrapped_on(lines, i) if source else None
        if last is not None:
            paragraphs.append(source[line.start : lines[last].end])
            kept_through = last
            in_list = False
            i = last + 1
            continue
        if chrome.CAPTION_AGENCY_PAREN.search(text) and len(text.split()) <= 40 and _story_goes_on(lines, i):
            removed.append((i, "caption", text))
            i += 1
            continue  # a caption credited "(Reuters)" between paragraphs
        if chrome.PULL_QUOTE.match(text) and chrome.is_pull_quote(text, story_texts):
            removed.append((i, "pull-quote", text))
            i += 1
            continue  # a quote from the story printed again as a pull quote
        paragraphs.append(text)
        kept_through = i
        in_list = text.endswith(":")
        i += 1
    return account(_glued_signoff(paragraphs, i))


# A contributor credit after AP's rule line: "Associated Press writer X contributed to this report."
CONTRIBUTOR_CREDIT = re.compile(
    r"\bcontributed(?: reporting)? to this (?:report|story)\b|^(?:The )?Associated Press (?:writers?|reporters?)\b",
    re.IGNORECASE,
)


def _section_rule(lines: list[Line], i: int) -> bool:
    """A '___' rule with more story under it (its own block, then a story paragraph that is no credit or footer)."""
    if i + 1 >= len(lines) or lines[i + 1].block == lines[i].block:
        return False
    following = lines[i + 1].text
    return (
        chrome.is_prose(following)
        and len(following.split()) >= 8
        and not CONTRIBUTOR_CREDIT.search(following)
        and not chrome.is_page_end(following)
        and match_signoff(following) is None
    )


def _credit_follows(lines: list[Line], i: int) -> bool:
    """Whether a credit (not the agency's coverage footer or the page's end) follows the rule line at i."""
    if i + 1 >= len(lines):
        return False
    following = lines[i + 1].text
    return bool(CONTRIBUTOR_CREDIT.search(following)) or not chrome.is_page_end(following)


# An embedded post is its text (a line or a few), its link and its attribution; a longer block is story text that
# runs into the embed without a blank line, so only the embed's own lines are dropped from it.
MAX_EMBED_BLOCK_LINES = 6


def _embedded_posts(lines: list[Line], start: int) -> set[int]:
    """Indices of the lines of social posts the site embedded between the story's paragraphs."""
    marked = [ln for ln in lines[start + 1 :] if chrome.EMBED_MARKER.search(ln.text)]
    found: set[int] = set()
    for marker in marked:
        block = [ln for ln in lines if ln.block == marker.block]
        if len(block) <= MAX_EMBED_BLOCK_LINES and marker.block != lines[start].block:
            found.update(ln.index for ln in block)
        else:
            found.add(marker.index)
            above = lines[marker.index - 1]
            if above.block == marker.block and above.index > start and not chrome.EMBED_MARKER.search(above.text):
                found.add(above.index)  # the post's text, right above its link or attribution
    return found


MAX_WRAPPED_CREDIT_LINES = 3


def _with_signoff(lines: list[Line], i: int, rule: SignoffRule, paragraphs: list[str]) -> Body:
    parts = [lines[i].text]
    j = i + 1
    while (
        rule.continuation is not None
        and j < len(lines)
        and (not rule.same_block_only or lines[j].block == lines[i].block)
        and rule.continuation.match(lines[j].text)
        and not chrome.is_page_end(lines[j].text)
    ):
        parts.append(lines[j].text)
        j += 1
    if rule.name == "rule-and-credits" and j == i + 1 and j < len(lines) and CONTRIBUTOR_CREDIT.search(lines[j].text):
        parts.append(lines[j].text)  # the credit printed in its own block under the rule
        j += 1
    # A credit wrapped over lines: "(Reporting by ...;" / "Editing by ...)" in one block.
    if lines[i].text.count("(") > lines[i].text.count(")"):
        while j < len(lines) and j - i <= MAX_WRAPPED_CREDIT_LINES and lines[j].block == lines[i].block:
            parts.append(lines[j].text)
            j += 1
            if parts[-1].endswith(")"):
                break
    if (
        rule.tail is not None
        and j < len(lines)
        and lines[j].block == lines[j - 1].block
        and rule.tail.match(lines[j].text)
        and not chrome.END_MARKER.match(lines[j].text)
        and (j + 1 == len(lines) or lines[j + 1].block != lines[j].block)
    ):
        parts.append(lines[j].text)
        j += 1
    agency = None
    if rule.agency is not None:
        agency = next((a for a in AGENCIES if a.name == rule.agency), None)
    elif rule.name in ("bracketed-tag", "bare-tag"):
        agency = agency_for_tag(re.split(r"[/,]", lines[i].text.strip("()"))[0])
    elif rule.name in ("contributor-credit", "rule-and-credits"):
        named = agencies_mentioned("\n".join(parts))
        agency = next((a for a in AGENCIES if a.name in named), None) if len(named) == 1 else None
    return Body(paragraphs=paragraphs, signoff="\n".join(parts), signoff_agency=agency, end=j)


def _glued_signoff(paragraphs: list[str], end: int) -> Body:
    if paragraphs:
        match = GLUED_TAG.search(paragraphs[-1])
        if match is not None and match.start() > 0:
            paragraphs = [*paragraphs[:-1], paragraphs[-1][: match.start()].rstrip()]
            tag = match.group("tag")
            return Body(paragraphs=paragraphs, signoff=f"({tag})", signoff_agency=agency_for_tag(tag), end=end)
    return Body(paragraphs=paragraphs, signoff=None, signoff_agency=None, end=end)
