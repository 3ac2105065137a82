"""``/feeds/agency/{name}.atom``: an agency's newest tasks (by first seen) as an Atom feed."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from pipeline.web.feeds import agency_feed as build_feed
from pipeline.web.pages.common import db_of
from pipeline.web.responses import tagged
from pipeline.web.tasks import TaskFilter, list_tasks


async def agency_feed(request: Request) -> Response:
    name = request.path_params["name"]
    if not name.endswith(".atom") or len(name) <= 5 or len(name) > 300:
        raise HTTPException(404, "feeds are /feeds/agency/{agency name}.atom")
    db = db_of(request)
    canonical = db.store.canonical(name[:-5])
    tasks, _ = list_tasks(db, TaskFilter(agency=canonical), limit=50, order="new")
    body = build_feed(canonical, tasks, str(request.base_url))
    return tagged(request, body, "application/atom+xml; charset=utf-8")
