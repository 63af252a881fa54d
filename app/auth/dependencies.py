"""FastAPI dependencies that demand a bearer key with a scope: `IngestKeyDep`, `AdminKeyDep`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.auth.keys import authenticate
from app.auth.models import ApiKey
from app.db import DatabaseDep
from app.errors import Forbidden, Unauthorized

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer wf_…`.")


def require_scope(scope: str) -> Callable[..., ApiKey]:
    def dependency(
        db: DatabaseDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKey:
        if credentials is None:
            raise Unauthorized("This operation needs an API key: send `Authorization: Bearer <key>`.")
        # A session of its own, closed at once: holding one for the whole request would make every
        # write request need two pooled connections, and a burst of them could starve the pool.
        with db.read_sessions() as session:
            key = authenticate(session, credentials.credentials)
        if key is None:
            raise Unauthorized("The API key is unknown or revoked.")
        if scope not in key.scopes:
            raise Forbidden(f"The API key {key.id} lacks the {scope!r} scope (it has: {', '.join(key.scopes)}).")
        return key

    dependency.__name__ = f"require_{scope}_scope"
    return dependency


IngestKeyDep = Annotated[ApiKey, Depends(require_scope("ingest"))]
AdminKeyDep = Annotated[ApiKey, Depends(require_scope("admin"))]
