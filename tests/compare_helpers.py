"""Shared helpers of the compare tests: the seeds by their short names, loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.paths import seeds_dir

SEED_FILES = {
    "古交2025": "000_e1aa6d65134810a8.txt",  # newspaper digest of the 2025 report
    "古交feature": "001_a4aab9d631b80547.txt",  # newspaper feature: a review, no plan
    "交城2025": "002_5f540e0837a54950.txt",  # OCR of a vertical newspaper page
    "古交2026": "003_dd839b69f8cc83e5.txt",  # 2025 plan execution / 2026 plan report
    "太原2025": "004_ca211e75efab253b.txt",  # second half of the 2025 report
}


def seed_path(name: str) -> Path:
    return seeds_dir() / SEED_FILES[name]


@cache
def seed(name: str) -> Document:
    from reporttui.core.text.ingest import load_document

    return load_document(seed_path(name))


def raw_seed(name: str) -> str:
    return seed_path(name).read_text("utf-8")


def run_async(test):  # type: ignore[no-untyped-def]
    """Run an ``async def`` test with asyncio (no pytest plugin); fixtures pass through."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        asyncio.run(test(*args, **kwargs))

    return wrapper
