"""DOCX text beyond plain runs: what a template's content controls, tracked changes and tables in cells hold is the
document's text; what was deleted with changes tracked is not."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml

from pipeline.extract.document import extract_file
from pipeline.ingest.readers import read_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# dev vi_cd_223_ttg_2025: its number, date and item 3 (a body in the item, its task after it)
NUMBER, DATELINE = "223/CĐ-TTg", "Hà Nội, ngày 20 tháng 11 năm 2025"
ITEM_3 = ("3. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo lực lượng quân đội, công an đóng trên địa bàn phối hợp chặt "
          "chẽ với địa phương, huy động tối đa lực lượng, phương tiện để hỗ trợ người dân sơ tán.")
DELETED = "Bộ Y tế chủ trì"  # a phrase a reviewer struck out


def _xml(markup: str):
    return parse_xml(f'<w:wrap xmlns:w="{W_NS}">{markup}</w:wrap>')[0]


def _page(tmp_path):
    """The dispatch as an e-office template holds it: the number in an inline content control inside the header's
    table, the dateline in a table within a cell, item 3 inserted with changes tracked beside a deletion, and a
    paragraph inside a block content control."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "THỦ TƯỚNG CHÍNH PHỦ"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    number = table.cell(1, 0).paragraphs[0]._p
    number.append(_xml('<w:r><w:t xml:space="preserve">Số: </w:t></w:r>'))
    number.append(_xml(f"<w:sdt><w:sdtPr><w:alias w:val=\"Số\"/></w:sdtPr><w:sdtContent><w:r><w:t>{NUMBER}</w:t></w:r>"
                       "</w:sdtContent></w:sdt>"))
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = DATELINE
    document.add_paragraph("CÔNG ĐIỆN")
    item = document.add_paragraph()._p
    item.append(_xml(f'<w:del w:id="1" w:author="A"><w:r><w:delText>{DELETED}, </w:delText></w:r></w:del>'))
    item.append(_xml(f'<w:ins w:id="2" w:author="A"><w:r><w:t>{ITEM_3}</w:t></w:r></w:ins>'))
    body = document.element.body
    body.insert(len(body) - 1, _xml("<w:sdt><w:sdtContent><w:p><w:r><w:t>THỦ TƯỚNG</w:t></w:r></w:p></w:sdtContent>"
                                    "</w:sdt>"))
    path = tmp_path / "vi_cd_223.docx"
    document.save(path)
    return path


def test_content_controls_tracked_changes_and_tables_in_cells_are_read(tmp_path):
    text = read_document(_page(tmp_path)).text
    for words in (f"Số: {NUMBER}", DATELINE, ITEM_3, "THỦ TƯỚNG\n"):
        assert words in text
    assert DELETED not in text


def test_the_number_in_a_content_control_and_the_inserted_task_are_extracted(tmp_path):
    record = extract_file(_page(tmp_path))
    assert (record.metadata.symbol, record.metadata.issued_on) == (NUMBER, "2025-11-20")
    assert [(o.path, [a.name for a in o.assignees]) for o in record.obligations] == [
        ("3", ["Bộ Quốc phòng", "Bộ Công an"])]
