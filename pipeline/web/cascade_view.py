"""The cascade page's data: a central document, the documents implementing it grouped by province with
the lag in days, the tasks each carried down (links at or above the display threshold, with score and
evidence), and a lag chart drawn as inline SVG on the server (no script needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

from pipeline.graph import link, query
from pipeline.graph.linkeval import display_threshold
from pipeline.web.db import WebDB


@dataclass
class Implementer:
    doc: dict
    depth: int
    cites: str | None
    province: str
    lag_days: int | None
    links: list[dict] = field(default_factory=list)
    hidden: int = 0


@dataclass
class Cascade:
    roots: list[dict]
    implementers: list[Implementer]
    threshold: float

    def by_province(self) -> list[tuple[str, list[Implementer]]]:
        groups: dict[str, list[Implementer]] = {}
        for imp in self.implementers:
            groups.setdefault(imp.province, []).append(imp)
        return sorted(groups.items(), key=lambda kv: (kv[0] == "central / other", kv[0]))


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (date.fromisoformat(a or "") - date.fromisoformat(b or "")).days
    except ValueError:
        return None


def _province(db: WebDB, issuer: str | None) -> str:
    place = link.locality(issuer, db.registry)
    if not place:
        return "central / other"
    agency = db.registry.lookup(issuer or "")
    name = getattr(agency, "province", None)
    return name or place.title()


def build(db: WebDB, symbol: str, year: int | None = None, issuer: str | None = None,
          threshold: float | None = None) -> Cascade:
    threshold = display_threshold() if threshold is None else threshold
    entries = db.cached(("cascade", symbol, year, issuer), lambda: query.cascade(db.store, symbol, year, issuer))
    dates = {e["key"]: e["issued_on"] for e in entries}
    roots = [e for e in entries if e["depth"] == 0]
    # a symbol also cited without its year leaves a placeholder node beside the stored one: show the stored
    roots = [e for e in roots if not e["placeholder"]] or roots
    out = []
    for e in entries:
        if e["depth"] == 0:
            continue
        shown = [lk for lk in e["links"] if lk["score"] >= threshold]
        out.append(Implementer(e, e["depth"], e["cites"], _province(db, e["issuer"]),
                               _days(e["issued_on"], dates.get(e["cites"])), shown, len(e["links"]) - len(shown)))
    return Cascade(roots, out, threshold)


def lag_chart(cascade: Cascade, width: int = 640, bar: int = 18) -> str:
    """Horizontal bars, one per implementing document with a known lag; every text escaped."""
    items = [i for i in cascade.implementers if i.lag_days is not None]
    if not items:
        return ""
    items.sort(key=lambda i: (i.lag_days, i.doc["symbol"] or ""))
    label_w, pad = 230, 4
    most = max(max(i.lag_days for i in items), 1)
    least = min(min(i.lag_days for i in items), 0)
    span = most - least
    plot_w = width - label_w - 60
    zero = label_w + (-least) * plot_w / span
    height = len(items) * (bar + pad) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="lag-chart" width="{width}" height="{height}" '
             f'role="img" aria-label="lag in days between issue dates">',
             f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height - 20}" stroke="#555"/>']
    for n, imp in enumerate(items):
        y = n * (bar + pad)
        x0 = zero + min(imp.lag_days, 0) * plot_w / span
        w = max(abs(imp.lag_days) * plot_w / span, 1)
        label = escape(f"{imp.doc['symbol'] or imp.doc['key']} ({imp.province})"[:40])
        parts.append(f'<text x="{label_w - 6}" y="{y + bar - 5}" text-anchor="end" font-size="12">{label}</text>')
        parts.append(f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="#4a7ebb">'
                     f'<title>{label}: {imp.lag_days} days</title></rect>')
        parts.append(f'<text x="{x0 + w + 4:.1f}" y="{y + bar - 5}" font-size="12">{imp.lag_days} d</text>')
    parts.append(f'<text x="{zero:.1f}" y="{height - 5}" font-size="11" text-anchor="middle">'
                 f'days after the cited document</text></svg>')
    return "".join(parts)
