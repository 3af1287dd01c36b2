import pytest

from nghiquyet.audit.models import AuditEvent
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import orgunit_create, orgunit_move


@pytest.mark.django_db
def test_paths_make_subtrees(tree):
    commune = tree["commune"]
    codes = set(OrgUnit.objects.subtree(commune).values_list("code", flat=True))
    assert codes == {"SL-PK", "SL-PK-B01", "SL-PK-B02"}
    assert set(OrgUnit.objects.descendants(commune).values_list("code", flat=True)) == {
        "SL-PK-B01", "SL-PK-B02"}
    village = tree["villages"][0]
    village.refresh_from_db()
    assert village.depth == 2
    assert village.is_within(tree["province"])
    assert not village.is_within(tree["other"])
    assert village.ancestor_ids() == [tree["province"].pk, commune.pk, village.pk]


@pytest.mark.django_db
def test_subtree_query_is_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(list(OrgUnit.objects.subtree(tree["province"]))) == 6


@pytest.mark.django_db
def test_codes_are_unique(tree):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        orgunit_create(code="SL-PK", name="Trùng", type=OrgUnitType.COMMUNE)


@pytest.mark.django_db
def test_move_rewrites_the_subtree(tree):
    village = tree["villages"][0]
    orgunit_move(unit=village, new_parent=tree["other"])
    codes = set(OrgUnit.objects.subtree(tree["other"]).values_list("code", flat=True))
    assert codes == {"SL-CH", "SL-CH-B01", "SL-PK-B01"}
    assert AuditEvent.objects.filter(action="orgunit.move", object_id=str(village.pk)).exists()


@pytest.mark.django_db
def test_move_under_itself_is_refused(tree):
    with pytest.raises(ValueError):
        orgunit_move(unit=tree["commune"], new_parent=tree["villages"][0])


@pytest.mark.django_db
def test_create_writes_an_audit_row(tree):
    assert AuditEvent.objects.filter(action="orgunit.create", object_repr="Phiêng Khoài").count() == 1
