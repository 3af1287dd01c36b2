"""Build the stored figures of an existing database (figures/store.py), so that pages
reading the table show the same numbers as before the table existed. A fresh database
has no values: nothing to do. On a large database this reads every value once."""

from typing import Any

from django.db import migrations


def build(apps: Any, schema_editor: Any) -> None:
    from nghiquyet.figures.store import Models, rebuild_figures

    models = Models(orgunit=apps.get_model("orgunits", "OrgUnit"),
                    series=apps.get_model("resolutions", "DataSeries"),
                    value=apps.get_model("reporting", "DataValue"),
                    stored=apps.get_model("reporting", "StoredFigure"))
    if models.series.objects.exists():
        rebuild_figures(models=models)


class Migration(migrations.Migration):

    dependencies = [
        ("reporting", "0002_stored_figure"),
    ]

    operations = [
        migrations.RunPython(build, migrations.RunPython.noop, elidable=True),
    ]
