"""Uploads read as they stream: the size limit enforced at the limit (nothing more is read), a deadline for
slow senders, and the connection closed whenever an answer leaves part of an upload unread.

The copy endpoint reads its body through `read_copy`, never `await request.body()`: a 50 MB post costs the
limit (1 MB by default) in memory, not 50 MB, and what the quarantine keeps of it is a short prefix with the
size and sha256 of what was read. `UploadGuard` wraps the ASGI `receive` of every request: when the answer
starts before the body was read to its end (an early 401, 413, 408 or 429) it adds `Connection: close`, so
the server drops the connection instead of reading the rest of the upload to reach the next request.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import UploadTimeout


@dataclass(frozen=True)
class Upload:
    """What was read of one upload."""

    data: bytes  # the whole copy, or only its first bytes when `truncated`
    size: int  # bytes read from the client
    sha256: str  # "sha256:<hex>" of the bytes read
    truncated: bool  # over the limit: `data` is a prefix and the rest of the upload was never read
    declared_size: int | None  # the Content-Length the sender declared, if any


def declared_size(request: Request) -> int | None:
    value = request.headers.get("content-length", "")
    return int(value) if value.isdigit() and len(value) < 19 else None


async def read_copy(request: Request, *, limit: int, keep: int, deadline: float) -> Upload:
    """Read the body up to `limit` bytes (one byte more shows it is over), within `deadline` seconds.

    A declared Content-Length over the limit is refused before the copy is read: only the `keep` bytes the
    quarantine holds are read. Raises UploadTimeout (408) when the sender is too slow; a client that goes
    away mid-upload surfaces as Starlette's ClientDisconnect.
    """
    declared = declared_size(request)
    over = declared is not None and declared > limit
    budget = min(keep, limit + 1) if over else limit + 1
    digest = hashlib.sha256()
    kept = bytearray()
    size = 0
    try:
        async with asyncio.timeout(deadline):
            async for chunk in request.stream():
                piece = chunk[: budget - size]
                digest.update(piece)
                size += len(piece)
                kept += piece
                if size >= budget:
                    break
    except TimeoutError as exc:
        raise UploadTimeout(
            f"The upload did not arrive within {deadline:g} seconds ({size:,} bytes read); nothing was kept."
        ) from exc
    truncated = over or size > limit
    data = bytes(kept[:keep]) if truncated else bytes(kept)
    return Upload(data, size, "sha256:" + digest.hexdigest(), truncated, declared)


def _sends_a_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value.strip() not in (b"", b"0")
        if name == b"transfer-encoding":
            return True
    return False


class UploadGuard:
    """ASGI middleware: an answer that starts before its request's body was read to the end closes the
    connection, so the rest of the upload is never read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _sends_a_body(scope):
            await self.app(scope, receive, send)
            return
        finished = False

        async def guarded_receive() -> Message:
            nonlocal finished
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body", False):
                finished = True
            return message

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start" and not finished:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"connection"]
                message = {**message, "headers": [*headers, (b"connection", b"close")]}
            await send(message)

        await self.app(scope, guarded_receive, guarded_send)
