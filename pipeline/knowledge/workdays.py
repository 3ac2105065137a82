"""Vietnam's working calendar: the days an office works, for deadlines counted in working days.

Public holidays (New Year, the Tết days, Hùng Kings, 30/4, 1/5, National Day, and the days off the
government moves) come from the ``holidays`` package, which computes the lunar dates for every year.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


@cache
def _public_holidays():
    """Vietnam's holidays; imported on first use (few documents count working days, and the package
    costs about 9 MB of memory per process). The calendar expands the years it is asked about, then
    caches them."""
    import holidays

    return holidays.country_holidays("VN")


def is_working_day(d: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return d.weekday() < 5 and d not in _public_holidays()


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (d itself does not count)."""
    while n > 0:
        d += timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d
