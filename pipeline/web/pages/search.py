"""Search page: documents by symbol typed any way, type, issuer, year or full text; agencies by alias."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from pipeline.web import params
from pipeline.web.pages.common import db_of, render
from pipeline.web.search import DocumentQuery, search_agencies, search_documents


async def search(request: Request) -> Response:
    db = db_of(request)
    q = request.query_params
    dq = DocumentQuery(params.text(q, "q") or "", params.text(q, "type", 20), params.text(q, "issuer"),
                       params.integer(q, "year", 1900, 2100))
    asked = bool(dq.q or dq.doc_type or dq.issuer or dq.year)
    documents, how = search_documents(db, dq, limit=100) if asked else ([], "")
    agencies = search_agencies(db, dq.q) if dq.q else []
    types = db.cached("doc-types", lambda: [r[0] for r in db.store.conn.execute(
        "SELECT DISTINCT doc_type FROM doc_keys WHERE doc_type IS NOT NULL AND placeholder = 0 ORDER BY 1")])
    return render(request, "search.html", dq=dq, asked=asked, documents=documents, how=how, agencies=agencies,
                  types=types)
