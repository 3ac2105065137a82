"""Agency page: tasks by role and status as of a day, filtered list, predecessors and successors."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from pipeline.web import params
from pipeline.web.pages.common import as_of, db_of, render
from pipeline.web.tasks import ROLES, STATUSES, TaskFilter, list_tasks, status_counts


async def agency(request: Request) -> Response:
    db = db_of(request)
    given = request.path_params["name"]
    if not given.strip() or len(given) > 300:
        raise params.BadParameter("name", "an agency name or alias")
    name = db.store.canonical(given)
    row = db.store.conn.execute("SELECT name_en, kind FROM agencies WHERE name = ?", (name,)).fetchone()
    registered = db.registry.lookup(name)
    if row is None and registered is None:
        raise HTTPException(404, f"no agency named {given!r} in the registry or the store (try the search page)")
    day = as_of(request)
    q = request.query_params
    f = TaskFilter(agency=name, role=params.choice(q, "role", ROLES), status=params.choice(q, "status", STATUSES),
                   as_of=day, predecessors=params.boolean(q, "include_predecessors"))
    after = params.cursor(q)
    tasks, last = list_tasks(db, f, after, limit=50)
    names = [name] + ([a.name for a in db.registry.predecessors(name)] if f.predecessors else [])
    counts = db.cached(("agency-counts", tuple(names), day), lambda: status_counts(db, names, day))
    return render(request, "agency.html", name=name, given=given, row=row, registered=registered,
                  predecessors=db.registry.predecessors(name), successors=db.registry.successors(name),
                  counts=counts, roles=ROLES, statuses=STATUSES, f=f, tasks=tasks, as_of=day,
                  next_cursor=params.encode_cursor(last) if last else None)
