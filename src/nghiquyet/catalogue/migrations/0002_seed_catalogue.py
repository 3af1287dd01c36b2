"""Seed the common catalogue, so a fresh database can compare communes at once.

It writes the shipped entries as they stand when the migration runs; later changes
to the shipped list arrive with ``nghiquyet load_catalogue``, which is audited.
Only codes not yet present are created.
"""

from django.db import migrations

FIELDS = ("name", "unit", "measure", "direction", "theme", "notes")


def seed(apps, schema_editor):
    from nghiquyet.catalogue.entries import CATALOGUE

    model = apps.get_model("catalogue", "CatalogueIndicator")
    present = set(model.objects.values_list("code", flat=True))
    model.objects.bulk_create([
        model(code=e.code, position=i, keywords=list(e.keywords), excludes=list(e.excludes),
              **{f: getattr(e, f, "") for f in FIELDS})
        for i, e in enumerate(CATALOGUE, 1) if e.code not in present
    ])


class Migration(migrations.Migration):

    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
