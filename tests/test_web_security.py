"""Untrusted text renders inert, reads are read-only, SQL is parameterised, serve binds to loopback."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webutil import doc_id_of, module_fixtures  # noqa: E402

store, web = module_fixtures("websec")


def test_markup_in_a_document_renders_inert(web, store):
    doc_id = doc_id_of(store, "vi_cd_999_ttg_xss.txt")
    for url in (f"/documents/{doc_id}", "/search?q=999/CD-TTg", "/review", "/agencies/Bộ Y tế",
                f"/review?doc_id={doc_id}"):
        page = web.get(url)
        assert page.status_code == 200, url
        assert "<script" not in page.text.lower(), url
        assert "<img" not in page.text.lower() and 'href="javascript:' not in page.text.lower(), url
    page = web.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(&#34;xss-body&#34;)&lt;/script&gt;" in page
    assert "&lt;b&gt;hiển thị&lt;/b&gt;" in page
    assert "script-src 'self'" in web.get(f"/documents/{doc_id}").headers["content-security-policy"]
    feed = web.get("/feeds/agency/Bộ Y tế.atom").text
    assert "<script" not in feed and "&lt;script&gt;" in feed


def test_reads_are_read_only(web):
    conn = web.app.state.db.store.conn
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")


@pytest.mark.parametrize("q", ["' OR 1=1 --", '"; DROP TABLE documents; --', "NEAR(a b)", '"unbalanced', "*",
                               "a AND OR NOT", "%_\\", "223/CD-TTg' --", "x" * 300])
def test_hostile_search_strings(web, q):
    for url in ("/search", "/api/documents"):
        r = web.get(url, params={"q": q})
        assert r.status_code == 200, (url, r.text[:200])
    assert web.get("/api/documents", params={"q": "x" * 301}).status_code == 400
    assert web.get("/api/obligations", params={"agency": "' OR 1=1 --"}).json()["obligations"] == []


def test_serve_defaults_to_loopback_and_checks_its_store(tmp_path, capsys):
    from pipeline.cli import build_parser, main

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    assert main(["serve", "--store", str(tmp_path / "none.sqlite")]) == 2
    assert "no store" in capsys.readouterr().err
    short = tmp_path / "token"
    short.write_text("abc")
    store = tmp_path / "s.sqlite"
    sqlite3.connect(store).close()
    assert main(["serve", "--store", str(store), "--token-file", str(short)]) == 2
    assert "at least 16" in capsys.readouterr().err


def test_error_pages_do_not_echo_markup(web):
    r = web.get("/documents/<script>x</script>")
    assert r.status_code == 404 and "<script>x" not in r.text
    r = web.get("/api/cited-by/<b>1</b>")
    assert r.status_code == 404 and re.search(r"<b>1</b>", r.json()["error"])  # JSON carries it as data
