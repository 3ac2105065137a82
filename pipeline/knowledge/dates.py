"""Calendar dates as the records write them: one place that turns a day, month and year read from a
text (digits, possibly still strings) into an ISO date, or None when there is no such day."""

from __future__ import annotations

from datetime import date


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """``2025-11-18`` for (2025, 11, 18); None for a day the calendar does not have (31/4, month 13)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
