"""OCR's tone-mark misreadings read back from the word pairs they stand in: tables of real strings (obligraph's own
Tesseract reading of ../shared's born-digital gazette PDFs at 300 dpi, page segmentation 4, set against their text
layer; the directives of ../shared as written)."""

from __future__ import annotations

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.cleanup.ocr_words import repair_ocr_words
from pipeline.knowledge.ocr_repairs import mine
from tests.conftest import passage

# gazette vi_tt_13_2026_nhnn.pdf, Điều 10, as Tesseract reads the page
OCR_ARTICLE = ("Điều 10. Sửa đối, bỗ sung Điều 22\n“Điều 22. Trách nhiệm của Ngân hàng Nhà nước chỉ nhánh nơi tổ chức\n"
               "tín dụng phi ngân hàng đặt trụ sở chỉ nhánh, văn phòng đại diện, đơn vị sự\nnghiệp\n"
               "1. Chịu trách nhiệm trước Thống đốc khi thực hiện các vẫn đề theo thâm quyền\n"
               "được quy định tại Thông tư này.\n\n2. Tiếp nhận hồ sơ, chấp thuận hoặc không chấp thuận đối với các nội dung\n"
               "theo thâm quyên quy định tại khoản 2 Điêu 4 Thông tư này.\n\n3. Quản lý, thanh tra, kiểm tra, giám sát hoạt "
               "động của chi nhánh, văn phòng\nđại diện, đơn vị sự nghiệp của tô chức tín dụng phi ngân hàng trên địa bàn.\n")


@pytest.mark.parametrize(("misread", "written"), [
    ("Sửa đối, bỗ sung Điều 22", "Sửa đổi, bổ sung Điều 22"),
    ("Ngân hàng Nhà nước chỉ nhánh", "Ngân hàng Nhà nước chi nhánh"),
    ("theo thâm quyên quy định tại khoản 2 Điêu 4", "theo thẩm quyền quy định tại khoản 2 Điều 4"),  # a number after
    ("sự nghiệp của tô chức tín dụng", "sự nghiệp của tổ chức tín dụng"),
])
def test_a_scan_s_misread_pairs_are_read_back(misread, written):
    repaired = repair_ocr_words(OCR_ARTICLE)
    assert misread in OCR_ARTICLE and written in repaired
    assert len(repaired) == len(OCR_ARTICLE)  # offsets kept


def test_a_pair_the_page_wrapped_is_read_back_too():
    # gazette vi_qd_798_ttg_2026.pdf, Điều 1, as Tesseract reads it: "tiên" ends a line, "lương" opens the next
    misread = ("Điêu 1. Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiên\nlương, bảo hiêm xã hội và ưu đãi "
               "người có công (gọi tắt là Ban Chỉ đạo), gôm các thành viên sau đây:\n")
    assert repair_ocr_words(misread) == ("Điều 1. Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền\nlương, "
                                         "bảo hiểm xã hội và ưu đãi người có công (gọi tắt là Ban Chỉ đạo), gồm các "
                                         "thành viên sau đây:\n")


@pytest.mark.parametrize("written", [
    # a text as written may hold a rare pair that OCR would also make (a writer's slip); a text whose opening shows no
    # OCR is left as it is, that pair and all
    "Hội đồng nhân dân tỉnh quyết định theo thẩm quyền. Sở Tài chính chủ trì, phối hợp với các sở, ngành.\n" * 40
    + "Các tổ chức, cá nhân có liên quan thực hiện theo tô chức của Ban.\n",
    OCR_ARTICLE.replace("Điêu", "Điều").replace("thâm quyên", "thẩm quyền").replace("thâm quyền", "thẩm quyền")
    .replace("tô chức", "tổ chức").replace("chỉ nhánh", "chi nhánh").replace("Sửa đối, bỗ sung", "Sửa đổi, bổ sung"),
])
def test_a_text_as_written_is_left_as_it_is(written):
    assert repair_ocr_words(written) == written


def test_the_article_a_scan_gives_is_read_as_the_page_writes_it():
    # before the repair the scan's "Sửa đối, bỗ sung" and "chỉ nhánh" hid the amendment and the body: no task
    header = "NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM\nSố: 13/2026/TT-NHNN\nHà Nội, ngày 19 tháng 5 năm 2026\nTHÔNG TƯ\n"
    record = passage(header + OCR_ARTICLE)
    assert [(o.path, [a.name for a in o.assignees]) for o in record.obligations] == [
        ("10.2", ["Ngân hàng Nhà nước chi nhánh Khu vực"]), ("10.3", ["Ngân hàng Nhà nước chi nhánh Khu vực"])]


def test_repairs_are_mined_from_pairs_directives_write_and_never_misread():
    texts = ["Bộ Tư pháp tổ chức thực hiện. Các tổ chức, cá nhân có liên quan. Ủy ban nhân dân tổ chức triển khai."] * 30
    table = mine(texts, min_count=50)  # "tổ chức" written 90 times
    assert table["tô chức"] == "tổ chức" and table["tố chức"] == "tổ chức"
    assert "các tô" not in table  # "các tổ" written 30 times only
    # a pair some directive writes is a pair of real words, never repaired
    assert "tô chức" not in mine([*texts, "Món ăn được tô chức trong bát."], min_count=50)
    assert mine(texts, min_count=100) == {}


def test_normalise_reads_a_scan_back_before_its_structure():
    assert "Điều 4 Thông tư này" in normalise(OCR_ARTICLE)
