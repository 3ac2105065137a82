"""Latency of every page and endpoint of the web app (in process, Starlette's TestClient) on a store,
p50 and p95 over requests with varied arguments (different documents, agencies, symbols), so the
per-generation cache answers only what a real reader would repeat. ``make bench`` runs it on the
generated 100,000-obligation store; ``python -m pipeline.web.bench STORE`` runs it alone."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

TOKEN = "bench-token-0123456789abcdef"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _samples(client, n: int) -> dict[str, list[str]]:
    conn = client.app.state.db.store.conn
    docs = [r[0] for r in conn.execute(
        "SELECT doc_id FROM documents WHERE symbol IS NOT NULL ORDER BY doc_id LIMIT ?", (n,))]
    cited = [r[0] for r in conn.execute(
        "SELECT k.symbol FROM refs r JOIN doc_keys k ON k.key = r.target WHERE k.placeholder = 0 "
        "GROUP BY k.key ORDER BY COUNT(*) DESC LIMIT ?", (n,))]
    agencies = [r[0] for r in conn.execute(
        "SELECT agency FROM assignees GROUP BY agency ORDER BY COUNT(*) DESC LIMIT ?", (n,))]
    tasks = [r[0] for r in conn.execute("SELECT id FROM obligations ORDER BY id LIMIT ?", (n,))]
    return {"doc": docs, "symbol": cited, "agency": agencies, "task": tasks}


def endpoints(s: dict[str, list[str]]) -> dict[str, Callable[[int], str]]:
    pick = lambda kind, i: s[kind][i % len(s[kind])]  # noqa: E731 - a local shorthand
    enc = lambda text: quote(text, safe="/")  # noqa: E731
    return {
        "page /": lambda i: f"/?as_of=2025-12-{1 + i % 28:02d}",
        "page /search symbol": lambda i: f"/search?q={enc(pick('symbol', i).replace('Đ', 'D'))}",
        "page /search full text": lambda i: "/search?q=" + ["sat lo dat", "phong chong thien tai", "cong dien",
                                                            "bao cao ket qua", "ung pho mua lu"][i % 5],
        "page /documents/{id}": lambda i: f"/documents/{pick('doc', i)}",
        "page /agencies/{name} overdue": lambda i: f"/agencies/{enc(pick('agency', i))}?status=overdue&as_of=2025-12-01",
        "page /cascade/{symbol}": lambda i: f"/cascade/{enc(pick('symbol', i))}?min_score=0",
        "page /review": lambda i: "/review",
        "api /api/documents?q=": lambda i: f"/api/documents?q={enc(pick('symbol', i))}",
        "api /api/documents/{id}": lambda i: f"/api/documents/{pick('doc', i)}",
        "api /api/obligations": lambda i: f"/api/obligations?as_of=2025-12-{1 + i % 28:02d}",
        "api /api/obligations?agency&status": lambda i: f"/api/obligations?agency={enc(pick('agency', i))}"
                                                         "&status=overdue&as_of=2025-12-01",
        "api /api/obligations?review=pending": lambda i: "/api/obligations?review=pending",
        "api /api/obligations/{id}": lambda i: f"/api/obligations/{pick('task', i)}",
        "api /api/obligations.csv?agency": lambda i: f"/api/obligations.csv?agency={enc(pick('agency', i))}&limit=500",
        "api /api/obligations.ics?agency": lambda i: f"/api/obligations.ics?agency={enc(pick('agency', i))}&limit=500",
        "api /api/cited-by/{symbol}?transitive": lambda i: f"/api/cited-by/{enc(pick('symbol', i))}?transitive=true",
        "api /api/cascade/{symbol}": lambda i: f"/api/cascade/{enc(pick('symbol', i))}",
        "api /feeds/agency/{name}.atom": lambda i: f"/feeds/agency/{enc(pick('agency', i))}.atom",
        "api /api/review/gold": lambda i: "/api/review/gold",
        "api /openapi.json": lambda i: "/openapi.json",
    }


def time_endpoints(store: str | Path, requests: int = 20) -> dict[str, dict]:
    from starlette.testclient import TestClient

    from pipeline.web import create_app

    start = time.perf_counter()
    client = TestClient(create_app(store, TOKEN))
    startup = time.perf_counter() - start
    # a few decisions, so the review endpoints have something to join
    samples = _samples(client, requests)
    for oid in samples["task"][:5]:
        client.post(f"/api/review/{oid}", json={"decision": "confirm"}, headers={"Authorization": f"Bearer {TOKEN}"})
    out: dict[str, dict] = {"_startup_seconds": {"seconds": round(startup, 2)}}
    for name, url_of in endpoints(samples).items():
        times, statuses = [], set()
        for i in range(requests):
            url = url_of(i)
            t = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t)
            statuses.add(response.status_code)
        out[name] = {"p50_ms": round(_pct(times, 0.5) * 1000, 1), "p95_ms": round(_pct(times, 0.95) * 1000, 1),
                     "mean_ms": round(statistics.fmean(times) * 1000, 1), "statuses": sorted(statuses)}
    return out


def table(results: dict[str, dict]) -> str:
    lines = [f"web app: start-up (first-seen times, full-text index) {results['_startup_seconds']['seconds']} s",
             f"  {'page / endpoint':45s} {'p50 ms':>8s} {'p95 ms':>8s}  statuses"]
    lines += [f"  {name:45s} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}  {r['statuses']}"
              for name, r in results.items() if not name.startswith("_")]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(time_endpoints(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)))
