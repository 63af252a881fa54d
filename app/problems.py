"""RFC 9457 problem+json: the one renderer for every error, FastAPI's own included, and its OpenAPI schema."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import OperationalError as SQLAlchemyOperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from app.errors import PROBLEM_BASE, Unauthorized, WirefeedError
from app.limits.headers import security_headers

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("wirefeed.errors")


class Problem(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A URI naming the kind of problem; stable, for programs to branch on.")
    title: str
    status: int
    detail: str = Field(description="What went wrong with this request, for people.")
    instance: str | None = None
    rejection_id: str | None = Field(default=None, description="Set when the refused copy was kept for operators.")


def problem_response(
    status: int, type_uri: str, title: str, detail: str, request: Request | None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"type": type_uri, "title": title, "status": status, "detail": detail}
    if request is not None:
        body["instance"] = request.url.path
    body.update({k: v for k, v in extra.items() if v is not None})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def render_error(error: WirefeedError, request: Request | None = None, **extra: Any) -> JSONResponse:
    merged = {**error.extra, **extra}
    return problem_response(error.status, error.type_uri, error.title, error.detail, request, **merged)


_HTTP_TITLES = {404: "Not found", 405: "Method not allowed", 406: "Not acceptable", 413: "Copy too large"}


_PATH_PARAMETER = re.compile(r"\\\{[^/]+?\\\}")


def allowed_methods(request: Request) -> list[str]:
    """Every method the API documents at this path, HEAD with GET (`app.limits.head` answers HEAD wherever
    GET is; Starlette's own 405 names only the first route's methods). Read from the app's OpenAPI paths."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern = _PATH_PARAMETER.sub("[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods |= {method.upper() for method in operations if method.isalpha()}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def database_error(exc: Exception) -> str:
    """What a log line may say of a database error: its kind and the driver's own message, never
    SQLAlchemy's rendering, which carries the statement's parameters (key hashes, raw copy)."""
    orig = getattr(exc, "orig", None)
    message = str(orig) if orig is not None else ""
    return f"{type(exc).__name__}: {message[:200]}".rstrip(": ")


def install_problem_handlers(app: FastAPI) -> None:
    async def on_wirefeed_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, WirefeedError)
        return render_error(exc, request)

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors]
        return problem_response(
            422,
            PROBLEM_BASE + "invalid-parameters",
            "Invalid request parameters",
            "; ".join(parts) or "The request is invalid.",
            request,
            errors=[{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors],
        )

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 401:
            return render_error(Unauthorized(str(exc.detail)), request)
        title = _HTTP_TITLES.get(exc.status_code, "HTTP error")
        detail = str(exc.detail) if exc.detail else title
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"No resource at {request.url.path}."
        response = problem_response(exc.status_code, PROBLEM_BASE + f"http-{exc.status_code}", title, detail, request)
        if exc.headers:
            response.headers.update(exc.headers)
        if exc.status_code == 405:  # Starlette's Allow names one route's methods; add the other routes'
            starlette_allow = {m.strip() for m in (exc.headers or {}).get("Allow", "").split(",") if m.strip()}
            allowed = starlette_allow | set(allowed_methods(request))
            response.headers["Allow"] = ", ".join(sorted(allowed | ({"HEAD"} if "GET" in allowed else set())))
        return response

    async def on_client_disconnect(request: Request, exc: Exception) -> JSONResponse:
        # One line, no traceback: a sender that hangs up mid-upload is routine, and nothing was stored.
        log.warning("client disconnected before its upload arrived: %s %s", request.method, request.url.path)
        return problem_response(
            400, PROBLEM_BASE + "client-disconnected", "Client disconnected", "The upload was cut off.", request
        )

    async def on_database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path, database_error(exc))
        response = problem_response(
            503,
            PROBLEM_BASE + "database-unavailable",
            "Service busy",
            "The database is not answering in time; nothing was stored. Retry shortly.",
            request,
        )
        response.headers["Retry-After"] = "2"
        return response

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        response = problem_response(
            500, PROBLEM_BASE + "internal-error", "Internal error", "The service failed; the error was logged.", request
        )
        response.headers.update(security_headers())
        return response

    app.add_exception_handler(WirefeedError, on_wirefeed_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(ClientDisconnect, on_client_disconnect)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(SQLAlchemyTimeoutError, on_database_unavailable)
    app.add_exception_handler(SQLAlchemyOperationalError, on_database_unavailable)
    app.add_exception_handler(Exception, on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the errors an operation can answer with."""
    described = {
        400: "Malformed parameter",
        401: "No or unknown API key",
        403: "API key lacks the scope",
        404: "Unknown id",
        408: "The upload did not arrive within its deadline",
        410: "Withdrawn",
        413: "Copy too large",
        415: "Unsupported copy format",
        422: "Copy refused (kept for operators) or invalid parameters",
        429: "Too many requests; retry after `Retry-After` seconds",
        503: "Database busy or unreachable; retry after `Retry-After` seconds",
    }
    return {
        status: {
            "description": described.get(status, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
