"""Where pages meet: the page number and the break marker go, and a sentence the page cut runs on.

Table-driven from the text layers and OCR of ../shared's PDFs (ingest joins their pages with a form feed);
the rows without a form feed are the same strings as another tool gives them, without the page break.
"""

from __future__ import annotations

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.cleanup.page_breaks import drop_page_numbers, join_pages
from pipeline.extract.document import extract_text
from pipeline.records import Source
from tests.conftest import CRAWL, DEV
from tests.test_generalise import tasks

# dev vi_qd_2627_bgddt_2025.pdf (OCR): page 2 opens with its number, the sentence runs on
QD_2627 = ("theo Quyết định số 1002/QĐ-TTg\n\n\f\n{}\n\nngày 24 tháng 5 năm 2025 của Thủ tướng Chính phủ")
# dev vi_qd_2827_bgddt_2025.pdf (OCR)
QD_2827 = "trong hệ thống hành chính nhà\n\n\n\f\n2\n\nnước lĩnh vực giáo dục và đào tạo"
# gazette vi_tt_13_2026_nhnn.pdf: the signer ends a page, the appendix opens the next under the running head
TT_13 = "PHÓ THỐNG ĐÔC\nĐoàn Thái Sơn\n\fCÔNG BÁO/Số 303/Ngày 02-06-2026 91\nPhụ lục\n(Ban hành kèm theo Thông tư"

JOINS = [
    (QD_2627.format(2), "theo Quyết định số 1002/QĐ-TTg\nngày 24 tháng 5 năm 2025 của Thủ tướng Chính phủ"),
    (QD_2827, "trong hệ thống hành chính nhà\nnước lĩnh vực giáo dục và đào tạo"),
    # the first break opens page 2: a "5" there is the text's (a table's row number), not the page's
    (QD_2627.format(5), "theo Quyết định số 1002/QĐ-TTg\n\n5\n\nngày 24 tháng 5 năm 2025 của Thủ tướng Chính phủ"),
    # the number at the bottom of page 1, before the break
    (QD_2827.replace("\f\n2\n", "1\n\f\n"), "trong hệ thống hành chính nhà\nnước lĩnh vực giáo dục và đào tạo"),
    # a marker another OCR tool writes for the break, and a number set between dashes
    (QD_2627.format(2).replace("\f", "--- PAGE BREAK ---").replace("\n2\n", "\n- 2 -\n"),
     "theo Quyết định số 1002/QĐ-TTg\nngày 24 tháng 5 năm 2025 của Thủ tướng Chính phủ"),
    # a page that opens with a capital opens a block: the break stays a blank line
    (TT_13, "PHÓ THỐNG ĐÔC\nĐoàn Thái Sơn\n\nCÔNG BÁO/Số 303/Ngày 02-06-2026 91\nPhụ lục\n(Ban hành kèm theo Thông tư"),
    ("no break at all\n2\nhere", "no break at all\n2\nhere"),
    # gazette vi_qd_844_ttg_2026.pdf: the appendix's task table runs on over the page (its header repeated): a line
    # break, not the blank line that would end the table before it
    ("chữa bệnh, cơ | Đề án/kế hoạch triển khai | Từ quý II/2027 |\n\f\n| STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì |",
     "chữa bệnh, cơ | Đề án/kế hoạch triển khai | Từ quý II/2027 |\n| STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì |"),
    # dev vi_qd_2597_ttg_2025.txt's appendix (a cell to a line, '|' between cells, '|' '|' between rows) as a PDF's
    # text layer gives it, the page breaking between two rows: the rows stay apart and whole
    ("|\nCƠ CHẾ, CHÍNH SÁCH\n|\n\n|\n\n|\n\f\n2\n|\n1\n|\nRà soát toàn diện các luật, nghị định, thông tư",
     "|\nCƠ CHẾ, CHÍNH SÁCH\n|\n\n|\n\n|\n|\n1\n|\nRà soát toàn diện các luật, nghị định, thông tư"),
]


@pytest.mark.parametrize(("text", "expected"), JOINS)
def test_join_pages(text, expected):
    assert join_pages(text, lambda line: line[:1].islower()) == expected


PARAGRAPHS = [
    (QD_2627.format(2), ["theo Quyết định số 1002/QĐ-TTg ngày 24 tháng 5 năm 2025 của Thủ tướng Chính phủ"]),
    # gazette vi_qd_844_ttg_2026.pdf: the running head over page 92 goes before the pages are joined
    ("chữa bệnh để giảm điều trị các bệnh lý nhẹ, bệnh thông thường \n\fCÔNG BÁO/Số 286/Ngày 27-05-2026 92\n"
     "ở cơ sở khám bệnh, chữa bệnh cấp chuyên sâu;",
     ["chữa bệnh để giảm điều trị các bệnh lý nhẹ, bệnh thông thường ở cơ sở khám bệnh, chữa bệnh cấp chuyên sâu;"]),
    # (the caption that ties the appendix to the circular is a line of its own, under the appendix's label)
    (TT_13, ["PHÓ THỐNG ĐÔC", "Đoàn Thái Sơn", "Phụ lục", "(Ban hành kèm theo Thông tư"]),
    # the page number without the break (another tool's text): between two lines of one sentence it goes
    ("trong hệ thống hành chính nhà\n2\nnước lĩnh vực giáo dục và đào tạo",
     ["trong hệ thống hành chính nhà nước lĩnh vực giáo dục và đào tạo"]),
    # crawl 548693349b18e8cf, a cell of a scoring table: a number that ends a paragraph is the text's
    ("*Tỷ lệ đạt dưới 95%:\n0*\n|", ["Tỷ lệ đạt dưới 95%:", "0"]),
    # dev vi_cd_220_ttg_2025's Phụ lục I as a text layer gives it (the flat-tables house style): numbers beside figures
    # ("23" / "5" / ... / "33,33", "-" for a blank cell) are a row's cells, none a page's number
    ("12.\nBộ Nội vụ\n23\n5\n18\n6\n6\n12\n33,33\n13.\nBộ Ngoại giao\n7\n-\n7\n2\n1\n5\n28,57\n",
     ["12. Bộ Nội vụ 23 5 18 6 6 12 33,33", "13. Bộ Ngoại giao 7", "- 7 2 1 5 28,57"]),
]


@pytest.mark.parametrize(("raw", "expected"), PARAGRAPHS)
def test_paragraphs_across_a_page_break(raw, expected):
    assert normalise(raw).splitlines() == expected


# crawl 389276e8dae699ce (Nghị định 25/2025/NĐ-CP), Điều 2.6, with the page number a scan of it keeps under the lead-in
DUTIES = ("Điều 2. Nhiệm vụ và quyền hạn\nBộ Nội vụ thực hiện nhiệm vụ, quyền hạn theo quy định tại Luật Tổ chức Chính "
          "phủ, quy định của Chính phủ về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ và "
          "thực hiện những nhiệm vụ, quyền hạn cụ thể sau đây:\n6. Về chính quyền địa phương:\n\n{}\n\n"
          "a) Tham mưu, giúp Chính phủ, Thủ tướng Chính phủ chỉ đạo thực hiện công tác bầu cử đại biểu Quốc hội và đại "
          "biểu Hội đồng nhân dân các cấp;\n"
          "b) Giúp Chính phủ, Thủ tướng Chính phủ hướng dẫn, kiểm tra hoạt động của Hội đồng nhân dân;\n")
DECREE = "CHÍNH PHỦ\nSố: 25/2025/NĐ-CP\nHà Nội, ngày 21 tháng 02 năm 2025\nNGHỊ ĐỊNH\n"


@pytest.mark.parametrize("number", ["2", "- 2 -"])
def test_a_page_number_between_a_lead_in_and_its_points_cuts_nothing_off(number):
    found = tasks(DUTIES.format(number), header=DECREE)
    assert [path for path, _ in found][-2:] == ["2.6.a", "2.6.b"]
    assert all(names == ["Bộ Nội vụ"] for path, names in found if path.startswith("2.6"))


def tasks_of(text: str, name: str) -> list[tuple[str | None, str, list[str]]]:
    """Each task's path, text and bodies, the text extracted as the file ``name`` of ../shared would be."""
    source = Source(path=name, format="txt", sha256="0" * 64)
    return [(o.path, o.text, [a.name for a in o.assignees]) for o in extract_text(text, source=source).obligations]


@pytest.mark.parametrize("number", ["- 2 -", "2"])
def test_a_page_number_a_text_kept_changes_no_task(number):
    # dev vi_cd_223_ttg_2025.txt with the page number a scan of it keeps between two dashes of its point 2 (a dash
    # between blank lines, or a line of the sentence the page cut)
    text = (DEV / "vi_cd_223_ttg_2025.txt").read_text(encoding="utf-8")
    at = text.index("- Tiếp tục huy động tối đa")
    paged = text[:at] + f"\n{number}\n\n" + text[at:] if number.startswith("-") else \
        text.replace("Bộ Nông\nnghiệp", f"Bộ Nông\n{number}\nnghiệp", 1)
    assert paged != text
    assert tasks_of(paged, "vi_cd_223_ttg_2025.txt") == tasks_of(text, "vi_cd_223_ttg_2025.txt")


def test_a_page_break_inside_a_task_table_changes_no_task():
    # dev vi_qd_2597_ttg_2025.txt with a page break (and the page's number) every 60 lines, as a PDF's text layer joins
    # its pages: the appendix's rows, broken anywhere, give the tasks the unbroken text gives
    text = (DEV / "vi_qd_2597_ttg_2025.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    paged = "\n".join(f"\f\n{i // 60 + 1}\n{line}" if i and i % 60 == 0 else line for i, line in enumerate(lines))
    unbroken = tasks_of(text, "vi_qd_2597_ttg_2025.txt")
    assert paged.count("\f") > 5 and len(unbroken) >= 30
    assert tasks_of(paged, "vi_qd_2597_ttg_2025.txt") == unbroken


def test_page_numbers_without_breaks_change_no_task():
    # crawl b527d7996ed66f24 (Hà Tĩnh, the duties of its departments) with a page number every 45 lines and no break
    # beside it, as another OCR tool gives a scan: some numbers fall inside sentences, and the tasks stay as unbroken
    text = (CRAWL / "b527d7996ed66f24.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    paged = "\n".join(f"{i // 45 + 1}\n{line}" if i and i % 45 == 0 else line for i, line in enumerate(lines))
    unbroken = tasks_of(text, "b527d7996ed66f24.md")
    assert paged.count("\n") > text.count("\n") + 5 and len(unbroken) >= 100
    assert tasks_of(paged, "b527d7996ed66f24.md") == unbroken


NUMBER_LINES = [
    # dev vi_cd_223_ttg_2025.txt's point 2 with pages 2 and 3 numbered inside its sentences: they go
    ("Bộ Nông\n2\nnghiệp và Môi trường theo dõi chặt chẽ diễn biến mưa lũ,\n" + "x\n" * 10 + "thông tin kịp thời cho\n3\n"
     "các địa phương.", "Bộ Nông\nnghiệp và Môi trường theo dõi chặt chẽ diễn biến mưa lũ,\n" + "x\n" * 10
     + "thông tin kịp thời cho\ncác địa phương."),
    # crawl f411a708bcdcfda7 (a procedures table, a cell to a line): row numbers from 1 stay
    ("Căn cứ pháp lý quy\n1\n1.014199.H05\n" + "x\n" * 10 + "2\nCấp lại giấy phép lao động\n" + "x\n" * 10 + "3\n"
     "Gia hạn giấy phép", None),
    # dev vi_qd_2597_ttg_2025.txt: numbers between a table's cell rules are its rows' (and page numbers there cut no
    # sentence)
    ("|\n2\n|\nĐề xuất sửa đổi hoặc ban hành\n" + "x\n" * 10 + "|\n3\n|\nXây dựng và ban hành", None),
    # numbers that stand between whole sentences only are left to the paragraph rules
    ("Bộ Y tế chủ trì.\n2\nSở Y tế phối hợp.\n" + "x\n" * 10 + "Bộ Tài chính bố trí kinh phí.\n3\nBộ Nội vụ.", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_LINES)
def test_drop_page_numbers(text, expected):
    assert drop_page_numbers(text, lambda line: line[:1].islower()) == (expected or text)
