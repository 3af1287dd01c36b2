"""The programme's pages in headless Chromium at 360 px and 1280 px, on the demo.
Screenshots go to data/screenshots/programmes-*.png for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, login, shoot
from tests.programmes.conftest import DEMO_DATA

# The browser and demo fixtures come from tests/browser/conftest.py: one Playwright for
# the whole run (a second one in the same process fails inside the first's event loop).
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _pages(live_server: Any) -> list[tuple[str, str, str]]:
    from nghiquyet.programmes.models import Programme, ProgrammeItem

    programme = Programme.objects.get()
    item = ProgrammeItem.objects.get(programme=programme, number="3.3")
    proposed = ProgrammeItem.objects.filter(proposed_at__isnull=False).first()
    return [
        ("bithu", "list", f"/resolutions/{programme.resolution_id}/programmes/"),
        ("bithu", "table", f"/programmes/{programme.pk}/"),
        ("bithu", "table-overdue", f"/programmes/{programme.pk}/?status=overdue"),
        ("bithu", "progress", f"/programmes/{programme.pk}/progress/"),
        ("bithu", "timeline", f"/programmes/{programme.pk}/timeline/"),
        ("bithu", "confirm", f"/programmes/items/{proposed.pk}/"),
        ("bithu", "my-tasks", "/my-tasks/"),
        ("bithu", "notifications", "/notifications/"),
        ("truongban", "item", f"/programmes/items/{item.pk}/"),
        ("truongban", "my-tasks-reporter", "/my-tasks/"),
        ("canbo", "overdue", "/programmes/overdue/"),
        ("canbo", "import", f"/resolutions/{programme.resolution_id}/programmes/import/"),
        ("bithu", "indicator", f"/resolutions/{programme.resolution_id}/indicators/9/"),
    ]


@pytest.mark.parametrize(("size", "viewport"), [("360", PHONE), ("1280", DESKTOP)])
def test_pages_fit_and_show_the_programme(browser: Any, live_server: Any, demo: Any,
                                          size: str, viewport: dict[str, int]) -> None:
    pages: dict[str, Any] = {}
    for username, name, url in _pages(live_server):
        if username not in pages:
            pages[username] = login(browser, live_server, username, viewport)
        page = pages[username]
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None and response.status == 200, (name, url)
        assert_fits(page)
        shoot(page, f"programmes-{name}-{size}")
    bell = pages["truongban"].locator(".pg-bell-count")
    assert int(bell.inner_text()) >= 1
    # The import: upload the demo's Word file and look at the review page.
    page = pages["canbo"]
    page.goto(f"{live_server.url}{_pages(live_server)[11][2]}")
    page.set_input_files("#id_file", str(DEMO_DATA / "chuong-trinh-hanh-dong.docx"))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_url("**/programmes/drafts/**")
    assert page.locator(".pg-review-items > li").count() >= 25
    assert_fits(page)
    shoot(page, f"programmes-import-review-{size}")
