"""Calendar dates as the records write them: one place that turns a day, month and year read from a
text (digits, possibly still strings) into an ISO date, or None when there is no such day."""

from __future__ import annotations

from datetime import date

# "18 tháng 11 năm 2025": a Vietnamese date written out, as in a dateline or a citation
VI_WRITTEN_DATE = r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
# a line that ends in the dateline ("Hà Nội, ngày 18 tháng 11 năm 2025"): the header's date cell
DATELINE_AT_END = rf"ngày\s+{VI_WRITTEN_DATE}\s*$"


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """``2025-11-18`` for (2025, 11, 18); None for a day the calendar does not have (31/4, month 13)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
