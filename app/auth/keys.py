"""API keys: minting, hashing, lookup. A key is shown once; only its SHA-256 is stored.

A key reads `wf_<id>_<secret>`: the id finds the row, the secret is checked against the stored hash
in constant time. Secrets are 32 random bytes, so a fast hash is enough (there is nothing to brute-force).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.articles.normalise import canonical_agency
from app.auth.models import ApiKey
from app.db import utcnow
from app.errors import InvalidRequest, NotFound

SCOPES = ("ingest", "admin", "read")
_PREFIX = "wf_"


@dataclass(frozen=True)
class MintedKey:
    row: ApiKey
    token: str


def hash_secret(secret: str) -> str:
    return "sha256:" + hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(session: Session, *, agency: str | None, scopes: Sequence[str], label: str | None = None) -> MintedKey:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise InvalidRequest(f"Unknown or missing scopes {unknown}; choose from {', '.join(SCOPES)}.")
    if agency is not None and not 0 < len(agency) <= 40:
        raise InvalidRequest("An agency name is 1 to 40 characters, e.g. IANS or Reuters.")
    agency = canonical_agency(agency) if agency else None
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    row = ApiKey(
        id=key_id,
        secret_hash=hash_secret(secret),
        agency=agency,
        scopes=sorted(set(scopes)),
        label=label,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return MintedKey(row=row, token=f"{_PREFIX}{key_id}_{secret}")


def authenticate(session: Session, token: str) -> ApiKey | None:
    """The live key the token names, or None."""
    if not token.startswith(_PREFIX):
        return None
    key_id, _, secret = token[len(_PREFIX) :].partition("_")
    if not key_id or not secret:
        return None
    row = session.scalars(select(ApiKey).where(ApiKey.id == key_id)).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    return row if hmac.compare_digest(row.secret_hash, hash_secret(secret)) else None


def agency_of_key(session: Session, key_id: str | None) -> str | None:
    """The agency a key sends for (revoked or not: its past copy stays its own)."""
    if key_id is None:
        return None
    return session.scalars(select(ApiKey.agency).where(ApiKey.id == key_id)).one_or_none()


def list_keys(session: Session) -> Sequence[ApiKey]:
    return session.scalars(select(ApiKey).order_by(ApiKey.pk)).all()


def revoke_key(session: Session, key_id: str) -> ApiKey:
    row = session.scalars(select(ApiKey).where(ApiKey.id == key_id)).one_or_none()
    if row is None:
        raise NotFound(f"No API key with id {key_id!r}.")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    session.flush()
    return row
