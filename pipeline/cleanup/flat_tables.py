"""Flat task tables: a plan's table of tasks as a PDF's text layer gives it when it drops the ruling lines.

Without the pipes a crawl writes, a row comes out as its number on a line of its own, then each cell one after
another, wrapped to its column's width:

    STT Tên nhiệm vụ cụ thể
    Cơ quan
    chủ trì
    ...
    1.
    Tăng cường lãnh đạo, chỉ đạo xây dựng và
    tổ chức thực hiện hiệu quả các chủ trương, ...
    Các bộ ở
    Trung ương,
    Ủy ban nhân
    dân cấp tỉnh ở
    địa phương
    Các cơ quan, tổ
    chức, đơn vị khác có liên
    quan.
    Văn bản chỉ đạo Thường xuyên

Read line by line, each wrapped cell is a paragraph and the row's task loses its lead and its time. The header
says how many cells a row has (a row-number heading, "STT", then labels, one at least a column's of
data/obligation_cues.json, ``table_columns``; a table of other things is rebuilt too, and the task tables pass it by). A cell opens with a capital; a line in lower case,
or after a comma or a word that cannot end a phrase ("và", "của", "ở"), goes on with the cell above. A row is
rebuilt as the pipe row a crawl would have written ("| 1. | Tăng cường ... | Các bộ ở Trung ương, ... | ... |"),
and the task tables read it like any other.

A row runs from its number to the next row's (no greater than the next: numbers start again under a group), a
group's heading ("I. ..."), the header a page repeats, or the table's end (running text, a title in capitals).
With more segments than cells, they are joined at their weakest boundaries (a full stop or a time ending one, or a
body or a time opening the next, is a strong one); with fewer, cut where a body or a time opens inside a line (the
text layer set cells of one height on one line), the time put in its column and the blank cells left empty. A time
right of its column pulls the segments before it together (a wrapped line that opened with a capital).
"""

from __future__ import annotations

import re

from pipeline import knowledge
from pipeline.knowledge.patterns import JOINING_WORDS, UPPER_VI
from pipeline.knowledge.tables import (
    GROUP_LABEL,
    ROW_NUMBER_LABEL,
    TIME_CELL_ONLY,
    TIME_CELL_START,
    column_cues,
)

_ROW_NUMBER_WORDS = rf"{ROW_NUMBER_LABEL}\.?"  # the row-number column's label
ROW_NUMBER_HEADING = re.compile(rf"{_ROW_NUMBER_WORDS}(?=\s|$)")
ROW_NUMBER_LINE = re.compile(r"(\d{1,3})((?:\.\d{1,2})*)\.?")  # "1", "1.", "2.3": the line is only the number
# "16. Ban hành cơ chế ...": the number and the task's first line on one line (the text layer joined them)
ROW_NUMBER_OPENING = re.compile(rf"(\d{{1,3}})\.\s+(?=[{UPPER_VI}])")
# a group's heading between rows: "I" / "CƠ CHẾ, CHÍNH SÁCH", "II. Hoàn thiện thể chế ...", "A.", "III.1.1"
GROUP_LINE = re.compile(rf"{GROUP_LABEL}(?:\s+[{UPPER_VI}0-9].*)?")
GROUP_LABEL_LINE = re.compile(GROUP_LABEL)  # a line that is only a group's label: a subgroup opens below its group's title
MAX_HEADER_LINES = 16  # a header wrapped in its narrow columns
MAX_HEADER_LINE = 45  # a header's line is a short label, or two
MAX_ROW_LINES = 200  # more, and the row has run past the table's end (narrow columns wrap a long task to a hundred)
MAX_GROUP_LINES = 8  # a group's title wrapped in a narrow column, and a subgroup's under it
HEADER_WINDOW = MAX_HEADER_LINES + 2 * MAX_GROUP_LINES + 1  # the lines a header and the first row's number take
ELISION = re.compile(r"[.…_-]{3,}")
MAX_CELL_LINE = 100  # a cell's line is as long as its column is wide: a longer line is running text after the table
# a header's first line: the row-number heading, alone or before the first label; found from these words (str.find),
# with nothing but blanks, "S" or "Số" before them on their line ("STT", "TT", "Số TT", "Stt": the labels flat tables
# were seen with; each more word costs a scan of every text)
HEADER_WORDS = ("TT", "Stt")
HEADER_START = re.compile(rf"[ \t]*{_ROW_NUMBER_WORDS}(?:[ \t]|$)", re.M)
# what cannot end a cell's line: the phrase goes on below ("Các bộ ở" / "Trung ương,"; "Bộ Khoa học và" / "Công nghệ")
GOES_ON = re.compile(r"(?:[,;]|\b(?:" + "|".join((*JOINING_WORDS, "ở", "nhân", "and", "of", "the", "for", "with", "in", "on"))
                     + r"))\s*$", re.I)
# a word a number follows ends the line, the number opens the next ("Nghị quyết số" / "71/NQ-CP", "Trước ngày" /
# "30/11/2025")
NUMBER_GOES_ON = re.compile(r"\b(?:số|ngày|tháng|năm|khoản|điểm|Điều|No\.)\s*$", re.I)
# an agency's head noun ends the line, its name on the next ("Bộ Công an, Bộ" / "Tài chính, Bộ Nội vụ ...")
_HEADS = "|".join(map(re.escape, ("Bộ", "Cơ quan", "UBND", *knowledge.load("agency_grammar")["heads_vi"])))
NAME_GOES_ON = re.compile(rf"\b(?:{_HEADS})\s*$")
BODY_START = re.compile(rf"(?:Các|{_HEADS})\b")
TIME_CELL = re.compile(TIME_CELL_START)
# a cell that opens inside a line: a body (its head noun in capitals) or a time
CELL_OPENING = re.compile(rf"\s+(?=(?:Các|{_HEADS})\s|{TIME_CELL_START}\b)")
SENTENCE_END = (".", ":", ")")
TIME_ONLY = re.compile(TIME_CELL_ONLY)  # a segment that is a time and nothing more: a cell of its own, whatever follows


def _goes_on(text: str, after: str) -> bool:
    """Whether the phrase `text` ends with goes on in `after` (the next line, or the rest of the line)."""
    if after[:1].isdigit() and NUMBER_GOES_ON.search(text):
        return True
    return bool(GOES_ON.search(text) or NAME_GOES_ON.search(text))


def _opens_cell(previous: str, line: str) -> bool:
    """Whether `line` opens a new cell rather than going on with the one `previous` ends."""
    return not (line[:1].islower() or line[:1] in ",;.)]" or _goes_on(previous, line))


def _cells(lines: list[str]) -> list[str]:
    """Lines joined into the cells they wrap (each cell opens with a capital on a line of its own)."""
    cells: list[str] = []
    for line in lines:
        if cells and not _opens_cell(cells[-1], line):
            cells[-1] += " " + line
        else:
            cells.append(line)
    return cells


def _header(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """The cells of a flat header opening at lines[i] ("STT ..."), and the index of the line after it; None when the
    lines there are no task table's header."""
    head = ROW_NUMBER_HEADING.match(lines[i])
    if not head or len(lines[i]) > MAX_HEADER_LINE:
        return None
    labels: list[str] = []
    j = i
    while j < len(lines) and j - i < MAX_HEADER_LINES:
        line = lines[j]
        if j > i and (ROW_NUMBER_LINE.fullmatch(line) or GROUP_LINE.fullmatch(line) or len(line) > MAX_HEADER_LINE
                      or "|" in line):
            break
        if line:
            labels.append(line)
        j += 1
    cells = _cells(labels)
    if cells and (rest := cells[0][head.end():].strip()):  # "STT Tên nhiệm vụ cụ thể": the number's heading, then a label
        cells[0:1] = [cells[0][:head.end()], rest]
    kinds = {kind for cell in cells[1:] for kind, cue in column_cues().items() if cue.search(cell)}
    if len(cells) < 3 or not kinds:  # a table of other things is rebuilt too: the task tables pass it by
        return None
    return (cells, j) if _flat_rows_follow(lines, j) else None


def _flat_rows_follow(lines: list[str], j: int) -> bool:
    """Whether a flat row (its number on a line) follows lines[j], perhaps under a group's heading: not a row a crawl
    or a DOCX wrote between pipes (its header cells may stand on lines of their own too), nor lines of no table."""
    if j < len(lines) and not (ROW_NUMBER_LINE.fullmatch(lines[j]) or GROUP_LINE.fullmatch(lines[j])):
        j = _unlabelled_group_end(lines, j) or len(lines)
    if j >= len(lines):
        return False
    for line in lines[j:j + 2 * MAX_GROUP_LINES]:
        if "|" in line:
            return False
        if ROW_NUMBER_LINE.fullmatch(line) or ROW_NUMBER_OPENING.match(line):
            return True
    return False


def _unlabelled_group_end(lines: list[str], i: int) -> int | None:
    """Where a group's row that has no label ends, between the header and the first row: its text across the table
    ("Nhiệm vụ giao Bộ trưởng Bộ Khoa học và Công nghệ chỉ đạo"), which opens with a capital, runs to the first row's
    number on a line of its own; None when lines[i] opens no such row."""
    if not lines[i][:1].isupper():
        return None
    for end in range(i + 1, min(len(lines), i + 1 + MAX_GROUP_LINES)):
        if not lines[end] or "|" in lines[end]:
            return None
        if ROW_NUMBER_LINE.fullmatch(lines[end]):
            return end
    return None


def _strength(before: str, after: str) -> int:
    """How surely a cell ends between two segments of a row: after a full stop or a time cell ("2026 - 2030" then "Đề
    án") most surely, then before a time or a body (the lead's and the partners' columns open with one)."""
    return 2 * (before.endswith(SENTENCE_END) or bool(TIME_ONLY.fullmatch(before))) \
        + bool(TIME_CELL.match(after) or BODY_START.match(after))


def _join_weakest(segments: list[str], width: int) -> list[str]:
    """The segments joined at their weakest boundary (the last of equal strength) until no more than `width` are left."""
    while len(segments) > width:
        k = min(range(1, len(segments)), key=lambda k: (_strength(segments[k - 1], segments[k]), -k))
        segments[k - 1:k + 1] = [segments[k - 1] + " " + segments[k]]
    return segments


def _fit(segments: list[str], width: int, time_column: int | None) -> list[str]:
    """A row's segments as `width` cells: joined at the weakest boundaries while there are too many. While there are
    too few, cut where a body or a time opens inside a line ("Văn bản chỉ đạo Thường xuyên"), and the time put in its
    column with the segments before and after it on either side: the cells left empty are the row's blank ones. A
    time right of its column pulls the segments before it together (at their weakest boundaries) until it stands
    there."""
    segments = _join_weakest(list(segments), width)
    if len(segments) < width:  # cells of one height the text layer set on one line: cut them, then join again
        segments = _join_weakest(segments[:1] + [part for segment in segments[1:] for part in _split_within(segment)],
                                 width)
    times = [k for k in range(1, len(segments)) if TIME_CELL.match(segments[k])]
    if time_column is not None and times:
        k = times[-1]
        before, after = segments[:k], segments[k + 1:]
        if len(after) < width - time_column:
            if len(before) > time_column:
                # the time stands right of its column: a cell's wrapped line opened with a capital ("... thi hành
                # Luật" / "Quy hoạch sửa đổi."), and a blank cell after the time hid it in the count
                before = _join_weakest(before, time_column)
            elif len(segments) == width:
                return segments
            return [*before, *[""] * (time_column - len(before)), segments[k], *after,
                    *[""] * (width - time_column - 1 - len(after))]
    return segments + [""] * (width - len(segments))


def _split_within(segment: str) -> list[str]:
    """A segment cut where a body or a time opens in it after a word that can end a phrase: the text layer set cells
    of one height on one line ("Bộ Tài chính Bộ Y tế, Sở Y tế, cơ sở khám bệnh, chữa bệnh Các hoạt động Thường
    xuyên")."""
    parts: list[str] = []
    start = 0
    for m in CELL_OPENING.finditer(segment):
        before = segment[start:m.start()]
        if before and not _goes_on(before, segment[m.end():]):
            parts.append(before)
            start = m.end()
    return parts + [segment[start:]]


def _time_column(header: list[str]) -> int | None:
    """The column (counted after the row number's) that holds a row's time: the label whose first cue word is a
    time's ("Thời gian thực hiện" names a time, "Đơn vị thực hiện" a lead)."""
    for k, label in enumerate(header[1:]):
        found = [(m.start(), kind) for kind, cue in column_cues().items() if (m := cue.search(label))]
        if found and min(found)[1] == "deadline":
            return k
    return None


def _row_number(lines: list[str], i: int, last: int | None) -> re.Match[str] | None:
    """lines[i] as the number of a row after row `last` (None: the table's first): alone on its line, no greater
    than the next (the numbers start again under each group, and a page may leave rows out: "…......") and before a
    capital; or the next number exactly (or 1) before the row's first words ("16. Ban hành ...")."""
    number = ROW_NUMBER_LINE.fullmatch(lines[i])
    if not number:
        opening = ROW_NUMBER_OPENING.match(lines[i])
        return opening if opening and int(opening.group(1)) in (1, (last or 0) + 1) else None
    if last is not None and int(number.group(1)) > last + 1:
        return None
    after = lines[i + 1][:1] if i + 1 < len(lines) else ""
    return number if after.isupper() or after.isdigit() else None


def _repeated_header(lines: list[str], i: int, label_words: set[str]) -> int:
    """The index after a header a page repeats at lines[i] ("STT Tên nhiệm vụ cụ thể" / "Cơ quan chủ trì Cơ quan
    phối hợp ..."), each line only the header's words; i when there is none."""
    if not ROW_NUMBER_HEADING.match(lines[i]):
        return i
    j = i
    while j < len(lines) and lines[j] and set(lines[j].casefold().split()) <= label_words:
        j += 1
    return j


def _row_end(lines: list[str], i: int, number: int, label_words: set[str]) -> int:
    """Where the row opening at lines[i] (its number) ends: at the next row's number or a group's heading."""
    j = i + 1
    while j < len(lines) and j - i <= MAX_ROW_LINES:
        line = lines[j]
        if _row_number(lines, j, number) or GROUP_LINE.fullmatch(line) or "|" in line \
                or len(line) > MAX_CELL_LINE or line.isupper() and " " in line \
                or _repeated_header(lines, j, label_words) > j:
            return j  # the next row, a group's heading, or what follows the table (running text, a title in capitals)
        j += 1
    return j


def _header_starts(text: str) -> list[re.Match[str]]:
    """HEADER_START at the lines' starts, in text order: found from HEADER_WORDS (str.find, in C), whose line is tested
    only when nothing but blanks or the "S" of "STT" / "Số" stand before them on it."""
    found: dict[int, re.Match[str]] = {}
    for word in HEADER_WORDS:
        at = text.find(word)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            if at - line_start < 8 and text[line_start:at].strip() in ("", "S", "Số") \
                    and (m := HEADER_START.match(text, line_start)):
                found[line_start] = m
            at = text.find(word, at + len(word))
    return [found[start] for start in sorted(found)]


def _lines_from(text: str, start: int, count: int) -> list[str]:
    """The `count` lines of text from `start` (a line's start), stripped: the window a header is read in, without
    splitting the whole text."""
    lines: list[str] = []
    while len(lines) < count:
        end = text.find("\n", start)
        lines.append(text[start:end if end >= 0 else len(text)].strip())
        if end < 0:
            break
        start = end + 1
    return lines


def rebuild_flat_tables(text: str) -> str:
    """`text` with each flat task table rebuilt as pipe rows (see the module's doc); other text as it was (the same
    object when there is no such table). Only the lines a header may open at are looked at."""
    lines: list[str] | None = None
    stripped: list[str] | None = None
    out: list[str] = []
    done = 0  # the lines before this one are in `out`
    line_number, counted = 0, 0
    for m in _header_starts(text):
        line_number += text.count("\n", counted, m.start())
        counted = m.start()
        if line_number < done:
            continue  # inside a table rebuilt already
        found = _header(_lines_from(text, m.start(), HEADER_WINDOW), 0)
        if not found:
            continue  # (a crawl's header cells stand between pipes: most candidates end here)
        header, after = found
        lines = lines or text.split("\n")
        stripped = stripped or [line.strip() for line in lines]
        # framed by a pipe before and after, as the DOCX reader frames its tables: the text around runs into no row
        out.extend(lines[done:line_number])
        out.extend(("|", "| " + " | ".join(header) + " |"))
        done = _rows(stripped, line_number + after, header, _time_column(header), out)
        out.append("|")
    if lines is None or not out:
        return text
    return "\n".join(out + lines[done:])


def _rows(lines: list[str], i: int, header: list[str], time_column: int | None, out: list[str]) -> int:
    """The table's rows from lines[i] into `out` as pipe rows (a group's heading too); the index after them."""
    labels = " ".join(header)
    label_words = set(labels.casefold().split())
    last: int | None = None
    while i < len(lines):
        line = lines[i]
        if ELISION.fullmatch(line) or len(line) > 2 and line in labels:
            i += 1  # "…......": rows left out; a header's labels repeated (a page's, or a group's columns)
            continue
        if (after := _repeated_header(lines, i, label_words)) > i:
            i = after  # the header again, atop a new page
            continue
        number = _row_number(lines, i, last)
        if not number and GROUP_LINE.fullmatch(line):
            end = i + 1  # its title runs to the next row's number (wrapped in its column, or a group below it)
            while end < len(lines) and lines[end] and not ROW_NUMBER_LINE.fullmatch(lines[end]) \
                    and not GROUP_LABEL_LINE.fullmatch(lines[end]) and end - i <= MAX_GROUP_LINES:
                end += 1
            title = " ".join(lines[i + 1:end])
            if GROUP_LABEL_LINE.fullmatch(line) and title:
                # "I" / "Giai đoạn 2025-2027": the label in a cell of its own, as a crawl writes the group's row; its
                # title stays a heading of its own ("Giai đoạn 2025-2027" dates the rows below it)
                out.append(f"| {line} | {title} |")
            else:
                out.append(" ".join(lines[i:end]))  # "I. Đổi mới ..." on one line, as the text layer set it
            i = end
            continue
        if not number and last is None and (end := _unlabelled_group_end(lines, i)) is not None:
            out.append(" ".join(lines[i:end]))  # the first rows' group, named without a label: a heading of its own
            i = end
            continue
        if not number:
            return i
        last = int(number.group(1))
        end = _row_end(lines, i, last, label_words)
        first = [line[number.end():]] if number.end() < len(line) else []  # the task's first words, on the number's line
        segments = _cells([s for s in first + lines[i + 1:end] if s and not ELISION.fullmatch(s)])
        if not segments or end - i > MAX_ROW_LINES:
            return i
        cells = _fit(segments, len(header) - 1, time_column)
        out.append("| " + " | ".join([line[:number.end()].strip(), *cells]) + " |")
        i = end
    return i
