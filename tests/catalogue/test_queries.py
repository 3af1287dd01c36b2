"""The province comparison's query count does not grow with the number of communes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.catalogue.models import TargetMapping
from nghiquyet.catalogue.selectors import province_comparison, province_resolutions
from nghiquyet.catalogue.services import map_resolution
from nghiquyet.orgunits.models import OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create, orgunit_create
from nghiquyet.progress import Status
from nghiquyet.resolutions.models import Indicator
from nghiquyet.resolutions.services import registry_import
from tests.catalogue.conftest import EA_KHUONG, NAM_KHOA, add_figures, corpus_doc

FIGURES = {
    "seed": {(7, 0): (19.8, 17.9), (4, 0): (41.2, 41.5), (2, 0): (44000, 45200)},
    "nam-khoa": {(6, 1): (18.5, 16.2), (5, 0): (61.8, 62.1), (3, 0): (25300, 24800)},
    "ea-khuong": {(9, 1): (6.8, 5.9), (5, 0): (75.6, 75.2), (3, 0): (6350, 6120)},
}


def _province(code, communes, seed_doc):
    province = orgunit_create(code=code, name=f"Tỉnh {code}", type=OrgUnitType.PROVINCE)
    docs = [("seed", seed_doc), ("nam-khoa", corpus_doc(NAM_KHOA)),
            ("ea-khuong", corpus_doc(EA_KHUONG))]
    for i in range(communes):
        name, doc = docs[i % 3]
        commune = orgunit_create(code=f"{code}-X{i}", name=f"Xã {i}", type=OrgUnitType.COMMUNE,
                                 parent=province)
        orgunit_bulk_create(parent=commune, rows=[
            (f"{code}-X{i}-B{k}", f"Bản {k}", OrgUnitType.VILLAGE) for k in range(3)])
        resolution = registry_import(doc=doc, issuer=commune)
        add_figures(resolution, FIGURES[name])
        map_resolution(resolution=resolution, actor=None)
    return province


def _count(province):
    with CaptureQueriesContext(connection) as ctx:
        cmp = province_comparison(province, province_resolutions(province), 2026)
    return len(ctx.captured_queries), cmp


@pytest.mark.django_db
def test_two_or_five_communes_cost_the_same_four_queries(seed_doc, catalogue):
    small, cmp_small = _count(_province("AA", 2, seed_doc))
    large, cmp_large = _count(_province("BB", 5, seed_doc))
    assert len(cmp_small.communes) == 2 and len(cmp_large.communes) == 5
    # the resolutions; the targets (indicators, groups and mappings joined); the
    # catalogue entries shown; the communes' own stored figures
    assert small == large == 4


@pytest.mark.django_db
def test_without_a_mapped_target_the_catalogue_is_not_read(seed_doc, catalogue):
    province = _province("DD", 3, seed_doc)
    TargetMapping.objects.all().delete()
    queries, cmp = _count(province)
    assert queries == 3 and cmp.shared == [] and cmp.single == 0
    for commune in cmp.communes:
        assert commune.mapped == 0
        assert commune.target_count == len(assess_resolution(commune.resolution).targets)


@pytest.mark.django_db
def test_each_commune_is_assessed_as_its_dashboard_assesses_it(seed_doc, catalogue):
    province = _province("CC", 3, seed_doc)
    cmp = province_comparison(province, province_resolutions(province), 2026)
    assert len(cmp.shared) >= 10
    for commune in cmp.communes:
        mine = [(t.target.pk, t.status, t.assessment.latest_value)
                for t in commune.assessment.targets]
        theirs = [(t.target.pk, t.status, t.assessment.latest_value)
                  for t in assess_resolution(commune.resolution, as_of=2026).targets]
        assert mine == theirs
        assert commune.counts.summary == assess_resolution(
            commune.resolution, as_of=2026).counts.summary
    grain = next(s for s in cmp.shared if s.entry.code == "san-luong-luong-thuc")
    assert grain.commune_count == 3
    assert grain.rows[0].assessed.status == Status.MISSED  # a yearly floor missed in 2026


@pytest.mark.django_db
def test_an_indicator_without_a_target_counts_as_on_the_dashboard(seed_doc, catalogue):
    province = _province("EE", 2, seed_doc)
    cmp = province_comparison(province, province_resolutions(province), 2026)
    before = {c.resolution.pk: c.counts.total for c in cmp.communes}
    resolution = cmp.communes[0].resolution
    Indicator.objects.create(resolution=resolution, number=99, text="Chưa có mục tiêu")
    cmp = province_comparison(province, province_resolutions(province), 2026)
    for commune in cmp.communes:
        assert commune.counts.total == before[commune.resolution.pk]
        assert commune.counts.summary == assess_resolution(
            commune.resolution, as_of=2026).counts.summary


@pytest.mark.django_db
def test_the_targets_are_in_the_dashboard_order_and_their_words(seed_doc, catalogue):
    province = _province("FF", 3, seed_doc)
    cmp = province_comparison(province, province_resolutions(province), 2026)
    for commune in cmp.communes:
        theirs = assess_resolution(commune.resolution, as_of=2026)
        assert [i.indicator.pk for i in commune.assessment.indicators] == [
            i.indicator.pk for i in theirs.indicators]
        assert [(t.text, t.deadline, t.target.label, t.target.year) for t in
                commune.assessment.targets] == [
            (t.text, t.deadline, t.target.label, t.target.year) for t in theirs.targets]
        # the explanation is written when read, and is the dashboard's words
        assert [t.assessment.explanation for t in commune.assessment.targets] == [
            t.assessment.explanation for t in theirs.targets]
