"""Helpers shared by tests/test_web*.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

TOKEN = "test-token-0123456789abcdef"


def doc_id_of(store: Path, path_suffix: str) -> str:
    conn = sqlite3.connect(store)
    try:
        row = conn.execute("SELECT doc_id FROM documents WHERE path LIKE ?", ("%" + path_suffix,)).fetchone()
    finally:
        conn.close()
    assert row, path_suffix
    return row[0]


def client(store: Path):
    from starlette.testclient import TestClient

    from pipeline.web import create_app

    return TestClient(create_app(store, TOKEN), follow_redirects=False)
