"""Settings from the environment (prefix WIREFEED_); the embedded SQLite file is the default store."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DISCLAIMER = (
    "This post has been auto-published from an agency feed without any modifications to the text "
    "and has not been reviewed by an editor"
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIREFEED_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./wirefeed.db",
        description="SQLAlchemy URL: sqlite:///path.db (default) or postgresql+psycopg://user@host/db.",
    )
    disclaimer: str = Field(default=DEFAULT_DISCLAIMER, description="Stamped on every article.")
    max_copy_bytes: int = Field(
        default=1_000_000, description="Copy larger than this is refused with 413 (and kept for operators)."
    )
    quarantine_prefix_bytes: int = Field(
        default=65_536,
        description="Of oversize copy the quarantine keeps only this many first bytes, with its size and sha256.",
    )
    upload_deadline_seconds: float = Field(
        default=30.0, description="An upload still arriving after this many seconds is cut off with 408."
    )
    future_tolerance_hours: float = Field(
        default=36.0, description="Copy dated further than this in the future is refused (422)."
    )
    seeds_dir: Path = Field(default=Path("seeds"), description="Folder `wirefeed seed` loads.")
    auto_migrate: bool = Field(
        default=True, description="`wirefeed serve` applies migrations before starting (always on SQLite)."
    )
    sqlite_busy_timeout_ms: int = Field(default=30_000, description="How long a SQLite writer waits its turn.")
    public_base_url: str = Field(default="", description="Prefix for absolute links; empty means relative links.")
    review_threshold: int = Field(
        default=1,
        ge=1,
        description=(
            "How many failed plausibility checks hold a draft for review instead of publishing it. 1 (the "
            "default) holds a draft that fails any check: right or held, never wrong."
        ),
    )
    reads_need_key: bool = Field(
        default=False,
        description="Every read (GET/HEAD under /v1) needs a key with the `read` or `admin` scope (private use).",
    )
    # Limits and hostile clients (SECURITY.md). Rates are per minute with a burst; 0 turns a limit off.
    redis_url: str = Field(
        default="", description="redis://host:port/db: rate limits shared by every worker and host; empty = in-process."
    )
    redis_prefix: str = Field(default="wirefeed:rl:", description="Prefix of the rate-limit keys in Redis.")
    rate_per_address: int = Field(default=3000, ge=0, description="Requests a minute per client address.")
    rate_per_address_burst: int = Field(default=3000, ge=1, description="Requests at once per client address.")
    rate_per_key: int = Field(default=3000, ge=0, description="Requests a minute per API key.")
    rate_per_key_burst: int = Field(default=3000, ge=1, description="Requests at once per API key.")
    rate_auth_failures: int = Field(
        default=30, ge=0, description="Failed authentications a minute per client address; past it, 429."
    )
    rate_auth_failures_burst: int = Field(default=30, ge=1, description="Failed authentications at once.")
    related_concurrency: int = Field(
        default=2, ge=1, description="`/related` queries run at once per worker; more wait their turn."
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed to read cross-site (GET/HEAD), as a JSON list: ["https://app.example"].',
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
