"""Command-line cores, free of Django: the management commands call these.

``parse_resolution FILE [-o OUT.json]`` prints the registry read from FILE;
``parse_eval DIR`` scores the parser on NAME.txt + NAME.expected.json pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.evaluate import Score, score_targets, structure_differences
from nghiquyet.textimport.parser import parse_text
from nghiquyet.textimport.readers import ReadError, read_document

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 2
_EXPECTED_SUFFIX = ".expected.json"


class UsageError(Exception):
    pass


def parse_resolution_main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    usage = _("Cách dùng: parse_resolution TỆP [-o KẾT_QUẢ.json] [--term 2025-2030]")
    try:
        source, output, term = _parse_resolution_args(list(argv))
    except UsageError as exc:
        stderr.write(f"{exc}\n{usage}\n")
        return EXIT_USAGE
    if source is None:
        stdout.write(usage + "\n")
        return EXIT_OK
    try:
        result = parse_text(read_document(source), term=term)
    except ReadError as exc:
        stderr.write(_("Lỗi: {message}").format(message=exc.message) + "\n")
        return EXIT_UNREADABLE
    for warning in result.warnings:
        stderr.write(_("Cảnh báo: {warning}").format(warning=warning) + "\n")
    text = json.dumps(result.registry, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        stdout.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError:
        stderr.write(_("Lỗi: không ghi được tệp “{name}”.").format(name=output) + "\n")
        return EXIT_UNREADABLE
    return EXIT_OK


def parse_term(text: str) -> tuple[int, int]:
    """'2025-2030' -> (2025, 2030); a UsageError says what is wrong, in Vietnamese."""
    found = re.fullmatch(r"\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*", text)
    if found is None or int(found.group(1)) >= int(found.group(2)):
        raise UsageError(
            _("Nhiệm kỳ không hợp lệ: “{term}” (cần dạng 2025-2030).").format(term=text)
        )
    return int(found.group(1)), int(found.group(2))


def _option_value(args: list[str], option: str) -> str:
    if not args:
        raise UsageError(_("Thiếu giá trị sau {option}.").format(option=option))
    return args.pop(0)


def _parse_resolution_args(
    args: list[str],
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    source: str | None = None
    output: str | None = None
    term: tuple[int, int] | None = None
    while args:
        arg = args.pop(0)
        if arg in ("-h", "--help"):
            return None, None, None
        if arg.startswith("--term="):
            term = parse_term(arg.split("=", 1)[1])
        elif arg == "--term":
            term = parse_term(_option_value(args, arg))
        elif arg in ("-o", "--output"):
            if not args:
                raise UsageError(_("Thiếu tên tệp sau {option}.").format(option=arg))
            output = args.pop(0)
        elif arg.startswith("-") and arg != "-":
            raise UsageError(_("Tùy chọn không hợp lệ: {option}").format(option=arg))
        elif source is None:
            source = arg
        else:
            raise UsageError(_("Chỉ nhận một tệp nghị quyết."))
    if source is None:
        raise UsageError(_("Thiếu tệp nghị quyết cần đọc."))
    return source, output, term


def parse_eval_main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    usage = _(
        "Cách dùng: parse_eval THƯ_MỤC [--term 2025-2030] [--formats txt,docx,pdf] "
        "(chứa các cặp TÊN.txt và TÊN.expected.json; --term dùng cho văn bản không ghi nhiệm kỳ; "
        "--formats chấm cả TÊN.docx, TÊN.pdf nếu có)"
    )
    args = list(argv)
    if args and args[0] in ("-h", "--help"):
        stdout.write(usage + "\n")
        return EXIT_OK
    try:
        folder_arg, term, formats = _parse_eval_args(args)
    except UsageError as exc:
        stderr.write(f"{exc}\n{usage}\n")
        return EXIT_USAGE
    folder = Path(folder_arg)
    pairs = _pairs(folder)
    if not pairs:
        stderr.write(
            _("Không tìm thấy cặp TÊN.txt và TÊN.expected.json nào trong “{folder}”.").format(
                folder=folder
            )
            + "\n"
        )
        return EXIT_UNREADABLE
    total = Score(0, 0, 0)
    for name, text_path, expected_path in pairs:
        for source, label in _sources(name, text_path, formats):
            score = _score_one(label, source, expected_path, term, stdout, stderr)
            if score is None:
                return EXIT_UNREADABLE
            total += score
    stdout.write(_format_line(_("TỔNG"), total) + "\n")
    return EXIT_OK


_FORMATS = ("txt", "docx", "pdf")


def _sources(name: str, text_path: Path, formats: tuple[str, ...]) -> list[tuple[Path, str]]:
    """The files of one case to score: NAME.txt, then NAME.docx / NAME.pdf when asked for."""
    found = [(text_path, name)] if "txt" in formats else []
    for suffix in formats:
        other = text_path.with_suffix(f".{suffix}")
        if suffix != "txt" and other.is_file():
            found.append((other, f"{name}.{suffix}"))
    return found


def _parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lstrip(".").lower() for f in text.split(",") if f.strip())
    if not formats or any(f not in _FORMATS for f in formats):
        raise UsageError(
            _("Định dạng không hợp lệ: “{formats}” (chọn trong txt, docx, pdf).").format(
                formats=text
            )
        )
    return formats


def _parse_eval_args(
    args: list[str],
) -> tuple[str, tuple[int, int] | None, tuple[str, ...]]:
    folder: str | None = None
    term: tuple[int, int] | None = None
    formats: tuple[str, ...] = ("txt",)
    while args:
        arg = args.pop(0)
        if arg.startswith("--formats="):
            formats = _parse_formats(arg.split("=", 1)[1])
        elif arg == "--formats":
            formats = _parse_formats(_option_value(args, arg))
        elif arg.startswith("--term="):
            term = parse_term(arg.split("=", 1)[1])
        elif arg == "--term":
            term = parse_term(_option_value(args, arg))
        elif arg.startswith("-"):
            raise UsageError(_("Tùy chọn không hợp lệ: {option}").format(option=arg))
        elif folder is None:
            folder = arg
        else:
            raise UsageError(_("Chỉ nhận một thư mục."))
    if folder is None:
        raise UsageError(_("Thiếu thư mục cần chấm."))
    return folder, term, formats


def _pairs(folder: Path) -> list[tuple[str, Path, Path]]:
    if not folder.is_dir():
        return []
    pairs = []
    for expected in sorted(folder.glob("*" + _EXPECTED_SUFFIX)):
        name = expected.name[: -len(_EXPECTED_SUFFIX)]
        text = expected.with_name(name + ".txt")
        if text.is_file():
            pairs.append((name, text, expected))
    return pairs


def _score_one(
    name: str,
    text_path: Path,
    expected_path: Path,
    term: tuple[int, int] | None,
    stdout: TextIO,
    stderr: TextIO,
) -> Score | None:
    try:
        found = parse_text(read_document(text_path), term=term).registry
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
    except ReadError as exc:
        stderr.write(_("Lỗi: {message}").format(message=exc.message) + "\n")
        return None
    except (OSError, ValueError):
        stderr.write(_("Lỗi: không đọc được “{name}”.").format(name=expected_path.name) + "\n")
        return None
    score = score_targets(found, expected)
    line = _format_line(name, score)
    differences = structure_differences(found, expected)
    if differences:
        line += "  " + _("khác: {parts}").format(parts=", ".join(differences))
    stdout.write(line + "\n")
    return score


def _format_line(name: str, score: Score) -> str:
    return _(
        "{name}: độ chính xác {precision} ({correct}/{found}), độ phủ {recall} ({correct}/{expected})"
    ).format(
        name=name,
        precision=_percent(score.precision),
        recall=_percent(score.recall),
        correct=score.correct,
        found=score.found,
        expected=score.expected,
    )


def _percent(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",") + "%"
