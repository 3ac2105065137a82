"""Units that report figures rather than give work: "Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%), 15 hồ sơ".

A unit this much made of figures reports results; tasks carry a date or two at most.
"""

from __future__ import annotations

import re

from pipeline import knowledge
from pipeline.knowledge.dates import DAY_WORD, MONTH_WORD, YEAR_WORD
from pipeline.knowledge.patterns import alternation

_NUMBER_TOKEN = re.compile(r"(?<!\S)(?=\S*\d)\S+")  # a word (as str.split gives them) holding a digit
_DATE_OR_SYMBOL = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|/\w*[A-ZĐ]")  # a date or a document number is no figure
# a number a time word stands before ("ngày 31 tháng 12 năm 2026", "quý III/2026", "December 31") tells when, as a
# numeric date does: it is no figure
_TIME_WORDS = (DAY_WORD, MONTH_WORD, YEAR_WORD, "quý", "giờ", *knowledge.load("deadline_patterns")["months_en"])
_TIME_WORD_BEFORE = re.compile(rf"(?i)\b(?:{alternation(_TIME_WORDS)})\s+$")
_DIGIT_RUN = re.compile(r"\d[\d.,/%]*")  # found only where a digit stands: a cheap count of the figures
_LETTER = re.compile(r"[^\W\d_]")
STATISTIC_SHARE = 0.25  # a unit this much made of figures reports results; tasks carry a date or two at most
MIN_FIGURES = 3


def statistic(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reports figures (a quarter of its words or more, or nothing but figures: a statistics
    table's cell that a text layer set on a line of its own, "- 94,29") rather than a task."""
    runs = len(_DIGIT_RUN.findall(text, start, end))
    if runs < MIN_FIGURES:
        # most units hold a figure or two at most: no need to count their words; one that holds no letter asks nothing
        return runs > 0 and _LETTER.search(text, start, end) is None
    unit = text[start:end]
    words = len(unit.split())
    if runs < STATISTIC_SHARE * words:
        return False  # a figure is a word holding a run of digits: there are no more figures than runs
    figures = [m for m in _NUMBER_TOKEN.finditer(unit) if not _DATE_OR_SYMBOL.search(m.group())
               and not _TIME_WORD_BEFORE.search(unit, max(0, m.start() - 12), m.start())]
    return len(figures) >= MIN_FIGURES and len(figures) >= STATISTIC_SHARE * words
