"""Writing a store: one contract record into the normalised tables, or a source path's record removed."""

from __future__ import annotations

import sqlite3

from pipeline.graph import link
from pipeline.graph.store_link import NewRefs
from pipeline.records import compact_json


class DocumentWriter:
    """put_document and remove_path; the transaction comes from CommitGroups, agency rows from AgencyRows,
    the re-linking of what a change touched from GraphLinker."""

    conn: sqlite3.Connection
    _orphans: set[str]

    def put_document(self, record: dict, blob: str | None = None) -> None:
        """Store one contract record, replacing any earlier record of the same source path; ``blob`` is
        the record's compact_json text when the caller already has it (the batch driver validated it)."""
        doc_id = record["doc_id"]
        path = record["source"]["path"]
        blob = compact_json(record) if blob is None else blob
        same = self.conn.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? AND path = ? AND record = ?", (doc_id, path, blob)
        ).fetchone()
        if same:
            return
        with self._change():
            self._put(record, blob)

    def remove_path(self, path: str) -> None:
        """Forget the record of a source file (e.g. a file that was deleted)."""
        with self._change():
            symbols, nodes, children = set(), set(), set()
            for row in self.conn.execute("SELECT doc_id FROM documents WHERE path = ?", (path,)).fetchall():
                self._delete(row["doc_id"], symbols, nodes, children)
            self._relink(symbols, nodes, children)

    def _put(self, record: dict, blob: str) -> None:
        c = self.conn
        doc_id = record["doc_id"]
        source, meta = record["source"], record.get("metadata") or {}
        symbols: set[str] = set()
        nodes: set[str] = set()
        children: set[str] = {doc_id}
        old = c.execute("SELECT doc_id FROM documents WHERE path = ? OR doc_id = ?", (source["path"], doc_id))
        for row in old.fetchall():
            self._delete(row["doc_id"], symbols, nodes, children)
        children.add(doc_id)  # _delete dropped it when the same content was stored under another path
        issuer = self.canonical(meta["issuer"]) if meta.get("issuer") else None
        node, key = self._node_for(record, issuer)
        c.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, source["path"], source["sha256"], record.get("language"), meta.get("symbol"),
             meta.get("doc_type"), issuer, meta.get("issued_on"), meta.get("title"), node, blob),
        )
        if issuer:
            self._agency(issuer)
        if key is not None:
            symbols.add(key.symbol)
        nodes.add(node)
        refs = self._ref_rows(record, issuer)
        self._insert_obligations(record)
        self._relink(symbols, nodes, children, NewRefs(refs, issuer, meta.get("issued_on")))

    def _node_for(self, record: dict, issuer: str | None) -> tuple[str, link.DocKey | None]:
        meta = record.get("metadata") or {}
        symbol = meta.get("symbol")
        if not symbol:
            return link.unnumbered_key(record["doc_id"]), None
        key = link.DocKey(symbol, link.year_of(meta.get("issued_on")) or link.symbol_year(symbol), issuer)
        if key.year is None or key.issuer is None:
            # a copy missing its date or issuer joins the one stored document it is compatible with
            rows = self.conn.execute(
                "SELECT DISTINCT d.node, k.year, k.issuer FROM documents d JOIN doc_keys k ON k.key = d.node "
                "WHERE d.symbol = ?", (symbol,)
            ).fetchall()
            fits = [r["node"] for r in rows
                    if (key.year is None or r["year"] in (None, key.year))
                    and (key.issuer is None or r["issuer"] in (None, key.issuer))]
            if len(fits) == 1:
                return fits[0], key
        return str(key), key

    def _delete(self, doc_id: str, symbols: set[str], nodes: set[str], children: set[str]) -> None:
        c = self.conn
        row = c.execute("SELECT symbol, node FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        if row["symbol"]:
            symbols.add(row["symbol"])
        self._orphans.update(r[0] for r in c.execute(
            "SELECT issuer FROM documents WHERE doc_id = ? AND issuer IS NOT NULL "
            "UNION SELECT a.agency FROM assignees a JOIN obligations o ON o.id = a.obligation_id WHERE o.doc_id = ? "
            "UNION SELECT t.agency FROM reports_to t JOIN obligations o ON o.id = t.obligation_id WHERE o.doc_id = ?",
            (doc_id, doc_id, doc_id)))
        nodes.add(row["node"])
        nodes.update(r["target"] for r in c.execute(
            "SELECT DISTINCT target FROM refs WHERE doc_id = ? AND target IS NOT NULL", (doc_id,)))
        # documents whose tasks carried out this one's must be re-linked
        children.update(r["child_doc"] for r in c.execute(
            "SELECT DISTINCT child_doc FROM cascades WHERE parent_doc = ?", (doc_id,)))
        obl = "SELECT id FROM obligations WHERE doc_id = ?"
        for table in ("assignees", "reports_to", "deadlines", "obligation_refs"):
            c.execute(f"DELETE FROM {table} WHERE obligation_id IN ({obl})", (doc_id,))
        c.execute("DELETE FROM cascades WHERE child_doc = ? OR parent_doc = ?", (doc_id, doc_id))
        c.execute("DELETE FROM obligations WHERE doc_id = ?", (doc_id,))
        c.execute("DELETE FROM refs WHERE doc_id = ?", (doc_id,))
        c.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        children.discard(doc_id)

    def _ref_rows(self, record: dict, issuer: str | None) -> list[tuple]:
        """The document's refs rows without their resolution: _relink resolves and inserts them."""
        text = record.get("text") or ""
        rows = []
        for ord_, ref in enumerate(record.get("references", [])):
            named = None
            if ref.get("symbol"):
                named = link.named_issuer(text, ref["span"][1], issuer, self.registry)
            rows.append((record["doc_id"], ref["id"], ord_, ref.get("symbol"), ref.get("doc_type"), ref.get("number"),
                         ref.get("year"), ref.get("issuer_code"), ref.get("issued_on"), named,
                         ref.get("relation") or "cites", ref.get("mention"), ref.get("confidence", 1.0)))
        return rows

    def _insert_obligations(self, record: dict) -> None:
        doc_id = record["doc_id"]
        rows: dict[str, list[tuple]] = {"obligations": [], "assignees": [], "reports_to": [], "deadlines": [],
                                        "obligation_refs": []}
        for ord_, obl in enumerate(record.get("obligations", [])):
            oid = obl["id"]
            dl = obl.get("deadline") or {}
            data = compact_json(obl)
            rows["obligations"].append((oid, doc_id, ord_, obl.get("path"), obl.get("action"), obl.get("text"),
                                        dl.get("kind"), dl.get("date") or dl.get("end"), dl.get("mention"),
                                        dl.get("rrule"), data))
            for i, a in enumerate(obl.get("assignees", [])):
                name = self.canonical(a["name"])
                self._agency(name, a.get("name_en"))
                rows["assignees"].append((oid, i, name, a.get("role"), a.get("mention")))
            for i, body in enumerate(obl.get("reports_to", [])):
                name = self.canonical(body)
                self._agency(name)
                rows["reports_to"].append((oid, i, name))
            deadlines = obl.get("deadlines") or ([obl["deadline"]] if obl.get("deadline") else [])
            rows["deadlines"].extend((oid, i, d.get("kind"), d.get("date"), d.get("start"), d.get("end"),
                                      d.get("rrule"), d.get("mention")) for i, d in enumerate(deadlines))
            rows["obligation_refs"].extend((oid, doc_id, rid) for rid in obl.get("references", []))
        for table, values in rows.items():  # one statement per table: most of a row's cost is the call
            if values:
                marks = ",".join("?" * len(values[0]))
                self.conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", values)
