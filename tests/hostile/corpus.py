"""The hostile corpus, built at test time (nothing binary is committed): every way an input has been seen or
can be made to cost unbounded time or memory, each with the reason its failure must give (None: it must
become a record)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TASK = "Giao Bộ Tài chính chủ trì, phối hợp với Bộ Nội vụ rà soát hồ sơ, hoàn thành trước ngày 15/12/2026."


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def zip_bomb_docx(unzipped_mb: int) -> bytes:
    """A DOCX whose document part inflates to many times its packed size (a run of spaces in one text)."""
    body = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t xml:space="preserve">'.encode()
    tail = f"{TASK}</w:t></w:r></w:p></w:body></w:document>".encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(body)
            block = b" " * (1 << 20)
            for _ in range(unzipped_mb):
                part.write(block)
            part.write(tail)
    return buffer.getvalue()


def billion_laughs_docx() -> bytes:
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    return _docx(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">{entities}]>'
                 f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>'
                 f'</w:document>'.encode())


def external_entity_docx() -> bytes:
    return _docx(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
                 f'</w:document>'.encode())


def _pdf(pages: int, width: float = 595, height: float = 842) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(width, height)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def thousands_of_pages_pdf(pages: int) -> bytes:
    return _pdf(pages)


def huge_page_pdf() -> bytes:
    return _pdf(1, 14_000, 14_000)  # an empty page: it would go to OCR, at 300 dpi 3.8 billion pixels


def broken_xref_pdf() -> bytes:
    data = _pdf(3)
    return data[: len(data) * 2 // 3]  # the cross-reference table and trailer cut off


def javascript_pdf() -> bytes:
    """A PDF whose catalogue runs JavaScript on opening and embeds a file; readers must ignore both."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /EmbeddedFiles 6 0 R >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        "<< /S /JavaScript /JS (app.alert\\('x'\\); this.exportDataObject\\({cName: 'a.exe'}\\);) >>",
        "<< /Type /EmbeddedFile /Length 4 >>\nstream\nMZ!!\nendstream",
        "<< /Names [(a.exe) << /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def deep_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{TASK}</p>" + "</div>" * depth + "</body></html>").encode()


def short_lines(count: int) -> bytes:
    return ("Số: 1/KH-UBND\n" + "".join(f"dòng {i % 10}\n" for i in range(count)) + TASK + "\n").encode()


def long_line(chars: int) -> bytes:
    return ((TASK + " ") * (chars // (len(TASK) + 1) + 1)).encode()


def control_characters() -> bytes:
    return ("Số: 12/CĐ-TTg\n\x01\x02\x07\x0b\x1b[31m" + TASK + "\x7f\n").encode()


def nul_bytes() -> bytes:
    return b"So: 12/CD-TTg\n\x00\x00\x00" + TASK.encode() + b"\x00\n"


def regex_stress() -> bytes:
    """The strings that drive the symbol, date, agency and enumerator patterns hardest."""
    return ("Số: " + "1/" * 50_000 + "\n" + "ngày " * 30_000 + "\n" + "Bộ " * 50_000 + "\n" + "(" * 50_000
            + "\n" + "trước ngày 1 tháng " * 7_000 + "\n" + "Các Vụ: " + "Pháp chế, " * 14_000 + "\n"
            + "1." * 50_000 + "\n" + TASK + "\n").encode()  # every line under the test's 200,000 characters


def numbered_plan(items: int) -> bytes:
    """A plan of thousands of numbered tasks, one a line: its cost was quadratic in round one."""
    return ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 100/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
            + "".join(f"{i}. {TASK}\n" for i in range(1, items + 1))).encode()


def one_line_text(megabytes: int) -> bytes:
    """Round one's 17 MB text on a single line (more than 120 s and 1.3 GB then)."""
    return (TASK + " ").encode() * (megabytes * 2**20 // (len(TASK.encode()) + 1))


# name -> (builder, the reason its failure gives, or None when it must become a record)
HOSTILE: dict[str, tuple[Callable[[], bytes], str | None]] = {
    "zip_bomb.docx": (lambda: zip_bomb_docx(64), "expands to more than"),
    "billion_laughs.docx": (billion_laughs_docx, "declares a DTD"),
    "external_entity.docx": (external_entity_docx, "declares a DTD"),
    "thousands_of_pages.pdf": (lambda: thousands_of_pages_pdf(1500), "PDF of 1500 pages"),
    "huge_page.pdf": (huge_page_pdf, "megapixels"),
    "broken_xref.pdf": (broken_xref_pdf, ""),  # either repaired (and empty) or refused as damaged
    "javascript.pdf": (javascript_pdf, ""),
    "deep.html": (lambda: deep_html(10_000), None),
    "short_lines.txt": (lambda: short_lines(300_000), None),
    "long_line.txt": (lambda: long_line(2_000_000), "a line of"),
    "control_characters.txt": (control_characters, None),
    "nul_bytes.txt": (nul_bytes, "binary content"),
    "regex_stress.txt": (regex_stress, None),
    "plan_8000_items.txt": (lambda: numbered_plan(8000), None),
    "one_line_17mb.txt": (lambda: one_line_text(17), "a line of"),
}


def write_hostile(directory: Path) -> dict[str, str | None]:
    """Write every hostile file into directory; returns name -> expected failure reason (None: a record)."""
    directory.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (build, reason) in HOSTILE.items():
        (directory / name).write_bytes(build())
        expected[name] = reason
    return expected
