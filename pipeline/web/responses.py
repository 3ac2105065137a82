"""JSON and text responses with a strong ETag (hash of the body) answered by 304 on If-None-Match."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def tagged(request: Request, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> Response:
    etag = _etag(body)
    headers = {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}
    wanted = [t.strip() for t in request.headers.get("if-none-match", "").split(",")]
    if etag in wanted or "*" in wanted:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def json_tagged(request: Request, payload: Any, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return tagged(request, body, "application/json", headers)


def error_json(status: int, message: str) -> Response:
    body = json.dumps({"error": message, "status": status}, ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json")
