"""Where the team's shared real material lives (`../shared` beside the project), for tests that read it.

The project never reads it at run time. Tests that need a folder call `shared_folder("real-pages")`: outside CI a
missing folder skips the test with the reason; under CI=true it fails, because CI has the folder.
`WIREFEED_SHARED_DIR` points the tests at another copy.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIREFEED_SHARED_DIR", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def shared_folder(name: str) -> Path:
    """The shared folder `name` (e.g. "real-pages", "wire-samples"), or a skip (a failure under CI) when absent."""
    folder = SHARED / name
    if not folder.is_dir():
        message = f"the shared folder {folder} is absent (set WIREFEED_SHARED_DIR to its parent)"
        if IN_CI:
            pytest.fail(f"{message}; CI=true: the real-material tests must run", pytrace=False)
        pytest.skip(message)
    return folder
