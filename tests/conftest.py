"""Shared paths and a per-session cache of extracted records (OCR and extraction run once)."""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract.document import extract_file, extract_text
from pipeline.records import DocumentRecord, Source

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


def passage(text: str) -> DocumentRecord:
    """The record of a passage of text, extracted as a file of its own would be."""
    return extract_text(text, source=Source(path="passage.txt", format="txt",
                                            sha256=hashlib.sha256(text.encode()).hexdigest()))


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


# ---------------------------------------------------------------- web app (tests/test_web*.py)

HOSTILE_DOC = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 999/CĐ-TTg
Hà Nội, ngày 01 tháng 12 năm 2025

CÔNG ĐIỆN
Về việc <script>alert("xss-title")</script> kiểm tra <b>hiển thị</b>

Thủ tướng Chính phủ yêu cầu:
1. Bộ Y tế khẩn trương kiểm tra <script>alert("xss-body")</script> và <img src=x onerror=alert(1)> báo cáo trước ngày 15/12/2025.
2. Bộ Công an chủ trì rà soát <a href="javascript:alert(2)">liên kết</a>, hoàn thành trước ngày 20/12/2025.
"""


def build_web_store(target: Path) -> Path:
    """The dev corpus plus one document full of markup, through `obligraph run` (about 15 s)."""
    import subprocess
    import sys

    extra = target.parent / "hostile-doc"
    extra.mkdir(exist_ok=True)
    (extra / "vi_cd_999_ttg_xss.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(DEV), str(extra), "--store", str(target),
         "--failures", str(target.parent / "failures.jsonl"), "--workers", "2", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture(scope="session")
def web_store_master(tmp_path_factory, shared_available) -> Path:
    return build_web_store(tmp_path_factory.mktemp("web") / "store.sqlite")


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store (SQLite backup: WAL content included)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def web_store(web_store_master, tmp_path) -> Path:
    """A private copy of the session's store: review tests write to it."""
    return copy_store(web_store_master, tmp_path / "store.sqlite")
