"""Flat task tables (pipeline/cleanup/flat_tables.py): a PDF text layer's table, cells one after another, rebuilt as
pipe rows. The strings are PDFium's text layer of ../shared/corpus/gazette/vi_qd_844_ttg_2026.pdf (page 95 on),
as other tools and sites hand such a table over as text."""

import pytest

from pipeline.cleanup.flat_tables import rebuild_flat_tables
from pipeline.cleanup.normalise import normalise
from pipeline.evaluate_styles import STYLES, flat_tables, restyle
from pipeline.extract.document import extract_text
from pipeline.records import Source
from tests.conftest import CRAWL, DEV

HEADER = ("STT Tên nhiệm vụ cụ thể\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nKết quả\nThời gian hoàn \nthành\n"
          "I. Đổi mới mạnh mẽ tư duy và hành động trong lãnh đạo, chỉ đạo và tổ chức thực hiện công tác chăm sóc sức "
          "khoẻ\nnhân dân\n")
ROWS_1_2 = ("1.\nTăng cường lãnh đạo, chỉ đạo xây dựng và \ntổ chức thực hiện hiệu quả các chủ trương, \nchính sách, pháp "
            "luật, chương trình, kế\nhoạch về bảo hiểm y tế.\nCác bộ ở\nTrung ương,\nỦy ban nhân \ndân cấp tỉnh ở\nđịa "
            "phương\nCác cơ quan, tổ\nchức, đơn vị\nkhác có liên \nquan.\nVăn bản chỉ đạo Thường xuyên\n2.\nĐưa các "
            "chỉ tiêu bao phủ về bảo hiểm y tế\nvào nghị quyết, chương trình, kế hoạch phát \ntriển kinh tế - xã hội "
            "hằng năm và dài hạn\ncủa địa phương\nỦy ban nhân \ndân các cấp\nCác cơ quan, tổ\nchức, đơn vị có "
            "\nliên quan.\nCác chỉ tiêu được \nđưa vào các Nghị\nquyết, chương \ntrình, kế hoạch \nHằng năm và \ntừng "
            "giai đoạn\n")
ROW_5 = ("5.\nXây dựng Đề án về đổi mới, nâng cao hiệu quả\ncông tác truyền thông, phổ biến, giáo dục pháp \nluật về "
         "thực hiện bảo hiểm y tế trong giai đoạn \nmới.\nBộ Tài chính Bộ Y tế, cơ quan, \nđơn vị liên quan\nQuyết "
         "định của \nBộ trưởng ban \nhành Đề án\nQuý I/2027\n")
ROWS_7_8 = ("7.\nXây dựng Nghị quyết về thí điểm đa dạng hóa \ncác gói bảo hiểm y tế, bảo hiểm y tế bổ sung \ntheo nhu cầu "
            "của người dân, tăng cường liên \nkết, hợp tác giữa bảo hiểm y tế với bảo hiểm \nsức khoẻ do các doanh "
            "nghiệp bảo hiểm cung \ncấp để tránh trùng lặp thanh toán chi phí y tế\nBộ Y tế\nBộ Tài chính, các \nbộ, "
            "ngành, cơ \nquan, tổ chức có \nliên quan\nNghị quyết quy \nphạm pháp luật\ncủa Chính phủ\nQuý II/2028\n"
            "8. Xây dựng Nghị định về tăng mức đóng bảo \nhiểm y tế từ năm 2027 theo lộ trình phù hợp \nBộ Y tế\nBộ Tài "
            "chính, các \nbộ, ngành, cơ \nNghị định của \nChính phủ\nTháng 3/2027\n")
ROW_9 = ("9.\nXây dựng Nghị quyết về thí điểm huy động, đa \ndạng, mở rộng các nguồn thu để bảo đảm bền \nvững và phát "
         "triển Quỹ bảo hiểm y tế, trong đó \ncó cơ chế sử dụng một phần kinh phí từ thuế\nđối với các sản phẩm thuốc "
         "lá, thuế rượu, bia, \nđồ uống có đường... để chi trả cho một số dịch \nvụ phòng bệnh, quản lý bệnh mãn tính, "
         "khám \nsức khỏe định kỳ, khám sàng lọc, chẩn đoán và \nphát hiện sớm một số bệnh, đặc biệt là các \nbệnh "
         "không lây nhiễm.\nBộ Y tế\nBộ Tài chính, các \nbộ, ngành, cơ \nquan, tổ chức có \nliên quan\nNghị quyết của "
         "\nChính phủ\nQuý IV/2028\n")
# the header a page repeats above the rows it carries on with
PAGE_HEADER = "STT Tên nhiệm vụ cụ thể\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nKết quả\nThời gian hoàn \nthành\n"


def _rows(text: str) -> list[list[str]]:
    return [line.split(" | ") for line in normalise(text).split("\n") if " | " in line]


@pytest.mark.parametrize("text, expected", [
    # the header's labels, wrapped in their columns ("Cơ quan" / "chủ trì"), the row number's heading sharing the
    # task's label's line
    (HEADER + ROWS_1_2, ["STT", "Tên nhiệm vụ cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả",
                         "Thời gian hoàn thành"]),
    # a cell opens with a capital; "Các bộ ở" / "Trung ương," and "Ủy ban nhân" / "dân ..." go on; the result and
    # the time share a line ("Văn bản chỉ đạo Thường xuyên")
    (HEADER + ROWS_1_2, ["1.", "Tăng cường lãnh đạo, chỉ đạo xây dựng và tổ chức thực hiện hiệu quả các chủ trương, "
                         "chính sách, pháp luật, chương trình, kế hoạch về bảo hiểm y tế.",
                         "Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh ở địa phương",
                         "Các cơ quan, tổ chức, đơn vị khác có liên quan.", "Văn bản chỉ đạo", "Thường xuyên"]),
    (HEADER + ROWS_1_2, ["2.", "Đưa các chỉ tiêu bao phủ về bảo hiểm y tế vào nghị quyết, chương trình, kế hoạch phát "
                         "triển kinh tế - xã hội hằng năm và dài hạn của địa phương", "Ủy ban nhân dân các cấp",
                         "Các cơ quan, tổ chức, đơn vị có liên quan.",
                         "Các chỉ tiêu được đưa vào các Nghị quyết, chương trình, kế hoạch",
                         "Hằng năm và từng giai đoạn"]),
    # the lead and the partners on one line: cut where the second body opens
    (HEADER + ROW_5, ["5.", "Xây dựng Đề án về đổi mới, nâng cao hiệu quả công tác truyền thông, phổ biến, giáo dục "
                      "pháp luật về thực hiện bảo hiểm y tế trong giai đoạn mới.", "Bộ Tài chính",
                      "Bộ Y tế, cơ quan, đơn vị liên quan", "Quyết định của Bộ trưởng ban hành Đề án", "Quý I/2027"]),
    # "8. Xây dựng ...": the number and the task's first words on one line
    (HEADER + ROWS_7_8, ["8.", "Xây dựng Nghị định về tăng mức đóng bảo hiểm y tế từ năm 2027 theo lộ trình phù hợp",
                         "Bộ Y tế", "Bộ Tài chính, các bộ, ngành, cơ", "Nghị định của Chính phủ", "Tháng 3/2027"]),
    # the header repeated atop the next page is no row's text
    (HEADER + ROWS_7_8 + PAGE_HEADER + ROW_9,
     ["8.", "Xây dựng Nghị định về tăng mức đóng bảo hiểm y tế từ năm 2027 theo lộ trình phù hợp", "Bộ Y tế",
      "Bộ Tài chính, các bộ, ngành, cơ", "Nghị định của Chính phủ", "Tháng 3/2027"]),
    (HEADER + ROWS_7_8 + PAGE_HEADER + ROW_9,
     ["9.", "Xây dựng Nghị quyết về thí điểm huy động, đa dạng, mở rộng các nguồn thu để bảo đảm bền vững và phát triển "
      "Quỹ bảo hiểm y tế, trong đó có cơ chế sử dụng một phần kinh phí từ thuế đối với các sản phẩm thuốc lá, thuế "
      "rượu, bia, đồ uống có đường... để chi trả cho một số dịch vụ phòng bệnh, quản lý bệnh mãn tính, khám sức khỏe "
      "định kỳ, khám sàng lọc, chẩn đoán và phát hiện sớm một số bệnh, đặc biệt là các bệnh không lây nhiễm.",
      "Bộ Y tế", "Bộ Tài chính, các bộ, ngành, cơ quan, tổ chức có liên quan", "Nghị quyết của Chính phủ",
      "Quý IV/2028"]),
])
def test_a_flat_row_is_rebuilt_with_its_cells(text, expected):
    assert expected in _rows(text)


# dev vi_kh_179_ubnd_dongnai_2025's Phụ lục A and corpora/crawl 001c610b2efdcf0c's appendix, their cells wrapped to
# their columns as a text layer sets them
KH_179 = ("STT\nNhiệm vụ, giải pháp\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\n9.3\n"
          "Triển khai Chương trình thúc đẩy dịch vụ\nMobile-Money\nSở Khoa học và\nCông nghệ\nCác sở, ban,\nngành; UBND "
          "các\nphường xã\n2026 - 2030\nChương trình\n")
PLAN_001C = ("TT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian dự\nkiến hoàn thành\nKết quả dự kiến\nNguồn kinh "
             "phí\n2\nPhối hợp xây dựng nội dung quy định việc xây\ndựng, cập nhật, duy trì và khai thác, sử dụng\ncơ sở dữ "
             "liệu quốc gia về quy hoạch trong\nNghị định hướng dẫn chi tiết thi hành Luật\nQuy hoạch sửa đổi.\nSở Tài "
             "chính\nCác sở, ngành,\nUBND xã, phường,\nđặc khu\nNăm 2025 - 2026\nNghị định\n")
# ../shared/corpus/dev/vi_kh_617_ubnd_dongthap_2025.txt, its table as a text layer gives it, the partners and the time
# (in the quarter's older spelling, "Quí") set on one line
KH_617 = ("STT\nTên nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n4\nXây dựng Bộ tiêu chí đánh\n"
          "giá mức độ chuyển đổi số doanh nghiệp.\nSở KH&CN\nCác sở, ban, ngành tỉnh Quí IV-2025\n")


@pytest.mark.parametrize("text, expected", [
    # a time cell ends its cell, whatever opens the next ("2026 - 2030" / "Chương trình"): the segments joined are the
    # task's ("... dịch vụ" / "Mobile-Money")
    (KH_179, ["9.3", "Triển khai Chương trình thúc đẩy dịch vụ Mobile-Money", "Sở Khoa học và Công nghệ",
              "Các sở, ban, ngành; UBND các phường xã", "2026 - 2030", "Chương trình"]),
    # as many segments as cells, but the time right of its column: a wrapped line opened with a capital ("... thi hành
    # Luật" / "Quy hoạch sửa đổi.") and the last cell is blank
    (PLAN_001C, ["2", "Phối hợp xây dựng nội dung quy định việc xây dựng, cập nhật, duy trì và khai thác, sử dụng cơ sở "
                      "dữ liệu quốc gia về quy hoạch trong Nghị định hướng dẫn chi tiết thi hành Luật Quy hoạch sửa đổi.",
                 "Sở Tài chính", "Các sở, ngành, UBND xã, phường, đặc khu", "Năm 2025 - 2026", "Nghị định"]),
    # a time opening inside a line is cut off as its own cell: the quarter spelt "Quí" as "Quý" is
    (KH_617, ["4", "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp.", "Sở KH&CN",
              "Các sở, ban, ngành tỉnh", "Quí IV-2025"]),
])
def test_a_row_is_aligned_on_its_time(text, expected):
    assert expected in _rows(text)


def test_a_group_heading_stays_a_line_of_its_own():
    lines = normalise(HEADER + ROWS_1_2).split("\n")
    assert "I. Đổi mới mạnh mẽ tư duy và hành động trong lãnh đạo, chỉ đạo và tổ chức thực hiện công tác chăm sóc " \
           "sức khỏe nhân dân" in lines


def test_a_group_label_on_its_own_line_keeps_its_title_and_the_subgroup_apart():
    # dev vi_qd_2629_ttg_2025 Phụ lục I as a text layer gives it: "I" / "Giai đoạn 2025-2027" / "I.1" / "Cung cấp ...":
    # the period is a heading of its own, which dates the rows below it, not run into the subgroup's title
    text = ("QUYẾT ĐỊNH\nPHỤ LỤC I DANH MỤC CÁC CHỈ TIÊU CỤ THỂ\nTT\nChỉ tiêu\nĐơn vị\nKết quả\nCơ quan chủ trì theo "
            "dõi, đánh giá\nI\nGiai đoạn 2025-2027\nI.1\nCung cấp dịch vụ số bao trùm, thông minh\n1\nTỉ lệ dịch vụ công "
            "trực tuyến toàn trình trên\ntổng số thủ tục hành chính có đủ điều kiện.\n%\n100%\nVăn phòng Chính phủ\n")
    lines = normalise(text).split("\n")
    assert lines[lines.index("Giai đoạn 2025-2027") - 1:][:4] == [
        "I", "Giai đoạn 2025-2027", "I.1", "Cung cấp dịch vụ số bao trùm, thông minh"]
    record = extract_text(text, source=Source(path="vi_qd_2629_ttg_2025.txt", sha256="0", format="txt"))
    assert [(a.name, o.deadline and o.deadline.date) for o in record.obligations for a in o.assignees] == [
        ("Văn phòng Chính phủ", "2027-12-31")]


def test_a_row_with_a_blank_cell_keeps_its_columns():
    # row 5 has no partners' cell where the result should be read: the time stays in the last column, the blank
    # cell between (normalise keeps an empty cell inside a row written on one line)
    row = normalise(HEADER + "5.\nXây dựng Đề án về đổi mới\nBộ Tài chính\nQuyết định của \nBộ trưởng\n"
                    "Quý I/2027\n").split("\n")
    assert "5. | Xây dựng Đề án về đổi mới | Bộ Tài chính | Quyết định của Bộ trưởng |  | Quý I/2027" in row


@pytest.mark.parametrize("text", [
    # a numbered list after a line that only opens with "TT" ("TTg" is no heading)
    "TTg đã ký\n1.\nBộ Y tế\nBộ Tài chính\n",
    # the header's cells a crawl set between pipes: read by the task tables as they are
    "STT\n|\nTên nhiệm vụ/dự án\n|\nCơ quan chủ trì\n|\nThời gian triển khai\n|\n",
])
def test_other_lines_are_left_as_they_are(text):
    assert rebuild_flat_tables(text) == text


def test_a_flat_table_of_other_things_is_rebuilt_and_gives_no_task():
    # crawl 1e6fb98e16a75e3d's list of people (its header's cells one to a line, a row as a PDF's text layer gives it)
    text = ("QUYẾT ĐỊNH\nTT\nHọ và tên\nNgày, tháng, năm sinh\nSố Thẻ CC/CCCD\nChức vụ, nghề nghiệp\n1\nNguyễn Văn A\n"
            "01/01/1980\n012345678901\nThuyền trưởng\n")
    assert ["1", "Nguyễn Văn A", "01/01/1980", "012345678901", "Thuyền trưởng"] in _rows(text)
    record = extract_text(text, source=Source(path="1e6fb98e16a75e3d.md", sha256="0" * 64, format="md"))
    assert record.obligations == []


def test_the_tasks_of_a_flat_table_get_their_lead_and_time():
    record = extract_text("QUYẾT ĐỊNH\nPHỤ LỤC\n" + HEADER + ROW_5,
                          source=Source(path="vi_qd_844_ttg_2026.txt", sha256="0", format="txt"))
    task = next(o for o in record.obligations if o.text.startswith("Xây dựng Đề án"))
    assert [(a.name, a.role) for a in task.assignees][:2] == [("Bộ Tài chính", "lead"), ("Bộ Y tế", "support")]
    assert task.deadline and task.deadline.date == "2027-03-31"


def test_a_row_whose_cells_wrap_to_many_lines_is_rebuilt():
    # crawl 646f0a00d4174382's Phụ lục I flattened as a PDF's text layer with narrow columns gives it: row 1's cells
    # (its partners a dash list, its task several paragraphs) run to more than eighty lines before row 2's number
    flat = flat_tables((CRAWL / "646f0a00d4174382.md").read_text(encoding="utf-8"))
    lines = flat.split("\n")
    first = lines.index("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") + 1
    assert lines[first] == "1" and lines.index("2", first) - first > 80
    assert any(row.startswith("| 1 | Bộ Nông nghiệp và Môi trường - Bộ Khoa học và") for row in
               rebuild_flat_tables(flat).split("\n"))


def test_a_group_row_without_a_label_between_the_header_and_the_first_row():
    # dev vi_tb_624_vpcp_2025's Phụ lục II as a text layer gives it (the flat-tables house style): the rows' group is
    # named across the table with no label ("Nhiệm vụ giao Bộ trưởng ... chỉ đạo") right under the header; the table is
    # still rebuilt, so its "Kết quả thực hiện" column makes it a report on tasks set before, and its rows no tasks
    text = ("STT\nTên nhiệm vụ\nĐơn vị chủ trì\nThời hạn\nKết quả thực\nhiện\nTiến độ\n"
            "Nhiệm vụ giao Bộ trưởng Bộ Khoa học và Công nghệ chỉ đạo\n1\n"
            "Chủ trì, làm việc với các bộ, cơ quan: Công\nan, Văn phòng Chính phủ, Văn phòng Trung ương\n"
            "Bộ Khoa học và\nCông nghệ\n10/10/2025\nBộ KH&CN đã báo\ncáo Chính phủ\nĐã hoàn thành\nquá hạn\n")
    lines = normalise(text).split("\n")
    assert lines[:3] == ["STT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện | Tiến độ",
                         "Nhiệm vụ giao Bộ trưởng Bộ Khoa học và Công nghệ chỉ đạo",
                         "1 | Chủ trì, làm việc với các bộ, cơ quan: Công an, Văn phòng Chính phủ, Văn phòng Trung ương | "
                         "Bộ Khoa học và Công nghệ | 10/10/2025 | Bộ KH&CN đã báo cáo Chính phủ | Đã hoàn thành quá hạn"]



def test_a_report_table_under_an_unlabelled_group_gives_no_task(tmp_path):
    # the whole of dev vi_tb_624_vpcp_2025 in the flat-tables house style: its Phụ lục II reports on the tasks of an
    # earlier notice, row by row; as written (pipe rows) those rows are no tasks, and as a text layer gives them neither
    source = DEV / "vi_tb_624_vpcp_2025.txt"
    as_written = extract_text(source.read_text(encoding="utf-8"), source=Source(path=source.name, sha256="0", format="txt"))
    flat = restyle(source, STYLES["flat-tables"], tmp_path)
    record = extract_text(flat.read_text(encoding="utf-8"), source=Source(path=flat.name, sha256="0", format="txt"))
    assert not [o for o in record.obligations if o.text.startswith("Chủ trì, làm việc với các bộ, cơ quan: Công")]
    assert len(record.obligations) == len(as_written.obligations)
