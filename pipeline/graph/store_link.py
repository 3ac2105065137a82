"""Linking inside a store: document nodes, reference targets and obligation cascades kept up to date
after each change, re-resolving only what the change can have affected."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.graph import link

# the refs columns a document's record gives; target, method and score come from the resolution
REF_COLUMNS = ("doc_id", "ref_id", "ord", "symbol", "doc_type", "number", "year", "issuer_code", "issued_on",
               "issuer", "relation", "mention", "confidence")


NodeState = tuple[int, str | None] | None  # a doc_keys row's (placeholder, doc_id), None where the node has none


@dataclass(frozen=True)
class NewRefs:
    """A stored document's refs rows (REF_COLUMNS), resolved in memory and inserted with their targets, so
    a new reference costs one INSERT rather than an INSERT and an UPDATE."""

    rows: list[tuple]
    citing_issuer: str | None
    citing_date: str | None

    def unresolved(self) -> dict[tuple[str, str], dict]:
        """Each row as _resolve reads it (a stored row is a sqlite3.Row), keyed as the stored rows are (a
        repeated ref id: the last wins)."""
        return {(row[0], row[1]): {**dict(zip(REF_COLUMNS, row, strict=True)), "target": None, "method": None,
                                   "citing_issuer": self.citing_issuer, "citing_date": self.citing_date}
                for row in self.rows}


class GraphLinker:
    """Refreshes ``doc_keys``, ``refs.target`` and ``cascades`` for the symbols, nodes and documents a change touched."""

    conn: sqlite3.Connection
    _orphans: set[str]

    def _relink(self, symbols: set[str], nodes: set[str], children: set[str], new_refs: NewRefs | None = None) -> None:
        """Refresh the touched nodes, re-resolve the references whose resolution may have changed (the
        document's own, and those citing a symbol whose stored documents changed), recompute cascades.

        References to a symbol are re-resolved only when the symbol's candidate nodes changed: a copy
        joining an existing node changes nothing for its citers, so a store that grows by documents
        sharing symbols does not re-resolve ever more references (the cost stays per document).
        ``new_refs``, the refs of a document being stored, are resolved here and inserted resolved."""
        c = self.conn
        was = {s: self._candidates(s) for s in symbols}
        # member documents may have changed; a refresh writes its own node's row only, so each state read on the way is
        # the node's state before the change
        initial = {n: self._refresh_node(n)[0] for n in list(nodes)}
        # doc_keys do not change from here to the end of the resolution loop: candidates are read once
        candidates = {s: self._candidates(s) for s in symbols}
        changed = sorted(s for s in symbols if candidates[s] != was[s])
        select = ("SELECT r.*, d.issuer AS citing_issuer, d.issued_on AS citing_date FROM refs r "
                  "JOIN documents d ON d.doc_id = r.doc_id WHERE ")
        # two queries, not one with OR: SQLite would scan the whole refs table for the OR
        rows = {(r["doc_id"], r["ref_id"]): r for r in c.execute(
            select + f"r.symbol IN ({','.join('?' * len(changed))})", changed)}
        rows.update(((r["doc_id"], r["ref_id"]), r) for r in c.execute(
            select + f"r.doc_id IN ({','.join('?' * len(children))}) AND r.target IS NULL", sorted(children)))
        fresh = new_refs.unresolved() if new_refs else {}
        rows.update(fresh)
        updates, inserts = [], []
        for key, r in rows.items():
            symbol = r["symbol"]
            if symbol and symbol not in candidates:
                candidates[symbol] = self._candidates(symbol)
            target, method, score = self._resolve(r, candidates.get(symbol, []))
            if key in fresh:
                inserts.append((*(r[col] for col in REF_COLUMNS), target, method, score))
            if target != r["target"] or method != r["method"]:
                if key not in fresh:
                    updates.append((target, method, score, r["doc_id"], r["ref_id"]))
                nodes.update(k for k in (target, r["target"]) if k)
                children.add(r["doc_id"])
        c.executemany("INSERT OR REPLACE INTO refs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", inserts)
        c.executemany("UPDATE refs SET target = ?, method = ?, score = ? WHERE doc_id = ? AND ref_id = ?", updates)
        for n in sorted(nodes):
            was_then, after = self._refresh_node(n)
            before = initial[n] if n in initial else was_then
            # only when a stored node's chosen record changed do its citers' cascades change; a placeholder
            # (a cited document not yet seen) has no obligations to cascade from, however often it is cited
            if after is None or after[0] or before == after:  # [0]: the node is a placeholder
                if not (before is not None and not before[0] and after is None):
                    continue
            children.update(r[0] for r in c.execute("SELECT DISTINCT doc_id FROM refs WHERE target = ?", (n,)))
        for doc_id in sorted(children):
            self._cascades(doc_id)
        self._prune_agencies()

    def _candidates(self, symbol: str) -> list[link.Candidate]:
        """The stored document nodes a reference to ``symbol`` may resolve to."""
        return [link.Candidate(k["key"], k["year"], k["issuer"], k["issued_on"]) for k in self.conn.execute(
            "SELECT key, year, issuer, issued_on FROM doc_keys WHERE symbol = ? AND placeholder = 0 ORDER BY key",
            (symbol,))]

    def _resolve(self, r: Mapping[str, Any], cands: list[link.Candidate]) -> tuple[str | None, str | None, float | None]:
        if not r["symbol"]:
            return None, "no_symbol", None
        q = link.RefQuery(r["symbol"], r["year"], r["issuer_code"], r["issued_on"], r["issuer"],
                          r["citing_issuer"], r["citing_date"])
        res = link.resolve(q, cands, self.registry)
        if res.key is not None:
            return res.key, res.method, res.score
        return str(link.placeholder_key(q, self.registry)), f"placeholder:{res.method}", None

    def _refresh_node(self, key: str) -> tuple[NodeState, NodeState]:
        """Rewrite the doc_keys row of a node from its members (or, with none, from the references citing it); returns
        its state (placeholder, doc_id) before and after, None where it has no row."""
        c = self.conn
        member = c.execute(
            "SELECT doc_id, symbol, doc_type, issued_on, title FROM documents WHERE node = ? "
            "ORDER BY language != 'vi', doc_id LIMIT 1", (key,)).fetchone()
        symbol, year, issuer = _split_key(key)
        old = c.execute("SELECT * FROM doc_keys WHERE key = ?", (key,)).fetchone()
        before = None if old is None else (old["placeholder"], old["doc_id"])
        if member is not None:
            row = (key, member["symbol"], year, issuer, member["doc_type"], member["issued_on"], member["title"], 0,
                   member["doc_id"])
            self._write_key(old, row)
            return before, (0, member["doc_id"])
        ref = c.execute("SELECT doc_type, issued_on FROM refs WHERE target = ? ORDER BY doc_id, ref_id LIMIT 1",
                        (key,)).fetchone()
        if ref is None:
            if old is not None and old["issuer"]:
                self._orphans.add(old["issuer"])
            c.execute("DELETE FROM doc_keys WHERE key = ?", (key,))
            return before, None
        self._write_key(old, (key, symbol, year, issuer, ref["doc_type"], ref["issued_on"], None, 1, None))
        if issuer:
            self._agency(issuer)
        return before, (1, None)

    def _write_key(self, old: sqlite3.Row | None, row: tuple) -> None:
        """Write a doc_keys row unless it is stored as it is: a cited law is refreshed by each document citing it, and
        rewriting an unchanged row still deletes and re-inserts it in every index of the table."""
        if old is None or tuple(old) != row:
            self.conn.execute("INSERT OR REPLACE INTO doc_keys VALUES (?,?,?,?,?,?,?,?,?)", row)

    def _cascades(self, doc_id: str) -> None:
        c = self.conn
        c.execute("DELETE FROM cascades WHERE child_doc = ?", (doc_id,))
        row = c.execute("SELECT record, issuer, node FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        targets = {
            r["ref_id"]: r["target"]
            for r in c.execute(
                "SELECT r.ref_id, r.target FROM refs r JOIN doc_keys k ON k.key = r.target "
                "WHERE r.doc_id = ? AND k.placeholder = 0 AND r.target != ?", (doc_id, row["node"]))
        }
        if not targets:
            return
        parents, parent_docs = {}, {}
        for key in sorted(set(targets.values())):
            k = c.execute("SELECT doc_id FROM doc_keys WHERE key = ?", (key,)).fetchone()
            rec = self.record(k["doc_id"])
            if rec is not None:
                parents[key], parent_docs[key] = rec, k["doc_id"]
        child = json.loads(row["record"])
        child_issuer = row["issuer"]
        for lk in link.cascade_links(child, parents, targets, child_issuer, self.registry):
            c.execute("INSERT OR REPLACE INTO cascades VALUES (?,?,?,?,?,?)",
                      (lk.child, lk.parent, doc_id, parent_docs[lk.evidence["cited"]], lk.score,
                       json.dumps(lk.evidence, ensure_ascii=False, sort_keys=True)))


def _split_key(key: str) -> tuple[str | None, int | None, str | None]:
    if key.startswith("#"):
        return None, None, None
    symbol, year, issuer = key.split("|", 2)
    return symbol, int(year) if year else None, issuer or None
