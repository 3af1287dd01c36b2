"""The command-line cores the management commands wrap."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

from nghiquyet.textimport.cli import parse_eval_main, parse_resolution_main
from tests.textimport.helpers import (
    CORPUS,
    LAYOUTS,
    SEED,
    compared,
    layout_expected,
    seed_expected,
)


def run(main, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_parse_resolution_prints_the_registry():
    code, out, err = run(parse_resolution_main, f"{SEED}.txt")
    assert code == 0
    assert err == ""
    assert compared(json.loads(out)) == compared(seed_expected())
    assert "Phiêng Khoài" in out  # ensure_ascii=False
    assert out.startswith('{\n  "format": "nghiquyet.registry/1"')


def test_parse_resolution_writes_the_output_file_and_warnings_to_stderr(tmp_path):
    target = tmp_path / "ket-qua.json"
    code, out, err = run(
        parse_resolution_main, str(CORPUS / "05-ea-khuong-2025-2030.txt"), "-o", str(target)
    )
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["declared_indicator_count"] == 20
    assert err.splitlines() == [
        "Cảnh báo: [declared_count_mismatch] Nghị quyết nêu 20 chỉ tiêu nhưng tìm thấy 19.",
        "Cảnh báo: [group_count_mismatch] Nhóm b) “Các chỉ tiêu về văn hóa - xã hội, môi trường” "
        "nêu 7 chỉ tiêu nhưng tìm thấy 6.",
    ]


def test_parse_resolution_unreadable_file(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    code, out, err = run(parse_resolution_main, str(empty))
    assert code == 1
    assert out == ""
    assert err == "Lỗi: Tệp “rong.txt” rỗng.\n"


def test_parse_resolution_usage_errors():
    assert run(parse_resolution_main)[0] == 2
    code, _out, err = run(parse_resolution_main, "a.txt", "-o")
    assert code == 2 and "Thiếu tên tệp sau -o" in err
    code, _out, err = run(parse_resolution_main, "--la")
    assert code == 2 and "Tùy chọn không hợp lệ: --la" in err
    assert run(parse_resolution_main, "-h")[1].startswith("Cách dùng:")


def test_parse_eval_scores_the_corpus_and_ends_with_the_total():
    code, out, err = run(parse_eval_main, str(CORPUS))
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert len(lines) == 7
    assert lines[0] == ("01-nam-khoa-2025-2030: độ chính xác 100,0% (24/24), độ phủ 100,0% (24/24)")
    assert lines[-1] == "TỔNG: độ chính xác 100,0% (135/135), độ phủ 100,0% (135/135)"


def test_parse_eval_reports_misses(tmp_path):
    shutil.copy(f"{SEED}.txt", tmp_path / "seed.txt")
    expected = seed_expected()
    expected["indicators"][0]["targets"][0]["value"] = 6  # the text says 5%
    expected["tasks"].pop()
    (tmp_path / "seed.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False), encoding="utf-8"
    )
    code, out, _err = run(parse_eval_main, str(tmp_path))
    assert code == 0
    assert out.splitlines()[0] == (
        "seed: độ chính xác 97,3% (36/37), độ phủ 97,3% (36/37)  khác: tasks"
    )


def test_parse_eval_empty_folder(tmp_path):
    code, _out, err = run(parse_eval_main, str(tmp_path))
    assert code == 1 and "Không tìm thấy cặp" in err
    assert run(parse_eval_main)[0] == 2


def test_runs_as_a_module():
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "nghiquyet.textimport", f"{SEED}.txt"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["declared_indicator_count"] == 24


def test_parse_resolution_takes_the_term_the_text_does_not_state():
    extract = str(LAYOUTS / "12-na-pheo-2025-2030.txt")
    code, out, err = run(parse_resolution_main, extract, "--term", "2025-2030")
    assert code == 0
    assert compared(json.loads(out)) == compared(layout_expected("12-na-pheo-2025-2030"))
    assert "term_not_found" not in err
    code, out, err = run(parse_resolution_main, extract)
    years = {t["year"] for i in json.loads(out)["indicators"] for t in i["targets"]}
    assert years == {None, 2028}
    assert "[term_not_found]" in err and "[deadline_unknown]" in err


def test_parse_resolution_refuses_a_malformed_term():
    for bad in ("2030-2025", "2025", "hai nghìn"):
        code, _out, err = run(parse_resolution_main, f"{SEED}.txt", "--term", bad)
        assert code == 2
        assert "Nhiệm kỳ không hợp lệ" in err
    code, _out, err = run(parse_resolution_main, f"{SEED}.txt", "--term")
    assert code == 2 and "Thiếu giá trị sau --term" in err


def test_parse_eval_with_a_term_scores_every_layout_exactly():
    code, out, err = run(parse_eval_main, str(LAYOUTS), "--term=2025-2030")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 7
    assert all("100,0%" in line and "khác" not in line for line in lines)
    assert lines[-1] == "TỔNG: độ chính xác 100,0% (82/82), độ phủ 100,0% (82/82)"


def test_parse_eval_scores_word_and_pdf_files_when_asked():
    code, out, err = run(
        parse_eval_main, str(LAYOUTS), "--term", "2025-2030", "--formats", "txt,docx,pdf"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert (
        "11-dong-lung-2025-2030.docx: độ chính xác 100,0% (14/14), độ phủ 100,0% (14/14)" in lines
    )
    assert "11-dong-lung-2025-2030.pdf: độ chính xác 100,0% (14/14), độ phủ 100,0% (14/14)" in lines
    assert lines[-1] == "TỔNG: độ chính xác 100,0% (110/110), độ phủ 100,0% (110/110)"
    code, _out, err = run(parse_eval_main, str(LAYOUTS), "--formats", "doc")
    assert code == 2 and "Định dạng không hợp lệ" in err
