"""Which year a page opens on: the current year, held inside a resolution's term.

The one home of "today" for defaults: the deployment's local date
(``TIME_ZONE``, Asia/Ho_Chi_Minh), never the server's ``date.today()``, which is
a day off around midnight on a UTC server.
"""

from __future__ import annotations

from django.utils import timezone


def this_year() -> int:
    return timezone.localdate().year


def year_in_term(term_start: int, term_end: int, year: int | None = None, *,
                 assessable: bool = False) -> int:
    """``year`` (default: this year) clamped to the term.

    ``assessable`` starts at the year after the baseline: the baseline year itself
    has nothing to judge, while figures may still be entered for it.
    """
    first = term_start + 1 if assessable else term_start
    wanted = this_year() if year is None else year
    return min(max(wanted, first), max(first, term_end))
