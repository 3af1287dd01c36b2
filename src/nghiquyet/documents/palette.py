"""Status colours shared by the charts, the Word annex and the Excel annex.

Darker means worse, so the order still reads when printed in greyscale.
"""

from __future__ import annotations

from typing import Final

from nghiquyet.progress import Status

# Chart bars (white text can sit on them).
STATUS_COLOURS: Final[dict[Status, str]] = {
    Status.ACHIEVED: "1B7837",
    Status.ON_TRACK: "5AAE61",
    Status.NEEDS_ACCELERATION: "F1A340",
    Status.LIMITED_PROGRESS: "E66101",
    Status.DETERIORATION: "B2182B",
    Status.MISSED: "67001F",
    Status.NO_DATA: "BABABA",
}

# Table cell fills (black text must stay readable on them).
STATUS_TINTS: Final[dict[Status, str]] = {
    Status.ACHIEVED: "C7E9C0",
    Status.ON_TRACK: "E5F5E0",
    Status.NEEDS_ACCELERATION: "FEE6CE",
    Status.LIMITED_PROGRESS: "FDD0A2",
    Status.DETERIORATION: "FCBBA1",
    Status.MISSED: "F4A582",
    Status.NO_DATA: "EEEEEE",
}

GROUP_FILL: Final[str] = "D9D9D9"
HEADER_FILL: Final[str] = "F2F2F2"
