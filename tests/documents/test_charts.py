from __future__ import annotations

import dataclasses

from nghiquyet.documents import ReportData
from nghiquyet.documents.charts import percent_of_target_chart, status_by_group_chart

PNG = b"\x89PNG\r\n\x1a\n"


def test_both_charts_are_png(sample: ReportData) -> None:
    by_group = status_by_group_chart(sample)
    by_target = percent_of_target_chart(sample)
    assert by_group is not None and by_group.startswith(PNG)
    assert by_target is not None and by_target.startswith(PNG)


def test_too_many_targets_get_no_bar_chart(sample: ReportData) -> None:
    many = dataclasses.replace(sample, groups=list(sample.groups) * 5)
    assert percent_of_target_chart(many) is None
    # ... while the group chart adds up groups that share a code.
    assert status_by_group_chart(many) is not None
