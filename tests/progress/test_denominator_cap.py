from nghiquyet.progress import assess_target

SCHOOLS = {"kind": "level", "comparator": ">=", "value": 5, "upper": None, "unit": "trường",
           "denominator": 7, "year": 2030, "each_year": False}


def test_projection_of_a_count_out_of_b_stops_at_b():
    result = assess_target(SCHOOLS, {2025: 3, 2026: 4}, term_start=2025, as_of=2026)
    assert result.projected == 7
    assert "7/7 trường" in result.explanation


def test_a_growth_rate_names_the_unit_of_its_series_when_given():
    target = {"kind": "growth_rate", "comparator": ">=", "value": 5, "unit": "%", "year": 2030,
              "each_year": False}
    plain = assess_target(target, {2025: 725, 2026: 768}, term_start=2025, as_of=2026)
    named = assess_target({**target, "series_unit": "triệu đồng"}, {2025: 725, 2026: 768},
                          term_start=2025, as_of=2026)
    assert "768 triệu đồng" in named.explanation and "768 triệu đồng" not in plain.explanation
    assert named.status == plain.status
