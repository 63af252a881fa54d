"""create_app(): the FastAPI application with its lifespan (engine), routers and problem+json handlers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.articles.embargoes import run_releaser
from app.articles.endpoints import router as articles_router
from app.auth.dependencies import document_read_access, require_read_access
from app.auth.endpoints import router as keys_router
from app.config import Settings, get_settings
from app.db import Database
from app.limits.body import UploadGuard
from app.limits.head import HeadAsGet
from app.limits.headers import SecurityHeaders
from app.limits.rates import RateLimits, RedisLimiter, limiter_for
from app.ops.endpoints import STATIC_PREFIX
from app.ops.endpoints import router as ops_router
from app.problems import PROBLEM_MEDIA_TYPE, Problem, install_problem_handlers, problem_responses
from app.rejections.endpoints import router as rejections_router
from app.related.endpoints import router as related_router
from app.review.endpoints import router as review_router
from app.web import refuse_nul_characters

DESCRIPTION = """
Agency wire-feed intake. Agency systems **POST raw copy**; wirefeed normalises it into articles whose body
is the agency's text **verbatim**, stamps the publisher's disclaimer, stores it, and serves JSON.

* Writes need an API key (`Authorization: Bearer wf_…`) with the `ingest` scope; operators' endpoints need `admin`.
* Reads are open unless `WIREFEED_READS_NEED_KEY` is set (then they need `read`).
* Every error is `application/problem+json` (RFC 9457).
"""


RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}}


def document_problems(schema: dict[str, Any]) -> None:
    """Say in the spec what the service sends: FastAPI documents its 422 as plain JSON `HTTPValidationError`,
    but every error here is problem+json; and any operation that touches the database can answer 503."""
    problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"]["content"] = problem
            if path.startswith("/v1/") or path == "/readyz":
                responses.setdefault("503", {"description": "Database busy or unreachable", "content": problem})
            responses.setdefault("429", {**problem_responses(429)[429], "headers": RETRY_AFTER})
            # Every operation refuses a NUL in its path or query (`refuse_nul_characters`) with 400.
            responses.setdefault("400", problem_responses(400)[400])
    for unused in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(unused, None)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    limiter = limiter_for(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)
        app.state.database = database
        # Embargoed stories are released at their time by every process (the release is idempotent).
        stop_releasing = asyncio.Event()
        releaser = asyncio.create_task(run_releaser(database, stop_releasing), name="embargo-releaser")
        try:
            yield
        finally:
            stop_releasing.set()
            await releaser  # lets a release in flight commit before the engine goes
            database.dispose()
            if isinstance(limiter, RedisLimiter):
                await limiter.close()

    app = FastAPI(
        title="wirefeed",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(refuse_nul_characters), Depends(require_read_access)],
    )
    app.state.settings = settings
    install_problem_handlers(app)
    # Outermost last: headers on every answer, the upload guard, CORS, rate limits, HEAD as GET.
    app.add_middleware(HeadAsGet)
    app.add_middleware(RateLimits, settings=settings, limiter=limiter)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD"],
            expose_headers=["ETag", "Link", "Location", "Retry-After", "Wirefeed-Outcome"],
            max_age=600,
        )
    app.add_middleware(UploadGuard)
    app.add_middleware(SecurityHeaders)
    app.include_router(ops_router)
    app.include_router(articles_router)
    app.include_router(related_router)
    app.include_router(rejections_router)
    app.include_router(review_router)
    app.include_router(keys_router)
    app.mount(
        STATIC_PREFIX, StaticFiles(directory=str(files("fastapi_offline").joinpath("static"))), name="docs-static"
    )

    original_openapi = app.openapi

    def openapi_with_problem() -> dict[str, object]:
        if app.openapi_schema is None:
            schema = original_openapi()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            document_problems(schema)
            if settings.reads_need_key:
                document_read_access(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi_with_problem  # type: ignore[method-assign]
    return app
