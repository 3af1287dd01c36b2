"""Which figures a page, a report, an API answer or the CLI reads. Django-free.

One named choice with one default for every door, so that the dashboard, the
report, ``assess`` and the API never give the same target two statuses
(docs/assessment.md, "Which figures"):

- ``approved``: only figures approved by a leader (the default);
- ``all``: every figure entered, including drafts and figures waiting for
  approval.

The default is ``approved``: a status that an official may copy into a signed
report must rest on figures that someone answerable has approved, and must not
change because a village head is half-way through typing. Entry staff who want
to see the effect of their drafts ask for ``all``, and every output says which
set it used.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from nghiquyet.lib.i18n import gettext as _


class FigureSet(StrEnum):
    APPROVED = "approved"
    ALL = "all"

    @property
    def approved_only(self) -> bool:
        return self is FigureSet.APPROVED

    @property
    def label(self) -> str:
        """Short, for pickers and badges."""
        if self is FigureSet.APPROVED:
            return _("Chỉ số liệu đã phê duyệt")
        return _("Tất cả số liệu (kể cả đang nhập, chờ duyệt)")

    @property
    def note(self) -> str:
        """One sentence every output carries."""
        if self is FigureSet.APPROVED:
            return _("Số liệu sử dụng: chỉ số liệu đã được phê duyệt.")
        return _("Số liệu sử dụng: tất cả số liệu đã nhập, kể cả số liệu đang nhập và chờ "
                 "duyệt; số liệu có thể còn thay đổi.")


DEFAULT_FIGURE_SET: Final[FigureSet] = FigureSet.APPROVED


def figure_set(approved_only: bool) -> FigureSet:
    return FigureSet.APPROVED if approved_only else FigureSet.ALL


def parse_figure_set(text: str | None) -> FigureSet:
    """``approved``/``all`` (empty: the default); ValueError with a Vietnamese message."""
    if text is None or not str(text).strip():
        return DEFAULT_FIGURE_SET
    try:
        return FigureSet(str(text).strip().lower())
    except ValueError:
        raise ValueError(_("Bộ số liệu “{text}” không hợp lệ: chọn approved (chỉ số liệu đã phê "
                           "duyệt) hoặc all (tất cả số liệu).").format(text=text)) from None
