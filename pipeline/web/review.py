"""Review decisions: confirm, correct or reject a task, stored apart from the machine output.

Each decision is one row of ``review_decisions`` (history kept) plus its corrected assignees, and
``review_latest`` points at the newest per task; all three change in one transaction. A decision
records the hash of the machine output it saw, so a task re-extracted differently afterwards reads
as "changed" and returns to the queue. Reviewed tasks export as gold records in the format of
corpora/gold (../shared/contract/ANNOTATION.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.web.db import WebDB, content_hash, now_utc
from pipeline.web.tasks import ROLES

DECISIONS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}


class ReviewError(ValueError):
    """A decision that cannot be stored as given (the message says why)."""


class UnknownTask(LookupError):
    pass


@dataclass
class Decision:
    decision: str                                  # confirm | correct | reject
    action: str | None = None
    assignees: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    deadline: str | None = None
    note: str | None = None
    reviewer: str | None = None

    def check(self) -> None:
        if self.decision not in DECISIONS:
            raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}")
        if self.decision != "correct" and (self.action or self.assignees or self.deadline):
            raise ReviewError("action, assignees and deadline are given only with the decision 'correct'")
        if self.decision == "correct" and not (self.action or self.assignees or self.deadline):
            raise ReviewError("a correction gives at least one of action, assignees, deadline")
        for name, role in self.assignees:
            if role not in ROLES:
                raise ReviewError(f"assignee role must be one of {', '.join(ROLES)}, got {role!r}")
            if not name.strip() or len(name) > 300:
                raise ReviewError("an assignee name is 1 to 300 characters")
        if self.deadline is not None:
            try:
                date.fromisoformat(self.deadline)
            except ValueError:
                raise ReviewError(f"deadline must be an ISO date YYYY-MM-DD, got {self.deadline[:40]!r}") from None
        if self.action is not None and len(self.action) > 5000:
            raise ReviewError("action is at most 5000 characters")
        if self.note is not None and len(self.note) > 2000:
            raise ReviewError("note is at most 2000 characters")


def parse_assignees(text: str) -> list[tuple[str, str]]:
    """``name (role)`` per line or separated by ';' -> [(name, role)]; the role defaults to responsible."""
    out = []
    for part in re.split(r"[;\n]", text or ""):
        part = " ".join(part.split())
        if not part:
            continue
        m = re.fullmatch(r"(.+?)\s*\((\w+)\)", part)
        out.append((m.group(1), m.group(2)) if m else (part, "responsible"))
    return out


def decide(db: WebDB, obligation_id: str, d: Decision) -> dict:
    """Store one decision in one transaction; returns it as stored."""
    d.check()
    conn = db.rw
    with db.lock:
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT doc_id, data FROM obligations WHERE id = ?", (obligation_id,)).fetchone()
            if row is None:
                raise UnknownTask(obligation_id)
            digest = content_hash(row["data"])
            decision = DECISIONS[d.decision]
            cur = conn.execute(
                "INSERT INTO review_decisions (obligation_id, doc_id, decision, content_hash, action, deadline, "
                "note, reviewer, decided_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (obligation_id, row["doc_id"], decision, digest, d.action, d.deadline, d.note, d.reviewer, now_utc()))
            decision_id = cur.lastrowid
            conn.executemany("INSERT INTO review_assignees VALUES (?,?,?,?)",
                             [(decision_id, i, name, role) for i, (name, role) in enumerate(d.assignees)])
            conn.execute("INSERT OR REPLACE INTO review_latest VALUES (?,?,?,?)",
                         (obligation_id, decision_id, decision, digest))
            # keep first-seen bookkeeping in step when the task arrived after the last refresh
            conn.execute("INSERT OR IGNORE INTO web_seen VALUES (?,?,?,?,?)",
                         (obligation_id, row["doc_id"], digest, now_utc(), now_utc()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        db.bump()
    return decision_record(db, decision_id)


def decision_record(db: WebDB, decision_id: int) -> dict:
    r = db.store.conn.execute("SELECT * FROM review_decisions WHERE id = ?", (decision_id,)).fetchone()
    assignees = [{"name": a["name"], "role": a["role"]} for a in db.store.conn.execute(
        "SELECT name, role FROM review_assignees WHERE decision_id = ? ORDER BY ord", (decision_id,))]
    return {"id": r["id"], "obligation_id": r["obligation_id"], "doc_id": r["doc_id"], "decision": r["decision"],
            "content_hash": r["content_hash"], "action": r["action"], "assignees": assignees,
            "deadline": r["deadline"], "note": r["note"], "reviewer": r["reviewer"], "decided_at": r["decided_at"]}


def history(db: WebDB, obligation_id: str) -> list[dict]:
    ids = [r[0] for r in db.store.conn.execute(
        "SELECT id FROM review_decisions WHERE obligation_id = ? ORDER BY id", (obligation_id,))]
    return [decision_record(db, i) for i in ids]


# ---------------------------------------------------------------- gold export


def _anchor(text: str, words: int = 10) -> str:
    """The first words of the task's own text (ANNOTATION.md: 6-12 words from its start)."""
    return " ".join((text or "").replace("|", " ").replace("*", " ").replace("#", " ").split()[:words])


def _shared_path(path: str) -> str:
    """Gold files name documents relative to ../shared."""
    marker = "shared/"
    i = path.find(marker)
    return path[i + len(marker):] if i >= 0 else path


def gold_records(db: WebDB) -> dict[str, dict]:
    """One gold record per document with reviewed tasks (confirmed as extracted, or as corrected);
    rejected tasks are left out. ``complete`` says whether every task of the document was reviewed."""
    rows = db.store.conn.execute(
        # CROSS JOIN keeps SQLite from scanning every obligation: the decisions are the few rows
        "SELECT r.obligation_id, r.decision_id, r.decision, o.doc_id, o.data FROM review_latest r "
        "CROSS JOIN obligations o ON o.id = r.obligation_id CROSS JOIN web_seen s ON s.obligation_id = o.id "
        "WHERE r.content_hash = s.content_hash ORDER BY o.doc_id, o.ord").fetchall()
    by_doc: dict[str, list[Any]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    out: dict[str, dict] = {}
    for doc_id, decided in by_doc.items():
        record = db.store.record(doc_id)
        if record is None:
            continue
        meta = record.get("metadata") or {}
        total = db.store.conn.execute("SELECT COUNT(*) FROM obligations WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        obligations = [o for o in (_gold_obligation(db, r) for r in decided) if o is not None]
        path = _shared_path(record["source"]["path"])
        out[Path(path).stem + ".json"] = {
            "file": path, "language": record.get("language"), "symbol": meta.get("symbol"),
            "doc_type": meta.get("doc_type"), "issued_on": meta.get("issued_on"), "issuer": meta.get("issuer"),
            "references": sorted({r["symbol"] for r in record.get("references") or [] if r.get("symbol")}),
            "obligations": obligations, "complete": len(decided) == total,
            "notes": f"exported from obligraph review: {len(decided)} of {total} tasks reviewed",
        }
    return out


def _gold_obligation(db: WebDB, r: Any) -> dict | None:
    if r["decision"] == "rejected":
        return None
    data = json.loads(r["data"])
    d = decision_record(db, r["decision_id"])
    assignees = [(a["name"], a["role"]) for a in d["assignees"]] or [
        (a["name"], a.get("role") or "responsible") for a in data.get("assignees") or []]
    deadline = data.get("deadline") or {}
    return {
        "path": data.get("path"),
        "anchor": _anchor(data.get("text") or data.get("action") or ""),
        "assignees": list(dict.fromkeys(name for name, _ in assignees)),
        "roles": {name: role for name, role in assignees},
        "deadline": d["deadline"] or deadline.get("date") or deadline.get("end"),
        "deadline_mention": deadline.get("mention") if not d["deadline"] else None,
        "reports_to": list(data.get("reports_to") or []),
        "action": d["action"] or data.get("action"),
        "review": r["decision"],
    }


def write_gold(db: WebDB, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, record in sorted(gold_records(db).items()):
        path = out_dir / name
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written
