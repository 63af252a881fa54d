"""HTTP for API keys: list, create, revoke. Global admin keys only (an agency admin cannot mint keys)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.auth import keys
from app.auth.dependencies import GlobalAdminKeyDep
from app.auth.schemas import KeyCreate, KeyCreated, KeyList, KeyOut, key_out
from app.db import DatabaseDep, ReadSessionDep
from app.problems import problem_responses
from app.web import json_response

router = APIRouter(prefix="/v1/keys", tags=["operators"])


@router.get(
    "", response_model=KeyList, summary="Every API key (never the secrets)", responses=problem_responses(401, 403)
)
def list_api_keys(session: ReadSessionDep, _key: GlobalAdminKeyDep) -> Response:
    out = KeyList(items=[key_out(k) for k in keys.list_keys(session)])
    return json_response(out.model_dump_json())


@router.post(
    "",
    status_code=201,
    response_model=KeyCreated,
    summary="Create an API key; the token is in this answer only",
    responses=problem_responses(400, 401, 403, 422),
)
def create_api_key(db: DatabaseDep, _key: GlobalAdminKeyDep, body: KeyCreate) -> Response:
    keys.require_binding(body.scopes, body.agencies, any_agency=body.any_agency)
    expires_at = keys.parse_expiry(body.expires) if body.expires else None
    with db.write_sessions.begin() as session:
        minted = keys.create_key(
            session, scopes=body.scopes, agencies=body.agencies, label=body.label, expires_at=expires_at
        )
        out = KeyCreated(**key_out(minted.row).model_dump(), token=minted.token)
    return json_response(out.model_dump_json(), 201, {"Cache-Control": "no-store"})


@router.post(
    "/{key_id}/revoke",
    response_model=KeyOut,
    summary="Revoke an API key at once (revoking twice is harmless)",
    responses=problem_responses(401, 403, 404),
)
def revoke_api_key(db: DatabaseDep, _key: GlobalAdminKeyDep, key_id: str) -> Response:
    with db.write_sessions.begin() as session:
        out = key_out(keys.revoke_key(session, key_id))
    return json_response(out.model_dump_json())
