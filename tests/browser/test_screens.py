"""Pages looked at in a real browser at phone and desktop widths."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, login, shoot

SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_resolution_page(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/")
    assert page.locator(".indicator").count() == 24
    assert page.locator(".target").count() == 37
    assert page.get_by_text("từ 49.305 tấn trở lên").first.is_visible()
    assert_fits(page)
    shoot(page, f"resolution-{size}")
    page.goto(f"{live_server.url}/")
    assert_fits(page)
    shoot(page, f"home-{size}")
    page.context.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_login_page(browser, live_server, size, viewport, transactional_db):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    assert page.get_by_role("heading", name="Đăng nhập").is_visible()
    assert_fits(page)
    shoot(page, f"login-{size}")
    context.close()
