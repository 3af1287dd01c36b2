"""A village head on a phone enters a figure; the commune's figure follows."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, login, shoot


def test_village_reporter_enters_a_figure_on_a_phone(browser, live_server, demo):
    from nghiquyet.figures.models import DataValue

    page = login(browser, live_server, "truongban", PHONE)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/entry/?period=2026")
    assert page.get_by_text("Bản Nà Sàng").first.is_visible()
    assert_fits(page)
    shoot(page, "entry-phone")
    row = page.locator("form.entry-row").first
    box = row.locator("input[name=value]")
    box.fill("1.500")
    box.press("Tab")  # leaving the cell fires "change": htmx saves it
    page.locator("form.entry-row").first.get_by_text("Đã lưu").wait_for(timeout=10_000)
    shoot(page, "entry-phone-saved")
    value = DataValue.objects.get(series__code="2.1", orgunit__code="SL-PK-B01", period="2026")
    assert value.value == 1500 and value.status == "draft"
    page.locator("form.entry-row").first.get_by_role("button", name="Gửi duyệt").click()
    page.locator("form.entry-row").first.get_by_text("Đã gửi duyệt").wait_for(timeout=10_000)
    value.refresh_from_db()
    assert value.status == "submitted"
    page.context.close()

    officer = login(browser, live_server, "canbo", DESKTOP)
    officer.goto(f"{live_server.url}/resolutions/{demo.pk}/entry/?unit=SL-PK&period=2026")
    grain = officer.locator("form.entry-row", has_text="Sản lượng cây lương thực có hạt")
    assert "Tổng hợp từ 30/30 đơn vị" in grain.inner_text()
    shoot(officer, "entry-desktop")
    officer.context.close()


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_leader_approves_and_history_shows_every_step(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/approvals/")
    assert_fits(page)
    shoot(page, f"approvals-{size}")
    first = page.locator("li.approval").first
    first.get_by_role("button", name="Duyệt", exact=True).click()
    page.get_by_text("Đã duyệt:").wait_for(timeout=10_000)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/dashboard/?year=2026")
    assert_fits(page)
    shoot(page, f"dashboard-{size}")
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/indicators/7/?year=2026")
    page.wait_for_function("() => document.querySelector('canvas') && "
                           "document.querySelector('canvas').width > 0")
    assert_fits(page)
    shoot(page, f"indicator-{size}")
    # Printing: the filters and buttons go, every status explanation shows.
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/dashboard/?year=2026")
    page.emulate_media(media="print")
    assert not page.locator(".dash-filters").is_visible()
    assert page.locator(".status-chip .explain").first.is_visible()
    shoot(page, f"dashboard-print-{size}")
    page.context.close()


def test_excel_upload_streams_its_progress(browser, live_server, demo, tmp_path):
    from nghiquyet.figures.interchange import write_csv
    from nghiquyet.figures.models import DataValue

    def version(code: str) -> str:
        # The figures' versions, as a downloaded template carries them (a blank would
        # say "no figure yet" and the import would refuse to overwrite the demo's).
        return str(DataValue.objects.get(series__code=code, orgunit__code="SL-PK-B01",
                                         period="2026").version)

    rows = [{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": "1.777",
             "version": version("2.1")},
            {"target": "2.2", "orgunit": "SL-PK-B01", "period": "2026", "value": "4.000",
             "version": version("2.2")}]
    path = tmp_path / "so-lieu.csv"
    path.write_bytes(write_csv(rows))
    page = login(browser, live_server, "truongban", PHONE)
    page.goto(f"{live_server.url}/resolutions/{demo.pk}/exchange/")
    assert_fits(page)
    page.set_input_files("#upload-form input[type=file]", str(path))
    page.click("#upload-form button[type=submit]")
    page.get_by_text("Đã nhập 2 số liệu").wait_for(timeout=15_000)
    shoot(page, "exchange-phone-imported")
    assert DataValue.objects.get(series__code="2.1", orgunit__code="SL-PK-B01",
                                 period="2026").value == 1777
    page.context.close()
