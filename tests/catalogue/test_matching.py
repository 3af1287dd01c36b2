"""The matcher on the seed and the six corpus registries: plain pytest, no database."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from nghiquyet.catalogue.entries import CATALOGUE, seed_entries
from nghiquyet.catalogue.matching import (
    AUTO_THRESHOLD,
    TargetText,
    fold,
    rank,
    suggest,
    unit_family,
)
from tests.conftest import CORPUS, SEED_REGISTRY

REGISTRIES = [SEED_REGISTRY, *sorted(CORPUS.glob("*.expected.json"))]
ENTRIES = seed_entries()


def _mapped() -> dict[tuple[str, int, int], str | None]:
    """(registry, indicator, position) -> the entry applied automatically, or None."""
    out: dict[tuple[str, int, int], str | None] = {}
    for path in REGISTRIES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        case = path.name.split(".")[0]
        for ind in doc["indicators"]:
            for k, t in enumerate(ind["targets"]):
                ranked = rank(TargetText(t["label"], t["unit"], t["kind"], ind["text"]), ENTRIES)
                best = ranked[0] if ranked and ranked[0].confidence >= AUTO_THRESHOLD else None
                out[(case, ind["number"], k)] = best.code if best else None
    return out


MAPPED = _mapped()
SEED, NAM_KHOA, VINH_TRA, HOA_VAN, KIM_LUY, EA_KHUONG, LAM_NGUYEN = (
    "phieng-khoai-2025-2030", "01-nam-khoa-2025-2030", "02-vinh-tra-dien-2025-2030",
    "03-hoa-van-2025-2030", "04-kim-luy-2020-2025", "05-ea-khuong-2025-2030",
    "06-lam-nguyen-2025-2030")


def test_fold_strips_diacritics_and_punctuation():
    assert fold("Tỷ lệ hộ nghèo (%)") == "ty le ho ngheo"
    assert fold("Đảng viên; “An toàn về an ninh, trật tự”") == "dang vien an toan ve an ninh trat tu"
    assert fold("văn hoá") == fold("văn hóa")


def test_catalogue_codes_are_unique_and_names_keep_diacritics():
    codes = [e.code for e in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert 25 <= len(codes) <= 60
    assert next(e for e in CATALOGUE if e.code == "ho-ngheo").name == "Tỷ lệ hộ nghèo (%)"


@pytest.mark.parametrize(("unit", "family"), [
    ("%", "percent"), ("điểm %", "points"), ("tấn", "mass"), ("ha", "area"),
    ("triệu đồng", "money"), ("tỷ đồng", "money"), ("triệu đồng/người/năm", "money"),
    ("USD", "money"), ("bản", "count"), ("đảng viên", "count"), ("trường", "count"),
    ("đạt/không đạt", "yes_no"), ("bác sĩ/vạn dân", "per_10k"), ("", ""),
])
def test_unit_families(unit, family):
    assert unit_family(unit) == family


def test_every_poverty_rate_maps_to_the_same_entry():
    poverty = {(SEED, 7, 0), (NAM_KHOA, 6, 1), (VINH_TRA, 9, 0), (HOA_VAN, 6, 0),
               (EA_KHUONG, 9, 1)}
    assert {MAPPED[k] for k in poverty} == {"ho-ngheo"}
    assert {k for k, v in MAPPED.items() if v == "ho-ngheo"} == poverty


def test_a_yearly_fall_of_the_poverty_rate_is_its_own_entry():
    falls = {(NAM_KHOA, 6, 0), (EA_KHUONG, 9, 0), (LAM_NGUYEN, 12, 0)}
    assert {k for k, v in MAPPED.items() if v == "giam-ho-ngheo"} == falls


def test_near_poverty_is_not_poverty():
    assert MAPPED[(KIM_LUY, 5, 0)] == "ho-can-ngheo"


@pytest.mark.parametrize(("code", "expected"), [
    ("che-phu-rung", {(SEED, 4, 0), (NAM_KHOA, 5, 0), (EA_KHUONG, 5, 0), (LAM_NGUYEN, 19, 0)}),
    ("san-luong-luong-thuc", {(SEED, 2, 0), (NAM_KHOA, 3, 0), (EA_KHUONG, 3, 0)}),
    ("bao-hiem-y-te", {(SEED, 8, 0), (NAM_KHOA, 9, 0), (VINH_TRA, 12, 0), (HOA_VAN, 8, 0),
                       (KIM_LUY, 6, 0), (LAM_NGUYEN, 15, 0)}),
    ("ket-nap-dang-vien", {(SEED, 21, 0), (NAM_KHOA, 14, 0), (VINH_TRA, 17, 0),
                           (HOA_VAN, 14, 0), (KIM_LUY, 13, 0), (EA_KHUONG, 17, 0),
                           (LAM_NGUYEN, 23, 0)}),
    ("lao-dong-qua-dao-tao", {(SEED, 3, 0), (NAM_KHOA, 10, 0), (EA_KHUONG, 12, 0),
                              (LAM_NGUYEN, 13, 0)}),
    ("lao-dong-co-chung-chi", {(NAM_KHOA, 10, 1), (LAM_NGUYEN, 13, 1)}),
    ("ban-nong-thon-moi", {(SEED, 9, 0), (NAM_KHOA, 7, 0)}),
    ("chi-bo-hoan-thanh-tot", {(SEED, 20, 1), (NAM_KHOA, 15, 0), (EA_KHUONG, 18, 0)}),
    ("dang-vien-hoan-thanh-tot", {(SEED, 20, 2), (NAM_KHOA, 16, 0), (HOA_VAN, 15, 0)}),
    ("giao-quan", {(VINH_TRA, 15, 0), (HOA_VAN, 12, 0), (KIM_LUY, 12, 0), (EA_KHUONG, 15, 0)}),
    ("an-toan-an-ninh-trat-tu", {(SEED, 16, 0), (VINH_TRA, 16, 0), (HOA_VAN, 13, 0),
                                 (EA_KHUONG, 16, 0)}),
    ("chat-thai-ran", {(SEED, 13, 0), (VINH_TRA, 14, 0), (HOA_VAN, 11, 0), (KIM_LUY, 11, 0),
                       (LAM_NGUYEN, 20, 0), (LAM_NGUYEN, 20, 1)}),
])
def test_differently_worded_targets_share_an_entry(code, expected):
    assert {k for k, v in MAPPED.items() if v == code} == expected


@pytest.mark.parametrize("key", [
    (SEED, 2, 1),  # Sản lượng quả các loại
    (NAM_KHOA, 3, 1),  # Sản lượng lúa: part of the grain total, not the total
    (NAM_KHOA, 4, 0),  # Diện tích cây dược liệu dưới tán rừng
    (VINH_TRA, 6, 0),  # lúa VietGAP
    (HOA_VAN, 2, 0),  # giá trị sản xuất thương mại - dịch vụ: one sector only
    (EA_KHUONG, 4, 0),  # Diện tích cà phê
    (LAM_NGUYEN, 11, 0),  # khách du lịch
    (SEED, 20, 0),  # Chi bộ duy trì nề nếp
])
def test_unrelated_targets_are_not_mapped(key):
    assert MAPPED[key] is None


def test_the_unit_decides_between_a_count_and_a_share():
    count = TargetText("Trường học đạt chuẩn quốc gia", "trường", "level")
    share = TargetText("Tỷ lệ trường học công lập đạt chuẩn quốc gia", "%", "level")
    assert suggest(count, ENTRIES).code == "truong-chuan-quoc-gia"
    assert suggest(share, ENTRIES).code == "ty-le-truong-chuan"


def test_the_kind_decides_between_a_growth_rate_and_a_level():
    growth = TargetText("Tốc độ tăng tổng thu ngân sách nhà nước", "%", "growth_rate")
    level = TargetText("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "level")
    assert suggest(growth, ENTRIES).code == "tang-thu-ngan-sach"
    assert suggest(level, ENTRIES).code == "thu-ngan-sach"


def test_an_unseen_wording_is_suggested_but_not_applied():
    # No key phrase ("hộ nghèo" is split by "dân"), so a reviewer decides.
    match = suggest(TargetText("Tỷ lệ hộ dân nghèo", "%", "level"), ENTRIES)
    assert match is not None and match.code == "ho-ngheo"
    assert not match.automatic


def test_an_unknown_unit_lowers_the_confidence():
    known = suggest(TargetText("Tỷ lệ che phủ rừng", "%", "level"), ENTRIES)
    unknown = suggest(TargetText("Tỷ lệ che phủ rừng", "", "level"), ENTRIES)
    assert known.confidence > unknown.confidence >= AUTO_THRESHOLD


def test_most_corpus_targets_find_an_entry():
    found = defaultdict(int)
    for (case, _n, _k), code in MAPPED.items():
        found[case] += code is not None
    assert found[SEED] >= 28  # of 37
    assert sum(found.values()) >= 130  # of 172


def test_empty_text_never_raises():
    assert rank(TargetText("", "", "level"), ENTRIES) == []
    assert suggest(TargetText("???", "%", "level"), ENTRIES) is None
