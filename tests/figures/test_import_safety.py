"""Imports never lose silently; every path gives the same warnings (issues #9, #10, #14, #15).

Each test here reproduces a reported problem: it failed before the fix and passes after.
"""

import io
import json
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import interchange, services
from nghiquyet.figures.exchange import ImportRefused, template_rows, values_import
from nghiquyet.figures.interchange import (
    FileRefused,
    read_csv,
    read_xlsx,
    write_csv,
    write_xlsx,
)
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.validation import NOTE_MAX_CHARS

P2025, P2026 = parse_period("2025"), parse_period("2026")


def _save(user, series, unit, period=P2026, **kw):
    return services.value_save(actor=user, series=series, orgunit=unit, period=period, **kw)


def _import(user, resolution, rows):
    return values_import(actor=user, resolution=resolution, read=read_csv(write_csv(rows)))


def _row(code, unit, period="2026", **kw):
    return {"target": code, "orgunit": unit, "period": period, **kw}


def _template(user, resolution, unit, period=P2026, **kw):
    rows = template_rows(resolution, unit, period, user, **kw)
    return write_xlsx(rows, {"resolution": str(resolution.pk), "orgunit": unit.code,
                             "period": period.code}, resolution.title)


def _edit(xlsx: bytes, changes: dict[tuple[str, str], dict]) -> bytes:
    wb = load_workbook(io.BytesIO(xlsx))
    ws = wb["Số liệu"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    for row in ws.iter_rows(min_row=2):
        for name, value in changes.get((row[col["Mã mục tiêu"]].value,
                                        row[col["Mã đơn vị"]].value), {}).items():
            row[col[name]].value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- #9: the plausibility context is looked up in the service, for every path -------


JUMP = "so với năm trước"
GAP = "Khác tổng hợp từ các đơn vị trực thuộc"


@pytest.fixture
def last_year(assigned, series, tree):
    """Bản Nà Sàng grew 100 t of grain in 2025."""
    _save(assigned["bob"], series["grain"], tree["villages"][0], P2025, value=D(100))


@pytest.mark.django_db
def test_jump_warning_on_the_web(client, assigned, series, tree, resolution, last_year):
    client.force_login(assigned["bob"])
    response = client.post(reverse("figures:entry_cell", args=[resolution.pk]), {
        "series": series["grain"].pk, "unit": "SL-PK-B01", "period": "2026", "version": 0,
        "value": "300"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert JUMP in response.content.decode()


@pytest.mark.django_db
def test_jump_warning_over_the_api(client, assigned, series, tree, resolution, last_year):
    client.force_login(assigned["bob"])
    response = client.post(f"/api/v1/resolutions/{resolution.pk}/values", json.dumps({
        "series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": 300}),
        content_type="application/json")
    assert response.status_code == 201
    assert any(JUMP in w for w in response.json()["warnings"])


@pytest.mark.django_db
def test_jump_warning_on_import(assigned, series, tree, resolution, last_year):
    report = _import(assigned["bob"], resolution, [_row("2.1", "SL-PK-B01", value="300")])
    assert report.saved == 1
    assert any("dòng 2" in w and JUMP in w for w in report.warnings)


@pytest.mark.django_db
def test_import_compares_a_commune_with_the_villages_it_brings(assigned, series, tree,
                                                               resolution):
    """The gap warning compares with the sub-units' total as the import leaves it."""
    report = _import(assigned["admin"], resolution, [
        _row("2.1", "SL-PK-B01", value="100"), _row("2.1", "SL-PK-B02", value="100"),
        _row("2.1", "SL-PK", value="300")])
    assert [w for w in report.warnings if GAP in w] == [
        w for w in report.warnings if w.startswith("Trang “CSV”, dòng 4") and GAP in w]
    assert len([w for w in report.warnings if GAP in w]) == 1
    # The same figure saved on its own gives the same warning.
    result = _save(assigned["admin"], series["grain"], tree["commune"], value=D(320))
    assert any(GAP in w.message for w in result.warnings)


@pytest.mark.django_db
def test_no_jump_against_a_partial_or_sub_year_figure(assigned, series, tree, resolution):
    admin = assigned["admin"]
    # Only one of two villages reported 2025: the commune's 2025 total is partial.
    _save(admin, series["grain"], tree["villages"][0], P2025, value=D(10))
    result = _save(admin, series["grain"], tree["commune"], value=D(500))
    assert not [w for w in result.warnings if JUMP in w.message]
    # A half-year is not compared with last year's whole year.
    series["grain"].period_kind = "H"
    series["grain"].save()
    _save(admin, series["grain"], tree["villages"][1], P2025, value=D(10))
    result = _save(admin, series["grain"], tree["villages"][1], parse_period("2026H1"),
                   value=D(500))
    assert result.warnings == []


# --- #15: set-based import -------------------------------------------------------------


@pytest.mark.django_db
def test_bulk_import_writes_one_audit_row_per_figure_and_the_stored_figures(
        assigned, series, tree, resolution):
    from nghiquyet.figures.store import check_figures

    olga = assigned["olga"]
    _save(olga, series["grain"], tree["villages"][0], value=D(1))
    report = _import(olga, resolution, [
        _row("2.1", "SL-PK-B01", value="120", version="1"),
        _row("2.1", "SL-PK-B02", value="80"),
        _row("7.1", "SL-PK-B01", numerator="5", denominator="50")])
    assert (report.saved, report.unchanged) == (3, 0)
    events = AuditEvent.objects.filter(reason__startswith="Nhập từ tệp")
    assert sorted(events.values_list("action", flat=True)) == [
        "value.create", "value.create", "value.update"]
    update = events.get(action="value.update")
    assert update.old["value"] == "1" and update.new["value"] == "120"
    assert update.actor == olga and update.actor_username == "olga"
    assert update.reason == "Nhập từ tệp: Trang “CSV”, dòng 2"
    assert DataValue.objects.get(orgunit=tree["villages"][0], series=series["grain"]).version == 2
    checked, differences = check_figures(series_ids=[series["grain"].pk, series["poverty"].pk])
    assert checked and differences == []


def _audit_trail(since: int) -> dict[tuple[int, int, str], tuple]:
    """The audit rows written after event ``since``, by figure, as stored (the JSON
    columns read back as the database holds them, the figure's id checked)."""
    from django.db import connection

    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, old, new FROM {table} WHERE id > %s", [since])  # noqa: S608
        raw = {pk: (old, new) for pk, old, new in cursor.fetchall()}
    out = {}
    for e in AuditEvent.objects.filter(pk__gt=since):
        v = DataValue.objects.select_related("series", "orgunit").get(pk=e.object_id)
        out[(v.series_id, v.orgunit_id, v.period)] = (
            e.action, e.object_type, e.object_repr == str(v), e.object_repr, e.orgunit_id,
            e.old, e.new, raw[e.pk], e.reason, e.actor_id, e.actor_username, e.actor_name)
    return out


@pytest.mark.django_db
def test_bulk_audit_rows_are_what_single_saves_write(assigned, series, tree, resolution):
    """The import writes its audit rows in bulk, from plain rows: they hold exactly what
    ``value_save`` (through ``audit_record``) writes for the same changes."""
    from django.db import transaction

    olga = assigned["olga"]
    olga.first_name, olga.last_name = "Olga", "Lò Thị"
    olga.save()
    b01, b02 = tree["villages"]
    _save(olga, series["grain"], b01, value=D(1), note="cũ")
    since = AuditEvent.objects.latest("id").pk
    rows = [_row("2.1", "SL-PK-B01", value="120,50", version="1", note="Theo sổ",
                 estimate="ước thực hiện"),
            _row("2.1", "SL-PK-B02", value="80"),
            _row("7.1", "SL-PK-B01", numerator="5", denominator="50", note="Điều tra “2026”")]
    with transaction.atomic():
        assert _import(olga, resolution, rows).saved == 3
        imported = _audit_trail(since)
        transaction.set_rollback(True)
    with transaction.atomic():
        reason = "Nhập từ tệp: Trang “CSV”, dòng %d"
        _save(olga, series["grain"], b01, value=D("120.5"), note="Theo sổ", is_estimate=True,
              reason=reason % 2)
        _save(olga, series["grain"], b02, value=D(80), reason=reason % 3)
        _save(olga, series["poverty"], b01, numerator=D(5), denominator=D(50),
              note="Điều tra “2026”", reason=reason % 4)
        saved = _audit_trail(since)
        transaction.set_rollback(True)
    assert len(imported) == 3
    assert imported == saved
    update = imported[(series["grain"].pk, b01.pk, "2026")]
    assert update[0] == "value.update" and update[5]["value"] == "1" and update[2]


@pytest.mark.django_db
def test_import_query_count_does_not_grow_with_rows(assigned, series, tree, resolution):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    def queries(rows: list[dict]) -> int:
        read = read_csv(write_csv(rows))
        with transaction.atomic(), CaptureQueriesContext(connection) as ctx:
            assert values_import(actor=assigned["admin"], resolution=resolution,
                                 read=read).saved == len(rows)
            transaction.set_rollback(True)
        return len(ctx.captured_queries)

    queries([_row("2.1", "SL-PK-B02", value="1")])  # the user's roles, cached after
    one = queries([_row("2.1", "SL-PK-B01", value="1")])
    many = queries([_row("2.1", "SL-PK-B01", value="1"), _row("2.1", "SL-PK-B02", value="2"),
                    _row("2.1", "SL-PK", value="3"),
                    _row("7.1", "SL-PK-B01", numerator="1", denominator="4"),
                    _row("7.1", "SL-PK-B02", numerator="2", denominator="8")])
    assert many == one


@pytest.mark.django_db
def test_a_conflict_found_while_writing_rolls_everything_back(assigned, series, tree, resolution):
    olga = assigned["olga"]
    approved = _save(olga, series["grain"], tree["villages"][1], value=D(7)).value
    approved = services.value_submit(actor=olga, value=approved)
    services.value_approve(actor=assigned["alice"], value=approved)
    with pytest.raises(ImportRefused) as info:
        _import(olga, resolution, [_row("2.1", "SL-PK-B01", value="5"),
                                   _row("2.1", "SL-PK-B02", value="8")])
    assert "dòng 3" in str(info.value) and "đã được duyệt và khóa (hiện là 7)" in str(info.value)
    assert not DataValue.objects.filter(orgunit=tree["villages"][0]).exists()


def test_xlsx_with_exactly_the_row_limit_is_read(monkeypatch):
    """The limit counts data rows; the header row is not one (it was, for .xlsx only)."""
    monkeypatch.setattr(interchange, "MAX_ROWS", 5)
    rows = [_row("2.1", f"U{i}", value=D(i)) for i in range(5)]
    assert len(read_xlsx(write_xlsx(rows, {}, "t")).rows) == 5
    assert len(read_csv(write_csv(rows)).rows) == 5
    rows.append(_row("2.1", "U5", value=D(5)))
    for data, reader in ((write_xlsx(rows, {}, "t"), read_xlsx), (write_csv(rows), read_csv)):
        with pytest.raises(FileRefused, match="tối đa 5 dòng"):
            reader(data)


# --- #10 item 6: imports never lose silently ----------------------------------------


@pytest.mark.django_db
def test_old_template_never_overwrites_a_newer_figure(assigned, series, tree, resolution):
    bob, olga = assigned["bob"], assigned["olga"]
    village = tree["villages"][0]
    _save(bob, series["grain"], village, value=D(100), note="sổ của bản")
    old_template = _template(bob, resolution, village)
    # Olga corrects the figure after Bob downloaded his template.
    _save(olga, series["grain"], village, value=D(110), note="đã đối chiếu", expected_version=1)
    stale = _edit(old_template, {("2.1", "SL-PK-B01"): {"Giá trị": 105}})
    with pytest.raises(ImportRefused) as info:
        values_import(actor=bob, resolution=resolution, read=read_xlsx(stale))
    message = str(info.value.errors[0])
    assert "đã được olga sửa" in message and "hiện là 110" in message
    assert "đã đối chiếu" in message
    figure = DataValue.objects.get(series=series["grain"], orgunit=village)
    assert (figure.value, figure.note, figure.version) == (110, "đã đối chiếu", 2)


@pytest.mark.django_db
def test_reuploading_an_unchanged_template_keeps_submitted_figures(assigned, series, tree,
                                                                   resolution):
    bob = assigned["bob"]
    village = tree["villages"][0]
    grain = _save(bob, series["grain"], village, value=D(100), is_estimate=True).value
    services.value_submit(actor=bob, value=grain)
    _save(bob, series["poverty"], village, numerator=D(5), denominator=D(50))
    template = _template(bob, resolution, village)
    before = AuditEvent.objects.count()
    report = values_import(actor=bob, resolution=resolution, read=read_xlsx(template))
    assert (report.saved, report.unchanged) == (0, 2)
    assert DataValue.objects.get(series=series["grain"]).status == "submitted"
    assert AuditEvent.objects.count() == before
    # Approved figures in the template are no obstacle either while they are unchanged.
    services.value_approve(actor=assigned["alice"], value=DataValue.objects.get(
        series=series["grain"]))
    report = values_import(actor=bob, resolution=resolution, read=read_xlsx(template))
    assert report.unchanged == 2


@pytest.mark.django_db
def test_a_file_without_versions_says_what_it_overwrites(assigned, series, tree, resolution):
    _save(assigned["bob"], series["grain"], tree["villages"][0], value=D(100))
    hand_made = "Mã mục tiêu;Mã đơn vị;Kỳ;Giá trị\n2.1;SL-PK-B01;2026;101\n".encode()
    report = values_import(actor=assigned["bob"], resolution=resolution,
                           read=read_csv(hand_made))
    assert report.saved == 1
    assert any("thay số liệu đang có (100)" in w for w in report.warnings)
    # A file with the column but an empty cell saw no figure: it may not overwrite one.
    with pytest.raises(ImportRefused, match="hiện là 101"):
        _import(assigned["bob"], resolution, [_row("2.1", "SL-PK-B01", value="102")])


@pytest.mark.django_db
def test_api_refuses_what_it_cannot_store_and_echoes_what_it_stored(client, assigned, series,
                                                                    resolution):
    client.force_login(assigned["bob"])
    url = f"/api/v1/resolutions/{resolution.pk}/values"

    def post(**kw):
        body = {"series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026", **kw}
        return client.post(url, json.dumps(body), content_type="application/json")

    response = post(value=1e-8)
    assert response.status_code == 400
    assert "chỉ giữ 6 chữ số" in response.json()["errors"][0]["message"]
    assert not DataValue.objects.exists()
    response = post(value=1.23456789)
    assert response.status_code == 201
    assert response.json()["value"]["value"] == 1.234568
    assert DataValue.objects.get().value == D("1.234568")


@pytest.mark.django_db
def test_import_rounds_before_it_checks(assigned, series, tree, resolution):
    """A share of 100.0000004 % is 100 % once stored: accepted, stored as 100."""
    _import(assigned["bob"], resolution, [_row("7.1", "SL-PK-B01", value="100,0000004")])
    assert DataValue.objects.get().value == 100
    with pytest.raises(ImportRefused, match="chỉ giữ 6 chữ số"):
        _import(assigned["bob"], resolution, [_row("2.1", "SL-PK-B01", value="0,0000001")])


@pytest.mark.django_db
def test_notes_are_capped_alike_on_every_path(client, assigned, series, tree, resolution):
    long_note = "x" * (NOTE_MAX_CHARS + 1)
    with pytest.raises(ImportRefused) as info:
        _import(assigned["bob"], resolution, [_row("2.1", "SL-PK-B01", value="1",
                                                   note=long_note)])
    assert "cột “Nguồn, ghi chú”" in str(info.value)
    client.force_login(assigned["bob"])
    response = client.post(f"/api/v1/resolutions/{resolution.pk}/values", json.dumps({
        "series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": 1,
        "note": long_note}), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "note"
    with pytest.raises(services.InvalidValue):
        _save(assigned["bob"], series["grain"], tree["villages"][0], value=D(1), note=long_note)
    assert not DataValue.objects.exists()
    # Exactly at the cap is kept whole, not cut.
    _import(assigned["bob"], resolution, [_row("2.1", "SL-PK-B01", value="1",
                                               note="y" * NOTE_MAX_CHARS)])
    assert len(DataValue.objects.get().note) == NOTE_MAX_CHARS


# --- #14 item 6: a template people can follow ------------------------------------------


@pytest.fixture
def electrified(resolution):
    """A yes/no series each village reports: "the village has grid power"."""
    from nghiquyet.resolutions.models import DataSeries

    s = DataSeries.objects.filter(resolution=resolution).exclude(code__in=["2.1", "7.1"]).first()
    s.value_type, s.aggregation, s.reporting_unit_type, s.unit = (
        "yes_no", "count_yes", "village", "đạt/không đạt")
    s.save()
    return s


@pytest.mark.django_db
def test_template_opens_on_vietnamese_instructions(assigned, series, tree, resolution,
                                                   electrified):
    wb = load_workbook(io.BytesIO(_template(assigned["admin"], resolution, tree["villages"][0])))
    assert wb.sheetnames[0] == "Hướng dẫn" and wb.active.title == "Hướng dẫn"
    labels = [r[0] for r in wb["Hướng dẫn"].iter_rows(values_only=True) if r and r[0]]
    assert "Mã nghị quyết trong hệ thống" in labels
    assert not {"title", "resolution", "orgunit", "period"} & set(labels)
    text = " ".join(str(c) for r in wb["Hướng dẫn"].iter_rows(values_only=True) for c in r if c)
    assert "Đạt" in text and "Phiên bản" in text
    ws = wb["Số liệu"]
    header = [c.value for c in ws[1]]
    value_col = header.index("Giá trị")
    yes_no_rows = [r[0].row for r in ws.iter_rows(min_row=2)
                   if r[header.index("Mã mục tiêu")].value == electrified.code]
    assert yes_no_rows
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    cell = f"{ws.cell(row=1, column=value_col + 1).column_letter}{yes_no_rows[0]}"
    assert cell in lists['"Đạt,Chưa đạt"'].split()


@pytest.mark.django_db
def test_dat_is_accepted_for_yes_no_and_written_back(assigned, series, tree, resolution,
                                                     electrified):
    admin = assigned["admin"]
    village = tree["villages"][0]
    template = _template(admin, resolution, village)
    filled = _edit(template, {(electrified.code, "SL-PK-B01"): {"Giá trị": "Đạt"}})
    values_import(actor=admin, resolution=resolution, read=read_xlsx(filled))
    assert DataValue.objects.get(series=electrified).value == 1
    again = load_workbook(io.BytesIO(_template(admin, resolution, village)))["Số liệu"]
    assert "Đạt" in [c.value for r in again.iter_rows(min_row=2) for c in r]
    _import(admin, resolution, [_row(electrified.code, "SL-PK-B02", value="chưa đạt")])
    assert DataValue.objects.get(series=electrified, orgunit=tree["villages"][1]).value == 0
    with pytest.raises(ImportRefused, match="chỉ tiêu này cần một số"):
        _import(admin, resolution, [_row("2.1", "SL-PK-B01", value="Đạt")])
    # Above the villages the same series is a count of villages that meet it: a number.
    with pytest.raises(ImportRefused, match="chỉ tiêu này cần một số"):
        _import(admin, resolution, [_row(electrified.code, "SL-PK", value="Đạt")])
    _import(admin, resolution, [_row(electrified.code, "SL-PK", value="2")])
    assert DataValue.objects.get(series=electrified, orgunit=tree["commune"]).value == 2


@pytest.mark.django_db
def test_errors_are_listed_in_row_order(assigned, series, tree, resolution):
    rows = [_row("2.1", "SL-PK-B01", value="1"), _row("9.9", "SL-PK-B01", value="1"),
            _row("2.1", "SL-PK-B02", value="mười"), _row("2.1", "SL-PK-B01", value="2"),
            _row("2.1", "NOPE", value="x")]
    with pytest.raises(ImportRefused) as info:
        _import(assigned["olga"], resolution, rows)
    numbers = [e.row for e in info.value.errors]
    assert numbers == sorted(numbers) and len(numbers) >= 4


@pytest.mark.django_db
def test_result_page_links_to_submitting_what_was_imported(client, assigned, series, tree,
                                                           resolution):
    client.force_login(assigned["bob"])
    data = write_csv([_row("2.1", "SL-PK-B01", value="12")])
    response = client.post(reverse("figures:exchange_upload", args=[resolution.pk]),
                           {"file": SimpleUploadedFile("a.csv", data)})
    html = response.content.decode()
    submit = reverse("figures:submit_all", args=[resolution.pk])
    assert f'{submit}?unit=SL-PK-B01&amp;period=2026' in html
    assert "Bản Nà Sàng" in html
