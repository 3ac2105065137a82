"""The ASGI application: pages, API, feed, OpenAPI document, static files, and error pages.

``create_app(store_path, token)`` is what ``obligraph serve`` runs under uvicorn and what the tests
drive with Starlette's TestClient.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.web import api, pages
from pipeline.web.db import WebDB
from pipeline.web.feed_route import agency_feed
from pipeline.web.openapi import openapi
from pipeline.web.pages.common import TEMPLATES
from pipeline.web.responses import error_json
from pipeline.web.security import Guard

STATIC = Path(__file__).resolve().parent / "static"
# no script from anywhere but this server, no framing, no sniffing: document text is untrusted input
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS.items():
                    if k.lower().encode() not in names:
                        headers.append((k.lower().encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/feeds/", "/openapi"))


async def http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", None) or "error"
    if status == 304:
        return Response(status_code=304)
    if _wants_json(request):
        return error_json(status, str(detail))
    return TEMPLATES.TemplateResponse(request, "error.html", {"status": status, "message": str(detail),
                                                              "signed_in": False, "csrf": ""}, status_code=status)


async def store_error(request: Request, exc: Exception) -> Response:
    # the store may be busy (a run writing) or replaced under us: say so instead of a bare 500
    message = f"the store could not answer ({exc}); try again"
    if _wants_json(request):
        return error_json(503, message)
    return TEMPLATES.TemplateResponse(request, "error.html", {"status": 503, "message": message,
                                                              "signed_in": False, "csrf": ""}, status_code=503)


def create_app(store_path: str | Path, token: str, registry=None) -> Starlette:
    db = WebDB(store_path, registry)
    routes = [
        Route("/openapi.json", openapi),
        *api.ROUTES,
        Route("/feeds/agency/{name:path}", agency_feed),
        *pages.ROUTES,
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)],
                    exception_handlers={HTTPException: http_error, sqlite3.OperationalError: store_error})
    app.state.db = db
    app.state.guard = Guard(token)
    return app
