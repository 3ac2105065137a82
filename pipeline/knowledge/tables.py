"""What a table's header says, for the stages that read one (normalise keeps its labels apart, the flat tables rebuild
its rows, the task tables map its columns): the row-number column's label, how long a label runs, and the cue words
that name each column (data/obligation_cues.json, ``table_columns``)."""

from __future__ import annotations

import re
from functools import cache

from pipeline import knowledge

# the label of a table's row-number column: "STT", "TT", "Số TT", "Số thứ tự", "No."
ROW_NUMBER_LABEL = r"(?:S?TT|Stt|Số\s+TT|Số\s+thứ\s+tự|No\.?)"
MAX_HEADER_LABEL = 60  # a header's label is short: a longer cell is a row's data or a title


@cache
def column_cues() -> dict[str, re.Pattern[str]]:
    """Each column kind (group, task, lead, support, deadline, in the data file's order) -> the regex of the words
    that name it in a header's label."""
    columns = knowledge.load("obligation_cues")["table_columns"]
    return {kind: re.compile("|".join(map(re.escape, words)), re.I) for kind, words in columns.items()}
