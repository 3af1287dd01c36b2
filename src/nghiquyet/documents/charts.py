"""Chart images (PNG) for the Word report, drawn with matplotlib.

The object API (``Figure(...).savefig``) is used instead of pyplot:
it keeps no global figure state, so charts can be drawn from several threads
of a web server, and it needs no display.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Final

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number

from .data import STATUSES, ReportData, ReportGroup, Status, status_label
from .palette import STATUS_COLOURS
from .wording import numbered_targets


# DejaVu ships inside matplotlib and has every Vietnamese glyph, so charts
# look the same on any server, whatever fonts the system has.
def _style() -> AbstractContextManager[None]:
    import matplotlib  # loaded on first chart, not when the package is imported

    return matplotlib.rc_context({"font.family": "DejaVu Sans", "font.size": 9})


_DPI: Final[int] = 150
# Above this many targets a bar per target no longer fits a landscape page legibly.
MAX_TARGET_BARS: Final[int] = 40
MAX_GROUP_BARS: Final[int] = 12
_LABEL_CHARS: Final[int] = 60


def status_by_group_chart(data: ReportData, *, width_cm: float = 16.0) -> bytes | None:
    """Stacked horizontal bars: how many indicators of each group have each status.

    A province-wide report repeats the groups per commune; its bars then add
    up the groups that share a code. None when there is still too much to draw.
    """
    bars = _group_bars(data.groups)
    if not bars or len(bars) > MAX_GROUP_BARS:
        return None
    with _style():
        height_cm = 3.6 + 1.1 * len(bars)
        fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=_DPI)
        ax = fig.add_subplot()
        positions = list(range(len(bars)))[::-1]  # first group on top
        lefts = [0] * len(bars)
        for status in STATUSES:
            counts = [bar_counts[status] for _name, bar_counts in bars]
            if not any(counts):
                continue
            ax.barh(
                positions,
                counts,
                left=lefts,
                color="#" + STATUS_COLOURS[status],
                label=status_label(status),
                height=0.6,
                edgecolor="white",
            )
            for pos, left, count in zip(positions, lefts, counts, strict=True):
                if count:
                    ax.text(
                        left + count / 2,
                        pos,
                        str(count),
                        ha="center",
                        va="center",
                        color="white",
                        fontsize=8,
                        fontweight="bold",
                    )
            lefts = [a + b for a, b in zip(lefts, counts, strict=True)]
        ax.set_yticks(positions, [_wrap(name, 30) for name, _counts in bars], fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(_("Số chỉ tiêu"))
        ax.set_title(_with_note(_("Đánh giá các chỉ tiêu theo nhóm"), data), fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        fig.legend(loc="lower center", ncol=4, fontsize=7, frameon=False)
        # Leave the bottom strip to the legend so it never covers the axis label.
        fig.tight_layout(rect=(0, 1.3 / height_cm, 1, 1))
        return _png(fig)


def _group_bars(groups: Sequence[ReportGroup]) -> list[tuple[str, dict[Status, int]]]:
    """(name, status counts) per group, or per group code when there are many groups."""
    by_code = len(groups) > MAX_GROUP_BARS
    bars: dict[str, dict[Status, int]] = {}
    members: dict[str, int] = {}
    for index, group in enumerate(groups):
        key = group.code if by_code else str(index)
        counts = bars.setdefault(key, dict.fromkeys(STATUSES, 0))
        members[key] = members.get(key, 0) + 1
        for indicator in group.indicators:
            counts[indicator.status] += 1
    if by_code:
        return [
            (_("{code}) tổng hợp {n} nhóm").format(code=key, n=members[key]), counts)
            for key, counts in bars.items()
        ]
    return [(f"{g.code}) {g.title}", bars[str(i)]) for i, g in enumerate(groups)]


def percent_of_target_chart(data: ReportData, *, width_cm: float = 24.0) -> bytes | None:
    """One bar per target: its latest figure as a % of the target, coloured by status.

    None when no target has a percentage, or too many to draw legibly.
    """
    rows = [(n, t) for n, t in numbered_targets(data) if t.percent_of_target is not None]
    if not rows or len(rows) > MAX_TARGET_BARS:
        return None
    with _style():
        height_cm = 3.6 + 0.30 * len(rows)
        fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=_DPI)
        ax = fig.add_subplot()
        positions = list(range(len(rows)))[::-1]
        values = [min(t.percent_of_target or 0.0, 150.0) for _n, t in rows]
        colours = ["#" + STATUS_COLOURS[t.status] for _n, t in rows]
        ax.barh(positions, values, color=colours, height=0.7)
        for pos, (_number, target) in zip(positions, rows, strict=True):
            ax.text(
                min(target.percent_of_target or 0.0, 150.0) + 1,
                pos,
                format_number(round(target.percent_of_target or 0.0, 1)),
                va="center",
                fontsize=7,
            )
        ax.axvline(100, color="black", linewidth=0.8, linestyle="--")
        present = [s for s in STATUSES if any(t.status == s for _n, t in rows)]
        handles = [Patch(color="#" + STATUS_COLOURS[s], label=status_label(s)) for s in present]
        fig.legend(
            handles=handles, loc="lower center", ncol=len(handles), fontsize=7, frameon=False
        )
        ax.set_yticks(
            positions, [_short(f"{n} {t.label}", _LABEL_CHARS) for n, t in rows], fontsize=7
        )
        ax.set_xlim(0, max(115.0, max(values) + 15))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x) + "%"))
        ax.set_xlabel(_("Kết quả gần nhất so với mục tiêu (%)"))
        ax.set_title(
            _with_note(_("Mức độ đạt so với mục tiêu của từng chỉ tiêu"), data), fontsize=10
        )
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout(rect=(0, 0.8 / height_cm, 1, 1))
        return _png(fig)


def _with_note(title: str, data: ReportData) -> str:
    return f"{title}\n({_('số liệu minh họa')})" if data.illustrative else title


def _wrap(text: str, width: int) -> str:
    """At most two lines; a longer name is cut with an ellipsis."""
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], _short(" ".join(lines[1:]), width)]
    return "\n".join(lines)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")  # Agg, whatever backend pyplot would pick
    return buffer.getvalue()
