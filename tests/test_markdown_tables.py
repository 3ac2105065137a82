"""Markdown pipe tables (pipeline/cleanup/markdown_tables.py): a header row, a delimiter row of dashes, one row to a
line, as document converters and other sites write them."""

from __future__ import annotations

from pipeline.cleanup.markdown_tables import frame_markdown_tables
from pipeline.cleanup.normalise import normalise
from pipeline.extract.document import extract_text
from pipeline.records import Source

# crawl a1266e5544c960be (an encyclopedia page's infobox): the header row without its opening pipe
INFOBOX = ("# Tập đoàn Vingroup\n\n\nLoại hình | Công ty cổ phần |\n|---|---|\n| Mã niêm yết | HOSE: VIC |\n"
           "| Mã ISIN | VN000000VIC9 |\n\nTập đoàn Vingroup là một tập đoàn đa ngành của Việt Nam.\n")
# dev vi_kh_179_ubnd_dongnai_2025 Phụ lục A (its header and row 9.3) as a converter writes the table
PLAN = ("KẾ HOẠCH\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\n"
        "| STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm đầu ra |\n"
        "|:---:|---|---|---|:---:|---|\n"
        "| 9.3 | Triển khai Chương trình thúc đẩy dịch vụ Mobile-Money | Sở Khoa học và Công nghệ | Các sở, ban, ngành; "
        "UBND các phường xã | 2026 - 2030 | Chương trình |\n")


def test_a_table_is_framed_and_its_delimiter_row_left_out():
    framed = frame_markdown_tables(INFOBOX).split("\n")
    assert framed[3:8] == ["|", "| Loại hình | Công ty cổ phần |", "| Mã niêm yết | HOSE: VIC |",
                           "| Mã ISIN | VN000000VIC9 |", "|"]
    assert frame_markdown_tables("Không có bảng --- ở đây.\n") == "Không có bảng --- ở đây.\n"


def test_the_text_above_a_table_stays_out_of_its_header():
    lines = normalise(PLAN).split("\n")
    assert lines[:3] == ["KẾ HOẠCH", "PHỤ LỤC DANH MỤC NHIỆM VỤ",
                         "STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | "
                         "Sản phẩm đầu ra"]
    assert not any(set(line) <= set("-:| ") for line in lines if line)  # no row of dashes


def test_a_task_table_written_in_markdown_gives_its_tasks():
    record = extract_text(PLAN, source=Source(path="plan.md", sha256="0" * 64, format="md"))
    assert [([(a.name, a.role) for a in o.assignees][:2], o.deadline and o.deadline.end) for o in record.obligations] \
        == [([("Sở Khoa học và Công nghệ", "lead"), ("các sở, ban, ngành", "support")], "2030-12-31")]
