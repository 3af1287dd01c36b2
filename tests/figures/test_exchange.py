import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures.exchange import ImportRefused, template_rows, values_import
from nghiquyet.figures.interchange import (
    FileRefused,
    read_csv,
    read_values_file,
    read_xlsx,
    write_csv,
    write_xlsx,
)
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period

P = parse_period("2026")


def _template(user, resolution, unit, **kw):
    rows = template_rows(resolution, unit, P, user, **kw)
    return write_xlsx(rows, {"resolution": str(resolution.pk)}, resolution.title)


def _fill(xlsx: bytes, values: dict[tuple[str, str], dict]) -> bytes:
    wb = load_workbook(io.BytesIO(xlsx))
    ws = wb["Số liệu"]
    header = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(header)}
    for row in ws.iter_rows(min_row=2):
        key = (row[col["Mã mục tiêu"]].value, row[col["Mã đơn vị"]].value)
        for name, value in values.get(key, {}).items():
            row[col[name]].value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_template_round_trip(assigned, series, tree, resolution):
    bob = assigned["bob"]
    village = tree["villages"][0]
    xlsx = _template(bob, resolution, village)
    read = read_xlsx(xlsx)
    assert {r.target for r in read.rows} == set()  # an empty template imports nothing
    wb = load_workbook(io.BytesIO(xlsx))
    ws = wb["Số liệu"]
    codes = [r[1].value for r in ws.iter_rows(min_row=2)]
    assert "2.1" in codes and "7.1" in codes  # the village's own series
    filled = _fill(xlsx, {("2.1", "SL-PK-B01"): {"Giá trị": 1320.5, "Ước/chính thức": "ước thực hiện"},
                          ("7.1", "SL-PK-B01"): {"Tử số": 12, "Mẫu số": "150"}})
    report = values_import(actor=bob, resolution=resolution, read=read_xlsx(filled))
    assert report.saved == 2
    grain = DataValue.objects.get(series=series["grain"])
    assert grain.value == D("1320.5") and grain.is_estimate
    poverty = DataValue.objects.get(series=series["poverty"])
    assert (poverty.numerator, poverty.denominator) == (12, 150)
    # Download again: the template is pre-filled with what is there now.
    again = read_xlsx(_template(bob, resolution, village))
    assert {r.target: r.value for r in again.rows}["2.1"] == D("1320.5")


@pytest.mark.django_db
def test_broken_file_is_refused_row_by_row_and_nothing_is_saved(assigned, series, tree, resolution):
    olga = assigned["olga"]
    xlsx = _template(olga, resolution, tree["commune"], include_subunits=True)
    filled = _fill(xlsx, {
        ("2.1", "SL-PK-B01"): {"Giá trị": 100},          # fine
        ("2.1", "SL-PK-B02"): {"Giá trị": "mười"},       # not a number
        ("7.1", "SL-PK-B01"): {"Tử số": 200, "Mẫu số": 150},  # numerator over denominator
        ("7.1", "SL-PK-B02"): {"Tử số": 5, "Mẫu số": 50, "Ước/chính thức": "có lẽ"},
    })
    with pytest.raises(ImportRefused) as info:
        values_import(actor=olga, resolution=resolution, read=read_xlsx(filled))
    messages = [str(e) for e in info.value.errors]
    assert any("cột “Giá trị”" in m and "“mười” không phải số" in m for m in messages)
    assert any("cột “Tử số”" in m and "lớn hơn mẫu số" in m for m in messages)
    assert any("cột “Ước/chính thức”" in m for m in messages)
    assert all(m.startswith("Trang “Số liệu”, dòng ") for m in messages)
    assert DataValue.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="value.").exists()


@pytest.mark.django_db
def test_rows_outside_the_users_rights_are_refused(assigned, series, tree, resolution):
    bob = assigned["bob"]
    rows = [{"target": "2.1", "orgunit": "SL-PK-B02", "period": "2026", "value": D(5)},
            {"target": "9.9", "orgunit": "SL-PK-B01", "period": "2026", "value": D(5)},
            {"target": "2.1", "orgunit": "SL-PK-B01", "period": "2040", "value": D(5)},
            {"target": "2.1", "orgunit": "NOPE", "period": "2026", "value": D(5)}]
    csv_bytes = write_csv(rows)
    with pytest.raises(ImportRefused) as info:
        values_import(actor=bob, resolution=resolution, read=read_csv(csv_bytes))
    text = "\n".join(str(e) for e in info.value.errors)
    assert "dòng 2" in text and "không được giao nhập" in text
    assert "dòng 3" in text and "không có mục tiêu mã “9.9”" in text
    assert "dòng 4" in text and "ngoài nhiệm kỳ" in text
    assert "dòng 5" in text and "không có đơn vị mã “NOPE”" in text
    assert DataValue.objects.count() == 0


@pytest.mark.django_db
def test_csv_round_trip_with_vietnamese_numbers(assigned, series, tree, resolution):
    bob = assigned["bob"]
    rows = [{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": D("1234.5"),
             "estimate": "chính thức", "note": "Theo sổ theo dõi của bản"}]
    data = write_csv(rows)
    assert "1.234,5" in data.decode("utf-8-sig")
    values_import(actor=bob, resolution=resolution, read=read_csv(data))
    assert DataValue.objects.get().value == D("1234.5")


def test_files_refused_before_reading():
    with pytest.raises(FileRefused, match="rỗng"):
        read_values_file("a.xlsx", b"", 1000)
    with pytest.raises(FileRefused, match="lớn quá"):
        read_values_file("a.csv", b"x" * 2000, 1000)
    with pytest.raises(FileRefused, match="chỉ nhận Excel"):
        read_values_file("a.pdf", b"%PDF", 1000)
    with pytest.raises(FileRefused, match="không phải .xlsx|tệp hỏng"):
        read_values_file("a.xlsx", b"PK\x03\x04 not really a zip", 10**6)
    with pytest.raises(FileRefused, match="UTF-8"):
        read_values_file("a.csv", "Mã mục tiêu".encode("utf-16"), 10**6)
    with pytest.raises(FileRefused, match="thiếu dòng tiêu đề"):
        read_values_file("a.csv", b"a,b,c\n1,2,3\n", 10**6)


def test_xlsx_zip_bomb_is_refused():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(FileRefused, match="quá lớn"):
        read_values_file("bomb.xlsx", buf.getvalue(), 10 * 1024 * 1024)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=14), max_size=6))
def test_any_csv_reads_or_is_refused_cleanly(table):
    import csv

    buf = io.StringIO()
    csv.writer(buf).writerows([["Mã mục tiêu", "Mã đơn vị", "Kỳ", "Giá trị"], *table])
    try:
        result = read_csv(buf.getvalue().encode())
    except FileRefused:
        return
    for e in result.errors:
        assert e.row >= 2 and e.message


@pytest.mark.django_db
def test_web_upload_refuses_and_accepts(client, assigned, series, tree, resolution):
    client.force_login(assigned["bob"])
    url = reverse("figures:exchange_upload", args=[resolution.pk])
    bad = write_csv([{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": "-5"}])
    response = client.post(url, {"file": SimpleUploadedFile("so-lieu.csv", bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "chưa lưu dòng nào" in html and "Không được là số âm" in html
    good = write_csv([{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": "1.200"}])
    response = client.post(url, {"file": SimpleUploadedFile("so-lieu.csv", good)})
    assert response.status_code == 200 and "Đã nhập 1 số liệu" in response.content.decode()
    download = client.get(reverse("figures:exchange", args=[resolution.pk])
                          + "?download=1&unit=SL-PK-B01&period=2026")
    assert download["Content-Disposition"].endswith('.xlsx"')
    assert any(r.value == 1200 for r in read_xlsx(download.content).rows)


@pytest.mark.django_db
def test_cli_import_and_export(tmp_path, assigned, series, tree, resolution, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(write_csv([{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026",
                                 "value": "1.200"}]))
    call_command("import_values", str(good), "--resolution", str(resolution.pk), "--user", "bob")
    assert "Đã nhập 1 số liệu" in capsys.readouterr().out
    out = tmp_path / "all.xlsx"
    call_command("export_values", str(resolution.pk), "-o", str(out))
    assert [r.value for r in read_xlsx(out.read_bytes()).rows] == [1200]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(write_csv([{"target": "2.1", "orgunit": "SL-PK-B02", "period": "2026",
                                "value": "1"}]))
    with pytest.raises(CommandError, match="chưa lưu dòng nào"):
        call_command("import_values", str(bad), "--resolution", str(resolution.pk), "--user", "bob")
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("import_values", str(good), "--resolution", str(resolution.pk), "--user", "x")


@pytest.mark.django_db
def test_streamed_upload_shows_progress_then_the_result(client, assigned, series, tree, resolution):
    client.force_login(assigned["olga"])
    url = reverse("figures:exchange_upload", args=[resolution.pk])
    rows = [{"target": "2.1", "orgunit": code, "period": "2026", "value": "12"}
            for code in ("SL-PK-B01", "SL-PK-B02")]
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", write_csv(rows))},
                           HTTP_X_PROGRESS_STREAM="1")
    body = b"".join(response.streaming_content).decode()
    progress, _, page = body.partition("DONE\n")
    assert progress.splitlines() == ["P 2 2"]
    assert "Đã nhập 2 số liệu" in page
    bad = [{"target": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "value": "-1"}]
    response = client.post(url, {"file": SimpleUploadedFile("b.csv", write_csv(bad))},
                           HTTP_X_PROGRESS_STREAM="1")
    progress, _, page = b"".join(response.streaming_content).decode().partition("DONE\n")
    assert progress == "" and "chưa lưu dòng nào" in page
    assert DataValue.objects.filter(value=-1).count() == 0
