"""The shared knowledge: the motto patterns, the pieces of a written date, the fast phrase patterns and the
working calendar (public holidays of Vietnam)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.metadata import BARE_DATELINE, PLACE_DATE
from pipeline.extract.references import find_references
from pipeline.knowledge.dates import (
    DATELINE_AT_END,
    DAY,
    MONTH,
    VI_WRITTEN_DATE,
    YEAR,
    day_and_month,
    iso_date,
    named,
    numeric_date,
    written_date,
)
from pipeline.knowledge.motto import HEADER_MOTTO, MOTTO_LINE, MOTTO_WORDS
from pipeline.knowledge.patterns import alternation, any_case, word_alternation
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


# ---------------------------------------------------------------------------------------------------
# the pieces of a written date (knowledge/dates.py), each read back from real strings of ../shared

_DAY, _MONTH, _YEAR = named("d", DAY), named("m", MONTH), named("y", YEAR)


def _read(pattern: str, text: str) -> tuple[str, str, str | None] | None:
    found = re.search(pattern, text)
    return (found.group("d"), found.group("m"), found.groupdict().get("y")) if found else None


# (pattern built from the shared pieces, real string, (day, month, year) read, or None: not a date of that form)
DATE_PIECE_CASES = [
    (written_date(_DAY, _MONTH, _YEAR), "Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng",
     ("26", "8", "2025")),
    (written_date(_DAY, _MONTH, _YEAR), "Môi trường trước ngày 08 tháng 12 năm 2025.", ("08", "12", "2025")),
    (written_date(_DAY, _MONTH, _YEAR), "*Hà Tĩnh, ngày 24 tháng11 năm 2025*", None),  # glued
    (written_date(_DAY, _MONTH, _YEAR, gap=r"\s*"), "*Hà Tĩnh, ngày 24 tháng11 năm 2025*", ("24", "11", "2025")),
    (written_date(_DAY, _MONTH, _YEAR), "Hà Nội, ngày 17 tháng 11", None),
    (day_and_month(_DAY, _MONTH), "Hà Nội, ngày 17 tháng 11", ("17", "11", None)),
    (numeric_date(_DAY, _MONTH, _YEAR), "hạn chót là ngày 01/12/2019 để toàn bộ nhân viên", ("01", "12", "2019")),
    (numeric_date(_DAY, _MONTH, _YEAR), "26.10.2007", ("26", "10", "2007")),
    (numeric_date(_DAY, _MONTH, _YEAR), "24-5-2025", ("24", "5", "2025")),
    (numeric_date(_DAY, _MONTH, _YEAR), "Nghị quyết số 66.7/2025/NQ-CP", None),  # two separators
    (numeric_date(_DAY, _MONTH, _YEAR), "từ ngày 01/7 đến nay", None),
    (numeric_date(_DAY, _MONTH, _YEAR, year_optional=True), "từ ngày 01/7 đến nay", ("01", "7", None)),
]


@pytest.mark.parametrize(("pattern", "text", "parts"), DATE_PIECE_CASES)
def test_date_pieces(pattern: str, text: str, parts: tuple | None) -> None:
    assert _read(pattern, text) == parts


# every stage that reads a written date builds it from those pieces and keeps its own variant: the header's
# dateline as OCR and crawls write it (metadata), a citation's date (references), a deadline (deadlines)
def test_metadata_reads_the_glued_and_the_comma_less_dateline() -> None:
    glued = PLACE_DATE.search("*Hà Tĩnh, ngày 24 tháng11 năm 2025*")
    assert glued and (glued.group("d"), glued.group("m"), glued.group("y")) == ("24", "11", "2025")
    # the OCR misreading metadata documents ("ngàyl6": l read for 1), the digits read back by metadata
    assert PLACE_DATE.search("Hà Nội. ngàyl6 tháng 9 năm 2016").group("d") == "l6"
    bare = BARE_DATELINE.match("Hà Nội ngày 01 tháng 12 năm 2025")
    assert bare and bare.group("place").strip() == "Hà Nội"
    assert BARE_DATELINE.match("Hà Nội ngày 01 tháng 12 năm 2025 của") is None


@pytest.mark.parametrize(("text", "symbol", "issued"), [
    ("Căn cứ Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng Chính phủ về", "23/CT-TTg", "2025-08-26"),
    ("Luật số 93/2025/QH15 ngay 27 tháng 6 năm 2025.", "93/2025/QH15", "2025-06-27"),  # accents lost
])
def test_references_date_a_citation(text: str, symbol: str, issued: str) -> None:
    (ref,) = find_references(text)
    assert (ref.symbol, ref.issued_on) == (symbol, issued)


@pytest.mark.parametrize(("text", "mention", "due"), [
    ("gửi Bộ Nông nghiệp và Môi trường trước ngày 08 tháng 12 năm 2025.", "trước ngày 08 tháng 12 năm 2025",
     "2025-12-08"),
    ("hạn chót là ngày 01/12/2019 để toàn bộ nhân viên", "hạn chót là ngày 01/12/2019", "2019-12-01"),
    ("Căn cứ Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng", None, None),  # a citation's date
])
def test_deadlines_read_a_written_date(text: str, mention: str | None, due: str | None) -> None:
    found = [(d.mention, d.date) for d in find_deadlines(text, issued_on="2025-11-20")]
    assert found == ([(mention, due)] if mention else [])


# ---------------------------------------------------------------------------------------------------
# the fast phrase patterns (knowledge/patterns.py) find what the plain case-insensitive alternation finds


@pytest.mark.parametrize(("letters", "variants"), [("s", "Ssſ"), ("k", "Kk\u212a"), ("đ", "Đđ"), ("ố", "Ốố")])
def test_any_case(letters: str, variants: str) -> None:
    assert any_case(letters) == variants


# (phrases, real line of ../shared): the spans found are the same as with (?<!\w)(?:...) and re.IGNORECASE
WORD_CASES = [
    (["Nghị quyết liên tịch", "Nghị quyết", "Nghị định", "Chỉ thị", "Quyết định"],
     "Căn cứ Nghị quyết số 66.7/2025/NQ-CP, NGHỊ QUYẾT này và các quyết định, chỉ thị"),
    (["ngay", "sớm", "kịp thời", "khẩn trương", "thường xuyên"],
     "thành ngay trong ngày 20 tháng 11 năm 2025; Khẩn trương, KỊP THỜI báo cáo, ngaycả khi sớmnhất"),
    (["Decision", "Directive", "Circular"], "Decisions No. 123/QD-TTg and 258/QD-TTg, the directives and Circular"),
]


@pytest.mark.parametrize(("phrases", "line"), WORD_CASES)
def test_word_alternation_finds_what_the_alternation_finds(phrases: list[str], line: str) -> None:
    plural = phrases[0] == "Decision"
    fast = re.compile(word_alternation((phrases, plural)) + r"(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{alternation(phrases, plural=plural)})(?!\w)", re.IGNORECASE)
    spans = [m.span() for m in plain.finditer(line)]
    assert spans and [m.span() for m in fast.finditer(line)] == spans
