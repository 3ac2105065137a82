"""Calendar dates as the texts write them and as the records write them.

The pieces of a written date live here once: the day, month and year numbers, the words "ngày", "tháng",
"năm" and the separators of a numeric date. Each stage builds its own pattern from them and keeps only what
is its own (named groups, the OCR misreadings of a scanned header, the optional year of a deadline):

* ``written_date`` — "18 tháng 11 năm 2025": the dateline (normalise, segmentation, metadata), a dated
  citation ("Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025", references), a deadline ("trước ngày 08 tháng 12
  năm 2025");
* ``day_and_month`` — "30 tháng 6", a deadline's date whose year may be left out or written "/2026";
* ``numeric_date`` — "15/12/2026", "26.10.2007", "24-5-2025": one separator throughout;
* ``iso_date`` — the record's form of a day read from any of them.
"""

from __future__ import annotations

from datetime import date

from pipeline.knowledge.patterns import NUMBER_CELL, UPPER_VI

DAY = r"\d{1,2}"
MONTH = r"\d{1,2}"
YEAR = r"\d{4}"
DAY_WORD = "ngày"
MONTH_WORD = "tháng"
YEAR_WORD = "năm"
# "quý" and its older spelling "quí" (as "kĩ", "lí" for "kỹ", "lý"): "Quí IV-2025" in a plan's time column
QUARTER_WORDS = ("quý", "quí")
QUARTER_WORD = "(?:" + "|".join(QUARTER_WORDS) + ")"
# "ngày" as a crawl that lost its accents writes it ("số 93/2025/QH15 ngay 27 tháng 6 năm 2025")
DAY_WORD_ANY_ACCENT = rf"(?:{DAY_WORD}|ngay)"
# the separator of a numeric date: "15/12/2026", "26.10.2007", "24-5-2025"
DATE_SEPARATOR = r"[/.\-]"


def named(name: str, piece: str) -> str:
    """A piece as a named group, for the stages that read the numbers back."""
    return f"(?P<{name}>{piece})"


def day_and_month(day: str = DAY, month: str = MONTH, *, gap: str = r"\s+") -> str:
    """"30 tháng 6": day, "tháng", month, with ``gap`` between the words (``\\s*`` where OCR glues them)."""
    return f"{day}{gap}{MONTH_WORD}{gap}{month}"


def written_date(day: str = DAY, month: str = MONTH, year: str = YEAR, *, gap: str = r"\s+",
                 before_year: str | None = None) -> str:
    """"18 tháng 11 năm 2025" as a regex; ``before_year`` is what may stand before "năm" (default ``gap``;
    a citation allows a comma: "ngày 5 tháng 3, năm 2025")."""
    return f"{day_and_month(day, month, gap=gap)}{gap if before_year is None else before_year}{YEAR_WORD}{gap}{year}"


def numeric_date(day: str = DAY, month: str = MONTH, year: str = YEAR, *, separator: str = "sep",
                 year_optional: bool = False) -> str:
    """"15/12/2026": day, month and year with the same separator (captured as group ``separator``) twice,
    spaces allowed around it; with ``year_optional`` the year may be left out ("ngày 22/1")."""
    tail = rf"\s*(?P={separator})\s*{year}"
    return rf"{day}\s*(?P<{separator}>{DATE_SEPARATOR})\s*{month}" + (f"(?:{tail})?" if year_optional else tail)


# "18 tháng 11 năm 2025": a Vietnamese date written out, as in a dateline or a citation
VI_WRITTEN_DATE = written_date()
# the gap between a written date's words and its numbers where OCR or a crawl glues them ("ngày 01 tháng12 năm 2025")
GLUED_GAP = r"\s*"
# a line that ends in the dateline ("Hà Nội, ngày 18 tháng 11 năm 2025"): the header's date cell; its words may be glued
# to the numbers ("Hà Tĩnh, ngày 01 tháng12 năm 2025")
DATELINE_AT_END = rf"{DAY_WORD}\s+{written_date(gap=GLUED_GAP)}\s*$"
# the same after its place's comma: a cell that ends with a cited document's date ("Thông báo số 07-TB/CQTTBCĐ ngày 15
# tháng 10 năm 2025", a task table's column of assigning texts) has none
PLACED_DATELINE_AT_END = rf",\s*{DATELINE_AT_END}"
# What may stand before a dateline on its line, as a text layer or OCR reads the header's two columns across: nothing,
# the header's rule, the motto or the number's cell ("... Hạnh phúc____ Hà Nội, ngày 30/6/2025", "Số: 2627 /QĐ-BGDĐT Hà
# Nội, ngày 17/09/2025", "Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 19/5/2026")
# (the number's part holds no slash, so the symbol splits at its first one only: a line of "1/1/1/..." costs linear time)
ACROSS_COLUMNS = rf"(?:^|[_|]\s*|-{{3,}}\s*|Hạnh\s+phúc\s+|{NUMBER_CELL}[^\s/]*\s*/\S+\s+)"
# or a line that ends with the place, in capitalised words, and the dateline, its comma left out ("Hà Nội ngày 01 tháng
# 12 năm 2025", OCR's "Số: 2676 /QĐ-BGDĐT Hà Nội ngày 24 tháng9 năm 2025")
UNPLACED_DATELINE_LINE = rf"{ACROSS_COLUMNS}(?:[{UPPER_VI}][^\s\d,;:()]*\s+){{1,6}}{DATELINE_AT_END}"
# "Hà Nội, ngày 26/11/2025": a dateline whose date another tool or house style wrote in figures, at the end of its line,
# the type's name in capitals perhaps run on after it (": QUYẾT ĐỊNH", OCR's speck before it); never after a citation
# ("Căn cứ Luật Đất đai ngày 18/01/2024": no comma before "ngày"). Groups: place, d, m, y
NUMERIC_DATELINE_LINE = (
    rf"{ACROSS_COLUMNS}(?P<place>[{UPPER_VI}][^\s\d,;:()]*(?:\s+[^\s\d,;:()]+){{0,5}}?)\s*,\s*"
    rf"{DAY_WORD_ANY_ACCENT}\s*" + numeric_date(named("d", DAY), named("m", MONTH), named("y", YEAR))
    + rf"(?:[\s:]+[{UPPER_VI}][{UPPER_VI}\s]*)?\s*$")


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """``2025-11-18`` for (2025, 11, 18); None for a day the calendar does not have (31/4, month 13)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
