"""FastAPI dependencies that demand a bearer key with a scope (`IngestKeyDep`, `AdminKeyDep`,
`GlobalAdminKeyDep`), say what an admin key may see (`VisibleAgenciesDep`), and gate reads when
WIREFEED_READS_NEED_KEY is set (`require_read_access`, installed once for the whole app)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import SQLAlchemyError

from app.auth.agencies import agencies_visible_to
from app.auth.keys import needs_touch, touch_last_used, verify_token
from app.auth.models import ApiKey
from app.db import Database, DatabaseDep, utcnow
from app.errors import Forbidden, Unauthorized
from app.web import app_settings

log = logging.getLogger("wirefeed.auth")
_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer wf_…`.")
READ_METHODS = frozenset({"GET", "HEAD"})


def _record_use(db: Database, key_pk: int) -> None:
    """Best effort, after the response: a busy database must not fail a request that already succeeded."""
    try:
        with db.write_sessions.begin() as session:
            touch_last_used(session, key_pk, utcnow())
    except SQLAlchemyError as exc:
        log.info("could not record the last use of an API key: %s", type(exc).__name__)


def _key_for(request: Request, db: Database, token: str, background: BackgroundTasks) -> ApiKey:
    """The live key for a token, checked once per request (the read gate and the route may both ask)."""
    cached: ApiKey | None = getattr(request.state, "api_key", None)
    if cached is not None:
        return cached
    # A session of its own, closed at once: holding one for the whole request would make every
    # write request need two pooled connections, and a burst of them could starve the pool.
    with db.read_sessions() as session:
        key = verify_token(session, token)
    if needs_touch(key, utcnow()):
        background.add_task(_record_use, db, key.pk)
    request.state.api_key = key
    return key


def require_scope(scope: str, *, global_only: bool = False) -> Callable[..., ApiKey]:
    def dependency(
        request: Request,
        db: DatabaseDep,
        background: BackgroundTasks,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKey:
        if credentials is None:
            raise Unauthorized("This operation needs an API key: send `Authorization: Bearer <key>`.")
        key = _key_for(request, db, credentials.credentials, background)
        if scope not in key.scopes:
            raise Forbidden(f"The API key {key.id} lacks the {scope!r} scope (it has: {', '.join(key.scopes)}).")
        if global_only and key.agencies:
            raise Forbidden(
                f"The API key {key.id} is an admin for {', '.join(key.agencies)} only; this needs a global admin key."
            )
        return key

    dependency.__name__ = f"require_{'global_' if global_only else ''}{scope}_scope"
    return dependency


IngestKeyDep = Annotated[ApiKey, Depends(require_scope("ingest"))]
AdminKeyDep = Annotated[ApiKey, Depends(require_scope("admin"))]
GlobalAdminKeyDep = Annotated[ApiKey, Depends(require_scope("admin", global_only=True))]


def visible_agencies(key: AdminKeyDep) -> frozenset[str] | None:
    """What the calling admin key sees: None for a global admin, else its agencies."""
    return agencies_visible_to(key)


VisibleAgenciesDep = Annotated[frozenset[str] | None, Depends(visible_agencies)]


def require_read_access(request: Request, background: BackgroundTasks) -> None:
    """With WIREFEED_READS_NEED_KEY, every GET/HEAD under /v1 needs a key with the `read` or `admin` scope.

    Installed on the app, so read endpoints added later are covered without remembering to. The header is
    read by hand (not through HTTPBearer) so the spec does not claim a key is needed where reads are open."""
    if request.method not in READ_METHODS or not request.url.path.startswith("/v1/"):
        return
    if not app_settings(request).reads_need_key:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Reads need an API key here: send `Authorization: Bearer <key>` with the `read` scope.")
    database: Database = request.app.state.database
    key = _key_for(request, database, token.strip(), background)
    if not {"read", "admin"} & set(key.scopes):
        raise Forbidden(f"The API key {key.id} lacks the 'read' scope (it has: {', '.join(key.scopes)}).")


def document_read_access(schema: dict[str, Any]) -> None:
    """With WIREFEED_READS_NEED_KEY, say in the spec that reads under /v1 need a bearer key (401/403)."""
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes.setdefault("HTTPBearer", {"type": "http", "scheme": "bearer"})
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            if method.upper() not in READ_METHODS:
                continue
            operation.setdefault("security", [{"HTTPBearer": []}])
            responses = operation.setdefault("responses", {})
            responses.setdefault("401", {"description": "No, unknown, revoked or expired API key", "content": problem})
            responses.setdefault("403", {"description": "API key lacks the `read` scope", "content": problem})
