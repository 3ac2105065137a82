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


def module_fixtures(subdir: str):
    """A module's own copy of the session's store (`store`) and a client over it (`web`), both
    module-scoped: ``store, web = module_fixtures("webread")`` at the top of a test file."""
    import pytest
    from conftest import copy_store

    @pytest.fixture(scope="module")
    def store(web_store_master, tmp_path_factory) -> Path:
        return copy_store(web_store_master, tmp_path_factory.mktemp(subdir) / "store.sqlite")

    @pytest.fixture(scope="module")
    def web(store):
        with client(store) as c:
            yield c

    return store, web
