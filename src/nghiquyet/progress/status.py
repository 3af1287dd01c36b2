"""Assessment statuses, their order, their Vietnamese labels and how they combine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum

from nghiquyet.lib.i18n import gettext as _


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
        return STATUS_LABELS[self]

    @property
    def is_good(self) -> bool:
        """Achieved or on track: what a report counts as "đạt hoặc đúng tiến độ"."""
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

# "Xa dần mục tiêu" rather than "Đi xuống"/"Suy giảm": for a target where
# less is better (the poverty rate), "going down" is the good news, so only a
# direction-free wording reads right for every target.
_LABEL_IDS: dict[Status, str] = {
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


def classify_ratio(ratio: float) -> Status:
    """Step 5 of the method: the share R of the required pace that was achieved."""
    if ratio >= 0.95:
        return Status.ON_TRACK
    if ratio >= 0.60:
        return Status.NEEDS_ACCELERATION
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION
