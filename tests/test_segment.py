"""Segmentation into regions: the run of regions of real documents of ../shared, one per region handler.

Each case lists the regions a document walks through (consecutive blocks of one kind as one run), so
a handler that keeps a line or hands it on wrongly changes the list.
"""

from __future__ import annotations

import re

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.segment.segmenter import (
    APPENDIX,
    ATTACHED_TITLE,
    ENUMERATORS,
    SENDER_TITLE,
    SIGNATURE_PREFIX,
    _is_header_line,
    after_note,
    match_enumerator,
    segment,
)
from tests.conftest import CRAWL, DEV


def region_runs(text: str) -> list[str]:
    runs: list[str] = []
    for block in segment(text).blocks:
        if not runs or runs[-1] != block.kind:
            runs.append(block.kind)
    return runs


REGIONS = [
    # a Công điện: addressees after the header, Nơi nhận and the signature at the end
    (DEV / "vi_cd_223_ttg_2025.txt", ["header", "addressees", "body", "recipients", "signature"]),
    # "Căn cứ ..." recitals between the header and the decision's title, a plan attached after the signature
    (DEV / "vi_qd_2623_ttg_2025.txt",
     ["header", "recital", "header", "body", "recipients", "signature", "attached_title", "body"]),
    # a crawled page: the site's summary before the document is its preamble
    (CRAWL / "0326977b5d611b9a.md", ["preamble", "header", "recital", "body", "recipients", "signature"]),
    # the notes "[1] ..." at the foot of a plan, after its signature
    (DEV / "vi_kh_0129_ubnd_daklak_2025.txt",
     ["header", "recital", "body", "recital", "body", "recipients", "signature", "footnote"]),
    # the decision's note "[1] Thực hiện đối với ...", then its appendix "PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH ...": the
    # appendix opens after the notes as after the signature
    (CRAWL / "f411a708bcdcfda7.md",
     ["header", "recital", "body", "recital", "body", "recipients", "signature", "footnote"] + ["appendix", "table_row"] * 6),
]


@pytest.mark.parametrize(("path", "expected"), REGIONS, ids=lambda v: getattr(v, "name", ""))
def test_regions(path, expected):
    assert region_runs(normalise(path.read_text("utf-8"))) == expected


def test_appendix_tables_and_footnotes():
    """vi_tb_624_vpcp_2025: after the signature, PHỤ LỤC I opens the appendix (tables of tasks, numbered
    afresh), and its "[1]" note at the end is a footnote."""
    text = normalise((DEV / "vi_tb_624_vpcp_2025.txt").read_text("utf-8"))
    seg = segment(text)
    runs = region_runs(text)
    assert runs[:5] == ["header", "body", "recipients", "signature", "appendix"]
    assert runs[-1] == "footnote" and set(runs[4:-1]) == {"appendix", "table_row"}
    assert text[slice(*seg.blocks[seg.closing_start].span)] == "Nơi nhận:"
    assert seg.blocks[seg.header_end].kind == "body"


CLOSINGS = [
    # "Nơi nhận:" and the signer's authority close the body; the lines between are recipients
    ("Số: 1/CĐ-TTg\n\nCÔNG ĐIỆN\n\nBộ Y tế chủ trì thực hiện.\n\nNơi nhận:\n- Như trên;\n\nKT. THỦ TƯỚNG\n\n"
     "PHÓ THỦ TƯỚNG", ["header", "body", "recipients", "signature"]),
    # a second document after the signature, opened by the national motto
    ("Số: 1/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nĐiều 1. Bộ Y tế chủ trì.\n\nNơi nhận:\n\nTHỦ TƯỚNG\n\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKẾ HOẠCH\n\n1. Bộ Tài chính bố trí kinh phí.",
     ["header", "body", "recipients", "signature", "attached_title", "body"]),
    # PHỤ LỤC after the signature: an appendix, whose numbered rows are not the body's items
    ("Số: 1/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nĐiều 1. Bộ Y tế chủ trì.\n\nNơi nhận:\n\nTHỦ TƯỚNG\n\n"
     "PHỤ LỤC\n\n1. Rà soát toàn diện các luật.", ["header", "body", "recipients", "signature", "appendix"]),
]


@pytest.mark.parametrize(("text", "expected"), CLOSINGS)
def test_closing_regions(text, expected):
    assert region_runs(normalise(text)) == expected


ENUMERATOR_CASES = [
    ("1. Bộ Y tế chủ trì", ("item", "1", 3)),
    ("1.2. Sở Tài chính", ("subitem", "1.2", 5)),
    ("12) Rà soát", ("item", "12", 4)),
    ("a) Rà soát các luật", ("point", "a", 3)),
    ("đ) Báo cáo kết quả", ("point", "đ", 3)),
    ("dd) Báo cáo", ("point", "dd", 4)),
    # crawl a6fb1f372de14a1e, d8df85cac631ac19: points lettered with a full stop, before a capital
    ("a. Định mức phân bổ chi khác đơn vị dự", ("point", "a", 3)),
    ("b. Lý do: Thời gian giải quyết", ("point", "b", 3)),
    ("v.v. và các nội dung khác", None),
    ("a. b c", None),
    ("(i) điểm", ("subpoint", "i", 4)),
    ("(2) điểm", ("subpoint", "2", 4)),
    ("- Như trên;", ("bullet", "-", 2)),
    ("+ ý kiến", ("bullet", "+", 2)),
    ("[3] Bộ Xây dựng", ("bullet", "[3]", 4)),
    # crawl 6d0e277c7b88a914 (94/VBHN-BQP): a consolidated text's note number after an amended point's or item's
    ("a) [2] Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu", ("point", "a", 7)),
    # ... and a point lettered with a full stop, as another house style letters them ("a) [34]" in the text)
    ("a. [34] Binh chủng Công binh ban hành chương trình khung huấn luyện", ("point", "a", 8)),
    ("a. [34] v.v.", None),
    ("5.[8] Đơn giá điều tra, khảo sát", ("item", "5", 6)),
    ("Điều 5. Hiệu lực thi hành", ("article", "5", 8)),
    ("Article 3. Scope", ("article", "3", 11)),
    ("Chương II QUY ĐỊNH CHUNG", ("part", "II", 10)),
    ("PHẦN I", ("part", "I", 6)),
    ("II. NHIỆM VỤ", ("section", "II", 4)),
    ("IV) Tổ chức thực hiện", ("section", "IV", 4)),
    ("XI. KIẾN NGHỊ", ("section", "XI", 4)),
    ("V. Tổ chức thực hiện", ("section", "V", 3)),
    # "\d" is any decimal digit: the opener index files the other scripts' digits with the ASCII ones
    ("٣. Arabic-Indic", ("item", "٣", 3)),
    ("Chương ٢ Tổ chức", ("part", "٢", 9)),
    ("Chương trình hành động", None),
    ("Bộ Y tế", None),
    ("Thủ tướng Chính phủ", None),
    ("", None),
]


@pytest.mark.parametrize(("line", "expected"), ENUMERATOR_CASES)
def test_match_enumerator(line, expected):
    assert match_enumerator(line) == expected


def _every_enumerator(line: str) -> tuple[str, str, int] | None:
    """match_enumerator without the opener index: every pattern in order."""
    for kind, _, pattern in ENUMERATORS:
        m = pattern.match(line)
        if m and (kind != "section" or m.group(1)):
            return kind, m.group(1) if m.groups() else m.group(0).strip(), after_note(line, m.end())
    return None


@pytest.mark.parametrize("path", [DEV / "vi_tb_624_vpcp_2025.txt", DEV / "vi_kh_0129_ubnd_daklak_2025.txt",
                                  CRAWL / "0326977b5d611b9a.md"], ids=lambda p: p.name)
def test_opener_index_changes_no_match(path):
    """The index by first character only skips patterns that cannot match: every line of real documents
    (and the table above) gets what trying every pattern gives."""
    lines = [line for line in normalise(path.read_text("utf-8")).splitlines() if line]
    lines += [line for line, _ in ENUMERATOR_CASES]
    assert [match_enumerator(line) for line in lines] == [_every_enumerator(line) for line in lines]


def _first_literals(pattern: re.Pattern[str]) -> list[str]:
    """The first character of each top-level alternative of an (optionally "^"-anchored) pattern."""
    ops = list(re._parser.parse(pattern.pattern))
    ops = [op for op in ops if op[0] is not re._constants.AT]
    kind, value = ops[0]
    if kind is re._constants.SUBPATTERN:
        kind, value = list(value[-1])[0]
    branches = value[1] if kind is re._constants.BRANCH else [[(kind, value)]]
    return [chr(list(branch)[0][1]) for branch in branches]


@pytest.mark.parametrize("pattern", [SIGNATURE_PREFIX, SENDER_TITLE, APPENDIX, ATTACHED_TITLE],
                         ids=["signature", "sender", "appendix", "attached"])
def test_closing_markers_open_with_a_capital(pattern):
    """The walk tries these markers only on lines that open with a capital letter."""
    assert not pattern.flags & re.IGNORECASE
    assert all(first.isupper() for first in _first_literals(pattern))


@pytest.mark.parametrize(("line", "header"), [
    # the number cell, however its number is written: dev vi_kh_7360_ubnd_laichau_2025 (number on the next line), the
    # OCR of dev vi_qd_2605_bgddt_2025.pdf and vi_kh_753_dct_2026.pdf, pages en_qd_57_ttg
    ("Số:", True),
    ("Số: 2605 /QĐÐ-BGDĐT Hà Nội. ngàyl6 tháng 9 năm 2025", True),
    ("Số: Á3/KH-DCT", True),
    ("No. 57/QD-TTg", True),
    # crawl d5f01e57dbf5a890: a table's row-number label opens the header row, no number cell
    ("Số TT | Tên kỳ thi | Nội dung chi | Mức chi/ Tiền công (1.000đ) | Đơn vị tính | Ghi chú", False),
])
def test_a_header_line_that_opens_with_so_is_the_number_cell(line, header):
    assert _is_header_line(line, 5) is header


@pytest.mark.parametrize(("line", "header"), [
    # crawl a12a41bbbe518be8's dateline, and in figures as another house style writes it (`dates-in-figures`): a header
    # line either way, so its "Kính gửi:" below still opens the addressees
    ("Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025", True),
    ("Thành phố Hồ Chí Minh, ngày 28/11/2025", True),
    # its recital: a cited document's date, no comma before "ngày"
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25/11/2025;", False),
])
def test_a_dateline_in_words_or_figures_is_a_header_line(line, header):
    assert _is_header_line(line, 6) is header


def test_the_addressees_below_a_dateline_in_figures():
    # crawl a12a41bbbe518be8's header with its dateline in figures: "Kính gửi:" and its list are the addressees
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 4240/UBND-VX\nV/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức\n"
            "Thành phố Hồ Chí Minh, ngày 28/11/2025\nKính gửi:\n- Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân "
            "dân Thành phố;\n- Ủy ban nhân dân các xã, phường và đặc khu.\n"
            "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX.\n")
    seg = segment(text)
    kinds = [(text[b.span[0]:b.span[1]].split()[0], b.kind) for b in seg.blocks]
    assert kinds[6:10] == [("Thành", "header"), ("Kính", "addressees"), ("-", "addressees"), ("-", "addressees")]


# The caption that ties an attached document to the decision ends its title: what follows is the document, however
# short or capitalised its first lines are (a task table's cells one per line, a section heading in capitals)
AFTER_CAPTION = [
    # crawl 437c3beb60ae2874: the plan's first section heading, in capitals, right below its caption
    ("KẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN ĐỀ ÁN “NÂNG CAO NHẬN THỨC CỘNG ĐỒNG VÀ QUẢN LÝ RỦI RO THIÊN TAI DỰA VÀO CỘNG "
     "ĐỒNG, ĐẾN NĂM 2030” TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH\n\n(Ban hành kèm theo Quyết định số 2853/QĐ-UBND ngày 21 "
     "tháng 11 năm\n2025 của Ủy ban nhân dân Thành phố)\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung",
     [("MỤC TIÊU", "body", "I"), ("Mục tiêu chung", "body", "I.1")]),
    # crawl d6cbe14c6f6cf724: a list's part heading and its table's header cells, one per line
    ("TTHC MỚI BAN HÀNH TRONG LĨNH VỰC BÁO CHÍ, XUẤT BẢN\n\n(Kèm theo Quyết định số: 2904/QĐ-UBND ngày 21/11/2025 "
     "của Chủ tịch UBND tỉnh)\n\nPHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH\n\nTT\n\nMã số TTHC",
     [("DANH MỤC THỦ TỤC HÀNH CHÍNH", "body", "I"), ("TT", "body", "I"), ("Mã số TTHC", "body", "I")]),
]


@pytest.mark.parametrize(("attached", "expected"), AFTER_CAPTION)
def test_the_caption_ends_the_attached_title(attached, expected):
    text = normalise("Số: 1/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nNơi nhận:\n"
                     "- Như Điều 3;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhùng Thành Vinh\n\n" + attached)
    blocks = segment(text).blocks
    caption = next(b for b in blocks if text[b.content_start:b.span[1]].startswith("("))
    assert caption.kind == "attached_title"
    after = [(text[b.content_start:b.span[1]].strip(), b.kind, b.path) for b in blocks if b.span[0] > caption.span[0]]
    assert after[:len(expected)] == expected


# dev vi_ct_010_ubnd_daklak_2025 II.3: point a) ends with a colon, but the text gives no points under it; its sibling
# b) follows. The colon announces nothing, so a) is a point of text, not the heading of the points after it. Where
# the points do follow (II.2's "2. Các sở, ban, ngành, địa phương:" then "a) ..."), the colon heads them.
@pytest.mark.parametrize(("body", "expected"), [
    ("3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án\n\na) Hướng dẫn và tạo điều\nkiện giải quyết nhanh các thủ tục "
     "đầu tư thuộc thẩm quyền:\n\nb) Chủ động phối hợp với\ncác cơ quan, đơn vị, địa phương liên quan khác để giải quyết "
     "trong thời hạn quy\nđịnh theo đúng chức năng, nhiệm vụ, quyền hạn và phạm vi quản lý.\n",
     [("3", True), ("3.a", False), ("3.b", False)]),
    ("2. Các sở, ban, ngành, địa phương:\n\na) Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh có liên quan đến "
     "mục tiêu hoạt động và nội dung đề xuất.\n", [("2", True), ("2.a", False)]),
])
def test_a_colon_that_announces_no_points_heads_nothing(body, expected):
    text = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 010/CT-UBND\nCHỈ THỊ\n" + body
    assert [(b.path, b.heading) for b in segment(normalise(text)).blocks if b.enum] == expected
