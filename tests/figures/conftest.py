from decimal import Decimal

import pytest

from nghiquyet.figures.models import SeriesAssignment
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.resolutions.models import DataSeries


@pytest.fixture
def series(resolution):
    """Grain tonnes (2.1) reported by villages and summed; poverty rate (7.1) as a ratio."""
    grain = DataSeries.objects.get(resolution=resolution, code="2.1")
    grain.reporting_unit_type, grain.aggregation = "village", "sum"
    grain.save()
    poverty = DataSeries.objects.get(resolution=resolution, code="7.1")
    poverty.reporting_unit_type = "village"
    poverty.save()
    revenue = DataSeries.objects.get(resolution=resolution, code="1.2")
    rebuild_figures(series_ids=[grain.pk, poverty.pk])  # series changed past the services
    return {"grain": grain, "poverty": poverty, "revenue": revenue}


@pytest.fixture
def assigned(users, series):
    for s in series.values():
        SeriesAssignment.objects.create(user=users["olga"], series=s)
    return users


D = Decimal
