"""The reviewed registries are reproduced exactly on every compared field."""

from __future__ import annotations

import pytest

from nghiquyet.textimport import parse_text, read_document
from nghiquyet.textimport.evaluate import Score, score_targets, structure_differences
from tests.textimport.helpers import (
    CORPUS_NAMES,
    GIVEN_TERMS,
    LAYOUT_NAMES,
    LAYOUTS,
    compared,
    corpus_expected,
    corpus_text,
    layout_expected,
    layout_text,
    seed_expected,
    seed_text,
)


@pytest.fixture(scope="module")
def seed_result():
    return parse_text(seed_text())


def test_seed_matches_reviewed_registry(seed_result):
    assert compared(seed_result.registry) == compared(seed_expected())


def test_seed_counts(seed_result):
    registry = seed_result.registry
    assert registry["format"] == "nghiquyet.registry/1"
    assert len(registry["indicators"]) == 24
    assert sum(len(i["targets"]) for i in registry["indicators"]) == 37
    assert [(g["code"], g["declared_count"]) for g in registry["groups"]] == [
        ("a", 5),
        ("b", 14),
        ("c", 5),
    ]
    assert registry["declared_indicator_count"] == 24
    assert len(registry["breakthroughs"]) == 4
    assert len(registry["tasks"]) == 6


def test_seed_metadata(seed_result):
    assert seed_result.registry["resolution"] == {
        "title": "Nghị quyết Đại hội đại biểu Đảng bộ xã Phiêng Khoài lần thứ I, nhiệm kỳ 2025-2030",
        "issuer": "Đảng bộ xã Phiêng Khoài",
        "level": "xã",
        "province": "Sơn La",
        "term_start": 2025,
        "term_end": 2030,
    }


def test_seed_breakthrough_and_task_titles(seed_result):
    expected = seed_expected()
    assert seed_result.registry["breakthroughs"] == expected["breakthroughs"]
    assert seed_result.registry["tasks"] == expected["tasks"]


def test_seed_keeps_original_text_with_wraps_joined(seed_result):
    first = seed_result.registry["indicators"][0]["text"]
    assert first == (
        "Tốc độ tăng tổng thu ngân sách nhà nước trên địa bàn bình quân hằng năm (5%). "
        "Tổng thu ngân sách trên địa bàn đến năm 2030 đạt 925 triệu đồng."
    )


def test_seed_weaknesses_are_not_indicators(seed_result):
    texts = " ".join(i["text"] for i in seed_result.registry["indicators"])
    assert "Công tác lãnh đạo, chỉ đạo có mặt chưa quyết liệt" not in texts
    assert "tăng cường vai trò lãnh đạo toàn diện" not in texts  # lesson "Một là"


def test_seed_parses_without_warnings(seed_result):
    assert seed_result.warnings == []


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_file_matches_reviewed_registry(name):
    expected = corpus_expected(name)
    assert compared(parse_text(corpus_text(name)).registry) == compared(expected)


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_titles_of_breakthroughs_and_tasks(name):
    registry = parse_text(corpus_text(name)).registry
    expected = corpus_expected(name)
    assert registry["breakthroughs"] == expected["breakthroughs"]
    assert registry["tasks"] == expected["tasks"]


def test_corpus_totals():
    registries = [parse_text(corpus_text(name)).registry for name in CORPUS_NAMES]
    assert sum(len(r["indicators"]) for r in registries) == 107
    assert sum(len(i["targets"]) for r in registries for i in r["indicators"]) == 135


def test_declared_counts_that_do_not_add_up_are_warned():
    result = parse_text(corpus_text("05-ea-khuong-2025-2030"))
    codes = [w.code for w in result.warnings]
    assert codes == ["declared_count_mismatch", "group_count_mismatch"]
    assert "20" in result.warnings[0].message and "19" in result.warnings[0].message
    assert "Các chỉ tiêu về văn hóa - xã hội, môi trường" in result.warnings[1].message


def test_previous_term_result_is_not_a_declared_count():
    registry = parse_text(corpus_text("04-kim-luy-2020-2025")).registry
    assert registry["declared_indicator_count"] is None  # "14/16 chỉ tiêu" is the old term's
    assert registry["groups"] == []
    assert {i["group"] for i in registry["indicators"]} == {None}


# --- cases 07-12: layouts without a numbered list ---------------------------


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_layout_case_matches_reviewed_registry(name):
    result = parse_text(layout_text(name), term=GIVEN_TERMS.get(name))
    assert compared(result.registry) == compared(layout_expected(name))


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_table_case_from_word_and_pdf(suffix):
    name = "11-dong-lung-2025-2030"
    result = parse_text(read_document(LAYOUTS / f"{name}{suffix}"))
    expected = layout_expected(name)
    assert score_targets(result.registry, expected) == Score(14, 14, 14)
    assert structure_differences(result.registry, expected) == []
    assert result.layout == "table"


def test_table_text_from_word_is_the_reviewed_text():
    name = "11-dong-lung-2025-2030"
    result = parse_text(read_document(LAYOUTS / f"{name}.docx"))
    assert [i["text"] for i in result.registry["indicators"]] == [
        i["text"] for i in layout_expected(name)["indicators"]
    ]


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("07-vong-giang-2025-2030", "prose"),
        ("08-son-dai-2025-2030", "paragraph"),
        ("09-lam-khe-2020-2025", "list"),
        ("10-van-thach-2025-2030", "letters"),
        ("11-dong-lung-2025-2030", "table"),
        ("12-na-pheo-2025-2030", "bullets"),
    ],
)
def test_layout_is_named(name, layout):
    assert parse_text(layout_text(name), term=GIVEN_TERMS.get(name)).layout == layout


def test_extract_without_term_leaves_deadlines_empty_and_warns():
    result = parse_text(layout_text("12-na-pheo-2025-2030"))
    years = [t["year"] for i in result.registry["indicators"] for t in i["targets"]]
    assert 0 not in years
    assert years.count(2028) == 2 and years.count(None) == len(years) - 2
    codes = [w.code for w in result.warnings]
    assert "term_not_found" in codes and "deadline_unknown" in codes
    assert result.registry["resolution"]["term_end"] is None


def test_text_term_wins_over_a_different_given_term():
    result = parse_text(layout_text("09-lam-khe-2020-2025"), term=(2025, 2030))
    assert result.registry["resolution"]["term_end"] == 2025
    assert [w.code for w in result.warnings if w.code == "term_mismatch"] == ["term_mismatch"]
