"""Obligations on short real passages: (text, expected tasks as (path, assignees, first words)).

The passages are copied from documents of ../shared/corpus/dev (file named in each comment) so the
table reads like the annotation rules of ANNOTATION.md.
"""

from __future__ import annotations

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.cue_index import anchor
from pipeline.extract.document import extract_file
from pipeline.extract.obligation_clauses import clause_spans
from pipeline.extract.obligation_cues import INNER_OPENER, NO_TASK_CUES, cue_index, cues
from pipeline.extract.obligations import ObligationExtractor
from pipeline.extract.statistics_lines import statistic
from pipeline.extract.subject_openers import subject_openers
from pipeline.extract.task_tables import TaskTable
from pipeline.segment.segmenter import segment
from tests.conftest import CRAWL, dev_files, passage

HEADER = "Số: 999/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"


def obligations(text: str):
    return passage(text).obligations


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
    # dev vi_tb_641_vpcp_2025, vi_tb_624_vpcp_2025, vi_cv_4240_ubnd-vx_hcm_2025: how notices and letters close
    ("Văn phòng Chính phủ xin trân trọng thông báo./.", "closing", True),
    ("Văn phòng Chính phủ trân trọng thông báo để các đồng chí biết, chỉ đạo tổ chức thực hiện./.", "closing", True),
    ("Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.", "closing", True),
    ("Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện các nhiệm vụ sau:", "closing", False),
    ("Quyết định này có hiệu lực kể từ ngày ký.", "document_clause", True),
    ("BÃI BỎ Quyết định số 12/2020/QĐ-UBND.", "document_clause", True),  # upper case: the text is lower-cased
    ("Bộ Xây dựng hoàn thiện hồ sơ trước ngày 15/12/2025.", "document_clause", False),
    ("Để đảm bảo tiến độ, yêu cầu Bộ Y tế khẩn trương hoàn thành.", "inner_opener", True),
    ("Bộ Y tế khẩn trương hoàn thành.", "inner_opener", False),
]


@pytest.mark.parametrize(("text", "name", "runs"), PREFILTER)
def test_the_prefilter_skips_only_blocks_the_regex_cannot_match(text, name, runs):
    hits = cue_index(text)
    if name == "inner_opener":
        assert hits.may_match(name, 0, len(text)) is runs
        assert bool(INNER_OPENER.search(text)) is runs
        return
    phrases = {"closing": cues().units.closing, "document_clause": cues().units.document_clause}[name]
    assert phrases.found(hits, text, 0, len(text)) is runs
    for key, pattern in zip(phrases.keys, phrases.patterns, strict=True):  # each phrase runs where it can match
        assert hits.may_match(key, 0, len(text)) or not pattern.search(text)


@pytest.mark.parametrize(("text", "name", "runs"), [row for row in PREFILTER if row[1] != "inner_opener"])
def test_one_lookup_rules_a_unit_out_of_both_no_task_lists(text, name, runs):
    """The joint list of closing formulas and clauses about the document lets through every unit either matches."""
    phrases = {"closing": cues().units.closing, "document_clause": cues().units.document_clause}[name]
    if phrases.found(cue_index(text), text, 0, len(text)):
        assert cue_index(text).may_match(NO_TASK_CUES, 0, len(text))
    assert not cue_index("Bộ Xây dựng chủ trì, phối hợp với các địa phương.").may_match(NO_TASK_CUES, 0, 48)


def test_an_anchor_must_end_inside_the_window():
    text = "Các đơn vị chịu trách nhiệm thi hành."
    at = text.index("trách")
    key = "closing:0"  # "chịu trách nhiệm thi hành", anchored on "trách"
    assert cue_index(text).may_match(key, 0, at + len("trách"))
    assert not cue_index(text).may_match(key, 0, at + 3)  # "trá": the word is cut by the window
    assert not cue_index(text).may_match(key, at + 1, len(text))


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


# the first words of a clause -> whether a body can open it (a scan for bodies runs only then); real clauses
OPENERS = [
    ("Tổ chức thực hiện Kế hoạch này trong năm 2026.", False),  # "Tổ" opens names, "Tổ chức thực" none
    ("Tổ chức chính trị - xã hội các cấp tuyên truyền ...", True),  # a name of the registry's data
    ("Trong thời gian qua, công tác cải cách hành chính ...", False),
    ("trong đó, Bộ Y tế chủ trì ...", True),  # a connector word: the bodies may follow it
    ("Trong đó, Bộ Y tế chủ trì ...", False),  # connectors are case-sensitive, as the subject chain joins them
    ("Các cơ quan, đơn vị triển khai ...", True),
    ("Sở Y tế chủ trì, phối hợp với các sở, ngành ...", True),
    ("Ủy ban nhân dân tỉnh Đắk Lắk chỉ đạo ...", True),
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh ...", True),  # an office title stands for its body
    ("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì ...", True),  # a body the registry does not know: the grammar
    ("Hoàn thành trước ngày 15/12/2025.", False),
    ("Xây dựng kế hoạch triển khai ...", True),  # "Xây dựng" is a ministry's list item: the test stays cautious
]


@pytest.mark.parametrize(("clause", "opens"), OPENERS)
def test_which_clauses_a_body_can_open(clause, opens):
    assert subject_openers(AgencyRegistry.default()).may_open(clause, 0, len(clause), "vi") is opens


def test_the_opener_test_never_hides_a_subject(shared_available):
    """On real documents: wherever the full scan finds bodies at a clause's head, the cheap test lets it run."""
    for path in dev_files(".txt")[:40]:
        text = normalise(path.read_text(encoding="utf-8"))
        seg = segment(text)
        extractor = ObligationExtractor(text, seg, language="vi", issued_on=None, references=[])
        for block in seg.blocks:
            for start, end, _ in clause_spans(text, block.content_start, block.span[1]):
                if extractor.subjects.chain(start, end, extractor.subjects.near(start, end)):
                    assert extractor.subjects.openers.may_open(text, start, end, "vi"), (path.name, text[start:start + 60])


# units of figures report results; a task carries a date or two at most
STATISTICS = [
    ("Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%)", False),  # two figures: too few to tell
    ("Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%), 15 hồ sơ", True),
    ("Hoàn thành trước ngày 15/12/2025; báo cáo trước ngày 20/12/2025, 03 bản.", False),  # dates are no figures
    # nor are the numbers of a date written out: day, month and year follow their time words
    ("Thời gian hoàn thành trước ngày 31 tháng 12 năm 2025.", False),
    ("hoàn thành trước ngày 25 tháng 11 năm 2025.", False),
    ("Điều 9 Nghị định số 137/2024/NĐ-CP ngày 23 tháng 10 năm 2024 của Chính phủ.", False),
    # a statistics table's cells that a PDF's text layer set one to a line (dev vi_cd_220_ttg_2025's appendix II: the
    # share of procedures online per ministry): nothing but a figure, or a dash for none
    ("- 94,29", True),
    ("94,29", True),
    ("-", False),  # no figure either: an empty cell, read elsewhere
    ("Bộ Xây dựng 84,95", False),  # a body and its figure: too few figures to tell
]


@pytest.mark.parametrize(("unit", "reports"), STATISTICS)
def test_a_unit_of_figures_reports_results(unit, reports):
    assert statistic(unit, 0, len(unit)) is reports


def test_a_dated_heading_dates_the_points_below_it_that_give_no_date():
    body = ("1. Sở Y tế\na) Hoàn thành trong tháng 11 năm 2025, cụ thể:\n"
            "- Rà soát danh sách các cơ sở khám bệnh, chữa bệnh trên địa bàn.\n"
            "- Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.\n")
    dates = [o.deadline.date if o.deadline else None for o in obligations(HEADER + body)]
    assert dates == ["2025-11-30", "2025-12-15"]


# decisions that publish administrative procedures (crawl): many obligations before the signature, long procedures
# after it, whose labelled fields ("Cơ quan thực hiện: ...") could complete a task above them
PROCEDURE_DECISIONS = ["8bb6ac57ee7b4c5d.md", "dc1e1584661e6162.md", "31ea3f5a8224b092.md"]


@pytest.mark.parametrize("name", PROCEDURE_DECISIONS)
def test_the_walk_stops_after_the_tasks_without_changing_them(name, shared_available, monkeypatch):
    path = CRAWL / name
    stopped = extract_file(path).to_dict()["obligations"]
    monkeypatch.setattr(ObligationExtractor, "_tasks_closed", lambda self: False)  # read every block
    assert stopped == extract_file(path).to_dict()["obligations"]
    assert stopped
