"""Each role's main journey, at 360 px and at desktop width, in Debian's Chromium.

A journey fails on any 4xx/5xx it did not provoke, on any console error, and on any
serious or critical axe-core violation; each step's screen goes to docs/img/journeys/.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.journey import Journey
from tests.conftest import SEED_TXT

# Playwright's assertions wait for the page's own scripts (the offline queue restores
# typed values after a reload) instead of reading the page once.
expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.slow
SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


def _photo() -> bytes:
    """A small picture for the approver's evidence preview (a field with a road)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (160, 120), (126, 178, 92))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 160, 40], fill=(160, 200, 235))
    draw.polygon([(70, 120), (90, 120), (82, 40), (78, 40)], fill=(150, 120, 90))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _number_rows(page):
    return page.locator("form.entry-row:has(input[name=value])")


def _officer_saves(series_id, unit_code, period, value):
    from django.contrib.auth import get_user_model

    from nghiquyet.figures import services
    from nghiquyet.figures.periods import parse_period
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.resolutions.models import DataSeries

    services.value_save(actor=get_user_model().objects.get(username="canbo"),
                        series=DataSeries.objects.get(pk=series_id),
                        orgunit=OrgUnit.objects.get(code=unit_code),
                        period=parse_period(period), value=Decimal(value))


def _saved(page, n):
    """The server's "✓ Đã lưu" on the n-th number row."""
    return _number_rows(page).nth(n).locator(".save-state[data-state=saved]")


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_village_head_enters_saves_offline_and_submits_all(browser, live_server, demo, size,
                                                            viewport):
    from nghiquyet.figures.models import DataValue

    j = Journey(browser, live_server.url, "truongban", size, viewport).start("truongban")
    page = j.page
    entry = f"/resolutions/{demo.pk}/entry/?unit=SL-PK-B01&period=2027"
    j.goto(entry)
    # The service worker keeps the page once it controls it.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    j.step("nhap-so-lieu")

    first, second, third = (_number_rows(page).nth(i) for i in range(3))
    first.locator("input[name=value]").fill("1.500")
    first.locator("input[name=value]").press("Tab")
    _saved(page, 0).wait_for()
    j.step("da-luu", show=_number_rows(page).nth(0))

    # No network: the figure is kept on the device, the row says so.
    page.context.set_offline(True)
    second.locator("input[name=value]").fill("2.345")
    second.locator("input[name=value]").press("Tab")
    _number_rows(page).nth(1).get_by_text("Đã lưu trên máy").wait_for()
    series_2 = _number_rows(page).nth(1).locator("input[name=series]").input_value()
    j.step("mat-mang-luu-tren-may", show=_number_rows(page).nth(1))
    # Meanwhile the commune's officer changes the fourth figure: its save will conflict.
    fourth = _number_rows(page).nth(3)
    fourth.locator("input[name=value]").fill("40")
    fourth.locator("input[name=value]").press("Tab")
    _number_rows(page).nth(3).get_by_text("Đã lưu trên máy").wait_for()
    series_4 = _number_rows(page).nth(3).locator("input[name=series]").input_value()
    _officer_saves(series_4, "SL-PK-B01", "2027", "44")
    # The page opens again without a network, with what was typed.
    page.reload()
    expect(_number_rows(page).nth(1).locator("input[name=value]")).to_have_value("2.345")
    _number_rows(page).nth(1).get_by_text("Đã lưu trên máy").wait_for()
    assert not DataValue.objects.filter(series_id=series_2, orgunit__code="SL-PK-B01",
                                        period="2027").exists()
    expect(page.locator("#entry-queue")).to_be_visible()
    j.step("mo-lai-khi-mat-mang", show=_number_rows(page).nth(1))

    # The link returns: the queue is sent by itself.
    page.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    _saved(page, 1).wait_for()
    sent = DataValue.objects.get(series_id=series_2, orgunit__code="SL-PK-B01", period="2027")
    assert sent.value == Decimal("2345")
    # The conflicting one is not written over: the row says so and keeps the typed number.
    conflict = _number_rows(page).nth(3)
    conflict.locator(".typed-offline").wait_for()
    assert "Số liệu vừa được người khác thay đổi" in conflict.inner_text()
    assert "40" in conflict.locator(".typed-offline").inner_text()
    expect(conflict.locator("input[name=value]")).to_have_value("44")
    assert DataValue.objects.get(series_id=series_4, orgunit__code="SL-PK-B01",
                                 period="2027").value == Decimal("44")
    expect(page.locator("#entry-queue")).to_be_hidden()
    j.step("co-mang-da-gui-xung-dot", show=conflict)
    page.reload()
    expect(_number_rows(page).nth(0).locator("input[name=value]")).to_have_value("1.500")

    # An expired session: the value stays, a dialog asks for the password, then it saves.
    page.context.clear_cookies(name="sessionid")
    j.expect(401, r"/entry/cell/$")
    third.locator("input[name=value]").fill("77")
    third.locator("input[name=value]").press("Tab")
    page.locator("#login-dialog").wait_for(state="visible")
    expect(_number_rows(page).nth(2).locator("input[name=value]")).to_have_value("77")
    j.step("het-phien-dang-nhap-lai", show=page.locator("#login-dialog"))
    page.fill("#dlg-password", "nghiquyet2025")
    page.locator("#login-dialog button[type=submit]").click()
    _saved(page, 2).wait_for()
    assert page.url.endswith(entry)

    # "Gửi duyệt tất cả": a summary, then one tap.
    page.get_by_role("link", name="Gửi duyệt tất cả").click()
    page.wait_for_url(re.compile(r"/submit/"))
    assert page.locator(".submit-list li").count() == 4  # with the officer's 44
    j.step("tom-tat-gui-duyet")
    page.get_by_role("button", name=re.compile(r"Gửi duyệt 4 số liệu")).click()
    page.wait_for_url(re.compile(r"/entry/"))
    page.get_by_text("Đã gửi duyệt 4 số liệu của Bản Nà Sàng, năm 2027").wait_for()
    assert DataValue.objects.filter(orgunit__code="SL-PK-B01", period="2027",
                                    status="submitted").count() == 4
    j.step("da-gui-duyet")

    # Editing a submitted figure asks first; saying no keeps it as it was.
    questions = []
    page.once("dialog", lambda d: (questions.append(d.message), d.dismiss()))
    box = _number_rows(page).nth(0).locator("input[name=value]")
    box.fill("9.999")
    box.press("Tab")
    page.wait_for_function("() => document.querySelector('form.entry-row input[name=value]')"
                           ".value === '1.500'")
    assert "đã gửi duyệt" in questions[0]
    assert DataValue.objects.filter(orgunit__code="SL-PK-B01", period="2027",
                                    status="submitted").count() == 4

    # The village head's dashboard is their village, judged on what villages report.
    page.locator(".res-nav").get_by_role("link", name="Tiến độ").click()
    page.wait_for_url(re.compile(r"/dashboard/"))
    assert "Bản Nà Sàng" in page.locator(".page-head").inner_text()
    assert page.locator("select[name=unit] option[selected]").inner_text() == "Bản Nà Sàng"
    j.step("tien-do-cua-ban")
    j.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_leader_approves_in_place_returns_reopens_and_restores(
        browser, live_server, demo, size, viewport, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from nghiquyet.accounts import access
    from nghiquyet.figures.models import DataValue
    from nghiquyet.figures.selectors import pending_approvals

    leader = get_user_model().objects.get(username="bithu")
    waiting = pending_approvals(leader, demo)
    proof = waiting[0]
    settings.MEDIA_ROOT = tmp_path
    proof.evidence.save("anh-chup.png", ContentFile(_photo()), save=True)

    j = Journey(browser, live_server.url, "bithu", size, viewport).start("bithu")
    page = j.page
    j.goto(f"/resolutions/{demo.pk}/approvals/")
    item = page.locator(f"#value-{proof.pk}")
    item.locator("img.evidence-thumb").wait_for()
    page.wait_for_function(f"() => document.querySelector('#value-{proof.pk} img')"
                           ".naturalWidth > 0")
    assert "Năm trước" in item.inner_text()
    j.step("cho-duyet", show=item)
    # One tap, no reload: the card becomes its new state in place (htmx); a mark left on
    # the page's window would not survive a navigation.
    page.evaluate("() => { window.nqSamePage = true; }")
    approvals_url = page.url
    count = page.locator(f"#unit-total-{proof.orgunit_id}")
    before = int(count.inner_text())
    item.get_by_role("button", name="Duyệt", exact=True).click()
    done = item.locator(".ap-done")
    done.wait_for()
    assert done.inner_text().startswith("Đã duyệt: “")
    assert "Năm 2026" in done.inner_text() and "SL-PK" not in done.inner_text()
    assert page.evaluate("() => window.nqSamePage === true") and page.url == approvals_url
    assert page.locator(".messages").count() == 0
    expect(count).to_have_text(str(before - 1))  # the unit's count, redrawn with the card
    j.step("da-duyet", show=item)

    other = page.locator("li.approval:not(.decided)").first
    other_id = other.get_attribute("id")
    other.locator("input[name=comment]").fill("Số liệu chưa khớp sổ theo dõi của bản")
    other.get_by_role("button", name="Trả lại").click()
    returned = page.locator(f"#{other_id} .ap-done")
    returned.wait_for()
    assert returned.inner_text().startswith("Đã trả lại: “")
    assert "Số liệu chưa khớp sổ theo dõi của bản" in returned.inner_text()
    assert page.evaluate("() => window.nqSamePage === true")
    j.step("da-tra-lai", show=returned)

    # The approved figure's card leads to its history, where it is reopened.
    item.get_by_role("link", name="Mở lại để sửa").click()
    page.wait_for_url(re.compile(r"/values/\d+/history/#reopen$"))
    assert page.locator(".crumbs a", has_text="Duyệt số liệu").count() == 1
    j.step("lich-su")
    page.fill("#reopen-reason", "Bản báo lại số hộ sau khi rà soát")
    page.get_by_role("button", name="Mở lại").click()
    page.locator(".msg-success", has_text="Đã mở lại số liệu để sửa").wait_for()
    j.step("da-mo-lai")

    # The office types the village's new report; the leader finds the earlier number was
    # right and restores it from the history. The page asks first, then says who approves.
    first = proof.value
    _officer_saves(proof.series_id, proof.orgunit.code, proof.period, str(first + 100))
    page.reload()
    restore = page.get_by_role("button", name=re.compile(r"^Khôi phục "))
    assert restore.count() == 1
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    j.step("khoi-phuc", show=restore)
    restore.click()
    said = page.locator(".msg-success", has_text="Đã khôi phục phiên bản cũ")
    said.wait_for()
    assert asked and asked[0].startswith("Khôi phục giá trị ")
    assert "một lãnh đạo khác duyệt" in said.inner_text()
    assert page.get_by_text("Giá trị hiện tại do bạn khôi phục").count() == 1
    j.step("da-khoi-phuc")
    j.close()
    restored = DataValue.objects.select_related("orgunit").get(pk=proof.pk)
    assert restored.value == first and restored.status == "draft"
    assert restored.updated_by == leader and not access.can_approve_value(leader, restored)


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_officer_excel_round_trip_with_a_broken_file(browser, live_server, demo, size, viewport,
                                                      tmp_path):
    import openpyxl

    from nghiquyet.figures.interchange import HEADER_BY_KEY, SHEET
    from nghiquyet.figures.models import DataValue

    j = Journey(browser, live_server.url, "canbo", size, viewport).start("canbo")
    page = j.page
    j.goto(f"/resolutions/{demo.pk}/exchange/")
    page.select_option("select[name=unit]", "SL-PK-B02")
    page.select_option("form.stack select[name=period]", "2027")
    j.step("excel")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải mẫu đã điền sẵn").click()
    template = tmp_path / "mau.xlsx"
    info.value.save_as(template)

    wb = openpyxl.load_workbook(template)
    ws = wb[SHEET]
    header = [c.value for c in ws[1]]
    col = header.index(HEADER_BY_KEY["value"]) + 1
    numbers = [r for r in range(2, ws.max_row + 1)
               if ws.cell(r, header.index(HEADER_BY_KEY["numerator"]) + 1).value is None][:2]
    ws.cell(numbers[0], col).value = "1.234"
    ws.cell(numbers[1], col).value = "mười hai"  # not a number: the whole file is refused
    broken = tmp_path / "so-lieu-loi.xlsx"
    wb.save(broken)

    j.expect(400, r"/exchange/upload/$")
    page.set_input_files("#upload-form input[type=file]", str(broken))
    page.click("#upload-form button[type=submit]")
    page.get_by_text("chưa lưu dòng nào").wait_for()
    assert f"dòng {numbers[1]}" in page.locator(".error").first.inner_text()
    assert not DataValue.objects.filter(orgunit__code="SL-PK-B02", period="2027").exists()
    j.step("tep-loi")

    ws.cell(numbers[1], col).value = "12"
    fixed = tmp_path / "so-lieu.xlsx"
    wb.save(fixed)
    page.set_input_files("#upload-form input[type=file]", str(fixed))
    page.click("#upload-form button[type=submit]")
    page.get_by_text("Đã nhập 2 số liệu").wait_for()
    j.step("da-nhap")
    page.get_by_role("link", name="Xem và gửi duyệt các số liệu đang nhập").click()
    page.wait_for_url(re.compile(r"/submit/"))
    assert "Bản Pá Khôm" in page.locator("main").inner_text()
    j.step("gui-duyet-sau-khi-nhap")
    j.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_admin_imports_a_resolution_text_reviews_and_saves(browser, live_server, demo, size,
                                                           viewport):
    j = Journey(browser, live_server.url, "quantri", size, viewport).start("quantri")
    page = j.page
    page.get_by_role("link", name="Đọc văn bản nghị quyết").click()
    page.set_input_files("#id_file", str(SEED_TXT))
    page.select_option("#id_orgunit", label="Phiêng Khoài")
    j.step("doc-van-ban")
    page.get_by_role("button", name="Đọc văn bản").click()
    # The demo already holds this resolution: the admin is asked, and saves a new version.
    page.wait_for_url(re.compile(r"/resolutions/read/\d+/duplicate/$"), timeout=60_000)
    j.step("da-co-nghi-quyet")
    page.get_by_role("button", name="Lưu thành phiên bản mới").click()
    page.wait_for_url(re.compile(r"/resolutions/read/\d+/$"), timeout=60_000)
    assert page.locator("article.rv-ind").count() == 24
    j.step("xem-lai")
    page.get_by_role("button", name="Lưu nghị quyết").click()
    page.wait_for_url(re.compile(r"/resolutions/\d+/$"), timeout=60_000)
    assert page.locator(".indicator").count() == 24
    j.step("da-luu")
    page.get_by_role("link", name="Tiến độ").first.click()
    page.wait_for_url(re.compile(r"/dashboard/"))
    j.step("tien-do")
    j.close()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_supervisor_reads_and_every_write_is_refused(browser, live_server, demo, size, viewport):
    from nghiquyet.figures.models import DataValue

    value = DataValue.objects.filter(series__resolution=demo, status="submitted").first()
    j = Journey(browser, live_server.url, "giamsat", size, viewport).start("giamsat")
    page = j.page
    page.get_by_role("link", name=re.compile("Phiêng Khoài")).first.click()
    j.step("nghi-quyet")
    page.get_by_role("link", name="Tiến độ").first.click()
    page.wait_for_url(re.compile(r"/dashboard/"))
    j.step("tien-do")
    j.goto(f"/values/{value.pk}/history/")
    assert page.locator("button", has_text="Khôi phục").count() == 0
    assert page.locator(".crumbs a", has_text="Tiến độ").count() == 1
    j.step("lich-su-chi-xem")

    j.expect(403, rf"/resolutions/{demo.pk}/(entry|approvals)/$")
    j.goto(f"/resolutions/{demo.pk}/entry/")
    assert page.get_by_role("heading", name="Không có quyền truy cập").is_visible()
    j.step("bi-tu-choi-nhap")
    j.goto(f"/resolutions/{demo.pk}/approvals/")
    assert page.get_by_role("heading", name="Không có quyền truy cập").is_visible()

    j.expect(403, rf"/values/{value.pk}/approve/$")
    j.goto(f"/values/{value.pk}/history/")
    status = page.evaluate(
        """async (url) => {
            const token = document.querySelector('[name=csrfmiddlewaretoken]').value;
            const body = new FormData(); body.set('csrfmiddlewaretoken', token);
            return (await fetch(url, {method: 'POST', body})).status;
        }""", f"/values/{value.pk}/approve/")
    assert status == 403
    value.refresh_from_db()
    assert value.status == "submitted"
    j.close()
