"""Ingest: every real format, and a clear one-line reason for every kind of bad input."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from pipeline.extract.document import extract_file
from pipeline.ingest.readers import IngestError, html_to_text, read_document, sniff_format
from tests.conftest import DEV, FIXTURES, SAMPLES, dev_files

SAMPLE_TEXT = "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh khẩn trương báo cáo."


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = [
    # (file name, content builder, expected words in the reason)
    ("empty.txt", lambda: b"", "empty file"),
    ("junk.txt", lambda: bytes(range(256)) * 40, "binary content"),
    ("truncated.pdf", lambda: (SAMPLES / "seed_001_rendered.pdf").read_bytes()[:3000], "damaged or truncated PDF"),
    ("encrypted.pdf", lambda: (FIXTURES / "encrypted.pdf").read_bytes(), "encrypted PDF"),
    ("actually_text.pdf", lambda: SAMPLE_TEXT.encode(), "does not match the content"),
    ("actually_pdf.txt", lambda: (SAMPLES / "seed_001_rendered.pdf").read_bytes(), "does not match the content"),
    ("actually_docx.html", lambda: (SAMPLES / "seed_001_rendered.docx").read_bytes(), "does not match the content"),
    ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 200, "does not match the content"),
    ("table.xlsx", lambda: b"PK\x03\x04", "unsupported file type"),
    ("random_legacy.txt", lambda: bytes([0x80 + (i * 37) % 120 for i in range(600)]), "not UTF-8"),
]


@pytest.mark.parametrize(("name", "build", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_a_reason(tmp_path, name, build, reason):
    path = _write(tmp_path, name, build())
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file
        handle.seek(50 * 2**20 - 1)
        handle.write(b"\n")
    with pytest.raises(IngestError, match=r"file too large \(50.0 MB; limit 32 MB"):
        read_document(path)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps ă â ê ô ơ ư đ precomposed and writes the five tones as combining marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


LEGACY = [("cp1258", to_cp1258)]


@pytest.mark.parametrize(("encoding", "encode"), LEGACY)
def test_legacy_vietnamese_text_is_decoded(tmp_path, encoding, encode):
    path = _write(tmp_path, "old.txt", encode(SAMPLE_TEXT * 3))
    raw = read_document(path)
    assert SAMPLE_TEXT in raw.text.replace("\n", " ")
    assert raw.encoding == encoding


@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n...", "pdf"), (b"<!DOCTYPE html><html>", "html"), (b"\xd0\xcf\x11\xe0rest", "ole"),
    ("Số: 223/CĐ-TTg".encode(), "text"),
])
def test_sniff_format(data, expected):
    assert sniff_format(data) == expected


def test_every_format_has_a_readable_sample():
    formats = {read_document(p).format for p in SAMPLES.iterdir()}
    assert {"txt", "pdf", "docx"} <= formats


def test_born_digital_pdf_keeps_its_text_layer():
    raw = read_document(SAMPLES / "seed_001_rendered.pdf")
    assert not raw.ocr and raw.pages and raw.pages >= 1
    assert "Công điện 968/CĐ-TTg" in " ".join(raw.text.split())


def test_saved_html_page(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body>"
            "<nav>Trang chủ</nav><p>Số: 223/CĐ-TTg</p><table><tr><td>1</td><td>Bộ Y tế</td></tr></table>"
            "<p>Thủ tướng Chính phủ yêu cầu:</p></body></html>")
    raw = read_document(_write(tmp_path, "page.html", page.encode()))
    assert "Số: 223/CĐ-TTg" in raw.text and "var a" not in raw.text and "Trang chủ" not in raw.text
    assert "|" in raw.text  # table cells keep the crawl convention


HTML_LISTS = [
    # seed 000's items served as HTML lists: the marks a browser draws are written, as the directive writes them
    ("<ol start=\"2\"><li>The Ministry of Home Affairs shall proactively and actively review</li></ol>",
     "2. The Ministry of Home Affairs shall proactively and actively review"),
    ("<ol type=\"a\"><li>Promote the responsibility of leaders</li><li>Directly, proactively, and actively organize</li>"
     "</ol>", "a. Promote the responsibility of leaders\n\nb. Directly, proactively, and actively organize"),
    # dev vi_kh_0129_ubnd_daklak_2025: a bullet under a bullet takes "+", as Vietnamese texts mark it
    ("<ul><li>Hỗ trợ khẩn cấp lương thực<ul><li>Đảm bảo người già neo đơn</li></ul></li></ul>",
     "- Hỗ trợ khẩn cấp lương thực\n\n+ Đảm bảo người già neo đơn"),
    ("<ol type=\"I\"><li>MỤC ĐÍCH, YÊU CẦU</li><li>NỘI DUNG</li></ol>", "I. MỤC ĐÍCH, YÊU CẦU\n\nII. NỘI DUNG"),
    # a site's menu and breadcrumbs are no list of the document
    ("<nav><ol><li>Trang chủ</li></ol></nav><p>Thủ tướng Chính phủ yêu cầu:</p>", "Thủ tướng Chính phủ yêu cầu:"),
]


SUPERSCRIPTS = [
    # crawl d8df85cac631ac19 writes its footnote mark "414/QĐ-UBND[1]"; a page sets it in superscript
    ("<p>Giảm 0.5 ngày làm việc so với Quyết định 414/QĐ-UBND<sup>1</sup>.</p>",
     "Giảm 0.5 ngày làm việc so với Quyết định 414/QĐ-UBND[1]."),
    ("<p>Công điện số 280/CĐ-TTg<sup><a href=\"#ftn3\">3</a></sup> ngày 19/4/2023</p>",
     "Công điện số 280/CĐ-TTg[3] ngày 19/4/2023"),
    # a unit's power and an ordinal's suffix stay as the text writes them
    ("<p>diện tích 100 m<sup>2</sup> đất</p>", "diện tích 100 m2 đất"),
    ("<p>the Party Central Committee’s 4<sup>th</sup> plenum</p>", "the Party Central Committee’s 4th plenum"),
]


@pytest.mark.parametrize(("markup", "expected"), SUPERSCRIPTS)
def test_a_footnote_mark_in_superscript_stands_apart(markup, expected):
    assert html_to_text(markup).strip() == expected


def test_a_symbol_with_its_footnote_mark_is_still_a_reference(tmp_path):
    page = "<html><body><p>Thực hiện Quyết định 414/QĐ-UBND<sup>1</sup> của Ủy ban nhân dân tỉnh.</p></body></html>"
    path = _write(tmp_path, "page.html", page.encode())
    assert [r.symbol for r in extract_file(path).references] == ["414/QĐ-UBND"]


def test_a_table_cell_merged_down_its_rows_stands_in_each():
    # dev vi_kh_179_ubnd_dongnai_2025's rows 2.5 and 2.6 as a site draws them, the partners and the period merged down
    # both rows (rowspan): each row keeps its cells in their columns
    partners, period = "Các sở, ban, ngành; UBND các phường, xã", "2026 - 2030"
    markup = ("<table><tr><td>2.5</td><td>Triển khai chiến lược, kế hoạch chuyển đổi số lĩnh vực hạ tầng y tế</td>"
              f"<td>Sở Y tế</td><td rowspan=\"2\">{partners}</td><td rowspan=\"2\">{period}</td></tr>"
              "<tr><td>2.6</td><td>Triển khai chiến lược, kế hoạch chuyển đổi số lĩnh vực hạ tầng văn hóa</td>"
              "<td>Sở Văn hóa, Thể thao và Du lịch</td></tr></table>")
    rows = [cells.strip("|\n").split("\n|\n") for cells in html_to_text(markup).split("\n|\n|\n") if cells.strip("|\n")]
    assert [row[2:] for row in rows] == [["Sở Y tế", partners, period],
                                         ["Sở Văn hóa, Thể thao và Du lịch", partners, period]]


def test_cells_merged_down_a_hostile_table_do_not_multiply_the_page():
    # 400 cells of 10,000 characters, each merged down 500 rows: repeated in full they would make 2 billion characters
    cell = "Bộ Tài chính " * 770
    first = "<tr>" + "".join(f'<td rowspan="500">{cell}</td>' for _ in range(400)) + "</tr>"
    markup = "<table>" + first + "<tr></tr>" * 499 + "</table>"
    assert len(html_to_text(markup)) < 10 * len(markup)


@pytest.mark.parametrize(("markup", "expected"), HTML_LISTS)
def test_html_list_items_keep_the_marks_a_browser_draws(markup, expected):
    assert html_to_text(markup).strip() == expected


@pytest.mark.slow
def test_scanned_pdfs_are_ocred_into_vietnamese():
    for path in dev_files(".pdf"):
        raw = read_document(path)
        assert raw.ocr, path.name
        assert "Quyết định" in raw.text or "QUYẾT ĐỊNH" in raw.text or "KẾ HOẠCH" in raw.text, path.name


def test_cli_reports_bad_files_and_processes_the_rest(tmp_path):
    bad = _write(tmp_path, "empty.txt", b"")
    good = DEV / "vi_cd_223_ttg_2025.txt"
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(bad), str(good)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip() == f"obligraph: {bad}: empty file"
    assert "Traceback" not in done.stderr
    assert done.stdout.count("\n") == 1 and '"223/CĐ-TTg"' in done.stdout


GAZETTE = DEV.parent / "gazette"


def _header(name: str) -> tuple[list[str], list[str]]:
    """The two columns of a gazette PDF's first-page header, as ingest reads them."""
    text = read_document(GAZETTE / name).text.split("\n\f\n")[0]
    left, right, _ = text.split("\n|\n", 2)
    return left.splitlines(), right.splitlines()


@pytest.mark.parametrize("name, left, right", [
    ("vi_tt_13_2026_nhnn.pdf", ["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "Số: 13/2026/TT-NHNN"],
     ["Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 19 tháng 5 năm 2026"]),
    ("vi_qd_798_ttg_2026.pdf", ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 798/QĐ-TTg"],
     ["HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 05 tháng 5 năm 2026"]),
    ("vi_nq_113_cp_2026.pdf", ["CHÍNH PHỦ", "Số: 113/NQ-CP"], ["Hà Nội, ngày 25 tháng 4 năm 2026"]),
])
def test_gazette_header_is_read_column_by_column(name, left, right):
    """Issuer and number on the left, motto and dateline on the right, never mixed on one line."""
    left_lines, right_lines = _header(name)
    assert all(line in left_lines for line in left), left_lines
    assert all(line in right_lines for line in right), right_lines
    assert not any("Độc lập" in line or "ngày" in line for line in left_lines)


@pytest.mark.parametrize("name", sorted(p.name for p in GAZETTE.glob("*.pdf")))
def test_pdfium_words_are_pdfplumbers_words(name):
    """The words built from PDFium's character boxes are the ones pdfplumber finds, at its positions, on
    every page (the header used to be read with pdfplumber; the records must not change)."""
    import io

    import pdfplumber
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf_layout import page_words

    data = (GAZETTE / name).read_bytes()
    pdf = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as plumbed:
        for index, page in enumerate(plumbed.pages):
            ours = page_words(pdf[index], pdf[index].get_textpage())
            theirs = page.extract_words()
            assert sorted(w.text for w in ours) == sorted(w["text"] for w in theirs), (name, index + 1)
            for word in theirs:  # and each at pdfplumber's place, within 2 points (a "p" may start 1.5 early)
                assert any(w.text == word["text"] and abs(w.x0 - word["x0"]) < 2 and abs(w.top - word["top"]) < 1
                           for w in ours), (name, index + 1, word["text"])
    pdf.close()


# --- task tables of born-digital PDFs -------------------------------------------------------------------

TABLE_PDF = GAZETTE / "vi_qd_844_ttg_2026.pdf"


def test_task_table_rows_are_read_as_rows():
    """The decision's annex lists its tasks in a ruled table: each task is one row, with its lead body,
    partners, result and due time in its cells, not one cell per line."""
    pages = read_document(TABLE_PDF).text.split("\n\f\n")
    assert "| STT | Tên nhiệm vụ cụ thể | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |" \
        in pages[6].splitlines()
    assert ("| 28. | Tổ chức ứng dụng công nghệ thông tin trong phát triển đối tượng, thu đóng bảo hiểm y tế trực "
            "tuyến. | Bộ Tài chính | Bộ Y tế, Ủy ban nhân dân cấp tỉnh, cơ quan, đơn vị có liên quan | Các hoạt động "
            "được triển khai | Thường xuyên |") in pages[14].splitlines()
    assert pages[6].splitlines()[0] == "CÔNG BÁO/Số 286/Ngày 27-05-2026 95"  # the text above the table first


def _table_pages():
    import pypdfium2 as pdfium

    from pipeline.ingest.readers import TASK_TABLE_HINT

    for path in sorted(GAZETTE.glob("*.pdf")):
        pdf = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(pdf)):
            if TASK_TABLE_HINT.search(pdf[index].get_textpage().get_text_range()) or path == TABLE_PDF and index > 5:
                yield path, index
        pdf.close()


@pytest.mark.parametrize(("path", "index"), list(_table_pages()), ids=lambda v: getattr(v, "name", str(v)))
def test_pdfium_tables_are_pdfplumbers_tables(path, index):
    """Every gazette page ingest reads for tables gives, from PDFium's rules and characters, the very text
    pdfplumber gave (the reader used before, kept for the pages drawn with curves or forms)."""
    import pypdfium2 as pdfium

    from pipeline.ingest import pdf_tables
    from pipeline.ingest.pdf_tables import read_with_pdfplumber

    data = path.read_bytes()
    pdf = pdfium.PdfDocument(data)
    page = pdf[index]
    assert pdf_tables.read_with_pdfium(page, page.get_textpage()) == read_with_pdfplumber(data, index)
    pdf.close()


def test_a_page_drawn_otherwise_is_left_to_pdfplumber(monkeypatch):
    """A drawing the PDFium reader does not mirror (here: pretended) still gives the table's rows."""
    import pypdfium2 as pdfium

    from pipeline.ingest import pdf_layout, pdf_tables
    from pipeline.ingest.readers import _page_with_tables

    def unsupported(page):
        raise pdf_layout.UnsupportedLayout("curve")

    data = TABLE_PDF.read_bytes()
    expected = pdf_tables.read_with_pdfium((pdf := pdfium.PdfDocument(data))[7], pdf[7].get_textpage())
    monkeypatch.setattr(pdf_tables, "page_rulings", unsupported)
    assert any(line.startswith("| ") for line in expected.splitlines())
    assert _page_with_tables(data, 7, pdf[7], pdf[7].get_textpage()) == expected
    pdf.close()


SUBPATHS = [
    # (points, closed, pdfminer's reading) -- PDFium closes 're' with a line back to the start
    ([(79.224, 382.87), (79.704, 382.87), (79.704, 384.79), (79.224, 384.79), (79.224, 382.87)], True, "rect"),
    ([(10, 10), (50, 10), (50, 12), (10, 12), (10, 10)], False, "rect"),  # m l l l l, not closed
    ([(10, 10), (200, 10)], False, "line"),  # m l
    ([(10, 10), (200, 10), (10, 10)], True, "line"),  # m l h
    ([(10, 10), (200, 10), (10, 10)], False, None),  # m l l: a curve to pdfminer
    ([(10, 10), (50, 10), (60, 12), (10, 12), (10, 10)], True, None),  # not axis-aligned
    ([(10, 10), (50, 10), (50, 12)], True, None),  # a triangle
]


@pytest.mark.parametrize(("points", "closed", "kind"), SUBPATHS)
def test_subpaths_are_read_as_pdfminer_reads_them(points, closed, kind):
    from pipeline.ingest.pdf_layout import UnsupportedLayout
    from pipeline.ingest.pdf_tables import Subpath, _ruling

    if kind is None:
        with pytest.raises(UnsupportedLayout):
            _ruling(Subpath(list(points), closed), 595.44)
    else:
        ruling = _ruling(Subpath(list(points), closed), 595.44)
        assert ruling.kind == kind
        assert ruling.top == 595.44 - max(y for _, y in points)  # pdfplumber's top: from the page's top


def _chars(*specs):
    """Characters of 6 points by 10 at (x0, top): one spec per character, as (text, x0, top)."""
    from pipeline.ingest.pdf_layout import Char

    return [Char(text, x0, top, x0 + 6, top + 10) for text, x0, top in specs]


@pytest.mark.parametrize(("chars", "text"), [
    (_chars(("B", 10, 100), ("ộ", 16, 100)), "Bộ"),
    (_chars(("B", 10, 100), ("ộ", 17, 100)), "Bộ"),  # a 1-point gap: PDFium lost no space there
    (_chars(("B", 10, 100), ("ộ", 18, 100)), "B ộ"),  # a 2-point gap: the space PDFium dropped
    (_chars(("B", 10, 100), (" ", 16, 100), ("Y", 19, 100)), "B Y"),  # a drawn space
    (_chars(("Y", 30, 100.5), ("B", 10, 100)), "B Y"),  # one line, read left to right
    (_chars(("a", 10, 100), ("b", 10, 115)), "a\nb"),  # a new line past 3 points
    (_chars(("ﬁ", 10, 100), ("x", 16, 100)), "fix"),  # ligatures expanded
])
def test_chars_are_laid_out_as_pdfplumber_lays_them(chars, text):
    from pipeline.ingest.pdf_layout import chars_to_text

    assert chars_to_text(chars) == text


@pytest.mark.parametrize(("text", "count", "expected"), [
    ("Quyết định", 9, True), ("Quyết định", 10, False), ("12/2026 - 3", 1, False), ("", 1, False),
])
def test_has_letters(text, count, expected):
    from pipeline.ingest.readers import _has_letters

    assert _has_letters(text, count) is expected
