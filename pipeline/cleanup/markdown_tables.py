"""Markdown pipe tables (GitHub's kind, as document converters and other sites write them) in the form crawls use.

A converter writes a table as a header row, a delimiter row of dashes, then one row to a line:

    | TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
    |---|---|---|---|
    | 1 | Xây dựng Đề án ... | Sở Khoa học và Công nghệ | Quý II/2026 |

The table reader (normalise) knows crawled tables, whose rows run between pipes and whose first row takes in the text
before it. Read as they are, the delimiter row became a row of dashes and the paragraphs above the table ran into
its header. Each such table is framed instead by a pipe on a line of its own before and after it, as the DOCX reader
frames its tables, its delimiter row left out and every row given its outer pipes (they are optional in Markdown).
"""

from __future__ import annotations

import re

# "|---|:---:|---:|", "--- | ---", "| :-- |": cells of dashes with an alignment colon or none
DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


def _row(line: str) -> str:
    """A row with its outer pipes."""
    line = line.strip()
    return ("" if line.startswith("|") else "| ") + line + ("" if line.endswith("|") else " |")


def _has_delimiter_row(text: str) -> bool:
    """Whether a line of the text is a delimiter row. Most texts hold none, and crawls draw rules of dashes under their
    headers: only the lines that hold "---" are tried, not every line's start."""
    pos = text.find("---")
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if DELIMITER_ROW.fullmatch(text, start, end):
            return True
        pos = text.find("---", end)
    return False


def frame_markdown_tables(text: str) -> str:
    """`text` with each Markdown pipe table framed as the table reader expects (the same object when it has none)."""
    if not _has_delimiter_row(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = lines[i]
        if "|" in header and i + 1 < len(lines) and DELIMITER_ROW.fullmatch(lines[i + 1]):
            out.extend(("|", _row(header)))
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                out.append(_row(lines[i]))
                i += 1
            out.append("|")
            continue
        out.append(header)
        i += 1
    return "\n".join(out)
