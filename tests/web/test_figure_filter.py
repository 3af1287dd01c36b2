"""The `figure` filter: a figure as every page writes it."""

from decimal import Decimal

from nghiquyet.web.templatetags.nq import figure


def test_a_yes_no_reads_dat_or_chua_dat() -> None:
    assert figure(Decimal(1), "đạt/không đạt") == "Đạt"
    assert figure(0, "đạt/không đạt") == "Chưa đạt"


def test_figures_take_their_units_precision() -> None:
    assert figure(50336.3, "tấn") == "50.336"
    assert figure(25.35, "%") == "25,4"
    assert figure(765.62, "triệu đồng") == "765,62"
    assert figure(None, "tấn") == ""
