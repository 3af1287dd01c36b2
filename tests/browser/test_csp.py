"""Under the Content-Security-Policy (no inline script, our own files only) every main page
and the API docs (vendored Swagger UI) run without a single refusal in the console."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, login, shoot

pytestmark = pytest.mark.slow


def test_pages_and_api_docs_run_under_the_csp(browser: Any, live_server: Any, demo: Any) -> None:
    page = login(browser, live_server, "bithu", DESKTOP)
    refusals: list[str] = []
    page.on("console", lambda m: refusals.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    rid = demo.pk
    for path in ("/", f"/resolutions/{rid}/", f"/resolutions/{rid}/dashboard/",
                 f"/resolutions/{rid}/indicators/2/", f"/resolutions/{rid}/entry/",
                 f"/resolutions/{rid}/approvals/", f"/resolutions/{rid}/report/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    page.goto(live_server.url + "/api/v1/docs")
    page.wait_for_selector(".swagger-ui .information-container", timeout=20_000)
    assert page.locator(".opblock").count() > 10  # the operations are listed
    shoot(page, "security-api-docs-desktop")
    assert refusals == []
