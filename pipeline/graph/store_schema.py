"""The store's tables (see pipeline.graph.store for what each holds) and how a store file is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, language TEXT,
    symbol TEXT, doc_type TEXT, issuer TEXT, issued_on TEXT, title TEXT,
    node TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_node ON documents(node);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer);
CREATE INDEX IF NOT EXISTS documents_symbol ON documents(symbol);
CREATE TABLE IF NOT EXISTS doc_keys (
    key TEXT PRIMARY KEY, symbol TEXT, year INTEGER, issuer TEXT, doc_type TEXT, issued_on TEXT,
    title TEXT, placeholder INTEGER NOT NULL, doc_id TEXT);
CREATE INDEX IF NOT EXISTS doc_keys_symbol ON doc_keys(symbol);
CREATE INDEX IF NOT EXISTS doc_keys_issuer ON doc_keys(issuer);
CREATE TABLE IF NOT EXISTS refs (
    doc_id TEXT NOT NULL, ref_id TEXT NOT NULL, ord INTEGER, symbol TEXT, doc_type TEXT, number TEXT,
    year INTEGER, issuer_code TEXT, issued_on TEXT, issuer TEXT, relation TEXT, mention TEXT,
    confidence REAL, target TEXT, method TEXT, score REAL, PRIMARY KEY (doc_id, ref_id));
CREATE INDEX IF NOT EXISTS refs_symbol ON refs(symbol);
DROP INDEX IF EXISTS refs_target;
CREATE INDEX IF NOT EXISTS refs_target_order ON refs(target, doc_id, ref_id);
CREATE TABLE IF NOT EXISTS obligations (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ord INTEGER, path TEXT, action TEXT, text TEXT,
    deadline_kind TEXT, due TEXT, deadline_mention TEXT, rrule TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS obligations_doc ON obligations(doc_id, ord);
CREATE INDEX IF NOT EXISTS obligations_due ON obligations(due);
CREATE TABLE IF NOT EXISTS assignees (
    obligation_id TEXT NOT NULL, ord INTEGER NOT NULL, agency TEXT NOT NULL, role TEXT, mention TEXT,
    PRIMARY KEY (obligation_id, ord));
CREATE INDEX IF NOT EXISTS assignees_agency ON assignees(agency, role);
CREATE TABLE IF NOT EXISTS reports_to (
    obligation_id TEXT NOT NULL, ord INTEGER NOT NULL, agency TEXT NOT NULL, PRIMARY KEY (obligation_id, ord));
CREATE INDEX IF NOT EXISTS reports_to_agency ON reports_to(agency);
CREATE TABLE IF NOT EXISTS deadlines (
    obligation_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT, date TEXT, start TEXT, end TEXT,
    rrule TEXT, mention TEXT, PRIMARY KEY (obligation_id, ord));
CREATE TABLE IF NOT EXISTS obligation_refs (
    obligation_id TEXT NOT NULL, doc_id TEXT NOT NULL, ref_id TEXT NOT NULL,
    PRIMARY KEY (obligation_id, ref_id));
CREATE TABLE IF NOT EXISTS agencies (name TEXT PRIMARY KEY, name_en TEXT, kind TEXT);
CREATE TABLE IF NOT EXISTS cascades (
    child TEXT NOT NULL, parent TEXT NOT NULL, child_doc TEXT NOT NULL, parent_doc TEXT NOT NULL,
    score REAL NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (child, parent));
CREATE INDEX IF NOT EXISTS cascades_parent ON cascades(parent);
CREATE INDEX IF NOT EXISTS cascades_child_doc ON cascades(child_doc);
CREATE INDEX IF NOT EXISTS cascades_parent_doc ON cascades(parent_doc);
"""

# tables in the order a content dump lists them (tests compare dumps)
TABLES = ("documents", "doc_keys", "refs", "obligations", "assignees", "reports_to", "deadlines",
          "obligation_refs", "agencies", "cascades")


# SQLite checkpoints the WAL every 1,000 pages (4 MiB) by default: each checkpoint copies the pages back into the file
# and syncs it, and a batch's records (with their texts) fill 4 MiB every few dozen documents. A checkpoint every 10,000
# pages took about a tenth off storing 1,855 crawl records; the WAL is folded back at the latest when the store is
# closed. (A larger page cache took another tenth, but it is resident memory: the default stays.)
CHECKPOINT_PAGES = 10_000


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection in autocommit mode (transactions are explicit), WAL journal, tables created."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
    conn.executescript(SCHEMA)
    conn.row_factory = sqlite3.Row
    return conn
