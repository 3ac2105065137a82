"""Reading a store: records, document rows, content dumps, and agency names made canonical."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from pipeline.graph.store_schema import TABLES


def default_registry():
    from pipeline.extract.agencies import AgencyRegistry

    return AgencyRegistry.default()


class StoreReader:
    """What every store offers, the read-only one of the web app included: it needs only ``conn``,
    ``_registry`` and ``_canon`` (an lru_cache over ``_canonical_uncached``)."""

    conn: sqlite3.Connection
    _registry: Any
    _canon: Callable[[str], tuple[str, str | None, str | None]]

    @property
    def registry(self):
        if self._registry is None:
            self._registry = default_registry()
        return self._registry

    def _canonical_uncached(self, name: str) -> tuple[str, str | None, str | None]:
        agency = self.registry.lookup(name)
        if agency is None:
            return " ".join(name.split()), None, None
        return agency.name, getattr(agency, "name_en", None), getattr(agency, "kind", None)

    def canonical(self, name: str) -> str:
        """The canonical name of an agency given by any alias (unknown names are kept as written)."""
        return self._canon(name)[0]

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    def has_source(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone() is not None

    def records(self) -> Iterator[dict]:
        """Stored contract records, ordered by source path then doc_id."""
        for row in self.conn.execute("SELECT record FROM documents ORDER BY path, doc_id"):
            yield json.loads(row["record"])

    def documents(self) -> list[dict]:
        rows = self.conn.execute(
            "SELECT doc_id, symbol, node AS key, path, language, doc_type, issuer, issued_on, title "
            "FROM documents ORDER BY path, doc_id"
        )
        return [dict(r) for r in rows]

    def record(self, doc_id: str) -> dict | None:
        row = self.conn.execute("SELECT record FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row["record"]) if row else None

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table in a fixed order: equal dumps mean equal stores."""
        out = {}
        for table in TABLES:
            cols = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
            order = ", ".join(cols)
            out[table] = [tuple(r) for r in self.conn.execute(f"SELECT {order} FROM {table} ORDER BY {order}")]
        return out
