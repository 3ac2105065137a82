"""The store's agencies table: an agency is upserted when a row names it and pruned when none does."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


class AgencyRows:
    """Writes and prunes ``agencies`` rows, remembering what it wrote so a repeated upsert is skipped."""

    conn: sqlite3.Connection
    _canon: Callable[[str], tuple[str, str | None, str | None]]
    _written_agencies: set[tuple]
    _orphans: set[str]  # agencies that may have lost their last row

    def _agency(self, name: str, name_en: str | None = None) -> None:
        canon, reg_en, kind = self._canon(name)
        row = (canon, reg_en or name_en, kind)
        if row in self._written_agencies:
            return  # the same upsert again would change nothing
        self._written_agencies.add(row)
        self.conn.execute(
            "INSERT INTO agencies VALUES (?,?,?) ON CONFLICT(name) DO UPDATE SET "
            # the smallest English name wins, so the row does not depend on the order documents came in
            "name_en = CASE WHEN agencies.name_en IS NULL OR excluded.name_en < agencies.name_en "
            "THEN COALESCE(excluded.name_en, agencies.name_en) ELSE agencies.name_en END, "
            "kind = COALESCE(agencies.kind, excluded.kind)",
            (canon, reg_en or name_en, kind),
        )

    def _prune_agencies(self) -> None:
        """Agencies are kept while a row names them, so a store's content depends only on its records."""
        for name in sorted(self._orphans):
            used = self.conn.execute(
                "SELECT EXISTS(SELECT 1 FROM assignees WHERE agency = :n) OR EXISTS(SELECT 1 FROM reports_to "
                "WHERE agency = :n) OR EXISTS(SELECT 1 FROM documents WHERE issuer = :n) "
                "OR EXISTS(SELECT 1 FROM doc_keys WHERE issuer = :n)", {"n": name}).fetchone()[0]
            if not used:
                self.conn.execute("DELETE FROM agencies WHERE name = ?", (name,))
                self._written_agencies = {row for row in self._written_agencies if row[0] != name}
        self._orphans.clear()

    def _forget_caches(self) -> None:
        """After a rollback the caches of what was written may name rows that are gone."""
        self._orphans.clear()
        self._written_agencies.clear()
