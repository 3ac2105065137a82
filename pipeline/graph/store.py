"""Persistent obligation graph: one SQLite file, one transaction per document.

The full contract record of every document is kept (``documents.record``), together with
normalised tables the queries and the graph read:

- ``documents``   one row per stored record (doc_id, source path and sha256, metadata, ``node``:
                  the key of the document node it belongs to; an English translation and its
                  Vietnamese original share a node)
- ``doc_keys``    document nodes: stored documents and placeholders for cited documents not seen
                  yet (``placeholder`` = 1); a placeholder is upgraded in place when its document arrives
- ``refs``        references, with ``target`` = the node key they resolve to (link.resolve), or a
                  placeholder key; ``method``/``score`` say how the target was chosen
- ``obligations`` (``due`` = the deadline's date, or the end of a range), ``assignees`` (canonical agency, role), ``reports_to``,
                  ``deadlines`` (every deadline of a task), ``obligation_refs``
- ``agencies``    canonical name, English name, kind (from AgencyRegistry)
- ``cascades``    obligation -> obligation it carries out in a cited document, with score and evidence

``put_document`` runs in one ``BEGIN IMMEDIATE`` transaction, so a run killed at any point leaves
the file as it was before that document (WAL journal), and putting the same record again is a no-op.
Inside ``with store.grouped():`` (the batch runner) documents are committed in groups, each in its own
savepoint: a document that fails is rolled back alone, and a run killed mid-group loses only the
documents of that group, which the next run (skipping stored content) redoes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.graph.store_agencies import AgencyRows
from pipeline.graph.store_commit import GROUP_DOCUMENTS, GROUP_SECONDS, CommitGroups
from pipeline.graph.store_link import GraphLinker
from pipeline.graph.store_read import StoreReader, default_registry
from pipeline.graph.store_schema import SCHEMA, TABLES, connect
from pipeline.graph.store_write import DocumentWriter

__all__ = ["DEFAULT_STORE", "GROUP_DOCUMENTS", "GROUP_SECONDS", "SCHEMA", "TABLES", "Store", "default_registry"]

DEFAULT_STORE = Path("outputs") / "obligraph.sqlite"


class Store(StoreReader, CommitGroups, DocumentWriter, AgencyRows, GraphLinker):
    """The obligation graph on disk. ``Store(path)`` creates the file when it does not exist.

    One class per responsibility, sharing the connection: reading (store_read), transactions and commit
    groups (store_commit), writing documents (store_write), agency rows (store_agencies), linking
    (store_link); the tables are in store_schema."""

    def __init__(self, path: str | Path = DEFAULT_STORE, registry: Any = None, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = connect(self.path)
        self._registry = registry
        self._canon = lru_cache(maxsize=65536)(self._canonical_uncached)
        self._written_agencies: set[tuple] = set()
        self._orphans: set[str] = set()  # agencies that may have lost their last row
        self._group = None  # open commit group (see grouped())

    # ------------------------------------------------------------ plumbing

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

