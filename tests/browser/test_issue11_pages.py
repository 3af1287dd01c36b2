"""Issue 11's pages in a real browser at phone and desktop widths: the report page's
warning before a report on a period whose figures are not in, the leaders' page that gives
a village its own targets, and the dashboard naming its figure set."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, login, shoot

pytestmark = pytest.mark.slow
SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_a_term_report_built_early_warns_first(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/report/")
    page.select_option("#id_period", "nhiem-ky")
    page.get_by_role("button", name="Tải báo cáo").click()
    warning = page.locator("p.warn")
    assert warning.is_visible() and "ước thực hiện" in warning.inner_text()
    confirm = page.get_by_label("Tôi hiểu: lập báo cáo với số liệu ước thực hiện, mức đánh giá "
                                "là dự báo")
    assert confirm.is_visible()
    assert_fits(page)
    shoot(page, f"issue11-report-warning-{size}")
    confirm.check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải báo cáo").click()
    assert download.value.suggested_filename == "bao-cao-SL-PK-nhiem-ky.docx"
    page.context.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_a_leader_gives_a_village_its_target(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/")
    page.get_by_role("link", name="Giao mục tiêu cho đơn vị").click()
    assert page.get_by_role("heading", name="Giao mục tiêu cho đơn vị").is_visible()
    first = page.locator("table.data input[inputmode=decimal]").first
    first.fill("1.650")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("Đã lưu mục tiêu giao cho đơn vị.").is_visible()
    assert page.locator("table.data input[inputmode=decimal]").first.input_value() == "1.650"
    assert_fits(page)
    shoot(page, f"issue11-unit-targets-{size}")
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/dashboard/?year=2026")
    assert page.get_by_text("Số liệu sử dụng: chỉ số liệu đã được phê duyệt.").is_visible()
    assert_fits(page)
    shoot(page, f"issue11-dashboard-{size}")
    page.context.close()
