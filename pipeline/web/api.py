"""The JSON API (described by openapi.py): documents, obligations (also .csv and .ics), cited-by,
cascade, review decisions and the gold export. Every read goes through the read-only connection."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pipeline.graph import query
from pipeline.graph.export import calendar_text, new_calendar, obligation_todo
from pipeline.graph.linkeval import display_threshold
from pipeline.web import cascade_view, params, review
from pipeline.web.db import WebDB
from pipeline.web.responses import json_tagged, tagged
from pipeline.web.search import DocumentQuery, search_documents
from pipeline.web.tasks import REVIEWS, ROLES, STATUSES, TaskFilter, get_task, list_tasks, parent_links

MAX_PAGE = 500
MAX_EXPORT = 100_000
CSV_COLUMNS = ("Issue ID", "Subject", "Description", "Assignee", "Start date", "Due date", "Parent",
               "Document", "Status", "Review")


def db_of(request: Request) -> WebDB:
    db: WebDB = request.app.state.db
    db.refresh()
    return db


def document_query(request: Request) -> DocumentQuery:
    q = request.query_params
    return DocumentQuery(params.text(q, "q") or "", params.text(q, "type", 20), params.text(q, "issuer"),
                         params.integer(q, "year", 1900, 2100))


def task_filter(request: Request) -> TaskFilter:
    q = request.query_params
    return TaskFilter(
        agency=params.text(q, "agency"), role=params.choice(q, "role", ROLES),
        status=params.choice(q, "status", STATUSES), as_of=params.iso_date(q, "as_of"),
        due_before=params.iso_date(q, "due_before"), changed_since=_since(q),
        review=params.choice(q, "review", REVIEWS), doc_id=params.text(q, "doc_id", 40),
        predecessors=params.boolean(q, "include_predecessors"), successors=params.boolean(q, "include_successors"))


def _since(q) -> str | None:
    day = params.iso_date(q, "changed_since")
    return f"{day}T00:00:00Z" if day else None


def _with_links(db: WebDB, tasks: list[dict], threshold: float | None = None) -> list[dict]:
    """Each task's ``carries_out``: cascade links up at or above the threshold (default: the measured one)."""
    links = parent_links(db, [t["id"] for t in tasks], display_threshold() if threshold is None else threshold)
    for t in tasks:
        t["carries_out"] = links.get(t["id"], [])
    return tasks


# ---------------------------------------------------------------- documents


async def documents(request: Request) -> Response:
    db = db_of(request)
    limit = params.integer(request.query_params, "limit", 1, MAX_PAGE, 50)
    offset = params.integer(request.query_params, "offset", 0, 100_000, 0)
    found, how = search_documents(db, document_query(request), limit, offset)
    return json_tagged(request, {"documents": found, "matched_by": how, "limit": limit, "offset": offset})


def document_payload(db: WebDB, doc_id: str) -> dict:
    row = db.store.conn.execute(
        "SELECT doc_id, path, language, symbol, doc_type, issuer, issued_on, title, node FROM documents "
        "WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise HTTPException(404, f"no stored document {doc_id!r}")
    refs = [{"id": r["ref_id"], "symbol": r["symbol"], "mention": r["mention"], "relation": r["relation"],
             "target": r["target"], "method": r["method"]} for r in db.store.conn.execute(
        "SELECT ref_id, symbol, mention, relation, target, method FROM refs WHERE doc_id = ? ORDER BY ord", (doc_id,))]
    tasks, _ = list_tasks(db, TaskFilter(doc_id=doc_id), limit=100_000)
    node = row["node"]
    symbol = row["symbol"]
    cited = query.cited_by(db.store, symbol) if symbol else []
    based = query.based_on(db.store, symbol) if symbol else []
    return {"doc_id": row["doc_id"], "source": row["path"], "language": row["language"], "symbol": symbol,
            "doc_type": row["doc_type"], "issuer": row["issuer"], "issued_on": row["issued_on"],
            "title": row["title"], "key": node, "references": refs,
            "cited_by": [_doc_ref(d) for d in cited if d.get("cites") == node],
            "based_on": [_doc_ref(d) for d in based if d.get("cited_by") == node],
            "obligations": _with_links(db, tasks)}


def cached_document(db: WebDB, doc_id: str) -> dict:
    """The document's payload, computed once per store generation and day (its tasks' status is as of today:
    a server running past midnight must not serve yesterday's)."""
    return db.cached(("doc-api", doc_id, date.today().isoformat()), lambda: document_payload(db, doc_id))


def _doc_ref(d: dict) -> dict:
    return {"key": d["key"], "symbol": d["symbol"], "doc_id": d["doc_id"], "issuer": d["issuer"],
            "issued_on": d["issued_on"], "placeholder": d["placeholder"],
            "relations": d.get("relations") or []}


async def document(request: Request) -> Response:
    db = db_of(request)
    doc_id = request.path_params["doc_id"]
    payload = cached_document(db, doc_id)
    return json_tagged(request, payload)


# ---------------------------------------------------------------- obligations


def _page(request: Request, default: int, most: int) -> tuple[TaskFilter, str | None, int, float | None]:
    f = task_filter(request)
    after = params.cursor(request.query_params)
    limit = params.integer(request.query_params, "limit", 1, most, default)
    return f, after, limit, params.number(request.query_params, "min_score", 0.0, 1.0)


async def obligations(request: Request) -> Response:
    db = db_of(request)
    f, after, limit, min_score = _page(request, 50, MAX_PAGE)
    tasks, last = list_tasks(db, f, after, limit)
    nxt = params.encode_cursor(last) if last else None
    headers = {}
    if nxt:
        headers["Link"] = f'<{request.url.include_query_params(cursor=nxt)}>; rel="next"'
    return json_tagged(request, {"obligations": _with_links(db, tasks, min_score), "next_cursor": nxt,
                                 "as_of": f.day()}, headers)


async def obligation(request: Request) -> Response:
    db = db_of(request)
    as_of = params.iso_date(request.query_params, "as_of")
    task = get_task(db, request.path_params["obligation_id"], as_of)
    if task is None:
        raise HTTPException(404, f"no obligation {request.path_params['obligation_id']!r}")
    task = _with_links(db, [task])[0]
    task["review_history"] = review.history(db, task["id"])
    return json_tagged(request, task)


async def obligations_csv(request: Request) -> Response:
    """Redmine / Jira CSV import: one issue per task, the parent being the task it carries out."""
    db = db_of(request)
    f, after, limit, min_score = _page(request, MAX_EXPORT, MAX_EXPORT)
    tasks, _ = list_tasks(db, f, after, limit)
    _with_links(db, tasks, min_score)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for t in tasks:
        lead = [a["name"] for a in t["assignees"] if a["role"] == "lead"] or [a["name"] for a in t["assignees"]]
        who = "; ".join(f"{a['name']} ({a['role']})" for a in t["assignees"])
        description = "\n".join(x for x in (t["text"], f"Assigned to: {who}" if who else "",
                                            f"Deadline as written: {t['deadline']['mention']}"
                                            if t["deadline"] and t["deadline"]["mention"] else "") if x)
        parent = t["carries_out"][0]["obligation"] if t["carries_out"] else ""
        writer.writerow([t["id"], f"{t['document'] or t['doc_id']} {t['path'] or ''}: {t['action'] or ''}"[:255],
                         description, lead[0] if lead else "", t["issued_on"] or "",
                         (t["deadline"] or {}).get("date") or "", parent, t["document"] or "", t["status"],
                         t["review"]])
    return tagged(request, out.getvalue().encode("utf-8"), "text/csv; charset=utf-8",
                  {"Content-Disposition": 'attachment; filename="obligations.csv"'})


async def obligations_ics(request: Request) -> Response:
    db = db_of(request)
    f, after, limit, min_score = _page(request, MAX_EXPORT, MAX_EXPORT)
    tasks, _ = list_tasks(db, f, after, limit)
    _with_links(db, tasks, min_score)
    cal = new_calendar("-//obligraph//web//EN")
    for t in tasks:
        due = (t["deadline"] or {}).get("date")
        if due:
            cal.add_component(obligation_todo(
                t["id"], t["issued_on"] or due, due, f"{t['document'] or t['doc_id']}: {t['action'] or ''}",
                t["text"] or "", [p["obligation"] for p in t["carries_out"]]))
    body = calendar_text(cal).encode("utf-8")
    return tagged(request, body, "text/calendar; charset=utf-8")


# ---------------------------------------------------------------- graph


def _doc_args(request: Request) -> tuple[str, int | None, str | None]:
    symbol = request.path_params["symbol"]
    if not symbol.strip() or len(symbol) > 200:
        raise params.BadParameter("symbol", "a document number-symbol such as 223/CĐ-TTg")
    q = request.query_params
    return symbol, params.integer(q, "year", 1900, 2100), params.text(q, "issuer")


async def cited_by(request: Request) -> Response:
    db = db_of(request)
    symbol, year, issuer = _doc_args(request)
    transitive = params.boolean(request.query_params, "transitive")
    roots = query.find_documents(db.store, symbol, year, issuer)
    if not roots:
        raise HTTPException(404, f"no document {symbol!r} in the store")
    rows = db.cached(("cited-by", symbol, year, issuer, transitive),
                     lambda: query.cited_by(db.store, symbol, transitive, year, issuer))
    return json_tagged(request, {"documents": [_doc_ref(r) for r in roots],
                                 "cited_by": [{**_doc_ref(r), "depth": r["depth"], "cites": r["cites"]} for r in rows]})


async def cascade(request: Request) -> Response:
    db = db_of(request)
    symbol, year, issuer = _doc_args(request)
    threshold = params.number(request.query_params, "min_score", 0.0, 1.0)
    c = cascade_view.build(db, symbol, year, issuer, threshold)
    if not c.roots:
        raise HTTPException(404, f"no document {symbol!r} in the store")
    return json_tagged(request, {
        "documents": [_doc_ref(r) for r in c.roots], "threshold": c.threshold,
        "implementing": [{**_doc_ref(i.doc), "depth": i.depth, "cites": i.cites, "province": i.province,
                          "lag_days": i.lag_days, "hidden_links": i.hidden, "links": i.links}
                         for i in c.implementers]})


# ---------------------------------------------------------------- review


async def review_post(request: Request) -> Response:
    db = db_of(request)
    if not request.app.state.guard.bearer_ok(request):
        raise HTTPException(401, "a write needs the header Authorization: Bearer TOKEN (printed by obligraph serve)")
    try:
        body = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    decision = _decision_from(body)
    try:
        stored = review.decide(db, request.path_params["obligation_id"], decision)
    except review.ReviewError as err:
        raise HTTPException(400, str(err)) from None
    except review.UnknownTask:
        raise HTTPException(404, f"no obligation {request.path_params['obligation_id']!r}") from None
    return json_tagged(request, stored)


def _decision_from(body: dict) -> review.Decision:
    def opt_str(name: str) -> str | None:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise HTTPException(400, f"{name} must be a string")
        return value or None

    assignees = body.get("assignees") or []
    if not isinstance(assignees, list) or not all(
            isinstance(a, dict) and isinstance(a.get("name"), str) and isinstance(a.get("role", "responsible"), str)
            for a in assignees):
        raise HTTPException(400, "assignees must be a list of {name, role} objects")
    return review.Decision(opt_str("decision") or "", opt_str("action"),
                           [(a["name"], a.get("role", "responsible")) for a in assignees],
                           opt_str("deadline"), opt_str("note"), opt_str("reviewer"))


async def review_history(request: Request) -> Response:
    db = db_of(request)
    oid = request.path_params["obligation_id"]
    if get_task(db, oid) is None:
        raise HTTPException(404, f"no obligation {oid!r}")
    return json_tagged(request, {"obligation_id": oid, "decisions": review.history(db, oid)})


async def review_gold(request: Request) -> Response:
    db = db_of(request)
    return json_tagged(request, {"files": review.gold_records(db)})


ROUTES = [
    Route("/api/documents", documents),
    Route("/api/documents/{doc_id}", document),
    Route("/api/obligations", obligations),
    Route("/api/obligations.csv", obligations_csv),
    Route("/api/obligations.ics", obligations_ics),
    Route("/api/obligations/{obligation_id}", obligation),
    Route("/api/cited-by/{symbol:path}", cited_by),
    Route("/api/cascade/{symbol:path}", cascade),
    Route("/api/review/gold", review_gold),
    Route("/api/review/{obligation_id}", review_history, methods=["GET"]),
    Route("/api/review/{obligation_id}", review_post, methods=["POST"]),
]
