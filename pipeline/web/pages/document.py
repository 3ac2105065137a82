"""Document page: metadata, highlighted text, references linked, cited-by / based-on, tasks as of a day."""

from __future__ import annotations

from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.graph import query
from pipeline.web import highlight, params
from pipeline.web.api import cached_document
from pipeline.web.pages.common import as_of, db_of, render
from pipeline.web.tasks import TaskFilter, list_tasks


def _ref_links(db, doc_id: str) -> dict[str, str]:
    """ref_id -> where its link goes: the cited document's page, or the placeholder page of its node."""
    out = {}
    for r in db.store.conn.execute(
            "SELECT r.ref_id, r.target, k.doc_id, k.placeholder FROM refs r LEFT JOIN doc_keys k ON k.key = r.target "
            "WHERE r.doc_id = ?", (doc_id,)):
        if r["target"] is None:
            continue
        out[r["ref_id"]] = (f"/documents/{r['doc_id']}" if r["doc_id"] and not r["placeholder"]
                            else "/node?key=" + quote(r["target"], safe=""))
    return out


async def document(request: Request) -> Response:
    db = db_of(request)
    doc_id = request.path_params["doc_id"]
    record = db.store.record(doc_id)
    if record is None:
        raise HTTPException(404, f"no stored document {doc_id!r}")
    day = as_of(request)
    payload = cached_document(db, doc_id)
    tasks, _ = list_tasks(db, TaskFilter(doc_id=doc_id, as_of=day), limit=100_000)
    tasks.sort(key=lambda t: t["ord"])  # in reading order, not id order
    return render(request, "document.html", doc=payload, record=record, runs=highlight.runs(record),
                  kinds=highlight.KINDS, ref_links=_ref_links(db, doc_id), tasks=tasks, as_of=day)


async def node(request: Request) -> Response:
    """A graph node by key: its stored document, or a placeholder page for a document not stored."""
    db = db_of(request)
    key = params.text(request.query_params, "key", 400)
    if not key:
        raise params.BadParameter("key", "a document key (from a reference link)")
    row = db.store.conn.execute("SELECT * FROM doc_keys WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise HTTPException(404, f"no document node {key!r}")
    if not row["placeholder"] and row["doc_id"]:
        return RedirectResponse(f"/documents/{row['doc_id']}", status_code=303)
    citers = [d for d in query.cited_by(db.store, row["symbol"]) if d["cites"] == key] if row["symbol"] else []
    return render(request, "placeholder.html", node=row, citers=citers)
