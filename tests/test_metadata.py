"""The metadata stage on real headers: (text as crawled or printed, expected issuer and symbol).

The headers are copied from documents of ../shared/corpus/dev (file named in each comment).
"""

from __future__ import annotations

import pytest

from pipeline.cleanup.language import detect_document
from pipeline.cleanup.normalise import normalise
from pipeline.extract.metadata import extract_metadata, read_header
from pipeline.segment.segmenter import paragraphs, segment


def metadata(raw: str):
    text = normalise(raw)
    return extract_metadata(text, segment(text), detect_document([text[s:e] for s, e in paragraphs(text)]))


CASES = [
    # vi_kh_182_ubnd_dongnai_2025: the issuer's name broken over two lines of the crawled header cell
    ("|\nỦY BAN NHÂN DÂN\n\nTỈNH ĐỒNG NAI\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 182/KH-UBND\n|\nĐồng Nai, ngày 20\n"
     "tháng 11 năm 2025\n|\n\nKẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÒNG, CHỐNG MA TÚY\n\n"
     "Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội.\n",
     "Ủy ban nhân dân tỉnh Đồng Nai", "182/KH-UBND"),
    # vi_cd_nonum_mualu_trungbo_a_2025: no header cell; the sender line names the issuer, not the addressees
    ("CÔNG ĐIỆN\n\nV/V TẬP TRUNG ỨNG\nPHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ\n\n"
     "THỦ TƯỚNG CHÍNH PHỦ điện:\n\n|\n|\n- Đồng chí Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy\n"
     "ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế, Đà Nẵng, Quảng\nNgãi, Gia Lai, Đắk Lắk, "
     "Khánh Hòa và Lâm Đồng;\n- Các Bộ: Quốc phòng, Công an;\n\n1. Chủ tịch Ủy ban nhân dân các tỉnh khẩn trương.\n",
     "Thủ tướng Chính phủ", None),
    # vi_tb_nonum_kl_ttg_lu_daklak_2025: no header at all; the first paragraph names many bodies, none the issuer: the
    # notice of the Prime Minister's conclusions is the Government Office's, as all such notices are (TB-VPCP)
    ("THÔNG BÁO\n\nKẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH VỀ CÔNG TÁC KHẮC PHỤC HẬU\n"
     "QUẢ MƯA, LŨ TẠI TỈNH NAM TRUNG BỘ\n\nNgày 29 tháng 11\nnăm 2025, Thủ tướng Chính phủ Phạm Minh Chính đã đi "
     "thị sát tình hình lũ lụt tại tỉnh Đắk Lắk. Tham gia đoàn công tác có lãnh đạo Tập đoàn Bưu chính Viễn thông "
     "Việt Nam.\n",
     "Văn phòng Chính phủ", None),
    # vi_tb_nonum_kl_ptt_sonla_2025: a Deputy Prime Minister's conclusions, the title broken over lines
    ("THÔNG BÁO\n\nKẾT\nLUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH\nSƠN LA\n\n"
     "Ngày 18 tháng 11 năm 2025, Phó Thủ tướng Chính phủ Bùi Thanh Sơn đã làm việc với lãnh đạo tỉnh Sơn La.\n",
     "Văn phòng Chính phủ", None),
    # crawl 31ea3f5a8224b092's header as a text layer or OCR reads its two columns across: each line holds a piece of
    # the issuer's cell, then the motto's
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc\n"
     "Số: 3851/QĐ-UBND Nghệ An, ngày 26 tháng 11 năm 2025\nQUYẾT ĐỊNH\n",
     "Ủy ban nhân dân tỉnh Nghệ An", "3851/QĐ-UBND"),
    # the unit that issues under its parent body (DOMAIN.md, box 2: "BỘ NỘI VỤ" over "CỤC VĂN THƯ ..."): the unit is
    # the issuer, named as agencies' names are written, with its parent's province where it is a province's
    # crawl 03890575449f6e05: the Tax Department's letter
    ("|\n|\nBỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh "
     "phúc\n---------------\n|\n|\nSố: 5615/CT-CS\n",
     "Cục Thuế", "5615/CT-CS"),
    # crawl 1894fbabcd1b75f6: the Customs Department's
    ("|\n|\nBỘ TÀI CHÍNH\n**CỤC HẢI QUAN**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - "
     "Hạnh phúc\n---------------\n|\n|\nSố: 39992/CHQ-GSQL\n",
     "Cục Hải quan", "39992/CHQ-GSQL"),
    # crawl ca72de8fb3033d5c: a centre of the city of Hanoi
    ("|\n|\nUBND THÀNH PHỐ HÀ\nNỘI\n**TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA "
     "VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 1597/QĐ-TTPVHCC\n",
     "Trung tâm Phục vụ hành chính công thành phố Hà Nội", "1597/QĐ-TTPVHCC"),
    # vi_cv_5095_sgddt-cttthssv_hanoi_2025: a department of the city, as the registry names it
    ("UBND THÀNH PHỐ HÀ\nNỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự "
     "do - Hạnh phúc\n---\n|\nSố: 5095/SGDĐT-CTTTHSSV\n",
     "Sở Giáo dục và Đào tạo thành phố Hà Nội", "5095/SGDĐT-CTTTHSSV"),
    # crawl c49a5afadf61b342: a commission of the Party's Central Committee
    ("|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**BAN TUYÊN GIÁO VÀ DÂN VẬN**\n*\n|\n**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n---------------\n"
     "|\n|\nSố: 1147-QĐ/BTGDVTW\n",
     "Ban Tuyên giáo và Dân vận Trung ương", "1147-QĐ/BTGDVTW"),
    # ../shared/corpus/pages/vi_qd_32_2025_ttg.html as html2text writes it: the header table's cells as one Markdown row,
    # the issuer and the number in one cell, an empty emphasis after the number, the date in underscores
    ("**THỦ TƯỚNG CHÍNH PHỦ ** Số: 32/2025/QĐ-TTg __**** |  **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** **Độc lập - Tự do - "
     "Hạnh phúc** _Hà Nội, ngày 08 tháng 9 năm 2025_  \n---|---  \n  \n**QUYẾT ĐỊNH**\n\n**Về Mạng bưu chính phục vụ cơ "
     "quan Đảng, Nhà nước**\n",
     "Thủ tướng Chính phủ", "32/2025/QĐ-TTg"),
    # the same page as w3m draws it: the header table in box-drawing rules
    ("┌──────────────────────┬───────────────────────────────────┐\n│ THỦ TƯỚNG CHÍNH PHỦ  │ CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
     "VIỆT NAM │\n│                      │    Độc lập - Tự do - Hạnh phúc    │\n│ Số: 32/2025/QĐ-TTg   │ Hà Nội, ngày "
     "08 tháng 9 năm 2025  │\n└──────────────────────┴───────────────────────────────────┘\n\nQUYẾT ĐỊNH\n",
     "Thủ tướng Chính phủ", "32/2025/QĐ-TTg"),
]


@pytest.mark.parametrize(("raw", "issuer", "symbol"), CASES)
def test_issuer_and_symbol(raw, issuer, symbol):
    meta = metadata(raw)
    assert (meta.issuer, meta.symbol) == (issuer, symbol)


def test_a_unit_speaks_for_its_parent():
    """The Tax Department issues its letter, and the text speaks for the ministry it stands under: "Bộ" in it is the
    Ministry of Finance, and the ministry's reach (central) is the letter's (crawl 03890575449f6e05)."""
    text = normalise("|\n|\nBỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - "
                     "Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 5615/CT-CS\n")
    header = read_header(text, segment(text), "vi")
    assert (header.metadata.issuer, header.authority) == ("Cục Thuế", "Bộ Tài chính")


@pytest.mark.parametrize(("raw", "doc_type", "title"), [
    # crawl 66c4469d61836680: "5332/CT-CS" is the Tax Department's letter ("V/v" on the number's line), no chỉ thị
    ("|\nBỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n|\n|\nSố: 5332/CT-CS\n*V/v\nChính sách thuế TNCN*\n|\n*Hà Nội, ngày 19 tháng 11\nnăm 2025*\n|\n"
     "**Kính gửi:** Bà Đặng Phương Hà My\n",
     "CV", "V/v Chính sách thuế TNCN"),
    # crawl 386a3bae0faac998: "V/v:" ends its line, the subject is on the next
    ("|\nBỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n|\n|\nSố: 5331/CT-CS\n*V/v:\nChính sách thuế TNCN*\n|\n*Hà Nội, ngày 19 tháng 11\nnăm 2025*\n|\n"
     "**Kính gửi:** Bà Trần Nguyễn Thanh Thúy\n",
     "CV", "V/v: Chính sách thuế TNCN"),
    # vi_ct_09_ubnd_cantho_2025: a chỉ thị prints its type word; "CT" in its symbol is its type
    ("|\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
     "phúc\n---------------\n|\n|\nSố: 09/CT-UBND\n|\nCần Thơ, ngày 18\ntháng 11 năm 2025\n|\n\nCHỈ THỊ\n\n"
     "VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ, BẢO VỆ TÀI NGUYÊN NƯỚC DƯỚI\n", "CT",
     "VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ, BẢO VỆ TÀI NGUYÊN NƯỚC DƯỚI"),
])
def test_a_letter_is_told_by_its_subject_line(raw, doc_type, title):
    meta = metadata(raw)
    assert (meta.doc_type, meta.title) == (doc_type, title)


# crawl 88be0fbbe795796d (1670/NQ-UBTVQH15): no issuer's cell and no dateline; the symbol's code (with the
# legislature's term) names the issuer, and the closing line says when the resolution was adopted
STANDING_COMMITTEE = (
    "Số: 1670/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT****Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm "
    "2025**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
    "**QUYẾT NGHỊ:**\n\n**Điều 2. Hiệu lực thi hành**\n\n1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.\n"
    "*Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua ngày 16 "
    "tháng 6 năm 2025.*\n")
# crawl a57bf3febd1d410d (1654/NQ-UBTVQH15): the same closing with its words emphasised one by one
EMPHASISED_CLOSING = STANDING_COMMITTEE.replace(
    "thông qua ngày 16 tháng 6 năm 2025.*", "thông qua **ngày** 16 **tháng** 6* *năm 2025.*")


def test_a_page_that_opens_with_the_number_and_a_glued_type_line():
    # crawl 355bcc582867074b: no motto, no issuer's cell: the page opens with "Số: ..." and runs the type's line into
    # the title's ("NGHỊ ĐỊNH" glued to "Về hợp đồng ..."); the first chapter's "QUY ĐỊNH CHUNG" is no type line
    raw = ("Số: 173/2025/NĐ-CP |\n|\n\n**NGHỊ ĐỊNH****Về hợp đồng thực hiện nhiệm vụ của công chức**\n\n"
           "**Về hợp đồng thực hiện nhiệm vụ của công chức**\n\n_______________\n\n\n"
           "*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n\n*Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 "
           "năm 2025;*\n\n*Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;*\n\n*Căn cứ Bộ luật Dân sự ngày 24 tháng 11 "
           "năm 2015;*\n\n*Theo đề nghị của Bộ trưởng Bộ Nội vụ;*\n\n*Chính phủ ban hành Nghị định về hợp đồng thực hiện "
           "nhiệm vụ của công chức.*\n\n\n**Chương I****QUY ĐỊNH CHUNG**\n\n**QUY ĐỊNH CHUNG**\n\n\n"
           "**Điều 1. Phạm vi điều chỉnh**\n\nNghị định này quy định về hợp đồng thực hiện nhiệm vụ của công chức.\n")
    meta = metadata(raw)
    assert (meta.symbol, meta.doc_type, meta.title) == ("173/2025/NĐ-CP", "NĐ", "Về hợp đồng thực hiện nhiệm vụ của công chức")


@pytest.mark.parametrize("raw", [STANDING_COMMITTEE, EMPHASISED_CLOSING])
def test_a_resolution_adopted_by_the_standing_committee(raw):
    meta = metadata(raw)
    assert (meta.issuer, meta.issued_on) == ("Ủy ban Thường vụ Quốc hội", "2025-06-16")


@pytest.mark.parametrize(("raw", "issued"), [
    # the OCR of dev vi_qd_2627_bgddt_2025.pdf and the text layer of gazette vi_tt_13_2026_nhnn.pdf, their datelines in
    # figures: the number's cell or the motto before the dateline on one line (the header's columns read across)
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n—— Độc lập - Tự do - Hạnh phúc\n"
     "Số: 2627 /QĐ-BGDĐT Hà Nội, ngày 17/09/2025\n: QUYẾT ĐỊNH\n", "2025-09-17"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nSố: 13/2026/TT-NHNN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 19/5/2026\nTHÔNG TƯ\n", "2026-05-19"),
])
def test_a_dateline_in_figures_after_the_number_or_the_motto(raw, issued):
    assert metadata(raw).issued_on == issued


@pytest.mark.parametrize(("raw", "symbol", "issued"), [
    # dev vi_qd_2676_bgddt_2025.pdf as Tesseract reads it at 200 dpi as one block of text (another archive's OCR): the
    # number's cell and the dateline on one line, the place's comma left out and "tháng" glued to its month
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 2676 /QĐ-BGDĐT Hà Nội ngày 24 tháng9 năm 2025\nQUYÉT ĐỊNH\n"
     "Về việc phê duyệt Tài liệu hướng dẫn tô chức công tác phát triển Đảng\n", "2676/QĐ-BGDĐT", "2025-09-24"),
    # dev vi_qd_2576_bgddt_2025.pdf: its number's line as the same OCR reads it, the label without its tone mark and no
    # space after the colon (the other lines as printed)
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSô:2576 /QĐ-BGDĐT\n"
     "Hà Nội, ngày 11 tháng 9 năm 2025\nQUYẾT ĐỊNH\n", "2576/QĐ-BGDĐT", "2025-09-11"),
    # the same scan's header read at 150 dpi: the day's 11 read as a pipe and a bracket
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố:2576 /QĐÐ-BGDĐT\n"
     "Hà Nội, ngày |] tháng 9 năm 2025\n\nQUYÉT ĐỊNH\n", "2576/QĐ-BGDĐT", "2025-09-11"),
])
def test_an_ocr_header_that_lost_a_comma_or_a_tone_mark(raw, symbol, issued):
    meta = metadata(raw)
    assert (meta.symbol, meta.issued_on) == (symbol, issued)


def test_a_stamps_speck_before_the_signers_name():
    # gazette vi_qd_844_ttg_2026.pdf: the text layer reads a "[" of the signature stamp before the name
    raw = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Hà Nội, ngày 13 tháng 5 năm 2026\nQUYẾT ĐỊNH\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban "
           "hành.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\n[ Phạm Thị Thanh Trà\n")
    assert metadata(raw).signer == "Phạm Thị Thanh Trà"
