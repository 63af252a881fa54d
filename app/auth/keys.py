"""API keys: minting, hashing, lookup, expiry, revocation. A key is shown once; only its SHA-256 is stored.

A key reads `wf_<id>_<secret>`: the id finds the row, the secret is checked against the stored hash
in constant time. Secrets are 32 random bytes, so a fast hash is enough (there is nothing to brute-force).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.articles.normalise import canonical_agency
from app.auth.models import ApiKey, ApiKeyAgency
from app.db import utcnow
from app.errors import InvalidRequest, NotFound, Unauthorized

SCOPES = ("ingest", "admin", "read")
_PREFIX = "wf_"
_SHOWN_SECRET_CHARS = 4
# last_used_at is written at most this often per key: a busy key costs one UPDATE a minute, not one a request.
LAST_USED_RESOLUTION = timedelta(minutes=1)
_RELATIVE_EXPIRY = re.compile(r"^(\d{1,5})([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
KeyState = Literal["active", "revoked", "expired"]


@dataclass(frozen=True)
class MintedKey:
    row: ApiKey
    token: str


def hash_secret(secret: str) -> str:
    return "sha256:" + hashlib.sha256(secret.encode("utf-8")).hexdigest()


def canonical_agencies(names: Iterable[str]) -> tuple[str, ...]:
    """Agency names as keys store them: canonical spelling, each once, sorted."""
    chosen: set[str] = set()
    for name in names:
        name = name.strip()
        if not 0 < len(name) <= 40:
            raise InvalidRequest("An agency name is 1 to 40 characters, e.g. IANS or Reuters.")
        chosen.add(canonical_agency(name))
    return tuple(sorted(chosen))


def parse_expiry(text: str, now: datetime | None = None) -> datetime:
    """`30d`, `12h`, `2w` from now; or an ISO date (the key stops working at 00:00 UTC that day) or datetime."""
    now = now or utcnow()
    text = text.strip()
    relative = _RELATIVE_EXPIRY.match(text)
    if relative:
        amount, unit = relative.groups()
        return now + timedelta(**{_UNITS[unit]: int(amount)})
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidRequest(f"Expiry {text!r} is neither a span (30d, 12h, 2w) nor an ISO date.") from exc
    if moment.tzinfo is None:
        raise InvalidRequest(f"Expiry {text!r} needs an offset or Z (e.g. 2027-01-31T00:00:00Z).")
    return moment.astimezone(UTC)


def require_binding(scopes: Sequence[str], agencies: Sequence[str], *, any_agency: bool) -> None:
    """An ingest key speaks for named agencies; one that may send any agency's copy is asked for explicitly
    (`--any-agency`), so forgetting `--agency` never mints a key that can publish as everyone."""
    if "ingest" in scopes and not agencies and not any_agency:
        raise InvalidRequest(
            "An ingest key needs the agency (or agencies) it sends for, e.g. --agency PTI; "
            'a key that may send any agency\'s copy needs --any-agency (JSON: "any_agency": true).'
        )
    if agencies and any_agency:
        raise InvalidRequest("Name agencies or ask for any agency, not both.")


def create_key(
    session: Session,
    *,
    scopes: Sequence[str],
    agency: str | None = None,
    agencies: Iterable[str] = (),
    label: str | None = None,
    expires_at: datetime | None = None,
) -> MintedKey:
    """A new key. `agency` and `agencies` together name what it speaks for (none: any agency / global admin)."""
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise InvalidRequest(f"Unknown or missing scopes {unknown}; choose from {', '.join(SCOPES)}.")
    bound = canonical_agencies([*([agency] if agency else []), *agencies])
    now = utcnow()
    if expires_at is not None and expires_at <= now:
        raise InvalidRequest(f"The expiry {expires_at.isoformat()} is already past.")
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    row = ApiKey(
        id=key_id,
        prefix=f"{_PREFIX}{key_id}_{secret[:_SHOWN_SECRET_CHARS]}",
        secret_hash=hash_secret(secret),
        scopes=sorted(set(scopes)),
        label=label,
        created_at=now,
        expires_at=expires_at,
        agency_rows=[ApiKeyAgency(agency=name) for name in bound],
    )
    session.add(row)
    session.flush()
    return MintedKey(row=row, token=f"{_PREFIX}{key_id}_{secret}")


def verify_token(session: Session, token: str, now: datetime | None = None) -> ApiKey:
    """The live key the token names, or Unauthorized saying why (unknown and revoked are not told apart)."""
    unknown = Unauthorized("The API key is unknown or revoked.")
    if not token.startswith(_PREFIX):
        raise unknown
    key_id, _, secret = token[len(_PREFIX) :].partition("_")
    if not key_id or not secret or len(key_id) > 32:
        raise unknown
    row = session.scalars(select(ApiKey).where(ApiKey.id == key_id)).one_or_none()
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.secret_hash, hash_secret(secret)):
        raise unknown
    if row.expires_at is not None and row.expires_at <= (now or utcnow()):
        raise Unauthorized(f"The API key {row.id} expired at {row.expires_at.isoformat()}; ask for a new one.")
    return row


def authenticate(session: Session, token: str) -> ApiKey | None:
    """The live key the token names, or None."""
    try:
        return verify_token(session, token)
    except Unauthorized:
        return None


def needs_touch(key: ApiKey, now: datetime) -> bool:
    return key.last_used_at is None or now - key.last_used_at >= LAST_USED_RESOLUTION


def touch_last_used(session: Session, key_pk: int, now: datetime) -> None:
    """Record a use, unless one was recorded within the last minute (by this or another worker)."""
    stale = now - LAST_USED_RESOLUTION
    session.execute(
        update(ApiKey)
        .where(ApiKey.pk == key_pk, or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at <= stale))
        .values(last_used_at=now)
        .execution_options(synchronize_session=False)
    )


def key_state(key: ApiKey, now: datetime | None = None) -> KeyState:
    """'active', 'revoked' or 'expired'."""
    if key.revoked_at is not None:
        return "revoked"
    if key.expires_at is not None and key.expires_at <= (now or utcnow()):
        return "expired"
    return "active"


def sending_agencies(key: ApiKey) -> tuple[str, ...] | None:
    """What copy from this key may be: its agencies, or None (any agency) for a key bound to none."""
    return key.agencies or None


def agencies_of_key(session: Session, key_id: str | None) -> tuple[str, ...] | None:
    """`sending_agencies` of a key by id (revoked or not: its past copy stays its own). None without a key
    (command line, seeds); an empty tuple — no agency at all — for a key id that no longer exists."""
    if key_id is None:
        return None
    row = session.scalars(select(ApiKey).where(ApiKey.id == key_id)).one_or_none()
    return () if row is None else sending_agencies(row)


def agency_of_key(session: Session, key_id: str | None) -> str | None:
    """The key's agency when it has exactly one."""
    agencies = agencies_of_key(session, key_id)
    return agencies[0] if agencies and len(agencies) == 1 else None


def list_keys(session: Session) -> Sequence[ApiKey]:
    return session.scalars(select(ApiKey).order_by(ApiKey.pk)).all()


def get_key(session: Session, key_id: str) -> ApiKey:
    row = session.scalars(select(ApiKey).where(ApiKey.id == key_id)).one_or_none()
    if row is None:
        raise NotFound(f"No API key with id {key_id!r}.")
    return row


def revoke_key(session: Session, key_id: str) -> ApiKey:
    row = get_key(session, key_id)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    session.flush()
    return row
