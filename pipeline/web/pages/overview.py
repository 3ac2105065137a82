"""Overview page: counts, most cited documents, busiest agencies, overdue tasks as of a day."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from pipeline.graph import query
from pipeline.web.pages.common import as_of, db_of, render
from pipeline.web.tasks import STATUS_SQL, TaskFilter, list_tasks


def _counts(db) -> dict[str, int]:
    c = db.store.conn
    one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731 - a local shorthand
    return {"documents": one("SELECT COUNT(*) FROM documents"),
            "document nodes": one("SELECT COUNT(*) FROM doc_keys WHERE placeholder = 0"),
            "cited but not stored": one("SELECT COUNT(*) FROM doc_keys WHERE placeholder = 1"),
            "obligations": one("SELECT COUNT(*) FROM obligations"),
            "references": one("SELECT COUNT(*) FROM refs"),
            "agencies": one("SELECT COUNT(*) FROM agencies"),
            "cascade links": one("SELECT COUNT(*) FROM cascades"),
            "review decisions": one("SELECT COUNT(*) FROM review_decisions")}


def _undated(db) -> dict[str, int]:
    """Tasks without a due day do not change status with the day: counted once per store generation."""
    rows = db.store.conn.execute(
        f"SELECT {STATUS_SQL} AS s, COUNT(*) FROM obligations o WHERE o.due IS NULL GROUP BY s", {"as_of": ""})
    return {r[0]: r[1] for r in rows}


def _status_totals(db, day: str) -> dict[str, int]:
    """Open / overdue / no deadline as of a day: two range counts on the due index plus the cached rest."""
    c = db.store.conn
    totals = dict(db.cached("undated", lambda: _undated(db)))
    overdue = c.execute("SELECT COUNT(*) FROM obligations WHERE due < ?", (day,)).fetchone()[0]
    dated_open = c.execute("SELECT COUNT(*) FROM obligations WHERE due >= ?", (day,)).fetchone()[0]
    totals["overdue"] = totals.get("overdue", 0) + overdue
    totals["open"] = totals.get("open", 0) + dated_open
    return totals


async def overview(request: Request) -> Response:
    db = db_of(request)
    day = as_of(request)
    counts = db.cached("counts", lambda: _counts(db))
    totals = db.cached(("status-totals", day), lambda: _status_totals(db, day))
    top = db.cached("top-cited", lambda: query.top_cited(db.store, limit=10))
    busy = db.cached("busiest", lambda: query.busiest_agencies(db.store, limit=10))
    overdue, _ = list_tasks(db, TaskFilter(status="overdue", as_of=day), limit=20)
    return render(request, "overview.html", counts=counts, totals=totals, top=top, busy=busy, overdue=overdue,
                  as_of=day)
