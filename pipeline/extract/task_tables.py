"""Task tables: a plan's table of tasks, one obligation per row, its columns named by the header row.

The header is a row whose cells name a task column and a lead or deadline column (data/obligation_cues.json,
``table_columns``); a header the page broke into lines of their own ("TT", "Nội dung thực hiện", "Cơ quan
chủ trì", ...) is looked for in the lines a little above the first row. A table whose header no cue knows (or which
has none) is read by its content: a column of bodies' names is the lead, the longest text before it the task.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.cue_index import CueIndex
from pipeline.extract.deadlines import period_heading
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.knowledge.patterns import UPPER_VI
from pipeline.knowledge.tables import MAX_HEADER_LABEL, ROW_NUMBER_HEADING, TIME_CELL_START
from pipeline.records import Assignee
from pipeline.segment.segmenter import APPENDIX, Block

MAX_TABLE_COLUMNS = 12
ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?")
MAX_TASK_COLUMN = 2
MIN_TASK_CELL = 15  # a shorter task cell is a sub-heading or a total
# "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030": a table's title that dates every row (read like a heading)
DATED_TITLE = re.compile(r"\b(?:đến|tới|trong)\s+năm\s+\d{4}\b|\bgiai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}\b", re.I)
TITLE_REACH = 600  # characters above the first row where the table's title stands
# "Kết quả thực hiện", "Tình hình thực hiện": a column of what was done makes the table a report on tasks set before
# (an annex of results), not one that assigns them
REPORT_COLUMN = re.compile(r"\s*(?:Kết\s+quả|Tình\s+hình)\s+(?:thực\s+hiện|triển\s+khai)\b", re.I)


class TaskTable:
    """Reads the rows of the task tables of one document, in order, remembering the current header."""

    def __init__(self, text: str, columns: dict[str, re.Pattern[str]], hits: CueIndex,
                 mentions: Callable[[int, int], list[AgencyMention]],
                 related_only: Callable[[AgencyMention], bool],
                 cell_bodies: Callable[[int, int], list[AgencyMention]] | None = None) -> None:
        self.text = text
        self.column_cues = columns
        self.hits = hits
        self.mentions = mentions  # the bodies named in text[start:end]
        self.cell_bodies = cell_bodies or mentions  # the bodies a lead or partners cell lists (BodyMentions.in_cell)
        self.related_only = related_only  # a partner narrowed to whoever is concerned names nobody
        self.columns: dict[str, int] | None = None
        self.width = 0  # the header's number of cells
        self.numbered = False  # the header's first column is the row number ("TT", "STT")
        self.row_end = 0  # where the last row of the table read so far ends
        self.title: tuple[int, int] | None = None  # the span of a title line above the table that dates its rows
        # a table header's cells, perhaps: the last lines read outside a table, with their spans
        self.recent_lines: deque[tuple[tuple[int, int], str]] = deque(maxlen=2 * MAX_TABLE_COLUMNS)
        self.broken_header: tuple[int, int] | None = None  # the span of the header's lines the last row found
        self._cell_kinds: dict[str, tuple[str, ...]] = {}  # short cells of this document -> their column kinds
        self.last_full: Draft | None = None  # the task of the last row that filled every column
        self.report = False  # the table reports on tasks set before: its rows are none
        self.period: tuple[int, int] | None = None  # the last line that is only a period ("Giai đoạn 2025-2027")
        self.by_content = False  # the columns were read from the rows, no header naming them

    def absorbs(self, block: Block, line: str) -> bool:
        """Whether a line of an appendix belongs to the table of results read last (its cells the page broke into
        lines); the next appendix's title ends that table."""
        if not self.report or block.kind != "appendix":
            return False
        self.report = not APPENDIX.match(line)
        return self.report

    def line(self, block: Block, line: str) -> None:
        """A line outside the table: perhaps a cell of a broken header, or a sub-heading row the page broke into
        lines that dates the rows below it ("I" then "Giai đoạn 2025-2027")."""
        self.recent_lines.append((block.span, line.strip()))
        if "đoạn" in line and period_heading(self.text, *block.span):  # "Giai đoạn 2025-2027": a string test first
            self.period = block.span  # above the first row it may stand before the broken header is known
            if self.columns:
                self.title = block.span

    def row(self, block: Block, line: str, after_row: bool) -> list[Draft]:
        """The task of a table row (none for a header row or a row without a task)."""
        cells = line.split(" | ")
        # a header names the task column: a row without any of its words is no header
        header = self.header(cells) if self.hits.may_match("task_column", *block.span) else None
        new_table = False
        drafts: list[Draft] = []
        if header:
            start = _header_start(cells)
            if start > 1 and self.columns:  # the last row of the table before, its title, then this header
                drafts = self._task(block, cells[:start - 1], self.columns)
            self.columns, new_table, self.by_content = header, True, False
            self.width = len(cells) - start
            self._complete_by_content(header, block.span[1] + 1)
            self.numbered = bool(ROW_NUMBER_HEADING.fullmatch(cells[start].strip()))
            self.report = _reports(cells[start:])
        elif self.columns is None and not after_row:
            self.columns = self._broken_header(list(self.recent_lines), len(cells))
            self.by_content = self.columns is None
            if self.by_content:
                self.columns = self._columns_by_content(block.span[0])
            else:
                self._complete_by_content(self.columns, block.span[0], len(cells))
            new_table = self.columns is not None
            self.width = len(cells)  # a header broken into lines is as wide as its first row
        if new_table:  # the title above a table dates its rows, through its sub-headings ("II. Xã hội số")
            self.title = self._dated_title(block.span[0]) or self._period_above(block.span[0])
            self.last_full = None
        if self.columns and not header:
            if self.report or self.by_content and self._labels(block, cells):
                return []  # read by its content, the header's labels are no task
            if after_row and self.last_full and 2 <= len(cells) < self.width:
                return self._merged_row(block, cells, self.columns, self.last_full)
            return self._task(block, cells, self.columns)
        return drafts

    def header(self, cells: list[str]) -> dict[str, int] | None:
        # "... | PHỤ LỤC II DANH MỤC ... (Kèm theo Quyết định số ...) | STT | Tên dự án, nhiệm vụ | ...": the table's
        # title (and the crawl may glue the last row of the table before it) can share the header's line
        start = _header_start(cells)
        cells = cells[start:]
        if not cells or any(len(cell) > MAX_HEADER_LABEL for cell in cells):
            return None  # a row of data, not labels (tested before any cell is searched)
        columns: dict[str, int] = {}
        for i, cell in enumerate(cells):
            for name in self._kinds(cell):
                if name not in columns:
                    columns[name] = i
                    break
        if "task" not in columns or not ("lead" in columns or "deadline" in columns):
            return None
        # after a title, a header's task column comes first or after the row number: later, the cells are a row of
        # data glued to a header repeated at a page break
        return columns if not start or columns["task"] <= MAX_TASK_COLUMN else None

    def tail(self, block: Block, line: str) -> list[tuple[int, int]] | None:
        """The cells of a row whose first cells the page broke onto lines of their own (the number, the task and its
        content above, then "Bộ Nông nghiệp và Môi trường | - Bộ Xây dựng; ... | Thực hiện mới | 2026 - 2027 | I, II"):
        the last columns, right-aligned under the header; None for a whole row."""
        if not self.columns or "lead" not in self.columns:
            return None
        cells = line.split(" | ")
        first = self.width - len(cells)  # the header column of the row's first cell
        if len(cells) < 2 or first <= self.columns["task"] or self.columns["lead"] < first:
            return None
        if self.numbered and ROW_NUMBER.fullmatch(cells[0].strip()):
            return None  # "2 | Quản lý, vận hành ... | Sở Tài chính | ...": a whole row whose last cells merge below
        return cell_offsets(self.text, block.span[0], cells)

    def complete(self, draft: Draft, cells: list[tuple[int, int]]) -> None:
        """Give a task written above a row's tail the row's lead, partners and time."""
        draft.assignees = []
        self._fill(draft, cells, self.columns, first=self.width - len(cells))

    def _fill(self, draft: Draft, cells: list[tuple[int, int]], columns: dict[str, int], first: int = 0) -> bool:
        """Give a draft the lead, partners and time of a row's cells (offsets), whose first cell stands under the
        header's column ``first``; whether the row has a time cell."""
        def cell(name: str) -> tuple[int, int] | None:
            i = columns[name] - first if name in columns else -1
            return cells[i] if 0 <= i < len(cells) else None

        for role in ("lead", "support"):  # the column names are the roles
            span = cell(role)
            for mention in self.cell_bodies(*span) if span else ():
                if role == "lead" or not self.related_only(mention):
                    add_assignee(draft.assignees, mention, role)
        time = cell("deadline")
        if time:
            draft.deadline_text = time
        return time is not None

    def _kinds(self, cell: str) -> tuple[str, ...]:
        """The column kinds whose cue words the cell holds, in the order the cues are tried."""
        kinds = self._cell_kinds.get(cell)
        if kinds is None:  # a broken header's lines are tried in several windows: each is searched once
            kinds = self._cell_kinds[cell] = tuple(name for name, pattern in self.column_cues.items()
                                                   if pattern.search(cell))
        return kinds

    def _dated_title(self, start: int) -> tuple[int, int] | None:
        """The last line in capitals a little above the table that names its time ("... ĐẾN NĂM 2030")."""
        for m in reversed(list(DATED_TITLE.finditer(self.text, max(0, start - TITLE_REACH), start))):
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            line_end = self.text.find("\n", m.end())
            line = self.text[line_start:line_end]
            if line.isupper():
                return line_start, line_end
        return None

    def _period_above(self, start: int) -> tuple[int, int] | None:
        """A period line between a table's broken header and its first row ("I" / "Giai đoạn 2025-2027")."""
        return self.period if self.period and 0 <= start - self.period[1] <= TITLE_REACH else None

    def _broken_header(self, recent: list[tuple[tuple[int, int], str]], width: int) -> dict[str, int] | None:
        """The header cells begin with the row-number column ("TT", "STT") when it has one. The span of its lines is
        kept in ``broken_header``: labels, not tasks."""
        lines = [line for _, line in recent]
        numbered = [i for i, line in enumerate(lines) if ROW_NUMBER_HEADING.fullmatch(line)]
        starts = [numbered[-1]] if numbered else range(len(lines) - width, -1, -1)
        for start in starts:
            header = self.header(lines[start:start + width])
            if header:
                self.numbered = bool(ROW_NUMBER_HEADING.fullmatch(lines[start]))
                self.report = _reports(lines[start:start + width])
                last_label = recent[min(start + width, len(recent)) - 1]
                self.broken_header = (recent[start][0][0], last_label[0][1])
                return header
        return None

    def _columns_by_content(self, start: int) -> dict[str, int] | None:
        """A table whose header names its columns in words no cue knows (or has none): the columns read from the rows
        themselves. A lead column is one whose cells open with a body's name, row after row; the task column is the
        longest text before it; a time column is one of short cells that give a year, a date or a period."""
        rows = _rows_from(self.text, start)
        if not rows:
            return None
        width = max(len(cells) for _, cells in rows)
        full = _full_rows(rows, width)
        lead = self._first_column(full, range(1, width), self._opens_with_body) if full else None
        if lead is None:
            return None
        lengths = [sum(len(cells[i]) for _, cells in full) / len(full) for i in range(lead)]
        task = max(range(lead), key=lambda i: lengths[i])
        if lengths[task] < MIN_CONTENT_TASK:
            return None
        columns = {"task": task, "lead": lead}
        # the partners' cells often open with a class ("Các cơ quan, tổ chức, đơn vị có liên quan") and name bodies after
        if lead + 1 < width and self._share(full, lead + 1, self._names_a_body) >= PARTNER_SHARE:
            columns["support"] = lead + 1
        dated = self._first_column(full, range(lead + 1, width), _gives_time)
        if dated is not None:
            columns["deadline"] = dated
        return columns

    def _complete_by_content(self, columns: dict[str, int], start: int, width: int | None = None) -> None:
        """A header that names no lead or no time column ("Lộ trình", "Năm"): the rows may show one, a column of bodies'
        names or of short cells giving a year, a date or a period."""
        if "lead" in columns and "deadline" in columns:
            return
        width = width or self.width
        full = _full_rows(_rows_from(self.text, start), width)
        if not full:
            return
        free = [i for i in range(columns["task"] + 1, width) if i not in columns.values()]
        for kind, test in (("lead", self._opens_with_body), ("deadline", _gives_time)):
            if kind not in columns and (found := self._first_column(full, free, test)) is not None:
                columns[kind] = found
                free.remove(found)

    def _first_column(self, rows: list[tuple[list[tuple[int, int]], list[str]]], candidates: Iterable[int],
                      test: Callable[[tuple[int, int], str], bool]) -> int | None:
        """The first of the candidate columns whose cells pass `test` in most rows."""
        return next((i for i in candidates if self._share(rows, i, test) >= CONTENT_SHARE), None)

    def _labels(self, block: Block, cells: list[str]) -> bool:
        """A header in words no cue knows ("STT | Nội dung | Đơn vị chủ trì | ..."): short cells, no row number, no
        body in the lead column."""
        lead = self.columns["lead"] if self.columns else -1
        if ROW_NUMBER.fullmatch(cells[0].strip()) or any(len(cell) > MAX_HEADER_LABEL for cell in cells):
            return False
        return not (0 <= lead < len(cells)
                    and self._opens_with_body(cell_offsets(self.text, block.span[0], cells)[lead], cells[lead]))

    def _names_a_body(self, span: tuple[int, int], cell: str) -> bool:
        return bool(self.mentions(*span))

    def _opens_with_body(self, span: tuple[int, int], cell: str) -> bool:
        found = self.mentions(span[0], min(span[1], span[0] + BODY_OPENS))
        return bool(found) and found[0].span[0] - span[0] <= 3

    @staticmethod
    def _share(rows: list[tuple[list[tuple[int, int]], list[str]]], column: int,
               test: Callable[[tuple[int, int], str], bool]) -> float:
        filled = [(offsets[column], cells[column]) for offsets, cells in rows if cells[column].strip()]
        return sum(1 for span, cell in filled if test(span, cell)) / len(rows) if filled else 0.0

    def _task(self, block: Block, cells: list[str], columns: dict[str, int]) -> list[Draft]:
        if len(cells) <= columns["task"]:
            return []
        number = cells[0].strip() if ROW_NUMBER.fullmatch(cells[0].strip()) else None
        if not number and self.numbered and len(cells) == self.width - 1 and columns["task"]:
            # the page dropped the row's empty number cell (the first row under a group's title, "D. | BỘ KHOA HỌC
            # VÀ CÔNG NGHỆ"): its cells are the header's from the second on
            drafts = self._row_task(block, cells, columns, columns["task"] - 1, first=1)
            self.last_full = drafts[0] if drafts else self.last_full
            return drafts
        drafts = self._row_task(block, cells, columns, columns["task"], path=number.rstrip(".") if number else None)
        if drafts and len(cells) >= self.width:
            self.last_full = drafts[0]
        return drafts

    def _merged_row(self, block: Block, cells: list[str], columns: dict[str, int], above: Draft) -> list[Draft]:
        """A row shorter than the header under a whole row: its first columns (the number, the lead, the partners,
        often the group of tasks) are cells merged with the row above, so its cells are the last columns ("- Rà soát,
        cập nhật các hướng dẫn kỹ thuật ... | - Bộ công cụ ... | Giai đoạn 2026 - 2027"). A task of its own, for the
        bodies of the row above."""
        first = self.width - len(cells)  # the header column of the row's first cell
        if columns.get("lead", -1) >= first:
            return self._task(block, cells, columns)  # the bodies are the row's own: not a merged row
        # the task column merged too (a group's title): the row's first cell is its task, when it is no other column
        if columns["task"] >= first:
            task = columns["task"] - first
        elif first in {columns.get(name) for name in ("support", "deadline")}:
            return []
        else:
            task = 0
        return self._row_task(block, cells, columns, task, first=first, path=above.path, assignees=above.assignees)

    def _row_task(self, block: Block, cells: list[str], columns: dict[str, int], task: int, *, first: int = 0,
                  path: str | None = None, assignees: list[Assignee] | None = None) -> list[Draft]:
        """The task in cell ``task`` of a row whose first cell stands under the header's column ``first``, with the
        row's lead, partners and time (after ``assignees`` it inherits); none when the cell is too short."""
        offsets = cell_offsets(self.text, block.span[0], cells)
        task_start, task_end = offsets[task]
        if task_end - task_start < MIN_TASK_CELL:
            return []
        drafts = []
        for start, end in _cell_items(self.text, task_start, task_end, block.span[1]):
            draft = Draft(path=path, span=(start, end), content_start=start, assignees=list(assignees or ()))
            if not self._fill(draft, offsets, columns, first=first) and self.title:
                draft.headings = (self.title,)  # dates the row when its own words give no date
            drafts.append(draft)
        return drafts


# "- Đầu tư, hiện đại hóa ... cảm biến đo nhanh. - Vận hành Hệ thống cảnh báo ...": the dash items of one cell, each after
# a full stop or semicolon (not the dash inside a name, "Kế hoạch - Tài chính")
CELL_ITEM = re.compile(rf"(?<=[.;])\s+[-–]\s+(?=[{UPPER_VI}])")


def _cell_items(text: str, start: int, end: int, row_end: int) -> list[tuple[int, int]]:
    """The tasks of a task cell: its dash items when it lists them, else the cell; the last runs to the row's end."""
    if text[start] not in "-–" or not (breaks := list(CELL_ITEM.finditer(text, start, end))):
        return [(start, row_end)]
    starts = [start] + [b.end() for b in breaks]
    ends = [b.start() for b in breaks] + [row_end]
    return list(zip(starts, ends, strict=True))


MIN_CONTENT_ROWS = 3  # a table is read by its content only when three rows or more agree
CONTENT_SHARE = 0.6  # of the rows, whose cell in a column is of the column's kind
PARTNER_SHARE = 0.3  # of the rows, whose cell after the lead names a body: the partners (most say "có liên quan")
MIN_CONTENT_TASK = 40  # characters: a task column's cells are sentences, on average
BODY_OPENS = 120  # characters of a cell where the body that opens it is looked for
CONTENT_ROWS = 12  # rows read ahead
TIME_CELL = re.compile(rf"\s*{TIME_CELL_START}", re.I)
MAX_TIME_CELL = 60


def _gives_time(span: tuple[int, int], cell: str) -> bool:
    return len(cell) <= MAX_TIME_CELL and bool(TIME_CELL.match(cell))


def _full_rows(rows: list[tuple[list[tuple[int, int]], list[str]]], width: int) -> list[tuple[list[tuple[int, int]],
                                                                                            list[str]]]:
    """The rows that fill every one of `width` columns, when enough of them agree to read a table by (else none)."""
    full = [row for row in rows if len(row[1]) == width]
    return full if len(full) >= MIN_CONTENT_ROWS else []


def _rows_from(text: str, start: int) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """The table rows from `start` on (lines with cells), each as its cells' offsets and texts; a group's heading
    between them ("II" / "Xây dựng hạ tầng công nghệ thông tin ...": lines without cells, a row right below them) is
    passed over, as the rows of one group may be too few to tell the columns."""
    rows = []
    pos = start
    while len(rows) < CONTENT_ROWS and pos < len(text):
        end = _line_end(text, pos)
        line = text[pos:end]
        if " | " not in line:
            if line.strip() and not (rows and _row_below(text, end + 1)):
                break
        else:
            cells = line.split(" | ")
            rows.append((cell_offsets(text, pos, cells), cells))
        pos = end + 1
    return rows


GROUP_HEADING_LINES = 2  # a group's label and its title


def _row_below(text: str, pos: int) -> bool:
    """Whether a row of cells follows within a group heading's lines from `pos`."""
    for _ in range(GROUP_HEADING_LINES):
        end = _line_end(text, pos)
        if " | " in text[pos:end]:
            return True
        pos = end + 1
    return False


def _line_end(text: str, pos: int) -> int:
    """Where the line that opens at `pos` ends (the text's end for its last line)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _reports(header: list[str]) -> bool:
    return any(REPORT_COLUMN.match(cell) for cell in header)


def _header_start(cells: list[str]) -> int:
    """Where a header's labels begin: after the last cell too long to be a label (a title), if the cells after it
    could be a header of two columns or more."""
    long = [i for i, cell in enumerate(cells) if len(cell) > MAX_HEADER_LABEL]
    return long[-1] + 1 if long and long[-1] < len(cells) - 2 else 0


def cell_offsets(text: str, start: int, cells: list[str]) -> list[tuple[int, int]]:
    offsets: list[tuple[int, int]] = []
    pos = start
    for cell in cells:
        s = text.find(cell, pos) if cell else pos
        s = pos if s < 0 else s
        offsets.append((s, s + len(cell)))
        pos = s + len(cell)
    return offsets
