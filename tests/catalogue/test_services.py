"""Writes: loading the catalogue, automatic mapping, a reviewer's choices. Each is audited."""

import pytest

from nghiquyet.audit.models import AuditEvent
from nghiquyet.catalogue.entries import CATALOGUE
from nghiquyet.catalogue.models import CatalogueIndicator, MappingMethod, TargetMapping
from nghiquyet.catalogue.services import (
    AUTO,
    NONE,
    MappingError,
    catalogue_load,
    map_resolution,
    mappings_update,
)
from nghiquyet.resolutions.models import Target


def _target(resolution, number, position=0):
    return Target.objects.get(indicator__resolution=resolution, indicator__number=number,
                              position=position)


@pytest.mark.django_db
def test_the_migration_seeds_the_catalogue():
    assert CatalogueIndicator.objects.count() == len(CATALOGUE)


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_hand_made_entries_stay(users):
    CatalogueIndicator.objects.filter(code="ho-ngheo").update(name="sửa tay")
    CatalogueIndicator.objects.create(code="rieng", name="Chỉ tiêu riêng", unit="%",
                                      theme="society")
    done = catalogue_load(actor=users["admin"])
    assert done == {"created": [], "updated": ["ho-ngheo"]}
    assert CatalogueIndicator.objects.get(code="ho-ngheo").name == "Tỷ lệ hộ nghèo (%)"
    assert CatalogueIndicator.objects.filter(code="rieng").exists()
    event = AuditEvent.objects.get(action="catalogue.update")
    assert event.actor == users["admin"] and event.old["name"] == "sửa tay"
    assert catalogue_load(actor=None) == {"created": [], "updated": []}


@pytest.mark.django_db
def test_map_resolution_maps_the_seed_and_is_audited(resolution, users, catalogue):
    result = map_resolution(resolution=resolution, actor=users["alice"])
    assert result.created >= 28 and result.kept_manual == 0
    poverty = TargetMapping.objects.get(target=_target(resolution, 7))
    assert poverty.indicator.code == "ho-ngheo" and poverty.method == MappingMethod.AUTO
    assert poverty.confidence >= 0.7
    assert not TargetMapping.objects.filter(target=_target(resolution, 2, 1)).exists()  # quả
    event = AuditEvent.objects.get(action="catalogue.map_resolution")
    assert event.actor == users["alice"] and event.orgunit == resolution.issuer
    assert event.new["created"] == result.created
    assert event.new["targets"][str(poverty.target_id)] == [None, "ho-ngheo"]


@pytest.mark.django_db
def test_mapping_again_keeps_a_reviewers_choice(resolution, users, catalogue):
    map_resolution(resolution=resolution, actor=None)
    forest = _target(resolution, 4)
    fruit = _target(resolution, 2, 1)
    changed = mappings_update(resolution=resolution, actor=users["alice"],
                              choices={forest.pk: NONE, fruit.pk: "san-luong-luong-thuc"})
    assert changed == 2
    result = map_resolution(resolution=resolution, actor=None)
    assert result.kept_manual == 2 and result.created == 0 and result.changed == 0
    forest_map = TargetMapping.objects.get(target=forest)
    assert forest_map.indicator is None and forest_map.method == MappingMethod.MANUAL
    fruit_map = TargetMapping.objects.get(target=fruit)
    assert fruit_map.indicator.code == "san-luong-luong-thuc"
    assert fruit_map.mapped_by == users["alice"]
    event = AuditEvent.objects.get(action="catalogue.mappings_update")
    assert event.new["targets"][str(forest.pk)] == ["auto:che-phu-rung", "manual:none"]
    assert event.new["targets"][str(fruit.pk)] == [None, "manual:san-luong-luong-thuc"]


@pytest.mark.django_db
def test_handing_a_target_back_to_the_matcher(resolution, users, catalogue):
    forest = _target(resolution, 4)
    mappings_update(resolution=resolution, actor=users["alice"], choices={forest.pk: NONE})
    assert mappings_update(resolution=resolution, actor=users["alice"],
                           choices={forest.pk: AUTO}) == 1
    mapping = TargetMapping.objects.get(target=forest)
    assert mapping.method == MappingMethod.AUTO and mapping.indicator.code == "che-phu-rung"


@pytest.mark.django_db
def test_an_unchanged_choice_writes_no_audit_row(resolution, users, catalogue):
    forest = _target(resolution, 4)
    mappings_update(resolution=resolution, actor=None, choices={forest.pk: "che-phu-rung"})
    before = AuditEvent.objects.count()
    assert mappings_update(resolution=resolution, actor=None,
                           choices={forest.pk: "che-phu-rung"}) == 0
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["khong-co", "foreign-target"])
def test_bad_choices_write_nothing(resolution, tree, users, catalogue, bad, seed_doc):
    from nghiquyet.resolutions.services import registry_import

    forest = _target(resolution, 4)
    if bad == "foreign-target":
        other = registry_import(doc=seed_doc, issuer=tree["other"])
        choices = {forest.pk: NONE, _target(other, 4).pk: NONE}
    else:
        choices = {forest.pk: NONE, _target(resolution, 7).pk: bad}
    with pytest.raises(MappingError):
        mappings_update(resolution=resolution, actor=None, choices=choices)
    assert not TargetMapping.objects.exists()
    assert not AuditEvent.objects.filter(action="catalogue.mappings_update").exists()
