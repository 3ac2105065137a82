"""Normalise, clean and segment: table-driven from real strings of ../shared."""

from __future__ import annotations

import re

import pytest

from pipeline import knowledge
from pipeline.cleanup.blanks import squeeze_lines
from pipeline.cleanup.furniture import _MOTTO_RULE, _plain, _PlainLines, load_rules, strip_furniture
from pipeline.cleanup.normalise import (
    MAX_TABLE_CELL,
    _cell_text,
    _longer_than,
    _wrap_width,
    clean_markdown,
    normalise,
    normalise_characters,
)
from pipeline.segment.segmenter import segment
from tests.conftest import CRAWL, DEV, SEEDS

CHARACTERS = [
    ("Khánh Hoà", "Khánh Hòa"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("khí tượng thuỷ văn", "khí tượng thủy văn"),
    ("sức khoẻ", "sức khỏe"),
    ("quý IV/2023", "quý IV/2023"),  # qu + y: right in both styles
    ("hoàn thành", "hoàn thành"),  # closed syllable: nothing to move
    ("HOÀ BÌNH", "HÒA BÌNH"),
    ("Cong\u00a0điện\u200b", "Cong điện"),
    ("Hòa", "Hòa"),  # decomposed input is composed first
    # a character deleted before the tones are moved: the syllable it parted is read whole ("hoàn" is closed), and a
    # soft hyphen between a letter and its tone mark no longer keeps them apart
    ("hoà\u200bn thành", "hoàn thành"),
    ("Ho\u00ad\u0300a", "Hòa"),
    # every blank but the line break becomes a space: tabs, em and figure spaces, the Unicode line separator
    ("Số:\t09/2025/NĐ-CP\u2003ngày\u20071/2/2025", "Số: 09/2025/NĐ-CP ngày 1/2/2025"),
    ("Điều 1.\u2028Phạm vi\u205fđiều chỉnh\u3000", "Điều 1. Phạm vi điều chỉnh "),
    # the Official Gazette's text layer gives a hyphen as the noncharacter U+FFFE (gazette vi_tt_13_2026_nhnn.pdf,
    # vi_vbhn_49_bct.pdf)
    ("Thông tư số 30/2024/TT\ufffeNHNN của Thống đốc", "Thông tư số 30/2024/TT-NHNN của Thống đốc"),
    ("Tiểu vương quốc Ả\uffferập Thống nhất", "Tiểu vương quốc Ả-rập Thống nhất"),
    # OCR reads an 8 in a number as the section sign (our OCR of the scans dev vi_qd_2576 and vi_qd_2827_bgddt_2025);
    # elsewhere it stays: a TCVN3 page's "§" is its "Đ" (pages/vi_qd_1408_bxd.html: "Q§-BXD", decoded at ingest)
    ("Quyết định số 20§1/QĐ-BGDĐT ngày 21/7/2025", "Quyết định số 2081/QĐ-BGDĐT ngày 21/7/2025"),
    ("- Quyết định số 12§4/QĐ-BGDĐT ngày 13/5/2025", "- Quyết định số 1284/QĐ-BGDĐT ngày 13/5/2025"),
    ("QuyÕt ®Þnh sè 29/2007/Q§-BXD ngµy", "QuyÕt ®Þnh sè 29/2007/Q§-BXD ngµy"),
    # OCR reads a symbol's slash as the fraction slash, once or beside the slash itself (our OCR of the scans dev
    # vi_qd_2605_bgddt_2025 and vi_kh_753_dct_2026)
    ("Căn cứ Quyết định số 973\u2044/QĐ-BGDĐT ngày 14 tháng 4 năm 2025",
     "Căn cứ Quyết định số 973/QĐ-BGDĐT ngày 14 tháng 4 năm 2025"),
    ("Quyết định số 203 4\u20449Đ-BGDĐT", "Quyết định số 203 4/9Đ-BGDĐT"),
    # a day's 1 read as a pipe (dev vi_qd_2576_bgddt_2025.pdf read by Tesseract at 150 dpi), not a cell's rule; a table's
    # cells that hold the words stay cells (dev vi_kh_753_dct_2026.pdf as Tesseract draws its schedule table)
    ("Hà Nội, ngày |] tháng 9 năm 2025", "Hà Nội, ngày 1] tháng 9 năm 2025"),
    ("1 Ban hành kê hoạch; rà soát danh sách | Trước ngày | Phòng Đào tạo; Trung",
     "1 Ban hành kê hoạch; rà soát danh sách | Trước ngày | Phòng Đào tạo; Trung"),
    # the page break stays for page_breaks.join_pages (tests/test_page_breaks.py)
    ("dòng một\r\ndòng hai\rdòng ba\fdòng bốn", "dòng một\ndòng hai\ndòng ba\fdòng bốn"),
]


@pytest.mark.parametrize(("raw", "expected"), CHARACTERS)
def test_characters(raw, expected):
    assert normalise_characters(raw) == expected


PARAGRAPHS = [
    # dev vi_tb_641_vpcp_2025 item 5: the page wrapped right after a colon, the sentence runs on in lower case; what a
    # colon lists opens with a mark, an enumerator or a capital (crawl 932e83be67d03d47's "... như sau:" then "thời gian")
    ("5. Quan tâm giải quyết các vấn đề còn tồn đọng như:\ntài sản công dôi dư, công tác lưu trữ hồ sơ, số hóa tài "
     "liệu,.... lưu ý việc quản\nlý, bàn giao hồ sơ.\n",
     ["5. Quan tâm giải quyết các vấn đề còn tồn đọng như: tài sản công dôi dư, công tác lưu trữ hồ sơ, số hóa tài "
      "liệu,.... lưu ý việc quản lý, bàn giao hồ sơ."]),
    ("2. Các sở, ban, ngành, địa phương:\na) Đánh giá sự phù hợp của dự án đầu tư.\n",
     ["2. Các sở, ban, ngành, địa phương:", "a) Đánh giá sự phù hợp của dự án đầu tư."]),
    ("Kính gửi:\n- Bộ Tài chính;\n- Bộ Xây dựng.\n", ["Kính gửi:", "- Bộ Tài chính;", "- Bộ Xây dựng."]),
    ("Thời hạn hoàn thành:\n31/12/2025.\n", ["Thời hạn hoàn thành:", "31/12/2025."]),
    # crawled header: the "|" cell boundaries are paragraph breaks, wrapped lines re-joined
    ("THỦ TƯỚNG CHÍNH\nPHỦ\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 223/CĐ-TTg\n|\n"
     "Hà Nội, ngày 20\ntháng 11 năm 2025\n|\n",
     ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 223/CĐ-TTg",
      "Hà Nội, ngày 20 tháng 11 năm 2025"]),
    # a list item split over lines, and the next item
    ("2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,\nĐắk Lắk, Gia Lai:\n- Chịu trách nhiệm toàn diện trước "
     "Chính phủ, Thủ\ntướng Chính phủ về công tác ứng phó thiên tai.",
     ["2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:",
      "- Chịu trách nhiệm toàn diện trước Chính phủ, Thủ tướng Chính phủ về công tác ứng phó thiên tai."]),
    # an enumerator alone on its line (crawl), joined to its text
    ("IV.\nPHÂN CÔNG NHIỆM VỤ\n\n1.\nSở Công Thương:\n\n- Chủ trì điều phối toàn\nbộ nguồn hàng hỗ trợ.",
     ["IV. PHÂN CÔNG NHIỆM VỤ", "1. Sở Công Thương:", "- Chủ trì điều phối toàn bộ nguồn hàng hỗ trợ."]),
    # markdown emphasis from crawls goes, footnote stars stay
    ("**QUYẾT ĐỊNH**\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\nGhi chú (*)",
     ["QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương;", "Ghi chú (*)"]),
    # a crawled task table: one line per row, cells joined by " | "
    ("|\nSTT\n|\nTên nhiệm vụ\n|\nCơ quan chủ trì\n|\nThời gian\n|\n|\n1\n|\nRà soát toàn diện các luật\n|\n"
     "Bộ Xây dựng\n|\n2026\n|\n",
     ["STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian", "1 | Rà soát toàn diện các luật | Bộ Xây dựng | 2026"]),
    # blanks of every kind inside, around and between lines and cells are single spaces in the text (and the article's
    # standard title stays a line of its own)
    ("  Điều 3.  Tổ chức\tthực hiện  \n  Bộ trưởng,\u2003Thủ trưởng cơ quan   ngang bộ \n",
     ["Điều 3. Tổ chức thực hiện", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ"]),
    ("|\n|  STT  |\u3000Tên nhiệm vụ | Cơ quan  chủ trì ||\n| 1 |  Rà soát   các luật | Bộ Tư pháp |\n",
     ["STT | Tên nhiệm vụ | Cơ quan chủ trì", "1 | Rà soát các luật | Bộ Tư pháp"]),
    # a gazette page head goes with its page number, whatever blank stands before the number; what the page cut goes on
    # as it would without the head (in lower case: the same sentence), or opens its own block
    ("Điều 1. Phạm vi\nCÔNG BÁO/Số 12/Ngày 01-02-2020\u2003 45 \nnội dung tiếp", ["Điều 1. Phạm vi nội dung tiếp"]),
    ("Điều 1. Phạm vi\nCÔNG BÁO/Số 12/Ngày 01-02-2020\u2003 45 \nNội dung tiếp", ["Điều 1. Phạm vi", "Nội dung tiếp"]),
    # gazette vi_qd_844_ttg_2026.pdf, a task table read as rows ('| ... |' one to a line) over a page break: what stands
    # between two rows (the next page's repeated header, under the running head) is no cell of the row above
    ("| 3. | Bố trí ngân sách địa phương | Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp | Hằng năm và từng "
     "giai đoạn |\n\f\nCÔNG BÁO/Số 286/Ngày 27-05-2026 96\n| STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì | Thời gian hoàn "
     "thành |\n| 4. | Đổi mới nội dung, hình thức | Bộ Tài chính | Thường xuyên |\n",
     ["3. | Bố trí ngân sách địa phương | Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp | Hằng năm và từng giai "
      "đoạn", "STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì | Thời gian hoàn thành",
      "4. | Đổi mới nội dung, hình thức | Bộ Tài chính | Thường xuyên"]),
    # gazette vi_nd_123_2026_cp.pdf, the header's columns one after the other: the motto and the type's name each open
    # a block
    ("CHÍNH PHỦ\n__________\nSố: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "________________________________________\nHà Nội, ngày 04 tháng 4 năm 2026\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều "
     "Luật Giao thông đường thủy nội địa",
     ["CHÍNH PHỦ", "Số: 123/2026/NĐ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 04 tháng 4 năm 2026", "NGHỊ ĐỊNH", "Quy định chi tiết một số điều Luật Giao thông đường thủy nội địa"]),
    # crawl f37e7838925f8cc3: the enacting word after the last recital; crawl ad5aff6c13929815: a heading wrapped before
    # a word that names a type
    ("*Theo đề nghị của Giám đốc Sở Tài chính tại Tờ\ntrình số 7832/TTr-STC ngày 05/11/2025,*\n**QUYẾT ĐỊNH:**\n"
     "**VII. CHẾ ĐỘ\nBÁO CÁO**",
     ["Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 7832/TTr-STC ngày 05/11/2025,", "QUYẾT ĐỊNH:",
      "VII. CHẾ ĐỘ BÁO CÁO"]),
    # dev vi_cv_11520_vpcp-cn_2025, a letter in hard-wrapped lines: the addressee wraps onto its next line, the body
    # opens with the letter's ground ("Xét đề nghị ...") though the addressee's line has no full stop
    ("Kính gửi: Bộ trưởng\nBộ Công Thương\nXét đề nghị của Bộ Công Thương tại Tờ\ntrình số 8798/TTr-BCT ngày 07 tháng "
     "11 năm 2025 về dự thảo Chỉ thị của Thủ tướng\nChính phủ về việc đẩy mạnh sản xuất, phối trộn, phân phối và sử dụng "
     "nhiên liệu\nsinh học tại Việt Nam, Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:\n",
     ["Kính gửi: Bộ trưởng Bộ Công Thương", "Xét đề nghị của Bộ Công Thương tại Tờ trình số 8798/TTr-BCT ngày 07 tháng "
      "11 năm 2025 về dự thảo Chỉ thị của Thủ tướng Chính phủ về việc đẩy mạnh sản xuất, phối trộn, phân phối và sử "
      "dụng nhiên liệu sinh học tại Việt Nam, Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:"]),
    # crawl 0465063a5486d493 (388/NQ-CP) wrapped: the dateline without its comma ends its line, the title is no part of it
    ("Số: 388/NQ-CP\nHà Nội ngày 01 tháng 12 năm 2025\nNGHỊ QUYẾT VỀ VIỆC NGHIÊN CỨU TIẾP THU, GIẢI TRÌNH KẾT LUẬN CỦA "
     "ĐẠI BIỂU QUỐC HỘI TẠI TỔ VÀ HỘI TRƯỜNG\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n",
     ["Số: 388/NQ-CP", "Hà Nội ngày 01 tháng 12 năm 2025", "NGHỊ QUYẾT VỀ VIỆC NGHIÊN CỨU TIẾP THU, GIẢI TRÌNH KẾT LUẬN "
      "CỦA ĐẠI BIỂU QUỐC HỘI TẠI TỔ VÀ HỘI TRƯỜNG", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"]),
    # the sender asking opens the body too ("Bộ Nội vụ có ý kiến như sau:", crawl c81379258ef3a44f)
    ("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc\ntrung ương\nBộ Nội vụ có ý kiến như sau:\n",
     ["Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Bộ Nội vụ có ý kiến như sau:"]),
]


@pytest.mark.parametrize(("raw", "expected"), [
    # crawl c49a5afadf61b342 and 9b7eebadf7081069: a compound the page wrapped at its dash ("chính trị - xã hội") is
    # no dash bullet
    ("Ủy ban nhân dân cấp xã, Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị\n- xã hội cấp xã, các tổ chức cơ "
     "sở đảng, chi bộ thôn, tổ dân phố trên địa bàn cử",
     ["Ủy ban nhân dân cấp xã, Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội cấp xã, các tổ chức cơ "
      "sở đảng, chi bộ thôn, tổ dân phố trên địa bàn cử"]),
    ("nên không chủ động trong việc triển khai thực hiện kế hoạch phát triển kinh tế\n- xã hội của tỉnh.",
     ["nên không chủ động trong việc triển khai thực hiện kế hoạch phát triển kinh tế - xã hội của tỉnh."]),
    # a dash bullet opens with a capital, or follows a lead-in that ends with ":" (dev vi_cd_223_ttg_2025)
    ("2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố\n- Chịu trách nhiệm toàn diện trước Chính phủ.",
     ["2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "- Chịu trách nhiệm toàn diện trước Chính phủ."]),
])
def test_a_compound_wrapped_at_its_dash_is_no_bullet(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # dev vi_qd_2629_ttg_2025: a section's numeral glued to its title in capitals opens the section
    ("(Chi tiết tại các\nPhụ lục kèm theo)\nIV.TỔ CHỨC THỰC HIỆN\n1. Bộ Khoa học và Công nghệ",
     ["(Chi tiết tại các Phụ lục kèm theo)", "IV.TỔ CHỨC THỰC HIỆN", "1. Bộ Khoa học và Công nghệ"]),
    # initials are no numeral ("C.Mác" and "V.I.Lênin" run on in a wrapped sentence)
    ("vận dụng sáng tạo học thuyết của\nC.Mác và V.I.Lênin", ["vận dụng sáng tạo học thuyết của C.Mác và V.I.Lênin"]),
])
def test_a_section_numeral_glued_to_its_title(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # crawl 24f956b72eef05a2 Điều 3.1: a locality word glued to the place's name gets its space back
    ("1. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnhThái Nguyên,chính quyền địa phương",
     ["1. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Thái Nguyên,chính quyền địa phương"]),
    # crawl 88be0fbbe795796d: "các xãNậm Xe"
    ("quy mô dân số của các xãNậm Xe, Thèn Sin", ["quy mô dân số của các xã Nậm Xe, Thèn Sin"]),
    # but an abbreviation or a name with an inner capital stays as written ("tỉnh ủy", "VNeID")
    ("Ban Thường vụ tỉnh ủy; ứng dụng VNeID", ["Ban Thường vụ tỉnh ủy; ứng dụng VNeID"]),
])
def test_a_locality_word_glued_to_its_place(raw, expected):
    assert normalise(raw).splitlines() == expected


def test_an_item_number_with_a_consolidated_text_s_footnote_mark_opens_the_item():
    # crawl 1e6fb98e16a75e3d (a consolidated regulation): "1.[17]", "2.[18]" carry the amending text's notes; in a text
    # wrapped to a narrow page the item is no part of the article's title above it
    raw = ("Điều 25. Trách nhiệm và quyền hạn của Bộ Quốc phòng\n1.[17] (được bãi bỏ).\n2.[18] Chủ trì, phối hợp với\n"
           "các Bộ, ngành liên quan và Ủy ban nhân dân tỉnh Khánh Hòa tổ chức đón tiếp theo nghi thức lễ tân quy định\n"
           "đối với tàu quân sự nước ngoài thăm xã giao hoặc phối hợp huấn luyện, diễn tập;\n")
    assert normalise(raw).splitlines() == [
        "Điều 25. Trách nhiệm và quyền hạn của Bộ Quốc phòng", "1.[17] (được bãi bỏ).",
        "2.[18] Chủ trì, phối hợp với các Bộ, ngành liên quan và Ủy ban nhân dân tỉnh Khánh Hòa tổ chức đón tiếp theo "
        "nghi thức lễ tân quy định đối với tàu quân sự nước ngoài thăm xã giao hoặc phối hợp huấn luyện, diễn tập;"]


def test_long_table_rows_do_not_hide_that_the_text_was_wrapped():
    # gazette vi_qd_844_ttg_2026.pdf as obligraph's PDF reader gives it: its text wrapped to the page, its task table's
    # rows one to a line and far longer; read as one paragraph to a line, the article's lines stayed apart
    article = ("Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc\nChính phủ, Chủ tịch Ủy ban nhân "
               "dân các tỉnh, thành phố trực thuộc trung ương và\ncác cơ quan, tổ chức, cá nhân có liên quan chịu trách "
               "nhiệm thi hành Quyết định này./.\n")
    row = ("| 1. | Tăng cường lãnh đạo, chỉ đạo xây dựng và tổ chức thực hiện hiệu quả các chủ trương, chính sách, pháp "
           "luật, chương trình, kế hoạch về bảo hiểm y tế. | Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh ở địa phương | "
           "Các cơ quan, tổ chức, đơn vị khác có liên quan. | Văn bản chỉ đạo | Thường xuyên |\n")
    header = "| STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |\n"
    lines = (article + "PHỤ LỤC\n________________________________\n" + header + row * 6).split("\n")
    assert _wrap_width(lines) <= 90  # the page's width, as its longest line of text gives it
    # a text kept one paragraph to a line, with tables of the same kind, is still read so
    paragraphs = [line.replace("\n", " ") for line in (article * 4).split("./.\n")] + [row] * 6
    assert _wrap_width(paragraphs) > 200


def test_a_subgroup_label_on_its_own_line_opens_a_block_in_wrapped_text():
    # dev vi_qd_2629_ttg_2025 Phụ lục I, its group rows as lines of a wrapped text: the period stays its group's title
    text = ("Các chỉ tiêu cụ thể được quy định tại Phụ lục kèm theo Quyết định này, bảo đảm phù hợp với\nyêu cầu phát "
            "triển Chính phủ số của từng giai đoạn.\nII\nGiai đoạn 2028-2030\nII.1\nCung cấp dịch vụ số bao trùm, thông "
            "minh\n")
    assert normalise(text).split("\n")[2:5] == ["Giai đoạn 2028-2030", "II.1", "Cung cấp dịch vụ số bao trùm, thông minh"]


@pytest.mark.parametrize(("raw", "expected"), [
    # gazette vi_tt_13_2026_nhnn.pdf as pdfminer's text layer gives it: a blank line between the lines of one paragraph,
    # the next line in lower case
    ("Căn cứ Nghị định số 26/2025/NĐ-CP của Chính phủ quy định chức năng, \n\nnhiệm vụ, quyền hạn và cơ cấu tổ chức của "
     "Ngân hàng Nhà nước Việt Nam; \n", ["Căn cứ Nghị định số 26/2025/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ, "
                                        "quyền hạn và cơ cấu tổ chức của Ngân hàng Nhà nước Việt Nam;"]),
    # obligraph's own reading of that PDF: a page ends mid-sentence after a word that joins ("của"), the next page's
    # furniture gone, a blank line left
    ("thì văn bản chấp thuận của\n\nNgân hàng Nhà nước hoặc Ngân hàng Nhà nước chi nhánh đương nhiên hết hiệu lực.”.\n",
     ["thì văn bản chấp thuận của Ngân hàng Nhà nước hoặc Ngân hàng Nhà nước chi nhánh đương nhiên hết hiệu lực.”."]),
    # gazette vi_qd_798_ttg_2026.pdf as pdfminer gives it: a member's line of a list broken by a blank line, its rest
    # ending as the list's items do
    ("- Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch; \n\n- Phó Chủ tịch Ủy ban Trung ương Mặt trận tổ quốc Việt Nam, Chủ tịch "
     "\n\nTổng Liên đoàn lao động Việt Nam; \n\n- 01 Phó Trưởng ban Ban Tổ chức Trung ương; \n",
     ["- Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch;", "- Phó Chủ tịch Ủy ban Trung ương Mặt trận tổ quốc Việt Nam, Chủ tịch "
      "Tổng Liên đoàn lao động Việt Nam;", "- 01 Phó Trưởng ban Ban Tổ chức Trung ương;"]),
    # but a point opens a block whatever is above it (crawl 9119d84f0b18ca45), and a paragraph that ends its sentence ends
    ("Điều 8. Quy định chuyển tiếp\n\na) Đối với những hành vi vi phạm quy định tại Điều 5 của Nghị quyết\n",
     ["Điều 8. Quy định chuyển tiếp", "a) Đối với những hành vi vi phạm quy định tại Điều 5 của Nghị quyết"]),
    ("Theo đề nghị của Cục trưởng Cục An toàn hệ thống các tổ chức tín dụng; \n\nnhiệm vụ\n",
     ["Theo đề nghị của Cục trưởng Cục An toàn hệ thống các tổ chức tín dụng;", "nhiệm vụ"]),
])
def test_a_paragraph_goes_on_past_a_blank_line_mid_sentence(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # ../shared/corpus/pages/en_qd_175_ttg.html as html2text writes it: Markdown's backslash before a number's point
    # and a bullet's dash
    ("1\\. Development viewpoints\n\n\\- To develop the service sector in a fast, effective and sustainable manner.\n",
     ["1. Development viewpoints", "- To develop the service sector in a fast, effective and sustainable manner."]),
    # vi_qd_32_2025_ttg.html as html2text writes it: recitals in underscores; a form's blank stays
    ("_Căn cứ Luật Bưu chính số 49/2010/QH12;_\n_Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ;_\nSố: ______\n",
     ["Căn cứ Luật Bưu chính số 49/2010/QH12;", "Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ;", "Số: ______"]),
    # en_qd_215_ttg.html as BeautifulSoup's get_text("\n") gives it: a superscript's suffix on a line of its own, then
    # a line that holds only a non-breaking space, then the rest of the sentence
    ("on election of deputies to the XIII\nth\n\u00a0\nNational Assembly and deputies to People’s Councils at all levels "
     "for the 2011-2016 term;\n", ["on election of deputies to the XIIIth National Assembly and deputies to People’s "
                                   "Councils at all levels for the 2011-2016 term;"]),
])
def test_what_other_converters_write(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # dev vi_kh_753_dct_2026.pdf read by Tesseract at 200 dpi (page segmentation 6): a dash bullet read as a tilde, a
    # sub-item's 5 as a dollar sign, each at a line's start
    ("~ Bước 2: Trung tâm Quản lý chất lượng thực hiện chọn mẫu ngẫu nhiên sinh viên.\n"
     "$.2. Phòng Đào tạo và Phòng Công tác sinh viên\n",
     ["- Bước 2: Trung tâm Quản lý chất lượng thực hiện chọn mẫu ngẫu nhiên sinh viên.",
      "5.2. Phòng Đào tạo và Phòng Công tác sinh viên"]),
    # a tilde inside a line is the text's own (a crawl's "Bộ thẻ Welcom deck ~150 gram", "(2360MHz~2500MHz)")
    ("Bộ thẻ Welcom deck ~150 gram. Giao tiếp BLE (2360MHz~2500MHz).\n",
     ["Bộ thẻ Welcom deck ~150 gram. Giao tiếp BLE (2360MHz~2500MHz)."]),
])
def test_what_ocr_makes_of_a_line_s_mark(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), PARAGRAPHS)
def test_paragraphs(raw, expected):
    assert normalise(raw).splitlines() == expected


def test_crawl_furniture_is_stripped():
    for path in sorted(CRAWL.glob("*.md"))[:60]:
        text = normalise(path.read_text("utf-8"))
        for marker in ("THƯ VIỆN PHÁP LUẬT", "Văn bản liên quan", "Đăng nhập", "Quý khách", "Tình trạng: Đã biết"):
            assert marker not in text, (path.name, marker)


def test_seed_footers_are_stripped():
    qa = normalise((SEEDS / "001_dc036b3f248d9647.txt").read_text("utf-8"))
    assert "trước 05/12/2024" not in qa and "Quý khách" not in qa
    assert "Báo cáo cấp có thẩm quyền xem xét" in qa
    news = normalise((SEEDS / "000_78f4f8896ebb7b58.txt").read_text("utf-8"))
    assert "Comment (0)" not in news and "Same tag" not in news and "ảnh 1" not in news
    assert "disseminate this Official Dispatch" in news


def test_furniture_keeps_a_clean_document_whole():
    text = (DEV / "vi_cd_223_ttg_2025.txt").read_text("utf-8")
    assert strip_furniture(text) == text


def _paths(path) -> list[tuple[str | None, str]]:
    text = normalise(path.read_text("utf-8"))
    return [(b.path, text[b.content_start:b.span[1]][:30]) for b in segment(text).blocks if b.enum == "point"]


def test_english_second_d_is_vietnamese_dd():
    paths = [p for p, _ in _paths(SEEDS / "000_78f4f8896ebb7b58.txt")]
    assert paths == ["1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "1.g", "1.h"]


def test_latin_lettering_is_kept():
    text = normalise("1. Tasks:\na) one;\nb) two;\nc) three;\nd) four;\ne) five;\nf) six.")
    assert [b.path for b in segment(text).blocks if b.enum == "point"] == ["1.a", "1.b", "1.c", "1.d", "1.e", "1.f"]


def test_regions_of_a_cong_dien():
    text = normalise((DEV / "vi_cd_223_ttg_2025.txt").read_text("utf-8"))
    seg = segment(text)
    kinds = {b.kind for b in seg.blocks}
    assert {"header", "addressees", "body", "recipients", "signature"} <= kinds
    bullets = [b for b in seg.blocks if b.enum == "bullet" and b.kind == "body"]
    assert {b.path for b in bullets} == {"2"}
    addressees = " ".join(text[b.span[0]:b.span[1]] for b in seg.of_kind("addressees"))
    assert "Các Bộ: Quốc phòng" in addressees


PATH_CASES = [
    # vi_tb_623_vpcp_2025: "Chương trình ..." opens a sentence, not a chapter; the paragraphs under a heading are in
    # its section (vi_tb_648_vpcp_2025's gold puts the tasks of such paragraphs at "I")
    ("I. ĐÁNH GIÁ CHUNG\nChương trình xóa nhà tạm, nhà dột nát trong năm 2025 đã được hoàn thành.\n"
     "II. NHIỆM VỤ\n1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội.",
     [("I", "ĐÁNH GIÁ CHUNG"), ("I", "Chương trình xóa nhà"), ("II", "NHIỆM VỤ"), ("II.1", "Rà soát các chỉ")]),
    # ... and the paragraphs after an item that ends with ':' are that item's text
    ("III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
     "2. Về kiến nghị tăng mức hỗ trợ của ngân sách trung ương khoảng 143.000 tỷ đồng:\n"
     "Giao Bộ Tài chính nghiên cứu kiến nghị của tỉnh Đắk Lắk.\n"
     "3. Bộ Xây dựng hướng dẫn thực hiện.\n"
     "Văn phòng Chính phủ thông báo để các cơ quan biết.",
     [("III", "VỀ MỘT SỐ KIẾN NGHỊ"), ("III.2", "Về kiến nghị tăng"), ("III.2", "Giao Bộ Tài chính"),
      ("III.3", "Bộ Xây dựng hướng"), (None, "Văn phòng Chính phủ")]),
    ("Phần lớn các địa phương đã hoàn thành.\nPhần II. Tổ chức thực hiện", [(None, "Phần lớn các địa"), ("II", "Tổ chức thực hiện")]),
]


@pytest.mark.parametrize(("raw", "expected"), PATH_CASES)
def test_block_paths(raw, expected):
    text = normalise("Số: 1/TB-VPCP\n\nHà Nội, ngày 1 tháng 11 năm 2025\n\nTHÔNG BÁO\n\n" + raw)
    seg = segment(text)
    got = [(b.path, text[b.content_start:b.span[1]]) for b in seg.blocks[seg.header_end:]]
    assert [(path, t[:len(e)]) for (path, t), (_, e) in zip(got, expected, strict=True)] == expected


EMPHASIS = [
    ("**QUYẾT ĐỊNH**", "QUYẾT ĐỊNH"),
    ("Ghi chú (*)", "Ghi chú (*)"),  # a footnote's star stays
    ("Ghi chú (**)", "Ghi chú (**)"),
    ("**Ghi chú (*)**", "Ghi chú (*)"),
    ("(*Căn cứ*)", "(Căn cứ)"),  # a star after "(" or before ")" alone is emphasis
    ("***Điều 1.***(***)", "Điều 1.(***)"),
    ("# Văn bản\n## Điều 2", "Văn bản\nĐiều 2"),
]


@pytest.mark.parametrize(("raw", "expected"), EMPHASIS)
def test_clean_markdown(raw, expected):
    assert clean_markdown(raw) == expected


# cells of a squeezed text: single spaces inside a line, a space at most at the ends of a part between pipes
@pytest.mark.parametrize("cell", [[], [""], [" "], ["a b", " c "], ["x" * 300, "y" * 299], ["x" * 300, "y" * 300],
                                  ["x" * 300 + " ", "", " " + "y" * 299], ["w " * 400]])
def test_longer_than_is_the_cell_text_length(cell):
    assert _longer_than(cell, MAX_TABLE_CELL) == (len(_cell_text(cell)) > MAX_TABLE_CELL)


TABLE_ROWS = [
    # a crawl ran the body into the table's first row: the long cell is text, the short ones after it the table
    ("|\n" + "Bộ Xây dựng chủ trì rà soát các quy định. " * 20 + "\n|\nSTT\n|\nNhiệm vụ\n|\nThời hạn\n|\n|\n",
     ["Bộ Xây dựng chủ trì rà soát các quy định. " * 19 + "Bộ Xây dựng chủ trì rà soát các quy định.",
      "STT | Nhiệm vụ | Thời hạn"]),
    # after a long cell, the table starts at its "STT" header: the short text before it is text too
    ("|\n" + "Bộ Xây dựng chủ trì. " * 40 + "\n|\nGhi chú\n|\nSTT\n|\nNhiệm vụ\n|\nThời hạn\n|\n|\n",
     ["Bộ Xây dựng chủ trì. " * 39 + "Bộ Xây dựng chủ trì.", "Ghi chú", "STT | Nhiệm vụ | Thời hạn"]),
    # a row of short cells only is one table row, whatever stands before its "STT"
    ("|\nGhi chú\n|\nSTT\n|\nNhiệm vụ\n|\nThời hạn\n|\n|\n", ["Ghi chú | STT | Nhiệm vụ | Thời hạn"]),
    # the layout table of a header (number, motto, dateline) is paragraphs, not a table row
    ("|\nSố: 12/CĐ-TTg\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nHà Nội, ngày 2 tháng 3 năm 2025\n|\n|\n",
     ["Số: 12/CĐ-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 2 tháng 3 năm 2025"]),
    ("|\nBộ Y tế\n|\nCông điện khẩn\n|\nHà Nội, ngày 2 tháng 3 năm 2025\n|\n|\n",
     ["Bộ Y tế", "Công điện khẩn", "Hà Nội, ngày 2 tháng 3 năm 2025"]),
    ("|\nBộ Y tế\n|\nCông điện khẩn\n|\nBộ trưởng Bộ Y tế điện:\n|\n|\n",
     ["Bộ Y tế", "Công điện khẩn", "Bộ trưởng Bộ Y tế điện:"]),
    ("|\nBộ Y tế\n|\nCông điện khẩn\n|\nBộ trưởng Bộ Y tế điện báo\n|\n|\n",
     ["Bộ Y tế | Công điện khẩn | Bộ trưởng Bộ Y tế điện báo"]),
    ("|\n1\n|\nBộ Y tế\n|\nQuý II năm 2025\n|\n|\n", ["1 | Bộ Y tế | Quý II năm 2025"]),
]


@pytest.mark.parametrize(("raw", "expected"), TABLE_ROWS)
def test_table_rows(raw, expected):
    assert normalise(raw).splitlines() == expected


def _fitting_line_by_line(plain: _PlainLines, rule, begin: int = 0) -> list[int]:
    return [i for i in range(begin, len(plain.lines)) if plain.lines[i] and rule.test(plain.lines[i])]


@pytest.mark.parametrize("path", sorted(CRAWL.glob("*.md"))[:40] + [SEEDS / "000_78f4f8896ebb7b58.txt"],
                         ids=lambda p: p.name)
def test_scan_finds_every_fitting_line(path):
    """The whole-text scans of the furniture rules (and of the motto) find exactly the lines that the rules
    fit one by one."""
    rules = load_rules()
    plain = _PlainLines(_plain(normalise_characters(path.read_text("utf-8"))))
    for rule in (*rules.line_rules, *rules.tail_rules, _MOTTO_RULE):
        assert list(plain.lines_fitting(rule)) == _fitting_line_by_line(plain, rule)
    middle = len(plain.lines) // 2
    assert list(plain.lines_fitting(rules.tail_rules[0], middle)) == _fitting_line_by_line(plain, rules.tail_rules[0], middle)


SQUEEZED = [
    ("**Điều 1.** Phạm vi điều chỉnh", "**Điều 1.** Phạm vi điều chỉnh"),  # nothing to do
    ("  STT  Tên nhiệm vụ \n   \n Bộ Xây dựng   2026  ", "STT Tên nhiệm vụ\n\nBộ Xây dựng 2026"),
    ("Hà Nội, ngày 20 \n tháng 11 năm 2025\n \n", "Hà Nội, ngày 20\ntháng 11 năm 2025\n\n"),
]


@pytest.mark.parametrize(("text", "expected"), SQUEEZED)
def test_squeeze_lines(text, expected):
    assert squeeze_lines(text) == expected == "\n".join(" ".join(line.split()) for line in text.split("\n"))


@pytest.mark.parametrize("path", sorted(CRAWL.glob("*.md"))[:40], ids=lambda p: p.name)
def test_squeeze_lines_is_split_join_line_by_line(path):
    """The whole-text squeeze equals the per-line split-join, on crawled pages and on their plain view."""
    text = normalise_characters(path.read_text("utf-8"))
    for view in (text, text.replace("*", " ").replace("|", " ").replace("#", " ")):
        assert squeeze_lines(view) == "\n".join(" ".join(line.split()) for line in view.split("\n"))


FURNITURE_LINES = [
    # a marker that the whole-text scan finds run over two lines ("Trang" over "3") fits neither line
    ("CỘNG HÒA\nXÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrang\n3", [0, 1, 2, 3], []),
    ("Trang 3\n**Văn bản liên quan**\nẢnh 2\nThư viện Pháp luật\nxem ảnh 12", [0, 1, 2, 3, 4], [0, 3, 4]),
    ("Bài viết (Hình từ Internet)\nHà Nội. Photo: VNA\nPage 2 of 9", [0, 1, 2], [0, 1, 2]),
]


@pytest.mark.parametrize(("text", "lines", "furniture"), FURNITURE_LINES)
def test_furniture_lines(text, lines, furniture):
    plain = _PlainLines(_plain(text))
    assert list(range(len(plain.lines))) == lines
    found = sorted({i for rule in load_rules().line_rules for i in plain.lines_fitting(rule)})
    assert found == furniture


def test_furniture_patterns_suit_a_whole_text_scan():
    """The scans over a whole text hit every line a pattern fits only if no pattern looks around or
    anchors at the text's ends (see LineRule)."""
    data = knowledge.load("furniture")
    for pattern in data["line_patterns"] + data["tail_start_patterns"]:
        assert not re.search(r"\\[AZ]|\(\?<?[=!]", pattern), pattern
