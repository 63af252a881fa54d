"""API keys as the admin endpoints show them: never the secret, except the token once at creation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.auth.keys import key_state
from app.auth.models import ApiKey

AgencyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scopes: list[Literal["ingest", "admin", "read"]] = Field(min_length=1, max_length=3)
    agencies: list[AgencyName] = Field(
        default_factory=list,
        max_length=50,
        description="What the key speaks for. An admin key with none is a global admin.",
    )
    any_agency: bool = Field(default=False, description="Required for an ingest key bound to no agency.")
    label: str | None = Field(default=None, max_length=200)
    expires: str | None = Field(
        default=None, max_length=40, description="`30d`, `12h`, `2w`, or an ISO date or date-time."
    )


class KeyOut(BaseModel):
    id: str
    prefix: str = Field(description="The token's first characters, to tell keys apart; not usable as a key.")
    agencies: list[str]
    scopes: list[str]
    label: str | None
    state: Literal["active", "revoked", "expired"]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(description="Recorded to the minute.")


class KeyCreated(KeyOut):
    token: str = Field(description="The key itself. Shown this once; only its hash is stored.")


class KeyList(BaseModel):
    items: list[KeyOut]


def key_out(key: ApiKey) -> KeyOut:
    return KeyOut(
        id=key.id,
        prefix=key.prefix,
        agencies=list(key.agencies),
        scopes=list(key.scopes),
        label=key.label,
        state=key_state(key),
        created_at=key.created_at,
        expires_at=key.expires_at,
        revoked_at=key.revoked_at,
        last_used_at=key.last_used_at,
    )
