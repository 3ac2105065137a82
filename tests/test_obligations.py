"""Obligations on short real passages: (text, expected tasks as (path, assignees, first words)).

The passages are copied from documents of ../shared/corpus/dev (file named in each comment) so the
table reads like the annotation rules of ANNOTATION.md.
"""

from __future__ import annotations

import hashlib

import pytest

from pipeline.extract.cue_index import anchor
from pipeline.extract.document import extract_text
from pipeline.extract.obligation_cues import INNER_OPENER, cue_index, cues
from pipeline.extract.task_tables import TaskTable
from pipeline.records import Source

HEADER = "Số: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"


def obligations(text: str):
    source = Source(path="passage.txt", format="txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    return extract_text(text, source=source).obligations


def tasks(body: str, header: str = HEADER) -> list[tuple[str | None, list[str], str]]:
    return [(o.path, sorted(a.name for a in o.assignees), " ".join(o.text.split()[:3]))
            for o in obligations(header + body)]


CASES = [
    # vi_cd_220_ttg_2025: an item that only names bodies heads its points; it is no task itself
    ("II. VỀ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN\n"
     "1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ,\nChủ tịch Ủy ban nhân dân các tỉnh, thành phố\n"
     "a) Tập trung triển khai các nhiệm vụ, giải pháp về cung cấp dịch vụ công trực tuyến.\n"
     "b) Hoàn thành 100% TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến trong năm 2025.\n",
     [("II.1.a", ["các bộ", "các cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
       "Tập trung triển"),
      ("II.1.b", ["các bộ", "các cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
       "Hoàn thành 100%")]),
    # vi_cd_nonum_kinhtevimo_xuatkhau_2025: the same with the vague group of ANNOTATION.md
    ("1. Các Bộ, cơ quan, địa phương\n"
     "a) Thực hiện nhất quán mục tiêu ưu tiên giữ vững ổn định kinh tế vĩ mô, kiểm soát lạm phát.\n",
     [("1.a", ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ",
               "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "Thực hiện nhất")]),
    # vi_tb_623_vpcp_2025: "Về kiến nghị ...:" is the topic the paragraphs below answer, however long; they
    # carry its path
    ("III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
     "2. Về kiến nghị tăng mức hỗ trợ của ngân sách trung ương khoảng 143.000 tỷ đồng trong Kế hoạch đầu tư "
     "công trung hạn 2026-2030:\n"
     "Giao Bộ Tài chính nghiên cứu kiến nghị của tỉnh Đắk Lắk trong quá trình tổng hợp nhu cầu chung.\n",
     [("III.2", ["Bộ Tài chính"], "Giao Bộ Tài")]),
    # vi_tb_653_vpcp_2025: praise is no task, and a lead-in ending in "đề nghị:" only frames its points
    ("2. Về Dự án Nhà máy điện khí\n"
     "a) Đánh giá cao những nỗ lực của Chủ đầu tư trong thời gian vừa qua, đã hoàn thành được một số mốc tiến độ.\n"
     "b) Để đạt được mục tiêu phát điện sớm hơn tiến độ\nđã đề ra trong Điều chỉnh Quy hoạch điện VIII, đề nghị:\n"
     "(i) Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo\n"
     "các sở, ngành liên quan hướng dẫn Chủ đầu tư hoàn thiện quy hoạch 1/500 theo\nquy định.\n"
     "(ii) Bộ Công Thương chỉ đạo Tập đoàn Điện lực Việt\nNam đẩy nhanh quá trình đàm phán.\n",
     [("2.b.i", ["Ủy ban nhân dân thành phố Hồ Chí Minh"], "Ủy ban nhân"),
      ("2.b.ii", ["Bộ Công Thương"], "Bộ Công Thương")]),
    # vi_kh_172_ubnd_hcm_2025: where the money comes from is no task
    ("III. KINH PHÍ THỰC HIỆN\n"
     "1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước hằng năm.\n"
     "2. Sở Tài chính chủ trì, phối hợp\nvới các sở, ngành, cơ quan liên quan bố trí kinh phí chi thường xuyên.\n",
     # under this file's central header (a công điện of the Prime Minister) a Sở is every province's Sở
     [("III.2", ["Sở Tài chính các tỉnh, thành phố trực thuộc Trung ương"], "Sở Tài chính")]),
    # vi_tb_631_vpcp_2025 and others: the closing "thông báo để ... biết, thực hiện" is no task
    ("1. Bộ Xây dựng hoàn thiện hồ sơ trước ngày 15/12/2025.\n"
     "Văn phòng Chính phủ thông báo để các Bộ, cơ quan\nliên quan biết, thực hiện./.\n",
     [("1", ["Bộ Xây dựng"], "Bộ Xây dựng")]),
    # vi_cv_5095_sgddt-cttthssv_hanoi_2025: nor is a bare "nghiêm túc thực hiện./." exhortation
    ("1. Các trường rà soát danh sách học sinh.\n"
     "Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.\n",
     [("1", [], "Các trường rà")]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_tasks_of_a_passage(body, expected):
    assert tasks(body) == expected


HCM_HEADER = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n\nSố: 172/KH-UBND\n\n"
              "Thành phố Hồ Chí Minh, ngày 10 tháng 10 năm 2025\n\nKẾ HOẠCH\n\n")

REPORTS_TO = [
    # vi_kh_172_ubnd_hcm_2025 IV.3: "báo cáo kết quả thực hiện về X", X the issuing city; "(thông qua Y)" a channel
    ("IV. TỔ CHỨC THỰC HIỆN\n3. Thủ trưởng các sở, ban, ngành chịu trách nhiệm triển khai, thực\n"
     "hiện Kế hoạch này và báo cáo kết quả thực hiện về Ủy ban nhân dân Thành phố\n"
     "(thông qua Sở Nội vụ để tổng hợp).\n",
     ["Ủy ban nhân dân thành phố Hồ Chí Minh"]),
    # crawl: "gửi về X, Y để theo dõi"
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp xây dựng kế hoạch triển khai, gửi về Sở Nội vụ để theo dõi.\n",
     ["Sở Nội vụ"]),
]


@pytest.mark.parametrize(("body", "expected"), REPORTS_TO)
def test_reports_to(body, expected):
    assert [o.reports_to for o in obligations(HCM_HEADER + body)] == [expected]


# the prefilter's anchors: a word each match of the fragment contains (None: the fragment requires none)
ANCHORS = [
    (r"chịu\s+trách\s+nhiệm\s+thi\s+hành", "trách"),  # any white space between words: each word alone
    ("(?:Quyết định|Nghị quyết) này có hiệu lực", "này có hiệu lực"),  # literal spaces are required as written
    ("requests?", "request"),  # an optional letter is not required
    (r"(?:để|được)\s[^.;]{0,150}?biết,?\s+(?:và\s+)?thực\s+hiện", "biết"),  # not inside groups or classes
    ("(?:shall )?takes? effect (?:as )?(?:from|on) ", "effect"),
    ("Bộ|Sở", None),  # a top-level alternation requires neither
    (r"\d{1,2}/\d{4}", None),
]


@pytest.mark.parametrize(("fragment", "expected"), ANCHORS)
def test_anchor_of_a_cue_fragment(fragment, expected):
    assert anchor(fragment) == expected


# (text, cue list, window) -> whether the list's regex runs there; with the regex's own verdict beside it
PREFILTER = [
    ("Chánh Văn phòng, Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này./.", "closing", True),
    ("Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.", "closing", True),
    ("Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí chi thường xuyên.", "closing", False),
    ("Quyết định này có hiệu lực kể từ ngày ký.", "document_clause", True),
    ("BÃI BỎ Quyết định số 12/2020/QĐ-UBND.", "document_clause", True),  # upper case: the text is lower-cased
    ("Bộ Xây dựng hoàn thiện hồ sơ trước ngày 15/12/2025.", "document_clause", False),
    ("Để đảm bảo tiến độ, yêu cầu Bộ Y tế khẩn trương hoàn thành.", "inner_opener", True),
    ("Bộ Y tế khẩn trương hoàn thành.", "inner_opener", False),
]


@pytest.mark.parametrize(("text", "name", "runs"), PREFILTER)
def test_the_prefilter_skips_only_blocks_the_regex_cannot_match(text, name, runs):
    c = cues()
    regex = {"closing": c.units.closing, "document_clause": c.units.document_clause, "inner_opener": INNER_OPENER}[name]
    assert cue_index(text).may_match(name, 0, len(text)) is runs
    assert bool(regex.search(text)) is runs


def test_an_anchor_must_end_inside_the_window():
    text = "Các đơn vị chịu trách nhiệm thi hành."
    at = text.index("trách")
    assert cue_index(text).may_match("closing", 0, at + len("trách"))
    assert not cue_index(text).may_match("closing", 0, at + 3)  # "trá": the word is cut by the window
    assert not cue_index(text).may_match("closing", at + 1, len(text))


# task-table headers (crawl plans): the columns a header row names; a row of data names none
HEADERS = [
    (["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
     {"task": 1, "lead": 2, "support": 3, "deadline": 4}),
    (["STT", "Nhiệm vụ", "Tiến độ"], {"task": 1, "deadline": 2}),
    (["STT", "Nội dung", "Ghi chú"], None),  # neither a lead nor a deadline column: no task table
    (["1", "Xây dựng kế hoạch triển khai thực hiện nhiệm vụ chuyển đổi số năm 2026 của tỉnh", "Sở Khoa học và Công nghệ",
      "Quý I/2026"], None),  # a cell this long is data, though it says "nhiệm vụ"
]


@pytest.mark.parametrize(("cells", "expected"), HEADERS)
def test_task_table_header(cells, expected):
    table = TaskTable("", cues().layout.columns, cue_index(""), lambda s, e: [], lambda m: False)
    assert table.header(cells) == expected
