"""Assessment statuses, their order, their Vietnamese labels and how they combine.

Also the one home of the method's numbers (docs/assessment.md): the thresholds
of R, the tolerance of "khoảng X", the percent cap and the rounding against
float noise. Every text that states one of them (the legends of the reports,
the notes sheet, docs/assessment.md, checked by a test) is built from these
constants.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Final

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number

# R (the share of the required pace achieved) at or above which a target is on track.
ON_TRACK_RATIO: Final[float] = 0.95
# R at or above which (and below ON_TRACK_RATIO) it needs acceleration; below, limited progress.
ACCELERATION_RATIO: Final[float] = 0.60
# R below which the figures move away from the target.
DETERIORATION_RATIO: Final[float] = 0.0
# "khoảng X" (comparator "=") is met within this share of X.
ABOUT_TOLERANCE: Final[float] = 0.05
# A projection in % is kept within 0..PERCENT_CAP while the observed values are shares.
PERCENT_CAP: Final[float] = 100.0
# Computed rates and ratios are rounded to this many decimals before any comparison.
RATIO_DECIMALS: Final[int] = 9


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction without translating it now.

    Labels are translated when read, not at import: under Django, translating
    before the app registry is ready raises, and a label frozen at import
    would ignore the request's language.
    """
    return message


class Status(StrEnum):
    """How a target stands. The values are the strings stored and exchanged.

    Members compare by how good they are (``missed`` worst, ``achieved``
    best), not alphabetically, also against the plain strings they stand
    for. ``no_data`` sits outside that order: comparing it raises TypeError,
    so a caller cannot rank a missing figure by mistake.
    """

    MISSED = "missed"
    DETERIORATION = "deterioration"
    LIMITED_PROGRESS = "limited_progress"
    NEEDS_ACCELERATION = "needs_acceleration"
    ON_TRACK = "on_track"
    ACHIEVED = "achieved"
    NO_DATA = "no_data"

    @property
    def rank(self) -> int | None:
        """0 for ``missed`` up to 5 for ``achieved``; None for ``no_data``."""
        return _RANKS.get(self)

    @property
    def label(self) -> str:
        """The customary word: "Đạt, vượt", "Có khả năng đạt", "Khó đạt", "Không đạt"."""
        return STATUS_LABELS[self]

    @property
    def method_label(self) -> str:
        """The method's finer label: "Đúng tiến độ", "Cần đẩy nhanh", "Tiến độ chậm"..."""
        return METHOD_LABELS[self]

    @property
    def full_label(self) -> str:
        """"Khó đạt (cần đẩy nhanh)": the customary word and, where it says more, the method's."""
        if self in (Status.ACHIEVED, Status.MISSED, Status.NO_DATA):
            return self.label
        return _("{label} ({method})").format(
            label=self.label, method=self.method_label[:1].lower() + self.method_label[1:]
        )

    @property
    def is_good(self) -> bool:
        """Achieved or on track: what a report counts as "đạt, vượt hoặc có khả năng đạt"."""
        return self in (Status.ACHIEVED, Status.ON_TRACK)

    def _rank_against(self, other: object) -> tuple[int, int] | None:
        # A plain string that names a status compares as that status, so that
        # Status.MISSED < "achieved" holds as it reads rather than alphabetically.
        if not isinstance(other, str):
            return None
        if other not in _VALUES:
            raise TypeError(f"not a status: {other!r}")
        mine, theirs = self.rank, Status(other).rank
        if mine is None or theirs is None:
            raise TypeError("no_data has no place in the order of statuses")
        return mine, theirs

    def __lt__(self, other: object) -> bool:
        ranks = self._rank_against(other)
        return NotImplemented if ranks is None else ranks[0] < ranks[1]

    def __le__(self, other: object) -> bool:
        ranks = self._rank_against(other)
        return NotImplemented if ranks is None else ranks[0] <= ranks[1]

    def __gt__(self, other: object) -> bool:
        ranks = self._rank_against(other)
        return NotImplemented if ranks is None else ranks[0] > ranks[1]

    def __ge__(self, other: object) -> bool:
        ranks = self._rank_against(other)
        return NotImplemented if ranks is None else ranks[0] >= ranks[1]


ORDERED_STATUSES: tuple[Status, ...] = (
    Status.MISSED,
    Status.DETERIORATION,
    Status.LIMITED_PROGRESS,
    Status.NEEDS_ACCELERATION,
    Status.ON_TRACK,
    Status.ACHIEVED,
)
_RANKS: dict[Status, int] = {status: rank for rank, status in enumerate(ORDERED_STATUSES)}
_VALUES = frozenset(status.value for status in Status)

# The words offices use when they review a resolution ("đạt, vượt / có khả năng
# đạt / khó đạt / không đạt"): what every page, report and answer shows first.
_LABEL_IDS: dict[Status, str] = {
    Status.ACHIEVED: gettext_noop("Đạt, vượt"),
    Status.ON_TRACK: gettext_noop("Có khả năng đạt"),
    Status.NEEDS_ACCELERATION: gettext_noop("Khó đạt"),
    Status.LIMITED_PROGRESS: gettext_noop("Khó đạt"),
    Status.DETERIORATION: gettext_noop("Khó đạt"),
    Status.MISSED: gettext_noop("Không đạt"),
    Status.NO_DATA: gettext_noop("Chưa đủ số liệu"),
}

# The method's own finer labels, kept in explanations and legends. "Xa dần mục
# tiêu" rather than "Đi xuống"/"Suy giảm": for a target where less is better
# (the poverty rate), "going down" is the good news, so only a direction-free
# wording reads right for every target.
_METHOD_LABEL_IDS: dict[Status, str] = {
    Status.ACHIEVED: gettext_noop("Đạt/vượt"),
    Status.ON_TRACK: gettext_noop("Đúng tiến độ"),
    Status.NEEDS_ACCELERATION: gettext_noop("Cần đẩy nhanh"),
    Status.LIMITED_PROGRESS: gettext_noop("Tiến độ chậm"),
    Status.DETERIORATION: gettext_noop("Xa dần mục tiêu"),
    Status.MISSED: gettext_noop("Không đạt"),
    Status.NO_DATA: gettext_noop("Chưa có số liệu"),
}


class _TranslatedLabels(Mapping[Status, str]):
    """A read-only mapping that translates each label when it is read."""

    def __init__(self, message_ids: Mapping[Status, str]) -> None:
        self._message_ids = dict(message_ids)

    def __getitem__(self, status: Status) -> str:
        return _(self._message_ids[Status(status)])

    def __iter__(self) -> Iterator[Status]:
        return iter(self._message_ids)

    def __len__(self) -> int:
        return len(self._message_ids)


STATUS_LABELS: Mapping[Status, str] = _TranslatedLabels(_LABEL_IDS)
METHOD_LABELS: Mapping[Status, str] = _TranslatedLabels(_METHOD_LABEL_IDS)


def worst_status(statuses: Iterable[Status | str]) -> Status:
    """The status of an indicator: the worst of its targets' statuses.

    ``no_data`` is ignored unless every target has it (or there is none):
    one missing figure must not hide that the other targets were assessed.
    """
    known = [Status(status) for status in statuses]
    ranked = [status for status in known if status is not Status.NO_DATA]
    if not ranked:
        return Status.NO_DATA
    return min(ranked, key=lambda status: _RANKS[status])


def indicator_status(statuses: Iterable[Status | str]) -> Status:
    """The status of an indicator from its targets' (docs/assessment.md, "Roll-up").

    The worst judged target decides, but a good verdict ("đạt", "có khả năng
    đạt") needs every target judged: with one target unjudged the indicator
    is ``no_data``, since the missing one may be the worst. A bad verdict
    stands on the targets that were judged (the indicator is at least that bad).
    """
    known = [Status(status) for status in statuses]
    worst = worst_status(known)
    if worst is not Status.NO_DATA and worst.is_good and Status.NO_DATA in known:
        return Status.NO_DATA
    return worst


def classify_ratio(ratio: float) -> Status:
    """Step 5 of the method: the share R of the required pace that was achieved."""
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Status.NEEDS_ACCELERATION
    if ratio >= DETERIORATION_RATIO:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _share(value: float) -> str:
    return format_number(value * 100, 0) + "%"


def status_rule(status: Status | str) -> str:
    """What a status means, in one Vietnamese sentence built from the thresholds above."""
    status = Status(status)
    rules = {
        Status.ACHIEVED: _("Số liệu gần nhất đã đạt hoặc vượt mục tiêu."),
        Status.ON_TRACK: _(
            "Chưa đạt, nhưng nhịp độ thực tế bằng từ {on_track} nhịp độ cần thiết trở lên: "
            "giữ nhịp độ này sẽ đạt mục tiêu đúng hạn."
        ),
        Status.NEEDS_ACCELERATION: _(
            "Có tiến bộ nhưng chậm: nhịp độ thực tế bằng từ {acceleration} đến dưới "
            "{on_track} nhịp độ cần thiết."
        ),
        Status.LIMITED_PROGRESS: _(
            "Tiến bộ rất chậm: nhịp độ thực tế bằng dưới {acceleration} nhịp độ cần thiết."
        ),
        Status.DETERIORATION: _("Số liệu đi ngược hướng mục tiêu so với năm cơ sở."),
        Status.MISSED: _("Đã đến hạn (hoặc năm bắt buộc đạt) mà chưa đạt mục tiêu."),
        Status.NO_DATA: _(
            "Chưa đủ số liệu để đánh giá: thiếu số liệu, số liệu mới tổng hợp được một phần "
            "(chưa đủ đơn vị hoặc chưa hết năm), hoặc có mục tiêu chưa đánh giá được."
        ),
    }
    return rules[status].format(
        on_track=_share(ON_TRACK_RATIO), acceleration=_share(ACCELERATION_RATIO)
    )
