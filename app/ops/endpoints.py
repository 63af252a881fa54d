"""Operations: liveness, readiness, and the self-hosted API docs (no CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db import DatabaseDep
from app.errors import PROBLEM_BASE
from app.limits.headers import docs_csp
from app.problems import problem_response, problem_responses

router = APIRouter(tags=["operations"])

STATIC_PREFIX = "/static/docs"


@router.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:  # on the event loop: no thread to wait for, even when all are busy
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The database is reachable",
    responses=problem_responses(503),
)
def readyz(db: DatabaseDep) -> JSONResponse:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return problem_response(
            503,
            PROBLEM_BASE + "database-unavailable",
            "Not ready",
            f"The {db.dialect} database is not reachable ({type(exc).__name__}).",
            None,
            database=db.dialect,
        )
    return JSONResponse({"status": "ok", "database": db.dialect})


@router.get("/docs", include_in_schema=False)
def swagger_ui(request: Request) -> HTMLResponse:
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title=f"{request.app.title} — API docs",
        swagger_js_url=f"{STATIC_PREFIX}/swagger-ui-bundle.js",
        swagger_css_url=f"{STATIC_PREFIX}/swagger-ui.css",
        swagger_favicon_url=f"{STATIC_PREFIX}/favicon.png",
    )
    page.headers["Content-Security-Policy"] = docs_csp(bytes(page.body).decode())
    return page
