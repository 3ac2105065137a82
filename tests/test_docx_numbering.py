"""DOCX list numbering: the numbers, letters and bullets Word draws before a paragraph are part of its text."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml

from pipeline.extract.document import extract_file
from pipeline.ingest.docx_numbering import ListNumbering
from pipeline.ingest.readers import read_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# crawl 31ea3f5a8224b092 (a province's decision), Điều 2.1 and Điều 3 as Word's lists would number them
HEADER = ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 999/QĐ-UBND", "Nghệ An, ngày 20 tháng 11 năm 2025", "QUYẾT ĐỊNH"]
DUTIES = "Trách nhiệm của Sở Tài chính"
POINTS = [
    "Tổ chức triển khai thực hiện danh mục thủ tục hành chính tiếp nhận và trả kết quả giải quyết thủ tục hành chính "
    "không phụ thuộc vào địa giới hành chính trong phạm vi lĩnh vực quản lý;",
    "Rà soát, đánh giá điều kiện thực hiện tiếp nhận và trả kết quả giải quyết thủ tục hành chính không phụ thuộc vào "
    "địa giới hành chính;",
]
ITEM = ("Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tổ chức triển khai, "
        "hướng dẫn, đôn đốc, kiểm tra, giám sát việc thực hiện Quyết định này.")


def _numbering(document, levels: list[tuple[str, ...]], num_id: str = "90") -> str:
    """Add an abstract list definition with these (format, template[, "legal"]) levels and one instance of it; its
    numId."""
    part = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'{"<w:isLgl/>" if legal else ""}</w:lvl>' for i, (fmt, text, *legal) in enumerate(levels))
    part.append(parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    part.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _numbered(paragraph, num_id: str, ilvl: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


@pytest.mark.parametrize(("levels", "path", "labels"), [
    # (format, template) per level; the level of each paragraph; the labels Word draws
    ([("decimal", "%1.")], [0, 0, 0], ["1.", "2.", "3."]),
    ([("decimal", "%1."), ("lowerLetter", "%2)")], [0, 1, 1, 0, 1], ["1.", "a)", "b)", "2.", "a)"]),
    ([("upperRoman", "%1."), ("decimal", "%1.%2.")], [0, 1, 1, 0, 1], ["I.", "I.1.", "I.2.", "II.", "II.1."]),
    ([("upperRoman", "%1."), ("decimal", "%1.%2.", "legal")], [0, 1, 0, 1], ["I.", "1.1.", "II.", "2.1."]),
    ([("decimal", "Điều %1."), ("bullet", "\uf0b7"), ("bullet", "+")], [0, 1, 2, 0], ["Điều 1.", "-", "+", "Điều 2."]),
    ([("lowerLetter", "%1)")], [0] * 27, [*(f"{c})" for c in "abcdefghijklmnopqrstuvwxyz"), "aa)"]),
])
def test_labels_follow_the_levels(levels, path, labels):
    document = docx.Document()
    num_id = _numbering(document, levels)
    paragraphs = []
    for ilvl in path:
        paragraphs.append(document.add_paragraph("x"))
        _numbered(paragraphs[-1], num_id, ilvl)
    numbering = ListNumbering.of(document)
    assert [numbering.label(p._p) for p in paragraphs] == labels


def test_a_damaged_numbering_part_leaves_the_text_unnumbered():
    document = docx.Document()
    num_id = _numbering(document, [("decimal", "%1.")])
    document.part.numbering_part.element[-2][0].set(f"{{{W_NS}}}ilvl", "x")  # the level's index is no number
    paragraph = document.add_paragraph("x")
    _numbered(paragraph, num_id, 0)
    assert ListNumbering.of(document).label(paragraph._p) == ""


def test_a_style_numbers_its_paragraphs_and_numbering_switched_off_draws_nothing():
    document = docx.Document()
    numbered = [document.add_paragraph("x", style="List Number") for _ in range(2)]  # the style holds the numPr
    plain = document.add_paragraph("x", style="List Number")
    _numbered(plain, "0", 0)  # numId 0: the paragraph's own setting turns its style's list off
    numbering = ListNumbering.of(document)
    assert [numbering.label(p._p) for p in (*numbered, plain)] == ["1.", "2.", ""]


def test_a_plan_numbered_by_word_reads_as_the_typed_one(tmp_path):
    typed, drawn = docx.Document(), docx.Document()
    num_id = _numbering(drawn, [("decimal", "%1."), ("lowerLetter", "%2)")])
    for line in HEADER:
        typed.add_paragraph(line)
        drawn.add_paragraph(line)
    for level, text in [(0, DUTIES), *((1, point) for point in POINTS), (0, ITEM)]:
        _numbered(drawn.add_paragraph(text), num_id, level)
    typed.add_paragraph(f"1. {DUTIES}")
    for letter, point in zip("ab", POINTS, strict=True):
        typed.add_paragraph(f"{letter}) {point}")
    typed.add_paragraph(f"2. {ITEM}")
    typed.save(tmp_path / "typed.docx")
    drawn.save(tmp_path / "drawn.docx")

    assert read_document(tmp_path / "drawn.docx").text == read_document(tmp_path / "typed.docx").text
    tasks = [(o.path, [a.name for a in o.assignees]) for o in extract_file(str(tmp_path / "drawn.docx")).obligations]
    assert tasks == [("1.a", ["Sở Tài chính"]), ("1.b", ["Sở Tài chính"]), ("2", ["Văn phòng Ủy ban nhân dân tỉnh Nghệ An"])]
