"""What every page shares: the template environment, the store, the as-of day."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from pipeline.web import params
from pipeline.web.db import WebDB

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parents[1] / "templates"))
# document text and names are untrusted: autoescape is on for every template (Jinja2Templates' default
# for .html), and these filters only percent-encode what goes into URLs
TEMPLATES.env.filters["path"] = lambda s: quote(str(s or ""), safe="/")
TEMPLATES.env.filters["qs"] = lambda s: quote(str(s or ""), safe="")


def db_of(request: Request) -> WebDB:
    db: WebDB = request.app.state.db
    db.refresh()
    return db


def as_of(request: Request) -> str:
    return params.iso_date(request.query_params, "as_of") or date.today().isoformat()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    guard = request.app.state.guard
    context.update(signed_in=guard.signed_in(request), csrf=guard.csrf() if guard.signed_in(request) else "")
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)
