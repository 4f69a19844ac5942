"""The pages for re-users, in Chromium at 1280 px and on a phone: /data/, /people/, /sources/,
qualifications on /honours/, and /sitemap.xml shown as a page under the site's CSP."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {"data": "/data/", "people": "/people/", "sources": "/sources/", "designations": "/honours/?kind=designation",
         "sitemap": "/sitemap.xml"}


@pytest.mark.parametrize("width", [1280, 390])
def test_reuse_pages_render_at_desktop_and_phone_width(browser, live_seeded, settings, tmp_path, width):
    settings.RELEASES_DIR = tmp_path / "releases"
    call_command("release", "--name", "2026-12-02", stdout=io.StringIO())
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append((page.url, message.text[:60])) if "Content Security Policy" in message.text else None)
    try:
        for name, url in PAGES.items():
            page.goto(live_seeded.url + url)
            # Nothing wider than the screen (a phone must not scroll sideways).
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, (name, width)
            prefix = "" if width == 1280 else "phone-"
            page.screenshot(path=str(tmp_path / "x.png"))  # warm fonts
            from tests.browser.conftest import SCREENSHOTS

            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{prefix}{name}.png"), full_page=True)
        page.goto(live_seeded.url + "/sitemap.xml")
        assert page.locator("h1").inner_text() == "站点地图"
        assert page.locator("table.sitemap tbody tr").count() > 20
        page.goto(live_seeded.url + "/data/")
        assert page.get_by_role("link", name="hospitals.sqlite3").count() == 1
        page.goto(live_seeded.url + "/honours/?kind=designation")
        assert page.locator("h1").inner_text() == "资质认定"
        # Chromium's own banner on XSLT pages ("being removed from this browser") styles itself
        # inline; the site's pages must not.
        assert [url for url, _ in blocked if not url.endswith("/sitemap.xml")] == []
    finally:
        context.close()
