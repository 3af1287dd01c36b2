from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.figures.rollup import Cell, SeriesRule, Unit, roll_up, yearly_cells

# province 1 > communes 2, 3 > villages 4, 5 (under 2) and 6 (under 3)
TREE = [Unit(1, None, "province"), Unit(2, 1, "commune"), Unit(3, 1, "commune"),
        Unit(4, 2, "village"), Unit(5, 2, "village"), Unit(6, 3, "village")]


def rule(aggregation, value_type="number", percent=False, subyear="last"):
    return SeriesRule(value_type=value_type, aggregation=aggregation, reporting_unit_type="village",
                      subyear=subyear, percent=percent)


def test_sum_from_villages_up_to_the_province():
    cells = [Cell(4, "2026", D(100)), Cell(5, "2026", D(50)), Cell(6, "2026", D(7))]
    out = roll_up(TREE, cells, rule("sum"), 1, [2026])
    assert out[2][2026].value == 150 and out[2][2026].source == "computed"
    assert (out[2][2026].reported, out[2][2026].expected) == (2, 2)
    assert out[1][2026].value == 157
    assert (out[1][2026].reported, out[1][2026].expected) == (3, 3)


def test_ratio_of_sums_is_not_an_average_of_percentages():
    # 10/100 poor households and 45/50: the commune's rate is 55/150, not (10% + 90%) / 2.
    cells = [Cell(4, "2026", None, D(10), D(100)), Cell(5, "2026", None, D(45), D(50))]
    out = roll_up(TREE, cells, rule("ratio_of_sums", "ratio", percent=True), 2, [2026])
    fig = out[2][2026]
    assert (fig.numerator, fig.denominator) == (55, 150)
    assert round(fig.value, 4) == round(D(55) / D(150) * 100, 4)
    assert round(fig.value) != 50


def test_count_yes_over_units():
    cells = [Cell(4, "2026", D(1)), Cell(5, "2026", D(0)), Cell(6, "2026", D(1))]
    out = roll_up(TREE, cells, rule("count_yes", "yes_no"), 1, [2026])
    assert out[2][2026].value == 1
    assert (out[2][2026].numerator, out[2][2026].denominator) == (1, 2)
    assert out[1][2026].value == 2
    assert out[1][2026].denominator == 3


def test_count_yes_as_a_percentage():
    cells = [Cell(4, "2026", D(1)), Cell(5, "2026", D(0))]
    out = roll_up(TREE, cells, rule("count_yes", "yes_no", percent=True), 2, [2026])
    assert out[2][2026].value == 50


def test_a_direct_figure_wins_and_keeps_the_sub_units_total_beside_it():
    cells = [Cell(4, "2026", D(100)), Cell(5, "2026", D(50)), Cell(2, "2026", D(160))]
    out = roll_up(TREE, cells, rule("sum"), 1, [2026])
    assert out[2][2026].source == "direct"
    assert out[2][2026].value == 160
    assert out[2][2026].computed_value == 150
    assert out[1][2026].value == 160  # the province adds the commune's own figure


def test_missing_villages_are_counted():
    out = roll_up(TREE, [Cell(4, "2026", D(5))], rule("sum"), 2, [2026, 2027])
    assert (out[2][2026].reported, out[2][2026].expected) == (1, 2)
    assert not out[2][2026].complete
    assert out[2][2027].value is None


def test_sub_year_values_make_a_year():
    halves = [Cell(4, "2026H1", D(40)), Cell(4, "2026H2", D(70))]
    assert yearly_cells(halves, "sum")[(4, 2026)].value == 110
    assert yearly_cells(halves, "last")[(4, 2026)].value == 70
    assert yearly_cells(halves, "sum")[(4, 2026)].is_estimate
    whole = [*halves, Cell(4, "2026", D(100))]
    assert yearly_cells(whole, "sum")[(4, 2026)].value == 100


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=3, max_size=3))
def test_sum_is_the_sum_of_the_villages(values):
    cells = [Cell(u, "2026", D(v)) for u, v in zip((4, 5, 6), values, strict=True)]
    assert roll_up(TREE, cells, rule("sum"), 1, [2026])[1][2026].value == sum(values)


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=3, max_size=3))
def test_ratio_stays_within_the_villages_range(parts):
    parts = [(min(a, b), b) for a, b in parts]
    cells = [Cell(u, "2026", None, D(a), D(b)) for u, (a, b) in zip((4, 5, 6), parts, strict=True)]
    value = roll_up(TREE, cells, rule("ratio_of_sums", "ratio", True), 1, [2026])[1][2026].value
    rates = [D(a) / D(b) * 100 for a, b in parts]
    assert min(rates) - D("1e-9") <= value <= max(rates) + D("1e-9")


def test_a_sum_missing_some_villages_is_partial():
    out = roll_up(TREE, [Cell(4, "2026", D(5))], rule("sum"), 2, [2026])
    assert out[2][2026].value == 5 and out[2][2026].partial
    full = roll_up(TREE, [Cell(4, "2026", D(5)), Cell(5, "2026", D(1))], rule("sum"), 2, [2026])
    assert not full[2][2026].partial


def test_a_ratio_from_some_villages_is_not_partial():
    out = roll_up(TREE, [Cell(4, "2026", None, D(1), D(10))],
                  rule("ratio_of_sums", "ratio", True), 2, [2026])
    assert out[2][2026].value == 10 and not out[2][2026].partial


def test_first_half_of_a_flow_is_partial():
    cells = yearly_cells([Cell(4, "2026H1", D(40))], "sum")
    assert cells[(4, 2026)].partial
    both = yearly_cells([Cell(4, "2026H1", D(40)), Cell(4, "2026H2", D(60))], "sum")
    assert not both[(4, 2026)].partial
    rate = yearly_cells([Cell(4, "2026H1", D(40))], "last")
    assert not rate[(4, 2026)].partial


def test_a_commune_that_enters_its_own_total_makes_the_province_complete():
    # Commune 2 enters 100 although village 5 has not reported; commune 3's village did.
    cells = [Cell(2, "2026", D(100)), Cell(4, "2026", D(60)), Cell(6, "2026", D(7))]
    out = roll_up(TREE, cells, rule("sum"), 1, [2026])
    assert out[2][2026].source == "direct" and not out[2][2026].partial
    assert out[1][2026].value == 107 and not out[1][2026].partial
