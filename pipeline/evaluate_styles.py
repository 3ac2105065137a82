"""House styles: the gold documents rewritten the way other issuers, sites and tools write them, then extracted and
scored like the documents themselves (``obligraph eval GOLD --styles all``).

The documents the rules were written from are few; the ones a batch meets are written in other conventions
(the article word in capitals, dates in figures), saved by other tools (DOCX, web pages, OCR text that keeps
its page numbers) or wrapped differently. A style changes one convention and keeps the content, so the gold
still holds and a fall below the documents' own figures is a convention the rules do not read. Only the
summary of each style is printed: a check half is scored, never read.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from pipeline.cleanup.normalise import normalise
from pipeline.ingest.legacy_encodings import as_windows_1252
from pipeline.knowledge.tables import MAX_HEADER_LABEL, ROW_NUMBER_HEADING

EVERY_LINES = 45  # a page of text, for the styles that number pages
WRAP_WIDTH = 90  # the characters of a PDF's or a scan's line


class Style(NamedTuple):
    what: str
    rewrite: Callable[[str], str]  # the document's text (as ingest reads it) -> the restyled text
    suffix: str = ""  # the file it is saved as: "" keeps the document's own (text) suffix
    save: Callable[[str, Path], None] | None = None  # for the suffixes that are not plain text


def _paged(text: str, mark: Callable[[int], list[str]]) -> str:
    """Lines `mark(page)` before every EVERY_LINES-th line (the page it opens)."""
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i % EVERY_LINES == 0:
            out.extend(mark(i // EVERY_LINES + 1))
        out.append(line)
    return "\n".join(out)


def paragraph_lines(text: str) -> str:
    """One paragraph to a line, no blank lines; table rows as '| a | b |' (another tool's plain text)."""
    return "\n".join(f"| {line} |" if " | " in line else line for line in normalise(text).split("\n"))


def tab_tables(text: str) -> str:
    """One paragraph to a line, each table row's cells joined by tabs, as a word processor's table copied into a plain
    text file gives them."""
    return "\n".join(line.replace(" | ", "\t") if " | " in line else line for line in normalise(text).split("\n"))


def mojibake(text: str) -> str:
    """The text's UTF-8 bytes read as Windows-1252 and saved again as UTF-8 ("Bá»™ TÃ i chÃ­nh"), as a tool that takes
    every file for Windows-1252 leaves it; the five bytes Windows-1252 leaves undefined keep their Latin-1 reading."""
    return as_windows_1252(text.encode("utf-8"))


def wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    """paragraph_lines wrapped at `width` characters, as a PDF's text layer or a scan gives them."""
    out: list[str] = []
    for line in paragraph_lines(text).split("\n"):
        out.extend([line] if line.startswith("|") or len(line) <= width else
                   textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _blocks(text: str) -> list[str | list[list[str]]]:
    """The normalised text as paragraphs and tables (lists of rows of cells)."""
    blocks: list[str | list[list[str]]] = []
    for line in normalise(text).split("\n"):
        if " | " in line:
            if not blocks or isinstance(blocks[-1], str):
                blocks.append([])
            blocks[-1].append(line.split(" | "))
        elif line.strip():
            blocks.append(line)
    return blocks


def markdown(text: str) -> str:
    """Paragraphs apart, each table a Markdown pipe table (its first row, a delimiter row of dashes, the rest), as
    document converters write them."""
    out: list[str] = []
    for block in _blocks(text):
        if isinstance(block, str):
            out.extend((block, ""))
            continue
        width = max(map(len, block))
        rows = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in block]
        out.extend((rows[0], "|" + "---|" * width, *rows[1:], ""))
    return "\n".join(out)


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def save_docx(text: str, path: Path) -> None:
    """The document as a word processor holds it: a paragraph per paragraph, its table rows as tables."""
    import docx

    document = docx.Document()
    for block in _blocks(_NOT_XML.sub("", text)):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(map(len, block)))
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    document.save(path)


_HTML_HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản</title></head><body><div>'
_HTML_TAIL = "</div></body></html>"


def _write_page(parts: list[str], path: Path) -> None:
    path.write_text("\n".join([_HTML_HEAD, *parts, _HTML_TAIL]), encoding="utf-8")


def _html_table(rows: list[list[str]], merged: bool = False) -> str:
    """The rows as a <table>; merged: a cell equal to the one above it merges into it (the top cell's rowspan)."""
    spans = None
    if merged:
        width = max(map(len, rows))
        rows = [row + [""] * (width - len(row)) for row in rows]
        spans = [[1] * width for _ in rows]  # 0: merged into the cell above
        for column in range(width):
            top = 0
            for i in range(1, len(rows)):
                if rows[i][column].strip() and rows[i][column] == rows[top][column]:
                    spans[top][column] += 1
                    spans[i][column] = 0
                else:
                    top = i
    out = []
    for i, row in enumerate(rows):
        row_spans = spans[i] if spans else [1] * len(row)
        out.append("<tr>" + "".join((f'<td rowspan="{span}">' if span > 1 else "<td>") + f"{html.escape(cell)}</td>"
                                    for cell, span in zip(row, row_spans, strict=True) if span) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def save_html(text: str, path: Path, merged: bool = False) -> None:
    """The document as a site serves it: a <p> per paragraph, its table rows as a <table>; merged: a table's cells
    merged down their column where rows repeat them (a lead body over its run of tasks), as word processors and sites
    draw them, the first row's cell spanning the run (rowspan) and the others omitting it."""
    _write_page([f"<p>{html.escape(block)}</p>" if isinstance(block, str) else _html_table(block, merged)
                 for block in _blocks(text)], path)


def save_html_merged_cells(text: str, path: Path) -> None:
    save_html(text, path, merged=True)


_LIST_BULLET = re.compile(r"([-+•])\s+")  # a bullet's mark: "+" marks a bullet of a list within the list of "-"
_LIST_NUMBER = re.compile(r"(\d{1,3})\.\s+")  # an item's number


def save_html_lists(text: str, path: Path) -> None:
    """The document as a site serves it from a word processor's lists: bullets as the items of a <ul> ("+" bullets in
    a <ul> within), numbered items as <ol start="N"> items; the browser draws the marks, the page's text holds none."""
    parts: list[str] = []
    depth = 0  # the <ul> elements open

    def close(to: int) -> None:
        nonlocal depth
        parts.extend(["</ul>"] * (depth - to))
        depth = min(depth, to)

    for block in _blocks(text):
        if isinstance(block, str) and (bullet := _LIST_BULLET.match(block)):
            level = 2 if bullet.group(1) == "+" else 1
            parts.extend(["<ul>"] * (level - depth))
            close(level)
            depth = level
            parts.append(f"<li>{html.escape(block[bullet.end():])}</li>")
            continue
        close(0)
        if isinstance(block, str) and (number := _LIST_NUMBER.match(block)):
            parts.append(f'<ol start="{number.group(1)}"><li>{html.escape(block[number.end():])}</li></ol>')
        elif isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        else:
            parts.append(_html_table(block))
    close(0)
    _write_page(parts, path)


TASK_CELL_WIDTH = 45  # a PDF table's wide column (the task), in characters
CELL_WIDTH = 16  # its narrow columns (lead, partners, result, time)


def flat_tables(text: str) -> str:
    """Table rows as a PDF's text layer gives them without its ruling lines: the row's number on a line of its own,
    then each cell wrapped to its column's width, one cell after another, with no pipes. The table's wide column is
    the one whose cells are longest (the task: second in most plans, fifth in some, after the lead and partners)."""
    out: list[str] = []
    lines = normalise(text).split("\n")
    i = 0
    while i < len(lines):
        if " | " not in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and " | " in lines[end]:
            end += 1
        rows = [line.split(" | ") for line in lines[i:end]]
        columns = max(map(len, rows))
        wide = _widest_column(rows, columns)
        for row in rows:
            for k, cell in enumerate(row, start=columns - len(row)):
                width = TASK_CELL_WIDTH if k == wide else CELL_WIDTH
                out.extend(textwrap.wrap(cell, width, break_long_words=False, break_on_hyphens=False) or [])
        i = end
    return "\n".join(out)


def _widest_column(rows: list[list[str]], columns: int) -> int:
    """The column whose cells hold the most text over a table's rows; a short row holds the rightmost columns (the
    cells it shares with the row above were merged down: a page's rowspan)."""
    totals = [0] * columns
    for row in rows:
        for k, cell in enumerate(row, start=columns - len(row)):
            totals[k] += len(cell)
    return max(range(columns), key=lambda k: (totals[k], -k))


def headerless_tables(text: str) -> str:
    """paragraph_lines with each table's header row left out, as a page that continues a table gives it (its header
    stood on the page before) or a site that draws the header as an image."""
    out: list[str] = []
    for line in paragraph_lines(text).split("\n"):
        cells = line.strip("| ").split(" | ") if line.startswith("|") else []
        if cells and ROW_NUMBER_HEADING.fullmatch(cells[0].strip()) and all(len(c) <= MAX_HEADER_LABEL for c in cells):
            continue
        out.append(line)
    return "\n".join(out)


_NUMERIC_DATE = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")
_WRITTEN_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")

STYLES: dict[str, Style] = {
    "page-numbers": Style("a page number on a line of its own, no page break (another OCR tool's text)",
                          lambda text: _paged(text, lambda page: [str(page)])),
    "page-breaks": Style("a form feed and the page number at the top of each page (Tesseract, a PDF's text layer)",
                         lambda text: _paged(text, lambda page: ["\f", str(page)])),
    "article-capitals": Style("'ĐIỀU 1.' for 'Điều 1.'", lambda text: re.sub(r"(?m)^(\**)Điều(?= \d)", r"\1ĐIỀU", text)),
    "points-with-stop": Style("points lettered 'a.' for 'a)'",
                              lambda text: re.sub(r"(?m)^(\s*\**)([a-gđ])\)\s", r"\1\2. ", text)),
    "items-with-slash": Style("items numbered '2/' for '2.' (not an article's number)",
                              lambda text: re.sub(r"(?m)(?<!Điều\n)(?<!Điều )^(\s*)(\d{1,2})\.\s+(?=[^\W\d_])", r"\1\2/ ",
                                                  text)),
    "dates-in-words": Style("'ngày 15 tháng 12 năm 2025' for 'ngày 15/12/2025'",
                            lambda text: _NUMERIC_DATE.sub(r"ngày \1 tháng \2 năm \3", text)),
    "dates-in-figures": Style("'ngày 15/12/2025' for 'ngày 15 tháng 12 năm 2025'",
                              lambda text: _WRITTEN_DATE.sub(r"ngày \1/\2/\3", text)),
    "mojibake": Style("UTF-8 read as Windows-1252 and saved again ('Bá»™ TÃ i chÃ­nh')", mojibake),
    "tab-tables": Style("one paragraph to a line, table cells joined by tabs (a table copied into plain text)",
                        tab_tables, ".txt"),
    "paragraph-lines": Style("one paragraph to a line, tables as '| a | b |' rows", paragraph_lines, ".txt"),
    "wrapped": Style(f"paragraph-lines wrapped at {WRAP_WIDTH} characters, no blank lines", wrapped, ".txt"),
    "flat-tables": Style(f"table cells one after another, wrapped at {TASK_CELL_WIDTH} (the task) and {CELL_WIDTH} "
                         "characters, no pipes (a PDF's text layer)", flat_tables, ".txt"),
    "headerless-tables": Style("paragraph-lines with each task table's header row ('STT | Nội dung | ...') left out",
                               headerless_tables, ".txt"),
    "markdown": Style("paragraphs apart, tables as Markdown pipe tables (a delimiter row of dashes under the first)",
                      markdown, ".md"),
    "docx": Style("saved as DOCX (paragraphs, tables)", lambda text: text, ".docx", save_docx),
    "html": Style("served as a web page (<p>, <table>)", lambda text: text, ".html", save_html),
    "html-merged-cells": Style("served as a web page whose tables merge a cell down the rows that repeat it (rowspan)",
                               lambda text: text, ".html", save_html_merged_cells),
    "html-lists": Style("served as a web page whose bullets and numbered items are HTML lists (<ul>, <ol start>), "
                        "their marks drawn by the browser", lambda text: text, ".html", save_html_lists),
}


def restyle(source: Path, style: Style, into: Path) -> Path:
    """The source's text (as ingest reads it) rewritten in `style`, saved under `into` with the source's stem."""
    from pipeline.ingest.readers import read_document

    text = style.rewrite(read_document(source).text)
    suffix = style.suffix or (source.suffix if source.suffix in (".txt", ".md") else ".txt")
    path = into / f"{source.stem}{suffix}"
    if style.save:
        style.save(text, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


STYLE_COLUMNS = ("oblig_recall", "oblig_precision", "assignee_f1", "deadline_acc", "deadline_precision", "issued_acc")


def style_table(gold_dir: str | Path, shared: str | Path, names: list[str]) -> list[tuple[str, dict]]:
    """(style, strict summary) for the documents as they are ("as written") and each style named: evaluate() over
    the gold documents, each restyled on its way to the extractor."""
    from pipeline.evaluate import evaluate
    from pipeline.extract.document import extract_file

    rows = [("as written", evaluate(gold_dir, shared).summary())]
    scratch = Path(tempfile.mkdtemp(prefix="obligraph-styles-"))
    try:
        for name in names:
            into = scratch / name
            into.mkdir()

            def extract(source: Path, style: Style = STYLES[name], into: Path = into) -> dict:
                return extract_file(restyle(source, style, into)).to_dict()

            rows.append((name, evaluate(gold_dir, shared, extract).summary()))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows


def format_style_table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'style':18}" + "".join(f"{column:>20}" for column in STYLE_COLUMNS)
    lines = [head]
    for name, summary in rows:
        lines.append(f"{name:18}" + "".join(f"{summary.get(column) or 0:>20.3f}" for column in STYLE_COLUMNS))
    return "\n".join(lines)
