"""The store as the web app sees it: a read-only connection for every read, one read-write connection
for the app's own tables (review decisions, first-seen times, the full-text index), which the
store's re-extraction never touches (``Store._delete`` and ``_relink`` only name the store's tables).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.graph.store import Store, default_registry

WEB_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_seen (
    obligation_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS web_seen_changed ON web_seen(changed_at, obligation_id);
CREATE TABLE IF NOT EXISTS web_fts_docs (doc_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS web_fts USING fts5(
    doc_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS review_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, obligation_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'corrected', 'rejected')),
    content_hash TEXT NOT NULL, action TEXT, deadline TEXT, note TEXT, reviewer TEXT,
    decided_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS review_decisions_obligation ON review_decisions(obligation_id, id);
CREATE TABLE IF NOT EXISTS review_assignees (
    decision_id INTEGER NOT NULL REFERENCES review_decisions(id), ord INTEGER NOT NULL,
    name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'responsible')),
    PRIMARY KEY (decision_id, ord));
CREATE TABLE IF NOT EXISTS review_latest (
    obligation_id TEXT PRIMARY KEY, decision_id INTEGER NOT NULL, decision TEXT NOT NULL,
    content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS review_latest_decision ON review_latest(decision, obligation_id);
"""


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(data: str) -> str:
    """Hash of an obligation's machine output (its stored JSON): a decision records the one it saw."""
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


class ReadOnlyStore(Store):
    """A ``Store`` whose connection is opened with ``mode=ro``: the query functions work on it, and any
    write they might attempt fails instead of touching the graph."""

    def __init__(self, path: str | Path, registry: Any):  # not Store.__init__: that one opens read-write
        self.path = Path(path)
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        # one request at a time runs on the event loop, but TestClient may call from different threads
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA query_only = 1")
        self._registry = registry
        self._canon = lru_cache(maxsize=65536)(self._canonical_uncached)


class WebDB:
    """Both connections, the change detector and the per-generation cache of expensive answers."""

    def __init__(self, path: str | Path, registry: Any = None):
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path} (build one with `obligraph run`)")
        self.registry = registry or default_registry()
        # creating the store's schema first lets serve start on an empty or older store file
        Store(self.path, registry=self.registry).close()
        self.rw = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self.rw.row_factory = sqlite3.Row
        self.rw.executescript(WEB_SCHEMA)
        self.store = ReadOnlyStore(self.path, self.registry)
        self.lock = threading.RLock()
        self._fingerprint: tuple | None = None
        self.generation = 0
        self._cache: dict[Any, Any] = {}
        self.refresh()

    def close(self) -> None:
        self.store.close()
        self.rw.close()

    # ------------------------------------------------------------ change detection

    def _documents_fingerprint(self) -> tuple:
        # a re-extracted document is deleted and inserted again, so it gets a new, larger rowid
        row = self.store.conn.execute("SELECT COUNT(*), MAX(rowid) FROM documents").fetchone()
        return tuple(row)

    def refresh(self) -> None:
        """Bring first-seen times and the full-text index up to date when the documents changed."""
        with self.lock:
            fingerprint = self._documents_fingerprint()
            if fingerprint == self._fingerprint:
                return
            self._sync_seen()
            self._sync_fts()
            self._fingerprint = fingerprint
            self.bump()

    def bump(self) -> None:
        """Forget cached answers (the documents or the review decisions changed)."""
        self.generation += 1
        self._cache.clear()

    def cached(self, key: Any, compute: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _sync_seen(self) -> None:
        stamp = now_utc()
        seen = {r[0]: r[1] for r in self.rw.execute("SELECT obligation_id, content_hash FROM web_seen")}
        new, changed = [], []
        for oid, doc_id, data in self.rw.execute("SELECT id, doc_id, data FROM obligations"):
            digest = content_hash(data)
            old = seen.get(oid)
            if old is None:
                new.append((oid, doc_id, digest, stamp, stamp))
            elif old != digest:
                changed.append((digest, doc_id, stamp, oid))
        if not new and not changed:
            return
        self.rw.execute("BEGIN IMMEDIATE")
        try:
            self.rw.executemany("INSERT INTO web_seen VALUES (?,?,?,?,?)", new)
            self.rw.executemany("UPDATE web_seen SET content_hash = ?, doc_id = ?, changed_at = ? "
                                "WHERE obligation_id = ?", changed)
            self.rw.execute("COMMIT")
        except BaseException:
            self.rw.execute("ROLLBACK")
            raise

    def _sync_fts(self) -> None:
        # a re-extracted document is inserted again with a new rowid: the rowid is its version here.
        # đ is not a combining mark, so unicode61 keeps it: the index and the queries both fold it to d
        self.rw.execute("BEGIN IMMEDIATE")
        try:
            stale = [r[0] for r in self.rw.execute(
                "SELECT f.doc_id FROM web_fts_docs f LEFT JOIN documents d ON d.doc_id = f.doc_id "
                "AND d.rowid = f.version WHERE d.doc_id IS NULL")]
            for doc_id in stale:
                self.rw.execute("DELETE FROM web_fts WHERE doc_id = ?", (doc_id,))
                self.rw.execute("DELETE FROM web_fts_docs WHERE doc_id = ?", (doc_id,))
            self.rw.execute(
                "INSERT INTO web_fts (doc_id, title, body) SELECT doc_id, "
                "replace(replace(COALESCE(title, ''), 'đ', 'd'), 'Đ', 'D'), "
                "replace(replace(COALESCE(json_extract(record, '$.text'), ''), 'đ', 'd'), 'Đ', 'D') "
                "FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM web_fts_docs)")
            self.rw.execute("INSERT INTO web_fts_docs SELECT doc_id, rowid FROM documents "
                            "WHERE doc_id NOT IN (SELECT doc_id FROM web_fts_docs)")
            self.rw.execute("COMMIT")
        except BaseException:
            self.rw.execute("ROLLBACK")
            raise
