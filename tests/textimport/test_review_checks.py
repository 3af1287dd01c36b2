"""Warnings re-checked from the registry after a reviewer's edit, and labels cut mid-phrase."""

from __future__ import annotations

import copy

import pytest

from nghiquyet.textimport import parse_text
from nghiquyet.textimport.review import (
    label_is_incomplete,
    layout_name,
    recheck_warnings,
    registry_warnings,
)

TEXT = """\
Đại hội đại biểu Đảng bộ xã Bản Mế lần thứ I, nhiệm kỳ 2025-2030.
Các chỉ tiêu chủ yếu (3 chỉ tiêu):
(1) Tỷ lệ hộ nghèo đạt 3%.
(2) Phát triển mạnh du lịch cộng đồng.
(3) Thu ngân sách đạt 40 tỷ đồng.
"""


@pytest.mark.parametrize(
    ("label", "incomplete"),
    [
        ("Tỷ lệ hộ dân được", True),
        ("Số lao động đi làm việc ở nước ngoài theo", True),
        ("Tỷ lệ trường đạt chuẩn (theo", True),
        ('Tỷ lệ hộ đạt danh hiệu "Gia đình văn hóa', True),
        ("Diện tích trồng mới,", True),
        ('Tỷ lệ hộ đạt danh hiệu "Gia đình văn hóa"', False),
        ("Tỷ lệ trường đạt chuẩn quốc gia (mức độ 1)", False),
        ("Giải quyết việc làm cho lao động", False),
        ("", False),
    ],
)
def test_label_cut_mid_phrase(label, incomplete):
    assert label_is_incomplete(label) is incomplete


def test_parser_never_keeps_a_cut_label_without_a_warning():
    text = (
        "Các chỉ tiêu chủ yếu:\n"
        "STT | Chỉ tiêu | Đơn vị tính | Mục tiêu đến năm 2030\n"
        "1 | Tỷ lệ hộ dùng nước sạch (theo | % | 95\n"
    )
    result = parse_text(text, term=(2025, 2030))
    warning = next(w for w in result.warnings if w.code == "label_incomplete")
    assert warning.indicator == 1 and warning.excerpt == "Tỷ lệ hộ dùng nước sạch (theo"


def test_recheck_after_edits_drops_settled_warnings_and_finds_new_ones():
    result = parse_text(TEXT)
    warnings = [w.to_dict() for w in result.warnings]
    codes = {(w["code"], w["indicator"]) for w in warnings}
    assert ("no_figure", 2) in codes and ("ambiguous_comparator", 1) in codes
    old = result.registry
    new = copy.deepcopy(old)
    # The reviewer sets indicator 1 to "below 3%", gives 2 a target, and cuts 3's label.
    new["indicators"][0]["targets"][0]["comparator"] = "<"
    new["indicators"][1]["targets"] = [
        {
            "label": "Số khách du lịch",
            "kind": "level",
            "comparator": ">=",
            "value": 5000,
            "upper": None,
            "unit": "",
            "denominator": None,
            "year": None,
            "each_year": False,
        }
    ]
    new["indicators"][2]["targets"][0]["label"] = "Thu ngân sách trên"
    rechecked = {(w["code"], w["indicator"]) for w in recheck_warnings(warnings, old, new)}
    assert ("ambiguous_comparator", 1) not in rechecked  # indicator 1 was edited
    assert ("no_figure", 2) not in rechecked
    assert {("missing_unit", 2), ("deadline_unknown", 2), ("label_incomplete", 3)} <= rechecked


def test_recheck_keeps_remarks_on_untouched_indicators_and_counts():
    result = parse_text(TEXT)
    warnings = [w.to_dict() for w in result.warnings]
    new = copy.deepcopy(result.registry)
    del new["indicators"][1]
    rechecked = recheck_warnings(warnings, result.registry, new)
    assert ("ambiguous_comparator", 1) in {(w["code"], w["indicator"]) for w in rechecked}
    mismatch = [w for w in rechecked if w["code"] == "declared_count_mismatch"]
    assert mismatch[0]["message"] == "Nghị quyết nêu 3 chỉ tiêu nhưng tìm thấy 2."


def test_registry_warnings_of_a_clean_registry_are_empty():
    assert (
        registry_warnings(parse_text(TEXT.replace("(2) Phát triển mạnh", "(2) Có 12")).registry)
        == []
    )


def test_layout_names_are_vietnamese():
    assert layout_name("table").startswith("bảng")
    assert layout_name(None) == "không nhận dạng được"


def test_a_renumbered_but_untouched_indicator_keeps_its_remarks():
    result = parse_text(TEXT)
    warnings = [
        {**w.to_dict(), "indicator": 11 if w.indicator == 1 else w.indicator}
        for w in result.warnings
    ]  # as renumber_warnings leaves them once the reviewer typed 11 for 1
    new = copy.deepcopy(result.registry)
    new["indicators"][0]["number"] = 11
    rechecked = {
        (w["code"], w["indicator"]) for w in recheck_warnings(warnings, result.registry, new)
    }
    assert ("ambiguous_comparator", 11) in rechecked
