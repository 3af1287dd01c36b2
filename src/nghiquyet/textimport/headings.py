"""Headings that open or close the parts of a resolution the registry needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.textimport.markers import COUNT_WORDS, LINE_FAMILIES, Marker, match_marker

_FLAGS = re.IGNORECASE
INDICATOR_HEADING = re.compile(
    r"^(?:(?:các|một số|nhóm|hệ thống)\s+)?(?:mục tiêu\s*,\s*)?chỉ tiêu"
    r"(?:\s+(?:kinh tế\s*[-–]\s*xã hội|phát triển(?:\s+kinh tế\s*[-–]\s*xã hội)?))?"
    r"\s+(?:chủ yếu|chính|cơ bản|cụ thể|phấn đấu|trọng tâm)\b(?P<tail>.*)$"
    r"|^(?:các\s+)?mục tiêu\s+cụ thể\b(?P<tail2>.*)$"
    r"|^(?:các|những)\s+chỉ tiêu\s*(?P<tail3>(?:\([^)]*\))?\s*(?::.*)?)$",
    _FLAGS,
)
BREAKTHROUGH_HEADING = re.compile(
    r"^(?:(?:các|những|\d{1,2}|hai|ba|bốn|năm|sáu|bảy)\s+)?"
    r"(?:(?:khâu|nhiệm vụ|lĩnh vực|nội dung|giải pháp|chương trình|điểm)\s+)?đột phá\b(?P<tail>.*)$",
    _FLAGS,
)
TASK_HEADING = re.compile(
    r"^(?:(?:các|những)\s+)?(?:nhóm\s+)?nhiệm vụ(?:\s*,\s*giải pháp|\s+và\s+giải pháp)?"
    r"(?:\s+(?:chủ yếu|trọng tâm|trọng yếu|chính|cơ bản|cụ thể)\b|(?=\s*(?::|$)))(?P<tail>.*)$",
    _FLAGS,
)
# Lines that end any list: closing sections, signatures, the decision's other articles.
_CLOSING = re.compile(
    r"^(?:(?:nơi nhận|t/m|quyết nghị|mục tiêu tổng quát|tổ chức thực hiện|nghị quyết này|"
    r"đại hội (?:giao|kêu gọi|nhất trí|thông qua|tán thành)|giao (?:ban|cho))\b"
    r"|(?:các|những)\s+(?:chỉ tiêu|mục tiêu)\s+(?:nêu\s+)?trên\b"
    r"|tm\.|phương hướng\b.{0,60}$|(?:các\s+)?(?:nhóm\s+)?giải pháp(?:\s+chủ yếu)?\s*:?\s*$)",
    _FLAGS,
)
# Words in a heading's tail that show it assesses the past instead of setting targets.
_PAST = re.compile(
    r"chưa|không đạt|hạn chế|yếu kém|đạt được|đã đạt|kết quả|thực hiện được|còn thấp", _FLAGS
)
DECLARED_COUNT = re.compile(r"(?<![\d/])(\d{1,3})\s+(?:chỉ tiêu|khâu|nhiệm vụ)\b", _FLAGS)
_MAX_TAIL = 110


@dataclass(frozen=True)
class Heading:
    line_start: int  # offset of the heading line
    body_start: int  # where the section's own text begins
    text: str  # the heading line, whitespace-normalised


def strip_marker(text: str) -> tuple[Marker | None, str]:
    marker = match_marker(text, 0, LINE_FAMILIES, line_start=True)
    return marker, (text[marker.end :] if marker else text).strip()


def heading_words(line: str) -> str | None:
    """The words of ``line`` if it can be a heading: marked, or starting with a capital.

    A line wrapped out of a sentence ("chỉ tiêu chủ yếu trong nhiệm kỳ tới ...")
    starts in lower case and is no heading.
    """
    marker, rest = strip_marker(line)
    if marker is None and not rest[:1].isupper():
        return None
    return rest


def heading_tail(pattern: re.Pattern[str], text: str) -> str | None:
    """The words after the heading phrase, or None when ``text`` is not that heading."""
    found = pattern.match(text)
    if found is None:
        return None
    tail = next((g for g in found.groups() if g is not None), "")
    head = tail.split(":", 1)[0]
    if _PAST.search(head) or len(head) > _MAX_TAIL:
        return None
    return tail


def is_closing(rest: str) -> bool:
    return bool(_CLOSING.match(rest))


def is_other_heading(rest: str, *patterns: re.Pattern[str]) -> bool:
    return any(heading_tail(p, rest) is not None for p in patterns) or is_closing(rest)


def declared_count(text: str) -> int | None:
    """'(24 chỉ tiêu)', '04 khâu đột phá', 'Ba khâu đột phá' -> the number announced."""
    if found := DECLARED_COUNT.search(text):
        return int(found.group(1))
    words = re.search(
        r"\b(hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)\s+(?:khâu|nhiệm vụ|chỉ tiêu)\b", text, _FLAGS
    )
    return COUNT_WORDS.get(words.group(1).lower()) if words else None
