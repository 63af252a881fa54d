"""Security headers on every answer: no MIME sniffing, no referrer, and a Content-Security-Policy.

The API answers JSON and never needs to load anything, so its policy forbids everything
(`default-src 'none'; frame-ancestors 'none'`). The Swagger UI page at /docs sets its own, narrower policy
(its scripts and styles from this service only; see `app.ops.endpoints`), which this middleware keeps.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_FIXED = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


def security_headers() -> dict[str, str]:
    """The headers every answer carries, for the one answer this middleware never sees: Starlette sends a
    500 from its outermost layer, outside every middleware added to the app."""
    return {name.decode(): value.decode() for name, value in _FIXED} | {"content-security-policy": API_CSP}


class SecurityHeaders:
    """ASGI middleware adding the headers above to every response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in _FIXED if name not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", API_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_csp(html: str) -> str:
    """The policy for a docs page: scripts from this service plus the page's own inline scripts, each allowed
    by its sha256 (no 'unsafe-inline' for scripts); Swagger UI's inline styles and data: icons."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
