"""The service keeps the contract it publishes: schemathesis (its own CLI, as CI would run it) generates
requests from the running service's OpenAPI — examples, coverage, fuzzing and stateful phases — and checks
every answer: no 5xx, status codes, media types, headers and bodies as documented.

One check is left out, with its reason: `positive_data_acceptance` expects any schema-valid request to be
accepted, but this service's refusals are about content a schema cannot state — bytes that are not a story
(422/415, kept in the quarantine), ids of withdrawn stories (410), cursors it did not issue (400), an
Idempotency-Key reused with another body (422). Each of those answers is documented and checked.

Bounded to stay well under two minutes on two cores: a fixed seed, a few dozen cases per operation, a time cap.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.auth.keys import create_key
from app.db import Database
from tests.factories import store_many
from tests.server import running_server

pytestmark = pytest.mark.process

ST = Path(sys.executable).parent / "st"
EXAMPLES_PER_OPERATION = 30
TIME_CAP_SECONDS = 30


def test_every_operation_answers_as_documented(database: Database, tmp_path: Path) -> None:
    store_many(database, 3)  # real ids for the generator and the stateful phase to find
    with database.write_sessions.begin() as session:
        token = create_key(session, agency="PTI", scopes=["ingest", "admin"]).token
    with running_server(database.url, tmp_path / "server.log") as server:
        run = subprocess.run(
            [
                str(ST), "run", f"{server.base_url}/openapi.json",
                "--header", f"Authorization: Bearer {token}",
                "--exclude-checks", "positive_data_acceptance",
                "--max-examples", str(EXAMPLES_PER_OPERATION),
                "--max-time", str(TIME_CAP_SECONDS),
                "--seed", "20261207",
                "--workers", "1",
                "--output-truncate", "false",
            ],
            capture_output=True, text=True, timeout=TIME_CAP_SECONDS + 60, check=False,
            cwd=tmp_path,  # its cache and reports go there, not into the project
        )  # fmt: skip
    summary = run.stdout[run.stdout.rfind("SUMMARY") :] if "SUMMARY" in run.stdout else run.stdout[-3000:]
    print(summary)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert re.search(r"\d+ generated", summary)
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert "Traceback" not in log and not re.search(r'" 5\d\d ', log)
