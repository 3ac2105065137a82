"""Review queue: tasks awaiting a decision (new, or changed since their decision), with forms to confirm,
correct or reject each; sign-in with the server's token; every form carries a CSRF field."""

from __future__ import annotations

from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.web import params, review
from pipeline.web.pages.common import db_of, render
from pipeline.web.security import LOGIN_COOKIE, SESSION_COOKIE, Guard
from pipeline.web.tasks import TaskFilter, list_tasks


async def queue(request: Request) -> Response:
    db = db_of(request)
    q = request.query_params
    doc_id = params.text(q, "doc_id", 40)
    after = params.cursor(q)
    if doc_id:  # one document's queue reads in the document's order, on one page
        tasks, last = list_tasks(db, TaskFilter(review="pending", doc_id=doc_id), limit=100_000)
        tasks.sort(key=lambda t: t["ord"])
    else:
        tasks, last = list_tasks(db, TaskFilter(review="pending"), after, limit=25)
    recent = [review.decision_record(db, r[0]) for r in db.store.conn.execute(
        "SELECT id FROM review_decisions ORDER BY id DESC LIMIT 10")]
    return render(request, "review.html", tasks=tasks, recent=recent, doc_id=doc_id,
                  next_cursor=params.encode_cursor(last) if last else None, message=q.get("done"))


def _back(target: str | None) -> str:
    # only back into the review queue: never an open redirect
    return target if target and target.startswith("/review") and "//" not in target else "/review"


async def decide(request: Request) -> Response:
    db = db_of(request)
    form = await request.form()
    guard: Guard = request.app.state.guard
    if not guard.form_ok(request, str(form.get("csrf") or "")):
        raise HTTPException(403, "sign in with the server's token first (the form's CSRF field did not match)")
    oid = request.path_params["obligation_id"]
    d = review.Decision(
        str(form.get("decision") or ""), str(form.get("action") or "").strip() or None,
        review.parse_assignees(str(form.get("assignees") or "")), str(form.get("deadline") or "").strip() or None,
        str(form.get("note") or "").strip() or None, "browser")
    try:
        stored = review.decide(db, oid, d)
    except review.ReviewError as err:
        raise HTTPException(400, str(err)) from None
    except review.UnknownTask:
        raise HTTPException(404, f"no obligation {oid!r}") from None
    back = _back(str(form.get("next") or ""))
    sep = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{sep}done={quote(stored['decision'] + ' ' + oid)}", status_code=303)


async def login_form(request: Request) -> Response:
    nonce = Guard.login_nonce()
    response = render(request, "login.html", nonce=nonce, failed=False)
    response.set_cookie(LOGIN_COOKIE, nonce, httponly=True, samesite="strict")
    return response


async def login(request: Request) -> Response:
    form = await request.form()
    guard: Guard = request.app.state.guard
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not nonce or form.get("nonce") != nonce or not guard.token_ok(str(form.get("token") or "")):
        new = Guard.login_nonce()
        response = render(request, "login.html", status=403, nonce=new, failed=True)
        response.set_cookie(LOGIN_COOKIE, new, httponly=True, samesite="strict")
        return response
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(SESSION_COOKIE, guard.session, httponly=True, samesite="strict")
    response.delete_cookie(LOGIN_COOKIE)
    return response


async def logout(request: Request) -> Response:
    form = await request.form()
    if not request.app.state.guard.form_ok(request, str(form.get("csrf") or "")):
        raise HTTPException(403, "the form's CSRF field did not match")
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
