"""One error tree for the service; each error knows its HTTP status and stable problem `type`.

    WirefeedError
    ├── CopyRefused              copy we will not publish (kept in quarantine)
    │   ├── ParseError           422: the bytes are not a story we can publish verbatim
    │   ├── UnsupportedFormat    415: a format we do not (yet) read
    │   └── AgencyMismatch       403: copy or story of an agency the sending key does not speak for
    ├── CopyTooLarge             413: refused at the limit, nothing more read (a capped prefix is quarantined)
    ├── UploadTimeout            408: the upload did not arrive within its deadline
    ├── RateLimited              429: too many requests (or failed keys); `Retry-After` says when to retry
    ├── NotFound                 404
    ├── Withdrawn                410: a killed article
    ├── Conflict                 409: a decision already made (review queue)
    ├── Unauthorized             401
    ├── Forbidden                403
    ├── InvalidRequest           400: a malformed parameter (cursor, scope…)
    ├── DatabaseBusy             503: write conflicts or the database did not answer in time
    └── IdempotencyKeyReused     422: the same Idempotency-Key with other bytes

The handlers in `app.main` render every one of them as RFC 9457 problem+json.
"""

from __future__ import annotations

from typing import Any, ClassVar

PROBLEM_BASE = "https://wirefeed.dev/problems/"


class WirefeedError(Exception):
    status: ClassVar[int] = 500
    type_slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    @property
    def type_uri(self) -> str:
        return PROBLEM_BASE + self.type_slug


class CopyRefused(WirefeedError):
    """Copy refused for its content: kept in quarantine for operators."""

    status = 422
    type_slug = "copy-refused"
    title = "Copy refused"


class ParseError(CopyRefused):
    """The one error a parser raises: the bytes cannot become a verbatim article."""

    status = 422
    type_slug = "unparseable-copy"
    title = "Copy is not a publishable story"

    def __init__(self, detail: str, *, reason: str = "unparseable", **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.reason = reason


class UnsupportedFormat(CopyRefused):
    status = 415
    type_slug = "unsupported-media-type"
    title = "Unsupported copy format"


class AgencyMismatch(CopyRefused):
    """Copy names, or would land on a story of, an agency the sending key is not bound to: a forgery or a
    misconfigured feed. Kept in quarantine like any refused copy; nothing is published or changed."""

    status = 403
    type_slug = "agency-mismatch"
    title = "Agency mismatch"

    def __init__(self, detail: str, *, agency: str | None = None, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.agency = agency  # the agency the copy named or the story belongs to, kept with the rejection


class CopyTooLarge(WirefeedError):
    status = 413
    type_slug = "copy-too-large"
    title = "Copy too large"


class NotFound(WirefeedError):
    status = 404
    type_slug = "not-found"
    title = "Not found"


class Unauthorized(WirefeedError):
    status = 401
    type_slug = "unauthorized"
    title = "Authentication required"


class Forbidden(WirefeedError):
    status = 403
    type_slug = "forbidden"
    title = "Not allowed"


class InvalidRequest(WirefeedError):
    status = 400
    type_slug = "invalid-request"
    title = "Invalid request"


class IdempotencyKeyReused(WirefeedError):
    status = 422
    type_slug = "idempotency-key-reused"
    title = "Idempotency-Key reused with a different body"


class Withdrawn(WirefeedError):
    status = 410
    type_slug = "withdrawn"
    title = "Article withdrawn"


class DatabaseBusy(WirefeedError):
    status = 503
    type_slug = "database-unavailable"
    title = "Service busy"


class Conflict(WirefeedError):
    """The request conflicts with the resource's state (e.g. a decision already made)."""

    status = 409
    type_slug = "conflict"
    title = "Conflict"


class UploadTimeout(WirefeedError):
    status = 408
    type_slug = "upload-timeout"
    title = "Upload too slow"


class RateLimited(WirefeedError):
    status = 429
    type_slug = "rate-limited"
    title = "Too many requests"
