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

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.graph import link

DEFAULT_STORE = Path("outputs") / "obligraph.sqlite"
# a commit costs about a millisecond (WAL frames and checkpoints); grouping saves a third of the store time
GROUP_DOCUMENTS = 32
GROUP_SECONDS = 2.0

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


def default_registry():
    from pipeline.extract.agencies import AgencyRegistry

    return AgencyRegistry.default()


class Store:
    """The obligation graph on disk. ``Store(path)`` creates the file when it does not exist."""

    def __init__(self, path: str | Path = DEFAULT_STORE, registry: Any = None, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self._written_agencies: set[tuple] = set()
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)
        self.conn.row_factory = sqlite3.Row
        self._registry = registry
        self._canon = lru_cache(maxsize=65536)(self._canonical_uncached)
        self._orphans: set[str] = set()  # agencies that may have lost their last row
        self._group: _Group | None = None  # open commit group (see grouped())

    # ------------------------------------------------------------ plumbing

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

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

    # ------------------------------------------------------------ reading

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

    # ------------------------------------------------------------ writing

    def put_document(self, record: dict) -> None:
        """Store one contract record, replacing any earlier record of the same source path."""
        doc_id = record["doc_id"]
        path = record["source"]["path"]
        blob = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        same = self.conn.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? AND path = ? AND record = ?", (doc_id, path, blob)
        ).fetchone()
        if same:
            return
        with self._change():
            self._put(record, blob)

    @contextmanager
    def grouped(self, documents: int = GROUP_DOCUMENTS, seconds: float = GROUP_SECONDS) -> Iterator[Store]:
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

    def _forget_caches(self) -> None:
        """After a rollback the caches of what was written may name rows that are gone."""
        self._orphans.clear()
        self._written_agencies.clear()

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
        self._insert_refs(record, issuer)
        self._insert_obligations(record)
        self._relink(symbols, nodes, children)

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

    def _insert_refs(self, record: dict, issuer: str | None) -> None:
        text = record.get("text") or ""
        rows = []
        for ord_, ref in enumerate(record.get("references", [])):
            named = None
            if ref.get("symbol"):
                named = link.named_issuer(text, ref["span"][1], issuer, self.registry)
            rows.append((record["doc_id"], ref["id"], ord_, ref.get("symbol"), ref.get("doc_type"), ref.get("number"),
                         ref.get("year"), ref.get("issuer_code"), ref.get("issued_on"), named,
                         ref.get("relation") or "cites", ref.get("mention"), ref.get("confidence", 1.0)))
        self.conn.executemany("INSERT OR REPLACE INTO refs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL)", rows)

    def _insert_obligations(self, record: dict) -> None:
        doc_id = record["doc_id"]
        rows: dict[str, list[tuple]] = {"obligations": [], "assignees": [], "reports_to": [], "deadlines": [],
                                        "obligation_refs": []}
        for ord_, obl in enumerate(record.get("obligations", [])):
            oid = obl["id"]
            dl = obl.get("deadline") or {}
            data = json.dumps(obl, ensure_ascii=False, separators=(",", ":"))
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

    # ------------------------------------------------------------ linking

    def _relink(self, symbols: set[str], nodes: set[str], children: set[str]) -> None:
        """Refresh the touched nodes, re-resolve the references whose resolution may have changed (the
        document's own, and those citing a symbol whose stored documents changed), recompute cascades.

        References to a symbol are re-resolved only when the symbol's candidate nodes changed: a copy
        joining an existing node changes nothing for its citers, so a store that grows by documents
        sharing symbols does not re-resolve ever more references (the cost stays per document)."""
        c = self.conn
        initial = {n: self._node_state(n) for n in nodes}
        was = {s: self._candidates(s) for s in symbols}
        for n in list(nodes):
            self._refresh_node(n)  # member documents may have changed
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
        updates = []
        for r in rows.values():
            symbol = r["symbol"]
            if symbol and symbol not in candidates:
                candidates[symbol] = self._candidates(symbol)
            target, method, score = self._resolve(r, candidates.get(symbol, []))
            if target != r["target"] or method != r["method"]:
                updates.append((target, method, score, r["doc_id"], r["ref_id"]))
                nodes.update(k for k in (target, r["target"]) if k)
                children.add(r["doc_id"])
        c.executemany("UPDATE refs SET target = ?, method = ?, score = ? WHERE doc_id = ? AND ref_id = ?", updates)
        for n in sorted(nodes):
            before = initial[n] if n in initial else self._node_state(n)
            self._refresh_node(n)
            after = self._node_state(n)
            # only when a stored node's chosen record changed do its citers' cascades change; a placeholder
            # (a cited document not yet seen) has no obligations to cascade from, however often it is cited
            if after is None or after["placeholder"] or (before is not None and tuple(before) == tuple(after)):
                if not (before is not None and not before["placeholder"] and after is None):
                    continue
            children.update(r[0] for r in c.execute("SELECT DISTINCT doc_id FROM refs WHERE target = ?", (n,)))
        for doc_id in sorted(children):
            self._cascades(doc_id)
        self._prune_agencies()

    def _node_state(self, key: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT placeholder, doc_id FROM doc_keys WHERE key = ?", (key,)).fetchone()

    def _candidates(self, symbol: str) -> list[link.Candidate]:
        """The stored document nodes a reference to ``symbol`` may resolve to."""
        return [link.Candidate(k["key"], k["year"], k["issuer"], k["issued_on"]) for k in self.conn.execute(
            "SELECT key, year, issuer, issued_on FROM doc_keys WHERE symbol = ? AND placeholder = 0 ORDER BY key",
            (symbol,))]

    def _resolve(self, r: sqlite3.Row, cands: list[link.Candidate]) -> tuple[str | None, str | None, float | None]:
        if not r["symbol"]:
            return None, "no_symbol", None
        q = link.RefQuery(r["symbol"], r["year"], r["issuer_code"], r["issued_on"], r["issuer"],
                          r["citing_issuer"], r["citing_date"])
        res = link.resolve(q, cands, self.registry)
        if res.key is not None:
            return res.key, res.method, res.score
        return str(link.placeholder_key(q, self.registry)), f"placeholder:{res.method}", None

    def _refresh_node(self, key: str) -> None:
        c = self.conn
        member = c.execute(
            "SELECT doc_id, symbol, doc_type, issued_on, title FROM documents WHERE node = ? "
            "ORDER BY language != 'vi', doc_id LIMIT 1", (key,)).fetchone()
        symbol, year, issuer = _split_key(key)
        if member is not None:
            c.execute("INSERT OR REPLACE INTO doc_keys VALUES (?,?,?,?,?,?,?,0,?)",
                      (key, member["symbol"], year, issuer, member["doc_type"], member["issued_on"],
                       member["title"], member["doc_id"]))
            return
        ref = c.execute("SELECT doc_type, issued_on FROM refs WHERE target = ? ORDER BY doc_id, ref_id LIMIT 1",
                        (key,)).fetchone()
        if ref is None:
            old = c.execute("SELECT issuer FROM doc_keys WHERE key = ?", (key,)).fetchone()
            if old is not None and old["issuer"]:
                self._orphans.add(old["issuer"])
            c.execute("DELETE FROM doc_keys WHERE key = ?", (key,))
            return
        c.execute("INSERT OR REPLACE INTO doc_keys VALUES (?,?,?,?,?,?,NULL,1,NULL)",
                  (key, symbol, year, issuer, ref["doc_type"], ref["issued_on"]))
        if issuer:
            self._agency(issuer)

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


@dataclass
class _Group:
    documents: int
    seconds: float
    opened: float = 0.0
    pending: int = 0


def _split_key(key: str) -> tuple[str | None, int | None, str | None]:
    if key.startswith("#"):
        return None, None, None
    symbol, year, issuer = key.split("|", 2)
    return symbol, int(year) if year else None, issuer or None
