"""obligraph eval --styles: the rewrites keep a document's content, and the table scores them like the documents."""

from __future__ import annotations

import shutil

import pytest

from pipeline.evaluate import _eval, evaluate
from pipeline.evaluate_styles import STYLES, format_style_table, paragraph_lines, style_table, wrapped
from tests.conftest import ROOT, SHARED

# dev vi_cd_220_ttg_2025.txt and crawl 389276e8dae699ce.md
REWRITES = [
    ("article-capitals", "**Điều 2. Nhiệm vụ và quyền hạn **", "**ĐIỀU 2. Nhiệm vụ và quyền hạn **"),
    ("points-with-stop", "a) Tổ chức theo dõi chặt chẽ, cập nhật đầy đủ,", "a. Tổ chức theo dõi chặt chẽ, cập nhật đầy đủ,"),
    ("items-with-slash", "2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,", "2/ Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,"),
    ("items-with-slash", "Điều\n12. Trách nhiệm của Sở Khoa học và Công nghệ", "Điều\n12. Trách nhiệm của Sở Khoa học và Công nghệ"),
    ("dates-in-words", "trước ngày 25/11/2025", "trước ngày 25 tháng 11 năm 2025"),
    ("dates-in-figures", "hoàn thành trước ngày 25 tháng 11 năm 2025.", "hoàn thành trước ngày 25/11/2025."),
]


@pytest.mark.parametrize(("style", "text", "expected"), REWRITES)
def test_a_style_rewrites_one_convention(style, text, expected):
    assert STYLES[style].rewrite(text) == expected


def test_page_numbers_open_each_page():
    text = "\n".join(f"dòng {i}" for i in range(100))
    paged = STYLES["page-breaks"].rewrite(text).split("\n")
    assert paged[45:47] == ["\f", "2"] and paged[47] == "dòng 45" and paged.count("\f") == 2


def test_flat_tables_set_each_cell_on_lines_of_its_own():
    # a row of dev vi_qd_2597_ttg_2025.txt's task table
    row = ("| 5 | Thiết lập cơ chế kiểm tra, giám sát và đánh giá hiệu quả thực hiện chuyển đổi số | Bộ Khoa học và "
           "Công nghệ | Bộ Xây dựng | Văn bản quy định được ban hành | 2026-2027 |")
    assert STYLES["flat-tables"].rewrite(row).splitlines() == [
        "5", "Thiết lập cơ chế kiểm tra, giám sát và đánh", "giá hiệu quả thực hiện chuyển đổi số",
        "Bộ Khoa học và", "Công nghệ", "Bộ Xây dựng", "Văn bản quy định", "được ban hành", "2026-2027"]


def test_flat_tables_wrap_the_widest_column_as_the_task():
    # crawl 646f0a00d4174382's appendix: the task is the fourth column, after the lead and the partners; the next row
    # shares its first cells with this one (merged down), so it holds the rightmost columns only
    table = ("| 1 | Bộ Nông nghiệp và Môi trường | - Bộ Xây dựng; - Bộ Công Thương. | Hoàn thiện hệ thống chính sách pháp "
             "luật về kiểm soát, quản lý chất lượng môi trường không khí | Nghị định được ban hành | 2026 |\n| Rà soát, cập "
             "nhật các hướng dẫn kỹ thuật về hệ số phát thải và kiểm kê khí thải | Bộ công cụ được ban hành | Giai đoạn 2026 "
             "- 2027 |")
    assert STYLES["flat-tables"].rewrite(table).splitlines() == [
        "1", "Bộ Nông nghiệp", "và Môi trường", "- Bộ Xây dựng; -", "Bộ Công Thương.",
        "Hoàn thiện hệ thống chính sách pháp luật về", "kiểm soát, quản lý chất lượng môi trường", "không khí",
        "Nghị định được", "ban hành", "2026",
        "Rà soát, cập nhật các hướng dẫn kỹ thuật về", "hệ số phát thải và kiểm kê khí thải", "Bộ công cụ được", "ban hành",
        "Giai đoạn 2026 -", "2027"]


def test_headerless_tables_leave_out_only_the_header_row():
    # dev vi_cd_220_ttg_2025.txt's table: its header row goes, its rows stay
    text = (SHARED / "corpus" / "dev" / "vi_cd_220_ttg_2025.txt").read_text(encoding="utf-8")
    kept, restyled = paragraph_lines(text).split("\n"), STYLES["headerless-tables"].rewrite(text).split("\n")
    assert len(kept) == len(restyled) + 1
    assert [line for line in kept if line not in restyled] == [
        "| STT | Bộ, cơ quan | Tình hình thực thi | Văn bản cần sửa đổi, bổ sung theo phương án năm 2025 |"]


def test_markdown_sets_a_delimiter_row_under_each_tables_first_row():
    # dev vi_cd_220_ttg_2025.txt's table: header, delimiter, rows; paragraphs apart
    text = (SHARED / "corpus" / "dev" / "vi_cd_220_ttg_2025.txt").read_text(encoding="utf-8")
    lines = STYLES["markdown"].rewrite(text).split("\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("|"))
    assert lines[first + 1] == "|" + "---|" * (lines[first].count(" | ") + 1)
    assert lines[first + 2].startswith("| 1 | Bộ Công an | ") and lines[first - 1] == ""
    assert lines[:2] == ["THỦ TƯỚNG CHÍNH PHỦ", ""]


def test_plain_text_styles_keep_the_words():
    # dev vi_cd_220_ttg_2025.txt, its first point, wrapped at 90 characters
    text = (SHARED / "corpus" / "dev" / "vi_cd_220_ttg_2025.txt").read_text(encoding="utf-8")
    assert paragraph_lines(text).split() == wrapped(text).split()
    assert max(len(line) for line in wrapped(text).split("\n") if not line.startswith("|")) <= 90


def test_the_table_scores_the_documents_as_written_like_eval(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("vi_cd_220_ttg_2025.json", "c5d930a5fc8373cd.json"):
        shutil.copy(ROOT / "corpora" / "gold" / name, gold)
    rows = style_table(gold, SHARED, ["docx", "article-capitals"])
    assert [name for name, _ in rows] == ["as written", "docx", "article-capitals"]
    assert rows[0][1] == evaluate(gold, SHARED).summary()
    assert rows[1][1]["oblig_recall"] == rows[0][1]["oblig_recall"] > 0.8  # saved as DOCX, read the same
    assert "docx" in format_style_table(rows)


def test_an_unknown_style_is_refused(capsys):
    class Args:
        styles, gold, shared = "docx,comic-sans", "corpora/gold", str(SHARED)
    assert _eval(Args()) == 2
    assert "unknown style comic-sans" in capsys.readouterr().err

