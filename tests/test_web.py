"""The web app's pages and JSON API over a store built from the dev corpus (TestClient, no server)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webutil import doc_id_of, module_fixtures  # noqa: E402

D223 = "vi_cd_223_ttg_2025.txt"
D217 = "vi_cd_217_ttg_2025.txt"
D0129 = "vi_kh_0129_ubnd_daklak_2025.txt"


store, web = module_fixtures("webread")


def result_symbols(html: str) -> list[str]:
    return re.findall(r'<td class="result"><a href="/(?:documents|node)[^"]*">([^<]+)</a>', html)


@pytest.mark.parametrize("typed", ["223/CD-TTg", "223/CĐ-TTg", "223/cđ-ttg", "cong dien 223", "Công điện số 223"])
def test_search_finds_a_symbol_however_typed(web, typed):
    page = web.get("/search", params={"q": typed})
    assert page.status_code == 200
    assert "223/CĐ-TTg" in result_symbols(page.text)


def test_search_by_type_year_and_full_text(web):
    page = web.get("/search", params={"type": "KH", "year": "2025"})
    assert "0129/KH-UBND" in result_symbols(page.text)
    assert all("/KH" in s or "KH-" in s for s in result_symbols(page.text))
    api = web.get("/api/documents", params={"q": "sat lo dat"}).json()  # folded words of the text
    assert api["matched_by"] == "full text" and api["documents"]


@pytest.mark.parametrize("typed", ["Ministry of Health", "MOH", "bo y te"])
def test_search_finds_agencies_by_alias_or_english_name(web, typed):
    page = web.get("/search", params={"q": typed})
    assert 'href="/agencies/B%E1%BB%99%20Y%20t%E1%BA%BF">Bộ Y tế</a>' in page.text


def test_document_page_highlights_and_links(web, store):
    d223, d217, d0129 = (doc_id_of(store, p) for p in (D223, D217, D0129))
    page = web.get(f"/documents/{d223}")
    assert page.status_code == 200
    text = page.text
    for kind in ("obligation", "assignee", "deadline", "reference"):
        assert f'class="hl-{kind}' in text or f' hl-{kind}' in text, kind
    # the reference to 217 links to its page, an unstored one to a placeholder page
    assert re.search(rf'<a class="[^"]*hl-reference[^"]*" href="/documents/{d217}">[^<]*217/CĐ-TTg', text)
    placeholder = re.search(r'href="(/node\?key=218[^"]+)"', text)
    assert placeholder
    ph = web.get(placeholder.group(1).replace("&amp;", "&"))
    assert ph.status_code == 200 and "not stored" in ph.text and "223/CĐ-TTg" in ph.text
    assert f'href="/documents/{d0129}"' in text  # cited by the Đắk Lắk plan
    assert f'href="/documents/{d217}"' in text.split("Cited by")[0]  # based on 217


def test_document_tasks_status_as_of_a_day(web, store):
    d220 = doc_id_of(store, "vi_cd_220_ttg_2025.txt")
    early = web.get(f"/documents/{d220}", params={"as_of": "2025-01-01"}).text
    late = web.get(f"/documents/{d220}", params={"as_of": "2030-01-01"}).text
    assert early.count('class="badge status-overdue"') == 0 < late.count('class="badge status-overdue"')
    assert web.get(f"/documents/{d220}", params={"as_of": "2025-13-01"}).status_code == 400


def test_agency_page_overdue_as_of_a_day(web, store):
    page = web.get("/agencies/Ủy ban nhân dân tỉnh Đắk Lắk", params={"status": "overdue", "as_of": "2026-01-01"})
    assert page.status_code == 200
    rows = re.findall(r'<tr id="task-[^"]+" class="status-([a-z-]+)">', page.text)
    assert rows and set(rows) == {"overdue"}
    api = web.get("/api/obligations", params={"agency": "UBND tỉnh Đắk Lắk", "status": "overdue",
                                              "as_of": "2026-01-01", "limit": 500}).json()
    assert all(t["deadline"]["date"] < "2026-01-01" for t in api["obligations"])
    assert len(rows) == min(50, len(api["obligations"]))


def test_agency_page_succession(web):
    page = web.get("/agencies/Bộ Nông nghiệp và Môi trường")
    preds = page.text.split("<h2>Predecessors</h2>")[1].split("</section>")[0]
    assert "Bộ Tài nguyên và Môi trường" in preds and "Bộ Nông nghiệp và Phát triển nông thôn" in preds
    old = web.get("/agencies/MONRE").text
    assert "Bộ Nông nghiệp và Môi trường" in old.split("<h2>Successors</h2>")[1].split("</section>")[0]


def test_cascade_page_by_province_with_lag_and_chart(web, store):
    from pipeline.graph.linkeval import display_threshold

    default = web.get("/cascade/223/CD-TTg").text
    assert "Task links are measured before they are shown" in default
    if display_threshold() > 1:  # no threshold reached precision 0.90 on the link gold: links hidden
        assert 'class="links"' not in default and "link(s) below the threshold hidden" in default
    page = web.get("/cascade/223/CD-TTg", params={"min_score": 0})
    assert page.status_code == 200
    text = page.text
    assert "<svg" in text and "lag in days" in text
    section = text.split("<h3>Đắk Lắk</h3>")[1].split("</section>")[0]
    assert "0129/KH-UBND" in section
    assert "lag 1 days" in section  # 2025-11-20 -> 2025-11-21
    assert 'class="links"' in section and "shared_terms" in section  # score and evidence shown
    api = web.get("/api/cascade/223/CĐ-TTg").json()
    plan = next(i for i in api["implementing"] if i["symbol"] == "0129/KH-UBND")
    assert plan["lag_days"] == 1 and plan["province"] == "Đắk Lắk"
    assert all(lk["score"] >= api["threshold"] for i in api["implementing"] for lk in i["links"])
    everything = web.get("/api/cascade/223/CĐ-TTg", params={"min_score": 0}).json()
    shown = sum(len(i["links"]) for i in api["implementing"])
    hidden = sum(i["hidden_links"] for i in api["implementing"])
    assert shown + hidden == sum(len(i["links"]) for i in everything["implementing"])


def test_overview(web):
    page = web.get("/", params={"as_of": "2026-01-01"})
    assert page.status_code == 200
    assert "Most cited documents" in page.text and "Busiest agencies" in page.text
    assert re.search(r"<th>obligations</th><td>[\d,]+</td>", page.text)


def test_obligations_pages_cover_every_task_once(web, store):
    conn = sqlite3.connect(store)
    total = conn.execute("SELECT COUNT(*) FROM obligations").fetchone()[0]
    conn.close()
    seen, cursor = [], None
    while True:
        response = web.get("/api/obligations", params={"limit": 500, **({"cursor": cursor} if cursor else {})})
        page = response.json()
        seen += [t["id"] for t in page["obligations"]]
        cursor = page["next_cursor"]
        if not cursor:
            assert "link" not in response.headers
            break
        assert f"cursor={cursor}" in response.headers["link"] and 'rel="next"' in response.headers["link"]
    assert len(seen) == len(set(seen)) == total
    assert seen == sorted(seen)  # stable ids in a stable order


def test_etag_and_if_none_match(web):
    first = web.get("/api/obligations", params={"limit": 5})
    tag = first.headers["etag"]
    again = web.get("/api/obligations", params={"limit": 5}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    other = web.get("/api/obligations", params={"limit": 6}, headers={"If-None-Match": tag})
    assert other.status_code == 200


def test_filters(web):
    due = web.get("/api/obligations", params={"due_before": "2025-12-01", "limit": 500}).json()["obligations"]
    assert due and all(t["deadline"]["date"] < "2025-12-01" for t in due)
    leads = web.get("/api/obligations", params={"agency": "Bộ Y tế", "role": "lead", "limit": 500}).json()
    assert all(any(a["name"] == "Bộ Y tế" and a["role"] == "lead" for a in t["assignees"])
               for t in leads["obligations"])
    today = date.today().isoformat()
    recent = web.get("/api/obligations", params={"changed_since": today, "limit": 1}).json()["obligations"]
    assert recent  # the server saw every task today (first start)
    assert web.get("/api/obligations", params={"changed_since": "2999-01-01"}).json()["obligations"] == []


def test_csv_for_tracker_import(web, store):
    body = web.get("/api/obligations.csv", params={"doc_id": doc_id_of(store, D0129)})
    assert body.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.text)))
    assert rows and {"Issue ID", "Subject", "Description", "Assignee", "Start date", "Due date", "Parent"} <= set(rows[0])
    assert all(r["Start date"] == "2025-11-21" for r in rows)
    # parents are the cascade links at or above the display threshold; all of them when asked for score >= 0
    everything = web.get("/api/obligations.csv", params={"doc_id": doc_id_of(store, D0129), "min_score": 0})
    linked = {r["Issue ID"]: r["Parent"] for r in csv.DictReader(io.StringIO(everything.text)) if r["Parent"]}
    assert linked
    conn = sqlite3.connect(store)
    parents = {c: p for c, p in conn.execute("SELECT child, parent FROM cascades")}
    conn.close()
    assert all(parents.get(child) is not None for child in linked)
    assert {r["Issue ID"] for r in rows if r["Parent"]} <= set(linked)


def test_ics(web, store):
    from icalendar import Calendar

    doc_id = doc_id_of(store, "vi_cd_220_ttg_2025.txt")
    body = web.get("/api/obligations.ics", params={"doc_id": doc_id})
    todos = Calendar.from_ical(body.content).walk("VTODO")
    dated = [t for t in web.get("/api/obligations", params={"doc_id": doc_id}).json()["obligations"]
             if t["deadline"] and t["deadline"]["date"]]
    assert len(todos) == len(dated) > 0
    assert {str(t["UID"]) for t in todos} == {f"{t['id']}@obligraph" for t in dated}


def test_cited_by_direct_and_transitive(web):
    direct = web.get("/api/cited-by/217/CD-TTg").json()["cited_by"]
    deep = web.get("/api/cited-by/217/CĐ-TTg", params={"transitive": "true"}).json()["cited_by"]
    assert "223/CĐ-TTg" in {d["symbol"] for d in direct}
    assert {d["key"] for d in direct} < {d["key"] for d in deep}
    assert "0129/KH-UBND" in {d["symbol"] for d in deep} - {d["symbol"] for d in direct}


def test_atom_feed(web):
    body = web.get("/feeds/agency/Ministry of Health.atom")
    assert body.status_code == 200 and body.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(body.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert entries and "Bộ Y tế" in feed.find("a:title", ns).text
    assert all(e.find("a:id", ns).text.startswith("urn:obligraph:obligation:o") for e in entries)


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/obligations?as_of=2025-02-30", 400, "as_of"),
    ("/api/obligations?status=late", 400, "expected one of open, overdue, no-deadline"),
    ("/api/obligations?limit=0", 400, "limit"),
    ("/api/obligations?cursor=not-a-cursor!", 400, "cursor"),
    ("/api/documents?year=20x5", 400, "year"),
    ("/api/cascade/223/CD-TTg?min_score=nan", 400, "min_score"),
    ("/api/documents/dnope", 404, "no stored document"),
    ("/api/cited-by/99999/XX-YY", 404, "no document"),
    ("/agencies/Bộ Y tế?as_of=yesterday", 400, "as_of"),
    ("/agencies/Bộ Không Có", 404, "no agency named"),
    ("/documents/dnope", 404, "no stored document"),
])
def test_bad_parameters_get_a_clear_4xx(web, url, status, words):
    r = web.get(url)
    assert r.status_code == status
    assert words in r.text


def test_openapi_lists_every_endpoint(web):
    spec = web.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/obligations", "/api/obligations.csv",
            "/api/obligations.ics", "/api/cited-by/{symbol}", "/api/cascade/{symbol}", "/feeds/agency/{name}.atom",
            "/api/review/{obligation_id}"} <= set(spec["paths"])


def test_a_task_id_in_a_path_has_the_records_form_so_no_fixed_route_reads_as_one(web):
    # "/api/review/gold" is its own route: a generated id "gold" for "/api/review/{obligation_id}" met it instead
    spec = web.get("/openapi.json").json()
    for path in ("/api/review/{obligation_id}", "/api/obligations/{obligation_id}"):
        for operation in spec["paths"][path].values():
            pattern = re.compile(operation["parameters"][0]["schema"]["pattern"])
            assert pattern.match("o0123456789abcdef") and not pattern.match("gold")
