"""The upload limits on a real uvicorn process: memory stays flat under a 50 MB post, slow senders are cut off,
early answers close the connection, and a sender that hangs up costs one log line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.db import Database
from app.intake.models import RawCopy
from tests.limits.uploads import upload
from tests.server import ServerProcess, peak_rss_kib, running_server
from tests.stories import Story

pytestmark = pytest.mark.process

FIFTY_MB = 50 * 1024 * 1024
LIMIT = 1_000_000
KEEP = 65_536


@pytest.fixture
def server(database: Database, tmp_path: Path) -> Iterator[ServerProcess]:
    env = {
        "WIREFEED_MAX_COPY_BYTES": str(LIMIT),
        "WIREFEED_QUARANTINE_PREFIX_BYTES": str(KEEP),
        "WIREFEED_UPLOAD_DEADLINE_SECONDS": "2",
    }
    with running_server(database.url, tmp_path / "server.log", env=env) as running:
        yield running


def kept_copies(database: Database) -> list[RawCopy]:
    with database.read_sessions() as session:
        return list(session.scalars(select(RawCopy)))


def warm_up(server: ServerProcess, headers: dict[str, str]) -> None:
    """One story and one oversize post first, so what is measured is the upload, not first-use imports."""
    assert upload(server.base_url, 0, headers).status is not None
    stored = httpx.post(f"{server.base_url}/v1/articles", content=Story(1).wire_text(), headers=headers)
    assert stored.status_code == 201
    assert upload(server.base_url, 2 * LIMIT, headers).status == 413


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_50mb_upload_is_refused_at_the_limit_with_flat_memory_and_a_capped_prefix_kept(
    server: ServerProcess, database: Database, ingest_headers: dict[str, str], declared: bool
) -> None:
    warm_up(server, ingest_headers)
    before = peak_rss_kib(server.process.pid)
    answer = upload(server.base_url, FIFTY_MB, ingest_headers, declare_length=declared)
    growth = peak_rss_kib(server.process.pid) - before
    print(f"50 MB upload ({'declared' if declared else 'chunked'}): peak RSS growth {growth} KiB, "
          f"client sent {answer.bytes_sent:,} bytes before the answer")
    assert answer.status == 413
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.closed_by_server
    assert answer.bytes_sent < FIFTY_MB
    assert growth < 5 * 1024
    newest = max(kept_copies(database), key=lambda row: row.pk)
    assert newest.truncated and len(newest.data) == KEEP
    assert newest.declared_size == (FIFTY_MB if declared else None)


def test_a_slow_upload_is_cut_off_with_408(server: ServerProcess, ingest_headers: dict[str, str]) -> None:
    answer = upload(server.base_url, 200_000, ingest_headers, pause_after=65_536, pause=4.0)
    assert answer.status == 408
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.closed_by_server


def test_an_early_401_closes_the_connection_without_reading_the_upload(server: ServerProcess) -> None:
    answer = upload(server.base_url, FIFTY_MB, {"Content-Type": "text/plain", "Authorization": "Bearer wf_wrong"})
    assert answer.status == 401
    assert answer.closed_by_server
    assert answer.bytes_sent < FIFTY_MB


def test_a_client_that_hangs_up_mid_upload_costs_one_log_line_and_no_traceback(
    server: ServerProcess, ingest_headers: dict[str, str]
) -> None:
    answer = upload(server.base_url, 500_000, ingest_headers, hang_up_after=100_000)
    assert answer.status is None
    assert httpx.get(f"{server.base_url}/healthz").status_code == 200  # the server carries on
    deadline = time.monotonic() + 10  # the handler notices the hang-up when it next reads
    while "client disconnected" not in server.log_path.read_text(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)  # and anything it would log after that line
    log = server.log_path.read_text(errors="replace")
    assert "Traceback" not in log
    assert log.count("client disconnected") == 1
    assert ingest_headers["Authorization"].split()[1] not in log  # nor the key, in any line
