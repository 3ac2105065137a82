"""What a table's header says, for the stages that read one (normalise keeps its labels apart, the flat tables rebuild
its rows, the task tables map its columns): the row-number column's label, how long a label runs, how a time cell
opens and what a cell that is only a time holds, a group's and a subgroup's label, and the cue words that name each
column (data/obligation_cues.json, ``table_columns``)."""

from __future__ import annotations

import re
from functools import cache

from pipeline import knowledge
from pipeline.knowledge.dates import QUARTER_WORDS

# the label of a table's row-number column: "STT", "TT", "Số TT", "Số thứ tự", "No."
ROW_NUMBER_LABEL = r"(?:S?TT|Stt|Số\s+TT|Số\s+thứ\s+tự|No\.?)"
ROW_NUMBER_HEADING = re.compile(ROW_NUMBER_LABEL, re.I)  # a header cell that is only that label
MAX_HEADER_LABEL = 60  # a header's label is short: a longer cell is a row's data or a title
# how a task's time cell opens ("Năm 2026", "Quý IV/2026", "Thường xuyên", "Hằng năm", "2026-2027", "30/11/2025"): the
# flat tables cut a row's cells there, the task tables find a time column by it when no header names one
_QUARTER = "|".join(word.capitalize() for word in QUARTER_WORDS)  # "Quý|Quí"
TIME_CELL_START = (rf"(?:Năm|{_QUARTER}|Tháng|Trước|Trong|Từ|Đến|Hằng|Hàng|Thường\s+xuyên|Định\s+kỳ|Giai\s+đoạn|Sau\s+khi|"
                   r"Ngay|Kịp\s+thời|(?:19|20)\d\d|(?:\d{1,2}/){1,2}\d{4})")
# a time cell and nothing more ("2026 - 2030", "Năm 2025 - 2026", "Quý IV/2026", "31/12/2026")
TIME_CELL_ONLY = rf"(?:(?:Năm|{_QUARTER}|Tháng|Giai\s+đoạn)\s+)?[\dIVX][\dIVX/.\s\-–]*"
# the label of a group of rows between them: "I", "II.", "III.1.1", "A." (its title beside or below it)
GROUP_LABEL = r"(?:[IVXLC]{1,6}(?:\.\d{1,2})*|[A-ZĐ])\.?"
# a subgroup's label, numbered under its group's: "II.1", "I.2.3"
SUBGROUP_LABEL = r"[IVXLC]{1,6}(?:\.\d{1,2})+\.?"


@cache
def column_cues() -> dict[str, re.Pattern[str]]:
    """Each column kind (group, task, lead, support, deadline, in the data file's order) -> the regex of the words
    that name it in a header's label."""
    columns = knowledge.load("obligation_cues")["table_columns"]
    return {kind: re.compile("|".join(map(re.escape, words)), re.I) for kind, words in columns.items()}
