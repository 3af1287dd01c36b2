"""The province comparison and the mapping review in a real browser, phone and desktop."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SHOTS, assert_fits, login, shoot

SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.fixture
def province(demo):
    from nghiquyet.demo.province import load_demo_province

    load_demo_province(demo.issuer.parent)
    return demo.issuer.parent


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_province_view(browser, live_server, province, size, viewport):
    page = login(browser, live_server, "giamsat", viewport)
    page.goto(f"{live_server.url}/provinces/SL/?year=2026")
    assert page.get_by_role("heading", name="So sánh các xã, tỉnh Sơn La").is_visible()
    assert page.locator(".cmp-commune").count() == 3
    assert page.locator(".cmp-ind").count() >= 15
    poverty = page.locator("#cl-ho-ngheo")
    assert poverty.locator("tbody tr:not(.print-explain)").count() == 3
    assert poverty.locator("tr.print-explain").first.is_hidden()  # on screen, the chip explains
    assert poverty.get_by_text("dưới 12%").is_visible()
    poverty.locator(".status-chip summary").first.click()
    assert poverty.locator(".status-chip .explain").first.is_visible()
    assert_fits(page)
    shoot(page, f"province-{size}")
    page.context.close()


def test_province_view_prints(browser, live_server, province):
    """Printing lays the page out at paper width, so it is checked once, as A4 pages."""
    page = login(browser, live_server, "giamsat", DESKTOP)
    page.goto(f"{live_server.url}/provinces/SL/?year=2026")
    page.emulate_media(media="print")
    assert page.locator(".cmp-filters").is_hidden()
    assert page.locator(".topbar").is_hidden()
    assert page.locator("#cl-ho-ngheo tr.print-explain").first.is_visible()
    shoot(page, "province-print")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SHOTS / "province-print.pdf"), format="A4",
             margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    page.context.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_mapping_review(browser, live_server, demo, province, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/catalogue/resolutions/{demo.pk}/mapping/")
    assert page.get_by_role("heading", name="Ghép mục tiêu với danh mục chỉ tiêu chung").is_visible()
    assert page.locator(".map-target").count() == 37
    assert page.locator(".map-target select").count() == 37
    # The page writes the catalogue once; its script puts it in every select, keeping
    # each one's choice; a choice made there is saved.
    from nghiquyet.catalogue.models import CatalogueIndicator

    entries = CatalogueIndicator.objects.count()
    first = page.locator(".map-target select").first
    assert first.locator("option").count() == entries + 2
    assert first.input_value() == "auto"
    other = CatalogueIndicator.objects.order_by("code").last()
    first.select_option(label=other.name)
    page.get_by_role("button", name="Lưu thay đổi").click()
    page.get_by_text("Đã lưu 1 thay đổi.").wait_for(timeout=10_000)
    assert page.locator(".map-target select").first.input_value() == other.code
    assert_fits(page)
    shoot(page, f"mapping-{size}")
    page.context.close()

