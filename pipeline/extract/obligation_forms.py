"""What a text holds that looks like work and gives none: the forms it annexes to be filled in (their titles, the
sender's blank, the blanks to fill, where they are signed) and a recipients list a page flattened into one line."""

from __future__ import annotations

import re

from pipeline.knowledge.patterns import UPPER_VI

# "Mẫu số 09", "Mẫu 04/TTHC": the title of a form annexed to a text; its lines are blanks to fill, not work
FORM_START = re.compile(r"\s*Mẫu\s+(?:số\s+)?\d{1,3}[a-zđ]?(?:/[\w-]+)?\s*[.:]?\s*$")
# or the place for its sender's name, where a document's header names its issuer ("TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ", "TÊN
# CƠ QUAN CHỦ QUẢN"), after the appendix's label where a text layer ran them into one line ("Phụ lục 01 TÊN CƠ QUAN ...")
FORM_ISSUER = re.compile(r"\s*(?:(?:PHỤ\s+LỤC|Phụ\s+lục)\s+\S+\s+)?TÊN\s+(?:CƠ\s+QUAN|ĐƠN\s+VỊ|TỔ\s+CHỨC)\b")
# "Mẫu 4: Sổ gốc cấp giấy chứng nhận ... | ĐẢNG ỦY XÃ/PHƯỜNG ...": a form's title opening a table row
FORM_TITLE_CELL = re.compile(r"\s*Mẫu\s+(?:số\s+)?\d{1,3}[a-zđ]?\s*[:.]")
# "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ, ...; - Lưu: VT, NN (2).": a recipients list in
# one line; "Kiểm tra nhận thức | ......... | .........": the blanks of a form
_FLAT_LIST_ITEM = re.compile(rf";\s*-\s*[{UPPER_VI}]")
_FILING = re.compile(r"(?:^|[-;]\s*)(?:Lưu\s*:\s*(?:VT\b|Văn\s+thư\b|\.{2,}|…)|Như\s+trên\s*;?\s*$)")
# "GIÁM ĐỐC TRUNG TÂM (Ký, đóng dấu, ghi rõ họ tên)": where a form is signed
_SIGN_HERE = re.compile(r"\(Ký(?:\s+tên)?\s*(?:,|và|\))")
# "....(2).... giải quyết cho người được cấp phép": a form's numbered blank
_BLANKS = re.compile(r"\.{6,}|…{3,}|\.{3,}\s*\(\d{1,2}\)\s*\.{3,}")


def opens_form(line: str) -> bool:
    """Whether the line opens a form the text annexes: its title ("Mẫu số 09") or its sender's blank ("TÊN CƠ QUAN")."""
    return line.lstrip().startswith("Mẫu") and bool(FORM_START.match(line)) or "TÊN " in line and bool(FORM_ISSUER.match(line))


def list_or_form(text: str, start: int, end: int) -> bool:
    """A recipients list the page flattened ("Chính phủ; - Các bộ, ...; - Lưu: VT"), or a form to fill."""
    unit = text[start:end]  # most units hold none of the marks these patterns need, and are passed by `in` tests
    return (";" in unit and len(_FLAT_LIST_ITEM.findall(unit)) >= 2
            or ("Lưu" in unit or "Như" in unit) and bool(_FILING.search(unit))
            or _form_blanks(unit))


def form_row(line: str) -> bool:
    """A table row of a form: where it is signed, or most of its cells are blanks to fill in (a task row may hold one
    empty cell written as dots)."""
    if _signed_here(line):
        return True
    if ".." not in line and "…" not in line:
        return False
    cells = [cell for cell in line.split(" | ") if cell.strip()]
    return 2 * sum(1 for cell in cells if _BLANKS.search(cell)) >= len(cells)


def _form_blanks(unit: str) -> bool:
    """The blanks of a form to fill in, or where it is signed."""
    return (".." in unit or "…" in unit) and bool(_BLANKS.search(unit)) or _signed_here(unit)


def _signed_here(unit: str) -> bool:
    return "(Ký" in unit and bool(_SIGN_HERE.search(unit))
