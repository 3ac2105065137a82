"""Benchmark store: real records replicated to a large store, and query latencies over it.

``generate_store(records, path, n_obligations)`` puts copy 0 (the records as they are), then copies
1, 2, ... in which every document, obligation and symbol is renumbered (``217/CĐ-TTg`` becomes
``2170001/CĐ-TTg`` in copy 1, and so do the references to it), so each copy keeps the citation
chains of the real corpus without merging into the originals. ``time_queries(store)`` runs every
query shape on it and reports the best of a few runs, in seconds.
"""

from __future__ import annotations

import copy
import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.graph import query
from pipeline.graph.store import Store
from pipeline.records import doc_id_for

_NUMBER = re.compile(r"^(\d+)")


def renumber(symbol: str | None, k: int) -> str | None:
    """The symbol of copy ``k``: the number gets a 4-digit suffix, the rest is kept."""
    if not symbol or k == 0:
        return symbol
    return _NUMBER.sub(lambda m: f"{m.group(1)}{k:04d}", symbol, count=1)


def replicate(record: dict, k: int) -> dict:
    """Copy ``k`` of a record, with new ids, path, hash and numbers (copy 0 is the record itself)."""
    if k == 0:
        return record
    rec = copy.deepcopy(record)
    sha = hashlib.sha256(f"{record['source']['sha256']}:{k}".encode()).hexdigest()
    rec["source"]["sha256"] = sha
    rec["source"]["path"] = f"{record['source']['path']}#copy{k}"
    rec["doc_id"] = doc_id_for(sha)
    rec["metadata"]["symbol"] = renumber(rec["metadata"].get("symbol"), k)
    for ref in rec.get("references", []):
        ref["symbol"] = renumber(ref.get("symbol"), k)
        if ref.get("number"):
            ref["number"] = renumber(ref["number"], k)
    for obl in rec.get("obligations", []):
        obl["id"] = "o" + hashlib.sha256(f"{obl['id']}:{k}".encode()).hexdigest()[:16]
    return rec


def generate_store(records: list[dict], path: str | Path, n_obligations: int = 100_000,
                   registry: Any = None, progress: Callable[[int, int], None] | None = None) -> dict:
    """Fill a store at ``path`` with copies of ``records`` until it holds ``n_obligations``."""
    per_copy = sum(len(r.get("obligations", [])) for r in records)
    if per_copy == 0:
        raise ValueError("the records have no obligations to replicate")
    total = docs = 0
    start = time.perf_counter()
    with Store(path, registry=registry) as store:
        k = 0
        while total < n_obligations:
            for rec in records:
                if total >= n_obligations:
                    break
                store.put_document(replicate(rec, k))
                total += len(rec.get("obligations", []))
                docs += 1
                if progress:
                    progress(total, n_obligations)
            k += 1
    return {"documents": docs, "obligations": total, "copies": k, "seconds": round(time.perf_counter() - start, 2)}


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = len(fn())
        best = min(best, time.perf_counter() - t)
    return best, n


def time_queries(store: Store, repeat: int = 3, as_of: str = "2025-12-01") -> dict[str, dict]:
    """Latency (seconds, best of ``repeat``) and result count of each query shape."""
    stored = [d for d in query.top_cited(store, limit=200) if not d["placeholder"]]
    busy = query.busiest_agencies(store, limit=1)
    symbol = stored[0]["symbol"] if stored else "223/CĐ-TTg"  # the most cited document actually stored
    agency = busy[0]["name"] if busy else "Bộ Nông nghiệp và Môi trường"
    cases: dict[str, Callable[[], Any]] = {
        "obligations --agency": lambda: query.obligations(store, agency=agency, as_of=as_of),
        "obligations --agency --role lead": lambda: query.obligations(store, agency=agency, role="lead"),
        "obligations --agency --status overdue": lambda: query.obligations(
            store, agency=agency, status="overdue", as_of=as_of),
        "obligations --due-before": lambda: query.obligations(store, due_before="2025-06-30", as_of=as_of),
        "obligations --agency --include-predecessors": lambda: query.obligations(
            store, agency=agency, predecessors=True, as_of=as_of),
        "no-deadline --agency": lambda: query.without_deadline(store, agency=agency),
        "cited-by": lambda: query.cited_by(store, symbol),
        "cited-by --transitive": lambda: query.cited_by(store, symbol, transitive=True),
        "based-on": lambda: query.based_on(store, symbol),
        "cascade": lambda: query.cascade(store, symbol),
        "top-cited --limit 20": lambda: query.top_cited(store, limit=20),
        "busiest-agencies --limit 20": lambda: query.busiest_agencies(store, limit=20),
    }
    out = {}
    for name, fn in cases.items():
        seconds, n = _best(fn, repeat)
        out[name] = {"seconds": round(seconds, 4), "results": n}
    out["_arguments"] = {"symbol": symbol, "agency": agency, "as_of": as_of}
    return out
