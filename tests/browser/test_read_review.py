"""Reading a resolution from a file, in a real browser at phone and desktop widths."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SHOTS, assert_fits, login, shoot
from tests.conftest import SEED_TXT

SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


def _to_review(page):
    """After the upload: the review page, or first the duplicate prompt, since the demo
    already holds this resolution; the reviewer then saves it as a new version."""
    page.wait_for_url(re.compile(r"/resolutions/read/\d+/(duplicate/)?$"))
    if page.url.endswith("/duplicate/"):
        page.get_by_role("button", name="Lưu thành phiên bản mới").first.click()
        page.wait_for_url(re.compile(r"/resolutions/read/\d+/$"))


def _open_target(page, target_id):
    """Phones show each target as a summary line; tapping it opens the fields."""
    if page.locator(f"#{target_id}").get_attribute("open") is None:
        page.locator(f"#{target_id} > summary").click()


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_upload_review_and_save(browser, live_server, demo, size, viewport):
    page = login(browser, live_server, "bithu", viewport)
    page.get_by_role("link", name="Đọc văn bản nghị quyết").click()
    page.set_input_files("#id_file", str(SEED_TXT))
    page.select_option("#id_orgunit", label="Phiêng Khoài")
    assert_fits(page)
    shoot(page, f"read-upload-{size}")
    page.get_by_role("button", name="Đọc văn bản").click()

    _to_review(page)
    assert page.locator("article.rv-ind").count() == 24
    assert page.locator("details.rv-target").count() == 37
    assert page.locator("#warnings").is_visible()
    assert page.locator("#id_ind-1-t-0-value").input_value() == "49.305"
    assert_fits(page)
    shoot(page, f"read-review-{size}")

    # A comparator taken away is refused next to its field, and nothing is saved.
    _open_target(page, "ind-3-t-0")
    _open_target(page, "ind-1-t-0")
    page.select_option("#id_ind-3-t-0-comparator", "")
    page.fill("#id_ind-1-t-0-value", "50.000")
    page.get_by_role("button", name="Lưu nghị quyết").click()
    error = page.locator(".rv-f.has-error", has=page.locator("#id_ind-3-t-0-comparator"))
    assert error.get_by_text("Chưa chọn.").is_visible()
    assert page.locator("#id_ind-1-t-0-value").input_value() == "50.000"  # the edit is kept
    assert_fits(page)
    error.scroll_into_view_if_needed()
    shoot(page, f"read-review-error-{size}")

    page.select_option("#id_ind-3-t-0-comparator", ">=")
    page.get_by_role("button", name="Lưu nghị quyết").click()
    page.wait_for_url(re.compile(r"/resolutions/\d+/$"))
    assert page.locator(".indicator").count() == 24
    assert page.get_by_text("từ 50.000 tấn trở lên").first.is_visible()
    assert_fits(page)
    shoot(page, f"read-saved-{size}")
    page.context.close()


def test_warnings_are_highlighted_on_a_phone(browser, live_server, demo, tmp_path):
    text = SEED_TXT.read_text(encoding="utf-8")
    warned = tmp_path / "thieu-so-lieu.txt"
    warned.write_text(text.replace("(24 chỉ tiêu)", "(25 chỉ tiêu)")
                      .replace("đào tạo đạt 30%.", "đào tạo được nâng lên."), encoding="utf-8")
    page = login(browser, live_server, "bithu", PHONE)
    page.goto(f"{live_server.url}/resolutions/read/")
    page.set_input_files("#id_file", str(warned))
    page.get_by_role("button", name="Đọc văn bản").click()
    _to_review(page)
    assert page.locator("#warnings").get_by_text("nêu 25 chỉ tiêu nhưng tìm thấy 24").is_visible()
    page.locator("#warnings a[href='#ind-2']").click()
    third = page.locator("#ind-2")
    assert "has-warning" in third.get_attribute("class")
    assert third.locator(".rv-warn").is_visible()
    assert_fits(page)
    shoot(page, "read-review-warnings-phone")
    # What the phone shows after following the link, not the whole page.
    page.screenshot(path=str(SHOTS / "read-review-warnings-phone-screen.png"))
    page.context.close()
