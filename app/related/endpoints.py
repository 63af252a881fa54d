"""HTTP for related articles."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1/articles", tags=["articles"])
