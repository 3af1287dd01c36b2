"""Checks a reviewer's registry needs again after every edit, and the names of the layouts.

The parser's warnings describe the text as it was read. Once a reviewer edits
the registry, some of them are settled (a target was added where none was
found) and new ones may arise (a label cut mid-phrase, a target without a
year). ``recheck_warnings`` recomputes what can be judged from the registry
alone and keeps the parser's remarks only for indicators the reviewer has not
touched.
"""

from __future__ import annotations

import re
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import ParseWarning, WarningLog

# Warnings that depend only on the registry, recomputed after every edit.
REGISTRY_CODES = frozenset(
    {
        "declared_count_mismatch",
        "group_count_mismatch",
        "no_figure",
        "missing_unit",
        "deadline_unknown",
        "label_incomplete",
    }
)

# Words a label cannot end on: it was cut in the middle of a phrase.
_DANGLING = re.compile(
    r"(?:^|\s)(?:và|hoặc|của|cho|với|trong|ngoài|theo|từ|đến|tới|tại|trên|dưới|về|các|những|"
    r"mỗi|được|bị|là|có|đạt|để|do|bằng|so|so với|như|nhưng|mà|thì|hay|cùng|gồm|trong đó)\s*$",
    re.IGNORECASE,
)
_DANGLING_MARK = re.compile(r"[,;:(\-–/+]\s*$")


def layout_name(layout: str | None) -> str:
    """The layout the parser recognised, for the reviewer."""
    names = {
        "list": _("danh sách đánh số"),
        "letters": _("danh sách đánh chữ a), b), ... theo từng nhóm"),
        "bullets": _("danh sách gạch đầu dòng"),
        "table": _("bảng (STT | Chỉ tiêu | Đơn vị tính | ... | Mục tiêu)"),
        "prose": _("đoạn văn, mỗi câu có số liệu là một chỉ tiêu"),
        "paragraph": _("một đoạn, các chỉ tiêu cách nhau bằng dấu chấm phẩy"),
    }
    return names.get(layout or "", _("không nhận dạng được"))


def label_is_incomplete(label: str) -> bool:
    """A label cut mid-phrase ("Tỷ lệ hộ dân được"), or with a bracket left open."""
    text = " ".join((label or "").split())
    if not text:
        return False
    if text.count("(") > text.count(")") or text.count("“") > text.count("”"):
        return True
    if text.count('"') % 2:
        return True
    return bool(_DANGLING.search(text) or _DANGLING_MARK.search(text))


def registry_warnings(registry: dict[str, Any]) -> list[ParseWarning]:
    """What can be judged from the registry alone, in Vietnamese, by indicator."""
    log = WarningLog()
    indicators = registry.get("indicators") or []
    _count_warnings(registry, indicators, log)
    for indicator in indicators:
        number = indicator.get("number")
        targets = indicator.get("targets") or []
        if not targets:
            log.add(
                "no_figure",
                _("Không tìm thấy chỉ tiêu đo được (số liệu) trong mục này."),
                number,
                indicator.get("text") or None,
            )
        for target in targets:
            _target_warnings(number, target, log)
    return log.items


def _count_warnings(registry: dict[str, Any], indicators: list[Any], log: WarningLog) -> None:
    declared = registry.get("declared_indicator_count")
    if declared is not None and declared != len(indicators):
        log.add(
            "declared_count_mismatch",
            _("Nghị quyết nêu {declared} chỉ tiêu nhưng tìm thấy {found}.").format(
                declared=declared, found=len(indicators)
            ),
        )
    for group in registry.get("groups") or []:
        found = sum(1 for i in indicators if i.get("group") == group.get("code"))
        if group.get("declared_count") is not None and group["declared_count"] != found:
            log.add(
                "group_count_mismatch",
                _("Nhóm {code}) “{title}” nêu {declared} chỉ tiêu nhưng tìm thấy {found}.").format(
                    code=group.get("code"),
                    title=group.get("title"),
                    declared=group["declared_count"],
                    found=found,
                ),
            )


def _target_warnings(number: Any, target: dict[str, Any], log: WarningLog) -> None:
    label = target.get("label") or ""
    if target.get("value") is not None and not target.get("unit"):
        log.add("missing_unit", _("Không rõ đơn vị tính của số liệu."), number, label or None)
    if target.get("year") is None:
        log.add(
            "deadline_unknown",
            _("Không rõ năm phải đạt (văn bản không ghi nhiệm kỳ): đã để trống thời hạn."),
            number,
            label or None,
        )
    if label_is_incomplete(label):
        log.add(
            "label_incomplete",
            _("Tên chỉ tiêu có vẻ bị cắt giữa chừng hoặc còn ngoặc chưa đóng; cần sửa lại."),
            number,
            label,
        )


def recheck_warnings(
    warnings: list[dict[str, Any]], old: dict[str, Any], new: dict[str, Any]
) -> list[dict[str, Any]]:
    """The warnings of ``new`` after a reviewer's edit of ``old``.

    Registry checks are recomputed; the parser's remarks about the text stay for
    indicators whose text and targets the reviewer left as they were, and for
    the document as a whole.
    """
    unchanged = {
        mine.get("number") for theirs, mine in _pairs(old, new) if _same_indicator(theirs, mine)
    }
    kept = [
        w
        for w in warnings
        if w.get("code") not in REGISTRY_CODES
        and (w.get("indicator") is None or w.get("indicator") in unchanged)
    ]
    fresh = [w.to_dict() for w in registry_warnings(new)]
    return kept + fresh


def _pairs(
    old: dict[str, Any], new: dict[str, Any]
) -> list[tuple[dict[str, Any] | None, dict[str, Any]]]:
    """Each new indicator with the one it was: by position when the list kept its length
    (the review form edits fields, so a renumbered indicator is the same one), else by number.
    """
    before = old.get("indicators") or []
    after = new.get("indicators") or []
    if len(before) == len(after):
        return list(zip(before, after, strict=True))
    by_number = {i.get("number"): i for i in before}
    return [(by_number.get(i.get("number")), i) for i in after]


def _same_indicator(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    if old is None:
        return False
    return old.get("text") == new.get("text") and old.get("targets") == new.get("targets")
