"""Small helpers every router shares: the app's settings, the links prefix, JSON responses."""

from __future__ import annotations

from fastapi import Request, Response

from app.config import Settings
from app.errors import InvalidRequest


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def links_base(request: Request) -> str:
    """Prefix for `links`: empty (relative links) unless WIREFEED_PUBLIC_BASE_URL is set."""
    return app_settings(request).public_base_url.rstrip("/")


def json_response(payload: str, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A response from already-serialised JSON (pydantic's model_dump_json), skipping a second validation."""
    return Response(content=payload, status_code=status_code, media_type="application/json", headers=headers)


def refuse_nul_characters(request: Request) -> None:
    """NUL can't be stored or compared as text on PostgreSQL: a path or query carrying one is a 400, not a 500."""
    params = request.query_params.multi_items()
    if "\x00" in request.url.path or any("\x00" in key or "\x00" in value for key, value in params):
        raise InvalidRequest("The request's path or query contains a NUL character.")


def pk_cursor(cursor: str | None) -> int | None:
    """The row position an operator list's cursor names (a pk it issued), or None for the first page; anything
    this service did not issue is a 400, never a 500."""
    if cursor is None:
        return None
    if not (cursor.isascii() and cursor.isdigit() and 0 < int(cursor) <= 2**31 - 1):
        raise InvalidRequest(f"The cursor {cursor!r} is not one this service issued.")
    return int(cursor)
