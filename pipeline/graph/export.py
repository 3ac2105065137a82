"""Exports of the stored graph: ``obligraph export --format jsonl|csv|ics|graphml|neo4j``.

Every export is a function of the store only (records in path order, obligations in document
order, no clock), so the same store gives byte-identical files.

- jsonl    the contract records, one per line
- csv      one row per obligation (tracker import): id, document, doc_id, path, action, lead, support,
           responsible, deadline, deadline_mention, reports_to; several agencies joined by "; "
- ics      RFC 5545 calendar of VTODOs (written by icalendar), one per obligation with a due day; UID from the obligation
           id, RELATED-TO;RELTYPE=PARENT for the obligation it carries out (cascade)
- graphml  load_graph() with list/dict attributes as JSON strings and null attributes left out
- neo4j    documents.csv, obligations.csv, agencies.csv, relationships.csv (neo4j-admin header
           conventions) and import.sh with the ``neo4j-admin database import full`` command
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import icalendar
import networkx as nx

from pipeline.graph.build import load_graph
from pipeline.graph.store import DEFAULT_STORE, Store

FORMATS = ("jsonl", "csv", "ics", "graphml", "neo4j")
CSV_FIELDS = ("id", "document", "doc_id", "path", "action", "lead", "support", "responsible", "deadline",
              "deadline_mention", "reports_to")
PRODID = "-//obligraph//obligation graph//EN"


# ---------------------------------------------------------------- jsonl / csv


def export_jsonl(store: Store, out: io.TextIOBase) -> int:
    n = 0
    for record in store.records():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def task_rows(store: Store) -> Iterable[dict]:
    for record in store.records():
        symbol = (record.get("metadata") or {}).get("symbol")
        for obl in record.get("obligations", []):
            by_role: dict[str, list[str]] = {"lead": [], "support": [], "responsible": []}
            for a in obl.get("assignees", []):
                names = by_role.setdefault(a["role"], [])
                if a["name"] not in names:
                    names.append(a["name"])
            dl = obl.get("deadline") or {}
            yield {
                "id": obl["id"], "document": symbol or "", "doc_id": record["doc_id"], "path": obl.get("path") or "",
                "action": obl.get("action") or "", "lead": "; ".join(by_role["lead"]),
                "support": "; ".join(by_role["support"]), "responsible": "; ".join(by_role["responsible"]),
                "deadline": dl.get("date") or dl.get("end") or "", "deadline_mention": dl.get("mention") or "",
                "reports_to": "; ".join(obl.get("reports_to", [])),
            }


def export_csv(store: Store, out: io.TextIOBase) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for row in task_rows(store):
        writer.writerow(row)
        n += 1
    return n


# ---------------------------------------------------------------- ics


def _uid(obligation_id: str) -> str:
    return f"{obligation_id}@obligraph"


def new_calendar(prodid: str, name: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", prodid)
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def obligation_todo(obligation_id: str, stamp: str, due: str, summary: str, description: str,
                    parents: Iterable[str] = (), category: str | None = None) -> icalendar.Todo:
    """One VTODO; ``stamp`` and ``due`` are ISO days. DTSTAMP is required: a day from the store (the
    document's date) rather than the clock keeps the file a function of the store."""
    todo = icalendar.Todo()
    todo.add("uid", _uid(obligation_id))
    todo.add("dtstamp", datetime.combine(date.fromisoformat(stamp[:10]), time(), tzinfo=timezone.utc))
    todo.add("due", date.fromisoformat(due[:10]))
    todo.add("summary", summary)
    todo.add("description", description)
    todo.add("status", "NEEDS-ACTION")
    if category is not None:
        todo.add("categories", [category])
    for parent in parents:
        todo.add("related-to", _uid(parent), parameters={"RELTYPE": "PARENT"})
    return todo


def calendar_text(cal: icalendar.Calendar) -> str:
    return cal.to_ical(sorted=False).decode("utf-8")  # properties in the order added (UID first)


def export_ics(store: Store, out: io.TextIOBase) -> int:
    parents: dict[str, list[str]] = {}
    for r in store.conn.execute("SELECT child, parent FROM cascades ORDER BY child, score DESC, parent"):
        parents.setdefault(r["child"], []).append(r["parent"])
    cal = new_calendar(PRODID, "obligraph obligations")
    n = 0
    for record in store.records():
        meta = record.get("metadata") or {}
        symbol = meta.get("symbol") or record["doc_id"]
        for obl in record.get("obligations", []):
            dl = obl.get("deadline") or {}
            due = dl.get("date") or dl.get("end")
            if not due:
                continue
            who = "; ".join(f"{a['name']} ({a['role']})" for a in obl.get("assignees", []))
            desc = [f"{symbol} {obl.get('path') or ''}".strip(), obl.get("text") or obl.get("action") or ""]
            if who:
                desc.append(f"Assigned to: {who}")
            if dl.get("mention"):
                desc.append(f"Deadline as written: {dl['mention']}")
            if obl.get("reports_to"):
                desc.append("Reports to: " + "; ".join(obl["reports_to"]))
            cal.add_component(obligation_todo(
                obl["id"], meta.get("issued_on") or due, due,
                f"{symbol}: {obl.get('action') or obl.get('text') or ''}", "\n".join(desc),
                parents.get(obl["id"], ()), category=symbol))
            n += 1
    out.write(calendar_text(cal))
    return n


# ---------------------------------------------------------------- graphml


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML can hold: strings, numbers, booleans; no nulls."""
    h = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, k, data in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _flat(x) for a, x in data.items() if x is not None})
    return h


def export_graphml(store: Store, path: Path) -> int:
    g = flat_graph(load_graph(store))
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
    return g.number_of_nodes()


# ---------------------------------------------------------------- neo4j

NEO4J_NODES = {
    "document": ("documents.csv", ["id:ID", "key", "symbol", "year:int", "issuer", "doc_type", "issued_on", "title",
                                   "placeholder:boolean", "doc_ids:string[]", "languages:string[]", ":LABEL"]),
    "obligation": ("obligations.csv", ["id:ID", "obligation_id", "doc_id", "doc_key", "path", "action", "text",
                                       "deadline_kind", "due", "deadline_mention", "rrule", ":LABEL"]),
    "agency": ("agencies.csv", ["id:ID", "name", "name_en", "agency_kind", ":LABEL"]),
}
NEO4J_REL_FIELDS = [":START_ID", ":END_ID", ":TYPE", "role", "mention", "ord:int", "ref_id", "refs:string[]",
                    "method", "score:float", "date", "evidence"]
IMPORT_SH = """#!/bin/sh
# Load this export into a Neo4j 5 database with neo4j-admin (the database must be stopped;
# the target database is replaced). Run from anywhere: paths are relative to this script.
set -e
cd "$(dirname "$0")"
neo4j-admin database import full \\
  --overwrite-destination=true \\
  --multiline-fields=true \\
  --array-delimiter=";" \\
  --nodes=documents.csv \\
  --nodes=obligations.csv \\
  --nodes=agencies.csv \\
  --relationships=relationships.csv \\
  "${1:-neo4j}"
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def export_neo4j(store: Store, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    g = load_graph(store)
    files = {}
    writers = {}
    for kind, (name, header) in NEO4J_NODES.items():
        files[kind] = open(out_dir / name, "w", encoding="utf-8", newline="")
        writers[kind] = csv.writer(files[kind], lineterminator="\n")
        writers[kind].writerow(header)
    try:
        for n, data in g.nodes(data=True):
            kind = data["kind"]
            header = NEO4J_NODES[kind][1]
            label = {"document": "Document;Placeholder" if data.get("placeholder") else "Document",
                     "obligation": "Obligation", "agency": "Agency"}[kind]
            fields = {"obligation_id": data.get("id")} if kind == "obligation" else {}
            row = [n]
            for col in header[1:-1]:
                attr = col.split(":")[0]
                row.append(_cell(fields.get(attr, data.get(attr))))
            writers[kind].writerow(row + [label])
    finally:
        for f in files.values():
            f.close()
    with open(out_dir / "relationships.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NEO4J_REL_FIELDS)
        for u, v, data in g.edges(data=True):
            row = [u, v, data["type"].upper()]
            for col in NEO4J_REL_FIELDS[3:]:
                row.append(_cell(data.get(col.split(":")[0])))
            w.writerow(row)
    script = out_dir / "import.sh"
    script.write_text(IMPORT_SH, encoding="utf-8")
    script.chmod(0o755)
    return [out_dir / NEO4J_NODES[k][0] for k in NEO4J_NODES] + [out_dir / "relationships.csv", script]


# ---------------------------------------------------------------- command line

DEFAULT_OUT = {"graphml": Path("outputs") / "obligraph.graphml", "neo4j": Path("outputs") / "neo4j"}
EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "ics": "ics", "graphml": "graphml"}


def export(store: Store, fmt: str, out: str | Path | None) -> Path | None:
    """Write one export; text formats go to stdout when ``out`` is None. Returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    target = Path(out) if out is not None else DEFAULT_OUT.get(fmt)
    if fmt == "neo4j":
        export_neo4j(store, target)
        return target
    if target is not None and target.is_dir():
        target = target / f"obligraph.{EXTENSIONS[fmt]}"
    if fmt == "graphml":
        target.parent.mkdir(parents=True, exist_ok=True)
        export_graphml(store, target)
        return target
    writer = {"jsonl": export_jsonl, "csv": export_csv, "ics": export_ics}[fmt]
    if target is None:
        writer(store, sys.stdout)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer(store, f)
    return target


def add_export_command(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``export``; sets ``func(args) -> exit status``."""
    p = subparsers.add_parser("export", help="export the stored graph (jsonl, csv, ics, graphml, neo4j)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--store", default=str(DEFAULT_STORE), help=f"store file (default {DEFAULT_STORE})")
    p.add_argument("--out", help="file or directory (jsonl/csv/ics default to stdout; graphml to "
                   f"{DEFAULT_OUT['graphml']}; neo4j to the directory {DEFAULT_OUT['neo4j']})")
    p.set_defaults(func=_run)
    return p


def _run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"obligraph export: no store at {args.store} (build one with `obligraph run`)", file=sys.stderr)
        return 2
    with Store(args.store, create=False) as store:
        written = export(store, args.format, args.out)
    if written is not None:
        print(f"wrote {written}", file=sys.stderr)
    return 0
