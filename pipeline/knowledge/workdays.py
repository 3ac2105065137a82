"""Vietnam's working calendar: the days an office works, for deadlines counted in working days.

Public holidays (New Year, the Tết days, Hùng Kings, 30/4, 1/5, National Day, and the days off the
government moves) come from the ``holidays`` package, which computes the lunar dates for every year.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays

# expands the years it is asked about on first use (lazily), then caches them
_PUBLIC_HOLIDAYS = holidays.country_holidays("VN")


def is_working_day(d: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return d.weekday() < 5 and d not in _PUBLIC_HOLIDAYS


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (d itself does not count)."""
    while n > 0:
        d += timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d
