"""A document written in another house style gives the same tasks.

Each row takes a real document of ../shared and rewrites one convention the way other issuers, sites or tools
write it (the article word in capitals, ...); the tasks found (their paths, assignees and due dates) must not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.evaluate_styles import STYLES as HOUSE_STYLES
from pipeline.evaluate_styles import (
    flat_tables,
    save_docx,
    save_html,
    save_html_lists,
    save_html_merged_cells,
    wrapped,
)
from pipeline.extract.document import extract_file, extract_text
from pipeline.records import Source
from tests.conftest import CRAWL, DEV


def _keys(obligations) -> list[tuple[str | None, list[str], str | None]]:
    """Each task's path, assignees and due date (its text follows the rewrite)."""
    return [(o.path, [a.name for a in o.assignees], o.deadline.date if o.deadline else None) for o in obligations]


def _tasks(text: str, name: str) -> list[tuple[str | None, list[str], str | None]]:
    source = Source(path=name, format="md", sha256="0" * 64)
    return _keys(extract_text(text, source=source).obligations)


STYLES: list[tuple[str, str, Callable[[str], str]]] = [
    # Nghị định 25/2025/NĐ-CP (107 tasks under its Điều 2) with "ĐIỀU 1.", as older and some provincial texts write it
    ("389276e8dae699ce.md", "article word in capitals",
     lambda text: re.sub(r"(?m)^(\**)Điều(?= \d)", r"\1ĐIỀU", text)),
    # crawl 8d9779edcdd6c422 (an article's number on its own line, its title "Trách nhiệm của các Sở, ngành Thành phố"
    # below it) and crawl b527d7996ed66f24 (a department's regulation: "ĐIỀU 1. Vị trí và chức năng" describes the
    # department, no task), each with "ĐIỀU" for "Điều"
    ("8d9779edcdd6c422.md", "article word in capitals", lambda text: re.sub(r"(?m)^(\**)Điều(?= \d)", r"\1ĐIỀU", text)),
    ("b527d7996ed66f24.md", "article word in capitals", lambda text: re.sub(r"(?m)^(\**)Điều(?= \d)", r"\1ĐIỀU", text)),
    # crawl 6d0e277c7b88a914 (a consolidated decision: "a) [34]" then the point's text, the amending text's footnote mark
    # first) with its points lettered "a."
    ("6d0e277c7b88a914.md", "points lettered with a full stop", lambda text: HOUSE_STYLES["points-with-stop"].rewrite(text)),
    # dev vi_cd_220_ttg_2025.txt (hard-wrapped, no blank lines) with its points lettered "a.", "b." instead of "a)", "b)"
    ("vi_cd_220_ttg_2025.txt", "points lettered with a full stop",
     lambda text: re.sub(r"(?m)^(\**)([a-gđ])\)\s", r"\1\2. ", text)),
    # dev vi_tb_624_vpcp_2025.txt (an appendix table of 46 tasks, one column naming the assigning text) with its dates
    # written out ("ngày 15 tháng 10 năm 2025" for "ngày 15/10/2025"): a cited text's date is no dateline
    ("vi_tb_624_vpcp_2025.txt", "dates written out",
     lambda text: re.sub(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})", r"ngày \1 tháng \2 năm \3", text)),
]


@pytest.mark.parametrize(("name", "style", "rewrite"), STYLES, ids=[f"{n}: {s}" for n, s, _ in STYLES])
def test_another_house_style_gives_the_same_tasks(name, style, rewrite):
    text = ((CRAWL if name.endswith(".md") else DEV) / name).read_text(encoding="utf-8")
    restyled = rewrite(text)
    assert restyled != text
    expected = _tasks(text, name)
    assert len(expected) > 5
    assert _tasks(restyled, name) == expected


def test_a_header_with_its_labels_one_to_a_line_stays_apart_where_lines_wrap():
    # dev vi_qd_2597_ttg_2025.txt re-wrapped at 90 characters with no blank lines, as a PDF's text layer or a scan gives
    # it: its appendix's header ("STT" / "Tên nhiệm vụ/dự án" / "Cơ quan chủ trì" ...) joins no line above and its
    # labels join none another, so the task table still reads its columns (25 rows)
    text = (DEV / "vi_qd_2597_ttg_2025.txt").read_text(encoding="utf-8")
    appendix = " ".join(text[text.index("PHỤ LỤC"):].split())

    def rows(document: str) -> list[tuple[str | None, list[str], str | None]]:
        source = Source(path="vi_qd_2597_ttg_2025.txt", format="txt", sha256="0" * 64)
        found = extract_text(document, source=source).obligations
        return _keys([o for o in found if " ".join(o.text.split())[:80] in appendix])

    expected = rows(text)
    assert len(expected) == 25
    assert rows(wrapped(text)) == expected


WRAPPED_TITLES = [
    # crawl c05552433ef48b49: a chapter's title in capitals that the page wrapped after its first word
    ("**ĐIỀU\nKHOẢN THI HÀNH**\n\n**Điều 24. Trách nhiệm của các bộ, ngành, địa phương**",
     ["ĐIỀU KHOẢN THI HÀNH", "Điều 24. Trách nhiệm của các bộ, ngành, địa phương"]),
    # crawl d6cbe14c6f6cf724: a part in capitals opens a block after the appendix's caption
    ("*(Kèm theo Quyết định số: 2904/QĐ-UBND ngày\n21/11/2025 của Chủ tịch UBND tỉnh)*\n"
     "**PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH**",
     ["(Kèm theo Quyết định số: 2904/QĐ-UBND ngày 21/11/2025 của Chủ tịch UBND tỉnh)",
      "PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH"]),
]


POINT_OPENERS = [
    # dev vi_cd_223_ttg_2025.txt with its items numbered "2/", as some issuers and sites number them
    ("biện pháp cấp bách cần thiết để ứng phó với mưa lũ đặc biệt lớn, nhất là bảo\nđảm an toàn tính mạng cho người "
     "dân.\n2/ Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,\nĐắk Lắk, Gia Lai:",
     ["biện pháp cấp bách cần thiết để ứng phó với mưa lũ đặc biệt lớn, nhất là bảo đảm an toàn tính mạng cho người "
      "dân.", "2/ Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:"]),
    # ... and not a symbol the page wrapped after its number ("số 15/" / "2025/NĐ-CP")
    ("theo Nghị định số 15/\n2025/NĐ-CP", ["theo Nghị định số 15/ 2025/NĐ-CP"]),
    # gazette vi_tt_13_2026_nhnn.pdf, an annexed form whose points are lettered "a.", "b."
    ("1. Tên:\na. Tên đầy đủ bằng tiếng Việt; tên viết tắt bằng tiếng Việt (nếu có).\nb. Tên đầy đủ bằng tiếng nước "
     "ngoài (nếu có); tên viết tắt bằng tiếng nước \nngoài (nếu có).",
     ["1. Tên:", "a. Tên đầy đủ bằng tiếng Việt; tên viết tắt bằng tiếng Việt (nếu có).",
      "b. Tên đầy đủ bằng tiếng nước ngoài (nếu có); tên viết tắt bằng tiếng nước ngoài (nếu có)."]),
    # dev vi_cd_220_ttg_2025.txt, an appendix: a point numbered in brackets opens a block; crawl e13e31ece6a27b0d: a form's
    # note numbers in brackets, wrapped mid-sentence, do not
    ("21 Luật, 153 Nghị định, 08 Quyết định của Thủ tướng Chính phủ, 134 Thông tư, 03\nThông tư liên tịch\n(1) Bộ\n"
     "Tài chính đề nghị sửa 03 Luật",
     ["21 Luật, 153 Nghị định, 08 Quyết định của Thủ tướng Chính phủ, 134 Thông tư, 03 Thông tư liên tịch",
      "(1) Bộ Tài chính đề nghị sửa 03 Luật"]),
    ("**Điều 3. **Các ông (bà) (8), (9), (10), (11) và\n(12) chịu trách nhiệm thi hành Quyết định này./.",
     ["Điều 3. Các ông (bà) (8), (9), (10), (11) và (12) chịu trách nhiệm thi hành Quyết định này./."]),
    # crawl 6f4ccdb7459d17a5: "p." is a ward, not a point
    ("- Công ty TNHH Giải trí Our game TCG Trading (số 208, ngõ\n66, phố Kim Mã Thượng,\np. Cống Vị, Ba Đình, Hà Nội);",
     ["- Công ty TNHH Giải trí Our game TCG Trading (số 208, ngõ 66, phố Kim Mã Thượng, p. Cống Vị, Ba Đình, Hà Nội);"]),
]


@pytest.mark.parametrize(("raw", "expected"), POINT_OPENERS)
def test_a_point_opens_a_block_in_wrapped_text(raw, expected):
    assert normalise(raw).splitlines() == expected


TITLED_ARTICLES = [
    # gazette vi_nd_123_2026_cp.pdf: a PDF's text layer sets the article's standard title on its own line
    ("Điều 6. Trách nhiệm thi hành\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc \nChính phủ, Chủ "
     "tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương \nvà các tổ chức, cá nhân có liên quan chịu trách "
     "nhiệm thi hành Nghị định này.",
     ["Điều 6. Trách nhiệm thi hành", "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ "
      "tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các tổ chức, cá nhân có liên quan chịu trách "
      "nhiệm thi hành Nghị định này."]),
    # crawl 04e4130eb91f3242: an article with no title, its first sentence wrapped after a few words
    ("**Điều 1. **Công bố kèm theo\nQuyết định này Danh mục 16 thủ tục hành chính mới ban hành",
     ["Điều 1. Công bố kèm theo Quyết định này Danh mục 16 thủ tục hành chính mới ban hành"]),
]


@pytest.mark.parametrize(("raw", "expected"), TITLED_ARTICLES)
def test_an_article_title_on_its_own_line(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("raw", "expected"), WRAPPED_TITLES)
def test_divisions_in_capitals(raw, expected):
    assert normalise(raw).splitlines() == expected


# crawl a0079a10826a1d45's header re-wrapped with no blank lines: the number's cell and the dateline are cells of
# the header, blocks of their own; the type's title opens after them
WRAPPED_HEADER = ("Số: 1948/QĐ-UBND\nCao Bằng, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC "
                  "HÀNH CHÍNH VÀ PHÊ DUYỆT QUY TRÌNH NỘI BỘ GIẢI\nQUYẾT THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC KHÍ TƯỢNG THỦY "
                  "VĂN;\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
GLUED_DATELINE_HEADER = ("Số: 3005/QĐ-UBND\nHà Tĩnh, ngày 01 tháng12 năm 2025\nQUYẾT ĐỊNH CÔNG BỐ DANH MỤC VÀ QUY TRÌNH "
                         "NỘI BỘ THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG LĨNH\nVỰC GIÁM ĐỊNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ Y "
                         "TẾ TRÊN ĐỊA BÀN TỈNH HÀ TĨNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;")
HEADER_CELLS = [
    (WRAPPED_HEADER, ["Số: 1948/QĐ-UBND", "Cao Bằng, ngày 18 tháng 11 năm 2025",
                      "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH VÀ PHÊ DUYỆT QUY TRÌNH NỘI BỘ GIẢI QUYẾT "
                      "THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC KHÍ TƯỢNG THỦY VĂN;",
                      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]),
    # the number wrapped after its hyphen goes on below
    ("Số: 1948/QĐ-\nUBND\nCao Bằng, ngày 18 tháng 11 năm 2025",
     ["Số: 1948/QĐ- UBND", "Cao Bằng, ngày 18 tháng 11 năm 2025"]),
    # gazette vi_qd_844_ttg_2026.pdf: the plan attached after the decision's signature opens under the motto; the motto's
    # last line is a line of its own, and the plan's title with it
    ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH HÀNH ĐỘNG\nThực hiện "
     "Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư về thực hiện bảo hiểm y tế toàn dân trong giai đoạn mới\n"
     "(Kèm theo Quyết định số 844/QĐ-TTg ngày 13 tháng 5 năm 2026 của Thủ tướng Chính phủ)",
     ["THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH HÀNH ĐỘNG",
      "Thực hiện Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư về thực hiện bảo hiểm y tế toàn dân trong "
      "giai đoạn mới",
      "(Kèm theo Quyết định số 844/QĐ-TTg ngày 13 tháng 5 năm 2026 của Thủ tướng Chính phủ)"]),
    # crawl 1ea5e769bcf16b99's header, wrapped: a dateline whose month is glued to its word is a cell all the same
    (GLUED_DATELINE_HEADER, ["Số: 3005/QĐ-UBND", "Hà Tĩnh, ngày 01 tháng12 năm 2025",
                             "QUYẾT ĐỊNH CÔNG BỐ DANH MỤC VÀ QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG LĨNH "
                             "VỰC GIÁM ĐỊNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ Y TẾ TRÊN ĐỊA BÀN TỈNH HÀ TĨNH",
                             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;"]),
]


@pytest.mark.parametrize(("raw", "expected"), HEADER_CELLS)
def test_the_header_cells_stand_apart_in_wrapped_text(raw, expected):
    assert normalise(raw).splitlines() == expected


@pytest.mark.parametrize(("name", "issuer", "header", "symbol", "issued_on", "title"), [
    ("a0079a10826a1d45.md", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", WRAPPED_HEADER, "1948/QĐ-UBND", "2025-11-18",
     "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH"),
    # crawl 1ea5e769bcf16b99 wrapped as a PDF's text layer: its title ("CÔNG BỐ DANH MỤC ... THỦ TỤC HÀNH CHÍNH") says it
    # publishes procedures, so the procedures it prints are no tasks; the title was lost when the dateline, its month
    # glued to its word, ran on into it
    ("1ea5e769bcf16b99.txt", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", GLUED_DATELINE_HEADER, "3005/QĐ-UBND", "2025-12-01",
     "CÔNG BỐ DANH MỤC VÀ QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH"),
])
def test_the_title_is_read_from_a_wrapped_header(name, issuer, header, symbol, issued_on, title):
    source = Source(path=name, format=name.rsplit(".", 1)[1], sha256="0" * 64)
    metadata = extract_text(f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{header}",
                            source=source).metadata
    assert (metadata.symbol, metadata.issued_on) == (symbol, issued_on)
    assert metadata.title and metadata.title.startswith(title)


def test_an_english_decision_wrapped_is_numbered_by_its_attachment_caption():
    # dev en_qd_40_ttg_2016 wrapped as a PDF's text layer: the page prints no header, and the decision's number and date
    # stand only in the caption under the strategy it promulgates; the caption, a line of its own, was run on into the
    # strategy's title above it ("... with a vision toward 2030 (Promulgated together with ...)")
    source = Source(path="en_qd_40_ttg_2016.txt", format="txt", sha256="0" * 64)
    raw = (DEV / "en_qd_40_ttg_2016.txt").read_text(encoding="utf-8")
    record = extract_text(wrapped(raw), source=source)
    assert (record.metadata.symbol, record.metadata.issued_on) == ("40/QĐ-TTg", "2016-01-07")
    assert "\n(Promulgated together with the Prime Minister’s Decision No. 40/QD-TTg of January 7, 2016)" in record.text


def test_a_form_annexed_opens_at_its_senders_placeholder():
    # crawl 548693349b18e8cf (a regulation on rating civil servants) as a PDF's text layer gives it (cells one to a line,
    # no rulings): its appendix is a scoring form, whose points ("a) Chấp hành chủ trương ...", scored 1,25) are criteria,
    # no tasks; the form opens where a header's issuer stands, with the place for its sender's name ("Phụ lục 01" /
    # "TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ"), as a form headed "Mẫu số 01" does
    raw = (CRAWL / "548693349b18e8cf.md").read_text(encoding="utf-8")
    source = Source(path="548693349b18e8cf.txt", format="txt", sha256="0" * 64)
    texts = [o.text for o in extract_text(flat_tables(raw), source=source).obligations]
    assert not [text for text in texts if text.startswith(("Chấp hành chủ trương", "Có quan điểm", "Đặt lợi ích"))]
    assert any(text.startswith("Trực tiếp chỉ đạo triển khai") for text in texts)


def test_a_statistics_tables_figures_one_to_a_line_are_no_tasks():
    # dev vi_cd_220_ttg_2025 as a PDF's text layer gives it: its appendix II lists each ministry's share of procedures
    # online ("2. Bộ Văn hóa, Thể thao và Du lịch" / "- 94,29"); a figure alone asks nothing of the body above it, nor
    # does a row run into one line ("6. Bộ Xây dựng 84,95"), which names its body and its figure only
    raw = (DEV / "vi_cd_220_ttg_2025.txt").read_text(encoding="utf-8")
    source = Source(path="vi_cd_220_ttg_2025.txt", format="txt", sha256="0" * 64)
    texts = [o.text.strip() for o in extract_text(flat_tables(raw), source=source).obligations]
    assert texts and not [text for text in texts if not re.search(r"[^\W\d_]", text)]
    assert not {"Bộ Xây dựng 84,95", "Bộ Tài chính 49,34", "Bộ Nội vụ 33,33"} & set(texts)


def test_a_header_keeps_no_more_lines_apart_than_a_table_has_columns():
    # crawl 9b7eebadf7081069's table of indicators (a form of figures, no task) as a PDF's text layer gives it: its
    # header's labels stand apart, the figures after them run on as before (they are no labels)
    raw = ("STT\nĐơn vị tính\nNăm hiện hành 2025\nNăm 2026\nNăm 2027\nNăm 2028\nKế hoạch\nƯớc thực hiện\n"
           "Tổng sản phẩm trong nước của địa phương\n(GRDP) giá hiện hành\nTỷ đồng\n172.033\n172.033\n193.549\n218.628\n"
           "247.907\nTốc độ tăng trưởng GRDP\n%\n8,00")
    lines = normalise(raw).splitlines()
    assert lines[:8] == raw.split("\n")[:8]
    assert len(lines) < 16


def _in_figures(text: str) -> str:
    return re.sub(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", r"ngày \1/\2/\3", text)


@pytest.mark.parametrize(("name", "issued"), [
    ("a12a41bbbe518be8.md", "2025-11-28"),  # "Thành phố Hồ Chí Minh, ngày 28/11/2025"
    ("8d83af6d1d146972.md", "2025-06-16"),  # "Nghị quyết này được Ủy ban Thường vụ Quốc hội ... thông qua ngày 16/6/2025."
])
def test_an_issue_date_written_in_figures(name, issued):
    text = (CRAWL / name).read_text(encoding="utf-8")
    source = Source(path=name, format="md", sha256="0" * 64)
    assert extract_text(text, source=source).metadata.issued_on == issued
    assert _in_figures(text) != text
    assert extract_text(_in_figures(text), source=source).metadata.issued_on == issued



@pytest.mark.parametrize("suffix", [".docx", ".html"])
@pytest.mark.parametrize("name", ["vi_kh_179_ubnd_dongnai_2025.txt", "c5d930a5fc8373cd.md"])
def test_the_same_document_saved_as_docx_or_served_as_a_web_page(name, suffix, tmp_path):
    # dev vi_kh_179 (a plan whose appendix is a table of tasks with sub-heading rows), crawl c5d930a5 (a plan's table
    # of tasks): paragraphs stay apart, a table's rows stay rows, and text between two tables joins no row of either
    text = ((CRAWL if name.endswith(".md") else DEV) / name).read_text(encoding="utf-8")
    path = tmp_path / (name.rsplit(".", 1)[0] + suffix)
    (save_docx if suffix == ".docx" else save_html)(text, path)
    expected = _tasks(text, name)
    assert len(expected) > 10
    assert _keys(extract_file(path).obligations) == expected


@pytest.mark.parametrize("name", ["vi_kh_0129_ubnd_daklak_2025.txt", "vi_cd_220_ttg_2025.txt"])
def test_the_same_document_served_with_html_lists(name, tmp_path):
    # dev vi_kh_0129 (a plan: numbered items over dash bullets), dev vi_cd_220 (a dispatch: numbered items, lettered
    # points): served as a web page whose bullets are <ul> items and numbered items <ol start> items, the marks drawn
    # by the browser and not in the page's text, the same tasks come out
    text = (DEV / name).read_text(encoding="utf-8")
    path = tmp_path / (name.rsplit(".", 1)[0] + ".html")
    save_html_lists(text, path)
    page = path.read_text(encoding="utf-8")
    assert "<li>" in page and "<li>- " not in page
    expected = _tasks(text, name)
    assert len(expected) > 10
    assert _keys(extract_file(path).obligations) == expected


@pytest.mark.parametrize("name", ["vi_kh_179_ubnd_dongnai_2025.txt", "c5d930a5fc8373cd.md", "vi_tb_624_vpcp_2025.txt"])
def test_the_same_document_served_with_merged_table_cells(name, tmp_path):
    # dev vi_kh_179 and crawl c5d930a5 (plans' task tables), dev vi_tb_624 (an appendix of 46 tasks): served as a web page
    # whose tables merge a lead body or a due date down the rows that repeat it (rowspan), the same tasks come out
    text = ((CRAWL if name.endswith(".md") else DEV) / name).read_text(encoding="utf-8")
    path = tmp_path / (name.rsplit(".", 1)[0] + ".html")
    save_html_merged_cells(text, path)
    assert 'rowspan="' in path.read_text(encoding="utf-8")
    expected = _tasks(text, name)
    assert len(expected) > 10
    assert _keys(extract_file(path).obligations) == expected


@pytest.mark.parametrize("name", [
    # crawl 68c706de4d068f13, a circular that amends others: "1/ Bổ sung khoản 4 sau khoản 3 Điều 3 như sau:" gives new
    # wording in quotation marks, the text's own rules ("“4. Sở Tư pháp thông báo cho chính quyền cấp xã ...")
    "68c706de4d068f13.md",
    # crawl c05552433ef48b49, a fund's regulation: "2/ Quyền hạn của Quỹ" titles powers, no tasks
    "c05552433ef48b49.md",
])
def test_items_numbered_with_a_slash_give_the_same_tasks(name):
    text = (CRAWL / name).read_text(encoding="utf-8")
    restyled = HOUSE_STYLES["items-with-slash"].rewrite(text)
    assert restyled != text
    expected = _tasks(text, name)
    assert expected and _tasks(restyled, name) == expected
