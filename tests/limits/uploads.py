"""A raw HTTP/1.1 client for uploads httpx will not send: bodies larger than the server will read, sent slowly,
or cut off halfway. It reads the server's answer as soon as one arrives, the way curl does."""

from __future__ import annotations

import select
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Answer:
    status: int | None  # None: the connection was closed before any answer arrived
    headers: dict[str, str]
    body: bytes
    bytes_sent: int  # of the body
    closed_by_server: bool  # the server closed the connection after answering


def _read_answer(sock: socket.socket, timeout: float) -> tuple[int | None, dict[str, str], bytes, bool]:
    sock.settimeout(timeout)
    data = b""
    closed = False
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                closed = True
                break
            data += chunk
            head, sep, rest = data.partition(b"\r\n\r\n")
            if sep:
                fields = [line.split(b":", 1) for line in head.split(b"\r\n")[1:]]
                lengths = [value for name, value in fields if name.strip().lower() == b"content-length"]
                length = int(lengths[0]) if lengths else 0
                if len(rest) >= length:
                    # Wait briefly for the close the server promises with `Connection: close`.
                    sock.settimeout(2)
                    try:
                        closed = sock.recv(1) == b""
                    except OSError:
                        closed = True
                    break
    except (ConnectionResetError, TimeoutError, OSError):
        closed = True
    head, _, body = data.partition(b"\r\n\r\n")
    if not head:
        return None, {}, b"", closed
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body, closed


def upload(
    base_url: str,
    body_size: int,
    headers: dict[str, str],
    *,
    declare_length: bool = True,
    chunk: int = 65536,
    pause_after: int | None = None,
    pause: float = 0.0,
    hang_up_after: int | None = None,
    timeout: float = 30.0,
) -> Answer:
    """POST `body_size` bytes of copy-like text to /v1/articles. With `declare_length=False` the body is sent
    chunked (no Content-Length). `pause_after`/`pause` stall the sender; `hang_up_after` closes the socket."""
    url = urlsplit(base_url)
    sock = socket.create_connection((url.hostname, url.port))
    framing = {"Content-Length": str(body_size)} if declare_length else {"Transfer-Encoding": "chunked"}
    fields = {"Host": str(url.hostname), **headers, **framing}
    lines = ["POST /v1/articles HTTP/1.1", *(f"{k}: {v}" for k, v in fields.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    piece = (b"Lorem ipsum dolor sit amet, the agency said in a statement on Monday.\n" * 1000)[:chunk]
    sent = 0
    try:
        while sent < body_size:
            if hang_up_after is not None and sent >= hang_up_after:
                sock.close()
                return Answer(None, {}, b"", sent, False)
            if pause_after is not None and sent >= pause_after and pause:
                time.sleep(pause)
                pause = 0.0
            part = piece[: body_size - sent]
            sock.sendall(part if declare_length else b"%x\r\n%s\r\n" % (len(part), part))
            sent += len(part)
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
        else:
            if not declare_length:
                sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    status, answer_headers, answer_body, closed = _read_answer(sock, timeout)
    sock.close()
    return Answer(status, answer_headers, answer_body, sent, closed)
