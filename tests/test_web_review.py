"""Review decisions: token and CSRF, one transaction each, kept across re-extraction, flagged when the
task changed, exported as gold annotations."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webutil import TOKEN, client, doc_id_of  # noqa: E402

from pipeline.graph.store import Store  # noqa: E402

D223 = "vi_cd_223_ttg_2025.txt"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def web(web_store):
    with client(web_store) as c:
        yield c


def first_task(web, store, path=D223) -> dict:
    return web.get("/api/obligations", params={"doc_id": doc_id_of(store, path)}).json()["obligations"][0]


def test_writes_need_the_token(web, web_store):
    task = first_task(web, web_store)
    url = f"/api/review/{task['id']}"
    assert web.post(url, json={"decision": "confirm"}).status_code == 401
    assert web.post(url, json={"decision": "confirm"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert web.get(url).json()["decisions"] == []
    ok = web.post(url, json={"decision": "confirm"}, headers=AUTH)
    assert ok.status_code == 200 and ok.json()["decision"] == "confirmed"


def test_confirm_correct_reject_and_filters(web, web_store):
    tasks = web.get("/api/obligations", params={"doc_id": doc_id_of(web_store, D223)}).json()["obligations"]
    a, b, c = tasks[:3]
    web.post(f"/api/review/{a['id']}", json={"decision": "confirm"}, headers=AUTH)
    fix = {"decision": "correct", "action": "Sơ tán dân khỏi vùng nguy hiểm",
           "assignees": [{"name": "Bộ Quốc phòng", "role": "lead"}, {"name": "Bộ Công an", "role": "support"}],
           "deadline": "2025-12-15"}
    assert web.post(f"/api/review/{b['id']}", json=fix, headers=AUTH).status_code == 200
    web.post(f"/api/review/{c['id']}", json={"decision": "reject", "note": "recital, not a task"}, headers=AUTH)
    ids = lambda review: {t["id"] for t in web.get(  # noqa: E731
        "/api/obligations", params={"review": review, "limit": 500}).json()["obligations"]}
    assert ids("confirmed") == {a["id"]} and ids("corrected") == {b["id"]} and ids("rejected") == {c["id"]}
    assert not ids("pending") & {a["id"], b["id"], c["id"]}
    # the machine output itself is untouched
    again = web.get(f"/api/obligations/{b['id']}").json()
    assert again["action"] == b["action"] and again["review"] == "corrected"
    assert again["review_history"][0]["assignees"][0] == {"name": "Bộ Quốc phòng", "role": "lead"}


@pytest.mark.parametrize(("body", "words"), [
    ({"decision": "approve"}, "decision must be one of"),
    ({"decision": "correct"}, "at least one of"),
    ({"decision": "confirm", "action": "x"}, "only with the decision 'correct'"),
    ({"decision": "correct", "deadline": "15/12/2025"}, "ISO date"),
    ({"decision": "correct", "assignees": [{"name": "Bộ Y tế", "role": "boss"}]}, "role must be one of"),
    ({"decision": "correct", "assignees": "Bộ Y tế"}, "list of {name, role}"),
    ([1, 2], "JSON object"),
])
def test_bad_decisions_are_400_and_store_nothing(web, web_store, body, words):
    task = first_task(web, web_store)
    r = web.post(f"/api/review/{task['id']}", json=body, headers=AUTH)
    assert r.status_code == 400 and words in r.json()["error"]
    assert web.get(f"/api/review/{task['id']}").json()["decisions"] == []


def test_unknown_task_is_404(web):
    assert web.post("/api/review/onope", json={"decision": "confirm"}, headers=AUTH).status_code == 404


def test_decision_survives_reextraction_and_a_changed_task_returns_to_the_queue(web_store):
    with client(web_store) as web:
        doc_id = doc_id_of(web_store, D223)
        tasks = web.get("/api/obligations", params={"doc_id": doc_id}).json()["obligations"]
        kept, changed = tasks[0], tasks[1]
        for t in (kept, changed):
            web.post(f"/api/review/{t['id']}", json={"decision": "confirm"}, headers=AUTH)
    # re-extraction puts the document again (delete + insert) with one task's output changed
    with Store(web_store) as store:
        record = store.record(doc_id)
        for obl in record["obligations"]:
            if obl["id"] == changed["id"]:
                obl["action"] = obl["action"] + " (re-extracted)"
        record["source"]["sha256"] = "0" * 64
        store.put_document(record)
    with client(web_store) as web:
        assert web.get(f"/api/obligations/{kept['id']}").json()["review"] == "confirmed"
        assert web.get(f"/api/obligations/{changed['id']}").json()["review"] == "changed"
        pending = {t["id"] for t in web.get("/api/obligations", params={"review": "pending", "doc_id": doc_id}).json()[
            "obligations"]}
        assert changed["id"] in pending and kept["id"] not in pending
        assert len(web.get(f"/api/review/{changed['id']}").json()["decisions"]) == 1


def test_gold_export_in_annotation_format(web, web_store):
    tasks = web.get("/api/obligations", params={"doc_id": doc_id_of(web_store, D223)}).json()["obligations"]
    web.post(f"/api/review/{tasks[0]['id']}", json={"decision": "confirm"}, headers=AUTH)
    web.post(f"/api/review/{tasks[1]['id']}", json={"decision": "correct", "deadline": "2025-12-31"}, headers=AUTH)
    web.post(f"/api/review/{tasks[2]['id']}", json={"decision": "reject"}, headers=AUTH)
    files = web.get("/api/review/gold").json()["files"]
    gold = files["vi_cd_223_ttg_2025.json"]
    assert gold["file"] == "corpus/dev/vi_cd_223_ttg_2025.txt" and gold["symbol"] == "223/CĐ-TTg"
    assert "217/CĐ-TTg" in gold["references"] and gold["complete"] is False
    assert len(gold["obligations"]) == 2  # the rejected one is not a task
    text = " ".join((Path(__file__).resolve().parents[2] / "shared" / gold["file"]).read_text().split())
    for obl in gold["obligations"]:
        assert 6 <= len(obl["anchor"].split()) <= 12 and obl["anchor"] in text
        assert set(obl) >= {"path", "anchor", "assignees", "deadline", "deadline_mention"}
    assert gold["obligations"][1]["deadline"] == "2025-12-31"


def test_browser_review_needs_sign_in_and_csrf(web, web_store):
    task = first_task(web, web_store)
    assert 'action="/review/' not in web.get("/review").text  # no forms before signing in
    assert web.post(f"/review/{task['id']}", data={"decision": "confirm"}).status_code == 403
    form = web.get("/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', form.text).group(1)
    bad = web.post("/login", data={"nonce": nonce, "token": "guess"})
    assert bad.status_code == 403
    nonce = re.search(r'name="nonce" value="([^"]+)"', bad.text).group(1)
    ok = web.post("/login", data={"nonce": nonce, "token": TOKEN})
    assert ok.status_code == 303
    queue = web.get("/review").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', queue).group(1)
    # signed in but without the form's CSRF field (what a cross-site form would send): refused
    assert web.post(f"/review/{task['id']}", data={"decision": "confirm"}).status_code == 403
    done = web.post(f"/review/{task['id']}", data={"decision": "confirm", "csrf": csrf, "next": "//evil.example/"})
    assert done.status_code == 303 and done.headers["location"].startswith("/review?")
    assert web.get(f"/api/obligations/{task['id']}").json()["review"] == "confirmed"


def test_decisions_live_in_their_own_tables(web, web_store):
    task = first_task(web, web_store)
    web.post(f"/api/review/{task['id']}", json={"decision": "confirm"}, headers=AUTH)
    conn = sqlite3.connect(web_store)
    assert conn.execute("SELECT decision FROM review_decisions").fetchall() == [("confirmed",)]
    data = json.loads(conn.execute("SELECT data FROM obligations WHERE id = ?", (task["id"],)).fetchone()[0])
    assert "review" not in data
    conn.close()


def test_review_export_command(web_store, tmp_path):
    import subprocess

    with client(web_store) as web:
        task = first_task(web, web_store)
        web.post(f"/api/review/{task['id']}", json={"decision": "confirm"}, headers=AUTH)
    out = tmp_path / "gold"
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "review-export", "--store", str(web_store),
                           "--out", str(out)], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (gold,) = out.glob("*.json")
    assert gold.name == "vi_cd_223_ttg_2025.json"
    assert json.loads(gold.read_text())["obligations"][0]["anchor"]


def test_one_documents_queue_reads_in_document_order(web, web_store):
    doc_id = doc_id_of(web_store, D223)
    page = web.get("/review", params={"doc_id": doc_id}).text
    shown = re.findall(r'<article class="review-item" id="review-([^"]+)">', page)
    tasks = web.get("/api/obligations", params={"doc_id": doc_id}).json()["obligations"]
    assert shown == [t["id"] for t in sorted(tasks, key=lambda t: t["ord"])]
