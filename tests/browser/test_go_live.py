"""docs/go-live.md, walked end to end in Chromium on an empty database, through the web
only: a commune other than the demo is set up from the official list, its villages come
from the example spreadsheet, five people get accounts and each chooses a password, the
seed resolution is read from its text (and read again: the duplicate prompt), targets are
assigned, a village head enters on a 360-px phone, the leader approves and downloads the
Word report. Each step's screen is the guide's picture (docs/img/go-live/)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, shots_dir
from tests.browser.journey import Journey
from tests.conftest import SEED_TXT

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
SHOTS = shots_dir("go-live")
EXAMPLES = REPO / "docs" / "examples"
ADMIN_PASSWORD = "Quan-tri-2026!"  # noqa: S105 - made by the test, as the install step does


class Guide(Journey):
    """A Journey whose steps are the guide's pictures, named by the guide's sections."""

    def start_as(self, username: str, password: str) -> Guide:
        context = self.browser.new_context(viewport=self.viewport, locale="vi-VN",
                                           accept_downloads=True)
        self.page = context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.goto(f"{self.base}/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("main button[type=submit]")
        self.page.wait_for_load_state()
        return self

    def shot(self, name: str, *, show: Any = None, full: bool = False) -> Path:
        if show is not None:
            show.scroll_into_view_if_needed()
        assert_fits(self.page)
        self.check_axe(name)
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full, animations="disabled")
        self.check()
        return path


def _new_password(username: str) -> str:
    return f"Chieng-Son-2026-{username}"


def _change_password(browser: Any, base: str, username: str, temporary: str,
                     viewport: dict[str, int], shot: str | None = None) -> None:
    person = Guide(browser, base, username, "x", viewport).start_as(username, temporary)
    page = person.page
    page.wait_for_url(re.compile(r"/account/password/$"))
    page.fill("#id_old_password", temporary)
    page.fill("#id_new_password1", _new_password(username))
    page.fill("#id_new_password2", _new_password(username))
    if shot:
        person.shot(shot)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_url(f"{base}/")
    page.locator(".msg-success", has_text="Đã đổi mật khẩu").wait_for()
    person.close()


def test_a_commune_goes_live_through_the_web(browser: Any, live_server: Any,
                                            transactional_db: Any) -> None:
    from django.contrib.auth import get_user_model

    from nghiquyet.figures.models import DataValue, SeriesAssignment
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.resolutions.models import ImportDraft, Resolution

    base = live_server.url
    # 1. Install: the one command-line step makes the first system admin.
    get_user_model().objects.create_superuser("quantri", "", ADMIN_PASSWORD,
                                              first_name="Quản trị hệ thống")
    admin = Guide(browser, base, "quantri", "desktop", DESKTOP).start_as("quantri",
                                                                        ADMIN_PASSWORD)
    page = admin.page

    # 2. The commune, from the official list, found without diacritics.
    page.get_by_role("link", name="Đơn vị").click()
    page.get_by_role("link", name="Thiết lập xã/phường từ danh mục").click()
    page.fill("#q", "chieng son")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_text("Xã Chiềng Sơn", exact=True).wait_for()
    admin.shot("02-thiet-lap-xa")
    page.get_by_role("button", name="Thiết lập Xã Chiềng Sơn").click()
    page.wait_for_url(f"{base}/units/03985/")
    commune = OrgUnit.objects.get(official_code="03985")
    assert commune.parent.official_code == "14" and not OrgUnit.objects.filter(
        official_code="04099").exists()

    # 3. Its villages (and a few cells, a school, an agency) from the example file.
    page.set_input_files("#subunit-file", str(EXAMPLES / "don-vi-truc-thuoc.xlsx"))
    page.get_by_role("button", name="Nhập đơn vị").click()
    page.locator(".msg-success", has_text="Đã thêm 15 đơn vị").wait_for()
    assert OrgUnit.objects.filter(parent=commune, type="village").count() == 10
    admin.shot("03-don-vi-truc-thuoc", full=True)

    # 4. People: two by the form, three village heads from the example file.
    page.get_by_role("link", name="Người dùng").first.click()
    people = [("lo.van.binh", "Lò Văn Bình (Bí thư Đảng ủy xã)", "leader"),
              ("cam.thi.mai", "Cầm Thị Mai (công chức Văn phòng)", "officer")]
    temporary: dict[str, str] = {}
    for username, name, role in people:
        page.fill("#id_full_name", name)
        page.fill("#id_username", username)
        page.select_option("#id_role", role)
        page.select_option("#id_unit", label="Chiềng Sơn")
        page.get_by_role("button", name="Tạo tài khoản").click()
        created = page.locator(".created")
        created.wait_for()
        temporary[username] = created.locator(".temp-password").inner_text()
        if role == "officer":
            admin.shot("04-tao-tai-khoan", show=created)
    page.set_input_files("#people-file", str(EXAMPLES / "nguoi-dung.xlsx"))
    page.get_by_role("button", name="Tạo các tài khoản").click()
    page.locator(".created", has_text="Đã tạo 3 tài khoản").wait_for()
    for row in page.locator(".created tbody tr").all():
        temporary[row.locator(".new-username").inner_text()] = (
            row.locator(".temp-password").inner_text())
    admin.shot("04-tao-nhieu-tai-khoan", full=True)
    assert sorted(temporary) == ["cam.thi.mai", "lo.van.binh", "tb.huoisau", "tb.naha", "tb.palo"]
    admin.close()

    # Each person logs in with the temporary password and chooses their own.
    for username, temp in temporary.items():
        phone = username.startswith("tb.")
        _change_password(browser, base, username, temp, PHONE if phone else DESKTOP,
                         shot="05-doi-mat-khau" if username == "tb.naha" else None)

    # 5. The leader reads the resolution's text, reviews it and saves it.
    leader = Guide(browser, base, "lo.van.binh", "desktop", DESKTOP).start_as(
        "lo.van.binh", _new_password("lo.van.binh"))
    page = leader.page
    assert "Lò Văn Bình" in page.locator(".whoami").inner_text()
    assert "Lãnh đạo · Chiềng Sơn" in page.locator(".whoami").inner_text()
    page.get_by_role("link", name="Đọc văn bản nghị quyết").click()
    page.set_input_files("#id_file", str(SEED_TXT))
    page.select_option("#id_orgunit", label="Chiềng Sơn")
    leader.shot("06-doc-van-ban")
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_url(re.compile(r"/resolutions/read/\d+/$"))
    leader.shot("06-ra-soat")
    page.get_by_role("button", name="Lưu nghị quyết").click()
    page.wait_for_url(re.compile(r"/resolutions/\d+/$"))
    resolution = Resolution.objects.get()
    assert resolution.issuer == commune

    # Read again: the duplicate is caught before anything is saved.
    page.goto(f"{base}/resolutions/read/")
    page.set_input_files("#id_file", str(SEED_TXT))
    page.select_option("#id_orgunit", label="Chiềng Sơn")
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_url(re.compile(r"/duplicate/$"))
    assert page.get_by_role("button", name="Lưu thành phiên bản mới").is_visible()
    leader.shot("06-trung-nghi-quyet")
    page.get_by_role("button", name="Hủy").click()
    page.wait_for_url(f"{base}/")
    assert Resolution.objects.count() == 1 and not ImportDraft.objects.exists()

    # 6. Who enters what: the officer keeps the commune's own figures.
    page.goto(f"{base}/resolutions/{resolution.pk}/")
    page.get_by_role("link", name="Phân công nhập số liệu").click()
    boxes = page.locator("table.assignments input[name=series]")
    for i in range(8):
        boxes.nth(i).check()
    page.select_option("#officer", label="Cầm Thị Mai (công chức Văn phòng)")
    leader.shot("07-phan-cong", show=page.locator("#officer"))
    page.get_by_role("button", name="Giao các chỉ tiêu đã chọn").click()
    page.locator(".msg-success", has_text="Đã giao 8 chuỗi số liệu").wait_for()
    assert SeriesAssignment.objects.filter(user__username="cam.thi.mai").count() == 8
    leader.close()

    # 7. The village head, on a phone: the home page says what waits; enter and send.
    head = Guide(browser, base, "tb.naha", "phone", PHONE).start_as(
        "tb.naha", _new_password("tb.naha"))
    page = head.page
    waiting = page.locator(".waiting a", has_text="cần nhập")
    waiting.wait_for()
    head.shot("08-viec-can-lam")
    waiting.click()
    page.wait_for_url(re.compile(r"/entry/"))
    row = page.locator("form.entry-row:has(select[name=value])").first
    row.locator("select[name=value]").select_option("1")
    row.locator(".save-state[data-state=saved]").wait_for()
    head.shot("08-nhap-so-lieu", show=row)
    row.get_by_role("button", name="Gửi duyệt").click()
    page.locator("form.entry-row").first.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('form.entry-row')]"
                           ".some(f => f.textContent.includes('Đã gửi duyệt'))")
    sent = DataValue.objects.get(orgunit__code="03985-B01", status="submitted")
    head.close()

    # 8. The leader approves it and downloads the Word report.
    leader = Guide(browser, base, "lo.van.binh", "desktop", DESKTOP).start_as(
        "lo.van.binh", _new_password("lo.van.binh"))
    page = leader.page
    page.locator(".waiting a", has_text="chờ duyệt").click()
    item = page.locator(f"#value-{sent.pk}")
    item.wait_for()
    leader.shot("09-duyet", show=item)
    item.get_by_role("button", name="Duyệt", exact=True).click()
    page.locator(".msg-success").first.wait_for()
    sent.refresh_from_db()
    assert sent.status == "approved"
    page.goto(f"{base}/resolutions/{resolution.pk}/report/")
    leader.shot("10-bao-cao")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải báo cáo").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert download.value.path().read_bytes()[:2] == b"PK"
    leader.close()
