"""The shared knowledge: the motto patterns and the working calendar (public holidays of Vietnam)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.extract.deadlines import find_deadlines
from pipeline.knowledge.dates import DATELINE_AT_END, VI_WRITTEN_DATE, iso_date
from pipeline.knowledge.motto import HEADER_MOTTO, MOTTO_LINE, MOTTO_WORDS
from pipeline.knowledge.workdays import add_working_days, is_working_day

# line, is it where the page header ends (clean-up), is it a motto line (segmentation, metadata)
MOTTO_CASES = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", True, True),
    ("Độc lập - Tự do - Hạnh phúc", False, True),
    ("SOCIALIST REPUBLIC OF VIETNAM", False, True),
    ("Independence - Freedom - Happiness", False, True),
    ("UỶ BAN NHÂN DÂN TỈNH ĐỒNG NAI", False, False),
    ("Cộng đồng dân cư thực hiện", False, False),
]


@pytest.mark.parametrize(("line", "header", "motto_line"), MOTTO_CASES)
def test_motto_variants(line: str, header: bool, motto_line: bool) -> None:
    assert bool(HEADER_MOTTO.search(line)) is header
    assert bool(MOTTO_LINE.search(line)) is motto_line


def test_motto_words_tell_the_motto_column() -> None:
    assert MOTTO_WORDS >= {w.upper() for w in "CỘNG HÒA".split()}
    assert not MOTTO_WORDS & set("UBND TỈNH QUẢNG NINH".split())


# start, working days, due: Tết 2025 (27/1 - 31/1 off), 30/4 - 2/5 2025, an ordinary week
WORKING_DAY_CASES = [
    ("2025-01-22", 5, "2025-02-05"),
    ("2025-04-28", 3, "2025-05-06"),
    ("2025-11-18", 5, "2025-11-25"),
    ("2025-08-29", 1, "2025-09-03"),  # National Day 1-2/9
]


@pytest.mark.parametrize(("start", "n", "due"), WORKING_DAY_CASES)
def test_working_days_skip_public_holidays(start: str, n: int, due: str) -> None:
    assert add_working_days(date.fromisoformat(start), n) == date.fromisoformat(due)


def test_tet_is_no_working_day() -> None:
    assert not is_working_day(date(2025, 1, 29))  # Mùng 1 Tết, a Wednesday
    assert is_working_day(date(2025, 2, 3))


# a real sentence of ../shared, issued on dates around Tết and in an ordinary week
@pytest.mark.parametrize(("issued", "due"), [("2025-01-22", "2025-02-05"), ("2025-11-18", "2025-11-25")])
def test_relative_working_days_deadline_skips_tet(issued: str, due: str) -> None:
    text = "phản hồi trong 05 ngày làm việc kể từ ngày ký ban hành"
    (deadline,) = find_deadlines(text, issued_on=issued)
    assert deadline.date == due


# day, month and year as read from datelines ("ngày 18 tháng 11 năm 2025", OCR'd "ngày 31 tháng 4")
@pytest.mark.parametrize(
    ("year", "month", "day", "iso"),
    [("2025", "11", "18", "2025-11-18"), ("2024", "02", "29", "2024-02-29"), ("2025", "02", "29", None),
     ("2025", "4", "31", None), ("2025", "13", "1", None), ("2025", "l1", "18", None), (2016, 1, 7, "2016-01-07")],
)
def test_iso_date(year: str | int, month: str | int, day: str | int, iso: str | None) -> None:
    assert iso_date(year, month, day) == iso


# real lines of ../shared/corpus/dev: the header's date cell ends in the dateline; a citation's date is
# written the same way but stands mid-sentence
@pytest.mark.parametrize(("line", "dateline", "written"), [
    ("Hà Nội, ngày 17 tháng 11 năm 2025", True, "17 tháng 11 năm 2025"),
    ("số 844/TTr-BTC ngày 17 tháng 11 năm 2025", True, "17 tháng 11 năm 2025"),
    ("thành ngay trong ngày 20 tháng 11 năm 2025. Giao Bộ Quốc phòng, Bộ Công an chỉ đạo", False,
     "20 tháng 11 năm 2025"),
    ("226/TTr-BKHCN ngày 05 tháng 11 năm 2025 của Bộ Khoa học và Công nghệ về thành", False,
     "05 tháng 11 năm 2025"),
    ("Hà Nội, ngày 17 tháng 11", False, None),
])
def test_written_dates_and_the_dateline(line, dateline, written):
    assert bool(re.search(DATELINE_AT_END, line)) is dateline
    found = re.search(VI_WRITTEN_DATE, line)
    assert (found.group(0) if found else None) == written


# the type table is derived once (knowledge.doc_types) and the stages agree on it: references names a
# code's type, metadata recognises the type line of a header, the web search folds the same names
@pytest.mark.parametrize(("code", "name"), [("CĐ", "Công điện"), ("NĐ", "Nghị định"), ("KL", "Kết luận")])
def test_one_type_table_for_every_stage(code, name):
    from pipeline.extract.metadata import _type_words
    from pipeline.extract.references import doc_type_name
    from pipeline.knowledge.doc_types import NORMATIVE_TYPES, PARTY_TYPES, STATE_TYPES
    from pipeline.web.search import type_names

    assert {**STATE_TYPES, **NORMATIVE_TYPES, **PARTY_TYPES}[code] == name
    assert doc_type_name(code) == name
    assert (name.upper(), code) in _type_words() or code in PARTY_TYPES  # headers name state types
    assert code in dict(type_names()).values()
