"""Transactions of a store: one per document, or documents committed in groups (see grouped())."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

# a commit costs about a millisecond (WAL frames and checkpoints); grouping saves a third of the store time
GROUP_DOCUMENTS = 32
GROUP_SECONDS = 2.0

Groups = TypeVar("Groups", bound="CommitGroups")


class CommitGroups:
    """All-or-nothing changes, one document at a time; ``_forget_caches`` (AgencyRows) runs after a rollback."""

    conn: sqlite3.Connection
    _group: _Group | None

    @contextmanager
    def grouped(self: Groups, documents: int = GROUP_DOCUMENTS, seconds: float = GROUP_SECONDS) -> Iterator[Groups]:
        """Commit documents put inside the block every ``documents`` documents or ``seconds``, and at its
        end (also when it ends by an exception: every document put so far is complete)."""
        if self._group is not None:
            yield self
            return
        self._group = _Group(documents, seconds)
        try:
            yield self
        finally:
            self._group = None
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def group_due_in(self) -> float | None:
        """Seconds until the open group is due for its commit; None when nothing waits for one."""
        group = self._group
        if group is None or not self.conn.in_transaction:
            return None
        return max(0.0, group.opened + group.seconds - time.monotonic())

    def commit(self) -> None:
        """Commit the open group now (documents put outside a group are committed already)."""
        if self.conn.in_transaction and self._group is not None:
            self.conn.execute("COMMIT")

    @contextmanager
    def _change(self) -> Iterator[None]:
        """One document's change, all or nothing: its own transaction, or a savepoint in the open group."""
        group = self._group
        if group is None:
            begin, undo, done = "BEGIN IMMEDIATE", ("ROLLBACK",), ("COMMIT",)
        else:
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
                group.opened, group.pending = time.monotonic(), 0
            begin, undo, done = "SAVEPOINT document", ("ROLLBACK TO document", "RELEASE document"), (
                "RELEASE document",)
        self.conn.execute(begin)
        try:
            yield
        except BaseException:
            for sql in undo:
                self.conn.execute(sql)
            self._forget_caches()
            raise
        for sql in done:
            self.conn.execute(sql)
        if group is not None:
            group.pending += 1
            if group.pending >= group.documents or time.monotonic() - group.opened >= group.seconds:
                self.conn.execute("COMMIT")


@dataclass
class _Group:
    documents: int
    seconds: float
    opened: float = 0.0
    pending: int = 0
