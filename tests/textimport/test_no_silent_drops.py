"""No silent drops: every figure in the indicator section is a target or quoted in a warning.

The figures are counted here with a reader of this test's own (a Vietnamese
number, not a year, not part of a name such as "dưới 5 tuổi", "3 sao", "(05 chỉ
tiêu)", not a bracket restating the figure before it), so a figure the parser
skips without a word cannot go unnoticed.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from nghiquyet.textimport import parse_text
from tests.textimport.helpers import (
    CORPUS_NAMES,
    GIVEN_TERMS,
    LAYOUT_NAMES,
    corpus_text,
    layout_text,
    seed_text,
)

_NUMBER = re.compile(r"(?<![\d.,/])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Numbers that name something rather than measure it (registry-format conventions).
_NAMING_AFTER = re.compile(r"\s*(?:[-–]\s*\d+\s*)?(?:chỉ tiêu|tuổi|sao|năm\b|tháng|ngày)")
_NAMING_BEFORE = re.compile(r"(?:lớp|mức độ|loại|lần thứ|khóa)\s*$")
_PER_UNIT = re.compile(r"trên\s*$")  # "trên 01 ha": per hectare
# Inside "62,5% (15/24 tổ", "05/07 trường (đạt tỉ lệ 71,4 %)": a restatement.
_RESTATEMENT = re.compile(r"\d[^()\d]{0,25}\([^()]*$")
# Item markers: "(1)", "1.", "1-", "1)" at a line start or after a sentence.
_MARKER_BEFORE = re.compile(r"(?:^|\n|[.;:]\s)\s*\(?$")
_MARKER_AFTER = re.compile(r"(?:\)\.?|\.|\s?[-–])(?:\s|$)")
_TARGET_HEADER = re.compile(r"mục tiêu|kế hoạch", re.IGNORECASE)

DOCUMENTS = (
    [("seed", seed_text(), None)]
    + [(name, corpus_text(name), None) for name in CORPUS_NAMES]
    + [(name, layout_text(name), GIVEN_TERMS.get(name)) for name in LAYOUT_NAMES]
)


def target_cells(section: str) -> str:
    """A table's target column only: the baseline column holds no targets."""
    rows = [line.split("|") for line in section.split("\n") if "|" in line]
    header = next((r for r in rows if any(_TARGET_HEADER.search(c) for c in r)), None)
    if header is None:
        return section
    column = max(i for i, c in enumerate(header) if _TARGET_HEADER.search(c))
    return "\n".join(r[column] for r in rows if r is not header and len(r) > column)


def figures(section: str) -> list[str]:
    found = []
    for match in _NUMBER.finditer(section):
        before, after = section[: match.start()], section[match.end() :]
        if _YEAR.fullmatch(match.group(0)) or _NAMING_AFTER.match(after):
            continue
        if _NAMING_BEFORE.search(before[-12:]) and not re.match(r"\s*%", after):
            continue
        if _PER_UNIT.search(before[-6:]) and match.group(0) in ("1", "01"):
            continue
        if _RESTATEMENT.search(before[-40:]):
            continue
        if _MARKER_BEFORE.search(before[-6:] if len(before) > 6 else "\n" + before) and (
            _MARKER_AFTER.match(after)
        ):
            continue
        found.append(match.group(0))
    return found


def as_number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def accounted(figure: str, registry: dict, excerpts: str) -> bool:
    numbers = set()
    for indicator in registry["indicators"]:
        for target in indicator["targets"]:
            for key in ("value", "upper", "denominator"):
                if target[key] is not None:
                    numbers.add(abs(Decimal(str(target[key]))))
    return as_number(figure) in numbers or figure in excerpts


@pytest.mark.parametrize(("name", "text", "term"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_figure_in_the_section_is_accounted_for(name, text, term):
    result = parse_text(text, term=term)
    section = result.section_text
    assert section is not None
    if result.layout == "table":
        section = target_cells(section)
    counted = figures(section)
    excerpts = " ".join(w.excerpt or "" for w in result.warnings)
    missed = [f for f in counted if not accounted(f, result.registry, excerpts)]
    assert counted, name
    assert missed == [], (
        f"{missed} {name}: {len(counted) - len(missed)}/{len(counted)} accounted for"
    )


def test_a_figure_outside_every_indicator_is_warned_with_its_sentence():
    text = (
        "Đại hội Đảng bộ xã Khe Mơ lần thứ I, nhiệm kỳ 2025-2030.\n"
        "Các chỉ tiêu chủ yếu:\n"
        "Phấn đấu tổng thu ngân sách cả nhiệm kỳ vượt 400 tỷ đồng, cụ thể như sau.\n"
        "(1) Thu nhập bình quân đạt 70 triệu đồng.\n"
        "(2) Tỷ lệ hộ nghèo dưới 2%.\n"
    )
    result = parse_text(text)
    unread = [w for w in result.warnings if w.code == "figure_not_read"]
    assert len(unread) == 1
    assert "400 tỷ đồng" in unread[0].excerpt


def test_a_number_without_a_unit_inside_an_indicator_is_warned():
    text = (
        "Các chỉ tiêu chủ yếu:\n"
        "(1) Tổng số hợp tác xã thành lập mới 14 trong nhiệm kỳ; thu nhập đạt 60 triệu đồng.\n"
        "(2) Số trường đạt chuẩn: 9.\n"
        "(3) Tỷ lệ trẻ em 3-5 tuổi đến trường đạt 99%.\n"
    )
    result = parse_text(text, term=(2025, 2030))
    unread = [w for w in result.warnings if w.code == "figure_not_read"]
    assert [(w.indicator, "14" in w.excerpt) for w in unread] == [(1, True)]
    # After a colon a bare number is the target, with its unit to be filled in.
    second = result.registry["indicators"][1]["targets"]
    assert [(t["value"], t["unit"]) for t in second] == [(9, "")]
    assert [t["value"] for t in result.registry["indicators"][2]["targets"]] == [99]
