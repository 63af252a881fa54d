"""Which agencies a key speaks for, and the rules that follow: copy, stories and quarantine of other
agencies are not its to send, change or see.

`allowed` below is a key's agency list as `keys.sending_agencies` gives it: None means any agency (no key,
as for the command line and seeds, or a key bound to none), a tuple the only agencies it may speak for.
"""

from __future__ import annotations

from collections.abc import Collection

from app.articles.normalise import canonical_agency
from app.auth.models import ApiKey
from app.errors import AgencyMismatch
from app.parsers.base import ParsedCopy

AMBIGUOUS = "agency-ambiguous"


def agencies_visible_to(key: ApiKey) -> frozenset[str] | None:
    """The agencies whose stories, quarantine and review queue an admin key sees and acts on; None for a
    global admin (an admin key bound to no agency), who sees everything."""
    return frozenset(key.agencies) if key.agencies else None


def may_act_on(visible: Collection[str] | None, agency: str | None) -> bool:
    """True when a key that sees `visible` (None: everything) may see or act on something of `agency`."""
    return visible is None or (agency is not None and agency in visible)


def bind_copy_to_key(
    copy: ParsedCopy, allowed: tuple[str, ...] | None, key_id: str | None
) -> tuple[ParsedCopy, str | None]:
    """Check the agency the copy names against the sending key's; return the copy (with a doubt when the
    agency is a guess) and the agency to assume when the copy names none.

    Raises AgencyMismatch when the copy names an agency the key does not speak for.
    """
    if allowed is None:
        return copy, None
    who = f"key {key_id}" if key_id else "the sending key"
    if copy.agency is not None:
        named = canonical_agency(copy.agency)
        # Known agencies have one spelling; others are matched case-blind and take the key's spelling, so one
        # agency's stories never split into two identities ("Xinhua" / "XINHUA").
        match = next((a for a in allowed if a.casefold() == named.casefold()), None)
        if match is None:
            raise AgencyMismatch(
                f"The copy names {named} as its agency, but {who} sends only for {', '.join(allowed) or 'no agency'}; "
                "it was kept for operators and nothing was published or changed.",
                agency=named,
            )
        return (copy if copy.agency == match else copy.model_copy(update={"agency": match})), match
    if len(allowed) == 1:
        return copy, allowed[0]
    if not allowed:
        raise AgencyMismatch(f"{who.capitalize()} no longer exists, so the copy speaks for no agency.")
    doubt = (
        f"{AMBIGUOUS}: the copy names no agency and {who} sends for {', '.join(allowed)}; "
        f"assumed {allowed[0]} — a person must confirm"
    )
    return copy.model_copy(update={"doubts": [*copy.doubts, doubt]}), allowed[0]


def ensure_story_agency(
    story_agency: str, allowed: tuple[str, ...] | None, article_id: str, key_id: str | None
) -> None:
    """An update, correction, kill or duplicate lands on an existing story only when the key speaks for its
    agency; otherwise AgencyMismatch (the caller rolls its transaction back and quarantines the copy)."""
    if allowed is None or story_agency in allowed:
        return
    who = f"key {key_id}" if key_id else "the sending key"
    raise AgencyMismatch(
        f"The copy matches article {article_id!r} of {story_agency}, but {who} sends only for "
        f"{', '.join(allowed) or 'no agency'}; it was kept for operators and the story was not changed.",
        agency=story_agency,
    )
