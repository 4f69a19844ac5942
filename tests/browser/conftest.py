"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against the live
test server. Without Chromium the browser tests are skipped, except under CI=true."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM} (CI=true: browser tests must run)")
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium to run browser tests")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test
    # body are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shoot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def log_in(page):
    """Logs in through the admin's form and waits for the admin index: a `goto` right after the
    click can overtake the login POST and land on the login page again."""

    def submit(base_url: str, username: str, password: str) -> None:
        page.goto(base_url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")

    return submit


@pytest.fixture
def chief(django_user_model) -> tuple[str, str]:
    """A superuser's name and password."""
    django_user_model.objects.create_superuser("chief", password="correct-horse-battery")
    return "chief", "correct-horse-battery"


@pytest.fixture
def live_seeded(transactional_db, live_server, seeds_dir, seeds_snapshot):
    from tests.conftest import import_seeds_into_test

    import_seeds_into_test(seeds_dir, seeds_snapshot)
    return live_server
