"""End to end in a real Chromium (Debian's package, driven by Playwright through executable_path; no
browser is ever downloaded): search, read, follow a reference, cascade, agency, review. Saves the
README's screenshots into docs/screenshots/."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, copy_store  # noqa: E402
from webutil import TOKEN  # noqa: E402

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
SHOTS = ROOT / "docs" / "screenshots"


def chromium_binary() -> str | None:
    """Debian's chromium: /usr/bin/chromium is a wrapper script, the browser is in /usr/lib/chromium."""
    for path in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if path and Path(path).exists():
            return path
    return None


BINARY = chromium_binary()
pytestmark = pytest.mark.skipif(BINARY is None, reason="Debian's chromium is not installed (make setup installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store_master, tmp_path_factory):
    import uvicorn

    from pipeline.web import create_app

    store = copy_store(web_store_master, tmp_path_factory.mktemp("browser") / "store.sqlite")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store, TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BINARY, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        yield pg
        browser.close()


def test_journey(page, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    # search without Đ, open the document
    page.goto("/")
    page.fill("header input[name=q]", "223/CD-TTg")
    page.click("header button[type=submit]")
    page.click("td.result a:text-is('223/CĐ-TTg')")
    assert page.inner_text("h1").startswith("223/CĐ-TTg")
    assert page.locator(".doctext .hl-obligation").count() > 5
    assert page.locator(".doctext .hl-assignee").count() > 0
    assert page.locator(".doctext a.hl-reference").count() > 0
    page.locator(".doctext .hl-obligation").nth(2).scroll_into_view_if_needed()
    page.mouse.wheel(0, -250)
    page.wait_for_timeout(200)
    page.screenshot(path=str(SHOTS / "document.png"))
    doc_url = page.url

    # follow the reference to 217
    page.click(".doctext a.hl-reference:has-text('217/CĐ-TTg')")
    assert page.inner_text("h1").startswith("217/CĐ-TTg")

    # back to 223 and its cascade
    page.goto(doc_url)
    page.click("dl.meta a:text-is('cascade')")
    assert "Cascade of 223/CĐ-TTg" in page.inner_text("h1")
    assert page.locator("svg.lag-chart rect").count() > 0
    assert page.locator("section.province:has(h3:text-is('Đắk Lắk')) a:has-text('0129/KH-UBND')").count() == 1
    if page.locator("a:text-is('show every link with its score and evidence')").count():
        page.click("a:text-is('show every link with its score and evidence')")
    assert page.locator("table.links td.score").count() > 0
    page.screenshot(path=str(SHOTS / "cascade.png"), full_page=False)

    # an agency filtered to overdue as of a date
    page.goto("/agencies/Ủy ban nhân dân tỉnh Đắk Lắk")
    page.fill("form.filters input[name=as_of]", "2026-01-31")
    page.select_option("form.filters select[name=status]", "overdue")
    page.click("form.filters button[type=submit]")
    assert "status=overdue" in page.url and "as_of=2026-01-31" in page.url
    rows = page.locator("table.tasks tbody tr")
    assert rows.count() > 0
    assert all("status-overdue" in (rows.nth(i).get_attribute("class") or "") for i in range(rows.count()))

    # sign in, confirm one task in the review queue, see it in the API
    page.goto("/login")
    page.fill("input[name=token]", TOKEN)
    page.click("main button[type=submit]")
    assert page.url.endswith("/review")
    item = page.locator("article.review-item").first
    task_id = item.get_attribute("id").removeprefix("review-")
    item.locator("button.confirm").click()
    assert f"confirmed {task_id}" in page.inner_text("p.done")
    page.locator("article.review-item details summary").first.click()  # the correction form, for the picture
    page.screenshot(path=str(SHOTS / "review.png"))
    page.goto("/api/obligations?review=confirmed")
    confirmed = json.loads(page.inner_text("body"))["obligations"]
    assert [t["id"] for t in confirmed] == [task_id]
