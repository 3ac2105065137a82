"""Rules that describe how directives are written, each with real strings of ../shared."""

from __future__ import annotations

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.evaluate_styles import STYLES, restyle
from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.body_mentions import BodyMentions
from pipeline.extract.class_subjects import ClassSubjects
from pipeline.extract.deadlines import find_deadlines, period_heading, period_in_slot, primary_deadline
from pipeline.extract.document import (
    extract_file,
    extract_text,
    is_central,
    is_normative,
    publishes_procedures,
)
from pipeline.extract.obligation_clauses import _member_line
from pipeline.extract.obligation_deadlines import Paragraphs
from pipeline.extract.obligation_forms import list_or_form
from pipeline.extract.task_tables import TaskTable
from pipeline.records import Source
from pipeline.segment.segmenter import match_enumerator, segment
from tests.conftest import CRAWL, DEV, ROOT, extracted, passage

HEADER = "Số: 999/QĐ-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"


def tasks(body: str, header: str = HEADER) -> list[tuple[str | None, list[str]]]:
    return [(o.path, sorted(a.name for a in o.assignees)) for o in passage(header + body).obligations]


PASSAGES = [
    # dev vi_qd_2623_ttg_2025: articles about the decision itself are not tasks
    ("Điều 1.\nBan hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân.\n"
     "Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.\n", []),
    # crawl a49ef8a0da1f62dd IV.1: activities with no actor anywhere above them are no obligations
    ("IV. NỘI DUNG\n1. Vệ sinh môi trường\n- Tổ chức thu gom, vận chuyển và xử lý triệt để rác thải sau lũ.\n", []),
    # dev vi_kh_0129_ubnd_daklak_2025: a generic actor gives an obligation that names nobody
    ("V. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao, khẩn trương phối "
     "hợp triển khai thực hiện Kế hoạch này.\n1. Sở Y tế chủ trì theo dõi tình hình dịch bệnh.\n",
     [("V", []), ("V.1", ["Sở Y tế"])]),
    # gazette vi_tt_13_2026_nhnn.pdf: "chịu trách nhiệm tổ chức thực hiện Thông tư này" is the closing formula
    ("Điều 15. Trách nhiệm tổ chức thực hiện\nThủ trưởng các đơn vị thuộc Ngân hàng Nhà nước, tổ chức tín dụng phi ngân "
     "\nhàng chịu trách nhiệm tổ chức thực hiện Thông tư này./.\n", []),
]


@pytest.mark.parametrize(("body", "expected"), PASSAGES)
def test_what_is_a_task(body, expected):
    assert tasks(body) == expected


def test_open_world_subject_gets_the_province():
    # crawl a49ef8a0da1f62dd: a body the registry does not know, named without its province
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát dịch bệnh sau lũ.\n",
                  "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n" + HEADER)
    assert found == [("IV.1", ["Trung tâm Kiểm soát bệnh tật tỉnh Đắk Lắk"])]


DEADLINES = [
    # crawl 5dbaef1b7c77d06c: a year that is the task's own target is due at its end
    ("Khẩn trương thực hiện quyết liệt, đồng bộ các nhiệm vụ, giải pháp để hoàn thành vượt mức các chỉ tiêu, "
     "kế hoạch năm 2025.", "vi", "2025-11-26", "2025-12-31"),
    # a time of day between the cue and the day
    ("báo cáo Thủ tướng Chính phủ trước 16 giờ ngày 05/12/2025.", "vi", "2025-11-26", "2025-12-05"),
    # a vision year is no deadline (dev vi_qd_2597-style wording)
    ("phấn đấu đến năm 2030, tầm nhìn đến năm 2045", "vi", "2025-11-26", None),
    # pages en_qd_57_ttg: "shall ... in 2010" in a 2010 decision
    ("The Ministry of Culture, Sports and Tourism shall submit it to the Prime Minister in 2010.", "en",
     "2010-01-12", "2010-12-31"),
    # dev vi_cd_220_ttg_2025: the year of a cited plan's date written out is no target of the task
    ("Tập trung triển khai các nhiệm vụ, giải pháp về thực hiện cấu trúc lại quy trình, cung cấp dịch vụ công trực tuyến "
     "trên Cổng Dịch vụ công quốc gia theo đúng mục tiêu, yêu cầu tại Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 "
     "của Ban Chỉ đạo Trung ương.", "vi", "2025-11-21", None),
    # crawl 86367f2ddb2225cd II.6: a labelled span of years ends its sentence; it is due at the end of its last year
    ("- Thời gian thực hiện: năm\n2026 - 2027.", "vi", "2025-11-26", "2027-12-31"),
    # dev vi_kh_7360_ubnd_laichau_2025: a year that goes on into the years after is no deadline
    ("- Thời gian thực hiện: Năm\n2026 và các năm tiếp theo.", "vi", "2025-11-26", None),
]


@pytest.mark.parametrize(("text", "language", "issued", "due"), DEADLINES)
def test_deadlines(text, language, issued, due):
    best = primary_deadline(find_deadlines(text, 0, len(text), issued_on=issued, language=language))
    assert (best.date if best else None) == due


def test_items_from_100_on_are_items():
    text = normalise("".join(f"{n}. Sở Tư pháp rà soát văn bản số {n}.\n" for n in range(98, 103)))
    paths = [b.path for b in segment(text).blocks if b.enum == "item"]
    assert paths == ["98", "99", "100", "101", "102"]


def test_an_article_number_followed_by_a_semicolon_is_no_article():
    # dev vi_qd_2623_ttg_2025: "khoản 3\nĐiều 6; khoản 5 Điều 9" is one wrapped sentence
    text = normalise("+ Nội dung: quy định chi tiết: khoản 2, khoản 3\nĐiều 6; khoản 5 Điều 9; khoản 3 Điều 17.\n")
    assert [b.enum for b in segment(text).blocks] == ["bullet"]


def test_gazette_running_heads_are_not_text():
    # gazette vi_qd_844_ttg_2026: the page head is glued to the next line of text by the PDF text layer
    text = normalise("các cấp chuyên môn kỹ thuật khám bệnh, chữa bệnh\nCÔNG BÁO/Số 286/Ngày 27-05-2026 92 "
                     "ở cơ sở khám bệnh, chữa bệnh cấp chuyên sâu;\n")
    assert "CÔNG BÁO" not in text and "92" not in text


def test_a_site_summary_before_the_document_is_no_part_of_it():
    record = extracted(str(CRAWL / "5dbaef1b7c77d06c.md"))
    assert all("THỦ TƯỚNG" not in o["text"] and not o["text"].startswith("Theo đó") for o in record["obligations"])
    assert record["metadata"]["symbol"] == "229/CĐ-TTg"


def test_a_plan_attached_after_the_signature_is_read():
    record = extracted(str(DEV / "vi_qd_2623_ttg_2025.txt"))
    paths = [o["path"] for o in record["obligations"]]
    assert {"II.1", "II.2", "II.3", "II.7", "II.8", "III.3", "IV.1"} <= set(paths)
    assert not any("có hiệu lực" in o["text"] for o in record["obligations"])


@pytest.mark.parametrize(("symbol", "doc_type", "normative"), [
    ("16/2025/NĐ-CP", "NĐ", True), ("32/2025/QĐ-TTg", "QĐ", True), ("49/VBHN-BCT", None, True),
    ("2623/QĐ-TTg", "QĐ", False), ("229/CĐ-TTg", "CĐ", False)])
def test_which_documents_are_normative(symbol, doc_type, normative):
    assert is_normative(symbol, doc_type) is normative


def test_a_decree_that_assigns_no_work_yields_no_obligations():
    # crawl 1180a89cc49ca3fe, Nghị định 304/2025/NĐ-CP: rules for credit institutions, no work for a state body
    assert extracted(str(CRAWL / "1180a89cc49ca3fe.md"))["obligations"] == []


# Every page, gazette PDF and scanned PDF of ../shared with its own symbol and issue date where legible.
# Not legible: 753/KH-DCT (number and day hand-written on the scan); 1408/QĐ-BXD's copy has no dateline.
# The consolidated 49/VBHN-BCT prints its number and date only in the authentication block at its end.
LEGIBLE = [
    ("pages/en_qd_1755_ttg_2010.html", "1755/QĐ-TTg", "2010-09-22"),
    ("pages/en_qd_175_ttg.html", "175/QĐ-TTg", "2011-01-27"),
    ("pages/en_qd_215_ttg.html", "215/QĐ-TTg", "2011-02-16"),
    ("pages/en_qd_57_ttg.html", "57/QĐ-TTg", "2010-01-12"),
    ("pages/vi_qd_1408_bxd.html", "1408/QĐ-BXD", None),
    ("pages/vi_qd_32_2025_ttg.html", "32/2025/QĐ-TTg", "2025-09-08"),
    ("gazette/vi_nd_123_2026_cp.pdf", "123/2026/NĐ-CP", "2026-04-04"),
    ("gazette/vi_nq_113_cp_2026.pdf", "113/NQ-CP", "2026-04-25"),
    ("gazette/vi_qd_798_ttg_2026.pdf", "798/QĐ-TTg", "2026-05-05"),
    ("gazette/vi_qd_844_ttg_2026.pdf", "844/QĐ-TTg", "2026-05-13"),
    ("gazette/vi_tt_13_2026_nhnn.pdf", "13/2026/TT-NHNN", "2026-05-19"),
    ("gazette/vi_vbhn_49_bct.pdf", "49/VBHN-BCT", "2026-06-04"),
    ("dev/vi_qd_2576_bgddt_2025.pdf", "2576/QĐ-BGDĐT", "2025-09-11"),
    ("dev/vi_qd_2605_bgddt_2025.pdf", "2605/QĐ-BGDĐT", "2025-09-16"),
    ("dev/vi_qd_2627_bgddt_2025.pdf", "2627/QĐ-BGDĐT", "2025-09-17"),
    ("dev/vi_qd_2628_bgddt_2025.pdf", "2628/QĐ-BGDĐT", "2025-09-17"),
    ("dev/vi_qd_2676_bgddt_2025.pdf", "2676/QĐ-BGDĐT", "2025-09-24"),
    ("dev/vi_qd_2827_bgddt_2025.pdf", "2827/QĐ-BGDĐT", "2025-10-14"),
]


@pytest.mark.parametrize(("path", "symbol", "issued"), LEGIBLE, ids=[p for p, _, _ in LEGIBLE])
def test_own_symbol_and_date_where_legible(path, symbol, issued):
    meta = extracted(str(DEV.parents[0] / path))["metadata"]
    assert (meta["symbol"], meta["issued_on"]) == (symbol, issued)


def test_legacy_tcvn3_lines_in_a_unicode_page_are_decoded():
    from pipeline.ingest.legacy_encodings import decode_legacy_lines

    # pages/vi_qd_1408_bxd.html: the body is TCVN3 bytes shown as Latin-1 characters; the page's own
    # Unicode lines stay as they are
    page = "Quyết định 1408/QĐ-BXD\nV/v: §Ýnh chÝnh QuyÕt ®Þnh sè 29/2007/Q§-BXD ngµy 31/12/2007 cña\nCòn hiệu lực"
    assert decode_legacy_lines(page).split("\n") == [
        "Quyết định 1408/QĐ-BXD", "V/v: Đính chính Quyết định số 29/2007/QĐ-BXD ngày 31/12/2007 của", "Còn hiệu lực"]
    # its enacting line, two words, each a syllable once read as TCVN3; a Latin-1 name is no such line
    assert decode_legacy_lines("QuyÕt ®Þnh") == "Quyết định"
    assert decode_legacy_lines("Café Éclair") == "Café Éclair"
    assert "QuyÕt" not in extracted(str(DEV.parents[0] / "pages" / "vi_qd_1408_bxd.html"))["text"]


def test_a_dateline_without_its_comma():
    # crawl 0465063a5486d493 (388/NQ-CP): "Hà Nội ngày 01 tháng 12 năm 2025"
    assert extracted(str(CRAWL / "0465063a5486d493.md"))["metadata"]["issued_on"] == "2025-12-01"


def test_the_eth_that_ocr_gives_for_d_with_stroke():
    # dev vi_qd_2605_bgddt_2025.pdf, OCR: "Số: 2605 /QĐÐ-BGDĐT"
    assert normalise("Số: 2605 /QĐÐ-BGDĐT\n") == "Số: 2605 /QĐ-BGDĐT\n"


def test_a_gazette_task_table_gives_one_task_per_row():
    # gazette vi_qd_844_ttg_2026.pdf, appendix: STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian
    rows = {o["path"]: o for o in extracted(str(DEV.parents[0] / "gazette" / "vi_qd_844_ttg_2026.pdf"))["obligations"]
            if o["text"].startswith("Xây dựng Luật Bảo hiểm y tế sửa đổi")}
    (row,) = rows.values()
    assert [(a["name"], a["role"]) for a in row["assignees"]][:3] == [
        ("Bộ Y tế", "lead"), ("Bộ Tài chính", "support"), ("Bộ Tư pháp", "support")]
    assert row["deadline"]["date"] == "2029-03-31"


def test_a_table_header_broken_into_lines():
    # crawl c5d930a5fc8373cd: the appendix header cells ("TT", "Nội dung thực hiện", "Cơ quan chủ trì", ...) stand
    # one per line above the rows, with section rows ("I", "KIỆN TOÀN ...") between
    record = extracted(str(CRAWL / "c5d930a5fc8373cd.md"))
    (row,) = [o for o in record["obligations"] if o["text"].startswith("Tổ chức lại Ban Chỉ huy Phòng thủ dân sự")]
    assert [(a["name"], a["role"]) for a in row["assignees"]][:2] == [
        ("Bộ Chỉ huy quân sự tỉnh Nghệ An", "lead"), ("Ủy ban nhân dân các xã, phường", "lead")]
    assert row["deadline"]["date"] == "2025-11-30"


def test_steps_and_em_dash_bullets():
    # dev vi_kh_753_dct_2026.pdf (OCR): "— Bước 1: Phòng Đào tạo cung cấp danh sách sinh viên ..."
    body = ("4. Nội dung và quy trình thực hiện\n— Bước 1: Phòng Đào tạo cung cấp danh sách sinh viên các khóa "
            "đang học của 05 khoa được chọn.\n")
    assert tasks(body) == [("4", ["Phòng Đào tạo"])]


def test_a_lead_in_whose_bodies_act_owns_the_list():
    # gazette vi_qd_844_ttg_2026.pdf, plan II
    body = ("II. NHIỆM VỤ CỤ THỂ\nNhằm đạt được mục tiêu Chỉ thị số 52-CT/TW đề ra, bên cạnh các nhiệm vụ thường "
            "xuyên, các bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:\n"
            "1. Tăng cường công tác lãnh đạo, chỉ đạo thực hiện hiệu quả các chủ trương, chính sách.\n")
    assert tasks(body, "Số: 844/QĐ-TTg\nHà Nội, ngày 13 tháng 5 năm 2026\nKẾ HOẠCH\n") == [
        ("II.1", ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ",
                  "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 65fe198460ffa9d9: "Trách nhiệm của X" heads the points below it, a comma in X or not
    ("Điều 2. Trách nhiệm của Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các xã, phường\n"
     "2. Trách nhiệm của Ủy ban nhân dân các xã, phường\n"
     "a) Tổ chức tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính của tổ chức, cá nhân.\n",
     [("2.2.a", ["Ủy ban nhân dân các xã, phường"])]),
    # gazette vi_qd_798_ttg_2026.pdf: members of a steering committee are no tasks; nor are its powers
    ("Điều 1. Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, gồm các thành viên sau đây:\n"
     "2. Phó Trưởng ban Chỉ đạo Trung ương:\n- Bộ trưởng Bộ Nội vụ, Phó Trưởng ban thường trực;\n"
     "Điều 3. Quyền hạn của Ban Chỉ đạo\n1. Lập Tổ Biên tập giúp việc Ban Chỉ đạo triển khai thực hiện các nhiệm vụ.\n",
     []),
    # crawl c8549ab2b220c20d: the points of a quoted provision are rules, not this letter's tasks
    ("Kính gửi: Thuế tỉnh Nghệ An\n\nTại khoản 1 Điều 60 Thông tư 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính hướng "
     "dẫn:\n\na) Văn bản đề nghị theo mẫu số 01/MGTH ban hành kèm theo phụ lục I Thông tư này;\n\n"
     "Đề nghị Thuế tỉnh Nghệ An căn cứ các quy định nêu trên để thực hiện.\n",
     [(None, ["Thuế tỉnh Nghệ An"])]),
    # dev vi_qd_2827_bgddt_2025.pdf read by Tesseract at 200 dpi (page segmentation 3): the recipients' label lost its
    # N and runs into the signer's title; the list is still no task, from its label or its first line
    ("Điều 3. Chánh Văn phòng, Thủ trưởng các đơn vị liên quan thuộc Bộ và các tổ chức, cá nhân có liên quan chịu trách "
     "nhiệm thi hành Quyết định này. 2M\n.ơi nhận: KT. BỘ TRƯỜNG\n- Như Điều 3; ~—-THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n"
     "- Văn phòng Chính phủ (Cục Kiểm soát TTHC);\n- Các đơn vị thuộc Bộ;\n- UBND các tỉnh, TP trực thuộc TW;\n", []),
    ("Điều 3. Chánh Văn phòng, Thủ trưởng các đơn vị liên quan thuộc Bộ và các tổ chức, cá nhân có liên quan chịu trách "
     "nhiệm thi hành Quyết định này.\n- Như Điều 3; ~—-THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n"
     "- Văn phòng Chính phủ (Cục Kiểm soát TTHC);\n- Các đơn vị thuộc Bộ;\n- UBND các tỉnh, TP trực thuộc TW;\n", []),
    # dev vi_cd_220_ttg_2025: figures are results, not tasks
    ("II. KẾT QUẢ ĐẠT ĐƯỢC\n2. Cắt giảm 2.269/6.974 ĐKKD thuộc ngành, nghề đầu tư, kinh doanh có điều kiện (đạt 32,5%), "
     "Bộ Xây dựng 47 VBQPPL; Bộ Tài chính 38 Văn bản.\n", []),
])
def test_more_of_what_is_a_task(body, expected):
    assert tasks(body, "Số: 999/QĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n") == expected


def test_a_task_table_year_cell_is_due_at_its_end():
    # crawl c5d930a5fc8373cd: "| Sở Tài chính | Cơ quan, địa phương liên quan | 2025"
    record = extracted(str(CRAWL / "c5d930a5fc8373cd.md"))
    (row,) = [o for o in record["obligations"]
              if o["text"].startswith("Triển khai thực hiện khi có Thông tư mới thay thế Thông tư số 92/2009")]
    assert row["deadline"]["date"] == "2025-12-31"


def test_a_named_day_outranks_a_year():
    # dev vi_tb_659_vpcp_2025: "... trong năm 2025 ..., báo cáo Thủ tướng Chính phủ trước ngày 05 tháng 12 năm 2025"
    text = "hoàn thành trong năm 2025, báo cáo Thủ tướng Chính phủ trước ngày 05 tháng 12 năm 2025."
    best = primary_deadline(find_deadlines(text, 0, len(text), issued_on="2025-11-29", language="vi"))
    assert best.date == "2025-12-05"


@pytest.mark.parametrize(("body", "expected"), [
    # distributive lists share their head (ANNOTATION.md; the issue's "Các Vụ: Pháp chế, Kế hoạch - Tài chính")
    ("1. Các Vụ: Pháp chế, Kế hoạch - Tài chính chủ trì rà soát văn bản quy phạm pháp luật.\n",
     [("1", ["Vụ Kế hoạch - Tài chính", "Vụ Pháp chế"])]),
    ("1. Sở Xây dựng các tỉnh: Nghệ An, Hà Tĩnh và Quảng Trị khẩn trương kiểm tra an toàn công trình.\n",
     [("1", ["Sở Xây dựng tỉnh Hà Tĩnh", "Sở Xây dựng tỉnh Nghệ An", "Sở Xây dựng tỉnh Quảng Trị"])]),
    # a class of local bodies in a central document (ANNOTATION.md, "Cục Thuế các tỉnh, thành phố")
    ("1. Cục Thuế các tỉnh, thành phố khẩn trương rà soát hồ sơ hoàn thuế.\n",
     [("1", ["Cục Thuế các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 28219392db3ee2e0 (a Tax department's letter) and e4ddc120fc14463c Điều 23.2: a body named with a bare "tỉnh"
    # then ", thành phố (trực thuộc trung ương)" is every province's
    ("1. Để bảo đảm việc thu lệ phí trước bạ từ ngày 01/01/2026, đề nghị các Thuế tỉnh, thành phố khẩn trương báo cáo, "
     "tham mưu UBND tỉnh chủ động phân công các đơn vị trực thuộc.\n",
     [("1", ["Thuế các tỉnh, thành phố trực thuộc Trung ương"])]),
    ("2. Trường Chính trị tỉnh, thành phố trực thuộc trung ương tổ chức bồi dưỡng các chương trình sau:\na) Bồi dưỡng "
     "lý luận chính trị cho cán bộ.\n", [("2", ["Trường Chính trị các tỉnh, thành phố trực thuộc Trung ương"])]),
    # dev vi_kh_1026_ubnd_nghean_2025 III.6: an abbreviated head inside a name the registry does not know is written out
    ("IV. TỔ CHỨC THỰC HIỆN\n6. Đề nghị Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh tăng cường công tác bảo vệ bí mật "
     "nhà nước theo quy định của pháp luật hiện hành.\n",
     [("IV.6", ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Đắk Lắk"])]),
    # crawl c5d930a5fc8373cd (a plan's text, then its table's partners cell "Văn phòng Ban Chỉ huy"): a unit of a body
    # called by its head is named as the document names it in full
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành hằng năm báo cáo kết quả thực hiện về Ban Chỉ huy Phòng thủ dân sự "
     "tỉnh qua Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh để tổng hợp, báo cáo.\n2. Văn phòng Ban Chỉ huy chủ trì, phối "
     "hợp với cơ quan, địa phương liên quan ban hành Quy chế Phối hợp tìm kiếm, cứu nạn trên biển.\n",
     [("IV.1", ["các sở, ban, ngành"]), ("IV.2", ["Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"])]),
    # gazette vi_nq_113_cp_2026 Điều 2.3: the case a task is for ends at the comma before its request, which names both
    # bodies
    ("3. Đối với chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán năm 2023, 2024, yêu cầu Bộ Tài chính, Bảo hiểm xã "
     "hội Việt Nam khẩn trương thực hiện theo đúng thẩm quyền đã quy định tại Nghị định số 75/2023/NĐ-CP của Chính phủ "
     "xong trước ngày 01 tháng 5 năm 2026 đối với chi phí năm 2023.\n",
     [("3", ["Bảo hiểm xã hội Việt Nam", "Bộ Tài chính"])]),
    # dev vi_cd_220_ttg_2025 (its closing paragraph): after a sentence that names no actor, a later one that opens with a
    # body asking others is read, and those it asks act
    ("Đây là nhiệm vụ rất quan trọng, cấp bách, cần khẩn trương tập trung hoàn thành. Thủ tướng Chính phủ đề nghị các "
     "Đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành "
     "phố dành thời gian quan tâm, lãnh đạo, chỉ đạo các cơ quan, đơn vị trực thuộc hoàn thành các nhiệm vụ nêu trên.\n",
     [(None, ["Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương", "các bộ", "các cơ quan ngang bộ",
              "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 45cc2b3cda45b66c Điều 3: "Phân công" (to assign) opens an assignment as "Giao" does
    ("Điều 3. Phân công Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình chỉ đạo Bộ Công an và các bộ, cơ quan liên "
     "quan trong quá trình chỉnh lý, hoàn thiện dự án Pháp lệnh này.\n", [("3", ["Phó Thủ tướng Chính phủ"])]),
    # crawl 6d0e277c7b88a914 Điều 22.2: a province's military command named by the tier alone, in a central text
    ("2. Bộ Chỉ huy quân sự tỉnh (thành phố) gửi báo cáo thông tin khắc phục hậu quả bom mìn vật nổ sau chiến tranh quý, "
     "sáu tháng, năm về VNMAC, quân khu và Binh chủng Công binh.\n",
     [("2", ["Bộ Chỉ huy quân sự các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 6d0e277c7b88a914 Điều 20.2: "cơ quan quân sự địa phương cấp tỉnh", the law's name for a province's military
    # command, by its tier in a central text: every province's
    ("2. Cơ quan quân sự địa phương cấp tỉnh có trách nhiệm:\na) Thiết lập và thông báo địa chỉ để tiếp nhận thông tin "
     "khắc phục hậu quả bom mìn vật nổ trên địa bàn;\n",
     [("2.a", ["Bộ Chỉ huy quân sự các tỉnh, thành phố trực thuộc Trung ương"])]),
    # dev vi_kh_179_ubnd_dongnai_2025 III.1.đ: a class named distributively, "mỗi" for "các"
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Mỗi sở, ban, ngành, mỗi lĩnh vực xác định một số bài toán lớn giải quyết bằng công nghệ "
     "số.\n", [("IV.1", ["các sở, ban, ngành"])]),
    # dev vi_tb_624_vpcp_2025 Phụ lục II row 13: "Ủy ban nhân dân các địa phương" in a central text, the provinces'
    ("13. Bộ Tư pháp, Bộ Nông nghiệp và Môi trường, Ủy ban nhân dân các địa phương khẩn trương phối hợp hoàn thành số hóa "
     "dữ liệu hộ tịch, đất đai.\n",
     [("13", ["Bộ Nông nghiệp và Môi trường", "Bộ Tư pháp", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # dev vi_kh_0129_ubnd_daklak_2025 IV.5: "X chỉ đạo Y": X, the heading's body, not Y
    ("IV. TỔ CHỨC THỰC HIỆN\n5. Sở Khoa học và Công nghệ:\n- Chỉ đạo các doanh nghiệp viễn thông bảo đảm hệ thống "
     "thông tin liên lạc thông suốt.\n", [("IV.5", ["Sở Khoa học và Công nghệ"])]),
])
def test_who_acts(body, expected):
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
    if body.startswith("IV."):
        header = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n" + HEADER
    assert tasks(body, header) == expected


# crawl 45cc2b3cda45b66c Điều 1 (a Government resolution): the issuer agreeing in its own text is the act, no task; the
# points are the work of the lead-in's clause that announces them, not of its first sentence's subject
GOVERNMENT_RESOLUTION = "CHÍNH PHỦ\nSố: 999/NQ-CP\nHà Nội, ngày 20 tháng 11 năm 2025\nNGHỊ QUYẾT\nQUYẾT NGHỊ:\n"


def test_a_later_sentence_that_names_no_asking_body_gives_no_task():
    # crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP): "hồ sơ đề nghị Bộ trưởng ..." is the application, no request
    body = ("2. Trường hợp di sản văn hóa phi vật thể có phạm vi phân bố trên địa bàn từ 02 tỉnh, thành phố trực thuộc trung "
            "ương trở lên. Văn bản thống nhất của các địa phương có liên quan phải gửi kèm theo hồ sơ đề nghị Bộ trưởng Bộ "
            "Văn hóa, Thể thao và Du lịch xem xét, trình Thủ tướng Chính phủ cho phép.\n")
    assert tasks(body, GOVERNMENT_RESOLUTION) == []


def test_the_points_belong_to_the_clause_that_announces_them():
    body = ("Điều 1. Chính phủ cơ bản thống nhất với dự án Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Cảnh sát "
            "môi trường do Bộ Công an trình tại văn bản số 661/TTr-BCA ngày 05 tháng 11 năm 2025. Giao Bộ Công an chủ trì, "
            "phối hợp với các bộ, cơ quan ngang bộ và các cơ quan có liên quan nghiên cứu, tiếp thu tối đa ý kiến Thành viên "
            "Chính phủ; Bộ Công an chịu trách nhiệm toàn diện về các nội dung tiếp thu, giải trình ý kiến Thành viên Chính "
            "phủ, khẩn trương hoàn thiện hồ sơ dự án Pháp lệnh theo đúng quy định, bảo đảm một số yêu cầu sau:\n1. Quán "
            "triệt và thể chế hóa đầy đủ các quan điểm, chủ trương, chính sách của Đảng, Nhà nước về việc sắp xếp, tinh, gọn "
            "tổ chức bộ máy nhà nước.\n")
    assert tasks(body, GOVERNMENT_RESOLUTION) == [("1", ["Bộ Công an", "các bộ", "các cơ quan ngang bộ"]),
                                                   ("1.1", ["Bộ Công an"])]


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_kh_0129_ubnd_daklak_2025 IV.7: partners named after generic ones ("các lực lượng và UBND các xã, phường")
    ("IV. TỔ CHỨC THỰC HIỆN\n7. Công an tỉnh:\n- Phối hợp các lực lượng và UBND các xã, phường huy động ca nô, xuồng "
     "máy, xe chuyên dụng để tiếp cận, vận chuyển hàng đến vùng bị chia cắt.\n",
     [("IV.7", ["Công an tỉnh Đắk Lắk", "Ủy ban nhân dân các xã, phường"])]),
    # crawl 32bf80ce6d1e997e 12.7: after "các sở, cơ quan liên quan" (whoever is concerned, no one named)
    ("IV. TỔ CHỨC THỰC HIỆN\n7. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, cơ quan liên quan, Ủy ban nhân "
     "dân các xã, phường triển khai thực hiện quy định này.\n",
     [("IV.7", ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã, phường"])]),
    # crawl 00e8b0e4daffc2ef 2: a tier's committees before ", đơn vị liên quan" are named (the sectors' "các sở, ngành,
    # đơn vị có liên quan" are not)
    ("IV. TỔ CHỨC THỰC HIỆN\n2. Sở Công Thương có trách nhiệm chủ trì, phối hợp với các cơ quan, UBND các xã, phường, đơn "
     "vị liên quan thực hiện quản lý hoạt động, xác nhận và hướng dẫn các doanh nghiệp tổ chức hội chợ.\n",
     [("IV.2", ["Sở Công Thương", "Ủy ban nhân dân các xã, phường"])]),
    ("IV. TỔ CHỨC THỰC HIỆN\n4. Sở Nội vụ chủ trì, phối hợp với các sở, ngành, đơn vị có liên quan nghiên cứu tích hợp nội "
     "dung bài giảng về công tác bảo vệ bí mật nhà nước.\n", [("IV.4", ["Sở Nội vụ"])]),
    # dev vi_kh_182_ubnd_dongnai_2025 III.2: a province's departments and its localities, however the list joins them
    ("IV. TỔ CHỨC THỰC HIỆN\n2. Căn cứ Kế hoạch này, các Sở, ban, ngành, đoàn thể, địa phương tổ chức quán triệt, triển "
     "khai thực hiện nghiêm túc, hiệu quả trong đơn vị, địa bàn phụ trách.\n",
     [("IV.2", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]),
    # crawl f75757b004ba80c7 3.4: the localities joined by "và", then ", đơn vị liên quan" (the communes are named)
    ("IV. TỔ CHỨC THỰC HIỆN\n4. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp các sở, ban, ngành và các địa phương, đơn "
     "vị liên quan có trách nhiệm nghiên cứu, đề xuất xây dựng, nâng cấp hoàn thiện Hệ thống thông tin.\n",
     [("IV.4", ["Sở Khoa học và Công nghệ", "các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]),
    # crawl adda847abe350742 Điều 2.2: "cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh" is the law's name for its departments
    ("Điều 2. Trách nhiệm thực hiện\n2. Thủ trưởng các cơ quan\nchuyên môn thuộc Ủy ban nhân dân tỉnh chịu trách nhiệm xây "
     "dựng quy trình nội\nbộ đối với các TTHC bổ nhiệm, miễn nhiệm giám định viên tư pháp thuộc lĩnh vực\nquản lý.\n",
     [("2.2", ["các sở, ban, ngành"])]),
    # crawl 0f98ee482389e59e 2.4.5.b: the same as partners
    ("IV. TỔ CHỨC THỰC HIỆN\n5. Sở Tư pháp:\nb) Cấp, cấp lại, thu hồi Giấy\nđăng ký hoạt động cho Văn phòng giám định tư "
     "pháp; phối hợp với các cơ quan\nchuyên môn thuộc Ủy ban nhân dân tỉnh trình Chủ tịch Ủy ban nhân dân tỉnh bổ\nnhiệm, "
     "miễn nhiệm giám định viên tư pháp tại địa phương;\n",
     [("IV.5.b", ["Sở Tư pháp", "các sở, ban, ngành"])]),
    # gazette vi_qd_844_ttg_2026 II.1 and its annex: the two tiers of local government since 2025-07-01, in a central text
    ("1. Ủy ban nhân dân cấp tỉnh, cấp xã đưa các chỉ tiêu bao phủ về bảo hiểm y tế vào nghị quyết, chương trình, kế hoạch "
     "phát triển kinh tế - xã hội hằng năm và dài hạn của địa phương.\n",
     [("1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân các xã, phường"])]),
    ("1. Ủy ban nhân dân các cấp tăng cường phối hợp trong công tác thanh tra, kiểm tra, giám sát liên ngành.\n",
     [("1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân các xã, phường"])]),
])
def test_partners_and_classes_named_among_others(body, expected):
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
    if body.startswith("IV."):
        header = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n" + HEADER
    assert tasks(body, header) == expected


def test_a_dotted_unit_code_stays_in_the_symbol():
    from pipeline.extract.references import find_references

    # crawl: "Cục Thuế nhận được công văn số 838/CCTKV.XII-NVDTPC.HUE"
    text = "Cục Thuế nhận được công văn số 838/CCTKV.XII-NVDTPC.HUE ngày 15/7/2025 của Chi cục Thuế khu vực XII."
    assert [r.symbol for r in find_references(text, language="vi")] == ["838/CCTKV.XII-NVDTPC.HUE"]


def test_page_break_markers_are_not_text():
    # the issue's OCR output of other tools: "--- PAGE BREAK ---" and page numbers between paragraphs
    assert normalise("Bộ Y tế chủ trì.\n--- PAGE BREAK ---\nTrang 2\nSở Y tế phối hợp.\n") == \
        "Bộ Y tế chủ trì.\nSở Y tế phối hợp.\n"


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 69db23c781b2e9aa V.3: an unnumbered paragraph right under a body's heading is that body's task
    ("V. TỔ CHỨC THỰC HIỆN\n3. Sở Y tế\n\nPhối hợp với Sở Giáo dục và Đào tạo chỉ đạo hệ thống y tế cơ sở phối hợp "
     "với các cơ sở giáo dục mầm non triển khai.\n", [("V.3", ["Sở Giáo dục và Đào tạo", "Sở Y tế"])]),
    # gazette vi_qd_844_ttg_2026.pdf: the sender's title over the signature is no task
    ("Điều 3. Bộ Y tế chủ trì theo dõi việc thực hiện Quyết định.\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nPhạm Minh Chính\n",
     [("3", ["Bộ Y tế"])]),
])
def test_layout_decides(body, expected):
    assert tasks(body) == expected


def test_an_acting_lead_in_with_words_before_its_verb():
    # gazette vi_qd_844_ttg_2026.pdf: "... Ủy ban nhân dân các tỉnh ... cần cụ thể hóa và tổ chức triển khai thực hiện
    # các nhiệm vụ sau đây:"
    body = ("II. NHIỆM VỤ CỤ THỂ\nNhằm đạt được mục tiêu đề ra, các bộ, cơ quan ngang bộ cần cụ thể hóa và tổ chức triển "
            "khai thực hiện các nhiệm vụ sau đây:\n1. Tăng cường công tác lãnh đạo, chỉ đạo thực hiện hiệu quả các chủ "
            "trương, chính sách về bảo hiểm y tế.\n")
    assert tasks(body) == [("II.1", ["các bộ", "các cơ quan ngang bộ"])]


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_tb_659_vpcp_2025 item 2: a leading adverbial ends at the comma before the subject
    ("2. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, kịp thời bố trí kinh "
     "phí.\n", [("2", ["Bộ Tài chính"])]),
    # dev vi_tb_653_vpcp_2025 1.b.ii: "Chủ đầu tư" is a generic actor, an obligation that names nobody
    ("1. Về dự án:\nb) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n(ii) Chủ đầu tư phối hợp chặt chẽ với các đơn vị "
     "liên quan hoàn thành nghiệm thu các hạng mục còn lại.\n", [("1.b.ii", [])]),
    # seeds/001: a lead-in that cites a dispatch (not a provision it quotes) keeps its bullets as tasks
    ("Theo Mục 1 Công điện 968/CĐ-TTg năm 2023 về nhiệm vụ của các Bộ trưởng, Thủ trưởng cơ quan ngang bộ:\n"
     "- Rà soát, trình phê duyệt hoặc phê duyệt theo thẩm quyền phương án đơn giản hóa thủ tục hành chính.\n",
     [(None, ["các bộ", "các cơ quan ngang bộ"])]),
    # dev vi_tb_nonum_kl_ttg_lu_daklak_2025: a purpose clause ends before the request, not at the first ", các" after it
    ("Để khẩn trương khắc phục hậu quả do lũ, lụt, nhanh chóng ổn định tình hình Nhân dân, khôi phục sản xuất, Thủ "
     "tướng Chính phủ yêu cầu các Bộ, các ngành, cấp ủy đảng, chính quyền các cấp theo chức năng, nhiệm vụ, quyền hạn "
     "của mình chủ động hỗ trợ Nhân dân vùng bị thiên tai nhanh chóng khắc phục hậu quả thiên tai, phục hồi sản xuất "
     "kinh doanh, ổn định đời sống, tập trung một số nhiệm vụ khẩn cấp, cần làm ngay:\n", [(None, ["các bộ"])]),
])
def test_subjects_behind_adverbials_and_generic_actors(body, expected):
    assert tasks(body, "Số: 999/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n") == expected


def test_a_letter_item_that_names_a_class_as_its_actor_is_not_the_addressees():
    # crawl 31ea3f5a8224b092 Điều 3.3, as the item of a letter: its own generic actor names nobody (ANNOTATION.md), the
    # items with no actor of their own are the addressees'
    body = ("Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các xã, phường.\n\n"
            "1. Rà soát, đánh giá điều kiện thực hiện tiếp nhận và trả kết quả.\n"
            "2. Các cơ quan, đơn vị, địa phương căn cứ nội dung Quyết định để triển khai thực hiện nghiêm túc, đầy đủ, "
            "đảm bảo quyền lợi của người dân, doanh nghiệp trong tiếp cận dịch vụ công.\n")
    assert tasks(body, "Số: 999/UBND-KSTT\nNghệ An, ngày 20 tháng 11 năm 2025\n") == [
        ("1", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]), ("2", [])]


def test_paragraphs_a_class_opens_below_a_request_item_are_its_tasks():
    # dev vi_tb_nonum_kl_ttg_lu_daklak_2025 item 1: the paragraphs below the item that a class of bodies opens, after a
    # topic label, are that class's work (no named body, ANNOTATION.md); a paragraph that names none stays background
    body = ("Thủ tướng Chính phủ yêu cầu các Bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:\n\n"
            "1. Các địa phương phát động ngay “Chiến dịch Quang Trung” thần tốc hỗ trợ Nhân dân xây dựng lại nhà ở bị "
            "cuốn trôi, sập đổ.\n\n"
            "Về kinh phí: Các địa phương phải động viên, phát huy mạnh mẽ tinh thần tự lực, tự cường của chính bản thân "
            "các hộ gia đình, chủ động bố trí các nguồn lực của địa phương.\n\n"
            "Về tổ chức thực hiện: Các địa phương tổ chức họp phân công rõ trách nhiệm của cấp ủy đảng, chính quyền, "
            "lực lượng quân đội, công an, dân quân tự vệ.\n\n"
            "Phát huy tối đa tinh thần là quân đội là đội quân chiến đấu khi có kẻ thù, đội quân công tác.\n")
    found = passage(HEADER + body).obligations
    assert [o.text.split(":")[0] for o in found[1:]] == ["Về kinh phí", "Về tổ chức thực hiện"]
    assert [o.assignees for o in found[1:]] == [[], []]


REPORTED_SPEECH = [
    # seeds 000 and 004: a report's headline and caption ask for something done and name no one to do it
    ("Prime Minister requests to strengthen discipline and order in state administrative agencies\n\n"
     "The Prime Minister requested to rectify and strengthen discipline and order in state administrative agencies.\n",
     []),
    # seed 004: what the speaker said gives no task; what he noted ministries must do is theirs, not his
    ("The Prime Minister said that the above shortcomings and limitations have both objective and subjective causes, "
     "with the subjective being the main cause.\n\n"
     "Prime Minister Pham Minh Chinh noted that when drafting documents, ministries and branches must review "
     "decentralization and delegation of power; cut unnecessary administrative procedures for people and businesses.\n",
     [["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ"]]),
    # seed 003: those a body requests to act are the actors, here classes that name no body; the sentence's ground ("in
    # order to ... implement Directive No. 30,") stands before the body that asks
    ("Accordingly, in order to more effectively organize and implement Directive No. 30, the Provincial Party Standing "
     "Committee requests Party committees at all levels, Party organizations, agencies, units, and localities in the "
     "province to focus on disseminating, propagating, educating, raising awareness and responsibility of cadres, civil "
     "servants, public employees, and workers on compliance with discipline.\n", [[]]),
]


@pytest.mark.parametrize("text, expected", REPORTED_SPEECH)
def test_a_speaker_in_a_report_is_not_the_actor(text, expected):
    assert [sorted(a.name for a in o.assignees) for o in passage(text).obligations] == expected


def test_later_sentences_of_an_english_paragraph_with_their_own_actors_are_tasks():
    # seed 004: the first sentence names no body the rules know; the next two open with their own actors (the leaders
    # of bodies stand for the bodies, as "Lãnh đạo" does; "In particular," is their ground)
    text = ("Central and local working groups review legal documents. Leaders of ministries, branches and localities "
            "strictly perform the task of listening, dialogue and absorbing people's opinions in a substantive manner, "
            "avoiding formality. In particular, ministries and branches must completely resolve the backlog of "
            "documents.\n")
    central = ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ"]
    assert [(o.text.split()[0], sorted(a.name for a in o.assignees)) for o in passage(text).obligations] == [
        ("Leaders", sorted([*central, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])), ("In", central)]


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_qd_2676_bgddt_2025.pdf (the scan's text by our OCR): the article's first sentence names no actor, the next
    # opens with the bodies that act, which are given the work
    ("Điều 2. Tài liệu được đăng tải trên Công thông tin điện tử của Bộ Giáo dục và Đào tạo. Các Sở Giáo dục và Đảo "
     "tạo, các cơ sở giáo dục và đào tạo khai thác, sử dụng làm tài liệu tham khảo, tập huấn. hướng dẫn cán bộ quản lý, "
     "giáo viên.\n", [("2", ["Sở Giáo dục và Đào tạo các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 32bf80ce6d1e997e (a province's regulation) 3: what a body must not do is a rule, not work given to it
    ("3. Thời gian tổ chức tư vấn,\nphản biện và giám định xã hội do cơ quan giao nhiệm vụ ấn định hoặc do cơ quan\n"
     "đề nghị tư vấn, phản biện và giám định xã hội thống nhất với Liên hiệp các hội\nKhoa học và Kỹ thuật tỉnh. Trong "
     "quá trình tư vấn, phản biện và giám định xã hội,\nLiên hiệp các hội Khoa học và Kỹ thuật tỉnh không được làm ảnh "
     "hưởng đến thời\ngian, tiến độ xây dựng, thẩm định, phê duyệt hoặc thực hiện đề án, dự án.\n", []),
])
def test_a_later_sentence_that_opens_with_its_bodies_gives_them_work(body, expected):
    header = "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2676/QĐ-BGDĐT\nHà Nội, ngày 24 tháng 9 năm 2025\nQUYẾT ĐỊNH\nQUYẾT ĐỊNH:\n"
    assert tasks(body, header) == expected


def test_a_body_that_demands_gives_the_work_to_those_it_asks():
    # dev vi_ct_012_ubnd_daklak_2025's closing request, quoted by another body's notice: the bodies asked act, not the
    # province's chairman who asks (in the province's own directive the issuer asks, and was read so already)
    body = ("Chủ tịch UBND tỉnh yêu cầu\nThủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt,\n"
            "triển khai và chỉ đạo các cơ quan, đơn vị thuộc thẩm quyền quản lý thực hiện\nnghiêm túc Chỉ thị này.\n")
    header = "Số: 999/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n"
    assert tasks(body, header) == [(None, ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]


def test_a_letter_quoting_provisions_assigns_only_its_own_request():
    # crawl c8549ab2b220c20d (5347/CT-CS): bullets cite provisions, the quoted articles and points follow, then
    # the letter's own request
    body = ("Kính gửi: Thuế tỉnh Nghệ An.\n\n"
            "- Tại khoản 1, khoản 2 Điều 106, Điều 107 Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ "
            "quy định chi tiết:\n\n\"Điều 106. Nguyên tắc\n\n1. Việc miễn, giảm tiền sử dụng đất quy định tại Điều 104 "
            "được thực hiện theo quy định.\n\n- Tại khoản 3 Điều 18 Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 của "
            "Chính phủ về tiền sử dụng đất.\n\n\"Điều 18. Miễn tiền sử dụng đất\n\n3. Miễn tiền sử dụng đất đối với "
            "đất ở trong hạn mức giao đất ở.\n\nĐề nghị Thuế tỉnh Nghệ An căn cứ quy định nêu trên để thực hiện.\n")
    assert tasks(body, "Số: 5347/CT-CS\nHà Nội, ngày 20 tháng 11 năm 2025\n") == [(None, ["Thuế tỉnh Nghệ An"])]


@pytest.mark.parametrize(("body", "expected"), [
    # crawl c8549ab2b220c20d and 299dbc033cf2dcb6: the sender tells what it received or plans, no task
    ("Cục Thuế nhận được công văn số 506/NAN-NVDTPC ngày 30/7/2025 của Thuế tỉnh Nghệ An vướng mắc về việc miễn "
     "giảm tiền sử dụng đất.\n", []),
    ("1. Bộ Tài chính đã ban hành Thông tư số 44/2022/TT-BTC hướng dẫn quản lý kinh phí.\n", []),
    ("1. Bộ Tài chính ban hành Thông tư sửa đổi Thông tư số 44/2022/TT-BTC trước ngày 31/12/2025.\n",
     [("1", ["Bộ Tài chính"])]),
])
def test_narration_is_no_task(body, expected):
    assert tasks(body, "Số: 999/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n") == expected


def test_a_yearless_day_in_a_yearly_duty_recurs():
    # crawl 192068354fd1ffe5: "... hằng năm và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở ..."
    text = "Các sở xây dựng kế hoạch chi tiết hằng năm và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Nội vụ."
    best = primary_deadline(find_deadlines(text, 0, len(text), issued_on="2025-11-19", language="vi"))
    assert best.kind == "recurring" and best.date is None


@pytest.mark.parametrize(("doc_type", "title", "expected"), [
    # crawl 80bb1f677e7d4d75, 741f24db1e774799: decisions that publish administrative procedures
    ("QĐ", "VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN QUYẾT ĐỊNH CỦA UBND "
           "TỈNH", True),
    ("QĐ", "CÔNG BỐ DANH MỤC 12 THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG VÀ 01 THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", True),
    # crawl 0beedb7bdb363a85: an amendment of such a decision
    ("QĐ", "SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025 CỦA CHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC "
           "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH, BỊ BÃI BỎ", True),
    # crawl ea34a356cafcb1aa (1521/QĐ-UBND): a decision that standardises the list of a province's procedures
    ("QĐ", "VỀ VIỆC CHUẨN HÓA DANH MỤC THỦ TỤC HÀNH CHÍNH ĐẶC THÙ THỰC HIỆN TRÊN ĐỊA BÀN TỈNH BẮC NINH", True),
    # crawl 8c306b6991495e34: a simplification plan assigns work of its own
    ("QĐ", "VỀ VIỆC THÔNG QUA PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH CẤP XÃ LĨNH VỰC NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
     False),
    # dev vi_ct_012_ubnd_daklak_2025: a directive about procedures is no publication of them
    ("CT", "VỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN", False),
])
def test_which_decisions_publish_procedures(doc_type, title, expected):
    assert publishes_procedures(doc_type, title) is expected


def test_a_decision_publishing_procedures_assigns_only_in_its_articles():
    # crawl 80bb1f677e7d4d75 (1490/QĐ-UBND): the procedures approved after the signature (offices, steps, time
    # limits) are rules; Điều 2 gives the work
    record = extracted(str(CRAWL / "80bb1f677e7d4d75.md"))
    assert {o["path"] for o in record["obligations"]} == {"2.1", "2.2"}


HA_TINH = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 2873/QĐ-UBND\nHà Tĩnh, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"


def test_an_assignment_that_names_the_attached_procedures_is_a_task():
    # crawl e7cd8d423108e103 Điều 2: "ban hành kèm theo Quyết định này" inside a "Giao ..." clause
    body = ("Điều 2. Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh căn cứ các TTHC ban hành kèm theo "
            "Quyết định này, trong thời hạn 03 ngày làm việc công khai, địa phương hóa các TTHC trên cơ sở dữ liệu "
            "quốc gia về TTHC.\n")
    assert tasks(body, HA_TINH) == [("2", ["Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh"])]


@pytest.mark.parametrize(("text", "effective", "due"), [
    # crawl e7cd8d423108e103: a decision's time limit with no starting point runs from its signing (19/11/2025)
    ("trong thời hạn 03 ngày làm việc công khai, địa phương hóa các TTHC", None, "2025-11-24"),
    # crawl 741f24db1e774799: from the decision's entry into force, known when it says "kể từ ngày ký"
    ("trong thời hạn 03 ngày kể từ ngày Quyết định có hiệu lực thi hành", "2025-11-19", "2025-11-22"),
    ("trong thời hạn 03 ngày kể từ ngày Quyết định có hiệu lực thi hành", None, None),
    # crawl: a time limit that runs from an event of each case is no date
    ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ", None, None),
])
def test_time_limits_of_a_decision(text, effective, due):
    best = primary_deadline(find_deadlines(text, 0, len(text), issued_on="2025-11-19", effective_on=effective))
    assert (best.date if best else None) == due


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl 99c7d8fff9e4572e II: short list items and a parenthesis stand between the acting bodies and the verb
    ("II. NỘI DUNG ĐỢT THI ĐUA\nĐể toàn dân đồng lòng, thi đua hành động, thực hiện thắng lợi các nhiệm vụ; các sở, "
     "ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội, các xã, phường, các doanh nghiệp, tổ "
     "chức Hội (sau đây viết tắt là cơ quan, đơn vị) và mọi người dân triển khai Đợt thi đua, tập trung thi đua thực "
     "hiện các nội dung chủ yếu sau:\n1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2025.\n",
     "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 99/KH-UBND\nNghệ An, ngày 19 tháng 11 năm 2025\nKẾ HOẠCH\n",
     [("II.1", ["các sở, ban, ngành", "các tổ chức chính trị - xã hội",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An"])]),
    # crawl 21c5e5f284e66d03 Điều 9: in a central document "Ủy ban nhân dân cấp tỉnh" is every province's committee
    ("Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Chỉ đạo tổ chức thống kê, đánh giá thiệt hại do thiên "
     "tai, dịch hại thực vật gây ra.\n",
     "CHÍNH PHỦ\nSố: 9/2025/NĐ-CP\nHà Nội, ngày 19 tháng 11 năm 2025\nNGHỊ ĐỊNH\n",
     [("9.1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
])
def test_classes_of_bodies_that_act(body, header, expected):
    assert tasks(body, header) == expected


def test_a_partner_cell_of_whoever_is_concerned_names_nobody():
    # crawl 192068354fd1ffe5, appendix row 1: "Sở Tài chính | Sở, ban, ngành có liên quan | Thường xuyên"
    record = extracted(str(CRAWL / "192068354fd1ffe5.md"))
    (row,) = [o for o in record["obligations"] if "| Sở, ban, ngành có liên quan |" in o["text"]
              and o["text"].startswith("Rà soát, kịp thời cụ thể")]
    assert [(a["name"], a["role"]) for a in row["assignees"]] == [("Sở Tài chính", "lead")]


CIRCULAR = "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nSố: 13/2026/TT-NHNN\nHà Nội, ngày 1 tháng 3 năm 2026\nTHÔNG TƯ\n"
DECREE = "CHÍNH PHỦ\nSố: 9/2025/NĐ-CP\nHà Nội, ngày 19 tháng 11 năm 2025\nNGHỊ ĐỊNH\n"


@pytest.mark.parametrize(("body", "header", "expected"), [
    # gazette vi_tt_13_2026_nhnn Điều 10: an amending article quotes the responsibilities article it rewrites,
    # whose body is qualified by a relative clause ("nơi tổ chức tín dụng ... đặt trụ sở ...")
    ("Điều 10. Sửa đổi, bổ sung Điều 22 “Điều 22. Trách nhiệm của Ngân hàng Nhà nước chi nhánh nơi tổ chức tín "
     "dụng phi ngân hàng đặt trụ sở chi nhánh, văn phòng đại diện, đơn vị sự nghiệp\n\n1. Chịu trách nhiệm trước "
     "Thống đốc khi thực hiện các vấn đề theo thẩm quyền được quy định tại Thông tư này.\n\n2. Tiếp nhận hồ sơ, "
     "chấp thuận hoặc không chấp thuận đối với các nội dung theo thẩm quyền.\n", CIRCULAR,
     [("10.2", ["Ngân hàng Nhà nước chi nhánh Khu vực"])]),  # 10.1 says whom it answers to: no task
    # the same article as pdfminer's text layer of that page lays it out: the new wording opens its own line with its
    # quotation mark, after the amending instruction (this text's own rules, not a provision a letter quotes)
    (" Điều 10. Sửa đổi, bổ sung Điều 22 \n\n“Điều 22. Trách nhiệm của Ngân hàng Nhà nước chi nhánh nơi tổ chức\ntín "
     "dụng phi ngân hàng đặt trụ sở chi nhánh, văn phòng đại diện, đơn vị sự\nnghiệp \n\n1. Chịu trách nhiệm trước "
     "Thống đốc khi thực hiện các vấn đề theo thẩm quyền \n\nđược quy định tại Thông tư này. \n\n2. Tiếp nhận hồ sơ, "
     "chấp thuận hoặc không chấp thuận đối với các nội dung \n\ntheo thẩm quyền quy định tại khoản 2 Điều 4 Thông tư "
     "này. \n", CIRCULAR,
     [("10.2", ["Ngân hàng Nhà nước chi nhánh Khu vực"])]),
    # crawl 68c706de4d068f13 Điều 5.6: an amended point that gives a class work, quoted after its instruction
    ("Điều 5. Sửa đổi, bổ sung một số điều của Thông tư số 09/2025/TT-BTP\n6. Sửa đổi điểm a khoản 1 Điều 15 như "
     "sau:\n“a) Ủy ban nhân dân cấp tỉnh có trách nhiệm quy định cụ thể chức năng, nhiệm vụ, quyền hạn của Sở Tư pháp "
     "phù hợp với hướng dẫn tại Thông tư này”.\n", DECREE,
     [("5.6", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # gazette vi_tt_13_2026_nhnn Điều 4 (pdfminer's layout): an amended clause that describes an application, which
    # asks a body ("Văn bản của X đề nghị Y chấp thuận ..."): what the file asks for, not a request of this text
    ("Điều 4. Sửa đổi, bổ sung khoản 1 Điều 9\n“1. Văn bản của tổ chức tín dụng phi ngân hàng đề nghị Ngân hàng Nhà "
     "nước chấp thuận thành lập chi nhánh, đề nghị Ngân hàng Nhà nước chi nhánh chấp thuận thành lập văn phòng đại "
     "diện, đơn vị sự nghiệp theo mẫu Phụ lục ban hành kèm theo Thông tư này”.\n", CIRCULAR, []),
    # crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP) Điều 6.3: what an application file holds
    ("Điều 6. Hồ sơ\n3. Hồ sơ đề nghị Bộ Văn hóa, Thể thao và Du lịch xem xét, trình Thủ tướng Chính phủ cho phép lập "
     "hồ sơ khoa học di sản văn hóa phi vật thể đề nghị ghi danh, ghi danh bổ sung vào các Danh sách của UNESCO gồm:\n",
     DECREE, []),
    # gazette vi_tt_13_2026_nhnn Điều 5.c: a step of a procedure, timed from a file's arrival, after the case it is for
    ("Điều 5. Sửa đổi, bổ sung khoản 1 Điều 10 “1. Thủ tục chấp thuận trước khi khai trương hoạt động:\nc) Đối với đề "
     "nghị thành lập chi nhánh, trong thời hạn 05 ngày làm việc kể từ ngày nhận đầy đủ hồ sơ, Cục Quản lý, giám sát tổ "
     "chức tín dụng có văn bản lấy ý kiến Thanh tra Ngân hàng nhà nước, Ngân hàng Nhà nước chi nhánh thông tin liên quan "
     "về điều kiện thành lập chi nhánh.\n", CIRCULAR, []),
    # crawl 21c5e5f284e66d03 Điều 6.2.b: inside an article "Căn cứ báo cáo của X, Y tổ chức ..." is Y's clause,
    # not a recital
    ("Điều 6. Trình tự, trách nhiệm thực hiện hỗ trợ\n\n2. Trình tự, trách nhiệm thực hiện việc hỗ trợ thiệt hại do "
     "thiên tai:\n\nb) Trách nhiệm của Ủy ban nhân dân cấp huyện\n\nCăn cứ báo cáo của Ủy ban nhân dân cấp xã, Ủy ban "
     "nhân dân cấp huyện tổ chức thẩm định và quyết định hỗ trợ theo thẩm quyền.\n", DECREE,
     [("6.2.b", ["Ủy ban nhân dân các huyện, thị xã, thành phố"])]),
    # crawl e4ddc120fc14463c Điều 39.1: a list of bodies opens with the class "Các cơ quan Nhà nước" and qualifies a
    # member "ở trung ương" (the class of the central organisations, named so); the bodies it names after them are the
    # subject too
    ("Điều 39. Chế độ báo cáo công tác đào tạo, bồi dưỡng công chức\n\n1. Các cơ quan Nhà nước, Mặt trận Tổ quốc Việt "
     "Nam, các tổ chức chính trị - xã hội ở trung ương, ủy ban nhân dân cấp tỉnh có trách nhiệm gửi báo cáo kết quả "
     "đào tạo, bồi dưỡng công chức hằng năm về Bộ Nội vụ trước ngày 15 tháng 01 năm sau.\n", DECREE,
     [("39.1", ["các tổ chức chính trị - xã hội ở trung ương", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
])
def test_responsibilities_in_normative_texts(body, header, expected):
    assert tasks(body, header) == expected

def test_an_article_s_title_on_a_line_of_its_own_heads_it_as_on_the_article_s_line():
    # ../shared/corpus/pages/en_qd_215_ttg.html as BeautifulSoup's get_text("\n") gives it: "Article 1." and its title
    # "Requirements" apart; the requirements are no tasks, as when the page writes "Article 1. Requirements"
    header = "DECISION\nDecision No. 215/QD-TTg of February 16, 2011, guiding the structure\nTHE PRIME MINISTER\nDECIDES:\n"
    points = ("1. Projection and direction of the structure and composition of deputies to People’s Councils at all "
              "levels must ensure promotion of democracy.\n\n\n2. Persons nominated as candidates for the election of "
              "deputies to People’s Councils at all levels must have qualifications.\n")
    assert tasks("Article 1.\n\u00a0\nRequirements\n\n\n" + points, header) == []
    assert tasks("Article 1. Requirements\n" + points, header) == []



def test_a_chapter_numeral_glued_to_its_title():
    # crawl 21c5e5f284e66d03: "### Chương IICHÍNH SÁCH HỖ TRỢ ..." (an empty numeral gave paths such as ".6.2.a")
    assert match_enumerator("Chương IICHÍNH SÁCH HỖ TRỢ SẢN XUẤT NÔNG NGHIỆP") == ("part", "II", 9)
    assert match_enumerator("Chương trình hành động") is None
    assert match_enumerator("Phần Ví dụ") is None
    record = extracted(str(CRAWL / "21c5e5f284e66d03.md"))
    assert not [o["path"] for o in record["obligations"] if (o["path"] or "").startswith(".")]


def test_footnotes_at_the_foot_are_no_tasks():
    # dev vi_cd_220_ttg_2025: "ĐKKD[3]" in the text, "[3] Cụ thể: (i) Thủ tướng Chính phủ phê duyệt ..." and
    # "[7] Các Bộ có số lượng VBQPPL ...: Bộ Xây dựng 47 VBQPPL; ..." at its foot: figures and sources
    record = extracted(str(DEV / "vi_cd_220_ttg_2025.txt"))
    texts = [o["text"] for o in record["obligations"]]
    assert texts and not [t for t in texts if "VBQPPL" in t and "Bộ Xây dựng 47" in t]
    assert not [t for t in texts if t.startswith("Thủ tướng Chính phủ phê duyệt và các bộ đã phê duyệt")]
    blocks = segment(record["text"]).blocks
    assert [b.kind for b in blocks if record["text"][b.span[0]:b.span[1]].startswith("[1] ")] == ["footnote"]


def test_a_line_a_page_broke_off_continues_its_item():
    # gazette vi_qd_844_ttg_2026.pdf, plan II.3: "- Từng bước triển khai phân luồng ... bệnh thông thường" then
    # "ở cơ sở khám bệnh, chữa bệnh cấp chuyên sâu; ..." on the next page; the dashes after it are still tasks
    body = ("II. NHIỆM VỤ CỤ THỂ\nNhằm đạt được mục tiêu Chỉ thị số 52-CT/TW đề ra, các bộ, ngành, địa phương tập trung "
            "thực hiện các nhiệm vụ sau:\n3. Nâng cao năng lực hệ thống cơ sở khám bệnh, chữa bệnh bảo hiểm y tế.\n"
            "- Từng bước triển khai phân luồng người bệnh giữa các cấp chuyên môn kỹ thuật khám bệnh, chữa bệnh để giảm "
            "điều trị các bệnh lý nhẹ, bệnh thông thường\n\nở cơ sở khám bệnh, chữa bệnh cấp chuyên sâu; nghiên cứu cơ "
            "chế, bảo đảm điều kiện, tiêu chí chuyên môn.\n\n- Xây dựng lộ trình từng bước tính chi phí khấu hao tài sản "
            "vào giá dịch vụ y tế.\n")
    text = "Số: 844/QĐ-TTg\nHà Nội, ngày 13 tháng 5 năm 2026\nKẾ HOẠCH\n" + body
    found = passage(text).obligations
    assert [o.text[:20] for o in found] == ["Nâng cao năng lực hệ", "Từng bước triển khai", "Xây dựng lộ trình từ"]
    assert "cấp chuyên sâu" in found[1].text
    assert all("các bộ" in [a.name for a in o.assignees] for o in found)


def test_an_article_number_wrapped_onto_the_next_line():
    # crawl 43ce594e2a648040: "**Điều\n4.** Thủ trưởng các cơ quan, đơn vị: ..." (the page wrapped "Điều 4")
    text = normalise("**Điều\n4.** Thủ trưởng các cơ quan, đơn vị: Văn phòng UBND tỉnh, Sở Tài chính chịu trách nhiệm thi "
                     "hành Quyết định này./.\n")
    assert text.startswith("Điều 4. Thủ trưởng")


def test_the_closing_formula_however_long_the_paragraph():
    # crawl 43ce594e2a648040 Điều 4: a long list of bodies before "chịu trách nhiệm thi hành Quyết định này./."
    body = ("Điều 4. Thủ trưởng các cơ quan, đơn vị: Văn phòng UBND tỉnh, Sở Tài chính; các đơn vị sự nghiệp công lập "
            "có chức năng đào tạo, bồi dưỡng thuộc phạm vi quản lý của UBND tỉnh và các cơ quan, tổ chức và cá nhân có "
            "liên quan chịu trách nhiệm thi hành Quyết định này./. Các đơn vị sự nghiệp công lập có chức năng đào tạo, "
            "bồi dưỡng thuộc phạm vi quản lý của UBND tỉnh thực hiện việc đăng tải danh mục thủ tục hành chính trên "
            "trang thông tin điện tử của đơn vị theo quy định hiện hành của pháp luật về thủ tục hành chính.\n")
    assert tasks(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 8bb6ac57ee7b4c5d Điều 2.1.a: telling the public to "biết, thực hiện" is part of the task
    ("Điều 2. Trách nhiệm thực hiện\n1. Sở Y tế\na) Công khai danh mục thủ tục hành chính thực hiện không phụ thuộc "
     "vào địa giới hành chính tại Trung tâm Phục vụ hành chính công tỉnh; đồng thời hướng dẫn, tuyên truyền bằng nhiều "
     "hình thức đến tổ chức, cá nhân biết, thực hiện.\n", [("2.1.a", ["Sở Y tế"])]),
    # dev vi_tb_631_vpcp_2025: the notice's own closing
    ("Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.\n", []),
])
def test_who_is_told_to_know_and_act(body, expected):
    assert tasks(body) == expected


def test_a_time_field_under_an_item_nobody_acts_on_is_no_task():
    # crawl d8df85cac631ac19 (a simplification plan): each procedure's "- Thời gian thực hiện: 05 ngày ..." is the
    # procedure's new time limit; no body is named anywhere above it
    body = ("II. NỘI DUNG CHI TIẾT CỤ THỂ TỪNG THỦ TỤC HÀNH CHÍNH ĐƠN GIẢN HÓA.\n"
            "1. Tên thủ tục hành chính: Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc "
            "làm.\n\na. Nội dung cắt giảm, đơn giản hóa: Giảm 02 ngày so với quy định.\n\n- Thời gian giải quyết theo quy "
            "định: 07 ngày kể từ ngày Sở Nội vụ tiếp nhận đủ giấy tờ.\n\n- Thời gian thực hiện: 05 ngày kể từ ngày Sở Nội "
            "vụ tiếp nhận đủ giấy tờ.\n")
    assert tasks(body) == []
    # dev vi_kh_172_ubnd_hcm_2025 II.1: the same fields with the body that acts
    record = extracted(str(DEV / "vi_kh_172_ubnd_hcm_2025.txt"))
    assert any(o["path"] == "II.1" and o["assignees"] for o in record["obligations"])


@pytest.mark.parametrize(("name", "symbol", "issued"), [
    # "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA ...": the issuer's and number's cells run into one line
    ("e4ddc120fc14463c.md", "171/2025/NĐ-CP", "2025-06-30"),
    ("a032a58e6ab2f19d.md", "1661/NQ-UBTVQH15", None),  # "------------------ Số: 1661/NQ-UBTVQH15 | ..."
    # a news summary of 31 paragraphs before the document: its header comes after
    ("24c6583aa4c3280a.md", "2639/QĐ-TTg", "2025-12-03"),
])
def test_own_number_where_the_page_mangled_the_header(name, symbol, issued):
    meta = extracted(str(CRAWL / name))["metadata"]
    assert meta["symbol"] == symbol
    if issued:
        assert meta["issued_on"] == issued


def test_a_unit_under_its_city_in_a_header_in_capitals():
    # crawl ca72de8fb3033d5c (1597/QĐ-TTPVHCC): "UBND THÀNH PHỐ HÀ" / "NỘI" over the centre's own name: the centre
    # issues, and the city it stands under gives the names its text completes ("Trung tâm Phục vụ hành chính công
    # Thành phố")
    text = ("UBND THÀNH PHỐ HÀ\nNỘI\n**TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT "
            "NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 1597/QĐ-TTPVHCC\n|\n*Hà Nội, ngày 21\ntháng 11 năm 2025*\n|\n"
            "**QUYẾT ĐỊNH**\n**Điều 2. **Sở Xây dựng chủ\ntrì phối hợp với Trung tâm Phục vụ hành chính công Thành phố xây "
            "dựng quy trình\nnội bộ giải quyết thủ tục hành chính đã được công bố tại Quyết định này, phê\nduyệt theo Quy "
            "định.\n")
    record = passage(text)
    assert record.metadata.issuer == "Trung tâm Phục vụ hành chính công thành phố Hà Nội"
    (task,) = record.obligations
    assert [a.name for a in task.assignees] == ["Sở Xây dựng", "Trung tâm Phục vụ hành chính công Thành phố Hà Nội"]


def test_a_headings_partners_support_its_points():
    # crawl 437c3beb60ae2874 V.2: "2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Ủy
    # ban nhân dân các phường, xã, đặc khu:" then dash bullets
    body = ("V. TỔ CHỨC THỰC HIỆN\n2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Ủy ban "
            "nhân dân các phường, xã, đặc khu:\n- Xây dựng chương trình đào tạo và tổ chức tập huấn cho đội ngũ giảng "
            "viên, giáo viên kiến thức về phòng chống và giảm nhẹ rủi ro thiên tai;\n")
    text = HEADER + body
    (task,) = passage(text).obligations
    assert [(a.name, a.role) for a in task.assignees] == [
        ("Sở Giáo dục và Đào tạo", "lead"), ("Sở Nông nghiệp và Môi trường", "support"),
        ("Ủy ban nhân dân các xã, phường", "support")]


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 9e9ed41212fc9334 (3509/QĐ-CT): "Điều 9. Trách nhiệm của thủ trưởng các đơn vị thuộc Cục Thuế"
    ("Điều 9. Trách nhiệm của thủ trưởng các đơn vị thuộc Cục Thuế\n\n1. Chỉ đạo niêm yết công khai tại các trụ sở làm "
     "việc và trên trang thông tin điện tử Quy tắc ứng xử này.\n", [("9.1", ["các đơn vị thuộc Cục Thuế"])]),
    # crawl 6d0e277c7b88a914 Điều 11.1: the units named as written, several nouns before "thuộc", the clause's subject
    ("Điều 11. Thẩm quyền giao nhiệm vụ\n1. Các tổ chức, đơn vị thuộc Bộ Quốc phòng có trách nhiệm báo cáo cấp có thẩm "
     "quyền sau khi được chủ đầu tư đề xuất đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ để được giao nhiệm vụ.\n",
     [("11.1", ["các tổ chức, đơn vị thuộc Bộ Quốc phòng"])]),
    # crawl e5fc434ba0580ac0: "trực thuộc" kept as written ("Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước")
    ("Điều 9. Trách nhiệm của Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước\n\n1. Chỉ đạo niêm yết công khai tại "
     "các trụ sở làm việc và trên trang thông tin điện tử Quy tắc ứng xử này.\n",
     [("9.1", ["các đơn vị trực thuộc Kiểm toán nhà nước"])]),
])
def test_the_units_of_a_body_are_a_class(body, expected):
    header = "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 3509/QĐ-CT\nHà Nội, ngày 17 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    assert tasks(body, header) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # crawl b241b75dc4e6df64 Điều 3: whom a body answers to is no work
    ("Điều 3. Bộ Xây dựng chịu trách nhiệm toàn diện về nội dung Hiệp định và Nghị định thư 1 của Hiệp định.\n", []),
    # dev vi_cd_223_ttg_2025 point 2: answerable, and given work in the same sentence
    ("2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố:\n- Chịu trách nhiệm toàn diện trước Chính phủ, Thủ tướng Chính "
     "phủ về công tác ứng phó thiên tai trên địa bàn, chủ động chỉ đạo công tác ứng phó thiên tai, cứu hộ cứu nạn theo "
     "chức năng, nhiệm vụ, thẩm quyền; kịp thời báo cáo Thủ tướng Chính phủ.\n",
     [("2", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl de16a702fae1465d 18.4: answerable for the consequences of delay is no work either
    ("Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị\n4. Chịu trách nhiệm đối với những hậu quả "
     "xảy ra liên quan đến việc chậm trễ xử lý hoặc không xử lý đối với các phản ánh được tiếp nhận qua Ứng dụng.\n", []),
])
def test_answerability_is_no_task(body, expected):
    assert tasks(body, "THỦ TƯỚNG CHÍNH PHỦ\nSố: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n") == expected


def test_a_numbered_topic_is_a_heading():
    # dev vi_cv_4085_ubnd-dt_2025: "1. Về việc rà soát, làm sạch dữ liệu số nhà đã cấp" heads the requests below it
    seg = segment("1. Về việc rà soát, làm sạch dữ liệu số nhà đã cấp\n1.1. Ủy ban nhân dân các phường rà soát dữ liệu.\n")
    assert [b.heading for b in seg.blocks[:1]] == [True]


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 65fe198460ffa9d9 Điều 3.2: the closing feedback clause; its condition stands before its generic actor
    ("Điều 3. Tổ chức thực hiện\n2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa "
     "phương phản ánh về Văn phòng UBND tỉnh để tổng hợp, tham mưu Chủ tịch UBND tỉnh xem xét, điều chỉnh, bổ sung kịp "
     "thời.\n", [("3.2", [])]),
    # crawl b527d7996ed66f24: "trường hợp ..." and a named body after it
    ("Điều 3. Tổ chức thực hiện\n2. Trong quá trình thực hiện, trường hợp có khó khăn, vướng mắc hoặc phát sinh những "
     "vấn đề cần bổ sung, sửa đổi cho phù hợp với yêu cầu nhiệm vụ, Sở Nội vụ phối hợp với các cơ quan, đơn vị có liên "
     "quan tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.\n", [("3.2", ["Sở Nội vụ"])]),
    # crawl 1a434d0a7e14dc93 (tune): a comma inside the time phrase, and "đề nghị" before the generic actor
    ("Điều 10. Tổ chức thực hiện\n3. Trong quá trình tổ chức, triển khai thực hiện nếu có khó khăn, vướng mắc, đề nghị "
     "cơ quan, đơn vị báo cáo về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n", [("10.3", [])]),
    # crawl c2b60521aafae842: a condition about the cited documents is no feedback clause and names no actor
    ("Điều 5. Tổ chức thực hiện\n2. Trong quá trình thực hiện, nếu các văn bản quy phạm pháp luật viện dẫn tại Thông tư "
     "này được sửa đổi, bổ sung hoặc thay thế thì thực hiện theo văn bản mới được sửa đổi, bổ sung hoặc thay thế đó.\n",
     []),
])
def test_the_closing_feedback_clause_is_a_task(body, expected):
    assert tasks(body, "Số: 999/QĐ-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n") == expected


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl 9b7eebadf7081069 (0204/KH-UBND): a budget plan sent up to the council gives the council no work
    ("Kính gửi: Hội đồng nhân dân tỉnh Cà Mau\nCăn cứ Nghị định số 45/2017/NĐ-CP ngày 21/4/2017 của Chính phủ.\n"
     "III. CÁC GIẢI PHÁP\n2.2. Chi ngân sách\n- Tiếp tục bố trí dự toán chi tạo nguồn thực hiện chính sách cải cách "
     "tiền lương theo quy định.\n",
     "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 0204/KH-UBND\nCà Mau, ngày 24 tháng 11 năm 2025\nKẾ HOẠCH\n", []),
    # crawl fcd40850adc894a0 (5317/CT-CS): a dispatch sent down gives its addressee the request
    ("Kính gửi: Thuế tỉnh Ninh Bình.\n1. Rà soát hồ sơ các trường hợp phải nộp bổ sung tiền sử dụng đất.\n",
     "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5317/CT-CS\nHà Nội, ngày 19 tháng 11 năm 2025\n", [("1", ["Thuế tỉnh Ninh Bình"])]),
])
def test_addressees_sent_up_to_are_given_no_work(body, header, expected):
    assert tasks(body, header) == expected


@pytest.mark.parametrize(("line", "subject", "member"), [
    # crawl 7650ecce3d20626b (58/2025/NQ-HĐND) appendix, crawl 2c1d4e991a2bbbc1: a line that holds only a body's
    # name is a cell of a table of units, not a task
    ("Trường Mầm non đô thị Sài Đồng", "Trường Mầm non đô thị Sài Đồng", True),
    ("Cục Chính sách - Xã hội", "Cục Chính sách - Xã hội", True),
    # dev vi_qd_2623_ttg_2025 (a committee's members): a capitalised role after the body, ending the line
    ("Bộ trưởng Bộ Nội vụ, Phó Trưởng ban thường trực;", "Bộ trưởng Bộ Nội vụ", True),
    # crawl b4454ac70858432c (a biography page): a body and the years of an office held there
    ("Phó Thủ tướng Thường trực Chính phủ (2006-2011)", "Phó Thủ tướng Thường trực Chính phủ", True),
    # crawl 7650ecce3d20626b 4.1: a body and its task
    ("Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết.", "Giao Ủy ban nhân dân Thành phố", False),
])
def test_a_line_that_only_names_bodies_is_no_task(line, subject, member):
    assert _member_line(line, 0, len(subject), len(line)) is member


CT_CS = "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5317/CT-CS\nHà Nội, ngày 19 tháng 11 năm 2025\n"


@pytest.mark.parametrize(("body", "expected"), [
    # crawl fcd40850adc894a0: a quoted article runs to its closing mark, through a plain paragraph inside it
    ("Kính gửi: Thuế tỉnh Ninh Bình.\n- Tại khoản 2 Điều 257 Luật Đất đai năm 2024 quy định:\n"
     "“Điều 257. Giải quyết về tài chính đất đai, giá đất khi Luật này có hiệu lực thi hành.\n"
     "c) Đối với trường hợp đã có quyết định giao đất thì giá đất được xác định tại thời điểm ban hành quyết định đó.\n"
     "Trường hợp Ủy ban nhân dân cấp có thẩm quyền đã thực hiện giao đất, cho thuê đất theo tiến độ bồi thường thì giá "
     "đất cụ thể được xác định theo thời điểm ban hành của từng quyết định;\n"
     "d) Chính phủ quy định về việc áp dụng phương pháp định giá đất và khoản tiền người sử dụng đất phải nộp bổ sung "
     "đối với thời gian chưa tính tiền sử dụng đất”.\n"
     "Đề nghị Thuế tỉnh Ninh Bình căn cứ quy định nêu trên để thực hiện.\n", [(None, ["Thuế tỉnh Ninh Bình"])]),
    # crawl e0b9a318eafcfc30 (37413/CHQ-NVTHQ): the rules an answer cites are no tasks of its addressee
    ("Kính gửi:\nCông ty TNHH Sunny Automotive Vina.\nVề vấn đề này, Cục Hải quan có ý kiến như sau:\n"
     "- Điều 86 Luật Hải quan số 54/2014/QH13 quy định trị giá hải quan được sử dụng làm cơ sở cho việc tính thuế "
     "xuất khẩu và thống kê hàng hóa xuất khẩu.\n"
     "- Căn cứ khoản 3 Điều 1 Thông tư số 60/2019/TT-BTC ngày 30/8/2019 bổ sung Điều 4 Thông tư số 39/2015/TT-BTC.\n",
     []),
])
def test_what_an_answer_quotes_is_no_task(body, expected):
    assert tasks(body, CT_CS) == expected


BAC_NINH_RULES = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 78/2025/QĐ-UBND\nBắc Ninh, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"


@pytest.mark.parametrize(("body", "expected"), [
    # crawl de16a702fae1465d (78/2025/QĐ-UBND, normative): an article on the duties of a class of state bodies
    ("Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị\n1. Ban hành quy định xử lý phản ánh kiến "
     "nghị của cơ quan, đơn vị mình trong thời hạn 60 ngày kể từ ngày Quy chế này được ban hành.\n3. Chỉ đạo, hướng dẫn, "
     "kiểm tra, giám sát việc tiếp nhận, xử lý phản ánh kiến nghị của cán bộ xử lý.\n", [("18.1", []), ("18.3", [])]),
    # the same document: the duties of citizens and organisations are rules they obey, not work given to the state
    ("Điều 19. Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị\n2. Phản ánh kiến nghị vì sự văn minh, tiến bộ, "
     "lợi ích chung của cộng đồng và toàn xã hội.\n", []),
    # the same document, Điều 20: the feedback clause of a normative text names a class of state bodies
    ("**Điều 20. Điều khoản thi hành**\n\nTrong quá trình thực hiện nếu phát sinh khó khăn, vướng mắc bất cập, các cơ "
     "quan, đơn vị kịp thời phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND tỉnh xem xét, quyết định./.\n",
     [("20", [])]),
])
def test_classes_of_state_bodies_in_normative_articles(body, expected):
    assert tasks(body, BAC_NINH_RULES) == expected


CAO_BANG_RULES = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 52/2025/QĐ-CTUBND\nCao Bằng, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"


def test_a_case_before_the_subject_is_no_subject():
    # crawl adda847abe350742 (1628/QĐ-UBND) Điều 2.4: "Đối với <case>, <bodies> <work>" gives the bodies work
    body = ("Điều 2. Trách nhiệm của các\ncơ quan, đơn vị\n4. Ủy ban nhân dân các xã,\nphường, đặc khu chịu trách nhiệm "
            "tiếp nhận và trả kết quả giải quyết TTHC.\nĐối với hồ sơ TTHC đã được cung\ncấp dịch vụ công trực tuyến, "
            "Trung tâm Phục vụ hành chính công tỉnh, Trung tâm\nPhục vụ hành chính công cấp xã thực hiện cung cấp thông "
            "tin, ưu tiên hỗ trợ,\nhướng dẫn tổ chức, cá nhân thực hiện nộp hồ sơ trực tuyến.\n")
    header = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1628/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    assert [who for _, who in tasks(body, header)] == [
        ["Ủy ban nhân dân các xã, phường"],
        ["Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi"]]


def test_an_article_titled_with_a_body_sets_out_its_duties():
    # crawl fc5e61d70df8c70c (52/2025/QĐ-CTUBND, normative): the work a decision hands down to a department, under an
    # article that names only that department (its title broken over two lines by the page)
    body = ("**Điều 2. Sở Giáo dục và\nĐào tạo**\n1. Quyết định việc nâng bậc\nlương thường xuyên, nâng bậc lương trước "
            "thời hạn và các chế độ, chính sách về\ntiền lương.\n2. Quyết định phê duyệt vị\ntrí việc làm, điều chỉnh vị "
            "trí việc làm và cơ cấu viên chức.\n")
    assert tasks(body, CAO_BANG_RULES) == [("2.1", ["Sở Giáo dục và Đào tạo"]), ("2.2", ["Sở Giáo dục và Đào tạo"])]


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 9ca435f010e53248 (39365/CHQ-GSQL): an answer's points state the rules; its request names its addressee
    ("Kính gửi: Công ty TNHH Tokokosen.\n(Địa chỉ: Phòng 11.05 tòa nhà Plascher Tower, 562 Nguyễn Văn Cừ, phường Bồ "
     "Đề, thành phố Hà Nội) Trả lời công văn số 01-10/2025/CV-TKV của Công ty TNHH Tokokosen về việc vướng mắc chính "
     "sách mặt hàng, Cục Hải quan có ý kiến như sau:\n1. Về phương tiện quay vòng\n- Phương tiện quay vòng theo phương "
     "thức tạm nhập, tái xuất hoặc tạm xuất, tái nhập để chứa hàng hóa xuất khẩu, nhập khẩu được quy định tại khoản 1 "
     "Điều 49 Nghị định số 08/2015/NĐ-CP ngày 21/01/2015 của Chính phủ.\n"
     "2. Hàng hóa gửi kho ngoại quan được quy định tại Điều 85 Nghị định số 08/2015/NĐ-CP.\n", []),
    # crawl e5fc434ba0580ac0 (1760/QĐ-KTNN): the points under "trong những trường hợp sau đây:" are cases
    ("Điều 9. Thu hồi, tạm đình chỉ sử dụng thẻ\n1. Tổng Kiểm toán nhà nước quyết định thu hồi thẻ trong những trường "
     "hợp sau đây:\na) Kiểm toán viên nhà nước không còn là công chức thuộc biên chế của Kiểm toán nhà nước;\n"
     "b) Kiểm toán viên nhà nước nghỉ hưu hoặc từ trần, mất tích khi đang công tác;\n", []),
])
def test_answers_and_cases_are_no_tasks(body, expected):
    assert tasks(body, "BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố: 39365/CHQ-GSQL\nHà Nội, ngày 02 tháng 12 năm 2025\n") == expected


@pytest.mark.parametrize(("text", "issued", "due"), [
    # crawl 7cee710828fb211b (2715/QĐ-UBND, signed Wednesday 19/11/2025): five working days from its own signing
    ("Khóa chức năng tiếp nhận hồ sơ chậm nhất sau 05 ngày làm việc, kể từ ngày quyết định công bố được UBND tỉnh ký "
     "ban hành.", "2025-11-19", "2025-11-26"),
    # crawl de16a702fae1465d (78/2025/QĐ-UBND): sixty days from the day the regulation is issued
    ("Ban hành quy định xử lý phản ánh kiến nghị của cơ quan, đơn vị mình trong thời hạn 60 ngày kể từ ngày Quy chế "
     "này được ban hành.", "2025-11-21", "2026-01-20"),
    # another decision's entry into force is not known from this one
    ("Trong 30 ngày kể từ ngày Quyết định của Bộ Y tế có hiệu lực, các sở rà soát.", "2025-11-21", None),
])
def test_a_time_limit_from_the_documents_own_signing(text, issued, due):
    found = primary_deadline(find_deadlines(text, issued_on=issued, language="vi"))
    assert (found.date if found else None) == due


def test_a_line_giving_only_the_time_belongs_to_the_task_before_it():
    # crawl 7cee710828fb211b Điều 2
    body = ("**Điều 2**. Sở Công Thương có trách nhiệm rà soát, xây dựng và trình UBND tỉnh phê duyệt các quy trình giải "
            "quyết thủ tục hành chính.\nHoàn thành *trước ngày 21/11/2025.*\n")
    text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 2715/QĐ-UBND\nQuảng Trị, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\n" + body
    [task] = passage(text).obligations
    assert task.deadline is not None and task.deadline.date == "2025-11-21"


def test_a_shall_sentence_in_an_approved_programme_is_a_task():
    # dev en_qd_2281_ttg_2010 III.3.c: the programme's own solutions are not tasks, but a subject that "shall" act is
    text = ("DECISION\nDecision No. 2281/QD-TTg of December 10, 2010, approving the national program on labor safety and "
            "hygiene during 2011-2015\nTHE PRIME MINISTER\nDECIDES:\nArticle 1.\nTo approve the national program on labor "
            "safety and hygiene during 2011-2015, with the following principal contents:\n"
            "III. PROGRAM IMPLEMENTATION SOLUTIONS\n3. Management and administration:\n"
            "a) To step up the examination and supervision of the implementation of the program;\n"
            "c) Project managing agencies shall set up project management units;\n")
    assert [o.path for o in passage(text).obligations] == ["1.III.3.c"]


@pytest.mark.parametrize(("section", "paths"), [
    # crawl 2edf5927c71bc4c1 (2629/QĐ-TTg) IV.4: in the section that gives the approved programme's work out, a class
    # that acts is given work, though it names no body
    ("III. TỔ CHỨC THỰC HIỆN", ["1.III.4"]),
    # in the programme's own content the same words are one of its measures
    ("II. NHIỆM VỤ, GIẢI PHÁP", []),
])
def test_a_class_in_an_approved_programmes_implementation_section_is_given_work(section, paths):
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 2629/QĐ-TTg\nHà Nội, ngày 27 tháng 11 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt Chương trình\n"
            "Điều 1. Phê duyệt Chương trình với các nội dung sau:\n" + section + "\n"
            "4. Các doanh nghiệp công nghệ số căn cứ vào nội dung, nhiệm vụ và giải pháp của Chương trình, xây dựng các nội "
            "dung triển khai, đề xuất giải pháp với các bộ, ngành, địa phương.\n")
    assert [o.path for o in passage(text).obligations] == paths


@pytest.mark.parametrize(("body", "expected"), [
    # crawl b1ce4a2380c2c8e3 (83/2025/QĐ-UBND, normative): who decides a standard is competence, not a task
    ("Điều 3. Thẩm quyền quyết định tiêu chuẩn, định mức\n1. Đối với máy móc, thiết bị chuyên dùng:\na) Sở Khoa học và "
     "Công nghệ quyết định đối với các cơ quan, tổ chức, đơn vị thuộc cấp tỉnh.\n", []),
    # crawl d71b3a48efad6d2c (211/2025/QĐ-UBND, normative): a body named with a duty is given work, wherever it stands
    ("Điều 9. Cập nhật thông tin\n3. Sở Tư pháp có trách nhiệm cập nhật thông tin ngăn chặn vào Cơ sở dữ liệu ngay sau khi "
     "nhận được văn bản.\n", [("9.3", ["Sở Tư pháp"])]),
])
def test_competence_in_a_rule_is_no_task(body, expected):
    assert tasks(body, BAC_NINH_RULES) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 1ea5e769bcf16b99 and 355bcc582867074b: recipients flattened into one line are no task
    ("Điều 4. Bộ Tài chính hướng dẫn thực hiện Nghị định này.\n- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan "
     "ngang bộ, cơ quan thuộc Chính phủ; - HĐND, UBND các tỉnh, thành phố trực thuộc trung ương; - Lưu: VT, KTTH (2).\n",
     [("4", ["Bộ Tài chính"])]),
    # crawl 795cf006dc2c6b76 (5388/CT-CS): "Cục Thuế có ý kiến để Thuế tỉnh Phú Thọ được biết./." closes the letter
    ("Kính gửi: Thuế tỉnh Phú Thọ.\n1. Đề nghị Thuế tỉnh Phú Thọ căn cứ quy định nêu trên để hướng dẫn người nộp thuế.\n"
     "Cục Thuế có ý kiến để Thuế tỉnh Phú Thọ được biết./.\n", [("1", ["Thuế tỉnh Phú Thọ"])]),
    # crawl ec312e33c3cb8de5 (5489/CT-CS): the same closing without "được"
    ("Kính gửi: Thuế tỉnh An Giang.\nĐề nghị Thuế tỉnh An Giang căn cứ các\nquy định nêu trên và hồ sơ thực tế để xử lý theo "
     "quy định.\nCục Thuế có ý kiến để Thuế tỉnh An Giang\nbiết./.\n", [(None, ["Thuế tỉnh An Giang"])]),
])
def test_lists_and_closings_are_no_tasks(body, expected):
    assert tasks(body, CT_CS) == expected


def test_a_table_of_indicators_with_a_lead_column_assigns_each_row():
    # crawl ad5aff6c13929815 (144/KH-UBND) appendix: "TT / Chỉ tiêu / Chủ trì", dated by its title "... ĐẾN NĂM 2030"
    record = extracted(str(CRAWL / "ad5aff6c13929815.md"))
    rows = {o["text"].split(" | ")[0].strip(): ([a["name"] for a in o["assignees"]], (o["deadline"] or {}).get("date"))
            for o in record["obligations"] if " | " in o["text"]}
    assert rows["Kinh tế số chiếm 45% GRDP tỉnh."] == (["Sở Tài chính"], "2030-12-31")
    assert rows["Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số."] == (["Sở Khoa học và Công nghệ"], "2030-12-31")


def test_an_article_on_a_bodys_duties_and_powers_heads_its_clauses():
    # crawl e4ddc120fc14463c (171/2025/NĐ-CP): "Nhiệm vụ, quyền hạn của Bộ Nội vụ", a title the page did not set apart
    body = ("Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ\n1. Xây dựng, trình cấp có thẩm quyền ban hành hoặc ban hành theo "
            "thẩm quyền các văn bản quy phạm pháp luật về đào tạo, bồi dưỡng công chức.\n5. Kiểm tra, giám sát việc thực "
            "hiện quy định về đào tạo, bồi dưỡng công chức.\n")
    header = "CHÍNH PHỦ\nSố: 171/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\nNGHỊ ĐỊNH\n"
    assert tasks(body, header) == [("34.1", ["Bộ Nội vụ"]), ("34.5", ["Bộ Nội vụ"])]


def test_the_duties_in_a_regulation_of_one_bodys_remit_are_that_bodys():
    # crawl 0f98ee482389e59e (2979/QĐ-UBND): "QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN ... CỦA SỞ TƯ PHÁP", then "Điều 2."
    # and "Nhiệm vụ và quyền hạn" on lines of their own; "1.3. Tham mưu Ủy ban nhân dân tỉnh ...:" serves the committee
    record = extracted(str(CRAWL / "0f98ee482389e59e.md"))
    by_path = {o["path"]: [a["name"] for a in o["assignees"]] for o in record["obligations"]}
    assert by_path["2.1.3.d"] == ["Sở Tư pháp"]
    assert by_path["2.2.1"] == ["Sở Tư pháp"]


@pytest.mark.parametrize(("unit", "skipped"), [
    # crawl 1e6fb98e16a75e3d (89/VBHN-BQP) forms: a numbered blank, and the recipients of a form
    ("....(2).... giải quyết cho người được cấp phép vào, ra Căn cứ quân sự Cam Ranh theo tuyến đường phía Bắc", True),
    ("Lưu:...", True),
    ("Như trên;", True),
    # crawl 21c5e5f284e66d03: a recipients list flattened into one line
    ("Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; - HĐND, UBND các tỉnh",
     True),
    # a task with a list inside it is a task
    ("Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", False),
])
def test_lists_and_forms_are_no_units_of_work(unit, skipped):
    assert list_or_form(unit, 0, len(unit)) is skipped


@pytest.mark.parametrize(("text", "due"), [
    # crawl 8c306b6991495e34 (tune): a labelled time field with a span of years is due at the end of the last
    ("Lộ trình thực hiện: Năm 2025 - 2026", "2026-12-31"),
    ("Thời gian hoàn thành: năm 2026", "2026-12-31"),
    # crawl 7650ecce3d20626b 4.4: a school year is when the rule applies, not a deadline
    ("Thời gian thực hiện: năm học 2025-2026", None),
    # crawl 2f6f80b9918e52de: an ongoing task from a year on has no deadline
    ("Thời gian thực hiện: Năm 2025 và các năm tiếp theo.", None),
])
def test_a_labelled_time_field_with_only_years(text, due):
    found = primary_deadline(find_deadlines(text, issued_on="2025-11-20", language="vi"))
    assert (found.date if found else None) == due


def test_an_english_time_field_dates_its_task_and_a_lead_field_names_the_lead():
    # dev en_qd_123_ttg_2010 labels a task's time "Implementation time: 2010" on the line below it; a "Lead agency:"
    # field names the lead, as "Cơ quan chủ trì:" does
    text = ("THE PRIME MINISTER\nDecision No. 123/QD-TTg of January 18, 2010\nDECIDES:\n"
            "Article 2. Organization of implementation\n1. The Ministry of Justice:\n"
            "a) To build a framework contingent of trainers to train lawyers for international economic integration.\n"
            "Implementation time: 2010\n"
            "2. To compile and distribute documents on international economic integration for lawyers.\n"
            "- Lead agency: Ministry of Justice\n- Coordinating agencies: Vietnam Lawyers Federation\n")
    first, second = passage(text).obligations
    assert (first.path, first.deadline.date if first.deadline else None) == ("2.1.a", "2010-12-31")
    assert [(a.name, a.role) for a in second.assignees][0] == ("Bộ Tư pháp", "lead")


def test_a_military_command_named_by_its_tier_heads_the_points_below_it():
    # crawl 6d0e277c7b88a914 (94/VBHN-BQP) Điều 12.4.b: "Bộ Chỉ huy quân sự cấp tỉnh" is every province's command in the
    # ministry's text, "cấp tỉnh, thành phố trực thuộc trung ương" the tier's name in full; the point only names it
    header = "BỘ QUỐC PHÒNG\nSố: 94/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nTHÔNG TƯ\n"
    body = ("Điều 12. Quy trình thu gom, vận chuyển, tiêu hủy bom mìn, vật nổ thu được trong điều tra, khảo sát, rà phá bom "
            "mìn vật nổ và trách nhiệm của cơ quan, tổ chức liên quan\n4. Trách nhiệm của cơ quan quân sự địa phương\n"
            "b) Bộ Chỉ huy quân sự cấp tỉnh, thành phố trực thuộc\ntrung ương\n\n- Phê duyệt kế hoạch thu gom, vận chuyển, "
            "tiêu hủy\nbom mìn vật nổ thu được trong quá trình điều tra, khảo sát, rà phá bom mìn vật\nnổ;\n\n"
            "- Định kỳ kiểm tra số lượng, chủng loại, điều kiện\ncất giữ bảo quản tại hiện trường của các tổ chức, đơn vị "
            "điều tra, khảo sát, rà\nphá bom mìn vật nổ.\n")
    command = ["Bộ Chỉ huy quân sự các tỉnh, thành phố trực thuộc Trung ương"]
    assert tasks(body, header) == [("12.4.b", command), ("12.4.b", command)]


@pytest.mark.parametrize(("second", "tasks_of_item"), [
    # dev en_qd_123_ttg_2010 III.1.10: a later sentence with a subject of its own, a class no known body names, and work
    # for it is a task of its own
    ("State economic groups shall evaluate their legal affairs staff and send qualified ones to lawyer training for "
     "international economic integration under Points 1.1 and 1.2, Section II, Article 1 of this Decision.", 2),
    # the same document, 2.1: a thing done ("shall be allocated") is no one's work; a pronoun goes on with the task
    ("Funds to implement the Scheme shall be allocated from the state budget.", 1),
    ("It shall coordinate with the Ministry of Justice and the Ministry of Industry and Trade in implementing the "
     "solutions specified at Points 3.1 and 3.3, Section II of this Decision.", 1),
])
def test_a_later_english_sentence_with_its_own_subject_and_work(second, tasks_of_item):
    text = ("THE PRIME MINISTER\nDecision No. 123/QD-TTg of January 18, 2010\nDECIDES:\n"
            "III. ORGANIZATION OF IMPLEMENTATION\n1. Assignment of responsibilities\n"
            "1.10. The Vietnam Chamber of Commerce and Industry, business associations, goods producers associations and "
            "state economic groups shall coordinate with the Ministry of Justice and the Vietnam Lawyers Federation in "
            "implementing the solutions specified in Section II, Article 1 of this Decision. " + second + "\n")
    assert len(passage(text).obligations) == tasks_of_item


@pytest.mark.parametrize(("paragraph", "task"), [
    # pages en_qd_215_ttg Article 2: an unnumbered paragraph whose own subject, named by no known body, is given work
    ("The standing boards of People’s Councils shall assume the prime responsibility for, and coordinate with People’s "
     "Committees and standing boards of Vietnam Fatherland Front Committees of the same level in, projecting the structure "
     "and composition of deputies to People’s Councils of their level under Article 14 of the 2003 Law on Election of "
     "Deputies to People’s Councils.", True),
    # dev en_qd_40_ttg_2016: a thing done is no one's work
    ("The orientations of the international integration strategy shall be carried out along with the development of "
     "internal resources aiming to maximize internal resources; to step up renewal in all areas in order to raise the "
     "effectiveness of international integration.", False),
])
def test_an_english_paragraph_whose_subject_shall_act(paragraph, task):
    text = ("THE PRIME MINISTER\nDecision No. 215/QD-TTg of February 15, 2011\nDECIDES:\n"
            "Article 2. Competence to project the structure and composition of deputies to People’s Councils at all levels\n"
            + paragraph + "\n")
    assert bool(passage(text).obligations) is task


def test_an_english_item_goes_on_in_a_paragraph_whose_subject_is_a_pronoun():
    # dev en_qd_123_ttg_2010 III.1.4: "It shall coordinate with ..." is more of the item's task, whose partners it names
    text = ("THE PRIME MINISTER\nDecision No. 123/QD-TTg of January 18, 2010\nDECIDES:\n"
            "III. ORGANIZATION OF IMPLEMENTATION\n1. Assignment of responsibilities\n"
            "1.4. The Ministry of Finance shall ensure annual state budget allocations for the Scheme implementation under the "
            "State Budget Law; and assume the prime responsibility for, and coordinate with the Ministry of Justice in, "
            "implementing the solutions specified at Points 1.1.3, 1.2.2 and 2.4, Section II, Article 1 of this Decision.\n"
            "It shall coordinate with the Ministry of Justice and the Ministry of Industry and Trade in implementing the "
            "solutions specified at Points 3.1 and 3.3, Section II of this Decision.\n"
            "1.5. The Ministry of Industry and Trade shall coordinate with the Ministry of Justice in implementing the "
            "solutions specified at Point 3.1, Section II, Article 1 of this Decision.\n")
    first, second = passage(text).obligations
    assert [a.name for a in first.assignees] == ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Công Thương"]
    assert first.text.endswith("Points 3.1 and 3.3, Section II of this Decision.")
    assert second.text.startswith("The Ministry of Industry and Trade")


def test_a_council_resolution_names_its_provinces_bodies():
    # crawl 58afeb4af978fe53 (71/2025/NQ-HĐND) 10.3: "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố" is Hà Nội's
    body = ("Điều 10. Tổ chức thực hiện\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành\nphố và các tổ chức chính trị - xã "
            "hội phối hợp tuyên truyền, tham gia giám sát\nthực hiện Nghị quyết.\n")
    header = "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 71/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\nNGHỊ QUYẾT\n"
    [(path, names)] = tasks(body, header)
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội" in names


def test_a_body_called_by_its_head_alone_gets_its_defined_full_name():
    # gazette vi_qd_798_ttg_2026: "Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và
    # ưu đãi người có công (gọi tắt là Ban Chỉ đạo)"; "Điều 2. Nhiệm vụ của Ban Chỉ đạo" then names it by its head
    body = ("Điều 1. Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và ưu đãi người có "
            "công (gọi tắt là Ban Chỉ đạo), gồm các thành viên sau đây:\n1. Trưởng ban Chỉ đạo Trung ương: Phó Thủ tướng "
            "Chính phủ Phạm Thị Thanh Trà.\nĐiều 2. Nhiệm vụ của Ban Chỉ đạo\n1. Nghiên cứu, xây dựng Đề án về cải cách "
            "chính sách tiền lương, bảo hiểm xã hội và ưu đãi người có công.\n")
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 798/QĐ-TTg\nHà Nội, ngày 05 tháng 5 năm 2026\nQUYẾT ĐỊNH\n"
    assert tasks(body, header) == [("2.1", ["Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội "
                                            "và ưu đãi người có công"])]


def test_a_time_field_under_an_item_keeps_the_items_own_subject():
    # crawl 2f6f80b9918e52de layout: an item that names its body, then "- Thời gian thực hiện: Năm 2025"
    body = ("II. NHIỆM VỤ\n3. Ủy ban nhân dân Thành phố xây dựng các văn bản quy phạm pháp luật quy định chi tiết các "
            "nội dung được giao trong Luật Việc làm.\n- Thời gian thực hiện: Năm 2025\n")
    header = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 999/KH-UBND\nThành phố Hồ Chí Minh, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
    text = header + body
    [task] = passage(text).obligations
    assert ([a.name for a in task.assignees], task.deadline.date) == (["Ủy ban nhân dân thành phố Hồ Chí Minh"], "2025-12-31")


@pytest.mark.parametrize(("name", "article"), [
    # encyclopedia articles a crawl picked up: a defining first sentence, or MediaWiki's edit links
    ("bd66cf7d080f738a.md", True),   # "Chủ tịch nước ... (gọi tắt: Chủ tịch nước) là nguyên thủ quốc gia"
    ("3861bb5ee8698f16.md", True),   # "Tiền Giang là một tỉnh ..."
    ("2c1d4e991a2bbbc1.md", True),   # "Tổ chức [sửa | sửa mã nguồn]"
    ("a1266e5544c960be.md", True),   # "Tập đoàn Vingroup": "Vingroup (tên đầy đủ: ...) là một tập đoàn ..."
    # "Hồ Chí Minh (chữ Nho: 胡志明; 19 tháng 5 năm 1890 – 2 tháng 9 năm 1969), tên khai sinh là Nguyễn Sinh Cung (...),
    # còn được gọi ... là một nhà cách mạng": an apposition between the name and its "là"
    ("529f96669f3f8b85.md", True),
    # biographies: "Phạm Minh Chính (sinh ngày 10 tháng 12 năm 1958) là ...", "Nguyễn Sinh Hùng ... là một chính khách"
    ("17f170f59d262843.md", True),
    ("b4454ac70858432c.md", True),
    # a directive, and a decision of a province
    ("65fe198460ffa9d9.md", False),
    ("7cee710828fb211b.md", False),
])
def test_an_encyclopedia_article_is_no_directive(name, article):
    record = extracted(str(CRAWL / name))
    assert (not record["obligations"]) if article else bool(record["obligations"])
    # an article's dates are its subject's (a birth, a law it tells of): it has no issue date of its own
    assert (record["metadata"]["issued_on"] is None) if article else bool(record["metadata"]["issued_on"])


def test_an_encyclopedia_article_in_plain_text_is_no_directive():
    # crawl bd66cf7d080f738a as another tool's plain text gives it (a paragraph to a line, no blank lines): the page's
    # title runs on into its infobox, which repeats it ("Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Chủ tịch nước
    # Cộng hòa xã hội chủ nghĩa Việt Nam Kính ngữ ..."); the title is the opening said twice, and its defining sentence
    # follows as before ("Chủ tịch nước ... (gọi tắt: Chủ tịch nước) là nguyên thủ quốc gia")
    from pipeline.evaluate_styles import paragraph_lines

    raw = (CRAWL / "bd66cf7d080f738a.md").read_text(encoding="utf-8")
    assert not passage(paragraph_lines(raw)).obligations


@pytest.mark.parametrize("name", ["bd66cf7d080f738a.md", "17f170f59d262843.md"])
def test_an_encyclopedia_article_wrapped_is_no_directive(name):
    # the articles wrapped at 90 characters with no blank lines (a page printed to PDF, its text layer): the lines run on,
    # the title is said twice at the start ("Phạm Minh Chính Phạm Minh Chính (sinh ngày 10 tháng 12 năm 1958) là ..."),
    # and the defining sentence runs on after the infobox ("... Website Văn phòng Chủ tịch nước Chính trị và chính phủ
    # Việt Nam Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam (gọi tắt: Chủ tịch nước) là nguyên thủ quốc gia ...")
    from pipeline.evaluate_styles import wrapped

    record = passage(wrapped((CRAWL / name).read_text(encoding="utf-8")))
    assert not record.obligations and record.metadata.issued_on is None


@pytest.mark.parametrize(("line", "title"), [
    ("Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Kính ngữ",
     "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Hồ Chí Minh Hồ Chí Minh Chủ tịch Đảng Lao động Việt Nam", "Hồ Chí Minh"),
    ("Tập đoàn Vingroup Loại hình Công ty cổ phần", None),  # said once (crawl a1266e5544c960be)
])
def test_the_opening_said_twice(line, title):
    from pipeline.extract.page_kind import repeated_opening

    assert repeated_opening(line) == title


def test_a_table_row_whose_first_cells_the_crawl_broke_into_lines():
    # crawl 646f0a00d4174382 (2530/QĐ-TTg) Phụ lục II: the number, the task and its content on lines of their own, then
    # "Bộ Nông nghiệp và Môi trường | - Bộ Xây dựng; - Bộ Công thương; - UBND các tỉnh, thành phố | Thực hiện mới | ...";
    # its header shares a line with the last row of Phụ lục I and the appendix title; "- Sản phẩm: ..." is no task
    obligations = extracted(str(CRAWL / "646f0a00d4174382.md"))["obligations"]
    task = next(o for o in obligations if o["text"].startswith("Xây dựng trung tâm dữ liệu tích hợp"))
    assert [(a["name"], a["role"]) for a in task["assignees"]][:3] == [
        ("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Xây dựng", "support"), ("Bộ Công Thương", "support")]
    assert not [o for o in obligations if o["text"].lstrip("- ").startswith("Sản phẩm:")]


def test_a_table_row_that_lost_its_empty_number_cell():
    # crawl 646f0a00d4174382 (2530/QĐ-TTg) Phụ lục I: under "D. | BỘ KHOA HỌC VÀ CÔNG NGHỆ" the first row's number
    # cell is empty and the page drops it ("Bộ Khoa học và Công nghệ | - Bộ Nông nghiệp và Môi trường; ... | Chủ trì
    # nghiên cứu ... | - Nghiên cứu, ứng dụng ... | ... | Giai đoạn 2026 - 2030"): its cells are the header's from the
    # second on, so the lead is the first cell, the partners the second and the time the last (the task is the content
    # cell, "- Nghiên cứu, ứng dụng ...", not the group it belongs to)
    obligations = extracted(str(CRAWL / "646f0a00d4174382.md"))["obligations"]
    task = next(o for o in obligations if o["text"].startswith("- Nghiên cứu, ứng dụng, chuyển giao công nghệ xử lý khí"))
    assert [(a["name"], a["role"]) for a in task["assignees"]][:2] == [
        ("Bộ Khoa học và Công nghệ", "lead"), ("Bộ Nông nghiệp và Môi trường", "support")]
    assert task["deadline"]["date"] == "2030-12-31"
    below = next(o for o in obligations if o["text"].startswith("- Nghiên cứu ứng dụng và chuyển giao công nghệ tận"))
    assert below["assignees"][0]["name"] == "Bộ Khoa học và Công nghệ"


def test_rows_under_merged_cells_are_tasks_of_the_bodies_above():
    # crawl 646f0a00d4174382, Phụ lục I: a row "1 | Bộ Nông nghiệp và Môi trường | - Bộ Khoa học và Công nghệ; ... |
    # group | task | target | time" is followed by rows of the last three columns only (the number, the lead, the
    # partners and the group are cells merged down): "- Rà soát, cập nhật ... | - Bộ công cụ ... | Giai đoạn 2026 - 2027"
    record = extracted(str(CRAWL / "646f0a00d4174382.md"))
    (row,) = [o for o in record["obligations"]
              if o["text"].startswith("- Rà soát, cập nhật các hướng dẫn kỹ thuật về hệ số phát thải")]
    assert [(a["name"], a["role"]) for a in row["assignees"]][:3] == [
        ("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Khoa học và Công nghệ", "support"), ("Bộ Xây dựng", "support")]
    assert row["deadline"]["date"] == "2027-12-31"


def test_a_field_after_the_signature_belongs_to_no_article_above_it():
    # crawl 646f0a00d4174382: "Điều 3. Các Bộ trưởng, ... chịu trách nhiệm thi hành Quyết định này.", the signature,
    # then the appendix's "- Sản phẩm: ..." lines: no task runs from Article 3 across the signature
    record = extracted(str(CRAWL / "646f0a00d4174382.md"))
    assert not [o for o in record["obligations"] if "chịu trách nhiệm thi hành Quyết định này" in o["text"]]
    assert not [o for o in record["obligations"] if o["text"].startswith("Đơn vị phối hợp | Thời gian")]


def test_typographic_quotes_stay_as_written():
    # dev en_qd_258_ttg_2010: "... the Steering Committee’s head shall ...": an anchor copied from the page keeps ’,
    # while the rules read the straight apostrophe ("People's Committees")
    record = extracted(str(DEV / "en_qd_258_ttg_2010.txt"))
    assert "Steering Committee’s head" in record["text"]
    assert all(record["text"][o["span"][0]:o["span"][1]] == o["text"] for o in record["obligations"])
    assert normalise("Committee’s head\n") == "Committee’s head\n"
    # dev en_qd_40_ttg_2016, V.II.4: the body is still known, and its mention is kept as written
    record = extracted(str(DEV / "en_qd_40_ttg_2016.txt"))
    (task,) = [o for o in record["obligations"] if o["text"].startswith("Provincial-level People’s Committees shall")]
    assert [(a["name"], a["mention"]) for a in task["assignees"]] == [
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Provincial-level People’s Committees")]


@pytest.mark.parametrize(("raw", "paragraphs"), [
    # dev en_qd_2351_ttg_2010: the item's number on a line of its own, its text on the next
    ("Organization of the strategy implementation\n1.\nThe Ministry of Finance shall assume the prime "
     "responsibility for,\n", ["Organization of the strategy implementation",
                               "1. The Ministry of Finance shall assume the prime responsibility for,"]),
    # the same page: "6", then ".", then the text
    ("and gender equality knowledge into the training of cadres.\n6\n. \nThe Ministry of Health shall assume\n",
     ["and gender equality knowledge into the training of cadres.", "6. The Ministry of Health shall assume"]),
    # dev vi_cd_220_ttg_2025: a year that ends a wrapped sentence is no item
    ("trình Thủ tướng Chính phủ phê duyệt trong tháng 11 năm\n2025.\nII. VỀ CUNG CẤP DỊCH VỤ CÔNG TRỰC\n",
     ["trình Thủ tướng Chính phủ phê duyệt trong tháng 11 năm 2025.", "II. VỀ CUNG CẤP DỊCH VỤ CÔNG TRỰC"]),
    # crawl af2a4fc9b3a7aeeb: "Điều" wrapped before its number
    ("Điều\n1. Ban hành kèm theo Quyết định này Quy chế xét tặng danh hiệu\n",
     ["Điều 1. Ban hành kèm theo Quyết định này Quy chế xét tặng danh hiệu"]),
    # dev en_qd_123_ttg_2010: the page sets each ordinal's suffix on a line of its own
    ("Pursuant to the Government’s Resolution No. 16/2007/NQ-CP, promulgating the Government’s action program to "
     "implement the Resolution of the X\nth\nParty Central Committee’s 4\nth\nplenum on major guidelines and "
     "policies;\nAt the proposal of the Minister of Justice,\n",
     ["Pursuant to the Government’s Resolution No. 16/2007/NQ-CP, promulgating the Government’s action program to "
      "implement the Resolution of the Xth Party Central Committee’s 4th plenum on major guidelines and policies;",
      "At the proposal of the Minister of Justice,"]),
    # dev en_nq_10_cp_2010
    ("The XII\nth\nNational Assembly adopted at its 6\nth\nsession Resolution No. 42/2009/QH12 of November 27, 2009\n",
     ["The XIIth National Assembly adopted at its 6th session Resolution No. 42/2009/QH12 of November 27, 2009"]),
    # crawl 8966c59f782e4081 (1509/QĐ-UBND Bắc Ninh): "* (Có\nPhụ lục đính kèm)*\n**Điều\n2. **Sở ...": the word alone
    # on its line opens the next article ("Chương" / "II" likewise)
    ("(Có\nPhụ lục đính kèm)\nĐiều\n2. Sở Dân tộc và Tôn giáo có trách nhiệm\nphối hợp Văn phòng UBND tỉnh.\nChương\nII\n",
     ["(Có Phụ lục đính kèm)", "Điều 2. Sở Dân tộc và Tôn giáo có trách nhiệm phối hợp Văn phòng UBND tỉnh.",
      "Chương II"]),
    # crawl 518fe8ba9a6bd9dc (89/2025/QĐ-UBND): an article's title in bold on its own line; the text below is its own
    # paragraph, while a bold title the page wrapped (crawl fc5e61d70df8c70c) stays one
    ("**Điều 4. Bổ sung, điều\nchỉnh**\nTrong quá trình thực\nhiện, nếu có vướng mắc UBND các xã, phường kịp thời phản "
     "ánh bằng văn bản về Sở\nNội vụ\n**Điều 2. Sở Giáo dục và\nĐào tạo**\n1. Quyết định việc nâng bậc\n",
     ["Điều 4. Bổ sung, điều chỉnh",
      "Trong quá trình thực hiện, nếu có vướng mắc UBND các xã, phường kịp thời phản ánh bằng văn bản về Sở Nội vụ",
      "Điều 2. Sở Giáo dục và Đào tạo", "1. Quyết định việc nâng bậc"]),
    # crawl 6306120a4293b6e3 (a Cục Thuế letter): the letter's body opens after an addressee line without its full stop;
    # "Điều 4 Nghị định số ..." wrapped to a line's start cites another text's article, it opens none
    ("**Kính gửi:** Thuế tỉnh Ninh Bình\nCục Thuế nhận được công văn số 2313/NBI-QLDN1\nngày 13/9/2025 của Thuế tỉnh "
     "Ninh Bình về việc\n", ["Kính gửi: Thuế tỉnh Ninh Bình",
                              "Cục Thuế nhận được công văn số 2313/NBI-QLDN1 ngày 13/9/2025 của Thuế tỉnh Ninh Bình về việc"]),
    ("1, khoản 2, khoản 3, khoản 6, khoản 7 và bổ sung khoản 9 vào\nĐiều 4 Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của "
     "Chính phủ quy định về\nhóa đơn, chứng từ;\n",
     ["1, khoản 2, khoản 3, khoản 6, khoản 7 và bổ sung khoản 9 vào Điều 4 Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 "
      "của Chính phủ quy định về hóa đơn, chứng từ;"]),
])
def test_lines_a_page_broke(raw, paragraphs):
    # item numbers set apart from their text, ordinal suffixes, article words on lines of their own, bold titles
    assert normalise(raw).splitlines() == paragraphs


def test_a_lead_in_under_an_assessment_heading_opens_a_list_of_tasks():
    # crawl abca9704d4c889cd (641/TB-VPCP): the assessment section ends with a lead-in naming who acts; the second
    # paragraph of item 1 does not end the list
    header = ("Số: 641/TB-VPCP\nHà Nội, ngày 25 tháng 11 năm 2025\nTHÔNG BÁO\nNgày 18 tháng 11 năm 2025, tại thành "
              "phố Đà Nẵng, Phó Thủ tướng Phạm Thị Thanh Trà đã kiểm tra thực tế và làm việc với thành phố Đà Nẵng về "
              "tình hình, kết quả triển khai thực hiện sắp xếp tổ chức bộ máy.\n")
    body = ("I. ĐÁNH GIÁ CHUNG\nGhi nhận, biểu dương và đánh giá cao tinh thần đoàn kết của Thành phố.\n"
            "Để tiếp tục vận hành chính quyền địa phương 02 cấp hoạt động hiệu lực, hiệu quả, thành phố Đà Nẵng cần "
            "tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:\n"
            "1. Cấp ủy, chính quyền Thành phố phải xác định việc tổ chức và vận hành hiệu quả chính quyền địa "
            "phương 02 cấp là nhiệm vụ hết sức quan trọng của cả hệ thống chính trị.\n"
            "Ủy ban nhân dân Thành phố chỉ đạo các sở, ngành tăng cường bám sát cơ sở, nắm bắt và hướng dẫn kịp "
            "thời chính quyền cấp xã tháo gỡ khó khăn, vướng mắc trong thực hiện nhiệm vụ.\n"
            "2. Căn cứ các tiêu chí về quy mô dân số, diện tích và các yếu tố kinh tế - xã hội theo quy định pháp "
            "luật về biên chế, rà soát, đánh giá lại số lượng biên chế.\n")
    # (the paragraph "Ủy ban nhân dân Thành phố chỉ đạo ..." is the city's own task too, since the notice names the city)
    assert [path for path, who in tasks(body, header) if who == ["Ủy ban nhân dân thành phố Đà Nẵng"] and path] == ["I.1",
                                                                                                             "I.2"]


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_kh_182_ubnd_dongnai_2025 III: an item without a stop, then its points: a title
    ("III. NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG TRÁCH NHIỆM\n1. Nhiệm vụ, giải pháp tổng thể\n1.1. Sở Y tế tiếp tục tăng "
     "cường sự lãnh đạo của Đảng, nâng cao hiệu lực, hiệu quả quản lý của Nhà nước.\n", ["III.1.1"]),
])
def test_an_item_that_titles_its_points_is_no_task(body, expected):
    assert [path for path, _ in tasks(body)] == expected


def test_a_title_naming_bodies_by_office_is_no_task():
    # crawl 2847e16133f7b987 (09/CT-UBND Cần Thơ): "8. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành" then "a) Phối hợp
    # Sở Nông nghiệp và Môi trường và Ủy ban nhân dân xã, phường tuyên truyền ..."
    texts = [o["text"] for o in extracted(str(CRAWL / "2847e16133f7b987.md"))["obligations"]]
    assert "Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành" not in texts
    assert any(t.startswith("Phối hợp Sở Nông nghiệp và Môi trường và Ủy ban nhân dân xã, phường") for t in texts)


def test_the_mass_organisations_go_on_the_departments_list():
    # crawl 69db23c781b2e9aa (Nghệ An), its closing paragraph: the communes named after "đoàn thể cấp tỉnh" are asked too
    body = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch.\nỦy ban nhân dân tỉnh giao "
            "Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh và Chủ tịch Ủy ban nhân dân các xã, phường, các "
            "cơ quan liên quan theo chức năng, nhiệm vụ được giao tại kế hoạch này triển khai thực hiện đảm bảo mục đích, "
            "yêu cầu, hiệu quả, đúng quy định./.\n")
    assert tasks(body, "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n" + HEADER)[-1][1] == ["các sở, ban, ngành",
                                                                             "Ủy ban nhân dân các xã, phường"]


def test_a_group_joined_by_and_to_generic_partners_is_named():
    # crawl 2847e16133f7b987 (09/CT-UBND Cần Thơ) 5.a: "và đơn vị có liên quan" narrows only itself
    body = ("V. TỔ CHỨC THỰC HIỆN\n5. Sở Xây dựng:\na) Chủ trì, phối hợp Sở Nông nghiệp và Môi trường, Sở Công Thương, "
            "Ủy ban nhân dân xã, phường và đơn vị có liên quan hướng dẫn xây dựng phương án khai thác, sử dụng nguồn "
            "nước dự phòng cấp cho sinh hoạt đô thị.\n")
    assert tasks(body) == [("V.5.a", ["Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
                                      "Ủy ban nhân dân các xã, phường"])]


def test_a_deadline_line_under_an_article_belongs_to_its_task():
    # crawl 2e037ff2daea1c76 (Bắc Ninh, TTHC decision): "Thời hạn chậm nhất ..." on a line of its own
    body = ("Điều 2. Giao các cơ quan, đơn vị:\n1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh và UBND các xã, "
            "phường:\nRà soát, xây dựng quy trình thực hiện thủ tục hành chính không phụ thuộc vào địa giới hành chính.\n"
            "Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.\n")
    record = passage(HEADER.replace("KẾ HOẠCH", "QUYẾT ĐỊNH") + body)
    assert [o.deadline.date for o in record.obligations if o.deadline] == ["2025-11-27"]


@pytest.mark.parametrize(("text", "names"), [
    # dev vi_qd_2629_ttg_2025: "Chính phủ số" is digital government, not the Government
    ("Điều 1. Phê duyệt Chương trình phát triển Chính phủ số (sau đây gọi tắt là Chương trình)", []),
    ("4. Phát triển hạ tầng Chính phủ số", []),
    ("Chính phủ giao Bộ Nội vụ xây dựng Chính phủ điện tử", ["Chính phủ", "Bộ Nội vụ"]),
])
def test_a_name_that_holds_a_bodys_name_is_no_body(text, names):
    from pipeline.extract.agencies import AgencyRegistry

    assert [m.name for m in AgencyRegistry.default().find_mentions(text)] == names


@pytest.mark.parametrize(("cell", "due"), [
    # dev vi_qd_2629_ttg_2025 Phụ lục II: the words of the result cell do not qualify the time cell's date
    ("Văn bản được cấp có thẩm quyền ban hành | Tháng 12/2026", "2026-12-31"),
    ("Hệ thống vận hành ổn định, đáp ứng các mục tiêu của từng thời kỳ | Tháng 12/2025", "2025-12-31"),
    # the same words in one sentence still say no deadline
    ("Văn bản số 12 tháng 12/2025", None),
])
def test_a_date_in_its_own_table_cell(cell, due):
    found = [d.date for d in find_deadlines(cell, language="vi", issued_on="2025-12-01") if d.date]
    assert (found[0] if found else None) == due


def test_a_period_row_of_a_table_dates_the_rows_under_it():
    # dev vi_qd_2629_ttg_2025 Phụ lục I: "I" / "Giai đoạn 2025-2027" on lines of their own above indicator rows, each with
    # the body that monitors it
    due = [(o["text"][:50], o["deadline"] and o["deadline"]["date"])
           for o in extracted(str(DEV / "vi_qd_2629_ttg_2025.txt"))["obligations"] if o["text"].startswith("Tỉ lệ")]
    assert ("Tỉ lệ dịch vụ công trực tuyến toàn trình trên tổng", "2027-12-31") in due
    assert ("Tỉ lệ cơ quan nhà nước cung cấp dữ liệu mở đúng ch", "2030-12-31") in due


def test_a_table_of_results_reports_and_assigns_nothing():
    # dev vi_tb_624_vpcp_2025 Phụ lục II: the results of tasks set by an earlier notice, with their progress
    body = ("PHỤ LỤC II\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO KẾT LUẬN SỐ 552/TB-VPCP NGÀY 13/10/2025\n"
            "STT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện | Tiến độ\n"
            "1 | Hướng dẫn các bộ, ngành xây dựng các nền tảng dùng chung, ban hành văn bản hướng dẫn các hạng mục đầu "
            "tư | Bộ Khoa học và Công nghệ | 31/10/2025 | Đã ban hành văn bản hướng dẫn | Đã hoàn thành\n")
    assert tasks(body) == []


def test_inline_numbers_after_an_items_title_open_its_tasks():
    # dev vi_tb_624_vpcp_2025 III.2-3: the item's title, a colon, then its work, its tasks numbered in the line
    body = ("III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM, CỤ THỂ\n"
            "2. Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách:Các bộ khẩn trương trình Chính phủ "
            "ban hành các Nghị định hướng dẫn, bảo đảm phù hợp với thời điểm có hiệu lực của các Luật.\n"
            "3. Khẩn trương xây dựng và ban hành chiến lược chuyển đổi số và chiến lược dữ liệu: (1) Thanh tra Chính "
            "phủ ban hành trước ngày 25 tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ, cơ quan liên quan "
            "ban hành hướng dẫn để các bộ, ngành, địa phương thực hiện việc rà soát, đánh giá.\n")
    header = "Số: 624/TB-VPCP\nHà Nội, ngày 16 tháng 11 năm 2025\nTHÔNG BÁO\n"
    assert tasks(body, header) == [("III.2", ["các bộ"]), ("III.3", ["Thanh tra Chính phủ"]), ("III.3", ["Bộ Công an"])]


@pytest.mark.parametrize("closing", [
    # crawl 00e8b0e4daffc2ef (471/QĐ-UBND Bắc Ninh)
    "Điều 3. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch, Ban Quản lý "
    "các khu công nghiệp tỉnh; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân liên quan căn cứ Quyết định thi "
    "hành./.\n",
    "Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc Sở Y tế; Chủ tịch UBND các xã, phường và các cơ quan, tổ chức, cá "
    "nhân có liên quan có trách nhiệm thi hành Quyết định này./.\n",
])
def test_closing_formulas_that_name_their_addressees(closing):
    assert tasks(closing, HEADER.replace("KẾ HOẠCH", "QUYẾT ĐỊNH")) == []


def test_the_duties_of_heads_of_units_and_the_forms_annexed_after_them():
    # crawl 548693349b18e8cf (212/2025/QĐ-UBND Hải Phòng): a normative regulation's duties of "người đứng đầu cơ quan,
    # đơn vị" are tasks naming nobody; "Phụ lục 01" alone on its line opens the annexed forms, which hold none
    path = str(CRAWL / "548693349b18e8cf.md")
    found = [(o["path"], o["text"][:40]) for o in extracted(path)["obligations"]]
    assert ("14.1", "Trực tiếp chỉ đạo triển khai, thực hiện ") in found
    assert all(p is None or p.startswith("14") for p, _ in found)


def test_the_organs_of_the_issuing_council():
    # crawl 3066a06b520a2418 (36/2025/NQ-HĐND Huế) Điều 8.2
    found = extracted(str(CRAWL / "3066a06b520a2418.md"))["obligations"]
    names = next(sorted(a["name"] for a in o["assignees"]) for o in found if o["text"].startswith("Giao Thường trực"))
    assert names == ["Thường trực Hội đồng nhân dân thành phố Huế", "các Ban của Hội đồng nhân dân thành phố Huế",
                     "các Tổ đại biểu Hội đồng nhân dân thành phố Huế", "các đại biểu Hội đồng nhân dân thành phố Huế"]


def test_a_forms_recipients_in_an_appendix_are_no_tasks():
    # crawl e13e31ece6a27b0d: forms of decisions annexed, each closing with "Nơi nhận:" / "- Như Điều 3;"
    texts = [o["text"] for o in extracted(str(CRAWL / "e13e31ece6a27b0d.md"))["obligations"]]
    assert not any(t.startswith("Như Điều") for t in texts)


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_tb_624_vpcp_2025 III.5.a: numbers right after the item's body are its tasks
    ("III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM, CỤ THỂ\n5. Nhiệm vụ về phát triển KHCN, ĐMST, CĐS và ĐA06\na) Bộ Khoa học và "
     "Công nghệ: (1) trình Thủ tướng Chính phủ Chương trình quốc gia phát triển các sản phẩm công nghệ chiến lược; (2) "
     "chủ trì, phối hợp với các bộ, ngành, Tập đoàn FPT, CMC nghiên cứu phương án xây dựng nền tảng dùng chung; (3) "
     "Khẩn trương trình cấp có thẩm quyền ban hành Chương trình Chuyển đổi số quốc gia.\n", 3),
    # dev vi_cd_220_ttg_2025 II.2.b: numbers after a task's own words list its parts
    ("II. NHIỆM VỤ\n2. Các bộ, cơ quan:\nb) Bộ Tài chính giải quyết 03 vấn đề tồn đọng: (i) Tích hợp, cung cấp dịch vụ "
     "thanh toán trực tuyến nghĩa vụ tài chính đất đai giữa Hệ thống Thuế với Hệ thống Thông tin giải quyết TTHC; (ii) "
     "Kết nối Cơ sở dữ liệu đăng ký doanh nghiệp với Hệ thống thông tin giải quyết TTHC cấp tỉnh; (iii) Xử lý lỗi "
     "thường xuyên trên Cổng Thông tin một cửa quốc gia.\n", 1),
])
def test_inline_numbers_that_are_tasks_and_numbers_that_list_parts(body, expected):
    header = "Số: 624/TB-VPCP\nHà Nội, ngày 16 tháng 11 năm 2025\nTHÔNG BÁO\n"
    assert len(tasks(body, header)) == expected


def test_the_broken_cells_of_a_table_of_results_are_no_tasks():
    # dev vi_tb_624_vpcp_2025 Phụ lục II: "Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo" heads the rows of one ministry
    texts = [o["text"] for o in extracted(str(DEV / "vi_tb_624_vpcp_2025.txt"))["obligations"]]
    assert not any(t.startswith("Nhiệm vụ giao") for t in texts)
    assert any(t.startswith("Xây dựng Nghị định quy định chính sách học bổng") for t in texts)  # Phụ lục I's tasks


@pytest.mark.parametrize(("row", "form"), [
    # crawl c49a5afadf61b342: the ledgers annexed as forms
    ("Kiểm tra nhận thức | ......................... | ......................... | .........................", True),
    ("……, ngày.... tháng.... năm .... GIÁM ĐỐC TRUNG TÂM (Ký, đóng dấu, ghi rõ họ tên) | Mẫu 2: Sổ theo dõi", True),
    # crawl c5d930a5fc8373cd: a task row with one empty cell written as dots
    ("Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn hàng không dân dụng thay thế Quy chế hiện hành | Sở Xây dựng | Văn "
     "phòng Ban Chỉ huy và cơ quan, địa phương liên quan | Sau khi có Quy chế của TW | Quyết định Chủ tịch UBND tỉnh | "
     "…................................. | 2 | Thành lập bộ máy quản lý Quỹ", False),
])
def test_the_rows_of_a_form_are_no_tasks(row, form):
    from pipeline.extract.obligation_forms import form_row

    assert form_row(row) is form


def test_the_provinces_a_text_calls_its_provinces():
    # dev vi_nq_380_cp_2025 I.2.a defines "các tỉnh, thành phố"; II.1.1.a then asks "Ủy ban nhân dân các tỉnh, thành phố"
    found = extracted(str(DEV / "vi_nq_380_cp_2025.txt"))["obligations"]
    names = {a["name"] for o in found if o["path"] == "II.1.1.a" for a in o["assignees"]}
    assert {"Ủy ban nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân thành phố Huế", "Ủy ban nhân dân tỉnh Lâm Đồng"} <= names
    assert "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" not in names


DAKLAK_CT = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 010/CT-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\nCHỈ THỊ\n"


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_ct_010_ubnd_daklak_2025 II.5: a purpose clause before the class that acts; the lead-in only hands it the
    # points below
    ("II. NHIỆM VỤ\n5. Để nâng cao hiệu lực, hiệu quả quản lý nhà nước về đầu tư, tăng cường công tác đánh giá, kiểm "
     "tra và giám sát các dự án đầu tư, các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức năng, nhiệm vụ, "
     "thẩm quyền quy định triển khai thực hiện những nội dung sau:\na) Thực hiện đầy đủ, nghiêm túc các quy định của "
     "pháp luật về đầu tư, doanh nghiệp, đất đai trong quá trình thẩm định và quản lý các dự án đầu tư.\n",
     [("II.5.a", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]),
    # II.3: the lead agency of a procedure, named by its role, heads its points
    ("II. NHIỆM VỤ\n3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án\nb) Chủ động phối hợp với các cơ quan, đơn vị, "
     "địa phương liên quan khác để giải quyết trong thời hạn quy định theo đúng chức năng, nhiệm vụ, quyền hạn.\n",
     [("II.3.b", [])]),
    # a task table's header cells the page set on lines of their own
    ("II. NHIỆM VỤ\nCơ quan chủ trì\nCơ quan phối hợp\n", []),
])
def test_who_acts_after_a_purpose_or_by_role(body, expected):
    assert tasks(body, DAKLAK_CT) == expected


def test_the_issuers_statement_that_it_issues_the_plan_names_no_actor():
    # dev vi_kh_1026_ubnd_nghean_2025: the plan's own "nội dung trọng tâm" name nobody; "triển khai" is in the title
    header = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 1026/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
    body = ("Thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ “về tăng cường công tác bảo vệ bí mật "
            "nhà nước trong tình hình mới”, UBND tỉnh ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh Nghệ An "
            "như sau:\nII. NỘI DUNG TRỌNG TÂM\n1. Tổ chức rà soát, đánh giá tất cả các nội dung, nhiệm vụ bảo vệ bí mật "
            "nhà nước, qua đó làm rõ nội dung nào yếu, còn tồn tại phải tăng cường khắc phục, chấn chỉnh.\n")
    assert tasks(body, header) == []


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_nq_380_cp_2025 II.1.2: an unnumbered line naming only the bodies heads the points below it
    ("II. NHIỆM VỤ, GIẢI PHÁP\n1.2. Hỗ trợ khẩn cấp về nhà ở\nỦy ban nhân dân các tỉnh, thành phố:\na) Huy động và sử "
     "dụng hiệu quả các nguồn lực ngân sách địa phương, nguồn hỗ trợ của Trung ương và các nguồn lực hợp pháp khác.\n",
     [("II.1.2.a", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # II.5: "Các tỉnh, thành phố:" heading a central document's points is the provinces' committees
    ("II. NHIỆM VỤ, GIẢI PHÁP\n5. Các tỉnh, thành phố:\na) Ban hành các chính sách cần thiết, phù hợp khả năng theo "
     "thẩm quyền và chủ động sử dụng nguồn lực của địa phương để hỗ trợ người dân.\n",
     [("II.5.a", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
])
def test_provinces_heading_their_points(body, expected):
    header = "CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n"
    assert tasks(body, header) == expected


@pytest.mark.parametrize(("path", "opening", "assignee"), [
    # crawl 29825a0f7313b49a (Cục Hải quan to a company): the request names the addressee by its head noun
    ("29825a0f7313b49a.md", "Về thủ tục hải quan: đề nghị Công ty nghiên cứu", "Công ty TNHH Sunrise Apparel Việt Nam"),
    ("29825a0f7313b49a.md", "Đề nghị Công ty nghiên cứu các văn bản dẫn trên", "Công ty TNHH Sunrise Apparel Việt Nam"),
    # crawl 25b682f1b1483164 (Cục Thuế to a province's tax office): "Căn cứ quy định nêu trên, ..." reasons from the
    # provisions cited (no recital); the request after it is the task
    ("25b682f1b1483164.md", "Do vậy, đề nghị Thuế tỉnh Gia Lai căn cứ", "Thuế tỉnh Gia Lai"),
])
def test_an_answer_asks_its_addressee_to_act(path, opening, assignee):
    found = extracted(str(CRAWL / path))["obligations"]
    assert [a["name"] for o in found if o["text"].startswith(opening) for a in o["assignees"]] == [assignee]


def test_an_articles_title_on_the_line_below_its_number():
    # crawl 2ff42266d5aa9fd1 (38/2025/TT-BXD): "**Điều 4.\nTrách nhiệm thi hành**": the circular's duties article
    found = extracted(str(CRAWL / "2ff42266d5aa9fd1.md"))["obligations"]
    assert [(o["path"], [a["name"] for a in o["assignees"]]) for o in found if (o["path"] or "").startswith("4.1")] == [
        ("4.1.a", ["Cục Đăng kiểm Việt Nam"]), ("4.1.b", ["Cục Đăng kiểm Việt Nam"])]


def test_an_articles_title_below_its_number_names_whose_duties_follow():
    # crawl 8d9779edcdd6c422 (Hà Nội): "**Điều 15.\nTrách nhiệm của các Sở, ngành Thành phố**", then its clauses
    found = extracted(str(CRAWL / "8d9779edcdd6c422.md"))["obligations"]
    heads = {a["name"] for o in found if (o["path"] or "").startswith("III.15.2") for a in o["assignees"]
             if a["role"] == "responsible"}
    assert heads == {"các sở, ban, ngành"}


STANDING_COMMITTEE_HEADER = "Số: 1670/NQ-UBTVQH15\nNGHỊ QUYẾT\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n"


def test_the_issuers_own_decision_is_the_act_and_local_bodies_share_their_province():
    # crawl 88be0fbbe795796d (1670/NQ-UBTVQH15): "..., Ủy ban Thường vụ Quốc hội quyết định sắp xếp ..." is what the
    # resolution does, no task; "Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lai Châu" are both the province's
    body = ("QUYẾT NGHỊ:\nĐiều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu\nTrên cơ sở Đề án số 358/ĐA-CP "
            "ngày 09 tháng 5 năm 2025 của Chính phủ về sắp xếp đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025, Ủy "
            "ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị hành chính cấp xã của tỉnh Lai Châu như "
            "sau:\nĐiều 3. Tổ chức thực hiện\n1.Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lai Châu, chính quyền "
            "địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên "
            "quan có trách nhiệm tổ chức thi hành Nghị quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa "
            "phương.\n")
    assert tasks(body, STANDING_COMMITTEE_HEADER) == [
        ("3.1", ["Chính phủ", "Hội đồng nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"])]


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_kh_1026_ubnd_nghean_2025 IV.1: "Căn cứ kế hoạch này, <bodies> <work>" is their task, no recital
    ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Căn cứ kế hoạch này, Giám đốc các Sở, Thủ\ntrưởng các ngành, cơ quan cấp tỉnh, UBND các "
     "xã, phường, các cơ quan, đơn vị có\nliên quan xây dựng kế hoạch cụ thể để triển khai thực hiện; kết quả thực hiện\n"
     "báo cáo về Công an tỉnh (qua Phòng An ninh chính trị nội bộ).\n",
     [("IV.1", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], None)]),
    # crawl c5d930a5fc8373cd IV.3: the same after "Căn cứ nội dung Kế hoạch ...", before a class of bodies
    ("IV. TỔ CHỨC THỰC HIỆN\n3. Căn cứ nội dung Kế hoạch và tình hình thực tiễn,\ncác sở, ban, ngành, tổ chức chính trị - "
     "xã hội, Ủy ban nhân dân các xã, phường\nxây dựng Kế hoạch triển khai thi hành Nghị định trong phạm vi, lĩnh vực, "
     "địa\nbàn quản lý.\n",
     [("IV.3", ["các sở, ban, ngành", "các tổ chức chính trị - xã hội", "Ủy ban nhân dân các xã, phường"], None)]),
    # dev vi_kh_7360_ubnd_laichau_2025 III.2: "Đối với <case>, <bodies> ...": the year in the case is no deadline
    ("III. KINH PHÍ THỰC HIỆN\n2. Đối với các nhiệm\nvụ triển khai trong năm 2025, các sở, ngành liên quan và Ủy ban nhân "
     "dân các\nxã, phường chủ động cân đối bố trí trong nguồn ngân sách nhà nước đã được giao\nnăm 2025 để triển khai "
     "thực hiện.\n",
     [("III.2", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], None)]),
])
def test_a_leading_case_or_ground_before_the_subject(body, expected):
    text = NGHE_AN_PLAN + body
    found = [(o.path, sorted(a.name for a in o.assignees), o.deadline and o.deadline.date)
             for o in passage(text).obligations]
    assert found == expected


DONG_NAI_PLAN = "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 179/KH-UBND\nĐồng Nai, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"


def test_encouraging_a_body_gives_it_the_task():
    # dev vi_kh_179_ubnd_dongnai_2025 VI.17: "Khuyến khích <bodies> <work>" asks those bodies, as "Đề nghị" does
    body = ("VI. TỔ CHỨC THỰC HIỆN\n17. Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh,\nLiên minh Hợp tác xã xây "
            "dựng kế hoạch hành động và chỉ đạo hệ thống tổ chức\nthành viên chủ động tham gia phát triển và ứng dụng công "
            "nghệ số phục vụ kinh tế\nsố và xã hội số.\n")
    [(path, who)] = tasks(body, DONG_NAI_PLAN)
    assert path == "VI.17" and "Liên đoàn Lao động tỉnh Đồng Nai" in who and "Hội Nông dân tỉnh Đồng Nai" in who


def test_the_owner_of_a_cited_document_is_no_actor():
    # dev vi_kh_182_ubnd_dongnai_2025: "... Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ về ban hành Kế hoạch ..."
    # in the lead-in that issues the plan: the Government owns the cited resolution; the plan's contents have no actor
    body = ("Thực hiện Nghị quyết số\n163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư Chương\ntrình mục "
            "tiêu quốc gia phòng, chống ma túy đến năm 2030 (Nghị quyết số\n163/2024/QH15), Nghị quyết số 50/NQ-CP ngày "
            "13/3/2025 của Chính phủ về ban hành\nKế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc "
            "hội\nphê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia phòng, chống ma túy\nđến năm 2030 (Nghị quyết số "
            "50/NQ-CP); Ủy ban nhân dân tỉnh ban\nhành Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia phòng, "
            "chống\nma túy đến năm 2030 trên địa bàn tỉnh Đồng Nai, như sau:\n\nII. NỘI DUNG\nTRỌNG TÂM\n\n1. Tổ chức "
            "quán triệt,\ntuyên truyền sâu rộng đến tất cả Thủ trưởng, cán bộ, đảng viên, công chức, viên\nchức các đơn vị, "
            "địa phương và các tầng lớp nhân dân về triển khai thực hiện\nChương trình MTQG.\n")
    assert tasks(body, DONG_NAI_PLAN) == []


def test_items_that_only_name_projects_are_the_lead_ins_objects():
    # dev vi_kh_182_ubnd_dongnai_2025 III.2.3.c: the projects below the lead-in are what it works on, not tasks
    body = ("III. NHIỆM VỤ\n2. Nhiệm vụ cụ thể\n2.3. Công an tỉnh\nc) Tổ chức triển khai thực hiện\ncác nội dung, nhiệm vụ các dự "
            "án, tiểu dự án do Bộ Công an chủ trì theo chức\nnăng, nhiệm vụ được giao (khi Bộ Công an triển khai):\n\n- Dự án "
            "1: “Phòng ngừa,\nđấu tranh tội phạm về ma túy có tổ chức, xuyên quốc gia”.\n\n- Dự án 2: “Ứng dụng khoa học\nvà "
            "công nghệ trong phòng, chống ma tuý”.\n")
    assert tasks(body, DONG_NAI_PLAN) == [("III.2.3.c", ["Công an tỉnh Đồng Nai"])]


def test_items_that_only_name_projects_unquoted_are_the_lead_ins_objects():
    # crawl 24c7124ec6b2bf61 IV.1.h: the programme's projects listed by number and title without quotes
    body = ("IV. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\nh) Chủ trì triển khai, thực\nhiện các nhiệm vụ được giao tại các dự án "
            "trong Chương trình theo chỉ đạo của Bộ\nCông an, bao gồm:\n\n- Dự án 1: Phòng ngừa, đấu\ntranh tội phạm về ma "
            "túy có tổ chức, xuyên quốc gia.\n\n- Dự án 9: Quản lý, giám\nsát, đánh giá Chương trình.\n")
    assert tasks(body, DONG_NAI_PLAN) == [("IV.1.h", ["Công an tỉnh Đồng Nai"])]


def test_a_board_of_the_party_committee_is_its_own_body():
    # crawl 556b2fb4a0149576 (0124/KH-UBND Đắk Lắk) IV.3: "Ban Tuyên giáo và Dân vận Tỉnh ủy" is the committee's board,
    # named with the province, not a mention of the Tỉnh ủy
    header = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0124/KH-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
    body = ("IV. TỔ CHỨC THỰC HIỆN\n**3. Sở Văn hóa, Thể thao và\nDu lịch: **Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy "
            "chỉ đạo Báo và Phát\nthanh, Truyền hình Đắk Lắk thường xuyên tuyên truyền về các phong trào thi đua\n")
    assert tasks(body, header) == [("IV.3", ["Ban Tuyên giáo và Dân vận Tỉnh ủy Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch"])]


def test_an_enterprise_bound_by_a_normative_text_is_given_no_task():
    # crawl 0326977b5d611b9a (08/2025/NQ-CP): in the article on implementation, the casino's enterprise is bound by the
    # rules; the state bodies' closing formula is no task either
    header = "CHÍNH PHỦ\nSố: 08/2025/NQ-CP\nHà Nội, ngày 26 tháng 11 năm 2025\nNGHỊ QUYẾT\n"
    body = ("**Điều 6. Điều khoản thi hành**\n1. Nghị quyết này có hiệu lực thi hành từ ngày 26\ntháng 11 năm 2025.\n"
            "2. Doanh nghiệp thực hiện dự án casino quy định tại\nĐiều 3 Nghị quyết này có trách nhiệm tổ chức kinh doanh, "
            "quản lý người Việt Nam\nđủ điều kiện chơi casino bảo đảm chặt chẽ, tuân thủ các quy định của pháp luật\nvề "
            "kinh doanh casino.\n")
    assert tasks(body, header) == []


@pytest.mark.parametrize(("header", "body", "expected"), [
    # crawl c81379258ef3a44f (11208/BNV-KHTC): the issuing ministry asks; the provinces' committees it asks act
    ("BỘ NỘI VỤ\nSố: 11208/BNV-KHTC\nHà Nội, ngày 20 tháng 11 năm 2025\nV/v tỷ lệ chi phí quản lý\n",
     "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\nBộ Nội vụ đề nghị Ủy ban\nnhân dân các tỉnh, "
     "thành phố triển khai thực hiện theo đúng quy định, đảm bảo\nthực hiện nhiệm vụ được giao, thực hành tiết kiệm, "
     "chống thất thoát, chống lãng\nphí tiền, ngân sách nhà nước.\n",
     [(None, ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # dev vi_nq_380_cp_2025 III.5: "Chính phủ trân trọng đề nghị ..." in the Government's own resolution
    ("CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n",
     "III. TỔ CHỨC THỰC HIỆN\n5. Chính phủ trân trọng đề nghị\nỦy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức "
     "thành viên, các tổ\nchức chính trị xã hội, Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ, quyền hạn của\nmình chủ động "
     "thúc đẩy hợp tác quốc tế.\n",
     # (the Front's member organisations do not end the list of bodies asked)
     [("III.5", ["Hội Chữ thập đỏ Việt Nam", "các tổ chức chính trị - xã hội",
                 "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"])]),
])
def test_the_issuer_asking_gives_the_bodies_it_asks_the_task(header, body, expected):
    assert tasks(body, header) == expected


def test_central_bodies_in_a_list_of_subjects_do_not_end_it():
    # crawl 355bcc582867074b Điều 14.1: "Các bộ, ngành, cơ quan trung ương, Ủy ban nhân dân các tỉnh, thành phố trực
    # thuộc trung ương có trách nhiệm:" — "cơ quan trung ương" names no body of its own and the list goes on
    obligations = extracted(str(CRAWL / "355bcc582867074b.md"))["obligations"]
    task = next(o for o in obligations if o["text"].startswith("Tổ chức thực hiện theo quy định tại Nghị định này"))
    assert [a["name"] for a in task["assignees"]] == [
        "các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_a_bullet_whose_fields_spell_out_its_task():
    # crawl 86367f2ddb2225cd (the plan implementing the Law on personal data protection) II.5: "5. Xây dựng Nghị định của
    # Chính phủ" (Chính phủ owns the decree: it does not act), then "- Nghị định quy định chi tiết ..." with its fields
    # "+ Nội dung: ...;" (wrapped: "khoản 7 Điều 21; ..." goes on in lower case), "+ Cơ quan chủ trì: Bộ Công an.", "+ Cơ
    # quan phối hợp: ...", "+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026." (a deadline field named for what is
    # due); II.7 "- Thời gian thực hiện: năm 2026."
    obligations = [o for o in extracted(str(CRAWL / "86367f2ddb2225cd.md"))["obligations"] if o["path"] in ("II.5", "II.7")]
    found = [(o["text"][:40], [(a["name"], a["role"]) for a in o["assignees"]][:2], o["deadline"] and o["deadline"]["date"])
             for o in obligations]
    lead = [("Bộ Công an", "lead"), ("Văn phòng Chính phủ", "support")]
    assert found == [("Nghị định quy định chi tiết một số điều ", lead, "2026-01-01"),
                     ("Nghị định xử phạt vi phạm hành chính tro", lead, None),
                     ("Xây dựng Quyết định của Thủ tướng Chính ", lead, "2026-12-31")]


def test_the_units_an_organisation_is_made_of_are_no_tasks():
    # crawl b527d7996ed66f24 (the regulation of a province's Sở Nội vụ), Điều 3.2: "Cơ cấu tổ chức của Sở Nội vụ, gồm:"
    # then "a) Văn phòng;", "b) 06 phòng chuyên môn: ...", "d) 03 đơn vị sự nghiệp công lập: ..."
    texts = [o["text"] for o in extracted(str(CRAWL / "b527d7996ed66f24.md"))["obligations"]]
    assert "Văn phòng;" not in texts
    assert not [t for t in texts if t.startswith("03 đơn vị sự nghiệp công lập")]


def test_a_heading_named_for_enterprises_is_a_topic_not_an_actor():
    # dev vi_kh_179_ubnd_dongnai_2025 III.1.i: "i) Doanh nghiệp số" over "- Triển khai Chương trình phát triển công
    # nghiệp công nghệ số ...": a topic of the plan's tasks without an actor, not "doanh nghiệp" given work
    texts = [o["text"] for o in extracted(str(DEV / "vi_kh_179_ubnd_dongnai_2025.txt"))["obligations"]]
    assert not [t for t in texts if t.startswith("Triển khai Chương trình phát triển công nghiệp công nghệ số")]


@pytest.mark.parametrize(("title", "describes"), [
    # crawl 0f98ee482389e59e and b527d7996ed66f24 (regulations of a province's Sở Tư pháp and Sở Nội vụ)
    ("Điều 1. Vị trí và chức năng", True),
    ("Điều 3. Cơ cấu tổ chức", True),
    ("Điều 2. Nhiệm vụ và quyền hạn", False),
])
def test_the_articles_that_describe_a_body(title, describes):
    from pipeline.extract.obligation_cues import cues

    DESCRIBING_ARTICLE = cues().units.describing_article  # its home: the cues, built from obligation_cues.json

    assert bool(DESCRIBING_ARTICLE.match(title)) is describes


def test_what_a_body_is_gives_it_no_work():
    # crawl 0f98ee482389e59e, Điều 1. Vị trí và chức năng: "1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh;
    # ...", "2. Sở Tư pháp có tư cách pháp nhân, có con dấu ..."; its duties (Điều 2) stay tasks
    texts = [o["text"] for o in extracted(str(CRAWL / "0f98ee482389e59e.md"))["obligations"]]
    assert not [t for t in texts if t.startswith(("Sở Tư pháp là cơ quan chuyên môn", "Sở Tư pháp có tư cách pháp nhân"))]
    assert len(texts) > 50


@pytest.mark.parametrize(("name", "task"), [
    # crawl a0079a10826a1d45 3.2.b: informing the public is the task, not the letter's closing formula
    ("a0079a10826a1d45.md", "Thực hiện tuyên truyền rộng rãi, bằng nhiều hình thức về việc thực hiện thủ tục hành chính"),
    # crawl 9d0926aa62bf16bd 2.1.a
    ("9d0926aa62bf16bd.md", "Thường xuyên thông tin, tuyên truyền để cá nhân, tổ chức biết, thực hiện"),
])
def test_informing_the_public_is_a_task_not_a_closing_formula(name, task):
    assert [o for o in extracted(str(CRAWL / name))["obligations"] if o["text"].startswith(task)]


def test_an_items_words_wrapped_apart_keep_the_list_going():
    # crawl abca9704d4c889cd (a conclusion on Đà Nẵng), I: "thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm
    # vụ, giải pháp sau đây:", then "5. Quan tâm giải quyết các vấn đề còn tồn đọng như:" whose words go on in lower case
    # ("tài sản công dôi dư, ..."): items 6 to 8 are still the city's tasks
    found = {o["path"]: [a["name"] for a in o["assignees"]]
             for o in extracted(str(CRAWL / "abca9704d4c889cd.md"))["obligations"]}
    assert found["I.6"] == found["I.8"] == ["Ủy ban nhân dân thành phố Đà Nẵng"]


def test_a_provinces_mass_organisations_named_without_their_province():
    # crawl ad5aff6c13929815 (Bắc Ninh's plan) VI.15: "15. Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã" then
    # their task: the province's own organisations; "Tỉnh đoàn" (VI.14) is its youth union
    found = [[a["name"] for a in o["assignees"]] for o in extracted(str(CRAWL / "ad5aff6c13929815.md"))["obligations"]
             if o["action"].startswith(("Xây dựng kế hoạch hành động, chỉ đạo hệ thống tổ chức",
                                        "Chỉ đạo hệ thống tổ chức Đoàn các cấp"))]
    assert found == [["Tỉnh đoàn Bắc Ninh"], ["Liên đoàn Lao động tỉnh Bắc Ninh", "Hội Nông dân tỉnh Bắc Ninh",
                                             "Liên minh Hợp tác xã tỉnh Bắc Ninh"]]


def test_a_task_done_every_year_of_a_period_has_no_one_deadline():
    # dev vi_kh_179_ubnd_dongnai_2025 Phụ lục A, row 7.3: "Hàng năm thực hiện sát hạch, đánh giá, công bố kỹ năng số ..."
    # with "2026 - 2030" in its time cell: recurring, due at no one date (ANNOTATION.md)
    task = next(o for o in extracted(str(DEV / "vi_kh_179_ubnd_dongnai_2025.txt"))["obligations"]
                if o["text"].startswith("Hàng năm thực hiện sát hạch"))
    assert task["deadline"]["kind"] == "recurring" and task["deadline"]["date"] is None


def test_a_task_sentence_the_page_broke_after_a_semicolon_runs_on():
    # dev vi_tb_624_vpcp_2025 III.3: "... Các bộ, ngành, địa phương căn cứ hướng dẫn của Bộ Công an tổ chức rà soát, ...
    # thuộc phạm vi quản lý;" then, on the next line, "gửi kết quả về Bộ Công an trước ngày 10 tháng 12 năm 2025; Bộ Công
    # an tổng hợp, ...; công bố kết quả trong năm 2026.": the words in lower case finish that task, the next subject opens
    # its own
    obligations = extracted(str(DEV / "vi_tb_624_vpcp_2025.txt"))["obligations"]

    def due(opening: str) -> str | None:
        task = next(o for o in obligations if o["text"].startswith(opening))
        return task["deadline"] and task["deadline"]["date"]

    assert due("Các bộ, ngành, địa phương căn cứ hướng dẫn của Bộ Công an") == "2025-12-10"
    assert due("Bộ Công an tổng hợp, thẩm định, đánh giá lại") == "2026-12-31"


def _obligations(body: str, header: str) -> list:
    text = header + body
    return passage(text).obligations


BAC_NINH = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1505/QĐ-UBND\nBắc Ninh, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"


def test_an_item_that_only_heads_its_paragraph_is_where_the_task_starts():
    # crawl cc392cdbbc87983e Điều 2: "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh (...):"
    # then the work on a line of its own, then "Thời hạn hoàn thành không quá 05 ngày làm việc ...": one task that opens
    # with whom the item names, due five working days after Thursday 20 November 2025
    body = ("QUYẾT ĐỊNH:\nĐiều 2. Giao các cơ quan, đơn vị:\n"
            "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính "
            "công):\nRà soát, phối hợp với các cơ quan, đơn vị có liên quan xây dựng quy trình nội bộ, quy trình điện tử "
            "trong giải quyết TTHC theo nội dung công bố tại Quyết định này.\n"
            "Thời hạn hoàn thành không quá 05 ngày làm việc kể từ ngày ban hành Quyết định.\n"
            "2. Sở Nông nghiệp và Môi trường; UBND các xã, phường niêm yết công khai nội dung TTHC tại Trung tâm Phục vụ "
            "hành chính công.\n")
    first, second = _obligations(body, BAC_NINH)
    assert first.path == "2.1" and first.text.startswith("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với")
    assert first.text.rstrip().endswith("kể từ ngày ban hành Quyết định.") and first.deadline.date == "2025-11-27"
    assert first.action.startswith("Rà soát, phối hợp với các cơ quan")
    assert second.path == "2.2" and second.deadline is None


@pytest.mark.parametrize(("article", "task"), [
    # crawl 65dec8089b8bd9d9 Điều 2: the decision takes effect, then its next sentence gives a department work
    ("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với "
     "đơn vị có liên quan tổ chức thực hiện công khai thủ tục hành chính nội bộ nêu tại Điều 1 Quyết định này trên "
     "Cổng Thông tin điện tử tỉnh theo đúng quy định. Hoàn thành xong trong thời hạn 03 ngày làm việc, kể từ ngày "
     "Quyết định có hiệu lực thi hành.\n", "Giao Sở Giáo dục và Đào tạo chủ trì"),
    # dev vi_qd_2623_ttg_2025: taking effect and nothing more
    ("Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.\n", None),
])
def test_work_given_after_the_sentence_that_the_decision_takes_effect(article, task):
    header = "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 01814/QĐ-UBND\nCà Mau, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    found = _obligations("QUYẾT ĐỊNH:\n" + article, header)
    assert [o.text[:len(task)] for o in found] == ([task] if task else [])


def test_a_lead_in_that_lists_programmes_is_the_task():
    # crawl e4ddc120fc14463c Điều 23 "Trách nhiệm tổ chức bồi dưỡng": "1. Học viện Chính trị quốc gia Hồ Chí Minh tổ chức
    # bồi dưỡng các chương trình sau:" then "a) Chương trình bồi dưỡng lý luận chính trị theo quy định;" ...: the points
    # are the programmes it lists; the lead-in is the academy's task
    obligations = extracted(str(CRAWL / "e4ddc120fc14463c.md"))["obligations"]
    article = [(o["path"], o["text"][:40]) for o in obligations if (o["path"] or "").startswith("III.23")]
    assert article == [("III.23.1", "Học viện Chính trị quốc gia Hồ Chí Minh "),
                       ("III.23.2", "Trường Chính trị tỉnh, thành phố trực th")]


def test_the_provinces_newspaper_and_broadcaster_is_a_body():
    # dev vi_kh_179_ubnd_dongnai_2025 VI.15 "Báo và Phát thanh, Truyền hình Đồng Nai chủ động phối hợp với Sở Khoa học và
    # Công nghệ ...": the province's merged newspaper and radio-television, a body by its head; dev vi_kh_165_ubnd_cantho_2025
    # II.4 "4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ" only names the two bodies, so the
    # work in the paragraph below it is theirs, under the item's number
    task = next(o for o in extracted(str(DEV / "vi_kh_179_ubnd_dongnai_2025.txt"))["obligations"]
                if o["text"].startswith("Báo và Phát thanh, Truyền hình Đồng Nai chủ động"))
    assert task["path"] == "VI.15" and task["assignees"][0]["name"] == "Báo và Phát thanh, Truyền hình Đồng Nai"
    item = next(o for o in extracted(str(DEV / "vi_kh_165_ubnd_cantho_2025.txt"))["obligations"]
                if o["text"].startswith("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh"))
    assert item["path"] == "II.4" and "Chỉ đạo các cơ quan truyền" in item["text"]
    assert [a["name"] for a in item["assignees"]][:2] == ["Sở Văn hóa, Thể thao và Du lịch",
                                                         "Báo và Phát thanh, Truyền hình Cần Thơ"]


def test_an_item_that_only_names_bodies_heads_the_work_below_it():
    # dev vi_kh_165_ubnd_cantho_2025 II.5: "5. Sở, ban, ngành liên quan" (no stop: it names bodies only, with words the
    # registry does not take in) then the work on a line of its own: one task, its text from the item on
    item = next(o for o in extracted(str(DEV / "vi_kh_165_ubnd_cantho_2025.txt"))["obligations"]
                if o["text"].startswith("Sở, ban, ngành liên quan"))
    assert item["path"] == "II.5" and "Căn cứ theo chức năng, nhiệm vụ, quyền hạn được giao" in item["text"]


def test_a_closing_formula_the_page_broke_heads_nothing():
    # gazette vi_qd_844_ttg_2026: "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc" broken from
    # "Chính phủ, ... chịu trách nhiệm thi hành Quyết định này./.": the closing formula, no heading of the attached plan
    body = ("QUYẾT ĐỊNH:\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc\n\n"
            "Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức, cá nhân "
            "có liên quan chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Tăng cường công tác lãnh đạo, chỉ đạo thực hiện hiệu quả các chủ trương, chính sách.\n")
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nHà Nội, ngày 13 tháng 5 năm 2026\nQUYẾT ĐỊNH\n"
    assert _obligations(body, header) == []


def test_a_numbered_row_whose_last_cells_merge_below_is_a_whole_row():
    # corpora/crawl 001c610b2efdcf0c (a raw crawl of the collection ../shared/corpus/crawl samples; no row of ../shared is
    # written so), appendix IV.2: "2 | Quản lý, vận hành Hệ thống ... | Sở Tài chính | Các sở, ngành, UBND xã, phường, đặc
    # khu | Quý IV/2026 | ..." is two cells short of the header (its funding cell merges with the rows below): a whole
    # row that opens with its number, not the tail of a row the page broke above it
    obligations = extracted(str(ROOT / "corpora" / "crawl" / "001c610b2efdcf0c.md"))["obligations"]
    row = next(o for o in obligations if o["text"].startswith("Quản lý, vận hành Hệ thống thông tin và cơ sở dữ liệu"))
    assert row["assignees"][0]["name"] == "Sở Tài chính" and row["deadline"]["date"] == "2026-12-31"
    assert any(o["text"].startswith("Học tập kinh nghiệm nước ngoài") for o in obligations)


def _opening(obligations: list[dict], *openings: str) -> list[dict]:
    """The obligations whose text opens with one of the openings."""
    return [o for o in obligations if o["text"].startswith(openings)]


def test_a_task_cell_that_lists_dash_items_under_the_column_of_its_content():
    # crawl 646f0a00d4174382 Phụ lục I (STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ, hành động | Nội dung
    # nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành): the group a row belongs to is no task column, the content is;
    # row A.6's content cell lists three dash items, three tasks of the row's lead and partners
    obligations = extracted(str(CRAWL / "646f0a00d4174382.md"))["obligations"]
    items = _opening(obligations, "- Đầu tư, hiện đại hóa và xã hội hóa mạng lưới quan trắc",
                     "Vận hành Hệ thống cảnh báo, dự báo, kiểm soát ô nhiễm", "Diễn tập và vận hành hệ thống ứng phó khẩn cấp")
    assert len(items) == 3
    assert all(o["assignees"][0]["name"] == "Bộ Nông nghiệp và Môi trường" for o in items)
    assert not any(o["text"].startswith("Xây dựng, vận hành hệ thống quan trắc, cảnh báo") for o in obligations)


def test_a_bullets_paragraphs_keep_the_list_of_the_lead_in_going():
    # gazette vi_qd_844_ttg_2026 II.4: under "... các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các
    # tỉnh, thành phố trực thuộc trung ương cần cụ thể hóa và tổ chức triển khai thực hiện các nhiệm vụ sau đây:" the
    # bullet "- Kiểm soát chi phí ..." has two paragraphs of its own; the bullets after them are still the lead-in's
    body = ("II. NHIỆM VỤ CỤ THỂ\nNhằm đạt được mục tiêu Chỉ thị số 52-CT/TW đề ra, bên cạnh các nhiệm vụ thường xuyên, các "
            "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương cần cụ "
            "thể hóa và tổ chức triển khai thực hiện các nhiệm vụ sau đây:\n"
            "1. Tăng cường, nâng cao năng lực cho các cơ quan quản lý nhà nước về bảo hiểm y tế\n"
            "- Kiểm soát chi phí khám, chữa bệnh bảo hiểm y tế minh bạch, khoa học.\n"
            "Đẩy nhanh tiến độ xây dựng, triển khai các phương thức thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế.\n"
            "Xây dựng tài liệu chuyên môn hướng dẫn lập dự kiến chi, điều chỉnh dự kiến chi khám bệnh, chữa bệnh bảo hiểm "
            "y tế.\n"
            "- Xây dựng cơ chế, lộ trình thí điểm đa dạng các loại hình cung ứng dịch vụ bảo hiểm y tế.\n")
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nHà Nội, ngày 13 tháng 5 năm 2026\nKẾ HOẠCH HÀNH ĐỘNG\n"
    found = [(o.text[:30], [a.name for a in o.assignees][:2]) for o in _obligations(body, header)]
    assert found[-2:] == [("Kiểm soát chi phí khám, chữa b", ["các bộ", "các cơ quan ngang bộ"]),
                          ("Xây dựng cơ chế, lộ trình thí ", ["các bộ", "các cơ quan ngang bộ"])]


def test_in_a_letter_the_ground_before_its_request_is_no_task():
    # crawl c81379258ef3a44f (11208/BNV-KHTC to the provinces) item 2: "Về mức chi phí quản lý (tỷ lệ %) ...: Trên cơ sở ý
    # kiến của Bộ Tài chính tại Công văn số 15564/BTC-KTN ... Vì vậy, đề nghị Ủy ban nhân dân các tỉnh, thành phố trực
    # thuộc trung ương căn cứ ...": the words before the request to the addressees are its ground
    obligations = extracted(str(CRAWL / "c81379258ef3a44f.md"))["obligations"]
    assert not any(o["text"].startswith("Về mức chi phí quản lý") for o in obligations)
    assert any(o["text"].startswith("Vì vậy, đề nghị Ủy ban nhân dân các tỉnh") for o in obligations)


def test_the_duties_of_a_kind_of_state_unit_name_no_body():
    # crawl e4ddc120fc14463c (a decree on training civil servants) "Điều 38. Trách nhiệm của đơn vị sử dụng công chức" then
    # "1. Thực hiện các quy định về đào tạo, bồi dưỡng công chức." ...: a kind of state unit, named by what it does: its
    # points are tasks that name no body
    points = _opening(extracted(str(CRAWL / "e4ddc120fc14463c.md"))["obligations"],
                      "Thực hiện các quy định về đào tạo, bồi dưỡng công chức",
                      "Đề xuất, lựa chọn chương trình đào tạo, bồi dưỡng", "Tạo điều kiện để công chức tham gia các khóa")
    assert len(points) == 3 and not any(o["assignees"] for o in points)


@pytest.mark.parametrize(("body", "header", "lead_in_is_a_task"), [
    # dev vi_ct_010_ubnd_daklak_2025: the lead-in is long only for its ground ("Nhằm khắc phục ..."); after the bodies
    # it asks it only hands them the points below
    ("Nhằm khắc phục những tồn tại, hạn chế nêu trên, nâng cao hiệu lực, hiệu quả trong công tác quản lý nhà nước về "
     "đầu tư; bảo đảm môi trường đầu tư thông thoáng, minh bạch, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, "
     "ngành và Chủ tịch UBND các xã, phường nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:\n"
     "1. Sở Tài chính chủ trì thẩm định chủ trương đầu tư dự án đúng thời hạn.\n",
     "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 10/CT-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\nCHỈ THỊ\n", False),
    # crawl 45cc2b3cda45b66c Điều 1: work of its own before "bảo đảm một số yêu cầu sau:" keeps the lead-in a task
    ("Điều 1. Giao Bộ Công an chủ trì, phối hợp với các bộ, cơ quan ngang bộ và các cơ quan có liên quan nghiên cứu, "
     "tiếp thu tối đa ý kiến Thành viên Chính phủ; Bộ Công an chịu trách nhiệm toàn diện về các nội dung tiếp thu, giải "
     "trình ý kiến Thành viên Chính phủ, khẩn trương hoàn thiện hồ sơ dự án Pháp lệnh theo đúng quy định, bảo đảm một "
     "số yêu cầu sau:\n1. Quán triệt và thể chế hóa đầy đủ các quan điểm, chủ trương, chính sách của Đảng.\n",
     "CHÍNH PHỦ\nSố: 377/NQ-CP\nHà Nội, ngày 21 tháng 11 năm 2025\nNGHỊ QUYẾT\n", True),
    # dev vi_nq_380_cp_2025: "..., trong đó cần tập trung thực hiện các nhiệm vụ, giải pháp trọng tâm như sau:"
    ("Để khẩn trương khắc phục hậu quả thiên tai, nhanh chóng ổn định tình hình Nhân dân, khôi phục sản xuất kinh "
     "doanh, Chính phủ yêu cầu các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, căn cứ theo chức "
     "năng, nhiệm vụ, quyền hạn được giao, thực hiện khẩn trương, quyết liệt, kịp thời, hiệu quả Kết luận của Bộ Chính "
     "trị, các Nghị quyết, chỉ đạo của Chính phủ, Thủ tướng Chính phủ, trong đó cần tập trung thực hiện các nhiệm vụ, "
     "giải pháp trọng tâm như sau:\n1. Bộ Tài chính khẩn trương bố trí kinh phí khắc phục hậu quả thiên tai.\n",
     "CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n", False),
])
def test_a_lead_in_that_only_hands_over_its_points(body, header, lead_in_is_a_task):
    text = header + body
    openings = [o.text[:20] for o in passage(text).obligations]
    lead_in = body.split("\n")[0].removeprefix("Điều 1. ")[:20]
    assert (lead_in in openings) is lead_in_is_a_task
    assert len(openings) == (2 if lead_in_is_a_task else 1)  # the point below is a task either way


def test_a_duty_point_and_its_paragraphs_are_one_task():
    # crawl b527d7996ed66f24 (a province's rules on its Sở Nội vụ) Điều 2.4.a: under a body's duties, a point that ends with
    # ':' and names no body of its own, then its content in paragraphs: one task of that body, from the point on
    header = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 2920/QĐ-UBND\nHà Tĩnh, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
              "VỀ VIỆC BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ\n")
    body = ("Điều 2. Nhiệm vụ và quyền hạn\n\n4. Về tổ chức bộ máy:\n\na) Tham mưu, giúp Ủy ban nhân dân tỉnh:\n\n"
            "Trình Hội đồng nhân dân tỉnh quyết định việc thành lập, tổ chức lại, thay đổi tên gọi, giải thể cơ quan "
            "chuyên môn, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh theo quy định của pháp luật;\n\n"
            "Hướng dẫn cụ thể về trình tự, thủ tục thành lập, tổ chức lại, giải thể đơn vị sự nghiệp công lập thuộc Ủy "
            "ban nhân dân tỉnh;\n\nb) Thẩm định, hướng dẫn, theo dõi, kiểm tra việc thực hiện phân loại, xếp hạng đơn "
            "vị sự nghiệp công lập của địa phương theo quy định của pháp luật.\n")
    obligations = passage(header + body).obligations
    found = [(o.path, o.text.split("\n")[0], [a.name for a in o.assignees]) for o in obligations]
    assert found == [("2.4.a", "Tham mưu, giúp Ủy ban nhân dân tỉnh:", ["Sở Nội vụ"]),
                     ("2.4.b", "Thẩm định, hướng dẫn, theo dõi, kiểm tra việc thực hiện phân loại, xếp hạng đơn vị sự "
                               "nghiệp công lập của địa phương theo quy định của pháp luật.", ["Sở Nội vụ"])]
    first = obligations[0]
    assert first.text.rstrip().endswith("thuộc Ủy ban nhân dân tỉnh;")  # its last paragraph is in it


def test_a_lead_in_addresses_its_own_articles_points_only():
    # crawl c22591f10eec1dab (Decree 170/2025/NĐ-CP) Điều 65 and 68: "Bộ Nội vụ ... có nhiệm vụ, quyền hạn sau:" heads
    # Điều 65's points, not those of "Điều 68. Trách nhiệm, thẩm quyền của cơ quan sử dụng công chức", a class of state
    # bodies that names no body
    body = ("Điều 65. Nhiệm vụ, quyền hạn của Bộ Nội vụ\n\nBộ Nội vụ chịu trách nhiệm trước Chính phủ thực hiện chức năng "
            "quản lý nhà nước về công chức, có nhiệm vụ, quyền hạn sau đây:\n\n1. Xây dựng dự án luật, pháp lệnh, Nghị quyết "
            "về công chức.\n\nĐiều 68. Trách nhiệm, thẩm quyền của cơ quan sử dụng công chức\n\n1. Tổ chức thực hiện các chế "
            "độ, chính sách của Nhà nước đối với công chức.\n")
    header = "CHÍNH PHỦ\nSố: 170/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\nNGHỊ ĐỊNH\n"
    assert tasks(body, header) == [("65.1", ["Bộ Nội vụ"]), ("68.1", [])]


def test_a_due_date_before_the_subject():
    # crawl c22591f10eec1dab Điều 70.2: "Chậm nhất đến ngày ..., các Bộ, ngành ... phải hoàn thành ...": the date opens
    # the sentence, the bodies after its comma act
    body = ("Điều 70. Quy định chuyển tiếp\n\n2. Chậm nhất đến ngày 01 tháng 7 năm 2027, các Bộ, ngành, cơ quan trung "
            "ương, địa phương phải hoàn thành việc bố trí vào vị trí việc làm và xếp ngạch tương ứng với vị trí việc làm "
            "đối với công chức.\n")
    header = "CHÍNH PHỦ\nSố: 170/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\nNGHỊ ĐỊNH\n"
    text = header + body
    (task,) = passage(text).obligations
    assert task.path == "70.2" and "các bộ" in [a.name for a in task.assignees]
    assert task.deadline is not None and task.deadline.date == "2027-07-01"


def test_a_start_date_before_the_subject():
    # crawl f08ec790b7b2c9c5 (Hà Tĩnh's decision) item 3.4 (here item 4): "Từ ngày ..., Trung tâm Phục vụ hành chính
    # công tỉnh, ... tổ chức thực hiện ...": the date opens the sentence, the bodies after its comma act
    body = ("4. Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Phục "
            "vụ hành chính công cấp xã tổ chức thực hiện việc tiếp nhận, trả kết quả giải quyết TTHC không phụ thuộc vào "
            "địa giới hành chính.\n")
    header = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 2850/QĐ-UBND\nHà Tĩnh, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    (path, who), = tasks(body, header)
    assert path == "4" and "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh" in who


HA_NOI_RULES = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 999/QĐ-UBND\nHà Nội, ngày 20 tháng 11 năm 2025\nQUY CHẾ\n"
CONCLUSION = "VĂN PHÒNG CHÍNH PHỦ\nSố: 623/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n"


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl af2a4fc9b3a7aeeb IV.12.4: how often, then the body after the comma
    ("4. Hằng năm, Sở Nội vụ\nthành phố Hà Nội ban hành văn bản hướng dẫn, đôn đốc các cấp, các ngành, các\nđơn vị tổ "
     "chức thực hiện Quy chế này.\n", HA_NOI_RULES, [("4", ["Sở Nội vụ thành phố Hà Nội"])]),
    # crawl 1a434d0a7e14dc93 IV.9.2.c: the quarter it falls in
    ("c) Trong quý I của năm liền kề\nđánh giá, Sở Nội vụ chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Thành ủy và\ncác "
     "cơ quan, đơn vị có liên quan tiến hành rà soát, đánh giá kết quả chấm điểm.\n", HEADER,
     [("c", ["Ban Tuyên giáo và Dân vận Thành ủy", "Sở Nội vụ"])]),
    # dev vi_tb_623_vpcp_2025 III.1: after what the work waits for
    ("1. Sau khi phương án phân vùng mới được cấp có thẩm\nquyền thông qua, Bộ Tài chính khẩn trương báo cáo Thủ tướng "
     "Chính phủ kiện toàn\ncác Hội đồng điều phối vùng.\n", CONCLUSION, [("1", ["Bộ Tài chính"])]),
    # dev vi_tb_624_vpcp_2025: a clause that names bodies says who reported, and its first comma ends no adverbial
    ("Sau khi nghe báo cáo của Bộ Khoa học và Công nghệ,\nBộ Công an, Bộ Nội vụ, ý kiến phát biểu, tham luận của lãnh đạo "
     "các bộ, cơ\nquan, đại biểu dự họp, Ban Chỉ đạo của Chính phủ thống nhất kết luận như sau:\n", CONCLUSION, []),
])
def test_when_or_how_often_before_the_subject(body, header, expected):
    assert tasks(body, header) == expected


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl c93728206e91346c Điều 2: a change the work may need is the feedback clause's condition too
    ("Điều 2. Trong quá trình thực\nhiện, nếu cần sửa đổi, bổ sung, Bộ Công Thương rà soát, tổng hợp ý kiến, đề xuất\n"
     "điều chỉnh, bổ sung danh mục phù hợp yêu cầu thực tế, trình Thủ tướng Chính phủ\nxem xét, quyết định.\n",
     "THỦ TƯỚNG CHÍNH PHỦ\nSố: 1768/QĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n", [("2", ["Bộ Công Thương"])]),
    # gazette vi_qd_844_ttg_2026 III.6: the condition names a plan, the bodies come after its later comma
    ("III. TỔ CHỨC THỰC HIỆN\n6. Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung những nội dung cụ thể "
     "thuộc Kế hoạch hành động, các bộ, ngành, địa phương, đơn vị chủ động đề xuất gửi Bộ Y tế để tổng hợp và báo cáo "
     "Thủ tướng Chính phủ xem xét, quyết định./.\n",
     "THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nHà Nội, ngày 20 tháng 4 năm 2026\nQUYẾT ĐỊNH\n",
     [("III.6", ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ",
                 "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 31ea3f5a8224b092 3.2: "Trong quá trình thực hiện," then the condition; generic bodies report difficulties
    ("Điều 3. Tổ chức thực hiện\n2. Trong quá trình thực hiện, nếu có khó khăn,\nvướng mắc, các cơ quan, đơn vị, địa phương "
     "phản ánh về Văn phòng UBND tỉnh để\ntổng hợp, tham mưu Chủ tịch UBND tỉnh xem xét, điều chỉnh, bổ sung kịp "
     "thời.\n", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 99/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n",
     [("3.2", [])]),
])
def test_the_closing_feedback_clause(body, header, expected):
    assert tasks(body, header) == expected


def test_a_leading_ground_runs_on_past_a_comma_to_its_subject():
    # gazette vi_qd_844_ttg_2026 III.1: the ground names a directive and a plan, its first comma ends nothing
    body = ("III. TỔ CHỨC THỰC HIỆN\n1. Trên cơ sở nội dung Chỉ thị số 52-CT/TW, Kế hoạch hành động, các Bộ, cơ quan ngang "
            "bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương theo nhiệm vụ được "
            "giao trong Quyết định này tổ chức xây dựng và triển khai kế hoạch thực hiện Chỉ thị số 52-CT/TW, Kế hoạch "
            "hành động trong quý II năm 2026.\n")
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nHà Nội, ngày 20 tháng 4 năm 2026\nQUYẾT ĐỊNH\n"
    [(path, who)] = tasks(body, header)
    assert path == "III.1" and "các bộ" in who


@pytest.mark.parametrize(("clause", "subject"), [
    # crawl b527d7996ed66f24: the ground names several nouns, separated by commas, before the subject
    ("Căn cứ chức năng, nhiệm vụ, cơ cấu tổ chức và danh mục vị trí việc làm được cấp\ncó thẩm quyền phê duyệt, hàng năm, "
     "Sở Nội vụ xây dựng kế hoạch biên chế công", "Sở Nội vụ xây dựng"),
    # crawl 1e6fb98e16a75e3d Điều 7.1, 676c9815964a33af Điều 7.1: the budget or the rules as the ground
    ("Căn cứ dự toán ngân sách được Nhà nước giao, Bộ Quốc phòng cân đối, bảo đảm kinh phí", "Bộ Quốc phòng cân đối"),
    ("Căn cứ quy định phân cấp, chức năng nhiệm vụ được giao của các đơn vị quản lý rừng, Ủy ban nhân dân", "Ủy ban nhân dân"),
    # crawl 03890575449f6e05 1: "Theo đó," (accordingly) before the body that acts
    ("Theo đó, Cục Thuế sẽ cập nhật loại “Thu nhập được miễn thuế”", "Cục Thuế sẽ"),
    # dev vi_kh_556_ubnd_dongthap_2025 VI.1: the first comma after the ground ends it; the subject is a list of bodies
    ("Căn cứ Kế hoạch này,\ncác sở, ban, ngành cấp tỉnh, Ủy ban nhân dân các xã, phường nghiên cứu triển\nkhai thực hiện",
     "các sở, ban, ngành cấp tỉnh"),
])
def test_a_leading_ground_ends_before_its_subject(clause, subject):
    from pipeline.extract.obligation_subjects import TOPIC
    topic = TOPIC.match(clause)
    assert topic is not None and clause[topic.end():].startswith(subject)


def test_a_duties_heading_without_de():
    # crawl 1a434d0a7e14dc93 Điều 10.3: "Trách nhiệm các cơ quan, ..." drops "của" and still heads its points
    body = ("Điều 10.\nTrách nhiệm thực hiện\n\n3. Trách nhiệm các cơ quan, đơn\nvị cấp thành phố và Ủy ban nhân dân xã, "
            "phường\n\na) Tổ chức triển khai thực hiện\nQuy định Tiêu chí đánh giá, xếp loại công tác dân vận và thực hiện "
            "dân chủ ở cơ\nsở tại cơ quan, đơn vị mình;\n")
    header = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 99/QĐ-UBND\nCần Thơ, ngày 20 tháng 11 năm 2025\nQUY ĐỊNH\n"
    assert tasks(body, header) == [("10.3.a", ["Ủy ban nhân dân các xã, phường"])]


MILITARY_RULES = "BỘ QUỐC PHÒNG\nSố: 94/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nTHÔNG TƯ\n"


DECREE = "CHÍNH PHỦ\nSố: 100/2025/NĐ-CP\nHà Nội, ngày 20 tháng 11 năm 2025\nNGHỊ ĐỊNH\n"
NGHE_AN_PLAN = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 1026/KH-UBND\nNghệ An, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\n"
AIR_PLAN = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 2530/QĐ-TTg\nHà Nội, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
DAKLAK_DIRECTIVE = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 010/CT-UBND\nĐắk Lắk, ngày 17 tháng 11 năm 2025\nCHỈ THỊ\n"
VINH_LONG_DECISION = "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\nSố: 2637/QĐ-UBND\nVĩnh Long, ngày 16 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
DAK_LAK_DECISION = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 02125/QĐ-UBND\nĐắk Lắk, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
DA_NANG_DECISION = "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nSố: 2638/QĐ-UBND\nĐà Nẵng, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
DONG_THAP_PLAN = "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 552/KH-UBND\nĐồng Tháp, ngày 19 tháng 11 năm 2025\nKẾ HOẠCH\n"
HAI_PHONG_RULES = ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSố: 211/2025/QĐ-UBND\nHải Phòng, ngày 18 tháng 11 năm 2025\n"
                   "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ\nQUY CHẾ\nChương IV\nTỔ CHỨC THỰC HIỆN\n")
DAK_LAK_NOTICE = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 623/TB-VPCP\nHà Nội, ngày 15 tháng 11 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA PHÓ THỦ "
                  "TƯỚNG CHÍNH PHỦ MAI VĂN CHÍNH TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐẮK LẮK\nChiều ngày 09 tháng 11 năm "
                  "2025, tại trụ sở Ủy ban nhân dân tỉnh Đắk Lắk, Phó Thủ tướng Chính phủ Mai Văn Chính đã chủ trì buổi làm "
                  "việc với lãnh đạo tỉnh Đắk Lắk.\n")
VETERANS_DECISION = "BỘ QUỐC PHÒNG\nSố: 92/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl c05552433ef48b49 Điều 8.2.e: a body that submits to a council is given work, though the council decides
    ("Điều 8. Nguồn vốn hoạt động của Quỹ\n2. Nguồn vốn hoạt động của Quỹ nhà ở địa phương:\ne) Ủy\nban nhân dân cấp tỉnh "
     "trình Hội đồng nhân dân cùng cấp quyết định tỷ lệ trích số\ntiền vào Quỹ nhà ở địa phương đối với các trường hợp "
     "quy định tại điểm b, điểm\nc và điểm d khoản này;\n", DECREE,
     [("8.2.e", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl 1e6fb98e16a75e3d Điều 4.3: a minister who is to lay down the details is given work
    ("Điều 4. Phạm vi giới hạn\nCảng quốc tế Cam Ranh\n3. Bộ trưởng Bộ Quốc phòng quy định cụ\nthể về vùng đất, vùng "
     "nước và quy định ra, vào Cảng quốc tế Cam Ranh bằng đường\nbộ.\n", MILITARY_RULES, [("4.3", ["Bộ Quốc phòng"])]),
    # crawl e4ddc120fc14463c Điều 19.2: "chương trình" (a programme) holds "trình" but submits nothing
    ("Điều 19. Thẩm định, phê duyệt chương trình, tài liệu bồi dưỡng\n2. Bộ Nội vụ thẩm định chương trình bồi dưỡng kiến "
     "thức, kỹ năng quản lý nhà nước đối với công chức lãnh đạo, quản lý: cấp phòng và tương đương, cấp sở và tương "
     "đương, cấp vụ và tương đương.\n", DECREE, []),
    # crawl 646f0a00d4174382 IV.1: the body a heading sets up is what the work makes, not who does it
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Thành lập Ban Chỉ đạo quốc gia về khắc phục ô nhiễm không khí\na) Thành lập Ban Chỉ đạo "
     "quốc gia về khắc phục ô nhiễm không khí (gọi tắt là Ban Chỉ đạo) để giúp Thủ tướng Chính phủ nghiên cứu, chỉ đạo.\n"
     "b) Bộ Nông nghiệp và Môi trường chủ trì xây dựng hồ sơ thành lập Ban Chỉ đạo theo quy định.\n", AIR_PLAN,
     [("IV.1.b", ["Bộ Nông nghiệp và Môi trường"])]),
    # crawl 192068354fd1ffe5 V.10: "Hiệp hội" (an association) is a body's head noun; a province's association named
    # without its place is the province's
    ("V. TỔ CHỨC THỰC HIỆN\n10. Hiệp hội Doanh nghiệp\n- Vận động, khuyến khích hội viên, doanh nghiệp tham gia các chương "
     "trình đổi mới công nghệ, khởi nghiệp sáng tạo.\n- Là cầu nối giữa doanh nghiệp với cơ quan quản lý nhà nước trong việc "
     "đề xuất cơ chế, chính sách hỗ trợ.\n", DONG_THAP_PLAN, [("V.10", ["Hiệp hội Doanh nghiệp tỉnh Đồng Tháp"])] * 2),
    # crawl d71b3a48efad6d2c Điều 19: "Thi hành án dân sự thành phố" (named as the 2025 restructuring names it, like
    # "Thuế tỉnh") is the city's body, asked with the court and the procuracy
    ("Điều 19. Đề nghị Tòa án nhân dân thành phố, Viện kiểm sát nhân dân thành phố, Thi hành án dân sự thành phố\nCăn cứ "
     "chức năng, nhiệm vụ, quyền hạn, phối hợp thực hiện và chỉ đạo các cơ quan, đơn vị thuộc ngành mình kịp thời cung cấp "
     "đến Sở Tư pháp các thông tin ngăn chặn.\n", HAI_PHONG_RULES,
     [("IV.19", ["Thi hành án dân sự thành phố Hải Phòng", "Tòa án nhân dân thành phố Hải Phòng",
                 "Viện kiểm sát nhân dân thành phố Hải Phòng"])]),
    # dev vi_tb_623_vpcp_2025 II: "..., tỉnh Đắk Lắk cần tiếp tục thực hiện ... các chủ trương của Đảng, Luật, Nghị quyết
    # của Quốc hội, ..., văn bản chỉ đạo của Thủ tướng Chính phủ, trong đó ... sau:" - the province acts; the bodies that
    # wrote the texts it follows do not
    ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI\nĐể tiếp tục tháo gỡ các khó khăn, vướng mắc trong phát triển kinh "
     "tế - xã hội, đạt được mục tiêu tăng trưởng kinh tế 8% trong năm 2025 của Tỉnh, tỉnh Đắk Lắk cần tiếp tục thực hiện "
     "quyết liệt, đồng bộ, hiệu quả các chủ trương của Đảng, Luật, Nghị quyết của Quốc hội, Nghị quyết của Chính phủ, Chỉ "
     "thị, Công điện, văn bản chỉ đạo của Thủ tướng Chính phủ, trong đó lưu ý tập trung thực hiện một số nội dung trọng tâm "
     "sau:\n1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội đã được Hội đồng nhân dân tỉnh giao từ đầu năm, phấn đấu "
     "hoàn thành cao nhất tất cả các chỉ tiêu được giao.\n", DAK_LAK_NOTICE, [("II.1", ["Ủy ban nhân dân tỉnh Đắk Lắk"])]),
    # dev vi_tb_624_vpcp_2025 III.5.b: tasks numbered "(1)", "(2)"; "(i)", "(ii)" inside the last list its parts
    ("III. NHIỆM VỤ\n5. Về dữ liệu\nb) Bộ Công an: (1) Tiếp tục đầu tư phát triển, mở rộng Trung tâm Dữ liệu quốc gia số "
     "1, nhiệm vụ thường xuyên; (2) Phát triển VNeID thành Nền tảng số quốc gia với 05 chức năng chính: (i) Lưu trữ dữ liệu "
     "số của công dân; (ii) Định danh xác thực điện tử; (iii) Thực hiện dịch vụ công trực tuyến và giải quyết thủ tục hành "
     "chính.\n", "VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\nHà Nội, ngày 16 tháng 11 năm 2025\nTHÔNG BÁO\n",
     [("III.5.b", ["Bộ Công an"])] * 2),
    # dev vi_ct_012_ubnd_daklak_2025: a ';' between the bodies one request asks parts its addressees, not two tasks
    ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt, triển "
     "khai và chỉ đạo các cơ quan, đơn vị thuộc thẩm quyền quản lý thực hiện nghiêm túc Chỉ thị này.\n", DAKLAK_DIRECTIVE,
     [(None, ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]),
    # crawl cfef94bb5eaf59df 1: a ';' after a list of bodies and nothing more parts the subjects who share the work that
    # follows, however long the list
    ("1. Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Khoa học và Công nghệ, "
     "Giáo dục và Đào tạo, Y tế; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng tổ chức theo "
     "dõi, cập nhật thường xuyên, liên tục, sát diễn biến tình hình.\n",
     "THỦ TƯỚNG CHÍNH PHỦ\nSố: 231/CĐ-TTg\nHà Nội, ngày 26 tháng 11 năm 2025\nCÔNG ĐIỆN\n",
     [("1", ["Bộ Công Thương", "Bộ Công an", "Bộ Giáo dục và Đào tạo", "Bộ Khoa học và Công nghệ",
             "Bộ Nông nghiệp và Môi trường", "Bộ Quốc phòng", "Bộ Xây dựng", "Bộ Y tế",
             "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # crawl b241b75dc4e6df64 Điều 2, 27009faffc98b8aa Điều 1: "Ủy quyền (cho) X ..." delegates work to X, as "Giao X" gives it
    ("Điều 2. Ủy quyền cho Lãnh đạo Bộ Xây dựng thay mặt Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam ký Hiệp định và "
     "Nghị định thư 1 của Hiệp định với đại diện có thẩm quyền của Chính phủ các Quốc gia Thành viên ASEAN.\n",
     "CHÍNH PHỦ\nSố: 385/NQ-CP\nHà Nội, ngày 01 tháng 12 năm 2025\nNGHỊ QUYẾT\nQUYẾT NGHỊ:\n", [("2", ["Bộ Xây dựng"])]),
    ("Điều 1. Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ trong lĩnh vực quản lý chất lượng nông lâm "
     "sản và thủy sản, cụ thể:\n1. Cấp, thu hồi Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm quy định tại khoản 6 "
     "Điều 38 Nghị định số 15/2018/NĐ-CP.\n3. Chỉ định cơ sở kiểm nghiệm thực phẩm phục vụ quản lý nhà nước.\n",
     "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 1617/QĐ-UBND\nQuảng Ngãi, ngày 10 tháng 10 năm 2025\nQUYẾT ĐỊNH\n",
     [("1.1", ["Sở Nông nghiệp và Môi trường"]), ("1.3", ["Sở Nông nghiệp và Môi trường"])]),
    # crawl cc57a4285d4110ae: a letter's request after sentences that only cite the rules, the case it is for between
    # its connector and its verb
    ("Đối với trường hợp tại điểm c khoản 2 Điều 138 Luật Đất đai năm 2024 không quy định có phải nộp nghĩa vụ tài chính "
     "hay nộp tiền sử dụng đất hay không nên Nghị định số 103/2024/NĐ-CP không có quy định về tính tiền sử dụng đất đối với "
     "trường hợp này. Do vậy, đối với trường hợp vướng mắc về xác định nghĩa vụ tài chính về đất đai tại điểm c khoản 2 "
     "Điều 138 Luật Đất đai năm 2024, đề nghị Thuế tỉnh Nghệ An báo cáo Ủy ban nhân dân tỉnh Nghệ An có văn bản gửi Bộ "
     "Nông nghiệp và Môi trường để được hướng dẫn theo thẩm quyền.\n",
     "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5563/CT-CS\n"
     "V/v nghĩa vụ tài chính về đất đai\nHà Nội, ngày 26 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Nghệ An.\n",
     [(None, ["Thuế tỉnh Nghệ An"])]),
    # dev vi_cd_nonum_mualu_trungbo_a_2025 8: two Deputy Prime Ministers, each named, two tasks (one office to the registry)
    ("8. Giao Phó Thủ tướng Chính phủ Trần Hồng Hà chỉ đạo các Bộ, ngành, địa phương triển khai công tác ứng phó, khắc phục "
     "hậu quả mưa lũ; Phó Thủ tướng Chính phủ Hồ Đức Phớc kịp thời chỉ đạo sử dụng nguồn lực dự trữ của trung ương để hỗ "
     "trợ địa phương thực hiện các nhiệm vụ khẩn cấp ứng phó, khắc phục hậu quả mưa lũ theo quy định của pháp luật.\n",
     "THỦ TƯỚNG CHÍNH PHỦ\nSố: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n",
     [("8", ["Phó Thủ tướng Chính phủ"])] * 2),
    # crawl 03890575449f6e05 1: after sentences that only cite the rules, a body that commits to the work opens a later
    # sentence after its connector
    ("1. Về khai thuế TNDN:\nCăn cứ các quy định trên đối với trường hợp doanh nghiệp thuộc quy định tại Nghị quyết số "
     "98/2023/QH15 ngày 24/6/2023 thì thực hiện kê khai thuế TNDN theo mẫu số 03/TNDN. Ứng dụng kê khai hiện tại đã hỗ trợ "
     "chọn loại thu nhập được miễn thuế (theo danh mục), tuy nhiên Loại thu nhập được miễn thuế đối với hoạt động đổi mới "
     "sáng tạo và khởi nghiệp là trường hợp đặc thù nên chưa có trong danh mục. Theo đó, Cục Thuế sẽ cập nhật loại “Thu "
     "nhập được miễn thuế theo Nghị quyết số 98/2023/QH15 ngày 24/6/2023 vào danh mục “Thu nhập miễn thuế ...” để NNT "
     "thuận tiện trong việc kê khai theo đúng quy định của pháp luật.\n",
     "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5615/CT-CS\n"
     "Hà Nội, ngày 27 tháng 11 năm 2025\nKính gửi: Thuế thành phố Hồ Chí Minh.\n", [("1", ["Cục Thuế"])]),
    # crawl 8180ae11188469fd Điều 7.1: a consolidated text marks the amended name with a footnote ("Bộ Nội vụ[4]"); the
    # list of partners goes on after it
    ("Điều 7.\n1. Bộ Quốc phòng chủ trì, phối hợp với Bộ Nội vụ[4], Bộ Tài chính chịu trách nhiệm hướng dẫn thực hiện "
     "Quyết định này; chỉ đạo tổ chức việc xét duyệt, thẩm định, ra quyết định hưởng chế độ trợ cấp hàng tháng.\n",
     VETERANS_DECISION, [("7.1", ["Bộ Nội vụ", "Bộ Quốc phòng", "Bộ Tài chính"])]),
    # crawl 741f24db1e774799 Điều 3: "Chánh Văn phòng Ủy ban nhân dân tỉnh" is the head of the committee's office, which
    # acts or is a partner ("Chánh" a title before "Văn phòng ...", as before "Thanh tra tỉnh")
    ("Điều 3. Tổ chức thực hiện\n1. Giao Giám đốc Sở Tư pháp\n- Chủ trì, phối hợp với Chánh Văn phòng Ủy ban nhân dân "
     "tỉnh căn cứ cách thức thực hiện của thủ tục hành chính được công bố tại Quyết định này bổ sung vào Danh mục.\n"
     "2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường tổ chức niêm yết công khai đầy đủ "
     "danh mục.\n", VINH_LONG_DECISION,
     [("3.1", ["Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh Vĩnh Long"]),
      ("3.2", ["Văn phòng Ủy ban nhân dân tỉnh Vĩnh Long", "Ủy ban nhân dân các xã, phường"])]),
    # crawl e13c637d6d90ecc4 Điều 4: the closing formula's bodies, broken over two lines before its verb
    ("Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Khoa học và Công nghệ; Thủ trưởng các sở, ban, ngành;\nChủ tịch UBND "
     "các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n", DAK_LAK_DECISION,
     []),
    # crawl 14d45619867d65a2 Điều 3: "... căn cứ Quyết định này thực hiện./." closes a decision as "... chịu trách nhiệm
    # thi hành" does
    ("Điều 3. Chánh Văn phòng UBND thành phố, Giám đốc Sở Tài chính, Giám đốc Sở Giáo dục và Đào tạo, Chủ tịch UBND các "
     "phường, xã và Thủ trưởng các sở, ban, ngành cơ quan, đơn vị có liên quan căn cứ Quyết định này thực hiện./.\n",
     DA_NANG_DECISION, []),
    # dev vi_kh_1026_ubnd_nghean_2025 III.6: the regional units of central bodies, "nhà nước" in lower case
    ("6. Đề nghị Thuế tỉnh, Kiểm toán nhà nước khu vực II, Kho bạc nhà nước khu vực XI, Ngân hàng nhà nước khu vực 8, "
     "Chi cục Hải quan khu vực XI tăng cường công tác bảo vệ bí mật nhà nước theo quy định của pháp luật hiện hành.\n",
     NGHE_AN_PLAN, [("6", ["Chi cục Hải quan khu vực XI", "Kho bạc Nhà nước khu vực XI",
                           "Kiểm toán Nhà nước khu vực II", "Ngân hàng Nhà nước khu vực 8", "Thuế tỉnh Nghệ An"])]),
    # crawl ad5aff6c13929815 VI.12: the unit heads its paragraph, not the State Bank itself
    ("12. Ngân hàng nhà nước khu vực XII\nChủ động triển khai thực hiện Kế hoạch trong phạm vi chức năng, nhiệm vụ được "
     "giao.\n", NGHE_AN_PLAN, [("12", ["Ngân hàng Nhà nước khu vực XII"])]),
    # dev vi_kh_179_ubnd_dongnai_2025 VI.8: the branch named after the bank
    ("8. Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II: Chủ trì, phối hợp với các tổ chức tín dụng triển khai thanh "
     "toán không dùng tiền mặt.\n", NGHE_AN_PLAN, [("8", ["Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II"])]),
])
def test_who_a_real_passage_gives_work(body, header, expected):
    assert tasks(body, header) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 6d0e277c7b88a914 Điều 4.3.a: a department named with its ministry ("Cục ... Bộ Quốc phòng") is the department
    ("Điều 4. Trình tự lập, thẩm định,\nphê duyệt chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ cấp quốc gia\n"
     "3. Trình phê duyệt\n\na) [4]\nCục Tài chính Bộ Quốc phòng: Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ\nsơ "
     "hợp lệ, bảo đảm chất lượng do Trung tâm Hành động bom mìn quốc gia Việt Nam\ngửi, Cục Tài chính Bộ Quốc phòng chủ "
     "trì, phối hợp với các cơ quan, đơn vị liên\nquan nghiên cứu, giải trình, tiếp thu ý kiến thẩm định để hoàn chỉnh "
     "chương\ntrình, kế hoạch báo cáo Bộ Quốc phòng, gửi Bộ Tài chính thẩm định.\n",
     [("4.3.a", ["Cục Tài chính Bộ Quốc phòng"])]),
    # Điều 27.2.a: an arm of the army ("Binh chủng") heads a body's name as a department's "Cục" does
    ("Điều 27. Hình thức, chương\ntrình đào tạo, huấn luyện\n2. Chương trình đào tạo, huấn luyện\n\na) [34]\nBinh chủng "
     "Công binh ban hành chương trình khung huấn luyện, đào tạo cơ bản;\n", [("27.2.a", ["Binh chủng Công binh"])]),
])
def test_units_of_the_army_and_of_a_ministry(body, expected):
    assert tasks(body, MILITARY_RULES) == expected


JUSTICE_RULES = "BỘ TƯ PHÁP\nSố: 23/2025/TT-BTP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG TƯ\n"


@pytest.mark.parametrize(("body", "expected"), [
    # crawl 6f76eaad0b5b95d8 Điều 15 and 17: a ministry's circular names its minister and its units by "Bộ" alone
    ("Điều 15. Trách nhiệm của Bộ\ntrưởng\n\n1. Quyết định kiểm tra, giám sát việc thực hiện các\nnội dung được phân cấp; "
     "giải quyết khiếu nại, tố cáo.\n", [("15.1", ["Bộ Tư pháp"])]),
    ("Điều 17. Trách nhiệm của Thủ\ntrưởng các đơn vị thuộc Bộ được phân cấp\n\n1. Thực hiện các nhiệm vụ, quyền hạn của "
     "cơ quan,\nđơn vị sử dụng công chức, viên chức theo quy định.\n", [("17.1", ["các đơn vị thuộc Bộ Tư pháp"])]),
    # crawl 932e83be67d03d47: "- Bộ trưởng (để b/c);" is a line of the recipients, no heading of work
    ("Điều 15. Trách nhiệm thi hành\n1. Bộ trưởng (để b/c):\na) Kiểm tra việc thực hiện.\n", []),
])
def test_a_ministry_names_itself_by_its_head_noun(body, expected):
    assert tasks(body, JUSTICE_RULES) == expected


def test_a_short_name_defined_in_brackets_names_its_body():
    # crawl 6d0e277c7b88a914 Điều 4.1.a and 35.3: "Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC)" defines the
    # short name its later clauses open with
    body = ("Điều 4. Trình tự lập, thẩm định,\nphê duyệt chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ cấp quốc "
            "gia\n1. Lập chương trình, kế hoạch khắc phục hậu quả bom\nmìn vật nổ cấp quốc gia\na) [2]\nTrung tâm Hành "
            "động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập,\ntrình Bộ Quốc phòng (qua Cục Tài chính) chương "
            "trình, kế hoạch khắc phục hậu quả\nbom mìn vật nổ sau chiến tranh cấp quốc gia.\nĐiều 35. Thanh tra, kiểm "
            "tra\nquản lý, hoạt động khắc phục hậu quả bom mìn vật nổ sau chiến tranh\n3. VNMAC thực hiện việc kiểm tra "
            "đối với các dự án,\nhạng mục, nhiệm vụ điều tra, khảo sát, rà phá bom mìn vật nổ sau chiến\ntranh sử dụng "
            "nguồn vốn nước ngoài, tài trợ quốc tế.\n")
    assert ("35.3", ["Trung tâm Hành động bom mìn quốc gia Việt Nam"]) in tasks(body, MILITARY_RULES)


def test_a_short_name_inside_a_longer_name_is_no_body():
    # dev en_qd_40_ttg_2016: "ASEAN Ministerial Meeting on Prevention and Control of Transnational Crime" is a meeting
    record = extracted(str(DEV / "en_qd_40_ttg_2016.txt"))
    assert not any(o["text"].startswith("ASEAN Ministerial Meeting") for o in record["obligations"])


def test_an_english_name_before_a_known_body_is_no_unit_of_it():
    # dev en_nq_10_cp_2010: "The XII / th / National Assembly adopted ..." (a superscript broken onto lines) names the
    # National Assembly; English names a unit's parent after "of", so no unit "XIIth National Assembly" is read
    record = extracted(str(DEV / "en_nq_10_cp_2010.txt"))
    assert not any("XII" in a["name"] for o in record["obligations"] for a in o["assignees"])


def test_an_english_annual_duty_before_its_subject():
    # dev en_qd_2281_ttg_2010 IV: "Annually, based on ..., ministries ... shall ..." is the ministries' task
    text = ("DECISION\nDecision No. 2281/QD-TTg of December 10, 2010, approving the national program on labor safety and "
            "hygiene during 2011-2015\nTHE PRIME MINISTER\nDECIDES:\nArticle 1.\nTo approve the national program on labor "
            "safety and hygiene during 2011-2015, with the following principal contents:\n"
            "III. PROGRAM IMPLEMENTATION SOLUTIONS\n2. Funds for the Program:\na) State budget funds, estimated at VND 730 "
            "billion, including VND 680 billion in the central budget and VND 50 billion in local budgets.\n"
            "Annually, based on their objectives and tasks, ministries, central agencies and localities which implement the "
            "Program shall make cost estimates and submit them to the Ministry of Finance.\n")
    [task] = passage(text).obligations
    assert "các bộ" in [a.name for a in task.assignees]


def test_a_later_sentence_that_gives_a_body_work():
    # crawl 646f0a00d4174382 (a Prime Minister's plan) V.2: the item's first sentence names no one the walk knows; its
    # next gives Bộ Tài chính work of its own ("có trách nhiệm phân bổ ...")
    body = ("V. KINH PHÍ THỰC HIỆN\n2. Trên cơ sở nhiệm vụ được giao, các cơ quan, tổ chức được phân công có trách nhiệm "
            "lập dự toán chi tiết theo các quy định hiện hành, trình phê duyệt để triển khai thực hiện. Bộ Tài chính có "
            "trách nhiệm phân bổ kinh phí thực hiện các nhiệm vụ do Thủ tướng Chính phủ giao cho các bộ, cơ quan ngang "
            "bộ, cơ quan trực thuộc Chính phủ.\n")
    header = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 999/QĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
    assert ("V.2", ["Bộ Tài chính"]) in tasks(body, header)


def test_a_submission_for_decision_hands_over_its_points():
    # crawl 21c5e5f284e66d03 (a decree) Điều 9.3: "..., Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết
    # định:" is no task itself, whatever ground it opens with ("Căn cứ ..."); the points it hands over are its tasks
    body = ("Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n\n3. Căn cứ khả năng cân đối ngân sách, các nguồn tài chính "
            "hợp pháp khác, đặc điểm sản xuất và thực tế tại địa phương, quy định của pháp luật về tổ chức chính quyền địa "
            "phương và pháp luật về ngân sách nhà nước, Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết "
            "định:\n\na) Mức hỗ trợ cụ thể đối với từng loại cây trồng, lâm nghiệp, thủy sản, vật nuôi và sản xuất muối.\n\n"
            "d) Hỗ trợ đối với doanh nghiệp vừa và nhỏ theo mức hỗ trợ quy định tại Nghị định này.\n")
    header = "CHÍNH PHỦ\nSố: 9/2025/NĐ-CP\nHà Nội, ngày 19 tháng 11 năm 2025\nNGHỊ ĐỊNH\n"
    province = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert tasks(body, header) == [("9.3.a", province), ("9.3.d", province)]


def test_each_request_to_the_same_body_is_a_task_of_its_own():
    # crawl a94e2ffb8c7ea677 (a tax letter): two sentences each asking the same body ("Đề nghị Thuế thành phố Huế đối chiếu
    # ...", "Trường hợp ..., đề nghị Thuế thành phố Huế báo cáo ..."): two tasks, where a sentence that only names the
    # body again ("Giao X ... X báo cáo") runs on as the same one
    body = ("Đề nghị Thuế thành phố Huế đối chiếu với quy định của pháp luật về người có công, chính sách về bồi thường, "
            "hỗ trợ tái định cư để phối hợp với các cơ quan liên quan của thành phố Huế báo cáo Ủy ban nhân dân thành phố "
            "Huế chỉ đạo thực hiện, đảm bảo đúng chế độ quy định. Trường hợp phát sinh vướng mắc về việc giảm tiền sử dụng "
            "đất đối với giao đất tái định cư, đề nghị Thuế thành phố Huế báo cáo Ủy ban nhân dân thành phố Huế liên hệ với "
            "Bộ Nông nghiệp và Môi trường để được hướng dẫn chính sách về bồi thường, hỗ trợ và tái định cư.\n")
    header = "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 999/CT-CS\nHà Nội, ngày 20 tháng 11 năm 2025\nV/v giảm tiền sử dụng đất\n"
    found = [o for o in obligations_of(header + body)]
    assert [" ".join(o.text.split()[:3]) for o in found] == ["Đề nghị Thuế", "Trường hợp phát"]
    assert all("Thuế thành phố Huế" in [a.name for a in o.assignees] for o in found)


def obligations_of(text: str):
    return passage(text).obligations


@pytest.mark.parametrize(("header", "body", "expected"), [
    # crawl 32bf80ce6d1e997e (a province's regulation): those who meet the difficulty are people and organisations the
    # rules bind; the body they report to, not the issuer, handles it
    ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 81/2025/QĐ-UBND\nBắc Ninh, ngày 20 tháng 11 năm 2025\nQUY ĐỊNH\n",
     "Điều 13. Tổ chức thực hiện\n1. Sở Khoa học và Công nghệ hướng dẫn thực hiện Quy định này.\n"
     "Trong quá trình triển khai thực hiện các quy định của Quy định này, nếu có khó khăn, vướng mắc, các tổ chức, cá "
     "nhân phản ánh về Sở Khoa học và Công nghệ để tổng hợp, trình Uỷ ban nhân dân tỉnh xem xét, quyết định.\n",
     [("13.1", ["Sở Khoa học và Công nghệ"]), (None, ["Sở Khoa học và Công nghệ"])]),
    # crawl bcb420579d35d2e9 (34/2025/TT-BKHCN): the issuing ministry hearing of its own circular is no task
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 34/2025/TT-BKHCN\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG TƯ\n",
     "Điều 8. Tổ chức thực hiện\nTrong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Khoa học và Công "
     "nghệ (Cục Công nghiệp công nghệ thông tin) để kịp thời giải quyết.\n", []),
])
def test_feedback_from_those_the_rules_bind_goes_to_the_body_that_handles_it(header, body, expected):
    found = [(path, [n for n in who if "Khoa học" in n]) for path, who in tasks(body, header)]
    assert found == expected


def test_a_task_table_read_by_its_content_where_no_header_names_its_columns(monkeypatch):
    # dev vi_qd_2597_ttg_2025's appendix, a table of tasks ("STT | Tên nhiệm vụ/dự án | Cơ quan chủ trì | Cơ quan phối hợp
    # | Kết quả dự kiến | Thời gian triển khai"), read as if no cue knew its header's words: a lead column of bodies, the
    # task the longest text before it, the partners after it and a column of periods give the same tasks
    source = Source(path="vi_qd_2597_ttg_2025.txt", format="txt", sha256="x")
    text = (DEV / "vi_qd_2597_ttg_2025.txt").read_text(encoding="utf-8")
    appendix = normalise(text).find("PHỤ LỤC")
    by_header = [(o.path, [a.name for a in o.assignees][:1], o.deadline.date if o.deadline else None)
                 for o in extract_text(text, source=source).obligations if o.span[0] > appendix]
    monkeypatch.setattr(TaskTable, "header", lambda self, cells: None)
    monkeypatch.setattr(TaskTable, "_broken_header", lambda self, recent, width: None)
    by_content = [(o.path, [a.name for a in o.assignees][:1], o.deadline.date if o.deadline else None)
                  for o in extract_text(text, source=source).obligations if o.span[0] > appendix]
    assert len(by_header) >= 20 and by_content == by_header
    assert ("1", ["Bộ Xây dựng"], "2030-12-31") in by_content


def test_a_time_column_its_header_does_not_name_is_read_by_content(monkeypatch):
    # dev vi_qd_2597_ttg_2025's appendix as if its header called the time column in words no cue knows ("Lộ trình"):
    # the rows' short cells of periods ("2026-2030") still date each task
    text = (DEV / "vi_qd_2597_ttg_2025.txt").read_text(encoding="utf-8")
    source = Source(path="vi_qd_2597_ttg_2025.txt", format="txt", sha256="x")
    appendix = normalise(text).find("PHỤ LỤC")

    def dates() -> list[str | None]:
        return [o.deadline.date if o.deadline else None for o in extract_text(text, source=source).obligations
                if o.span[0] > appendix]

    by_header = dates()
    kinds = TaskTable._kinds
    monkeypatch.setattr(TaskTable, "_kinds", lambda self, cell: tuple(k for k in kinds(self, cell) if k != "deadline"))
    assert by_header.count("2030-12-31") >= 10 and dates() == by_header


def test_a_header_in_words_no_cue_knows_is_no_task(monkeypatch):
    # dev vi_qd_2597_ttg_2025: its appendix table as one row per line, header first, read by content only
    text = (DEV / "vi_qd_2597_ttg_2025.txt").read_text(encoding="utf-8")
    head = text[:text.find("Điều 1.")]
    table = ("| STT | Tên nhiệm vụ/dự án | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả dự kiến | Thời gian triển khai |\n"
             "| 1 | Chuyển đổi số trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ tầng đô thị | Bộ Xây dựng | Các "
             "địa phương | Triển khai đồng bộ | 2026-2030 |\n"
             "| 2 | Chuyển đổi số trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ tầng giao thông | Bộ Xây dựng | "
             "Các bộ, ngành, địa phương liên quan | Triển khai đồng bộ | 2026-2030 |\n"
             "| 3 | Xây dựng kho dữ liệu mô hình thông tin công trình (BIM) quốc gia | Bộ Xây dựng | Các bộ, ngành, địa "
             "phương liên quan | Kho dữ liệu mô hình BIM quốc gia | 2026-2028 |\n")
    monkeypatch.setattr(TaskTable, "header", lambda self, cells: None)
    found = obligations_of(head + "Điều 1. Phê duyệt các nhiệm vụ sau:\n\n" + table)
    assert [(o.path, o.assignees[0].name if o.assignees else None) for o in found] == [
        ("1", "Bộ Xây dựng"), ("2", "Bộ Xây dựng"), ("3", "Bộ Xây dựng")]


# dev vi_qd_2597_ttg_2025's appendix rows: in a central document's task table the localities of a lead or partners cell
# are the provinces' People's Committees (ANNOTATION.md: "các bộ, ngành, địa phương" names that class); under a
# province's header the same words name no body of the class (nor the province's communes)
LOCALITIES_TABLE = (
    "| STT | Tên nhiệm vụ/dự án | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả dự kiến | Thời gian triển khai |\n"
    "| 1 | Đầu tư xây dựng và nâng cấp hạ tầng công nghệ thông tin đồng bộ từ trung ương đến địa phương phục vụ lưu trữ, "
    "xử lý, truyền tải và chia sẻ dữ liệu về kết cấu hạ tầng trên phạm vi toàn quốc | Bộ Xây dựng, các địa phương | Các "
    "bộ, ngành liên quan | Hạ tầng công nghệ thông tin đồng bộ | 2026-2030 |\n"
    "| 2 | Kết nối, chia sẻ dữ liệu kết cấu hạ tầng với các hệ thống, cơ sở dữ liệu đất đai, quy hoạch, cấp phép xây dựng, "
    "giao thông thông minh... để hỗ trợ ra quyết định và đồng bộ dữ liệu | Bộ Xây dựng | Bộ Nông nghiệp và Môi trường, các "
    "địa phương | Kết nối, chia sẻ dữ liệu kết cấu hạ tầng với các hệ thống liên quan | 2026 |\n")
PROVINCES = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"


@pytest.mark.parametrize(("document", "expected"), [
    ("vi_qd_2597_ttg_2025.txt", [["Bộ Xây dựng", PROVINCES], ["Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", PROVINCES]]),
    ("vi_kh_179_ubnd_dongnai_2025.txt", [["Bộ Xây dựng"], ["Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường"]]),
])
def test_the_localities_of_a_central_task_tables_cell_are_the_provinces_committees(document, expected):
    text = (DEV / document).read_text(encoding="utf-8")
    head = text[:text.find("Căn cứ")]  # the document's own header: who issues it
    found = obligations_of(head + "Điều 1. Phê duyệt các nhiệm vụ sau:\n\n" + LOCALITIES_TABLE)
    assert [[a.name for a in o.assignees] for o in found] == expected


@pytest.mark.parametrize(("text", "due"), [
    # crawl 646f0a00d4174382 (2530/QĐ-TTg) Điều 1.IV.2.a, its last clause: reviewed midway and at its end, the task is due
    # at its final review
    ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 2530/QĐ-TTg\nHà Nội, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\nĐiều 1.\n"
     "a) Bộ Nông nghiệp và Môi trường chủ trì các nhiệm vụ được giao, phối hợp với các bộ, ngành, địa phương tổ chức thực "
     "hiện Kế hoạch này; tổ chức sơ kết kết quả triển khai Kế hoạch vào cuối năm 2027 và tổng kết vào cuối năm 2030 để "
     "báo cáo Thủ tướng Chính phủ.\n", "2030-12-31"),
    # dev en_qd_2351_ttg_2010 Article 2.1, its last clause
    ("THE PRIME MINISTER\nDecision No. 2351/QD-TTg of December 24, 2010\nDECISION\nArticle 2.\n"
     "1. The Ministry of Labor, War Invalids and Social Affairs shall guide, inspect and review the strategy implementation "
     "and periodically report it to the Prime Minister; conduct a preliminary review at the end of 2015 and the final "
     "review of the strategy implementation at the end of 2020.\n", "2020-12-31"),
])
def test_a_task_reviewed_midway_and_at_its_end_is_due_at_its_final_review(text, due):
    (task,) = passage(text).obligations
    assert task.deadline is not None and task.deadline.date == due


# crawl 8d9779edcdd6c422 (74/2025/QĐ-UBND, a regulation devolving powers): chapter II says which body does what, chapter
# III gives the work of carrying the regulation out
DEVOLUTION = (
    "Chương II\nPHÂN CẤP MỘT SỐ NỘI DUNG THUỘC LĨNH VỰC XÂY DỰNG, GIAO THÔNG TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI\n"
    "Điều 5.\nQuản lý nhà nước về chất lượng công trình xây dựng, kiểm tra công tác nghiệm thu công trình xây dựng\n"
    "1. Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội tổ chức thực hiện đầy đủ chức năng quản lý "
    "nhà nước về chất lượng công trình xây dựng đối với các công trình xây dựng thuộc phạm vi quản lý.\n"
    "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 15.\nTrách nhiệm của các Sở, ngành Thành phố\n"
    "1. Trách nhiệm của các Sở quản lý công trình xây dựng chuyên ngành Thành phố, Ban quản lý các khu công nghệ cao và "
    "khu công nghiệp Thành phố:\na) Bảo đảm nguồn lực, các điều kiện để tổ chức thực hiện các nhiệm vụ theo quy định của "
    "Quyết định này.\n")


HANOI_REGULATION = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 74/2025/QĐ-UBND\nHà Nội, ngày 04 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"


# the chapter's title on a line of its own, or after its number
@pytest.mark.parametrize("body", [DEVOLUTION, DEVOLUTION.replace("Chương II\n", "Chương II. ")])
def test_a_normative_chapter_that_devolves_powers_gives_no_task(body):
    assert [o.path for o in passage(HANOI_REGULATION + body).obligations] == ["III.15.1.a"]


def test_a_numbered_clause_is_a_task_of_its_own_though_it_names_the_same_bodies():
    # dev vi_tb_624_vpcp_2025 III.4: "(2) các bộ, ngành, địa phương ..." then "(3) các bộ, ngành, địa phương tập trung: ..."
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\nIII. NHIỆM VỤ\n"
            "4. Đẩy mạnh cắt giảm, đơn giản hóa thủ tục hành chính: (1) Các bộ, ngành, khẩn trương rà soát, sửa đổi và "
            "thống nhất quy trình tái cấu trúc dịch vụ công trực tuyến để cắt giảm thành phần hồ sơ, hoàn thành trong "
            "tháng 11 năm 2025; (2) các bộ, ngành, địa phương tổ chức tổng rà soát hiện trạng cung cấp dịch vụ công trực "
            "tuyến, hoàn thành trước ngày 22 tháng 12 năm 2025; (3) các bộ, ngành, địa phương tập trung: (i) Sửa đổi, bổ "
            "sung 322 văn bản quy phạm pháp luật theo phương án đã được Thủ tướng Chính phủ phê duyệt; (ii) Rà soát, sửa "
            "đổi các quy định không phù hợp với việc thực hiện TTHC không phụ thuộc địa giới hành chính.\n")
    found = passage(text).obligations
    starts = ["Đẩy mạnh cắt giảm", "các bộ, ngành, địa phương tổ chức", "các bộ, ngành, địa phương tập trung"]
    assert len(found) == 3 and [o.text[:len(start)] for o, start in zip(found, starts, strict=True)] == starts
    assert [o.deadline.date if o.deadline else None for o in found] == ["2025-11-30", "2025-12-22", None]


@pytest.mark.parametrize(("body", "expected"), [
    # ANNOTATION.md: "a class of local bodies in a central document ("Sở Tư pháp các tỉnh", "provincial-level Departments
    # of Justice", ...) is one class name"; each province's department of a ministry's field, Sở Ngoại vụ for foreign
    # affairs; the police, which no province has a department of, stay as written
    ("1. The provincial-level Departments of Justice shall review the legal documents of their localities.\n",
     ["Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương"]),
    ("1. The Ministry of Finance shall coordinate with provincial-level Departments of Labor, War Invalids and Social "
     "Affairs in guiding the payment.\n",
     ["Bộ Tài chính", "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương"]),
    ("1. Provincial-level Departments of Foreign Affairs shall guide the delegations.\n",
     ["Sở Ngoại vụ các tỉnh, thành phố trực thuộc Trung ương"]),
    ("1. Provincial-level Departments of Public Security shall ensure order.\n",
     ["Provincial-level Departments of Public Security"]),
])
def test_provincial_level_departments_are_a_class_of_local_bodies(body, expected):
    (task,) = passage(ENGLISH_DECISION + "Article 3.\n" + body).obligations
    assert [a.name for a in task.assignees] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # dev en_qd_2281_ttg_2010 IV.4.b and III.3.a: an English list that shares its head "Ministries of" names each ministry;
    # a field may hold commas and "and" ("Labor, War Invalids and Social Affairs"), ';' parts fields that do
    ("b) Annually, based on proposals made by project implementing agencies, make plans and cost estimates and propose "
     "measures for project implementation and submit them to the Ministries of Planning and Investment; Finance; and "
     "Labor, War Invalids and Social Affairs;",
     ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội"]),
    ("a) The Ministry of Labor, War Invalids and Social Affairs shall set up the Program Steering Committee composed of "
     "representatives of the Ministries of Labor, War Invalids and Social Affairs; Health; Agriculture and Rural "
     "Development; Industry and Trade; Construction; Education and Training; National Defense; Information and "
     "Communications; Public Security; Planning and Investment; and Finance, which shall advise the Minister of Labor, "
     "War Invalids and Social Affairs in administering, directing, examining, guiding and urging ministries, branches "
     "and localities in carrying out activities of the Program;",
     ["Bộ Lao động - Thương binh và Xã hội", "Bộ Y tế",
      "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Công Thương", "Bộ Xây dựng", "Bộ Giáo dục và Đào tạo",
      "Bộ Quốc phòng", "Bộ Thông tin và Truyền thông", "Bộ Công an", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"]),
])
def test_a_list_that_shares_the_head_ministries_of_names_each_ministry(sentence, expected):
    text = ENGLISH_DECISION + "Article 3.\n" + sentence + "\n"
    seg = segment(text)
    mentions = BodyMentions(text, Paragraphs(seg.blocks), AgencyRegistry.default(), language="en", province=None,
                            central=True)
    start = text.index("the Ministries of")
    end = text.find(", which", start)  # the list's own bodies, not those the sentence names around it
    assert [m.name for m in mentions.within(start, end if end > 0 else len(text))] == expected


def test_a_name_whose_tone_marks_a_scan_misread_is_the_body_it_stands_for():
    # dev vi_qd_2676_bgddt_2025.pdf as our OCR reads the scan: "Đào tạo" came out "Đảo tạo"; the grammar of names finds
    # the department, and the registry knows it by its letters (a ministry's text: every province's department)
    sentence = ("Các Sở Giáo dục và Đảo tạo, các cơ sở giáo dục và đào tạo khai thác, sử dụng làm tài liệu tham khảo, "
                "tập huấn. hướng dẫn cán bộ quản lý")
    text = "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2676/QĐ-BGDĐT\nQUYẾT ĐỊNH\nĐiều 2. " + sentence + "\n"
    seg = segment(text)
    mentions = BodyMentions(text, Paragraphs(seg.blocks), AgencyRegistry.default(), language="vi", province=None,
                            central=True, issuer="Bộ Giáo dục và Đào tạo")
    start = text.index(sentence)
    assert [m.name for m in mentions.within(start, start + len(sentence))][:1] == [
        "Sở Giáo dục và Đào tạo các tỉnh, thành phố trực thuộc Trung ương"]
    assert AgencyRegistry.default().lookup_misread("Sở Giáo dục và Đảo tạo").name == "Sở Giáo dục và Đào tạo"


def test_the_fields_of_a_list_that_shares_its_head_are_no_clauses():
    # dev en_qd_2281_ttg_2010 III.3.a: the ministries a committee is composed of are one list; each field is no task, and
    # only the ministry that sets the committee up acts (the members do not)
    body = ("a) The Ministry of Labor, War Invalids and Social Affairs shall set up the Program Steering Committee composed "
            "of representatives of the Ministries of Labor, War Invalids and Social Affairs; Health; Agriculture and Rural "
            "Development; Industry and Trade; Construction; Education and Training; National Defense; Information and "
            "Communications; Public Security; Planning and Investment; and Finance, which shall advise the Minister of "
            "Labor, War Invalids and Social Affairs in administering the Program;\n")
    (task,) = passage(ENGLISH_DECISION + "Article 3.\n" + body).obligations
    assert [a.name for a in task.assignees] == ["Bộ Lao động - Thương binh và Xã hội"]


def test_a_table_of_figures_by_body_is_no_task_table():
    # dev vi_cd_220_ttg_2025: a table of counts by ministry, whatever its header says, gives no task: its longest text
    # is no sentence
    text = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 220/CĐ-TTg\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n\n"
            "| 1. | Bộ Tư pháp | 19 | 07 | 12 | 12 | 12 | 0 | 100 |\n| 2. | Bộ Tài chính | 21 | 05 | 10 | 10 | 10 | 0 | 100 |\n"
            "| 3. | Bộ Xây dựng | 15 | 03 | 09 | 09 | 09 | 0 | 100 |\n")
    assert not obligations_of(text)


@pytest.mark.parametrize(("read", "line", "due"), [
    # crawl 646f0a00d4174382 (2530/QĐ-TTg) Phụ lục II, the time column: the period is the task's window
    (period_in_slot, "Giai đoạn 2026 - 2030", "2030-12-31"),
    (period_in_slot, "Hoàn thành trong giai đoạn 2026 - 2027 và vận hành thường xuyên, liên tục", "2027-12-31"),
    (period_in_slot, "Thực hiện thường xuyên, liên tục", None),
    # pages en_qd_175_ttg.html: an English heading that is a period dates the points under it (ANNOTATION.md, "The
    # 2010-2015 period:"), as "Giai đoạn 2026-2030:" does
    (period_heading, "Major tasks for the 2011-2015 period:", "2015-12-31"),
    (period_heading, "Major tasks for the 2016-2020 period:", "2020-12-31"),
    # crawl 646f0a00d4174382's table: a sub-heading row that is only a period
    (period_heading, "Giai đoạn 2026 - 2030", "2030-12-31"),
    # the same words in running text name a programme's span (pages en_qd_1755_ttg_2010.html)
    (period_heading, "To formulate and realize information technology industry development programs in the 2011-2020 "
                     "period", None),
])
def test_a_period_in_a_time_slot_or_a_heading(read, line, due):
    found = read(line, 0, len(line))
    assert (found[0].date if found else None) == due


FUND_DECREE = ("CHÍNH PHỦ\nSố: 302/2025/NĐ-CP\nHà Nội, ngày 19 tháng 11 năm 2025\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT VỀ QUỸ NHÀ Ở "
               "QUỐC GIA\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết về Quỹ nhà ở quốc gia (sau đây gọi là "
               "Quỹ) và biện pháp thi hành một số điều của Nghị quyết số 201/2025/QH15.\n")
CENTRE_RULES = ("BAN TUYÊN GIÁO VÀ DÂN VẬN\nSố: 1147-QĐ/BTGDVTW\nHà Nội, ngày 01 tháng 12 năm 2025\nQUYẾT ĐỊNH\nQUY CHẾ\n"
                "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng\n1. Quy chế này quy định về hoạt động bồi dưỡng, giảng dạy "
                "của Trung tâm chính trị xã, phường, đặc khu (sau đây gọi tắt là Trung tâm), bao gồm: Đối tượng, nội dung.\n")


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl c05552433ef48b49 Điều 25 and 22.1: the decree calls the fund it regulates "Quỹ"; its duties article and its
    # "có trách nhiệm" give the fund work
    ("Điều 25. Trách nhiệm của Quỹ\n1. Làm chủ đầu tư dự án đầu tư xây dựng, tạo lập nhà ở theo quy định tại Nghị định "
     "này.\n", FUND_DECREE, [("25.1", ["Quỹ nhà ở quốc gia"])]),
    ("Điều 22. Kiểm tra hoạt động của Quỹ\n1. Quỹ có trách nhiệm xây dựng, ban hành quy chế kiểm tra nội bộ bảo đảm hoạt "
     "động có hiệu quả, phù hợp với chức năng, nhiệm vụ và thẩm quyền quy định tại Nghị định này.\n", FUND_DECREE,
     [("22.1", ["Quỹ nhà ở quốc gia"])]),
    # c05552433ef48b49 Điều 17.1: how the fund works by these rules is no task given to it
    ("Điều 17. Nguyên tắc đầu tư, tạo lập nhà ở\n1. Quỹ thực hiện đầu tư xây dựng dự án nhà ở xã hội độc lập để cho "
     "thuê; dự án đầu tư xây dựng nhà ở xã hội đồng bộ hệ thống hạ tầng kỹ thuật, hạ tầng xã hội để cho thuê.\n",
     FUND_DECREE, []),
    # c05552433ef48b49 Điều 24.6.a: "Quỹ nhà ở địa phương" is another fund, not a use of the short name
    ("Điều 24. Trách nhiệm của các cơ quan\n6. Trách nhiệm của Ủy ban nhân dân cấp xã:\na) Phối hợp với Quỹ nhà ở địa "
     "phương trong việc tuyên truyền, phổ biến chính sách về phát triển nhà ở xã hội trên địa bàn;\n", FUND_DECREE,
     [("24.6.a", ["Ủy ban nhân dân các xã, phường"])]),
    # crawl c49a5afadf61b342 Điều 5.3: a centre's rules of work ("Trung tâm gửi giấy báo nhập học ...") are no tasks
    ("Điều 5. Tổ chức lớp bồi dưỡng\n3. Trung tâm gửi giấy báo nhập học, tổ chức tiếp nhận học viên và rà soát, hoàn "
     "thiện hồ sơ nhập học.\n", CENTRE_RULES, []),
])
def test_a_body_named_by_the_head_noun_its_text_defines(body, header, expected):
    assert tasks(body, header) == expected


def test_a_repealed_clause_is_no_task():
    # crawl 1e6fb98e16a75e3d Điều 25: the consolidated text keeps the number of a clause since repealed
    # ("1.[17] (được bãi bỏ)."); the clauses after it are the ministry's work still
    paths = {o["path"]: o["text"] for o in extracted(str(CRAWL / "1e6fb98e16a75e3d.md"))["obligations"]}
    assert "VI.25.1" not in paths and paths["VI.25.2"].startswith("Chủ trì, phối hợp với các Bộ, ngành liên quan")


def test_a_management_board_written_in_lower_case():
    # dev vi_ct_010_ubnd_daklak_2025 II.1: "Ban quản lý Khu Kinh tế Phú Yên" writes the head in lower case, as
    # "Ban Quản lý các Khu công nghiệp tỉnh" does not
    body = ("II. Trách nhiệm phối hợp giải quyết thủ tục đầu tư và quản lý dự án\n1. Sở Tài chính, Sở Xây dựng, Ban quản lý "
            "Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên có trách nhiệm phối hợp công "
            "bố đầy đủ, công khai thông tin về quy hoạch.\n")
    [(path, names)] = tasks(body, DAKLAK_DIRECTIVE)
    assert path == "II.1" and {"Ban quản lý Khu Kinh tế Phú Yên",
                               "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên"} <= set(names)


def test_a_class_of_bodies_named_in_brackets_heads_its_points():
    # dev vi_ct_010_ubnd_daklak_2025 I.1: "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý ...):" says which bodies
    # the class is; its points are theirs
    body = ("I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án\n1. Các cơ quan đăng ký đầu tư (Sở Tài "
            "chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý "
            "các Khu công nghiệp tỉnh):\na) Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định và lập báo cáo "
            "thẩm định đề xuất chủ trương đầu tư đối với các dự án sử dụng vốn nhà đầu tư trên địa bàn tỉnh.\n")
    [(path, names)] = tasks(body, DAKLAK_DIRECTIVE)
    assert path == "I.1.a" and names == sorted(["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên",
                                                "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên",
                                                "Ban Quản lý các khu công nghiệp tỉnh Đắk Lắk"])


NGHE_AN_PLAN = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 1026/KH-UBND\nNghệ An, ngày 26 tháng 11 năm 2025\nKẾ HOẠCH\n"


def test_a_bullet_that_opens_bullets_of_another_mark():
    # crawl 646f0a00d4174382 IV.2.m: "- Ủy ban nhân dân thành phố Hà Nội và ... cần tập trung một số nhiệm vụ quan trọng
    # như sau:" opens "+" bullets that are those two cities' work (the lead-in is no task of its own); the next "-" bullet
    # is the heading's bodies' again
    body = ("IV. TỔ CHỨC THỰC HIỆN\n2. Trách nhiệm của các bộ, ngành, địa phương\nm) Ủy ban nhân dân các tỉnh, thành phố trực "
            "thuộc Trung ương:\n- Phối hợp chặt chẽ với các bộ, ngành và các địa phương lân cận trong việc thực hiện các giải "
            "pháp kiểm soát ô nhiễm không khí mang tính liên vùng, liên tỉnh.\n- Ủy ban nhân dân thành phố Hà Nội và Ủy ban "
            "nhân dân Thành phố Hồ Chí Minh cần tập trung một số nhiệm vụ quan trọng như sau:\n+ Hoàn thành việc rà soát quy "
            "hoạch lại các khu công nghiệp, cụm công nghiệp, làng nghề.\n+ Nghiên cứu, ban hành các quy định, tiêu chuẩn môi "
            "trường địa phương ở mức nghiêm ngặt hơn.\n- Tăng cường kiểm tra, xử lý nghiêm các hành vi đốt rác thải sinh hoạt.\n")
    cities = ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh"]
    provinces = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    found = [names for _, names in tasks(body, AIR_PLAN)]
    assert found[1:] == [cities, cities, provinces] and provinces[0] in found[0]


def test_a_table_cell_ends_a_body_name():
    # crawl 192068354fd1ffe5 Phụ lục I.2: the partners' cell "Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh Đồng Tháp" ends
    # at the cell's pipe; the name does not run on into the time column ("| 2026")
    [row] = [o for o in extracted(str(CRAWL / "192068354fd1ffe5.md"))["obligations"]
             if o["text"].startswith("Đề xuất giải pháp cải thiện môi trường đầu tư")]
    assert "Ban Quản lý khu Kinh tế tỉnh Đồng Tháp" in [a["name"] for a in row["assignees"]]


def test_bullets_that_list_what_a_task_names():
    # dev vi_kh_182_ubnd_dongnai_2025 III.2.1.a: "Tham mưu ... trình Hội đồng nhân dân cấp tỉnh quyết định:" then what the
    # council is to decide, one bullet each: one task, not three
    header = "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 182/KH-UBND\nĐồng Nai, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
    body = ("III. TỔ CHỨC THỰC HIỆN\n2. Phân công trách nhiệm\n2.1. Sở Tài chính\na) Tham mưu Ủy ban nhân dân tỉnh trình Hội "
            "đồng nhân dân cấp tỉnh quyết định:\n- Phương án phân bổ vốn kế hoạch đầu tư công trung hạn nguồn hỗ trợ có mục "
            "tiêu từ ngân sách trung ương giai đoạn 2026 - 2030.\n- Mức vốn đối ứng từ ngân sách địa phương (nếu có); nguyên "
            "tắc, tiêu chí, định mức phân bổ vốn.\nb) Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn thực hiện.\n")
    found = extract_text(header + body, source=Source(path="p.txt", format="txt", sha256="0" * 64)).obligations
    assert [(o.path, o.text.split()[:2]) for o in found] == [("III.2.1.a", ["Tham", "mưu"]),
                                                                     ("III.2.1.b", ["Chủ", "trì,"])]
    # crawl 646f0a00d4174382 Phụ lục H: "... các chính sách ưu đãi, hỗ trợ về tài chính ..., bao gồm:" then the policies
    record = extracted(str(CRAWL / "646f0a00d4174382.md"))
    assert not any(o["text"].startswith("Chính sách sản xuất, lắp ráp và nhập khẩu") for o in record["obligations"])


@pytest.mark.parametrize(("body", "expected"), [
    # dev en_qd_2281_ttg_2010 IV.5: organisations named in English take their Vietnamese names, as of the text's time
    ("5. The Vietnam General Confederation of Labor, Vietnam Chamber of Commerce and Industry, Vietnam Cooperative "
     "Alliance, Vietnam Farmers Association and Vietnam Science and Technology Union for Labor Safety and Hygiene shall "
     "participate in and coordinate the Program implementation.\n",
     {"Tổng Liên đoàn Lao động Việt Nam", "Phòng Thương mại và Công nghiệp Việt Nam", "Liên minh Hợp tác xã Việt Nam",
      "Trung ương Hội Nông dân Việt Nam"}),
    # dev en_qd_332_ttg_2011 V.4.b: the fisheries society and the seafood exporters' association
    ("b) The Vietnam Fishing Association and Vietnam Association of Seafood Exporters and Processors shall coordinate with "
     "the Ministry of Agriculture and Rural Development in taking measures to encourage and support development.\n",
     {"Hội Nghề cá Việt Nam", "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam"}),
])
def test_organisations_named_in_english(body, expected):
    header = "THE PRIME MINISTER\nDecision No. 2281/QD-TTg of December 10, 2010\nDECIDES:\nArticle 1.\nIV. IMPLEMENTATION\n"
    [(_, names)] = tasks(body, header)
    assert expected <= set(names)


def test_a_notices_city_named_without_its_name():
    # crawl abca9704d4c889cd: the notice of a session with Đà Nẵng's leaders calls its committee "Ủy ban nhân dân Thành
    # phố"; the registry reads a committee with no place there, the notice says which
    header = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 641/TB-VPCP\nHà Nội, ngày 25 tháng 11 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA PHÓ THỦ "
              "TƯỚNG CHÍNH PHỦ PHẠM THỊ THANH TRÀ TẠI BUỔI LÀM VIỆC VỚI THÀNH PHỐ ĐÀ NẴNG VỀ TÌNH HÌNH, KẾT QUẢ TRIỂN KHAI "
              "THỰC HIỆN SẮP XẾP TỔ CHỨC BỘ MÁY CỦA HỆ THỐNG CHÍNH TRỊ\nNgày 18 tháng 11 năm 2025, tại thành phố Đà Nẵng, Phó "
              "Thủ tướng Phạm Thị Thanh Trà đã kiểm tra thực tế tại Trung tâm phục vụ hành chính công, Ủy ban nhân dân phường "
              "Hải Châu và làm việc với thành phố Đà Nẵng về tình hình, kết quả triển khai thực hiện.\n")
    body = ("Ủy ban nhân dân Thành phố chỉ đạo các sở, ngành tăng cường bám sát cơ sở, nắm bắt và hướng dẫn kịp thời chính "
            "quyền cấp xã tháo gỡ khó khăn, vướng mắc trong thực hiện nhiệm vụ.\n")
    assert tasks(body, header) == [(None, ["Ủy ban nhân dân thành phố Đà Nẵng"])]


def test_an_item_that_only_names_bodies_heads_its_bullets():
    # dev vi_kh_1026_ubnd_nghean_2025 III.5: "5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường" names whose
    # work the bullets below it are (the communes too: the mass organisations go on the departments' list); the item is
    # no task of its own
    body = ("III. TỔ CHỨC THỰC HIỆN\n5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường\n- Tiếp tục phổ biến, "
            "quán triệt, triển khai có hiệu quả các quy định của pháp luật và các văn bản hướng dẫn thi hành công tác bảo vệ "
            "bí mật nhà nước.\n")
    assert tasks(body, NGHE_AN_PLAN) == [("III.5", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"])]


@pytest.mark.parametrize(("clause", "acts"), [
    # crawl c49a5afadf61b342 Điều 15.1 and 15.3: a party body's class, named in lower case after its head noun
    ("Ban tuyên giáo và dân vận tỉnh ủy, thành ủy thực hiện kiểm tra định kỳ, hoặc đột xuất về công tác bồi dưỡng tại "
     "Trung tâm.", True),
    ("Cấp ủy cấp xã nơi có trụ sở Trung tâm và ban giám đốc Trung tâm có trách nhiệm kiểm tra định kỳ hoặc đột xuất",
     True),
    # crawl a49ef8a0da1f62dd IV.7 and ad5aff6c13929815 III.5.a: a quantifier before the class
    ("Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.", True),
    ("Mỗi ngành, lĩnh vực cần xác định một số bài toán trọng điểm có thể giải quyết hiệu quả bằng AI.", True),
    # crawl 69db23c781b2e9aa: the head's syllable opens a verb; crawl c49a5afadf61b342 Điều 8.2: after a title, a
    # capitalised head is the short name of the body the text regulates
    ("Ban hành kế hoạch triển khai thực hiện Chương trình tại địa phương giai đoạn 2025 - 2035", False),
    ("Giám đốc Trung tâm quyết định tổ chức chấm phúc tra (không bố trí người đã chấm bài ở lần chấm đầu tiên)", False),
    # crawl: "Trường hợp" opens a condition; a database that is shared or built is a thing, not an actor
    ("Trường hợp thu giữ chỗ ở duy nhất đã được xác nhận và chứng minh theo quy định tại khoản 1 Điều 5", False),
    ("Cơ sở dữ liệu quốc gia được chia sẻ phục vụ các hoạt động của cơ quan nhà nước hướng tới phục vụ người dân", False),
    ("Cơ sở dữ liệu bom mìn được tích hợp, cập nhật từ các nguồn dữ liệu thông tin khắc phục hậu quả bom mìn", False),
])
def test_a_class_of_bodies_in_lower_case_opens_a_clause(clause, acts):
    assert ClassSubjects.default().opens(clause, 0, len(clause)) is acts


@pytest.mark.parametrize(("language", "heading", "names_a_class"), [
    # dev en_qd_332_ttg_2011 V.4, II.1.1.2.a of en_qd_123_ttg_2010 and III.6.c of en_qd_332_ttg_2011
    ("en", "Professional societies and associations:", True),
    ("en", "To form joint training centers:", False),
    ("en", "Funds from economic sectors:", False),
    # crawl ad5aff6c13929815 VI.19 and dev vi_kh_753_dct_2026 3.3: the class that does the points below
    ("vi", "Các cơ sở đào tạo đại học, sau đại học", True),
    ("vi", "Các khoa tham gia khảo sát", True),
    # crawl 646f0a00d4174382 II.8 and dev vi_kh_179_ubnd_dongnai_2025 IV.7: a head that also names an activity or a
    # field opens a topic
    ("vi", "Thanh tra, kiểm tra, giám sát và xử lý vi phạm", False),
    ("vi", "Các ngành, lĩnh vực khác", False),
])
def test_a_heading_that_names_a_class(language, heading, names_a_class):
    reader = ClassSubjects.default()
    names = reader.heads_english if language == "en" else reader.heads_vietnamese
    assert names(heading, 0, len(heading)) is names_a_class


ENGLISH_DECISION = "THE PRIME MINISTER\nDecision No. 332/QD-TTg of March 3, 2011\nDECISION\n"


@pytest.mark.parametrize(("body", "header", "expected"), [
    # crawl c49a5afadf61b342 Điều 15.1, under its chapter (a form's notes under no heading name nobody who acts)
    ("Chương IV\nKIỂM TRA, GIÁM SÁT VÀ KHEN THƯỞNG, KỶ LUẬT\nĐiều 15. Kiểm tra, giám sát\n1. Ban tuyên giáo và dân vận tỉnh ủy, thành ủy thực hiện kiểm tra định kỳ, hoặc "
     "đột xuất về công tác bồi dưỡng tại Trung tâm.\n",
     "BAN TUYÊN GIÁO VÀ DÂN VẬN\nSố: 1147-QĐ/BTGDVTW\nHà Nội, ngày 01 tháng 12 năm 2025\nQUYẾT ĐỊNH\n",
     [("IV.15.1", [])]),
    # dev en_qd_332_ttg_2011 V.4.a: the heading names the class that does its points
    ("V. ORGANIZATION OF IMPLEMENTATION\n4. Professional societies and associations:\na) To study the establishment "
     "of some line associations necessary for protecting the legitimate rights and interests of raisers.\n",
     ENGLISH_DECISION, [("V.4.a", [])]),
    # crawl ad5aff6c13929815 VI.19: an item that only names a class heads its points, as one that names a body does
    ("19. Các cơ sở đào tạo đại học, sau đại học\na) Mở thêm chuyên ngành về chuyển đổi số, kinh tế số, xã hội số trong "
     "từng lĩnh vực.\nb) Phối hợp với các viện nghiên cứu để phát triển công nghệ mới, đặc biệt là công nghệ chiến lược.\n",
     HEADER, [("19.a", []), ("19.b", [])]),
    # dev vi_kh_172_ubnd_hcm_2025 III: under a funding heading, a class given a duty of its own ("có trách nhiệm") acts;
    # the funding's sources are no task
    ("III. KINH PHÍ THỰC HIỆN\n1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước hằng "
     "năm của các cơ quan, đơn vị theo quy định của Luật Ngân sách nhà nước.\n3. Các cơ quan được phân công chủ trì thực "
     "hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập kế hoạch, dự toán, quyết toán, quản lý sử dụng và báo cáo cấp có "
     "thẩm quyền phê duyệt theo quy định của Luật Ngân sách nhà nước và Luật Việc làm.\n", HEADER, [("III.3", [])]),
    # dev vi_kh_753_dct_2026.pdf (OCR) 4: the steps of a procedure, each named before its subject ("Bước 6:"); the step
    # a class of units does is theirs, the one the students do is no body's work
    ("4. Nội dung và quy trình thực hiện\n— Bước 4: Khoa phổ biến và hướng dẫn có vấn học tập và sinh viên được chọn "
     "mẫu.\n— Bước 5: Sinh viên truy cập hệ thống khảo sát trực tuyến bằng đường dẫn/tài khoản\nđược cấp, đọc kỹ hướng "
     "dẫn và trả lời đầy đủ các câu hỏi trong phiếu khảo sát; sau khi hoàn thành, gửi phiếu khảo sát trên hệ thống.\n"
     "— Bước 6: Các khoa phối hợp theo dõi, đôn đốc sinh viên được chọn mẫu hoàn thành khảo sát trong thời gian quy "
     "định; kịp thời phản hồi các khó khăn, vướng mắc về Trung tâm Quản lý chất lượng đề được hỗ trợ.\n",
     HEADER, [("4", []), ("4", [])]),
])
def test_a_class_named_in_lower_case_is_given_the_work(body, header, expected):
    assert tasks(body, header) == expected


def test_a_task_title_above_its_content_field_is_the_task_s_start():
    # crawl 86367f2ddb2225cd II.6 (the plan attached to 2623/QĐ-TTg): the item names the task, "- Nội dung:" spells it
    # out; the task reads from its title, and its fields give who and when
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 2623/QĐ-TTg\nHà Nội, ngày 01 tháng 12 năm 2025\nKẾ HOẠCH\n"
            "II. NỘI DUNG\n6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân\n- Nội dung: Cổng thông tin quốc "
            "gia về bảo vệ dữ liệu cá nhân cung cấp thông tin tuyên truyền chủ trương, đường lối, chính sách của Đảng, pháp "
            "luật của Nhà nước về bảo vệ dữ liệu cá nhân.\n- Cơ quan thực hiện: Bộ Công an.\n- Thời gian thực hiện: năm "
            "2026 - 2027.\n")
    (task,) = passage(text).obligations
    assert task.text.startswith("Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân\n- Nội dung:")
    assert [a.name for a in task.assignees] == ["Bộ Công an"] and task.deadline.date == "2027-12-31"



_DECREE_HEAD = "CHÍNH PHỦ\nSố: 308/2025/NĐ-CP\nHà Nội, ngày 28 tháng 11 năm 2025\nNGHỊ ĐỊNH\n"
_DECREE = _DECREE_HEAD + "Điều 45. Trình tự, thủ tục\n1. "
_DECISION = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 2530/QĐ-TTg\nHà Nội, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\nĐiều 2. Tổ chức thực hiện\n1. "


@pytest.mark.parametrize(("head", "clause", "task"), [
    # crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP): in a normative text, steps of a procedure timed from the day an
    # application's file arrives are rules of the procedure
    (_DECREE, "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, Bộ Văn hóa, Thể thao và Du lịch có "
              "trách nhiệm tiến hành xin ý kiến của Hội đồng thẩm định cấp chuyên ngành.", False),
    (_DECREE, "Trong thời hạn 20 ngày kể từ ngày nhận được hồ sơ hợp lệ, Bộ Văn hóa, Thể thao và Du lịch xem xét, có ý "
              "kiến bằng văn bản về sự cần thiết bảo quản, phục chế.", False),
    # the same words in a decision that gives work (not a normative text) stay a task
    (_DECISION, "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, Bộ Văn hóa, Thể thao và Du lịch "
                "có trách nhiệm tiến hành xin ý kiến của Hội đồng thẩm định cấp chuyên ngành.", True),
])
def test_a_procedure_step_timed_from_a_file_is_no_task(head, clause, task):
    text = head + clause + "\n"
    assert bool(passage(text).obligations) is task


# crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP) Điều 44.a: a step with its body and time limit, read under each title
_STEP = ("a) Trong thời hạn 20 ngày kể từ ngày có văn bản xác nhận, Chủ tịch Ủy ban nhân dân cấp tỉnh, Bộ trưởng, người "
         "đứng đầu ngành, cơ quan, tổ chức ở trung ương có trách nhiệm chủ trì lập hồ sơ đề nghị đưa di vật, cổ vật, bảo "
         "vật quốc gia ra nước ngoài;")


@pytest.mark.parametrize(("title", "task"), [
    # crawl 54c3026bc7bb5cb7 Điều 44: the steps of an article that sets out an administrative procedure are rules of the
    # procedure (ANNOTATION.md, normative documents)
    ("Điều 44. Trình tự, thủ tục đưa di vật, cổ vật, bảo vật quốc gia đi trưng bày có thời hạn ở nước ngoài phục vụ "
     "các hoạt động đối ngoại cấp nhà nước", False),
    # crawl 54c3026bc7bb5cb7 Điều 95: who decides, then the procedure
    ("Điều 95. Thẩm quyền, trình tự, thủ tục, hồ sơ đề nghị UNESCO cùng kỷ niệm năm sinh, năm mất đối với danh nhân người "
     "Việt Nam trong lĩnh vực văn hóa", False),
    # crawl 6d0e277c7b88a914 Điều 5: a procedure by its title, though state bodies alone take its steps
    ("Điều 5. Trình tự, thủ tục lập, thẩm định, phê duyệt chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ cấp "
     "tỉnh, thành phố trực thuộc Trung ương", False),
    # crawl 21c5e5f284e66d03 (Decree 9/2025/NĐ-CP) Điều 6: a title that names responsibilities too keeps its duties
    ("Điều 6. Trình tự, trách nhiệm thực hiện hỗ trợ", True),
    # crawl 6d0e277c7b88a914 Điều 4: the order in which state bodies draw up a programme is their work
    ("Điều 4. Trình tự lập, thẩm định, phê duyệt chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ cấp quốc gia",
     True),
    # crawl 54c3026bc7bb5cb7 Điều 20: an article on a task, no procedure
    ("Điều 20. Khai quật khảo cổ khẩn cấp", True),
])
def test_the_steps_of_a_procedure_article_are_no_tasks(title, task):
    assert bool(passage(_DECREE_HEAD + title + "\n" + _STEP + "\n").obligations) is task


@pytest.mark.parametrize(("clause", "assignees"), [
    # crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP) Điều 38.2 and 8.4.c: since 2025 a decree names a province's
    # department by its field and tier; the class of those departments, named as written, acts
    ("Cơ quan chuyên môn về văn hóa cấp tỉnh chịu trách nhiệm tiếp nhận, tạm nhập vào bảo tàng công lập để bảo quản và "
     "tổ chức giám định di vật, cổ vật theo quy định tại khoản 3 Điều 41 Luật Di sản văn hóa.",
     ["các cơ quan chuyên môn về văn hóa cấp tỉnh"]),
    ("Cơ quan chuyên môn về văn hóa cấp tỉnh quản lý chung các câu lạc bộ, nhóm thực hành di sản văn hóa phi vật thể "
     "trên địa bàn tỉnh, thành phố trực thuộc trung ương; chịu trách nhiệm hướng dẫn hoạt động.",
     ["các cơ quan chuyên môn về văn hóa cấp tỉnh"]),
])
def test_a_department_named_by_its_field_and_tier_acts(clause, assignees):
    text = _DECREE_HEAD + "Điều 38. Trách nhiệm quản lý\n2. " + clause + "\n"
    assert [[a.name for a in o.assignees] for o in passage(text).obligations] == [assignees]


@pytest.mark.parametrize(("lead_in", "point", "assignees"), [
    # crawl 54c3026bc7bb5cb7 (Decree 308/2025/NĐ-CP), Điều 56 and Điều 14: in a normative text, the points under a lead-in
    # that gives its bodies duties are their work, as in an article on responsibilities
    ("1. Bộ Văn hóa, Thể thao và Du lịch chịu trách nhiệm:",
     "a) Chủ trì xây dựng và nộp Báo cáo quốc gia về quản lý, bảo vệ và phát huy giá trị di sản tư liệu trong Danh mục "
     "của UNESCO;", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    ("2. Cơ quan, tổ chức nhà nước có thẩm quyền khi tiếp nhận thông tin về việc phát hiện địa điểm khảo cổ, di vật khảo "
     "cổ có trách nhiệm:",
     "a) Kịp thời cử người ghi nhận đầy đủ thông tin, tổ chức tiếp nhận và bảo vệ, bảo quản di vật khảo cổ;", []),
])
def test_the_points_of_a_duty_lead_in_are_work_in_a_normative_text(lead_in, point, assignees):
    text = ("CHÍNH PHỦ\nSố: 308/2025/NĐ-CP\nHà Nội, ngày 28 tháng 11 năm 2025\nNGHỊ ĐỊNH\n"
            "Điều 56. Báo cáo quốc gia về quản lý, bảo vệ và phát huy giá trị di sản tư liệu\n" + lead_in + "\n" + point + "\n")
    [task] = passage(text).obligations
    assert (task.text.startswith(point[3:13]), [a.name for a in task.assignees]) == (True, assignees)


def test_a_headerless_table_is_read_by_its_content_across_its_groups(tmp_path):
    # corpora/crawl 001c610b2efdcf0c's appendix without its header row (a page that goes on with a table): each group
    # ("I" / "Hoàn thiện thể chế, ...") holds too few full rows to tell the columns; read across the groups they do
    source = ROOT / "corpora" / "crawl" / "001c610b2efdcf0c.md"
    record = extract_file(str(restyle(source, STYLES["headerless-tables"], tmp_path)))
    rows = [o for o in record.obligations if o.text.startswith("Phối hợp rà soát, sửa đổi Luật Quy hoạch")]
    assert [([a.name for a in o.assignees if a.role == "lead"], o.deadline and o.deadline.date) for o in rows] == [
        (["Sở Tài chính"], "2025-12-31")]


# crawl d71b3a48efad6d2c (211/2025/QĐ-UBND Hải Phòng, a regulation), Điều 23: a clause's own "Trách nhiệm của ..." names
# whose duties its points are, a practice's head the rules bind, not the association the article names first
NOTARIES = ("Điều 23. Trách nhiệm của Hội Công chứng viên thành phố, các tổ chức hành nghề công chứng và cá nhân có liên "
            "quan\n1. Trách nhiệm của Hội Công chứng viên thành phố\na) Thực hiện và hướng dẫn, giám sát các hội viên tuân "
            "thủ các nguyên tắc hành nghề công chứng và thực hiện Quy chế này;\n2. Trách nhiệm của Trưởng các tổ chức hành "
            "nghề công chứng\na) Đề nghị Sở Tư pháp cấp, khóa hoặc thay đổi tài khoản cho công chứng viên, nhân viên của "
            "tổ chức mình.\nb) Kịp thời thông tin cho Sở Tư pháp những vấn đề phát sinh trong khi sử dụng Cơ sở dữ liệu.\n")


@pytest.mark.parametrize(("symbol", "expected"), [
    ("211/2025/QĐ-UBND", []),  # a normative text: the duties of those its rules bind are no tasks
    ("211/QĐ-UBND", [("23.2.a", []), ("23.2.b", [])]),  # elsewhere, tasks that name no body
])
def test_a_duties_heading_that_names_no_body_takes_none_from_above(symbol, expected):
    header = f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: {symbol}\nHải Phòng, ngày 17 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    assert [task for task in tasks(NOTARIES, header) if task[0] and task[0].startswith("23.2")] == expected



def test_a_task_table_right_below_an_attached_list_s_caption_is_read():
    # crawl 192068354fd1ffe5's list of tasks under a title that names no document type ("NHIỆM VỤ VÀ GIẢI PHÁP THỰC
    # HIỆN"), as a decision attaches it after its signature (the crawl's "PHỤ LỤC" label left out), its caption, then
    # the table: the caption ends the title, so the header row and the group row in capitals ("STT | NHIỆM VỤ VÀ GIẢI
    # PHÁP | CHỦ TRÌ | ...", "I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH") are the table's, not more of the title
    raw = (CRAWL / "192068354fd1ffe5.md").read_text(encoding="utf-8").split("\n")
    signature, attached = raw[raw.index("**TM. ỦY BAN"):][:5], raw[raw.index("**PHỤ LỤC**") + 2:]
    text = "\n".join(["Số: 1/QĐ-UBND", "", "QUYẾT ĐỊNH", "", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.", "",
                      "Nơi nhận:", "- Như Điều 3;", "", *signature, *attached[:attached.index("3")]])
    found = [(o.path, " ".join(o.text.split()[:4]), [a.name for a in o.assignees][:1])
             for o in extract_text(text, source=Source(path="192068354fd1ffe5.md", format="md", sha256="x")).obligations]
    assert found == [("1", "Rà soát, kịp thời", ["Sở Tài chính"]), ("2", "Đề xuất giải pháp", ["Sở Tài chính"])]


@pytest.mark.parametrize(("issuer", "title", "central"), [
    # dev vi_tb_nonum_kl_ttg_lu_daklak_2025 and vi_tb_nonum_kl_ptt_sonla_2025: the Government Office's notices of the
    # Prime Minister's and a Deputy Prime Minister's conclusions, their headers lost; the title says whose they are
    (None, "KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH VỀ CÔNG TÁC KHẮC PHỤC HẬU QUẢ MƯA, LŨ TẠI TỈNH NAM TRUNG BỘ",
     True),
    (None, "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH SƠN LA", True),
    # a province's notice of its chairman's conclusions is the province's, whatever its title (crawl 8d9779edcdd6c422)
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH", False),
    (None, "KẾ HOẠCH Triển khai thực hiện Đề án", False),
    ("Văn phòng Chính phủ", None, True),
])
def test_a_notice_of_the_prime_minister_s_conclusions_is_central(issuer, title, central):
    assert is_central(issuer, title) is central


CENTRAL_NOTICE = "VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\nHà Nội, ngày 29 tháng 11 năm 2025\nTHÔNG BÁO\n"


@pytest.mark.parametrize(("body", "expected"), [
    # dev vi_tb_nonum_kl_ttg_lu_daklak_2025: the localities that open an item, or a topic's clause, act; in a central
    # text they are the provinces' committees (ANNOTATION.md: "các bộ, ngành, địa phương")
    ("1. Các địa phương phát động ngay “Chiến dịch Quang Trung” thần tốc hỗ trợ Nhân dân xây dựng lại nhà ở bị cuốn "
     "trôi, sập đổ.\n", [("1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    ("1. Về kinh phí: Các địa phương phải động viên, phát huy mạnh mẽ tinh thần tự lực, tự cường của chính bản thân "
     "các hộ gia đình.\n", [("1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]),
    # those a body guides are not actors
    ("1. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương bố trí đất đai khu tái định cư.\n",
     [("1", ["Bộ Nông nghiệp và Môi trường"])]),
    # crawl 646f0a00d4174382: a table cell's second sentence, after its requirement, is the row's, not an item's clause
    ("1. Đầu tư mạng lưới thu gom và tái chế phụ phẩm nông nghiệp tại các địa phương\n- Yêu cầu: Quy hoạch chi tiết "
     "mạng lưới cơ sở thu gom, tái chế phụ phẩm trồng trọt (rơm, rạ) tại các vùng nông nghiệp trọng điểm.\nCác địa "
     "phương đầu tư, xây dựng cơ sở tái chế phụ phẩm trồng trọt tại vùng nông nghiệp trọng điểm.\n", []),
])
def test_the_localities_that_open_a_central_text_s_item_are_the_provinces_committees(body, expected):
    assert tasks(body, CENTRAL_NOTICE) == expected


def test_the_provinces_of_a_working_session_are_its_localities():
    # dev vi_tb_nonum_kl_ttg_lu_daklak_2025: "đã làm việc với thường trực Tỉnh ủy, Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia
    # Lai, Khánh Hòa và Lâm Đồng về công tác khắc phục hậu quả lũ lụt": the localities its items task are those four
    record = extracted(str(DEV / "vi_tb_nonum_kl_ttg_lu_daklak_2025.txt"))
    localities = [o for o in record["obligations"] if "Các địa phương" in o["text"][:40]]
    assert len(localities) == 3
    assert all([a["name"] for a in o["assignees"]] == [f"Ủy ban nhân dân tỉnh {p}" for p in
               ("Đắk Lắk", "Gia Lai", "Khánh Hòa", "Lâm Đồng")] for o in localities)


def test_the_provinces_named_at_an_article_are_those_its_appendix_lists():
    # crawl 24c6583aa4c3280a (Decision 2639/QĐ-TTg): "Điều 2. Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1 căn cứ
    # tình hình thực tế ..." where Article 1 gives "27 địa phương ... (chi tiết theo Phụ lục đính kèm)" and the appendix's
    # table lists them a row each ("1 | TUYÊN QUANG | 152.100")
    record = extracted(str(CRAWL / "24c6583aa4c3280a.md"))
    named = [a["name"] for a in next(o for o in record["obligations"] if o["path"] == "2")["assignees"]]
    assert len(named) == 27
    assert named[:2] == ["Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân tỉnh Cao Bằng"]
    assert named[-1] == "Ủy ban nhân dân tỉnh Cà Mau" and "Ủy ban nhân dân thành phố Huế" in named
    # without a list of them, the class stays the class
    article = ("Điều 2. Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1 căn cứ tình hình thực tế để quyết định mức hỗ "
               "trợ chi tiết cho các xã, đặc khu trên địa bàn.\n")
    assert tasks(article, "Số: 2639/QĐ-TTg\nQUYẾT ĐỊNH\n") == [
        ("2", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])]
    # the same table as a PDF's text layer gives it without its rules: a cell a line, or a place and its figures
    flat = ("PHỤ LỤC\n(Kèm theo Quyết định số 2639/QĐ-TTg ngày 03/12/2025 của Thủ tướng Chính phủ) Đơn vị: Triệu đồng\n"
            "STT\nĐịa phương\nKinh phí hỗ trợ cho các địa phương\nTỔNG\n2.615.000\nTUYÊN QUANG\n152.100\nCAO BẰNG\n"
            "68.900\nTHÁI NGUYÊN 100.100\nPHÚ THỌ 172.900\n")
    assert tasks(article + flat, "Số: 2639/QĐ-TTg\nQUYẾT ĐỊNH\n") == [
        ("2", sorted(f"Ủy ban nhân dân tỉnh {p}" for p in ("Tuyên Quang", "Cao Bằng", "Thái Nguyên", "Phú Thọ")))]


DAK_LAK_PLAN = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 0124/KH-UBND\nĐắk Lắk, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\n"


@pytest.mark.parametrize(("body", "expected"), [
    # crawl a49ef8a0da1f62dd: a province's text names its own Front, youth union and women's union by their heads
    ("6. Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.\n",
     [("6", sorted(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đắk Lắk",
                    "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk"]))]),
    # crawl ad5aff6c13929815: "Mặt trận Tổ quốc tỉnh" is the province's Front under its official name
    ("16. Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội Phát huy vai trò trong tuyên truyền, vận động Nhân "
     "dân.\n", [("16", sorted(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk", "các tổ chức chính trị - xã hội"]))]),
    # crawl 556b2fb4a0149576: "Mặt trận Tổ quốc Việt Nam tỉnh" in the province's text is its own, not the central
    # committee of that name; "các cấp ủy Đảng" before it is an actor that names no body, and the list goes on
    ("2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp chặt "
     "chẽ với cấp ủy, chính quyền các cấp, phát huy khối đại đoàn kết toàn dân trong tuyên truyền;\n",
     [("2", sorted(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk", "các tổ chức chính trị - xã hội"]))]),
    ("2. Các cấp ủy Đảng phối hợp chặt chẽ với cấp ủy, chính quyền các cấp trong tuyên truyền, vận động Nhân dân;\n",
     [("2", [])]),
])
def test_a_province_s_mass_organisations_named_by_their_heads(body, expected):
    assert tasks(body, DAK_LAK_PLAN) == expected


def test_a_position_and_its_tier_in_a_table_of_allowances_is_no_task():
    # crawl 02b9be7711f88c70 (Hà Nội's council resolution on allowances by position): "Bí thư Đoàn thanh niên (tương
    # đương cấp xã)." in its table names a position, now that the youth union's head is read in a province's text; a
    # task has a predicate
    record = extracted(str(CRAWL / "02b9be7711f88c70.md"))
    assert "Bí thư Đoàn thanh niên (tương đương cấp xã)" in record["text"]
    assert not [o for o in record["obligations"] if "Bí thư Đoàn thanh niên" in o["text"][:30]]


# Decimal numbering one part deeper heads the numbers below it: a plan or scheme that numbers its assignments "2.5." for
# a body and "2.5.1.", "2.5.2." for its tasks (the segmenter gives all of them the kind "subitem"). The enumerators of
# dev en_qd_123_ttg_2010 ("1.1. To build the capacity ...", "1.1.1. To prepare conditions ...", "1.2. To select ...").
LEVELS = [("1.1. To build the capacity to domestically train lawyers for international economic integration",
           "1.1.1. To prepare conditions for domestically training lawyers for international economic integration", True),
          ("1.1.1. To prepare conditions for domestically training lawyers for international economic integration",
           "1.1.2. To form joint training centers on a trial basis and to train lawyers for international economic "
           "integration:", False),
          ("1.1.3. To work out policies to support the capacity building of joint training centers.",
           "1.2. To select and send more lawyers abroad for spearhead training", False)]


@pytest.mark.parametrize(("above", "below", "heads"), LEVELS)
def test_a_decimal_number_one_part_deeper_stands_below(above, below, heads):
    from pipeline.extract.obligations import heading_level

    first, second = (b for b in segment("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt\nII. NHIỆM VỤ\n1. Nội dung\n" + above + "\n"
                                        + below + "\n").blocks if b.enum == "subitem")
    assert (heading_level(first) < heading_level(second)) is heads
    assert heading_level(second) < heading_level(segment("a) Xây dựng\n").blocks[0])  # a point stands lower still


def test_a_body_numbered_one_part_up_heads_its_tasks():
    # dev vi_kh_182_ubnd_dongnai_2025 III.2.5 and III.2.6, the bodies' tasks numbered as a scheme numbers them
    body = ("III. NHIỆM VỤ, GIẢI PHÁP\n2. Phân công nhiệm vụ\n2.5. Sở Y tế\n"
            "2.5.1. Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Y tế tổ chức "
            "triển khai thực hiện Dự án 6: “Tăng cường đáp ứng y tế trong phòng, chống ma túy” trên địa bàn tỉnh (khi Bộ Y "
            "tế có văn bản triển khai).\n"
            "2.6. Sở Văn hóa, Thể thao và Du lịch\n"
            "2.6.1. Chủ trì, phối hợp với các Sở, ban, ngành liên quan tham mưu Ủy ban nhân dân tỉnh tổ chức thực hiện "
            "Tiểu dự án 1: Truyền thông về phòng, chống ma túy (thuộc Dự án 7: “Truyền thông, giáo dục về phòng, chống ma "
            "túy”) trên địa bàn tỉnh.\n")
    found = {path: names for path, names in tasks(body)}
    assert "Sở Y tế" in found["III.2.5.1"]
    assert "Sở Văn hóa, Thể thao và Du lịch" in found["III.2.6.1"]


@pytest.mark.parametrize("lead_in", [
    # crawl 24ac05c2c7c4518e Điều 2: the bodies and what concerns them, then "có trách nhiệm:"
    "2. Sở Y tế, UBND cấp xã và các cơ quan, đơn vị có liên quan đến các lĩnh vực kiến nghị đơn giản hóa nêu tại Điều 1 "
    "của Quyết định này, có trách nhiệm:",
    # crawl 6d0e277c7b88a914 Điều 20.2: the bodies and their role ("là đầu mối ..."), then "có trách nhiệm:"
    "2. Cơ quan quân sự địa phương cấp tỉnh hoặc cơ quan khắc phục hậu quả bom mìn vật nổ cấp tỉnh là đầu mối thu thập, "
    "lưu trữ và cung cấp dữ liệu thông tin khắc phục hậu quả bom mìn vật nổ trên địa bàn có trách nhiệm:",
    # crawl 6d0e277c7b88a914 Điều 20.3: "có nhiệm vụ:" gives duties as "có trách nhiệm:" does (the text named VNMAC in
    # full before: "Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập, ...")
    "1. Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập kế hoạch.\n"
    "3. VNMAC có trách nhiệm xây dựng, quản lý cơ sở dữ liệu quốc gia về hoạt động khắc phục hậu quả bom mìn vật nổ sau "
    "chiến tranh có nhiệm vụ:",
])
def test_a_long_lead_in_that_gives_duties_is_no_task_of_its_own(lead_in):
    # the points below are the duties; the lead-in's length is its description of the bodies, not work of its own
    point = ("a) Thường xuyên theo dõi, phối hợp tham mưu Chủ tịch UBND tỉnh trong việc triển khai thực thi các phương "
             "án đơn giản hóa.\n")
    found = tasks("Điều 2.\n" + lead_in + "\n" + point, VINH_LONG_DECISION)
    lead_number = lead_in.rsplit("\n", 1)[-1][0]
    assert [path for path, _ in found if path.startswith(f"2.{lead_number}")] == [f"2.{lead_number}.a"]


def test_an_appendix_header_under_a_heading_that_names_bodies():
    # dev vi_kh_617_ubnd_dongthap_2025 as one paragraph to a line, no blank lines (the paragraph-lines house style):
    # the appendix's label and title are joined as a title the page wrapped, so the walk sees no appendix open and the
    # plan's last paragraphs still head what follows; the caption under the title and the labels of the table's header
    # the page broke into lines are no tasks all the same
    body = ("7. Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường\n"
            "Trên cơ sở Kế hoạch này, các sở, ban, ngành Tỉnh tổ chức thực hiện nhiệm vụ được giao gắn với nhiệm vụ của "
            "cơ quan, đơn vị; Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao, xây dựng kế hoạch, chương trình "
            "cụ thể để triển khai thực hiện; định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu) báo "
            "cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân Tỉnh.\n"
            "Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các cơ quan, đơn vị, địa phương phản ánh về Sở "
            "Khoa học và Công nghệ để phối hợp giải quyết; trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ tổng hợp "
            "báo cáo và đề xuất, trình Ủy ban nhân dân Tỉnh xem xét, quyết định./.\n"
            "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- CT, các PCT UBND Tỉnh;\n- Mục IV;\n- VPUB: CVP, các PCVP;\n"
            "- Lưu: VT, KGVX. Thg.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH\nHuỳnh Minh Tuấn\n"
            "PHỤ LỤC\nDANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM\n"
            "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)\n"
            "STT\nTên nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
            "I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY\n"
            "| 1 | Triển khai nền tảng đào tạo trực tuyến mở đại trà, cung cấp kiến thức, kỹ năng số, công nghệ số cơ bản. "
            "| Sở KH&CN | Các sở, ban, ngành tỉnh; UBND các xã, phường | Thường xuyên |\n")
    header = "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 617/KH-UBND\nĐồng Tháp, ngày 01 tháng 12 năm 2025\nKẾ HOẠCH\n"
    found = obligations_of(header + body)
    assert [" ".join(o.text.split()[:3]) for o in found] == ["Các sở, ban,", "Trong quá trình", "Triển khai nền"]
    assert [a.name for a in found[-1].assignees][0] == "Sở Khoa học và Công nghệ"


# dev vi_ct_010_ubnd_daklak_2025 I.1 and I.2.2.h: the directive defines a class by its members in brackets, then makes
# the class act by its name; crawl 6e205b75bcc588b5's "các cơ quan liên quan (nếu cần thiết)" brackets no bodies
INVESTMENT_REGISTRARS = ("1.\nCác cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban\nquản lý Khu "
                         "Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu\ncông nghiệp tỉnh):\n")
REGISTRARS = ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên", "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên",
              "Ban Quản lý các khu công nghiệp tỉnh Đắk Lắk"]


@pytest.mark.parametrize(("definition", "sentence", "expected"), [
    (INVESTMENT_REGISTRARS, "Cơ quan đăng ký đầu tư có\ntrách nhiệm lấy ý kiến cụ thể nội dung liên quan đến lĩnh vực "
     "đầu tư của dự án.", REGISTRARS),
    # the class after the thing it is asked for is no actor
    (INVESTMENT_REGISTRARS, "Gửi văn bản thẩm định về Cơ quan đăng ký đầu tư để tổng hợp.", []),
    ("Phối hợp với các cơ quan liên quan (nếu cần thiết) để thực hiện.\n", "Cơ quan liên quan có trách nhiệm phối hợp.",
     []),
])
def test_a_class_the_document_defines_by_its_members_names_them(definition, sentence, expected):
    text = HEADER + definition + "\n" + sentence + "\n"
    seg = segment(normalise(text))
    text = normalise(text)
    mentions = BodyMentions(text, Paragraphs(seg.blocks), AgencyRegistry.default(), language="vi",
                            province="Đắk Lắk", central=False)
    start = text.index(" ".join(sentence.split()[:3]))
    assert [m.name for m in mentions.within(start, start + len(sentence))] == expected


# dev en_qd_2281_ttg_2010 IV.4.a and en_qd_123_ttg_2010 II.1.1.2.a: the body whose agreement the work needs ("sau khi
# thống nhất với") takes part in it, as a partner does
@pytest.mark.parametrize(("body", "expected"), [
    ("IV. ORGANIZATION OF IMPLEMENTATION\n4. Project managing ministries and central agencies shall:\na) Elaborate and "
     "approve projects after reaching agreement with the Ministry of Labor, War Invalids and Social Affairs;\n",
     [["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ", "Bộ Lao động - Thương binh và Xã hội"]]),
    ("Article 2.\n1. The Ministry of Justice shall permit the formation of joint training centers after reaching agreement "
     "with the Ministry of Education and Training.\n", [["Bộ Tư pháp", "Bộ Giáo dục và Đào tạo"]]),
])
def test_a_body_whose_agreement_the_work_needs_takes_part_in_it(body, expected):
    record = passage(ENGLISH_DECISION + body)
    assert [[a.name for a in o.assignees] for o in record.obligations] == expected


# dev en_qd_332_ttg_2011 III.1.b: English renders the acting "các địa phương" as "localities" before the modal; in a
# central text they are the provinces' People's Committees, as in Vietnamese. Localities a task is for are no actor
@pytest.mark.parametrize(("body", "expected"), [
    ("Article 1.\nIII. SOLUTIONS\n1. Planning\nb) Based on the sector development master plan, localities shall revise "
     "and elaborate detailed plans and draw up lists of prioritized projects.\n",
     [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]]),
    ("Article 1.\nIII. SOLUTIONS\n1. Planning\nb) The Ministry of Finance shall allocate funds to localities.\n",
     [["Bộ Tài chính"]]),
])
def test_english_localities_that_act_are_the_provinces_committees(body, expected):
    record = passage(ENGLISH_DECISION + body)
    assert [[a.name for a in o.assignees] for o in record.obligations] == expected


# crawl 03890575449f6e05 and 84469287cb7bce65: a verb after an open-world name ends it ("ghi nhận", "liên hệ")
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cục Thuế ghi nhận vướng mắc của Thuế thành phố Hồ\nChí Minh.", ["Cục Thuế"]),
    ("Theo đó, đề nghị Hội đồng Kinh doanh Hoa\nkỳ - ASEAN liên hệ với Bộ Khoa học và Công nghệ là đơn vị chủ trì xây "
     "dựng quy\nđịnh về nhãn hàng hóa để được hướng dẫn.", ["Hội đồng Kinh doanh Hoa kỳ - ASEAN", "Bộ Khoa học và Công nghệ"]),
])
def test_a_verb_after_an_unknown_name_ends_it(sentence, expected):
    text = normalise("BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố: 1/CHQ-GSQL\nCÔNG VĂN\n" + sentence + "\n")
    mentions = BodyMentions(text, Paragraphs(segment(text).blocks), AgencyRegistry.default(), language="vi",
                            province=None, central=True)
    start = text.index(sentence.split()[0])
    assert [m.name for m in mentions.within(start, len(text))][:len(expected)] == expected


# crawl 296e373d796986f4 II.7 (dev vi_tb_648) and 6a73c878c777ca23: the state body one must work with or contact for the
# task takes part in it (ANNOTATION.md: the state bodies one must "làm việc với" are assignees)
@pytest.mark.parametrize(("sentence", "expected"), [
    ("7. Về dự án xây dựng đường cao tốc Sơn La - Điện\nBiên - Cửa khẩu Tây Trang: Tỉnh thực hiện theo chỉ đạo của Tổng Bí "
     "thư; chủ động làm việc với Bộ Xây dựng về việc\ngiao Ủy ban nhân dân tỉnh Điện Biên là cơ quan chủ quản dự án theo "
     "quy định.", ["Ủy ban nhân dân tỉnh Điện Biên", "Bộ Xây dựng"]),
    ("Đề nghị Ủy ban nhân dân tỉnh Điện Biên nghiên cứu quy định nêu trên để thực hiện và liên hệ với Bộ Khoa học và Công "
     "nghệ để được hướng dẫn.", ["Ủy ban nhân dân tỉnh Điện Biên", "Bộ Khoa học và Công nghệ"]),
])
def test_the_body_a_task_must_be_worked_out_with_takes_part(sentence, expected):
    header = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 648/TB-VPCP\nHà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Thủ tướng "
              "Chính phủ tại buổi làm việc với lãnh đạo tỉnh Điện Biên\n")
    [task] = passage(header + sentence + "\n").obligations
    assert [a.name for a in task.assignees] == expected


def test_an_addressees_list_of_provinces_goes_on_past_a_dash():
    # dev vi_cd_223_ttg_2025: the page broke the provinces' list after a comma and set a dash before its last places
    header = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 223/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
              "V/V TẬP TRUNG ỨNG PHÓ LŨ ĐẶC BIỆT LỚN TẠI KHÁNH HÒA, ĐẮK LẮK VÀ GIA LAI\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
              "- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai,\n- Đắk Lắk và Khánh Hòa;\n"
              "- Các Bộ: Quốc phòng, Công an;\n")
    body = "1. Tiếp tục huy động tối đa các lực lượng, phương tiện cần thiết.\n"
    assert [a.name for a in passage(header + body).addressees] == [
        "Tỉnh ủy Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", "Tỉnh ủy Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk",
        "Tỉnh ủy Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa", "Bộ Quốc phòng", "Bộ Công an"]


def _first_assignees(text: str) -> list[str] | None:
    """The names the first obligation of a passage gives, None when it yields none."""
    obligations = passage(text).obligations
    return [a.name for a in obligations[0].assignees] if obligations else None


@pytest.mark.parametrize(("clause", "assignees"), [
    # crawl ad5aff6c13929815 VI.18.a (Bắc Ninh's digital transformation plan): a class of enterprises named by its trades
    # opens the clause; named as written
    ("a) Doanh nghiệp viễn thông, bưu chính ưu tiên đầu tư nâng cấp hạ tầng số, hạ tầng bưu chính rộng khắp, đồng hành "
     "cùng Nhà nước trong đào tạo kỹ năng số cho người dân.", ["các doanh nghiệp viễn thông, bưu chính"]),
    # dev vi_kh_179_ubnd_dongnai_2025 VI.19.a: one class to each "doanh nghiệp" of the list
    ("a) Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên bố trí nguồn lực đầu tư xây dựng, nâng cấp hạ tầng "
     "số, hạ tầng bưu chính rộng khắp cả nước đáp ứng yêu cầu bùng nổ của phát triển kinh tế số, xã hội số.",
     ["các doanh nghiệp viễn thông", "các doanh nghiệp bưu chính"]),
    # dev vi_kh_310_ubnd_hanoi_2025 III.4.b and dev vi_qd_2629_ttg_2025 IV.4
    ("b) Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các mục tiêu, nhiệm vụ, giải pháp của kế hoạch này do doanh "
     "nghiệp triển khai.", ["các doanh nghiệp viễn thông"]),
    ("4. Các doanh nghiệp công nghệ số căn cứ vào nội dung, nhiệm vụ và giải pháp của Chương trình, xây dựng các nội dung "
     "triển khai, đề xuất giải pháp với các bộ, ngành, địa phương.", ["các doanh nghiệp công nghệ số"]),
    # crawl ad5aff6c13929815 V.6.c: "Doanh nghiệp" alone, among other people, names nobody
    ("c) Doanh nghiệp, tổ chức, cơ sở giáo dục tự chủ tài chính có trách nhiệm bố trí nguồn lực phù hợp để thực hiện các "
     "nội dung được giao.", []),
    # crawl ad5aff6c13929815 VI.18.d: a copula makes the class what the sentence describes, not an actor
    ("d) Doanh nghiệp công nghệ số là lực lượng tiên phong trong kiến tạo hạ tầng, phát triển nền tảng, dẫn dắt đổi mới "
     "sáng tạo và đào tạo nhân lực cho chuyển đổi số tỉnh.", []),
    # dev vi_qd_2629_ttg_2025 (appendix II): a name goes on after the trade; the class's reach is unsure
    ("3. Doanh nghiệp công nghệ số Việt Nam tận dụng công nghệ nguồn mở để tự chủ công nghệ, phát triển sản phẩm và làm "
     "chủ thị trường, góp phần bảo đảm an toàn, an ninh mạng cho Chính phủ số.", []),
])
def test_a_class_of_enterprises_named_by_its_trade_acts(clause, assignees):
    assert (_first_assignees(clause + "\n") or []) == assignees


def test_a_heading_addresses_a_class_of_enterprises_with_cac():
    # crawl ad5aff6c13929815 VI.18 and III.9: "18. Các doanh nghiệp công nghệ số" addresses the points under it; "9. Doanh
    # nghiệp số" alone is one of the plan's topics, over work no enterprise is given
    point = ("c) Phối hợp các sở, ngành, trường đại học, cao đẳng xây dựng chương trình đào tạo công nghệ thông tin, điện "
             "tử - viễn thông, an toàn thông tin theo hướng gắn lý thuyết với thực tiễn.\n")
    assert "các doanh nghiệp công nghệ số" in _first_assignees("18. Các doanh nghiệp công nghệ số\n" + point)
    topic = ("9. Doanh nghiệp số\nPhát triển các doanh nghiệp số là lực đẩy chủ đạo để chuyển đổi mô hình tăng trưởng, "
             "nâng cao năng suất và năng lực cạnh tranh của tỉnh.\n")
    assert all("các doanh nghiệp số" not in [a.name for a in o.assignees] for o in passage(topic).obligations)


def test_a_class_of_enterprises_is_given_no_work_by_a_normative_text():
    # dev vi_kh_310_ubnd_hanoi_2025 III.4.b's clause under a decree's article: the rules bind enterprises, they give work
    # to state bodies only (ANNOTATION.md, normative documents)
    clause = ("Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các mục tiêu, nhiệm vụ, giải pháp của kế hoạch này do "
              "doanh nghiệp triển khai.")
    assert passage(_DECREE_HEAD + "Điều 12. Trách nhiệm thi hành\n2. " + clause + "\n").obligations == []


@pytest.mark.parametrize(("header", "clause", "expected"), [
    # dev vi_nq_380_cp_2025 III.5: the Front "và các tổ chức thành viên" (its member organisations, not named), then the
    # bodies the subject goes on to name
    ("CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n",
     "5. Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên, các tổ chức "
     "chính trị xã hội, Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ, quyền hạn của mình chủ động thúc đẩy hợp tác quốc tế, "
     "tiếp tục đẩy mạnh vận động, kêu gọi ủng hộ.",
     ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội", "Hội Chữ thập đỏ Việt Nam"]),
    # crawl 24c7124ec6b2bf61 III.1 (Cần Thơ's programme): the same in a city's text
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\nSố: 153/KH-UBND\nCần Thơ, ngày 17 tháng 11 năm 2025\nKẾ HOẠCH\n",
     "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên, Thủ trưởng sở, ban, ngành thành "
     "phố và Chủ tịch Ủy ban nhân dân xã, phường tổ chức quán triệt sâu rộng Chương trình và các văn bản có liên quan.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ", "các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]),
])
def test_the_fronts_member_organisations_do_not_end_the_subject(header, clause, expected):
    assert _first_assignees(header + clause + "\n") == expected
