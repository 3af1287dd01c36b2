"""The report page in a real browser, at phone and desktop widths, and a real download."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, login, shoot

SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_report_page(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/")
    page.get_by_role("link", name="Lập báo cáo").click()
    page.wait_for_url(f"{live_server.url}/resolutions/{demo.pk}/report/")
    assert page.get_by_role("heading", name="Lập báo cáo kết quả thực hiện các chỉ tiêu").is_visible()
    assert page.locator("#id_orgunit").input_value() == "SL-PK"
    assert page.get_by_label("Chỉ số liệu đã được phê duyệt").is_checked()
    assert_fits(page)
    shoot(page, f"report-{size}")
    page.select_option("#id_period", "2026")
    page.get_by_label("Biểu tổng hợp (Excel, .xlsx)").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải báo cáo").click()
    assert download.value.suggested_filename == "bieu-tong-hop-SL-PK-2026.xlsx"
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/report/")
    assert page.locator("table.data tbody tr").count() == 1  # listed under recent reports
    assert_fits(page)
    shoot(page, f"report-after-{size}")
    page.context.close()
