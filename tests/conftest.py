"""Shared paths and a per-session cache of extracted records (OCR and extraction run once)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
CRAWL = SHARED / "corpus" / "crawl"
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "corpora" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def extracted(path: str) -> dict:
    return extract_file(path).to_dict()


def manifest() -> list[dict[str, str]]:
    with (DEV / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def dev_files(suffix: str | None = None) -> list[Path]:
    return sorted(p for p in DEV.iterdir() if p.suffix in ((suffix,) if suffix else (".txt", ".pdf")))


@pytest.fixture(scope="session")
def shared_available() -> Path:
    if not DEV.exists():
        pytest.fail(f"../shared is not beside the repository ({SHARED}); tests read the real corpus from it")
    return SHARED
