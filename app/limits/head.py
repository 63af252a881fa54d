"""HEAD answered like GET on every path, without the body (RFC 9110 §9.3.2), so the `Allow` of a 405 is true.

FastAPI routes answer only the methods they are declared with; rather than declaring HEAD beside each GET,
this middleware runs a HEAD request as a GET and drops the body, keeping the headers (Content-Length, ETag).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
