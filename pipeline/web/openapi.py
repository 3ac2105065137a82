"""The OpenAPI 3 document of the JSON API (``/openapi.json``), written out so it says exactly what the
handlers accept and return (schemathesis checks the two agree)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from pipeline.records import OBLIGATION_ID
from pipeline.web.tasks import REVIEWS, ROLES, STATUSES


def _s(kind: str, **extra: Any) -> dict:
    return {"type": kind, **extra}


def _n(kind: str, **extra: Any) -> dict:
    return {"type": kind, "nullable": True, **extra}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _q(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def _p(name: str, description: str, pattern: str | None = None) -> dict:
    schema = _s("string", minLength=1, **({"pattern": pattern} if pattern else {}))
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


DATE = _s("string", format="date")
ERRORS = {
    "304": {"description": "not modified (If-None-Match matched the ETag)"},
    "400": {"description": "a bad parameter (the message says which)",
            "content": {"application/json": {"schema": _ref("Error")}}},
    "404": {"description": "not found", "content": {"application/json": {"schema": _ref("Error")}}},
    "503": {"description": "the store is busy", "content": {"application/json": {"schema": _ref("Error")}}},
}


def _ok(schema: dict, media: str = "application/json", description: str = "ok") -> dict:
    return {"200": {"description": description, "headers": {"ETag": {"schema": _s("string")}},
                    "content": {media: {"schema": schema}}}, **ERRORS}


TASK_PARAMS = [
    _q("agency", _s("string", maxLength=300), "agency by any alias or English name"),
    _q("role", _s("string", enum=list(ROLES)), "only this role"),
    _q("status", _s("string", enum=list(STATUSES)), "status as of as_of"),
    _q("as_of", DATE, "day the status is judged on (default today)"),
    _q("due_before", DATE, "due strictly before this day"),
    _q("changed_since", DATE, "first seen or changed by the server on or after this day"),
    _q("review", _s("string", enum=list(REVIEWS)), "review state"),
    _q("doc_id", _s("string", maxLength=40), "only the tasks of this stored document"),
    _q("include_predecessors", _s("boolean"), "with the agency's predecessor bodies"),
    _q("include_successors", _s("boolean"), "with the agency's successor bodies"),
    _q("cursor", _s("string"), "next_cursor of the previous page"),
    _q("min_score", _s("number", minimum=0, maximum=1),
       "show cascade links (carries_out, Parent) at or above this score (default: the measured threshold)"),
]
DOC_PARAMS = [_q("year", _s("integer", minimum=1900, maximum=2100), "only the document of this year"),
              _q("issuer", _s("string", maxLength=300), "only the document of this issuer (any alias)")]

SCHEMAS: dict[str, Any] = {
    "Error": _s("object", required=["error", "status"], properties={"error": _s("string"), "status": _s("integer")}),
    "DocRef": _s("object", required=["key", "symbol", "doc_id", "placeholder"], properties={
        "key": _s("string"), "symbol": _n("string"), "doc_id": _n("string"), "issuer": _n("string"),
        "issued_on": _n("string"), "placeholder": _s("boolean"), "relations": _s("array", items=_s("string")),
        "depth": _s("integer"), "cites": _n("string")}),
    "DocumentHit": _s("object", required=["key", "symbol", "doc_id", "placeholder"], properties={
        "key": _s("string"), "symbol": _n("string"), "doc_id": _n("string"), "doc_type": _n("string"),
        "issuer": _n("string"), "issued_on": _n("string"), "year": _n("integer"), "title": _n("string"),
        "placeholder": _s("boolean")}),
    "Assignee": _s("object", required=["name", "role"], properties={
        "name": _n("string"), "role": _n("string"), "name_en": _n("string"), "mention": _n("string")}),
    "Link": _s("object", required=["obligation", "score"], properties={
        "obligation": _s("string"), "score": _s("number")}),
    "Obligation": _s("object", required=["id", "doc_id", "status", "review", "assignees"], properties={
        "id": _s("string"), "doc_id": _s("string"), "document": _n("string"), "doc_key": _s("string"),
        "source": _s("string"), "issued_on": _n("string"), "ord": _s("integer"), "path": _n("string"),
        "action": _n("string"),
        "text": _n("string"), "assignees": _s("array", items=_ref("Assignee")),
        "deadline": _n("object", properties={"date": _n("string"), "kind": _n("string"), "mention": _n("string"),
                                             "rrule": _n("string")}),
        "reports_to": _s("array", items=_s("string")), "status": _s("string", enum=list(STATUSES)),
        "review": _s("string", enum=["pending", "confirmed", "corrected", "rejected", "changed"]),
        "decision_id": _n("integer"), "first_seen": _n("string"), "changed_at": _n("string"),
        "carries_out": _s("array", items=_ref("Link")),
        "review_history": _s("array", items=_ref("Decision"))}),
    "Decision": _s("object", required=["id", "obligation_id", "decision", "content_hash", "decided_at"], properties={
        "id": _s("integer"), "obligation_id": _s("string"), "doc_id": _s("string"),
        "decision": _s("string", enum=["confirmed", "corrected", "rejected"]), "content_hash": _s("string"),
        "action": _n("string"), "assignees": _s("array", items=_ref("Assignee")), "deadline": _n("string"),
        "note": _n("string"), "reviewer": _n("string"), "decided_at": _s("string")}),
    "DecisionInput": _s("object", required=["decision"], properties={
        "decision": _s("string", enum=["confirm", "correct", "reject"]), "action": _n("string"),
        "assignees": _s("array", items=_s("object", required=["name", "role"], properties={
            "name": _s("string"), "role": _s("string", enum=list(ROLES))})),
        "deadline": _n("string", format="date"), "note": _n("string"), "reviewer": _n("string")}),
    "CascadeLink": _s("object", required=["obligation", "carries_out", "score", "evidence"], properties={
        "obligation": _s("string"), "path": _n("string"), "action": _n("string"), "carries_out": _s("string"),
        "parent_path": _n("string"), "parent_action": _n("string"), "score": _s("number"),
        "evidence": _s("object")}),
}


def spec() -> dict:
    doc_list = _s("object", required=["documents"], properties={
        "documents": _s("array", items=_ref("DocumentHit")), "matched_by": _s("string"),
        "limit": _s("integer"), "offset": _s("integer")})
    document = _s("object", required=["doc_id", "key", "obligations"], properties={
        "doc_id": _s("string"), "source": _s("string"), "language": _n("string"), "symbol": _n("string"),
        "doc_type": _n("string"), "issuer": _n("string"), "issued_on": _n("string"), "title": _n("string"),
        "key": _s("string"), "references": _s("array", items=_s("object")),
        "cited_by": _s("array", items=_ref("DocRef")), "based_on": _s("array", items=_ref("DocRef")),
        "obligations": _s("array", items=_ref("Obligation"))})
    page = _s("object", required=["obligations", "next_cursor"], properties={
        "obligations": _s("array", items=_ref("Obligation")), "next_cursor": _n("string"), "as_of": _s("string")})
    paging = [_q("limit", _s("integer", minimum=1, maximum=500), "page size (default 50)")]
    export = [_q("limit", _s("integer", minimum=1, maximum=100000), "rows (default all, at most 100000)")]
    cascade = _s("object", required=["documents", "threshold", "implementing"], properties={
        "documents": _s("array", items=_ref("DocRef")), "threshold": _s("number"),
        "implementing": _s("array", items=_s("object", properties={
            "key": _s("string"), "symbol": _n("string"), "province": _s("string"), "lag_days": _n("integer"),
            "hidden_links": _s("integer"), "links": _s("array", items=_ref("CascadeLink"))}))})
    write = {"401": {"description": "no or wrong token", "content": {"application/json": {"schema": _ref("Error")}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "obligraph", "version": "1.0",
                 "description": "Obligations (who must do what by when) and cross-references of official directives."},
        "paths": {
            "/api/documents": {"get": {"summary": "search documents", "parameters": [
                _q("q", _s("string", maxLength=300), "symbol typed any way (223/CD-TTg), type and number "
                   "(cong dien 223), or words of the text"),
                _q("type", _s("string", maxLength=20), "type code (CĐ, QĐ, KH ...)"),
                _q("issuer", _s("string", maxLength=300), "issuer by any alias"),
                _q("year", _s("integer", minimum=1900, maximum=2100), "year"),
                _q("limit", _s("integer", minimum=1, maximum=500), "page size"),
                _q("offset", _s("integer", minimum=0, maximum=100000), "results to skip")],
                "responses": _ok(doc_list)}},
            "/api/documents/{doc_id}": {"get": {"summary": "one stored document", "parameters": [
                _p("doc_id", "stored document id")], "responses": _ok(document)}},
            "/api/obligations": {"get": {"summary": "tasks, filtered, by pages (stable ids, cursor)",
                                         "parameters": TASK_PARAMS + paging, "responses": _ok(page)}},
            "/api/obligations.csv": {"get": {"summary": "tasks as a Redmine / Jira CSV import",
                                             "parameters": TASK_PARAMS + export,
                                             "responses": _ok(_s("string"), "text/csv")}},
            "/api/obligations.ics": {"get": {"summary": "tasks with a due day as iCalendar VTODOs",
                                             "parameters": TASK_PARAMS + export,
                                             "responses": _ok(_s("string"), "text/calendar")}},
            "/api/obligations/{obligation_id}": {"get": {"summary": "one task with its review history", "parameters": [
                _p("obligation_id", "stable obligation id", OBLIGATION_ID), _q("as_of", DATE, "status day")],
                "responses": _ok(_ref("Obligation"))}},
            "/api/cited-by/{symbol}": {"get": {"summary": "documents citing a document", "parameters": [
                _p("symbol", "number-symbol (223/CĐ-TTg or 223/CD-TTg)"),
                _q("transitive", _s("boolean"), "follow citations of citations"), *DOC_PARAMS],
                "responses": _ok(_s("object", required=["documents", "cited_by"], properties={
                    "documents": _s("array", items=_ref("DocRef")),
                    "cited_by": _s("array", items=_ref("DocRef"))}))}},
            "/api/cascade/{symbol}": {"get": {"summary": "implementing documents and task links", "parameters": [
                _p("symbol", "number-symbol"), *DOC_PARAMS,
                _q("min_score", _s("number", minimum=0, maximum=1), "link threshold (default: chosen on link gold)")],
                "responses": _ok(cascade)}},
            "/feeds/agency/{name}.atom": {"get": {"summary": "Atom feed of an agency's newest tasks", "parameters": [
                _p("name", "agency by any alias")], "responses": _ok(_s("string"), "application/atom+xml")}},
            "/api/review/gold": {"get": {"summary": "reviewed tasks as gold annotation records",
                                         "responses": _ok(_s("object", required=["files"],
                                                             properties={"files": _s("object")}))}},
            "/api/review/{obligation_id}": {
                "get": {"summary": "review decisions of a task", "parameters": [_p("obligation_id", "task id", OBLIGATION_ID)],
                        "responses": _ok(_s("object", required=["obligation_id", "decisions"], properties={
                            "obligation_id": _s("string"), "decisions": _s("array", items=_ref("Decision"))}))},
                "post": {"summary": "confirm, correct or reject a task", "security": [{"token": []}],
                         "parameters": [_p("obligation_id", "task id", OBLIGATION_ID)],
                         "requestBody": {"required": True, "content": {"application/json": {
                             "schema": _ref("DecisionInput")}}},
                         "responses": {**_ok(_ref("Decision")), **write}}},
        },
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                                     "description": "the token printed by obligraph serve"}}},
    }


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(spec())
