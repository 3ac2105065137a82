"""Obligations (tasks) as the web app lists them: filters, status as of a day, review state, keyset pages.

Pages are ordered by obligation id (stable: ``obligations.id`` is the same on every run), and the
cursor names the last id of the page, so a page never shifts when tasks are added elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.graph import query
from pipeline.web.db import WebDB

ROLES = ("lead", "support", "responsible")
STATUSES = query.STATUSES
REVIEWS = ("pending", "confirmed", "corrected", "rejected", "changed", "reviewed")

# the same three cases as query.status_of, as SQL over an obligation row ``o``
STATUS_SQL = ("CASE WHEN o.due IS NOT NULL AND o.due < :as_of THEN 'overdue' "
              "WHEN o.due IS NOT NULL OR (o.deadline_kind IS NOT NULL AND o.deadline_kind != 'none') THEN 'open' "
              "ELSE 'no-deadline' END")


@dataclass
class TaskFilter:
    agency: str | None = None
    role: str | None = None
    status: str | None = None
    as_of: str | None = None
    due_before: str | None = None
    changed_since: str | None = None
    review: str | None = None
    doc_id: str | None = None
    predecessors: bool = False
    successors: bool = False

    def day(self) -> str:
        return self.as_of or date.today().isoformat()


def agency_names(db: WebDB, f: TaskFilter) -> list[str]:
    return query.agency_names(db.store, f.agency or "", f.predecessors, f.successors)


def _where(db: WebDB, f: TaskFilter) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    args: dict[str, Any] = {"as_of": f.day()}
    if f.agency:
        names = agency_names(db, f)
        marks = []
        for i, name in enumerate(names):
            args[f"ag{i}"] = name
            marks.append(f":ag{i}")
        cond = f"a.agency IN ({','.join(marks)})"
        if f.role:
            cond += " AND a.role = :role"
            args["role"] = f.role
        where.append(f"o.id IN (SELECT a.obligation_id FROM assignees a WHERE {cond})")
    elif f.role:
        where.append("o.id IN (SELECT a.obligation_id FROM assignees a WHERE a.role = :role)")
        args["role"] = f.role
    if f.status:
        where.append(f"{STATUS_SQL} = :status")
        args["status"] = f.status
    if f.due_before:
        where.append("o.due < :due_before")
        args["due_before"] = f.due_before
    if f.changed_since:
        where.append("s.changed_at >= :changed_since")
        args["changed_since"] = f.changed_since
    if f.doc_id:
        where.append("o.doc_id = :doc_id")
        args["doc_id"] = f.doc_id
    if f.review:
        where.append(REVIEW_SQL[f.review])
    return where, args


REVIEW_SQL = {
    "pending": "(r.decision IS NULL OR r.content_hash != s.content_hash)",
    "changed": "(r.decision IS NOT NULL AND r.content_hash != s.content_hash)",
    "reviewed": "(r.decision IS NOT NULL AND r.content_hash = s.content_hash)",
    "confirmed": "(r.decision = 'confirmed' AND r.content_hash = s.content_hash)",
    "corrected": "(r.decision = 'corrected' AND r.content_hash = s.content_hash)",
    "rejected": "(r.decision = 'rejected' AND r.content_hash = s.content_hash)",
}

_SELECT = (f"SELECT o.id, o.doc_id, o.ord, o.data, o.due, o.deadline_kind, d.symbol, d.node, d.issued_on, "
           f"d.path AS source, s.first_seen, s.changed_at, s.content_hash, r.decision, r.decision_id, "
           f"r.content_hash AS decided_hash, {STATUS_SQL} AS status FROM obligations o "
           "JOIN documents d ON d.doc_id = o.doc_id LEFT JOIN web_seen s ON s.obligation_id = o.id "
           "LEFT JOIN review_latest r ON r.obligation_id = o.id")


def list_tasks(db: WebDB, f: TaskFilter, after: str | None = None, limit: int = 50,
               order: str = "id") -> tuple[list[dict], str | None]:
    """One page of tasks and the id to continue after (None on the last page)."""
    where, args = _where(db, f)
    if after is not None:
        where.append("o.id > :after")
        args["after"] = after
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY o.id LIMIT :limit" if order == "id" else " ORDER BY s.first_seen DESC, o.id LIMIT :limit"
    args["limit"] = limit + 1
    rows = db.store.conn.execute(sql, args).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    tasks = [task_dict(r) for r in rows]
    return tasks, (rows[-1]["id"] if more and rows else None)


def get_task(db: WebDB, obligation_id: str, as_of: str | None = None) -> dict | None:
    row = db.store.conn.execute(_SELECT + " WHERE o.id = :id", {"id": obligation_id,
                                "as_of": as_of or date.today().isoformat()}).fetchone()
    return task_dict(row) if row else None


def review_state(row: Any) -> str:
    if row["decision"] is None:
        return "pending"
    if row["decided_hash"] != row["content_hash"]:
        return "changed"
    return row["decision"]


def task_dict(row: Any) -> dict:
    data = json.loads(row["data"])
    deadline = data.get("deadline") or {}
    return {
        "id": row["id"], "doc_id": row["doc_id"], "document": row["symbol"], "doc_key": row["node"],
        "source": row["source"], "issued_on": row["issued_on"], "ord": row["ord"], "path": data.get("path"),
        "action": data.get("action"), "text": data.get("text"),
        "assignees": [{"name": a.get("name"), "role": a.get("role"), "name_en": a.get("name_en"),
                       "mention": a.get("mention")} for a in data.get("assignees") or []],
        "deadline": {"date": deadline.get("date") or deadline.get("end"), "kind": deadline.get("kind"),
                     "mention": deadline.get("mention"), "rrule": deadline.get("rrule")} if deadline else None,
        "reports_to": list(data.get("reports_to") or []),
        "status": row["status"], "review": review_state(row), "decision_id": row["decision_id"],
        "first_seen": row["first_seen"], "changed_at": row["changed_at"],
    }


def status_counts(db: WebDB, names: list[str], as_of: str) -> dict[str, dict[str, int]]:
    """Tasks of these agencies per role and status as of a day: {role: {status: n}}."""
    marks = ",".join("?" * len(names))
    sql = (f"SELECT a.role, {STATUS_SQL.replace(':as_of', '?')} AS status, COUNT(DISTINCT o.id) FROM assignees a "
           f"JOIN obligations o ON o.id = a.obligation_id WHERE a.agency IN ({marks}) GROUP BY 1, 2")
    out: dict[str, dict[str, int]] = {role: dict.fromkeys(STATUSES, 0) for role in ROLES}
    for role, status, n in db.store.conn.execute(sql, (as_of, *names)):
        out.setdefault(role or "responsible", dict.fromkeys(STATUSES, 0))[status] = n
    return out


def parent_links(db: WebDB, obligation_ids: list[str], threshold: float) -> dict[str, list[dict]]:
    """Cascade links up from these tasks at or above the display threshold."""
    out: dict[str, list[dict]] = {}
    for i in range(0, len(obligation_ids), 500):
        chunk = obligation_ids[i:i + 500]
        rows = db.store.conn.execute(
            f"SELECT child, parent, score FROM cascades WHERE child IN ({','.join('?' * len(chunk))}) "
            "AND score >= ? ORDER BY child, score DESC, parent", (*chunk, threshold))
        for r in rows:
            out.setdefault(r["child"], []).append({"obligation": r["parent"], "score": r["score"]})
    return out
