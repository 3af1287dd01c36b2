from __future__ import annotations

from ninja import Schema

MAX_OFFSET = 10**9  # paginated lists: a larger offset is refused (422), never a server error


class OrgUnitOut(Schema):
    id: int
    code: str
    name: str
    type: str
    parent_id: int | None
    depth: int
    is_illustrative: bool


class TargetOut(Schema):
    id: int
    position: int
    label: str
    kind: str
    comparator: str
    value: float
    upper: float | None
    unit: str
    denominator: float | None
    year: int
    each_year: bool
    series_code: str
    value_type: str
    reporting_unit_type: str
    aggregation: str
    display: str


class IndicatorOut(Schema):
    id: int
    number: int
    group: str | None
    text: str
    targets: list[TargetOut]


class GroupOut(Schema):
    code: str
    title: str
    declared_count: int | None


class ResolutionOut(Schema):
    id: int
    title: str
    issuer_name: str
    issuer_code: str
    level: str
    province: str
    term_start: int
    term_end: int
    declared_indicator_count: int | None
    version: int = 1
    is_current: bool = True  # False once a newer version of it was imported
    archived: bool = False


class ResolutionDetailOut(ResolutionOut):
    groups: list[GroupOut]
    indicators: list[IndicatorOut]


class ErrorOut(Schema):
    detail: str
    errors: list[dict[str, str]] = []


class ValueOut(Schema):
    id: int
    series_code: str
    orgunit: str
    period: str
    value: float | None
    numerator: float | None
    denominator: float | None
    is_estimate: bool
    note: str
    status: str
    version: int


class ValueIn(Schema):
    series_code: str
    orgunit: str
    period: str
    value: float | str | None = None
    numerator: float | str | None = None
    denominator: float | str | None = None
    is_estimate: bool = False
    note: str = ""
    version: int = 0  # the version you read; 0 when creating


class ValueSaved(Schema):
    value: ValueOut
    warnings: list[str]


class DecisionIn(Schema):
    version: int  # the version you read: a decision on a figure that changed since is refused
    comment: str = ""


class FigureOut(Schema):
    series_code: str
    year: int
    value: float | None
    source: str
    reported: int
    expected: int
