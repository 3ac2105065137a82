"""Ingest: every real format, and a clear one-line reason for every kind of bad input."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from pipeline.ingest.readers import IngestError, read_document, sniff_format
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
