"""Malformed registries are refused with the path of every bad field."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.lib.registry import RegistryError, compare_registries, validate_registry
from tests.conftest import SEED_REGISTRY

SEED = json.loads(SEED_REGISTRY.read_text(encoding="utf-8"))


def errors_of(doc):
    with pytest.raises(RegistryError) as info:
        validate_registry(doc)
    return {e.path: e.message for e in info.value.errors}


def test_seed_is_valid():
    data = validate_registry(copy.deepcopy(SEED))
    assert len(data["indicators"]) == 24
    assert sum(len(i["targets"]) for i in data["indicators"]) == 37


def test_it_names_the_bad_comparator():
    doc = copy.deepcopy(SEED)
    doc["indicators"][3]["targets"][0]["comparator"] = "≥"
    errs = errors_of(doc)
    assert list(errs) == ["indicators[3].targets[0].comparator"]
    assert "không hợp lệ" in errs["indicators[3].targets[0].comparator"]


def test_it_collects_every_error():
    doc = copy.deepcopy(SEED)
    doc["format"] = "other"
    doc["resolution"]["term_end"] = 2020
    doc["indicators"][0]["targets"][1]["value"] = "925"
    doc["indicators"][5]["number"] = 1
    doc["indicators"][6]["group"] = "z"
    errs = errors_of(doc)
    assert set(errs) == {
        "format", "resolution.term_end", "indicators[0].targets[1].value",
        "indicators[5].number", "indicators[6].group",
    }


def test_renamed_group_is_reported_once_per_indicator():
    doc = copy.deepcopy(SEED)
    doc["groups"][0]["code"] = "x"
    errs = errors_of(doc)
    assert set(errs) == {f"indicators[{i}].group" for i in range(5)}


def test_between_needs_upper():
    doc = copy.deepcopy(SEED)
    doc["indicators"][2]["targets"][0]["comparator"] = "between"
    assert "indicators[2].targets[0].upper" in errors_of(doc)


def test_not_an_object():
    assert errors_of([1, 2]) == {"$": "phải là một đối tượng JSON ({...})"}


def test_compare_registries_reports_differences():
    doc = copy.deepcopy(SEED)
    doc["indicators"][1]["targets"][0]["value"] = 49306
    assert compare_registries(SEED, doc) == [
        "indicator 2 target 0: value 49305 != 49306"
    ]
    assert compare_registries(SEED, copy.deepcopy(SEED)) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)
paths = st.sampled_from([
    ("resolution", "title"), ("resolution", "term_start"), ("declared_indicator_count",),
    ("groups", 0, "title"), ("indicators", 0, "number"), ("indicators", 2, "targets"),
    ("indicators", 1, "targets", 0, "kind"), ("indicators", 1, "targets", 0, "value"),
    ("indicators", 5, "targets", 0, "denominator"), ("indicators", 3, "targets", 0, "year"),
    ("indicators", 3, "targets", 0, "each_year"), ("breakthroughs", 0, "number"), ("tasks",),
])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(path=paths, value=json_values)
def test_any_mutation_is_accepted_or_refused_with_a_path(path, value):
    doc = copy.deepcopy(SEED)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        data = validate_registry(doc)
    except RegistryError as exc:
        assert exc.errors
        for err in exc.errors:
            assert err.path and err.message
        # One of the errors names the mutated field (or the list/object it lies in).
        mutated = _path_text(path)
        assert any(mutated.startswith(e.path) or e.path.startswith(mutated) for e in exc.errors)
    else:
        assert data["format"] == "nghiquyet.registry/1"


def _path_text(path):
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out
