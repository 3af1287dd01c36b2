"""report_data: the assessment mapped into the writers' dataclasses."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nghiquyet.figures.models import DataValue
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.reports.selectors import DEMO_NOTE, report_data
from nghiquyet.resolutions.models import DataSeries

pytestmark = pytest.mark.django_db


def _target(data, label):
    return next(t for t in data.targets() if t.label.startswith(label))


def test_it_maps_the_whole_resolution(demo_reports):
    data = demo_reports["approved"]["data"]
    assert [g.code for g in data.groups] == ["a", "b", "c"]
    assert len(list(data.indicators())) == 24 and len(list(data.targets())) == 37
    assert (data.superior_organ, data.issuing_organ, data.issuing_organ_text) == (
        "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", "Đảng ủy xã Phiêng Khoài")
    assert (data.number_code, data.place, data.period_label) == (
        "-BC/ĐU", "Phiêng Khoài", "năm 2026")
    assert list(data.years) == [2025, 2026] and data.report_date == dt.date(2026, 12, 20)
    assert tuple(data.signer_titles) == ("T/M ĐẢNG ỦY", "BÍ THƯ")
    assert data.recipients[0] == "Ban Thường vụ Tỉnh ủy (để báo cáo)"
    assert data.recipients[-1] == "Lưu Văn phòng Đảng ủy"
    assert data.illustrative


def test_a_target_carries_its_figures_and_judgement(demo_reports):
    data = demo_reports["all"]["data"]
    grain = _target(data, "Sản lượng cây lương thực có hạt")
    assert (grain.baseline, grain.actuals[2026], grain.latest, grain.latest_year) == (
        44000, 45200, 45200, 2026)
    assert grain.target_text == "từ 49.305 tấn trở lên" and grain.target_value == 49305
    assert grain.percent_of_target == 91.7
    assert grain.status == "on_track" and grain.status_label == "Có khả năng đạt"
    assert grain.explanation.startswith("Thực hiện 2026: 45.200 tấn")
    revenue = _target(data, "Tổng thu ngân sách trên địa bàn")
    assert revenue.estimate_years == {2026}  # the commune's own 2026 figures are estimates
    growth = next(t for t in data.targets() if t.kind == "growth_rate")
    assert growth.unit == "triệu đồng" and growth.percent_of_target is None  # a level's unit
    poverty = _target(data, "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều")
    assert poverty.percent_of_target is None  # less is better: no "% of the target"
    members = _target(data, "Kết nạp đảng viên mới trong nhiệm kỳ")
    assert members.latest == 21  # the term's running total, without the baseline year
    schools = _target(data, "Trường học đạt chuẩn quốc gia")
    assert (schools.target_value, schools.denominator) == (5, 7)


def test_approved_only_leaves_out_unapproved_figures(demo_reports):
    approved, every = demo_reports["approved"]["data"], demo_reports["all"]["data"]
    grain_approved = _target(approved, "Sản lượng cây lương thực có hạt")
    grain_all = _target(every, "Sản lượng cây lương thực có hạt")
    assert grain_all.actuals[2026] == 45200
    assert grain_approved.actuals[2026] == demo_reports["approved_grain_2026"] < 45200
    assert re.fullmatch(r"\d+/30 đơn vị báo cáo", grain_approved.partial[2026])
    assert grain_approved.status == "no_data" and grain_approved.latest_year == 2025
    assert grain_approved.baseline == grain_all.baseline == 44000  # 2025 is all approved
    differing = [a.label for a, b in zip(approved.targets(), every.targets(), strict=True)
                 if a.actuals != b.actuals]
    assert len(differing) >= 10
    assert approved.notes[0] == "Số liệu sử dụng: chỉ số liệu đã được phê duyệt."
    assert every.notes[0].startswith("Số liệu sử dụng: tất cả số liệu đã nhập, kể cả")


def test_the_query_count_does_not_grow_with_the_data(demo):
    commune = OrgUnit.objects.get(code="SL-PK")  # 84 units below, 2.700 figures
    village = OrgUnit.objects.get(code="SL-PK-B01")
    counts = []
    for unit, period in ((commune, "2026"), (village, "2026"), (commune, "nhiem-ky"),
                         (commune, "2026H1")):
        with CaptureQueriesContext(connection) as queries:
            report_data(demo, unit, period)
        counts.append(len(queries))
    # a unit below the issuer also reads which unit types it covers and the targets set
    # for it (its own targets only)
    assert counts[0] == counts[2] <= 8 and counts[1] <= counts[0] + 2, counts
    assert counts[3] == counts[0] + 1  # the half-year's own figures


def test_a_half_year_reads_its_own_figures(demo):
    commune = demo.issuer
    series = {s.code: s for s in DataSeries.objects.filter(resolution=demo)}

    def enter(code, period, value):
        DataValue.objects.create(series=series[code], orgunit=commune, period=period,
                                 year=int(period[:4]), value=Decimal(value), status="approved")
        rebuild_figures(series_ids=[series[code].pk])  # written past the services

    enter("10.1", "2026H1", "70")  # a rate: the half-year's figure stands for the year
    enter("13.1", "2026Q1", "31")  # quarters: the last of the half
    enter("13.1", "2026Q2", "32")
    enter("1.2", "2026H1", "400")  # revenue adds up: half a year is not judged
    data = report_data(demo, commune, "2026H1")
    assert data.period_label == "6 tháng đầu năm 2026"
    assert list(data.years) == [2025, 2026]
    online = _target(data, "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính")
    assert online.actuals[2026] == 70 and 2026 not in online.estimate_years
    assert online.explanation.startswith("Thực hiện 2026: 70%")
    waste = _target(data, "Tỷ lệ chất thải rắn được thu gom")
    assert waste.actuals[2026] == 32
    revenue = _target(data, "Tổng thu ngân sách trên địa bàn")
    assert revenue.actuals[2026] == 768 and revenue.estimate_years == {2026}  # the year's estimate
    assert ("6 tháng đầu năm 2026 đạt 400 triệu đồng; số liệu nửa năm không dùng để đánh giá"
            in revenue.explanation)
    assert any(n.startswith("Cột năm 2026: tỷ lệ") for n in data.notes)


def test_mid_term_and_end_of_term(demo):
    commune = demo.issuer
    mid = report_data(demo, commune, "giua-nhiem-ky")
    assert mid.period_label == "giữa nhiệm kỳ 2025-2030" and list(mid.years) == [
        2025, 2026, 2027, 2028]
    assert list(report_data(demo, commune, "Giữa nhiệm kỳ 2027").years)[-1] == 2027
    end = report_data(demo, commune, "nhiem-ky")
    assert end.period_label == "nhiệm kỳ 2025-2030" and list(end.years)[-1] == 2030
    grain = _target(end, "Sản lượng cây lương thực có hạt")
    # built with figures up to 2026 only: a forecast, never "không đạt" read from empty years
    assert grain.status != "missed"
    assert grain.actuals[2030] is None
    assert end.notes[0].startswith("Số liệu đến năm 2026, ước thực hiện")
    # only a year that was reported and failed an every-year target is "không đạt"
    assert all(t.status != "missed" or t.each_year for t in end.targets())


@pytest.mark.parametrize("period", ["2025", "2031", "2026Q1", "2026H3", "sáu tháng", ""])
def test_a_bad_period_is_refused_in_vietnamese(resolution, period):
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        report_data(resolution, resolution.issuer, period)


def test_real_units_are_not_illustrative_until_demo_figures_appear(resolution, tree):
    data = report_data(resolution, tree["commune"], "2026")
    assert not data.illustrative
    assert data.groups and all(t.status == "no_data" for t in data.targets())
    DataValue.objects.create(series=DataSeries.objects.filter(resolution=resolution).first(),
                             orgunit=tree["commune"], period="2026", year=2026,
                             value=Decimal(1), note=DEMO_NOTE, status="approved")
    assert report_data(resolution, tree["commune"], "2026").illustrative


def test_a_unit_below_the_issuer_is_told_the_targets_are_the_communes(resolution, tree):
    data = report_data(resolution, tree["villages"][0], "2026", number="12",
                       signer_name="Lò Văn Pọm")
    assert data.issuing_organ == "CHI BỘ BẢN NÀ SÀNG"
    assert data.superior_organ == "ĐẢNG BỘ XÃ PHIÊNG KHOÀI"
    assert data.number_code == "12-BC/CB" and data.signer_name == "Lò Văn Pọm"
    assert any(n.startswith("Báo cáo của Bản Nà Sàng chỉ gồm các chỉ tiêu Bản Nà Sàng báo cáo")
               and "chưa giao mục tiêu cho đơn vị" in n for n in data.notes)
