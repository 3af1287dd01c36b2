"""The demo's action programme: the packaged table imported as a commune officer would,
some tasks reported on, proposed and confirmed, some left overdue, and the day's
reminders, so that every demo role finds something in "Việc của tôi" and the bell."""

from __future__ import annotations

import datetime as dt
from importlib import resources

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from nghiquyet.programmes import importing, services, tables
from nghiquyet.programmes.models import Programme, ProgrammeItem
from nghiquyet.programmes.reminders import send_reminders
from nghiquyet.resolutions.models import Resolution

DEMO_FILE = "chuong-trinh-hanh-dong.xlsx"

# STT -> (percent, what was done, then: "" keep going, "propose", "confirm")
PROGRESS: dict[str, tuple[int, str, str]] = {
    "1.1": (100, "Ban Thường vụ Đảng ủy đã ban hành Kế hoạch chuyển đổi số.", "confirm"),
    "1.2": (60, "Đã nhập số liệu năm 2025; đang nhập số liệu ước năm 2026.", ""),
    "1.3": (45, "Tổ công nghệ số cộng đồng hoạt động ở 14/30 bản.", ""),
    "2.1": (80, "Dự thảo Đề án đã lấy ý kiến các bản.", ""),
    "3.1": (100, "Danh mục 12 tuyến đường đã được thông qua.", "confirm"),
    "3.3": (70, "Đã đổ bê tông 850 m trên 1,2 km.", ""),
    "5.1": (100, "Quyết định giao dự toán thu ngân sách năm 2026.", "confirm"),
    "7.1": (100, "Kế hoạch giảm nghèo đã trình Ban Thường vụ.", "propose"),
    "7.4": (55, "Bản đạt 14/19 tiêu chí nông thôn mới.", ""),
    "10.2": (100, "Kế hoạch tạo nguồn kết nạp đảng viên đã ban hành.", "propose"),
}


def load_demo_programme(resolution: Resolution) -> Programme:
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["bithu", "canbo", "truongban"])}
    leader, officer, reporter = users["bithu"], users["canbo"], users["truongban"]
    today = timezone.localdate()
    data = resources.files("nghiquyet.demo").joinpath(f"data/{DEMO_FILE}").read_bytes()
    table = tables.read_table(data, DEMO_FILE, max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES)
    draft = importing.draft_data(table, resolution, today)
    for item in draft["items"]:
        if item["lead_unit"] is None and item["lead_suggestions"]:
            item["lead_unit"] = item["lead_suggestions"][0][0]
    specs, errors = importing.specs_from_draft(draft, resolution, DEMO_FILE)
    if errors:
        raise ValueError("; ".join(errors))
    programme = services.programme_import(
        actor=officer, resolution=resolution, title=draft["title"], number=draft["number"],
        issued_on=dt.date.fromisoformat(draft["issued_on"]) if draft["issued_on"] else None,
        specs=specs)
    items = {i.number: i for i in ProgrammeItem.objects.filter(programme=programme)
             .select_related("lead_unit", "programme__resolution__issuer")}
    services.item_edit(actor=leader, item=items["1.2"], changes={"responsible": officer})
    for number, (percent, text, then) in PROGRESS.items():
        item = items[number]
        author = reporter if item.lead_unit.code == "SL-PK-B01" else officer
        on = min(item.due_date - dt.timedelta(days=10), today)
        services.progress_post(actor=author, item=item, on=on, text=text, percent=percent)
        if then:
            services.completion_propose(actor=author, item=item)
        if then == "confirm":
            services.completion_confirm(actor=leader, item=item)
    send_reminders(today=today, digest=True)
    return programme
