"""Questions over the stored graph, as Python functions and as ``obligraph query ...``.

Every function takes an open ``Store`` and returns a list of dicts (the ``--json`` output is that
list). Documents carry ``symbol``, ``doc_id`` (the stored record chosen for the node, the
Vietnamese one when there are two; null for a placeholder), ``key``, ``doc_ids``, ``issuer``,
``issued_on``, ``doc_type``, ``title``, ``placeholder``. Obligations carry the contract fields plus
``doc_id``, ``document`` (symbol), ``doc_key`` and ``status``.

A symbol argument designates every stored node with that canonical symbol; ``year`` and ``issuer``
narrow it (two different 310/KH-UBND exist). Status as of a day: ``overdue`` (due before it),
``open`` (due on or after it, or a recurring/relative deadline without a fixed day),
``no-deadline`` (no deadline at all).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.graph.store import DEFAULT_STORE, Store

STATUSES = ("open", "overdue", "no-deadline")

_DOC_COLS = "k.key, k.symbol, k.year, k.issuer, k.doc_type, k.issued_on, k.title, k.placeholder, k.doc_id"


def canonical(symbol: str) -> str:
    """The canonical form of a symbol typed by a user (``217/CD-TTg`` -> ``217/CĐ-TTg``)."""
    from pipeline.extract.references import canonical_symbol

    text = " ".join(symbol.split())
    return canonical_symbol(text) or text


# ---------------------------------------------------------------- documents


def _doc(store: Store, row: Any) -> dict:
    doc_ids = [r[0] for r in store.conn.execute(
        "SELECT doc_id FROM documents WHERE node = ? ORDER BY language != 'vi', doc_id", (row["key"],))]
    return {
        "symbol": row["symbol"], "doc_id": row["doc_id"], "key": row["key"], "doc_ids": doc_ids,
        "issuer": row["issuer"], "issued_on": row["issued_on"], "doc_type": row["doc_type"],
        "title": row["title"], "placeholder": bool(row["placeholder"]),
    }


def find_documents(store: Store, symbol: str, year: int | None = None, issuer: str | None = None) -> list[dict]:
    """Document nodes (stored or placeholder) with this symbol."""
    sql = f"SELECT {_DOC_COLS} FROM doc_keys k WHERE k.symbol = ?"
    args: list[Any] = [canonical(symbol)]
    if year is not None:
        sql += " AND k.year = ?"
        args.append(year)
    if issuer:
        sql += " AND k.issuer = ?"
        args.append(store.canonical(issuer))
    return [_doc(store, r) for r in store.conn.execute(sql + " ORDER BY k.placeholder, k.key", args)]


def _keys(store: Store, symbol: str, year: int | None, issuer: str | None) -> list[str]:
    return [d["key"] for d in find_documents(store, symbol, year, issuer)]


def _node_row(store: Store, key: str) -> Any:
    return store.conn.execute(f"SELECT {_DOC_COLS} FROM doc_keys k WHERE k.key = ?", (key,)).fetchone()


def _citers(store: Store, key: str) -> list[tuple[str, list[str]]]:
    rows = store.conn.execute(
        "SELECT d.node, r.relation FROM refs r JOIN documents d ON d.doc_id = r.doc_id "
        "WHERE r.target = ? AND d.node != ? ORDER BY d.node, r.relation", (key, key))
    out: dict[str, list[str]] = {}
    for node, rel in rows:
        rels = out.setdefault(node, [])
        if rel not in rels:
            rels.append(rel)
    return list(out.items())


def cited_by(store: Store, symbol: str, transitive: bool = False, year: int | None = None,
             issuer: str | None = None) -> list[dict]:
    """Documents citing the document, directly (depth 1) or through a chain of citations."""
    roots = _keys(store, symbol, year, issuer)
    seen = set(roots)
    queue = deque((k, 0) for k in roots)
    out = []
    while queue:
        key, depth = queue.popleft()
        if depth and not transitive:
            continue
        for citer, rels in _citers(store, key):
            if citer in seen:
                continue
            seen.add(citer)
            out.append({**_doc(store, _node_row(store, citer)), "depth": depth + 1, "cites": key, "relations": rels})
            queue.append((citer, depth + 1))
    return out


def based_on(store: Store, symbol: str, year: int | None = None, issuer: str | None = None,
             relation: str | None = None) -> list[dict]:
    """The documents a document cites (all relations, or one: based_on, implements ...)."""
    out = []
    for key in _keys(store, symbol, year, issuer):
        sql = ("SELECT r.target, r.relation, r.mention, r.method, r.score FROM refs r JOIN documents d "
               "ON d.doc_id = r.doc_id WHERE d.node = ? AND r.target IS NOT NULL AND r.target != ?")
        args: list[Any] = [key, key]
        if relation:
            sql += " AND r.relation = ?"
            args.append(relation)
        grouped: dict[str, dict] = {}
        for r in store.conn.execute(sql + " ORDER BY d.language != 'vi', r.doc_id, r.ord", args):
            g = grouped.setdefault(r["target"], {"relations": [], "mentions": [], "method": r["method"],
                                                 "score": r["score"]})
            if r["relation"] not in g["relations"]:
                g["relations"].append(r["relation"])
            g["mentions"].append(r["mention"])
        for target, g in grouped.items():
            out.append({**_doc(store, _node_row(store, target)), "cited_by": key, **g})
    return out


def cascade(store: Store, symbol: str, year: int | None = None, issuer: str | None = None,
            max_depth: int = 6) -> list[dict]:
    """The document and every document implementing it, down the chain, with obligation links.

    Each entry has ``depth`` (0 for the document itself), ``cites`` (the key one level up) and
    ``links``: the entry's obligations that carry out one of the upper document's, with score.
    """
    out = []
    for root in _keys(store, symbol, year, issuer):
        out.append({**_doc(store, _node_row(store, root)), "depth": 0, "cites": None, "relations": [], "links": []})
        seen = {root}
        queue = deque([(root, 0)])
        while queue:
            key, depth = queue.popleft()
            if depth >= max_depth:
                continue
            for citer, rels in _citers(store, key):
                if citer in seen:
                    continue
                seen.add(citer)
                out.append({**_doc(store, _node_row(store, citer)), "depth": depth + 1, "cites": key,
                            "relations": rels, "links": _links(store, citer, key)})
                queue.append((citer, depth + 1))
    return out


def _links(store: Store, child_key: str, parent_key: str) -> list[dict]:
    rows = store.conn.execute(
        "SELECT c.child, c.parent, c.score, c.evidence, oc.path AS child_path, oc.action AS child_action, "
        "op.path AS parent_path, op.action AS parent_action FROM cascades c "
        "JOIN documents dc ON dc.doc_id = c.child_doc JOIN documents dp ON dp.doc_id = c.parent_doc "
        "JOIN obligations oc ON oc.id = c.child JOIN obligations op ON op.id = c.parent "
        "WHERE dc.node = ? AND dp.node = ? ORDER BY oc.doc_id, oc.ord", (child_key, parent_key))
    return [{"obligation": r["child"], "path": r["child_path"], "action": r["child_action"],
             "carries_out": r["parent"], "parent_path": r["parent_path"], "parent_action": r["parent_action"],
             "score": r["score"], "evidence": json.loads(r["evidence"])} for r in rows]


def top_cited(store: Store, limit: int = 10) -> list[dict]:
    """Documents cited by the most other documents (placeholders included)."""
    rows = store.conn.execute(
        "SELECT r.target, COUNT(DISTINCT d.node) AS n FROM refs r JOIN documents d ON d.doc_id = r.doc_id "
        "WHERE r.target IS NOT NULL AND r.target != d.node GROUP BY r.target ORDER BY n DESC, r.target LIMIT ?",
        (limit,))
    return [{**_doc(store, _node_row(store, r["target"])), "cited_by": r["n"]} for r in rows.fetchall()]


def busiest_agencies(store: Store, limit: int = 10, role: str | None = None) -> list[dict]:
    """Agencies assigned the most obligations (optionally in one role)."""
    sql = "SELECT agency, COUNT(DISTINCT obligation_id) AS n FROM assignees"
    args: list[Any] = []
    if role:
        sql += " WHERE role = ?"
        args.append(role)
    rows = store.conn.execute(sql + " GROUP BY agency ORDER BY n DESC, agency LIMIT ?", (*args, limit)).fetchall()
    out = []
    for r in rows:
        a = store.conn.execute("SELECT name_en, kind FROM agencies WHERE name = ?", (r["agency"],)).fetchone()
        out.append({"name": r["agency"], "name_en": a["name_en"] if a else None, "kind": a["kind"] if a else None,
                    "obligations": r["n"]})
    return out


# ---------------------------------------------------------------- obligations


def agency_names(store: Store, agency: str, predecessors: bool = False, successors: bool = False) -> list[str]:
    """The canonical name of an agency given by any alias, with its predecessors/successors if asked."""
    name = store.canonical(agency)
    names = [name]
    steps = []
    if predecessors:
        steps.append(store.registry.predecessors)
    if successors:
        steps.append(lambda n: store.registry.successors(n))
    for step in steps:
        queue = [name]
        while queue:
            for other in step(queue.pop()):
                if other.name not in names:
                    names.append(other.name)
                    queue.append(other.name)
    return names


def status_of(due: str | None, kind: str | None, as_of: str) -> str:
    if due:
        return "overdue" if due < as_of else "open"
    return "no-deadline" if kind in (None, "none") else "open"


def obligations(
    store: Store,
    agency: str | None = None,
    role: str | None = None,
    due_before: str | None = None,
    due_after: str | None = None,
    status: str | None = None,
    as_of: str | None = None,
    document: str | None = None,
    predecessors: bool = False,
    successors: bool = False,
    limit: int | None = None,
) -> list[dict]:
    """Obligations, filtered. ``due_before``/``due_after`` are strict; dates are ISO days."""
    as_of = as_of or date.today().isoformat()
    joins, where, args = [], [], []
    if agency:
        names = agency_names(store, agency, predecessors, successors)
        cond = f"a.agency IN ({','.join('?' * len(names))})"
        args.extend(names)
        if role:
            cond += " AND a.role = ?"
            args.append(role)
        joins.append(f"JOIN (SELECT DISTINCT a.obligation_id FROM assignees a WHERE {cond}) m ON m.obligation_id = o.id")
    elif role:
        joins.append("JOIN (SELECT DISTINCT obligation_id FROM assignees WHERE role = ?) m ON m.obligation_id = o.id")
        args.append(role)
    if due_before:
        where.append("o.due < ?")
        args.append(due_before)
    if due_after:
        where.append("o.due > ?")
        args.append(due_after)
    if status == "overdue":
        where.append("o.due < ?")
        args.append(as_of)
    elif status == "open":
        where.append("(o.due >= ? OR (o.due IS NULL AND o.deadline_kind IS NOT NULL AND o.deadline_kind != 'none'))")
        args.append(as_of)
    elif status == "no-deadline":
        where.append("o.due IS NULL AND (o.deadline_kind IS NULL OR o.deadline_kind = 'none')")
    elif status is not None:
        raise ValueError(f"unknown status {status!r} (expected one of {', '.join(STATUSES)})")
    if document:
        nodes = _keys(store, document, None, None)
        where.append(f"d.node IN ({','.join('?' * len(nodes))})" if nodes else "0")
        args.extend(nodes)
    sql = ("SELECT o.id, o.data, o.doc_id, o.due, o.deadline_kind, d.symbol, d.node FROM obligations o "
           f"JOIN documents d ON d.doc_id = o.doc_id {' '.join(joins)}")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY o.due IS NULL, o.due, d.path, o.ord"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in store.conn.execute(sql, args):
        obl = json.loads(r["data"])
        obl.update(doc_id=r["doc_id"], document=r["symbol"], doc_key=r["node"],
                   status=status_of(r["due"], r["deadline_kind"], as_of))
        out.append(obl)
    return out


def without_deadline(store: Store, agency: str | None = None, limit: int | None = None) -> list[dict]:
    return obligations(store, agency=agency, status="no-deadline", limit=limit)


# ---------------------------------------------------------------- command line


def add_query_command(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``query`` and its sub-commands; each sets ``func(args) -> exit status``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=str(DEFAULT_STORE), help=f"store file (default {DEFAULT_STORE})")
    common.add_argument("--json", action="store_true", help="print a JSON array of objects")
    doc = argparse.ArgumentParser(add_help=False)
    doc.add_argument("symbol", help="number-symbol, e.g. 223/CĐ-TTg (CD-TTg is accepted)")
    doc.add_argument("--year", type=int, help="only the document of this year")
    doc.add_argument("--issuer", help="only the document of this issuer (any alias)")

    q = subparsers.add_parser("query", help="questions over the stored obligation graph")
    qs = q.add_subparsers(dest="query", metavar="QUERY", required=True)

    p = qs.add_parser("cited-by", parents=[common, doc], help="documents citing a document")
    p.add_argument("--transitive", action="store_true", help="follow citations of citations")
    p.set_defaults(func=_run, handler=lambda s, a: cited_by(s, a.symbol, a.transitive, a.year, a.issuer))

    p = qs.add_parser("based-on", parents=[common, doc], help="documents a document cites or is based on")
    p.add_argument("--relation", help="only this relation (based_on, implements, follows_up, amends ...)")
    p.set_defaults(func=_run, handler=lambda s, a: based_on(s, a.symbol, a.year, a.issuer, a.relation))

    p = qs.add_parser("cascade", parents=[common, doc], help="implementing documents down the chain")
    p.add_argument("--max-depth", type=int, default=6)
    p.set_defaults(func=_run, handler=lambda s, a: cascade(s, a.symbol, a.year, a.issuer, a.max_depth))

    p = qs.add_parser("obligations", parents=[common], help="obligations, filtered")
    p.add_argument("--agency", help="agency by any alias")
    p.add_argument("--include-predecessors", action="store_true", help="also its predecessor bodies")
    p.add_argument("--include-successors", action="store_true", help="also its successor bodies")
    p.add_argument("--role", choices=["lead", "support", "responsible"])
    p.add_argument("--due-before", type=_iso, metavar="DATE", help="due strictly before this day")
    p.add_argument("--due-after", type=_iso, metavar="DATE", help="due strictly after this day")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--as-of", type=_iso, metavar="DATE", help="day the status is judged on (default today)")
    p.add_argument("--document", metavar="SYMBOL", help="only obligations of this document")
    p.add_argument("--limit", type=int)
    p.set_defaults(func=_run, handler=lambda s, a: obligations(
        s, a.agency, a.role, a.due_before, a.due_after, a.status, a.as_of, a.document,
        a.include_predecessors, a.include_successors, a.limit))

    p = qs.add_parser("no-deadline", parents=[common], help="obligations without any deadline")
    p.add_argument("--agency")
    p.add_argument("--limit", type=int)
    p.set_defaults(func=_run, handler=lambda s, a: without_deadline(s, a.agency, a.limit))

    p = qs.add_parser("top-cited", parents=[common], help="the most cited documents")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=_run, handler=lambda s, a: top_cited(s, a.limit))

    p = qs.add_parser("busiest-agencies", parents=[common], help="agencies with the most obligations")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--role", choices=["lead", "support", "responsible"])
    p.set_defaults(func=_run, handler=lambda s, a: busiest_agencies(s, a.limit, a.role))
    return q


def _iso(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"obligraph query: no store at {args.store} (build one with `obligraph run`)", file=sys.stderr)
        return 2
    with Store(args.store, create=False) as store:
        rows = args.handler(store, args)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for row in rows:
            print(_line(row))
        print(f"({len(rows)} results)", file=sys.stderr)
    return 0


def _line(row: dict) -> str:
    if "action" in row and "assignees" in row:
        due = (row.get("deadline") or {}).get("date") or "-"
        who = ", ".join(f"{a['name']} ({a['role']})" for a in row["assignees"])
        return f"{due}\t{row['document'] or row['doc_id']} {row.get('path') or ''}\t{row['status']}\t{who}\t{row['action']}"
    if "obligations" in row and "name" in row:
        return f"{row['obligations']}\t{row['name']}"
    parts = [("  " * row.get("depth", 0)) + (row["symbol"] or row["key"]), row.get("issuer") or "",
             row.get("issued_on") or ""]
    if row.get("placeholder"):
        parts.append("(not stored)")
    if "cited_by" in row and isinstance(row["cited_by"], int):
        parts.insert(0, str(row["cited_by"]))
    if row.get("links"):
        parts.append(f"{len(row['links'])} linked obligations")
    return "\t".join(parts)
