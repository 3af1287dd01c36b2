from nghiquyet.assessment import assess_target

SCHOOLS = {"kind": "level", "comparator": ">=", "value": 5, "upper": None, "unit": "trường",
           "denominator": 7, "year": 2030, "each_year": False}


def test_projection_of_a_count_out_of_b_stops_at_b():
    result = assess_target(SCHOOLS, {2025: 3, 2026: 4}, term_start=2025, as_of=2026)
    assert result.projected == 7
    assert "7/7 trường" in result.explanation
