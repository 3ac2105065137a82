"""Who may write: the token printed by ``obligraph serve`` (or read from ``--token-file``).

API clients send ``Authorization: Bearer TOKEN``. A browser signs in once with the token (login form)
and gets an HttpOnly, SameSite=Strict session cookie derived from it; every form that writes carries
a CSRF field derived from the session, checked on POST. Reads need nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from starlette.requests import Request

SESSION_COOKIE = "obligraph_session"
LOGIN_COOKIE = "obligraph_login"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def read_token_file(path: str | Path) -> str:
    token = Path(path).read_text(encoding="utf-8").strip()
    if len(token) < 16:
        raise ValueError(f"{path}: the token must be at least 16 characters")
    return token


class Guard:
    def __init__(self, token: str):
        self._token = token
        self.session = self._mac("session")

    def _mac(self, what: str) -> str:
        return hmac.new(self._token.encode(), what.encode(), hashlib.sha256).hexdigest()

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self._token.encode())

    def bearer_ok(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return scheme.lower() == "bearer" and self.token_ok(value.strip())

    def signed_in(self, request: Request) -> bool:
        cookie = request.cookies.get(SESSION_COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode(), self.session.encode())

    def csrf(self) -> str:
        return self._mac("csrf:" + self.session)

    def form_ok(self, request: Request, form_csrf: str | None) -> bool:
        """A form post is accepted from a signed-in browser carrying the CSRF field."""
        return self.signed_in(request) and bool(form_csrf) and hmac.compare_digest(
            form_csrf.encode(), self.csrf().encode())

    @staticmethod
    def login_nonce() -> str:
        return secrets.token_urlsafe(16)
