"""Tab-separated table rows (pipeline/cleanup/tab_tables.py): a word processor's table copied into plain text."""

from __future__ import annotations

import pytest

from pipeline.cleanup.tab_tables import frame_tab_rows
from pipeline.evaluate_styles import paragraph_lines, tab_tables
from pipeline.extract.document import extract_text
from pipeline.records import Source
from tests.conftest import DEV

# dev vi_kh_179_ubnd_dongnai_2025 Phụ lục A, its row 3, copied out of the document's table
ROW_3 = ("3\tXây dựng và tổ chức triển khai kế hoạch thúc đẩy sử dụng nền tảng số quốc gia trên địa bàn tỉnh\tSở Khoa "
         "học và Công nghệ\tCác sở, ban, ngành; UBND các phường, xã\t2026\tKế hoạch")

FRAMED = [
    (ROW_3, "| 3 | Xây dựng và tổ chức triển khai kế hoạch thúc đẩy sử dụng nền tảng số quốc gia trên địa bàn tỉnh | Sở "
            "Khoa học và Công nghệ | Các sở, ban, ngành; UBND các phường, xã | 2026 | Kế hoạch |"),
    # an empty cell between two tabs keeps its column
    ("1\tRà soát văn bản\t\tSở Tư pháp\tQuý I/2026", "| 1 | Rà soát văn bản |  | Sở Tư pháp | Quý I/2026 |"),
    # two parts aligned by tabs, or a line indented by one, are no row
    ("Nơi nhận:\t\tKT. CHỦ TỊCH", "Nơi nhận:\t\tKT. CHỦ TỊCH"),
    ("\t- Các sở, ban, ngành tỉnh;", "\t- Các sở, ban, ngành tỉnh;"),
]


@pytest.mark.parametrize(("line", "expected"), FRAMED)
def test_a_tab_separated_row_is_framed(line, expected):
    assert frame_tab_rows(line) == expected


@pytest.mark.parametrize("name", ["vi_kh_179_ubnd_dongnai_2025.txt", "vi_tb_624_vpcp_2025.txt"])
def test_a_document_whose_tables_were_copied_with_tabs_gives_the_same_tasks(name):
    # dev vi_kh_179 (an appendix table of tasks) and vi_tb_624 (46 tasks in an appendix table): one paragraph to a line,
    # the tables' cells joined by tabs, gives the tasks the same text with '| a | b |' rows gives
    text = (DEV / name).read_text(encoding="utf-8")

    def tasks(restyled: str) -> list:
        record = extract_text(restyled, source=Source(path=name, format="txt", sha256="0" * 64))
        return [(o.path, [a.name for a in o.assignees], o.deadline.date if o.deadline else None)
                for o in record.obligations]

    assert "\t" in tab_tables(text)
    expected = tasks(paragraph_lines(text))
    assert len(expected) > 10 and sum(1 for _, _, due in expected if due) > 5
    assert tasks(tab_tables(text)) == expected
