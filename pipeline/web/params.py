"""Query and form parameters, checked: a bad value is a 400 with a message saying what was expected."""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import date

from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException

MAX_TEXT = 300
_SAFE_CURSOR = re.compile(r"^[A-Za-z0-9_-]{1,400}={0,2}$")


class BadParameter(HTTPException):
    def __init__(self, name: str, message: str):
        super().__init__(status_code=400, detail=f"parameter {name!r}: {message}")


def text(params: QueryParams, name: str, max_len: int = MAX_TEXT) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) > max_len:
        raise BadParameter(name, f"at most {max_len} characters")
    if any(ord(c) < 32 for c in value) or "\x00" in value:
        raise BadParameter(name, "control characters are not accepted")
    return value or None


def iso_date(params: QueryParams, name: str) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(name, f"expected an ISO date YYYY-MM-DD, got {value[:40]!r}") from None


def integer(params: QueryParams, name: str, lo: int, hi: int, default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not re.fullmatch(r"-?\d{1,9}", value):
        raise BadParameter(name, f"expected an integer from {lo} to {hi}, got {value[:40]!r}")
    n = int(value)
    if not lo <= n <= hi:
        raise BadParameter(name, f"expected an integer from {lo} to {hi}, got {n}")
    return n


def number(params: QueryParams, name: str, lo: float, hi: float) -> float | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        x = float(value)
    except ValueError:
        raise BadParameter(name, f"expected a number from {lo} to {hi}, got {value[:40]!r}") from None
    if not lo <= x <= hi:  # also rejects nan
        raise BadParameter(name, f"expected a number from {lo} to {hi}, got {value[:40]!r}")
    return x


def choice(params: QueryParams, name: str, choices: tuple[str, ...]) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if value not in choices:
        raise BadParameter(name, f"expected one of {', '.join(choices)}, got {value[:40]!r}")
    return value


def boolean(params: QueryParams, name: str) -> bool:
    value = (params.get(name) or "").lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise BadParameter(name, f"expected true or false, got {value[:40]!r}")


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": last_id}).encode()).decode().rstrip("=")


def cursor(params: QueryParams, name: str = "cursor") -> str | None:
    """The id after which the next page starts (the cursor is opaque to clients)."""
    value = params.get(name)
    if not value:
        return None
    try:
        if not _SAFE_CURSOR.match(value):
            raise ValueError
        data = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        after = data["after"]
        if not isinstance(after, str) or len(after) > 200:
            raise ValueError
        return after
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadParameter(name, "not a cursor returned by this API (use the next_cursor of a previous page)") from None
