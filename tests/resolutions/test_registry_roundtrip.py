import copy
import json

import pytest
from django.core.management import CommandError, call_command

from nghiquyet.audit.models import AuditEvent
from nghiquyet.lib.registry import compare_registries
from nghiquyet.resolutions.models import DataSeries, Indicator, Resolution, Target
from nghiquyet.resolutions.selectors import registry_export
from nghiquyet.resolutions.services import registry_import


@pytest.mark.django_db
def test_seed_round_trips_exactly(resolution, seed_doc):
    exported = registry_export(resolution)
    assert compare_registries(seed_doc, exported) == []
    assert exported["resolution"] == seed_doc["resolution"]
    assert exported["groups"] == seed_doc["groups"]
    assert exported["declared_indicator_count"] == 24
    assert exported["breakthroughs"] == seed_doc["breakthroughs"]
    assert exported["tasks"] == seed_doc["tasks"]
    for e_ind, a_ind in zip(seed_doc["indicators"], exported["indicators"], strict=True):
        assert a_ind["text"] == e_ind["text"]
        for e_t, a_t in zip(e_ind["targets"], a_ind["targets"], strict=True):
            assert {k: v for k, v in a_t.items() if k != "data"} == e_t


@pytest.mark.django_db
def test_model_counts(resolution):
    assert Indicator.objects.filter(resolution=resolution).count() == 24
    assert Target.objects.filter(indicator__resolution=resolution).count() == 37
    assert resolution.groups.count() == 3
    assert resolution.breakthroughs.count() == 4
    assert resolution.tasks.count() == 6


@pytest.mark.django_db
def test_indicator_one_shares_its_revenue_series(resolution):
    growth, level = Target.objects.filter(
        indicator__resolution=resolution, indicator__number=1).order_by("position")
    assert growth.kind == "growth_rate" and level.kind == "level"
    assert growth.series_id == level.series_id
    assert level.series.unit == "triệu đồng"
    # 37 targets, 36 series: the revenue series is entered once.
    assert DataSeries.objects.filter(resolution=resolution).count() == 36


@pytest.mark.django_db
def test_how_figures_are_kept_is_inferred(resolution):
    def series(number, position=0):
        return Target.objects.get(indicator__resolution=resolution, indicator__number=number,
                                  position=position).series

    schools = series(6)
    assert (schools.value_type, schools.reporting_unit_type, schools.aggregation) == (
        "yes_no", "school", "count_yes")
    assert series(9).reporting_unit_type == "village"
    poverty = series(7)
    assert (poverty.value_type, poverty.aggregation) == ("ratio", "ratio_of_sums")
    assert series(2).aggregation == "sum"


@pytest.mark.django_db
def test_export_then_import_again_keeps_the_data_spec(resolution, tree):
    exported = registry_export(resolution)
    exported["indicators"][1]["targets"][0]["data"]["reporting_unit_type"] = "village"
    again = registry_import(doc=exported, issuer=tree["other"])
    second = registry_export(again)
    assert second["indicators"][1]["targets"][0]["data"]["reporting_unit_type"] == "village"
    assert compare_registries(exported, second) == []


@pytest.mark.django_db
def test_import_writes_an_audit_row(resolution):
    event = AuditEvent.objects.get(action="resolution.import")
    assert event.object_id == str(resolution.pk)
    assert event.new == {"indicators": 24, "targets": 37}


@pytest.mark.django_db
def test_malformed_document_saves_nothing(tree, seed_doc):
    from nghiquyet.lib.registry import RegistryError

    doc = copy.deepcopy(seed_doc)
    doc["indicators"][3]["targets"][0]["comparator"] = "gần bằng"
    with pytest.raises(RegistryError) as info:
        registry_import(doc=doc, issuer=tree["commune"])
    assert [e.path for e in info.value.errors] == ["indicators[3].targets[0].comparator"]
    assert Resolution.objects.count() == 0
    assert Target.objects.count() == 0


@pytest.mark.django_db
def test_import_finds_or_creates_the_issuer(db, seed_doc):
    resolution = registry_import(doc=seed_doc)
    assert resolution.issuer.name == "Phiêng Khoài"
    assert resolution.issuer.type == "commune"
    assert resolution.issuer.parent.name == "Sơn La"
    again = registry_import(doc=seed_doc, new_version_of=resolution)  # a second import
    assert again.issuer_id == resolution.issuer_id


@pytest.mark.django_db
def test_cli_round_trip(tmp_path, seed_doc, capsys):
    from tests.conftest import SEED_REGISTRY

    call_command("import_registry", str(SEED_REGISTRY))
    out = capsys.readouterr().out
    resolution = Resolution.objects.get()
    assert f"(id {resolution.pk})" in out
    target = tmp_path / "out.json"
    call_command("export_registry", str(resolution.pk), "-o", str(target))
    assert compare_registries(seed_doc, json.loads(target.read_text(encoding="utf-8"))) == []


@pytest.mark.django_db
def test_cli_refuses_a_bad_file_with_the_field_path(tmp_path, seed_doc):
    doc = copy.deepcopy(seed_doc)
    doc["indicators"][3]["targets"][0]["comparator"] = "~"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("import_registry", str(bad))
    assert "indicators[3].targets[0].comparator" in str(info.value)
    assert "chưa lưu gì" in str(info.value)
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "không phải JSON hợp lệ: dòng 1"),
    (b"\xff\xfe\x00", "không phải văn bản UTF-8"),
])
def test_cli_refuses_unreadable_files(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_registry", str(bad))


@pytest.mark.django_db
def test_export_of_unknown_resolution(db):
    with pytest.raises(CommandError, match="Không tìm thấy nghị quyết"):
        call_command("export_registry", "999")
