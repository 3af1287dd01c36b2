"""Headless Chromium (Debian's) driven by Playwright against pytest-django's live server.

Screenshots go to data/screenshots/ so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[2] / "data" / "screenshots"


def shots_dir(name: str) -> Path:
    """Where a suite's screenshots go: data/screenshots/NAME, or the docs' own pictures
    (docs/img/NAME) when NGHIQUYET_DOC_SHOTS=1 — run so on purpose to refresh the guide,
    never by default, so a test run leaves the tracked pictures alone."""
    if os.environ.get("NGHIQUYET_DOC_SHOTS") == "1":
        return Path(__file__).resolve().parents[2] / "docs" / "img" / name
    return SHOTS / name
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    with playwright_api.sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def demo(transactional_db: Any) -> Any:
    from nghiquyet.demo.services import load_demo

    return load_demo()


def login(browser: Any, live_server: Any, username: str, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "nghiquyet2025")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def shoot(page: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_fits(page: Any) -> None:
    """Nothing is wider than the screen (a phone must not scroll sideways)."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the viewport"
