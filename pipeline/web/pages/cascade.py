"""Cascade page: a central document and the documents implementing it, by province, with lags,
the tasks carried down (links at or above the threshold chosen on link gold) and a lag chart."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from pipeline.graph.linkeval import DEFAULT_THRESHOLD, HIDE_ALL, MEASURED
from pipeline.web import cascade_view, params
from pipeline.web.pages.common import db_of, render


async def cascade(request: Request) -> Response:
    db = db_of(request)
    symbol = request.path_params["symbol"]
    if not symbol.strip() or len(symbol) > 200:
        raise params.BadParameter("symbol", "a document number-symbol such as 223/CĐ-TTg")
    q = request.query_params
    year, issuer = params.integer(q, "year", 1900, 2100), params.text(q, "issuer")
    threshold = params.number(q, "min_score", 0.0, 1.0)
    c = cascade_view.build(db, symbol, year, issuer, threshold)
    if not c.roots:
        raise HTTPException(404, f"no document {symbol!r} in the store")
    return render(request, "cascade.html", c=c, symbol=symbol, chart=cascade_view.lag_chart(c),
                  default_threshold=DEFAULT_THRESHOLD, hide_all=HIDE_ALL, measured=MEASURED)
